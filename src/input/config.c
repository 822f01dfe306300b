/* config.c - read and validate a scenario file (format: docs/SCENARIO.md).
 *
 * This is the only file that includes <libconfig.h>.  The loader works in
 * three stages:
 *   1. read the file into memory and refuse what is not a scenario before
 *      libconfig sees it: a directory or device, a file over LT_MAX_FILE
 *      bytes, a NUL byte, invalid UTF-8, or an @include directive (which
 *      would let a scenario read any file, or /dev/zero, on the machine);
 *   2. parse with libconfig (config_read_string), reporting its line;
 *   3. walk the tree group by group, checking every key, type, range and
 *      cross-reference, and copying what it reads into plain structs.
 * Stage 3 does not stop at the first error: each check records its error in
 * the caller's lt_diag and the walk goes on with what it could read, so
 * `lotrinh check` can list every problem in one run.  Everything the
 * scenario owns lives in one arena, so a half-built scenario is freed in one
 * call whatever stage failed.
 */
#include <ctype.h>
#include <errno.h>
#include <gsl/gsl_cdf.h>
#include <libconfig.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/config.h"
#include "lotrinh/file.h"
#include "lotrinh/param.h"
#include "lotrinh/prior.h"
#include "lotrinh/text.h"

/* Largest scenario file read.  The richest real scenario is under 100 KB;
 * 16 MiB leaves room for generated ones while keeping a mistaken argument
 * (a disk image, a log) from being slurped. */
#define LT_MAX_FILE (16u << 20)
/* Most lines in a scenario: libconfig keeps line numbers in an unsigned
 * short, so past this every message would name the wrong line. */
#define LT_MAX_LINES 65535
/* Longest user text quoted back in a message, in columns. */
#define QUOTE_COLS 40
/* The UTF-8 encoding of U+FEFF, the byte-order mark. */
#define UTF8_BOM "\xEF\xBB\xBF"
/* Calendar years a scenario may speak of. */
#define YEAR_MIN 1990
#define YEAR_MAX 2100
/* How far back (years before the baseline) history and bases may reach. */
#define BACK_YEARS 20
/* Longest horizon after the baseline, in years. */
#define MAX_SPAN 60
/* Tolerance for the channel allocations to sum to 1: far above rounding in
 * decimal inputs such as 0.6 + 0.4, far below any intended difference. */
#define ALLOC_TOL 1e-9
/* Relative tolerance for a task's split to add up to its state amount:
 * amounts are whole millions, so this only absorbs binary rounding. */
#define SPLIT_RTOL 1e-9

/* ---- loader context and messages -------------------------------------- */

typedef config_setting_t setting;

struct ctx {
	lt_diag *d;
	const char *file;
	lt_arena *a;
	lt_scenario *s;
	int oom;
	int years_ok;     /* years parsed; year ranges below are meaningful */
	size_t errors;    /* errors raised: the diag may be NULL */
};

static int line_of(const setting *st)
{
	return st != NULL ? (int)config_setting_source_line(st) : 0;
}

/* Record an error at ST's line (or no line when ST is NULL). */
static void bad(struct ctx *c, const setting *st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void bad(struct ctx *c, const setting *st, const char *fmt, ...)
{
	char msg[LT_ERROR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	c->errors++;
	lt_error_raise(c->d, LT_EINVAL, c->file, line_of(st), "%s", msg);
}

static char *copy(struct ctx *c, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = lt_arena_alloc(c->a, n);

	if (p == NULL) {
		c->oom = 1;
		return NULL;
	}
	memcpy(p, s, n);
	return p;
}

static void *alloc_array(struct ctx *c, size_t n, size_t size)
{
	void *p;

	if (n > SIZE_MAX / size) {
		c->oom = 1;
		return NULL;
	}
	p = lt_arena_alloc(c->a, n * size);
	if (p == NULL)
		c->oom = 1;
	return p;
}

/* 1 if S holds an ASCII control character (a terminal escape, a newline). */
static int has_control(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			return 1;
	return 0;
}

/* User text shortened for quoting in a message, control characters shown
 * as '?' so a message never carries a terminal escape. */
static const char *quote(const char *s, char *buf, size_t size)
{
	return lt_text_quote(s, QUOTE_COLS, buf, size);
}

/* Print a number in a message the way a user wrote it. */
static const char *num(double v, char *buf, size_t size)
{
	if (isnan(v))
		snprintf(buf, size, "nan");
	else if (isinf(v))
		snprintf(buf, size, v > 0 ? "inf" : "-inf");
	else
		snprintf(buf, size, "%.10g", v);
	return buf;
}

static const char *type_name(const setting *st)
{
	switch (config_setting_type(st)) {
	case CONFIG_TYPE_GROUP:
		return "a group";
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		return "an integer";
	case CONFIG_TYPE_FLOAT:
		return "a number";
	case CONFIG_TYPE_STRING:
		return "a string";
	case CONFIG_TYPE_BOOL:
		return "true or false";
	case CONFIG_TYPE_ARRAY:
		return "an array";
	case CONFIG_TYPE_LIST:
		return "a list";
	default:
		return "nothing";
	}
}

static int is_number(const setting *st)
{
	int t = config_setting_type(st);

	return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64 ||
	       t == CONFIG_TYPE_FLOAT;
}

static double number_of(const setting *st)
{
	switch (config_setting_type(st)) {
	case CONFIG_TYPE_INT:
		return (double)config_setting_get_int(st);
	case CONFIG_TYPE_INT64:
		return (double)config_setting_get_int64(st);
	default:
		return config_setting_get_float(st);
	}
}

static int is_seq(const setting *st)
{
	int t = config_setting_type(st);

	return t == CONFIG_TYPE_LIST || t == CONFIG_TYPE_ARRAY;
}

/* ---- keys ------------------------------------------------------------- */

/* 1 if NAME is in the NULL-terminated list KEYS. */
static int listed(const char *name, const char *const *keys)
{
	for (; *keys != NULL; keys++)
		if (strcmp(name, *keys) == 0)
			return 1;
	return 0;
}

/* 1 if NAME is KEY_source for an allowed KEY other than "source". */
static int is_key_source(const char *name, const char *const *keys)
{
	size_t n = strlen(name), k = strlen("_source");
	char base[128];

	if (n <= k || n - k >= sizeof base || strcmp(name + n - k, "_source") != 0)
		return 0;
	memcpy(base, name, n - k);
	base[n - k] = '\0';
	return strcmp(base, "source") != 0 && listed(base, keys);
}

/* Reject every member of GRP not in KEYS, listing the allowed keys.  With
 * SOURCES, `k_source` is allowed for every allowed k. */
static void check_keys(struct ctx *c, const setting *grp, const char *where,
                       const char *const *keys, int sources)
{
	char allowed[LT_ERROR_MSG_MAX / 2], q[256];
	const char *const *k;
	size_t used = 0;
	int i, n = config_setting_length(grp);

	allowed[0] = '\0';
	for (k = keys; *k != NULL; k++) {
		int w = snprintf(allowed + used, sizeof allowed - used, "%s%s",
		                 used ? ", " : "", *k);
		if (w < 0 || (size_t)w >= sizeof allowed - used)
			break;
		used += (size_t)w;
	}
	for (i = 0; i < n; i++) {
		const setting *m = config_setting_get_elem(grp, (unsigned)i);
		const char *name = config_setting_name(m);

		if (name == NULL || listed(name, keys) ||
		    (sources && is_key_source(name, keys)))
			continue;
		bad(c, m, "unknown setting '%s' %s (allowed: %s%s)",
		    quote(name, q, sizeof q), where, allowed,
		    sources ? ", and KEY_source for any of them" : "");
	}
}

/* The member KEY of GRP, or NULL.  When REQUIRED and absent, records
 * "missing required setting". */
static const setting *member(struct ctx *c, const setting *grp, const char *key,
                             const char *where, int required)
{
	const setting *m = config_setting_get_member(grp, key);

	if (m == NULL && required)
		bad(c, grp, "missing required setting '%s' %s", key, where);
	return m;
}

/* The group KEY of GRP, or NULL (with an error when it is required or of
 * another type). */
static const setting *group(struct ctx *c, const setting *grp, const char *key,
                            const char *where, int required)
{
	const setting *m = member(c, grp, key, where, required);

	if (m != NULL && config_setting_type(m) != CONFIG_TYPE_GROUP) {
		bad(c, m, "'%s' %s must be a group { ... } (got %s)", key, where,
		    type_name(m));
		return NULL;
	}
	return m;
}

/* ---- scalars ---------------------------------------------------------- */

/* An interval with open or closed ends; infinite ends are unbounded. */
struct range {
	double lo, hi;
	int lo_open, hi_open;
};

static const struct range ANY = {-HUGE_VAL, HUGE_VAL, 0, 0};
static const struct range POSITIVE = {0.0, HUGE_VAL, 1, 0};
static const struct range NONNEG = {0.0, HUGE_VAL, 0, 0};
static const struct range PERCENT = {0.0, 100.0, 0, 0};
static const struct range UNIT = {0.0, 1.0, 0, 0};

static int in_range(double v, struct range r)
{
	if (r.lo_open ? !(v > r.lo) : !(v >= r.lo))
		return 0;
	if (r.hi_open ? !(v < r.hi) : !(v <= r.hi))
		return 0;
	return 1;
}

/* "between 0 and 100", "positive", "at least 0", ... */
static const char *range_text(struct range r, char *buf, size_t size)
{
	char a[32], b[32];

	num(r.lo, a, sizeof a);
	num(r.hi, b, sizeof b);
	if (isinf(r.lo) && isinf(r.hi))
		snprintf(buf, size, "finite");
	else if (isinf(r.hi))
		snprintf(buf, size, r.lo == 0.0 && r.lo_open ? "positive"
		         : r.lo_open ? "above %s" : "at least %s", a);
	else if (isinf(r.lo))
		snprintf(buf, size, r.hi_open ? "below %s" : "at most %s", b);
	else if (!r.lo_open && !r.hi_open)
		snprintf(buf, size, "between %s and %s", a, b);
	else
		snprintf(buf, size, "%s %s and %s %s", r.lo_open ? "above" : "at least",
		         a, r.hi_open ? "below" : "at most", b);
	return buf;
}

/* Check the number V read from ST, described as SUBJECT ("'grdp' in
 * 'economy'"), against R.  Returns 0 or -1 (error recorded). */
static int check_number(struct ctx *c, const setting *st, const char *subject,
                        double v, struct range r)
{
	char t[96], g[32];

	if (!isfinite(v)) {
		bad(c, st, "%s must be a finite number (got %s)", subject,
		    num(v, g, sizeof g));
		return -1;
	}
	if (!in_range(v, r)) {
		bad(c, st, "%s must be %s (got %s)", subject,
		    range_text(r, t, sizeof t), num(v, g, sizeof g));
		return -1;
	}
	return 0;
}

/* Read number KEY of GRP into *OUT.  Returns 1 when read and valid, 0 when
 * absent and not required, -1 on an error (recorded). */
static int get_num(struct ctx *c, const setting *grp, const char *key,
                   const char *where, int required, struct range r, double *out)
{
	const setting *m = member(c, grp, key, where, required);
	char subject[256];
	double v;

	if (m == NULL)
		return required ? -1 : 0;
	if (!is_number(m)) {
		bad(c, m, "'%s' %s must be a number like 1.0 (got %s)", key, where,
		    type_name(m));
		return -1;
	}
	v = number_of(m);
	snprintf(subject, sizeof subject, "'%s' %s", key, where);
	if (check_number(c, m, subject, v, r) != 0)
		return -1;
	*out = v;
	return 1;
}

/* A whole number from ST, which may be an integer or an integral float.
 * Values beyond +-1e9 are clamped to it (they fail any year range). */
static int whole(const setting *st, long *out)
{
	double v;

	if (!is_number(st))
		return -1;
	if (config_setting_type(st) == CONFIG_TYPE_INT64) {
		long long x = config_setting_get_int64(st);
		*out = x > 1000000000LL ? 1000000000L
		       : x < -1000000000LL ? -1000000000L : (long)x;
		return 0;
	}
	v = number_of(st);
	if (!isfinite(v) || v != floor(v))
		return -1;
	*out = (long)fmax(-1e9, fmin(1e9, v));
	return 0;
}

/* Read integer KEY of GRP in [LO, HI] into *OUT; returns 1, 0 or -1. */
static int get_int(struct ctx *c, const setting *grp, const char *key,
                   const char *where, int required, long lo, long hi, int *out)
{
	const setting *m = member(c, grp, key, where, required);
	long v;

	if (m == NULL)
		return required ? -1 : 0;
	if (whole(m, &v) != 0) {
		bad(c, m, "'%s' %s must be a whole number like 2030 (got %s)", key,
		    where, type_name(m));
		return -1;
	}
	if (v < lo || v > hi) {
		bad(c, m, "'%s' %s must be between %ld and %ld (got %ld)", key, where,
		    lo, hi, v);
		return -1;
	}
	*out = (int)v;
	return 1;
}

/* Read string KEY of GRP (non-empty) into an arena copy; NULL when absent
 * or bad (an error is recorded when required or bad). */
static const char *get_str(struct ctx *c, const setting *grp, const char *key,
                           const char *where, int required)
{
	const setting *m = member(c, grp, key, where, required);
	const char *v;

	if (m == NULL)
		return NULL;
	if (config_setting_type(m) != CONFIG_TYPE_STRING) {
		bad(c, m, "'%s' %s must be a string in double quotes (got %s)", key,
		    where, type_name(m));
		return NULL;
	}
	v = config_setting_get_string(m);
	if (v[strspn(v, " \t\r\n")] == '\0') {
		bad(c, m, "'%s' %s must not be empty", key, where);
		return NULL;
	}
	if (has_control(v)) {
		bad(c, m, "'%s' %s must be plain text, without control characters "
		    "such as a tab, a newline or an escape", key, where);
		return NULL;
	}
	return copy(c, v);
}

/* The source of KEY: its own KEY_source if given, else FALLBACK. */
static const char *get_source(struct ctx *c, const setting *grp, const char *key,
                              const char *where, const char *fallback)
{
	char name[128];
	const char *s;

	snprintf(name, sizeof name, "%s_source", key);
	s = get_str(c, grp, name, where, 0);
	return s != NULL ? s : fallback;
}

/* 1 if S is an identifier: a lower-case letter, then [a-z0-9_], <= 63. */
static int is_ident(const char *s)
{
	size_t i;

	if (s == NULL || !(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	for (i = 1; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || isdigit((unsigned char)s[i]) ||
		      s[i] == '_'))
			return 0;
	return i <= 63;
}

static const char *get_ident(struct ctx *c, const setting *grp, const char *key,
                             const char *where)
{
	const char *v = get_str(c, grp, key, where, 1);
	char q[256];

	if (v != NULL && !is_ident(v)) {
		bad(c, member(c, grp, key, where, 0),
		    "'%s' %s must be a lower-case identifier like \"long_an\" "
		    "(a letter, then letters, digits or '_'; got \"%s\")",
		    key, where, quote(v, q, sizeof q));
		return NULL;
	}
	return v;
}

/* Read KEY as one of the NULL-terminated NAMES; returns its index, -1 when
 * absent and not required, -2 on an error. */
static int get_enum(struct ctx *c, const setting *grp, const char *key,
                    const char *where, int required, const char *const *names)
{
	const setting *m = member(c, grp, key, where, required);
	char list[256], q[256];
	size_t used = 0;
	const char *v;
	int i;

	if (m == NULL)
		return required ? -2 : -1;
	v = config_setting_type(m) == CONFIG_TYPE_STRING
	    ? config_setting_get_string(m) : NULL;
	for (i = 0; v != NULL && names[i] != NULL; i++)
		if (strcmp(v, names[i]) == 0)
			return i;
	list[0] = '\0';
	for (i = 0; names[i] != NULL; i++) {
		int w = snprintf(list + used, sizeof list - used, "%s\"%s\"",
		                 i == 0 ? "" : names[i + 1] == NULL ? " or " : ", ",
		                 names[i]);
		if (w < 0 || (size_t)w >= sizeof list - used)
			break;
		used += (size_t)w;
	}
	if (v == NULL)
		bad(c, m, "'%s' %s must be one of %s (got %s)", key, where, list,
		    type_name(m));
	else
		bad(c, m, "'%s' %s must be one of %s (got \"%s\")", key, where, list,
		    quote(v, q, sizeof q));
	return -2;
}

/* ---- pair lists ------------------------------------------------------- */

/* Read the pair list KEY of GRP: ( (year, value), ... ).  Years are whole,
 * strictly increasing, in [YLO, YHI]; values finite and in R.  Returns 1
 * when read (OUT filled, possibly with some pairs dropped after errors), 0
 * when absent and not required, -1 on an error. */
static int get_series(struct ctx *c, const setting *grp, const char *key,
                      const char *where, int required, int ylo, int yhi,
                      struct range r, lt_series *out)
{
	const setting *m = member(c, grp, key, where, required);
	char subject[256];
	int i, n, err = 0, prev = 0;

	memset(out, 0, sizeof *out);
	if (m == NULL)
		return required ? -1 : 0;
	if (!is_seq(m)) {
		bad(c, m, "'%s' %s must be a list of (year, value) pairs like "
		    "( (2024, 6.36), (2025, 10.0) ) (got %s)", key, where, type_name(m));
		return -1;
	}
	out->line = line_of(m);
	n = config_setting_length(m);
	out->pts = alloc_array(c, n > 0 ? (size_t)n : 1, sizeof *out->pts);
	if (out->pts == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		const setting *e = config_setting_get_elem(m, (unsigned)i);
		const setting *ey, *ev;
		long year;
		double v;

		if (!is_seq(e) || config_setting_length(e) != 2) {
			bad(c, e, "entry %d of '%s' %s must be a (year, value) pair "
			    "(got %s)", i + 1, key, where, is_seq(e) ? "a list of another "
			    "length" : type_name(e));
			err = 1;
			continue;
		}
		ey = config_setting_get_elem(e, 0);
		ev = config_setting_get_elem(e, 1);
		if (whole(ey, &year) != 0) {
			bad(c, e, "entry %d of '%s' %s must start with a whole year "
			    "(got %s)", i + 1, key, where, type_name(ey));
			err = 1;
			continue;
		}
		if (year < ylo || year > yhi) {
			bad(c, e, "year %ld in '%s' %s must be between %d and %d", year,
			    key, where, ylo, yhi);
			err = 1;
			continue;
		}
		if (out->n > 0 && year <= prev) {
			bad(c, e, "years in '%s' %s must increase (%ld after %d)", key,
			    where, year, prev);
			err = 1;
			continue;
		}
		if (!is_number(ev)) {
			bad(c, e, "the value for %ld in '%s' %s must be a number (got %s)",
			    year, key, where, type_name(ev));
			err = 1;
			continue;
		}
		v = number_of(ev);
		snprintf(subject, sizeof subject, "the value for %ld in '%s' %s",
		         year, key, where);
		if (check_number(c, e, subject, v, r) != 0) {
			err = 1;
			continue;
		}
		out->pts[out->n].year = (int)year;
		out->pts[out->n].value = v;
		out->n++;
		prev = (int)year;
	}
	return err ? -1 : 1;
}

/* ---- parameters ------------------------------------------------------- */


/* Smallest probability a truncation must keep; below it the truncated
 * distribution cannot be sampled accurately (1e-12 is where the normal
 * tail's erfc loses its last correct digits in double precision). */
#define MIN_MASS 1e-12

/* Read the distribution group M into P. */
static int get_dist(struct ctx *c, const setting *m, const char *key,
                    const char *where, lt_param *p)
{
	static const char *const keys[] = {"dist", "mean", "sd", "mu", "sigma",
	    "lo", "hi", "mode", "a", "b", "min", "max", "source", NULL};
	static const char *const fam[][5] = {
		[LT_DIST_NORMAL] = {"mean", "sd"},
		[LT_DIST_LOGNORMAL] = {"mu", "sigma"},
		[LT_DIST_UNIFORM] = {"lo", "hi"},
		[LT_DIST_TRIANGULAR] = {"lo", "mode", "hi"},
		[LT_DIST_BETA] = {"a", "b", "lo", "hi"},
	};
	char w[200];
	int k, d, err = 0, got_min, got_max;
	size_t i;

	snprintf(w, sizeof w, "in the distribution of '%s' %s", key, where);
	check_keys(c, m, w, keys, 1);
	/* "fixed" is not a family one writes: a fixed value is a plain number */
	d = get_enum(c, m, "dist", w, 1, lt_dist_names + 1);
	if (d < 0)
		return -1;
	d += 1;
	p->dist = (lt_dist)d;
	/* keys of other families are refused so that a typo is not ignored */
	for (i = 0; keys[i] != NULL; i++) {
		const char *kk = keys[i];
		int ok = !strcmp(kk, "dist") || !strcmp(kk, "min") ||
		         !strcmp(kk, "max") || !strcmp(kk, "source");
		for (k = 0; k < 5 && fam[d][k] != NULL; k++)
			ok |= !strcmp(kk, fam[d][k]);
		if (!ok && config_setting_get_member(m, kk) != NULL) {
			bad(c, config_setting_get_member(m, kk), "'%s' does not belong to "
			    "a %s distribution %s", kk, lt_dist_names[d], w);
			err = 1;
		}
	}
	if (err)
		return -1;
	switch (p->dist) {
	case LT_DIST_NORMAL:
		err |= get_num(c, m, "mean", w, 1, ANY, &p->p[0]) < 0;
		err |= get_num(c, m, "sd", w, 1, POSITIVE, &p->p[1]) < 0;
		break;
	case LT_DIST_LOGNORMAL:
		err |= get_num(c, m, "mu", w, 1, ANY, &p->p[0]) < 0;
		err |= get_num(c, m, "sigma", w, 1, POSITIVE, &p->p[1]) < 0;
		break;
	case LT_DIST_UNIFORM:
		err |= get_num(c, m, "lo", w, 1, ANY, &p->p[0]) < 0;
		err |= get_num(c, m, "hi", w, 1, ANY, &p->p[1]) < 0;
		if (!err && !(p->p[0] < p->p[1])) {
			bad(c, m, "'lo' must be below 'hi' %s", w);
			err = 1;
		}
		break;
	case LT_DIST_TRIANGULAR:
		err |= get_num(c, m, "lo", w, 1, ANY, &p->p[0]) < 0;
		err |= get_num(c, m, "mode", w, 1, ANY, &p->p[1]) < 0;
		err |= get_num(c, m, "hi", w, 1, ANY, &p->p[2]) < 0;
		if (!err && !(p->p[0] <= p->p[1] && p->p[1] <= p->p[2] &&
		              p->p[0] < p->p[2])) {
			bad(c, m, "%s: need lo <= mode <= hi and lo < hi", w);
			err = 1;
		}
		break;
	case LT_DIST_BETA:
		p->p[2] = 0.0, p->p[3] = 1.0;
		err |= get_num(c, m, "a", w, 1, POSITIVE, &p->p[0]) < 0;
		err |= get_num(c, m, "b", w, 1, POSITIVE, &p->p[1]) < 0;
		err |= get_num(c, m, "lo", w, 0, ANY, &p->p[2]) < 0;
		err |= get_num(c, m, "hi", w, 0, ANY, &p->p[3]) < 0;
		if (!err && !(p->p[2] < p->p[3])) {
			bad(c, m, "'lo' must be below 'hi' %s", w);
			err = 1;
		}
		break;
	case LT_DIST_FIXED:
		break;
	}
	got_min = get_num(c, m, "min", w, 0, ANY, &p->min);
	got_max = get_num(c, m, "max", w, 0, ANY, &p->max);
	if (err || got_min < 0 || got_max < 0)
		return -1;
	if (got_min == 1 && got_max == 1 && !(p->min < p->max)) {
		bad(c, m, "'min' must be below 'max' %s", w);
		return -1;
	}
	if (lt_param_mass(p, p->min, p->max) < MIN_MASS) {
		bad(c, m, "the truncation [min, max] %s keeps none of the "
		    "distribution: it must overlap its support", w);
		return -1;
	}
	p->source = get_str(c, m, "source", w, 0);
	return 0;
}

/* Read parameter KEY of GRP (a number or a distribution) into P; its values
 * must lie in R (for a distribution: its support after truncation). */
static int get_param(struct ctx *c, const setting *grp, const char *key,
                     const char *where, int required, struct range r,
                     const char *fallback_source, lt_param *p)
{
	const setting *m = member(c, grp, key, where, required);
	double lo, hi;
	char t[96];

	memset(p, 0, sizeof *p);
	p->min = -HUGE_VAL;
	p->max = HUGE_VAL;
	if (m == NULL)
		return required ? -1 : 0;
	p->line = line_of(m);
	p->source = fallback_source;
	if (is_number(m)) {
		p->dist = LT_DIST_FIXED;
		if (get_num(c, grp, key, where, 1, r, &p->value) < 0)
			return -1;
		p->set = 1;
		p->source = get_source(c, grp, key, where, fallback_source);
		return 1;
	}
	if (config_setting_type(m) != CONFIG_TYPE_GROUP) {
		bad(c, m, "'%s' %s must be a number or a distribution group "
		    "{ dist = \"normal\"; ... } (got %s)", key, where, type_name(m));
		return -1;
	}
	if (get_dist(c, m, key, where, p) != 0)
		return -1;
	if (p->source == NULL)
		p->source = fallback_source;
	lt_param_support(p, &lo, &hi);
	lo = fmax(lo, p->min);
	hi = fmin(hi, p->max);
	if (!in_range(lo, r) || !in_range(hi, r)) {
		bad(c, m, "the distribution of '%s' %s must stay %s; give 'min' and "
		    "'max' inside that range", key, where, range_text(r, t, sizeof t));
		return -1;
	}
	p->set = 1;
	return 1;
}

/* The value a parameter takes in the deterministic run: the number, or
 * the mean of its (truncated) distribution. */
static double central(const lt_param *p)
{
	return p->dist == LT_DIST_FIXED ? p->value : lt_param_mean(p);
}

/* ---- years ------------------------------------------------------------ */

/* Earliest year that history and bases may speak of. */
static int year_back(const struct ctx *c)
{
	return c->years_ok ? c->s->baseline_year - BACK_YEARS : YEAR_MIN;
}

static int year_horizon(const struct ctx *c)
{
	return c->years_ok ? c->s->horizon : YEAR_MAX;
}

static void load_years(struct ctx *c, const setting *root)
{
	static const char *const keys[] = {"baseline", "horizon", NULL};
	const setting *g = group(c, root, "years", "at the top level", 0);
	lt_scenario *s = c->s;
	int ok;

	if (g == NULL)
		return;
	check_keys(c, g, "in 'years'", keys, 1);
	ok = get_int(c, g, "baseline", "in 'years'", 1, YEAR_MIN, YEAR_MAX,
	             &s->baseline_year) == 1;
	ok &= get_int(c, g, "horizon", "in 'years'", 1, YEAR_MIN, YEAR_MAX,
	              &s->horizon) == 1;
	if (!ok)
		return;
	if (s->horizon <= s->baseline_year) {
		bad(c, member(c, g, "horizon", "", 0), "'horizon' in 'years' must "
		    "be after 'baseline' (got %d, baseline %d)", s->horizon,
		    s->baseline_year);
		return;
	}
	if (s->horizon - s->baseline_year > MAX_SPAN) {
		bad(c, member(c, g, "horizon", "", 0), "'horizon' in 'years' must "
		    "be at most %d years after 'baseline' (got %d)", MAX_SPAN,
		    s->horizon);
		return;
	}
	c->years_ok = 1;
}

/* ---- channels --------------------------------------------------------- */

static void load_channels(struct ctx *c, const setting *root)
{
	static const char *const keys[] = {"allocation", "delta", "eta",
	    "capital0", "source", NULL};
	const setting *g = group(c, root, "channels", "at the top level", 0);
	lt_scenario *s = c->s;
	double sum = 0.0;
	int i, n, all = 1;

	if (g == NULL)
		return;
	n = config_setting_length(g);
	if (n == 0) {
		bad(c, g, "'channels' must hold at least one channel, e.g. "
		    "digital = { allocation = 1.0; ... }");
		return;
	}
	s->channels = alloc_array(c, (size_t)n, sizeof *s->channels);
	if (s->channels == NULL)
		return;
	for (i = 0; i < n; i++) {
		const setting *m = config_setting_get_elem(g, (unsigned)i);
		const char *name = config_setting_name(m);
		lt_channel *ch = &s->channels[s->n_channels];
		char where[128], q[256];

		if (!is_ident(name)) {
			bad(c, m, "channel name '%s' must be a lower-case identifier "
			    "like digital", quote(name, q, sizeof q));
			all = 0;
			continue;
		}
		if (config_setting_type(m) != CONFIG_TYPE_GROUP) {
			bad(c, m, "channel '%s' must be a group { allocation = ...; } "
			    "(got %s)", name, type_name(m));
			all = 0;
			continue;
		}
		snprintf(where, sizeof where, "in channel '%s'", name);
		check_keys(c, m, where, keys, 1);
		ch->id = copy(c, name);
		ch->line = line_of(m);
		ch->source = get_str(c, m, "source", where, 1);
		ch->allocation_source = get_source(c, m, "allocation", where,
		                                   ch->source);
		if (get_num(c, m, "allocation", where, 1, UNIT, &ch->allocation) == 1)
			sum += ch->allocation;
		else
			all = 0;
		get_param(c, m, "delta", where, 1, UNIT, ch->source, &ch->delta);
		get_param(c, m, "eta", where, 1, UNIT, ch->source, &ch->eta);
		ch->has_capital0 = get_num(c, m, "capital0", where, 0, NONNEG,
		                           &ch->capital0) == 1;
		s->n_channels++;
	}
	if (all && fabs(sum - 1.0) > ALLOC_TOL)
		bad(c, g, "the 'allocation' values of the channels must add up to 1 "
		    "(got %.10g)", sum);
}

/* ---- indicators ------------------------------------------------------- */

/* The range an indicator's values must lie in: its kind's range narrowed
 * by floor and ceiling. */
static struct range value_range(const lt_indicator *ind)
{
	struct range r = {0, 0, 0, 0};

	lt_kind_range(ind->kind, ind->rank_of, &r.lo, &r.hi);
	if (ind->has_floor)
		r.lo = fmax(r.lo, ind->floor);
	if (ind->has_ceiling)
		r.hi = fmin(r.hi, ind->ceiling);
	return r;
}

static void load_bounds(struct ctx *c, const setting *e, const char *where,
                        lt_indicator *ind)
{
	struct range nat = {0, 0, 0, 0};
	int f, u;

	lt_kind_range(ind->kind, ind->rank_of, &nat.lo, &nat.hi);
	if (ind->kind == LT_KIND_RANK) {
		if (config_setting_get_member(e, "floor") != NULL ||
		    config_setting_get_member(e, "ceiling") != NULL)
			bad(c, e, "'floor' and 'ceiling' %s do not apply to a rank "
			    "(its range is 1 to 'rank_of')", where);
		return;
	}
	f = get_num(c, e, "floor", where, 0, nat, &ind->floor);
	u = get_num(c, e, "ceiling", where, 0, nat, &ind->ceiling);
	if (f == 1 && u == 1 && !(ind->floor < ind->ceiling)) {
		bad(c, member(c, e, "ceiling", where, 0), "'ceiling' %s must be above "
		    "'floor' (got %.10g and %.10g)", where, ind->ceiling, ind->floor);
		return;
	}
	if (f == 0) {
		ind->floor = nat.lo;
		f = 1;
	}
	if (u == 0 && ind->kind != LT_KIND_COUNT) {
		ind->ceiling = nat.hi;
		u = 1;
	}
	ind->has_floor = f == 1;
	ind->has_ceiling = u == 1;
}

static void load_target(struct ctx *c, const setting *e, const char *where,
                        lt_indicator *ind)
{
	static const char *const keys[] = {"value", "direction", "min", "max",
	    "year", "source", NULL};
	static const char *const dirs[] = {">=", "<=", NULL};
	const setting *g = group(c, e, "target", where, 1);
	lt_target *t = &ind->target;
	struct range vr = value_range(ind);
	char w[160];
	int d;

	if (g == NULL)
		return;
	snprintf(w, sizeof w, "in 'target' %s", where);
	check_keys(c, g, w, keys, 1);
	t->line = line_of(g);
	t->source = get_str(c, g, "source", w, 0);
	if (t->source == NULL)
		t->source = ind->source;
	get_int(c, g, "year", w, 1, ind->baseline_year + 1, year_horizon(c),
	        &t->year);
	if (config_setting_get_member(g, "min") != NULL ||
	    config_setting_get_member(g, "max") != NULL) {
		int a, b;

		t->is_range = 1;
		if (config_setting_get_member(g, "value") != NULL ||
		    config_setting_get_member(g, "direction") != NULL)
			bad(c, g, "a range target %s has 'min' and 'max', not 'value' "
			    "or 'direction'", where);
		a = get_num(c, g, "min", w, 1, vr, &t->min);
		b = get_num(c, g, "max", w, 1, vr, &t->max);
		if (a == 1 && b == 1 && !(t->min < t->max))
			bad(c, g, "'min' must be below 'max' %s (got %.10g and %.10g)", w,
			    t->min, t->max);
		if (ind->kind == LT_KIND_RANK)
			bad(c, g, "the target %s must be a value with direction \"<=\", "
			    "not a range", where);
		return;
	}
	get_num(c, g, "value", w, 1, vr, &t->value);
	d = get_enum(c, g, "direction", w, 1, dirs);
	if (d >= 0)
		t->direction = d == 0 ? +1 : -1;
	if (d == 0 && ind->kind == LT_KIND_RANK)
		bad(c, member(c, g, "direction", w, 0), "'direction' %s must be "
		    "\"<=\": a rank is better when lower", w);
}

/* The kind of indicator whose business-as-usual prior applies:
 * prior = "adoption"; one of the names in prior.c. */
static void load_prior(struct ctx *c, const setting *g, const char *w,
                       lt_indicator *ind)
{
	const setting *m = config_setting_get_member(g, "prior");
	char names[256] = "", q[64];
	size_t i, len = 0;

	ind->prior = get_str(c, g, "prior", w, 0);
	if (ind->prior == NULL || lt_prior_find(ind->prior) != NULL) {
		ind->prior_line = line_of(m);
		return;
	}
	for (i = 0; lt_priors[i].name != NULL && len < sizeof names; i++)
		len += (size_t)snprintf(names + len, sizeof names - len, "%s%s",
		                        i > 0 ? ", " : "", lt_priors[i].name);
	bad(c, m, "'prior' %s names no known kind of indicator (got '%s'); "
	    "expected one of: %s", w, quote(ind->prior, q, sizeof q), names);
	ind->prior = NULL;
}

static void load_model(struct ctx *c, const setting *e, const char *where,
                       lt_indicator *ind)
{
	static const char *const keys[] = {"r", "beta", "sigma", "prior",
	    "spillover", "source", NULL};
	/* Rates per year in the logit: |r| up to 5 a year already moves an
	 * indicator from 1% to 99% of its range in two years. */
	static const struct range RATE = {-5.0, 5.0, 0, 0};
	/* Responsiveness per percentage point of GRDP of capital intensity. */
	static const struct range BETA = {-100.0, 100.0, 0, 0};
	/* Shock sd in the logit a year. */
	static const struct range SIGMA = {0.0, 5.0, 0, 0};
	const setting *g = group(c, e, "model", where, 0);
	const setting *sp;
	const char *src;
	char w[160];

	if (g == NULL)
		return;
	snprintf(w, sizeof w, "in 'model' %s", where);
	if (ind->kind == LT_KIND_RANK) {
		bad(c, g, "'model' %s does not apply: ranks get paths and audits "
		    "but no dynamics", where);
		return;
	}
	check_keys(c, g, w, keys, 1);
	src = get_str(c, g, "source", w, 0);
	if (src == NULL)
		src = ind->source;
	get_param(c, g, "r", w, 0, RATE, src, &ind->r);
	get_param(c, g, "beta", w, 0, BETA, src, &ind->beta);
	get_param(c, g, "sigma", w, 0, SIGMA, src, &ind->sigma);
	load_prior(c, g, w, ind);
	sp = group(c, g, "spillover", w, 0);
	if (sp != NULL && config_setting_length(sp) > 0) {
		/* resolved in check_spillovers once every indicator is known */
		ind->spill = alloc_array(c, (size_t)config_setting_length(sp),
		                         sizeof *ind->spill);
	}
}

/* The plausible-pace bound: pace = { max_step = 2.1; source = "..."; }. */
static void load_pace(struct ctx *c, const setting *e, const char *where,
                      lt_indicator *ind)
{
	static const char *const keys[] = {"max_step", "source", NULL};
	const setting *g = group(c, e, "pace", where, 0);
	char w[160];

	if (g == NULL)
		return;
	snprintf(w, sizeof w, "in 'pace' %s", where);
	check_keys(c, g, w, keys, 1);
	ind->has_pace = get_num(c, g, "max_step", w, 1, POSITIVE,
	                        &ind->pace_max_step) == 1;
	ind->pace_source = get_str(c, g, "source", w, 1);
}

static void load_indicator(struct ctx *c, const setting *e, int i,
                           lt_indicator *ind)
{
	static const char *const keys[] = {"id", "name", "name_vi", "unit",
	    "unit_vi", "kind", "rank_of", "floor", "ceiling", "history",
	    "baseline", "baseline_year", "target", "milestones", "pace",
	    "channel", "model", "source", NULL};
	char where[128], q[256];
	const char *ch;
	struct range vr;
	int k, lo_year = year_back(c);

	snprintf(where, sizeof where, "in entry %d of 'indicators'", i + 1);
	ind->line = line_of(e);
	ind->channel = -1;
	ind->id = get_ident(c, e, "id", where);
	if (ind->id != NULL)
		snprintf(where, sizeof where, "for indicator '%s'", ind->id);
	check_keys(c, e, where, keys, 1);
	ind->source = get_str(c, e, "source", where, 1);
	ind->name = get_str(c, e, "name", where, 1);
	ind->name_vi = get_str(c, e, "name_vi", where, 1);
	ind->unit = get_str(c, e, "unit", where, 1);
	ind->unit_vi = get_str(c, e, "unit_vi", where, 0);
	k = get_enum(c, e, "kind", where, 1, lt_kind_names);
	ind->kind = k >= 0 ? (lt_kind)k : LT_KIND_SHARE;
	if (ind->kind == LT_KIND_RANK) {
		if (get_int(c, e, "rank_of", where, 1, 2, 10000, &ind->rank_of) != 1)
			ind->rank_of = 10000;
	} else if (config_setting_get_member(e, "rank_of") != NULL) {
		bad(c, config_setting_get_member(e, "rank_of"), "'rank_of' %s applies "
		    "only to kind \"rank\"", where);
	}
	load_bounds(c, e, where, ind);
	vr = value_range(ind);
	ind->baseline_year = c->years_ok ? c->s->baseline_year : YEAR_MIN;
	get_int(c, e, "baseline_year", where, 0, lo_year,
	        c->years_ok ? c->s->horizon - 1 : YEAR_MAX, &ind->baseline_year);
	get_series(c, e, "history", where, 0, YEAR_MIN, ind->baseline_year, vr,
	           &ind->history);
	ind->history.source = get_source(c, e, "history", where, ind->source);
	ind->has_baseline = get_num(c, e, "baseline", where, 0, vr,
	                            &ind->baseline) == 1;
	if (config_setting_get_member(e, "baseline") != NULL && !ind->has_baseline)
		ind->has_baseline = -1; /* given but bad: no second error later */
	ind->baseline_source = get_source(c, e, "baseline", where, ind->source);
	ind->baseline_year_source = get_source(c, e, "baseline_year", where,
	                                       ind->source);
	load_target(c, e, where, ind);
	get_series(c, e, "milestones", where, 0, ind->baseline_year + 1,
	           year_horizon(c), vr, &ind->milestones);
	ind->milestones.source = get_source(c, e, "milestones", where,
	                                    ind->source);
	load_pace(c, e, where, ind);
	ch = get_str(c, e, "channel", where, 0);
	if (ch != NULL && ind->kind == LT_KIND_RANK) {
		bad(c, member(c, e, "channel", where, 0), "'channel' %s does not "
		    "apply: ranks get paths and audits but no dynamics", where);
	} else if (ch != NULL) {
		ind->channel = lt_scenario_find_channel(c->s, ch);
		if (ind->channel < 0)
			bad(c, member(c, e, "channel", where, 0), "'channel' %s must "
			    "name one of the scenario's channels (got \"%s\")", where,
			    quote(ch, q, sizeof q));
	}
	load_model(c, e, where, ind);
}

static void load_indicators(struct ctx *c, const setting *root)
{
	const setting *l = member(c, root, "indicators", "at the top level", 0);
	lt_scenario *s = c->s;
	int i, j, n;

	if (l == NULL)
		return;
	if (config_setting_type(l) != CONFIG_TYPE_LIST) {
		bad(c, l, "'indicators' must be a list ( { id = ...; }, ... ) "
		    "(got %s)", type_name(l));
		return;
	}
	n = config_setting_length(l);
	if (n == 0) {
		bad(c, l, "'indicators' must hold at least one indicator");
		return;
	}
	s->indicators = alloc_array(c, (size_t)n, sizeof *s->indicators);
	if (s->indicators == NULL)
		return;
	for (i = 0; i < n; i++) {
		const setting *e = config_setting_get_elem(l, (unsigned)i);

		if (config_setting_type(e) != CONFIG_TYPE_GROUP) {
			bad(c, e, "entry %d of 'indicators' must be a group "
			    "{ id = ...; } (got %s)", i + 1, type_name(e));
			continue;
		}
		load_indicator(c, e, i, &s->indicators[s->n_indicators]);
		for (j = 0; j < (int)s->n_indicators; j++) {
			const char *a = s->indicators[j].id;
			const char *b = s->indicators[s->n_indicators].id;
			if (a != NULL && b != NULL && strcmp(a, b) == 0)
				bad(c, e, "indicator '%s' is defined twice (first at "
				    "line %d)", b, s->indicators[j].line);
		}
		s->n_indicators++;
	}
}

/* Resolve each indicator's `model.spillover` group now that every indicator
 * id is known. */
static void load_spillovers(struct ctx *c, const setting *root)
{
	const setting *l = config_setting_get_member(root, "indicators");
	lt_scenario *s = c->s;
	size_t k = 0;
	int i, j;

	if (l == NULL || config_setting_type(l) != CONFIG_TYPE_LIST)
		return;
	for (i = 0; i < config_setting_length(l) && k < s->n_indicators; i++) {
		const setting *e = config_setting_get_elem(l, (unsigned)i);
		const setting *sp;
		lt_indicator *ind;
		char where[160], q[256];

		if (config_setting_type(e) != CONFIG_TYPE_GROUP)
			continue;
		ind = &s->indicators[k++];
		sp = config_setting_lookup((setting *)e, "model.spillover");
		if (sp == NULL || ind->spill == NULL ||
		    config_setting_type(sp) != CONFIG_TYPE_GROUP)
			continue;
		snprintf(where, sizeof where, "in 'spillover' for indicator '%s'",
		         ind->id != NULL ? ind->id : "?");
		for (j = 0; j < config_setting_length(sp); j++) {
			const setting *m = config_setting_get_elem(sp, (unsigned)j);
			const char *name = config_setting_name(m);
			int from = lt_scenario_find_indicator(s, name);
			double g;

			if (from < 0) {
				bad(c, m, "'%s' %s must name another indicator of the "
				    "scenario", quote(name, q, sizeof q), where);
				continue;
			}
			if ((size_t)from == k - 1) {
				bad(c, m, "an indicator cannot spill over to itself (%s)",
				    where);
				continue;
			}
			if (s->indicators[from].kind == LT_KIND_RANK) {
				bad(c, m, "'%s' %s is a rank, which has no dynamics to "
				    "spill over", name, where);
				continue;
			}
			if (get_num(c, sp, name, where, 1,
			            (struct range){-100.0, 100.0, 0, 0}, &g) != 1)
				continue;
			ind->spill[ind->n_spill].from = (size_t)from;
			ind->spill[ind->n_spill].gamma = g;
			ind->n_spill++;
		}
	}
}

/* ---- province --------------------------------------------------------- */

static void load_component(struct ctx *c, const setting *e, int i,
                           lt_component *cp)
{
	static const char *const keys[] = {"id", "name", "name_vi", "weight",
	    "values", "source", NULL};
	const setting *v;
	char where[128], q[256];
	int j;

	snprintf(where, sizeof where, "in entry %d of 'components'", i + 1);
	cp->line = line_of(e);
	cp->id = get_ident(c, e, "id", where);
	if (cp->id != NULL)
		snprintf(where, sizeof where, "in component '%s'", cp->id);
	check_keys(c, e, where, keys, 1);
	cp->name = get_str(c, e, "name", where, 1);
	cp->name_vi = get_str(c, e, "name_vi", where, 1);
	cp->source = get_str(c, e, "source", where, 1);
	cp->weight = 1.0;
	get_num(c, e, "weight", where, 0, POSITIVE, &cp->weight);
	cp->weight_source = get_source(c, e, "weight", where, cp->source);
	v = group(c, e, "values", where, 1);
	if (v == NULL)
		return;
	cp->values = alloc_array(c, (size_t)config_setting_length(v) + 1,
	                         sizeof *cp->values);
	if (cp->values == NULL)
		return;
	for (j = 0; j < config_setting_length(v); j++) {
		const setting *m = config_setting_get_elem(v, (unsigned)j);
		const char *name = config_setting_name(m);
		int k = lt_scenario_find_indicator(c->s, name);
		lt_component_value *cv = &cp->values[cp->n_values];
		char w[160];

		if (k < 0) {
			bad(c, m, "'%s' in 'values' %s must name an indicator of the "
			    "scenario", quote(name, q, sizeof q), where);
			continue;
		}
		snprintf(w, sizeof w, "in 'values' %s", where);
		if (get_num(c, v, name, w, 1, value_range(&c->s->indicators[k]),
		            &cv->value) != 1)
			continue;
		cv->indicator = (size_t)k;
		cv->line = line_of(m);
		cp->n_values++;
	}
}

/* Merged baselines: the weighted mean of the components' values. */
static void merge_components(struct ctx *c, const setting *l)
{
	lt_scenario *s = c->s;
	lt_province *p = &s->province;
	double wsum = 0.0;
	size_t i, j, k;

	for (i = 0; i < p->n_components; i++)
		wsum += p->components[i].weight;
	for (i = 0; i < p->n_components; i++)
		p->components[i].weight /= wsum;
	for (k = 0; k < s->n_indicators; k++) {
		lt_indicator *ind = &s->indicators[k];
		size_t have = 0;
		double m = 0.0;

		for (i = 0; i < p->n_components; i++)
			for (j = 0; j < p->components[i].n_values; j++)
				if (p->components[i].values[j].indicator == k) {
					m += p->components[i].weight *
					     p->components[i].values[j].value;
					have++;
				}
		if (have == 0)
			continue;
		if (have != p->n_components) {
			bad(c, l, "every component must give a value for '%s' or none "
			    "does (%zu of %zu do)", ind->id, have, p->n_components);
			continue;
		}
		ind->has_merged = 1;
		ind->merged_baseline = m;
	}
}

static void load_province(struct ctx *c, const setting *root)
{
	static const char *const keys[] = {"id", "name", "name_vi", "source",
	    "components", NULL};
	const setting *g = group(c, root, "province", "at the top level", 0);
	const setting *l;
	lt_province *p = &c->s->province;
	int i, n;

	if (g == NULL)
		return;
	check_keys(c, g, "in 'province'", keys, 1);
	p->id = get_ident(c, g, "id", "in 'province'");
	p->name = get_str(c, g, "name", "in 'province'", 1);
	p->name_vi = get_str(c, g, "name_vi", "in 'province'", 1);
	p->source = get_str(c, g, "source", "in 'province'", 1);
	l = member(c, g, "components", "in 'province'", 0);
	if (l == NULL)
		return;
	if (config_setting_type(l) != CONFIG_TYPE_LIST ||
	    config_setting_length(l) < 2) {
		bad(c, l, "'components' in 'province' must be a list of at least two "
		    "groups ( { id = ...; }, { id = ...; } )");
		return;
	}
	n = config_setting_length(l);
	p->components = alloc_array(c, (size_t)n, sizeof *p->components);
	if (p->components == NULL)
		return;
	for (i = 0; i < n; i++) {
		const setting *e = config_setting_get_elem(l, (unsigned)i);

		if (config_setting_type(e) != CONFIG_TYPE_GROUP) {
			bad(c, e, "entry %d of 'components' must be a group (got %s)",
			    i + 1, type_name(e));
			return;
		}
		load_component(c, e, i, &p->components[p->n_components++]);
	}
	merge_components(c, l);
}

/* ---- economy and budget ----------------------------------------------- */

/* Growth rates, % a year: a halving or a doubling a year bounds anything a
 * provincial economy or budget does. */
static const struct range GROWTH = {-50.0, 100.0, 0, 0};

static void load_economy(struct ctx *c, const setting *root)
{
	static const char *const keys[] = {"grdp", "grdp_year", "growth_pct",
	    "source", NULL};
	const char *w = "in 'economy'";
	const setting *g = group(c, root, "economy", "at the top level", 0);
	lt_economy *e = &c->s->economy;
	const char *src;

	if (g == NULL)
		return;
	check_keys(c, g, w, keys, 1);
	e->line = line_of(g);
	src = get_str(c, g, "source", w, 1);
	get_num(c, g, "grdp", w, 1, POSITIVE, &e->grdp);
	e->grdp_year = c->s->baseline_year;
	get_int(c, g, "grdp_year", w, 0, year_back(c),
	        c->years_ok ? c->s->baseline_year : YEAR_MAX, &e->grdp_year);
	if (get_param(c, g, "growth_pct", w, 1, GROWTH, src, &e->growth) > 0)
		e->growth_pct = central(&e->growth);
	e->grdp_source = get_source(c, g, "grdp", w, src);
	e->growth_source = e->growth.source;
}

static void load_schedule(struct ctx *c, const setting *b, lt_schedule *sc)
{
	static const char *const keys[] = {"kind", "share_pct", "from_pct",
	    "to_pct", "to_year", "shares", "source", NULL};
	static const char *const own[][4] = {
		[LT_SCHED_CONSTANT] = {"share_pct"},
		[LT_SCHED_RAMP] = {"from_pct", "to_pct", "to_year"},
		[LT_SCHED_PER_YEAR] = {"shares"},
		[LT_SCHED_PROGRAMS] = {NULL},
	};
	const char *w = "in 'schedule' of 'budget'";
	const setting *g = group(c, b, "schedule", "in 'budget'", 1);
	int k, i, j;

	if (g == NULL)
		return;
	check_keys(c, g, w, keys, 1);
	sc->line = line_of(g);
	sc->source = get_str(c, g, "source", w, 0);
	k = get_enum(c, g, "kind", w, 1, lt_sched_names);
	if (k < 0)
		return;
	sc->kind = (lt_sched)k;
	for (i = 1; i < 6; i++) {
		int ok = 0;
		for (j = 0; j < 4 && own[k][j] != NULL; j++)
			ok |= strcmp(keys[i], own[k][j]) == 0;
		if (!ok && config_setting_get_member(g, keys[i]) != NULL)
			bad(c, config_setting_get_member(g, keys[i]), "'%s' does not "
			    "belong to a \"%s\" schedule %s", keys[i], lt_sched_names[k], w);
	}
	switch (sc->kind) {
	case LT_SCHED_CONSTANT:
		get_num(c, g, "share_pct", w, 1, PERCENT, &sc->share_pct);
		break;
	case LT_SCHED_RAMP:
		get_num(c, g, "from_pct", w, 1, PERCENT, &sc->from_pct);
		get_num(c, g, "to_pct", w, 1, PERCENT, &sc->to_pct);
		get_int(c, g, "to_year", w, 1,
		        c->years_ok ? c->s->baseline_year + 1 : YEAR_MIN,
		        year_horizon(c), &sc->to_year);
		break;
	case LT_SCHED_PER_YEAR:
		if (get_series(c, g, "shares", w, 1,
		               c->years_ok ? c->s->baseline_year : YEAR_MIN,
		               year_horizon(c), PERCENT, &sc->shares) == 1 &&
		    sc->shares.n == 0)
			bad(c, g, "'shares' %s must list at least one (year, share) "
			    "pair", w);
		break;
	case LT_SCHED_PROGRAMS:
		break;
	}
}

static void load_cofinancing(struct ctx *c, const setting *b, lt_budget *bu)
{
	static const char *const keys[] = {"kind", "ratio", "source", NULL};
	static const char *const kinds[] = {"none", "ratio", "programs", NULL};
	/* Non-state money per unit of public money: 10 is far above any plan
	 * (Resolution 57 asks for 60% non-state R&D, a ratio of 1.5). */
	static const struct range RATIO = {0.0, 10.0, 0, 0};
	const char *w = "in 'cofinancing' of 'budget'";
	const setting *g = group(c, b, "cofinancing", "in 'budget'", 0);
	int k;

	if (g == NULL)
		return;
	check_keys(c, g, w, keys, 1);
	bu->cofin_source = get_str(c, g, "source", w, 0);
	k = get_enum(c, g, "kind", w, 1, kinds);
	if (k < 0)
		return;
	bu->cofin = (lt_cofin)k;
	if (bu->cofin == LT_COFIN_RATIO) {
		if (get_param(c, g, "ratio", w, 1, RATIO, bu->cofin_source,
		              &bu->cofin_param) > 0)
			bu->cofin_ratio = central(&bu->cofin_param);
	}
	else if (config_setting_get_member(g, "ratio") != NULL)
		bad(c, config_setting_get_member(g, "ratio"), "'ratio' %s belongs "
		    "only to kind \"ratio\"", w);
}

static void load_budget(struct ctx *c, const setting *root)
{
	static const char *const keys[] = {"base", "amount", "year",
	    "growth_pct", "rule_min_share_pct", "schedule", "cofinancing",
	    "spending_history", "share_history", "source", NULL};
	static const char *const bases[] = {"total", "recurrent", NULL};
	const char *w = "in 'budget'";
	const setting *g = group(c, root, "budget", "at the top level", 0);
	lt_budget *b = &c->s->budget;
	const char *src;
	int k, back = year_back(c);
	int now = c->years_ok ? c->s->baseline_year : YEAR_MAX;

	if (g == NULL)
		return;
	check_keys(c, g, w, keys, 1);
	b->line = line_of(g);
	src = get_str(c, g, "source", w, 1);
	k = get_enum(c, g, "base", w, 1, bases);
	b->base = k == 1 ? LT_BASE_RECURRENT : LT_BASE_TOTAL;
	get_num(c, g, "amount", w, 1, POSITIVE, &b->amount);
	get_int(c, g, "year", w, 1, back, year_horizon(c), &b->year);
	if (get_param(c, g, "growth_pct", w, 1, GROWTH, src, &b->growth) > 0)
		b->growth_pct = central(&b->growth);
	b->has_rule = get_num(c, g, "rule_min_share_pct", w, 0, PERCENT,
	                      &b->rule_min_share_pct) == 1;
	b->amount_source = get_source(c, g, "amount", w, src);
	b->growth_source = b->growth.source;
	b->rule_source = get_source(c, g, "rule_min_share_pct", w, src);
	load_schedule(c, g, &b->schedule);
	if (b->schedule.source == NULL)
		b->schedule.source = get_source(c, g, "schedule", w, src);
	load_cofinancing(c, g, b);
	if (b->cofin_source == NULL)
		b->cofin_source = get_source(c, g, "cofinancing", w, src);
	get_series(c, g, "spending_history", w, 0, back, now, NONNEG,
	           &b->spending_history);
	b->spending_history.source = get_source(c, g, "spending_history", w, src);
	get_series(c, g, "share_history", w, 0, back, now, PERCENT,
	           &b->share_history);
	b->share_history.source = get_source(c, g, "share_history", w, src);
}

/* ---- programs --------------------------------------------------------- */

static void load_totals(struct ctx *c, const setting *parent, const char *key,
                        const char *where, lt_totals *t)
{
	static const char *const keys[] = {"total", "state", "other", "source",
	                                   NULL};
	const setting *g = group(c, parent, key, where, 0);
	char w[200];

	if (g == NULL)
		return;
	snprintf(w, sizeof w, "in '%s' %s", key, where);
	check_keys(c, g, w, keys, 1);
	t->line = line_of(g);
	t->has_total = get_num(c, g, "total", w, 0, NONNEG, &t->total) == 1;
	t->has_state = get_num(c, g, "state", w, 0, NONNEG, &t->state) == 1;
	t->has_other = get_num(c, g, "other", w, 0, NONNEG, &t->other) == 1;
	t->source = get_str(c, g, "source", w, 0);
	if (!t->has_total && !t->has_state && !t->has_other)
		bad(c, g, "'%s' %s must give at least one of 'total', 'state' or "
		    "'other'", key, where);
}


static void load_splits(struct ctx *c, const setting *e, const char *where,
                        lt_task *t)
{
	const setting *l = member(c, e, "split", where, 0);
	double sum = 0.0;
	int i, n;

	if (l == NULL)
		return;
	if (!is_seq(l)) {
		bad(c, l, "'split' %s must be a list of (from, to, amount) triples "
		    "(got %s)", where, type_name(l));
		return;
	}
	n = config_setting_length(l);
	t->splits = alloc_array(c, n > 0 ? (size_t)n : 1, sizeof *t->splits);
	if (t->splits == NULL)
		return;
	for (i = 0; i < n; i++) {
		const setting *x = config_setting_get_elem(l, (unsigned)i);
		lt_split *sp = &t->splits[t->n_splits];
		long from, to;
		double amount;

		if (!is_seq(x) || config_setting_length(x) != 3 ||
		    whole(config_setting_get_elem(x, 0), &from) != 0 ||
		    whole(config_setting_get_elem(x, 1), &to) != 0 ||
		    !is_number(config_setting_get_elem(x, 2))) {
			bad(c, x, "entry %d of 'split' %s must be (from year, to year, "
			    "amount), e.g. (2026, 2030, 3200.0)", i + 1, where);
			return;
		}
		amount = number_of(config_setting_get_elem(x, 2));
		if (from > to || from < t->start || to > t->end) {
			bad(c, x, "entry %d of 'split' %s must lie inside the task's "
			    "years %d-%d, 'from' no later than 'to' (got %ld-%ld)", i + 1,
			    where, t->start, t->end, from, to);
			return;
		}
		if (t->n_splits > 0 && from <= t->splits[t->n_splits - 1].to) {
			bad(c, x, "entry %d of 'split' %s overlaps the one before it",
			    i + 1, where);
			return;
		}
		if (check_number(c, x, "the amount in 'split'", amount, NONNEG) != 0)
			return;
		sp->from = (int)from;
		sp->to = (int)to;
		sp->amount = amount;
		sum += amount;
		t->n_splits++;
	}
	if (!t->has_state) {
		bad(c, l, "'split' %s needs the task's 'state' amount", where);
		return;
	}
	if (fabs(sum - t->state) > SPLIT_RTOL * fmax(1.0, t->state))
		bad(c, l, "the amounts in 'split' %s add up to %.10g, not the "
		    "task's 'state' %.10g", where, sum, t->state);
}

static void load_task(struct ctx *c, const setting *e, const char *part,
                      int i, const lt_part *pt, lt_task *t)
{
	static const char *const keys[] = {"no", "group", "name", "name_vi",
	    "period", "start", "end", "state", "other", "split", NULL};
	char where[512], q[256];
	const char *grp;
	size_t g;
	int a, b, back = year_back(c), hi = year_horizon(c);

	snprintf(where, sizeof where, "in entry %d of 'tasks' of part '%s'",
	         i + 1, part);
	t->line = line_of(e);
	t->no = get_str(c, e, "no", where, 1);
	if (t->no != NULL)
		snprintf(where, sizeof where, "in task %s of part '%s'",
		         quote(t->no, q, sizeof q), part);
	check_keys(c, e, where, keys, 1);
	t->name_vi = get_str(c, e, "name_vi", where, 1);
	t->name = get_str(c, e, "name", where, 0);
	t->period = get_str(c, e, "period", where, 1);
	grp = get_str(c, e, "group", where, 1);
	if (grp != NULL) {
		for (g = 0; g < pt->n_groups; g++)
			if (pt->groups[g].id != NULL && strcmp(pt->groups[g].id, grp) == 0)
				break;
		if (g == pt->n_groups)
			bad(c, member(c, e, "group", where, 0), "'group' %s must be the "
			    "id of one of the part's groups (got \"%s\")", where,
			    quote(grp, q, sizeof q));
		t->group = g < pt->n_groups ? g : 0;
	}
	a = get_int(c, e, "start", where, 0, back, hi, &t->start);
	b = get_int(c, e, "end", where, 0, back, hi, &t->end);
	if ((a == 0 || b == 0) && t->period != NULL) {
		int ps, pe;

		if (lt_period_parse(t->period, &ps, &pe) != 0) {
			bad(c, member(c, e, "period", where, 0), "cannot read the years "
			    "of 'period' %s (\"%s\"): it must start with YYYY or "
			    "YYYY - YYYY, or give 'start' and 'end'", where,
			    quote(t->period, q, sizeof q));
			return;
		}
		if (a == 0)
			t->start = ps;
		if (b == 0)
			t->end = pe;
		if ((a == 0 && (ps < back || ps > hi)) ||
		    (b == 0 && (pe < back || pe > hi))) {
			bad(c, member(c, e, "period", where, 0), "the years of 'period' "
			    "%s (%d-%d) must lie between %d and %d", where, ps, pe, back,
			    hi);
			return;
		}
	}
	if (a < 0 || b < 0)
		return;
	if (t->start > t->end) {
		bad(c, e, "the task %s ends (%d) before it starts (%d)", where,
		    t->end, t->start);
		return;
	}
	t->has_state = get_num(c, e, "state", where, 0, NONNEG, &t->state) == 1;
	get_num(c, e, "other", where, 0, NONNEG, &t->other);
	load_splits(c, e, where, t);
}

static void load_prog_groups(struct ctx *c, const setting *e, const char *where,
                             lt_part *pt)
{
	static const char *const keys[] = {"id", "name", "name_vi", "channel",
	    "declared", NULL};
	const setting *l = member(c, e, "groups", where, 1);
	int i, n;
	size_t j;

	if (l == NULL)
		return;
	if (config_setting_type(l) != CONFIG_TYPE_LIST ||
	    config_setting_length(l) == 0) {
		bad(c, l, "'groups' %s must be a non-empty list of groups", where);
		return;
	}
	n = config_setting_length(l);
	pt->groups = alloc_array(c, (size_t)n, sizeof *pt->groups);
	if (pt->groups == NULL)
		return;
	for (i = 0; i < n; i++) {
		const setting *g = config_setting_get_elem(l, (unsigned)i);
		lt_prog_group *pg = &pt->groups[pt->n_groups];
		const char *ch;
		char w[512], q[256];

		if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
			bad(c, g, "entry %d of 'groups' %s must be a group (got %s)",
			    i + 1, where, type_name(g));
			continue;
		}
		snprintf(w, sizeof w, "in entry %d of 'groups' %s", i + 1, where);
		pg->line = line_of(g);
		pg->id = get_str(c, g, "id", w, 1);
		if (pg->id != NULL)
			snprintf(w, sizeof w, "in group \"%s\" %s",
			         quote(pg->id, q, sizeof q), where);
		check_keys(c, g, w, keys, 1);
		pg->name_vi = get_str(c, g, "name_vi", w, 1);
		pg->name = get_str(c, g, "name", w, 0);
		pg->channel = -1;
		ch = get_str(c, g, "channel", w, 1);
		if (ch != NULL) {
			pg->channel = lt_scenario_find_channel(c->s, ch);
			if (pg->channel < 0)
				bad(c, member(c, g, "channel", w, 0), "'channel' %s must name "
				    "one of the scenario's channels (got \"%s\")", w,
				    quote(ch, q, sizeof q));
		}
		load_totals(c, g, "declared", w, &pg->declared);
		for (j = 0; j < pt->n_groups; j++)
			if (pg->id != NULL && pt->groups[j].id != NULL &&
			    strcmp(pg->id, pt->groups[j].id) == 0)
				bad(c, g, "group \"%s\" %s is defined twice",
				    quote(pg->id, q, sizeof q), where);
		pt->n_groups++;
	}
}

static void load_part(struct ctx *c, const setting *e, int i, lt_part *pt)
{
	static const char *const keys[] = {"id", "name", "name_vi", "source",
	    "declared", "groups", "tasks", NULL};
	const setting *l;
	char where[160];
	int k, n;
	size_t j;

	snprintf(where, sizeof where, "in entry %d of 'parts'", i + 1);
	pt->line = line_of(e);
	pt->id = get_ident(c, e, "id", where);
	if (pt->id != NULL)
		snprintf(where, sizeof where, "in part '%s'", pt->id);
	check_keys(c, e, where, keys, 1);
	pt->name = get_str(c, e, "name", where, 1);
	pt->name_vi = get_str(c, e, "name_vi", where, 1);
	pt->source = get_str(c, e, "source", where, 1);
	load_totals(c, e, "declared", where, &pt->declared);
	load_prog_groups(c, e, where, pt);
	l = member(c, e, "tasks", where, 1);
	if (l == NULL)
		return;
	if (config_setting_type(l) != CONFIG_TYPE_LIST ||
	    config_setting_length(l) == 0) {
		bad(c, l, "'tasks' %s must be a non-empty list of groups", where);
		return;
	}
	n = config_setting_length(l);
	pt->tasks = alloc_array(c, (size_t)n, sizeof *pt->tasks);
	if (pt->tasks == NULL)
		return;
	for (k = 0; k < n; k++) {
		const setting *t = config_setting_get_elem(l, (unsigned)k);
		lt_task *tk = &pt->tasks[pt->n_tasks];
		char q[256];

		if (config_setting_type(t) != CONFIG_TYPE_GROUP) {
			bad(c, t, "entry %d of 'tasks' %s must be a group (got %s)",
			    k + 1, where, type_name(t));
			continue;
		}
		load_task(c, t, pt->id != NULL ? pt->id : "?", k, pt, tk);
		for (j = 0; j < pt->n_tasks; j++)
			if (tk->no != NULL && pt->tasks[j].no != NULL &&
			    strcmp(tk->no, pt->tasks[j].no) == 0)
				bad(c, t, "task \"%s\" %s is listed twice (first at line %d)",
				    quote(tk->no, q, sizeof q), where, pt->tasks[j].line);
		pt->n_tasks++;
	}
}

static void load_programs(struct ctx *c, const setting *root)
{
	static const char *const keys[] = {"declared", "parts", "source", NULL};
	const char *w = "in 'programs'";
	const setting *g = group(c, root, "programs", "at the top level", 0);
	const setting *l;
	lt_programs *p = &c->s->programs;
	int i, n;
	size_t j;

	if (g == NULL)
		return;
	c->s->has_programs = 1;
	check_keys(c, g, w, keys, 1);
	p->line = line_of(g);
	p->source = get_str(c, g, "source", w, 1);
	load_totals(c, g, "declared", w, &p->declared);
	l = member(c, g, "parts", w, 1);
	if (l == NULL)
		return;
	if (config_setting_type(l) != CONFIG_TYPE_LIST ||
	    config_setting_length(l) == 0) {
		bad(c, l, "'parts' %s must be a non-empty list of groups", w);
		return;
	}
	n = config_setting_length(l);
	p->parts = alloc_array(c, (size_t)n, sizeof *p->parts);
	if (p->parts == NULL)
		return;
	for (i = 0; i < n; i++) {
		const setting *e = config_setting_get_elem(l, (unsigned)i);

		if (config_setting_type(e) != CONFIG_TYPE_GROUP) {
			bad(c, e, "entry %d of 'parts' %s must be a group (got %s)",
			    i + 1, w, type_name(e));
			continue;
		}
		load_part(c, e, i, &p->parts[p->n_parts]);
		for (j = 0; j < p->n_parts; j++)
			if (p->parts[j].id != NULL && p->parts[p->n_parts].id != NULL &&
			    strcmp(p->parts[j].id, p->parts[p->n_parts].id) == 0)
				bad(c, e, "part '%s' is defined twice", p->parts[j].id);
		p->n_parts++;
	}
}

/* ---- cross-checks ----------------------------------------------------- */

static void check_milestones(struct ctx *c, lt_indicator *ind)
{
	const lt_series *m = &ind->milestones;
	int sense = lt_target_push(ind);
	size_t i;

	for (i = 1; i < m->n && sense != 0; i++) {
		double a = m->pts[i - 1].value, b = m->pts[i].value;

		if (sense * (b - a) < 0) {
			c->errors++;
			lt_error_raise(c->d, LT_EINVAL, c->file, m->line,
			    "milestone %d (%.10g) for indicator '%s' %s the one for %d "
			    "(%.10g) while the target asks it to %s: a roadmap must not "
			    "go backwards", m->pts[i].year, b, ind->id,
			    sense > 0 ? "falls below" : "rises above", m->pts[i - 1].year,
			    a, sense > 0 ? "rise" : "fall");
			return;
		}
	}
}

static void check_indicators(struct ctx *c, const setting *root)
{
	lt_scenario *s = c->s;
	size_t k;

	for (k = 0; k < s->n_indicators; k++) {
		lt_indicator *ind = &s->indicators[k];

		if (ind->id == NULL)
			continue;
		if (ind->has_baseline == 0 && ind->has_merged) {
			ind->baseline = ind->merged_baseline;
			ind->has_baseline = 1;
		} else if (ind->has_baseline == 0) {
			c->errors++;
			lt_error_raise(c->d, LT_EINVAL, c->file, ind->line,
			    "missing required setting 'baseline' for indicator '%s' "
			    "(or give it through the province's components)", ind->id);
		}
		if (ind->has_baseline == 1)
			check_milestones(c, ind);
	}
	(void)root;
}

static void check_budget(struct ctx *c, const setting *root)
{
	const lt_budget *b = &c->s->budget;
	const setting *g = config_setting_get_member(root, "budget");

	if (g == NULL || c->s->has_programs)
		return;
	if (b->schedule.kind == LT_SCHED_PROGRAMS)
		bad(c, config_setting_lookup((setting *)g, "schedule"), "a "
		    "\"programs\" schedule in 'budget' needs a 'programs' section");
	if (b->cofin == LT_COFIN_PROGRAMS)
		bad(c, config_setting_lookup((setting *)g, "cofinancing"), "\"programs\""
		    " co-financing in 'budget' needs a 'programs' section");
}

/* ---- magnitudes: money in the wrong unit ------------------------------ */

/* Every amount of money in a scenario is in million VND.  An amount typed
 * in VND, thousand, billion or trillion VND passes every sign and type
 * check and only later turns into nan, inf or nonsense, so the loader sets
 * each against wide plausible bounds and names the likely slip.  The
 * bounds are deliberately loose (a factor of 2 to 20 beyond the extremes
 * seen), each is a named constant with its source, and docs/SCENARIO.md
 * lists them. */

/* GRDP of one Vietnamese province, million VND, current prices.  Smallest:
 * Bac Kan, about 15 trillion VND (GSO, 2022-2023); largest: Ho Chi Minh
 * City, about 1 500 trillion VND in 2023 and about 2 700 trillion VND after
 * its 2025 merger with Binh Duong and Ba Ria - Vung Tau (GSO, rounded).
 * The bounds leave a factor of 3 below and about 2 above, and are exactly
 * 10^3 apart, so an amount off by 10^3 or more always falls outside. */
#define LT_GRDP_MIN 5.0e6
#define LT_GRDP_MAX 5.0e9

/* The spending base (total or recurrent local budget spending) as a share
 * of GRDP.  Total local spending runs from about 5 % of GRDP in the large
 * industrial provinces to about half of it in small mountainous ones (GSO
 * provincial budget and GRDP tables); recurrent spending is about half of
 * total: Long An 2022, over 8 of over 18 trillion VND against a GRDP of
 * 168 trillion (4.8 % and 10.7 %; REFERENCE figures in scenarios/long_an.cfg).
 * 0.1 % to 100 % keeps a factor of 20 below and 2 above. */
#define LT_BASE_SHARE_MIN 1.0e-3
#define LT_BASE_SHARE_MAX 1.0

/* Past public spending on the field (spending_history) as a share of the
 * spending base in the same year.  Long An spent about 160 billion VND a
 * year on digital transformation, under 1 % of total spending (004, Part
 * II.IV.2); Dong Thap 0.24-0.74 % (003, Part II); the rule asks for 3 %.
 * 0.01 % to 100 % of the base is far outside both ends. */
#define LT_HISTORY_SHARE_MIN 1.0e-4
#define LT_HISTORY_SHARE_MAX 1.0

/* A channel's capital in the baseline year (capital0) as a share of GRDP.
 * The steady state of Long An's spending, 160 billion VND a year at a
 * depreciation of 0.2, is 0.8 trillion VND, 0.5 % of GRDP; 0.001 % to
 * 10 % of GRDP is a factor of 50 and 20 beyond it. */
#define LT_CAPITAL_SHARE_MIN 1.0e-5
#define LT_CAPITAL_SHARE_MAX 0.1

/* A programme amount (a task's state or other money, a declared total)
 * against the spending base summed over the plan's years: no task or plan
 * costs more than everything the province spends (state money), or ten
 * times that for non-state money (the co-financing ratio's bound).  Long
 * An's whole plan is 6.5 trillion VND against some 55 trillion of
 * recurrent spending in 2025-2030.  Small tasks are plausible at any size,
 * so there is no lower bound. */
#define LT_PROGRAM_STATE_MAX 1.0
#define LT_PROGRAM_OTHER_MAX 10.0

/* The unit slips the checks can name: a value written in UNIT is FACTOR
 * times its value in million VND.  Tried in this order: the nearer slips
 * (10^3) first. */
static const struct {
	double factor;
	const char *unit, *fix;
} unit_slips[] = {
	{1e3, "thousand VND", "divide by 1000"},
	{1e-3, "billion VND", "multiply by 1000"},
	{1e6, "VND", "divide by 10^6"},
	{1e-6, "trillion VND", "multiply by 10^6"},
};

/* Check RATIO (a money amount V, or V over a reference) against [LO, HI];
 * when outside, record at LINE that SUBJECT (V million VND) looks like
 * another unit, naming the slip that brings RATIO inside, and WHAT the
 * range means ("for a province's GRDP").  SHOWN is RATIO as a reader sees
 * it (RATIO itself, or a percentage) with SHOWN_UNIT.  Returns 0 or -1. */
static int check_magnitude(struct ctx *c, int line, const char *subject,
                           double v, double ratio, double lo, double hi,
                           double scale, const char *unit, const char *what)
{
	char got[160];
	size_t k;

	if (!isfinite(ratio) || (ratio >= lo && ratio <= hi))
		return 0;
	if (scale == 1.0)
		snprintf(got, sizeof got, "%.10g", v);
	else
		snprintf(got, sizeof got, "%.10g, %.3g%s %s", v, ratio * scale,
		         unit, what);
	c->errors++;
	for (k = 0; k < sizeof unit_slips / sizeof *unit_slips; k++) {
		double r = ratio / unit_slips[k].factor;

		if (r >= lo && r <= hi) {
			lt_error_raise(c->d, LT_EINVAL, c->file, line, "%s looks like "
			    "%s, not million VND (got %s; expected %.3g%s to %.3g%s %s; "
			    "%s)", subject, unit_slips[k].unit, got, lo * scale, unit,
			    hi * scale, unit, what, unit_slips[k].fix);
			return -1;
		}
	}
	lt_error_raise(c->d, LT_EINVAL, c->file, line, "%s is implausible in "
	    "million VND (got %s; expected %.3g%s to %.3g%s %s)", subject, got,
	    lo * scale, unit, hi * scale, unit, what);
	return -1;
}

static int line_at(const setting *root, const char *path, int fallback)
{
	const setting *st = config_setting_lookup((setting *)root, path);

	return st != NULL ? line_of(st) : fallback;
}

/* V grown at G % a year from FROM to TO. */
static double grown(double v, double g_pct, int from, int to)
{
	return v * pow(1 + g_pct / 100, to - from);
}

/* The spending base summed over the years after the baseline up to the
 * horizon (at least one year). */
static double base_over_plan(const lt_scenario *s)
{
	const lt_budget *b = &s->budget;
	double sum = 0.0;
	int y;

	for (y = s->baseline_year + 1; y <= s->horizon; y++)
		sum += grown(b->amount, b->growth_pct, b->year, y);
	return sum > 0 ? sum : b->amount;
}

static void check_program_totals(struct ctx *c, const lt_totals *t,
                                 const char *where, double plan)
{
	char subj[200];

	if (t->has_total) {
		snprintf(subj, sizeof subj, "'total' %s", where);
		check_magnitude(c, t->line, subj, t->total, t->total / plan, 0,
		                LT_PROGRAM_OTHER_MAX + LT_PROGRAM_STATE_MAX, 100.0,
		                "%", "of the spending base over the plan");
	}
	if (t->has_state) {
		snprintf(subj, sizeof subj, "'state' %s", where);
		check_magnitude(c, t->line, subj, t->state, t->state / plan, 0,
		                LT_PROGRAM_STATE_MAX, 100.0, "%",
		                "of the spending base over the plan");
	}
	if (t->has_other) {
		snprintf(subj, sizeof subj, "'other' %s", where);
		check_magnitude(c, t->line, subj, t->other, t->other / plan, 0,
		                LT_PROGRAM_OTHER_MAX, 100.0, "%",
		                "of the spending base over the plan");
	}
}

static void check_program_magnitudes(struct ctx *c, double plan)
{
	const lt_programs *p = &c->s->programs;
	char where[200];
	size_t i, j;

	check_program_totals(c, &p->declared, "in 'declared' of 'programs'", plan);
	for (i = 0; i < p->n_parts; i++) {
		const lt_part *pt = &p->parts[i];

		snprintf(where, sizeof where, "declared by part '%s'",
		         pt->id != NULL ? pt->id : "?");
		check_program_totals(c, &pt->declared, where, plan);
		for (j = 0; j < pt->n_groups; j++) {
			snprintf(where, sizeof where, "declared by group '%s' of part "
			         "'%s'", pt->groups[j].id != NULL ? pt->groups[j].id : "?",
			         pt->id != NULL ? pt->id : "?");
			check_program_totals(c, &pt->groups[j].declared, where, plan);
		}
		for (j = 0; j < pt->n_tasks; j++) {
			const lt_task *t = &pt->tasks[j];
			lt_totals amounts = {0, t->has_state, t->other > 0, 0.0,
			                     t->state, t->other, NULL, t->line};

			snprintf(where, sizeof where, "of task %s of part '%s'",
			         t->no != NULL ? t->no : "?", pt->id != NULL ? pt->id : "?");
			check_program_totals(c, &amounts, where, plan);
		}
	}
}

/* Set every money amount against its plausible range (constants above).
 * The checks chain: GRDP alone, the spending base against GRDP, the rest
 * against the spending base or GRDP; a check whose reference failed is
 * skipped, so one slip gives one message. */
static void check_magnitudes(struct ctx *c, const setting *root)
{
	lt_scenario *s = c->s;
	const lt_economy *e = &s->economy;
	const lt_budget *b = &s->budget;
	double grdp_then, plan;
	size_t i;

	if (c->errors > 0 || !(e->grdp > 0) || !(b->amount > 0))
		return;
	if (check_magnitude(c, line_at(root, "economy.grdp", e->line), "'grdp' "
	    "in 'economy'", e->grdp, e->grdp, LT_GRDP_MIN, LT_GRDP_MAX, 1.0, "",
	    "million VND for a province's GRDP") != 0)
		return;
	grdp_then = grown(e->grdp, e->growth_pct, e->grdp_year, b->year);
	if (check_magnitude(c, line_at(root, "budget.amount", b->line), "'amount' "
	    "in 'budget'", b->amount, b->amount / grdp_then, LT_BASE_SHARE_MIN,
	    LT_BASE_SHARE_MAX, 100.0, "%", "of GRDP") != 0)
		return;
	for (i = 0; i < b->spending_history.n; i++) {
		const lt_point *pt = &b->spending_history.pts[i];
		char subj[96];

		if (pt->value == 0)
			continue; /* no spending that year: nothing to scale */
		snprintf(subj, sizeof subj, "the %d value of 'spending_history' in "
		         "'budget'", pt->year);
		if (check_magnitude(c, b->spending_history.line, subj, pt->value,
		    pt->value / grown(b->amount, b->growth_pct, b->year, pt->year),
		    LT_HISTORY_SHARE_MIN, LT_HISTORY_SHARE_MAX, 100.0, "%",
		    "of the spending base that year") != 0)
			break;
	}
	for (i = 0; i < s->n_channels; i++) {
		const lt_channel *ch = &s->channels[i];
		char path[128], subj[128];

		if (!ch->has_capital0 || ch->capital0 == 0)
			continue;
		snprintf(path, sizeof path, "channels.%s.capital0", ch->id);
		snprintf(subj, sizeof subj, "'capital0' of channel '%s'", ch->id);
		check_magnitude(c, line_at(root, path, ch->line), subj, ch->capital0,
		    ch->capital0 / grown(e->grdp, e->growth_pct, e->grdp_year,
		                         s->baseline_year),
		    LT_CAPITAL_SHARE_MIN, LT_CAPITAL_SHARE_MAX, 100.0, "%",
		    "of GRDP in the baseline year");
	}
	plan = base_over_plan(s);
	if (s->has_programs)
		check_program_magnitudes(c, plan);
}

/* ---- reading ---------------------------------------------------------- */

/* Length of the string literal or comment at T (0 if none), so the
 * integer scan below skips them; counts newlines into *LINE.  A string
 * literal may span lines (libconfig allows it).  Sets *OPEN when the text
 * ends inside a string or a comment. */
static size_t skip_non_code(const char *t, int *line, int *open)
{
	size_t i = 0;

	if (t[0] == '"') {
		for (i = 1; t[i] != '\0' && t[i] != '"'; i++) {
			if (t[i] == '\n')
				(*line)++;
			if (t[i] == '\\' && t[i + 1] != '\0') {
				i++;
				if (t[i] == '\n')
					(*line)++;
			}
		}
		*open = t[i] == '\0';
		return t[i] == '"' ? i + 1 : i;
	}
	if (t[0] == '#' || (t[0] == '/' && t[1] == '/')) {
		while (t[i] != '\0' && t[i] != '\n')
			i++;
		return i;
	}
	if (t[0] == '/' && t[1] == '*') {
		for (i = 2; t[i] != '\0' && !(t[i] == '*' && t[i + 1] == '/'); i++)
			if (t[i] == '\n')
				(*line)++;
		*open = t[i] == '\0';
		return t[i] != '\0' ? i + 2 : i;
	}
	return 0;
}

/* Check the decimal number literal T[0..N) (an optional sign, digits, a
 * point, an exponent) at LINE: a non-zero number that underflows to 0 or
 * to a subnormal (libconfig reads 1e-400 as 0 without a word) and a
 * negative zero are refused.  Returns 0 or -1 (error recorded). */
static int screen_decimal(const char *t, size_t n, int line, const char *file,
                          lt_diag *d)
{
	char buf[64];
	int k = (int)(n > 24 ? 24 : n);
	int status;
	double v;

	if (n >= sizeof buf) /* far longer than any number a plan writes */
		return lt_error_raise(d, LT_EINVAL, file, line, "the number %.*s... "
		    "is too long (at most %zu characters)", k, t, sizeof buf - 1);
	memcpy(buf, t, n);
	buf[n] = '\0';
	status = lt_parse_double(buf, &v);
	if (status == LT_NUM_TINY)
		return lt_error_raise(d, LT_EINVAL, file, line, "the number %s is "
		    "too small to represent (it would become 0 or lose digits); "
		    "write it in larger units, or 0", buf);
	if (status == LT_NUM_NEG_ZERO)
		return lt_error_raise(d, LT_EINVAL, file, line, "the number %s is a "
		    "negative zero; write 0", buf);
	return 0;
}

/* libconfig 1.5 reads a whole number beyond the range of int without a
 * word: 4294969320 silently becomes 2024.  It also reads hexadecimal
 * (0x9 = 9), 1e-400 as 0 and keeps -0.0.  Find number literals (outside
 * strings and comments) that would wrap, that are hexadecimal, that
 * underflow or that are a negative zero, and strings or comments left open
 * at the end of the file.  Returns 0 or -1 (error). */
static int screen_integers(const char *t, const char *file, lt_diag *d)
{
	int line = 1;
	size_t i = 0, k;

	while (t[i] != '\0') {
		int start = line, open = 0;

		if ((k = skip_non_code(t + i, &line, &open)) > 0) {
			/* libconfig 1.5 leaks its buffer on an unterminated string,
			 * and says only "syntax error": catch it first */
			if (open)
				return lt_error_raise(d, LT_EINVAL, file, start, "this %s "
				    "is never closed: the file ends inside it", t[i] == '"'
				    ? "string (\")" : "comment (/* */)");
			i += k;
			continue;
		}
		if (t[i] == '\n')
			line++;
		if (isalpha((unsigned char)t[i]) || t[i] == '_' || t[i] == '*') {
			while (isalnum((unsigned char)t[i]) || t[i] == '_' || t[i] == '*' ||
			       t[i] == '-')
				i++;
			continue;
		}
		if (isdigit((unsigned char)t[i]) ||
		    (t[i] == '.' && isdigit((unsigned char)t[i + 1]))) {
			size_t j = i, z, nd, from = i;
			int hex = t[i] == '0' && (t[i + 1] == 'x' || t[i + 1] == 'X');
			/* INT_MIN's magnitude is one more than INT_MAX's */
			const char *max = i > 0 && t[i - 1] == '-' ? "2147483648"
			                                           : "2147483647";

			if (i > 0 && (t[i - 1] == '-' || t[i - 1] == '+'))
				from = i - 1; /* the sign belongs to the literal */
			if (hex) {
				while (isalnum((unsigned char)t[j]) || t[j] == '.' ||
				       ((t[j] == '-' || t[j] == '+') &&
				        (t[j - 1] == 'p' || t[j - 1] == 'P')))
					j++;
				return lt_error_raise(d, LT_EINVAL, file, line, "the number "
				    "%.*s is hexadecimal; write decimal numbers",
				    (int)(j - from > 24 ? 24 : j - from), t + from);
			}
			while (t[j] == '0')
				j++;
			z = j; /* first significant digit */
			while (isdigit((unsigned char)t[j]))
				j++;
			nd = j - z;
			if (t[j] != '.' && t[j] != 'e' && t[j] != 'E' && t[j] != 'L' &&
			    (nd > 10 || (nd == 10 && strncmp(t + z, max, 10) > 0))) {
				int n = (int)(j - i > 24 ? 24 : j - i);

				return lt_error_raise(d, LT_EINVAL, file, line, "the whole "
				    "number %.*s is too large (at most %s); write it with a "
				    "decimal point, e.g. %.*s.0", n, t + i, max, n, t + i);
			}
			/* the rest of a decimal literal: .digits, e[+-]digits */
			if (t[j] == '.')
				for (j++; isdigit((unsigned char)t[j]); j++)
					;
			if ((t[j] == 'e' || t[j] == 'E') &&
			    (isdigit((unsigned char)t[j + 1]) ||
			     ((t[j + 1] == '-' || t[j + 1] == '+') &&
			      isdigit((unsigned char)t[j + 2]))))
				for (j += 2; isdigit((unsigned char)t[j]); j++)
					;
			if (screen_decimal(t + from, j - from, line, file, d) != 0)
				return -1;
			while (isalnum((unsigned char)t[j]) || t[j] == '.')
				j++;
			i = j;
			continue;
		}
		i++;
	}
	return 0;
}

/* Refuse text that is not a scenario before libconfig parses it: NUL bytes,
 * invalid UTF-8, @include and integers libconfig would wrap.  Returns 0 or
 * -1 (error recorded). */
static int screen_text(const char *text, size_t len, const char *file,
                       lt_diag *d)
{
	size_t i = 0, k;
	int line = 1, bol = 1;
	uint32_t cp;

	while (i < len) {
		if (line > LT_MAX_LINES)
			return lt_error_raise(d, LT_EINVAL, file, 0, "the file has more "
			    "than %d lines, more than libconfig can number", LT_MAX_LINES);
		if (text[i] == '\0')
			return lt_error_raise(d, LT_EINVAL, file, line, "the file holds "
			    "a NUL byte: it is not a text scenario file");
		if (bol) {
			size_t j = i + strspn(text + i, " \t");
			if (strncmp(text + j, "@include", 8) == 0)
				return lt_error_raise(d, LT_EINVAL, file, line, "'@include' "
				    "is not supported: a scenario is one self-contained file");
			bol = 0;
		}
		if (text[i] == '\n') {
			line++;
			bol = 1;
			i++;
			continue;
		}
		k = lt_utf8_decode(text + i, len - i, &cp);
		if (cp == 0xFFFD && !(k == 3 && memcmp(text + i, "\xEF\xBF\xBD", 3)
		                      == 0))
			return lt_error_raise(d, LT_EINVAL, file, line, "invalid UTF-8: "
			    "scenario files must be UTF-8 text");
		i += k;
	}
	return screen_integers(text, file, d);
}

static void validate(struct ctx *c, const config_t *cfg)
{
	static const char *const keys[] = {"province", "years", "economy",
	    "budget", "channels", "programs", "indicators", NULL};
	const setting *root = config_root_setting(cfg);

	static const char *const required[] = {"province", "years", "economy",
	    "budget", "channels", "indicators", NULL};
	size_t i;

	check_keys(c, root, "at the top level", keys, 0);
	/* missing sections first, in the order of the format's description */
	for (i = 0; required[i] != NULL; i++)
		member(c, root, required[i], "at the top level", 1);
	load_years(c, root);
	load_channels(c, root);
	load_indicators(c, root);
	load_spillovers(c, root);
	load_province(c, root);
	load_economy(c, root);
	load_budget(c, root);
	load_programs(c, root);
	check_indicators(c, root);
	check_budget(c, root);
	check_magnitudes(c, root);
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
	/* A UTF-8 byte-order mark (Windows editors write one) is no setting:
	 * libconfig would call it a syntax error.  It sits on line 1, so
	 * skipping it keeps every line number. */
	if (len >= 3 && memcmp(text, UTF8_BOM, 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (screen_text(text, len, name, d) != 0)
		return LT_EINVAL;
	s = lt_scenario_alloc();
	if (s == NULL)
		return lt_error_raise(d, LT_ENOMEM, name, 0, "out of memory");
	memset(&c, 0, sizeof c);
	c.d = d;
	c.file = name;
	c.a = s->arena;
	c.s = s;
	s->path = copy(&c, name);
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


