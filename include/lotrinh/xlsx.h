/* xlsx.h - documents as a spreadsheet workbook (.xlsx), for planners who
 * work in Excel or LibreOffice.
 *
 * A workbook holds what CSV holds (table.h), laid out for people: every
 * table a document shows in CSV, with its CSV columns, becomes rows of a
 * worksheet, and a run of tables with the same columns (one per indicator,
 * as CSV writes them under one header) shares one worksheet.  The header
 * row is in the chosen language, bold, frozen and filtered; numbers are
 * numbers (a formula or a chart can use them) with a number format that
 * shows what the text output shows (the same decimals, a unit or '*' mark
 * as literal text), integers and years are numbers, truth values are
 * booleans, text is always a string (so "=1+1" is never a formula), and a
 * missing value is an empty cell, its reason in a cell note.  No cell is
 * ever nan or inf.
 *
 * Numbers in Vietnamese: the number formats carry the locale tag [$-42A]
 * (Vietnamese, LCID 0x042A).  LibreOffice (7.4, checked) then shows
 * "1.234.567,50" whatever the viewer's own locale; Excel takes its
 * decimal and thousands separators from the viewer's settings and uses the
 * tag only for names of months and days, so there the numbers follow the
 * viewer's locale (not checked here: no Excel on the build machines).  The
 * value in the cell is the same double either way.
 */
#ifndef LT_XLSX_H
#define LT_XLSX_H

#include <stddef.h>

#include "lotrinh/error.h"
#include "lotrinh/report.h"
#include "lotrinh/table.h"

/* Write one workbook to PATH from the N documents DOCS: DOCS[i]'s
 * worksheets are named NAMES[i] (or "NAMES[i] – KEY", KEY the first
 * table's key, when the document needs more than one; "Sheet" when NAMES
 * or NAMES[i] is NULL or empty), made unique and
 * valid for Excel (at most 31 characters, none of []:*?/\, no leading or
 * trailing apostrophe).  Headers and number formats are in LANG.
 *
 * The file is written as a file sink writes (sink.h): under a temporary
 * name in PATH's directory, fsynced and renamed over PATH only when whole;
 * on any failure PATH is as it was and no temporary file is left.  A PATH
 * that names one of the N_INPUTS files INPUTS is refused.
 *
 * Returns LT_OK; LT_EINVAL when N is 0, no document has a table to show,
 * a table has more rows than a worksheet holds, or PATH is empty, a
 * directory or an input; LT_EIO when the file cannot be written (an
 * unwritable directory, a full disk); LT_ENOMEM.  Errors are recorded in
 * DIAG against PATH.  libxlsxwriter itself also prints a line to standard
 * error when it fails to write, which lotrinh cannot turn off. */
int lt_xlsx_write(const char *path, const lt_doc *const *docs,
                  const char *const *names, size_t n, lt_lang lang,
                  const char *const *inputs, size_t n_inputs, lt_diag *diag);

#endif /* LT_XLSX_H */
