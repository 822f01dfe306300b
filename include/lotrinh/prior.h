/* prior.h - priors by kind of indicator: the business-as-usual rate r for
 * indicators with too little history, and the responsiveness β to capital
 * intensity, derived from published evidence (docs/MODEL.md, "Priors").
 *
 * A scenario names the kind of an indicator with `prior = "..."`.  Its r
 * prior applies where the scenario gives no r and the history has fewer
 * than LT_MODEL_R_MIN_OBS observations; its β prior wherever the scenario
 * gives no β.  Each prior is a triangular distribution (lo, mode, hi),
 * either of a logit rate a year or of a pace in the indicator's unit a year
 * at its baseline, converted to the logistic's slope there:
 * rate = pace / ((U − L)·x0·(1 − x0)).  For β the rate or pace is per
 * percentage point of GRDP of extra capital intensity.  Each entry states
 * its evidence; docs/MODEL.md has the derivations.
 */
#ifndef LT_PRIOR_H
#define LT_PRIOR_H

#include <stddef.h>

#include "lotrinh/scenario.h"

/* A triangular prior; lo == hi makes it a plain number. */
typedef struct lt_prior_dist {
	int is_pace;          /* 1: a pace in units a year, converted at x0 */
	double lo, mode, hi;
	const char *source;   /* the evidence, with its publisher */
} lt_prior_dist;

typedef struct lt_prior {
	const char *name;     /* the scenario's `prior` value */
	lt_prior_dist r;      /* business-as-usual rate */
	lt_prior_dist beta;   /* responsiveness per point of GRDP */
} lt_prior;

/* The prior named NAME, or NULL. */
const lt_prior *lt_prior_find(const char *name);

/* The table, ending in an entry with a NULL name (for listing the names in
 * messages). */
extern const lt_prior lt_priors[];

/* Prior D as a distribution of the logit rate for an indicator at X0 =
 * (y0 − L)/(U − L) in (0, 1) with range WIDTH = U − L, into *OUT (a
 * triangular distribution, or a plain number when lo == hi). */
void lt_prior_param(const lt_prior_dist *d, double x0, double width,
                    lt_param *out);

#endif /* LT_PRIOR_H */
