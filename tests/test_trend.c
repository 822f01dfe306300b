/* test_trend.c - fits to history and their verdict.
 *
 * Independent truths: a straight line through exact data (its fit and its
 * extrapolation are the line itself, hand-computed), the rule for when AICc
 * can choose (n >= p + 3), the property that the chosen model has the
 * lowest AICc of those compared, and the 95% band of a least-squares line
 * worked out by hand from the textbook formula for the standard error of
 * the fitted mean, s sqrt(1/n + (x0 - x̄)^2 / Sxx) (Draper & Smith, Applied
 * Regression Analysis, 3rd ed., §3.1), with Student's t quantile in closed
 * form for 2 and 4 degrees of freedom (Shaw 2006, below).
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

/* Relative tolerance for values computed from a least-squares line: the
 * fitter settles its parameters to about eps times the condition number
 * (fit.h), 1e-12 relative on these well-conditioned four- and six-point
 * lines; 1e-10 leaves room for another libm and stays far below the
 * factor 4.303 / 1.96 or 1.08 (mean vs new observation) a wrong band
 * would show. */
#define BAND_RTOL 1e-10

/* Assert that M's extrapolation and band are AT ± T · SE, each computed by
 * hand in the caller. */
static void expect_band(const lt_trend_model *m, double at, double se, double t)
{
	cr_expect_float_eq(m->at_target, at, BAND_RTOL * fabs(at), "at %.17g",
	                   m->at_target);
	cr_expect_float_eq(m->se_at_target, se, BAND_RTOL * se, "se %.17g",
	                   m->se_at_target);
	cr_expect_float_eq(m->lo, at - t * se, BAND_RTOL * (fabs(at) + t * se),
	                   "lo %.17g", m->lo);
	cr_expect_float_eq(m->hi, at + t * se, BAND_RTOL * (fabs(at) + t * se),
	                   "hi %.17g", m->hi);
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
	cr_assert_eq(r.chosen, LT_FIT_LINEAR, "%s", r.choice);
	cr_expect(strstr(r.choice, "too few for AICc") != NULL, "%s", r.choice);
	cr_expect_float_eq(r.m[LT_FIT_LINEAR].at_target, 14.385, 1e-9);
	cr_expect_eq(r.reaches, 0);
	cr_expect_eq(r.year_met, 2034);
	/* exact data: the band collapses onto the line */
	cr_expect_float_eq(r.m[LT_FIT_LINEAR].lo, 14.385, 1e-6);
	cr_expect_float_eq(r.m[LT_FIT_LINEAR].hi, 14.385, 1e-6);
	/* logistic and Gompertz need 4 points */
	cr_expect_eq(r.m[LT_FIT_LOGISTIC].fitted, 0);
	cr_expect(strstr(r.m[LT_FIT_LOGISTIC].why, "at least 4") != NULL);
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
	for (k = 0; k < LT_FIT_COUNT; k++)
		if (r.m[k].fitted && isfinite(r.m[k].fit.aicc)) {
			compared++;
			cr_expect_leq(r.m[r.chosen].fit.aicc, r.m[k].fit.aicc);
		}
	cr_expect_geq(compared, 2);
	cr_expect_eq(r.reaches, r.m[r.chosen].at_target <= 10.0);
	/* the least-squares line (hand: x = 0..5, x̄ = 2.5, ȳ = 94/6, Sxx =
	 * 17.5, Sxy = -28): slope -1.6, intercept 94/6 + 1.6 * 2.5 = 19.6667;
	 * it falls to 10 at x = 6.04, so after 2025 */
	cr_expect_float_eq(r.m[LT_FIT_LINEAR].fit.b[1], -1.6, 1e-9);
	cr_expect_float_eq(r.m[LT_FIT_LINEAR].fit.b[0], 94.0 / 6.0 + 4.0, 1e-9);
	/* its band in 2030 (x0 = 11), by hand with exact fractions: fitted
	 * values 59/3 - 1.6 x, residuals 1/3, -1/15, -7/15, 2/15, -4/15, 1/3,
	 * RSS = 8/15, s^2 = RSS / 4 = 2/15; at_target = 59/3 - 17.6 = 31/15;
	 * Var = s^2 (1/6 + (11 - 2.5)^2 / 17.5) = 902/1575; t(0.975, 4) from
	 * the closed-form quantile for 4 degrees of freedom, t = 2 sqrt(q - 1),
	 * q = cos(acos(sqrt(a)) / 3) / sqrt(a), a = 4p(1 - p) (W. T. Shaw,
	 * J. Comput. Finance 9(4), 2006) = 2.776445105197793 (tables: 2.776) */
	expect_band(&r.m[LT_FIT_LINEAR], 31.0 / 15.0, sqrt(902.0 / 1575.0),
	            2.776445105197793);
}

/* The band is the delta-method band of the fitted mean with Student's t on
 * the fit's degrees of freedom, checked by hand on a line through four
 * noisy points, where both are closed forms (dof = 2, so the t quantile
 * is elementary: t = (2p - 1) / sqrt(2p(1 - p)), p = 0.975, = 4.30265;
 * tables: 4.303).  A normal quantile (1.96) or the band of a new
 * observation (s^2 added under the root) would both fail.
 *
 * Hand calculation, x = year - 2021 = 0..3, y = 2.385, 3.9, 5.1, 7.05:
 * x̄ = 3/2, Sxx = 5, Sxy = 3039/400, slope = 3039/2000 = 1.5195,
 * intercept = ȳ - 1.5195 x̄ = 4659/2000 = 2.3295; RSS = 41607/400000,
 * s^2 = RSS / 2 = 41607/800000.  In 2030 (x0 = 9): at_target =
 * 2.3295 + 9 · 1.5195 = 16.005; Var = s^2 (1/4 + (9 - 3/2)^2 / 5) =
 * s^2 · 46/4 = 956961/1600000, se = 0.773369656...;
 * band 16.005 ± 4.30265 · 0.77337 = [12.6775, 19.3325]. */
Test(trend, band_is_delta_method_with_t)
{
	const lt_point obs[] = {{2021, 2.385}, {2022, 3.9}, {2023, 5.1},
	                        {2024, 7.05}};
	lt_trend_spec s = spec(obs, 4, +1, 20.0, 2030, 2030);
	lt_trend_result r;
	const lt_trend_model *lin = &r.m[LT_FIT_LINEAR];

	cr_assert_eq(lt_trend_run(&s, &r, NULL), LT_OK);
	cr_assert_eq(lin->fitted, 1, "%s", lin->why);
	cr_expect_eq(lin->fit.dof, 2);
	cr_expect_float_eq(lin->fit.b[1], 1.5195, 1e-12);
	cr_expect_float_eq(lin->fit.rss, 41607.0 / 400000.0, 1e-12);
	expect_band(lin, 16.005, sqrt(956961.0 / 1600000.0),
	            0.95 / sqrt(2.0 * 0.975 * 0.025));
	/* the numbers above, written out, so a slip in the algebra shows */
	cr_expect_float_eq(lin->lo, 12.677458938009815, 1e-9);
	cr_expect_float_eq(lin->hi, 19.332541061990185, 1e-9);
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

/* ---- error paths and edges -------------------------------------------- */

/* No observations at all: an answer with a reason, not an error. */
Test(trend, no_observations)
{
	lt_trend_spec s = spec(NULL, 0, +1, 50.0, 2030, 2030);
	lt_trend_result r;

	cr_assert_eq(lt_trend_run(&s, &r, NULL), LT_OK);
	cr_expect_eq(r.chosen, -1);
	cr_expect_eq(r.n, 0);
	cr_expect(strstr(r.choice, "0 observations: at least 3") != NULL, "%s",
	          r.choice);
}

/* A value that is not finite is refused, as are years that repeat. */
Test(trend, rejects_non_finite_value)
{
	const lt_point obs[] = {{2022, 1.0}, {2023, NAN}, {2024, 3.0}};
	lt_trend_spec s = spec(obs, 3, +1, 5.0, 2030, 2030);
	lt_trend_result r;
	lt_diag d;

	lt_diag_init(&d, NULL);
	cr_expect_eq(lt_trend_run(&s, &r, &d), LT_EINVAL);
	cr_assert_eq(d.n, 1);
	cr_expect(strstr(d.items[0].msg, "finite") != NULL, "%s", d.items[0].msg);
	lt_diag_destroy(&d);
}

/* More observations than the trend holds (256, trend.c) is an error, not a
 * silent cut. */
Test(trend, rejects_too_many_observations)
{
	lt_point obs[257];
	lt_trend_spec s;
	lt_trend_result r;
	lt_diag d;
	size_t i;

	for (i = 0; i < 257; i++) {
		obs[i].year = 1700 + (int)i;
		obs[i].value = 2.385 + 0.5 * (double)i;
	}
	s = spec(obs, 257, +1, 500.0, 2030, 2030);
	lt_diag_init(&d, NULL);
	cr_expect_eq(lt_trend_run(&s, &r, &d), LT_EINVAL);
	cr_assert_eq(d.n, 1);
	cr_expect(strstr(d.items[0].msg, "too many observations") != NULL, "%s",
	          d.items[0].msg);
	lt_diag_destroy(&d);
}

/* Values through zero: the exponential (trend.h: "needs positive values")
 * is not tried; the line is exact.  y = -2.385 + 1.5 (t - 2020), so in
 * 2030 the line gives -2.385 + 15 = 12.615. */
Test(trend, exponential_needs_positive_values)
{
	const lt_point obs[] = {{2020, -2.385}, {2021, -0.885}, {2022, 0.615},
	                        {2023, 2.115}, {2024, 3.615}};
	lt_trend_spec s = spec(obs, 5, +1, 10.0, 2030, 2040);
	lt_trend_result r;

	cr_assert_eq(lt_trend_run(&s, &r, NULL), LT_OK);
	cr_expect_eq(r.m[LT_FIT_EXPONENTIAL].fitted, 0);
	cr_expect_str_eq(r.m[LT_FIT_EXPONENTIAL].why, "needs positive values");
	cr_assert_eq(r.m[LT_FIT_LINEAR].fitted, 1, "%s", r.m[LT_FIT_LINEAR].why);
	cr_expect_float_eq(r.m[LT_FIT_LINEAR].at_target, 12.615, 1e-9);
}

/* A rank cannot leave 1 to the provinces ranked.  Long An's digital-
 * government pillar rank, 11, 9, 8 of 63 in 2021-2023 (004), follows the
 * line 9.333 − 1.5·(x − 1), x = year − 2021, which gives 9.333 − 1.5·8 =
 * −2.667 in 2030: held at rank 1, and flagged; the band is held inside
 * [1, 63] too.  Unbounded, the same spec gives −2.667. */
Test(trend, extrapolation_held_in_the_range)
{
	static const lt_point obs[] = {{2021, 11.0}, {2022, 9.0}, {2023, 8.0}};
	lt_trend_spec s = spec(obs, 3, -1, 8.0, 2030, 2030);
	lt_trend_result r;
	const lt_trend_model *m;

	cr_assert_eq(lt_trend_run(&s, &r, NULL), LT_OK);
	cr_assert_geq(r.chosen, 0);
	m = &r.m[r.chosen];
	cr_assert_eq(m->model, LT_FIT_LINEAR);
	cr_expect_float_eq(m->at_target, 28.0 / 3.0 - 12.0, 1e-9);
	cr_expect(!m->clamped);
	s.bounded = 1;
	s.lo = 1.0;
	s.hi = 63.0;
	cr_assert_eq(lt_trend_run(&s, &r, NULL), LT_OK);
	m = &r.m[r.chosen];
	cr_expect_float_eq(m->at_target, 1.0, 0.0);
	cr_expect(m->clamped);
	cr_expect_geq(m->lo, 1.0);
	cr_expect_leq(m->hi, 63.0);
	cr_expect(r.reaches);
}
