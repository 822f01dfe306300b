/* finding.c - an audit finding in words (see finding.h for why the words
 * live here and not in the audit).
 *
 * Each shape of finding (audit.h, lt_finding_form) has one function that
 * writes its Vietnamese sentence from the finding's numbers, years and
 * indicator, in the order the English sentence of audit.c gives them, so
 * the two read alike.  Numbers are formatted as audit.c formats them in
 * English (%.4g for steps, %.10g for values, whole millions for money),
 * with the decimal comma and the thousands dot of Vietnamese documents.
 */
#include "lotrinh/finding.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lotrinh/claims.h"
#include "lotrinh/scenario.h"

/* The output and the finding being worded. */
struct words {
	const lt_finding *f;
	char *buf;
	size_t size;
};

static void say(struct words *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Append printf-style text to the sentence. */
static void say(struct words *w, const char *fmt, ...)
{
	size_t used = strlen(w->buf);
	va_list ap;

	if (used + 1 >= w->size)
		return;
	va_start(ap, fmt);
	vsnprintf(w->buf + used, w->size - used, fmt, ap);
	va_end(ap);
}

/* The value NAME of F (audit.c's val()), NAN when it has none. */
static double value(const lt_finding *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->n_values; i++)
		if (strcmp(f->values[i].name, name) == 0)
			return f->values[i].value;
	return NAN;
}

/* ---- numbers as Vietnamese documents write them ------------------------ */

/* Rotating buffers, so that one sentence can hold several numbers. */
#define NUM_BUFS 8
#define NUM_SIZE 48

struct nums {
	char b[NUM_BUFS][NUM_SIZE];
	int next;
};

static char *slot(struct nums *n)
{
	return n->b[n->next++ % NUM_BUFS];
}

/* V with DIGITS significant digits (%.*g), a sign when SIGN. */
static const char *g(struct nums *n, double v, int digits, int sign)
{
	return lt_format_sig(v, digits, sign, LT_LANG_VI, slot(n), NUM_SIZE);
}

/* V with DEC decimals, grouped (money: DEC 0), a sign when SIGN. */
static const char *fixed(struct nums *n, double v, int dec, int sign)
{
	char *p = slot(n);

	lt_format_number(v, dec, 0, LT_LANG_VI, p + 1, NUM_SIZE - 1);
	if (sign && v > 0.0 && strpbrk(p + 1, "123456789") != NULL)
		p[0] = '+';
	else
		memmove(p, p + 1, strlen(p + 1) + 1);
	return p;
}

/* ---- the indicators' findings ------------------------------------------ */

/* " tính từ giá trị thực tế gần nhất" when the step is the first. */
static const char *from_latest(int first)
{
	return first ? " tính từ giá trị thực tế gần nhất" : "";
}

static void step_sentence(struct words *w, struct nums *n)
{
	const lt_finding *f = w->f;
	const lt_indicator *ind = f->ind;
	const char *unit = lt_step_unit_lang(ind, LT_LANG_VI);
	double step = value(f, "step_per_year");

	switch (f->form) {
	case LT_FORM_STEP_AGAINST:
		say(w, "mốc năm %d (%s) %s %s (%s năm %d) trong khi mục tiêu đòi "
		    "hỏi %s", f->k[0], g(n, value(f, "to"), 10, 0), f->k[3]
		    ? "thấp hơn" : "cao hơn", f->k[2] ? "giá trị thực tế gần nhất"
		    : "mốc liền trước", g(n, value(f, "from"), 10, 0), f->k[1],
		    f->k[3] ? "tăng" : "giảm");
		break;
	case LT_FORM_STEP_PACE:
		say(w, "mức thay đổi đến mốc năm %d, %s %s/năm%s, gấp %s lần tốc "
		    "độ hợp lý %s/năm", f->k[0], g(n, step, 4, 1), unit,
		    from_latest(f->k[2]), g(n, fabs(step) / value(f,
		    "pace_max_step"), 3, 0), g(n, value(f, "pace_max_step"), 4, 0));
		break;
	case LT_FORM_STEP_HISTORY:
		say(w, "mức thay đổi đến mốc năm %d, %s %s/năm%s, lớn hơn mọi mức "
		    "thay đổi trong số liệu quá khứ của chỉ tiêu (lớn nhất %s, đến "
		    "năm %d)",
		    f->k[0], g(n, step, 4, 1), unit, from_latest(f->k[2]),
		    g(n, value(f, "history_max_step"), 4, 1), f->k[4]);
		break;
	case LT_FORM_STEP_REVERSES:
		say(w, "bước đầu tiên, %s %s/năm đến năm %d, đảo chiều thay đổi "
		    "quan sát gần nhất (%s/năm đến năm %d)", g(n, step, 4, 1), unit,
		    f->k[0], g(n, value(f, "history_max_step"), 4, 1), f->k[4]);
		break;
	default: /* LT_FORM_STEP_WITHIN */
		say(w, "mức thay đổi đến mốc năm %d là %s %s/năm%s%s", f->k[0],
		    g(n, step, 4, 1), unit, from_latest(f->k[2]),
		    f->k[5] == 1 ? ", trong tốc độ hợp lý" : f->k[5] == 2
		    ? ", trong phạm vi số liệu quá khứ của chỉ tiêu"
		    : " (không có số liệu quá khứ hay giới hạn tốc độ để so sánh)");
		break;
	}
}

/* The final milestone against the target. */
static void final_sentence(struct words *w, struct nums *n)
{
	const lt_finding *f = w->f;
	const lt_indicator *ind = f->ind;
	char tt[96];

	lt_target_phrase(ind, LT_LANG_VI, tt, sizeof tt);
	switch (f->form) {
	case LT_FORM_FINAL_NONE:
		say(w, "không có mốc nào đến năm mục tiêu %d", ind->target.year);
		break;
	case LT_FORM_FINAL_MEETS:
		say(w, "mốc năm %d (%s) đạt mục tiêu %s%s", f->k[0],
		    g(n, value(f, "milestone"), 10, 0), tt,
		    f->k[0] < ind->target.year ? ", sớm hơn năm mục tiêu" : "");
		break;
	case LT_FORM_FINAL_EXCEEDS:
		say(w, "mốc năm %d (%s) vượt khoảng mục tiêu %s", f->k[0],
		    g(n, value(f, "milestone"), 10, 0), tt);
		break;
	default: /* LT_FORM_FINAL_MISSES */
		say(w, "mốc năm %d (%s) không đạt mục tiêu %s%s", f->k[0],
		    g(n, value(f, "milestone"), 10, 0), tt,
		    f->k[0] == ind->target.year ? ": lộ trình mâu thuẫn với chính "
		    "mục tiêu của nó" : "; lộ trình không có mốc ở năm mục tiêu");
		break;
	}
}

/* The target against the baseline, the trend and the pace. */
static void target_sentence(struct words *w, struct nums *n)
{
	const lt_finding *f = w->f;
	const lt_indicator *ind = f->ind;
	const char *unit = lt_step_unit_lang(ind, LT_LANG_VI);
	double need = value(f, "needed_per_year"), pace = value(f,
	       "pace_max_step");
	char tt[96];

	lt_target_phrase(ind, LT_LANG_VI, tt, sizeof tt);
	switch (f->form) {
	case LT_FORM_HOLDS_RANK:
		say(w, "mục tiêu %s chỉ giữ hạng hiện nay, hạng %s/%d (%d)", tt,
		    fixed(n, ind->baseline, 0, 0), ind->rank_of, ind->baseline_year);
		break;
	case LT_FORM_MET_AT_BASELINE:
		say(w, "hiện trạng %s (%d) đã đạt mục tiêu %s: mục tiêu không đòi "
		    "hỏi tiến bộ nào", g(n, ind->baseline, 6, 0), ind->baseline_year,
		    tt);
		break;
	case LT_FORM_AGAINST_TREND:
		say(w, "mục tiêu cần %s %s/năm đến năm %d, nhưng thay đổi quan sát "
		    "gần nhất là %s/năm (%d đến %d): mục tiêu đảo chiều xu thế",
		    g(n, need, 4, 1), unit, f->k[0], g(n, value(f,
		    "latest_per_year"), 4, 1), f->k[1], f->k[2]);
		break;
	case LT_FORM_PACE_ABOVE:
		say(w, "mục tiêu cần bình quân %s %s/năm đến năm %d, gấp %s lần tốc "
		    "độ hợp lý %s/năm", g(n, need, 4, 1), unit, f->k[0],
		    g(n, fabs(need) / pace, 3, 0), g(n, pace, 4, 0));
		break;
	case LT_FORM_PACE_WITHIN:
		say(w, "mục tiêu cần bình quân %s %s/năm đến năm %d, trong tốc độ "
		    "hợp lý %s/năm", g(n, need, 4, 1), unit, f->k[0],
		    g(n, pace, 4, 0));
		break;
	case LT_FORM_NO_BASELINE:
		say(w, "văn bản chưa có hiện trạng: không đo được tiến độ (mục tiêu "
		    "%s được đặt mà không có giá trị xuất phát)", tt);
		break;
	default: /* LT_FORM_NO_MILESTONES */
		say(w, "lộ trình không có mốc từng năm: chỉ kiểm tra được mục tiêu "
		    "(%d)", ind->target.year);
		break;
	}
}

/* The later target (the vision) against the pace. */
static void later_sentence(struct words *w, struct nums *n)
{
	const lt_finding *f = w->f;
	const lt_indicator *ind = f->ind;
	lt_indicator v = lt_indicator_vision(ind);
	double need = value(f, "needed_per_year");
	char tt[96];

	lt_target_phrase(&v, LT_LANG_VI, tt, sizeof tt);
	say(w, "mục tiêu tầm nhìn %s cần bình quân %s %s/năm từ mục tiêu năm %d",
	    tt, g(n, need, 4, 1), lt_step_unit_lang(ind, LT_LANG_VI),
	    ind->target.year);
	if (f->form == LT_FORM_LATER_ABOVE)
		say(w, ", gấp %s lần tốc độ hợp lý %s/năm", g(n, fabs(need) /
		    ind->pace_max_step, 3, 0), g(n, ind->pace_max_step, 4, 0));
	else if (ind->has_pace)
		say(w, ", trong tốc độ hợp lý");
}

static void merged_sentence(struct words *w, struct nums *n)
{
	const lt_finding *f = w->f;
	const lt_indicator *ind = f->ind;

	if (f->form == LT_FORM_MERGED_AGREES)
		say(w, "hiện trạng %s khớp với bình quân gia quyền của các tỉnh "
		    "hợp nhất, %s (sai khác tối đa %s)", g(n, ind->baseline, 10, 0),
		    fixed(n, ind->merged_baseline, 4, 0), g(n, f->x, 3, 0));
	else
		say(w, "hiện trạng %s lệch %s so với bình quân gia quyền của các "
		    "tỉnh hợp nhất, %s", g(n, ind->baseline, 10, 0),
		    fixed(n, ind->baseline - ind->merged_baseline, 4, 1),
		    fixed(n, ind->merged_baseline, 4, 0));
}

/* ---- the programmes and the budget ---------------------------------------- */

/* What a programme sum adds up (lt_implied_of), as a phrase. */
static void sum_what(struct words *w)
{
	switch ((lt_implied_of)w->f->k[0]) {
	case LT_OF_GROUP_TASKS:
		say(w, "nhóm %s", w->f->group);
		break;
	case LT_OF_PART_TASKS:
		say(w, "mọi nhiệm vụ");
		break;
	case LT_OF_GROUP_TOTALS:
		say(w, "các tổng nhóm được in");
		break;
	case LT_OF_PLAN_TASKS:
		say(w, "nhiệm vụ của mọi phần");
		break;
	case LT_OF_PART_TOTALS:
		say(w, "tổng ghi của các phần");
		break;
	}
}

static const char *amount_words(int field)
{
	return field == LT_FIELD_STATE ? "ngân sách nhà nước"
	       : field == LT_FIELD_OTHER ? "nguồn khác" : "tổng kinh phí";
}

static const char *base_words(int base)
{
	return base == LT_BASE_RECURRENT ? "chi thường xuyên"
	                                 : "tổng chi ngân sách";
}

static void programme_sentence(struct words *w, struct nums *n)
{
	const lt_finding *f = w->f;

	switch (f->form) {
	case LT_FORM_UNCOSTED:
		say(w, "%d trên %d nhiệm vụ không có kinh phí ngân sách nhà nước "
		    "(đề án không dự toán)", f->k[0], f->k[1]);
		break;
	case LT_FORM_SUM_AGREES:
		sum_what(w);
		say(w, ": các khoản %s cộng lại bằng đúng tổng đề án ghi, %s triệu "
		    "đồng", amount_words(f->k[1]), fixed(n, value(f, "declared"), 0,
		    0));
		break;
	default: /* LT_FORM_SUM_DIFFERS */
		sum_what(w);
		say(w, ": các khoản %s cộng lại được %s triệu đồng, không phải %s "
		    "như đề án ghi (%s)", amount_words(f->k[1]), fixed(n, value(f,
		    "sum"), 0, 0), fixed(n, value(f, "declared"), 0, 0), fixed(n,
		    value(f, "difference"), 0, 1));
		break;
	}
}

static void budget_sentence(struct words *w, struct nums *n)
{
	const lt_finding *f = w->f;

	switch (f->form) {
	case LT_FORM_SHARE_BELOW:
	case LT_FORM_SHARE:
		say(w, "năm %d, ngân sách nhà nước của các nhiệm vụ, %s triệu đồng, "
		    "bằng %s%% %s (%s triệu)", f->k[0], fixed(n, value(f, "state"),
		    0, 0), fixed(n, value(f, "share"), 2, 0), base_words(f->k[1]),
		    fixed(n, value(f, "base"), 0, 0));
		if (f->form == LT_FORM_SHARE_BELOW)
			say(w, ", dưới mức quy định %s%%", g(n, value(f, "rule"), 4, 0));
		else if (f->k[2])
			say(w, ", đạt mức quy định");
		break;
	case LT_FORM_SPENDING:
		if (f->k[0])
			say(w, "ngân sách nhà nước bình quân mỗi năm của các nhiệm vụ "
			    "(%s triệu đồng) gấp %s lần bình quân %d-%d (%s triệu đồng)",
			    fixed(n, value(f, "planned"), 0, 0), g(n, value(f, "ratio"),
			    3, 0), f->k[1], f->k[2], fixed(n, value(f,
			    "historical_mean"), 0, 0));
		else
			say(w, "tỷ lệ chi lộ trình dự kiến cho năm đầu (%s %%) gấp %s "
			    "lần bình quân %d-%d (%s %%)", g(n, value(f, "planned"), 3,
			    0), g(n, value(f, "ratio"), 3, 0), f->k[1], f->k[2],
			    g(n, value(f, "historical_mean"), 3, 0));
		if (f->k[3])
			say(w, ": đề án cần nguồn kinh phí vượt xa hiện nay");
		break;
	case LT_FORM_RULE_BELOW:
		say(w, "lộ trình chi dự kiến thấp hơn mức quy định %s%% %s trong %s "
		    "năm của giai đoạn %d-%d (%d đến %d), thấp nhất %s%% năm %d",
		    g(n, value(f, "rule"), 4, 0), base_words(f->k[5]),
		    g(n, value(f, "years_below"), 6, 0), f->k[0], f->k[1], f->k[2],
		    f->k[3], g(n, value(f, "lowest_share"), 4, 0), f->k[4]);
		break;
	default: /* LT_FORM_RULE_MET */
		say(w, "lộ trình chi dự kiến đạt ít nhất mức quy định %s%% %s trong "
		    "mọi năm %d-%d (thấp nhất %s%% năm %d)", g(n, value(f, "rule"),
		    4, 0), base_words(f->k[5]), f->k[0], f->k[1],
		    g(n, value(f, "lowest_share"), 4, 0), f->k[4]);
		break;
	}
}

/* ---- the documents' claims ------------------------------------------------ */

/* V as claim C prints it (audit.c's claim_num): to the precision its
 * tolerance implies, else whole numbers as such and others to six
 * significant digits. */
static const char *claim_num(struct nums *n, const lt_claim *c, double v,
                             int sign)
{
	int d = c->tolerance > 0.0
	        ? (int)fmax(0.0, ceil(-log10(2.0 * c->tolerance) - 1e-9))
	        : v == floor(v) ? 0 : -1;

	if (!isfinite(v))
		return "không xác định";
	return d >= 0 ? fixed(n, v, d, sign) : g(n, v, 6, sign);
}

/* A figure a ratio is recomputed from (audit.c's figure_num). */
static const char *figure_num(struct nums *n, double v)
{
	return v == floor(v) && fabs(v) < 1e15 ? fixed(n, v, 0, 0)
	                                       : g(n, v, 6, 0);
}

/* One side of claim C: a period "2025-2030" or a number. */
static const char *claim_side(struct nums *n, const lt_claim *c, double from,
                              double to, int period)
{
	char *p;

	if (!period)
		return claim_num(n, c, to, 0);
	p = slot(n);
	if (from == to)
		snprintf(p, NUM_SIZE, "%.0f", to);
	else
		snprintf(p, NUM_SIZE, "%.0f-%.0f", from, to);
	return p;
}

/* The recomputed side of the claim in words (audit.c's
 * claim_recomputed). */
static void claim_recomputed(struct words *w, struct nums *n,
                             const lt_claim *c, const char *v)
{
	static const char *const measures[] = {"tổng", "số đếm", "bình quân",
	                                       "tỷ số", "số liệu", "?"};
	const lt_finding *f = w->f;

	switch (c->kind) {
	case LT_CLAIM_SUM:
		say(w, "cộng %d số liệu thành phần được %s", f->k[0], v);
		break;
	case LT_CLAIM_COUNT:
		say(w, "danh sách có %d", f->k[0]);
		break;
	case LT_CLAIM_MEAN:
		say(w, "bình quân %d số liệu thành phần là %s", f->k[0], v);
		break;
	case LT_CLAIM_RATIO:
		if (c->scale != 1.0)
			say(w, "%s × ", g(n, c->scale, 10, 0));
		say(w, "%s / %s = %s", figure_num(n, value(f, "numerator")),
		    figure_num(n, value(f, "denominator")), v);
		break;
	case LT_CLAIM_SAME:
		say(w, "chỗ khác trong văn bản ghi %s", v);
		break;
	case LT_CLAIM_INEQUALITY:
		say(w, "%s là %s", measures[c->measure], v);
		break;
	}
}

static void claim_sentence(struct words *w, struct nums *n)
{
	const lt_finding *f = w->f;
	const lt_claim *c = f->claim;
	int period = f->k[1], holds = f->severity == LT_SEV_INFO;
	const char *unit = c->unit != NULL ? lt_phrase(c->unit, LT_LANG_VI) : "";
	const char *st, *v;

	if (period) {
		st = claim_side(n, c, value(f, "stated_from"), value(f, "stated_to"),
		                1);
		v = claim_side(n, c, value(f, "recomputed_from"),
		               value(f, "recomputed_to"), 1);
	} else {
		st = claim_side(n, c, 0.0, value(f, "stated"), 0);
		v = claim_side(n, c, 0.0, value(f, "recomputed"), 0);
	}
	/* the claim's own words (what) are the scenario's, in English */
	say(w, "%s: %s%s", c->id, c->what != NULL ? c->what : "",
	    c->what != NULL ? ": " : "");
	if (c->kind == LT_CLAIM_INEQUALITY)
		say(w, "phải %s %s", strcmp(lt_claim_op_names[c->op], ">=") == 0
		    ? "≥" : strcmp(lt_claim_op_names[c->op], "<=") == 0 ? "≤"
		    : lt_claim_op_names[c->op], st);
	else
		say(w, "văn bản ghi %s", st);
	if (!period && *unit)
		say(w, " %s", unit);
	say(w, ", %s ", holds ? "và" : "nhưng");
	claim_recomputed(w, n, c, v);
	if (!holds && period)
		say(w, " (năm đầu %+.0f, năm cuối %+.0f)", value(f,
		    "recomputed_from") - value(f, "stated_from"), value(f,
		    "recomputed_to") - value(f, "stated_to"));
	else if (!holds && c->kind != LT_CLAIM_INEQUALITY)
		say(w, " (%s)", claim_num(n, c, value(f, "difference"), 1));
}

/* ---- the entry points ----------------------------------------------------- */

char *lt_finding_text(const lt_finding *f, lt_lang lang, char *buf,
                      size_t size)
{
	struct words w = {f, buf, size};
	struct nums n;

	n.next = 0;
	if (size > 0)
		buf[0] = '\0';
	if (lang != LT_LANG_VI || f->form == LT_FORM_TEXT ||
	    (f->ind == NULL && f->form <= LT_FORM_MERGED_DIFFERS) ||
	    (f->form == LT_FORM_CLAIM && f->claim == NULL)) {
		snprintf(buf, size, "%s", f->text);
		return buf;
	}
	switch (f->form) {
	case LT_FORM_STEP_AGAINST:
	case LT_FORM_STEP_PACE:
	case LT_FORM_STEP_HISTORY:
	case LT_FORM_STEP_REVERSES:
	case LT_FORM_STEP_WITHIN:
		step_sentence(&w, &n);
		break;
	case LT_FORM_FINAL_NONE:
	case LT_FORM_FINAL_MEETS:
	case LT_FORM_FINAL_EXCEEDS:
	case LT_FORM_FINAL_MISSES:
		final_sentence(&w, &n);
		break;
	case LT_FORM_LATER_ABOVE:
	case LT_FORM_LATER_WITHIN:
		later_sentence(&w, &n);
		break;
	case LT_FORM_MERGED_AGREES:
	case LT_FORM_MERGED_DIFFERS:
		merged_sentence(&w, &n);
		break;
	case LT_FORM_UNCOSTED:
	case LT_FORM_SUM_AGREES:
	case LT_FORM_SUM_DIFFERS:
		programme_sentence(&w, &n);
		break;
	case LT_FORM_SHARE_BELOW:
	case LT_FORM_SHARE:
	case LT_FORM_SPENDING:
	case LT_FORM_RULE_BELOW:
	case LT_FORM_RULE_MET:
		budget_sentence(&w, &n);
		break;
	case LT_FORM_CLAIM:
		claim_sentence(&w, &n);
		break;
	default: /* the target's own shapes */
		target_sentence(&w, &n);
		break;
	}
	return buf;
}

const char *lt_severity_word(lt_severity sev, lt_lang lang)
{
	static const char *const vi[] = {"thông tin", "cảnh báo", "lỗi"};

	return lang == LT_LANG_VI ? vi[sev] : lt_severity_name(sev);
}

char *lt_finding_subject(const lt_finding *f, lt_lang lang, char *buf,
                         size_t size)
{
	static const struct { const char *en, *vi; } subjects[] = {
		{"plan", "đề án"}, {"budget", "ngân sách"},
		{"claims", "khẳng định của văn bản"},
	};
	size_t i;

	if (f->ind != NULL && strcmp(f->ind->id, f->subject) == 0) {
		snprintf(buf, size, "%s (%s)", lt_indicator_name(f->ind, lang),
		         f->subject);
		return buf;
	}
	if (f->part != NULL && strcmp(f->part->id, f->subject) == 0) {
		snprintf(buf, size, "%s (%s)", lang == LT_LANG_VI ? f->part->name_vi
		         : f->part->name, f->subject);
		return buf;
	}
	snprintf(buf, size, "%s", f->subject);
	for (i = 0; lang == LT_LANG_VI && i < sizeof subjects / sizeof *subjects;
	     i++)
		if (strcmp(subjects[i].en, f->subject) == 0)
			snprintf(buf, size, "%s", subjects[i].vi);
	return buf;
}
