/* chart.h - charts of the engines' results, drawn by gnuplot from the
 * templates in plots/ (DESIGN §7; issue 11; docs/CHARTS.md).
 *
 * One function per kind of chart.  Each takes the scenario and the result
 * structs an engine returned and writes, into the caller's output
 * directory (outdir.h: a manifest, every file written to a temporary name
 * and renamed), a set of files named after the chart (its stem, e.g.
 * "trajectory-digital_economy"):
 *
 *   STEM.tsv          the numbers drawn: tab-separated, one header line of
 *                     column keys (or, for series gnuplot titles from the
 *                     header, their legend texts), numbers in the shortest
 *                     form that reads back to the same double, a value that
 *                     is missing or not finite as an empty field;
 *   STEM.labels.tsv   the chart's texts in the language asked for: a line
 *                     of keys and a line of texts, read by the template
 *                     with strcol (never as code);
 *   STEM.gp           the template as it was used, a copy of plots/KIND.gp;
 *   STEM.sh           `gnuplot -c STEM.gp ARGS...` with every argument
 *                     quoted for the shell: edit STEM.gp or the labels
 *                     and run it to redraw;
 *   STEM.png|svg|pdf  the chart.
 *
 * Every template takes the same first six arguments: ARG1 the format
 * (png, svg, pdf), ARG2 the image, ARG3 the data, ARG4 the labels, ARG5
 * the title, ARG6 the decimal sign ("." in English, "," in Vietnamese);
 * ARG7-ARG9 are the kind's own (docs/CHARTS.md).  Text files are written
 * through the directory's sinks; gnuplot draws into the temporary file
 * lt_outdir_temp gives out beside the image, adopted only when gnuplot
 * succeeds and drew something.  No text of the scenario reaches gnuplot
 * as code (plot.h).
 *
 * Each function returns LT_OK; LT_EINVAL for a result that does not
 * belong to the scenario, or when the output directory refuses a file
 * (one lotrinh did not write, or one edited since); LT_EIO when a file
 * cannot be written or the template read; LT_EEXTERN when gnuplot is
 * missing or fails (lt_plot_run's message); LT_ENOMEM.  Errors are
 * recorded in DIAG.  When gnuplot fails, the data, labels, template and
 * script are in place (run the script to see why) and the image is not.
 * A chart with nothing to draw (an indicator the model does not simulate,
 * a target without a curve) writes nothing and returns LT_OK; the
 * lt_chart_can_* functions say beforehand.
 */
#ifndef LT_CHART_H
#define LT_CHART_H

#include <stddef.h>

#include "lotrinh/compare.h"
#include "lotrinh/error.h"
#include "lotrinh/heat.h"
#include "lotrinh/mc.h"
#include "lotrinh/outdir.h"
#include "lotrinh/paths.h"
#include "lotrinh/plot.h"
#include "lotrinh/report.h"
#include "lotrinh/scenario.h"
#include "lotrinh/sens.h"
#include "lotrinh/simulate.h"
#include "lotrinh/solve_mc.h"

/* Most bars a tornado or Sobol chart shows (the largest ones): more do
 * not fit a legible chart, and the table output lists them all. */
#define LT_CHART_BARS 12

/* Where and how the charts are drawn. */
typedef struct lt_chart_opts {
	lt_outdir *od;            /* the output directory (borrowed) */
	const char *subdir;       /* the charts' folder in it ("charts"); NULL
	                             or "": its top */
	lt_plot_format format;
	lt_lang lang;
	const char *templates;    /* the directory of the templates; NULL:
	                             lt_plot_templates() */
} lt_chart_opts;

/* O with OD, no folder, PNG, English and the default templates. */
void lt_chart_opts_init(lt_chart_opts *o, lt_outdir *od);

/* The kinds of chart: each is its template's name (plots/KIND.gp) and the
 * start of its stem, for callers that name a chart's files (the
 * briefing's links). */
#define LT_CHART_TRAJECTORY "trajectory"
#define LT_CHART_REACHED "reached"
#define LT_CHART_PROBABILITY "probability"
#define LT_CHART_SPENDING "spending"
#define LT_CHART_TORNADO "tornado"
#define LT_CHART_SOBOL "sobol"
#define LT_CHART_HEAT "heat"
#define LT_CHART_COMPARE "compare"

/* The stem of the chart of KIND (LT_CHART_TRAJECTORY, ...)
 * for indicator IND (NULL for a chart of the whole scenario) into BUF of
 * SIZE bytes: "KIND-ID", with any character of the id other than a
 * letter, digit, '_' or '-' replaced by '_'.  Returns BUF. */
char *lt_chart_stem(const char *kind, const lt_indicator *ind, char *buf,
                    size_t size);

/* Trajectory of indicator K of S ("trajectory-ID"): its observations, the
 * baseline, the plan's milestones, the target (a range as a band, a
 * period's mean over its period), the required paths of P (NULL: none),
 * business as usual and the plan at the central parameters from SIM
 * (NULL: none), and from MC (NULL: none) the median with the 50 % and
 * 90 % bands, the fan chart of the Bank of England's Inflation Report,
 * with the probability of meeting the target written on the chart.  The
 * chart needs a baseline and a target (lt_chart_can_trajectory). */
int lt_chart_can_trajectory(const lt_scenario *s, size_t k);
int lt_chart_trajectory(const lt_chart_opts *o, const lt_scenario *s,
                        size_t k, const lt_paths_item *p,
                        const lt_simulation *sim, const lt_mc_result *mc,
                        lt_diag *diag);

/* The year-reached distribution of indicator K ("reached-ID"): the share
 * of PLAN's draws that have met the target by each year, and of BAU's
 * (NULL: none), the draws under business as usual (today's share kept).
 * Needs a simulated indicator with a target on the grid. */
int lt_chart_can_reached(const lt_mc_result *plan, size_t k);
int lt_chart_reached(const lt_chart_opts *o, const lt_scenario *s, size_t k,
                     const lt_mc_result *plan, const lt_mc_result *bau,
                     lt_diag *diag);

/* The probability of meeting each target, and all of them together,
 * against a constant share of the spending base from 0 to SHARE_MAX %
 * (the cost of certainty), from R ("probability"); the plan's rule
 * (when it has one) and the share its own schedule amounts to are marked.
 * SHARE_MAX in (0, 100], or 0 for lt_heat_share_max of the plan's own
 * share (R's money). */
int lt_chart_probability_share(const lt_chart_opts *o, const lt_scenario *s,
                               const lt_solve_mc_result *r, double share_max,
                               lt_diag *diag);

/* The state money of the plan's programmes by group and year, stacked,
 * against the least the plan's rule asks for (its share of the spending
 * base in each year), from S alone ("spending").  Needs programmes
 * (s->has_programs). */
int lt_chart_spending(const lt_chart_opts *o, const lt_scenario *s,
                      lt_diag *diag);

/* The tornado of indicator K's target-year value ("tornado-ID"): each
 * parameter at its 10th and 90th percentile, the others at their medians,
 * the LT_CHART_BARS widest bars of R that change the value, widest on
 * top.  Needs K studied by R (status LT_SENS_TARGET). */
int lt_chart_can_tornado(const lt_sens_result *r, size_t k);
int lt_chart_tornado(const lt_chart_opts *o, const lt_scenario *s, size_t k,
                     const lt_sens_result *r, lt_diag *diag);

/* Sobol indices of indicator K's target-year value ("sobol-ID"): first
 * order and total, with their bootstrap intervals when R has them, for
 * the LT_CHART_BARS factors of largest total index that are not inert
 * (lt_sens_target.inert).  Needs R's Sobol indices and a value that
 * varies. */
int lt_chart_can_sobol(const lt_sens_result *r, size_t k);
int lt_chart_sobol(const lt_chart_opts *o, const lt_scenario *s, size_t k,
                   const lt_sens_result *r, lt_diag *diag);

/* The probability of indicator K's target over the share of the base ×
 * its responsiveness β, from R (lt_heat_run), with the plan's rule, the
 * plan's own share and the central β marked ("heat-ID"). */
int lt_chart_can_heat(const lt_heat_result *r, size_t k);
int lt_chart_heat(const lt_chart_opts *o, const lt_scenario *s, size_t k,
                  const lt_heat_result *r, lt_diag *diag);

/* Provinces compared ("compare"), from R, the comparison of the N
 * scenarios S: for each measure several of them carry, one bar per
 * province, its standing against its own target (the baseline as a
 * percentage of its aim; a rank by the share of the provinces ranked
 * below it, 100·(1 − position), so rankings of 63 and of 34 compare).
 * Needs a measure carried by two provinces (lt_chart_can_compare). */
int lt_chart_can_compare(const lt_compare *r);
int lt_chart_compare(const lt_chart_opts *o, const lt_scenario *const *s,
                     size_t n, const lt_compare *r, lt_diag *diag);

#endif /* LT_CHART_H */
