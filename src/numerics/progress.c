/* progress.c - SDG-style progress measures (see progress.h).
 *
 * The Open SDG part follows sdg-build's sdg/ProgressMeasure.py line by line
 * (SeriesProgress: is_target_achieved, calculate_progress_value,
 * methodology_1/2, get_progress_thresholds, get_progress_status), because
 * the published methodology (open-sdg docs/progress-methodology.md) is
 * defined by what that code computes; where the two differ the comments
 * say which was followed.  The UNSD part follows EUSTAT's page
 * (EUSTAT-DES site, _pages/en/metodologia.md).  Classification helpers are
 * public so that tests can probe the thresholds exactly.
 */
#include "lotrinh/progress.h"

#include <math.h>
#include <stddef.h>

static const char *const trend_names[LT_CLASSES] = {
	"target achieved", "on track", "acceleration needed",
	"limited progress", "deterioration", "insufficient data"
};

static const char unsd_on_the_way[] = "on the way";
static const char unsd_acceleration[] = "acceleration needed";
static const char unsd_stagnation[] = "stagnation or regression";

const char *lt_progress_class_name(lt_progress_class t)
{
	if ((int)t < 0 || (int)t >= LT_CLASSES)
		return "unknown";
	return trend_names[t];
}

/* ---- classification ---------------------------------------------------- */

/* get_progress_status: value >= high, med <= value < high, low <= value <
 * med, value < low.  NaN fails every comparison, as in Python, and gives
 * "not_available", which is our insufficient data. */
static lt_progress_class class_by(double v, double high, double med, double low)
{
	if (v >= high)
		return LT_CLASS_ON_TRACK;
	if (v >= med)
		return LT_CLASS_ACCELERATION;
	if (v >= low)
		return LT_CLASS_LIMITED;
	if (v < low)
		return LT_CLASS_DETERIORATION;
	return LT_CLASS_INSUFFICIENT;
}

lt_progress_class lt_progress_class_ratio(double r)
{
	return class_by(r, LT_PROGRESS_R_HIGH, LT_PROGRESS_R_MED,
	                LT_PROGRESS_R_LOW);
}

lt_progress_class lt_progress_class_growth(double g, double coeff)
{
	/* get_progress_thresholds multiplies all three, low = 0 included;
	 * the methodology: "not applied to thresholds <= 0" - the same. */
	return class_by(g, LT_PROGRESS_CAGR_HIGH * coeff,
	                LT_PROGRESS_CAGR_MED * coeff,
	                LT_PROGRESS_CAGR_LOW * coeff);
}

double lt_progress_coeff(double y0, double limit)
{
	/* get_progress_thresholds: absolute values; the 2*limit test comes
	 * first "because want coeff = 1 if base_value and limit are both
	 * zero". */
	double b = fabs(y0), lim = fabs(limit);

	if (isnan(limit))
		return 1.0;
	if (b >= 2 * lim)
		return 1.0;
	if (b <= lim)
		return 1 - pow(b / lim, LT_PROGRESS_LIMIT_EXP);
	return 1 - pow((2 * lim - b) / lim, LT_PROGRESS_LIMIT_EXP);
}

const char *lt_unsd_class_ratio(double ratio)
{
	if (isnan(ratio))
		return NULL;
	if (ratio >= LT_UNSD_RATIO_HIGH)
		return unsd_on_the_way;
	if (ratio >= LT_UNSD_RATIO_MED)
		return unsd_acceleration;
	return unsd_stagnation;
}

const char *lt_unsd_class_growth(double g)
{
	if (isnan(g))
		return NULL;
	if (g >= LT_UNSD_CAGR_HIGH)
		return unsd_on_the_way;
	if (g >= LT_UNSD_CAGR_MED)
		return unsd_acceleration;
	return unsd_stagnation;
}

/* ---- assessment -------------------------------------------------------- */

/* growth_calculation(val1, val2, t1, t2) = (val1 / val2)^(1/(t1 - t2)) - 1.
 * NAN when the ratio is negative (numpy gives nan for a fractional power of
 * a negative number). */
static double growth(double v1, double v2, double t1, double t2)
{
	double q = v1 / v2;

	if (q < 0)
		return NAN;
	return pow(q, 1 / (t1 - t2)) - 1;
}

static int spec_check(const lt_progress_spec *spec, lt_diag *diag)
{
	size_t i;

	if (spec == NULL)
		LT_ERROR(diag, LT_EINVAL, "progress: no specification");
	if (spec->n_obs > 0 && spec->obs == NULL)
		LT_ERROR(diag, LT_EINVAL, "progress: %zu observations but no list",
		         spec->n_obs);
	for (i = 0; i < spec->n_obs; i++) {
		if (!isfinite(spec->obs[i].value))
			LT_ERROR(diag, LT_EINVAL, "progress: the value for %d is not "
			         "finite", spec->obs[i].year);
		if (i > 0 && spec->obs[i].year <= spec->obs[i - 1].year)
			LT_ERROR(diag, LT_EINVAL, "progress: observation years must "
			         "increase (%d comes after %d)", spec->obs[i].year,
			         spec->obs[i - 1].year);
	}
	if (spec->direction != 1 && spec->direction != -1)
		LT_ERROR(diag, LT_EINVAL, "progress: direction must be +1 or -1 "
		         "(got %d)", spec->direction);
	if (spec->has_target && !isfinite(spec->target))
		LT_ERROR(diag, LT_EINVAL, "progress: the target is not finite");
	if (spec->has_target && spec->n_obs > 0 &&
	    spec->target_year <= spec->obs[0].year)
		LT_ERROR(diag, LT_EINVAL, "progress: the target year %d must be "
		         "after the first observation (%d)", spec->target_year,
		         spec->obs[0].year);
	if (isinf(spec->limit))
		LT_ERROR(diag, LT_EINVAL, "progress: the limit must be a number "
		         "or absent (NAN)");
	return LT_OK;
}

/* EUSTAT's class with a target; ACHIEVED is exception 1.  One case the
 * page leaves open: a target that the base value already met (d (target -
 * v_b) <= 0, including target = v_b) while the latest value does not.
 * The series went the wrong way, so "stagnation or regression"; the ratio
 * (negative over negative) would call it on the way. */
static const char *unsd_with_target(const lt_progress_spec *spec,
                                    const lt_progress *out, int achieved,
                                    double vb)
{
	double vt = spec->obs[spec->n_obs - 1].value;

	if (achieved)
		return unsd_on_the_way;
	/* exception 2: a percentage within 1 point of a 0 % or 100 % target */
	if (spec->limit == LT_UNSD_PERCENT_LIMIT &&
	    (spec->target == 0 || spec->target == LT_UNSD_PERCENT_LIMIT) &&
	    fabs(vt - spec->target) <= LT_UNSD_NEAR_TARGET_PTS)
		return unsd_on_the_way;
	if (spec->direction * (spec->target - vb) <= 0)
		return unsd_stagnation;
	return lt_unsd_class_ratio(out->unsd_ratio);
}

/* Fill the rates and both classes for n >= 2 observations. */
static void assess_series(const lt_progress_spec *spec, lt_progress *out,
                          int achieved, double tgt)
{
	const lt_point *first = &spec->obs[0];
	const lt_point *last = &spec->obs[spec->n_obs - 1];
	double b = first->value, s, d = spec->direction, g;

	out->points_obs = (last->value - first->value) /
	                  (last->year - first->year);
	/* calculate_progress_value: base 0 -> 0.001, then the sign check */
	if (b == 0) {
		b = LT_PROGRESS_ZERO_SUBST;
		out->note = "the first value 0 was replaced by 0.001";
	}
	if ((b > 0 && last->value < 0) || (b < 0 && last->value > 0)) {
		out->note = "the first and latest values have opposite signs";
		return;
	}
	s = b < 0 ? -1 : 1;
	out->cagr_obs = growth(last->value, b, last->year, first->year);
	if (!spec->has_target) {
		/* methodology_1 and get_progress_thresholds */
		out->coeff = lt_progress_coeff(first->value, spec->limit);
		g = s * d * out->cagr_obs;
		out->trend = lt_progress_class_growth(g, out->coeff);
		out->unsd_class = lt_unsd_class_growth(g);
		return;
	}
	/* methodology_2: cagr_o / abs(cagr_r), numpy semantics at 0 */
	out->cagr_req = growth(tgt, b, spec->target_year, first->year);
	if (isnan(out->cagr_req)) {
		out->note = "the target and the first value have opposite signs";
	} else if (out->cagr_req != 0) {
		out->ratio = s * d * out->cagr_obs / fabs(out->cagr_req);
	} else if (out->cagr_obs != 0) {
		out->ratio = copysign(HUGE_VAL, s * d * out->cagr_obs);
	}
	if (!achieved)
		out->trend = lt_progress_class_ratio(out->ratio);
	/* EUSTAT: v_T = v_t (1 + CAGR_a)^(T - t), ratio against v_b */
	out->unsd_projection = last->value *
		pow(1 + out->cagr_obs, spec->target_year - last->year);
	if (spec->target != b)
		out->unsd_ratio = (out->unsd_projection - b) / (spec->target - b);
	out->unsd_class = unsd_with_target(spec, out, achieved, b);
}

/* The index of the base observation of SPEC: the first in or after the
 * base year (sdg-build: the base year if it has data, else "the next
 * available year"); n_obs when there is none. */
static size_t base_index(const lt_progress_spec *spec)
{
	int year = spec->base_year != 0 ? spec->base_year : LT_PROGRESS_BASE_YEAR;
	size_t i = 0;

	while (i < spec->n_obs && spec->obs[i].year < year)
		i++;
	return i;
}

int lt_progress_assess(const lt_progress_spec *spec, lt_progress *out,
                       lt_diag *diag)
{
	lt_progress_spec from_base;
	const lt_point *last;
	double tgt = NAN;
	int achieved = 0, rc;
	size_t b;

	out->trend = LT_CLASS_INSUFFICIENT;
	out->n = 0;
	out->base_year = 0;
	out->base_value = NAN;
	out->cagr_obs = out->cagr_req = out->cagr_req_latest = NAN;
	out->ratio = out->coeff = NAN;
	out->points_obs = out->points_req = NAN;
	out->unsd_projection = out->unsd_ratio = NAN;
	out->unsd_class = NULL;
	out->note = NULL;
	if ((rc = spec_check(spec, diag)) != LT_OK)
		return rc;
	if (spec->n_obs == 0) {
		out->note = "no observations";
		return LT_OK;
	}
	/* from here on, only the base observation and those after it */
	b = base_index(spec);
	if (b == spec->n_obs) {
		out->note = "no observation in or after the base year";
		return LT_OK;
	}
	from_base = *spec;
	from_base.obs = spec->obs + b;
	from_base.n_obs = spec->n_obs - b;
	spec = &from_base;
	if (spec->has_target && spec->target_year <= spec->obs[0].year)
		LT_ERROR(diag, LT_EINVAL, "progress: the target year %d must be "
		         "after the base observation (%d)", spec->target_year,
		         spec->obs[0].year);
	out->n = (int)spec->n_obs;
	out->base_year = spec->obs[0].year;
	out->base_value = spec->obs[0].value;
	last = &spec->obs[spec->n_obs - 1];
	if (spec->has_target) {
		/* SeriesProgress.__init__: a target of 0 becomes 0.001 before
		 * is_target_achieved runs */
		tgt = spec->target == 0 ? LT_PROGRESS_ZERO_SUBST : spec->target;
		achieved = spec->direction > 0 ? last->value >= tgt :
		                                 last->value <= tgt;
		if (spec->target_year > last->year) {
			out->points_req = (spec->target - last->value) /
			                  (spec->target_year - last->year);
			if ((last->value > 0 && tgt > 0) ||
			    (last->value < 0 && tgt < 0))
				out->cagr_req_latest = growth(tgt, last->value,
				                              spec->target_year,
				                              last->year);
		}
	}
	if (spec->n_obs >= 2)
		assess_series(spec, out, achieved, tgt);
	else
		out->note = "at least two observations are needed";
	if (achieved) {
		out->trend = LT_CLASS_ACHIEVED;
		out->unsd_class = unsd_on_the_way;
	}
	return LT_OK;
}
