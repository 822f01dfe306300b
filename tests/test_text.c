/* test_text.c - UTF-8 decoding, display width, safe shortening and strict
 * number parsing (text.h).
 *
 * Expected code points and byte counts come from the UTF-8 definition
 * (RFC 3629, section 3 table): 1 byte below U+0080, 2 below U+0800, 3 below
 * U+10000, 4 up to U+10FFFF; overlong forms and the surrogates U+D800..DFFF
 * are invalid.  Widths come from counting letters by hand: a precomposed
 * Vietnamese letter is one column, a combining mark (U+0300..U+036F) none,
 * a CJK ideograph (East Asian Wide) two.
 */
#include <criterion/criterion.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lotrinh/text.h"

/* ---- lt_utf8_decode ---------------------------------------------------- */

/* Decode S (its strlen bytes) and check the code point and length. */
static void expect_decode(const char *s, uint32_t cp, size_t len)
{
	uint32_t got = 0;
	size_t k = lt_utf8_decode(s, strlen(s), &got);

	cr_expect_eq(got, cp, "decode: U+%04X, want U+%04X", (unsigned)got,
	             (unsigned)cp);
	cr_expect_eq(k, len, "decode: %zu bytes, want %zu", k, len);
}

Test(text, decode_ascii)
{
	expect_decode("A", 0x41, 1);   /* 'A' is 0x41 in ASCII */
	expect_decode("~x", 0x7E, 1);  /* one character at a time */
}

Test(text, decode_two_three_four_bytes)
{
	/* é U+00E9: 110 00011, 10 101001 = C3 A9 */
	expect_decode("\xC3\xA9", 0xE9, 2);
	/* Đ U+0110: C4 90 */
	expect_decode("\xC4\x90", 0x110, 2);
	/* ổ U+1ED5: 1110 0001, 10 111011, 10 010101 = E1 BB 95 */
	expect_decode("\xE1\xBB\x95", 0x1ED5, 3);
	/* € U+20AC: E2 82 AC (RFC 3629's own example is U+20AC in 3 bytes) */
	expect_decode("\xE2\x82\xAC", 0x20AC, 3);
	/* U+1F600: F0 9F 98 80 */
	expect_decode("\xF0\x9F\x98\x80", 0x1F600, 4);
	/* U+10FFFF, the last code point: F4 8F BF BF */
	expect_decode("\xF4\x8F\xBF\xBF", 0x10FFFF, 4);
}

Test(text, decode_invalid_continuation)
{
	/* C3 needs one continuation byte (10xxxxxx); '(' is 0x28 */
	expect_decode("\xC3\x28", 0xFFFD, 1);
	/* a continuation byte with no lead */
	expect_decode("\x80", 0xFFFD, 1);
	/* bytes that never appear in UTF-8 */
	expect_decode("\xFF", 0xFFFD, 1);
	expect_decode("\xF8\x88\x80\x80\x80", 0xFFFD, 1);
}

Test(text, decode_overlong_is_replaced)
{
	/* C0 AF would be '/' (U+002F) in two bytes: overlong, so invalid, and
	 * only the lead byte is consumed */
	expect_decode("\xC0\xAF", 0xFFFD, 1);
	/* E0 80 AF: '/' again in three bytes */
	expect_decode("\xE0\x80\xAF", 0xFFFD, 1);
}

Test(text, decode_surrogate_and_beyond_unicode)
{
	/* ED A0 80 would be U+D800, a UTF-16 surrogate */
	expect_decode("\xED\xA0\x80", 0xFFFD, 1);
	/* ED BF BF would be U+DFFF */
	expect_decode("\xED\xBF\xBF", 0xFFFD, 1);
	/* F4 90 80 80 would be U+110000, past the last code point */
	expect_decode("\xF4\x90\x80\x80", 0xFFFD, 1);
}

Test(text, decode_truncated)
{
	uint32_t cp = 0;

	/* the first two bytes of € (E2 82 AC) with N = 2: the sequence does
	 * not fit in N */
	cr_expect_eq(lt_utf8_decode("\xE2\x82\xAC", 2, &cp), 1);
	cr_expect_eq(cp, 0xFFFD);
	/* a 4-byte lead with N = 1 */
	cr_expect_eq(lt_utf8_decode("\xF0\x9F\x98\x80", 1, &cp), 1);
	cr_expect_eq(cp, 0xFFFD);
	/* cut by the end of the string: the NUL is not a continuation byte */
	cr_expect_eq(lt_utf8_decode("\xE2\x82", 3, &cp), 1);
	cr_expect_eq(cp, 0xFFFD);
}

Test(text, decode_literal_replacement_character)
{
	/* U+FFFD written in the text (EF BF BD) decodes as itself, 3 bytes */
	expect_decode("\xEF\xBF\xBD", 0xFFFD, 3);
}

/* ---- width ------------------------------------------------------------- */

Test(text, width_precomposed_vietnamese)
{
	/* C h ỉ(U+1EC9) space s ố(U+1ED1): six letters, six columns */
	cr_expect_eq(lt_text_width("Chỉ số"), 6);
	/* Đ ổ i space m ớ i: 7 columns in 12 bytes */
	cr_expect_eq(lt_text_width("Đổi mới"), 7);
	cr_expect_eq(strlen("Đổi mới"), 12);
}

Test(text, width_combining_marks)
{
	/* e + U+0301 COMBINING ACUTE ACCENT (CC 81): one column */
	cr_expect_eq(lt_text_width("e\xCC\x81"), 1);
	/* "Chỉ số" decomposed: i + U+0309 hook above, o + U+0302 circumflex +
	 * U+0301 acute: the same 6 columns as the precomposed form */
	cr_expect_eq(lt_text_width("Chi\xCC\x89 so\xCC\x82\xCC\x81"), 6);
}

Test(text, width_wide_and_empty)
{
	/* 漢 U+6F22 and 字 U+5B57 are East Asian Wide: 2 columns each */
	cr_expect_eq(lt_text_width("漢字"), 4);
	cr_expect_eq(lt_text_width(""), 0);
	/* a control character takes no column */
	cr_expect_eq(lt_text_width("a\tb"), 2);
}

Test(text, codepoint_width_classes)
{
	cr_expect_eq(lt_codepoint_width(0x41), 1);    /* A */
	cr_expect_eq(lt_codepoint_width(0x1ED1), 1);  /* ố */
	cr_expect_eq(lt_codepoint_width(0x0301), 0);  /* combining acute */
	cr_expect_eq(lt_codepoint_width(0x200B), 0);  /* zero width space */
	cr_expect_eq(lt_codepoint_width(0x0A), 0);    /* line feed */
	cr_expect_eq(lt_codepoint_width(0x6F22), 2);  /* 漢 */
	cr_expect_eq(lt_codepoint_width(0xAC00), 2);  /* 가, Hangul syllable */
}

/* ---- lt_text_shorten --------------------------------------------------- */

Test(text, shorten_vietnamese_keeps_whole_letters)
{
	char buf[64];

	/* "Đổi mới sáng tạo" is 16 columns; 8 columns keep 8 - 3 = 5 of them,
	 * "Đổi m", then "..." */
	cr_expect_str_eq(lt_text_shorten("Đổi mới sáng tạo", 8, buf, sizeof buf),
	                 "Đổi m...");
	cr_expect_eq(lt_text_width(buf), 8);
	/* 9 columns: "Đổi mớ" (6) + "..." */
	cr_expect_str_eq(lt_text_shorten("Đổi mới sáng tạo", 9, buf, sizeof buf),
	                 "Đổi mớ...");
}

Test(text, shorten_returns_buf)
{
	char buf[32];

	cr_expect_eq(lt_text_shorten("abc", 10, buf, sizeof buf), buf);
	cr_expect_eq(lt_text_shorten("abcdefghijklmnop", 5, buf, sizeof buf), buf);
}

Test(text, shorten_fitting_string_unchanged)
{
	char buf[64];

	/* 6 columns fit in 6 and in 40 */
	cr_expect_str_eq(lt_text_shorten("Chỉ số", 6, buf, sizeof buf), "Chỉ số");
	cr_expect_str_eq(lt_text_shorten("Chỉ số", 40, buf, sizeof buf), "Chỉ số");
	cr_expect_str_eq(lt_text_shorten("", 0, buf, sizeof buf), "");
	/* 16 columns, exactly the limit */
	cr_expect_str_eq(lt_text_shorten("Đổi mới sáng tạo", 16, buf, sizeof buf),
	                 "Đổi mới sáng tạo");
}

Test(text, shorten_keeps_combining_mark_with_its_letter)
{
	char buf[64];

	/* five times e + U+0301 (5 columns) to 4 columns: one letter (with
	 * its mark, 3 bytes) + "..." */
	cr_expect_str_eq(lt_text_shorten("e\xCC\x81" "e\xCC\x81" "e\xCC\x81"
	                                 "e\xCC\x81" "e\xCC\x81", 4, buf,
	                                 sizeof buf), "e\xCC\x81...");
}

Test(text, shorten_wide_characters)
{
	char buf[64];

	/* 漢字漢字 is 8 columns; 5 leave 2 for text: one ideograph */
	cr_expect_str_eq(lt_text_shorten("漢字漢字", 5, buf, sizeof buf), "漢...");
	/* 6 leave 3: a second ideograph would need 4, so still one */
	cr_expect_str_eq(lt_text_shorten("漢字漢字", 6, buf, sizeof buf), "漢...");
}

Test(text, shorten_buffer_too_small)
{
	const char *s = "Đổi mới sáng tạo";
	char buf[16];

	/* Đ is C4 90, ổ E1 BB 95: with 9 bytes there is room for 5 bytes of
	 * text + "..." + NUL, exactly "Đổ" */
	cr_expect_str_eq(lt_text_shorten(s, 80, buf, 9), "Đổ...");
	/* 7 bytes leave 3 for text, which would cut ổ: keep only "Đ" */
	cr_expect_str_eq(lt_text_shorten(s, 80, buf, 7), "Đ...");
	/* 4 bytes: "..." alone; 3 bytes: nothing fits but the NUL */
	cr_expect_str_eq(lt_text_shorten(s, 80, buf, 4), "...");
	cr_expect_str_eq(lt_text_shorten(s, 80, buf, 3), "");
	cr_expect_str_eq(lt_text_shorten(s, 80, buf, 1), "");
}

/* Whatever the buffer size, the copy is NUL-terminated inside it, valid
 * UTF-8, and leaves the bytes after the buffer alone. */
Test(text, shorten_never_splits_or_overruns)
{
	const char *s = "Đổi mới sáng tạo, 漢字 e\xCC\x81";
	char area[80];
	size_t size, cols;

	for (size = 1; size < 48; size++) {
		for (cols = 3; cols < 40; cols++) {
			memset(area, 'X', sizeof area);
			lt_text_shorten(s, cols, area, size);
			cr_assert(memchr(area, '\0', size) != NULL,
			          "size %zu cols %zu: not terminated", size, cols);
			cr_expect(lt_utf8_valid(area), "size %zu cols %zu: split a "
			          "sequence: %s", size, cols, area);
			cr_expect_leq(lt_text_width(area), cols, "size %zu cols %zu: "
			              "%s", size, cols, area);
			cr_expect_eq(area[size], 'X', "size %zu: wrote past the buffer",
			             size);
		}
	}
}

/* text.h: "keeping at most MAX_COLS columns; when S is longer, the copy
 * ends in "..." within MAX_COLS".  Below 3 columns "..." itself does not
 * fit, so the copy must drop (some of) the dots rather than exceed the
 * limit. */
Test(text, shorten_below_three_columns_stays_within_limit)
{
	char buf[32];
	size_t cols;

	for (cols = 0; cols < 3; cols++) {
		lt_text_shorten("abcdef", cols, buf, sizeof buf);
		cr_expect_leq(lt_text_width(buf), cols, "max_cols %zu gave \"%s\" "
		              "(%zu columns)", cols, buf, lt_text_width(buf));
	}
}

/* ---- lt_utf8_valid ----------------------------------------------------- */

Test(text, utf8_valid)
{
	cr_expect_eq(lt_utf8_valid(""), 1);
	cr_expect_eq(lt_utf8_valid("Chỉ số Đổi mới sáng tạo"), 1);
	cr_expect_eq(lt_utf8_valid("漢字 \xF0\x9F\x98\x80"), 1);
	/* U+FFFD written out is a valid character */
	cr_expect_eq(lt_utf8_valid("a\xEF\xBF\xBD" "b"), 1);
	cr_expect_eq(lt_utf8_valid("\xC0\xAF"), 0);          /* overlong */
	cr_expect_eq(lt_utf8_valid("\xED\xA0\x80"), 0);      /* surrogate */
	cr_expect_eq(lt_utf8_valid("abc\xE2\x82"), 0);       /* truncated */
	cr_expect_eq(lt_utf8_valid("\xF4\x90\x80\x80"), 0);  /* > U+10FFFF */
	cr_expect_eq(lt_utf8_valid("caf\xE9"), 0);           /* Latin-1 é */
	cr_expect_eq(lt_utf8_valid("\x80"), 0);              /* stray byte */
}

/* ---- lt_parse_double --------------------------------------------------- */

Test(text, parse_double_accepts)
{
	double v = 0.0;

	/* strtod rounds correctly, so "2.385" gives the same double as the
	 * literal 2.385; the tolerance is one ulp at 2.385 */
	cr_expect_eq(lt_parse_double("2.385", &v), 0);
	cr_expect_float_eq(v, 2.385, 2.385 * DBL_EPSILON);
	cr_expect_eq(lt_parse_double("-1e-3", &v), 0);
	cr_expect_float_eq(v, -0.001, 0.001 * DBL_EPSILON);
	cr_expect_eq(lt_parse_double("6529164", &v), 0);
	cr_expect_float_eq(v, 6529164.0, 6529164.0 * DBL_EPSILON);
	/* DBL_MAX, the largest finite double, still parses */
	cr_expect_eq(lt_parse_double("1.7976931348623157e308", &v), 0);
	cr_expect_float_eq(v, DBL_MAX, DBL_MAX * DBL_EPSILON);
}

Test(text, parse_double_rejects)
{
	static const struct {
		const char *text;
		int status;
	} bad[] = {
		{"", LT_NUM_SYNTAX}, {"1.0x", LT_NUM_SYNTAX}, {" ", LT_NUM_SYNTAX},
		{"x1", LT_NUM_SYNTAX}, {"1,5", LT_NUM_SYNTAX},
		{"2.385 ", LT_NUM_SYNTAX}, {" 2.385", LT_NUM_SYNTAX},
		{"inf", LT_NUM_NOT_FINITE}, {"-inf", LT_NUM_NOT_FINITE},
		{"nan", LT_NUM_NOT_FINITE}, {"Infinity", LT_NUM_NOT_FINITE},
		{"1e999", LT_NUM_HUGE}, {"-1e999", LT_NUM_HUGE},
		/* issue 8: strtod reads hexadecimal, integers and floats alike */
		{"0x10", LT_NUM_HEX}, {"0X10", LT_NUM_HEX}, {"0x1p3", LT_NUM_HEX},
		{"-0x1p-3", LT_NUM_HEX}, {"+0x0", LT_NUM_HEX}, {"0x.8", LT_NUM_HEX},
		/* "0x" alone is no number at all */
		{"0x", LT_NUM_SYNTAX},
		/* issue 8: 1e-400 became 0; 1e-310 is a subnormal, 2.385e-320
		 * keeps only 3 significant digits */
		{"1e-400", LT_NUM_TINY}, {"-1e-400", LT_NUM_TINY},
		{"1e-310", LT_NUM_TINY}, {"2.385e-320", LT_NUM_TINY},
		{"0.0000001e-305", LT_NUM_TINY},
		/* issue 8: a negative zero */
		{"-0", LT_NUM_NEG_ZERO}, {"-0.0", LT_NUM_NEG_ZERO},
		{"-0e5", LT_NUM_NEG_ZERO}, {"-.0", LT_NUM_NEG_ZERO},
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		double v = 2.385;

		cr_expect_eq(lt_parse_double(bad[i].text, &v), bad[i].status,
		             "'%s': status %d, want %d", bad[i].text,
		             lt_parse_double(bad[i].text, &(double){0}),
		             bad[i].status);
		/* the value is left untouched (2.385 is exact in the comparison
		 * below: nothing may have been stored) */
		cr_expect_float_eq(v, 2.385, 2.385 * DBL_EPSILON, "'%s' stored %g",
		                   bad[i].text, v);
	}
	cr_expect_eq(lt_parse_double(NULL, &(double){0}), LT_NUM_SYNTAX);
}

/* Zero written without a minus sign, and the extremes that still hold
 * every digit: DBL_MIN, the smallest normal double, is accepted; so is a
 * zero with an exponent that would underflow a non-zero mantissa. */
Test(text, parse_double_zero_and_smallest)
{
	double v = 2.385;

	cr_expect_eq(lt_parse_double("0", &v), LT_NUM_OK);
	cr_expect(v == 0 && !signbit(v));
	cr_expect_eq(lt_parse_double("+0.0", &v), LT_NUM_OK);
	cr_expect(v == 0 && !signbit(v));
	cr_expect_eq(lt_parse_double("0.000e-999", &v), LT_NUM_OK);
	cr_expect(v == 0);
	cr_expect_eq(lt_parse_double("2.2250738585072014e-308", &v), LT_NUM_OK);
	cr_expect_float_eq(v, DBL_MIN, 0.0);
	cr_expect_eq(lt_parse_double("-2.2250738585072014e-308", &v), LT_NUM_OK);
	cr_expect_eq(lt_parse_double("-1e-300", &v), LT_NUM_OK);
	cr_expect_float_eq(v, -1e-300, 1e-300 * DBL_EPSILON);
}

Test(text, num_status_text)
{
	cr_expect_str_eq(lt_num_status_text(LT_NUM_SYNTAX), "not a number");
	cr_expect_str_eq(lt_num_status_text(LT_NUM_HEX),
	                 "a hexadecimal number; write decimal numbers");
	cr_expect_str_eq(lt_num_status_text(LT_NUM_TINY), "too small to "
	                 "represent (it would become 0 or lose digits)");
	cr_expect_str_eq(lt_num_status_text(LT_NUM_NEG_ZERO),
	                 "a negative zero; write 0");
	cr_expect_str_eq(lt_num_status_text(LT_NUM_HUGE),
	                 "too large to represent");
	cr_expect_str_eq(lt_num_status_text(LT_NUM_NOT_FINITE),
	                 "not a finite number");
	cr_expect_str_eq(lt_num_status_text(12345), "not a number");
}

/* ---- lt_parse_long ----------------------------------------------------- */

Test(text, parse_long_accepts)
{
	long v = 0;

	cr_expect_eq(lt_parse_long("2030", &v), 0);
	cr_expect_eq(v, 2030);
	cr_expect_eq(lt_parse_long("-42", &v), 0);
	cr_expect_eq(v, -42);
	/* LONG_MAX is the largest that fits; build its text with printf */
	{
		char max[32];

		snprintf(max, sizeof max, "%ld", LONG_MAX);
		cr_expect_eq(lt_parse_long(max, &v), 0);
		cr_expect_eq(v, LONG_MAX);
	}
}

Test(text, parse_long_rejects)
{
	/* 99999999999999999999 (20 digits) is above 2^64 > LONG_MAX */
	static const struct {
		const char *text;
		int status;
	} bad[] = {
		{"12a", LT_NUM_SYNTAX}, {"", LT_NUM_SYNTAX}, {" ", LT_NUM_SYNTAX},
		{"1.5", LT_NUM_SYNTAX}, {"a", LT_NUM_SYNTAX},
		{"99999999999999999999", LT_NUM_HUGE},
		{"-99999999999999999999", LT_NUM_HUGE},
		{"0x", LT_NUM_SYNTAX}, {"0x10", LT_NUM_HEX}, {"-0X7", LT_NUM_HEX},
		{"-0", LT_NUM_NEG_ZERO}, {"-000", LT_NUM_NEG_ZERO},
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		long v = 7;

		cr_expect_eq(lt_parse_long(bad[i].text, &v), bad[i].status,
		             "'%s' accepted or refused for another reason",
		             bad[i].text);
		cr_expect_eq(v, 7, "'%s' stored %ld", bad[i].text, v);
	}
	cr_expect_eq(lt_parse_long(NULL, &(long){0}), LT_NUM_SYNTAX);
	cr_expect_eq(lt_parse_long("0", &(long){7}), LT_NUM_OK);
	cr_expect_eq(lt_parse_long("+0", &(long){7}), LT_NUM_OK);
}
