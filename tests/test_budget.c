/* test_budget.c - schedules, spending by channel and the history level,
 * against hand calculations on tests/data/good/audit.cfg and full.cfg and
 * the Long An plan. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "helpers.h"
#include "lotrinh/config.h"
#include "lotrinh/budget.h"

static lt_scenario *load(const char *path)
{
	lt_scenario *s;
	lt_diag d;

	lt_diag_init(&d, path);
	cr_assert_eq(lt_scenario_load(&s, path, &d), LT_OK);
	lt_diag_destroy(&d);
	return s;
}

/* A ramp from 0.5 % (2024) to 3 % (2027): 2025 = 0.5 + 2.5/3. */
Test(budget, ramp_share)
{
	lt_schedule sc;

	memset(&sc, 0, sizeof sc);
	sc.kind = LT_SCHED_RAMP;
	sc.from_pct = 0.5;
	sc.to_pct = 3.0;
	sc.to_year = 2027;
	cr_expect_float_eq(lt_schedule_share(&sc, 2024, 2024), 0.5, 1e-15);
	cr_expect_float_eq(lt_schedule_share(&sc, 2024, 2025), 0.5 + 2.5 / 3.0,
	                   1e-15);
	cr_expect_float_eq(lt_schedule_share(&sc, 2024, 2027), 3.0, 1e-15);
	cr_expect_float_eq(lt_schedule_share(&sc, 2024, 2030), 3.0, 1e-15);
}

/* full.cfg: per-year shares (2025, 1.5), (2027, 3.0): 2026 keeps 1.5;
 * base 2.0e7 growing 6 %: 2026 spending 1.5 % × 2e7 × 1.06² split 75/25;
 * co-financing ratio 0.25 on top. */
Test(budget, per_year_shares_and_ratio)
{
	lt_scenario *s = load("tests/data/good/full.cfg");
	double pub[2], cof[2], total = 0.015 * 2.0e7 * 1.06 * 1.06;

	cr_expect_float_eq(lt_schedule_share(&s->budget.schedule, 2024, 2024),
	                   1.5, 1e-15);
	cr_expect_float_eq(lt_schedule_share(&s->budget.schedule, 2024, 2026),
	                   1.5, 1e-15);
	lt_budget_year(s, NULL, 2026, pub, cof);
	cr_expect_float_eq(pub[0], 0.75 * total, 1e-6);
	cr_expect_float_eq(pub[1], 0.25 * total, 1e-6);
	cr_expect_float_eq(cof[0], 0.25 * pub[0], 1e-9);
	/* today's share: share_history ends with (2023, 0.4) */
	cr_expect_float_eq(lt_budget_today_share(s), 0.4, 1e-15);
	lt_scenario_free(s);
}

/* audit.cfg: a "programs" schedule spends through the groups' channel:
 * 2026 = task 1's 20 000 + task 2's split 5 000 = 25 000, all digital;
 * history mean (10 000 + 12 000 + 14 000) / 3 = 12 000. */
Test(budget, programs_schedule)
{
	lt_scenario *s = load("tests/data/good/audit.cfg");
	double pub[1], cof[1];

	lt_budget_year(s, NULL, 2026, pub, cof);
	cr_expect_float_eq(pub[0], 25000.0, 1e-9);
	cr_expect_float_eq(cof[0], 0.0, 1e-12, "no co-financing in audit.cfg");
	cr_expect_float_eq(lt_budget_history_mean(s), 12000.0, 1e-9);
	/* today's share: 14 000 / (1e6 × 1.1^0) = 1.4 % */
	cr_expect_float_eq(lt_budget_today_share(s), 1.4, 1e-12);
	lt_scenario_free(s);
}

/* Long An: the programmes' co-financing ("programs") in 2025 is the tasks'
 * "other" amounts spread over their periods: task 12 (30 000, 2025-2026)
 * gives 15 000, task 23 (200 000, its period) and 30 and 52 likewise; the
 * state and other totals over 2025-2030 are the tasks' sums, 6 112 164 and
 * 420 000 (every task lies within 2025-2030). */
Test(budget, long_an_totals_over_the_plan)
{
	lt_scenario *s = load("scenarios/long_an.cfg");
	double pub[2], cof[2], state = 0.0, other = 0.0;
	int y;

	for (y = 2025; y <= 2030; y++) {
		lt_budget_year(s, NULL, y, pub, cof);
		state += pub[0] + pub[1];
		other += cof[0] + cof[1];
	}
	cr_expect_float_eq(state, 6112164.0, 1e-6);
	cr_expect_float_eq(other, 420000.0, 1e-6);
	lt_scenario_free(s);
}

/* simulate and solve from the command line respond to the share. */
Test(budget, cli_simulate_responds_to_share)
{
	struct run a = run_cli("simulate", "--format", "json", "--share", "1",
	                       "--indicator", "digital_economy",
	                       "scenarios/long_an.cfg");
	struct run b = run_cli("simulate", "--format", "json", "--share", "20",
	                       "--indicator", "digital_economy",
	                       "scenarios/long_an.cfg");
	json_error_t err;
	json_t *ja = json_loads(a.out, 0, &err), *jb = json_loads(b.out, 0, &err);
	json_t *va, *vb;

	cr_assert_not_null(ja, "%s", a.err);
	cr_assert_not_null(jb, "%s", b.err);
	va = json_object_get(json_array_get(json_object_get(ja, "indicators"), 0),
	                     "years");
	vb = json_object_get(json_array_get(json_object_get(jb, "indicators"), 0),
	                     "years");
	cr_assert_eq(json_array_size(va), 7);
	cr_expect_gt(json_real_value(json_object_get(json_array_get(vb, 6),
	                                             "value")),
	             json_real_value(json_object_get(json_array_get(va, 6),
	                                             "value")));
	json_decref(ja);
	json_decref(jb);
	run_free(&a);
	run_free(&b);
}
