/* test_model.c - the model: closed forms by hand, the closed form against
 * the ODE, and the properties any trajectory must have (monotone in the
 * budget share, inside its bounds, reproducible), plus the inverse
 * questions fed back into the model.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "lotrinh/config.h"
#include "lotrinh/budget.h"
#include "lotrinh/model.h"
#include "lotrinh/solve.h"

/* A province with no GRDP or budget growth (so the hand calculations stay
 * short), one channel, two indicators with a channel and one without. */
static const char FIXTURE[] =
	"province = { id = \"m\"; name = \"M\"; name_vi = \"M\"; source = \"assumption: test\"; };\n"
	"years = { baseline = 2024; horizon = 2030; };\n"
	"economy = { grdp = 1.0e8; growth_pct = 0.0; source = \"assumption: test\"; };\n"
	"budget = { base = \"total\"; amount = 2.0e7; year = 2024; growth_pct = 0.0;\n"
	"  rule_min_share_pct = 3.0;\n"
	"  schedule = { kind = \"ramp\"; from_pct = 0.5; to_pct = 3.0; to_year = 2027; };\n"
	"  spending_history = ( (2023, 100000.0), (2024, 100000.0) );\n"
	"  source = \"assumption: test\"; };\n"
	"channels = { digital = { allocation = 1.0; delta = 0.2; eta = 0.8; source = \"assumption: test\"; }; };\n"
	"indicators = (\n"
	"  { id = \"de\"; name = \"DE\"; name_vi = \"DE\"; unit = \"%\"; kind = \"share\";\n"
	"    ceiling = 65.0; baseline = 6.36;\n"
	"    target = { value = 30.0; direction = \">=\"; year = 2030; };\n"
	"    milestones = ( (2025, 10.0), (2026, 12.0), (2027, 15.0), (2028, 20.0), (2029, 25.0), (2030, 30.0) );\n"
	"    channel = \"digital\"; model = { r = 0.035; beta = 0.3; };\n"
	"    source = \"assumption: test\"; },\n"
	"  { id = \"sk\"; name = \"SK\"; name_vi = \"SK\"; unit = \"%\"; kind = \"share\";\n"
	"    baseline = 50.0; target = { value = 55.0; direction = \">=\"; year = 2030; };\n"
	"    model = { r = 0.02385; }; source = \"assumption: test\"; },\n"
	"  { id = \"rk\"; name = \"RK\"; name_vi = \"RK\"; unit = \"rank\"; kind = \"rank\";\n"
	"    rank_of = 63; baseline = 17; target = { value = 10; direction = \"<=\"; year = 2030; };\n"
	"    source = \"assumption: test\"; }\n"
	");\n";

static lt_scenario *sc;
static lt_model_values vals;
static lt_sim sim;

static void setup_text(const char *text)
{
	lt_diag d;

	lt_diag_init(&d, "fixture");
	cr_assert_eq(lt_scenario_parse(&sc, text, "fixture", &d), LT_OK, "%s",
	             d.n ? d.items[0].msg : "");
	cr_assert_eq(lt_model_values_init(&vals, sc, &d), LT_OK);
	cr_assert_eq(lt_sim_init(&sim, sc), LT_OK);
	lt_diag_destroy(&d);
}

static void setup(void)
{
	setup_text(FIXTURE);
}

static void teardown(void)
{
	lt_sim_destroy(&sim);
	lt_model_values_destroy(&vals);
	lt_scenario_free(sc);
}

static lt_schedule constant(double share)
{
	lt_schedule s;

	memset(&s, 0, sizeof s);
	s.kind = LT_SCHED_CONSTANT;
	s.share_pct = share;
	return s;
}

#define V(sim, k, i) ((sim).value[(k) * (sim).ny + (i)])

/* Capital starts at the steady state of historical spending:
 * K* = η·a·H/δ = 0.8 · 1 · 100 000 / 0.2 = 400 000 million VND. */
Test(model, steady_state_start, .init = setup, .fini = teardown)
{
	cr_expect_float_eq(vals.capital0[0], 400000.0, 1e-9);
	/* and constant spending at the historical level keeps it there: a
	 * share of 100 000 / 20 000 000 = 0.5 % with no growth */
	lt_schedule s = constant(0.5);
	cr_assert_eq(lt_model_run(sc, &vals, &s, LT_METHOD_AUTO, 0, &sim, NULL),
	             LT_OK);
	for (size_t i = 0; i < sim.ny; i++)
		cr_expect_float_eq(sim.capital[i], 400000.0, 1e-6, "%zu", i);
}

/* One year of capital from K = 400 000 with I = 0.8 · 3 % · 2e7 = 480 000:
 * K(1) = 400 000·e^(−0.2) + 480 000·(1 − e^(−0.2))/0.2. */
Test(model, capital_one_year, .init = setup, .fini = teardown)
{
	lt_schedule s = constant(3.0);
	double want = 400000.0 * exp(-0.2) + 480000.0 * (1.0 - exp(-0.2)) / 0.2;

	cr_assert_eq(lt_model_run(sc, &vals, &s, LT_METHOD_AUTO, 0, &sim, NULL),
	             LT_OK);
	cr_expect_float_eq(sim.capital[1], want, 1e-6);
	cr_expect_float_eq(sim.intensity[1], 100.0 * want / 1.0e8, 1e-12);
}

/* Without a channel the logit moves by r a year exactly:
 * x0 = 0.5, z0 = 0, z(2030) = 6 · 0.02385, y = 100 / (1 + e^(−0.1431)). */
Test(model, drift_only, .init = setup, .fini = teardown)
{
	cr_assert_eq(lt_model_run(sc, &vals, NULL, LT_METHOD_AUTO, 0, &sim, NULL),
	             LT_OK);
	cr_expect_float_eq(V(sim, 1, 6), 100.0 / (1.0 + exp(-6 * 0.02385)), 1e-12);
	cr_expect_eq(vals.dynamic[2], 0, "a rank has no dynamics");
	cr_expect(isnan(V(sim, 2, 3)));
}

/* The intensity integral over a year against a fine numerical quadrature
 * of 100·K(τ)/GRDP(τ), with GRDP growing 8.5 % a year: the closed form and
 * the ODE must agree with each other and with the quadrature. */
Test(model, closed_form_matches_ode, .init = setup, .fini = teardown)
{
	lt_sim ode;
	size_t i;

	sc->economy.growth_pct = 8.5;
	cr_assert_eq(lt_sim_init(&ode, sc), LT_OK);
	cr_assert_eq(lt_model_run(sc, &vals, NULL, LT_METHOD_CLOSED, 0, &sim,
	                          NULL), LT_OK);
	cr_assert_eq(lt_model_run(sc, &vals, NULL, LT_METHOD_ODE, 0, &ode, NULL),
	             LT_OK);
	for (i = 0; i < sim.ny; i++)
		cr_expect_float_eq(V(sim, 0, i), V(ode, 0, i), 1e-8, "%zu", i);
	lt_sim_destroy(&ode);
}

/* Halving the ODE tolerance changes the results by less than the
 * tolerance (in the indicator's unit: at most (U − L)/4 per unit of
 * logit). */
Test(model, ode_tolerance_halved, .init = setup, .fini = teardown)
{
	lt_sim half;
	size_t i;

	cr_assert_eq(lt_sim_init(&half, sc), LT_OK);
	cr_assert_eq(lt_model_run(sc, &vals, NULL, LT_METHOD_ODE, 1e-8, &sim,
	                          NULL), LT_OK);
	cr_assert_eq(lt_model_run(sc, &vals, NULL, LT_METHOD_ODE, 5e-9, &half,
	                          NULL), LT_OK);
	for (i = 0; i < sim.ny; i++)
		cr_expect_leq(fabs(V(sim, 0, i) - V(half, 0, i)), 1e-8 * 65.0 / 4,
		              "%zu", i);
	lt_sim_destroy(&half);
}

/* More budget never lowers any indicator in any year; every value stays
 * inside its bounds. */
Test(model, monotone_in_share_and_bounded, .init = setup, .fini = teardown)
{
	static const double shares[] = {0.0, 0.5, 1.0, 2.385, 3.0, 7.0, 25.0,
	                                100.0};
	double prev[16];
	size_t j, i;

	for (j = 0; j < sizeof shares / sizeof *shares; j++) {
		lt_schedule s = constant(shares[j]);

		cr_assert_eq(lt_model_run(sc, &vals, &s, LT_METHOD_AUTO, 0, &sim,
		                          NULL), LT_OK);
		for (i = 0; i < sim.ny; i++) {
			double y = V(sim, 0, i);

			/* closed: at 100 % the logit is so large that y rounds to U */
			cr_expect(y >= 0.0 && y <= 65.0, "%g outside [0, 65]", y);
			if (j > 0)
				cr_expect_geq(y, prev[i], "share %g year %zu", shares[j], i);
			prev[i] = y;
		}
	}
}

/* Zero extra spending reproduces business as usual: today's share (0.5 %,
 * the last history year as a share of the base) run as a schedule is the
 * BAU path; and with beta = 0 the budget does not matter at all. */
Test(model, zero_extra_is_bau, .init = setup, .fini = teardown)
{
	lt_schedule bau = constant(lt_budget_today_share(sc)), big = constant(50);
	lt_sim other;
	size_t i;

	cr_expect_float_eq(bau.share_pct, 0.5, 1e-12);
	cr_assert_eq(lt_sim_init(&other, sc), LT_OK);
	cr_assert_eq(lt_model_run(sc, &vals, &bau, LT_METHOD_AUTO, 0, &sim, NULL),
	             LT_OK);
	/* from the steady state with no growth, BAU keeps k = k0: only r acts,
	 * z(2030) = z0 + 6 r */
	cr_expect_float_eq(V(sim, 0, 6), 65.0 / (1.0 + exp(-(log(6.36 / 58.64) +
	                   6 * 0.035))), 1e-9);
	vals.beta[0] = 0.0;
	cr_assert_eq(lt_model_run(sc, &vals, &big, LT_METHOD_AUTO, 0, &other,
	                          NULL), LT_OK);
	for (i = 0; i < sim.ny; i++)
		cr_expect_float_eq(V(other, 0, i), V(sim, 0, i), 1e-12);
	lt_sim_destroy(&other);
}

/* The solved share, fed back, meets the target to the solver's tolerance,
 * and a share a little below it does not. */
Test(model, solved_share_meets_target, .init = setup, .fini = teardown)
{
	lt_share_result r;
	lt_schedule s;

	cr_assert_eq(lt_solve_share(sc, &vals, 0, &r, NULL), LT_OK);
	cr_assert_eq(r.answer, LT_ANSWER_SOLVED);
	s = constant(r.share);
	cr_assert_eq(lt_model_run(sc, &vals, &s, LT_METHOD_AUTO, 0, &sim, NULL),
	             LT_OK);
	cr_expect_geq(V(sim, 0, 6), 30.0);
	s = constant(r.share - 2 * LT_SOLVE_SHARE_TOL);
	cr_assert_eq(lt_model_run(sc, &vals, &s, LT_METHOD_AUTO, 0, &sim, NULL),
	             LT_OK);
	cr_expect_lt(V(sim, 0, 6), 30.0);
	/* sk gains only r: 50 -> 53.57 by 2030, short of 55 whatever the share */
	cr_assert_eq(lt_solve_share(sc, &vals, 1, &r, NULL), LT_OK);
	cr_expect_eq(r.answer, LT_ANSWER_UNREACHABLE);
	cr_assert_eq(lt_solve_share(sc, &vals, 2, &r, NULL), LT_OK);
	cr_expect_eq(r.answer, LT_ANSWER_NO_DYNAMICS);
}

/* The beta the milestones assume, fed back, puts the trajectory through
 * them in the least-squares sense: with it, the logit residuals sum (with
 * the weights A) to zero, so the fitted beta is stationary.  And the beta
 * the target needs meets it exactly. */
Test(model, implied_beta, .init = setup, .fini = teardown)
{
	double b;

	cr_assert_eq(lt_solve_beta_target(sc, &vals, NULL, 0, &b, NULL), LT_OK);
	vals.beta[0] = b;
	cr_assert_eq(lt_model_run(sc, &vals, NULL, LT_METHOD_AUTO, 0, &sim, NULL),
	             LT_OK);
	cr_expect_float_eq(V(sim, 0, 6), 30.0, 1e-9);
	cr_expect_eq(lt_solve_beta(sc, &vals, NULL, 1, &b, NULL), LT_EINVAL,
	             "no channel, no beta");
}

/* Reproducible: the same run twice gives the same numbers to the bit. */
Test(model, reproducible, .init = setup, .fini = teardown)
{
	lt_sim again;
	size_t i;

	cr_assert_eq(lt_sim_init(&again, sc), LT_OK);
	cr_assert_eq(lt_model_run(sc, &vals, NULL, LT_METHOD_AUTO, 0, &sim, NULL),
	             LT_OK);
	cr_assert_eq(lt_model_run(sc, &vals, NULL, LT_METHOD_AUTO, 0, &again,
	                          NULL), LT_OK);
	for (i = 0; i < sim.ny * sim.ni; i++)
		cr_expect(memcmp(&sim.value[i], &again.value[i], sizeof(double)) == 0);
	lt_sim_destroy(&again);
}
