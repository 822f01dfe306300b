/* outdir.c - an output directory with a manifest of what lotrinh wrote
 * (see outdir.h).
 *
 * The state is one table of entries, one for each name the manifest lists
 * or this run has opened: the hash and size recorded (when `recorded`),
 * and the file in progress, a temporary path and, for a sink, the sink.
 * Entries are never removed while the directory is open, so a sink keeps
 * its entry's index across the table's growth.
 *
 * Every file, written through a sink or by another program, is finished
 * by one function, commit(): check the destination again, hash and fsync
 * the temporary file, write the manifest with the new entry, rename.  It
 * hashes the finished temporary file by reading it back rather than
 * hashing the writes, so both ways in share one path and the recorded hash
 * is of the bytes on disk.  The destination is checked twice, when the
 * file is opened (so a refusal comes before the work of making it) and
 * just before the rename (so an edit made meanwhile is not lost).
 *
 * Messages are raised against the destination's full path, composed in a
 * buffer on the stack, so reporting a failure never allocates.
 */
#include "lotrinh/outdir.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lotrinh/alloc.h"

/* The manifest's first line: the format's version and its hash. */
#define MANIFEST_HEADER "lotrinh-manifest 1 fnv1a64"
/* What the first line of a manifest of any version starts with. */
#define MANIFEST_MAGIC "lotrinh-manifest "
/* The largest manifest read.  A line is about 30 bytes and a name, so
 * this leaves room for over 100,000 outputs; a bigger file is not one
 * lotrinh wrote. */
#define MANIFEST_MAX_BYTES (16L << 20)
/* FNV-1a, 64 bits: the offset basis and the prime (draft-eastlake-fnv,
 * section 2; http://www.isthe.com/chongo/tech/comp/fnv/). */
#define FNV64_OFFSET UINT64_C(0xcbf29ce484222325)
#define FNV64_PRIME UINT64_C(0x100000001b3)
/* Bytes read at a time when hashing a file (on the stack). */
#define HASH_BLOCK 16384
/* Room for a path in a message; lt_error keeps fewer bytes anyway. */
#define MSG_PATH_MAX 1024

#define MSG_FOREIGN "was not written by lotrinh: not overwritten; remove it " \
	"or choose another --out"
#define MSG_CHANGED "has been changed since lotrinh wrote it: not " \
	"overwritten; remove it or choose another --out"
#define MSG_NOT_MANIFEST "is not a lotrinh manifest: not overwritten; " \
	"remove it or choose another --out"

struct entry {
	char *name;              /* relative to the directory */
	uint64_t hash;           /* when recorded: FNV-1a 64 of the content */
	unsigned long long size; /* when recorded: bytes */
	int recorded;            /* listed in the manifest */
	char *tmp;               /* the file in progress, or NULL */
	lt_sink *sink;           /* ... when written through this sink */
};

struct lt_outdir {
	char *dir;      /* as given, without trailing slashes */
	char *manifest; /* DIR/.lotrinh-manifest */
	const char *const *inputs; /* borrowed */
	size_t n_inputs;
	struct entry *e;
	size_t n, cap;
	int dirty;       /* the manifest on disk lists files no longer there */
	int has_warning; /* the manifest was ignored; `warning` says why */
	lt_error warning;
};

/* ---- paths and names --------------------------------------------------- */

/* DIR/NAME (caller frees), or NULL when out of memory. */
static char *join(const char *dir, const char *name)
{
	size_t nd = strlen(dir), n = nd + strlen(name) + 2;
	char *p = lt_malloc(n);

	if (p != NULL)
		snprintf(p, n, "%s%s%s", dir, dir[nd - 1] == '/' ? "" : "/", name);
	return p;
}

/* DIR/NAME in BUF, cut to fit: for messages only. */
static const char *path_of(const lt_outdir *od, const char *name, char *buf)
{
	snprintf(buf, MSG_PATH_MAX, "%s%s%s", od->dir,
	         strcmp(od->dir, "/") == 0 ? "" : "/", name);
	return buf;
}

/* 1 when the N bytes of NAME are a name an output may have: relative, of
 * parts that are neither empty, "." nor "..", with no control character
 * (so never a newline, which would break the manifest's lines), and not
 * the manifest's. */
static int valid_name(const char *name, size_t n)
{
	size_t i, start = 0;

	if (n == 0 || name[0] == '/')
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return 0;
	for (i = 0; i <= n; i++) {
		size_t len = i - start;

		if (i < n && name[i] != '/')
			continue;
		if (len == 0 || (len == 1 && name[start] == '.') ||
		    (len == 2 && name[start] == '.' && name[start + 1] == '.'))
			return 0;
		start = i + 1;
	}
	return !(n == sizeof LT_OUTDIR_MANIFEST - 1 &&
	         memcmp(name, LT_OUTDIR_MANIFEST, n) == 0);
}

/* Make sure the directory PATH exists: LT_OK, LT_EINVAL when it is
 * something else, LT_EIO when it cannot be made. */
static int ensure_dir(const char *path, lt_diag *diag)
{
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return LT_OK;
	if (mkdir(path, 0777) == 0)
		return LT_OK;
	if (errno == EEXIST || errno == ENOTDIR) {
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			return LT_OK; /* made meanwhile */
		return lt_error_raise(diag, LT_EINVAL, path, 0, "is not a directory: "
		                      "cannot write outputs into it");
	}
	return lt_error_raise(diag, LT_EIO, path, 0, "cannot create the "
	                      "directory: %s", strerror(errno));
}

/* Make every directory among the first LEN bytes of PATH that starts at
 * or after byte FROM (the ones before are known to exist), as mkdir -p. */
static int make_dirs(const char *path, size_t len, size_t from, lt_diag *diag)
{
	char *p = lt_malloc(len + 1);
	size_t i;
	int rc = LT_OK;

	if (p == NULL)
		return lt_error_raise(diag, LT_ENOMEM, "", 0, "out of memory");
	memcpy(p, path, len);
	p[len] = '\0';
	for (i = from; i <= len && rc == LT_OK; i++) {
		if (i < len && p[i] != '/')
			continue;
		if (i == 0 || p[i - 1] == '/')
			continue; /* the root, or a repeated slash */
		p[i] = '\0';
		rc = ensure_dir(p, diag);
		if (i < len)
			p[i] = '/';
	}
	free(p);
	return rc;
}

/* The permissions for a new output file at PATH: the existing file's, or
 * 0666 less the process's umask (as sink.c gives its files). */
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

/* The template "DIR/.BASE.XXXXXX" for the temporary file of PATH (caller
 * frees), or NULL when out of memory. */
static char *temp_template(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	size_t n = strlen(path) + 9;
	char *t = lt_malloc(n);

	if (t != NULL)
		snprintf(t, n, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
	return t;
}

/* Create the temporary file TMP (a template, filled in) for the
 * destination PATH with PATH's mode; *FD receives it open for writing.
 * Returns 0 or the errno of the failure. */
static int make_temp(const char *path, char *tmp, int *fd)
{
	*fd = mkstemp(tmp);
	if (*fd < 0)
		return errno;
	/* mkstemp makes the file private (0600); give it the mode a file
	 * created the ordinary way would have, or the destination's own */
	fchmod(*fd, output_mode(path));
	return 0;
}

/* ---- hashing ------------------------------------------------------------ */

/* The FNV-1a 64 hash H carried on over the N bytes at P. */
static uint64_t fnv1a(uint64_t h, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= FNV64_PRIME;
	}
	return h;
}

/* Hash the rest of the file open as FD into *HASH and count its bytes into
 * *SIZE.  Returns 0 or the errno of a failed read. */
static int hash_fd(int fd, uint64_t *hash, unsigned long long *size)
{
	unsigned char buf[HASH_BLOCK];
	uint64_t h = FNV64_OFFSET;
	unsigned long long n = 0;
	ssize_t got;

	while ((got = read(fd, buf, sizeof buf)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return errno;
		h = fnv1a(h, buf, (size_t)got);
		n += (unsigned long long)got;
	}
	*hash = h;
	*size = n;
	return 0;
}

/* ---- entries ------------------------------------------------------------ */

/* The index of NAME's entry, or od->n when it has none. */
static size_t find(const lt_outdir *od, const char *name)
{
	size_t i;

	for (i = 0; i < od->n; i++)
		if (strcmp(od->e[i].name, name) == 0)
			return i;
	return od->n;
}

/* Add an entry for the N bytes of NAME, not recorded, into *I.  Returns
 * LT_OK or LT_ENOMEM (not recorded in a diag). */
static int add(lt_outdir *od, const char *name, size_t n, size_t *i)
{
	struct entry *e;

	if (od->n == od->cap) {
		size_t cap = od->cap > 0 ? 2 * od->cap : 16;

		e = lt_realloc(od->e, cap * sizeof *e);
		if (e == NULL)
			return LT_ENOMEM;
		od->e = e;
		od->cap = cap;
	}
	e = &od->e[od->n];
	memset(e, 0, sizeof *e);
	e->name = lt_malloc(n + 1);
	if (e->name == NULL)
		return LT_ENOMEM;
	memcpy(e->name, name, n);
	e->name[n] = '\0';
	*i = od->n++;
	return LT_OK;
}

static void clear_entries(lt_outdir *od)
{
	size_t i;

	for (i = 0; i < od->n; i++)
		free(od->e[i].name);
	od->n = 0;
}

/* Abandon entry I's file in progress: discard its sink (which clears the
 * entry, see file_discard) or remove its temporary file. */
static void drop_file(lt_outdir *od, size_t i)
{
	struct entry *e = &od->e[i];

	if (e->sink != NULL) {
		lt_sink_discard(e->sink);
		return;
	}
	if (e->tmp != NULL) {
		unlink(e->tmp);
		free(e->tmp);
		e->tmp = NULL;
	}
}

/* ---- the manifest ------------------------------------------------------- */

static int by_name(const void *a, const void *b)
{
	const struct entry *const *x = a, *const *y = b;

	return strcmp((*x)->name, (*y)->name);
}

/* Write the manifest of every recorded entry, sorted by name, through a
 * file sink (a temporary file renamed over the old manifest).  Returns
 * LT_OK, LT_EIO or LT_ENOMEM, recorded in DIAG. */
static int write_manifest(lt_outdir *od, lt_diag *diag)
{
	const struct entry **v = lt_malloc(od->n * sizeof *v);
	lt_sink *s;
	size_t i, k = 0;
	int rc;

	if (v == NULL)
		return lt_error_raise(diag, LT_ENOMEM, "", 0, "out of memory");
	for (i = 0; i < od->n; i++)
		if (od->e[i].recorded)
			v[k++] = &od->e[i];
	qsort(v, k, sizeof *v, by_name);
	rc = lt_sink_file(&s, od->manifest, od->inputs, od->n_inputs, diag);
	if (rc != LT_OK) {
		free(v);
		return rc;
	}
	lt_sink_puts(s, MANIFEST_HEADER "\n");
	for (i = 0; i < k; i++)
		lt_sink_printf(s, "%016" PRIx64 " %llu %s\n", v[i]->hash, v[i]->size,
		               v[i]->name);
	free(v);
	rc = lt_sink_close(s, diag);
	if (rc == LT_OK)
		od->dirty = 0;
	return rc;
}

/* Parse the manifest line LINE (LEN bytes, without its newline) into a new
 * recorded entry.  Returns LT_OK, LT_EINVAL with *WHY set when the line is
 * malformed, or LT_ENOMEM. */
static int parse_entry(lt_outdir *od, const char *line, size_t len,
                       const char **why)
{
	unsigned long long size = 0;
	uint64_t hash = 0;
	size_t i, j;

	*why = "malformed entry, not 'HASH SIZE NAME'";
	for (i = 0; i < 16; i++) {
		const char *hex = "0123456789abcdef", *d;

		if (i >= len || line[i] == '\0' || (d = strchr(hex, line[i])) == NULL)
			return LT_EINVAL;
		hash = hash << 4 | (uint64_t)(d - hex);
	}
	if (i >= len || line[i++] != ' ')
		return LT_EINVAL;
	for (j = i; j < len && line[j] >= '0' && line[j] <= '9'; j++) {
		if (size > (~0ULL - 9) / 10)
			return LT_EINVAL;
		size = size * 10 + (unsigned long long)(line[j] - '0');
	}
	if (j == i || j >= len || line[j++] != ' ')
		return LT_EINVAL;
	if (!valid_name(line + j, len - j)) {
		*why = "a name lotrinh never writes";
		return LT_EINVAL;
	}
	for (i = 0; i < od->n; i++)
		if (strlen(od->e[i].name) == len - j &&
		    memcmp(od->e[i].name, line + j, len - j) == 0) {
			*why = "a name listed twice";
			return LT_EINVAL;
		}
	if (add(od, line + j, len - j, &i) != LT_OK)
		return LT_ENOMEM;
	od->e[i].hash = hash;
	od->e[i].size = size;
	od->e[i].recorded = 1;
	return LT_OK;
}

/* Parse the manifest text BUF (N bytes).  A first line that is not this
 * format's is LT_EINVAL (the file is not lotrinh's to replace); a
 * malformed entry empties the table and sets the warning. */
static int parse_manifest(lt_outdir *od, const char *buf, size_t n,
                          lt_diag *diag)
{
	const char *p = buf, *end = buf + n, *nl, *why = NULL;
	size_t len = sizeof MANIFEST_HEADER - 1;
	int line = 1, rc = LT_OK;

	nl = memchr(p, '\n', n);
	if (nl == NULL || (size_t)(nl - p) != len || memcmp(p, MANIFEST_HEADER, len))
		return lt_error_raise(diag, LT_EINVAL, od->manifest, 1, "%s",
		                      n >= sizeof MANIFEST_MAGIC - 1 &&
		                      memcmp(p, MANIFEST_MAGIC,
		                             sizeof MANIFEST_MAGIC - 1) == 0
		                      ? "is a lotrinh manifest of a format this "
		                        "lotrinh does not read: not overwritten; "
		                        "remove it or choose another --out"
		                      : MSG_NOT_MANIFEST);
	for (p = nl + 1; p < end && rc == LT_OK; p = nl + 1) {
		line++;
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL) {
			why = "the last line is cut short";
			rc = LT_EINVAL;
			break;
		}
		rc = parse_entry(od, p, (size_t)(nl - p), &why);
	}
	if (rc == LT_ENOMEM)
		return lt_error_raise(diag, rc, "", 0, "out of memory");
	if (rc == LT_EINVAL) {
		lt_diag w;

		clear_entries(od);
		lt_diag_init_first(&w, NULL);
		lt_error_raise(&w, LT_EINVAL, od->manifest, line, "%s; the manifest "
		               "is ignored, so no file already in the directory is "
		               "overwritten", why);
		od->warning = w.spare;
		od->has_warning = 1;
		lt_diag_destroy(&w);
	}
	return LT_OK;
}

/* Drop the entries of files that are no longer there, so the manifest
 * does not grow with names of old runs; the manifest is then dirty. */
static int prune(lt_outdir *od, lt_diag *diag)
{
	struct stat st;
	size_t i, k = 0;

	for (i = 0; i < od->n; i++) {
		char *path = join(od->dir, od->e[i].name);
		int gone;

		if (path == NULL)
			return lt_error_raise(diag, LT_ENOMEM, "", 0, "out of memory");
		gone = lstat(path, &st) != 0 && (errno == ENOENT || errno == ENOTDIR);
		free(path);
		if (gone) {
			free(od->e[i].name);
			od->dirty = 1;
		} else {
			od->e[k++] = od->e[i];
		}
	}
	od->n = k;
	return LT_OK;
}

/* Read DIR's manifest, if there is one, into the table. */
static int read_manifest(lt_outdir *od, lt_diag *diag)
{
	int fd = open(od->manifest, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
	struct stat st;
	char *buf;
	size_t n = 0;
	ssize_t got;
	int rc;

	if (fd < 0 && errno == ENOENT)
		return LT_OK;
	if (fd < 0 && errno == ELOOP) /* a symbolic link */
		return lt_error_raise(diag, LT_EINVAL, od->manifest, 0, MSG_NOT_MANIFEST);
	if (fd < 0)
		return lt_error_raise(diag, LT_EIO, od->manifest, 0, "cannot read: %s",
		                      strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > MANIFEST_MAX_BYTES) {
		close(fd);
		return lt_error_raise(diag, LT_EINVAL, od->manifest, 0, MSG_NOT_MANIFEST);
	}
	buf = lt_malloc((size_t)st.st_size + 1);
	if (buf == NULL) {
		close(fd);
		return lt_error_raise(diag, LT_ENOMEM, "", 0, "out of memory");
	}
	while (n < (size_t)st.st_size &&
	       (got = read(fd, buf + n, (size_t)st.st_size - n)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			rc = errno;
			free(buf);
			close(fd);
			return lt_error_raise(diag, LT_EIO, od->manifest, 0, "cannot "
			                      "read: %s", strerror(rc));
		}
		n += (size_t)got;
	}
	close(fd);
	rc = parse_manifest(od, buf, n, diag);
	free(buf);
	return rc == LT_OK ? prune(od, diag) : rc;
}

/* ---- checking a destination --------------------------------------------- */

/* Refuse PATH as not lotrinh's, with the manifest's warning when the
 * manifest was ignored (the likely reason). */
static int refuse_foreign(const lt_outdir *od, const char *path, lt_diag *diag)
{
	lt_error_raise(diag, LT_EINVAL, path, 0, MSG_FOREIGN);
	if (od->has_warning)
		lt_error_raise(diag, LT_EINVAL, od->warning.file, od->warning.line,
		               "%s", od->warning.msg);
	return LT_EINVAL;
}

/* Check that the destination PATH of entry E (NULL when it has none) may
 * be written: it is no input, and it does not exist or holds what the
 * manifest says lotrinh wrote.  Returns LT_OK, LT_EINVAL or LT_EIO. */
static int check_dest(const lt_outdir *od, const struct entry *e,
                      const char *path, lt_diag *diag)
{
	unsigned long long size;
	struct stat st;
	uint64_t hash;
	int fd, err;

	if (lt_sink_is_input(path, od->inputs, od->n_inputs))
		return lt_error_raise(diag, LT_EINVAL, path, 0, "is an input of this "
		                      "run: refusing to overwrite it");
	if (lstat(path, &st) != 0) {
		/* ENOTDIR: a parent is a file, which make_dirs reports */
		if (errno == ENOENT || errno == ENOTDIR)
			return LT_OK;
		return lt_error_raise(diag, LT_EIO, path, 0, "cannot write: %s",
		                      strerror(errno));
	}
	if (S_ISDIR(st.st_mode))
		return lt_error_raise(diag, LT_EINVAL, path, 0, "is a directory, not "
		                      "an output file");
	if (!S_ISREG(st.st_mode) || e == NULL || !e->recorded)
		return refuse_foreign(od, path, diag);
	if ((unsigned long long)st.st_size != e->size)
		return lt_error_raise(diag, LT_EINVAL, path, 0, MSG_CHANGED);
	/* no following a link, no waiting on a FIFO put there meanwhile */
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0 && errno == ELOOP)
		return refuse_foreign(od, path, diag);
	if (fd < 0)
		return lt_error_raise(diag, LT_EIO, path, 0, "cannot read: %s",
		                      strerror(errno));
	err = hash_fd(fd, &hash, &size);
	close(fd);
	if (err != 0)
		return lt_error_raise(diag, LT_EIO, path, 0, "cannot read: %s",
		                      strerror(err));
	if (hash != e->hash || size != e->size)
		return lt_error_raise(diag, LT_EINVAL, path, 0, MSG_CHANGED);
	return LT_OK;
}

/* Everything lt_outdir_sink and lt_outdir_temp share: check NAME and its
 * destination, create its directories, and give its entry's index in *I
 * and its full path in *PATH (caller frees). */
static int prepare(lt_outdir *od, const char *name, size_t *i, char **path,
                   lt_diag *diag)
{
	char buf[MSG_PATH_MAX];
	size_t k = find(od, name);
	int rc;

	*path = NULL;
	if (!valid_name(name, strlen(name)))
		return lt_error_raise(diag, LT_EINVAL, path_of(od, name, buf), 0,
		                      "is not a name for an output: it must be "
		                      "relative, with no empty, '.' or '..' part, no "
		                      "control character, and not %s",
		                      LT_OUTDIR_MANIFEST);
	if (k < od->n && od->e[k].tmp != NULL)
		return lt_error_raise(diag, LT_EINVAL, path_of(od, name, buf), 0,
		                      "is already being written in this run");
	*path = join(od->dir, name);
	if (*path == NULL)
		return lt_error_raise(diag, LT_ENOMEM, "", 0, "out of memory");
	rc = check_dest(od, k < od->n ? &od->e[k] : NULL, *path, diag);
	if (rc == LT_OK)
		rc = make_dirs(*path, (size_t)(strrchr(*path, '/') - *path),
		               strlen(od->dir) + 1, diag);
	if (rc == LT_OK && k == od->n && add(od, name, strlen(name), &k) != LT_OK)
		rc = lt_error_raise(diag, LT_ENOMEM, "", 0, "out of memory");
	if (rc != LT_OK) {
		free(*path);
		*path = NULL;
		return rc;
	}
	*i = k;
	return LT_OK;
}

/* ---- finishing a file --------------------------------------------------- */

/* Put entry I's temporary file in place: check the destination again,
 * hash and fsync the file, record it in the manifest, rename it.  On
 * failure the temporary file is removed and the entry is as it was. */
static int commit(lt_outdir *od, size_t i, lt_diag *diag)
{
	struct entry *e = &od->e[i];
	unsigned long long old_size = e->size;
	uint64_t old_hash = e->hash;
	int old_recorded = e->recorded;
	char *path = join(od->dir, e->name);
	int rc, fd, err = 0;

	if (path == NULL) {
		rc = lt_error_raise(diag, LT_ENOMEM, "", 0, "out of memory");
		goto fail;
	}
	rc = check_dest(od, e, path, diag);
	if (rc != LT_OK)
		goto fail;
	fd = open(e->tmp, O_RDWR);
	if (fd < 0)
		err = errno;
	else {
		err = hash_fd(fd, &e->hash, &e->size);
		if (err == 0 && fsync(fd) != 0)
			err = errno;
		if (close(fd) != 0 && err == 0)
			err = errno;
	}
	if (err != 0) {
		rc = lt_error_raise(diag, LT_EIO, path, 0, "cannot write: %s",
		                    strerror(err));
		goto fail;
	}
	/* the manifest first: a failure to record leaves the old file */
	e->recorded = 1;
	rc = write_manifest(od, diag);
	if (rc == LT_OK && rename(e->tmp, path) != 0) {
		rc = lt_error_raise(diag, LT_EIO, path, 0, "cannot write: %s",
		                    strerror(errno));
		e->hash = old_hash;
		e->size = old_size;
		e->recorded = old_recorded;
		write_manifest(od, NULL); /* best effort: the old entry back */
	}
fail:
	if (rc != LT_OK) {
		e->hash = old_hash;
		e->size = old_size;
		e->recorded = old_recorded;
		unlink(e->tmp);
	}
	free(e->tmp);
	e->tmp = NULL;
	free(path);
	return rc;
}

/* ---- the sink ----------------------------------------------------------- */

/* A file lt_outdir_sink opened: the state of its custom sink. */
struct outfile {
	lt_outdir *od;
	size_t i; /* its entry */
	FILE *f;  /* the temporary file */
	int err;  /* errno of the first failed write, 0 if none */
};

static int file_write(void *arg, const char *buf, size_t n)
{
	struct outfile *f = arg;

	errno = 0;
	if (fwrite(buf, 1, n, f->f) == n)
		return LT_OK;
	f->err = errno != 0 ? errno : EIO;
	return LT_EIO;
}

static void file_discard(void *arg)
{
	struct outfile *f = arg;
	struct entry *e = &f->od->e[f->i];

	fclose(f->f);
	unlink(e->tmp);
	free(e->tmp);
	e->tmp = NULL;
	e->sink = NULL;
	free(f);
}

static int file_close(void *arg, int status, lt_diag *diag)
{
	struct outfile *f = arg;
	lt_outdir *od = f->od;
	size_t i = f->i;
	char buf[MSG_PATH_MAX];
	int err = f->err;

	errno = 0;
	if ((fflush(f->f) != 0 || ferror(f->f)) && status == LT_OK) {
		status = LT_EIO;
		err = errno != 0 ? errno : EIO;
	}
	if (fclose(f->f) != 0 && status == LT_OK) {
		status = LT_EIO;
		err = errno;
	}
	free(f);
	od->e[i].sink = NULL;
	if (status == LT_OK)
		return commit(od, i, diag);
	unlink(od->e[i].tmp);
	free(od->e[i].tmp);
	od->e[i].tmp = NULL;
	if (status == LT_ENOMEM)
		return lt_error_raise(diag, status, "", 0, "out of memory");
	return lt_error_raise(diag, status, path_of(od, od->e[i].name, buf), 0,
	                      "cannot write: %s", strerror(err));
}

static const lt_sink_ops file_ops = {file_write, file_close, file_discard};

/* ---- the public functions ----------------------------------------------- */

int lt_outdir_open(lt_outdir **out, const char *dir,
                   const char *const *inputs, size_t n_inputs, lt_diag *diag)
{
	lt_outdir *od = NULL;
	size_t len = strlen(dir);
	char *probe = NULL;
	int rc, fd;

	*out = NULL;
	if (len == 0)
		return lt_error_raise(diag, LT_EINVAL, "", 0, "the output directory "
		                      "name is empty");
	while (len > 1 && dir[len - 1] == '/')
		len--;
	od = lt_calloc(1, sizeof *od);
	if (od == NULL || (od->dir = lt_malloc(len + 1)) == NULL)
		goto nomem;
	memcpy(od->dir, dir, len);
	od->dir[len] = '\0';
	od->inputs = inputs;
	od->n_inputs = n_inputs;
	if ((od->manifest = join(od->dir, LT_OUTDIR_MANIFEST)) == NULL ||
	    (probe = temp_template(od->manifest)) == NULL)
		goto nomem;
	rc = make_dirs(od->dir, len, 0, diag);
	if (rc != LT_OK)
		goto fail;
	/* fail now, before the run's work, if nothing can be created here */
	rc = make_temp(od->manifest, probe, &fd);
	if (rc != 0) {
		rc = lt_error_raise(diag, LT_EIO, od->dir, 0, "cannot write in this "
		                    "directory: %s", strerror(rc));
		goto fail;
	}
	close(fd);
	unlink(probe);
	free(probe);
	probe = NULL;
	rc = read_manifest(od, diag);
	if (rc != LT_OK)
		goto fail;
	*out = od;
	return LT_OK;
nomem:
	rc = lt_error_raise(diag, LT_ENOMEM, "", 0, "out of memory");
fail:
	free(probe);
	lt_outdir_free(od);
	return rc;
}

const lt_error *lt_outdir_warning(const lt_outdir *od)
{
	return od->has_warning ? &od->warning : NULL;
}

int lt_outdir_sink(lt_outdir *od, const char *name, lt_sink **out,
                   lt_diag *diag)
{
	struct outfile *f;
	char *path, *tmp = NULL;
	size_t i;
	int rc, fd;

	*out = NULL;
	rc = prepare(od, name, &i, &path, diag);
	if (rc != LT_OK)
		return rc;
	f = lt_calloc(1, sizeof *f);
	if (f == NULL || (tmp = temp_template(path)) == NULL)
		goto nomem;
	rc = make_temp(path, tmp, &fd);
	if (rc != 0) {
		rc = lt_error_raise(diag, LT_EIO, path, 0, "cannot create a "
		                    "temporary file beside it: %s", strerror(rc));
		goto fail;
	}
	f->od = od;
	f->i = i;
	f->f = fdopen(fd, "wb");
	if (f->f == NULL) {
		rc = lt_error_raise(diag, LT_EIO, path, 0, "cannot write: %s",
		                    strerror(errno));
		close(fd);
		unlink(tmp);
		goto fail;
	}
	*out = lt_sink_custom(&file_ops, f);
	if (*out == NULL) {
		fclose(f->f);
		unlink(tmp);
		goto nomem;
	}
	od->e[i].tmp = tmp;
	od->e[i].sink = *out;
	free(path);
	return LT_OK;
nomem:
	rc = lt_error_raise(diag, LT_ENOMEM, "", 0, "out of memory");
fail:
	free(f);
	free(tmp);
	free(path);
	return rc;
}

int lt_outdir_temp(lt_outdir *od, const char *name, char *path, size_t size,
                   lt_diag *diag)
{
	char *dest, *tmp;
	size_t i;
	int rc, fd;

	rc = prepare(od, name, &i, &dest, diag);
	if (rc != LT_OK)
		return rc;
	tmp = temp_template(dest);
	if (tmp == NULL) {
		free(dest);
		return lt_error_raise(diag, LT_ENOMEM, "", 0, "out of memory");
	}
	if (strlen(tmp) >= size)
		rc = lt_error_raise(diag, LT_EINVAL, dest, 0, "the temporary file's "
		                    "path is longer than %zu bytes", size);
	else if ((rc = make_temp(dest, tmp, &fd)) != 0)
		rc = lt_error_raise(diag, LT_EIO, dest, 0, "cannot create a "
		                    "temporary file beside it: %s", strerror(rc));
	free(dest);
	if (rc != LT_OK) {
		free(tmp);
		return rc;
	}
	close(fd);
	memcpy(path, tmp, strlen(tmp) + 1);
	od->e[i].tmp = tmp;
	return LT_OK;
}

int lt_outdir_adopt(lt_outdir *od, const char *name, const char *tmp_path,
                    lt_diag *diag)
{
	size_t i = find(od, name);

	if (i == od->n || od->e[i].tmp == NULL || od->e[i].sink != NULL ||
	    strcmp(od->e[i].tmp, tmp_path) != 0)
		return lt_error_raise(diag, LT_EINVAL, tmp_path, 0, "is not the "
		                      "temporary file given out for '%s'", name);
	return commit(od, i, diag);
}

void lt_outdir_discard(lt_outdir *od, const char *name)
{
	size_t i = find(od, name);

	if (i < od->n)
		drop_file(od, i);
}

int lt_outdir_close(lt_outdir *od, lt_diag *diag)
{
	char buf[MSG_PATH_MAX];
	int rc = LT_OK;
	size_t i;

	if (od == NULL)
		return LT_OK;
	for (i = 0; i < od->n; i++)
		if (od->e[i].tmp != NULL) {
			rc = lt_error_raise(diag, LT_EINVAL, path_of(od, od->e[i].name,
			                    buf), 0, "was not finished: discarded");
			drop_file(od, i);
		}
	if (od->dirty) {
		int wrote = write_manifest(od, diag);

		rc = rc != LT_OK ? rc : wrote;
	}
	lt_outdir_free(od);
	return rc;
}

void lt_outdir_free(lt_outdir *od)
{
	size_t i;

	if (od == NULL)
		return;
	for (i = 0; i < od->n; i++)
		drop_file(od, i);
	clear_entries(od);
	free(od->e);
	free(od->manifest);
	free(od->dir);
	free(od);
}
