/* cli_private.h - what the subcommands share: the command table entry, the
 * usage-error helper and diagnostics printing. */
#ifndef LT_CLI_PRIVATE_H
#define LT_CLI_PRIVATE_H

#include <stdio.h>

#include "lotrinh/error.h"

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
 * into *S, checking there is exactly one and, when ONLY is not NULL, that
 * it has an indicator of that id.  On failure print the errors (or a usage
 * error) and return LT_EXIT_USAGE with *S NULL; else LT_EXIT_OK. */
int lt_cli_load_operand(const char *cmd, int argc, char **argv,
                        const char *only, struct lt_scenario **s);

/* Print every error of D to stderr as "lotrinh: FILE:LINE: MESSAGE". */
void lt_cli_print_diag(const lt_diag *d);

/* Print the usage of the command named NAME to OUT; returns 0, or -1 when
 * there is no such command. */
int lt_cli_print_usage(const char *name, FILE *out);

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
