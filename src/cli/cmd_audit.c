/* cmd_audit.c - `lotrinh audit SCENARIO`: the plan audit as a readable list
 * of findings, or CSV and JSON for machines.  The checks are in audit.c. */
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/audit.h"
#include "lotrinh/cli.h"
#include "lotrinh/report.h"
#include "lotrinh/scenario.h"

const char lt_usage_audit[] =
	"Usage: lotrinh audit [--format table|csv|json] [--min-severity LEVEL]\n"
	"                     SCENARIO\n"
	"\n"
	"Check a plan against itself and against evidence.  Each finding has a\n"
	"severity, the numbers behind it and their sources:\n"
	"  error    the plan contradicts itself: task sums that differ from the\n"
	"           totals it declares, a final milestone that misses the target\n"
	"  warning  the plan is at odds with evidence: a yearly step above the\n"
	"           plausible pace or the indicator's history, a budget share\n"
	"           below the plan's rule, spending far beyond today's\n"
	"  info     context: steps within bounds, sums that agree\n"
	"\n"
	"Options:\n"
	"  --format table|csv|json  output format (default table)\n"
	"  --min-severity LEVEL     show only findings of LEVEL (info, warning,\n"
	"                           error) or worse (default info)\n"
	"  -h, --help               show this help\n"
	"\n"
	"Exit status: 0 when the audit ran (whatever it found), 2 on bad usage or\n"
	"an invalid scenario.\n";

/* The number of source text T among the subject's sources SEEN (adding it
 * when new); numbers start at 1. */
static size_t source_number(const char **seen, size_t *n, const char *t)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (seen[i] == t)
			return i + 1;
	seen[(*n)++] = t;
	return *n;
}

/* Print the findings of one subject, FROM..TO-1, then its sources once
 * each, numbered; findings refer to them as [1, 2]. */
static void print_subject(const lt_audit *a, size_t from, size_t to,
                          lt_severity min)
{
	const char *seen[LT_AUDIT_SOURCES * 64];
	size_t n = 0, i, k;

	printf("\n%s\n", a->items[from].subject);
	for (i = from; i < to; i++) {
		const lt_finding *f = &a->items[i];

		if (f->severity < min)
			continue;
		printf("  %-7s  ", lt_severity_name(f->severity));
		if (f->year > 0)
			printf("%d  ", f->year);
		else
			printf("      ");
		printf("%s", f->text);
		for (k = 0; k < f->n_sources; k++)
			if (n < sizeof seen / sizeof *seen)
				printf("%s%zu", k ? ", " : " [", source_number(seen, &n,
				       f->sources[k].text));
		printf("%s\n", f->n_sources ? "]" : "");
	}
	for (i = 0; i < n; i++)
		printf("     [%zu] %s\n", i + 1, seen[i]);
}

static void print_table(const lt_scenario *s, const lt_audit *a,
                        lt_severity min)
{
	size_t i, j;

	printf("Audit of %s — %s\n", s->province.name, s->path);
	printf("%zu error%s, %zu warning%s, %zu info\n",
	       lt_audit_count(a, LT_SEV_ERROR),
	       lt_audit_count(a, LT_SEV_ERROR) == 1 ? "" : "s",
	       lt_audit_count(a, LT_SEV_WARNING),
	       lt_audit_count(a, LT_SEV_WARNING) == 1 ? "" : "s",
	       lt_audit_count(a, LT_SEV_INFO));
	for (i = 0; i < a->n; i = j) {
		int shown = 0;

		for (j = i; j < a->n && strcmp(a->items[j].subject,
		                               a->items[i].subject) == 0; j++)
			shown |= a->items[j].severity >= min;
		if (shown)
			print_subject(a, i, j, min);
	}
}

/* All of a finding's sources as "label: text; label: text". */
static void join_sources(const lt_finding *f, char *buf, size_t size)
{
	size_t k, used = 0;

	buf[0] = '\0';
	for (k = 0; k < f->n_sources; k++) {
		int w = snprintf(buf + used, size - used, "%s%s: %s", k ? "; " : "",
		                 f->sources[k].label, f->sources[k].text);
		if (w < 0 || (size_t)w >= size - used)
			break;
		used += (size_t)w;
	}
}

static void print_csv(const lt_audit *a, lt_severity min)
{
	static const char *const head[] = {"severity", "code", "subject", "year",
	    "finding", "values", "source"};
	size_t i, k;

	lt_csv_row(stdout, head, 7);
	for (i = 0; i < a->n; i++) {
		const lt_finding *f = &a->items[i];
		char year[16], values[600], num[32], sources[4096];
		const char *row[7];
		size_t used = 0;

		if (f->severity < min)
			continue;
		values[0] = '\0';
		for (k = 0; k < f->n_values; k++) {
			int w = snprintf(values + used, sizeof values - used, "%s%s=%s",
			                 k ? "; " : "", f->values[k].name,
			                 lt_format_plain(f->values[k].value, num,
			                                 sizeof num));
			if (w < 0 || (size_t)w >= sizeof values - used)
				break;
			used += (size_t)w;
		}
		snprintf(year, sizeof year, "%d", f->year);
		row[0] = lt_severity_name(f->severity);
		row[1] = f->code;
		row[2] = f->subject;
		row[3] = f->year > 0 ? year : "";
		row[4] = f->text;
		row[5] = values;
		join_sources(f, sources, sizeof sources);
		row[6] = sources;
		lt_csv_row(stdout, row, 7);
	}
}

static json_t *finding_json(const lt_finding *f)
{
	json_t *o = json_object(), *vals = json_array(), *srcs = json_array();
	size_t k;

	json_object_set_new(o, "severity", json_string(lt_severity_name(f->severity)));
	json_object_set_new(o, "code", json_string(f->code));
	json_object_set_new(o, "subject", json_string(f->subject));
	json_object_set_new(o, "year", f->year > 0 ? json_integer(f->year)
	                                            : json_null());
	json_object_set_new(o, "finding", json_string(f->text));
	for (k = 0; k < f->n_values; k++) {
		json_t *v = json_object();

		json_object_set_new(v, "name", json_string(f->values[k].name));
		json_object_set_new(v, "value", json_real(f->values[k].value));
		json_object_set_new(v, "unit", json_string(f->values[k].unit));
		json_array_append_new(vals, v);
	}
	json_object_set_new(o, "values", vals);
	for (k = 0; k < f->n_sources; k++) {
		json_t *x = json_object();

		json_object_set_new(x, "for", json_string(f->sources[k].label));
		json_object_set_new(x, "source", json_string(f->sources[k].text));
		json_array_append_new(srcs, x);
	}
	json_object_set_new(o, "sources", srcs);
	return o;
}

static int print_json(const lt_scenario *s, const lt_audit *a, lt_severity min)
{
	json_t *root = json_object(), *items = json_array();
	size_t i;
	int rc;

	json_object_set_new(root, "scenario", json_string(s->path));
	json_object_set_new(root, "province", json_string(s->province.id));
	json_object_set_new(root, "errors",
	                    json_integer((json_int_t)lt_audit_count(a, LT_SEV_ERROR)));
	json_object_set_new(root, "warnings",
	                    json_integer((json_int_t)lt_audit_count(a, LT_SEV_WARNING)));
	for (i = 0; i < a->n; i++)
		if (a->items[i].severity >= min)
			json_array_append_new(items, finding_json(&a->items[i]));
	json_object_set_new(root, "findings", items);
	rc = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
	fputc('\n', stdout);
	json_decref(root);
	return rc == 0 ? LT_EXIT_OK : LT_EXIT_ENV;
}

int lt_cmd_audit(int argc, char **argv)
{
	enum { OPT_FORMAT = CHAR_MAX + 1, OPT_MIN };
	static const struct option opts[] = {
		{"format", required_argument, NULL, OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{"min-severity", required_argument, NULL, OPT_MIN},
		{NULL, 0, NULL, 0},
	};
	lt_format format = LT_FORMAT_TABLE;
	lt_severity min = LT_SEV_INFO;
	lt_scenario *s;
	lt_audit a;
	lt_diag d;
	int o, status = LT_EXIT_OK;

	optind = 0;
	opterr = 0;
	while ((o = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (o) {
		case 'h':
			fputs(lt_usage_audit, stdout);
			return LT_EXIT_OK;
		case OPT_FORMAT:
			if (lt_format_parse(optarg, &format) != 0)
				return lt_cli_usage_error("audit", "'--format' must be table, "
				                          "csv or json (got '%s')", optarg);
			break;
		case OPT_MIN:
			if (strcmp(optarg, "info") == 0)
				min = LT_SEV_INFO;
			else if (strcmp(optarg, "warning") == 0)
				min = LT_SEV_WARNING;
			else if (strcmp(optarg, "error") == 0)
				min = LT_SEV_ERROR;
			else
				return lt_cli_usage_error("audit", "'--min-severity' must be "
				                          "info, warning or error (got '%s')",
				                          optarg);
			break;
		default:
			return lt_cli_bad_option("audit", o, argv);
		}
	}
	if (lt_cli_load_operand("audit", argc, argv, NULL, &s) != LT_EXIT_OK)
		return LT_EXIT_USAGE;
	lt_audit_init(&a);
	lt_diag_init(&d, argv[optind]);
	if (lt_audit_run(s, &a, &d) != LT_OK) {
		lt_cli_print_diag(&d);
		status = LT_EXIT_ENV;
	} else if (format == LT_FORMAT_TABLE) {
		print_table(s, &a, min);
	} else if (format == LT_FORMAT_CSV) {
		print_csv(&a, min);
	} else {
		status = print_json(s, &a, min);
	}
	lt_diag_destroy(&d);
	lt_audit_destroy(&a);
	lt_scenario_free(s);
	return status;
}
