/* progress.h - SDG-style progress measures: is an indicator on track?
 *
 * Two published methods, both built on the compound annual growth rate
 * (CAGR) between the base observation and the latest one.  The base is the
 * observation of the base year, or, when that year has none, the first
 * observation after it; observations before the base year are ignored.
 * The base year is the spec's base_year, 2015 by default as in sdg-build
 * (SeriesProgress: `config.get('base_year', 2015)`, then "if the base year
 * is not in the available data, assign it to be the next available year").
 * Below, "first" means the base observation (y_0 in year t0):
 *
 * 1. Open SDG / Statistics Canada (open-sdg docs/progress-methodology.md,
 *    implemented in sdg-build sdg/ProgressMeasure.py).  With a numeric
 *    target: R = s d CAGR_obs / |CAGR_req|, where
 *      CAGR_obs = (y_t / y_0)^(1 / (t - t0)) - 1          (first -> latest)
 *      CAGR_req = (y_T / y_0)^(1 / (T - t0)) - 1          (first -> target)
 *    s = -1 when the first value is negative (else +1) and d = +1 when
 *    higher is better, -1 when lower is better.  Note that CAGR_req runs
 *    from the FIRST observation (the base year), not from the latest one:
 *    that is ProgressMeasure.py's `growth_calculation(self.target,
 *    self.base_value, self.target_year, self.base_year)` and the CAGR_T
 *    formula of the methodology.  Classes: target achieved (the latest
 *    value meets the target; checked first), R >= 0.95 on track,
 *    0.60 <= R < 0.95 acceleration needed ("progress made but acceleration
 *    needed"), 0 <= R < 0.60 limited progress, R < 0 deterioration.
 *    Without a target: the progress value s d CAGR_obs against 1.5 % and
 *    0.5 % a year (and 0), the positive thresholds scaled by C when the
 *    indicator has a natural limit y_lim:
 *      C = 1 - (y0 / y_lim)^4.44             when |y0| <= |y_lim|
 *      C = 1 - ((2 y_lim - y0) / y_lim)^4.44 when |y_lim| < |y0| < 2 |y_lim|
 *      C = 1                                 when |y0| >= 2 |y_lim|
 *    (absolute values as in get_progress_thresholds).  A first value of
 *    0 and a target of 0 are replaced by 0.001; the first and latest values
 *    must not have opposite signs.
 *
 * 2. The UNSD progress chart as EUSTAT implements it (EUSTAT-DES site,
 *    _pages/en/metodologia.md, after the UN Statistics Division's Progress
 *    Chart Technical Note 2023): project the latest value at the observed
 *    rate, v_T = v_t (1 + CAGR_obs)^(T - t), and compare the projected
 *    change with the change needed, (v_T - v_b) / (target - v_b): >= 0.95
 *    on the way, 0.10..0.95 acceleration needed, < 0.10 stagnation or
 *    regression.  Without a target, CAGR_obs against 2 % and 0.5 % a year,
 *    mirrored when lower is better.
 *
 * Both need at least two observations; a latest value that meets the target
 * counts as achieved whatever the trend.  These are summaries that assume
 * the past rate continues: they say nothing about why.
 */
#ifndef LT_PROGRESS_H
#define LT_PROGRESS_H

#include <stddef.h>

#include "lotrinh/error.h"
#include "lotrinh/scenario.h"

/* ---- thresholds, each with its source ---------------------------------- */

/* Open SDG with a target: R >= 0.95 on track, >= 0.60 acceleration needed,
 * >= 0 limited progress (methodology table "Ratio of observed over required
 * growth rate"; ProgressMeasure.py get_progress_thresholds, method 2:
 * {'high': 0.95, 'med': 0.6, 'low': 0}). */
#define LT_PROGRESS_R_HIGH 0.95
#define LT_PROGRESS_R_MED 0.60
#define LT_PROGRESS_R_LOW 0.0

/* Open SDG without a target: CAGR >= 1.5 % on track, >= 0.5 % acceleration
 * needed, >= 0 limited progress (methodology table "Observed growth rate";
 * ProgressMeasure.py method 1: {'high': 0.015, 'med': 0.005, 'low': 0}). */
#define LT_PROGRESS_CAGR_HIGH 0.015
#define LT_PROGRESS_CAGR_MED 0.005
#define LT_PROGRESS_CAGR_LOW 0.0

/* Exponent of the limit scaling factor C (methodology "Scaling factor
 * equation"; ProgressMeasure.py `a = 4.44`), chosen by Statistics Canada
 * so that "on track" stays reachable for 15 years without crossing the
 * limit. */
#define LT_PROGRESS_LIMIT_EXP 4.44

/* A first value or a target of exactly 0 is replaced by this
 * (methodology "Special considerations for the base value and the target
 * value"; ProgressMeasure.py: "Calculating progress with base value =
 * 0.001 instead"), since a growth rate from or to 0 does not exist. */
#define LT_PROGRESS_ZERO_SUBST 0.001

/* The default base year: sdg-build's SeriesProgress takes
 * `config.get('base_year', 2015)`, the first year of the SDG period
 * (Agenda 2030 was adopted in September 2015). */
#define LT_PROGRESS_BASE_YEAR 2015

/* UNSD / EUSTAT with a target: (v_T - v_b) / (target - v_b) >= 0.95 on the
 * way, >= 0.10 acceleration needed (EUSTAT metodologia.md, scores 3/2/1). */
#define LT_UNSD_RATIO_HIGH 0.95
#define LT_UNSD_RATIO_MED 0.10

/* UNSD / EUSTAT without a target: CAGR >= 2 % on the way, >= 0.5 %
 * acceleration needed; when a decrease is desired CAGR <= -2 % and
 * -2 % < CAGR <= -0.5 % (EUSTAT metodologia.md). */
#define LT_UNSD_CAGR_HIGH 0.02
#define LT_UNSD_CAGR_MED 0.005

/* EUSTAT exception 2: for a percentage whose target is 0 % or 100 %, a
 * latest value within 1 (percentage point) of the target counts as
 * achieved ("diferencia máxima de 1%").  Applied when the spec's limit is
 * 100 (the indicator is a percentage) and the target is 0 or 100. */
#define LT_UNSD_NEAR_TARGET_PTS 1.0
#define LT_UNSD_PERCENT_LIMIT 100.0

/* ---- classes ----------------------------------------------------------- */

typedef enum lt_progress_class {
	LT_CLASS_ACHIEVED,     /* "target achieved" */
	LT_CLASS_ON_TRACK,     /* "on track" */
	LT_CLASS_ACCELERATION, /* "acceleration needed" */
	LT_CLASS_LIMITED,      /* "limited progress" */
	LT_CLASS_DETERIORATION, /* "deterioration" */
	LT_CLASS_INSUFFICIENT  /* "insufficient data" (Open SDG's "unable to
	                          assess"): not a progress class */
} lt_progress_class;

#define LT_CLASSES 6

/* The class's name as above; "unknown" outside the enum.  Static string. */
const char *lt_progress_class_name(lt_progress_class t);

/* What to assess.  Pointers are borrowed.  A zero-initialised spec gets
 * the default base year. */
typedef struct lt_progress_spec {
	const lt_point *obs;  /* observed values, years strictly increasing;
	                         the base is the first in or after base_year,
	                         the last is the latest */
	size_t n_obs;
	int direction;        /* +1 higher is better, -1 lower is better */
	int has_target;
	double target;        /* when has_target */
	int target_year;      /* when has_target; after the first observation */
	double limit;         /* the natural limit in the desired direction (a
	                         ceiling such as 100 for a share that should
	                         rise, a floor for one that should fall), NAN
	                         when none; used only without a target, as
	                         Open SDG does */
	int base_year;        /* the base year; 0 means LT_PROGRESS_BASE_YEAR.
	                         The base observation is the one in this year,
	                         else the first after it; earlier observations
	                         enter no rate (sdg-build SeriesProgress) */
} lt_progress_spec;

/* The assessment.  Strings are static. */
typedef struct lt_progress {
	lt_progress_class trend;        /* Open SDG class */
	int n;                 /* observations used: the base and those after
	                          it */
	int base_year;         /* the year of the base observation; 0 when
	                          there is none in or after the base year */
	double base_value;     /* its value as observed (before the 0 -> 0.001
	                          rule); NAN when there is none */
	double cagr_obs;       /* (y_t / y_0)^(1/(t - t0)) - 1, a fraction a year
	                          (0.05 = 5 %), after the 0 -> 0.001 rule; NAN
	                          when undefined */
	double cagr_req;       /* Open SDG's required rate, FIRST observation to
	                          target: (y_T / y_0)^(1/(T - t0)) - 1; NAN
	                          without a target or when undefined */
	double cagr_req_latest; /* the rate needed from the LATEST value on:
	                          (target / y_t)^(1/(T - t)) - 1, target after
	                          the 0 -> 0.001 rule; NAN without a
	                          target, when T <= t, or when y_t and the target
	                          are not both positive or both negative.  Not
	                          used by either class; for reports */
	double ratio;          /* Open SDG R; NAN when not computed (no target,
	                          too little data, mixed signs) */
	double coeff;          /* Open SDG limit scaling C in [0, 1]; 1 without
	                          a limit; NAN with a target (not used) or
	                          when the series is not assessed */
	double points_obs;     /* (y_t - y_0) / (t - t0), points a year */
	double points_req;     /* (target - y_t) / (T - t), points a year; NAN
	                          without a target or when T <= t */
	double unsd_projection; /* v_T = v_t (1 + CAGR_obs)^(T - t); NAN without
	                          a target */
	double unsd_ratio;     /* (v_T - v_b) / (target - v_b); NAN without a
	                          target or when target == v_b */
	const char *unsd_class; /* "on the way", "acceleration needed",
	                          "stagnation or regression", or NULL when not
	                          assessed */
	const char *note;      /* why the data were insufficient, or which
	                          value was replaced by 0.001; NULL if nothing */
} lt_progress;

/* Assess SPEC by both methods and store the result in OUT.
 *
 * Rules (in order; ProgressMeasure.py SeriesProgress unless stated):
 *  - the base is the observation in the base year, else the first after
 *    it; observations before it are dropped.  When no observation is in
 *    or after the base year the result is insufficient data (sdg-build
 *    would look up a missing year and fail);
 *  - target achieved: the latest value meets the target (>= when higher is
 *    better, <= when lower is better; a target of 0 is first replaced by
 *    0.001).  This holds even with one observation, as sdg-build's
 *    get_progress_status checks it before anything else;
 *  - otherwise fewer than 2 observations -> insufficient data;
 *  - a first value of 0 is replaced by 0.001 (note says so);
 *  - first and latest values of opposite signs -> insufficient data
 *    (the methodology: "valid only when all values are positive or all
 *    values are negative"; sdg-build checks these two values);
 *  - with a target, R against LT_PROGRESS_R_*; a target of the other sign
 *    than the first value leaves R undefined -> insufficient data; a
 *    required rate of exactly 0 (target = first value) gives R = +-inf as
 *    numpy does;
 *  - without a target, s d CAGR_obs against LT_PROGRESS_CAGR_* times C.
 * The UNSD class follows EUSTAT's rules and exceptions 1 (target met ->
 * on the way) and 2 (LT_UNSD_NEAR_TARGET_PTS); see docs/MODEL.md for the
 * two cases EUSTAT leaves open (a target on the wrong side of v_b, and
 * negative series without a target), where this code says "stagnation or
 * regression" and flips the direction as Open SDG does.
 *
 * Accuracy: a few ulp in each rate (pow and division); classes compare the
 * computed value with the thresholds exactly, so a ratio within rounding of
 * a threshold may fall either side.
 *
 * Returns LT_OK; LT_EINVAL, recorded in DIAG, when SPEC is NULL, obs is
 * NULL with n_obs > 0, years do not strictly increase, a value is not
 * finite, direction is not +-1, a target is not finite or its year is not
 * after the base observation, or the limit is infinite. */
int lt_progress_assess(const lt_progress_spec *spec, lt_progress *out,
                       lt_diag *diag);

/* Open SDG's class for ratio R (with a target): the thresholds above, as
 * sdg-build's get_progress_status (value >= high, med <= value < high,
 * low <= value < med, value < low); NaN gives LT_CLASS_INSUFFICIENT. */
lt_progress_class lt_progress_class_ratio(double r);

/* Open SDG's class for the progress value G = s d CAGR_obs without a
 * target, with thresholds scaled by COEFF (1 when no limit).  With
 * COEFF = 0 every G >= 0 is on track, as the methodology says. */
lt_progress_class lt_progress_class_growth(double g, double coeff);

/* Open SDG's limit scaling factor C for first value Y0 and limit LIMIT
 * (formula in the comment at the top); 1 when LIMIT is NaN. */
double lt_progress_coeff(double y0, double limit);

/* EUSTAT's class for the UNSD ratio (with a target) or for the growth
 * value d CAGR (without one); NULL for NaN. */
const char *lt_unsd_class_ratio(double ratio);
const char *lt_unsd_class_growth(double g);

#endif /* LT_PROGRESS_H */
