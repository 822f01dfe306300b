/* cmd_paths.c - `lotrinh paths SCENARIO`: what growth each target implies.
 *
 * For every indicator: the path families from its baseline to its target
 * (curve.c), the growth each needs in its first and steepest year, the
 * growth the history shows, and the SDG-style progress measures
 * (progress.c).  A range target is aimed at its near edge (the least the
 * target asks); a target already met says so.
 */
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/cli.h"
#include "lotrinh/curve.h"
#include "lotrinh/progress.h"
#include "lotrinh/report.h"
#include "lotrinh/scenario.h"
#include "lotrinh/trend.h"

const char lt_usage_paths[] =
	"Usage: lotrinh paths [--indicator ID] [--format table|csv|json] SCENARIO\n"
	"\n"
	"For each indicator, the growth its target implies: five path families\n"
	"from the baseline to the target (linear; constant growth rate;\n"
	"logistic and Gompertz within the indicator's floor and ceiling; the\n"
	"roadmap's milestones by monotone interpolation), each with the growth\n"
	"it needs in its first and in its steepest year; the growth the history\n"
	"shows; and the SDG progress measures: the Open SDG ratio of observed to\n"
	"required growth with its class (target achieved, on track, acceleration\n"
	"needed, limited progress, deterioration, or insufficient data) and the\n"
	"UNSD projection ratio.  A range target is aimed at its near edge.\n"
	"\n"
	"Options:\n"
	"  --indicator ID           only this indicator\n"
	"  --format table|csv|json  output format (default table); csv and json\n"
	"                           carry every path year by year\n"
	"  -h, --help               show this help\n"
	"\n"
	"Exit status: 0 on success, 2 on bad usage or an invalid scenario.\n";

/* Widest a path's note prints in the table (the full note is in CSV and
 * JSON). */
#define NOTE_COLS 60

/* Everything computed for one indicator. */
struct ind_paths {
	const lt_indicator *ind;
	double aim;           /* the value the paths aim at */
	int direction;        /* +1 up is better, -1 down */
	int met;              /* the baseline already meets the target */
	lt_path path[LT_PATH_KINDS];
	int built;
	lt_progress prog;
	int prog_ok;
	lt_trend_result trend;
	int trend_ok;
};

/* Observations: the history, then the baseline when it is newer. */
static int compute(const lt_indicator *ind, int horizon, struct ind_paths *p,
                   lt_diag *d)
{
	const lt_target *t = &ind->target;
	lt_path_spec spec;
	lt_progress_spec ps;
	lt_trend_spec ts;
	lt_point obs[128];
	size_t k;
	int rc;

	memset(p, 0, sizeof *p);
	p->ind = ind;
	p->direction = lt_target_sense(ind);
	p->aim = lt_target_aim(ind);
	p->met = lt_target_met_at_baseline(ind);
	spec.t0 = ind->baseline_year;
	spec.t1 = t->year;
	spec.y0 = ind->baseline;
	spec.y1 = p->aim;
	spec.lo = ind->kind == LT_KIND_RANK ? 1.0
	          : ind->has_floor ? ind->floor : -HUGE_VAL;
	spec.hi = ind->kind == LT_KIND_RANK ? (double)ind->rank_of
	          : ind->has_ceiling ? ind->ceiling : HUGE_VAL;
	spec.knots = ind->milestones.pts;
	spec.n_knots = 0;
	while (spec.n_knots < ind->milestones.n &&
	       ind->milestones.pts[spec.n_knots].year <= t->year)
		spec.n_knots++;
	for (k = 0; k < LT_PATH_KINDS; k++) {
		rc = lt_path_init(&p->path[k], spec.t0, spec.t1);
		p->path[k].kind = (lt_path_kind)k;
		if (rc == LT_OK && p->met)
			snprintf(p->path[k].why, sizeof p->path[k].why, "the baseline "
			         "already meets the target: no growth is needed");
		else if (rc == LT_OK)
			rc = lt_path_build((lt_path_kind)k, &spec, &p->path[k], d);
		if (rc != LT_OK)
			return rc;
		p->built = (int)k + 1;
	}
	memset(&ps, 0, sizeof ps);
	ps.obs = obs;
	ps.n_obs = lt_indicator_observations(ind, obs, sizeof obs / sizeof *obs);
	ps.direction = p->direction;
	ps.has_target = 1;
	ps.target = p->aim;
	ps.target_year = t->year;
	ps.limit = ind->kind == LT_KIND_SHARE && ind->has_ceiling ? ind->ceiling
	           : NAN;
	p->prog_ok = lt_progress_assess(&ps, &p->prog, d) == LT_OK;
	memset(&ts, 0, sizeof ts);
	ts.obs = obs;
	ts.n_obs = ps.n_obs;
	ts.direction = p->direction;
	ts.target = p->aim;
	ts.target_year = t->year;
	ts.horizon = horizon;
	p->trend_ok = lt_trend_run(&ts, &p->trend, d) == LT_OK;
	return LT_OK;
}

static void release(struct ind_paths *p)
{
	int k;

	for (k = 0; k < p->built; k++)
		lt_path_destroy(&p->path[k]);
}

/* ---- table ------------------------------------------------------------ */

static const char *family_label(lt_path_kind k)
{
	static const char *const labels[] = {"linear", "constant growth rate",
	    "logistic", "Gompertz", "milestones"};

	return labels[k];
}

static const char *sgn(double v, char *buf, size_t size)
{
	if (isnan(v))
		snprintf(buf, size, "–");
	else
		snprintf(buf, size, "%+.3g", v);
	return buf;
}

static void print_progress(const struct ind_paths *p)
{
	const lt_progress *g = &p->prog;
	char a[32], b[32], c[32], e[32];

	if (!p->prog_ok)
		return;
	printf("  history: %d observation%s", g->n, g->n == 1 ? "" : "s");
	if (g->n >= 2)
		printf(", %s %s a year, %s %% a year",
		       sgn(g->points_obs, a, sizeof a), lt_step_unit(p->ind),
		       sgn(100.0 * g->cagr_obs, b, sizeof b));
	printf("; required from the latest value: %s %s a year, %s %% a year\n",
	       sgn(g->points_req, c, sizeof c), lt_step_unit(p->ind),
	       sgn(100.0 * g->cagr_req_latest, e, sizeof e));
	printf("  progress (Open SDG): %s", lt_progress_class_name(g->trend));
	if (!isnan(g->ratio))
		printf(", ratio %.3g", g->ratio);
	if (g->unsd_class != NULL && isfinite(g->unsd_projection))
		printf("; UNSD projection %.4g in %d, ratio %.3g: %s",
		       g->unsd_projection, p->ind->target.year, g->unsd_ratio,
		       g->unsd_class);
	else if (g->unsd_class != NULL)
		printf("; UNSD: %s", g->unsd_class);
	if (g->note != NULL)
		printf(" (%s)", g->note);
	printf("\n");
}

static void print_trend(const struct ind_paths *p)
{
	const lt_trend_result *tr = &p->trend;
	const lt_trend_model *m;

	if (!p->trend_ok)
		return;
	if (tr->chosen < 0) {
		printf("  trend: %s\n", tr->choice);
		return;
	}
	m = &tr->m[tr->chosen];
	printf("  trend: %s fit (%s): %.4g in %d, 95%% band %.4g to %.4g; the "
	       "trend alone %s the target", lt_fit_model_name(m->model), tr->choice,
	       m->at_target, p->ind->target.year, m->lo, m->hi,
	       tr->reaches ? "reaches" : "misses");
	if (tr->year_met > 0)
		printf(" (first in %d)", tr->year_met);
	else
		printf(" by %d", p->ind->target.year);
	printf("\n");
}

static void print_indicator(const struct ind_paths *p)
{
	const lt_indicator *ind = p->ind;
	lt_table *t = lt_table_alloc(6);
	char a[32], b[32];
	size_t k;

	if (t == NULL)
		return;
	printf("\n%s (%s)\n", ind->name, ind->id);
	printf("  %.6g in %d -> %s %.6g in %d%s", ind->baseline,
	       ind->baseline_year, p->direction > 0 ? ">=" : "<=", p->aim,
	       ind->target.year, ind->target.is_range ? " (near edge of the "
	       "target range)" : "");
	if (ind->kind == LT_KIND_RANK)
		printf(", rank of %d: lower is better", ind->rank_of);
	printf("\n");
	if (p->met) {
		printf("  the baseline already meets the target: no growth is "
		       "needed\n");
		lt_table_free(t);
		print_progress(p);
		print_trend(p);
		return;
	}
	printf("  needs on average %s %s a year, %s %% a year\n",
	       sgn(p->path[0].mean_step, a, sizeof a), lt_step_unit(ind),
	       sgn(p->path[0].mean_step_pct, b, sizeof b));
	lt_table_set_header(t, 0, "path", LT_LEFT);
	lt_table_set_header(t, 1, "first year", LT_RIGHT);
	lt_table_set_header(t, 2, "first %", LT_RIGHT);
	lt_table_set_header(t, 3, "steepest year", LT_RIGHT);
	lt_table_set_header(t, 4, "its step", LT_RIGHT);
	lt_table_set_header(t, 5, "note", LT_LEFT);
	lt_table_set_max_width(t, 5, NOTE_COLS);
	for (k = 0; k < LT_PATH_KINDS; k++) {
		const lt_path *pa = &p->path[k];

		lt_table_add_row(t);
		lt_table_set(t, 0, family_label((lt_path_kind)k));
		if (k == LT_PATH_MILESTONES && ind->milestones.n == 0) {
			lt_table_set(t, 5, "the roadmap gives no milestones");
			continue;
		}
		if (pa->ok) {
			lt_table_set(t, 1, sgn(pa->first_step, a, sizeof a));
			lt_table_set(t, 2, sgn(pa->first_step_pct, a, sizeof a));
			lt_table_setf(t, 3, "%d", pa->steepest_year);
			lt_table_set(t, 4, sgn(pa->steepest_step, a, sizeof a));
		}
		lt_table_set(t, 5, pa->why);
	}
	lt_table_print(t, stdout, 2);
	lt_table_free(t);
	print_progress(p);
	print_trend(p);
}

/* ---- csv and json ----------------------------------------------------- */

static void csv_rows(const struct ind_paths *p, int first_header)
{
	static const char *const head[] = {"indicator", "path", "ok", "note",
	    "year", "value", "step", "step_pct"};
	char y[16], v[32], s[32], sp[32];
	size_t k, i;

	if (first_header)
		lt_csv_row(stdout, head, 8);
	for (k = 0; k < LT_PATH_KINDS; k++) {
		const lt_path *pa = &p->path[k];

		for (i = 0; i < (pa->ok ? pa->n : 1); i++) {
			const char *row[8];

			snprintf(y, sizeof y, "%d", pa->t0 + (int)i);
			row[0] = p->ind->id;
			row[1] = lt_path_name(pa->kind);
			row[2] = pa->ok ? "1" : "0";
			row[3] = pa->why;
			row[4] = pa->ok ? y : "";
			row[5] = pa->ok ? lt_format_plain(pa->value[i], v, sizeof v) : "";
			row[6] = pa->ok ? lt_format_plain(pa->step[i], s, sizeof s) : "";
			row[7] = pa->ok ? lt_format_plain(pa->step_pct[i], sp, sizeof sp)
			         : "";
			lt_csv_row(stdout, row, 8);
		}
	}
}

/* A JSON number, or null for NaN. */
static json_t *jnum(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static json_t *path_json(const lt_path *pa)
{
	json_t *o = json_object(), *vals = json_array();
	size_t i;

	json_object_set_new(o, "path", json_string(lt_path_name(pa->kind)));
	json_object_set_new(o, "ok", json_boolean(pa->ok));
	json_object_set_new(o, "note", json_string(pa->why));
	if (pa->ok) {
		for (i = 0; i < pa->n; i++) {
			json_t *x = json_object();
			json_object_set_new(x, "year", json_integer(pa->t0 + (int)i));
			json_object_set_new(x, "value", jnum(pa->value[i]));
			json_object_set_new(x, "step", jnum(pa->step[i]));
			json_object_set_new(x, "step_pct", jnum(pa->step_pct[i]));
			json_array_append_new(vals, x);
		}
		json_object_set_new(o, "first_step", jnum(pa->first_step));
		json_object_set_new(o, "first_step_pct", jnum(pa->first_step_pct));
		json_object_set_new(o, "steepest_year", json_integer(pa->steepest_year));
		json_object_set_new(o, "steepest_step", jnum(pa->steepest_step));
	}
	json_object_set_new(o, "years", vals);
	return o;
}

static json_t *trend_json(const lt_trend_result *tr)
{
	json_t *o = json_object(), *models = json_array();
	size_t k, j;

	json_object_set_new(o, "observations", json_integer((json_int_t)tr->n));
	json_object_set_new(o, "choice", json_string(tr->choice));
	json_object_set_new(o, "chosen", tr->chosen >= 0
	                    ? json_string(lt_fit_model_name(tr->m[tr->chosen].model))
	                    : json_null());
	json_object_set_new(o, "reaches", json_boolean(tr->reaches));
	json_object_set_new(o, "year_met", tr->year_met > 0
	                    ? json_integer(tr->year_met) : json_null());
	for (k = 0; tr->chosen >= 0 && k < LT_FIT_COUNT; k++) {
		const lt_trend_model *m = &tr->m[k];
		json_t *x = json_object(), *b = json_array(), *se = json_array();

		json_object_set_new(x, "model", json_string(lt_fit_model_name(m->model)));
		json_object_set_new(x, "fitted", json_boolean(m->fitted));
		json_object_set_new(x, "note", json_string(m->why));
		if (m->fitted) {
			for (j = 0; j < m->fit.p; j++) {
				json_array_append_new(b, jnum(m->fit.b[j]));
				json_array_append_new(se, jnum(m->fit.se[j]));
			}
			json_object_set_new(x, "parameters", b);
			json_object_set_new(x, "standard_errors", se);
			json_object_set_new(x, "aicc", jnum(m->fit.aicc));
			json_object_set_new(x, "at_target", jnum(m->at_target));
			json_object_set_new(x, "band_low", jnum(m->lo));
			json_object_set_new(x, "band_high", jnum(m->hi));
		} else {
			json_decref(b);
			json_decref(se);
		}
		json_array_append_new(models, x);
	}
	json_object_set_new(o, "models", models);
	return o;
}

static json_t *indicator_json(const struct ind_paths *p)
{
	const lt_progress *g = &p->prog;
	json_t *o = json_object(), *paths = json_array(), *pr = json_object();
	size_t k;

	json_object_set_new(o, "id", json_string(p->ind->id));
	json_object_set_new(o, "baseline", jnum(p->ind->baseline));
	json_object_set_new(o, "baseline_year", json_integer(p->ind->baseline_year));
	json_object_set_new(o, "aim", jnum(p->aim));
	json_object_set_new(o, "target_year", json_integer(p->ind->target.year));
	json_object_set_new(o, "direction", json_integer(p->direction));
	json_object_set_new(o, "target_met", json_boolean(p->met));
	json_object_set_new(o, "mean_step", jnum(p->path[0].mean_step));
	json_object_set_new(o, "mean_step_pct", jnum(p->path[0].mean_step_pct));
	for (k = 0; k < LT_PATH_KINDS; k++)
		json_array_append_new(paths, path_json(&p->path[k]));
	json_object_set_new(o, "paths", paths);
	if (p->prog_ok) {
		json_object_set_new(pr, "class", json_string(lt_progress_class_name(g->trend)));
		json_object_set_new(pr, "observations", json_integer(g->n));
		json_object_set_new(pr, "cagr_observed", jnum(g->cagr_obs));
		json_object_set_new(pr, "cagr_required", jnum(g->cagr_req_latest));
		json_object_set_new(pr, "cagr_required_from_base", jnum(g->cagr_req));
		json_object_set_new(pr, "ratio", jnum(g->ratio));
		json_object_set_new(pr, "points_observed", jnum(g->points_obs));
		json_object_set_new(pr, "points_required", jnum(g->points_req));
		json_object_set_new(pr, "unsd_projection", jnum(g->unsd_projection));
		json_object_set_new(pr, "unsd_ratio", jnum(g->unsd_ratio));
		json_object_set_new(pr, "unsd_class", g->unsd_class != NULL
		                    ? json_string(g->unsd_class) : json_null());
		json_object_set_new(pr, "note", g->note != NULL
		                    ? json_string(g->note) : json_null());
	}
	json_object_set_new(o, "progress", pr);
	json_object_set_new(o, "trend", trend_json(&p->trend));
	return o;
}

/* ---- command ---------------------------------------------------------- */

static int run(const lt_scenario *s, const char *only, lt_format format)
{
	json_t *root = NULL, *list = NULL;
	lt_diag d;
	size_t i;
	int status = LT_EXIT_OK, header = 1;

	lt_diag_init(&d, s->path);
	if (format == LT_FORMAT_JSON) {
		root = json_object();
		list = json_array();
		json_object_set_new(root, "scenario", json_string(s->path));
		json_object_set_new(root, "indicators", list);
	} else if (format == LT_FORMAT_TABLE) {
		printf("Required paths — %s (%s)\n", s->province.name, s->path);
	}
	for (i = 0; i < s->n_indicators; i++) {
		struct ind_paths p;

		if (only != NULL && strcmp(only, s->indicators[i].id) != 0)
			continue;
		if (compute(&s->indicators[i], s->horizon, &p, &d) != LT_OK) {
			lt_cli_print_diag(&d);
			release(&p);
			status = LT_EXIT_FAIL;
			break;
		}
		if (format == LT_FORMAT_TABLE)
			print_indicator(&p);
		else if (format == LT_FORMAT_CSV)
			csv_rows(&p, header);
		else
			json_array_append_new(list, indicator_json(&p));
		header = 0;
		release(&p);
	}
	if (root != NULL) {
		if (status == LT_EXIT_OK &&
		    json_dumpf(root, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(15))
		    != 0)
			status = LT_EXIT_ENV;
		fputc('\n', stdout);
		json_decref(root);
	}
	lt_diag_destroy(&d);
	return status;
}

int lt_cmd_paths(int argc, char **argv)
{
	enum { OPT_FORMAT = CHAR_MAX + 1, OPT_INDICATOR };
	static const struct option opts[] = {
		{"format", required_argument, NULL, OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{"indicator", required_argument, NULL, OPT_INDICATOR},
		{NULL, 0, NULL, 0},
	};
	lt_format format = LT_FORMAT_TABLE;
	const char *only = NULL;
	lt_scenario *s;
	int o, status;

	optind = 0;
	opterr = 0;
	while ((o = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (o) {
		case 'h':
			fputs(lt_usage_paths, stdout);
			return LT_EXIT_OK;
		case OPT_FORMAT:
			if (lt_format_parse(optarg, &format) != 0)
				return lt_cli_usage_error("paths", "'--format' must be table, "
				                          "csv or json (got '%s')", optarg);
			break;
		case OPT_INDICATOR:
			only = optarg;
			break;
		default:
			return lt_cli_bad_option("paths", o, argv);
		}
	}
	if (lt_cli_load_operand("paths", argc, argv, only, &s) != LT_EXIT_OK)
		return LT_EXIT_USAGE;
	status = run(s, only, format);
	lt_scenario_free(s);
	return status;
}
