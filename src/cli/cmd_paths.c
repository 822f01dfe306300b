/* cmd_paths.c - `lotrinh paths SCENARIO`: what growth each target implies.
 *
 * Parses the options, runs the paths engine (paths.h) and renders its
 * result through one document (table.h): people get a section per
 * indicator with a sentence for the start and aim, a table of the path
 * families and a line each for history, progress and trend; CSV gets every
 * path year by year as one table; JSON gets all of it, nested.
 */
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/cli.h"
#include "lotrinh/paths.h"
#include "lotrinh/scenario.h"

const char lt_usage_paths[] =
	"Usage: lotrinh paths [--indicator ID]... [--lang en|vi]\n"
	"                     [--format table|csv|json|xlsx] [--out FILE] SCENARIO\n"
	"\n"
	"For each indicator, the growth its target implies: five path families\n"
	"from the baseline to the target (linear; constant growth rate;\n"
	"logistic and Gompertz within the indicator's floor and ceiling; the\n"
	"roadmap's milestones by monotone interpolation), each with the growth\n"
	"it needs in its first and in its steepest year; the growth the history\n"
	"shows; and the SDG progress measures: the Open SDG ratio of observed to\n"
	"required growth with its class (target achieved, on track, acceleration\n"
	"needed, limited progress, deterioration, or insufficient data) and the\n"
	"UNSD projection ratio.  A range target is aimed at its near edge.\n"
	"\n"
	"Options:\n"
	"  --indicator ID           only this indicator; repeat for several,\n"
	"                           shown in the order given\n"
	"  --lang en|vi             labels, names, units and numbers in English\n"
	"                           (default) or Vietnamese; csv and json keep\n"
	"                           their keys and a decimal point\n"
	"  --format table|csv|json|xlsx\n"
	"                           output format (default table); csv and json\n"
	"                           carry every path year by year\n"
	"                           xlsx is a workbook and needs --out\n"
	"  --out FILE               write to FILE (replaced whole, only when\n"
	"                           complete) instead of standard output\n"
	"  -h, --help               show this help\n"
	"\n"
	"Exit status: 0 on success, 2 on bad usage or an invalid scenario, 3 when\n"
	"the output cannot be written.\n";

const char lt_usage_paths_vi[] =
	"Cách dùng: lotrinh paths [--indicator ID]... [--lang en|vi]\n"
	"                         [--format table|csv|json|xlsx] [--out TỆP] KỊCH_BẢN\n"
	"\n"
	"Với mỗi chỉ tiêu, mức tăng mà mục tiêu đòi hỏi: năm họ đường đi từ hiện\n"
	"trạng đến mục tiêu (tuyến tính; tốc độ tăng không đổi; logistic và\n"
	"Gompertz trong khoảng sàn-trần của chỉ tiêu; theo các mốc của lộ trình,\n"
	"nội suy đơn điệu), mỗi đường kèm mức tăng cần có ở năm đầu và ở năm dốc\n"
	"nhất; mức tăng mà số liệu quá khứ cho thấy; và các thước đo tiến độ SDG:\n"
	"tỷ số Open SDG giữa mức tăng quan sát và mức tăng cần có, với xếp loại\n"
	"(đã đạt mục tiêu, đúng tiến độ, cần tăng tốc, tiến bộ hạn chế, đi xuống,\n"
	"hoặc không đủ dữ liệu), và tỷ số dự báo UNSD.  Mục tiêu dạng khoảng được\n"
	"nhắm vào cận gần.\n"
	"\n"
	"Tùy chọn:\n"
	"  --indicator ID           chỉ chỉ tiêu này; lặp lại để chọn nhiều chỉ\n"
	"                           tiêu, in theo thứ tự đã cho\n"
	"  --lang en|vi             nhãn, tên, đơn vị và số bằng tiếng Anh (mặc\n"
	"                           định) hoặc tiếng Việt; csv và json giữ nguyên\n"
	"                           khóa và dấu chấm thập phân\n"
	"  --format table|csv|json|xlsx\n"
	"                           định dạng đầu ra (mặc định table); csv và json\n"
	"                           có từng đường đi theo từng năm\n"
	"                           xlsx là sổ tính (Excel), cần --out\n"
	"  --out TỆP                ghi vào TỆP (thay cả tệp, chỉ khi đã xong)\n"
	"                           thay vì đầu ra chuẩn\n"
	"  -h, --help               in trợ giúp này\n"
	"\n"
	"Mã thoát: 0 khi thành công, 2 khi dùng sai lệnh hoặc kịch bản không hợp\n"
	"lệ, 3 khi không ghi được đầu ra.\n";

/* Widest a path's note prints in the table (the full note is in CSV and
 * JSON). */
#define NOTE_COLS 60

/* Significant digits of the steps and rates in text, as a plan prints them
 * ("+3.94 points", "+29.5 %"), of values ("6.36"), of the UNSD projection
 * and of trend values. */
#define STEP_DIGITS 3
#define VALUE_DIGITS 6
#define PROJ_DIGITS 4

/* A signed step with STEP_DIGITS significant digits, "–" for NaN. */
static lt_cell step_cell(double v)
{
	return lt_cell_number(v, STEP_DIGITS, LT_NUM_SIG | LT_NUM_SIGN, NULL);
}

/* C as text in LANG, into BUF. */
static const char *shown(lt_cell c, lt_lang lang, char *buf, size_t size)
{
	return lt_cell_format(&c, lang, buf, size);
}

/* V with DIGITS significant digits in LANG, into BUF. */
static const char *sig(double v, int digits, lt_lang lang, char *buf,
                       size_t size)
{
	return lt_format_sig(v, digits, 0, lang, buf, size);
}

/* ---- text: sentences and the table of families ------------------------- */

static const char *family_label(lt_path_kind k, lt_lang lang)
{
	static const char *const labels[] = {"linear", "constant growth rate",
	    "logistic", "Gompertz", "milestones"};

	return lt_phrase(labels[k], lang);
}

/* "later target >= 50 in 2045: from the 2030 target, +1.33 points a
 * year, +3.46 % a year" ("mục tiêu tầm nhìn ≥ 50 (2045): từ mục tiêu năm
 * 2030, +1,33 điểm/năm, +3,46 %/năm"). */
static void vision_line(lt_doc *d, const lt_paths_item *p, lt_lang lang)
{
	const lt_indicator *ind = p->ind;
	lt_indicator v;
	char a[32], b[32], tt[96];

	if (!ind->has_vision)
		return;
	v = lt_indicator_vision(ind);
	if (lang == LT_LANG_VI)
		lt_doc_linef(d, "mục tiêu tầm nhìn %s: từ mục tiêu năm %d, %s %s/năm, "
		             "%s %%/năm", lt_target_phrase(&v, lang, tt, sizeof tt),
		             ind->target.year,
		             shown(step_cell(p->vision_step), lang, a, sizeof a),
		             lt_step_unit_lang(ind, lang),
		             shown(step_cell(p->vision_cagr), lang, b, sizeof b));
	else
		lt_doc_linef(d, "later target %s in %d: from the %d target, %s %s a "
		             "year, %s %% a year", lt_target_text(&v, 6, 0, tt,
		             sizeof tt), v.target.year, ind->target.year,
		             shown(step_cell(p->vision_step), lang, a, sizeof a),
		             lt_step_unit(ind), shown(step_cell(p->vision_cagr), lang,
		             b, sizeof b));
}

/* The line for a target with no baseline to start from. */
static void target_only_line(lt_doc *d, const lt_paths_item *p, lt_lang lang)
{
	const lt_indicator *ind = p->ind;
	char tt[96];

	if (lang == LT_LANG_VI)
		lt_doc_linef(d, "mục tiêu %s; văn bản chưa có hiện trạng: không đo "
		             "được tiến độ", lt_target_phrase(ind, lang, tt,
		             sizeof tt));
	else
		lt_doc_linef(d, "target %s in %d; %s", lt_target_text(ind, 6, 0, tt,
		             sizeof tt), ind->target.year, lt_no_baseline_text);
}

/* "6.36 in 2024 -> >= 30 in 2030" and the mean step the target needs. */
static void aim_lines(lt_doc *d, const lt_paths_item *p, lt_lang lang)
{
	const lt_indicator *ind = p->ind;
	char a[32], b[32], rank[64] = "", tt[96];
	/* a range is aimed at its near edge, reached from the target's side */
	int utf8 = lang == LT_LANG_VI;
	const char *op = ind->target.is_range ? (p->direction > 0
	                 ? LT_TR(lang, ">=", "≥") : LT_TR(lang, "<=", "≤"))
	                 : lt_target_op(ind, 1, utf8);

	if (lt_indicator_target_only(ind)) {
		target_only_line(d, p, lang);
		vision_line(d, p, lang);
		return;
	}
	if (ind->kind == LT_KIND_RANK)
		snprintf(rank, sizeof rank, LT_TR(lang, ", rank of %d: lower is "
		         "better", ", hạng trên %d: càng nhỏ càng tốt"), ind->rank_of);

	lt_doc_linef(d, LT_TR(lang, "%s in %d -> %s %s in %d%s%s",
	                      "%s năm %d -> %s %s năm %d%s%s"),
	             sig(ind->baseline, 6, lang, a, sizeof a), ind->baseline_year,
	             op, sig(p->aim, 6, lang, b, sizeof b), p->year,
	             ind->target.is_range ? LT_TR(lang, " (near edge of the "
	             "target range)", " (cận gần của khoảng mục tiêu)") : "",
	             rank);
	if (ind->target.top > 0 || ind->target.is_growth ||
	    ind->target.mean_from > 0)
		lt_doc_linef(d, LT_TR(lang, "the plan states it as %s%s",
		                      "đề án ghi mục tiêu là %s%s"),
		             lang == LT_LANG_VI ? lt_target_phrase(ind, lang, tt,
		             sizeof tt) : lt_target_text(ind, 6, 0, tt, sizeof tt),
		             ind->target.mean_from > 0 ? LT_TR(lang, ": a straight "
		             "path that reaches the aim in the period's middle year "
		             "has the aim for its mean", ": một đường thẳng đạt mức "
		             "này vào năm giữa giai đoạn có bình quân giai đoạn bằng "
		             "đúng mức này") : "");
	vision_line(d, p, lang);
	if (p->met) {
		lt_doc_line(d, LT_TR(lang, "the baseline already meets the target: "
		                     "no growth is needed", "hiện trạng đã đạt mục "
		                     "tiêu: không cần tăng thêm"));
		return;
	}
	lt_doc_linef(d, LT_TR(lang, "needs on average %s %s a year, %s %% a year",
	                      "cần bình quân %s %s/năm, %s %%/năm"),
	             shown(step_cell(p->path[0].mean_step), lang, a, sizeof a),
	             lt_step_unit_lang(ind, lang),
	             shown(step_cell(p->path[0].mean_step_pct), lang, b, sizeof b));
}

static void families_table(lt_doc *d, const lt_paths_item *p, lt_lang lang)
{
	static const char *const heads[][2] = {
		{"path", "đường"}, {"first year", "năm đầu"},
		{"first %", "năm đầu %"}, {"steepest year", "năm dốc nhất"},
		{"its step", "mức tăng năm đó"}, {"note", "ghi chú"}};
	lt_table *t = lt_doc_table(d, "families", NULL, NULL, 6, LT_SHOW_TEXT);
	size_t k;

	for (k = 0; k < 6; k++)
		lt_table_set_column(t, k, heads[k][0], heads[k][0], heads[k][1],
		                    k == 0 || k == 5 ? LT_LEFT : LT_RIGHT,
		                    LT_SHOW_TEXT);
	lt_table_set_max_width(t, 5, NOTE_COLS);
	for (k = 0; k < LT_PATH_KINDS; k++) {
		const lt_path *pa = &p->path[k];

		lt_table_add_row(t);
		lt_table_set(t, 0, family_label((lt_path_kind)k, lang));
		if (k == LT_PATH_MILESTONES && p->ind->milestones.n == 0) {
			lt_table_set(t, 5, LT_TR(lang, "the roadmap gives no milestones",
			                         "lộ trình không có mốc năm"));
			continue;
		}
		if (pa->ok) {
			lt_table_put(t, 1, step_cell(pa->first_step));
			lt_table_put(t, 2, step_cell(pa->first_step_pct));
			lt_table_put(t, 3, lt_cell_year(pa->steepest_year));
			lt_table_put(t, 4, step_cell(pa->steepest_step));
		}
		lt_table_set(t, 5, lt_phrase(pa->why, lang));
	}
}

/* Append printf-style text to BUF (SIZE bytes, NUL-terminated). */
static void append(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void append(char *buf, size_t size, const char *fmt, ...)
{
	size_t used = strlen(buf);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf + used, size - used, fmt, ap);
	va_end(ap);
}

/* "history: 3 observations, ...; required from the latest value: ..." */
static void history_line(lt_doc *d, const lt_paths_item *p, lt_lang lang)
{
	const lt_progress *g = &p->prog;
	const char *unit = lt_step_unit_lang(p->ind, lang);
	char line[1024] = "", a[32], b[32];

	if (lang == LT_LANG_VI)
		append(line, sizeof line, "số liệu quá khứ: %d quan sát", g->n);
	else
		append(line, sizeof line, "history: %d observation%s", g->n,
		       g->n == 1 ? "" : "s");
	if (g->n >= 2)
		append(line, sizeof line, LT_TR(lang, ", %s %s a year, %s %% a year",
		                                ", %s %s/năm, %s %%/năm"),
		       shown(step_cell(g->points_obs), lang, a, sizeof a), unit,
		       shown(step_cell(100.0 * g->cagr_obs), lang, b, sizeof b));
	append(line, sizeof line, LT_TR(lang, "; required from the latest value: "
	                                "%s %s a year, %s %% a year", "; cần từ "
	                                "giá trị gần nhất: %s %s/năm, %s %%/năm"),
	       shown(step_cell(g->points_req), lang, a, sizeof a), unit,
	       shown(step_cell(100.0 * g->cagr_req_latest), lang, b, sizeof b));
	lt_doc_line(d, line);
}

static void progress_lines(lt_doc *d, const lt_paths_item *p, lt_lang lang)
{
	const lt_progress *g = &p->prog;
	const char *ratio = LT_TR(lang, "ratio", "tỷ số");
	char line[1024] = "", a[32], b[32];

	if (!p->prog_ok)
		return;
	history_line(d, p, lang);
	append(line, sizeof line, LT_TR(lang, "progress (Open SDG): %s",
	                                "tiến độ (Open SDG): %s"),
	       lt_phrase(lt_progress_class_name(g->trend), lang));
	if (!isnan(g->ratio))
		append(line, sizeof line, ", %s %s", ratio, sig(g->ratio, 3, lang, a,
		                                                sizeof a));
	/* the UNSD ratio is NAN when the target equals the base value (a rank
	 * target that holds the rank): the projection is shown without it */
	if (g->unsd_class != NULL && isfinite(g->unsd_projection)) {
		append(line, sizeof line, LT_TR(lang, "; UNSD projection %s in %d",
		                                "; dự báo UNSD %s năm %d"),
		       sig(g->unsd_projection, 4, lang, a, sizeof a),
		       p->ind->target.year);
		if (!isnan(g->unsd_ratio))
			append(line, sizeof line, ", %s %s", ratio, sig(g->unsd_ratio, 3,
			                                                lang, b, sizeof b));
		append(line, sizeof line, ": %s", lt_phrase(g->unsd_class, lang));
	} else if (g->unsd_class != NULL) {
		append(line, sizeof line, "; UNSD: %s", lt_phrase(g->unsd_class,
		                                                   lang));
	}
	if (g->note != NULL)
		append(line, sizeof line, " (%s)", lt_phrase(g->note, lang));
	lt_doc_line(d, line);
}

/* Why no trend was chosen, or how the one shown was, in LANG. */
static const char *choice_text(const lt_trend_result *tr, lt_lang lang,
                               char *buf, size_t size)
{
	size_t k, comparable = 0;

	if (lang != LT_LANG_VI)
		return tr->choice;
	for (k = 0; k < LT_FIT_COUNT; k++)
		comparable += tr->m[k].fitted && isfinite(tr->m[k].fit.aicc);
	/* the cases of trend.c's choose(), in its order */
	if (tr->n < LT_TREND_MIN_OBS)
		snprintf(buf, size, "%zu quan sát: cần ít nhất %d để khớp xu thế",
		         tr->n, LT_TREND_MIN_OBS);
	else if (tr->chosen >= 0 && comparable >= 2)
		snprintf(buf, size, "AICc nhỏ nhất trong %zu mô hình mà %zu quan sát "
		         "so sánh được", comparable, tr->n);
	else if (tr->chosen >= 0)
		snprintf(buf, size, "tuyến tính: %zu quan sát quá ít để AICc chọn "
		         "giữa các mô hình (hai mô hình cần n >= p + 3)", tr->n);
	else
		snprintf(buf, size, "không khớp được mô hình nào");
	return buf;
}

static void trend_line(lt_doc *d, const lt_paths_item *p, lt_lang lang)
{
	const lt_trend_result *tr = &p->trend;
	const lt_trend_model *m;
	char line[1024] = "", why[256], a[32], b[32], c[32];

	if (!p->trend_ok)
		return;
	if (tr->chosen < 0) {
		lt_doc_linef(d, LT_TR(lang, "trend: %s", "xu thế: %s"),
		             choice_text(tr, lang, why, sizeof why));
		return;
	}
	m = &tr->m[tr->chosen];
	sig(m->at_target, 4, lang, a, sizeof a);
	sig(m->lo, 4, lang, b, sizeof b);
	sig(m->hi, 4, lang, c, sizeof c);
	if (lang == LT_LANG_VI)
		append(line, sizeof line, "xu thế: khớp %s (%s): %s năm %d%s, khoảng "
		       "95%% từ %s đến %s; riêng xu thế %s mục tiêu",
		       lt_phrase(lt_fit_model_name(m->model), lang),
		       choice_text(tr, lang, why, sizeof why), a, p->year,
		       m->clamped ? " (giữ ở đầu mút miền giá trị của chỉ tiêu, vì "
		       "đường cong khớp vượt ra ngoài)" : "", b, c,
		       tr->reaches ? "đạt" : "không đạt");
	else
		append(line, sizeof line, "trend: %s fit (%s): %s in %d%s, 95%% band "
		       "%s to %s; the trend alone %s the target",
		       lt_fit_model_name(m->model), tr->choice, a, p->year,
		       m->clamped ? " (held at the end of the indicator's range, "
		       "which the fitted curve leaves)" : "", b, c,
		       tr->reaches ? "reaches" : "misses");
	if (tr->year_met > 0)
		append(line, sizeof line, LT_TR(lang, " (first in %d)",
		                                " (lần đầu năm %d)"), tr->year_met);
	else
		append(line, sizeof line, LT_TR(lang, " by %d", " đến năm %d"),
		       p->year);
	lt_doc_line(d, line);
}

/* ---- data: CSV rows and JSON objects ------------------------------------ */

/* Every path year by year, one CSV table for all indicators. */
static void csv_table(lt_doc *d, const lt_paths_item *p)
{
	static const char *const keys[] = {"indicator", "path", "ok", "note",
	    "year", "value", "step", "step_pct"};
	lt_table *t = lt_doc_table(d, "rows", NULL, NULL, 8, LT_SHOW_CSV);
	size_t k, i;

	for (k = 0; k < 8; k++)
		lt_table_set_header(t, k, keys[k], LT_LEFT);
	for (k = 0; k < LT_PATH_KINDS; k++) {
		const lt_path *pa = &p->path[k];

		for (i = 0; i < (pa->ok ? pa->n : 1); i++) {
			lt_table_add_row(t);
			lt_table_set(t, 0, p->ind->id);
			lt_table_set(t, 1, lt_path_name(pa->kind));
			lt_table_put(t, 2, lt_cell_int(pa->ok));
			lt_table_set(t, 3, pa->why);
			if (!pa->ok)
				continue;
			lt_table_put(t, 4, lt_cell_year(pa->t0 + (int)i));
			lt_table_put(t, 5, lt_cell_number(pa->value[i], 0, 0, NULL));
			lt_table_put(t, 6, lt_cell_number(pa->step[i], 0, 0, NULL));
			lt_table_put(t, 7, lt_cell_number(pa->step_pct[i], 0, 0, NULL));
		}
	}
}

/* A JSON-only number field. */
static void jnum(lt_doc *d, const char *key, double v)
{
	lt_doc_field(d, key, key, NULL, lt_cell_number(v, 0, 0, NULL),
	             LT_SHOW_JSON);
}

static void jcell(lt_doc *d, const char *key, lt_cell c)
{
	lt_doc_field(d, key, key, NULL, c, LT_SHOW_JSON);
}

static void path_json(lt_doc *d, const lt_path *pa)
{
	lt_doc *o = lt_doc_list_item(d, "paths", NULL, NULL, LT_SHOW_JSON);
	lt_table *t;
	size_t i;

	jcell(o, "path", lt_cell_text(lt_path_name(pa->kind)));
	jcell(o, "ok", lt_cell_bool(pa->ok));
	jcell(o, "note", lt_cell_text(pa->why));
	t = lt_doc_table(o, "years", NULL, NULL, 4, LT_SHOW_JSON);
	lt_table_set_header(t, 0, "year", LT_RIGHT);
	lt_table_set_header(t, 1, "value", LT_RIGHT);
	lt_table_set_header(t, 2, "step", LT_RIGHT);
	lt_table_set_header(t, 3, "step_pct", LT_RIGHT);
	for (i = 0; pa->ok && i < pa->n; i++) {
		lt_table_add_row(t);
		lt_table_put(t, 0, lt_cell_year(pa->t0 + (int)i));
		lt_table_put(t, 1, lt_cell_number(pa->value[i], 0, 0, NULL));
		lt_table_put(t, 2, lt_cell_number(pa->step[i], 0, 0, NULL));
		lt_table_put(t, 3, lt_cell_number(pa->step_pct[i], 0, 0, NULL));
	}
	jnum(o, "first_step", pa->ok ? pa->first_step : NAN);
	jnum(o, "first_step_pct", pa->ok ? pa->first_step_pct : NAN);
	jcell(o, "steepest_year", pa->ok ? lt_cell_year(pa->steepest_year)
	      : lt_cell_missing(NULL));
	jnum(o, "steepest_step", pa->ok ? pa->steepest_step : NAN);
}

static void progress_json(lt_doc *d, const lt_paths_item *p)
{
	const lt_progress *g = &p->prog;
	lt_doc *o = lt_doc_child(d, "progress", NULL, NULL, LT_SHOW_JSON);

	if (!p->prog_ok)
		return;
	jcell(o, "class", lt_cell_text(lt_progress_class_name(g->trend)));
	jcell(o, "observations", lt_cell_int(g->n));
	jnum(o, "cagr_observed", g->cagr_obs);
	jnum(o, "cagr_required", g->cagr_req_latest);
	jnum(o, "cagr_required_from_base", g->cagr_req);
	jnum(o, "ratio", g->ratio);
	jnum(o, "points_observed", g->points_obs);
	jnum(o, "points_required", g->points_req);
	jnum(o, "unsd_projection", g->unsd_projection);
	jnum(o, "unsd_ratio", g->unsd_ratio);
	jcell(o, "unsd_class", g->unsd_class != NULL
	      ? lt_cell_text(g->unsd_class) : lt_cell_missing(NULL));
	jcell(o, "note", g->note != NULL ? lt_cell_text(g->note)
	      : lt_cell_missing(NULL));
}

/* One trend model: its parameters as a table of name, estimate and
 * standard error. */
static void model_json(lt_doc *d, const lt_trend_model *m)
{
	lt_doc *o = lt_doc_list_item(d, "models", NULL, NULL, LT_SHOW_JSON);
	lt_table *t;
	size_t j;

	jcell(o, "model", lt_cell_text(lt_fit_model_name(m->model)));
	jcell(o, "fitted", lt_cell_bool(m->fitted));
	jcell(o, "note", lt_cell_text(m->why));
	if (!m->fitted)
		return;
	t = lt_doc_table(o, "parameters", NULL, NULL, 3, LT_SHOW_JSON);
	lt_table_set_header(t, 0, "name", LT_LEFT);
	lt_table_set_header(t, 1, "estimate", LT_RIGHT);
	lt_table_set_header(t, 2, "std_error", LT_RIGHT);
	for (j = 0; j < m->fit.p; j++) {
		lt_table_add_row(t);
		lt_table_setf(t, 0, "b%zu", j + 1);
		lt_table_put(t, 1, lt_cell_number(m->fit.b[j], 0, 0, NULL));
		lt_table_put(t, 2, lt_cell_number(m->fit.se[j], 0, 0, NULL));
	}
	jnum(o, "aicc", m->fit.aicc);
	jnum(o, "at_target", m->at_target);
	jnum(o, "band_low", m->lo);
	jnum(o, "band_high", m->hi);
	jcell(o, "clamped", lt_cell_bool(m->clamped));
}

static void trend_json(lt_doc *d, const lt_trend_result *tr)
{
	lt_doc *o = lt_doc_child(d, "trend", NULL, NULL, LT_SHOW_JSON);
	size_t k;

	jcell(o, "observations", lt_cell_int((long long)tr->n));
	jcell(o, "choice", lt_cell_text(tr->choice));
	jcell(o, "chosen", tr->chosen >= 0
	      ? lt_cell_text(lt_fit_model_name(tr->m[tr->chosen].model))
	      : lt_cell_missing(NULL));
	jcell(o, "reaches", lt_cell_bool(tr->reaches));
	jcell(o, "year_met", tr->year_met > 0 ? lt_cell_year(tr->year_met)
	      : lt_cell_missing(NULL));
	lt_doc_list(o, "models", LT_SHOW_JSON);
	for (k = 0; tr->chosen >= 0 && k < LT_FIT_COUNT; k++)
		model_json(o, &tr->m[k]);
}

/* ---- the document ------------------------------------------------------- */

static void indicator_doc(lt_doc *root, const lt_paths_item *p, lt_lang lang)
{
	const lt_indicator *ind = p->ind;
	char title[512];
	lt_doc *d;
	size_t k;

	/* the title is text only: one language is enough */
	snprintf(title, sizeof title, "%s (%s)", lt_indicator_name(ind, lang),
	         ind->id);
	d = lt_doc_list_item(root, "indicators", title, NULL, LT_SHOW_ALL);
	jcell(d, "id", lt_cell_text(ind->id));
	jnum(d, "baseline", lt_indicator_target_only(ind) ? NAN : ind->baseline);
	jcell(d, "baseline_year", lt_cell_year(ind->baseline_year));
	jnum(d, "aim", p->aim);
	jcell(d, "target_year", lt_cell_year(ind->target.year));
	jcell(d, "target_form", lt_cell_text(lt_target_form(ind)));
	jcell(d, "path_year", lt_cell_year(p->year));
	if (ind->target.mean_from > 0)
		jcell(d, "mean_from", lt_cell_year(ind->target.mean_from));
	if (ind->target.is_growth)
		jnum(d, "growth_pct", ind->target.growth_pct);
	if (ind->target.top > 0)
		jcell(d, "top", lt_cell_int(ind->target.top));
	if (ind->has_vision) {
		jcell(d, "vision_year", lt_cell_year(ind->vision.year));
		jnum(d, "vision_aim", p->vision_aim);
		jnum(d, "vision_step", p->vision_step);
		jnum(d, "vision_step_pct", p->vision_cagr);
	}
	jcell(d, "direction", lt_cell_int(p->direction));
	/* the aim itself does not meet the target ("> 80" on a share) */
	jcell(d, "strict", lt_cell_bool(!p->ind->target.is_range &&
	      strlen(lt_target_op(p->ind, 1, 0)) == 1));
	jcell(d, "target_met", lt_cell_bool(p->met));
	jnum(d, "mean_step", p->path[0].mean_step);
	jnum(d, "mean_step_pct", p->path[0].mean_step_pct);
	aim_lines(d, p, lang);
	if (!p->met)
		families_table(d, p, lang);
	progress_lines(d, p, lang);
	trend_line(d, p, lang);
	csv_table(d, p);
	for (k = 0; k < LT_PATH_KINDS; k++)
		path_json(d, &p->path[k]);
	progress_json(d, p);
	trend_json(d, &p->trend);
}

/* The whole result as a document in LANG (caller frees), or NULL. */
lt_doc *lt_cli_paths_doc(const lt_scenario *s, const lt_paths *r, lt_lang lang)
{
	char title[512];
	lt_doc *d;
	size_t i;

	snprintf(title, sizeof title, LT_TR(lang, "Required paths — %s (%s)",
	                                    "Lộ trình cần đạt — %s (%s)"),
	         LT_TR(lang, s->province.name, s->province.name_vi), s->path);
	d = lt_doc_alloc(title, NULL);
	lt_doc_field(d, "scenario", "Scenario", NULL, lt_cell_text(s->path),
	             LT_SHOW_JSON);
	for (i = 0; i < r->n; i++)
		indicator_doc(d, &r->items[i], lang);
	return d;
}

int lt_cmd_paths(int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, LT_OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{"indicator", required_argument, NULL, LT_OPT_INDICATOR},
		{"lang", required_argument, NULL, LT_OPT_LANG},
		{"out", required_argument, NULL, LT_OPT_OUT},
		{NULL, 0, NULL, 0},
	};
	lt_cli_opts o;
	lt_scenario *s = NULL;
	lt_paths *r = NULL;
	lt_doc *doc = NULL;
	lt_diag d;
	int c, status;

	lt_cli_opts_init(&o);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		status = lt_cli_help_option("paths", c, optarg, &o);
		if (status < 0)
			status = lt_cli_option("paths", c, optarg, &o);
		if (status < 0)
			status = lt_cli_bad_option("paths", c, argv);
		if (status != LT_EXIT_OK)
			goto done;
	}
	if (o.help) {
		status = lt_cli_help("paths", &o);
		goto done;
	}
	status = lt_cli_load_operand("paths", argc, argv, &s);
	if (status == LT_EXIT_OK)
		status = lt_cli_check_ids("paths", &o, s);
	if (status != LT_EXIT_OK)
		goto done;
	lt_diag_init(&d, s->path);
	status = lt_paths_run(s, o.ids, o.n_ids, &r, &d);
	lt_cli_print_diag(&d);
	lt_diag_destroy(&d);
	if (status != LT_OK) {
		status = lt_cli_exit_status(status);
		goto done;
	}
	doc = lt_cli_paths_doc(s, r, o.lang);
	status = lt_cli_emit(doc, &o, (const char *const[]){s->path}, 1);
done:
	lt_doc_free(doc);
	lt_paths_free(r);
	lt_scenario_free(s);
	lt_cli_opts_destroy(&o);
	return status;
}
