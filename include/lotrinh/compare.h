/* compare.h - the same measures side by side for several provinces.
 *
 * `lotrinh compare` puts provinces next to each other on what each plan
 * targets: where each starts, what it aims at, the growth that needs, its
 * progress class, the smallest constant budget share that meets it, the
 * probability of meeting it at the plan's own budget rule, and the year the
 * plan reaches it.  Every number comes from the engines the single-province
 * commands use (paths, solve, simulate, Monte Carlo); this module only
 * matches indicators across scenarios and puts values on a common scale.
 *
 * Matching.  Two provinces' indicators are one measure when they have the
 * same id and the same kind: a score and a rank are never one measure, even
 * under one id, and a clash is reported instead.  A measure only one
 * province carries is listed, and said to be compared with nothing.
 *
 * Common scales, where units differ:
 *  - a rank's position among the provinces ranked, (rank − 1)/(ranked − 1):
 *    0 the first, 1 the last, so 12th of 63 (0.177) and 18th of 34 (0.515)
 *    can be read side by side though one ranking had 63 provinces and the
 *    other 34;
 *  - for every other kind, the baseline as a percentage of the province's
 *    own aim (its distance to go), which needs no common unit;
 *  - shares and scores with different unit texts are on one 0-100 scale,
 *    but the texts say they may count different things: the measure keeps
 *    them side by side and says so; counts with different units are not
 *    put on one scale beyond the percentage of their own aims.
 */
#ifndef LT_COMPARE_H
#define LT_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include "lotrinh/error.h"
#include "lotrinh/progress.h"
#include "lotrinh/scenario.h"
#include "lotrinh/solve.h"

/* What to run. */
typedef struct lt_compare_opts {
	size_t draws;     /* Monte Carlo draws for the probability at the rule;
	                     0: none (probabilities are missing) */
	uint64_t seed;
	int threads;
} lt_compare_opts;

/* One province's values on one measure.  NAN where a value does not apply
 * or cannot be computed (target-only indicators have no baseline and no
 * path). */
typedef struct lt_compare_cell {
	size_t scenario;      /* index into the scenarios compared */
	size_t k;             /* the indicator's index in that scenario */
	double position;      /* ranks: (baseline − 1)/(rank_of − 1); NAN */
	double aim_position;  /* ranks: the aim likewise; NAN */
	double of_aim_pct;    /* other kinds: 100·baseline/aim when the aim is
	                         positive; NAN */
	double step;          /* the mean change a year the target needs (the
	                         straight path), in the indicator's unit */
	double step_pct;      /* the mean growth a year it needs, % */
	int has_class;        /* the Open SDG progress class is known */
	lt_progress_class cls;
	int simulated;        /* the model runs it */
	lt_share_result share; /* the smallest constant share, central θ */
	int has_p;            /* a probability at the rule was estimated */
	double p_rule;        /* P(target met) at the rule's constant share */
	double p_se;          /* its Monte Carlo standard error */
	size_t p_met, p_draws; /* the counts behind it */
	int year_met;         /* the first year the plan's own schedule meets
	                         it (central θ); 0 none or not simulated */
} lt_compare_cell;

/* One measure: an (id, kind) and the provinces that carry it.  How its
 * values compare (the command says it in words): directly, when one unit
 * and one ranking; by position, when ranks are out of different numbers
 * of provinces; with a caution, when the unit texts differ. */
typedef struct lt_compare_measure {
	const char *id;       /* borrowed from the first scenario carrying it */
	lt_kind kind;
	int units_differ;     /* the provinces write different units */
	int ranks_differ;     /* ranks out of different numbers of provinces */
	lt_compare_cell *cells; /* [n_cells], in scenario order */
	size_t n_cells;
} lt_compare_measure;

/* An id that names different kinds of indicator in two provinces: not one
 * measure (a score is not a rank). */
typedef struct lt_compare_clash {
	const char *id;
	size_t a, b;          /* the scenarios */
	lt_kind kind_a, kind_b;
} lt_compare_clash;

typedef struct lt_compare {
	size_t n_scenarios;
	double *rule_pct;     /* [n_scenarios] each plan's budget rule, % of its
	                         own base; NAN without a rule */
	lt_compare_measure *measures; /* [n_measures] in order of first
	                                 appearance */
	size_t n_measures;
	lt_compare_clash *clashes;
	size_t n_clashes;
} lt_compare;

/* Compare the N scenarios S[] (borrowed; they must outlive OUT) with
 * options O into OUT (free with lt_compare_destroy).  Returns LT_OK, or an
 * engine's error (LT_ENOMEM, LT_EINVAL from a model, LT_ENOCONV) recorded in
 * DIAG with OUT empty. */
int lt_compare_run(const lt_scenario *const *s, size_t n,
                   const lt_compare_opts *o, lt_compare *out, lt_diag *diag);

void lt_compare_destroy(lt_compare *c);

#endif /* LT_COMPARE_H */
