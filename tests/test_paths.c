/* test_paths.c - the paths engine (paths.h) called directly, and `lotrinh
 * paths` end to end, against hand calculations from the Long An roadmap
 * (the People's Council resolution's Đề án, Part III section V, roadmap
 * table) and the other scenarios.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "helpers.h"
#include "lotrinh/config.h"
#include "lotrinh/paths.h"

/* ---- the engine --------------------------------------------------------- */

/* The paths of the indicators IDS (N of them) of the scenario PATH; the
 * scenario in *S (free both). */
static lt_paths *engine(const char *path, const char *const *ids, size_t n,
                        lt_scenario **s)
{
	lt_paths *p = NULL;
	lt_diag d;

	lt_diag_init(&d, path);
	cr_assert_eq(lt_scenario_load(s, path, &d), LT_OK);
	cr_assert_eq(lt_paths_run(*s, ids, n, &p, &d), LT_OK);
	cr_assert_eq(d.n, 0);
	lt_diag_destroy(&d);
	cr_assert_not_null(p);
	return p;
}

/* Row 5 of the roadmap, 6,36 % (2024) to 30 % (2030), through the engine:
 * linear (30 - 6.36) / 6 = 3.94 points a year; constant rate
 * (30 / 6.36)^(1/6) - 1 = 29.50 % a year; the milestone path's first step
 * is the roadmap's own, 10 - 6.36 = 3.64, and it passes through every
 * milestone. */
Test(paths_engine, long_an_digital_economy)
{
	const char *ids[] = {"digital_economy"};
	lt_scenario *s;
	lt_paths *p = engine("scenarios/long_an.cfg", ids, 1, &s);
	const lt_paths_item *it = &p->items[0];
	const lt_path *ms = &it->path[LT_PATH_MILESTONES];

	cr_assert_eq(p->n, 1);
	cr_expect_str_eq(it->ind->id, "digital_economy");
	cr_expect_eq(it->direction, 1);
	cr_expect_eq(it->met, 0);
	cr_expect_float_eq(it->aim, 30.0, 0.0);
	cr_expect_float_eq(it->path[LT_PATH_LINEAR].mean_step,
	                   (30.0 - 6.36) / 6.0, 1e-12);
	cr_expect_float_eq(it->path[LT_PATH_LINEAR].first_step, 3.94, 1e-12);
	cr_expect_float_eq(it->path[LT_PATH_CAGR].mean_step_pct,
	                   100.0 * (pow(30.0 / 6.36, 1.0 / 6.0) - 1.0), 1e-9);
	cr_assert(ms->ok);
	cr_expect_float_eq(ms->first_step, 3.64, 1e-9);
	cr_assert_eq(ms->n, 7);
	cr_expect_float_eq(ms->value[1], 10.0, 1e-9);
	cr_expect_float_eq(ms->value[4], 20.0, 1e-9);
	cr_expect_float_eq(ms->value[6], 30.0, 1e-9);
	/* one observation: no class, no trend */
	cr_expect(it->prog_ok);
	cr_expect_eq(it->prog.trend, LT_CLASS_INSUFFICIENT);
	cr_expect(it->trend_ok);
	cr_expect_eq(it->trend.chosen, -1);
	lt_paths_free(p);
	lt_scenario_free(s);
}

/* Dong Thap's range target 15-20 % is aimed at its near edge, 15, from the
 * merged baseline (2024): (15 - baseline) / 6 points a year. */
Test(paths_engine, dong_thap_range_near_edge)
{
	const char *ids[] = {"digital_economy"};
	lt_scenario *s;
	lt_paths *p = engine("scenarios/dong_thap.cfg", ids, 1, &s);
	const lt_paths_item *it = &p->items[0];

	/* the baseline by hand from 003's component values and the scenario's
	 * GRDP weights: (124.127 x 6.52 + 130 x 6.68) / 254.127, not read back
	 * from the program */
	const double base = (124.127 * 6.52 + 130.0 * 6.68) / 254.127;

	cr_expect_float_eq(it->aim, 15.0, 0.0);
	cr_expect_eq(it->direction, 1);
	cr_expect_float_eq(it->ind->baseline, base, 1e-12);
	cr_expect_float_eq(it->path[LT_PATH_LINEAR].mean_step, (15.0 - base) / 6.0,
	                   1e-12);
	cr_expect_float_eq(it->path[LT_PATH_LINEAR].value[6], 15.0, 0.0);
	lt_paths_free(p);
	lt_scenario_free(s);
}

/* Dong Thap's TFP contribution, 55,88 % (2021-2025), already meets its
 * target of at least 55 %: no family is built, each says why, and Open SDG
 * says the target is achieved. */
Test(paths_engine, dong_thap_target_already_met)
{
	const char *ids[] = {"tfp_contribution"};
	lt_scenario *s;
	lt_paths *p = engine("scenarios/dong_thap.cfg", ids, 1, &s);
	const lt_paths_item *it = &p->items[0];
	size_t k;

	cr_expect_eq(it->met, 1);
	for (k = 0; k < LT_PATH_KINDS; k++) {
		cr_expect_eq(it->path[k].ok, 0);
		cr_expect(strstr(it->path[k].why, "already meets") != NULL);
	}
	cr_expect_eq(it->prog.trend, LT_CLASS_ACHIEVED);
	lt_paths_free(p);
	lt_scenario_free(s);
}

/* Every indicator in the scenario's order without ids; the order asked
 * for with ids; an unknown id is an error. */
Test(paths_engine, selection_and_errors)
{
	const char *ids[] = {"dti_rank", "pii"};
	const char *bad[] = {"pii", "gdp"};
	lt_scenario *s;
	lt_paths *p = engine("scenarios/long_an.cfg", NULL, 0, &s), *q = NULL;
	lt_diag d;
	size_t i;

	cr_assert_eq(p->n, s->n_indicators);
	for (i = 0; i < p->n; i++)
		cr_expect_eq(p->items[i].ind, &s->indicators[i]);
	lt_paths_free(p);
	lt_diag_init(&d, s->path);
	cr_assert_eq(lt_paths_run(s, ids, 2, &p, &d), LT_OK);
	cr_expect_str_eq(p->items[0].ind->id, "dti_rank");
	cr_expect_eq(p->items[0].direction, -1);
	cr_expect_str_eq(p->items[1].ind->id, "pii");
	lt_paths_free(p);
	cr_expect_eq(lt_paths_run(s, bad, 2, &q, &d), LT_EINVAL);
	cr_expect_null(q);
	cr_assert_eq(d.n, 1);
	cr_expect_str_eq(d.items[0].msg, "no indicator 'gdp'");
	lt_diag_destroy(&d);
	lt_paths_free(NULL);
	lt_scenario_free(s);
}

/* ---- the command -------------------------------------------------------- */

static json_t *paths_json(const char *scenario, const char *id)
{
	struct run r = run_cli("paths", "--format", "json", "--indicator", id,
	                       scenario);
	json_error_t err;
	json_t *root, *list, *ind;

	cr_assert_eq(r.status, 0, "%s", r.err);
	root = json_loads(r.out, 0, &err);
	cr_assert_not_null(root, "%s\n%s", err.text, r.out);
	run_free(&r);
	list = json_object_get(root, "indicators");
	cr_assert_eq(json_array_size(list), 1);
	ind = json_array_get(list, 0);
	json_incref(ind);
	json_decref(root);
	return ind;
}

static json_t *path(json_t *ind, const char *name)
{
	json_t *paths = json_object_get(ind, "paths");
	size_t i;

	for (i = 0; i < json_array_size(paths); i++)
		if (strcmp(json_string_value(json_object_get(json_array_get(paths, i),
		           "path")), name) == 0)
			return json_array_get(paths, i);
	cr_assert_fail("no path %s", name);
	return NULL;
}

static double num(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	cr_assert(json_is_number(v), "%s is not a number", key);
	return json_number_value(v);
}

/* Row 5: 6,36 % (2024) to 30 % (2030).  Linear: (30 - 6.36) / 6 = 3.94
 * points a year.  Constant rate: (30 / 6.36)^(1/6) - 1 = 29.50 % a year.
 * Milestones: the first step is the roadmap's own, 10 - 6.36 = 3.64. */
Test(paths, long_an_digital_economy)
{
	json_t *ind = paths_json("scenarios/long_an.cfg", "digital_economy");
	json_t *lin = path(ind, "linear"), *cagr = path(ind, "cagr");
	json_t *ms = path(ind, "milestones"), *years;

	cr_expect_float_eq(num(ind, "mean_step"), (30.0 - 6.36) / 6.0, 1e-12);
	cr_expect_float_eq(num(ind, "mean_step_pct"),
	                   100.0 * (pow(30.0 / 6.36, 1.0 / 6.0) - 1.0), 1e-9);
	cr_expect_float_eq(num(lin, "first_step"), 3.94, 1e-12);
	cr_expect_float_eq(num(cagr, "first_step_pct"), 29.50, 0.01);
	cr_expect_float_eq(num(ms, "first_step"), 3.64, 1e-9);
	/* the milestone path passes through 10, 12, 15, 20, 25, 30 */
	years = json_object_get(ms, "years");
	cr_assert_eq(json_array_size(years), 7);
	cr_expect_float_eq(num(json_array_get(years, 1), "value"), 10.0, 1e-9);
	cr_expect_float_eq(num(json_array_get(years, 4), "value"), 20.0, 1e-9);
	cr_expect_float_eq(num(json_array_get(years, 6), "value"), 30.0, 1e-9);
	/* one observation (6.36 in 2024): no class, no trend */
	cr_expect_str_eq(json_string_value(json_object_get(json_object_get(ind,
	                 "progress"), "class")), "insufficient data");
	cr_expect(json_is_null(json_object_get(json_object_get(ind, "trend"),
	                                        "chosen")));
	json_decref(ind);
}

/* Row 2: 44,95 (2023), 42,05 (2024), target >= 50 by 2030.  Observed:
 * 42.05 / 44.95 - 1 = -6.45 % a year, -2.90 points; required from 42.05:
 * (50 / 42.05)^(1/6) - 1 = 2.93 % a year, (50 - 42.05) / 6 = 1.325 points.
 * The ratio is negative: deterioration. */
Test(paths, long_an_pii_progress)
{
	json_t *ind = paths_json("scenarios/long_an.cfg", "pii");
	json_t *pr = json_object_get(ind, "progress");

	cr_expect_float_eq(num(pr, "cagr_observed"), 42.05 / 44.95 - 1.0, 1e-12);
	cr_expect_float_eq(num(pr, "cagr_required"),
	                   pow(50.0 / 42.05, 1.0 / 6.0) - 1.0, 1e-12);
	cr_expect_float_eq(num(pr, "points_observed"), -2.90, 1e-9);
	cr_expect_float_eq(num(pr, "points_required"), (50.0 - 42.05) / 6.0,
	                   1e-12);
	cr_expect_lt(num(pr, "ratio"), 0.0);
	cr_expect_str_eq(json_string_value(json_object_get(pr, "class")),
	                 "deterioration");
	json_decref(ind);
}

/* Row 4, a rank (lower is better): 17 (2023) to 10 (2030), 7 years:
 * linear -1 place a year; constant rate (10/17)^(1/7) - 1 = -7.30 %. */
Test(paths, long_an_dti_rank_falls)
{
	json_t *ind = paths_json("scenarios/long_an.cfg", "dti_rank");

	cr_expect_eq(json_integer_value(json_object_get(ind, "direction")), -1);
	cr_expect_float_eq(num(path(ind, "linear"), "first_step"), -1.0, 1e-12);
	cr_expect_float_eq(num(ind, "mean_step_pct"),
	                   100.0 * (pow(10.0 / 17.0, 1.0 / 7.0) - 1.0), 1e-9);
	json_decref(ind);
}

/* Dong Thap's range target 15-20 % is aimed at its near edge, 15, from the
 * merged 6.60 (2024): (15 - 6.602) / 6 points a year. */
Test(paths, dong_thap_range_near_edge)
{
	json_t *ind = paths_json("scenarios/dong_thap.cfg", "digital_economy");

	/* the merged 2024 baseline by hand (003 and the scenario's weights) */
	const double base = (124.127 * 6.52 + 130.0 * 6.68) / 254.127;

	cr_expect_float_eq(num(ind, "aim"), 15.0, 1e-12);
	cr_expect_float_eq(num(ind, "mean_step"), (15.0 - base) / 6.0, 1e-12);
	json_decref(ind);
}

Test(paths, table_and_csv)
{
	struct run r = run_cli("paths", "scenarios/long_an.cfg");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "Digital economy (digital_economy)") != NULL);
	cr_expect(strstr(r.out, "constant growth rate") != NULL);
	cr_expect(strstr(r.out, "progress (Open SDG): deterioration") != NULL,
	          "%s", r.out);
	run_free(&r);
	r = run_cli("paths", "--format", "csv", "--indicator", "pii",
	            "scenarios/long_an.cfg");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strncmp(r.out, "indicator,path,ok,note,year,value,step,"
	                  "step_pct\r\n", 49) == 0, "%s", r.out);
	cr_expect(strstr(r.out, "pii,linear,1,,2030,50,") != NULL, "%s", r.out);
	run_free(&r);
}

Test(paths, unknown_indicator)
{
	struct run r = run_cli("paths", "--indicator", "gdp",
	                       "scenarios/long_an.cfg");

	cr_expect_eq(r.status, 2);
	cr_expect_str_eq(r.err, "lotrinh: paths: no indicator 'gdp' in "
	                 "scenarios/long_an.cfg\nTry 'lotrinh paths --help'.\n");
	run_free(&r);
}

/* Dong Thap's TFP contribution, 55,88 % (2021-2025), already meets the
 * target of at least 55 %: no path is needed, and Open SDG says so. */
Test(paths, target_already_met)
{
	json_t *ind = paths_json("scenarios/dong_thap.cfg", "tfp_contribution");

	cr_expect(json_is_true(json_object_get(ind, "target_met")));
	cr_expect(json_is_false(json_object_get(path(ind, "linear"), "ok")));
	cr_expect_str_eq(json_string_value(json_object_get(json_object_get(ind,
	                 "progress"), "class")), "target achieved");
	json_decref(ind);
}
