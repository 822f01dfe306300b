/* test_target_forms.c - the forms of target the plans use besides a plain
 * threshold: a threshold on a period's mean ("đóng góp của TFP bình quân
 * giai đoạn 2026-2030 ≥ 55%", 004's roadmap row 1), a rank group ("PII
 * trong nhóm 20 tỉnh dẫn đầu", 002 phần II.2.a), a growth rate ("số lượng
 * đơn đăng ký sáng chế ... tăng trung bình trên 10%/năm", 002 phần II.2.a)
 * and a second, later target year (002 phần II.2.b: "Quy mô kinh tế số đạt
 * tối thiểu 50% GRDP" by 2045).  tests/data/good/target_forms.cfg carries
 * one of each; the bad files tests/data/bad/target_*.cfg and vision_*.cfg
 * pin the loader's messages (test_cli's sweep). */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "helpers.h"
#include "lotrinh/audit.h"
#include "lotrinh/config.h"
#include "lotrinh/mc.h"
#include "lotrinh/model.h"
#include "lotrinh/paths.h"
#include "lotrinh/report.h"
#include "lotrinh/simulate.h"
#include "lotrinh/solve.h"

static const char FILE_[] = "tests/data/good/target_forms.cfg";

static lt_scenario *load(void)
{
	lt_scenario *s = NULL;
	lt_diag d;

	lt_diag_init(&d, FILE_);
	cr_assert_eq(lt_scenario_load(&s, FILE_, &d), LT_OK, "%s",
	             d.n ? d.items[0].msg : "");
	lt_diag_destroy(&d);
	return s;
}

static const lt_indicator *find(const lt_scenario *s, const char *id)
{
	int k = lt_scenario_find_indicator(s, id);

	cr_assert(k >= 0, "%s", id);
	return &s->indicators[k];
}

/* The TFP indicator by hand: r = 0.3 a year in the logit and β = 0, so
 * z(t) = logit(0.3549) + 0.3·(t − 2025), x = 100/(1 + e^−z):
 *   2026 42.614, 2027 50.063, 2028 57.503, 2029 64.617, 2030 71.142;
 * their mean over 2026-2030 is 57.188. */
static double tfp_value(int year)
{
	double z = log(0.3549 / 0.6451) + 0.3 * (year - 2025);

	return 100.0 / (1.0 + exp(-z));
}

static double tfp_mean(void)
{
	double sum = 0.0;
	int y;

	for (y = 2026; y <= 2030; y++)
		sum += tfp_value(y);
	return sum / 5.0;
}

Test(target_forms, loaded)
{
	lt_scenario *s = load();
	const lt_indicator *tfp = find(s, "tfp"), *rank = find(s, "pii_rank");
	const lt_indicator *pat = find(s, "patents"), *grants = find(s, "grants");
	const lt_indicator *de = find(s, "de");

	/* the year of a mean target is its period's last */
	cr_expect_eq(tfp->target.mean_from, 2026);
	cr_expect_eq(tfp->target.year, 2030);
	cr_expect_str_eq(lt_target_form(tfp), "period mean");
	/* "nhóm 20" is a rank of 20 or better */
	cr_expect_eq(rank->target.top, 20);
	cr_expect_eq(lt_target_sense(rank), -1);
	cr_expect_float_eq(lt_target_aim(rank), 20.0, 0.0);
	cr_expect(lt_target_met(rank, 20.0));
	cr_expect(!lt_target_met(rank, 21.0));
	cr_expect_str_eq(lt_target_form(rank), "rank group");
	/* 40 applications in 2025 growing more than 10 % a year: 40·1.1⁵ =
	 * 64.4204 in 2030; more than that, for a count, is 65 */
	cr_expect(pat->target.is_growth);
	cr_expect_float_eq(lt_target_level(pat), 40.0 * pow(1.1, 5), 1e-12);
	cr_expect_float_eq(lt_target_aim(pat), 65.0, 0.0);
	cr_expect(!lt_target_met(pat, 64.0));
	cr_expect(lt_target_met(pat, 65.0));
	cr_expect_str_eq(lt_target_form(pat), "growth rate");
	/* a growth target with no baseline has no level: target-only */
	cr_expect(lt_indicator_target_only(grants));
	cr_expect(isnan(lt_target_level(grants)));
	/* the vision: a second target, answered by the same functions */
	cr_expect(de->has_vision);
	cr_expect_eq(de->vision.year, 2045);
	{
		lt_indicator v = lt_indicator_vision(de);

		cr_expect_float_eq(lt_target_aim(&v), 50.0, 0.0);
		cr_expect_eq(v.target.year, 2045);
		cr_expect(!v.has_vision);
	}
	cr_expect(!tfp->has_vision);
	lt_scenario_free(s);
}

/* The outcome of a mean target is the mean of its period's values; the
 * path year is the period's middle (2026-2030: 2028; 2026-2029: 2028,
 * rounded up). */
Test(target_forms, outcome_and_path_year)
{
	lt_scenario *s = load();
	lt_indicator tfp = *find(s, "tfp");
	const double v[] = {10.0, 20.0, 30.0, 40.0, 50.0, 60.0};
	char buf[96];

	/* years 2025..2030: the mean of 2026..2030 is (20+30+40+50+60)/5 */
	cr_expect_float_eq(lt_target_outcome(&tfp, v, 2025, 6), 40.0, 1e-12);
	/* a year off the grid: no outcome */
	cr_expect(isnan(lt_target_outcome(&tfp, v, 2027, 4)));
	cr_expect(isnan(lt_target_outcome(&tfp, v, 2025, 5)));
	cr_expect_eq(lt_target_path_year(&tfp), 2028);
	tfp.target.year = 2029;
	cr_expect_eq(lt_target_path_year(&tfp), 2028);
	tfp.target.mean_from = 0;
	cr_expect_float_eq(lt_target_outcome(&tfp, v, 2025, 6), 50.0, 0.0);
	cr_expect_eq(lt_target_path_year(&tfp), 2029);
	/* the phrases planners read, in both languages */
	cr_expect_str_eq(lt_target_phrase(find(s, "tfp"), LT_LANG_EN, buf,
	                 sizeof buf), "≥ 55, mean 2026–2030");
	cr_expect_str_eq(lt_target_phrase(find(s, "tfp"), LT_LANG_VI, buf,
	                 sizeof buf), "≥ 55, bình quân 2026–2030");
	cr_expect_str_eq(lt_target_phrase(find(s, "pii_rank"), LT_LANG_VI, buf,
	                 sizeof buf), "nhóm 20/34 dẫn đầu (2030)");
	cr_expect_str_eq(lt_target_phrase(find(s, "patents"), LT_LANG_VI, buf,
	                 sizeof buf), "> 10%/năm, 2025–2030");
	lt_scenario_free(s);
}

/* simulate judges a mean target on the mean: with "≥ 60" the 2030 value
 * (71.14) would meet it, the mean (57.19) does not; with "≥ 55" both do,
 * and the target counts as met in its year, 2030. */
Test(target_forms, simulate_on_the_mean)
{
	lt_scenario *s = load();
	lt_indicator *tfp = (lt_indicator *)find(s, "tfp");
	size_t k = (size_t)lt_scenario_find_indicator(s, "tfp");
	lt_simulation r;
	lt_diag d;

	cr_assert_gt(tfp_value(2030), 60.0);
	cr_assert_lt(tfp_mean(), 60.0);
	cr_assert_gt(tfp_mean(), 55.0);
	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_simulate_run(s, NULL, &r, &d), LT_OK);
	cr_expect_float_eq(r.plan.value[k * r.plan.ny + 5], tfp_value(2030), 1e-9);
	cr_expect_eq(r.ind[k].at_target, LT_MET_YES);
	cr_expect_eq(r.ind[k].year_met, 2030);
	lt_simulation_destroy(&r);
	tfp->target.value = 60.0;
	cr_assert_eq(lt_simulate_run(s, NULL, &r, &d), LT_OK);
	cr_expect_eq(r.ind[k].at_target, LT_MET_NO);
	cr_expect_eq(r.ind[k].year_met, 0);
	lt_simulation_destroy(&r);
	lt_diag_destroy(&d);
	lt_scenario_free(s);
}

/* Monte Carlo with every parameter fixed and no shocks: every draw is the
 * central run, so the target is met in all draws or in none, as the mean
 * says (not the 2030 value), and only in 2030. */
Test(target_forms, monte_carlo_on_the_mean)
{
	lt_scenario *s = load();
	lt_indicator *tfp = (lt_indicator *)find(s, "tfp");
	size_t k = (size_t)lt_scenario_find_indicator(s, "tfp"), i;
	lt_mc_opts o = {4096 + 7, 1, 2, 1, NULL, NULL};
	lt_mc_result r;
	lt_diag d;
	double aims[] = {55.0, 60.0};
	int a;

	lt_diag_init(&d, NULL);
	for (a = 0; a < 2; a++) {
		size_t want = tfp_mean() >= aims[a] ? o.draws : 0;

		tfp->target.value = aims[a];
		cr_assert_eq(lt_simulate_mc(s, NULL, &o, &r, &d), LT_OK);
		cr_expect_eq(r.ind[k].met_target, want, "aim %g", aims[a]);
		for (i = 0; i + 1 < r.ny; i++)
			cr_expect_eq(r.ind[k].reached[i], 0);
		cr_expect_eq(r.ind[k].reached[r.ny - 1], want);
		lt_mc_result_destroy(&r);
	}
	lt_diag_destroy(&d);
	lt_scenario_free(s);
}

/* The β a mean target needs: with "≥ 65" (above the trend's 57.19) and 5 %
 * of the base a year (five times the scenario's 1 %, which keeps capital
 * where it stands), the β solved makes the period's mean exactly 65. */
Test(target_forms, beta_for_a_mean)
{
	lt_scenario *s = load();
	lt_indicator *tfp = (lt_indicator *)find(s, "tfp");
	size_t k = (size_t)lt_scenario_find_indicator(s, "tfp"), i;
	lt_solver *sv = NULL;
	lt_model *m = NULL;
	lt_model_ws *w;
	double *theta, *z, beta, sum = 0.0;
	lt_diag d;
	int slot;

	lt_schedule sc;

	memset(&sc, 0, sizeof sc);
	sc.kind = LT_SCHED_CONSTANT;
	sc.share_pct = 5.0;
	tfp->target.value = 65.0;
	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_solver_alloc(&sv, s, &d), LT_OK);
	cr_assert_eq(lt_model_compile(&m, s, &sc, &d), LT_OK);
	theta = calloc(lt_model_nslots(m), sizeof *theta);
	z = calloc(s->n_indicators * lt_model_years(m), sizeof *z);
	w = lt_model_ws_alloc(m);
	lt_model_central(m, theta);
	cr_assert_eq(lt_solve_beta_target(sv, theta, &sc, k, &beta, &d), LT_OK);
	cr_expect_gt(beta, 0.0);
	slot = lt_model_find_slot(m, LT_SLOT_BETA, k);
	theta[slot] = beta;
	cr_assert_eq(lt_model_eval(m, theta, NULL, w, z, NULL, &d), LT_OK);
	for (i = 1; i <= 5; i++)
		sum += lt_model_value(m, k, i, z[k * lt_model_years(m) + i]);
	cr_expect_float_eq(sum / 5.0, 65.0, 1e-6);
	lt_model_ws_free(w);
	free(theta);
	free(z);
	lt_model_free(m);
	lt_solver_free(sv);
	lt_diag_destroy(&d);
	lt_scenario_free(s);
}

/* The smallest share for a mean target: at that share the mean meets the
 * aim (to the solver's tolerance), a little less does not. */
Test(target_forms, share_for_a_mean)
{
	lt_scenario *s = load();
	lt_indicator *tfp = (lt_indicator *)find(s, "tfp");
	size_t k = (size_t)lt_scenario_find_indicator(s, "tfp");
	lt_solver *sv = NULL;
	lt_share_result out;
	lt_simulation r;
	lt_schedule sc;
	double *theta;
	lt_diag d;

	/* give the channel a say: β = 0.5 */
	tfp->beta.value = 0.5;
	tfp->target.value = 60.0;
	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_solver_alloc(&sv, s, &d), LT_OK);
	theta = calloc(lt_model_nslots(lt_solver_model(sv)), sizeof *theta);
	lt_model_central(lt_solver_model(sv), theta);
	cr_assert_eq(lt_solve_share(sv, theta, k, &out, &d), LT_OK);
	cr_assert_eq(out.answer, LT_ANSWER_SOLVED);
	memset(&sc, 0, sizeof sc);
	sc.kind = LT_SCHED_CONSTANT;
	sc.share_pct = out.share;
	cr_assert_eq(lt_simulate_run(s, &sc, &r, &d), LT_OK);
	cr_expect_eq(r.ind[k].at_target, LT_MET_YES);
	lt_simulation_destroy(&r);
	sc.share_pct = out.share - 0.01;
	cr_assert_eq(lt_simulate_run(s, &sc, &r, &d), LT_OK);
	cr_expect_eq(r.ind[k].at_target, LT_MET_NO);
	lt_simulation_destroy(&r);
	free(theta);
	lt_solver_free(sv);
	lt_diag_destroy(&d);
	lt_scenario_free(s);
}

/* Paths: a mean target's straight path reaches the aim in 2028, (55 −
 * 35.49)/3 = 6.50333 points a year; the growth target aims at 65; the
 * vision needs (50 − 30)/(2045 − 2030) = 1.3333 points a year and
 * (50/30)^(1/15) − 1 = 3.46 % a year.  The audit says the same of the
 * vision. */
Test(target_forms, paths_and_audit)
{
	lt_scenario *s = load();
	lt_paths *p = NULL;
	lt_audit a;
	lt_diag d;
	size_t i, k, hits = 0;

	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_paths_run(s, NULL, 0, &p, &d), LT_OK);
	k = (size_t)lt_scenario_find_indicator(s, "tfp");
	cr_expect_eq(p->items[k].year, 2028);
	cr_expect_float_eq(p->items[k].path[LT_PATH_LINEAR].mean_step,
	                   (55.0 - 35.49) / 3.0, 1e-9);
	k = (size_t)lt_scenario_find_indicator(s, "patents");
	cr_expect_float_eq(p->items[k].aim, 65.0, 0.0);
	k = (size_t)lt_scenario_find_indicator(s, "de");
	cr_expect_float_eq(p->items[k].vision_aim, 50.0, 0.0);
	cr_expect_float_eq(p->items[k].vision_step, 20.0 / 15.0, 1e-12);
	cr_expect_float_eq(p->items[k].vision_cagr,
	                   100.0 * (pow(50.0 / 30.0, 1.0 / 15.0) - 1.0), 1e-9);
	lt_paths_free(p);
	lt_audit_init(&a);
	cr_assert_eq(lt_audit_run(s, &a, &d), LT_OK);
	for (i = 0; i < a.n; i++)
		if (strcmp(a.items[i].code, "later-target-pace") == 0) {
			hits++;
			cr_expect_str_eq(a.items[i].subject, "de");
			cr_expect_eq(a.items[i].year, 2045);
			cr_expect_float_eq(a.items[i].values[0].value, 20.0 / 15.0,
			                   1e-12);
		}
	cr_expect_eq(hits, 1);
	lt_audit_destroy(&a);
	lt_diag_destroy(&d);
	lt_scenario_free(s);
}

/* What a user reads: check counts the targets by form, show states each
 * form in either language, the later target in its own column, and the
 * targets the baseline already meets (Dong Thap's TFP contribution,
 * 55,88 % in 2021-2025 against the assumed ≥ 55 %). */
Test(target_forms, cli)
{
	struct run r = run_cli("check", FILE_);

	cr_expect_eq(r.status, 0);
	cr_expect(strstr(r.out, "  5 targets: 4 with a baseline (3 simulated, "
	                 "1 rank), 1 target-only\n") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "  by form: 1 threshold, 1 rank group, 1 period "
	                 "mean, 2 growth rate; 1 later target (2045); 0 met at "
	                 "the baseline\n") != NULL, "%s", r.out);
	run_free(&r);
	r = run_cli("show", FILE_);
	cr_expect_eq(r.status, 0);
	cr_expect(strstr(r.out, "Later target") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "≥ 50 (2045)") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "≥ 55, mean 2026–2030") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "top 20 of 34 (2030)") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "5 targets: 4 with a baseline (3 simulated, 1 "
	                 "rank), 1 target-only") != NULL, "%s", r.out);
	run_free(&r);
	r = run_cli("show", "--lang", "vi", FILE_);
	cr_expect(strstr(r.out, "Tầm nhìn") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "nhóm 20/34 dẫn đầu (2030)") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "> 10%/năm, 2025–2030") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "5 mục tiêu: 4 có hiện trạng") != NULL, "%s", r.out);
	run_free(&r);
	r = run_cli("show", "--format", "json", FILE_);
	cr_expect(strstr(r.out, "\"target_form\": \"period mean\"") != NULL, "%s",
	          r.out);
	cr_expect(strstr(r.out, "\"later_target\": \"≥ 50 (2045)\"") != NULL,
	          "%s", r.out);
	run_free(&r);
	r = run_cli("show", "scenarios/dong_thap.cfg");
	cr_expect(strstr(r.out, "the baseline, 55.88 in 2025, already meets the "
	                 "target ≥ 55 (2030)") != NULL, "%s", r.out);
	run_free(&r);
	r = run_cli("paths", "--indicator", "tfp", FILE_);
	cr_expect(strstr(r.out, "35.49 in 2025 -> >= 55 in 2028\n") != NULL, "%s",
	          r.out);
	cr_expect(strstr(r.out, "the plan states it as >= 55 (mean 2026-2030)")
	          != NULL, "%s", r.out);
	run_free(&r);
}

/* The edges of the forms, on the same file changed in memory: a growth
 * target that is not strict aims at the whole number at or past its level
 * (at least 64.42 is 65; at most 64.42 is 64); a later target faster than
 * the plausible pace is a warning; two later targets in different years
 * are counted with their span; a later target with no level (a growth
 * rate on a target-only indicator) gets no pace, in paths or audit. */
Test(target_forms, edges)
{
	lt_scenario *s = load();
	lt_indicator *pat = (lt_indicator *)find(s, "patents");
	lt_indicator *de = (lt_indicator *)find(s, "de");
	lt_audit a;
	lt_diag d;
	size_t i, warned = 0;

	pat->target.strict = 0;
	cr_expect_float_eq(lt_target_aim(pat), 65.0, 0.0);
	pat->target.direction = -1;
	cr_expect_float_eq(lt_target_aim(pat), 64.0, 0.0);
	/* (50 − 30)/15 = 1.33 points a year against a pace of 1 */
	de->has_pace = 1;
	de->pace_max_step = 1.0;
	lt_diag_init(&d, NULL);
	lt_audit_init(&a);
	cr_assert_eq(lt_audit_run(s, &a, &d), LT_OK);
	for (i = 0; i < a.n; i++)
		if (strcmp(a.items[i].code, "later-target-pace") == 0) {
			cr_expect_eq(a.items[i].severity, LT_SEV_WARNING);
			cr_expect(strstr(a.items[i].text, "1.33 times the plausible "
			          "pace of 1 a year") != NULL, "%s", a.items[i].text);
			warned++;
		}
	cr_expect_eq(warned, 1);
	lt_audit_destroy(&a);
	lt_diag_destroy(&d);
	lt_scenario_free(s);
}

Test(target_forms, visions_counted_and_unmeasurable)
{
	char *text = slurp(FILE_), *edited, path[] = "/tmp/lotrinh-forms-XXXXXX";
	const char *anchor = "target = { growth_pct = 10.0; direction = \">\"; "
	                     "year = 2030; };\n    source";
	const char *add = "target = { growth_pct = 10.0; direction = \">\"; "
	                  "year = 2030; };\n    vision = { growth_pct = 5.0; "
	                  "direction = \">\"; year = 2050; };\n    source";
	char *at, *last;
	struct run r;
	FILE *f;
	int fd;

	cr_assert_not_null(text);
	/* the last growth target is the target-only one (grants) */
	for (at = strstr(text, anchor), last = NULL; at != NULL;
	     at = strstr(at + 1, anchor))
		last = at;
	cr_assert_not_null(last);
	edited = malloc(strlen(text) + strlen(add) + 1);
	memcpy(edited, text, (size_t)(last - text));
	strcpy(edited + (last - text), add);
	strcat(edited, last + strlen(anchor));
	fd = mkstemp(path);
	cr_assert(fd >= 0);
	f = fdopen(fd, "w");
	fputs(edited, f);
	fclose(f);
	r = run_cli("check", path);
	cr_expect(strstr(r.out, "; 2 later targets (2045-2050);") != NULL, "%s",
	          r.out);
	run_free(&r);
	r = run_cli("paths", "--indicator", "grants", path);
	cr_expect_eq(r.status, 0);
	/* no level to start from: the pace is missing, never nan */
	cr_expect(strstr(r.out, "later target > 5%/yr in 2050: from the 2030 "
	                 "target, – grants a year, – % a year\n") != NULL, "%s",
	          r.out);
	cr_expect(strstr(r.out, "nan") == NULL, "%s", r.out);
	run_free(&r);
	r = run_cli("audit", path);
	cr_expect(strstr(r.out, "for 2050 needs") == NULL, "%s", r.out);
	run_free(&r);
	unlink(path);
	free(edited);
	free(text);
}
