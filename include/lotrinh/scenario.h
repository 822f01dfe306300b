/* scenario.h - a province's plan as plain, validated data, and the
 * semantics every engine shares.
 *
 * The loader (config.h) reads a scenario file, checks every key, type,
 * range and cross-reference, and returns these structs, which the engines
 * may trust without checking again.  Nothing here refers to libconfig, so
 * engines and tests build scenarios by hand if they like.
 *
 * This header is also the one home of what a target means (its aim, its
 * sense and when it is met, lt_target_*) and of an indicator's
 * observations (history + baseline): every engine asks these functions
 * instead of reading the target's fields (docs/MODEL.md, "Targets").
 *
 * Units: money in million VND; `_pct` fields in percent; years are calendar
 * years.  All strings and arrays belong to the scenario and are freed by
 * lt_scenario_free().
 */
#ifndef LT_SCENARIO_H
#define LT_SCENARIO_H

#include <stddef.h>

#include "lotrinh/error.h"

/* What an indicator measures, which fixes its natural range. */
typedef enum lt_kind {
	LT_KIND_SHARE, /* a percentage, 0..100 */
	LT_KIND_SCORE, /* an index score, 0..100 */
	LT_KIND_COUNT, /* a count, >= 0 */
	LT_KIND_RANK   /* a rank among rank_of provinces; lower is better */
} lt_kind;

/* Families of probability distributions a parameter may follow. */
typedef enum lt_dist {
	LT_DIST_FIXED,      /* a plain number */
	LT_DIST_NORMAL,     /* p = {mean, sd} */
	LT_DIST_LOGNORMAL,  /* p = {mu, sigma} of ln X */
	LT_DIST_UNIFORM,    /* p = {lo, hi} */
	LT_DIST_TRIANGULAR, /* p = {lo, mode, hi} */
	LT_DIST_BETA        /* p = {a, b, lo, hi}: lo + (hi - lo) * Beta(a, b) */
} lt_dist;

/* A model parameter: a number or a (possibly truncated) distribution. */
typedef struct lt_param {
	int set;        /* 1 if the scenario gives it */
	lt_dist dist;
	double value;   /* the number, when dist == LT_DIST_FIXED */
	double p[4];    /* the family's parameters, see lt_dist */
	double min;     /* truncation, -HUGE_VAL when none */
	double max;     /* truncation, +HUGE_VAL when none */
	const char *source; /* may be NULL */
	int line;
} lt_param;

/* One (year, value) pair. */
typedef struct lt_point {
	int year;
	double value;
} lt_point;

/* A pair list: years strictly increase. */
typedef struct lt_series {
	lt_point *pts;
	size_t n;
	const char *source; /* where the values come from; NULL if none */
	int line;
} lt_series;

/* A target: a value with a direction, or a range. */
typedef struct lt_target {
	int is_range;
	double value;   /* when !is_range */
	int direction;  /* +1 for ">=" or ">", -1 for "<=" or "<", 0 for a
	                   range */
	int strict;     /* ">" or "<": the value itself does not meet it; for
	                   a whole number (count, rank) the next one does */
	double min, max; /* when is_range */
	int year;
	/* forms the plans use besides a plain threshold or range: */
	int top;         /* a rank group, "trong nhóm 20 tỉnh dẫn đầu": rank
	                    <= top of the indicator's rank_of (value = top,
	                    direction -1); 0 otherwise */
	int mean_from;   /* a target on the mean of the yearly values over
	                    mean_from..year ("bình quân giai đoạn 2026-2030");
	                    0 for a target on the value in YEAR */
	int is_growth;   /* a growth-rate target, "tăng trên 10%/năm": the
	                    value grows by growth_pct % a year, compounded from
	                    the baseline year to YEAR (value is unused) */
	double growth_pct;
	const char *source;
	int line;
} lt_target;

/* A spillover from another indicator: rate += gamma * (x_j - x_j0). */
typedef struct lt_spillover {
	size_t from;    /* index into lt_scenario.indicators */
	double gamma;   /* central value (the mean of `param`) */
	lt_param param; /* a number or a distribution */
} lt_spillover;

typedef struct lt_indicator {
	const char *id, *name, *name_vi, *unit, *unit_vi;
	lt_kind kind;
	int rank_of;          /* ranks only */
	int has_floor, has_ceiling;
	double floor, ceiling; /* model bounds L < U */
	lt_series history;
	/* values observed after the baseline year, for monitoring: compared
	 * with Monte Carlo's checkpoints ("on track?"), never fed to the model
	 * or to a trend */
	lt_series observed;
	int has_baseline;     /* 0 only while components supply it */
	double baseline;
	int baseline_year;
	const char *baseline_source;
	const char *baseline_year_source;
	int has_merged;       /* 1 if province components give a value */
	double merged_baseline;
	lt_target target;
	int has_vision;       /* a second, later target year (the 2045 vision) */
	lt_target vision;     /* any form of target, year after target.year;
	                         may lie past the horizon */
	lt_series milestones;
	int has_pace;         /* 1 if the scenario bounds a plausible yearly step */
	double pace_max_step; /* largest plausible change in one year, in the unit */
	const char *pace_source;
	int channel;          /* index into lt_scenario.channels, -1 if none */
	lt_param r, beta, sigma;
	const char *prior;    /* the kind of indicator whose business-as-usual
	                         prior applies (prior.h), NULL when none */
	int prior_line;
	lt_spillover *spill;
	size_t n_spill;
	const char *source;
	int line;
} lt_indicator;

typedef struct lt_component_value {
	size_t indicator;     /* index into lt_scenario.indicators */
	double value;
	int line;
} lt_component_value;

/* A pre-merger province of a merged province. */
typedef struct lt_component {
	const char *id, *name, *name_vi, *source;
	double weight;        /* normalised: the weights sum to 1 */
	const char *weight_source;
	lt_component_value *values;
	size_t n_values;
	int line;
} lt_component;

typedef struct lt_province {
	const char *id, *name, *name_vi, *source;
	lt_component *components;
	size_t n_components;
} lt_province;

typedef struct lt_economy {
	double grdp;          /* million VND in grdp_year */
	int grdp_year;
	double growth_pct;    /* central value (the mean of `growth`) */
	lt_param growth;      /* GRDP growth, % a year: a number or a
	                         distribution */
	const char *grdp_source, *growth_source;
	int line;
} lt_economy;

typedef enum lt_base { LT_BASE_TOTAL, LT_BASE_RECURRENT } lt_base;

typedef enum lt_sched {
	LT_SCHED_CONSTANT,
	LT_SCHED_RAMP,
	LT_SCHED_PER_YEAR,
	LT_SCHED_PROGRAMS
} lt_sched;

typedef struct lt_schedule {
	lt_sched kind;
	double share_pct;         /* constant */
	double from_pct, to_pct;  /* ramp, from the baseline year */
	int to_year;              /* ramp */
	lt_series shares;         /* per_year */
	const char *source;
	int line;
} lt_schedule;

typedef enum lt_cofin { LT_COFIN_NONE, LT_COFIN_RATIO, LT_COFIN_PROGRAMS } lt_cofin;

typedef struct lt_budget {
	lt_base base;
	double amount;            /* million VND in year */
	int year;
	double growth_pct;        /* central value (the mean of `growth`) */
	lt_param growth;          /* base growth, % a year */
	int has_rule;
	double rule_min_share_pct;
	lt_schedule schedule;
	lt_cofin cofin;
	double cofin_ratio;       /* central value (the mean of `cofin_param`) */
	lt_param cofin_param;     /* the ratio, a number or a distribution */
	const char *cofin_source;
	lt_series spending_history; /* million VND a year */
	lt_series share_history;    /* % of the base */
	const char *amount_source, *growth_source, *rule_source;
	int line;
} lt_budget;

typedef struct lt_channel {
	const char *id;
	double allocation;
	const char *allocation_source;
	lt_param delta, eta;
	int has_capital0;
	double capital0;          /* million VND in the baseline year */
	const char *source;
	int line;
} lt_channel;

/* Totals a plan declares; has_* say which were given. */
typedef struct lt_totals {
	int has_total, has_state, has_other;
	double total, state, other;
	const char *source;
	int line;
} lt_totals;

typedef struct lt_split {
	int from, to;
	double amount;
} lt_split;

typedef struct lt_task {
	const char *no, *name, *name_vi, *period;
	size_t group;             /* index into the part's groups */
	int start, end;
	int has_state;            /* 0 when the document does not cost it */
	double state, other;
	lt_split *splits;
	size_t n_splits;
	int line;
} lt_task;

typedef struct lt_prog_group {
	const char *id, *name, *name_vi;
	int channel;              /* index into lt_scenario.channels */
	lt_totals declared;
	int line;
} lt_prog_group;

typedef struct lt_part {
	const char *id, *name, *name_vi, *source;
	lt_totals declared;
	lt_prog_group *groups;
	size_t n_groups;
	lt_task *tasks;
	size_t n_tasks;
	int line;
} lt_part;

typedef struct lt_programs {
	lt_totals declared;
	lt_part *parts;
	size_t n_parts;
	const char *source;
	int line;
} lt_programs;

/* ---- claims -------------------------------------------------------------
 *
 * What a document says about its own figures: a total, a count, an
 * average, a ratio, a figure or a period stated twice, an inequality.  A
 * claim keeps the stated value and references to the scenario's figures it
 * is derived from, never copies of them; claims.h recomputes it.  The
 * reference grammar is docs/SCENARIO.md's ("claims"). */

/* A figure a document prints that no other part of the scenario carries,
 * kept so that claims can refer to it (figures[ID]). */
typedef struct lt_figure {
	const char *id, *name, *unit, *source; /* name, unit may be NULL */
	double value;
	int line;
} lt_figure;

/* Most entries one selector may name ("groups[I,II,III]"); "*" selects any
 * number. */
#define LT_PICK_MAX 16

/* The entries of a list a reference selects: all of them, or those named,
 * as indices into the list in the order written. */
typedef struct lt_pick {
	int all;
	size_t n;
	size_t idx[LT_PICK_MAX];
} lt_pick;

/* Where a reference starts. */
typedef enum lt_ref_root {
	LT_REF_PLAN,       /* programs.declared.F */
	LT_REF_PARTS,      /* programs.parts[..] and below */
	LT_REF_BUDGET,     /* budget.F */
	LT_REF_ECONOMY,    /* economy.F */
	LT_REF_INDICATORS, /* indicators[..].F */
	LT_REF_COMPONENTS, /* province.components[..].values[..] */
	LT_REF_FIGURES     /* figures[..] */
} lt_ref_root;

/* What a reference reads from each entry it selects. */
typedef enum lt_ref_field {
	LT_FIELD_ENTRIES,        /* the entries themselves: only counted */
	LT_FIELD_STATE,          /* money, million VND: a task's amount or a */
	LT_FIELD_OTHER,          /*   declared total; total = state + other */
	LT_FIELD_TOTAL,
	LT_FIELD_START,          /* years: a task's, or the span of a part's */
	LT_FIELD_END,            /*   tasks; period = start and end */
	LT_FIELD_PERIOD,
	LT_FIELD_YEARS,          /* a task's state money in years from..to */
	LT_FIELD_AMOUNT,         /* budget.amount */
	LT_FIELD_RULE,           /* budget.rule_min_share_pct */
	LT_FIELD_SHARE_HISTORY,  /* budget.share_history[years] */
	LT_FIELD_SPENDING_HISTORY,
	LT_FIELD_GRDP,           /* economy.grdp */
	LT_FIELD_GROWTH,         /* economy.growth_pct */
	LT_FIELD_BASELINE,       /* an indicator's */
	LT_FIELD_BASELINE_YEAR,
	LT_FIELD_TARGET_VALUE,
	LT_FIELD_TARGET_MIN,
	LT_FIELD_TARGET_MAX,
	LT_FIELD_TARGET_YEAR,
	LT_FIELD_HISTORY,        /* an indicator's series at some years */
	LT_FIELD_MILESTONES,
	LT_FIELD_OBSERVED,
	LT_FIELD_VALUE           /* a component's value, a figure */
} lt_ref_field;

/* A reference to figures of the scenario, resolved to indices by the
 * loader (lt_ref_parse in claims.h).  A: the parts, indicators, components
 * or figures; B: the groups of the one part A names, or the indicators
 * whose values a component gives; C: the tasks (of the part, or of the one
 * group B names).  A level below a "*" or a list must be "*". */
typedef struct lt_ref {
	lt_ref_root root;
	lt_ref_field field;
	int declared;        /* programmes: the totals declared, not tasks */
	int has_group, has_task;
	lt_pick a, b, c;
	int all_years;       /* a series or years[*] */
	int from, to;        /* else its years from..to */
	const char *text;    /* as written; NULL when built by a program */
} lt_ref;

typedef enum lt_claim_kind {
	LT_CLAIM_SUM,        /* stated = the sum of the figures */
	LT_CLAIM_COUNT,      /* stated = the number of entries */
	LT_CLAIM_MEAN,       /* stated = their mean */
	LT_CLAIM_RATIO,      /* stated = scale × sum(of[0]) / sum(of[1]) */
	LT_CLAIM_SAME,       /* one figure or period stated twice */
	LT_CLAIM_INEQUALITY  /* measure(of) op stated */
} lt_claim_kind;

/* The comparison of an inequality: measure(of) OP stated. */
typedef enum lt_claim_op { LT_OP_GE, LT_OP_GT, LT_OP_LE, LT_OP_LT } lt_claim_op;

/* How the stated side is given. */
typedef enum lt_stated {
	LT_STATED_NONE,      /* "same" between two references */
	LT_STATED_NUMBER,
	LT_STATED_PERIOD,    /* "2025 - 2028" */
	LT_STATED_REF        /* a figure the scenario already carries */
} lt_stated;

typedef struct lt_claim {
	const char *id, *what, *unit;   /* what, unit may be NULL */
	lt_claim_kind kind;
	lt_claim_kind measure;  /* an inequality's left side: SUM, COUNT, MEAN,
	                           RATIO, or SAME for the one figure of `of` */
	lt_claim_op op;         /* inequalities */
	lt_stated stated_kind;
	double stated;          /* LT_STATED_NUMBER */
	int stated_from, stated_to; /* LT_STATED_PERIOD */
	lt_ref stated_ref;      /* LT_STATED_REF: one figure */
	lt_ref *of;             /* what the value is recomputed from */
	size_t n_of;
	double scale;           /* ratios (1 unless given) */
	double tolerance;       /* agreement: |recomputed - stated| <= it */
	const char *hedge;      /* the document's own hedge ("khoảng"), which
	                           makes a disagreement a warning; may be NULL */
	const char *source;     /* where the document makes the claim */
	const char *of_source;  /* the recomputed figures' source, overriding
	                           the references' own; NULL for theirs */
	int line;
} lt_claim;

/* A document the scenario cites: a plan, a report, a statistical release
 * or a paper.  Every `source` of a scenario that lists documents starts
 * with one of their ids (or with "assumption"), so a source names its
 * document unambiguously and a report can print the full citation.
 * number and date are NULL when the document has none (a web statistic);
 * url and note are optional. */
typedef struct lt_document {
	const char *id;       /* short tag: "004", "GSO", "CAICT" */
	const char *title, *number, *issuer, *date, *url, *note;
	int line;
} lt_document;

typedef struct lt_arena lt_arena;

typedef struct lt_scenario {
	const char *path;         /* the file it was read from */
	lt_province province;
	int baseline_year, horizon;
	lt_economy economy;
	lt_budget budget;
	lt_channel *channels;
	size_t n_channels;
	int has_programs;
	lt_programs programs;
	lt_figure *figures;       /* figures only claims use */
	size_t n_figures;
	lt_claim *claims;         /* what the documents say of their figures */
	size_t n_claims;
	lt_indicator *indicators;
	size_t n_indicators;
	lt_document *documents;   /* the documents cited; none when the file
	                             lists none (its sources are then free text) */
	size_t n_documents;
	lt_arena *arena;          /* owns every string and array above */
} lt_scenario;

/* A new, empty scenario with its arena; NULL when out of memory.  Free
 * with lt_scenario_free. */
lt_scenario *lt_scenario_alloc(void);

/* N zeroed bytes from arena A, aligned for any type, freed with the
 * scenario that owns A; NULL when out of memory. */
void *lt_arena_alloc(lt_arena *a, size_t n);

/* Free a scenario; NULL does nothing. */
void lt_scenario_free(lt_scenario *s);

/* Index of the indicator named ID, or -1. */
int lt_scenario_find_indicator(const lt_scenario *s, const char *id);

/* Index of the channel named ID, or -1. */
int lt_scenario_find_channel(const lt_scenario *s, const char *id);

/* 1 if SOURCE marks an assumption (starts with "assumption", any case). */
int lt_source_is_assumption(const char *source);

/* Index of the document whose id is ID, or -1. */
int lt_scenario_find_document(const lt_scenario *s, const char *id);

/* Length in bytes of the document id SOURCE starts with: the text before
 * the first ',', ':', ';', ' ' or '(' (or the whole string).  "004, Part
 * IV" gives 3 ("004"). */
size_t lt_source_id_length(const char *source);

/* Index of the document SOURCE cites: the one whose id is the text
 * lt_source_id_length measures.  -1 when there is none (an assumption,
 * free text, or a scenario without documents). */
int lt_scenario_source_document(const lt_scenario *s, const char *source);

/* Lower-case names used in files and messages ("share", "rank", ...),
 * indexed by the enumeration and ending in NULL. */
extern const char *const lt_kind_names[];
extern const char *const lt_dist_names[];
extern const char *const lt_sched_names[];
const char *lt_kind_name(lt_kind k);
const char *lt_dist_name(lt_dist d);
const char *lt_sched_name(lt_sched k);

/* The unit of a yearly change of IND: "points" for shares and scores
 * (percentage points, index points), "places" for ranks, the indicator's
 * own unit for counts.  Borrowed. */
const char *lt_step_unit(const lt_indicator *ind);

/* The natural range of KIND for an indicator; ranks use RANK_OF. */
void lt_kind_range(lt_kind kind, int rank_of, double *lo, double *hi);

/* Read the years from a period as written ("2025 - 2030, mỗi năm 1 lần"):
 * the leading YYYY or YYYY-YYYY (hyphen or en dash, spaces optional).
 * Returns 0 and stores them, or -1 when the text does not start so. */
int lt_period_parse(const char *period, int *start, int *end);

/* ---- targets ------------------------------------------------------------
 *
 * One meaning for every engine.  A target "value >= v" (sense +1) or
 * "value <= v" (sense -1) aims at v.  A range [min, max] aims at its near
 * edge, seen from the baseline: min when the baseline is below max (sense
 * +1: the indicator must rise to min, or stay at or above it when it
 * starts inside), max when the baseline is above max (sense -1).  A range
 * is met once the value reaches its near edge; a value beyond the far
 * edge is met too, and is reported as exceeding the range, never as
 * missing it. */

/* How a value stands against a target. */
typedef enum lt_met {
	LT_MET_NO = 0,   /* the aim is not reached (or the value is NaN) */
	LT_MET_YES,      /* reached: at or past the aim, inside a range */
	LT_MET_EXCEEDS   /* a range target, and the value is past its far edge */
} lt_met;

/* +1 when IND's target asks it to rise (or stay up), -1 to fall. */
int lt_target_sense(const lt_indicator *ind);

/* The way a roadmap towards IND's target must move: its sense, or 0 when
 * the baseline already lies inside a range target (any move that stays in
 * the range keeps it met). */
int lt_target_push(const lt_indicator *ind);

/* The value IND's target aims at: its value, or a range's near edge; for
 * a strict threshold on a whole number (a count or a rank) the next whole
 * number ("> 7" aims at 8, "< 10" at 9). */
double lt_target_aim(const lt_indicator *ind);

/* How V stands against IND's target. */
lt_met lt_target_test(const lt_indicator *ind, double v);

/* 1 if V meets IND's target (LT_MET_YES or LT_MET_EXCEEDS), else 0. */
int lt_target_met(const lt_indicator *ind, double v);

/* 1 when the baseline already meets the target (0 without a baseline). */
int lt_target_met_at_baseline(const lt_indicator *ind);

/* 1 when IND has a target and no baseline in the documents: it is shown,
 * compared and audited, never simulated, and its progress cannot be
 * measured. */
int lt_indicator_target_only(const lt_indicator *ind);

/* Why a target-only indicator cannot be followed, in one phrase. */
extern const char lt_no_baseline_text[];

/* The comparison of IND's threshold target: as the document states it
 * (AIM 0: ">" for "hơn 07", "≥" for "tối thiểu 30") or against
 * lt_target_aim (AIM 1: "≥" 8 for "hơn 07", since a count's strict aim is
 * already the next whole number); UTF8 chooses "≥"/"≤" over ">="/"<=".
 * NULL for a range. */
const char *lt_target_op(const lt_indicator *ind, int aim, int utf8);

/* The target as people read it, e.g. ">= 30", "> 80", "<= 10", "15 to 20", into BUF
 * of SIZE bytes with %.*g of DIGITS significant digits; UTF8 chooses "≥"
 * and "≤" over ">=" and "<=".  Returns BUF. */
char *lt_target_text(const lt_indicator *ind, int digits, int utf8,
                     char *buf, size_t size);

/* The first year of the period IND's target is judged over: mean_from for
 * a target on a period's mean, else the target year. */
int lt_target_first_year(const lt_indicator *ind);

/* The year a path towards IND's target aims at: the target year, or for
 * a target on a period's mean the period's middle year (rounded up), where
 * a straight path reaching the aim has the aim for its mean over the
 * period (exactly for an odd number of years, a little above it for an
 * even number). */
int lt_target_path_year(const lt_indicator *ind);

/* What IND's target is judged on, from VALUES[i], the values of the years
 * T0 + i (i < N): the value in the target year, or the mean of the yearly
 * values over the target's period.  NaN when a year lies outside. */
double lt_target_outcome(const lt_indicator *ind, const double *values,
                         int t0, size_t n);

/* The level a growth-rate target asks for in its year: the baseline
 * compounded at growth_pct % a year; NaN without a baseline.  For other
 * targets, their value. */
double lt_target_level(const lt_indicator *ind);

/* The form of IND's target in one word, for listings: "threshold",
 * "strict", "range", "rank group", "period mean" or "growth rate". */
const char *lt_target_form(const lt_indicator *ind);

/* A copy of IND whose target is its vision (the second, later target),
 * so every lt_target_* function answers for the vision.  Call only when
 * IND->has_vision. */
lt_indicator lt_indicator_vision(const lt_indicator *ind);

/* lt_target_text with its year: ">= 30 (2030)", and for a target on a
 * period's mean the period: ">= 55 (mean 2026-2030)".  Returns BUF. */
char *lt_target_text_year(const lt_indicator *ind, int digits, int utf8,
                          char *buf, size_t size);

/* IND's observations in year order into OBS (room for CAP): the history
 * before the baseline year, then the baseline, which stands for its year
 * (a history point in or after the baseline year is left out).  Returns the
 * number stored. */
size_t lt_indicator_observations(const lt_indicator *ind, lt_point *obs,
                                 size_t cap);

#endif /* LT_SCENARIO_H */
