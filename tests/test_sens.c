/* test_sens.c - sensitivity of targets on scenarios written here, against
 * hand calculations.  Without a channel the target-year logit is
 * z_T = z_0 + T·r + σ·(ε_1 + ... + ε_T) (docs/MODEL.md), linear in r and
 * in the shocks: the tornado's values are logistic maps of it, and its
 * variance splits between r, the shocks and σ in closed form.  With a
 * channel the logit is linear in β, and the share a target needs falls as
 * β rises.  Then `lotrinh sens` end to end: refusals, formats, flat
 * outcomes, the same numbers for any number of threads.
 * (test_outputs.c runs sens on every shipped scenario in every format.)
 */
#include <criterion/criterion.h>
#include <gsl/gsl_cdf.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "helpers.h"
#include "lotrinh/config.h"
#include "lotrinh/model.h"
#include "lotrinh/sens.h"
#include "lotrinh/solve.h"

/* Three shares on a still province, targets in 2030 (T = 6 years on):
 * a: x0 = 0.5 (z_0 = 0), r ~ N(0, 0.01) (±10 sd: no probability moved),
 *    σ ~ U(0.01, 0.03), target 50.5 %;
 * b: x0 = 0.5, r ~ N(0.05, 0.01), target 10 %: met in every run;
 * c: x0 = 0.3, r = 0.02, nothing uncertain: the same value in every run;
 * rk: a rank, not simulated.
 * No indicator has a channel, so spending plays no part. */
static const char SENS_FIXTURE[] =
	FIXTURE_STILL_PROVINCE
	"indicators = (\n"
	"  { id = \"a\"; name = \"A\"; name_vi = \"A\"; unit = \"%\"; kind = \"share\";\n"
	"    baseline = 50.0; target = { value = 50.5; direction = \">=\"; year = 2030; };\n"
	"    model = { r = { dist = \"normal\"; mean = 0.0; sd = 0.01; min = -0.1; max = 0.1; };\n"
	"              sigma = { dist = \"uniform\"; lo = 0.01; hi = 0.03; }; };\n"
	"    source = \"assumption: test\"; },\n"
	"  { id = \"b\"; name = \"B\"; name_vi = \"B\"; unit = \"%\"; kind = \"share\";\n"
	"    baseline = 50.0; target = { value = 10.0; direction = \">=\"; year = 2030; };\n"
	"    model = { r = { dist = \"normal\"; mean = 0.05; sd = 0.01; min = -0.05; max = 0.15; }; };\n"
	"    source = \"assumption: test\"; },\n"
	"  { id = \"c\"; name = \"C\"; name_vi = \"C\"; unit = \"%\"; kind = \"share\";\n"
	"    baseline = 30.0; target = { value = 40.0; direction = \">=\"; year = 2030; };\n"
	"    model = { r = 0.02; }; source = \"assumption: test\"; },\n"
	"  { id = \"rk\"; name = \"RK\"; name_vi = \"RK\"; unit = \"rank\"; kind = \"rank\";\n"
	"    rank_of = 63; baseline = 17; target = { value = 10; direction = \"<=\"; year = 2030; };\n"
	"    source = \"assumption: test\"; }\n"
	");\n";

enum { A, B, C, RK };          /* indicators */
enum { R_A, SIGMA_A, R_B, SHOCKS }; /* Sobol factors, in registry order */

static lt_scenario *sc;

static void setup(void)
{
	cr_assert_eq(lt_scenario_parse(&sc, SENS_FIXTURE, "fixture", NULL), LT_OK);
}

static void teardown(void)
{
	lt_scenario_free(sc);
}

static lt_sens_result run(const lt_scenario *s, int sobol, size_t n,
                          uint64_t seed, int threads)
{
	lt_sens_opts o = {sobol, n, 100, seed, threads, NULL, NULL};
	lt_sens_result r;
	lt_diag d;
	int rc;

	lt_diag_init(&d, "fixture");
	rc = lt_sens_run(s, NULL, NULL, 0, &o, &r, &d);
	cr_assert_eq(rc, LT_OK, "%s", d.n > 0 ? d.items[0].msg : "");
	lt_diag_destroy(&d);
	return r;
}

static double logistic(double z)
{
	return 1.0 / (1.0 + exp(-z));
}

/* ---- the tornado ------------------------------------------------------- */

/* a's value in 2030 is 100·logistic(6 r) without shocks: at the median
 * r = 0 it is 50 exactly; at r's 10th percentile, 0.01·Φ⁻¹(0.1) =
 * −0.0128155, it is 100·logistic(−0.0768931) = 48.0786.  σ moves nothing
 * with the shocks off: a bar of zero swing.  b's r moves b alone. */
Test(sens, tornado_by_hand, .init = setup, .fini = teardown)
{
	lt_sens_result r = run(sc, 0, 0, 1, 1);
	const lt_sens_target *a = &r.ind[A], *b = &r.ind[B], *c = &r.ind[C];
	double p10 = 0.01 * gsl_cdf_ugaussian_Pinv(0.1);

	cr_assert_eq(r.n_params, 3);
	cr_expect_str_eq(r.params[R_A].name, "r of a");
	cr_expect_str_eq(r.params[SIGMA_A].name, "sigma of a");
	cr_expect_str_eq(r.params[R_B].name, "r of b");
	cr_expect(r.shocks);
	cr_expect_eq(r.n_factors, 4);
	cr_expect_str_eq(lt_sens_factor_name(&r, SHOCKS), "yearly shocks");
	cr_expect_float_eq(r.params[R_A].p10, p10, 1e-15);
	cr_expect_float_eq(r.params[R_A].p90, -p10, 1e-15);
	cr_expect_float_eq(r.params[SIGMA_A].p10, 0.012, 1e-15);
	cr_expect_float_eq(r.params[SIGMA_A].p50, 0.02, 1e-15);
	cr_expect_float_eq(r.params[SIGMA_A].p90, 0.028, 1e-15);
	cr_expect_eq(r.n_targets, 3);
	cr_expect_eq(a->status, LT_SENS_TARGET);
	cr_expect_eq(r.ind[RK].status, LT_SENS_NOT_SIMULATED);
	cr_expect(strstr(r.ind[RK].why, "rank") != NULL, "%s", r.ind[RK].why);
	/* a */
	cr_expect_eq(a->base_value, 50.0);
	cr_expect_float_eq(a->bars[R_A].value_lo, 100 * logistic(6 * p10), 1e-11);
	cr_expect_float_eq(a->bars[R_A].value_hi, 100 * logistic(-6 * p10),
	                   1e-11);
	cr_expect_float_eq(a->bars[R_A].value_lo, 48.0786, 1e-4);
	cr_expect_eq(a->bars[SIGMA_A].value_lo, 50.0, "no shocks in a tornado");
	cr_expect_eq(a->bars[SIGMA_A].value_hi, 50.0);
	cr_expect_eq(a->by_value[0], R_A);
	cr_expect_eq(a->by_value[1], SIGMA_A, "zero swings in registry order");
	cr_expect_eq(a->by_value[2], R_B);
	cr_expect(!a->inert[R_A] && a->inert[SIGMA_A] && a->inert[R_B],
	          "without Sobol, sigma changes nothing a tornado sees");
	/* b: 100·logistic(0.3 + 6·(r − 0.05)) */
	cr_expect_float_eq(b->base_value, 100 * logistic(0.3), 1e-11);
	cr_expect_float_eq(b->bars[R_B].value_lo, 100 * logistic(0.3 + 6 * p10),
	                   1e-11);
	cr_expect_eq(b->bars[R_A].value_lo, b->base_value);
	/* c: nothing moves it */
	cr_expect_float_eq(c->base_value, 100 * logistic(log(0.3 / 0.7) + 0.12),
	                   1e-11);
	cr_expect_eq(c->n_inert, 3);
	lt_sens_result_destroy(&r);
}

/* Without a channel money does nothing, so a's share answer is "met
 * without spending" where its value reaches 50.5 (r at p90: 51.92) and
 * "not reachable" elsewhere (the median: 50; p10: 48.08); the bar whose
 * answer changes comes first.  b is met without spending throughout. */
Test(sens, tornado_share_answers, .init = setup, .fini = teardown)
{
	lt_sens_result r = run(sc, 0, 0, 1, 1);
	const lt_sens_target *a = &r.ind[A], *b = &r.ind[B];

	cr_expect_eq(a->base_share.answer, LT_ANSWER_UNREACHABLE);
	cr_expect_eq(a->bars[R_A].share_lo.answer, LT_ANSWER_UNREACHABLE);
	cr_expect_eq(a->bars[R_A].share_hi.answer, LT_ANSWER_FREE);
	cr_expect_eq(a->bars[R_A].share_hi.share, 0.0);
	cr_expect(isnan(a->bars[R_A].share_lo.share), "no share, not 0");
	cr_expect_eq(a->bars[SIGMA_A].share_hi.answer, LT_ANSWER_UNREACHABLE);
	cr_expect_eq(a->by_share[0], R_A);
	cr_expect_eq(b->base_share.answer, LT_ANSWER_FREE);
	cr_expect_eq(b->bars[R_B].share_lo.answer, LT_ANSWER_FREE);
	lt_sens_result_destroy(&r);
}

/* ---- Sobol against the closed form -------------------------------------- *
 *
 * a's 2030 logit z = 6 r + σ S, S = ε_1 + ... + ε_6 ~ N(0, 6), r, σ and S
 * independent.  With sd_r = 0.01, E[σ] = 0.02 and Var(σ) = 0.02²/12:
 *   V = 36 sd_r² + 6 E[σ²] = 0.0036 + 0.0026 = 0.0062,
 *   S_r = ST_r = 0.0036/V = 0.5806;
 *   S_shocks = Var(E[z|S])/V = 6 E[σ]²/V = 0.3871,
 *   ST_shocks = E[Var(z|r, σ)]/V = 6 E[σ²]/V = 0.4194;
 *   S_σ = 0 (E[z|σ] does not depend on σ), ST_σ = 6 Var(σ)/V = 0.0323:
 *   σ acts only together with the shocks.
 * The value is 100·logistic(z) = 50 + 25 z − (25/12) z³ + ...; with
 * Var(z) = 0.0062 the cubic term moves the shares by about Var(z)/2 =
 * 0.003, so the tolerance is 4 bootstrap standard errors plus 0.005. */
Test(sens, sobol_closed_form, .init = setup, .fini = teardown)
{
	lt_sens_result r = run(sc, 1, 1 << 15, 2385, 2);
	const lt_sobol_output *x = &r.sobol.out[r.ind[A].out_value];
	double v = 0.0036 + 6 * (0.02 * 0.02 + 0.02 * 0.02 / 12);
	double s1[4] = {0.0036 / v, 0.0, 0.0, 6 * 0.02 * 0.02 / v};
	double st[4] = {0.0036 / v, 6 * 0.02 * 0.02 / 12 / v, 0.0,
	                6 * (0.02 * 0.02 + 0.02 * 0.02 / 12) / v};
	double z = lt_sobol_z();
	size_t i;

	cr_assert(r.has_sobol);
	cr_assert_eq(r.sobol.n_factors, 4);
	cr_expect_eq(r.sobol.dim, 3 + 4 * 7, "one u per "
	             "slot, one per shock of every indicator and year");
	cr_expect_not(x->degenerate);
	for (i = 0; i < 4; i++) {
		cr_expect(fabs(x->s1[i] - s1[i]) < 4 * x->s1_conf[i] / z + 0.005,
		          "S1 of %s: %g, closed form %g (± %g)",
		          lt_sens_factor_name(&r, i), x->s1[i], s1[i], x->s1_conf[i]);
		cr_expect(fabs(x->st[i] - st[i]) < 4 * x->st_conf[i] / z + 0.005,
		          "ST of %s: %g, closed form %g (± %g)",
		          lt_sens_factor_name(&r, i), x->st[i], st[i], x->st_conf[i]);
	}
	cr_expect_eq(x->st[R_B], 0.0, "b's r does not enter a: exactly 0");
	cr_expect_eq(r.ind[A].st_value[0], R_A, "sorted by ST");
	cr_expect_eq(r.ind[A].st_value[1], SHOCKS);
	cr_expect_not(r.ind[A].inert[SIGMA_A], "sigma acts through the shocks");
	cr_expect(r.ind[A].inert[R_B]);
	lt_sens_result_destroy(&r);
}

/* b has one uncertain parameter and no shocks: all its variance is its
 * r's (S1 = ST = 1), and it is met in every run: that outcome is flat, as
 * are both of c's. */
Test(sens, one_parameter_and_flat_outcomes, .init = setup, .fini = teardown)
{
	lt_sens_result r = run(sc, 1, 1 << 13, 7, 2);
	const lt_sens_target *b = &r.ind[B], *c = &r.ind[C];
	const lt_sobol_output *v = &r.sobol.out[b->out_value];
	double z = lt_sobol_z();

	cr_expect(fabs(v->s1[R_B] - 1.0) < 4 * v->s1_conf[R_B] / z, "S1 %g",
	          v->s1[R_B]);
	cr_expect(fabs(v->st[R_B] - 1.0) < 4 * v->st_conf[R_B] / z, "ST %g",
	          v->st[R_B]);
	cr_expect_eq(v->st[SHOCKS], 0.0, "b has no sigma");
	cr_expect(r.sobol.out[b->out_met].degenerate);
	cr_expect_eq(b->met_rows, 2 * r.sobol.n);
	cr_expect(isnan(r.sobol.out[b->out_met].s1[R_B]), "no index from "
	          "nothing");
	cr_expect(r.sobol.out[c->out_value].degenerate);
	cr_expect_eq(r.sobol.out[c->out_value].sd, 0.0);
	cr_expect(r.sobol.out[c->out_met].degenerate);
	cr_expect_eq(c->met_rows, 0);
	cr_expect_eq(c->n_inert, 3);
	lt_sens_result_destroy(&r);
}

/* The met/not-met outcome of a: the share of A and B's runs meeting it is
 * P(6 r + σ S >= logit(0.505)) = E_σ[Φ(−logit(0.505)/sqrt(0.0036 +
 * 6σ²))], by the midpoint rule over σ's uniform range (1000 points: the
 * integrand is smooth, the error far below the Monte Carlo one), within 4
 * binomial standard errors of 2N runs. */
Test(sens, met_outcome_against_its_probability, .init = setup,
     .fini = teardown)
{
	lt_sens_result r = run(sc, 1, 1 << 13, 11, 2);
	double zaim = log(0.505 / 0.495), p = 0.0, got, se;
	size_t n = 2 * r.sobol.n, j;

	for (j = 0; j < 1000; j++) {
		double s = 0.01 + 0.02 * (j + 0.5) / 1000;

		p += gsl_cdf_ugaussian_P(-zaim / sqrt(0.0036 + 6 * s * s)) / 1000;
	}
	got = (double)r.ind[A].met_rows / (double)n;
	se = sqrt(p * (1 - p) / (double)n);
	cr_expect(fabs(got - p) < 4 * se, "P(met) %g, closed form %g", got, p);
	cr_expect_not(r.sobol.out[r.ind[A].out_met].degenerate);
	lt_sens_result_destroy(&r);
}

static int same_sobol(const lt_sens_result *x, const lt_sens_result *y)
{
	size_t o, n = x->n_factors * sizeof(double);

	for (o = 0; o < x->sobol.n_out; o++) {
		const lt_sobol_output *a = &x->sobol.out[o], *b = &y->sobol.out[o];

		if (a->degenerate != b->degenerate ||
		    memcmp(&a->mean, &b->mean, sizeof a->mean) != 0 ||
		    (!a->degenerate && (memcmp(a->s1, b->s1, n) != 0 ||
		                        memcmp(a->st, b->st, n) != 0 ||
		                        memcmp(a->s1_conf, b->s1_conf, n) != 0 ||
		                        memcmp(a->st_conf, b->st_conf, n) != 0)))
			return 0;
	}
	return 1;
}

/* The same seed gives the same indices, bit for bit, on 1 and 3 threads;
 * another seed other ones. */
Test(sens, identical_for_any_thread_count, .init = setup, .fini = teardown)
{
	lt_sens_result a = run(sc, 1, 1000, 5, 1);
	lt_sens_result b = run(sc, 1, 1000, 5, 3);
	lt_sens_result c = run(sc, 1, 1000, 6, 2);

	cr_expect(same_sobol(&a, &b));
	cr_expect_not(same_sobol(&a, &c));
	lt_sens_result_destroy(&a);
	lt_sens_result_destroy(&b);
	lt_sens_result_destroy(&c);
}

/* --indicator: only the targets asked for are studied (and kept in the
 * Sobol outputs); the others say why. */
Test(sens, some_indicators, .init = setup, .fini = teardown)
{
	size_t ks[] = {B, RK};
	lt_sens_opts o = {1, 256, 10, 1, 1, NULL, NULL};
	lt_sens_result r;

	cr_assert_eq(lt_sens_run(sc, NULL, ks, 2, &o, &r, NULL), LT_OK);
	cr_expect_eq(r.n_targets, 1);
	cr_expect_eq(r.sobol.n_out, 2);
	cr_expect_eq(r.ind[A].status, LT_SENS_NOT_ASKED);
	cr_expect_eq(r.ind[B].status, LT_SENS_TARGET);
	cr_expect_eq(r.ind[B].out_value, 0);
	cr_expect_eq(r.ind[RK].status, LT_SENS_NOT_SIMULATED);
	lt_sens_result_destroy(&r);
}

/* ---- the share a target needs, as β swings ----------------------------- */

/* The model fixture (fixtures.h) with de's β uniform on [0.2, 0.4]:
 * p10 0.22, median 0.3, p90 0.38. */
static lt_scenario *beta_scenario(void)
{
	const char *at = strstr(FIXTURE, "beta = 0.3;");
	char text[sizeof FIXTURE + 128];
	lt_scenario *s;

	cr_assert_not_null(at);
	snprintf(text, sizeof text, "%.*sbeta = { dist = \"uniform\"; lo = 0.2; "
	         "hi = 0.4; };%s", (int)(at - FIXTURE), FIXTURE,
	         at + strlen("beta = 0.3;"));
	cr_assert_eq(lt_scenario_parse(&s, text, "fixture", NULL), LT_OK);
	return s;
}

/* de in 2030 under a constant SHARE with β = BETA, the rest central. */
static double de_at(const lt_scenario *s, double share, double beta)
{
	lt_schedule sch = {0};
	lt_model *m;
	lt_model_ws *w;
	double theta[64], z[3 * 7], y;

	sch.kind = LT_SCHED_CONSTANT;
	sch.share_pct = share;
	cr_assert_eq(lt_model_compile(&m, s, &sch, NULL), LT_OK);
	w = lt_model_ws_alloc(m);
	lt_model_central(m, theta);
	theta[lt_model_find_slot(m, LT_SLOT_BETA, 0)] = beta;
	cr_assert_eq(lt_model_eval(m, theta, NULL, w, z, NULL, NULL), LT_OK);
	y = lt_model_value(m, 0, 6, z[6]);
	lt_model_ws_free(w);
	lt_model_free(m);
	return y;
}

/* The logit of a value of de (floor 0, ceiling 65). */
static double de_logit(double y)
{
	return log(y / (65.0 - y));
}

/* A higher β buys more with the same money: the value at p90 is higher,
 * and the share the target needs lower; each share, fed back into the
 * model at its β, meets the target, and a share just under it does not.
 * The logit is linear in β (docs/MODEL.md), and the median is midway
 * between p10 and p90, so the base logit is the mean of the two ends. */
Test(sens, share_falls_as_beta_rises)
{
	lt_scenario *s = beta_scenario();
	lt_sens_result r = run(s, 0, 0, 1, 1);
	const lt_sens_target *de = &r.ind[0];
	const lt_sens_bar *b;

	cr_assert_eq(r.n_params, 1);
	cr_assert_str_eq(r.params[0].name, "beta of de");
	b = &de->bars[0];
	cr_expect_float_eq(r.params[0].p10, 0.22, 1e-15);
	cr_expect_float_eq(r.params[0].p90, 0.38, 1e-15);
	cr_expect_gt(b->value_hi, b->value_lo);
	cr_expect_float_eq(de_logit(de->base_value), (de_logit(b->value_lo) +
	                   de_logit(b->value_hi)) / 2, 1e-12);
	cr_assert_eq(b->share_lo.answer, LT_ANSWER_SOLVED);
	cr_assert_eq(b->share_hi.answer, LT_ANSWER_SOLVED);
	cr_assert_eq(de->base_share.answer, LT_ANSWER_SOLVED);
	cr_expect_lt(b->share_hi.share, de->base_share.share);
	cr_expect_lt(de->base_share.share, b->share_lo.share);
	cr_expect_geq(de_at(s, b->share_hi.share, 0.38), 30.0 - 1e-9);
	cr_expect_lt(de_at(s, b->share_hi.share - 2 * LT_SOLVE_SHARE_TOL, 0.38),
	             30.0);
	cr_expect_geq(de_at(s, b->share_lo.share, 0.22), 30.0 - 1e-9);
	cr_expect_lt(de_at(s, b->share_lo.share - 2 * LT_SOLVE_SHARE_TOL, 0.22),
	             30.0);
	lt_sens_result_destroy(&r);
	lt_scenario_free(s);
}

/* Nothing uncertain: no parameter, no Sobol, no error. */
Test(sens, nothing_uncertain)
{
	lt_scenario *s;
	lt_sens_result r;
	lt_sens_opts o = {1, 256, 10, 1, 1, NULL, NULL};

	cr_assert_eq(lt_scenario_parse(&s, FIXTURE, "fixture", NULL), LT_OK);
	cr_assert_eq(lt_sens_run(s, NULL, NULL, 0, &o, &r, NULL), LT_OK);
	cr_expect_eq(r.n_params, 0);
	cr_expect_eq(r.n_factors, 0);
	cr_expect_not(r.has_sobol);
	cr_expect_eq(r.n_targets, 2);
	lt_sens_result_destroy(&r);
	lt_scenario_free(s);
}

/* ---- lotrinh sens ------------------------------------------------------ */

/* SENS_FIXTURE in a temporary file, its path in PATH. */
static void fixture_file(char *path, size_t size)
{
	FILE *f;
	int fd;

	snprintf(path, size, "/tmp/lotrinh-sens-XXXXXX");
	fd = mkstemp(path);
	cr_assert(fd >= 0);
	f = fdopen(fd, "w");
	cr_assert_not_null(f);
	fputs(SENS_FIXTURE, f);
	cr_assert_eq(fclose(f), 0);
}

Test(sens, help)
{
	struct run r = run_cli("sens", "--help");

	cr_expect_eq(r.status, 0);
	cr_expect_str_empty(r.err);
	cr_expect(strncmp(r.out, "Usage: lotrinh sens", 19) == 0);
	cr_expect(strstr(r.out, "%%") == NULL);
	run_free(&r);
}

static const struct {
	const char *args[6];
	const char *err;
} refusals[] = {
	{{"--samples", "0"}, "'--samples' must be a whole number from 64 to "
	                     "1048576 (got '0')"},
	{{"--samples", "x"}, "'--samples' must be a whole number from 64 to "
	                     "1048576 (got 'x': not a number)"},
	{{"--samples", "2000000"}, "'--samples' must be a whole number from 64 "
	                           "to 1048576 (got '2000000')"},
	{{"--threads", "0"}, "'--threads' must be a whole number from 1 to 256 "
	                     "(got '0')"},
	{{"--seed", "abc"}, "'--seed' must be a whole number from 0 to "
	                    "9223372036854775807 (got 'abc': not a number)"},
	{{"--bootstrap", "-1"}, "'--bootstrap' must be 0 (no intervals) or a "
	                        "whole number from 2 to 10000 (got '-1')"},
	{{"--bootstrap", "1"}, "'--bootstrap' must be 0 (no intervals) or a "
	                       "whole number from 2 to 10000 (got '1')"},
	{{"--share", "3", "--ramp", "1:3:2028"}, "give one of '--share', "
	                                         "'--ramp' and '--schedule'"},
	{{"--frobnicate"}, "unknown option '--frobnicate'"},
	{{"--samples"}, "option '--samples' needs a value"},
	{{"--no-sobol", "--samples", "128"}, "'--samples', '--bootstrap', "
	 "'--seed' and '--threads' go with Sobol: drop '--no-sobol'"},
	{{"--no-sobol", "--seed", "3"}, "'--samples', '--bootstrap', '--seed' "
	 "and '--threads' go with Sobol: drop '--no-sobol'"},
	{{"--indicator", "nope"}, "no indicator 'nope' in "
	                          "scenarios/long_an.cfg"},
	{{"--format", "xml"}, "'--format' must be table, csv, json or xlsx "
	                      "(got 'xml')"},
};

/* Each refusal: exit 2, nothing on standard output, and exactly one line
 * of reason then the hint. */
Test(sens, refusals)
{
	size_t i, k;

	for (i = 0; i < sizeof refusals / sizeof *refusals; i++) {
		const char *args[10] = {"sens"};
		char want[512];
		struct run r;

		for (k = 0; refusals[i].args[k] != NULL; k++)
			args[k + 1] = refusals[i].args[k];
		if (strcmp(refusals[i].args[k - 1], "--samples") != 0)
			args[++k] = "scenarios/long_an.cfg";
		snprintf(want, sizeof want, "lotrinh: sens: %s\nTry 'lotrinh sens "
		         "--help'.\n", refusals[i].err);
		r = run_cli_v(args);
		cr_expect_eq(r.status, 2, "case %zu: status %d", i, r.status);
		cr_expect_str_empty(r.out, "case %zu", i);
		cr_expect_str_eq(r.err, want, "case %zu", i);
		run_free(&r);
	}
}

/* The text a planner reads: the base, the tornado, the flat outcomes said
 * in words, the rank not simulated. */
Test(sens, text)
{
	char path[64];
	struct run r;

	fixture_file(path, sizeof path);
	r = run_cli("sens", "--samples", "1024", "--threads", "2", path);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "Sobol: N = 1024 base rows, 6144 model runs (N "
	                 "x (4 factors + 2)), seed 1, the yearly shocks as one "
	                 "factor") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "Every parameter at its median: 50.00 % in "
	                 "2030; no constant share up to 100% reaches the "
	                 "target.") != NULL);
	cr_expect(strstr(r.out, "r of a      -0.01282  0.01282         48.08"
	                 "         51.92  +3.84") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "sigma of a     0.012    0.028         50.00"
	                 "         50.00   0.00") != NULL);
	cr_expect(strstr(r.out, "not reachable  0% (met anyway)  answer "
	                 "changes") != NULL);
	cr_expect(strstr(r.out, "Meeting the target in 2030: met in all of "
	                 "the 2048 runs of A and B: no variance to share out, "
	                 "no indices.") != NULL);
	cr_expect(strstr(r.out, "No uncertain parameter changes this target")
	          != NULL);
	cr_expect(strstr(r.out, "not simulated: a rank") != NULL);
	cr_expect(strstr(r.out, "yearly shocks") != NULL);
	run_free(&r);
	r = run_cli("sens", "--no-sobol", path);
	cr_expect_eq(r.status, 0);
	cr_expect(strstr(r.out, "Sobol") == NULL, "%s", r.out);
	run_free(&r);
	unlink(path);
}

/* JSON: one object; flat outcomes say so and carry no index. */
Test(sens, json)
{
	char path[64];
	struct run r;
	json_t *root, *ind, *b;

	fixture_file(path, sizeof path);
	r = run_cli("sens", "--samples", "256", "--format", "json", path);
	cr_assert_eq(r.status, 0, "%s", r.err);
	root = json_loads(r.out, 0, NULL);
	cr_assert(json_is_object(root));
	cr_expect_eq(json_integer_value(json_object_get(root, "evaluations")),
	             256 * 6);
	ind = json_object_get(root, "indicators");
	cr_assert_eq(json_array_size(ind), 4);
	b = json_object_get(json_array_get(ind, B), "sobol_met");
	cr_expect(json_is_true(json_object_get(b, "degenerate")));
	cr_expect_null(json_object_get(b, "indices"));
	b = json_object_get(json_array_get(ind, B), "sobol_value");
	cr_expect_eq(json_array_size(json_object_get(b, "indices")), 4);
	b = json_object_get(json_array_get(ind, A), "tornado_share");
	cr_expect_str_eq(json_string_value(json_object_get(json_array_get(
	                 json_object_get(b, "bars"), 0), "answer_p90")),
	                 "met without spending");
	json_decref(root);
	run_free(&r);
	unlink(path);
}

/* The same seed, the same output byte for byte on 1 and 2 threads (table
 * and CSV); another seed another output. */
Test(sens, cli_identical_for_any_thread_count)
{
	const char *fmt[] = {"table", "csv"};
	char path[64];
	size_t f;

	fixture_file(path, sizeof path);
	for (f = 0; f < 2; f++) {
		struct run a = run_cli("sens", "--samples", "700", "--threads", "1",
		                       "--format", fmt[f], path);
		struct run b = run_cli("sens", "--samples", "700", "--threads", "2",
		                       "--format", fmt[f], path);
		struct run c = run_cli("sens", "--samples", "700", "--seed", "2",
		                       "--format", fmt[f], path);

		cr_assert_eq(a.status, 0, "%s", a.err);
		cr_expect_str_eq(a.out, b.out);
		cr_expect_str_neq(a.out, c.out);
		run_free(&a);
		run_free(&b);
		run_free(&c);
	}
	unlink(path);
}

/* The benchmark's entry, lt_sens_sobol_run on a compiled model, gives
 * the same indices bit for bit as lt_sens_run's Sobol part (every target
 * of the fixture is studied, so the outputs line up). */
Test(sens, sobol_alone_matches, .init = setup, .fini = teardown)
{
	lt_sens_result r = run(sc, 1, 512, 3, 2);
	lt_sens_opts o = {1, 512, 100, 3, 1, NULL, NULL};
	lt_sobol_result s;
	lt_model *m;
	size_t j;

	cr_assert_eq(lt_model_compile(&m, sc, NULL, NULL), LT_OK);
	cr_assert_eq(lt_sens_sobol_run(m, &o, &s, NULL), LT_OK);
	cr_assert_eq(s.n_out, r.sobol.n_out);
	cr_assert_eq(s.n_factors, r.sobol.n_factors);
	for (j = 0; j < s.n_out; j++) {
		cr_expect_eq(s.out[j].degenerate, r.sobol.out[j].degenerate);
		if (!s.out[j].degenerate)
			cr_expect(memcmp(s.out[j].st, r.sobol.out[j].st,
			          s.n_factors * sizeof *s.out[j].st) == 0);
	}
	lt_sobol_result_destroy(&s);
	lt_model_free(m);
	lt_sens_result_destroy(&r);
}
