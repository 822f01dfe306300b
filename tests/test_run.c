/* test_run.c - `lotrinh run SCENARIO --out DIR`: the main job's outputs
 * and the safety of its output directory (issue: nothing the user wrote is
 * ever overwritten; a full disk exits 3 and leaves no half-written file).
 * The numbers are the engines' (tested in their own files) and the
 * briefing's (test_briefing.c); here, what a user sees of a run. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "lotrinh/cli.h"

static char dir[64];

static void mkdir_tmp(void)
{
	snprintf(dir, sizeof dir, "/tmp/lotrinh-run-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void rm_tmp(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

static int exists(const char *name)
{
	char path[160];
	struct stat st;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
}

/* Files in DIR whose name starts with '.' and holds "tmp" (the temporary
 * files outdir.c makes): none may be left behind. */
static int temps_left(void)
{
	char cmd[160];

	snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -q tmp", dir);
	return system(cmd) == 0;
}

#define RUN(...) run_cli("run", "--draws", "300", "--sobol", "0", "--threads", \
                         "1", "--no-plot", __VA_ARGS__)

/* A run writes the briefing and says where it is; a second run into the
 * same DIR replaces its own outputs. */
Test(run, writes_and_replaces, .init = mkdir_tmp, .fini = rm_tmp)
{
	struct run r = RUN("--out", dir, "scenarios/long_an.cfg");
	char want[160];

	cr_assert_eq(r.status, 0, "%s", r.err);
	snprintf(want, sizeof want, "Briefing: %s/report.html\n", dir);
	cr_expect_str_eq(r.out, want);
	cr_expect(exists("report.html"));
	cr_expect(exists("report.md"));
	cr_expect(exists(".lotrinh-manifest"));
	run_free(&r);
	r = RUN("--lang", "vi", "--out", dir, "scenarios/long_an.cfg");
	cr_expect_eq(r.status, 0, "%s", r.err);
	snprintf(want, sizeof want, "Báo cáo: %s/report.html\n", dir);
	cr_expect_str_eq(r.out, want);
	run_free(&r);
	cr_expect(!temps_left());
}

/* A file the user wrote, or one of lotrinh's that the user changed, is
 * never overwritten: exit 2, naming it, and the file as it was. */
Test(run, refuses_what_is_not_its_own, .init = mkdir_tmp, .fini = rm_tmp)
{
	char path[160], *text;
	struct run r;
	FILE *f;

	snprintf(path, sizeof path, "%s/report.md", dir);
	f = fopen(path, "w");
	fputs("my notes\n", f);
	fclose(f);
	r = RUN("--out", dir, "scenarios/long_an.cfg");
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "report.md") != NULL, "%s", r.err);
	cr_expect(strstr(r.err, "not written by lotrinh") != NULL ||
	          strstr(r.err, "was not written") != NULL, "%s", r.err);
	run_free(&r);
	text = slurp(path);
	cr_expect_str_eq(text, "my notes\n");
	free(text);
	unlink(path);
	r = RUN("--out", dir, "scenarios/long_an.cfg");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	/* the user edits lotrinh's output: the next run leaves it alone */
	f = fopen(path, "a");
	fputs("\nmy edit\n", f);
	fclose(f);
	r = RUN("--out", dir, "scenarios/long_an.cfg");
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "changed") != NULL, "%s", r.err);
	run_free(&r);
	text = slurp(path);
	cr_expect(strstr(text, "my edit") != NULL);
	free(text);
}

/* Usage: no --out; an --out that is the scenario itself. */
Test(run, usage)
{
	struct run r = run_cli("run", "scenarios/long_an.cfg");

	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "--out DIR") != NULL, "%s", r.err);
	run_free(&r);
	r = RUN("--out", "scenarios/long_an.cfg", "scenarios/long_an.cfg");
	cr_expect_eq(r.status, 2, "%s", r.err);
	run_free(&r);
	r = run_cli("run", "--help");
	cr_expect_eq(r.status, 0);
	cr_expect(strncmp(r.out, "Usage: lotrinh run", 18) == 0);
	run_free(&r);
	r = run_cli("run", "--help", "--lang", "vi");
	cr_expect_eq(r.status, 0);
	cr_expect(strncmp(r.out, "Cách dùng: lotrinh run", 24) == 0, "%s", r.out);
	run_free(&r);
}

/* A full disk (a file-size limit, SIGXFSZ ignored, so writes fail with
 * EFBIG): exit 3, and no temporary file left behind. */
Test(run, full_disk, .init = mkdir_tmp, .fini = rm_tmp)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = {4096, 4096};
		int null;
		char a[][32] = {"lotrinh", "run", "--draws", "200", "--sobol", "0",
		                "--threads", "1", "--out", "",
		                "scenarios/long_an.cfg"};
		char *argv[12];
		int i;

		for (i = 0; i < 11; i++)
			argv[i] = a[i];
		argv[9] = dir;
		argv[11] = NULL;
		null = open("/dev/null", O_WRONLY);

		signal(SIGXFSZ, SIG_IGN);
		setrlimit(RLIMIT_FSIZE, &rl);
		dup2(null, 1);
		dup2(null, 2);
		_exit(lt_main(11, argv));
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status));
	cr_expect_eq(WEXITSTATUS(status), 3);
	cr_expect(!exists("report.html"));
	cr_expect(!temps_left());
}

/* With charts: each beside its data, labels, template and redraw script,
 * listed in the manifest and embedded in the briefing (SVG here); without
 * gnuplot on the PATH, one line and exit 3. */
Test(run, charts, .init = mkdir_tmp, .fini = rm_tmp)
{
	struct run r = run_cli("run", "--draws", "300", "--sobol", "64",
	                       "--bootstrap", "0", "--threads", "1",
	                       "--plot-format", "svg", "--out", dir,
	                       "tests/data/good/full.cfg");
	const char *parts[] = {"svg", "tsv", "labels.tsv", "gp", "sh"};
	char name[96], path[160], *html, *manifest, *path_env;
	size_t i;

	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	for (i = 0; i < 5; i++) {
		snprintf(name, sizeof name, "charts/trajectory-digital_economy.%s",
		         parts[i]);
		cr_expect(exists(name), "%s", name);
	}
	cr_expect(exists("charts/spending.svg"));
	cr_expect(exists("charts/probability.svg"));
	snprintf(path, sizeof path, "%s/report.html", dir);
	html = slurp(path);
	cr_expect(strstr(html, "data:image/svg+xml;base64,") != NULL);
	/* the plan-wide charts too: the cost of certainty, the spending */
	cr_expect(strstr(html, "The cost of certainty") != NULL);
	cr_expect(strstr(html, "against the least its budget rule asks for")
	          != NULL);
	free(html);
	snprintf(path, sizeof path, "%s/.lotrinh-manifest", dir);
	manifest = slurp(path);
	cr_expect(strstr(manifest, " charts/trajectory-digital_economy.svg\n")
	          != NULL, "%s", manifest);
	free(manifest);
	path_env = strdup(getenv("PATH"));
	setenv("PATH", "/nonexistent", 1);
	r = run_cli("run", "--draws", "200", "--sobol", "0", "--threads", "1",
	            "--out", dir, "tests/data/good/full.cfg");
	setenv("PATH", path_env, 1);
	free(path_env);
	cr_expect_eq(r.status, 3, "%s", r.err);
	cr_expect(strstr(r.err, "gnuplot") != NULL, "%s", r.err);
	run_free(&r);
}

/* The tables run writes are the commands' own, byte for byte (the same
 * engines, the same options): solve's, paths' and simulate's CSV with the
 * same draws; and every table is in the workbook. */
Test(run, tables_are_the_commands, .init = mkdir_tmp, .fini = rm_tmp)
{
	static const char *const cmds[][8] = {
		{"solve", "--format", "csv", "scenarios/long_an.cfg", NULL},
		{"paths", "--format", "csv", "scenarios/long_an.cfg", NULL},
		{"simulate", "--draws", "300", "--threads", "1", "--format", "csv",
		 "scenarios/long_an.cfg"},
	};
	static const char *const files[] = {"solve.csv", "paths.csv",
	                                    "simulate.csv"};
	struct run r = RUN("--out", dir, "scenarios/long_an.cfg");
	char path[320], *text;
	size_t i;

	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	for (i = 0; i < 3; i++) {
		const char *argv[9];
		size_t j;

		for (j = 0; j < 8 && cmds[i][j] != NULL; j++)
			argv[j] = cmds[i][j];
		argv[j] = NULL;
		r = run_cli_v(argv);
		cr_assert_eq(r.status, 0, "%s", r.err);
		snprintf(path, sizeof path, "%s/tables/%s", dir, files[i]);
		text = slurp(path);
		cr_assert_not_null(text, "%s", path);
		cr_expect_str_eq(text, r.out, "%s", files[i]);
		free(text);
		run_free(&r);
	}
	/* no value anywhere that cannot be computed shown as nan or inf */
	snprintf(path, sizeof path, "grep -rqiwE 'nan|inf' '%s/tables' "
	         "'%s/report.md'", dir, dir);
	cr_expect_neq(system(path), 0, "a nan or inf in %s", dir);
	cr_expect(exists("tables/audit.json"));
	cr_expect(exists("tables/sensitivity.csv"));
	cr_expect(exists("lotrinh.xlsx"));
	snprintf(path, sizeof path, "python3 tests/xlsx_dump.py '%s/lotrinh.xlsx'"
	         " | grep 'sheet Sensitivity' > /dev/null", dir);
	cr_expect_eq(system(path), 0);
}
