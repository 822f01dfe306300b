/* sens.c - tornado and Sobol sensitivity of each target (see sens.h).
 *
 * One pipeline: compile the model under the schedule; set up (the drawn
 * slots from the Monte Carlo sampler, so both engines agree on what is
 * uncertain; the targets asked for, each with its year index, sense and
 * aim as a logit); the tornado, serially (a handful of evaluations and
 * root findings a parameter); then Sobol through sobol.c, whose function
 * maps a point of the unit hypercube to θ and ε and evaluates the model
 * in a per-thread workspace without allocating.
 */
#include "lotrinh/sens.h"

#include <assert.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/mc.h"
#include "lotrinh/param.h"

/* ---- set-up: what is uncertain, which targets -------------------------- */

struct setup {
	const lt_model *m;
	const lt_scenario *s;
	size_t ny, nslots;
	lt_mc_sampler smp;    /* the drawn slots and whether there are shocks */
	size_t nt;            /* targets studied */
	size_t *tk, *ti;      /* [nt] indicator, target year index */
	int *sense;           /* [nt] */
	double *zaim;         /* [nt] the aim as a logit (±inf past a bound) */
	double *flat;         /* [2·nt] the Sobol outputs' flatness tolerance */
	size_t *width;        /* [D] Sobol factor widths */
};

static void setup_free(struct setup *u)
{
	lt_mc_sampler_destroy(&u->smp);
	free(u->tk);
	free(u->ti);
	free(u->sense);
	free(u->zaim);
	free(u->flat);
	free(u->width);
}

/* Why indicator K of model M is no target here (its status), or
 * LT_SENS_TARGET with its year index in *I. */
static lt_sens_status target_status(const lt_model *m, size_t k, size_t *i)
{
	const lt_scenario *s = lt_model_scenario(m);
	int ty = s->indicators[k].target.year - s->baseline_year;

	if (!lt_model_dynamic(m, k, NULL))
		return LT_SENS_NOT_SIMULATED;
	if (ty < 0 || (size_t)ty >= lt_model_years(m))
		return LT_SENS_OFF_GRID;
	*i = (size_t)ty;
	return LT_SENS_TARGET;
}

/* Set U up for model M and the indicators KS[N_KS] (KS NULL: every one);
 * only those that are targets are kept, in the order given. */
static int setup_init(struct setup *u, const lt_model *m, const size_t *ks,
                      size_t n_ks)
{
	size_t j, n = ks != NULL ? n_ks : lt_model_scenario(m)->n_indicators;

	memset(u, 0, sizeof *u);
	u->m = m;
	u->s = lt_model_scenario(m);
	u->ny = lt_model_years(m);
	u->nslots = lt_model_nslots(m);
	if (lt_mc_sampler_init(&u->smp, m, 0) != LT_OK)
		return LT_ENOMEM;
	u->tk = lt_calloc(n + 1, sizeof *u->tk);
	u->ti = lt_calloc(n + 1, sizeof *u->ti);
	u->sense = lt_calloc(n + 1, sizeof *u->sense);
	u->zaim = lt_calloc(n + 1, sizeof *u->zaim);
	u->flat = lt_calloc(2 * n + 1, sizeof *u->flat);
	u->width = lt_calloc(u->smp.n_slots + 1, sizeof *u->width);
	if (!u->tk || !u->ti || !u->sense || !u->zaim || !u->flat || !u->width)
		return LT_ENOMEM;
	for (j = 0; j < n; j++) {
		size_t k = ks != NULL ? ks[j] : j, i;
		const lt_indicator *ind = &u->s->indicators[k];

		if (target_status(m, k, &i) != LT_SENS_TARGET)
			continue;
		u->tk[u->nt] = k;
		u->ti[u->nt] = i;
		u->sense[u->nt] = lt_target_sense(ind);
		u->zaim[u->nt] = lt_model_logit(m, k, lt_target_aim(ind));
		/* the value: a fraction of the span; met or not: exactly */
		u->flat[2 * u->nt] = LT_SENS_FLAT * (ind->ceiling -
		                     (ind->has_floor ? ind->floor : 0.0));
		u->nt++;
	}
	for (j = 0; j < u->smp.n_slots; j++)
		u->width[j] = 1;
	if (u->smp.shocks)
		u->width[u->smp.n_slots] = u->smp.n_eps;
	return LT_OK;
}

/* ---- one thread's evaluation of the model ------------------------------ */

struct ctx {
	const struct setup *u;
	lt_model_ws *w;
	double *theta, *eps, *z;
	lt_diag inner;        /* the model's own message, re-raised with context */
};

static void ctx_free(void *p)
{
	struct ctx *c = p;

	if (c == NULL)
		return;
	lt_model_ws_free(c->w);
	free(c->theta);
	free(c->eps);
	free(c->z);
	lt_diag_destroy(&c->inner);
	free(c);
}

static void *ctx_alloc(void *data)
{
	const struct setup *u = data;
	struct ctx *c = lt_calloc(1, sizeof *c);
	size_t cells = u->s->n_indicators * u->ny + 1;

	if (c == NULL)
		return NULL;
	lt_diag_init(&c->inner, NULL);
	c->u = u;
	c->w = lt_model_ws_alloc(u->m);
	c->theta = lt_calloc(u->nslots + 1, sizeof *c->theta);
	c->eps = lt_calloc(cells, sizeof *c->eps);
	c->z = lt_calloc(cells, sizeof *c->z);
	if (!c->w || !c->theta || !c->eps || !c->z) {
		ctx_free(c);
		return NULL;
	}
	memcpy(c->theta, u->smp.central, u->nslots * sizeof *c->theta);
	return c;
}

/* Target T's value (for a target on a period's mean, the mean over the
 * period) and met indicator from the logits Z into OUT[2]. */
static void outcome(const struct setup *u, const double *z, size_t t,
                    double *out)
{
	size_t k = u->tk[t], i = u->ti[t], j;
	const lt_indicator *ind = &u->s->indicators[k];
	double zt = z[k * u->ny + i], sum = 0.0;

	if (ind->target.mean_from == 0) {
		out[0] = lt_model_value(u->m, k, i, zt);
		out[1] = u->sense[t] * (zt - u->zaim[t]) >= 0.0 ? 1.0 : 0.0;
		return;
	}
	for (j = (size_t)(ind->target.mean_from - u->s->baseline_year); j <= i;
	     j++)
		sum += lt_model_value(u->m, k, j, z[k * u->ny + j]);
	out[0] = sum / (double)(i - (size_t)(ind->target.mean_from -
	                                     u->s->baseline_year) + 1);
	out[1] = u->sense[t] * (out[0] - lt_target_aim(ind)) >= 0.0 ? 1.0 : 0.0;
}

/* The Sobol function: U's first coordinates are the drawn slots' uniforms
 * (inverted by the sampler's prepared inverses, lt_param_inv_quantile: the
 * same numbers as lt_param_quantile without rebuilding each distribution's
 * standard form on every call), then, with shocks, one per ε (a standard
 * normal by inversion); the outputs are each target's value and met
 * indicator.  Allocates nothing. */
static int eval(void *p, const double *uu, double *out, lt_diag *diag)
{
	struct ctx *c = p;
	const struct setup *u = c->u;
	size_t j, n = u->smp.n_slots;
	int rc;

	for (j = 0; j < n; j++)
		c->theta[u->smp.slots[j]] = lt_param_inv_quantile(&u->smp.inv[j],
		                                                  uu[j]);
	if (u->smp.shocks)
		for (j = 0; j < u->smp.n_eps; j++)
			c->eps[j] = gsl_cdf_ugaussian_Pinv(uu[n + j]);
	rc = lt_model_eval(u->m, c->theta, u->smp.shocks ? c->eps : NULL, c->w,
	                   c->z, NULL, &c->inner);
	if (rc != LT_OK)
		return lt_error_raise(diag, rc, NULL, 0, "a Sobol run: %s",
		                      c->inner.n > 0 ? c->inner.items[0].msg
		                                     : "the model failed");
	for (j = 0; j < u->nt; j++)
		outcome(u, c->z, j, out + 2 * j);
	return LT_OK;
}

static int sobol_on(struct setup *u, const lt_sens_opts *o,
                    lt_sobol_result *out, lt_diag *diag)
{
	lt_sobol_problem p;
	lt_sobol_opts so;

	memset(out, 0, sizeof *out);
	if (u->nt == 0)
		LT_ERROR(diag, LT_EINVAL, "no simulated target with its year on the "
		         "grid: nothing to analyse");
	memset(&p, 0, sizeof p);
	p.n_factors = u->smp.n_slots + (u->smp.shocks ? 1 : 0);
	if (p.n_factors == 0)
		LT_ERROR(diag, LT_EINVAL, "no parameter of the scenario is uncertain: "
		         "give one a distribution (docs/SCENARIO.md)");
	p.width = u->width;
	p.n_out = 2 * u->nt;
	p.eval = eval;
	p.ctx_alloc = ctx_alloc;
	p.ctx_free = ctx_free;
	p.data = u;
	p.flat = u->flat;
	memset(&so, 0, sizeof so);
	so.n = o->samples;
	so.bootstrap = o->bootstrap;
	so.seed = o->seed;
	so.threads = o->threads;
	so.progress = o->progress;
	so.progress_data = o->progress_data;
	return lt_sobol_run(&p, &so, out, diag);
}

int lt_sens_sobol_run(const lt_model *m, const lt_sens_opts *o,
                      lt_sobol_result *out, lt_diag *diag)
{
	struct setup u;
	int rc = setup_init(&u, m, NULL, 0);

	memset(out, 0, sizeof *out);
	if (rc != LT_OK)
		lt_error_raise(diag, rc, NULL, 0, "out of memory");
	else
		rc = sobol_on(&u, o, out, diag);
	setup_free(&u);
	return rc;
}

/* ---- the tornado ------------------------------------------------------- */

/* What the tornado evaluates with: a workspace, logits, θ at the medians
 * and a θ to swing. */
struct swing {
	lt_model_ws *w;
	double *z, *med, *theta;
};

/* Every studied target's value and needed share at THETA, into VALUE[nt]
 * and SHARE[nt]. */
static int outcomes_at(const struct setup *u, struct swing *sw,
                       lt_solver *sv, const double *theta, double *value,
                       lt_share_result *share, lt_diag *diag)
{
	size_t t;
	double out[2];
	int rc = lt_model_eval(u->m, theta, NULL, sw->w, sw->z, NULL, diag);

	for (t = 0; rc == LT_OK && t < u->nt; t++) {
		outcome(u, sw->z, t, out);
		value[t] = out[0];
		rc = lt_solve_share(sv, theta, u->tk[t], &share[t], diag);
	}
	return rc;
}

/* Buffers of the tornado: [nt] values and shares at each end. */
struct ends {
	double *lo, *hi;
	lt_share_result *slo, *shi;
};

static int tornado(const struct setup *u, lt_sens_result *r, lt_diag *diag)
{
	struct swing sw = {0};
	struct ends e = {0};
	lt_solver *sv = NULL;
	size_t p, t, n = u->nt + 1;
	int rc = lt_solver_alloc(&sv, u->s, diag);

	if (rc != LT_OK)
		return rc;
	/* the registry depends on the scenario alone, not on the schedule */
	assert(lt_model_nslots(lt_solver_model(sv)) == u->nslots);
	sw.w = lt_model_ws_alloc(u->m);
	sw.z = lt_calloc(u->s->n_indicators * u->ny + 1, sizeof *sw.z);
	sw.med = lt_calloc(u->nslots + 1, sizeof *sw.med);
	sw.theta = lt_calloc(u->nslots + 1, sizeof *sw.theta);
	e.lo = lt_calloc(n, sizeof *e.lo);
	e.hi = lt_calloc(n, sizeof *e.hi);
	e.slo = lt_calloc(n, sizeof *e.slo);
	e.shi = lt_calloc(n, sizeof *e.shi);
	if (!sw.w || !sw.z || !sw.med || !sw.theta || !e.lo || !e.hi || !e.slo ||
	    !e.shi) {
		rc = lt_error_raise(diag, LT_ENOMEM, NULL, 0, "out of memory");
		goto done;
	}
	memcpy(sw.med, u->smp.central, u->nslots * sizeof *sw.med);
	for (p = 0; p < r->n_params; p++)
		sw.med[r->params[p].slot] = r->params[p].p50;
	rc = outcomes_at(u, &sw, sv, sw.med, e.lo, e.slo, diag);
	for (t = 0; rc == LT_OK && t < u->nt; t++) {
		r->ind[u->tk[t]].base_value = e.lo[t];
		r->ind[u->tk[t]].base_share = e.slo[t];
	}
	for (p = 0; rc == LT_OK && p < r->n_params; p++) {
		const lt_sens_param *q = &r->params[p];

		memcpy(sw.theta, sw.med, u->nslots * sizeof *sw.theta);
		sw.theta[q->slot] = q->p10;
		rc = outcomes_at(u, &sw, sv, sw.theta, e.lo, e.slo, diag);
		sw.theta[q->slot] = q->p90;
		if (rc == LT_OK)
			rc = outcomes_at(u, &sw, sv, sw.theta, e.hi, e.shi, diag);
		for (t = 0; rc == LT_OK && t < u->nt; t++) {
			lt_sens_bar *b = &r->ind[u->tk[t]].bars[p];

			b->param = p;
			b->value_lo = e.lo[t];
			b->value_hi = e.hi[t];
			b->share_lo = e.slo[t];
			b->share_hi = e.shi[t];
		}
	}
done:
	lt_solver_free(sv);
	lt_model_ws_free(sw.w);
	free(sw.z);
	free(sw.med);
	free(sw.theta);
	free(e.lo);
	free(e.hi);
	free(e.slo);
	free(e.shi);
	return rc;
}

/* ---- ordering the bars ------------------------------------------------- */

static int numeric(lt_answer a)
{
	return a == LT_ANSWER_SOLVED || a == LT_ANSWER_FREE;
}

/* The sort key of a bar for the share tornado: its class (2 the answer
 * differs at the two ends, 1 two shares, 0 the same answer that is no
 * share) and, for class 1, the size of the swing. */
static int share_class(const lt_sens_bar *b, double *size)
{
	lt_answer lo = b->share_lo.answer, hi = b->share_hi.answer;

	*size = 0.0;
	if (numeric(lo) && numeric(hi)) {
		*size = fabs(b->share_hi.share - b->share_lo.share);
		return 1;
	}
	return lo != hi ? 2 : 0;
}

/* 1 when bar A goes before bar B (registry order breaks ties). */
static int before(const lt_sens_bar *a, const lt_sens_bar *b, int share)
{
	double sa, sb;
	int ca, cb;

	if (share) {
		ca = share_class(a, &sa);
		cb = share_class(b, &sb);
		if (ca != cb)
			return ca > cb;
	} else {
		sa = fabs(a->value_hi - a->value_lo);
		sb = fabs(b->value_hi - b->value_lo);
	}
	if (sa != sb)
		return sa > sb;
	return a->param < b->param;
}

/* Indices of the N bars into ORDER, sorted (insertion: N is a handful). */
static void sort_bars(const lt_sens_bar *bars, size_t n, size_t *order,
                      int share)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		size_t x = i;

		for (j = i; j > 0 && before(&bars[x], &bars[order[j - 1]], share);
		     j--)
			order[j] = order[j - 1];
		order[j] = x;
	}
}

/* Factors by ST of output X, largest first (ties: factor order; a
 * degenerate output keeps factor order), into ORDER[NF]. */
static void sort_factors(const lt_sobol_output *x, size_t nf, size_t *order)
{
	size_t i, j;

	for (i = 0; i < nf; i++) {
		for (j = i; j > 0 && !x->degenerate && x->st[order[j - 1]] < x->st[i];
		     j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
}

/* 1 when answers A and B are the same, to the bit. */
static int same_share(const lt_share_result *a, const lt_share_result *b)
{
	return a->answer == b->answer && (!numeric(a->answer) ||
	                                  a->share == b->share);
}

/* Mark the parameters that change nothing about target X (see sens.h):
 * exact comparisons on purpose, since a parameter that does not enter the
 * target's equations leaves every bit of it as it was. */
static void mark_inert(const lt_sens_result *r, lt_sens_target *x)
{
	const lt_sobol_output *o = r->has_sobol ? &r->sobol.out[x->out_value]
	                                        : NULL;
	size_t p;

	x->n_inert = 0;
	for (p = 0; p < r->n_params; p++) {
		const lt_sens_bar *b = &x->bars[p];

		x->inert[p] = b->value_lo == x->base_value &&
		              b->value_hi == x->base_value &&
		              same_share(&b->share_lo, &x->base_share) &&
		              same_share(&b->share_hi, &x->base_share) &&
		              (o == NULL || o->degenerate || o->st[p] == 0.0);
		x->n_inert += (size_t)x->inert[p];
	}
}

/* ---- the result -------------------------------------------------------- */

const char *lt_sens_factor_name(const lt_sens_result *r, size_t i)
{
	return i < r->n_params ? r->params[i].name : "yearly shocks";
}

void lt_sens_result_destroy(lt_sens_result *r)
{
	size_t k;

	for (k = 0; r->ind != NULL && k < r->ni; k++) {
		free(r->ind[k].bars);
		free(r->ind[k].by_value);
		free(r->ind[k].by_share);
		free(r->ind[k].st_value);
		free(r->ind[k].st_met);
		free(r->ind[k].inert);
	}
	free(r->ind);
	free(r->params);
	lt_sobol_result_destroy(&r->sobol);
	memset(r, 0, sizeof *r);
}

/* The parameters, every indicator's status and the targets' bars. */
static int result_alloc(lt_sens_result *r, const struct setup *u)
{
	size_t j, k, i, np = u->smp.n_slots;

	r->params = lt_calloc(np + 1, sizeof *r->params);
	r->ind = lt_calloc(u->s->n_indicators + 1, sizeof *r->ind);
	if (r->params == NULL || r->ind == NULL)
		return LT_ENOMEM;
	r->n_params = np;
	r->ni = u->s->n_indicators;
	r->shocks = u->smp.shocks;
	r->n_factors = np + (u->smp.shocks ? 1 : 0);
	r->n_targets = u->nt;
	for (j = 0; j < np; j++) {
		const lt_slot *sl = lt_model_slot(u->m, u->smp.slots[j]);
		lt_sens_param *q = &r->params[j];

		q->slot = u->smp.slots[j];
		snprintf(q->name, sizeof q->name, "%s", sl->name);
		q->p10 = lt_param_quantile(&sl->dist, LT_SENS_P_LOW);
		q->p50 = lt_param_quantile(&sl->dist, 0.5);
		q->p90 = lt_param_quantile(&sl->dist, LT_SENS_P_HIGH);
	}
	for (k = 0; k < r->ni; k++) {
		const char *why = "";
		lt_sens_target *x = &r->ind[k];

		x->status = target_status(u->m, k, &i);
		x->year = u->s->indicators[k].target.year;
		if (x->status == LT_SENS_TARGET)
			x->status = LT_SENS_NOT_ASKED;
		if (x->status == LT_SENS_NOT_SIMULATED)
			lt_model_dynamic(u->m, k, &why);
		snprintf(x->why, sizeof x->why, "%s", why);
	}
	for (j = 0; j < u->nt; j++) {
		lt_sens_target *x = &r->ind[u->tk[j]];

		x->status = LT_SENS_TARGET;
		x->out_value = 2 * j;
		x->out_met = 2 * j + 1;
		x->bars = lt_calloc(np + 1, sizeof *x->bars);
		x->by_value = lt_calloc(np + 1, sizeof *x->by_value);
		x->by_share = lt_calloc(np + 1, sizeof *x->by_share);
		x->inert = lt_calloc(np + 1, sizeof *x->inert);
		if (!x->bars || !x->by_value || !x->by_share || !x->inert)
			return LT_ENOMEM;
	}
	return LT_OK;
}

/* The Sobol part of lt_sens_run: run, then count each target's met rows
 * (the mean of a 0/1 output over the 2N rows of A and B). */
static int sobol_part(struct setup *u, const lt_sens_opts *o,
                      lt_sens_result *r, lt_diag *diag)
{
	size_t t;
	int rc = sobol_on(u, o, &r->sobol, diag);

	if (rc != LT_OK)
		return rc;
	r->has_sobol = 1;
	for (t = 0; t < u->nt; t++) {
		lt_sens_target *x = &r->ind[u->tk[t]];

		x->met_rows = (size_t)llround(r->sobol.out[x->out_met].mean * 2.0 *
		                              (double)r->sobol.n);
		x->st_value = lt_calloc(r->n_factors, sizeof *x->st_value);
		x->st_met = lt_calloc(r->n_factors, sizeof *x->st_met);
		if (x->st_value == NULL || x->st_met == NULL)
			LT_ERROR(diag, LT_ENOMEM, "out of memory");
		sort_factors(&r->sobol.out[x->out_value], r->n_factors, x->st_value);
		sort_factors(&r->sobol.out[x->out_met], r->n_factors, x->st_met);
	}
	return LT_OK;
}

int lt_sens_run(const lt_scenario *s, const lt_schedule *sched,
                const size_t *ks, size_t n_ks, const lt_sens_opts *o,
                lt_sens_result *out, lt_diag *diag)
{
	lt_model *m = NULL;
	struct setup u;
	size_t t;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&u, 0, sizeof u);
	rc = lt_model_compile(&m, s, sched, diag);
	if (rc != LT_OK)
		return rc;
	rc = setup_init(&u, m, ks, n_ks);
	if (rc == LT_OK)
		rc = result_alloc(out, &u);
	if (rc != LT_OK)
		rc = lt_error_raise(diag, rc, NULL, 0, "out of memory");
	if (rc == LT_OK)
		rc = tornado(&u, out, diag);
	for (t = 0; rc == LT_OK && t < u.nt; t++) {
		lt_sens_target *x = &out->ind[u.tk[t]];

		sort_bars(x->bars, out->n_params, x->by_value, 0);
		sort_bars(x->bars, out->n_params, x->by_share, 1);
	}
	/* no target or nothing uncertain: the tornado (empty) says so */
	if (rc == LT_OK && o->sobol && u.nt > 0 && out->n_factors > 0)
		rc = sobol_part(&u, o, out, diag);
	for (t = 0; rc == LT_OK && t < u.nt; t++)
		mark_inert(out, &out->ind[u.tk[t]]);
	if (rc != LT_OK)
		lt_sens_result_destroy(out);
	setup_free(&u);
	lt_model_free(m);
	return rc;
}
