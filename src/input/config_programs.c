/* config_programs.c - the programmes of a scenario: parts, their groups of
 * tasks, the tasks with their years and money, and each task's split of
 * its state money by year.
 *
 * The section is optional; when present it says where the budget's money
 * goes, so a group names one of the channels (read before it) and a task
 * one of its part's groups (read just before the tasks).  Amounts are only
 * checked for sign here; config_units.c sets them against the spending
 * base once the budget is known.
 */
#include <stdio.h>
#include <string.h>

#include "config_private.h"

/* Relative tolerance for a task's split to add up to its state amount:
 * amounts are whole millions, so this only absorbs binary rounding. */
#define SPLIT_RTOL 1e-9

static void load_totals(struct ctx *c, const setting *parent, const char *key,
                        const char *where, lt_totals *t)
{
	static const char *const keys[] = {"total", "state", "other", "source",
	                                   NULL};
	const setting *g = lt_config_group(c, parent, key, where, 0);
	char w[200];

	if (g == NULL)
		return;
	snprintf(w, sizeof w, "in '%s' %s", key, where);
	lt_config_check_keys(c, g, w, keys, 1);
	t->line = lt_config_line(g);
	t->has_total = lt_config_get_num(c, g, "total", w, 0, NONNEG,
	                                 &t->total) == 1;
	t->has_state = lt_config_get_num(c, g, "state", w, 0, NONNEG,
	                                 &t->state) == 1;
	t->has_other = lt_config_get_num(c, g, "other", w, 0, NONNEG,
	                                 &t->other) == 1;
	t->source = lt_config_get_str(c, g, "source", w, 0);
	if (!t->has_total && !t->has_state && !t->has_other)
		lt_config_error(c, g, "'%s' %s must give at least one of 'total', "
		    "'state' or 'other'", key, where);
}

/* ---- tasks ------------------------------------------------------------ */

static void load_splits(struct ctx *c, const setting *e, const char *where,
                        lt_task *t)
{
	const setting *l = lt_config_member(c, e, "split", where, 0);
	double sum = 0.0;
	int i, n;

	if (l == NULL)
		return;
	if (!lt_config_is_seq(l)) {
		lt_config_error(c, l, "'split' %s must be a list of (from, to, "
		    "amount) triples (got %s)", where, lt_config_type_name(l));
		return;
	}
	n = config_setting_length(l);
	t->splits = lt_config_alloc_array(c, n > 0 ? (size_t)n : 1,
	                                  sizeof *t->splits);
	if (t->splits == NULL)
		return;
	for (i = 0; i < n; i++) {
		const setting *x = config_setting_get_elem(l, (unsigned)i);
		lt_split *sp = &t->splits[t->n_splits];
		long from, to;
		double amount;

		if (!lt_config_is_seq(x) || config_setting_length(x) != 3 ||
		    lt_config_whole(config_setting_get_elem(x, 0), &from) != 0 ||
		    lt_config_whole(config_setting_get_elem(x, 1), &to) != 0 ||
		    !lt_config_is_number(config_setting_get_elem(x, 2))) {
			lt_config_error(c, x, "entry %d of 'split' %s must be (from "
			    "year, to year, amount), e.g. (2026, 2030, 3200.0)", i + 1,
			    where);
			return;
		}
		amount = lt_config_number(config_setting_get_elem(x, 2));
		if (from > to || from < t->start || to > t->end) {
			lt_config_error(c, x, "entry %d of 'split' %s must lie inside "
			    "the task's years %d-%d, 'from' no later than 'to' (got "
			    "%ld-%ld)", i + 1, where, t->start, t->end, from, to);
			return;
		}
		if (t->n_splits > 0 && from <= t->splits[t->n_splits - 1].to) {
			lt_config_error(c, x, "entry %d of 'split' %s overlaps the one "
			    "before it", i + 1, where);
			return;
		}
		if (lt_config_check_number(c, x, "the amount in 'split'", amount,
		                           NONNEG) != 0)
			return;
		sp->from = (int)from;
		sp->to = (int)to;
		sp->amount = amount;
		sum += amount;
		t->n_splits++;
	}
	if (!t->has_state) {
		lt_config_error(c, l, "'split' %s needs the task's 'state' amount",
		    where);
		return;
	}
	if (fabs(sum - t->state) > SPLIT_RTOL * fmax(1.0, t->state))
		lt_config_error(c, l, "the amounts in 'split' %s add up to %.10g, "
		    "not the task's 'state' %.10g", where, sum, t->state);
}

static void load_task(struct ctx *c, const setting *e, const char *part,
                      int i, const lt_part *pt, lt_task *t)
{
	static const char *const keys[] = {"no", "group", "name", "name_vi",
	    "period", "start", "end", "state", "other", "split", NULL};
	char where[512], q[256];
	const char *grp;
	size_t g;
	int a, b, back = lt_config_year_back(c), hi = lt_config_year_horizon(c);

	snprintf(where, sizeof where, "in entry %d of 'tasks' of part '%s'",
	         i + 1, part);
	t->line = lt_config_line(e);
	t->no = lt_config_get_str(c, e, "no", where, 1);
	if (t->no != NULL)
		snprintf(where, sizeof where, "in task %s of part '%s'",
		         lt_config_quote(t->no, q, sizeof q), part);
	lt_config_check_keys(c, e, where, keys, 1);
	t->name_vi = lt_config_get_str(c, e, "name_vi", where, 1);
	t->name = lt_config_get_str(c, e, "name", where, 0);
	t->period = lt_config_get_str(c, e, "period", where, 1);
	grp = lt_config_get_str(c, e, "group", where, 1);
	if (grp != NULL) {
		for (g = 0; g < pt->n_groups; g++)
			if (pt->groups[g].id != NULL && strcmp(pt->groups[g].id, grp) == 0)
				break;
		if (g == pt->n_groups)
			lt_config_error(c, lt_config_member(c, e, "group", where, 0),
			    "'group' %s must be the id of one of the part's groups (got "
			    "\"%s\")", where, lt_config_quote(grp, q, sizeof q));
		t->group = g < pt->n_groups ? g : 0;
	}
	a = lt_config_get_int(c, e, "start", where, 0, back, hi, &t->start);
	b = lt_config_get_int(c, e, "end", where, 0, back, hi, &t->end);
	if ((a == 0 || b == 0) && t->period != NULL) {
		int ps, pe;

		if (lt_period_parse(t->period, &ps, &pe) != 0) {
			lt_config_error(c, lt_config_member(c, e, "period", where, 0),
			    "cannot read the years of 'period' %s (\"%s\"): it must "
			    "start with YYYY or YYYY - YYYY, or give 'start' and 'end'",
			    where, lt_config_quote(t->period, q, sizeof q));
			return;
		}
		if (a == 0)
			t->start = ps;
		if (b == 0)
			t->end = pe;
		if ((a == 0 && (ps < back || ps > hi)) ||
		    (b == 0 && (pe < back || pe > hi))) {
			lt_config_error(c, lt_config_member(c, e, "period", where, 0),
			    "the years of 'period' %s (%d-%d) must lie between %d and "
			    "%d", where, ps, pe, back, hi);
			return;
		}
	}
	if (a < 0 || b < 0)
		return;
	if (t->start > t->end) {
		lt_config_error(c, e, "the task %s ends (%d) before it starts (%d)",
		    where, t->end, t->start);
		return;
	}
	t->has_state = lt_config_get_num(c, e, "state", where, 0, NONNEG,
	                                 &t->state) == 1;
	lt_config_get_num(c, e, "other", where, 0, NONNEG, &t->other);
	load_splits(c, e, where, t);
}

/* ---- parts and their groups ------------------------------------------- */

static void load_prog_groups(struct ctx *c, const setting *e, const char *where,
                             lt_part *pt)
{
	static const char *const keys[] = {"id", "name", "name_vi", "channel",
	    "declared", NULL};
	const setting *l = lt_config_member(c, e, "groups", where, 1);
	int i, n;
	size_t j;

	if (l == NULL)
		return;
	if (config_setting_type(l) != CONFIG_TYPE_LIST ||
	    config_setting_length(l) == 0) {
		lt_config_error(c, l, "'groups' %s must be a non-empty list of "
		    "groups", where);
		return;
	}
	n = config_setting_length(l);
	pt->groups = lt_config_alloc_array(c, (size_t)n, sizeof *pt->groups);
	if (pt->groups == NULL)
		return;
	for (i = 0; i < n; i++) {
		const setting *g = config_setting_get_elem(l, (unsigned)i);
		lt_prog_group *pg = &pt->groups[pt->n_groups];
		const char *ch;
		char w[512], q[256];

		if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
			lt_config_error(c, g, "entry %d of 'groups' %s must be a group "
			    "(got %s)", i + 1, where, lt_config_type_name(g));
			continue;
		}
		snprintf(w, sizeof w, "in entry %d of 'groups' %s", i + 1, where);
		pg->line = lt_config_line(g);
		pg->id = lt_config_get_str(c, g, "id", w, 1);
		if (pg->id != NULL)
			snprintf(w, sizeof w, "in group \"%s\" %s",
			         lt_config_quote(pg->id, q, sizeof q), where);
		lt_config_check_keys(c, g, w, keys, 1);
		pg->name_vi = lt_config_get_str(c, g, "name_vi", w, 1);
		pg->name = lt_config_get_str(c, g, "name", w, 0);
		pg->channel = -1;
		ch = lt_config_get_str(c, g, "channel", w, 1);
		if (ch != NULL) {
			pg->channel = lt_scenario_find_channel(c->s, ch);
			if (pg->channel < 0)
				lt_config_error(c, lt_config_member(c, g, "channel", w, 0),
				    "'channel' %s must name one of the scenario's channels "
				    "(got \"%s\")", w, lt_config_quote(ch, q, sizeof q));
		}
		load_totals(c, g, "declared", w, &pg->declared);
		for (j = 0; j < pt->n_groups; j++)
			if (pg->id != NULL && pt->groups[j].id != NULL &&
			    strcmp(pg->id, pt->groups[j].id) == 0)
				lt_config_error(c, g, "group \"%s\" %s is defined twice",
				    lt_config_quote(pg->id, q, sizeof q), where);
		pt->n_groups++;
	}
}

static void load_part(struct ctx *c, const setting *e, int i, lt_part *pt)
{
	static const char *const keys[] = {"id", "name", "name_vi", "source",
	    "declared", "groups", "tasks", NULL};
	const setting *l;
	char where[160];
	int k, n;
	size_t j;

	snprintf(where, sizeof where, "in entry %d of 'parts'", i + 1);
	pt->line = lt_config_line(e);
	pt->id = lt_config_get_ident(c, e, "id", where);
	if (pt->id != NULL)
		snprintf(where, sizeof where, "in part '%s'", pt->id);
	lt_config_check_keys(c, e, where, keys, 1);
	pt->name = lt_config_get_str(c, e, "name", where, 1);
	pt->name_vi = lt_config_get_str(c, e, "name_vi", where, 1);
	pt->source = lt_config_get_str(c, e, "source", where, 1);
	load_totals(c, e, "declared", where, &pt->declared);
	load_prog_groups(c, e, where, pt);
	l = lt_config_member(c, e, "tasks", where, 1);
	if (l == NULL)
		return;
	if (config_setting_type(l) != CONFIG_TYPE_LIST ||
	    config_setting_length(l) == 0) {
		lt_config_error(c, l, "'tasks' %s must be a non-empty list of "
		    "groups", where);
		return;
	}
	n = config_setting_length(l);
	pt->tasks = lt_config_alloc_array(c, (size_t)n, sizeof *pt->tasks);
	if (pt->tasks == NULL)
		return;
	for (k = 0; k < n; k++) {
		const setting *t = config_setting_get_elem(l, (unsigned)k);
		lt_task *tk = &pt->tasks[pt->n_tasks];
		char q[256];

		if (config_setting_type(t) != CONFIG_TYPE_GROUP) {
			lt_config_error(c, t, "entry %d of 'tasks' %s must be a group "
			    "(got %s)", k + 1, where, lt_config_type_name(t));
			continue;
		}
		load_task(c, t, pt->id != NULL ? pt->id : "?", k, pt, tk);
		for (j = 0; j < pt->n_tasks; j++)
			if (tk->no != NULL && pt->tasks[j].no != NULL &&
			    strcmp(tk->no, pt->tasks[j].no) == 0)
				lt_config_error(c, t, "task \"%s\" %s is listed twice "
				    "(first at line %d)",
				    lt_config_quote(tk->no, q, sizeof q), where,
				    pt->tasks[j].line);
		pt->n_tasks++;
	}
}

/* ---- the section ------------------------------------------------------ */

void lt_config_load_programs(struct ctx *c, const setting *root)
{
	static const char *const keys[] = {"declared", "parts", "source", NULL};
	const char *w = "in 'programs'";
	const setting *g = lt_config_group(c, root, "programs",
	                                   "at the top level", 0);
	const setting *l;
	lt_programs *p = &c->s->programs;
	int i, n;
	size_t j;

	if (g == NULL)
		return;
	c->s->has_programs = 1;
	lt_config_check_keys(c, g, w, keys, 1);
	p->line = lt_config_line(g);
	p->source = lt_config_get_str(c, g, "source", w, 1);
	load_totals(c, g, "declared", w, &p->declared);
	l = lt_config_member(c, g, "parts", w, 1);
	if (l == NULL)
		return;
	if (config_setting_type(l) != CONFIG_TYPE_LIST ||
	    config_setting_length(l) == 0) {
		lt_config_error(c, l, "'parts' %s must be a non-empty list of "
		    "groups", w);
		return;
	}
	n = config_setting_length(l);
	p->parts = lt_config_alloc_array(c, (size_t)n, sizeof *p->parts);
	if (p->parts == NULL)
		return;
	for (i = 0; i < n; i++) {
		const setting *e = config_setting_get_elem(l, (unsigned)i);

		if (config_setting_type(e) != CONFIG_TYPE_GROUP) {
			lt_config_error(c, e, "entry %d of 'parts' %s must be a group "
			    "(got %s)", i + 1, w, lt_config_type_name(e));
			continue;
		}
		load_part(c, e, i, &p->parts[p->n_parts]);
		for (j = 0; j < p->n_parts; j++)
			if (p->parts[j].id != NULL && p->parts[p->n_parts].id != NULL &&
			    strcmp(p->parts[j].id, p->parts[p->n_parts].id) == 0)
				lt_config_error(c, e, "part '%s' is defined twice",
				    p->parts[j].id);
		p->n_parts++;
	}
}
