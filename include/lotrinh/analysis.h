/* analysis.h - everything the engines answer about one scenario, in one
 * run: what `lotrinh run` presents (the briefing, the charts, the
 * workbook, CSV and JSON).
 *
 * One call runs, in order: the required paths, the audit, the plan and
 * business as usual at the central parameters, Monte Carlo of the plan's
 * own schedule and of business as usual (for the year-reached
 * distribution), the inverse questions at the central parameters, the
 * probability of each target against a constant budget share (the cost of
 * certainty, read at the plan's rule), the sensitivity (tornado and
 * Sobol indices), and the probability over share × β (the heat maps).  Each part is the engine the single-purpose command
 * uses, with the same options, so `run`'s numbers are the commands'
 * numbers.  Sample sizes are options, so tests and valgrind can run it
 * small.
 */
#ifndef LT_ANALYSIS_H
#define LT_ANALYSIS_H

#include <stddef.h>
#include <stdint.h>

#include "lotrinh/audit.h"
#include "lotrinh/error.h"
#include "lotrinh/heat.h"
#include "lotrinh/mc.h"
#include "lotrinh/paths.h"
#include "lotrinh/scenario.h"
#include "lotrinh/sens.h"
#include "lotrinh/simulate.h"
#include "lotrinh/solve.h"
#include "lotrinh/solve_mc.h"

typedef struct lt_analysis_opts {
	size_t draws;         /* Monte Carlo draws (plan, business as usual,
	                         and the probability against the share) */
	size_t sobol;         /* Sobol base rows; 0: the tornado alone */
	size_t bootstrap;     /* Sobol bootstrap resamples */
	uint64_t seed;
	int threads;
	/* called with the step's name as it starts (may be NULL) */
	void (*step)(const char *name, void *data);
	void *step_data;
	/* the engines' own progress callbacks, as lt_mc_opts (may be NULL) */
	void (*progress)(size_t done, size_t total, void *data);
	void *progress_data;
} lt_analysis_opts;

typedef struct lt_analysis {
	const lt_scenario *s;   /* borrowed: it must outlive the analysis */
	lt_paths *paths;
	lt_audit audit;
	lt_simulation sim;      /* the plan and business as usual, central */
	lt_mc_result mc;        /* the plan's own schedule */
	lt_mc_result mc_bau;    /* business as usual: today's share kept */
	lt_solve_report solve;
	lt_solve_mc_result prob; /* P(target) against a constant share */
	lt_sens_result sens;
	lt_heat_result heat;    /* P(target) over share × β (heat maps) */
	int has_sim, has_mc, has_mc_bau, has_solve, has_prob, has_sens;
	int has_heat;
} lt_analysis;

/* Run every engine on S with options O into *OUT (free with
 * lt_analysis_destroy, also after a failure: what ran is kept until
 * then).  Returns LT_OK, or the first engine's error (LT_EINVAL,
 * LT_ENOCONV, LT_ENOMEM) with its message in DIAG. */
int lt_analysis_run(const lt_scenario *s, const lt_analysis_opts *o,
                    lt_analysis *out, lt_diag *diag);
void lt_analysis_destroy(lt_analysis *a);

/* The share of the draws N meeting indicator K's target at the plan's
 * rule (a constant share of the base; from the probability-against-share
 * curve), into *COUNT; returns 1, or 0 when the plan has no rule or K has
 * no curve. */
int lt_analysis_count_at_rule(const lt_analysis *a, size_t k, size_t *count);

/* The first year by which at least half of the draws of R have met
 * indicator K's target; 0 when they do not by the horizon. */
int lt_analysis_median_year(const lt_mc_result *r, size_t k);

#endif /* LT_ANALYSIS_H */
