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

/* The commands' summaries and usage in Vietnamese, by name: a table of its
 * own, so that a command added to commands[] without them still builds
 * (it prints its English texts under --lang vi until it has them). */
static const struct {
	const char *name, *summary, *usage;
} commands_vi[] = {
	{"check", "kiểm tra tệp kịch bản", lt_usage_check_vi},
	{"show", "in kịch bản: tỉnh, quy định ngân sách, lộ trình",
	 lt_usage_show_vi},
	{"paths", "mức tăng mỗi mục tiêu đòi hỏi, các đường đi và xu thế",
	 lt_usage_paths_vi},
	{"audit", "rà soát các bước của lộ trình và các tổng của đề án",
	 lt_usage_audit_vi},
	{"simulate", "một lộ trình chi ngân sách mang lại gì, từng năm",
	 lt_usage_simulate_vi},
	{"solve", "tỷ lệ chi đạt từng mục tiêu, và điều lộ trình giả định",
	 lt_usage_solve_vi},
	{"sens", "tham số bất định nào tác động đến từng mục tiêu (tornado, "
	 "Sobol)", lt_usage_sens_vi},
	{"compare", "so sánh nhiều tỉnh trên cùng các chỉ tiêu",
	 lt_usage_compare_vi},
	{"run", "toàn bộ phân tích một kịch bản: báo cáo, biểu đồ, bảng",
	 lt_usage_run_vi},
	{"fit", "khớp đường cong tăng trưởng với dữ liệu x,y (kiểm chứng NIST)",
	 lt_usage_fit_vi},
};

#define N_COMMANDS_VI (sizeof commands_vi / sizeof *commands_vi)

/* Command C's summary (USAGE 0) or usage (USAGE 1) in LANG. */
static const char *command_text(const lt_command *c, lt_lang lang,
                                int usage)
{
	size_t i;

	for (i = 0; lang == LT_LANG_VI && i < N_COMMANDS_VI; i++)
		if (strcmp(commands_vi[i].name, c->name) == 0)
			return usage ? commands_vi[i].usage : commands_vi[i].summary;
	return usage ? c->usage : c->summary;
}

static const lt_command *find(const char *name)
{
	size_t i;

	for (i = 0; i < N_COMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void print_help(FILE *out, lt_lang lang)
{
	size_t i;

	if (lang == LT_LANG_VI) {
		fputs("Cách dùng: lotrinh [--version] [--help] [--lang en|vi] LỆNH "
		      "[TÙY CHỌN] TỆP...\n"
		      "\n"
		      "lotrinh mô phỏng các mục tiêu kinh tế số và đổi mới sáng tạo cấp "
		      "tỉnh:\n"
		      "mỗi mục tiêu đòi hỏi mức tăng nào, một tỷ lệ chi ngân sách mang "
		      "lại gì,\n"
		      "và lộ trình có khả thi hay không.\n"
		      "\n"
		      "Các lệnh:\n", out);
		for (i = 0; i < N_COMMANDS; i++)
			fprintf(out, "  %-10s %s\n", commands[i].name,
			        command_text(&commands[i], lang, 0));
		fputs("  help LỆNH  cách dùng đầy đủ của LỆNH (như LỆNH --help)\n"
		      "\n"
		      "Mọi lệnh nhận --lang vi (nhãn, tên chỉ tiêu, đơn vị và cách viết "
		      "số\n"
		      "bằng tiếng Việt: 1.234,5) và --lang en (mặc định).\n"
		      "\n"
		      "Mã thoát:\n"
		      "  0  thành công (kết quả \"không đạt được\" cũng là thành công)\n"
		      "  1  tính toán thất bại (không hội tụ, không đạt dung sai)\n"
		      "  2  dùng sai lệnh, hoặc tệp kịch bản hay tệp dữ liệu không hợp "
		      "lệ\n"
		      "  3  môi trường lỗi (không ghi được tệp, thiếu gnuplot)\n"
		      "\n"
		      "Định dạng kịch bản: docs/SCENARIO.md.  Các lệnh: docs/CLI.md.\n",
		      out);
		return;
	}
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

int lt_cli_print_usage(const char *name, lt_lang lang, FILE *out)
{
	const lt_command *c = find(name);

	if (c == NULL)
		return -1;
	fputs(command_text(c, lang, 1), out);
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

/* Take "--lang X" and "--lang=X" out of ARGV[FROM..TO) (the rest of
 * ARGV, up to *ARGC, closes up) into *LANG.  Returns LT_EXIT_OK, or
 * LT_EXIT_USAGE after a usage error (no value, a value other than en or
 * vi). */
static int take_lang(int *argc, char **argv, int from, int to, lt_lang *lang)
{
	int i = from, k;

	while (i < to && i < *argc) {
		const char *v = NULL;
		int n = 0;

		if (strcmp(argv[i], "--lang") == 0) {
			if (i + 1 >= *argc)
				return lt_cli_usage_error(NULL, "option '--lang' needs a "
				                          "value");
			v = argv[i + 1];
			n = 2;
		} else if (strncmp(argv[i], "--lang=", 7) == 0) {
			v = argv[i] + 7;
			n = 1;
		}
		if (n == 0) {
			i++;
			continue;
		}
		if (lt_lang_parse(v, lang) != 0)
			return lt_cli_usage_error(NULL, "'--lang' must be en or vi (got "
			                          "'%s')", v);
		for (k = i; k + n <= *argc; k++)
			argv[k] = argv[k + n];
		*argc -= n;
		to -= n;
	}
	return LT_EXIT_OK;
}

/* "lotrinh --lang vi COMMAND ...": COMMAND gets the option, as though it
 * had been written after it. */
static int run_with_lang(const lt_command *c, int argc, char **argv,
                         const char *lang)
{
	char **args = lt_calloc((size_t)argc + 2, sizeof *args);
	int i, rc;

	if (args == NULL) {
		fputs("lotrinh: out of memory\n", stderr);
		return LT_EXIT_ENV;
	}
	args[0] = argv[0];
	args[1] = (char *)"--lang";
	args[2] = (char *)lang;
	for (i = 1; i < argc; i++)
		args[i + 2] = argv[i];
	rc = c->fn(argc + 2, args);
	free(args);
	return rc;
}

int lt_main(int argc, char **argv)
{
	const lt_command *c;
	const char *name, *lang_arg = NULL;
	lt_lang lang = LT_LANG_EN;

	gsl_set_error_handler_off();
	/* jansson allocates through the counting wrapper too (alloc.h) */
	json_set_alloc_funcs(lt_malloc, free);
	if (argc >= 2 && (strcmp(argv[1], "--lang") == 0 ||
	                  strncmp(argv[1], "--lang=", 7) == 0)) {
		/* before the command: for --help, help, or handed to the command;
		 * only this first one is taken here */
		if (take_lang(&argc, argv, 1, 2, &lang) != LT_EXIT_OK)
			return LT_EXIT_USAGE;
		if (argc >= 2 && strcmp(argv[1], "--help") != 0 &&
		    strcmp(argv[1], "-h") != 0 && strcmp(argv[1], "help") != 0 &&
		    argv[1][0] != '-')
			lang_arg = lang == LT_LANG_VI ? "vi" : "en";
	}
	if (argc < 2)
		return lt_cli_usage_error(NULL, "no command given");
	name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		if (take_lang(&argc, argv, 2, argc, &lang) != LT_EXIT_OK)
			return LT_EXIT_USAGE;
		print_help(stdout, lang);
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
		if (take_lang(&argc, argv, 2, argc, &lang) != LT_EXIT_OK)
			return LT_EXIT_USAGE;
		if (argc < 3) {
			print_help(stdout, lang);
			return finish(LT_EXIT_OK);
		}
		if (argc > 3)
			return lt_cli_usage_error(NULL, "'help' takes one command name");
		if (lt_cli_print_usage(argv[2], lang, stdout) != 0)
			return lt_cli_usage_error(NULL, "unknown command '%s'", argv[2]);
		return finish(LT_EXIT_OK);
	}
	if (name[0] == '-')
		return lt_cli_usage_error(NULL, "unknown option '%s'", name);
	c = find(name);
	if (c == NULL)
		return lt_cli_usage_error(NULL, "unknown command '%s'", name);
	if (lang_arg != NULL)
		return finish(run_with_lang(c, argc - 1, argv + 1, lang_arg));
	return finish(c->fn(argc - 1, argv + 1));
}
