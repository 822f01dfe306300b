/* config.c - read and validate a scenario file (format: docs/SCENARIO.md).
 *
 * The loader is one pipeline in three stages; this file runs it, and the
 * other src/input/config*.c files (config_private.h lists them) do the
 * work:
 *   1. read the file into memory and refuse what is not a scenario before
 *      libconfig sees it: a directory or device, a file over LT_MAX_FILE
 *      bytes (lt_file_read); a NUL byte, invalid UTF-8, an @include
 *      directive (which would let a scenario read any file, or /dev/zero,
 *      on the machine), numbers libconfig would misread
 *      (config_screen.c);
 *   2. parse with libconfig (config_read_string), reporting its line;
 *   3. walk the tree group by group, checking every key, type, range and
 *      cross-reference, and copying what it reads into plain structs
 *      (config_schema.c for the getters, one file per part of a scenario,
 *      config_units.c for amounts in the wrong unit).
 * Stage 3 does not stop at the first error: each check records its error in
 * the caller's lt_diag and the walk goes on with what it could read, so
 * `lotrinh check` can list every problem in one run.  Everything the
 * scenario owns lives in one arena, so a half-built scenario is freed in one
 * call whatever stage failed.  Only the loader's files include
 * <libconfig.h>.
 */
#include <stdlib.h>
#include <string.h>

#include "lotrinh/config.h"
#include "lotrinh/file.h"

#include "config_private.h"

/* Largest scenario file read.  The richest real scenario is under 100 KB;
 * 16 MiB leaves room for generated ones while keeping a mistaken argument
 * (a disk image, a log) from being slurped. */
#define LT_MAX_FILE (16u << 20)

/* Walk the tree in the order each part needs the ones before it: the
 * documents first, so the last check can match every source against them;
 * the years bound every later year; the channels come before the
 * indicators that name them; the indicators before their spillovers and
 * before the province's components, which give values by indicator; then
 * the economy, the budget and the programmes; last the checks that need
 * every part.  The order also decides which of two errors on one line is
 * listed first (the sort by line is stable), so changing it changes
 * messages. */
static void validate(struct ctx *c, const config_t *cfg)
{
	static const char *const keys[] = {"documents", "province", "years",
	    "economy", "budget", "channels", "programs", "indicators", "figures",
	    "claims", NULL};
	const setting *root = config_root_setting(cfg);

	static const char *const required[] = {"province", "years", "economy",
	    "budget", "channels", "indicators", NULL};
	size_t i;

	lt_config_check_keys(c, root, "at the top level", keys, 0);
	/* missing sections first, in the order of the format's description */
	for (i = 0; required[i] != NULL; i++)
		lt_config_member(c, root, required[i], "at the top level", 1);
	lt_config_load_documents(c, root);
	lt_config_load_years(c, root);
	lt_config_load_channels(c, root);
	lt_config_load_indicators(c, root);
	lt_config_load_spillovers(c, root);
	lt_config_load_province(c, root);
	lt_config_load_economy(c, root);
	lt_config_load_budget(c, root);
	lt_config_load_programs(c, root);
	lt_config_load_figures(c, root);
	lt_config_load_claims(c, root);
	lt_config_check_indicators(c, root);
	lt_config_check_budget(c, root);
	lt_config_check_magnitudes(c, root);
	lt_config_check_sources(c, root);
}

/* Order the errors from index FROM on by line (stably), so a user reads
 * them top to bottom; errors without a line come first. */
static void sort_by_line(lt_diag *d, size_t from)
{
	size_t i, j;

	for (i = from + 1; i < d->n; i++) {
		lt_error e = d->items[i];

		for (j = i; j > from && d->items[j - 1].line > e.line; j--)
			d->items[j] = d->items[j - 1];
		d->items[j] = e;
	}
}

static int parse(lt_scenario **out, const char *text, size_t len,
                 const char *name, lt_diag *d)
{
	struct ctx c;
	config_t cfg;
	size_t before = d != NULL ? d->n : 0;
	lt_scenario *s;

	*out = NULL;
	/* stage 1: skip a byte-order mark, refuse what is not a scenario */
	if (lt_config_screen(&text, &len, name, d) != 0)
		return LT_EINVAL;
	s = lt_scenario_alloc();
	if (s == NULL)
		return lt_error_raise(d, LT_ENOMEM, name, 0, "out of memory");
	memset(&c, 0, sizeof c);
	c.d = d;
	c.file = name;
	c.a = s->arena;
	c.s = s;
	s->path = lt_config_copy(&c, name);
	/* stage 2: libconfig, with its own line for a syntax error */
	config_init(&cfg);
	if (config_read_string(&cfg, text) != CONFIG_TRUE) {
		const char *why = config_error_text(&cfg);

		if (why == NULL)
			why = "cannot parse";
		if (strcmp(why, "memory exhausted") == 0)
			why = "groups or lists nested too deeply to parse";
		else if (strcmp(why, "syntax error") == 0)
			why = "syntax error: expected settings like 'name = value;', "
			      "with groups in { }, lists in ( ) and text in \"double "
			      "quotes\"";
		lt_error_raise(d, LT_EINVAL, name, config_error_line(&cfg), "%s", why);
		config_destroy(&cfg);
		lt_scenario_free(s);
		return LT_EINVAL;
	}
	/* stage 3: every section, every key; all errors, sorted by line */
	validate(&c, &cfg);
	config_destroy(&cfg);
	if (c.oom) {
		lt_scenario_free(s);
		return lt_error_raise(d, LT_ENOMEM, name, 0, "out of memory");
	}
	if (c.errors > 0) {
		if (d != NULL)
			sort_by_line(d, before);
		lt_scenario_free(s);
		return LT_EINVAL;
	}
	*out = s;
	return LT_OK;
}

int lt_scenario_parse(lt_scenario **out, const char *text, const char *name,
                      lt_diag *diag)
{
	return parse(out, text, strlen(text), name, diag);
}

int lt_scenario_load(lt_scenario **out, const char *path, lt_diag *diag)
{
	char *text;
	size_t len = 0;
	int rc;

	*out = NULL;
	rc = lt_file_read(path, LT_MAX_FILE, "a scenario file", &text, &len,
	                  diag);
	if (rc != 0)
		return rc;
	rc = parse(out, text, len, path, diag);
	free(text);
	return rc;
}
