/* sink.c - output destinations with checked writes (see sink.h).
 *
 * One struct serves the four kinds; `kind` chooses what write and close
 * do (a custom sink passes both on to the module that made it).  The
 * first failure is kept in `status` with its errno, so a writer that
 * ignores single write statuses still gets the error at close, as
 * coreutils' close_stdout does for standard output.
 */
#include "lotrinh/sink.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lotrinh/alloc.h"

enum sink_kind { SINK_STDOUT, SINK_MEMORY, SINK_FILE, SINK_CUSTOM };

struct lt_sink {
	enum sink_kind kind;
	int status;       /* LT_OK or the first failure */
	int err;          /* errno of the first failure, 0 if none */
	FILE *f;          /* stdout, or the temporary file */
	char *path;       /* file: the destination */
	char *tmp;        /* file: the temporary file's name */
	char *buf;        /* memory: the text, NUL-terminated */
	size_t len, cap;
	const lt_sink_ops *ops; /* custom: what writes and closes do */
	void *arg;              /* custom: their state, owned */
};

static lt_sink *sink_new(enum sink_kind kind)
{
	lt_sink *s = lt_calloc(1, sizeof *s);

	if (s != NULL)
		s->kind = kind;
	return s;
}

lt_sink *lt_sink_stdout(void)
{
	lt_sink *s = sink_new(SINK_STDOUT);

	if (s != NULL)
		s->f = stdout;
	return s;
}

lt_sink *lt_sink_memory(void)
{
	lt_sink *s = sink_new(SINK_MEMORY);

	if (s == NULL)
		return NULL;
	s->buf = lt_malloc(64);
	if (s->buf == NULL) {
		free(s);
		return NULL;
	}
	s->cap = 64;
	s->buf[0] = '\0';
	return s;
}

lt_sink *lt_sink_custom(const lt_sink_ops *ops, void *arg)
{
	lt_sink *s = sink_new(SINK_CUSTOM);

	if (s != NULL) {
		s->ops = ops;
		s->arg = arg;
	}
	return s;
}

/* Record the first failure. */
static int fail(lt_sink *s, int status, int err)
{
	if (s->status == LT_OK) {
		s->status = status;
		s->err = err;
	}
	return s->status;
}

/* 1 when PATH and INPUT name the same file: the same text, or the same
 * device and inode (however either is spelt, through links too). */
static int same_file(const char *path, const char *input)
{
	struct stat a, b;

	if (strcmp(path, input) == 0)
		return 1;
	if (stat(path, &a) != 0 || stat(input, &b) != 0)
		return 0;
	return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int lt_sink_is_input(const char *path, const char *const *inputs,
                     size_t n_inputs)
{
	size_t i;

	for (i = 0; i < n_inputs; i++)
		if (inputs[i] != NULL && same_file(path, inputs[i]))
			return 1;
	return 0;
}

static char *dup_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = lt_malloc(n);

	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

/* The template "DIR/.BASE.XXXXXX" for PATH's temporary file (caller
 * frees), or NULL when out of memory. */
static char *temp_template(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	const char *base = path + dirlen;
	size_t n = dirlen + 1 + strlen(base) + 8;
	char *t = lt_malloc(n);

	if (t != NULL)
		snprintf(t, n, "%.*s.%s.XXXXXX", (int)dirlen, path, base);
	return t;
}

/* Check PATH as a destination (not empty, not a directory, not an input);
 * returns LT_OK or LT_EINVAL recorded in DIAG. */
static int check_destination(const char *path, const char *const *inputs,
                             size_t n_inputs, lt_diag *diag)
{
	struct stat st;

	if (path[0] == '\0')
		return lt_error_raise(diag, LT_EINVAL, "", 0, "the output file name "
		                      "is empty");
	if (path[strlen(path) - 1] == '/' ||
	    (stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
		return lt_error_raise(diag, LT_EINVAL, path, 0, "is a directory, not "
		                      "an output file");
	if (lt_sink_is_input(path, inputs, n_inputs))
		return lt_error_raise(diag, LT_EINVAL, path, 0, "is an input of this "
		                      "run: refusing to overwrite it");
	return LT_OK;
}

/* The permissions for a new output file at PATH: the existing file's, or
 * 0666 less the process's umask. */
static mode_t output_mode(const char *path)
{
	struct stat st;
	mode_t mask;

	if (stat(path, &st) == 0)
		return st.st_mode & 0777;
	mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

int lt_sink_file(lt_sink **out, const char *path, const char *const *inputs,
                 size_t n_inputs, lt_diag *diag)
{
	lt_sink *s;
	int fd, rc;

	*out = NULL;
	rc = check_destination(path, inputs, n_inputs, diag);
	if (rc != LT_OK)
		return rc;
	s = sink_new(SINK_FILE);
	if (s == NULL || (s->path = dup_str(path)) == NULL ||
	    (s->tmp = temp_template(path)) == NULL) {
		lt_sink_discard(s);
		return lt_error_raise(diag, LT_ENOMEM, path, 0, "out of memory");
	}
	fd = mkstemp(s->tmp);
	if (fd < 0) {
		rc = errno;
		free(s->tmp);
		s->tmp = NULL;
		lt_sink_discard(s);
		return lt_error_raise(diag, LT_EIO, path, 0, "cannot create a "
		                      "temporary file beside it: %s", strerror(rc));
	}
	/* mkstemp makes the file private (0600); give it the mode a file
	 * created the ordinary way would have, or the destination's own */
	fchmod(fd, output_mode(path));
	s->f = fdopen(fd, "wb");
	if (s->f == NULL) {
		rc = errno;
		close(fd);
		unlink(s->tmp);
		lt_sink_discard(s);
		return lt_error_raise(diag, LT_EIO, path, 0, "cannot write: %s",
		                      strerror(rc));
	}
	*out = s;
	return LT_OK;
}

const char *lt_sink_temp_path(const lt_sink *s)
{
	return s != NULL && s->kind == SINK_FILE ? s->tmp : NULL;
}

static int memory_write(lt_sink *s, const char *buf, size_t n)
{
	if (s->len + n + 1 > s->cap) {
		size_t cap = s->cap;
		char *p;

		while (s->len + n + 1 > cap)
			cap *= 2;
		p = lt_realloc(s->buf, cap);
		if (p == NULL)
			return fail(s, LT_ENOMEM, ENOMEM);
		s->buf = p;
		s->cap = cap;
	}
	memcpy(s->buf + s->len, buf, n);
	s->len += n;
	s->buf[s->len] = '\0';
	return LT_OK;
}

int lt_sink_write(lt_sink *s, const char *buf, size_t n)
{
	if (s->status != LT_OK)
		return s->status;
	if (n == 0)
		return LT_OK;
	if (s->kind == SINK_MEMORY)
		return memory_write(s, buf, n);
	if (s->kind == SINK_CUSTOM) {
		int rc = s->ops->write(s->arg, buf, n);

		return rc == LT_OK ? LT_OK : fail(s, rc, 0);
	}
	errno = 0;
	if (fwrite(buf, 1, n, s->f) != n)
		return fail(s, LT_EIO, errno != 0 ? errno : EIO);
	return LT_OK;
}

int lt_sink_puts(lt_sink *s, const char *str)
{
	return lt_sink_write(s, str, strlen(str));
}

int lt_sink_repeat(lt_sink *s, char c, size_t n)
{
	char block[64];

	memset(block, c, sizeof block);
	while (n > 0) {
		size_t k = n < sizeof block ? n : sizeof block;
		int rc = lt_sink_write(s, block, k);

		if (rc != LT_OK)
			return rc;
		n -= k;
	}
	return LT_OK;
}

int lt_sink_printf(lt_sink *s, const char *fmt, ...)
{
	char small[512], *big;
	va_list ap;
	int n, rc;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return fail(s, LT_EIO, EINVAL);
	if ((size_t)n < sizeof small)
		return lt_sink_write(s, small, (size_t)n);
	big = lt_malloc((size_t)n + 1);
	if (big == NULL)
		return fail(s, LT_ENOMEM, ENOMEM);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	rc = lt_sink_write(s, big, (size_t)n);
	free(big);
	return rc;
}

int lt_sink_status(const lt_sink *s)
{
	return s->status;
}

const char *lt_sink_text(const lt_sink *s, size_t *len)
{
	if (s->kind != SINK_MEMORY)
		return NULL;
	if (len != NULL)
		*len = s->len;
	return s->buf;
}

/* Flush, fsync, close and rename a file sink; the temporary file is
 * removed on any failure.  Returns the sink's final status. */
static int file_commit(lt_sink *s)
{
	FILE *f = s->f;

	s->f = NULL;
	if (fflush(f) != 0 || ferror(f))
		fail(s, LT_EIO, errno != 0 ? errno : EIO);
	if (s->status == LT_OK && fsync(fileno(f)) != 0)
		fail(s, LT_EIO, errno);
	if (fclose(f) != 0)
		fail(s, LT_EIO, errno);
	if (s->status == LT_OK && rename(s->tmp, s->path) != 0)
		fail(s, LT_EIO, errno);
	if (s->status != LT_OK)
		unlink(s->tmp);
	return s->status;
}

static void sink_free(lt_sink *s)
{
	free(s->path);
	free(s->tmp);
	free(s->buf);
	free(s);
}

int lt_sink_close(lt_sink *s, lt_diag *diag)
{
	int rc;

	if (s == NULL)
		return LT_OK;
	if (s->kind == SINK_CUSTOM) {
		/* the custom close reports its own failures */
		rc = s->ops->close(s->arg, s->status, diag);
		sink_free(s);
		return rc;
	}
	errno = 0;
	if (s->kind == SINK_STDOUT && (fflush(s->f) != 0 || ferror(s->f)))
		fail(s, LT_EIO, errno != 0 ? errno : EIO);
	else if (s->kind == SINK_FILE)
		file_commit(s);
	rc = s->status;
	if (rc == LT_ENOMEM)
		lt_error_raise(diag, rc, "", 0, "out of memory");
	else if (rc != LT_OK && s->kind == SINK_STDOUT)
		lt_error_raise(diag, rc, "", 0, "error writing to standard output");
	else if (rc != LT_OK)
		lt_error_raise(diag, rc, s->path, 0, "cannot write: %s",
		               strerror(s->err));
	sink_free(s);
	return rc;
}

void lt_sink_discard(lt_sink *s)
{
	if (s == NULL)
		return;
	if (s->kind == SINK_STDOUT)
		fflush(s->f);
	if (s->kind == SINK_CUSTOM)
		s->ops->discard(s->arg);
	if (s->kind == SINK_FILE && s->f != NULL) {
		fclose(s->f);
		unlink(s->tmp);
	}
	sink_free(s);
}
