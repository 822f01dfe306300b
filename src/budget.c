/* budget.c - GRDP, the spending base and programme spending over time (see
 * budget.h).  Closed forms only; nothing here can fail. */
#include "lotrinh/budget.h"

#include <math.h>

double lt_economy_grdp(const lt_economy *e, int year)
{
	return e->grdp * pow(1.0 + e->growth_pct / 100.0, year - e->grdp_year);
}

double lt_budget_base(const lt_budget *b, int year)
{
	return b->amount * pow(1.0 + b->growth_pct / 100.0, year - b->year);
}

/* AMOUNT spread evenly over FROM..TO: its share in YEAR. */
static double spread(double amount, int from, int to, int year)
{
	if (year < from || year > to)
		return 0.0;
	return amount / (double)(to - from + 1);
}

void lt_task_in_year(const lt_task *t, int year, double *state, double *other)
{
	size_t i;

	*state = 0.0;
	*other = spread(t->other, t->start, t->end, year);
	if (!t->has_state)
		return;
	if (t->n_splits == 0) {
		*state = spread(t->state, t->start, t->end, year);
		return;
	}
	for (i = 0; i < t->n_splits; i++)
		*state += spread(t->splits[i].amount, t->splits[i].from,
		                 t->splits[i].to, year);
}

int lt_programs_years(const lt_scenario *s, int *first, int *last)
{
	size_t i, j;
	int any = 0;

	if (!s->has_programs)
		return -1;
	for (i = 0; i < s->programs.n_parts; i++)
		for (j = 0; j < s->programs.parts[i].n_tasks; j++) {
			const lt_task *t = &s->programs.parts[i].tasks[j];

			if (!any || t->start < *first)
				*first = t->start;
			if (!any || t->end > *last)
				*last = t->end;
			any = 1;
		}
	return any ? 0 : -1;
}
