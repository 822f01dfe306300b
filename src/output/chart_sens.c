/* chart_sens.c - sensitivity of a target (see chart.h): the tornado of its
 * target-year value and its Sobol indices, the widest LT_CHART_BARS bars.
 * A parameter's name is the model registry's ("beta of pii"), put into
 * the chart's language by its leading words. */
#include "chart_private.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The registry's names and their readings: prefixes before an id, and
 * whole names (model.c names the slots; sens.c names the shocks). */
static const struct {
	const char *en, *label_en, *label_vi;
	int whole;
} param_words[] = {
	{"r of ", "r of ", "r của ", 0},
	{"beta of ", "β of ", "β của ", 0},
	{"sigma of ", "σ of ", "σ của ", 0},
	{"delta of ", "δ of ", "δ của ", 0},
	{"eta of ", "η of ", "η của ", 0},
	{"gamma from ", "γ from ", "γ từ ", 0},
	{"GRDP growth", "GRDP growth", "Tăng trưởng GRDP", 1},
	{"spending-base growth", "Spending-base growth",
	 "Tăng trưởng tổng chi ngân sách", 1},
	{"co-financing ratio", "Co-financing ratio", "Tỷ lệ vốn đối ứng", 1},
	{"yearly shocks", "Yearly shocks", "Cú sốc hằng năm", 1},
};

/* NAME of the registry in LANG into BUF. */
static const char *param_label(const char *name, lt_lang lang, char *buf,
                               size_t size)
{
	size_t i, n;

	for (i = 0; i < sizeof param_words / sizeof param_words[0]; i++) {
		n = strlen(param_words[i].en);
		if (param_words[i].whole ? strcmp(name, param_words[i].en) != 0
		                         : strncmp(name, param_words[i].en, n) != 0)
			continue;
		snprintf(buf, size, "%s%s", LT_L(lang, param_words[i].label_en,
		         param_words[i].label_vi), param_words[i].whole ? "" : name + n);
		if (!param_words[i].whole && strncmp(name, "gamma from ", n) == 0) {
			char *to = strstr(buf, " to ");

			if (to != NULL && lang == LT_LANG_VI) {
				char rest[256];

				snprintf(rest, sizeof rest, "%s", to + 4);
				snprintf(to, size - (size_t)(to - buf), " tới %s", rest);
			}
		}
		return buf;
	}
	snprintf(buf, size, "%s", name);
	return buf;
}

/* The texts both charts share: the x axis in the target year's value. */
static void value_axis(lt_chart *c, const lt_indicator *ind, int year)
{
	lt_lang lang = c->o->lang;
	const char *u = lt_chart_unit(ind, lang);

	lt_chart_labelf(c, "xlabel", LT_L(lang, "Value in %d%s%s%s",
	                "Giá trị năm %d%s%s%s"), year, u[0] != '\0' ? " (" : "", u,
	                u[0] != '\0' ? ")" : "");
}

static int studied(const lt_sens_result *r, size_t k)
{
	return r != NULL && k < r->ni && r->ind[k].status == LT_SENS_TARGET &&
	       r->ind[k].bars != NULL;
}

/* ---- tornado ---------------------------------------------------------------- */

int lt_chart_can_tornado(const lt_sens_result *r, size_t k)
{
	size_t b;

	if (!studied(r, k))
		return 0;
	for (b = 0; b < r->n_params; b++)
		if (!r->ind[k].inert[b])
			return 1;
	return 0;
}

int lt_chart_tornado(const lt_chart_opts *o, const lt_scenario *s, size_t k,
                     const lt_sens_result *r, lt_diag *diag)
{
	const lt_indicator *ind;
	const lt_sens_target *x;
	lt_lang lang = o->lang;
	lt_chart c;
	char title[512], label[256], name[160], lo[64], hi[64], a[64];
	size_t i, n = 0;

	if (r->ni != s->n_indicators)
		LT_ERROR(diag, LT_EINVAL, "tornado chart: the results are not this "
		         "scenario's");
	if (!lt_chart_can_tornado(r, k))
		return LT_OK;
	ind = &s->indicators[k];
	x = &r->ind[k];
	if (lt_chart_begin(&c, o, LT_CHART_TORNADO, ind, diag) == LT_OK) {
		lt_chart_text(&c, "parameter");
		lt_chart_text(&c, "p10");
		lt_chart_text(&c, "p90");
		lt_chart_text(&c, "value_at_p10");
		lt_chart_text(&c, "value_at_p90");
		lt_chart_eol(&c);
		for (i = 0; i < r->n_params && n < LT_CHART_BARS; i++) {
			const lt_sens_bar *b = &x->bars[x->by_value[i]];
			const lt_sens_param *pr = &r->params[b->param];

			if (x->inert[x->by_value[i]])
				continue;
			snprintf(label, sizeof label, "%s (%s – %s)", param_label(pr->name,
			         lang, name, sizeof name), lt_chart_fmt(pr->p10, 4, lang,
			         lo, sizeof lo), lt_chart_fmt(pr->p90, 4, lang, hi,
			         sizeof hi));
			lt_chart_text(&c, label);
			lt_chart_num(&c, pr->p10);
			lt_chart_num(&c, pr->p90);
			lt_chart_num(&c, b->value_lo);
			lt_chart_num(&c, b->value_hi);
			lt_chart_eol(&c);
			n++;
		}
		value_axis(&c, ind, x->year);
		lt_chart_label(&c, "low", LT_L(lang, "Parameter at its 10th "
		               "percentile", "Tham số ở phân vị thứ 10"));
		lt_chart_label(&c, "high", LT_L(lang, "Parameter at its 90th "
		               "percentile", "Tham số ở phân vị thứ 90"));
		lt_chart_labelf(&c, "base", LT_L(lang, "Every parameter at its "
		                "median: %s", "Mọi tham số ở trung vị: %s"),
		                lt_chart_fmt(x->base_value, 3, lang, a, sizeof a));
		lt_chart_labelf(&c, "target", "%s %s", LT_L(lang, "Target",
		                "Mục tiêu"), lt_target_phrase(ind, lang, label,
		                sizeof label));
		lt_chart_label(&c, "off_chart", LT_L(lang, " (off the chart)",
		               " (ngoài khung)"));
		lt_chart_arg(&c, "%zu", n);
		lt_chart_arg(&c, "%.17g", x->base_value);
		lt_chart_arg(&c, "%.17g", lt_target_aim(ind));
	}
	return lt_chart_end(&c, lt_chart_title(s, ind, LT_L(lang, "what moves "
	                    "its value (tornado)", "tham số nào tác động mạnh nhất"),
	                    lang, title, sizeof title));
}

/* ---- Sobol -------------------------------------------------------------------- */

int lt_chart_can_sobol(const lt_sens_result *r, size_t k)
{
	return studied(r, k) && r->has_sobol && r->ind[k].st_value != NULL &&
	       r->ind[k].out_value < r->sobol.n_out &&
	       !r->sobol.out[r->ind[k].out_value].degenerate;
}

int lt_chart_sobol(const lt_chart_opts *o, const lt_scenario *s, size_t k,
                   const lt_sens_result *r, lt_diag *diag)
{
	const lt_indicator *ind;
	const lt_sobol_output *y;
	lt_lang lang = o->lang;
	lt_chart c;
	char title[512], name[160];
	size_t i, n;
	int conf;

	if (r->ni != s->n_indicators)
		LT_ERROR(diag, LT_EINVAL, "Sobol chart: the results are not this "
		         "scenario's");
	if (!lt_chart_can_sobol(r, k))
		return LT_OK;
	ind = &s->indicators[k];
	y = &r->sobol.out[r->ind[k].out_value];
	conf = r->sobol.bootstrap > 0;
	if (lt_chart_begin(&c, o, LT_CHART_SOBOL, ind, diag) == LT_OK) {
		lt_chart_text(&c, "factor");
		lt_chart_text(&c, "s1");
		lt_chart_text(&c, "s1_conf");
		lt_chart_text(&c, "st");
		lt_chart_text(&c, "st_conf");
		lt_chart_eol(&c);
		for (i = n = 0; i < r->n_factors && n < LT_CHART_BARS; i++) {
			size_t f = r->ind[k].st_value[i];

			/* a parameter that changes nothing about the target */
			if (f < r->n_params && r->ind[k].inert[f])
				continue;
			n++;
			lt_chart_text(&c, param_label(lt_sens_factor_name(r, f), lang,
			              name, sizeof name));
			lt_chart_num(&c, y->s1[f]);
			lt_chart_num(&c, conf ? y->s1_conf[f] : NAN);
			lt_chart_num(&c, y->st[f]);
			lt_chart_num(&c, conf ? y->st_conf[f] : NAN);
			lt_chart_eol(&c);
		}
		lt_chart_labelf(&c, "xlabel", LT_L(lang, "Share of the variance of the "
		                "value in %d", "Tỷ trọng phương sai của giá trị năm %d"),
		                r->ind[k].year);
		lt_chart_label(&c, "s1", LT_L(lang, "First order S1 (the parameter "
		               "alone)", "Bậc nhất S1 (riêng tham số)"));
		lt_chart_label(&c, "st", LT_L(lang, "Total ST (with its interactions)",
		               "Toàn phần ST (kể cả tương tác)"));
		lt_chart_labelf(&c, "note", LT_L(lang, "%s base rows%s",
		                "%s hàng cơ sở%s"), lt_chart_fmt((double)r->sobol.n, 0,
		                lang, title, sizeof title), conf ? LT_L(lang,
		                "; bars: 95% bootstrap intervals",
		                "; vạch: khoảng bootstrap 95%") : "");
		lt_chart_arg(&c, "%zu", n);
		lt_chart_arg(&c, "%s", conf ? "conf" : "");
	}
	return lt_chart_end(&c, lt_chart_title(s, ind, LT_L(lang, "Sobol indices",
	                    "chỉ số Sobol"), lang, title, sizeof title));
}
