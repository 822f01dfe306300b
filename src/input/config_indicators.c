/* config_indicators.c - the indicators of a scenario: their kind and
 * bounds, history, baseline, target, milestones, pace, channel and model,
 * and the spillovers between them.
 *
 * Read in three passes because of what each needs to know: the list
 * itself after the channels (an indicator names its channel); the
 * spillovers once every indicator id is known (an indicator may name one
 * further down); and, at the end of the walk, the baselines the province's
 * components give and the milestones checked against the target.
 */
#include <stdio.h>
#include <string.h>

#include "lotrinh/prior.h"

#include "config_private.h"

/* ---- one indicator ---------------------------------------------------- */

struct range lt_config_value_range(const lt_indicator *ind)
{
	struct range r = {0, 0, 0, 0};

	lt_kind_range(ind->kind, ind->rank_of, &r.lo, &r.hi);
	if (ind->has_floor)
		r.lo = fmax(r.lo, ind->floor);
	if (ind->has_ceiling)
		r.hi = fmin(r.hi, ind->ceiling);
	return r;
}

static void load_bounds(struct ctx *c, const setting *e, const char *where,
                        lt_indicator *ind)
{
	struct range nat = {0, 0, 0, 0};
	int f, u;

	lt_kind_range(ind->kind, ind->rank_of, &nat.lo, &nat.hi);
	if (ind->kind == LT_KIND_RANK) {
		if (config_setting_get_member(e, "floor") != NULL ||
		    config_setting_get_member(e, "ceiling") != NULL)
			lt_config_error(c, e, "'floor' and 'ceiling' %s do not apply to "
			    "a rank (its range is 1 to 'rank_of')", where);
		return;
	}
	f = lt_config_get_num(c, e, "floor", where, 0, nat, &ind->floor);
	u = lt_config_get_num(c, e, "ceiling", where, 0, nat, &ind->ceiling);
	if (f == 1 && u == 1 && !(ind->floor < ind->ceiling)) {
		lt_config_error(c, lt_config_member(c, e, "ceiling", where, 0),
		    "'ceiling' %s must be above 'floor' (got %.10g and %.10g)",
		    where, ind->ceiling, ind->floor);
		return;
	}
	if (f == 0) {
		ind->floor = nat.lo;
		f = 1;
	}
	if (u == 0 && ind->kind != LT_KIND_COUNT) {
		ind->ceiling = nat.hi;
		u = 1;
	}
	ind->has_floor = f == 1;
	ind->has_ceiling = u == 1;
}

/* mean_over = [2026, 2030] of target group G: the period whose mean the
 * target is on, its years between YLO and YHI; sets T->mean_from and
 * T->year. */
static void load_mean(struct ctx *c, const setting *g, const char *w,
                      long ylo, long yhi, lt_target *t)
{
	const setting *m = config_setting_get_member(g, "mean_over");
	long a, b;

	if (!lt_config_is_seq(m) || config_setting_length(m) != 2 ||
	    lt_config_whole(config_setting_get_elem(m, 0), &a) != 0 ||
	    lt_config_whole(config_setting_get_elem(m, 1), &b) != 0) {
		lt_config_error(c, m, "'mean_over' %s must be the first and last "
		    "year of a period, like [2026, 2030]", w);
		return;
	}
	/* the model's years start at the scenario's baseline year */
	if (c->years_ok && ylo < c->s->baseline_year)
		ylo = c->s->baseline_year;
	if (a < ylo || b > yhi || a >= b) {
		lt_config_error(c, m, "'mean_over' %s must be a period of at least "
		    "two years between %ld and %ld (got [%ld, %ld])", w, ylo, yhi,
		    a, b);
		return;
	}
	t->mean_from = (int)a;
	t->year = (int)b;
}

/* The keys of a target group G other than those of its form, in an error
 * "a FORM target WHERE has ..., not ...". */
static void exclusive(struct ctx *c, const setting *g, const char *where,
                      const char *form, const char *has,
                      const char *const *other)
{
	char list[160] = "";
	size_t len = 0;

	for (; *other != NULL; other++)
		if (config_setting_get_member(g, *other) != NULL)
			len += (size_t)snprintf(list + len, sizeof list - len, "%s'%s'",
			                        len > 0 ? ", " : "", *other);
	if (len > 0)
		lt_config_error(c, g, "a %s target %s has %s, not %s", form, where,
		                has, list);
}

/* Read target group KEY ("target" or "vision") of indicator E into T: a
 * threshold (value, direction), a range (min, max), a rank group (top), a
 * threshold on a period's mean (mean_over) or a growth rate (growth_pct,
 * direction), in a year between YLO and YHI. */
static void load_goal(struct ctx *c, const setting *e, const char *key,
                      const char *where, int required, long ylo, long yhi,
                      lt_indicator *ind, lt_target *t)
{
	static const char *const keys[] = {"value", "direction", "min", "max",
	    "year", "top", "mean_over", "growth_pct", "source", NULL};
	static const char *const dirs[] = {">=", "<=", ">", "<", NULL};
	static const char *const not_top[] = {"value", "direction",
	    "mean_over", "growth_pct", NULL};
	static const char *const not_growth[] = {"value", "mean_over", NULL};
	/* a yearly growth from a fall of 99.9 % to a thousandfold rise */
	static const struct range GROWTH = {-100.0, 100000.0, 1, 0};
	const setting *g = lt_config_group(c, e, key, where, required);
	struct range vr = lt_config_value_range(ind);
	char w[160];
	int d;

	if (g == NULL)
		return;
	snprintf(w, sizeof w, "in '%s' %s", key, where);
	lt_config_check_keys(c, g, w, keys, 1);
	t->line = lt_config_line(g);
	t->source = lt_config_get_str(c, g, "source", w, 0);
	if (t->source == NULL)
		t->source = ind->source;
	if (config_setting_get_member(g, "mean_over") != NULL)
		load_mean(c, g, w, ylo - 1, yhi, t);
	if (config_setting_get_member(g, "mean_over") == NULL ||
	    config_setting_get_member(g, "year") != NULL) {
		int last = t->year;

		if (lt_config_get_int(c, g, "year", w, 1, ylo, yhi, &t->year) == 1 &&
		    t->mean_from > 0 && t->year != last)
			lt_config_error(c, lt_config_member(c, g, "year", w, 0),
			    "'year' %s must be the last year of 'mean_over' (%d), or "
			    "be left out (got %d)", w, last, t->year);
	}
	if (config_setting_get_member(g, "min") != NULL ||
	    config_setting_get_member(g, "max") != NULL) {
		static const char *const not_range[] = {"top", "mean_over",
		    "growth_pct", NULL};
		int a, b;

		t->is_range = 1;
		if (config_setting_get_member(g, "value") != NULL ||
		    config_setting_get_member(g, "direction") != NULL)
			lt_config_error(c, g, "a range target %s has 'min' and 'max', "
			    "not 'value' or 'direction'", where);
		exclusive(c, g, where, "range", "'min' and 'max'", not_range);
		a = lt_config_get_num(c, g, "min", w, 1, vr, &t->min);
		b = lt_config_get_num(c, g, "max", w, 1, vr, &t->max);
		if (a == 1 && b == 1 && !(t->min < t->max))
			lt_config_error(c, g, "'min' must be below 'max' %s (got %.10g "
			    "and %.10g)", w, t->min, t->max);
		if (ind->kind == LT_KIND_RANK)
			lt_config_error(c, g, "the target %s must be a value with "
			    "direction \"<=\", not a range", where);
		return;
	}
	if (config_setting_get_member(g, "top") != NULL) {
		/* "trong nhóm 20 tỉnh dẫn đầu": rank 20 or better */
		if (ind->kind != LT_KIND_RANK) {
			lt_config_error(c, config_setting_get_member(g, "top"),
			    "'top' %s is a rank group (\"in the top N\") and applies "
			    "only to kind \"rank\"", w);
			return;
		}
		exclusive(c, g, where, "rank-group", "'top' alone (top = 20 "
		          "means a rank of 20 or better)", not_top);
		if (lt_config_get_int(c, g, "top", w, 1, 1, ind->rank_of,
		                      &t->top) == 1) {
			t->value = (double)t->top;
			t->direction = -1;
		}
		return;
	}
	if (config_setting_get_member(g, "growth_pct") != NULL) {
		/* "tăng trên 10%/năm" */
		if (ind->kind == LT_KIND_RANK) {
			lt_config_error(c, config_setting_get_member(g, "growth_pct"),
			    "'growth_pct' %s does not apply to a rank", w);
			return;
		}
		exclusive(c, g, where, "growth-rate", "'growth_pct' and "
		          "'direction'", not_growth);
		t->is_growth = lt_config_get_num(c, g, "growth_pct", w, 1, GROWTH,
		                                 &t->growth_pct) == 1;
	} else {
		lt_config_get_num(c, g, "value", w, 1, vr, &t->value);
	}
	if (t->mean_from > 0 && ind->kind == LT_KIND_RANK)
		lt_config_error(c, config_setting_get_member(g, "mean_over"),
		    "'mean_over' %s does not apply to a rank", w);
	d = lt_config_get_enum(c, g, "direction", w, 1, dirs);
	if (d >= 0) {
		t->direction = d % 2 == 0 ? +1 : -1;
		t->strict = d >= 2;
	}
	if (t->direction > 0 && ind->kind == LT_KIND_RANK) {
		lt_config_error(c, lt_config_member(c, g, "direction", w, 0),
		    "'direction' %s must be \"<=\" or \"<\": a rank is better when "
		    "lower", w);
		t->direction = -1; /* one error, not a cascade about milestones */
	}
}

static void load_target(struct ctx *c, const setting *e, const char *where,
                        lt_indicator *ind)
{
	load_goal(c, e, "target", where, 1, ind->baseline_year + 1,
	          lt_config_year_horizon(c), ind, &ind->target);
	if (config_setting_get_member(e, "vision") == NULL)
		return;
	/* the second target year: after the first, and free to lie past the
	 * horizon (the 2045 vision of a plan to 2030) */
	load_goal(c, e, "vision", where, 1,
	          ind->target.year > 0 ? ind->target.year + 1
	                               : ind->baseline_year + 1,
	          YEAR_MAX, ind, &ind->vision);
	ind->has_vision = 1;
}

/* The kind of indicator whose business-as-usual prior applies:
 * prior = "adoption"; one of the names in prior.c. */
static void load_prior(struct ctx *c, const setting *g, const char *w,
                       lt_indicator *ind)
{
	const setting *m = config_setting_get_member(g, "prior");
	char names[256] = "", q[64];
	size_t i, len = 0;

	ind->prior = lt_config_get_str(c, g, "prior", w, 0);
	if (ind->prior == NULL || lt_prior_find(ind->prior) != NULL) {
		ind->prior_line = lt_config_line(m);
		return;
	}
	for (i = 0; lt_priors[i].name != NULL && len < sizeof names; i++)
		len += (size_t)snprintf(names + len, sizeof names - len, "%s%s",
		                        i > 0 ? ", " : "", lt_priors[i].name);
	lt_config_error(c, m, "'prior' %s names no known kind of indicator (got "
	    "'%s'); expected one of: %s", w,
	    lt_config_quote(ind->prior, q, sizeof q), names);
	ind->prior = NULL;
}

static void load_model(struct ctx *c, const setting *e, const char *where,
                       lt_indicator *ind)
{
	static const char *const keys[] = {"r", "beta", "sigma", "prior",
	    "spillover", "source", NULL};
	/* Rates per year in the logit: |r| up to 5 a year already moves an
	 * indicator from 1% to 99% of its range in two years. */
	static const struct range RATE = {-5.0, 5.0, 0, 0};
	/* Responsiveness per percentage point of GRDP of capital intensity. */
	static const struct range BETA = {-100.0, 100.0, 0, 0};
	/* Shock sd in the logit a year. */
	static const struct range SIGMA = {0.0, 5.0, 0, 0};
	const setting *g = lt_config_group(c, e, "model", where, 0);
	const setting *sp;
	const char *src;
	char w[160];

	if (g == NULL)
		return;
	snprintf(w, sizeof w, "in 'model' %s", where);
	if (ind->kind == LT_KIND_RANK) {
		lt_config_error(c, g, "'model' %s does not apply: ranks get paths "
		    "and audits but no dynamics", where);
		return;
	}
	lt_config_check_keys(c, g, w, keys, 1);
	src = lt_config_get_str(c, g, "source", w, 0);
	if (src == NULL)
		src = ind->source;
	lt_config_get_param(c, g, "r", w, 0, RATE, src, &ind->r);
	lt_config_get_param(c, g, "beta", w, 0, BETA, src, &ind->beta);
	lt_config_get_param(c, g, "sigma", w, 0, SIGMA, src, &ind->sigma);
	load_prior(c, g, w, ind);
	sp = lt_config_group(c, g, "spillover", w, 0);
	if (sp != NULL && config_setting_length(sp) > 0) {
		/* resolved in lt_config_load_spillovers once every indicator is
		 * known */
		ind->spill = lt_config_alloc_array(c,
		                                   (size_t)config_setting_length(sp),
		                                   sizeof *ind->spill);
	}
}

/* The plausible-pace bound: pace = { max_step = 2.1; source = "..."; }. */
static void load_pace(struct ctx *c, const setting *e, const char *where,
                      lt_indicator *ind)
{
	static const char *const keys[] = {"max_step", "source", NULL};
	const setting *g = lt_config_group(c, e, "pace", where, 0);
	char w[160];

	if (g == NULL)
		return;
	snprintf(w, sizeof w, "in 'pace' %s", where);
	lt_config_check_keys(c, g, w, keys, 1);
	ind->has_pace = lt_config_get_num(c, g, "max_step", w, 1, POSITIVE,
	                                  &ind->pace_max_step) == 1;
	ind->pace_source = lt_config_get_str(c, g, "source", w, 1);
}

static void load_indicator(struct ctx *c, const setting *e, int i,
                           lt_indicator *ind)
{
	static const char *const keys[] = {"id", "name", "name_vi", "unit",
	    "unit_vi", "kind", "rank_of", "floor", "ceiling", "history",
	    "baseline", "baseline_year", "target", "vision", "milestones",
	    "observed",
	    "pace", "channel", "model", "source", NULL};
	char where[128], q[256];
	const char *ch;
	struct range vr;
	int k, lo_year = lt_config_year_back(c);

	snprintf(where, sizeof where, "in entry %d of 'indicators'", i + 1);
	ind->line = lt_config_line(e);
	ind->channel = -1;
	ind->id = lt_config_get_ident(c, e, "id", where);
	if (ind->id != NULL)
		snprintf(where, sizeof where, "for indicator '%s'", ind->id);
	lt_config_check_keys(c, e, where, keys, 1);
	ind->source = lt_config_get_str(c, e, "source", where, 1);
	ind->name = lt_config_get_str(c, e, "name", where, 1);
	ind->name_vi = lt_config_get_str(c, e, "name_vi", where, 1);
	ind->unit = lt_config_get_str(c, e, "unit", where, 1);
	ind->unit_vi = lt_config_get_str(c, e, "unit_vi", where, 0);
	k = lt_config_get_enum(c, e, "kind", where, 1, lt_kind_names);
	ind->kind = k >= 0 ? (lt_kind)k : LT_KIND_SHARE;
	if (ind->kind == LT_KIND_RANK) {
		if (lt_config_get_int(c, e, "rank_of", where, 1, 2, 10000,
		                      &ind->rank_of) != 1)
			ind->rank_of = 10000;
	} else if (config_setting_get_member(e, "rank_of") != NULL) {
		lt_config_error(c, config_setting_get_member(e, "rank_of"),
		    "'rank_of' %s applies only to kind \"rank\"", where);
	}
	load_bounds(c, e, where, ind);
	vr = lt_config_value_range(ind);
	ind->baseline_year = c->years_ok ? c->s->baseline_year : YEAR_MIN;
	lt_config_get_int(c, e, "baseline_year", where, 0, lo_year,
	                  c->years_ok ? c->s->horizon - 1 : YEAR_MAX,
	                  &ind->baseline_year);
	lt_config_get_series(c, e, "history", where, 0, YEAR_MIN,
	                     ind->baseline_year, vr, &ind->history);
	ind->history.source = lt_config_get_source(c, e, "history", where,
	                                           ind->source);
	ind->has_baseline = lt_config_get_num(c, e, "baseline", where, 0, vr,
	                                      &ind->baseline) == 1;
	if (config_setting_get_member(e, "baseline") != NULL && !ind->has_baseline)
		ind->has_baseline = -1; /* given but bad: no second error later */
	ind->baseline_source = lt_config_get_source(c, e, "baseline", where,
	                                            ind->source);
	ind->baseline_year_source = lt_config_get_source(c, e, "baseline_year",
	                                                 where, ind->source);
	load_target(c, e, where, ind);
	lt_config_get_series(c, e, "milestones", where, 0, ind->baseline_year + 1,
	                     lt_config_year_horizon(c), vr, &ind->milestones);
	ind->milestones.source = lt_config_get_source(c, e, "milestones", where,
	                                              ind->source);
	lt_config_get_series(c, e, "observed", where, 0, ind->baseline_year + 1,
	                     lt_config_year_horizon(c), vr, &ind->observed);
	ind->observed.source = lt_config_get_source(c, e, "observed", where,
	                                            ind->source);
	load_pace(c, e, where, ind);
	ch = lt_config_get_str(c, e, "channel", where, 0);
	if (ch != NULL && ind->kind == LT_KIND_RANK) {
		lt_config_error(c, lt_config_member(c, e, "channel", where, 0),
		    "'channel' %s does not apply: ranks get paths and audits but no "
		    "dynamics", where);
	} else if (ch != NULL) {
		ind->channel = lt_scenario_find_channel(c->s, ch);
		if (ind->channel < 0)
			lt_config_error(c, lt_config_member(c, e, "channel", where, 0),
			    "'channel' %s must name one of the scenario's channels "
			    "(got \"%s\")", where, lt_config_quote(ch, q, sizeof q));
	}
	load_model(c, e, where, ind);
}

/* ---- the list and its spillovers -------------------------------------- */

void lt_config_load_indicators(struct ctx *c, const setting *root)
{
	const setting *l = lt_config_member(c, root, "indicators",
	                                    "at the top level", 0);
	lt_scenario *s = c->s;
	int i, j, n;

	if (l == NULL)
		return;
	if (config_setting_type(l) != CONFIG_TYPE_LIST) {
		lt_config_error(c, l, "'indicators' must be a list "
		    "( { id = ...; }, ... ) (got %s)", lt_config_type_name(l));
		return;
	}
	n = config_setting_length(l);
	if (n == 0) {
		lt_config_error(c, l, "'indicators' must hold at least one "
		    "indicator");
		return;
	}
	s->indicators = lt_config_alloc_array(c, (size_t)n,
	                                      sizeof *s->indicators);
	if (s->indicators == NULL)
		return;
	for (i = 0; i < n; i++) {
		const setting *e = config_setting_get_elem(l, (unsigned)i);

		if (config_setting_type(e) != CONFIG_TYPE_GROUP) {
			lt_config_error(c, e, "entry %d of 'indicators' must be a group "
			    "{ id = ...; } (got %s)", i + 1, lt_config_type_name(e));
			continue;
		}
		load_indicator(c, e, i, &s->indicators[s->n_indicators]);
		for (j = 0; j < (int)s->n_indicators; j++) {
			const char *a = s->indicators[j].id;
			const char *b = s->indicators[s->n_indicators].id;
			if (a != NULL && b != NULL && strcmp(a, b) == 0)
				lt_config_error(c, e, "indicator '%s' is defined twice "
				    "(first at line %d)", b, s->indicators[j].line);
		}
		s->n_indicators++;
	}
}

void lt_config_load_spillovers(struct ctx *c, const setting *root)
{
	const setting *l = config_setting_get_member(root, "indicators");
	lt_scenario *s = c->s;
	size_t k = 0;
	int i, j;

	if (l == NULL || config_setting_type(l) != CONFIG_TYPE_LIST)
		return;
	for (i = 0; i < config_setting_length(l) && k < s->n_indicators; i++) {
		const setting *e = config_setting_get_elem(l, (unsigned)i);
		const setting *sp;
		lt_indicator *ind;
		char where[160], q[256];

		if (config_setting_type(e) != CONFIG_TYPE_GROUP)
			continue;
		ind = &s->indicators[k++];
		sp = config_setting_lookup((setting *)e, "model.spillover");
		if (sp == NULL || ind->spill == NULL ||
		    config_setting_type(sp) != CONFIG_TYPE_GROUP)
			continue;
		snprintf(where, sizeof where, "in 'spillover' for indicator '%s'",
		         ind->id != NULL ? ind->id : "?");
		for (j = 0; j < config_setting_length(sp); j++) {
			const setting *m = config_setting_get_elem(sp, (unsigned)j);
			const char *name = config_setting_name(m);
			int from = lt_scenario_find_indicator(s, name);
			lt_param g;

			if (from < 0) {
				lt_config_error(c, m, "'%s' %s must name another indicator "
				    "of the scenario", lt_config_quote(name, q, sizeof q),
				    where);
				continue;
			}
			if ((size_t)from == k - 1) {
				lt_config_error(c, m, "an indicator cannot spill over to "
				    "itself (%s)", where);
				continue;
			}
			if (s->indicators[from].kind == LT_KIND_RANK) {
				lt_config_error(c, m, "'%s' %s is a rank, which has no "
				    "dynamics to spill over", name, where);
				continue;
			}
			if (lt_config_get_param(c, sp, name, where, 1,
			                        (struct range){-100.0, 100.0, 0, 0},
			                        ind->source, &g) != 1)
				continue;
			ind->spill[ind->n_spill].from = (size_t)from;
			ind->spill[ind->n_spill].param = g;
			ind->spill[ind->n_spill].gamma = lt_config_central(&g);
			ind->n_spill++;
		}
	}
}

/* ---- cross-checks, once every part is read ---------------------------- */

static void check_milestones(struct ctx *c, lt_indicator *ind)
{
	const lt_series *m = &ind->milestones;
	int sense = lt_target_push(ind);
	size_t i;

	for (i = 1; i < m->n && sense != 0; i++) {
		double a = m->pts[i - 1].value, b = m->pts[i].value;

		if (sense * (b - a) < 0) {
			c->errors++;
			lt_error_raise(c->d, LT_EINVAL, c->file, m->line,
			    "milestone %d (%.10g) for indicator '%s' %s the one for %d "
			    "(%.10g) while the target asks it to %s: a roadmap must not "
			    "go backwards", m->pts[i].year, b, ind->id,
			    sense > 0 ? "falls below" : "rises above", m->pts[i - 1].year,
			    a, sense > 0 ? "rise" : "fall");
			return;
		}
	}
}

void lt_config_check_indicators(struct ctx *c, const setting *root)
{
	lt_scenario *s = c->s;
	size_t k;

	for (k = 0; k < s->n_indicators; k++) {
		lt_indicator *ind = &s->indicators[k];

		if (ind->id == NULL)
			continue;
		if (ind->has_baseline == 0 && ind->has_merged) {
			ind->baseline = ind->merged_baseline;
			ind->has_baseline = 1;
		} else if (ind->has_baseline == 0 && (ind->channel >= 0 ||
		           ind->r.set || ind->beta.set || ind->sigma.set ||
		           ind->prior != NULL)) {
			/* no baseline: a target-only indicator (scenario.h), which
			 * the model never runs */
			c->errors++;
			lt_error_raise(c->d, LT_EINVAL, c->file, ind->line,
			    "indicator '%s' has no 'baseline' (nor one from the "
			    "province's components), so it is never simulated: its "
			    "'channel' and 'model' do not apply; give its baseline, or "
			    "drop them to carry the target alone", ind->id);
		}
		if (ind->has_baseline == 1)
			check_milestones(c, ind);
	}
	(void)root;
}
