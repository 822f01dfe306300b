/* param.c - means, quantiles and draws of a scenario parameter (param.h).
 *
 * Every family is handled in a standard variable t in which it has no
 * location or scale: z = (x - mu) / sigma for the normal, z = (ln x - mu)
 * / sigma for the lognormal (so both use the unit Gaussian), and
 * t = (x - lo) / (hi - lo) on [0, 1] for the uniform, triangular and beta.
 * One set of four functions, P, Q = 1 - P and their inverses, then serves
 * every family, and the tail handling that keeps digits in 1 - F is
 * written once (std_mass, lt_param_quantile) instead of once per family.
 * The price is one rounding in the change of variable, a few ulp of the
 * result's scale.
 */
#include "lotrinh/param.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_gamma.h>
#include <float.h>
#include <math.h>

/* Subintervals QAGS and QAWS may use.  Split at the mode, the triangular
 * integrand is a quadratic on each piece, which the 21-point Gauss-Kronrod
 * rule integrates exactly on the first pass; the beta's endpoint
 * singularities are QAWS's weight, leaving a smooth (if, for large shapes,
 * sharply peaked) integrand that needs a few dozen bisections at most.
 * 200 leaves ample room; the workspace costs 200 * 4 doubles and
 * 2 size_t's. */
#define QUAD_LIMIT 200

/* Width of the kept range, in standard deviations (of ln X for the
 * lognormal), below which the normal and lognormal means are integrated
 * rather than taken from the closed form.  The closed form divides two
 * CDF and density differences that cancel as the range narrows, losing
 * about DBL_EPSILON / w relative; the integration's bound is
 * LT_PARAM_MEAN_TOL w (in sd).  The two meet near w = 1e-3, where both
 * are about 1e-13 sd. */
#define NARROW_Z 1e-3

/* A parameter in its standard variable, with its kept range (the struct
 * is param.h's, so that lt_param_inv can keep one). */
typedef struct lt_param_std std_form;

/* ---- support and mass ------------------------------------------------ */

void lt_param_support(const lt_param *p, double *lo, double *hi)
{
	switch (p->dist) {
	case LT_DIST_FIXED:
		*lo = *hi = p->value;
		break;
	case LT_DIST_NORMAL:
		*lo = -HUGE_VAL, *hi = HUGE_VAL;
		break;
	case LT_DIST_LOGNORMAL:
		*lo = 0.0, *hi = HUGE_VAL;
		break;
	case LT_DIST_UNIFORM:
		*lo = p->p[0], *hi = p->p[1];
		break;
	case LT_DIST_TRIANGULAR:
		*lo = p->p[0], *hi = p->p[2];
		break;
	case LT_DIST_BETA:
		*lo = p->p[2], *hi = p->p[3];
		break;
	}
}

double lt_param_mass(const lt_param *p, double a, double b)
{
	double lo, hi;

	switch (p->dist) {
	case LT_DIST_NORMAL:
		return gsl_cdf_gaussian_P(b - p->p[0], p->p[1]) -
		       gsl_cdf_gaussian_P(a - p->p[0], p->p[1]);
	case LT_DIST_LOGNORMAL:
		return (b > 0.0 ? gsl_cdf_lognormal_P(b, p->p[0], p->p[1]) : 0.0) -
		       (a > 0.0 ? gsl_cdf_lognormal_P(a, p->p[0], p->p[1]) : 0.0);
	default:
		/* bounded supports: any overlap of positive length keeps mass
		 * (each density is positive inside its support) */
		lt_param_support(p, &lo, &hi);
		return fmin(b, hi) > fmax(a, lo) ? 1.0 : 0.0;
	}
}


/* ---- the triangular distribution on [0, 1] with mode c --------------- */

/* CDF: t^2 / c left of the mode, 1 - (1 - t)^2 / (1 - c) right of it
 * (Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions vol.
 * 2, 2nd ed., 1995, ch. 26, sec. 9).  The c = 0 and c = 1 ends need the
 * tests on c to avoid 0/0. */
static double tri_P(double t, double c)
{
	if (t <= c)
		return c > 0.0 ? t * t / c : 0.0;
	return 1.0 - (1.0 - t) * (1.0 - t) / (1.0 - c);
}

/* Upper tail, computed directly so that it keeps its relative accuracy
 * near t = 1. */
static double tri_Q(double t, double c)
{
	if (t >= c)
		return c < 1.0 ? (1.0 - t) * (1.0 - t) / (1.0 - c) : 0.0;
	return 1.0 - t * t / c;
}

/* Inverse of tri_P: P(c) = c splits the two branches. */
static double tri_Pinv(double prob, double c)
{
	if (prob <= c)
		return sqrt(prob * c);
	return 1.0 - sqrt((1.0 - prob) * (1.0 - c));
}

/* Inverse of tri_Q: Q(c) = 1 - c splits the two branches. */
static double tri_Qinv(double q, double c)
{
	if (q <= 1.0 - c)
		return 1.0 - sqrt(q * (1.0 - c));
	return sqrt((1.0 - q) * c);
}

/* Density, for the integration: 2t/c left of the mode, 2(1 - t)/(1 - c)
 * right of it (2 at t = c = 1, the limit of the left branch). */
static double tri_pdf(double t, double c)
{
	if (t < c)
		return 2.0 * t / c;
	return c < 1.0 ? 2.0 * (1.0 - t) / (1.0 - c) : 2.0;
}

/* ---- the beta inverse -------------------------------------------------- */

/* beta_inv's fallback solves F(t) = prob by Brent's method on the logit
 * z = ln(t / (1 - t)) of the standard variable.  On that scale a beta
 * CDF's power-law tails (F ~ t^a near 0, 1 - F ~ (1 - t)^b near 1) are
 * exponentials rather than cliffs, so the bracket shrinks fast even for a
 * quantile of 1e-100, and an absolute tolerance in z is a relative one in
 * both t and 1 - t. */
#define BETA_LOGIT_TOL 1e-14
/* ... plus this much relative to the logit: a double logit of -69 (t =
 * 1e-30) is only known to its ulp, 1.4e-14, so far tails get |z| ulps. */
#define BETA_LOGIT_RTOL (4 * DBL_EPSILON)
/* Brent's method gains at least a bisection per two iterations; halving a
 * logit bracket of width 1500 (t from DBL_MIN to 1 - DBL_EPSILON) down to
 * BETA_LOGIT_TOL takes 57 bisections, so 200 iterations never run out on
 * a continuous, monotone CDF. */
#define BETA_SOLVE_MAX_ITER 200

/* What beta_root_f needs: the distribution and the target tail. */
typedef struct beta_root {
	double a, b, prob;
	int upper; /* solve Q(t) = prob instead of P(t) = prob */
} beta_root;

static double logistic(double z)
{
	return 1.0 / (1.0 + exp(-z));
}

/* Increasing in z, zero at the quantile. */
static double beta_root_f(double z, void *data)
{
	const beta_root *r = data;
	double t = logistic(z);

	if (r->upper)
		return r->prob - gsl_cdf_beta_Q(t, r->a, r->b);
	return gsl_cdf_beta_P(t, r->a, r->b) - r->prob;
}

/* The t in [TA, TB] where P(t) = PROB (UPPER: Q(t) = PROB), by Brent's
 * method on the logit (Brent, Algorithms for Minimization without
 * Derivatives, 1973, ch. 4; gsl_root_fsolver_brent).  An end of [TA, TB]
 * at 0 or 1 is moved in to DBL_MIN or 1 - DBL_EPSILON / 2, the last
 * representable logits; a quantile beyond them is returned as that end.
 * Returns NaN when the solver cannot be allocated, fails, or does not
 * converge in BETA_SOLVE_MAX_ITER iterations. */
static double beta_solve(double a, double b, double prob, int upper,
                         double ta, double tb)
{
	beta_root r = {a, b, prob, upper};
	gsl_function f = {beta_root_f, &r};
	gsl_root_fsolver *solver;
	double lo = fmax(ta, DBL_MIN), hi = fmin(tb, 1.0 - 0.5 * DBL_EPSILON);
	double zlo = log(lo) - log1p(-lo), zhi = log(hi) - log1p(-hi), z = NAN;
	int status = GSL_CONTINUE, i;

	if (beta_root_f(zlo, &r) >= 0.0)
		return lo;
	if (beta_root_f(zhi, &r) <= 0.0)
		return hi;
	solver = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	if (solver == NULL)
		return NAN;
	if (gsl_root_fsolver_set(solver, &f, zlo, zhi) == GSL_SUCCESS)
		for (i = 0; i < BETA_SOLVE_MAX_ITER && status == GSL_CONTINUE; i++) {
			if (gsl_root_fsolver_iterate(solver) != GSL_SUCCESS)
				break;
			z = gsl_root_fsolver_root(solver);
			status = gsl_root_test_interval(gsl_root_fsolver_x_lower(solver),
			                                gsl_root_fsolver_x_upper(solver),
			                                BETA_LOGIT_TOL, BETA_LOGIT_RTOL);
		}
	gsl_root_fsolver_free(solver);
	return status == GSL_SUCCESS ? logistic(z) : NAN;
}

/* The beta's P- or Q-quantile (UPPER) in [TA, TB]: gsl_cdf_beta_Pinv or
 * _Qinv, which return NaN when their Newton iteration misses
 * sqrt(DBL_EPSILON) relative in probability (they do for some small
 * shapes and far tails: with a or b below about 0.1, or one of them in the
 * thousands), and then beta_solve. */
static double beta_inv(const std_form *s, double prob, int upper)
{
	double t = upper ? gsl_cdf_beta_Qinv(prob, s->a_shape, s->b_shape) :
	                   gsl_cdf_beta_Pinv(prob, s->a_shape, s->b_shape);

	if (isnan(t))
		t = beta_solve(s->a_shape, s->b_shape, prob, upper, s->ta, s->tb);
	return t;
}

/* ---- the standard variable -------------------------------------------- */

static double std_P(const std_form *s, double t)
{
	switch (s->dist) {
	case LT_DIST_NORMAL:
	case LT_DIST_LOGNORMAL:
		return gsl_cdf_ugaussian_P(t);
	case LT_DIST_BETA:
		return gsl_cdf_beta_P(t, s->a_shape, s->b_shape);
	case LT_DIST_TRIANGULAR:
		return tri_P(t, s->c);
	default:
		return gsl_cdf_flat_P(t, 0.0, 1.0);
	}
}

static double std_Q(const std_form *s, double t)
{
	switch (s->dist) {
	case LT_DIST_NORMAL:
	case LT_DIST_LOGNORMAL:
		return gsl_cdf_ugaussian_Q(t);
	case LT_DIST_BETA:
		return gsl_cdf_beta_Q(t, s->a_shape, s->b_shape);
	case LT_DIST_TRIANGULAR:
		return tri_Q(t, s->c);
	default:
		return gsl_cdf_flat_Q(t, 0.0, 1.0);
	}
}

static double std_Pinv(const std_form *s, double prob)
{
	switch (s->dist) {
	case LT_DIST_NORMAL:
	case LT_DIST_LOGNORMAL:
		return gsl_cdf_ugaussian_Pinv(prob);
	case LT_DIST_BETA:
		return beta_inv(s, prob, 0);
	case LT_DIST_TRIANGULAR:
		return tri_Pinv(prob, s->c);
	default:
		return gsl_cdf_flat_Pinv(prob, 0.0, 1.0);
	}
}

static double std_Qinv(const std_form *s, double q)
{
	switch (s->dist) {
	case LT_DIST_NORMAL:
	case LT_DIST_LOGNORMAL:
		return gsl_cdf_ugaussian_Qinv(q);
	case LT_DIST_BETA:
		return beta_inv(s, q, 1);
	case LT_DIST_TRIANGULAR:
		return tri_Qinv(q, s->c);
	default:
		return gsl_cdf_flat_Qinv(q, 0.0, 1.0);
	}
}

/* P(tb) - P(ta), with P(ta) in *PA and Q(tb) in *QB.  An interval in the
 * upper half is measured with Q, one in the lower half with P, so the
 * difference is of two small numbers each known to a few ulp of itself;
 * 1 - P(ta) - Q(tb) (an interval across the median) has no tail to lose. */
static double std_mass(const std_form *s, double ta, double tb, double *pa,
                       double *qb)
{
	*pa = std_P(s, ta);
	*qb = std_Q(s, tb);
	if (*pa >= 0.5)
		return std_Q(s, ta) - *qb;
	if (*qb >= 0.5)
		return std_P(s, tb) - *pa;
	return (1.0 - *pa) - *qb;
}

/* x -> t for P's family; x <= 0 is t = -inf for the lognormal. */
static double to_std(const lt_param *p, double x)
{
	switch (p->dist) {
	case LT_DIST_NORMAL:
		return (x - p->p[0]) / p->p[1];
	case LT_DIST_LOGNORMAL:
		return x > 0.0 ? (log(x) - p->p[0]) / p->p[1] : -HUGE_VAL;
	case LT_DIST_BETA:
		return (x - p->p[2]) / (p->p[3] - p->p[2]);
	default: /* uniform, triangular: lo = p[0], hi = p[1] or p[2] */
		return (x - p->p[0]) /
		       (p->p[p->dist == LT_DIST_UNIFORM ? 1 : 2] - p->p[0]);
	}
}

/* t -> x, the inverse of to_std. */
static double from_std(const lt_param *p, double t)
{
	switch (p->dist) {
	case LT_DIST_NORMAL:
		return p->p[0] + p->p[1] * t;
	case LT_DIST_LOGNORMAL:
		return exp(p->p[0] + p->p[1] * t);
	case LT_DIST_BETA:
		return p->p[2] + (p->p[3] - p->p[2]) * t;
	default:
		return p->p[0] +
		       (p->p[p->dist == LT_DIST_UNIFORM ? 1 : 2] - p->p[0]) * t;
	}
}

/* Fill *S for a continuous P: support, kept range, tails and mass.
 * Returns 0, or -1 when P->dist is not a continuous family or the kept
 * range holds no probability (empty, or lost to underflow). */
static int std_init(const lt_param *p, std_form *s)
{
	double lo, hi;

	s->dist = p->dist;
	s->c = s->a_shape = s->b_shape = 0.0;
	s->lnbeta = s->w_alpha = s->w_beta = 0.0;
	if (p->dist == LT_DIST_FIXED || (unsigned)p->dist > LT_DIST_BETA)
		return -1;
	lt_param_support(p, &lo, &hi);
	if (p->dist == LT_DIST_TRIANGULAR)
		s->c = (p->p[1] - lo) / (hi - lo);
	if (p->dist == LT_DIST_BETA)
		s->a_shape = p->p[0], s->b_shape = p->p[1];
	s->span = p->dist == LT_DIST_NORMAL || p->dist == LT_DIST_LOGNORMAL ?
	          p->p[1] : hi - lo;
	s->xa = fmax(p->min, lo);
	s->xb = fmin(p->max, hi);
	if (!(s->xa < s->xb))
		return -1;
	s->ta = to_std(p, s->xa);
	s->tb = to_std(p, s->xb);
	s->mass = std_mass(s, s->ta, s->tb, &s->pa, &s->qb);
	return s->mass > 0.0 ? 0 : -1;
}

/* X clamped into [A, B]; NaN stays NaN (fmin and fmax would drop it). */
static double clamp(double x, double a, double b)
{
	if (isnan(x))
		return x;
	return x < a ? a : x > b ? b : x;
}

/* ---- means ------------------------------------------------------------ */

/* E[Z | alpha < Z < beta] for a unit Gaussian Z, WIDTH = beta - alpha as
 * the caller computed it from x (more accurate than the difference of the
 * standardised ends).  (phi(alpha) - phi(beta)) / (Phi(beta) - Phi(alpha));
 * an interval in the lower half is the mirror image of one in the upper
 * half, where phi(alpha) - phi(beta) = phi(alpha)(1 - e^{-w(alpha+beta)/2})
 * loses no digits and the mass is Q(alpha) - Q(beta). */
static double gauss_trunc_mean(double alpha, double beta, double width)
{
	double num, mass;

	if (beta <= 0.0)
		return -gauss_trunc_mean(-beta, -alpha, width);
	if (alpha >= 0.0) {
		num = gsl_ran_ugaussian_pdf(alpha) *
		      -expm1(-0.5 * width * (alpha + beta));
		mass = gsl_cdf_ugaussian_Q(alpha) - gsl_cdf_ugaussian_Q(beta);
	} else {
		num = gsl_ran_ugaussian_pdf(alpha) - gsl_ran_ugaussian_pdf(beta);
		mass = (1.0 - gsl_cdf_ugaussian_P(alpha)) - gsl_cdf_ugaussian_Q(beta);
	}
	return mass > 0.0 ? num / mass : NAN;
}

/* ln Q(x) = ln(erfc(x / sqrt 2) / 2) for the unit Gaussian, without
 * underflow (gsl_sf_log_erfc); -inf at x = +inf. */
static double log_gauss_Q(double x)
{
	if (x == HUGE_VAL)
		return -HUGE_VAL;
	return gsl_sf_log_erfc(x / M_SQRT2) - M_LN2;
}

/* ln(Phi(x2) - Phi(x1)) for x1 < x2, in logarithms throughout so that a
 * mass far below DBL_MIN keeps its digits: ln Q(x1) + ln(1 - Q(x2)/Q(x1))
 * in the upper half, its mirror image in the lower half.  Used only when
 * the plain difference underflows: the logarithms lose a few more digits
 * than std_mass to cancellation when the interval is narrow. */
static double log_gauss_mass(double x1, double x2)
{
	double l1, l2;

	if (x1 >= 0.0) {
		l1 = log_gauss_Q(x1), l2 = log_gauss_Q(x2);
		return l1 + log(-expm1(l2 - l1));
	}
	if (x2 <= 0.0) {
		l1 = log_gauss_Q(-x2), l2 = log_gauss_Q(-x1);
		return l1 + log(-expm1(l2 - l1));
	}
	return log((1.0 - gsl_cdf_ugaussian_P(x1)) - gsl_cdf_ugaussian_Q(x2));
}

/* exp(mu + sigma^2/2) [Phi(beta - sigma) - Phi(alpha - sigma)] / mass:
 * the shifted mass is the probability of the kept range under the
 * size-biased (exponentially tilted) lognormal.  Multiplied as logarithms
 * so that exp(sigma^2/2) may exceed DBL_MAX while the product does not;
 * the shifted mass itself underflows when sigma exceeds beta by about 37,
 * and is then taken in logarithms too. */
static double lognormal_mean(const lt_param *p, const std_form *s)
{
	double sigma = p->p[1], pa, qb, log_tilted;
	double tilted = std_mass(s, s->ta - sigma, s->tb - sigma, &pa, &qb);

	if (tilted >= DBL_MIN)
		log_tilted = log(tilted);
	else
		log_tilted = log_gauss_mass(s->ta - sigma, s->tb - sigma);
	return exp(p->p[0] + 0.5 * sigma * sigma + log_tilted - log(s->mass));
}

/* Integrand of mean_by_quadrature: (x(t) - a) pdf(t), pdf the density of
 * the standard variable less any factor QAWS's weight carries.  x(t) - a
 * is formed without subtracting two x's: span (t - ta), or
 * a (exp(sigma (t - ta)) - 1) for the lognormal.  The beta density is
 * taken in logarithms, t^(a-1) (1-t)^(b-1) / B(a, b), so that shapes in
 * the thousands neither overflow nor underflow before they cancel. */
static double shifted_moment(double t, void *data)
{
	const std_form *s = data;
	double pdf, dx, lp;

	switch (s->dist) {
	case LT_DIST_BETA:
		lp = -s->lnbeta;
		if (s->w_alpha == 0.0)
			lp += (s->a_shape - 1.0) * log(t);
		if (s->w_beta == 0.0)
			lp += (s->b_shape - 1.0) * log1p(-t);
		pdf = exp(lp);
		break;
	case LT_DIST_TRIANGULAR:
		pdf = tri_pdf(t, s->c);
		break;
	default: /* normal, lognormal */
		pdf = gsl_ran_ugaussian_pdf(t);
		break;
	}
	if (s->dist == LT_DIST_LOGNORMAL)
		dx = s->xa * expm1(s->span * (t - s->ta));
	else
		dx = s->span * (t - s->ta);
	return dx * pdf;
}

/* E[X | a < X < b] = a + (integral of (x - a) pdf over the kept range) /
 * mass, integrated in the standard variable with QUADPACK (Piessens et
 * al., QUADPACK, 1983):
 *   - QAGS (gsl_integration_qags), split at the triangular mode when it
 *     lies inside, for smooth integrands;
 *   - QAWS (gsl_integration_qaws) for a beta whose kept range reaches an
 *     end where its density is infinite (a < 1 at 0, b < 1 at 1): the
 *     factor t^(a-1) or (1-t)^(b-1) becomes QAWS's algebraic weight,
 *     integrated exactly by modified Clenshaw-Curtis moments.  QAGS's
 *     extrapolation fails on such ends once the exponent nears -1
 *     (measured: b <= 0.2 at t = 1).
 * The integral lies in [0, mass (b - a)]; asking each of at most two
 * pieces for an absolute error of LT_PARAM_MEAN_TOL mass (b - a) / 2
 * bounds the mean's error by LT_PARAM_MEAN_TOL (b - a).  Measuring from a
 * keeps a narrow range accurate: the mass's relative error (from the CDF
 * difference) only scales an offset that is itself at most b - a.
 * Returns NaN when a piece fails (any status but GSL_SUCCESS) or the
 * workspace cannot be allocated. */
static double mean_by_quadrature(std_form *s)
{
	gsl_integration_workspace *w;
	gsl_integration_qaws_table *table = NULL;
	gsl_function f;
	double cut[3], sum = 0.0, r, err;
	double epsabs = 0.5 * LT_PARAM_MEAN_TOL * s->mass * (s->xb - s->xa);
	size_t n = 0, i;
	int status = GSL_SUCCESS;

	cut[n++] = s->ta;
	if (s->dist == LT_DIST_TRIANGULAR && s->ta < s->c && s->c < s->tb)
		cut[n++] = s->c;
	cut[n++] = s->tb;
	s->w_alpha = s->w_beta = 0.0;
	if (s->dist == LT_DIST_BETA) {
		s->lnbeta = gsl_sf_lnbeta(s->a_shape, s->b_shape);
		if (s->ta == 0.0 && s->a_shape < 1.0)
			s->w_alpha = s->a_shape - 1.0;
		if (s->tb == 1.0 && s->b_shape < 1.0)
			s->w_beta = s->b_shape - 1.0;
	}
	w = gsl_integration_workspace_alloc(QUAD_LIMIT);
	if (s->w_alpha != 0.0 || s->w_beta != 0.0)
		table = gsl_integration_qaws_table_alloc(s->w_alpha, s->w_beta, 0, 0);
	if (w == NULL || (table == NULL && (s->w_alpha != 0.0 || s->w_beta != 0.0)))
		status = GSL_ENOMEM;
	f.function = shifted_moment;
	f.params = s;
	for (i = 0; i + 1 < n && status == GSL_SUCCESS; i++) {
		if (table != NULL)
			status = gsl_integration_qaws(&f, cut[i], cut[i + 1], table,
			                              epsabs, 0.0, QUAD_LIMIT, w, &r, &err);
		else
			status = gsl_integration_qags(&f, cut[i], cut[i + 1], epsabs, 0.0,
			                              QUAD_LIMIT, w, &r, &err);
		sum += r;
	}
	if (table != NULL)
		gsl_integration_qaws_table_free(table);
	gsl_integration_workspace_free(w);
	if (status != GSL_SUCCESS)
		return NAN;
	return s->xa + sum / s->mass;
}

double lt_param_mean(const lt_param *p)
{
	std_form s;
	double m;

	if (p->dist == LT_DIST_FIXED)
		return p->value;
	if (std_init(p, &s) != 0)
		return NAN;
	switch (p->dist) {
	case LT_DIST_NORMAL:
	case LT_DIST_LOGNORMAL:
		if (s.tb - s.ta < NARROW_Z)
			m = mean_by_quadrature(&s);
		else if (p->dist == LT_DIST_NORMAL)
			m = p->p[0] + p->p[1] * gauss_trunc_mean(s.ta, s.tb,
			                                         (s.xb - s.xa) / p->p[1]);
		else
			m = lognormal_mean(p, &s);
		break;
	case LT_DIST_UNIFORM:
		m = 0.5 * s.xa + 0.5 * s.xb;
		break;
	case LT_DIST_TRIANGULAR:
		if (s.ta > 0.0 || s.tb < 1.0)
			m = mean_by_quadrature(&s);
		else
			m = (p->p[0] + p->p[1] + p->p[2]) / 3.0;
		break;
	case LT_DIST_BETA:
		if (s.ta > 0.0 || s.tb < 1.0)
			m = mean_by_quadrature(&s);
		else
			m = p->p[2] + (p->p[3] - p->p[2]) * (p->p[0] / (p->p[0] + p->p[1]));
		break;
	default:
		return NAN;
	}
	return clamp(m, s.xa, s.xb);
}

/* ---- quantiles and draws ---------------------------------------------- */

int lt_param_inv_init(lt_param_inv *v, const lt_param *p)
{
	v->p = *p;
	v->ok = p->dist == LT_DIST_FIXED || std_init(p, &v->s) == 0;
	return v->ok ? LT_OK : LT_EINVAL;
}

double lt_param_inv_quantile(const lt_param_inv *v, double u)
{
	const lt_param *p = &v->p;
	const std_form *s = &v->s;
	double target, t;

	if (!(u > 0.0 && u < 1.0))
		return NAN;
	if (p->dist == LT_DIST_FIXED)
		return p->value;
	if (!v->ok)
		return NAN;
	if (p->dist == LT_DIST_UNIFORM) /* uniform on the kept range: exact */
		return clamp(gsl_cdf_flat_Pinv(u, s->xa, s->xb), s->xa, s->xb);
	target = s->pa + u * s->mass;
	if (target <= 0.5)
		t = std_Pinv(s, target);
	else /* the same point counted from the upper end */
		t = std_Qinv(s, s->qb + (1.0 - u) * s->mass);
	return clamp(from_std(p, t), s->xa, s->xb);
}

double lt_param_quantile(const lt_param *p, double u)
{
	lt_param_inv v;

	if (!(u > 0.0 && u < 1.0))
		return NAN;
	lt_param_inv_init(&v, p);
	return lt_param_inv_quantile(&v, u);
}

int lt_param_draw(const lt_param *p, const gsl_rng *rng, double *x)
{
	/* one uniform for every family, fixed ones included, so that making
	 * one parameter fixed does not shift the stream the others see */
	*x = lt_param_quantile(p, gsl_rng_uniform_pos(rng));
	if (!isnan(*x))
		return LT_OK;
	if ((unsigned)p->dist > LT_DIST_BETA)
		LT_ERROR(NULL, LT_EINVAL, "cannot draw from a parameter whose "
		         "distribution is unknown (%d)", (int)p->dist);
	LT_ERROR(NULL, LT_EINVAL, "cannot draw from a %s parameter truncated to "
	         "[%g, %g]: no probability is left there", lt_dist_name(p->dist),
	         p->min, p->max);
}
