/* trend.c - fits to history and their verdict (see trend.h). */
#include "lotrinh/trend.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Half-width of the band: the 97.5% quantile of Student's t. */
#define BAND_QUANTILE 0.975

static int meets(const lt_trend_spec *s, double v)
{
	return s->direction > 0 ? v >= s->target : v <= s->target;
}

/* Fit model M to the observations (x = year − origin).  A model that
 * cannot be fitted is an answer (its reason in tm->why); only running out
 * of memory is an error: returns LT_OK or LT_ENOMEM. */
static int fit_one(const lt_trend_spec *s, const double *x, const double *y,
                   lt_fit_model m, lt_trend_model *tm)
{
	size_t p = lt_fit_model_nparams(m), i;
	double xt, t;
	lt_diag d;
	int rc;

	tm->model = m;
	if (s->n_obs < p + 1) {
		snprintf(tm->why, sizeof tm->why, "needs at least %zu observations",
		         p + 1);
		return LT_OK;
	}
	for (i = 0; i < s->n_obs; i++)
		if (m == LT_FIT_EXPONENTIAL && !(y[i] > 0.0)) {
			snprintf(tm->why, sizeof tm->why, "needs positive values");
			return LT_OK;
		}
	/* only the first message is shown: keeping it allocates nothing, so
	 * a fit that fails for want of convergence is never taken for want
	 * of memory */
	lt_diag_init_first(&d, NULL);
	rc = lt_fit_run(m, x, y, s->n_obs, NULL, &tm->fit, &d);
	if (rc != LT_OK) {
		snprintf(tm->why, sizeof tm->why, "%.150s",
		         d.n > 0 ? d.items[0].msg : "did not converge");
		lt_diag_destroy(&d);
		return rc == LT_ENOMEM ? LT_ENOMEM : LT_OK;
	}
	lt_diag_destroy(&d);
	xt = s->target_year - s->obs[0].year;
	if (lt_fit_predict(&tm->fit, xt, &tm->at_target, &tm->se_at_target) !=
	    LT_OK || !isfinite(tm->at_target)) {
		snprintf(tm->why, sizeof tm->why, "cannot be extrapolated to %d",
		         s->target_year);
		return LT_OK;
	}
	t = gsl_cdf_tdist_Pinv(BAND_QUANTILE, (double)tm->fit.dof);
	tm->lo = tm->at_target - t * tm->se_at_target;
	tm->hi = tm->at_target + t * tm->se_at_target;
	if (s->bounded) {
		/* a straight line runs out of a rank's or a share's range: the
		 * value cannot, so it is held at the range's end */
		double v = fmin(fmax(tm->at_target, s->lo), s->hi);

		tm->clamped = v != tm->at_target;
		tm->at_target = v;
		tm->lo = fmin(fmax(tm->lo, s->lo), s->hi);
		tm->hi = fmin(fmax(tm->hi, s->lo), s->hi);
	}
	tm->fitted = 1;
	return LT_OK;
}

/* The AICc choice among fitted models with a defined AICc. */
static void choose(lt_trend_result *out)
{
	size_t k, comparable = 0;
	int best = -1;

	for (k = 0; k < LT_FIT_COUNT; k++) {
		const lt_trend_model *tm = &out->m[k];

		if (!tm->fitted || !isfinite(tm->fit.aicc))
			continue;
		comparable++;
		if (best < 0 || tm->fit.aicc < out->m[best].fit.aicc)
			best = (int)k;
	}
	if (comparable >= 2) {
		out->chosen = best;
		snprintf(out->choice, sizeof out->choice, "lowest AICc of %zu models "
		         "that %zu observations can compare", comparable, out->n);
	} else if (out->m[LT_FIT_LINEAR].fitted) {
		out->chosen = LT_FIT_LINEAR;
		snprintf(out->choice, sizeof out->choice, "linear: %zu observations "
		         "are too few for AICc to choose between models (it needs "
		         "n >= p + 3 for two of them)", out->n);
	} else {
		out->chosen = -1;
		snprintf(out->choice, sizeof out->choice, "no model could be fitted");
	}
}

int lt_trend_run(const lt_trend_spec *s, lt_trend_result *out, lt_diag *diag)
{
	double x[256], y[256];
	size_t i;
	int year;

	memset(out, 0, sizeof *out);
	out->chosen = -1;
	out->n = s->n_obs;
	if (s->n_obs > sizeof x / sizeof *x)
		LT_ERROR(diag, LT_EINVAL, "too many observations for a trend (%zu; "
		         "at most %zu)", s->n_obs, sizeof x / sizeof *x);
	for (i = 0; i < s->n_obs; i++) {
		if (!isfinite(s->obs[i].value) ||
		    (i > 0 && s->obs[i].year <= s->obs[i - 1].year))
			LT_ERROR(diag, LT_EINVAL, "observations must be finite with "
			         "increasing years");
		x[i] = s->obs[i].year - s->obs[0].year;
		y[i] = s->obs[i].value;
	}
	if (s->n_obs < LT_TREND_MIN_OBS) {
		snprintf(out->choice, sizeof out->choice, "%zu observation%s: at "
		         "least %d are needed to fit a trend", s->n_obs,
		         s->n_obs == 1 ? "" : "s", LT_TREND_MIN_OBS);
		return LT_OK;
	}
	out->origin = s->obs[0].year;
	for (i = 0; i < LT_FIT_COUNT; i++)
		if (fit_one(s, x, y, (lt_fit_model)i, &out->m[i]) == LT_ENOMEM)
			LT_ERROR(diag, LT_ENOMEM, "out of memory");
	choose(out);
	if (out->chosen < 0)
		return LT_OK;
	out->reaches = meets(s, out->m[out->chosen].at_target);
	for (year = s->obs[s->n_obs - 1].year + 1; year <= s->horizon; year++) {
		const lt_fit *f = &out->m[out->chosen].fit;

		if (meets(s, lt_fit_model_eval(f->model, f->b, year - out->origin))) {
			out->year_met = year;
			break;
		}
	}
	return LT_OK;
}
