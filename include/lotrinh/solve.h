/* solve.h - inverse questions: the smallest budget share that meets a
 * target, and the responsiveness a roadmap silently assumes.
 *
 * The smallest constant share s of the spending base (from the year after
 * the baseline to the horizon) at which indicator k meets its target in its
 * year is the root of f(s) = d·(y_T(s) − aim) on [0, 100], found by GSL's
 * Brent solver (bracketing, so it cannot leave the interval) to an absolute
 * tolerance of LT_SOLVE_SHARE_TOL points of share.  When β >= 0 the model
 * is monotone in s (more capital never lowers the rate), so the root is
 * unique; f(0) >= 0 means the target is met even with no spending, f(100) <
 * 0 that no share reaches it.
 */
#ifndef LT_SOLVE_H
#define LT_SOLVE_H

#include <stddef.h>

#include "lotrinh/error.h"
#include "lotrinh/model.h"
#include "lotrinh/scenario.h"

/* Absolute tolerance of a solved share, in percentage points: a millionth
 * of a point of share is far below any budget decision and well above the
 * model's rounding. */
#define LT_SOLVE_SHARE_TOL 1e-6
/* Most Brent iterations: bisection alone would need 27 for 1e-6 of 100. */
#define LT_SOLVE_MAXITER 100

typedef enum lt_answer {
	LT_ANSWER_SOLVED,      /* share holds the smallest share */
	LT_ANSWER_FREE,        /* met even with no spending: share 0 */
	LT_ANSWER_UNREACHABLE, /* not met with any share up to 100 % */
	LT_ANSWER_NO_DYNAMICS  /* a rank, or an indicator the model cannot run */
} lt_answer;

typedef struct lt_share_result {
	lt_answer answer;
	double share;         /* % of the base, when SOLVED or FREE */
	double at_zero;       /* the indicator in the target year with share 0 */
	double at_full;       /* ... with share 100 % */
	int iterations;
} lt_share_result;

/* The smallest constant share at which indicator K meets its target by
 * its year.  Returns LT_OK (whatever the answer), LT_ENOCONV when Brent
 * does not converge, or another error from the model. */
int lt_solve_share(const lt_scenario *s, const lt_model_values *v, size_t k,
                   lt_share_result *out, lt_diag *diag);

/* The β that makes indicator K's trajectory under schedule SCHED (NULL: the
 * scenario's) pass closest to its milestones, by least squares in the logit
 * (exact for the model without spillovers: the logit is linear in β).
 * Returns LT_OK and stores it in *BETA, or LT_EINVAL (as a plain return,
 * nothing recorded) when the indicator has no milestones, no channel or no
 * dynamics. */
int lt_solve_beta(const lt_scenario *s, const lt_model_values *v,
                  const lt_schedule *sched, size_t k, double *beta,
                  lt_diag *diag);

/* The β at which indicator K's trajectory under SCHED (NULL: the
 * scenario's) meets its target exactly in the target year (a range: its
 * near edge); LT_EINVAL as for lt_solve_beta. */
int lt_solve_beta_target(const lt_scenario *s, const lt_model_values *v,
                         const lt_schedule *sched, size_t k, double *beta,
                         lt_diag *diag);

/* The β that a plausible top pace implies (docs/MODEL.md): the logit rate
 * at which an indicator midway between floor and ceiling gains
 * LT_BETA_PACE_SHARE of its range a year, for each point of GRDP of extra
 * capital intensity. */
#define LT_BETA_PLAUSIBLE_MAX 0.1

#endif /* LT_SOLVE_H */
