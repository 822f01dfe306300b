/* report.c - aligned tables and number formats (see report.h). */
#include "lotrinh/report.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/error.h"
#include "lotrinh/text.h"

struct lt_table {
	size_t ncols, nrows, cap;
	char **header;
	lt_align *align;
	size_t *max;
	char **cells; /* nrows * ncols, row-major; NULL is an empty cell */
};

int lt_lang_parse(const char *s, lt_lang *lang)
{
	if (strcmp(s, "en") == 0)
		*lang = LT_LANG_EN;
	else if (strcmp(s, "vi") == 0)
		*lang = LT_LANG_VI;
	else
		return -1;
	return 0;
}

int lt_format_parse(const char *s, lt_format *f)
{
	if (strcmp(s, "table") == 0)
		*f = LT_FORMAT_TABLE;
	else if (strcmp(s, "csv") == 0)
		*f = LT_FORMAT_CSV;
	else if (strcmp(s, "json") == 0)
		*f = LT_FORMAT_JSON;
	else
		return -1;
	return 0;
}

void lt_csv_field(FILE *out, const char *s)
{
	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

void lt_csv_row(FILE *out, const char *const *fields, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputc(',', out);
		lt_csv_field(out, fields[i]);
	}
	fputs("\r\n", out);
}

char *lt_format_plain(double v, char *buf, size_t size)
{
	if (isnan(v))
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "%.15g", v);
	return buf;
}

char *lt_format_number(double v, int decimals, int trim, lt_lang lang,
                       char *buf, size_t size)
{
	/* %.15f of the largest double has 309 + 16 characters; grouping adds
	 * one separator for every three digits */
	char raw[400], out[560];
	char group = lang == LT_LANG_VI ? '.' : ',';
	char point = lang == LT_LANG_VI ? ',' : '.';
	const char *p, *dot;
	size_t n = 0, int_len, i;

	if (!isfinite(v)) {
		snprintf(buf, size, "%s", isnan(v) ? "n/a" : v > 0 ? "inf" : "-inf");
		return buf;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 15)
		decimals = 15;
	snprintf(raw, sizeof raw, "%.*f", decimals, v);
	if (strcmp(raw, "-0") == 0 || (raw[0] == '-' && strspn(raw + 1, "0.") ==
	                               strlen(raw + 1)))
		memmove(raw, raw + 1, strlen(raw));
	p = raw;
	if (*p == '-')
		out[n++] = *p++;
	dot = strchr(p, '.');
	int_len = dot != NULL ? (size_t)(dot - p) : strlen(p);
	for (i = 0; i < int_len; i++) {
		if (i > 0 && (int_len - i) % 3 == 0)
			out[n++] = group;
		out[n++] = p[i];
	}
	if (dot != NULL) {
		size_t frac = strlen(dot + 1);
		if (trim)
			while (frac > 0 && dot[frac] == '0')
				frac--;
		if (frac > 0) {
			out[n++] = point;
			memcpy(out + n, dot + 1, frac);
			n += frac;
		}
	}
	out[n] = '\0';
	snprintf(buf, size, "%s", out);
	return buf;
}

lt_table *lt_table_alloc(size_t ncols)
{
	lt_table *t = lt_calloc(1, sizeof *t);

	if (t == NULL || ncols == 0)
		goto fail;
	t->ncols = ncols;
	t->header = lt_calloc(ncols, sizeof *t->header);
	t->align = lt_calloc(ncols, sizeof *t->align);
	t->max = lt_calloc(ncols, sizeof *t->max);
	if (t->header == NULL || t->align == NULL || t->max == NULL)
		goto fail;
	return t;
fail:
	lt_table_free(t);
	return NULL;
}

void lt_table_free(lt_table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; t->header != NULL && i < t->ncols; i++)
		free(t->header[i]);
	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->header);
	free(t->align);
	free(t->max);
	free(t);
}

static char *dup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = lt_malloc(n);

	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

int lt_table_set_header(lt_table *t, size_t col, const char *text,
                        lt_align align)
{
	char *p = dup(text);

	if (p == NULL)
		return LT_ENOMEM;
	free(t->header[col]);
	t->header[col] = p;
	t->align[col] = align;
	return 0;
}

void lt_table_set_max_width(lt_table *t, size_t col, size_t max_cols)
{
	t->max[col] = max_cols;
}

int lt_table_add_row(lt_table *t)
{
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		char **c = lt_realloc(t->cells, cap * t->ncols * sizeof *c);
		if (c == NULL)
			return LT_ENOMEM;
		t->cells = c;
		t->cap = cap;
	}
	memset(t->cells + t->nrows * t->ncols, 0, t->ncols * sizeof *t->cells);
	t->nrows++;
	return 0;
}

int lt_table_set(lt_table *t, size_t col, const char *text)
{
	char **cell, *p;

	if (t->nrows == 0 || col >= t->ncols)
		return LT_EINVAL;
	cell = &t->cells[(t->nrows - 1) * t->ncols + col];
	p = dup(text);
	if (p == NULL)
		return LT_ENOMEM;
	free(*cell);
	*cell = p;
	return 0;
}

int lt_table_setf(lt_table *t, size_t col, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return lt_table_set(t, col, buf);
}

size_t lt_table_rows(const lt_table *t)
{
	return t->nrows;
}

/* The text of a cell as printed (shortened to the column's limit). */
static const char *shown(const lt_table *t, size_t col, const char *s,
                         char *buf, size_t size)
{
	if (s == NULL)
		return "";
	if (t->max[col] == 0)
		return s;
	return lt_text_shorten(s, t->max[col], buf, size);
}

static void pad(FILE *out, size_t n)
{
	while (n-- > 0)
		fputc(' ', out);
}

void lt_print_padded(FILE *out, const char *s, size_t width)
{
	size_t w = lt_text_width(s);

	fputs(s, out);
	pad(out, w < width ? width - w : 0);
}

/* Print one row; trailing blanks are dropped so lines end cleanly. */
static void print_row(const lt_table *t, FILE *out, int indent,
                      char *const *cells, const size_t *width)
{
	char buf[1024], *line = NULL;
	size_t c, w, len = 0;
	FILE *m = open_memstream(&line, &len);

	if (m == NULL)
		return;
	pad(m, (size_t)indent);
	for (c = 0; c < t->ncols; c++) {
		const char *s = shown(t, c, cells[c], buf, sizeof buf);

		w = lt_text_width(s);
		if (t->align[c] == LT_RIGHT)
			pad(m, width[c] - w);
		fputs(s, m);
		if (t->align[c] == LT_LEFT)
			pad(m, width[c] - w);
		fputs("  ", m);
	}
	fclose(m);
	while (len > 0 && line[len - 1] == ' ')
		len--;
	fwrite(line, 1, len, out);
	fputc('\n', out);
	free(line);
}

void lt_table_print(const lt_table *t, FILE *out, int indent)
{
	size_t *width = lt_calloc(t->ncols, sizeof *width);
	char buf[1024];
	size_t r, c, total = 0;

	if (width == NULL)
		return;
	for (c = 0; c < t->ncols; c++) {
		width[c] = lt_text_width(shown(t, c, t->header[c], buf, sizeof buf));
		for (r = 0; r < t->nrows; r++) {
			size_t w = lt_text_width(shown(t, c, t->cells[r * t->ncols + c],
			                               buf, sizeof buf));
			if (w > width[c])
				width[c] = w;
		}
		total += width[c] + (c + 1 < t->ncols ? 2 : 0);
	}
	print_row(t, out, indent, t->header, width);
	pad(out, (size_t)indent);
	for (c = 0; c < total; c++)
		fputc('-', out);
	fputc('\n', out);
	for (r = 0; r < t->nrows; r++)
		print_row(t, out, indent, t->cells + r * t->ncols, width);
	free(width);
}
