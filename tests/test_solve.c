/* test_solve.c - the inverse questions: the solved share fed back into the
 * model, the β a roadmap assumes, the answers that are not a share (met
 * without spending, unreachable, the ceiling, no dynamics), and `lotrinh
 * solve` end to end.
 */
#include <criterion/criterion.h>
#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "helpers.h"
#include "lotrinh/config.h"
#include "lotrinh/model.h"
#include "lotrinh/solve.h"

#include "fixtures.h"


static lt_scenario *sc;
static lt_solver *sv;
static double theta[64];
static const lt_model *mdl;

static void setup(void)
{
	cr_assert_eq(lt_scenario_parse(&sc, FIXTURE, "fixture", NULL), LT_OK);
	cr_assert_eq(lt_solver_alloc(&sv, sc, NULL), LT_OK);
	mdl = lt_solver_model(sv);
	cr_assert_leq(lt_model_nslots(mdl), 64);
	lt_model_central(mdl, theta);
}

static void teardown(void)
{
	lt_solver_free(sv);
	lt_scenario_free(sc);
}

/* Indicator K in year index I under a constant SHARE (or the scenario's
 * schedule when SHARE < 0) at the test's θ, by a model of its own. */
static double value(double share, size_t k, size_t i)
{
	lt_schedule s;
	lt_model *m;
	lt_model_ws *w;
	double v[3 * 7], y;

	memset(&s, 0, sizeof s);
	s.kind = LT_SCHED_CONSTANT;
	s.share_pct = share;
	cr_assert_eq(lt_model_compile(&m, sc, share < 0 ? NULL : &s, NULL), LT_OK);
	w = lt_model_ws_alloc(m);
	cr_assert_eq(lt_model_eval(m, theta, NULL, w, v, NULL, NULL), LT_OK);
	y = lt_model_value(m, k, i, v[k * 7 + i]);
	lt_model_ws_free(w);
	lt_model_free(m);
	return y;
}

static size_t beta_slot(size_t k)
{
	int i = lt_model_find_slot(mdl, LT_SLOT_BETA, k);

	cr_assert(i >= 0);
	return (size_t)i;
}

/* The solved share, fed back, meets the target to the solver's tolerance,
 * and a share a little below it does not; the caller's θ is untouched. */
Test(solve, share_fed_back, .init = setup, .fini = teardown)
{
	double before[64];
	lt_share_result r;

	memcpy(before, theta, sizeof theta);
	cr_assert_eq(lt_solve_share(sv, theta, 0, &r, NULL), LT_OK);
	cr_assert_eq(r.answer, LT_ANSWER_SOLVED);
	cr_expect(r.share > 0.5 && r.share < 100.0, "%g", r.share);
	cr_expect_geq(value(r.share, 0, 6), 30.0);
	cr_expect_lt(value(r.share - 2 * LT_SOLVE_SHARE_TOL, 0, 6), 30.0);
	cr_expect_float_eq(r.at_zero, value(0.0, 0, 6), 1e-12);
	cr_expect(memcmp(before, theta, sizeof theta) == 0);
}

/* sk gains only r: 50 → 100/(1 + e^(−6·0.02385)) = 53.57 by 2030, short of
 * 55 whatever the share; the rank has no dynamics and no numbers. */
Test(solve, unreachable_and_rank, .init = setup, .fini = teardown)
{
	lt_share_result r;

	cr_assert_eq(lt_solve_share(sv, theta, 1, &r, NULL), LT_OK);
	cr_expect_eq(r.answer, LT_ANSWER_UNREACHABLE);
	cr_expect_float_eq(r.at_full, 100.0 / (1.0 + exp(-6 * 0.02385)), 1e-9);
	cr_expect(isnan(r.share));
	cr_assert_eq(lt_solve_share(sv, theta, 2, &r, NULL), LT_OK);
	cr_expect_eq(r.answer, LT_ANSWER_NO_DYNAMICS);
	cr_expect(isnan(r.at_zero) && isnan(r.at_full));
}

/* A target at the ceiling is never met by a logistic law: not a matter of
 * money.  A target below the trend's reach is met without spending. */
Test(solve, ceiling_and_free, .init = setup, .fini = teardown)
{
	lt_share_result r;

	sc->indicators[0].target.value = 65.0;
	cr_assert_eq(lt_solve_share(sv, theta, 0, &r, NULL), LT_OK);
	cr_expect_eq(r.answer, LT_ANSWER_CEILING);
	sc->indicators[1].target.value = 52.0;
	cr_assert_eq(lt_solve_share(sv, theta, 1, &r, NULL), LT_OK);
	cr_expect_eq(r.answer, LT_ANSWER_FREE);
	cr_expect_float_eq(r.share, 0.0, 1e-15);
}

/* The β the target needs, fed back, meets it exactly. */
Test(solve, beta_for_target, .init = setup, .fini = teardown)
{
	double b;

	cr_assert_eq(lt_solve_beta_target(sv, theta, NULL, 0, &b, NULL), LT_OK);
	theta[beta_slot(0)] = b;
	cr_expect_float_eq(value(-1, 0, 6), 30.0, 1e-9);
	cr_expect_eq(lt_solve_beta_target(sv, theta, NULL, 1, &b, NULL),
	             LT_EINVAL, "no channel, no beta");
}

/* Sum of squared logit residuals of de's milestones at β. */
static double sse(double beta)
{
	static const double ms[] = {10.0, 12.0, 15.0, 20.0, 25.0, 30.0};
	double sum = 0.0;
	size_t i;

	theta[beta_slot(0)] = beta;
	for (i = 1; i <= 6; i++) {
		double y = value(-1, 0, i), m = ms[i - 1];
		double d = log(y / (65.0 - y)) - log(m / (65.0 - m));

		sum += d * d;
	}
	return sum;
}

/* The β the milestones assume minimises the squared logit residuals: any
 * step away from it, up or down, does worse (a property the least-squares
 * answer must have, checked by evaluating the model, not the formula). */
Test(solve, beta_from_milestones, .init = setup, .fini = teardown)
{
	double b, best;

	cr_assert_eq(lt_solve_beta(sv, theta, NULL, 0, &b, NULL), LT_OK);
	cr_expect(b > 0.0 && b < 10.0, "%g", b);
	best = sse(b);
	cr_expect_lt(best, sse(b + 1e-3));
	cr_expect_lt(best, sse(b - 1e-3));
	cr_expect_lt(best, sse(b * 1.1));
	cr_expect_eq(lt_solve_beta(sv, theta, NULL, 1, &b, NULL), LT_EINVAL,
	             "no milestones, no channel");
}

Test(solve, report, .init = setup, .fini = teardown)
{
	lt_solve_report r;

	cr_assert_eq(lt_solve_run(sc, &r, NULL), LT_OK);
	cr_expect_eq(r.n, 3);
	cr_expect_eq(r.n_simulated, 2);
	cr_expect_eq(r.all_reachable, 0, "sk cannot reach 55");
	cr_expect(isnan(r.all_share));
	cr_expect(r.answers[0].has_beta_ms && r.answers[0].has_beta_need);
	cr_expect(isnan(r.answers[2].beta));
	cr_expect_eq(r.answers[0].met_without_spending, 0);
	lt_solve_report_destroy(&r);
	/* sk at 52: its trend meets it, and the report says so */
	sc->indicators[1].target.value = 52.0;
	cr_assert_eq(lt_solve_run(sc, &r, NULL), LT_OK);
	cr_expect_eq(r.all_reachable, 1);
	cr_expect_eq(r.binding, 0);
	cr_expect_float_eq(r.all_share, r.answers[0].share.share, 1e-15);
	lt_solve_report_destroy(&r);
}

/* The plausible range of β is each indicator's own: a plain β gets 0 to
 * LT_BETA_PLAUSIBLE_MAX; a β from its kind's prior that prior's support,
 * for the digital economy 0.24/(65·x0·(1 − x0)) = 0.041829 at x0 =
 * 6.36/65 (docs/MODEL.md, "Priors"); "share if β = max" is the share at
 * that top, checked by solving again at it. */
Test(solve, beta_range_per_indicator, .init = setup, .fini = teardown)
{
	lt_solve_report r;
	lt_share_result top;
	int slot;

	cr_assert_eq(lt_solve_run(sc, &r, NULL), LT_OK);
	cr_expect_float_eq(r.answers[0].beta_lo, 0.0, 1e-15);
	cr_expect_float_eq(r.answers[0].beta_hi, LT_BETA_PLAUSIBLE_MAX, 1e-15);
	cr_expect_eq(r.answers[0].beta_range_given, 0);
	lt_solve_report_destroy(&r);
	sc->indicators[0].beta.set = 0;
	sc->indicators[0].prior = "digital_economy";
	cr_assert_eq(lt_solve_run(sc, &r, NULL), LT_OK);
	cr_expect_eq(r.answers[0].beta_range_given, 1);
	cr_expect_float_eq(r.answers[0].beta_lo, 0.014466, 1e-6);
	cr_expect_float_eq(r.answers[0].beta_hi, 0.041829, 1e-6);
	cr_assert(r.answers[0].has_top);
	/* again by hand: the solver's θ with β at the top */
	lt_solver_free(sv);
	cr_assert_eq(lt_solver_alloc(&sv, sc, NULL), LT_OK);
	mdl = lt_solver_model(sv);
	lt_model_central(mdl, theta);
	slot = lt_model_find_slot(mdl, LT_SLOT_BETA, 0);
	theta[slot] = r.answers[0].beta_hi;
	cr_assert_eq(lt_solve_share(sv, theta, 0, &top, NULL), LT_OK);
	cr_expect_eq(top.answer, r.answers[0].share_top.answer);
	if (top.answer == LT_ANSWER_SOLVED)
		cr_expect_float_eq(top.share, r.answers[0].share_top.share, 1e-12);
	lt_solve_report_destroy(&r);
}

/* ===== the command ====================================================== */

Test(solve, cli_long_an)
{
	struct run r = run_cli("solve", "scenarios/long_an.cfg");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "All targets together") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "the milestones assume") != NULL);
	cr_expect(strstr(r.out, "nan") == NULL && strstr(r.out, "inf") == NULL);
	run_free(&r);
}

/* JSON: what was not simulated is null, never 0. */
Test(solve, json_null_for_ranks)
{
	struct run r = run_cli("solve", "--format", "json", "scenarios/long_an.cfg");
	json_t *root, *list, *o;
	size_t i;
	int ranks = 0;

	cr_assert_eq(r.status, 0, "%s", r.err);
	root = json_loads(r.out, 0, NULL);
	cr_assert(root != NULL);
	list = json_object_get(root, "indicators");
	json_array_foreach(list, i, o) {
		if (strcmp(json_string_value(json_object_get(o, "answer")),
		           "not simulated") != 0)
			continue;
		ranks++;
		cr_expect(json_is_null(json_object_get(o, "share_pct")));
		cr_expect(json_is_null(json_object_get(o, "value_at_zero")));
		cr_expect(json_is_null(json_object_get(o, "value_at_full")));
		cr_expect(json_is_null(json_object_get(o, "beta")));
	}
	cr_expect_geq(ranks, 1, "Long An has a DTI rank");
	json_decref(root);
	run_free(&r);
}

/* A scenario with only a rank: a sentence, not an empty table. */
Test(solve, only_a_rank)
{
	static const char text[] =
		FIXTURE_STILL_PROVINCE
		"indicators = (\n"
		"  { id = \"rk\"; name = \"RK\"; name_vi = \"RK\"; unit = \"rank\"; kind = \"rank\";\n"
		"    rank_of = 63; baseline = 17; target = { value = 10; direction = \"<=\"; year = 2030; };\n"
		"    source = \"assumption: test\"; }\n"
		");\n";
	char path[] = "/tmp/lotrinh-rank-XXXXXX";
	int fd = mkstemp(path);
	struct run r;

	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
	close(fd);
	r = run_cli("solve", path);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "No indicator of this scenario is simulated")
	          != NULL, "%s", r.out);
	run_free(&r);
	unlink(path);
}

/* CSV: one row per indicator, in the order asked for, a rank's share an
 * empty field (never 0), a solved share a number. */
Test(solve, csv_rows)
{
	struct run r = run_cli("solve", "--format", "csv", "--indicator",
	                       "dti_rank", "--indicator", "pii",
	                       "scenarios/long_an.cfg");
	const char *rank, *pii;

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strncmp(r.out, "id,target,answer,share_pct,", 27) == 0, "%s",
	          r.out);
	rank = strstr(r.out, "\ndti_rank,");
	pii = strstr(r.out, "\npii,");
	cr_assert(rank != NULL && pii != NULL && rank < pii, "%s", r.out);
	cr_expect(strncmp(strstr(rank, "not simulated,"), "not simulated,,", 15)
	          == 0, "%s", rank);
	cr_assert(strstr(pii, ",solved,") != NULL, "%s", pii);
	cr_expect(isdigit((unsigned char)strstr(pii, ",solved,")[8]), "%s", pii);
	cr_expect(strstr(r.out, "\ndigital_economy,") == NULL);
	run_free(&r);
}

/* Every target reachable: the command names the share that meets them all
 * and the indicator that sets it, and says whether the plan's rule (3 %
 * here) is enough.  sk at 52 is met on its trend (r = 0.02385 a year:
 * 100·logistic(6·0.02385) = 53.6 in 2030), so de sets the share. */
Test(solve, cli_all_targets_reachable)
{
	char text[sizeof FIXTURE], path[] = "/tmp/lotrinh-all-XXXXXX", *p;
	int fd = mkstemp(path);
	struct run r;

	memcpy(text, FIXTURE, sizeof FIXTURE);
	p = strstr(text, "value = 55.0");
	cr_assert(p != NULL);
	memcpy(p, "value = 52.0", 12);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	r = run_cli("solve", path);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "All targets together: ") != NULL &&
	          strstr(r.out, "(set by DE).") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "The plan's rule, at least 3%, is ") != NULL,
	          "%s", r.out);
	run_free(&r);
	unlink(path);
}
