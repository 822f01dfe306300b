/* test_solve_mc.c - the probability of a target against the share, against
 * closed forms and against the draws regenerated here.
 *
 * The fixture's province does not grow, so capital, intensity and the
 * logit follow from MODEL.md's exact yearly solution by hand (A(s) below),
 * and the target-year logit is z0 + 6r + β·A(s), affine in the share s.
 * With r ~ N(μ, σ) and β fixed each draw's needed share is
 * s* = (zaim − z0 − 6r − β·A(0))/(β·A'), itself normal, so the P-quantile
 * has a closed form; the draws of r are regenerated as mc.c makes them, so
 * the engine's answer is also checked against their exact order
 * statistic, within the histogram's stated bound.
 */
#include <criterion/criterion.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "lotrinh/config.h"
#include "lotrinh/mc.h"
#include "lotrinh/model.h"
#include "lotrinh/param.h"
#include "lotrinh/solve.h"
#include "lotrinh/solve_mc.h"

/* de: a channel, 6.36 → 30 of a ceiling of 65 in 2030, its model group
 * DE_MODEL; sk: no channel, r = 0.02385, 50 → SK_TARGET by 2030 (53.57 is
 * all its trend reaches, whatever the share). */
#define FIX_WITH(DE_MODEL, SK_TARGET) \
	FIXTURE_STILL_PROVINCE \
	"indicators = (\n" \
	"  { id = \"de\"; name = \"DE\"; name_vi = \"DE\"; unit = \"%\"; kind = \"share\";\n" \
	"    ceiling = 65.0; baseline = 6.36;\n" \
	"    target = { value = 30.0; direction = \">=\"; year = 2030; };\n" \
	"    channel = \"digital\"; model = { " DE_MODEL " };\n" \
	"    source = \"assumption: test\"; },\n" \
	"  { id = \"sk\"; name = \"SK\"; name_vi = \"SK\"; unit = \"%\"; kind = \"share\";\n" \
	"    baseline = 50.0; target = { value = " SK_TARGET "; direction = \">=\"; year = 2030; };\n" \
	"    model = { r = 0.02385; }; source = \"assumption: test\"; }\n" \
	");\n"

/* β = 0.2385, r ~ N(0.035, 0.02) truncated to ±10 sd (which moves no
 * probability by more than 1e-20). */
static const char FIX[] = FIX_WITH("beta = 0.2385; r = { dist = \"normal\"; "
	"mean = 0.035; sd = 0.02; min = -0.165; max = 0.235; };", "55.0");

#define BETA 0.2385
#define MU 0.035
#define SD 0.02

static lt_scenario *sc;

/* Replace the test's scenario by TEXT. */
static void load(const char *text)
{
	lt_scenario_free(sc);
	sc = NULL;
	cr_assert_eq(lt_scenario_parse(&sc, text, "fixture", NULL), LT_OK);
}

static void setup(void)
{
	load(FIX);
}

static void teardown(void)
{
	lt_scenario_free(sc);
}

static lt_solve_mc_result run(size_t n, uint64_t seed, int threads)
{
	lt_mc_opts o = {n, seed, threads, 0, NULL, NULL};
	lt_solve_mc_result r;
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_solve_mc_run(sc, &o, &r, &d);
	cr_assert_eq(rc, LT_OK, "%s", d.n > 0 ? d.items[0].msg : "");
	lt_diag_destroy(&d);
	return r;
}

static double logit(double x)
{
	return log(x / (1.0 - x));
}

/* Σ over the six years 2025-2030 of (∫k − k_ref) at a constant SHARE, by
 * MODEL.md's exact solution: GRDP G and base E constant, δ = 0.2, η = 0.8,
 * capital in 2024 at the steady state of today's 1 %, K* = η·0.01·E/δ; a
 * year takes K to K·e^−δ + I·φ(δ) and its capital integrates to
 * K·φ(δ) + I·(1 − φ(δ))/δ, φ(δ) = (1 − e^−δ)/δ. */
static double intensity_sum(double share)
{
	const double d = 0.2, eta = 0.8, e = 2.0e7, g = 1.0e8;
	const double phi = -expm1(-d) / d, inv = eta * share / 100.0 * e;
	double k = eta * 0.01 * e / d, kref = 100.0 * k / g, sum = 0.0;
	int i;

	for (i = 0; i < 6; i++) {
		sum += 100.0 / g * (k * phi + inv * (1.0 - phi) / d) - kref;
		k = k * exp(-d) + inv * phi;
	}
	return sum;
}

/* The share draw r needs: z0 + 6r + β·A(s) = zaim, A affine. */
static double needed(double r)
{
	double a0 = intensity_sum(0.0), a1 = (intensity_sum(100.0) - a0) / 100.0;
	double c = logit(30.0 / 65.0) - logit(6.36 / 65.0) - 6.0 * r;

	return (c - BETA * a0) / (BETA * a1);
}

/* The draws of r regenerated as mc.c makes them (one uniform per draw: r
 * of de is the only uncertain slot). */
static void regenerate(size_t n, uint64_t seed, double *r)
{
	const lt_param *p = &sc->indicators[0].r;
	gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
	size_t d;

	cr_assert_not_null(g);
	for (d = 0; d < n; d++) {
		if (d % LT_MC_CHUNK == 0)
			gsl_rng_set(g, (unsigned long)lt_mc_chunk_seed(seed,
			            d / LT_MC_CHUNK));
		r[d] = lt_param_quantile(p, gsl_rng_uniform_pos(g));
	}
	gsl_rng_free(g);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

#define N_DRAWS 40000
static const double levels[] = {0.1, 0.5, 0.8, 0.95};

/* The P-quantile against the closed form: s* is normal with mean
 * needed(μ) and sd 6σ/(β·A'), so s_P = needed(μ + σ·Φ⁻¹(1 − P)).  The
 * tolerance: one bin (the histogram's bound) plus four asymptotic standard
 * errors of a sample quantile, sqrt(P(1 − P)/N)/f(s_P), f the normal
 * density of s* there. */
Test(solve_mc, quantile_against_the_closed_form, .init = setup,
     .fini = teardown)
{
	lt_solve_mc_result r = run(N_DRAWS, 2385, 2);
	/* needed() falls by 6/(β·A') per unit of r: the sd of s* is
	 * σ·6/(β·A') = σ·(needed(0) − needed(1)) */
	double sd_s = SD * (needed(0.0) - needed(1.0));
	size_t q;

	cr_assert(sd_s > 0.1 && sd_s < 1.0, "sd of the needed share %g", sd_s);
	cr_expect_eq(r.n_targets, 2);
	cr_expect_eq(r.ind[0].solved + r.ind[0].met_zero + r.ind[0].unreachable,
	             N_DRAWS);
	for (q = 0; q < sizeof levels / sizeof *levels; q++) {
		double p = levels[q], got, z = gsl_cdf_ugaussian_Pinv(p);
		double want = needed(MU - SD * z);
		double f = gsl_ran_ugaussian_pdf(z) / sd_s;
		double tol = 1.0 / LT_SOLVE_MC_PER_POINT + 4.0 * sqrt(p * (1.0 - p) /
		             N_DRAWS) / f;

		cr_assert(lt_solve_mc_share(&r.ind[0], r.draws, p, &got));
		cr_expect(fabs(got - want) < tol, "P %g: share %.6g, closed form "
		          "%.6g, tolerance %.3g", p, got, want, tol);
	}
	lt_solve_mc_result_destroy(&r);
}

/* The histogram's bound, exactly: the answer is the smallest edge above
 * the exact order statistic of the same draws, so it lies within one bin
 * above it (never below), up to rounding of the interpolated shares. */
Test(solve_mc, quantile_within_one_bin_of_the_draws, .init = setup,
     .fini = teardown)
{
	const size_t n = 20000;
	double *s = malloc(n * sizeof *s), bin = 1.0 / LT_SOLVE_MC_PER_POINT;
	lt_solve_mc_result r = run(n, 31, 3);
	size_t q, d;

	cr_assert_not_null(s);
	regenerate(n, 31, s);
	for (d = 0; d < n; d++)
		s[d] = needed(s[d]);
	qsort(s, n, sizeof *s, cmp_double);
	cr_assert(s[0] > 0.0 && s[n - 1] < 100.0, "every draw needs a share "
	          "in (0, 100): %g to %g", s[0], s[n - 1]);
	for (q = 0; q < sizeof levels / sizeof *levels; q++) {
		double got, exact = s[(size_t)ceil(levels[q] * n) - 1];

		cr_assert(lt_solve_mc_share(&r.ind[0], n, levels[q], &got));
		cr_expect(got >= exact - 1e-9 && got <= exact + bin + 1e-9,
		          "P %g: %.9g, order statistic %.9g", levels[q], got, exact);
	}
	/* and the curve counts the draws below each edge */
	for (d = 0; d <= 100; d += 7) {
		double edge = 3.0 + 0.0137 * (double)d;
		size_t below = 0, i;

		edge = round(edge * LT_SOLVE_MC_PER_POINT) / LT_SOLVE_MC_PER_POINT;
		for (i = 0; i < n; i++)
			below += s[i] < edge;
		cr_expect_eq(lt_solve_mc_count(&r.ind[0], edge), below, "edge %g",
		             edge);
	}
	free(s);
	lt_solve_mc_result_destroy(&r);
}

/* Common random numbers: each draw is held fixed while the share varies,
 * so raising the share never loses a draw and the curve never falls, here
 * with r, β, δ and yearly shocks all drawn (with independent draws at
 * each share it would wobble by its Monte Carlo error). */
Test(solve_mc, probability_monotone_in_the_share, .init = setup,
     .fini = teardown)
{
	lt_solve_mc_result r;
	size_t m, falls = 0;

	load(FIX_WITH("beta = { dist = \"normal\"; mean = 0.2; sd = 0.1; min = 0.0; "
	     "max = 1.2; }; r = { dist = \"normal\"; mean = 0.035; sd = 0.02; "
	     "min = -0.165; max = 0.235; }; sigma = 0.1;", "55.0"));
	r = run(20000, 5, 2);
	cr_expect_eq(r.shocks, 1);
	cr_expect_eq(r.n_uncertain, 2);
	cr_expect_eq(r.ind[0].negative_beta, 0);
	cr_expect_eq(r.ind[1].unreachable, r.draws, "sk misses 55 at any share");
	cr_expect_eq(r.ind[0].falling, 0);
	for (m = 0; m < LT_SOLVE_MC_BINS; m++)
		falls += r.ind[0].met[m + 1] < r.ind[0].met[m];
	cr_expect_eq(falls, 0, "the curve falls at %zu edges", falls);
	cr_expect_lt(r.ind[0].met[0], r.ind[0].met[LT_SOLVE_MC_BINS]);
	cr_expect_eq(r.ind[0].met[LT_SOLVE_MC_BINS], r.ind[0].met_zero +
	             r.ind[0].solved);
	lt_solve_mc_result_destroy(&r);
}

/* The same seed gives the same curves and counts, bit for bit, on 1, 2
 * and 3 threads; another seed gives another curve. */
Test(solve_mc, identical_for_any_thread_count, .init = setup,
     .fini = teardown)
{
	const size_t n = 3 * LT_MC_CHUNK + 17;
	lt_solve_mc_result a = run(n, 5, 1), b = run(n, 5, 2), c = run(n, 5, 3);
	lt_solve_mc_result d = run(n, 6, 2);
	const size_t bytes = (LT_SOLVE_MC_BINS + 1) * sizeof(uint32_t);
	const lt_solve_mc_curve *ca[] = {&a.ind[0], &a.ind[1], &a.all};
	const lt_solve_mc_curve *cb[] = {&b.ind[0], &b.ind[1], &b.all};
	const lt_solve_mc_curve *cc[] = {&c.ind[0], &c.ind[1], &c.all};
	size_t j;

	for (j = 0; j < 3; j++) {
		cr_expect(memcmp(ca[j]->met, cb[j]->met, bytes) == 0, "curve %zu", j);
		cr_expect(memcmp(ca[j]->met, cc[j]->met, bytes) == 0, "curve %zu", j);
		cr_expect_eq(ca[j]->solved, cc[j]->solved);
		cr_expect_eq(ca[j]->met_zero, cb[j]->met_zero);
		cr_expect_eq(ca[j]->unreachable, cc[j]->unreachable);
	}
	cr_expect(memcmp(a.ind[0].met, d.ind[0].met, bytes) != 0,
	          "another seed, another curve");
	lt_solve_mc_result_destroy(&a);
	lt_solve_mc_result_destroy(&b);
	lt_solve_mc_result_destroy(&c);
	lt_solve_mc_result_destroy(&d);
}

/* Draw d is simulate --draws's draw d: at the scenario's own constant
 * 1 %, the curve counts exactly the draws in which lt_mc_run (with the
 * same seed, shocks included) meets the target (8 %, which r and the
 * shocks decide: 1 % keeps capital at its steady state). */
Test(solve_mc, same_draws_as_monte_carlo, .init = setup, .fini = teardown)
{
	lt_mc_opts o = {20000, 77, 2, 0, NULL, NULL};
	lt_solve_mc_result r;
	lt_mc_result mc;
	lt_model *m;

	load(FIX_WITH("beta = { dist = \"uniform\"; lo = 0.1; hi = 0.4; }; "
	     "r = { dist = \"normal\"; mean = 0.035; sd = 0.02; min = -0.165; "
	     "max = 0.235; }; sigma = 0.05;", "55.0"));
	sc->indicators[0].target.value = 8.0;
	cr_assert_eq(lt_model_compile(&m, sc, NULL, NULL), LT_OK);
	cr_assert_eq(lt_mc_run(m, &o, &mc, NULL), LT_OK);
	r = run(20000, 77, 3);
	cr_expect_eq(mc.shocks, 1);
	cr_expect(mc.ind[0].met_target > 1000 && mc.ind[0].met_target < 19000,
	          "%zu", mc.ind[0].met_target);
	cr_expect_eq(lt_solve_mc_count(&r.ind[0], 1.0), mc.ind[0].met_target);
	cr_expect_eq(lt_solve_mc_count(&r.all, 1.0), mc.met_all);
	lt_mc_result_destroy(&mc);
	lt_model_free(m);
	lt_solve_mc_result_destroy(&r);
}

/* β ~ N(0.1, 0.2): about 31 % of the draws have β < 0, where more money
 * lowers the indicator; with a target of 7.5 % (the trend alone brings
 * 6.36 to about 7.7 %) many of them meet it at 0 % and miss it at 100 %.
 * Regenerated by hand (slots r, then β of de), each draw's class and
 * whether it meets the target at a share s follow from
 * z0 + 6r + β·A(s) >= zaim; the engine's counts and curve must agree
 * exactly. */
Test(solve_mc, negative_beta_draws, .init = setup, .fini = teardown)
{
	static const double shares[] = {0.0, 0.5, 2.385, 7.0, 31.0, 100.0};
	const size_t n = 10000;
	const double z0 = logit(6.36 / 65.0), za = logit(7.5 / 65.0);
	size_t cls[4] = {0}, neg = 0, j, d;
	double *rr = malloc(2 * n * sizeof *rr), *bb = rr + n;
	const lt_param *pr, *pb;
	lt_solve_mc_result r;
	gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);

	cr_assert(rr != NULL && g != NULL);
	load(FIX_WITH("beta = { dist = \"normal\"; mean = 0.1; sd = 0.2; "
	     "min = -1.9; max = 2.1; }; r = { dist = \"normal\"; mean = 0.035; "
	     "sd = 0.02; min = -0.165; max = 0.235; };", "55.0"));
	sc->indicators[0].target.value = 7.5;
	pr = &sc->indicators[0].r;
	pb = &sc->indicators[0].beta;
	for (d = 0; d < n; d++) {
		int met0, met1;

		if (d % LT_MC_CHUNK == 0)
			gsl_rng_set(g, (unsigned long)lt_mc_chunk_seed(9, d / LT_MC_CHUNK));
		rr[d] = lt_param_quantile(pr, gsl_rng_uniform_pos(g));
		bb[d] = lt_param_quantile(pb, gsl_rng_uniform_pos(g));
		neg += bb[d] < 0.0;
		met0 = z0 + 6 * rr[d] + bb[d] * intensity_sum(0.0) >= za;
		met1 = z0 + 6 * rr[d] + bb[d] * intensity_sum(100.0) >= za;
		cls[met0 ? (met1 ? 0 : 2) : (met1 ? 1 : 3)]++;
	}
	gsl_rng_free(g);
	r = run(n, 9, 2);
	cr_expect_eq(r.ind[0].negative_beta, neg);
	cr_expect(neg > n / 4 && neg < n * 2 / 5, "%zu draws with beta < 0", neg);
	cr_expect_eq(r.ind[0].met_zero, cls[0]);
	cr_expect_eq(r.ind[0].solved, cls[1]);
	cr_expect_eq(r.ind[0].falling, cls[2]);
	cr_expect_eq(r.ind[0].unreachable, cls[3]);
	cr_expect_gt(cls[2], 100, "falling draws exist");
	for (j = 0; j < sizeof shares / sizeof *shares; j++) {
		size_t met = 0;

		for (d = 0; d < n; d++)
			met += z0 + 6 * rr[d] + bb[d] * intensity_sum(shares[j]) >= za;
		cr_expect_eq(lt_solve_mc_count(&r.ind[0], shares[j]), met,
		             "share %g", shares[j]);
	}
	free(rr);
	lt_solve_mc_result_destroy(&r);
}

/* Answers that are not a share: a target at the ceiling (never met), a
 * target no share reaches (sk at 55), one met without spending (sk at
 * 52), and all together following the worst of them. */
Test(solve_mc, ceiling_unreachable_and_free, .init = setup, .fini = teardown)
{
	lt_solve_mc_result r;
	double share;

	sc->indicators[0].target.value = 65.0;
	r = run(5000, 3, 2);
	cr_expect_eq(r.ind[0].ceiling, r.draws);
	cr_expect_eq(r.ind[1].unreachable, r.draws);
	cr_expect_eq(r.all.ceiling, r.draws);
	cr_expect_eq(lt_solve_mc_count(&r.ind[0], 100.0), 0);
	cr_expect_eq(lt_solve_mc_share(&r.ind[0], r.draws, 0.05, &share), 0);
	cr_expect(isnan(share));
	lt_solve_mc_result_destroy(&r);
	sc->indicators[0].target.value = 30.0;
	/* a β < 0 without a channel moves nothing: not counted as such */
	sc->indicators[1].beta.set = 1;
	sc->indicators[1].beta.dist = LT_DIST_FIXED;
	sc->indicators[1].beta.value = -0.5;
	r = run(5000, 3, 2);
	cr_expect_eq(r.all.unreachable, r.draws, "sk misses 55 in every draw");
	cr_expect_eq(r.ind[1].negative_beta, 0);
	cr_expect_eq(r.all.negative_beta, 0);
	lt_solve_mc_result_destroy(&r);
	sc->indicators[1].target.value = 52.0;
	r = run(5000, 3, 2);
	cr_expect_eq(r.ind[1].met_zero, r.draws);
	cr_expect_eq(lt_solve_mc_count(&r.ind[1], 0.0), r.draws);
	cr_assert(lt_solve_mc_share(&r.ind[1], r.draws, 0.99, &share));
	cr_expect_float_eq(share, 0.0, 0.0);
	/* all together is then de's curve */
	cr_expect(memcmp(r.all.met, r.ind[0].met, (LT_SOLVE_MC_BINS + 1) *
	                 sizeof(uint32_t)) == 0);
	lt_solve_mc_result_destroy(&r);
}

/* Money: the base is 2.0e7 million VND every year (no growth), so 1 % is
 * 2.0e5 million (200 billion VND) a year and 1.2e6 over 2025-2030; the
 * scenario's own schedule is that 1 %. */
Test(solve_mc, money_by_hand, .init = setup, .fini = teardown)
{
	lt_solve_mc_result r = run(100, 1, 1);
	double year, total = lt_solve_mc_money(&r, 2.385, &year);

	cr_expect_eq(r.first_year, 2025);
	cr_expect_eq(r.last_year, 2030);
	cr_expect_float_eq(r.base_total, 6 * 2.0e7, 1e-6);
	cr_expect_float_eq(total, 2.385e-2 * 6 * 2.0e7, 1e-6);
	cr_expect_float_eq(year, 2.385e-2 * 2.0e7, 1e-6);
	cr_expect_float_eq(r.plan_total, 0.01 * 6 * 2.0e7, 1e-6);
	cr_expect_eq(r.has_programs, 0);
	lt_solve_mc_result_destroy(&r);
}

/* The crossing of lt_solve_draw, interpolated from the ends (the closed
 * form is affine in the share), against Brent's by lt_solve_share_eps on
 * the same draws with shocks, rising and falling (β < 0 and a target of
 * 7.5 %, as above): within the solver's tolerance. */
Test(solve_mc, interpolation_against_brent, .init = setup, .fini = teardown)
{
	lt_share_result all[2], one;
	lt_mc_sampler smp;
	lt_solver *sv;
	gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
	double theta[64], eps[2 * 7];
	size_t d, seen[2] = {0};

	load(FIX_WITH("beta = { dist = \"normal\"; mean = 0.1; sd = 0.2; "
	     "min = -1.9; max = 2.1; }; r = { dist = \"normal\"; mean = 0.035; "
	     "sd = 0.02; min = -0.165; max = 0.235; }; sigma = 0.1;", "55.0"));
	sc->indicators[0].target.value = 7.5;
	cr_assert_eq(lt_solver_alloc(&sv, sc, NULL), LT_OK);
	cr_assert_eq(lt_mc_sampler_init(&smp, lt_solver_model(sv), 0), LT_OK);
	cr_assert(smp.nslots <= 64 && smp.n_eps <= 14 && smp.shocks);
	memcpy(theta, smp.central, smp.nslots * sizeof *theta);
	gsl_rng_set(g, 2385);
	for (d = 0; d < 2000; d++) {
		lt_mc_draw(&smp, g, theta, eps);
		cr_assert_eq(lt_solve_draw(sv, theta, eps, all, NULL), LT_OK);
		cr_assert_eq(lt_solve_share_eps(sv, theta, eps, 0, &one, NULL), LT_OK);
		cr_assert_eq(all[0].answer, one.answer);
		cr_expect_eq(all[1].answer, LT_ANSWER_UNREACHABLE);
		if (one.answer == LT_ANSWER_SOLVED) {
			seen[0]++;
			cr_expect(fabs(all[0].share - one.share) <= 2 * LT_SOLVE_SHARE_TOL,
			          "%.12g vs %.12g", all[0].share, one.share);
		}
		if (one.answer == LT_ANSWER_FREE && one.share_hi < 100.0) {
			seen[1]++;
			cr_expect(fabs(all[0].share_hi - one.share_hi) <=
			          2 * LT_SOLVE_SHARE_TOL, "%.12g vs %.12g",
			          all[0].share_hi, one.share_hi);
		}
	}
	cr_expect(seen[0] > 100 && seen[1] > 10, "solved %zu, falling %zu",
	          seen[0], seen[1]);
	gsl_rng_free(g);
	lt_mc_sampler_destroy(&smp);
	lt_solver_free(sv);
}

/* With spillovers (the ODE) every crossing is Brent's: the engine runs,
 * gives the same curves on 1 and 2 threads, and its shares feed back. */
Test(solve_mc, spillovers_by_brent)
{
	lt_mc_opts o = {600, 4, 1, 0, NULL, NULL};
	lt_solve_mc_result a, b;
	lt_scenario *s;
	size_t k;

	cr_assert_eq(lt_scenario_load(&s, "tests/data/good/full.cfg", NULL),
	             LT_OK);
	cr_assert_eq(lt_solve_mc_run(s, &o, &a, NULL), LT_OK);
	o.threads = 2;
	cr_assert_eq(lt_solve_mc_run(s, &o, &b, NULL), LT_OK);
	cr_expect_geq(a.n_targets, 1);
	for (k = 0; k < a.ni; k++) {
		if (!a.ind[k].on)
			continue;
		cr_expect(memcmp(a.ind[k].met, b.ind[k].met, (LT_SOLVE_MC_BINS + 1) *
		                 sizeof(uint32_t)) == 0, "indicator %zu", k);
		cr_expect_eq(a.ind[k].met_zero + a.ind[k].solved + a.ind[k].falling +
		             a.ind[k].unreachable + a.ind[k].ceiling, a.draws);
	}
	lt_solve_mc_result_destroy(&a);
	lt_solve_mc_result_destroy(&b);
	lt_scenario_free(s);
}

/* Bad options are refused with a message; a scenario with no simulated
 * target has no curve, not an empty one. */
Test(solve_mc, bad_options_and_no_target, .init = setup, .fini = teardown)
{
	static const char rank_only[] =
		FIXTURE_STILL_PROVINCE
		"indicators = (\n"
		"  { id = \"rk\"; name = \"RK\"; name_vi = \"RK\"; unit = \"rank\"; kind = \"rank\";\n"
		"    rank_of = 63; baseline = 17; target = { value = 10; direction = \"<=\"; year = 2030; };\n"
		"    source = \"assumption: test\"; }\n"
		");\n";
	lt_mc_opts o = {0, 1, 1, 0, NULL, NULL};
	lt_solve_mc_result r;
	lt_diag d;

	lt_diag_init(&d, NULL);
	cr_expect_eq(lt_solve_mc_run(sc, &o, &r, &d), LT_EINVAL, "no draws");
	o.draws = 10;
	o.threads = 0;
	cr_expect_eq(lt_solve_mc_run(sc, &o, &r, &d), LT_EINVAL, "no threads");
	cr_assert_eq(d.n, 2);
	cr_expect_str_eq(d.items[0].msg, "the number of draws must be from 1 to "
	                 "2000000000 (got 0)");
	cr_expect_str_eq(d.items[1].msg, "the number of threads must be at least "
	                 "1 (got 0)");
	lt_diag_destroy(&d);
	load(rank_only);
	r = run(100, 1, 2);
	cr_expect_eq(r.n_targets, 0);
	cr_expect_eq(r.all.on, 0);
	cr_expect_eq(r.ind[0].on, 0);
	cr_expect_eq(lt_solve_mc_count(&r.all, 50.0), 0);
	lt_solve_mc_result_destroy(&r);
}

/* ===== lotrinh solve --probability ======================================== */

#include <jansson.h>
#include <unistd.h>

#include "helpers.h"

/* The test's scenario TEXT in a temporary file, its name into PATH. */
static void write_fixture(const char *text, char *path, size_t size)
{
	int fd;

	snprintf(path, size, "/tmp/lotrinh-prob-XXXXXX");
	fd = mkstemp(path);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

/* JSON: the answer at P is the engine's, and its money is the share of a
 * base of 20,000 billion VND a year (2.0e7 million VND, no growth): 200
 * billion VND a year per point of share, 1,200 over 2025-2030. */
Test(solve_mc, cli_json_money, .init = setup, .fini = teardown)
{
	lt_solve_mc_result e = run(4000, 12, 2);
	char path[64];
	struct run r;
	json_t *root, *t;
	double share, want;

	write_fixture(FIX, path, sizeof path);
	r = run_cli("solve", "--probability", "0.8", "--draws", "4000", "--seed",
	            "12", "--format", "json", path);
	unlink(path);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(lt_solve_mc_share(&e.ind[0], e.draws, 0.8, &want));
	root = json_loads(r.out, 0, NULL);
	cr_assert_not_null(root, "%s", r.out);
	cr_expect_eq(json_integer_value(json_object_get(root, "draws")), 4000);
	cr_expect_float_eq(json_real_value(json_object_get(root,
	                   "base_bn_vnd_total")), 120000.0, 1e-6);
	t = json_array_get(json_object_get(root, "targets"), 0);
	cr_expect_str_eq(json_string_value(json_object_get(t, "id")), "de");
	cr_expect_str_eq(json_string_value(json_object_get(t, "answer")),
	                 "solved");
	share = json_real_value(json_object_get(t, "share_pct"));
	cr_expect_float_eq(share, want, 1e-12);
	cr_expect_float_eq(json_real_value(json_object_get(t, "bn_vnd_per_year")),
	                   200.0 * share, 1e-9);
	cr_expect_float_eq(json_real_value(json_object_get(t, "bn_vnd_total")),
	                   1200.0 * share, 1e-9);
	t = json_array_get(json_object_get(root, "targets"), 1);
	cr_expect_str_eq(json_string_value(json_object_get(t, "answer")),
	                 "not reachable");
	cr_expect(json_is_null(json_object_get(t, "share_pct")));
	cr_expect_eq(json_integer_value(json_object_get(t, "unreachable")), 4000);
	json_decref(root);
	run_free(&r);
	lt_solve_mc_result_destroy(&e);
}

/* The same seed prints the same bytes on 1 and 2 threads; another seed
 * other numbers.  The text says what no share reaches, in words. */
Test(solve_mc, cli_reproducible_and_in_words, .init = setup, .fini = teardown)
{
	char path[64];
	struct run a, b, c, t;

	write_fixture(FIX, path, sizeof path);
	a = run_cli("solve", "--probability", "0.5", "--draws", "5000",
	            "--threads", "1", "--format", "csv", path);
	b = run_cli("solve", "--probability", "0.5", "--draws", "5000",
	            "--threads", "2", "--format", "csv", path);
	c = run_cli("solve", "--probability", "0.5", "--draws", "5000", "--seed",
	            "2", "--format", "csv", path);
	t = run_cli("solve", "--probability", "0.9", "--draws", "2000", path);
	unlink(path);
	cr_assert_eq(a.status, 0, "%s", a.err);
	cr_expect_str_eq(a.out, b.out);
	cr_expect(strcmp(a.out, c.out) != 0);
	cr_expect(strncmp(a.out, "indicator,point,probability_asked,share_pct,"
	          "p_met,draws_met,bn_vnd_per_year,bn_vnd_total\r\n", 79) == 0,
	          "%s", a.out);
	cr_assert_eq(t.status, 0, "%s", t.err);
	cr_expect(strstr(t.out, "2000 draws of 1 uncertain parameter, seed 1; "
	          "the share each target needs with probability 0.9.") != NULL,
	          "%s", t.out);
	cr_expect(strstr(t.out, "1 % is 200.0 a year on average, 1,200 in all.")
	          != NULL, "%s", t.out);
	cr_expect(strstr(t.out, "SK: even at 100 %, met in none of 2000 draws: "
	          "P < 0.0015 (rule of three, 95 %).") != NULL, "%s", t.out);
	cr_expect(strstr(t.out, "spends 200 billion VND a year on average, "
	          "1,200 in 2025-2030, as much as a constant 1.000 % of the base.")
	          != NULL, "%s", t.out);
	run_free(&a);
	run_free(&b);
	run_free(&c);
	run_free(&t);
}

/* The command says how many draws have β < 0 for a target money reaches,
 * and how many of those it meets at no share but stops meeting as the
 * share rises (the counts are the engine's, checked by hand above). */
Test(solve_mc, cli_says_negative_beta)
{
	static const char text[] = FIX_WITH("beta = { dist = \"normal\"; "
	    "mean = 0.1; sd = 0.2; min = -1.9; max = 2.1; }; r = { dist = "
	    "\"normal\"; mean = 0.035; sd = 0.02; min = -0.165; max = 0.235; };",
	    "55.0");
	char path[64];
	struct run r;

	write_fixture(text, path, sizeof path);
	r = run_cli("solve", "--probability", "0.5", "--draws", "4000", path);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "draws have beta < 0, so more money") != NULL,
	          "%s", r.out);
	run_free(&r);
	unlink(path);
}
