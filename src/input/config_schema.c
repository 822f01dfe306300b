/* config_schema.c - the scenario loader's vocabulary: its context, its
 * messages, and the typed getters every part of a scenario is read with.
 *
 * Each getter reads one setting, checks its presence, type, finiteness and
 * range, records an error with the setting's line when it fails, and says
 * by its return value whether the caller got a value; it never stops the
 * walk.  Keeping every check here means a key is checked the same way, and
 * a message worded the same way, in every section of the file.  What the
 * getters return is copied into the scenario's arena.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lotrinh/param.h"
#include "lotrinh/text.h"

#include "config_private.h"

/* Longest user text quoted back in a message, in columns. */
#define QUOTE_COLS 40
/* How far back (years before the baseline) history and bases may reach. */
#define BACK_YEARS 20
/* Smallest probability a truncation must keep; below it the truncated
 * distribution cannot be sampled accurately (1e-12 is where the normal
 * tail's erfc loses its last correct digits in double precision). */
#define MIN_MASS 1e-12

/* ---- context and messages --------------------------------------------- */

int lt_config_line(const setting *st)
{
	return st != NULL ? (int)config_setting_source_line(st) : 0;
}

void lt_config_error(struct ctx *c, const setting *st, const char *fmt, ...)
{
	char msg[LT_ERROR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	c->errors++;
	lt_error_raise(c->d, LT_EINVAL, c->file, lt_config_line(st), "%s", msg);
}

char *lt_config_copy(struct ctx *c, const char *s)
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

void *lt_config_alloc_array(struct ctx *c, size_t n, size_t size)
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

const char *lt_config_quote(const char *s, char *buf, size_t size)
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

const char *lt_config_type_name(const setting *st)
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

int lt_config_is_number(const setting *st)
{
	int t = config_setting_type(st);

	return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64 ||
	       t == CONFIG_TYPE_FLOAT;
}

double lt_config_number(const setting *st)
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

int lt_config_is_seq(const setting *st)
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

void lt_config_check_keys(struct ctx *c, const setting *grp, const char *where,
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
		lt_config_error(c, m, "unknown setting '%s' %s (allowed: %s%s)",
		    lt_config_quote(name, q, sizeof q), where, allowed,
		    sources ? ", and KEY_source for any of them" : "");
	}
}

const setting *lt_config_member(struct ctx *c, const setting *grp,
                                const char *key, const char *where,
                                int required)
{
	const setting *m = config_setting_get_member(grp, key);

	if (m == NULL && required)
		lt_config_error(c, grp, "missing required setting '%s' %s", key,
		    where);
	return m;
}

const setting *lt_config_group(struct ctx *c, const setting *grp,
                               const char *key, const char *where,
                               int required)
{
	const setting *m = lt_config_member(c, grp, key, where, required);

	if (m != NULL && config_setting_type(m) != CONFIG_TYPE_GROUP) {
		lt_config_error(c, m, "'%s' %s must be a group { ... } (got %s)",
		    key, where, lt_config_type_name(m));
		return NULL;
	}
	return m;
}

/* ---- scalars ---------------------------------------------------------- */

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

int lt_config_check_number(struct ctx *c, const setting *st,
                           const char *subject, double v, struct range r)
{
	char t[96], g[32];

	if (!isfinite(v)) {
		lt_config_error(c, st, "%s must be a finite number (got %s)",
		    subject, num(v, g, sizeof g));
		return -1;
	}
	if (!in_range(v, r)) {
		lt_config_error(c, st, "%s must be %s (got %s)", subject,
		    range_text(r, t, sizeof t), num(v, g, sizeof g));
		return -1;
	}
	return 0;
}

int lt_config_get_num(struct ctx *c, const setting *grp, const char *key,
                      const char *where, int required, struct range r,
                      double *out)
{
	const setting *m = lt_config_member(c, grp, key, where, required);
	char subject[256];
	double v;

	if (m == NULL)
		return required ? -1 : 0;
	if (!lt_config_is_number(m)) {
		lt_config_error(c, m, "'%s' %s must be a number like 1.0 (got %s)",
		    key, where, lt_config_type_name(m));
		return -1;
	}
	v = lt_config_number(m);
	snprintf(subject, sizeof subject, "'%s' %s", key, where);
	if (lt_config_check_number(c, m, subject, v, r) != 0)
		return -1;
	*out = v;
	return 1;
}

int lt_config_whole(const setting *st, long *out)
{
	double v;

	if (!lt_config_is_number(st))
		return -1;
	if (config_setting_type(st) == CONFIG_TYPE_INT64) {
		long long x = config_setting_get_int64(st);
		*out = x > 1000000000LL ? 1000000000L
		       : x < -1000000000LL ? -1000000000L : (long)x;
		return 0;
	}
	v = lt_config_number(st);
	if (!isfinite(v) || v != floor(v))
		return -1;
	*out = (long)fmax(-1e9, fmin(1e9, v));
	return 0;
}

int lt_config_get_int(struct ctx *c, const setting *grp, const char *key,
                      const char *where, int required, long lo, long hi,
                      int *out)
{
	const setting *m = lt_config_member(c, grp, key, where, required);
	long v;

	if (m == NULL)
		return required ? -1 : 0;
	if (lt_config_whole(m, &v) != 0) {
		lt_config_error(c, m, "'%s' %s must be a whole number like 2030 "
		    "(got %s)", key, where, lt_config_type_name(m));
		return -1;
	}
	if (v < lo || v > hi) {
		lt_config_error(c, m, "'%s' %s must be between %ld and %ld "
		    "(got %ld)", key, where, lo, hi, v);
		return -1;
	}
	*out = (int)v;
	return 1;
}

const char *lt_config_get_str(struct ctx *c, const setting *grp,
                              const char *key, const char *where,
                              int required)
{
	const setting *m = lt_config_member(c, grp, key, where, required);
	const char *v;

	if (m == NULL)
		return NULL;
	if (config_setting_type(m) != CONFIG_TYPE_STRING) {
		lt_config_error(c, m, "'%s' %s must be a string in double quotes "
		    "(got %s)", key, where, lt_config_type_name(m));
		return NULL;
	}
	v = config_setting_get_string(m);
	if (v[strspn(v, " \t\r\n")] == '\0') {
		lt_config_error(c, m, "'%s' %s must not be empty", key, where);
		return NULL;
	}
	if (has_control(v)) {
		lt_config_error(c, m, "'%s' %s must be plain text, without control "
		    "characters such as a tab, a newline or an escape", key, where);
		return NULL;
	}
	return lt_config_copy(c, v);
}

const char *lt_config_get_source(struct ctx *c, const setting *grp,
                                 const char *key, const char *where,
                                 const char *fallback)
{
	char name[128];
	const char *s;

	snprintf(name, sizeof name, "%s_source", key);
	s = lt_config_get_str(c, grp, name, where, 0);
	return s != NULL ? s : fallback;
}

int lt_config_is_ident(const char *s)
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

const char *lt_config_get_ident(struct ctx *c, const setting *grp,
                                const char *key, const char *where)
{
	const char *v = lt_config_get_str(c, grp, key, where, 1);
	char q[256];

	if (v != NULL && !lt_config_is_ident(v)) {
		lt_config_error(c, lt_config_member(c, grp, key, where, 0),
		    "'%s' %s must be a lower-case identifier like \"long_an\" "
		    "(a letter, then letters, digits or '_'; got \"%s\")",
		    key, where, lt_config_quote(v, q, sizeof q));
		return NULL;
	}
	return v;
}

int lt_config_get_enum(struct ctx *c, const setting *grp, const char *key,
                       const char *where, int required,
                       const char *const *names)
{
	const setting *m = lt_config_member(c, grp, key, where, required);
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
		lt_config_error(c, m, "'%s' %s must be one of %s (got %s)", key,
		    where, list, lt_config_type_name(m));
	else
		lt_config_error(c, m, "'%s' %s must be one of %s (got \"%s\")", key,
		    where, list, lt_config_quote(v, q, sizeof q));
	return -2;
}

/* ---- pair lists ------------------------------------------------------- */

int lt_config_get_series(struct ctx *c, const setting *grp, const char *key,
                         const char *where, int required, int ylo, int yhi,
                         struct range r, lt_series *out)
{
	const setting *m = lt_config_member(c, grp, key, where, required);
	char subject[256];
	int i, n, err = 0, prev = 0;

	memset(out, 0, sizeof *out);
	if (m == NULL)
		return required ? -1 : 0;
	if (!lt_config_is_seq(m)) {
		lt_config_error(c, m, "'%s' %s must be a list of (year, value) "
		    "pairs like ( (2024, 6.36), (2025, 10.0) ) (got %s)", key, where,
		    lt_config_type_name(m));
		return -1;
	}
	out->line = lt_config_line(m);
	n = config_setting_length(m);
	out->pts = lt_config_alloc_array(c, n > 0 ? (size_t)n : 1,
	                                 sizeof *out->pts);
	if (out->pts == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		const setting *e = config_setting_get_elem(m, (unsigned)i);
		const setting *ey, *ev;
		long year;
		double v;

		if (!lt_config_is_seq(e) || config_setting_length(e) != 2) {
			lt_config_error(c, e, "entry %d of '%s' %s must be a (year, "
			    "value) pair (got %s)", i + 1, key, where,
			    lt_config_is_seq(e) ? "a list of another length"
			    : lt_config_type_name(e));
			err = 1;
			continue;
		}
		ey = config_setting_get_elem(e, 0);
		ev = config_setting_get_elem(e, 1);
		if (lt_config_whole(ey, &year) != 0) {
			lt_config_error(c, e, "entry %d of '%s' %s must start with a "
			    "whole year (got %s)", i + 1, key, where,
			    lt_config_type_name(ey));
			err = 1;
			continue;
		}
		if (year < ylo || year > yhi) {
			lt_config_error(c, e, "year %ld in '%s' %s must be between %d "
			    "and %d", year, key, where, ylo, yhi);
			err = 1;
			continue;
		}
		if (out->n > 0 && year <= prev) {
			lt_config_error(c, e, "years in '%s' %s must increase (%ld "
			    "after %d)", key, where, year, prev);
			err = 1;
			continue;
		}
		if (!lt_config_is_number(ev)) {
			lt_config_error(c, e, "the value for %ld in '%s' %s must be a "
			    "number (got %s)", year, key, where,
			    lt_config_type_name(ev));
			err = 1;
			continue;
		}
		v = lt_config_number(ev);
		snprintf(subject, sizeof subject, "the value for %ld in '%s' %s",
		         year, key, where);
		if (lt_config_check_number(c, e, subject, v, r) != 0) {
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
	lt_config_check_keys(c, m, w, keys, 1);
	/* "fixed" is not a family one writes: a fixed value is a plain number */
	d = lt_config_get_enum(c, m, "dist", w, 1, lt_dist_names + 1);
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
			lt_config_error(c, config_setting_get_member(m, kk), "'%s' does "
			    "not belong to a %s distribution %s", kk, lt_dist_names[d],
			    w);
			err = 1;
		}
	}
	if (err)
		return -1;
	switch (p->dist) {
	case LT_DIST_NORMAL:
		err |= lt_config_get_num(c, m, "mean", w, 1, ANY, &p->p[0]) < 0;
		err |= lt_config_get_num(c, m, "sd", w, 1, POSITIVE, &p->p[1]) < 0;
		break;
	case LT_DIST_LOGNORMAL:
		err |= lt_config_get_num(c, m, "mu", w, 1, ANY, &p->p[0]) < 0;
		err |= lt_config_get_num(c, m, "sigma", w, 1, POSITIVE,
		                         &p->p[1]) < 0;
		break;
	case LT_DIST_UNIFORM:
		err |= lt_config_get_num(c, m, "lo", w, 1, ANY, &p->p[0]) < 0;
		err |= lt_config_get_num(c, m, "hi", w, 1, ANY, &p->p[1]) < 0;
		if (!err && !(p->p[0] < p->p[1])) {
			lt_config_error(c, m, "'lo' must be below 'hi' %s", w);
			err = 1;
		}
		break;
	case LT_DIST_TRIANGULAR:
		err |= lt_config_get_num(c, m, "lo", w, 1, ANY, &p->p[0]) < 0;
		err |= lt_config_get_num(c, m, "mode", w, 1, ANY, &p->p[1]) < 0;
		err |= lt_config_get_num(c, m, "hi", w, 1, ANY, &p->p[2]) < 0;
		if (!err && !(p->p[0] <= p->p[1] && p->p[1] <= p->p[2] &&
		              p->p[0] < p->p[2])) {
			lt_config_error(c, m, "%s: need lo <= mode <= hi and lo < hi",
			    w);
			err = 1;
		}
		break;
	case LT_DIST_BETA:
		p->p[2] = 0.0, p->p[3] = 1.0;
		err |= lt_config_get_num(c, m, "a", w, 1, POSITIVE, &p->p[0]) < 0;
		err |= lt_config_get_num(c, m, "b", w, 1, POSITIVE, &p->p[1]) < 0;
		err |= lt_config_get_num(c, m, "lo", w, 0, ANY, &p->p[2]) < 0;
		err |= lt_config_get_num(c, m, "hi", w, 0, ANY, &p->p[3]) < 0;
		if (!err && !(p->p[2] < p->p[3])) {
			lt_config_error(c, m, "'lo' must be below 'hi' %s", w);
			err = 1;
		}
		break;
	case LT_DIST_FIXED:
		break;
	}
	got_min = lt_config_get_num(c, m, "min", w, 0, ANY, &p->min);
	got_max = lt_config_get_num(c, m, "max", w, 0, ANY, &p->max);
	if (err || got_min < 0 || got_max < 0)
		return -1;
	if (got_min == 1 && got_max == 1 && !(p->min < p->max)) {
		lt_config_error(c, m, "'min' must be below 'max' %s", w);
		return -1;
	}
	if (lt_param_mass(p, p->min, p->max) < MIN_MASS) {
		lt_config_error(c, m, "the truncation [min, max] %s keeps none of "
		    "the distribution: it must overlap its support", w);
		return -1;
	}
	p->source = lt_config_get_str(c, m, "source", w, 0);
	return 0;
}

int lt_config_get_param(struct ctx *c, const setting *grp, const char *key,
                        const char *where, int required, struct range r,
                        const char *fallback_source, lt_param *p)
{
	const setting *m = lt_config_member(c, grp, key, where, required);
	double lo, hi;
	char t[96];

	memset(p, 0, sizeof *p);
	p->min = -HUGE_VAL;
	p->max = HUGE_VAL;
	if (m == NULL)
		return required ? -1 : 0;
	p->line = lt_config_line(m);
	p->source = fallback_source;
	if (lt_config_is_number(m)) {
		p->dist = LT_DIST_FIXED;
		if (lt_config_get_num(c, grp, key, where, 1, r, &p->value) < 0)
			return -1;
		p->set = 1;
		p->source = lt_config_get_source(c, grp, key, where,
		                                 fallback_source);
		return 1;
	}
	if (config_setting_type(m) != CONFIG_TYPE_GROUP) {
		lt_config_error(c, m, "'%s' %s must be a number or a distribution "
		    "group { dist = \"normal\"; ... } (got %s)", key, where,
		    lt_config_type_name(m));
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
		lt_config_error(c, m, "the distribution of '%s' %s must stay %s; "
		    "give 'min' and 'max' inside that range", key, where,
		    range_text(r, t, sizeof t));
		return -1;
	}
	p->set = 1;
	return 1;
}

double lt_config_central(const lt_param *p)
{
	return p->dist == LT_DIST_FIXED ? p->value : lt_param_mean(p);
}

/* ---- years ------------------------------------------------------------ */

int lt_config_year_back(const struct ctx *c)
{
	return c->years_ok ? c->s->baseline_year - BACK_YEARS : YEAR_MIN;
}

int lt_config_year_horizon(const struct ctx *c)
{
	return c->years_ok ? c->s->horizon : YEAR_MAX;
}
