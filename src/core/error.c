/* error.c - the one place errors are recorded (see error.h). */
#include "lotrinh/error.h"

#include "lotrinh/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void lt_diag_init(lt_diag *d, const char *file)
{
	d->items = NULL;
	d->n = 0;
	d->dropped = 0;
	d->file = file;
}

void lt_diag_init_first(lt_diag *d, const char *file)
{
	lt_diag_init(d, file);
	d->items = &d->spare;
}

void lt_diag_destroy(lt_diag *d)
{
	if (d == NULL)
		return;
	if (d->items != &d->spare)
		free(d->items);
	d->items = NULL;
	d->n = 0;
	d->dropped = 0;
}

size_t lt_diag_count(const lt_diag *d)
{
	return d != NULL ? d->n + d->dropped : 0;
}

int lt_error_raise(lt_diag *d, int code, const char *file, int line,
                   const char *fmt, ...)
{
	lt_error *e;
	va_list ap;
	int len;

	if (d == NULL)
		return code;
	if (d->n >= LT_DIAG_MAX || (d->items == &d->spare && d->n >= 1)) {
		d->dropped++;
		return code;
	}
	if (d->items == NULL) {
		d->items = lt_malloc(LT_DIAG_MAX * sizeof *d->items);
		if (d->items == NULL)
			d->items = &d->spare; /* keep this one error at least */
	}
	e = &d->items[d->n++];
	if (file == NULL)
		file = d->file != NULL ? d->file : "";
	snprintf(e->file, sizeof e->file, "%s", file);
	e->line = line;
	e->code = code;
	va_start(ap, fmt);
	len = vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	if (len >= (int)sizeof e->msg)
		memcpy(e->msg + sizeof e->msg - 4, "...", 4);
	return code;
}

char *lt_error_format(const lt_error *e, char *buf, size_t size)
{
	if (e->file[0] != '\0' && e->line > 0)
		snprintf(buf, size, "%s:%d: %s", e->file, e->line, e->msg);
	else if (e->file[0] != '\0')
		snprintf(buf, size, "%s: %s", e->file, e->msg);
	else
		snprintf(buf, size, "%s", e->msg);
	return buf;
}
