/* plot.h - running gnuplot, and what text may safely reach it: the one
 * module of lotrinh that starts gnuplot (STYLE §1, §6; issue 11).
 *
 * gnuplot is a programming language that can run shell commands
 * (`system`, backquotes, a file name that starts with '<' or an output
 * that starts with '|'), so no text of a scenario may ever reach it as
 * code.  The rules, all kept here:
 *
 *  - gnuplot runs as a fixed argv, {"gnuplot", "-c", TEMPLATE, ARG1..ARGn},
 *    through posix_spawnp: no shell, standard input from /dev/null.
 *    gnuplot hands every word after "-c TEMPLATE" to the script verbatim
 *    as the string variables ARG1..ARG9 (a "-e" there is not an option).
 *  - The template is fixed code from plots/; texts reach it only as ARGn
 *    strings or as fields of data files read with strcol/columnheader,
 *    never through `eval`, `load`, `call`, macros (@) or sprintf formats.
 *  - Every file name given to gnuplot starts with '/' or "./"
 *    (lt_plot_path), so none is read as '<command', '|command', '-',
 *    '+', '$datablock' or "" (the previous file).
 *  - A text in a tab-separated data file has its tabs, line breaks and
 *    other control characters turned into spaces and its double quotes
 *    into typographic ones (lt_plot_data_text): gnuplot's data reader
 *    takes '"' as the start of a quoted field and has no escape for it.
 *  - The redraw script beside a chart quotes every argument for the
 *    shell in single quotes (lt_plot_shell_word).
 */
#ifndef LT_PLOT_H
#define LT_PLOT_H

#include <stddef.h>

#include "lotrinh/error.h"
#include "lotrinh/sink.h"

/* Image formats and the gnuplot terminals that draw them (the templates
 * choose pngcairo, svg or pdfcairo by the format's name). */
typedef enum lt_plot_format { LT_PLOT_PNG, LT_PLOT_SVG, LT_PLOT_PDF } lt_plot_format;

/* Parse "png", "svg" or "pdf"; returns 0 and stores it, or -1. */
int lt_plot_format_parse(const char *s, lt_plot_format *f);

/* "png", "svg" or "pdf": the name a template receives and the file
 * extension.  Borrowed. */
const char *lt_plot_format_name(lt_plot_format f);

/* Most arguments a template takes: gnuplot 5.4 keeps ARG1..ARG9. */
#define LT_PLOT_MAX_ARGS 9

/* The longest first line of gnuplot's standard error kept for a message. */
#define LT_PLOT_ERR_MAX 300

/* The message when gnuplot cannot be started. */
extern const char lt_plot_missing_text[];

/* The directory that holds the templates: $LOTRINH_PLOTS when set and not
 * empty; else the source tree's plots/ (LT_PLOTS_DIR, fixed at build time)
 * when it exists; else the installed copy (LT_PLOTS_SHARE,
 * $(PREFIX)/share/lotrinh/plots).  Borrowed (the environment's string or
 * a constant). */
const char *lt_plot_templates(void);

/* Run `gnuplot -c SCRIPT ARGS[0] .. ARGS[N_ARGS-1]` (N_ARGS at most
 * LT_PLOT_MAX_ARGS) and wait for it: no shell, standard input and output
 * /dev/null, standard error read through a pipe.  SCRIPT and every file
 * name among ARGS must come from lt_plot_path.  Returns LT_OK when gnuplot
 * exits with status 0; LT_EEXTERN when it cannot be started
 * (lt_plot_missing_text: not installed or not on PATH, or exit status
 * 127), when it fails (the first error line it printed, "gnuplot failed
 * on SCRIPT: ...") or when a signal ends it; LT_EINVAL for more than
 * LT_PLOT_MAX_ARGS arguments; LT_EIO when the pipe cannot be made.
 * Errors are recorded in DIAG. */
int lt_plot_run(const char *script, const char *const *args, size_t n_args,
                lt_diag *diag);

/* The path of file NAME in directory DIR as gnuplot must be given it,
 * into BUF of SIZE bytes: "DIR/NAME" when DIR is absolute, "./DIR/NAME"
 * when it is relative, "./NAME" when DIR is NULL or empty.  NAME must not
 * contain '/'.  Returns BUF, or NULL when it does not fit. */
char *lt_plot_path(const char *dir, const char *name, char *buf, size_t size);

/* TEXT as a field of a tab-separated data file gnuplot reads, into BUF of
 * SIZE bytes: every ASCII control character (tab and line breaks
 * included) becomes a space, and double quotes become typographic ones,
 * “ and ” in turn.  Cut at a whole UTF-8 character when BUF is too small.
 * Returns BUF. */
char *lt_plot_data_text(const char *text, char *buf, size_t size);

/* TEXT as an ARGn string: every ASCII control character becomes a space
 * (a title is one line; gnuplot would break it at a newline).  Into BUF of
 * SIZE bytes, cut at a whole UTF-8 character.  Returns BUF. */
char *lt_plot_arg_text(const char *text, char *buf, size_t size);

/* Write WORD to S as one shell word in single quotes, each ' as '\''.
 * Returns as lt_sink_puts. */
int lt_plot_shell_word(lt_sink *s, const char *word);

#endif /* LT_PLOT_H */
