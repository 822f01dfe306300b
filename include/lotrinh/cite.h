/* cite.h - the documents a scenario cites, as every output shows them.
 *
 * A scenario lists its documents (scenario.h, lt_document) and starts
 * each source with one's id, so an output can follow a figure to its full
 * citation.  This module turns the list into the parts of a document
 * (table.h) that `show`, `audit` and later reports share: aligned text
 * lines for people (id, number, issuer, date, title) and a table for JSON
 * (those and url and note), so the citation reads the same everywhere.
 */
#ifndef LT_CITE_H
#define LT_CITE_H

#include "lotrinh/report.h"
#include "lotrinh/scenario.h"
#include "lotrinh/table.h"

/* Add to D, as text lines INDENT spaces in, the documents of S whose flag
 * in WHICH (one per document, s->n_documents of them) is non-zero, or all
 * of them when WHICH is NULL: a header in LANG, a rule, then one aligned
 * row per document with its id, number, issuer, date and title (a missing
 * number or date shown "–"; long issuers and titles shortened with
 * "..." to keep a row on one screen).  Nothing when no document is
 * chosen.  Returns 0 or LT_ENOMEM (D is then failed, as table.h says). */
int lt_cite_lines(lt_doc *d, int indent, lt_lang lang, const lt_scenario *s,
                  const unsigned char *which);

/* Add to D the table KEY, shown in the formats SHOW, of the same documents
 * with the columns id, title, number, issuer, date, url and note (missing
 * values are JSON null), whole.  Returns the table (owned by D) or NULL
 * when out of memory. */
lt_table *lt_cite_table(lt_doc *d, const char *key, unsigned show,
                        const lt_scenario *s, const unsigned char *which);

#endif /* LT_CITE_H */
