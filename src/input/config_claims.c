/* config_claims.c - the claims a scenario records, and the figures only
 * claims use.
 *
 * Both sections are optional and read last, after the programmes: a claim
 * refers to tasks, groups, parts, series, indicators, components and
 * figures, and each reference is resolved to indices here (lt_ref_parse,
 * claims.h), so an unknown reference is an error with its line and the
 * engine never meets one.  The rules for what each kind of claim takes
 * live with the engine (lt_claim_check); this file reads the keys.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "lotrinh/claims.h"

#include "config_private.h"

/* Longest 'what' of a claim, in bytes: it opens the claim's finding, which
 * must also hold the claim's id and the verdict. */
#define WHAT_MAX 160

/* What an inequality measures, in the order of lt_claim_kind's first four,
 * with "value" (one figure) last. */
static const char *const measure_names[] = {"sum", "count", "mean", "ratio",
                                            "value", NULL};

/* ---- figures ---------------------------------------------------------- */

static void load_figure(struct ctx *c, const setting *e, int i, lt_figure *f)
{
	static const char *const keys[] = {"id", "name", "value", "unit",
	                                   "source", NULL};
	char where[160];

	snprintf(where, sizeof where, "in entry %d of 'figures'", i + 1);
	f->line = lt_config_line(e);
	f->id = lt_config_get_ident(c, e, "id", where);
	if (f->id != NULL)
		snprintf(where, sizeof where, "in figure '%s'", f->id);
	lt_config_check_keys(c, e, where, keys, 0);
	f->name = lt_config_get_str(c, e, "name", where, 0);
	f->unit = lt_config_get_str(c, e, "unit", where, 0);
	f->source = lt_config_get_str(c, e, "source", where, 1);
	lt_config_get_num(c, e, "value", where, 1, ANY, &f->value);
}

/* A top-level list of groups, each with an id: 'figures' and 'claims'. */
struct id_list {
	const char *key;      /* "figures" */
	const char *noun;     /* "figure", in "figure 'x' is defined twice" */
	const char *example;  /* one entry, in the message for a bad list */
	size_t size;          /* bytes an item takes */
	void (*load)(struct ctx *c, const setting *e, int i, void *item);
	/* the item's id (NULL when unreadable) and line */
	const char *(*id)(const void *item);
	int (*line)(const void *item);
};

/* Read the list L->key of ROOT into a new array (*ITEMS, *N of them):
 * each entry through L->load, each id once. */
static void load_id_list(struct ctx *c, const setting *root,
                         const struct id_list *L, void **items, size_t *n)
{
	const setting *l = lt_config_member(c, root, L->key, "at the top level",
	                                    0);
	char *arr;
	int i, len;
	size_t j;

	if (l == NULL)
		return;
	if (config_setting_type(l) != CONFIG_TYPE_LIST ||
	    config_setting_length(l) == 0) {
		lt_config_error(c, l, "'%s' must be a non-empty list of groups "
		    "( %s, ... )", L->key, L->example);
		return;
	}
	len = config_setting_length(l);
	arr = lt_config_alloc_array(c, (size_t)len, L->size);
	if (arr == NULL)
		return;
	*items = arr;
	for (i = 0; i < len; i++) {
		const setting *e = config_setting_get_elem(l, (unsigned)i);
		void *item = arr + *n * L->size;
		const char *id;

		if (config_setting_type(e) != CONFIG_TYPE_GROUP) {
			lt_config_error(c, e, "entry %d of '%s' must be a group (got "
			    "%s)", i + 1, L->key, lt_config_type_name(e));
			continue;
		}
		L->load(c, e, i, item);
		id = L->id(item);
		for (j = 0; j < *n && id != NULL; j++) {
			const void *other = arr + j * L->size;

			if (L->id(other) != NULL && strcmp(id, L->id(other)) == 0)
				lt_config_error(c, e, "%s '%s' is defined twice (first at "
				    "line %d)", L->noun, id, L->line(other));
		}
		(*n)++;
	}
}

static void load_figure_item(struct ctx *c, const setting *e, int i,
                             void *item)
{
	load_figure(c, e, i, item);
}

static const char *figure_id(const void *item)
{
	return ((const lt_figure *)item)->id;
}

static int figure_line(const void *item)
{
	return ((const lt_figure *)item)->line;
}

void lt_config_load_figures(struct ctx *c, const setting *root)
{
	static const struct id_list L = {"figures", "figure",
	    "{ id = \"...\"; value = 1.0; source = \"...\"; }",
	    sizeof(lt_figure), load_figure_item, figure_id, figure_line};
	void *items = NULL;

	load_id_list(c, root, &L, &items, &c->s->n_figures);
	c->s->figures = items;
}

/* ---- claims ----------------------------------------------------------- */

/* Read reference TEXT (from setting ST, described as WHAT) into REF;
 * 0, or -1 with the error recorded. */
static int load_ref(struct ctx *c, const setting *st, const char *what,
                    const char *id, const char *text, lt_ref *ref)
{
	char why[LT_ERROR_MSG_MAX / 2];

	if (lt_ref_parse(c->s, text, ref, why, sizeof why) == 0)
		return 0;
	lt_config_error(c, st, "%s in claim '%s' %s: \"%s\"", what, id, why,
	    text);
	return -1;
}

/* 'stated': a number, a period ("2025 - 2028") or a reference. */
static int load_stated(struct ctx *c, const setting *e, const char *id,
                       const char *where, lt_claim *cl)
{
	const setting *m = lt_config_member(c, e, "stated", where, 0);
	const char *text;

	if (m == NULL) {
		cl->stated_kind = LT_STATED_NONE;
		return 0;
	}
	if (lt_config_is_number(m)) {
		cl->stated_kind = LT_STATED_NUMBER;
		return lt_config_get_num(c, e, "stated", where, 1, ANY,
		                         &cl->stated) == 1 ? 0 : -1;
	}
	if (config_setting_type(m) != CONFIG_TYPE_STRING) {
		lt_config_error(c, m, "'stated' %s must be a number, a period like "
		    "\"2025 - 2028\" or a reference like \"programs.declared.total\" "
		    "(got %s)", where, lt_config_type_name(m));
		return -1;
	}
	text = lt_config_get_str(c, e, "stated", where, 1);
	if (text == NULL)
		return -1;
	if (isdigit((unsigned char)text[strspn(text, " ")])) {
		char q[256];

		cl->stated_kind = LT_STATED_PERIOD;
		if (lt_period_parse(text, &cl->stated_from, &cl->stated_to) == 0 &&
		    cl->stated_from <= cl->stated_to)
			return 0;
		lt_config_error(c, m, "'stated' %s must be a period like \"2025 - "
		    "2028\", its years in order (got \"%s\")", where,
		    lt_config_quote(text, q, sizeof q));
		return -1;
	}
	cl->stated_kind = LT_STATED_REF;
	return load_ref(c, m, "'stated'", id, text, &cl->stated_ref);
}

/* 'of': one reference, or a list of them. */
static int load_of(struct ctx *c, const setting *e, const char *id,
                   const char *where, lt_claim *cl)
{
	const setting *m = lt_config_member(c, e, "of", where, 1);
	int i, n, err = 0;

	if (m == NULL)
		return -1;
	if (config_setting_type(m) == CONFIG_TYPE_STRING) {
		const char *text = lt_config_get_str(c, e, "of", where, 1);

		cl->of = lt_config_alloc_array(c, 1, sizeof *cl->of);
		if (text == NULL || cl->of == NULL)
			return -1;
		cl->n_of = 1;
		return load_ref(c, m, "'of'", id, text, &cl->of[0]);
	}
	if (!lt_config_is_seq(m) || config_setting_length(m) == 0) {
		lt_config_error(c, m, "'of' %s must be a reference or a non-empty "
		    "list of references like [\"figures[a]\", \"figures[b]\"] (got "
		    "%s)", where, lt_config_type_name(m));
		return -1;
	}
	n = config_setting_length(m);
	cl->of = lt_config_alloc_array(c, (size_t)n, sizeof *cl->of);
	if (cl->of == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		const setting *x = config_setting_get_elem(m, (unsigned)i);
		char what[48];
		const char *text;

		if (config_setting_type(x) != CONFIG_TYPE_STRING) {
			lt_config_error(c, x, "entry %d of 'of' %s must be a reference "
			    "in double quotes (got %s)", i + 1, where,
			    lt_config_type_name(x));
			err = 1;
			continue;
		}
		text = lt_config_copy(c, config_setting_get_string(x));
		snprintf(what, sizeof what, "entry %d of 'of'", i + 1);
		if (text == NULL || load_ref(c, x, what, id, text,
		                             &cl->of[cl->n_of]) != 0) {
			err = 1;
			continue;
		}
		cl->n_of++;
	}
	return err ? -1 : 0;
}

/* The keys only some kinds take: 'op' and 'measure' for inequalities,
 * 'scale' for ratios. */
static int load_kind_keys(struct ctx *c, const setting *e, const char *where,
                          lt_claim *cl)
{
	int ineq = cl->kind == LT_CLAIM_INEQUALITY, op, ms;
	const setting *m;

	op = lt_config_get_enum(c, e, "op", where, ineq, lt_claim_op_names);
	ms = lt_config_get_enum(c, e, "measure", where, 0, measure_names);
	if (op == -2 || ms == -2)
		return -1;
	if (!ineq && (op >= 0 || ms >= 0)) {
		lt_config_error(c, lt_config_member(c, e, op >= 0 ? "op" : "measure",
		    where, 0), "'%s' %s belongs to a claim of kind \"inequality\"",
		    op >= 0 ? "op" : "measure", where);
		return -1;
	}
	cl->op = op >= 0 ? (lt_claim_op)op : LT_OP_GE;
	cl->measure = ms < 0 || ms == 4 ? LT_CLAIM_SAME : (lt_claim_kind)ms;
	cl->scale = 1.0;
	m = lt_config_member(c, e, "scale", where, 0);
	if (m != NULL && cl->kind != LT_CLAIM_RATIO &&
	    cl->measure != LT_CLAIM_RATIO) {
		lt_config_error(c, m, "'scale' %s belongs to a ratio", where);
		return -1;
	}
	return lt_config_get_num(c, e, "scale", where, 0, POSITIVE,
	                         &cl->scale) < 0 ? -1 : 0;
}

static void load_claim(struct ctx *c, const setting *e, int i, lt_claim *cl)
{
	static const char *const keys[] = {"id", "kind", "what", "stated", "of",
	    "op", "measure", "scale", "tolerance", "unit", "hedge", "source",
	    NULL};
	char where[160], why[LT_ERROR_MSG_MAX / 2];
	int kind, err = 0;
	const char *id;

	snprintf(where, sizeof where, "in entry %d of 'claims'", i + 1);
	cl->line = lt_config_line(e);
	cl->id = lt_config_get_ident(c, e, "id", where);
	if (cl->id != NULL)
		snprintf(where, sizeof where, "in claim '%s'", cl->id);
	id = cl->id != NULL ? cl->id : "?";
	lt_config_check_keys(c, e, where, keys, 0);
	kind = lt_config_get_enum(c, e, "kind", where, 1, lt_claim_kind_names);
	cl->what = lt_config_get_str(c, e, "what", where, 0);
	if (cl->what != NULL && strlen(cl->what) > WHAT_MAX) {
		lt_config_error(c, lt_config_member(c, e, "what", where, 0), "'what' "
		    "%s must be at most %d bytes (got %zu): say the rest in a "
		    "comment", where, WHAT_MAX, strlen(cl->what));
		err = 1;
	}
	cl->unit = lt_config_get_str(c, e, "unit", where, 0);
	cl->hedge = lt_config_get_str(c, e, "hedge", where, 0);
	cl->source = lt_config_get_str(c, e, "source", where, 1);
	err |= lt_config_get_num(c, e, "tolerance", where, 0, NONNEG,
	                         &cl->tolerance) < 0;
	if (kind < 0)
		return;
	cl->kind = (lt_claim_kind)kind;
	err |= load_kind_keys(c, e, where, cl) != 0;
	err |= load_stated(c, e, id, where, cl) != 0;
	if (cl->stated_kind == LT_STATED_NONE && cl->kind != LT_CLAIM_SAME) {
		lt_config_member(c, e, "stated", where, 1);
		err = 1;
	}
	err |= load_of(c, e, id, where, cl) != 0;
	if (!err && lt_claim_check(c->s, cl, why, sizeof why) != 0)
		lt_config_error(c, lt_config_member(c, e, "of", where, 0),
		    "claim '%s' %s", id, why);
}

static void load_claim_item(struct ctx *c, const setting *e, int i,
                            void *item)
{
	load_claim(c, e, i, item);
}

static const char *claim_id(const void *item)
{
	return ((const lt_claim *)item)->id;
}

static int claim_line(const void *item)
{
	return ((const lt_claim *)item)->line;
}

void lt_config_load_claims(struct ctx *c, const setting *root)
{
	static const struct id_list L = {"claims", "claim",
	    "{ id = \"...\"; kind = \"sum\"; ... }", sizeof(lt_claim),
	    load_claim_item, claim_id, claim_line};
	void *items = NULL;

	load_id_list(c, root, &L, &items, &c->s->n_claims);
	c->s->claims = items;
}
