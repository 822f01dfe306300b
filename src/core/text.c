/* text.c - UTF-8 display width and strict number parsing (see text.h).
 *
 * The width table is deliberately small: it covers the combining marks that
 * Vietnamese text may carry when it is not precomposed (U+0300..U+036F and
 * the other combining blocks), zero-width characters, and the East Asian
 * wide ranges of Unicode's EastAsianWidth.txt that a scenario might contain.
 */
#include "lotrinh/text.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

size_t lt_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len, i;
	uint32_t c, min;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xE0) == 0xC0) {
		len = 2, c = u[0] & 0x1F, min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		len = 3, c = u[0] & 0x0F, min = 0x800;
	} else if ((u[0] & 0xF8) == 0xF0) {
		len = 4, c = u[0] & 0x07, min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (len > n) {
		*cp = 0xFFFD;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return len;
}

struct range {
	uint32_t lo, hi;
};

static const struct range zero_width[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F},
	{0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
	{0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
};

static const struct range wide[] = {
	{0x1100, 0x115F},  {0x2E80, 0x303E},  {0x3041, 0x33FF},
	{0x3400, 0x4DBF},  {0x4E00, 0x9FFF},  {0xA000, 0xA4CF},
	{0xAC00, 0xD7A3},  {0xF900, 0xFAFF},  {0xFE30, 0xFE4F},
	{0xFF00, 0xFF60},  {0xFFE0, 0xFFE6},  {0x1F300, 0x1F64F},
	{0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static int in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cp >= r[i].lo && cp <= r[i].hi)
			return 1;
	return 0;
}

int lt_codepoint_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (in_ranges(cp, zero_width, sizeof zero_width / sizeof *zero_width))
		return 0;
	if (in_ranges(cp, wide, sizeof wide / sizeof *wide))
		return 2;
	return 1;
}

size_t lt_text_width(const char *s)
{
	size_t n = strlen(s), w = 0, k;
	uint32_t cp;

	while (n > 0) {
		k = lt_utf8_decode(s, n, &cp);
		w += (size_t)lt_codepoint_width(cp);
		s += k;
		n -= k;
	}
	return w;
}

/* Bytes of S that fit in COLS columns, never splitting a sequence. */
static size_t prefix_fitting(const char *s, size_t cols)
{
	size_t n = strlen(s), used = 0, w = 0, k;
	uint32_t cp;
	int cw;

	while (used < n) {
		k = lt_utf8_decode(s + used, n - used, &cp);
		cw = lt_codepoint_width(cp);
		if (w + (size_t)cw > cols)
			break;
		w += (size_t)cw;
		used += k;
	}
	return used;
}

char *lt_text_shorten(const char *s, size_t max_cols, char *buf, size_t size)
{
	size_t keep;

	if (size == 0)
		return buf;
	if (lt_text_width(s) <= max_cols && strlen(s) < size) {
		memcpy(buf, s, strlen(s) + 1);
		return buf;
	}
	if (max_cols < 3) {
		/* no room for "...": keep what fits */
		keep = prefix_fitting(s, max_cols);
		if (keep + 1 > size)
			keep = size - 1;
		while (keep > 0 && (((unsigned char)s[keep]) & 0xC0) == 0x80)
			keep--;
		memcpy(buf, s, keep);
		buf[keep] = '\0';
		return buf;
	}
	keep = prefix_fitting(s, max_cols - 3);
	if (keep + 4 > size)
		keep = size >= 4 ? size - 4 : 0;
	while (keep > 0 && (((unsigned char)s[keep]) & 0xC0) == 0x80)
		keep--;
	memcpy(buf, s, keep);
	if (size >= keep + 4)
		memcpy(buf + keep, "...", 4);
	else
		buf[keep] = '\0';
	return buf;
}

char *lt_text_quote(const char *s, size_t max_cols, char *buf, size_t size)
{
	char *p;

	lt_text_shorten(s, max_cols, buf, size);
	for (p = buf; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			*p = '?';
	return buf;
}

int lt_utf8_valid(const char *s)
{
	size_t n = strlen(s), k;
	uint32_t cp;

	while (n > 0) {
		k = lt_utf8_decode(s, n, &cp);
		if (cp == 0xFFFD && !(k == 3 && memcmp(s, "\xEF\xBF\xBD", 3) == 0))
			return 0;
		s += k;
		n -= k;
	}
	return 1;
}

/* 1 if S, after an optional sign, starts with 0x or 0X and a hex digit or
 * a point: strtod reads hexadecimal (0x10, 0x1p3, 0x.8), which no user of
 * lotrinh means to write.  "0x" alone is no number at all. */
static int is_hex(const char *s)
{
	if (*s == '+' || *s == '-')
		s++;
	return s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
	       (isxdigit((unsigned char)s[2]) || s[2] == '.');
}

/* 1 if the decimal number text S (as accepted by strtod, hex excluded)
 * has a non-zero digit before its exponent: its value is not zero. */
static int nonzero_digits(const char *s)
{
	for (; *s != '\0' && *s != 'e' && *s != 'E'; s++)
		if (*s >= '1' && *s <= '9')
			return 1;
	return 0;
}

int lt_parse_double(const char *s, double *value)
{
	char *end;
	double v;

	if (s == NULL || *s == '\0' || isspace((unsigned char)*s))
		return LT_NUM_SYNTAX;
	if (is_hex(s))
		return LT_NUM_HEX;
	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end != '\0')
		return LT_NUM_SYNTAX;
	/* strtod also reads "inf", "infinity" and "nan" */
	if (isalpha((unsigned char)s[*s == '+' || *s == '-']))
		return LT_NUM_NOT_FINITE;
	if (!isfinite(v))
		return LT_NUM_HUGE;
	/* a non-zero literal that came out as 0 or as a subnormal (which
	 * keeps fewer than 53 bits) is not the number written */
	if ((v == 0 && nonzero_digits(s)) || (v != 0 && fabs(v) < DBL_MIN))
		return LT_NUM_TINY;
	if (v == 0 && signbit(v))
		return LT_NUM_NEG_ZERO;
	*value = v;
	return LT_NUM_OK;
}

int lt_parse_long(const char *s, long *value)
{
	char *end;
	long v;

	if (s == NULL || *s == '\0' || isspace((unsigned char)*s))
		return LT_NUM_SYNTAX;
	if (is_hex(s))
		return LT_NUM_HEX;
	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || *end != '\0')
		return LT_NUM_SYNTAX;
	if (errno == ERANGE)
		return LT_NUM_HUGE;
	if (v == 0 && *s == '-')
		return LT_NUM_NEG_ZERO;
	*value = v;
	return LT_NUM_OK;
}

const char *lt_num_status_text(int status)
{
	switch (status) {
	case LT_NUM_OK:
		return "a number";
	case LT_NUM_HEX:
		return "a hexadecimal number; write decimal numbers";
	case LT_NUM_HUGE:
		return "too large to represent";
	case LT_NUM_NOT_FINITE:
		return "not a finite number";
	case LT_NUM_TINY:
		return "too small to represent (it would become 0 or lose digits)";
	case LT_NUM_NEG_ZERO:
		return "a negative zero; write 0";
	default:
		return "not a number";
	}
}
