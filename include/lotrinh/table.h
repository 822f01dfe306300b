/* table.h - result tables and documents: one result, three renderings.
 *
 * Engines return result structs; commands turn them into an lt_doc, a tree
 * of typed values, and render it as aligned terminal text, as CSV (RFC
 * 4180) or as JSON (through jansson), to a sink (sink.h).  Typing the
 * cells, instead of formatting them first, is what lets one document serve
 * all three: a number is grouped and written with a decimal comma in
 * Vietnamese text, written plainly with every digit that matters in CSV,
 * and is a JSON number; a missing value is "–" (or a word) in text, an
 * empty CSV field and JSON null, never 0; NaN and infinities are missing
 * values, so no output ever holds "nan" or "inf".
 *
 * A cell (lt_cell) is text, a number (with its precision and unit), an
 * integer, a year, a truth value or missing (with an optional reason).  A
 * table (lt_table) has columns, each with a key (the CSV header and JSON
 * key), a header per language and an alignment, and rows of cells.  A
 * document (lt_doc) is an ordered list of items: fields (a key, a label
 * per language and a cell), tables, text lines, nested documents and lists
 * of documents.  In JSON a document is an object (fields and nested
 * documents by key, a table or a list as an array); in text it reads top
 * to bottom, nested documents as titled sections; its CSV is its tables
 * in order, written as one table, so every table a document shows in CSV
 * must have the same column keys (consecutive tables share one header).
 * Each item and each column says in which formats it appears
 * (LT_SHOW_*), so a command can give people a sentence and machines the
 * numbers behind it.
 *
 * Errors are sticky: when memory runs out while a document is built, the
 * failing call returns LT_ENOMEM (or NULL), later calls on that document do
 * nothing, and rendering it returns LT_ENOMEM.  So builders need not check
 * every call; the render's status tells.  Every function accepts a NULL
 * table or document and does nothing (returning LT_ENOMEM).
 *
 * Strings passed in are copied unless a comment says "borrowed".
 */
#ifndef LT_TABLE_H
#define LT_TABLE_H

#include <stddef.h>
#include <stdio.h>

#include "lotrinh/report.h"
#include "lotrinh/sink.h"

/* ---- cells -------------------------------------------------------------- */

typedef enum lt_cell_kind {
	LT_CELL_MISSING, /* no value: "–" or the reason in text, "" in CSV, null in JSON */
	LT_CELL_TEXT,
	LT_CELL_NUMBER,  /* a double; NaN and infinities render as missing */
	LT_CELL_INTEGER, /* grouped by thousands in text */
	LT_CELL_YEAR,    /* an integer never grouped: 2030 */
	LT_CELL_BOOL     /* "yes"/"no" ("có"/"không") in text, true/false elsewhere */
} lt_cell_kind;

/* How a number is written in text (CSV and JSON always carry it whole). */
enum {
	LT_NUM_FIXED = 0,     /* PREC decimals, thousands grouped (lt_format_number) */
	LT_NUM_SIG = 1 << 0,  /* PREC significant digits as printf's %g, not grouped */
	LT_NUM_TRIM = 1 << 1, /* fixed: drop trailing zeros after the point */
	LT_NUM_SIGN = 1 << 2, /* write '+' before a positive number */
	LT_NUM_PLAIN = 1 << 3 /* fixed: no thousands separators */
};

/* A value for a table cell or a field.  Pointers are borrowed until the
 * cell is stored (lt_table_put, lt_doc_field), which copies them. */
typedef struct lt_cell {
	lt_cell_kind kind;
	const char *text;  /* TEXT: the text; MISSING: the reason shown in text
	                      (NULL for "–", "" for a blank) */
	double number;     /* NUMBER */
	long long integer; /* INTEGER, YEAR; BOOL: 0 or 1 */
	int prec;          /* NUMBER: decimals, or significant digits (LT_NUM_SIG) */
	unsigned style;    /* NUMBER: LT_NUM_* flags */
	const char *unit;  /* NUMBER: written after the number in text ("%" is
	                      attached, other units follow a space); NULL: none */
	const char *mark;  /* text only: a marker after the value, e.g. "*" for an
	                      assumption; cells of a column without one are padded
	                      so that values line up.  NULL: none */
} lt_cell;

/* Cell constructors.  S, REASON and UNIT are borrowed (see lt_cell). */
lt_cell lt_cell_text(const char *s);
lt_cell lt_cell_number(double v, int prec, unsigned style, const char *unit);
lt_cell lt_cell_int(long long v);
lt_cell lt_cell_year(int year);
lt_cell lt_cell_bool(int v);
lt_cell lt_cell_missing(const char *reason);

/* C with its text-only marker set to MARK (borrowed); returns the cell. */
lt_cell lt_cell_marked(lt_cell c, const char *mark);

/* C as text-mode shows it in LANG, without marker, into BUF of SIZE bytes:
 * numbers per their style (lt_format_number for fixed ones), "–" or the
 * reason for a missing value or a non-finite number.  Returns BUF. */
char *lt_cell_format(const lt_cell *c, lt_lang lang, char *buf, size_t size);

/* C as a CSV field's content (before quoting): text as is, but with a "'"
 * before text that starts with '=', '+', '-', '@', a tab or a CR and is not
 * a plain number (so a spreadsheet cannot take it for a formula); numbers
 * in the shortest form that reads back to the same double (%.15g, else
 * %.16g, else %.17g); "" for missing values and non-finite numbers;
 * "true"/"false".  Into BUF of SIZE bytes (text longer than BUF is cut:
 * callers pass text cells through lt_table_write_csv, which does not cut).
 * Returns BUF. */
char *lt_cell_csv(const lt_cell *c, char *buf, size_t size);

/* ---- which formats show an item or a column ---------------------------- */

enum {
	LT_SHOW_TEXT = 1 << 0,
	LT_SHOW_CSV = 1 << 1,
	LT_SHOW_JSON = 1 << 2,
	LT_SHOW_DATA = LT_SHOW_CSV | LT_SHOW_JSON,
	LT_SHOW_ALL = LT_SHOW_TEXT | LT_SHOW_CSV | LT_SHOW_JSON
};

/* ---- tables ------------------------------------------------------------- */

typedef enum lt_align { LT_LEFT, LT_RIGHT } lt_align;

typedef struct lt_table lt_table;

/* A new table with NCOLS columns, every header empty, left-aligned, shown
 * in every format; NULL when out of memory or NCOLS is 0.  Free with
 * lt_table_free (not for a table a document owns). */
lt_table *lt_table_alloc(size_t ncols);
void lt_table_free(lt_table *t);

/* Describe column COL: KEY for CSV headers and JSON keys, its header in
 * English and Vietnamese (HEAD_VI NULL: the English one), alignment in
 * text, and the formats that show it (LT_SHOW_*).  Returns 0, LT_EINVAL
 * for a column out of range, or LT_ENOMEM. */
int lt_table_set_column(lt_table *t, size_t col, const char *key,
                        const char *head_en, const char *head_vi,
                        lt_align align, unsigned show);

/* Set column COL's key and both headers to TEXT, and its alignment (the
 * short form for tables that only print). */
int lt_table_set_header(lt_table *t, size_t col, const char *text,
                        lt_align align);

/* Limit column COL to MAX_COLS display columns in text; longer cells are
 * shortened with "..." (0: no limit).  CSV and JSON keep the whole text. */
void lt_table_set_max_width(lt_table *t, size_t col, size_t max_cols);

/* Text without the header line and rule (a list of aligned lines). */
void lt_table_hide_header(lt_table *t);

/* Append a row of missing cells (shown blank); returns 0 or LT_ENOMEM. */
int lt_table_add_row(lt_table *t);

/* Store C in column COL of the last row.  Returns 0, LT_EINVAL when there
 * is no row yet or no such column, or LT_ENOMEM. */
int lt_table_put(lt_table *t, size_t col, lt_cell c);

/* lt_table_put of a text cell; lt_table_setf formats it as printf does. */
int lt_table_set(lt_table *t, size_t col, const char *text);
int lt_table_setf(lt_table *t, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Number of rows (without the header). */
size_t lt_table_rows(const lt_table *t);

/* Write T as aligned text for LANG to OUT: the header (in LANG), a rule of
 * dashes, then the rows, two spaces between columns, INDENT spaces before
 * each line, trailing blanks dropped.  Columns are padded by display width
 * (lt_text_width), so Vietnamese text lines up.  Returns 0, LT_EIO (the
 * sink failed) or LT_ENOMEM. */
int lt_table_write_text(const lt_table *t, lt_lang lang, int indent,
                        lt_sink *out);

/* Write T as CSV per RFC 4180 to OUT: a header of column keys when HEADER,
 * then the rows; fields quoted when they hold a comma, a quote, a CR or an
 * LF (quotes doubled); records end in CRLF.  Cells as lt_cell_csv says.
 * Returns 0, LT_EIO or LT_ENOMEM. */
int lt_table_write_csv(const lt_table *t, int header, lt_sink *out);

/* As lt_table_write_text, to a stdio stream (for code not yet on sinks);
 * English headers. */
void lt_table_print(const lt_table *t, FILE *out, int indent);

/* Reading a table, for renderers outside table.c (the workbook, xlsx.h):
 * the number of columns; column COL's key, its header in LANG and the
 * formats that show it (LT_SHOW_*); the cell at ROW, COL.  Strings and
 * cells are borrowed from T.  Out of range: NULL, or 0 for the formats. */
size_t lt_table_cols(const lt_table *t);
const char *lt_table_column_key(const lt_table *t, size_t col);
const char *lt_table_column_head(const lt_table *t, size_t col, lt_lang lang);
unsigned lt_table_column_show(const lt_table *t, size_t col);
const lt_cell *lt_table_cell(const lt_table *t, size_t row, size_t col);

/* ---- documents ---------------------------------------------------------- */

typedef struct lt_doc lt_doc;

/* A new document titled TITLE_EN / TITLE_VI (either may be NULL: no title
 * line); NULL when out of memory.  Free with lt_doc_free. */
lt_doc *lt_doc_alloc(const char *title_en, const char *title_vi);
void lt_doc_free(lt_doc *d);

/* Add a field KEY = C, labelled LABEL_EN / LABEL_VI in text, shown in the
 * formats SHOW.  In text, consecutive fields print one a line, labels
 * padded to the widest of them.  Returns 0 or LT_ENOMEM. */
int lt_doc_field(lt_doc *d, const char *key, const char *label_en,
                 const char *label_vi, lt_cell c, unsigned show);

/* Add a line of text (text format only), printed at the document's indent.
 * lt_doc_linef formats it as printf does.  Returns 0 or LT_ENOMEM. */
int lt_doc_line(lt_doc *d, const char *text);
int lt_doc_linef(lt_doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Add a table of NCOLS columns under KEY, titled TITLE_EN / TITLE_VI in
 * text (NULL: no title line), shown in the formats SHOW.  Returns the table,
 * owned by D (borrowed), or NULL when out of memory. */
lt_table *lt_doc_table(lt_doc *d, const char *key, const char *title_en,
                       const char *title_vi, size_t ncols, unsigned show);

/* Add a nested document under KEY (a JSON object), a section in text: a
 * blank line, its title at D's indent (none when both are NULL), its items
 * two spaces further in.  Returns it, owned by D, or NULL. */
lt_doc *lt_doc_child(lt_doc *d, const char *key, const char *title_en,
                     const char *title_vi, unsigned show);

/* Start the list KEY of D where it stands, shown in the formats SHOW: an
 * empty JSON array until documents are appended (a list made by
 * lt_doc_list_item alone is absent while it has none).  Returns 0 or
 * LT_ENOMEM. */
int lt_doc_list(lt_doc *d, const char *key, unsigned show);

/* Append a document to the list KEY of D (a JSON array of objects, made
 * on first use; one list's items need not be adjacent to other items), a
 * section in text as for lt_doc_child.  Returns it, owned by D, or NULL. */
lt_doc *lt_doc_list_item(lt_doc *d, const char *key, const char *title_en,
                         const char *title_vi, unsigned show);

/* Write D in FORMAT (LANG for text) to OUT.  Text: the title, then every
 * text item in order.  CSV: every CSV table, in document order, as one
 * table with one header; LT_EINVAL when two of them differ in their column
 * keys.  JSON: an object, indented by two, numbers with 17 significant
 * digits (they read back exactly), ending in a newline.  A workbook
 * (LT_FORMAT_XLSX) is no stream: LT_EINVAL, write it with lt_xlsx_write.
 * Returns 0, LT_EINVAL, LT_ENOMEM (building or rendering ran out of
 * memory) or LT_EIO (the sink failed); errors recorded in DIAG. */
int lt_doc_render(const lt_doc *d, lt_format format, lt_lang lang,
                  lt_sink *out, lt_diag *diag);

/* Call FN(T, KEY, SHOWN, DATA) for every table T of D shown in one of the
 * formats SHOW, in the order CSV writes them (items in order, nested
 * documents where they stand), stopping at the first non-zero return.
 * KEY is the key T was added under (lt_doc_table), SHOWN the formats that
 * show it (LT_SHOW_*: its own, narrowed by those of the documents it is
 * nested in), so a renderer knows, say, whether the text output shows
 * its numbers.  Returns LT_ENOMEM when building D ran out of memory (FN
 * is not called), else 0 or what FN returned.  This is how a renderer
 * outside table_doc.c walks a document (the workbook, xlsx.h). */
typedef int (*lt_doc_table_fn)(const lt_table *t, const char *key,
                               unsigned shown, void *data);
int lt_doc_each_table(const lt_doc *d, unsigned show, lt_doc_table_fn fn,
                      void *data);

#endif /* LT_TABLE_H */
