/* test_report.c - number formats, language names and aligned tables
 * (report.h).
 *
 * Expected texts are written out by hand: numbers grouped by thousands with
 * "," and a "." decimal point in English, the other way round in Vietnamese
 * (as planners write 6.529.164 triệu đồng); table columns padded to the
 * widest cell counted in display columns (one per Vietnamese letter,
 * precomposed), with two spaces between columns.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/report.h"
#include "lotrinh/table.h"
#include "lotrinh/text.h"

/* ---- lt_format_number -------------------------------------------------- */

static void expect_number(double v, int decimals, int trim, lt_lang lang,
                          const char *want)
{
	char buf[128];

	cr_expect_str_eq(lt_format_number(v, decimals, trim, lang, buf, sizeof buf),
	                 want, "%.17g with %d decimals%s (%s): got \"%s\", want "
	                 "\"%s\"", v, decimals, trim ? " trimmed" : "",
	                 lang == LT_LANG_VI ? "vi" : "en", buf, want);
}

Test(report, format_number_english)
{
	/* Long An's declared total, Part IV: 6.529.164 triệu đồng */
	expect_number(6529164.0, 0, 0, LT_LANG_EN, "6,529,164");
	expect_number(42.05, 2, 1, LT_LANG_EN, "42.05");
	/* "1234.50" trimmed drops one zero */
	expect_number(1234.5, 2, 1, LT_LANG_EN, "1,234.5");
	/* "30.00" trimmed drops the point too */
	expect_number(30.0, 2, 1, LT_LANG_EN, "30");
	expect_number(30.0, 2, 0, LT_LANG_EN, "30.00");
	/* -1234567.891 to 2 decimals is -1234567.89 */
	expect_number(-1234567.891, 2, 0, LT_LANG_EN, "-1,234,567.89");
	/* groups of three from the right: 100 / 1,000 / 100,000 / 1,000,000 */
	expect_number(100.0, 0, 0, LT_LANG_EN, "100");
	expect_number(1000.0, 0, 0, LT_LANG_EN, "1,000");
	expect_number(100000.0, 0, 0, LT_LANG_EN, "100,000");
	expect_number(1000000.0, 0, 0, LT_LANG_EN, "1,000,000");
}

Test(report, format_number_rounding_and_sign)
{
	/* -0.001 rounds to zero: no "-0" */
	expect_number(-0.001, 2, 1, LT_LANG_EN, "0");
	expect_number(-0.001, 2, 0, LT_LANG_EN, "0.00");
	expect_number(-0.0, 0, 0, LT_LANG_EN, "0");
	expect_number(-0.4, 0, 0, LT_LANG_EN, "0");
	/* 999.999 rounds up across the thousands boundary: 1000.00 */
	expect_number(999.999, 2, 1, LT_LANG_EN, "1,000");
	expect_number(999.999, 2, 0, LT_LANG_EN, "1,000.00");
	/* -999.999 likewise */
	expect_number(-999.999, 2, 1, LT_LANG_EN, "-1,000");
}

Test(report, format_number_vietnamese)
{
	expect_number(6529164.0, 0, 0, LT_LANG_VI, "6.529.164");
	/* 42,05 điểm, as the Long An roadmap writes the 2024 PII */
	expect_number(42.05, 2, 1, LT_LANG_VI, "42,05");
	expect_number(1234.5, 2, 1, LT_LANG_VI, "1.234,5");
	expect_number(-1234567.891, 2, 0, LT_LANG_VI, "-1.234.567,89");
	expect_number(-0.001, 2, 1, LT_LANG_VI, "0");
}

Test(report, format_number_not_finite)
{
	/* not finite: missing, never nan or inf */
	expect_number(NAN, 2, 1, LT_LANG_EN, "–");
	expect_number(NAN, 0, 0, LT_LANG_VI, "–");
	expect_number(HUGE_VAL, 0, 0, LT_LANG_EN, "–");
	expect_number(-HUGE_VAL, 0, 0, LT_LANG_EN, "–");
}

Test(report, format_number_returns_buf_and_respects_size)
{
	char area[32];

	memset(area, 'X', sizeof area);
	cr_expect_eq(lt_format_number(6529164.0, 0, 0, LT_LANG_EN, area, 5), area);
	/* "6,529,164" cut to 4 characters and a NUL */
	cr_expect_str_eq(area, "6,52");
	cr_expect_eq(area[5], 'X', "wrote past the buffer");
}

/* Very large values: the integer part must keep all its digits.  %.0f of
 * the double nearest 1e70 is a 71-digit number (printf prints doubles
 * exactly); grouped, it must read the same once the separators are taken
 * out.  (An internal 64-byte buffer would cut it to 63 digits.) */
Test(report, format_number_huge_values_keep_every_digit)
{
	char buf[256], plain[128], stripped[256];
	size_t i, n = 0;

	lt_format_number(1e70, 0, 0, LT_LANG_EN, buf, sizeof buf);
	snprintf(plain, sizeof plain, "%.0f", 1e70);
	cr_assert_eq(strlen(plain), 71);
	for (i = 0; buf[i] != '\0'; i++)
		if (buf[i] != ',')
			stripped[n++] = buf[i];
	stripped[n] = '\0';
	cr_expect_str_eq(stripped, plain, "1e70 formatted as %s", buf);
}

/* ---- lt_lang_parse ----------------------------------------------------- */

Test(report, lang_parse)
{
	lt_lang l = LT_LANG_VI;

	cr_expect_eq(lt_lang_parse("en", &l), 0);
	cr_expect_eq(l, LT_LANG_EN);
	cr_expect_eq(lt_lang_parse("vi", &l), 0);
	cr_expect_eq(l, LT_LANG_VI);
	l = LT_LANG_EN;
	cr_expect_eq(lt_lang_parse("fr", &l), -1);
	cr_expect_eq(lt_lang_parse("", &l), -1);
	cr_expect_eq(lt_lang_parse("EN", &l), -1);
	cr_expect_eq(lt_lang_parse("english", &l), -1);
	cr_expect_eq(lt_lang_parse("v", &l), -1);
	cr_expect_eq(l, LT_LANG_EN, "a refused name changed the language");
}

/* ---- helpers ----------------------------------------------------------- */

/* Everything written to F since it was opened, as a new string. */
static char *contents(FILE *f)
{
	long n;
	char *s;

	fflush(f);
	n = ftell(f);
	cr_assert_geq(n, 0);
	s = malloc((size_t)n + 1);
	cr_assert_not_null(s);
	rewind(f);
	cr_assert_eq(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	return s;
}

/* ---- lt_table ---------------------------------------------------------- */

Test(report, table_aligns_by_display_width)
{
	lt_table *t = lt_table_alloc(3);
	FILE *f = tmpfile();
	char *s;

	cr_assert_not_null(t);
	cr_assert_not_null(f);
	cr_assert_eq(lt_table_set_header(t, 0, "Chỉ tiêu", LT_LEFT), 0);
	cr_assert_eq(lt_table_set_header(t, 1, "Năm 2024", LT_RIGHT), 0);
	cr_assert_eq(lt_table_set_header(t, 2, "Ghi chú", LT_LEFT), 0);
	cr_assert_eq(lt_table_add_row(t), 0);
	cr_assert_eq(lt_table_set(t, 0, "Kinh tế số"), 0);
	cr_assert_eq(lt_table_set(t, 1, "6,36"), 0);
	cr_assert_eq(lt_table_set(t, 2, "đạt"), 0);
	cr_assert_eq(lt_table_add_row(t), 0);
	cr_assert_eq(lt_table_set(t, 0, "Đổi mới sáng tạo"), 0);
	/* column 1 left empty in this row */
	cr_assert_eq(lt_table_setf(t, 2, "hạng %d", 12), 0);
	cr_assert_eq(lt_table_add_row(t), 0);
	/* column 0 left empty */
	cr_assert_eq(lt_table_set(t, 1, "42,05"), 0);
	cr_assert_eq(lt_table_set(t, 2, "điểm"), 0);
	cr_expect_eq(lt_table_rows(t), 3);
	lt_table_print(t, f, 2);
	s = contents(f);
	/* Column widths in display columns:
	 *   0: max("Chỉ tiêu" 8, "Kinh tế số" 10, "Đổi mới sáng tạo" 16, "" 0) = 16
	 *   1: max("Năm 2024" 8, "6,36" 4, "" 0, "42,05" 5) = 8, right-aligned
	 *   2: max("Ghi chú" 7, "đạt" 3, "hạng 12" 7, "điểm" 4) = 7, last column
	 *      (left-aligned, not padded)
	 * The rule is 16 + 2 + 8 + 2 + 7 = 35 dashes; every line is indented
	 * by 2. */
	cr_expect_str_eq(s,
	    "  Chỉ tiêu          Năm 2024  Ghi chú\n"
	    "  -----------------------------------\n"
	    "  Kinh tế số            6,36  đạt\n"
	    "  Đổi mới sáng tạo            hạng 12\n"
	    "                       42,05  điểm\n");
	free(s);
	fclose(f);
	lt_table_free(t);
}

Test(report, table_max_width_shortens)
{
	lt_table *t = lt_table_alloc(2);
	FILE *f = tmpfile();
	char *s;

	cr_assert_not_null(t);
	cr_assert_not_null(f);
	lt_table_set_header(t, 0, "Tên", LT_LEFT);
	lt_table_set_header(t, 1, "Số", LT_RIGHT);
	lt_table_set_max_width(t, 0, 10);
	lt_table_add_row(t);
	lt_table_set(t, 0, "Đổi mới sáng tạo");
	lt_table_set(t, 1, "5.861.734");
	lt_table_add_row(t);
	lt_table_set(t, 0, "Kinh tế số");
	lt_table_set(t, 1, "30");
	lt_table_print(t, f, 0);
	s = contents(f);
	/* Column 0 is limited to 10: "Đổi mới sáng tạo" (16) becomes "Đổi mới"
	 * (7) + "..." = 10, "Kinh tế số" is exactly 10 and stays.  Column 1:
	 * max("Số" 2, "5.861.734" 9, "30" 2) = 9.  Rule: 10 + 2 + 9 = 21. */
	cr_expect_str_eq(s,
	    "Tên                Số\n"
	    "---------------------\n"
	    "Đổi mới...  5.861.734\n"
	    "Kinh tế số         30\n");
	free(s);
	fclose(f);
	lt_table_free(t);
}

Test(report, table_header_only_and_free_null)
{
	lt_table *t = lt_table_alloc(1);
	FILE *f = tmpfile();
	char *s;

	cr_assert_not_null(t);
	cr_assert_not_null(f);
	lt_table_set_header(t, 0, "Chỉ số", LT_RIGHT);
	cr_expect_eq(lt_table_rows(t), 0);
	lt_table_print(t, f, 1);
	s = contents(f);
	/* one column of width 6, indented by 1 */
	cr_expect_str_eq(s, " Chỉ số\n ------\n");
	free(s);
	fclose(f);
	lt_table_free(t);
	lt_table_free(NULL);
}

/* A row added after many others keeps earlier cells (the cell array grows
 * by reallocation past its first 16 rows). */
Test(report, table_grows)
{
	lt_table *t = lt_table_alloc(2);
	FILE *f = tmpfile();
	char *s, line[64];
	int i;

	cr_assert_not_null(t);
	cr_assert_not_null(f);
	lt_table_set_header(t, 0, "n", LT_RIGHT);
	lt_table_set_header(t, 1, "n²", LT_RIGHT);
	for (i = 1; i <= 40; i++) {
		cr_assert_eq(lt_table_add_row(t), 0);
		lt_table_setf(t, 0, "%d", i);
		lt_table_setf(t, 1, "%d", i * i);
	}
	cr_expect_eq(lt_table_rows(t), 40);
	lt_table_print(t, f, 0);
	s = contents(f);
	/* widths: "40" 2 and "1600" 4 */
	{
		/* header " n" + 2 + "  n²"; rule 2 + 2 + 4; row " 1" + 2 + "   1" */
		const char *head = " n    n²\n--------\n 1     1\n";

		cr_expect(strncmp(s, head, strlen(head)) == 0, "%s", s);
	}
	snprintf(line, sizeof line, "\n%2d  %4d\n", 17, 17 * 17);
	cr_expect(strstr(s, line) != NULL, "row 17 lost:\n%s", s);
	cr_expect(strstr(s, "\n40  1600\n") != NULL, "%s", s);
	free(s);
	fclose(f);
	lt_table_free(t);
}
