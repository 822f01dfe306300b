/* test_simulate.c - the plan against business as usual: the engine called
 * directly, and `lotrinh simulate` end to end (messages, formats;
 * test_outputs.c checks every format of every command for NaN).
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <string.h>

#include "helpers.h"
#include "lotrinh/budget.h"
#include "lotrinh/config.h"
#include "lotrinh/simulate.h"

static lt_scenario *load(const char *path)
{
	lt_scenario *s;

	cr_assert_eq(lt_scenario_load(&s, path, NULL), LT_OK, "%s", path);
	return s;
}

/* Long An's TFP contribution is a 2025 value (35.49) in a 2024 scenario:
 * it stands still until 2025, in the plan and under business as usual. */
Test(simulate, long_an_tfp_from_its_own_year)
{
	lt_scenario *s = load("scenarios/long_an.cfg");
	int k = lt_scenario_find_indicator(s, "tfp_contribution");
	lt_simulation r;

	cr_assert(k >= 0);
	cr_assert_eq(lt_simulate_run(s, NULL, &r, NULL), LT_OK);
	cr_expect_eq(r.plan.t0, 2024);
	cr_expect_float_eq(r.plan.value[(size_t)k * r.plan.ny + 0], 35.49, 1e-12);
	cr_expect_float_eq(r.plan.value[(size_t)k * r.plan.ny + 1], 35.49, 1e-12);
	cr_expect_float_eq(r.bau.value[(size_t)k * r.bau.ny + 1], 35.49, 1e-12);
	cr_expect_neq(r.plan.value[(size_t)k * r.plan.ny + 2], 35.49);
	lt_simulation_destroy(&r);
	lt_scenario_free(s);
}

/* Business as usual keeps today's share of the base every year: the BAU
 * run's public spending is that share of each year's base. */
Test(simulate, bau_is_todays_share)
{
	lt_scenario *s = load("scenarios/long_an.cfg");
	lt_simulation r;
	size_t i;

	cr_assert_eq(lt_simulate_run(s, NULL, &r, NULL), LT_OK);
	cr_expect_float_eq(r.today_share, lt_budget_today_share(s), 1e-15);
	for (i = 1; i < r.bau.ny; i++)
		cr_expect_float_eq(r.bau.public_[i], r.today_share / 100.0 *
		                   lt_budget_base(&s->budget, r.bau.t0 + (int)i),
		                   1e-6 * r.bau.public_[i], "%zu", i);
	lt_simulation_destroy(&r);
	lt_scenario_free(s);
}

Test(simulate, help_has_no_doubled_percent)
{
	struct run r = run_cli("simulate", "--help");

	cr_assert_eq(r.status, 0);
	cr_expect(strstr(r.out, "%%") == NULL);
	cr_expect(strstr(r.out, "S % of the spending base") != NULL);
	run_free(&r);
}

/* An option value simulate refuses: exit 2 and a message holding MSG. */
struct refusal {
	const char *option, *arg, *msg;
};

static const struct refusal refusals[] = {
	/* a share the number parser refuses says why */
	{"--share", "0x10", "(got '0x10': a hexadecimal number; write decimal "
	                    "numbers)"},
	{"--share", "-0", "(got '-0': a negative zero; write 0)"},
	{"--share", "1e-400", "(got '1e-400': too small to represent"},
	/* a ramp with a bad year blames the year, not the shares */
	{"--ramp", "1:3:20x", "'--ramp' must end in a whole year"},
	{"--ramp", "1:300:2028", "'--ramp' must have shares S0 and S1 from 0 to "
	                         "100"},
	{"--ramp", "13", "'--ramp' must be S0:S1:YEAR"},
	{"--ramp", "1:3:2040", "the year of '--ramp' must be after the baseline "
	                       "2024 and at most the horizon 2030 (got 2040)"},
	/* Monte Carlo */
	{"--draws", "0", "'--draws' must be a whole number from 1 to"},
	{"--draws", "1e3", "'--draws' must be a whole number from 1 to "
	                   "2000000000 (got '1e3': not a number)"},
	{"--threads", "0", "'--threads' must be a whole number from 1 to 256"},
	{"--seed", "abc", "'--seed' must be a whole number"},
	{"--seed", "7", "'--seed' and '--threads' go with '--draws N'"},
};

Test(simulate, refusals_say_why)
{
	size_t i;

	for (i = 0; i < sizeof refusals / sizeof *refusals; i++) {
		const struct refusal *c = &refusals[i];
		struct run r = run_cli("simulate", c->option, c->arg,
		                       "scenarios/long_an.cfg");

		cr_expect_eq(r.status, 2, "%s %s", c->option, c->arg);
		cr_expect(strstr(r.err, c->msg) != NULL, "%s %s: %s", c->option,
		          c->arg, r.err);
		run_free(&r);
	}
}

/* Repeated --indicator keeps every one, in the order given. */
Test(simulate, several_indicators)
{
	struct run r = run_cli("simulate", "--format", "csv", "--indicator", "pii",
	                       "--indicator", "digital_economy", "--indicator",
	                       "pii", "scenarios/long_an.cfg");
	const char *a, *b;

	cr_assert_eq(r.status, 0, "%s", r.err);
	a = strstr(r.out, "\npii,2024");
	b = strstr(r.out, "\ndigital_economy,2024");
	cr_expect(a != NULL && b != NULL && a < b, "%s", r.out);
	cr_expect(strstr(r.out, "\ndti_rank,") == NULL);
	cr_expect(strstr(b + 1, "\npii,2024") == NULL, "a repeat is dropped");
	run_free(&r);
}

/* Business as usual is the trend continuing: An Giang's digital economy
 * (6.11 % in 2024, one observation) and Long An's digital skills (50 %,
 * one observation) once fell under business as usual because r defaulted
 * to 0 while capital intensity fell; with their priors they rise. */
Test(simulate, bau_follows_the_trend)
{
	static const struct { const char *file, *id; } cases[] = {
		{"scenarios/an_giang.cfg", "digital_economy"},
		{"scenarios/long_an.cfg", "digital_skills"},
		{"scenarios/long_an.cfg", "st_enterprises"},
	};
	size_t c, i;

	for (c = 0; c < sizeof cases / sizeof *cases; c++) {
		lt_scenario *s = load(cases[c].file);
		int k = lt_scenario_find_indicator(s, cases[c].id);
		lt_simulation r;

		cr_assert(k >= 0);
		cr_assert_eq(lt_simulate_run(s, NULL, &r, NULL), LT_OK);
		cr_expect(strstr(r.ind[k].why, "prior") != NULL, "%s", r.ind[k].why);
		for (i = 1; i < r.bau.ny; i++)
			cr_expect_gt(r.bau.value[(size_t)k * r.bau.ny + i],
			             r.bau.value[(size_t)k * r.bau.ny + i - 1],
			             "%s %s year %zu", cases[c].file, cases[c].id, i);
		lt_simulation_destroy(&r);
		lt_scenario_free(s);
	}
}

/* --draws: the same seed gives the same output, byte for byte, on 1 and 2
 * threads (and in CSV); another seed another one. */
Test(simulate, draws_identical_for_any_thread_count)
{
	const char *fmt[] = {"table", "csv"};
	size_t f;

	for (f = 0; f < 2; f++) {
		struct run a = run_cli("simulate", "--draws", "9000", "--seed", "11",
		                       "--threads", "1", "--format", fmt[f],
		                       "scenarios/long_an.cfg");
		struct run b = run_cli("simulate", "--draws", "9000", "--seed", "11",
		                       "--threads", "2", "--format", fmt[f],
		                       "scenarios/long_an.cfg");
		struct run c = run_cli("simulate", "--draws", "9000", "--seed", "12",
		                       "--threads", "2", "--format", fmt[f],
		                       "scenarios/long_an.cfg");

		cr_assert_eq(a.status, 0, "%s", a.err);
		cr_expect_str_eq(a.out, b.out);
		cr_expect_str_neq(a.out, c.out);
		cr_expect(strstr(a.out, f == 0 ? "Monte Carlo, 9000 draws" : ",q05,")
		          != NULL, "%s", a.out);
		run_free(&a);
		run_free(&b);
		run_free(&c);
	}
}

/* JSON: the probability of each target with its standard error, and of
 * all of them; in [0, 1] and consistent with the year-reached column. */
Test(simulate, draws_json)
{
	struct run r = run_cli("simulate", "--draws", "4000", "--format", "json",
	                       "--indicator", "pii", "scenarios/long_an.cfg");
	json_t *root, *ind, *years;
	double p, se, by;

	cr_assert_eq(r.status, 0, "%s", r.err);
	root = json_loads(r.out, 0, NULL);
	cr_assert(root != NULL);
	cr_expect_eq(json_integer_value(json_object_get(root, "draws")), 4000);
	ind = json_array_get(json_object_get(root, "indicators"), 0);
	p = json_number_value(json_object_get(ind, "p_target"));
	se = json_number_value(json_object_get(ind, "p_target_se"));
	years = json_object_get(ind, "years");
	by = json_number_value(json_object_get(json_array_get(years, 6),
	                                       "p_met_by"));
	cr_expect(p > 0.0 && p < 1.0, "%g", p);
	cr_expect_float_eq(se, sqrt(p * (1.0 - p) / 4000.0), 1e-12);
	cr_expect_float_eq(by, p, 1e-15, "no shocks: met by 2030 = met in 2030");
	cr_expect(json_is_number(json_object_get(root, "p_all_targets")));
	json_decref(root);
	run_free(&r);
}

/* Checkpoints on the command line: one row per milestone year before the
 * target year, in text and JSON; each conditional probability in [0, 1]
 * or missing with its reason. */
Test(simulate, checkpoints)
{
	struct run r = run_cli("simulate", "--draws", "6000", "--format", "json",
	                       "--indicator", "pii", "scenarios/long_an.cfg");
	struct run t = run_cli("simulate", "--draws", "6000", "--indicator",
	                       "pii", "scenarios/long_an.cfg");
	json_t *root, *ck, *row;
	size_t i;

	cr_assert_eq(r.status, 0, "%s", r.err);
	root = json_loads(r.out, 0, NULL);
	cr_assert(root != NULL);
	ck = json_object_get(json_array_get(json_object_get(root, "indicators"),
	                                    0), "checkpoints");
	/* PII's milestones 2025-2029 lie before its 2030 target */
	cr_assert_eq(json_array_size(ck), 5);
	json_array_foreach(ck, i, row) {
		json_t *p = json_object_get(row, "p_target_if_missed");

		cr_expect_eq(json_integer_value(json_object_get(row, "year")),
		             2025 + (json_int_t)i);
		cr_expect(json_is_null(p) || (json_number_value(p) >= 0.0 &&
		          json_number_value(p) <= 1.0));
	}
	cr_expect(strstr(t.out, "Checkpoints: what each milestone year says") !=
	          NULL, "%s", t.out);
	json_decref(root);
	run_free(&r);
	run_free(&t);
}
