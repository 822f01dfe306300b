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
struct lt_scenario;

/* IND's target as a planner reads it, in LANG, with its year, into BUF of
 * SIZE bytes: "≥ 30 (2030)", "15–20 (2030)", "top 20 of 34 (2030)" ("nhóm
 * 20/34 dẫn đầu (2030)"), "> 10%/yr, 2025–2030" ("> 10%/năm, 2025–2030"),
 * "≥ 55, mean 2026–2030" ("≥ 55, bình quân 2026–2030").  For a vision, pass
 * lt_indicator_vision(IND).  Returns BUF. */
char *lt_target_phrase(const struct lt_indicator *ind, lt_lang lang,
                       char *buf, size_t size);

/* IND's name and unit in LANG: name_vi and unit_vi in Vietnamese (the
 * English ones when the scenario gives no unit_vi), name and unit in
 * English.  Borrowed from the scenario. */
const char *lt_indicator_name(const struct lt_indicator *ind, lt_lang lang);
const char *lt_indicator_unit(const struct lt_indicator *ind, lt_lang lang);

/* The unit of a yearly change of IND in LANG: lt_step_unit in English
 * ("points", "places" or the unit of a count), "điểm", "bậc" or the
 * Vietnamese unit.  Borrowed. */
const char *lt_step_unit_lang(const struct lt_indicator *ind, lt_lang lang);

/* V with DIGITS significant digits, as printf's "%.*g" (with '+' before
 * a positive value when SIGN) writes it in English, byte for byte; in
 * Vietnamese with a decimal comma and the whole part grouped by '.'
 * ("6,36", "1.234", "+29,5").  A value that is not finite is "–".  Into BUF
 * of SIZE bytes; returns BUF.  The sentences of every command write their
 * numbers through this or lt_format_number. */
char *lt_format_sig(double v, int digits, int sign, lt_lang lang, char *buf,
                    size_t size);

/* The fixed words the engines return, in LANG: for Vietnamese, the
 * translation of EN when it is one of them (a progress class "on track" ->
 * "đúng tiến độ", a UNSD class, a progress note, a path family, a growth
 * model's name, a share answer), else EN itself; EN in English.  The
 * engines keep English words as they keep ids, and this catalogue gives
 * their Vietnamese, as gettext's catalogues key a translation by the
 * original text; words built with numbers are worded by the commands from
 * the numbers.  Borrowed (static). */
const char *lt_phrase(const char *en, lt_lang lang);

/* A model parameter's name (the model's slots: "r of pii", "delta of
 * digital", "gamma from a to b", "GRDP growth", "yearly shocks") as people
 * read it in LANG, into BUF: in Vietnamese with the indicators' names of
 * S ("r của Chỉ số ..."), in English as the model names it.  Returns
 * BUF. */
const char *lt_param_phrase(const struct lt_scenario *s, const char *name,
                            lt_lang lang, char *buf, size_t size);

/* Output formats of the analysis commands: text streams (table.h) and a
 * workbook, written to a file only (xlsx.h). */
typedef enum lt_format {
	LT_FORMAT_TABLE, LT_FORMAT_CSV, LT_FORMAT_JSON, LT_FORMAT_XLSX
} lt_format;

/* Parse "table", "csv", "json" or "xlsx"; returns 0 and stores it, or -1. */
int lt_format_parse(const char *s, lt_format *f);

#endif /* LT_REPORT_H */
