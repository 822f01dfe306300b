/* options_run.c - the options of the commands that run the model under a
 * schedule and draw its uncertain parameters (simulate, solve
 * --probability, sens), the progress line on a terminal, and the words for
 * a probability (see cli_private.h).
 *
 * One parser keeps --share, --ramp, --schedule, --draws, --seed and
 * --threads the same everywhere, with the same messages.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli_private.h"
#include "lotrinh/cli.h"
#include "lotrinh/scenario.h"
#include "lotrinh/text.h"

/* What is wrong with a ramp, if anything. */
enum ramp_error { RAMP_OK, RAMP_FORM, RAMP_SHARE, RAMP_YEAR };

static int valid_share(double v)
{
	return v >= 0.0 && v <= 100.0;
}

/* Parse "S0:S1:YEAR" into a ramp, saying which part is wrong. */
static enum ramp_error parse_ramp(const char *arg, lt_schedule *sc)
{
	char copy[128], *a = copy, *b, *c;
	long year;

	if (strlen(arg) >= sizeof copy)
		return RAMP_FORM;
	strcpy(copy, arg);
	b = strchr(copy, ':');
	if (b == NULL || (c = strchr(b + 1, ':')) == NULL)
		return RAMP_FORM;
	*b++ = '\0';
	*c++ = '\0';
	if (lt_parse_double(a, &sc->from_pct) != 0 ||
	    lt_parse_double(b, &sc->to_pct) != 0 || !valid_share(sc->from_pct) ||
	    !valid_share(sc->to_pct))
		return RAMP_SHARE;
	if (lt_parse_long(c, &year) != 0 || year != (int)year)
		return RAMP_YEAR;
	sc->kind = LT_SCHED_RAMP;
	sc->to_year = (int)year;
	return RAMP_OK;
}

void lt_cli_run_opts_init(lt_cli_run_opts *r)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	memset(r, 0, sizeof *r);
	r->mc.seed = 1;
	r->mc.threads = n >= 1 && n <= 256 ? (int)n : 1;
}

int lt_cli_whole(const char *cmd, const char *option, const char *arg,
                 long lo, long hi, const char *zero, long *v)
{
	int st = lt_parse_long(arg, v);

	if (st == 0 && ((*v >= lo && *v <= hi) || (zero != NULL && *v == 0)))
		return LT_EXIT_OK;
	return lt_cli_usage_error(cmd, "'%s' must be %s%s%sa whole number from "
	                          "%ld to %ld (got '%s'%s%s)", option,
	                          zero != NULL ? "0 (" : "", zero != NULL ? zero
	                          : "", zero != NULL ? ") or " : "", lo, hi, arg,
	                          st != 0 ? ": " : "",
	                          st != 0 ? lt_num_status_text(st) : "");
}

static int whole_option(const char *cmd, const char *option, const char *arg,
                        long lo, long hi, long *v)
{
	return lt_cli_whole(cmd, option, arg, lo, hi, NULL, v);
}

int lt_cli_run_option(const char *cmd, int opt, const char *arg,
                      lt_cli_run_opts *r)
{
	static const char *const ramp_why[] = {NULL,
	    "must be S0:S1:YEAR, e.g. 1:3:2028",
	    "must have shares S0 and S1 from 0 to 100, as in 1:3:2028",
	    "must end in a whole year, as in 1:3:2028"};
	enum ramp_error e;
	long v;
	int st;

	switch (opt) {
	case LT_OPT_SHARE:
		r->n_sched++;
		r->sched_given = 1;
		r->sched.kind = LT_SCHED_CONSTANT;
		st = lt_parse_double(arg, &r->sched.share_pct);
		if (st != 0 || !valid_share(r->sched.share_pct))
			return lt_cli_usage_error(cmd, "'--share' must be a number from "
			                          "0 to 100 (got '%s'%s%s)", arg,
			                          st != 0 ? ": " : "",
			                          st != 0 ? lt_num_status_text(st) : "");
		return LT_EXIT_OK;
	case LT_OPT_RAMP:
		r->n_sched++;
		r->sched_given = 1;
		e = parse_ramp(arg, &r->sched);
		if (e != RAMP_OK)
			return lt_cli_usage_error(cmd, "'--ramp' %s (got '%s')",
			                          ramp_why[e], arg);
		return LT_EXIT_OK;
	case LT_OPT_SCHEDULE:
		r->n_sched++;
		if (strcmp(arg, "programs") == 0)
			r->sched_given = r->programs = 1;
		else if (strcmp(arg, "scenario") != 0)
			return lt_cli_usage_error(cmd, "'--schedule' must be programs or "
			                          "scenario (got '%s')", arg);
		return LT_EXIT_OK;
	case LT_OPT_DRAWS:
		st = whole_option(cmd, "--draws", arg, 1, (long)LT_MC_MAX_DRAWS, &v);
		if (st == LT_EXIT_OK) {
			r->draws_given = 1;
			r->mc.draws = (size_t)v;
		}
		return st;
	case LT_OPT_SEED:
		st = whole_option(cmd, "--seed", arg, 0, LONG_MAX, &v);
		r->mc.seed = (uint64_t)v;
		r->seed_or_threads = 1;
		return st;
	case LT_OPT_THREADS:
		st = whole_option(cmd, "--threads", arg, 1, 256, &v);
		r->mc.threads = (int)v;
		r->seed_or_threads = 1;
		return st;
	default:
		return -1;
	}
}

int lt_cli_run_opts_check(const char *cmd, const lt_cli_run_opts *r,
                          const char *draws_option)
{
	if (r->n_sched > 1)
		return lt_cli_usage_error(cmd, "give one of '--share', '--ramp' and "
		                          "'--schedule'");
	if (r->seed_or_threads && !r->draws_given && draws_option != NULL)
		return lt_cli_usage_error(cmd, "'--seed' and '--threads' go with "
		                          "'%s'", draws_option);
	return LT_EXIT_OK;
}

int lt_cli_schedule_check(const char *cmd, const struct lt_scenario *s,
                          lt_cli_run_opts *r)
{
	if (!r->sched_given)
		return LT_EXIT_OK;
	if (r->programs) {
		if (!s->has_programs)
			return lt_cli_usage_error(cmd, "'--schedule programs' needs a "
			                          "scenario with a 'programs' section (%s "
			                          "has none)", s->path);
		r->sched.kind = LT_SCHED_PROGRAMS;
	}
	if (r->sched.kind == LT_SCHED_RAMP &&
	    (r->sched.to_year <= s->baseline_year || r->sched.to_year > s->horizon))
		return lt_cli_usage_error(cmd, "the year of '--ramp' must be after "
		                          "the baseline %d and at most the horizon %d "
		                          "(got %d)", s->baseline_year, s->horizon,
		                          r->sched.to_year);
	return LT_EXIT_OK;
}

const lt_schedule *lt_cli_schedule(const lt_cli_run_opts *r)
{
	return r->sched_given ? &r->sched : NULL;
}

const char *lt_cli_schedule_text(const struct lt_scenario *s,
                                 const lt_schedule *sc, lt_lang lang,
                                 char *buf, size_t size)
{
	char a[32], b[32];

	switch (sc->kind) {
	case LT_SCHED_CONSTANT:
		snprintf(buf, size, LT_TR(lang, "%s%% of the base every year",
		                          "%s%% cơ sở chi mỗi năm"),
		         lt_format_sig(sc->share_pct, 4, 0, lang, a, sizeof a));
		break;
	case LT_SCHED_RAMP:
		snprintf(buf, size, LT_TR(lang, "from %s%% in %d to %s%% in %d",
		                          "từ %s%% năm %d lên %s%% năm %d"),
		         lt_format_sig(sc->from_pct, 4, 0, lang, a, sizeof a),
		         s->baseline_year,
		         lt_format_sig(sc->to_pct, 4, 0, lang, b, sizeof b),
		         sc->to_year);
		break;
	case LT_SCHED_PER_YEAR:
		snprintf(buf, size, "%s", LT_TR(lang, "the scenario's shares by year",
		                                "tỷ lệ chi từng năm của kịch bản"));
		break;
	case LT_SCHED_PROGRAMS:
		snprintf(buf, size, "%s", LT_TR(lang, "what the plan's programmes "
		                                "spend each year", "theo kinh phí "
		                                "các nhiệm vụ của đề án"));
		break;
	}
	return buf;
}

const char *lt_cli_origin_text(const char *origin, lt_lang lang, char *buf,
                               size_t size)
{
	char name[64];
	size_t n;

	/* the forms of model.c's r_slot, beta_slot and static_reason */
	if (lang != LT_LANG_VI)
		snprintf(buf, size, "%s", origin);
	else if (sscanf(origin, "r from the '%63[^']' prior (docs/MODEL.md), too "
	                "little history", name) == 1)
		snprintf(buf, size, "r theo phân phối tiên nghiệm '%s' (docs/MODEL.md), "
		         "vì quá ít số liệu quá khứ", name);
	else if (sscanf(origin, "beta from the '%63[^']' prior", name) == 1)
		snprintf(buf, size, "beta theo phân phối tiên nghiệm '%s' "
		         "(docs/MODEL.md)", name);
	else if (sscanf(origin, "r from the trend of %zu observations", &n) == 1)
		snprintf(buf, size, "r theo xu thế của %zu quan sát (độ dốc logit)",
		         n);
	else if (sscanf(origin, "the baseline %63s is not strictly", name) == 1)
		snprintf(buf, size, "hiện trạng %s không nằm hẳn giữa sàn và trần "
		         "(%s)", name, origin);
	else if (strcmp(origin, "r from the scenario") == 0)
		snprintf(buf, size, "r do kịch bản cho");
	else if (strcmp(origin, "beta from the scenario") == 0)
		snprintf(buf, size, "beta do kịch bản cho");
	else if (strcmp(origin, "beta = 0: not given") == 0)
		snprintf(buf, size, "beta = 0: không được cho");
	else if (strncmp(origin, "r = 0: ", 7) == 0)
		snprintf(buf, size, "r = 0: không có r, không có phân phối tiên "
		         "nghiệm và quá ít số liệu để ước lượng xu thế");
	else if (strcmp(origin, "a rank: paths and audits only, no dynamics") == 0)
		snprintf(buf, size, "chỉ tiêu xếp hạng: chỉ có đường đi và rà soát, "
		         "không mô phỏng");
	else if (strcmp(origin, "a count needs a 'ceiling' for the logistic "
	                "law") == 0)
		snprintf(buf, size, "chỉ tiêu đếm cần 'ceiling' (trần) cho quy luật "
		         "logistic");
	else if (strcmp(origin, lt_no_baseline_text) == 0)
		snprintf(buf, size, "văn bản chưa có hiện trạng: không đo được tiến "
		         "độ");
	else
		snprintf(buf, size, "%s", origin);
	return buf;
}

/* The name of the indicator with id ID in LANG, or ID when S has none. */
const char *lt_cli_base_name(const struct lt_scenario *s, lt_lang lang)
{
	return s->budget.base == LT_BASE_RECURRENT
	       ? LT_TR(lang, "recurrent spending", "chi thường xuyên")
	       : LT_TR(lang, "total budget spending", "tổng chi ngân sách");
}

/* ---- the progress line ---------------------------------------------------- */

static double seconds_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + 1e-9 * (double)(now.tv_nsec -
	       t->tv_nsec);
}

void lt_cli_progress_show(size_t done, size_t total, void *data)
{
	lt_cli_progress *p = data;

	if (seconds_since(&p->start) < 1.0)
		return;
	fprintf(stderr, "\r%s: %zu of %zu %s (%d %%)", p->what, done, total,
	        p->unit, total > 0 ? (int)(100.0 * (double)done / (double)total)
	        : 100);
	p->shown = 1;
}

int lt_cli_progress_start(lt_cli_progress *p, const char *what,
                          const char *unit)
{
	memset(p, 0, sizeof *p);
	p->what = what;
	p->unit = unit;
	clock_gettime(CLOCK_MONOTONIC, &p->start);
	return isatty(STDERR_FILENO);
}

void lt_cli_progress_end(lt_cli_progress *p)
{
	if (p->shown)
		fprintf(stderr, "\r%70s\r", "");
	p->shown = 0;
}

/* ---- a share answer in words ------------------------------------------------ */

const char *lt_cli_answer_name(lt_answer a)
{
	static const char *const names[] = {
		[LT_ANSWER_SOLVED] = "solved",
		[LT_ANSWER_FREE] = "met without spending",
		[LT_ANSWER_UNREACHABLE] = "not reachable",
		[LT_ANSWER_CEILING] = "target at the model's ceiling",
		[LT_ANSWER_NO_DYNAMICS] = "not simulated",
	};

	return names[a];
}

lt_cell lt_cli_share_cell(const lt_share_result *x, int decimals,
                          lt_lang lang, char *buf, size_t size)
{
	switch (x->answer) {
	case LT_ANSWER_NO_DYNAMICS:
		return lt_cell_text(LT_TR(lang, "not simulated", "không mô phỏng"));
	case LT_ANSWER_UNREACHABLE:
		return lt_cell_text(LT_TR(lang, "not reachable", "không đạt được"));
	case LT_ANSWER_CEILING:
		return lt_cell_text(LT_TR(lang, "never (ceiling)",
		                          "không bao giờ (trần)"));
	case LT_ANSWER_FREE:
		return lt_cell_text(LT_TR(lang, "0% (met anyway)", "0% (vẫn đạt)"));
	case LT_ANSWER_SOLVED:
		break;
	}
	lt_format_number(x->share, decimals, 0, lang, buf, size - 1);
	strcat(buf, "%");
	return lt_cell_text(buf);
}

/* ---- probabilities in words ----------------------------------------------- */

const char *lt_cli_prob_text(size_t count, size_t n, lt_lang lang, char *buf,
                             size_t size)
{
	double se, p = lt_mc_prob(count, n, &se);
	char a[32], b[32];

	if (count == 0 && lang == LT_LANG_VI)
		snprintf(buf, size, "ở 0/%zu lượt: P < %s (quy tắc ba, 95 %%)", n,
		         lt_format_sig(3.0 / (double)n, 2, 0, lang, a, sizeof a));
	else if (count == 0)
		snprintf(buf, size, "in none of %zu draws: P < %s (rule of three, "
		         "95 %%)", n, lt_format_sig(3.0 / (double)n, 2, 0, lang, a,
		         sizeof a));
	else if (count == n && lang == LT_LANG_VI)
		snprintf(buf, size, "ở cả %zu/%zu lượt: P > %s (quy tắc ba, 95 %%)",
		         n, n, lt_format_sig(1.0 - 3.0 / (double)n, 6, 0, lang, a,
		         sizeof a));
	else if (count == n)
		snprintf(buf, size, "in all %zu draws: P > %s (rule of three, "
		         "95 %%)", n, lt_format_sig(1.0 - 3.0 / (double)n, 6, 0,
		         lang, a, sizeof a));
	else
		snprintf(buf, size, LT_TR(lang, "P = %s (Monte Carlo s.e. %s)",
		                          "P = %s (sai số chuẩn Monte Carlo %s)"),
		         lt_format_number(p, 3, 0, lang, a, sizeof a),
		         lt_format_sig(se, 2, 0, lang, b, sizeof b));
	return buf;
}
