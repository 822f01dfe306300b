/* cmd_show.c - `lotrinh show FILE`: a scenario as a planner reads it.
 *
 * Prints the province, the economy and budget assumptions with the plan's
 * budget rule, the programmes' declared totals, merged-province components,
 * and the roadmap table: one row per indicator, its baseline and year, the
 * milestone years as columns, and the target.  Values whose source is an
 * assumption carry a '*'.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/cli.h"
#include "lotrinh/report.h"
#include "lotrinh/scenario.h"

const char lt_usage_show[] =
	"Usage: lotrinh show [--lang en|vi] FILE\n"
	"\n"
	"Print the scenario FILE as a planner reads it: the province, the\n"
	"economy, the budget rule and schedule, the programmes' declared totals,\n"
	"and the roadmap table (one row per indicator: baseline, milestones by\n"
	"year, target).  Values marked '*' are assumptions of the scenario, not\n"
	"figures from a document.\n"
	"\n"
	"Options:\n"
	"  --lang en|vi   labels and number format in English (default) or\n"
	"                 Vietnamese\n"
	"  -h, --help     show this help\n"
	"\n"
	"Exit status: 0 on success, 2 on bad usage or an invalid scenario.\n";

/* Widest an indicator name may print in the roadmap table. */
#define NAME_COLS 46

#define L(lang, en, vi) ((lang) == LT_LANG_VI ? (vi) : (en))

/* Width of the labels in the key-value blocks, in display columns. */
#define LABEL_COLS 18

/* Start a "  Label             value" line. */
static void label(const char *text)
{
	fputs("  ", stdout);
	lt_print_padded(stdout, text, LABEL_COLS);
	fputc(' ', stdout);
}

static const char *star(const char *source)
{
	return lt_source_is_assumption(source) ? "*" : "";
}

/* In a right-aligned table cell: '*' or a space, so digits line up. */
static const char *star_cell(const char *source)
{
	return lt_source_is_assumption(source) ? "*" : " ";
}

/* A value with up to 2 decimals (ranks and counts as whole numbers). */
static char *value_text(const lt_indicator *ind, double v, lt_lang lang,
                        char *buf, size_t size)
{
	int dec = ind->kind == LT_KIND_RANK ? 0 : 2;

	return lt_format_number(v, dec, 1, lang, buf, size);
}

static const char *name_of(const lt_indicator *ind, lt_lang lang)
{
	return lang == LT_LANG_VI ? ind->name_vi : ind->name;
}

static const char *unit_of(const lt_indicator *ind, lt_lang lang)
{
	return lang == LT_LANG_VI && ind->unit_vi != NULL ? ind->unit_vi
	                                                  : ind->unit;
}

static void target_text(const lt_indicator *ind, lt_lang lang, char *buf,
                        size_t size)
{
	const lt_target *t = &ind->target;
	char a[48], b[48];

	if (t->is_range)
		snprintf(buf, size, "%s–%s (%d)", value_text(ind, t->min, lang, a,
		         sizeof a), value_text(ind, t->max, lang, b, sizeof b),
		         t->year);
	else
		snprintf(buf, size, "%s %s (%d)", t->direction > 0 ? "≥" : "≤",
		         value_text(ind, t->value, lang, a, sizeof a), t->year);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The sorted, distinct milestone years of all indicators into YEARS
 * (capacity CAP); returns how many. */
static size_t milestone_years(const lt_scenario *s, int *years, size_t cap)
{
	size_t i, j, n = 0, k;

	for (i = 0; i < s->n_indicators; i++)
		for (j = 0; j < s->indicators[i].milestones.n; j++) {
			int y = s->indicators[i].milestones.pts[j].year;
			for (k = 0; k < n && years[k] != y; k++)
				;
			if (k == n && n < cap)
				years[n++] = y;
		}
	qsort(years, n, sizeof *years, cmp_int);
	return n;
}

static void fill_roadmap_row(lt_table *t, const lt_indicator *ind,
                             const int *years, size_t ny, lt_lang lang)
{
	char buf[160], v[48];
	size_t j, k;

	lt_table_add_row(t);
	lt_table_set(t, 0, name_of(ind, lang));
	lt_table_set(t, 1, unit_of(ind, lang));
	lt_table_setf(t, 2, "%d%s", ind->baseline_year,
	              star_cell(ind->baseline_year_source));
	lt_table_setf(t, 3, "%s%s", value_text(ind, ind->baseline, lang, v,
	              sizeof v), star_cell(ind->baseline_source));
	for (j = 0; j < ny; j++)
		for (k = 0; k < ind->milestones.n; k++)
			if (ind->milestones.pts[k].year == years[j])
				lt_table_setf(t, 4 + j, "%s%s", value_text(ind,
				              ind->milestones.pts[k].value, lang, v, sizeof v),
				              star_cell(ind->milestones.source));
	target_text(ind, lang, buf, sizeof buf);
	lt_table_setf(t, 4 + ny, "%s%s", buf, star_cell(ind->target.source));
}

static void print_roadmap(const lt_scenario *s, lt_lang lang)
{
	int years[128];
	size_t ny = milestone_years(s, years, sizeof years / sizeof *years);
	lt_table *t = lt_table_alloc(5 + ny);
	size_t i;

	if (t == NULL)
		return;
	lt_table_set_header(t, 0, L(lang, "Indicator", "Chỉ tiêu"), LT_LEFT);
	lt_table_set_max_width(t, 0, NAME_COLS);
	lt_table_set_header(t, 1, L(lang, "Unit", "Đơn vị"), LT_LEFT);
	lt_table_set_max_width(t, 1, 20);
	lt_table_set_header(t, 2, L(lang, "Year", "Năm"), LT_RIGHT);
	lt_table_set_header(t, 3, L(lang, "Baseline", "Hiện trạng"), LT_RIGHT);
	for (i = 0; i < ny; i++) {
		char y[16];
		snprintf(y, sizeof y, "%d", years[i]);
		lt_table_set_header(t, 4 + i, y, LT_RIGHT);
	}
	lt_table_set_header(t, 4 + ny, L(lang, "Target", "Mục tiêu"), LT_RIGHT);
	for (i = 0; i < s->n_indicators; i++)
		fill_roadmap_row(t, &s->indicators[i], years, ny, lang);
	printf("%s\n", L(lang, "Roadmap", "Lộ trình"));
	lt_table_print(t, stdout, 2);
	lt_table_free(t);
}

static const char *base_name(lt_base b, lt_lang lang)
{
	return b == LT_BASE_RECURRENT
	       ? L(lang, "recurrent spending", "chi thường xuyên")
	       : L(lang, "total budget spending", "tổng chi ngân sách");
}

static void print_schedule(const lt_scenario *s, lt_lang lang)
{
	const lt_schedule *sc = &s->budget.schedule;
	char a[48], b[48];
	size_t i;

	label(L(lang, "Schedule", "Lộ trình chi"));
	switch (sc->kind) {
	case LT_SCHED_CONSTANT:
		printf(L(lang, "%s%% of the base every year",
		         "%s%% mỗi năm"),
		       lt_format_number(sc->share_pct, 3, 1, lang, a, sizeof a));
		break;
	case LT_SCHED_RAMP:
		printf(L(lang, "from %s%% in %d to %s%% in %d, constant after",
		         "từ %s%% năm %d lên %s%% năm %d, giữ nguyên sau đó"),
		       lt_format_number(sc->from_pct, 3, 1, lang, a, sizeof a),
		       s->baseline_year,
		       lt_format_number(sc->to_pct, 3, 1, lang, b, sizeof b),
		       sc->to_year);
		break;
	case LT_SCHED_PER_YEAR:
		for (i = 0; i < sc->shares.n; i++)
			printf("%s%d: %s%%", i ? ", " : "", sc->shares.pts[i].year,
			       lt_format_number(sc->shares.pts[i].value, 3, 1, lang, a,
			                        sizeof a));
		break;
	case LT_SCHED_PROGRAMS:
		printf("%s", L(lang, "what the plan's programmes spend each year",
		               "theo kinh phí các nhiệm vụ của đề án"));
		break;
	}
	printf("%s\n", star(sc->source));
}

static void print_budget(const lt_scenario *s, lt_lang lang)
{
	const lt_budget *b = &s->budget;
	char a[48], g[48];
	size_t i;

	printf("%s\n", L(lang, "Budget", "Ngân sách"));
	label(L(lang, "Spending base", "Cơ sở chi"));
	printf("%s: %s%s %s (%d), ", base_name(b->base, lang),
	       lt_format_number(b->amount / 1000.0, 0, 1, lang, a, sizeof a),
	       star(b->amount_source), L(lang, "billion VND", "tỷ đồng"), b->year);
	printf(L(lang, "growing %s%%%s a year\n", "tăng %s%%%s/năm\n"),
	       lt_format_number(b->growth_pct, 2, 1, lang, g, sizeof g),
	       star(b->growth_source));
	if (b->has_rule)
	{
		label(L(lang, "Rule", "Quy định"));
		printf(L(lang, "at least %s%%%s of %s\n", "tối thiểu %s%%%s %s\n"),
		       lt_format_number(b->rule_min_share_pct, 2, 1, lang, a, sizeof a),
		       star(b->rule_source), base_name(b->base, lang));
	}
	print_schedule(s, lang);
	label(L(lang, "Co-financing", "Vốn ngoài NSNN"));
	if (b->cofin == LT_COFIN_RATIO)
		printf(L(lang, "%s per unit of public spending\n",
		         "%s trên mỗi đồng ngân sách\n"),
		       lt_format_number(b->cofin_ratio, 3, 1, lang, a, sizeof a));
	else if (b->cofin == LT_COFIN_PROGRAMS)
		printf("%s\n", L(lang, "the programmes' \"other\" amounts",
		                 "theo nguồn khác của các nhiệm vụ"));
	else
		printf("%s\n", L(lang, "none", "không"));
	label(L(lang, "Channels", "Kênh"));
	for (i = 0; i < s->n_channels; i++)
		printf("%s%s %s%%%s", i ? ", " : "", s->channels[i].id,
		       lt_format_number(100.0 * s->channels[i].allocation, 2, 1, lang,
		                        a, sizeof a),
		       star(s->channels[i].allocation_source));
	printf("\n");
}

static void print_totals(const lt_totals *t, lt_lang lang)
{
	char a[48];
	const char *sep = "";

	if (t->has_total) {
		printf(L(lang, "total %s", "tổng %s"),
		       lt_format_number(t->total, 0, 1, lang, a, sizeof a));
		sep = ", ";
	}
	if (t->has_state) {
		printf(L(lang, "%sstate %s", "%sNSNN %s"), sep,
		       lt_format_number(t->state, 0, 1, lang, a, sizeof a));
		sep = ", ";
	}
	if (t->has_other)
		printf(L(lang, "%sother %s", "%snguồn khác %s"), sep,
		       lt_format_number(t->other, 0, 1, lang, a, sizeof a));
}

static void print_programs(const lt_scenario *s, lt_lang lang)
{
	const lt_programs *p = &s->programs;
	size_t i;

	if (!s->has_programs)
		return;
	printf("%s (%s)\n", L(lang, "Programmes", "Nhiệm vụ, giải pháp"),
	       L(lang, "million VND", "triệu đồng"));
	if (p->declared.has_total || p->declared.has_state ||
	    p->declared.has_other) {
		label(L(lang, "Plan declares", "Đề án ghi"));
		print_totals(&p->declared, lang);
		printf("\n");
	}
	for (i = 0; i < p->n_parts; i++) {
		const lt_part *pt = &p->parts[i];

		label(pt->id);
		printf("%zu %s, %zu %s;", pt->n_groups,
		       L(lang, "groups", "nhóm"), pt->n_tasks,
		       L(lang, "tasks", "nhiệm vụ"));
		if (pt->declared.has_total || pt->declared.has_state ||
		    pt->declared.has_other) {
			printf(L(lang, " declared ", " ghi "));
			print_totals(&pt->declared, lang);
		}
		printf("\n");
	}
}

static void print_components(const lt_scenario *s, lt_lang lang)
{
	const lt_province *p = &s->province;
	char a[48], b[48];
	size_t i, j, k;

	if (p->n_components == 0)
		return;
	printf("%s\n", L(lang, "Merged from", "Hợp nhất từ"));
	for (i = 0; i < p->n_components; i++) {
		const lt_component *c = &p->components[i];

		printf("  %s — %s %s%%%s", L(lang, c->name, c->name_vi), L(lang, "weight", "trọng số"),
		       lt_format_number(100.0 * c->weight, 2, 1, lang, a, sizeof a),
		       star(c->weight_source));
		for (j = 0; j < c->n_values; j++)
			printf("; %s %s", s->indicators[c->values[j].indicator].id,
			       value_text(&s->indicators[c->values[j].indicator],
			                  c->values[j].value, lang, b, sizeof b));
		printf("\n");
	}
	for (k = 0; k < s->n_indicators; k++) {
		const lt_indicator *ind = &s->indicators[k];

		if (!ind->has_merged)
			continue;
		label(ind->id);
		printf(L(lang, "merged %s, scenario baseline %s\n",
		         "hợp nhất %s, hiện trạng trong kịch bản %s\n"),
		       value_text(ind, ind->merged_baseline, lang, a, sizeof a),
		       value_text(ind, ind->baseline, lang, b, sizeof b));
	}
}

static void print_scenario(const lt_scenario *s, lt_lang lang)
{
	char a[48], g[48];

	printf("%s — %s\n", L(lang, s->province.name, s->province.name_vi),
	       s->path);
	printf(L(lang, "Baseline year %d, horizon %d\n\n",
	         "Năm gốc %d, tầm nhìn %d\n\n"), s->baseline_year, s->horizon);
	printf("%s\n", L(lang, "Economy", "Kinh tế"));
	label("GRDP");
	printf("%s%s %s (%d), ", lt_format_number(s->economy.grdp / 1000.0, 0, 1, lang, a, sizeof a),
	       star(s->economy.grdp_source), L(lang, "billion VND", "tỷ đồng"),
	       s->economy.grdp_year);
	printf(L(lang, "growing %s%%%s a year\n\n", "tăng %s%%%s/năm\n\n"),
	       lt_format_number(s->economy.growth_pct, 2, 1, lang, g, sizeof g),
	       star(s->economy.growth_source));
	print_budget(s, lang);
	printf("\n");
	print_programs(s, lang);
	if (s->has_programs)
		printf("\n");
	print_components(s, lang);
	if (s->province.n_components > 0)
		printf("\n");
	print_roadmap(s, lang);
	printf("\n%s\n", L(lang, "* an assumption of the scenario, not a figure "
	                   "from a document (see its source in the file)",
	                   "* giả định của kịch bản, không phải số liệu từ văn bản "
	                   "(xem nguồn trong tệp)"));
}

int lt_cmd_show(int argc, char **argv)
{
	enum { OPT_LANG = CHAR_MAX + 1 };
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{"lang", required_argument, NULL, OPT_LANG},
		{NULL, 0, NULL, 0},
	};
	lt_lang lang = LT_LANG_EN;
	lt_scenario *s;
	int o;

	optind = 0;
	opterr = 0;
	while ((o = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (o) {
		case 'h':
			fputs(lt_usage_show, stdout);
			return LT_EXIT_OK;
		case OPT_LANG:
			if (lt_lang_parse(optarg, &lang) != 0)
				return lt_cli_usage_error("show", "'--lang' must be en or vi "
				                          "(got '%s')", optarg);
			break;
		default:
			return lt_cli_bad_option("show", o, argv);
		}
	}
	if (lt_cli_load_operand("show", argc, argv, NULL, &s) != LT_EXIT_OK)
		return LT_EXIT_USAGE;
	print_scenario(s, lang);
	lt_scenario_free(s);
	return LT_EXIT_OK;
}
