/* briefing.h - the briefing for a provincial planner: report.md and one
 * self-contained report.html with the same content.
 *
 * It reads as a briefing: the findings first (for each target: reachable
 * or not and with which share, how likely at the plan's budget rule, by
 * when, the checkpoints to watch, the assumptions that matter, what the
 * audit found), then the plan-wide charts, the audit's findings on the
 * plan itself, the tables, and the method and its limits in plain words.
 *
 * The content is built once as a list of blocks (headings, paragraphs,
 * bullets, tables, images) and rendered twice, so the two files cannot
 * drift apart.  Every text from a scenario is escaped for each format
 * (HTML entities; Markdown's punctuation and raw HTML).  The HTML embeds
 * PNG and SVG charts as data: URIs (no network, no missing file) and
 * prints on A4; a PDF chart is linked, not embedded.
 */
#ifndef LT_BRIEFING_H
#define LT_BRIEFING_H

#include "lotrinh/analysis.h"
#include "lotrinh/report.h"
#include "lotrinh/sink.h"

/* A chart to show: the indicator it belongs to (-1: the plan as a whole),
 * its path relative to the briefing (for Markdown's links), the file to
 * embed in HTML (read now), and its caption in the briefing's language.
 * Strings borrowed. */
typedef struct lt_briefing_chart {
	int k;
	const char *href;
	const char *file;
	const char *caption;
} lt_briefing_chart;

typedef struct lt_briefing_opts {
	lt_lang lang;
	const lt_briefing_chart *charts;
	size_t n_charts;
	const char *version;  /* lotrinh's, printed in the method section */
} lt_briefing_opts;

/* Write the briefing of analysis A to MD (Markdown) and HTML (either may
 * be NULL: not written).  Returns LT_OK; LT_ENOMEM; LT_EIO when a chart to
 * embed cannot be read (recorded in DIAG); a sink's failure is left to its
 * close. */
int lt_briefing_write(const lt_analysis *a, const lt_briefing_opts *o,
                      lt_sink *md, lt_sink *html, lt_diag *diag);

#endif /* LT_BRIEFING_H */
