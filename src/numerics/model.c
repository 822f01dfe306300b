/* model.c - the compiled model and its evaluation (see model.h).
 *
 * The file runs as one pipeline in labelled sections: the closed-form
 * kernels; compiling a scenario (spending by channel and year, the
 * indicators' constants, the registry of parameters θ); the workspace;
 * and the evaluation θ → values, by the closed form or by the ODE.
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
 * then gains exactly r + β·(∫k − k_ref) each year.  At the steady state of
 * a constant flow (I = δK) the bracket is K·φ(γ), which carries an
 * indicator whose baseline is older than t0 forward to t0.
 *
 * Speed.  Everything that depends only on θ and not on the year (e^(−δ),
 * φ(δ+γ), the δ-difference quotient, φ(δ)) is formed once per channel and
 * evaluation, GRDP and the base grow by one multiplication a year, and the
 * year loop does a handful of multiply-adds per channel and one
 * exponential per indicator (the logistic).
 */
#include "lotrinh/model.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/budget.h"
#include "lotrinh/param.h"
#include "lotrinh/prior.h"

/* ==== closed-form kernels ============================================= */

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

/* Capital after τ years from K at a constant investment I. */
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

/* ==== the compiled model ============================================== */

#define NONE SIZE_MAX

/* The ODE stepper's first step in each year, in years: a hundredth of a
 * year is well inside the scale of any rate the model has, and the
 * adaptive control grows it at once where the rates are slow.  Every
 * year restarts from it, so a workspace's results never depend on what it
 * evaluated before (the same θ gives the same values in any thread). */
#define ODE_H0 1e-2

/* What the year loop needs of a dynamic indicator, in one place. */
struct dyn {
	size_t k;                 /* the indicator */
	size_t off;               /* k·ny: its row in the output */
	size_t r, beta, sigma;    /* its slots in θ */
	int ch;                   /* its channel, -1 when none */
	int start;                /* its baseline year − t0 */
};

struct lt_model {
	const lt_scenario *s;
	int t0, t1;
	size_t ny, nc, ni;
	lt_method method;
	double eps;
	int use_ode;
	/* economy: GRDP and the base at t0 are the given levels grown by
	 * their (uncertain) rates over these many years */
	double grdp_given, base_given;
	int grdp_years, base_years;
	lt_money_term hist[LT_HISTORY_YEARS];
	size_t n_hist;
	double today_frac;        /* without history: today's share / 100 */
	int cofin_ratio;
	/* channels [nc] and spending [nc*ny] */
	double *alloc, *capital0;
	int *has_capital0;
	double *pub_fixed, *pub_frac, *cof_fixed;
	double *scratch_p, *scratch_q; /* [nc] one year's programme money */
	/* indicators [ni] */
	int *dynamic, *start;
	double *lo, *width, *z0, *baseline;
	char (*why)[200];
	size_t *slot_r, *slot_beta, *slot_sigma;
	/* each dynamic indicator's state index (its place in dv) */
	size_t n_dyn, *idx;
	struct dyn *dv;           /* [n_dyn] what the year loop reads */
	/* spillovers between dynamic indicators */
	size_t n_sp, *sp_to, *sp_from, *sp_slot;
	/* channel and economy slots */
	size_t *slot_delta, *slot_eta;
	size_t slot_g, slot_ge, slot_lambda;
	lt_slot *slots;
	size_t n_slots;
};

const lt_scenario *lt_model_scenario(const lt_model *m)
{
	return m->s;
}

size_t lt_model_years(const lt_model *m)
{
	return m->ny;
}

int lt_model_dynamic(const lt_model *m, size_t k, const char **why)
{
	if (why != NULL)
		*why = m->why[k];
	return m->dynamic[k];
}

int lt_model_uses_ode(const lt_model *m)
{
	return m->use_ode;
}

size_t lt_model_nslots(const lt_model *m)
{
	return m->n_slots;
}

const lt_slot *lt_model_slot(const lt_model *m, size_t i)
{
	return &m->slots[i];
}

int lt_model_find_slot(const lt_model *m, lt_slot_kind kind, size_t owner)
{
	size_t i;

	for (i = 0; i < m->n_slots; i++)
		if (m->slots[i].kind == kind && m->slots[i].owner == owner)
			return (int)i;
	return -1;
}

void lt_model_central(const lt_model *m, double *theta)
{
	size_t i;

	for (i = 0; i < m->n_slots; i++)
		theta[i] = m->slots[i].central;
}

void lt_model_set_method(lt_model *m, lt_method method, double eps)
{
	m->method = method;
	m->eps = eps > 0.0 ? eps : LT_MODEL_ODE_EPS;
	m->use_ode = m->n_dyn > 0 && (method == LT_METHOD_ODE ||
	             (method == LT_METHOD_AUTO && m->n_sp > 0));
}

void lt_model_free(lt_model *m)
{
	if (m == NULL)
		return;
	free(m->alloc);
	free(m->capital0);
	free(m->has_capital0);
	free(m->pub_fixed);
	free(m->pub_frac);
	free(m->cof_fixed);
	free(m->scratch_p);
	free(m->scratch_q);
	free(m->dynamic);
	free(m->start);
	free(m->lo);
	free(m->width);
	free(m->z0);
	free(m->baseline);
	free(m->why);
	free(m->slot_r);
	free(m->slot_beta);
	free(m->slot_sigma);
	free(m->idx);
	free(m->dv);
	free(m->sp_to);
	free(m->sp_from);
	free(m->sp_slot);
	free(m->slot_delta);
	free(m->slot_eta);
	free(m->slots);
	free(m);
}

/* ---- compile: spending ------------------------------------------------ */

void lt_model_set_schedule(lt_model *m, const lt_schedule *sched)
{
	const lt_scenario *s = m->s;
	size_t c, i, ny = m->ny;

	if (sched == NULL)
		sched = &s->budget.schedule;
	memset(m->pub_fixed, 0, m->nc * ny * sizeof *m->pub_fixed);
	memset(m->pub_frac, 0, m->nc * ny * sizeof *m->pub_frac);
	memset(m->cof_fixed, 0, m->nc * ny * sizeof *m->cof_fixed);
	for (i = 1; i < ny; i++) {
		int year = m->t0 + (int)i;
		double *p = m->scratch_p, *q = m->scratch_q;

		for (c = 0; c < m->nc; c++)
			p[c] = q[c] = 0.0;
		if (sched->kind == LT_SCHED_PROGRAMS) {
			lt_programs_year(s, year, p, NULL);
			for (c = 0; c < m->nc; c++)
				m->pub_fixed[c * ny + i] = p[c];
		} else {
			double share = lt_schedule_share(sched, m->t0, year) / 100.0;

			for (c = 0; c < m->nc; c++)
				m->pub_frac[c * ny + i] = share * m->alloc[c];
		}
		if (s->budget.cofin == LT_COFIN_PROGRAMS) {
			lt_programs_year(s, year, NULL, q);
			for (c = 0; c < m->nc; c++)
				m->cof_fixed[c * ny + i] = q[c];
		}
	}
}

/* ---- compile: the registry -------------------------------------------- */

static size_t add_slot(lt_model *m, lt_slot_kind kind, size_t owner,
                       const lt_param *p, double fixed, int line,
                       const char *name, const char *origin)
{
	lt_slot *sl = &m->slots[m->n_slots];

	memset(sl, 0, sizeof *sl);
	sl->kind = kind;
	sl->owner = owner;
	if (p != NULL && p->set) {
		sl->dist = *p;
		sl->central = lt_param_mean(p);
		sl->line = p->line > 0 ? p->line : line;
	} else {
		sl->dist.set = 1;
		sl->dist.dist = LT_DIST_FIXED;
		sl->dist.value = fixed;
		sl->dist.min = -HUGE_VAL;
		sl->dist.max = HUGE_VAL;
		sl->central = fixed;
		sl->line = line;
	}
	sl->file = m->s->path;
	snprintf(sl->name, sizeof sl->name, "%s", name);
	snprintf(sl->origin, sizeof sl->origin, "%s", origin);
	return m->n_slots++;
}

/* Least-squares slope of the logit of IND's observations against the year,
 * or NAN with fewer than LT_MODEL_R_MIN_OBS usable ones. */
static double history_rate(const lt_indicator *ind, double lo, double hi,
                           size_t *used)
{
	lt_point obs[128];
	size_t n_obs = lt_indicator_observations(ind, obs, 128), i, n = 0;
	double sx = 0, sz = 0, sxx = 0, sxz = 0;

	for (i = 0; i < n_obs; i++) {
		double y = obs[i].value, z;

		if (!(y > lo && y < hi))
			continue;
		z = logit((y - lo) / (hi - lo));
		sx += obs[i].year;
		sz += z;
		sxx += (double)obs[i].year * obs[i].year;
		sxz += obs[i].year * z;
		n++;
	}
	*used = n;
	if (n < LT_MODEL_R_MIN_OBS)
		return NAN;
	return (n * sxz - sx * sz) / (n * sxx - sx * sx);
}

/* Indicator K's baseline as a fraction of its range. */
static double baseline_x(const lt_model *m, size_t k)
{
	return (m->s->indicators[k].baseline - m->lo[k]) / m->width[k];
}

/* The slot of indicator K's r: from the scenario, the history, a prior,
 * or 0, each saying so. */
static void r_slot(lt_model *m, size_t k)
{
	const lt_indicator *ind = &m->s->indicators[k];
	const lt_prior *pr = lt_prior_find(ind->prior);
	char name[96], origin[160];
	double r;
	size_t used;

	snprintf(name, sizeof name, "r of %s", ind->id);
	if (ind->r.set) {
		snprintf(origin, sizeof origin, "r from the scenario");
		m->slot_r[k] = add_slot(m, LT_SLOT_R, k, &ind->r, 0.0, ind->line,
		                        name, origin);
		return;
	}
	r = history_rate(ind, m->lo[k], m->lo[k] + m->width[k], &used);
	if (!isnan(r)) {
		snprintf(origin, sizeof origin, "r from the trend of %zu "
		         "observations (logit slope)", used);
	} else if (pr != NULL) {
		lt_param p;

		lt_prior_param(&pr->r, baseline_x(m, k), m->width[k], &p);
		p.line = ind->prior_line;
		snprintf(origin, sizeof origin, "r from the '%s' prior "
		         "(docs/MODEL.md), too little history", pr->name);
		m->slot_r[k] = add_slot(m, LT_SLOT_R, k, &p, 0.0, ind->line, name,
		                        origin);
		return;
	} else {
		r = 0.0;
		snprintf(origin, sizeof origin, "r = 0: no r, no prior named and "
		         "too little history to estimate a trend");
	}
	m->slot_r[k] = add_slot(m, LT_SLOT_R, k, NULL, r, ind->line, name, origin);
}

/* The slot of indicator K's β: from the scenario, its kind's prior, or 0. */
static void beta_slot(lt_model *m, size_t k)
{
	const lt_indicator *ind = &m->s->indicators[k];
	const lt_prior *pr = lt_prior_find(ind->prior);
	char name[96], origin[160];
	lt_param p;

	snprintf(name, sizeof name, "beta of %s", ind->id);
	if (ind->beta.set || pr == NULL) {
		m->slot_beta[k] = add_slot(m, LT_SLOT_BETA, k, &ind->beta, 0.0,
		                           ind->line, name, ind->beta.set ? "beta "
		                           "from the scenario" : "beta = 0: not given");
		return;
	}
	lt_prior_param(&pr->beta, baseline_x(m, k), m->width[k], &p);
	p.line = ind->prior_line;
	snprintf(origin, sizeof origin, "beta from the '%s' prior "
	         "(docs/MODEL.md)", pr->name);
	m->slot_beta[k] = add_slot(m, LT_SLOT_BETA, k, &p, 0.0, ind->line, name,
	                           origin);
}

static void indicator_slots(lt_model *m, size_t k)
{
	const lt_indicator *ind = &m->s->indicators[k];
	char name[96];

	r_slot(m, k);
	beta_slot(m, k);
	snprintf(name, sizeof name, "sigma of %s", ind->id);
	m->slot_sigma[k] = add_slot(m, LT_SLOT_SIGMA, k, &ind->sigma, 0.0,
	                            ind->line, name, ind->sigma.set ? "sigma "
	                            "from the scenario" : "no yearly shocks");
}

/* Why indicator K cannot be simulated, or NULL when it can. */
static const char *static_reason(lt_model *m, size_t k)
{
	const lt_indicator *ind = &m->s->indicators[k];
	double lo = ind->has_floor ? ind->floor : 0.0, hi = ind->ceiling;

	m->lo[k] = lo;
	m->width[k] = hi - lo;
	if (lt_indicator_target_only(ind))
		return lt_no_baseline_text;
	if (ind->kind == LT_KIND_RANK)
		return "a rank: paths and audits only, no dynamics";
	if (!ind->has_ceiling)
		return "a count needs a 'ceiling' for the logistic law";
	if (!(ind->baseline > lo && ind->baseline < hi)) {
		snprintf(m->why[k], sizeof m->why[k], "the baseline %.6g is not "
		         "strictly between the floor %.6g and the ceiling %.6g",
		         ind->baseline, lo, hi);
		return m->why[k];
	}
	return NULL;
}

static void compile_indicators(lt_model *m)
{
	const lt_scenario *s = m->s;
	size_t k, j;

	for (k = 0; k < m->ni; k++) {
		const lt_indicator *ind = &s->indicators[k];
		const char *why = static_reason(m, k);

		m->slot_r[k] = m->slot_beta[k] = m->slot_sigma[k] = NONE;
		m->baseline[k] = ind->baseline;
		m->start[k] = ind->baseline_year - m->t0;
		if (why != NULL) {
			if (why != m->why[k])
				snprintf(m->why[k], sizeof m->why[k], "%s", why);
			continue;
		}
		m->dynamic[k] = 1;
		m->z0[k] = logit((ind->baseline - m->lo[k]) / m->width[k]);
		m->idx[k] = m->n_dyn;
		indicator_slots(m, k);
		m->dv[m->n_dyn].k = k;
		m->dv[m->n_dyn].off = k * m->ny;
		m->dv[m->n_dyn].r = m->slot_r[k];
		m->dv[m->n_dyn].beta = m->slot_beta[k];
		m->dv[m->n_dyn].sigma = m->slot_sigma[k];
		m->dv[m->n_dyn].ch = ind->channel;
		m->dv[m->n_dyn].start = m->start[k];
		m->n_dyn++;
		snprintf(m->why[k], sizeof m->why[k], "%s",
		         m->slots[m->slot_r[k]].origin);
	}
	for (k = 0; k < m->ni; k++)
		for (j = 0; j < s->indicators[k].n_spill; j++) {
			const lt_spillover *sp = &s->indicators[k].spill[j];
			char name[96];

			if (!m->dynamic[k] || !m->dynamic[sp->from])
				continue;
			snprintf(name, sizeof name, "gamma from %s to %s",
			         s->indicators[sp->from].id, s->indicators[k].id);
			m->sp_to[m->n_sp] = k;
			m->sp_from[m->n_sp] = sp->from;
			m->sp_slot[m->n_sp] = add_slot(m, LT_SLOT_GAMMA, k, &sp->param,
			                               sp->gamma, s->indicators[k].line,
			                               name, "spillover from the scenario");
			m->slots[m->sp_slot[m->n_sp]].from = sp->from;
			m->n_sp++;
		}
}

static int compile_channels(lt_model *m, lt_diag *diag)
{
	const lt_scenario *s = m->s;
	size_t c;

	for (c = 0; c < m->nc; c++) {
		const lt_channel *ch = &s->channels[c];
		char name[96];

		m->alloc[c] = ch->allocation;
		m->has_capital0[c] = ch->has_capital0;
		m->capital0[c] = ch->capital0;
		snprintf(name, sizeof name, "delta of %s", ch->id);
		m->slot_delta[c] = add_slot(m, LT_SLOT_DELTA, c, &ch->delta, 0.0,
		                            ch->line, name, "from the scenario");
		snprintf(name, sizeof name, "eta of %s", ch->id);
		m->slot_eta[c] = add_slot(m, LT_SLOT_ETA, c, &ch->eta, 1.0, ch->line,
		                          name, "from the scenario");
		if (!ch->has_capital0 && !(m->slots[m->slot_delta[c]].central > 0.0))
			LT_ERROR(diag, LT_EINVAL, "channel '%s' has no depreciation "
			         "(delta = 0), so its capital has no steady state: give "
			         "'capital0'", ch->id);
	}
	return LT_OK;
}

static void compile_economy(lt_model *m)
{
	const lt_scenario *s = m->s;
	const lt_budget *b = &s->budget;
	double today;

	m->grdp_given = s->economy.grdp;
	m->grdp_years = m->t0 - s->economy.grdp_year;
	m->base_given = b->amount;
	m->base_years = m->t0 - b->year;
	m->n_hist = lt_budget_history_terms(s, m->hist);
	today = lt_budget_today_share(s);
	m->today_frac = today / 100.0;
	m->cofin_ratio = b->cofin == LT_COFIN_RATIO;
	m->slot_g = add_slot(m, LT_SLOT_GRDP_GROWTH, 0, &s->economy.growth,
	                     s->economy.growth_pct, s->economy.line,
	                     "GRDP growth", "from the scenario");
	m->slot_ge = add_slot(m, LT_SLOT_BASE_GROWTH, 0, &b->growth,
	                      b->growth_pct, b->line, "spending-base growth",
	                      "from the scenario");
	m->slot_lambda = NONE;
	if (m->cofin_ratio)
		m->slot_lambda = add_slot(m, LT_SLOT_COFIN, 0, &b->cofin_param,
		                          b->cofin_ratio, b->line,
		                          "co-financing ratio", "from the scenario");
}

static int model_arrays(lt_model *m)
{
	size_t nc = m->nc + 1, ni = m->ni + 1, ny = m->ny, nsp = 1, k;

	for (k = 0; k < m->s->n_indicators; k++)
		nsp += m->s->indicators[k].n_spill;
	m->alloc = lt_calloc(nc, sizeof *m->alloc);
	m->capital0 = lt_calloc(nc, sizeof *m->capital0);
	m->has_capital0 = lt_calloc(nc, sizeof *m->has_capital0);
	m->pub_fixed = lt_calloc(nc * ny, sizeof *m->pub_fixed);
	m->pub_frac = lt_calloc(nc * ny, sizeof *m->pub_frac);
	m->cof_fixed = lt_calloc(nc * ny, sizeof *m->cof_fixed);
	m->scratch_p = lt_calloc(nc, sizeof *m->scratch_p);
	m->scratch_q = lt_calloc(nc, sizeof *m->scratch_q);
	m->dynamic = lt_calloc(ni, sizeof *m->dynamic);
	m->start = lt_calloc(ni, sizeof *m->start);
	m->lo = lt_calloc(ni, sizeof *m->lo);
	m->width = lt_calloc(ni, sizeof *m->width);
	m->z0 = lt_calloc(ni, sizeof *m->z0);
	m->baseline = lt_calloc(ni, sizeof *m->baseline);
	m->why = lt_calloc(ni, sizeof *m->why);
	m->slot_r = lt_calloc(ni, sizeof *m->slot_r);
	m->slot_beta = lt_calloc(ni, sizeof *m->slot_beta);
	m->slot_sigma = lt_calloc(ni, sizeof *m->slot_sigma);
	m->idx = lt_calloc(ni, sizeof *m->idx);
	m->dv = lt_calloc(ni, sizeof *m->dv);
	m->sp_to = lt_calloc(nsp, sizeof *m->sp_to);
	m->sp_from = lt_calloc(nsp, sizeof *m->sp_from);
	m->sp_slot = lt_calloc(nsp, sizeof *m->sp_slot);
	m->slot_delta = lt_calloc(nc, sizeof *m->slot_delta);
	m->slot_eta = lt_calloc(nc, sizeof *m->slot_eta);
	/* 3 economy slots, 2 per channel, 3 per indicator, 1 per spillover */
	m->slots = lt_calloc(3 + 2 * nc + 3 * ni + nsp, sizeof *m->slots);
	return m->alloc && m->capital0 && m->has_capital0 && m->pub_fixed &&
	       m->pub_frac && m->cof_fixed && m->scratch_p && m->scratch_q && m->dynamic &&
	       m->start && m->lo && m->width && m->z0 && m->baseline && m->why &&
	       m->slot_r && m->slot_beta && m->slot_sigma && m->idx && m->dv &&
	       m->sp_to && m->sp_from && m->sp_slot && m->slot_delta &&
	       m->slot_eta && m->slots ? LT_OK : LT_ENOMEM;
}

int lt_model_compile(lt_model **out, const lt_scenario *s,
                     const lt_schedule *sched, lt_diag *diag)
{
	lt_model *m = lt_calloc(1, sizeof *m);
	int rc;

	*out = NULL;
	if (m == NULL)
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	m->s = s;
	m->t0 = s->baseline_year;
	m->t1 = s->horizon;
	m->ny = (size_t)(s->horizon - s->baseline_year + 1);
	m->nc = s->n_channels;
	m->ni = s->n_indicators;
	if (model_arrays(m) != LT_OK) {
		lt_model_free(m);
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	}
	compile_economy(m);
	rc = compile_channels(m, diag);
	if (rc != LT_OK) {
		lt_model_free(m);
		return rc;
	}
	compile_indicators(m);
	lt_model_set_schedule(m, sched);
	lt_model_set_method(m, LT_METHOD_AUTO, 0.0);
	*out = m;
	return LT_OK;
}

/* ==== the workspace =================================================== */

struct lt_model_ws {
	const lt_model *m;
	double *grdp, *base;        /* [ny] */
	double *k, *inv;            /* [nc] capital now, investment (ODE year) */
	double *ky, *iy, *integ;    /* [nc*ny] capital at the end of each year,
	                               its investment and its ∫k */
	double *ed, *fa, *fb, *fd;  /* [nc] e^−δ, φ(δ+γ), phi_diff, φ(δ) */
	double *kref;               /* [n_dyn] reference intensity */
	double *ginv;               /* [ny] 100 / GRDP */
	double *z, *zref;           /* [n_dyn] logits, logits at t0 */
	int year;                   /* index of the year under way */
	const double *theta;        /* of the evaluation under way */
	double grdp_prev, gam;      /* the ODE's year: GRDP at its start, γ */
	double phig;                /* φ(γ) */
	gsl_odeiv2_system sys;
	gsl_odeiv2_driver *drv;     /* NULL unless the model uses the ODE */
};

void lt_model_ws_free(lt_model_ws *w)
{
	if (w == NULL)
		return;
	free(w->grdp);
	free(w->base);
	free(w->k);
	free(w->inv);
	free(w->integ);
	free(w->ky);
	free(w->iy);
	free(w->ed);
	free(w->fa);
	free(w->fb);
	free(w->fd);
	free(w->kref);
	free(w->z);
	free(w->zref);
	free(w->ginv);
	if (w->drv != NULL)
		gsl_odeiv2_driver_free(w->drv);
	free(w);
}

static int rhs(double tau, const double z[], double dz[], void *params);

lt_model_ws *lt_model_ws_alloc(const lt_model *m)
{
	lt_model_ws *w = lt_calloc(1, sizeof *w);
	size_t nc = m->nc + 1, ni = m->ni + 1;

	if (w == NULL)
		return NULL;
	w->m = m;
	w->grdp = lt_calloc(m->ny, sizeof *w->grdp);
	w->base = lt_calloc(m->ny, sizeof *w->base);
	w->k = lt_calloc(nc, sizeof *w->k);
	w->inv = lt_calloc(nc, sizeof *w->inv);
	w->integ = lt_calloc(nc * m->ny, sizeof *w->integ);
	w->ky = lt_calloc(nc * m->ny, sizeof *w->ky);
	w->iy = lt_calloc(nc * m->ny, sizeof *w->iy);
	w->ed = lt_calloc(nc, sizeof *w->ed);
	w->fa = lt_calloc(nc, sizeof *w->fa);
	w->fb = lt_calloc(nc, sizeof *w->fb);
	w->fd = lt_calloc(nc, sizeof *w->fd);
	w->kref = lt_calloc(ni, sizeof *w->kref);
	w->z = lt_calloc(ni, sizeof *w->z);
	w->zref = lt_calloc(ni, sizeof *w->zref);
	w->ginv = lt_calloc(m->ny, sizeof *w->ginv);
	if (!w->grdp || !w->base || !w->k || !w->inv || !w->integ || !w->ky ||
	    !w->iy || !w->ed ||
	    !w->fa || !w->fb || !w->fd || !w->kref || !w->z || !w->zref ||
	    !w->ginv) {
		lt_model_ws_free(w);
		return NULL;
	}
	if (m->use_ode) {
		w->sys.function = rhs;
		w->sys.jacobian = NULL;
		w->sys.dimension = m->n_dyn;
		w->sys.params = w;
		w->drv = gsl_odeiv2_driver_alloc_y_new(&w->sys, gsl_odeiv2_step_rk8pd,
		                                       ODE_H0, m->eps, m->eps);
		if (w->drv == NULL) {
			lt_model_ws_free(w);
			return NULL;
		}
	}
	return w;
}

/* ==== evaluation ====================================================== */

/* LT_OK when θ lies in the model's domain, else LT_EINVAL naming the slot:
 * every value finite, growth above −100 %, δ >= 0 (> 0 where capital has
 * to be a steady state), η in [0, 1], a co-financing ratio >= 0. */
static int check_theta(const lt_model *m, const double *th, lt_diag *diag)
{
	size_t i, c;
	double probe = 0.0;

	/* x·0 is 0 for a finite x and NaN for inf or NaN: one sum tests them
	 * all, and the loop that names the culprit runs only on failure */
	for (i = 0; i < m->n_slots; i++)
		probe += th[i] * 0.0;
	for (i = 0; probe != 0.0 && i < m->n_slots; i++)
		if (!isfinite(th[i]))
			LT_ERROR(diag, LT_EINVAL, "parameter '%s' is not a finite number",
			         m->slots[i].name);
	if (!(th[m->slot_g] > -100.0) || !(th[m->slot_ge] > -100.0))
		LT_ERROR(diag, LT_EINVAL, "a growth rate of -100 %% or less leaves "
		         "nothing to grow (GRDP %g %%, spending base %g %%)",
		         th[m->slot_g], th[m->slot_ge]);
	if (m->slot_lambda != NONE && th[m->slot_lambda] < 0.0)
		LT_ERROR(diag, LT_EINVAL, "the co-financing ratio must be >= 0 "
		         "(got %g)", th[m->slot_lambda]);
	for (c = 0; c < m->nc; c++) {
		double d = th[m->slot_delta[c]], e = th[m->slot_eta[c]];

		if (d < 0.0 || (!m->has_capital0[c] && d <= 0.0))
			LT_ERROR(diag, LT_EINVAL, "'%s' must be positive (got %g)",
			         m->slots[m->slot_delta[c]].name, d);
		if (e < 0.0 || e > 1.0)
			LT_ERROR(diag, LT_EINVAL, "'%s' must be between 0 and 1 (got %g)",
			         m->slots[m->slot_eta[c]].name, e);
	}
	return LT_OK;
}

/* X to the integer power N by squaring: no transcendental call, and an
 * error of about |N| ulp, as exp(N·log1p(x)) has; N is a span of years
 * the loader bounds. */
static double ipow(double x, int n)
{
	double r = 1.0;
	unsigned u = (unsigned)(n < 0 ? -n : n);

	for (; u != 0; u >>= 1, x *= x)
		if (u & 1u)
			r *= x;
	return n < 0 ? 1.0 / r : r;
}

/* The mean yearly public spending of the history for a base growing at GE
 * (a fraction) and worth BASE0 in t0. */
static double historical_spending(const lt_model *m, double ge, double base0)
{
	double sum = 0.0;
	size_t i;

	if (m->n_hist == 0)
		return m->today_frac * base0;
	for (i = 0; i < m->n_hist; i++)
		sum += m->hist[i].amount * ipow(1.0 + ge, m->hist[i].years);
	return sum / (double)m->n_hist;
}

/* Per channel: the year's constants and capital in t0 into the workspace;
 * GRDP and the base by year. */
static void start_economy(const lt_model *m, const double *th, lt_model_ws *w)
{
	double g = th[m->slot_g] / 100.0, ge = th[m->slot_ge] / 100.0;
	double lambda = m->slot_lambda != NONE ? th[m->slot_lambda] : 0.0, hist;
	size_t c, i;

	w->gam = log1p(g);
	w->grdp[0] = m->grdp_given * ipow(1.0 + g, m->grdp_years);
	w->base[0] = m->base_given * ipow(1.0 + ge, m->base_years);
	w->ginv[0] = 100.0 / w->grdp[0];
	for (i = 1; i < m->ny; i++) {
		w->grdp[i] = w->grdp[i - 1] * (1.0 + g);
		w->base[i] = w->base[i - 1] * (1.0 + ge);
		w->ginv[i] = 100.0 / w->grdp[i];
	}
	hist = historical_spending(m, ge, w->base[0]);
	w->phig = phi(w->gam);
	for (c = 0; c < m->nc; c++) {
		double d = th[m->slot_delta[c]], eta = th[m->slot_eta[c]];
		double em = -expm1(-d);   /* 1 − e^−δ, without cancellation */

		w->ed[c] = 1.0 - em;
		w->fd[c] = d < SERIES_X ? phi(d) : em / d;
		w->fa[c] = phi(d + w->gam);
		w->fb[c] = d < SMALL_DELTA ? phi_diff(w->gam, d)
		           : (w->phig - w->fa[c]) / d;
		w->k[c] = m->has_capital0[c] ? m->capital0[c]
		          : eta * m->alloc[c] * hist * (1.0 + lambda) / d;
	}
}

/* Each dynamic indicator's logit in t0 (carried forward from an earlier
 * baseline year at the steady state of historical spending) into Z and the
 * workspace, and its reference intensity. */
static void start_indicators(const lt_model *m, const double *th,
                             lt_model_ws *w, double *zout)
{
	const double g1 = 1.0 + th[m->slot_g] / 100.0;
	size_t d, k;

	for (k = 0; k < m->ni; k++)
		if (!m->dynamic[k])
			for (d = 0; d < m->ny; d++)
				zout[k * m->ny + d] = NAN;
	for (d = 0; d < m->n_dyn; d++) {
		const struct dyn *v = &m->dv[d];
		double z = m->z0[v->k], r = th[v->r];
		int j;

		w->kref[d] = v->ch >= 0 ? w->k[v->ch] * w->ginv[0] : 0.0;
		if (v->start < 0) {
			double b = th[v->beta], gprev;

			gprev = w->grdp[0] * ipow(g1, v->start);
			for (j = v->start + 1; j <= 0; j++, gprev *= g1)
				z += r + (v->ch >= 0 ? b * (100.0 * w->k[v->ch] * w->phig /
				                            gprev - w->kref[d]) : 0.0);
		}
		w->z[d] = w->zref[d] = zout[v->off] = z;
	}
}

/* The ODE's right-hand side within one year: capital follows its exact
 * solution, GRDP its growth; indicators not yet started stand still. */
static int rhs(double tau, const double z[], double dz[], void *params)
{
	lt_model_ws *w = params;
	const lt_model *m = w->m;
	const double *th = w->theta;
	double g = w->grdp_prev * exp(w->gam * tau);
	size_t d, s;

	for (d = 0; d < m->n_dyn; d++) {
		const struct dyn *v = &m->dv[d];
		double rate;

		if (w->year <= v->start) {
			dz[d] = 0.0;
			continue;
		}
		rate = th[v->r];
		if (v->ch >= 0)
			rate += th[v->beta] *
			        (100.0 * capital_after(w->k[v->ch], w->inv[v->ch],
			                               th[m->slot_delta[v->ch]], tau) / g -
			         w->kref[d]);
		dz[d] = rate;
	}
	for (s = 0; s < m->n_sp; s++) {
		size_t to = m->idx[m->sp_to[s]], from = m->idx[m->sp_from[s]];

		if (w->year > m->start[m->sp_to[s]])
			dz[to] += th[m->sp_slot[s]] * (logistic(z[from]) -
			                               logistic(w->zref[from]));
	}
	return GSL_SUCCESS;
}

/* Advance the logits over year index I by the ODE. */
static int ode_year(const lt_model *m, lt_model_ws *w, size_t i,
                    lt_diag *diag)
{
	double tau = 0.0;
	int status;

	w->grdp_prev = w->grdp[i - 1];
	gsl_odeiv2_driver_reset_hstart(w->drv, ODE_H0);
	status = gsl_odeiv2_driver_apply(w->drv, &tau, 1.0, w->z);
	if (status != GSL_SUCCESS)
		LT_ERROR(diag, LT_ENOCONV, "the ODE solver failed in %d: %s",
		         m->t0 + (int)i, gsl_strerror(status));
	return LT_OK;
}

/* The channels, year by year: investment, the year's integral of the
 * intensity (∫k, exact), and capital at the end of the year, into the
 * workspace's [c*ny + i] arrays; spending and capital into DETAIL. */
static void channel_pass(const lt_model *m, const double *th, lt_model_ws *w,
                         lt_sim *detail)
{
	double lambda = m->slot_lambda != NONE ? th[m->slot_lambda] : 0.0;
	size_t c, i, ny = m->ny;

	for (c = 0; c < m->nc; c++) {
		const double *pf = m->pub_fixed + c * ny, *pr = m->pub_frac + c * ny;
		const double *cf = m->cof_fixed + c * ny;
		double *ky = w->ky + c * ny, *iy = w->iy + c * ny;
		double *ig = w->integ + c * ny, eta = th[m->slot_eta[c]];
		double k = w->k[c], ed = w->ed[c], fa = w->fa[c], fb = w->fb[c];
		double fd = w->fd[c];

		ky[0] = k;
		for (i = 1; i < ny; i++) {
			double p = pf[i] + pr[i] * w->base[i], inv;

			inv = eta * (p + cf[i] + lambda * p);
			iy[i] = inv;
			ig[i] = (k * fa + inv * fb) * w->ginv[i - 1];
			k = k * ed + inv * fd;
			ky[i] = k;
		}
	}
	if (detail != NULL)
		for (i = 0; i < ny; i++) {
			double pub = 0.0, cof = 0.0;

			detail->grdp[i] = w->grdp[i];
			detail->base[i] = w->base[i];
			for (c = 0; c < m->nc && i > 0; c++) {
				double p = m->pub_fixed[c * ny + i] + m->pub_frac[c * ny + i] *
				           w->base[i];

				pub += p;
				cof += m->cof_fixed[c * ny + i] + lambda * p;
			}
			detail->public_[i] = pub;
			detail->cofin[i] = cof;
			detail->share[i] = i > 0 ? 100.0 * pub / w->base[i] : 0.0;
			for (c = 0; c < m->nc; c++) {
				detail->capital[c * ny + i] = w->ky[c * ny + i];
				detail->intensity[c * ny + i] = w->ky[c * ny + i] *
				                                w->ginv[i];
			}
		}
}

/* The reference intensity of dynamic indicator V: its channel's intensity
 * at the end of its own baseline year, or in t0 when that is earlier. */
static double kref_of(const lt_model *m, const lt_model_ws *w,
                      const struct dyn *v)
{
	size_t i = v->start > 0 ? (size_t)v->start : 0;

	return v->ch < 0 ? 0.0 : w->ky[(size_t)v->ch * m->ny + i] * w->ginv[i];
}

/* The closed form, indicator by indicator: z gains r + β·(∫k − k_ref)
 * each year after its start, plus σ·ε when shocks are given. */
static void closed_pass(const lt_model *m, const double *th,
                        const double *eps, lt_model_ws *w, double *z)
{
	size_t d, i, ny = m->ny;

	for (d = 0; d < m->n_dyn; d++) {
		const struct dyn *v = &m->dv[d];
		const double *ig = v->ch >= 0 ? w->integ + (size_t)v->ch * ny : NULL;
		double zz = w->z[d], r = th[v->r], b = th[v->beta];
		double s = th[v->sigma], kref = kref_of(m, w, v);
		double *out = z + v->off;
		size_t from = v->start > 0 ? (size_t)v->start + 1 : 1;

		for (i = 1; i < from && i < ny; i++)
			out[i] = zz;
		for (i = from; i < ny; i++) {
			zz += r + (ig != NULL ? b * (ig[i] - kref) : 0.0);
			if (eps != NULL)
				zz += s * eps[v->off + i];
			out[i] = zz;
		}
	}
}

/* The ODE, year by year: capital follows its exact solution from the
 * channel pass, the logits are integrated together. */
static int ode_pass(const lt_model *m, const double *th, const double *eps,
                    lt_model_ws *w, double *z, lt_diag *diag)
{
	size_t c, d, i, ny = m->ny;
	int rc;

	for (d = 0; d < m->n_dyn; d++)
		w->kref[d] = kref_of(m, w, &m->dv[d]);
	for (i = 1; i < ny; i++) {
		for (c = 0; c < m->nc; c++) {
			w->k[c] = w->ky[c * ny + i - 1];
			w->inv[c] = w->iy[c * ny + i];
		}
		w->year = (int)i;
		rc = ode_year(m, w, i, diag);
		if (rc != LT_OK)
			return rc;
		for (d = 0; d < m->n_dyn; d++) {
			const struct dyn *v = &m->dv[d];

			if (eps != NULL && (int)i > v->start)
				w->z[d] += th[v->sigma] * eps[v->off + i];
			z[v->off + i] = w->z[d];
		}
	}
	return LT_OK;
}

int lt_model_eval(const lt_model *m, const double *theta, const double *eps,
                  lt_model_ws *w, double *z, lt_sim *detail, lt_diag *diag)
{
	int rc = check_theta(m, theta, diag);

	if (rc != LT_OK)
		return rc;
	if (m->use_ode && w->drv == NULL)
		LT_ERROR(diag, LT_EINVAL, "the workspace was made before the ODE "
		         "method was chosen: allocate it after lt_model_set_method");
	w->theta = theta;
	start_economy(m, theta, w);
	start_indicators(m, theta, w, z);
	channel_pass(m, theta, w, detail);
	if (m->use_ode) {
		rc = ode_pass(m, theta, eps, w, z, diag);
		if (rc != LT_OK)
			return rc;
	} else {
		closed_pass(m, theta, eps, w, z);
	}
	if (detail != NULL)
		lt_model_values(m, z, detail->value);
	return LT_OK;
}

void lt_model_values(const lt_model *m, const double *z, double *value)
{
	size_t k, i;

	for (k = 0; k < m->ni; k++)
		for (i = 0; i < m->ny; i++) {
			size_t j = k * m->ny + i;

			if (!m->dynamic[k])
				value[j] = NAN;
			else if ((int)i <= m->start[k])
				value[j] = m->baseline[k]; /* exactly, not via the logit */
			else
				value[j] = m->lo[k] + m->width[k] * logistic(z[j]);
		}
}

double lt_model_value(const lt_model *m, size_t k, size_t i, double z)
{
	if (!m->dynamic[k])
		return NAN;
	if ((int)i <= m->start[k])
		return m->baseline[k];
	return m->lo[k] + m->width[k] * logistic(z);
}

double lt_model_logit(const lt_model *m, size_t k, double y)
{
	double x = (y - m->lo[k]) / m->width[k];

	if (x <= 0.0)
		return -HUGE_VAL;
	if (x >= 1.0)
		return HUGE_VAL;
	return logit(x);
}

/* ==== detailed trajectories =========================================== */

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
	sim->capital = lt_calloc(sim->nc * sim->ny + 1, sizeof *sim->capital);
	sim->intensity = lt_calloc(sim->nc * sim->ny + 1, sizeof *sim->intensity);
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
	const double *v = sim->value + k * sim->ny;
	int y;

	/* a target on a period's mean is judged once, at the period's end */
	if (ind->target.mean_from > 0)
		return ind->target.year >= from &&
		       lt_target_met(ind, lt_target_outcome(ind, v, sim->t0,
		                                            sim->ny))
		       ? ind->target.year : 0;
	for (y = from < sim->t0 ? sim->t0 : from; y <= sim->t1; y++)
		if (lt_target_met(ind, sim->value[k * sim->ny + (size_t)(y - sim->t0)]))
			return y;
	return 0;
}
