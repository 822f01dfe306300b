/* table_doc.c - documents: ordered trees of fields, lines, tables and
 * nested documents, rendered whole as text, CSV or JSON (see table.h).
 * The tables and cells they hold are table.c's. */
#include "table_private.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/text.h"

/* ---- documents ---------------------------------------------------------- */

enum item_kind { ITEM_FIELD, ITEM_LINE, ITEM_TABLE, ITEM_CHILD, ITEM_LIST };

struct item {
	enum item_kind kind;
	unsigned show;
	char *key;
	char *label[2];     /* field: label; table: title; by lt_lang */
	lt_cell cell;       /* field */
	char *text;         /* line */
	lt_table *table;    /* table */
	lt_doc **docs;      /* child: one; list: n_docs */
	size_t n_docs;
};

struct lt_doc {
	char *title[2];
	struct item *items;
	size_t n, cap;
	int failed;
};

lt_doc *lt_doc_alloc(const char *title_en, const char *title_vi)
{
	lt_doc *d = lt_calloc(1, sizeof *d);

	if (d == NULL)
		return NULL;
	d->title[LT_LANG_EN] = lt_table_str_dup(title_en);
	d->title[LT_LANG_VI] = lt_table_str_dup(title_vi != NULL ? title_vi : title_en);
	if (title_en != NULL && (d->title[0] == NULL || d->title[1] == NULL)) {
		lt_doc_free(d);
		return NULL;
	}
	return d;
}

void lt_doc_free(lt_doc *d)
{
	size_t i, k;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		struct item *it = &d->items[i];

		free(it->key);
		free(it->label[0]);
		free(it->label[1]);
		lt_table_cell_release(&it->cell);
		free(it->text);
		lt_table_free(it->table);
		for (k = 0; k < it->n_docs; k++)
			lt_doc_free(it->docs[k]);
		free(it->docs);
	}
	free(d->items);
	free(d->title[0]);
	free(d->title[1]);
	free(d);
}

/* A new item at the end of D with KEY and the two labels, or NULL (D is
 * then marked failed). */
static struct item *add_item(lt_doc *d, enum item_kind kind, unsigned show,
                             const char *key, const char *en, const char *vi)
{
	struct item *it;

	if (d == NULL || d->failed)
		return NULL;
	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 8;
		struct item *p = lt_realloc(d->items, cap * sizeof *p);

		if (p == NULL)
			goto fail;
		d->items = p;
		d->cap = cap;
	}
	it = &d->items[d->n];
	memset(it, 0, sizeof *it);
	it->cell = lt_table_cell_blank();
	it->kind = kind;
	it->show = show;
	it->key = lt_table_str_dup(key != NULL ? key : "");
	it->label[LT_LANG_EN] = lt_table_str_dup(en);
	it->label[LT_LANG_VI] = lt_table_str_dup(vi != NULL ? vi : en);
	d->n++;
	if (it->key == NULL || (en != NULL && (it->label[0] == NULL ||
	                                       it->label[1] == NULL)))
		goto fail;
	return it;
fail:
	d->failed = 1;
	return NULL;
}

int lt_doc_field(lt_doc *d, const char *key, const char *label_en,
                 const char *label_vi, lt_cell c, unsigned show)
{
	struct item *it = add_item(d, ITEM_FIELD, show, key, label_en, label_vi);

	if (it == NULL)
		return LT_ENOMEM;
	if (lt_table_cell_store(&it->cell, c) != 0) {
		d->failed = 1;
		return LT_ENOMEM;
	}
	return 0;
}

int lt_doc_line(lt_doc *d, const char *text)
{
	struct item *it = add_item(d, ITEM_LINE, LT_SHOW_TEXT, NULL, NULL, NULL);

	if (it == NULL)
		return LT_ENOMEM;
	it->text = lt_table_str_dup(text);
	if (it->text == NULL) {
		d->failed = 1;
		return LT_ENOMEM;
	}
	return 0;
}

int lt_doc_linef(lt_doc *d, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int rc;

	va_start(ap, fmt);
	s = lt_table_vformat(fmt, ap);
	va_end(ap);
	if (s == NULL) {
		if (d != NULL)
			d->failed = 1;
		return LT_ENOMEM;
	}
	rc = lt_doc_line(d, s);
	free(s);
	return rc;
}

lt_table *lt_doc_table(lt_doc *d, const char *key, const char *title_en,
                       const char *title_vi, size_t ncols, unsigned show)
{
	struct item *it = add_item(d, ITEM_TABLE, show, key, title_en, title_vi);

	if (it == NULL)
		return NULL;
	it->table = lt_table_alloc(ncols);
	if (it->table == NULL)
		d->failed = 1;
	return it->table;
}

/* Append a new document to item IT; returns it or NULL (D failed). */
static lt_doc *add_doc(lt_doc *d, struct item *it, const char *title_en,
                       const char *title_vi)
{
	lt_doc **p, *child;

	if (it == NULL)
		return NULL;
	p = lt_realloc(it->docs, (it->n_docs + 1) * sizeof *p);
	if (p == NULL) {
		d->failed = 1;
		return NULL;
	}
	it->docs = p;
	child = lt_doc_alloc(title_en, title_vi);
	if (child == NULL) {
		d->failed = 1;
		return NULL;
	}
	it->docs[it->n_docs++] = child;
	return child;
}

lt_doc *lt_doc_child(lt_doc *d, const char *key, const char *title_en,
                     const char *title_vi, unsigned show)
{
	return add_doc(d, add_item(d, ITEM_CHILD, show, key, NULL, NULL),
	               title_en, title_vi);
}

/* The list KEY of D, or NULL. */
static struct item *find_list(lt_doc *d, const char *key)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->items[i].kind == ITEM_LIST && strcmp(d->items[i].key,
		                                            key != NULL ? key : "") == 0)
			return &d->items[i];
	return NULL;
}

int lt_doc_list(lt_doc *d, const char *key, unsigned show)
{
	if (d == NULL || d->failed)
		return LT_ENOMEM;
	if (find_list(d, key) != NULL)
		return 0;
	return add_item(d, ITEM_LIST, show, key, NULL, NULL) != NULL ? 0
	       : LT_ENOMEM;
}

lt_doc *lt_doc_list_item(lt_doc *d, const char *key, const char *title_en,
                         const char *title_vi, unsigned show)
{
	struct item *it;

	if (d == NULL || d->failed)
		return NULL;
	it = find_list(d, key);
	if (it != NULL)
		return add_doc(d, it, title_en, title_vi);
	return add_doc(d, add_item(d, ITEM_LIST, show, key, NULL, NULL), title_en,
	               title_vi);
}

/* 1 when building D or anything in it ran out of memory. */
static int doc_failed(const lt_doc *d)
{
	size_t i, k;

	if (d->failed)
		return 1;
	for (i = 0; i < d->n; i++) {
		if (d->items[i].table != NULL && lt_table_failed(d->items[i].table))
			return 1;
		for (k = 0; k < d->items[i].n_docs; k++)
			if (doc_failed(d->items[i].docs[k]))
				return 1;
	}
	return 0;
}

/* ---- documents as text -------------------------------------------------- */

struct text_state {
	lt_sink *out;
	lt_lang lang;
	int printed;  /* something was written: sections start with a blank line */
	int rc;
};

static void doc_text(const lt_doc *d, int indent, struct text_state *st);

/* Fields ITEMS[FROM..TO-1] (text-visible ones) as "label  value" lines,
 * labels padded to the widest. */
static void fields_text(const struct item *items, size_t from, size_t to,
                        int indent, struct text_state *st)
{
	char value[LT_TABLE_CELL_BYTES];
	size_t i, w = 0;

	for (i = from; i < to; i++)
		if ((items[i].show & LT_SHOW_TEXT) && items[i].label[0] != NULL &&
		    lt_text_width(items[i].label[st->lang]) > w)
			w = lt_text_width(items[i].label[st->lang]);
	for (i = from; i < to; i++) {
		const char *label = items[i].label[0] != NULL
		                    ? items[i].label[st->lang] : "";

		if (!(items[i].show & LT_SHOW_TEXT))
			continue;
		lt_sink_repeat(st->out, ' ', (size_t)indent);
		lt_sink_puts(st->out, label);
		lt_sink_repeat(st->out, ' ', w - lt_text_width(label) + 2);
		lt_cell_format(&items[i].cell, st->lang, value, sizeof value);
		lt_sink_printf(st->out, "%s%s\n", value, items[i].cell.mark != NULL
		               ? items[i].cell.mark : "");
		st->printed = 1;
	}
}

/* A section: a blank line, the title at INDENT, the items further in. */
static void section_text(const lt_doc *d, int indent, struct text_state *st)
{
	if (st->printed)
		lt_sink_puts(st->out, "\n");
	if (d->title[0] != NULL) {
		lt_sink_repeat(st->out, ' ', (size_t)indent);
		lt_sink_printf(st->out, "%s\n", d->title[st->lang]);
		st->printed = 1;
	}
	doc_text(d, indent + 2, st);
}

static void item_text(const struct item *it, int indent, struct text_state *st)
{
	size_t k;
	int rc;

	switch (it->kind) {
	case ITEM_LINE:
		if (it->text[0] != '\0')
			lt_sink_repeat(st->out, ' ', (size_t)indent);
		lt_sink_printf(st->out, "%s\n", it->text);
		st->printed = 1;
		break;
	case ITEM_TABLE:
		if (it->label[0] != NULL) {
			lt_sink_repeat(st->out, ' ', (size_t)indent);
			lt_sink_printf(st->out, "%s\n", it->label[st->lang]);
		}
		rc = lt_table_write_text(it->table, st->lang, indent, st->out);
		if (rc != LT_OK && st->rc == LT_OK)
			st->rc = rc;
		st->printed = 1;
		break;
	case ITEM_CHILD:
	case ITEM_LIST:
		for (k = 0; k < it->n_docs; k++)
			section_text(it->docs[k], indent, st);
		break;
	default:
		break;
	}
}

static void doc_text(const lt_doc *d, int indent, struct text_state *st)
{
	size_t i, j;

	for (i = 0; i < d->n; i = j) {
		j = i + 1;
		if (d->items[i].kind == ITEM_FIELD) {
			while (j < d->n && d->items[j].kind == ITEM_FIELD)
				j++;
			fields_text(d->items, i, j, indent, st);
		} else if (d->items[i].show & LT_SHOW_TEXT) {
			item_text(&d->items[i], indent, st);
		}
	}
}

/* ---- walking a document's tables --------------------------------------- */

/* The tables of D shown in SHOW, in CSV's order (doc_csv's walk); SHOWN
 * are the formats that show D itself. */
static int each_table(const lt_doc *d, unsigned show, unsigned shown,
                      lt_doc_table_fn fn, void *data)
{
	size_t i, k;
	int rc;

	for (i = 0; i < d->n; i++) {
		const struct item *it = &d->items[i];

		if (!(it->show & show))
			continue;
		for (k = 0; k < it->n_docs; k++)
			if ((rc = each_table(it->docs[k], show, shown & it->show, fn,
			                     data)) != 0)
				return rc;
		if (it->kind == ITEM_TABLE &&
		    (rc = fn(it->table, it->key, shown & it->show, data)) != 0)
			return rc;
	}
	return 0;
}

int lt_doc_each_table(const lt_doc *d, unsigned show, lt_doc_table_fn fn,
                      void *data)
{
	if (d == NULL || doc_failed(d))
		return LT_ENOMEM;
	return each_table(d, show, LT_SHOW_ALL, fn, data);
}

/* ---- documents as CSV and JSON ----------------------------------------- */

struct csv_state {
	lt_sink *out;
	const lt_table *first; /* the first table written, for its columns */
	int rc;
};

static void doc_csv(const lt_doc *d, struct csv_state *st)
{
	size_t i, k;

	for (i = 0; i < d->n && st->rc == LT_OK; i++) {
		const struct item *it = &d->items[i];

		if (!(it->show & LT_SHOW_CSV))
			continue;
		for (k = 0; k < it->n_docs; k++)
			doc_csv(it->docs[k], st);
		if (it->kind != ITEM_TABLE)
			continue;
		if (st->first != NULL && !lt_table_same_csv_columns(st->first, it->table)) {
			st->rc = LT_EINVAL;
			return;
		}
		st->rc = lt_table_write_csv(it->table, st->first == NULL, st->out);
		if (st->first == NULL)
			st->first = it->table;
	}
}

/* D as a JSON object (new reference), or NULL when out of memory. */
static json_t *doc_json(const lt_doc *d)
{
	json_t *o = json_object(), *v;
	size_t i, k;

	for (i = 0; o != NULL && i < d->n; i++) {
		const struct item *it = &d->items[i];

		if (!(it->show & LT_SHOW_JSON) || it->kind == ITEM_LINE)
			continue;
		if (it->kind == ITEM_FIELD)
			v = lt_table_cell_json(&it->cell);
		else if (it->kind == ITEM_TABLE)
			v = lt_table_json(it->table);
		else if (it->kind == ITEM_CHILD)
			v = doc_json(it->docs[0]);
		else
			for (v = json_array(), k = 0; v != NULL && k < it->n_docs; k++)
				if (json_array_append_new(v, doc_json(it->docs[k])) != 0) {
					json_decref(v);
					v = NULL;
				}
		if (v == NULL || json_object_set_new(o, it->key, v) != 0) {
			json_decref(o);
			return NULL;
		}
	}
	return o;
}

/* jansson's dump callback: write into the sink. */
static int dump_to_sink(const char *buf, size_t size, void *data)
{
	return lt_sink_write(data, buf, size) == LT_OK ? 0 : -1;
}

static int doc_render_json(const lt_doc *d, lt_sink *out)
{
	json_t *o = doc_json(d);
	int rc;

	if (o == NULL)
		return LT_ENOMEM;
	/* 17 significant digits read back to the same double (IEEE 754) */
	rc = json_dump_callback(o, dump_to_sink, out, JSON_INDENT(2) |
	                        JSON_REAL_PRECISION(17) | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (rc != 0)
		return lt_sink_status(out) != LT_OK ? lt_sink_status(out) : LT_ENOMEM;
	return lt_sink_puts(out, "\n");
}

int lt_doc_render(const lt_doc *d, lt_format format, lt_lang lang,
                  lt_sink *out, lt_diag *diag)
{
	int rc;

	if (d == NULL || doc_failed(d))
		return lt_error_raise(diag, LT_ENOMEM, "", 0, "out of memory");
	if (format == LT_FORMAT_XLSX)
		return lt_error_raise(diag, LT_EINVAL, "", 0, "a workbook is "
		                      "written to a file (lt_xlsx_write), not to "
		                      "a stream");
	if (format == LT_FORMAT_TABLE) {
		struct text_state st = {out, lang, 0, LT_OK};

		if (d->title[0] != NULL) {
			lt_sink_printf(out, "%s\n", d->title[lang]);
			st.printed = 1;
		}
		doc_text(d, 0, &st);
		rc = st.rc != LT_OK ? st.rc : lt_sink_status(out);
	} else if (format == LT_FORMAT_CSV) {
		struct csv_state st = {out, NULL, LT_OK};

		doc_csv(d, &st);
		if (st.rc == LT_EINVAL)
			return lt_error_raise(diag, LT_EINVAL, "", 0, "the tables of this "
			                      "result differ in their columns and cannot "
			                      "be one CSV table");
		rc = st.rc != LT_OK ? st.rc : lt_sink_status(out);
	} else {
		rc = doc_render_json(d, out);
	}
	if (rc == LT_ENOMEM)
		return lt_error_raise(diag, rc, "", 0, "out of memory");
	/* a sink failure is reported when the sink is closed */
	return rc;
}
