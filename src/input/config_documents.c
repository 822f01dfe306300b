/* config_documents.c - the documents a scenario cites, and the check that
 * every source names one of them.
 *
 * A scenario's `source` strings began as free text ("004, Part IV", "REF,
 * ..."), which a reader could not follow without the author's notes.  With
 * a top-level `documents` list, each string must start with the id of a
 * listed document or with "assumption", so every figure leads to one full
 * citation (title, number, issuer, date) that `show` and `audit` print.
 * The list is optional: a file without one keeps free-text sources (most
 * test files, and scenarios written before the list existed).
 *
 * The documents are read first, so the check at the end knows every id.
 * The check walks the whole libconfig tree instead of the loaded structs:
 * a source is checked wherever it stands (a distribution's own source, a
 * `k_source` of any key), including those no engine reads.
 */
#include <stdio.h>
#include <string.h>

#include "config_private.h"

/* Longest document id: an id starts many source strings, so it is a short
 * tag ("004", "CAICT", "HALL2007"), not a title. */
#define ID_MAX 16

/* Deepest nesting the source check descends to.  The format's deepest
 * source is four levels down (programs.parts[].groups[].declared.source,
 * channels.digital.delta.source); anything deeper is an error elsewhere,
 * and the bound keeps a pathological file from exhausting the stack. */
#define WALK_DEPTH 32

/* 1 if ID is a document id: 1 to ID_MAX ASCII letters, digits, '-' or
 * '_', not starting with "assumption" (which marks an assumption). */
static int is_doc_id(const char *id)
{
	size_t i;

	for (i = 0; id[i] != '\0'; i++)
		if (!((id[i] >= 'a' && id[i] <= 'z') ||
		      (id[i] >= 'A' && id[i] <= 'Z') ||
		      (id[i] >= '0' && id[i] <= '9') || id[i] == '-' || id[i] == '_'))
			return 0;
	return i > 0 && i <= ID_MAX && !lt_source_is_assumption(id);
}

/* Read entry I of 'documents', the group E, into DOC, the scenario's
 * document I.  An invalid id is not kept (the source check is then
 * skipped); a duplicate is reported against the first. */
static void load_document(struct ctx *c, const setting *e, int i,
                          lt_document *doc)
{
	static const char *const keys[] = {"id", "title", "number", "issuer",
	    "date", "url", "note", NULL};
	const lt_scenario *s = c->s;
	const char *id;
	char where[128], q[256];
	size_t k;

	snprintf(where, sizeof where, "in entry %d of 'documents'", i + 1);
	doc->line = lt_config_line(e);
	id = lt_config_get_str(c, e, "id", where, 1);
	if (id != NULL && !is_doc_id(id)) {
		lt_config_error(c, lt_config_member(c, e, "id", where, 0),
		    "'id' %s must be a short tag like \"004\" or \"GSO\": "
		    "letters, digits, '-' or '_', at most %d, not starting with "
		    "\"assumption\" (got \"%s\")", where, ID_MAX,
		    lt_config_quote(id, q, sizeof q));
		id = NULL;
	}
	for (k = 0; id != NULL && k < (size_t)i; k++)
		if (s->documents[k].id != NULL && strcmp(s->documents[k].id, id) == 0) {
			lt_config_error(c, lt_config_member(c, e, "id", where, 0),
			    "document '%s' is listed twice in 'documents' (first at "
			    "line %d)", lt_config_quote(id, q, sizeof q),
			    s->documents[k].line);
			break;
		}
	if (id != NULL)
		snprintf(where, sizeof where, "in document '%s'", id);
	lt_config_check_keys(c, e, where, keys, 0);
	doc->id = id;
	doc->title = lt_config_get_str(c, e, "title", where, 1);
	doc->number = lt_config_get_str(c, e, "number", where, 0);
	doc->issuer = lt_config_get_str(c, e, "issuer", where, 1);
	doc->date = lt_config_get_str(c, e, "date", where, 0);
	doc->url = lt_config_get_str(c, e, "url", where, 0);
	doc->note = lt_config_get_str(c, e, "note", where, 0);
}

void lt_config_load_documents(struct ctx *c, const setting *root)
{
	const setting *l = lt_config_member(c, root, "documents",
	                                    "at the top level", 0);
	lt_scenario *s = c->s;
	int i, n;

	if (l == NULL)
		return;
	if (config_setting_type(l) != CONFIG_TYPE_LIST ||
	    config_setting_length(l) < 1) {
		lt_config_error(c, l, "'documents' must be a list of at least one "
		    "group ( { id = \"004\"; title = ...; issuer = ...; }, ... ) "
		    "(got %s)", config_setting_type(l) == CONFIG_TYPE_LIST
		    ? "an empty list" : lt_config_type_name(l));
		return;
	}
	n = config_setting_length(l);
	s->documents = lt_config_alloc_array(c, (size_t)n, sizeof *s->documents);
	if (s->documents == NULL)
		return;
	for (i = 0; i < n; i++) {
		const setting *e = config_setting_get_elem(l, (unsigned)i);

		s->documents[i].line = lt_config_line(e);
		if (config_setting_type(e) != CONFIG_TYPE_GROUP)
			lt_config_error(c, e, "entry %d of 'documents' must be a group "
			    "{ id = ...; title = ...; issuer = ...; } (got %s)", i + 1,
			    lt_config_type_name(e));
		else
			load_document(c, e, i, &s->documents[i]);
	}
	s->n_documents = (size_t)n;
}

/* ---- the source check ------------------------------------------------- */

/* 1 if NAME is "source" or ends in "_source". */
static int is_source_name(const char *name)
{
	size_t n, k = strlen("_source");

	if (name == NULL)
		return 0;
	n = strlen(name);
	return strcmp(name, "source") == 0 ||
	       (n > k && strcmp(name + n - k, "_source") == 0);
}

/* The listed ids, "004, 001, GSO", into BUF of SIZE (at least 4) bytes,
 * ending in "..." when they do not fit. */
static const char *id_list(const lt_scenario *s, char *buf, size_t size)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < s->n_documents; i++) {
		int w = snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
		                 s->documents[i].id);

		if (w < 0 || (size_t)w >= size - used) {
			memcpy(buf + size - 4, "...", 4);
			break;
		}
		used += (size_t)w;
	}
	return buf;
}

/* Check the string setting ST, a source: it starts with "assumption" or
 * with a listed document's id. */
static void check_source(struct ctx *c, const setting *st)
{
	const char *v = config_setting_get_string(st);
	char q[256], ids[LT_ERROR_MSG_MAX / 2], found[ID_MAX * 4 + 8];
	size_t n;

	/* blank text is refused by the getter that reads it; one message */
	if (v[strspn(v, " \t\r\n")] == '\0' || lt_source_is_assumption(v) ||
	    lt_scenario_source_document(c->s, v) >= 0)
		return;
	n = lt_source_id_length(v);
	id_list(c->s, ids, sizeof ids);
	if (n == 0) {
		lt_config_error(c, st, "'%s' must start with the id of a document "
		    "in 'documents' (%s) or with \"assumption\" (got \"%s\")",
		    config_setting_name(st), ids, lt_config_quote(v, q, sizeof q));
		return;
	}
	snprintf(found, sizeof found, "%.*s", (int)(n < sizeof found - 1
	         ? n : sizeof found - 1), v);
	lt_config_error(c, st, "'%s' cites \"%s\", which is not in 'documents' "
	    "(listed: %s); start it with a listed id or with \"assumption\"",
	    config_setting_name(st), lt_config_quote(found, q, sizeof q), ids);
}

/* Check every source under ST, DEPTH levels down from the root. */
static void walk(struct ctx *c, const setting *st, int depth)
{
	int i, n;

	if (config_setting_type(st) == CONFIG_TYPE_STRING) {
		if (is_source_name(config_setting_name(st)))
			check_source(c, st);
		return;
	}
	if (config_setting_type(st) != CONFIG_TYPE_GROUP &&
	    config_setting_type(st) != CONFIG_TYPE_LIST)
		return;
	if (depth >= WALK_DEPTH)
		return;
	n = config_setting_length(st);
	for (i = 0; i < n; i++)
		walk(c, config_setting_get_elem(st, (unsigned)i), depth + 1);
}

void lt_config_check_sources(struct ctx *c, const setting *root)
{
	const lt_scenario *s = c->s;
	size_t i;

	if (config_setting_get_member(root, "documents") == NULL ||
	    s->n_documents == 0)
		return;
	/* a document whose id could not be read (not a group, no id, a bad
	 * one) would make every source citing it an error too: its own
	 * message is enough */
	for (i = 0; i < s->n_documents; i++)
		if (s->documents[i].id == NULL)
			return;
	walk(c, root, 0);
}
