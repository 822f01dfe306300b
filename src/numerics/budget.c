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

double lt_schedule_share(const lt_schedule *sc, int baseline_year, int year)
{
	double v;
	size_t i;

	switch (sc->kind) {
	case LT_SCHED_CONSTANT:
		return sc->share_pct;
	case LT_SCHED_RAMP:
		if (year >= sc->to_year)
			return sc->to_pct;
		if (year <= baseline_year)
			return sc->from_pct;
		return sc->from_pct + (sc->to_pct - sc->from_pct) *
		       (double)(year - baseline_year) / (sc->to_year - baseline_year);
	case LT_SCHED_PER_YEAR:
		v = sc->shares.pts[0].value;
		for (i = 0; i < sc->shares.n && sc->shares.pts[i].year <= year; i++)
			v = sc->shares.pts[i].value;
		return v;
	case LT_SCHED_PROGRAMS:
		break;
	}
	return NAN;
}

double lt_budget_today_share(const lt_scenario *s)
{
	const lt_budget *b = &s->budget;
	const lt_point *last;
	double v;

	if (b->share_history.n > 0)
		return b->share_history.pts[b->share_history.n - 1].value;
	if (b->spending_history.n > 0) {
		last = &b->spending_history.pts[b->spending_history.n - 1];
		return 100.0 * last->value / lt_budget_base(b, last->year);
	}
	v = lt_schedule_share(&b->schedule, s->baseline_year, s->baseline_year);
	return isnan(v) ? 0.0 : v;
}

size_t lt_budget_history_terms(const lt_scenario *s, lt_money_term *terms)
{
	const lt_budget *b = &s->budget;
	const lt_series *h = b->spending_history.n > 0 ? &b->spending_history
	                                               : &b->share_history;
	size_t k, i, n = 0;

	if (h->n == 0)
		return 0;
	k = h->n > LT_HISTORY_YEARS ? h->n - LT_HISTORY_YEARS : 0;
	for (i = k; i < h->n; i++, n++) {
		if (h == &b->spending_history) {
			terms[n].amount = h->pts[i].value;
			terms[n].years = 0;
		} else {
			terms[n].amount = h->pts[i].value / 100.0 * b->amount;
			terms[n].years = h->pts[i].year - b->year;
		}
	}
	return n;
}

double lt_budget_history_mean(const lt_scenario *s)
{
	lt_money_term t[LT_HISTORY_YEARS];
	size_t n = lt_budget_history_terms(s, t), i;
	double sum = 0.0, gr = 1.0 + s->budget.growth_pct / 100.0;

	if (n == 0)
		return NAN;
	for (i = 0; i < n; i++)
		sum += t[i].amount * pow(gr, t[i].years);
	return sum / (double)n;
}

void lt_programs_year(const lt_scenario *s, int year,
                                double *public_c, double *cofin_c)
{
	size_t i, j;

	for (i = 0; i < s->programs.n_parts; i++) {
		const lt_part *pt = &s->programs.parts[i];

		for (j = 0; j < pt->n_tasks; j++) {
			const lt_task *t = &pt->tasks[j];
			int c = pt->groups[t->group].channel;
			double state, other;

			if (c < 0)
				continue;
			lt_task_in_year(t, year, &state, &other);
			if (public_c != NULL)
				public_c[c] += state;
			if (cofin_c != NULL)
				cofin_c[c] += other;
		}
	}
}

void lt_budget_year(const lt_scenario *s, const lt_schedule *sc, int year,
                    double *public_c, double *cofin_c)
{
	const lt_budget *b = &s->budget;
	size_t c;

	if (sc == NULL)
		sc = &b->schedule;
	for (c = 0; c < s->n_channels; c++)
		public_c[c] = cofin_c[c] = 0.0;
	if (sc->kind == LT_SCHED_PROGRAMS) {
		lt_programs_year(s, year, public_c, NULL);
	} else {
		double total = lt_schedule_share(sc, s->baseline_year, year) / 100.0 *
		               lt_budget_base(b, year);

		for (c = 0; c < s->n_channels; c++)
			public_c[c] = total * s->channels[c].allocation;
	}
	if (b->cofin == LT_COFIN_RATIO)
		for (c = 0; c < s->n_channels; c++)
			cofin_c[c] = b->cofin_ratio * public_c[c];
	else if (b->cofin == LT_COFIN_PROGRAMS)
		lt_programs_year(s, year, NULL, cofin_c);
}
