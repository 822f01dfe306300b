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
 * 0 that no share reaches it.  A target at or beyond the model's ceiling
 * (or floor, for a falling target) is never met by a logistic law whatever
 * the money: that is a different answer from "not reachable".
 *
 * When β < 0 more money lowers the indicator: a target met at 0 but not
 * at 100 is met on [0, share_hi], and the smallest share is still 0.
 *
 * A solver compiles its own model (model.h) for constant shares and
 * evaluates it at the caller's θ, which it never changes: a question about
 * another β copies θ.  It also keeps the model compiled at 0 % and at
 * 100 %, so the two ends of the bracket cost one evaluation each, and one
 * Brent workspace: after lt_solver_alloc, answering allocates nothing.
 * lt_solve_run answers every question for every indicator at the central
 * θ, as `lotrinh solve` shows them; lt_solve_draw answers the share
 * question for every indicator of one Monte Carlo draw (θ and its yearly
 * shocks), as `lotrinh solve --probability` needs (solve_mc.h).
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

/* The top of the plausible range of β for an indicator whose β is a plain
 * number (docs/MODEL.md, "Plausible β without a prior"); a β given as a
 * distribution, or from its kind's prior, is plausible over its support.
 * One extra point of
 * GRDP of capital intensity adding 0.1 a year to the logit. */
#define LT_BETA_PLAUSIBLE_MAX 0.1

typedef enum lt_answer {
	LT_ANSWER_SOLVED,      /* share holds the smallest share */
	LT_ANSWER_FREE,        /* met even with no spending: share 0 */
	LT_ANSWER_UNREACHABLE, /* not met with any share up to 100 % */
	LT_ANSWER_CEILING,     /* the target lies at or past the model's bound */
	LT_ANSWER_NO_DYNAMICS  /* a rank, or an indicator the model cannot run */
} lt_answer;

typedef struct lt_share_result {
	lt_answer answer;
	double share;         /* % of the base, when SOLVED or FREE; else NAN */
	/* the largest share that meets the target: 100, or less when more
	 * money lowers the indicator (β < 0: met at 0 but not at 100 %, a FREE
	 * answer); NAN when no share meets it.  The target is met exactly on
	 * [share, share_hi] when the indicator is monotone in the share. */
	double share_hi;
	double at_zero;       /* the indicator in the target year with share 0 */
	double at_full;       /* ... with share 100 %; both NAN when not run */
	int iterations;       /* Brent's; 0 when no root was sought or the
	                         crossing was interpolated (lt_solve_draw) */
} lt_share_result;

typedef struct lt_solver lt_solver;

/* A solver for scenario S; NULL in *OUT and an error in DIAG on failure
 * (LT_ENOMEM, or LT_EINVAL from lt_model_compile). */
int lt_solver_alloc(lt_solver **out, const lt_scenario *s, lt_diag *diag);
void lt_solver_free(lt_solver *sv);

/* The solver's model (borrowed): its registry gives θ's layout. */
const lt_model *lt_solver_model(const lt_solver *sv);

/* The smallest constant share at which indicator K meets its target by
 * its year, at THETA.  Returns LT_OK (whatever the answer), LT_ENOCONV
 * when Brent does not converge, or an error of the model. */
int lt_solve_share(lt_solver *sv, const double *theta, size_t k,
                   lt_share_result *out, lt_diag *diag);

/* As lt_solve_share, with the yearly shocks EPS [n_indicators × years]
 * (standard normals, as lt_model_eval takes them; NULL: none) added to
 * the logits, so that a Monte Carlo draw is held fixed while the share
 * varies.  Allocates nothing. */
int lt_solve_share_eps(lt_solver *sv, const double *theta, const double *eps,
                       size_t k, lt_share_result *out, lt_diag *diag);

/* Every indicator's share answer at THETA and EPS (NULL: no shocks), one
 * Monte Carlo draw, into OUT [n_indicators]: the two ends of the bracket
 * are evaluated once for all indicators.  Without spillovers the logit in
 * any year is affine in a constant share (spending, capital, the
 * intensity's integral and the reference intensity are all linear in it;
 * docs/MODEL.md), so a crossing is the linear interpolation of the logits
 * at 0 % and 100 %, exact up to rounding (a few ulp of the logits over
 * their difference; tests/test_solve_mc.c checks it against Brent to
 * LT_SOLVE_SHARE_TOL); with spillovers each crossing is found by Brent as
 * lt_solve_share_eps does.  Allocates nothing.  Returns as
 * lt_solve_share. */
int lt_solve_draw(lt_solver *sv, const double *theta, const double *eps,
                  lt_share_result *out, lt_diag *diag);

/* The β that makes indicator K's trajectory under schedule SCHED (NULL:
 * the scenario's) pass closest to its milestones, by least squares in the
 * logit (exact for the model without spillovers: the logit is linear in
 * β).  Returns LT_OK and stores it in *BETA, or LT_EINVAL (as a plain
 * return, nothing recorded) when the indicator has no milestones, no
 * channel or no dynamics. */
int lt_solve_beta(lt_solver *sv, const double *theta,
                  const lt_schedule *sched, size_t k, double *beta,
                  lt_diag *diag);

/* The β at which indicator K's trajectory under SCHED (NULL: the
 * scenario's) meets its target exactly in the target year (a range: its
 * near edge); LT_EINVAL as for lt_solve_beta. */
int lt_solve_beta_target(lt_solver *sv, const double *theta,
                         const lt_schedule *sched, size_t k, double *beta,
                         lt_diag *diag);

/* Every answer for one indicator, as `lotrinh solve` reports it. */
typedef struct lt_solve_answer {
	lt_share_result share;     /* at the central θ */
	lt_share_result share_top; /* with β at beta_hi */
	int has_top;
	/* the plausible range of β: its distribution's support (a prior's or
	 * the scenario's), else 0 to LT_BETA_PLAUSIBLE_MAX */
	double beta_lo, beta_hi;
	int beta_range_given;      /* 1: from its distribution */
	double beta;               /* the scenario's central β; NAN if none */
	double r;                  /* the central trend r; NAN if none */
	const char *r_origin;      /* where r comes from (borrowed from the
	                              report); "" when not simulated */
	int year_met;              /* under the scenario's schedule; 0 none */
	int has_beta_ms;           /* the milestones give an implied β */
	double beta_ms;
	int has_beta_need;         /* the β that meets the target on the plan */
	double beta_need;
	int met_without_spending;  /* the plan meets the target with β = 0 */
} lt_solve_answer;

typedef struct lt_solve_report {
	size_t n;                  /* the scenario's indicators */
	lt_solve_answer *answers;  /* [n] */
	char (*origins)[160];      /* [n] where each r comes from */
	size_t n_simulated;
	/* the share that meets every simulated target: the largest solved
	 * share; all_reachable 0 when some target is unreachable or at the
	 * ceiling; NAN when nothing is simulated */
	double all_share;
	int all_reachable;
	size_t binding;            /* the indicator that sets all_share */
} lt_solve_report;

/* Answer every question for every indicator of S at the central θ into
 * *OUT (free with lt_solve_report_destroy).  Returns LT_OK, or an error of
 * the model or the root finder (the report is then empty). */
int lt_solve_run(const lt_scenario *s, lt_solve_report *out, lt_diag *diag);
void lt_solve_report_destroy(lt_solve_report *r);

#endif /* LT_SOLVE_H */
