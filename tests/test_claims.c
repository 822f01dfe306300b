/* test_claims.c - what the documents say about their own figures,
 * recomputed (claims.h), and the loader of 'claims' and 'figures'.
 *
 * Three parts.  (1) Each kind of claim on a small scenario written here,
 * with high-entropy figures, against a hand calculation in the comment.
 * (2) Every claim the three shipped scenarios record, against a hand
 * calculation from the documents (004, 003, 002, 001; the figures quoted
 * in each row's comment) or, for Long An's appendices, from the
 * transcriptions in scenarios/data, read here independently of the
 * scenario; a claim without a row here fails the test.  (3) The
 * programme sums as claims the programmes imply, a changed task amount
 * changing its findings, and every error the loader and the reference
 * reader give.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "lotrinh/audit.h"
#include "lotrinh/claims.h"
#include "lotrinh/config.h"
#include "lotrinh/scenario.h"

/* ---- a scenario with one claim of each kind --------------------------- */

#define DEMO_TOP \
"province = { id = \"demo\"; name = \"Demo\"; name_vi = \"Mẫu\"; source = \"assumption: test\";\n" \
"  components = (\n" \
"    { id = \"east\"; name = \"East\"; name_vi = \"Đông\"; values = { de = 5.99; }; source = \"assumption: east\"; },\n" \
"    { id = \"west\"; name = \"West\"; name_vi = \"Tây\"; values = { de = 6.23; }; source = \"assumption: west\"; } ); };\n" \
"years = { baseline = 2024; horizon = 2030; };\n" \
"economy = { grdp = 1.0e8; growth_pct = 9.0; source = \"assumption: test\"; };\n" \
"budget = { base = \"total\"; amount = 8.0e6; year = 2024; growth_pct = 7.0; rule_min_share_pct = 3.0;\n" \
"  schedule = { kind = \"programs\"; };\n" \
"  share_history = ( (2021, 0.326), (2022, 0.355), (2023, 0.736) );\n" \
"  spending_history = ( (2023, 23850.0) );\n" \
"  source = \"assumption: budget\"; };\n" \
"channels = { digital = { allocation = 1.0; delta = 0.2; eta = 0.8; source = \"assumption: test\"; }; };\n" \
"programs = { source = \"assumption: programmes\";\n" \
"  declared = { total = 8499.0; state = 8332.0; other = 158.0; source = \"assumption: declared\"; };\n" \
"  parts = ( { id = \"p\"; name = \"P\"; name_vi = \"P\"; source = \"assumption: part p\";\n" \
"    declared = { state = 8330.0; other = 158.0; };\n" \
"    groups = ( { id = \"g1\"; name_vi = \"G1\"; channel = \"digital\"; declared = { state = 7095.0; }; },\n" \
"               { id = \"g2\"; name_vi = \"G2\"; channel = \"digital\"; } );\n" \
"    tasks = (\n" \
"      { no = \"1\"; group = \"g1\"; name_vi = \"Một\"; period = \"2025 - 2026\"; state = 2385.0; other = 117.0; },\n" \
"      { no = \"2\"; group = \"g1\"; name_vi = \"Hai\"; period = \"2026 - 2030\"; state = 4710.0;\n" \
"        split = ( (2026, 2026, 710.0), (2027, 2030, 4000.0) ); },\n" \
"      { no = \"3\"; group = \"g2\"; name_vi = \"Ba\"; period = \"2027\"; },\n" \
"      { no = \"4.1\"; group = \"g2\"; name_vi = \"Bốn\"; period = \"2025 - 2028\"; state = 1237.0; other = 41.0; } ); } ); };\n" \
"indicators = (\n" \
"  { id = \"de\"; name = \"DE\"; name_vi = \"KTS\"; unit = \"%\"; kind = \"share\";\n" \
"    history = ( (2022, 5.1), (2023, 5.8) ); baseline = 6.36;\n" \
"    target = { value = 30.0; direction = \">=\"; year = 2030; };\n" \
"    milestones = ( (2025, 10.0), (2027, 15.0), (2030, 30.0) );\n" \
"    channel = \"digital\"; source = \"assumption: de\"; },\n" \
"  { id = \"rg\"; name = \"RG\"; name_vi = \"RG\"; unit = \"%\"; kind = \"share\"; baseline = 5.0;\n" \
"    target = { min = 15.0; max = 20.0; year = 2030; }; source = \"assumption: rg\"; },\n" \
"  { id = \"to\"; name = \"TO\"; name_vi = \"TO\"; unit = \"%\"; kind = \"share\";\n" \
"    target = { value = 70.0; direction = \">\"; year = 2030; }; source = \"assumption: to\"; } );\n" \
"figures = (\n" \
"  { id = \"a\"; value = 80.0; name = \"tasks, provincial\"; unit = \"tasks\"; source = \"assumption: figure a\"; },\n" \
"  { id = \"b\"; value = 52.0; source = \"assumption: figure b\"; } );\n"

static const char DEMO_CLAIMS[] =
"claims = (\n"
"  { id = \"c_sum\"; kind = \"sum\"; stated = 132.0; of = \"figures[a,b]\"; source = \"assumption: c\"; },\n"
"  { id = \"c_total\"; kind = \"sum\"; tolerance = 0.5; unit = \"million VND\"; what = \"the plan's total\";\n"
"    stated = \"programs.declared.total\"; of = [\"programs.declared.state\", \"programs.declared.other\"];\n"
"    source = \"assumption: c\"; },\n"
"  { id = \"c_count\"; kind = \"count\"; stated = 3.0; of = \"programs.parts[p].groups[g2].tasks[*]\"; source = \"assumption: c\"; },\n"
"  { id = \"c_costed\"; kind = \"count\"; stated = 3.0; of = \"programs.parts[p].tasks[*].state\"; source = \"assumption: c\"; },\n"
"  { id = \"c_mean\"; kind = \"mean\"; tolerance = 0.0005; stated = 0.472; of = \"budget.share_history[2021..2023]\"; source = \"assumption: c\"; },\n"
"  { id = \"c_ratio\"; kind = \"ratio\"; scale = 100.0; tolerance = 0.05; stated = 4.7;\n"
"    of = [\"programs.parts[p].tasks[1].other\", \"programs.parts[p].tasks[1].total\"]; source = \"assumption: c\"; },\n"
"  { id = \"c_same\"; kind = \"same\"; tolerance = 0.005; stated = 6.36; of = \"indicators[de].baseline\"; source = \"assumption: c\"; },\n"
"  { id = \"c_period\"; kind = \"same\"; stated = \"2025 - 2029\"; of = \"programs.parts[p].period\"; source = \"assumption: c\"; },\n"
"  { id = \"c_two\"; kind = \"same\"; of = [\"indicators[de].target.value\", \"indicators[de].milestones[2030]\"]; source = \"assumption: c\"; },\n"
"  { id = \"c_le\"; kind = \"inequality\"; op = \"<=\"; stated = \"indicators[de].target.value\";\n"
"    of = \"indicators[de].milestones[2025]\"; source = \"assumption: c\"; },\n"
"  { id = \"c_gt\"; kind = \"inequality\"; op = \">\"; measure = \"sum\"; stated = 4000.0;\n"
"    of = \"programs.parts[p].tasks[2].years[2027..2030]\"; hedge = \"assumption: 'khoảng'\"; source = \"assumption: c\"; },\n"
"  { id = \"c_components\"; kind = \"mean\"; tolerance = 0.005; stated = 6.11;\n"
"    of = \"province.components[*].values[de]\"; source = \"assumption: c\"; },\n"
"  { id = \"c_years\"; kind = \"sum\"; tolerance = 0.005; stated = 309.25;\n"
"    of = \"programs.parts[p].tasks[4.1].years[2025]\"; source = \"assumption: c\"; }\n"
");\n";

/* DEMO_TOP and DEMO_CLAIMS in one text (too long for one literal). */
static char demo_text[8192];
#define DEMO (snprintf(demo_text, sizeof demo_text, "%s%s", DEMO_TOP, \
                       DEMO_CLAIMS), demo_text)

static lt_scenario *scenario;

static lt_scenario *parse(const char *text)
{
	lt_scenario *s = NULL;
	lt_diag d;

	lt_diag_init(&d, "demo.cfg");
	cr_assert_eq(lt_scenario_parse(&s, text, "demo.cfg", &d), LT_OK, "%s",
	             d.n ? d.items[0].msg : "");
	lt_diag_destroy(&d);
	return s;
}

static lt_scenario *load(const char *path)
{
	lt_scenario *s = NULL;
	lt_diag d;

	lt_diag_init(&d, path);
	cr_assert_eq(lt_scenario_load(&s, path, &d), LT_OK, "%s: %s", path,
	             d.n ? d.items[0].msg : "");
	lt_diag_destroy(&d);
	return s;
}

static void unload(void)
{
	lt_scenario_free(scenario);
	scenario = NULL;
}

static const lt_claim *claim(const lt_scenario *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->n_claims; i++)
		if (strcmp(s->claims[i].id, id) == 0)
			return &s->claims[i];
	cr_assert_fail("no claim '%s'", id);
	return NULL;
}

static lt_claim_result eval(const lt_scenario *s, const char *id)
{
	lt_claim_result r;

	lt_claim_eval(s, claim(s, id), &r);
	return r;
}

/* A sum: 80 + 52 = 132, figures a and b; the result names both sources. */
Test(claims, sum_of_figures)
{
	lt_claim_result r;

	scenario = parse(DEMO);
	r = eval(scenario, "c_sum");
	cr_expect(r.holds);
	cr_expect_float_eq(r.value.value, 132.0, 1e-12);
	cr_expect_float_eq(r.stated.value, 132.0, 0.0);
	cr_expect_eq(r.n_items, 2);
	cr_expect_eq(r.n_sources, 2);
	cr_expect_str_eq(r.sources[0], "assumption: figure a");
	cr_expect_str_eq(r.sources[1], "assumption: figure b");
	cr_expect_str_eq(r.stated_source, "assumption: c");
	unload();
}

/* A stated reference: the declared total 8,499 against state 8,332 +
 * other 158 = 8,490, off by -9, far beyond the half million tolerance. */
Test(claims, sum_stated_by_reference)
{
	lt_claim_result r;

	scenario = parse(DEMO);
	r = eval(scenario, "c_total");
	cr_expect(!r.holds);
	cr_expect_float_eq(r.value.value, 8490.0, 1e-9);
	cr_expect_float_eq(r.stated.value, 8499.0, 1e-9);
	cr_expect_float_eq(r.difference, -9.0, 1e-9);
	cr_expect_str_eq(r.stated_source, "assumption: declared");
	unload();
}

/* A count: group g2 has tasks 3 and 4.1, not the 3 stated; the costed
 * tasks (those with a state amount: 1, 2 and 4.1) are 3. */
Test(claims, count)
{
	lt_claim_result r;

	scenario = parse(DEMO);
	r = eval(scenario, "c_count");
	cr_expect(!r.holds);
	cr_expect_float_eq(r.value.value, 2.0, 0.0);
	cr_expect_float_eq(r.difference, -1.0, 0.0);
	r = eval(scenario, "c_costed");
	cr_expect(r.holds);
	cr_expect_float_eq(r.value.value, 3.0, 0.0);
	unload();
}

/* A mean: (0.326 + 0.355 + 0.736) / 3 = 1.417 / 3 = 0.472333..., within
 * 0.0005 of the stated 0.472. */
Test(claims, mean)
{
	lt_claim_result r;

	scenario = parse(DEMO);
	r = eval(scenario, "c_mean");
	cr_expect(r.holds);
	cr_expect_float_eq(r.value.value, 1.417 / 3.0, 1e-15);
	cr_expect_eq(r.n_items, 3);
	unload();
}

/* A ratio: 100 × 117 / (2,385 + 117) = 11,700 / 2,502 = 4.67626, within
 * 0.05 of the stated 4.7. */
Test(claims, ratio)
{
	lt_claim_result r;

	scenario = parse(DEMO);
	r = eval(scenario, "c_ratio");
	cr_expect(r.holds);
	cr_expect_float_eq(r.numerator, 117.0, 0.0);
	cr_expect_float_eq(r.denominator, 2502.0, 0.0);
	cr_expect_float_eq(r.value.value, 11700.0 / 2502.0, 1e-13);
	unload();
}

/* "same": a number stated twice (6.36); a period (the part's tasks run
 * 2025-2030, not the 2025-2029 stated: the end differs by 1); two
 * references (the target 30 and the 2030 milestone 30). */
Test(claims, same)
{
	lt_claim_result r;

	scenario = parse(DEMO);
	r = eval(scenario, "c_same");
	cr_expect(r.holds);
	cr_expect_float_eq(r.value.value, 6.36, 0.0);
	r = eval(scenario, "c_period");
	cr_expect(!r.holds);
	cr_expect(r.value.is_period && r.stated.is_period);
	cr_expect_eq(r.value.from, 2025);
	cr_expect_eq(r.value.to, 2030);
	cr_expect_eq(r.stated.to, 2029);
	cr_expect_float_eq(r.difference, 1.0, 0.0);
	cr_expect_float_eq(r.difference_from, 0.0, 0.0);
	r = eval(scenario, "c_two");
	cr_expect(r.holds);
	cr_expect_float_eq(r.stated.value, 30.0, 0.0);
	cr_expect_float_eq(r.value.value, 30.0, 0.0);
	cr_expect_str_eq(r.stated_source, "assumption: de");
	unload();
}

/* Inequalities: the 2025 milestone 10 <= the target 30 holds; task 2's
 * money in 2027-2030 is its split's 4,000, which is not > 4,000. */
Test(claims, inequality)
{
	lt_claim_result r;

	scenario = parse(DEMO);
	r = eval(scenario, "c_le");
	cr_expect(r.holds);
	cr_expect_float_eq(r.value.value, 10.0, 0.0);
	cr_expect_float_eq(r.stated.value, 30.0, 0.0);
	r = eval(scenario, "c_gt");
	cr_expect(!r.holds);
	cr_expect_float_eq(r.value.value, 4000.0, 1e-9);
	unload();
}

/* Components and a task's money by year: (5.99 + 6.23) / 2 = 6.11; task
 * 4.1 spreads 1,237 over 2025-2028, 309.25 in 2025. */
Test(claims, components_and_years)
{
	lt_claim_result r;

	scenario = parse(DEMO);
	r = eval(scenario, "c_components");
	cr_expect(r.holds);
	cr_expect_float_eq(r.value.value, 6.11, 1e-12);
	cr_expect_eq(r.n_sources, 2);
	r = eval(scenario, "c_years");
	cr_expect(r.holds);
	cr_expect_float_eq(r.value.value, 309.25, 1e-12);
	unload();
}

/* The audit turns each claim into a finding: info when it holds, an error
 * when not, a warning when the document hedges; the claim's source first,
 * then the stated figure's and the recomputed figures'. */
Test(claims, audit_findings)
{
	lt_audit a;
	size_t i, n = 0, err = 0, warn = 0;

	scenario = parse(DEMO);
	lt_audit_init(&a);
	cr_assert_eq(lt_audit_run(scenario, &a, NULL), LT_OK);
	for (i = 0; i < a.n; i++) {
		const lt_finding *f = &a.items[i];

		if (strcmp(f->code, "claim") != 0)
			continue;
		n++;
		err += f->severity == LT_SEV_ERROR;
		warn += f->severity == LT_SEV_WARNING;
		cr_expect_str_eq(f->subject, "claims");
		cr_expect_str_eq(f->sources[0].label, "claim");
		if (strncmp(f->text, "c_total:", 8) == 0) {
			cr_expect_str_eq(f->text, "c_total: the plan's total: stated "
			                 "8,499 million VND, but its 2 figures add up to "
			                 "8,490 (-9)");
			cr_expect_str_eq(f->sources[1].label, "stated");
			cr_expect_str_eq(f->sources[1].text, "assumption: declared");
			cr_expect_str_eq(f->values[0].name, "stated");
			cr_expect_float_eq(f->values[2].value, -9.0, 1e-9);
		}
		if (strncmp(f->text, "c_period:", 9) == 0)
			cr_expect_str_eq(f->text, "c_period: stated 2025-2029, but the "
			                 "other place gives 2025-2030 (start +0, end +1)");
		if (strncmp(f->text, "c_gt:", 5) == 0) {
			cr_expect_eq(f->severity, LT_SEV_WARNING);
			cr_expect_str_eq(f->text, "c_gt: must be > 4000, but the sum is "
			                 "4000");
			cr_expect_str_eq(f->sources[1].label, "hedge");
		}
		if (strncmp(f->text, "c_ratio:", 8) == 0)
			cr_expect_str_eq(f->text, "c_ratio: stated 4.7, and 100 × 117 / "
			                 "2,502 = 4.7");
	}
	/* c_total, c_count and c_period disagree; c_gt is hedged */
	cr_expect_eq(n, 13);
	cr_expect_eq(err, 3);
	cr_expect_eq(warn, 1);
	lt_audit_destroy(&a);
	unload();
}

/* ---- the programme sums, as implied claims ----------------------------- */

/* The demo's programmes imply, in order: group g1's declared state (2,385
 * + 4,710 = 7,095, agrees); the part's state (2,385 + 4,710 + 1,237 =
 * 8,332 against 8,330 declared, +2) and other (117 + 41 = 158); no
 * groups' subtotals (g2 declares none) and, with one part, no "every
 * part's tasks"; the plan's state against the part's declared (8,330
 * against 8,332, -2) and other (158). */
Test(claims, implied_by_the_programmes)
{
	static const struct {
		const char *subject, *what, *amount;
		double sum, declared;
		int holds;
	} want[] = {
		{"p", "group g1", "state-budget", 7095.0, 7095.0, 1},
		{"p", "all tasks", "state-budget", 8332.0, 8330.0, 0},
		{"p", "all tasks", "other-source", 158.0, 158.0, 1},
		{"plan", "the parts' declared totals", "state-budget", 8330.0,
		 8332.0, 0},
		{"plan", "the parts' declared totals", "other-source", 158.0, 158.0,
		 1},
	};
	lt_implied *items;
	size_t n, i;

	scenario = parse(DEMO);
	cr_assert_eq(lt_claims_implied(scenario, &items, &n), LT_OK);
	cr_assert_eq(n, 5);
	for (i = 0; i < n; i++) {
		lt_claim_result r;

		lt_claim_eval(scenario, &items[i].claim, &r);
		cr_expect_str_eq(items[i].subject, want[i].subject);
		cr_expect_str_eq(items[i].what, want[i].what);
		cr_expect_str_eq(items[i].amount, want[i].amount);
		cr_expect_float_eq(r.value.value, want[i].sum, 1e-9, "%zu", i);
		cr_expect_float_eq(r.stated.value, want[i].declared, 1e-9, "%zu", i);
		cr_expect_eq(r.holds, want[i].holds, "%zu", i);
		cr_expect_eq(items[i].part, i < 3 ? 0 : LT_IMPLIED_PLAN);
	}
	free(items);
	unload();
}

/* A scenario without programmes implies no claim. */
Test(claims, implied_without_programmes)
{
	lt_implied *items = (lt_implied *)&items;
	size_t n = 7;

	scenario = load("scenarios/an_giang.cfg");
	cr_expect_eq(lt_claims_implied(scenario, &items, &n), LT_OK);
	cr_expect_eq(n, 0);
	cr_expect_null(items);
	unload();
}

/* Split the CSV record LINE in place into at most MAX fields (RFC 4180
 * quotes).  Returns the number of fields. */
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

/* Appendix I's transcription (no,group,name,period,state,other): the
 * number of tasks in GROUP (NULL: all), and the sums of the state and
 * other columns. */
static void appendix1(const char *group, size_t *tasks, double *state,
                      double *other)
{
	FILE *f = fopen("scenarios/data/long_an_appendix1.csv", "r");
	char line[4096], *fld[8];

	*tasks = 0;
	*state = *other = 0.0;
	cr_assert_not_null(f);
	cr_assert_not_null(fgets(line, sizeof line, f));
	while (fgets(line, sizeof line, f) != NULL) {
		cr_assert_eq(csv_split(line, fld, 8), 6, "%s", line);
		if (group != NULL && strcmp(fld[1], group) != 0)
			continue;
		(*tasks)++;
		*state += atof(fld[4]);
		*other += atof(fld[5]);
	}
	fclose(f);
}

/* Appendix II's transcription (stt,name,y2025,y2026_2030,total,line): the
 * sums of the 2025 and 2026-2030 columns over the items of group GROUP
 * ("1" for rows 1.1, 1.2, ...; NULL: every item). */
static void appendix2(const char *group, double *y2025, double *y2030)
{
	FILE *f = fopen("scenarios/data/long_an_appendix2.csv", "r");
	char line[4096], *fld[8];

	*y2025 = *y2030 = 0.0;
	cr_assert_not_null(f);
	cr_assert_not_null(fgets(line, sizeof line, f));
	while (fgets(line, sizeof line, f) != NULL) {
		const char *dot;

		cr_assert_eq(csv_split(line, fld, 8), 6, "%s", line);
		dot = strchr(fld[0], '.');
		if (dot == NULL || (group != NULL &&
		    (strlen(group) != (size_t)(dot - fld[0]) ||
		     strncmp(fld[0], group, strlen(group)) != 0)))
			continue;
		*y2025 += atof(fld[2]);
		*y2030 += atof(fld[3]);
	}
	fclose(f);
}

/* Long An's programme sums, from the transcriptions by hand: Appendix I's
 * state column 5,861,734 (declared 5,861,734) and other column 420,000
 * (declared 390,000); Appendix II's items 151,730 + 29,200 + 6,200 +
 * 63,300 = 250,430 (declared 277,430).  The implied claims give the same
 * numbers, in 12 claims (Appendix I: state, other; Appendix II: four
 * groups, all tasks, the subtotals; the plan: three for every part's
 * tasks, one for the parts' declared totals). */
Test(claims, long_an_implied_from_the_transcriptions)
{
	lt_implied *items;
	size_t n, i, tasks;
	double state, other, y2025, y2030;

	scenario = load("scenarios/long_an.cfg");
	cr_assert_eq(lt_claims_implied(scenario, &items, &n), LT_OK);
	cr_expect_eq(n, 12);
	appendix1(NULL, &tasks, &state, &other);
	cr_expect_eq(tasks, 85);
	for (i = 0; i < n; i++) {
		lt_claim_result r;

		lt_claim_eval(scenario, &items[i].claim, &r);
		if (items[i].part == 0 && strcmp(items[i].amount, "state-budget") == 0) {
			cr_expect_float_eq(r.value.value, state, 0.01);
			cr_expect_float_eq(state, 5861734.0, 0.01);
			cr_expect(r.holds);
		}
		if (items[i].part == 0 && strcmp(items[i].amount, "other-source") == 0) {
			cr_expect_float_eq(r.value.value, other, 0.01);
			cr_expect_float_eq(other, 420000.0, 0.01);
			cr_expect(!r.holds);
		}
		if (items[i].part == 1 && strcmp(items[i].what, "all tasks") == 0) {
			appendix2(NULL, &y2025, &y2030);
			cr_expect_float_eq(r.value.value, y2025 + y2030, 0.01);
			cr_expect_float_eq(y2025 + y2030, 250430.0, 0.01);
		}
	}
	free(items);
	unload();
}

/* One referenced figure changed in memory changes the findings that use
 * it: Appendix II item 1.2 gives 450 in 2025; at 650 (its state 3,650 ->
 * 3,850) group 1's 2025 items add up to 6,600 + 200 = 6,800, the printed
 * subtotal, and la_a2_g1_2025_items turns from an error to an info; the
 * implied "group 1" sum moves from 151,730 to 151,930. */
Test(claims, a_changed_task_changes_the_finding)
{
	lt_part *pt;
	lt_task *t = NULL;
	lt_claim_result r;
	lt_audit a;
	size_t i;
	int seen = 0;

	scenario = load("scenarios/long_an.cfg");
	r = eval(scenario, "la_a2_g1_2025_items");
	cr_expect(!r.holds);
	cr_expect_float_eq(r.value.value, 6600.0, 1e-9);
	pt = &scenario->programs.parts[1];
	for (i = 0; i < pt->n_tasks; i++)
		if (strcmp(pt->tasks[i].no, "1.2") == 0)
			t = &pt->tasks[i];
	cr_assert_not_null(t);
	cr_assert_eq(t->n_splits, 2);
	cr_assert_float_eq(t->splits[0].amount, 450.0, 0.0);
	t->splits[0].amount = 650.0;
	t->state = 3850.0;
	r = eval(scenario, "la_a2_g1_2025_items");
	cr_expect(r.holds);
	cr_expect_float_eq(r.value.value, 6800.0, 1e-9);
	lt_audit_init(&a);
	cr_assert_eq(lt_audit_run(scenario, &a, NULL), LT_OK);
	for (i = 0; i < a.n; i++) {
		const lt_finding *f = &a.items[i];

		if (strncmp(f->text, "la_a2_g1_2025_items:", 20) == 0) {
			cr_expect_eq(f->severity, LT_SEV_INFO, "%s", f->text);
			seen++;
		}
		if (strcmp(f->code, "programme-sum") == 0 &&
		    strncmp(f->text, "group 1:", 8) == 0) {
			cr_expect_float_eq(f->values[0].value, 151930.0, 1e-9);
			seen++;
		}
	}
	cr_expect_eq(seen, 2);
	lt_audit_destroy(&a);
	unload();
}

/* ---- every claim of the shipped scenarios ----------------------------- */

struct want {
	const char *id;
	double stated, value;   /* for periods: their last years */
	lt_severity sev;
};

/* Check every claim of the scenario at PATH against WANT (N rows), and
 * that every claim has a row. */
static void check_all(const char *path, const struct want *want, size_t n)
{
	lt_audit a;
	size_t i, k, found = 0;

	scenario = load(path);
	lt_audit_init(&a);
	cr_assert_eq(lt_audit_run(scenario, &a, NULL), LT_OK);
	cr_expect_eq(scenario->n_claims, n, "%s: %zu claims, %zu checked", path,
	             scenario->n_claims, n);
	for (i = 0; i < n; i++) {
		lt_claim_result r = eval(scenario, want[i].id);
		char prefix[80];

		cr_expect_float_eq(r.stated.value, want[i].stated,
		                   1e-9 * fmax(1.0, fabs(want[i].stated)), "%s",
		                   want[i].id);
		cr_expect_float_eq(r.value.value, want[i].value,
		                   1e-9 * fmax(1.0, fabs(want[i].value)), "%s",
		                   want[i].id);
		snprintf(prefix, sizeof prefix, "%s:", want[i].id);
		for (k = 0; k < a.n; k++)
			if (strncmp(a.items[k].text, prefix, strlen(prefix)) == 0) {
				cr_expect_eq(a.items[k].severity, want[i].sev, "%s",
				             a.items[k].text);
				found++;
			}
	}
	cr_expect_eq(found, n);
	lt_audit_destroy(&a);
	unload();
}

#define I LT_SEV_INFO
#define W LT_SEV_WARNING
#define E LT_SEV_ERROR

/* Long An, 004 (and 001), claim by claim; money in million VND. */
Test(claims, long_an_every_claim)
{
	static const struct want want[] = {
		/* Part IV point 1: 6.139.164 + 390.000 = 6.529.164; the words
		 * "Sáu nghìn năm trăm hai mươi chín tỷ, một trăm sáu mươi bốn
		 * triệu" = 6.529.164, "... một trăm ba mươi chín tỷ ..." =
		 * 6.139.164, "Ba trăm chín mươi tỷ" = 390.000; the Party agencies'
		 * 277.430 as Appendix II's total; the other sources 390.000 in
		 * Part IV and in Appendix I's total row */
		{"la_part4_total", 6529164.0, 6529164.0, I},
		{"la_part4_total_words", 6529164.0, 6529164.0, I},
		{"la_part4_state_words", 6139164.0, 6139164.0, I},
		{"la_part4_other_words", 390000.0, 390000.0, I},
		{"la_part4_appendix2", 277430.0, 277430.0, I},
		{"la_part4_other_appendix1", 390000.0, 390000.0, I},
		/* periods: "GIAI ĐOẠN 2025 - 2030" and Appendix I's tasks, 2025
		 * (tasks 4-9, ...) to 2030; Appendix II "2025 - 2028" against its
		 * columns 2025 and 2026-2030; task 29 "(2025 - 2030)" in its name
		 * and the text, "2026 - 2030" in its column */
		{"la_plan_period", 2030.0, 2030.0, I},
		{"la_appendix2_period", 2028.0, 2030.0, E},
		{"la_task29_period", 2030.0, 2030.0, E},
		/* "06 nhóm nhiệm vụ" (I-VI), "06 nhóm giải pháp" (VII-XII); the
		 * contents each section announces, against Appendix I's groups
		 * (counted from the transcription in long_an_contents below) */
		{"la_task_groups", 6.0, 6.0, I},
		{"la_solution_groups", 6.0, 6.0, I},
		{"la_contents_1_1", 9.0, 9.0, I},
		{"la_contents_1_2", 5.0, 4.0, E},
		{"la_contents_1_3", 7.0, 7.0, I},
		{"la_contents_1_4", 3.0, 3.0, I},
		{"la_contents_1_5", 3.0, 3.0, I},
		{"la_contents_1_6", 2.0, 2.0, I},
		{"la_contents_2_1", 14.0, 14.0, I},
		{"la_contents_2_2", 7.0, 7.0, I},
		{"la_contents_2_3", 10.0, 10.0, I},
		{"la_contents_2_4", 17.0, 17.0, I},
		{"la_contents_2_5", 5.0, 5.0, I},
		{"la_contents_2_6", 4.0, 4.0, I},
		/* "tối thiểu 05 cơ chế, chính sách đặc thù": the costed
		 * policies 50-56 are 7 */
		{"la_special_policies", 5.0, 7.0, I},
		/* task 52: 150.000 of 100.000 + 150.000, "khoảng 60%" */
		{"la_task52_counterpart", 60.0, 100.0 * 150000.0 / 250000.0, I},
		/* Appendix II rows: 15.800 + 261.630 = 277.430; 6.800 + 174.130
		 * = 180.930; 200 + 29.000 = 29.200; blank + 6.200; 8.800 +
		 * 54.500 = 63.300 */
		{"la_a2_total_row", 277430.0, 15800.0 + 261630.0, I},
		{"la_a2_group1_row", 180930.0, 6800.0 + 174130.0, I},
		{"la_a2_group2_row", 29200.0, 200.0 + 29000.0, I},
		{"la_a2_group3_row", 6200.0, 0.0 + 6200.0, I},
		{"la_a2_group4_row", 63300.0, 8800.0 + 54500.0, I},
		/* columns: 6.800 + 200 + 0 + 8.800 = 15.800; 174.130 + 29.000 +
		 * 6.200 + 54.500 = 263.830, not 261.630 */
		{"la_a2_2025_subtotals", 15800.0, 6800.0 + 200.0 + 8800.0, I},
		{"la_a2_2026_2030_subtotals", 261630.0,
		 174130.0 + 29000.0 + 6200.0 + 54500.0, E},
		/* group 1's items: 2025 450 + 500 + 800 + 4.000 + 500 + 200 + 150
		 * = 6.600 (printed 6.800); 2026-2030 18.850 + 3.200 + 27.600 +
		 * 40.680 + 4.000 + 27.500 + 17.300 + 3.000 + 2.000 + 1.000 =
		 * 145.130 (printed 174.130); the other groups agree (checked
		 * against the transcription in long_an_columns) */
		{"la_a2_g1_2025_items", 6800.0,
		 450.0 + 500.0 + 800.0 + 4000.0 + 500.0 + 200.0 + 150.0, E},
		{"la_a2_g1_2026_2030_items", 174130.0, 18850.0 + 3200.0 + 27600.0 +
		 40680.0 + 4000.0 + 27500.0 + 17300.0 + 3000.0 + 2000.0 + 1000.0, E},
		{"la_a2_g2_2025_items", 200.0, 200.0, I},
		{"la_a2_g2_2026_2030_items", 29000.0,
		 10000.0 + 10000.0 + 1000.0 + 3000.0 + 5000.0, I},
		{"la_a2_g3_2026_2030_items", 6200.0, 3000.0 + 2000.0 + 1200.0, I},
		{"la_a2_g4_2025_items", 8800.0, 8800.0, I},
		{"la_a2_g4_2026_2030_items", 54500.0, 11970.0 + 11530.0 + 31000.0, I},
		/* section IV's targets and the table's 2030 column: 55, 50, 40,
		 * 10, 30, 90; 6,36 % in Part II and the table; PII rank 12 in
		 * 2023 and 2024 */
		{"la_tfp_target_twice", 55.0, 55.0, I},
		{"la_pii_target_twice", 50.0, 50.0, I},
		{"la_st_enterprises_target_twice", 40.0, 40.0, I},
		{"la_dti_target_twice", 10.0, 10.0, I},
		{"la_digital_economy_target_twice", 30.0, 30.0, I},
		{"la_digital_skills_target_twice", 90.0, 90.0, I},
		{"la_digital_economy_2024_twice", 6.36, 6.36, I},
		{"la_pii_rank_2023_twice", 12.0, 12.0, I},
		{"la_pii_rank_2024_twice", 12.0, 12.0, I},
		/* 160 billion of over 18 trillion: 100 × 160.000 / 18.000.000 =
		 * 0.889 % < 1 % */
		{"la_dt_spending_under_1pct", 1.0, 100.0 * 160000.0 / 18000000.0, I},
		/* 001: about 240 + about 80 = 320 billion */
		{"la_001_dt_investment", 320000.0, 240000.0 + 80000.0, I},
	};

	check_all("scenarios/long_an.cfg", want, sizeof want / sizeof *want);
}

/* The counts of Part III VII against Appendix I's groups, counted from
 * the transcription: I 9, II 4, III 7, IV 3, V 3, VI 2, VII 14, VIII 7, IX
 * 10, X 17, XI 5, XII 4 (85 in all). */
Test(claims, long_an_contents)
{
	static const char *const groups[] = {"I", "II", "III", "IV", "V", "VI",
	    "VII", "VIII", "IX", "X", "XI", "XII"};
	static const char *const ids[] = {"la_contents_1_1", "la_contents_1_2",
	    "la_contents_1_3", "la_contents_1_4", "la_contents_1_5",
	    "la_contents_1_6", "la_contents_2_1", "la_contents_2_2",
	    "la_contents_2_3", "la_contents_2_4", "la_contents_2_5",
	    "la_contents_2_6"};
	size_t i, n;
	double state, other;

	scenario = load("scenarios/long_an.cfg");
	for (i = 0; i < 12; i++) {
		appendix1(groups[i], &n, &state, &other);
		cr_expect_float_eq(eval(scenario, ids[i]).value.value, (double)n, 0.0,
		                   "group %s", groups[i]);
	}
	unload();
}

/* Appendix II by column, from the transcription: each group's items in
 * 2025 and in 2026-2030 against the scenario's tasks by year. */
Test(claims, long_an_columns)
{
	static const struct {
		const char *group, *id2025, *id2030;
	} g[] = {
		{"1", "la_a2_g1_2025_items", "la_a2_g1_2026_2030_items"},
		{"2", "la_a2_g2_2025_items", "la_a2_g2_2026_2030_items"},
		{"3", NULL, "la_a2_g3_2026_2030_items"},
		{"4", "la_a2_g4_2025_items", "la_a2_g4_2026_2030_items"},
	};
	size_t i;
	double y2025, y2030;

	scenario = load("scenarios/long_an.cfg");
	for (i = 0; i < sizeof g / sizeof *g; i++) {
		appendix2(g[i].group, &y2025, &y2030);
		if (g[i].id2025 != NULL)
			cr_expect_float_eq(eval(scenario, g[i].id2025).value.value,
			                   y2025, 1e-6, "group %s", g[i].group);
		cr_expect_float_eq(eval(scenario, g[i].id2030).value.value, y2030,
		                   1e-6, "group %s", g[i].group);
	}
	unload();
}

/* Dong Thap, 003, claim by claim. */
Test(claims, dong_thap_every_claim)
{
	static const struct want want[] = {
		/* "0,382% ... (năm 2020 là 0,326%, ..., năm 2025 là 0,315%)":
		 * (0,326 + 0,355 + 0,736 + 0,382 + 0,240 + 0,315) / 6 = 2,354 / 6
		 * = 0,39233 */
		{"dt_budget_share_mean", 0.382, 2.354 / 6.0, E},
		/* "xếp thứ 18/34" in II.2 and in the opening of Part II */
		{"dt_pii_rank_twice", 18.0, 18.0, I},
		/* "132 (cấp tỉnh: 80; cấp cơ sở: 52)", "140 (89; 51)", "139 (86;
		 * 53)" */
		{"dt_st_tasks_carried_out", 132.0, 80.0 + 52.0, I},
		{"dt_st_tasks_accepted", 140.0, 89.0 + 51.0, I},
		{"dt_st_tasks_transferred", 139.0, 86.0 + 53.0, I},
		/* "16 văn bằng (03 ..., 05 ...; Tiền Giang 08 ...)" */
		{"dt_patents", 16.0, 3.0 + 5.0 + 8.0, I},
		/* "59 nông sản (gồm 04 chỉ dẫn địa lý, 42 nhãn hiệu chứng nhận
		 * và 15 nhãn hiệu tập thể)": 61 */
		{"dt_agri_ip_products", 59.0, 4.0 + 42.0 + 15.0, E},
		/* "30.659/39.066 người (đạt 78,5%)": 78.48; "38.550/39.452 (đạt
		 * 97,7%)": 97.71; "393/393 (đạt 100%)" */
		{"dt_pension_atm_rate", 78.5, 100.0 * 30659.0 / 39066.0, I},
		{"dt_bhxh_once_atm_rate", 97.7, 100.0 * 38550.0 / 39452.0, I},
		{"dt_health_chip_rate", 100.0, 100.0, I},
		/* "45,9 tỷ đồng cho 102 xã, phường (450 triệu đồng/đơn vị)" */
		{"dt_commune_funding_each", 450.0, 45900.0 / 102.0, I},
		/* 18/102 + 09/102 + 63/102 + 12/102 */
		{"dt_commune_centres", 102.0, 18.0 + 9.0 + 63.0 + 12.0, I},
		/* "đạt 78,65%" against 2.770.140 / 3.740.548 = 74.06 %: hedged
		 * (the denominator is assumed) */
		{"dt_vneid_rate", 78.65, 100.0 * 2770140.0 / 3740548.0, W},
		/* "07 hệ thống" followed by eight names (hedged) */
		{"dt_main_systems", 7.0, 8.0, W},
		/* "03 địa điểm ... gồm: 01 ...; 01 ...; 01 ..." */
		{"dt_backup_sites", 3.0, 3.0, I},
	};

	check_all("scenarios/dong_thap.cfg", want, sizeof want / sizeof *want);
}

/* An Giang, 002: "đạt trung bình 6,11%" of 5,99 % and 6,23 %: (5.99 +
 * 6.23) / 2 = 6.11; "tối thiểu 05 đô thị (dự kiến tại Phú Quốc, Hà Tiên,
 * Rạch Giá, Long Xuyên, Châu Đốc)": five named. */
Test(claims, an_giang_every_claim)
{
	static const struct want want[] = {
		{"ag_digital_economy_mean", 6.11, (5.99 + 6.23) / 2.0, I},
		{"ag_smart_cities", 5.0, 5.0, I},
	};

	check_all("scenarios/an_giang.cfg", want, sizeof want / sizeof *want);
}

/* Every claim and figure of the shipped scenarios names its place: a
 * source that starts with a listed document's id or with "assumption". */
Test(claims, shipped_sources_cite_a_document)
{
	static const char *const paths[] = {"scenarios/long_an.cfg",
	    "scenarios/dong_thap.cfg", "scenarios/an_giang.cfg"};
	size_t p, i;

	for (p = 0; p < 3; p++) {
		lt_scenario *s = load(paths[p]);
		const char *src;
		char id[64];

		cr_expect_gt(s->n_claims, 0, "%s", paths[p]);
		for (i = 0; i < s->n_claims + s->n_figures; i++) {
			size_t n;

			src = i < s->n_claims ? s->claims[i].source
			      : s->figures[i - s->n_claims].source;
			if (lt_source_is_assumption(src))
				continue;
			n = strcspn(src, ",:; (");
			cr_assert_lt(n, sizeof id);
			memcpy(id, src, n);
			id[n] = '\0';
			cr_expect_geq(lt_scenario_find_document(s, id), 0, "%s: %s",
			              paths[p], src);
		}
		lt_scenario_free(s);
	}
}

/* ---- references and the loader's errors ------------------------------- */

/* Read reference TEXT against the demo; returns the reason ("" when it
 * reads). */
static const char *ref_why(const char *text)
{
	static char why[512];
	lt_ref ref;

	why[0] = '\0';
	if (lt_ref_parse(scenario, text, &ref, why, sizeof why) == 0)
		cr_expect_str_empty(why);
	return why;
}

/* What each reference form selects in the demo, and how many figures. */
Test(claims, references_read)
{
	static const struct {
		const char *text;
		size_t n;
	} ok[] = {
		{"programs.declared.total", 1},
		{"programs.parts[*]", 1},
		{"programs.parts[p].declared.other", 1},
		{"programs.parts[*].declared.state", 1},
		{"programs.parts[p].start", 1},
		{"programs.parts[p].end", 1},
		{"programs.parts[p].tasks[1].start", 1},
		{"programs.parts[p].groups[*]", 2},
		{"programs.parts[p].groups[g1,g2]", 2},
		{"programs.parts[p].groups[g1].declared.state", 1},
		{"programs.parts[p].groups[*].declared.state", 1},
		{"programs.parts[p].groups[g2].tasks[4.1].total", 1},
		{"programs.parts[p].tasks[*]", 4},
		{"programs.parts[p].tasks[*].state", 3},
		{"programs.parts[p].tasks[*].total", 4},
		{"programs.parts[p].tasks[3].other", 1},
		{"programs.parts[p].tasks[1,2].end", 2},
		{"programs.parts[p].tasks[2].years[2026]", 1},
		{"programs.parts[*].tasks[*].period", 4},
		{"budget.amount", 1},
		{"budget.rule_min_share_pct", 1},
		{"budget.share_history[*]", 3},
		{"budget.spending_history[2023]", 1},
		{"economy.grdp", 1},
		{"economy.growth_pct", 1},
		{"indicators[de].baseline_year", 1},
		{"indicators[de].history[2022..2023]", 2},
		{"indicators[*].baseline", 2},
		{"indicators[de,rg].target.year", 2},
		{"indicators[rg].target.min", 1},
		{"indicators[rg].target.max", 1},
		{"indicators[de].observed[*]", 0},
		{"province.components[east].values[de]", 1},
		{"province.components[*].values[*]", 2},
		{"figures[*]", 2},
	};
	size_t i;

	scenario = parse(DEMO);
	for (i = 0; i < sizeof ok / sizeof *ok; i++) {
		lt_ref ref;
		char why[512] = "";
		int rc = lt_ref_parse(scenario, ok[i].text, &ref, why, sizeof why);

		if (ok[i].n == 0) {
			cr_expect_eq(rc, -1, "%s", ok[i].text);
			cr_expect_str_eq(why, "selects no figure");
			continue;
		}
		cr_expect_eq(rc, 0, "%s: %s", ok[i].text, why);
		cr_expect_eq(lt_ref_count(scenario, &ref), ok[i].n, "%s",
		             ok[i].text);
	}
	unload();
}

/* Every reason a reference is refused, word for word. */
Test(claims, references_refused)
{
	static const struct {
		const char *text, *why;
	} bad[] = {
		{"Programs", "cannot be read at character 1: expected a name after "
		 "the start"},
		{"grdp", "cannot be read: a reference starts with 'programs', "
		 "'budget', 'economy', 'indicators', 'province' or 'figures' (got "
		 "'grdp')"},
		{"programs", "cannot be read at character 9: expected '.' after "
		 "'programs'"},
		{"programs.tasks", "cannot be read: 'programs' has 'declared' and "
		 "'parts' (got 'tasks')"},
		{"programs.declared.sum", "cannot be read: a declared total is "
		 "'state', 'other' or 'total' (got 'sum')"},
		{"programs.parts", "cannot be read at character 15: expected '[' "
		 "after 'parts'"},
		{"programs.parts[p", "cannot be read: the '[' after 'parts' is not "
		 "closed"},
		{"programs.parts[]", "cannot be read at character 16: an empty key "
		 "in 'parts[...]'"},
		{"programs.parts[q]", "names no part \"q\""},
		{"programs.parts[p].name", "cannot be read: a part has 'declared', "
		 "'groups', 'tasks', 'start', 'end' and 'period' (got 'name')"},
		{"programs.parts[p].declared.total", "names part 'p', which "
		 "declares no 'total' total"},
		{"programs.parts[p].groups[g2].declared.state", "names group \"g2\" "
		 "of part 'p', which declares no 'state' total"},
		{"programs.parts[p].groups[g1].name", "cannot be read: a group has "
		 "'declared' and 'tasks' (got 'name')"},
		{"programs.parts[p].groups[*].tasks[1]", "cannot be read at "
		 "character 35: below several entries, 'tasks' takes [*] only"},
		{"programs.parts[p].groups[g1].tasks[4.1]", "names task \"4.1\", "
		 "which is not in group \"g1\" of part 'p'"},
		{"programs.parts[p].tasks[3].state", "names task \"3\" of part 'p', "
		 "which has no state amount"},
		{"programs.parts[p].tasks[9]", "names no task \"9\""},
		{"programs.parts[p].tasks[1].money", "cannot be read: a task has "
		 "'state', 'other', 'total', 'start', 'end', 'period' or "
		 "'years[...]' (got 'money')"},
		{"programs.parts[p].tasks[1].years[*]", "cannot be read at "
		 "character 34: expected a year like 2030"},
		{"programs.parts[p].tasks[1].years[2026..2025]", "cannot be read: "
		 "the years 2026..2025 in 'years[...]' run backwards"},
		{"programs.parts[p].tasks[1].years[2026x", "cannot be read at "
		 "character 38: expected ']' after the years"},
		{"programs.parts[p].tasks[1].years[20261]", "cannot be read at "
		 "character 34: expected a year like 2030"},
		{"programs.parts[p].tasks[1]x", "cannot be read at character 27: "
		 "expected '.' after the tasks"},
		{"figures[a]x", "cannot be read at character 11: nothing may follow "
		 "here"},
		{"programs.parts[p,p,p,p,p,p,p,p,p,p,p,p,p,p,p,p,p]", "names more "
		 "than 16 parts in 'parts[...]': use [*] or several references"},
		{"budget.base", "cannot be read: 'budget' has 'amount', "
		 "'rule_min_share_pct', 'share_history[...]' and "
		 "'spending_history[...]' (got 'base')"},
		{"budget.share_history[2020]", "names 2020, but the budget has no "
		 "share_history value then"},
		{"economy.gdp", "cannot be read: 'economy' has 'grdp' and "
		 "'growth_pct' (got 'gdp')"},
		{"indicators[xx].baseline", "names no indicator \"xx\""},
		{"indicators[de].unit", "cannot be read: an indicator has "
		 "'baseline', 'baseline_year', 'target.value|min|max|year', "
		 "'history[...]', 'milestones[...]' and 'observed[...]' (got "
		 "'unit')"},
		{"indicators[de].target.aim", "cannot be read: a target has "
		 "'value', 'min', 'max' and 'year' (got 'aim')"},
		{"indicators[to].baseline", "names indicator 'to', which has no "
		 "baseline"},
		{"indicators[rg].target.value", "names indicator 'rg', which has no "
		 "single target value (its target is a range)"},
		{"indicators[de].target.min", "names indicator 'de', which has no "
		 "range target"},
		{"indicators[de].milestones[2026]", "names 2026, but indicator 'de' "
		 "has no milestones value then"},
		{"province.regions", "cannot be read: 'province' has 'components' "
		 "only (got 'regions')"},
		{"province.components[east].weight", "cannot be read: a component "
		 "has 'values[...]' (got 'weight')"},
		{"province.components[east].values[rg]", "names component 'east', "
		 "which gives no value for 'rg'"},
		{"figures[c]", "names no figure \"c\""},
		{"programs.parts[p].groups[g3]", "names no group \"g3\""},
		{"province.components[north].values[de]", "names no component "
		 "\"north\""},
	};
	size_t i;

	scenario = parse(DEMO);
	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		cr_expect_str_eq(ref_why(bad[i].text), bad[i].why, "%s",
		                 bad[i].text);
	unload();
}

/* A rule on the budget that the scenario does not give, and programmes
 * the scenario does not have. */
Test(claims, references_to_what_is_absent)
{
	scenario = parse(DEMO);
	scenario->budget.has_rule = 0;
	cr_expect_str_eq(ref_why("budget.rule_min_share_pct"), "names the "
	                 "budget's rule, which the scenario does not give");
	scenario->programs.declared.has_total = 0;
	cr_expect_str_eq(ref_why("programs.declared.total"), "names a 'total' "
	                 "total the plan does not declare");
	scenario->has_programs = 0;
	cr_expect_str_eq(ref_why("programs.declared.state"), "names the "
	                 "programmes, but the scenario has none");
	unload();
}

/* The first error loading the demo's top with the text CLAIMS after it:
 * "LINE: MESSAGE" into a static buffer. */
static const char *first_error(const char *claims)
{
	static char buf[8192], out[700];
	lt_scenario *s = NULL;
	lt_diag d;

	snprintf(buf, sizeof buf, "%s%s", DEMO_TOP, claims);
	lt_diag_init(&d, "x.cfg");
	cr_assert_eq(lt_scenario_parse(&s, buf, "x.cfg", &d), LT_EINVAL,
	             "%s", claims);
	cr_assert_gt(d.n, 0);
	snprintf(out, sizeof out, "%d: %s", d.items[0].line, d.items[0].msg);
	lt_diag_destroy(&d);
	return out;
}

/* Every error of the claims loader and of lt_claim_check, with its line
 * (the demo's top is 37 lines; the claims start on line 38). */
Test(claims, loader_errors)
{
	static const struct {
		const char *text, *err;
	} bad[] = {
		{"claims = 3;\n", "38: 'claims' must be a non-empty list of groups "
		 "( { id = \"...\"; kind = \"sum\"; ... }, ... )"},
		{"claims = ( 3 );\n", "38: entry 1 of 'claims' must be a group (got "
		 "an integer)"},
		{"claims = ( { kind = \"sum\"; stated = 1.0; of = \"figures[a]\"; "
		 "source = \"s\"; } );\n", "38: missing required setting 'id' in "
		 "entry 1 of 'claims'"},
		{"claims = ( { id = \"x\"; kind = \"sum\"; stated = 1.0; of = "
		 "\"figures[a]\"; source = \"s\"; op = \">=\"; } );\n", "38: 'op' "
		 "in claim 'x' belongs to a claim of kind \"inequality\""},
		{"claims = ( { id = \"x\"; kind = \"inequality\"; stated = 1.0; of "
		 "= \"figures[a]\"; source = \"s\"; } );\n", "38: missing required "
		 "setting 'op' in claim 'x'"},
		{"claims = ( { id = \"x\"; kind = \"sum\"; scale = 2.0; stated = "
		 "1.0; of = \"figures[a]\"; source = \"s\"; } );\n", "38: 'scale' "
		 "in claim 'x' belongs to a ratio"},
		{"claims = ( { id = \"x\"; kind = \"sum\"; stated = true; of = "
		 "\"figures[a]\"; source = \"s\"; } );\n", "38: 'stated' in claim "
		 "'x' must be a number, a period like \"2025 - 2028\" or a reference "
		 "like \"programs.declared.total\" (got true or false)"},
		{"claims = ( { id = \"x\"; kind = \"same\"; stated = \"2030 - "
		 "2025\"; of = \"programs.parts[p].period\"; source = \"s\"; } );\n",
		 "38: 'stated' in claim 'x' must be a period like \"2025 - 2028\", "
		 "its years in order (got \"2030 - 2025\")"},
		{"claims = ( { id = \"x\"; kind = \"sum\"; stated = \"figures[z]\"; "
		 "of = \"figures[a]\"; source = \"s\"; } );\n", "38: 'stated' in "
		 "claim 'x' names no figure \"z\": \"figures[z]\""},
		{"claims = ( { id = \"x\"; kind = \"sum\"; stated = 1.0; of = 3; "
		 "source = \"s\"; } );\n", "38: 'of' in claim 'x' must be a "
		 "reference or a non-empty list of references like [\"figures[a]\", "
		 "\"figures[b]\"] (got an integer)"},
		{"claims = ( { id = \"x\"; kind = \"sum\"; stated = 1.0; of = ( "
		 "\"figures[a]\", 2 ); source = \"s\"; } );\n", "38: entry 2 of "
		 "'of' in claim 'x' must be a reference in double quotes (got an "
		 "integer)"},
		{"claims = ( { id = \"x\"; kind = \"sum\"; stated = 1.0; of = [ "
		 "\"figures[a]\", \"figures[q]\" ]; source = \"s\"; } );\n", "38: "
		 "entry 2 of 'of' in claim 'x' names no figure \"q\": "
		 "\"figures[q]\""},
		{"claims = ( { id = \"x\"; kind = \"sum\"; stated = 1.0; of = "
		 "\"figures[a]\"; source = \"s\"; what = \"" "0123456789012345678901"
		 "2345678901234567890123456789012345678901234567890123456789012345"
		 "6789012345678901234567890123456789012345678901234567890123456789"
		 "01234567890123456789" "\"; } );\n", "38: 'what' in claim 'x' must "
		 "be at most 160 bytes (got 170): say the rest in a comment"},
		{"claims = ( { id = \"x\"; kind = \"sum\"; stated = 1.0; of = "
		 "\"figures[a]\"; source = \"s\"; },\n  { id = \"x\"; kind = "
		 "\"count\"; stated = 1.0; of = \"figures[a]\"; source = \"s\"; } "
		 ");\n", "39: claim 'x' is defined twice (first at line 38)"},
		{"claims = ( { id = \"x\"; kind = \"sum\"; stated = "
		 "\"figures[*]\"; of = \"figures[a]\"; source = \"s\"; } );\n",
		 "38: claim 'x' states \"figures[*]\", which selects 2 figures, not "
		 "one"},
		{"claims = ( { id = \"x\"; kind = \"count\"; stated = "
		 "\"programs.parts[p]\"; of = \"figures[a]\"; source = \"s\"; } "
		 ");\n", "38: claim 'x' states \"programs.parts[p]\", an entry, not "
		 "a figure"},
		{"claims = ( { id = \"x\"; kind = \"count\"; stated = \"2025\"; of "
		 "= \"figures[a]\"; source = \"s\"; } );\n", "38: claim 'x' of kind "
		 "\"count\" states a period: only \"same\" compares periods"},
		{"claims = ( { id = \"x\"; kind = \"mean\"; stated = 1.0; of = "
		 "\"programs.parts[p].period\"; source = \"s\"; } );\n", "38: claim "
		 "'x' of kind \"mean\" adds up numbers, but "
		 "\"programs.parts[p].period\" selects periods"},
		{"claims = ( { id = \"x\"; kind = \"ratio\"; stated = 1.0; of = "
		 "\"figures[a]\"; source = \"s\"; } );\n", "38: claim 'x' of kind "
		 "\"ratio\" takes two references in 'of', the numerator and the "
		 "denominator (got 1)"},
		{"claims = ( { id = \"x\"; kind = \"same\"; of = \"figures[a]\"; "
		 "source = \"s\"; } );\n", "38: claim 'x' of kind \"same\" compares "
		 "one figure stated twice: give 'stated' and one reference in 'of', "
		 "or two references and no 'stated' (got 1 reference)"},
		{"claims = ( { id = \"x\"; kind = \"same\"; stated = 1.0; of = "
		 "\"figures[*]\"; source = \"s\"; } );\n", "38: claim 'x' compares "
		 "one figure, but \"figures[*]\" selects 2"},
		{"claims = ( { id = \"x\"; kind = \"same\"; stated = \"2025 - "
		 "2030\"; of = \"figures[a]\"; source = \"s\"; } );\n", "38: claim "
		 "'x' compares periods, but \"figures[a]\" selects a number"},
		{"claims = ( { id = \"x\"; kind = \"same\"; stated = 1.0; of = "
		 "\"programs.parts[p].period\"; source = \"s\"; } );\n", "38: claim "
		 "'x' compares numbers, but \"programs.parts[p].period\" selects a "
		 "period"},
		{"claims = ( { id = \"x\"; kind = \"inequality\"; op = \"<\"; "
		 "stated = 1.0; of = [\"figures[a]\", \"figures[b]\"]; source = "
		 "\"s\"; } );\n", "38: claim 'x' compares one figure with its stated "
		 "bound, so 'of' takes one reference (got 2); give a 'measure' to "
		 "combine several"},
		{"claims = ( { id = \"x\"; kind = \"inequality\"; op = \"<\"; "
		 "measure = \"ratio\"; stated = 1.0; of = \"figures[a]\"; source = "
		 "\"s\"; } );\n", "38: claim 'x' measures a ratio, which takes two "
		 "references in 'of' (got 1)"},
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		cr_expect_str_eq(first_error(bad[i].text), bad[i].err, "%zu", i);
}

/* The demo's top without its figures, then TEXT: the first error. */
static const char *figures_error(const char *text)
{
	static char buf[8192];
	lt_scenario *s = NULL;
	lt_diag d;
	const char *at = strstr(DEMO_TOP, "figures = (");

	cr_assert_not_null(at);
	snprintf(buf, sizeof buf, "%.*s%s", (int)(at - DEMO_TOP), DEMO_TOP, text);
	lt_diag_init(&d, "x.cfg");
	cr_assert_eq(lt_scenario_parse(&s, buf, "x.cfg", &d), LT_EINVAL);
	snprintf(buf, sizeof buf, "%d: %s", d.items[0].line, d.items[0].msg);
	lt_diag_destroy(&d);
	return buf;
}

/* 'figures' must be a list of groups, each id once (the list starts on
 * line 35). */
Test(claims, figures_errors)
{
	cr_expect_str_eq(figures_error("figures = 3;\n"), "35: 'figures' must "
	                 "be a non-empty list of groups ( { id = \"...\"; value "
	                 "= 1.0; source = \"...\"; }, ... )");
	cr_expect_str_eq(figures_error("figures = ( 1.0 );\n"), "35: entry 1 of "
	                 "'figures' must be a group (got a number)");
	cr_expect_str_eq(figures_error("figures = ( { id = \"a\"; value = 1.0; "
	                 "source = \"s\"; },\n { id = \"a\"; value = 2.0; source "
	                 "= \"s\"; } );\n"), "36: figure 'a' is defined twice "
	                 "(first at line 35)");
	cr_expect_str_eq(figures_error("figures = ( { id = \"a\"; source = "
	                 "\"s\"; } );\n"), "35: missing required setting 'value' "
	                 "in figure 'a'");
}
