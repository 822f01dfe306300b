/* report.h - tables for people: aligned terminal text and number formats.
 *
 * An lt_table is a grid of strings with a header row.  lt_table_print lays
 * it out for a terminal, padding by display columns (lt_text_width), so
 * Vietnamese names line up whatever their byte length.  Numbers are
 * formatted per language: "6,529,164.5" in English, "6.529.164,5" in
 * Vietnamese, as planners write them.
 */
#ifndef LT_REPORT_H
#define LT_REPORT_H

#include <stddef.h>
#include <stdio.h>

/* Output language for labels and number formats. */
typedef enum lt_lang { LT_LANG_EN, LT_LANG_VI } lt_lang;

/* Parse "en" or "vi"; returns 0 and stores it, or -1. */
int lt_lang_parse(const char *s, lt_lang *lang);

/* Format V with DECIMALS decimals (trailing zeros after the point are
 * dropped when TRIM), thousands grouped, in LANG's convention, into BUF of
 * SIZE bytes.  Returns BUF. */
char *lt_format_number(double v, int decimals, int trim, lt_lang lang,
                       char *buf, size_t size);

/* Print S to OUT padded with spaces to WIDTH display columns. */
void lt_print_padded(FILE *out, const char *s, size_t width);

/* Output formats of the analysis commands. */
typedef enum lt_format { LT_FORMAT_TABLE, LT_FORMAT_CSV, LT_FORMAT_JSON } lt_format;

/* Parse "table", "csv" or "json"; returns 0 and stores it, or -1. */
int lt_format_parse(const char *s, lt_format *f);

/* Write one CSV field per RFC 4180: quoted when it holds a comma, a quote,
 * a CR or LF (quotes doubled), as is otherwise. */
void lt_csv_field(FILE *out, const char *s);

/* Write the N fields of a CSV record, comma-separated, ending in CRLF as
 * RFC 4180 asks. */
void lt_csv_row(FILE *out, const char *const *fields, size_t n);

/* A number as a CSV or JSON-ready text with 15 significant digits ("" for
 * NaN), into BUF. */
char *lt_format_plain(double v, char *buf, size_t size);

typedef enum lt_align { LT_LEFT, LT_RIGHT } lt_align;

typedef struct lt_table lt_table;

/* A new table with NCOLS columns; NULL when out of memory.  Free with
 * lt_table_free. */
lt_table *lt_table_alloc(size_t ncols);
void lt_table_free(lt_table *t);

/* Set column COL's header text (copied) and alignment. */
int lt_table_set_header(lt_table *t, size_t col, const char *text,
                        lt_align align);

/* Limit column COL to MAX_COLS display columns; longer cells are shortened
 * with "..." when printed (0: no limit). */
void lt_table_set_max_width(lt_table *t, size_t col, size_t max_cols);

/* Append an empty row; returns 0 or LT_ENOMEM. */
int lt_table_add_row(lt_table *t);

/* Set cell COL of the last row (copied); returns 0, LT_EINVAL when there
 * is no row yet or no such column, or LT_ENOMEM. */
int lt_table_set(lt_table *t, size_t col, const char *text);

/* printf into cell COL of the last row. */
int lt_table_setf(lt_table *t, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Number of rows (without the header). */
size_t lt_table_rows(const lt_table *t);

/* Print with two spaces between columns, a rule under the header, and
 * INDENT spaces before each line. */
void lt_table_print(const lt_table *t, FILE *out, int indent);

#endif /* LT_REPORT_H */
