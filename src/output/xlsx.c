/* xlsx.c - documents as a workbook (see xlsx.h), through libxlsxwriter.
 *
 * Each document is walked twice over its CSV tables (lt_doc_each_table):
 * the first walk counts its worksheets (a table whose CSV columns differ
 * from the one before starts a new one), so that a document with a single
 * sheet gets the caller's name alone; the second writes the cells.  Column
 * widths are measured as the cells are written (the display width of the
 * text the terminal would show, lt_cell_format) and set when a sheet ends,
 * with the frozen header row and its filter.
 *
 * Number formats are derived from the text output, not invented again:
 * where the text output shows a number (its table and column are shown
 * in text), the decimals are those lt_cell_format shows in English, so
 * "45" (a milestone, up to 2 decimals, trailing zeros dropped) gets
 * "#,##0" and "42.05" gets "#,##0.00".  A number only CSV and JSON show
 * has no precision chosen for people (its cell says 0 decimals), so it
 * gets General, which shows as many digits as the column has room for.
 * libxlsxwriter makes a new format
 * object per call and Office loads at most 206 custom number formats
 * (MS-OI29500 §2.1.713 g), so formats are cached by code and flags, and
 * past MAX_NUM_FORMATS codes a number falls back to General.
 *
 * libxlsxwriter writes to a file name, not a stream: the workbook is
 * written under the temporary name of a file sink (lt_sink_temp_path),
 * and the sink then fsyncs and renames it, or removes it on failure.  The
 * library writes numbers with the C library's "%.16G" (16 significant
 * digits: CSV and JSON keep every digit), which follows LC_NUMERIC;
 * lotrinh never calls setlocale, so the point stays a point.
 *
 * Memory: libxlsxwriter's own allocations do not go through lt_malloc, so
 * the fault injection of tests/test_alloc.c reaches only this file's (the
 * format cache, sheet names, cleaned strings); the library reports its own
 * failures (NULL objects, LXW_ERROR_MEMORY_MALLOC_FAILED), taken here as
 * LT_ENOMEM.
 */
#include "lotrinh/xlsx.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xlsxwriter.h>

#include "lotrinh/alloc.h"
#include "lotrinh/sink.h"
#include "lotrinh/text.h"

/* Column widths in Excel's units (about one digit of the default font):
 * the widest cell plus a margin, at least MIN_COL and at most MAX_COL;
 * text wider than MAX_COL wraps in its cell instead (audit's findings are
 * sentences of 200 characters). */
#define MIN_COL 4
#define MAX_COL 60
#define COL_MARGIN 2

/* Office loads at most 206 custom number formats (MS-OI29500 §2.1.713 g);
 * stay below, leaving room for a reader's own. */
#define MAX_NUM_FORMATS 200

/* Most decimals a format shows (a double has 17 significant digits). */
#define MAX_DECIMALS 17

/* Excel's limits: characters in a cell's text (and libxlsxwriter's
 * LXW_STR_MAX check), and in a sheet name (LXW_SHEETNAME_MAX). */
#define MAX_CELL_CHARS 32767
#define MAX_SHEET_CHARS 31

/* The locale tag of Vietnamese number formats (LCID 0x042A): LibreOffice
 * shows "1.234,5" with it whatever the viewer's locale (xlsx.h). */
#define VI_LOCALE "[$-42A]"

/* Longest text a cell shows in the terminal, for measuring widths. */
#define SHOWN_BYTES 2048

enum { FMT_BOLD = 1, FMT_WRAP = 2 };

struct fmt {
	char *code;       /* the number format; "" for General */
	unsigned flags;   /* FMT_* */
	lxw_format *f;    /* owned by the workbook */
};

struct book {
	lxw_workbook *wb;
	lt_lang lang;
	struct fmt *fmts;
	size_t n_fmts, cap_fmts, n_codes;
	char **names;            /* the sheet names given so far */
	size_t n_names;
	int rc;                  /* the first failure (sticky), LT_OK */
	lt_diag *diag;
	const char *path;
	/* the document being written */
	const char *name;        /* its name (NAMES[i]) */
	size_t sheets;           /* its sheets (counted by the first walk) */
	int counting;            /* 1 during the first walk */
	/* the sheet being written */
	lxw_worksheet *ws;
	const lt_table *cols;    /* the table whose CSV columns it has */
	size_t ncols;            /* its columns (the CSV ones) */
	size_t *width;           /* their widths so far */
	lxw_row_t row;           /* the next row (0 is the header) */
};

/* Record the first failure, in DIAG against the workbook's path. */
static int book_fail(struct book *b, int rc, const char *msg)
{
	if (b->rc == LT_OK) {
		b->rc = rc;
		lt_error_raise(b->diag, rc, b->path, 0, "%s", msg);
	}
	return b->rc;
}

/* A libxlsxwriter status as lotrinh's: memory, or anything else (which
 * checked input should never cause) as an I/O failure. */
static int lxw_status(struct book *b, lxw_error e)
{
	char msg[160];

	if (e == LXW_NO_ERROR)
		return LT_OK;
	if (e == LXW_ERROR_MEMORY_MALLOC_FAILED)
		return book_fail(b, LT_ENOMEM, "out of memory");
	snprintf(msg, sizeof msg, "cannot write the workbook: libxlsxwriter: %s",
	         lxw_strerror(e));
	return book_fail(b, LT_EIO, msg);
}

/* ---- text: valid UTF-8 of bounded length ------------------------------- */

/* A copy of S that libxlsxwriter and Excel accept (caller frees): an
 * invalid UTF-8 byte becomes U+FFFD, and the text is cut after MAX_CHARS
 * code points.  NULL when out of memory. */
static char *clean_text(const char *s, size_t max_chars)
{
	size_t n = strlen(s), i = 0, out = 0, chars = 0, k;
	char *t = lt_malloc(3 * n + 1); /* each byte at worst becomes U+FFFD */
	uint32_t cp;

	if (t == NULL)
		return NULL;
	while (i < n && chars < max_chars) {
		k = lt_utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFD && k == 1) {
			memcpy(t + out, "\xEF\xBF\xBD", 3);
			out += 3;
		} else {
			memcpy(t + out, s + i, k);
			out += k;
		}
		i += k;
		chars++;
	}
	t[out] = '\0';
	return t;
}

/* ---- formats ------------------------------------------------------------ */

/* The cached format with number format CODE and FLAGS, made on first use;
 * NULL (General, unformatted) when out of memory, recorded in B. */
static lxw_format *format_for(struct book *b, const char *code,
                              unsigned flags)
{
	struct fmt *p;
	size_t i;

	for (i = 0; i < b->n_fmts; i++)
		if (b->fmts[i].flags == flags && strcmp(b->fmts[i].code, code) == 0)
			return b->fmts[i].f;
	if (code[0] != '\0' && b->n_codes >= MAX_NUM_FORMATS)
		return format_for(b, "", flags);
	if (b->n_fmts == b->cap_fmts) {
		size_t cap = b->cap_fmts ? 2 * b->cap_fmts : 16;

		p = lt_realloc(b->fmts, cap * sizeof *p);
		if (p == NULL)
			goto oom;
		b->fmts = p;
		b->cap_fmts = cap;
	}
	p = &b->fmts[b->n_fmts];
	p->flags = flags;
	p->code = lt_malloc(strlen(code) + 1);
	p->f = workbook_add_format(b->wb);
	if (p->code == NULL || p->f == NULL) {
		free(p->code);
		goto oom;
	}
	strcpy(p->code, code);
	if (code[0] != '\0') {
		format_set_num_format(p->f, code);
		b->n_codes++;
	}
	if (flags & FMT_BOLD)
		format_set_bold(p->f);
	else /* rows with wrapped text are tall: every value at their top */
		format_set_align(p->f, LXW_ALIGN_VERTICAL_TOP);
	if (flags & FMT_WRAP)
		format_set_text_wrap(p->f);
	b->n_fmts++;
	return p->f;
oom:
	book_fail(b, LT_ENOMEM, "out of memory");
	return NULL;
}

/* Append to BUF (SIZE bytes) the literal text a number shows after it:
 * UNIT (attached when it starts with '%', after a space otherwise) and
 * MARK, as one quoted literal; quotes inside are dropped (a number format
 * cannot escape them inside a literal), so "%" is never a percent sign. */
static void literal_suffix(const char *unit, const char *mark, char *buf,
                           size_t size)
{
	char lit[128];
	size_t n = 0;
	const char *parts[2];
	size_t i;

	parts[0] = unit != NULL ? unit : "";
	parts[1] = mark != NULL ? mark : "";
	if (parts[0][0] != '\0' && parts[0][0] != '%')
		lit[n++] = ' ';
	for (i = 0; i < 2; i++)
		for (const char *s = parts[i]; *s != '\0' && n + 1 < sizeof lit; s++)
			if (*s != '"')
				lit[n++] = *s;
	lit[n] = '\0';
	if (n > 0)
		snprintf(buf + strlen(buf), size - strlen(buf), "\"%s\"", lit);
}

/* The number format of number cell C in LANG into BUF: the decimals its
 * text shows ("%g"'s exponent as E+00), grouped unless the style says
 * otherwise, or General when the text output does not show it (PEOPLE
 * 0); its unit and mark as literal text, '+' before positive values when
 * signed, and Vietnamese separators by the locale tag. */
static void number_code(const lt_cell *c, int people, lt_lang lang,
                        char *buf, size_t size)
{
	lt_cell bare = *c;
	char shown[SHOWN_BYTES], body[64], suffix[160] = "";
	const char *tag = lang == LT_LANG_VI ? VI_LOCALE : "";
	const char *dot, *e;
	size_t dec = 0;

	bare.unit = NULL;
	bare.mark = NULL;
	bare.style &= ~(unsigned)LT_NUM_SIGN;
	lt_cell_format(&bare, LT_LANG_EN, shown, sizeof shown);
	e = strpbrk(shown, "eE");
	dot = strchr(shown, '.');
	if (dot != NULL && (e == NULL || dot < e))
		dec = strspn(dot + 1, "0123456789");
	if (dec > MAX_DECIMALS)
		dec = MAX_DECIMALS;
	if (!people)
		snprintf(body, sizeof body, "General");
	else
		snprintf(body, sizeof body, "%s%s%.*s%s",
		         (c->style & (LT_NUM_SIG | LT_NUM_PLAIN)) || e != NULL ? "0"
		         : "#,##0", dec > 0 ? "." : "", (int)dec,
		         "00000000000000000", e != NULL ? "E+00" : "");
	literal_suffix(c->unit, c->mark, suffix, sizeof suffix);
	if (c->style & LT_NUM_SIGN)
		snprintf(buf, size, "%s+%s%s;%s-%s%s;%s%s%s", tag, body, suffix, tag,
		         body, suffix, tag, body, suffix);
	else
		snprintf(buf, size, "%s%s%s", tag, body, suffix);
}

/* ---- cells -------------------------------------------------------------- */

/* Widen column COL of the sheet to W display columns. */
static void widen(struct book *b, size_t col, size_t w)
{
	if (w > b->width[col])
		b->width[col] = w;
}

/* Text S with MARK at ROW, COL: a string, whatever it looks like, wrapped
 * when wider than a column may be. */
static void put_text(struct book *b, lxw_row_t row, size_t col,
                     const char *s, const char *mark)
{
	size_t n = strlen(s) + strlen(mark) + 1, w;
	char *joined = lt_malloc(n), *clean;

	if (joined == NULL) {
		book_fail(b, LT_ENOMEM, "out of memory");
		return;
	}
	snprintf(joined, n, "%s%s", s, mark);
	clean = clean_text(joined, MAX_CELL_CHARS);
	free(joined);
	if (clean == NULL) {
		book_fail(b, LT_ENOMEM, "out of memory");
		return;
	}
	w = lt_text_width(clean);
	widen(b, col, w);
	lxw_status(b, worksheet_write_string(b->ws, row, (lxw_col_t)col, clean,
	           format_for(b, "", w > MAX_COL ? FMT_WRAP : 0)));
	free(clean);
}

/* A missing value at ROW, COL: an empty cell, its reason (if any) in a
 * note. */
static void put_missing(struct book *b, lxw_row_t row, size_t col,
                        const char *reason)
{
	char *clean;

	if (reason == NULL || reason[0] == '\0')
		return;
	clean = clean_text(reason, MAX_CELL_CHARS);
	if (clean == NULL) {
		book_fail(b, LT_ENOMEM, "out of memory");
		return;
	}
	lxw_status(b, worksheet_write_comment(b->ws, row, (lxw_col_t)col, clean));
	free(clean);
}

/* Cell C at ROW, COL of the sheet; PEOPLE when the text output shows
 * it (then its number format follows the text's). */
static void put_cell(struct book *b, lxw_row_t row, size_t col,
                     const lt_cell *c, int people)
{
	const char *mark = c->mark != NULL ? c->mark : "";
	char code[256] = "", shown[SHOWN_BYTES];
	lxw_col_t x = (lxw_col_t)col;
	lxw_error e;

	switch (c->kind) {
	case LT_CELL_TEXT:
		put_text(b, row, col, c->text != NULL ? c->text : "", mark);
		return;
	case LT_CELL_NUMBER:
		if (!isfinite(c->number))
			return; /* an empty cell, never nan or inf */
		number_code(c, people, b->lang, code, sizeof code);
		e = worksheet_write_number(b->ws, row, x, c->number,
		                           format_for(b, code, 0));
		break;
	case LT_CELL_INTEGER:
	case LT_CELL_YEAR:
		snprintf(code, sizeof code, "%s%s", c->kind == LT_CELL_YEAR ? "0"
		         : b->lang == LT_LANG_VI ? VI_LOCALE "#,##0" : "#,##0", "");
		literal_suffix(NULL, c->mark, code, sizeof code);
		e = worksheet_write_number(b->ws, row, x, (double)c->integer,
		                           format_for(b, code, 0));
		break;
	case LT_CELL_BOOL:
		/* TRUE/FALSE, which readers show in their own language */
		e = worksheet_write_boolean(b->ws, row, x, c->integer != 0,
		                            format_for(b, "", 0));
		widen(b, col, strlen("FALSE"));
		break;
	default:
		put_missing(b, row, col, c->text);
		return;
	}
	if (c->kind == LT_CELL_NUMBER && !people) /* about what General shows */
		snprintf(shown, sizeof shown, "%.10g", c->number);
	else
		lt_cell_format(c, b->lang, shown, sizeof shown);
	widen(b, col, lt_text_width(shown) + lt_text_width(mark));
	lxw_status(b, e);
}

/* ---- sheets ------------------------------------------------------------- */

/* 1 when T and U show the same columns (keys, in order) in CSV. */
static int same_columns(const lt_table *t, const lt_table *u)
{
	size_t i = 0, j = 0, nt = lt_table_cols(t), nu = lt_table_cols(u);
	const char *a, *k;

	for (;;) {
		while (i < nt && !(lt_table_column_show(t, i) & LT_SHOW_CSV))
			i++;
		while (j < nu && !(lt_table_column_show(u, j) & LT_SHOW_CSV))
			j++;
		if (i == nt || j == nu)
			return i == nt && j == nu;
		a = lt_table_column_key(t, i);
		k = lt_table_column_key(u, j);
		if (strcmp(a != NULL ? a : "", k != NULL ? k : "") != 0)
			return 0;
		i++;
		j++;
	}
}

/* 1 when NAME is taken: by a sheet already named (Excel compares names
 * without case; strcasecmp folds ASCII letters in the C locale lotrinh
 * runs in), or by "History", which Excel reserves. */
static int name_taken(const struct book *b, const char *name)
{
	size_t i;

	if (strcasecmp(name, "History") == 0)
		return 1;
	for (i = 0; i < b->n_names; i++)
		if (strcasecmp(name, b->names[i]) == 0)
			return 1;
	return 0;
}

/* The bytes of S's first MAX_CHARS code points. */
static size_t prefix_chars(const char *s, size_t max_chars)
{
	size_t n = strlen(s), i = 0, chars = 0;
	uint32_t cp;

	while (i < n && chars < max_chars) {
		i += lt_utf8_decode(s + i, n - i, &cp);
		chars++;
	}
	return i;
}

/* Make NAME (valid UTF-8, clean_text) a valid sheet name in place: each
 * of []:*?/\ and each control character becomes '_', as does an
 * apostrophe at either end. */
static void valid_name(char *name)
{
	size_t n = strlen(name);
	char *p;

	for (p = name; *p != '\0'; p++)
		if (strchr("[]:*?/\\", *p) != NULL || (unsigned char)*p < 0x20)
			*p = '_';
	if (n > 0 && name[0] == '\'')
		name[0] = '_';
	if (n > 0 && name[n - 1] == '\'')
		name[n - 1] = '_';
}

/* A name for a new sheet from BASE, valid for Excel and not yet taken:
 * BASE cut to 31 characters (and its trailing blanks), or cut shorter and
 * followed by " (2)", " (3)"...  Recorded in B (which owns it); NULL when
 * out of memory. */
static const char *sheet_name(struct book *b, const char *base)
{
	char *clean = clean_text(base, SIZE_MAX), *name = NULL, suffix[24];
	const char *stem;
	char **p = lt_realloc(b->names, (b->n_names + 1) * sizeof *p);
	size_t k, cut, size;

	if (p != NULL)
		b->names = p;
	size = clean != NULL ? strlen(clean) + sizeof suffix + 8 : 0;
	if (p == NULL || clean == NULL || (name = lt_malloc(size)) == NULL) {
		free(clean);
		book_fail(b, LT_ENOMEM, "out of memory");
		return NULL;
	}
	valid_name(clean);
	stem = clean[0] != '\0' ? clean : "Sheet";
	for (k = 1;; k++) {
		suffix[0] = '\0';
		if (k > 1)
			snprintf(suffix, sizeof suffix, " (%zu)", k);
		cut = prefix_chars(stem, MAX_SHEET_CHARS - strlen(suffix));
		while (cut > 1 && stem[cut - 1] == ' ') /* a word cut at a blank */
			cut--;
		snprintf(name, size, "%.*s%s", (int)cut, stem, suffix);
		/* a cut may leave an apostrophe at the end */
		valid_name(name);
		if (!name_taken(b, name))
			break;
	}
	free(clean);
	b->names[b->n_names++] = name;
	return name;
}

/* Finish the sheet being written: column widths, the frozen header row
 * and its filter. */
static void end_sheet(struct book *b)
{
	size_t c, w;

	if (b->ws == NULL)
		return;
	for (c = 0; c < b->ncols; c++) {
		w = b->width[c] + COL_MARGIN;
		w = w < MIN_COL ? MIN_COL : w > MAX_COL ? MAX_COL : w;
		lxw_status(b, worksheet_set_column(b->ws, (lxw_col_t)c,
		           (lxw_col_t)c, (double)w, NULL));
	}
	worksheet_freeze_panes(b->ws, 1, 0);
	lxw_status(b, worksheet_autofilter(b->ws, 0, 0, b->row - 1,
	                                   (lxw_col_t)(b->ncols - 1)));
	free(b->width);
	b->width = NULL;
	b->ws = NULL;
}

/* The header of column K: HEAD, bold. */
static void put_head(struct book *b, size_t k, const char *head)
{
	char *clean = clean_text(head, MAX_CELL_CHARS);

	if (clean == NULL) {
		book_fail(b, LT_ENOMEM, "out of memory");
		return;
	}
	widen(b, k, lt_text_width(clean) + 1); /* bold is a little wider */
	lxw_status(b, worksheet_write_string(b->ws, 0, (lxw_col_t)k, clean,
	                                     format_for(b, "", FMT_BOLD)));
	free(clean);
}

/* Start a sheet with the CSV columns of T, the table KEY of the document:
 * its name, its header row in B's language. */
static void start_sheet(struct book *b, const lt_table *t, const char *key)
{
	char base[256];
	const char *name, *head;
	size_t c, n = lt_table_cols(t), k = 0;

	if (b->sheets > 1) /* "Solve – curve" */
		snprintf(base, sizeof base, "%s – %s", b->name, key);
	else
		snprintf(base, sizeof base, "%s", b->name);
	name = sheet_name(b, base);
	for (c = 0; c < n; c++)
		k += (lt_table_column_show(t, c) & LT_SHOW_CSV) != 0;
	b->width = lt_calloc(k > 0 ? k : 1, sizeof *b->width);
	if (name == NULL || b->width == NULL) {
		book_fail(b, LT_ENOMEM, "out of memory");
		return;
	}
	b->ws = workbook_add_worksheet(b->wb, name);
	if (b->ws == NULL) {
		book_fail(b, LT_ENOMEM, "out of memory");
		return;
	}
	worksheet_set_comments_author(b->ws, "lotrinh");
	b->cols = t;
	b->ncols = k;
	b->row = 1;
	for (c = 0, k = 0; c < n; c++) {
		if (!(lt_table_column_show(t, c) & LT_SHOW_CSV))
			continue;
		head = lt_table_column_head(t, c, b->lang);
		if (head == NULL)
			head = lt_table_column_key(t, c);
		put_head(b, k++, head != NULL ? head : "");
	}
}

/* The rows of T below the sheet's, its CSV columns only; SHOWN are the
 * formats that show T. */
static void put_rows(struct book *b, const lt_table *t, unsigned shown)
{
	size_t r, c, k, n = lt_table_cols(t), rows = lt_table_rows(t);
	unsigned col;

	for (r = 0; r < rows && b->rc == LT_OK; r++, b->row++) {
		if (b->row >= LXW_ROW_MAX) {
			book_fail(b, LT_EINVAL, "more rows than a worksheet holds");
			return;
		}
		for (c = 0, k = 0; c < n; c++)
			if ((col = lt_table_column_show(t, c)) & LT_SHOW_CSV)
				put_cell(b, b->row, k++, lt_table_cell(t, r, c),
				         (shown & col & LT_SHOW_TEXT) != 0);
	}
}

/* lt_doc_each_table's callback: count the document's sheets (the first
 * walk) or write T (the second), starting a sheet where the columns
 * change. */
static int on_table(const lt_table *t, const char *key, unsigned shown,
                    void *data)
{
	struct book *b = data;

	if (b->cols != NULL && same_columns(b->cols, t)) {
		if (!b->counting)
			put_rows(b, t, shown);
		return b->rc;
	}
	if (b->counting) {
		b->sheets++;
		b->cols = t;
		return LT_OK;
	}
	end_sheet(b);
	if (b->rc == LT_OK)
		start_sheet(b, t, key);
	if (b->rc == LT_OK)
		put_rows(b, t, shown);
	return b->rc;
}

/* Add the sheets of document D named NAME. */
static int add_document(struct book *b, const lt_doc *d, const char *name)
{
	int rc;

	b->name = name != NULL ? name : "";
	b->sheets = 0;
	b->counting = 1;
	b->cols = NULL;
	rc = lt_doc_each_table(d, LT_SHOW_CSV, on_table, b);
	b->counting = 0;
	b->cols = NULL;
	if (rc == LT_OK)
		rc = lt_doc_each_table(d, LT_SHOW_CSV, on_table, b);
	end_sheet(b);
	if (rc == LT_ENOMEM)
		book_fail(b, LT_ENOMEM, "out of memory");
	return b->rc;
}

static void book_free(struct book *b)
{
	size_t i;

	for (i = 0; i < b->n_fmts; i++)
		free(b->fmts[i].code);
	free(b->fmts);
	for (i = 0; i < b->n_names; i++)
		free(b->names[i]);
	free(b->names);
	free(b->width);
}

/* Close the workbook B has written (libxlsxwriter writes the whole file
 * now); returns LT_OK or the failure, recorded in B. */
static int close_workbook(struct book *b)
{
	char msg[320];
	lxw_error e;
	int err;

	errno = 0;
	e = workbook_close(b->wb);
	err = errno;
	b->wb = NULL;
	if (e == LXW_NO_ERROR)
		return LT_OK;
	if (e == LXW_ERROR_MEMORY_MALLOC_FAILED)
		return book_fail(b, LT_ENOMEM, "out of memory");
	/* errno tells why a file operation failed (ENOSPC, EFBIG) */
	if (err != 0)
		snprintf(msg, sizeof msg, "cannot write: %s (libxlsxwriter: %s)",
		         strerror(err), lxw_strerror(e));
	else
		snprintf(msg, sizeof msg, "cannot write: libxlsxwriter: %s",
		         lxw_strerror(e));
	return book_fail(b, LT_EIO, msg);
}

int lt_xlsx_write(const char *path, const lt_doc *const *docs,
                  const char *const *names, size_t n, lt_lang lang,
                  const char *const *inputs, size_t n_inputs, lt_diag *diag)
{
	lxw_workbook_options opts = {0, NULL, 0};
	struct book b;
	lt_sink *out;
	size_t i;
	int rc;

	memset(&b, 0, sizeof b);
	b.lang = lang;
	b.diag = diag;
	b.path = path;
	if (n == 0)
		return lt_error_raise(diag, LT_EINVAL, path, 0, "no result to write "
		                      "as a workbook");
	rc = lt_sink_file(&out, path, inputs, n_inputs, diag);
	if (rc != LT_OK)
		return rc;
	b.wb = workbook_new_opt(lt_sink_temp_path(out), &opts);
	if (b.wb == NULL) {
		lt_sink_discard(out);
		return lt_error_raise(diag, LT_ENOMEM, path, 0, "out of memory");
	}
	for (i = 0; i < n && b.rc == LT_OK; i++)
		add_document(&b, docs[i], names != NULL ? names[i] : NULL);
	if (b.rc == LT_OK && b.n_names == 0)
		book_fail(&b, LT_EINVAL, "this result has no table to put in a "
		          "workbook");
	if (b.rc == LT_OK) {
		close_workbook(&b);
	} else {
		lxw_workbook_free(b.wb);
		b.wb = NULL;
	}
	rc = b.rc;
	book_free(&b);
	if (rc != LT_OK) {
		lt_sink_discard(out);
		return rc;
	}
	/* fsync the file libxlsxwriter wrote under the sink's name, rename */
	return lt_sink_close(out, diag);
}
