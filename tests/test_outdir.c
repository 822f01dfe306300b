/* test_outdir.c - the output directory (outdir.h): lotrinh replaces its
 * own outputs, refuses every other file with a message naming it, and a
 * failure (an unwritable directory, a full disk, no memory) leaves no
 * half-written file and no temporary file.
 *
 * Each test works in its own temporary directory; the output directory
 * is DIR = <tmp>/out/run, which the first open creates.  "No temporary
 * file left" is checked by walking the tree for hidden entries other than
 * the manifest (every temporary name starts with a dot).
 *
 * The tests run as root, who may write into a read-only directory, so the
 * unwritable-directory test drops to the unprivileged user 65534 (nobody)
 * in a child process: setgroups, setresgid, setresuid, as
 * `setpriv --reuid=65534 --regid=65534 --clear-groups CMD` does for a
 * command.  A full disk is a file-size limit (RLIMIT_FSIZE, `ulimit -f`)
 * with SIGXFSZ ignored, so that writing past it fails with EFBIG, in a
 * child too.  The manifest's hashes are checked against the published
 * FNV-1a 64 test vectors (http://www.isthe.com/chongo/tech/comp/fnv/,
 * "FNV test vectors"): "" cbf29ce484222325, "a" af63dc4c8601ec8c, "foo"
 * dcb27518fed9d577, "foob" dd120e790c2512af, "foobar" 85944171f73967e8.
 */
#define _GNU_SOURCE /* setresuid, setresgid, setgroups */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
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
#include "lotrinh/outdir.h"

#define FOREIGN "was not written by lotrinh: not overwritten; remove it or " \
	"choose another --out"
#define CHANGED "has been changed since lotrinh wrote it: not overwritten; " \
	"remove it or choose another --out"
#define INPUT "is an input of this run: refusing to overwrite it"
#define UTF8_NAME "bản đồ/tỉnh Long An.csv"

/* The manifest after first_run and second_run. */
#define MANIFEST_1 "lotrinh-manifest 1 fnv1a64\n" \
	"af63dc4c8601ec8c 1 a.txt\n" \
	"cbf29ce484222325 0 " UTF8_NAME "\n" \
	"85944171f73967e8 6 charts/b.png\n"
#define MANIFEST_2 "lotrinh-manifest 1 fnv1a64\n" \
	"dcb27518fed9d577 3 a.txt\n" \
	"cbf29ce484222325 0 " UTF8_NAME "\n" \
	"dd120e790c2512af 4 charts/b.png\n"

/* The nobody user and group, for the unprivileged test. */
#define NOBODY 65534

static char tmpdir[64];   /* the test's own directory */
static char out[128];     /* DIR, the output directory */
static char scenario[128]; /* an input of the run, beside DIR */
static const char *inputs[1];

static void setup(void)
{
	umask(022);
	lt_alloc_fail_at(0);
	snprintf(tmpdir, sizeof tmpdir, "/tmp/lotrinh-outdir-XXXXXX");
	cr_assert_not_null(mkdtemp(tmpdir));
	/* nobody must reach the directories the unprivileged test uses */
	chmod(tmpdir, 0755);
	snprintf(out, sizeof out, "%s/out/run", tmpdir);
	snprintf(scenario, sizeof scenario, "%s/plan.cfg", tmpdir);
	inputs[0] = scenario;
}

static void remove_tree(const char *path)
{
	struct stat st;
	struct dirent *e;
	char p[1024];
	DIR *d;

	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	chmod(path, 0755);
	d = opendir(path);
	if (d != NULL) {
		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
				snprintf(p, sizeof p, "%s/%s", path, e->d_name);
				remove_tree(p);
			}
		closedir(d);
	}
	rmdir(path);
}

static void teardown(void)
{
	remove_tree(tmpdir);
}

TestSuite(outdir, .init = setup, .fini = teardown);

/* ---- helpers ------------------------------------------------------------ */

/* Entries under PATH, recursively: all of them into *ALL, and the hidden
 * ones other than the manifest (temporary files) into *TEMPS; either may
 * be NULL. */
static void walk(const char *path, int *all, int *temps)
{
	struct dirent *e;
	struct stat st;
	char p[1024];
	DIR *d = opendir(path);

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (all != NULL)
			++*all;
		if (temps != NULL && e->d_name[0] == '.' &&
		    strcmp(e->d_name, LT_OUTDIR_MANIFEST) != 0) {
			++*temps;
			fprintf(stderr, "left behind: %s/%s\n", path, e->d_name);
		}
		snprintf(p, sizeof p, "%s/%s", path, e->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			walk(p, all, temps);
	}
	closedir(d);
}

/* Temporary files left anywhere under the test's directory. */
static int temps_left(void)
{
	int n = 0;

	walk(tmpdir, NULL, &n);
	return n;
}

/* Entries under PATH, recursively. */
static int entries(const char *path)
{
	int n = 0;

	walk(path, &n, NULL);
	return n;
}

/* DIR/NAME in a static buffer (one of four, so a few may be alive). */
static const char *at(const char *name)
{
	static char buf[4][512];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof buf[k], "%s/%s", out, name);
	return buf[k];
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	cr_assert_not_null(f, "cannot create %s", path);
	fputs(text, f);
	cr_assert_eq(fclose(f), 0);
}

/* Expect PATH to hold exactly TEXT. */
static void expect_file(const char *path, const char *text)
{
	char *got = slurp(path);

	cr_expect_not_null(got, "%s is missing", path);
	if (got != NULL)
		cr_expect_str_eq(got, text, "%s", path);
	free(got);
}

static int exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* Write NAME through a sink: TEXT, then close. */
static int via_sink(lt_outdir *od, const char *name, const char *text,
                    lt_diag *d)
{
	lt_sink *s = (lt_sink *)&s;
	int rc = lt_outdir_sink(od, name, &s, d);

	if (rc != LT_OK) {
		cr_expect_null(s, "a refused sink must be NULL");
		return rc;
	}
	lt_sink_puts(s, text);
	return lt_sink_close(s, d);
}

/* Write NAME as another program would: a temporary file it fills, then
 * adopted. */
static int via_temp(lt_outdir *od, const char *name, const char *text,
                    lt_diag *d)
{
	char tmp[512];
	int rc = lt_outdir_temp(od, name, tmp, sizeof tmp, d);

	if (rc != LT_OK)
		return rc;
	cr_expect(strstr(tmp, "/.") != NULL, "the temporary file %s is not "
	          "hidden", tmp);
	put(tmp, text);
	return lt_outdir_adopt(od, name, tmp, d);
}

/* Open DIR with the scenario as the input; the open must succeed. */
static lt_outdir *open_out(void)
{
	lt_outdir *od = NULL;
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_outdir_open(&od, out, inputs, 1, &d);
	cr_assert_eq(rc, LT_OK, "open %s: %d %s", out, rc,
	             d.n > 0 ? d.items[0].msg : "");
	lt_diag_destroy(&d);
	return od;
}

static void close_out(lt_outdir *od)
{
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_outdir_close(od, &d);
	cr_expect_eq(rc, LT_OK, "close: %d %s", rc, d.n > 0 ? d.items[0].msg : "");
	lt_diag_destroy(&d);
}

/* The first run into a DIR that does not exist yet: a.txt = "a" through a
 * sink, charts/b.png = "foobar" through a temporary file, and an empty
 * file whose name has a space and UTF-8 in a new directory. */
static void first_run(void)
{
	lt_outdir *od;

	put(scenario, "scenario\n");
	cr_assert(!exists(out));
	od = open_out();
	cr_assert_eq(via_sink(od, "a.txt", "a", NULL), LT_OK);
	cr_assert_eq(via_temp(od, "charts/b.png", "foobar", NULL), LT_OK);
	cr_assert_eq(via_sink(od, UTF8_NAME, "", NULL), LT_OK);
	close_out(od);
	expect_file(at(LT_OUTDIR_MANIFEST), MANIFEST_1);
}

/* Expect RC to be a refusal of the single file PATH with MSG. */
static void expect_refused(int rc, const lt_diag *d, const char *path,
                           const char *msg)
{
	cr_expect_eq(rc, LT_EINVAL, "%s: status %d", path, rc);
	cr_assert_geq(d->n, 1, "%s: no message", path);
	cr_expect_str_eq(d->items[d->n - 1].file, path);
	cr_expect_str_eq(d->items[d->n - 1].msg, msg);
}

/* Run FN in a child process and return its exit status: 0 when every
 * check in it held (it prints the one that failed on stderr).  A child
 * killed by a signal fails the test. */
static int in_child(int (*fn)(void))
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	cr_assert(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0)
		_exit(fn());
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status), "the child was killed by signal %d",
	          WTERMSIG(status));
	return WEXITSTATUS(status);
}

/* In a child: fail with the line and the condition when COND is false. */
#define CHILD_EXPECT(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: in the child: %s\n", __FILE__, __LINE__, \
		        #cond); \
		return 1; \
	} \
} while (0)

/* In a child: the diag D holds one error, about FILE, saying MSG. */
static int child_diag_is(const lt_diag *d, const char *file, const char *msg)
{
	if (d->n == 1 && strcmp(d->items[0].file, file) == 0 &&
	    strcmp(d->items[0].msg, msg) == 0)
		return 1;
	fprintf(stderr, "want %s: %s\n got %s: %s (%zu errors)\n", file, msg,
	        d->n > 0 ? d->items[0].file : "", d->n > 0 ? d->items[0].msg : "",
	        d->n);
	return 0;
}

/* ---- running again ------------------------------------------------------ */

/* The first run creates DIR and its subdirectories, writes each file
 * whole with the ordinary mode, and records each with its FNV-1a 64 hash
 * (the published vectors) and size. */
Test(outdir, first_run_creates_and_records)
{
	struct stat st;

	first_run();
	expect_file(at("a.txt"), "a");
	expect_file(at("charts/b.png"), "foobar");
	expect_file(at(UTF8_NAME), "");
	cr_assert_eq(stat(at("charts/b.png"), &st), 0);
	cr_expect_eq(st.st_mode & 0777, 0644, "mode %o, not mkstemp's 0600",
	             st.st_mode & 0777);
	cr_expect_eq(temps_left(), 0);
	/* a.txt, charts, charts/b.png, bản đồ, its file, the manifest */
	cr_expect_eq(entries(out), 6);
}

/* Running again into the same DIR replaces lotrinh's own outputs, by both
 * ways of writing, and records the new hashes. */
Test(outdir, second_run_replaces_own_outputs)
{
	lt_outdir *od;

	first_run();
	od = open_out();
	cr_expect_null(lt_outdir_warning(od));
	cr_expect_eq(via_sink(od, "a.txt", "foo", NULL), LT_OK);
	cr_expect_eq(via_temp(od, "charts/b.png", "foob", NULL), LT_OK);
	close_out(od);
	expect_file(at("a.txt"), "foo");
	expect_file(at("charts/b.png"), "foob");
	expect_file(at(LT_OUTDIR_MANIFEST), MANIFEST_2);
	cr_expect_eq(temps_left(), 0);
	/* and once more: what was just recorded is lotrinh's */
	od = open_out();
	cr_expect_eq(via_sink(od, "a.txt", "a", NULL), LT_OK);
	cr_expect_eq(via_sink(od, "a.txt", "a", NULL), LT_OK); /* twice a run */
	cr_expect_eq(via_sink(od, "charts/b.png", "foobar", NULL), LT_OK);
	close_out(od);
	expect_file(at(LT_OUTDIR_MANIFEST), MANIFEST_1);
}

/* Entries of files a run does not rewrite stay in the manifest (they are
 * still lotrinh's); an entry whose file was removed is dropped. */
Test(outdir, manifest_keeps_entries_not_rewritten)
{
	lt_outdir *od;

	first_run();
	od = open_out();
	cr_expect_eq(via_sink(od, "a.txt", "foo", NULL), LT_OK);
	close_out(od);
	expect_file(at(LT_OUTDIR_MANIFEST), "lotrinh-manifest 1 fnv1a64\n"
	            "dcb27518fed9d577 3 a.txt\n"
	            "cbf29ce484222325 0 " UTF8_NAME "\n"
	            "85944171f73967e8 6 charts/b.png\n");
	/* the next run may still replace charts/b.png */
	od = open_out();
	cr_expect_eq(via_sink(od, "charts/b.png", "foob", NULL), LT_OK);
	close_out(od);
	/* the user removes a file: a run that writes nothing drops it */
	cr_assert_eq(unlink(at(UTF8_NAME)), 0);
	close_out(open_out());
	expect_file(at(LT_OUTDIR_MANIFEST), "lotrinh-manifest 1 fnv1a64\n"
	            "dcb27518fed9d577 3 a.txt\n"
	            "dd120e790c2512af 4 charts/b.png\n");
}

/* ---- refusals ----------------------------------------------------------- */

/* A file the user put in DIR is never overwritten, through a sink or a
 * temporary file, and nothing is created for it. */
Test(outdir, refuses_a_file_it_did_not_write)
{
	char tmp[512];
	lt_outdir *od;
	lt_diag d;

	first_run();
	put(at("notes.txt"), "mine\n");
	cr_assert_eq(symlink("/nonexistent", at("charts/link.png")), 0);
	/* an output replaced by a link to the same bytes is no longer ours */
	put(at("copy.txt"), "a");
	cr_assert_eq(unlink(at("a.txt")), 0);
	cr_assert_eq(symlink(at("copy.txt"), at("a.txt")), 0);
	cr_assert_eq(mkdir(at("charts/sub.png"), 0755), 0);
	od = open_out();
	lt_diag_init(&d, NULL);
	expect_refused(via_sink(od, "notes.txt", "x", &d), &d, at("notes.txt"),
	               FOREIGN);
	expect_refused(lt_outdir_temp(od, "notes.txt", tmp, sizeof tmp, &d), &d,
	               at("notes.txt"), FOREIGN);
	expect_refused(via_sink(od, "charts/link.png", "x", &d), &d,
	               at("charts/link.png"), FOREIGN);
	expect_refused(via_sink(od, "charts/sub.png", "x", &d), &d,
	               at("charts/sub.png"), "is a directory, not an output file");
	expect_refused(via_sink(od, "a.txt", "x", &d), &d, at("a.txt"), FOREIGN);
	lt_diag_destroy(&d);
	close_out(od);
	expect_file(at("notes.txt"), "mine\n");
	cr_expect_eq(temps_left(), 0);
	expect_file(at(LT_OUTDIR_MANIFEST), MANIFEST_1);
}

/* An output the user edited is refused, even when the edit keeps its size
 * (the hash tells), and an edit made while lotrinh writes the new version
 * is caught before the rename, by either way of writing. */
Test(outdir, refuses_an_output_the_user_changed)
{
	char tmp[512];
	lt_outdir *od;
	lt_sink *s;
	lt_diag d;

	first_run();
	put(at("a.txt"), "b");                /* same size, other bytes */
	put(at("charts/b.png"), "edited");    /* another size */
	od = open_out();
	lt_diag_init(&d, NULL);
	expect_refused(via_sink(od, "a.txt", "foo", &d), &d, at("a.txt"), CHANGED);
	expect_refused(via_temp(od, "charts/b.png", "foo", &d), &d,
	               at("charts/b.png"), CHANGED);
	/* edited meanwhile: the sink was allowed, its close is refused */
	cr_assert_eq(lt_outdir_sink(od, UTF8_NAME, &s, &d), LT_OK);
	lt_sink_puts(s, "new");
	put(at(UTF8_NAME), "the user's");
	expect_refused(lt_sink_close(s, &d), &d, at(UTF8_NAME), CHANGED);
	lt_diag_destroy(&d);
	close_out(od);
	expect_file(at("a.txt"), "b");
	expect_file(at("charts/b.png"), "edited");
	expect_file(at(UTF8_NAME), "the user's");
	cr_expect_eq(temps_left(), 0);
	expect_file(at(LT_OUTDIR_MANIFEST), MANIFEST_1);

	/* the same through a temporary file another program fills */
	cr_assert_eq(unlink(at("a.txt")), 0);
	od = open_out();
	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_outdir_temp(od, "a.txt", tmp, sizeof tmp, &d), LT_OK);
	put(tmp, "lotrinh's");
	put(at("a.txt"), "made meanwhile");
	expect_refused(lt_outdir_adopt(od, "a.txt", tmp, &d), &d, at("a.txt"),
	               FOREIGN);
	lt_diag_destroy(&d);
	close_out(od);
	expect_file(at("a.txt"), "made meanwhile");
	cr_expect_eq(temps_left(), 0);
}

/* An input is never written, however it is spelt, even one that lotrinh
 * wrote in an earlier run. */
Test(outdir, refuses_an_input)
{
	char alias[512], link[512];
	const char *in[2];
	lt_outdir *od;
	lt_diag d;

	first_run();
	snprintf(alias, sizeof alias, "%s/../run/./a.txt", out);
	snprintf(link, sizeof link, "%s/link.cfg", tmpdir);
	cr_assert_eq(symlink(scenario, link), 0);
	cr_assert_eq(symlink(link, at("plan.cfg")), 0);
	in[0] = alias;
	in[1] = scenario;
	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_outdir_open(&od, out, in, 2, &d), LT_OK);
	expect_refused(via_sink(od, "a.txt", "x", &d), &d, at("a.txt"), INPUT);
	expect_refused(via_temp(od, "plan.cfg", "x", &d), &d, at("plan.cfg"),
	               INPUT);
	lt_diag_destroy(&d);
	close_out(od);
	expect_file(at("a.txt"), "a");
	expect_file(scenario, "scenario\n");
	cr_expect_eq(temps_left(), 0);
}

/* Names that could escape DIR, break the manifest or take its place are
 * refused before anything is created. */
Test(outdir, refuses_bad_names)
{
	static const char *const bad[] = {
		"", "/etc/passwd", "../x", "charts/../../x", "..", "a//b", "./a",
		"a/", "a/.", ".", LT_OUTDIR_MANIFEST, "a\nb", "tab\tname", "del\x7f",
	};
	lt_outdir *od;
	lt_diag d;
	size_t i;

	put(scenario, "scenario\n");
	od = open_out();
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		lt_diag_init(&d, NULL);
		cr_expect_eq(via_sink(od, bad[i], "x", &d), LT_EINVAL, "'%s'", bad[i]);
		cr_expect_eq(via_temp(od, bad[i], "x", &d), LT_EINVAL, "'%s'", bad[i]);
		cr_assert_eq(d.n, 2);
		cr_expect_str_eq(d.items[0].file, at(bad[i]));
		cr_expect_str_eq(d.items[0].msg, "is not a name for an output: it "
		                 "must be relative, with no empty, '.' or '..' part, "
		                 "no control character, and not .lotrinh-manifest");
		lt_diag_destroy(&d);
	}
	close_out(od);
	cr_expect_eq(entries(tmpdir), 3, "plan.cfg, out, out/run: nothing else");
}

/* An output whose directory is a file, and a DIR that is a file. */
Test(outdir, refuses_a_file_where_a_directory_goes)
{
	char file[256];
	lt_outdir *od = (lt_outdir *)&od;
	lt_diag d;

	put(scenario, "scenario\n");
	od = open_out();
	put(at("charts"), "a file\n");
	lt_diag_init(&d, NULL);
	expect_refused(via_sink(od, "charts/b.png", "x", &d), &d, at("charts"),
	               "is not a directory: cannot write outputs into it");
	close_out(od);
	snprintf(file, sizeof file, "%s/a/b", at("charts"));
	cr_expect_eq(lt_outdir_open(&od, file, NULL, 0, &d), LT_EINVAL);
	cr_expect_null(od);
	cr_expect_str_eq(d.items[d.n - 1].file, at("charts"));
	cr_expect_eq(lt_outdir_open(&od, "", NULL, 0, &d), LT_EINVAL);
	cr_expect_str_eq(d.items[d.n - 1].msg, "the output directory name is "
	                 "empty");
	lt_diag_destroy(&d);
	expect_file(at("charts"), "a file\n");
}

/* ---- the manifest ------------------------------------------------------- */

/* A manifest whose entries cannot be read is said (file and line) and
 * ignored: the files it listed are refused, never trusted, and the
 * refusal repeats the reason.  The next file written replaces it. */
Test(outdir, bad_manifest_is_ignored_and_said)
{
	static const struct {
		const char *text;
		int line;
		const char *why;
	} cases[] = {
		{"lotrinh-manifest 1 fnv1a64\naf63dc4c8601ec8c 1 a.txt\nzz\n", 3,
		 "malformed entry, not 'HASH SIZE NAME'"},
		{"lotrinh-manifest 1 fnv1a64\nAF63DC4C8601EC8C 1 a.txt\n", 2,
		 "malformed entry, not 'HASH SIZE NAME'"},
		{"lotrinh-manifest 1 fnv1a64\naf63dc4c8601ec8c -1 a.txt\n", 2,
		 "malformed entry, not 'HASH SIZE NAME'"},
		{"lotrinh-manifest 1 fnv1a64\naf63dc4c8601ec8c 1 a.txt", 2,
		 "the last line is cut short"},
		{"lotrinh-manifest 1 fnv1a64\naf63dc4c8601ec8c 1 a.txt\n"
		 "af63dc4c8601ec8c 1 a.txt\n", 3, "a name listed twice"},
		{"lotrinh-manifest 1 fnv1a64\naf63dc4c8601ec8c 1 ../a.txt\n", 2,
		 "a name lotrinh never writes"},
	};
	char want[600];
	const lt_error *w;
	lt_outdir *od;
	lt_diag d;
	size_t i;

	first_run();
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		put(at(LT_OUTDIR_MANIFEST), cases[i].text);
		od = open_out();
		w = lt_outdir_warning(od);
		cr_assert_not_null(w, "case %zu", i);
		snprintf(want, sizeof want, "%s; the manifest is ignored, so no file "
		         "already in the directory is overwritten", cases[i].why);
		cr_expect_str_eq(w->file, at(LT_OUTDIR_MANIFEST));
		cr_expect_eq(w->line, cases[i].line, "case %zu", i);
		cr_expect_str_eq(w->msg, want, "case %zu", i);
		lt_diag_init(&d, NULL);
		cr_expect_eq(via_sink(od, "a.txt", "x", &d), LT_EINVAL);
		cr_assert_eq(d.n, 2);
		cr_expect_str_eq(d.items[0].file, at("a.txt"));
		cr_expect_str_eq(d.items[0].msg, FOREIGN);
		cr_expect_str_eq(d.items[1].msg, want);
		cr_expect_eq(d.items[1].line, cases[i].line);
		lt_diag_destroy(&d);
		close_out(od);
		expect_file(at("a.txt"), "a");
	}
	/* a new file is written and the manifest is replaced */
	od = open_out();
	cr_expect_eq(via_sink(od, "new.txt", "a", NULL), LT_OK);
	close_out(od);
	expect_file(at(LT_OUTDIR_MANIFEST), "lotrinh-manifest 1 fnv1a64\n"
	            "af63dc4c8601ec8c 1 new.txt\n");
}

/* A file called .lotrinh-manifest that is not a manifest of this format
 * is not lotrinh's to replace: the open refuses, naming it. */
Test(outdir, foreign_manifest_is_refused)
{
	static const struct {
		const char *text;
		const char *msg;
	} cases[] = {
		{"hello\n", "is not a lotrinh manifest: not overwritten; remove it or "
		            "choose another --out"},
		{"", "is not a lotrinh manifest: not overwritten; remove it or "
		     "choose another --out"},
		{"lotrinh-manifest 2 sha256\n", "is a lotrinh manifest of a format "
		 "this lotrinh does not read: not overwritten; remove it or choose "
		 "another --out"},
	};
	lt_outdir *od;
	lt_diag d;
	size_t i;

	put(scenario, "scenario\n");
	close_out(open_out());
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		put(at(LT_OUTDIR_MANIFEST), cases[i].text);
		lt_diag_init(&d, NULL);
		cr_expect_eq(lt_outdir_open(&od, out, NULL, 0, &d), LT_EINVAL);
		cr_expect_null(od);
		cr_assert_eq(d.n, 1);
		cr_expect_str_eq(d.items[0].file, at(LT_OUTDIR_MANIFEST));
		cr_expect_str_eq(d.items[0].msg, cases[i].msg, "case %zu", i);
		lt_diag_destroy(&d);
		expect_file(at(LT_OUTDIR_MANIFEST), cases[i].text);
	}
	cr_assert_eq(unlink(at(LT_OUTDIR_MANIFEST)), 0);
	cr_assert_eq(mkdir(at(LT_OUTDIR_MANIFEST), 0755), 0);
	lt_diag_init(&d, NULL);
	cr_expect_eq(lt_outdir_open(&od, out, NULL, 0, &d), LT_EINVAL);
	lt_diag_destroy(&d);
	cr_expect_eq(temps_left(), 0);
}

/* ---- unfinished files --------------------------------------------------- */

/* A discarded sink or temporary file leaves nothing and records nothing;
 * freeing the directory discards what is still open; closing it with
 * something open is a caller's mistake, reported. */
Test(outdir, unfinished_files_leave_nothing)
{
	char tmp[512];
	lt_outdir *od;
	lt_sink *s;
	lt_diag d;

	put(scenario, "scenario\n");
	od = open_out();
	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_outdir_sink(od, "a.txt", &s, &d), LT_OK);
	lt_sink_puts(s, "half");
	lt_sink_discard(s);
	cr_assert_eq(lt_outdir_temp(od, "charts/b.png", tmp, sizeof tmp, &d),
	             LT_OK);
	cr_expect(exists(tmp));
	lt_outdir_discard(od, "charts/b.png");
	cr_expect(!exists(tmp));
	/* a discarded temporary file cannot be adopted */
	cr_expect_eq(lt_outdir_adopt(od, "charts/b.png", tmp, &d), LT_EINVAL);
	cr_expect_eq(lt_outdir_adopt(od, "never.png", tmp, &d), LT_EINVAL);
	/* one open at a time per name */
	cr_assert_eq(lt_outdir_sink(od, "a.txt", &s, &d), LT_OK);
	expect_refused(lt_outdir_temp(od, "a.txt", tmp, sizeof tmp, &d), &d,
	               at("a.txt"), "is already being written in this run");
	cr_expect_eq(lt_outdir_close(od, &d), LT_EINVAL);
	cr_expect_str_eq(d.items[d.n - 1].msg, "was not finished: discarded");
	lt_diag_destroy(&d);
	cr_expect(!exists(at("a.txt")));
	cr_expect(!exists(at(LT_OUTDIR_MANIFEST)), "nothing was recorded");
	cr_expect_eq(temps_left(), 0);

	od = open_out();
	cr_assert_eq(lt_outdir_sink(od, "a.txt", &s, NULL), LT_OK);
	lt_sink_puts(s, "half");
	cr_assert_eq(lt_outdir_temp(od, "b.png", tmp, sizeof tmp, NULL), LT_OK);
	lt_outdir_free(od);
	lt_outdir_free(NULL);
	cr_expect_eq(lt_outdir_close(NULL, NULL), LT_OK);
	cr_expect_eq(temps_left(), 0);
	cr_expect(!exists(at("a.txt")));
}

/* ---- failures of the disk ----------------------------------------------- */

static char ro[256], rw[256];

/* As nobody: a read-only DIR, a DIR to create under it, and a read-only
 * subdirectory of a writable DIR all fail with LT_EIO and the reason. */
static int child_unprivileged(void)
{
	char path[512], tmp[512];
	lt_outdir *od;
	lt_diag d;

	CHILD_EXPECT(setgroups(0, NULL) == 0);
	CHILD_EXPECT(setresgid(NOBODY, NOBODY, NOBODY) == 0);
	CHILD_EXPECT(setresuid(NOBODY, NOBODY, NOBODY) == 0);
	CHILD_EXPECT(geteuid() == NOBODY);

	lt_diag_init(&d, NULL);
	CHILD_EXPECT(lt_outdir_open(&od, ro, NULL, 0, &d) == LT_EIO);
	CHILD_EXPECT(child_diag_is(&d, ro, "cannot write in this directory: "
	                           "Permission denied"));
	lt_diag_destroy(&d);

	snprintf(path, sizeof path, "%s/new/deeper", ro);
	lt_diag_init(&d, NULL);
	CHILD_EXPECT(lt_outdir_open(&od, path, NULL, 0, &d) == LT_EIO);
	snprintf(path, sizeof path, "%s/new", ro);
	CHILD_EXPECT(child_diag_is(&d, path, "cannot create the directory: "
	                           "Permission denied"));
	lt_diag_destroy(&d);

	CHILD_EXPECT(lt_outdir_open(&od, rw, NULL, 0, NULL) == LT_OK);
	snprintf(path, sizeof path, "%s/charts/b.png", rw);
	lt_diag_init(&d, NULL);
	CHILD_EXPECT(via_sink(od, "charts/b.png", "x", &d) == LT_EIO);
	CHILD_EXPECT(child_diag_is(&d, path, "cannot create a temporary file "
	                           "beside it: Permission denied"));
	lt_diag_destroy(&d);
	lt_diag_init(&d, NULL);
	CHILD_EXPECT(lt_outdir_temp(od, "charts/b.png", tmp, sizeof tmp, &d) ==
	             LT_EIO);
	lt_diag_destroy(&d);
	snprintf(path, sizeof path, "%s/charts/sub", rw);
	lt_diag_init(&d, NULL);
	CHILD_EXPECT(via_sink(od, "charts/sub/c.png", "x", &d) == LT_EIO);
	CHILD_EXPECT(child_diag_is(&d, path, "cannot create the directory: "
	                           "Permission denied"));
	lt_diag_destroy(&d);
	/* where nobody may write, it does */
	CHILD_EXPECT(via_sink(od, "a.txt", "a", NULL) == LT_OK);
	CHILD_EXPECT(lt_outdir_close(od, NULL) == LT_OK);
	return 0;
}

/* An unwritable directory is LT_EIO (exit 3) with no file left behind.
 * The tests run as root, who writes anywhere, so the child drops to
 * nobody first (as `setpriv --reuid=65534 --regid=65534 --clear-groups`). */
Test(outdir, unwritable_directory_as_unprivileged_user)
{
	char charts[300];

	snprintf(ro, sizeof ro, "%s/ro", tmpdir);
	snprintf(rw, sizeof rw, "%s/rw", tmpdir);
	snprintf(charts, sizeof charts, "%s/charts", rw);
	cr_assert_eq(mkdir(ro, 0555), 0);
	cr_assert_eq(chmod(ro, 0555), 0);
	cr_assert_eq(mkdir(rw, 0755), 0);
	cr_assert_eq(mkdir(charts, 0555), 0);
	cr_assert_eq(chmod(charts, 0555), 0);
	if (geteuid() == 0)
		cr_assert_eq(chown(rw, NOBODY, NOBODY), 0);
	else
		cr_skip_test("not root: cannot become another user");
	cr_assert_eq(in_child(child_unprivileged), 0);
	cr_expect_eq(entries(ro), 0, "something was left in the read-only DIR");
	cr_expect_eq(entries(charts), 0);
	cr_expect_eq(temps_left(), 0);
	snprintf(charts, sizeof charts, "%s/a.txt", rw);
	expect_file(charts, "a");
}

/* The largest file a child may write: RLIMIT_FSIZE, as `ulimit -f`. */
#define FSIZE_LIMIT 100

/* Limit the size of files to FSIZE_LIMIT bytes, and ignore SIGXFSZ so a
 * write past it fails with EFBIG ("File too large"), as lotrinh's main
 * does; 1 on success. */
static int limit_file_size(void)
{
	struct rlimit lim = {FSIZE_LIMIT, FSIZE_LIMIT};

	signal(SIGXFSZ, SIG_IGN);
	return setrlimit(RLIMIT_FSIZE, &lim) == 0;
}

/* A full disk: writes past the limit fail, through a sink (a file that
 * existed and a new one) and in the program that fills a temporary file. */
static int child_full_disk(void)
{
	char big[4096], tmp[512];
	lt_outdir *od;
	lt_sink *s;
	lt_diag d;
	int fd;

	CHILD_EXPECT(limit_file_size());
	memset(big, 'x', sizeof big);
	CHILD_EXPECT(lt_outdir_open(&od, out, inputs, 1, NULL) == LT_OK);
	lt_diag_init(&d, NULL);
	CHILD_EXPECT(lt_outdir_sink(od, "a.txt", &s, &d) == LT_OK);
	lt_sink_write(s, big, sizeof big);
	lt_sink_write(s, big, sizeof big);
	CHILD_EXPECT(lt_sink_close(s, &d) == LT_EIO);
	CHILD_EXPECT(child_diag_is(&d, at("a.txt"), "cannot write: File too "
	                           "large"));
	lt_diag_destroy(&d);
	lt_diag_init(&d, NULL);
	CHILD_EXPECT(lt_outdir_sink(od, "charts/new.csv", &s, &d) == LT_OK);
	lt_sink_write(s, big, sizeof big);
	CHILD_EXPECT(lt_sink_close(s, &d) == LT_EIO);
	CHILD_EXPECT(child_diag_is(&d, at("charts/new.csv"), "cannot write: "
	                           "File too large"));
	lt_diag_destroy(&d);
	/* gnuplot's write fails; its caller gives the file up */
	CHILD_EXPECT(lt_outdir_temp(od, "charts/c.png", tmp, sizeof tmp, NULL) ==
	             LT_OK);
	fd = open(tmp, O_WRONLY);
	CHILD_EXPECT(fd >= 0);
	CHILD_EXPECT(write(fd, big, sizeof big) == FSIZE_LIMIT);
	CHILD_EXPECT(write(fd, big, sizeof big) < 0 && errno == EFBIG);
	close(fd);
	lt_outdir_discard(od, "charts/c.png");
	CHILD_EXPECT(lt_outdir_close(od, NULL) == LT_OK);
	return 0;
}

/* A full disk is LT_EIO (exit 3) naming the file and the reason; the old
 * file stays, a new one never appears, no temporary file is left, and
 * the manifest is as it was. */
Test(outdir, full_disk_leaves_no_half_file)
{
	first_run();
	cr_assert_eq(in_child(child_full_disk), 0);
	expect_file(at("a.txt"), "a");
	cr_expect(!exists(at("charts/new.csv")));
	cr_expect(!exists(at("charts/c.png")));
	cr_expect_eq(temps_left(), 0);
	expect_file(at(LT_OUTDIR_MANIFEST), MANIFEST_1);
}

/* The file fits under the limit but the manifest (131 bytes) does not:
 * the new version is not put in place, since it could not be recorded. */
static int child_manifest_full(void)
{
	lt_outdir *od;
	lt_diag d;

	CHILD_EXPECT(limit_file_size());
	CHILD_EXPECT(lt_outdir_open(&od, out, inputs, 1, NULL) == LT_OK);
	lt_diag_init(&d, NULL);
	CHILD_EXPECT(via_sink(od, "a.txt", "b", &d) == LT_EIO);
	CHILD_EXPECT(child_diag_is(&d, at(LT_OUTDIR_MANIFEST), "cannot write: "
	                           "File too large"));
	lt_diag_destroy(&d);
	CHILD_EXPECT(lt_outdir_close(od, NULL) == LT_OK);
	return 0;
}

/* The manifest is written before the rename: when it cannot be, the old
 * file and the old manifest stay together, so the next run goes on. */
Test(outdir, manifest_write_failure_keeps_the_old_file)
{
	lt_outdir *od;

	first_run();
	cr_assert_gt(strlen(MANIFEST_1), FSIZE_LIMIT);
	cr_assert_eq(in_child(child_manifest_full), 0);
	expect_file(at("a.txt"), "a");
	expect_file(at(LT_OUTDIR_MANIFEST), MANIFEST_1);
	cr_expect_eq(temps_left(), 0);
	od = open_out();
	cr_expect_eq(via_sink(od, "a.txt", "b", NULL), LT_OK);
	close_out(od);
	expect_file(at("a.txt"), "b");
}

/* lotrinh itself ignores SIGXFSZ (main.c): under a file-size limit, with
 * the signal at its default (which kills), `lotrinh show --out` exits 3
 * with the reason instead of dying halfway through its output.  The
 * program is the one built beside this test (BUILD/lotrinh). */
Test(outdir, program_survives_a_file_size_limit)
{
	char exe[1024], bin[1100], csv[300], err[4096];
	struct rlimit lim = {64, 64};
	int status, fds[2];
	size_t len = 0;
	ssize_t n;
	char *slash;
	pid_t pid;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	cr_assert_gt(n, 0);
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	cr_assert_not_null(slash);
	*slash = '\0'; /* BUILD/tests */
	slash = strrchr(exe, '/');
	cr_assert_not_null(slash);
	*slash = '\0'; /* BUILD */
	snprintf(bin, sizeof bin, "%s/lotrinh", exe);
	if (access(bin, X_OK) != 0)
		cr_skip_test("no program %s", bin);
	snprintf(csv, sizeof csv, "%s/show.csv", tmpdir);
	cr_assert_eq(pipe(fds), 0); /* a pipe: the limit does not apply */
	fflush(NULL);
	pid = fork();
	cr_assert(pid >= 0);
	if (pid == 0) {
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		signal(SIGXFSZ, SIG_DFL);
		setrlimit(RLIMIT_FSIZE, &lim);
		execl(bin, "lotrinh", "show", "--format", "csv", "--out", csv,
		      "scenarios/long_an.cfg", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while (len < sizeof err - 1 &&
	       (n = read(fds[0], err + len, sizeof err - 1 - len)) > 0)
		len += (size_t)n;
	err[len] = '\0';
	close(fds[0]);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status), "lotrinh was killed by signal %d",
	          WTERMSIG(status));
	cr_expect_eq(WEXITSTATUS(status), 3, "exit status %d: %s",
	             WEXITSTATUS(status), err);
	cr_expect(strstr(err, "File too large") != NULL, "%s", err);
	cr_expect(!exists(csv));
	cr_expect_eq(temps_left(), 0);
}

/* ---- out of memory ------------------------------------------------------ */

static char *sweep_manifest; /* the manifest each cycle starts from */

/* One run into the DIR of first_run, from a manifest that also lists a
 * file no longer there: open, write a.txt through a sink and charts/b.png
 * through a temporary file, with the contents they have (so every cycle
 * starts from the same state), and close (which drops the stale entry). */
static int op_cycle(void)
{
	char tmp[512];
	lt_outdir *od;
	lt_sink *s;
	lt_diag d;
	int rc;

	put(at(LT_OUTDIR_MANIFEST), sweep_manifest);
	lt_diag_init(&d, NULL);
	rc = lt_outdir_open(&od, out, inputs, 1, &d);
	if (rc == LT_OK)
		rc = lt_outdir_sink(od, "a.txt", &s, &d);
	if (rc == LT_OK) {
		lt_sink_printf(s, "%s", "a");
		rc = lt_sink_close(s, &d);
	}
	if (rc == LT_OK)
		rc = lt_outdir_temp(od, "charts/b.png", tmp, sizeof tmp, &d);
	if (rc == LT_OK) {
		put(tmp, "foobar");
		rc = lt_outdir_adopt(od, "charts/b.png", tmp, &d);
	}
	if (rc == LT_OK)
		rc = lt_outdir_close(od, &d);
	else
		lt_outdir_free(od);
	if (rc != LT_OK && lt_diag_count(&d) == 0)
		rc = 99; /* a failure must say what failed */
	lt_diag_destroy(&d);
	return rc;
}

/* Every allocation of a run may fail: each failure gives LT_ENOMEM, leaks
 * nothing (asked of LeakSanitizer under `make sanitize`), leaves no
 * temporary file, and leaves DIR as a later run can use it (the next
 * cycle expects the same state).  The method is tests/test_alloc.c's. */
Test(outdir, out_of_memory_everywhere)
{
	unsigned long n, i;
	int rc, leaked = 0;

	first_run();
	sweep_manifest = malloc(strlen(MANIFEST_1) + 64);
	cr_assert_not_null(sweep_manifest);
	sprintf(sweep_manifest, "%s%s", MANIFEST_1,
	        "af63dc4c8601ec8c 1 gone.txt\n");
	lt_alloc_fail_at(0);
	rc = op_cycle();
	cr_assert_eq(rc, LT_OK, "a cycle without failures: %d", rc);
	n = lt_alloc_count();
	cr_assert_gt(n, 5);
	for (i = 1; i <= n; i++) {
		lt_alloc_fail_at(i);
		rc = op_cycle();
		lt_alloc_fail_at(0);
		cr_expect_eq(rc, LT_ENOMEM, "allocation %lu of %lu failed: status %d",
		             i, n, rc);
		cr_expect_eq(temps_left(), 0, "allocation %lu of %lu", i, n);
		if (!leaked && leaks_found()) {
			leaked = 1;
			cr_expect_fail("a leak with allocation %lu of %lu failing", i, n);
		}
		expect_file(at("a.txt"), "a");
	}
	cr_expect_eq(op_cycle(), LT_OK);
	expect_file(at(LT_OUTDIR_MANIFEST), MANIFEST_1);
	free(sweep_manifest);
}
