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
                                 const lt_schedule *sc, char *buf,
                                 size_t size)
{
	switch (sc->kind) {
	case LT_SCHED_CONSTANT:
		snprintf(buf, size, "%.4g%% of the base every year", sc->share_pct);
		break;
	case LT_SCHED_RAMP:
		snprintf(buf, size, "from %.4g%% in %d to %.4g%% in %d", sc->from_pct,
		         s->baseline_year, sc->to_pct, sc->to_year);
		break;
	case LT_SCHED_PER_YEAR:
		snprintf(buf, size, "the scenario's shares by year");
		break;
	case LT_SCHED_PROGRAMS:
		snprintf(buf, size, "what the plan's programmes spend each year");
		break;
	}
	return buf;
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

lt_cell lt_cli_share_cell(const lt_share_result *x, int decimals, char *buf,
                          size_t size)
{
	switch (x->answer) {
	case LT_ANSWER_NO_DYNAMICS:
		return lt_cell_text("not simulated");
	case LT_ANSWER_UNREACHABLE:
		return lt_cell_text("not reachable");
	case LT_ANSWER_CEILING:
		return lt_cell_text("never (ceiling)");
	case LT_ANSWER_FREE:
		return lt_cell_text("0% (met anyway)");
	case LT_ANSWER_SOLVED:
		break;
	}
	snprintf(buf, size, "%.*f%%", decimals, x->share);
	return lt_cell_text(buf);
}

/* ---- probabilities in words ----------------------------------------------- */

const char *lt_cli_prob_text(size_t count, size_t n, char *buf, size_t size)
{
	double se, p = lt_mc_prob(count, n, &se);

	if (count == 0)
		snprintf(buf, size, "in none of %zu draws: P < %.2g (rule of three, "
		         "95 %%)", n, 3.0 / (double)n);
	else if (count == n)
		snprintf(buf, size, "in all %zu draws: P > %.6g (rule of three, "
		         "95 %%)", n, 1.0 - 3.0 / (double)n);
	else
		snprintf(buf, size, "P = %.3f (Monte Carlo s.e. %.2g)", p, se);
	return buf;
}
