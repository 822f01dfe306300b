/* text.h - small text utilities: UTF-8 display width, safe shortening, and
 * strict number parsing for command-line options and data files.
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

/* Why lt_parse_double or lt_parse_long refused a text: 0 for a number,
 * a negative code otherwise.  Every refusal is a different mistake, so a
 * message can say which (lt_num_status_text). */
typedef enum lt_num_status {
	LT_NUM_OK = 0,
	LT_NUM_SYNTAX = -1,     /* empty, blanks, trailing characters, not a
	                           number at all */
	LT_NUM_HEX = -2,        /* hexadecimal (0x10, 0x1p3): strtod reads it,
	                           no user means it */
	LT_NUM_HUGE = -3,       /* beyond the type's range (1e999, 2^63) */
	LT_NUM_NOT_FINITE = -4, /* "inf", "infinity", "nan" */
	LT_NUM_TINY = -5,       /* a non-zero number below DBL_MIN that would
	                           become 0 or a subnormal (1e-400, 1e-310) */
	LT_NUM_NEG_ZERO = -6    /* "-0", "-0.0": no quantity lotrinh reads has
	                           a use for it, and it prints as "-0" */
} lt_num_status;

/* Parse S as a finite double written in decimal, with nothing before or
 * after it (the C locale's syntax: '.' for the decimal point, an optional
 * exponent).  Returns LT_NUM_OK and stores the value, or one of the
 * negative lt_num_status codes (value untouched): LT_NUM_SYNTAX,
 * LT_NUM_HEX, LT_NUM_HUGE, LT_NUM_NOT_FINITE, LT_NUM_TINY (a value that
 * is not zero as written but underflows to 0 or to a subnormal), or
 * LT_NUM_NEG_ZERO. */
int lt_parse_double(const char *s, double *value);

/* Parse S as a base-10 long with nothing before or after it; LT_NUM_OK or
 * LT_NUM_SYNTAX, LT_NUM_HEX, LT_NUM_HUGE (does not fit in a long) or
 * LT_NUM_NEG_ZERO ("-0") as above. */
int lt_parse_long(const char *s, long *value);

/* What the status of lt_parse_double or lt_parse_long means, to follow
 * "is" in a message: "not a number", "a hexadecimal number; write decimal
 * numbers", "too small to represent (...)", ...  The string is static. */
const char *lt_num_status_text(int status);

#endif /* LT_TEXT_H */
