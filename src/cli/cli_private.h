/* cli_private.h - what the subcommands share: the command table entry, the
 * usage-error helper and diagnostics printing. */
#ifndef LT_CLI_PRIVATE_H
#define LT_CLI_PRIVATE_H

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "lotrinh/audit.h"
#include "lotrinh/error.h"
#include "lotrinh/mc.h"
#include "lotrinh/paths.h"
#include "lotrinh/report.h"
#include "lotrinh/scenario.h"
#include "lotrinh/sens.h"
#include "lotrinh/simulate.h"
#include "lotrinh/solve.h"
#include "lotrinh/solve_mc.h"
#include "lotrinh/table.h"

struct lt_scenario;

typedef struct lt_command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
	const char *usage; /* full help text, printed by CMD --help */
} lt_command;

/* Print "lotrinh: CMD: MESSAGE" and "Try 'lotrinh CMD --help'." to stderr;
 * returns LT_EXIT_USAGE. */
int lt_cli_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Report a getopt_long failure for CMD: OPT is what getopt_long returned
 * ('?' or ':'), ARGV and OPTIND as it left them.  Returns LT_EXIT_USAGE. */
int lt_cli_bad_option(const char *cmd, int opt, char **argv);

/* Load the one scenario operand left after CMD's options (argv[optind])
 * into *S, checking there is exactly one.  On failure print the errors (or
 * a usage error) and return the exit status (LT_EXIT_USAGE for a bad file,
 * LT_EXIT_ENV when reading or memory failed) with *S NULL; else
 * LT_EXIT_OK.  --indicator ids are checked by lt_cli_check_ids. */
int lt_cli_load_operand(const char *cmd, int argc, char **argv,
                        struct lt_scenario **s);

/* Print every error of D to stderr as "lotrinh: FILE:LINE: MESSAGE". */
void lt_cli_print_diag(const lt_diag *d);

/* Print the usage of the command named NAME in LANG to OUT; returns 0, or
 * -1 when there is no such command. */
int lt_cli_print_usage(const char *name, lt_lang lang, FILE *out);

/* EN or VI by LANG: the one way a command picks its words.  Both are
 * written side by side where the text is, so that a sentence and its
 * translation change together. */
#define LT_TR(lang, en, vi) ((lang) == LT_LANG_VI ? (vi) : (en))

/* ---- options the commands share (options.c) ------------------------------
 *
 * One parser for --format, --lang, --out and a repeatable --indicator.  A
 * command lists the ones it takes in its own sorted getopt_long table,
 * with these values, and passes what getopt_long returns to
 * lt_cli_option; its own long-only options start at LT_OPT_OWN. */
enum {
	LT_OPT_FORMAT = CHAR_MAX + 1,
	LT_OPT_INDICATOR,
	LT_OPT_LANG,
	LT_OPT_OUT,
	/* the run options (options_run.c) */
	LT_OPT_DRAWS,
	LT_OPT_RAMP,
	LT_OPT_SCHEDULE,
	LT_OPT_SEED,
	LT_OPT_SHARE,
	LT_OPT_THREADS,
	LT_OPT_OWN
};

/* What a province carries: its targets, those with a baseline, of which
 * the model simulates SIMULATED and RANKS are ranks, and the target-only
 * ones (no baseline in the documents). */
typedef struct lt_cli_targets {
	size_t targets, based, simulated, ranks, target_only;
} lt_cli_targets;

/* Count S's targets into OUT (the model compiled to know which it
 * simulates).  Returns LT_OK or the model's error, recorded in DIAG. */
int lt_cli_count_targets(const struct lt_scenario *s, lt_cli_targets *out,
                         lt_diag *diag);

/* Which formats a command offers (lt_cli_opts.formats). */
enum {
	LT_CLI_TABLE = 1 << LT_FORMAT_TABLE,
	LT_CLI_CSV = 1 << LT_FORMAT_CSV,
	LT_CLI_JSON = 1 << LT_FORMAT_JSON,
	LT_CLI_XLSX = 1 << LT_FORMAT_XLSX,
	LT_CLI_ALL_FORMATS = LT_CLI_TABLE | LT_CLI_CSV | LT_CLI_JSON | LT_CLI_XLSX
};

typedef struct lt_cli_opts {
	unsigned formats;   /* formats the command offers (set before parsing) */
	lt_format format;   /* --format, default table */
	lt_lang lang;       /* --lang, default en */
	const char *out;    /* --out PATH (borrowed from argv), NULL: stdout */
	const char *cmd;    /* the command that parsed them (lt_cli_option),
	                       for the workbook's sheet name */
	const char **ids;   /* --indicator IDs in the order given, repeats
	                       dropped (the strings borrowed from argv) */
	size_t n_ids;
	int help;           /* -h or --help was given (lt_cli_help_option) */
} lt_cli_opts;

/* Initialise O: every format offered, table, English, standard output, all
 * indicators.  Release with lt_cli_opts_destroy. */
void lt_cli_opts_init(lt_cli_opts *o);
void lt_cli_opts_destroy(lt_cli_opts *o);

/* Handle option OPT (what getopt_long returned) with argument ARG for the
 * command CMD (kept in O->cmd).  Returns -1 when OPT is not a shared
 * option, LT_EXIT_OK when it was stored, or LT_EXIT_USAGE after printing a
 * usage error (an unknown or unoffered format or language, an empty
 * --out). */
int lt_cli_option(const char *cmd, int opt, const char *arg, lt_cli_opts *o);

/* -h, --help and what follows it, for the command CMD: OPT 'h' marks
 * O->help; once it is marked, --lang is still read (a bad value is a usage
 * error) and every other option is passed over, so that "CMD --help --lang
 * vi" prints the same Vietnamese usage as "CMD --lang vi --help".  Call it
 * first with what getopt_long returned; returns -1 when OPT is neither
 * help nor an option after it, else an exit status. */
int lt_cli_help_option(const char *cmd, int opt, const char *arg,
                       lt_cli_opts *o);

/* Print CMD's usage in O->lang on standard output; returns LT_EXIT_OK. */
int lt_cli_help(const char *cmd, const lt_cli_opts *o);

/* Check O's --indicator ids against scenario S, and that --format xlsx
 * has an --out (checked again by lt_cli_emit, for commands that do not
 * call this): returns LT_EXIT_OK, or LT_EXIT_USAGE after "no indicator
 * 'ID' in FILE" for the first unknown or "'--format xlsx' needs '--out
 * FILE'". */
int lt_cli_check_ids(const char *cmd, const lt_cli_opts *o,
                     const struct lt_scenario *s);

/* The exit status for a library status: LT_OK 0; LT_ENOCONV 1 (the
 * computation failed); LT_EINVAL 2 (bad input); LT_EIO, LT_ENOMEM,
 * LT_EEXTERN 3 (the environment failed).  The one mapping every command
 * uses. */
int lt_cli_exit_status(int status);

/* Render DOC as O asks (format, language) to standard output or to O->out
 * through a file sink that refuses to overwrite any of the N_INPUTS paths
 * in INPUTS; a workbook (--format xlsx) only to O->out (a usage error
 * without it), through lt_xlsx_write, its sheets named after O->cmd.
 * Errors are printed; a failed write to standard output is left to
 * lt_main, which reports it once.  Returns an exit status. */
int lt_cli_emit(const lt_doc *doc, const lt_cli_opts *o,
                const char *const *inputs, size_t n_inputs);

/* ---- schedule and Monte Carlo options (options_run.c) --------------------
 *
 * --share S, --ramp S0:S1:YEAR, --schedule programs|scenario (one of them;
 * default the scenario's own schedule), --draws N, --seed S (default 1)
 * and --threads T (default the machine's cores), for the commands that
 * run the model.  A command lists those it takes with the LT_OPT_* values
 * above and hands them to lt_cli_run_option. */
typedef struct lt_cli_run_opts {
	int n_sched;          /* how many schedule options were given */
	int sched_given;      /* a schedule other than the scenario's */
	int programs;         /* --schedule programs */
	lt_schedule sched;
	int draws_given;
	int seed_or_threads;  /* --seed or --threads was given */
	lt_mc_opts mc;        /* draws, seed, threads (no progress) */
} lt_cli_run_opts;

void lt_cli_run_opts_init(lt_cli_run_opts *r);

/* Handle OPT with ARG for CMD: -1 when it is not a run option,
 * LT_EXIT_OK when stored, LT_EXIT_USAGE after a usage error. */
int lt_cli_run_option(const char *cmd, int opt, const char *arg,
                      lt_cli_run_opts *r);

/* After parsing: more than one schedule option, or --seed/--threads
 * without DRAWS_OPTION (e.g. "--draws N"; NULL when the command always
 * draws), is a usage error. */
int lt_cli_run_opts_check(const char *cmd, const lt_cli_run_opts *r,
                          const char *draws_option);

/* After loading S: --schedule programs needs programmes, a ramp's year
 * lies in (baseline, horizon]. */
int lt_cli_schedule_check(const char *cmd, const struct lt_scenario *s,
                          lt_cli_run_opts *r);

/* The schedule asked for, or NULL for the scenario's own. */
const lt_schedule *lt_cli_schedule(const lt_cli_run_opts *r);

/* A schedule in words in LANG ("3% of the base every year", "3% cơ sở
 * chi mỗi năm") into BUF. */
const char *lt_cli_schedule_text(const struct lt_scenario *s,
                                 const lt_schedule *sc, lt_lang lang,
                                 char *buf, size_t size);

/* Where the model took a rate from, or why it does not simulate an
 * indicator (lt_model_dynamic, the slots' origins: "r from the 'pii'
 * prior (docs/MODEL.md), too little history", "a rank: paths and audits
 * only, no dynamics"), in LANG, into BUF; the English text when it is
 * none of the model's known forms. */
const char *lt_cli_origin_text(const char *origin, lt_lang lang, char *buf,
                               size_t size);

/* What the spending base is in LANG: "recurrent spending" ("chi thường
 * xuyên") or "total budget spending" ("tổng chi ngân sách"). */
const char *lt_cli_base_name(const struct lt_scenario *s, lt_lang lang);

/* A progress line on standard error for runs longer than about a second:
 * "WHAT: DONE of TOTAL UNIT (P %)". */
typedef struct lt_cli_progress {
	struct timespec start;
	const char *what, *unit;
	int shown;
} lt_cli_progress;

/* Start the clock; returns 1 when standard error is a terminal (then pass
 * lt_cli_progress_show and P as a progress callback). */
int lt_cli_progress_start(lt_cli_progress *p, const char *what,
                          const char *unit);
void lt_cli_progress_show(size_t done, size_t total, void *data);
/* Clear the line if it was shown. */
void lt_cli_progress_end(lt_cli_progress *p);

/* Parse a whole number for OPTION of CMD into *V: LO..HI, or 0 too when
 * ZERO is not NULL (ZERO says what 0 means, as in "0 (no intervals) or a
 * whole number from 2 to 10000").  A usage error (exit 2) when not. */
int lt_cli_whole(const char *cmd, const char *option, const char *arg,
                 long lo, long hi, const char *zero, long *v);

/* What a share answer is called in CSV and JSON ("solved", "not
 * reachable", ...; never translated), and as people read it in a table
 * in LANG ("30.937%", "0% (met anyway)", "never (ceiling)", ...; "30,937%",
 * "0% (vẫn đạt)", ...) with DECIMALS decimals. */
const char *lt_cli_answer_name(lt_answer a);
lt_cell lt_cli_share_cell(const lt_share_result *x, int decimals,
                          lt_lang lang, char *buf, size_t size);

/* COUNT of N draws in words in LANG: "P = 0.423 (Monte Carlo s.e.
 * 0.005)", or for none or all "in none of N draws: P < 3/N (rule of
 * three, 95 %)". */
const char *lt_cli_prob_text(size_t count, size_t n, lt_lang lang, char *buf,
                             size_t size);

/* ---- the commands' documents, which `run` writes too ---------------------- */

/* A Monte Carlo run for lt_cli_simulate_doc: ON 0 when none; O its
 * options, R its results (borrowed). */
struct lt_cli_mc {
	int on;
	lt_mc_opts o;
	lt_mc_result r;
};

/* solve --probability P for lt_cli_prob_doc: P, the draws' options and
 * the curves. */
struct lt_cli_prob {
	double p;
	lt_mc_opts mc;
	lt_solve_mc_result r;
};

/* The documents the commands render, each a new document (caller frees
 * with lt_doc_free; NULL when out of memory): show's roadmap table; paths;
 * audit's findings at MIN or above; simulate (with MC when MC->on); solve;
 * solve --probability; sens under schedule SC.  O gives the language and
 * the indicators asked for (all when none). */
lt_doc *lt_cli_roadmap_doc(const struct lt_scenario *s, lt_lang lang);
lt_doc *lt_cli_paths_doc(const struct lt_scenario *s, const lt_paths *r,
                         lt_lang lang);
lt_doc *lt_cli_audit_doc(const struct lt_scenario *s, const lt_audit *a,
                         lt_severity min, lt_lang lang);
lt_doc *lt_cli_simulate_doc(const struct lt_scenario *s,
                            const lt_simulation *r,
                            const struct lt_cli_mc *mc,
                            const lt_cli_opts *o);
lt_doc *lt_cli_solve_doc(const struct lt_scenario *s,
                         const lt_solve_report *r, const lt_cli_opts *o);
lt_doc *lt_cli_prob_doc(const struct lt_scenario *s,
                        const struct lt_cli_prob *pr, const lt_cli_opts *o);
lt_doc *lt_cli_sens_doc(const struct lt_scenario *s, const lt_schedule *sc,
                        const lt_sens_result *r, const lt_sens_opts *o,
                        const lt_cli_opts *co);

/* Into the output directory OD (outdir.h): DOC rendered in FORMAT and LANG
 * as the output NAME; or the workbook of the N documents DOCS, sheets
 * named NAMES, as NAME (xlsx.h).  Returns a library status, errors in
 * DIAG. */
struct lt_outdir;
int lt_cli_put(struct lt_outdir *od, const char *name, const lt_doc *doc,
               lt_format format, lt_lang lang, lt_diag *diag);
int lt_cli_put_xlsx(struct lt_outdir *od, const char *name,
                    const lt_doc *const *docs, const char *const *names,
                    size_t n, lt_lang lang, const char *const *inputs,
                    size_t n_inputs, lt_diag *diag);

/* The subcommands. */
int lt_cmd_check(int argc, char **argv);
int lt_cmd_show(int argc, char **argv);
int lt_cmd_audit(int argc, char **argv);
int lt_cmd_paths(int argc, char **argv);
int lt_cmd_simulate(int argc, char **argv);
int lt_cmd_solve(int argc, char **argv);
int lt_cmd_sens(int argc, char **argv);
int lt_cmd_compare(int argc, char **argv);
int lt_cmd_run(int argc, char **argv);
int lt_cmd_fit(int argc, char **argv);

extern const char lt_usage_check[];
extern const char lt_usage_show[];
extern const char lt_usage_audit[];
extern const char lt_usage_paths[];
extern const char lt_usage_simulate[];
extern const char lt_usage_solve[];
extern const char lt_usage_sens[];
extern const char lt_usage_compare[];
extern const char lt_usage_run[];

/* lotrinh's version, "0.1.0". */
extern const char lt_version[];
extern const char lt_usage_fit[];

/* The same in Vietnamese (lt_cli_print_usage picks by language). */
extern const char lt_usage_check_vi[];
extern const char lt_usage_show_vi[];
extern const char lt_usage_audit_vi[];
extern const char lt_usage_paths_vi[];
extern const char lt_usage_run_vi[];
extern const char lt_usage_compare_vi[];
extern const char lt_usage_simulate_vi[];
extern const char lt_usage_solve_vi[];
extern const char lt_usage_sens_vi[];
extern const char lt_usage_fit_vi[];

#endif /* LT_CLI_PRIVATE_H */
