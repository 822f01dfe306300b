/* compare.c - provinces side by side (see compare.h): each scenario's
 * answers from the engines the single-province commands use (paths,
 * simulate, solve, Monte Carlo at the plan's rule), then matched by
 * indicator id and kind into measures. */
#include "lotrinh/compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/model.h"
#include "lotrinh/paths.h"
#include "lotrinh/simulate.h"

/* One scenario's answers, indexed by indicator. */
struct answers {
	lt_paths *paths;
	lt_simulation sim;
	int has_sim;
	lt_share_result *share;  /* [ni] */
	lt_mc_result mc;
	int has_mc;
};

static void answers_destroy(struct answers *a)
{
	lt_paths_free(a->paths);
	if (a->has_sim)
		lt_simulation_destroy(&a->sim);
	if (a->has_mc)
		lt_mc_result_destroy(&a->mc);
	free(a->share);
	memset(a, 0, sizeof *a);
}

/* The smallest constant share of every simulated target at the central
 * parameters into A->share. */
static int smallest_shares(const lt_scenario *s, struct answers *a,
                           lt_diag *diag)
{
	lt_solver *sv = NULL;
	double *theta = NULL;
	size_t k;
	int rc = lt_solver_alloc(&sv, s, diag);

	if (rc != LT_OK)
		return rc;
	theta = lt_calloc(lt_model_nslots(lt_solver_model(sv)) + 1,
	                  sizeof *theta);
	if (theta == NULL) {
		lt_solver_free(sv);
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	}
	lt_model_central(lt_solver_model(sv), theta);
	for (k = 0; k < s->n_indicators && rc == LT_OK; k++)
		rc = lt_solve_share(sv, theta, k, &a->share[k], diag);
	free(theta);
	lt_solver_free(sv);
	return rc;
}

/* Every answer for scenario S into A. */
static int answer(const lt_scenario *s, const lt_compare_opts *o,
                  struct answers *a, lt_diag *diag)
{
	int rc;

	memset(a, 0, sizeof *a);
	a->share = lt_calloc(s->n_indicators + 1, sizeof *a->share);
	if (a->share == NULL)
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	rc = lt_paths_run(s, NULL, 0, &a->paths, diag);
	if (rc == LT_OK)
		rc = lt_simulate_run(s, NULL, &a->sim, diag);
	a->has_sim = rc == LT_OK;
	if (rc == LT_OK)
		rc = smallest_shares(s, a, diag);
	if (rc == LT_OK && o->draws > 0 && s->budget.has_rule) {
		/* the plan's rule held as a constant share every year */
		lt_mc_opts mo;
		lt_schedule sc;

		memset(&mo, 0, sizeof mo);
		mo.draws = o->draws;
		mo.seed = o->seed;
		mo.threads = o->threads;
		memset(&sc, 0, sizeof sc);
		sc.kind = LT_SCHED_CONSTANT;
		sc.share_pct = s->budget.rule_min_share_pct;
		rc = lt_simulate_mc(s, &sc, &mo, &a->mc, diag);
		a->has_mc = rc == LT_OK;
	}
	return rc;
}

/* Indicator K of S, with A's answers, into cell C. */
static void fill_cell(const lt_scenario *s, size_t i, size_t k,
                      const struct answers *a, lt_compare_cell *c)
{
	const lt_indicator *ind = &s->indicators[k];
	const lt_paths_item *p = &a->paths->items[k];
	double aim = lt_target_aim(ind);

	memset(c, 0, sizeof *c);
	c->scenario = i;
	c->k = k;
	c->position = c->aim_position = c->of_aim_pct = NAN;
	c->step = c->step_pct = c->p_rule = c->p_se = NAN;
	if (ind->kind == LT_KIND_RANK) {
		double span = (double)(ind->rank_of - 1);

		if (!lt_indicator_target_only(ind))
			c->position = (ind->baseline - 1.0) / span;
		c->aim_position = (aim - 1.0) / span;
	} else if (!lt_indicator_target_only(ind) && aim > 0.0) {
		c->of_aim_pct = 100.0 * ind->baseline / aim;
	}
	if (!lt_indicator_target_only(ind)) {
		c->step = p->met ? 0.0 : p->path[LT_PATH_LINEAR].mean_step;
		c->step_pct = p->met ? 0.0 : p->path[LT_PATH_LINEAR].mean_step_pct;
	}
	c->has_class = p->prog_ok && p->prog.trend != LT_CLASS_INSUFFICIENT;
	c->cls = p->prog.trend;
	c->simulated = a->has_sim && a->sim.ind[k].dynamic;
	c->share = a->share[k];
	c->year_met = c->simulated ? a->sim.ind[k].year_met : 0;
	if (a->has_mc && a->mc.ind[k].has_target) {
		c->has_p = 1;
		c->p_met = a->mc.ind[k].met_target;
		c->p_draws = a->mc.draws;
		c->p_rule = lt_mc_prob(c->p_met, c->p_draws, &c->p_se);
	}
}

/* The measure for (ID, KIND) in OUT, made when new (room for N cells);
 * NULL when out of memory. */
static lt_compare_measure *measure_of(lt_compare *out, size_t n,
                                      const char *id, lt_kind kind)
{
	lt_compare_measure *m;
	size_t j;

	for (j = 0; j < out->n_measures; j++)
		if (out->measures[j].kind == kind &&
		    strcmp(out->measures[j].id, id) == 0)
			return &out->measures[j];
	m = &out->measures[out->n_measures];
	memset(m, 0, sizeof *m);
	m->cells = lt_calloc(n, sizeof *m->cells);
	if (m->cells == NULL)
		return NULL;
	m->id = id;
	m->kind = kind;
	out->n_measures++;
	return m;
}

/* Record that indicator IND of scenario I uses an id another scenario's
 * measure has with a different kind (once per pair of scenarios). */
static void note_clash(lt_compare *out, size_t i, const lt_indicator *ind)
{
	size_t j, c;

	for (j = 0; j < out->n_measures; j++) {
		const lt_compare_measure *m = &out->measures[j];
		size_t a = m->cells[0].scenario;

		if (m->kind == ind->kind || strcmp(m->id, ind->id) != 0 || a == i)
			continue;
		for (c = 0; c < out->n_clashes; c++)
			if (out->clashes[c].a == a && out->clashes[c].b == i &&
			    strcmp(out->clashes[c].id, ind->id) == 0)
				break;
		if (c < out->n_clashes)
			continue;
		out->clashes[out->n_clashes].id = ind->id;
		out->clashes[out->n_clashes].a = a;
		out->clashes[out->n_clashes].b = i;
		out->clashes[out->n_clashes].kind_a = m->kind;
		out->clashes[out->n_clashes].kind_b = ind->kind;
		out->n_clashes++;
	}
}

/* Scenario I's indicators into their measures. */
static int add_scenario(const lt_scenario *const *s, size_t n, size_t i,
                        const struct answers *a, lt_compare *out)
{
	size_t k;

	for (k = 0; k < s[i]->n_indicators; k++) {
		const lt_indicator *ind = &s[i]->indicators[k];
		lt_compare_measure *m;
		lt_compare_cell *first;

		note_clash(out, i, ind);
		m = measure_of(out, n, ind->id, ind->kind);
		if (m == NULL)
			return LT_ENOMEM;
		fill_cell(s[i], i, k, a, &m->cells[m->n_cells]);
		first = &m->cells[0];
		if (m->n_cells > 0) {
			const lt_indicator *f = &s[first->scenario]->indicators[first->k];

			m->units_differ |= strcmp(f->unit, ind->unit) != 0;
			m->ranks_differ |= ind->kind == LT_KIND_RANK &&
			                   f->rank_of != ind->rank_of;
		}
		m->n_cells++;
	}
	return LT_OK;
}

int lt_compare_run(const lt_scenario *const *s, size_t n,
                   const lt_compare_opts *o, lt_compare *out, lt_diag *diag)
{
	size_t i, total = 0;
	int rc = LT_OK;

	memset(out, 0, sizeof *out);
	for (i = 0; i < n; i++)
		total += s[i]->n_indicators;
	out->n_scenarios = n;
	out->rule_pct = lt_calloc(n + 1, sizeof *out->rule_pct);
	out->measures = lt_calloc(total + 1, sizeof *out->measures);
	out->clashes = lt_calloc(total * (n > 0 ? n : 1) + 1,
	                         sizeof *out->clashes);
	if (!out->rule_pct || !out->measures || !out->clashes) {
		lt_compare_destroy(out);
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	}
	for (i = 0; i < n && rc == LT_OK; i++) {
		struct answers a;

		out->rule_pct[i] = s[i]->budget.has_rule
		                   ? s[i]->budget.rule_min_share_pct : NAN;
		rc = answer(s[i], o, &a, diag);
		if (rc == LT_OK && add_scenario(s, n, i, &a, out) != LT_OK)
			rc = lt_error_raise(diag, LT_ENOMEM, NULL, 0, "out of memory");
		answers_destroy(&a);
	}
	if (rc != LT_OK)
		lt_compare_destroy(out);
	return rc;
}

void lt_compare_destroy(lt_compare *c)
{
	size_t j;

	for (j = 0; c->measures != NULL && j < c->n_measures; j++)
		free(c->measures[j].cells);
	free(c->measures);
	free(c->rule_pct);
	free(c->clashes);
	memset(c, 0, sizeof *c);
}
