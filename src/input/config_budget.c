/* config_budget.c - the money side of a scenario: the channels spending
 * flows into, the economy (GRDP and its growth), and the budget with its
 * schedule of the field's share and its co-financing.
 *
 * The channels are read before the indicators, which name them; the
 * economy and the budget after the province.  Whether a "programs"
 * schedule or co-financing has its 'programs' section can only be known
 * once every part is read, so that check (lt_config_check_budget) runs at
 * the end of the walk.
 */
#include <stdio.h>
#include <string.h>

#include "config_private.h"

/* Tolerance for the channel allocations to sum to 1: far above rounding in
 * decimal inputs such as 0.6 + 0.4, far below any intended difference. */
#define ALLOC_TOL 1e-9

/* Growth rates, % a year: a halving or a doubling a year bounds anything a
 * provincial economy or budget does. */
static const struct range GROWTH = {-50.0, 100.0, 0, 0};

/* ---- channels --------------------------------------------------------- */

void lt_config_load_channels(struct ctx *c, const setting *root)
{
	static const char *const keys[] = {"allocation", "delta", "eta",
	    "capital0", "source", NULL};
	const setting *g = lt_config_group(c, root, "channels",
	                                   "at the top level", 0);
	lt_scenario *s = c->s;
	double sum = 0.0;
	int i, n, all = 1;

	if (g == NULL)
		return;
	n = config_setting_length(g);
	if (n == 0) {
		lt_config_error(c, g, "'channels' must hold at least one channel, "
		    "e.g. digital = { allocation = 1.0; ... }");
		return;
	}
	s->channels = lt_config_alloc_array(c, (size_t)n, sizeof *s->channels);
	if (s->channels == NULL)
		return;
	for (i = 0; i < n; i++) {
		const setting *m = config_setting_get_elem(g, (unsigned)i);
		const char *name = config_setting_name(m);
		lt_channel *ch = &s->channels[s->n_channels];
		char where[128], q[256];

		if (!lt_config_is_ident(name)) {
			lt_config_error(c, m, "channel name '%s' must be a lower-case "
			    "identifier like digital",
			    lt_config_quote(name, q, sizeof q));
			all = 0;
			continue;
		}
		if (config_setting_type(m) != CONFIG_TYPE_GROUP) {
			lt_config_error(c, m, "channel '%s' must be a group "
			    "{ allocation = ...; } (got %s)", name,
			    lt_config_type_name(m));
			all = 0;
			continue;
		}
		snprintf(where, sizeof where, "in channel '%s'", name);
		lt_config_check_keys(c, m, where, keys, 1);
		ch->id = lt_config_copy(c, name);
		ch->line = lt_config_line(m);
		ch->source = lt_config_get_str(c, m, "source", where, 1);
		ch->allocation_source = lt_config_get_source(c, m, "allocation",
		                                             where, ch->source);
		if (lt_config_get_num(c, m, "allocation", where, 1, UNIT,
		                      &ch->allocation) == 1)
			sum += ch->allocation;
		else
			all = 0;
		lt_config_get_param(c, m, "delta", where, 1, UNIT, ch->source,
		                    &ch->delta);
		lt_config_get_param(c, m, "eta", where, 1, UNIT, ch->source,
		                    &ch->eta);
		ch->has_capital0 = lt_config_get_num(c, m, "capital0", where, 0,
		                                     NONNEG, &ch->capital0) == 1;
		s->n_channels++;
	}
	if (all && fabs(sum - 1.0) > ALLOC_TOL)
		lt_config_error(c, g, "the 'allocation' values of the channels must "
		    "add up to 1 (got %.10g)", sum);
}

/* ---- economy ---------------------------------------------------------- */

void lt_config_load_economy(struct ctx *c, const setting *root)
{
	static const char *const keys[] = {"grdp", "grdp_year", "growth_pct",
	    "source", NULL};
	const char *w = "in 'economy'";
	const setting *g = lt_config_group(c, root, "economy",
	                                   "at the top level", 0);
	lt_economy *e = &c->s->economy;
	const char *src;

	if (g == NULL)
		return;
	lt_config_check_keys(c, g, w, keys, 1);
	e->line = lt_config_line(g);
	src = lt_config_get_str(c, g, "source", w, 1);
	lt_config_get_num(c, g, "grdp", w, 1, POSITIVE, &e->grdp);
	e->grdp_year = c->s->baseline_year;
	lt_config_get_int(c, g, "grdp_year", w, 0, lt_config_year_back(c),
	                  c->years_ok ? c->s->baseline_year : YEAR_MAX,
	                  &e->grdp_year);
	if (lt_config_get_param(c, g, "growth_pct", w, 1, GROWTH, src,
	                        &e->growth) > 0)
		e->growth_pct = lt_config_central(&e->growth);
	e->grdp_source = lt_config_get_source(c, g, "grdp", w, src);
	e->growth_source = e->growth.source;
}

/* ---- budget ----------------------------------------------------------- */

static void load_schedule(struct ctx *c, const setting *b, lt_schedule *sc)
{
	static const char *const keys[] = {"kind", "share_pct", "from_pct",
	    "to_pct", "to_year", "shares", "source", NULL};
	static const char *const own[][4] = {
		[LT_SCHED_CONSTANT] = {"share_pct"},
		[LT_SCHED_RAMP] = {"from_pct", "to_pct", "to_year"},
		[LT_SCHED_PER_YEAR] = {"shares"},
		[LT_SCHED_PROGRAMS] = {NULL},
	};
	const char *w = "in 'schedule' of 'budget'";
	const setting *g = lt_config_group(c, b, "schedule", "in 'budget'", 1);
	int k, i, j;

	if (g == NULL)
		return;
	lt_config_check_keys(c, g, w, keys, 1);
	sc->line = lt_config_line(g);
	sc->source = lt_config_get_str(c, g, "source", w, 0);
	k = lt_config_get_enum(c, g, "kind", w, 1, lt_sched_names);
	if (k < 0)
		return;
	sc->kind = (lt_sched)k;
	for (i = 1; i < 6; i++) {
		int ok = 0;
		for (j = 0; j < 4 && own[k][j] != NULL; j++)
			ok |= strcmp(keys[i], own[k][j]) == 0;
		if (!ok && config_setting_get_member(g, keys[i]) != NULL)
			lt_config_error(c, config_setting_get_member(g, keys[i]),
			    "'%s' does not belong to a \"%s\" schedule %s", keys[i],
			    lt_sched_names[k], w);
	}
	switch (sc->kind) {
	case LT_SCHED_CONSTANT:
		lt_config_get_num(c, g, "share_pct", w, 1, PERCENT, &sc->share_pct);
		break;
	case LT_SCHED_RAMP:
		lt_config_get_num(c, g, "from_pct", w, 1, PERCENT, &sc->from_pct);
		lt_config_get_num(c, g, "to_pct", w, 1, PERCENT, &sc->to_pct);
		lt_config_get_int(c, g, "to_year", w, 1,
		                  c->years_ok ? c->s->baseline_year + 1 : YEAR_MIN,
		                  lt_config_year_horizon(c), &sc->to_year);
		break;
	case LT_SCHED_PER_YEAR:
		if (lt_config_get_series(c, g, "shares", w, 1,
		                         c->years_ok ? c->s->baseline_year : YEAR_MIN,
		                         lt_config_year_horizon(c), PERCENT,
		                         &sc->shares) == 1 &&
		    sc->shares.n == 0)
			lt_config_error(c, g, "'shares' %s must list at least one "
			    "(year, share) pair", w);
		break;
	case LT_SCHED_PROGRAMS:
		break;
	}
}

static void load_cofinancing(struct ctx *c, const setting *b, lt_budget *bu)
{
	static const char *const keys[] = {"kind", "ratio", "source", NULL};
	static const char *const kinds[] = {"none", "ratio", "programs", NULL};
	/* Non-state money per unit of public money: 10 is far above any plan
	 * (Resolution 57 asks for 60% non-state R&D, a ratio of 1.5). */
	static const struct range RATIO = {0.0, 10.0, 0, 0};
	const char *w = "in 'cofinancing' of 'budget'";
	const setting *g = lt_config_group(c, b, "cofinancing", "in 'budget'",
	                                   0);
	int k;

	if (g == NULL)
		return;
	lt_config_check_keys(c, g, w, keys, 1);
	bu->cofin_source = lt_config_get_str(c, g, "source", w, 0);
	k = lt_config_get_enum(c, g, "kind", w, 1, kinds);
	if (k < 0)
		return;
	bu->cofin = (lt_cofin)k;
	if (bu->cofin == LT_COFIN_RATIO) {
		if (lt_config_get_param(c, g, "ratio", w, 1, RATIO, bu->cofin_source,
		                        &bu->cofin_param) > 0)
			bu->cofin_ratio = lt_config_central(&bu->cofin_param);
	}
	else if (config_setting_get_member(g, "ratio") != NULL)
		lt_config_error(c, config_setting_get_member(g, "ratio"), "'ratio' "
		    "%s belongs only to kind \"ratio\"", w);
}

void lt_config_load_budget(struct ctx *c, const setting *root)
{
	static const char *const keys[] = {"base", "amount", "year",
	    "growth_pct", "rule_min_share_pct", "schedule", "cofinancing",
	    "spending_history", "share_history", "source", NULL};
	static const char *const bases[] = {"total", "recurrent", NULL};
	const char *w = "in 'budget'";
	const setting *g = lt_config_group(c, root, "budget", "at the top level",
	                                   0);
	lt_budget *b = &c->s->budget;
	const char *src;
	int k, back = lt_config_year_back(c);
	int now = c->years_ok ? c->s->baseline_year : YEAR_MAX;

	if (g == NULL)
		return;
	lt_config_check_keys(c, g, w, keys, 1);
	b->line = lt_config_line(g);
	src = lt_config_get_str(c, g, "source", w, 1);
	k = lt_config_get_enum(c, g, "base", w, 1, bases);
	b->base = k == 1 ? LT_BASE_RECURRENT : LT_BASE_TOTAL;
	lt_config_get_num(c, g, "amount", w, 1, POSITIVE, &b->amount);
	lt_config_get_int(c, g, "year", w, 1, back, lt_config_year_horizon(c),
	                  &b->year);
	if (lt_config_get_param(c, g, "growth_pct", w, 1, GROWTH, src,
	                        &b->growth) > 0)
		b->growth_pct = lt_config_central(&b->growth);
	b->has_rule = lt_config_get_num(c, g, "rule_min_share_pct", w, 0,
	                                PERCENT, &b->rule_min_share_pct) == 1;
	b->amount_source = lt_config_get_source(c, g, "amount", w, src);
	b->growth_source = b->growth.source;
	b->rule_source = lt_config_get_source(c, g, "rule_min_share_pct", w, src);
	load_schedule(c, g, &b->schedule);
	if (b->schedule.source == NULL)
		b->schedule.source = lt_config_get_source(c, g, "schedule", w, src);
	load_cofinancing(c, g, b);
	if (b->cofin_source == NULL)
		b->cofin_source = lt_config_get_source(c, g, "cofinancing", w, src);
	lt_config_get_series(c, g, "spending_history", w, 0, back, now, NONNEG,
	                     &b->spending_history);
	b->spending_history.source = lt_config_get_source(c, g,
	    "spending_history", w, src);
	lt_config_get_series(c, g, "share_history", w, 0, back, now, PERCENT,
	                     &b->share_history);
	b->share_history.source = lt_config_get_source(c, g, "share_history", w,
	                                               src);
}

void lt_config_check_budget(struct ctx *c, const setting *root)
{
	const lt_budget *b = &c->s->budget;
	const setting *g = config_setting_get_member(root, "budget");

	if (g == NULL || c->s->has_programs)
		return;
	if (b->schedule.kind == LT_SCHED_PROGRAMS)
		lt_config_error(c, config_setting_lookup((setting *)g, "schedule"),
		    "a \"programs\" schedule in 'budget' needs a 'programs' "
		    "section");
	if (b->cofin == LT_COFIN_PROGRAMS)
		lt_config_error(c, config_setting_lookup((setting *)g,
		    "cofinancing"), "\"programs\" co-financing in 'budget' needs a "
		    "'programs' section");
}
