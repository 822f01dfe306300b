/* csv.c - read x,y data from CSV (see csv.h for the format).
 *
 * The parser is a small state machine over the whole file in memory, one
 * record at a time (RFC 4180, section 2): next_record() splits a record
 * into fields, unescaping quoted ones into a scratch buffer, and reports a
 * syntax error with the line where it happens.  A record may span lines
 * only inside quotes, so each record is tagged with the line it starts on.
 * The first non-blank record must be the header; after it every record is
 * checked on its own, so one run lists every bad row.
 */
#include "lotrinh/csv.h"

#include "lotrinh/alloc.h"
#include "lotrinh/file.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lotrinh/text.h"

/* Fields kept from one record: two columns, and a third to notice that a
 * row has too many. */
#define KEEP_FIELDS 3
/* Longest user text quoted back in a message, in display columns. */
#define QUOTE_COLS 40
/* Rows allocated first; the arrays double from there. */
#define FIRST_ROWS 64

struct reader {
	const char *p, *end;
	int line;           /* current line, from 1 */
	const char *name;   /* file name for messages */
	lt_diag *d;
	char *scratch;      /* unescaped fields of the current record */
};

struct record {
	int line;           /* line the record starts on */
	size_t nf;          /* fields in the record */
	char *f[KEEP_FIELDS];
	int blank;          /* an empty line */
};

/* User text shortened for a message, control characters (and any byte of
 * invalid UTF-8) shown as '?' so a message never carries a terminal escape. */
static const char *quote(const char *s, char *buf, size_t size)
{
	int valid = lt_utf8_valid(s);
	char *p;

	lt_text_shorten(s, QUOTE_COLS, buf, size);
	for (p = buf; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F ||
		    (!valid && (unsigned char)*p >= 0x80))
			*p = '?';
	return buf;
}

/* Skip to just after the end of the current line (a syntax error stops the
 * record there). */
static void skip_line(struct reader *r)
{
	while (r->p < r->end && *r->p != '\n')
		r->p++;
	if (r->p < r->end) {
		r->p++;
		r->line++;
	}
}

/* Read a quoted field (R->p just after the opening quote) into OUT;
 * advances past the closing quote.  Returns 0, or -1 after reporting a
 * quote left open. */
static int quoted_field(struct reader *r, char **out)
{
	int opened = r->line;
	char *o = *out;

	for (;;) {
		if (r->p >= r->end) {
			lt_error_raise(r->d, LT_EINVAL, r->name, opened, "quoted field "
			               "not closed (a '\"' opened on this line has no "
			               "closing '\"')");
			return -1;
		}
		if (*r->p == '"') {
			if (r->p + 1 < r->end && r->p[1] == '"') {
				*o++ = '"';
				r->p += 2;
				continue;
			}
			r->p++;
			*out = o;
			return 0;
		}
		if (*r->p == '\n')
			r->line++;
		*o++ = *r->p++;
	}
}

/* Read an unquoted field into OUT up to a comma or the end of the line.
 * Returns 0, or -1 after reporting a quote or a lone carriage return. */
static int plain_field(struct reader *r, char **out)
{
	char *o = *out;

	while (r->p < r->end && *r->p != ',' && *r->p != '\n' && *r->p != '\r') {
		if (*r->p == '"') {
			lt_error_raise(r->d, LT_EINVAL, r->name, r->line, "a '\"' inside "
			               "an unquoted field (quote the whole field and "
			               "double the '\"')");
			return -1;
		}
		*o++ = *r->p++;
	}
	*out = o;
	return 0;
}

/* After a field: a comma (returns 1: another field follows), the end of
 * the line or file (returns 0), or anything else (returns -1, reported). */
static int field_end(struct reader *r, int after_quote)
{
	if (r->p >= r->end)
		return 0;
	if (*r->p == ',') {
		r->p++;
		return 1;
	}
	if (*r->p == '\r') {
		if (r->p + 1 < r->end && r->p[1] == '\n') {
			r->p += 2;
			r->line++;
			return 0;
		}
		lt_error_raise(r->d, LT_EINVAL, r->name, r->line, "a carriage return "
		               "not followed by a line feed (lines must end in LF or "
		               "CRLF)");
		return -1;
	}
	if (*r->p == '\n') {
		r->p++;
		r->line++;
		return 0;
	}
	if (after_quote)
		lt_error_raise(r->d, LT_EINVAL, r->name, r->line, "unexpected "
		               "character after a closing '\"' (a quoted field must "
		               "end at a comma or the end of the line)");
	return -1;
}

/* Read the next record into REC.  Returns 1 for a record, 0 at the end of
 * the text, -1 for a record with a syntax error (reported; the reader has
 * moved to the next line). */
static int next_record(struct reader *r, struct record *rec)
{
	char *o = r->scratch;
	int more, quoted;

	if (r->p >= r->end)
		return 0;
	rec->line = r->line;
	rec->nf = 0;
	rec->blank = *r->p == '\n' ||
	             (*r->p == '\r' && r->p + 1 < r->end && r->p[1] == '\n');
	do {
		char *start = o;

		quoted = r->p < r->end && *r->p == '"';
		if (quoted)
			r->p++;
		if ((quoted ? quoted_field(r, &o) : plain_field(r, &o)) != 0) {
			skip_line(r);
			return -1;
		}
		*o++ = '\0';
		if (rec->nf < KEEP_FIELDS)
			rec->f[rec->nf] = start;
		rec->nf++;
		more = field_end(r, quoted);
		if (more < 0) {
			skip_line(r);
			return -1;
		}
	} while (more);
	return 1;
}

/* Parse the header record REC: set COL_X and COL_Y to the field indices of
 * x and y.  Returns 0, or -1 after reporting every problem. */
static int parse_header(struct reader *r, const struct record *rec,
                        int *col_x, int *col_y)
{
	char q[160];
	size_t i;
	double v;
	int bad = 0;

	*col_x = *col_y = -1;
	if (rec->nf <= KEEP_FIELDS) {
		for (i = 0; i < rec->nf && lt_parse_double(rec->f[i], &v) == 0; i++)
			;
		if (i == rec->nf) {
			lt_error_raise(r->d, LT_EINVAL, r->name, rec->line, "no header "
			               "row (the first line must name the columns: x,y)");
			return -1;
		}
	}
	for (i = 0; i < rec->nf && i < KEEP_FIELDS; i++) {
		int *col = strcasecmp(rec->f[i], "x") == 0 ? col_x
		           : strcasecmp(rec->f[i], "y") == 0 ? col_y : NULL;

		if (col == NULL) {
			lt_error_raise(r->d, LT_EINVAL, r->name, rec->line, "unknown "
			               "column '%s' in the header (expected x and y)",
			               quote(rec->f[i], q, sizeof q));
			bad = 1;
		} else if (*col >= 0) {
			lt_error_raise(r->d, LT_EINVAL, r->name, rec->line, "column '%s' "
			               "appears twice in the header", col == col_x ? "x" : "y");
			bad = 1;
		} else {
			*col = (int)i;
		}
	}
	if (rec->nf > KEEP_FIELDS) {
		lt_error_raise(r->d, LT_EINVAL, r->name, rec->line, "the header has "
		               "%zu columns (expected two: x and y)", rec->nf);
		bad = 1;
	}
	if (*col_x < 0 && !bad)
		lt_error_raise(r->d, LT_EINVAL, r->name, rec->line, "no column 'x' "
		               "in the header");
	if (*col_y < 0 && !bad)
		lt_error_raise(r->d, LT_EINVAL, r->name, rec->line, "no column 'y' "
		               "in the header");
	return bad || *col_x < 0 || *col_y < 0 ? -1 : 0;
}

/* Parse field TEXT of column NAME at LINE into *V.  Returns 0, or -1 after
 * reporting why it is not a number lotrinh accepts (lt_parse_double). */
static int number(struct reader *r, int line, const char *name,
                  const char *text, double *v)
{
	char q[160], *end;
	int status = lt_parse_double(text, v);
	double t;

	if (status == LT_NUM_OK)
		return 0;
	quote(text, q, sizeof q);
	switch (status) {
	case LT_NUM_HEX:
		lt_error_raise(r->d, LT_EINVAL, r->name, line, "'%s' is a "
		               "hexadecimal number (\"%s\"); write decimal numbers",
		               name, q);
		return -1;
	case LT_NUM_TINY:
		lt_error_raise(r->d, LT_EINVAL, r->name, line, "'%s' is too small "
		               "to represent (\"%s\" would become 0 or lose digits); "
		               "rescale the column", name, q);
		return -1;
	case LT_NUM_NEG_ZERO:
		lt_error_raise(r->d, LT_EINVAL, r->name, line, "'%s' is a negative "
		               "zero (\"%s\"); write 0", name, q);
		return -1;
	case LT_NUM_HUGE:
	case LT_NUM_NOT_FINITE:
		/* strtod accepts "inf", "nan" and overflows to inf: say so */
		lt_error_raise(r->d, LT_EINVAL, r->name, line, "'%s' is not a "
		               "finite number (\"%s\")", name, q);
		return -1;
	default:
		break;
	}
	if (*text == '\0') {
		lt_error_raise(r->d, LT_EINVAL, r->name, line, "'%s' is empty", name);
		return -1;
	}
	/* strtod skips leading blanks; trailing ones are left in END */
	t = strtod(text, &end);
	while (isspace((unsigned char)*end))
		end++;
	if (end != text && *end == '\0' && isfinite(t))
		lt_error_raise(r->d, LT_EINVAL, r->name, line, "'%s' has blanks "
		               "around the number (\"%s\"; in CSV they are part of "
		               "the field)", name, q);
	else
		lt_error_raise(r->d, LT_EINVAL, r->name, line, "'%s' is not a number "
		               "(\"%s\")", name, q);
	return -1;
}

/* Growable x and y arrays. */
struct columns {
	double *x, *y;
	size_t n, cap;
};

static int columns_push(struct columns *c, double x, double y)
{
	if (c->n == c->cap) {
		size_t cap = c->cap == 0 ? FIRST_ROWS : 2 * c->cap;
		double *nx = lt_realloc(c->x, cap * sizeof *nx), *ny;

		if (nx == NULL)
			return LT_ENOMEM;
		c->x = nx;
		ny = lt_realloc(c->y, cap * sizeof *ny);
		if (ny == NULL)
			return LT_ENOMEM;
		c->y = ny;
		c->cap = cap;
	}
	c->x[c->n] = x;
	c->y[c->n] = y;
	c->n++;
	return LT_OK;
}

/* Check one data record and append its values.  Returns LT_OK, LT_EINVAL
 * (reported) or LT_ENOMEM. */
static int data_row(struct reader *r, const struct record *rec, int col_x,
                    int col_y, struct columns *c)
{
	double v[2];
	int bad = 0;

	if (rec->nf < 2) {
		lt_error_raise(r->d, LT_EINVAL, r->name, rec->line, "missing field "
		               "'%s' (a row needs two: x and y)", col_x == 1 ? "x" : "y");
		return LT_EINVAL;
	}
	if (rec->nf > 2) {
		lt_error_raise(r->d, LT_EINVAL, r->name, rec->line, "%zu fields (the "
		               "header has two: x and y)", rec->nf);
		return LT_EINVAL;
	}
	bad |= number(r, rec->line, "x", rec->f[col_x], &v[0]);
	bad |= number(r, rec->line, "y", rec->f[col_y], &v[1]);
	if (bad)
		return LT_EINVAL;
	return columns_push(c, v[0], v[1]);
}

/* Report a NUL byte (binary data) with its line; returns -1, or 0 when
 * there is none. */
static int find_nul(struct reader *r)
{
	const char *nul = memchr(r->p, '\0', (size_t)(r->end - r->p)), *s;
	int line = 1;

	if (nul == NULL)
		return 0;
	for (s = r->p; s < nul; s++)
		line += *s == '\n';
	lt_error_raise(r->d, LT_EINVAL, r->name, line, "a NUL byte: this is not "
	               "a text file");
	return -1;
}

/* Read the first non-blank record, the header, and store its line in
 * *LINE.  Returns 0, or -1 after reporting. */
static int read_header(struct reader *r, int *col_x, int *col_y, int *line)
{
	struct record rec;
	int k;

	while ((k = next_record(r, &rec)) == 1 && rec.blank)
		;
	*line = rec.line;
	if (k == 0) {
		lt_error_raise(r->d, LT_EINVAL, r->name, 0, "empty file (expected a "
		               "header row x,y and then one row per observation)");
		return -1;
	}
	if (k < 0)
		return -1;
	return parse_header(r, &rec, col_x, col_y);
}

int lt_csv_parse_xy(const char *text, size_t len, const char *name,
                    double **x, double **y, size_t *n, lt_diag *diag)
{
	struct reader r = {text, text + len, 1, name, diag, NULL};
	struct columns c = {NULL, NULL, 0, 0};
	struct record rec;
	int k, col_x, col_y, status = LT_OK, header_line;

	*x = *y = NULL;
	*n = 0;
	if (find_nul(&r) != 0)
		return LT_EINVAL;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		r.p += 3;
	r.scratch = lt_malloc(len + 1);
	if (r.scratch == NULL)
		return lt_error_raise(diag, LT_ENOMEM, name, 0, "out of memory");
	if (read_header(&r, &col_x, &col_y, &header_line) != 0) {
		free(r.scratch);
		return LT_EINVAL;
	}
	while (status != LT_ENOMEM && (k = next_record(&r, &rec)) != 0) {
		int row = k < 0 ? LT_EINVAL : rec.blank ? LT_OK
		          : data_row(&r, &rec, col_x, col_y, &c);

		if (row == LT_ENOMEM)
			status = lt_error_raise(diag, LT_ENOMEM, name, 0, "out of memory");
		else if (row != LT_OK)
			status = LT_EINVAL;
	}
	free(r.scratch);
	if (status == LT_OK && c.n == 0)
		status = lt_error_raise(diag, LT_EINVAL, name, header_line, "no data "
		                        "rows after the header");
	if (status != LT_OK) {
		free(c.x);
		free(c.y);
		return status;
	}
	*x = c.x;
	*y = c.y;
	*n = c.n;
	return LT_OK;
}

int lt_csv_read_xy(const char *path, double **x, double **y, size_t *n,
                   lt_diag *diag)
{
	char *buf;
	size_t got;
	int status;

	*x = *y = NULL;
	*n = 0;
	status = lt_file_read(path, LT_CSV_MAX_BYTES, "a CSV file", &buf, &got,
	                      diag);
	if (status != LT_OK)
		return status;
	status = lt_csv_parse_xy(buf, got, path, x, y, n, diag);
	free(buf);
	return status;
}
