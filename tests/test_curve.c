/* test_curve.c - required paths from a baseline to a target (curve.h).
 *
 * The main case is Long An's digital economy, 6.36 % of GRDP in 2024 with
 * a target of 30 % in 2030 (scenarios/long_an.cfg, source 004), under a
 * floor of 0 and a ceiling of 65 % (the scenario's model bounds): high-
 * entropy numbers that hide no missing factor.  Each family is checked
 * against its closed form written out independently here (the naive
 * textbook form, not the library's bound-distance form), and against the
 * invariant that defines it: constant steps, constant growth, constant
 * logit steps, constant ln(-ln x) steps.  Tolerances: the closed forms are
 * a handful of floating-point operations on numbers of order 10-100, so
 * 1e-12 absolute (about 100 ulp of 30) bounds rounding with a wide margin;
 * "exact" endpoints and milestones are compared with tolerance 0 because
 * the header promises them exactly.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lotrinh/curve.h"

/* Rounding bound for closed forms of numbers of order 10-100 (see top). */
#define TOL 1e-12

static const lt_path_spec long_an = {
	.t0 = 2024, .t1 = 2030, .y0 = 6.36, .y1 = 30.0, .lo = 0.0, .hi = 65.0,
	.knots = NULL, .n_knots = 0
};

/* Long An's roadmap, 004 Part III section V, row 5: digital economy share
 * of GRDP 10, 12, 15, 20, 25, 30 % in 2025..2030. */
static const lt_point long_an_roadmap[] = {
	{2025, 10.0}, {2026, 12.0}, {2027, 15.0}, {2028, 20.0}, {2029, 25.0},
	{2030, 30.0}
};

/* Build KIND for SPEC into P (initialised here), expecting LT_OK and
 * ok = 1. */
static void build_ok(lt_path_kind kind, const lt_path_spec *spec, lt_path *p)
{
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_path_init(p, spec->t0, spec->t1), LT_OK);
	rc = lt_path_build(kind, spec, p, &d);
	cr_assert_eq(rc, LT_OK, "%s: status %d", lt_path_name(kind), rc);
	cr_assert_eq(p->ok, 1, "%s: not ok: %s", lt_path_name(kind), p->why);
	cr_assert_eq(lt_diag_count(&d), 0);
	cr_assert_eq(p->n, (size_t)(spec->t1 - spec->t0 + 1));
	lt_diag_destroy(&d);
}

/* The endpoints are y0 and y1 exactly, step[0] and step_pct[0] are NaN,
 * and the summary fields agree with the arrays. */
static void expect_common(const lt_path *p, const lt_path_spec *spec)
{
	size_t i;

	cr_expect_float_eq(p->value[0], spec->y0, 0.0, "value[0] must be y0");
	cr_expect_float_eq(p->value[p->n - 1], spec->y1, 0.0,
	                   "value[n-1] must be y1");
	cr_expect(isnan(p->step[0]));
	cr_expect(isnan(p->step_pct[0]));
	for (i = 1; i < p->n; i++)
		cr_expect_float_eq(p->step[i], p->value[i] - p->value[i - 1], 0.0);
	cr_expect_float_eq(p->first_step, p->step[1], 0.0);
	cr_expect_float_eq(p->mean_step, (spec->y1 - spec->y0) /
	                   (spec->t1 - spec->t0), TOL);
	cr_expect_float_eq(p->steepest_step,
	                   p->step[p->steepest_year - spec->t0], 0.0);
}

/* ---- names ----------------------------------------------------------- */

Test(curve, names)
{
	cr_expect_str_eq(lt_path_name(LT_PATH_LINEAR), "linear");
	cr_expect_str_eq(lt_path_name(LT_PATH_CAGR), "cagr");
	cr_expect_str_eq(lt_path_name(LT_PATH_LOGISTIC), "logistic");
	cr_expect_str_eq(lt_path_name(LT_PATH_GOMPERTZ), "gompertz");
	cr_expect_str_eq(lt_path_name(LT_PATH_MILESTONES), "milestones");
	cr_expect_str_eq(lt_path_name((lt_path_kind)LT_PATH_KINDS), "unknown");
}

/* ---- linear ---------------------------------------------------------- */

Test(curve, linear_closed_form_and_constant_steps)
{
	lt_path p;
	size_t i;

	build_ok(LT_PATH_LINEAR, &long_an, &p);
	expect_common(&p, &long_an);
	/* (30 - 6.36) / 6 = 23.64 / 6 = 3.94 points a year */
	cr_expect_float_eq(p.mean_step, 3.94, TOL);
	for (i = 0; i < p.n; i++)
		cr_expect_float_eq(p.value[i], 6.36 + 3.94 * (double)i, TOL,
		                   "year %zu", 2024 + i);
	for (i = 1; i < p.n; i++)
		cr_expect_float_eq(p.step[i], 3.94, TOL);
	/* 10.30 / 6.36 - 1 = 0.619497 -> 61.9497 % in the first year, and the
	 * percentage falls every year after (same points on a larger base) */
	cr_expect_float_eq(p.first_step_pct, 100 * (10.30 / 6.36 - 1), 1e-10);
	for (i = 2; i < p.n; i++)
		cr_expect_lt(p.step_pct[i], p.step_pct[i - 1]);
	/* all steps tie: the earliest, 2025 */
	cr_expect_eq(p.steepest_year, 2025);
	/* constant growth needed on average: (30/6.36)^(1/6) - 1 = 29.5023 % */
	cr_expect_float_eq(p.mean_step_pct, 29.502262674007728, 1e-9);
	lt_path_destroy(&p);
}

Test(curve, linear_value_at_extrapolates)
{
	/* 2035 is 11 years after 2024: 6.36 + 11 * 3.94 = 49.70 */
	cr_expect_float_eq(lt_path_value_at(LT_PATH_LINEAR, &long_an, 2035.0),
	                   49.70, TOL);
	/* half way through 2026: 6.36 + 2.5 * 3.94 = 16.21 */
	cr_expect_float_eq(lt_path_value_at(LT_PATH_LINEAR, &long_an, 2026.5),
	                   16.21, TOL);
	cr_expect_float_eq(lt_path_value_at(LT_PATH_LINEAR, &long_an, 2030.0),
	                   30.0, 0.0);
	cr_expect(isnan(lt_path_value_at(LT_PATH_LINEAR, &long_an, NAN)));
}

/* ---- constant growth -------------------------------------------------- */

Test(curve, cagr_closed_form_and_constant_growth)
{
	lt_path p;
	size_t i;

	build_ok(LT_PATH_CAGR, &long_an, &p);
	expect_common(&p, &long_an);
	for (i = 0; i < p.n; i++)
		cr_expect_float_eq(p.value[i], 6.36 * pow(30.0 / 6.36, i / 6.0),
		                   TOL, "year %zu", 2024 + i);
	/* (30/6.36)^(1/6) = exp(ln(4.716981)/6) = exp(0.258528) = 1.295023 */
	cr_expect_float_eq(p.mean_step_pct, 29.502262674007728, 1e-9);
	for (i = 1; i < p.n; i++)
		cr_expect_float_eq(p.step_pct[i], p.mean_step_pct, 1e-9,
		                   "year %zu: %.12g %%", 2024 + i, p.step_pct[i]);
	cr_expect_float_eq(p.first_step_pct, p.mean_step_pct, 1e-9);
	/* growth on a growing base: the last step is the largest */
	cr_expect_eq(p.steepest_year, 2030);
	/* first step 6.36 * 0.295023 = 1.876344 points */
	cr_expect_float_eq(p.first_step, 8.236343906066892 - 6.36, TOL);
	lt_path_destroy(&p);
}

/* ---- logistic -------------------------------------------------------- */

/* The naive logit of y in (lo, hi). */
static double logit(double y, double lo, double hi)
{
	double x = (y - lo) / (hi - lo);

	return log(x / (1 - x));
}

Test(curve, logistic_closed_form_and_constant_logit_steps)
{
	/* z0 = ln(6.36 / 58.64) = -2.221389, z1 = ln(30 / 35) = -0.154151 */
	double z0 = logit(6.36, 0, 65), z1 = logit(30, 0, 65);
	double dz = (z1 - z0) / 6;
	lt_path p;
	size_t i;

	cr_expect_float_eq(z0, -2.221388680226365, 1e-12);
	cr_expect_float_eq(z1, -0.15415067982725836, 1e-12);
	build_ok(LT_PATH_LOGISTIC, &long_an, &p);
	expect_common(&p, &long_an);
	for (i = 0; i < p.n; i++) {
		double z = z0 + dz * (double)i;

		cr_expect_float_eq(p.value[i], 65 / (1 + exp(-z)), TOL,
		                   "year %zu", 2024 + i);
	}
	for (i = 1; i < p.n; i++)
		cr_expect_float_eq(logit(p.value[i], 0, 65) -
		                   logit(p.value[i - 1], 0, 65), dz, 1e-12);
	/* 2027: z = z0 + 3 dz = -1.187769, y = 65 / (1 + e^1.187769)
	 * = 15.187774 */
	cr_expect_float_eq(p.value[3], 15.187774160512092, TOL);
	/* The midpoint 32.5 is reached at tm = 2024 - z0 * 6 / (z1 - z0)
	 * = 2030.447, after 2030, so the steps grow all the way: 2.27, 2.92,
	 * 3.64, 4.37, 5.00, 5.44: steepest 2030. */
	cr_expect_eq(p.steepest_year, 2030);
	lt_path_destroy(&p);
}

Test(curve, logistic_symmetric_about_its_midpoint)
{
	double z0 = logit(6.36, 0, 65), z1 = logit(30, 0, 65);
	double tm = 2024 - z0 * 6 / (z1 - z0);
	const double s[] = {0.5, 1.7, 3.25, 6.1};
	size_t i;

	cr_expect_float_eq(tm, 2030.4474105443035, 1e-9);
	cr_expect_float_eq(lt_path_value_at(LT_PATH_LOGISTIC, &long_an, tm),
	                   32.5, 1e-12);
	for (i = 0; i < sizeof s / sizeof s[0]; i++) {
		double up = lt_path_value_at(LT_PATH_LOGISTIC, &long_an, tm + s[i]);
		double down = lt_path_value_at(LT_PATH_LOGISTIC, &long_an,
		                               tm - s[i]);

		cr_expect_float_eq(up + down, 65.0, 1e-11, "s = %g: %.15g + %.15g",
		                   s[i], up, down);
	}
}

Test(curve, logistic_keeps_digits_near_the_ceiling)
{
	/* 99.999 -> 99.9999 under a ceiling of 100: the distances to the
	 * ceiling are 1e-3 and 1e-4, logits ln(99999) and ln(999999); half way
	 * the logit is their mean, so the distance is
	 * 100 / (1 + e^z) = 100 / (1 + sqrt(99999 * 999999)) = 3.16229e-4. */
	lt_path_spec spec = {.t0 = 2024, .t1 = 2030, .y0 = 99.999,
	                     .y1 = 99.9999, .lo = 0, .hi = 100};
	double y = lt_path_value_at(LT_PATH_LOGISTIC, &spec, 2027.0);
	double want = 100 / (1 + sqrt(99999.0 * 999999.0));

	cr_expect_float_eq(100 - y, want, 1e-12 * want * 1e3,
	                   "distance %.10g, want %.10g", 100 - y, want);
}

/* ---- Gompertz -------------------------------------------------------- */

/* The naive ln(-ln x). */
static double lnln(double y, double lo, double hi)
{
	return log(-log((y - lo) / (hi - lo)));
}

Test(curve, gompertz_closed_form_and_constant_lnln_steps)
{
	/* w0 = ln(-ln(6.36/65)) = 0.843444, w1 = ln(-ln(30/65)) = -0.257231 */
	double w0 = lnln(6.36, 0, 65), w1 = lnln(30, 0, 65);
	double dw = (w1 - w0) / 6;
	lt_path p;
	size_t i;

	cr_expect_float_eq(w0, 0.8434442558721027, 1e-12);
	cr_expect_float_eq(w1, -0.2572306095484253, 1e-12);
	build_ok(LT_PATH_GOMPERTZ, &long_an, &p);
	expect_common(&p, &long_an);
	for (i = 0; i < p.n; i++)
		cr_expect_float_eq(p.value[i],
		                   65 * exp(-exp(w0 + dw * (double)i)), TOL,
		                   "year %zu", 2024 + i);
	for (i = 1; i < p.n; i++)
		cr_expect_float_eq(lnln(p.value[i], 0, 65) -
		                   lnln(p.value[i - 1], 0, 65), dw, 1e-12);
	/* 2027: w = 0.843444 + 3 dw = 0.293107, y = 65 exp(-e^0.293107)
	 * = 17.009998 */
	cr_expect_float_eq(p.value[3], 17.00999787495364, TOL);
	/* The Gompertz path is steepest where x = 1/e (y = 23.912), at
	 * t* = 2024 - w0 * 6 / (w1 - w0) = 2028.598; the yearly steps 3.03,
	 * 3.60, 4.02, 4.29, 4.38, 4.33 peak in 2029, the year containing t*,
	 * while the logistic path (midpoint 32.5 in 2030.45) is still
	 * speeding up in 2030: the asymmetry the header describes. */
	cr_expect_eq(p.steepest_year, 2029);
	lt_path_destroy(&p);
}

Test(curve, gompertz_steepest_where_x_is_one_over_e)
{
	double w0 = lnln(6.36, 0, 65), w1 = lnln(30, 0, 65);
	double ts = 2024 - w0 * 6 / (w1 - w0);
	double h = 1e-3, slope[3];
	int k;

	/* central differences at t* - 0.5, t*, t* + 0.5 */
	for (k = 0; k < 3; k++) {
		double t = ts + 0.5 * (k - 1);

		slope[k] = (lt_path_value_at(LT_PATH_GOMPERTZ, &long_an, t + h) -
		            lt_path_value_at(LT_PATH_GOMPERTZ, &long_an, t - h)) /
		           (2 * h);
	}
	cr_expect_float_eq(lt_path_value_at(LT_PATH_GOMPERTZ, &long_an, ts),
	                   65 * exp(-1.0), 1e-12);
	cr_expect_gt(slope[1], slope[0]);
	cr_expect_gt(slope[1], slope[2]);
}

/* ---- milestones ------------------------------------------------------ */

Test(curve, milestones_long_an_roadmap)
{
	lt_path_spec spec = long_an;
	lt_path p;
	size_t i;
	double t, prev;

	spec.knots = long_an_roadmap;
	spec.n_knots = 6;
	build_ok(LT_PATH_MILESTONES, &spec, &p);
	expect_common(&p, &spec);
	cr_expect_str_eq(p.why, "");
	for (i = 0; i < 6; i++)
		cr_expect_float_eq(p.value[i + 1], long_an_roadmap[i].value, 0.0,
		                   "milestone %d", long_an_roadmap[i].year);
	/* Steps: 2025 10 - 6.36 = 3.64, 2026 2, 2027 3, 2028 5, 2029 5,
	 * 2030 5.  2028, 2029 and 2030 tie at 5 points (15 -> 20 -> 25 -> 30,
	 * all exact in binary), so the earliest, 2028, is the steepest. */
	cr_expect_eq(p.steepest_year, 2028);
	cr_expect_float_eq(p.steepest_step, 5.0, 0.0);
	cr_expect_float_eq(p.first_step, 3.64, TOL);
	/* 20 / 15 - 1 = 33.33 % in 2028 */
	cr_expect_float_eq(p.step_pct[4], 100.0 / 3.0, 1e-10);
	/* Steffen between 2024 and 2025, by hand (GSL's boundary slope is the
	 * first secant, s0 = 3.64; at 2025, s0 = 3.64, s1 = 2, p = 2.82, so
	 * y' = 2 min(3.64, 2, 1.41) = 2.82): on [0, 1] the cubic is
	 * 6.36 + 3.64 d + 0.82 d^2 - 0.82 d^3, and at d = 0.5 it is
	 * 6.36 + 1.82 + 0.205 - 0.1025 = 8.2825. */
	cr_expect_float_eq(lt_path_value_at(LT_PATH_MILESTONES, &spec, 2024.5),
	                   8.2825, TOL);
	/* monotone between monotone knots (Steffen's guarantee), on a fine
	 * grid, and exact at the knots through value_at too */
	prev = 6.36;
	for (t = 2024.0; t <= 2030.0; t += 0.01) {
		double y = lt_path_value_at(LT_PATH_MILESTONES, &spec, t);

		cr_expect_geq(y, prev - 1e-12, "t = %.2f: %.15g < %.15g", t, y,
		              prev);
		prev = y;
	}
	for (i = 0; i < 6; i++)
		cr_expect_float_eq(lt_path_value_at(LT_PATH_MILESTONES, &spec,
		                   long_an_roadmap[i].year),
		                   long_an_roadmap[i].value, 0.0);
	/* not defined outside the milestones' years */
	cr_expect(isnan(lt_path_value_at(LT_PATH_MILESTONES, &spec, 2023.5)));
	cr_expect(isnan(lt_path_value_at(LT_PATH_MILESTONES, &spec, 2030.5)));
	lt_path_destroy(&p);
}

Test(curve, milestones_with_gaps_interpolate_monotonically)
{
	/* every other year only: 2026 12, 2028 20, then the target 30 in 2030
	 * (added from y1: the last milestone is before t1) */
	static const lt_point knots[] = {{2026, 12.0}, {2028, 20.0}};
	lt_path_spec spec = long_an;
	lt_path p;
	size_t i;

	spec.knots = knots;
	spec.n_knots = 2;
	build_ok(LT_PATH_MILESTONES, &spec, &p);
	expect_common(&p, &spec);
	cr_expect_float_eq(p.value[2], 12.0, 0.0);
	cr_expect_float_eq(p.value[4], 20.0, 0.0);
	for (i = 1; i < p.n; i++)
		cr_expect_gt(p.step[i], 0.0, "year %zu", 2024 + i);
	/* monotone: each in-between year lies between its neighbours */
	cr_expect(p.value[1] > 6.36 && p.value[1] < 12.0);
	cr_expect(p.value[3] > 12.0 && p.value[3] < 20.0);
	cr_expect(p.value[5] > 20.0 && p.value[5] < 30.0);
	lt_path_destroy(&p);
}

Test(curve, milestones_two_points_fall_back_to_linear)
{
	lt_path lin, p;
	size_t i;

	build_ok(LT_PATH_LINEAR, &long_an, &lin);
	build_ok(LT_PATH_MILESTONES, &long_an, &p);
	cr_expect_eq(p.kind, LT_PATH_MILESTONES);
	cr_expect_neq(strstr(p.why, "straight line"), NULL, "why: %s", p.why);
	for (i = 0; i < p.n; i++)
		cr_expect_float_eq(p.value[i], lin.value[i], 0.0);
	/* the straight line still ends at the data */
	cr_expect(isnan(lt_path_value_at(LT_PATH_MILESTONES, &long_an, 2031.0)));
	cr_expect_float_eq(lt_path_value_at(LT_PATH_MILESTONES, &long_an,
	                   2026.5), 16.21, TOL);
	lt_path_destroy(&lin);
	lt_path_destroy(&p);
}

Test(curve, milestones_last_knot_must_be_the_target)
{
	/* a roadmap ending at 28 in 2030 while the target is 30 */
	static const lt_point knots[] = {{2027, 15.0}, {2030, 28.0}};
	lt_path_spec spec = long_an;
	lt_path p;
	lt_diag d;

	spec.knots = knots;
	spec.n_knots = 2;
	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_path_init(&p, 2024, 2030), LT_OK);
	cr_expect_eq(lt_path_build(LT_PATH_MILESTONES, &spec, &p, &d), LT_OK);
	cr_expect_eq(p.ok, 0);
	cr_expect_str_eq(p.why, "the milestone for 2030 (28) is not the target "
	                 "(30)");
	cr_expect(isnan(p.value[0]));
	cr_expect(isnan(lt_path_value_at(LT_PATH_MILESTONES, &spec, 2027.0)));
	lt_path_destroy(&p);
	lt_diag_destroy(&d);
}

/* ---- decreasing targets ---------------------------------------------- */

/* Long An's DTI rank (004, roadmap row 4): 17th of 63 in 2023, milestones
 * 15, 14, 13, 12, 11, 10 in 2025..2030.  Lower is better.  Floor 0 and
 * ceiling 64 keep ranks 1..63 strictly inside for the S-curves. */
static const lt_point dti_roadmap[] = {
	{2025, 15.0}, {2026, 14.0}, {2027, 13.0}, {2028, 12.0}, {2029, 11.0},
	{2030, 10.0}
};
static const lt_path_spec dti = {
	.t0 = 2023, .t1 = 2030, .y0 = 17.0, .y1 = 10.0, .lo = 0.0, .hi = 64.0,
	.knots = dti_roadmap, .n_knots = 6
};

Test(curve, decreasing_paths)
{
	lt_path_kind kinds[] = {LT_PATH_LINEAR, LT_PATH_CAGR, LT_PATH_LOGISTIC,
	                        LT_PATH_GOMPERTZ, LT_PATH_MILESTONES};
	size_t k, i;

	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		lt_path p;

		build_ok(kinds[k], &dti, &p);
		expect_common(&p, &dti);
		/* (10 - 17) / 7 = -1 rank a year on average */
		cr_expect_float_eq(p.mean_step, -1.0, TOL);
		/* (10/17)^(1/7) - 1 = -7.301 % */
		cr_expect_float_eq(p.mean_step_pct,
		                   100 * (pow(10.0 / 17.0, 1.0 / 7) - 1), 1e-10);
		for (i = 1; i < p.n; i++)
			cr_expect_lt(p.step[i], 0.0, "%s %zu",
			             lt_path_name(kinds[k]), 2023 + i);
		lt_path_destroy(&p);
	}
}

Test(curve, decreasing_closed_forms)
{
	lt_path p;
	size_t i;

	build_ok(LT_PATH_CAGR, &dti, &p);
	for (i = 0; i < p.n; i++)
		cr_expect_float_eq(p.value[i], 17 * pow(10.0 / 17, i / 7.0), TOL);
	/* falling by a constant rate: the first fall is the largest */
	cr_expect_eq(p.steepest_year, 2024);
	lt_path_destroy(&p);

	build_ok(LT_PATH_LOGISTIC, &dti, &p);
	for (i = 1; i < p.n; i++)
		cr_expect_float_eq(logit(p.value[i], 0, 64) -
		                   logit(p.value[i - 1], 0, 64),
		                   (logit(10, 0, 64) - logit(17, 0, 64)) / 7, 1e-12);
	lt_path_destroy(&p);

	build_ok(LT_PATH_GOMPERTZ, &dti, &p);
	for (i = 1; i < p.n; i++)
		cr_expect_float_eq(lnln(p.value[i], 0, 64) -
		                   lnln(p.value[i - 1], 0, 64),
		                   (lnln(10, 0, 64) - lnln(17, 0, 64)) / 7, 1e-12);
	lt_path_destroy(&p);
}

Test(curve, decreasing_milestones)
{
	lt_path p;
	double t, prev = 17.0;
	size_t i;

	build_ok(LT_PATH_MILESTONES, &dti, &p);
	/* 2024 lies between the base (2023, 17) and the first milestone
	 * (2025, 15).  By hand: the boundary slope is s0 = (15 - 17) / 2 = -1;
	 * at 2025, s0 = -1 (h0 = 2), s1 = -1 (h1 = 1), p = (s0 h1 + s1 h0) /
	 * (h0 + h1) = -1, y' = -2 min(1, 1, 0.5) = -1.  Both end slopes equal
	 * the secant, so the cubic on [2023, 2025] is the straight line and
	 * 2024 is 16: every step is exactly -1, a tie, and the steepest fall
	 * is the earliest year, 2024. */
	cr_expect_float_eq(p.value[1], 16.0, TOL);
	for (i = 2; i < p.n; i++)
		cr_expect_float_eq(p.value[i], dti_roadmap[i - 2].value, 0.0);
	cr_expect_eq(p.steepest_year, 2024);
	cr_expect_float_eq(p.steepest_step, -1.0, TOL);
	for (t = 2023.0; t <= 2030.0; t += 0.01) {
		double y = lt_path_value_at(LT_PATH_MILESTONES, &dti, t);

		cr_expect_leq(y, prev + 1e-12, "t = %.2f", t);
		prev = y;
	}
	lt_path_destroy(&p);
}

Test(curve, flat_path_steepest_is_first_year)
{
	lt_path_spec spec = long_an;
	lt_path p;

	spec.y1 = spec.y0;
	build_ok(LT_PATH_LOGISTIC, &spec, &p);
	cr_expect_eq(p.steepest_year, 2025);
	cr_expect_float_eq(p.steepest_step, 0.0, 0.0);
	cr_expect_float_eq(p.value[3], 6.36, TOL);
	cr_expect_float_eq(p.mean_step_pct, 0.0, TOL);
	lt_path_destroy(&p);
}

/* ---- families that do not apply --------------------------------------- */

/* Build KIND for SPEC expecting LT_OK, ok = 0 and WANT as the reason. */
static void expect_not_applicable(lt_path_kind kind, const lt_path_spec *spec,
                                  const char *want)
{
	lt_path p;
	lt_diag d;

	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_path_init(&p, spec->t0, spec->t1), LT_OK);
	cr_expect_eq(lt_path_build(kind, spec, &p, &d), LT_OK);
	cr_expect_eq(p.ok, 0, "%s should not apply", lt_path_name(kind));
	cr_expect_str_eq(p.why, want);
	cr_expect_eq(lt_diag_count(&d), 0, "not applying is not an error");
	cr_expect(isnan(p.value[0]) && isnan(p.first_step));
	cr_expect_eq(p.steepest_year, 0);
	cr_expect(isnan(lt_path_value_at(kind, spec, 2027.0)));
	lt_path_destroy(&p);
	lt_diag_destroy(&d);
}

Test(curve, cagr_needs_positive_values)
{
	lt_path_spec spec = long_an;
	lt_path p;

	spec.y0 = 0.0;
	expect_not_applicable(LT_PATH_CAGR, &spec, "a constant growth rate "
	                      "needs positive values (got 0 and 30)");
	/* the family-free averages are still given; the percentage needs
	 * y0 > 0 */
	cr_assert_eq(lt_path_init(&p, 2024, 2030), LT_OK);
	cr_expect_eq(lt_path_build(LT_PATH_CAGR, &spec, &p, NULL), LT_OK);
	cr_expect_float_eq(p.mean_step, 5.0, TOL);
	cr_expect(isnan(p.mean_step_pct));
	lt_path_destroy(&p);
}

Test(curve, s_curves_need_values_inside_the_bounds)
{
	lt_path_spec spec = long_an;

	spec.y1 = 65.0; /* the ceiling itself */
	expect_not_applicable(LT_PATH_LOGISTIC, &spec, "a logistic path needs "
	                      "the values strictly between floor 0 and ceiling "
	                      "65 (got 6.36 and 65)");
	expect_not_applicable(LT_PATH_GOMPERTZ, &spec, "a Gompertz path needs "
	                      "the values strictly between floor 0 and ceiling "
	                      "65 (got 6.36 and 65)");
	spec = long_an;
	spec.hi = HUGE_VAL; /* no ceiling */
	expect_not_applicable(LT_PATH_LOGISTIC, &spec, "a logistic path needs "
	                      "the values strictly between floor 0 and ceiling "
	                      "inf (got 6.36 and 30)");
}

/* ---- invalid specs ---------------------------------------------------- */

/* Build KIND for SPEC expecting LT_EINVAL and one recorded error. */
static void expect_invalid(const lt_path_spec *spec, int t0, int t1)
{
	lt_path p;
	lt_diag d;

	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_path_init(&p, t0, t1), LT_OK);
	cr_expect_eq(lt_path_build(LT_PATH_LINEAR, spec, &p, &d), LT_EINVAL);
	cr_expect_eq(lt_diag_count(&d), 1);
	cr_expect(isnan(lt_path_value_at(LT_PATH_LINEAR, spec, 2027.0)));
	lt_path_destroy(&p);
	lt_diag_destroy(&d);
}

Test(curve, invalid_years)
{
	lt_path_spec spec = long_an;
	lt_path p;

	spec.t1 = 2024;
	expect_invalid(&spec, 2024, 2030);
	spec.t1 = 2020;
	expect_invalid(&spec, 2024, 2030);
	cr_expect_eq(lt_path_init(&p, 2030, 2030), LT_EINVAL);
	lt_path_destroy(&p);
	/* an output initialised for other years */
	cr_assert_eq(lt_path_init(&p, 2024, 2031), LT_OK);
	cr_expect_eq(lt_path_build(LT_PATH_LINEAR, &long_an, &p, NULL),
	             LT_EINVAL);
	lt_path_destroy(&p);
	cr_expect_eq(lt_path_build(LT_PATH_LINEAR, &long_an, &p, NULL),
	             LT_EINVAL, "a destroyed output is refused");
}

Test(curve, invalid_values)
{
	lt_path_spec spec = long_an;

	spec.y0 = NAN;
	expect_invalid(&spec, 2024, 2030);
	spec = long_an;
	spec.y1 = HUGE_VAL;
	expect_invalid(&spec, 2024, 2030);
	spec = long_an;
	spec.lo = 65.0; /* lo >= hi */
	expect_invalid(&spec, 2024, 2030);
	spec.lo = 80.0;
	expect_invalid(&spec, 2024, 2030);
	spec = long_an;
	spec.hi = NAN;
	expect_invalid(&spec, 2024, 2030);
}

Test(curve, invalid_knots)
{
	static const lt_point at_t0[] = {{2024, 8.0}};
	static const lt_point after_t1[] = {{2031, 31.0}};
	static const lt_point repeated[] = {{2026, 12.0}, {2026, 13.0}};
	static const lt_point backwards[] = {{2027, 15.0}, {2026, 12.0}};
	static const lt_point not_finite[] = {{2026, NAN}};
	lt_path_spec spec = long_an;

	spec.n_knots = 1;
	spec.knots = at_t0;
	expect_invalid(&spec, 2024, 2030);
	spec.knots = after_t1;
	expect_invalid(&spec, 2024, 2030);
	spec.knots = not_finite;
	expect_invalid(&spec, 2024, 2030);
	spec.knots = NULL;
	expect_invalid(&spec, 2024, 2030);
	spec.n_knots = 2;
	spec.knots = repeated;
	expect_invalid(&spec, 2024, 2030);
	spec.knots = backwards;
	expect_invalid(&spec, 2024, 2030);
}

Test(curve, invalid_kind_and_message)
{
	lt_path p;
	lt_diag d;
	lt_path_spec spec = long_an;
	char buf[LT_ERROR_MSG_MAX + 300];

	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_path_init(&p, 2024, 2030), LT_OK);
	cr_expect_eq(lt_path_build((lt_path_kind)7, &long_an, &p, &d),
	             LT_EINVAL);
	cr_expect(isnan(lt_path_value_at((lt_path_kind)7, &long_an, 2027.0)));
	spec.t1 = 2024;
	cr_expect_eq(lt_path_build(LT_PATH_LINEAR, &spec, &p, &d), LT_EINVAL);
	cr_assert_eq(lt_diag_count(&d), 2);
	cr_expect_str_eq(lt_error_format(&d.items[0], buf, sizeof buf),
	                 "path: unknown path family 7");
	cr_expect_str_eq(lt_error_format(&d.items[1], buf, sizeof buf),
	                 "path: the target year 2024 must be after the start "
	                 "year 2024");
	lt_path_destroy(&p);
	lt_path_destroy(&p); /* twice is safe */
	lt_diag_destroy(&d);
}

/* ---- Gompertz accuracy near the floor and the ceiling ----------------- */

/* The Gompertz path of SPEC in the year T0 + I against its closed form in
 * long double, written without the library's transforms: with
 * A = -ln x0 and B = -ln x1, x(f) = exp(-A^(1-f) B^f).  Near the floor
 * x is compared directly; near the ceiling the distance to it,
 * 1 - x = -expm1(-A^(1-f) B^f).  FROM_TOP selects the latter. */
static long double gompertz_exact(const lt_path_spec *s, double f, int from_top)
{
	long double span = (long double)s->hi - s->lo;
	long double d0 = (long double)s->y0 - s->lo, d1 = (long double)s->y1 - s->lo;
	long double u0 = (long double)s->hi - s->y0, u1 = (long double)s->hi - s->y1;
	/* -ln x from whichever distance is small, as an exact reference */
	long double a = d0 < u0 ? -logl(d0 / span) : -log1pl(-u0 / span);
	long double b = d1 < u1 ? -logl(d1 / span) : -log1pl(-u1 / span);
	long double e = powl(a, 1 - f) * powl(b, f);

	return from_top ? -expm1l(-e) * span : expl(-e) * span;
}

/* Relative accuracy of every year of the Gompertz path of SPEC: of the
 * distance to the floor when FROM_TOP is 0, else of the distance to the
 * ceiling; a double y near a bound holds its distance to it only to half
 * an ulp of the bound, so one ulp of it is allowed on top.  1e-12 relative is some 5000 ulp: the
 * transform ln(-ln x) and its inverse lose a factor |ln x| (32 at
 * x = 1e-14) to conditioning, far less than that. */
static void expect_gompertz_accurate(const lt_path_spec *s, int from_top)
{
	lt_path p;
	size_t i;

	build_ok(LT_PATH_GOMPERTZ, s, &p);
	for (i = 1; i + 1 < p.n; i++) {
		double f = (double)i / (double)(p.n - 1);
		double want = (double)gompertz_exact(s, f, from_top);
		double got = from_top ? s->hi - p.value[i] : p.value[i] - s->lo;
		double bound = from_top ? s->hi : s->lo;
		double slack = nextafter(bound, HUGE_VAL) - bound;

		cr_expect_leq(fabs(got - want), 1e-12 * want + slack,
		              "y0 %.17g year %zu: distance %.17g, want %.17g "
		              "(relative error %.3g)", s->y0, 2024 + i, got, want,
		              fabs(got - want) / want);
	}
	lt_path_destroy(&p);
}

/* A baseline of 1e-12 under a ceiling of 100 is x0 = 1e-14: forming ln x0
 * as log1p(-(U - y)/(U - L)) rounds 1 - 1e-14 first and loses some 3e-4
 * of the path's value (issue 8); ln((y - L)/(U - L)) keeps every digit. */
Test(curve, gompertz_accurate_near_the_floor)
{
	lt_path_spec s = {.t0 = 2024, .t1 = 2030, .y0 = 1e-12, .y1 = 40.0,
	                  .lo = 0.0, .hi = 100.0};

	expect_gompertz_accurate(&s, 0);
	s.y0 = 1e-6;
	expect_gompertz_accurate(&s, 0);
	/* a floor other than 0 and a decreasing path towards it */
	s.lo = 2.385;
	s.y0 = 61.7;
	s.y1 = 2.385 + 3.1e-9;
	expect_gompertz_accurate(&s, 0);
}

Test(curve, gompertz_accurate_near_the_ceiling)
{
	lt_path_spec s = {.t0 = 2024, .t1 = 2030, .y0 = 100.0 - 1e-9,
	                  .y1 = 40.0, .lo = 0.0, .hi = 100.0};

	expect_gompertz_accurate(&s, 1);
	s.y0 = 23.85;
	s.y1 = 100.0 - 2.5e-7;
	expect_gompertz_accurate(&s, 1);
}
