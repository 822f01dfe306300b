/* claims.c - read references and recompute claims (see claims.h).
 *
 * A reference is read once, by the loader, into indices (lt_ref); every
 * later use walks those indices over the scenario (ref_walk), handing each
 * figure and its source to an accumulator.  The walk is the one place that
 * knows where each kind of figure lives, when an entry lacks it and what
 * its source is; counting, checking and evaluating all go through it, so
 * what the loader accepts is exactly what the engine can compute.
 */
#include "lotrinh/claims.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/budget.h"

/* Relative slack on every comparison, for binary rounding only: a sum of
 * printed decimals (0.326 + 0.355 + ...) is off its exact value by a few
 * units in the 16th digit, far below any tolerance a document implies. */
#define CLAIM_RTOL 1e-12

/* Longest key quoted back in a message, in bytes. */
#define KEY_MAX 128

const char *const lt_claim_kind_names[] = {"sum", "count", "mean", "ratio",
                                           "same", "inequality", NULL};
const char *const lt_claim_op_names[] = {">=", ">", "<=", "<", NULL};

/* ---- the walk ----------------------------------------------------------- */

/* What a walk collects: the sum and number of figures, the first one (for
 * references that select one) and their distinct sources. */
struct acc {
	double sum;
	size_t n;
	lt_claim_side first;
	const char *first_source;
	const char *sources[LT_CLAIM_SOURCES];
	size_t n_sources;
};

static void acc_source(const char **list, size_t *n, const char *src)
{
	size_t i;

	if (src == NULL)
		return;
	for (i = 0; i < *n; i++)
		if (list[i] == src)
			return;
	if (*n < LT_CLAIM_SOURCES)
		list[(*n)++] = src;
}

/* Add a number V (or the period FROM..TO when IS_PERIOD, V = TO) from SRC. */
static void acc_add(struct acc *a, double v, int is_period, int from, int to,
                    const char *src)
{
	if (a->n == 0) {
		a->first.value = v;
		a->first.is_period = is_period;
		a->first.from = from;
		a->first.to = to;
		a->first_source = src;
	}
	a->sum += v;
	a->n++;
	acc_source(a->sources, &a->n_sources, src);
}

static size_t pick_n(const lt_pick *p, size_t n_list)
{
	return p->all ? n_list : p->n;
}

static size_t pick_at(const lt_pick *p, size_t k)
{
	return p->all ? k : p->idx[k];
}

/* Field F of declared totals T into *V; 0 when T does not declare it. */
static int totals_get(const lt_totals *t, lt_ref_field f, double *v)
{
	if (f == LT_FIELD_STATE && t->has_state)
		*v = t->state;
	else if (f == LT_FIELD_OTHER && t->has_other)
		*v = t->other;
	else if (f == LT_FIELD_TOTAL && t->has_total)
		*v = t->total;
	else
		return 0;
	return 1;
}

/* REF's field of task T into *V; 0 when T has none (an uncosted task's
 * state amount, or its money in some years). */
static int task_get(const lt_task *t, const lt_ref *r, lt_claim_side *v)
{
	int y;

	memset(v, 0, sizeof *v);
	switch (r->field) {
	case LT_FIELD_ENTRIES:
		return 1;
	case LT_FIELD_STATE:
		v->value = t->state;
		return t->has_state;
	case LT_FIELD_OTHER:
		v->value = t->other;
		return 1;
	case LT_FIELD_TOTAL:
		v->value = (t->has_state ? t->state : 0.0) + t->other;
		return 1;
	case LT_FIELD_START:
		v->value = t->start;
		return 1;
	case LT_FIELD_END:
		v->value = t->end;
		return 1;
	case LT_FIELD_PERIOD:
		v->is_period = 1;
		v->from = t->start;
		v->to = t->end;
		v->value = t->end;
		return 1;
	case LT_FIELD_YEARS:
		for (y = r->from; y <= r->to; y++) {
			double state, other;

			lt_task_in_year(t, y, &state, &other);
			v->value += state;
		}
		return t->has_state;
	default:
		return 0;
	}
}

static void add_side(struct acc *a, const lt_claim_side *v, const char *src)
{
	acc_add(a, v->value, v->is_period, v->from, v->to, src);
}

/* The tasks REF selects in part PT (of group G, or any when G < 0). */
static void walk_tasks(const lt_part *pt, const lt_ref *r, long g,
                       struct acc *a)
{
	size_t k;

	for (k = 0; k < pick_n(&r->c, pt->n_tasks); k++) {
		const lt_task *t = &pt->tasks[pick_at(&r->c, k)];
		lt_claim_side v;

		if (r->c.all && g >= 0 && t->group != (size_t)g)
			continue;
		if (task_get(t, r, &v))
			add_side(a, &v, pt->source);
	}
}

/* The span of part PT's tasks, as REF's field (start, end or period). */
static void part_span(const lt_part *pt, const lt_ref *r, struct acc *a)
{
	int from = 0, to = 0;
	size_t i;

	for (i = 0; i < pt->n_tasks; i++) {
		if (i == 0 || pt->tasks[i].start < from)
			from = pt->tasks[i].start;
		if (i == 0 || pt->tasks[i].end > to)
			to = pt->tasks[i].end;
	}
	if (r->field == LT_FIELD_START)
		acc_add(a, from, 0, 0, 0, pt->source);
	else if (r->field == LT_FIELD_END)
		acc_add(a, to, 0, 0, 0, pt->source);
	else if (r->field == LT_FIELD_PERIOD)
		acc_add(a, to, 1, from, to, pt->source);
	else
		acc_add(a, 0.0, 0, 0, 0, pt->source); /* an entry */
}

static void walk_parts(const lt_scenario *s, const lt_ref *r, struct acc *a)
{
	const lt_programs *p = &s->programs;
	size_t k, j;
	double v;

	for (k = 0; k < pick_n(&r->a, p->n_parts); k++) {
		const lt_part *pt = &p->parts[pick_at(&r->a, k)];

		if (!r->has_group) {
			if (r->has_task)
				walk_tasks(pt, r, -1, a);
			else if (r->declared) {
				if (totals_get(&pt->declared, r->field, &v))
					acc_add(a, v, 0, 0, 0, pt->declared.source != NULL
					        ? pt->declared.source : pt->source);
			} else
				part_span(pt, r, a);
			continue;
		}
		for (j = 0; j < pick_n(&r->b, pt->n_groups); j++) {
			size_t g = pick_at(&r->b, j);
			const lt_prog_group *pg = &pt->groups[g];

			if (r->has_task)
				walk_tasks(pt, r, (long)g, a);
			else if (r->declared) {
				if (totals_get(&pg->declared, r->field, &v))
					acc_add(a, v, 0, 0, 0, pg->declared.source != NULL
					        ? pg->declared.source : pt->source);
			} else
				acc_add(a, 0.0, 0, 0, 0, pt->source); /* an entry */
		}
	}
}

/* The points of SR in REF's years; SR->source, or FALLBACK. */
static void walk_series(const lt_series *sr, const lt_ref *r,
                        const char *fallback, struct acc *a)
{
	size_t i;

	for (i = 0; i < sr->n; i++)
		if (r->all_years ||
		    (sr->pts[i].year >= r->from && sr->pts[i].year <= r->to))
			acc_add(a, sr->pts[i].value, 0, 0, 0,
			        sr->source != NULL ? sr->source : fallback);
}

/* The series of IND that FIELD names, or NULL. */
static const lt_series *ind_series(const lt_indicator *ind, lt_ref_field f)
{
	if (f == LT_FIELD_HISTORY)
		return &ind->history;
	if (f == LT_FIELD_MILESTONES)
		return &ind->milestones;
	if (f == LT_FIELD_OBSERVED)
		return &ind->observed;
	return NULL;
}

/* A scalar FIELD of IND into *V with its source; 0 when IND has none. */
static int ind_get(const lt_indicator *ind, lt_ref_field f, double *v,
                   const char **src)
{
	const lt_target *t = &ind->target;

	*src = t->source != NULL ? t->source : ind->source;
	switch (f) {
	case LT_FIELD_BASELINE:
		*v = ind->baseline;
		*src = ind->baseline_source != NULL ? ind->baseline_source
		                                    : ind->source;
		return ind->has_baseline;
	case LT_FIELD_BASELINE_YEAR:
		*v = ind->baseline_year;
		*src = ind->baseline_year_source != NULL ? ind->baseline_year_source
		                                         : ind->source;
		return ind->has_baseline;
	case LT_FIELD_TARGET_VALUE:
		*v = t->value;
		return !t->is_range;
	case LT_FIELD_TARGET_MIN:
		*v = t->min;
		return t->is_range;
	case LT_FIELD_TARGET_MAX:
		*v = t->max;
		return t->is_range;
	case LT_FIELD_TARGET_YEAR:
		*v = t->year;
		return 1;
	default:
		return 0;
	}
}

static void walk_indicators(const lt_scenario *s, const lt_ref *r,
                            struct acc *a)
{
	size_t k;

	for (k = 0; k < pick_n(&r->a, s->n_indicators); k++) {
		const lt_indicator *ind = &s->indicators[pick_at(&r->a, k)];
		const lt_series *sr = ind_series(ind, r->field);
		const char *src;
		double v;

		if (sr != NULL)
			walk_series(sr, r, ind->source, a);
		else if (ind_get(ind, r->field, &v, &src))
			acc_add(a, v, 0, 0, 0, src);
	}
}

/* The value component CP gives indicator IND into *V; 0 when none. */
static int component_value(const lt_component *cp, size_t ind, double *v)
{
	size_t i;

	for (i = 0; i < cp->n_values; i++)
		if (cp->values[i].indicator == ind) {
			*v = cp->values[i].value;
			return 1;
		}
	return 0;
}

static void walk_components(const lt_scenario *s, const lt_ref *r,
                            struct acc *a)
{
	const lt_province *p = &s->province;
	size_t k, j;
	double v;

	for (k = 0; k < pick_n(&r->a, p->n_components); k++) {
		const lt_component *cp = &p->components[pick_at(&r->a, k)];

		for (j = 0; j < pick_n(&r->b, s->n_indicators); j++)
			if (component_value(cp, pick_at(&r->b, j), &v))
				acc_add(a, v, 0, 0, 0, cp->source);
	}
}

static void walk_budget(const lt_scenario *s, const lt_ref *r, struct acc *a)
{
	const lt_budget *b = &s->budget;
	const lt_economy *e = &s->economy;

	switch (r->field) {
	case LT_FIELD_AMOUNT:
		acc_add(a, b->amount, 0, 0, 0, b->amount_source);
		break;
	case LT_FIELD_RULE:
		if (b->has_rule)
			acc_add(a, b->rule_min_share_pct, 0, 0, 0, b->rule_source);
		break;
	case LT_FIELD_SHARE_HISTORY:
		walk_series(&b->share_history, r, b->amount_source, a);
		break;
	case LT_FIELD_SPENDING_HISTORY:
		walk_series(&b->spending_history, r, b->amount_source, a);
		break;
	case LT_FIELD_GRDP:
		acc_add(a, e->grdp, 0, 0, 0, e->grdp_source);
		break;
	case LT_FIELD_GROWTH:
		acc_add(a, e->growth_pct, 0, 0, 0, e->growth_source);
		break;
	default:
		break;
	}
}

/* Hand every figure REF selects in S to A. */
static void ref_walk(const lt_scenario *s, const lt_ref *r, struct acc *a)
{
	size_t k;
	double v;

	switch (r->root) {
	case LT_REF_PLAN:
		if (totals_get(&s->programs.declared, r->field, &v))
			acc_add(a, v, 0, 0, 0, s->programs.declared.source != NULL
			        ? s->programs.declared.source : s->programs.source);
		break;
	case LT_REF_PARTS:
		walk_parts(s, r, a);
		break;
	case LT_REF_BUDGET:
	case LT_REF_ECONOMY:
		walk_budget(s, r, a);
		break;
	case LT_REF_INDICATORS:
		walk_indicators(s, r, a);
		break;
	case LT_REF_COMPONENTS:
		walk_components(s, r, a);
		break;
	case LT_REF_FIGURES:
		for (k = 0; k < pick_n(&r->a, s->n_figures); k++) {
			const lt_figure *fg = &s->figures[pick_at(&r->a, k)];

			acc_add(a, fg->value, 0, 0, 0, fg->source);
		}
		break;
	}
}

static void ref_acc(const lt_scenario *s, const lt_ref *r, struct acc *a)
{
	memset(a, 0, sizeof *a);
	ref_walk(s, r, a);
}

size_t lt_ref_count(const lt_scenario *s, const lt_ref *ref)
{
	struct acc a;

	ref_acc(s, ref, &a);
	return a.n;
}

int lt_ref_is_number(const lt_ref *ref)
{
	return ref->field != LT_FIELD_ENTRIES && ref->field != LT_FIELD_PERIOD;
}

int lt_ref_is_period(const lt_ref *ref)
{
	return ref->field == LT_FIELD_PERIOD;
}

/* ---- reading a reference -------------------------------------------- */

struct parser {
	const lt_scenario *s;
	const char *text, *p;
	char *why;
	size_t size;
};

static int fail(struct parser *ps, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct parser *ps, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ps->why, ps->size, fmt, ap);
	va_end(ap);
	return -1;
}

static int column(const struct parser *ps)
{
	return (int)(ps->p - ps->text) + 1;
}

/* Read a name, [a-z_]+, into W (32 bytes). */
static int name(struct parser *ps, char *w, const char *after)
{
	size_t n = 0;

	while ((*ps->p >= 'a' && *ps->p <= 'z') || *ps->p == '_') {
		if (n < 31)
			w[n++] = *ps->p;
		ps->p++;
	}
	w[n] = '\0';
	if (n == 0)
		return fail(ps, "cannot be read at character %d: expected a name "
		            "after %s", column(ps), after);
	return 0;
}

/* Read ".NAME" into W; AFTER names what came before, for the message. */
static int member(struct parser *ps, char *w, const char *after)
{
	if (*ps->p != '.')
		return fail(ps, "cannot be read at character %d: expected '.' after "
		            "%s", column(ps), after);
	ps->p++;
	return name(ps, w, after);
}

static int at_end(const struct parser *ps)
{
	return *ps->p == '\0';
}

/* Finds KEY in the list of entries WHAT under PARENT; 0 and *IDX, or -1. */
typedef int (*finder)(const lt_scenario *s, size_t parent, const char *key,
                      size_t *idx);

static int find_part(const lt_scenario *s, size_t parent, const char *key,
                     size_t *idx)
{
	size_t i;

	(void)parent;
	for (i = 0; i < s->programs.n_parts; i++)
		if (s->programs.parts[i].id != NULL &&
		    strcmp(s->programs.parts[i].id, key) == 0) {
			*idx = i;
			return 0;
		}
	return -1;
}

static int find_group(const lt_scenario *s, size_t parent, const char *key,
                      size_t *idx)
{
	const lt_part *pt = &s->programs.parts[parent];
	size_t i;

	for (i = 0; i < pt->n_groups; i++)
		if (pt->groups[i].id != NULL && strcmp(pt->groups[i].id, key) == 0) {
			*idx = i;
			return 0;
		}
	return -1;
}

static int find_task(const lt_scenario *s, size_t parent, const char *key,
                     size_t *idx)
{
	const lt_part *pt = &s->programs.parts[parent];
	size_t i;

	for (i = 0; i < pt->n_tasks; i++)
		if (pt->tasks[i].no != NULL && strcmp(pt->tasks[i].no, key) == 0) {
			*idx = i;
			return 0;
		}
	return -1;
}

static int find_indicator(const lt_scenario *s, size_t parent,
                          const char *key, size_t *idx)
{
	int i = lt_scenario_find_indicator(s, key);

	(void)parent;
	if (i < 0)
		return -1;
	*idx = (size_t)i;
	return 0;
}

static int find_component(const lt_scenario *s, size_t parent,
                          const char *key, size_t *idx)
{
	size_t i;

	(void)parent;
	for (i = 0; i < s->province.n_components; i++)
		if (s->province.components[i].id != NULL &&
		    strcmp(s->province.components[i].id, key) == 0) {
			*idx = i;
			return 0;
		}
	return -1;
}

static int find_figure(const lt_scenario *s, size_t parent, const char *key,
                       size_t *idx)
{
	size_t i;

	(void)parent;
	for (i = 0; i < s->n_figures; i++)
		if (s->figures[i].id != NULL && strcmp(s->figures[i].id, key) == 0) {
			*idx = i;
			return 0;
		}
	return -1;
}

/* Read a selector "[*]", "[KEY]" or "[KEY,KEY,...]" of the entries WHAT
 * ("part") after LIST ("parts") into PK, finding keys under PARENT with
 * FIND.  ONLY_ALL: the level above selects several entries, so this one
 * must be "[*]". */
static int pick(struct parser *ps, lt_pick *pk, const char *list,
                const char *what, finder find, size_t parent, int only_all)
{
	memset(pk, 0, sizeof *pk);
	if (*ps->p != '[')
		return fail(ps, "cannot be read at character %d: expected '[' after "
		            "'%s'", column(ps), list);
	ps->p++;
	if (ps->p[0] == '*' && ps->p[1] == ']') {
		pk->all = 1;
		ps->p += 2;
		return 0;
	}
	if (only_all)
		return fail(ps, "cannot be read at character %d: below several "
		            "entries, '%s' takes [*] only", column(ps), list);
	for (;;) {
		size_t len = strcspn(ps->p, ",]"), idx;
		char key[KEY_MAX];

		if (ps->p[len] == '\0')
			return fail(ps, "cannot be read: the '[' after '%s' is not "
			            "closed", list);
		if (len == 0)
			return fail(ps, "cannot be read at character %d: an empty key "
			            "in '%s[...]'", column(ps), list);
		if (pk->n == LT_PICK_MAX)
			return fail(ps, "names more than %d %ss in '%s[...]': use [*] or "
			            "several references", LT_PICK_MAX, what, list);
		snprintf(key, sizeof key, "%.*s", (int)len, ps->p);
		if (find(ps->s, parent, key, &idx) != 0)
			return fail(ps, "names no %s \"%s\"", what, key);
		pk->idx[pk->n++] = idx;
		ps->p += len;
		if (*ps->p++ == ']')
			return 0;
	}
}

/* A year of four digits into *Y. */
static int year4(struct parser *ps, int *y)
{
	const char *p = ps->p;

	if (!(isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
	      isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3])) ||
	    isdigit((unsigned char)p[4]))
		return fail(ps, "cannot be read at character %d: expected a year "
		            "like 2030", column(ps));
	*y = atoi(p);
	ps->p += 4;
	return 0;
}

/* Read "[*]" (when ALL_OK), "[Y]" or "[Y1..Y2]" after LIST into REF. */
static int years(struct parser *ps, lt_ref *r, const char *list, int all_ok)
{
	if (*ps->p != '[')
		return fail(ps, "cannot be read at character %d: expected '[' after "
		            "'%s'", column(ps), list);
	ps->p++;
	if (all_ok && ps->p[0] == '*' && ps->p[1] == ']') {
		r->all_years = 1;
		ps->p += 2;
		return 0;
	}
	if (year4(ps, &r->from) != 0)
		return -1;
	r->to = r->from;
	if (ps->p[0] == '.' && ps->p[1] == '.') {
		ps->p += 2;
		if (year4(ps, &r->to) != 0)
			return -1;
		if (r->to < r->from)
			return fail(ps, "cannot be read: the years %d..%d in '%s[...]' "
			            "run backwards", r->from, r->to, list);
	}
	if (*ps->p != ']')
		return fail(ps, "cannot be read at character %d: expected ']' after "
		            "the years", column(ps));
	ps->p++;
	return 0;
}

/* Every year REF names must be a point of SR (of WHOSE, for a message). */
static int series_years(struct parser *ps, const lt_series *sr,
                        const lt_ref *r, const char *list, const char *whose)
{
	int y;
	size_t i;

	if (r->all_years)
		return 0;
	for (y = r->from; y <= r->to; y++) {
		for (i = 0; i < sr->n && sr->pts[i].year != y; i++)
			;
		if (i == sr->n)
			return fail(ps, "names %d, but %s has no %s value then", y,
			            whose, list);
	}
	return 0;
}

static int money_field(struct parser *ps, const char *w, lt_ref *r)
{
	if (strcmp(w, "state") == 0)
		r->field = LT_FIELD_STATE;
	else if (strcmp(w, "other") == 0)
		r->field = LT_FIELD_OTHER;
	else if (strcmp(w, "total") == 0)
		r->field = LT_FIELD_TOTAL;
	else
		return fail(ps, "cannot be read: a declared total is 'state', "
		            "'other' or 'total' (got '%s')", w);
	return 0;
}

static const char *money_name(lt_ref_field f)
{
	return f == LT_FIELD_STATE ? "state" : f == LT_FIELD_OTHER ? "other"
	       : "total";
}

/* The fields of a task: state, other, total, start, end, period, years. */
static int task_field(struct parser *ps, lt_ref *r)
{
	char w[32];

	if (at_end(ps))
		return 0; /* the tasks themselves */
	if (member(ps, w, "the tasks") != 0)
		return -1;
	if (strcmp(w, "years") == 0) {
		r->field = LT_FIELD_YEARS;
		return years(ps, r, "years", 0);
	}
	if (strcmp(w, "start") == 0)
		r->field = LT_FIELD_START;
	else if (strcmp(w, "end") == 0)
		r->field = LT_FIELD_END;
	else if (strcmp(w, "period") == 0)
		r->field = LT_FIELD_PERIOD;
	else if (money_field(ps, w, r) != 0)
		return fail(ps, "cannot be read: a task has 'state', 'other', "
		            "'total', 'start', 'end', 'period' or 'years[...]' (got "
		            "'%s')", w);
	return 0;
}

/* Named tasks must belong to the one group named and carry the field. */
static int check_tasks(struct parser *ps, const lt_ref *r)
{
	const lt_part *pt;
	size_t k;

	if (r->c.all)
		return 0;
	pt = &ps->s->programs.parts[r->a.idx[0]];
	for (k = 0; k < r->c.n; k++) {
		const lt_task *t = &pt->tasks[r->c.idx[k]];
		lt_claim_side v;

		if (r->has_group && t->group != r->b.idx[0])
			return fail(ps, "names task \"%s\", which is not in group \"%s\" "
			            "of part '%s'", t->no, pt->groups[r->b.idx[0]].id,
			            pt->id);
		if (!task_get(t, r, &v))
			return fail(ps, "names task \"%s\" of part '%s', which has no "
			            "state amount", t->no, pt->id);
	}
	return 0;
}

/* Named parts or groups must declare the total. */
static int check_declared(struct parser *ps, const lt_ref *r)
{
	const lt_programs *p = &ps->s->programs;
	size_t k;
	double v;

	if (r->has_group) {
		const lt_part *pt = &p->parts[r->a.idx[0]];

		for (k = 0; !r->b.all && k < r->b.n; k++)
			if (!totals_get(&pt->groups[r->b.idx[k]].declared, r->field, &v))
				return fail(ps, "names group \"%s\" of part '%s', which "
				            "declares no '%s' total",
				            pt->groups[r->b.idx[k]].id, pt->id,
				            money_name(r->field));
		return 0;
	}
	for (k = 0; !r->a.all && k < r->a.n; k++)
		if (!totals_get(&p->parts[r->a.idx[k]].declared, r->field, &v))
			return fail(ps, "names part '%s', which declares no '%s' total",
			            p->parts[r->a.idx[k]].id, money_name(r->field));
	return 0;
}

/* After "programs.parts[...].groups[...]". */
static int parse_groups(struct parser *ps, lt_ref *r)
{
	char w[32];
	int many = r->b.all || r->b.n != 1;

	if (at_end(ps))
		return 0; /* the groups themselves */
	if (member(ps, w, "the groups") != 0)
		return -1;
	if (strcmp(w, "declared") == 0) {
		r->declared = 1;
		if (member(ps, w, "'declared'") != 0 || money_field(ps, w, r) != 0)
			return -1;
		return check_declared(ps, r);
	}
	if (strcmp(w, "tasks") != 0)
		return fail(ps, "cannot be read: a group has 'declared' and 'tasks' "
		            "(got '%s')", w);
	r->has_task = 1;
	if (pick(ps, &r->c, "tasks", "task", find_task, r->a.idx[0], many) != 0 ||
	    task_field(ps, r) != 0)
		return -1;
	return check_tasks(ps, r);
}

/* After "programs.parts". */
static int parse_parts(struct parser *ps, lt_ref *r)
{
	char w[32];
	int many;

	r->root = LT_REF_PARTS;
	if (pick(ps, &r->a, "parts", "part", find_part, 0, 0) != 0)
		return -1;
	many = r->a.all || r->a.n != 1;
	if (at_end(ps))
		return 0; /* the parts themselves */
	if (member(ps, w, "the parts") != 0)
		return -1;
	if (strcmp(w, "declared") == 0) {
		r->declared = 1;
		if (member(ps, w, "'declared'") != 0 || money_field(ps, w, r) != 0)
			return -1;
		return check_declared(ps, r);
	}
	if (strcmp(w, "start") == 0 || strcmp(w, "end") == 0 ||
	    strcmp(w, "period") == 0) {
		r->field = w[0] == 's' ? LT_FIELD_START : w[0] == 'e' ? LT_FIELD_END
		           : LT_FIELD_PERIOD;
		return 0;
	}
	if (strcmp(w, "groups") == 0) {
		r->has_group = 1;
		if (pick(ps, &r->b, "groups", "group", find_group, r->a.idx[0],
		         many) != 0)
			return -1;
		return parse_groups(ps, r);
	}
	if (strcmp(w, "tasks") == 0) {
		r->has_task = 1;
		if (pick(ps, &r->c, "tasks", "task", find_task, r->a.idx[0],
		         many) != 0 || task_field(ps, r) != 0)
			return -1;
		return check_tasks(ps, r);
	}
	return fail(ps, "cannot be read: a part has 'declared', 'groups', "
	            "'tasks', 'start', 'end' and 'period' (got '%s')", w);
}

static int parse_programs(struct parser *ps, lt_ref *r)
{
	char w[32];
	double v;

	if (!ps->s->has_programs)
		return fail(ps, "names the programmes, but the scenario has none");
	if (member(ps, w, "'programs'") != 0)
		return -1;
	if (strcmp(w, "parts") == 0)
		return parse_parts(ps, r);
	if (strcmp(w, "declared") != 0)
		return fail(ps, "cannot be read: 'programs' has 'declared' and "
		            "'parts' (got '%s')", w);
	r->root = LT_REF_PLAN;
	r->declared = 1;
	if (member(ps, w, "'declared'") != 0 || money_field(ps, w, r) != 0)
		return -1;
	if (!totals_get(&ps->s->programs.declared, r->field, &v))
		return fail(ps, "names a '%s' total the plan does not declare",
		            money_name(r->field));
	return 0;
}

static int parse_budget(struct parser *ps, lt_ref *r, int economy)
{
	const lt_budget *b = &ps->s->budget;
	char w[32];

	r->root = economy ? LT_REF_ECONOMY : LT_REF_BUDGET;
	if (member(ps, w, economy ? "'economy'" : "'budget'") != 0)
		return -1;
	if (economy) {
		if (strcmp(w, "grdp") == 0)
			r->field = LT_FIELD_GRDP;
		else if (strcmp(w, "growth_pct") == 0)
			r->field = LT_FIELD_GROWTH;
		else
			return fail(ps, "cannot be read: 'economy' has 'grdp' and "
			            "'growth_pct' (got '%s')", w);
		return 0;
	}
	if (strcmp(w, "amount") == 0)
		r->field = LT_FIELD_AMOUNT;
	else if (strcmp(w, "rule_min_share_pct") == 0) {
		r->field = LT_FIELD_RULE;
		if (!b->has_rule)
			return fail(ps, "names the budget's rule, which the scenario "
			            "does not give");
	} else if (strcmp(w, "share_history") == 0 ||
	           strcmp(w, "spending_history") == 0) {
		int share = w[1] == 'h';

		r->field = share ? LT_FIELD_SHARE_HISTORY
		                 : LT_FIELD_SPENDING_HISTORY;
		if (years(ps, r, w, 1) != 0)
			return -1;
		return series_years(ps, share ? &b->share_history
		                    : &b->spending_history, r, w, "the budget");
	} else
		return fail(ps, "cannot be read: 'budget' has 'amount', "
		            "'rule_min_share_pct', 'share_history[...]' and "
		            "'spending_history[...]' (got '%s')", w);
	return 0;
}

/* The field after "indicators[...]": W is the name read. */
static int indicator_field(struct parser *ps, lt_ref *r, const char *w)
{
	static const struct {
		const char *name;
		lt_ref_field field;
	} f[] = {
		{"baseline", LT_FIELD_BASELINE},
		{"baseline_year", LT_FIELD_BASELINE_YEAR},
		{"history", LT_FIELD_HISTORY},
		{"milestones", LT_FIELD_MILESTONES},
		{"observed", LT_FIELD_OBSERVED},
	};
	char t[32];
	size_t i;

	for (i = 0; i < sizeof f / sizeof *f; i++)
		if (strcmp(w, f[i].name) == 0) {
			r->field = f[i].field;
			return r->field >= LT_FIELD_HISTORY ? years(ps, r, w, 1) : 0;
		}
	if (strcmp(w, "target") != 0)
		return fail(ps, "cannot be read: an indicator has 'baseline', "
		            "'baseline_year', 'target.value|min|max|year', "
		            "'history[...]', 'milestones[...]' and 'observed[...]' "
		            "(got '%s')", w);
	if (member(ps, t, "'target'") != 0)
		return -1;
	r->field = strcmp(t, "value") == 0 ? LT_FIELD_TARGET_VALUE
	           : strcmp(t, "min") == 0 ? LT_FIELD_TARGET_MIN
	           : strcmp(t, "max") == 0 ? LT_FIELD_TARGET_MAX
	           : strcmp(t, "year") == 0 ? LT_FIELD_TARGET_YEAR
	           : LT_FIELD_ENTRIES;
	if (r->field == LT_FIELD_ENTRIES)
		return fail(ps, "cannot be read: a target has 'value', 'min', 'max' "
		            "and 'year' (got '%s')", t);
	return 0;
}

static int parse_indicators(struct parser *ps, lt_ref *r)
{
	char w[32], whose[96];
	size_t k;

	r->root = LT_REF_INDICATORS;
	if (pick(ps, &r->a, "indicators", "indicator", find_indicator, 0, 0) != 0)
		return -1;
	if (member(ps, w, "the indicators") != 0 ||
	    indicator_field(ps, r, w) != 0)
		return -1;
	/* named indicators must carry the figure; a series, in each one */
	for (k = 0; k < pick_n(&r->a, ps->s->n_indicators); k++) {
		const lt_indicator *ind = &ps->s->indicators[pick_at(&r->a, k)];
		const lt_series *sr = ind_series(ind, r->field);
		const char *src;
		double v;

		snprintf(whose, sizeof whose, "indicator '%s'", ind->id);
		if (sr != NULL) {
			if (series_years(ps, sr, r, w, whose) != 0)
				return -1;
		} else if (!r->a.all && !ind_get(ind, r->field, &v, &src))
			return fail(ps, "names indicator '%s', which has no %s",
			            ind->id, r->field <= LT_FIELD_BASELINE_YEAR
			            ? "baseline" : r->field == LT_FIELD_TARGET_VALUE
			            ? "single target value (its target is a range)"
			            : "range target");
	}
	return 0;
}

static int parse_components(struct parser *ps, lt_ref *r)
{
	char w[32];
	size_t k, j;
	double v;

	r->root = LT_REF_COMPONENTS;
	r->field = LT_FIELD_VALUE;
	if (member(ps, w, "'province'") != 0)
		return -1;
	if (strcmp(w, "components") != 0)
		return fail(ps, "cannot be read: 'province' has 'components' only "
		            "(got '%s')", w);
	if (pick(ps, &r->a, "components", "component", find_component, 0,
	         0) != 0 || member(ps, w, "the components") != 0)
		return -1;
	if (strcmp(w, "values") != 0)
		return fail(ps, "cannot be read: a component has 'values[...]' "
		            "(got '%s')", w);
	if (pick(ps, &r->b, "values", "indicator", find_indicator, 0, 0) != 0)
		return -1;
	for (k = 0; !r->a.all && k < r->a.n; k++) {
		const lt_component *cp = &ps->s->province.components[r->a.idx[k]];

		for (j = 0; !r->b.all && j < r->b.n; j++)
			if (!component_value(cp, r->b.idx[j], &v))
				return fail(ps, "names component '%s', which gives no value "
				            "for '%s'", cp->id,
				            ps->s->indicators[r->b.idx[j]].id);
	}
	return 0;
}

int lt_ref_parse(const lt_scenario *s, const char *text, lt_ref *ref,
                 char *why, size_t size)
{
	struct parser ps = {s, text, text, why, size};
	char w[32];
	int rc;

	memset(ref, 0, sizeof *ref);
	ref->text = text;
	if (name(&ps, w, "the start") != 0)
		return -1;
	if (strcmp(w, "programs") == 0)
		rc = parse_programs(&ps, ref);
	else if (strcmp(w, "budget") == 0 || strcmp(w, "economy") == 0)
		rc = parse_budget(&ps, ref, w[0] == 'e');
	else if (strcmp(w, "indicators") == 0)
		rc = parse_indicators(&ps, ref);
	else if (strcmp(w, "province") == 0)
		rc = parse_components(&ps, ref);
	else if (strcmp(w, "figures") == 0) {
		ref->root = LT_REF_FIGURES;
		ref->field = LT_FIELD_VALUE;
		rc = pick(&ps, &ref->a, "figures", "figure", find_figure, 0, 0);
	} else
		return fail(&ps, "cannot be read: a reference starts with "
		            "'programs', 'budget', 'economy', 'indicators', "
		            "'province' or 'figures' (got '%s')", w);
	if (rc != 0)
		return -1;
	if (!at_end(&ps))
		return fail(&ps, "cannot be read at character %d: nothing may "
		            "follow here", column(&ps));
	if (lt_ref_count(s, ref) == 0)
		return fail(&ps, "selects no figure");
	return 0;
}

/* ---- checking a claim ------------------------------------------------- */

static int why_(char *why, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int why_(char *why, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, size, fmt, ap);
	va_end(ap);
	return -1;
}

/* Every reference of C from FIRST on must select numbers. */
static int numbers_only(const lt_claim *c, size_t first, char *why,
                        size_t size)
{
	size_t i;

	for (i = first; i < c->n_of; i++)
		if (!lt_ref_is_number(&c->of[i]))
			return why_(why, size, "of kind \"%s\" adds up numbers, but "
			            "\"%s\" selects %s", lt_claim_kind_names[c->kind],
			            c->of[i].text != NULL ? c->of[i].text : "?",
			            lt_ref_is_period(&c->of[i]) ? "periods"
			            : "entries, which can only be counted");
	return 0;
}

/* The references of a "same" claim, or of an inequality on one figure:
 * one figure each; periods only against periods. */
static int single_figures(const lt_scenario *s, const lt_claim *c,
                          int period, char *why, size_t size)
{
	size_t i, n;

	for (i = 0; i < c->n_of; i++) {
		n = lt_ref_count(s, &c->of[i]);
		if (n != 1)
			return why_(why, size, "compares one figure, but \"%s\" selects "
			            "%zu", c->of[i].text, n);
		if (lt_ref_is_period(&c->of[i]) != period ||
		    c->of[i].field == LT_FIELD_ENTRIES)
			return why_(why, size, "compares %s, but \"%s\" selects %s",
			            period ? "periods" : "numbers", c->of[i].text,
			            lt_ref_is_period(&c->of[i]) ? "a period"
			            : period ? "a number" : "an entry");
	}
	return 0;
}

int lt_claim_check(const lt_scenario *s, const lt_claim *c, char *why,
                   size_t size)
{
	int period = c->stated_kind == LT_STATED_PERIOD ||
	             (c->stated_kind == LT_STATED_REF &&
	              lt_ref_is_period(&c->stated_ref));
	size_t n;

	if (c->stated_kind == LT_STATED_REF) {
		n = lt_ref_count(s, &c->stated_ref);
		if (n != 1)
			return why_(why, size, "states \"%s\", which selects %zu figures, "
			            "not one", c->stated_ref.text, n);
		if (c->stated_ref.field == LT_FIELD_ENTRIES)
			return why_(why, size, "states \"%s\", an entry, not a figure",
			            c->stated_ref.text);
	}
	if (period && c->kind != LT_CLAIM_SAME)
		return why_(why, size, "of kind \"%s\" states a period: only \"same\" "
		            "compares periods", lt_claim_kind_names[c->kind]);
	switch (c->kind) {
	case LT_CLAIM_SUM:
	case LT_CLAIM_MEAN:
		return numbers_only(c, 0, why, size);
	case LT_CLAIM_COUNT:
		return 0;
	case LT_CLAIM_RATIO:
		if (c->n_of != 2)
			return why_(why, size, "of kind \"ratio\" takes two references "
			            "in 'of', the numerator and the denominator (got %zu)",
			            c->n_of);
		return numbers_only(c, 0, why, size);
	case LT_CLAIM_SAME:
		if (c->stated_kind == LT_STATED_NONE ? c->n_of != 2 : c->n_of != 1)
			return why_(why, size, "of kind \"same\" compares one figure "
			            "stated twice: give 'stated' and one reference in "
			            "'of', or two references and no 'stated' (got %s%zu "
			            "reference%s)", c->stated_kind == LT_STATED_NONE ? ""
			            : "'stated' and ", c->n_of, c->n_of == 1 ? "" : "s");
		if (c->stated_kind == LT_STATED_NONE)
			period = lt_ref_is_period(&c->of[0]);
		return single_figures(s, c, period, why, size);
	case LT_CLAIM_INEQUALITY:
		if (c->measure == LT_CLAIM_SAME) {
			if (c->n_of != 1)
				return why_(why, size, "compares one figure with its stated "
				            "bound, so 'of' takes one reference (got %zu); "
				            "give a 'measure' to combine several", c->n_of);
			return single_figures(s, c, 0, why, size);
		}
		if (c->measure == LT_CLAIM_RATIO && c->n_of != 2)
			return why_(why, size, "measures a ratio, which takes two "
			            "references in 'of' (got %zu)", c->n_of);
		return c->measure == LT_CLAIM_COUNT ? 0
		       : numbers_only(c, 0, why, size);
	}
	return 0;
}

/* ---- evaluating a claim ----------------------------------------------- */

/* |A - B| <= TOL, with CLAIM_RTOL of slack for rounding. */
static int agree(double a, double b, double tol)
{
	return fabs(a - b) <= tol + CLAIM_RTOL * fmax(fabs(a), fabs(b));
}

static void take_sources(lt_claim_result *r, const struct acc *a)
{
	size_t i;

	for (i = 0; i < a->n_sources; i++)
		acc_source(r->sources, &r->n_sources, a->sources[i]);
}

/* Recompute measure M from C's references FIRST.. into R->value. */
static void measure(const lt_scenario *s, const lt_claim *c, lt_claim_kind m,
                    size_t first, lt_claim_result *r)
{
	struct acc a, b;
	size_t i;

	memset(&a, 0, sizeof a);
	if (m == LT_CLAIM_RATIO) {
		ref_acc(s, &c->of[first], &a);
		ref_acc(s, &c->of[first + 1], &b);
		r->numerator = a.sum;
		r->denominator = b.sum;
		r->value.value = c->scale * a.sum / b.sum;
		r->n_items = a.n + b.n;
		take_sources(r, &a);
		take_sources(r, &b);
		return;
	}
	for (i = first; i < c->n_of; i++)
		ref_walk(s, &c->of[i], &a);
	r->n_items = a.n;
	take_sources(r, &a);
	switch (m) {
	case LT_CLAIM_SUM:
		r->value.value = a.sum;
		break;
	case LT_CLAIM_COUNT:
		r->value.value = (double)a.n;
		break;
	case LT_CLAIM_MEAN:
		r->value.value = a.n > 0 ? a.sum / (double)a.n : NAN;
		break;
	default: /* one figure, or one period */
		r->value = a.first;
		break;
	}
}

/* Does VALUE OP STATED hold, loosened by TOL? */
static int inequality_holds(double value, lt_claim_op op, double stated,
                            double tol)
{
	double slack = tol + CLAIM_RTOL * fmax(fabs(value), fabs(stated));

	switch (op) {
	case LT_OP_GE:
		return value >= stated - slack;
	case LT_OP_GT:
		return value > stated - tol;
	case LT_OP_LE:
		return value <= stated + slack;
	case LT_OP_LT:
		return value < stated + tol;
	}
	return 0;
}

void lt_claim_eval(const lt_scenario *s, const lt_claim *c,
                   lt_claim_result *r)
{
	struct acc a;
	size_t first = 0;

	memset(r, 0, sizeof *r);
	r->stated_source = c->source;
	switch (c->stated_kind) {
	case LT_STATED_NUMBER:
		r->stated.value = c->stated;
		break;
	case LT_STATED_PERIOD:
		r->stated.is_period = 1;
		r->stated.from = c->stated_from;
		r->stated.to = c->stated_to;
		r->stated.value = c->stated_to;
		break;
	case LT_STATED_REF:
		ref_acc(s, &c->stated_ref, &a);
		r->stated = a.first;
		if (a.first_source != NULL)
			r->stated_source = a.first_source;
		break;
	case LT_STATED_NONE: /* "same" between two references: the first */
		ref_acc(s, &c->of[0], &a);
		r->stated = a.first;
		if (a.first_source != NULL)
			r->stated_source = a.first_source;
		first = 1;
		break;
	}
	measure(s, c, c->kind == LT_CLAIM_INEQUALITY ? c->measure : c->kind,
	        first, r);
	if (c->of_source != NULL) {
		r->n_sources = 1;
		r->sources[0] = c->of_source;
	}
	r->difference = r->value.value - r->stated.value;
	if (r->value.is_period && r->stated.is_period) {
		r->difference_from = r->value.from - r->stated.from;
		r->holds = agree(r->value.from, r->stated.from, c->tolerance) &&
		           agree(r->value.to, r->stated.to, c->tolerance);
	} else if (c->kind == LT_CLAIM_INEQUALITY)
		r->holds = inequality_holds(r->value.value, c->op, r->stated.value,
		                            c->tolerance);
	else
		r->holds = agree(r->value.value, r->stated.value, c->tolerance);
}

/* ---- the claims the programmes imply ---------------------------------- */

struct build {
	const lt_scenario *s;
	lt_implied *items; /* NULL while counting */
	size_t n;
};

static lt_ref ref_plan(lt_ref_field f)
{
	lt_ref r;

	memset(&r, 0, sizeof r);
	r.root = LT_REF_PLAN;
	r.declared = 1;
	r.field = f;
	return r;
}

/* A programme reference on part P (SIZE_MAX: every part). */
static lt_ref ref_part(size_t p, lt_ref_field f)
{
	lt_ref r;

	memset(&r, 0, sizeof r);
	r.root = LT_REF_PARTS;
	r.field = f;
	if (p == LT_IMPLIED_PLAN)
		r.a.all = 1;
	else {
		r.a.n = 1;
		r.a.idx[0] = p;
	}
	return r;
}

static void implied(struct build *b, size_t part, const char *subject,
                    lt_implied_of over, const char *group, lt_ref_field f,
                    lt_ref stated, lt_ref of, const char *stated_source,
                    const char *of_source)
{
	static const char *const whats[] = {
		[LT_OF_PART_TASKS] = "all tasks",
		[LT_OF_GROUP_TOTALS] = "the groups' printed subtotals",
		[LT_OF_PLAN_TASKS] = "every part's tasks",
		[LT_OF_PART_TOTALS] = "the parts' declared totals",
	};
	lt_implied *it;

	if (b->items == NULL) {
		b->n++;
		return;
	}
	it = &b->items[b->n++];
	memset(it, 0, sizeof *it);
	it->part = part;
	it->subject = subject;
	if (over == LT_OF_GROUP_TASKS)
		snprintf(it->what, sizeof it->what, "group %s", group);
	else
		snprintf(it->what, sizeof it->what, "%s", whats[over]);
	it->over = over;
	it->group = over == LT_OF_GROUP_TASKS ? group : NULL;
	it->field = f;
	it->amount = f == LT_FIELD_STATE ? "state-budget"
	             : f == LT_FIELD_OTHER ? "other-source" : "total";
	it->of = of;
	it->claim.kind = LT_CLAIM_SUM;
	it->claim.unit = "million VND";
	it->claim.stated_kind = LT_STATED_REF;
	it->claim.stated_ref = stated;
	it->claim.of = &it->of;
	it->claim.n_of = 1;
	it->claim.scale = 1.0;
	it->claim.tolerance = LT_CLAIM_MONEY_TOL;
	it->claim.source = stated_source;
	it->claim.of_source = of_source;
}

/* Totals T against OF with each field T declares: state, other, total. */
static void implied_totals(struct build *b, size_t part, const char *subject,
                           lt_implied_of over, const char *group,
                           const lt_totals *t, lt_ref stated, lt_ref of,
                           const char *of_source, const char *fallback)
{
	static const lt_ref_field fields[] = {LT_FIELD_STATE, LT_FIELD_OTHER,
	                                      LT_FIELD_TOTAL};
	const char *dsrc = t->source != NULL ? t->source : fallback;
	size_t i;
	double v;

	for (i = 0; i < 3; i++)
		if (totals_get(t, fields[i], &v)) {
			stated.field = of.field = fields[i];
			implied(b, part, subject, over, group, fields[i], stated, of,
			        dsrc, of_source);
		}
}

static void implied_part(struct build *b, size_t p)
{
	const lt_part *pt = &b->s->programs.parts[p];
	int all_groups = pt->n_groups > 0;
	size_t g;

	for (g = 0; g < pt->n_groups; g++) {
		const lt_prog_group *pg = &pt->groups[g];
		lt_ref stated = ref_part(p, LT_FIELD_STATE), of = stated;

		stated.declared = 1;
		stated.has_group = of.has_group = 1;
		stated.b.n = of.b.n = 1;
		stated.b.idx[0] = of.b.idx[0] = g;
		of.has_task = 1;
		of.c.all = 1;
		implied_totals(b, p, pt->id, LT_OF_GROUP_TASKS, pg->id,
		               &pg->declared, stated, of, pt->source, pt->source);
		all_groups &= pg->declared.has_state;
	}
	{
		lt_ref stated = ref_part(p, LT_FIELD_STATE), of = stated;

		stated.declared = 1;
		of.has_task = 1;
		of.c.all = 1;
		implied_totals(b, p, pt->id, LT_OF_PART_TASKS, NULL, &pt->declared,
		               stated, of, pt->source, pt->source);
	}
	if (all_groups && pt->declared.has_state) {
		lt_ref stated = ref_part(p, LT_FIELD_STATE), of = stated;

		stated.declared = of.declared = 1;
		of.has_group = 1;
		of.b.all = 1;
		implied(b, p, pt->id, LT_OF_GROUP_TOTALS, NULL, LT_FIELD_STATE,
		        stated, of, pt->declared.source, pt->source);
	}
}

static void implied_plan(struct build *b)
{
	const lt_programs *p = &b->s->programs;
	int parts_state = 1, parts_other = 1;
	size_t i;

	/* with one part, its own comparison already covers its tasks */
	if (p->n_parts > 1) {
		lt_ref of = ref_part(LT_IMPLIED_PLAN, LT_FIELD_STATE);

		of.has_task = 1;
		of.c.all = 1;
		implied_totals(b, LT_IMPLIED_PLAN, "plan", LT_OF_PLAN_TASKS, NULL,
		               &p->declared, ref_plan(LT_FIELD_STATE), of, p->source,
		               p->source);
	}
	for (i = 0; i < p->n_parts; i++) {
		parts_state &= p->parts[i].declared.has_state;
		parts_other &= p->parts[i].declared.has_other;
	}
	if (!parts_state)
		return;
	if (p->declared.has_state) {
		lt_ref of = ref_part(LT_IMPLIED_PLAN, LT_FIELD_STATE);

		of.declared = 1;
		implied(b, LT_IMPLIED_PLAN, "plan", LT_OF_PART_TOTALS, NULL,
		        LT_FIELD_STATE, ref_plan(LT_FIELD_STATE), of,
		        p->declared.source, p->source);
	}
	if (p->declared.has_other && parts_other) {
		lt_ref of = ref_part(LT_IMPLIED_PLAN, LT_FIELD_OTHER);

		of.declared = 1;
		implied(b, LT_IMPLIED_PLAN, "plan", LT_OF_PART_TOTALS, NULL,
		        LT_FIELD_OTHER, ref_plan(LT_FIELD_OTHER), of,
		        p->declared.source, p->source);
	}
}

static void implied_all(struct build *b)
{
	size_t i;

	b->n = 0;
	if (!b->s->has_programs)
		return;
	for (i = 0; i < b->s->programs.n_parts; i++)
		implied_part(b, i);
	implied_plan(b);
}

int lt_claims_implied(const lt_scenario *s, lt_implied **out, size_t *n)
{
	struct build b = {s, NULL, 0};

	*out = NULL;
	*n = 0;
	implied_all(&b); /* count */
	if (b.n == 0)
		return LT_OK;
	b.items = lt_malloc(b.n * sizeof *b.items);
	if (b.items == NULL)
		return LT_ENOMEM;
	implied_all(&b); /* fill; CLAIM.of points into the final array */
	*out = b.items;
	*n = b.n;
	return LT_OK;
}
