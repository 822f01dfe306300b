/* simulate.c - the plan against business as usual (see simulate.h). */
#include "lotrinh/simulate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/budget.h"

void lt_simulation_destroy(lt_simulation *r)
{
	lt_sim_destroy(&r->plan);
	lt_sim_destroy(&r->bau);
	free(r->ind);
	memset(r, 0, sizeof *r);
}

/* Evaluate M at THETA under SCHED into SIM (its value array holds the
 * logits first, then, element by element, the values). */
static int run_one(lt_model *m, const lt_schedule *sched, const double *theta,
                   lt_model_ws *w, lt_sim *sim, lt_diag *diag)
{
	lt_model_set_schedule(m, sched);
	return lt_model_eval(m, theta, NULL, w, sim->value, sim, diag);
}

static void describe(const lt_scenario *s, const lt_model *m,
                     const double *theta, lt_simulation *r, size_t k)
{
	lt_sim_indicator *x = &r->ind[k];
	const lt_indicator *ind = &s->indicators[k];
	const char *why;
	int slot;

	x->dynamic = lt_model_dynamic(m, k, &why);
	snprintf(x->why, sizeof x->why, "%s", why);
	x->r = x->beta = NAN;
	if (!x->dynamic)
		return;
	slot = lt_model_find_slot(m, LT_SLOT_R, k);
	x->r = theta[slot];
	slot = lt_model_find_slot(m, LT_SLOT_BETA, k);
	x->beta = theta[slot];
	snprintf(x->beta_why, sizeof x->beta_why, "%s",
	         lt_model_slot(m, (size_t)slot)->origin);
	x->year_met = lt_sim_year_met(&r->plan, ind, k, r->plan.t0);
	x->bau_year_met = lt_sim_year_met(&r->bau, ind, k, r->bau.t0);
	if (ind->target.year >= r->plan.t0 && ind->target.year <= r->plan.t1)
		x->at_target = lt_target_test(ind, lt_target_outcome(ind,
		               r->plan.value + k * r->plan.ny, r->plan.t0,
		               r->plan.ny));
}

int lt_simulate_run(const lt_scenario *s, const lt_schedule *sched,
                    lt_simulation *out, lt_diag *diag)
{
	lt_model *m = NULL;
	lt_model_ws *w = NULL;
	lt_schedule today;
	double *theta = NULL;
	size_t k;
	int rc;

	memset(out, 0, sizeof *out);
	out->schedule = sched != NULL ? *sched : s->budget.schedule;
	memset(&today, 0, sizeof today);
	today.kind = LT_SCHED_CONSTANT;
	today.share_pct = out->today_share = lt_budget_today_share(s);
	rc = lt_model_compile(&m, s, sched, diag);
	if (rc != LT_OK)
		return rc;
	w = lt_model_ws_alloc(m);
	theta = lt_calloc(lt_model_nslots(m) + 1, sizeof *theta);
	out->n = s->n_indicators;
	out->ind = lt_calloc(out->n + 1, sizeof *out->ind);
	if (w == NULL || theta == NULL || out->ind == NULL ||
	    lt_sim_init(&out->plan, s) != LT_OK ||
	    lt_sim_init(&out->bau, s) != LT_OK) {
		rc = lt_error_raise(diag, LT_ENOMEM, NULL, 0, "out of memory");
		goto done;
	}
	lt_model_central(m, theta);
	rc = run_one(m, sched, theta, w, &out->plan, diag);
	if (rc == LT_OK)
		rc = run_one(m, &today, theta, w, &out->bau, diag);
	for (k = 0; rc == LT_OK && k < out->n; k++)
		describe(s, m, theta, out, k);
done:
	if (rc != LT_OK)
		lt_simulation_destroy(out);
	free(theta);
	lt_model_ws_free(w);
	lt_model_free(m);
	return rc;
}

int lt_simulate_mc(const lt_scenario *s, const lt_schedule *sched,
                   const lt_mc_opts *o, lt_mc_result *out, lt_diag *diag)
{
	lt_model *m;
	int rc;

	memset(out, 0, sizeof *out);
	rc = lt_model_compile(&m, s, sched, diag);
	if (rc != LT_OK)
		return rc;
	rc = lt_mc_run(m, o, out, diag);
	lt_model_free(m);
	return rc;
}
