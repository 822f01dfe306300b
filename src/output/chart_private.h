/* chart_private.h - what the files of the chart module share: one chart
 * being written (its data file, its labels, its template arguments) and
 * the texts every kind uses.  Nothing outside src/output/chart*.c
 * includes it. */
#ifndef LT_CHART_PRIVATE_H
#define LT_CHART_PRIVATE_H

#include <stddef.h>

#include "lotrinh/chart.h"
#include "lotrinh/sink.h"

/* Arguments a kind may add after the six every template takes. */
#define LT_CHART_OWN_ARGS (LT_PLOT_MAX_ARGS - 6)

/* One chart being written.  Every call after a failure does nothing; the
 * first failure is kept in rc (with its message in diag) and returned by
 * lt_chart_end. */
typedef struct lt_chart {
	const lt_chart_opts *o;
	const char *kind;          /* the template's name, "trajectory" */
	char stem[160];
	char dir[1024];            /* o->subdir + "/", or "" */
	lt_sink *data;             /* STEM.tsv */
	lt_sink *keys, *texts;     /* the labels' two lines, in memory */
	size_t n_labels;
	size_t col;                /* fields written on the data's line */
	char args[LT_CHART_OWN_ARGS][256]; /* ARG7.. */
	size_t n_args;
	int rc;
	lt_diag *diag;
} lt_chart;

/* Start chart KIND of indicator IND (NULL: of the scenario) with options
 * O: open STEM.tsv and the labels.  Returns LT_OK or the failure (also
 * kept in C). */
int lt_chart_begin(lt_chart *c, const lt_chart_opts *o, const char *kind,
                   const lt_indicator *ind, lt_diag *diag);

/* A label KEY with TEXT (lt_plot_data_text), or formatted. */
void lt_chart_label(lt_chart *c, const char *key, const char *text);
void lt_chart_labelf(lt_chart *c, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The next template argument (ARG7, ARG8, ARG9): numbers and flag words
 * only, never a scenario's text. */
void lt_chart_arg(lt_chart *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Fields of the data file: a number (its shortest round-trip form; empty
 * when not finite), an integer, a text (lt_plot_data_text); then the end
 * of the line, and a blank line (a new block for gnuplot). */
void lt_chart_num(lt_chart *c, double v);
void lt_chart_int(lt_chart *c, long v);
void lt_chart_text(lt_chart *c, const char *text);
void lt_chart_eol(lt_chart *c);
void lt_chart_blank(lt_chart *c);

/* Finish: close the data and labels files, copy the template, write the
 * redraw script and draw the image with TITLE (ARG5).  Returns LT_OK or
 * the first failure; every file not finished is discarded. */
int lt_chart_end(lt_chart *c, const char *title);

/* Abandon the chart on an error path: discard every file. */
void lt_chart_abort(lt_chart *c);

/* ---- texts -------------------------------------------------------------- */

/* EN or VI as LANG asks. */
#define LT_L(lang, en, vi) ((lang) == LT_LANG_VI ? (vi) : (en))

/* IND's name and unit in LANG (the English one when no Vietnamese one is
 * given; "" for no unit).  Borrowed. */
const char *lt_chart_name(const lt_indicator *ind, lt_lang lang);
const char *lt_chart_unit(const lt_indicator *ind, lt_lang lang);

/* A chart's title into BUF: "NAME: WHAT — PROVINCE", IND's name shortened
 * to LT_CHART_TITLE_NAME columns ("NAME — PROVINCE" when WHAT is NULL;
 * "WHAT — PROVINCE" when IND is NULL).  Returns BUF. */
#define LT_CHART_TITLE_NAME 56
char *lt_chart_title(const lt_scenario *s, const lt_indicator *ind,
                     const char *what, lt_lang lang, char *buf, size_t size);

/* The province's name in LANG.  Borrowed. */
const char *lt_chart_province(const lt_scenario *s, lt_lang lang);

/* V with DECIMALS decimals in LANG's convention, trailing zeros dropped,
 * into BUF.  Returns BUF. */
char *lt_chart_fmt(double v, int decimals, lt_lang lang, char *buf,
                   size_t size);

/* A probability COUNT / N as the charts write it, with the number of
 * draws: "0.31 (2,000 draws)", or for none or all of them the rule of
 * three ("below 0.0015 (met in none of 2,000 draws)").  Into BUF. */
char *lt_chart_prob(size_t count, size_t n, lt_lang lang, char *buf,
                    size_t size);

#endif /* LT_CHART_PRIVATE_H */
