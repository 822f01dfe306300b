/* fit.c - nonlinear least squares for growth curves (see fit.h).
 *
 * Design.  GSL's trust-region solver (gsl_multifit_nlinear) does the
 * minimising; this file supplies the models with analytic Jacobians, a
 * fixed sequence of trust-region methods with a restart, and the test that
 * decides whether an end point is an answer.  GSL's own stopping tests are
 * not scale invariant (its gradient test compares g_i·max(x_i, 1) with
 * max(||f||^2/2, 1)), so they only end a run; acceptance is our test: full
 * numerical rank and a small Bates–Watts relative offset (Bates & Watts,
 * "A relative offset orthogonality convergence criterion for nonlinear
 * least squares", Technometrics 23, 1981), which is invariant to the units
 * of x, y and every parameter.
 *
 * The solver works on data scaled by powers of two (x by 2^ex, y by 2^ey,
 * chosen from the largest |x| and |y|): every model depends on x only
 * through rate·x and is linear in its amplitude, so the scaled problem has
 * parameters that are exact power-of-two multiples of the real ones, and
 * nothing is rounded by the change.  The solver then sees residuals and
 * parameters of order one whatever the units, which keeps GSL's
 * absolute-or-relative tests and the overflow guard meaningful.
 *
 * References: J. J. Moré, "The Levenberg–Marquardt algorithm:
 * implementation and theory", Lecture Notes in Mathematics 630, 1978 (the
 * trust-region LM and its scaling); M. K. Transtrum & J. P. Sethna,
 * "Improvements to the Levenberg–Marquardt algorithm for nonlinear
 * least-squares minimization", arXiv:1201.5885, 2012 (geodesic
 * acceleration); the GSL manual, "Nonlinear Least-Squares Fitting"; NIST
 * StRD nonlinear regression (https://www.itl.nist.gov/div898/strd/nls/).
 */
#include "lotrinh/fit.h"

#include "lotrinh/alloc.h"

#include <float.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_vector.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- tolerances and limits ---------------------------------------------
 *
 * LT_FIT_XTOL: a run stops when every step component satisfies
 * |dx_i| < xtol^2 + xtol·|x_i| (GSL's xtol test).  1e-12 relative is about
 * 4500 ulps: tight enough that the parameters are settled far beyond the
 * 1e-6 the NIST comparison needs, loose enough to be met before rounding
 * makes every step fail (a run that ends that way instead stops with
 * GSL_ENOPROG and is judged by the acceptance test all the same). */
#define LT_FIT_XTOL 1e-12
/* LT_FIT_GTOL: GSL's gradient test is not scale invariant (see the top of
 * the file), so it is made to fire only at an exactly zero gradient, as in
 * an exact fit; stationarity is judged by LT_FIT_OFFSET_TOL instead. */
#define LT_FIT_GTOL 0.0
/* LT_FIT_FTOL: GSL 2.x ignores ftol (multifit_nlinear/convergence.c has
 * the test compiled out); 0 says so. */
#define LT_FIT_FTOL 0.0
/* LT_FIT_MAXITER: iterations allowed for one run.  The NIST problems here
 * need at most 31 from their hardest starts (BoxBOD start 1, counting the
 * polish; tests/test_fit.c checks <= 60); 500 leaves a wide margin and
 * bounds a hopeless run. */
#define LT_FIT_MAXITER 500
/* LT_FIT_OFFSET_TOL: the Bates–Watts relative offset at which an end point
 * is stationary.  The Gauss–Newton step still to go is then at most
 * offset·sqrt(p) standard errors in each parameter; 1e-6 bounds the error
 * this leaves far below the standard error, and so below the 1e-6 relative
 * agreement NIST asks for whenever se <= |b|, as on every StRD problem.
 * Bates & Watts suggest 1e-3 for statistical purposes; converged runs here
 * reach 1e-9 or less, so 1e-6 costs nothing. */
#define LT_FIT_OFFSET_TOL 1e-6
/* LT_FIT_EXACT_REL: a fit whose rms residual is below this fraction of the
 * rms of y is exact, and the offset (a ratio of two rounding errors then)
 * is not consulted.  Rounding leaves about 1e-15; 1e-10 leaves room for
 * cancellation in the models while staying far below any real noise. */
#define LT_FIT_EXACT_REL 1e-10
/* LT_FIT_RCOND_MIN: smallest reciprocal condition number of the Jacobian
 * with unit-length columns for the parameters to count as identified.  R's
 * nls stops with "singular gradient" when the QR of its gradient (qr(),
 * tolerance 1e-7 relative to the column norms) has rank below p; we take
 * the same 1e-7 as a bound on the condition.  Below it the standard
 * errors would lose more than half their digits, and the end point is
 * typically a parameter running off to infinity (a rate so large that its
 * exponential underflows, say), not a minimum. */
#define LT_FIT_RCOND_MIN 1e-7
/* LT_FIT_REFINE_MAX: Gauss–Newton steps taken from an accepted point while
 * each lowers the relative offset (see refine()).  Near a minimum the step
 * error shrinks by the Gauss–Newton contraction factor per step; 8 steps
 * reach the rounding floor from an offset of 1e-6 whenever that factor is
 * below about 0.1, and the loop stops earlier when a step stops helping. */
#define LT_FIT_REFINE_MAX 8
/* LT_FIT_START_HEADROOM: automatic starts put the asymptote this factor
 * above the largest |y|, so that every point lies strictly below it and
 * the linearising logarithms are defined; 10% is the customary margin. */
#define LT_FIT_START_HEADROOM 1.1

/* ---- models ------------------------------------------------------------ */

/* How a parameter scales when x is multiplied by sx and y by sy (see the
 * top of the file): an amplitude by sy, a rate by 1/sx, a slope by sy/sx,
 * a dimensionless shift or shape not at all. */
enum pkind { P_AMP, P_RATE, P_SLOPE, P_PURE };

static const struct model_info {
	const char *name;
	const char *formula;
	size_t p;
	enum pkind kind[LT_FIT_PMAX];
} models[LT_FIT_COUNT] = {
	[LT_FIT_LINEAR] = {"linear", "y = b1 + b2*x", 2,
	                     {P_AMP, P_SLOPE, P_PURE, P_PURE}},
	[LT_FIT_EXPONENTIAL] = {"exponential", "y = b1*exp(b2*x)", 2,
	                          {P_AMP, P_RATE, P_PURE, P_PURE}},
	[LT_FIT_LOGISTIC] = {"logistic", "y = b1/(1 + exp(b2 - b3*x))", 3,
	                       {P_AMP, P_PURE, P_RATE, P_PURE}},
	[LT_FIT_GOMPERTZ] = {"gompertz", "y = b1*exp(-b2*exp(-b3*x))", 3,
	                       {P_AMP, P_PURE, P_RATE, P_PURE}},
	[LT_FIT_RICHARDS] = {"richards",
	                       "y = b1/(1 + exp(b2 - b3*x))^(1/b4)", 4,
	                       {P_AMP, P_PURE, P_RATE, P_PURE}},
	[LT_FIT_SATURATING] = {"saturating", "y = b1*(1 - exp(-b2*x))", 2,
	                         {P_AMP, P_RATE, P_PURE, P_PURE}},
};

static int model_ok(lt_fit_model m)
{
	return (int)m >= 0 && (int)m < LT_FIT_COUNT;
}

int lt_fit_model_parse(const char *name, lt_fit_model *m)
{
	int i;

	if (name == NULL)
		return LT_EINVAL;
	for (i = 0; i < LT_FIT_COUNT; i++)
		if (strcmp(name, models[i].name) == 0) {
			*m = (lt_fit_model)i;
			return LT_OK;
		}
	return LT_EINVAL;
}

const char *lt_fit_model_name(lt_fit_model m)
{
	return model_ok(m) ? models[m].name : "?";
}

const char *lt_fit_model_formula(lt_fit_model m)
{
	return model_ok(m) ? models[m].formula : "?";
}

const char *lt_fit_model_list(void)
{
	return "linear, exponential, logistic, gompertz, richards, saturating";
}

size_t lt_fit_model_nparams(lt_fit_model m)
{
	return model_ok(m) ? models[m].p : 0;
}

/* 1 / (1 + exp(-u)) without overflow for either sign of u. */
static double sigmoid(double u)
{
	double e;

	if (u >= 0.0)
		return 1.0 / (1.0 + exp(-u));
	e = exp(u);
	return e / (1.0 + e);
}

/* ln(1 + exp(u)) without overflow: u + ln(1 + exp(-u)) for u > 0. */
static double log1pexp(double u)
{
	return u > 0.0 ? u + log1p(exp(-u)) : log1p(exp(u));
}

double lt_fit_model_eval(lt_fit_model m, const double *b, double x)
{
	switch (m) {
	case LT_FIT_LINEAR:
		return b[0] + b[1] * x;
	case LT_FIT_EXPONENTIAL:
		return b[0] * exp(b[1] * x);
	case LT_FIT_LOGISTIC:
		/* b1 / (1 + e^u) = b1 · sigmoid(-u), u = b2 - b3 x */
		return b[0] * sigmoid(-(b[1] - b[2] * x));
	case LT_FIT_GOMPERTZ:
		return b[0] * exp(-b[1] * exp(-b[2] * x));
	case LT_FIT_RICHARDS:
		/* (1 + e^u)^(-1/b4) = exp(-ln(1 + e^u) / b4) */
		return b[0] * exp(-log1pexp(b[1] - b[2] * x) / b[3]);
	case LT_FIT_SATURATING:
		return -b[0] * expm1(-b[1] * x);
	}
	return NAN;
}

void lt_fit_model_gradient(lt_fit_model m, const double *b, double x, double *g)
{
	double u, s, sm, e, w, q, L;

	switch (m) {
	case LT_FIT_LINEAR:
		g[0] = 1.0;
		g[1] = x;
		break;
	case LT_FIT_EXPONENTIAL:
		e = exp(b[1] * x);
		g[0] = e;
		g[1] = b[0] * x * e;
		break;
	case LT_FIT_LOGISTIC:
		/* d/du [1/(1+e^u)] = -sigmoid(-u)·sigmoid(u) */
		u = b[1] - b[2] * x;
		s = sigmoid(-u);
		sm = sigmoid(u);
		g[0] = s;
		g[1] = -b[0] * s * sm;
		g[2] = b[0] * x * s * sm;
		break;
	case LT_FIT_GOMPERTZ:
		w = exp(-b[2] * x);
		e = exp(-b[1] * w);
		/* w·e is 0 when e underflows, even when w overflowed */
		q = e > 0.0 ? w * e : 0.0;
		g[0] = e;
		g[1] = -b[0] * q;
		g[2] = b[0] * b[1] * x * q;
		break;
	case LT_FIT_RICHARDS:
		/* q = (1+e^u)^(-1/b4); dq/du = -q·sigmoid(u)/b4;
		 * dq/db4 = q·ln(1+e^u)/b4^2 */
		u = b[1] - b[2] * x;
		L = log1pexp(u);
		q = exp(-L / b[3]);
		sm = sigmoid(u);
		g[0] = q;
		g[1] = -b[0] * q * sm / b[3];
		g[2] = b[0] * q * sm * x / b[3];
		g[3] = b[0] * q * L / (b[3] * b[3]);
		break;
	case LT_FIT_SATURATING:
		e = exp(-b[1] * x);
		g[0] = -expm1(-b[1] * x);
		g[1] = b[0] * x * e;
		break;
	}
}

/* ---- the problem as the solver sees it --------------------------------- */

/* Scaled data and what GSL's callbacks need. */
struct problem {
	lt_fit_model m;
	size_t n, p;
	const double *x, *y;  /* the caller's data */
	double *xs, *ys;      /* scaled copies: x / sx, y / sy */
	double sx, sy;        /* powers of two */
	double factor[LT_FIT_PMAX]; /* scaled b_j = b_j · factor[j] */
	double blowup;        /* residual put in place of a non-finite one */
};

/* The power of two nearest above the largest |v| (1 when all are 0), so
 * that v / scale lies in (-1, 1] and dividing is exact. */
static double pow2_scale(const double *v, size_t n)
{
	double big = 0.0;
	size_t i;

	for (i = 0; i < n; i++)
		if (fabs(v[i]) > big)
			big = fabs(v[i]);
	return big > 0.0 ? ldexp(1.0, ilogb(big) + 1) : 1.0;
}

static void problem_set_scale(struct problem *pb)
{
	size_t j;

	pb->sx = pow2_scale(pb->x, pb->n);
	pb->sy = pow2_scale(pb->y, pb->n);
	for (j = 0; j < LT_FIT_PMAX; j++) {
		enum pkind k = models[pb->m].kind[j];

		pb->factor[j] = k == P_AMP ? 1.0 / pb->sy
		                : k == P_RATE ? pb->sx
		                : k == P_SLOPE ? pb->sx / pb->sy : 1.0;
	}
	for (j = 0; j < pb->n; j++) {
		pb->xs[j] = pb->x[j] / pb->sx;
		pb->ys[j] = pb->y[j] / pb->sy;
	}
	/* sqrt(n)·blowup = sqrt(DBL_MAX)/2: larger than the norm of any
	 * residual vector worth accepting, yet its square cannot overflow */
	pb->blowup = 0.5 * sqrt(DBL_MAX / (double)pb->n);
}

static void to_scaled(const struct problem *pb, const double *b, double *bs)
{
	size_t j;

	for (j = 0; j < pb->p; j++)
		bs[j] = b[j] * pb->factor[j];
}

static void from_scaled(const struct problem *pb, const double *bs, double *b)
{
	size_t j;

	for (j = 0; j < pb->p; j++)
		b[j] = bs[j] / pb->factor[j];
}

/* GSL callback: residuals r_i = f(x_i; b) - y_i of the scaled problem.  A
 * non-finite residual (the model overflowed at a trial point) becomes
 * pb->blowup in every component: GSL compares norms and would accept a
 * step whose norm is NaN, but rejects one this large. */
static int cb_f(const gsl_vector *bv, void *params, gsl_vector *r)
{
	const struct problem *pb = params;
	double b[LT_FIT_PMAX];
	size_t i;

	for (i = 0; i < pb->p; i++)
		b[i] = gsl_vector_get(bv, i);
	for (i = 0; i < pb->n; i++) {
		double v = lt_fit_model_eval(pb->m, b, pb->xs[i]) - pb->ys[i];

		if (!isfinite(v) || fabs(v) > pb->blowup) {
			gsl_vector_set_all(r, pb->blowup);
			return GSL_SUCCESS;
		}
		gsl_vector_set(r, i, v);
	}
	return GSL_SUCCESS;
}

/* GSL callback: the Jacobian J_ij = d f(x_i; b) / d b_j.  GSL evaluates it
 * only at accepted points; a non-finite entry there ends the run with
 * GSL_EDOM rather than feeding NaN to the linear algebra. */
static int cb_df(const gsl_vector *bv, void *params, gsl_matrix *J)
{
	const struct problem *pb = params;
	double b[LT_FIT_PMAX], g[LT_FIT_PMAX];
	size_t i, j;

	for (i = 0; i < pb->p; i++)
		b[i] = gsl_vector_get(bv, i);
	for (i = 0; i < pb->n; i++) {
		lt_fit_model_gradient(pb->m, b, pb->xs[i], g);
		for (j = 0; j < pb->p; j++) {
			if (!isfinite(g[j]))
				return GSL_EDOM;
			gsl_matrix_set(J, i, j, g[j]);
		}
	}
	return GSL_SUCCESS;
}

/* ---- acceptance -------------------------------------------------------- */

/* How one run ended. */
struct attempt {
	int accepted;
	int usable;           /* ended at a finite point with a residual */
	double bs[LT_FIT_PMAX]; /* end point, scaled */
	size_t iterations;
	double rss_s;         /* RSS of the scaled problem */
	double offset, rcond;
	char why[160];        /* why it was not accepted */
};

/* Reciprocal condition number of J with its columns scaled to unit length,
 * from the singular values (0 when a column is zero).  A, V, S, WORK are
 * workspaces of n×p, p×p, p, p.  Returns a GSL status. */
static int scaled_rcond(const gsl_matrix *J, gsl_matrix *A, gsl_matrix *V,
                        gsl_vector *S, gsl_vector *work, double *rcond)
{
	size_t j;
	int status;

	gsl_matrix_memcpy(A, J);
	*rcond = 0.0;
	for (j = 0; j < A->size2; j++) {
		gsl_vector_view c = gsl_matrix_column(A, j);
		double norm = gsl_blas_dnrm2(&c.vector);

		if (!(norm > 0.0) || !isfinite(norm))
			return GSL_SUCCESS;
		gsl_vector_scale(&c.vector, 1.0 / norm);
	}
	status = gsl_linalg_SV_decomp(A, V, S, work);
	if (status != GSL_SUCCESS)
		return status;
	*rcond = gsl_vector_get(S, A->size2 - 1) / gsl_vector_get(S, 0);
	return GSL_SUCCESS;
}

/* The Bates–Watts relative offset ||Q1'r|| / ||r|| · sqrt((n-p)/p), Q1 the
 * first p columns of the QR factors of J.  QR (n×p), TAU (p) and QTR (n)
 * are workspaces.  *OFFSET is 0 when r = 0.  Returns a GSL status. */
static int relative_offset(const gsl_matrix *J, const gsl_vector *r,
                           gsl_matrix *QR, gsl_vector *tau, gsl_vector *qtr,
                           double *offset)
{
	size_t n = J->size1, p = J->size2;
	double rnorm = gsl_blas_dnrm2(r);
	gsl_vector_view top;
	int status;

	*offset = 0.0;
	if (rnorm == 0.0)
		return GSL_SUCCESS;
	gsl_matrix_memcpy(QR, J);
	status = gsl_linalg_QR_decomp(QR, tau);
	if (status == GSL_SUCCESS) {
		gsl_vector_memcpy(qtr, r);
		status = gsl_linalg_QR_QTvec(QR, tau, qtr);
	}
	if (status != GSL_SUCCESS)
		return status;
	top = gsl_vector_subvector(qtr, 0, p);
	*offset = gsl_blas_dnrm2(&top.vector) / rnorm *
	          sqrt((double)(n - p) / (double)p);
	return GSL_SUCCESS;
}

/* Workspaces for judging an end point, allocated once per fit. */
struct judge {
	gsl_matrix *J, *A, *V;
	gsl_vector *r, *S, *work, *tau, *qtr, *step;
};

static void judge_free(struct judge *jd)
{
	gsl_matrix_free(jd->J);
	gsl_matrix_free(jd->A);
	gsl_matrix_free(jd->V);
	gsl_vector_free(jd->r);
	gsl_vector_free(jd->S);
	gsl_vector_free(jd->work);
	gsl_vector_free(jd->tau);
	gsl_vector_free(jd->qtr);
	gsl_vector_free(jd->step);
}

static int judge_alloc(struct judge *jd, size_t n, size_t p)
{
	jd->J = gsl_matrix_alloc(n, p);
	jd->A = gsl_matrix_alloc(n, p);
	jd->V = gsl_matrix_alloc(p, p);
	jd->r = gsl_vector_alloc(n);
	jd->S = gsl_vector_alloc(p);
	jd->work = gsl_vector_alloc(p);
	jd->tau = gsl_vector_alloc(p);
	jd->qtr = gsl_vector_alloc(n);
	jd->step = gsl_vector_alloc(p);
	if (jd->J == NULL || jd->A == NULL || jd->V == NULL || jd->r == NULL ||
	    jd->S == NULL || jd->work == NULL || jd->tau == NULL ||
	    jd->qtr == NULL || jd->step == NULL) {
		judge_free(jd);
		return LT_ENOMEM;
	}
	return LT_OK;
}

/* Decide whether the end point a->bs is an answer (see lt_fit_run in
 * fit.h): sets a->rss_s, a->offset, a->rcond, a->usable, a->accepted, and
 * a->why when it is not. */
static void judge_point(struct problem *pb, struct judge *jd,
                        struct attempt *a)
{
	gsl_vector_view bv = gsl_vector_view_array(a->bs, pb->p);
	double ms_y = 0.0;
	size_t i;
	int status;

	a->accepted = a->usable = 0;
	for (i = 0; i < pb->p; i++)
		if (!isfinite(a->bs[i])) {
			snprintf(a->why, sizeof a->why, "a parameter became infinite");
			return;
		}
	cb_f(&bv.vector, pb, jd->r);
	if (gsl_vector_get(jd->r, 0) == pb->blowup) {
		snprintf(a->why, sizeof a->why, "the model overflows");
		return;
	}
	a->rss_s = 0.0;
	for (i = 0; i < pb->n; i++) {
		double v = gsl_vector_get(jd->r, i);
		a->rss_s += v * v;
		ms_y += pb->ys[i] * pb->ys[i];
	}
	if (cb_df(&bv.vector, pb, jd->J) != GSL_SUCCESS) {
		snprintf(a->why, sizeof a->why, "the Jacobian is not finite");
		return;
	}
	a->usable = 1;
	status = scaled_rcond(jd->J, jd->A, jd->V, jd->S, jd->work, &a->rcond);
	if (status == GSL_SUCCESS)
		status = relative_offset(jd->J, jd->r, jd->A, jd->tau, jd->qtr,
		                         &a->offset);
	if (status != GSL_SUCCESS) {
		snprintf(a->why, sizeof a->why, "%s", gsl_strerror(status));
		return;
	}
	if (!(a->rcond >= LT_FIT_RCOND_MIN)) {
		snprintf(a->why, sizeof a->why, "the parameters are not identifiable "
		         "there (Jacobian condition %.3g)", 1.0 / a->rcond);
		return;
	}
	if (a->rss_s > LT_FIT_EXACT_REL * LT_FIT_EXACT_REL * ms_y &&
	    !(a->offset <= LT_FIT_OFFSET_TOL)) {
		snprintf(a->why, sizeof a->why, "stopped short of a minimum "
		         "(relative offset %.3g)", a->offset);
		return;
	}
	a->accepted = 1;
}

/* ---- runs -------------------------------------------------------------- */

/* The methods tried, in order, with their names for messages. */
static const struct method {
	const char *name;
	const gsl_multifit_nlinear_trs **trs;
} methods[] = {
	{"levenberg-marquardt", &gsl_multifit_nlinear_trs_lm},
	{"geodesic levenberg-marquardt", &gsl_multifit_nlinear_trs_lmaccel},
	{"double dogleg", &gsl_multifit_nlinear_trs_ddogleg},
	{"2d subspace", &gsl_multifit_nlinear_trs_subspace2D},
};
#define N_METHODS (sizeof methods / sizeof *methods)

/* One run of method METHOD from the scaled start BS0: init, iterate until
 * GSL's tests or LT_FIT_MAXITER stop it, then judge the end point into *A.
 * Returns LT_OK (the run happened, whatever its outcome) or LT_ENOMEM. */
static int run_method(struct problem *pb, struct judge *jd,
                      const struct method *method, const double *bs0,
                      struct attempt *a)
{
	gsl_multifit_nlinear_parameters par =
		gsl_multifit_nlinear_default_parameters();
	gsl_multifit_nlinear_fdf fdf;
	gsl_multifit_nlinear_workspace *w;
	gsl_vector_const_view b0 = gsl_vector_const_view_array(bs0, pb->p);
	int status, info = 0;
	size_t i, iter = 0;
	const char *stop = NULL;

	memset(a, 0, sizeof *a);
	par.trs = *method->trs;
	par.scale = gsl_multifit_nlinear_scale_more;
	par.solver = gsl_multifit_nlinear_solver_qr;
	fdf.f = cb_f;
	fdf.df = cb_df;
	fdf.fvv = NULL; /* geodesic acceleration: finite differences */
	fdf.n = pb->n;
	fdf.p = pb->p;
	fdf.params = pb;
	w = gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &par, pb->n,
	                               pb->p);
	if (w == NULL)
		return LT_ENOMEM;
	status = gsl_multifit_nlinear_init(&b0.vector, &fdf, w);
	if (status == GSL_EDOM) /* from cb_df */
		stop = "the model's derivatives overflow at the start";
	else if (status != GSL_SUCCESS)
		stop = gsl_strerror(status);
	else if (gsl_vector_get(gsl_multifit_nlinear_residual(w), 0) == pb->blowup)
		stop = "the model overflows at the start";
	while (stop == NULL && iter < LT_FIT_MAXITER) {
		status = gsl_multifit_nlinear_iterate(w);
		iter++;
		if (status == GSL_ENOPROG)
			break; /* no step reduces the RSS: judged below */
		if (status != GSL_SUCCESS) {
			stop = status == GSL_EDOM ? "the model's derivatives overflow"
			       : gsl_strerror(status);
			break;
		}
		status = gsl_multifit_nlinear_test(LT_FIT_XTOL, LT_FIT_GTOL,
		                                   LT_FIT_FTOL, &info, w);
		if (status == GSL_SUCCESS)
			break;
		if (status != GSL_CONTINUE) {
			stop = gsl_strerror(status);
			break;
		}
	}
	for (i = 0; i < pb->p; i++)
		a->bs[i] = gsl_vector_get(gsl_multifit_nlinear_position(w), i);
	a->iterations = iter;
	gsl_multifit_nlinear_free(w);
	if (stop != NULL) {
		snprintf(a->why, sizeof a->why, "%s", stop);
		return LT_OK;
	}
	judge_point(pb, jd, a);
	if (!a->accepted && iter >= LT_FIT_MAXITER)
		snprintf(a->why, sizeof a->why, "no convergence in %d iterations",
		         LT_FIT_MAXITER);
	return LT_OK;
}

/* Refine the accepted attempt *A by Gauss–Newton steps b <- b + d, d the
 * least-squares solution of J d = -r (QR), keeping each step only when the
 * new point is accepted too and has a smaller relative offset; at most
 * LT_FIT_REFINE_MAX steps.  Why: near the minimum the RSS is flat to
 * rounding (it changes by ~eps·RSS when b moves by sqrt(eps) standard
 * errors), so trust-region methods, which accept a step only on a
 * measurable decrease, stop with the parameters settled to about sqrt(eps)
 * of a standard error.  The offset measures the gradient directly, so
 * steps judged by it settle them to about eps times the condition number.
 * An exact fit (offset 0) needs no refinement. */
static void refine(struct problem *pb, struct judge *jd, struct attempt *a)
{
	gsl_vector *d = jd->step;
	struct attempt t;
	size_t k, j;
	int status = GSL_SUCCESS;

	for (k = 0; k < LT_FIT_REFINE_MAX && a->offset > 0.0; k++) {
		gsl_vector_view bv = gsl_vector_view_array(a->bs, pb->p);

		cb_f(&bv.vector, pb, jd->r);
		status = cb_df(&bv.vector, pb, jd->J);
		if (status == GSL_SUCCESS) {
			gsl_matrix_memcpy(jd->A, jd->J);
			status = gsl_linalg_QR_decomp(jd->A, jd->tau);
		}
		if (status == GSL_SUCCESS)
			status = gsl_linalg_QR_lssolve(jd->A, jd->tau, jd->r, d, jd->qtr);
		if (status != GSL_SUCCESS)
			break;
		t = *a;
		for (j = 0; j < pb->p; j++)
			t.bs[j] = a->bs[j] - gsl_vector_get(d, j);
		judge_point(pb, jd, &t);
		if (!t.accepted || !(t.offset < a->offset))
			break;
		*a = t;
	}
}

/* ---- the public fit ---------------------------------------------------- */

/* Check the data and start of lt_fit_run; LT_OK or LT_EINVAL with a
 * message. */
static int check_input(lt_fit_model m, const double *x, const double *y,
                       size_t n, const double *start, lt_diag *diag)
{
	size_t p = lt_fit_model_nparams(m), i, j, distinct = 0;

	if (!model_ok(m))
		LT_ERROR(diag, LT_EINVAL, "unknown model %d", (int)m);
	if (n < p + 1)
		LT_ERROR(diag, LT_EINVAL, "the %s model has %zu parameters and needs "
		         "at least %zu observations (got %zu)", models[m].name, p,
		         p + 1, n);
	if (x == NULL || y == NULL)
		LT_ERROR(diag, LT_EINVAL, "no data");
	for (i = 0; i < n; i++)
		if (!isfinite(x[i]) || !isfinite(y[i]))
			LT_ERROR(diag, LT_EINVAL, "observation %zu is not finite "
			         "(x = %g, y = %g)", i + 1, x[i], y[i]);
	for (i = 0; i < n && distinct < p; i++) {
		for (j = 0; j < i && x[j] != x[i]; j++)
			;
		distinct += j == i;
	}
	if (distinct < p)
		LT_ERROR(diag, LT_EINVAL, "the %s model needs at least %zu distinct "
		         "x values (got %zu)", models[m].name, p, distinct);
	if (start == NULL)
		return LT_OK;
	for (i = 0; i < p; i++)
		if (!isfinite(start[i]))
			LT_ERROR(diag, LT_EINVAL, "start value b%zu is not finite", i + 1);
	if (m == LT_FIT_RICHARDS && start[3] == 0.0)
		LT_ERROR(diag, LT_EINVAL, "start value b4 of the richards model must "
		         "not be 0 (the exponent is 1/b4)");
	return LT_OK;
}

/* Fill the statistics of OUT from the accepted scaled point A: parameters,
 * RSS, sigma, covariance and standard errors, AICc.  Returns LT_OK, or
 * LT_ENOCONV when GSL cannot form the covariance. */
static int fill_result(struct problem *pb, struct judge *jd,
                       const struct attempt *a, lt_fit *out, lt_diag *diag)
{
	gsl_vector_const_view bv = gsl_vector_const_view_array(a->bs, pb->p);
	gsl_matrix_view cv;
	double cov[LT_FIT_PMAX * LT_FIT_PMAX];
	double k = (double)pb->p + 1.0, nd = (double)pb->n;
	size_t i, j;
	int status;

	from_scaled(pb, a->bs, out->b);
	out->rss = a->rss_s * pb->sy * pb->sy;
	out->sigma = sqrt(out->rss / (double)out->dof);
	out->offset = a->offset;
	cv = gsl_matrix_view_array(cov, pb->p, pb->p);
	status = cb_df(&bv.vector, pb, jd->J);
	if (status == GSL_SUCCESS)
		status = gsl_multifit_nlinear_covar(jd->J, 0.0, &cv.matrix);
	if (status != GSL_SUCCESS)
		LT_ERROR(diag, LT_ENOCONV, "cannot form the covariance: %s",
		         gsl_strerror(status));
	/* the scaled problem has s_s^2 = s^2 / sy^2 and Cov(b_s) =
	 * s_s^2 (J_s'J_s)^-1; b = b_s / factor, so Cov(b)_ij = Cov(b_s)_ij /
	 * (factor_i factor_j) */
	for (i = 0; i < pb->p; i++)
		for (j = 0; j < pb->p; j++)
			out->cov[i][j] = a->rss_s / (double)out->dof * cov[i * pb->p + j] /
			                 (pb->factor[i] * pb->factor[j]);
	for (i = 0; i < pb->p; i++)
		out->se[i] = sqrt(out->cov[i][i]);
	out->aicc = nd - k - 1.0 > 0.0 && out->rss > 0.0
	            ? nd * log(out->rss / nd) + 2.0 * k +
	              2.0 * k * (k + 1.0) / (nd - k - 1.0)
	            : NAN;
	return LT_OK;
}

/* Try every method from the scaled start BS0 (FROM names it in messages),
 * keeping the best unaccepted attempt in *BEST.  Returns LT_OK with
 * *WON set to the accepted attempt's method index or -1, or LT_ENOMEM. */
static int try_methods(struct problem *pb, struct judge *jd,
                       const double *bs0, struct attempt *won_at, int *won,
                       struct attempt *best)
{
	struct attempt a;
	size_t k;
	int status;

	*won = -1;
	for (k = 0; k < N_METHODS; k++) {
		status = run_method(pb, jd, &methods[k], bs0, &a);
		if (status != LT_OK)
			return status;
		if (a.accepted) {
			*won_at = a;
			*won = (int)k;
			return LT_OK;
		}
		/* the best failure: the lowest RSS, else the first */
		if ((a.usable && (!best->usable || a.rss_s < best->rss_s)) ||
		    (!best->usable && best->why[0] == '\0'))
			*best = a;
	}
	return LT_OK;
}

/* Polish the accepted attempt *A with Levenberg–Marquardt from its end
 * point; the polished point replaces it when it is accepted too and its
 * RSS is no larger.  Sets *POLISHED.  Returns LT_OK or LT_ENOMEM. */
static int polish(struct problem *pb, struct judge *jd, struct attempt *a,
                  int *polished)
{
	struct attempt b;
	int status = run_method(pb, jd, &methods[0], a->bs, &b);

	*polished = 0;
	if (status != LT_OK)
		return status;
	if (b.accepted && b.rss_s <= a->rss_s) {
		b.iterations += a->iterations;
		*a = b;
		*polished = 1;
	}
	return LT_OK;
}

/* Raise the LT_ENOCONV message: what was tried, where the best attempt
 * ended and why it was refused. */
static void describe_failure(const struct problem *pb, const double *start,
                             const struct attempt *best, lt_diag *diag)
{
	char where[160] = "";
	double b[LT_FIT_PMAX];
	size_t j, len;

	if (best->usable) {
		from_scaled(pb, best->bs, b);
		len = (size_t)snprintf(where, sizeof where, " at b = (");
		for (j = 0; j < pb->p && len < sizeof where; j++)
			len += (size_t)snprintf(where + len, sizeof where - len, "%s%.6g",
			                        j > 0 ? ", " : "", b[j]);
		if (len < sizeof where)
			snprintf(where + len, sizeof where - len, "), RSS %.6g",
			         best->rss_s * pb->sy * pb->sy);
	}
	lt_error_raise(diag, LT_ENOCONV, NULL, 0, "no convergence for the %s "
	               "model: tried levenberg-marquardt, geodesic "
	               "levenberg-marquardt, double dogleg and 2d subspace (more "
	               "scaling, at most %d iterations each) from %s; the best "
	               "attempt ended%s: %s", models[pb->m].name, LT_FIT_MAXITER,
	               start != NULL ? "the given start and from the automatic "
	               "start" : "the automatic start", where,
	               best->why[0] != '\0' ? best->why : "no usable point");
}

/* The fit itself, once the input is valid and the workspaces exist. */
static int fit_core(struct problem *pb, struct judge *jd, const double *start,
                    lt_fit *out, lt_diag *diag)
{
	double b0[LT_FIT_PMAX], bs0[LT_FIT_PMAX];
	struct attempt won_at, best;
	int status, won = -1, polished = 0, round;

	memset(&best, 0, sizeof best);
	for (round = start != NULL ? 0 : 1; round < 2 && won < 0; round++) {
		if (round == 0) {
			memcpy(b0, start, pb->p * sizeof *b0);
		} else if ((status = lt_fit_start(pb->m, pb->x, pb->y, pb->n, b0))
		           != LT_OK) {
			if (status == LT_ENOMEM)
				LT_ERROR(diag, LT_ENOMEM, "out of memory");
			LT_ERROR(diag, LT_EINVAL, "no automatic start for these data");
		}
		to_scaled(pb, b0, bs0);
		status = try_methods(pb, jd, bs0, &won_at, &won, &best);
		if (status != LT_OK)
			LT_ERROR(diag, status, "out of memory");
	}
	round--; /* the round that ran last */
	if (won < 0) {
		out->converged = 0;
		if (best.usable) {
			from_scaled(pb, best.bs, out->b);
			out->rss = best.rss_s * pb->sy * pb->sy;
			out->offset = best.offset;
		}
		out->iterations = best.iterations;
		describe_failure(pb, start, &best, diag);
		return LT_ENOCONV;
	}
	if (won > 0) {
		status = polish(pb, jd, &won_at, &polished);
		if (status != LT_OK)
			LT_ERROR(diag, status, "out of memory");
	}
	refine(pb, jd, &won_at);
	snprintf(out->method, sizeof out->method, "%s, more scaling, from the "
	         "%s start%s", methods[won].name, round == 0 ? "given" :
	         "automatic", polished ? ", polished" : "");
	out->iterations = won_at.iterations;
	out->converged = 1;
	return fill_result(pb, jd, &won_at, out, diag);
}

int lt_fit_run(lt_fit_model m, const double *x, const double *y, size_t n,
               const double *start, lt_fit *out, lt_diag *diag)
{
	struct problem pb;
	struct judge jd;
	int status;

	memset(out, 0, sizeof *out);
	out->aicc = NAN;
	status = check_input(m, x, y, n, start, diag);
	if (status != LT_OK)
		return status;
	out->model = m;
	out->n = n;
	out->p = lt_fit_model_nparams(m);
	out->dof = n - out->p;
	pb.m = m;
	pb.n = n;
	pb.p = out->p;
	pb.x = x;
	pb.y = y;
	pb.xs = lt_malloc(2 * n * sizeof *pb.xs);
	if (pb.xs == NULL)
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	pb.ys = pb.xs + n;
	problem_set_scale(&pb);
	if (judge_alloc(&jd, n, pb.p) != LT_OK) {
		free(pb.xs);
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	}
	status = fit_core(&pb, &jd, start, out, diag);
	judge_free(&jd);
	free(pb.xs);
	return status;
}

/* ---- automatic starting values ----------------------------------------- */

/* The linearising transform of model M for the automatic start (see
 * lt_fit_start): maps the point (X, Y) to (*U, *V) on a line, given the
 * asymptote guess A; returns 0 when the point cannot be used. */
static int linearise(lt_fit_model m, double A, double x, double y, double *u,
                     double *v)
{
	double r = A != 0.0 ? y / A : 0.0;

	*u = x;
	switch (m) {
	case LT_FIT_LINEAR:
		*v = y;
		return 1;
	case LT_FIT_EXPONENTIAL:
		/* A carries the sign of the largest |y| */
		if (!(r > 0.0))
			return 0;
		*v = log(fabs(y));
		return 1;
	case LT_FIT_SATURATING:
		if (!(r > 0.0 && r < 1.0) || x == 0.0)
			return 0;
		*v = log1p(-r);
		return 1;
	case LT_FIT_LOGISTIC:
	case LT_FIT_RICHARDS:
		if (!(r > 0.0 && r < 1.0))
			return 0;
		*v = log(1.0 / r - 1.0);
		return 1;
	case LT_FIT_GOMPERTZ:
		if (!(r > 0.0 && r < 1.0))
			return 0;
		*v = log(-log(r));
		return 1;
	}
	return 0;
}

/* Least-squares line v = a + c·u through the usable transformed points,
 * two-pass (centred) for accuracy.  When THROUGH_ORIGIN, a = 0 and c
 * minimises sum (v - c·u)^2.  Returns 0, or -1 when fewer than two usable
 * points have distinct u (one for a line through the origin). */
static int fit_line(lt_fit_model m, double A, const double *x, const double *y,
                    size_t n, int through_origin, double *a, double *c)
{
	double su = 0.0, sv = 0.0, suu = 0.0, suv = 0.0, u, v, ub, vb;
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (linearise(m, A, x[i], y[i], &u, &v)) {
			su += u;
			sv += v;
			k++;
		}
	if (k == 0)
		return -1;
	ub = through_origin ? 0.0 : su / (double)k;
	vb = through_origin ? 0.0 : sv / (double)k;
	for (i = 0; i < n; i++)
		if (linearise(m, A, x[i], y[i], &u, &v)) {
			suu += (u - ub) * (u - ub);
			suv += (u - ub) * (v - vb);
		}
	if (!(suu > 0.0))
		return -1;
	*c = suv / suu;
	*a = vb - *c * ub;
	return isfinite(*a) && isfinite(*c) ? 0 : -1;
}

/* Mean and range of x. */
static void x_stats(const double *x, size_t n, double *mean, double *range)
{
	double lo = x[0], hi = x[0], s = 0.0;
	size_t i;

	for (i = 0; i < n; i++) {
		s += x[i];
		lo = x[i] < lo ? x[i] : lo;
		hi = x[i] > hi ? x[i] : hi;
	}
	*mean = s / (double)n;
	*range = hi - lo;
}

int lt_fit_start(lt_fit_model m, const double *x, const double *y, size_t n,
                 double *b)
{
	double ext = 0.0, A, a, c, xbar, range, rate;
	size_t i;
	int ok;

	if (!model_ok(m) || n < 1 || x == NULL || y == NULL)
		return LT_EINVAL;
	for (i = 0; i < n; i++) {
		if (!isfinite(x[i]) || !isfinite(y[i]))
			return LT_EINVAL;
		if (fabs(y[i]) > fabs(ext))
			ext = y[i];
	}
	A = LT_FIT_START_HEADROOM * ext;
	x_stats(x, n, &xbar, &range);
	/* the natural rate when the data give none: one e-fold over the range */
	rate = range > 0.0 ? 1.0 / range : 1.0;
	ok = fit_line(m, A, x, y, n, m == LT_FIT_SATURATING, &a, &c) == 0;
	switch (m) {
	case LT_FIT_LINEAR:
		b[0] = ok ? a : ext;
		b[1] = ok ? c : 0.0;
		break;
	case LT_FIT_EXPONENTIAL:
		b[0] = ok ? copysign(exp(a), ext) : ext;
		b[1] = ok ? c : 0.0;
		break;
	case LT_FIT_SATURATING:
		b[0] = A;
		b[1] = ok && -c > 0.0 ? -c : rate;
		break;
	case LT_FIT_LOGISTIC:
	case LT_FIT_RICHARDS:
		/* y = b1/2 at x = b2/b3 when the line gives nothing */
		b[0] = A;
		b[2] = ok ? -c : rate;
		b[1] = ok ? a : rate * xbar;
		if (m == LT_FIT_RICHARDS)
			b[3] = 1.0;
		break;
	case LT_FIT_GOMPERTZ:
		/* y = b1/2 at the mean x when the line gives nothing */
		b[0] = A;
		b[2] = ok ? -c : rate;
		b[1] = ok ? exp(a) : M_LN2 * exp(b[2] * xbar);
		break;
	}
	if (m == LT_FIT_RICHARDS && n >= 4) {
		lt_fit lf;
		int rc;

		/* refine by the logistic fit, which is Richards with b4 = 1; a
		 * logistic that does not converge leaves the linearised start,
		 * but no memory is an error */
		rc = lt_fit_run(LT_FIT_LOGISTIC, x, y, n, NULL, &lf, NULL);
		if (rc == LT_OK)
			memcpy(b, lf.b, 3 * sizeof *b);
		else if (rc == LT_ENOMEM)
			return LT_ENOMEM;
	}
	for (i = 0; i < lt_fit_model_nparams(m); i++)
		if (!isfinite(b[i]))
			return LT_EINVAL;
	return LT_OK;
}

/* ---- prediction -------------------------------------------------------- */

int lt_fit_predict(const lt_fit *f, double x, double *y, double *se)
{
	double g[LT_FIT_PMAX], var = 0.0;
	size_t i, j;

	if (!model_ok(f->model) || !isfinite(x))
		return LT_EINVAL;
	*y = lt_fit_model_eval(f->model, f->b, x);
	if (!isfinite(*y))
		return LT_EINVAL;
	if (se == NULL)
		return LT_OK;
	/* delta method: Var(f(x; b)) ~ g' Cov(b) g, g = df/db at the estimate */
	lt_fit_model_gradient(f->model, f->b, x, g);
	for (i = 0; i < f->p; i++)
		for (j = 0; j < f->p; j++)
			var += g[i] * f->cov[i][j] * g[j];
	/* a covariance matrix is positive semi-definite; a negative sum is
	 * rounding in a nearly singular one */
	*se = sqrt(var > 0.0 ? var : 0.0);
	return isfinite(*se) ? LT_OK : LT_EINVAL;
}
