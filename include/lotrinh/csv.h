/* csv.h - read two numeric columns, x and y, from a CSV file (RFC 4180).
 *
 * The format: a header row naming the columns x and y (in either order,
 * matched case-insensitively), then one row per observation.  Fields are
 * separated by commas; a field may be quoted ("1.5"), and a quote inside
 * quotes is written twice ("").  Lines end in LF or CRLF; the last line
 * may lack one.  A UTF-8 byte-order mark at the start is skipped (some
 * spreadsheets write one).  Blank lines are skipped anywhere: they carry
 * no data and editors often leave one at the end.  Every other deviation
 * is an error: a missing header, a column other than x and y, a row with
 * too few or too many fields, a field that is empty, not a number, or not
 * finite (inf, nan, 1e999), a quote left open, a carriage return not
 * followed by a line feed, a NUL byte.  Numbers are decimal in the C
 * locale's syntax (a '.' decimal point, no thousands separators), read by
 * lt_parse_double: hexadecimal (0x10), a non-zero number too small for a
 * double (1e-400, which strtod makes 0) and a negative zero are refused.
 *
 * The reader does not stop at the first bad row: it reports every one
 * (up to LT_DIAG_MAX, then a count), each with its line number.
 */
#ifndef LT_CSV_H
#define LT_CSV_H

#include <stddef.h>

#include "lotrinh/error.h"

/* Largest CSV file read: 64 MiB is some three million rows, far beyond a
 * curve fit's needs, while keeping a mistaken argument (a disk image) from
 * being slurped. */
#define LT_CSV_MAX_BYTES (64u << 20)

/* Parse the LEN bytes of TEXT (need not be NUL-terminated) as an x,y CSV;
 * NAME is the file name used in messages (borrowed).  On success returns
 * LT_OK and stores in *X and *Y two new arrays of *N values each (N >= 1),
 * which the caller frees with free().  Otherwise returns LT_EINVAL with
 * every problem found in DIAG (each "NAME:LINE: message"), or LT_ENOMEM;
 * *X and *Y are then NULL and *N is 0. */
int lt_csv_parse_xy(const char *text, size_t len, const char *name,
                    double **x, double **y, size_t *n, lt_diag *diag);

/* Read the file PATH and parse it as lt_csv_parse_xy does.  Also returns
 * LT_EINVAL when PATH cannot be opened, is not a regular file, or is larger
 * than LT_CSV_MAX_BYTES, and LT_EIO when reading fails. */
int lt_csv_read_xy(const char *path, double **x, double **y, size_t *n,
                   lt_diag *diag);

#endif /* LT_CSV_H */
