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

typedef struct lt_finding {
	lt_severity severity;
	char code[32];      /* stable kind: "milestone-step", "programme-sum", ... */
	char subject[64];   /* an indicator id, a part id, "plan" or "budget" */
	int year;           /* the year it is about, 0 when none */
	char text[400];     /* the finding in one sentence */
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
