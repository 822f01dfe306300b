/* model.c - capital stocks and indicator trajectories (see model.h).
 *
 * The closed form.  Within a year the investment I = η·(P + C) is
 * constant, so from K at the start,
 *     K(τ) = K·e^(−δτ) + (I/δ)(1 − e^(−δτ)),          0 <= τ <= 1,
 * and GRDP(τ) = G·e^(γτ), γ = ln(1 + g).  The year's integral of the
 * intensity k = 100·K/GRDP is
 *     ∫₀¹ k dτ = (100/G)·[K·φ(δ+γ) + (I/δ)(φ(γ) − φ(δ+γ))],
 * φ(x) = (1 − e^(−x))/x (φ(0) = 1), and for δ → 0 the bracket's second
 * term tends to I·ψ(γ), ψ(x) = ∫₀¹ τe^(−xτ)dτ = (1 − e^(−x)(1 + x))/x².
 * Both are evaluated with expm1 and series near 0, so the closed form is
 * accurate to rounding for every δ, γ >= 0.  Without spillovers the logit
 * then gains exactly r + β·(∫k − k0) each year.
 */
#include "lotrinh/model.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/budget.h"
#include "lotrinh/param.h"

/* Below this |x| the series of φ and ψ replace their closed forms, whose
 * cancellation would cost digits: the series' next term is below 1e-17. */
#define SERIES_X 1e-4

/* φ(x) = (1 − e^(−x))/x. */
static double phi(double x)
{
	if (fabs(x) < SERIES_X)
		return 1.0 - x / 2.0 + x * x / 6.0 - x * x * x / 24.0;
	return -expm1(-x) / x;
}

/* ψ(x) = ∫₀¹ τ e^(−xτ) dτ. */
static double psi(double x)
{
	if (fabs(x) < SERIES_X)
		return 0.5 - x / 3.0 + x * x / 8.0 - x * x * x / 30.0;
	return (-expm1(-x) - x * exp(-x)) / (x * x);
}

/* χ(x) = ∫₀¹ τ² e^(−xτ) dτ by its series Σ (−x)^n / (n! (n + 3)), used
 * only for x <= 1 where 12 terms leave an error below 1e-12. */
static double chi(double x)
{
	double term = 1.0, sum = 0.0;
	int n;

	if (x > 1.0)
		return (2.0 + expm1(-x) * 2.0 - exp(-x) * x * (x + 2.0)) / (x * x * x);
	for (n = 0; n < 12; n++) {
		sum += term / (n + 3);
		term *= -x / (n + 1);
	}
	return sum;
}

/* Below this δ the difference quotient below loses digits to cancellation
 * (about ε/δ); its two-term expansion is then exact to O(δ²) < 1e-12. */
#define SMALL_DELTA 1e-6

/* (φ(γ) − φ(γ+δ))/δ, which tends to ψ(γ) as δ → 0:
 * φ(γ+δ) = φ(γ) − δψ(γ) + (δ²/2)χ(γ) − ... */
static double phi_diff(double g, double d)
{
	if (d < SMALL_DELTA)
		return psi(g) - d / 2.0 * chi(g);
	return (phi(g) - phi(d + g)) / d;
}

/* Capital after τ years from K at a constant investment I:
 * K·e^(−δτ) + I·(1 − e^(−δτ))/δ = K·e^(−δτ) + I·τ·φ(δτ). */
static double capital_after(double k, double inv, double delta, double tau)
{
	return k * exp(-delta * tau) + inv * tau * phi(delta * tau);
}

static double logit(double x)
{
	return log(x / (1.0 - x));
}

static double logistic(double z)
{
	return 1.0 / (1.0 + exp(-z));
}

/* ---- values ----------------------------------------------------------- */

void lt_model_values_destroy(lt_model_values *v)
{
	free(v->delta);
	free(v->eta);
	free(v->capital0);
	free(v->r);
	free(v->beta);
	free(v->lo);
	free(v->hi);
	free(v->dynamic);
	free(v->note);
	memset(v, 0, sizeof *v);
}

/* Least-squares slope of the logit of IND's observations against the year,
 * or NAN with fewer than LT_MODEL_R_MIN_OBS usable ones. */
static double history_rate(const lt_indicator *ind, double lo, double hi,
                           size_t *used)
{
	double sx = 0, sz = 0, sxx = 0, sxz = 0;
	size_t i, n = 0;

	for (i = 0; i <= ind->history.n; i++) {
		int year = i < ind->history.n ? ind->history.pts[i].year
		                              : ind->baseline_year;
		double y = i < ind->history.n ? ind->history.pts[i].value
		                              : ind->baseline, z;

		if (i < ind->history.n && year >= ind->baseline_year)
			continue; /* the baseline counts once */
		if (!(y > lo && y < hi))
			continue;
		z = logit((y - lo) / (hi - lo));
		sx += year;
		sz += z;
		sxx += (double)year * year;
		sxz += year * z;
		n++;
	}
	*used = n;
	if (n < LT_MODEL_R_MIN_OBS)
		return NAN;
	return (n * sxz - sx * sz) / (n * sxx - sx * sx);
}

static void indicator_values(const lt_scenario *s, size_t k,
                             lt_model_values *v)
{
	const lt_indicator *ind = &s->indicators[k];
	double lo = ind->has_floor ? ind->floor : 0.0, hi = ind->ceiling, r;
	size_t used;

	v->lo[k] = lo;
	v->hi[k] = hi;
	if (ind->kind == LT_KIND_RANK) {
		snprintf(v->note[k], sizeof v->note[k], "a rank: paths and audits "
		         "only, no dynamics");
		return;
	}
	if (!ind->has_ceiling) {
		snprintf(v->note[k], sizeof v->note[k], "a count needs a 'ceiling' "
		         "for the logistic law");
		return;
	}
	if (!(ind->baseline > lo && ind->baseline < hi)) {
		snprintf(v->note[k], sizeof v->note[k], "the baseline %.6g is not "
		         "strictly between the floor %.6g and the ceiling %.6g",
		         ind->baseline, lo, hi);
		return;
	}
	v->dynamic[k] = 1;
	v->beta[k] = ind->beta.set ? lt_param_mean(&ind->beta) : 0.0;
	if (ind->r.set) {
		v->r[k] = lt_param_mean(&ind->r);
		snprintf(v->note[k], sizeof v->note[k], "r from the scenario");
	} else if (!isnan(r = history_rate(ind, lo, hi, &used))) {
		v->r[k] = r;
		snprintf(v->note[k], sizeof v->note[k], "r from the logit of %zu "
		         "observations", used);
	} else {
		v->r[k] = 0.0;
		snprintf(v->note[k], sizeof v->note[k], "r = 0: no r in the scenario "
		         "and too little history to estimate it");
	}
}

int lt_model_values_init(lt_model_values *v, const lt_scenario *s,
                         lt_diag *diag)
{
	double hist = lt_budget_history_mean(s), lambda;
	size_t c, k;

	memset(v, 0, sizeof *v);
	v->nc = s->n_channels;
	v->ni = s->n_indicators;
	v->delta = lt_calloc(v->nc, sizeof *v->delta);
	v->eta = lt_calloc(v->nc, sizeof *v->eta);
	v->capital0 = lt_calloc(v->nc, sizeof *v->capital0);
	v->r = lt_calloc(v->ni + 1, sizeof *v->r);
	v->beta = lt_calloc(v->ni + 1, sizeof *v->beta);
	v->lo = lt_calloc(v->ni + 1, sizeof *v->lo);
	v->hi = lt_calloc(v->ni + 1, sizeof *v->hi);
	v->dynamic = lt_calloc(v->ni + 1, sizeof *v->dynamic);
	v->note = lt_calloc(v->ni + 1, sizeof *v->note);
	if (!v->delta || !v->eta || !v->capital0 || !v->r || !v->beta ||
	    !v->lo || !v->hi || !v->dynamic || !v->note) {
		lt_model_values_destroy(v);
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	}
	if (isnan(hist))
		hist = lt_budget_today_share(s) / 100.0 *
		       lt_budget_base(&s->budget, s->baseline_year);
	lambda = s->budget.cofin == LT_COFIN_RATIO ? s->budget.cofin_ratio : 0.0;
	for (c = 0; c < v->nc; c++) {
		const lt_channel *ch = &s->channels[c];

		v->delta[c] = lt_param_mean(&ch->delta);
		v->eta[c] = lt_param_mean(&ch->eta);
		if (ch->has_capital0) {
			v->capital0[c] = ch->capital0;
		} else if (v->delta[c] > 0.0) {
			v->capital0[c] = v->eta[c] * ch->allocation * hist *
			                 (1.0 + lambda) / v->delta[c];
		} else {
			lt_model_values_destroy(v);
			LT_ERROR(diag, LT_EINVAL, "channel '%s' has no depreciation "
			         "(delta = 0), so its capital has no steady state: give "
			         "'capital0'", ch->id);
		}
	}
	for (k = 0; k < v->ni; k++)
		indicator_values(s, k, v);
	return LT_OK;
}

/* ---- trajectories ----------------------------------------------------- */

void lt_sim_destroy(lt_sim *sim)
{
	free(sim->grdp);
	free(sim->base);
	free(sim->public_);
	free(sim->cofin);
	free(sim->share);
	free(sim->capital);
	free(sim->intensity);
	free(sim->value);
	memset(sim, 0, sizeof *sim);
}

int lt_sim_init(lt_sim *sim, const lt_scenario *s)
{
	memset(sim, 0, sizeof *sim);
	sim->t0 = s->baseline_year;
	sim->t1 = s->horizon;
	sim->ny = (size_t)(s->horizon - s->baseline_year + 1);
	sim->nc = s->n_channels;
	sim->ni = s->n_indicators;
	sim->grdp = lt_calloc(sim->ny, sizeof *sim->grdp);
	sim->base = lt_calloc(sim->ny, sizeof *sim->base);
	sim->public_ = lt_calloc(sim->ny, sizeof *sim->public_);
	sim->cofin = lt_calloc(sim->ny, sizeof *sim->cofin);
	sim->share = lt_calloc(sim->ny, sizeof *sim->share);
	sim->capital = lt_calloc(sim->nc * sim->ny, sizeof *sim->capital);
	sim->intensity = lt_calloc(sim->nc * sim->ny, sizeof *sim->intensity);
	sim->value = lt_calloc((sim->ni + 1) * sim->ny, sizeof *sim->value);
	if (!sim->grdp || !sim->base || !sim->public_ || !sim->cofin ||
	    !sim->share || !sim->capital || !sim->intensity || !sim->value) {
		lt_sim_destroy(sim);
		return LT_ENOMEM;
	}
	return LT_OK;
}

int lt_sim_year_met(const lt_sim *sim, const lt_indicator *ind, size_t k,
                    int from)
{
	int y;

	for (y = from < sim->t0 ? sim->t0 : from; y <= sim->t1; y++)
		if (lt_target_met(ind, sim->value[k * sim->ny + (size_t)(y - sim->t0)]))
			return y;
	return 0;
}

/* What the ODE's right-hand side needs within one year. */
struct year_ctx {
	const lt_scenario *s;
	const lt_model_values *v;
	size_t nc, ni;
	const double *k_start;  /* [nc] capital at the start of the year */
	const double *inv;      /* [nc] investment η(P + C) of the year */
	const double *k0;       /* [nc] intensity in the baseline year */
	const double *z0;       /* [ni] logits in the baseline year */
	const size_t *idx;      /* [ni] state index of each dynamic indicator */
	double grdp, gamma;     /* GRDP at the start, its continuous rate */
};

static int rhs(double tau, const double z[], double dz[], void *params)
{
	const struct year_ctx *c = params;
	double g = c->grdp * exp(c->gamma * tau);
	size_t k, j;

	for (k = 0; k < c->ni; k++) {
		const lt_indicator *ind = &c->s->indicators[k];
		double rate;

		if (!c->v->dynamic[k])
			continue;
		rate = c->v->r[k];
		if (ind->channel >= 0) {
			size_t ch = (size_t)ind->channel;
			double kc = capital_after(c->k_start[ch], c->inv[ch],
			                          c->v->delta[ch], tau);
			rate += c->v->beta[k] * (100.0 * kc / g - c->k0[ch]);
		}
		for (j = 0; j < ind->n_spill; j++) {
			size_t f = ind->spill[j].from;

			if (c->v->dynamic[f])
				rate += ind->spill[j].gamma * (logistic(z[c->idx[f]]) -
				                               logistic(c->z0[f]));
		}
		dz[c->idx[k]] = rate;
	}
	return GSL_SUCCESS;
}

static int has_spillovers(const lt_scenario *s, const lt_model_values *v)
{
	size_t k, j;

	for (k = 0; k < s->n_indicators; k++)
		for (j = 0; j < s->indicators[k].n_spill; j++)
			if (v->dynamic[k] && v->dynamic[s->indicators[k].spill[j].from] &&
			    s->indicators[k].spill[j].gamma != 0.0)
				return 1;
	return 0;
}

/* Work arrays for one run. */
struct work {
	double *pub, *cof, *kst, *inv, *k0, *z0, *z;
	size_t *idx;
};

static void work_free(struct work *w)
{
	free(w->pub);
	free(w->cof);
	free(w->kst);
	free(w->inv);
	free(w->k0);
	free(w->z0);
	free(w->z);
	free(w->idx);
}

static int work_alloc(struct work *w, size_t nc, size_t ni)
{
	w->pub = lt_calloc(nc + 1, sizeof *w->pub);
	w->cof = lt_calloc(nc + 1, sizeof *w->cof);
	w->kst = lt_calloc(nc + 1, sizeof *w->kst);
	w->inv = lt_calloc(nc + 1, sizeof *w->inv);
	w->k0 = lt_calloc(nc + 1, sizeof *w->k0);
	w->z0 = lt_calloc(ni + 1, sizeof *w->z0);
	w->z = lt_calloc(ni + 1, sizeof *w->z);
	w->idx = lt_calloc(ni + 1, sizeof *w->idx);
	return w->pub && w->cof && w->kst && w->inv && w->k0 && w->z0 && w->z &&
	       w->idx ? LT_OK : LT_ENOMEM;
}

/* Advance the logits over one year by the closed form. */
static void closed_year(const struct year_ctx *c, double *z)
{
	size_t k;

	for (k = 0; k < c->ni; k++) {
		const lt_indicator *ind = &c->s->indicators[k];
		double gain;

		if (!c->v->dynamic[k])
			continue;
		gain = c->v->r[k];
		if (ind->channel >= 0) {
			size_t ch = (size_t)ind->channel;
			double d = c->v->delta[ch], g = c->gamma;
			double integral = c->k_start[ch] * phi(d + g) +
			                  c->inv[ch] * phi_diff(g, d);

			gain += c->v->beta[k] * (100.0 * integral / c->grdp - c->k0[ch]);
		}
		z[c->idx[k]] += gain;
	}
}

static int ode_year(struct year_ctx *c, double *z, size_t n, double eps,
                    lt_diag *diag, int year)
{
	gsl_odeiv2_system sys = {rhs, NULL, n, c};
	gsl_odeiv2_driver *drv;
	double tau = 0.0;
	int status;

	drv = gsl_odeiv2_driver_alloc_y_new(&sys, gsl_odeiv2_step_rk8pd, 1e-2,
	                                    eps, eps);
	if (drv == NULL)
		LT_ERROR(diag, LT_ENOMEM, "out of memory for the ODE solver");
	status = gsl_odeiv2_driver_apply(drv, &tau, 1.0, z);
	gsl_odeiv2_driver_free(drv);
	if (status != GSL_SUCCESS)
		LT_ERROR(diag, LT_ENOCONV, "the ODE solver failed in %d: %s", year,
		         gsl_strerror(status));
	return LT_OK;
}

int lt_model_run(const lt_scenario *s, const lt_model_values *v,
                 const lt_schedule *sched, lt_method method, double eps,
                 lt_sim *sim, lt_diag *diag)
{
	const double gamma = log1p(s->economy.growth_pct / 100.0);
	struct work w = {0};
	struct year_ctx c;
	size_t ch, k, n = 0, i;
	int use_ode, rc = LT_OK;

	if (eps <= 0.0)
		eps = LT_MODEL_ODE_EPS;
	if (work_alloc(&w, sim->nc, sim->ni) != LT_OK) {
		work_free(&w);
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	}
	use_ode = method == LT_METHOD_ODE ||
	          (method == LT_METHOD_AUTO && has_spillovers(s, v));
	for (i = 0; i < sim->ny; i++) {
		int year = sim->t0 + (int)i;

		sim->grdp[i] = lt_economy_grdp(&s->economy, year);
		sim->base[i] = lt_budget_base(&s->budget, year);
	}
	for (ch = 0; ch < sim->nc; ch++) {
		w.kst[ch] = v->capital0[ch];
		w.k0[ch] = 100.0 * v->capital0[ch] / sim->grdp[0];
		sim->capital[ch * sim->ny] = w.kst[ch];
		sim->intensity[ch * sim->ny] = w.k0[ch];
	}
	for (k = 0; k < sim->ni; k++) {
		const lt_indicator *ind = &s->indicators[k];

		for (i = 0; i < sim->ny; i++)
			sim->value[k * sim->ny + i] = NAN;
		if (!v->dynamic[k])
			continue;
		w.idx[k] = n;
		w.z0[k] = logit((ind->baseline - v->lo[k]) / (v->hi[k] - v->lo[k]));
		w.z[n++] = w.z0[k];
		sim->value[k * sim->ny] = ind->baseline;
	}
	c.s = s;
	c.v = v;
	c.nc = sim->nc;
	c.ni = sim->ni;
	c.k_start = w.kst;
	c.inv = w.inv;
	c.k0 = w.k0;
	c.z0 = w.z0;
	c.idx = w.idx;
	c.gamma = gamma;
	for (i = 1; i < sim->ny && rc == LT_OK; i++) {
		int year = sim->t0 + (int)i;

		lt_budget_year(s, sched, year, w.pub, w.cof);
		for (ch = 0; ch < sim->nc; ch++) {
			w.inv[ch] = v->eta[ch] * (w.pub[ch] + w.cof[ch]);
			sim->public_[i] += w.pub[ch];
			sim->cofin[i] += w.cof[ch];
		}
		sim->share[i] = 100.0 * sim->public_[i] / sim->base[i];
		c.grdp = sim->grdp[i - 1];
		if (use_ode && n > 0)
			rc = ode_year(&c, w.z, n, eps, diag, year);
		else
			closed_year(&c, w.z);
		for (ch = 0; ch < sim->nc; ch++) {
			w.kst[ch] = capital_after(w.kst[ch], w.inv[ch], v->delta[ch], 1.0);
			sim->capital[ch * sim->ny + i] = w.kst[ch];
			sim->intensity[ch * sim->ny + i] = 100.0 * w.kst[ch] / sim->grdp[i];
		}
		for (k = 0; k < sim->ni; k++)
			if (v->dynamic[k])
				sim->value[k * sim->ny + i] = v->lo[k] + (v->hi[k] - v->lo[k]) *
				                              logistic(w.z[w.idx[k]]);
	}
	work_free(&w);
	return rc;
}
