/* cmd_sens.c - `lotrinh sens SCENARIO`: which uncertain parameters move
 * each target.  Parses the schedule and sampling options, runs lt_sens_run
 * and renders its result as one document: per target a tornado of the
 * target-year value and of the share the target needs, then the Sobol
 * indices of the value and of meeting the target (table, CSV or JSON
 * through the output layer). */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/alloc.h"
#include "lotrinh/cli.h"
#include "lotrinh/scenario.h"
#include "lotrinh/sens.h"
#include "lotrinh/table.h"
#include "lotrinh/text.h"

const char lt_usage_sens[] =
	"Usage: lotrinh sens [--share S | --ramp S0:S1:YEAR |\n"
	"                     --schedule programs|scenario]\n"
	"                    [--samples N] [--bootstrap R] [--seed S]\n"
	"                    [--threads T] [--no-sobol] [--indicator ID]...\n"
	"                    [--format table|csv|json|xlsx] [--out FILE] SCENARIO\n"
	"\n"
	"Which uncertain parameters move each target (docs/MODEL.md,\n"
	"\"Sensitivity\"), for every simulated indicator with a target:\n"
	"  - a tornado: each parameter the scenario gives as a distribution at\n"
	"    its 10th and its 90th percentile, the others at their medians,\n"
	"    and what that does to the value in the target year and to the\n"
	"    constant share of the spending base the target needs;\n"
	"  - Sobol indices of the target-year value and of meeting the target:\n"
	"    the share of the outcome's variance each parameter (and the yearly\n"
	"    shocks, as one group) explains alone (S1) and with its\n"
	"    interactions (ST), with 95 % bootstrap intervals.\n"
	"\n"
	"Schedule (default: the scenario's own):\n"
	"  --share S            a constant S % of the spending base every year\n"
	"  --ramp S0:S1:YEAR    from S0 % in the baseline year to S1 % in YEAR,\n"
	"                       constant after\n"
	"  --schedule programs  what the plan's programmes spend each year\n"
	"  --schedule scenario  the scenario's schedule\n"
	"\n"
	"Sobol (Saltelli sampling, N x (factors + 2) model runs):\n"
	"  --samples N          base rows N, from 64 to 1048576 (default 4096)\n"
	"  --bootstrap R        bootstrap resamples for the intervals, 0 (none)\n"
	"                       or from 2 to 10000 (default 100)\n"
	"  --seed S             seed of the sample (default 1): the same seed\n"
	"                       gives the same numbers on any number of threads\n"
	"  --threads T          threads to use (default: the machine's cores)\n"
	"  --no-sobol           the tornado alone\n"
	"\n"
	"Options:\n"
	"  --indicator ID           only this indicator (repeat for several)\n"
	"  --format table|csv|json|xlsx\n"
	"                           output format (default table)\n"
	"                           xlsx is a workbook and needs --out\n"
	"  --out FILE               write to FILE (replaced whole, never an input)\n"
	"  -h, --help               show this help\n"
	"\n"
	"Exit status: 0 on success, 1 when a computation fails, 2 on bad usage\n"
	"or an invalid scenario, 3 when the output cannot be written.\n";

/* Fewest base rows a command accepts: the standard error of an index is
 * about sd(term)/(V·sqrt(N)), of order 1/sqrt(N) (docs/MODEL.md), so at
 * N = 64 it is already near 0.1, as wide as the differences a reader
 * would draw; fewer rows would print noise. */
#define SENS_MIN_SAMPLES 64

/* ---- options ----------------------------------------------------------- */

enum { OPT_SAMPLES = LT_OPT_OWN, OPT_BOOTSTRAP, OPT_NO_SOBOL };

struct sens_args {
	lt_sens_opts o;
	int sobol_given;  /* --samples or --bootstrap */
};

/* Handle one of sens's own options. */
static int own_option(int c, const char *arg, struct sens_args *a)
{
	long v;
	int st;

	switch (c) {
	case OPT_SAMPLES:
		st = lt_cli_whole("sens", "--samples", arg, SENS_MIN_SAMPLES,
		                  (long)LT_SOBOL_MAX_N, NULL, &v);
		a->o.samples = (size_t)v;
		a->sobol_given = 1;
		return st;
	case OPT_BOOTSTRAP:
		st = lt_cli_whole("sens", "--bootstrap", arg, 2,
		                  LT_SOBOL_MAX_BOOTSTRAP, "no intervals", &v);
		a->o.bootstrap = (size_t)v;
		a->sobol_given = 1;
		return st;
	case OPT_NO_SOBOL:
		a->o.sobol = 0;
		return LT_EXIT_OK;
	default:
		return -1;
	}
}

/* ---- cells ------------------------------------------------------------- */

/* A number, missing when not finite. */
static lt_cell num(double v, int prec, unsigned style)
{
	return isfinite(v) ? lt_cell_number(v, prec, style, NULL)
	                   : lt_cell_missing(NULL);
}

static int has_share(const lt_share_result *x)
{
	return x->answer == LT_ANSWER_SOLVED || x->answer == LT_ANSWER_FREE;
}

/* An index with its interval, "0.912 ± 0.021", three decimals, never
 * "-0.000". */
static lt_cell index_cell(double v, double conf, char *buf, size_t n)
{
	if (fabs(v) < 5e-4)
		v = 0.0;
	if (isfinite(conf))
		snprintf(buf, n, "%.3f ± %.3f", v, conf);
	else
		snprintf(buf, n, "%.3f", v);
	return lt_cell_text(buf);
}

/* ---- the tables: one set of CSV columns for all ---------------------------
 *
 * Every table of the document shows the same CSV columns (one CSV table),
 * each kind of table its own in text and JSON. */
enum col {
	C_IND, C_ANALYSIS, C_OUTCOME, C_FACTOR, C_P10, C_P90, C_BASE, C_AT_P10,
	C_AT_P90, C_SWING, C_ANS_P10, C_ANS_P90, C_S1, C_S1_CONF, C_ST,
	C_ST_CONF, C_NO_EFFECT, C_NOTE, C_TEXT_P10, C_TEXT_P90, C_TEXT_SWING,
	C_TEXT_S1, C_TEXT_ST, NCOLS
};

enum kind { K_VALUE, K_SHARE, K_SOBOL, K_FLAT };

enum { CSV = LT_SHOW_CSV, DATA = LT_SHOW_DATA, ALL = LT_SHOW_ALL,
       TEXT = LT_SHOW_TEXT };

static const struct {
	const char *key, *head[4]; /* the header by kind of table */
	unsigned show[4];          /* the formats by kind of table */
} cols[NCOLS] = {
	[C_IND] = {"indicator", {0}, {CSV, CSV, CSV, CSV}},
	[C_ANALYSIS] = {"analysis", {0}, {CSV, CSV, CSV, CSV}},
	[C_OUTCOME] = {"outcome", {0}, {CSV, CSV, CSV, CSV}},
	[C_FACTOR] = {"factor", {"parameter", "parameter", "factor"},
	              {ALL, ALL, ALL, CSV}},
	[C_P10] = {"p10", {"p10", "p10"}, {ALL, ALL, CSV, CSV}},
	[C_P90] = {"p90", {"p90", "p90"}, {ALL, ALL, CSV, CSV}},
	[C_BASE] = {"base", {0}, {DATA, DATA, CSV, CSV}},
	[C_AT_P10] = {"at_p10", {"value at p10"}, {ALL, DATA, CSV, CSV}},
	[C_AT_P90] = {"at_p90", {"value at p90"}, {ALL, DATA, CSV, CSV}},
	[C_SWING] = {"swing", {"swing"}, {ALL, DATA, CSV, CSV}},
	[C_ANS_P10] = {"answer_p10", {0}, {CSV, DATA, CSV, CSV}},
	[C_ANS_P90] = {"answer_p90", {0}, {CSV, DATA, CSV, CSV}},
	[C_S1] = {"s1", {0}, {CSV, CSV, DATA, CSV}},
	[C_S1_CONF] = {"s1_conf", {0}, {CSV, CSV, DATA, CSV}},
	[C_ST] = {"st", {0}, {CSV, CSV, DATA, CSV}},
	[C_ST_CONF] = {"st_conf", {0}, {CSV, CSV, DATA, CSV}},
	[C_NO_EFFECT] = {"no_effect", {0}, {DATA, DATA, DATA, CSV}},
	[C_NOTE] = {"note", {0}, {CSV, CSV, CSV, CSV}},
	[C_TEXT_P10] = {"share_p10_text", {NULL, "share at p10"},
	                {0, TEXT, 0, 0}},
	[C_TEXT_P90] = {"share_p90_text", {NULL, "share at p90"},
	                {0, TEXT, 0, 0}},
	[C_TEXT_SWING] = {"share_swing_text", {NULL, "swing (points)"},
	                  {0, TEXT, 0, 0}},
	[C_TEXT_S1] = {"s1_text", {NULL, NULL, "S1 (first order)"},
	               {0, 0, TEXT, 0}},
	[C_TEXT_ST] = {"st_text", {NULL, NULL, "ST (total)"}, {0, 0, TEXT, 0}},
};

/* A table of kind KIND under KEY in D (shown in SHOW), its columns set. */
static lt_table *table(lt_doc *d, const char *key, enum kind kind,
                       unsigned show)
{
	lt_table *t = lt_doc_table(d, key, NULL, NULL, NCOLS, show);
	size_t c;

	for (c = 0; t != NULL && c < NCOLS; c++) {
		const char *h = cols[c].head[kind] != NULL ? cols[c].head[kind]
		                                           : cols[c].key;

		lt_table_set_column(t, c, cols[c].key, h, NULL, c == C_FACTOR ?
		                    LT_LEFT : LT_RIGHT, cols[c].show[kind]);
	}
	return t;
}

/* A new row of T with the columns every row has. */
static void row(lt_table *t, const char *id, const char *analysis,
                const char *outcome)
{
	lt_table_add_row(t);
	lt_table_set(t, C_IND, id);
	lt_table_set(t, C_ANALYSIS, analysis);
	lt_table_set(t, C_OUTCOME, outcome);
}

/* ---- one target --------------------------------------------------------- *
 *
 * Text leaves out the parameters that change nothing about the target
 * (lt_sens_target.inert, named on one line); CSV and JSON keep every one.
 * So each table is built twice: for text, and for data. */

/* 1 when factor I of R is a parameter inert for target X. */
static int inert(const lt_sens_result *r, const lt_sens_target *x, size_t i)
{
	return i < r->n_params && x->inert[i];
}

/* The tornado of the target-year value, shown in SHOW (text: without the
 * inert parameters). */
static void value_tornado(lt_doc *d, const lt_sens_result *r,
                          const lt_sens_target *x, const char *id,
                          unsigned show)
{
	lt_table *t = table(d, "bars", K_VALUE, show);
	size_t j;

	for (j = 0; t != NULL && j < r->n_params; j++) {
		const lt_sens_bar *b = &x->bars[x->by_value[j]];
		const lt_sens_param *q = &r->params[b->param];

		if (show == TEXT && x->inert[b->param])
			continue;
		row(t, id, "tornado", "value");
		lt_table_set(t, C_FACTOR, q->name);
		lt_table_put(t, C_P10, num(q->p10, 4, LT_NUM_SIG));
		lt_table_put(t, C_P90, num(q->p90, 4, LT_NUM_SIG));
		lt_table_put(t, C_BASE, num(x->base_value, 2, LT_NUM_FIXED));
		lt_table_put(t, C_AT_P10, num(b->value_lo, 2, LT_NUM_FIXED));
		lt_table_put(t, C_AT_P90, num(b->value_hi, 2, LT_NUM_FIXED));
		lt_table_put(t, C_SWING, num(b->value_hi - b->value_lo, 2,
		                             LT_NUM_FIXED | LT_NUM_SIGN));
		lt_table_put(t, C_NO_EFFECT, lt_cell_bool(x->inert[b->param]));
	}
}

/* The share swing of bar B in text: points, "answer changes" or "no
 * change". */
static lt_cell share_swing(const lt_sens_bar *b)
{
	if (has_share(&b->share_lo) && has_share(&b->share_hi))
		return num(b->share_hi.share - b->share_lo.share, 2,
		           LT_NUM_FIXED | LT_NUM_SIGN);
	return lt_cell_text(b->share_lo.answer != b->share_hi.answer
	                    ? "answer changes" : "no change");
}

/* 1 when no parameter moves the share answer of X off its base answer,
 * which is no share ("not reachable" at every p10 and p90). */
static int share_fixed(const lt_sens_result *r, const lt_sens_target *x)
{
	size_t p;

	if (has_share(&x->base_share))
		return 0;
	for (p = 0; p < r->n_params; p++)
		if (x->bars[p].share_lo.answer != x->base_share.answer ||
		    x->bars[p].share_hi.answer != x->base_share.answer)
			return 0;
	return 1;
}

/* The tornado of the share the target needs, shown in SHOW. */
static void share_tornado(lt_doc *d, const lt_sens_result *r,
                          const lt_sens_target *x, const char *id,
                          unsigned show)
{
	lt_table *t = table(d, "bars", K_SHARE, show);
	char a[32], b2[32];
	size_t j;

	for (j = 0; t != NULL && j < r->n_params; j++) {
		const lt_sens_bar *b = &x->bars[x->by_share[j]];
		const lt_sens_param *q = &r->params[b->param];

		if (show == TEXT && x->inert[b->param])
			continue;
		row(t, id, "tornado", "share");
		lt_table_set(t, C_FACTOR, q->name);
		lt_table_put(t, C_P10, num(q->p10, 4, LT_NUM_SIG));
		lt_table_put(t, C_P90, num(q->p90, 4, LT_NUM_SIG));
		lt_table_put(t, C_BASE, num(x->base_share.share, 0, 0));
		lt_table_put(t, C_AT_P10, num(b->share_lo.share, 0, 0));
		lt_table_put(t, C_AT_P90, num(b->share_hi.share, 0, 0));
		lt_table_put(t, C_SWING, has_share(&b->share_lo) &&
		             has_share(&b->share_hi) ? num(b->share_hi.share -
		             b->share_lo.share, 0, 0) : lt_cell_missing(NULL));
		lt_table_set(t, C_ANS_P10, lt_cli_answer_name(b->share_lo.answer));
		lt_table_set(t, C_ANS_P90, lt_cli_answer_name(b->share_hi.answer));
		lt_table_put(t, C_TEXT_P10, lt_cli_share_cell(&b->share_lo, 2, a,
		             sizeof a));
		lt_table_put(t, C_TEXT_P90, lt_cli_share_cell(&b->share_hi, 2, b2,
		             sizeof b2));
		lt_table_put(t, C_TEXT_SWING, share_swing(b));
		lt_table_put(t, C_NO_EFFECT, lt_cell_bool(x->inert[b->param]));
	}
}

/* Both tornados of target X, each a section: its title, and its table
 * in text (without the inert parameters) and in data (every one). */
static void tornados(lt_doc *parent, const lt_sens_result *r,
                     const lt_sens_target *x, const char *id)
{
	char title[160];
	lt_doc *d;

	snprintf(title, sizeof title, "The value in %d, each parameter at p10 "
	         "and at p90 (the others at their medians):", x->year);
	d = lt_doc_child(parent, "tornado_value", title, NULL, LT_SHOW_ALL);
	value_tornado(d, r, x, id, TEXT);
	value_tornado(d, r, x, id, DATA);
	if (!share_fixed(r, x)) {
		d = lt_doc_child(parent, "tornado_share", "The constant share of "
		                 "the base the target needs, every year after the "
		                 "baseline:", NULL, LT_SHOW_ALL);
		share_tornado(d, r, x, id, TEXT);
	} else {
		snprintf(title, sizeof title, "The share of the base the target "
		         "needs: %s at p10 and at p90 of every parameter.",
		         x->base_share.answer == LT_ANSWER_CEILING ? "never (the "
		         "target lies at the model's ceiling)" : "not reachable "
		         "with any share up to 100%");
		d = lt_doc_child(parent, "tornado_share", title, NULL, LT_SHOW_ALL);
	}
	share_tornado(d, r, x, id, DATA);
}

/* The tornados of target X in CSV and JSON alone. */
static void data_tornados(lt_doc *parent, const lt_sens_result *r,
                          const lt_sens_target *x, const char *id)
{
	value_tornado(lt_doc_child(parent, "tornado_value", NULL, NULL,
	                           LT_SHOW_DATA), r, x, id, DATA);
	share_tornado(lt_doc_child(parent, "tornado_share", NULL, NULL,
	                           LT_SHOW_DATA), r, x, id, DATA);
}

/* The Sobol indices of output O of the target, factors by ST, shown in
 * SHOW. */
static void sobol_table(lt_doc *d, const lt_sens_result *r,
                        const lt_sens_target *x, const lt_sobol_output *o,
                        const size_t *order, const char *id,
                        const char *outcome, unsigned show)
{
	lt_table *t = table(d, "indices", K_SOBOL, show);
	char a[64], b[64];
	size_t j;

	for (j = 0; t != NULL && j < r->n_factors; j++) {
		size_t i = order[j];

		if (show == TEXT && inert(r, x, i))
			continue;
		row(t, id, "sobol", outcome);
		lt_table_set(t, C_FACTOR, lt_sens_factor_name(r, i));
		lt_table_put(t, C_S1, num(o->s1[i], 0, 0));
		lt_table_put(t, C_S1_CONF, num(o->s1_conf[i], 0, 0));
		lt_table_put(t, C_ST, num(o->st[i], 0, 0));
		lt_table_put(t, C_ST_CONF, num(o->st_conf[i], 0, 0));
		lt_table_put(t, C_TEXT_S1, index_cell(o->s1[i], o->s1_conf[i], a,
		                                      sizeof a));
		lt_table_put(t, C_TEXT_ST, index_cell(o->st[i], o->st_conf[i], b,
		                                      sizeof b));
		lt_table_put(t, C_NO_EFFECT, lt_cell_bool(inert(r, x, i)));
	}
}

/* An outcome without variance: a line in text, a row with the note in
 * CSV, a field in JSON. */
static void flat(lt_doc *d, const char *id, const char *outcome,
                 const char *note)
{
	lt_table *t = table(d, "flat", K_FLAT, LT_SHOW_CSV);

	lt_doc_linef(d, "%s: no variance to share out, no indices.", note);
	if (t != NULL) {
		row(t, id, "sobol", outcome);
		lt_table_set(t, C_NOTE, note);
	}
	lt_doc_field(d, "note", "note", NULL, lt_cell_text(note), LT_SHOW_JSON);
}

/* The Sobol section of output O of target X under KEY: TITLE over its
 * table, or NOTE when it is flat. */
static void sobol_section(lt_doc *parent, const lt_sens_result *r,
                          const lt_sens_target *x, const char *id,
                          int met, const char *title, const char *note)
{
	const lt_sobol_output *o = &r->sobol.out[met ? x->out_met
	                                             : x->out_value];
	const char *outcome = met ? "met" : "value";
	lt_doc *d = lt_doc_child(parent, met ? "sobol_met" : "sobol_value",
	                         o->degenerate ? NULL : title, NULL,
	                         LT_SHOW_ALL);

	lt_doc_field(d, "degenerate", "degenerate", NULL,
	             lt_cell_bool(o->degenerate), LT_SHOW_JSON);
	lt_doc_field(d, "mean", "mean", NULL, num(o->mean, 0, 0), LT_SHOW_JSON);
	lt_doc_field(d, "sd", "sd", NULL, num(o->sd, 0, 0), LT_SHOW_JSON);
	if (met)
		lt_doc_field(d, "runs_met", "runs_met", NULL,
		             lt_cell_int((long long)x->met_rows), LT_SHOW_JSON);
	if (o->degenerate) {
		flat(d, id, outcome, note);
		return;
	}
	sobol_table(d, r, x, o, met ? x->st_met : x->st_value, id, outcome,
	            TEXT);
	sobol_table(d, r, x, o, met ? x->st_met : x->st_value, id, outcome,
	            DATA);
}

/* Both Sobol sections of target X: the value, and meeting the target. */
static void sobols(lt_doc *d, const lt_sens_result *r,
                   const lt_sens_target *x, const char *id)
{
	const lt_sobol_output *o = &r->sobol.out[x->out_value];
	size_t n = 2 * r->sobol.n;
	char title[200], note[200];

	snprintf(title, sizeof title, "Sobol indices of the value in %d (mean "
	         "%.4g, sd %.3g over the %zu runs of A and B):", x->year,
	         o->mean, o->sd, n);
	snprintf(note, sizeof note, "The value in %d is the same in all %zu "
	         "runs of A and B", x->year, n);
	sobol_section(d, r, x, id, 0, title, note);
	snprintf(title, sizeof title, "Sobol indices of meeting the target in %d "
	         "(met in %zu of the %zu runs of A and B):", x->year,
	         x->met_rows, n);
	snprintf(note, sizeof note, "Meeting the target in %d: met in %s of the "
	         "%zu runs of A and B", x->year, x->met_rows == 0 ? "none" : "all",
	         n);
	sobol_section(d, r, x, id, 1, title, note);
}

/* The base run in words and as data. */
static void base_lines(lt_doc *d, const lt_scenario *s,
                       const lt_sens_target *x, size_t k, size_t n_params)
{
	const lt_share_result *b = &x->base_share;
	char v[48], sh[96];

	lt_format_number(x->base_value, 2, 0, LT_LANG_EN, v, sizeof v);
	if (b->answer == LT_ANSWER_SOLVED)
		snprintf(sh, sizeof sh, "the target needs %.2f%% of the base every "
		         "year", b->share);
	else
		snprintf(sh, sizeof sh, "%s", b->answer == LT_ANSWER_FREE ? "the "
		         "target is met even with no spending" : b->answer ==
		         LT_ANSWER_CEILING ? "the target lies at the model's ceiling: "
		         "no share reaches it" : "no constant share up to 100% "
		         "reaches the target");
	lt_doc_linef(d, "%s: %s %s in %d; %s.", n_params > 0 ? "Every "
	             "parameter at its median" : "The scenario's values", v,
	             s->indicators[k].unit, x->year, sh);
	lt_doc_field(d, "base_value", "base_value", NULL, num(x->base_value, 0,
	             0), LT_SHOW_JSON);
	lt_doc_field(d, "base_share_answer", "base_share_answer", NULL,
	             lt_cell_text(lt_cli_answer_name(b->answer)), LT_SHOW_JSON);
	lt_doc_field(d, "base_share_pct", "base_share_pct", NULL,
	             num(b->share, 0, 0), LT_SHOW_JSON);
}

/* The parameters that change nothing about target X, on one line. */
static void inert_line(lt_doc *d, const lt_sens_result *r,
                       const lt_sens_target *x)
{
	char line[2048];
	size_t p, len, used = 0;

	if (x->n_inert == 0)
		return;
	len = (size_t)snprintf(line, sizeof line, "No effect on this target%s "
	                       "(left out below): ", r->has_sobol ? ", bit for "
	                       "bit, at p10, at p90 and in every Sobol run"
	                       : " at p10 or at p90");
	for (p = 0; p < r->n_params && len < sizeof line; p++)
		if (x->inert[p])
			len += (size_t)snprintf(line + len, sizeof line - len, "%s%s",
			                        used++ > 0 ? ", " : "",
			                        r->params[p].name);
	lt_doc_line(d, line);
}

static void indicator_doc(lt_doc *root, const lt_scenario *s,
                          const lt_sens_result *r, size_t k)
{
	const lt_indicator *ind = &s->indicators[k];
	const lt_sens_target *x = &r->ind[k];
	char title[512], tt[64];
	lt_doc *d;

	snprintf(title, sizeof title, "%s (%s), %s: target %s in %d", ind->name,
	         ind->id, ind->unit, lt_target_text(ind, 6, 1, tt, sizeof tt),
	         ind->target.year);
	d = lt_doc_list_item(root, "indicators", title, NULL, LT_SHOW_ALL);
	lt_doc_field(d, "id", "id", NULL, lt_cell_text(ind->id), LT_SHOW_JSON);
	lt_doc_field(d, "target_year", "target_year", NULL,
	             lt_cell_year(ind->target.year), LT_SHOW_JSON);
	lt_doc_field(d, "studied", "studied", NULL,
	             lt_cell_bool(x->status == LT_SENS_TARGET), LT_SHOW_JSON);
	if (x->status == LT_SENS_NOT_SIMULATED) {
		lt_doc_linef(d, "not simulated: %s", x->why);
		lt_doc_field(d, "note", "note", NULL, lt_cell_text(x->why),
		             LT_SHOW_JSON);
		return;
	}
	if (x->status == LT_SENS_OFF_GRID) {
		lt_doc_linef(d, "the target year lies past the horizon %d",
		             s->horizon);
		return;
	}
	base_lines(d, s, x, k, r->n_params);
	if (r->n_params == 0) {
		lt_table *t = table(d, "flat", K_FLAT, LT_SHOW_CSV);

		if (t != NULL) {
			row(t, ind->id, "tornado", "value");
			lt_table_put(t, C_BASE, num(x->base_value, 0, 0));
			lt_table_set(t, C_NOTE, "no uncertain parameter");
		}
		return;
	}
	if (x->n_inert == r->n_params) {
		lt_doc_linef(d, "No uncertain parameter changes this target%s.",
		             r->has_sobol ? ": the same value and share at every "
		             "p10 and p90, and in every Sobol run" : ": the same "
		             "value and share at every p10 and p90");
		data_tornados(d, r, x, ind->id);
	} else {
		inert_line(d, r, x);
		tornados(d, r, x, ind->id);
	}
	if (r->has_sobol)
		sobols(d, r, x, ind->id);
}

/* ---- the document ------------------------------------------------------ */

/* What was run, in words and as data. */
static void header(lt_doc *d, const lt_scenario *s, const lt_schedule *sc,
                   const lt_sens_result *r, const lt_sens_opts *o)
{
	char buf[160];
	const lt_sobol_result *x = &r->sobol;

	lt_doc_linef(d, "Schedule: %s", lt_cli_schedule_text(s, sc, buf,
	             sizeof buf));
	lt_doc_field(d, "schedule", "schedule", NULL, lt_cell_text(buf),
	             LT_SHOW_JSON);
	lt_doc_field(d, "shocks", "shocks", NULL, lt_cell_bool(r->shocks),
	             LT_SHOW_JSON);
	if (r->n_factors == 0) {
		lt_doc_line(d, "No parameter of the scenario is uncertain (none is "
		            "given as a distribution): there is nothing to vary.");
		return;
	}
	lt_doc_linef(d, "Tornado: each of the %zu uncertain parameters at its "
	             "10th and its 90th percentile (p10, p90), the others at "
	             "their medians, no yearly shocks; swing: the outcome at p90 "
	             "minus the outcome at p10.", r->n_params);
	if (!r->has_sobol)
		return;
	lt_doc_linef(d, "Sobol: N = %zu base rows, %zu model runs (N x (%zu "
	             "factors + 2)), seed %llu%s; %s.", x->n, x->evaluations,
	             r->n_factors, (unsigned long long)x->seed, r->shocks ?
	             ", the yearly shocks as one factor" : "", x->bootstrap > 0 ?
	             "± is the 95 % interval from the bootstrap" : "no bootstrap "
	             "intervals (--bootstrap 0)");
	lt_doc_line(d, "S1: the share of the outcome's variance the factor "
	            "explains alone; ST: with all its interactions.  ST near 0: "
	            "the factor could be fixed anywhere in its range; ST - S1: "
	            "what it does only together with others.  Estimates carry "
	            "the sampling error shown by ±: one a little below 0 or "
	            "above 1 is 0 or 1.");
	lt_doc_field(d, "samples", "samples", NULL, lt_cell_int((long long)x->n),
	             LT_SHOW_JSON);
	lt_doc_field(d, "evaluations", "evaluations", NULL,
	             lt_cell_int((long long)x->evaluations), LT_SHOW_JSON);
	lt_doc_field(d, "bootstrap", "bootstrap", NULL,
	             lt_cell_int((long long)x->bootstrap), LT_SHOW_JSON);
	lt_doc_field(d, "seed", "seed", NULL, lt_cell_int((long long)o->seed),
	             LT_SHOW_JSON);
}

/* The uncertain parameters and their percentiles (JSON). */
static void params_json(lt_doc *d, const lt_sens_result *r)
{
	static const char *const keys[] = {"name", "p10", "p50", "p90"};
	lt_table *t = lt_doc_table(d, "parameters", NULL, NULL, 4, LT_SHOW_JSON);
	size_t j, c;

	for (c = 0; t != NULL && c < 4; c++)
		lt_table_set_column(t, c, keys[c], keys[c], NULL, LT_LEFT,
		                    LT_SHOW_JSON);
	for (j = 0; t != NULL && j < r->n_params; j++) {
		lt_table_add_row(t);
		lt_table_set(t, 0, r->params[j].name);
		lt_table_put(t, 1, num(r->params[j].p10, 0, 0));
		lt_table_put(t, 2, num(r->params[j].p50, 0, 0));
		lt_table_put(t, 3, num(r->params[j].p90, 0, 0));
	}
}

/* The whole result as a document (caller frees). */
static lt_doc *sens_doc(const lt_scenario *s, const lt_schedule *sc,
                        const lt_sens_result *r, const lt_sens_opts *o,
                        const lt_cli_opts *co)
{
	char title[512];
	lt_doc *d;
	size_t k, j;

	snprintf(title, sizeof title, "Sensitivity — %s (%s)", s->province.name,
	         s->path);
	d = lt_doc_alloc(title, NULL);
	lt_doc_field(d, "scenario", "scenario", NULL, lt_cell_text(s->path),
	             LT_SHOW_JSON);
	header(d, s, sc, r, o);
	/* the CSV header, even when no table below has a row */
	table(d, "csv_header", K_FLAT, LT_SHOW_CSV);
	params_json(d, r);
	lt_doc_list(d, "indicators", LT_SHOW_ALL);
	for (k = 0; co->n_ids == 0 && k < s->n_indicators; k++)
		indicator_doc(d, s, r, k);
	for (j = 0; j < co->n_ids; j++)
		indicator_doc(d, s, r, (size_t)lt_scenario_find_indicator(s,
		              co->ids[j]));
	return d;
}

/* ---- the command ------------------------------------------------------- */

static int run(const lt_scenario *s, const lt_schedule *sc,
               lt_sens_opts *o, const lt_cli_opts *co)
{
	size_t *ks = NULL, j;
	lt_cli_progress pr;
	lt_sens_result r;
	lt_doc *doc;
	lt_diag d;
	int rc = LT_OK;

	lt_diag_init(&d, s->path);
	if (co->n_ids > 0 && (ks = lt_calloc(co->n_ids, sizeof *ks)) == NULL)
		rc = lt_error_raise(&d, LT_ENOMEM, NULL, 0, "out of memory");
	for (j = 0; ks != NULL && j < co->n_ids; j++)
		ks[j] = (size_t)lt_scenario_find_indicator(s, co->ids[j]);
	if (rc == LT_OK && o->sobol &&
	    lt_cli_progress_start(&pr, "Sobol", "model runs")) {
		o->progress = lt_cli_progress_show;
		o->progress_data = &pr;
	}
	if (rc == LT_OK)
		rc = lt_sens_run(s, sc, ks, co->n_ids, o, &r, &d);
	if (o->progress != NULL)
		lt_cli_progress_end(&pr);
	free(ks);
	lt_cli_print_diag(&d);
	lt_diag_destroy(&d);
	if (rc != LT_OK)
		return lt_cli_exit_status(rc);
	doc = sens_doc(s, sc != NULL ? sc : &s->budget.schedule, &r, o, co);
	/* a NULL document renders as "out of memory" */
	rc = lt_cli_emit(doc, co, (const char *const[]){s->path}, 1);
	lt_doc_free(doc);
	lt_sens_result_destroy(&r);
	return rc;
}

/* After parsing: the Sobol options need Sobol. */
static int check_args(const struct sens_args *a, const lt_cli_run_opts *ro)
{
	if (!a->o.sobol && (a->sobol_given || ro->seed_or_threads))
		return lt_cli_usage_error("sens", "'--samples', '--bootstrap', "
		                          "'--seed' and '--threads' go with Sobol: "
		                          "drop '--no-sobol'");
	return lt_cli_run_opts_check("sens", ro, NULL);
}

int lt_cmd_sens(int argc, char **argv)
{
	static const struct option opts[] = {
		{"bootstrap", required_argument, NULL, OPT_BOOTSTRAP},
		{"format", required_argument, NULL, LT_OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{"indicator", required_argument, NULL, LT_OPT_INDICATOR},
		{"no-sobol", no_argument, NULL, OPT_NO_SOBOL},
		{"out", required_argument, NULL, LT_OPT_OUT},
		{"ramp", required_argument, NULL, LT_OPT_RAMP},
		{"samples", required_argument, NULL, OPT_SAMPLES},
		{"schedule", required_argument, NULL, LT_OPT_SCHEDULE},
		{"seed", required_argument, NULL, LT_OPT_SEED},
		{"share", required_argument, NULL, LT_OPT_SHARE},
		{"threads", required_argument, NULL, LT_OPT_THREADS},
		{NULL, 0, NULL, 0},
	};
	struct sens_args a;
	lt_cli_run_opts ro;
	lt_cli_opts o;
	lt_scenario *s = NULL;
	int c, status = LT_EXIT_OK;

	memset(&a, 0, sizeof a);
	a.o.sobol = 1;
	a.o.samples = LT_SENS_SAMPLES;
	a.o.bootstrap = LT_SENS_BOOTSTRAP;
	lt_cli_run_opts_init(&ro);
	lt_cli_opts_init(&o);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(lt_usage_sens, stdout);
			goto done;
		}
		status = lt_cli_run_option("sens", c, optarg, &ro);
		if (status < 0)
			status = own_option(c, optarg, &a);
		if (status < 0)
			status = lt_cli_option("sens", c, optarg, &o);
		if (status < 0)
			status = lt_cli_bad_option("sens", c, argv);
		if (status != LT_EXIT_OK)
			goto done;
	}
	status = check_args(&a, &ro);
	if (status == LT_EXIT_OK)
		status = lt_cli_load_operand("sens", argc, argv, &s);
	if (status == LT_EXIT_OK)
		status = lt_cli_check_ids("sens", &o, s);
	if (status == LT_EXIT_OK)
		status = lt_cli_schedule_check("sens", s, &ro);
	if (status == LT_EXIT_OK) {
		a.o.seed = ro.mc.seed;
		a.o.threads = ro.mc.threads;
		status = run(s, lt_cli_schedule(&ro), &a.o, &o);
	}
done:
	lt_scenario_free(s);
	lt_cli_opts_destroy(&o);
	return status;
}
