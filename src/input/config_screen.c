/* config_screen.c - refuse text that is not a scenario before libconfig
 * sees it.
 *
 * libconfig 1.5 accepts without a word some things a scenario must not
 * hold, or misreads them: an @include directive (which would let a
 * scenario read any file, or /dev/zero, on the machine), whole numbers
 * beyond int, which it wraps (4294969320 becomes 2024), hexadecimal,
 * numbers that underflow to 0, negative zeros.  Other text it cannot read,
 * or would number wrongly: a NUL byte, invalid UTF-8, a string or comment
 * left open (it leaks its buffer and says only "syntax error"), a file
 * past 65535 lines.  One pass over the raw text refuses all of these
 * first, naming the line, and stops at the first: nothing after it can be
 * trusted.  A UTF-8 byte-order mark is skipped rather than refused.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "lotrinh/text.h"

#include "config_private.h"

/* Most lines in a scenario: libconfig keeps line numbers in an unsigned
 * short, so past this every message would name the wrong line. */
#define LT_MAX_LINES 65535
/* The UTF-8 encoding of U+FEFF, the byte-order mark. */
#define UTF8_BOM "\xEF\xBB\xBF"

/* Length of the string literal or comment at T (0 if none), so the
 * integer scan below skips them; counts newlines into *LINE.  A string
 * literal may span lines (libconfig allows it).  Sets *OPEN when the text
 * ends inside a string or a comment. */
static size_t skip_non_code(const char *t, int *line, int *open)
{
	size_t i = 0;

	if (t[0] == '"') {
		for (i = 1; t[i] != '\0' && t[i] != '"'; i++) {
			if (t[i] == '\n')
				(*line)++;
			if (t[i] == '\\' && t[i + 1] != '\0') {
				i++;
				if (t[i] == '\n')
					(*line)++;
			}
		}
		*open = t[i] == '\0';
		return t[i] == '"' ? i + 1 : i;
	}
	if (t[0] == '#' || (t[0] == '/' && t[1] == '/')) {
		while (t[i] != '\0' && t[i] != '\n')
			i++;
		return i;
	}
	if (t[0] == '/' && t[1] == '*') {
		for (i = 2; t[i] != '\0' && !(t[i] == '*' && t[i + 1] == '/'); i++)
			if (t[i] == '\n')
				(*line)++;
		*open = t[i] == '\0';
		return t[i] != '\0' ? i + 2 : i;
	}
	return 0;
}

/* Check the decimal number literal T[0..N) (an optional sign, digits, a
 * point, an exponent) at LINE: a non-zero number that underflows to 0 or
 * to a subnormal (libconfig reads 1e-400 as 0 without a word) and a
 * negative zero are refused.  Returns 0 or -1 (error recorded). */
static int screen_decimal(const char *t, size_t n, int line, const char *file,
                          lt_diag *d)
{
	char buf[64];
	int k = (int)(n > 24 ? 24 : n);
	int status;
	double v;

	if (n >= sizeof buf) /* far longer than any number a plan writes */
		return lt_error_raise(d, LT_EINVAL, file, line, "the number %.*s... "
		    "is too long (at most %zu characters)", k, t, sizeof buf - 1);
	memcpy(buf, t, n);
	buf[n] = '\0';
	status = lt_parse_double(buf, &v);
	if (status == LT_NUM_TINY)
		return lt_error_raise(d, LT_EINVAL, file, line, "the number %s is "
		    "too small to represent (it would become 0 or lose digits); "
		    "write it in larger units, or 0", buf);
	if (status == LT_NUM_NEG_ZERO)
		return lt_error_raise(d, LT_EINVAL, file, line, "the number %s is a "
		    "negative zero; write 0", buf);
	return 0;
}

/* libconfig 1.5 reads a whole number beyond the range of int without a
 * word: 4294969320 silently becomes 2024.  It also reads hexadecimal
 * (0x9 = 9), 1e-400 as 0 and keeps -0.0.  Find number literals (outside
 * strings and comments) that would wrap, that are hexadecimal, that
 * underflow or that are a negative zero, and strings or comments left open
 * at the end of the file.  Returns 0 or -1 (error). */
static int screen_integers(const char *t, const char *file, lt_diag *d)
{
	int line = 1;
	size_t i = 0, k;

	while (t[i] != '\0') {
		int start = line, open = 0;

		if ((k = skip_non_code(t + i, &line, &open)) > 0) {
			/* libconfig 1.5 leaks its buffer on an unterminated string,
			 * and says only "syntax error": catch it first */
			if (open)
				return lt_error_raise(d, LT_EINVAL, file, start, "this %s "
				    "is never closed: the file ends inside it", t[i] == '"'
				    ? "string (\")" : "comment (/* */)");
			i += k;
			continue;
		}
		if (t[i] == '\n')
			line++;
		if (isalpha((unsigned char)t[i]) || t[i] == '_' || t[i] == '*') {
			while (isalnum((unsigned char)t[i]) || t[i] == '_' || t[i] == '*' ||
			       t[i] == '-')
				i++;
			continue;
		}
		if (isdigit((unsigned char)t[i]) ||
		    (t[i] == '.' && isdigit((unsigned char)t[i + 1]))) {
			size_t j = i, z, nd, from = i;
			int hex = t[i] == '0' && (t[i + 1] == 'x' || t[i + 1] == 'X');
			/* INT_MIN's magnitude is one more than INT_MAX's */
			const char *max = i > 0 && t[i - 1] == '-' ? "2147483648"
			                                           : "2147483647";

			if (i > 0 && (t[i - 1] == '-' || t[i - 1] == '+'))
				from = i - 1; /* the sign belongs to the literal */
			if (hex) {
				while (isalnum((unsigned char)t[j]) || t[j] == '.' ||
				       ((t[j] == '-' || t[j] == '+') &&
				        (t[j - 1] == 'p' || t[j - 1] == 'P')))
					j++;
				return lt_error_raise(d, LT_EINVAL, file, line, "the number "
				    "%.*s is hexadecimal; write decimal numbers",
				    (int)(j - from > 24 ? 24 : j - from), t + from);
			}
			while (t[j] == '0')
				j++;
			z = j; /* first significant digit */
			while (isdigit((unsigned char)t[j]))
				j++;
			nd = j - z;
			if (t[j] != '.' && t[j] != 'e' && t[j] != 'E' && t[j] != 'L' &&
			    (nd > 10 || (nd == 10 && strncmp(t + z, max, 10) > 0))) {
				int n = (int)(j - i > 24 ? 24 : j - i);

				return lt_error_raise(d, LT_EINVAL, file, line, "the whole "
				    "number %.*s is too large (at most %s); write it with a "
				    "decimal point, e.g. %.*s.0", n, t + i, max, n, t + i);
			}
			/* the rest of a decimal literal: .digits, e[+-]digits */
			if (t[j] == '.')
				for (j++; isdigit((unsigned char)t[j]); j++)
					;
			if ((t[j] == 'e' || t[j] == 'E') &&
			    (isdigit((unsigned char)t[j + 1]) ||
			     ((t[j + 1] == '-' || t[j + 1] == '+') &&
			      isdigit((unsigned char)t[j + 2]))))
				for (j += 2; isdigit((unsigned char)t[j]); j++)
					;
			if (screen_decimal(t + from, j - from, line, file, d) != 0)
				return -1;
			while (isalnum((unsigned char)t[j]) || t[j] == '.')
				j++;
			i = j;
			continue;
		}
		i++;
	}
	return 0;
}

/* Refuse text that is not a scenario before libconfig parses it: NUL bytes,
 * invalid UTF-8, @include and integers libconfig would wrap.  Returns 0 or
 * -1 (error recorded). */
static int screen_text(const char *text, size_t len, const char *file,
                       lt_diag *d)
{
	size_t i = 0, k;
	int line = 1, bol = 1;
	uint32_t cp;

	while (i < len) {
		if (line > LT_MAX_LINES)
			return lt_error_raise(d, LT_EINVAL, file, 0, "the file has more "
			    "than %d lines, more than libconfig can number", LT_MAX_LINES);
		if (text[i] == '\0')
			return lt_error_raise(d, LT_EINVAL, file, line, "the file holds "
			    "a NUL byte: it is not a text scenario file");
		if (bol) {
			size_t j = i + strspn(text + i, " \t");
			if (strncmp(text + j, "@include", 8) == 0)
				return lt_error_raise(d, LT_EINVAL, file, line, "'@include' "
				    "is not supported: a scenario is one self-contained file");
			bol = 0;
		}
		if (text[i] == '\n') {
			line++;
			bol = 1;
			i++;
			continue;
		}
		k = lt_utf8_decode(text + i, len - i, &cp);
		if (cp == 0xFFFD && !(k == 3 && memcmp(text + i, "\xEF\xBF\xBD", 3)
		                      == 0))
			return lt_error_raise(d, LT_EINVAL, file, line, "invalid UTF-8: "
			    "scenario files must be UTF-8 text");
		i += k;
	}
	return screen_integers(text, file, d);
}

int lt_config_screen(const char **text, size_t *len, const char *file,
                     lt_diag *d)
{
	/* A UTF-8 byte-order mark (Windows editors write one) is no setting:
	 * libconfig would call it a syntax error.  It sits on line 1, so
	 * skipping it keeps every line number. */
	if (*len >= 3 && memcmp(*text, UTF8_BOM, 3) == 0) {
		*text += 3;
		*len -= 3;
	}
	return screen_text(*text, *len, file, d);
}
