/* test_units.c - money in the wrong unit (config.c, "magnitudes").
 *
 * Every amount of money in a scenario is in million VND (docs/SCENARIO.md).
 * The test takes each shipped scenario in scenarios/, rewrites the numbers
 * of its money keys scaled by 10^6, 10^3, 10^-3 and 10^-6 - as if they had
 * been typed in VND, thousand, billion or trillion VND - and expects the
 * loader to refuse every variant with a message that names the slip, while
 * the scenarios as shipped still load.
 *
 * The money keys are those docs/SCENARIO.md gives in million VND: `grdp`,
 * the budget's `amount`, `spending_history` (the second number of each
 * pair), `capital0`, and in programmes `total`, `state`, `other` and the
 * third number of each `split` triple.  The rewriting works on the text: a
 * small scanner skips strings and comments, remembers the key a value
 * belongs to, and writes a scaled number with an exponent (so that a large
 * whole number never becomes an integer literal libconfig would wrap).
 */
#include <criterion/criterion.h>
#include <ctype.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "lotrinh/config.h"
#include "lotrinh/error.h"
#include "lotrinh/scenario.h"

/* Which money keys to scale. */
enum {
	K_GRDP = 1,      /* economy.grdp */
	K_BUDGET = 2,    /* budget.amount and spending_history */
	K_CAPITAL = 4,   /* channels' capital0 */
	K_PROGRAMS = 8,  /* total, state, other, split amounts */
	K_ALL = 15
};

/* The keys whose value is one amount, and the group of each. */
static int scalar_key(const char *k, size_t n)
{
	static const struct {
		const char *name;
		int group;
	} keys[] = {
		{"grdp", K_GRDP}, {"amount", K_BUDGET}, {"capital0", K_CAPITAL},
		{"total", K_PROGRAMS}, {"state", K_PROGRAMS}, {"other", K_PROGRAMS},
	};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof *keys; i++)
		if (strlen(keys[i].name) == n && strncmp(k, keys[i].name, n) == 0)
			return keys[i].group;
	return 0;
}

/* Growable output text. */
struct buf {
	char *p;
	size_t n, cap;
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = 2 * (b->n + n + 1);
		b->p = realloc(b->p, b->cap);
		cr_assert_not_null(b->p);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

/* Length of the string or comment at T, 0 if none. */
static size_t non_code(const char *t)
{
	size_t i = 0;

	if (t[0] == '"') {
		for (i = 1; t[i] != '\0' && t[i] != '"'; i++)
			if (t[i] == '\\' && t[i + 1] != '\0')
				i++;
		return t[i] == '"' ? i + 1 : i;
	}
	if (t[0] == '#' || (t[0] == '/' && t[1] == '/')) {
		while (t[i] != '\0' && t[i] != '\n')
			i++;
		return i;
	}
	if (t[0] == '/' && t[1] == '*') {
		for (i = 2; t[i] != '\0' && !(t[i] == '*' && t[i + 1] == '/'); i++)
			;
		return t[i] != '\0' ? i + 2 : i;
	}
	return 0;
}

static int is_number_start(const char *t)
{
	const char *d = (*t == '-' || *t == '+') ? t + 1 : t;

	return isdigit((unsigned char)*d) ||
	       (*d == '.' && isdigit((unsigned char)d[1]));
}

/* TEXT with the money keys of the groups in MASK multiplied by FACTOR
 * (caller frees).  Counts the numbers scaled in *N. */
static char *scale_money(const char *text, double factor, int mask, size_t *n)
{
	struct buf b = {NULL, 0, 0};
	const char *t = text;
	int scalar = 0;     /* the next number is a scaled amount */
	int list_elem = 0;  /* in a money list: which element of a tuple to scale */
	int depth = 0, list_depth = 0, elem = 0;

	*n = 0;
	put(&b, "", 0);
	while (*t != '\0') {
		size_t k = non_code(t);

		if (k > 0) {
			put(&b, t, k);
			t += k;
		} else if (isalpha((unsigned char)*t) || *t == '_') {
			const char *id = t, *s;
			int g;

			while (isalnum((unsigned char)*t) || *t == '_' || *t == '-')
				t++;
			for (s = t; *s == ' ' || *s == '\t'; s++)
				;
			if (*s == '=' || *s == ':') {
				g = scalar_key(id, (size_t)(t - id));
				scalar = (g & mask) != 0;
				list_elem = 0;
				if ((mask & K_BUDGET) && t - id == 16 &&
				    strncmp(id, "spending_history", 16) == 0)
					list_elem = 2;
				if ((mask & K_PROGRAMS) && t - id == 5 &&
				    strncmp(id, "split", 5) == 0)
					list_elem = 3;
			}
			put(&b, id, (size_t)(t - id));
		} else if (is_number_start(t)) {
			char *end, out[64];
			double v = strtod(t, &end);
			int in_tuple = list_depth > 0 && depth == list_depth + 1;

			if (scalar || (in_tuple && elem == list_elem)) {
				snprintf(out, sizeof out, "%.17e", v * factor);
				put(&b, out, strlen(out));
				(*n)++;
			} else {
				put(&b, t, (size_t)(end - t));
			}
			scalar = 0;
			t = end;
		} else {
			if (*t == '(' || *t == '[') {
				depth++;
				if (list_elem != 0 && list_depth == 0)
					list_depth = depth;
				else if (list_depth > 0 && depth == list_depth + 1)
					elem = 1;
			} else if (*t == ')' || *t == ']') {
				if (depth == list_depth) {
					list_depth = 0;
					list_elem = 0;
				}
				depth--;
			} else if (*t == ',' && list_depth > 0 &&
			           depth == list_depth + 1) {
				elem++;
			} else if (*t == ';') {
				scalar = 0;
			}
			put(&b, t, 1);
			t++;
		}
	}
	return b.p;
}

/* Load TEXT written to a temporary file named like the scenario; returns
 * the status and the first message in MSG. */
static int load_text(const char *text, char *msg, size_t size, size_t *n_err)
{
	char path[] = "/tmp/lotrinh-units-XXXXXX";
	lt_scenario *s = NULL;
	lt_diag d;
	int fd = mkstemp(path), rc;
	FILE *f;

	cr_assert(fd >= 0);
	f = fdopen(fd, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	cr_assert_eq(fclose(f), 0);
	lt_diag_init(&d, NULL);
	rc = lt_scenario_load(&s, path, &d);
	*n_err = lt_diag_count(&d);
	snprintf(msg, size, "%s", d.n > 0 ? d.items[0].msg : "");
	lt_diag_destroy(&d);
	lt_scenario_free(s);
	unlink(path);
	return rc;
}

static const struct {
	double factor;
	const char *unit;
} slips[] = {
	{1e6, "VND"}, {1e3, "thousand VND"}, {1e-3, "billion VND"},
	{1e-6, "trillion VND"},
};

/* For every scenario in scenarios/: scaled in MASK, each slip is refused
 * with a message starting with PREFIX and naming the unit. */
static void expect_every_slip_refused(int mask, const char *prefix)
{
	DIR *dir = opendir("scenarios");
	struct dirent *e;
	size_t n_files = 0;

	cr_assert_not_null(dir);
	while ((e = readdir(dir)) != NULL) {
		char path[300], msg[LT_ERROR_MSG_MAX], want[200];
		size_t len = strlen(e->d_name), i, n, n_err;
		char *text;

		if (len < 5 || strcmp(e->d_name + len - 4, ".cfg") != 0)
			continue;
		snprintf(path, sizeof path, "scenarios/%s", e->d_name);
		text = slurp(path);
		cr_assert_not_null(text, "%s", path);
		/* as shipped, it loads */
		cr_assert_eq(load_text(text, msg, sizeof msg, &n_err), LT_OK,
		             "%s: %s", path, msg);
		for (i = 0; i < sizeof slips / sizeof *slips; i++) {
			char *scaled = scale_money(text, slips[i].factor, mask, &n);

			cr_expect_geq(n, 1, "%s: nothing scaled", path);
			snprintf(want, sizeof want, "%s looks like %s, not million VND",
			         prefix, slips[i].unit);
			cr_expect_eq(load_text(scaled, msg, sizeof msg, &n_err),
			             LT_EINVAL, "%s times %g loads", path,
			             slips[i].factor);
			cr_expect(strncmp(msg, want, strlen(want)) == 0,
			          "%s times %g: got \"%s\", want \"%s...\"", path,
			          slips[i].factor, msg, want);
			/* one slip, one message: the checks after a failed
			 * reference are skipped */
			cr_expect_eq(n_err, 1, "%s times %g: %zu errors", path,
			             slips[i].factor, n_err);
			free(scaled);
		}
		free(text);
		n_files++;
	}
	closedir(dir);
	cr_expect_geq(n_files, 3, "the three province scenarios");
}

/* All money in another unit: GRDP is the first amount checked, against
 * the provinces' range. */
Test(units, every_money_field_scaled)
{
	expect_every_slip_refused(K_ALL, "'grdp' in 'economy'");
}

/* GRDP right, the budget's money in another unit: the spending base
 * against GRDP names it. */
Test(units, budget_money_scaled)
{
	expect_every_slip_refused(K_ALL & ~K_GRDP, "'amount' in 'budget'");
}

/* The scanner itself: only money keys change, years and other numbers do
 * not, and strings and comments are left alone. */
Test(units, scanner_scales_only_money)
{
	static const char in[] =
	    "economy = { grdp = 150000000; grdp_year = 2023; growth_pct = 8.5;"
	    " source = \"grdp = 5\"; }; # amount = 7\n"
	    "budget = { base = \"total\"; amount = 2.0e7; year = 2024;\n"
	    "  spending_history = ( (2021, 150000.0), (2022, 160000.0) ); };\n"
	    "t = { state = 45000.0; other = 0.0; split = ( (2026, 2026, 5000.0),"
	    " (2027, 2030, 40000.0) ); };\n";
	size_t n;
	char *out = scale_money(in, 1e3, K_ALL, &n);

	cr_expect_eq(n, 8);
	cr_expect(strstr(out, "grdp = 1.50000000000000000e+11;") != NULL, "%s", out);
	cr_expect(strstr(out, "grdp_year = 2023;") != NULL, "%s", out);
	cr_expect(strstr(out, "growth_pct = 8.5;") != NULL, "%s", out);
	cr_expect(strstr(out, "\"grdp = 5\"") != NULL, "%s", out);
	cr_expect(strstr(out, "# amount = 7") != NULL, "%s", out);
	cr_expect(strstr(out, "year = 2024;") != NULL, "%s", out);
	cr_expect(strstr(out, "(2021, 1.50000000000000000e+08)") != NULL, "%s", out);
	cr_expect(strstr(out, "(2026, 2026, 5.00000000000000000e+06)") != NULL,
	          "%s", out);
	free(out);
}

/* One field alone in another unit, each against its own reference. */
Test(units, single_fields)
{
	char *text = slurp("tests/data/good/full.cfg"), *scaled, msg[LT_ERROR_MSG_MAX];
	size_t n, n_err;

	cr_assert_not_null(text);
	cr_assert_eq(load_text(text, msg, sizeof msg, &n_err), LT_OK, "%s", msg);
	/* spending history 150000 of a base of 2e7 (0.75 %) typed in
	 * thousand VND: 750 % of the base (edited directly: scaling the
	 * budget's keys would scale the amount too, which is caught first) */
	{
		char *t2 = strdup(text), *p = strstr(t2, "(2021, 150000.0)");

		cr_assert_not_null(p);
		memcpy(p, "(2021, 1.5e+08 )", 16);
		cr_expect_eq(load_text(t2, msg, sizeof msg, &n_err), LT_EINVAL);
		cr_expect(strncmp(msg, "the 2021 value of 'spending_history' in "
		                  "'budget' looks like thousand VND", 71) == 0,
		          "%s", msg);
		free(t2);
	}
	/* capital0 500000 (0.33 % of GRDP 1.5e8) typed in billion VND: 0.5 */
	scaled = scale_money(text, 1e-6, K_CAPITAL, &n);
	cr_expect_eq(n, 1);
	cr_expect_eq(load_text(scaled, msg, sizeof msg, &n_err), LT_EINVAL);
	cr_expect(strncmp(msg, "'capital0' of channel 'digital' looks like "
	                  "trillion VND", 55) == 0, "%s", msg);
	free(scaled);
	/* programme amounts in VND: 1200 million becomes 1.2e9, some 860 %
	 * of the base over the plan.  Programme amounts have no lower bound
	 * (small tasks are plausible), so either larger slip fits; the loader
	 * names the nearer one */
	scaled = scale_money(text, 1e6, K_PROGRAMS, &n);
	cr_expect_eq(load_text(scaled, msg, sizeof msg, &n_err), LT_EINVAL);
	cr_expect(strstr(msg, "looks like VND, not million VND") != NULL ||
	          strstr(msg, "looks like thousand VND") != NULL, "%s", msg);
	free(scaled);
	free(text);
}
