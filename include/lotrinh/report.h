/* report.h - languages, output formats and number formats for people.
 *
 * Numbers are formatted per language: "6,529,164.5" in English,
 * "6.529.164,5" in Vietnamese, as planners write them.  The result tables
 * and documents that use these formats are in table.h.
 */
#ifndef LT_REPORT_H
#define LT_REPORT_H

#include <stddef.h>

#include "lotrinh/error.h"

/* Output language for labels and number formats. */
typedef enum lt_lang { LT_LANG_EN, LT_LANG_VI } lt_lang;

/* Parse "en" or "vi"; returns 0 and stores it, or -1. */
int lt_lang_parse(const char *s, lt_lang *lang);

/* Format V with DECIMALS decimals (trailing zeros after the point are
 * dropped when TRIM), thousands grouped, in LANG's convention, into BUF of
 * SIZE bytes; a value that is not finite is shown as missing, "–" (an en
 * dash), never as nan or inf.  Returns BUF. */
char *lt_format_number(double v, int decimals, int trim, lt_lang lang,
                       char *buf, size_t size);

struct lt_indicator;

/* IND's target as a planner reads it, in LANG, with its year, into BUF of
 * SIZE bytes: "≥ 30 (2030)", "15–20 (2030)", "top 20 of 34 (2030)" ("nhóm
 * 20/34 dẫn đầu (2030)"), "> 10%/yr, 2025–2030" ("> 10%/năm, 2025–2030"),
 * "≥ 55, mean 2026–2030" ("≥ 55, bình quân 2026–2030").  For a vision, pass
 * lt_indicator_vision(IND).  Returns BUF. */
char *lt_target_phrase(const struct lt_indicator *ind, lt_lang lang,
                       char *buf, size_t size);

/* Output formats of the analysis commands: text streams (table.h) and a
 * workbook, written to a file only (xlsx.h). */
typedef enum lt_format {
	LT_FORMAT_TABLE, LT_FORMAT_CSV, LT_FORMAT_JSON, LT_FORMAT_XLSX
} lt_format;

/* Parse "table", "csv", "json" or "xlsx"; returns 0 and stores it, or -1. */
int lt_format_parse(const char *s, lt_format *f);

#endif /* LT_REPORT_H */
