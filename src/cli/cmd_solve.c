/* cmd_solve.c - `lotrinh solve SCENARIO`: the inverse questions.  What
 * constant share of the spending base meets each target, and all of them;
 * when the scenario's own schedule meets each target; and the
 * responsiveness its milestones assume.  Runs lt_solve_run and renders its
 * report as one document (table, CSV or JSON through the output layer).
 * With --probability P it asks instead what share meets each target with
 * probability P over the scenario's uncertain parameters, runs
 * lt_solve_mc_run and renders the answers, the curves and their money. */
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/cli.h"
#include "lotrinh/scenario.h"
#include "lotrinh/solve.h"
#include "lotrinh/solve_mc.h"
#include "lotrinh/table.h"
#include "lotrinh/text.h"

/* Draws of --probability when --draws is not given: the s.e. of a
 * probability near 0.8 is then 0.004, and a run on Long An takes a
 * fraction of a second. */
#define SOLVE_DEFAULT_DRAWS 10000

const char lt_usage_solve[] =
	"Usage: lotrinh solve [--probability P [--draws N] [--seed S]\n"
	"                     [--threads T]] [--indicator ID]... [--lang en|vi]\n"
	"                     [--format table|csv|json|xlsx] [--out FILE] SCENARIO\n"
	"\n"
	"Answer the inverse questions with the model of docs/MODEL.md:\n"
	"  - the smallest constant share of the spending base (every year after\n"
	"    the baseline) that meets each target by its year, and all of them\n"
	"    together (Brent's method, to 1e-6 points of share); a target that\n"
	"    no share up to 100% meets is reported as such, with the\n"
	"    responsiveness it would need, and a target at the model's ceiling\n"
	"    as one no money can reach;\n"
	"  - the year each target is met under the scenario's own schedule;\n"
	"  - the responsiveness (beta) the roadmap's milestones assume, against\n"
	"    its plausible range (its prior's or distribution's support).\n"
	"\n"
	"With uncertainty (docs/MODEL.md, \"Probability of a target against the\n"
	"share\"):\n"
	"  --probability P      the smallest constant share that meets each\n"
	"                       target, and all together, with probability at\n"
	"                       least P (a number strictly between 0 and 1), over\n"
	"                       draws of the scenario's uncertain parameters and\n"
	"                       shocks; with its money (billion VND a year and in\n"
	"                       total), the shares for 50, 80 and 90 %, the\n"
	"                       probability at the plan's rule and at 100 %, and\n"
	"                       what the plan itself costs.  CSV and JSON carry\n"
	"                       the whole probability-against-share curve\n"
	"  --draws N            draws (default 10000)\n"
	"  --seed S             seed of the draws (default 1): the same seed\n"
	"                       gives the same numbers on any number of threads,\n"
	"                       and the same draws as simulate --draws\n"
	"  --threads T          threads to use (default: the machine's cores)\n"
	"\n"
	"Options:\n"
	"  --indicator ID           only this indicator (repeat for several)\n"
	"  --lang en|vi             labels, names, units and numbers in English\n"
	"                           (default) or Vietnamese; csv and json keep\n"
	"                           their keys and a decimal point\n"
	"  --format table|csv|json|xlsx\n"
	"                           output format (default table)\n"
	"                           xlsx is a workbook and needs --out\n"
	"  --out FILE               write to FILE (replaced whole, never an input)\n"
	"  -h, --help               show this help\n"
	"\n"
	"Exit status: 0 on success (an unreachable target is an answer), 1 when a\n"
	"computation fails, 2 on bad usage or an invalid scenario, 3 when the\n"
	"output cannot be written.\n";

const char lt_usage_solve_vi[] =
	"Cách dùng: lotrinh solve [--probability P [--draws N] [--seed S]\n"
	"                         [--threads T]] [--indicator ID]... [--lang en|vi]\n"
	"                         [--format table|csv|json|xlsx] [--out TỆP] KỊCH_BẢN\n"
	"\n"
	"Trả lời các bài toán ngược bằng mô hình của docs/MODEL.md:\n"
	"  - tỷ lệ chi nhỏ nhất, không đổi, trên cơ sở chi (mỗi năm sau năm gốc)\n"
	"    đạt từng mục tiêu đúng hạn, và đạt mọi mục tiêu cùng lúc (phương\n"
	"    pháp Brent, chính xác đến 1e-6 điểm %); mục tiêu mà không tỷ lệ nào\n"
	"    đến 100% đạt được thì báo như vậy, kèm hệ số phản ứng cần có, và mục\n"
	"    tiêu ở trần của mô hình là mục tiêu không khoản chi nào đạt được;\n"
	"  - năm đạt từng mục tiêu theo lộ trình chi của kịch bản;\n"
	"  - hệ số phản ứng (beta) mà các mốc của lộ trình giả định, so với\n"
	"    khoảng hợp lý của nó (miền của phân phối tiên nghiệm hoặc phân phối\n"
	"    đã cho).\n"
	"\n"
	"Có bất định (docs/MODEL.md, \"Probability of a target against the\n"
	"share\"):\n"
	"  --probability P      tỷ lệ chi nhỏ nhất, không đổi, đạt từng mục tiêu,\n"
	"                       và mọi mục tiêu cùng lúc, với xác suất ít nhất P\n"
	"                       (một số nằm hẳn giữa 0 và 1), trên các lượt rút\n"
	"                       tham số bất định và cú sốc của kịch bản; kèm số\n"
	"                       tiền (tỷ đồng mỗi năm và cả giai đoạn), tỷ lệ chi\n"
	"                       cho 50, 80 và 90 %, xác suất ở mức quy định và ở\n"
	"                       100 %, và chi phí của chính đề án.  csv và json có\n"
	"                       toàn bộ đường xác suất theo tỷ lệ chi\n"
	"  --draws N            số lượt rút (mặc định 10000)\n"
	"  --seed S             hạt giống của các lượt rút (mặc định 1): cùng hạt\n"
	"                       giống cho cùng kết quả với mọi số luồng, và cùng\n"
	"                       các lượt rút như simulate --draws\n"
	"  --threads T          số luồng (mặc định: số nhân của máy)\n"
	"\n"
	"Tùy chọn:\n"
	"  --indicator ID           chỉ chỉ tiêu này (lặp lại để chọn nhiều)\n"
	"  --lang en|vi             nhãn, tên, đơn vị và số bằng tiếng Anh (mặc\n"
	"                           định) hoặc tiếng Việt; csv và json giữ nguyên\n"
	"                           khóa và dấu chấm thập phân\n"
	"  --format table|csv|json|xlsx\n"
	"                           định dạng đầu ra (mặc định table)\n"
	"                           xlsx là sổ tính (Excel), cần --out\n"
	"  --out TỆP                ghi vào TỆP (thay cả tệp, không bao giờ ghi đè\n"
	"                           tệp đầu vào)\n"
	"  -h, --help               in trợ giúp này\n"
	"\n"
	"Mã thoát: 0 khi thành công (mục tiêu không đạt được cũng là một câu trả\n"
	"lời), 1 khi một phép tính thất bại, 2 khi dùng sai lệnh hoặc kịch bản\n"
	"không hợp lệ, 3 khi không ghi được đầu ra.\n";

/* A number, or missing when it is not finite. */
static lt_cell num(double v, int prec, unsigned style)
{
	return isfinite(v) ? lt_cell_number(v, prec, style, NULL)
	                   : lt_cell_missing(NULL);
}

/* The share needed with β at the top of its plausible range. */
static lt_cell top_cell(const lt_solve_answer *a, lt_lang lang, char *buf,
                        size_t n)
{
	if (!a->has_top)
		return lt_cell_missing(NULL);
	if (a->share_top.answer == LT_ANSWER_FREE)
		return lt_cell_text("0%");
	return lt_cli_share_cell(&a->share_top, 3, lang, buf, n);
}

/* The columns of the answers: text shows a reader's table, CSV and JSON
 * the numbers. */
static const struct {
	const char *key, *head, *head_vi;
	unsigned show;
} cols[] = {
	{"indicator", "indicator", "chỉ tiêu", LT_SHOW_TEXT},
	{"id", "id", NULL, LT_SHOW_DATA},
	{"target", "target", "mục tiêu", LT_SHOW_ALL},
	{"share", "share", "tỷ lệ chi", LT_SHOW_TEXT},
	{"answer", "answer", NULL, LT_SHOW_DATA},
	{"share_pct", "share_pct", NULL, LT_SHOW_DATA},
	{"value_at_zero", "with 0%", "với 0%", LT_SHOW_ALL},
	{"value_at_full", "with 100%", "với 100%", LT_SHOW_ALL},
	{"share_beta_max", "share if beta = max", "tỷ lệ nếu beta = max",
	 LT_SHOW_TEXT},
	{"share_pct_beta_max", "share_pct_beta_max", NULL, LT_SHOW_DATA},
	{"scenario_meets", "scenario meets it", "kịch bản đạt", LT_SHOW_TEXT},
	{"year_met", "year_met", NULL, LT_SHOW_DATA},
	{"beta", "beta", NULL, LT_SHOW_DATA},
	{"beta_plausible_lo", "beta_plausible_lo", NULL, LT_SHOW_DATA},
	{"beta_plausible_hi", "beta_plausible_hi", NULL, LT_SHOW_DATA},
	{"beta_milestones", "beta_milestones", NULL, LT_SHOW_DATA},
	{"beta_needed", "beta_needed", NULL, LT_SHOW_DATA},
	{"met_without_spending", "met_without_spending", NULL, LT_SHOW_DATA},
};
#define NCOLS (sizeof cols / sizeof *cols)

/* The target as the reader's table shows it in LANG; CSV and JSON keep
 * the English form (LT_LANG_EN), whatever the language of the text. */
static const char *target_text(const lt_indicator *ind, lt_lang lang,
                               char *buf, size_t size)
{
	return lang == LT_LANG_VI ? lt_target_phrase(ind, lang, buf, size)
	                          : lt_target_text_year(ind, 6, 1, buf, size);
}

/* Row K of the answers in T: words in LANG (the data table passes
 * LT_LANG_EN). */
static void answer_row(lt_table *t, const lt_scenario *s,
                       const lt_solve_report *r, size_t k, lt_lang lang)
{
	const lt_indicator *ind = &s->indicators[k];
	const lt_solve_answer *a = &r->answers[k];
	char target[96], share[32], top[32];
	int sim = a->share.answer != LT_ANSWER_NO_DYNAMICS;

	target_text(ind, lang, target, sizeof target);
	lt_table_add_row(t);
	lt_table_set(t, 0, lt_indicator_name(ind, lang));
	lt_table_set(t, 1, ind->id);
	lt_table_set(t, 2, target);
	lt_table_put(t, 3, lt_cli_share_cell(&a->share, 3, lang, share,
	                                     sizeof share));
	lt_table_set(t, 4, lt_cli_answer_name(a->share.answer));
	lt_table_put(t, 5, num(a->share.share, 0, 0));
	lt_table_put(t, 6, sim ? num(a->share.at_zero, 4, LT_NUM_SIG)
	                       : lt_cell_missing(""));
	lt_table_put(t, 7, sim ? num(a->share.at_full, 4, LT_NUM_SIG)
	                       : lt_cell_missing(""));
	lt_table_put(t, 8, sim ? top_cell(a, lang, top, sizeof top)
	                       : lt_cell_missing(""));
	lt_table_put(t, 9, a->has_top ? num(a->share_top.share, 0, 0)
	                              : lt_cell_missing(NULL));
	if (!sim)
		lt_table_put(t, 10, lt_cell_missing(""));
	else if (a->year_met > 0)
		lt_table_setf(t, 10, LT_TR(lang, "in %d", "năm %d"), a->year_met);
	else
		lt_table_setf(t, 10, LT_TR(lang, "not by %d", "chưa đạt đến %d"),
		              s->horizon);
	lt_table_put(t, 11, a->year_met > 0 ? lt_cell_year(a->year_met)
	                                    : lt_cell_missing(NULL));
	lt_table_put(t, 12, num(a->beta, 0, 0));
	lt_table_put(t, 13, num(a->beta_lo, 0, 0));
	lt_table_put(t, 14, num(a->beta_hi, 0, 0));
	lt_table_put(t, 15, a->has_beta_ms ? num(a->beta_ms, 0, 0)
	                                   : lt_cell_missing(NULL));
	lt_table_put(t, 16, a->has_beta_need ? num(a->beta_need, 0, 0)
	                                     : lt_cell_missing(NULL));
	lt_table_put(t, 17, lt_cell_bool(a->met_without_spending));
}

/* The indicators the report covers: those asked for, else all. */
static size_t chosen(const lt_scenario *s, const lt_cli_opts *o, size_t j)
{
	return o->n_ids > 0 ? (size_t)lt_scenario_find_indicator(s, o->ids[j])
	                    : j;
}

/* The answers as a table of D shown in SHOW (the reader's table sits in a
 * section of its own, the data at the top of the document). */
static void answers_table(lt_doc *d, const lt_scenario *s,
                          const lt_solve_report *r, const lt_cli_opts *o,
                          unsigned show, lt_lang lang)
{
	lt_table *t = d != NULL ? lt_doc_table(d, "indicators", NULL, NULL, NCOLS,
	                                       show) : NULL;
	size_t c, j, n = o->n_ids > 0 ? o->n_ids : s->n_indicators;

	if (t == NULL)
		return;
	for (c = 0; c < NCOLS; c++)
		lt_table_set_column(t, c, cols[c].key, cols[c].head, cols[c].head_vi,
		                    c == 0 ? LT_LEFT : LT_RIGHT, cols[c].show & show);
	lt_table_set_max_width(t, 0, 40);
	for (j = 0; j < n; j++)
		answer_row(t, s, r, chosen(s, o, j), lang);
}

/* The sentences after the table: all targets, the rule, the ceiling. */
static void summary_lines(lt_doc *d, const lt_scenario *s,
                          const lt_solve_report *r, lt_lang lang)
{
	const char *base = lt_cli_base_name(s, lang);
	char a[32], b[32];
	size_t k;

	lt_doc_line(d, "");
	if (!r->all_reachable)
		lt_doc_line(d, LT_TR(lang, "All targets together: not reachable with "
		                     "any share up to 100%.", "Mọi mục tiêu cùng lúc: "
		                     "không tỷ lệ chi nào đến 100% đạt được."));
	else if (!isnan(r->all_share))
		lt_doc_linef(d, LT_TR(lang, "All targets together: %s%% of %s (set "
		             "by %s).", "Mọi mục tiêu cùng lúc: %s%% %s (do %s quyết "
		             "định)."), lt_format_number(r->all_share, 3, 0, lang, a,
		             sizeof a), base, lt_indicator_name(&s->indicators[
		             r->binding], lang));
	if (s->budget.has_rule)
		lt_doc_linef(d, LT_TR(lang, "The plan's rule, at least %s%%, is %s.",
		             "Quy định của đề án, tối thiểu %s%%, %s."),
		             lt_format_sig(s->budget.rule_min_share_pct, 4, 0, lang, a,
		             sizeof a), r->all_reachable &&
		             r->all_share <= s->budget.rule_min_share_pct
		             ? LT_TR(lang, "enough for every target",
		                     "đủ cho mọi mục tiêu")
		             : LT_TR(lang, "not enough for every target",
		                     "không đủ cho mọi mục tiêu"));
	lt_doc_line(d, LT_TR(lang, "\"share if beta = max\" solves again with "
	                     "beta at the top of its plausible range (below).",
	                     "\"tỷ lệ nếu beta = max\" giải lại với beta ở cận "
	                     "trên của khoảng hợp lý (bên dưới)."));
	for (k = 0; k < s->n_indicators; k++) {
		const lt_indicator *ind = &s->indicators[k];

		if (r->answers[k].share.answer != LT_ANSWER_CEILING)
			continue;
		lt_format_sig(lt_target_aim(ind), 6, 0, lang, a, sizeof a);
		lt_format_sig(lt_target_aim(ind), 6, 0, lang, b, sizeof b);
		lt_doc_line(d, "");
		if (lang == LT_LANG_VI)
			lt_doc_linef(d, "%s: mục tiêu %s nằm ở %s của mô hình, mà quy "
			             "luật logistic tiến gần nhưng không bao giờ đạt, dù "
			             "chi bao nhiêu; hãy đọc là \"càng gần %s càng tốt\", "
			             "hoặc đặt trần cao hơn mục tiêu nếu chỉ tiêu thật sự "
			             "đạt được.", lt_indicator_name(ind, lang), a,
			             lt_target_sense(ind) > 0 ? "trần" : "sàn", b);
		else
			lt_doc_linef(d, "%s: the target %s lies at the model's %s, which "
			             "its logistic law approaches but never reaches, "
			             "whatever the money; read it as \"as close to %s as "
			             "possible\", or set the ceiling above the target if "
			             "the indicator can truly reach it.",
			             lt_indicator_name(ind, lang), a,
			             lt_target_sense(ind) > 0 ? "ceiling" : "floor", b);
	}
}

/* " (6.2 times the top of its range)" into BUF. */
static const char *above(double beta, double top, lt_lang lang, char *buf,
                         size_t size)
{
	char a[32];

	if (top > 0.0)
		snprintf(buf, size, LT_TR(lang, " (%s times the top of its range)",
		                          " (gấp %s lần cận trên của khoảng)"),
		         lt_format_sig(beta / top, 2, 0, lang, a, sizeof a));
	else
		snprintf(buf, size, "%s", LT_TR(lang, " (above its range)",
		                                " (trên khoảng hợp lý)"));
	return buf;
}

/* The β each roadmap assumes, one sentence an indicator. */
/* The sentence of answer X about the β the roadmap assumes, after
 * NAME, into LINE. */
static void beta_line(const lt_solve_answer *x, const char *name,
                      lt_lang lang, char *line, size_t size)
{
	char a[32], b[32], c[32], range[64], why[256];
	size_t n;

	n = (size_t)snprintf(line, size, LT_TR(lang, "  %s: scenario %s "
	                     "(plausible %s to %s)", "  %s: kịch bản %s (hợp lý "
	                     "%s đến %s)"), name,
	                     lt_format_sig(x->beta, 3, 0, lang, a, sizeof a),
	                     lt_format_sig(x->beta_lo, 3, 0, lang, b, sizeof b),
	                     lt_format_sig(x->beta_hi, 3, 0, lang, c, sizeof c));
	if (x->has_beta_ms && n < size)
		n += (size_t)snprintf(line + n, size - n, LT_TR(lang, "; the "
		     "milestones assume %s%s", "; các mốc giả định %s%s"),
		     lt_format_sig(x->beta_ms, 3, 0, lang, a, sizeof a),
		     x->beta_ms > x->beta_hi ? above(x->beta_ms, x->beta_hi, lang,
		     range, sizeof range) : !(x->beta_ms < 0.0) ? "" : LT_TR(lang,
		     " (below zero: they rise more slowly than the trend alone)",
		     " (dưới 0: các mốc tăng chậm hơn riêng xu thế)"));
	if (x->met_without_spending && n < size)
		snprintf(line + n, size - n, LT_TR(lang, "; the target is met "
		         "without spending: its trend alone reaches it (%s)", "; mục "
		         "tiêu đạt mà không cần chi: riêng xu thế đã đạt (%s)"),
		         lt_cli_origin_text(x->r_origin, lang, why, sizeof why));
	else if (x->has_beta_need && n < size)
		snprintf(line + n, size - n, LT_TR(lang, "; the target on the "
		         "scenario's schedule needs %s%s", "; theo lộ trình chi của "
		         "kịch bản, mục tiêu cần %s%s"),
		         lt_format_sig(x->beta_need, 3, 0, lang, a, sizeof a),
		         x->beta_need > x->beta_hi ? above(x->beta_need, x->beta_hi,
		         lang, range, sizeof range) : "");
}

/* The β each roadmap assumes, one sentence an indicator. */
static void beta_lines(lt_doc *d, const lt_scenario *s,
                       const lt_solve_report *r, lt_lang lang)
{
	char line[1024], a[32];
	size_t k;

	lt_doc_line(d, "");
	lt_doc_line(d, LT_TR(lang, "Responsiveness beta (logit a year per point "
	                     "of GRDP of capital intensity): the scenario's,",
	                     "Hệ số phản ứng beta (logit mỗi năm trên mỗi điểm % "
	                     "GRDP của cường độ vốn): của kịch bản,"));
	lt_doc_linef(d, LT_TR(lang, "its plausible range (its prior's or "
	             "distribution's, else 0 to %s; docs/MODEL.md) and what the "
	             "plan assumes:", "khoảng hợp lý (của phân phối tiên nghiệm "
	             "hoặc phân phối đã cho, nếu không thì 0 đến %s; "
	             "docs/MODEL.md) và điều đề án giả định:"),
	             lt_format_sig(LT_BETA_PLAUSIBLE_MAX, 2, 0, lang, a, sizeof a));
	for (k = 0; k < s->n_indicators; k++) {
		const lt_solve_answer *x = &r->answers[k];

		if (x->share.answer == LT_ANSWER_NO_DYNAMICS ||
		    (!x->has_beta_ms && !x->has_beta_need && !x->met_without_spending))
			continue;
		beta_line(x, lt_indicator_name(&s->indicators[k], lang), lang, line,
		          sizeof line);
		lt_doc_line(d, line);
	}
}

/* The whole report as a document (caller frees), or NULL. */
/* The lines of a scenario that simulates no indicator. */
static void nothing_simulated(lt_doc *d, lt_lang lang)
{
	lt_doc_line(d, "");
	lt_doc_line(d, LT_TR(lang, "No indicator of this scenario is simulated "
	                     "(ranks get paths and audits only,", "Kịch bản này "
	                     "không có chỉ tiêu nào được mô phỏng (chỉ tiêu xếp "
	                     "hạng chỉ có đường đi và rà soát,"));
	lt_doc_line(d, LT_TR(lang, "see 'lotrinh paths' and 'lotrinh audit'): "
	                     "there is no share to solve for.", "xem 'lotrinh "
	                     "paths' và 'lotrinh audit'): không có tỷ lệ chi nào "
	                     "để giải."));
}

lt_doc *lt_cli_solve_doc(const lt_scenario *s, const lt_solve_report *r,
                         const lt_cli_opts *o)
{
	lt_lang lang = o->lang;
	char title[512];
	lt_doc *d;

	snprintf(title, sizeof title, LT_TR(lang, "Inverse questions — %s (%s)",
	                                    "Bài toán ngược — %s (%s)"),
	         LT_TR(lang, s->province.name, s->province.name_vi), s->path);
	d = lt_doc_alloc(title, NULL);
	if (d == NULL)
		return NULL;
	lt_doc_field(d, "scenario", "Scenario", NULL, lt_cell_text(s->path),
	             LT_SHOW_JSON);
	if (r->n_simulated == 0)
		nothing_simulated(d, lang);
	else
		snprintf(title, sizeof title, LT_TR(lang, "Smallest constant share "
		         "of %s, every year from %d, that meets each target:", "Tỷ lệ "
		         "chi không đổi nhỏ nhất trên %s, mỗi năm từ %d, để đạt từng "
		         "mục tiêu:"), lt_cli_base_name(s, lang),
		         s->baseline_year + 1);
	/* the title is text only: one language is enough */
	if (r->n_simulated > 0)
		answers_table(lt_doc_child(d, "answers", title, NULL, LT_SHOW_TEXT),
		              s, r, o, LT_SHOW_TEXT, lang);
	answers_table(d, s, r, o, LT_SHOW_DATA, LT_LANG_EN);
	if (r->n_simulated > 0) {
		summary_lines(d, s, r, lang);
		beta_lines(d, s, r, lang);
	}
	lt_doc_field(d, "all_targets_share_pct", "all_targets_share_pct", NULL,
	             num(r->all_share, 0, 0), LT_SHOW_JSON);
	lt_doc_field(d, "all_targets_reachable", "all_targets_reachable", NULL,
	             r->n_simulated > 0 ? lt_cell_bool(r->all_reachable)
	             : lt_cell_missing(NULL), LT_SHOW_JSON);
	lt_doc_field(d, "beta_plausible_max", "beta_plausible_max", NULL,
	             lt_cell_number(LT_BETA_PLAUSIBLE_MAX, 0, 0, NULL),
	             LT_SHOW_JSON);
	return d;
}

/* ===== solve --probability ============================================== */

/* A --probability run: what was asked and what came back. */
/* The grids of the curve in CSV and JSON: the share for every
 * PROB_STEP % of probability, the probability at every SHARE_STEP points
 * of share. */
#define PROB_STEP 5
#define SHARE_STEP 1

/* The probabilities whose share the reader's table shows. */
static const double shown_p[] = {0.5, 0.8, 0.9};
#define N_SHOWN (sizeof shown_p / sizeof *shown_p)

/* Billion VND from the engine's million VND. */
static double bn(double million)
{
	return million / 1000.0;
}

/* COUNT of N draws as a reader's cell: "none" or "all" when the draws
 * give no spread to estimate a probability from (the notes under the
 * table give the rule-of-three bound), else three decimals. */
static lt_cell p_cell(size_t count, size_t n, lt_lang lang)
{
	if (count == 0)
		return lt_cell_text(LT_TR(lang, "none", "không"));
	if (count == n)
		return lt_cell_text(LT_TR(lang, "all", "tất cả"));
	return lt_cell_number((double)count / (double)n, 3, LT_NUM_FIXED, NULL);
}

/* The share curve C needs for probability P, as a reader's cell (SHORT:
 * the narrow form of the 50/80/90 % columns). */
static lt_cell p_share_cell(const lt_solve_mc_curve *c, size_t n, double p,
                            int short_, lt_lang lang, char *buf, size_t size)
{
	double share;

	if (c->ceiling == n)
		return lt_cell_text(short_ ? LT_TR(lang, "never", "không bao giờ")
		                    : LT_TR(lang, "never (ceiling)",
		                            "không bao giờ (trần)"));
	if (!lt_solve_mc_share(c, n, p, &share))
		return lt_cell_text(short_ ? LT_TR(lang, "no share", "không có")
		                    : LT_TR(lang, "not reachable", "không đạt được"));
	if (share <= 0.0)
		return lt_cell_text(short_ ? "0%" : LT_TR(lang, "0% (met anyway)",
		                                          "0% (vẫn đạt)"));
	lt_format_number(share, 3, 0, lang, buf, size - 1);
	strcat(buf, "%");
	return lt_cell_text(buf);
}

/* The money of the share curve C needs for P: a year (PER_YEAR) or in
 * total, billion VND; blank when no share reaches P. */
static lt_cell p_money_cell(const struct lt_cli_prob *pr,
                            const lt_solve_mc_curve *c, int per_year)
{
	double share, year, total;

	if (!lt_solve_mc_share(c, pr->r.draws, pr->p, &share))
		return lt_cell_missing("");
	total = lt_solve_mc_money(&pr->r, share, &year);
	return lt_cell_number(bn(per_year ? year : total), 0, LT_NUM_FIXED, NULL);
}

/* One row of the reader's table T: NAME, TARGET and curve C. */
static void p_row(lt_table *t, const lt_scenario *s, const char *name,
                  const char *target, const lt_solve_mc_curve *c,
                  const struct lt_cli_prob *pr, lt_lang lang)
{
	size_t n = pr->r.draws, j, col = 0;
	char buf[4][32];

	lt_table_add_row(t);
	lt_table_set(t, col++, name);
	lt_table_set(t, col++, target);
	lt_table_put(t, col++, p_share_cell(c, n, pr->p, 0, lang, buf[0], 32));
	lt_table_put(t, col++, p_money_cell(pr, c, 1));
	lt_table_put(t, col++, p_money_cell(pr, c, 0));
	for (j = 0; j < N_SHOWN; j++)
		lt_table_put(t, col++, p_share_cell(c, n, shown_p[j], 1, lang,
		                                    buf[j + 1], 32));
	if (s->budget.has_rule)
		lt_table_put(t, col++, p_cell(lt_solve_mc_count(c,
		             s->budget.rule_min_share_pct), n, lang));
	lt_table_put(t, col, p_cell(lt_solve_mc_count(c, 100.0), n, lang));
}

/* The reader's table: one row per target shown, then all together. */
/* A header of the reader's table: text only, in LANG. */
static void p_head(lt_table *t, size_t c, const char *en, const char *vi,
                   lt_align align)
{
	lt_table_set_column(t, c, en, en, vi, align, LT_SHOW_TEXT);
}

static void p_table(lt_doc *d, const lt_scenario *s, const struct lt_cli_prob *pr,
                    const lt_cli_opts *o)
{
	size_t ncols = 9 + (size_t)s->budget.has_rule, j, n, c = 0;
	lt_table *t = lt_doc_table(d, "answers", NULL, NULL, ncols, LT_SHOW_TEXT);
	lt_lang lang = o->lang;
	char head[64], vi[64], target[96], a[32];

	if (t == NULL)
		return;
	p_head(t, c++, "indicator", "chỉ tiêu", LT_LEFT);
	lt_table_set_max_width(t, 0, 40);
	p_head(t, c++, "target", "mục tiêu", LT_RIGHT);
	snprintf(head, sizeof head, "share for P = %g", pr->p);
	snprintf(vi, sizeof vi, "tỷ lệ chi cho P = %s", lt_format_sig(pr->p, 6, 0,
	         LT_LANG_VI, a, sizeof a));
	p_head(t, c++, head, vi, LT_RIGHT);
	p_head(t, c++, "bn VND a year", "tỷ đồng/năm", LT_RIGHT);
	snprintf(head, sizeof head, "bn VND %d-%d", pr->r.first_year,
	         pr->r.last_year);
	snprintf(vi, sizeof vi, "tỷ đồng %d-%d", pr->r.first_year,
	         pr->r.last_year);
	p_head(t, c++, head, vi, LT_RIGHT);
	for (j = 0; j < N_SHOWN; j++) {
		snprintf(head, sizeof head, "%g %%", 100.0 * shown_p[j]);
		p_head(t, c++, head, head, LT_RIGHT);
	}
	if (s->budget.has_rule) {
		snprintf(head, sizeof head, "P at %g %%",
		         s->budget.rule_min_share_pct);
		snprintf(vi, sizeof vi, "P ở %s %%", lt_format_sig(
		         s->budget.rule_min_share_pct, 6, 0, LT_LANG_VI, a, sizeof a));
		p_head(t, c++, head, vi, LT_RIGHT);
	}
	p_head(t, c, "P at 100 %", "P ở 100 %", LT_RIGHT);
	n = o->n_ids > 0 ? o->n_ids : s->n_indicators;
	for (j = 0; j < n; j++) {
		size_t k = chosen(s, o, j);
		const lt_indicator *ind = &s->indicators[k];

		if (!pr->r.ind[k].on)
			continue;
		target_text(ind, lang, target, sizeof target);
		p_row(t, s, lt_indicator_name(ind, lang), target, &pr->r.ind[k], pr,
		      lang);
	}
	if (lang == LT_LANG_VI)
		snprintf(target, sizeof target, "%zu mục tiêu", pr->r.n_targets);
	else
		snprintf(target, sizeof target, "%zu target%s", pr->r.n_targets,
		         pr->r.n_targets == 1 ? "" : "s");
	p_row(t, s, LT_TR(lang, "all together", "mọi mục tiêu cùng lúc"), target,
	      &pr->r.all, pr, lang);
}

/* The sentences under the table for curve C of ID (ALL: all targets
 * together): a target no share reaches with P, met in no draw or in all,
 * draws that miss it at every share, draws that more money sets back. */
static void p_notes(lt_doc *d, const char *id, const lt_solve_mc_curve *c,
                    const struct lt_cli_prob *pr, int all, lt_lang lang)
{
	size_t n = pr->r.draws, at_full = lt_solve_mc_count(c, 100.0);
	char text[160], a[32];
	double share;

	if (c->ceiling == n && lang == LT_LANG_VI) {
		lt_doc_linef(d, "%s: %s ở hoặc vượt giới hạn của mô hình, mà quy "
		             "luật logistic không bao giờ đạt: không tỷ lệ chi nào "
		             "đạt %s ở bất kỳ lượt nào.", id, all ? "có mục tiêu nằm"
		             : "mục tiêu nằm", all ? "tất cả" : "mục tiêu");
		return;
	}
	if (c->ceiling == n) {
		lt_doc_linef(d, "%s: %s at or past the model's bound, which its "
		             "logistic law never reaches: no share meets %s in any "
		             "draw.", id, all ? "some target lies" : "the target lies",
		             all ? "them all" : "it");
		return;
	}
	if (lt_solve_mc_count(c, 0.0) == n)
		lt_doc_linef(d, LT_TR(lang, "%s: met without spending %s.",
		             "%s: đạt mà không cần chi, %s."), id,
		             lt_cli_prob_text(n, n, lang, text, sizeof text));
	else if (at_full == 0)
		lt_doc_linef(d, LT_TR(lang, "%s: even at 100 %%, met %s.",
		             "%s: kể cả ở 100 %%, đạt %s."), id,
		             lt_cli_prob_text(0, n, lang, text, sizeof text));
	else if (!lt_solve_mc_share(c, n, pr->p, &share))
		lt_doc_linef(d, LT_TR(lang, "%s: not reachable with probability %s "
		             "at any share up to 100 %%: at 100 %% the probability "
		             "is %s.", "%s: không tỷ lệ chi nào đến 100 %% đạt được "
		             "với xác suất %s: ở 100 %% xác suất là %s."), id,
		             lt_format_sig(pr->p, 6, 0, lang, a, sizeof a),
		             lt_cli_prob_text(at_full, n, lang, text, sizeof text));
	else if (c->unreachable > 0)
		lt_doc_linef(d, LT_TR(lang, "%s: %zu of %zu draws miss it even at "
		             "100 %%.", "%s: %zu trên %zu lượt không đạt kể cả ở "
		             "100 %%."), id, c->unreachable, n);
	if (c->negative_beta > 0)
		lt_doc_linef(d, LT_TR(lang, "%s: %zu of %zu draws have beta < 0, so "
		             "more money lowers it; %zu of them meet the target at "
		             "0 %% but not at 100 %% and count as meeting it up to the "
		             "share where they stop.", "%s: %zu trên %zu lượt có "
		             "beta < 0, nên chi nhiều hơn lại làm giảm chỉ tiêu; %zu "
		             "lượt trong số đó đạt mục tiêu ở 0 %% nhưng không đạt ở "
		             "100 %% và được tính là đạt cho đến tỷ lệ chi mà chúng "
		             "thôi đạt."), id, c->negative_beta, n, c->falling);
}

/* The cells of one point of a curve into table T: the share (NAN: none)
 * and what the draws say there. */
static void point_row(lt_table *t, const char *id, const char *point,
                      double asked, double share, const lt_solve_mc_curve *c,
                      const struct lt_cli_prob *pr)
{
	double year = NAN, total = NAN;
	size_t met = 0;
	int has = !isnan(share);

	if (has) {
		met = lt_solve_mc_count(c, share);
		total = bn(lt_solve_mc_money(&pr->r, share, &year));
		year = bn(year);
	}
	lt_table_add_row(t);
	lt_table_set(t, 0, id);
	lt_table_set(t, 1, point);
	lt_table_put(t, 2, isnan(asked) ? lt_cell_missing(NULL)
	                                : lt_cell_number(asked, 0, 0, NULL));
	lt_table_put(t, 3, has ? lt_cell_number(share, 0, 0, NULL)
	                       : lt_cell_missing(NULL));
	lt_table_put(t, 4, has ? lt_cell_number(lt_mc_prob(met, pr->r.draws, NULL),
	                                        0, 0, NULL) : lt_cell_missing(NULL));
	lt_table_put(t, 5, has ? lt_cell_int((long long)met) : lt_cell_missing(NULL));
	lt_table_put(t, 6, has ? lt_cell_number(year, 0, 0, NULL)
	                       : lt_cell_missing(NULL));
	lt_table_put(t, 7, has ? lt_cell_number(total, 0, 0, NULL)
	                       : lt_cell_missing(NULL));
}

/* Curve C of ID as a table of D for CSV and JSON: the asked P, the share
 * for every PROB_STEP % and the probability at every SHARE_STEP points. */
static void curve_table(lt_doc *d, const char *id, const lt_solve_mc_curve *c,
                        const struct lt_cli_prob *pr)
{
	static const char *const keys[] = {"indicator", "point",
	    "probability_asked", "share_pct", "p_met", "draws_met",
	    "bn_vnd_per_year", "bn_vnd_total"};
	lt_table *t = lt_doc_table(d, "curve", NULL, NULL, 8, LT_SHOW_DATA);
	size_t j, n = pr->r.draws;
	double share;
	int q;

	if (t == NULL)
		return;
	for (j = 0; j < 8; j++)
		lt_table_set_column(t, j, keys[j], keys[j], NULL, LT_RIGHT,
		                    LT_SHOW_DATA);
	lt_solve_mc_share(c, n, pr->p, &share);
	point_row(t, id, "asked", pr->p, share, c, pr);
	for (q = PROB_STEP; q < 100; q += PROB_STEP) {
		lt_solve_mc_share(c, n, q / 100.0, &share);
		point_row(t, id, "probability", q / 100.0, share, c, pr);
	}
	for (q = 0; q <= 100; q += SHARE_STEP)
		point_row(t, id, "share", NAN, q, c, pr);
}

/* What the answer for curve C is, in CSV and JSON words. */
static const char *p_answer(const lt_solve_mc_curve *c, size_t n, double p,
                            double *share)
{
	if (c->ceiling == n) {
		*share = NAN;
		return lt_cli_answer_name(LT_ANSWER_CEILING);
	}
	if (!lt_solve_mc_share(c, n, p, share))
		return lt_cli_answer_name(LT_ANSWER_UNREACHABLE);
	return lt_cli_answer_name(*share > 0.0 ? LT_ANSWER_SOLVED
	                          : LT_ANSWER_FREE);
}

/* Curve C of ID (TARGET in words) as an item of D's list "targets". */
static void p_item(lt_doc *d, const lt_scenario *s, const char *id,
                   const char *target, const lt_solve_mc_curve *c,
                   const struct lt_cli_prob *pr)
{
	static const char *const count_keys[] = {"met_at_zero", "solved",
	    "falling", "unreachable", "ceiling", "negative_beta"};
	const size_t counts[] = {c->met_zero, c->solved, c->falling,
	                         c->unreachable, c->ceiling, c->negative_beta};
	lt_doc *o = lt_doc_list_item(d, "targets", NULL, NULL, LT_SHOW_DATA);
	size_t n = pr->r.draws, j;
	double share;
	const char *answer = p_answer(c, n, pr->p, &share);
	unsigned js = LT_SHOW_JSON;

	lt_doc_field(o, "id", "id", NULL, lt_cell_text(id), js);
	lt_doc_field(o, "target", "target", NULL, lt_cell_text(target), js);
	lt_doc_field(o, "answer", "answer", NULL, lt_cell_text(answer), js);
	lt_doc_field(o, "share_pct", "share_pct", NULL, num(share, 0, 0), js);
	lt_doc_field(o, "bn_vnd_per_year", "bn_vnd_per_year", NULL,
	             p_money_cell(pr, c, 1), js);
	lt_doc_field(o, "bn_vnd_total", "bn_vnd_total", NULL,
	             p_money_cell(pr, c, 0), js);
	lt_doc_field(o, "p_at_rule", "p_at_rule", NULL, s->budget.has_rule
	             ? lt_cell_number(lt_mc_prob(lt_solve_mc_count(c,
	             s->budget.rule_min_share_pct), n, NULL), 0, 0, NULL)
	             : lt_cell_missing(NULL), js);
	lt_doc_field(o, "p_at_full", "p_at_full", NULL, lt_cell_number(
	             lt_mc_prob(lt_solve_mc_count(c, 100.0), n, NULL), 0, 0, NULL),
	             js);
	for (j = 0; j < sizeof counts / sizeof *counts; j++)
		lt_doc_field(o, count_keys[j], count_keys[j], NULL,
		             lt_cell_int((long long)counts[j]), js);
	curve_table(o, id, c, pr);
}

/* The header: the draws, the probability asked, what a share is, the
 * money's base. */
static void p_header(lt_doc *d, const lt_scenario *s, const struct lt_cli_prob *pr,
                     lt_lang lang)
{
	const lt_solve_mc_result *r = &pr->r;
	const char *base = lt_cli_base_name(s, lang);
	char a[48], b[48], p[32];
	double year, total = lt_solve_mc_money(r, 1.0, &year);

	lt_format_sig(pr->p, 6, 0, lang, p, sizeof p);
	if (lang == LT_LANG_VI)
		lt_doc_linef(d, "%zu lượt rút %zu tham số bất định%s, seed %llu; tỷ "
		             "lệ chi mỗi mục tiêu cần để đạt với xác suất %s.",
		             r->draws, r->n_uncertain, r->shocks ? " và cú sốc hằng "
		             "năm" : "", (unsigned long long)r->seed, p);
	else
		lt_doc_linef(d, "%zu draws of %zu uncertain parameter%s%s, seed "
		             "%llu; the share each target needs with probability %s.",
		             r->draws, r->n_uncertain, r->n_uncertain == 1 ? "" : "s",
		             r->shocks ? " and yearly shocks" : "",
		             (unsigned long long)r->seed, p);
	lt_doc_linef(d, LT_TR(lang, "A share is a constant %% of %s every year "
	             "%d-%d; money in billion VND", "Tỷ lệ chi là một %% %s không "
	             "đổi mỗi năm %d-%d; tiền tính bằng tỷ đồng"), base,
	             r->first_year, r->last_year);
	lt_doc_linef(d, LT_TR(lang, "at the scenario's spending base (its central "
	             "growth): 1 %% is %s a year on average, %s in all.", "theo cơ "
	             "sở chi của kịch bản (mức tăng trung tâm): 1 %% là %s mỗi năm "
	             "bình quân, %s cả giai đoạn."),
	             lt_format_number(bn(year), 1, 0, lang, a, sizeof a),
	             lt_format_number(bn(total), 0, 0, lang, b, sizeof b));
}

/* What the plan itself costs in the same years, in words. */
static void p_plan(lt_doc *d, const lt_scenario *s, const struct lt_cli_prob *pr,
                   lt_lang lang)
{
	const lt_solve_mc_result *r = &pr->r;
	int years = r->last_year - r->first_year + 1;
	char sched[160], a[48], b[48], c[48];

	lt_doc_line(d, "");
	lt_doc_linef(d, LT_TR(lang, "The plan itself: its schedule (%s)",
	                      "Chính đề án: lộ trình chi của nó (%s)"),
	             lt_cli_schedule_text(s, &s->budget.schedule, lang, sched,
	                                  sizeof sched));
	lt_doc_linef(d, LT_TR(lang, "spends %s billion VND a year on average, %s "
	             "in %d-%d, as much as a constant %s %% of the base.", "chi "
	             "bình quân %s tỷ đồng mỗi năm, %s trong %d-%d, bằng một tỷ lệ "
	             "không đổi %s %% cơ sở chi."),
	             lt_format_number(bn(r->plan_total) / years, 0, 0, lang, a,
	                              sizeof a),
	             lt_format_number(bn(r->plan_total), 0, 0, lang, b, sizeof b),
	             r->first_year, r->last_year,
	             lt_format_number(100.0 * r->plan_total / r->base_total, 3, 0,
	                              lang, c, sizeof c));
	if (r->has_programs)
		lt_doc_linef(d, LT_TR(lang, "The programmes' state budget in those "
		             "years: %s billion VND.", "Ngân sách nhà nước của các "
		             "nhiệm vụ trong những năm đó: %s tỷ đồng."),
		             lt_format_number(bn(r->programs_total), 0, 0, lang, c,
		                              sizeof c));
}

/* The JSON fields of the run. */
static void p_fields(lt_doc *d, const lt_scenario *s, const struct lt_cli_prob *pr)
{
	const lt_solve_mc_result *r = &pr->r;
	unsigned js = LT_SHOW_JSON;

	lt_doc_field(d, "scenario", "Scenario", NULL, lt_cell_text(s->path), js);
	lt_doc_field(d, "probability", "probability", NULL,
	             lt_cell_number(pr->p, 0, 0, NULL), js);
	lt_doc_field(d, "draws", "draws", NULL, lt_cell_int((long long)r->draws),
	             js);
	lt_doc_field(d, "seed", "seed", NULL, lt_cell_int((long long)r->seed), js);
	lt_doc_field(d, "shocks", "shocks", NULL, lt_cell_bool(r->shocks), js);
	lt_doc_field(d, "uncertain_parameters", "uncertain_parameters", NULL,
	             lt_cell_int((long long)r->n_uncertain), js);
	lt_doc_field(d, "first_year", "first_year", NULL,
	             lt_cell_year(r->first_year), js);
	lt_doc_field(d, "last_year", "last_year", NULL, lt_cell_year(r->last_year),
	             js);
	lt_doc_field(d, "base_bn_vnd_total", "base_bn_vnd_total", NULL,
	             lt_cell_number(bn(r->base_total), 0, 0, NULL), js);
	lt_doc_field(d, "plan_bn_vnd_total", "plan_bn_vnd_total", NULL,
	             lt_cell_number(bn(r->plan_total), 0, 0, NULL), js);
	lt_doc_field(d, "programs_bn_vnd_total", "programs_bn_vnd_total", NULL,
	             r->has_programs ? lt_cell_number(bn(r->programs_total), 0, 0,
	             NULL) : lt_cell_missing(NULL), js);
	lt_doc_field(d, "rule_share_pct", "rule_share_pct", NULL,
	             s->budget.has_rule ? lt_cell_number(
	             s->budget.rule_min_share_pct, 0, 0, NULL)
	             : lt_cell_missing(NULL), js);
}

/* The whole --probability result as a document (caller frees), or NULL. */
lt_doc *lt_cli_prob_doc(const lt_scenario *s,
                        const struct lt_cli_prob *pr, const lt_cli_opts *o)
{
	lt_lang lang = o->lang;
	char title[512], target[96];
	size_t j, n = o->n_ids > 0 ? o->n_ids : s->n_indicators;
	lt_doc *d;

	snprintf(title, sizeof title, LT_TR(lang, "Probability of each target "
	         "against the share — %s (%s)", "Xác suất đạt từng mục tiêu theo "
	         "tỷ lệ chi — %s (%s)"), LT_TR(lang, s->province.name,
	         s->province.name_vi), s->path);
	d = lt_doc_alloc(title, NULL);
	if (d == NULL)
		return NULL;
	p_fields(d, s, pr);
	lt_doc_list(d, "targets", LT_SHOW_DATA);
	if (pr->r.n_targets == 0) {
		nothing_simulated(d, lang);
		return d;
	}
	lt_doc_line(d, "");
	p_header(d, s, pr, lang);
	p_table(lt_doc_child(d, "answers", "Smallest constant share that meets "
	        "each target with probability P:", "Tỷ lệ chi không đổi nhỏ nhất "
	        "để đạt từng mục tiêu với xác suất P:", LT_SHOW_TEXT), s, pr, o);
	lt_doc_line(d, "");
	lt_doc_line(d, LT_TR(lang, "\"none\", \"all\": met in none, or all, of "
	                     "the draws at that share; \"no share\": not even "
	                     "100 % reaches that probability.", "\"không\", \"tất "
	                     "cả\": không lượt nào, hoặc mọi lượt, đạt ở tỷ lệ chi "
	                     "đó; \"không có\": kể cả 100 % cũng không đạt xác "
	                     "suất đó."));
	for (j = 0; j < n; j++) {
		size_t k = chosen(s, o, j);
		const lt_indicator *ind = &s->indicators[k];

		if (!pr->r.ind[k].on)
			continue;
		p_notes(d, lt_indicator_name(ind, lang), &pr->r.ind[k], pr, 0, lang);
		lt_target_text_year(ind, 6, 1, target, sizeof target);
		p_item(d, s, ind->id, target, &pr->r.ind[k], pr);
	}
	p_notes(d, LT_TR(lang, "all targets together", "mọi mục tiêu cùng lúc"),
	        &pr->r.all, pr, 1, lang);
	snprintf(target, sizeof target, "%zu targets", pr->r.n_targets);
	p_item(d, s, "all", target, &pr->r.all, pr);
	p_plan(d, s, pr, lang);
	return d;
}

/* Run --probability on S and emit its document; returns an exit status. */
static int prob_run(const lt_scenario *s, struct lt_cli_prob *pr,
                    const lt_cli_opts *o)
{
	lt_cli_progress prog;
	lt_doc *doc;
	lt_diag d;
	int rc;

	lt_diag_init(&d, s->path);
	if (lt_cli_progress_start(&prog, "solve --probability", "draws")) {
		pr->mc.progress = lt_cli_progress_show;
		pr->mc.progress_data = &prog;
	}
	rc = lt_solve_mc_run(s, &pr->mc, &pr->r, &d);
	lt_cli_progress_end(&prog);
	lt_cli_print_diag(&d);
	lt_diag_destroy(&d);
	if (rc != LT_OK)
		return lt_cli_exit_status(rc);
	doc = lt_cli_prob_doc(s, pr, o);
	/* a NULL document renders as "out of memory" */
	rc = lt_cli_emit(doc, o, (const char *const[]){s->path}, 1);
	lt_doc_free(doc);
	lt_solve_mc_result_destroy(&pr->r);
	return rc;
}

/* Parse --probability's ARG into *P: a number strictly between 0 and 1. */
static int probability_option(const char *arg, double *p)
{
	int st = lt_parse_double(arg, p);

	if (st != 0 || !(*p > 0.0 && *p < 1.0))
		return lt_cli_usage_error("solve", "'--probability' must be a number "
		                          "strictly between 0 and 1 (got '%s'%s%s)",
		                          arg, st != 0 ? ": " : "",
		                          st != 0 ? lt_num_status_text(st) : "");
	return LT_EXIT_OK;
}

/* ===== the command ======================================================= */

/* The deterministic answers for S: run lt_solve_run and emit. */
static int run_answers(const lt_scenario *s, const lt_cli_opts *o)
{
	lt_solve_report r;
	lt_doc *doc;
	lt_diag d;
	int rc;

	lt_diag_init(&d, s->path);
	rc = lt_solve_run(s, &r, &d);
	lt_cli_print_diag(&d);
	lt_diag_destroy(&d);
	if (rc != LT_OK)
		return lt_cli_exit_status(rc);
	doc = lt_cli_solve_doc(s, &r, o);
	/* a NULL document renders as "out of memory" */
	rc = lt_cli_emit(doc, o, (const char *const[]){s->path}, 1);
	lt_doc_free(doc);
	lt_solve_report_destroy(&r);
	return rc;
}

enum { OPT_PROBABILITY = LT_OPT_OWN };

int lt_cmd_solve(int argc, char **argv)
{
	static const struct option opts[] = {
		{"draws", required_argument, NULL, LT_OPT_DRAWS},
		{"format", required_argument, NULL, LT_OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{"indicator", required_argument, NULL, LT_OPT_INDICATOR},
		{"lang", required_argument, NULL, LT_OPT_LANG},
		{"out", required_argument, NULL, LT_OPT_OUT},
		{"probability", required_argument, NULL, OPT_PROBABILITY},
		{"seed", required_argument, NULL, LT_OPT_SEED},
		{"threads", required_argument, NULL, LT_OPT_THREADS},
		{NULL, 0, NULL, 0},
	};
	struct lt_cli_prob pr;
	lt_cli_run_opts ro;
	lt_cli_opts o;
	lt_scenario *s = NULL;
	int c, status = LT_EXIT_OK, prob = 0;

	memset(&pr, 0, sizeof pr);
	lt_cli_run_opts_init(&ro);
	lt_cli_opts_init(&o);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		status = lt_cli_help_option("solve", c, optarg, &o);
		if (status >= 0) {
			if (status != LT_EXIT_OK)
				goto done;
			continue;
		}
		if (c == OPT_PROBABILITY) {
			prob = 1;
			status = probability_option(optarg, &pr.p);
		} else {
			status = lt_cli_run_option("solve", c, optarg, &ro);
			if (status < 0)
				status = lt_cli_option("solve", c, optarg, &o);
			if (status < 0)
				status = lt_cli_bad_option("solve", c, argv);
		}
		if (status != LT_EXIT_OK)
			goto done;
	}
	if (o.help) {
		status = lt_cli_help("solve", &o);
		goto done;
	}
	/* --draws, --seed and --threads shape the draws of --probability */
	if (!prob && (ro.draws_given || ro.seed_or_threads))
		status = lt_cli_usage_error("solve", "'--draws', '--seed' and "
		                            "'--threads' go with '--probability P'");
	if (status == LT_EXIT_OK)
		status = lt_cli_run_opts_check("solve", &ro, NULL);
	if (status == LT_EXIT_OK)
		status = lt_cli_load_operand("solve", argc, argv, &s);
	if (status == LT_EXIT_OK)
		status = lt_cli_check_ids("solve", &o, s);
	if (status != LT_EXIT_OK)
		goto done;
	if (prob) {
		pr.mc = ro.mc;
		if (!ro.draws_given)
			pr.mc.draws = SOLVE_DEFAULT_DRAWS;
		status = prob_run(s, &pr, &o);
	} else {
		status = run_answers(s, &o);
	}
done:
	lt_scenario_free(s);
	lt_cli_opts_destroy(&o);
	return status;
}
