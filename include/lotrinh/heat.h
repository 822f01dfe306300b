/* heat.h - the probability of each target over two levers at once: a
 * constant share of the spending base × the indicator's responsiveness β
 * (DESIGN §7, the heat map of an outcome over two parameters; issue 11).
 *
 * The question: if β were known to be b, how likely is the target at
 * share s?  Every other uncertain parameter (r, σ and the yearly shocks,
 * δ, η, growth, co-financing) is drawn as Monte Carlo draws it; β of the
 * target's indicator is held at b.
 *
 * Method: the draws of `solve --probability` (solve_mc.h) with β
 * overwritten.  Draw d is Monte Carlo's draw d for the same seed (the same
 * chunks of LT_MC_CHUNK, each generator seeded by lt_mc_chunk_seed,
 * lt_mc_draw on the same registry), so the cells share their random
 * numbers and differ only by (s, b).  For each grid value b the draw's θ
 * gets β = b and lt_solve_draw gives the set of constant shares that meet
 * the target ([s_d, 100], [0, h_d] when β < 0, or none); a cell (s, b)
 * counts the draws whose set holds s, with solve_mc's convention at the
 * bins' edges, so a column at a β the scenario fixes is exactly solve_mc's
 * curve (tests/test_chart.c checks it).  The whole share axis comes from
 * one solve per draw and β, so the cost is draws × n_beta solves, not
 * draws × n_beta × n_share Monte Carlo runs.
 *
 * Without spillovers an indicator's path depends on its own r, β and σ
 * and the shared money parameters only, so one θ carries every target's
 * β = b_k at once and one lt_solve_draw (two evaluations; Brent for a
 * period's mean) answers all targets.  With spillovers β_j moves target k
 * through x_j, so each target gets its own θ (only its β changed) and its
 * own lt_solve_share_eps (Brent): n_targets times the work.
 *
 * The β axis of a target: its distribution's 1st to 99th percentile when
 * the scenario draws β; when β is a plain number c, [min(0, c),
 * max(2c, LT_BETA_PLAUSIBLE_MAX)].  The share axis: 0 to share_max in
 * n_share steps, each rounded to solve_mc's bin edges (0.001 points).
 * Probabilities are counts over the draws; their Monte Carlo standard
 * error is sqrt(p(1 − p)/N).  Identical for any number of threads
 * (integer counts, merged by addition).
 */
#ifndef LT_HEAT_H
#define LT_HEAT_H

#include <stddef.h>
#include <stdint.h>

#include "lotrinh/error.h"
#include "lotrinh/mc.h"
#include "lotrinh/scenario.h"

/* The share axis ends at a multiple of this many points (lt_heat_share_max). */
#define LT_HEAT_SHARE_STEP 5.0
/* Default grid sizes: 41 shares (every half point up to 20 %) and 25 β
 * values draw a legible map, and 25 solves per draw stay fast. */
#define LT_HEAT_N_SHARE 41
#define LT_HEAT_N_BETA 25
/* The percentiles of a drawn β that bound its axis. */
#define LT_HEAT_BETA_P_LOW 0.01
#define LT_HEAT_BETA_P_HIGH 0.99

typedef struct lt_heat_opts {
	lt_mc_opts mc;        /* draws, seed, threads, no_shocks, progress */
	size_t n_share;       /* points on the share axis, >= 2 */
	double share_max;     /* its top, % (0: lt_heat_share_max) */
	size_t n_beta;        /* points on each β axis, >= 2 */
} lt_heat_opts;

/* One target's map. */
typedef struct lt_heat_map {
	int on;               /* a simulated indicator with a channel, a β and
	                         a target on the grid */
	double beta_central;  /* β of the deterministic run */
	int beta_drawn;       /* 1 when the scenario draws β */
	double *beta;         /* [n_beta] the β axis, increasing */
	size_t *met;          /* [n_beta * n_share] draws meeting the target at
	                         (share j, β i): met[i * n_share + j] */
} lt_heat_map;

typedef struct lt_heat_result {
	size_t draws;
	uint64_t seed;
	int shocks;           /* yearly shocks were drawn */
	size_t n_share, n_beta;
	double *share;        /* [n_share] the share axis, % */
	double plan_share;    /* the plan's own schedule as a constant share:
	                         its public money over the base's in the years
	                         after the baseline, % */
	size_t ni, n_maps;
	lt_heat_map *ind;     /* [ni] */
} lt_heat_result;

/* Options with the defaults: LT_HEAT_N_SHARE, automatic share_max,
 * LT_HEAT_N_BETA, and MC's draws, seed and threads. */
void lt_heat_opts_init(lt_heat_opts *o, const lt_mc_opts *mc);

/* The top of a share axis for S: the smallest multiple of
 * LT_HEAT_SHARE_STEP at or above twice the largest of the plan's rule,
 * today's share (lt_budget_today_share) and PLAN_SHARE (the plan's own
 * schedule as a constant share; NAN: none), at least LT_HEAT_SHARE_STEP
 * and at most 100. */
double lt_heat_share_max(const lt_scenario *s, double plan_share);

/* The plan's own schedule of S as a constant share of the base (%): its
 * public money over the base's, summed over the years after the baseline
 * to the horizon, at the central parameters, into *SHARE.  Returns LT_OK
 * or the model's error. */
int lt_heat_plan_share(const lt_scenario *s, double *share, lt_diag *diag);

/* Run the grid of options O on scenario S into *OUT (free with
 * lt_heat_result_destroy; empty on failure).  Returns LT_OK; LT_EINVAL for
 * bad options (a grid under 2 points, share_max outside [0, 100], and
 * lt_mc_check_opts) or a draw outside the model's domain; LT_ENOMEM;
 * LT_ENOCONV when the ODE or Brent fails on a draw. */
int lt_heat_run(const lt_scenario *s, const lt_heat_opts *o,
                lt_heat_result *out, lt_diag *diag);
void lt_heat_result_destroy(lt_heat_result *r);

#endif /* LT_HEAT_H */
