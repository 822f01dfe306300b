/* cmd_simulate.c - `lotrinh simulate SCENARIO`: what a budget schedule
 * buys, year by year, next to business as usual (today's share kept).
 * Parses the schedule options, runs lt_simulate_run and renders its
 * result as one document (table, CSV or JSON through the output layer). */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/cli.h"
#include "lotrinh/monitor.h"
#include "lotrinh/scenario.h"
#include "lotrinh/simulate.h"
#include "lotrinh/table.h"
#include "lotrinh/text.h"

const char lt_usage_simulate[] =
	"Usage: lotrinh simulate [--share S | --ramp S0:S1:YEAR |\n"
	"                         --schedule programs|scenario]\n"
	"                        [--indicator ID]... [--format table|csv|json|xlsx]\n"
	"                        [--draws N [--seed S] [--threads T]]\n"
	"                        [--lang en|vi] [--out FILE] SCENARIO\n"
	"\n"
	"Run the model (docs/MODEL.md) under a budget schedule and show, per\n"
	"indicator and year, the value, the roadmap's milestone, the gap between\n"
	"them and the first year the target is met, next to business as usual:\n"
	"today's share of the spending base kept every year.  Also the public\n"
	"spending, co-financing, capital and capital intensity per year.\n"
	"\n"
	"Schedule (default: the scenario's own):\n"
	"  --share S            a constant S % of the spending base every year\n"
	"  --ramp S0:S1:YEAR    from S0 % in the baseline year to S1 % in YEAR,\n"
	"                       constant after\n"
	"  --schedule programs  what the plan's programmes spend each year\n"
	"  --schedule scenario  the scenario's schedule\n"
	"\n"
	"Uncertainty (Monte Carlo, docs/MODEL.md):\n"
	"  --draws N            draw the scenario's uncertain parameters (and\n"
	"                       yearly shocks) N times: bands (5-95 %), the mean,\n"
	"                       the probability of meeting each target, the\n"
	"                       year-reached distribution, all targets together\n"
	"  --seed S             seed of the draws (default 1): the same seed\n"
	"                       gives the same numbers on any number of threads\n"
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
	"Ranks get paths and audits only: simulate lists them without dynamics.\n"
	"Exit status: 0 on success, 1 when the ODE solver fails, 2 on bad usage\n"
	"or an invalid scenario, 3 when the output cannot be written.\n";

const char lt_usage_simulate_vi[] =
	"Cách dùng: lotrinh simulate [--share S | --ramp S0:S1:NĂM |\n"
	"                             --schedule programs|scenario]\n"
	"                            [--indicator ID]... [--format table|csv|json|xlsx]\n"
	"                            [--draws N [--seed S] [--threads T]]\n"
	"                            [--lang en|vi] [--out TỆP] KỊCH_BẢN\n"
	"\n"
	"Chạy mô hình (docs/MODEL.md) theo một lộ trình chi ngân sách và cho biết,\n"
	"theo từng chỉ tiêu và từng năm, giá trị mô phỏng, mốc của lộ trình,\n"
	"chênh lệch giữa hai giá trị và năm đầu tiên đạt mục tiêu, bên cạnh xu\n"
	"hướng hiện tại: giữ nguyên tỷ lệ chi hiện nay trên cơ sở chi mỗi năm.\n"
	"Kèm theo chi ngân sách, vốn ngoài NSNN, vốn tích lũy và cường độ vốn\n"
	"từng năm.\n"
	"\n"
	"Lộ trình chi (mặc định: lộ trình của kịch bản):\n"
	"  --share S            S % cơ sở chi, không đổi mỗi năm\n"
	"  --ramp S0:S1:NĂM     từ S0 % năm gốc lên S1 % năm NĂM, giữ nguyên sau\n"
	"                       đó\n"
	"  --schedule programs  theo kinh phí các nhiệm vụ của đề án mỗi năm\n"
	"  --schedule scenario  lộ trình chi của kịch bản\n"
	"\n"
	"Bất định (Monte Carlo, docs/MODEL.md):\n"
	"  --draws N            rút N lần các tham số bất định của kịch bản (và cú\n"
	"                       sốc hằng năm): dải giá trị (5-95 %), bình quân,\n"
	"                       xác suất đạt từng mục tiêu, phân phối năm đạt, xác\n"
	"                       suất đạt mọi mục tiêu cùng lúc\n"
	"  --seed S             hạt giống của các lượt rút (mặc định 1): cùng hạt\n"
	"                       giống cho cùng kết quả với mọi số luồng\n"
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
	"Chỉ tiêu xếp hạng chỉ có đường đi và rà soát: simulate liệt kê chúng mà\n"
	"không mô phỏng.\n"
	"Mã thoát: 0 khi thành công, 1 khi bộ giải phương trình vi phân thất bại,\n"
	"2 khi dùng sai lệnh hoặc kịch bản không hợp lệ, 3 khi không ghi được đầu\n"
	"ra.\n";

/* A number with DEC decimals, thousands grouped in text; missing when it
 * is NaN. */
static lt_cell num(double v, int dec)
{
	return isfinite(v) ? lt_cell_number(v, dec, LT_NUM_FIXED, NULL)
	                   : lt_cell_missing(NULL);
}

/* The milestone of IND in YEAR, NAN when the roadmap has none. */
static double milestone(const lt_indicator *ind, int year)
{
	size_t m;

	for (m = 0; m < ind->milestones.n; m++)
		if (ind->milestones.pts[m].year == year)
			return ind->milestones.pts[m].value;
	return NAN;
}

/* ---- the spending and capital of the schedule (text) -------------------- */

static void budget_table(lt_doc *d, const lt_scenario *s, const lt_sim *sim,
                         const lt_sim *bau, lt_lang lang)
{
	lt_table *t = d != NULL ? lt_doc_table(d, "budget", NULL, NULL, sim->ny,
	                                       LT_SHOW_TEXT) : NULL;
	char a[32], b[32];
	size_t i, c;

	if (t == NULL)
		return;
	lt_table_set_column(t, 0, "million VND", "million VND", "triệu đồng",
	                    LT_LEFT, LT_SHOW_TEXT);
	for (i = 1; i < sim->ny; i++) {
		snprintf(a, sizeof a, "%d", sim->t0 + (int)i);
		lt_table_set_header(t, i, a, LT_RIGHT);
	}
	lt_table_add_row(t);
	lt_table_set(t, 0, LT_TR(lang, "public spending", "chi ngân sách"));
	for (i = 1; i < sim->ny; i++)
		lt_table_put(t, i, num(sim->public_[i], 0));
	lt_table_add_row(t);
	lt_table_set(t, 0, LT_TR(lang, "  % of the base", "  % cơ sở chi"));
	for (i = 1; i < sim->ny; i++)
		lt_table_put(t, i, num(sim->share[i], 2));
	lt_table_add_row(t);
	lt_table_set(t, 0, LT_TR(lang, "  % of GRDP", "  % GRDP"));
	for (i = 1; i < sim->ny; i++)
		lt_table_put(t, i, num(100.0 * sim->public_[i] / sim->grdp[i], 3));
	lt_table_add_row(t);
	lt_table_set(t, 0, LT_TR(lang, "co-financing", "vốn ngoài NSNN"));
	for (i = 1; i < sim->ny; i++)
		lt_table_put(t, i, num(sim->cofin[i], 0));
	lt_table_add_row(t);
	lt_table_set(t, 0, LT_TR(lang, "business as usual", "xu hướng hiện tại"));
	for (i = 1; i < sim->ny; i++)
		lt_table_put(t, i, num(bau->public_[i], 0));
	for (c = 0; c < sim->nc; c++) {
		/* a channel has an id and no name: the id is its name */
		lt_table_add_row(t);
		lt_table_setf(t, 0, LT_TR(lang, "capital: %s", "vốn tích lũy: %s"),
		              s->channels[c].id);
		for (i = 1; i < sim->ny; i++)
			lt_table_put(t, i, num(sim->capital[c * sim->ny + i], 0));
		lt_table_add_row(t);
		lt_table_set(t, 0, LT_TR(lang, "  intensity (BAU)",
		                         "  cường độ (xu hướng)"));
		for (i = 1; i < sim->ny; i++)
			lt_table_setf(t, i, "%s (%s)", lt_format_number(sim->intensity[
			              c * sim->ny + i], 2, 0, lang, a, sizeof a),
			              lt_format_number(bau->intensity[c * sim->ny + i], 2,
			              0, lang, b, sizeof b));
	}
}

/* ---- the same, by year, for JSON ---------------------------------------- */

static void years_json(lt_doc *d, const lt_scenario *s, const lt_sim *sim,
                       const lt_sim *bau)
{
	static const char *const keys[] = {"year", "grdp", "spending_base",
	    "public_spending", "share_pct", "cofinancing", "bau_public_spending"};
	lt_table *t = lt_doc_table(d, "years", NULL, NULL, 7, LT_SHOW_JSON);
	size_t i, c, k;

	if (t == NULL)
		return;
	for (k = 0; k < 7; k++)
		lt_table_set_column(t, k, keys[k], keys[k], NULL, LT_RIGHT,
		                    LT_SHOW_JSON);
	for (i = 0; i < sim->ny; i++) {
		lt_table_add_row(t);
		lt_table_put(t, 0, lt_cell_year(sim->t0 + (int)i));
		lt_table_put(t, 1, num(sim->grdp[i], 0));
		lt_table_put(t, 2, num(sim->base[i], 0));
		lt_table_put(t, 3, num(sim->public_[i], 0));
		lt_table_put(t, 4, num(sim->share[i], 0));
		lt_table_put(t, 5, num(sim->cofin[i], 0));
		lt_table_put(t, 6, num(bau->public_[i], 0));
	}
	lt_doc_list(d, "channels", LT_SHOW_JSON);
	for (c = 0; c < sim->nc; c++) {
		lt_doc *o = lt_doc_list_item(d, "channels", NULL, NULL, LT_SHOW_JSON);

		lt_doc_field(o, "id", "id", NULL, lt_cell_text(s->channels[c].id),
		             LT_SHOW_JSON);
		t = lt_doc_table(o, "years", NULL, NULL, 4, LT_SHOW_JSON);
		if (t == NULL)
			return;
		lt_table_set_column(t, 0, "year", "year", NULL, LT_RIGHT, LT_SHOW_JSON);
		lt_table_set_column(t, 1, "capital", "capital", NULL, LT_RIGHT,
		                    LT_SHOW_JSON);
		lt_table_set_column(t, 2, "intensity", "intensity", NULL, LT_RIGHT,
		                    LT_SHOW_JSON);
		lt_table_set_column(t, 3, "bau_intensity", "bau_intensity", NULL,
		                    LT_RIGHT, LT_SHOW_JSON);
		for (i = 0; i < sim->ny; i++) {
			lt_table_add_row(t);
			lt_table_put(t, 0, lt_cell_year(sim->t0 + (int)i));
			lt_table_put(t, 1, num(sim->capital[c * sim->ny + i], 0));
			lt_table_put(t, 2, num(sim->intensity[c * sim->ny + i], 0));
			lt_table_put(t, 3, num(bau->intensity[c * sim->ny + i], 0));
		}
	}
}

/* ---- one indicator ------------------------------------------------------ */

static const char *met_text(int year, int horizon, lt_lang lang, char *buf,
                            size_t size)
{
	if (year > 0)
		snprintf(buf, size, LT_TR(lang, "met in %d", "đạt năm %d"), year);
	else
		snprintf(buf, size, LT_TR(lang, "not met by %d",
		                          "chưa đạt đến năm %d"), horizon);
	return buf;
}

/* A Monte Carlo run asked for with --draws. */
/* The quantile columns: every one in CSV and JSON, 5/50/95 in text. */
static const char *const q_keys[LT_MC_NQ] = {"q05", "q10", "q25", "q50",
                                             "q75", "q90", "q95"};
static const char *const q_heads[LT_MC_NQ] = {"5%", "10%", "25%", "50%",
                                              "75%", "90%", "95%"};

static unsigned q_show(size_t q)
{
	return q == 0 || q == 3 || q == 6 ? LT_SHOW_ALL : LT_SHOW_DATA;
}

/* A probability cell: missing when it has no variance (none or all). */
static lt_cell prob_cell(size_t count, size_t n)
{
	return lt_cell_number(lt_mc_prob(count, n, NULL), 6, LT_NUM_SIG, NULL);
}

/* Indicator K's values by year: text (year, milestone, scenario, gap,
 * business as usual), CSV (with the year's spending, one table for every
 * indicator) and JSON (under the indicator). */
static void values_table(lt_doc *d, const lt_scenario *s,
                         const lt_simulation *r, const struct lt_cli_mc *mc,
                         size_t k)
{
	static const struct {
		const char *key, *head, *head_vi;
		unsigned show;
	} cols[] = {
		{"indicator", "indicator", "chỉ tiêu", LT_SHOW_CSV},
		{"year", "year", "năm", LT_SHOW_ALL},
		{"milestone", "milestone", "mốc", LT_SHOW_ALL},
		{"value", "scenario", "kịch bản", LT_SHOW_ALL},
		{"gap", "gap", "chênh lệch", LT_SHOW_ALL},
		{"bau", "business as usual", "xu hướng hiện tại", LT_SHOW_ALL},
		{"public_spending", "public_spending", NULL, LT_SHOW_CSV},
		{"share_pct", "share_pct", NULL, LT_SHOW_CSV},
		{"cofinancing", "cofinancing", NULL, LT_SHOW_CSV},
	};
	enum { NBASE = 9 };
	const lt_indicator *ind = &s->indicators[k];
	const lt_sim *sim = &r->plan, *bau = &r->bau;
	const lt_mc_indicator *x = mc->on ? &mc->r.ind[k] : NULL;
	size_t ncols = NBASE + (x != NULL ? LT_MC_NQ + 3 : 0), i, c;
	lt_table *t = lt_doc_table(d, "years", NULL, NULL, ncols, LT_SHOW_ALL);

	if (t == NULL)
		return;
	for (c = 0; c < NBASE; c++)
		lt_table_set_column(t, c, cols[c].key, cols[c].head, cols[c].head_vi,
		                    c == 0 ? LT_LEFT : LT_RIGHT, cols[c].show);
	for (c = 0; x != NULL && c < LT_MC_NQ; c++)
		lt_table_set_column(t, NBASE + c, q_keys[c], q_heads[c], NULL,
		                    LT_RIGHT, q_show(c));
	if (x != NULL) {
		lt_table_set_column(t, NBASE + LT_MC_NQ, "mean", "mean", NULL,
		                    LT_RIGHT, LT_SHOW_DATA);
		lt_table_set_column(t, NBASE + LT_MC_NQ + 1, "p_met_by",
		                    "P(met by)", "P(đạt đến năm)", LT_RIGHT,
		                    LT_SHOW_ALL);
		lt_table_set_column(t, NBASE + LT_MC_NQ + 2, "p_met_in", "P(met in)",
		                    "P(đạt trong năm)", LT_RIGHT, mc->r.shocks
		                    ? LT_SHOW_ALL : LT_SHOW_DATA);
	}
	for (i = 0; i < sim->ny; i++) {
		int year = sim->t0 + (int)i;
		double v = sim->value[k * sim->ny + i], ms = milestone(ind, year);

		lt_table_add_row(t);
		lt_table_set(t, 0, ind->id);
		lt_table_put(t, 1, lt_cell_year(year));
		lt_table_put(t, 2, num(ms, 2));
		lt_table_put(t, 3, num(v, 2));
		lt_table_put(t, 4, isnan(ms) || isnan(v) ? lt_cell_missing("")
		                                       : num(v - ms, 2));
		lt_table_put(t, 5, num(bau->value[k * sim->ny + i], 2));
		lt_table_put(t, 6, num(sim->public_[i], 0));
		lt_table_put(t, 7, num(sim->share[i], 2));
		lt_table_put(t, 8, num(sim->cofin[i], 0));
		if (x == NULL)
			continue;
		for (c = 0; c < LT_MC_NQ; c++)
			lt_table_put(t, NBASE + c, num(x->q[i * LT_MC_NQ + c], 2));
		lt_table_put(t, NBASE + LT_MC_NQ, num(x->mean[i], 2));
		lt_table_put(t, NBASE + LT_MC_NQ + 1, prob_cell(x->reached[i],
		                                                mc->r.draws));
		lt_table_put(t, NBASE + LT_MC_NQ + 2, prob_cell(x->met_in[i],
		                                                mc->r.draws));
	}
}

/* A conditional probability A/B, missing (with the reason) when B is 0. */
static lt_cell cond_cell(size_t a, size_t b, const char *none)
{
	return b > 0 ? lt_cell_number((double)a / (double)b, 3, LT_NUM_FIXED,
	                              NULL) : lt_cell_missing(none);
}

/* The mid-term checkpoints of indicator K: for each milestone year before
 * the target year, the chance of the target given the milestone met or
 * missed, and the value in that year from which it is more likely than
 * not.  (Milestones lie after the indicator's baseline year, the format
 * says, so no observation can yet be set against one.) */
/* The value observed in checkpoint C's year, if the scenario has one. */
static int observed_in(const lt_indicator *ind, int year, double *v)
{
	size_t i;

	for (i = 0; i < ind->observed.n; i++)
		if (ind->observed.pts[i].year == year) {
			*v = ind->observed.pts[i].value;
			return 1;
		}
	return 0;
}

/* Columns 6-8 of a checkpoint row (JSON): the observed value, the
 * probability of the target from there, on track or not. */
static void observed_cells(lt_table *t, const lt_indicator *ind,
                           const lt_mc_checkpoint *c)
{
	lt_track tr;
	double v;

	if (!observed_in(ind, c->year, &v))
		return;
	tr = lt_monitor_track(c, lt_target_sense(ind), v);
	lt_table_put(t, 6, num(v, 0));
	lt_table_put(t, 7, lt_cell_number(lt_monitor_p(c, v), 6, LT_NUM_SIG,
	             NULL));
	if (tr != LT_TRACK_UNKNOWN)
		lt_table_put(t, 8, lt_cell_bool(tr == LT_TRACK_ON));
}

/* In words: each value observed after the baseline against its year's
 * checkpoint, or why there is none. */
static void observed_lines(lt_doc *d, const lt_indicator *ind,
                           const struct lt_cli_mc *mc, size_t k, lt_lang lang)
{
	char v[32], m[32], p[32];
	size_t i, j;

	for (i = 0; i < ind->observed.n; i++) {
		const lt_point *o = &ind->observed.pts[i];
		const lt_mc_checkpoint *c = NULL;
		lt_track tr;

		for (j = 0; j < mc->r.n_checkpoints && c == NULL; j++)
			if (mc->r.checkpoints[j].k == k &&
			    mc->r.checkpoints[j].year == o->year)
				c = &mc->r.checkpoints[j];
		lt_format_sig(o->value, 4, 0, lang, v, sizeof v);
		if (c == NULL) {
			lt_doc_linef(d, LT_TR(lang, "Observed %s in %d: no milestone "
			             "before the target that year, so no checkpoint",
			             "Quan sát %s năm %d: năm đó không có mốc trước năm "
			             "mục tiêu, nên không có điểm kiểm tra"), v, o->year);
			continue;
		}
		tr = lt_monitor_track(c, lt_target_sense(ind), o->value);
		if (tr == LT_TRACK_UNKNOWN) {
			lt_doc_linef(d, LT_TR(lang, "Observed %s in %d: the %d target is "
			             "met in none or all draws, so the value changes "
			             "nothing", "Quan sát %s năm %d: mục tiêu năm %d đạt "
			             "ở không lượt nào hoặc ở mọi lượt, nên giá trị này "
			             "không thay đổi gì"), v, o->year, ind->target.year);
			continue;
		}
		lt_doc_linef(d, LT_TR(lang, "Observed %s in %d (milestone %s: %s): %s "
		             "for %d; draws near that value met the target with P = "
		             "%s", "Quan sát %s năm %d (mốc %s: %s): %s cho năm %d; "
		             "các lượt gần giá trị này đạt mục tiêu với P = %s"), v,
		             o->year, lt_format_sig(c->milestone, 4, 0, lang, m,
		             sizeof m), (lt_target_sense(ind) > 0
		             ? o->value >= c->milestone : o->value <= c->milestone)
		             ? LT_TR(lang, "met", "đạt") : LT_TR(lang, "missed",
		             "trượt"), tr == LT_TRACK_ON ? LT_TR(lang, "on track",
		             "đúng tiến độ") : LT_TR(lang, "off track",
		             "chệch tiến độ"), ind->target.year,
		             lt_format_number(lt_monitor_p(c, o->value), 2, 0, lang,
		             p, sizeof p));
	}
}

static void checkpoints(lt_doc *d, const lt_scenario *s,
                        const struct lt_cli_mc *mc, size_t k, lt_lang lang)
{
	const lt_indicator *ind = &s->indicators[k];
	size_t n = mc->r.draws, j, rows = 0;
	lt_table *t = NULL;

	for (j = 0; j < mc->r.n_checkpoints; j++)
		rows += mc->r.checkpoints[j].k == k;
	if (rows == 0)
		return;
	lt_doc_linef(d, LT_TR(lang, "Checkpoints: what each milestone year says "
	             "about the %d target", "Điểm kiểm tra: mỗi năm có mốc cho "
	             "biết gì về mục tiêu năm %d"), ind->target.year);
	t = lt_doc_table(d, "checkpoints", NULL, NULL, 9, LT_SHOW_TEXT |
	                 LT_SHOW_JSON);
	if (t == NULL)
		return;
	lt_table_set_column(t, 0, "year", "year", "năm", LT_RIGHT, LT_SHOW_ALL);
	lt_table_set_column(t, 1, "milestone", "milestone", "mốc", LT_RIGHT,
	                    LT_SHOW_ALL);
	lt_table_set_column(t, 2, "p_milestone", "P(milestone met)", "P(đạt mốc)",
	                    LT_RIGHT, LT_SHOW_ALL);
	lt_table_set_column(t, 3, "p_target_if_met", "P(target | met)",
	                    "P(mục tiêu | đạt mốc)", LT_RIGHT, LT_SHOW_ALL);
	lt_table_set_column(t, 4, "p_target_if_missed", "P(target | missed)",
	                    "P(mục tiêu | trượt mốc)", LT_RIGHT, LT_SHOW_ALL);
	lt_table_set_column(t, 5, "value_for_50pct", "value for 50 %",
	                    "giá trị cho 50 %", LT_RIGHT, LT_SHOW_ALL);
	lt_table_set_column(t, 6, "observed", "observed", NULL, LT_RIGHT,
	                    LT_SHOW_JSON);
	lt_table_set_column(t, 7, "p_target_given_observed",
	                    "p_target_given_observed", NULL, LT_RIGHT,
	                    LT_SHOW_JSON);
	lt_table_set_column(t, 8, "on_track", "on_track", NULL, LT_RIGHT,
	                    LT_SHOW_JSON);
	for (j = 0; j < mc->r.n_checkpoints; j++) {
		const lt_mc_checkpoint *c = &mc->r.checkpoints[j];

		if (c->k != k)
			continue;
		lt_table_add_row(t);
		lt_table_put(t, 0, lt_cell_year(c->year));
		lt_table_put(t, 1, num(c->milestone, 2));
		lt_table_put(t, 2, prob_cell(c->met, n));
		lt_table_put(t, 3, cond_cell(c->met_final, c->met, LT_TR(lang,
		             "no draw meets it", "không lượt nào đạt")));
		lt_table_put(t, 4, cond_cell(c->missed_final, n - c->met, LT_TR(lang,
		             "no draw misses it", "không lượt nào trượt")));
		if (!isnan(c->crossing))
			lt_table_put(t, 5, num(c->crossing, 2));
		else
			lt_table_put(t, 5, lt_cell_missing(c->crossing_side > 0
			             ? LT_TR(lang, "50 % or more at any value",
			                     "50 % trở lên ở mọi giá trị")
			             : c->crossing_side < 0
			             ? LT_TR(lang, "under 50 % at any value",
			                     "dưới 50 % ở mọi giá trị")
			             : LT_TR(lang, "target met in none or all draws",
			                     "mục tiêu đạt ở không lượt nào hoặc mọi "
			                     "lượt")));
		observed_cells(t, ind, c);
	}
	observed_lines(d, ind, mc, k, lang);
}

/* The probabilities of indicator K's target, in words and as data. */
static void mc_lines(lt_doc *d, const lt_scenario *s, const struct lt_cli_mc *mc,
                     size_t k, lt_lang lang)
{
	const lt_indicator *ind = &s->indicators[k];
	const lt_mc_indicator *x = &mc->r.ind[k];
	size_t n = mc->r.draws, last = mc->r.ny - 1;
	char p[128], q[128];
	double se;

	if (!x->has_target) {
		lt_doc_linef(d, LT_TR(lang, "Monte Carlo: the target year %d is past "
		             "the horizon", "Monte Carlo: năm mục tiêu %d nằm sau "
		             "tầm nhìn"), ind->target.year);
		return;
	}
	lt_doc_linef(d, LT_TR(lang, "Monte Carlo, %zu draws: target met in %d %s",
	             "Monte Carlo, %zu lượt: đạt mục tiêu năm %d %s"), n,
	             ind->target.year, lt_cli_prob_text(x->met_target, n, lang, p,
	             sizeof p));
	if (mc->r.shocks)
		lt_doc_linef(d, LT_TR(lang, "  met in some year by %d (it may fall "
		             "back after): %s", "  đạt ở một năm nào đó đến %d (có "
		             "thể tụt lại sau đó): %s"), s->horizon,
		             lt_cli_prob_text(x->reached[last], n, lang, q, sizeof q));
	lt_doc_field(d, "p_target", "p_target", NULL,
	             lt_cell_number(lt_mc_prob(x->met_target, n, &se), 0, 0, NULL),
	             LT_SHOW_JSON);
	lt_doc_field(d, "p_target_se", "p_target_se", NULL,
	             lt_cell_number(se, 0, 0, NULL), LT_SHOW_JSON);
	lt_doc_field(d, "draws_met", "draws_met", NULL,
	             lt_cell_int((long long)x->met_target), LT_SHOW_JSON);
	lt_doc_field(d, "p_not_by_horizon", "p_not_by_horizon", NULL,
	             lt_cell_number(1.0 - lt_mc_prob(x->reached[last], n, NULL), 0,
	             0, NULL), LT_SHOW_JSON);
}

static void indicator_doc(lt_doc *root, const lt_scenario *s,
                          const lt_simulation *r, const struct lt_cli_mc *mc,
                          size_t k, lt_lang lang)
{
	const lt_indicator *ind = &s->indicators[k];
	const lt_sim_indicator *x = &r->ind[k];
	char title[512], tt[96], a[48], b[48], why[256];
	lt_doc *d;
	unsigned jshow = LT_SHOW_JSON;

	snprintf(title, sizeof title, "%s (%s), %s", lt_indicator_name(ind, lang),
	         ind->id, lt_indicator_unit(ind, lang));
	d = lt_doc_list_item(root, "indicators", title, NULL, LT_SHOW_ALL);
	if (d == NULL)
		return;
	lt_doc_field(d, "id", "id", NULL, lt_cell_text(ind->id), jshow);
	lt_doc_field(d, "simulated", "simulated", NULL, lt_cell_bool(x->dynamic),
	             jshow);
	lt_doc_field(d, "note", "note", NULL, lt_cell_text(x->why), jshow);
	if (!x->dynamic) {
		lt_doc_linef(d, LT_TR(lang, "not simulated: %s", "không mô phỏng: %s"),
		             lt_cli_origin_text(x->why, lang, why, sizeof why));
		return;
	}
	lt_doc_linef(d, LT_TR(lang, "r = %s a year (%s)", "r = %s/năm (%s)"),
	             lt_format_sig(x->r, 4, 0, lang, a, sizeof a),
	             lt_cli_origin_text(x->why, lang, why, sizeof why));
	lt_doc_linef(d, LT_TR(lang, "beta = %s a year per point of GRDP (%s)",
	                      "beta = %s/năm trên mỗi điểm %% GRDP (%s)"),
	             lt_format_sig(x->beta, 4, 0, lang, a, sizeof a),
	             lt_cli_origin_text(x->beta_why, lang, why, sizeof why));
	lt_doc_field(d, "r", "r", NULL, num(x->r, 0), jshow);
	lt_doc_field(d, "beta", "beta", NULL, num(x->beta, 0), jshow);
	lt_doc_field(d, "year_met", "year_met", NULL, x->year_met > 0
	             ? lt_cell_year(x->year_met) : lt_cell_missing(NULL), jshow);
	lt_doc_field(d, "bau_year_met", "bau_year_met", NULL, x->bau_year_met > 0
	             ? lt_cell_year(x->bau_year_met) : lt_cell_missing(NULL),
	             jshow);
	values_table(d, s, r, mc, k);
	if (lang == LT_LANG_VI)
		lt_doc_linef(d, "mục tiêu %s: %s; xu hướng hiện tại: %s",
		             lt_target_phrase(ind, lang, tt, sizeof tt),
		             met_text(x->year_met, s->horizon, lang, a, sizeof a),
		             met_text(x->bau_year_met, s->horizon, lang, b, sizeof b));
	else
		lt_doc_linef(d, "target %s in %d: %s; business as usual: %s",
		             lt_target_text(ind, 6, 0, tt, sizeof tt),
		             ind->target.year, met_text(x->year_met, s->horizon, lang,
		             a, sizeof a), met_text(x->bau_year_met, s->horizon, lang,
		             b, sizeof b));
	if (mc->on) {
		mc_lines(d, s, mc, k, lang);
		checkpoints(d, s, mc, k, lang);
	}
}

/* What the draws were, in words and as data (never the thread count: the
 * numbers do not depend on it). */
static void mc_header(lt_doc *d, const struct lt_cli_mc *mc, lt_lang lang)
{
	lt_doc_linef(d, LT_TR(lang, "Monte Carlo: %zu draws of %zu uncertain "
	             "parameters%s, seed %llu", "Monte Carlo: %zu lượt rút %zu "
	             "tham số bất định%s, seed %llu"), mc->r.draws,
	             mc->r.n_uncertain, !mc->r.shocks ? "" : LT_TR(lang,
	             " and yearly shocks", " và cú sốc hằng năm"),
	             (unsigned long long)mc->o.seed);
	lt_doc_field(d, "draws", "draws", NULL, lt_cell_int((long long)
	             mc->r.draws), LT_SHOW_JSON);
	lt_doc_field(d, "seed", "seed", NULL, lt_cell_int((long long)mc->o.seed),
	             LT_SHOW_JSON);
	lt_doc_field(d, "shocks", "shocks", NULL, lt_cell_bool(mc->r.shocks),
	             LT_SHOW_JSON);
}

/* The whole result as a document (caller frees). */
lt_doc *lt_cli_simulate_doc(const lt_scenario *s, const lt_simulation *r,
                            const struct lt_cli_mc *mc,
                            const lt_cli_opts *o)
{
	lt_lang lang = o->lang;
	char title[512], buf[160], a[32];
	lt_doc *d;
	size_t k, j;

	snprintf(title, sizeof title, LT_TR(lang, "Simulation — %s (%s)",
	                                    "Mô phỏng — %s (%s)"),
	         LT_TR(lang, s->province.name, s->province.name_vi), s->path);
	d = lt_doc_alloc(title, NULL);
	if (d == NULL)
		return NULL;
	lt_doc_field(d, "scenario", "Scenario", NULL, lt_cell_text(s->path),
	             LT_SHOW_JSON);
	lt_doc_field(d, "first_year", "first_year", NULL,
	             lt_cell_year(r->plan.t0), LT_SHOW_JSON);
	lt_doc_linef(d, LT_TR(lang, "Schedule: %s", "Lộ trình chi: %s"),
	             lt_cli_schedule_text(s, &r->schedule, lang, buf, sizeof buf));
	lt_doc_linef(d, LT_TR(lang, "Business as usual: today's share, %s%% of "
	             "the base, kept", "Xu hướng hiện tại: giữ tỷ lệ chi hiện "
	             "nay, %s%% cơ sở chi"), lt_format_sig(r->today_share, 4, 0,
	             lang, a, sizeof a));
	/* the JSON field keeps the English words, whatever the language */
	lt_cli_schedule_text(s, &r->schedule, LT_LANG_EN, buf, sizeof buf);
	lt_doc_field(d, "schedule", "schedule", NULL, lt_cell_text(buf),
	             LT_SHOW_JSON);
	lt_doc_field(d, "bau_share_pct", "bau_share_pct", NULL,
	             num(r->today_share, 0), LT_SHOW_JSON);
	if (mc->on)
		mc_header(d, mc, lang);
	budget_table(lt_doc_child(d, "budget", NULL, NULL, LT_SHOW_TEXT), s,
	             &r->plan, &r->bau, lang);
	years_json(d, s, &r->plan, &r->bau);
	lt_doc_list(d, "indicators", LT_SHOW_ALL);
	if (o->n_ids == 0)
		for (k = 0; k < s->n_indicators; k++)
			indicator_doc(d, s, r, mc, k, lang);
	for (j = 0; j < o->n_ids; j++)
		indicator_doc(d, s, r, mc, (size_t)lt_scenario_find_indicator(s,
		              o->ids[j]), lang);
	if (mc->on && mc->r.n_targets > 0) {
		char p[128];

		lt_doc_line(d, "");
		lt_doc_linef(d, LT_TR(lang, "All %zu simulated targets met together: "
		             "%s", "Cả %zu mục tiêu được mô phỏng cùng đạt: %s"),
		             mc->r.n_targets, lt_cli_prob_text(mc->r.met_all,
		             mc->r.draws, lang, p, sizeof p));
		lt_doc_field(d, "p_all_targets", "p_all_targets", NULL,
		             lt_cell_number(lt_mc_prob(mc->r.met_all, mc->r.draws,
		             NULL), 0, 0, NULL), LT_SHOW_JSON);
	}
	return d;
}

static int run(const lt_scenario *s, const lt_schedule *sc,
               struct lt_cli_mc *mc, const lt_cli_opts *o)
{
	lt_cli_progress pr;
	lt_simulation r;
	lt_doc *doc;
	lt_diag d;
	int rc;

	lt_diag_init(&d, s->path);
	rc = lt_simulate_run(s, sc, &r, &d);
	if (rc == LT_OK && mc->on) {
		if (lt_cli_progress_start(&pr, "Monte Carlo", "draws")) {
			mc->o.progress = lt_cli_progress_show;
			mc->o.progress_data = &pr;
		}
		rc = lt_simulate_mc(s, sc, &mc->o, &mc->r, &d);
		lt_cli_progress_end(&pr);
		if (rc != LT_OK)
			lt_simulation_destroy(&r);
	}
	lt_cli_print_diag(&d);
	lt_diag_destroy(&d);
	if (rc != LT_OK)
		return lt_cli_exit_status(rc);
	doc = lt_cli_simulate_doc(s, &r, mc, o);
	/* a NULL document renders as "out of memory" */
	rc = lt_cli_emit(doc, o, (const char *const[]){s->path}, 1);
	lt_doc_free(doc);
	lt_simulation_destroy(&r);
	if (mc->on)
		lt_mc_result_destroy(&mc->r);
	return rc;
}

int lt_cmd_simulate(int argc, char **argv)
{
	static const struct option opts[] = {
		{"draws", required_argument, NULL, LT_OPT_DRAWS},
		{"format", required_argument, NULL, LT_OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{"indicator", required_argument, NULL, LT_OPT_INDICATOR},
		{"lang", required_argument, NULL, LT_OPT_LANG},
		{"out", required_argument, NULL, LT_OPT_OUT},
		{"ramp", required_argument, NULL, LT_OPT_RAMP},
		{"schedule", required_argument, NULL, LT_OPT_SCHEDULE},
		{"seed", required_argument, NULL, LT_OPT_SEED},
		{"share", required_argument, NULL, LT_OPT_SHARE},
		{"threads", required_argument, NULL, LT_OPT_THREADS},
		{NULL, 0, NULL, 0},
	};
	lt_cli_run_opts ro;
	struct lt_cli_mc mc;
	lt_cli_opts o;
	lt_scenario *s = NULL;
	int c, status = LT_EXIT_OK;

	memset(&mc, 0, sizeof mc);
	lt_cli_run_opts_init(&ro);
	lt_cli_opts_init(&o);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		status = lt_cli_help_option("simulate", c, optarg, &o);
		if (status < 0)
			status = lt_cli_run_option("simulate", c, optarg, &ro);
		if (status < 0)
			status = lt_cli_option("simulate", c, optarg, &o);
		if (status < 0)
			status = lt_cli_bad_option("simulate", c, argv);
		if (status != LT_EXIT_OK)
			goto done;
	}
	if (o.help) {
		status = lt_cli_help("simulate", &o);
		goto done;
	}
	status = lt_cli_run_opts_check("simulate", &ro, "--draws N");
	if (status == LT_EXIT_OK)
		status = lt_cli_load_operand("simulate", argc, argv, &s);
	if (status == LT_EXIT_OK)
		status = lt_cli_check_ids("simulate", &o, s);
	if (status == LT_EXIT_OK)
		status = lt_cli_schedule_check("simulate", s, &ro);
	if (status == LT_EXIT_OK) {
		mc.on = ro.draws_given;
		mc.o = ro.mc;
		status = run(s, lt_cli_schedule(&ro), &mc, &o);
	}
done:
	lt_scenario_free(s);
	lt_cli_opts_destroy(&o);
	return status;
}
