/* heat.c - the probability of each target over share × β (see heat.h).
 *
 * The pipeline of solve_mc.c: set up (the maps' axes and β slots, the
 * sampler on thread 0's solver), one accumulator per thread (its solver,
 * θ buffers and integer counts), chunks of draws over OpenMP threads, then
 * the merge by integer addition.  Nothing is allocated once the draws
 * start.
 */
#include "lotrinh/heat.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "lotrinh/alloc.h"
#include "lotrinh/budget.h"
#include "lotrinh/model.h"
#include "lotrinh/param.h"
#include "lotrinh/simulate.h"
#include "lotrinh/solve.h"
#include "lotrinh/solve_mc.h"

/* A grid value within this fraction of the axis's span of the central β
 * is the central β: the axis's arithmetic is a few ulp off it, and the
 * column at a fixed β must be solve_mc's curve exactly. */
#define SNAP_REL 1e-9

/* ---- what every thread reads ---------------------------------------------- */

struct setup {
	const lt_scenario *s;
	const lt_heat_opts *o;
	const lt_heat_result *r; /* the axes */
	size_t ni, nslots;
	int *beta;            /* [ni] the slot of k's β when k has a map */
	size_t *edge;         /* [n_share] the bin edge of each share */
	int ode;              /* spillovers: one target at a time */
	lt_mc_sampler smp;
};

/* ---- one thread's accumulator --------------------------------------------- */

struct acc {
	size_t *met;          /* [ni * n_beta * n_share] */
	lt_solver *sv;
	lt_share_result *res; /* [ni] */
	double *theta, *th2, *eps;
	gsl_rng *rng;
	int rc;
	lt_diag diag;
};

static void acc_free(struct acc *a)
{
	free(a->met);
	lt_solver_free(a->sv);
	free(a->res);
	free(a->theta);
	free(a->th2);
	free(a->eps);
	if (a->rng != NULL)
		gsl_rng_free(a->rng);
	lt_diag_destroy(&a->diag);
}

static int acc_init(struct acc *a, const struct setup *u, lt_diag *diag)
{
	size_t cells = u->ni * u->r->n_beta * u->r->n_share;

	a->met = lt_calloc(cells + 1, sizeof *a->met);
	a->res = lt_calloc(u->ni + 1, sizeof *a->res);
	a->theta = lt_calloc(u->nslots + 1, sizeof *a->theta);
	a->th2 = lt_calloc(u->nslots + 1, sizeof *a->th2);
	a->eps = lt_calloc(u->smp.n_eps + 1, sizeof *a->eps);
	a->rng = gsl_rng_alloc(gsl_rng_mt19937);
	if (!a->met || !a->res || !a->theta || !a->th2 || !a->eps || !a->rng)
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	memcpy(a->theta, u->smp.central, u->nslots * sizeof *a->theta);
	return LT_OK;
}

/* ---- one draw --------------------------------------------------------------- */


/* Count answer X into the cells ROW[n_share] of one β: a draw meets the
 * target at edge m when its set [lo, hi] starts at 0 or in a bin below m,
 * and does not end (below 100) in a bin below m: solve_mc's running sum
 * of +1 at lt_solve_mc_bin(lo) and -1 at lt_solve_mc_bin(hi), read draw by draw. */
static void tally(const struct setup *u, const lt_share_result *x,
                  size_t *row)
{
	double lo, hi;
	size_t j, m;

	if (x->answer != LT_ANSWER_SOLVED && x->answer != LT_ANSWER_FREE)
		return;
	lo = x->share;
	hi = x->share_hi;
	if (!(lo <= hi))
		return;
	for (j = 0; j < u->r->n_share; j++) {
		m = u->edge[j];
		if (lo > 0.0 && lt_solve_mc_bin(lo) >= m)
			continue;
		if (hi < 100.0 && lt_solve_mc_bin(hi) < m)
			continue;
		row[j]++;
	}
}

/* One draw (A->theta, A->eps) at every β of the grid. */
static int one_draw(const struct setup *u, struct acc *a)
{
	const double *eps = u->smp.shocks ? a->eps : NULL;
	size_t nb = u->r->n_beta, ns = u->r->n_share, i, k;
	int rc = LT_OK;

	for (i = 0; i < nb && rc == LT_OK; i++) {
		if (!u->ode) {
			memcpy(a->th2, a->theta, u->nslots * sizeof *a->th2);
			for (k = 0; k < u->ni; k++)
				if (u->r->ind[k].on)
					a->th2[u->beta[k]] = u->r->ind[k].beta[i];
			rc = lt_solve_draw(a->sv, a->th2, eps, a->res, &a->diag);
			for (k = 0; rc == LT_OK && k < u->ni; k++)
				if (u->r->ind[k].on)
					tally(u, &a->res[k], a->met + (k * nb + i) * ns);
			continue;
		}
		for (k = 0; rc == LT_OK && k < u->ni; k++) {
			if (!u->r->ind[k].on)
				continue;
			memcpy(a->th2, a->theta, u->nslots * sizeof *a->th2);
			a->th2[u->beta[k]] = u->r->ind[k].beta[i];
			rc = lt_solve_share_eps(a->sv, a->th2, eps, k, &a->res[k],
			                        &a->diag);
			if (rc == LT_OK)
				tally(u, &a->res[k], a->met + (k * nb + i) * ns);
		}
	}
	return rc;
}

/* Draws of chunk C into A: the same draws as lt_mc_run's. */
static void run_chunk(const struct setup *u, size_t c, struct acc *a)
{
	size_t d, from = c * LT_MC_CHUNK, to = from + LT_MC_CHUNK;

	if (to > u->o->mc.draws)
		to = u->o->mc.draws;
	gsl_rng_set(a->rng, (unsigned long)lt_mc_chunk_seed(u->o->mc.seed, c));
	for (d = from; d < to && a->rc == LT_OK; d++) {
		lt_mc_draw(&u->smp, a->rng, a->theta, a->eps);
		a->rc = one_draw(u, a);
	}
}

static void run_chunks(const struct setup *u, struct acc *acc, int nt)
{
	size_t nchunks = (u->o->mc.draws + LT_MC_CHUNK - 1) / LT_MC_CHUNK;
	size_t done = 0;
	long c;

	(void)nt;
#ifdef _OPENMP
#pragma omp parallel num_threads(nt)
#endif
	{
#ifdef _OPENMP
		struct acc *a = &acc[omp_get_thread_num()];
#pragma omp for schedule(dynamic, 1)
#else
		struct acc *a = &acc[0];
#endif
		for (c = 0; c < (long)nchunks; c++) {
			if (a->rc != LT_OK)
				continue;
			run_chunk(u, (size_t)c, a);
			lt_mc_chunk_done(&u->o->mc, &done);
		}
	}
}

/* ---- axes ------------------------------------------------------------------- */

void lt_heat_opts_init(lt_heat_opts *o, const lt_mc_opts *mc)
{
	memset(o, 0, sizeof *o);
	o->mc = *mc;
	o->n_share = LT_HEAT_N_SHARE;
	o->n_beta = LT_HEAT_N_BETA;
}

double lt_heat_share_max(const lt_scenario *s, double plan_share)
{
	double top = lt_budget_today_share(s), v;

	if (s->budget.has_rule && s->budget.rule_min_share_pct > top)
		top = s->budget.rule_min_share_pct;
	if (plan_share > top)
		top = plan_share;
	v = ceil(2.0 * top / LT_HEAT_SHARE_STEP) * LT_HEAT_SHARE_STEP;
	if (!(v >= LT_HEAT_SHARE_STEP))
		v = LT_HEAT_SHARE_STEP;
	return v < 100.0 ? v : 100.0;
}

int lt_heat_plan_share(const lt_scenario *s, double *share, lt_diag *diag)
{
	lt_simulation sim;
	double base = 0.0, pub = 0.0;
	size_t i;
	int rc = lt_simulate_run(s, NULL, &sim, diag);

	*share = NAN;
	if (rc != LT_OK)
		return rc;
	for (i = 1; i < sim.plan.ny; i++) {
		base += sim.plan.base[i];
		pub += sim.plan.public_[i];
	}
	lt_simulation_destroy(&sim);
	if (base > 0.0)
		*share = 100.0 * pub / base;
	return LT_OK;
}

/* The β axis of indicator K's map X on model M's slot SLOT. */
static void beta_axis(const lt_model *m, int slot, size_t nb, lt_heat_map *x)
{
	const lt_slot *sl = lt_model_slot(m, (size_t)slot);
	double c = sl->central, lo, hi;
	size_t i;

	x->beta_central = c;
	x->beta_drawn = sl->dist.dist != LT_DIST_FIXED;
	if (x->beta_drawn) {
		lo = lt_param_quantile(&sl->dist, LT_HEAT_BETA_P_LOW);
		hi = lt_param_quantile(&sl->dist, LT_HEAT_BETA_P_HIGH);
	} else {
		lo = c < 0.0 ? c : 0.0;
		hi = 2.0 * c > LT_BETA_PLAUSIBLE_MAX ? 2.0 * c : LT_BETA_PLAUSIBLE_MAX;
	}
	for (i = 0; i < nb; i++) {
		x->beta[i] = lo + (hi - lo) * (double)i / (double)(nb - 1);
		if (fabs(x->beta[i] - c) <= SNAP_REL * (hi - lo))
			x->beta[i] = c;
	}
}

void lt_heat_result_destroy(lt_heat_result *r)
{
	size_t k;

	for (k = 0; r->ind != NULL && k < r->ni; k++) {
		free(r->ind[k].beta);
		free(r->ind[k].met);
	}
	free(r->ind);
	free(r->share);
	memset(r, 0, sizeof *r);
}

/* The axes of OUT and the setup U from thread 0's model M. */
static int axes(struct setup *u, const lt_model *m, lt_heat_result *out,
                double share_max)
{
	size_t k, j, ny = lt_model_years(m);

	out->share = lt_calloc(out->n_share + 1, sizeof *out->share);
	u->edge = lt_calloc(out->n_share + 1, sizeof *u->edge);
	out->ind = lt_calloc(u->ni + 1, sizeof *out->ind);
	u->beta = lt_calloc(u->ni + 1, sizeof *u->beta);
	if (!out->share || !u->edge || !out->ind || !u->beta)
		return LT_ENOMEM;
	out->ni = u->ni;
	for (j = 0; j < out->n_share; j++) {
		double e = round(share_max * (double)j / (double)(out->n_share - 1) *
		                 LT_SOLVE_MC_PER_POINT);

		u->edge[j] = (size_t)e;
		out->share[j] = e / LT_SOLVE_MC_PER_POINT;
	}
	u->nslots = lt_model_nslots(m);
	u->ode = lt_model_uses_ode(m);
	for (k = 0; k < u->ni; k++) {
		const lt_indicator *ind = &u->s->indicators[k];
		int ty = ind->target.year - u->s->baseline_year;
		lt_heat_map *x = &out->ind[k];

		u->beta[k] = lt_model_find_slot(m, LT_SLOT_BETA, k);
		if (!lt_model_dynamic(m, k, NULL) || ind->channel < 0 ||
		    u->beta[k] < 0 || ty < 0 || (size_t)ty >= ny)
			continue;
		x->beta = lt_calloc(out->n_beta + 1, sizeof *x->beta);
		if (x->beta == NULL)
			return LT_ENOMEM;
		beta_axis(m, u->beta[k], out->n_beta, x);
		x->on = 1;
		out->n_maps++;
	}
	return lt_mc_sampler_init(&u->smp, m, u->o->mc.no_shocks);
}

/* Merge the threads' counts into the maps of OUT. */
static int merge(const struct setup *u, struct acc *acc, int nt,
                 lt_heat_result *out)
{
	size_t cells = out->n_beta * out->n_share, k, j;
	int t;

	for (k = 0; k < u->ni; k++) {
		lt_heat_map *x = &out->ind[k];

		if (!x->on)
			continue;
		x->met = lt_calloc(cells + 1, sizeof *x->met);
		if (x->met == NULL)
			return LT_ENOMEM;
		for (t = 0; t < nt; t++)
			for (j = 0; j < cells; j++)
				x->met[j] += acc[t].met[k * cells + j];
	}
	return LT_OK;
}

/* ---- the run ------------------------------------------------------------------ */

static int check_opts(const lt_heat_opts *o, lt_diag *diag)
{
	if (o->n_share < 2 || o->n_beta < 2)
		LT_ERROR(diag, LT_EINVAL, "a heat map needs at least 2 points on "
		         "each axis (got %zu shares and %zu values of beta)",
		         o->n_share, o->n_beta);
	if (!(o->share_max >= 0.0 && o->share_max <= 100.0))
		LT_ERROR(diag, LT_EINVAL, "the top of the share axis must be from 0 "
		         "(automatic) to 100 (got %g)", o->share_max);
	return lt_mc_check_opts(&o->mc, diag);
}

/* The accumulators of NT threads into *ACC (each with its own solver),
 * and the axes into U and OUT from thread 0's solver's model. */
static int prepare(struct setup *u, struct acc **acc, int nt,
                   lt_heat_result *out, double share_max, lt_diag *diag)
{
	int t, rc = LT_OK;

	*acc = lt_calloc((size_t)nt, sizeof **acc);
	if (*acc == NULL)
		LT_ERROR(diag, LT_ENOMEM, "out of memory for %d thread%s", nt,
		         nt == 1 ? "" : "s");
	for (t = 0; t < nt && rc == LT_OK; t++) {
		lt_diag_init(&(*acc)[t].diag, NULL);
		rc = lt_solver_alloc(&(*acc)[t].sv, u->s, diag);
	}
	if (rc != LT_OK)
		return rc;
	if (axes(u, lt_solver_model((*acc)[0].sv), out, share_max) != LT_OK)
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	for (t = 0; rc == LT_OK && t < nt; t++)
		rc = acc_init(&(*acc)[t], u, diag);
	return rc;
}

/* The first failure among the threads, raised in DIAG. */
static int thread_status(const struct acc *acc, int nt, lt_diag *diag)
{
	int t;

	for (t = 0; t < nt; t++)
		if (acc[t].rc != LT_OK)
			return lt_error_raise(diag, acc[t].rc, NULL, 0, "a draw: %s",
			                      acc[t].diag.n > 0 ? acc[t].diag.items[0].msg
			                      : "failed");
	return LT_OK;
}

int lt_heat_run(const lt_scenario *s, const lt_heat_opts *o,
                lt_heat_result *out, lt_diag *diag)
{
	struct setup u;
	struct acc *acc = NULL;
	double share_max = o->share_max;
	int nt = o->mc.threads, t, rc;

	memset(out, 0, sizeof *out);
	memset(&u, 0, sizeof u);
	rc = check_opts(o, diag);
	if (rc != LT_OK)
		return rc;
#ifndef _OPENMP
	nt = 1;
#endif
	u.s = s;
	u.o = o;
	u.r = out;
	u.ni = s->n_indicators;
	out->n_share = o->n_share;
	out->n_beta = o->n_beta;
	rc = lt_heat_plan_share(s, &out->plan_share, diag);
	if (rc == LT_OK && !(share_max > 0.0))
		share_max = lt_heat_share_max(s, out->plan_share);
	if (rc == LT_OK)
		rc = prepare(&u, &acc, nt, out, share_max, diag);
	if (rc == LT_OK) {
		run_chunks(&u, acc, nt);
		rc = thread_status(acc, nt, diag);
	}
	if (rc == LT_OK) {
		out->draws = o->mc.draws;
		out->seed = o->mc.seed;
		out->shocks = u.smp.shocks;
		if (merge(&u, acc, nt, out) != LT_OK)
			rc = lt_error_raise(diag, LT_ENOMEM, NULL, 0, "out of memory");
	}
	if (rc != LT_OK)
		lt_heat_result_destroy(out);
	for (t = 0; acc != NULL && t < nt; t++)
		acc_free(&acc[t]);
	free(acc);
	lt_mc_sampler_destroy(&u.smp);
	free(u.beta);
	free(u.edge);
	return rc;
}
