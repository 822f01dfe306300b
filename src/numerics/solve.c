/* solve.c - the inverse questions (see solve.h).
 *
 * A solver owns a private compiled model, a workspace and buffers, so it
 * can change its own schedule (a constant share for each Brent step, the
 * scenario's for the β questions) without touching anything the caller
 * shares, and never writes into the caller's θ.
 */
#include "lotrinh/solve.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"

struct lt_solver {
	const lt_scenario *s;
	lt_model *m;
	lt_model_ws *w;
	double *z;         /* [ni*ny] logits of the last evaluation */
	double *theta;     /* [nslots] a private copy */
	size_t ny;
};

void lt_solver_free(lt_solver *sv)
{
	if (sv == NULL)
		return;
	lt_model_ws_free(sv->w);
	lt_model_free(sv->m);
	free(sv->z);
	free(sv->theta);
	free(sv);
}

int lt_solver_alloc(lt_solver **out, const lt_scenario *s, lt_diag *diag)
{
	lt_solver *sv = lt_calloc(1, sizeof *sv);
	int rc;

	*out = NULL;
	if (sv == NULL)
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	sv->s = s;
	rc = lt_model_compile(&sv->m, s, NULL, diag);
	if (rc != LT_OK) {
		lt_solver_free(sv);
		return rc;
	}
	sv->ny = lt_model_years(sv->m);
	sv->w = lt_model_ws_alloc(sv->m);
	sv->z = lt_calloc((s->n_indicators + 1) * sv->ny, sizeof *sv->z);
	sv->theta = lt_calloc(lt_model_nslots(sv->m) + 1, sizeof *sv->theta);
	if (sv->w == NULL || sv->z == NULL || sv->theta == NULL) {
		lt_solver_free(sv);
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	}
	*out = sv;
	return LT_OK;
}

const lt_model *lt_solver_model(const lt_solver *sv)
{
	return sv->m;
}

/* Indicator K's value in year YEAR of the last evaluation. */
static double value_in(const lt_solver *sv, size_t k, int year)
{
	size_t i = (size_t)(year - sv->s->baseline_year);

	return lt_model_value(sv->m, k, i, sv->z[k * sv->ny + i]);
}

/* ---- the smallest share ----------------------------------------------- */

/* What f(s) needs. */
struct share_ctx {
	lt_solver *sv;
	const double *theta;
	size_t k;
	lt_diag *diag;
	int rc;
	double aim;
	int sense;
};

/* Indicator K in its target year under a constant share SHARE. */
static double value_at(struct share_ctx *c, double share)
{
	lt_schedule sc;
	const lt_indicator *ind = &c->sv->s->indicators[c->k];
	int rc;

	memset(&sc, 0, sizeof sc);
	sc.kind = LT_SCHED_CONSTANT;
	sc.share_pct = share;
	lt_model_set_schedule(c->sv->m, &sc);
	rc = lt_model_eval(c->sv->m, c->theta, NULL, c->sv->w, c->sv->z, NULL,
	                   c->diag);
	if (rc != LT_OK) {
		c->rc = rc;
		return NAN;
	}
	return value_in(c->sv, c->k, ind->target.year);
}

static double f_share(double share, void *params)
{
	struct share_ctx *c = params;

	return c->sense * (value_at(c, share) - c->aim);
}

static int brent(struct share_ctx *c, lt_share_result *out, lt_diag *diag)
{
	gsl_function fn = {f_share, c};
	gsl_root_fsolver *sol = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	int status, it = 0;

	if (sol == NULL)
		LT_ERROR(diag, LT_ENOMEM, "out of memory for the root solver");
	status = gsl_root_fsolver_set(sol, &fn, 0.0, 100.0);
	while (status == GSL_SUCCESS && it++ < LT_SOLVE_MAXITER) {
		status = gsl_root_fsolver_iterate(sol);
		if (status != GSL_SUCCESS || c->rc != LT_OK)
			break;
		status = gsl_root_test_interval(gsl_root_fsolver_x_lower(sol),
		                                gsl_root_fsolver_x_upper(sol),
		                                LT_SOLVE_SHARE_TOL, 0.0);
		if (status == GSL_SUCCESS) {
			/* the upper end meets the target: report it, not the midpoint */
			out->share = gsl_root_fsolver_x_upper(sol);
			out->iterations = it;
			gsl_root_fsolver_free(sol);
			return LT_OK;
		}
		if (status == GSL_CONTINUE)
			status = GSL_SUCCESS;
	}
	gsl_root_fsolver_free(sol);
	if (c->rc != LT_OK)
		return c->rc;
	LT_ERROR(diag, LT_ENOCONV, "Brent's method did not bracket the share "
	         "within %g points in %d iterations (%s)", LT_SOLVE_SHARE_TOL,
	         LT_SOLVE_MAXITER, gsl_strerror(status));
}

/* 1 when the aim of indicator K lies at or past the bound its logistic law
 * only approaches. */
static int past_bound(const lt_indicator *ind, double lo, double hi)
{
	double aim = lt_target_aim(ind);

	return lt_target_sense(ind) > 0 ? aim >= hi : aim <= lo;
}

int lt_solve_share(lt_solver *sv, const double *theta, size_t k,
                   lt_share_result *out, lt_diag *diag)
{
	const lt_indicator *ind = &sv->s->indicators[k];
	struct share_ctx c;
	double lo = ind->has_floor ? ind->floor : 0.0;

	memset(out, 0, sizeof *out);
	out->share = out->at_zero = out->at_full = NAN;
	if (!lt_model_dynamic(sv->m, k, NULL)) {
		out->answer = LT_ANSWER_NO_DYNAMICS;
		return LT_OK;
	}
	memset(&c, 0, sizeof c);
	c.sv = sv;
	c.theta = theta;
	c.k = k;
	c.diag = diag;
	c.aim = lt_target_aim(ind);
	c.sense = lt_target_sense(ind);
	out->at_zero = value_at(&c, 0.0);
	out->at_full = value_at(&c, 100.0);
	if (c.rc != LT_OK)
		return c.rc;
	if (past_bound(ind, lo, ind->ceiling)) {
		out->answer = LT_ANSWER_CEILING;
		return LT_OK;
	}
	if (c.sense * (out->at_zero - c.aim) >= 0.0) {
		out->answer = LT_ANSWER_FREE;
		out->share = 0.0;
		return LT_OK;
	}
	if (c.sense * (out->at_full - c.aim) < 0.0) {
		out->answer = LT_ANSWER_UNREACHABLE;
		return LT_OK;
	}
	out->answer = LT_ANSWER_SOLVED;
	return brent(&c, out, diag);
}

/* ---- the β a roadmap assumes ------------------------------------------ */

/* The β of the probe run: small, so the probe's logits stay far from the
 * bounds where y would round to them; the logit is linear in β, so its
 * size does not matter otherwise. */
#define BETA_PROBE 0.01

/* Evaluate the solver's model at its private θ with β of K set to BETA,
 * by the closed form; the values of K into Z (logits) by year index. */
static int probe(lt_solver *sv, size_t k, double beta, double *z,
                 lt_diag *diag)
{
	int slot = lt_model_find_slot(sv->m, LT_SLOT_BETA, k), rc;
	size_t i;

	sv->theta[slot] = beta;
	rc = lt_model_eval(sv->m, sv->theta, NULL, sv->w, sv->z, NULL, diag);
	for (i = 0; rc == LT_OK && i < sv->ny; i++)
		z[i] = sv->z[k * sv->ny + i];
	return rc;
}

/* The least-squares β through the points PTS (N of them) in the logit. */
static int beta_fit(lt_solver *sv, const double *theta,
                    const lt_schedule *sched, size_t k, const lt_point *pts,
                    size_t npts, double *beta, lt_diag *diag)
{
	const lt_indicator *ind = &sv->s->indicators[k];
	double *z0 = lt_calloc(2 * sv->ny, sizeof *z0), *z1, num = 0.0, den = 0.0;
	size_t i;
	int rc;

	if (z0 == NULL)
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	z1 = z0 + sv->ny;
	memcpy(sv->theta, theta, lt_model_nslots(sv->m) * sizeof *theta);
	lt_model_set_schedule(sv->m, sched);
	lt_model_set_method(sv->m, LT_METHOD_CLOSED, 0.0);
	/* z(t) = z_0(t) + β·A(t), exactly: A from a probe β, then least
	 * squares over the points */
	rc = probe(sv, k, 0.0, z0, diag);
	if (rc == LT_OK)
		rc = probe(sv, k, BETA_PROBE, z1, diag);
	lt_model_set_method(sv->m, LT_METHOD_AUTO, 0.0);
	for (i = 0; rc == LT_OK && i < npts; i++) {
		const lt_point *p = &pts[i];
		size_t j = (size_t)(p->year - sv->s->baseline_year);
		double lo = ind->has_floor ? ind->floor : 0.0, a;

		if (!(p->value > lo && p->value < ind->ceiling) || j >= sv->ny)
			continue;
		a = (z1[j] - z0[j]) / BETA_PROBE;
		num += a * (lt_model_logit(sv->m, k, p->value) - z0[j]);
		den += a * a;
	}
	free(z0);
	if (rc != LT_OK)
		return rc;
	if (!(den > 0.0))
		return LT_EINVAL;
	*beta = num / den;
	return LT_OK;
}

int lt_solve_beta(lt_solver *sv, const double *theta,
                  const lt_schedule *sched, size_t k, double *beta,
                  lt_diag *diag)
{
	const lt_indicator *ind = &sv->s->indicators[k];

	if (!lt_model_dynamic(sv->m, k, NULL) || ind->channel < 0 ||
	    ind->milestones.n == 0)
		return LT_EINVAL;
	return beta_fit(sv, theta, sched, k, ind->milestones.pts,
	                ind->milestones.n, beta, diag);
}

int lt_solve_beta_target(lt_solver *sv, const double *theta,
                         const lt_schedule *sched, size_t k, double *beta,
                         lt_diag *diag)
{
	const lt_indicator *ind = &sv->s->indicators[k];
	lt_point aim;

	if (!lt_model_dynamic(sv->m, k, NULL) || ind->channel < 0)
		return LT_EINVAL;
	aim.value = lt_target_aim(ind);
	aim.year = ind->target.year;
	return beta_fit(sv, theta, sched, k, &aim, 1, beta, diag);
}

/* ---- every answer ----------------------------------------------------- */

void lt_solve_report_destroy(lt_solve_report *r)
{
	free(r->answers);
	free(r->origins);
	memset(r, 0, sizeof *r);
}

/* The first year whose value of indicator K meets its target, 0 none. */
static int year_met(const lt_solver *sv, size_t k)
{
	const lt_indicator *ind = &sv->s->indicators[k];
	size_t i;

	for (i = 0; i < sv->ny; i++)
		if (lt_target_met(ind, lt_model_value(sv->m, k, i,
		                                      sv->z[k * sv->ny + i])))
			return sv->s->baseline_year + (int)i;
	return 0;
}

/* The answers for indicator K that need the scenario's own schedule. */
static int plan_answers(lt_solver *sv, const double *theta, size_t k,
                        lt_solve_answer *a, char *origin, lt_diag *diag)
{
	const lt_indicator *ind = &sv->s->indicators[k];
	int slot = lt_model_find_slot(sv->m, LT_SLOT_BETA, k), rc;

	lt_model_set_schedule(sv->m, NULL);
	rc = lt_model_eval(sv->m, theta, NULL, sv->w, sv->z, NULL, diag);
	if (rc != LT_OK)
		return rc;
	a->year_met = year_met(sv, k);
	a->beta = theta[slot];
	slot = lt_model_find_slot(sv->m, LT_SLOT_R, k);
	a->r = theta[slot];
	snprintf(origin, sizeof ((lt_slot *)0)->origin, "%s", lt_model_slot(sv->m,
	         (size_t)slot)->origin);
	slot = lt_model_find_slot(sv->m, LT_SLOT_BETA, k);
	if (ind->channel < 0)
		return LT_OK;
	/* LT_EINVAL: no such β (no milestones, no dynamics); anything else,
	 * out of memory first, is an error of the run */
	rc = lt_solve_beta(sv, theta, NULL, k, &a->beta_ms, diag);
	a->has_beta_ms = rc == LT_OK;
	if (rc != LT_OK && rc != LT_EINVAL)
		return rc;
	rc = lt_solve_beta_target(sv, theta, NULL, k, &a->beta_need, diag);
	a->has_beta_need = rc == LT_OK;
	if (rc != LT_OK && rc != LT_EINVAL)
		return rc;
	/* met with β = 0: the trend alone meets it, spending is not needed */
	memcpy(sv->theta, theta, lt_model_nslots(sv->m) * sizeof *theta);
	sv->theta[slot] = 0.0;
	lt_model_set_schedule(sv->m, NULL);
	rc = lt_model_eval(sv->m, sv->theta, NULL, sv->w, sv->z, NULL, diag);
	if (rc == LT_OK && lt_target_met(ind, value_in(sv, k, ind->target.year))) {
		a->met_without_spending = 1;
		a->has_beta_need = 0;
	}
	return rc;
}

static int answer_one(lt_solver *sv, const double *theta, size_t k,
                      lt_solve_answer *a, char *origin, lt_diag *diag)
{
	const lt_indicator *ind = &sv->s->indicators[k];
	int rc;

	a->beta = a->beta_ms = a->beta_need = a->r = NAN;
	a->r_origin = origin;
	rc = lt_solve_share(sv, theta, k, &a->share, diag);
	a->share_top.answer = LT_ANSWER_NO_DYNAMICS;
	a->share_top.share = a->share_top.at_zero = a->share_top.at_full = NAN;
	if (rc != LT_OK || a->share.answer == LT_ANSWER_NO_DYNAMICS)
		return rc;
	if (ind->channel >= 0) {
		double *top = sv->theta;
		int slot = lt_model_find_slot(sv->m, LT_SLOT_BETA, k);

		/* the private copy: the caller's θ stays as it is */
		memcpy(top, theta, lt_model_nslots(sv->m) * sizeof *theta);
		top[slot] = LT_BETA_PLAUSIBLE_MAX;
		rc = lt_solve_share(sv, top, k, &a->share_top, diag);
		if (rc != LT_OK)
			return rc;
		a->has_top = 1;
	}
	return plan_answers(sv, theta, k, a, origin, diag);
}

/* The share that meets every simulated target (lt_solve_report). */
static void all_targets(lt_solve_report *r)
{
	size_t k;

	r->all_share = NAN;
	r->all_reachable = 1;
	for (k = 0; k < r->n; k++) {
		const lt_share_result *x = &r->answers[k].share;

		if (x->answer == LT_ANSWER_NO_DYNAMICS)
			continue;
		r->n_simulated++;
		if (x->answer == LT_ANSWER_UNREACHABLE ||
		    x->answer == LT_ANSWER_CEILING) {
			r->all_reachable = 0;
			continue;
		}
		if (isnan(r->all_share) || x->share > r->all_share) {
			r->all_share = x->share;
			r->binding = k;
		}
	}
	if (!r->all_reachable)
		r->all_share = NAN;
}

int lt_solve_run(const lt_scenario *s, lt_solve_report *out, lt_diag *diag)
{
	lt_solver *sv;
	double *theta;
	size_t k;
	int rc;

	memset(out, 0, sizeof *out);
	rc = lt_solver_alloc(&sv, s, diag);
	if (rc != LT_OK)
		return rc;
	theta = lt_calloc(lt_model_nslots(sv->m) + 1, sizeof *theta);
	out->answers = lt_calloc(s->n_indicators + 1, sizeof *out->answers);
	out->origins = lt_calloc(s->n_indicators + 1, sizeof *out->origins);
	if (theta == NULL || out->answers == NULL || out->origins == NULL) {
		free(theta);
		lt_solver_free(sv);
		lt_solve_report_destroy(out);
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	}
	out->n = s->n_indicators;
	lt_model_central(sv->m, theta);
	for (k = 0; rc == LT_OK && k < s->n_indicators; k++)
		rc = answer_one(sv, theta, k, &out->answers[k], out->origins[k],
		                diag);
	free(theta);
	lt_solver_free(sv);
	if (rc != LT_OK) {
		lt_solve_report_destroy(out);
		return rc;
	}
	all_targets(out);
	return LT_OK;
}
