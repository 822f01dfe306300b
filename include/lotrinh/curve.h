/* curve.h - required paths from a baseline (t0, y0) to a target (t1, y1).
 *
 * A plan states where an indicator starts and where it must be in the target
 * year, sometimes with yearly milestones.  How hard that is depends on the
 * shape of the road between them: the same 6.36 -> 30 may mean 3.94 points
 * every year (a straight line), 29.5 % a year (constant growth), or a slow
 * start and a steep finish (an S-curve under a ceiling).  This module gives
 * each family's path year by year, with the step it requires each year in
 * points and in percent, so that the audit and the reports can compare them
 * with history.  Pure computation: no printing, no files.
 *
 * With f = (t - t0) / (t1 - t0) the families are
 *
 *   linear      y(t) = y0 + (y1 - y0) f
 *   cagr        y(t) = y0 (y1 / y0)^f                     needs y0, y1 > 0
 *   logistic    x = (y - L) / (U - L),  z = ln(x / (1 - x)),
 *               z(t) = z(y0) + (z(y1) - z(y0)) f,
 *               y(t) = L + (U - L) / (1 + exp(-z(t)))     needs L < y0, y1 < U
 *   gompertz    w = ln(-ln x),  w(t) = w(y0) + (w(y1) - w(y0)) f,
 *               y(t) = L + (U - L) exp(-exp(w(t)))        needs L < y0, y1 < U
 *   milestones  Steffen's monotone cubic through (t0, y0), every milestone,
 *               and (t1, y1) when the last milestone is before t1
 *
 * L and U are the indicator's floor and ceiling (both finite for the two
 * S-curves).  The logistic path is a logistic function of t: symmetric about
 * the year where y = (L + U) / 2, y(tm + s) + y(tm - s) = L + U.  The
 * Gompertz path is not symmetric: its steepest point is where x = 1/e
 * (36.8 % of the way from floor to ceiling), so an increasing path leaves
 * the floor quickly and creeps up to the ceiling slowly, and a decreasing
 * path (the time-reversed curve) leaves the ceiling side slowly and falls
 * fastest at x = 1/e too.  Decreasing targets (ranks: lower is better) use
 * the same formulas with y1 < y0.  A range target is the caller's business:
 * it passes the edge it aims at as y1.
 */
#ifndef LT_CURVE_H
#define LT_CURVE_H

#include <stddef.h>

#include "lotrinh/error.h"
#include "lotrinh/scenario.h"

typedef enum lt_path_kind {
	LT_PATH_LINEAR,
	LT_PATH_CAGR,
	LT_PATH_LOGISTIC,
	LT_PATH_GOMPERTZ,
	LT_PATH_MILESTONES
} lt_path_kind;

#define LT_PATH_KINDS 5

/* The family's name as used in files and messages: "linear", "cagr",
 * "logistic", "gompertz", "milestones"; "unknown" for a value outside the
 * enum.  The string is static. */
const char *lt_path_name(lt_path_kind k);

/* What a path must do.  All pointers are borrowed. */
typedef struct lt_path_spec {
	int t0, t1;            /* t0 < t1, whole years */
	double y0, y1;         /* start value and the value aimed at in t1 */
	double lo, hi;         /* floor and ceiling of the indicator (logistic
	                          and Gompertz live strictly between them);
	                          -HUGE_VAL / HUGE_VAL when absent */
	const lt_point *knots; /* LT_PATH_MILESTONES: the roadmap's (year,
	                          value) milestones, t0 < year <= t1, years
	                          strictly increasing; may be empty */
	size_t n_knots;
} lt_path_spec;

/* A path year by year.  Arrays are owned by the struct (lt_path_init /
 * lt_path_destroy); lt_path_build fills them. */
typedef struct lt_path {
	lt_path_kind kind;
	int ok;           /* 1 when the family applies; 0 with `why` */
	char why[200];    /* why the family does not apply ("a constant growth
	                     rate needs positive values ..."); for ok = 1 either
	                     "" or a note on a fallback (milestones with only
	                     two points are the straight line) */
	int t0, t1;
	size_t n;         /* t1 - t0 + 1 */
	double *value;    /* value[i] at year t0 + i; value[0] = y0 and
	                     value[n-1] = y1 exactly */
	double *step;     /* value[i] - value[i-1] in points; step[0] = NAN */
	double *step_pct; /* 100 (value[i] / value[i-1] - 1); NAN when
	                     value[i-1] <= 0 or i == 0 */
	double first_step, first_step_pct; /* step[1], step_pct[1] */
	double mean_step;     /* (y1 - y0) / (t1 - t0) */
	double mean_step_pct; /* 100 ((y1 / y0)^(1 / (t1 - t0)) - 1); NAN when
	                         y0 <= 0 or y1 <= 0 */
	int steepest_year;    /* the year whose step is largest in the direction
	                         of travel (sign of y1 - y0), earliest on ties
	                         (steps within LT_PATH_TIE_REL |y1 - y0| of the
	                         largest count as ties); t0 + 1 when y1 == y0;
	                         0 when !ok */
	double steepest_step; /* that year's step; NAN when !ok */
} lt_path;

/* Relative tolerance for ties between yearly steps: steps that differ by
 * less than this fraction of |y1 - y0| are equal.  Rounding makes the
 * "constant" steps of a straight line differ by a few ulp (about 1e-16
 * relative); 1e-9 is far above that and far below any difference a plan's
 * one-decimal milestones can make. */
#define LT_PATH_TIE_REL 1e-9

/* Relative tolerance within which a milestone in year t1 counts as the
 * target y1 itself (|knot - y1| <= LT_PATH_KNOT_REL max(1, |y1|)); the
 * path then ends at y1 exactly.  Scenario values are decimal numbers read
 * once, so equal numbers are equal to the last bit; the slack only forgives
 * arithmetic a caller might do on them. */
#define LT_PATH_KNOT_REL 1e-12

/* Allocate the arrays of P for the years T0..T1 and set every number to
 * NAN, kind to LT_PATH_LINEAR and ok to 0.  Returns LT_OK, LT_EINVAL when
 * t1 <= t0, or LT_ENOMEM (P's pointers are then NULL and lt_path_destroy
 * is safe).  The caller releases the arrays with lt_path_destroy. */
int lt_path_init(lt_path *p, int t0, int t1);

/* Free P's arrays and set the pointers to NULL; safe to call twice. */
void lt_path_destroy(lt_path *p);

/* Fill OUT with the KIND path that SPEC asks for.  OUT must have been
 * lt_path_init'ed for exactly spec->t0..spec->t1.
 *
 * Algorithm: the closed forms in the comment at the top, evaluated at each
 * whole year; the milestone path by GSL's gsl_interp_steffen (M. Steffen,
 * "A simple method for monotonic interpolation in one dimension", Astron.
 * Astrophys. 239, 443-450, 1990), which passes through every point, is
 * continuous in its first derivative, and is monotone on every interval
 * between monotone data (no overshoot).  Steffen needs at least 3 points:
 * with only (t0, y0) and (t1, y1) the milestone path is the straight line,
 * ok = 1, and `why` says so.
 *
 * Domain: linear and milestones apply to any spec; cagr needs y0, y1 > 0;
 * logistic and Gompertz need finite lo < y0, y1 < hi.  A milestone in year
 * t1 must equal y1 (within LT_PATH_KNOT_REL), else the milestone path does
 * not apply (the roadmap does not end at the target; ok = 0 says so).
 *
 * Accuracy: value[0] = y0 and value[n-1] = y1 exactly, and every milestone
 * year holds its milestone exactly; other values carry the rounding of the
 * closed form, a few ulp relative times the conditioning of the transform
 * (the logit and ln(-ln x) are computed from y - L and U - y so that values
 * near a bound keep their relative accuracy).
 *
 * Returns LT_OK with out->ok = 1, or LT_OK with out->ok = 0 and out->why
 * when the family does not apply (not an error); LT_EINVAL, recorded in
 * DIAG, for an invalid spec (t1 <= t0, non-finite y0 or y1, NaN or
 * lo >= hi, knots NULL with n_knots > 0, a non-finite milestone, a
 * milestone year outside (t0, t1] or years not strictly increasing) or an
 * OUT not initialised for spec's years; LT_ENOMEM when GSL cannot allocate
 * the interpolant. */
int lt_path_build(lt_path_kind kind, const lt_path_spec *spec, lt_path *out,
                  lt_diag *diag);

/* The KIND path of SPEC at any real year T: the closed form (which
 * extrapolates beyond [t0, t1]), or for milestones the Steffen interpolant
 * (NAN outside [t0, t1], where it is not defined).  Returns y0 at t0 and
 * y1 at t1 exactly, and NAN when the spec is invalid, the family does not
 * apply, or memory runs out.  Each milestone call builds the interpolant
 * anew: use lt_path_build for whole paths. */
double lt_path_value_at(lt_path_kind kind, const lt_path_spec *spec, double t);

#endif /* LT_CURVE_H */
