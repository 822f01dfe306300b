/* helpers.h - running the CLI in-process and reading files, for the tests.
 *
 * run_cli() calls lt_main with standard output and error sent to temporary
 * files, then gives back both texts and the exit status.  Criterion runs
 * each test in its own process, so swapping file descriptors is safe.
 */
#ifndef LT_TEST_HELPERS_H
#define LT_TEST_HELPERS_H

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lotrinh/cli.h"
#include "lotrinh/text.h"

struct run {
	int status;
	char *out; /* standard output, NUL-terminated; free with run_free */
	char *err; /* standard error */
};

/* The whole content of PATH as a NUL-terminated string (caller frees), or
 * NULL when it cannot be read. */
static inline char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) != NULL) {
		size_t got = fread(buf, 1, (size_t)n, f);
		buf[got] = '\0';
	}
	fclose(f);
	return buf;
}

/* Point descriptor FD at a new temporary file; returns the saved original. */
static inline int capture_fd(int fd, char *path, size_t size)
{
	int tmp, saved;

	snprintf(path, size, "/tmp/lotrinh-test-XXXXXX");
	tmp = mkstemp(path);
	cr_assert(tmp >= 0, "mkstemp failed");
	saved = dup(fd);
	dup2(tmp, fd);
	close(tmp);
	return saved;
}

static inline void restore_fd(int fd, int saved)
{
	dup2(saved, fd);
	close(saved);
}

/* Run lotrinh with the NULL-terminated argument list ARGV (argv[0] is
 * added). */
static inline struct run run_cli_v(const char *const *args)
{
	char *argv[64], out_path[64], err_path[64];
	struct run r;
	int argc = 0, so, se;

	argv[argc++] = (char *)"lotrinh";
	while (*args != NULL && argc < 63)
		argv[argc++] = (char *)*args++;
	argv[argc] = NULL;
	fflush(stdout);
	fflush(stderr);
	so = capture_fd(1, out_path, sizeof out_path);
	se = capture_fd(2, err_path, sizeof err_path);
	r.status = lt_main(argc, argv);
	fflush(stdout);
	fflush(stderr);
	restore_fd(1, so);
	restore_fd(2, se);
	r.out = slurp(out_path);
	r.err = slurp(err_path);
	unlink(out_path);
	unlink(err_path);
	cr_assert_not_null(r.out);
	cr_assert_not_null(r.err);
	return r;
}

#define run_cli(...) run_cli_v((const char *const[]){__VA_ARGS__, NULL})

static inline void run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

/* A bad-input case: a file NAME in a corpus directory, with its pinned
 * standard error in NAME.err beside it. */
struct bad_case {
	char name[128];
};

/* Every case in DIR (entries not starting with '.' nor ending in .err), in
 * memory Criterion can share with its test processes (cr_malloc); *N
 * receives the count.  For ParameterizedTestParameters. */
/* 1 if the directory entry NAME is a case (not hidden, not a .err). */
static inline int is_case(const char *name)
{
	size_t len = strlen(name);

	return name[0] != '.' && !(len > 4 && strcmp(name + len - 4, ".err") == 0);
}

static inline struct bad_case *bad_cases(const char *dir, size_t *n)
{
	struct bad_case *cases = cr_malloc(256 * sizeof *cases);
	DIR *d = opendir(dir);
	struct dirent *e;

	*n = 0;
	cr_assert_not_null(d, "cannot open %s", dir);
	while ((e = readdir(d)) != NULL && *n < 256)
		if (is_case(e->d_name))
			snprintf(cases[(*n)++].name, sizeof cases->name, "%.127s",
			         e->d_name);
	closedir(d);
	return cases;
}

/* How many cases DIR holds (in an ordinary test, where cr_malloc is not
 * available). */
static inline size_t count_cases(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	cr_assert_not_null(d, "cannot open %s", dir);
	while ((e = readdir(d)) != NULL)
		n += (size_t)is_case(e->d_name);
	closedir(d);
	return n;
}

static inline void bad_cases_free(struct criterion_test_params *p)
{
	cr_free(p->params);
}

/* Assert that R, a run on the bad input PATH, failed as PATH.err pins:
 * exit status 2, nothing on standard output, exactly that standard error.
 * Returns the pinned text (caller frees) for further comparisons. */
static inline char *expect_pinned(const struct run *r, const char *path)
{
	char err_path[300];
	char *expected;

	snprintf(err_path, sizeof err_path, "%s.err", path);
	expected = slurp(err_path);
	cr_assert_not_null(expected, "no pinned message %s", err_path);
	cr_expect_eq(r->status, 2, "%s: exit status %d", path, r->status);
	cr_expect_str_empty(r->out, "%s printed on stdout: %s", path, r->out);
	cr_expect_str_eq(r->err, expected, "%s:\n got: %s\nwant: %s", path,
	                 r->err, expected);
	return expected;
}

/* LeakSanitizer from inside a test.  Criterion runs each test in a worker
 * process whose leak report at exit does not fail the test (nor the run),
 * so a test that must not leak asks LeakSanitizer itself.  Built without
 * AddressSanitizer (plain make check), there is nothing to ask. */
#if defined(__SANITIZE_ADDRESS__)
#define LT_TEST_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LT_TEST_LSAN 1
#endif
#endif
#ifdef LT_TEST_LSAN
#include <sanitizer/lsan_interface.h>
#endif

/* 1 when LeakSanitizer finds memory that nothing points to any more (and
 * prints where it was allocated on stderr), else 0; always 0 without
 * AddressSanitizer.  The count is cumulative: once a leak is found, every
 * later call finds it again, so check after each step and stop at the
 * first that leaks. */
static inline int leaks_found(void)
{
#ifdef LT_TEST_LSAN
	return __lsan_do_recoverable_leak_check() != 0;
#else
	return 0;
#endif
}

#endif /* LT_TEST_HELPERS_H */
