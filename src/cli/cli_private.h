/* cli_private.h - what the subcommands share: the command table entry, the
 * usage-error helper and diagnostics printing. */
#ifndef LT_CLI_PRIVATE_H
#define LT_CLI_PRIVATE_H

#include <limits.h>
#include <stddef.h>
#include <stdio.h>

#include "lotrinh/error.h"
#include "lotrinh/report.h"
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

/* Print the usage of the command named NAME to OUT; returns 0, or -1 when
 * there is no such command. */
int lt_cli_print_usage(const char *name, FILE *out);

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
	LT_OPT_OWN
};

/* Which formats a command offers (lt_cli_opts.formats). */
enum {
	LT_CLI_TABLE = 1 << LT_FORMAT_TABLE,
	LT_CLI_CSV = 1 << LT_FORMAT_CSV,
	LT_CLI_JSON = 1 << LT_FORMAT_JSON,
	LT_CLI_ALL_FORMATS = LT_CLI_TABLE | LT_CLI_CSV | LT_CLI_JSON
};

typedef struct lt_cli_opts {
	unsigned formats;   /* formats the command offers (set before parsing) */
	lt_format format;   /* --format, default table */
	lt_lang lang;       /* --lang, default en */
	const char *out;    /* --out PATH (borrowed from argv), NULL: stdout */
	const char **ids;   /* --indicator IDs in the order given, repeats
	                       dropped (the strings borrowed from argv) */
	size_t n_ids;
} lt_cli_opts;

/* Initialise O: every format offered, table, English, standard output, all
 * indicators.  Release with lt_cli_opts_destroy. */
void lt_cli_opts_init(lt_cli_opts *o);
void lt_cli_opts_destroy(lt_cli_opts *o);

/* Handle option OPT (what getopt_long returned) with argument ARG for the
 * command CMD.  Returns -1 when OPT is not a shared option, LT_EXIT_OK when
 * it was stored, or LT_EXIT_USAGE after printing a usage error (an unknown
 * or unoffered format or language, an empty --out). */
int lt_cli_option(const char *cmd, int opt, const char *arg, lt_cli_opts *o);

/* Check O's --indicator ids against scenario S: returns LT_EXIT_OK, or
 * LT_EXIT_USAGE after "no indicator 'ID' in FILE" for the first unknown. */
int lt_cli_check_ids(const char *cmd, const lt_cli_opts *o,
                     const struct lt_scenario *s);

/* The exit status for a library status: LT_OK 0; LT_ENOCONV 1 (the
 * computation failed); LT_EINVAL 2 (bad input); LT_EIO, LT_ENOMEM,
 * LT_EEXTERN 3 (the environment failed).  The one mapping every command
 * uses. */
int lt_cli_exit_status(int status);

/* Render DOC as O asks (format, language) to standard output or to O->out
 * through a file sink that refuses to overwrite any of the N_INPUTS paths
 * in INPUTS.  Errors are printed; a failed write to standard output is left
 * to lt_main, which reports it once.  Returns an exit status. */
int lt_cli_emit(const lt_doc *doc, const lt_cli_opts *o,
                const char *const *inputs, size_t n_inputs);

/* The subcommands. */
int lt_cmd_check(int argc, char **argv);
int lt_cmd_show(int argc, char **argv);
int lt_cmd_audit(int argc, char **argv);
int lt_cmd_paths(int argc, char **argv);
int lt_cmd_simulate(int argc, char **argv);
int lt_cmd_solve(int argc, char **argv);
int lt_cmd_fit(int argc, char **argv);

extern const char lt_usage_check[];
extern const char lt_usage_show[];
extern const char lt_usage_audit[];
extern const char lt_usage_paths[];
extern const char lt_usage_simulate[];
extern const char lt_usage_solve[];
extern const char lt_usage_fit[];

#endif /* LT_CLI_PRIVATE_H */
