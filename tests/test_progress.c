/* test_progress.c - SDG-style progress measures (progress.h).
 *
 * Expected values are worked by hand in the comments from the formulas of
 * open-sdg docs/progress-methodology.md and sdg-build ProgressMeasure.py
 * (Open SDG) and EUSTAT's metodologia.md (UNSD progress chart), and were
 * checked with a calculator to 6 or more digits.  Tolerances: the rates are
 * one pow() and one division on numbers of order 0.01-100, so 1e-12 (a few
 * thousand ulp of the values compared) bounds rounding with room to spare;
 * the hand-rounded numbers in comments are only for the reader.
 * Thresholds are probed exactly at and just below each boundary through
 * the public classification helpers, since data that produce a ratio of
 * exactly 0.95 after pow() do not exist in general.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "lotrinh/progress.h"

#define TOL 1e-12

/* Assess SPEC expecting LT_OK; returns the result. */
static lt_progress assess(const lt_progress_spec *spec)
{
	lt_progress p;
	lt_diag d;

	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_progress_assess(spec, &p, &d), LT_OK);
	cr_assert_eq(lt_diag_count(&d), 0);
	lt_diag_destroy(&d);
	return p;
}

static void expect_unsd(const lt_progress *p, const char *want)
{
	if (want == NULL) {
		cr_expect_null(p->unsd_class, "unsd class %s, want none",
		               p->unsd_class);
		return;
	}
	cr_assert_not_null(p->unsd_class, "no unsd class, want %s", want);
	cr_expect_str_eq(p->unsd_class, want);
}

Test(progress, names)
{
	cr_expect_str_eq(lt_progress_class_name(LT_CLASS_ACHIEVED), "target achieved");
	cr_expect_str_eq(lt_progress_class_name(LT_CLASS_ON_TRACK), "on track");
	cr_expect_str_eq(lt_progress_class_name(LT_CLASS_ACCELERATION),
	                 "acceleration needed");
	cr_expect_str_eq(lt_progress_class_name(LT_CLASS_LIMITED), "limited progress");
	cr_expect_str_eq(lt_progress_class_name(LT_CLASS_DETERIORATION), "deterioration");
	cr_expect_str_eq(lt_progress_class_name(LT_CLASS_INSUFFICIENT),
	                 "insufficient data");
	cr_expect_str_eq(lt_progress_class_name((lt_progress_class)LT_CLASSES), "unknown");
}

/* ---- with a target ----------------------------------------------------- */

Test(progress, long_an_pii_deterioration)
{
	/* Long An's PII (scenarios/long_an.cfg): 44.95 in 2023, 42.05 in 2024,
	 * target 50 by 2030, higher is better.
	 *   CAGR_obs = 42.05 / 44.95 - 1 = -2.90 / 44.95 = -0.0645161
	 *   CAGR_req = (50 / 44.95)^(1/7) - 1 = 1.112347^(1/7) - 1 = 0.0153266
	 *     (Open SDG: from the FIRST value and year, ProgressMeasure.py
	 *     methodology_2)
	 *   R = +1 * +1 * -0.0645161 / 0.0153266 = -4.2094 < 0: deterioration
	 *   from the latest value: (50 / 42.05)^(1/6) - 1 = 0.0292811
	 *   points: -2.90 a year observed, (50 - 42.05) / 6 = 1.325 needed
	 *   UNSD: v_2030 = 42.05 * 0.935484^6 = 28.1828,
	 *         (28.1828 - 44.95) / (50 - 44.95) = -3.3202 < 0.10 */
	static const lt_point obs[] = {{2023, 44.95}, {2024, 42.05}};
	lt_progress_spec spec = {obs, 2, +1, 1, 50.0, 2030, NAN, 0};
	lt_progress p = assess(&spec);

	cr_expect_eq(p.trend, LT_CLASS_DETERIORATION, "%s",
	             lt_progress_class_name(p.trend));
	cr_expect_eq(p.n, 2);
	cr_expect_float_eq(p.cagr_obs, -0.06451612903225823, TOL);
	cr_expect_float_eq(p.cagr_req, 0.015326586302789158, TOL);
	cr_expect_float_eq(p.cagr_req_latest, 0.029281105949237496, TOL);
	cr_expect_float_eq(p.ratio, -4.209425879820183, 1e-10);
	cr_expect_float_eq(p.points_obs, -2.90, TOL);
	cr_expect_float_eq(p.points_req, 1.325, TOL);
	cr_expect(isnan(p.coeff));
	cr_expect_float_eq(p.unsd_projection, 28.182779613789535, 1e-10);
	cr_expect_float_eq(p.unsd_ratio, -3.3202416606357383, 1e-10);
	expect_unsd(&p, "stagnation or regression");
	cr_expect_null(p.note);
}

Test(progress, lower_is_better_on_track)
{
	/* An illustrative rank (lower is better): 17th in 2021, 14th in 2023,
	 * target 10th by 2030.
	 *   CAGR_obs = (14/17)^(1/2) - 1 = -0.0925148
	 *   CAGR_req = (10/17)^(1/9) - 1 = -0.0572543
	 *   R = +1 * -1 * -0.0925148 / 0.0572543 = 1.6159 >= 0.95: on track
	 *   UNSD: v_2030 = 14 * 0.907485^7 = 7.09586,
	 *         (7.09586 - 17) / (10 - 17) = 1.41488 >= 0.95: on the way */
	static const lt_point obs[] = {{2021, 17.0}, {2022, 15.0}, {2023, 14.0}};
	lt_progress_spec spec = {obs, 3, -1, 1, 10.0, 2030, NAN, 0};
	lt_progress p = assess(&spec);

	cr_expect_eq(p.trend, LT_CLASS_ON_TRACK, "%s", lt_progress_class_name(p.trend));
	cr_expect_eq(p.n, 3);
	cr_expect_float_eq(p.cagr_obs, -0.09251478702696991, TOL);
	cr_expect_float_eq(p.cagr_req, -0.05725429112312597, TOL);
	cr_expect_float_eq(p.ratio, 1.61585769751329, 1e-10);
	cr_expect_float_eq(p.points_obs, -1.5, TOL);
	cr_expect_float_eq(p.points_req, -4.0 / 7.0, TOL);
	cr_expect_float_eq(p.unsd_projection, 7.095858323136965, 1e-10);
	cr_expect_float_eq(p.unsd_ratio, 1.4148773824090048, 1e-10);
	expect_unsd(&p, "on the way");
}

Test(progress, dong_thap_budget_share_deterioration)
{
	/* Dong Thap's science and technology share of total budget spending
	 * (scenarios/dong_thap.cfg, source 003 part II p. 2): 0.326 % (2020),
	 * 0.355, 0.736, 0.382, 0.240, 0.315 % (2025); the 3 % rule read as a
	 * 2030 target.  Only the first and latest values enter:
	 *   CAGR_obs = (0.315 / 0.326)^(1/5) - 1 = -0.00684144
	 *   CAGR_req = (3 / 0.326)^(1/10) - 1 = 0.248505
	 *   R = -0.0275304 < 0: deterioration
	 *   UNSD: v_2030 = 0.315 * 0.993159^5 = 0.304371,
	 *         (0.304371 - 0.326) / (3 - 0.326) = -0.00809 */
	static const lt_point obs[] = {
		{2020, 0.326}, {2021, 0.355}, {2022, 0.736}, {2023, 0.382},
		{2024, 0.240}, {2025, 0.315}
	};
	lt_progress_spec spec = {obs, 6, +1, 1, 3.0, 2030, NAN, 0};
	lt_progress p = assess(&spec);

	cr_expect_eq(p.trend, LT_CLASS_DETERIORATION);
	cr_expect_float_eq(p.cagr_obs, -0.006841438578120584, TOL);
	cr_expect_float_eq(p.cagr_req, 0.24850522859244117, TOL);
	cr_expect_float_eq(p.ratio, -0.027530360696518083, 1e-10);
	cr_expect_float_eq(p.unsd_ratio, -0.008088569317811609, 1e-10);
	expect_unsd(&p, "stagnation or regression");

	/* the same series without a target: -0.684 % a year < 0 is
	 * deterioration (Open SDG) and below 0.5 % (EUSTAT) */
	spec.has_target = 0;
	p = assess(&spec);
	cr_expect_eq(p.trend, LT_CLASS_DETERIORATION);
	cr_expect(isnan(p.ratio) && isnan(p.cagr_req) && isnan(p.points_req));
	cr_expect(isnan(p.unsd_projection) && isnan(p.unsd_ratio));
	cr_expect_float_eq(p.coeff, 1.0, 0.0);
	expect_unsd(&p, "stagnation or regression");
}

Test(progress, exact_ratio_one_is_on_track)
{
	/* 16 -> 25 in two years: 25/16 = 1.5625 = 1.25^2, CAGR_obs = 0.25
	 * exactly; target 39.0625 = 16 * 1.25^4 in four years: CAGR_req =
	 * 0.25 too, so R = 1 (all numbers exact in binary). */
	static const lt_point obs[] = {{2020, 16.0}, {2022, 25.0}};
	lt_progress_spec spec = {obs, 2, +1, 1, 39.0625, 2024, NAN, 0};
	lt_progress p = assess(&spec);

	cr_expect_float_eq(p.cagr_obs, 0.25, TOL);
	cr_expect_float_eq(p.cagr_req, 0.25, TOL);
	cr_expect_float_eq(p.ratio, 1.0, TOL);
	cr_expect_eq(p.trend, LT_CLASS_ON_TRACK);
	/* UNSD: v_2024 = 25 * 1.25^2 = 39.0625, the target: ratio 1 */
	cr_expect_float_eq(p.unsd_projection, 39.0625, TOL);
	expect_unsd(&p, "on the way");
}

/* ---- target achieved and insufficient data ----------------------------- */

Test(progress, target_achieved)
{
	/* latest 61.7 >= target 60: achieved, whatever R says */
	static const lt_point obs[] = {{2023, 52.3}, {2024, 61.7}};
	static const lt_point equal[] = {{2023, 52.3}, {2024, 60.0}};
	static const lt_point falling[] = {{2023, 12.0}, {2024, 9.5}};
	lt_progress_spec spec = {obs, 2, +1, 1, 60.0, 2030, NAN, 0};
	lt_progress p = assess(&spec);

	cr_expect_eq(p.trend, LT_CLASS_ACHIEVED);
	expect_unsd(&p, "on the way");
	/* the rates are still reported: 61.7 / 52.3 - 1 = 0.179732 */
	cr_expect_float_eq(p.cagr_obs, 61.7 / 52.3 - 1, TOL);
	cr_expect_gt(p.ratio, 0.95);
	/* the boundary: latest == target is achieved (>=) */
	spec.obs = equal;
	cr_expect_eq(assess(&spec).trend, LT_CLASS_ACHIEVED);
	/* lower is better: 9.5 <= 10 */
	spec.obs = falling;
	spec.direction = -1;
	spec.target = 10.0;
	cr_expect_eq(assess(&spec).trend, LT_CLASS_ACHIEVED);
	spec.target = 9.5;
	cr_expect_eq(assess(&spec).trend, LT_CLASS_ACHIEVED);
	spec.target = 9.4;
	cr_expect_neq(assess(&spec).trend, LT_CLASS_ACHIEVED);
}

Test(progress, one_point)
{
	/* Long An's digital economy: 6.36 % in 2024 only, target 30 by 2030.
	 * One point: no rate, insufficient data. */
	static const lt_point obs[] = {{2024, 6.36}};
	lt_progress_spec spec = {obs, 1, +1, 1, 30.0, 2030, NAN, 0};
	lt_progress p = assess(&spec);

	cr_expect_eq(p.trend, LT_CLASS_INSUFFICIENT);
	cr_expect_eq(p.n, 1);
	cr_expect(isnan(p.cagr_obs) && isnan(p.ratio) && isnan(p.cagr_req));
	cr_expect_null(p.unsd_class);
	cr_expect_str_eq(p.note, "at least two observations are needed");
	/* but what is needed from here is known: (30 - 6.36) / 6 = 3.94
	 * points, (30 / 6.36)^(1/6) - 1 = 29.502 % a year */
	cr_expect_float_eq(p.points_req, 3.94, TOL);
	cr_expect_float_eq(p.cagr_req_latest, 0.29502262674007728, 1e-12);

	/* one point that meets the target is achieved: sdg-build checks
	 * target_achieved before the data requirement */
	spec.target = 6.0;
	p = assess(&spec);
	cr_expect_eq(p.trend, LT_CLASS_ACHIEVED);
	expect_unsd(&p, "on the way");

	/* no target and one point; no observations at all */
	spec.has_target = 0;
	cr_expect_eq(assess(&spec).trend, LT_CLASS_INSUFFICIENT);
	spec.n_obs = 0;
	spec.obs = NULL;
	p = assess(&spec);
	cr_expect_eq(p.trend, LT_CLASS_INSUFFICIENT);
	cr_expect_eq(p.n, 0);
	cr_expect_str_eq(p.note, "no observations");
}

/* ---- values of one sign, zeros ----------------------------------------- */

Test(progress, opposite_signs_are_insufficient)
{
	static const lt_point obs[] = {{2020, 5.0}, {2022, 1.0}, {2024, -1.0}};
	lt_progress_spec spec = {obs, 3, +1, 0, 0.0, 0, NAN, 0};
	lt_progress p = assess(&spec);

	cr_expect_eq(p.trend, LT_CLASS_INSUFFICIENT);
	cr_expect_str_eq(p.note, "the first and latest values have opposite "
	                 "signs");
	cr_expect(isnan(p.cagr_obs));
	cr_expect_null(p.unsd_class);
	/* the points are still a plain difference: -6 / 4 */
	cr_expect_float_eq(p.points_obs, -1.5, TOL);
}

Test(progress, negative_values_flip_the_direction)
{
	/* -10 -> -12 over 4 years, higher is better: CAGR = 1.2^(1/4) - 1 =
	 * 0.0466351, but with s = -1 the progress value is -0.0466: worse */
	static const lt_point obs[] = {{2020, -10.0}, {2024, -12.0}};
	lt_progress_spec spec = {obs, 2, +1, 0, 0.0, 0, NAN, 0};
	lt_progress p = assess(&spec);

	cr_expect_float_eq(p.cagr_obs, 0.04663513939210562, TOL);
	cr_expect_eq(p.trend, LT_CLASS_DETERIORATION);
	expect_unsd(&p, "stagnation or regression");
	spec.direction = -1;
	p = assess(&spec);
	cr_expect_eq(p.trend, LT_CLASS_ON_TRACK);
	expect_unsd(&p, "on the way");
}

Test(progress, zero_base_replaced)
{
	/* 0 (2020) -> 3.2 (2024), target 10 by 2030; the base becomes 0.001:
	 *   CAGR_obs = 3200^(1/4) - 1 = 6.52121
	 *   CAGR_req = 10000^(1/10) - 1 = 1.51189
	 *   R = 4.31329: on track */
	static const lt_point obs[] = {{2020, 0.0}, {2024, 3.2}};
	lt_progress_spec spec = {obs, 2, +1, 1, 10.0, 2030, NAN, 0};
	lt_progress p = assess(&spec);

	cr_expect_float_eq(p.cagr_obs, 6.521206186172787, 1e-11);
	cr_expect_float_eq(p.cagr_req, 1.5118864315095801, 1e-12);
	cr_expect_float_eq(p.ratio, 4.313291031828051, 1e-10);
	cr_expect_eq(p.trend, LT_CLASS_ON_TRACK);
	cr_expect_str_eq(p.note, "the first value 0 was replaced by 0.001");
}

Test(progress, zero_target_replaced)
{
	/* lower is better, 4 (2020) -> 2 (2024), target 0 by 2030 -> 0.001:
	 *   CAGR_obs = 0.5^(1/4) - 1 = -0.159104
	 *   CAGR_req = (0.001 / 4)^(1/10) - 1 = -0.563691
	 *   R = -1 * -0.159104 / 0.563691 = 0.282253: limited progress
	 *   UNSD (raw target 0): v_2030 = 2 * 0.5^(6/4) = 0.707107,
	 *   (0.707107 - 4) / (0 - 4) = 0.823223: acceleration needed */
	static const lt_point obs[] = {{2020, 4.0}, {2024, 2.0}};
	lt_progress_spec spec = {obs, 2, -1, 1, 0.0, 2030, NAN, 0};
	lt_progress p = assess(&spec);

	cr_expect_float_eq(p.cagr_req, -0.563691171448952, TOL);
	cr_expect_float_eq(p.ratio, 0.2822531073838079, 1e-10);
	cr_expect_eq(p.trend, LT_CLASS_LIMITED);
	cr_expect_float_eq(p.unsd_projection, 0.7071067811865474, TOL);
	cr_expect_float_eq(p.unsd_ratio, 0.8232233047033631, 1e-10);
	expect_unsd(&p, "acceleration needed");
	/* a latest value of 0 meets the target 0.001 */
	spec.obs = (const lt_point[]){{2020, 4.0}, {2024, 0.0}};
	cr_expect_eq(assess(&spec).trend, LT_CLASS_ACHIEVED);
}

/* ---- the limit scaling ------------------------------------------------- */

Test(progress, ceiling_scaling_for_a_share)
{
	/* A share near its ceiling of 100 %, no target: 92.5 (2020) -> 95.1
	 * (2024).
	 *   CAGR = (95.1 / 92.5)^(1/4) - 1 = 0.00695415
	 *   C = 1 - 0.925^4.44 = 1 - exp(4.44 ln 0.925) = 1 - 0.707407
	 *     = 0.292593
	 *   thresholds 1.5 % C = 0.438890 %, 0.5 % C = 0.146297 %:
	 *   0.695 % >= 0.439 %: on track.  Without the limit, 0.695 % lies in
	 *   [0.5 %, 1.5 %): acceleration needed.  EUSTAT has no scaling:
	 *   0.695 % in [0.5 %, 2 %): acceleration needed either way. */
	static const lt_point obs[] = {{2020, 92.5}, {2024, 95.1}};
	lt_progress_spec spec = {obs, 2, +1, 0, 0.0, 0, 100.0, 0};
	lt_progress p = assess(&spec);

	cr_expect_float_eq(p.cagr_obs, 0.006954149838312329, TOL);
	cr_expect_float_eq(p.coeff, 0.29259309709682435, TOL);
	cr_expect_eq(p.trend, LT_CLASS_ON_TRACK);
	expect_unsd(&p, "acceleration needed");
	spec.limit = NAN;
	p = assess(&spec);
	cr_expect_float_eq(p.coeff, 1.0, 0.0);
	cr_expect_eq(p.trend, LT_CLASS_ACCELERATION);
	expect_unsd(&p, "acceleration needed");
	/* with a target the limit is ignored (get_progress_thresholds,
	 * method 2) */
	spec.limit = 100.0;
	spec.has_target = 1;
	spec.target = 99.0;
	spec.target_year = 2030;
	p = assess(&spec);
	cr_expect(isnan(p.coeff));
}

Test(progress, coeff_branches)
{
	/* at the limit C = 0 */
	cr_expect_float_eq(lt_progress_coeff(100.0, 100.0), 0.0, 0.0);
	/* a floor of 2 (lower is better) and a base of 2.5: the second case,
	 * 1 - ((2*2 - 2.5) / 2)^4.44 = 1 - 0.75^4.44 = 0.721213 */
	cr_expect_float_eq(lt_progress_coeff(2.5, 2.0), 0.721213326764808, TOL);
	/* twice the limit or more: 1 */
	cr_expect_float_eq(lt_progress_coeff(4.0, 2.0), 1.0, 0.0);
	cr_expect_float_eq(lt_progress_coeff(0.0, 0.0), 1.0, 0.0);
	/* negative values use absolute values */
	cr_expect_float_eq(lt_progress_coeff(-92.5, -100.0),
	                   0.29259309709682435, TOL);
	cr_expect_float_eq(lt_progress_coeff(50.0, NAN), 1.0, 0.0);
	/* far from the limit C is near 1: 1 - 0.1^4.44 = 0.999964 */
	cr_expect_float_eq(lt_progress_coeff(10.0, 100.0),
	                   1 - pow(0.1, 4.44), TOL);
}

Test(progress, at_the_limit_any_growth_is_on_track)
{
	/* methodology: when y0 = y_lim, C = 0 and CAGR >= 0 is on track */
	static const lt_point held[] = {{2020, 100.0}, {2024, 100.0}};
	static const lt_point lost[] = {{2020, 100.0}, {2024, 99.0}};
	lt_progress_spec spec = {held, 2, +1, 0, 0.0, 0, 100.0, 0};

	cr_expect_eq(assess(&spec).trend, LT_CLASS_ON_TRACK);
	spec.obs = lost;
	cr_expect_eq(assess(&spec).trend, LT_CLASS_DETERIORATION);
}

/* ---- UNSD specifics ---------------------------------------------------- */

Test(progress, unsd_near_a_100_percent_target)
{
	/* 99.0 (2020) -> 99.1 (2024), target 100 % by 2030, a share:
	 *   Open SDG: CAGR_obs = 0.000252430, CAGR_req = (100/99)^(1/10) - 1
	 *   = 0.00100554, R = 0.251039: limited progress
	 *   UNSD ratio (99.2502 - 99) / 1 = 0.250189 would be acceleration
	 *   needed, but |99.1 - 100| = 0.9 <= 1 point: EUSTAT's exception 2,
	 *   on the way */
	static const lt_point obs[] = {{2020, 99.0}, {2024, 99.1}};
	lt_progress_spec spec = {obs, 2, +1, 1, 100.0, 2030, 100.0, 0};
	lt_progress p = assess(&spec);

	cr_expect_float_eq(p.ratio, 0.2510391992146045, 1e-9);
	cr_expect_eq(p.trend, LT_CLASS_LIMITED);
	cr_expect_float_eq(p.unsd_ratio, 0.25018942581979786, 1e-9);
	expect_unsd(&p, "on the way");
	/* not a share (no limit 100): the ratio decides */
	spec.limit = NAN;
	p = assess(&spec);
	expect_unsd(&p, "acceleration needed");
}

Test(progress, unsd_target_already_passed_by_the_base)
{
	/* higher is better, 60 (2020) -> 45 (2024), target 50 by 2030: the base
	 * met the target, the latest does not.  The raw ratio
	 * (29.2284 - 60) / (50 - 60) = 3.077 would say "on the way"; the
	 * series regressed. Open SDG: R = -3.841, deterioration. */
	static const lt_point obs[] = {{2020, 60.0}, {2024, 45.0}};
	lt_progress_spec spec = {obs, 2, +1, 1, 50.0, 2030, NAN, 0};
	lt_progress p = assess(&spec);

	cr_expect_float_eq(p.unsd_ratio, 3.0771642622275204, 1e-10);
	expect_unsd(&p, "stagnation or regression");
	cr_expect_eq(p.trend, LT_CLASS_DETERIORATION);
	cr_expect_float_eq(p.ratio, -3.8409980660940275, 1e-10);
}

Test(progress, required_rate_zero)
{
	/* target = base value: CAGR_req = 0, R = -inf (numpy's x / 0) */
	static const lt_point obs[] = {{2020, 50.0}, {2024, 45.0}};
	lt_progress_spec spec = {obs, 2, +1, 1, 50.0, 2030, NAN, 0};
	lt_progress p = assess(&spec);

	cr_expect(isinf(p.ratio) && p.ratio < 0);
	cr_expect_eq(p.trend, LT_CLASS_DETERIORATION);
	cr_expect(isnan(p.unsd_ratio));
	expect_unsd(&p, "stagnation or regression");
}

Test(progress, target_of_the_other_sign)
{
	static const lt_point obs[] = {{2020, 5.0}, {2024, 4.0}};
	lt_progress_spec spec = {obs, 2, +1, 1, -3.0, 2030, NAN, 0};
	lt_progress p = assess(&spec);

	/* 4 >= -3: achieved */
	cr_expect_eq(p.trend, LT_CLASS_ACHIEVED);
	spec.direction = -1;
	p = assess(&spec);
	cr_expect_eq(p.trend, LT_CLASS_INSUFFICIENT);
	cr_expect_str_eq(p.note, "the target and the first value have "
	                 "opposite signs");
	cr_expect(isnan(p.cagr_req_latest));
}

/* ---- threshold boundaries ---------------------------------------------- */

Test(progress, ratio_boundaries)
{
	cr_expect_eq(lt_progress_class_ratio(0.95), LT_CLASS_ON_TRACK);
	cr_expect_eq(lt_progress_class_ratio(nextafter(0.95, 0)),
	             LT_CLASS_ACCELERATION);
	cr_expect_eq(lt_progress_class_ratio(0.60), LT_CLASS_ACCELERATION);
	cr_expect_eq(lt_progress_class_ratio(nextafter(0.60, 0)),
	             LT_CLASS_LIMITED);
	cr_expect_eq(lt_progress_class_ratio(0.0), LT_CLASS_LIMITED);
	cr_expect_eq(lt_progress_class_ratio(-0.0), LT_CLASS_LIMITED);
	cr_expect_eq(lt_progress_class_ratio(nextafter(0.0, -1)),
	             LT_CLASS_DETERIORATION);
	cr_expect_eq(lt_progress_class_ratio(HUGE_VAL), LT_CLASS_ON_TRACK);
	cr_expect_eq(lt_progress_class_ratio(-HUGE_VAL),
	             LT_CLASS_DETERIORATION);
	cr_expect_eq(lt_progress_class_ratio(NAN), LT_CLASS_INSUFFICIENT);
}

Test(progress, growth_boundaries)
{
	cr_expect_eq(lt_progress_class_growth(0.015, 1.0), LT_CLASS_ON_TRACK);
	cr_expect_eq(lt_progress_class_growth(nextafter(0.015, 0), 1.0),
	             LT_CLASS_ACCELERATION);
	cr_expect_eq(lt_progress_class_growth(0.005, 1.0),
	             LT_CLASS_ACCELERATION);
	cr_expect_eq(lt_progress_class_growth(nextafter(0.005, 0), 1.0),
	             LT_CLASS_LIMITED);
	cr_expect_eq(lt_progress_class_growth(0.0, 1.0), LT_CLASS_LIMITED);
	cr_expect_eq(lt_progress_class_growth(nextafter(0.0, -1), 1.0),
	             LT_CLASS_DETERIORATION);
	/* scaled: C = 0.5 halves the positive thresholds */
	cr_expect_eq(lt_progress_class_growth(0.0075, 0.5), LT_CLASS_ON_TRACK);
	cr_expect_eq(lt_progress_class_growth(0.0025, 0.5),
	             LT_CLASS_ACCELERATION);
	cr_expect_eq(lt_progress_class_growth(nextafter(0.0025, 0), 0.5),
	             LT_CLASS_LIMITED);
	/* C = 0: zero growth is on track, any fall deterioration */
	cr_expect_eq(lt_progress_class_growth(0.0, 0.0), LT_CLASS_ON_TRACK);
	cr_expect_eq(lt_progress_class_growth(-1e-300, 0.0),
	             LT_CLASS_DETERIORATION);
	cr_expect_eq(lt_progress_class_growth(NAN, 1.0), LT_CLASS_INSUFFICIENT);
}

Test(progress, unsd_boundaries)
{
	cr_expect_str_eq(lt_unsd_class_ratio(0.95), "on the way");
	cr_expect_str_eq(lt_unsd_class_ratio(nextafter(0.95, 0)),
	                 "acceleration needed");
	cr_expect_str_eq(lt_unsd_class_ratio(0.10), "acceleration needed");
	cr_expect_str_eq(lt_unsd_class_ratio(nextafter(0.10, 0)),
	                 "stagnation or regression");
	cr_expect_null(lt_unsd_class_ratio(NAN));
	/* growth, higher is better: >= 2 %, [0.5 %, 2 %), < 0.5 % */
	cr_expect_str_eq(lt_unsd_class_growth(0.02), "on the way");
	cr_expect_str_eq(lt_unsd_class_growth(nextafter(0.02, 0)),
	                 "acceleration needed");
	cr_expect_str_eq(lt_unsd_class_growth(0.005), "acceleration needed");
	cr_expect_str_eq(lt_unsd_class_growth(nextafter(0.005, 0)),
	                 "stagnation or regression");
	/* lower is better, EUSTAT: CAGR <= -2 % on the way, -2 % < CAGR <=
	 * -0.5 % acceleration needed; the caller passes d * CAGR */
	cr_expect_str_eq(lt_unsd_class_growth(-1 * -0.02), "on the way");
	cr_expect_str_eq(lt_unsd_class_growth(-1 * -0.005),
	                 "acceleration needed");
	cr_expect_null(lt_unsd_class_growth(NAN));
}

Test(progress, unsd_lower_is_better_without_target)
{
	/* 20 -> 18 over 2 years: CAGR = 0.9^(1/2) - 1 = -0.0513167 <= -2 %:
	 * on the way (EUSTAT), and -d CAGR = 5.13 % >= 1.5 %: on track */
	static const lt_point obs[] = {{2022, 20.0}, {2024, 18.0}};
	lt_progress_spec spec = {obs, 2, -1, 0, 0.0, 0, NAN, 0};
	lt_progress p = assess(&spec);

	cr_expect_float_eq(p.cagr_obs, sqrt(0.9) - 1, TOL);
	cr_expect_eq(p.trend, LT_CLASS_ON_TRACK);
	expect_unsd(&p, "on the way");
}

/* ---- invalid specifications ---------------------------------------------- */

static void expect_invalid(const lt_progress_spec *spec, const char *want)
{
	lt_progress p;
	lt_diag d;
	char buf[LT_ERROR_MSG_MAX + 300];

	lt_diag_init(&d, NULL);
	cr_expect_eq(lt_progress_assess(spec, &p, &d), LT_EINVAL);
	cr_assert_eq(lt_diag_count(&d), 1);
	cr_expect_str_eq(lt_error_format(&d.items[0], buf, sizeof buf), want);
	cr_expect_eq(p.trend, LT_CLASS_INSUFFICIENT);
	cr_expect(isnan(p.ratio));
	lt_diag_destroy(&d);
}

Test(progress, invalid_specs)
{
	static const lt_point obs[] = {{2023, 44.95}, {2024, 42.05}};
	static const lt_point same_year[] = {{2024, 44.95}, {2024, 42.05}};
	static const lt_point not_finite[] = {{2023, 44.95}, {2024, NAN}};
	const lt_progress_spec good = {obs, 2, +1, 1, 50.0, 2030, NAN, 0};
	lt_progress_spec spec;

	expect_invalid(NULL, "progress: no specification");
	spec = good;
	spec.obs = NULL;
	expect_invalid(&spec, "progress: 2 observations but no list");
	spec = good;
	spec.obs = same_year;
	expect_invalid(&spec, "progress: observation years must increase "
	               "(2024 comes after 2024)");
	spec = good;
	spec.obs = not_finite;
	expect_invalid(&spec, "progress: the value for 2024 is not finite");
	spec = good;
	spec.direction = 0;
	expect_invalid(&spec, "progress: direction must be +1 or -1 (got 0)");
	spec = good;
	spec.target = HUGE_VAL;
	expect_invalid(&spec, "progress: the target is not finite");
	spec = good;
	spec.target_year = 2023;
	expect_invalid(&spec, "progress: the target year 2023 must be after "
	               "the first observation (2023)");
	spec = good;
	spec.limit = HUGE_VAL;
	expect_invalid(&spec, "progress: the limit must be a number or absent "
	               "(NAN)");
	/* a target year between the first and latest observation is fine */
	spec = good;
	spec.obs = (const lt_point[]){{2020, 40.0}, {2024, 42.05}};
	spec.target_year = 2022;
	cr_expect_eq(assess(&spec).trend, LT_CLASS_LIMITED);
}

/* ---- the base year (issue 8) ------------------------------------------- */

/* sdg-build's default base year is 2015: an observation from 2010 enters
 * no rate.  Base 25 (2015), latest 30 (2020), target 40 by 2030:
 *   CAGR_obs = (30 / 25)^(1/5) - 1 = 1.2^0.2 - 1 = 0.0371373
 *   CAGR_req = (40 / 25)^(1/15) - 1 = 1.6^(1/15) - 1 = 0.0318296
 *   R = 1.16675 >= 0.95: on track.
 * From 2010 (value 20) it would have been (30/20)^(1/10) - 1 = 0.0414 and
 * (40/20)^(1/20) - 1 = 0.0353.  The spec does not name base_year: a
 * zero-initialised field means the default. */
Test(progress, default_base_year_2015)
{
	static const lt_point obs[] = {{2010, 20.0}, {2015, 25.0}, {2020, 30.0}};
	lt_progress_spec spec = {.obs = obs, .n_obs = 3, .direction = +1,
	                         .has_target = 1, .target = 40.0,
	                         .target_year = 2030, .limit = NAN};
	lt_progress p = assess(&spec);

	cr_expect_eq(p.base_year, 2015);
	cr_expect_float_eq(p.base_value, 25.0, 0.0);
	cr_expect_eq(p.n, 2);
	cr_expect_float_eq(p.cagr_obs, pow(1.2, 0.2) - 1, TOL);
	cr_expect_float_eq(p.cagr_obs, 0.03713728933664817, TOL);
	cr_expect_float_eq(p.cagr_req, pow(1.6, 1.0 / 15) - 1, TOL);
	cr_expect_float_eq(p.ratio, 1.1667518104281838, TOL);
	cr_expect_float_eq(p.points_obs, 1.0, TOL);
	cr_expect_eq(p.trend, LT_CLASS_ON_TRACK);
	/* UNSD compares with the base value too: v_2030 = 30 * 1.0371373^10
	 * = 43.2, (43.2 - 25) / (40 - 25) >= 0.95 */
	cr_expect_float_eq(p.unsd_ratio, (30.0 * pow(1.2, 2.0) - 25.0) / 15.0,
	                   TOL);
	expect_unsd(&p, "on the way");
}

/* No observation in 2015: the base is the first after it, 2016 (sdg-build
 * "assign it to be the next available year"); 2012 is ignored.
 *   CAGR_obs = (27 / 24)^(1/3) - 1 = 0.0400419
 *   CAGR_req = (40 / 24)^(1/14) - 1 = 0.0371614
 *   R = 1.07751: on track. */
Test(progress, base_is_the_first_year_after_2015)
{
	static const lt_point obs[] = {{2012, 20.0}, {2016, 24.0}, {2019, 27.0}};
	lt_progress_spec spec = {.obs = obs, .n_obs = 3, .direction = +1,
	                         .has_target = 1, .target = 40.0,
	                         .target_year = 2030, .limit = NAN};
	lt_progress p = assess(&spec);

	cr_expect_eq(p.base_year, 2016);
	cr_expect_float_eq(p.base_value, 24.0, 0.0);
	cr_expect_float_eq(p.cagr_obs, 0.040041911525952045, TOL);
	cr_expect_float_eq(p.cagr_req, 0.03716138563040583, TOL);
	cr_expect_float_eq(p.ratio, 1.077513952902481, TOL);
}

/* An explicit base year, 2017 (value 25.5), latest 27 (2019):
 *   CAGR_obs = (27 / 25.5)^(1/2) - 1 = 0.0289915
 *   CAGR_req = (40 / 25.5)^(1/13) - 1 = 0.0352375
 *   R = 0.822747: acceleration needed. */
Test(progress, explicit_base_year)
{
	static const lt_point obs[] = {{2016, 24.0}, {2017, 25.5}, {2019, 27.0}};
	lt_progress_spec spec = {.obs = obs, .n_obs = 3, .direction = +1,
	                         .has_target = 1, .target = 40.0,
	                         .target_year = 2030, .limit = NAN,
	                         .base_year = 2017};
	lt_progress p = assess(&spec);

	cr_expect_eq(p.base_year, 2017);
	cr_expect_eq(p.n, 2);
	cr_expect_float_eq(p.cagr_obs, sqrt(27.0 / 25.5) - 1, TOL);
	cr_expect_float_eq(p.cagr_req, pow(40.0 / 25.5, 1.0 / 13) - 1, TOL);
	cr_expect_eq(p.trend, LT_CLASS_ACCELERATION, "%s",
	             lt_progress_class_name(p.trend));
	/* a base year after every observation leaves nothing to assess */
	spec.base_year = 2020;
	p = assess(&spec);
	cr_expect_eq(p.trend, LT_CLASS_INSUFFICIENT);
	cr_expect_eq(p.n, 0);
	cr_expect_eq(p.base_year, 0);
	cr_expect(isnan(p.base_value));
	cr_expect_str_eq(p.note, "no observation in or after the base year");
	/* the base year's observation alone: one point, insufficient */
	spec.base_year = 2019;
	p = assess(&spec);
	cr_expect_eq(p.n, 1);
	cr_expect_eq(p.trend, LT_CLASS_INSUFFICIENT);
}
