/* audit.h - is the plan plausible, and do its own numbers add up?
 *
 * lt_audit_run reads a validated scenario and returns a list of findings,
 * each with a severity, the numbers behind it and the sources of those
 * numbers:
 *   - the roadmap: each yearly step of the milestones (the first from the
 *     latest actual value) against the indicator's own history and the
 *     scenario's plausible-pace bound; milestones that move against the
 *     target; the final milestone against the target;
 *   - the programmes: task sums against the totals the plan declares, by
 *     funding source and in all, to the million, per group, per part and
 *     for the whole plan (the claims the programmes imply, recomputed by
 *     the claims engine, claims.h); tasks the plan does not cost;
 *   - the budget: what the programmes spend each year as a share of the
 *     spending base, and the share a schedule plans in every year after
 *     the baseline, against the plan's rule (a rule such as "at least 3 %
 *     every year" binds each year, not only the last); planned spending
 *     against historical spending;
 *   - merged provinces: the merged baseline against the components;
 *   - the claims a scenario records (what the documents say about their
 *     own figures: totals, counts, means, ratios, figures and periods
 *     stated twice, inequalities), each recomputed: code "claim", subject
 *     "claims"; a disagreement is an error, or a warning when the claim
 *     records the document's own hedge.
 * Severities: an error is the plan contradicting itself (sums that differ
 * from declared totals, a final milestone that misses the target); a
 * warning is the plan at odds with evidence (a step above the plausible
 * pace or the history, a share below the rule, a multiple of past
 * spending); info is context.  Thresholds are named constants documented
 * in docs/MODEL.md.
 */
#ifndef LT_AUDIT_H
#define LT_AUDIT_H

#include <stddef.h>

#include "lotrinh/claims.h"
#include "lotrinh/error.h"
#include "lotrinh/scenario.h"

typedef enum lt_severity { LT_SEV_INFO, LT_SEV_WARNING, LT_SEV_ERROR } lt_severity;

/* A number behind a finding. */
typedef struct lt_audit_value {
	char name[40];
	double value;
	char unit[24];
} lt_audit_value;

#define LT_AUDIT_VALUES 6
#define LT_AUDIT_SOURCES 5

/* Which sentence a finding is: its text (English) and, for the output
 * layer's words in another language (finding.h), its shape.  What fills
 * each shape is in the finding's values (by name), its indicator or claim,
 * and K[] (years, counts and switches), as listed (a finding left at
 * LT_FORM_TEXT is read in English in every language):
 *   STEP_AGAINST  k0 year, k1 from_year, k2 first (1: from the latest
 *                 actual value), k3 1 when the target asks for a rise;
 *                 values from, to
 *   STEP_PACE     k0 year, k2 first; values step_per_year, pace_max_step
 *   STEP_HISTORY  k0 year, k2 first, k4 the history's year; values
 *                 step_per_year, history_max_step
 *   STEP_REVERSES k0 year, k4 the history's year; values step_per_year,
 *                 history_max_step
 *   STEP_WITHIN   k0 year, k2 first, k5 what it is within (0 nothing to
 *                 compare with, 1 the pace, 2 the history); value
 *                 step_per_year
 *   FINAL_NONE, NO_BASELINE, NO_MILESTONES, HOLDS_RANK, MET_AT_BASELINE:
 *                 the indicator alone
 *   FINAL_MEETS, FINAL_EXCEEDS, FINAL_MISSES  k0 the milestone's year;
 *                 value milestone
 *   AGAINST_TREND k0 the year the path aims at, k1 k2 the years of the
 *                 latest change; values needed_per_year, latest_per_year
 *   PACE_ABOVE, PACE_WITHIN  k0 the year the path aims at; values
 *                 needed_per_year, pace_max_step
 *   LATER_ABOVE, LATER_WITHIN  value needed_per_year (pace_max_step)
 *   MERGED_AGREES x the tolerance; MERGED_DIFFERS: values baseline, merged
 *   UNCOSTED      k0 uncosted tasks, k1 all tasks
 *   SUM_AGREES, SUM_DIFFERS  k0 lt_implied_of, k1 lt_ref_field, group
 *                 the group's id; values sum, declared, difference
 *   SHARE_BELOW, SHARE  k0 year, k1 lt_base, k2 the plan has a rule;
 *                 values state, base, share, rule
 *   SPENDING      k0 1 for money (the programmes) or 0 (a share), k1 k2
 *                 the history's years, k3 above the multiple; values
 *                 planned, historical_mean, ratio
 *   RULE_BELOW, RULE_MET  k0 first year checked, k1 the horizon, k2 k3
 *                 the first and last year below, k4 the lowest share's
 *                 year, k5 lt_base; values lowest_share, rule, years_below
 *   CLAIM         claim; k0 its figures, k1 1 for periods; values stated,
 *                 recomputed, difference (numerator, denominator) or
 *                 stated_from/to, recomputed_from/to */
typedef enum lt_finding_form {
	LT_FORM_TEXT,  /* no other shape: every language reads the text */
	LT_FORM_STEP_AGAINST, LT_FORM_STEP_PACE, LT_FORM_STEP_HISTORY,
	LT_FORM_STEP_REVERSES, LT_FORM_STEP_WITHIN, LT_FORM_FINAL_NONE,
	LT_FORM_FINAL_MEETS, LT_FORM_FINAL_EXCEEDS, LT_FORM_FINAL_MISSES,
	LT_FORM_HOLDS_RANK, LT_FORM_MET_AT_BASELINE, LT_FORM_AGAINST_TREND,
	LT_FORM_PACE_ABOVE, LT_FORM_PACE_WITHIN, LT_FORM_LATER_ABOVE,
	LT_FORM_LATER_WITHIN, LT_FORM_NO_BASELINE, LT_FORM_NO_MILESTONES,
	LT_FORM_MERGED_AGREES, LT_FORM_MERGED_DIFFERS, LT_FORM_UNCOSTED,
	LT_FORM_SUM_AGREES, LT_FORM_SUM_DIFFERS, LT_FORM_SHARE_BELOW,
	LT_FORM_SHARE, LT_FORM_SPENDING, LT_FORM_RULE_BELOW, LT_FORM_RULE_MET,
	LT_FORM_CLAIM, LT_FORMS
} lt_finding_form;

#define LT_FINDING_K 6

typedef struct lt_finding {
	lt_severity severity;
	char code[32];      /* stable kind: "milestone-step", "programme-sum", ... */
	char subject[64];   /* an indicator id, a part id, "plan" or "budget" */
	int year;           /* the year it is about, 0 when none */
	char text[400];     /* the finding in one sentence, in English: what
	                       CSV and JSON carry, whatever the language */
	lt_finding_form form;      /* the sentence's shape (above) */
	const lt_indicator *ind;   /* the indicator it is about, or NULL
	                              (borrowed from the scenario) */
	const lt_part *part;       /* the part it is about, or NULL (borrowed) */
	const lt_claim *claim;     /* CLAIM: the claim (borrowed) */
	int k[LT_FINDING_K];       /* years, counts and switches, by form */
	double x;                  /* MERGED_AGREES: the tolerance */
	char group[32];            /* SUM_*: the group's id, or "" */
	lt_audit_value values[LT_AUDIT_VALUES];
	size_t n_values;
	struct {
		char label[24];   /* what the source is for: "milestones", "pace" */
		const char *text; /* borrowed from the scenario */
	} sources[LT_AUDIT_SOURCES];
	size_t n_sources;
} lt_finding;

typedef struct lt_audit {
	lt_finding *items;
	size_t n, cap;
} lt_audit;

/* Audit scenario S into OUT (initialise it with lt_audit_init; free with
 * lt_audit_destroy).  The findings' source texts are borrowed from S, which
 * must outlive OUT.  Returns LT_OK or LT_ENOMEM. */
int lt_audit_run(const lt_scenario *s, lt_audit *out, lt_diag *diag);

void lt_audit_init(lt_audit *a);
void lt_audit_destroy(lt_audit *a);

/* Counts of findings of severity SEV. */
size_t lt_audit_count(const lt_audit *a, lt_severity sev);

/* "info", "warning", "error". */
const char *lt_severity_name(lt_severity s);

/* Largest ratio of planned to historical yearly spending taken as an
 * ordinary increase; above it the audit warns. */
#define LT_AUDIT_SPENDING_MULTIPLE 2.0

/* Amounts that differ by at most this (million VND) are equal: the
 * claims' money tolerance (claims.h), which the programme sums use. */
#define LT_AUDIT_MONEY_TOL LT_CLAIM_MONEY_TOL

#endif /* LT_AUDIT_H */
