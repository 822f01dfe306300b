/* solve.c - the inverse questions (see solve.h). */
#include "lotrinh/solve.h"

#include "lotrinh/alloc.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* What f(s) needs. */
struct share_ctx {
	const lt_scenario *s;
	const lt_model_values *v;
	size_t k;
	lt_sim sim;
	lt_diag *diag;
	int failed;
	double aim;
	int direction;
};

/* The value aimed at and the direction (scenario.h, "targets"). */
static void aim_of(const lt_indicator *ind, double *aim, int *direction)
{
	*aim = lt_target_aim(ind);
	*direction = lt_target_sense(ind);
}

/* Indicator K in its target year under a constant share SHARE. */
static double value_at(struct share_ctx *c, double share)
{
	lt_schedule sc;
	const lt_indicator *ind = &c->s->indicators[c->k];

	memset(&sc, 0, sizeof sc);
	sc.kind = LT_SCHED_CONSTANT;
	sc.share_pct = share;
	if (lt_model_run(c->s, c->v, &sc, LT_METHOD_AUTO, 0.0, &c->sim, c->diag)
	    != LT_OK) {
		c->failed = 1;
		return NAN;
	}
	return c->sim.value[c->k * c->sim.ny +
	                    (size_t)(ind->target.year - c->sim.t0)];
}

static double f_share(double share, void *params)
{
	struct share_ctx *c = params;

	return c->direction * (value_at(c, share) - c->aim);
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
		if (status != GSL_SUCCESS || c->failed)
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
	if (c->failed)
		return LT_ENOCONV;
	LT_ERROR(diag, LT_ENOCONV, "Brent's method did not bracket the share "
	         "within %g points in %d iterations (%s)", LT_SOLVE_SHARE_TOL,
	         LT_SOLVE_MAXITER, gsl_strerror(status));
}

int lt_solve_share(const lt_scenario *s, const lt_model_values *v, size_t k,
                   lt_share_result *out, lt_diag *diag)
{
	struct share_ctx c;
	int rc;

	memset(out, 0, sizeof *out);
	out->share = NAN;
	if (!v->dynamic[k]) {
		out->answer = LT_ANSWER_NO_DYNAMICS;
		return LT_OK;
	}
	memset(&c, 0, sizeof c);
	c.s = s;
	c.v = v;
	c.k = k;
	c.diag = diag;
	aim_of(&s->indicators[k], &c.aim, &c.direction);
	if (lt_sim_init(&c.sim, s) != LT_OK)
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	out->at_zero = value_at(&c, 0.0);
	out->at_full = value_at(&c, 100.0);
	if (c.failed) {
		lt_sim_destroy(&c.sim);
		return LT_ENOCONV;
	}
	if (c.direction * (out->at_zero - c.aim) >= 0.0) {
		out->answer = LT_ANSWER_FREE;
		out->share = 0.0;
		rc = LT_OK;
	} else if (c.direction * (out->at_full - c.aim) < 0.0) {
		out->answer = LT_ANSWER_UNREACHABLE;
		rc = LT_OK;
	} else {
		out->answer = LT_ANSWER_SOLVED;
		rc = brent(&c, out, diag);
	}
	lt_sim_destroy(&c.sim);
	return rc;
}

/* The β of the probe run: small, so the probe's logits stay far from the
 * bounds where y would round to them; the logit is linear in β, so its
 * size does not matter otherwise. */
#define BETA_PROBE 0.01

static double logit_of(const lt_model_values *v, size_t k, double y)
{
	double x = (y - v->lo[k]) / (v->hi[k] - v->lo[k]);

	return log(x / (1.0 - x));
}

/* The least-squares β through the points PTS (N of them) in the logit. */
static int beta_fit(const lt_scenario *s, const lt_model_values *v,
                    const lt_schedule *sched, size_t k, const lt_point *pts,
                    size_t npts, double *beta, lt_diag *diag)
{
	lt_model_values w = *v;
	double *b = NULL, num = 0.0, den = 0.0;
	lt_sim s0, s1;
	size_t i;
	int rc;

	b = lt_malloc((v->ni + 1) * sizeof *b);
	if (b == NULL || lt_sim_init(&s0, s) != LT_OK) {
		free(b);
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	}
	if (lt_sim_init(&s1, s) != LT_OK) {
		free(b);
		lt_sim_destroy(&s0);
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	}
	memcpy(b, v->beta, v->ni * sizeof *b);
	w.beta = b;
	b[k] = 0.0;
	rc = lt_model_run(s, &w, sched, LT_METHOD_CLOSED, 0.0, &s0, diag);
	b[k] = BETA_PROBE;
	if (rc == LT_OK)
		rc = lt_model_run(s, &w, sched, LT_METHOD_CLOSED, 0.0, &s1, diag);
	/* z(t) = z_0(t) + β·A(t), exactly: A from a probe β, then least
	 * squares over the milestones */
	for (i = 0; rc == LT_OK && i < npts; i++) {
		const lt_point *m = &pts[i];
		size_t j = k * s0.ny + (size_t)(m->year - s0.t0);
		double z0, a, zm;

		if (!(m->value > v->lo[k] && m->value < v->hi[k]))
			continue;
		z0 = logit_of(v, k, s0.value[j]);
		a = (logit_of(v, k, s1.value[j]) - z0) / BETA_PROBE;
		zm = logit_of(v, k, m->value);
		num += a * (zm - z0);
		den += a * a;
	}
	free(b);
	lt_sim_destroy(&s0);
	lt_sim_destroy(&s1);
	if (rc != LT_OK)
		return rc;
	if (!(den > 0.0))
		return LT_EINVAL;
	*beta = num / den;
	return LT_OK;
}

int lt_solve_beta(const lt_scenario *s, const lt_model_values *v,
                  const lt_schedule *sched, size_t k, double *beta,
                  lt_diag *diag)
{
	const lt_indicator *ind = &s->indicators[k];

	if (!v->dynamic[k] || ind->channel < 0 || ind->milestones.n == 0)
		return LT_EINVAL;
	return beta_fit(s, v, sched, k, ind->milestones.pts, ind->milestones.n,
	                beta, diag);
}

int lt_solve_beta_target(const lt_scenario *s, const lt_model_values *v,
                         const lt_schedule *sched, size_t k, double *beta,
                         lt_diag *diag)
{
	const lt_indicator *ind = &s->indicators[k];
	lt_point aim;
	int direction;

	if (!v->dynamic[k] || ind->channel < 0)
		return LT_EINVAL;
	aim_of(ind, &aim.value, &direction);
	aim.year = ind->target.year;
	return beta_fit(s, v, sched, k, &aim, 1, beta, diag);
}
