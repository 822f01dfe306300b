/* solve_mc.h - how likely each target is against a constant share of the
 * spending base: the smallest share that meets it with probability P, and
 * the whole probability-against-share curve (the cost of certainty), for
 * each target and for all of them together (DESIGN §6, docs/MODEL.md
 * "Probability of a target against the share").
 *
 * Method: exact per draw, with common random numbers.  Draw d is the
 * Monte Carlo draw d of `simulate --draws` with the same seed (the same
 * chunks of LT_MC_CHUNK, each with its MT19937 seeded by
 * lt_mc_chunk_seed, and lt_mc_draw on the same registry): its θ and its
 * yearly shocks ε are held fixed while the share varies, and
 * lt_solve_draw gives, for every target, the set of constant shares in
 * [0, 100] that meet it: [s_d, 100] when more money helps (s_d = 0 when it
 * is met without spending), [0, h_d] when more money hurts (β < 0), or
 * none (not reachable at 100 %, or a target at or past the model's bound).
 * The probability at share s is the fraction of draws whose set holds s,
 * so the curve is exactly the empirical distribution of the draws' own
 * needed shares when no draw has β < 0, and it is then non-decreasing in
 * s: raising the share never loses a draw.  All targets together: per
 * draw the intersection of the targets' sets.
 *
 * Memory does not grow with N: per target and for all together one
 * integer histogram of LT_SOLVE_MC_BINS bins of 1/LT_SOLVE_MC_PER_POINT
 * points of share on [0, 100] (+1 at the bin of s_d, -1 at the bin of
 * h_d), per thread, merged by integer addition: the results are the same
 * bit for bit whatever the number of threads.  The curve is known exactly
 * at the bins' edges e_m = m / LT_SOLVE_MC_PER_POINT, counting a draw at
 * e_m when s_d < e_m (and h_d >= e_m), which differs from s_d <= e_m only
 * for a draw whose share lies on the edge to within the solver's
 * accuracy; the smallest edge at which the probability reaches P is
 * reported, so the answer is never below the exact P-quantile of the
 * draws' shares and at most one bin width (0.001 points) above it, plus
 * the solver's accuracy (LT_SOLVE_SHARE_TOL, or rounding for the closed
 * form).  Against the true quantile of the model's distribution the
 * Monte Carlo error adds about sqrt(P(1 − P)/N)/f(s_P), f the density of
 * the needed share there.
 */
#ifndef LT_SOLVE_MC_H
#define LT_SOLVE_MC_H

#include <stddef.h>
#include <stdint.h>

#include "lotrinh/error.h"
#include "lotrinh/mc.h"
#include "lotrinh/scenario.h"

/* Bins per point of share: 0.001 points is a tenth of a basis point of
 * the spending base, far below any budget decision, and 100 000 bins of
 * 32 bits are 400 kB per target and thread. */
#define LT_SOLVE_MC_PER_POINT 1000
#define LT_SOLVE_MC_BINS (100 * LT_SOLVE_MC_PER_POINT)

/* One target's curve, or all targets together's.  The classes of the
 * draws are disjoint and add up to N when ON. */
typedef struct lt_solve_mc_curve {
	int on;               /* a simulated indicator with a target in the
	                         grid's years (all: some target is) */
	size_t met_zero;      /* met at every share, 0 % included */
	size_t solved;        /* met from a share in (0, 100] on */
	size_t falling;       /* met at 0 % but not at 100 %: more money
	                         lowers the indicator (β < 0) */
	size_t unreachable;   /* met at no share up to 100 % (all: also when
	                         no share meets every target at once) */
	size_t ceiling;       /* the target lies at or past the model's bound
	                         (all: some target does) */
	size_t negative_beta; /* draws with β < 0 for this indicator, when it
	                         has a channel (all: for some target),
	                         whatever their class */
	uint32_t *met;        /* [LT_SOLVE_MC_BINS + 1] draws meeting the
	                         target at the share of edge m */
} lt_solve_mc_curve;

typedef struct lt_solve_mc_result {
	size_t draws;
	uint64_t seed;
	int shocks;           /* yearly shocks were drawn */
	size_t n_uncertain;   /* registry slots drawn */
	size_t ni, n_targets; /* indicators; those with a curve */
	lt_solve_mc_curve *ind; /* [ni] */
	lt_solve_mc_curve all;
	/* Money, million VND, at the central θ (the scenario's base growth),
	 * over the years the share is spent, first_year..last_year (the year
	 * after the baseline to the horizon): */
	int first_year, last_year;
	double base_total;    /* the spending base summed over those years */
	double plan_total;    /* what the scenario's own schedule spends in
	                         them (public money, as lt_simulate_run) */
	int has_programs;
	double programs_total; /* the programmes' state money in them */
} lt_solve_mc_result;

/* Run the draws of options O (draws, seed, threads, no_shocks, progress:
 * as lt_mc_run) on scenario S into *OUT (free with
 * lt_solve_mc_result_destroy).  Returns LT_OK; LT_EINVAL for bad options
 * or a draw outside the model's domain (message in DIAG); LT_ENOMEM;
 * LT_ENOCONV when the ODE or Brent's method fails on a draw.  On failure
 * *OUT is empty. */
int lt_solve_mc_run(const lt_scenario *s, const lt_mc_opts *o,
                    lt_solve_mc_result *out, lt_diag *diag);
void lt_solve_mc_result_destroy(lt_solve_mc_result *r);

/* The bin of share S in [0, 100] (LT_SOLVE_MC_PER_POINT bins a point;
 * 0 and below the first, 100 and above the last): where a draw's needed
 * share is counted. */
size_t lt_solve_mc_bin(double s);

/* The draws of curve C meeting the target at constant share SHARE (0 to
 * 100; the nearest edge of the bins). */
size_t lt_solve_mc_count(const lt_solve_mc_curve *c, double share);

/* The smallest share (an edge of the bins) at which the probability of
 * curve C over N draws is at least P (count/N >= P, as printed), into
 * *SHARE; returns 1, or 0 with *SHARE NAN when no share up to 100 reaches
 * P.  The search runs over the whole curve, so it stays right when draws
 * with β < 0 make the curve fall somewhere. */
int lt_solve_mc_share(const lt_solve_mc_curve *c, size_t n, double p,
                      double *share);

/* The public money of a constant SHARE % of the base in R's years:
 * returns the total, million VND, and stores the mean a year in *PER_YEAR
 * (when not NULL). */
double lt_solve_mc_money(const lt_solve_mc_result *r, double share,
                         double *per_year);

#endif /* LT_SOLVE_MC_H */
