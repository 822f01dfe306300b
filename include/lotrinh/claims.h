/* claims.h - recompute what a document says about its own figures.
 *
 * Plans state totals, counts, averages, shares and periods derived from
 * other figures of the same text.  A claim (scenario.h) records the stated
 * value and references to the figures it is derived from; this module reads
 * the references (lt_ref_parse, used by the loader) and recomputes each
 * claim from the scenario (lt_claim_eval): one code path for every check of
 * a plan's own arithmetic.  The totals a plan declares for its programmes
 * are such claims too, implied by the programmes themselves
 * (lt_claims_implied), so a scenario need not write them out.
 *
 * Reference grammar (docs/SCENARIO.md, "claims"): the path of a value in
 * the scenario file, with [KEY] selecting an entry of a list by its id (a
 * task by its number, a series point by its year), [A,B] several entries,
 * [*] all of them, [Y1..Y2] the years of a series from Y1 to Y2:
 *   programs.declared.state                      the plan's declared totals
 *   programs.parts[appendix_1].declared.other    a part's
 *   programs.parts[appendix_2].groups[1].declared.state   a group's
 *   programs.parts[appendix_1].tasks[*].state    every costed task's amount
 *   programs.parts[appendix_1].groups[II].tasks[*]   the tasks of a group
 *                                                (entries, to be counted)
 *   programs.parts[appendix_1].tasks[29].period  a task's years
 *   programs.parts[appendix_2].tasks[1.2].years[2026..2030]
 *   programs.parts[appendix_2].period            the span of its tasks
 *   budget.share_history[2020..2025], budget.amount, economy.grdp
 *   indicators[pii].milestones[2030], indicators[pii].target.value
 *   province.components[*].values[digital_economy]
 *   figures[dt_tasks_provincial]
 *
 * Arithmetic: sums, means and ratios of finite doubles; agreement is
 * |recomputed - stated| <= tolerance (+ CLAIM_RTOL relative, for binary
 * rounding only).  The tolerance is the claim's: half a unit in the last
 * place the document prints.
 */
#ifndef LT_CLAIMS_H
#define LT_CLAIMS_H

#include <stddef.h>

#include "lotrinh/scenario.h"

/* Amounts that differ by at most this (million VND) are equal: plans print
 * whole millions, so half a million absorbs rounding only. */
#define LT_CLAIM_MONEY_TOL 0.5

/* Most distinct sources a result names for its recomputed side. */
#define LT_CLAIM_SOURCES 4

/* One side of a claim: a number, or a period of years. */
typedef struct lt_claim_side {
	double value;     /* the number; for a period, its last year */
	int is_period;
	int from, to;     /* a period's years */
} lt_claim_side;

/* A claim recomputed. */
typedef struct lt_claim_result {
	int holds;            /* agreement within the tolerance, or the
	                         inequality holds */
	lt_claim_side stated;   /* as the document states it */
	lt_claim_side value;    /* recomputed from the references */
	double difference;      /* value - stated (of the last years for
	                           periods) */
	double difference_from; /* periods: of the first years; else 0 */
	size_t n_items;         /* figures the value comes from */
	double numerator, denominator; /* ratios: the two sums */
	const char *stated_source;  /* the stated value's source: the claim's,
	                               or the referenced figure's (borrowed) */
	const char *sources[LT_CLAIM_SOURCES]; /* the recomputed figures'
	                               distinct sources, in order (borrowed) */
	size_t n_sources;
} lt_claim_result;

/* Read reference TEXT against scenario S (its programmes, indicators,
 * components and figures must be loaded) into REF, resolving every key to
 * an index; REF->text is set to TEXT (borrowed).  A key named explicitly
 * must exist and carry the field (task 57 without a state amount cannot be
 * named for its state); under [*] entries without the field are skipped.
 * The reference must select at least one figure.  Returns 0, or -1 with a
 * phrase into WHY (SIZE bytes) such as `names no part "x"`, to follow the
 * reference's description in a message. */
int lt_ref_parse(const lt_scenario *s, const char *text, lt_ref *ref,
                 char *why, size_t size);

/* How many figures (or entries) REF selects in S. */
size_t lt_ref_count(const lt_scenario *s, const lt_ref *ref);

/* 1 if REF's figures are numbers, 0 if they are entries (to count) or
 * periods. */
int lt_ref_is_number(const lt_ref *ref);

/* 1 if REF's figures are periods (.period). */
int lt_ref_is_period(const lt_ref *ref);

/* Check that claim C is well formed against S: the number of references
 * its kind takes, one figure where one value is compared, numbers where
 * numbers are summed, periods compared with periods.  Returns 0, or -1 with
 * a phrase into WHY, to follow "claim 'ID' ". */
int lt_claim_check(const lt_scenario *s, const lt_claim *c, char *why,
                   size_t size);

/* Recompute claim C (checked by lt_claim_check) from S into R.  Sources in
 * R are borrowed from S. */
void lt_claim_eval(const lt_scenario *s, const lt_claim *c,
                   lt_claim_result *r);

/* What an implied claim's declared total is set against: a group's
 * tasks, all of a part's tasks, a part's group subtotals, every part's
 * tasks, the parts' declared totals (lt_implied.what in words). */
typedef enum lt_implied_of {
	LT_OF_GROUP_TASKS, LT_OF_PART_TASKS, LT_OF_GROUP_TOTALS,
	LT_OF_PLAN_TASKS, LT_OF_PART_TOTALS
} lt_implied_of;

/* A claim the programmes imply: a total they declare against what it
 * totals.  CLAIM.of points at OF. */
typedef struct lt_implied {
	lt_claim claim;
	lt_ref of;
	size_t part;          /* the part's index, or LT_IMPLIED_PLAN */
	const char *subject;  /* the part's id or "plan" (borrowed) */
	char what[160];       /* "group I", "all tasks", "the groups' printed
	                         subtotals", "every part's tasks", "the parts'
	                         declared totals" */
	const char *amount;   /* "state-budget", "other-source" or "total" */
	/* the same as data, for words in another language: */
	lt_implied_of over;
	const char *group;    /* LT_OF_GROUP_TASKS: the group's id (borrowed) */
	lt_ref_field field;   /* the amount: LT_FIELD_STATE, _OTHER or _TOTAL */
} lt_implied;

#define LT_IMPLIED_PLAN ((size_t)-1)

/* Every claim S's programmes imply, in the order the audit reports them:
 * for each part, each group's declared totals against its tasks (state,
 * other, total), the part's declared totals against all its tasks, the
 * part's declared state total against its groups' (when every group
 * declares one); then, with more than one part, the plan's totals against
 * every part's tasks, and against the parts' declared totals (when every
 * part declares them).  *OUT receives an array of *N items (caller frees
 * with free(); NULL when there are none).  Returns LT_OK or LT_ENOMEM. */
int lt_claims_implied(const lt_scenario *s, lt_implied **out, size_t *n);

/* Names used in files and messages, indexed by the enumeration and ending
 * in NULL: "sum", "count", "mean", "ratio", "same", "inequality"; ">=",
 * ">", "<=", "<". */
extern const char *const lt_claim_kind_names[];
extern const char *const lt_claim_op_names[];

#endif /* LT_CLAIMS_H */
