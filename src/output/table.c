/* table.c - typed result tables, rendered as text, CSV and JSON (see
 * table.h; documents, which hold tables, are table_doc.c).
 *
 * Cells are stored typed, with their strings copied; a format decides how
 * they look only when the table is written.  Text is built a line at a
 * time in a memory sink so that trailing blanks can be dropped, then
 * written to the caller's sink.  JSON goes through jansson (DESIGN §7: "JSON
 * through a library, not by hand"), dumped straight into the sink.
 */
#include "table_private.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/text.h"

/* What text shows for a missing value without a reason (an en dash). */
#define MISSING_TEXT "–"

/* The text of a blank cell: a sentinel so that it is never freed. */
static const char blank[] = "";

/* ---- cells -------------------------------------------------------------- */

lt_cell lt_cell_text(const char *s)
{
	lt_cell c = {LT_CELL_TEXT, s, 0.0, 0, 0, 0, NULL, NULL};

	return c;
}

lt_cell lt_cell_number(double v, int prec, unsigned style, const char *unit)
{
	lt_cell c = {LT_CELL_NUMBER, NULL, v, 0, prec, style, unit, NULL};

	return c;
}

lt_cell lt_cell_int(long long v)
{
	lt_cell c = {LT_CELL_INTEGER, NULL, 0.0, v, 0, 0, NULL, NULL};

	return c;
}

lt_cell lt_cell_year(int year)
{
	lt_cell c = {LT_CELL_YEAR, NULL, 0.0, year, 0, 0, NULL, NULL};

	return c;
}

lt_cell lt_cell_bool(int v)
{
	lt_cell c = {LT_CELL_BOOL, NULL, 0.0, v != 0, 0, 0, NULL, NULL};

	return c;
}

lt_cell lt_cell_missing(const char *reason)
{
	lt_cell c = {LT_CELL_MISSING, reason, 0.0, 0, 0, 0, NULL, NULL};

	return c;
}

lt_cell lt_cell_marked(lt_cell c, const char *mark)
{
	c.mark = mark;
	return c;
}

char *lt_table_str_dup(const char *s)
{
	size_t n;
	char *p;

	if (s == NULL)
		return NULL;
	if (s == blank)
		return (char *)blank;
	n = strlen(s) + 1;
	p = lt_malloc(n);
	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

void lt_table_str_free(const char *s)
{
	if (s != blank)
		free((char *)s);
}

/* Copy C's strings into *DST; returns 0 or LT_ENOMEM (then *DST is a
 * blank cell). */
int lt_table_cell_store(lt_cell *dst, lt_cell c)
{
	lt_cell copy = c;

	copy.text = lt_table_str_dup(c.text);
	copy.unit = lt_table_str_dup(c.unit);
	copy.mark = lt_table_str_dup(c.mark);
	if ((c.text != NULL && copy.text == NULL) ||
	    (c.unit != NULL && copy.unit == NULL) ||
	    (c.mark != NULL && copy.mark == NULL)) {
		lt_table_str_free(copy.text);
		lt_table_str_free(copy.unit);
		lt_table_str_free(copy.mark);
		*dst = lt_cell_missing(blank);
		return LT_ENOMEM;
	}
	*dst = copy;
	return 0;
}

void lt_table_cell_release(lt_cell *c)
{
	lt_table_str_free(c->text);
	lt_table_str_free(c->unit);
	lt_table_str_free(c->mark);
	*c = lt_cell_missing(blank);
}

/* Drop LANG's thousands separator from the number text S in place. */
static void ungroup(char *s, lt_lang lang)
{
	char group = lang == LT_LANG_VI ? '.' : ',';
	char *w = s;

	for (; *s != '\0'; s++)
		if (*s != group)
			*w++ = *s;
	*w = '\0';
}

/* An integer grouped by thousands in LANG's convention. */
static char *format_integer(long long v, lt_lang lang, char *buf, size_t size)
{
	char raw[32], out[48];
	const char *p = raw;
	size_t n = 0, len, i;

	snprintf(raw, sizeof raw, "%lld", v);
	if (*p == '-')
		out[n++] = *p++;
	len = strlen(p);
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[n++] = lang == LT_LANG_VI ? '.' : ',';
		out[n++] = p[i];
	}
	out[n] = '\0';
	snprintf(buf, size, "%s", out);
	return buf;
}

/* A finite number as text per its style. */
static void format_number(const lt_cell *c, lt_lang lang, char *buf,
                          size_t size)
{
	double v = c->number == 0.0 ? 0.0 : c->number; /* no "-0" */
	char num[600];

	if (c->style & LT_NUM_SIG) {
		char *p;

		snprintf(num, sizeof num, (c->style & LT_NUM_SIGN) ? "%+.*g" : "%.*g",
		         c->prec > 0 ? c->prec : 1, v);
		if (lang == LT_LANG_VI && (p = strchr(num, '.')) != NULL)
			*p = ',';
	} else {
		lt_format_number(v, c->prec, (c->style & LT_NUM_TRIM) != 0, lang,
		                 num + 1, sizeof num - 1);
		if (c->style & LT_NUM_PLAIN)
			ungroup(num + 1, lang);
		num[0] = '+';
		/* a '+' only before a number that did not round to zero */
		if (!((c->style & LT_NUM_SIGN) && v > 0.0 &&
		      strpbrk(num + 1, "123456789") != NULL))
			memmove(num, num + 1, strlen(num));
	}
	if (c->unit != NULL && c->unit[0] != '\0')
		snprintf(buf, size, "%s%s%s", num, c->unit[0] == '%' ? "" : " ",
		         c->unit);
	else
		snprintf(buf, size, "%s", num);
}

char *lt_cell_format(const lt_cell *c, lt_lang lang, char *buf, size_t size)
{
	switch (c->kind) {
	case LT_CELL_TEXT:
		snprintf(buf, size, "%s", c->text != NULL ? c->text : "");
		break;
	case LT_CELL_NUMBER:
		if (isfinite(c->number))
			format_number(c, lang, buf, size);
		else
			snprintf(buf, size, "%s", MISSING_TEXT);
		break;
	case LT_CELL_INTEGER:
		format_integer(c->integer, lang, buf, size);
		break;
	case LT_CELL_YEAR:
		snprintf(buf, size, "%lld", c->integer);
		break;
	case LT_CELL_BOOL:
		snprintf(buf, size, "%s", c->integer
		         ? (lang == LT_LANG_VI ? "có" : "yes")
		         : (lang == LT_LANG_VI ? "không" : "no"));
		break;
	default:
		snprintf(buf, size, "%s", c->text != NULL ? c->text : MISSING_TEXT);
		break;
	}
	return buf;
}

/* The shortest of %.15g, %.16g and %.17g that reads back as V: 15 digits
 * keep decimal inputs such as 3.94 as written, 17 always round-trip. */
static void plain_number(double v, char *buf, size_t size)
{
	int digits;

	for (digits = 15; digits < 17; digits++) {
		snprintf(buf, size, "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			return;
	}
	snprintf(buf, size, "%.17g", v);
}

/* 1 if S is a plain decimal number ("-3.5", "+2e3"), which a spreadsheet
 * reads as a number, not a formula. */
static int plain_decimal(const char *s)
{
	double v;

	return strspn(s, "0123456789+-.eE") == strlen(s) &&
	       lt_parse_double(s, &v) == 0;
}

/* The "'" that guards text a spreadsheet would run as a formula, or "". */
static const char *formula_guard(const char *s)
{
	if (s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL && !plain_decimal(s))
		return "'";
	return "";
}

char *lt_cell_csv(const lt_cell *c, char *buf, size_t size)
{
	switch (c->kind) {
	case LT_CELL_TEXT:
		snprintf(buf, size, "%s%s", formula_guard(c->text), c->text);
		break;
	case LT_CELL_NUMBER:
		if (isfinite(c->number))
			plain_number(c->number, buf, size);
		else
			snprintf(buf, size, "%s", "");
		break;
	case LT_CELL_INTEGER:
	case LT_CELL_YEAR:
		snprintf(buf, size, "%lld", c->integer);
		break;
	case LT_CELL_BOOL:
		snprintf(buf, size, "%s", c->integer ? "true" : "false");
		break;
	default:
		snprintf(buf, size, "%s", "");
		break;
	}
	return buf;
}

/* C as a JSON value (new reference), or NULL when out of memory. */
json_t *lt_table_cell_json(const lt_cell *c)
{
	json_t *j;

	switch (c->kind) {
	case LT_CELL_TEXT:
		/* text that is not UTF-8 (a file name) cannot be a JSON string */
		j = json_string(c->text);
		return j != NULL ? j : json_null();
	case LT_CELL_NUMBER:
		return isfinite(c->number) ? json_real(c->number) : json_null();
	case LT_CELL_INTEGER:
	case LT_CELL_YEAR:
		return json_integer((json_int_t)c->integer);
	case LT_CELL_BOOL:
		return json_boolean(c->integer);
	default:
		return json_null();
	}
}

/* ---- tables ------------------------------------------------------------- */

struct column {
	char *key;
	char *head[2];   /* by lt_lang */
	lt_align align;
	unsigned show;
	size_t max;      /* display columns, 0 for no limit */
};

struct lt_table {
	size_t ncols, nrows, cap;
	struct column *cols;
	lt_cell *cells;  /* nrows * ncols, row-major */
	int failed;      /* memory ran out while building */
	int no_header;
};

lt_table *lt_table_alloc(size_t ncols)
{
	lt_table *t;
	size_t c;

	if (ncols == 0)
		return NULL;
	t = lt_calloc(1, sizeof *t);
	if (t == NULL)
		return NULL;
	t->cols = lt_calloc(ncols, sizeof *t->cols);
	if (t->cols == NULL) {
		free(t);
		return NULL;
	}
	t->ncols = ncols;
	for (c = 0; c < ncols; c++)
		t->cols[c].show = LT_SHOW_ALL;
	return t;
}

void lt_table_free(lt_table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ncols; i++) {
		free(t->cols[i].key);
		free(t->cols[i].head[0]);
		free(t->cols[i].head[1]);
	}
	for (i = 0; i < t->nrows * t->ncols; i++)
		lt_table_cell_release(&t->cells[i]);
	free(t->cells);
	free(t->cols);
	free(t);
}

/* Mark T failed and return LT_ENOMEM. */
static int table_oom(lt_table *t)
{
	t->failed = 1;
	return LT_ENOMEM;
}

int lt_table_set_column(lt_table *t, size_t col, const char *key,
                        const char *head_en, const char *head_vi,
                        lt_align align, unsigned show)
{
	struct column *c;
	char *k, *en, *vi;

	if (t == NULL)
		return LT_ENOMEM;
	if (col >= t->ncols)
		return LT_EINVAL;
	k = lt_table_str_dup(key);
	en = lt_table_str_dup(head_en);
	vi = lt_table_str_dup(head_vi != NULL ? head_vi : head_en);
	if (k == NULL || en == NULL || vi == NULL) {
		free(k);
		free(en);
		free(vi);
		return table_oom(t);
	}
	c = &t->cols[col];
	free(c->key);
	free(c->head[0]);
	free(c->head[1]);
	c->key = k;
	c->head[LT_LANG_EN] = en;
	c->head[LT_LANG_VI] = vi;
	c->align = align;
	c->show = show;
	return 0;
}

int lt_table_set_header(lt_table *t, size_t col, const char *text,
                        lt_align align)
{
	return lt_table_set_column(t, col, text, text, text, align, LT_SHOW_ALL);
}

void lt_table_set_max_width(lt_table *t, size_t col, size_t max_cols)
{
	if (t != NULL && col < t->ncols)
		t->cols[col].max = max_cols;
}

void lt_table_hide_header(lt_table *t)
{
	if (t != NULL)
		t->no_header = 1;
}

int lt_table_add_row(lt_table *t)
{
	size_t c;

	if (t == NULL || t->failed)
		return LT_ENOMEM;
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		lt_cell *p = lt_realloc(t->cells, cap * t->ncols * sizeof *p);

		if (p == NULL)
			return table_oom(t);
		t->cells = p;
		t->cap = cap;
	}
	for (c = 0; c < t->ncols; c++)
		t->cells[t->nrows * t->ncols + c] = lt_cell_missing(blank);
	t->nrows++;
	return 0;
}

int lt_table_put(lt_table *t, size_t col, lt_cell c)
{
	lt_cell *cell;

	if (t == NULL || t->failed)
		return LT_ENOMEM;
	if (t->nrows == 0 || col >= t->ncols)
		return LT_EINVAL;
	cell = &t->cells[(t->nrows - 1) * t->ncols + col];
	lt_table_cell_release(cell);
	if (lt_table_cell_store(cell, c) != 0)
		return table_oom(t);
	return 0;
}

int lt_table_set(lt_table *t, size_t col, const char *text)
{
	return lt_table_put(t, col, lt_cell_text(text));
}

/* vsnprintf into a new string (caller frees), or NULL. */
char *lt_table_vformat(const char *fmt, va_list ap)
{
	va_list again;
	char *s;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0)
		return NULL;
	s = lt_malloc((size_t)n + 1);
	if (s != NULL)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

int lt_table_setf(lt_table *t, size_t col, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int rc;

	va_start(ap, fmt);
	s = lt_table_vformat(fmt, ap);
	va_end(ap);
	if (s == NULL)
		return t != NULL ? table_oom(t) : LT_ENOMEM;
	rc = lt_table_set(t, col, s);
	free(s);
	return rc;
}

size_t lt_table_rows(const lt_table *t)
{
	return t != NULL ? t->nrows : 0;
}

size_t lt_table_cols(const lt_table *t)
{
	return t != NULL ? t->ncols : 0;
}

const char *lt_table_column_key(const lt_table *t, size_t col)
{
	return t != NULL && col < t->ncols ? t->cols[col].key : NULL;
}

const char *lt_table_column_head(const lt_table *t, size_t col, lt_lang lang)
{
	return t != NULL && col < t->ncols ? t->cols[col].head[lang] : NULL;
}

unsigned lt_table_column_show(const lt_table *t, size_t col)
{
	return t != NULL && col < t->ncols ? t->cols[col].show : 0;
}

const lt_cell *lt_table_cell(const lt_table *t, size_t row, size_t col)
{
	if (t == NULL || row >= t->nrows || col >= t->ncols)
		return NULL;
	return &t->cells[row * t->ncols + col];
}

/* ---- tables as text ----------------------------------------------------- */


/* The text of cell C in column COL as printed: formatted, shortened to the
 * column's limit, then its marker padded to MARK_W columns. */
static const char *cell_shown(const lt_table *t, size_t col, const lt_cell *c,
                              lt_lang lang, size_t mark_w, char *buf,
                              size_t size)
{
	char raw[LT_TABLE_CELL_BYTES], cut[LT_TABLE_CELL_BYTES];
	const char *s = lt_cell_format(c, lang, raw, sizeof raw);
	const char *mark = c->mark != NULL ? c->mark : "";
	size_t w;

	if (t->cols[col].max > 0)
		s = lt_text_shorten(s, t->cols[col].max, cut, sizeof cut);
	w = lt_text_width(mark);
	snprintf(buf, size, "%s%s%*s", s, mark, (int)(mark_w > w ? mark_w - w : 0),
	         "");
	return buf;
}

/* Widest marker in column COL. */
static size_t mark_width(const lt_table *t, size_t col)
{
	size_t r, w = 0;

	for (r = 0; r < t->nrows; r++) {
		const lt_cell *c = &t->cells[r * t->ncols + col];

		if (c->mark != NULL && lt_text_width(c->mark) > w)
			w = lt_text_width(c->mark);
	}
	return w;
}

/* Write one line: INDENT, then TEXTS[c] of every shown column padded to
 * WIDTH[c]; trailing blanks dropped. */
static void text_row(const lt_table *t, int indent, const char *const *texts,
                     const size_t *width, lt_sink *out, lt_sink *line)
{
	const char *s;
	size_t c, len, w;
	int first = 1;

	lt_sink_repeat(line, ' ', (size_t)indent);
	for (c = 0; c < t->ncols; c++) {
		if (!(t->cols[c].show & LT_SHOW_TEXT))
			continue;
		if (!first)
			lt_sink_puts(line, "  ");
		first = 0;
		w = lt_text_width(texts[c]);
		if (t->cols[c].align == LT_RIGHT)
			lt_sink_repeat(line, ' ', width[c] - w);
		lt_sink_puts(line, texts[c]);
		if (t->cols[c].align == LT_LEFT)
			lt_sink_repeat(line, ' ', width[c] - w);
	}
	s = lt_sink_text(line, &len);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	lt_sink_write(out, s, len);
	lt_sink_puts(out, "\n");
}

/* The texts of row R (R == (size_t)-1: the header) into TEXTS, backed by
 * STORE (ncols * LT_TABLE_CELL_BYTES). */
static void row_texts(const lt_table *t, size_t r, lt_lang lang,
                      const size_t *mark_w, const char **texts, char *store)
{
	size_t c;

	for (c = 0; c < t->ncols; c++) {
		char *buf = store + c * LT_TABLE_CELL_BYTES;

		if (r == (size_t)-1)
			texts[c] = t->cols[c].head[lang] != NULL ? t->cols[c].head[lang]
			           : "";
		else
			texts[c] = cell_shown(t, c, &t->cells[r * t->ncols + c], lang,
			                      mark_w[c], buf, LT_TABLE_CELL_BYTES);
		if (r == (size_t)-1 && t->cols[c].max > 0)
			texts[c] = lt_text_shorten(texts[c], t->cols[c].max, buf,
			                           LT_TABLE_CELL_BYTES);
	}
}

/* Column widths over the header and every row. */
static void text_widths(const lt_table *t, lt_lang lang, const size_t *mark_w,
                        size_t *width, const char **texts, char *store)
{
	size_t r, c;

	for (c = 0; c < t->ncols; c++)
		width[c] = 0;
	for (r = t->no_header ? 0 : (size_t)-1; r != t->nrows; r++) {
		row_texts(t, r, lang, mark_w, texts, store);
		for (c = 0; c < t->ncols; c++)
			if (lt_text_width(texts[c]) > width[c])
				width[c] = lt_text_width(texts[c]);
	}
}

int lt_table_write_text(const lt_table *t, lt_lang lang, int indent,
                        lt_sink *out)
{
	size_t *width, *mark_w, r, c, rule = 0, shown = 0;
	const char **texts;
	char *store;
	int rc = LT_ENOMEM;

	if (t == NULL || t->failed)
		return LT_ENOMEM;
	width = lt_calloc(t->ncols, sizeof *width);
	mark_w = lt_calloc(t->ncols, sizeof *mark_w);
	texts = lt_calloc(t->ncols, sizeof *texts);
	store = lt_malloc(t->ncols * LT_TABLE_CELL_BYTES);
	if (width == NULL || mark_w == NULL || texts == NULL || store == NULL)
		goto done;
	for (c = 0; c < t->ncols; c++)
		mark_w[c] = mark_width(t, c);
	text_widths(t, lang, mark_w, width, texts, store);
	for (c = 0; c < t->ncols; c++)
		if (t->cols[c].show & LT_SHOW_TEXT)
			rule += width[c] + (shown++ > 0 ? 2 : 0);
	for (r = t->no_header ? 0 : (size_t)-1; shown > 0 && r != t->nrows; r++) {
		lt_sink *line = lt_sink_memory();

		rc = LT_ENOMEM; /* an earlier row left rc at LT_OK */
		if (line == NULL)
			goto done;
		row_texts(t, r, lang, mark_w, texts, store);
		text_row(t, indent, texts, width, out, line);
		rc = lt_sink_status(line);
		lt_sink_discard(line);
		if (rc != LT_OK)
			goto done;
		if (r == (size_t)-1) {
			lt_sink_repeat(out, ' ', (size_t)indent);
			lt_sink_repeat(out, '-', rule);
			lt_sink_puts(out, "\n");
		}
	}
	rc = lt_sink_status(out);
done:
	free(width);
	free(mark_w);
	free(texts);
	free(store);
	return rc;
}

void lt_table_print(const lt_table *t, FILE *out, int indent)
{
	lt_sink *s = lt_sink_memory();
	size_t len;
	const char *text;

	if (s == NULL)
		return;
	if (lt_table_write_text(t, LT_LANG_EN, indent, s) == LT_OK) {
		text = lt_sink_text(s, &len);
		fwrite(text, 1, len, out);
	}
	lt_sink_discard(s);
}

/* ---- tables as CSV ------------------------------------------------------ */

/* Write one field: PREFIX then S, quoted when either holds a comma, a
 * quote, a CR or an LF (RFC 4180 section 2, rules 6 and 7). */
static void csv_field(lt_sink *out, const char *prefix, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL && strpbrk(prefix, ",\"\r\n") == NULL) {
		lt_sink_puts(out, prefix);
		lt_sink_puts(out, s);
		return;
	}
	lt_sink_puts(out, "\"");
	lt_sink_puts(out, prefix);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			lt_sink_puts(out, "\"");
		lt_sink_write(out, s, 1);
	}
	lt_sink_puts(out, "\"");
}

static void csv_cell(lt_sink *out, const lt_cell *c)
{
	char buf[64];

	if (c->kind == LT_CELL_TEXT)
		csv_field(out, formula_guard(c->text), c->text);
	else
		csv_field(out, "", lt_cell_csv(c, buf, sizeof buf));
}

int lt_table_write_csv(const lt_table *t, int header, lt_sink *out)
{
	size_t r, c;
	int first;

	if (t == NULL || t->failed)
		return LT_ENOMEM;
	for (r = header ? (size_t)-1 : 0; r != t->nrows; r++) {
		first = 1;
		for (c = 0; c < t->ncols; c++) {
			if (!(t->cols[c].show & LT_SHOW_CSV))
				continue;
			if (!first)
				lt_sink_puts(out, ",");
			first = 0;
			if (r == (size_t)-1)
				csv_field(out, "", t->cols[c].key != NULL ? t->cols[c].key : "");
			else
				csv_cell(out, &t->cells[r * t->ncols + c]);
		}
		lt_sink_puts(out, "\r\n");
	}
	return lt_sink_status(out);
}

/* 1 when A and B show the same column keys in CSV. */
int lt_table_same_csv_columns(const lt_table *a, const lt_table *b)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < a->ncols && !(a->cols[i].show & LT_SHOW_CSV))
			i++;
		while (j < b->ncols && !(b->cols[j].show & LT_SHOW_CSV))
			j++;
		if (i == a->ncols || j == b->ncols)
			return i == a->ncols && j == b->ncols;
		if (strcmp(a->cols[i].key != NULL ? a->cols[i].key : "",
		           b->cols[j].key != NULL ? b->cols[j].key : "") != 0)
			return 0;
		i++;
		j++;
	}
}

/* T's JSON-visible columns of each row as an array of objects. */
json_t *lt_table_json(const lt_table *t)
{
	json_t *rows = json_array();
	size_t r, c;

	for (r = 0; rows != NULL && r < t->nrows; r++) {
		json_t *o = json_object();

		if (o == NULL || json_array_append_new(rows, o) != 0) {
			json_decref(rows);
			return NULL;
		}
		for (c = 0; c < t->ncols; c++)
			if ((t->cols[c].show & LT_SHOW_JSON) &&
			    json_object_set_new(o, t->cols[c].key != NULL ? t->cols[c].key
			                        : "", lt_table_cell_json(&t->cells[r * t->ncols + c]))
			    != 0) {
				json_decref(rows);
				return NULL;
			}
	}
	return rows;
}

lt_cell lt_table_cell_blank(void)
{
	return lt_cell_missing(blank);
}

int lt_table_failed(const lt_table *t)
{
	return t->failed;
}
