/* test_trend.c - fits to history and their verdict.
 *
 * Independent truths: a straight line through exact data (its fit and its
 * extrapolation are the line itself, hand-computed), the rule for when AICc
 * can choose (n >= p + 3), and the property that the chosen model has the
 * lowest AICc of those compared.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "lotrinh/trend.h"

static lt_trend_spec spec(const lt_point *obs, size_t n, int dir, double target,
                          int year, int horizon)
{
	lt_trend_spec s;

	memset(&s, 0, sizeof s);
	s.obs = obs;
	s.n_obs = n;
	s.direction = dir;
	s.target = target;
	s.target_year = year;
	s.horizon = horizon;
	return s;
}

/* Two observations: no trend, and a reason rather than an error. */
Test(trend, too_few_observations)
{
	const lt_point obs[] = {{2023, 44.95}, {2024, 42.05}};
	lt_trend_spec s = spec(obs, 2, +1, 50.0, 2030, 2030);
	lt_trend_result r;

	cr_assert_eq(lt_trend_run(&s, &r, NULL), LT_OK);
	cr_expect_eq(r.chosen, -1);
	cr_expect(strstr(r.choice, "2 observations: at least 3") != NULL, "%s",
	          r.choice);
}

/* Three points on y = 2.385 + 1.5 (t - 2022): the linear fit is the line;
 * AICc needs n >= p + 3 = 5 for a line, so it cannot choose and the linear
 * trend is used.  In 2030: 2.385 + 1.5 * 8 = 14.385, below 20: the trend
 * misses; it reaches 20 when 1.5 (t - 2022) >= 17.615, t >= 2033.74, so
 * first in 2034 with a horizon of 2040. */
Test(trend, three_points_use_the_line)
{
	const lt_point obs[] = {{2022, 2.385}, {2023, 3.885}, {2024, 5.385}};
	lt_trend_spec s = spec(obs, 3, +1, 20.0, 2030, 2040);
	lt_trend_result r;

	cr_assert_eq(lt_trend_run(&s, &r, NULL), LT_OK);
	cr_assert_eq(r.chosen, LT_MODEL_LINEAR, "%s", r.choice);
	cr_expect(strstr(r.choice, "too few for AICc") != NULL, "%s", r.choice);
	cr_expect_float_eq(r.m[LT_MODEL_LINEAR].at_target, 14.385, 1e-9);
	cr_expect_eq(r.reaches, 0);
	cr_expect_eq(r.year_met, 2034);
	/* exact data: the band collapses onto the line */
	cr_expect_float_eq(r.m[LT_MODEL_LINEAR].lo, 14.385, 1e-6);
	cr_expect_float_eq(r.m[LT_MODEL_LINEAR].hi, 14.385, 1e-6);
	/* logistic and Gompertz need 4 points */
	cr_expect_eq(r.m[LT_MODEL_LOGISTIC].fitted, 0);
	cr_expect(strstr(r.m[LT_MODEL_LOGISTIC].why, "at least 4") != NULL);
}

/* A falling indicator with a "<=" target: a rank 20, 18, 16, 15, 13, 12
 * (2019-2024) towards at most 10 by 2030.  Whatever model AICc picks, the
 * verdict must agree with its extrapolation, the band must hold it, and
 * the chosen model must have the lowest AICc of those compared. */
Test(trend, aicc_choice_and_verdict_agree)
{
	const lt_point obs[] = {{2019, 20}, {2020, 18}, {2021, 16},
	                        {2022, 15}, {2023, 13}, {2024, 12}};
	lt_trend_spec s = spec(obs, 6, -1, 10.0, 2030, 2030);
	lt_trend_result r;
	size_t k, compared = 0;

	cr_assert_eq(lt_trend_run(&s, &r, NULL), LT_OK);
	cr_assert_geq(r.chosen, 0, "%s", r.choice);
	for (k = 0; k < LT_MODEL_COUNT; k++)
		if (r.m[k].fitted && isfinite(r.m[k].fit.aicc)) {
			compared++;
			cr_expect_leq(r.m[r.chosen].fit.aicc, r.m[k].fit.aicc);
		}
	cr_expect_geq(compared, 2);
	cr_expect_eq(r.reaches, r.m[r.chosen].at_target <= 10.0);
	cr_expect_leq(r.m[r.chosen].lo, r.m[r.chosen].at_target);
	cr_expect_geq(r.m[r.chosen].hi, r.m[r.chosen].at_target);
	/* the least-squares line (hand: x = 0..5, x̄ = 2.5, ȳ = 94/6, Sxx =
	 * 17.5, Sxy = -28): slope -1.6, intercept 94/6 + 1.6 * 2.5 = 19.6667;
	 * it falls to 10 at x = 6.04, so after 2025 */
	cr_expect_float_eq(r.m[LT_MODEL_LINEAR].fit.b[1], -1.6, 1e-9);
	cr_expect_float_eq(r.m[LT_MODEL_LINEAR].fit.b[0], 94.0 / 6.0 + 4.0, 1e-9);
}

Test(trend, rejects_bad_observations)
{
	const lt_point obs[] = {{2022, 1.0}, {2022, 2.0}, {2024, 3.0}};
	lt_trend_spec s = spec(obs, 3, +1, 5.0, 2030, 2030);
	lt_trend_result r;
	lt_diag d;

	lt_diag_init(&d, NULL);
	cr_expect_eq(lt_trend_run(&s, &r, &d), LT_EINVAL);
	cr_expect_eq(d.n, 1);
	lt_diag_destroy(&d);
}
