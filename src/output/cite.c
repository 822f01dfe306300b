/* cite.c - the documents a scenario cites, as text lines and as a table
 * (see cite.h).
 *
 * The text is laid out here rather than by lt_table_write_text because a
 * command such as `show` writes its blocks as lines of one document: the
 * documents must read as one more block of lines, at the indent of the
 * blocks around them, without the blank line a nested section brings. */
#include "lotrinh/cite.h"

#include <stdio.h>
#include <string.h>

#include "lotrinh/text.h"

#define NCOLS 5

/* Widest each column prints, in display columns: ids are short by the
 * loader's rule; a number ("NBER Working Paper 13473") fits in 24, a date
 * ("30/12/2024") in 16; issuers and titles are shortened so a row stays
 * within about 170 columns (the whole text is in the scenario and in
 * JSON). */
static const size_t max_cols[NCOLS] = {16, 24, 40, 16, 64};

static const char *const heads[NCOLS][2] = {
	{"Id", "Mã"},
	{"Number", "Số hiệu"},
	{"Issuer", "Cơ quan ban hành"},
	{"Date", "Ngày"},
	{"Title", "Tên văn bản"},
};

/* Text of column COL of DOC, "–" when it has none. */
static const char *field(const lt_document *doc, int col)
{
	const char *v[NCOLS] = {doc->id, doc->number, doc->issuer, doc->date,
	                        doc->title};

	return v[col] != NULL ? v[col] : "–";
}

/* Append TEXT to LINE (SIZE bytes), padded with blanks to WIDTH columns
 * unless it is the last column, then the two-blank gap. */
static void append(char *line, size_t size, const char *text, size_t width,
                   int last)
{
	size_t used = strlen(line), w = lt_text_width(text);

	snprintf(line + used, size - used, "%s%*s", text,
	         last ? 0 : (int)(width - w + 2), "");
}

static int chosen(const unsigned char *which, size_t i)
{
	return which == NULL || which[i] != 0;
}

int lt_cite_lines(lt_doc *d, int indent, lt_lang lang, const lt_scenario *s,
                  const unsigned char *which)
{
	char cell[256], line[2048];
	size_t width[NCOLS], i, rule = 0;
	int col, n = 0, rc = 0;

	for (col = 0; col < NCOLS; col++)
		width[col] = lt_text_width(heads[col][lang]);
	for (i = 0; i < s->n_documents; i++) {
		if (!chosen(which, i))
			continue;
		n++;
		for (col = 0; col < NCOLS; col++) {
			size_t w = lt_text_width(lt_text_shorten(field(&s->documents[i],
			           col), max_cols[col], cell, sizeof cell));
			if (w > width[col])
				width[col] = w;
		}
	}
	if (n == 0)
		return 0;
	snprintf(line, sizeof line, "%*s", indent, "");
	for (col = 0; col < NCOLS; col++) {
		append(line, sizeof line, heads[col][lang], width[col],
		       col == NCOLS - 1);
		rule += width[col] + (col > 0 ? 2 : 0);
	}
	rc |= lt_doc_line(d, line);
	snprintf(line, sizeof line, "%*s", indent, "");
	for (i = 0; i < rule && i + (size_t)indent < sizeof line - 1; i++)
		line[(size_t)indent + i] = '-';
	line[(size_t)indent + i] = '\0';
	rc |= lt_doc_line(d, line);
	for (i = 0; i < s->n_documents; i++) {
		if (!chosen(which, i))
			continue;
		snprintf(line, sizeof line, "%*s", indent, "");
		for (col = 0; col < NCOLS; col++)
			append(line, sizeof line, lt_text_shorten(field(&s->documents[i],
			       col), max_cols[col], cell, sizeof cell), width[col],
			       col == NCOLS - 1);
		rc |= lt_doc_line(d, line);
	}
	return rc != 0 ? LT_ENOMEM : 0;
}

/* A text cell, or a missing one for NULL. */
static lt_cell text_or_missing(const char *v)
{
	return v != NULL ? lt_cell_text(v) : lt_cell_missing(NULL);
}

lt_table *lt_cite_table(lt_doc *d, const char *key, unsigned show,
                        const lt_scenario *s, const unsigned char *which)
{
	static const char *const keys[] = {"id", "title", "number", "issuer",
	    "date", "url", "note"};
	lt_table *t = lt_doc_table(d, key, NULL, NULL, 7, show);
	size_t i, k;

	for (k = 0; k < 7; k++)
		lt_table_set_header(t, k, keys[k], LT_LEFT);
	for (i = 0; i < s->n_documents; i++) {
		const lt_document *doc = &s->documents[i];

		if (!chosen(which, i))
			continue;
		lt_table_add_row(t);
		lt_table_set(t, 0, doc->id);
		lt_table_set(t, 1, doc->title);
		lt_table_put(t, 2, text_or_missing(doc->number));
		lt_table_set(t, 3, doc->issuer);
		lt_table_put(t, 4, text_or_missing(doc->date));
		lt_table_put(t, 5, text_or_missing(doc->url));
		lt_table_put(t, 6, text_or_missing(doc->note));
	}
	return t;
}
