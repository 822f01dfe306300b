/* test_sobol.c - the Sobol engine against closed forms: the Ishigami
 * function (Ishigami and Homma 1990; REFERENCE-FIGURES, "Sensitivity
 * analysis"), whose first-order and total indices are known exactly, a
 * group of two of its variables, and the estimators and bootstrap written
 * again here from SALib's analyze/sobol.py on the regenerated sample.
 * Also: the bootstrap interval against the spread of estimates over
 * independent seeds (and its coverage of the truth), the same numbers for
 * any number of threads, flat outputs, and every refused problem.
 */
#include <criterion/criterion.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/mc.h"
#include "lotrinh/sobol.h"

/* ---- the Ishigami function --------------------------------------------- */

#define ISH_A 7.0
#define PI 3.14159265358979323846
#define ISH_B 0.1

/* f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π). */
static double ishigami(double x1, double x2, double x3)
{
	return sin(x1) + ISH_A * sin(x2) * sin(x2) +
	       ISH_B * pow(x3, 4) * sin(x1);
}

static double to_x(double u)
{
	return -PI + 2.0 * PI * u;
}

/* Coordinates in the order x1, x2, x3. */
static int eval_ishigami(void *ctx, const double *u, double *out,
                         lt_diag *diag)
{
	(void)ctx;
	(void)diag;
	out[0] = ishigami(to_x(u[0]), to_x(u[1]), to_x(u[2]));
	return LT_OK;
}

/* Coordinates in the order x1, x3, x2, so that {x1, x3} is one group. */
static int eval_grouped(void *ctx, const double *u, double *out,
                        lt_diag *diag)
{
	(void)ctx;
	(void)diag;
	out[0] = ishigami(to_x(u[0]), to_x(u[2]), to_x(u[1]));
	return LT_OK;
}

/* The partial variances in closed form (Sobol' and Levitan 1999; the
 * formulas of REFERENCE-FIGURES): V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,
 * V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0, V13 = b²π⁸(1/18 − 1/50), no
 * other interaction. */
struct truth {
	double v, s[3], st[3], s13;
};

static struct truth closed_form(void)
{
	double p4 = pow(PI, 4), p8 = pow(PI, 8);
	double v = ISH_A * ISH_A / 8 + ISH_B * p4 / 5 + ISH_B * ISH_B * p8 / 18 +
	           0.5;
	double v1 = 0.5 * pow(1 + ISH_B * p4 / 5, 2), v2 = ISH_A * ISH_A / 8;
	double v13 = ISH_B * ISH_B * p8 * (1.0 / 18 - 1.0 / 50);
	struct truth t = {v, {v1 / v, v2 / v, 0.0},
	                  {(v1 + v13) / v, v2 / v, v13 / v}, (v1 + v13) / v};

	return t;
}

static const size_t widths3[] = {1, 1, 1};

static lt_sobol_result run(int (*f)(void *, const double *, double *,
                                    lt_diag *), const size_t *width,
                           size_t nf, size_t n, size_t boot, uint64_t seed,
                           int threads)
{
	lt_sobol_problem p = {nf, width, 1, f, NULL, NULL, NULL, NULL};
	lt_sobol_opts o = {n, boot, seed, threads, NULL, NULL};
	lt_sobol_result r;

	cr_assert_eq(lt_sobol_run(&p, &o, &r, NULL), LT_OK);
	return r;
}

/* The published figures (REFERENCE-FIGURES) from the closed forms. */
Test(sobol, closed_form_matches_the_published_figures)
{
	struct truth t = closed_form();

	cr_expect_float_eq(t.v, 13.8446, 5e-5);
	cr_expect_float_eq(t.s[0], 0.3139, 5e-5);
	cr_expect_float_eq(t.s[1], 0.4424, 5e-5);
	cr_expect_float_eq(t.st[0], 0.5576, 5e-5);
	cr_expect_float_eq(t.st[1], 0.4424, 5e-5);
	cr_expect_float_eq(t.st[2], 0.2437, 5e-5);
	cr_expect_float_eq(lt_sobol_z(), 1.959963984540054, 1e-12);
}

/* At N = 2^14 every index lies within 4 bootstrap standard errors
 * (conf / z) of its closed form; that tolerance is itself below 0.05, so
 * the check has teeth (the intervals' own accuracy is the next test's). */
Test(sobol, ishigami_within_four_standard_errors)
{
	lt_sobol_result r = run(eval_ishigami, widths3, 3, 1 << 14, 100, 2385,
	                        2);
	struct truth t = closed_form();
	const lt_sobol_output *x = &r.out[0];
	double z = lt_sobol_z();
	size_t i;

	cr_assert_eq(r.evaluations, (size_t)(1 << 14) * 5);
	cr_expect_not(x->degenerate);
	cr_expect_float_eq(x->mean, 3.5, 4 * sqrt(t.v / (2 << 14)));
	cr_expect_float_eq(x->sd * x->sd, t.v, 0.05 * t.v);
	for (i = 0; i < 3; i++) {
		double tol1 = 4 * x->s1_conf[i] / z, tolt = 4 * x->st_conf[i] / z;

		cr_expect_lt(tol1, 0.05, "S%zu: tolerance %g", i + 1, tol1);
		cr_expect_lt(tolt, 0.05, "ST%zu: tolerance %g", i + 1, tolt);
		cr_expect(fabs(x->s1[i] - t.s[i]) < tol1, "S%zu = %g, exact %g, "
		          "tolerance %g", i + 1, x->s1[i], t.s[i], tol1);
		cr_expect(fabs(x->st[i] - t.st[i]) < tolt, "ST%zu = %g, exact %g, "
		          "tolerance %g", i + 1, x->st[i], t.st[i], tolt);
	}
	lt_sobol_result_destroy(&r);
}

/* The bootstrap against the truth, over K independent seeds at N = 2^11:
 * (a) each index's mean half-width / z is within a factor 1.5 of the
 * standard deviation of its K estimates (K = 40: that sd is known to
 * about ±11 %, so a correct bootstrap lands well inside); (b) the 95 %
 * intervals cover the closed form in at least 88 % of the 6·K cases
 * (binomial: 228 ± 3.4 expected of 240, 88 % is 211).  Both fail for an
 * interval that is far too narrow or too wide. */
Test(sobol, bootstrap_intervals_are_sane)
{
	enum { K = 40 };
	struct truth t = closed_form();
	double est[6][K], conf[6][K], z = lt_sobol_z();
	size_t covered = 0, j, i;

	for (j = 0; j < K; j++) {
		lt_sobol_result r = run(eval_ishigami, widths3, 3, 1 << 11, 100,
		                        1000 + j, 1);

		for (i = 0; i < 3; i++) {
			est[i][j] = r.out[0].s1[i];
			conf[i][j] = r.out[0].s1_conf[i];
			est[3 + i][j] = r.out[0].st[i];
			conf[3 + i][j] = r.out[0].st_conf[i];
			covered += fabs(est[i][j] - t.s[i]) <= conf[i][j];
			covered += fabs(est[3 + i][j] - t.st[i]) <= conf[3 + i][j];
		}
		lt_sobol_result_destroy(&r);
	}
	for (i = 0; i < 6; i++) {
		double sd = gsl_stats_sd(est[i], 1, K);
		double se = gsl_stats_mean(conf[i], 1, K) / z;

		cr_expect(se > sd / 1.5 && se < sd * 1.5, "index %zu: bootstrap se "
		          "%g, spread over seeds %g", i, se, sd);
	}
	cr_expect_geq(covered, 211, "covered %zu of 240", covered);
	cr_expect_lt(covered, 240, "an interval that always covers is too wide");
}

/* {x1, x3} as one factor: its first-order and total index are both
 * (V1 + V13)/V (x3 acts only with x1, and x2 with neither), and x2's are
 * V2/V. */
Test(sobol, group_factor)
{
	static const size_t width[] = {2, 1};
	lt_sobol_result r = run(eval_grouped, width, 2, 1 << 14, 100, 77, 2);
	struct truth t = closed_form();
	const lt_sobol_output *x = &r.out[0];
	double z = lt_sobol_z();

	cr_assert_eq(r.dim, 3);
	cr_assert_eq(r.n_factors, 2);
	cr_assert_eq(r.evaluations, (size_t)(1 << 14) * 4);
	cr_expect(fabs(x->s1[0] - t.s13) < 4 * x->s1_conf[0] / z, "S13 %g, "
	          "exact %g", x->s1[0], t.s13);
	cr_expect(fabs(x->st[0] - t.s13) < 4 * x->st_conf[0] / z, "ST13 %g, "
	          "exact %g", x->st[0], t.s13);
	cr_expect(fabs(x->s1[1] - t.s[1]) < 4 * x->s1_conf[1] / z);
	cr_expect(fabs(x->st[1] - t.st[1]) < 4 * x->st_conf[1] / z);
	lt_sobol_result_destroy(&r);
}

/* ---- SALib's estimators, written again --------------------------------- */

/* The Ishigami outputs of the sample lt_sobol_run draws for N rows and
 * SEED, regenerated as sobol.h says: chunk c's MT19937 seeded with
 * lt_mc_chunk_seed(seed, c), each row A's three uniforms then B's.  Into
 * A[N], B[N] and AB[3·N] (AB_i at AB + i·N). */
static void regenerate(size_t n, uint64_t seed, double *a, double *b,
                       double *ab)
{
	gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
	size_t r, i, k;

	cr_assert_not_null(g);
	for (r = 0; r < n; r++) {
		double ua[3], ub[3], ux[3];

		if (r % LT_SOBOL_CHUNK == 0)
			gsl_rng_set(g, (unsigned long)lt_mc_chunk_seed(seed,
			            r / LT_SOBOL_CHUNK));
		for (k = 0; k < 3; k++)
			ua[k] = gsl_rng_uniform_pos(g);
		for (k = 0; k < 3; k++)
			ub[k] = gsl_rng_uniform_pos(g);
		a[r] = ishigami(to_x(ua[0]), to_x(ua[1]), to_x(ua[2]));
		b[r] = ishigami(to_x(ub[0]), to_x(ub[1]), to_x(ub[2]));
		for (i = 0; i < 3; i++) {
			memcpy(ux, ua, sizeof ux);
			ux[i] = ub[i];
			ab[i * n + r] = ishigami(to_x(ux[0]), to_x(ux[1]), to_x(ux[2]));
		}
	}
	gsl_rng_free(g);
}

/* SALib's first_order and total_order over the rows ROWS (NULL: all). */
static void salib(size_t n, const double *a, const double *b,
                  const double *ab, const size_t *rows, double *s1,
                  double *st)
{
	double y[2 * 1000], num = 0.0, tot = 0.0, var;
	size_t r;

	for (r = 0; r < n; r++) {
		size_t q = rows != NULL ? rows[r] : r;

		y[r] = a[q];
		y[n + r] = b[q];
		num += b[q] * (ab[q] - a[q]);
		tot += (a[q] - ab[q]) * (a[q] - ab[q]);
	}
	/* np.var: ddof 0 */
	var = gsl_stats_variance(y, 1, 2 * n) * (2.0 * n - 1) / (2.0 * n);
	*s1 = num / n / var;
	*st = 0.5 * tot / n / var;
}

/* The engine's estimates and intervals are SALib's formulas on the same
 * sample, after SALib's standardisation (Y − mean)/sd of all N·(D + 2)
 * outputs, and its bootstrap on the resamples sobol.h describes, to
 * rounding.  N = 600 crosses two chunk boundaries. */
Test(sobol, estimators_are_salibs)
{
	enum { N = 600, R = 20 };
	static double a[N], b[N], ab[3 * N], all[5 * N], boot[2][3][R];
	lt_sobol_result res = run(eval_ishigami, widths3, 3, N, R, 31, 2);
	double mean, sd, z = lt_sobol_z();
	size_t i, r, q, rows[N];
	gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);

	regenerate(N, 31, a, b, ab);
	memcpy(all, a, sizeof a);
	memcpy(all + N, b, sizeof b);
	memcpy(all + 2 * N, ab, sizeof ab);
	mean = gsl_stats_mean(all, 1, 5 * N);
	sd = sqrt(gsl_stats_variance_m(all, 1, 5 * N, mean) * (5.0 * N - 1) /
	          (5.0 * N));
	for (r = 0; r < N; r++) {
		a[r] = (a[r] - mean) / sd;
		b[r] = (b[r] - mean) / sd;
		for (i = 0; i < 3; i++)
			ab[i * N + r] = (ab[i * N + r] - mean) / sd;
	}
	for (i = 0; i < 3; i++) {
		double s1, st;

		salib(N, a, b, ab + i * N, NULL, &s1, &st);
		cr_expect_float_eq(res.out[0].s1[i], s1, 1e-12, "S%zu", i + 1);
		cr_expect_float_eq(res.out[0].st[i], st, 1e-12, "ST%zu", i + 1);
	}
	for (q = 0; q < R; q++) {
		gsl_rng_set(g, (unsigned long)lt_mc_chunk_seed(31,
		            LT_SOBOL_BOOT_STREAM + q));
		for (r = 0; r < N; r++)
			rows[r] = gsl_rng_uniform_int(g, N);
		for (i = 0; i < 3; i++)
			salib(N, a, b, ab + i * N, rows, &boot[0][i][q],
			      &boot[1][i][q]);
	}
	for (i = 0; i < 3; i++) {
		cr_expect_float_eq(res.out[0].s1_conf[i], z * gsl_stats_sd(
		                   boot[0][i], 1, R), 1e-12, "S%zu conf", i + 1);
		cr_expect_float_eq(res.out[0].st_conf[i], z * gsl_stats_sd(
		                   boot[1][i], 1, R), 1e-12, "ST%zu conf", i + 1);
	}
	gsl_rng_free(g);
	lt_sobol_result_destroy(&res);
}

/* ---- reproducibility --------------------------------------------------- */

static int same(const lt_sobol_result *a, const lt_sobol_result *b)
{
	const lt_sobol_output *x = &a->out[0], *y = &b->out[0];
	size_t n = a->n_factors * sizeof(double);

	return memcmp(x->s1, y->s1, n) == 0 && memcmp(x->st, y->st, n) == 0 &&
	       memcmp(x->s1_conf, y->s1_conf, n) == 0 &&
	       memcmp(x->st_conf, y->st_conf, n) == 0 &&
	       memcmp(&x->mean, &y->mean, sizeof x->mean) == 0;
}

/* The same seed gives the same numbers bit for bit on 1, 2 and 3 threads
 * (N not a multiple of the chunk); another seed other numbers. */
Test(sobol, identical_for_any_thread_count)
{
	size_t n = 5 * LT_SOBOL_CHUNK + 17;
	lt_sobol_result a = run(eval_ishigami, widths3, 3, n, 50, 9, 1);
	lt_sobol_result b = run(eval_ishigami, widths3, 3, n, 50, 9, 2);
	lt_sobol_result c = run(eval_ishigami, widths3, 3, n, 50, 9, 3);
	lt_sobol_result d = run(eval_ishigami, widths3, 3, n, 50, 10, 2);

	cr_expect(same(&a, &b));
	cr_expect(same(&a, &c));
	cr_expect_not(same(&a, &d));
	cr_expect_neq(a.out[0].s1[0], d.out[0].s1[0]);
	lt_sobol_result_destroy(&a);
	lt_sobol_result_destroy(&b);
	lt_sobol_result_destroy(&c);
	lt_sobol_result_destroy(&d);
}

/* ---- flat outputs, no bootstrap ---------------------------------------- */

/* Five outputs: constant; 1 whenever u1 < 2 (always); an indicator that
 * varies (u1 < 0.3); x2 + 0.5 x3, additive, S = ST = (1, 0.25)/1.25 (the
 * variances of U(0,1) and 0.5·U(0,1)); and 2.385 + 1e-9·u1, which varies
 * but within the tolerance the test gives it. */
static int eval_mixed(void *ctx, const double *u, double *out, lt_diag *diag)
{
	(void)ctx;
	(void)diag;
	out[0] = 2.385;
	out[1] = u[0] < 2.0;
	out[2] = u[0] < 0.3;
	out[3] = u[1] + 0.5 * u[2];
	out[4] = 2.385 + 1e-9 * u[0];
	return LT_OK;
}

Test(sobol, flat_outputs_have_no_indices)
{
	static const double flat[] = {0, 0, 0, 0, 1e-9};
	lt_sobol_problem p = {3, widths3, 5, eval_mixed, NULL, NULL, NULL, flat};
	lt_sobol_opts o = {4096, 0, 5, 2, NULL, NULL};
	lt_sobol_result r;
	size_t i;

	cr_assert_eq(lt_sobol_run(&p, &o, &r, NULL), LT_OK);
	cr_expect(r.out[0].degenerate);
	cr_expect(r.out[1].degenerate);
	cr_expect_float_eq(r.out[1].mean, 1.0, 1e-15);
	cr_expect_not(r.out[2].degenerate);
	cr_expect_not(r.out[3].degenerate);
	cr_expect(r.out[4].degenerate, "within its tolerance");
	for (i = 0; i < 3; i++) {
		cr_expect(isnan(r.out[0].s1[i]) && isnan(r.out[0].st[i]));
		cr_expect(isnan(r.out[3].s1_conf[i]), "no bootstrap: no interval");
	}
	/* an indicator of u1 alone: all its variance is u1's */
	cr_expect_float_eq(r.out[2].st[0], 1.0, 0.05);
	cr_expect_float_eq(r.out[2].st[1], 0.0, 1e-15);
	cr_expect_float_eq(r.out[3].s1[1], 0.8, 0.05);
	cr_expect_float_eq(r.out[3].st[2], 0.2, 0.05);
	cr_expect_float_eq(r.out[3].s1[0], 0.0, 0.03);
	cr_expect_float_eq(r.out[3].st[0], 0.0, 1e-15, "x1 does nothing: "
	                   "f_A = f_AB1 exactly");
	lt_sobol_result_destroy(&r);
}

/* ---- refusals ---------------------------------------------------------- */

static int eval_fails(void *ctx, const double *u, double *out, lt_diag *diag)
{
	(void)ctx;
	out[0] = u[0];
	if (u[1] > 0.999)
		return lt_error_raise(diag, LT_ENOCONV, NULL, 0, "no convergence "
		                      "at u2 = %g", u[1]);
	return LT_OK;
}

static int eval_nan(void *ctx, const double *u, double *out, lt_diag *diag)
{
	(void)ctx;
	(void)diag;
	out[0] = u[0] > 0.5 ? NAN : u[1];
	return LT_OK;
}

static int fails_with(lt_sobol_problem p, lt_sobol_opts o, int code,
                      const char *msg)
{
	lt_sobol_result r;
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_sobol_run(&p, &o, &r, &d);
	cr_expect_eq(rc, code, "%s: status %d", msg, rc);
	cr_expect(d.n > 0 && strstr(d.items[0].msg, msg) != NULL, "%s: '%s'",
	          msg, d.n > 0 ? d.items[0].msg : "");
	cr_expect_null(r.out);
	lt_diag_destroy(&d);
	return rc;
}

Test(sobol, refusals)
{
	static const size_t zero[] = {1, 0};
	lt_sobol_problem p = {3, widths3, 1, eval_ishigami, NULL, NULL, NULL, NULL};
	lt_sobol_opts o = {64, 10, 1, 1, NULL, NULL}, x;
	lt_sobol_problem q;

	x = o, x.n = 1;
	fails_with(p, x, LT_EINVAL, "must be from 2 to 1048576 (got 1)");
	x = o, x.n = LT_SOBOL_MAX_N + 1;
	fails_with(p, x, LT_EINVAL, "(got 1048577)");
	x = o, x.bootstrap = 1;
	fails_with(p, x, LT_EINVAL, "must be 0 or from 2 to 10000 (got 1)");
	x = o, x.threads = 0;
	fails_with(p, x, LT_EINVAL, "at least 1 (got 0)");
	q = p, q.n_factors = 0;
	fails_with(q, o, LT_EINVAL, "needs a function, a factor and an output");
	q = p, q.n_factors = 2, q.width = zero;
	fails_with(q, o, LT_EINVAL, "factor 2 of the Sobol problem has no "
	           "coordinate");
	q = p, q.n_out = 100;
	x = o, x.n = LT_SOBOL_MAX_N;
	fails_with(q, x, LT_EINVAL, "over the limit of 1024 MiB: at most 268435 "
	           "rows fit");
	q = p, q.eval = eval_fails;
	x = o, x.n = 4096;
	fails_with(q, x, LT_ENOCONV, "no convergence at u2 = 0.999");
	q = p, q.eval = eval_nan;
	fails_with(q, o, LT_EINVAL, "is not a finite number");
	cr_expect_eq(lt_sobol_values(SIZE_MAX / 2, 3, 1), SIZE_MAX);
}

/* A context per thread: made and released once each. */
static int made, released;

static void *ctx_make(void *data)
{
	(void)data;
	__atomic_add_fetch(&made, 1, __ATOMIC_SEQ_CST);
	return malloc(16);
}

static void ctx_release(void *c)
{
	__atomic_add_fetch(&released, 1, __ATOMIC_SEQ_CST);
	free(c);
}

static int eval_ctx(void *ctx, const double *u, double *out, lt_diag *diag)
{
	cr_assert_not_null(ctx);
	return eval_ishigami(ctx, u, out, diag);
}

Test(sobol, one_context_per_thread)
{
	lt_sobol_problem p = {3, widths3, 1, eval_ctx, ctx_make, ctx_release,
	                      NULL, NULL};
	lt_sobol_opts o = {1024, 10, 1, 3, NULL, NULL};
	lt_sobol_result r;

	cr_assert_eq(lt_sobol_run(&p, &o, &r, NULL), LT_OK);
	cr_expect_eq(made, released);
	cr_expect_geq(made, 1);
	cr_expect_leq(made, 3);
	lt_sobol_result_destroy(&r);
}
