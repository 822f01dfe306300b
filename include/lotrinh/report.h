/* report.h - languages, output formats and number formats for people.
 *
 * Numbers are formatted per language: "6,529,164.5" in English,
 * "6.529.164,5" in Vietnamese, as planners write them.  The result tables
 * and documents that use these formats are in table.h.
 */
#ifndef LT_REPORT_H
#define LT_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "lotrinh/error.h"

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

/* The table type and its renderers live in table.h; commands that reached
 * them through this header still do, until they include table.h.  Kept at
 * the end: table.h includes this header for lt_lang and lt_format. */
#include "lotrinh/table.h"

#endif /* LT_REPORT_H */
