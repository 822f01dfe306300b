/* cmd_solve.c - `lotrinh solve SCENARIO`: the inverse questions.  What
 * constant share of the spending base meets each target, and all of them;
 * when the scenario's own schedule meets each target; and the
 * responsiveness its milestones assume (solve.c). */
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/alloc.h"
#include "lotrinh/budget.h"
#include "lotrinh/cli.h"
#include "lotrinh/model.h"
#include "lotrinh/report.h"
#include "lotrinh/scenario.h"
#include "lotrinh/solve.h"

const char lt_usage_solve[] =
	"Usage: lotrinh solve [--format table|json] SCENARIO\n"
	"\n"
	"Answer the inverse questions with the model of docs/MODEL.md:\n"
	"  - the smallest constant share of the spending base (every year after\n"
	"    the baseline) that meets each target by its year, and all of them\n"
	"    together (Brent's method, to 1e-6 points of share); a target that\n"
	"    no share up to 100% meets is reported as such, with the\n"
	"    responsiveness it would need;\n"
	"  - the year each target is met under the scenario's own schedule;\n"
	"  - the responsiveness (beta) the roadmap's milestones assume, against\n"
	"    the plausible range.\n"
	"\n"
	"Options:\n"
	"  --format table|json  output format (default table)\n"
	"  -h, --help           show this help\n"
	"\n"
	"Exit status: 0 on success (an unreachable target is an answer), 1 when a\n"
	"computation fails, 2 on bad usage or an invalid scenario.\n";

/* The share needed with β at the top of its plausible range. */
static const char *share_text(const lt_solve_answer *a, char *buf, size_t n)
{
	if (!a->has_top)
		snprintf(buf, n, "–");
	else if (a->share_top.answer == LT_ANSWER_UNREACHABLE)
		snprintf(buf, n, "not reachable");
	else if (a->share_top.answer == LT_ANSWER_CEILING)
		snprintf(buf, n, "never (ceiling)");
	else if (a->share_top.answer == LT_ANSWER_FREE)
		snprintf(buf, n, "0%%");
	else
		snprintf(buf, n, "%.3f%%", a->share_top.share);
	return buf;
}

static const char *target_text(const lt_indicator *ind, char *buf, size_t n)
{
	char t[64];

	snprintf(buf, n, "%s (%d)", lt_target_text(ind, 6, 1, t, sizeof t),
	         ind->target.year);
	return buf;
}

static void print_betas(const lt_scenario *s, const lt_solve_report *r)
{
	size_t k;

	printf("\nResponsiveness beta (logit a year per point of GRDP of capital "
	       "intensity);\nplausible range 0 to %.2g (docs/MODEL.md):\n",
	       LT_BETA_PLAUSIBLE_MAX);
	for (k = 0; k < s->n_indicators; k++) {
		const lt_solve_answer *x = &r->answers[k];

		if (x->share.answer == LT_ANSWER_NO_DYNAMICS ||
		    (!x->has_beta_ms && !x->has_beta_need && !x->met_without_spending))
			continue;
		printf("  %-20s scenario %.3g", s->indicators[k].id, x->beta);
		if (x->has_beta_ms)
			printf("; the milestones assume %.3g%s", x->beta_ms,
			       x->beta_ms > LT_BETA_PLAUSIBLE_MAX ? " (above the range)"
			       : "");
		if (x->met_without_spending)
			printf("; the target is met without spending (its trend alone "
			       "reaches it)");
		else if (x->has_beta_need)
			printf("; the target on the scenario's schedule needs %.3g%s",
			       x->beta_need, x->beta_need > LT_BETA_PLAUSIBLE_MAX
			       ? " (above the range)" : "");
		printf("\n");
	}
}

static void print_notes(const lt_scenario *s, const lt_solve_report *r)
{
	size_t k;

	for (k = 0; k < s->n_indicators; k++) {
		const lt_indicator *ind = &s->indicators[k];

		if (r->answers[k].share.answer == LT_ANSWER_CEILING)
			printf("\n%s: the target %.6g lies at the model's %s, which "
			       "its logistic law approaches but never reaches, whatever "
			       "the money; read it as \"as close to %.6g as possible\", "
			       "or set the ceiling above the target if the indicator can "
			       "truly reach it.\n", ind->id, lt_target_aim(ind),
			       lt_target_sense(ind) > 0 ? "ceiling" : "floor",
			       lt_target_aim(ind));
	}
}

static void print_table(const lt_scenario *s, const lt_solve_report *r)
{
	const char *base = s->budget.base == LT_BASE_RECURRENT
	                   ? "recurrent spending" : "total budget spending";
	lt_table *t;
	char a[64];
	size_t k;

	printf("Inverse questions — %s (%s)\n\n", s->province.name, s->path);
	if (r->n_simulated == 0) {
		printf("No indicator of this scenario is simulated (ranks get paths "
		       "and audits only,\nsee 'lotrinh paths' and 'lotrinh audit'): "
		       "there is no share to solve for.\n");
		return;
	}
	t = lt_table_alloc(7);
	if (t == NULL)
		return;
	printf("Smallest constant share of %s, every year from %d, that meets "
	       "each target:\n", base, s->baseline_year + 1);
	lt_table_set_header(t, 0, "indicator", LT_LEFT);
	lt_table_set_max_width(t, 0, 40);
	lt_table_set_header(t, 1, "target", LT_RIGHT);
	lt_table_set_header(t, 2, "share", LT_RIGHT);
	lt_table_set_header(t, 3, "with 0%", LT_RIGHT);
	lt_table_set_header(t, 4, "with 100%", LT_RIGHT);
	lt_table_set_header(t, 5, "share if beta = max", LT_RIGHT);
	lt_table_set_header(t, 6, "scenario meets it", LT_RIGHT);
	for (k = 0; k < s->n_indicators; k++) {
		const lt_solve_answer *x = &r->answers[k];

		lt_table_add_row(t);
		lt_table_set(t, 0, s->indicators[k].name);
		lt_table_set(t, 1, target_text(&s->indicators[k], a, sizeof a));
		switch (x->share.answer) {
		case LT_ANSWER_NO_DYNAMICS:
			lt_table_set(t, 2, "not simulated");
			continue;
		case LT_ANSWER_UNREACHABLE:
			lt_table_set(t, 2, "not reachable");
			break;
		case LT_ANSWER_CEILING:
			lt_table_set(t, 2, "never (ceiling)");
			break;
		case LT_ANSWER_FREE:
			lt_table_set(t, 2, "0% (met anyway)");
			break;
		case LT_ANSWER_SOLVED:
			lt_table_setf(t, 2, "%.3f%%", x->share.share);
			break;
		}
		lt_table_setf(t, 3, "%.4g", x->share.at_zero);
		lt_table_setf(t, 4, "%.4g", x->share.at_full);
		lt_table_set(t, 5, share_text(x, a, sizeof a));
		if (x->year_met > 0)
			lt_table_setf(t, 6, "in %d", x->year_met);
		else
			lt_table_setf(t, 6, "not by %d", s->horizon);
	}
	lt_table_print(t, stdout, 2);
	lt_table_free(t);
	if (!r->all_reachable)
		printf("\nAll targets together: not reachable with any share up to "
		       "100%%.\n");
	else if (!isnan(r->all_share))
		printf("\nAll targets together: %.3f%% of %s (set by %s).\n",
		       r->all_share, base, s->indicators[r->binding].id);
	if (s->budget.has_rule)
		printf("The plan's rule, at least %.4g%%, is %s.\n",
		       s->budget.rule_min_share_pct, r->all_reachable &&
		       r->all_share <= s->budget.rule_min_share_pct
		       ? "enough for every target" : "not enough for every target");
	printf("\"share if beta = max\" solves again with beta at the top of its "
	       "plausible range, %.2g.\n", LT_BETA_PLAUSIBLE_MAX);
	print_notes(s, r);
	print_betas(s, r);
}

static json_t *jnum(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static int print_json(const lt_scenario *s, const lt_solve_report *r)
{
	static const char *const names[] = {"solved", "met without spending",
	    "not reachable", "target at the model's ceiling", "not simulated"};
	json_t *root = json_object(), *list = json_array();
	size_t k;
	int rc;

	json_object_set_new(root, "scenario", json_string(s->path));
	for (k = 0; k < s->n_indicators; k++) {
		const lt_solve_answer *a = &r->answers[k];
		json_t *o = json_object();

		json_object_set_new(o, "id", json_string(s->indicators[k].id));
		json_object_set_new(o, "answer", json_string(names[a->share.answer]));
		json_object_set_new(o, "share_pct", jnum(a->share.share));
		json_object_set_new(o, "value_at_zero", jnum(a->share.at_zero));
		json_object_set_new(o, "value_at_full", jnum(a->share.at_full));
		json_object_set_new(o, "share_pct_beta_max", a->has_top
		                    ? jnum(a->share_top.share) : json_null());
		json_object_set_new(o, "year_met", a->year_met > 0
		                    ? json_integer(a->year_met) : json_null());
		json_object_set_new(o, "beta", jnum(a->beta));
		json_object_set_new(o, "beta_milestones", a->has_beta_ms
		                    ? jnum(a->beta_ms) : json_null());
		json_object_set_new(o, "beta_needed", a->has_beta_need
		                    ? jnum(a->beta_need) : json_null());
		json_object_set_new(o, "met_without_spending",
		                    json_boolean(a->met_without_spending));
		json_array_append_new(list, o);
	}
	json_object_set_new(root, "indicators", list);
	json_object_set_new(root, "all_targets_share_pct", jnum(r->all_share));
	json_object_set_new(root, "all_targets_reachable",
	                    r->n_simulated > 0 ? json_boolean(r->all_reachable)
	                    : json_null());
	json_object_set_new(root, "beta_plausible_max",
	                    json_real(LT_BETA_PLAUSIBLE_MAX));
	rc = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
	fputc('\n', stdout);
	json_decref(root);
	return rc == 0 ? LT_EXIT_OK : LT_EXIT_ENV;
}

int lt_cmd_solve(int argc, char **argv)
{
	enum { OPT_FORMAT = CHAR_MAX + 1 };
	static const struct option opts[] = {
		{"format", required_argument, NULL, OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	lt_format format = LT_FORMAT_TABLE;
	lt_solve_report r;
	lt_scenario *s;
	lt_diag d;
	int o, rc, status = LT_EXIT_OK;

	optind = 0;
	opterr = 0;
	while ((o = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (o) {
		case 'h':
			fputs(lt_usage_solve, stdout);
			return LT_EXIT_OK;
		case OPT_FORMAT:
			if (lt_format_parse(optarg, &format) != 0 ||
			    format == LT_FORMAT_CSV)
				return lt_cli_usage_error("solve", "'--format' must be table "
				                          "or json (got '%s')", optarg);
			break;
		default:
			return lt_cli_bad_option("solve", o, argv);
		}
	}
	if (lt_cli_load_operand("solve", argc, argv, NULL, &s) != LT_EXIT_OK)
		return LT_EXIT_USAGE;
	lt_diag_init(&d, argv[optind]);
	rc = lt_solve_run(s, &r, &d);
	if (rc != LT_OK) {
		lt_cli_print_diag(&d);
		status = rc == LT_EINVAL ? LT_EXIT_USAGE : rc == LT_ENOMEM
		         ? LT_EXIT_ENV : LT_EXIT_FAIL;
	} else if (format == LT_FORMAT_JSON) {
		status = print_json(s, &r);
	} else {
		print_table(s, &r);
	}
	lt_solve_report_destroy(&r);
	lt_diag_destroy(&d);
	lt_scenario_free(s);
	return status;
}
