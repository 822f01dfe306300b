/* chart_compare.c - provinces side by side (compare.h): the measures
 * several provinces carry, each province's standing against its own
 * target on one scale, drawn by plots/compare.gp. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart_private.h"
#include "lotrinh/text.h"

/* The longest measure label on the axis, in columns: longer names are cut
 * with an ellipsis (the tables carry them whole). */
#define MEASURE_COLS 34

/* Cell C's standing on the chart's scale: the baseline as a percentage
 * of the province's own aim; for a rank, the share of the other provinces
 * ranked below it, 100·(1 − position); NAN without a baseline. */
static double standing(const lt_compare_measure *m, const lt_compare_cell *c)
{
	if (m->kind == LT_KIND_RANK)
		return isnan(c->position) ? NAN : 100.0 * (1.0 - c->position);
	return c->of_aim_pct;
}

/* The cell of scenario I in M, or NULL. */
static const lt_compare_cell *cell_of(const lt_compare_measure *m, size_t i)
{
	size_t j;

	for (j = 0; j < m->n_cells; j++)
		if (m->cells[j].scenario == i)
			return &m->cells[j];
	return NULL;
}

int lt_chart_can_compare(const lt_compare *r)
{
	size_t j;

	for (j = 0; j < r->n_measures; j++)
		if (r->measures[j].n_cells > 1)
			return 1;
	return 0;
}

int lt_chart_compare(const lt_chart_opts *o, const lt_scenario *const *s,
                     size_t n, const lt_compare *r, lt_diag *diag)
{
	lt_lang lang = o->lang;
	lt_chart c;
	char label[256];
	size_t i, j;

	if (r->n_scenarios != n)
		LT_ERROR(diag, LT_EINVAL, "compare chart: the results are not these "
		         "scenarios'");
	if (!lt_chart_can_compare(r))
		return LT_OK;
	if (lt_chart_begin(&c, o, LT_CHART_COMPARE, NULL, diag) == LT_OK) {
		lt_chart_text(&c, "measure");
		for (i = 0; i < n; i++)
			lt_chart_text(&c, lt_chart_province(s[i], lang));
		lt_chart_eol(&c);
		for (j = 0; j < r->n_measures; j++) {
			const lt_compare_measure *m = &r->measures[j];
			const lt_compare_cell *f = &m->cells[0];
			const lt_indicator *ind = &s[f->scenario]->indicators[f->k];

			for (i = 0; i < m->n_cells && isnan(standing(m, &m->cells[i]));
			     i++)
				;
			/* carried by one province, or by none with a baseline */
			if (m->n_cells < 2 || i == m->n_cells)
				continue;
			lt_text_shorten(lt_chart_name(ind, lang), MEASURE_COLS, label,
			                  sizeof label);
			if (m->kind == LT_KIND_RANK)
				snprintf(label + strlen(label), sizeof label - strlen(label),
				         "%s", LT_L(lang, " (rank)", " (hạng)"));
			lt_chart_text(&c, label);
			for (i = 0; i < n; i++) {
				const lt_compare_cell *x = cell_of(m, i);

				lt_chart_num(&c, x != NULL ? standing(m, x) : NAN);
			}
			lt_chart_eol(&c);
		}
		lt_chart_label(&c, "ylabel", LT_L(lang, "% of its own target "
		               "(ranks: % of provinces behind)", "% mục tiêu của "
		               "tỉnh (thứ hạng: % số tỉnh xếp sau)"));
		lt_chart_label(&c, "note", LT_L(lang, "The baseline against each "
		               "province's own aim; a rank by the share of the "
		               "provinces ranked below it (63 or 34)", "Hiện trạng so "
		               "với mục tiêu riêng của từng tỉnh; thứ hạng theo tỷ lệ "
		               "số tỉnh xếp sau (63 hoặc 34)"));
		lt_chart_label(&c, "aim", LT_L(lang, "the target", "mục tiêu"));
		lt_chart_arg(&c, "%zu", n);
	}
	return lt_chart_end(&c, LT_L(lang, "Provinces compared: where each stands "
	                    "against its own targets", "So sánh các tỉnh: hiện "
	                    "trạng so với mục tiêu của từng tỉnh"));
}
