/* mc.c - Monte Carlo on the compiled model (see mc.h).
 *
 * One pipeline: set up (which slots to draw, each indicator's aim as a
 * logit), one accumulator per thread (histograms and counts, all
 * integers), chunks of draws spread over OpenMP threads, then the merge and
 * the statistics.  Built without OpenMP (the fuzz build) it runs the same
 * chunks in one thread, with the same results.
 */
#include "lotrinh/mc.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "lotrinh/alloc.h"
#include "lotrinh/param.h"
#include "lotrinh/scenario.h"

const double lt_mc_levels[LT_MC_NQ] = {5, 10, 25, 50, 75, 90, 95};

/* ---- what every thread reads -------------------------------------------- */

struct setup {
	const lt_model *m;
	const lt_scenario *s;
	size_t ni, ny, nslots;
	lt_mc_sampler smp;   /* which slots are drawn, and the shocks */
	/* per indicator: simulated, aim as a logit, sense, target year index
	 * (-1 when the target year is off the grid), histogram row */
	int *sim, *sense, *tyear;
	double *zaim;
	size_t *row;         /* index of (k, year 0) among the histograms */
	size_t n_rows;       /* simulated indicators × years */
	/* checkpoints: indicator, year index, milestone value and logit */
	size_t n_ck, *ck_k, *ck_i;
	double *ck_value, *ck_z;
};

uint64_t lt_mc_chunk_seed(uint64_t seed, uint64_t c)
{
	uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (c + 1);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

double lt_mc_prob(size_t count, size_t n, double *se)
{
	double p = n > 0 ? (double)count / (double)n : NAN;

	if (se != NULL)
		*se = n > 0 ? sqrt(p * (1.0 - p) / (double)n) : NAN;
	return p;
}

/* ---- the sampler: one draw of θ and ε -------------------------------------- */

int lt_mc_sampler_init(lt_mc_sampler *p, const lt_model *m, int no_shocks)
{
	size_t i, n = lt_model_nslots(m);

	memset(p, 0, sizeof *p);
	p->m = m;
	p->nslots = n;
	p->n_eps = lt_model_scenario(m)->n_indicators * lt_model_years(m);
	p->slots = lt_calloc(n + 1, sizeof *p->slots);
	p->central = lt_calloc(n + 1, sizeof *p->central);
	if (p->slots == NULL || p->central == NULL) {
		lt_mc_sampler_destroy(p);
		return LT_ENOMEM;
	}
	lt_model_central(m, p->central);
	for (i = 0; i < n; i++) {
		const lt_slot *sl = lt_model_slot(m, i);

		if (sl->dist.dist != LT_DIST_FIXED)
			p->slots[p->n_slots++] = i;
		if (sl->kind == LT_SLOT_SIGMA && !no_shocks &&
		    (sl->central > 0.0 || sl->dist.dist != LT_DIST_FIXED))
			p->shocks = 1;
	}
	return LT_OK;
}

void lt_mc_sampler_destroy(lt_mc_sampler *p)
{
	free(p->slots);
	free(p->central);
	p->slots = NULL;
	p->central = NULL;
}

void lt_mc_draw(const lt_mc_sampler *p, gsl_rng *rng, double *theta,
                double *eps)
{
	size_t j;

	for (j = 0; j < p->n_slots; j++) {
		const lt_slot *sl = lt_model_slot(p->m, p->slots[j]);

		theta[p->slots[j]] = lt_param_quantile(&sl->dist,
		                                       gsl_rng_uniform_pos(rng));
	}
	if (p->shocks)
		for (j = 0; j < p->n_eps; j++)
			eps[j] = gsl_ran_gaussian_ziggurat(rng, 1.0);
}

static void setup_free(struct setup *u)
{
	lt_mc_sampler_destroy(&u->smp);
	free(u->sim);
	free(u->sense);
	free(u->tyear);
	free(u->zaim);
	free(u->row);
	free(u->ck_k);
	free(u->ck_i);
	free(u->ck_value);
	free(u->ck_z);
}

/* The milestone years strictly between t0 and each target year. */
static int setup_checkpoints(struct setup *u)
{
	size_t k, j, n = 0;

	for (k = 0; k < u->ni; k++)
		n += u->s->indicators[k].milestones.n;
	u->ck_k = lt_calloc(n + 1, sizeof *u->ck_k);
	u->ck_i = lt_calloc(n + 1, sizeof *u->ck_i);
	u->ck_value = lt_calloc(n + 1, sizeof *u->ck_value);
	u->ck_z = lt_calloc(n + 1, sizeof *u->ck_z);
	if (!u->ck_k || !u->ck_i || !u->ck_value || !u->ck_z)
		return LT_ENOMEM;
	for (k = 0; k < u->ni; k++) {
		const lt_indicator *ind = &u->s->indicators[k];

		if (!u->sim[k] || u->tyear[k] < 0)
			continue;
		for (j = 0; j < ind->milestones.n; j++) {
			const lt_point *p = &ind->milestones.pts[j];
			int i = p->year - u->s->baseline_year;

			if (i <= 0 || i >= u->tyear[k])
				continue;
			u->ck_k[u->n_ck] = k;
			u->ck_i[u->n_ck] = (size_t)i;
			u->ck_value[u->n_ck] = p->value;
			u->ck_z[u->n_ck] = lt_model_logit(u->m, k, p->value);
			u->n_ck++;
		}
	}
	return LT_OK;
}

static int setup_init(struct setup *u, const lt_model *m, int no_shocks)
{
	size_t k;

	memset(u, 0, sizeof *u);
	u->m = m;
	u->s = lt_model_scenario(m);
	u->ni = u->s->n_indicators;
	u->ny = lt_model_years(m);
	u->nslots = lt_model_nslots(m);
	if (lt_mc_sampler_init(&u->smp, m, no_shocks) != LT_OK)
		return LT_ENOMEM;
	u->sim = lt_calloc(u->ni + 1, sizeof *u->sim);
	u->sense = lt_calloc(u->ni + 1, sizeof *u->sense);
	u->tyear = lt_calloc(u->ni + 1, sizeof *u->tyear);
	u->zaim = lt_calloc(u->ni + 1, sizeof *u->zaim);
	u->row = lt_calloc(u->ni + 1, sizeof *u->row);
	if (!u->sim || !u->sense || !u->tyear ||
	    !u->zaim || !u->row)
		return LT_ENOMEM;
	for (k = 0; k < u->ni; k++) {
		const lt_indicator *ind = &u->s->indicators[k];
		int ty = ind->target.year - u->s->baseline_year;

		u->tyear[k] = -1;
		if (!lt_model_dynamic(m, k, NULL))
			continue;
		u->sim[k] = 1;
		u->row[k] = u->n_rows;
		u->n_rows += u->ny;
		u->sense[k] = lt_target_sense(ind);
		/* ±inf when the aim lies at or past a bound: a rising aim at or
		 * below the floor is always met, at or above the ceiling never */
		u->zaim[k] = lt_model_logit(m, k, lt_target_aim(ind));
		if (ty >= 0 && (size_t)ty < u->ny)
			u->tyear[k] = ty;
	}
	return setup_checkpoints(u);
}

/* ---- one thread's accumulator ------------------------------------------- */

struct acc {
	uint32_t *hist;      /* [n_rows * LT_MC_BINS] */
	size_t *met_target;  /* [ni] */
	size_t *reached;     /* [ni * ny] first year met, by year */
	size_t *met_in;      /* [ni * ny] */
	size_t met_all;
	size_t *ck;          /* [3 * n_ck] met, met and final, missed and final */
	uint32_t *ck_hist;   /* [n_ck * LT_MC_BINS] final met, by value in Y */
	int *final;          /* [ni] this draw meets the final target */
	lt_model_ws *w;
	double *theta, *z, *eps;
	gsl_rng *rng;
	int rc;
	lt_diag diag;
};

static void acc_free(struct acc *a)
{
	free(a->hist);
	free(a->met_target);
	free(a->reached);
	free(a->met_in);
	lt_model_ws_free(a->w);
	free(a->theta);
	free(a->z);
	free(a->eps);
	free(a->ck);
	free(a->ck_hist);
	free(a->final);
	if (a->rng != NULL)
		gsl_rng_free(a->rng);
	lt_diag_destroy(&a->diag);
}

static int acc_init(struct acc *a, const struct setup *u)
{
	size_t cells = u->ni * u->ny + 1;

	memset(a, 0, sizeof *a);
	lt_diag_init(&a->diag, NULL);
	a->hist = lt_calloc(u->n_rows * LT_MC_BINS + 1, sizeof *a->hist);
	a->met_target = lt_calloc(u->ni + 1, sizeof *a->met_target);
	a->reached = lt_calloc(cells, sizeof *a->reached);
	a->met_in = lt_calloc(cells, sizeof *a->met_in);
	a->w = lt_model_ws_alloc(u->m);
	a->theta = lt_calloc(u->nslots + 1, sizeof *a->theta);
	a->z = lt_calloc(cells, sizeof *a->z);
	a->eps = lt_calloc(cells, sizeof *a->eps);
	a->ck = lt_calloc(3 * u->n_ck + 1, sizeof *a->ck);
	a->ck_hist = lt_calloc(u->n_ck * LT_MC_BINS + 1, sizeof *a->ck_hist);
	a->final = lt_calloc(u->ni + 1, sizeof *a->final);
	a->rng = gsl_rng_alloc(gsl_rng_mt19937);
	if (!a->hist || !a->met_target || !a->reached || !a->met_in || !a->w ||
	    !a->theta || !a->z || !a->eps || !a->ck ||
	    !a->ck_hist || !a->final || !a->rng)
		return LT_ENOMEM;
	memcpy(a->theta, u->smp.central, u->nslots * sizeof *a->theta);
	return LT_OK;
}

/* The bin of logit Z. */
static size_t bin_of(double z)
{
	double b = (z + LT_MC_ZMAX) / LT_MC_ZBIN;

	if (!(b > 0.0))
		return 0;
	if (b >= (double)LT_MC_BINS)
		return LT_MC_BINS - 1;
	return (size_t)b;
}

/* Count one draw's logits A->z into A. */
static void tally(const struct setup *u, struct acc *a)
{
	size_t k, i;
	int all = u->n_rows > 0, any = 0;

	for (k = 0; k < u->ni; k++) {
		const double *z = a->z + k * u->ny;
		uint32_t *h = a->hist + u->row[k] * LT_MC_BINS;
		int first = -1;

		if (!u->sim[k])
			continue;
		for (i = 0; i < u->ny; i++) {
			int met = u->sense[k] * (z[i] - u->zaim[k]) >= 0.0;

			h[i * LT_MC_BINS + bin_of(z[i])]++;
			if (met) {
				a->met_in[k * u->ny + i]++;
				if (first < 0)
					first = (int)i;
			}
		}
		if (first >= 0)
			a->reached[k * u->ny + (size_t)first]++;
		if (u->tyear[k] < 0)
			continue;
		any = 1;
		a->final[k] = u->sense[k] * (z[u->tyear[k]] - u->zaim[k]) >= 0.0;
		if (a->final[k])
			a->met_target[k]++;
		else
			all = 0;
	}
	if (all && any)
		a->met_all++;
	for (i = 0; i < u->n_ck; i++) {
		size_t kk = u->ck_k[i];
		double zy = a->z[kk * u->ny + u->ck_i[i]];

		if (u->sense[kk] * (zy - u->ck_z[i]) >= 0.0) {
			a->ck[3 * i]++;
			a->ck[3 * i + 1] += (size_t)a->final[kk];
		} else {
			a->ck[3 * i + 2] += (size_t)a->final[kk];
		}
		if (a->final[kk])
			a->ck_hist[i * LT_MC_BINS + bin_of(zy)]++;
	}
}

/* Draws FROM..TO-1 of chunk C into A. */
static void run_chunk(const struct setup *u, const lt_mc_opts *o, size_t c,
                      struct acc *a)
{
	size_t d, from = c * LT_MC_CHUNK, to = from + LT_MC_CHUNK;

	if (to > o->draws)
		to = o->draws;
	gsl_rng_set(a->rng, (unsigned long)lt_mc_chunk_seed(o->seed, c));
	for (d = from; d < to && a->rc == LT_OK; d++) {
		lt_mc_draw(&u->smp, a->rng, a->theta, a->eps);
		a->rc = lt_model_eval(u->m, a->theta, u->smp.shocks ? a->eps : NULL,
		                      a->w, a->z, NULL, &a->diag);
		if (a->rc == LT_OK)
			tally(u, a);
	}
}

/* ---- statistics --------------------------------------------------------- */

/* The Q-quantile (0..1) of histogram H of N draws, as a logit: linear
 * within the bin that holds rank Q·N. */
static double hist_quantile(const uint32_t *h, size_t n, double q)
{
	double rank = q * (double)n, cum = 0.0;
	size_t b;

	for (b = 0; b < LT_MC_BINS; b++) {
		if (h[b] > 0 && cum + h[b] >= rank)
			return -LT_MC_ZMAX + LT_MC_ZBIN * ((double)b + (rank - cum) /
			                                   h[b]);
		cum += h[b];
	}
	return LT_MC_ZMAX;
}

static int result_alloc(lt_mc_result *r, const struct setup *u)
{
	size_t k;

	r->ind = lt_calloc(u->ni + 1, sizeof *r->ind);
	r->checkpoints = lt_calloc(u->n_ck + 1, sizeof *r->checkpoints);
	if (r->ind == NULL || r->checkpoints == NULL)
		return LT_ENOMEM;
	r->ni = u->ni;
	for (k = 0; k < u->ni; k++) {
		lt_mc_indicator *x = &r->ind[k];

		x->q = lt_calloc(u->ny * LT_MC_NQ, sizeof *x->q);
		x->mean = lt_calloc(u->ny, sizeof *x->mean);
		x->reached = lt_calloc(u->ny, sizeof *x->reached);
		x->met_in = lt_calloc(u->ny, sizeof *x->met_in);
		if (!x->q || !x->mean || !x->reached || !x->met_in)
			return LT_ENOMEM;
	}
	return LT_OK;
}

void lt_mc_result_destroy(lt_mc_result *r)
{
	size_t k;

	for (k = 0; r->ind != NULL && k < r->ni; k++) {
		free(r->ind[k].q);
		free(r->ind[k].mean);
		free(r->ind[k].reached);
		free(r->ind[k].met_in);
	}
	free(r->ind);
	free(r->checkpoints);
	memset(r, 0, sizeof *r);
}

/* Checkpoint J: the counts, then P(final | value in Y) on LT_MC_CURVE
 * coarse bins by rank (fine bins go whole into the coarse bin of their
 * first draw's rank; a coarse bin's point is the count-weighted mean logit
 * of its fine bins' midpoints and the share of its draws meeting the
 * target), and the value where that share reaches 50 %, by linear
 * interpolation in the logit between the two bins around it, scanning in
 * the direction the target asks for. */
static void checkpoint(const struct setup *u, const uint32_t *hist,
                       const size_t *ck, const uint32_t *ck_hist, size_t n,
                       size_t j, lt_mc_checkpoint *c)
{
	size_t k = u->ck_k[j], i = u->ck_i[j], b, cb, cum = 0, final = 0;
	const uint32_t *h = hist + (u->row[k] + i) * LT_MC_BINS;
	const uint32_t *hf = ck_hist + j * LT_MC_BINS;
	double tot[LT_MC_CURVE] = {0}, fin[LT_MC_CURVE] = {0};
	double zsum[LT_MC_CURVE] = {0}, zc[LT_MC_CURVE];
	size_t m;
	int s = u->sense[k], step, from, to;

	c->k = k;
	c->year = u->s->baseline_year + (int)i;
	c->milestone = u->ck_value[j];
	c->met = ck[3 * j];
	c->met_final = ck[3 * j + 1];
	c->missed_final = ck[3 * j + 2];
	c->crossing = NAN;
	c->crossing_side = 0;
	final = c->met_final + c->missed_final;
	if (final == 0 || final == n)
		return;
	for (b = 0; b < LT_MC_BINS; b++) {
		if (h[b] == 0)
			continue;
		cb = cum * LT_MC_CURVE / n;
		tot[cb] += h[b];
		fin[cb] += hf[b];
		zsum[cb] += h[b] * (-LT_MC_ZMAX + LT_MC_ZBIN * ((double)b + 0.5));
		cum += h[b];
	}
	for (cb = 0, m = 0; cb < LT_MC_CURVE; cb++)
		if (tot[cb] > 0) {
			zc[m] = zsum[cb] / tot[cb];
			c->curve_p[m] = fin[cb] / tot[cb];
			c->curve_value[m] = lt_model_value(u->m, k, i, zc[m]);
			m++;
		}
	c->n_curve = m;
	from = s > 0 ? 0 : (int)m - 1;
	to = s > 0 ? (int)m : -1;
	step = s > 0 ? 1 : -1;
	for (cb = (size_t)from; (int)cb != to; cb += (size_t)step) {
		if (c->curve_p[cb] < 0.5)
			continue;
		if ((int)cb == from) {
			c->crossing_side = +1;
			return;
		}
		{
			size_t pr = cb - (size_t)step;
			double f = (0.5 - c->curve_p[pr]) / (c->curve_p[cb] -
			                                     c->curve_p[pr]);

			c->crossing = lt_model_value(u->m, k, i, zc[pr] + f * (zc[cb] -
			                             zc[pr]));
			return;
		}
	}
	c->crossing_side = -1;
}

/* Quantiles and means of indicator K from the merged histograms. */
static void statistics(const struct setup *u, const uint32_t *hist, size_t n,
                       size_t k, lt_mc_indicator *x)
{
	size_t i, q, b;

	for (i = 0; i < u->ny; i++) {
		const uint32_t *h = hist + (u->row[k] + i) * LT_MC_BINS;
		double sum = 0.0;

		for (q = 0; q < LT_MC_NQ; q++)
			x->q[i * LT_MC_NQ + q] = lt_model_value(u->m, k, i,
			    hist_quantile(h, n, lt_mc_levels[q] / 100.0));
		for (b = 0; b < LT_MC_BINS; b++)
			if (h[b] > 0)
				sum += h[b] * lt_model_value(u->m, k, i, -LT_MC_ZMAX +
				                             LT_MC_ZBIN * ((double)b + 0.5));
		x->mean[i] = sum / (double)n;
	}
}

/* Merge the threads' counts into OUT (sums of integers: any order gives
 * the same) and compute the statistics. */
static int finish(const struct setup *u, struct acc *acc, int nt, size_t n,
                  lt_mc_result *out)
{
	size_t k, i, j, nh = u->n_rows * LT_MC_BINS;
	uint32_t *hist = acc[0].hist;
	int t;

	for (t = 1; t < nt; t++) {
		for (j = 0; j < nh; j++)
			hist[j] += acc[t].hist[j];
		for (k = 0; k < u->ni; k++)
			acc[0].met_target[k] += acc[t].met_target[k];
		for (j = 0; j < u->ni * u->ny; j++) {
			acc[0].reached[j] += acc[t].reached[j];
			acc[0].met_in[j] += acc[t].met_in[j];
		}
		acc[0].met_all += acc[t].met_all;
		for (j = 0; j < 3 * u->n_ck; j++)
			acc[0].ck[j] += acc[t].ck[j];
		for (j = 0; j < u->n_ck * LT_MC_BINS; j++)
			acc[0].ck_hist[j] += acc[t].ck_hist[j];
	}
	if (result_alloc(out, u) != LT_OK)
		return LT_ENOMEM;
	out->met_all = acc[0].met_all;
	for (j = 0; j < u->n_ck; j++)
		checkpoint(u, hist, acc[0].ck, acc[0].ck_hist, n, j,
		           &out->checkpoints[j]);
	out->n_checkpoints = u->n_ck;
	for (k = 0; k < u->ni; k++) {
		lt_mc_indicator *x = &out->ind[k];
		size_t cum = 0;

		x->simulated = u->sim[k];
		x->has_target = u->sim[k] && u->tyear[k] >= 0;
		out->n_targets += (size_t)x->has_target;
		x->met_target = acc[0].met_target[k];
		for (i = 0; i < u->ny; i++) {
			cum += acc[0].reached[k * u->ny + i];
			x->reached[i] = cum;
			x->met_in[i] = acc[0].met_in[k * u->ny + i];
		}
		if (x->simulated)
			statistics(u, hist, n, k, x);
		else
			for (i = 0; i < u->ny * LT_MC_NQ; i++)
				x->q[i] = NAN;
		for (i = 0; !x->simulated && i < u->ny; i++)
			x->mean[i] = NAN;
	}
	return LT_OK;
}

/* ---- the run ------------------------------------------------------------ */

static int check_opts(const lt_mc_opts *o, lt_diag *diag)
{
	if (o->draws < 1 || o->draws > LT_MC_MAX_DRAWS)
		LT_ERROR(diag, LT_EINVAL, "the number of draws must be from 1 to %lu "
		         "(got %zu)", LT_MC_MAX_DRAWS, o->draws);
	if (o->threads < 1)
		LT_ERROR(diag, LT_EINVAL, "the number of threads must be at least 1 "
		         "(got %d)", o->threads);
	return LT_OK;
}

/* Count one more chunk done; the main thread tells O's progress callback. */
static void report_progress(const lt_mc_opts *o, size_t *done)
{
	size_t now;

#ifdef _OPENMP
#pragma omp atomic capture
	now = *done += LT_MC_CHUNK;
	if (omp_get_thread_num() != 0)
		return;
#else
	now = *done += LT_MC_CHUNK;
#endif
	if (o->progress != NULL)
		o->progress(now < o->draws ? now : o->draws, o->draws,
		            o->progress_data);
}

/* Run the chunks over NT threads with accumulators ACC. */
static void run_chunks(const struct setup *u, const lt_mc_opts *o,
                       struct acc *acc, int nt)
{
	size_t nchunks = (o->draws + LT_MC_CHUNK - 1) / LT_MC_CHUNK;
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
			run_chunk(u, o, (size_t)c, a);
			report_progress(o, &done);
		}
	}
}

int lt_mc_run(const lt_model *m, const lt_mc_opts *o, lt_mc_result *out,
              lt_diag *diag)
{
	struct setup u;
	struct acc *acc = NULL;
	int nt = o->threads, t, rc;

	memset(out, 0, sizeof *out);
	rc = check_opts(o, diag);
	if (rc != LT_OK)
		return rc;
#ifndef _OPENMP
	nt = 1;
#endif
	rc = setup_init(&u, m, o->no_shocks);
	if (rc == LT_OK && (acc = lt_calloc((size_t)nt, sizeof *acc)) == NULL)
		rc = LT_ENOMEM;
	for (t = 0; rc == LT_OK && t < nt; t++)
		rc = acc_init(&acc[t], &u);
	if (rc == LT_ENOMEM)
		lt_error_raise(diag, LT_ENOMEM, NULL, 0, "out of memory for %d "
		               "thread%s of Monte Carlo", nt, nt == 1 ? "" : "s");
	if (rc == LT_OK) {
		run_chunks(&u, o, acc, nt);
		for (t = 0; t < nt && rc == LT_OK; t++)
			if (acc[t].rc != LT_OK) {
				rc = acc[t].rc;
				if (acc[t].diag.n > 0)
					lt_error_raise(diag, rc, NULL, 0, "a draw: %s",
					               acc[t].diag.items[0].msg);
			}
	}
	if (rc == LT_OK) {
		out->draws = o->draws;
		out->ny = u.ny;
		out->t0 = u.s->baseline_year;
		out->shocks = u.smp.shocks;
		out->n_uncertain = u.smp.n_slots;
		rc = finish(&u, acc, nt, o->draws, out);
		if (rc != LT_OK)
			lt_error_raise(diag, rc, NULL, 0, "out of memory");
	}
	if (rc != LT_OK)
		lt_mc_result_destroy(out);
	for (t = 0; acc != NULL && t < nt; t++)
		acc_free(&acc[t]);
	free(acc);
	setup_free(&u);
	return rc;
}
