/* sens.h - sensitivity of each target to the scenario's uncertain
 * parameters (DESIGN §6, docs/MODEL.md "Sensitivity").
 *
 * Two analyses on the compiled model (model.h), both over the parameters
 * Monte Carlo draws (lt_mc_sampler: every registry slot given as a
 * distribution, in registry order, and the yearly shocks when some σ > 0):
 *
 * Tornado (one at a time).  Every parameter at its median, no shocks: the
 * base.  Then each parameter in turn at its 10th and at its 90th
 * percentile (lt_param_quantile), the others at their medians: each
 * target's value in its target year under the schedule, and the smallest
 * constant share of the base that meets the target (lt_solve_share, whose
 * answers "met without spending", "not reachable" and "at the ceiling" are
 * kept as answers, not numbers).  Bars are sorted by the size of their
 * swing.  A parameter that changes no outcome (σ, with the shocks off)
 * still has its bar, of zero swing.
 *
 * Sobol (variance-based, sobol.h).  Factors: each drawn parameter, mapped
 * from u by lt_param_quantile, and, when there are shocks, one group
 * "yearly shocks" of every ε (gsl_cdf_ugaussian_Pinv of its u).  Outputs,
 * per target: its value in the target year, and 1 or 0 as the target is
 * met there or not (the test Monte Carlo uses: the logit against the
 * aim's); an output that does not vary (a value: by more than
 * LT_SENS_FLAT of its span) is degenerate (no indices).  N·(D + 2)
 * evaluations, allocation-free, one model workspace per thread; the same
 * numbers for any number of threads.  The tornado also marks, per target,
 * the parameters that change nothing about it (lt_sens_target.inert).
 *
 * A target here is a simulated indicator whose target year lies on the
 * model's grid (baseline year to horizon).
 */
#ifndef LT_SENS_H
#define LT_SENS_H

#include <stddef.h>
#include <stdint.h>

#include "lotrinh/error.h"
#include "lotrinh/model.h"
#include "lotrinh/scenario.h"
#include "lotrinh/sobol.h"
#include "lotrinh/solve.h"

/* The percentiles of a tornado's bars (DESIGN §6). */
#define LT_SENS_P_LOW 0.10
#define LT_SENS_P_HIGH 0.90

/* A target-year value whose range over the Sobol runs is at most this
 * fraction of the indicator's span (ceiling − floor) is flat: below the
 * model's own accuracy (the ODE's local tolerance is 1e-10 in the logit,
 * and a logit error e moves the value by at most span·e/4; an indicator
 * that no parameter reaches can still jitter at that level when the ODE
 * integrates it with others), and far below any printed digit. */
#define LT_SENS_FLAT 1e-8

/* Default Sobol base rows (2^12: a standard error of about 0.01-0.02 on
 * an index) and bootstrap resamples (SALib's default). */
#define LT_SENS_SAMPLES 4096
#define LT_SENS_BOOTSTRAP 100

typedef struct lt_sens_opts {
	int sobol;            /* 1: Sobol indices too; 0: the tornado alone */
	size_t samples;       /* Sobol base rows N */
	size_t bootstrap;     /* resamples R (0: no intervals) */
	uint64_t seed;
	int threads;          /* >= 1 */
	void (*progress)(size_t done, size_t total, void *data);
	void *progress_data;  /* as in lt_sobol_opts */
} lt_sens_opts;

/* One uncertain parameter (a drawn registry slot). */
typedef struct lt_sens_param {
	size_t slot;          /* its registry slot */
	char name[96];        /* the registry's name, e.g. "beta of pii" */
	double p10, p50, p90; /* its percentiles */
} lt_sens_param;

/* One bar of a target's tornados: parameter PARAM at its 10th and 90th
 * percentile, the others at their medians. */
typedef struct lt_sens_bar {
	size_t param;                     /* index into lt_sens_result.params */
	double value_lo, value_hi;        /* the target-year value */
	lt_share_result share_lo, share_hi; /* the share the target needs */
} lt_sens_bar;

typedef enum lt_sens_status {
	LT_SENS_TARGET,       /* studied: tornado (and Sobol) below */
	LT_SENS_NOT_ASKED,    /* not among the indicators asked for */
	LT_SENS_NOT_SIMULATED,/* a rank, or one the model cannot run */
	LT_SENS_OFF_GRID      /* its target year lies past the horizon */
} lt_sens_status;

/* One indicator of the scenario. */
typedef struct lt_sens_target {
	lt_sens_status status;
	char why[160];              /* NOT_SIMULATED: the model's reason */
	int year;                   /* the target year */
	double base_value;          /* every parameter at its median */
	lt_share_result base_share;
	lt_sens_bar *bars;          /* [n_params] in registry order */
	size_t *by_value;           /* [n_params] bar indices by |value swing|,
	                               largest first (ties: registry order) */
	size_t *by_share;           /* [n_params] by share swing: bars whose
	                               answer differs at the two ends first,
	                               then |share swing|, then no change */
	size_t out_value, out_met;  /* its outputs in lt_sens_result.sobol */
	size_t met_rows;            /* Sobol: rows of A and B (of 2N) that
	                               meet the target */
	size_t *st_value, *st_met;  /* [n_factors] Sobol factors by ST of the
	                               value and of met, largest first (ties:
	                               factor order); NULL without Sobol */
	int *inert;                 /* [n_params] 1: the parameter changes
	                               nothing about this target: the same value
	                               and share at p10 and p90 as at the base,
	                               bit for bit, and (with Sobol) ST exactly
	                               0 (another indicator's r or β) */
	size_t n_inert;
} lt_sens_target;

typedef struct lt_sens_result {
	size_t n_params;
	lt_sens_param *params;      /* [n_params] */
	int shocks;                 /* yearly shocks are a Sobol factor */
	size_t n_factors;           /* Sobol factors: params (+ shocks) */
	size_t ni;
	lt_sens_target *ind;        /* [ni] every indicator of the scenario */
	size_t n_targets;           /* those with status LT_SENS_TARGET */
	int has_sobol;
	lt_sobol_result sobol;      /* outputs: value and met of each target */
} lt_sens_result;

/* The name of Sobol factor I of R (a parameter's, or "yearly shocks"). */
const char *lt_sens_factor_name(const lt_sens_result *r, size_t i);

/* Sensitivity of scenario S under schedule SCHED (NULL: the scenario's)
 * for the indicators KS[0..N_KS-1] (KS NULL: every one) into *OUT (free
 * with lt_sens_result_destroy; empty on failure).  Returns LT_OK, or an
 * error of the model, the solver or the Sobol engine (LT_EINVAL for bad
 * options, LT_ENOMEM, LT_ENOCONV) with its message in DIAG. */
int lt_sens_run(const lt_scenario *s, const lt_schedule *sched,
                const size_t *ks, size_t n_ks, const lt_sens_opts *o,
                lt_sens_result *out, lt_diag *diag);
void lt_sens_result_destroy(lt_sens_result *r);

/* Sobol indices alone on compiled model M (its schedule), for every
 * target: outputs 2t (the value) and 2t + 1 (met) of the t-th target in
 * indicator order; O->sobol is ignored.  For the benchmark (bench/) and
 * lt_sens_run.  Returns as lt_sobol_run. */
int lt_sens_sobol_run(const lt_model *m, const lt_sens_opts *o,
                      lt_sobol_result *out, lt_diag *diag);

#endif /* LT_SENS_H */
