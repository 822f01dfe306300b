/* config_private.h - what the files of the scenario loader share.
 *
 * The loader (src/input/config*.c) is one pipeline in several files:
 * config.c reads, screens, parses and validates in order; config_screen.c
 * refuses text that is not a scenario before libconfig sees it;
 * config_schema.c holds the loader's context, its messages and the typed
 * getters every section is read with; config_documents.c,
 * config_province.c, config_budget.c, config_indicators.c and
 * config_programs.c read one part of a scenario each (config_documents.c
 * also checks that every source cites a listed document); config_units.c
 * sets every amount of money against its plausible range.  Only these files include <libconfig.h> (tests/check_layers.sh
 * checks it), and nothing outside them includes this header.
 *
 * Every getter records its errors through lt_config_error() and lets the
 * walk go on, so one run lists every problem; the order in which the
 * sections call them is the order of the messages on one line (the errors
 * are sorted by line, stably, at the end).
 */
#ifndef LT_CONFIG_PRIVATE_H
#define LT_CONFIG_PRIVATE_H

#include <libconfig.h>
#include <math.h>
#include <stddef.h>

#include "lotrinh/error.h"
#include "lotrinh/scenario.h"

/* Calendar years a scenario may speak of. */
#define YEAR_MIN 1990
#define YEAR_MAX 2100

typedef config_setting_t setting;

/* The loader's state while it walks one scenario. */
struct ctx {
	lt_diag *d;
	const char *file;
	lt_arena *a;
	lt_scenario *s;
	int oom;
	int years_ok;     /* years parsed; year ranges below are meaningful */
	size_t errors;    /* errors raised: the diag may be NULL */
};

/* An interval with open or closed ends; infinite ends are unbounded. */
struct range {
	double lo, hi;
	int lo_open, hi_open;
};

/* The ranges more than one part of a scenario uses.  Static in a header:
 * neither gcc nor clang warns about an unused one declared here. */
static const struct range ANY = {-HUGE_VAL, HUGE_VAL, 0, 0};
static const struct range POSITIVE = {0.0, HUGE_VAL, 1, 0};
static const struct range NONNEG = {0.0, HUGE_VAL, 0, 0};
static const struct range PERCENT = {0.0, 100.0, 0, 0};
static const struct range UNIT = {0.0, 1.0, 0, 0};

/* ---- config_schema.c: context and messages ---------------------------- */

/* The line of ST in the scenario file, or 0 when ST is NULL. */
int lt_config_line(const setting *st);

/* Record an error at ST's line (or no line when ST is NULL) in the
 * context's diag, and count it. */
void lt_config_error(struct ctx *c, const setting *st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A copy of S in the scenario's arena (owned by the scenario), or NULL
 * with c->oom set. */
char *lt_config_copy(struct ctx *c, const char *s);

/* An array of N elements of SIZE bytes in the scenario's arena, or NULL
 * with c->oom set (also when N * SIZE overflows). */
void *lt_config_alloc_array(struct ctx *c, size_t n, size_t size);

/* User text shortened for quoting in a message, control characters shown
 * as '?' so a message never carries a terminal escape.  Returns BUF. */
const char *lt_config_quote(const char *s, char *buf, size_t size);

/* ST's type as a message names it: "a group", "an integer", ... */
const char *lt_config_type_name(const setting *st);

/* 1 if ST is an integer or a floating-point number. */
int lt_config_is_number(const setting *st);

/* The value of the number ST (lt_config_is_number holds). */
double lt_config_number(const setting *st);

/* 1 if ST is a list or an array. */
int lt_config_is_seq(const setting *st);

/* ---- config_schema.c: keys -------------------------------------------- */

/* Reject every member of GRP not in the NULL-terminated KEYS, listing the
 * allowed keys; WHERE says where GRP is ("in 'budget'").  With SOURCES,
 * `k_source` is allowed for every allowed k. */
void lt_config_check_keys(struct ctx *c, const setting *grp, const char *where,
                          const char *const *keys, int sources);

/* The member KEY of GRP, or NULL.  When REQUIRED and absent, records
 * "missing required setting". */
const setting *lt_config_member(struct ctx *c, const setting *grp,
                                const char *key, const char *where,
                                int required);

/* The group KEY of GRP, or NULL (with an error when it is required or of
 * another type). */
const setting *lt_config_group(struct ctx *c, const setting *grp,
                               const char *key, const char *where,
                               int required);

/* ---- config_schema.c: typed getters ----------------------------------- */

/* Check the number V read from ST, described as SUBJECT ("'grdp' in
 * 'economy'"), against R: finite and inside.  Returns 0 or -1 (error
 * recorded). */
int lt_config_check_number(struct ctx *c, const setting *st,
                           const char *subject, double v, struct range r);

/* Read number KEY of GRP into *OUT.  Returns 1 when read and valid, 0 when
 * absent and not required, -1 on an error (recorded). */
int lt_config_get_num(struct ctx *c, const setting *grp, const char *key,
                      const char *where, int required, struct range r,
                      double *out);

/* A whole number from ST, which may be an integer or an integral float,
 * into *OUT.  Values beyond +-1e9 are clamped to it (they fail any year
 * range).  Returns 0, or -1 when ST is no whole number (nothing recorded). */
int lt_config_whole(const setting *st, long *out);

/* Read integer KEY of GRP in [LO, HI] into *OUT; returns 1, 0 or -1 as
 * lt_config_get_num. */
int lt_config_get_int(struct ctx *c, const setting *grp, const char *key,
                      const char *where, int required, long lo, long hi,
                      int *out);

/* Read string KEY of GRP (non-empty, no control characters) into an arena
 * copy (owned by the scenario); NULL when absent or bad (an error is
 * recorded when required or bad). */
const char *lt_config_get_str(struct ctx *c, const setting *grp,
                              const char *key, const char *where,
                              int required);

/* The source of KEY: its own KEY_source if given, else FALLBACK
 * (borrowed). */
const char *lt_config_get_source(struct ctx *c, const setting *grp,
                                 const char *key, const char *where,
                                 const char *fallback);

/* 1 if S is an identifier: a lower-case letter, then [a-z0-9_], <= 63. */
int lt_config_is_ident(const char *s);

/* Read the required string KEY of GRP, which must be an identifier; an
 * arena copy, or NULL (error recorded). */
const char *lt_config_get_ident(struct ctx *c, const setting *grp,
                                const char *key, const char *where);

/* Read KEY as one of the NULL-terminated NAMES; returns its index, -1 when
 * absent and not required, -2 on an error (recorded). */
int lt_config_get_enum(struct ctx *c, const setting *grp, const char *key,
                       const char *where, int required,
                       const char *const *names);

/* Read the pair list KEY of GRP: ( (year, value), ... ).  Years are whole,
 * strictly increasing, in [YLO, YHI]; values finite and in R.  Returns 1
 * when read (OUT filled, possibly with some pairs dropped after errors), 0
 * when absent and not required, -1 on an error. */
int lt_config_get_series(struct ctx *c, const setting *grp, const char *key,
                         const char *where, int required, int ylo, int yhi,
                         struct range r, lt_series *out);

/* Read parameter KEY of GRP (a number or a distribution group) into P;
 * its values must lie in R (for a distribution: its support after
 * truncation).  FALLBACK_SOURCE is its source unless it gives its own.
 * Returns 1, 0 or -1 as lt_config_get_num. */
int lt_config_get_param(struct ctx *c, const setting *grp, const char *key,
                        const char *where, int required, struct range r,
                        const char *fallback_source, lt_param *p);

/* The value a parameter takes in the deterministic run: the number, or
 * the mean of its (truncated) distribution. */
double lt_config_central(const lt_param *p);

/* Earliest year that history and bases may speak of: BACK_YEARS before
 * the baseline once the years are read, else YEAR_MIN. */
int lt_config_year_back(const struct ctx *c);

/* The horizon once the years are read, else YEAR_MAX. */
int lt_config_year_horizon(const struct ctx *c);

/* ---- config_screen.c -------------------------------------------------- */

/* Skip a UTF-8 byte-order mark at the start of *TEXT (*LEN bytes), moving
 * *TEXT and *LEN past it, then refuse text that is not a scenario before
 * libconfig parses it: more lines than libconfig can number, NUL bytes,
 * invalid UTF-8, @include, hexadecimal numbers, whole numbers libconfig
 * would wrap, numbers that underflow, negative zeros, and a string or
 * comment left open.  Returns 0, or LT_EINVAL with the first such error
 * recorded in D (at FILE and its line). */
int lt_config_screen(const char **text, size_t *len, const char *file,
                     lt_diag *d);

/* ---- the parts of a scenario, in the order config.c reads them -------- */

/* config_documents.c: read the optional list 'documents' (first, so the
 * source check knows every id). */
void lt_config_load_documents(struct ctx *c, const setting *root);

/* config_province.c: read 'years' into c->s and set c->years_ok when
 * they are valid. */
void lt_config_load_years(struct ctx *c, const setting *root);

/* config_budget.c: read 'channels'; their allocations must add up to 1. */
void lt_config_load_channels(struct ctx *c, const setting *root);

/* config_indicators.c: read the list 'indicators' (after the channels,
 * which they name); each indicator's spillovers only get their space,
 * which lt_config_load_spillovers fills. */
void lt_config_load_indicators(struct ctx *c, const setting *root);

/* config_indicators.c: resolve each indicator's `model.spillover` group
 * now that every indicator id is known. */
void lt_config_load_spillovers(struct ctx *c, const setting *root);

/* config_province.c: read 'province' and its components (after the
 * indicators, whose values the components give), and merge the
 * components' values into each indicator's merged baseline. */
void lt_config_load_province(struct ctx *c, const setting *root);

/* config_budget.c: read 'economy'. */
void lt_config_load_economy(struct ctx *c, const setting *root);

/* config_budget.c: read 'budget' with its schedule and co-financing. */
void lt_config_load_budget(struct ctx *c, const setting *root);

/* config_programs.c: read 'programs': parts, their groups and tasks, and
 * the tasks' splits by year. */
void lt_config_load_programs(struct ctx *c, const setting *root);

/* config_claims.c: read the optional list 'figures' (after the
 * programmes, indicators and components, before the claims that name
 * them). */
void lt_config_load_figures(struct ctx *c, const setting *root);

/* config_claims.c: read the optional list 'claims', resolving every
 * reference against what is read before it (claims.h). */
void lt_config_load_claims(struct ctx *c, const setting *root);

/* config_indicators.c: once everything is read, give each indicator
 * without a baseline its components' merged one (or an error), and check
 * that its milestones never go against its target. */
void lt_config_check_indicators(struct ctx *c, const setting *root);

/* config_budget.c: a "programs" schedule or co-financing needs a
 * 'programs' section. */
void lt_config_check_budget(struct ctx *c, const setting *root);

/* config_units.c: set every amount of money against its plausible range
 * and name the likely unit slip; skipped when an error was found before. */
void lt_config_check_magnitudes(struct ctx *c, const setting *root);

/* config_documents.c: when 'documents' is given, check that every string
 * named `source` or `*_source` anywhere in the file starts with
 * "assumption" or with a listed document's id (lt_source_id_length);
 * skipped when a document's id could not be read. */
void lt_config_check_sources(struct ctx *c, const setting *root);

/* config_indicators.c: the range an indicator's values must lie in: its
 * kind's range narrowed by floor and ceiling. */
struct range lt_config_value_range(const lt_indicator *ind);

#endif /* LT_CONFIG_PRIVATE_H */
