/* text.h - small text utilities: UTF-8 display width, safe shortening, and
 * strict number parsing for command-line options.
 *
 * Tables in lotrinh hold Vietnamese text, whose letters take one to four
 * bytes in UTF-8 and may carry combining marks; aligning columns by bytes
 * would break them.  These functions count terminal columns instead.  They
 * do not depend on the process locale, so output is the same under LC_ALL=C.
 */
#ifndef LT_TEXT_H
#define LT_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Decode one UTF-8 character at S (at most N bytes).  Stores the code point
 * in *CP and returns the number of bytes used (1..4).  An invalid or
 * truncated sequence yields U+FFFD and consumes one byte.  N must be > 0. */
size_t lt_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Terminal columns taken by code point CP: 0 for combining marks and
 * control characters, 2 for East Asian wide characters, else 1. */
int lt_codepoint_width(uint32_t cp);

/* Terminal columns taken by the NUL-terminated UTF-8 string S. */
size_t lt_text_width(const char *s);

/* Copy S into BUF (SIZE bytes) keeping at most MAX_COLS columns; when S is
 * longer, the copy ends in "..." within MAX_COLS.  Never splits a UTF-8
 * sequence.  Returns BUF. */
char *lt_text_shorten(const char *s, size_t max_cols, char *buf, size_t size);

/* As lt_text_shorten, then with every ASCII control character shown as
 * '?': user text quoted back in a message never carries a terminal escape
 * or a newline.  Returns BUF. */
char *lt_text_quote(const char *s, size_t max_cols, char *buf, size_t size);

/* 1 if S is valid UTF-8 (no overlong forms, no surrogates), else 0. */
int lt_utf8_valid(const char *s);

/* Parse S as a finite double with nothing before or after it.  Returns 0
 * and stores the value, or -1 (value untouched) when S is empty, starts
 * with a blank, has trailing characters, overflows or is not finite.  A
 * value too small for a double becomes a subnormal or 0, as strtod gives. */
int lt_parse_double(const char *s, double *value);

/* Parse S as a base-10 long with nothing before or after it; 0 or -1 as
 * above (also -1 when it does not fit in a long). */
int lt_parse_long(const char *s, long *value);

#endif /* LT_TEXT_H */
