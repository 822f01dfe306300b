/* test_mc.c - Monte Carlo against closed forms: a normal r moves the
 * target-year logit linearly, so the probability of meeting the target and
 * the year-reached distribution are normal CDFs; shocks add a normal term;
 * two independent indicators meet both with the product of their
 * probabilities.  Quantiles against the exact order statistics of the same
 * draws, regenerated here; the same results for any number of threads.
 */
#include <criterion/criterion.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "lotrinh/config.h"
#include "lotrinh/mc.h"
#include "lotrinh/model.h"
#include "lotrinh/param.h"

/* Two indicators without a channel, so budget plays no part: a has
 * r ~ N(0.08, 0.03) truncated to ±10 sd (a truncation that moves no
 * probability by more than 1e-20), x0 = 0.3, target 40 % in 2030; b has
 * r ~ N(0.05, 0.02) (±10 sd), x0 = 0.5, target 55 %, and a shock sd set by
 * the tests. */
static const char MC_FIXTURE[] =
	FIXTURE_STILL_PROVINCE
	"indicators = (\n"
	"  { id = \"a\"; name = \"A\"; name_vi = \"A\"; unit = \"%\"; kind = \"share\";\n"
	"    baseline = 30.0; target = { value = 40.0; direction = \">=\"; year = 2030; };\n"
	"    model = { r = { dist = \"normal\"; mean = 0.08; sd = 0.03; min = -0.22; max = 0.38; }; };\n"
	"    source = \"assumption: test\"; },\n"
	"  { id = \"b\"; name = \"B\"; name_vi = \"B\"; unit = \"%\"; kind = \"share\";\n"
	"    baseline = 50.0; target = { value = 55.0; direction = \">=\"; year = 2030; };\n"
	"    model = { r = { dist = \"normal\"; mean = 0.05; sd = 0.02; min = -0.15; max = 0.25; }; };\n"
	"    source = \"assumption: test\"; }\n"
	");\n";

static lt_scenario *sc;
static lt_model *mdl;

static void setup(void)
{
	cr_assert_eq(lt_scenario_parse(&sc, MC_FIXTURE, "fixture", NULL), LT_OK);
	cr_assert_eq(lt_model_compile(&mdl, sc, NULL, NULL), LT_OK);
}

static void teardown(void)
{
	lt_model_free(mdl);
	lt_scenario_free(sc);
}

static lt_mc_result run(size_t n, uint64_t seed, int threads)
{
	lt_mc_opts o = {n, seed, threads, 0, NULL, NULL};
	lt_mc_result r;

	cr_assert_eq(lt_mc_run(mdl, &o, &r, NULL), LT_OK);
	return r;
}

static double logit(double x)
{
	return log(x / (1.0 - x));
}

/* P(z0 + i·r >= zaim) for r ~ N(mu, sd): Φ((z0 + i·mu − zaim)/(i·sd)). */
static double p_by(double x0, double aim, double mu, double sd, int i)
{
	return gsl_cdf_ugaussian_P((logit(x0) + i * mu - logit(aim)) / (i * sd));
}

#define N_DRAWS 40000

/* The probability of meeting the target in 2030 (6 years on) within 4
 * Monte Carlo standard errors of the normal CDF; and the year-reached
 * distribution year by year: with r > 0 the logit rises, so "met by
 * year i" is "met in year i", P = Φ((z0 + i·mu − zaim)/(i·sd)). */
Test(mc, probability_and_year_reached, .init = setup, .fini = teardown)
{
	lt_mc_result r = run(N_DRAWS, 2385, 2);
	double se, p = lt_mc_prob(r.ind[0].met_target, r.draws, &se);
	double want = p_by(0.3, 0.4, 0.08, 0.03, 6);
	int i;

	cr_expect_eq(r.draws, N_DRAWS);
	cr_expect_eq(r.shocks, 0);
	cr_expect_eq(r.n_uncertain, 2);
	cr_expect(fabs(p - want) < 4 * se, "P %g, closed form %g, se %g", p, want,
	          se);
	cr_expect_eq(r.ind[0].reached[0], 0, "not met at baseline");
	for (i = 1; i <= 6; i++) {
		double pi = lt_mc_prob(r.ind[0].reached[i], r.draws, &se);
		double w = p_by(0.3, 0.4, 0.08, 0.03, i);

		/* the standard error of the closed form: the estimate's own is 0
		 * where no draw met it */
		se = sqrt(w * (1.0 - w) / (double)r.draws);
		cr_expect(fabs(pi - w) < 4 * se + 1e-12, "year %d: %g vs %g (se %g)",
		          i, pi, w, se);
		cr_expect_eq(r.ind[0].reached[i], r.ind[0].met_in[i], "no shocks: "
		             "reached by a year is met in it");
	}
	lt_mc_result_destroy(&r);
}

/* Two independent indicators: P(both) = P(a)·P(b), within 4 standard
 * errors of the joint estimate. */
Test(mc, joint_probability, .init = setup, .fini = teardown)
{
	lt_mc_result r = run(N_DRAWS, 7, 1);
	double pa = p_by(0.3, 0.4, 0.08, 0.03, 6), pb = p_by(0.5, 0.55, 0.05,
	                                                      0.02, 6);
	double se, p = lt_mc_prob(r.met_all, r.draws, &se);

	cr_expect_eq(r.n_targets, 2);
	cr_expect(fabs(p - pa * pb) < 4 * se, "joint %g, product %g", p, pa * pb);
	lt_mc_result_destroy(&r);
}

/* Shocks: with σ = 0.1 the 2030 logit of b adds σ·(ε1 + ... + ε6), a normal
 * of sd σ√6 independent of r, so P = Φ((z0 + 6μ − zaim)/sqrt(36 sd² +
 * 6 σ²)); and now "met in 2030" and "met by 2030" differ. */
Test(mc, shocks, .init = setup, .fini = teardown)
{
	int slot = lt_model_find_slot(mdl, LT_SLOT_SIGMA, 1);
	lt_mc_result r;
	double se, p, want;

	teardown();
	setup();
	sc->indicators[1].sigma.set = 1;
	sc->indicators[1].sigma.dist = LT_DIST_FIXED;
	sc->indicators[1].sigma.value = 0.1;
	lt_model_free(mdl);
	cr_assert_eq(lt_model_compile(&mdl, sc, NULL, NULL), LT_OK);
	slot = lt_model_find_slot(mdl, LT_SLOT_SIGMA, 1);
	cr_assert(slot >= 0);
	r = run(N_DRAWS, 99, 2);
	cr_expect_eq(r.shocks, 1);
	p = lt_mc_prob(r.ind[1].met_in[6], r.draws, &se);
	want = gsl_cdf_ugaussian_P((logit(0.5) + 6 * 0.05 - logit(0.55)) /
	                           sqrt(36 * 0.02 * 0.02 + 6 * 0.01));
	cr_expect(fabs(p - want) < 4 * se, "P %g, closed form %g", p, want);
	cr_expect_gt(r.ind[1].reached[6], r.ind[1].met_in[6], "a shock can "
	             "lift a value over the target and drop it again");
	lt_mc_result_destroy(&r);
}

/* The draws of indicator a's 2030 logit, regenerated as mc.c makes them:
 * chunk c's MT19937 seeded by lt_mc_chunk_seed, one uniform per drawn slot
 * in slot order (r of a, then r of b). */
static void regenerate(size_t n, uint64_t seed, double *z)
{
	const lt_param *ra = &sc->indicators[0].r;
	gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
	size_t d;

	cr_assert(g != NULL);
	for (d = 0; d < n; d++) {
		double u;

		if (d % LT_MC_CHUNK == 0)
			gsl_rng_set(g, (unsigned long)lt_mc_chunk_seed(seed,
			            d / LT_MC_CHUNK));
		u = gsl_rng_uniform_pos(g);
		z[d] = logit(0.3) + 6 * lt_param_quantile(ra, u);
		(void)gsl_rng_uniform_pos(g); /* r of b */
	}
	gsl_rng_free(g);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Each quantile lies within the stated bound of the exact order statistic
 * of the same draws: one bin in the logit, (U − L)/4 · LT_MC_ZBIN in the
 * value. */
Test(mc, quantiles_within_the_bound, .init = setup, .fini = teardown)
{
	const size_t n = 20000;
	double *z = malloc(n * sizeof *z);
	lt_mc_result r = run(n, 31, 2);
	size_t q;

	cr_assert(z != NULL);
	regenerate(n, 31, z);
	qsort(z, n, sizeof *z, cmp_double);
	for (q = 0; q < LT_MC_NQ; q++) {
		size_t rank = (size_t)ceil(lt_mc_levels[q] / 100.0 * n);
		double exact = 100.0 / (1.0 + exp(-z[rank - 1]));
		double got = r.ind[0].q[6 * LT_MC_NQ + q];

		cr_expect_leq(fabs(got - exact), 100.0 / 4 * LT_MC_ZBIN + 1e-9,
		              "q%g: %.10g vs %.10g", lt_mc_levels[q], got, exact);
	}
	/* the baseline year holds the baseline in every draw */
	cr_expect_float_eq(r.ind[0].q[0 * LT_MC_NQ + 3], 30.0, 1e-12);
	cr_expect_float_eq(r.ind[0].mean[0], 30.0, 100.0 / 4 * LT_MC_ZBIN);
	free(z);
	lt_mc_result_destroy(&r);
}

/* The same seed gives the same numbers, bit for bit, on 1, 2 and 3
 * threads; another seed gives other numbers. */
Test(mc, identical_for_any_thread_count, .init = setup, .fini = teardown)
{
	lt_mc_result a = run(3 * LT_MC_CHUNK + 17, 5, 1);
	lt_mc_result b = run(3 * LT_MC_CHUNK + 17, 5, 2);
	lt_mc_result c = run(3 * LT_MC_CHUNK + 17, 5, 3);
	lt_mc_result d = run(3 * LT_MC_CHUNK + 17, 6, 2);
	size_t k, n = a.ny * LT_MC_NQ;

	for (k = 0; k < a.ni; k++) {
		cr_expect(memcmp(a.ind[k].q, b.ind[k].q, n * sizeof(double)) == 0);
		cr_expect(memcmp(a.ind[k].q, c.ind[k].q, n * sizeof(double)) == 0);
		cr_expect(memcmp(a.ind[k].mean, b.ind[k].mean,
		                 a.ny * sizeof(double)) == 0);
		cr_expect(memcmp(a.ind[k].reached, c.ind[k].reached,
		                 a.ny * sizeof(size_t)) == 0);
		cr_expect_eq(a.ind[k].met_target, b.ind[k].met_target);
		cr_expect(memcmp(a.ind[k].q, d.ind[k].q, n * sizeof(double)) != 0,
		          "another seed, other quantiles");
	}
	cr_expect_eq(a.met_all, c.met_all);
	lt_mc_result_destroy(&a);
	lt_mc_result_destroy(&b);
	lt_mc_result_destroy(&c);
	lt_mc_result_destroy(&d);
}

/* A target no draw can meet (past the ceiling) is met in none; bad
 * options are refused. */
Test(mc, degenerate_and_bad_options, .init = setup, .fini = teardown)
{
	lt_mc_opts o = {0, 1, 1, 0, NULL, NULL};
	lt_mc_result r;
	lt_diag d;

	sc->indicators[0].target.value = 100.0;
	r = run(5000, 3, 2);
	cr_expect_eq(r.ind[0].met_target, 0);
	cr_expect_eq(r.met_all, 0);
	lt_mc_result_destroy(&r);
	lt_diag_init(&d, NULL);
	cr_expect_eq(lt_mc_run(mdl, &o, &r, &d), LT_EINVAL, "no draws");
	o.draws = 10;
	o.threads = 0;
	cr_expect_eq(lt_mc_run(mdl, &o, &r, &d), LT_EINVAL, "no threads");
	cr_expect_eq(d.n, 2);
	lt_diag_destroy(&d);
}

/* A checkpoint by hand: a's milestone of 34 % in 2027.  Both the 2027 and
 * the 2030 logits are set by r alone, z(Y) = z0 + Y·r, so the milestone is
 * met when r >= r1 = (logit .34 − logit .3)/3 and the target when r >= r2 =
 * (logit .4 − logit .3)/6; r2 > r1 here, so P(target | milestone met) =
 * P(r >= r2)/P(r >= r1), P(target | missed) = 0, and the probability of
 * the target jumps from 0 to 1 at the 2027 value z0 + 3·r2: 34.83 %. */
Test(mc, checkpoint_by_hand, .init = setup, .fini = teardown)
{
	static lt_point ms[] = {{2027, 34.0}};
	double r1 = (logit(0.34) - logit(0.3)) / 3, r2 = (logit(0.4) -
	             logit(0.3)) / 6, se, p, want, cross;
	const lt_mc_checkpoint *c;
	lt_mc_result r;

	sc->indicators[0].milestones.pts = ms;
	sc->indicators[0].milestones.n = 1;
	lt_model_free(mdl);
	cr_assert_eq(lt_model_compile(&mdl, sc, NULL, NULL), LT_OK);
	r = run(N_DRAWS, 17, 2);
	cr_assert_eq(r.n_checkpoints, 1);
	c = &r.checkpoints[0];
	cr_expect_eq(c->k, 0);
	cr_expect_eq(c->year, 2027);
	cr_expect_float_eq(c->milestone, 34.0, 0.0);
	want = gsl_cdf_ugaussian_Q((r1 - 0.08) / 0.03);
	p = lt_mc_prob(c->met, r.draws, &se);
	cr_expect(fabs(p - want) < 4 * sqrt(want * (1 - want) / N_DRAWS),
	          "milestone met %g, by hand %g", p, want);
	want = gsl_cdf_ugaussian_Q((r2 - 0.08) / 0.03) /
	       gsl_cdf_ugaussian_Q((r1 - 0.08) / 0.03);
	p = (double)c->met_final / (double)c->met;
	cr_expect(fabs(p - want) < 4 * sqrt(want * (1 - want) / c->met),
	          "target given met %g, by hand %g", p, want);
	cr_expect_eq(c->missed_final, 0);
	cross = 100.0 / (1.0 + exp(-(logit(0.3) + 3 * r2)));
	cr_assert(!isnan(c->crossing), "side %d", c->crossing_side);
	/* within one coarse bin (5 % of the draws) of the jump: the 2027
	 * values of the draws around it lie within 0.4 points of it */
	cr_expect(fabs(c->crossing - cross) < 0.4, "crossing %g, by hand %g",
	          c->crossing, cross);
	cr_expect_eq(c->n_curve, LT_MC_CURVE);
	cr_expect_float_eq(c->curve_p[0], 0.0, 0.0);
	cr_expect_float_eq(c->curve_p[LT_MC_CURVE - 1], 1.0, 0.0);
	lt_mc_result_destroy(&r);
}

/* A checkpoint whose target is likely whatever the 2027 value (31 % by
 * 2030: missed only when r < (logit .31 − logit .3)/6 = 0.0079, 0.8 % of
 * the draws, so even the lowest 5 % of 2027 values mostly meet it) has no
 * 50 % crossing and says the target is at least even odds everywhere; one
 * whose target is unlikely whatever the value (55 %: met when r >= 0.175,
 * 0.08 % of the draws) says it is below even odds everywhere. */
Test(mc, checkpoint_without_crossing, .init = setup, .fini = teardown)
{
	static lt_point ms[] = {{2027, 34.0}};
	static const double targets[] = {31.0, 55.0};
	static const int sides[] = {+1, -1};
	size_t t;

	sc->indicators[0].milestones.pts = ms;
	sc->indicators[0].milestones.n = 1;
	for (t = 0; t < 2; t++) {
		lt_mc_result r;

		sc->indicators[0].target.value = targets[t];
		lt_model_free(mdl);
		cr_assert_eq(lt_model_compile(&mdl, sc, NULL, NULL), LT_OK);
		r = run(N_DRAWS, 23, 2);
		cr_assert_eq(r.n_checkpoints, 1);
		cr_expect(r.ind[0].met_target > 0 && r.ind[0].met_target < r.draws,
		          "target %g met in %zu draws", targets[t],
		          r.ind[0].met_target);
		cr_expect(isnan(r.checkpoints[0].crossing));
		cr_expect_eq(r.checkpoints[0].crossing_side, sides[t], "target %g",
		             targets[t]);
		lt_mc_result_destroy(&r);
	}
}
