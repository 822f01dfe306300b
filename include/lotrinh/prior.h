/* prior.h - business-as-usual rates for indicators with too little history.
 *
 * "Business as usual" means the trend continues (docs/MODEL.md).  Where a
 * scenario gives no r and its history has fewer than LT_MODEL_R_MIN_OBS
 * observations, the model takes r from this table, chosen by the kind of
 * indicator the scenario names with `prior = "..."`.  Each entry states its
 * evidence and source; docs/MODEL.md has the same table with the
 * derivations.  A prior is either a logit rate a year or a pace in the
 * indicator's unit a year at its baseline, converted to the logit rate
 * r = pace / ((U − L)·x0·(1 − x0)), the logistic's slope at x0.
 */
#ifndef LT_PRIOR_H
#define LT_PRIOR_H

#include <stddef.h>

typedef struct lt_prior {
	const char *name;     /* the scenario's `prior` value */
	int is_pace;          /* 1: `value` is a pace in units a year */
	double value;         /* logit rate a year, or pace */
	const char *source;   /* the evidence, with its publisher */
} lt_prior;

/* The prior named NAME, or NULL. */
const lt_prior *lt_prior_find(const char *name);

/* The table, ending in an entry with a NULL name (for listing the names in
 * messages). */
extern const lt_prior lt_priors[];

/* The logit rate a year of prior P for an indicator at X0 = (y0 − L)/(U −
 * L) in (0, 1) with range WIDTH = U − L. */
double lt_prior_rate(const lt_prior *p, double x0, double width);

#endif /* LT_PRIOR_H */
