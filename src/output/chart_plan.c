/* chart_plan.c - the plan's money (see chart.h): the state budget of the
 * programmes by group and year, stacked, against the least the plan's
 * rule asks for.  Money in the data file is in million VND, as in the
 * scenario; the template draws billions (tỷ đồng). */
#include "chart_private.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/budget.h"
#include "lotrinh/text.h"

/* Widest legend entry of a group, in columns: 16 groups with names of up
 * to 250 characters must fit beside the bars. */
#define GROUP_COLS 48

/* The legend text of group G of part P into BUF: its id and its name,
 * shortened; the part's id first when the plan has several parts. */
static const char *group_name(const lt_scenario *s, const lt_part *p,
                              const lt_prog_group *g, lt_lang lang,
                              char *buf, size_t size)
{
	const char *name = lang == LT_LANG_VI && g->name_vi != NULL &&
	                   g->name_vi[0] != '\0' ? g->name_vi : g->name;
	char full[1024];

	snprintf(full, sizeof full, "%s%s%s%s%s", s->programs.n_parts > 1 ?
	         p->id : "", s->programs.n_parts > 1 ? "/" : "", g->id,
	         name != NULL ? ". " : "", name != NULL ? name : "");
	return lt_text_shorten(full, GROUP_COLS, buf, size);
}

/* The state money of every group in YEAR into MONEY (one slot per group,
 * parts in order), summed over the groups' tasks. */
static void groups_in_year(const lt_scenario *s, int year, double *money)
{
	size_t p, t, base = 0;

	for (p = 0; p < s->programs.n_parts; p++) {
		const lt_part *part = &s->programs.parts[p];

		for (t = 0; t < part->n_tasks; t++) {
			double state, other;

			lt_task_in_year(&part->tasks[t], year, &state, &other);
			money[base + part->tasks[t].group] += state;
		}
		base += part->n_groups;
	}
}

int lt_chart_spending(const lt_chart_opts *o, const lt_scenario *s,
                      lt_diag *diag)
{
	lt_lang lang = o->lang;
	lt_chart c;
	char title[512], name[512], a[64];
	double *money, total;
	size_t p, g, n_groups = 0;
	int first, last, year;

	if (!s->has_programs || lt_programs_years(s, &first, &last) != 0)
		return LT_OK;
	for (p = 0; p < s->programs.n_parts; p++)
		n_groups += s->programs.parts[p].n_groups;
	if (n_groups == 0)
		return LT_OK;
	money = lt_calloc(n_groups, sizeof *money);
	if (money == NULL)
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	if (lt_chart_begin(&c, o, LT_CHART_SPENDING, NULL, diag) == LT_OK) {
		lt_chart_text(&c, "year");
		for (p = 0; p < s->programs.n_parts; p++)
			for (g = 0; g < s->programs.parts[p].n_groups; g++)
				lt_chart_text(&c, group_name(s, &s->programs.parts[p],
				              &s->programs.parts[p].groups[g], lang, name,
				              sizeof name));
		lt_chart_text(&c, "total");
		lt_chart_text(&c, "rule");
		lt_chart_eol(&c);
		for (year = first; year <= last; year++) {
			memset(money, 0, n_groups * sizeof *money);
			groups_in_year(s, year, money);
			lt_chart_int(&c, year);
			total = 0.0;
			for (g = 0; g < n_groups; g++) {
				lt_chart_num(&c, money[g]);
				total += money[g];
			}
			lt_chart_num(&c, total);
			lt_chart_num(&c, s->budget.has_rule ? s->budget.rule_min_share_pct /
			             100.0 * lt_budget_base(&s->budget, year) : NAN);
			lt_chart_eol(&c);
		}
		lt_chart_label(&c, "xlabel", LT_L(lang, "Year", "Năm"));
		lt_chart_label(&c, "ylabel", LT_L(lang, "State budget of the "
		               "programmes, billion VND", "Ngân sách nhà nước cho các "
		               "nhiệm vụ, tỷ đồng"));
		lt_chart_labelf(&c, "rule", LT_L(lang, "The plan's rule: at least "
		                "%s%% of the spending base", "Quy định của đề án: tối "
		                "thiểu %s%% tổng chi ngân sách"), lt_chart_fmt(
		                s->budget.has_rule ? s->budget.rule_min_share_pct : NAN,
		                2, lang, a, sizeof a));
		lt_chart_label(&c, "total", LT_L(lang, "Total", "Tổng"));
		lt_chart_arg(&c, "%zu", n_groups);
		lt_chart_arg(&c, "%s", s->budget.has_rule ? "rule" : "");
	}
	free(money);
	return lt_chart_end(&c, lt_chart_title(s, NULL, LT_L(lang, "The plan's "
	                    "spending by programme group and year", "Chi của đề án "
	                    "theo nhóm nhiệm vụ và năm"), lang, title,
	                    sizeof title));
}
