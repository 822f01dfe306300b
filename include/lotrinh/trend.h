/* trend.h - what the history alone says about a target.
 *
 * Growth curves (fit.h) are fitted to an indicator's observations, chosen
 * between by AICc when the data allow, and extrapolated to the target year
 * with a 95% band from the delta method: the band of the fitted curve, not
 * of a single new observation, using Student's t quantile on the fit's
 * degrees of freedom.  The verdict is probability-free: the chosen trend
 * alone reaches the target by a year, or misses it.
 *
 * Which models are tried: every model whose parameters the data can
 * determine with at least one degree of freedom (n >= p + 1) and whose
 * form fits the values (the exponential needs positive values).  AICc
 * (with k = p + 1 counting the error variance) is defined only for
 * n >= p + 3; models without it are fitted and shown but not compared.
 * When no two models can be compared, the linear trend is used and the
 * result says so.
 */
#ifndef LT_TREND_H
#define LT_TREND_H

#include <stddef.h>

#include "lotrinh/error.h"
#include "lotrinh/fit.h"
#include "lotrinh/scenario.h"

/* Fewest observations for any trend: a line needs three to have one
 * degree of freedom left for its error. */
#define LT_TREND_MIN_OBS 3

typedef struct lt_trend_model {
	lt_fit_model model;
	int fitted;           /* 1 when fitted and converged */
	char why[160];        /* why not, or a note */
	lt_fit fit;
	double at_target;     /* the fitted curve in the target year */
	double se_at_target;  /* its delta-method standard error */
	double lo, hi;        /* 95% band: at_target ± t(0.975, dof) · se */
	int clamped;          /* the extrapolation left the indicator's range
	                         (lt_trend_spec.bounded) and is held at its end;
	                         the band likewise */
} lt_trend_model;

typedef struct lt_trend_result {
	size_t n;             /* observations used */
	int origin;           /* x = year − origin (the first observation's year) */
	lt_trend_model m[LT_FIT_COUNT];
	int chosen;           /* index into m of the trend used; -1 when none */
	char choice[200];     /* how it was chosen ("lowest AICc of 3", ...) */
	int reaches;          /* 1 when the chosen trend meets the target in its year */
	int year_met;         /* first year up to the horizon it meets it; 0 if none */
} lt_trend_result;

/* What a trend is asked. */
typedef struct lt_trend_spec {
	const lt_point *obs;  /* observations, years increasing */
	size_t n_obs;
	int direction;        /* +1: at least the target; -1: at most */
	double target;
	int target_year;
	int horizon;          /* last year searched for year_met */
	int bounded;          /* 1: the values live in [lo, hi] (a rank in 1 to
	                         the provinces ranked, a share in 0 to 100), and
	                         extrapolations are held there */
	double lo, hi;
} lt_trend_spec;

/* Fit every applicable model to SPEC's observations and extrapolate.
 * Returns LT_OK (with out->chosen = -1 and a reason in out->choice when
 * there is too little data or a model cannot be fitted: that is an answer,
 * not an error), LT_EINVAL for an invalid spec, or LT_ENOMEM. */
int lt_trend_run(const lt_trend_spec *spec, lt_trend_result *out, lt_diag *diag);

#endif /* LT_TREND_H */
