/* test_fit.c - nonlinear least squares (fit.h) and `lotrinh fit`.
 *
 * Reference values:
 *   - NIST StRD nonlinear regression certified values (11 significant
 *     digits) for Misra1a, BoxBOD, Rat42 and Rat43, copied from
 *     tests/data/nist/README.md, which says where they were checked;
 *   - derivatives: central differences of lt_fit_model_eval;
 *   - noiseless data made from known parameters ("high-entropy" values
 *     such as 2.385, which hide no missing factor);
 *   - the linear model's closed forms: least squares and the standard
 *     error of the fitted mean, se^2 = s^2 (1/n + (x - xbar)^2 / Sxx)
 *     (e.g. Draper & Smith, Applied Regression Analysis, 3rd ed., 3.1).
 * Doubles are compared with cr_expect_float_eq and an explicit tolerance,
 * relative ones written as rtol·|expected|.
 */
#include <criterion/criterion.h>
#include <float.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "helpers.h"
#include "lotrinh/csv.h"
#include "lotrinh/fit.h"

/* Tolerance for the NIST comparison.  The issue asks for 1e-6; the
 * certified values carry 11 digits (rounding up to 5e-11 relative) and the
 * fitter agrees to about 4e-11, so 1e-9 catches a regression long before
 * it matters while leaving room for another libm or BLAS. */
#define NIST_RTOL 1e-9
/* Noiseless data are fitted to rounding: parameters within 1e-9 relative
 * (the models lose a few digits to cancellation near their asymptotes). */
#define EXACT_RTOL 1e-9

static void setup(void)
{
	gsl_set_error_handler_off();
}

/* ---- NIST StRD --------------------------------------------------------- */

static const struct nist {
	const char *name, *file;
	lt_fit_model model;
	double start[2][LT_FIT_PMAX];
	double b[LT_FIT_PMAX], sd[LT_FIT_PMAX];
	double rss, sigma;
	size_t dof;
} nist[] = {
	{"misra1a", "tests/data/nist/misra1a.csv", LT_FIT_SATURATING,
	 {{500, 1e-4}, {250, 5e-4}},
	 {2.3894212918E+02, 5.5015643181E-04},
	 {2.7070075241E+00, 7.2668688436E-06},
	 1.2455138894E-01, 1.0187876330E-01, 12},
	{"boxbod", "tests/data/nist/boxbod.csv", LT_FIT_SATURATING,
	 {{1, 1}, {100, 0.75}},
	 {2.1380940889E+02, 5.4723748542E-01},
	 {1.2354515176E+01, 1.0455993237E-01},
	 1.1680088766E+03, 1.7088072423E+01, 4},
	{"rat42", "tests/data/nist/rat42.csv", LT_FIT_LOGISTIC,
	 {{100, 1, 0.1}, {75, 2.5, 0.07}},
	 {7.2462237576E+01, 2.6180768402E+00, 6.7359200066E-02},
	 {1.7340283401E+00, 8.8295217536E-02, 3.4465663377E-03},
	 8.0565229338E+00, 1.1587725499E+00, 6},
	{"rat43", "tests/data/nist/rat43.csv", LT_FIT_RICHARDS,
	 {{100, 10, 1, 1}, {700, 5, 0.75, 1.3}},
	 {6.9964151270E+02, 5.2771253025E+00, 7.5962938329E-01,
	  1.2792483859E+00},
	 {1.6302297817E+01, 2.0828735829E+00, 1.9566123451E-01,
	  6.8761936385E-01},
	 8.7864049080E+03, 2.8262414662E+01, 11},
};
#define N_NIST (sizeof nist / sizeof *nist)

static void expect_rel(double got, double want, double rtol, const char *what,
                       const char *name, int start)
{
	cr_expect_float_eq(got, want, rtol * fabs(want), "%s start %d: %s = "
	                   "%.12g, certified %.12g (rel. error %.2g)", name, start,
	                   what, got, want, fabs(got / want - 1.0));
}

/* Fit NIST problem K from its start S (1 or 2; 0 for the automatic start)
 * and compare with every certified value. */
static void check_nist(size_t k, int s)
{
	const struct nist *t = &nist[k];
	double *x, *y;
	size_t n, j;
	char what[32];
	lt_diag d;
	lt_fit f;
	int status;

	lt_diag_init(&d, t->file);
	cr_assert_eq(lt_csv_read_xy(t->file, &x, &y, &n, &d), LT_OK);
	status = lt_fit_run(t->model, x, y, n, s > 0 ? t->start[s - 1] : NULL,
	                    &f, &d);
	cr_assert_eq(status, LT_OK, "%s start %d: status %d: %s", t->name, s,
	             status, d.n > 0 ? d.items[0].msg : "");
	cr_expect(f.converged);
	cr_expect_eq(f.p, lt_fit_model_nparams(t->model));
	cr_expect_eq(f.dof, t->dof, "%s: dof %zu", t->name, f.dof);
	/* at most 31 measured; LT_FIT_MAXITER (500) assumes far fewer */
	cr_expect_leq(f.iterations, 60, "%s start %d: %zu iterations", t->name, s,
	              f.iterations);
	for (j = 0; j < f.p; j++) {
		snprintf(what, sizeof what, "b%zu", j + 1);
		expect_rel(f.b[j], t->b[j], NIST_RTOL, what, t->name, s);
		snprintf(what, sizeof what, "sd(b%zu)", j + 1);
		expect_rel(f.se[j], t->sd[j], NIST_RTOL, what, t->name, s);
	}
	expect_rel(f.rss, t->rss, NIST_RTOL, "RSS", t->name, s);
	expect_rel(f.sigma, t->sigma, NIST_RTOL, "residual sd", t->name, s);
	cr_expect(strstr(f.method, s > 0 ? "from the given start" :
	                 "from the automatic start") != NULL, "%s", f.method);
	free(x);
	free(y);
	lt_diag_destroy(&d);
}

Test(fit, nist_from_start_1, .init = setup)
{
	size_t k;

	for (k = 0; k < N_NIST; k++)
		check_nist(k, 1);
}

Test(fit, nist_from_start_2, .init = setup)
{
	size_t k;

	for (k = 0; k < N_NIST; k++)
		check_nist(k, 2);
}

Test(fit, nist_from_automatic_start, .init = setup)
{
	size_t k;

	for (k = 0; k < N_NIST; k++)
		check_nist(k, 0);
}

/* BoxBOD start 1 is where plain Levenberg–Marquardt stalls: it runs b2 off
 * to a huge value where exp(-b2 x) underflows and the curve is flat at the
 * mean of y.  The fallback must say what converged instead. */
Test(fit, boxbod_start_1_needs_the_fallback, .init = setup)
{
	static const double x[] = {1, 2, 3, 5, 7, 10};
	static const double y[] = {109, 149, 149, 191, 213, 224};
	static const double start[] = {1, 1};
	lt_fit f;

	cr_assert_eq(lt_fit_run(LT_FIT_SATURATING, x, y, 6, start, &f, NULL),
	             LT_OK);
	cr_expect(strncmp(f.method, "levenberg-marquardt,", 20) != 0,
	          "plain LM is not expected to win here: %s", f.method);
	cr_expect(strstr(f.method, "polished") != NULL, "%s", f.method);
	cr_expect_float_eq(f.b[1], 5.4723748542E-01, NIST_RTOL * 0.55);
}

/* A start from which every method fails recovers through the automatic
 * start: b2 = 1000 makes exp(-b2 x) underflow at every Misra1a x, so the
 * Jacobian's second column is exactly zero. */
Test(fit, hopeless_start_recovers_from_automatic_start, .init = setup)
{
	static const double start[] = {1, 1000};
	double *x, *y;
	size_t n;
	lt_fit f;

	cr_assert_eq(lt_csv_read_xy(nist[0].file, &x, &y, &n, NULL), LT_OK);
	cr_assert_eq(lt_fit_run(LT_FIT_SATURATING, x, y, n, start, &f, NULL),
	             LT_OK);
	cr_expect(strstr(f.method, "from the automatic start") != NULL, "%s",
	          f.method);
	cr_expect_float_eq(f.b[0], nist[0].b[0], NIST_RTOL * nist[0].b[0]);
	free(x);
	free(y);
}

/* ---- models and Jacobians ---------------------------------------------- */

/* Parameter sets per model: ordinary, near an asymptote, and with a
 * negative rate or amplitude, where a sign slip would show. */
static const double params[LT_FIT_COUNT][3][LT_FIT_PMAX] = {
	[LT_FIT_LINEAR] = {{2.385, -0.731}, {-13.7, 4.19}, {0.0371, 1e3}},
	[LT_FIT_EXPONENTIAL] = {{3.17, 0.2385}, {-2.71, -0.413}, {1e3, 0.0173}},
	[LT_FIT_LOGISTIC] = {{52.7, 3.385, 0.481}, {-7.3, -1.29, 0.731},
	                       {72.46, 2.618, 0.06736}},
	[LT_FIT_GOMPERTZ] = {{41.3, 4.17, 0.3853}, {-3.9, 0.713, -0.217},
	                       {82.8, 3.40, 0.0371}},
	[LT_FIT_RICHARDS] = {{97.3, 2.385, 0.6173, 1.731},
	                       {699.6, 5.277, 0.7596, 1.279},
	                       {-4.2, -1.31, 0.417, 0.613}},
	[LT_FIT_SATURATING] = {{12.385, 0.1731}, {238.9, 5.5016e-4},
	                         {-3.3, 2.17}},
};
static const double x_probe[] = {-3.7, 0.0, 0.385, 2.0, 9.13, 77.6};

/* Central difference of the model in b_j at x, step h. */
static double central(lt_fit_model m, const double *b, double x, size_t j,
                      double h)
{
	double bp[LT_FIT_PMAX], bm[LT_FIT_PMAX];

	memcpy(bp, b, sizeof bp);
	memcpy(bm, b, sizeof bm);
	bp[j] += h;
	bm[j] -= h;
	return (lt_fit_model_eval(m, bp, x) - lt_fit_model_eval(m, bm, x)) / (2.0 * h);
}

/* The analytic Jacobian row against central differences.  The step
 * h = eps^(1/3)·max(|b_j|, 1) balances truncation (h^2 f''') against
 * rounding (eps f / h), leaving about eps^(2/3) ~ 4e-11 relative; 1e-7
 * allows for large third derivatives, and the scale |f|/max(|b_j|, 1)
 * judges derivatives that are themselves near zero. */
Test(fit, jacobians_match_central_differences)
{
	const double h0 = cbrt(DBL_EPSILON);
	double b[LT_FIT_PMAX] = {0}, g[LT_FIT_PMAX];
	int m;
	size_t s, i, j;

	for (m = 0; m < LT_FIT_COUNT; m++)
		for (s = 0; s < 3; s++)
			for (i = 0; i < sizeof x_probe / sizeof *x_probe; i++) {
				double x = x_probe[i], f;

				memcpy(b, params[m][s], sizeof b);
				f = lt_fit_model_eval((lt_fit_model)m, b, x);
				if (!isfinite(f) || fabs(f) > 1e12)
					continue; /* e.g. exp(1e3 · 77.6): nothing to compare */
				lt_fit_model_gradient((lt_fit_model)m, b, x, g);
				for (j = 0; j < lt_fit_model_nparams((lt_fit_model)m); j++) {
					double scale = fmax(fabs(b[j]), 1.0);
					double fd = central((lt_fit_model)m, b, x, j, h0 * scale);
					double tol = 1e-7 * (fabs(g[j]) + fabs(f) / scale) + 1e-300;

					cr_expect_float_eq(g[j], fd, tol, "%s set %zu x = %g: "
					                   "d/db%zu = %.15g, central %.15g",
					                   lt_fit_model_name((lt_fit_model)m), s, x, j + 1,
					                   g[j], fd);
				}
			}
}

/* The overflow-safe forms agree with the textbook formulas where those do
 * not overflow. */
Test(fit, model_values_match_the_formulas)
{
	static const double b4[] = {97.3, 2.385, 0.6173, 1.731};
	double x = 2.385;

	cr_expect_float_eq(lt_fit_model_eval(LT_FIT_LINEAR, b4, x),
	                   97.3 + 2.385 * x, 1e-12);
	cr_expect_float_eq(lt_fit_model_eval(LT_FIT_EXPONENTIAL, b4, x),
	                   97.3 * exp(2.385 * x), 1e-13 * 97.3 * exp(2.385 * x));
	cr_expect_float_eq(lt_fit_model_eval(LT_FIT_LOGISTIC, b4, x),
	                   97.3 / (1 + exp(2.385 - 0.6173 * x)), 1e-12);
	cr_expect_float_eq(lt_fit_model_eval(LT_FIT_GOMPERTZ, b4, x),
	                   97.3 * exp(-2.385 * exp(-0.6173 * x)), 1e-12);
	cr_expect_float_eq(lt_fit_model_eval(LT_FIT_RICHARDS, b4, x),
	                   97.3 / pow(1 + exp(2.385 - 0.6173 * x), 1 / 1.731),
	                   1e-12);
	cr_expect_float_eq(lt_fit_model_eval(LT_FIT_SATURATING, b4, x),
	                   97.3 * (1 - exp(-2.385 * x)), 1e-12);
	/* far past the logistic's midpoint, 1 + exp(u) would overflow */
	cr_expect_float_eq(lt_fit_model_eval(LT_FIT_RICHARDS,
	                   (double[]){2.0, 900.0, 1.0, 0.5}, 0.0), 0.0, 1e-300);
	cr_expect_float_eq(lt_fit_model_eval(LT_FIT_LOGISTIC,
	                   (double[]){2.0, -900.0, 1.0}, 0.0), 2.0, 1e-15);
}

Test(fit, model_names_round_trip)
{
	static const size_t np[] = {2, 2, 3, 3, 4, 2};
	lt_fit_model m;
	int i;

	for (i = 0; i < LT_FIT_COUNT; i++) {
		cr_expect_eq(lt_fit_model_parse(lt_fit_model_name((lt_fit_model)i), &m), LT_OK);
		cr_expect_eq((int)m, i);
		cr_expect_eq(lt_fit_model_nparams((lt_fit_model)i), np[i]);
		cr_expect(strstr(lt_fit_model_list(), lt_fit_model_name((lt_fit_model)i)) != NULL);
	}
	cr_expect_eq(lt_fit_model_parse("Logistic", &m), LT_EINVAL);
	cr_expect_eq(lt_fit_model_parse("", &m), LT_EINVAL);
	cr_expect_eq(lt_fit_model_parse(NULL, &m), LT_EINVAL);
	cr_expect_str_eq(lt_fit_model_name((lt_fit_model)99), "?");
	cr_expect_eq(lt_fit_model_nparams((lt_fit_model)99), 0);
}

/* ---- noiseless data ---------------------------------------------------- */

/* Every model recovers its parameters from noiseless data, starting from
 * the automatic start. */
Test(fit, exact_recovery_from_automatic_start, .init = setup)
{
	static const double truth[LT_FIT_COUNT][LT_FIT_PMAX] = {
		[LT_FIT_LINEAR] = {2.385, -0.731},
		[LT_FIT_EXPONENTIAL] = {3.17, 0.2385},
		[LT_FIT_LOGISTIC] = {52.7, 3.385, 0.481},
		[LT_FIT_GOMPERTZ] = {41.3, 4.17, 0.3853},
		[LT_FIT_RICHARDS] = {97.3, 2.385, 0.6173, 1.731},
		[LT_FIT_SATURATING] = {12.385, 0.1731},
	};
	double x[30], y[30];
	int m;
	size_t i, j;

	for (m = 0; m < LT_FIT_COUNT; m++) {
		lt_diag d;
		lt_fit f;
		int status;

		for (i = 0; i < 30; i++) {
			x[i] = 0.5 * (double)(i + 1);
			y[i] = lt_fit_model_eval((lt_fit_model)m, truth[m], x[i]);
		}
		lt_diag_init(&d, NULL);
		status = lt_fit_run((lt_fit_model)m, x, y, 30, NULL, &f, &d);
		cr_expect_eq(status, LT_OK, "%s: %s", lt_fit_model_name((lt_fit_model)m),
		             d.n > 0 ? d.items[0].msg : "");
		for (j = 0; status == LT_OK && j < f.p; j++)
			cr_expect_float_eq(f.b[j], truth[m][j],
			                   EXACT_RTOL * fabs(truth[m][j]), "%s b%zu = %.15g",
			                   lt_fit_model_name((lt_fit_model)m), j + 1, f.b[j]);
		lt_diag_destroy(&d);
	}
}

/* The automatic starts that are exact for noiseless data: least squares
 * for the line, the log-linear fit for the exponential. */
Test(fit, automatic_start_is_exact_where_it_can_be)
{
	double x[6] = {0.5, 1.7, 2.385, 4.1, 6.3, 9.9}, y[6], b[LT_FIT_PMAX];
	static const double line[] = {2.385, -0.731}, ex[] = {-3.17, 0.2385};
	size_t i;

	for (i = 0; i < 6; i++)
		y[i] = lt_fit_model_eval(LT_FIT_LINEAR, line, x[i]);
	cr_assert_eq(lt_fit_start(LT_FIT_LINEAR, x, y, 6, b), LT_OK);
	cr_expect_float_eq(b[0], 2.385, 1e-13);
	cr_expect_float_eq(b[1], -0.731, 1e-13);
	for (i = 0; i < 6; i++)
		y[i] = lt_fit_model_eval(LT_FIT_EXPONENTIAL, ex, x[i]);
	cr_assert_eq(lt_fit_start(LT_FIT_EXPONENTIAL, x, y, 6, b), LT_OK);
	cr_expect_float_eq(b[0], -3.17, 1e-12);
	cr_expect_float_eq(b[1], 0.2385, 1e-13);
	/* the start writes only the model's own parameters */
	b[2] = 2.385;
	cr_assert_eq(lt_fit_start(LT_FIT_SATURATING, x, y, 6, b), LT_OK);
	cr_expect_float_eq(b[2], 2.385, 0.0);
	y[3] = NAN;
	cr_expect_eq(lt_fit_start(LT_FIT_LINEAR, x, y, 6, b), LT_EINVAL);
	cr_expect_eq(lt_fit_start(LT_FIT_LINEAR, x, y, 0, b), LT_EINVAL);
}

/* ---- statistics -------------------------------------------------------- */

/* A line with noise (a fixed, hand-made sequence), where least squares,
 * the standard errors and the prediction error have closed forms. */
Test(fit, linear_matches_closed_forms, .init = setup)
{
	static const double x[] = {0.5, 1.3, 2.385, 3.1, 4.75, 6.2, 7.9, 9.41};
	static const double e[] = {0.31, -0.17, 0.053, -0.42, 0.26, 0.11, -0.29,
	                           0.137};
	double y[8], xbar = 0, ybar = 0, sxx = 0, sxy = 0, rss = 0, b1, b2, s2;
	const size_t n = 8;
	double yp, se, want_se, xp;
	size_t i;
	lt_fit f;

	for (i = 0; i < n; i++) {
		y[i] = 2.385 - 0.731 * x[i] + e[i];
		xbar += x[i] / (double)n;
		ybar += y[i] / (double)n;
	}
	for (i = 0; i < n; i++) {
		sxx += (x[i] - xbar) * (x[i] - xbar);
		sxy += (x[i] - xbar) * (y[i] - ybar);
	}
	b2 = sxy / sxx;
	b1 = ybar - b2 * xbar;
	for (i = 0; i < n; i++)
		rss += pow(y[i] - b1 - b2 * x[i], 2);
	s2 = rss / (double)(n - 2);

	cr_assert_eq(lt_fit_run(LT_FIT_LINEAR, x, y, n, NULL, &f, NULL), LT_OK);
	cr_expect_float_eq(f.b[0], b1, 1e-12);
	cr_expect_float_eq(f.b[1], b2, 1e-12);
	cr_expect_float_eq(f.rss, rss, 1e-12 * rss);
	cr_expect_float_eq(f.sigma, sqrt(s2), 1e-12);
	/* se(b2)^2 = s^2 / Sxx, se(b1)^2 = s^2 (1/n + xbar^2 / Sxx) */
	cr_expect_float_eq(f.se[1], sqrt(s2 / sxx), 1e-12);
	cr_expect_float_eq(f.se[0], sqrt(s2 * (1.0 / n + xbar * xbar / sxx)),
	                   1e-12);
	/* prediction: se^2 = s^2 (1/n + (x - xbar)^2 / Sxx), at, inside and
	 * beyond the data */
	for (xp = -2.385; xp < 15.0; xp += 4.13) {
		cr_assert_eq(lt_fit_predict(&f, xp, &yp, &se), LT_OK);
		want_se = sqrt(s2 * (1.0 / n + (xp - xbar) * (xp - xbar) / sxx));
		cr_expect_float_eq(yp, b1 + b2 * xp, 1e-12);
		cr_expect_float_eq(se, want_se, 1e-12 * want_se, "x = %g: se %.15g, "
		                   "closed form %.15g", xp, se, want_se);
	}
	/* the standard error is smallest at the mean of x */
	cr_assert_eq(lt_fit_predict(&f, xbar, &yp, &se), LT_OK);
	cr_expect_float_eq(se, sqrt(s2 / n), 1e-13);
	/* AICc with k = p + 1 = 3 */
	cr_expect_float_eq(f.aicc, n * log(rss / n) + 2 * 3 + 2.0 * 3 * 4 / (n - 4),
	                   1e-12);
	cr_expect_eq(lt_fit_predict(&f, INFINITY, &yp, &se), LT_EINVAL);
	cr_expect_eq(lt_fit_predict(&f, NAN, &yp, NULL), LT_EINVAL);
	cr_expect_eq(lt_fit_predict(&f, 1.0, &yp, NULL), LT_OK);
}

/* The delta method for a nonlinear model: against the gradient formed by
 * central differences and the reported covariance (Rat42). */
Test(fit, predict_se_is_the_delta_method, .init = setup)
{
	double *x, *y, yp, se, g[3], var = 0.0;
	const double xp = 47.3;
	size_t n, i, j;
	lt_fit f;

	cr_assert_eq(lt_csv_read_xy(nist[2].file, &x, &y, &n, NULL), LT_OK);
	cr_assert_eq(lt_fit_run(LT_FIT_LOGISTIC, x, y, n, NULL, &f, NULL),
	             LT_OK);
	for (j = 0; j < 3; j++)
		g[j] = central(LT_FIT_LOGISTIC, f.b, xp, j,
		               cbrt(DBL_EPSILON) * fmax(fabs(f.b[j]), 1.0));
	for (i = 0; i < 3; i++)
		for (j = 0; j < 3; j++)
			var += g[i] * f.cov[i][j] * g[j];
	cr_assert_eq(lt_fit_predict(&f, xp, &yp, &se), LT_OK);
	cr_expect_float_eq(yp, lt_fit_model_eval(LT_FIT_LOGISTIC, f.b, xp), 0.0);
	cr_expect_float_eq(se, sqrt(var), 1e-7 * sqrt(var));
	/* the covariance is symmetric and its diagonal gives the se */
	for (i = 0; i < 3; i++) {
		cr_expect_float_eq(f.se[i], sqrt(f.cov[i][i]), 1e-15 * f.se[i]);
		for (j = 0; j < 3; j++)
			cr_expect_float_eq(f.cov[i][j], f.cov[j][i],
			                   1e-15 * fabs(f.cov[i][j]));
	}
	free(x);
	free(y);
}

/* AICc is not defined when n - k - 1 <= 0 (k = p + 1), nor for RSS = 0. */
Test(fit, aicc_undefined_is_nan, .init = setup)
{
	static const double x[] = {1.0, 2.385, 3.7, 5.1};
	static const double y[] = {1.3, 2.9, 3.1, 5.4};
	static const double yline[] = {1.0, 2.385, 3.7, 5.1};
	lt_fit f;

	/* linear: n = 4, k = 3, n - k - 1 = 0 */
	cr_assert_eq(lt_fit_run(LT_FIT_LINEAR, x, y, 4, NULL, &f, NULL), LT_OK);
	cr_expect(isnan(f.aicc));
	cr_expect_eq(f.dof, 2);
	/* exact fit: RSS = 0 */
	cr_assert_eq(lt_fit_run(LT_FIT_LINEAR, x, yline, 4, NULL, &f, NULL),
	             LT_OK);
	cr_expect(isnan(f.aicc));
	cr_expect_float_eq(f.rss, 0.0, 1e-25);
}

/* ---- error paths ------------------------------------------------------- */

static void expect_error(int status, int want, lt_diag *d, const char *msg)
{
	cr_expect_eq(status, want, "status %d, want %d", status, want);
	cr_assert_geq(d->n, 1);
	cr_expect_str_eq(d->items[0].msg, msg);
}

Test(fit, too_few_points, .init = setup)
{
	static const double x[] = {1, 2, 3}, y[] = {1, 2, 4};
	lt_diag d;
	lt_fit f;

	lt_diag_init(&d, NULL);
	expect_error(lt_fit_run(LT_FIT_LOGISTIC, x, y, 3, NULL, &f, &d),
	             LT_EINVAL, &d, "the logistic model has 3 parameters and needs "
	             "at least 4 observations (got 3)");
	lt_diag_destroy(&d);
	lt_diag_init(&d, NULL);
	expect_error(lt_fit_run(LT_FIT_LINEAR, x, y, 0, NULL, &f, &d),
	             LT_EINVAL, &d, "the linear model has 2 parameters and needs at "
	             "least 3 observations (got 0)");
	lt_diag_destroy(&d);
}

Test(fit, too_few_distinct_x, .init = setup)
{
	static const double x[] = {1, 1, 2, 2, 2}, y[] = {1, 2, 3, 4, 5};
	lt_diag d;
	lt_fit f;

	lt_diag_init(&d, NULL);
	expect_error(lt_fit_run(LT_FIT_GOMPERTZ, x, y, 5, NULL, &f, &d),
	             LT_EINVAL, &d, "the gompertz model needs at least 3 distinct "
	             "x values (got 2)");
	lt_diag_destroy(&d);
}

Test(fit, non_finite_data, .init = setup)
{
	double x[] = {1, 2, 3, 4}, y[] = {1, 2, 3, 4};
	lt_diag d;
	lt_fit f;

	y[2] = INFINITY;
	lt_diag_init(&d, NULL);
	expect_error(lt_fit_run(LT_FIT_LINEAR, x, y, 4, NULL, &f, &d),
	             LT_EINVAL, &d, "observation 3 is not finite (x = 3, y = inf)");
	lt_diag_destroy(&d);
	y[2] = 3;
	x[0] = NAN;
	lt_diag_init(&d, NULL);
	expect_error(lt_fit_run(LT_FIT_LINEAR, x, y, 4, NULL, &f, &d),
	             LT_EINVAL, &d, "observation 1 is not finite (x = nan, y = 1)");
	lt_diag_destroy(&d);
}

Test(fit, bad_start_values, .init = setup)
{
	static const double x[] = {1, 2, 3, 4, 5, 6}, y[] = {1, 3, 6, 8, 9, 9.5};
	lt_diag d;
	lt_fit f;

	lt_diag_init(&d, NULL);
	expect_error(lt_fit_run(LT_FIT_LOGISTIC, x, y, 6,
	                        (double[]){10, NAN, 1}, &f, &d),
	             LT_EINVAL, &d, "start value b2 is not finite");
	lt_diag_destroy(&d);
	lt_diag_init(&d, NULL);
	expect_error(lt_fit_run(LT_FIT_RICHARDS, x, y, 6,
	                        (double[]){10, 2, 1, 0.0}, &f, &d),
	             LT_EINVAL, &d, "start value b4 of the richards model must "
	             "not be 0 (the exponent is 1/b4)");
	lt_diag_destroy(&d);
	lt_diag_init(&d, NULL);
	expect_error(lt_fit_run((lt_fit_model)42, x, y, 6, NULL, &f, &d), LT_EINVAL,
	             &d, "unknown model 42");
	lt_diag_destroy(&d);
}

/* A straight line has no saturating fit: the least-squares problem has no
 * minimum (b1 -> inf, b2 -> 0 with b1·b2 fixed), so every run fails and
 * the message says what was tried. */
Test(fit, no_minimum_is_enoconv, .init = setup)
{
	double x[10], y[10];
	size_t i;
	lt_diag d;
	lt_fit f;
	int status;

	for (i = 0; i < 10; i++) {
		x[i] = (double)(i + 1);
		y[i] = 2.385 * x[i];
	}
	lt_diag_init(&d, NULL);
	status = lt_fit_run(LT_FIT_SATURATING, x, y, 10, (double[]){5, 0.5},
	                    &f, &d);
	cr_expect_eq(status, LT_ENOCONV);
	cr_expect_eq(f.converged, 0);
	cr_assert_eq(d.n, 1);
	cr_expect(strncmp(d.items[0].msg, "no convergence for the saturating "
	                  "model: tried levenberg-marquardt, geodesic "
	                  "levenberg-marquardt, double dogleg and 2d subspace (more "
	                  "scaling, at most 500 iterations each) from the given "
	                  "start and from the automatic start; the best attempt "
	                  "ended at b = (", 250) == 0, "%s", d.items[0].msg);
	lt_diag_destroy(&d);
}

/* All y = 0: the logistic's rate and midpoint cannot be identified. */
Test(fit, unidentifiable_is_enoconv, .init = setup)
{
	static const double x[] = {1, 2, 3, 4, 5}, y[] = {0, 0, 0, 0, 0};
	lt_diag d;
	lt_fit f;

	lt_diag_init(&d, NULL);
	cr_expect_eq(lt_fit_run(LT_FIT_LOGISTIC, x, y, 5, NULL, &f, &d),
	             LT_ENOCONV);
	cr_assert_eq(d.n, 1);
	cr_expect(strstr(d.items[0].msg, "not identifiable") != NULL, "%s",
	          d.items[0].msg);
	lt_diag_destroy(&d);
}

/* The scaling by powers of two makes the fit indifferent to units: data
 * multiplied by 2^-40 and 2^60 give exactly scaled parameters. */
Test(fit, units_do_not_matter, .init = setup)
{
	double *x, *y, *xs, *ys;
	const double cx = ldexp(1.0, -40), cy = ldexp(1.0, 60);
	size_t n, i;
	lt_fit a, b;

	cr_assert_eq(lt_csv_read_xy(nist[2].file, &x, &y, &n, NULL), LT_OK);
	xs = malloc(n * sizeof *xs);
	ys = malloc(n * sizeof *ys);
	cr_assert(xs != NULL && ys != NULL);
	for (i = 0; i < n; i++) {
		xs[i] = x[i] * cx;
		ys[i] = y[i] * cy;
	}
	cr_assert_eq(lt_fit_run(LT_FIT_LOGISTIC, x, y, n, NULL, &a, NULL), LT_OK);
	cr_assert_eq(lt_fit_run(LT_FIT_LOGISTIC, xs, ys, n, NULL, &b, NULL),
	             LT_OK);
	cr_expect_float_eq(b.b[0], a.b[0] * cy, 1e-12 * a.b[0] * cy);
	cr_expect_float_eq(b.b[1], a.b[1], 1e-12 * a.b[1]);
	cr_expect_float_eq(b.b[2], a.b[2] / cx, 1e-12 * a.b[2] / cx);
	cr_expect_float_eq(b.se[2], a.se[2] / cx, 1e-9 * a.se[2] / cx);
	cr_expect_float_eq(b.rss, a.rss * cy * cy, 1e-12 * a.rss * cy * cy);
	free(x);
	free(y);
	free(xs);
	free(ys);
}

/* ---- the command line -------------------------------------------------- */

Test(fit_cli, prints_certified_values)
{
	struct run r = run_cli("fit", "--model", "richards", "--start",
	                       "100,10,1,1", "tests/data/nist/rat43.csv");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect_str_empty(r.err);
	/* the certified values to 10 significant digits */
	cr_expect(strstr(r.out, "Model      richards: y = b1/(1 + exp(b2 - "
	                 "b3*x))^(1/b4)\n") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "Data       tests/data/nist/rat43.csv (15 "
	                 "observations)\n") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "Converged  yes in ") != NULL);
	cr_expect(strstr(r.out, "  b1          699.6415127   16.30229782\n") !=
	          NULL, "%s", r.out);
	cr_expect(strstr(r.out, "  b2          5.277125302   2.082873583\n") !=
	          NULL, "%s", r.out);
	cr_expect(strstr(r.out, "  b3         0.7596293833  0.1956612345\n") !=
	          NULL, "%s", r.out);
	cr_expect(strstr(r.out, "  b4          1.279248386  0.6876193638\n") !=
	          NULL, "%s", r.out);
	cr_expect(strstr(r.out, "  RSS          8786.404908\n") != NULL);
	cr_expect(strstr(r.out, "  Residual sd  28.26241466 (11 degrees of "
	                 "freedom)\n") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "Predictions") == NULL);
	run_free(&r);
}

Test(fit_cli, boxbod_says_what_converged)
{
	struct run r = run_cli("fit", "tests/data/nist/boxbod.csv", "--model",
	                       "saturating", "--start=1,1", "--predict", "4",
	                       "--predict=-1.5,20");

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "  b1          213.8094089   12.35451518\n") !=
	          NULL, "%s", r.out);
	cr_expect(strstr(r.out, "  b2         0.5472374854  0.1045599324\n") !=
	          NULL, "%s", r.out);
	cr_expect(strstr(r.out, "polished") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "Predictions") != NULL);
	cr_expect(strstr(r.out, "\n     4 ") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "\n  -1.5 ") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "\n    20 ") != NULL, "%s", r.out);
	run_free(&r);
}

static double jget(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	cr_assert_not_null(v, "no '%s' in the JSON", key);
	return json_number_value(v);
}

Test(fit_cli, json_holds_the_numbers)
{
	const struct nist *t = &nist[2];
	struct run r = run_cli("fit", "--format", "json", "--model", "logistic",
	                       "--predict", "50", t->file);
	json_error_t err;
	json_t *root, *pars, *preds;
	size_t j;

	cr_assert_eq(r.status, 0, "%s", r.err);
	root = json_loads(r.out, 0, &err);
	cr_assert_not_null(root, "not JSON (line %d: %s):\n%s", err.line,
	                   err.text, r.out);
	cr_expect_str_eq(json_string_value(json_object_get(root, "model")),
	                 "logistic");
	cr_expect_str_eq(json_string_value(json_object_get(root, "data")),
	                 t->file);
	cr_expect(json_is_true(json_object_get(root, "converged")));
	cr_expect_eq(json_integer_value(json_object_get(root, "dof")), 6);
	cr_expect_eq(json_integer_value(json_object_get(root, "n")), 9);
	pars = json_object_get(root, "parameters");
	cr_assert_eq(json_array_size(pars), 3);
	for (j = 0; j < 3; j++) {
		json_t *p = json_array_get(pars, j);
		char name[8];

		snprintf(name, sizeof name, "b%zu", j + 1);
		cr_expect_str_eq(json_string_value(json_object_get(p, "name")), name);
		expect_rel(jget(p, "estimate"), t->b[j], NIST_RTOL, name, "json", 0);
		expect_rel(jget(p, "std_error"), t->sd[j], NIST_RTOL, name, "json", 0);
	}
	expect_rel(jget(root, "rss"), t->rss, NIST_RTOL, "rss", "json", 0);
	expect_rel(jget(root, "sigma"), t->sigma, NIST_RTOL, "sigma", "json", 0);
	cr_expect(isfinite(jget(root, "aicc")));
	preds = json_object_get(root, "predictions");
	cr_assert_eq(json_array_size(preds), 1);
	cr_expect_float_eq(jget(json_array_get(preds, 0), "x"), 50.0, 0.0);
	cr_expect_float_eq(jget(json_array_get(preds, 0), "y"),
	                   lt_fit_model_eval(LT_FIT_LOGISTIC, t->b, 50.0), 1e-6);
	cr_expect(jget(json_array_get(preds, 0), "std_error") > 0.0);
	json_decref(root);
	run_free(&r);
}

/* AICc undefined prints as JSON null, not as an invalid NaN. */
Test(fit_cli, json_null_for_undefined_aicc)
{
	char path[] = "/tmp/lotrinh-fit-XXXXXX";
	int fd = mkstemp(path);
	struct run r;
	json_t *root;

	cr_assert(fd >= 0);
	cr_assert(write(fd, "x,y\n1,1.3\n2.385,2.9\n3.7,3.1\n5.1,5.4\n", 35) == 35);
	close(fd);
	r = run_cli("fit", "--model", "linear", "--format", "json", path);
	unlink(path);
	cr_assert_eq(r.status, 0, "%s", r.err);
	root = json_loads(r.out, 0, NULL);
	cr_assert_not_null(root, "%s", r.out);
	cr_expect(json_is_null(json_object_get(root, "aicc")));
	json_decref(root);
	run_free(&r);
}

Test(fit_cli, csv_output)
{
	struct run r = run_cli("fit", "--format", "csv", "--model", "saturating",
	                       "--start", "500,1e-4", "--predict", "100",
	                       "tests/data/nist/misra1a.csv");
	const char *p;
	double v, se;

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strncmp(r.out, "kind,name,value,std_error\r\n"
	                  "model,name,saturating,\r\n"
	                  "model,formula,y = b1*(1 - exp(-b2*x)),\r\n"
	                  "data,file,tests/data/nist/misra1a.csv,\r\n"
	                  "data,n,14,\r\n"
	                  "parameter,b1,", 132) == 0, "%s", r.out);
	p = strstr(r.out, "parameter,b2,");
	cr_assert_not_null(p);
	cr_assert_eq(sscanf(p, "parameter,b2,%lf,%lf", &v, &se), 2);
	expect_rel(v, nist[0].b[1], NIST_RTOL, "b2", "csv", 1);
	expect_rel(se, nist[0].sd[1], NIST_RTOL, "sd(b2)", "csv", 1);
	cr_expect(strstr(r.out, "\r\nstatistic,dof,12,\r\n") != NULL);
	cr_expect(strstr(r.out, "\r\nfit,converged,true,\r\n") != NULL);
	/* the method holds commas, so it is quoted (RFC 4180) */
	cr_expect(strstr(r.out, "\r\nfit,method,\"levenberg-marquardt, more "
	                 "scaling, from the given start\",\r\n") != NULL, "%s",
	          r.out);
	cr_expect(strstr(r.out, "\r\nprediction,100,") != NULL);
	run_free(&r);
}

Test(fit_cli, help)
{
	struct run a = run_cli("fit", "--help");
	struct run b = run_cli("help", "fit");
	struct run c = run_cli("--help");

	cr_expect_eq(a.status, 0);
	cr_expect_str_empty(a.err);
	cr_expect(strncmp(a.out, "Usage: lotrinh fit --model NAME", 31) == 0);
	cr_expect(strstr(a.out, "  richards     y = b1/(1 + exp(b2 - b3*x))^"
	                 "(1/b4)\n") != NULL);
	cr_expect(strstr(a.out, "Exit status: 0 on success, 1 when the fit does "
	                 "not converge, 2 on bad\n") != NULL);
	cr_expect_str_eq(a.out, b.out);
	cr_expect(strstr(c.out, "  fit        fit a growth curve") != NULL, "%s",
	          c.out);
	run_free(&a);
	run_free(&b);
	run_free(&c);
}

/* Usage errors: the exact message, nothing on stdout, exit status 2. */
static const struct usage_case {
	const char *args[10];
	const char *err;
} usage_cases[] = {
	{{"fit", "tests/data/nist/rat42.csv", NULL},
	 "lotrinh: fit: no model given (--model NAME; models: linear, "
	 "exponential, logistic, gompertz, richards, saturating)\n"},
	{{"fit", "--model", "logistc", "tests/data/nist/rat42.csv", NULL},
	 "lotrinh: fit: unknown model 'logistc' (models: linear, exponential, "
	 "logistic, gompertz, richards, saturating)\n"},
	{{"fit", "--model", "logistic", NULL},
	 "lotrinh: fit: no data file given\n"},
	{{"fit", "--model", "logistic", "a.csv", "b.csv", NULL},
	 "lotrinh: fit: one data file at a time (got 2)\n"},
	{{"fit", "--model", "logistic", "--start", "100,1",
	  "tests/data/nist/rat42.csv", NULL},
	 "lotrinh: fit: the logistic model takes 3 start values (got 2)\n"},
	{{"fit", "--start", "1,2,3,4,5", "--model", "richards",
	  "tests/data/nist/rat43.csv", NULL},
	 "lotrinh: fit: the richards model takes 4 start values (got 5)\n"},
	{{"fit", "--model", "logistic", "--start", "100,abc,0.1",
	  "tests/data/nist/rat42.csv", NULL},
	 "lotrinh: fit: start value 2 is not a finite number ('abc')\n"},
	{{"fit", "--model", "logistic", "--start", "100,1,inf",
	  "tests/data/nist/rat42.csv", NULL},
	 "lotrinh: fit: start value 3 is not a finite number ('inf')\n"},
	{{"fit", "--model", "logistic", "--start", "100,,0.1",
	  "tests/data/nist/rat42.csv", NULL},
	 "lotrinh: fit: start value 2 is not a finite number ('')\n"},
	{{"fit", "--model", "logistic", "--predict", "1e999",
	  "tests/data/nist/rat42.csv", NULL},
	 "lotrinh: fit: '--predict' value '1e999' is not a finite number\n"},
	{{"fit", "--model", "logistic", "--predict", "5,nan",
	  "tests/data/nist/rat42.csv", NULL},
	 "lotrinh: fit: '--predict' value 'nan' is not a finite number\n"},
	{{"fit", "--model", "logistic", "--predict", "1 0",
	  "tests/data/nist/rat42.csv", NULL},
	 "lotrinh: fit: '--predict' value '1 0' is not a finite number\n"},
	{{"fit", "--model", "logistic", "--format", "xml",
	  "tests/data/nist/rat42.csv", NULL},
	 "lotrinh: fit: '--format' must be table, csv, json or xlsx (got "
	 "'xml')\n"},
	{{"fit", "--model", "logistic", "tests/data/nist/rat42.csv", "--start",
	  NULL},
	 "lotrinh: fit: option '--start' needs a value\n"},
	{{"fit", "--colour", "tests/data/nist/rat42.csv", NULL},
	 "lotrinh: fit: unknown option '--colour'\n"},
	{{"fit", "-m", "logistic", "tests/data/nist/rat42.csv", NULL},
	 "lotrinh: fit: unknown option '-m'\n"},
	{{"fit", "--model", "logistic", "--start", "1,2,\x1b[31m",
	  "tests/data/nist/rat42.csv", NULL},
	 "lotrinh: fit: start value 3 is not a finite number ('?[31m')\n"},
};

Test(fit_cli, usage_errors)
{
	size_t i;

	for (i = 0; i < sizeof usage_cases / sizeof *usage_cases; i++) {
		struct run r = run_cli_v(usage_cases[i].args);
		char want[512];

		snprintf(want, sizeof want, "%sTry 'lotrinh fit --help'.\n",
		         usage_cases[i].err);
		cr_expect_eq(r.status, 2, "case %zu: status %d", i, r.status);
		cr_expect_str_empty(r.out, "case %zu printed: %s", i, r.out);
		cr_expect_str_eq(r.err, want, "case %zu", i);
		run_free(&r);
	}
}

Test(fit_cli, missing_file_is_status_2)
{
	struct run r = run_cli("fit", "--model", "linear", "tests/data/nope.csv");

	cr_expect_eq(r.status, 2);
	cr_expect_str_empty(r.out);
	cr_expect_str_eq(r.err, "lotrinh: tests/data/nope.csv: cannot open: No "
	                 "such file or directory\n");
	run_free(&r);
}

Test(fit_cli, directory_is_status_2)
{
	struct run r = run_cli("fit", "--model", "linear", "tests/data/nist");

	cr_expect_eq(r.status, 2);
	cr_expect_str_eq(r.err, "lotrinh: tests/data/nist: is a directory, not a "
	                 "CSV file\n");
	run_free(&r);
}

/* No convergence: exit status 1, what was tried on stderr, no stdout. */
Test(fit_cli, no_convergence_is_status_1)
{
	char path[] = "/tmp/lotrinh-fit-XXXXXX";
	const char *text = "x,y\n1,2.385\n2,4.77\n3,7.155\n4,9.54\n5,11.925\n";
	int fd = mkstemp(path);
	struct run r;
	char want[256];

	cr_assert(fd >= 0);
	cr_assert(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
	close(fd);
	r = run_cli("fit", "--model", "saturating", path);
	unlink(path);
	snprintf(want, sizeof want, "lotrinh: %s: no convergence for the "
	         "saturating model: tried levenberg-marquardt, geodesic "
	         "levenberg-marquardt, double dogleg and 2d subspace", path);
	cr_expect_eq(r.status, 1, "status %d: %s", r.status, r.err);
	cr_expect_str_empty(r.out);
	cr_expect(strncmp(r.err, want, strlen(want)) == 0, "%s", r.err);
	cr_expect(strstr(r.err, "from the automatic start; the best attempt "
	                 "ended at b = (") != NULL, "%s", r.err);
	run_free(&r);
}

/* A prediction where the fitted curve overflows fails the computation. */
Test(fit_cli, prediction_overflow_is_status_1)
{
	struct run r = run_cli("fit", "--model", "exponential", "--predict",
	                       "1e6", "tests/data/nist/rat42.csv");

	cr_expect_eq(r.status, 1);
	cr_expect_str_empty(r.out);
	cr_expect_str_eq(r.err, "lotrinh: tests/data/nist/rat42.csv: the fitted "
	                 "exponential curve overflows at x = 1e+06\n");
	run_free(&r);
}

/* Four nearly coincident x values (found by fuzzing): the fitter's linear
 * algebra meets a rank-deficient system.  Every model must come back with
 * a status, never abort; the CLI exits 1 or 2 with a message. */
Test(fit, near_singular_data_gives_a_status)
{
	static const double x[] = {2.385, 2.372, 2.384, 2.387};
	static const double y[] = {1, 0, 2, 4};
	int m;

	gsl_set_error_handler_off();
	for (m = 0; m < LT_FIT_COUNT; m++) {
		lt_fit f;
		lt_diag d;
		int rc;

		lt_diag_init(&d, "fz.csv");
		rc = lt_fit_run((lt_fit_model)m, x, y, 4, NULL, &f, &d);
		cr_expect(rc == LT_OK || ((rc == LT_ENOCONV || rc == LT_EINVAL) &&
		          d.n > 0), "%s: status %d", lt_fit_model_name((lt_fit_model)m), rc);
		lt_diag_destroy(&d);
	}
}
