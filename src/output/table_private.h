/* table_private.h - what table.c shares with table_doc.c: string and cell
 * storage, printf into a new string, and the JSON of cells and tables. */
#ifndef LT_TABLE_PRIVATE_H
#define LT_TABLE_PRIVATE_H

#include <jansson.h>
#include <stdarg.h>

#include "lotrinh/table.h"

/* Longest text a cell shows in a terminal, in bytes; longer text is cut
 * (a table cell is a phrase, not a page). */
#define LT_TABLE_CELL_BYTES 2048

/* 1 when building T ran out of memory. */
int lt_table_failed(const lt_table *t);

/* A copy of S (NULL stays NULL; the blank sentinel is shared, not
 * copied); NULL when out of memory.  Free with lt_table_str_free. */
char *lt_table_str_dup(const char *s);
void lt_table_str_free(const char *s);

/* Copy C's strings into *DST; returns 0 or LT_ENOMEM (then *DST is a
 * blank cell).  Release with lt_table_cell_release. */
int lt_table_cell_store(lt_cell *dst, lt_cell c);
void lt_table_cell_release(lt_cell *c);

/* A missing cell shown blank, whose text is the shared sentinel. */
lt_cell lt_table_cell_blank(void);

/* FMT formatted as vprintf would, in a new string (caller frees with
 * free), or NULL when out of memory. */
char *lt_table_vformat(const char *fmt, va_list ap);

/* The JSON value of a cell (null when missing or not finite), and of a
 * table (an array of objects keyed by column, JSON columns only); new
 * references, NULL when out of memory. */
json_t *lt_table_cell_json(const lt_cell *c);
json_t *lt_table_json(const lt_table *t);

/* 1 when the CSV columns of A and B have the same keys in the same order. */
int lt_table_same_csv_columns(const lt_table *a, const lt_table *b);

#endif /* LT_TABLE_PRIVATE_H */
