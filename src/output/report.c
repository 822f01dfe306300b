/* report.c - languages, formats and number formats (see report.h). */
#include "lotrinh/report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/error.h"
#include "lotrinh/scenario.h"
#include "lotrinh/text.h"

int lt_lang_parse(const char *s, lt_lang *lang)
{
	if (strcmp(s, "en") == 0)
		*lang = LT_LANG_EN;
	else if (strcmp(s, "vi") == 0)
		*lang = LT_LANG_VI;
	else
		return -1;
	return 0;
}

int lt_format_parse(const char *s, lt_format *f)
{
	if (strcmp(s, "table") == 0)
		*f = LT_FORMAT_TABLE;
	else if (strcmp(s, "csv") == 0)
		*f = LT_FORMAT_CSV;
	else if (strcmp(s, "json") == 0)
		*f = LT_FORMAT_JSON;
	else if (strcmp(s, "xlsx") == 0)
		*f = LT_FORMAT_XLSX;
	else
		return -1;
	return 0;
}

char *lt_format_number(double v, int decimals, int trim, lt_lang lang,
                       char *buf, size_t size)
{
	/* %.15f of the largest double has 309 + 16 characters; grouping adds
	 * one separator for every three digits */
	char raw[400], out[560];
	char group = lang == LT_LANG_VI ? '.' : ',';
	char point = lang == LT_LANG_VI ? ',' : '.';
	const char *p, *dot;
	size_t n = 0, int_len, i;

	if (!isfinite(v)) {
		snprintf(buf, size, "%s", "–"); /* missing, never nan or inf */
		return buf;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 15)
		decimals = 15;
	snprintf(raw, sizeof raw, "%.*f", decimals, v);
	if (strcmp(raw, "-0") == 0 || (raw[0] == '-' && strspn(raw + 1, "0.") ==
	                               strlen(raw + 1)))
		memmove(raw, raw + 1, strlen(raw));
	p = raw;
	if (*p == '-')
		out[n++] = *p++;
	dot = strchr(p, '.');
	int_len = dot != NULL ? (size_t)(dot - p) : strlen(p);
	for (i = 0; i < int_len; i++) {
		if (i > 0 && (int_len - i) % 3 == 0)
			out[n++] = group;
		out[n++] = p[i];
	}
	if (dot != NULL) {
		size_t frac = strlen(dot + 1);
		if (trim)
			while (frac > 0 && dot[frac] == '0')
				frac--;
		if (frac > 0) {
			out[n++] = point;
			memcpy(out + n, dot + 1, frac);
			n += frac;
		}
	}
	out[n] = '\0';
	snprintf(buf, size, "%s", out);
	return buf;
}

char *lt_target_phrase(const lt_indicator *ind, lt_lang lang, char *buf,
                       size_t size)
{
	const lt_target *t = &ind->target;
	int dec = ind->kind == LT_KIND_RANK ? 0 : 2, vi = lang == LT_LANG_VI;
	char a[48], b[48];

	if (t->is_range)
		snprintf(buf, size, "%s–%s (%d)",
		         lt_format_number(t->min, dec, 1, lang, a, sizeof a),
		         lt_format_number(t->max, dec, 1, lang, b, sizeof b),
		         t->year);
	else if (t->top > 0)
		snprintf(buf, size, vi ? "nhóm %d/%d dẫn đầu (%d)"
		                       : "top %d of %d (%d)",
		         t->top, ind->rank_of, t->year);
	else if (t->is_growth)
		snprintf(buf, size, "%s %s%%/%s, %d–%d", lt_target_op(ind, 0, 1),
		         lt_format_number(t->growth_pct, 2, 1, lang, a, sizeof a),
		         vi ? "năm" : "yr", ind->baseline_year, t->year);
	else if (t->mean_from > 0)
		snprintf(buf, size, "%s %s, %s %d–%d", lt_target_op(ind, 0, 1),
		         lt_format_number(t->value, dec, 1, lang, a, sizeof a),
		         vi ? "bình quân" : "mean", t->mean_from, t->year);
	else
		snprintf(buf, size, "%s %s (%d)", lt_target_op(ind, 0, 1),
		         lt_format_number(t->value, dec, 1, lang, a, sizeof a),
		         t->year);
	return buf;
}

const char *lt_indicator_name(const lt_indicator *ind, lt_lang lang)
{
	return lang == LT_LANG_VI && ind->name_vi != NULL ? ind->name_vi
	                                                  : ind->name;
}

const char *lt_indicator_unit(const lt_indicator *ind, lt_lang lang)
{
	return lang == LT_LANG_VI && ind->unit_vi != NULL ? ind->unit_vi
	                                                  : ind->unit;
}

const char *lt_step_unit_lang(const lt_indicator *ind, lt_lang lang)
{
	if (lang != LT_LANG_VI)
		return lt_step_unit(ind);
	switch (ind->kind) {
	case LT_KIND_SHARE:
	case LT_KIND_SCORE:
		return "điểm";
	case LT_KIND_RANK:
		return "bậc";
	case LT_KIND_COUNT:
		break;
	}
	return lt_indicator_unit(ind, lang);
}

char *lt_format_sig(double v, int digits, int sign, lt_lang lang, char *buf,
                    size_t size)
{
	char raw[64], out[96];
	const char *p = raw;
	size_t n = 0, int_len, i;

	if (!isfinite(v)) {
		snprintf(buf, size, "%s", "–");
		return buf;
	}
	snprintf(raw, sizeof raw, sign ? "%+.*g" : "%.*g", digits > 0 ? digits
	         : 1, v);
	if (lang != LT_LANG_VI) {
		snprintf(buf, size, "%s", raw);
		return buf;
	}
	/* the sign, the whole part grouped by '.', then ',' and the rest (an
	 * exponent, "1,5e+07", is left as %g writes it) */
	if (*p == '+' || *p == '-')
		out[n++] = *p++;
	int_len = strspn(p, "0123456789");
	for (i = 0; i < int_len; i++) {
		if (i > 0 && (int_len - i) % 3 == 0 && strchr(p, 'e') == NULL)
			out[n++] = '.';
		out[n++] = p[i];
	}
	for (p += int_len; *p != '\0' && n + 1 < sizeof out; p++)
		out[n++] = *p == '.' ? ',' : *p;
	out[n] = '\0';
	snprintf(buf, size, "%s", out);
	return buf;
}

/* The engines' fixed words and their Vietnamese, for lt_phrase.  The
 * progress classes follow the wording of Vietnamese SDG monitoring
 * ("đúng tiến độ", "cần tăng tốc"); the model names keep the names
 * Vietnamese texts use for the curves. */
static const struct {
	const char *en, *vi;
} phrases[] = {
	/* Open SDG progress classes and UNSD classes (progress.c) */
	{"target achieved", "đã đạt mục tiêu"},
	{"on track", "đúng tiến độ"},
	{"acceleration needed", "cần tăng tốc"},
	{"limited progress", "tiến bộ hạn chế"},
	{"deterioration", "đi xuống"},
	{"insufficient data", "không đủ dữ liệu"},
	{"on the way", "đang trên đà đạt"},
	{"stagnation or regression", "đứng yên hoặc đi lùi"},
	/* progress notes (progress.c) */
	{"the first value 0 was replaced by 0.001",
	 "giá trị đầu 0 được thay bằng 0,001"},
	{"the first and latest values have opposite signs",
	 "giá trị đầu và giá trị gần nhất trái dấu"},
	{"the target and the first value have opposite signs",
	 "mục tiêu và giá trị đầu trái dấu"},
	{"no observations", "không có số liệu quan sát"},
	{"no observation in or after the base year",
	 "không có số liệu quan sát từ năm gốc trở đi"},
	{"at least two observations are needed", "cần ít nhất hai quan sát"},
	/* path families (curve.c) and growth models (fit.c) */
	{"linear", "tuyến tính"},
	{"constant growth rate", "tốc độ tăng không đổi"},
	{"cagr", "tốc độ tăng không đổi"},
	{"milestones", "theo các mốc"},
	{"exponential", "hàm mũ"},
	{"saturating", "bão hòa"},
	{"gompertz", "Gompertz"},
	{"richards", "Richards"},
	/* units the scenarios give their claims and figures */
	{"million VND", "triệu đồng"},
	{"billion VND", "tỷ đồng"},
	{"million VND per commune", "triệu đồng/xã"},
	{"tasks", "nhiệm vụ"},
	{"groups", "nhóm"},
	{"policies", "chính sách"},
	{"points", "điểm"},
	{"enterprises", "doanh nghiệp"},
	{"% of GRDP", "% GRDP"},
	{"% of adults", "% dân số trưởng thành"},
	{"% of total budget spending", "% tổng chi ngân sách"},
	{"rank of 63", "hạng/63"},
	{"rank of 34", "hạng/34"},
	{"communes", "xã"},
	{"communes and wards", "xã, phường"},
	{"products", "sản phẩm"},
	{"people", "người"},
	{"citizens", "người dân"},
	{"certificates", "chứng thư"},
	{"accounts", "tài khoản"},
	{"facilities", "cơ sở"},
	{"sites", "địa điểm"},
	{"site", "địa điểm"},
	{"systems", "hệ thống"},
	{"system", "hệ thống"},
	{"smart cities", "đô thị thông minh"},
	{"city", "đô thị"},
	/* share answers (solve.h, in the commands' words) */
	{"solved", "tìm được"},
	{"met without spending", "đạt mà không cần chi"},
	{"not reachable", "không đạt được"},
	{"target at the model's ceiling", "mục tiêu ở trần của mô hình"},
	{"not simulated", "không mô phỏng"},
};

const char *lt_phrase(const char *en, lt_lang lang)
{
	size_t i;

	if (lang != LT_LANG_VI || en == NULL)
		return en;
	for (i = 0; i < sizeof phrases / sizeof *phrases; i++)
		if (strcmp(phrases[i].en, en) == 0)
			return phrases[i].vi;
	return en;
}

/* ---- a model parameter's name -------------------------------------------- */

static const char *indicator_name(const lt_scenario *s, const char *id,
                                  lt_lang lang)
{
	int k = lt_scenario_find_indicator(s, id);

	return k >= 0 ? lt_indicator_name(&s->indicators[k], lang) : id;
}

const char *lt_param_phrase(const lt_scenario *s, const char *name,
                            lt_lang lang, char *buf, size_t size)
{
	static const struct { const char *en, *vi; } fixed[] = {
		{"GRDP growth", "tăng trưởng GRDP"},
		{"spending-base growth", "tăng trưởng cơ sở chi"},
		{"co-financing ratio", "tỷ lệ vốn ngoài NSNN"},
		{"yearly shocks", "cú sốc hằng năm"},
	};
	char p[16], a[64], b[64];
	size_t i;

	/* the forms of model.c's slot names */
	if (lang != LT_LANG_VI)
		snprintf(buf, size, "%s", name);
	else if (sscanf(name, "gamma from %63s to %63s", a, b) == 2)
		snprintf(buf, size, "gamma từ %s đến %s", indicator_name(s, a, lang),
		         indicator_name(s, b, lang));
	else if (sscanf(name, "%15[a-z] of %63s", p, a) == 2 &&
	         (strcmp(p, "delta") == 0 || strcmp(p, "eta") == 0))
		snprintf(buf, size, "%s của kênh %s", p, a);
	else if (sscanf(name, "%15[a-z] of %63s", p, a) == 2)
		snprintf(buf, size, "%s của %s", p, indicator_name(s, a, lang));
	else {
		snprintf(buf, size, "%s", name);
		for (i = 0; i < sizeof fixed / sizeof *fixed; i++)
			if (strcmp(name, fixed[i].en) == 0)
				snprintf(buf, size, "%s", fixed[i].vi);
	}
	return buf;
}
