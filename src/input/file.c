/* file.c - reading an input file whole (see file.h). */
#include "lotrinh/file.h"

#include "lotrinh/alloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int lt_file_read(const char *path, size_t max_bytes, const char *what,
                 char **text, size_t *len, lt_diag *diag)
{
	struct stat st;
	FILE *f;
	char *buf;
	size_t n;

	*text = NULL;
	*len = 0;
	/* name the operand even when it is empty: "lotrinh: '': ..." */
	if (path[0] == '\0')
		return lt_error_raise(diag, LT_EINVAL, "''", 0, "the file name is "
		                      "empty; give the path of %s", what);
	if (stat(path, &st) != 0)
		return lt_error_raise(diag, LT_EINVAL, path, 0, "cannot open: %s",
		                      strerror(errno));
	if (S_ISDIR(st.st_mode))
		return lt_error_raise(diag, LT_EINVAL, path, 0, "is a directory, not "
		                      "%s", what);
	if (!S_ISREG(st.st_mode))
		return lt_error_raise(diag, LT_EINVAL, path, 0, "is not a regular file");
	if ((unsigned long long)st.st_size > max_bytes)
		return lt_error_raise(diag, LT_EINVAL, path, 0, "is too large for %s "
		                      "(%lld bytes; at most %zu)", what,
		                      (long long)st.st_size, max_bytes);
	f = fopen(path, "rb");
	if (f == NULL)
		return lt_error_raise(diag, LT_EINVAL, path, 0, "cannot open: %s",
		                      strerror(errno));
	buf = lt_malloc((size_t)st.st_size + 1);
	if (buf == NULL) {
		fclose(f);
		return lt_error_raise(diag, LT_ENOMEM, path, 0, "out of memory");
	}
	n = fread(buf, 1, (size_t)st.st_size, f);
	if (ferror(f)) {
		free(buf);
		fclose(f);
		return lt_error_raise(diag, LT_EIO, path, 0, "cannot read: %s",
		                      strerror(errno));
	}
	fclose(f);
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return LT_OK;
}
