/* briefing.c - the planner's briefing (see briefing.h): the content as a
 * list of blocks, then a Markdown and an HTML rendering of the same
 * blocks. */
#include "lotrinh/briefing.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/file.h"
#include "lotrinh/finding.h"

#define L(lang, en, vi) ((lang) == LT_LANG_VI ? (vi) : (en))

/* Largest chart file embedded: a PNG of the charts' size is about 100 kB;
 * 32 MiB refuses a mistaken file without limiting a real chart. */
#define CHART_MAX (32u << 20)

/* ---- blocks ------------------------------------------------------------ */

enum blk_kind { B_H1, B_H2, B_H3, B_P, B_LI, B_HEAD, B_ROW, B_IMG };

struct blk {
	enum blk_kind kind;
	char *text;            /* a heading, paragraph or bullet */
	char **cells;          /* a table row: NCELLS strings */
	size_t ncells;
	const lt_briefing_chart *chart;
};

struct content {
	struct blk *b;
	size_t n, cap;
	int oom;
	lt_lang lang;
};

static struct blk *push(struct content *c, enum blk_kind kind)
{
	if (c->oom)
		return NULL;
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 64;
		struct blk *b = lt_realloc(c->b, cap * sizeof *b);

		if (b == NULL) {
			c->oom = 1;
			return NULL;
		}
		c->b = b;
		c->cap = cap;
	}
	memset(&c->b[c->n], 0, sizeof c->b[c->n]);
	c->b[c->n].kind = kind;
	return &c->b[c->n++];
}

static char *vformat(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *s;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return NULL;
	s = lt_malloc((size_t)n + 1);
	if (s != NULL)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static void text(struct content *c, enum blk_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Add a heading, paragraph or bullet. */
static void text(struct content *c, enum blk_kind kind, const char *fmt, ...)
{
	struct blk *b = push(c, kind);
	va_list ap;

	if (b == NULL)
		return;
	va_start(ap, fmt);
	b->text = vformat(fmt, ap);
	va_end(ap);
	if (b->text == NULL)
		c->oom = 1;
}

/* Add a table row of N cells (copied); HEAD for the header row. */
static void row(struct content *c, int head, const char *const *cells,
                size_t n)
{
	struct blk *b = push(c, head ? B_HEAD : B_ROW);
	size_t i;

	if (b == NULL)
		return;
	b->cells = lt_calloc(n, sizeof *b->cells);
	if (b->cells == NULL) {
		c->oom = 1;
		return;
	}
	b->ncells = n;
	for (i = 0; i < n; i++) {
		size_t len = strlen(cells[i]);

		b->cells[i] = lt_malloc(len + 1);
		if (b->cells[i] == NULL) {
			c->oom = 1;
			return;
		}
		memcpy(b->cells[i], cells[i], len + 1);
	}
}

static void image(struct content *c, const lt_briefing_chart *ch)
{
	struct blk *b = push(c, B_IMG);

	if (b != NULL)
		b->chart = ch;
}

static void content_free(struct content *c)
{
	size_t i, j;

	for (i = 0; i < c->n; i++) {
		free(c->b[i].text);
		for (j = 0; c->b[i].cells != NULL && j < c->b[i].ncells; j++)
			free(c->b[i].cells[j]);
		free(c->b[i].cells);
	}
	free(c->b);
}

/* ---- numbers in words -------------------------------------------------- */

/* V with DEC decimals in the briefing's language. */
static const char *num(const struct content *c, double v, int dec, char *buf,
                       size_t size)
{
	return lt_format_number(v, dec, 1, c->lang, buf, size);
}

/* COUNT of N as a probability: "0.29 (±0.01)", or the rule of three's
 * bound when none or all of the draws meet it. */
static const char *prob(const struct content *c, size_t count, size_t n,
                        char *buf, size_t size)
{
	char a[32], b[32];
	double se, p = lt_mc_prob(count, n, &se);

	/* the rule of three's bound 3/N, with its first significant digit */
	int dec = n > 0 ? (int)ceil(log10((double)n / 3.0)) : 0;

	if (n == 0)
		snprintf(buf, size, "–");
	else if (count == 0)
		snprintf(buf, size, "< %s", lt_format_number(3.0 / (double)n, dec, 0,
		         c->lang, a, sizeof a));
	else if (count == n)
		snprintf(buf, size, "> %s", lt_format_number(1.0 - 3.0 / (double)n,
		         dec, 0, c->lang, a, sizeof a));
	else
		snprintf(buf, size, "%s (± %s)",
		         lt_format_number(p, 2, 0, c->lang, a, sizeof a),
		         lt_format_number(se, 2, 0, c->lang, b, sizeof b));
	return buf;
}

static const char *name_of(const struct content *c, const lt_indicator *ind)
{
	return c->lang == LT_LANG_VI ? ind->name_vi : ind->name;
}

static const char *unit_of(const struct content *c, const lt_indicator *ind)
{
	return c->lang == LT_LANG_VI && ind->unit_vi != NULL ? ind->unit_vi
	                                                     : ind->unit;
}

static const char *base_word(const struct content *c, const lt_scenario *s)
{
	return s->budget.base == LT_BASE_RECURRENT
	       ? L(c->lang, "recurrent spending", "chi thường xuyên")
	       : L(c->lang, "total budget spending", "tổng chi ngân sách");
}

/* ---- findings ------------------------------------------------------------ */

/* "Reachable with a constant share of 4.2 % of ..." from a share answer. */
static void reachable(struct content *c, const lt_analysis *a, size_t k)
{
	const lt_share_result *x = &a->solve.answers[k].share;
	char s1[32], s2[32];
	double per_year = NAN;

	switch (x->answer) {
	case LT_ANSWER_FREE:
		text(c, B_LI, "%s", L(c->lang, "Reachable without extra money: at the "
		     "central assumptions the trend alone meets it.",
		     "Đạt được không cần thêm kinh phí: với giả định trung tâm, xu "
		     "hướng hiện tại tự đạt mục tiêu."));
		return;
	case LT_ANSWER_UNREACHABLE:
		text(c, B_LI, L(c->lang, "Not reachable at the central assumptions: "
		     "even 100 %% of %s every year leaves it at %s %s in the target "
		     "year.", "Không đạt được với giả định trung tâm: dù chi 100%% "
		     "%s mỗi năm, năm mục tiêu chỉ đạt %s %s."), base_word(c, a->s),
		     num(c, x->at_full, 2, s1, sizeof s1),
		     unit_of(c, &a->s->indicators[k]));
		return;
	case LT_ANSWER_CEILING:
		text(c, B_LI, "%s", L(c->lang, "Never reached in the model: the target "
		     "lies at or past the ceiling the indicator only approaches.",
		     "Mô hình không bao giờ đạt: mục tiêu nằm ở hoặc vượt mức trần "
		     "mà chỉ tiêu chỉ tiệm cận."));
		return;
	case LT_ANSWER_NO_DYNAMICS:
		return;
	case LT_ANSWER_SOLVED:
		break;
	}
	if (a->has_prob)
		lt_solve_mc_money(&a->prob, x->share, &per_year);
	text(c, B_LI, L(c->lang, "Reachable with a constant share of %s %% of %s "
	     "every year (about %s billion VND a year), at the central "
	     "assumptions.", "Đạt được nếu chi ổn định %s%% %s mỗi năm (khoảng "
	     "%s tỷ đồng/năm), với giả định trung tâm."),
	     num(c, x->share, 2, s1, sizeof s1), base_word(c, a->s),
	     isnan(per_year) ? "–" : num(c, per_year / 1000.0, 0, s2, sizeof s2));
}

/* How likely: at the plan's rule, under the plan's own schedule, and
 * under business as usual; by when. */
static void likelihood(struct content *c, const lt_analysis *a, size_t k)
{
	const lt_mc_indicator *x = &a->mc.ind[k];
	char p1[64], p2[64], r[32];
	size_t count;
	int y;

	if (lt_analysis_count_at_rule(a, k, &count))
		text(c, B_LI, L(c->lang, "Probability at the plan's rule (%s %% of %s "
		     "every year): %s.", "Xác suất nếu chi đúng quy định (%s%% %s mỗi "
		     "năm): %s."), num(c, a->s->budget.rule_min_share_pct, 2, r,
		     sizeof r), base_word(c, a->s),
		     prob(c, count, a->prob.draws, p1, sizeof p1));
	if (a->has_mc && x->has_target)
		text(c, B_LI, L(c->lang, "Probability under the plan's own schedule: "
		     "%s; under business as usual: %s.", "Xác suất theo lộ trình chi "
		     "của đề án: %s; nếu giữ xu hướng hiện tại: %s."),
		     prob(c, x->met_target, a->mc.draws, p1, sizeof p1),
		     a->has_mc_bau ? prob(c, a->mc_bau.ind[k].met_target,
		                          a->mc_bau.draws, p2, sizeof p2) : "–");
	y = a->has_mc ? lt_analysis_median_year(&a->mc, k) : 0;
	if (y > 0)
		text(c, B_LI, L(c->lang, "By when: half of the draws have met it by "
		     "%d under the plan's schedule (central run: %s).", "Thời điểm: "
		     "một nửa số lần mô phỏng đạt mục tiêu trước hoặc trong năm %d "
		     "theo lộ trình chi của đề án (kịch bản trung tâm: %s)."), y,
		     a->sim.ind[k].year_met > 0 ? (snprintf(r, sizeof r, "%d",
		     a->sim.ind[k].year_met), r) : L(c->lang, "not by the horizon",
		     "chưa đạt trong kỳ"));
	else if (a->has_mc)
		text(c, B_LI, L(c->lang, "By when: fewer than half of the draws meet "
		     "it by %d.", "Thời điểm: chưa tới một nửa số lần mô phỏng đạt "
		     "mục tiêu trước năm %d."), a->s->horizon);
}

/* The mid-term checkpoints of indicator K. */
static void checkpoints(struct content *c, const lt_analysis *a, size_t k)
{
	const lt_indicator *ind = &a->s->indicators[k];
	char v[32], m[32];
	size_t i;

	for (i = 0; a->has_mc && i < a->mc.n_checkpoints; i++) {
		const lt_mc_checkpoint *ck = &a->mc.checkpoints[i];

		if (ck->k != k)
			continue;
		if (!isnan(ck->crossing) && lt_target_sense(ind) > 0)
			text(c, B_LI, L(c->lang, "Checkpoint %d: the roadmap says %s %s; "
			     "a value above %s makes the %d target more likely than "
			     "not.", "Mốc kiểm tra %d: lộ trình đặt %s %s; nếu đạt trên %s "
			     "thì khả năng đạt mục tiêu %d lớn hơn không đạt."), ck->year,
			     num(c, ck->milestone, 2, m, sizeof m), unit_of(c, ind),
			     num(c, ck->crossing, 2, v, sizeof v), ind->target.year);
		else if (!isnan(ck->crossing))
			text(c, B_LI, L(c->lang, "Checkpoint %d: the roadmap says %s %s; "
			     "a value below %s makes the %d target more likely than "
			     "not.", "Mốc kiểm tra %d: lộ trình đặt %s %s; nếu dưới %s "
			     "thì khả năng đạt mục tiêu %d lớn hơn không đạt."), ck->year,
			     num(c, ck->milestone, 2, m, sizeof m), unit_of(c, ind),
			     num(c, ck->crossing, 2, v, sizeof v), ind->target.year);
		else
			text(c, B_LI, L(c->lang, "Checkpoint %d: the roadmap says %s %s; "
			     "no value in that year changes the odds of the %d target "
			     "much.", "Mốc kiểm tra %d: lộ trình đặt %s %s; giá trị năm đó "
			     "hầu như không làm thay đổi khả năng đạt mục tiêu %d."),
			     ck->year, num(c, ck->milestone, 2, m, sizeof m),
			     unit_of(c, ind), ind->target.year);
	}
}

/* The assumptions that matter most for indicator K: the largest total
 * Sobol indices of its target-year value, else the widest tornado bars. */
static void assumptions(struct content *c, const lt_analysis *a, size_t k)
{
	const lt_sens_target *t;
	const lt_sens_result *r = &a->sens;
	char s1[32], name[256];
	size_t j;

	if (!a->has_sens || k >= r->ni || r->ind[k].status != LT_SENS_TARGET)
		return;
	t = &r->ind[k];
	if (r->has_sobol && t->st_value != NULL && r->n_factors > 0 &&
	    !r->sobol.out[t->out_value].degenerate) {
		size_t f = t->st_value[0];
		double st = r->sobol.out[t->out_value].st[f];

		if (isfinite(st)) {
			/* an estimate, which sampling noise can push past 1 */
			st = st < 0.0 ? 0.0 : st > 1.0 ? 1.0 : st;
			text(c, B_LI, L(c->lang, "The assumption that matters most: %s "
			     "(with its interactions, %s %% of the spread of the "
			     "target-year value).", "Giả định quan trọng nhất: %s (cùng "
			     "các tương tác, %s%% độ phân tán của giá trị năm mục tiêu)."),
			     lt_param_phrase(a->s, lt_sens_factor_name(r, f), c->lang,
			     name, sizeof name), num(c, 100.0 * st, 0, s1, sizeof s1));
			return;
		}
	}
	for (j = 0; j < r->n_params && t->by_value != NULL; j++) {
		const lt_sens_bar *b = &t->bars[t->by_value[j]];

		text(c, B_LI, L(c->lang, "The assumption that matters most: %s (from "
		     "its 10th to its 90th percentile the target-year value moves "
		     "by %s).", "Giả định quan trọng nhất: %s (từ phân vị 10 đến 90, "
		     "giá trị năm mục tiêu thay đổi %s)."),
		     lt_param_phrase(a->s, r->params[b->param].name, c->lang, name,
		     sizeof name),
		     num(c, fabs(b->value_hi - b->value_lo), 2, s1, sizeof s1));
		return;
	}
}

/* The audit's warnings and errors about indicator K. */
static void audit_of(struct content *c, const lt_analysis *a, const char *id)
{
	size_t i;

	char buf[1024];

	for (i = 0; i < a->audit.n; i++) {
		const lt_finding *f = &a->audit.items[i];

		if (f->severity == LT_SEV_INFO || strcmp(f->subject, id) != 0)
			continue;
		text(c, B_LI, "%s %s", f->severity == LT_SEV_ERROR
		     ? L(c->lang, "Audit, error:", "Rà soát, lỗi:")
		     : L(c->lang, "Audit, warning:", "Rà soát, cảnh báo:"),
		     lt_finding_text(f, c->lang, buf, sizeof buf));
	}
}

static void charts_of(struct content *c, const lt_briefing_opts *o, int k)
{
	size_t i;

	for (i = 0; i < o->n_charts; i++)
		if (o->charts[i].k == k)
			image(c, &o->charts[i]);
}

/* One target's findings. */
static void finding(struct content *c, const lt_analysis *a,
                    const lt_briefing_opts *o, size_t k)
{
	const lt_indicator *ind = &a->s->indicators[k];
	char t[160], v[32];

	text(c, B_H3, "%s: %s", name_of(c, ind), lt_target_phrase(ind, c->lang, t,
	     sizeof t));
	if (lt_indicator_target_only(ind)) {
		text(c, B_LI, "%s", L(c->lang, "No baseline in the documents: progress "
		     "cannot be measured, and the model does not run it.", "Văn bản "
		     "không nêu hiện trạng: không đo được tiến độ, mô hình không mô "
		     "phỏng chỉ tiêu này."));
	} else {
		if (ind->kind == LT_KIND_RANK)
			text(c, B_LI, L(c->lang, "Baseline: rank %s of %d (%d).",
			     "Hiện trạng: hạng %s/%d (%d)."), num(c, ind->baseline, 0, v,
			     sizeof v), ind->rank_of, ind->baseline_year);
		else
			text(c, B_LI, L(c->lang, "Baseline: %s %s (%d).", "Hiện trạng: "
			     "%s %s (%d)."), num(c, ind->baseline, 2, v, sizeof v),
			     unit_of(c, ind), ind->baseline_year);
		if (lt_target_met_at_baseline(ind))
			text(c, B_LI, "%s", L(c->lang, "The baseline already meets the "
			     "target: it asks for no progress.", "Hiện trạng đã đạt mục "
			     "tiêu: mục tiêu không đòi hỏi tiến bộ thêm."));
	}
	if (a->has_sim && a->sim.ind[k].dynamic) {
		reachable(c, a, k);
		likelihood(c, a, k);
		checkpoints(c, a, k);
		assumptions(c, a, k);
	} else if (!lt_indicator_target_only(ind)) {
		text(c, B_LI, "%s", ind->kind == LT_KIND_RANK
		     ? L(c->lang, "A rank: it gets paths and an audit, no simulation "
		         "(a province's rank depends on the others).", "Thứ hạng: có "
		         "lộ trình yêu cầu và kiểm tra, không mô phỏng (thứ hạng phụ "
		         "thuộc các tỉnh khác).")
		     : L(c->lang, "Not simulated (no channel of spending drives it).",
		         "Không mô phỏng (không gắn với kênh chi nào)."));
	}
	audit_of(c, a, ind->id);
	charts_of(c, o, (int)k);
}

/* The order of the findings: simulated targets, then the other targets
 * with a baseline, then the target-only ones. */
static int group_of(const lt_analysis *a, size_t k)
{
	const lt_indicator *ind = &a->s->indicators[k];

	if (a->has_sim && a->sim.ind[k].dynamic)
		return 0;
	return lt_indicator_target_only(ind) ? 2 : 1;
}

static void overview(struct content *c, const lt_analysis *a)
{
	const lt_scenario *s = a->s;
	size_t k, sim = 0, only = 0;
	char p[64], sh[32];

	for (k = 0; k < s->n_indicators; k++) {
		sim += (size_t)(group_of(a, k) == 0);
		only += (size_t)(group_of(a, k) == 2);
	}
	text(c, B_P, L(c->lang, "%zu targets: %zu simulated, %zu with a baseline "
	     "but not simulated (ranks), %zu with no baseline in the documents.",
	     "%zu mục tiêu: %zu được mô phỏng, %zu có hiện trạng nhưng không mô "
	     "phỏng (thứ hạng), %zu văn bản không nêu hiện trạng."),
	     s->n_indicators, sim, s->n_indicators - sim - only, only);
	if (a->has_mc && a->mc.n_targets > 0)
		text(c, B_P, L(c->lang, "All simulated targets together, under the "
		     "plan's own schedule: probability %s.", "Đạt đồng thời mọi mục "
		     "tiêu được mô phỏng, theo lộ trình chi của đề án: xác suất %s."),
		     prob(c, a->mc.met_all, a->mc.draws, p, sizeof p));
	if (a->has_solve && a->solve.n_simulated > 0)
		text(c, B_P, "%s", a->solve.all_reachable
		     ? (snprintf(sh, sizeof sh, "%.2f", a->solve.all_share),
		        L(c->lang, "Every simulated target is reachable with one "
		          "constant share at the central assumptions (see the table "
		          "below).", "Mọi mục tiêu được mô phỏng đều đạt được với một "
		          "tỷ lệ chi ổn định, theo giả định trung tâm (xem bảng "
		          "dưới)."))
		     : L(c->lang, "Not every simulated target is reachable with any "
		         "share up to 100 % at the central assumptions.", "Không "
		         "phải mọi mục tiêu được mô phỏng đều đạt được, dù chi tới "
		         "100%, theo giả định trung tâm."));
}

/* ---- tables ------------------------------------------------------------- */

static void roadmap_table(struct content *c, const lt_analysis *a)
{
	const char *head[5];
	char b[48], t[160], buf[64];
	size_t k;

	head[0] = L(c->lang, "Indicator", "Chỉ tiêu");
	head[1] = L(c->lang, "Unit", "Đơn vị");
	head[2] = L(c->lang, "Baseline", "Hiện trạng");
	head[3] = L(c->lang, "Target", "Mục tiêu");
	head[4] = L(c->lang, "Smallest share", "Tỷ lệ chi tối thiểu");
	text(c, B_H2, "%s", L(c->lang, "Targets at a glance", "Tổng hợp mục tiêu"));
	row(c, 1, head, 5);
	for (k = 0; k < a->s->n_indicators; k++) {
		const lt_indicator *ind = &a->s->indicators[k];
		const char *cells[5];

		cells[0] = name_of(c, ind);
		cells[1] = unit_of(c, ind);
		if (lt_indicator_target_only(ind))
			snprintf(b, sizeof b, "%s", L(c->lang, "none", "chưa có"));
		else
			snprintf(b, sizeof b, "%s (%d)", num(c, ind->baseline,
			         ind->kind == LT_KIND_RANK ? 0 : 2, buf, sizeof buf),
			         ind->baseline_year);
		cells[2] = b;
		cells[3] = lt_target_phrase(ind, c->lang, t, sizeof t);
		cells[4] = "–";
		if (a->has_solve) {
			const lt_share_result *x = &a->solve.answers[k].share;

			switch (x->answer) {
			case LT_ANSWER_SOLVED:
				snprintf(buf, sizeof buf, "%s%%", num(c, x->share, 2,
				         buf + 32, 32));
				cells[4] = buf;
				break;
			case LT_ANSWER_FREE:
				cells[4] = L(c->lang, "0% (met anyway)", "0% (tự đạt)");
				break;
			case LT_ANSWER_UNREACHABLE:
				cells[4] = L(c->lang, "not reachable", "không đạt được");
				break;
			case LT_ANSWER_CEILING:
				cells[4] = L(c->lang, "never (ceiling)", "không bao giờ");
				break;
			case LT_ANSWER_NO_DYNAMICS:
				cells[4] = L(c->lang, "not simulated", "không mô phỏng");
				break;
			}
		}
		row(c, 0, cells, 5);
	}
}

/* The audit's errors and warnings on the plan as a whole (budget,
 * programmes, claims), and how many findings there are in all. */
static void plan_audit(struct content *c, const lt_analysis *a)
{
	size_t i, n[3] = {0, 0, 0};
	char buf[1024];

	for (i = 0; i < a->audit.n; i++)
		n[a->audit.items[i].severity]++;
	text(c, B_H2, "%s", L(c->lang, "What the audit found in the plan",
	     "Kết quả rà soát đề án"));
	text(c, B_P, L(c->lang, "%zu errors, %zu warnings and %zu notes in all "
	     "(every one, with its sources, in audit.csv and the workbook).",
	     "Tổng cộng %zu lỗi, %zu cảnh báo và %zu ghi chú (đầy đủ, kèm nguồn, "
	     "trong audit.csv và tệp Excel)."), n[LT_SEV_ERROR],
	     n[LT_SEV_WARNING], n[LT_SEV_INFO]);
	for (i = 0; i < a->audit.n; i++) {
		const lt_finding *f = &a->audit.items[i];

		if (f->severity == LT_SEV_INFO ||
		    lt_scenario_find_indicator(a->s, f->subject) >= 0)
			continue;
		text(c, B_LI, "%s %s", f->severity == LT_SEV_ERROR
		     ? L(c->lang, "Error:", "Lỗi:") : L(c->lang, "Warning:",
		     "Cảnh báo:"), lt_finding_text(f, c->lang, buf, sizeof buf));
	}
}

static void method(struct content *c, const lt_analysis *a,
                   const lt_briefing_opts *o)
{
	text(c, B_H2, "%s", L(c->lang, "Method and limits", "Phương pháp và giới "
	     "hạn"));
	text(c, B_P, "%s", L(c->lang, "Each indicator follows a logistic law "
	     "between its floor and ceiling: it keeps its own trend (business as "
	     "usual), and spending on its channel speeds it up through the "
	     "capital the spending builds, as a share of GRDP. How much a point "
	     "of capital speeds it up (its responsiveness, beta) comes from "
	     "published evidence for each kind of indicator, not from the plan.",
	     "Mỗi chỉ tiêu đi theo đường logistic giữa mức sàn và mức trần: giữ "
	     "xu hướng riêng (xu hướng hiện tại), và chi cho kênh của nó làm tăng "
	     "tốc qua lượng vốn tích lũy, tính theo % GRDP. Mức phản ứng với vốn "
	     "(beta) lấy từ bằng chứng đã công bố cho từng loại chỉ tiêu, không "
	     "lấy từ đề án."));
	text(c, B_P, L(c->lang, "Probabilities come from %zu Monte Carlo draws of "
	     "every uncertain assumption (and yearly shocks where the scenario "
	     "gives them); the same seed gives the same numbers on any number of "
	     "threads. A probability of 0.30 means: in 30 of 100 equally "
	     "plausible worlds the target is met.", "Xác suất tính từ %zu lần mô "
	     "phỏng Monte Carlo trên mọi giả định bất định (và cú sốc hằng năm "
	     "nếu kịch bản có); cùng hạt giống cho cùng kết quả với mọi số luồng. "
	     "Xác suất 0,30 nghĩa là: trong 100 khả năng hợp lý như nhau, 30 khả "
	     "năng đạt mục tiêu."), a->mc.draws);
	text(c, B_P, "%s", L(c->lang, "Limits: ranks are not simulated (a "
	     "province's rank depends on the others); a target with no baseline "
	     "cannot be followed; figures marked as assumptions in the scenario "
	     "file (GRDP, the budget base and its growth, the split between "
	     "channels) move every answer, and the sensitivity section says "
	     "which matter most; the model sees money only, not the quality of "
	     "what it buys.", "Giới hạn: không mô phỏng thứ hạng (thứ hạng phụ "
	     "thuộc các tỉnh khác); mục tiêu không có hiện trạng thì không theo "
	     "dõi được; các số liệu ghi là giả định trong tệp kịch bản (GRDP, "
	     "cơ sở chi và tốc độ tăng, cách chia giữa các kênh) ảnh hưởng mọi "
	     "kết quả, và phần độ nhạy cho biết giả định nào quan trọng nhất; mô "
	     "hình chỉ thấy số tiền, không thấy chất lượng chi tiêu."));
	text(c, B_P, L(c->lang, "Made by lotrinh %s from %s. Every figure in the "
	     "scenario file names its source document and section.", "Tạo bởi "
	     "lotrinh %s từ %s. Mọi số liệu trong tệp kịch bản đều ghi rõ văn bản "
	     "và mục nguồn."), o->version != NULL ? o->version : "",
	     a->s->path);
}

static void build(struct content *c, const lt_analysis *a,
                  const lt_briefing_opts *o)
{
	const lt_scenario *s = a->s;
	size_t k;
	int g;

	text(c, B_H1, L(c->lang, "%s: science, technology, innovation and digital "
	     "transformation targets", "%s: các mục tiêu khoa học, công nghệ, đổi "
	     "mới sáng tạo và chuyển đổi số"), c->lang == LT_LANG_VI
	     ? s->province.name_vi : s->province.name);
	text(c, B_P, L(c->lang, "A briefing on whether the plan's targets are "
	     "reachable, with what money, how likely, and by when. Baseline year "
	     "%d, horizon %d.", "Báo cáo tóm tắt: các mục tiêu của đề án có đạt "
	     "được không, cần bao nhiêu kinh phí, khả năng bao nhiêu và khi nào. "
	     "Năm cơ sở %d, năm cuối kỳ %d."), s->baseline_year, s->horizon);
	text(c, B_H2, "%s", L(c->lang, "Findings", "Kết luận chính"));
	overview(c, a);
	for (g = 0; g < 3; g++)
		for (k = 0; k < s->n_indicators; k++)
			if (group_of(a, k) == g)
				finding(c, a, o, k);
	for (k = 0; k < o->n_charts && o->charts[k].k != -1; k++)
		;
	if (k < o->n_charts) {
		text(c, B_H2, "%s", L(c->lang, "The plan as a whole",
		     "Toàn bộ đề án"));
		charts_of(c, o, -1);
	}
	plan_audit(c, a);
	roadmap_table(c, a);
	method(c, a, o);
}

/* ---- Markdown -------------------------------------------------------------- */

/* Write C as HTML text: '&', '<' and '>' (and, when QUOTES, '"' and '\'')
 * as entities, a line break or tab as a space; returns 1, or 0 when C is
 * none of these (the caller writes it as it is). */
static int put_html_char(lt_sink *out, char c, int quotes)
{
	switch (c) {
	case '&':
		lt_sink_puts(out, "&amp;");
		return 1;
	case '<':
		lt_sink_puts(out, "&lt;");
		return 1;
	case '>':
		lt_sink_puts(out, "&gt;");
		return 1;
	case '"':
		if (quotes)
			lt_sink_puts(out, "&quot;");
		return quotes;
	case '\'':
		if (quotes)
			lt_sink_puts(out, "&#39;");
		return quotes;
	case '\n': case '\r': case '\t':
		lt_sink_write(out, " ", 1);
		return 1;
	default:
		return 0;
	}
}

/* TEXT for Markdown: its punctuation escaped with a backslash, raw HTML
 * made text, line breaks as spaces. */
static void md_text(lt_sink *out, const char *t)
{
	for (; *t != '\0'; t++) {
		if (strchr("\\`*_[]|#{}!", *t) != NULL) {
			lt_sink_write(out, "\\", 1);
			lt_sink_write(out, t, 1);
		} else if (!put_html_char(out, *t, 0)) {
			lt_sink_write(out, t, 1);
		}
	}
}

/* A link target for Markdown: percent-encoded where it could end or
 * break the link. */
static void md_href(lt_sink *out, const char *h)
{
	for (; *h != '\0'; h++) {
		if (*h == '(' || *h == ')' || *h == ' ' || *h == '<' || *h == '>' ||
		    (unsigned char)*h < 0x20)
			lt_sink_printf(out, "%%%02X", (unsigned char)*h);
		else
			lt_sink_write(out, h, 1);
	}
}

static void render_md(const struct content *c, lt_sink *out)
{
	size_t i, j;

	for (i = 0; i < c->n; i++) {
		const struct blk *b = &c->b[i];
		enum blk_kind next = i + 1 < c->n ? c->b[i + 1].kind : B_P;

		switch (b->kind) {
		case B_H1: case B_H2: case B_H3:
			lt_sink_puts(out, b->kind == B_H1 ? "# " : b->kind == B_H2
			             ? "## " : "### ");
			md_text(out, b->text);
			lt_sink_puts(out, "\n\n");
			break;
		case B_P:
			md_text(out, b->text);
			lt_sink_puts(out, "\n\n");
			break;
		case B_LI:
			lt_sink_puts(out, "- ");
			md_text(out, b->text);
			lt_sink_puts(out, next == B_LI ? "\n" : "\n\n");
			break;
		case B_HEAD: case B_ROW:
			for (j = 0; j < b->ncells; j++) {
				lt_sink_puts(out, "| ");
				md_text(out, b->cells[j]);
				lt_sink_puts(out, " ");
			}
			lt_sink_puts(out, "|\n");
			if (b->kind == B_HEAD) {
				for (j = 0; j < b->ncells; j++)
					lt_sink_puts(out, "|---");
				lt_sink_puts(out, "|\n");
			}
			if (next != B_ROW)
				lt_sink_puts(out, "\n");
			break;
		case B_IMG:
			lt_sink_puts(out, "![");
			md_text(out, b->chart->caption);
			lt_sink_puts(out, "](");
			md_href(out, b->chart->href);
			lt_sink_puts(out, ")\n\n");
			break;
		}
	}
}

/* ---- HTML ------------------------------------------------------------------ */

static void html_text(lt_sink *out, const char *t)
{
	for (; *t != '\0'; t++)
		if (!put_html_char(out, *t, 1))
			lt_sink_write(out, t, 1);
}

/* LEN bytes of DATA in base64 (RFC 4648, with padding). */
static void base64(lt_sink *out, const unsigned char *data, size_t len)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstu"
	                          "vwxyz0123456789+/";
	char q[4];
	size_t i;

	for (i = 0; i + 2 < len; i += 3) {
		q[0] = abc[data[i] >> 2];
		q[1] = abc[((data[i] & 3) << 4) | (data[i + 1] >> 4)];
		q[2] = abc[((data[i + 1] & 15) << 2) | (data[i + 2] >> 6)];
		q[3] = abc[data[i + 2] & 63];
		lt_sink_write(out, q, 4);
	}
	if (len - i == 1) {
		q[0] = abc[data[i] >> 2];
		q[1] = abc[(data[i] & 3) << 4];
		q[2] = q[3] = '=';
		lt_sink_write(out, q, 4);
	} else if (len - i == 2) {
		q[0] = abc[data[i] >> 2];
		q[1] = abc[((data[i] & 3) << 4) | (data[i + 1] >> 4)];
		q[2] = abc[(data[i + 1] & 15) << 2];
		q[3] = '=';
		lt_sink_write(out, q, 4);
	}
}

/* The MIME type of an image the HTML can embed, from its name; NULL for
 * one it links (a PDF). */
static const char *mime_of(const char *name)
{
	size_t n = strlen(name);

	if (n >= 4 && strcmp(name + n - 4, ".png") == 0)
		return "image/png";
	if (n >= 4 && strcmp(name + n - 4, ".svg") == 0)
		return "image/svg+xml";
	return NULL;
}

static int html_image(lt_sink *out, const lt_briefing_chart *ch,
                      lt_diag *diag)
{
	const char *mime = mime_of(ch->file);
	char *data = NULL;
	size_t len = 0;
	int rc;

	lt_sink_puts(out, "<figure>");
	if (mime == NULL) {
		lt_sink_puts(out, "<a href=\"");
		html_text(out, ch->href);
		lt_sink_puts(out, "\">");
		html_text(out, ch->caption);
		lt_sink_puts(out, "</a></figure>\n");
		return LT_OK;
	}
	rc = lt_file_read(ch->file, CHART_MAX, "a chart", &data, &len, diag);
	if (rc != LT_OK)
		return rc == LT_ENOMEM ? rc : LT_EIO;
	lt_sink_printf(out, "<img src=\"data:%s;base64,", mime);
	base64(out, (const unsigned char *)data, len);
	lt_sink_puts(out, "\" alt=\"");
	html_text(out, ch->caption);
	lt_sink_puts(out, "\"><figcaption>");
	html_text(out, ch->caption);
	lt_sink_puts(out, "</figcaption></figure>\n");
	free(data);
	return LT_OK;
}

/* A4 in print, nothing past the right edge: images and tables fit the
 * text's width, long words break. */
static const char CSS[] =
	"@page{size:A4;margin:16mm 14mm}"
	"body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:11pt;"
	"line-height:1.4;max-width:180mm;margin:0 auto;padding:0 4mm;"
	"color:#1a1a1a;overflow-wrap:anywhere}"
	"h1{font-size:18pt}h2{font-size:14pt;border-bottom:1px solid #999;"
	"margin-top:1.6em}h3{font-size:12pt;margin-bottom:.3em}"
	"figure{margin:.6em 0;break-inside:avoid}"
	"img{max-width:100%;height:auto}"
	"figcaption{font-size:9pt;color:#444}"
	"table{border-collapse:collapse;width:100%;font-size:9pt;"
	"table-layout:fixed}"
	"th,td{border:1px solid #bbb;padding:2px 4px;text-align:left;"
	"vertical-align:top}th{background:#eee}"
	"ul{padding-left:1.2em}li{margin:.15em 0}";

static int render_html(const struct content *c, lt_sink *out, lt_diag *diag)
{
	size_t i, j;
	int rc = LT_OK;

	lt_sink_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	               "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	               "content=\"width=device-width, initial-scale=1\">\n<title>",
	               c->lang == LT_LANG_VI ? "vi" : "en");
	if (c->n > 0 && c->b[0].kind == B_H1)
		html_text(out, c->b[0].text);
	lt_sink_printf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n", CSS);
	for (i = 0; i < c->n && rc == LT_OK; i++) {
		const struct blk *b = &c->b[i];
		enum blk_kind prev = i > 0 ? c->b[i - 1].kind : B_P;
		enum blk_kind next = i + 1 < c->n ? c->b[i + 1].kind : B_P;
		const char *tag = b->kind == B_H1 ? "h1" : b->kind == B_H2 ? "h2"
		                  : b->kind == B_H3 ? "h3" : "p";

		switch (b->kind) {
		case B_H1: case B_H2: case B_H3: case B_P:
			lt_sink_printf(out, "<%s>", tag);
			html_text(out, b->text);
			lt_sink_printf(out, "</%s>\n", tag);
			break;
		case B_LI:
			if (prev != B_LI)
				lt_sink_puts(out, "<ul>\n");
			lt_sink_puts(out, "<li>");
			html_text(out, b->text);
			lt_sink_puts(out, "</li>\n");
			if (next != B_LI)
				lt_sink_puts(out, "</ul>\n");
			break;
		case B_HEAD: case B_ROW:
			if (prev != B_HEAD && prev != B_ROW)
				lt_sink_puts(out, "<table>\n");
			lt_sink_puts(out, "<tr>");
			for (j = 0; j < b->ncells; j++) {
				lt_sink_puts(out, b->kind == B_HEAD ? "<th>" : "<td>");
				html_text(out, b->cells[j]);
				lt_sink_puts(out, b->kind == B_HEAD ? "</th>" : "</td>");
			}
			lt_sink_puts(out, "</tr>\n");
			if (next != B_ROW)
				lt_sink_puts(out, "</table>\n");
			break;
		case B_IMG:
			rc = html_image(out, b->chart, diag);
			break;
		}
	}
	lt_sink_puts(out, "</body>\n</html>\n");
	return rc;
}

int lt_briefing_write(const lt_analysis *a, const lt_briefing_opts *o,
                      lt_sink *md, lt_sink *html, lt_diag *diag)
{
	struct content c;
	int rc = LT_OK;

	memset(&c, 0, sizeof c);
	c.lang = o->lang;
	build(&c, a, o);
	if (c.oom) {
		content_free(&c);
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	}
	if (md != NULL)
		render_md(&c, md);
	if (html != NULL)
		rc = render_html(&c, html, diag);
	content_free(&c);
	return rc;
}
