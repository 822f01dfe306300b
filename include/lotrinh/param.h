/* param.h - means, quantiles and draws of a scenario parameter.
 *
 * A parameter (lt_param, scenario.h) is a number or a distribution of one
 * of five families, optionally truncated to [min, max].  The engines need
 * three things from it: its mean (the deterministic run), its quantiles
 * (tornado sensitivity at the 10th and 90th percentiles) and random draws
 * (Monte Carlo).  All three work on the truncated distribution, whose CDF
 * on the kept range [a, b] = [max(min, support lo), min(max, support hi)] is
 *
 *   F_trunc(x) = (F(x) - F(a)) / (F(b) - F(a)).
 *
 * Draws are quantiles of uniform numbers (inversion), so one draw costs
 * exactly one uniform number whatever the family, a seeded generator gives
 * the same draws on every run, and a truncated draw never has to be
 * rejected and redrawn.
 *
 * Domain: a parameter as lt_scenario_load accepts it (sd, sigma, a, b > 0;
 * lo < hi; lo <= mode <= hi; min < max; the kept range holds some
 * probability: at least 1e-12 for the normal and lognormal).  Where the kept
 * range holds no probability in double precision, the functions return NaN.
 * GSL's error handler must be off (gsl_set_error_handler_off, as main does):
 * a GSL routine that fails then yields NaN here instead of aborting.
 * Numerics only (STYLE §1): nothing here prints or reads files.
 */
#ifndef LT_PARAM_H
#define LT_PARAM_H

#include <gsl/gsl_rng.h>

#include "lotrinh/error.h"
#include "lotrinh/scenario.h"

/* Tolerance of the numerical integration behind the mean of a truncated
 * triangular or beta distribution (and of a normal or lognormal truncated
 * to less than 1e-3 sd): the mean is within LT_PARAM_MEAN_TOL * (b - a)
 * of the exact value, [a, b] the kept range.
 * 1e-10 keeps four orders of magnitude above the integrator's own
 * round-off floor (50 * DBL_EPSILON relative, GSL's QUADPACK estimate),
 * so qags meets it without GSL_EROUND, and is far below anything a
 * scenario's parameters are known to. */
#define LT_PARAM_MEAN_TOL 1e-10

/* A parameter in its standard variable t (param.c's file comment), with
 * its kept range: what every quantile of it needs before it inverts.
 * Filled by lt_param_inv_init; its fields are param.c's business. */
struct lt_param_std {
	lt_dist dist;
	double span;      /* dx/dt: sigma for the normal and lognormal (of
	                     ln x), hi - lo for the others */
	double c;         /* triangular: (mode - lo) / (hi - lo), in [0, 1] */
	double a_shape;   /* beta: a */
	double b_shape;   /* beta: b */
	double xa, xb;    /* kept range [a, b] in x */
	double ta, tb;    /* the same in t */
	double pa;        /* P(ta) */
	double qb;        /* Q(tb) */
	double mass;      /* P(tb) - P(ta), from the small tails */
	double lnbeta;    /* beta: ln B(a, b), for the density */
	double w_alpha;   /* beta: exponents of the QAWS weight */
	double w_beta;    /*   t^w_alpha (1 - t)^w_beta; 0 when unused */
};

/* A parameter made ready for many quantiles: its copy and its standard
 * form, which lt_param_quantile would otherwise rebuild on every call
 * (its support, kept range and tail masses: several CDF evaluations).
 * Monte Carlo inverts each uncertain parameter once a draw, so it keeps
 * one of these per parameter (mc.c). */
typedef struct lt_param_inv {
	lt_param p;
	struct lt_param_std s;
	int ok;           /* 0: P's kept range holds no probability */
} lt_param_inv;

/* The support of P's family before truncation into *LO and *HI (both
 * P->value for LT_DIST_FIXED; -HUGE_VAL and HUGE_VAL where unbounded). */
void lt_param_support(const lt_param *p, double *lo, double *hi);

/* The probability of [A, B] under P's untruncated distribution, in closed
 * form: the Gaussian and lognormal CDFs; for a bounded family 1 when
 * [A, B] overlaps the support over a positive length (each density is
 * positive inside its support), else 0.  The loader uses it to refuse a
 * truncation that keeps nothing. */
double lt_param_mass(const lt_param *p, double a, double b);

/* The mean of P's (truncated) distribution; for LT_DIST_FIXED, P->value.
 *
 * Methods, [a, b] the kept range, alpha = (a - mu) / sigma and
 * beta = (b - mu) / sigma:
 *   normal      mu + sigma (phi(alpha) - phi(beta)) / (Phi(beta) - Phi(alpha))
 *               (Johnson, Kotz & Balakrishnan, Continuous Univariate
 *               Distributions vol. 1, 2nd ed., 1994, ch. 13, truncated
 *               normal distributions).  A range in the upper half uses
 *               Q = 1 - Phi, one in the lower half is its mirror image, so
 *               no digits cancel in 1 - Phi; phi(alpha) - phi(beta) is
 *               formed as phi(alpha) (1 - exp(-(beta - alpha)(beta +
 *               alpha) / 2)).
 *   lognormal   exp(mu + sigma^2/2) [Phi(beta - sigma) - Phi(alpha - sigma)]
 *               / [Phi(beta) - Phi(alpha)], alpha, beta from ln a, ln b
 *               (ln a = -inf when a <= 0; ibid. ch. 14), multiplied in
 *               logarithms so a large sigma does not overflow.
 *               For both: a kept range narrower than 1e-3 sd (of ln X),
 *               where the differences above cancel, is integrated as below.
 *   uniform     the midpoint of [a, b].
 *   triangular  (lo + mode + hi) / 3 untruncated;
 *   beta        lo + (hi - lo) a / (a + b) untruncated;
 *               truncated: a + (integral of (x - a) pdf(x) over [a, b]) /
 *               (probability of [a, b] from the closed-form CDF), the
 *               integral by QUADPACK's QAGS (gsl_integration_qags; the
 *               triangular split at its mode, where the density has a
 *               kink), or QAWS (gsl_integration_qaws) for a beta whose
 *               range reaches an end where its density is infinite
 *               (a < 1 at lo, b < 1 at hi), which QAGS cannot resolve
 *               once the exponent nears -1.
 *
 * Accuracy, checked against 50-digit mpmath values:
 *   - integrated means (truncated triangular and beta, narrow normal and
 *     lognormal) meet |result - exact| <= LT_PARAM_MEAN_TOL (b - a) by
 *     QUADPACK's error estimate; measured 1e-14 (b - a) or better;
 *   - normal: within 1e-13 sd (measured 1.5e-13 sd at the worst, a range
 *     just over 1e-3 sd wide; a few ulp for wide ranges);
 *   - lognormal: relative error about DBL_EPSILON (1 + sigma^2 / 2), from
 *     rounding the exponent (3e-16 at sigma = 2.5, 2e-13 at sigma = 40);
 *   - uniform, untruncated triangular and beta: correctly rounded
 *     arithmetic, a few ulp.
 * The result always lies in [a, b].
 *
 * Returns NaN when the kept range holds no probability in double
 * precision, when the integration fails (GSL status other than
 * GSL_SUCCESS, or no memory for its workspace), or when P->dist is not an
 * lt_dist.  Allocates (and frees) an integration workspace only when it
 * integrates. */
double lt_param_mean(const lt_param *p);

/* The U-quantile (0 < U < 1) of P's (truncated) distribution; for
 * LT_DIST_FIXED, P->value.
 *
 * Method: inversion, F_trunc^-1(U) = F^-1(F(a) + U (F(b) - F(a))), with
 * gsl_cdf_ugaussian_Pinv (normal; the lognormal is its exponential, as in
 * gsl_cdf_lognormal_Pinv), gsl_cdf_flat_Pinv (uniform), gsl_cdf_beta_Pinv
 * and the closed-form inverse of the triangular CDF.  To keep relative
 * accuracy in both tails, a probability above 1/2 is inverted from the
 * upper tail, x = Q^-1(Q(b) + (1 - U)(F(b) - F(a))) with the Qinv
 * functions, and F(b) - F(a) is formed from whichever of F and Q is small
 * at both ends.  gsl_cdf_beta_Pinv fails (NaN) for small shapes and far
 * tails (a or b below about 0.1, or in the thousands); the beta quantile
 * is then found by Brent's method on the logit of the CDF.  The result is
 * clamped into [a, b].
 *
 * Accuracy: the error is that of the target probability (a few ulp of
 * its smaller tail) divided by the density at the result, plus the
 * inverse's own.  Measured against 50-digit mpmath values: normal within
 * 3e-16 relative (or 3e-16 sd near zero), lognormal about
 * DBL_EPSILON sigma |ln x| relative, triangular and uniform a few ulp,
 * beta within 2e-15 relative where GSL converges (its check guarantees
 * only sqrt(DBL_EPSILON) in probability; measured 1e-11 at the worst over
 * a, b in [0.01, 1e4]), and for the Brent fallback within
 * 1e-14 + 4 DBL_EPSILON |logit t| in the logit, a relative error in t
 * and in 1 - t.
 *
 * Returns NaN for U outside (0, 1) or NaN, when the kept range holds no
 * probability, when the beta solver fails, or when P->dist is not an
 * lt_dist.  Non-decreasing in U up to the error above (no decrease on a
 * 2e6-point grid of U for any family, truncated or not). */
double lt_param_quantile(const lt_param *p, double u);

/* Make *V ready to invert P: copies P, so P need not outlive V.  Returns
 * LT_OK, or LT_EINVAL when P's kept range holds no probability or P->dist
 * is not an lt_dist (then every quantile of V is NaN). */
int lt_param_inv_init(lt_param_inv *v, const lt_param *p);

/* lt_param_quantile(P, U) for the P that V was made from, the same double
 * bit for bit (the same arithmetic, without rebuilding the standard form);
 * NaN where lt_param_quantile gives NaN. */
double lt_param_inv_quantile(const lt_param_inv *v, double u);

/* One draw from P's (truncated) distribution into *X, by inversion:
 * *X = lt_param_quantile(P, u) with u = gsl_rng_uniform_pos(RNG) (which
 * never returns 0), so the draws of a seeded RNG are reproducible.
 * Returns LT_OK, or LT_EINVAL with *X = NaN when lt_param_quantile gives
 * NaN (a parameter outside the domain in the file comment). */
int lt_param_draw(const lt_param *p, const gsl_rng *rng, double *x);

#endif /* LT_PARAM_H */
