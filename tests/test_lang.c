/* test_lang.c - every command in Vietnamese (issue 11, point 6).
 *
 * For each command run with --lang vi: its key Vietnamese words are there
 * (with their diacritics), numbers carry a decimal comma, no English word
 * of its labels is left in the text, tables line up by display width, and
 * CSV and JSON are byte for byte what --lang en writes (their keys, ids
 * and numbers never change with the language: titles are text only, so no
 * title is in JSON).  show is the one exception: its roadmap table names
 * each indicator, its unit and target for the people who open its CSV or
 * workbook, in the language asked for; its keys and numbers stay.  --help prints the same Vietnamese usage whether
 * --lang comes before or after it; a bad value is one line and exit 2.
 * The audit's findings are worded from their numbers (finding.h): every
 * finding of the shipped scenarios has a shape and a Vietnamese sentence,
 * and its English is exactly the text CSV and JSON carry.
 */
#include <criterion/criterion.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "lotrinh/audit.h"
#include "lotrinh/config.h"
#include "lotrinh/finding.h"
#include "lotrinh/report.h"
#include "lotrinh/scenario.h"

#define LONG_AN "scenarios/long_an.cfg"

/* The commands that take --lang, each with arguments that run it quickly
 * on Long An (NULL-terminated, the scenario last). */
static const char *const quick[][10] = {
	{"paths", LONG_AN, NULL},
	{"audit", LONG_AN, NULL},
	{"simulate", "--draws", "200", LONG_AN, NULL},
	{"solve", LONG_AN, NULL},
	{"solve", "--probability", "0.8", "--draws", "300", LONG_AN, NULL},
	{"sens", "--samples", "64", "--bootstrap", "0", LONG_AN, NULL},
};
#define N_QUICK (sizeof quick / sizeof *quick)

/* Run ARGS with "--lang LANG" (NULL: none) and "--format FORMAT" (NULL:
 * table) after the command name. */
static struct run run_in(const char *const *args, const char *lang,
                         const char *format)
{
	const char *argv[24];
	size_t n = 0, i;

	argv[n++] = args[0];
	if (lang != NULL) {
		argv[n++] = "--lang";
		argv[n++] = lang;
	}
	if (format != NULL) {
		argv[n++] = "--format";
		argv[n++] = format;
	}
	for (i = 1; args[i] != NULL; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	return run_cli_v(argv);
}

/* 1 if WORD occurs in TEXT as a word: not inside a longer word or id
 * (letters, digits and '_' on either side). */
static int has_word(const char *text, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = strstr(text, word); p != NULL; p = strstr(p + 1, word)) {
		int before = p > text && (isalnum((unsigned char)p[-1]) ||
		                          p[-1] == '_');
		int after = isalnum((unsigned char)p[n]) || p[n] == '_';

		if (!before && !after)
			return 1;
	}
	return 0;
}

/* The English words of the commands' labels, headers and sentences: none
 * may be left in Vietnamese text (ids are words with '_' and never
 * match; file names are not words either). */
static const char *const english[] = {
	"the", "and", "of", "year", "years", "a year", "target", "targets",
	"baseline", "milestone", "milestones", "scenario", "business as usual",
	"share", "million", "billion", "points", "places", "draws", "needs",
	"history", "progress", "trend", "path", "note", "not reachable",
	"not simulated", "Schedule", "indicator", "value", "swing", "parameter",
	"factor", "mean", "observation", "observations", "error", "warning",
	"info", "Documents", "met", "with", "spending", "capital", "intensity",
	"public", "all together", "none", "Required", "Simulation", "Inverse",
	"Sensitivity", "Audit", "Probability", "gap", "plausible",
};

/* Expect no English word in TEXT (what: for the message). */
static void expect_no_english(const char *text, const char *what)
{
	size_t i;

	for (i = 0; i < sizeof english / sizeof *english; i++)
		cr_expect(!has_word(text, english[i]), "%s: the English word '%s' "
		          "is left in:\n%s", what, english[i], text);
}

/* The lines of TEXT from the line starting with FROM (NULL: the start) up
 * to the line starting with TO (NULL: the end), without the lines that
 * start with SKIP (NULL: none), into BUF (SIZE bytes). */
static const char *lines_between(const char *text, const char *from,
                                 const char *to, const char *skip, char *buf,
                                 size_t size)
{
	const char *p = text;
	size_t n = 0;
	int on = from == NULL;

	while (*p != '\0') {
		const char *end = strchr(p, '\n');
		size_t len = end != NULL ? (size_t)(end - p) : strlen(p);

		if (!on && strncmp(p, from, strlen(from)) == 0)
			on = 1;
		else if (on && to != NULL && strncmp(p, to, strlen(to)) == 0)
			break;
		if (on && !(skip != NULL && strncmp(p, skip, strlen(skip)) == 0) &&
		    n + len + 2 < size) {
			memcpy(buf + n, p, len);
			n += len;
			buf[n++] = '\n';
		}
		p += len + (end != NULL);
	}
	buf[n] = '\0';
	return buf;
}

/* ---- machine output does not change with the language ------------------ */

Test(lang, csv_and_json_are_the_same_in_both_languages)
{
	static const char *const formats[] = {"csv", "json"};
	size_t i, k;

	for (i = 0; i < N_QUICK; i++)
		for (k = 0; k < 2; k++) {
			struct run en = run_in(quick[i], "en", formats[k]);
			struct run vi = run_in(quick[i], "vi", formats[k]);

			cr_assert_eq(en.status, 0, "%s: %s", quick[i][0], en.err);
			cr_expect_eq(vi.status, 0, "%s: %s", quick[i][0], vi.err);
			cr_expect_str_eq(vi.out, en.out, "%s --format %s differs with "
			                 "--lang vi", quick[i][0], formats[k]);
			run_free(&en);
			run_free(&vi);
		}
}

/* show's roadmap names the indicators in the language asked for, in CSV
 * and JSON too; its keys and its numbers (decimal point) do not change. */
Test(lang, show_data_keeps_its_keys_and_numbers)
{
	const char *const args[] = {"show", LONG_AN, NULL};
	struct run en = run_in(args, "en", "csv");
	struct run vi = run_in(args, "vi", "csv");

	cr_assert_eq(vi.status, 0, "%s", vi.err);
	cr_expect_eq(strcspn(vi.out, "\n"), strcspn(en.out, "\n"));
	cr_expect(strncmp(vi.out, en.out, strcspn(en.out, "\n")) == 0, "%s",
	          vi.out);
	cr_expect(strstr(vi.out, "pii,Chỉ số Đổi mới sáng tạo cấp địa phương "
	          "(PII),điểm,2024,42.05,45,46,47,48,49,50,≥ 50 (2030),2030,"
	          "threshold,false\r\n") != NULL, "%s", vi.out);
	run_free(&en);
	run_free(&vi);
}

/* English stays the default: no --lang and --lang en print the same. */
Test(lang, english_is_the_default)
{
	size_t i;

	for (i = 0; i < N_QUICK; i++) {
		struct run a = run_in(quick[i], NULL, NULL);
		struct run b = run_in(quick[i], "en", NULL);

		cr_expect_eq(a.status, 0, "%s", a.err);
		cr_expect_str_eq(a.out, b.out, "%s", quick[i][0]);
		run_free(&a);
		run_free(&b);
	}
}

/* ---- each command's text in Vietnamese ---------------------------------- */

Test(lang, paths_in_vietnamese)
{
	const char *const args[] = {"paths", "--indicator", "pii", "--indicator",
	                            "dti_rank", LONG_AN, NULL};
	struct run r = run_in(args, "vi", NULL);

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strncmp(r.out, "Lộ trình cần đạt — Tỉnh Long An", 34) == 0,
	          "%s", r.out);
	cr_expect(strstr(r.out, "Chỉ số Đổi mới sáng tạo cấp địa phương (PII) "
	          "(pii)") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "42,05 năm 2024 -> ≥ 50 năm 2030") != NULL,
	          "%s", r.out);
	cr_expect(strstr(r.out, "cần bình quân +1,33 điểm/năm, +2,93 %/năm")
	          != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "tốc độ tăng không đổi") != NULL);
	cr_expect(strstr(r.out, "năm dốc nhất") != NULL);
	cr_expect(strstr(r.out, "tiến độ (Open SDG): đi xuống") != NULL);
	cr_expect(strstr(r.out, "-1 bậc/năm") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "đề án ghi mục tiêu là nhóm 10/63 dẫn đầu "
	          "(2030)") != NULL, "%s", r.out);
	expect_no_english(r.out, "paths");
	run_free(&r);
}

/* Each of the ROWS lines under the rule under a table's header (TABLE
 * points at the header) is at most as wide as the rule, in display
 * columns; a row whose last cell is filled (its last column is
 * right-aligned) is exactly as wide: padding by bytes would make
 * Vietnamese rows narrower.  Returns the number of rows as wide as the
 * rule. */
static int expect_aligned(const char *table, const char *what, int n_rows)
{
	const char *p = strchr(table, '\n') + 1, *end;
	size_t rule, indent = strspn(p, " ");
	int rows = 0, i;
	char line[2048];

	end = strchr(p, '\n');
	snprintf(line, sizeof line, "%.*s", (int)(end - p), p);
	rule = lt_text_width(line);
	cr_assert(line[indent] == '-', "%s: no rule under the header:\n%s", what,
	          table);
	for (i = 0, p = end + 1; i < n_rows; i++, p = end + 1) {
		end = strchr(p, '\n');
		cr_assert_not_null(end);
		snprintf(line, sizeof line, "%.*s", (int)(end - p), p);
		cr_expect_leq(lt_text_width(line), rule, "%s: a row of %zu columns "
		              "under a rule of %zu:\n%s", what, lt_text_width(line),
		              rule, table);
		rows += lt_text_width(line) == rule;
	}
	return rows;
}

Test(lang, simulate_in_vietnamese)
{
	const char *const args[] = {"simulate", "--draws", "500", "--indicator",
	                            "pii", LONG_AN, NULL};
	struct run r = run_in(args, "vi", NULL);
	const char *t;

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strncmp(r.out, "Mô phỏng — Tỉnh Long An", 28) == 0, "%s",
	          r.out);
	cr_expect(strstr(r.out, "Lộ trình chi: theo kinh phí các nhiệm vụ của "
	          "đề án") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "Xu hướng hiện tại: giữ tỷ lệ chi hiện nay, "
	          "1,715% cơ sở chi") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "triệu đồng") != NULL);
	cr_expect(strstr(r.out, "chi ngân sách") != NULL);
	cr_expect(strstr(r.out, "1.002.989") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "Chỉ số Đổi mới sáng tạo cấp địa phương (PII) "
	          "(pii), điểm") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "42,05") != NULL);
	cr_expect(strstr(r.out, "mục tiêu ≥ 50 (2030): chưa đạt đến năm 2030; "
	          "xu hướng hiện tại: chưa đạt đến năm 2030") != NULL, "%s",
	          r.out);
	cr_expect(strstr(r.out, "Monte Carlo, 500 lượt: đạt mục tiêu năm 2030 "
	          "P = 0,") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "Điểm kiểm tra") != NULL);
	t = strstr(r.out, "   năm    mốc  kịch bản");
	cr_assert_not_null(t, "%s", r.out);
	cr_expect_eq(expect_aligned(t, "simulate", 7), 7);
	t = strstr(r.out, "  triệu đồng ");
	cr_assert_not_null(t, "%s", r.out);
	cr_expect_eq(expect_aligned(t, "simulate's spending", 9), 9);
	expect_no_english(r.out, "simulate");
	run_free(&r);
}

Test(lang, solve_in_vietnamese)
{
	const char *const args[] = {"solve", LONG_AN, NULL};
	struct run r = run_in(args, "vi", NULL);
	const char *t;

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strncmp(r.out, "Bài toán ngược — Tỉnh Long An", 34) == 0,
	          "%s", r.out);
	cr_expect(strstr(r.out, "Tỷ lệ chi không đổi nhỏ nhất trên chi thường "
	          "xuyên, mỗi năm từ 2025") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "không đạt được") != NULL);
	cr_expect(strstr(r.out, "98,475%") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "≥ 55, bình quân 2026–2030") != NULL);
	cr_expect(strstr(r.out, "Quy định của đề án, tối thiểu 3%, không đủ cho "
	          "mọi mục tiêu.") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "  Quy mô kinh tế số: kịch bản 0,0246 (hợp lý "
	          "0,0145 đến 0,0418)") != NULL, "%s", r.out);
	t = strstr(r.out, "  chỉ tiêu ");
	cr_assert_not_null(t, "%s", r.out);
	/* the five simulated targets; ranks and targets alone have no last
	 * cell */
	cr_expect_eq(expect_aligned(t, "solve", 10), 5);
	expect_no_english(r.out, "solve");
	run_free(&r);
}

Test(lang, solve_probability_in_vietnamese)
{
	const char *const args[] = {"solve", "--probability", "0.8", "--draws",
	                            "500", "--indicator", "digital_skills",
	                            LONG_AN, NULL};
	struct run r = run_in(args, "vi", NULL);
	const char *t;

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strncmp(r.out, "Xác suất đạt từng mục tiêu theo tỷ lệ chi", 20)
	          == 0, "%s", r.out);
	cr_expect(strstr(r.out, "tỷ lệ chi cho P = 0,8") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "tỷ đồng/năm") != NULL);
	cr_expect(strstr(r.out, "mọi mục tiêu cùng lúc") != NULL);
	cr_expect(strstr(r.out, "Chính đề án: lộ trình chi của nó (theo kinh phí "
	          "các nhiệm vụ của đề án)") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "chi bình quân 1.019 tỷ đồng mỗi năm, 6.112 "
	          "trong 2025-2030, bằng một tỷ lệ không đổi 8,268 % cơ sở chi.")
	          != NULL, "%s", r.out);
	t = strstr(r.out, "  chỉ tiêu ");
	cr_assert_not_null(t, "%s", r.out);
	cr_expect_eq(expect_aligned(t, "solve --probability", 2), 2);
	expect_no_english(r.out, "solve --probability");
	run_free(&r);
}

Test(lang, sens_in_vietnamese)
{
	const char *const args[] = {"sens", "--samples", "64", "--bootstrap",
	                            "20", "--indicator", "pii", LONG_AN, NULL};
	struct run r = run_in(args, "vi", NULL);
	const char *t;

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strncmp(r.out, "Độ nhạy — Tỉnh Long An", 25) == 0, "%s", r.out);
	cr_expect(strstr(r.out, "Mọi tham số ở trung vị: ") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "r của Chỉ số Đổi mới sáng tạo") != NULL, "%s",
	          r.out);
	cr_expect(strstr(r.out, "delta của kênh innovation") != NULL);
	cr_expect(strstr(r.out, "giá trị ở p10") != NULL);
	cr_expect(strstr(r.out, "S1 (bậc một)") != NULL);
	cr_expect(strstr(r.out, " ± ") != NULL);
	cr_expect(strstr(r.out, "0,") != NULL);
	t = strstr(r.out, "    tham số ");
	cr_assert_not_null(t, "%s", r.out);
	cr_expect_eq(expect_aligned(t, "sens", 4), 4);
	expect_no_english(r.out, "sens");
	run_free(&r);
}

Test(lang, audit_in_vietnamese)
{
	const char *const args[] = {"audit", LONG_AN, NULL};
	struct run r = run_in(args, "vi", NULL);
	static char body[1 << 17];
	const char *p;
	int n_lines = 0;

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strncmp(r.out, "Rà soát Tỉnh Long An — scenarios/long_an.cfg\n"
	          "13 lỗi, 12 cảnh báo, 91 thông tin\n", 71) == 0, "%s", r.out);
	cr_expect(strstr(r.out, "\nQuy mô kinh tế số (digital_economy)\n") != NULL);
	cr_expect(strstr(r.out, "  cảnh báo   2028  mức thay đổi đến mốc năm "
	          "2028, +5 điểm/năm, gấp 2,38 lần tốc độ hợp lý 2,1/năm [1, 3]")
	          != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "  lỗi              mọi nhiệm vụ: các khoản nguồn "
	          "khác cộng lại được 420.000 triệu đồng, không phải 390.000 như "
	          "đề án ghi (+30.000)") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "ngân sách nhà nước bình quân mỗi năm của các "
	          "nhiệm vụ (1.018.694 triệu đồng) gấp 6,37 lần bình quân "
	          "2021-2024") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "văn bản ghi 2025-2028, nhưng chỗ khác trong văn "
	          "bản ghi 2025-2030 (năm đầu +0, năm cuối +2)") != NULL, "%s",
	          r.out);
	cr_expect(strstr(r.out, "\nVăn bản được dẫn\n") != NULL);
	/* the findings line up by display width: the severity takes 9
	 * columns ("thông tin"), then two spaces and the year or six */
	for (p = strstr(r.out, "\n  "); p != NULL; p = strstr(p + 1, "\n  ")) {
		static const char *const sevs[] = {"lỗi", "cảnh báo", "thông tin"};
		size_t k, pad;

		for (k = 0; k < 3; k++) {
			if (strncmp(p + 3, sevs[k], strlen(sevs[k])) != 0 ||
			    p[3 + strlen(sevs[k])] != ' ')
				continue;
			pad = 9 - lt_text_width(sevs[k]) + 2;
			n_lines++;
			cr_expect(strspn(p + 3 + strlen(sevs[k]), " ") == pad ||
			          strspn(p + 3 + strlen(sevs[k]), " ") == pad + 6,
			          "%.60s", p + 1);
		}
	}
	cr_expect_gt(n_lines, 100);
	/* every sentence in Vietnamese: the claims' own descriptions and the
	 * sources are the scenario's words, in English, so they are left out */
	lines_between(r.out, NULL, "khẳng định của văn bản", "     [", body,
	              sizeof body);
	expect_no_english(body, "audit");
	run_free(&r);
}

Test(lang, check_and_fit_in_vietnamese)
{
	struct run c = run_cli("check", "--lang", "vi", LONG_AN);
	struct run f = run_cli("fit", "--lang", "vi", "--model", "logistic",
	                       "--start", "100,1,0.1", "tests/data/nist/rat42.csv");

	cr_assert_eq(c.status, 0, "%s", c.err);
	cr_expect(strstr(c.out, "scenarios/long_an.cfg: ok (10 chỉ tiêu, 2 kênh, "
	          "107 nhiệm vụ)\n") != NULL, "%s", c.out);
	cr_expect(strstr(c.out, "mục tiêu: ") != NULL);
	cr_expect(strstr(c.out, "  theo dạng:") != NULL);
	cr_assert_eq(f.status, 0, "%s", f.err);
	cr_expect(strstr(f.out, "Mô hình    logistic") != NULL, "%s", f.out);
	cr_expect(strstr(f.out, "Tham số") != NULL);
	cr_expect(strstr(f.out, "Sai số chuẩn") != NULL);
	cr_expect(strstr(f.out, "72,46") != NULL, "%s", f.out);
	run_free(&c);
	run_free(&f);
}

/* lotrinh --lang vi COMMAND ... is COMMAND --lang vi ... */
Test(lang, before_the_command)
{
	struct run a = run_cli("--lang", "vi", "paths", "--indicator", "pii",
	                       LONG_AN);
	struct run b = run_cli("paths", "--indicator", "pii", "--lang", "vi",
	                       LONG_AN);
	struct run c = run_cli("--lang=vi", "paths", "--indicator", "pii",
	                       LONG_AN);

	cr_assert_eq(a.status, 0, "%s", a.err);
	cr_expect_str_eq(a.out, b.out);
	cr_expect_str_eq(c.out, b.out);
	run_free(&a);
	run_free(&b);
	run_free(&c);
}

/* ---- help ---------------------------------------------------------------- */

Test(lang, help_in_vietnamese_for_every_command)
{
	static const char *const cmds[] = {"check", "show", "paths", "audit",
	                                   "simulate", "solve", "sens", "fit"};
	size_t i;

	for (i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		struct run a = run_cli(cmds[i], "--help", "--lang", "vi");
		struct run b = run_cli(cmds[i], "--lang", "vi", "--help");
		struct run c = run_cli("help", "--lang", "vi", cmds[i]);
		struct run d = run_cli("--lang", "vi", cmds[i], "-h");
		struct run e = run_cli(cmds[i], "--help");
		struct run f = run_cli(cmds[i], "--help", "--lang", "en");
		char head[64];

		snprintf(head, sizeof head, "Cách dùng: lotrinh %s", cmds[i]);
		cr_expect_eq(a.status, 0, "%s: %s", cmds[i], a.err);
		cr_expect_str_empty(a.err);
		cr_expect(strncmp(a.out, head, strlen(head)) == 0, "%s", a.out);
		cr_expect_str_eq(b.out, a.out, "%s", cmds[i]);
		cr_expect_str_eq(c.out, a.out, "%s", cmds[i]);
		cr_expect_str_eq(d.out, a.out, "%s", cmds[i]);
		cr_expect(strstr(a.out, "Tùy chọn:") != NULL, "%s", cmds[i]);
		cr_expect(strstr(a.out, "Mã thoát:") != NULL, "%s", cmds[i]);
		cr_expect(strstr(a.out, "--lang en|vi") != NULL, "%s", cmds[i]);
		/* English is unchanged, with or without --lang en */
		cr_expect(strncmp(e.out, "Usage: lotrinh ", 15) == 0);
		cr_expect_str_eq(f.out, e.out, "%s", cmds[i]);
		run_free(&a);
		run_free(&b);
		run_free(&c);
		run_free(&d);
		run_free(&e);
		run_free(&f);
	}
}

/* Every option the English usage lists, the Vietnamese one lists too. */
Test(lang, vietnamese_help_lists_every_option)
{
	static const char *const cmds[] = {"check", "show", "paths", "audit",
	                                   "simulate", "solve", "sens", "fit"};
	size_t i;

	for (i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		struct run en = run_cli(cmds[i], "--help");
		struct run vi = run_cli(cmds[i], "--help", "--lang", "vi");
		const char *p;

		for (p = strstr(en.out, "--"); p != NULL; p = strstr(p + 2, "--")) {
			char opt[40];
			size_t n = 2;

			while (p[n] == '-' || (p[n] >= 'a' && p[n] <= 'z'))
				n++;
			if (n == 2)
				continue;
			snprintf(opt, sizeof opt, "%.*s", (int)n, p);
			cr_expect(strstr(vi.out, opt) != NULL, "%s: %s is not in the "
			          "Vietnamese usage", cmds[i], opt);
		}
		run_free(&en);
		run_free(&vi);
	}
}

Test(lang, program_help_in_vietnamese)
{
	struct run a = run_cli("--help", "--lang", "vi");
	struct run b = run_cli("--lang", "vi", "--help");
	struct run c = run_cli("help", "--lang", "vi");
	struct run e = run_cli("--help");

	cr_expect_eq(a.status, 0);
	cr_expect(strncmp(a.out, "Cách dùng: lotrinh", 19) == 0, "%s", a.out);
	cr_expect(strstr(a.out, "  paths      mức tăng mỗi mục tiêu đòi hỏi")
	          != NULL, "%s", a.out);
	cr_expect(strstr(a.out, "Mã thoát:") != NULL);
	cr_expect_str_eq(b.out, a.out);
	cr_expect_str_eq(c.out, a.out);
	cr_expect(strncmp(e.out, "Usage: lotrinh [--version] [--help] COMMAND",
	                  43) == 0, "%s", e.out);
	run_free(&a);
	run_free(&b);
	run_free(&c);
	run_free(&e);
}

/* A bad --lang is one line and the hint, exit 2, whichever command and
 * wherever it stands. */
Test(lang, bad_language_is_a_usage_error)
{
	static const struct {
		const char *args[8];
		const char *err;
	} cases[] = {
		{{"paths", "--lang", "fr", LONG_AN, NULL},
		 "lotrinh: paths: '--lang' must be en or vi (got 'fr')\n"
		 "Try 'lotrinh paths --help'.\n"},
		{{"audit", "--lang", "VI", LONG_AN, NULL},
		 "lotrinh: audit: '--lang' must be en or vi (got 'VI')\n"
		 "Try 'lotrinh audit --help'.\n"},
		{{"simulate", "--lang", "", LONG_AN, NULL},
		 "lotrinh: simulate: '--lang' must be en or vi (got '')\n"
		 "Try 'lotrinh simulate --help'.\n"},
		{{"solve", "--lang", "vn", LONG_AN, NULL},
		 "lotrinh: solve: '--lang' must be en or vi (got 'vn')\n"
		 "Try 'lotrinh solve --help'.\n"},
		{{"sens", "--lang", "english", LONG_AN, NULL},
		 "lotrinh: sens: '--lang' must be en or vi (got 'english')\n"
		 "Try 'lotrinh sens --help'.\n"},
		{{"check", "--lang", "de", LONG_AN, NULL},
		 "lotrinh: check: '--lang' must be en or vi (got 'de')\n"
		 "Try 'lotrinh check --help'.\n"},
		{{"paths", LONG_AN, "--lang", NULL},
		 "lotrinh: paths: option '--lang' needs a value\n"
		 "Try 'lotrinh paths --help'.\n"},
		{{"solve", "--help", "--lang", "fr", NULL},
		 "lotrinh: solve: '--lang' must be en or vi (got 'fr')\n"
		 "Try 'lotrinh solve --help'.\n"},
		{{"--lang", "fr", "--help", NULL},
		 "lotrinh: '--lang' must be en or vi (got 'fr')\n"
		 "Try 'lotrinh --help'.\n"},
		{{"--help", "--lang", NULL},
		 "lotrinh: option '--lang' needs a value\n"
		 "Try 'lotrinh --help'.\n"},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct run r = run_cli_v(cases[i].args);

		cr_expect_eq(r.status, 2, "case %zu: status %d", i, r.status);
		cr_expect_str_empty(r.out, "case %zu printed: %s", i, r.out);
		cr_expect_str_eq(r.err, cases[i].err, "case %zu", i);
		run_free(&r);
	}
}

/* ---- numbers and words of the output layer ------------------------------ */

/* English is %g byte for byte; Vietnamese has the decimal comma and the
 * thousands dot. */
Test(lang, numbers_by_significant_digits)
{
	static const struct {
		double v;
		int digits, sign;
		const char *en, *vi;
	} cases[] = {
		{6.36, 6, 0, "6.36", "6,36"},
		{29.53, 3, 1, "+29.5", "+29,5"},
		{-2.9, 4, 1, "-2.9", "-2,9"},
		{1234.5, 6, 0, "1234.5", "1.234,5"},
		{6529164.0, 10, 0, "6529164", "6.529.164"},
		{0.000821, 3, 0, "0.000821", "0,000821"},
		{1.5e7, 2, 0, "1.5e+07", "1,5e+07"},
		{0.0, 4, 1, "+0", "+0"},
	};
	char buf[64], ref[64];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		snprintf(ref, sizeof ref, cases[i].sign ? "%+.*g" : "%.*g",
		         cases[i].digits, cases[i].v);
		cr_expect_str_eq(lt_format_sig(cases[i].v, cases[i].digits,
		                 cases[i].sign, LT_LANG_EN, buf, sizeof buf), ref);
		cr_expect_str_eq(buf, cases[i].en);
		cr_expect_str_eq(lt_format_sig(cases[i].v, cases[i].digits,
		                 cases[i].sign, LT_LANG_VI, buf, sizeof buf),
		                 cases[i].vi);
	}
	cr_expect_str_eq(lt_format_sig(NAN, 4, 0, LT_LANG_VI, buf, sizeof buf),
	                 "–");
}

Test(lang, engine_words_in_vietnamese)
{
	cr_expect_str_eq(lt_phrase("on track", LT_LANG_VI), "đúng tiến độ");
	cr_expect_str_eq(lt_phrase("stagnation or regression", LT_LANG_VI),
	                 "đứng yên hoặc đi lùi");
	cr_expect_str_eq(lt_phrase("million VND", LT_LANG_VI), "triệu đồng");
	cr_expect_str_eq(lt_phrase("on track", LT_LANG_EN), "on track");
	/* an unknown word comes back as it is */
	cr_expect_str_eq(lt_phrase("frobnicated", LT_LANG_VI), "frobnicated");
}

/* Every finding of the shipped scenarios (and the test scenarios) has a
 * shape, reads in English exactly as its text (what CSV and JSON carry),
 * and in Vietnamese leaves no English word but the scenario's own (the
 * claims' descriptions), so no check was left without its words. */
Test(lang, every_finding_in_vietnamese)
{
	static const char *const files[] = {
		"scenarios/long_an.cfg", "scenarios/dong_thap.cfg",
		"scenarios/an_giang.cfg", "tests/data/good/full.cfg",
		"tests/data/good/audit.cfg", "tests/data/good/target_forms.cfg",
		"tests/data/good/target_only.cfg",
	};
	unsigned char forms[LT_FORMS] = {0};
	size_t i, k, n = 0;

	for (i = 0; i < sizeof files / sizeof *files; i++) {
		lt_scenario *s = NULL;
		lt_audit a;
		lt_diag d;

		lt_diag_init(&d, files[i]);
		cr_assert_eq(lt_scenario_load(&s, files[i], &d), LT_OK, "%s",
		             files[i]);
		lt_audit_init(&a);
		cr_assert_eq(lt_audit_run(s, &a, &d), LT_OK);
		for (k = 0; k < a.n; k++) {
			const lt_finding *f = &a.items[k];
			char en[600], vi[600];

			cr_expect_neq(f->form, LT_FORM_TEXT, "%s: '%s' has no shape",
			              files[i], f->text);
			forms[f->form] = 1;
			cr_expect_str_eq(lt_finding_text(f, LT_LANG_EN, en, sizeof en),
			                 f->text);
			lt_finding_text(f, LT_LANG_VI, vi, sizeof vi);
			if (f->form == LT_FORM_CLAIM && f->claim->what != NULL) {
				/* the claim's own words are the scenario's */
				const char *w = strstr(vi, f->claim->what);

				cr_assert_not_null(w, "%s", vi);
				memset((char *)w, 'x', strlen(f->claim->what));
			}
			expect_no_english(vi, files[i]);
			n++;
		}
		lt_audit_destroy(&a);
		lt_scenario_free(s);
		lt_diag_destroy(&d);
	}
	cr_expect_gt(n, 200, "%zu findings", n);
	/* the fixtures reach every shape but those worded_by_hand tests */
	for (k = LT_FORM_STEP_AGAINST; k < LT_FORMS; k++)
		if (k != LT_FORM_FINAL_EXCEEDS && k != LT_FORM_STEP_HISTORY &&
		    k != LT_FORM_STEP_AGAINST && k != LT_FORM_FINAL_NONE &&
		    k != LT_FORM_LATER_ABOVE)
			cr_expect(forms[k], "no fixture has a finding of shape %zu", k);
}

/* A finding of FORM about IND with the values NAMES = VALUES (N of them)
 * and years K. */
static lt_finding made(lt_finding_form form, const lt_indicator *ind,
                       const char *const *names, const double *values,
                       size_t n, const int *k)
{
	lt_finding f;
	size_t i;

	memset(&f, 0, sizeof f);
	f.severity = LT_SEV_WARNING;
	f.form = form;
	f.ind = ind;
	snprintf(f.subject, sizeof f.subject, "%s", ind->id);
	snprintf(f.text, sizeof f.text, "the English text");
	for (i = 0; i < n; i++) {
		snprintf(f.values[i].name, sizeof f.values[i].name, "%s", names[i]);
		f.values[i].value = values[i];
	}
	f.n_values = n;
	memcpy(f.k, k, sizeof f.k);
	return f;
}

/* The shapes no shipped scenario reaches, worded by hand: each sentence
 * in full, with its numbers in the Vietnamese way. */
Test(lang, findings_worded_by_hand)
{
	static const char *const step_names[] = {"from", "to", "step_per_year",
	                                         "history_max_step"};
	lt_scenario *s = NULL;
	const lt_indicator *pii, *de;
	lt_diag d;
	lt_finding f;
	char vi[600];

	lt_diag_init(&d, LONG_AN);
	cr_assert_eq(lt_scenario_load(&s, LONG_AN, &d), LT_OK);
	pii = &s->indicators[lt_scenario_find_indicator(s, "pii")];
	de = &s->indicators[lt_scenario_find_indicator(s, "digital_economy")];
	f = made(LT_FORM_STEP_AGAINST, pii, step_names, (const double[]){46.5,
	         45.25, -1.25}, 3, (const int[]){2027, 2026, 0, 1, 0, 0});
	cr_expect_str_eq(lt_finding_text(&f, LT_LANG_VI, vi, sizeof vi),
	                 "mốc năm 2027 (45,25) thấp hơn mốc liền trước (46,5 năm "
	                 "2026) trong khi mục tiêu đòi hỏi tăng");
	cr_expect_str_eq(lt_finding_text(&f, LT_LANG_EN, vi, sizeof vi),
	                 "the English text");
	f = made(LT_FORM_STEP_HISTORY, de, step_names, (const double[]){6.36,
	         10, 3.64, 1.125}, 4, (const int[]){2025, 0, 1, 0, 2023, 0});
	cr_expect_str_eq(lt_finding_text(&f, LT_LANG_VI, vi, sizeof vi),
	                 "mức thay đổi đến mốc năm 2025, +3,64 điểm/năm tính từ "
	                 "giá trị thực tế gần nhất, lớn hơn mọi mức thay đổi "
	                 "trong số liệu quá khứ của chỉ tiêu (lớn nhất +1,125, "
	                 "đến năm 2023)");
	f = made(LT_FORM_FINAL_NONE, de, NULL, NULL, 0, (const int[6]){0});
	cr_expect_str_eq(lt_finding_text(&f, LT_LANG_VI, vi, sizeof vi),
	                 "không có mốc nào đến năm mục tiêu 2030");
	f = made(LT_FORM_FINAL_EXCEEDS, de, (const char *const[]){"milestone"},
	         (const double[]){1234.5}, 1, (const int[]){2030, 0, 0, 0, 0, 0});
	cr_expect_str_eq(lt_finding_text(&f, LT_LANG_VI, vi, sizeof vi),
	                 "mốc năm 2030 (1.234,5) vượt khoảng mục tiêu ≥ 30 (2030)");
	lt_scenario_free(s);
	lt_diag_destroy(&d);
}
