/* scenario.c - the semantics every engine shares (see scenario.h): what a
 * target aims at and when it is met, an indicator's observations, the
 * names of the enumerations, and small queries.  No libconfig here: the
 * loader is config.c. */
#include "lotrinh/scenario.h"

#include "lotrinh/alloc.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- arena ------------------------------------------------------------ */

struct lt_arena {
	struct block *head;
};

struct block {
	struct block *next;
	size_t used, size;
	max_align_t data[];
};

#define BLOCK_SIZE (64u * 1024u)

void *lt_arena_alloc(lt_arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	struct block *b = a->head;
	size_t need = (n + align - 1) / align * align;
	void *p;

	if (need == 0)
		need = align;
	if (b == NULL || b->size - b->used < need) {
		size_t size = need > BLOCK_SIZE ? need : BLOCK_SIZE;
		b = lt_malloc(sizeof *b + size);
		if (b == NULL)
			return NULL;
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += need;
	memset(p, 0, n);
	return p;
}

static void arena_free(lt_arena *a)
{
	struct block *b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

lt_scenario *lt_scenario_alloc(void)
{
	lt_scenario *s = lt_calloc(1, sizeof *s);

	if (s == NULL)
		return NULL;
	s->arena = lt_calloc(1, sizeof *s->arena);
	if (s->arena == NULL) {
		free(s);
		return NULL;
	}
	return s;
}

void lt_scenario_free(lt_scenario *s)
{
	if (s == NULL)
		return;
	arena_free(s->arena);
	free(s);
}

/* ---- names ------------------------------------------------------------ */

const char *const lt_kind_names[] = {"share", "score", "count", "rank", NULL};
const char *const lt_dist_names[] = {"fixed", "normal", "lognormal",
                                     "uniform", "triangular", "beta", NULL};
const char *const lt_sched_names[] = {"constant", "ramp", "per_year",
                                      "programs", NULL};

int lt_period_parse(const char *period, int *start, int *end)
{
	const char *p = period;
	int a, b;

	p += strspn(p, " \t");
	if (!(isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
	      isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3])) ||
	    isdigit((unsigned char)p[4]))
		return -1;
	a = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
	    (p[3] - '0');
	p += 4;
	p += strspn(p, " \t");
	/* "-", "–" (U+2013 en dash) or "—" (U+2014 em dash) */
	if (*p == '-')
		p++;
	else if (strncmp(p, "\xE2\x80\x93", 3) == 0 ||
	         strncmp(p, "\xE2\x80\x94", 3) == 0)
		p += 3;
	else {
		*start = *end = a;
		return 0;
	}
	p += strspn(p, " \t");
	if (!(isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
	      isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3])) ||
	    isdigit((unsigned char)p[4]))
		return -1;
	b = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
	    (p[3] - '0');
	*start = a;
	*end = b;
	return 0;
}

/* ---- small queries ---------------------------------------------------- */

int lt_scenario_find_indicator(const lt_scenario *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->n_indicators; i++)
		if (s->indicators[i].id != NULL && strcmp(s->indicators[i].id, id) == 0)
			return (int)i;
	return -1;
}

int lt_scenario_find_channel(const lt_scenario *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->n_channels; i++)
		if (s->channels[i].id != NULL && strcmp(s->channels[i].id, id) == 0)
			return (int)i;
	return -1;
}

int lt_source_is_assumption(const char *source)
{
	static const char word[] = "assumption";
	size_t i;

	if (source == NULL)
		return 0;
	for (i = 0; word[i] != '\0'; i++)
		if (tolower((unsigned char)source[i]) != word[i])
			return 0;
	return 1;
}

int lt_scenario_find_document(const lt_scenario *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->n_documents; i++)
		if (s->documents[i].id != NULL && strcmp(s->documents[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* What ends the document id at the start of a source: "004, Part IV",
 * "002: ...", "003; ...", "GSO (as cited ...)", "CAICT White Paper". */
#define SOURCE_ID_END ",:; ("

size_t lt_source_id_length(const char *source)
{
	return strcspn(source, SOURCE_ID_END);
}

int lt_scenario_source_document(const lt_scenario *s, const char *source)
{
	size_t i, n;

	if (source == NULL)
		return -1;
	n = lt_source_id_length(source);
	for (i = 0; i < s->n_documents; i++)
		if (s->documents[i].id != NULL &&
		    strlen(s->documents[i].id) == n &&
		    strncmp(s->documents[i].id, source, n) == 0)
			return (int)i;
	return -1;
}

const char *lt_kind_name(lt_kind k)
{
	return lt_kind_names[k];
}

const char *lt_dist_name(lt_dist d)
{
	return lt_dist_names[d];
}

const char *lt_sched_name(lt_sched k)
{
	return lt_sched_names[k];
}

const char *lt_step_unit(const lt_indicator *ind)
{
	switch (ind->kind) {
	case LT_KIND_SHARE:
	case LT_KIND_SCORE:
		return "points";
	case LT_KIND_RANK:
		return "places";
	case LT_KIND_COUNT:
		break;
	}
	return ind->unit;
}

void lt_kind_range(lt_kind kind, int rank_of, double *lo, double *hi)
{
	switch (kind) {
	case LT_KIND_SHARE:
	case LT_KIND_SCORE:
		*lo = 0.0, *hi = 100.0;
		break;
	case LT_KIND_COUNT:
		*lo = 0.0, *hi = HUGE_VAL;
		break;
	case LT_KIND_RANK:
		*lo = 1.0, *hi = (double)rank_of;
		break;
	}
}

/* ---- targets ---------------------------------------------------------- */

int lt_target_sense(const lt_indicator *ind)
{
	const lt_target *t = &ind->target;

	if (!t->is_range)
		return t->direction;
	/* without a baseline a range is read from below */
	return ind->has_baseline == 1 && ind->baseline > t->max ? -1 : +1;
}

int lt_target_push(const lt_indicator *ind)
{
	const lt_target *t = &ind->target;

	if (t->is_range && ind->has_baseline == 1 && ind->baseline >= t->min &&
	    ind->baseline <= t->max)
		return 0;
	return lt_target_sense(ind);
}

/* A count or a rank takes whole values only. */
static int whole_kind(const lt_indicator *ind)
{
	return ind->kind == LT_KIND_COUNT || ind->kind == LT_KIND_RANK;
}

double lt_target_level(const lt_indicator *ind)
{
	const lt_target *t = &ind->target;

	if (!t->is_growth)
		return t->value;
	if (ind->has_baseline != 1)
		return NAN;
	return ind->baseline * pow(1.0 + t->growth_pct / 100.0,
	                           (double)(t->year - ind->baseline_year));
}

double lt_target_aim(const lt_indicator *ind)
{
	const lt_target *t = &ind->target;
	double v;

	if (t->is_range)
		return lt_target_sense(ind) > 0 ? t->min : t->max;
	v = lt_target_level(ind);
	/* a whole number: the smallest above the level, or the largest below
	 * (a growth target's level need not be whole: "more than 33.1" is 34,
	 * "at least 33.1" is 34 too) */
	if (whole_kind(ind) && t->strict)
		return t->direction > 0 ? floor(v) + 1.0 : ceil(v) - 1.0;
	if (whole_kind(ind) && t->is_growth)
		return t->direction > 0 ? ceil(v) : floor(v);
	return v;
}

int lt_target_first_year(const lt_indicator *ind)
{
	return ind->target.mean_from > 0 ? ind->target.mean_from
	                                 : ind->target.year;
}

int lt_target_path_year(const lt_indicator *ind)
{
	const lt_target *t = &ind->target;

	return t->mean_from > 0 ? (t->mean_from + t->year + 1) / 2 : t->year;
}

double lt_target_outcome(const lt_indicator *ind, const double *values,
                         int t0, size_t n)
{
	int a = lt_target_first_year(ind), b = ind->target.year, y;
	double sum = 0.0;

	if (a < t0 || (size_t)(b - t0) >= n)
		return NAN;
	for (y = a; y <= b; y++)
		sum += values[y - t0];
	return sum / (double)(b - a + 1);
}

const char *lt_target_form(const lt_indicator *ind)
{
	const lt_target *t = &ind->target;

	if (t->is_range)
		return "range";
	if (t->top > 0)
		return "rank group";
	if (t->mean_from > 0)
		return "period mean";
	if (t->is_growth)
		return "growth rate";
	return t->strict ? "strict" : "threshold";
}

lt_indicator lt_indicator_vision(const lt_indicator *ind)
{
	lt_indicator v = *ind;

	v.target = ind->vision;
	v.has_vision = 0;
	v.milestones.n = 0;
	return v;
}

lt_met lt_target_test(const lt_indicator *ind, double v)
{
	const lt_target *t = &ind->target;
	int sense = lt_target_sense(ind);

	if (isnan(v) || sense * (v - lt_target_aim(ind)) < 0.0)
		return LT_MET_NO;
	/* "> 80": 80 itself is not more than 80 (a whole number's aim is
	 * already the next one, which meets it) */
	if (!t->is_range && t->strict && !whole_kind(ind) &&
	    v == lt_target_aim(ind))
		return LT_MET_NO;
	if (t->is_range && (sense > 0 ? v > t->max : v < t->min))
		return LT_MET_EXCEEDS;
	return LT_MET_YES;
}

int lt_target_met(const lt_indicator *ind, double v)
{
	return lt_target_test(ind, v) != LT_MET_NO;
}

int lt_target_met_at_baseline(const lt_indicator *ind)
{
	return ind->has_baseline == 1 && lt_target_met(ind, ind->baseline);
}

const char lt_no_baseline_text[] = "no baseline in the documents: progress "
                                   "cannot be measured";

int lt_indicator_target_only(const lt_indicator *ind)
{
	return ind->has_baseline != 1;
}

const char *lt_target_op(const lt_indicator *ind, int aim, int utf8)
{
	const lt_target *t = &ind->target;
	int strict = t->strict && !(aim && whole_kind(ind));

	if (t->is_range)
		return NULL;
	if (strict)
		return t->direction > 0 ? ">" : "<";
	if (t->direction > 0)
		return utf8 ? "≥" : ">=";
	return utf8 ? "≤" : "<=";
}

char *lt_target_text(const lt_indicator *ind, int digits, int utf8,
                     char *buf, size_t size)
{
	const lt_target *t = &ind->target;

	if (t->is_range)
		snprintf(buf, size, "%.*g to %.*g", digits, t->min, digits, t->max);
	else if (t->top > 0)
		snprintf(buf, size, "top %d of %d", t->top, ind->rank_of);
	else if (t->is_growth)
		snprintf(buf, size, "%s %.*g%%/yr", lt_target_op(ind, 0, utf8),
		         digits, t->growth_pct);
	else if (t->mean_from > 0)
		snprintf(buf, size, "%s %.*g (mean %d%s%d)",
		         lt_target_op(ind, 0, utf8), digits, t->value, t->mean_from,
		         utf8 ? "–" : "-", t->year);
	else
		snprintf(buf, size, "%s %.*g", lt_target_op(ind, 0, utf8), digits,
		         t->value);
	return buf;
}

char *lt_target_text_year(const lt_indicator *ind, int digits, int utf8,
                          char *buf, size_t size)
{
	char tt[96];

	lt_target_text(ind, digits, utf8, tt, sizeof tt);
	if (ind->target.mean_from > 0)
		snprintf(buf, size, "%s", tt);
	else
		snprintf(buf, size, "%s (%d)", tt, ind->target.year);
	return buf;
}

/* ---- observations ----------------------------------------------------- */

size_t lt_indicator_observations(const lt_indicator *ind, lt_point *obs,
                                 size_t cap)
{
	size_t i, n = 0;

	for (i = 0; i < ind->history.n && n < cap; i++)
		if (ind->history.pts[i].year < ind->baseline_year)
			obs[n++] = ind->history.pts[i];
	if (n < cap && ind->has_baseline == 1) {
		obs[n].year = ind->baseline_year;
		obs[n].value = ind->baseline;
		n++;
	}
	return n;
}
