/* analysis.c - every engine on one scenario, in the order `run` presents
 * them (see analysis.h).  Nothing is computed here that a single-purpose
 * command does not compute the same way. */
#include "lotrinh/analysis.h"

#include <string.h>

#include "lotrinh/budget.h"

static void step(const lt_analysis_opts *o, const char *name)
{
	if (o->step != NULL)
		o->step(name, o->step_data);
}

/* The Monte Carlo options of O. */
static lt_mc_opts mc_opts(const lt_analysis_opts *o)
{
	lt_mc_opts m;

	memset(&m, 0, sizeof m);
	m.draws = o->draws;
	m.seed = o->seed;
	m.threads = o->threads;
	m.progress = o->progress;
	m.progress_data = o->progress_data;
	return m;
}

/* Monte Carlo of the plan and of business as usual (today's share kept,
 * as lt_simulate_run defines it). */
static int monte_carlo(const lt_scenario *s, const lt_analysis_opts *o,
                       lt_analysis *a, lt_diag *diag)
{
	lt_mc_opts m = mc_opts(o);
	lt_schedule bau;
	int rc;

	step(o, "Monte Carlo of the plan");
	rc = lt_simulate_mc(s, NULL, &m, &a->mc, diag);
	a->has_mc = rc == LT_OK;
	if (rc != LT_OK)
		return rc;
	memset(&bau, 0, sizeof bau);
	bau.kind = LT_SCHED_CONSTANT;
	bau.share_pct = a->sim.today_share;
	step(o, "Monte Carlo of business as usual");
	rc = lt_simulate_mc(s, &bau, &m, &a->mc_bau, diag);
	a->has_mc_bau = rc == LT_OK;
	return rc;
}

int lt_analysis_run(const lt_scenario *s, const lt_analysis_opts *o,
                    lt_analysis *out, lt_diag *diag)
{
	lt_mc_opts m = mc_opts(o);
	lt_sens_opts so;
	int rc;

	memset(out, 0, sizeof *out);
	out->s = s;
	lt_audit_init(&out->audit);
	step(o, "paths");
	rc = lt_paths_run(s, NULL, 0, &out->paths, diag);
	if (rc == LT_OK) {
		step(o, "audit");
		rc = lt_audit_run(s, &out->audit, diag);
	}
	if (rc == LT_OK) {
		step(o, "simulation");
		rc = lt_simulate_run(s, NULL, &out->sim, diag);
		out->has_sim = rc == LT_OK;
	}
	if (rc == LT_OK)
		rc = monte_carlo(s, o, out, diag);
	if (rc == LT_OK) {
		step(o, "inverse questions");
		rc = lt_solve_run(s, &out->solve, diag);
		out->has_solve = rc == LT_OK;
	}
	if (rc == LT_OK) {
		step(o, "probability against the budget share");
		rc = lt_solve_mc_run(s, &m, &out->prob, diag);
		out->has_prob = rc == LT_OK;
	}
	if (rc == LT_OK) {
		memset(&so, 0, sizeof so);
		so.sobol = o->sobol > 0;
		so.samples = o->sobol;
		so.bootstrap = o->bootstrap;
		so.seed = o->seed;
		so.threads = o->threads;
		so.progress = o->progress;
		so.progress_data = o->progress_data;
		step(o, "sensitivity");
		rc = lt_sens_run(s, NULL, NULL, 0, &so, &out->sens, diag);
		out->has_sens = rc == LT_OK;
	}
	if (rc == LT_OK) {
		lt_heat_opts ho;

		lt_heat_opts_init(&ho, &m);
		step(o, "probability over share and responsiveness");
		rc = lt_heat_run(s, &ho, &out->heat, diag);
		out->has_heat = rc == LT_OK;
	}
	return rc;
}

void lt_analysis_destroy(lt_analysis *a)
{
	lt_paths_free(a->paths);
	lt_audit_destroy(&a->audit);
	if (a->has_sim)
		lt_simulation_destroy(&a->sim);
	if (a->has_mc)
		lt_mc_result_destroy(&a->mc);
	if (a->has_mc_bau)
		lt_mc_result_destroy(&a->mc_bau);
	if (a->has_solve)
		lt_solve_report_destroy(&a->solve);
	if (a->has_prob)
		lt_solve_mc_result_destroy(&a->prob);
	if (a->has_sens)
		lt_sens_result_destroy(&a->sens);
	if (a->has_heat)
		lt_heat_result_destroy(&a->heat);
	memset(a, 0, sizeof *a);
}

int lt_analysis_count_at_rule(const lt_analysis *a, size_t k, size_t *count)
{
	const lt_budget *b = &a->s->budget;

	if (!a->has_prob || !b->has_rule || k >= a->prob.ni ||
	    !a->prob.ind[k].on)
		return 0;
	*count = lt_solve_mc_count(&a->prob.ind[k], b->rule_min_share_pct);
	return 1;
}

int lt_analysis_median_year(const lt_mc_result *r, size_t k)
{
	size_t i;

	if (k >= r->ni || !r->ind[k].simulated)
		return 0;
	for (i = 0; i < r->ny; i++)
		if (2 * r->ind[k].reached[i] >= r->draws)
			return r->t0 + (int)i;
	return 0;
}
