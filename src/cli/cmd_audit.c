/* cmd_audit.c - `lotrinh audit SCENARIO`: the plan audit as a readable list
 * of findings, or CSV and JSON for machines.  The checks are in audit.c;
 * this file parses the options and builds one document (table.h): text
 * groups the findings by subject with their sources numbered once, CSV is
 * one row per finding, JSON carries every number and source; text and JSON
 * end with the documents the findings cite (cite.h). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/alloc.h"
#include "lotrinh/audit.h"
#include "lotrinh/cite.h"
#include "lotrinh/cli.h"
#include "lotrinh/finding.h"
#include "lotrinh/report.h"
#include "lotrinh/table.h"
#include "lotrinh/scenario.h"
#include "lotrinh/text.h"

const char lt_usage_audit[] =
	"Usage: lotrinh audit [--lang en|vi] [--format table|csv|json|xlsx]\n"
	"                     [--min-severity LEVEL] [--out FILE] SCENARIO\n"
	"\n"
	"Check a plan against itself and against evidence.  Each finding has a\n"
	"severity, the numbers behind it and their sources:\n"
	"  error    the plan contradicts itself: task sums that differ from the\n"
	"           totals it declares, a final milestone that misses the target,\n"
	"           a figure the document derives from its own others (a total,\n"
	"           a count, a mean, a period stated twice) that does not follow\n"
	"           from them (the scenario's claims; a warning when the document\n"
	"           hedges the figure)\n"
	"  warning  the plan is at odds with evidence: a yearly step above the\n"
	"           plausible pace or the indicator's history, a budget share\n"
	"           below the plan's rule, spending far beyond today's\n"
	"  info     context: steps within bounds, sums that agree\n"
	"When the scenario lists its documents, the text and JSON end with the\n"
	"documents the findings cite.\n"
	"\n"
	"Options:\n"
	"  --lang en|vi             the findings, labels, names and numbers in\n"
	"                           English (default) or Vietnamese; csv and json\n"
	"                           keep their keys, codes and English findings\n"
	"  --format table|csv|json|xlsx\n"
	"                           output format (default table)\n"
	"                           xlsx is a workbook and needs --out\n"
	"  --min-severity LEVEL     show only findings of LEVEL (info, warning,\n"
	"                           error) or worse (default info)\n"
	"  --out FILE               write to FILE (replaced whole, only when\n"
	"                           complete) instead of standard output\n"
	"  -h, --help               show this help\n"
	"\n"
	"Exit status: 0 when the audit ran (whatever it found), 2 on bad usage or\n"
	"an invalid scenario, 3 when the output cannot be written.\n";

const char lt_usage_audit_vi[] =
	"Cách dùng: lotrinh audit [--lang en|vi] [--format table|csv|json|xlsx]\n"
	"                         [--min-severity MỨC] [--out TỆP] KỊCH_BẢN\n"
	"\n"
	"Rà soát đề án với chính nó và với số liệu thực tế.  Mỗi phát hiện có mức\n"
	"độ, các con số đằng sau và nguồn của chúng:\n"
	"  lỗi        đề án tự mâu thuẫn: tổng kinh phí các nhiệm vụ khác tổng đề\n"
	"             án ghi, mốc cuối không đạt mục tiêu, một số liệu văn bản suy\n"
	"             ra từ các số liệu khác của chính nó (tổng, số đếm, bình quân,\n"
	"             giai đoạn ghi hai lần) mà không khớp (các khẳng định của kịch\n"
	"             bản; là cảnh báo khi văn bản tự ghi số liệu là ước chừng)\n"
	"  cảnh báo   đề án lệch với thực tế: mức tăng một năm vượt tốc độ hợp lý\n"
	"             hoặc vượt số liệu quá khứ của chỉ tiêu, tỷ lệ chi ngân sách\n"
	"             dưới mức quy định, mức chi vượt xa hiện nay\n"
	"  thông tin  bối cảnh: mức tăng trong giới hạn, các tổng khớp nhau\n"
	"Khi kịch bản liệt kê các văn bản, bảng và json kết thúc bằng các văn bản\n"
	"mà các phát hiện dẫn chiếu.\n"
	"\n"
	"Tùy chọn:\n"
	"  --lang en|vi             phát hiện, nhãn, tên và số bằng tiếng Anh (mặc\n"
	"                           định) hoặc tiếng Việt; csv và json giữ nguyên\n"
	"                           khóa, mã và câu phát hiện tiếng Anh\n"
	"  --format table|csv|json|xlsx\n"
	"                           định dạng đầu ra (mặc định table)\n"
	"                           xlsx là sổ tính (Excel), cần --out\n"
	"  --min-severity MỨC       chỉ in phát hiện ở MỨC (info, warning, error)\n"
	"                           trở lên (mặc định info)\n"
	"  --out TỆP                ghi vào TỆP (thay cả tệp, chỉ khi đã xong)\n"
	"                           thay vì đầu ra chuẩn\n"
	"  -h, --help               in trợ giúp này\n"
	"\n"
	"Mã thoát: 0 khi rà soát chạy xong (dù phát hiện gì), 2 khi dùng sai lệnh\n"
	"hoặc kịch bản không hợp lệ, 3 khi không ghi được đầu ra.\n";

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

/* Display columns of the severity in text: the widest word, "warning"
 * (7) in English, "thông tin" (9) in Vietnamese. */
#define SEVERITY_COLS(lang) ((lang) == LT_LANG_VI ? 9 : 7)

/* The findings of one subject, FROM..TO-1, as a text section in LANG, then
 * its sources once each, numbered; findings refer to them as [1, 2]. */
static void subject_text(lt_doc *root, const lt_audit *a, size_t from,
                         size_t to, lt_severity min, lt_lang lang)
{
	const char *seen[LT_AUDIT_SOURCES * 64];
	char title[512];
	lt_doc *d;
	size_t n = 0, i, k;

	/* the title is text only: one language is enough */
	lt_finding_subject(&a->items[from], lang, title, sizeof title);
	d = lt_doc_child(root, "subject", title, NULL, LT_SHOW_TEXT);
	for (i = from; i < to; i++) {
		const lt_finding *f = &a->items[i];
		const char *sev = lt_severity_word(f->severity, lang);
		char line[1024], text[600], year[16] = "      ";
		size_t w = lt_text_width(sev);

		if (f->severity < min)
			continue;
		if (f->year > 0)
			snprintf(year, sizeof year, "%d  ", f->year);
		/* padded by display width: "cảnh báo" is 8 columns, 11 bytes */
		snprintf(line, sizeof line, "%s%*s  %s%s", sev,
		         (int)(w < SEVERITY_COLS(lang) ? SEVERITY_COLS(lang) - w : 0),
		         "", year, lt_finding_text(f, lang, text, sizeof text));
		for (k = 0; k < f->n_sources; k++)
			if (n < sizeof seen / sizeof *seen)
				snprintf(line + strlen(line), sizeof line - strlen(line),
				         "%s%zu", k ? ", " : " [",
				         source_number(seen, &n, f->sources[k].text));
		lt_doc_linef(d, "%s%s", line, f->n_sources ? "]" : "");
	}
	for (i = 0; i < n; i++)
		lt_doc_linef(d, "   [%zu] %s", i + 1, seen[i]);
}

/* The summary line and a section for every subject with a finding shown. */
static void audit_text(lt_doc *d, const lt_audit *a, lt_severity min,
                       lt_lang lang)
{
	size_t i, j;

	if (lang == LT_LANG_VI)
		lt_doc_linef(d, "%zu lỗi, %zu cảnh báo, %zu thông tin",
		             lt_audit_count(a, LT_SEV_ERROR),
		             lt_audit_count(a, LT_SEV_WARNING),
		             lt_audit_count(a, LT_SEV_INFO));
	else
		lt_doc_linef(d, "%zu error%s, %zu warning%s, %zu info",
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
			subject_text(d, a, i, j, min, lang);
	}
}

/* All of a finding's values as "name=value; name=value" into BUF. */
static void join_values(const lt_finding *f, char *buf, size_t size)
{
	size_t k;

	buf[0] = '\0';
	for (k = 0; k < f->n_values; k++) {
		lt_cell c = lt_cell_number(f->values[k].value, 0, 0, NULL);
		char num[64];

		snprintf(buf + strlen(buf), size - strlen(buf), "%s%s=%s",
		         k ? "; " : "", f->values[k].name,
		         lt_cell_csv(&c, num, sizeof num));
	}
}

/* All of a finding's sources as "label: text; label: text" into BUF. */
static void join_sources(const lt_finding *f, char *buf, size_t size)
{
	size_t k;

	buf[0] = '\0';
	for (k = 0; k < f->n_sources; k++)
		snprintf(buf + strlen(buf), size - strlen(buf), "%s%s: %s",
		         k ? "; " : "", f->sources[k].label, f->sources[k].text);
}

/* One CSV row per finding shown. */
static void findings_csv(lt_doc *d, const lt_audit *a, lt_severity min)
{
	static const char *const keys[] = {"severity", "code", "subject", "year",
	    "finding", "values", "source"};
	lt_table *t = lt_doc_table(d, "findings", NULL, NULL, 7, LT_SHOW_CSV);
	char values[1024], sources[4096];
	size_t i, k;

	for (k = 0; k < 7; k++)
		lt_table_set_header(t, k, keys[k], LT_LEFT);
	for (i = 0; i < a->n; i++) {
		const lt_finding *f = &a->items[i];

		if (f->severity < min)
			continue;
		lt_table_add_row(t);
		lt_table_set(t, 0, lt_severity_name(f->severity));
		lt_table_set(t, 1, f->code);
		lt_table_set(t, 2, f->subject);
		if (f->year > 0)
			lt_table_put(t, 3, lt_cell_year(f->year));
		lt_table_set(t, 4, f->text);
		join_values(f, values, sizeof values);
		lt_table_set(t, 5, values);
		join_sources(f, sources, sizeof sources);
		lt_table_set(t, 6, sources);
	}
}

static void jcell(lt_doc *d, const char *key, lt_cell c)
{
	lt_doc_field(d, key, key, NULL, c, LT_SHOW_JSON);
}

/* One finding as a JSON object in the list "findings". */
static void finding_json(lt_doc *root, const lt_finding *f)
{
	lt_doc *d = lt_doc_list_item(root, "findings", NULL, NULL, LT_SHOW_JSON);
	lt_table *v, *s;
	size_t k;

	jcell(d, "severity", lt_cell_text(lt_severity_name(f->severity)));
	jcell(d, "code", lt_cell_text(f->code));
	jcell(d, "subject", lt_cell_text(f->subject));
	jcell(d, "year", f->year > 0 ? lt_cell_year(f->year)
	      : lt_cell_missing(NULL));
	jcell(d, "finding", lt_cell_text(f->text));
	v = lt_doc_table(d, "values", NULL, NULL, 3, LT_SHOW_JSON);
	lt_table_set_header(v, 0, "name", LT_LEFT);
	lt_table_set_header(v, 1, "value", LT_RIGHT);
	lt_table_set_header(v, 2, "unit", LT_LEFT);
	for (k = 0; k < f->n_values; k++) {
		lt_table_add_row(v);
		lt_table_set(v, 0, f->values[k].name);
		lt_table_put(v, 1, lt_cell_number(f->values[k].value, 0, 0, NULL));
		lt_table_set(v, 2, f->values[k].unit);
	}
	s = lt_doc_table(d, "sources", NULL, NULL, 2, LT_SHOW_JSON);
	lt_table_set_header(s, 0, "for", LT_LEFT);
	lt_table_set_header(s, 1, "source", LT_LEFT);
	for (k = 0; k < f->n_sources; k++) {
		lt_table_add_row(s);
		lt_table_set(s, 0, f->sources[k].label);
		lt_table_set(s, 1, f->sources[k].text);
	}
}

/* Add to ROOT the documents of S whose id begins a source of a finding
 * shown, once each, in the order S lists them: a section "Documents
 * cited" in text, the array "documents" in JSON (CSV is the findings
 * table alone: one table, one header).  A finding's sources are scenario
 * strings, each starting with a document's id or "assumption" when the
 * scenario lists documents.  Returns LT_OK or LT_ENOMEM. */
static int cited_documents(lt_doc *root, const lt_scenario *s,
                           const lt_audit *a, lt_severity min, lt_lang lang)
{
	unsigned char *cited;
	size_t i, k, n = 0;
	lt_doc *d;

	if (s->n_documents == 0)
		return LT_OK;
	cited = lt_calloc(s->n_documents, 1);
	if (cited == NULL)
		return LT_ENOMEM;
	for (i = 0; i < a->n; i++)
		for (k = 0; k < a->items[i].n_sources; k++) {
			int j = lt_scenario_source_document(s,
			                                    a->items[i].sources[k].text);

			if (a->items[i].severity >= min && j >= 0 && !cited[j]) {
				cited[j] = 1;
				n++;
			}
		}
	if (n > 0) {
		d = lt_doc_child(root, "documents_cited", "Documents cited",
		                 "Văn bản được dẫn", LT_SHOW_TEXT);
		lt_cite_lines(d, 0, lang, s, cited);
		lt_cite_table(root, "documents", LT_SHOW_JSON, s, cited);
	}
	free(cited);
	return LT_OK;
}

/* The audit as a document (caller frees), or NULL. */
lt_doc *lt_cli_audit_doc(const lt_scenario *s, const lt_audit *a,
                         lt_severity min, lt_lang lang)
{
	char title[512];
	lt_doc *d;
	size_t i;

	snprintf(title, sizeof title, LT_TR(lang, "Audit of %s — %s",
	                                    "Rà soát %s — %s"),
	         LT_TR(lang, s->province.name, s->province.name_vi), s->path);
	d = lt_doc_alloc(title, NULL);
	jcell(d, "scenario", lt_cell_text(s->path));
	jcell(d, "province", lt_cell_text(s->province.id));
	jcell(d, "errors", lt_cell_int((long long)lt_audit_count(a, LT_SEV_ERROR)));
	jcell(d, "warnings",
	      lt_cell_int((long long)lt_audit_count(a, LT_SEV_WARNING)));
	audit_text(d, a, min, lang);
	findings_csv(d, a, min);
	lt_doc_list(d, "findings", LT_SHOW_JSON);
	for (i = 0; i < a->n; i++)
		if (a->items[i].severity >= min)
			finding_json(d, &a->items[i]);
	if (cited_documents(d, s, a, min, lang) != LT_OK) {
		lt_doc_free(d);
		return NULL;
	}
	return d;
}

/* Parse --min-severity's ARG into *MIN; returns an exit status. */
static int parse_min(const char *arg, lt_severity *min)
{
	if (strcmp(arg, "info") == 0)
		*min = LT_SEV_INFO;
	else if (strcmp(arg, "warning") == 0)
		*min = LT_SEV_WARNING;
	else if (strcmp(arg, "error") == 0)
		*min = LT_SEV_ERROR;
	else
		return lt_cli_usage_error("audit", "'--min-severity' must be info, "
		                          "warning or error (got '%s')", arg);
	return LT_EXIT_OK;
}

int lt_cmd_audit(int argc, char **argv)
{
	enum { OPT_MIN = LT_OPT_OWN };
	static const struct option opts[] = {
		{"format", required_argument, NULL, LT_OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{"lang", required_argument, NULL, LT_OPT_LANG},
		{"min-severity", required_argument, NULL, OPT_MIN},
		{"out", required_argument, NULL, LT_OPT_OUT},
		{NULL, 0, NULL, 0},
	};
	lt_severity min = LT_SEV_INFO;
	lt_scenario *s = NULL;
	lt_doc *doc = NULL;
	lt_cli_opts o;
	lt_audit a;
	lt_diag d;
	int c, status;

	lt_cli_opts_init(&o);
	lt_audit_init(&a);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		status = lt_cli_help_option("audit", c, optarg, &o);
		if (status < 0)
			status = c == OPT_MIN ? parse_min(optarg, &min)
			         : lt_cli_option("audit", c, optarg, &o);
		if (status < 0)
			status = lt_cli_bad_option("audit", c, argv);
		if (status != LT_EXIT_OK)
			goto done;
	}
	if (o.help) {
		status = lt_cli_help("audit", &o);
		goto done;
	}
	status = lt_cli_load_operand("audit", argc, argv, &s);
	if (status != LT_EXIT_OK)
		goto done;
	lt_diag_init(&d, s->path);
	status = lt_audit_run(s, &a, &d);
	lt_cli_print_diag(&d);
	lt_diag_destroy(&d);
	if (status != LT_OK) {
		status = lt_cli_exit_status(status);
		goto done;
	}
	doc = lt_cli_audit_doc(s, &a, min, o.lang);
	status = lt_cli_emit(doc, &o, (const char *const[]){s->path}, 1);
done:
	lt_doc_free(doc);
	lt_audit_destroy(&a);
	lt_scenario_free(s);
	lt_cli_opts_destroy(&o);
	return status;
}
