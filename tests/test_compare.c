/* test_compare.c - provinces side by side (compare.h, `lotrinh compare`).
 *
 * Truths: hand calculations from the three plans' figures (quoted below),
 * the engines' own answers for one scenario (the comparison must repeat
 * them, not recompute them differently), and properties: the same draws
 * whatever the thread count, ids of one kind only matched.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "lotrinh/compare.h"
#include "lotrinh/config.h"
#include "lotrinh/model.h"
#include "lotrinh/simulate.h"
#include "lotrinh/solve.h"

static const char *const FILES[] = {"scenarios/long_an.cfg",
    "scenarios/dong_thap.cfg", "scenarios/an_giang.cfg"};

static lt_scenario *S[3];

static void load(void)
{
	size_t i;

	for (i = 0; i < 3; i++) {
		lt_diag d;

		lt_diag_init(&d, FILES[i]);
		cr_assert_eq(lt_scenario_load(&S[i], FILES[i], &d), LT_OK);
		lt_diag_destroy(&d);
	}
}

static void unload(void)
{
	size_t i;

	for (i = 0; i < 3; i++)
		lt_scenario_free(S[i]);
}

static const lt_compare_measure *measure(const lt_compare *r, const char *id)
{
	size_t j;

	for (j = 0; j < r->n_measures; j++)
		if (strcmp(r->measures[j].id, id) == 0)
			return &r->measures[j];
	cr_assert_fail("no measure %s", id);
	return NULL;
}

static void run(lt_compare *r, size_t draws, int threads)
{
	lt_compare_opts o = {draws, 7, threads};
	lt_diag d;

	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_compare_run((const lt_scenario *const *)S, 3, &o, r, &d),
	             LT_OK, "%s", d.n ? d.items[0].msg : "");
	lt_diag_destroy(&d);
}

/* The digital economy in all three: Long An 6.36 % (2024) to 30 % (004,
 * roadmap row 5): (30 − 6.36)/6 = 3.94 points a year, 6.36/30 = 21.2 % of
 * the aim; An Giang 6.11 % (2024, 002 II.2) to 30 %: 23.89/6 = 3.9817,
 * 20.37 %; Dong Thap 6.60 % (the GRDP-weighted components, 2024) to the
 * near edge of 15-20 % (003 IV): 8.4/6 = 1.4, 44 %. */
Test(compare, digital_economy_in_three, .init = load, .fini = unload)
{
	lt_compare r;
	const lt_compare_measure *m;

	run(&r, 0, 1);
	cr_assert_eq(r.n_scenarios, 3);
	m = measure(&r, "digital_economy");
	cr_assert_eq(m->n_cells, 3);
	cr_expect(!m->units_differ);
	cr_expect_float_eq(m->cells[0].step, (30.0 - 6.36) / 6.0, 1e-9);
	cr_expect_float_eq(m->cells[0].of_aim_pct, 100.0 * 6.36 / 30.0, 1e-9);
	cr_expect_eq(m->cells[1].scenario, 1);
	cr_expect_float_eq(m->cells[1].step,
	                   (15.0 - S[1]->indicators[m->cells[1].k].baseline) / 6.0,
	                   1e-9);
	cr_expect_float_eq(m->cells[2].step, (30.0 - 6.11) / 6.0, 1e-9);
	cr_expect_float_eq(m->cells[2].of_aim_pct, 100.0 * 6.11 / 30.0, 1e-9);
	/* no draws asked: no probability */
	cr_expect(!m->cells[0].has_p);
	cr_expect(isnan(r.rule_pct[0]) == 0);
	cr_expect_float_eq(r.rule_pct[0], 3.0, 0.0);
	lt_compare_destroy(&r);
}

/* Ranks out of 63 (Long An's PII rank 12, 004 roadmap row 2) and out of 34
 * (Dong Thap's 18/34, 003 II): positions (12 − 1)/62 = 0.1774 and
 * (18 − 1)/33 = 0.5152; An Giang's target-only "top 20 of 34" has an aim
 * position (20 − 1)/33 and no baseline position. */
Test(compare, ranks_by_position, .init = load, .fini = unload)
{
	lt_compare r;
	const lt_compare_measure *m;

	run(&r, 0, 1);
	m = measure(&r, "pii_rank");
	cr_assert_eq(m->n_cells, 3);
	cr_expect(m->ranks_differ);
	cr_expect_float_eq(m->cells[0].position, 11.0 / 62.0, 1e-12);
	cr_expect_float_eq(m->cells[1].position, 17.0 / 33.0, 1e-12);
	cr_expect(isnan(m->cells[2].position));
	cr_expect_float_eq(m->cells[2].aim_position, 19.0 / 33.0, 1e-12);
	cr_expect(isnan(m->cells[0].of_aim_pct));
	lt_compare_destroy(&r);
}

/* The comparison repeats the engines: Dong Thap's S&T enterprises need the
 * share lt_solve_share finds at the central parameters, and the plan's own
 * schedule meets each target in the year simulate says; the probability at
 * the rule is Monte Carlo at a constant 3 % with the same seed and draws,
 * and the same on 1 and 2 threads. */
Test(compare, repeats_the_engines, .init = load, .fini = unload)
{
	lt_compare r1, r2;
	const lt_compare_measure *m;
	const lt_compare_cell *c;
	lt_solver *sv = NULL;
	lt_share_result want;
	lt_simulation sim;
	lt_mc_result mc;
	lt_mc_opts mo;
	lt_schedule sc;
	double *theta;
	lt_diag d;
	size_t j, i;

	run(&r1, 600, 1);
	run(&r2, 600, 2);
	m = measure(&r1, "st_enterprises");
	c = &m->cells[1];
	cr_assert_eq(c->scenario, 1);
	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_solver_alloc(&sv, S[1], &d), LT_OK);
	theta = calloc(lt_model_nslots(lt_solver_model(sv)), sizeof *theta);
	lt_model_central(lt_solver_model(sv), theta);
	cr_assert_eq(lt_solve_share(sv, theta, c->k, &want, &d), LT_OK);
	cr_expect_eq(c->share.answer, want.answer);
	cr_expect_float_eq(c->share.share, want.share, 0.0);
	free(theta);
	lt_solver_free(sv);
	cr_assert_eq(lt_simulate_run(S[1], NULL, &sim, &d), LT_OK);
	cr_expect_eq(c->year_met, sim.ind[c->k].year_met);
	lt_simulation_destroy(&sim);
	memset(&mo, 0, sizeof mo);
	mo.draws = 600;
	mo.seed = 7;
	mo.threads = 1;
	memset(&sc, 0, sizeof sc);
	sc.kind = LT_SCHED_CONSTANT;
	sc.share_pct = 3.0;
	cr_assert_eq(lt_simulate_mc(S[1], &sc, &mo, &mc, &d), LT_OK);
	cr_expect(c->has_p);
	cr_expect_eq(c->p_met, mc.ind[c->k].met_target);
	cr_expect_eq(c->p_draws, 600);
	lt_mc_result_destroy(&mc);
	lt_diag_destroy(&d);
	for (j = 0; j < r1.n_measures; j++)
		for (i = 0; i < r1.measures[j].n_cells; i++)
			cr_expect_eq(r1.measures[j].cells[i].p_met,
			             r2.measures[j].cells[i].p_met);
	lt_compare_destroy(&r1);
	lt_compare_destroy(&r2);
}

/* One id with two kinds is two measures and a clash; a measure one
 * province carries has one cell. */
Test(compare, clash_and_singles, .init = load, .fini = unload)
{
	lt_scenario *t[2];
	lt_compare r;
	lt_compare_opts o = {0, 1, 1};
	lt_diag d;
	int k = lt_scenario_find_indicator(S[1], "pii_rank");
	size_t j, pii = 0;

	cr_assert(k >= 0);
	/* Dong Thap's PII rank renamed "pii", the id of Long An's PII score */
	S[1]->indicators[k].id = "pii";
	t[0] = S[0];
	t[1] = S[1];
	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_compare_run((const lt_scenario *const *)t, 2, &o, &r, &d),
	             LT_OK);
	for (j = 0; j < r.n_measures; j++)
		pii += strcmp(r.measures[j].id, "pii") == 0;
	cr_expect_eq(pii, 2);
	cr_assert_eq(r.n_clashes, 1);
	cr_expect_str_eq(r.clashes[0].id, "pii");
	cr_expect_eq(r.clashes[0].kind_a, LT_KIND_SCORE);
	cr_expect_eq(r.clashes[0].kind_b, LT_KIND_RANK);
	cr_expect_eq(measure(&r, "digital_skills")->n_cells, 1);
	lt_compare_destroy(&r);
	lt_diag_destroy(&d);
}

/* The command: a table in either language, CSV with a row per province
 * and measure, JSON that parses, and one file is a usage error. */
Test(compare, cli)
{
	struct run r = run_cli("compare", "--draws", "200", FILES[0], FILES[1],
	                       FILES[2]);
	json_t *j;
	json_error_t e;
	size_t rows = 0;
	const char *p;

	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "Digital economy (digital_economy)") != NULL);
	cr_expect(strstr(r.out, "ranks out of different numbers of provinces")
	          != NULL);
	cr_expect(strstr(r.out, "12 of 63 (0.18)") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "21.2% of aim") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "nan") == NULL);
	run_free(&r);
	r = run_cli("compare", "--draws", "0", "--lang", "vi", FILES[0],
	            FILES[1]);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "So sánh các tỉnh") != NULL);
	cr_expect(strstr(r.out, "21,2% mục tiêu") != NULL, "%s", r.out);
	run_free(&r);
	r = run_cli("compare", "--draws", "0", "--format", "csv", FILES[0],
	            FILES[1]);
	cr_expect_eq(r.status, 0, "%s", r.err);
	for (p = r.out; (p = strchr(p, '\n')) != NULL; p++)
		rows++;
	/* a header, then Long An's 10 and Dong Thap's 29 indicators */
	cr_expect_eq(rows, 1 + 10 + 29, "%s", r.out);
	run_free(&r);
	r = run_cli("compare", "--draws", "0", "--format", "json", FILES[0],
	            FILES[1]);
	j = json_loads(r.out, 0, &e);
	cr_assert_not_null(j, "%s", e.text);
	cr_expect(json_is_array(json_object_get(j, "measures")));
	json_decref(j);
	run_free(&r);
	r = run_cli("compare", "--lang", "vi", "--help");
	cr_expect_eq(r.status, 0);
	cr_expect(strstr(r.out, "So sánh hai tỉnh trở lên") != NULL, "%s", r.out);
	run_free(&r);
	r = run_cli("compare", FILES[0]);
	cr_expect_eq(r.status, 2);
	cr_expect_str_eq(r.err, "lotrinh: compare: at least two scenario files "
	                 "are needed (got 1)\nTry 'lotrinh compare --help'.\n");
	run_free(&r);
}

/* --out DIR: every form of the table, the workbook and the chart, whose
 * data are the comparison's standings (Long An's digital economy 6.36/30
 * = 21.2 % of its aim; its PII rank 12 of 63: 100·(1 − 11/62) = 82.26 %
 * of the provinces behind it); --format with --out is a usage error. */
Test(compare, out_dir)
{
	char dir[] = "/tmp/lotrinh-compare-XXXXXX", path[160], cmd[128];
	const char *files[] = {"compare.txt", "compare.csv", "compare.json",
	                       "compare.xlsx", "charts/compare.png",
	                       "charts/compare.tsv", "charts/compare.sh"};
	struct run r;
	char *tsv;
	size_t i;

	cr_assert_not_null(mkdtemp(dir));
	r = run_cli("compare", "--draws", "0", "--out", dir, FILES[0], FILES[1],
	            FILES[2]);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	for (i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		cr_expect_eq(access(path, R_OK), 0, "%s", path);
	}
	snprintf(path, sizeof path, "%s/charts/compare.tsv", dir);
	tsv = slurp(path);
	cr_assert_not_null(tsv);
	cr_expect(strstr(tsv, "measure\tLong An\tDong Thap") != NULL, "%s", tsv);
	cr_expect(strstr(tsv, "Digital economy\t21.2") != NULL, "%s", tsv);
	cr_expect(strstr(tsv, "\t82.258064516129") != NULL, "%s", tsv);
	free(tsv);
	/* again into the same directory: lotrinh's own files are replaced */
	r = run_cli("compare", "--draws", "0", "--no-plot", "--out", dir,
	            FILES[0], FILES[1]);
	cr_expect_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_cli("compare", "--format", "csv", "--out", dir, FILES[0],
	            FILES[1]);
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "--format is for standard output") != NULL);
	run_free(&r);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_expect_eq(system(cmd), 0);
}
