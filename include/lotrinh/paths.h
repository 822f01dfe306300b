/* paths.h - what growth each target implies: the paths engine.
 *
 * For every indicator of a scenario (or the ones asked for): the five path
 * families from its baseline to the value its target aims at (curve.h),
 * the SDG progress measures of its observations (progress.h) and the trend
 * its history alone implies (trend.h).  What a target means - its aim, its
 * sense, whether the baseline already meets it - comes from scenario.h's
 * lt_target_* functions, the one home of target semantics; a range target
 * is aimed at its near edge.  When the baseline already meets the target
 * no path is built: every family says so in its note (ok = 0).
 *
 * Pure computation on scenario types: no printing, no files.  The `paths`
 * command renders the result; tests, `run` and `compare` call it directly.
 */
#ifndef LT_PATHS_H
#define LT_PATHS_H

#include <stddef.h>

#include "lotrinh/curve.h"
#include "lotrinh/error.h"
#include "lotrinh/progress.h"
#include "lotrinh/scenario.h"
#include "lotrinh/trend.h"

/* Everything computed for one indicator. */
typedef struct lt_paths_item {
	const lt_indicator *ind;     /* borrowed from the scenario */
	double aim;                  /* the value the paths aim at (lt_target_aim) */
	int direction;               /* +1 up is better, -1 down (lt_target_sense) */
	int met;                     /* the baseline already meets the target */
	lt_path path[LT_PATH_KINDS]; /* indexed by lt_path_kind; path[k].ok = 0
	                                with a note when the family does not apply
	                                or the target is already met */
	int prog_ok;                 /* 1 when prog holds the progress measures */
	lt_progress prog;
	int trend_ok;                /* 1 when trend holds the trend */
	lt_trend_result trend;
	int year;                    /* the year the paths reach the aim
	                                (lt_target_path_year) */
	/* the second, later target (ind->has_vision): its aim, and the mean
	 * yearly change (in the unit) and growth (% a year) from the first
	 * target's aim to it; NaN where it cannot be computed (a growth from
	 * or to zero or below, or no first aim) */
	double vision_aim, vision_step, vision_cagr;
} lt_paths_item;

/* The result: one item per indicator, in the order asked for. */
typedef struct lt_paths {
	lt_paths_item *items;
	size_t n;
} lt_paths;

/* Compute the paths of the indicators of S named by IDS (N_IDS of them, in
 * that order), or of every indicator in the scenario's order when N_IDS is
 * 0.  S must outlive the result (items borrow its indicators).  The
 * horizon searched for the year a trend meets the target is the
 * scenario's.
 *
 * Returns LT_OK with *OUT a new result (caller frees with lt_paths_free);
 * LT_EINVAL when an id names no indicator or a path spec is invalid,
 * LT_ENOMEM; errors recorded in DIAG, *OUT NULL.  An indicator with too
 * little history is no error: its progress class says "insufficient data"
 * and its trend has no chosen model. */
int lt_paths_run(const lt_scenario *s, const char *const *ids, size_t n_ids,
                 lt_paths **out, lt_diag *diag);

/* Free a result of lt_paths_run; NULL does nothing. */
void lt_paths_free(lt_paths *p);

#endif /* LT_PATHS_H */
