/* cmd_compare.c - `lotrinh compare A.cfg B.cfg ...`: the same measures
 * side by side for several provinces (compare.h), as one document: the
 * provinces and their budget rules, then one table per measure with a row
 * per province, then what cannot be compared. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/cli.h"
#include "lotrinh/chart.h"
#include "lotrinh/compare.h"
#include "lotrinh/config.h"
#include "lotrinh/report.h"
#include "lotrinh/outdir.h"
#include "lotrinh/table.h"

const char lt_usage_compare[] =
	"Usage: lotrinh compare [--draws N] [--seed S] [--threads T]\n"
	"                       [--lang en|vi] [--format table|csv|json]\n"
	"                       SCENARIO SCENARIO...\n"
	"       lotrinh compare [--draws N] [--seed S] [--threads T]\n"
	"                       [--lang en|vi] [--plot-format F] [--no-plot]\n"
	"                       --out DIR SCENARIO SCENARIO...\n"
	"\n"
	"The same measures side by side for two or more provinces: for every\n"
	"indicator, where each province starts, what it aims at, the change a\n"
	"year that needs, its progress class, the smallest constant budget\n"
	"share that meets it, the probability of meeting it with the plan's\n"
	"own budget rule held every year, and the year the plan reaches it.\n"
	"\n"
	"Indicators are one measure when they have the same id and the same\n"
	"kind: a score and a rank are never compared, and an id that names\n"
	"both is reported.  Ranks out of different numbers of provinces (63\n"
	"before the 2025 mergers, 34 after) are compared by position, (rank -\n"
	"1)/(provinces - 1): 0 the first, 1 the last.  Other values are also\n"
	"given as a percentage of each province's own aim, a scale that needs no\n"
	"common unit; different unit texts are said.  A measure only one\n"
	"province carries is listed as compared with nothing.\n"
	"\n"
	"Options:\n"
	"  --draws N        Monte Carlo draws for the probability at each plan's\n"
	"                   rule (default 2000; 0: no probabilities)\n"
	"  --seed S         the draws' seed (default 1)\n"
	"  --threads T      threads for the draws (default: the machine's cores)\n"
	"  --lang en|vi     the language of the table (default en); CSV and\n"
	"                   JSON keep their keys and a decimal point\n"
	"  --format F       table (default), csv or json, on standard output\n"
	"  --out DIR        write every form into DIR (created if needed):\n"
	"                   compare.txt, compare.csv, compare.json, the workbook\n"
	"                   compare.xlsx and the chart charts/compare.png with its\n"
	"                   data and redraw script; lotrinh keeps a manifest there\n"
	"                   and never overwrites a scenario, a file it did not\n"
	"                   write or one changed since (exit 2)\n"
	"  --plot-format F  png (default), svg or pdf: the chart's format\n"
	"  --no-plot        no chart (gnuplot not needed)\n"
	"  -h, --help       show this help\n"
	"\n"
	"Exit status: 0 done, 1 a computation failed, 2 bad input or usage, 3\n"
	"the environment failed (a full disk, gnuplot missing: then --no-plot).\n";

const char lt_usage_compare_vi[] =
	"Cách dùng: lotrinh compare [--draws N] [--seed S] [--threads T]\n"
	"                           [--lang en|vi] [--format table|csv|json]\n"
	"                           KỊCH_BẢN KỊCH_BẢN...\n"
	"           lotrinh compare [--draws N] [--seed S] [--threads T]\n"
	"                           [--lang en|vi] [--plot-format F] [--no-plot]\n"
	"                           --out THƯ_MỤC KỊCH_BẢN KỊCH_BẢN...\n"
	"\n"
	"So sánh hai tỉnh trở lên trên cùng các chỉ tiêu: với mỗi chỉ tiêu, hiện\n"
	"trạng của từng tỉnh, mục tiêu, mức thay đổi mỗi năm cần đạt, tiến độ,\n"
	"tỷ lệ chi ổn định tối thiểu để đạt, xác suất đạt nếu chi đúng quy định\n"
	"của đề án mỗi năm, và năm đạt theo lộ trình chi của đề án.\n"
	"\n"
	"Hai chỉ tiêu là một khi cùng mã và cùng loại: điểm số và thứ hạng không\n"
	"bao giờ được so sánh.  Thứ hạng trên số tỉnh khác nhau (63 trước sáp\n"
	"nhập 2025, 34 sau) được so theo vị trí (hạng - 1)/(số tỉnh - 1): 0 là\n"
	"đứng đầu, 1 là cuối.  Các giá trị khác còn được tính theo % mục tiêu\n"
	"của từng tỉnh.\n"
	"\n"
	"Tùy chọn:\n"
	"  --draws N        số lượt Monte Carlo cho xác suất theo quy định\n"
	"                   (mặc định 2000; 0: không tính xác suất)\n"
	"  --seed S         hạt giống (mặc định 1)\n"
	"  --threads T      số luồng (mặc định: số nhân của máy)\n"
	"  --lang en|vi     ngôn ngữ của bảng (mặc định en)\n"
	"  --format F       table (mặc định), csv hoặc json, ra đầu ra chuẩn\n"
	"  --out THƯ_MỤC    ghi mọi dạng vào THƯ_MỤC: compare.txt, .csv, .json,\n"
	"                   compare.xlsx và biểu đồ charts/compare.png\n"
	"  --plot-format F  png (mặc định), svg hoặc pdf\n"
	"  --no-plot        không vẽ biểu đồ\n"
	"  -h, --help       in hướng dẫn này\n"
	"\n"
	"Mã thoát: 0 xong, 1 tính toán thất bại, 2 dữ liệu hoặc cách dùng sai, 3\n"
	"lỗi môi trường.\n";

/* compare's own options. */
enum { OPT_NO_PLOT = LT_OPT_OWN, OPT_PLOT_FORMAT };

/* The default number of draws: the probability to about ±0.01. */
#define COMPARE_DRAWS 2000

#define L(lang, en, vi) ((lang) == LT_LANG_VI ? (vi) : (en))

static const char *kind_word(lt_kind k, lt_lang lang)
{
	switch (k) {
	case LT_KIND_SHARE:
		return L(lang, "a share", "một tỷ lệ");
	case LT_KIND_SCORE:
		return L(lang, "a score", "một điểm số");
	case LT_KIND_COUNT:
		return L(lang, "a count", "một số đếm");
	case LT_KIND_RANK:
		break;
	}
	return L(lang, "a rank", "một thứ hạng");
}

static const char *prov_name(const lt_scenario *s, lt_lang lang)
{
	return lang == LT_LANG_VI ? s->province.name_vi : s->province.name;
}

static const char *ind_name(const lt_indicator *ind, lt_lang lang)
{
	return lang == LT_LANG_VI ? ind->name_vi : ind->name;
}

static const char *ind_unit(const lt_indicator *ind, lt_lang lang)
{
	return lang == LT_LANG_VI && ind->unit_vi != NULL ? ind->unit_vi
	                                                  : ind->unit;
}

/* An Open SDG progress class in LANG (CSV and JSON keep the English
 * name, lt_progress_class_name). */
static const char *class_name(lt_progress_class c, lt_lang lang)
{
	static const char *const vi[] = {"đã đạt mục tiêu", "đúng lộ trình",
	    "cần tăng tốc", "tiến bộ hạn chế", "đi xuống", "thiếu số liệu"};

	if (lang == LT_LANG_VI && (size_t)c < sizeof vi / sizeof *vi)
		return vi[c];
	return lt_progress_class_name(c);
}

/* A share answer as people read it, in LANG. */
static lt_cell share_cell(const lt_share_result *x, lt_lang lang)
{
	switch (x->answer) {
	case LT_ANSWER_NO_DYNAMICS:
		return lt_cell_missing(L(lang, "not simulated", "không mô phỏng"));
	case LT_ANSWER_UNREACHABLE:
		return lt_cell_text(L(lang, "not reachable", "không đạt được"));
	case LT_ANSWER_CEILING:
		return lt_cell_text(L(lang, "never (ceiling)", "không bao giờ (trần)"));
	case LT_ANSWER_FREE:
		return lt_cell_text(L(lang, "0% (met anyway)", "0% (tự đạt)"));
	case LT_ANSWER_SOLVED:
		break;
	}
	return lt_cell_number(x->share, 2, 0, "%");
}

/* Where a province stands: "12 of 63 (0.18)" for a rank, "21.2% of its
 * aim" otherwise, written in BUF (SIZE bytes), which the cell borrows;
 * the numbers themselves are data columns. */
static lt_cell standing_cell(const lt_indicator *ind,
                             const lt_compare_cell *c, lt_lang lang,
                             char *buf, size_t size)
{
	char a[48], b[48];

	if (ind->kind == LT_KIND_RANK) {
		if (isnan(c->position))
			return lt_cell_missing(NULL);
		snprintf(buf, size, L(lang, "%s of %d (%s)", "%s/%d (%s)"),
		         lt_format_number(ind->baseline, 0, 1, lang, a, sizeof a),
		         ind->rank_of,
		         lt_format_number(c->position, 2, 0, lang, b, sizeof b));
		return lt_cell_text(buf);
	}
	if (isnan(c->of_aim_pct))
		return lt_cell_missing(NULL);
	snprintf(buf, size, L(lang, "%s%% of aim", "%s%% mục tiêu"),
	         lt_format_number(c->of_aim_pct, 1, 0, lang, a, sizeof a));
	return lt_cell_text(buf);
}

/* The probability at the rule in words for the table, "0.42 ± 0.01", in
 * BUF (SIZE bytes), which the cell borrows. */
static lt_cell prob_cell(const lt_compare_cell *c, const double *rule,
                         lt_lang lang, char *buf, size_t size)
{
	char a[32], b[32];

	if (isnan(rule[c->scenario]))
		return lt_cell_missing(L(lang, "no rule", "không có quy định"));
	if (!c->has_p)
		return lt_cell_missing(NULL);
	if (c->p_met == 0 || c->p_met == c->p_draws) {
		/* the rule of three, 3/N with its first significant digit: no
		 * standard error says anything here */
		int dec = (int)ceil(log10((double)c->p_draws / 3.0));

		snprintf(buf, size, c->p_met == 0 ? "< %s" : "> %s",
		         lt_format_number(c->p_met == 0
		                          ? 3.0 / (double)c->p_draws
		                          : 1.0 - 3.0 / (double)c->p_draws,
		                          dec, 0, lang, a, sizeof a));
		return lt_cell_text(buf);
	}
	snprintf(buf, size, "%s ± %s",
	         lt_format_number(c->p_rule, 2, 0, lang, a, sizeof a),
	         lt_format_number(c->p_se, 2, 0, lang, b, sizeof b));
	return lt_cell_text(buf);
}

static const char *const COLS[][3] = {
	/* key, English, Vietnamese */
	{"measure", "Measure", "Chỉ tiêu"},
	{"province", "Province", "Tỉnh"},
	{"scenario", "Scenario", "Kịch bản"},
	{"indicator", "Indicator", "Chỉ tiêu"},
	{"unit", "Unit", "Đơn vị"},
	{"baseline_year", "Year", "Năm"},
	{"baseline", "Baseline", "Hiện trạng"},
	{"target", "Target", "Mục tiêu"},
	{"aim", "Aim", "Ngưỡng"},
	{"standing", "Standing", "Vị trí"},
	{"position", "Position", "Vị trí"},
	{"of_aim_pct", "Of aim %", "% mục tiêu"},
	{"needs_per_year", "Needs a year", "Cần mỗi năm"},
	{"needs_pct_per_year", "% a year", "%/năm"},
	{"progress", "Progress", "Tiến độ"},
	{"smallest_share", "Smallest share", "Tỷ lệ chi tối thiểu"},
	{"p_at_rule", "P at the rule", "Xác suất theo quy định"},
	{"p_at_rule_value", "P", "P"},
	{"year_met", "Year met", "Năm đạt"},
};
enum {
	C_MEASURE, C_PROVINCE, C_SCENARIO, C_INDICATOR, C_UNIT, C_YEAR,
	C_BASELINE, C_TARGET, C_AIM, C_STANDING, C_POSITION, C_OF_AIM,
	C_STEP, C_STEP_PCT, C_PROGRESS, C_SHARE, C_P, C_P_VALUE, C_YEAR_MET,
	C_N
};

/* Which columns show where: the text shows words, CSV and JSON numbers. */
static unsigned col_show(size_t j)
{
	switch (j) {
	case C_MEASURE:
	case C_SCENARIO:
	case C_INDICATOR:
	case C_AIM:
	case C_POSITION:
	case C_OF_AIM:
	case C_P_VALUE:
		return LT_SHOW_DATA;
	case C_STANDING:
	case C_P:
		return LT_SHOW_TEXT;
	default:
		return LT_SHOW_ALL;
	}
}

static void row(lt_table *t, const lt_scenario *s, const lt_compare *r,
                const lt_compare_measure *m, const lt_compare_cell *c,
                lt_lang lang)
{
	const lt_indicator *ind = &s->indicators[c->k];
	int dec = ind->kind == LT_KIND_RANK ? 0 : 2;
	char buf[160], stand[128], p[96];
	int only = lt_indicator_target_only(ind);

	lt_table_add_row(t);
	lt_table_set(t, C_MEASURE, m->id);
	lt_table_set(t, C_PROVINCE, prov_name(s, lang));
	lt_table_set(t, C_SCENARIO, s->path);
	lt_table_set(t, C_INDICATOR, ind_name(ind, lang));
	lt_table_set(t, C_UNIT, ind_unit(ind, lang));
	lt_table_put(t, C_YEAR, only ? lt_cell_missing(NULL)
	             : lt_cell_year(ind->baseline_year));
	lt_table_put(t, C_BASELINE, only
	             ? lt_cell_missing(L(lang, "none", "chưa có"))
	             : lt_cell_number(ind->baseline, dec, LT_NUM_TRIM, NULL));
	lt_table_put(t, C_TARGET, lt_cell_text(lt_target_phrase(ind, lang, buf,
	                                                        sizeof buf)));
	lt_table_put(t, C_AIM, lt_cell_number(lt_target_aim(ind), 6, LT_NUM_TRIM,
	                                      NULL));
	lt_table_put(t, C_STANDING, standing_cell(ind, c, lang, stand,
	             sizeof stand));
	lt_table_put(t, C_POSITION, lt_cell_number(c->position, 4, LT_NUM_TRIM,
	                                           NULL));
	lt_table_put(t, C_OF_AIM, lt_cell_number(c->of_aim_pct, 2, LT_NUM_TRIM,
	                                         NULL));
	lt_table_put(t, C_STEP, lt_cell_number(c->step, 3, LT_NUM_TRIM, NULL));
	lt_table_put(t, C_STEP_PCT, lt_cell_number(c->step_pct, 2, LT_NUM_TRIM,
	                                           NULL));
	lt_table_put(t, C_PROGRESS, c->has_class
	             ? lt_cell_text(class_name(c->cls, lang))
	             : lt_cell_missing(NULL));
	lt_table_put(t, C_SHARE, share_cell(&c->share, lang));
	lt_table_put(t, C_P, prob_cell(c, r->rule_pct, lang, p, sizeof p));
	lt_table_put(t, C_P_VALUE, c->has_p ? lt_cell_number(c->p_rule, 6,
	             LT_NUM_TRIM, NULL) : lt_cell_missing(NULL));
	lt_table_put(t, C_YEAR_MET, c->year_met > 0 ? lt_cell_year(c->year_met)
	             : lt_cell_missing(c->simulated ? L(lang, "not by the horizon",
	               "chưa đạt") : NULL));
}

/* How a measure's values compare, in a line under its title. */
static void measure_notes(lt_doc *d, const lt_scenario *const *s,
                          const lt_compare_measure *m, lt_lang lang)
{
	const lt_scenario *first = s[m->cells[0].scenario];

	if (m->n_cells == 1) {
		lt_doc_linef(d, L(lang, "only %s carries it: compared with no other "
		                        "province",
		                  "chỉ %s có chỉ tiêu này: không so sánh được với "
		                  "tỉnh khác"), prov_name(first, lang));
		return;
	}
	if (m->ranks_differ)
		lt_doc_line(d, L(lang, "ranks out of different numbers of provinces "
		                       "(63 before the 2025 mergers, 34 after): read "
		                       "the positions, (rank - 1)/(provinces - 1), 0 "
		                       "the first and 1 the last",
		                 "thứ hạng trên số tỉnh khác nhau (63 trước sáp nhập "
		                 "2025, 34 sau): so sánh vị trí (hạng - 1)/(số tỉnh "
		                 "- 1), 0 là đứng đầu, 1 là cuối"));
	if (m->units_differ && m->kind == LT_KIND_COUNT)
		lt_doc_line(d, L(lang, "the provinces count in different units: only "
		                       "each one's baseline as a percentage of its own "
		                       "aim compares",
		                 "các tỉnh tính theo đơn vị khác nhau: chỉ so sánh "
		                 "được hiện trạng theo % mục tiêu của từng tỉnh"));
	else if (m->units_differ && m->kind != LT_KIND_RANK)
		lt_doc_line(d, L(lang, "the units are written differently: one 0-100 "
		                       "scale, but they may count different things",
		                 "đơn vị ghi khác nhau: cùng thang 0-100 nhưng có "
		                 "thể đo những thứ khác nhau"));
}

static lt_doc *compare_doc(const lt_scenario *const *s, size_t n,
                           const lt_compare *r, lt_lang lang)
{
	lt_doc *doc = lt_doc_alloc("Provinces compared", "So sánh các tỉnh");
	lt_doc *d;
	lt_table *t;
	size_t i, j, c;

	if (doc == NULL)
		return NULL;
	t = lt_doc_table(doc, "provinces", "Provinces", "Các tỉnh", 4,
	                 LT_SHOW_TEXT | LT_SHOW_JSON);
	lt_table_set_column(t, 0, "province", "Province", "Tỉnh", LT_LEFT,
	                    LT_SHOW_ALL);
	lt_table_set_column(t, 1, "scenario", "Scenario", "Kịch bản", LT_LEFT,
	                    LT_SHOW_ALL);
	lt_table_set_column(t, 2, "baseline_year", "Baseline year", "Năm cơ sở",
	                    LT_RIGHT, LT_SHOW_ALL);
	lt_table_set_column(t, 3, "rule_pct", "Budget rule (% of base)",
	                    "Quy định chi (% cơ sở)", LT_RIGHT, LT_SHOW_ALL);
	for (i = 0; i < n; i++) {
		lt_table_add_row(t);
		lt_table_set(t, 0, prov_name(s[i], lang));
		lt_table_set(t, 1, s[i]->path);
		lt_table_put(t, 2, lt_cell_year(s[i]->baseline_year));
		lt_table_put(t, 3, isnan(r->rule_pct[i])
		             ? lt_cell_missing(L(lang, "none", "không có"))
		             : lt_cell_number(r->rule_pct[i], 2, LT_NUM_TRIM, "%"));
	}
	/* the measures several provinces share first, then the others, each
	 * part in order of first appearance */
	for (j = 0; j < 2 * r->n_measures; j++) {
		const lt_compare_measure *m = &r->measures[j % r->n_measures];
		const lt_indicator *f = &s[m->cells[0].scenario]->indicators[
		                          m->cells[0].k];
		char title[256];

		if ((j < r->n_measures) != (m->n_cells > 1))
			continue;

		snprintf(title, sizeof title, "%s (%s)", ind_name(f, lang), m->id);
		d = lt_doc_list_item(doc, "measures", title, title, LT_SHOW_ALL);
		lt_doc_field(d, "id", NULL, NULL, lt_cell_text(m->id), LT_SHOW_JSON);
		lt_doc_field(d, "kind", NULL, NULL,
		             lt_cell_text(lt_kind_name(m->kind)), LT_SHOW_JSON);
		lt_doc_field(d, "provinces", NULL, NULL,
		             lt_cell_int((long long)m->n_cells), LT_SHOW_JSON);
		lt_doc_field(d, "units_differ", NULL, NULL,
		             lt_cell_bool(m->units_differ), LT_SHOW_JSON);
		lt_doc_field(d, "ranks_differ", NULL, NULL,
		             lt_cell_bool(m->ranks_differ), LT_SHOW_JSON);
		measure_notes(d, s, m, lang);
		t = lt_doc_table(d, "rows", NULL, NULL, C_N, LT_SHOW_ALL);
		for (c = 0; c < C_N; c++)
			lt_table_set_column(t, c, COLS[c][0], COLS[c][1], COLS[c][2],
			                    c == C_PROVINCE || c == C_UNIT ||
			                    c == C_TARGET || c == C_PROGRESS ||
			                    c == C_MEASURE || c == C_INDICATOR ||
			                    c == C_SCENARIO ? LT_LEFT : LT_RIGHT,
			                    col_show(c));
		lt_table_set_max_width(t, C_PROVINCE, 28);
		lt_table_set_max_width(t, C_UNIT, 18);
		for (c = 0; c < m->n_cells; c++)
			row(t, s[m->cells[c].scenario], r, m, &m->cells[c], lang);
	}
	d = lt_doc_child(doc, "not_comparable", "Not one measure",
	                 "Không cùng một chỉ tiêu", LT_SHOW_TEXT | LT_SHOW_JSON);
	if (r->n_clashes == 0)
		lt_doc_line(d, L(lang, "no id names different kinds of indicator in "
		                       "two provinces",
		                 "không có mã chỉ tiêu nào chỉ hai loại khác nhau ở "
		                 "hai tỉnh"));
	for (i = 0; i < r->n_clashes; i++) {
		const lt_compare_clash *x = &r->clashes[i];

		lt_doc_linef(d, L(lang, "'%s' is %s in %s and %s in %s: not one "
		                        "measure",
		                  "'%s' là %s ở %s và %s ở %s: không cùng một chỉ "
		                  "tiêu"), x->id, kind_word(x->kind_a, lang),
		             prov_name(s[x->a], lang), kind_word(x->kind_b, lang),
		             prov_name(s[x->b], lang));
	}
	return doc;
}

/* What compare writes into an output directory. */
struct dir_opts {
	lt_lang lang;
	lt_plot_format format;
	int no_plot;
};

/* Every form of the comparison into DIR; returns a status. */
static int write_dir(const char *dir, const lt_scenario *const *s, size_t n,
                     const lt_compare *r, const lt_doc *doc,
                     const struct dir_opts *x, const char *const *inputs)
{
	lt_outdir *od = NULL;
	lt_chart_opts co;
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_outdir_open(&od, dir, inputs, n, &d);
	if (rc == LT_OK)
		rc = lt_cli_put(od, "compare.txt", doc, LT_FORMAT_TABLE, x->lang, &d);
	if (rc == LT_OK)
		rc = lt_cli_put(od, "compare.csv", doc, LT_FORMAT_CSV, x->lang, &d);
	if (rc == LT_OK)
		rc = lt_cli_put(od, "compare.json", doc, LT_FORMAT_JSON, x->lang, &d);
	if (rc == LT_OK) {
		static const char *const names[] = {"Comparison"};

		rc = lt_cli_put_xlsx(od, "compare.xlsx", &doc, names, 1, x->lang,
		                     inputs, n, &d);
	}
	if (rc == LT_OK && !x->no_plot) {
		lt_chart_opts_init(&co, od);
		co.subdir = "charts";
		co.format = x->format;
		co.lang = x->lang;
		rc = lt_chart_compare(&co, s, n, r, &d);
	}
	if (rc == LT_OK) {
		rc = lt_outdir_close(od, &d);
		od = NULL;
	}
	lt_outdir_free(od);
	lt_cli_print_diag(&d);
	lt_diag_destroy(&d);
	if (rc == LT_OK)
		printf("%s: %s/compare.txt\n", x->lang == LT_LANG_VI ? "So sánh"
		       : "Comparison", dir);
	return lt_cli_exit_status(rc);
}

/* Load every operand into S (room for ARGC); returns an exit status. */
static int load_all(int argc, char **argv, lt_scenario **s, size_t *n)
{
	int i, status = LT_EXIT_OK;

	*n = 0;
	if (argc - optind < 2)
		return lt_cli_usage_error("compare", "at least two scenario files "
		                          "are needed (got %d)", argc - optind);
	for (i = optind; i < argc; i++) {
		lt_diag d;
		int rc;

		if (argv[i][0] == '\0')
			return lt_cli_usage_error("compare", "a scenario file name is "
			                          "empty ('')");
		lt_diag_init(&d, argv[i]);
		rc = lt_scenario_load(&s[*n], argv[i], &d);
		if (rc != LT_OK) {
			lt_cli_print_diag(&d);
			if (lt_cli_exit_status(rc) > status)
				status = lt_cli_exit_status(rc);
		} else {
			(*n)++;
		}
		lt_diag_destroy(&d);
	}
	return status;
}

int lt_cmd_compare(int argc, char **argv)
{
	static const struct option opts[] = {
		{"draws", required_argument, NULL, LT_OPT_DRAWS},
		{"format", required_argument, NULL, LT_OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{"lang", required_argument, NULL, LT_OPT_LANG},
		{"no-plot", no_argument, NULL, OPT_NO_PLOT},
		{"out", required_argument, NULL, LT_OPT_OUT},
		{"plot-format", required_argument, NULL, OPT_PLOT_FORMAT},
		{"seed", required_argument, NULL, LT_OPT_SEED},
		{"threads", required_argument, NULL, LT_OPT_THREADS},
		{NULL, 0, NULL, 0},
	};
	struct dir_opts x = {LT_LANG_EN, LT_PLOT_PNG, 0};
	int format_given = 0;
	lt_cli_opts o;
	lt_cli_run_opts ro;
	lt_scenario **s = NULL;
	lt_compare r;
	lt_compare_opts co;
	lt_doc *doc = NULL;
	size_t n = 0, i;
	lt_diag d;
	int c, status;

	memset(&r, 0, sizeof r);
	lt_cli_opts_init(&o);
	lt_cli_run_opts_init(&ro);
	ro.mc.draws = COMPARE_DRAWS;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if ((status = lt_cli_help_option("compare", c, optarg, &o)) >= 0) {
			if (status != LT_EXIT_OK)
				goto done;
			continue;
		}
		if (c == LT_OPT_DRAWS) {
			long v;

			status = lt_cli_whole("compare", "--draws", optarg, 1,
			                      (long)LT_MC_MAX_DRAWS, "0 (no probabilities)",
			                      &v);
			ro.mc.draws = (size_t)v;
		} else if (c == OPT_NO_PLOT) {
			x.no_plot = 1;
			status = LT_EXIT_OK;
		} else if (c == OPT_PLOT_FORMAT) {
			status = lt_plot_format_parse(optarg, &x.format) == 0
			         ? LT_EXIT_OK : lt_cli_usage_error("compare", "unknown "
			           "--plot-format '%s': expected png, svg or pdf",
			           optarg);
		} else {
			format_given |= c == LT_OPT_FORMAT;
			status = lt_cli_option("compare", c, optarg, &o);
			if (status < 0)
				status = lt_cli_run_option("compare", c, optarg, &ro);
			if (status < 0)
				status = lt_cli_bad_option("compare", c, argv);
		}
		if (status != LT_EXIT_OK)
			goto done;
	}
	if (o.help) {
		status = lt_cli_help("compare", &o);
		goto done;
	}
	if (o.out != NULL && format_given) {
		status = lt_cli_usage_error("compare", "--out DIR writes every "
		                            "format; --format is for standard output");
		goto done;
	}
	s = calloc((size_t)(argc > 0 ? argc : 1), sizeof *s);
	if (s == NULL) {
		status = LT_EXIT_ENV;
		fputs("lotrinh: out of memory\n", stderr);
		goto done;
	}
	status = load_all(argc, argv, s, &n);
	if (status != LT_EXIT_OK)
		goto done;
	co.draws = ro.mc.draws;
	co.seed = ro.mc.seed;
	co.threads = ro.mc.threads;
	lt_diag_init(&d, NULL);
	status = lt_compare_run((const lt_scenario *const *)s, n, &co, &r, &d);
	lt_cli_print_diag(&d);
	lt_diag_destroy(&d);
	if (status != LT_OK) {
		status = lt_cli_exit_status(status);
		goto done;
	}
	doc = compare_doc((const lt_scenario *const *)s, n, &r, o.lang);
	{
		const char **inputs = calloc(n + 1, sizeof *inputs);

		if (inputs == NULL || doc == NULL) {
			free(inputs);
			fputs("lotrinh: out of memory\n", stderr);
			status = LT_EXIT_ENV;
			goto done;
		}
		for (i = 0; i < n; i++)
			inputs[i] = s[i]->path;
		x.lang = o.lang;
		if (o.out != NULL)
			status = write_dir(o.out, (const lt_scenario *const *)s, n, &r,
			                   doc, &x, inputs);
		else
			status = lt_cli_emit(doc, &o, inputs, n);
		free(inputs);
	}
done:
	lt_doc_free(doc);
	lt_compare_destroy(&r);
	for (i = 0; s != NULL && i < n; i++)
		lt_scenario_free(s[i]);
	free(s);
	lt_cli_opts_destroy(&o);
	return status;
}
