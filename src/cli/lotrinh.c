/* lotrinh.c - command dispatch, global options and help.
 *
 * One static table of commands, searched by name (as git's commands[]),
 * also lists them in --help.  Each command parses its own options.
 */
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/alloc.h"
#include "lotrinh/config.h"
#include "lotrinh/cli.h"
#include "lotrinh/scenario.h"

#define LT_VERSION "0.1.0"

const char lt_version[] = LT_VERSION;

static const lt_command commands[] = {
	{"check", lt_cmd_check, "validate scenario files", lt_usage_check},
	{"show", lt_cmd_show, "print a scenario: province, budget rule, roadmap",
	 lt_usage_show},
	{"paths", lt_cmd_paths, "the growth each target implies, paths and trends",
	 lt_usage_paths},
	{"audit", lt_cmd_audit, "check the roadmap's steps and the plan's sums",
	 lt_usage_audit},
	{"simulate", lt_cmd_simulate, "what a budget schedule buys, year by year",
	 lt_usage_simulate},
	{"solve", lt_cmd_solve, "the share that meets each target, and what "
	 "the roadmap assumes", lt_usage_solve},
	{"sens", lt_cmd_sens, "which uncertain parameters move each target "
	 "(tornado, Sobol)", lt_usage_sens},
	{"compare", lt_cmd_compare, "the same measures side by side for several "
	 "provinces", lt_usage_compare},
	{"run", lt_cmd_run, "everything for one scenario: the briefing, charts, "
	 "tables", lt_usage_run},
	{"fit", lt_cmd_fit, "fit a growth curve to x,y data (NIST-validated)",
	 lt_usage_fit},
};

#define N_COMMANDS (sizeof commands / sizeof *commands)

static const lt_command *find(const char *name)
{
	size_t i;

	for (i = 0; i < N_COMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void print_help(FILE *out)
{
	size_t i;

	fputs("Usage: lotrinh [--version] [--help] COMMAND [OPTIONS] FILE...\n"
	      "\n"
	      "lotrinh simulates provincial digital-economy and innovation targets:\n"
	      "which growth a target implies, what a budget share buys, and whether\n"
	      "a roadmap is plausible.\n"
	      "\n"
	      "Commands:\n", out);
	for (i = 0; i < N_COMMANDS; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs("  help CMD   show the full usage of CMD (same as CMD --help)\n"
	      "\n"
	      "Exit status:\n"
	      "  0  success (an answer of \"not reachable\" is a success)\n"
	      "  1  a computation failed (no convergence, tolerance not met)\n"
	      "  2  bad usage, or an invalid scenario or data file\n"
	      "  3  the environment failed (a file could not be written, gnuplot\n"
	      "     is missing)\n"
	      "\n"
	      "Scenario format: docs/SCENARIO.md.  Commands: docs/CLI.md.\n", out);
}

int lt_cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("lotrinh: ", stderr);
	if (cmd != NULL)
		fprintf(stderr, "%s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (cmd != NULL)
		fprintf(stderr, "\nTry 'lotrinh %s --help'.\n", cmd);
	else
		fputs("\nTry 'lotrinh --help'.\n", stderr);
	return LT_EXIT_USAGE;
}

int lt_cli_bad_option(const char *cmd, int opt, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "?";

	if (opt == ':')
		return lt_cli_usage_error(cmd, "option '%s' needs a value", arg);
	if (optopt != 0 && strncmp(arg, "--", 2) != 0)
		return lt_cli_usage_error(cmd, "unknown option '-%c'", optopt);
	return lt_cli_usage_error(cmd, "unknown option '%s'", arg);
}

void lt_cli_print_diag(const lt_diag *d)
{
	char buf[LT_ERROR_MSG_MAX + 300];
	size_t i;

	for (i = 0; i < d->n; i++)
		fprintf(stderr, "lotrinh: %s\n",
		        lt_error_format(&d->items[i], buf, sizeof buf));
	if (d->dropped > 0)
		fprintf(stderr, "lotrinh: %s%s%zu more errors not shown\n",
		        d->file != NULL ? d->file : "", d->file != NULL ? ": " : "",
		        d->dropped);
}

int lt_cli_load_operand(const char *cmd, int argc, char **argv,
                        struct lt_scenario **s)
{
	const char *path;
	lt_diag d;
	int rc;

	*s = NULL;
	if (optind >= argc)
		return lt_cli_usage_error(cmd, "no scenario file given");
	if (optind + 1 < argc)
		return lt_cli_usage_error(cmd, "one scenario file at a time (got %d)",
		                          argc - optind);
	path = argv[optind];
	/* an empty operand (show '') would otherwise give a message that
	 * names no file: "lotrinh: cannot open: ..." */
	if (path[0] == '\0')
		return lt_cli_usage_error(cmd, "the scenario file name is empty "
		                          "('')");
	lt_diag_init(&d, path);
	rc = lt_scenario_load(s, path, &d);
	if (rc != LT_OK)
		lt_cli_print_diag(&d);
	lt_diag_destroy(&d);
	return rc == LT_OK ? LT_EXIT_OK : lt_cli_exit_status(rc);
}

int lt_cli_print_usage(const char *name, FILE *out)
{
	const lt_command *c = find(name);

	if (c == NULL)
		return -1;
	fputs(c->usage, out);
	return 0;
}

/* Flush stdout and report a failed write (a full disk, a closed pipe). */
static int finish(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fputs("lotrinh: error writing to standard output\n", stderr);
		return status == LT_EXIT_OK ? LT_EXIT_ENV : status;
	}
	return status;
}

int lt_main(int argc, char **argv)
{
	const lt_command *c;
	const char *name;

	gsl_set_error_handler_off();
	/* jansson allocates through the counting wrapper too (alloc.h) */
	json_set_alloc_funcs(lt_malloc, free);
	if (argc < 2)
		return lt_cli_usage_error(NULL, "no command given");
	name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		print_help(stdout);
		return finish(LT_EXIT_OK);
	}
	if (strcmp(name, "--version") == 0) {
		if (argc > 2)
			return lt_cli_usage_error(NULL, "'--version' takes no arguments "
			                          "(got '%s')", argv[2]);
		printf("lotrinh %s\n", LT_VERSION);
		return finish(LT_EXIT_OK);
	}
	if (strcmp(name, "help") == 0) {
		if (argc < 3) {
			print_help(stdout);
			return finish(LT_EXIT_OK);
		}
		if (argc > 3)
			return lt_cli_usage_error(NULL, "'help' takes one command name");
		if (lt_cli_print_usage(argv[2], stdout) != 0)
			return lt_cli_usage_error(NULL, "unknown command '%s'", argv[2]);
		return finish(LT_EXIT_OK);
	}
	if (name[0] == '-')
		return lt_cli_usage_error(NULL, "unknown option '%s'", name);
	c = find(name);
	if (c == NULL)
		return lt_cli_usage_error(NULL, "unknown command '%s'", name);
	return finish(c->fn(argc - 1, argv + 1));
}
