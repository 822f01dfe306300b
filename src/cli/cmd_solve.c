/* cmd_solve.c - `lotrinh solve SCENARIO`: the inverse questions.  What
 * constant share of the spending base meets each target, and all of them;
 * when the scenario's own schedule meets each target; and the
 * responsiveness its milestones assume.  Runs lt_solve_run and renders its
 * report as one document (table, CSV or JSON through the output layer). */
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/cli.h"
#include "lotrinh/scenario.h"
#include "lotrinh/solve.h"
#include "lotrinh/table.h"

const char lt_usage_solve[] =
	"Usage: lotrinh solve [--indicator ID]... [--format table|csv|json]\n"
	"                     [--out FILE] SCENARIO\n"
	"\n"
	"Answer the inverse questions with the model of docs/MODEL.md:\n"
	"  - the smallest constant share of the spending base (every year after\n"
	"    the baseline) that meets each target by its year, and all of them\n"
	"    together (Brent's method, to 1e-6 points of share); a target that\n"
	"    no share up to 100% meets is reported as such, with the\n"
	"    responsiveness it would need, and a target at the model's ceiling\n"
	"    as one no money can reach;\n"
	"  - the year each target is met under the scenario's own schedule;\n"
	"  - the responsiveness (beta) the roadmap's milestones assume, against\n"
	"    the plausible range.\n"
	"\n"
	"Options:\n"
	"  --indicator ID           only this indicator (repeat for several)\n"
	"  --format table|csv|json  output format (default table)\n"
	"  --out FILE               write to FILE (replaced whole, never an input)\n"
	"  -h, --help               show this help\n"
	"\n"
	"Exit status: 0 on success (an unreachable target is an answer), 1 when a\n"
	"computation fails, 2 on bad usage or an invalid scenario, 3 when the\n"
	"output cannot be written.\n";

/* What each answer is called in CSV and JSON. */
static const char *const answer_names[] = {
	[LT_ANSWER_SOLVED] = "solved",
	[LT_ANSWER_FREE] = "met without spending",
	[LT_ANSWER_UNREACHABLE] = "not reachable",
	[LT_ANSWER_CEILING] = "target at the model's ceiling",
	[LT_ANSWER_NO_DYNAMICS] = "not simulated",
};

/* A number, or missing when it is not finite. */
static lt_cell num(double v, int prec, unsigned style)
{
	return isfinite(v) ? lt_cell_number(v, prec, style, NULL)
	                   : lt_cell_missing(NULL);
}

/* A share answer as people read it: "30.937%", "not reachable", ... */
static lt_cell share_cell(const lt_share_result *x, char *buf, size_t n)
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
	snprintf(buf, n, "%.3f%%", x->share);
	return lt_cell_text(buf);
}

/* The share needed with β at the top of its plausible range. */
static lt_cell top_cell(const lt_solve_answer *a, char *buf, size_t n)
{
	if (!a->has_top)
		return lt_cell_missing(NULL);
	if (a->share_top.answer == LT_ANSWER_FREE)
		return lt_cell_text("0%");
	return share_cell(&a->share_top, buf, n);
}

/* The columns of the answers: text shows a reader's table, CSV and JSON
 * the numbers. */
static const struct {
	const char *key, *head;
	unsigned show;
} cols[] = {
	{"indicator", "indicator", LT_SHOW_TEXT},
	{"id", "id", LT_SHOW_DATA},
	{"target", "target", LT_SHOW_ALL},
	{"share", "share", LT_SHOW_TEXT},
	{"answer", "answer", LT_SHOW_DATA},
	{"share_pct", "share_pct", LT_SHOW_DATA},
	{"value_at_zero", "with 0%", LT_SHOW_ALL},
	{"value_at_full", "with 100%", LT_SHOW_ALL},
	{"share_beta_max", "share if beta = max", LT_SHOW_TEXT},
	{"share_pct_beta_max", "share_pct_beta_max", LT_SHOW_DATA},
	{"scenario_meets", "scenario meets it", LT_SHOW_TEXT},
	{"year_met", "year_met", LT_SHOW_DATA},
	{"beta", "beta", LT_SHOW_DATA},
	{"beta_milestones", "beta_milestones", LT_SHOW_DATA},
	{"beta_needed", "beta_needed", LT_SHOW_DATA},
	{"met_without_spending", "met_without_spending", LT_SHOW_DATA},
};
#define NCOLS (sizeof cols / sizeof *cols)

static void answer_row(lt_table *t, const lt_scenario *s,
                       const lt_solve_report *r, size_t k)
{
	const lt_indicator *ind = &s->indicators[k];
	const lt_solve_answer *a = &r->answers[k];
	char target[96], tt[64], share[32], top[32];
	int sim = a->share.answer != LT_ANSWER_NO_DYNAMICS;

	snprintf(target, sizeof target, "%s (%d)",
	         lt_target_text(ind, 6, 1, tt, sizeof tt), ind->target.year);
	lt_table_add_row(t);
	lt_table_set(t, 0, ind->name);
	lt_table_set(t, 1, ind->id);
	lt_table_set(t, 2, target);
	lt_table_put(t, 3, share_cell(&a->share, share, sizeof share));
	lt_table_set(t, 4, answer_names[a->share.answer]);
	lt_table_put(t, 5, num(a->share.share, 0, 0));
	lt_table_put(t, 6, sim ? num(a->share.at_zero, 4, LT_NUM_SIG)
	                       : lt_cell_missing(""));
	lt_table_put(t, 7, sim ? num(a->share.at_full, 4, LT_NUM_SIG)
	                       : lt_cell_missing(""));
	lt_table_put(t, 8, sim ? top_cell(a, top, sizeof top) : lt_cell_missing(""));
	lt_table_put(t, 9, a->has_top ? num(a->share_top.share, 0, 0)
	                              : lt_cell_missing(NULL));
	if (!sim)
		lt_table_put(t, 10, lt_cell_missing(""));
	else if (a->year_met > 0)
		lt_table_setf(t, 10, "in %d", a->year_met);
	else
		lt_table_setf(t, 10, "not by %d", s->horizon);
	lt_table_put(t, 11, a->year_met > 0 ? lt_cell_year(a->year_met)
	                                    : lt_cell_missing(NULL));
	lt_table_put(t, 12, num(a->beta, 0, 0));
	lt_table_put(t, 13, a->has_beta_ms ? num(a->beta_ms, 0, 0)
	                                   : lt_cell_missing(NULL));
	lt_table_put(t, 14, a->has_beta_need ? num(a->beta_need, 0, 0)
	                                     : lt_cell_missing(NULL));
	lt_table_put(t, 15, lt_cell_bool(a->met_without_spending));
}

/* The indicators the report covers: those asked for, else all. */
static size_t chosen(const lt_scenario *s, const lt_cli_opts *o, size_t j)
{
	return o->n_ids > 0 ? (size_t)lt_scenario_find_indicator(s, o->ids[j])
	                    : j;
}

/* The answers as a table of D shown in SHOW (the reader's table sits in a
 * section of its own, the data at the top of the document). */
static void answers_table(lt_doc *d, const lt_scenario *s,
                          const lt_solve_report *r, const lt_cli_opts *o,
                          unsigned show)
{
	lt_table *t = d != NULL ? lt_doc_table(d, "indicators", NULL, NULL, NCOLS,
	                                       show) : NULL;
	size_t c, j, n = o->n_ids > 0 ? o->n_ids : s->n_indicators;

	if (t == NULL)
		return;
	for (c = 0; c < NCOLS; c++)
		lt_table_set_column(t, c, cols[c].key, cols[c].head, NULL,
		                    c == 0 ? LT_LEFT : LT_RIGHT, cols[c].show & show);
	lt_table_set_max_width(t, 0, 40);
	for (j = 0; j < n; j++)
		answer_row(t, s, r, chosen(s, o, j));
}

/* The sentences after the table: all targets, the rule, the ceiling. */
static void summary_lines(lt_doc *d, const lt_scenario *s,
                          const lt_solve_report *r)
{
	const char *base = s->budget.base == LT_BASE_RECURRENT
	                   ? "recurrent spending" : "total budget spending";
	size_t k;

	lt_doc_line(d, "");
	if (!r->all_reachable)
		lt_doc_line(d, "All targets together: not reachable with any share "
		            "up to 100%.");
	else if (!isnan(r->all_share))
		lt_doc_linef(d, "All targets together: %.3f%% of %s (set by %s).",
		             r->all_share, base, s->indicators[r->binding].id);
	if (s->budget.has_rule)
		lt_doc_linef(d, "The plan's rule, at least %.4g%%, is %s.",
		             s->budget.rule_min_share_pct, r->all_reachable &&
		             r->all_share <= s->budget.rule_min_share_pct
		             ? "enough for every target"
		             : "not enough for every target");
	lt_doc_linef(d, "\"share if beta = max\" solves again with beta at the "
	             "top of its plausible range, %.2g.", LT_BETA_PLAUSIBLE_MAX);
	for (k = 0; k < s->n_indicators; k++) {
		const lt_indicator *ind = &s->indicators[k];

		if (r->answers[k].share.answer != LT_ANSWER_CEILING)
			continue;
		lt_doc_line(d, "");
		lt_doc_linef(d, "%s: the target %.6g lies at the model's %s, which "
		             "its logistic law approaches but never reaches, whatever "
		             "the money; read it as \"as close to %.6g as possible\", "
		             "or set the ceiling above the target if the indicator can "
		             "truly reach it.", ind->id, lt_target_aim(ind),
		             lt_target_sense(ind) > 0 ? "ceiling" : "floor",
		             lt_target_aim(ind));
	}
}

/* The β each roadmap assumes, one sentence an indicator. */
static void beta_lines(lt_doc *d, const lt_scenario *s,
                       const lt_solve_report *r)
{
	char line[512];
	size_t k, n;

	lt_doc_line(d, "");
	lt_doc_linef(d, "Responsiveness beta (logit a year per point of GRDP of "
	             "capital intensity);");
	lt_doc_linef(d, "plausible range 0 to %.2g (docs/MODEL.md):",
	             LT_BETA_PLAUSIBLE_MAX);
	for (k = 0; k < s->n_indicators; k++) {
		const lt_solve_answer *x = &r->answers[k];

		if (x->share.answer == LT_ANSWER_NO_DYNAMICS ||
		    (!x->has_beta_ms && !x->has_beta_need && !x->met_without_spending))
			continue;
		n = (size_t)snprintf(line, sizeof line, "  %-20s scenario %.3g",
		                     s->indicators[k].id, x->beta);
		if (x->has_beta_ms && n < sizeof line)
			n += (size_t)snprintf(line + n, sizeof line - n, "; the "
			     "milestones assume %.3g%s", x->beta_ms, x->beta_ms >
			     LT_BETA_PLAUSIBLE_MAX ? " (above the range)" : x->beta_ms
			     < 0.0 ? " (below zero: they rise more slowly than the "
			     "trend alone)" : "");
		if (x->met_without_spending && n < sizeof line)
			snprintf(line + n, sizeof line - n, "; the target is met "
			         "without spending: its trend alone reaches it (%s)",
			         x->r_origin);
		else if (x->has_beta_need && n < sizeof line)
			snprintf(line + n, sizeof line - n, "; the target on the "
			         "scenario's schedule needs %.3g%s", x->beta_need,
			         x->beta_need > LT_BETA_PLAUSIBLE_MAX
			         ? " (above the range)" : "");
		lt_doc_line(d, line);
	}
}

/* The whole report as a document (caller frees), or NULL. */
static lt_doc *solve_doc(const lt_scenario *s, const lt_solve_report *r,
                         const lt_cli_opts *o)
{
	const char *base = s->budget.base == LT_BASE_RECURRENT
	                   ? "recurrent spending" : "total budget spending";
	char title[512];
	lt_doc *d;

	snprintf(title, sizeof title, "Inverse questions — %s (%s)",
	         s->province.name, s->path);
	d = lt_doc_alloc(title, NULL);
	if (d == NULL)
		return NULL;
	lt_doc_field(d, "scenario", "Scenario", NULL, lt_cell_text(s->path),
	             LT_SHOW_JSON);
	if (r->n_simulated == 0) {
		lt_doc_line(d, "");
		lt_doc_line(d, "No indicator of this scenario is simulated (ranks get "
		            "paths and audits only,");
		lt_doc_line(d, "see 'lotrinh paths' and 'lotrinh audit'): there is "
		            "no share to solve for.");
	} else {
		snprintf(title, sizeof title, "Smallest constant share of %s, every "
		         "year from %d, that meets each target:", base,
		         s->baseline_year + 1);
	}
	if (r->n_simulated > 0)
		answers_table(lt_doc_child(d, "answers", title, NULL, LT_SHOW_TEXT),
		              s, r, o, LT_SHOW_TEXT);
	answers_table(d, s, r, o, LT_SHOW_DATA);
	if (r->n_simulated > 0) {
		summary_lines(d, s, r);
		beta_lines(d, s, r);
	}
	lt_doc_field(d, "all_targets_share_pct", "all_targets_share_pct", NULL,
	             num(r->all_share, 0, 0), LT_SHOW_JSON);
	lt_doc_field(d, "all_targets_reachable", "all_targets_reachable", NULL,
	             r->n_simulated > 0 ? lt_cell_bool(r->all_reachable)
	             : lt_cell_missing(NULL), LT_SHOW_JSON);
	lt_doc_field(d, "beta_plausible_max", "beta_plausible_max", NULL,
	             lt_cell_number(LT_BETA_PLAUSIBLE_MAX, 0, 0, NULL),
	             LT_SHOW_JSON);
	return d;
}

int lt_cmd_solve(int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, LT_OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{"indicator", required_argument, NULL, LT_OPT_INDICATOR},
		{"out", required_argument, NULL, LT_OPT_OUT},
		{NULL, 0, NULL, 0},
	};
	lt_solve_report r;
	lt_cli_opts o;
	lt_scenario *s = NULL;
	lt_doc *doc = NULL;
	lt_diag d;
	int c, rc, status = LT_EXIT_OK;

	memset(&r, 0, sizeof r);
	lt_cli_opts_init(&o);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(lt_usage_solve, stdout);
			goto done;
		}
		status = lt_cli_option("solve", c, optarg, &o);
		if (status < 0)
			status = lt_cli_bad_option("solve", c, argv);
		if (status != LT_EXIT_OK)
			goto done;
	}
	status = lt_cli_load_operand("solve", argc, argv, &s);
	if (status == LT_EXIT_OK)
		status = lt_cli_check_ids("solve", &o, s);
	if (status != LT_EXIT_OK)
		goto done;
	lt_diag_init(&d, s->path);
	rc = lt_solve_run(s, &r, &d);
	lt_cli_print_diag(&d);
	lt_diag_destroy(&d);
	if (rc != LT_OK) {
		status = lt_cli_exit_status(rc);
		goto done;
	}
	doc = solve_doc(s, &r, &o);
	/* a NULL document renders as "out of memory" */
	status = lt_cli_emit(doc, &o, (const char *const[]){s->path}, 1);
done:
	lt_doc_free(doc);
	lt_solve_report_destroy(&r);
	lt_scenario_free(s);
	lt_cli_opts_destroy(&o);
	return status;
}
