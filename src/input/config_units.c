/* config_units.c - money in the wrong unit: the loader's "units and
 * scale" checks.
 *
 * Every amount of money in a scenario is in million VND.  An amount typed
 * in VND, thousand, billion or trillion VND passes every sign and type
 * check and only later turns into nan, inf or nonsense, so the loader sets
 * each against wide plausible bounds and names the likely slip.  The
 * bounds are deliberately loose (a factor of 2 to 20 beyond the extremes
 * seen), each is a named constant with its source, and docs/SCENARIO.md
 * lists them.  The checks run last, and only on a scenario without other
 * errors: they need the economy, the budget and the programmes read and
 * valid.
 */
#include <stdio.h>

#include "config_private.h"
#include "lotrinh/budget.h"

/* GRDP of one Vietnamese province, million VND, current prices.  Smallest:
 * Bac Kan, about 15 trillion VND (GSO, 2022-2023); largest: Ho Chi Minh
 * City, about 1 500 trillion VND in 2023 and about 2 700 trillion VND after
 * its 2025 merger with Binh Duong and Ba Ria - Vung Tau (GSO, rounded).
 * The bounds leave a factor of 3 below and about 2 above, and are exactly
 * 10^3 apart, so an amount off by 10^3 or more always falls outside. */
#define LT_GRDP_MIN 5.0e6
#define LT_GRDP_MAX 5.0e9

/* The spending base (total or recurrent local budget spending) as a share
 * of GRDP.  Total local spending runs from about 5 % of GRDP in the large
 * industrial provinces to about half of it in small mountainous ones (GSO
 * provincial budget and GRDP tables); recurrent spending is about half of
 * total: Long An 2022, over 8 of over 18 trillion VND against a GRDP of
 * 168 trillion (4.8 % and 10.7 %; REFERENCE figures in scenarios/long_an.cfg).
 * 0.1 % to 100 % keeps a factor of 20 below and 2 above. */
#define LT_BASE_SHARE_MIN 1.0e-3
#define LT_BASE_SHARE_MAX 1.0

/* Past public spending on the field (spending_history) as a share of the
 * spending base in the same year.  Long An spent about 160 billion VND a
 * year on digital transformation, under 1 % of total spending (004, Part
 * II.IV.2); Dong Thap 0.24-0.74 % (003, Part II); the rule asks for 3 %.
 * 0.01 % to 100 % of the base is far outside both ends. */
#define LT_HISTORY_SHARE_MIN 1.0e-4
#define LT_HISTORY_SHARE_MAX 1.0

/* A channel's capital in the baseline year (capital0) as a share of GRDP.
 * The steady state of Long An's spending, 160 billion VND a year at a
 * depreciation of 0.2, is 0.8 trillion VND, 0.5 % of GRDP; 0.001 % to
 * 10 % of GRDP is a factor of 50 and 20 beyond it. */
#define LT_CAPITAL_SHARE_MIN 1.0e-5
#define LT_CAPITAL_SHARE_MAX 0.1

/* A programme amount (a task's state or other money, a declared total)
 * against the spending base summed over the plan's years: no task or plan
 * costs more than everything the province spends (state money), or ten
 * times that for non-state money (the co-financing ratio's bound).  Long
 * An's whole plan is 6.5 trillion VND against some 55 trillion of
 * recurrent spending in 2025-2030.  Small tasks are plausible at any size,
 * so there is no lower bound. */
#define LT_PROGRAM_STATE_MAX 1.0
#define LT_PROGRAM_OTHER_MAX 10.0

/* The unit slips the checks can name: a value written in UNIT is FACTOR
 * times its value in million VND.  Tried in this order: the nearer slips
 * (10^3) first. */
static const struct {
	double factor;
	const char *unit, *fix;
} unit_slips[] = {
	{1e3, "thousand VND", "divide by 1000"},
	{1e-3, "billion VND", "multiply by 1000"},
	{1e6, "VND", "divide by 10^6"},
	{1e-6, "trillion VND", "multiply by 10^6"},
};

/* Check RATIO (a money amount V, or V over a reference) against [LO, HI];
 * when outside, record at LINE that SUBJECT (V million VND) looks like
 * another unit, naming the slip that brings RATIO inside, and WHAT the
 * range means ("for a province's GRDP").  The message shows RATIO times
 * SCALE followed by UNIT (SCALE 100 and UNIT "%" for a share; with SCALE 1
 * the amount alone).  Returns 0 or -1. */
static int check_magnitude(struct ctx *c, int line, const char *subject,
                           double v, double ratio, double lo, double hi,
                           double scale, const char *unit, const char *what)
{
	char got[160];
	size_t k;

	if (!isfinite(ratio) || (ratio >= lo && ratio <= hi))
		return 0;
	if (scale == 1.0)
		snprintf(got, sizeof got, "%.10g", v);
	else
		snprintf(got, sizeof got, "%.10g, %.3g%s %s", v, ratio * scale,
		         unit, what);
	c->errors++;
	for (k = 0; k < sizeof unit_slips / sizeof *unit_slips; k++) {
		double r = ratio / unit_slips[k].factor;

		if (r >= lo && r <= hi) {
			lt_error_raise(c->d, LT_EINVAL, c->file, line, "%s looks like "
			    "%s, not million VND (got %s; expected %.3g%s to %.3g%s %s; "
			    "%s)", subject, unit_slips[k].unit, got, lo * scale, unit,
			    hi * scale, unit, what, unit_slips[k].fix);
			return -1;
		}
	}
	lt_error_raise(c->d, LT_EINVAL, c->file, line, "%s is implausible in "
	    "million VND (got %s; expected %.3g%s to %.3g%s %s)", subject, got,
	    lo * scale, unit, hi * scale, unit, what);
	return -1;
}

static int line_at(const setting *root, const char *path, int fallback)
{
	const setting *st = config_setting_lookup((setting *)root, path);

	return st != NULL ? lt_config_line(st) : fallback;
}


/* The spending base summed over the years after the baseline up to the
 * horizon (at least one year). */
static double base_over_plan(const lt_scenario *s)
{
	const lt_budget *b = &s->budget;
	double sum = 0.0;
	int y;

	for (y = s->baseline_year + 1; y <= s->horizon; y++)
		sum += lt_budget_base(b, y);
	return sum > 0 ? sum : b->amount;
}

static void check_program_totals(struct ctx *c, const lt_totals *t,
                                 const char *where, double plan)
{
	char subj[200];

	if (t->has_total) {
		snprintf(subj, sizeof subj, "'total' %s", where);
		check_magnitude(c, t->line, subj, t->total, t->total / plan, 0,
		                LT_PROGRAM_OTHER_MAX + LT_PROGRAM_STATE_MAX, 100.0,
		                "%", "of the spending base over the plan");
	}
	if (t->has_state) {
		snprintf(subj, sizeof subj, "'state' %s", where);
		check_magnitude(c, t->line, subj, t->state, t->state / plan, 0,
		                LT_PROGRAM_STATE_MAX, 100.0, "%",
		                "of the spending base over the plan");
	}
	if (t->has_other) {
		snprintf(subj, sizeof subj, "'other' %s", where);
		check_magnitude(c, t->line, subj, t->other, t->other / plan, 0,
		                LT_PROGRAM_OTHER_MAX, 100.0, "%",
		                "of the spending base over the plan");
	}
}

static void check_program_magnitudes(struct ctx *c, double plan)
{
	const lt_programs *p = &c->s->programs;
	char where[200];
	size_t i, j;

	check_program_totals(c, &p->declared, "in 'declared' of 'programs'", plan);
	for (i = 0; i < p->n_parts; i++) {
		const lt_part *pt = &p->parts[i];

		snprintf(where, sizeof where, "declared by part '%s'",
		         pt->id != NULL ? pt->id : "?");
		check_program_totals(c, &pt->declared, where, plan);
		for (j = 0; j < pt->n_groups; j++) {
			snprintf(where, sizeof where, "declared by group '%s' of part "
			         "'%s'", pt->groups[j].id != NULL ? pt->groups[j].id : "?",
			         pt->id != NULL ? pt->id : "?");
			check_program_totals(c, &pt->groups[j].declared, where, plan);
		}
		for (j = 0; j < pt->n_tasks; j++) {
			const lt_task *t = &pt->tasks[j];
			lt_totals amounts = {0, t->has_state, t->other > 0, 0.0,
			                     t->state, t->other, NULL, t->line};

			snprintf(where, sizeof where, "of task %s of part '%s'",
			         t->no != NULL ? t->no : "?",
			         pt->id != NULL ? pt->id : "?");
			check_program_totals(c, &amounts, where, plan);
		}
	}
}

/* Every money amount against its plausible range (constants above).
 * The checks chain: GRDP alone, the spending base against GRDP, the rest
 * against the spending base or GRDP; a check whose reference failed is
 * skipped, so one slip gives one message. */
void lt_config_check_magnitudes(struct ctx *c, const setting *root)
{
	lt_scenario *s = c->s;
	const lt_economy *e = &s->economy;
	const lt_budget *b = &s->budget;
	double grdp_then, plan;
	size_t i;

	if (c->errors > 0 || !(e->grdp > 0) || !(b->amount > 0))
		return;
	if (check_magnitude(c, line_at(root, "economy.grdp", e->line), "'grdp' "
	    "in 'economy'", e->grdp, e->grdp, LT_GRDP_MIN, LT_GRDP_MAX, 1.0, "",
	    "million VND for a province's GRDP") != 0)
		return;
	grdp_then = lt_economy_grdp(e, b->year);
	if (check_magnitude(c, line_at(root, "budget.amount", b->line), "'amount' "
	    "in 'budget'", b->amount, b->amount / grdp_then, LT_BASE_SHARE_MIN,
	    LT_BASE_SHARE_MAX, 100.0, "%", "of GRDP") != 0)
		return;
	for (i = 0; i < b->spending_history.n; i++) {
		const lt_point *pt = &b->spending_history.pts[i];
		char subj[96];

		if (pt->value == 0)
			continue; /* no spending that year: nothing to scale */
		snprintf(subj, sizeof subj, "the %d value of 'spending_history' in "
		         "'budget'", pt->year);
		if (check_magnitude(c, b->spending_history.line, subj, pt->value,
		    pt->value / lt_budget_base(b, pt->year),
		    LT_HISTORY_SHARE_MIN, LT_HISTORY_SHARE_MAX, 100.0, "%",
		    "of the spending base that year") != 0)
			break;
	}
	for (i = 0; i < s->n_channels; i++) {
		const lt_channel *ch = &s->channels[i];
		char path[128], subj[128];

		if (!ch->has_capital0 || ch->capital0 == 0)
			continue;
		snprintf(path, sizeof path, "channels.%s.capital0", ch->id);
		snprintf(subj, sizeof subj, "'capital0' of channel '%s'", ch->id);
		check_magnitude(c, line_at(root, path, ch->line), subj, ch->capital0,
		    ch->capital0 / lt_economy_grdp(e, s->baseline_year),
		    LT_CAPITAL_SHARE_MIN, LT_CAPITAL_SHARE_MAX, 100.0, "%",
		    "of GRDP in the baseline year");
	}
	plan = base_over_plan(s);
	if (s->has_programs)
		check_program_magnitudes(c, plan);
}
