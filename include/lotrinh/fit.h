/* fit.h - nonlinear least squares for growth curves, validated on NIST StRD.
 *
 * lt_fit_run fits one of six curves y = f(x; b) to (x, y) data by
 * minimising the residual sum of squares with GSL's trust-region solver
 * (gsl_multifit_nlinear; Moré 1978), using analytic Jacobians.  It reports
 * the parameters, their standard errors sqrt(s^2 diag((J'J)^-1)), the
 * residual standard deviation, AICc, and what converged.  Hard problems are
 * handled by a fixed, documented sequence of methods and a restart from
 * automatic starting values (see lt_fit_run); a result is accepted only
 * when a scale-invariant gradient test holds at it.
 *
 * The module is numerics only (STYLE §1): it never prints or reads files.
 */
#ifndef LT_FIT_H
#define LT_FIT_H

#include <stddef.h>

#include "lotrinh/error.h"

/* The curves, x the regressor and b1..b4 the parameters:
 *   linear       y = b1 + b2·x
 *   exponential  y = b1·exp(b2·x)
 *   logistic     y = b1 / (1 + exp(b2 − b3·x))
 *   gompertz     y = b1·exp(−b2·exp(−b3·x))
 *   richards     y = b1 / (1 + exp(b2 − b3·x))^(1/b4)
 *   saturating   y = b1·(1 − exp(−b2·x))
 * The logistic, Richards and saturating forms are those of the NIST StRD
 * problems Rat42, Rat43, and Misra1a/BoxBOD. */
typedef enum lt_fit_model {
	LT_FIT_LINEAR,
	LT_FIT_EXPONENTIAL,
	LT_FIT_LOGISTIC,
	LT_FIT_GOMPERTZ,
	LT_FIT_RICHARDS,
	LT_FIT_SATURATING
} lt_fit_model;

/* Number of models, for loops over all of them. */
#define LT_FIT_COUNT 6
/* Most parameters any model has. */
#define LT_FIT_PMAX 4

/* Look up a model by NAME ("linear", "exponential", "logistic", "gompertz",
 * "richards", "saturating"; exact, lower case).  Returns LT_OK and stores it
 * in *M, or LT_EINVAL (*M untouched) for any other name. */
int lt_fit_model_parse(const char *name, lt_fit_model *m);

/* The lower-case name of M (a static string), or "?" for a bad value. */
const char *lt_fit_model_name(lt_fit_model m);

/* The formula of M as text, e.g. "y = b1*(1 - exp(-b2*x))" (static). */
const char *lt_fit_model_formula(lt_fit_model m);

/* The model names separated by ", " (static), for messages. */
const char *lt_fit_model_list(void);

/* Number of parameters of M (2, 3 or 4; 0 for a bad value). */
size_t lt_fit_model_nparams(lt_fit_model m);

/* The value of model M with parameters B (lt_fit_model_nparams(m) of them) at
 * X.  Evaluated in forms that neither overflow nor lose digits where the
 * textbook form would (expm1 for 1 − exp, a log1p form for the Richards
 * power); the result is inf or NaN only when the true value overflows or is
 * undefined (b4 = 0). */
double lt_fit_model_eval(lt_fit_model m, const double *b, double x);

/* The gradient of the model with respect to b at X into GRAD
 * (lt_fit_model_nparams(m) values): the row of the Jacobian for an observation
 * at X.  Analytic derivatives, in the same overflow-safe forms as
 * lt_fit_model_eval; checked against central differences in tests/test_fit.c. */
void lt_fit_model_gradient(lt_fit_model m, const double *b, double x, double *grad);

/* The result of a fit.  Arrays hold p = lt_fit_model_nparams(model) entries;
 * the rest are 0. */
typedef struct lt_fit {
	lt_fit_model model;
	size_t n, p, dof;          /* observations, parameters, n − p */
	double b[LT_FIT_PMAX];     /* estimates */
	double se[LT_FIT_PMAX];    /* standard errors */
	double cov[LT_FIT_PMAX][LT_FIT_PMAX]; /* s^2 (J'J)^-1 */
	double rss;                /* residual sum of squares */
	double sigma;              /* residual sd, sqrt(rss / dof) */
	double aicc;               /* corrected Akaike criterion; NaN when undefined */
	int converged;             /* 1 when the result passed the gradient test */
	size_t iterations;         /* of the run that converged (and its polish) */
	double offset;             /* Bates–Watts relative offset at the result */
	char method[96];           /* what finally converged, e.g. "levenberg-marquardt,
	                            * more scaling, from the given start" */
} lt_fit;

/* Fit model M to the N points (X[i], Y[i]) by least squares.
 *
 * START holds lt_fit_model_nparams(m) starting values, or is NULL for the
 * automatic ones of lt_fit_start.  The solver (GSL trust region, QR linear
 * solver, Moré's diagonal scaling) tries in turn, until one is accepted:
 *   1. Levenberg–Marquardt,
 *   2. Levenberg–Marquardt with geodesic acceleration (Transtrum & Sethna),
 *   3. Powell's double dogleg,
 *   4. the 2D subspace method,
 * each from START; then, when START was given, the same four from the
 * automatic start.  A run stops when the step is below LT_FIT_XTOL relative
 * (GSL's xtol test), when it can make no progress (GSL_ENOPROG), or after
 * LT_FIT_MAXITER iterations.  Its end point is accepted only when (a) the
 * Jacobian has full numerical rank (reciprocal condition number of the
 * column-normalised Jacobian at least LT_FIT_RCOND_MIN) and (b) the
 * Bates–Watts relative offset ||Q1'r|| / ||r|| · sqrt((n−p)/p) is at most
 * LT_FIT_OFFSET_TOL, or the fit is exact (rms residual below
 * LT_FIT_EXACT_REL times the rms of y).  (b) is a gradient test in the
 * Gauss–Newton metric: the Gauss–Newton step still to go is at most
 * offset·sqrt(p) standard errors in every parameter.  A result of any
 * method but the first is polished by Levenberg–Marquardt from where it
 * ended ("polished" in the method text).  Last, up to LT_FIT_REFINE_MAX
 * Gauss–Newton steps are taken while each lowers the offset: trust-region
 * methods need a measurable fall in the RSS, which is flat to rounding
 * near the minimum, so they leave the parameters settled to about
 * sqrt(eps) of a standard error; these steps settle them to about eps
 * times the condition number.
 *
 * Accuracy: on the NIST StRD problems Misra1a, BoxBOD, Rat42 and Rat43,
 * from both NIST starts and from the automatic start, the parameters,
 * standard errors and RSS agree with the certified 11-digit values to
 * within 1e-10 relative (tests/test_fit.c asserts 1e-9).  In general the
 * returned point meets the acceptance test above; how close that is to
 * the true minimum in digits depends on the conditioning of J.  The
 * minimum found is a local one: a start in another basin gives another
 * answer, as with any local method.
 *
 * Standard errors are sqrt(s^2 · diag((J'J)^-1)) with s^2 = RSS / (n − p),
 * J the Jacobian at the estimate (gsl_multifit_nlinear_covar), as NIST
 * certifies them.  AICc = n·ln(RSS/n) + 2k + 2k(k+1)/(n−k−1) with k = p + 1
 * (the p curve parameters and the error variance; Burnham & Anderson,
 * Model Selection and Multimodel Inference, 2002, §2.2 for the
 * least-squares case and §2.4 for AICc); NaN when n − k − 1 <= 0
 * or RSS = 0, where it is not defined.
 *
 * Returns LT_OK and fills *OUT; LT_EINVAL for bad input (fewer than p + 1
 * points, fewer than p distinct x, a non-finite x, y or start value, b4 = 0
 * in a Richards start), with a message in DIAG; LT_ENOCONV when no run was
 * accepted, with a message saying what was tried and how the best attempt
 * failed (*OUT then holds that attempt, converged = 0); LT_ENOMEM. */
int lt_fit_run(lt_fit_model m, const double *x, const double *y, size_t n,
               const double *start, lt_fit *out, lt_diag *diag);

/* Automatic starting values for model M from the N points into B
 * (lt_fit_model_nparams(m) values), from linearising transforms:
 *   linear       ordinary least squares (the exact answer);
 *   exponential  least-squares line through (x, ln|y|) over the points
 *                whose y has the sign of the largest |y|:
 *                b1 = ±exp(intercept), b2 = slope;
 *   saturating   b1 = A, then ln(1 − y/b1) = −b2·x fitted through the
 *                origin over points with 0 < y/b1 < 1;
 *   logistic     b1 = A, then the line ln(b1/y − 1) = b2 − b3·x;
 *   gompertz     b1 = A, then the line ln(−ln(y/b1)) = ln b2 − b3·x;
 *   richards     the logistic fit (automatic start, then lt_fit_run) with
 *                b4 = 1, where the two curves coincide; the logistic
 *                start itself when that fit fails.
 * A is the asymptote guess LT_FIT_START_HEADROOM · the largest |y|, with
 * the sign of that y, so every point lies below it and the transforms are
 * defined.  When a transform has fewer than two usable points with
 * distinct x (one for the saturating model), the start falls back to
 * natural scales: a rate of 1 / (range of x), the logistic midpoint or
 * the Gompertz half-height at the mean x, an exponential or line that is
 * flat at the largest |y|.  Returns LT_OK, LT_EINVAL for n < 1 or
 * non-finite data, or LT_ENOMEM when the Richards refinement runs out of
 * memory. */
int lt_fit_start(lt_fit_model m, const double *x, const double *y, size_t n,
                 double *b);

/* The fitted curve of F at X into *Y, and its delta-method standard error
 * sqrt(g' Cov g), g the gradient of the model in b at X, into *SE (SE may
 * be NULL).  This is the standard error of the fitted mean, not of a new
 * observation (add sigma^2 under the root for that).  Returns LT_OK, or
 * LT_EINVAL when X is not finite or the value overflows. */
int lt_fit_predict(const lt_fit *f, double x, double *y, double *se);

#endif /* LT_FIT_H */
