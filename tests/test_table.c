/* test_table.c - typed result tables and documents (table.h) rendered as
 * text, CSV and JSON.
 *
 * Expected texts are written out by hand: columns padded to the widest
 * cell counted in display columns (one per Vietnamese letter, precomposed),
 * two spaces between columns; CSV per RFC 4180 (CRLF, quotes doubled,
 * fields with a comma, quote, CR or LF quoted); JSON null for every missing
 * or non-finite number.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/sink.h"
#include "lotrinh/table.h"

/* Render D in FORMAT and LANG; returns a copy of the text (caller frees). */
static char *render(const lt_doc *d, lt_format format, lt_lang lang)
{
	lt_sink *s = lt_sink_memory();
	char *copy;
	int rc;

	cr_assert_not_null(s);
	rc = lt_doc_render(d, format, lang, s, NULL);
	cr_assert_eq(rc, LT_OK, "render: status %d", rc);
	copy = strdup(lt_sink_text(s, NULL));
	cr_assert_eq(lt_sink_close(s, NULL), LT_OK);
	return copy;
}

/* A table of three indicators with Vietnamese names, typed cells and an
 * assumption mark, in a document. */
static lt_doc *roadmap(void)
{
	lt_doc *d = lt_doc_alloc("Lộ trình", NULL);
	lt_table *t = lt_doc_table(d, "rows", NULL, NULL, 4, LT_SHOW_ALL);

	cr_assert_not_null(t);
	lt_table_set_column(t, 0, "name", "Indicator", "Chỉ tiêu", LT_LEFT,
	                    LT_SHOW_ALL);
	lt_table_set_column(t, 1, "year", "Year", "Năm", LT_RIGHT, LT_SHOW_ALL);
	lt_table_set_column(t, 2, "value", "Value", "Giá trị", LT_RIGHT,
	                    LT_SHOW_ALL);
	lt_table_set_column(t, 3, "count", "Count", "Số", LT_RIGHT, LT_SHOW_ALL);
	lt_table_add_row(t);
	lt_table_set(t, 0, "Kinh tế số");
	lt_table_put(t, 1, lt_cell_year(2024));
	lt_table_put(t, 2, lt_cell_number(6.36, 2, 0, NULL));
	lt_table_put(t, 3, lt_cell_int(6529164));
	lt_table_add_row(t);
	lt_table_set(t, 0, "Đổi mới sáng tạo");
	lt_table_put(t, 1, lt_cell_marked(lt_cell_year(2025), "*"));
	lt_table_put(t, 2, lt_cell_number(1234.5, 1, 0, "%"));
	lt_table_put(t, 3, lt_cell_missing(NULL));
	lt_table_add_row(t);
	lt_table_set(t, 0, "PII");
	lt_table_put(t, 1, lt_cell_year(2023));
	lt_table_put(t, 2, lt_cell_number(NAN, 2, 0, NULL));
	lt_table_put(t, 3, lt_cell_missing("none"));
	return d;
}

Test(table, text_aligns_vietnamese_by_display_width)
{
	lt_doc *d = roadmap();
	char *s = render(d, LT_FORMAT_TABLE, LT_LANG_VI);

	/* Widths: name max("Chỉ tiêu" 8, "Kinh tế số" 10, "Đổi mới sáng tạo"
	 * 16, "PII" 3) = 16; year: the marked column is 4 + 1 wide, "2024"
	 * padded to "2024 ", header "Năm" (3) right-aligned in 5; value
	 * "6,36", "1.234,5%", "–" (NaN) and "Giá trị" (7) -> 8; count
	 * "6.529.164" (9), "–", "none", "Số".  Rule 16+2+5+2+8+2+9 = 44. */
	cr_expect_str_eq(s,
	    "Lộ trình\n"
	    "Chỉ tiêu            Năm   Giá trị         Số\n"
	    "--------------------------------------------\n"
	    "Kinh tế số        2024       6,36  6.529.164\n"
	    "Đổi mới sáng tạo  2025*  1.234,5%          –\n"
	    "PII               2023          –       none\n");
	free(s);
	s = render(d, LT_FORMAT_TABLE, LT_LANG_EN);
	cr_expect(strstr(s, "Indicator          Year     Value      Count\n")
	          != NULL, "%s", s);
	cr_expect(strstr(s, "Kinh tế số        2024       6.36  6,529,164\n")
	          != NULL, "%s", s);
	cr_expect(strstr(s, "1,234.5%") != NULL, "%s", s);
	free(s);
	lt_doc_free(d);
}

Test(table, csv_types_and_missing)
{
	lt_doc *d = roadmap();
	char *s = render(d, LT_FORMAT_CSV, LT_LANG_VI);

	/* keys as the header, numbers plain whatever the language, the year's
	 * mark only in text, missing and NaN empty, CRLF after every record */
	cr_expect_str_eq(s,
	    "name,year,value,count\r\n"
	    "Kinh tế số,2024,6.36,6529164\r\n"
	    "Đổi mới sáng tạo,2025,1234.5,\r\n"
	    "PII,2023,,\r\n");
	free(s);
	lt_doc_free(d);
}

Test(table, json_null_for_missing_and_not_finite)
{
	lt_doc *d = roadmap();
	char *s = render(d, LT_FORMAT_JSON, LT_LANG_EN);
	json_t *root = json_loads(s, 0, NULL), *rows, *r;

	cr_assert_not_null(root, "%s", s);
	rows = json_object_get(root, "rows");
	cr_assert_eq(json_array_size(rows), 3);
	r = json_array_get(rows, 0);
	cr_expect_float_eq(json_real_value(json_object_get(r, "value")), 6.36,
	                   1e-15);
	cr_expect_eq(json_integer_value(json_object_get(r, "count")), 6529164);
	cr_expect_eq(json_integer_value(json_object_get(r, "year")), 2024);
	/* a missing cell (with or without a reason) and a NaN are null, not 0 */
	cr_expect(json_is_null(json_object_get(json_array_get(rows, 1), "count")));
	r = json_array_get(rows, 2);
	cr_expect(json_is_null(json_object_get(r, "value")));
	cr_expect(json_is_null(json_object_get(r, "count")));
	json_decref(root);
	free(s);
	lt_doc_free(d);
}

/* No format ever prints nan or inf: non-finite numbers are missing. */
Test(table, never_nan_or_inf)
{
	static const double bad[] = {NAN, HUGE_VAL, -HUGE_VAL};
	lt_format f;
	size_t i;

	for (i = 0; i < 3; i++)
		for (f = LT_FORMAT_TABLE; f <= LT_FORMAT_JSON; f++) {
			lt_doc *d = lt_doc_alloc(NULL, NULL);
			lt_table *t = lt_doc_table(d, "t", NULL, NULL, 1, LT_SHOW_ALL);
			char *s;

			lt_table_set_header(t, 0, "x", LT_RIGHT);
			lt_table_add_row(t);
			lt_table_put(t, 0, lt_cell_number(bad[i], 3, LT_NUM_SIG, NULL));
			lt_doc_field(d, "f", "f", NULL, lt_cell_number(bad[i], 2, 0, "%"),
			             LT_SHOW_ALL);
			s = render(d, f, LT_LANG_EN);
			cr_expect(strstr(s, "nan") == NULL && strstr(s, "inf") == NULL &&
			          strstr(s, "NaN") == NULL && strstr(s, "Infinity") == NULL,
			          "format %d: %s", (int)f, s);
			free(s);
			lt_doc_free(d);
		}
}

/* One text cell as a CSV record (without the CRLF). */
static char *csv_of(const char *text)
{
	lt_table *t = lt_table_alloc(1);
	lt_sink *s = lt_sink_memory();
	size_t len;
	char *copy;

	lt_table_set_header(t, 0, "k", LT_LEFT);
	lt_table_add_row(t);
	lt_table_set(t, 0, text);
	cr_assert_eq(lt_table_write_csv(t, 0, s), LT_OK);
	copy = strdup(lt_sink_text(s, &len));
	cr_assert(len >= 2 && strcmp(copy + len - 2, "\r\n") == 0);
	copy[len - 2] = '\0';
	lt_sink_close(s, NULL);
	lt_table_free(t);
	return copy;
}

static void expect_csv(const char *text, const char *want)
{
	char *got = csv_of(text);

	cr_expect_str_eq(got, want, "CSV of [%s]", text);
	free(got);
}

Test(table, csv_quoting_rfc4180)
{
	expect_csv("plain", "plain");
	expect_csv("a,b", "\"a,b\"");
	expect_csv("say \"hi\"", "\"say \"\"hi\"\"\"");
	expect_csv("line\nbreak", "\"line\nbreak\"");
	expect_csv("cr\rhere", "\"cr\rhere\"");
	expect_csv("crlf\r\n", "\"crlf\r\n\"");
	expect_csv("", "");
	expect_csv("Tỷ lệ, %", "\"Tỷ lệ, %\"");
}

/* Text a spreadsheet would run as a formula gets a leading "'"; a plain
 * number does not. */
Test(table, csv_formula_guard)
{
	expect_csv("=SUM(A1:A9)", "'=SUM(A1:A9)");
	expect_csv("+cmd", "'+cmd");
	expect_csv("-2+3", "'-2+3");
	expect_csv("@A1", "'@A1");
	expect_csv("\tTAB", "'\tTAB");
	expect_csv("=1,2", "\"'=1,2\"");
	expect_csv("-3.5", "-3.5");
	expect_csv("+2e3", "+2e3");
	expect_csv("-", "'-");
	expect_csv("a=b", "a=b");
	/* OWASP's example of CSV injection: a command run through DDE */
	expect_csv("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0");
	expect_csv("\r=1", "\"'\r=1\"");
}

/* Parse one RFC 4180 field at *P (quoted or not) into BUF; *P is left on
 * the separator after it.  Returns 1, or 0 at the end of the text. */
static int rfc4180_field(const char **p, char *buf, size_t size)
{
	const char *s = *p;
	size_t n = 0;

	if (*s == '\0')
		return 0;
	if (*s == '"') {
		for (s++; *s != '\0'; s++) {
			if (*s == '"' && s[1] == '"')
				s++;
			else if (*s == '"')
				break;
			cr_assert_lt(n + 1, size);
			buf[n++] = *s;
		}
		cr_assert_eq(*s, '"', "an unterminated quoted field");
		s++;
	} else {
		for (; *s != '\0' && *s != ',' && *s != '\r'; s++) {
			cr_assert_neq(*s, '"', "a quote inside an unquoted field");
			cr_assert_lt(n + 1, size);
			buf[n++] = *s;
		}
	}
	buf[n] = '\0';
	*p = s;
	return 1;
}

/* CSV read back by an RFC 4180 parser: every number is the same double or
 * integer (a negative number stays "-5", never guarded), text comes back
 * as written, except text a spreadsheet would run, which comes back with
 * its guard. */
Test(table, csv_reads_back_rfc4180)
{
	static const struct {
		const char *text, *back;
		double number;
		long long integer;
	} rows[] = {
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0", -5.0, -12},
		{"a, \"quoted\"\r\nline", "a, \"quoted\"\r\nline", -0.07298, 2030},
		{"-5", "-5", 1234.5, 0},
		{"@A1", "'@A1", 0.1 + 0.2, -6529164},
		{"\t=1+1", "'\t=1+1", -2.385e-12, 7},
	};
	size_t n = sizeof rows / sizeof *rows, i;
	lt_table *t = lt_table_alloc(3);
	lt_sink *s = lt_sink_memory();
	const char *p;
	char field[256];

	lt_table_set_header(t, 0, "text", LT_LEFT);
	lt_table_set_header(t, 1, "number", LT_RIGHT);
	lt_table_set_header(t, 2, "integer", LT_RIGHT);
	for (i = 0; i < n; i++) {
		lt_table_add_row(t);
		lt_table_set(t, 0, rows[i].text);
		lt_table_put(t, 1, lt_cell_number(rows[i].number, 2, 0, NULL));
		lt_table_put(t, 2, lt_cell_int(rows[i].integer));
	}
	cr_assert_eq(lt_table_write_csv(t, 1, s), LT_OK);
	p = lt_sink_text(s, NULL);
	cr_assert(strncmp(p, "text,number,integer\r\n", 21) == 0);
	p += 21;
	for (i = 0; i < n; i++) {
		cr_assert(rfc4180_field(&p, field, sizeof field));
		cr_expect_str_eq(field, rows[i].back, "row %zu", i);
		cr_assert_eq(*p++, ',');
		cr_assert(rfc4180_field(&p, field, sizeof field));
		cr_expect(strtod(field, NULL) == rows[i].number, "row %zu: %s", i,
		          field);
		cr_assert_eq(*p++, ',');
		cr_assert(rfc4180_field(&p, field, sizeof field));
		cr_expect_eq(strtoll(field, NULL, 10), rows[i].integer, "row %zu", i);
		cr_assert(strncmp(p, "\r\n", 2) == 0, "row %zu ends in [%s]", i, p);
		p += 2;
	}
	cr_expect_str_eq(p, "");
	/* a negative number is written as a number, with its minus */
	cr_expect(strstr(lt_sink_text(s, NULL), ",-5,-12\r\n") != NULL);
	lt_sink_discard(s);
	lt_table_free(t);
}

static void expect_plain(double v, const char *want)
{
	lt_cell c = lt_cell_number(v, 2, 0, NULL);
	char buf[64];

	cr_expect_str_eq(lt_cell_csv(&c, buf, sizeof buf), want, "%.17g", v);
	cr_expect(strtod(buf, NULL) == v, "%s does not read back as %.17g", buf,
	          v);
}

/* CSV numbers: the shortest of 15, 16 and 17 significant digits that
 * reads back to the same double, whatever the text precision. */
Test(table, csv_number_precision)
{
	expect_plain(3.94, "3.94");
	expect_plain(0.1 + 0.2, "0.30000000000000004");
	expect_plain(1.0 / 3.0, "0.3333333333333333");
	expect_plain(6529164.0, "6529164");
	expect_plain(-2.385e-12, "-2.385e-12");
	expect_plain(-0.0, "-0");
}

static void expect_text(lt_cell c, lt_lang lang, const char *want)
{
	char buf[64];

	cr_expect_str_eq(lt_cell_format(&c, lang, buf, sizeof buf), want);
}

Test(table, text_number_styles)
{
	/* %+.3g as the paths table prints steps */
	expect_text(lt_cell_number(3.9399, 3, LT_NUM_SIG | LT_NUM_SIGN, NULL),
	            LT_LANG_EN, "+3.94");
	expect_text(lt_cell_number(-0.07298, 3, LT_NUM_SIG | LT_NUM_SIGN, NULL),
	            LT_LANG_VI, "-0,073");
	/* fixed: grouped, trimmed, signed only when not rounded to zero */
	expect_text(lt_cell_number(1234.5, 2, LT_NUM_TRIM, NULL), LT_LANG_EN,
	            "1,234.5");
	expect_text(lt_cell_number(1234.5, 2, LT_NUM_PLAIN, NULL), LT_LANG_VI,
	            "1234,50");
	expect_text(lt_cell_number(0.001, 1, LT_NUM_SIGN, NULL), LT_LANG_EN,
	            "0.0");
	expect_text(lt_cell_number(2.385, 1, LT_NUM_SIGN, "points"), LT_LANG_EN,
	            "+2.4 points");
	expect_text(lt_cell_int(-1234567), LT_LANG_VI, "-1.234.567");
	expect_text(lt_cell_year(2030), LT_LANG_EN, "2030");
	expect_text(lt_cell_bool(1), LT_LANG_VI, "có");
	expect_text(lt_cell_missing(NULL), LT_LANG_EN, "–");
	expect_text(lt_cell_missing("not reachable"), LT_LANG_EN,
	            "not reachable");
}

/* Sections, lines and fields in text; the same document nested in JSON;
 * its one CSV table. */
Test(table, document_sections)
{
	lt_doc *d = lt_doc_alloc("Title", "Tiêu đề");
	lt_doc *a, *b;
	lt_table *t;
	char *s;
	json_t *root;

	lt_doc_line(d, "first line");
	a = lt_doc_list_item(d, "items", "Kinh tế số", NULL, LT_SHOW_ALL);
	lt_doc_field(a, "grdp", "GRDP", NULL, lt_cell_int(168100), LT_SHOW_ALL);
	lt_doc_field(a, "growth", "Tăng trưởng", NULL,
	             lt_cell_number(11.5, 1, 0, "%"), LT_SHOW_ALL);
	t = lt_doc_table(a, "rows", NULL, NULL, 2, LT_SHOW_DATA);
	lt_table_set_header(t, 0, "id", LT_LEFT);
	lt_table_set_header(t, 1, "v", LT_RIGHT);
	lt_table_add_row(t);
	lt_table_set(t, 0, "a");
	lt_table_put(t, 1, lt_cell_number(1.5, 1, 0, NULL));
	b = lt_doc_list_item(d, "items", "PII", NULL, LT_SHOW_ALL);
	lt_doc_line(b, "only text");
	t = lt_doc_table(b, "rows", NULL, NULL, 2, LT_SHOW_DATA);
	lt_table_set_header(t, 0, "id", LT_LEFT);
	lt_table_set_header(t, 1, "v", LT_RIGHT);
	lt_table_add_row(t);
	lt_table_set(t, 0, "b");
	s = render(d, LT_FORMAT_TABLE, LT_LANG_EN);
	cr_expect_str_eq(s,
	    "Title\n"
	    "first line\n"
	    "\n"
	    "Kinh tế số\n"
	    "  GRDP         168,100\n"
	    "  Tăng trưởng  11.5%\n"
	    "\n"
	    "PII\n"
	    "  only text\n");
	free(s);
	s = render(d, LT_FORMAT_CSV, LT_LANG_EN);
	cr_expect_str_eq(s, "id,v\r\na,1.5\r\nb,\r\n");
	free(s);
	s = render(d, LT_FORMAT_JSON, LT_LANG_EN);
	root = json_loads(s, 0, NULL);
	cr_assert_not_null(root, "%s", s);
	cr_expect_eq(json_integer_value(json_object_get(json_array_get(
	             json_object_get(root, "items"), 0), "grdp")), 168100);
	cr_expect_str_eq(json_string_value(json_object_get(json_array_get(
	                 json_object_get(json_array_get(json_object_get(root,
	                 "items"), 1), "rows"), 0), "id")), "b");
	json_decref(root);
	free(s);
	lt_doc_free(d);
}

/* Two CSV tables with different columns cannot be one CSV table. */
Test(table, csv_tables_must_agree)
{
	lt_doc *d = lt_doc_alloc(NULL, NULL);
	lt_sink *s = lt_sink_memory();
	lt_diag diag;

	lt_table_set_header(lt_doc_table(d, "a", NULL, NULL, 1, LT_SHOW_CSV), 0,
	                    "x", LT_LEFT);
	lt_table_set_header(lt_doc_table(d, "b", NULL, NULL, 1, LT_SHOW_CSV), 0,
	                    "y", LT_LEFT);
	lt_diag_init(&diag, NULL);
	cr_expect_eq(lt_doc_render(d, LT_FORMAT_CSV, LT_LANG_EN, s, &diag),
	             LT_EINVAL);
	cr_expect_eq(diag.n, 1);
	lt_diag_destroy(&diag);
	lt_sink_discard(s);
	lt_doc_free(d);
}

/* Out of memory while building: later calls do nothing, and the render
 * says LT_ENOMEM instead of printing half a result. */
Test(table, out_of_memory_is_sticky)
{
	unsigned long n;

	for (n = 1; n < 40; n++) {
		lt_doc *d = lt_doc_alloc("t", NULL);
		lt_sink *s;
		lt_table *t;
		int rc;

		lt_alloc_fail_at(n);
		t = lt_doc_table(d, "t", NULL, NULL, 2, LT_SHOW_ALL);
		lt_table_set_header(t, 0, "a", LT_LEFT);
		lt_table_add_row(t);
		lt_table_set(t, 0, "x");
		lt_doc_line(d, "y");
		lt_alloc_fail_at(0);
		s = lt_sink_memory();
		cr_assert_not_null(s);
		rc = d != NULL ? lt_doc_render(d, LT_FORMAT_TABLE, LT_LANG_EN, s, NULL)
		     : LT_ENOMEM;
		cr_expect(rc == LT_OK || rc == LT_ENOMEM, "n = %lu: %d", n, rc);
		if (rc == LT_ENOMEM)
			cr_expect_str_empty(lt_sink_text(s, NULL), "n = %lu", n);
		lt_sink_discard(s);
		lt_doc_free(d);
	}
}
