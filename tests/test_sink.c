/* test_sink.c - output sinks (sink.h): a file appears whole or not at all,
 * an input is never overwritten, and a full disk is an error.
 *
 * Each test works in its own temporary directory, so "no temporary file
 * left" is checked by counting the directory's entries.  A write failure
 * is provoked for real with RLIMIT_FSIZE (the kernel refuses to grow the
 * file past the limit with EFBIG), and standard output is pointed at
 * /dev/full, which refuses every write with ENOSPC.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lotrinh/sink.h"

static char dir[64];

static void make_dir(void)
{
	snprintf(dir, sizeof dir, "/tmp/lotrinh-sink-XXXXXX");
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
		if (e->d_name[0] != '.' || (strcmp(e->d_name, ".") != 0 &&
		                            strcmp(e->d_name, "..") != 0)) {
			snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
			unlink(p);
		}
	closedir(d);
	rmdir(dir);
}

/* Entries in the test directory, hidden ones (temporary files) included. */
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

static char *slurp(const char *path)
{
	static char buf[4096];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (f == NULL)
		return NULL;
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

TestSuite(sink, .init = make_dir, .fini = remove_dir);

/* The destination appears only at the close, whole; the temporary file
 * lives beside it meanwhile and is gone after. */
Test(sink, file_is_renamed_into_place)
{
	char path[128];
	lt_sink *s;
	struct stat st;

	umask(022);
	snprintf(path, sizeof path, "%s/out.csv", dir);
	put(path, "old\n");
	cr_assert_eq(lt_sink_file(&s, path, NULL, 0, NULL), LT_OK);
	lt_sink_puts(s, "a,b\r\n");
	lt_sink_printf(s, "%d,%s\r\n", 2030, "Kinh tế số");
	cr_expect_eq(entries(), 2, "no temporary file beside the destination");
	cr_expect_str_eq(slurp(path), "old\n", "the destination changed early");
	cr_expect_eq(lt_sink_close(s, NULL), LT_OK);
	cr_expect_str_eq(slurp(path), "a,b\r\n2030,Kinh tế số\r\n");
	cr_expect_eq(entries(), 1, "the temporary file was left behind");
	/* the file keeps the mode the old one had, not mkstemp's 0600 */
	cr_assert_eq(stat(path, &st), 0);
	cr_expect_neq(st.st_mode & 0044, 0);
}

/* A write that fails (the file may not grow past 100 bytes) leaves the
 * destination as it was and no temporary file. */
Test(sink, write_failure_leaves_destination_untouched)
{
	struct rlimit lim = {100, 100};
	char path[128], big[4096];
	lt_sink *s;
	lt_diag d;
	int rc;

	snprintf(path, sizeof path, "%s/out.txt", dir);
	put(path, "precious\n");
	signal(SIGXFSZ, SIG_IGN);
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);
	memset(big, 'x', sizeof big);
	cr_assert_eq(lt_sink_file(&s, path, NULL, 0, NULL), LT_OK);
	lt_sink_write(s, big, sizeof big);
	lt_sink_write(s, big, sizeof big);
	lt_diag_init(&d, NULL);
	rc = lt_sink_close(s, &d);
	cr_expect_eq(rc, LT_EIO);
	cr_assert_eq(d.n, 1);
	cr_expect(strstr(d.items[0].msg, "cannot write: File too large") != NULL,
	          "%s", d.items[0].msg);
	cr_expect_str_eq(d.items[0].file, path);
	lt_diag_destroy(&d);
	cr_expect_str_eq(slurp(path), "precious\n");
	cr_expect_eq(entries(), 1, "the temporary file was left behind");
}

Test(sink, discard_leaves_nothing)
{
	char path[128];
	lt_sink *s;

	snprintf(path, sizeof path, "%s/new.json", dir);
	cr_assert_eq(lt_sink_file(&s, path, NULL, 0, NULL), LT_OK);
	lt_sink_puts(s, "{}\n");
	lt_sink_discard(s);
	cr_expect_eq(entries(), 0);
	cr_expect_eq(access(path, F_OK), -1);
}

/* An input is never a destination, however its name is spelt. */
Test(sink, refuses_to_overwrite_an_input)
{
	char input[128], other[128], alias[160], link[128];
	const char *inputs[2];
	lt_sink *s = (lt_sink *)1;
	lt_diag d;

	snprintf(input, sizeof input, "%s/long_an.cfg", dir);
	snprintf(other, sizeof other, "%s/data.csv", dir);
	snprintf(alias, sizeof alias, "%s/./../%s/long_an.cfg", dir,
	         strrchr(dir, '/') + 1);
	snprintf(link, sizeof link, "%s/link.cfg", dir);
	put(input, "scenario\n");
	cr_assert_eq(symlink(input, link), 0);
	inputs[0] = other;
	inputs[1] = input;
	lt_diag_init(&d, NULL);
	cr_expect_eq(lt_sink_file(&s, input, inputs, 2, &d), LT_EINVAL);
	cr_expect_null(s);
	cr_expect_eq(lt_sink_file(&s, alias, inputs, 2, &d), LT_EINVAL);
	cr_expect_eq(lt_sink_file(&s, link, inputs, 2, &d), LT_EINVAL);
	cr_assert_eq(d.n, 3);
	cr_expect_str_eq(d.items[0].msg, "is an input of this run: refusing to "
	                 "overwrite it");
	lt_diag_destroy(&d);
	cr_expect_str_eq(slurp(input), "scenario\n");
	cr_expect_eq(entries(), 2, "a temporary file was made");
	/* a file that is not an input may be written */
	snprintf(alias, sizeof alias, "%s/paths.csv", dir);
	cr_expect_eq(lt_sink_file(&s, alias, inputs, 2, NULL), LT_OK);
	lt_sink_discard(s);
}

Test(sink, refuses_a_directory)
{
	lt_sink *s;
	lt_diag d;

	lt_diag_init(&d, NULL);
	cr_expect_eq(lt_sink_file(&s, dir, NULL, 0, &d), LT_EINVAL);
	cr_expect_eq(lt_sink_file(&s, "", NULL, 0, &d), LT_EINVAL);
	cr_expect_eq(d.n, 2);
	lt_diag_destroy(&d);
}

/* A full disk on standard output is LT_EIO at the close, with the
 * message lt_main prints. */
Test(sink, stdout_full_disk)
{
	int full = open("/dev/full", O_WRONLY), saved;
	lt_sink *s;
	lt_diag d;
	int rc;

	cr_assert(full >= 0, "no /dev/full");
	fflush(stdout);
	saved = dup(1);
	dup2(full, 1);
	close(full);
	s = lt_sink_stdout();
	cr_assert_not_null(s);
	lt_sink_puts(s, "Lộ trình\n");
	lt_diag_init(&d, NULL);
	rc = lt_sink_close(s, &d);
	clearerr(stdout);
	dup2(saved, 1);
	close(saved);
	cr_expect_eq(rc, LT_EIO);
	cr_assert_eq(d.n, 1);
	cr_expect_str_eq(d.items[0].msg, "error writing to standard output");
	lt_diag_destroy(&d);
}

Test(sink, memory_grows_and_keeps_text)
{
	lt_sink *s = lt_sink_memory();
	size_t len, i;

	cr_assert_not_null(s);
	for (i = 0; i < 1000; i++)
		lt_sink_printf(s, "%03zu,", i % 1000);
	lt_sink_repeat(s, '-', 3);
	cr_expect_eq(lt_sink_status(s), LT_OK);
	cr_expect_str_eq(lt_sink_text(s, &len) + 3996, "999,---");
	cr_expect_eq(len, 4003);
	cr_expect_eq(lt_sink_close(s, NULL), LT_OK);
	cr_expect_eq(lt_sink_close(NULL, NULL), LT_OK);
	lt_sink_discard(NULL);
}
