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
#include "lotrinh/param.h"
#include "lotrinh/alloc.h"
#include "lotrinh/solve.h"

#include "fixtures.h"


static lt_scenario *sc;
static lt_model *mdl;
static lt_model_ws *ws;
static double *theta;
static lt_sim sim;

static void setup_text(const char *text)
{
	lt_diag d;

	lt_diag_init(&d, "fixture");
	cr_assert_eq(lt_scenario_parse(&sc, text, "fixture", &d), LT_OK, "%s",
	             d.n ? d.items[0].msg : "");
	cr_assert_eq(lt_model_compile(&mdl, sc, NULL, &d), LT_OK);
	ws = lt_model_ws_alloc(mdl);
	theta = calloc(lt_model_nslots(mdl), sizeof *theta);
	cr_assert(ws != NULL && theta != NULL);
	lt_model_central(mdl, theta);
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
	free(theta);
	lt_model_ws_free(ws);
	lt_model_free(mdl);
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

/* Run the model under SCHED (NULL: the scenario's) with METHOD and EPS at
 * the test's θ into OUT; returns the model's status. */
static int run_into(const lt_schedule *sched, lt_method method, double eps,
                    lt_sim *out)
{
	lt_model_ws *w;
	int rc;

	lt_model_set_schedule(mdl, sched);
	lt_model_set_method(mdl, method, eps);
	w = lt_model_ws_alloc(mdl);
	cr_assert(w != NULL);
	rc = lt_model_eval(mdl, theta, NULL, w, out->value, out, NULL);
	lt_model_ws_free(w);
	return rc;
}

static int run(const lt_schedule *sched)
{
	return run_into(sched, LT_METHOD_AUTO, 0.0, &sim);
}

static size_t slot(lt_slot_kind kind, size_t owner)
{
	int i = lt_model_find_slot(mdl, kind, owner);

	cr_assert(i >= 0, "no slot of kind %d for %zu", (int)kind, owner);
	return (size_t)i;
}

#define V(sim, k, i) ((sim).value[(k) * (sim).ny + (i)])

/* Capital starts at the steady state of historical spending:
 * K* = η·a·H/δ = 0.8 · 1 · 100 000 / 0.2 = 400 000 million VND; and
 * constant spending at the historical level keeps it there: a share of
 * 100 000 / 20 000 000 = 0.5 % with no growth. */
Test(model, steady_state_start, .init = setup, .fini = teardown)
{
	lt_schedule s = constant(0.5);
	size_t i;

	cr_assert_eq(run(&s), LT_OK);
	for (i = 0; i < sim.ny; i++)
		cr_expect_float_eq(sim.capital[i], 400000.0, 1e-6, "%zu", i);
}

/* One year of capital from K = 400 000 with I = 0.8 · 3 % · 2e7 = 480 000:
 * K(1) = 400 000·e^(−0.2) + 480 000·(1 − e^(−0.2))/0.2. */
Test(model, capital_one_year, .init = setup, .fini = teardown)
{
	lt_schedule s = constant(3.0);
	double want = 400000.0 * exp(-0.2) + 480000.0 * (1.0 - exp(-0.2)) / 0.2;

	cr_assert_eq(run(&s), LT_OK);
	cr_expect_float_eq(sim.capital[1], want, 1e-6);
	cr_expect_float_eq(sim.intensity[1], 100.0 * want / 1.0e8, 1e-12);
}

/* Without a channel the logit moves by r a year exactly:
 * x0 = 0.5, z0 = 0, z(2030) = 6 · 0.02385, y = 100 / (1 + e^(−0.1431)). */
Test(model, drift_only, .init = setup, .fini = teardown)
{
	const char *why;

	cr_assert_eq(run(NULL), LT_OK);
	cr_expect_float_eq(V(sim, 1, 6), 100.0 / (1.0 + exp(-6 * 0.02385)), 1e-12);
	cr_expect_eq(lt_model_dynamic(mdl, 2, &why), 0, "a rank has no dynamics");
	cr_expect(strstr(why, "rank") != NULL, "%s", why);
	cr_expect(isnan(V(sim, 2, 3)));
}

/* The closed form and the ODE agree with GRDP growing 8.5 % a year (the
 * growth is a slot of θ: the scenario is not touched). */
Test(model, closed_form_matches_ode, .init = setup, .fini = teardown)
{
	lt_sim ode;
	size_t i;

	theta[slot(LT_SLOT_GRDP_GROWTH, 0)] = 8.5;
	cr_assert_eq(lt_sim_init(&ode, sc), LT_OK);
	cr_assert_eq(run_into(NULL, LT_METHOD_CLOSED, 0, &sim), LT_OK);
	cr_assert_eq(run_into(NULL, LT_METHOD_ODE, 0, &ode), LT_OK);
	for (i = 0; i < sim.ny; i++)
		cr_expect_float_eq(V(sim, 0, i), V(ode, 0, i), 1e-8, "%zu", i);
	cr_expect_float_eq(sim.grdp[6], 1e8 * pow(1.085, 6), 1e-4);
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
	cr_assert_eq(run_into(NULL, LT_METHOD_ODE, 1e-8, &sim), LT_OK);
	cr_assert_eq(run_into(NULL, LT_METHOD_ODE, 5e-9, &half), LT_OK);
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

		cr_assert_eq(run(&s), LT_OK);
		for (i = 0; i < sim.ny; i++) {
			double y = V(sim, 0, i);

			/* at 100 % the logit is so large that y rounds to U */
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
	cr_assert_eq(run(&bau), LT_OK);
	/* from the steady state with no growth, BAU keeps k = k0: only r acts,
	 * z(2030) = z0 + 6 r */
	cr_expect_float_eq(V(sim, 0, 6), 65.0 / (1.0 + exp(-(log(6.36 / 58.64) +
	                   6 * 0.035))), 1e-9);
	theta[slot(LT_SLOT_BETA, 0)] = 0.0;
	cr_assert_eq(run_into(&big, LT_METHOD_AUTO, 0, &other), LT_OK);
	for (i = 0; i < sim.ny; i++)
		cr_expect_float_eq(V(other, 0, i), V(sim, 0, i), 1e-12);
	lt_sim_destroy(&other);
}

/* Reproducible: the same evaluation twice gives the same numbers to the
 * bit, through one workspace or two. */
Test(model, reproducible, .init = setup, .fini = teardown)
{
	lt_sim again;
	size_t i;

	cr_assert_eq(lt_sim_init(&again, sc), LT_OK);
	cr_assert_eq(lt_model_eval(mdl, theta, NULL, ws, sim.value, &sim, NULL),
	             LT_OK);
	cr_assert_eq(lt_model_eval(mdl, theta, NULL, ws, again.value, &again,
	                           NULL), LT_OK);
	for (i = 0; i < sim.ny * sim.ni; i++)
		cr_expect(memcmp(&sim.value[i], &again.value[i], sizeof(double)) == 0);
	lt_sim_destroy(&again);
}

/* ===== the registry ===================================================== */

/* Every parameter has a slot with a name and the line it came from; the
 * central θ is what the scenario says.  The fixture's `model` groups are
 * on lines 15 (de) and 19 (sk); the channel on line 9. */
Test(model, registry, .init = setup, .fini = teardown)
{
	const lt_slot *b = lt_model_slot(mdl, slot(LT_SLOT_BETA, 0));
	const lt_slot *d = lt_model_slot(mdl, slot(LT_SLOT_DELTA, 0));
	const lt_slot *r = lt_model_slot(mdl, slot(LT_SLOT_R, 1));

	cr_expect_str_eq(b->name, "beta of de");
	cr_expect_float_eq(b->central, 0.3, 1e-15);
	cr_expect_eq(b->line, 15);
	cr_expect_str_eq(d->name, "delta of digital");
	cr_expect_eq(d->line, 9);
	cr_expect_float_eq(r->central, 0.02385, 1e-15);
	cr_expect_str_eq(r->file, "fixture");
	cr_expect_eq(lt_model_find_slot(mdl, LT_SLOT_BETA, 2), -1,
	             "a rank has no parameters");
	cr_expect_float_eq(theta[slot(LT_SLOT_BASE_GROWTH, 0)], 0.0, 1e-15);
	cr_expect_eq(lt_model_find_slot(mdl, LT_SLOT_COFIN, 0), -1,
	             "no co-financing ratio in the fixture");
}

/* An evaluation allocates nothing and leaves θ as it was. */
Test(model, evaluation_allocates_nothing, .init = setup, .fini = teardown)
{
	double before[64];
	size_t n = lt_model_nslots(mdl), i;
	unsigned long count;

	cr_assert_leq(n, 64);
	memcpy(before, theta, n * sizeof *theta);
	lt_alloc_reset();
	for (i = 0; i < 10; i++) {
		theta[slot(LT_SLOT_BETA, 0)] = 0.01 * (double)i;
		cr_assert_eq(lt_model_eval(mdl, theta, NULL, ws, sim.value, NULL,
		                           NULL), LT_OK);
	}
	count = lt_alloc_count();
	cr_expect_eq(count, 0, "%lu allocations in 10 evaluations", count);
	theta[slot(LT_SLOT_BETA, 0)] = before[slot(LT_SLOT_BETA, 0)];
	cr_expect(memcmp(before, theta, n * sizeof *theta) == 0);
}

/* A θ outside the model's domain is refused, with the slot named. */
Test(model, theta_domain, .init = setup, .fini = teardown)
{
	lt_diag d;

	lt_diag_init(&d, "fixture");
	theta[slot(LT_SLOT_DELTA, 0)] = -0.1;
	cr_expect_eq(lt_model_eval(mdl, theta, NULL, ws, sim.value, NULL, &d),
	             LT_EINVAL);
	cr_assert_eq(d.n, 1);
	cr_expect(strstr(d.items[0].msg, "delta of digital") != NULL, "%s",
	          d.items[0].msg);
	theta[slot(LT_SLOT_DELTA, 0)] = 0.2;
	theta[slot(LT_SLOT_GRDP_GROWTH, 0)] = NAN;
	cr_expect_eq(lt_model_eval(mdl, theta, NULL, ws, sim.value, NULL, NULL),
	             LT_EINVAL);
	lt_diag_destroy(&d);
}

/* Yearly shocks: with σ = 0.05 on the drift-only indicator the logit gains
 * r + σ·ε every year, so z(2030) = 6 r + σ Σ ε (z0 = 0). */
Test(model, yearly_shocks, .init = setup, .fini = teardown)
{
	double eps[3 * 7] = {0}, sum = 0.0;
	size_t i;

	for (i = 1; i < 7; i++) {
		eps[1 * 7 + i] = 0.37 * (double)i - 1.1;
		sum += eps[1 * 7 + i];
	}
	theta[slot(LT_SLOT_SIGMA, 1)] = 0.05;
	cr_assert_eq(lt_model_eval(mdl, theta, eps, ws, sim.value, &sim, NULL),
	             LT_OK);
	cr_expect_float_eq(V(sim, 1, 6), 100.0 / (1.0 + exp(-(6 * 0.02385 +
	                   0.05 * sum))), 1e-12);
	/* without shocks passed, σ does nothing; the hot path gives logits */
	cr_assert_eq(lt_model_eval(mdl, theta, NULL, ws, sim.value, NULL, NULL),
	             LT_OK);
	cr_expect_float_eq(V(sim, 1, 6), 6 * 0.02385, 1e-12);
	cr_expect_float_eq(lt_model_value(mdl, 1, 6, V(sim, 1, 6)),
	                   100.0 / (1.0 + exp(-6 * 0.02385)), 1e-12);
	cr_expect_float_eq(lt_model_logit(mdl, 1, 50.0), 0.0, 1e-15);
}

/* ===== baseline years =================================================== */

/* An indicator whose baseline is a later year (Long An's TFP, 2025 in a
 * 2024 scenario) keeps its value until then and moves from there: the
 * drift-only indicator gains 5 r by 2030, not 6 r.  One with an earlier
 * baseline (2022) is carried forward 2 years by its trend to 2024. */
Test(model, own_baseline_year, .init = setup, .fini = teardown)
{
	int k = lt_scenario_find_indicator(sc, "sk");

	cr_assert(k >= 0);
	sc->indicators[k].baseline_year = 2025;
	lt_model_free(mdl);
	cr_assert_eq(lt_model_compile(&mdl, sc, NULL, NULL), LT_OK);
	cr_assert_eq(run(NULL), LT_OK);
	cr_expect_float_eq(V(sim, 1, 0), 50.0, 1e-15);
	cr_expect_float_eq(V(sim, 1, 1), 50.0, 1e-15);
	cr_expect_float_eq(V(sim, 1, 6), 100.0 / (1.0 + exp(-5 * 0.02385)), 1e-12);
	sc->indicators[k].baseline_year = 2022;
	lt_model_free(mdl);
	cr_assert_eq(lt_model_compile(&mdl, sc, NULL, NULL), LT_OK);
	cr_assert_eq(run(NULL), LT_OK);
	cr_expect_float_eq(V(sim, 1, 0), 100.0 / (1.0 + exp(-2 * 0.02385)), 1e-12);
	cr_expect_float_eq(V(sim, 1, 6), 100.0 / (1.0 + exp(-8 * 0.02385)), 1e-12);
}

/* With a channel and a later baseline, the reference intensity is that of
 * its own year: at the steady state (0.5 % share, no growth) intensity
 * never moves, so the indicator follows its trend alone from 2026. */
Test(model, later_baseline_with_channel, .init = setup, .fini = teardown)
{
	lt_schedule s = constant(0.5);
	double z0 = log(6.36 / 58.64);

	sc->indicators[0].baseline_year = 2026;
	lt_model_free(mdl);
	cr_assert_eq(lt_model_compile(&mdl, sc, NULL, NULL), LT_OK);
	cr_assert_eq(run(&s), LT_OK);
	cr_expect_float_eq(V(sim, 0, 2), 6.36, 1e-15);
	cr_expect_float_eq(V(sim, 0, 6), 65.0 / (1.0 + exp(-(z0 + 4 * 0.035))),
	                   1e-9);
}

/* ===== business as usual ================================================ */

/* Without r and with too little history, r comes from the prior the
 * scenario names: 'innovation_index' is a pace of -2, 1 and 3 points a
 * year (lo, mode, hi) at the baseline, each divided by the logistic's slope
 * 100 · x0 (1 − x0) with x0 = 0.4205 (Long An's PII 2024); the central r is
 * the triangular's mean, (−2 + 1 + 3)/3 = 2/3 of a point a year. */
Test(model, r_from_prior, .init = setup, .fini = teardown)
{
	lt_indicator *ind = &sc->indicators[1];
	const double slope = 100.0 * 0.4205 * 0.5795;
	const lt_slot *r;

	ind->r.set = 0;
	ind->baseline = 42.05;
	ind->prior = "innovation_index";
	lt_model_free(mdl);
	cr_assert_eq(lt_model_compile(&mdl, sc, NULL, NULL), LT_OK);
	r = lt_model_slot(mdl, slot(LT_SLOT_R, 1));
	cr_expect_eq(r->dist.dist, LT_DIST_TRIANGULAR);
	cr_expect_float_eq(r->dist.p[0], -2.0 / slope, 1e-12);
	cr_expect_float_eq(r->dist.p[1], 1.0 / slope, 1e-12);
	cr_expect_float_eq(r->dist.p[2], 3.0 / slope, 1e-12);
	cr_expect_float_eq(r->central, (2.0 / 3.0) / slope, 1e-12);
	cr_expect(strstr(r->origin, "innovation_index") != NULL, "%s", r->origin);
	/* no prior named: r = 0, and it says so */
	ind->prior = NULL;
	lt_model_free(mdl);
	cr_assert_eq(lt_model_compile(&mdl, sc, NULL, NULL), LT_OK);
	r = lt_model_slot(mdl, slot(LT_SLOT_R, 1));
	cr_expect_float_eq(r->central, 0.0, 1e-15);
	cr_expect(strstr(r->origin, "r = 0") != NULL, "%s", r->origin);
}

/* Without beta, beta comes from the kind's prior: for the digital economy
 * a pace of 0.083, 0.10 and 0.24 points of GRDP a year per point of
 * intensity (docs/MODEL.md, "Priors": 2·c·m/H with the user cost c of
 * 0.25, 0.30, 0.36 and m = 1, 1, 2 over H = 6 years), over the slope
 * 65 · x0 (1 − x0) = 5.7377 at x0 = 6.36/65: β = 0.01447, 0.01743, 0.04183
 * and the central β their mean 0.024574.  A beta the scenario gives wins;
 * a residual share's prior r is the plain number 0. */
Test(model, beta_from_prior, .init = setup, .fini = teardown)
{
	lt_indicator *de = &sc->indicators[0], *sk = &sc->indicators[1];
	const double x0 = 6.36 / 65.0, slope = 65.0 * x0 * (1.0 - x0);
	const lt_slot *b, *r;

	de->beta.set = 0;
	de->prior = "digital_economy";
	sk->beta.set = 0;
	sk->r.set = 0;
	sk->prior = "residual_share";
	lt_model_free(mdl);
	cr_assert_eq(lt_model_compile(&mdl, sc, NULL, NULL), LT_OK);
	b = lt_model_slot(mdl, slot(LT_SLOT_BETA, 0));
	cr_expect_eq(b->dist.dist, LT_DIST_TRIANGULAR);
	cr_expect_float_eq(slope, 5.73770, 1e-5);
	cr_expect_float_eq(b->dist.p[0], 0.083 / slope, 1e-12);
	cr_expect_float_eq(b->dist.p[1], 0.10 / slope, 1e-12);
	cr_expect_float_eq(b->dist.p[2], 0.24 / slope, 1e-12);
	cr_expect_float_eq(b->central, 0.024574, 1e-6);
	cr_expect(strstr(b->origin, "'digital_economy' prior") != NULL, "%s",
	          b->origin);
	r = lt_model_slot(mdl, slot(LT_SLOT_R, 1));
	cr_expect_eq(r->dist.dist, LT_DIST_FIXED);
	cr_expect_float_eq(r->central, 0.0, 1e-15);
	/* the scenario's own beta wins over the prior */
	de->beta.set = 1;
	lt_model_free(mdl);
	cr_assert_eq(lt_model_compile(&mdl, sc, NULL, NULL), LT_OK);
	b = lt_model_slot(mdl, slot(LT_SLOT_BETA, 0));
	cr_expect_float_eq(b->central, lt_param_mean(&de->beta), 1e-15);
	cr_expect(strstr(b->origin, "scenario") != NULL, "%s", b->origin);
}

/* ===== spillovers: the ODE against an exact solution ===================== */

/* A source indicator j with no channel follows a logistic, z_j = a + r_j t,
 * so the spillover into i integrates in closed form:
 *   z_i(t) = z_i0 + r_i t + γ ([ln(1 + e^(a + r_j t)) − ln(1 + e^a)]/r_j
 *            − x_j(0) t).
 * Here a = logit(0.3), r_j = 0.25, z_i0 = logit(0.2), r_i = 0.05,
 * γ = 0.8 (the mean of its uniform distribution on [0.6, 1]: γ is a slot
 * of θ like any parameter): the ODE must match to its tolerance. */
static const char SPILL[] =
	"province = { id = \"m\"; name = \"M\"; name_vi = \"M\"; source = \"assumption: test\"; };\n"
	"years = { baseline = 2024; horizon = 2030; };\n"
	"economy = { grdp = 1.0e8; growth_pct = 6.0; source = \"assumption: test\"; };\n"
	"budget = { base = \"total\"; amount = 2.0e7; year = 2024; growth_pct = 4.0;\n"
	"  schedule = { kind = \"constant\"; share_pct = 2.0; };\n"
	"  source = \"assumption: test\"; };\n"
	"channels = { digital = { allocation = 1.0; delta = 0.2; eta = 0.8; source = \"assumption: test\"; }; };\n"
	"indicators = (\n"
	"  { id = \"src\"; name = \"S\"; name_vi = \"S\"; unit = \"%\"; kind = \"share\";\n"
	"    baseline = 30.0; target = { value = 60.0; direction = \">=\"; year = 2030; };\n"
	"    model = { r = 0.25; }; source = \"assumption: test\"; },\n"
	"  { id = \"dst\"; name = \"D\"; name_vi = \"D\"; unit = \"%\"; kind = \"share\";\n"
	"    baseline = 20.0; target = { value = 40.0; direction = \">=\"; year = 2030; };\n"
	"    model = { r = 0.05; spillover = { src = { dist = \"uniform\"; lo = 0.6; hi = 1.0; }; }; }; source = \"assumption: test\"; }\n"
	");\n";

Test(model, spillover_exact)
{
	double a = log(0.3 / 0.7), zi0 = log(0.2 / 0.8), rj = 0.25, ri = 0.05;
	double g = 0.8;
	int t;

	setup_text(SPILL);
	cr_expect(lt_model_uses_ode(mdl));
	cr_expect_eq(lt_model_slot(mdl, slot(LT_SLOT_GAMMA, 1))->dist.dist,
	             LT_DIST_UNIFORM);
	cr_expect_float_eq(theta[slot(LT_SLOT_GAMMA, 1)], 0.8, 1e-15);
	cr_assert_eq(run(NULL), LT_OK);
	for (t = 1; t <= 6; t++) {
		double z = zi0 + ri * t + g * ((log1p(exp(a + rj * t)) -
		           log1p(exp(a))) / rj - 0.3 * t);
		double want = 100.0 / (1.0 + exp(-z));

		cr_expect_float_eq(V(sim, 1, t), want, 1e-7, "year %d: %.12g vs %.12g",
		                   t, V(sim, 1, t), want);
		cr_expect_float_eq(V(sim, 0, t), 100.0 / (1.0 + exp(-(a + rj * t))),
		                   1e-7);
	}
	/* γ is a slot: with it at 0 the target follows its own trend */
	theta[slot(LT_SLOT_GAMMA, 1)] = 0.0;
	cr_assert_eq(run(NULL), LT_OK);
	cr_expect_float_eq(V(sim, 1, 6), 100.0 / (1.0 + exp(-(zi0 + 6 * ri))),
	                   1e-7);
	teardown();
}

/* GRDP growth, base growth and the co-financing ratio are parameters
 * too: given as distributions, their slots carry them, with the line, and
 * the central θ holds their means (a normal's mean; a uniform's
 * midpoint, (0.2 + 0.6)/2). */
Test(model, economy_slots_take_distributions)
{
	static const char text[] =
		"province = { id = \"m\"; name = \"M\"; name_vi = \"M\"; source = \"assumption: test\"; };\n"
		"years = { baseline = 2024; horizon = 2030; };\n"
		"economy = { grdp = 1.0e8; growth_pct = { dist = \"normal\"; mean = 6.5; sd = 1.0; min = 2.0; max = 11.0; };\n"
		"  source = \"assumption: test\"; };\n"
		"budget = { base = \"total\"; amount = 2.0e7; year = 2024;\n"
		"  growth_pct = { dist = \"triangular\"; lo = 2.0; mode = 4.0; hi = 9.0; };\n"
		"  schedule = { kind = \"constant\"; share_pct = 2.0; };\n"
		"  cofinancing = { kind = \"ratio\"; ratio = { dist = \"uniform\"; lo = 0.2; hi = 0.6; }; };\n"
		"  source = \"assumption: test\"; };\n"
		"channels = { digital = { allocation = 1.0; delta = 0.2; eta = 0.8; source = \"assumption: test\"; }; };\n"
		"indicators = (\n"
		"  { id = \"de\"; name = \"DE\"; name_vi = \"DE\"; unit = \"%\"; kind = \"share\";\n"
		"    baseline = 6.36; target = { value = 30.0; direction = \">=\"; year = 2030; };\n"
		"    channel = \"digital\"; model = { prior = \"digital_economy\"; beta = 0.05; };\n"
		"    source = \"assumption: test\"; }\n"
		");\n";
	const lt_slot *g, *ge, *l, *r;

	setup_text(text);
	g = lt_model_slot(mdl, slot(LT_SLOT_GRDP_GROWTH, 0));
	ge = lt_model_slot(mdl, slot(LT_SLOT_BASE_GROWTH, 0));
	l = lt_model_slot(mdl, slot(LT_SLOT_COFIN, 0));
	r = lt_model_slot(mdl, slot(LT_SLOT_R, 0));
	cr_expect_eq(g->dist.dist, LT_DIST_NORMAL);
	cr_expect_float_eq(g->central, 6.5, 1e-12);
	cr_expect_eq(g->line, 3);
	cr_expect_eq(ge->dist.dist, LT_DIST_TRIANGULAR);
	cr_expect_float_eq(ge->central, 5.0, 1e-12);
	cr_expect_eq(l->dist.dist, LT_DIST_UNIFORM);
	cr_expect_float_eq(l->central, 0.4, 1e-12);
	cr_expect_float_eq(sc->economy.growth_pct, 6.5, 1e-12);
	/* the digital-economy prior: triangular with GSO's slope of the logit
	 * 2020-2024 its mode, China's 2012-2021 (CAICT) its top, 0 its bottom;
	 * the central r is the mean */
	cr_expect_eq(r->dist.dist, LT_DIST_TRIANGULAR);
	cr_expect_float_eq(r->dist.p[1], (log(0.1317 / 0.8683) -
	                   log(0.1266 / 0.8734)) / 4.0, 2e-5);
	cr_expect_float_eq(r->dist.p[2], (log(0.398 / 0.602) -
	                   log(0.209 / 0.791)) / 9.0, 1e-4);
	cr_expect_float_eq(r->central, (r->dist.p[1] + r->dist.p[2]) / 3.0,
	                   1e-15);
	cr_assert_eq(run(NULL), LT_OK);
	/* co-financing at the central ratio: 0.4 of public spending */
	cr_expect_float_eq(sim.cofin[3], 0.4 * sim.public_[3], 1e-6);
	teardown();
}
