/* options.c - the options the commands share and the one mapping from a
 * status to an exit code (see cli_private.h).
 *
 * Every analysis command takes --format, --lang, --out and --indicator the
 * same way, with the same messages; parsing them here keeps them so.  The
 * command's getopt_long loop hands each option over, so each command
 * still lists its options in one sorted table (STYLE §6).
 */
#include <stdlib.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/alloc.h"
#include "lotrinh/cli.h"
#include "lotrinh/scenario.h"
#include "lotrinh/sink.h"
#include "lotrinh/text.h"
#include "lotrinh/xlsx.h"

/* Longest option text quoted back in a message, in display columns. */
#define QUOTE_COLS 40

void lt_cli_opts_init(lt_cli_opts *o)
{
	memset(o, 0, sizeof *o);
	o->formats = LT_CLI_ALL_FORMATS;
	o->format = LT_FORMAT_TABLE;
	o->lang = LT_LANG_EN;
}

void lt_cli_opts_destroy(lt_cli_opts *o)
{
	free(o->ids);
	o->ids = NULL;
	o->n_ids = 0;
}

/* "table, csv, json or xlsx" for the formats in MASK, into BUF. */
static const char *format_list(unsigned mask, char *buf, size_t size)
{
	static const char *const names[] = {"table", "csv", "json", "xlsx"};
	const char *picked[4];
	size_t n = 0, i;

	for (i = 0; i < 4; i++)
		if (mask & (1u << i))
			picked[n++] = names[i];
	buf[0] = '\0';
	for (i = 0; i < n; i++)
		snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", i == 0 ? ""
		         : i + 1 == n ? " or " : ", ", picked[i]);
	return buf;
}

/* Add ID to O's list unless it is there already. */
static int add_id(const char *cmd, lt_cli_opts *o, const char *id)
{
	const char **p;
	size_t i;

	for (i = 0; i < o->n_ids; i++)
		if (strcmp(o->ids[i], id) == 0)
			return LT_EXIT_OK;
	p = lt_realloc(o->ids, (o->n_ids + 1) * sizeof *p);
	if (p == NULL) {
		fprintf(stderr, "lotrinh: %s: out of memory\n", cmd);
		return LT_EXIT_ENV;
	}
	o->ids = p;
	o->ids[o->n_ids++] = id;
	return LT_EXIT_OK;
}

int lt_cli_option(const char *cmd, int opt, const char *arg, lt_cli_opts *o)
{
	char q[160], list[64];
	lt_format f;

	o->cmd = cmd;
	switch (opt) {
	case LT_OPT_FORMAT:
		if (lt_format_parse(arg, &f) != 0 || !(o->formats & (1u << f)))
			return lt_cli_usage_error(cmd, "'--format' must be %s (got '%s')",
			                          format_list(o->formats, list,
			                                      sizeof list),
			                          lt_text_quote(arg, QUOTE_COLS, q,
			                                        sizeof q));
		o->format = f;
		return LT_EXIT_OK;
	case LT_OPT_LANG:
		if (lt_lang_parse(arg, &o->lang) != 0)
			return lt_cli_usage_error(cmd, "'--lang' must be en or vi (got "
			                          "'%s')", lt_text_quote(arg, QUOTE_COLS,
			                                                 q, sizeof q));
		return LT_EXIT_OK;
	case LT_OPT_OUT:
		if (arg[0] == '\0')
			return lt_cli_usage_error(cmd, "'--out' needs a file name");
		o->out = arg;
		return LT_EXIT_OK;
	case LT_OPT_INDICATOR:
		return add_id(cmd, o, arg);
	default:
		return -1;
	}
}

/* A workbook is a binary file: never written to a terminal or a pipe. */
static int xlsx_needs_out(const char *cmd, const lt_cli_opts *o)
{
	if (o->format == LT_FORMAT_XLSX && o->out == NULL)
		return lt_cli_usage_error(cmd, "'--format xlsx' needs '--out FILE' "
		                          "(a workbook is not written to standard "
		                          "output)");
	return LT_EXIT_OK;
}

int lt_cli_check_ids(const char *cmd, const lt_cli_opts *o,
                     const struct lt_scenario *s)
{
	char q[160];
	size_t i;

	if (xlsx_needs_out(cmd, o) != LT_EXIT_OK)
		return LT_EXIT_USAGE;
	for (i = 0; i < o->n_ids; i++)
		if (lt_scenario_find_indicator(s, o->ids[i]) < 0)
			return lt_cli_usage_error(cmd, "no indicator '%s' in %s",
			                          lt_text_quote(o->ids[i], QUOTE_COLS, q,
			                                        sizeof q), s->path);
	return LT_EXIT_OK;
}

int lt_cli_exit_status(int status)
{
	switch (status) {
	case LT_OK:
		return LT_EXIT_OK;
	case LT_ENOCONV:
		return LT_EXIT_FAIL;
	case LT_EINVAL:
		return LT_EXIT_USAGE;
	default: /* LT_EIO, LT_ENOMEM, LT_EEXTERN */
		return LT_EXIT_ENV;
	}
}

/* The name of a command's worksheet in LANG: what its table is to a
 * planner (the command's own name for one not listed). */
static const char *sheet_name(const char *cmd, lt_lang lang)
{
	static const struct {
		const char *cmd, *name[2]; /* by lt_lang */
	} names[] = {
		{"audit", {"Audit", "Rà soát"}},
		{"compare", {"Comparison", "So sánh"}},
		{"fit", {"Fit", "Ước lượng"}},
		{"paths", {"Required paths", "Lộ trình cần đạt"}},
		{"sens", {"Sensitivity", "Độ nhạy"}},
		{"show", {"Roadmap", "Lộ trình"}},
		{"simulate", {"Simulation", "Mô phỏng"}},
		{"solve", {"Spending needed", "Mức chi cần thiết"}},
	};
	size_t i;

	for (i = 0; cmd != NULL && i < sizeof names / sizeof *names; i++)
		if (strcmp(names[i].cmd, cmd) == 0)
			return names[i].name[lang];
	return cmd != NULL ? cmd : "lotrinh";
}

/* DOC as a workbook at O->out (lt_cli_emit). */
static int emit_xlsx(const lt_doc *doc, const lt_cli_opts *o,
                     const char *const *inputs, size_t n_inputs)
{
	const char *name = sheet_name(o->cmd, o->lang);
	lt_diag d;
	int rc;

	if (xlsx_needs_out(o->cmd != NULL ? o->cmd : "lotrinh", o) != LT_EXIT_OK)
		return LT_EXIT_USAGE;
	lt_diag_init(&d, o->out);
	rc = lt_xlsx_write(o->out, &doc, &name, 1, o->lang, inputs, n_inputs,
	                   &d);
	if (rc != LT_OK)
		lt_cli_print_diag(&d);
	lt_diag_destroy(&d);
	return lt_cli_exit_status(rc);
}

int lt_cli_emit(const lt_doc *doc, const lt_cli_opts *o,
                const char *const *inputs, size_t n_inputs)
{
	lt_sink *out = NULL;
	lt_diag d;
	int rc;

	if (o->format == LT_FORMAT_XLSX)
		return emit_xlsx(doc, o, inputs, n_inputs);
	lt_diag_init(&d, o->out);
	if (o->out != NULL)
		rc = lt_sink_file(&out, o->out, inputs, n_inputs, &d);
	else if ((out = lt_sink_stdout()) == NULL)
		rc = lt_error_raise(&d, LT_ENOMEM, "", 0, "out of memory");
	else
		rc = LT_OK;
	if (rc == LT_OK)
		rc = lt_doc_render(doc, o->format, o->lang, out, &d);
	if (rc == LT_OK || rc == LT_EIO) {
		/* a sink failure shows at the close, which reports it */
		int closed = lt_sink_close(out, &d);

		rc = rc != LT_OK ? rc : closed;
	} else {
		lt_sink_discard(out);
	}
	/* lt_main reports a failed standard output once, for every command */
	if (rc != LT_OK && !(rc == LT_EIO && o->out == NULL))
		lt_cli_print_diag(&d);
	lt_diag_destroy(&d);
	return lt_cli_exit_status(rc);
}

int lt_cli_help_option(const char *cmd, int opt, const char *arg,
                       lt_cli_opts *o)
{
	if (opt == 'h') {
		o->help = 1;
		return LT_EXIT_OK;
	}
	if (!o->help)
		return -1;
	/* after --help only the language counts: the usage is all that prints */
	if (opt == LT_OPT_LANG)
		return lt_cli_option(cmd, opt, arg, o);
	return LT_EXIT_OK;
}

int lt_cli_help(const char *cmd, const lt_cli_opts *o)
{
	lt_cli_print_usage(cmd, o->lang, stdout);
	return LT_EXIT_OK;
}
