/* test_xlsx.c - the workbook (xlsx.h), read back by an independent reader.
 *
 * Each workbook is opened by tests/xlsx_dump.py, which reads the zip with
 * Python's zipfile and parses its XML with xml.etree (Debian's
 * /usr/bin/python3, installed for the tests by .ci/install-deps), and
 * prints one fact a line ("cell E3 n 42.05 #,##0.00"); the tests search
 * those lines.  The numbers expected are the plan's own figures (Long An's
 * roadmap, Đề án 004: PII 42.05 in 2024, digital economy 6.36 % of GRDP
 * in 2024 and 30 % in 2030), not values read from lotrinh's other outputs.
 *
 * Failures are provoked for real: a directory the writer may not write
 * (a child process that drops root with setresuid, since the tests run as
 * root) and a full disk (RLIMIT_FSIZE with SIGXFSZ ignored: the kernel
 * refuses to grow a file with EFBIG).  Each test works in its own
 * temporary directory, so "no file left" is counting its entries.
 */
#define _GNU_SOURCE /* setresuid */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "lotrinh/alloc.h"
#include "lotrinh/table.h"
#include "lotrinh/xlsx.h"

#define PYTHON3 "/usr/bin/python3"
#define DUMPER "tests/xlsx_dump.py"

static char dir[64];

static void make_dir(void)
{
	snprintf(dir, sizeof dir, "/tmp/lotrinh-xlsx-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[512];

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
			snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
			unlink(p);
		}
	closedir(d);
	rmdir(dir);
}

TestSuite(xlsx, .init = make_dir, .fini = remove_dir);

/* Entries in the test directory, hidden ones (temporary files) too. */
static int entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	cr_assert_not_null(d);
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

/* What xlsx_dump.py prints for PATH, with a newline before the first line
 * so that every fact can be searched as "\nFACT\n" (caller frees).  The
 * reader must succeed. */
static char *dump(const char *path)
{
	char out[64], *text, *with;
	int fd, status;
	pid_t pid;

	snprintf(out, sizeof out, "/tmp/lotrinh-dump-XXXXXX");
	fd = mkstemp(out);
	cr_assert(fd >= 0);
	fflush(stdout);
	pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		dup2(fd, 1);
		execl(PYTHON3, "python3", DUMPER, path, (char *)NULL);
		_exit(127);
	}
	close(fd);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	text = slurp(out);
	unlink(out);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	          "%s could not read %s (status %d)", DUMPER, path, status);
	cr_assert_not_null(text);
	with = malloc(strlen(text) + 2);
	cr_assert_not_null(with);
	with[0] = '\n';
	strcpy(with + 1, text);
	free(text);
	return with;
}

/* 1 when the dump D has the line LINE. */
static int has(const char *d, const char *line)
{
	char *want = malloc(strlen(line) + 3);
	int found;

	cr_assert_not_null(want);
	sprintf(want, "\n%s\n", line);
	found = strstr(d, want) != NULL;
	free(want);
	return found;
}

/* 1 when the dump D has a line starting with PREFIX. */
static int has_prefix(const char *d, const char *prefix)
{
	char *want = malloc(strlen(prefix) + 2);
	int found;

	cr_assert_not_null(want);
	sprintf(want, "\n%s", prefix);
	found = strstr(d, want) != NULL;
	free(want);
	return found;
}

#define expect_line(d, line) cr_expect(has(d, line), "no line [%s]", line)

/* What every workbook must be: no formula, no nan or inf in any part. */
static void expect_clean(const char *d)
{
	cr_expect_not(has_prefix(d, "formula "), "a cell is a formula");
	cr_expect_not(has_prefix(d, "nonfinite "), "nan or inf in the workbook");
}

/* ---- the commands' workbooks -------------------------------------------- */

/* show: the roadmap as the plan lays it out, numbers as numbers with the
 * decimals the text shows, the header row frozen. */
Test(xlsx, show_long_an)
{
	char path[128], *d;
	struct run r;

	snprintf(path, sizeof path, "%s/roadmap.xlsx", dir);
	r = run_cli("show", "--format", "xlsx", "--out", path,
	            "scenarios/long_an.cfg");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect_str_eq(r.out, "", "a workbook never goes to standard output");
	cr_expect_str_eq(r.err, "");
	run_free(&r);
	d = dump(path);
	expect_line(d, "sheet Roadmap");
	expect_line(d, "pane 1 0 frozen");
	expect_line(d, "cell A1 s Id General");
	expect_line(d, "cell B1 s Indicator General");
	expect_line(d, "cell E1 s Baseline General");
	expect_line(d, "cell K1 s 2030 General");
	/* row 3, PII: baseline 42.05 (2024), milestones 45..50 */
	expect_line(d, "cell A3 s pii General");
	expect_line(d, "cell D3 n 2024 0");
	expect_line(d, "cell E3 n 42.05 #,##0.00");
	expect_line(d, "cell F3 n 45 #,##0");
	expect_line(d, "cell K3 n 50 #,##0");
	/* row 6, the digital economy: 6.36 % (2024) to 30 % (2030) */
	expect_line(d, "cell A6 s digital_economy General");
	expect_line(d, "cell E6 n 6.36 #,##0.00");
	expect_line(d, "cell K6 n 30 #,##0");
	/* an assumed baseline year keeps its '*' as literal text */
	expect_line(d, "cell D2 n 2025 0\"*\"");
	/* a truth value is a boolean */
	expect_line(d, "cell O3 b 0 General");
	/* a target with no baseline: an empty cell, the reason in a note */
	cr_expect_not(has_prefix(d, "cell E10 "));
	expect_line(d, "comment Roadmap E10 none");
	expect_clean(d);
	free(d);
}

/* show --lang vi: Vietnamese headers and sheet name, and number formats
 * tagged Vietnamese, so LibreOffice writes 42,05. */
Test(xlsx, show_vietnamese)
{
	char path[128], *d;
	struct run r;

	snprintf(path, sizeof path, "%s/lo_trinh.xlsx", dir);
	r = run_cli("show", "--lang", "vi", "--format", "xlsx", "--out", path,
	            "scenarios/long_an.cfg");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	d = dump(path);
	expect_line(d, "sheet Lộ trình");
	expect_line(d, "cell B1 s Chỉ tiêu General");
	expect_line(d, "cell E1 s Hiện trạng General");
	expect_line(d, "cell E3 n 42.05 [$-42A]#,##0.00");
	expect_line(d, "cell E6 n 6.36 [$-42A]#,##0.00");
	expect_line(d, "comment Lộ trình E10 chưa có");
	expect_line(d, "pane 1 0 frozen");
	expect_clean(d);
	free(d);
}

/* audit: one row per finding, the years numbers, the sentences strings. */
Test(xlsx, audit_long_an)
{
	char path[128], *d;
	struct run r;

	snprintf(path, sizeof path, "%s/audit.xlsx", dir);
	r = run_cli("audit", "--format", "xlsx", "--out", path,
	            "scenarios/long_an.cfg");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	d = dump(path);
	expect_line(d, "sheet Audit");
	expect_line(d, "pane 1 0 frozen");
	expect_line(d, "cell A1 s severity General");
	expect_line(d, "cell D1 s year General");
	/* the first finding, as the CSV's first row */
	expect_line(d, "cell A2 s warning General");
	expect_line(d, "cell B2 s target-against-trend General");
	expect_line(d, "cell C2 s tfp_contribution General");
	expect_line(d, "cell D2 n 2030 0");
	expect_clean(d);
	free(d);
}

/* Every command that renders a document writes a workbook that reads
 * back, with its sheet's header frozen. */
Test(xlsx, every_command)
{
	static const char *const cmds[][2] = {
		{"paths", "Required paths"}, {"simulate", "Simulation"},
		{"solve", "Spending needed"},
	};
	char path[128], line[64], *d;
	size_t i;

	for (i = 0; i < sizeof cmds / sizeof *cmds; i++) {
		struct run r;

		snprintf(path, sizeof path, "%s/%s.xlsx", dir, cmds[i][0]);
		r = run_cli(cmds[i][0], "--format", "xlsx", "--out", path,
		            "scenarios/long_an.cfg");
		cr_assert_eq(r.status, 0, "%s: %s", cmds[i][0], r.err);
		run_free(&r);
		d = dump(path);
		snprintf(line, sizeof line, "sheet %s", cmds[i][1]);
		expect_line(d, line);
		expect_line(d, "pane 1 0 frozen");
		expect_clean(d);
		free(d);
	}
}

/* A workbook is not written to a terminal: --out is required, and the
 * refusal comes before any computation. */
Test(xlsx, needs_out)
{
	struct run r = run_cli("show", "--format", "xlsx",
	                       "scenarios/long_an.cfg");

	cr_expect_eq(r.status, 2);
	cr_expect_str_eq(r.out, "");
	cr_expect_str_eq(r.err, "lotrinh: show: '--format xlsx' needs '--out "
	                 "FILE' (a workbook is not written to standard output)\n"
	                 "Try 'lotrinh show --help'.\n");
	run_free(&r);
	r = run_cli("sens", "--format", "xlsx", "scenarios/long_an.cfg");
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "lotrinh: sens: '--format xlsx' needs '--out "
	                 "FILE'") == r.err, "%s", r.err);
	run_free(&r);
	/* the scenario is an input: never overwritten */
	r = run_cli("show", "--format", "xlsx", "--out", "scenarios/long_an.cfg",
	            "scenarios/long_an.cfg");
	cr_expect_eq(r.status, 2);
	cr_expect_str_eq(r.err, "lotrinh: scenarios/long_an.cfg: is an input of "
	                 "this run: refusing to overwrite it\n");
	run_free(&r);
}

/* ---- the renderer on documents made here --------------------------------- */

/* A table of every kind of cell, under KEY in D; FIRST is its first text. */
static void kinds_table(lt_doc *d, const char *key, const char *first)
{
	lt_table *t = lt_doc_table(d, key, NULL, NULL, 6, LT_SHOW_ALL);

	lt_table_set_column(t, 0, "text", "Text", "Chữ", LT_LEFT, LT_SHOW_ALL);
	lt_table_set_column(t, 1, "number", "Number", "Số", LT_RIGHT,
	                    LT_SHOW_ALL);
	lt_table_set_column(t, 2, "count", "Count", "Đếm", LT_RIGHT,
	                    LT_SHOW_ALL);
	lt_table_set_column(t, 3, "year", "Year", "Năm", LT_RIGHT, LT_SHOW_ALL);
	lt_table_set_column(t, 4, "met", "Met", "Đạt", LT_LEFT, LT_SHOW_ALL);
	lt_table_set_column(t, 5, "json_only", "JSON", NULL, LT_LEFT,
	                    LT_SHOW_JSON);
	lt_table_add_row(t);
	lt_table_set(t, 0, first);
	lt_table_put(t, 1, lt_cell_number(-5.0, 0, 0, NULL));
	lt_table_put(t, 2, lt_cell_int(6529164));
	lt_table_put(t, 3, lt_cell_year(2030));
	lt_table_put(t, 4, lt_cell_bool(1));
	lt_table_set(t, 5, "not in the workbook");
	lt_table_add_row(t);
	lt_table_set(t, 0, "=cmd|' /C calc'!A0");
	lt_table_put(t, 1, lt_cell_number(NAN, 2, 0, NULL));
	lt_table_put(t, 2, lt_cell_missing("no data"));
	lt_table_put(t, 4, lt_cell_bool(0));
	lt_table_add_row(t);
	lt_table_set(t, 0, "-5");
	lt_table_put(t, 1, lt_cell_number(INFINITY, 2, 0, NULL));
	lt_table_add_row(t);
	lt_table_set(t, 0, "@SUM(A1:A9)");
	lt_table_put(t, 1, lt_cell_number(29.5, 3, LT_NUM_SIG | LT_NUM_SIGN,
	                                  "%"));
	lt_table_add_row(t);
	lt_table_set(t, 0, "+1");
	lt_table_put(t, 1, lt_cell_number(2.385e-12, 3, LT_NUM_SIG, NULL));
}

static int write_one(const char *path, const lt_doc *d, const char *name,
                     lt_lang lang, lt_diag *diag)
{
	return lt_xlsx_write(path, &d, &name, 1, lang, NULL, 0, diag);
}

/* Text is always a string: "=1+1" and a CSV-injection payload stay text
 * (no formula anywhere), a text "-5" is a string and a number -5 a number;
 * NaN and infinity are empty cells; a reason is a note; the JSON-only
 * column is absent; tables with the same columns share a sheet. */
Test(xlsx, cells_by_kind)
{
	lt_doc *doc = lt_doc_alloc(NULL, NULL);
	char path[128], *d;

	kinds_table(lt_doc_list_item(doc, "items", "A", NULL, LT_SHOW_ALL), "t",
	            "=1+1");
	kinds_table(lt_doc_list_item(doc, "items", "B", NULL, LT_SHOW_ALL), "t",
	            "second");
	snprintf(path, sizeof path, "%s/kinds.xlsx", dir);
	cr_assert_eq(write_one(path, doc, "Kinds", LT_LANG_EN, NULL), LT_OK);
	lt_doc_free(doc);
	d = dump(path);
	expect_line(d, "sheet Kinds");
	expect_line(d, "cell A1 s Text General");
	cr_expect_not(has_prefix(d, "cell F1 "), "a JSON-only column was shown");
	expect_line(d, "cell A2 s =1+1 General");
	expect_line(d, "cell B2 n -5 #,##0");
	expect_line(d, "cell C2 n 6529164 #,##0");
	expect_line(d, "cell D2 n 2030 0");
	expect_line(d, "cell E2 b 1 General");
	expect_line(d, "cell A3 s =cmd|' /C calc'!A0 General");
	cr_expect_not(has_prefix(d, "cell B3 "), "NaN was written");
	cr_expect_not(has_prefix(d, "cell C3 "), "a missing value was written");
	expect_line(d, "comment Kinds C3 no data");
	expect_line(d, "cell E3 b 0 General");
	expect_line(d, "cell A4 s -5 General");
	cr_expect_not(has_prefix(d, "cell B4 "), "infinity was written");
	expect_line(d, "cell A5 s @SUM(A1:A9) General");
	/* 3 significant digits, signed, the unit attached as literal text */
	expect_line(d, "cell B5 n 29.5 +0.0\"%\";-0.0\"%\";0.0\"%\"");
	expect_line(d, "cell B6 n 2.385E-12 0.00E+00");
	/* the second table continues the sheet under the same header */
	expect_line(d, "cell A7 s second General");
	cr_expect_not(has(d, "sheet Kinds (2)"));
	expect_clean(d);
	free(d);
}

/* Tables with different columns get a sheet each, "NAME – KEY"; names are
 * made valid (no []:*?/\, at most 31 characters, no apostrophe at the
 * ends), unique without regard to case, and never "History". */
Test(xlsx, sheet_names)
{
	const lt_doc *docs[5];
	const char *names[5] = {"a/b:c*?[x]\\y", "'quoted'",
	                        "Lộ trình cần đạt của tỉnh Long An đến năm 2030",
	                        "history", "A/B:C*?[X]\\Y"};
	lt_doc *d[5];
	char path[128], *text;
	size_t i;

	for (i = 0; i < 5; i++) {
		d[i] = lt_doc_alloc(NULL, NULL);
		kinds_table(d[i], "t", "x");
		docs[i] = d[i];
	}
	lt_table_set_column(lt_doc_table(d[1], "other", NULL, NULL, 1,
	                                 LT_SHOW_CSV), 0, "k", "K", NULL,
	                    LT_LEFT, LT_SHOW_ALL);
	snprintf(path, sizeof path, "%s/names.xlsx", dir);
	cr_assert_eq(lt_xlsx_write(path, docs, names, 5, LT_LANG_EN, NULL, 0,
	                           NULL), LT_OK);
	for (i = 0; i < 5; i++)
		lt_doc_free(d[i]);
	text = dump(path);
	expect_line(text, "sheet a_b_c___x__y");
	/* an apostrophe inside a name is allowed */
	expect_line(text, "sheet _quoted' – t");
	expect_line(text, "sheet _quoted' – other");
	/* 31 characters, not bytes, and no blank left at the end */
	expect_line(text, "sheet Lộ trình cần đạt của tỉnh Long");
	expect_line(text, "sheet history (2)");
	expect_line(text, "sheet A_B_C___X__Y (2)");
	expect_clean(text);
	free(text);
	/* no names at all */
	d[0] = lt_doc_alloc(NULL, NULL);
	kinds_table(d[0], "t", "x");
	docs[0] = d[0];
	cr_assert_eq(lt_xlsx_write(path, docs, NULL, 1, LT_LANG_EN, NULL, 0,
	                           NULL), LT_OK);
	lt_doc_free(d[0]);
	text = dump(path);
	expect_line(text, "sheet Sheet");
	free(text);
}

/* What cannot be a workbook is refused, and leaves no file. */
Test(xlsx, refusals)
{
	lt_doc *doc = lt_doc_alloc(NULL, NULL), *empty = lt_doc_alloc(NULL, NULL);
	const char *name = "x", *inputs[1];
	char path[128];
	lt_sink *out;
	lt_diag d;

	kinds_table(doc, "t", "x");
	lt_doc_line(empty, "only text");
	lt_doc_table(empty, "json", NULL, NULL, 1, LT_SHOW_JSON);
	snprintf(path, sizeof path, "%s/book.xlsx", dir);
	inputs[0] = path;
	lt_diag_init(&d, NULL);
	cr_expect_eq(lt_xlsx_write(path, NULL, NULL, 0, LT_LANG_EN, NULL, 0, &d),
	             LT_EINVAL);
	cr_expect_eq(write_one(path, empty, name, LT_LANG_EN, &d), LT_EINVAL);
	cr_expect_eq(write_one(dir, doc, name, LT_LANG_EN, &d), LT_EINVAL);
	cr_expect_eq(write_one("", doc, name, LT_LANG_EN, &d), LT_EINVAL);
	cr_assert_eq(d.n, 4);
	cr_expect_str_eq(d.items[1].msg, "this result has no table to put in a "
	                 "workbook");
	cr_expect_str_eq(d.items[1].file, path);
	cr_expect_eq(entries(), 0, "a refused workbook left a file");
	/* a workbook never overwrites an input */
	cr_assert_eq(write_one(path, doc, name, LT_LANG_EN, NULL), LT_OK);
	cr_expect_eq(lt_xlsx_write(path, (const lt_doc *const[]){doc}, &name, 1,
	                           LT_LANG_EN, inputs, 1, &d), LT_EINVAL);
	/* and is no stream */
	out = lt_sink_memory();
	cr_expect_eq(lt_doc_render(doc, LT_FORMAT_XLSX, LT_LANG_EN, out, &d),
	             LT_EINVAL);
	lt_sink_discard(out);
	lt_diag_destroy(&d);
	lt_doc_free(doc);
	lt_doc_free(empty);
}

/* A directory the writer may not write in: LT_EIO naming the file, and
 * nothing left.  Tests run as root, whom permissions do not stop, so the
 * write happens in a child that drops to nobody (65534). */
Test(xlsx, unwritable_directory)
{
	char sub[128], path[160];
	int status;
	pid_t pid;

	snprintf(sub, sizeof sub, "%s/ro", dir);
	cr_assert_eq(mkdir(sub, 0755), 0);
	snprintf(path, sizeof path, "%s/book.xlsx", sub);
	pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		lt_doc *doc = lt_doc_alloc(NULL, NULL);
		lt_diag d;
		int rc, ok;

		kinds_table(doc, "t", "x");
		if (geteuid() == 0) {
			if (setresuid(65534, 65534, 65534) != 0)
				_exit(90);
		} else if (chmod(sub, 0555) != 0) {
			_exit(91);
		}
		lt_diag_init(&d, NULL);
		rc = write_one(path, doc, "x", LT_LANG_EN, &d);
		ok = rc == LT_EIO && d.n == 1 && strcmp(d.items[0].file, path) == 0 &&
		     strstr(d.items[0].msg, "Permission denied") != NULL;
		lt_diag_destroy(&d);
		lt_doc_free(doc);
		_exit(ok ? 0 : 1);
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	chmod(sub, 0755);
	cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	          "the child saw another outcome (status %d)", status);
	cr_expect_eq(access(path, F_OK), -1);
	rmdir(sub); /* fails, and the suite's cleanup fails, if it is not empty */
	cr_expect_eq(entries(), 0, "a file was left in the directory");
}

/* A full disk while the workbook is written: LT_EIO, the old file as it
 * was, no temporary file; through the CLI, exit 3 and the file named.
 * libxlsxwriter prints its own account on standard error too (xlsx.h),
 * captured here. */
Test(xlsx, full_disk)
{
	struct rlimit lim = {2048, 2048};
	lt_doc *doc = lt_doc_alloc(NULL, NULL);
	char path[128], err[64], *text;
	struct run r;
	FILE *f;
	lt_diag d;
	int i, saved;

	/* enough cells that the workbook outgrows the limit */
	for (i = 0; i < 40; i++)
		kinds_table(doc, "t", "a sentence long enough to need some room");
	snprintf(path, sizeof path, "%s/book.xlsx", dir);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("precious\n", f);
	fclose(f);
	signal(SIGXFSZ, SIG_IGN);
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);
	lt_diag_init(&d, NULL);
	fflush(stderr);
	saved = capture_fd(2, err, sizeof err);
	cr_expect_eq(write_one(path, doc, "x", LT_LANG_EN, &d), LT_EIO);
	fflush(stderr);
	restore_fd(2, saved);
	text = slurp(err);
	unlink(err);
	cr_expect(text != NULL && strstr(text, "File too large") != NULL,
	          "libxlsxwriter said [%s]", text);
	free(text);
	cr_assert_eq(d.n, 1);
	cr_expect_str_eq(d.items[0].file, path);
	cr_expect(strstr(d.items[0].msg, "cannot write: File too large") ==
	          d.items[0].msg, "%s", d.items[0].msg);
	lt_diag_destroy(&d);
	lt_doc_free(doc);
	text = slurp(path);
	cr_expect_str_eq(text, "precious\n");
	free(text);
	cr_expect_eq(entries(), 1, "the temporary file was left behind");
	r = run_cli("show", "--format", "xlsx", "--out", path,
	            "scenarios/long_an.cfg");
	cr_expect_eq(r.status, 3);
	cr_expect(strstr(r.err, "lotrinh: ") != NULL &&
	          strstr(r.err, "/book.xlsx: cannot write: File too large") != NULL,
	          "%s", r.err);
	run_free(&r);
	text = slurp(path);
	cr_expect_str_eq(text, "precious\n");
	free(text);
	cr_expect_eq(entries(), 1, "the temporary file was left behind");
}

/* Each of lotrinh's own allocations in the writer failing in turn (the
 * sink, the format cache, names, cleaned text; libxlsxwriter's own are
 * its own, xlsx.c): LT_ENOMEM every time, nothing left behind, and the
 * sanitizers see no leak. */
Test(xlsx, out_of_memory_in_turn)
{
	lt_doc *doc = lt_doc_alloc(NULL, NULL);
	char path[128];
	unsigned long n, i;
	lt_diag d;
	int rc;

	kinds_table(doc, "t", "=1+1");
	kinds_table(doc, "t", "Lộ trình");
	snprintf(path, sizeof path, "%s/book.xlsx", dir);
	lt_alloc_fail_at(0);
	cr_assert_eq(write_one(path, doc, "x", LT_LANG_VI, NULL), LT_OK);
	n = lt_alloc_count();
	cr_assert_gt(n, 5);
	unlink(path);
	for (i = 1; i <= n; i++) {
		lt_diag_init(&d, NULL);
		lt_alloc_fail_at(i);
		rc = write_one(path, doc, "x", LT_LANG_VI, &d);
		lt_alloc_fail_at(0);
		cr_expect_eq(rc, LT_ENOMEM, "allocation %lu of %lu: status %d", i, n,
		             rc);
		cr_expect_eq(entries(), 0, "allocation %lu: a file was left", i);
		lt_diag_destroy(&d);
	}
	lt_doc_free(doc);
}
