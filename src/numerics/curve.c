/* curve.c - required paths from a baseline to a target (see curve.h).
 *
 * Every family is evaluated through one small "evaluator": prepare it once
 * from the spec (transformed end values, or the Steffen interpolant), then
 * ask it for y at any t.  lt_path_build and lt_path_value_at share it, so
 * the yearly table and the closed form cannot drift apart.  Transforms are
 * computed from the distances y - L and U - y rather than from x and 1 - x,
 * so a value 0.001 below a ceiling of 100 keeps its digits.
 */
#include "lotrinh/curve.h"

#include "lotrinh/alloc.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_interp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const path_names[LT_PATH_KINDS] = {
	"linear", "cagr", "logistic", "gompertz", "milestones"
};

const char *lt_path_name(lt_path_kind k)
{
	if ((int)k < 0 || (int)k >= LT_PATH_KINDS)
		return "unknown";
	return path_names[k];
}

/* ---- the evaluator --------------------------------------------------- */

/* Everything needed to evaluate one family at any t. */
typedef struct path_eval {
	lt_path_kind kind; /* the family actually used (milestones with two
	                      points become linear) */
	double t0, t1, y0, y1, lo, hi;
	double a0, a1;     /* transformed end values: logit or ln(-ln x) */
	gsl_interp *interp; /* milestones only */
	double *xs, *ys;    /* milestone points, owned */
	size_t np;
} path_eval;

/* The logit of y between L and U, from the distances to both bounds:
 * ln(x / (1 - x)) = ln((y - L) / (U - y)). */
static double logit_of(double y, double lo, double hi)
{
	return log((y - lo) / (hi - y));
}

/* y for logit z: L + (U - L) / (1 + e^-z).  For z > 0 (upper half) write it
 * as U - (U - L) / (1 + e^z) so that values near the ceiling keep their
 * distance to it accurately. */
static double logit_inverse(double z, double lo, double hi)
{
	if (z > 0)
		return hi - (hi - lo) / (1 + exp(z));
	return lo + (hi - lo) / (1 + exp(-z));
}

/* w = ln(-ln x) with x = (y - L) / (U - L).  ln x is formed from whichever
 * distance to a bound is small, so that it never cancels: near the floor
 * (x < 1/2) as log((y - L)/(U - L)), which keeps the relative accuracy of
 * y - L however small x is; near the ceiling as log1p(-(U - y)/(U - L)),
 * which keeps that of U - y as x -> 1.  (log1p alone, as before, rounded
 * 1 - x first and lost digits of x near the floor: a baseline of 1e-12
 * under a ceiling of 100 came out 3e-4 off.) */
static double gompertz_of(double y, double lo, double hi)
{
	double below = y - lo, above = hi - y;
	double ln_x = below < above ? log(below / (hi - lo))
	                            : log1p(-above / (hi - lo));

	return log(-ln_x);
}

/* ln 2: x = exp(-e^w) is above 1/2 exactly when e^w < ln 2. */
#define LN_2 0.693147180559945309417232121458

/* y for w: x = exp(-e^w).  Above x = 1/2 use 1 - x = -expm1(-e^w) and
 * count down from the ceiling, for the same reason as logit_inverse. */
static double gompertz_inverse(double w, double lo, double hi)
{
	double e = exp(w);

	if (e < LN_2) /* x = exp(-e) > 1/2 */
		return hi - (hi - lo) * -expm1(-e);
	return lo + (hi - lo) * exp(-e);
}

/* 1 when lo < y < hi with both bounds finite. */
static int strictly_inside(double y, double lo, double hi)
{
	return isfinite(lo) && isfinite(hi) && lo < y && y < hi;
}

/* Check that SPEC is well formed; records the first problem in DIAG. */
static int spec_check(const lt_path_spec *spec, lt_diag *diag)
{
	size_t i;

	if (spec->t1 <= spec->t0)
		LT_ERROR(diag, LT_EINVAL, "path: the target year %d must be after "
		         "the start year %d", spec->t1, spec->t0);
	if (!isfinite(spec->y0) || !isfinite(spec->y1))
		LT_ERROR(diag, LT_EINVAL, "path: the start and target values must "
		         "be finite (got %g and %g)", spec->y0, spec->y1);
	if (isnan(spec->lo) || isnan(spec->hi) || !(spec->lo < spec->hi))
		LT_ERROR(diag, LT_EINVAL, "path: the floor %g must be below the "
		         "ceiling %g", spec->lo, spec->hi);
	if (spec->n_knots > 0 && spec->knots == NULL)
		LT_ERROR(diag, LT_EINVAL, "path: %zu milestones but no list",
		         spec->n_knots);
	for (i = 0; i < spec->n_knots; i++) {
		const lt_point *k = &spec->knots[i];
		int prev = i == 0 ? spec->t0 : spec->knots[i - 1].year;

		if (k->year <= spec->t0 || k->year > spec->t1)
			LT_ERROR(diag, LT_EINVAL, "path: milestone year %d is outside "
			         "%d-%d (after the start year, up to the target "
			         "year)", k->year, spec->t0 + 1, spec->t1);
		if (k->year <= prev)
			LT_ERROR(diag, LT_EINVAL, "path: milestone years must increase "
			         "(%d comes after %d)", k->year, prev);
		if (!isfinite(k->value))
			LT_ERROR(diag, LT_EINVAL, "path: the milestone for %d is not "
			         "finite", k->year);
	}
	return LT_OK;
}

/* 1 when the KIND family applies to the (valid) SPEC; otherwise 0 with the
 * reason in WHY. */
static int family_applies(lt_path_kind kind, const lt_path_spec *spec,
                          char *why, size_t size)
{
	const lt_point *last;

	switch (kind) {
	case LT_PATH_LINEAR:
		return 1;
	case LT_PATH_CAGR:
		if (spec->y0 > 0 && spec->y1 > 0)
			return 1;
		snprintf(why, size, "a constant growth rate needs positive values "
		         "(got %g and %g)", spec->y0, spec->y1);
		return 0;
	case LT_PATH_LOGISTIC:
	case LT_PATH_GOMPERTZ:
		if (strictly_inside(spec->y0, spec->lo, spec->hi) &&
		    strictly_inside(spec->y1, spec->lo, spec->hi))
			return 1;
		snprintf(why, size, "a %s path needs the values strictly between "
		         "floor %g and ceiling %g (got %g and %g)",
		         kind == LT_PATH_LOGISTIC ? "logistic" : "Gompertz",
		         spec->lo, spec->hi, spec->y0, spec->y1);
		return 0;
	case LT_PATH_MILESTONES:
		if (spec->n_knots == 0)
			return 1;
		last = &spec->knots[spec->n_knots - 1];
		if (last->year < spec->t1 || fabs(last->value - spec->y1) <=
		    LT_PATH_KNOT_REL * fmax(1.0, fabs(spec->y1)))
			return 1;
		snprintf(why, size, "the milestone for %d (%g) is not the target "
		         "(%g)", last->year, last->value, spec->y1);
		return 0;
	}
	snprintf(why, size, "unknown path family %d", (int)kind);
	return 0;
}

static void eval_free(path_eval *e)
{
	gsl_interp_free(e->interp);
	free(e->xs);
	free(e->ys);
	e->interp = NULL;
	e->xs = e->ys = NULL;
}

/* Build the Steffen interpolant through (t0, y0), the milestones, and
 * (t1, y1) unless the last milestone is in t1 (then y1 stands for it).
 * With two points only, fall back to the straight line. */
static int eval_prepare_knots(path_eval *e, const lt_path_spec *spec)
{
	size_t i, np = 0, cap = spec->n_knots + 2;

	e->xs = lt_malloc(cap * sizeof *e->xs);
	e->ys = lt_malloc(cap * sizeof *e->ys);
	if (e->xs == NULL || e->ys == NULL)
		return LT_ENOMEM;
	e->xs[np] = spec->t0;
	e->ys[np++] = spec->y0;
	for (i = 0; i < spec->n_knots && spec->knots[i].year < spec->t1; i++) {
		e->xs[np] = spec->knots[i].year;
		e->ys[np++] = spec->knots[i].value;
	}
	e->xs[np] = spec->t1;
	e->ys[np++] = spec->y1;
	e->np = np;
	if (np < gsl_interp_type_min_size(gsl_interp_steffen)) {
		e->kind = LT_PATH_LINEAR;
		return LT_OK;
	}
	/* Valid input (checked by spec_check: at least 3 points, strictly
	 * increasing years) cannot make these fail except out of memory. */
	e->interp = gsl_interp_alloc(gsl_interp_steffen, np);
	if (e->interp == NULL)
		return LT_ENOMEM;
	if (gsl_interp_init(e->interp, e->xs, e->ys, np) != GSL_SUCCESS)
		return LT_ENOMEM;
	return LT_OK;
}

/* Prepare E for KIND on the valid SPEC to which the family applies. */
static int eval_prepare(path_eval *e, lt_path_kind kind,
                        const lt_path_spec *spec)
{
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->t0 = spec->t0;
	e->t1 = spec->t1;
	e->y0 = spec->y0;
	e->y1 = spec->y1;
	e->lo = spec->lo;
	e->hi = spec->hi;
	switch (kind) {
	case LT_PATH_LOGISTIC:
		e->a0 = logit_of(e->y0, e->lo, e->hi);
		e->a1 = logit_of(e->y1, e->lo, e->hi);
		break;
	case LT_PATH_GOMPERTZ:
		e->a0 = gompertz_of(e->y0, e->lo, e->hi);
		e->a1 = gompertz_of(e->y1, e->lo, e->hi);
		break;
	case LT_PATH_MILESTONES:
		return eval_prepare_knots(e, spec);
	default:
		break;
	}
	return LT_OK;
}

/* The path at T.  Endpoints (and milestone points) come back exactly. */
static double eval_at(const path_eval *e, double t)
{
	double f = (t - e->t0) / (e->t1 - e->t0);
	double y = NAN;

	if (t == e->t0)
		return e->y0;
	if (t == e->t1)
		return e->y1;
	switch (e->kind) {
	case LT_PATH_LINEAR:
		y = e->y0 + (e->y1 - e->y0) * f;
		break;
	case LT_PATH_CAGR:
		y = e->y0 * pow(e->y1 / e->y0, f);
		break;
	case LT_PATH_LOGISTIC:
		y = logit_inverse(e->a0 + (e->a1 - e->a0) * f, e->lo, e->hi);
		break;
	case LT_PATH_GOMPERTZ:
		y = gompertz_inverse(e->a0 + (e->a1 - e->a0) * f, e->lo, e->hi);
		break;
	case LT_PATH_MILESTONES:
		/* gsl_interp_eval reports GSL_EDOM outside the data (through the
		 * error handler): never ask it there. */
		if (t < e->t0 || t > e->t1)
			return NAN;
		y = gsl_interp_eval(e->interp, e->xs, e->ys, t, NULL);
		break;
	}
	return y;
}

/* ---- public ---------------------------------------------------------- */

int lt_path_init(lt_path *p, int t0, int t1)
{
	size_t i, n;

	memset(p, 0, sizeof *p);
	p->kind = LT_PATH_LINEAR;
	if (t1 <= t0)
		return LT_EINVAL;
	n = (size_t)((long long)t1 - t0) + 1;
	p->value = lt_malloc(n * sizeof *p->value);
	p->step = lt_malloc(n * sizeof *p->step);
	p->step_pct = lt_malloc(n * sizeof *p->step_pct);
	if (p->value == NULL || p->step == NULL || p->step_pct == NULL) {
		lt_path_destroy(p);
		return LT_ENOMEM;
	}
	p->t0 = t0;
	p->t1 = t1;
	p->n = n;
	for (i = 0; i < n; i++)
		p->value[i] = p->step[i] = p->step_pct[i] = NAN;
	p->first_step = p->first_step_pct = NAN;
	p->mean_step = p->mean_step_pct = NAN;
	p->steepest_step = NAN;
	return LT_OK;
}

void lt_path_destroy(lt_path *p)
{
	if (p == NULL)
		return;
	free(p->value);
	free(p->step);
	free(p->step_pct);
	p->value = p->step = p->step_pct = NULL;
}

/* Steps, percentages and the steepest year of P, whose values are set. */
static void path_summarise(lt_path *p)
{
	double dir = p->value[p->n - 1] - p->value[0];
	double s = dir > 0 ? 1 : dir < 0 ? -1 : 0;
	double tie = LT_PATH_TIE_REL * fabs(dir);
	size_t i, best = 1;

	p->step[0] = p->step_pct[0] = NAN;
	for (i = 1; i < p->n; i++) {
		p->step[i] = p->value[i] - p->value[i - 1];
		p->step_pct[i] = p->value[i - 1] > 0 ?
			100 * (p->value[i] / p->value[i - 1] - 1) : NAN;
		if (s * p->step[i] > s * p->step[best] + tie)
			best = i;
	}
	p->first_step = p->step[1];
	p->first_step_pct = p->step_pct[1];
	p->steepest_year = p->t0 + (int)best;
	p->steepest_step = p->step[best];
}

int lt_path_build(lt_path_kind kind, const lt_path_spec *spec, lt_path *out,
                  lt_diag *diag)
{
	path_eval e;
	size_t i;
	int rc;

	if ((int)kind < 0 || (int)kind >= LT_PATH_KINDS)
		LT_ERROR(diag, LT_EINVAL, "path: unknown path family %d", (int)kind);
	if ((rc = spec_check(spec, diag)) != LT_OK)
		return rc;
	if (out->value == NULL || out->step == NULL || out->step_pct == NULL ||
	    out->t0 != spec->t0 || out->t1 != spec->t1)
		LT_ERROR(diag, LT_EINVAL, "path: the output is not initialised for "
		         "%d-%d", spec->t0, spec->t1);
	for (i = 0; i < out->n; i++)
		out->value[i] = out->step[i] = out->step_pct[i] = NAN;
	out->kind = kind;
	out->why[0] = '\0';
	out->mean_step = (spec->y1 - spec->y0) / (spec->t1 - spec->t0);
	out->mean_step_pct = spec->y0 > 0 && spec->y1 > 0 ?
		100 * (pow(spec->y1 / spec->y0, 1.0 / (spec->t1 - spec->t0)) - 1) :
		NAN;
	out->first_step = out->first_step_pct = out->steepest_step = NAN;
	out->steepest_year = 0;
	out->ok = family_applies(kind, spec, out->why, sizeof out->why);
	if (!out->ok)
		return LT_OK;

	if ((rc = eval_prepare(&e, kind, spec)) != LT_OK) {
		eval_free(&e);
		LT_ERROR(diag, rc, "path: out of memory building the %s path",
		         lt_path_name(kind));
	}
	if (kind == LT_PATH_MILESTONES && e.kind == LT_PATH_LINEAR)
		snprintf(out->why, sizeof out->why, "only the start and the "
		         "target are given, so the milestone path is the straight "
		         "line (Steffen interpolation needs 3 points)");
	for (i = 0; i < out->n; i++)
		out->value[i] = eval_at(&e, spec->t0 + (double)i);
	/* Milestone years hold their milestone exactly (GSL evaluates the
	 * last interval's cubic at its right end, which may round). */
	for (i = 0; kind == LT_PATH_MILESTONES && i < spec->n_knots; i++)
		if (spec->knots[i].year < spec->t1)
			out->value[spec->knots[i].year - spec->t0] =
				spec->knots[i].value;
	eval_free(&e);
	path_summarise(out);
	return LT_OK;
}

double lt_path_value_at(lt_path_kind kind, const lt_path_spec *spec, double t)
{
	char why[200];
	path_eval e;
	double y = NAN;

	if (!isfinite(t) || spec_check(spec, NULL) != LT_OK ||
	    !family_applies(kind, spec, why, sizeof why))
		return NAN;
	/* the interpolant (or its two-point straight line) ends at the data */
	if (kind == LT_PATH_MILESTONES && (t < spec->t0 || t > spec->t1))
		return NAN;
	if (eval_prepare(&e, kind, spec) == LT_OK) {
		size_t i;

		y = eval_at(&e, t);
		for (i = 0; e.kind == LT_PATH_MILESTONES && i + 1 < e.np; i++)
			if (t == e.xs[i])
				y = e.ys[i];
	}
	eval_free(&e);
	return y;
}
