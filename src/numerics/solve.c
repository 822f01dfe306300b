/* solve.c - the inverse questions (see solve.h).
 *
 * A solver owns a private compiled model, a workspace and buffers, so it
 * can change its own schedule (a constant share for each Brent step, the
 * scenario's for the β questions) without touching anything the caller
 * shares, and never writes into the caller's θ.  Two more private models,
 * compiled once at constant shares of 0 % and 100 %, give the ends of
 * every bracket without recompiling the schedule (which, for a scenario
 * whose co-financing follows its programmes, costs ten times an
 * evaluation), and one Brent workspace serves every root: answering
 * allocates nothing.
 */
#include "lotrinh/solve.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/param.h"

/* The two ends of the share bracket, % of the base. */
static const double end_share[2] = {0.0, 100.0};

struct lt_solver {
	const lt_scenario *s;
	lt_model *m;
	lt_model_ws *w;
	double *z;         /* [ni*ny] logits of the last evaluation of m */
	lt_model *ends[2]; /* compiled at end_share[0] and end_share[1] */
	lt_model_ws *ends_w[2];
	double *ends_z[2]; /* [ni*ny] their logits at the last draw */
	double *theta;     /* [nslots] a private copy */
	gsl_root_fsolver *root;
	size_t ny;
};

void lt_solver_free(lt_solver *sv)
{
	int e;

	if (sv == NULL)
		return;
	lt_model_ws_free(sv->w);
	lt_model_free(sv->m);
	for (e = 0; e < 2; e++) {
		lt_model_ws_free(sv->ends_w[e]);
		lt_model_free(sv->ends[e]);
		free(sv->ends_z[e]);
	}
	if (sv->root != NULL)
		gsl_root_fsolver_free(sv->root);
	free(sv->z);
	free(sv->theta);
	free(sv);
}

/* Compile the models of the bracket's ends and their buffers. */
static int ends_alloc(lt_solver *sv, lt_diag *diag)
{
	size_t cells = (sv->s->n_indicators + 1) * sv->ny;
	lt_schedule sc;
	int e, rc;

	memset(&sc, 0, sizeof sc);
	sc.kind = LT_SCHED_CONSTANT;
	for (e = 0; e < 2; e++) {
		sc.share_pct = end_share[e];
		rc = lt_model_compile(&sv->ends[e], sv->s, &sc, diag);
		if (rc != LT_OK)
			return rc;
		sv->ends_w[e] = lt_model_ws_alloc(sv->ends[e]);
		sv->ends_z[e] = lt_calloc(cells, sizeof *sv->ends_z[e]);
		if (sv->ends_w[e] == NULL || sv->ends_z[e] == NULL)
			LT_ERROR(diag, LT_ENOMEM, "out of memory");
	}
	return LT_OK;
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
	sv->root = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	if (sv->w == NULL || sv->z == NULL || sv->theta == NULL ||
	    sv->root == NULL) {
		lt_solver_free(sv);
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	}
	rc = ends_alloc(sv, diag);
	if (rc != LT_OK) {
		lt_solver_free(sv);
		return rc;
	}
	*out = sv;
	return LT_OK;
}

const lt_model *lt_solver_model(const lt_solver *sv)
{
	return sv->m;
}

/* What indicator K's target is judged on, from its logits Z (by year
 * index) in model M: its value in the target year, or the mean of its
 * values over the target's period (lt_target_outcome). */
static double outcome(const lt_solver *sv, const lt_model *m, size_t k,
                      const double *z)
{
	const lt_indicator *ind = &sv->s->indicators[k];
	int a = lt_target_first_year(ind) - sv->s->baseline_year;
	int b = ind->target.year - sv->s->baseline_year, i;
	double sum = 0.0;

	if (a < 0 || b < a || (size_t)b >= sv->ny)
		return NAN;
	for (i = a; i <= b; i++)
		sum += lt_model_value(m, k, (size_t)i, z[i]);
	return sum / (double)(b - a + 1);
}

/* ---- the smallest share ----------------------------------------------- */

/* What f(s) needs. */
struct share_ctx {
	lt_solver *sv;
	const double *theta, *eps;
	size_t k;
	lt_diag *diag;
	int rc;
	double aim;
	int sense;
};

/* What indicator K's target is judged on under a constant share SHARE. */
static double value_at(struct share_ctx *c, double share)
{
	lt_schedule sc;
	int rc;

	memset(&sc, 0, sizeof sc);
	sc.kind = LT_SCHED_CONSTANT;
	sc.share_pct = share;
	lt_model_set_schedule(c->sv->m, &sc);
	rc = lt_model_eval(c->sv->m, c->theta, c->eps, c->sv->w, c->sv->z, NULL,
	                   c->diag);
	if (rc != LT_OK) {
		c->rc = rc;
		return NAN;
	}
	return outcome(c->sv, c->sv->m, c->k, c->sv->z + c->k * c->sv->ny);
}

static double f_share(double share, void *params)
{
	struct share_ctx *c = params;

	return c->sense * (value_at(c, share) - c->aim);
}

/* The crossing of f on [0, 100] by Brent: DIR +1 when f rises through 0
 * (the smallest share into OUT->share), -1 when it falls (the largest
 * share that still meets the target into OUT->share_hi).  Either way the
 * end of the final bracket on the side that meets the target is reported,
 * not its midpoint. */
static int brent(struct share_ctx *c, int dir, lt_share_result *out,
                 lt_diag *diag)
{
	gsl_function fn = {f_share, c};
	gsl_root_fsolver *sol = c->sv->root;
	int status, it = 0;

	status = gsl_root_fsolver_set(sol, &fn, end_share[0], end_share[1]);
	while (status == GSL_SUCCESS && c->rc == LT_OK &&
	       it++ < LT_SOLVE_MAXITER) {
		double lo, hi;

		status = gsl_root_fsolver_iterate(sol);
		if (status != GSL_SUCCESS || c->rc != LT_OK)
			break;
		lo = gsl_root_fsolver_x_lower(sol);
		hi = gsl_root_fsolver_x_upper(sol);
		status = gsl_root_test_interval(lo, hi, LT_SOLVE_SHARE_TOL, 0.0);
		if (status == GSL_SUCCESS) {
			if (dir > 0)
				out->share = hi;
			else
				out->share_hi = lo;
			out->iterations = it;
			return LT_OK;
		}
		if (status == GSL_CONTINUE)
			status = GSL_SUCCESS;
	}
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

/* The year index of indicator K's target into *I; 0 when K is not
 * simulated or its target year lies before the grid (then nothing is
 * solved). */
static int target_index(const lt_solver *sv, size_t k, size_t *i)
{
	int ty = sv->s->indicators[k].target.year - sv->s->baseline_year;

	if (!lt_model_dynamic(sv->m, k, NULL) || ty < 0 || (size_t)ty >= sv->ny)
		return 0;
	*i = (size_t)ty;
	return 1;
}

/* Evaluate the bracket's two end models at THETA and EPS. */
static int eval_ends(lt_solver *sv, const double *theta, const double *eps,
                     lt_diag *diag)
{
	int e, rc = LT_OK;

	for (e = 0; e < 2 && rc == LT_OK; e++)
		rc = lt_model_eval(sv->ends[e], theta, eps, sv->ends_w[e],
		                   sv->ends_z[e], NULL, diag);
	return rc;
}

/* Indicator K's answer from the ends' last evaluation (its target in year
 * index I) into OUT; returns the crossing still to find: +1 the smallest
 * share (not met at 0, met at 100 %), -1 the largest (met at 0, not at
 * 100 %: more money lowers the indicator), 0 none. */
static int classify(const lt_solver *sv, size_t k, size_t i,
                    lt_share_result *out)
{
	const lt_indicator *ind = &sv->s->indicators[k];
	double aim = lt_target_aim(ind), lo = ind->has_floor ? ind->floor : 0.0;
	int sense = lt_target_sense(ind), met0, met1;
	size_t j = k * sv->ny;

	(void)i;
	out->at_zero = outcome(sv, sv->ends[0], k, sv->ends_z[0] + j);
	out->at_full = outcome(sv, sv->ends[1], k, sv->ends_z[1] + j);
	if (past_bound(ind, lo, ind->ceiling)) {
		out->answer = LT_ANSWER_CEILING;
		return 0;
	}
	met0 = sense * (out->at_zero - aim) >= 0.0;
	met1 = sense * (out->at_full - aim) >= 0.0;
	if (met0) {
		out->answer = LT_ANSWER_FREE;
		out->share = 0.0;
		if (met1)
			out->share_hi = end_share[1];
		return met1 ? 0 : -1;
	}
	if (!met1) {
		out->answer = LT_ANSWER_UNREACHABLE;
		return 0;
	}
	out->answer = LT_ANSWER_SOLVED;
	out->share_hi = end_share[1];
	return +1;
}

/* The share at which indicator K's logit in year index I crosses its aim,
 * by linear interpolation between the ends (exact for the closed form,
 * solve.h), kept inside the bracket; DIR as classify returned. */
static double interpolate(const lt_solver *sv, size_t k, size_t i, int dir)
{
	size_t j = k * sv->ny + i;
	double z0 = sv->ends_z[0][j], z1 = sv->ends_z[1][j];
	double za = lt_model_logit(sv->m, k, lt_target_aim(&sv->s->indicators[k]));
	double s = end_share[0] + (end_share[1] - end_share[0]) * (za - z0) /
	           (z1 - z0);

	if (isnan(s))  /* rounding made the two ends equal: the met side */
		return dir > 0 ? end_share[1] : end_share[0];
	return s < end_share[0] ? end_share[0] : s > end_share[1] ? end_share[1]
	                                                           : s;
}

static void result_init(lt_share_result *out)
{
	memset(out, 0, sizeof *out);
	out->answer = LT_ANSWER_NO_DYNAMICS;
	out->share = out->share_hi = out->at_zero = out->at_full = NAN;
}

/* Find indicator K's crossing DIR by Brent at THETA and EPS into OUT. */
static int brent_share(lt_solver *sv, const double *theta, const double *eps,
                       size_t k, int dir, lt_share_result *out,
                       lt_diag *diag)
{
	const lt_indicator *ind = &sv->s->indicators[k];
	struct share_ctx c;

	memset(&c, 0, sizeof c);
	c.sv = sv;
	c.theta = theta;
	c.eps = eps;
	c.k = k;
	c.diag = diag;
	c.aim = lt_target_aim(ind);
	c.sense = lt_target_sense(ind);
	return brent(&c, dir, out, diag);
}

int lt_solve_share_eps(lt_solver *sv, const double *theta, const double *eps,
                       size_t k, lt_share_result *out, lt_diag *diag)
{
	size_t i;
	int rc, dir;

	result_init(out);
	if (!target_index(sv, k, &i))
		return LT_OK;
	rc = eval_ends(sv, theta, eps, diag);
	if (rc != LT_OK)
		return rc;
	dir = classify(sv, k, i, out);
	return dir == 0 ? LT_OK : brent_share(sv, theta, eps, k, dir, out, diag);
}

int lt_solve_share(lt_solver *sv, const double *theta, size_t k,
                   lt_share_result *out, lt_diag *diag)
{
	return lt_solve_share_eps(sv, theta, NULL, k, out, diag);
}

int lt_solve_draw(lt_solver *sv, const double *theta, const double *eps,
                  lt_share_result *out, lt_diag *diag)
{
	int closed = !lt_model_uses_ode(sv->m), rc, dir;
	size_t k, i;

	for (k = 0; k < sv->s->n_indicators; k++)
		result_init(&out[k]);
	rc = eval_ends(sv, theta, eps, diag);
	for (k = 0; rc == LT_OK && k < sv->s->n_indicators; k++) {
		if (!target_index(sv, k, &i))
			continue;
		dir = classify(sv, k, i, &out[k]);
		if (dir == 0)
			continue;
		/* a period's mean is not affine in the share: Brent */
		if (!closed || sv->s->indicators[k].target.mean_from > 0)
			rc = brent_share(sv, theta, eps, k, dir, &out[k], diag);
		else if (dir > 0)
			out[k].share = interpolate(sv, k, i, dir);
		else
			out[k].share_hi = interpolate(sv, k, i, dir);
	}
	return rc;
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

/* K's logits by year index as z(t) = z_0(t) + β·A(t), exactly (the
 * closed form, at THETA under SCHED): z_0 into Z0 and, from a probe β, A
 * into Z1 (each of ny). */
static int beta_lines(lt_solver *sv, const double *theta,
                      const lt_schedule *sched, size_t k, double *z0,
                      double *z1, lt_diag *diag)
{
	size_t i;
	int rc;

	memcpy(sv->theta, theta, lt_model_nslots(sv->m) * sizeof *theta);
	lt_model_set_schedule(sv->m, sched);
	lt_model_set_method(sv->m, LT_METHOD_CLOSED, 0.0);
	rc = probe(sv, k, 0.0, z0, diag);
	if (rc == LT_OK)
		rc = probe(sv, k, BETA_PROBE, z1, diag);
	lt_model_set_method(sv->m, LT_METHOD_AUTO, 0.0);
	for (i = 0; rc == LT_OK && i < sv->ny; i++)
		z1[i] = (z1[i] - z0[i]) / BETA_PROBE;
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
	rc = beta_lines(sv, theta, sched, k, z0, z1, diag);
	for (i = 0; rc == LT_OK && i < npts; i++) {
		const lt_point *p = &pts[i];
		size_t j = (size_t)(p->year - sv->s->baseline_year);
		double lo = ind->has_floor ? ind->floor : 0.0, a;

		if (!(p->value > lo && p->value < ind->ceiling) || j >= sv->ny)
			continue;
		a = z1[j];
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

/* The period mean of K's values when β is BETA, less the aim: lines
 * Z0 + β·A of beta_lines. */
struct mean_ctx {
	const lt_solver *sv;
	size_t k;
	const double *z0, *a;
	double *z;
	double aim;
};

static double f_mean(double beta, void *params)
{
	const struct mean_ctx *c = params;
	size_t i;

	for (i = 0; i < c->sv->ny; i++)
		c->z[i] = c->z0[i] + beta * c->a[i];
	return outcome(c->sv, c->sv->m, c->k, c->z) - c->aim;
}

/* The β whose period mean of K meets the aim exactly: the mean rises with
 * β wherever the spending lifts capital (A >= 0), so Brent on a bracket
 * doubled from [-1, 1] until the sign changes (up to |β| = 2^20);
 * LT_EINVAL when no β gets there. */
static int beta_mean(lt_solver *sv, const double *theta,
                     const lt_schedule *sched, size_t k, double *beta,
                     lt_diag *diag)
{
	double *z0 = lt_calloc(3 * sv->ny, sizeof *z0), lo = -1.0, hi = 1.0;
	struct mean_ctx c;
	gsl_function fn = {f_mean, &c};
	int rc, it = 0, status;

	if (z0 == NULL)
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	c.sv = sv;
	c.k = k;
	c.z0 = z0;
	c.a = z0 + sv->ny;
	c.z = z0 + 2 * sv->ny;
	c.aim = lt_target_aim(&sv->s->indicators[k]);
	rc = beta_lines(sv, theta, sched, k, z0, z0 + sv->ny, diag);
	while (rc == LT_OK && !(f_mean(lo, &c) * f_mean(hi, &c) <= 0.0) &&
	       hi < 1048576.0) {
		lo *= 2.0;
		hi *= 2.0;
	}
	if (rc != LT_OK || !(f_mean(lo, &c) * f_mean(hi, &c) <= 0.0)) {
		free(z0);
		return rc != LT_OK ? rc : LT_EINVAL;
	}
	status = gsl_root_fsolver_set(sv->root, &fn, lo, hi);
	while (status == GSL_SUCCESS && it++ < LT_SOLVE_MAXITER) {
		status = gsl_root_fsolver_iterate(sv->root);
		lo = gsl_root_fsolver_x_lower(sv->root);
		hi = gsl_root_fsolver_x_upper(sv->root);
		if (status == GSL_SUCCESS &&
		    gsl_root_test_interval(lo, hi, 1e-12, 1e-10) == GSL_SUCCESS)
			break;
	}
	free(z0);
	*beta = gsl_root_fsolver_root(sv->root);
	return status == GSL_SUCCESS ? LT_OK : LT_EINVAL;
}

int lt_solve_beta_target(lt_solver *sv, const double *theta,
                         const lt_schedule *sched, size_t k, double *beta,
                         lt_diag *diag)
{
	const lt_indicator *ind = &sv->s->indicators[k];
	lt_point aim;

	if (!lt_model_dynamic(sv->m, k, NULL) || ind->channel < 0)
		return LT_EINVAL;
	if (ind->target.mean_from > 0)
		return beta_mean(sv, theta, sched, k, beta, diag);
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

	/* a target on a period's mean is judged once, at the period's end */
	if (ind->target.mean_from > 0)
		return lt_target_met(ind, outcome(sv, sv->m, k, sv->z + k * sv->ny))
		       ? ind->target.year : 0;
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
	if (rc == LT_OK && lt_target_met(ind, outcome(sv, sv->m, k,
	                                               sv->z + k * sv->ny))) {
		a->met_without_spending = 1;
		a->has_beta_need = 0;
	}
	return rc;
}

/* The plausible range of a β drawn from P: its support after truncation,
 * or where that is unbounded its 0.1st or 99.9th percentile. */
static void beta_range(const lt_param *p, double *lo, double *hi)
{
	lt_param_support(p, lo, hi);
	*lo = fmax(*lo, p->min);
	*hi = fmin(*hi, p->max);
	if (!isfinite(*lo))
		*lo = lt_param_quantile(p, 0.001);
	if (!isfinite(*hi))
		*hi = lt_param_quantile(p, 0.999);
}

static int answer_one(lt_solver *sv, const double *theta, size_t k,
                      lt_solve_answer *a, char *origin, lt_diag *diag)
{
	const lt_indicator *ind = &sv->s->indicators[k];
	int rc;

	a->beta = a->beta_ms = a->beta_need = a->r = NAN;
	a->beta_lo = a->beta_hi = NAN;
	a->r_origin = origin;
	rc = lt_solve_share(sv, theta, k, &a->share, diag);
	a->share_top.answer = LT_ANSWER_NO_DYNAMICS;
	a->share_top.share = a->share_top.share_hi = NAN;
	a->share_top.at_zero = a->share_top.at_full = NAN;
	if (rc != LT_OK || a->share.answer == LT_ANSWER_NO_DYNAMICS)
		return rc;
	if (ind->channel >= 0) {
		double *top = sv->theta;
		int slot = lt_model_find_slot(sv->m, LT_SLOT_BETA, k);
		const lt_slot *sl = lt_model_slot(sv->m, (size_t)slot);

		a->beta_lo = 0.0;
		a->beta_hi = LT_BETA_PLAUSIBLE_MAX;
		if (sl->dist.dist != LT_DIST_FIXED) {
			beta_range(&sl->dist, &a->beta_lo, &a->beta_hi);
			a->beta_range_given = 1;
		}
		/* the private copy: the caller's θ stays as it is */
		memcpy(top, theta, lt_model_nslots(sv->m) * sizeof *theta);
		top[slot] = a->beta_hi;
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
