/* test_audit.c - the plan audit, finding by finding.
 *
 * Long An: every finding is checked against a hand calculation from the
 * source document (the Long An People's Council resolution and its Đề án,
 * June 2025: Part III section V roadmap table, Part IV budget, Appendices I
 * and II), shown in each test's comments.  The fixture
 * tests/data/good/audit.cfg makes one of each kind of finding.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "lotrinh/config.h"
#include "lotrinh/audit.h"
#include "lotrinh/budget.h"
#include "lotrinh/scenario.h"

static lt_scenario *scenario;
static lt_audit audit;

static void load(const char *path)
{
	lt_diag d;

	lt_diag_init(&d, path);
	cr_assert_eq(lt_scenario_load(&scenario, path, &d), LT_OK, "%s: %s", path,
	             d.n ? d.items[0].msg : "");
	lt_diag_destroy(&d);
	lt_audit_init(&audit);
	cr_assert_eq(lt_audit_run(scenario, &audit, NULL), LT_OK);
}

static void load_long_an(void)
{
	load("scenarios/long_an.cfg");
}

static void load_fixture(void)
{
	load("tests/data/good/audit.cfg");
}

static void unload(void)
{
	lt_audit_destroy(&audit);
	lt_scenario_free(scenario);
}

/* The one finding about SUBJECT with CODE in YEAR whose text starts with
 * PREFIX (NULL: any); fails the test when there is none or more than one. */
static const lt_finding *find(const char *subject, const char *code, int year,
                              const char *prefix)
{
	const lt_finding *hit = NULL;
	size_t i, n = 0;

	for (i = 0; i < audit.n; i++) {
		const lt_finding *f = &audit.items[i];

		if (strcmp(f->subject, subject) == 0 && strcmp(f->code, code) == 0 &&
		    f->year == year && (prefix == NULL ||
		    strncmp(f->text, prefix, strlen(prefix)) == 0)) {
			hit = f;
			n++;
		}
	}
	cr_assert_eq(n, 1, "%zu findings %s/%s/%d/%s", n, subject, code, year,
	             prefix ? prefix : "");
	return hit;
}

static double value(const lt_finding *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->n_values; i++)
		if (strcmp(f->values[i].name, name) == 0)
			return f->values[i].value;
	cr_assert_fail("finding '%s' has no value '%s'", f->text, name);
	return NAN;
}

#define EXPECT_SEV(f, sev) \
	cr_expect_eq((f)->severity, (sev), "%s: %s", (f)->code, (f)->text)

/* Roadmap row 5 (digital economy, % GRDP): 6,36 (2024), 10, 12, 15, 20,
 * 25, 30 (2025-2030).  Steps: 3.64, 2, 3, 5, 5, 5 points a year.  The
 * scenario's plausible pace is 2.1 points a year (China's fastest sustained
 * rise): 3.64, 3 and 5 exceed it, 2 does not. */
Test(audit, long_an_digital_economy_steps, .init = load_long_an, .fini = unload)
{
	static const int years[] = {2025, 2026, 2027, 2028, 2029, 2030};
	static const double steps[] = {3.64, 2.0, 3.0, 5.0, 5.0, 5.0};
	size_t i;

	for (i = 0; i < 6; i++) {
		const lt_finding *f = find("digital_economy", "milestone-step",
		                           years[i], NULL);

		cr_expect_float_eq(value(f, "step_per_year"), steps[i], 1e-9,
		                   "%d", years[i]);
		EXPECT_SEV(f, steps[i] > 2.1 ? LT_SEV_WARNING : LT_SEV_INFO);
	}
	/* 3.64 / 2.1 = 1.733: "1.73 times the plausible pace" */
	cr_expect(strstr(find("digital_economy", "milestone-step", 2025,
	                      NULL)->text, "1.73 times") != NULL);
	/* the 2030 milestone 30 meets the target >= 30 */
	EXPECT_SEV(find("digital_economy", "final-milestone", 2030, NULL),
	           LT_SEV_INFO);
}

/* Roadmap row 2 (PII): 44,95 (2023), 42,05 (2024); milestones 45..49, 50.
 * The first step 45 - 42.05 = +2.95 is within the 3-point pace but reverses
 * the last observed change, 42.05 - 44.95 = -2.90: a warning.  Then +1 a
 * year, within the pace. */
Test(audit, long_an_pii_first_step_reverses_history, .init = load_long_an,
     .fini = unload)
{
	const lt_finding *f = find("pii", "milestone-step", 2025, NULL);
	int y;

	EXPECT_SEV(f, LT_SEV_WARNING);
	cr_expect_float_eq(value(f, "step_per_year"), 2.95, 1e-9);
	cr_expect_float_eq(value(f, "history_max_step"), -2.90, 1e-9);
	cr_expect(strstr(f->text, "reverses") != NULL, "%s", f->text);
	for (y = 2026; y <= 2030; y++) {
		f = find("pii", "milestone-step", y, NULL);
		EXPECT_SEV(f, LT_SEV_INFO);
		cr_expect_float_eq(value(f, "step_per_year"), 1.0, 1e-9);
	}
	EXPECT_SEV(find("pii", "final-milestone", 2030, NULL), LT_SEV_INFO);
}

/* Rows 3, 4, 6 have no history beyond the baseline and no pace bound:
 * their steps are context only.  Row 4 (DTI rank, lower is better):
 * 17 (2023) -> 15 (2025) is -1 place a year, then -1 a year to 10. */
Test(audit, long_an_other_rows, .init = load_long_an, .fini = unload)
{
	const lt_finding *f = find("dti_rank", "milestone-step", 2025, NULL);

	EXPECT_SEV(f, LT_SEV_INFO);
	cr_expect_float_eq(value(f, "step_per_year"), -1.0, 1e-9);
	/* row 3: 23 -> 24 -> 28 (+4 a year) ... 40 -> 40 */
	cr_expect_float_eq(value(find("st_enterprises", "milestone-step", 2026,
	                              NULL), "step_per_year"), 4.0, 1e-9);
	/* row 6: about 50 -> 60 (+10) */
	cr_expect_float_eq(value(find("digital_skills", "milestone-step", 2025,
	                              NULL), "step_per_year"), 10.0, 1e-9);
	/* row 1 (TFP) has "-" in every year: no milestones */
	EXPECT_SEV(find("tfp_contribution", "no-milestones", 0, NULL),
	           LT_SEV_INFO);
	cr_expect_eq(lt_audit_count(&audit, LT_SEV_WARNING), 1 + 5 + 1 + 3 + 2,
	             "pii 2025, digital economy 2025/27/28/29/30, spending; the "
	             "targets of TFP and PII against their trends, the digital "
	             "economy's target pace; no baseline for the five policies "
	             "and the cameras");
}

/* Every roadmap finding on Long An, from the roadmap table (Part III
 * section V) by hand: the step to each milestone, the first from the
 * status column, annualised (DTI: 17 in 2023 to 15 in 2025 is -1 a
 * year), and its severity (warnings: PII's first step reverses its last
 * change; digital-economy steps above the 2.1-point pace). */
Test(audit, long_an_every_roadmap_finding, .init = load_long_an,
     .fini = unload)
{
	static const struct {
		const char *id;
		double steps[6]; /* 2025 .. 2030 */
		int warn[6];
	} rows[] = {
		{"pii", {45 - 42.05, 1, 1, 1, 1, 1}, {1, 0, 0, 0, 0, 0}},
		{"st_enterprises", {24 - 23, 4, 4, 4, 4, 0}, {0, 0, 0, 0, 0, 0}},
		{"dti_rank", {(15 - 17) / 2.0, -1, -1, -1, -1, -1}, {0}},
		{"digital_economy", {10 - 6.36, 2, 3, 5, 5, 5}, {1, 0, 1, 1, 1, 1}},
		{"digital_skills", {60 - 50, 10, 5, 5, 5, 5}, {0}},
	};
	size_t i, y;

	for (i = 0; i < sizeof rows / sizeof *rows; i++) {
		for (y = 0; y < 6; y++) {
			const lt_finding *f = find(rows[i].id, "milestone-step",
			                           2025 + (int)y, NULL);

			cr_expect_float_eq(value(f, "step_per_year"), rows[i].steps[y],
			                   1e-9, "%s %zu", rows[i].id, 2025 + y);
			EXPECT_SEV(f, rows[i].warn[y] ? LT_SEV_WARNING : LT_SEV_INFO);
		}
		/* each row's 2030 milestone equals its target (50, 40, 10, 30,
		 * 90) and so meets it */
		EXPECT_SEV(find(rows[i].id, "final-milestone", 2030, NULL),
		           LT_SEV_INFO);
	}
	/* 1 (TFP) + 5 rows x 7 + Appendix I 3 + Appendix II 6 + plan 4 +
	 * budget 7 (six years and the history) + the targets' trend (TFP,
	 * PII) and pace (PII, digital economy) + the PII and pillar ranks
	 * beyond the table (no milestones, the target holds the rank: 2 x 2)
	 * + no baseline for the policies and the cameras (2 warnings) + the
	 * 50 claims the scenario records, 6 of them errors (test_claims.c) */
	cr_expect_eq(audit.n, 1 + 35 + 3 + 6 + 4 + 7 + 2 + 2 + 4 + 2 + 50);
	cr_expect_eq(lt_audit_count(&audit, LT_SEV_ERROR), 7 + 6);
	cr_expect_eq(lt_audit_count(&audit, LT_SEV_WARNING), 7 + 3 + 2);
}

/* Appendix I: the NSNN column of the 85 tasks adds up to the declared
 * 5.861.734; the "Nguồn khác" column (tasks 12: 30.000, 23: 200.000,
 * 30: 40.000, 52: 150.000) adds up to 420.000, not the declared 390.000. */
Test(audit, long_an_appendix_1_sums, .init = load_long_an, .fini = unload)
{
	const lt_finding *f;

	f = find("appendix_1", "programme-sum", 0, "all tasks: the state-budget");
	EXPECT_SEV(f, LT_SEV_INFO);
	cr_expect_float_eq(value(f, "sum"), 5861734.0, 0.01);
	f = find("appendix_1", "programme-sum", 0, "all tasks: the other-source");
	EXPECT_SEV(f, LT_SEV_ERROR);
	cr_expect_float_eq(value(f, "sum"), 30000.0 + 200000.0 + 40000.0 +
	                   150000.0, 0.01);
	cr_expect_float_eq(value(f, "declared"), 390000.0, 0.01);
	cr_expect_float_eq(value(f, "difference"), 30000.0, 0.01);
	/* tasks 57, 58, 59 and 78 are "-" */
	cr_expect_float_eq(value(find("appendix_1", "uncosted-tasks", 0, NULL),
	                         "uncosted"), 4.0, 1e-12);
}

/* Appendix II (Party agencies):
 *   group 1 items: 18.850 + 3.650 + 28.100 + 40.680 + 4.800 + 31.500 +
 *   17.800 + 3.200 + 2.000 + 1.150 = 151.730, printed subtotal 180.930;
 *   group 2: 10.000 + 10.000 + 1.200 + 3.000 + 5.000 = 29.200 (agrees);
 *   group 3: 3.000 + 2.000 + 1.200 = 6.200 (agrees);
 *   group 4: 11.970 + 11.530 + 8.800 + 31.000 = 63.300 (agrees);
 *   all items: 151.730 + 29.200 + 6.200 + 63.300 = 250.430, declared 277.430;
 *   printed subtotals: 180.930 + 29.200 + 6.200 + 63.300 = 279.630. */
Test(audit, long_an_appendix_2_sums, .init = load_long_an, .fini = unload)
{
	const lt_finding *f;

	f = find("appendix_2", "programme-sum", 0, "group 1:");
	EXPECT_SEV(f, LT_SEV_ERROR);
	cr_expect_float_eq(value(f, "sum"), 151730.0, 0.01);
	cr_expect_float_eq(value(f, "difference"), -29200.0, 0.01);
	EXPECT_SEV(find("appendix_2", "programme-sum", 0, "group 2:"), LT_SEV_INFO);
	EXPECT_SEV(find("appendix_2", "programme-sum", 0, "group 3:"), LT_SEV_INFO);
	EXPECT_SEV(find("appendix_2", "programme-sum", 0, "group 4:"), LT_SEV_INFO);
	f = find("appendix_2", "programme-sum", 0, "all tasks");
	EXPECT_SEV(f, LT_SEV_ERROR);
	cr_expect_float_eq(value(f, "sum"), 250430.0, 0.01);
	cr_expect_float_eq(value(f, "difference"), -27000.0, 0.01);
	f = find("appendix_2", "programme-sum", 0, "the groups' printed");
	EXPECT_SEV(f, LT_SEV_ERROR);
	cr_expect_float_eq(value(f, "sum"), 279630.0, 0.01);
	cr_expect_float_eq(value(f, "difference"), 2200.0, 0.01);
}

/* Part IV: state 6.139.164 = 5.861.734 + 277.430 (the appendices' declared
 * totals agree), other 390.000, total 6.529.164.  The tasks themselves:
 * state 5.861.734 + 250.430 = 6.112.164 (-27.000), other 420.000
 * (+30.000), total 6.532.164 (+3.000). */
Test(audit, long_an_plan_totals, .init = load_long_an, .fini = unload)
{
	const lt_finding *f;

	f = find("plan", "programme-sum", 0, "every part's tasks: the state");
	EXPECT_SEV(f, LT_SEV_ERROR);
	cr_expect_float_eq(value(f, "sum"), 6112164.0, 0.01);
	f = find("plan", "programme-sum", 0, "every part's tasks: the other");
	EXPECT_SEV(f, LT_SEV_ERROR);
	cr_expect_float_eq(value(f, "difference"), 30000.0, 0.01);
	f = find("plan", "programme-sum", 0, "every part's tasks: the total");
	EXPECT_SEV(f, LT_SEV_ERROR);
	cr_expect_float_eq(value(f, "sum"), 6532164.0, 0.01);
	cr_expect_float_eq(value(f, "difference"), 3000.0, 0.01);
	f = find("plan", "programme-sum", 0, "the parts' declared");
	EXPECT_SEV(f, LT_SEV_INFO);
	cr_expect_float_eq(value(f, "sum"), 5861734.0 + 277430.0, 0.01);
	/* 7 programme sums, and 6 of the scenario's claims (test_claims.c) */
	cr_expect_eq(lt_audit_count(&audit, LT_SEV_ERROR), 7 + 6);
}

/* Split the CSV record LINE in place into at most MAX fields (RFC 4180
 * quotes; "" inside quotes is a quote).  Returns the number of fields. */
static int csv_split(char *line, char **fields, int max)
{
	char *r = line, *w = line;
	int n = 0;

	while (n < max) {
		fields[n++] = w;
		if (*r == '"') {
			for (r++; *r != '\0'; r++) {
				if (*r == '"' && r[1] == '"')
					*w++ = *r++;
				else if (*r == '"')
					break;
				else
					*w++ = *r;
			}
			if (*r == '"')
				r++;
		}
		while (*r != '\0' && *r != ',' && *r != '\n' && *r != '\r')
			*w++ = *r++;
		if (*r != ',') {
			*w = '\0';
			break;
		}
		*w++ = '\0';
		r++;
	}
	return n;
}

/* The programmes' state budget per year, computed here independently from
 * the transcribed appendices (the CSV files in scenarios/data): a task's
 * amount spread evenly over the leading years of its period; Appendix II by
 * its 2025 and 2026-2030 columns.  The base is recurrent spending, 8.000
 * billion VND in 2022 growing 8 % a year (the scenario's assumption): 2025
 * base 8.000.000 × 1.08³ = 10.077.696 million. */
static double appendix_spending(int year)
{
	FILE *f = fopen("scenarios/data/long_an_appendix1.csv", "r");
	char line[4096], *fld[8];
	double total = 0.0;

	cr_assert_not_null(f);
	cr_assert_not_null(fgets(line, sizeof line, f)); /* header */
	while (fgets(line, sizeof line, f) != NULL) {
		/* no,group,name,period,state_million,other_million */
		int a, b;

		cr_assert_eq(csv_split(line, fld, 8), 6, "%s", line);
		cr_assert_eq(lt_period_parse(fld[3], &a, &b), 0, "%s", fld[3]);
		if (year >= a && year <= b && fld[4][0] != '\0')
			total += atof(fld[4]) / (b - a + 1);
	}
	fclose(f);
	f = fopen("scenarios/data/long_an_appendix2.csv", "r");
	cr_assert_not_null(f);
	cr_assert_not_null(fgets(line, sizeof line, f));
	while (fgets(line, sizeof line, f) != NULL) {
		/* stt,name,y2025,y2026_2030,total,source_line; items are "1.1" */
		cr_assert_eq(csv_split(line, fld, 8), 6, "%s", line);
		if (strchr(fld[0], '.') == NULL)
			continue;
		total += year == 2025 ? atof(fld[2]) : atof(fld[3]) / 5.0;
	}
	fclose(f);
	return total;
}

Test(audit, long_an_programme_shares, .init = load_long_an, .fini = unload)
{
	int y;

	for (y = 2025; y <= 2030; y++) {
		const lt_finding *f = find("budget", "programme-share", y, NULL);
		double base = 8000000.0 * pow(1.08, y - 2022);
		double state = appendix_spending(y);

		cr_expect_float_eq(value(f, "state"), state, 0.01, "%d", y);
		cr_expect_float_eq(value(f, "base"), base, 1e-6, "%d", y);
		cr_expect_float_eq(value(f, "share"), 100.0 * state / base, 1e-9);
		/* every year is far above the 3 % rule (about 6.5-11 %) */
		EXPECT_SEV(f, LT_SEV_INFO);
	}
	cr_expect_float_eq(value(find("budget", "programme-share", 2025, NULL),
	                         "base"), 10077696.0, 1e-6);
}

/* Planned against historical spending: the tasks' 6.112.164 million over
 * 2025-2030 is 1.018.694 a year; digital transformation spending averaged
 * about 160 billion a year in 2021-2024 (Part II section IV.2):
 * 1.018.694 / 160.000 = 6.37 times, a warning (above 2). */
Test(audit, long_an_spending_history, .init = load_long_an, .fini = unload)
{
	const lt_finding *f = find("budget", "spending-history", 0, NULL);

	EXPECT_SEV(f, LT_SEV_WARNING);
	cr_expect_float_eq(value(f, "planned"), 6112164.0 / 6.0, 1e-6);
	cr_expect_float_eq(value(f, "historical_mean"), 160000.0, 1e-9);
	cr_expect_float_eq(value(f, "ratio"), 6112164.0 / 6.0 / 160000.0, 1e-12);
}

/* The fixture: share_ind rose +2 (2022-2023) and +1.6 (2023-2024); the
 * roadmap asks 1.4, then 5 (a warning: above any in its history), then 2 a
 * year, and ends at 19 against a target of 20 (an error).  Its components
 * average (4 + 6) / 2 = 5, against the baseline 4.6 (a warning). */
Test(audit, fixture_indicator_findings, .init = load_fixture, .fini = unload)
{
	const lt_finding *f;

	f = find("share_ind", "milestone-step", 2025, NULL);
	EXPECT_SEV(f, LT_SEV_INFO);
	cr_expect_float_eq(value(f, "step_per_year"), 1.4, 1e-9);
	cr_expect_float_eq(value(f, "history_max_step"), 2.0, 1e-9);
	EXPECT_SEV(find("share_ind", "milestone-step", 2026, NULL), LT_SEV_WARNING);
	f = find("share_ind", "milestone-step", 2030, NULL);
	EXPECT_SEV(f, LT_SEV_INFO);
	cr_expect_float_eq(value(f, "step_per_year"), (19.0 - 11.0) / 4.0, 1e-12);
	EXPECT_SEV(find("share_ind", "final-milestone", 2030, NULL), LT_SEV_ERROR);
	f = find("share_ind", "merged-baseline", 2024, NULL);
	EXPECT_SEV(f, LT_SEV_WARNING);
	cr_expect_float_eq(value(f, "merged"), 5.0, 1e-12);
	/* score_ind: 52 -> 51 while the target asks it to rise */
	EXPECT_SEV(find("score_ind", "milestone-against-target", 2025, NULL),
	           LT_SEV_WARNING);
	/* then (53 - 51) / 5 = 0.4 a year, within the 1.5 pace */
	EXPECT_SEV(find("score_ind", "milestone-step", 2030, NULL), LT_SEV_INFO);
	/* range_ind ends at 14, above the 10-12 range */
	EXPECT_SEV(find("range_ind", "final-milestone", 2030, NULL),
	           LT_SEV_WARNING);
}

/* The fixture's programmes: tasks 40.000 + 45.000 (task 3 not costed) =
 * 85.000 against 90.000 declared; other 12.000 against 10.000; group 2:
 * 45.000 against 50.000; the groups' subtotals 40.000 + 50.000 = 90.000
 * agree.  Spending: task 1 spreads 20.000 over 2025-2026, task 2 gives
 * 5.000 in 2026 and 10.000 a year 2027-2030; base 1.000.000 × 1.1^(y-2024):
 * 2025: 20.000 / 1.100.000 = 1.82 % < 3 %, every year below the rule.
 * History: 85.000 / 6 = 14.167 a year against a mean of 12.000: 1.18
 * times, no warning. */
Test(audit, fixture_programme_findings, .init = load_fixture, .fini = unload)
{
	const lt_finding *f;
	int y;

	f = find("part_a", "programme-sum", 0, "all tasks: the state");
	EXPECT_SEV(f, LT_SEV_ERROR);
	cr_expect_float_eq(value(f, "difference"), -5000.0, 1e-9);
	EXPECT_SEV(find("part_a", "programme-sum", 0, "all tasks: the other"),
	           LT_SEV_ERROR);
	EXPECT_SEV(find("part_a", "programme-sum", 0, "group 1:"), LT_SEV_INFO);
	EXPECT_SEV(find("part_a", "programme-sum", 0, "group 2:"), LT_SEV_ERROR);
	EXPECT_SEV(find("part_a", "programme-sum", 0, "the groups' printed"),
	           LT_SEV_INFO);
	EXPECT_SEV(find("plan", "programme-sum", 0, "the parts' declared "
	                "totals: the state"), LT_SEV_INFO);
	f = find("budget", "programme-share", 2025, NULL);
	EXPECT_SEV(f, LT_SEV_WARNING);
	cr_expect_float_eq(value(f, "share"), 100.0 * 20000.0 / 1100000.0, 1e-9);
	f = find("budget", "programme-share", 2026, NULL);
	cr_expect_float_eq(value(f, "state"), 25000.0, 1e-9);
	for (y = 2027; y <= 2030; y++)
		cr_expect_float_eq(value(find("budget", "programme-share", y, NULL),
		                         "state"), 10000.0, 1e-9);
	f = find("budget", "spending-history", 0, NULL);
	EXPECT_SEV(f, LT_SEV_INFO);
	cr_expect_float_eq(value(f, "ratio"), 85000.0 / 6.0 / 12000.0, 1e-12);
}

/* A schedule below the rule, and one far above today's share (Dong Thap:
 * 0,315 % in 2025 to 3 % in 2026 against a 2022-2025 mean of
 * (0,736 + 0,382 + 0,240 + 0,315) / 4 = 0,41825 %: 7.17 times). */
Test(audit, dong_thap_schedule_against_history)
{
	const lt_finding *f;

	load("scenarios/dong_thap.cfg");
	f = find("budget", "spending-history", 0, NULL);
	EXPECT_SEV(f, LT_SEV_WARNING);
	cr_expect_float_eq(value(f, "historical_mean"), 0.41825, 1e-12);
	cr_expect_float_eq(value(f, "ratio"), 3.0 / 0.41825, 1e-12);
	/* 2026 to 2030 all plan 3 %: the rule holds every year */
	f = find("budget", "schedule-rule", 2030, NULL);
	EXPECT_SEV(f, LT_SEV_INFO);
	cr_expect_float_eq(value(f, "lowest_share"), 3.0, 0.0);
	cr_expect_float_eq(value(f, "years_below"), 0.0, 0.0);
	unload();
}

/* A target the baseline already meets asks for no progress, and the audit
 * says so for every indicator, with or without milestones: Dong Thap's TFP
 * contribution was 55,88 % in 2021-2025 (003, phần II.3) against a target
 * of >= 55 %.  Its PII rank 18/34 against the assumed "hold rank 18"
 * only holds the rank (target-holds-rank).
 * Long An's targets all ask for progress: no such finding there. */
Test(audit, target_met_at_baseline)
{
	const lt_finding *f;
	size_t i;

	load("scenarios/dong_thap.cfg");
	f = find("tfp_contribution", "target-met-at-baseline", 2025, NULL);
	EXPECT_SEV(f, LT_SEV_WARNING);
	cr_expect_float_eq(value(f, "baseline"), 55.88, 1e-12);
	cr_expect_float_eq(value(f, "target"), 55.0, 1e-12);
	/* a rank target at today's rank is a finding of its own: it holds
	 * the rank, which is no ambition met early */
	f = find("pii_rank", "target-holds-rank", 2030, NULL);
	EXPECT_SEV(f, LT_SEV_INFO);
	cr_expect_float_eq(value(f, "baseline"), 18.0, 1e-12);
	for (i = 0; i < audit.n; i++)
		cr_expect(strcmp(audit.items[i].subject, "pii_rank") != 0 ||
		          strcmp(audit.items[i].code, "target-met-at-baseline") != 0,
		          "%s", audit.items[i].text);
	unload();
	load_long_an();
	for (i = 0; i < audit.n; i++)
		cr_expect(strcmp(audit.items[i].code, "target-met-at-baseline") != 0,
		          "%s: %s", audit.items[i].subject, audit.items[i].text);
	unload();
}

/* The change each target needs, for every indicator, by hand from 004's
 * roadmap table: PII (50 − 42.05)/6 = +1.325 a year against the latest
 * change 42.05 − 44.95 = −2.9 (2023 to 2024): the target reverses the
 * trend, and is within the 3-point pace; the digital economy needs
 * (30 − 6.36)/6 = +3.94 a year, 3.94/2.1 = 1.876 times the plausible
 * pace; TFP's contribution, a mean of at least 55 over 2026-2030 (a
 * straight path has it in the middle year, 2028), (55 − 35.49)/3 =
 * +6.503 a year after falling (35.49 − 43.35)/5 = −1.572 a year from
 * 2020 to 2025. */
Test(audit, long_an_target_pace_and_trend, .init = load_long_an,
     .fini = unload)
{
	const lt_finding *f;

	f = find("pii", "target-against-trend", 2030, NULL);
	EXPECT_SEV(f, LT_SEV_WARNING);
	cr_expect_float_eq(value(f, "needed_per_year"), 1.325, 1e-12);
	cr_expect_float_eq(value(f, "latest_per_year"), -2.9, 1e-12);
	f = find("pii", "target-pace", 2030, NULL);
	EXPECT_SEV(f, LT_SEV_INFO);
	f = find("digital_economy", "target-pace", 2030, NULL);
	EXPECT_SEV(f, LT_SEV_WARNING);
	cr_expect_float_eq(value(f, "needed_per_year"), 3.94, 1e-12);
	cr_expect(strstr(f->text, "1.88 times") != NULL, "%s", f->text);
	f = find("tfp_contribution", "target-against-trend", 2030, NULL);
	cr_expect_float_eq(value(f, "needed_per_year"), (55 - 35.49) / 3, 1e-12);
	cr_expect_float_eq(value(f, "latest_per_year"), -1.572, 1e-12);
}

/* CLI: the table groups findings by subject and numbers their sources;
 * --min-severity filters; CSV and JSON carry the same findings. */
Test(audit, cli_formats)
{
	struct run r = run_cli("audit", "scenarios/long_an.cfg");
	json_t *root;
	json_error_t err;

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "13 errors, 12 warnings") != NULL, "%s", r.out);
	/* a subject by its name, with its id */
	cr_expect(strstr(r.out, "\nAppendix II: funding of Plan 217-KH/TU on "
	                 "digital transformation in the Party agencies of Long An "
	                 "(appendix_2)\n") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "     [1] 004, Appendix II") != NULL);
	run_free(&r);
	r = run_cli("audit", "--min-severity", "error", "scenarios/long_an.cfg");
	cr_expect(strstr(r.out, "  warning") == NULL);
	cr_expect(strstr(r.out, "  error") != NULL);
	run_free(&r);
	r = run_cli("audit", "--format", "json", "scenarios/long_an.cfg");
	root = json_loads(r.out, 0, &err);
	cr_assert_not_null(root, "%s", err.text);
	cr_expect_eq(json_integer_value(json_object_get(root, "errors")), 13);
	load("scenarios/long_an.cfg");
	cr_expect_eq(json_array_size(json_object_get(root, "findings")), audit.n);
	unload();
	json_decref(root);
	run_free(&r);
	r = run_cli("audit", "--format", "csv", "scenarios/long_an.cfg");
	cr_expect(strncmp(r.out, "severity,code,subject,year,finding,values,"
	                  "source\r\n", 48) == 0, "%s", r.out);
	run_free(&r);
}

/* ---- the rule binds every year (issue 8) ------------------------------ */

/* An Giang ramps from an assumed 0.4 % in 2024 to the 3 % rule in 2026
 * (scenarios/an_giang.cfg).  In 2030 it meets the rule, but 2025 plans
 * 0.4 + (3.0 - 0.4) * (2025 - 2024) / (2026 - 2024) = 1.7 %: a rule of
 * "at least 3 % every year" is broken once, in 2025, and the audit must
 * say so there rather than look at 2030 only. */
Test(audit, an_giang_rule_missed_in_the_ramp_year)
{
	const lt_finding *f;

	load("scenarios/an_giang.cfg");
	f = find("budget", "schedule-rule", 2025, NULL);
	EXPECT_SEV(f, LT_SEV_WARNING);
	cr_expect_float_eq(value(f, "lowest_share"), 1.7, 1e-12);
	cr_expect_float_eq(value(f, "rule"), 3.0, 0.0);
	cr_expect_float_eq(value(f, "years_below"), 1.0, 0.0);
	cr_expect(strstr(f->text, "in 1 of the years 2025-2030 (2025 to 2025), "
	                 "as little as 1.7% in 2025") != NULL, "%s", f->text);
	unload();
}

/* Explicit shares 3.0 (2025), 2.5 (2027), 3.5 (2028), 2.9 (2030), each
 * kept until the next: 2025 3.0, 2026 3.0, 2027 2.5, 2028 3.5, 2029 3.5,
 * 2030 2.9.  Against a rule of 3 %: below in 2027 and 2030 (2 of 6 years),
 * the lowest 2.5 % in 2027; a share equal to the rule (3.0) meets it. */
Test(audit, per_year_rule_checked_every_year)
{
	static const char text[] =
	    "province = { id = \"demo\"; name = \"Demo\"; name_vi = \"Mẫu\"; source = \"assumption: test\"; };\n"
	    "years = { baseline = 2024; horizon = 2030; };\n"
	    "economy = { grdp = 1.0e8; growth_pct = 9.0; source = \"assumption: test\"; };\n"
	    "budget = { base = \"total\"; amount = 8.0e6; year = 2024; growth_pct = 7.0;\n"
	    "  rule_min_share_pct = 3.0;\n"
	    "  schedule = { kind = \"per_year\"; shares = ( (2025, 3.0), (2027, 2.5), (2028, 3.5), (2030, 2.9) ); };\n"
	    "  source = \"assumption: test\"; };\n"
	    "channels = { digital = { allocation = 1.0; delta = 0.2; eta = 0.8; source = \"assumption: test\"; }; };\n"
	    "indicators = ( { id = \"de\"; name = \"DE\"; name_vi = \"KTS\"; unit = \"%\"; kind = \"share\";\n"
	    "  baseline = 6.0; target = { value = 30.0; direction = \">=\"; year = 2030; };\n"
	    "  channel = \"digital\"; source = \"assumption: test\"; } );\n";
	const lt_finding *f;
	lt_diag d;

	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_scenario_parse(&scenario, text, "inline.cfg", &d), LT_OK,
	             "%s", d.n ? d.items[0].msg : "");
	lt_diag_destroy(&d);
	lt_audit_init(&audit);
	cr_assert_eq(lt_audit_run(scenario, &audit, NULL), LT_OK);
	f = find("budget", "schedule-rule", 2027, NULL);
	EXPECT_SEV(f, LT_SEV_WARNING);
	cr_expect_float_eq(value(f, "lowest_share"), 2.5, 0.0);
	cr_expect_float_eq(value(f, "years_below"), 2.0, 0.0);
	cr_expect(strstr(f->text, "in 2 of the years 2025-2030 (2027 to 2030)")
	          != NULL, "%s", f->text);
	unload();
}
