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

struct answer {
	lt_share_result share;
	lt_share_result share_top; /* with β at the top of the plausible range */
	int has_top;
	int year_met;        /* under the scenario's schedule; 0 none */
	int has_beta_ms;     /* milestones give an implied beta */
	double beta_ms;
	int has_beta_need;   /* the beta that meets the target on the plan */
	double beta_need;
};

/* The share needed with β at the top of its plausible range. */
static const char *share_text(const struct answer *a, char *buf, size_t n)
{
	if (!a->has_top)
		snprintf(buf, n, "–");
	else if (a->share_top.answer == LT_ANSWER_UNREACHABLE)
		snprintf(buf, n, "not reachable");
	else if (a->share_top.answer == LT_ANSWER_FREE)
		snprintf(buf, n, "0%%");
	else
		snprintf(buf, n, "%.3f%%", a->share_top.share);
	return buf;
}

static const char *target_text(const lt_indicator *ind, char *buf, size_t n)
{
	const lt_target *t = &ind->target;

	if (t->is_range)
		snprintf(buf, n, "%.6g–%.6g (%d)", t->min, t->max, t->year);
	else
		snprintf(buf, n, "%s %.6g (%d)", t->direction > 0 ? "≥" : "≤",
		         t->value, t->year);
	return buf;
}

static int compute(const lt_scenario *s, lt_model_values *v,
                   struct answer *ans, lt_diag *d)
{
	lt_sim sim;
	size_t k;
	int rc;

	if (lt_sim_init(&sim, s) != LT_OK)
		return LT_ENOMEM;
	rc = lt_model_run(s, v, NULL, LT_METHOD_AUTO, 0.0, &sim, d);
	for (k = 0; rc == LT_OK && k < s->n_indicators; k++) {
		struct answer *a = &ans[k];

		memset(a, 0, sizeof *a);
		rc = lt_solve_share(s, v, k, &a->share, d);
		if (rc != LT_OK || !v->dynamic[k])
			continue;
		a->year_met = lt_sim_year_met(&sim, &s->indicators[k], k, sim.t0);
		if (s->indicators[k].channel >= 0) {
			double keep = v->beta[k];

			v->beta[k] = LT_BETA_PLAUSIBLE_MAX;
			rc = lt_solve_share(s, v, k, &a->share_top, d);
			v->beta[k] = keep;
			a->has_top = rc == LT_OK;
			if (rc != LT_OK)
				continue;
		}
		a->has_beta_ms = lt_solve_beta(s, v, NULL, k, &a->beta_ms, d) == LT_OK;
		a->has_beta_need = lt_solve_beta_target(s, v, NULL, k, &a->beta_need,
		                                        d) == LT_OK;
	}
	lt_sim_destroy(&sim);
	return rc;
}

/* The share that meets every target: the largest solved share; -1 when
 * some target is unreachable, NAN when none is simulated. */
static double all_targets(const lt_scenario *s, const struct answer *ans,
                          size_t *binding)
{
	double all = NAN;
	size_t k;

	for (k = 0; k < s->n_indicators; k++) {
		const lt_share_result *r = &ans[k].share;

		if (r->answer == LT_ANSWER_UNREACHABLE)
			return -1.0;
		if (r->answer == LT_ANSWER_NO_DYNAMICS)
			continue;
		if (isnan(all) || r->share > all) {
			all = r->share;
			*binding = k;
		}
	}
	return all;
}

static void print_table(const lt_scenario *s, const lt_model_values *v,
                        const struct answer *ans)
{
	const char *base = s->budget.base == LT_BASE_RECURRENT
	                   ? "recurrent spending" : "total budget spending";
	lt_table *t = lt_table_alloc(7);
	char a[64], b[64];
	size_t k, binding = 0;
	double all;

	printf("Inverse questions — %s (%s)\n\n", s->province.name, s->path);
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
		const lt_share_result *r = &ans[k].share;

		lt_table_add_row(t);
		lt_table_set(t, 0, s->indicators[k].name);
		lt_table_set(t, 1, target_text(&s->indicators[k], a, sizeof a));
		switch (r->answer) {
		case LT_ANSWER_NO_DYNAMICS:
			lt_table_set(t, 2, "not simulated");
			continue;
		case LT_ANSWER_UNREACHABLE:
			lt_table_set(t, 2, "not reachable");
			break;
		case LT_ANSWER_FREE:
			lt_table_set(t, 2, "0% (met anyway)");
			break;
		case LT_ANSWER_SOLVED:
			lt_table_setf(t, 2, "%.3f%%", r->share);
			break;
		}
		lt_table_setf(t, 3, "%.4g", r->at_zero);
		lt_table_setf(t, 4, "%.4g", r->at_full);
		lt_table_set(t, 5, share_text(&ans[k], a, sizeof a));
		if (ans[k].year_met > 0)
			lt_table_setf(t, 6, "in %d", ans[k].year_met);
		else
			lt_table_setf(t, 6, "not by %d", s->horizon);
	}
	lt_table_print(t, stdout, 2);
	lt_table_free(t);
	all = all_targets(s, ans, &binding);
	if (all < 0)
		printf("\nAll targets together: not reachable with any share up to "
		       "100%%.\n");
	else if (!isnan(all))
		printf("\nAll targets together: %.3f%% of %s (set by %s).\n", all,
		       base, s->indicators[binding].id);
	if (s->budget.has_rule && !isnan(all))
		printf("The plan's rule, at least %.4g%%, is %s.\n",
		       s->budget.rule_min_share_pct, all >= 0 &&
		       all <= s->budget.rule_min_share_pct ? "enough for every target"
		       : "not enough for every target");
	printf("\"share if beta = max\" solves again with beta at the top of its "
	       "plausible range, %.2g.\n", LT_BETA_PLAUSIBLE_MAX);
	printf("\nResponsiveness beta (logit a year per point of GRDP of capital "
	       "intensity);\nplausible range 0 to %.2g (docs/MODEL.md):\n",
	       LT_BETA_PLAUSIBLE_MAX);
	for (k = 0; k < s->n_indicators; k++) {
		const struct answer *x = &ans[k];

		if (!v->dynamic[k] || (!x->has_beta_ms && !x->has_beta_need))
			continue;
		printf("  %-20s scenario %.3g", s->indicators[k].id, v->beta[k]);
		if (x->has_beta_ms)
			printf("; the milestones assume %.3g%s", x->beta_ms,
			       x->beta_ms > LT_BETA_PLAUSIBLE_MAX ? " (above the range)"
			       : "");
		if (x->has_beta_need)
			printf("; the target on the scenario's schedule needs %.3g%s",
			       x->beta_need, x->beta_need > LT_BETA_PLAUSIBLE_MAX
			       ? " (above the range)" : "");
		printf("\n");
	}
	(void)b;
}

static json_t *jnum(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static int print_json(const lt_scenario *s, const lt_model_values *v,
                      const struct answer *ans)
{
	static const char *const names[] = {"solved", "met without spending",
	                                    "not reachable", "not simulated"};
	json_t *root = json_object(), *list = json_array();
	size_t k, binding = 0;
	double all = all_targets(s, ans, &binding);
	int rc;

	json_object_set_new(root, "scenario", json_string(s->path));
	for (k = 0; k < s->n_indicators; k++) {
		const struct answer *a = &ans[k];
		json_t *o = json_object();

		json_object_set_new(o, "id", json_string(s->indicators[k].id));
		json_object_set_new(o, "answer", json_string(names[a->share.answer]));
		json_object_set_new(o, "share_pct", jnum(a->share.share));
		json_object_set_new(o, "value_at_zero", jnum(a->share.at_zero));
		json_object_set_new(o, "value_at_full", jnum(a->share.at_full));
		json_object_set_new(o, "share_pct_beta_max", a->has_top &&
		                    a->share_top.answer != LT_ANSWER_UNREACHABLE
		                    ? jnum(a->share_top.share) : json_null());
		json_object_set_new(o, "year_met", a->year_met > 0
		                    ? json_integer(a->year_met) : json_null());
		json_object_set_new(o, "beta", v->dynamic[k] ? jnum(v->beta[k])
		                                             : json_null());
		json_object_set_new(o, "beta_milestones", a->has_beta_ms
		                    ? jnum(a->beta_ms) : json_null());
		json_object_set_new(o, "beta_needed", a->has_beta_need
		                    ? jnum(a->beta_need) : json_null());
		json_array_append_new(list, o);
	}
	json_object_set_new(root, "indicators", list);
	json_object_set_new(root, "all_targets_share_pct",
	                    all >= 0 ? jnum(all) : json_null());
	json_object_set_new(root, "all_targets_reachable", json_boolean(all >= 0));
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
	struct answer *ans;
	lt_model_values v;
	lt_scenario *s;
	lt_diag d;
	int o, status = LT_EXIT_OK;

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
	ans = lt_calloc(s->n_indicators, sizeof *ans);
	if (ans == NULL || lt_model_values_init(&v, s, &d) != LT_OK) {
		lt_cli_print_diag(&d);
		free(ans);
		lt_diag_destroy(&d);
		lt_scenario_free(s);
		return LT_EXIT_USAGE;
	}
	if (compute(s, &v, ans, &d) != LT_OK) {
		lt_cli_print_diag(&d);
		status = LT_EXIT_FAIL;
	} else if (format == LT_FORMAT_JSON) {
		status = print_json(s, &v, ans);
	} else {
		print_table(s, &v, ans);
	}
	free(ans);
	lt_model_values_destroy(&v);
	lt_diag_destroy(&d);
	lt_scenario_free(s);
	return status;
}
