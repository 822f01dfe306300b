/* config_province.c - the scenario's frame: its years, and the province
 * with the components (former provinces) it merges.
 *
 * The years come first because every later year range depends on them.
 * The province comes after the indicators: each component gives values for
 * indicators by id, and their weighted mean becomes an indicator's merged
 * baseline (used when the indicator gives no baseline of its own).
 */
#include <stdio.h>

#include "config_private.h"

/* Longest horizon after the baseline, in years. */
#define MAX_SPAN 60

/* ---- years ------------------------------------------------------------ */

void lt_config_load_years(struct ctx *c, const setting *root)
{
	static const char *const keys[] = {"baseline", "horizon", NULL};
	const setting *g = lt_config_group(c, root, "years", "at the top level",
	                                   0);
	lt_scenario *s = c->s;
	int ok;

	if (g == NULL)
		return;
	lt_config_check_keys(c, g, "in 'years'", keys, 1);
	ok = lt_config_get_int(c, g, "baseline", "in 'years'", 1, YEAR_MIN,
	                       YEAR_MAX, &s->baseline_year) == 1;
	ok &= lt_config_get_int(c, g, "horizon", "in 'years'", 1, YEAR_MIN,
	                        YEAR_MAX, &s->horizon) == 1;
	if (!ok)
		return;
	if (s->horizon <= s->baseline_year) {
		lt_config_error(c, lt_config_member(c, g, "horizon", "", 0),
		    "'horizon' in 'years' must be after 'baseline' (got %d, "
		    "baseline %d)", s->horizon, s->baseline_year);
		return;
	}
	if (s->horizon - s->baseline_year > MAX_SPAN) {
		lt_config_error(c, lt_config_member(c, g, "horizon", "", 0),
		    "'horizon' in 'years' must be at most %d years after "
		    "'baseline' (got %d)", MAX_SPAN, s->horizon);
		return;
	}
	c->years_ok = 1;
}

/* ---- province --------------------------------------------------------- */

static void load_component(struct ctx *c, const setting *e, int i,
                           lt_component *cp)
{
	static const char *const keys[] = {"id", "name", "name_vi", "weight",
	    "values", "source", NULL};
	const setting *v;
	char where[128], q[256];
	int j;

	snprintf(where, sizeof where, "in entry %d of 'components'", i + 1);
	cp->line = lt_config_line(e);
	cp->id = lt_config_get_ident(c, e, "id", where);
	if (cp->id != NULL)
		snprintf(where, sizeof where, "in component '%s'", cp->id);
	lt_config_check_keys(c, e, where, keys, 1);
	cp->name = lt_config_get_str(c, e, "name", where, 1);
	cp->name_vi = lt_config_get_str(c, e, "name_vi", where, 1);
	cp->source = lt_config_get_str(c, e, "source", where, 1);
	cp->weight = 1.0;
	lt_config_get_num(c, e, "weight", where, 0, POSITIVE, &cp->weight);
	cp->weight_source = lt_config_get_source(c, e, "weight", where,
	                                         cp->source);
	v = lt_config_group(c, e, "values", where, 1);
	if (v == NULL)
		return;
	cp->values = lt_config_alloc_array(c,
	                                   (size_t)config_setting_length(v) + 1,
	                                   sizeof *cp->values);
	if (cp->values == NULL)
		return;
	for (j = 0; j < config_setting_length(v); j++) {
		const setting *m = config_setting_get_elem(v, (unsigned)j);
		const char *name = config_setting_name(m);
		int k = lt_scenario_find_indicator(c->s, name);
		lt_component_value *cv = &cp->values[cp->n_values];
		char w[160];

		if (k < 0) {
			lt_config_error(c, m, "'%s' in 'values' %s must name an "
			    "indicator of the scenario",
			    lt_config_quote(name, q, sizeof q), where);
			continue;
		}
		snprintf(w, sizeof w, "in 'values' %s", where);
		if (lt_config_get_num(c, v, name, w, 1,
		                      lt_config_value_range(&c->s->indicators[k]),
		                      &cv->value) != 1)
			continue;
		cv->indicator = (size_t)k;
		cv->line = lt_config_line(m);
		cp->n_values++;
	}
}

/* Merged baselines: the weighted mean of the components' values. */
static void merge_components(struct ctx *c, const setting *l)
{
	lt_scenario *s = c->s;
	lt_province *p = &s->province;
	double wsum = 0.0;
	size_t i, j, k;

	for (i = 0; i < p->n_components; i++)
		wsum += p->components[i].weight;
	for (i = 0; i < p->n_components; i++)
		p->components[i].weight /= wsum;
	for (k = 0; k < s->n_indicators; k++) {
		lt_indicator *ind = &s->indicators[k];
		size_t have = 0;
		double m = 0.0;

		for (i = 0; i < p->n_components; i++)
			for (j = 0; j < p->components[i].n_values; j++)
				if (p->components[i].values[j].indicator == k) {
					m += p->components[i].weight *
					     p->components[i].values[j].value;
					have++;
				}
		if (have == 0)
			continue;
		if (have != p->n_components) {
			lt_config_error(c, l, "every component must give a value for "
			    "'%s' or none does (%zu of %zu do)", ind->id, have,
			    p->n_components);
			continue;
		}
		ind->has_merged = 1;
		ind->merged_baseline = m;
	}
}

void lt_config_load_province(struct ctx *c, const setting *root)
{
	static const char *const keys[] = {"id", "name", "name_vi", "source",
	    "components", NULL};
	const setting *g = lt_config_group(c, root, "province",
	                                   "at the top level", 0);
	const setting *l;
	lt_province *p = &c->s->province;
	int i, n;

	if (g == NULL)
		return;
	lt_config_check_keys(c, g, "in 'province'", keys, 1);
	p->id = lt_config_get_ident(c, g, "id", "in 'province'");
	p->name = lt_config_get_str(c, g, "name", "in 'province'", 1);
	p->name_vi = lt_config_get_str(c, g, "name_vi", "in 'province'", 1);
	p->source = lt_config_get_str(c, g, "source", "in 'province'", 1);
	l = lt_config_member(c, g, "components", "in 'province'", 0);
	if (l == NULL)
		return;
	if (config_setting_type(l) != CONFIG_TYPE_LIST ||
	    config_setting_length(l) < 2) {
		lt_config_error(c, l, "'components' in 'province' must be a list of "
		    "at least two groups ( { id = ...; }, { id = ...; } )");
		return;
	}
	n = config_setting_length(l);
	p->components = lt_config_alloc_array(c, (size_t)n,
	                                      sizeof *p->components);
	if (p->components == NULL)
		return;
	for (i = 0; i < n; i++) {
		const setting *e = config_setting_get_elem(l, (unsigned)i);

		if (config_setting_type(e) != CONFIG_TYPE_GROUP) {
			lt_config_error(c, e, "entry %d of 'components' must be a group "
			    "(got %s)", i + 1, lt_config_type_name(e));
			return;
		}
		load_component(c, e, i, &p->components[p->n_components++]);
	}
	merge_components(c, l);
}
