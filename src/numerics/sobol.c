/* sobol.c - Sobol indices by Saltelli sampling (see sobol.h).
 *
 * One pipeline in labelled sections: check the problem; one worker per
 * thread (its context, generator and row buffers); the evaluations, chunk
 * by chunk over OpenMP threads, every output kept in F; then, serially,
 * each output's mean, spread and standardisation; the point estimates;
 * the bootstrap resamples (over threads again, each resample on its own
 * generator and in its own order); and their spread.  Built without OpenMP
 * (the fuzz build) it runs the same chunks and resamples in one thread,
 * with the same results.
 *
 * F holds the outputs row by row: row r, evaluation e (0 = A, 1 = B,
 * 2 + i = AB_i), output o at F[(r·(D + 2) + e)·n_out + o].
 */
#include "lotrinh/sobol.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "lotrinh/alloc.h"
#include "lotrinh/mc.h"

/* ---- the problem -------------------------------------------------------- */

/* What every thread reads. */
struct job {
	const lt_sobol_problem *p;
	const lt_sobol_opts *o;
	size_t d, m, n_out;  /* factors, coordinates, outputs */
	size_t *off;         /* [D] first coordinate of each factor */
	size_t stride;       /* doubles a row of F: (D + 2)·n_out */
	double *f;           /* the outputs (see the file comment) */
	size_t done;         /* evaluations done, for the progress callback */
};

size_t lt_sobol_values(size_t n, size_t n_factors, size_t n_out)
{
	size_t runs = n_factors + 2;

	if (n_factors > SIZE_MAX - 2 || (n > 0 && runs > SIZE_MAX / n) ||
	    (n_out > 0 && n * runs > SIZE_MAX / n_out))
		return SIZE_MAX;
	return n * runs * n_out;
}

double lt_sobol_z(void)
{
	return gsl_cdf_ugaussian_Pinv(0.5 + LT_SOBOL_CONF / 2.0);
}

static int check(const lt_sobol_problem *p, const lt_sobol_opts *o,
                 lt_diag *diag)
{
	size_t i, values;

	if (p->n_factors < 1 || p->n_out < 1 || p->eval == NULL)
		LT_ERROR(diag, LT_EINVAL, "a Sobol problem needs a function, a "
		         "factor and an output (got %zu factors, %zu outputs)",
		         p->n_factors, p->n_out);
	for (i = 0; i < p->n_factors; i++)
		if (p->width[i] < 1)
			LT_ERROR(diag, LT_EINVAL, "factor %zu of the Sobol problem has no "
			         "coordinate", i + 1);
	if (o->n < LT_SOBOL_MIN_N || o->n > LT_SOBOL_MAX_N)
		LT_ERROR(diag, LT_EINVAL, "the base rows of Sobol sampling must be "
		         "from %d to %lu (got %zu)", LT_SOBOL_MIN_N, LT_SOBOL_MAX_N,
		         o->n);
	if (o->bootstrap == 1 || o->bootstrap > LT_SOBOL_MAX_BOOTSTRAP)
		LT_ERROR(diag, LT_EINVAL, "the bootstrap resamples must be 0 or from "
		         "2 to %d (got %zu)", LT_SOBOL_MAX_BOOTSTRAP, o->bootstrap);
	if (o->threads < 1)
		LT_ERROR(diag, LT_EINVAL, "the number of threads must be at least 1 "
		         "(got %d)", o->threads);
	values = lt_sobol_values(o->n, p->n_factors, p->n_out);
	if (values > LT_SOBOL_MAX_VALUES)
		LT_ERROR(diag, LT_EINVAL, "%zu base rows of %zu factors and %zu "
		         "outputs would keep %.0f MiB of model outputs, over the "
		         "limit of %lu MiB: at most %zu rows fit", o->n, p->n_factors,
		         p->n_out, 8.0 * (double)values / 1048576.0,
		         LT_SOBOL_MAX_VALUES * 8 / 1048576,
		         (size_t)(LT_SOBOL_MAX_VALUES / ((p->n_factors + 2) *
		                                         p->n_out)));
	return LT_OK;
}

/* ---- one worker per thread ---------------------------------------------- */

struct worker {
	void *ctx;
	gsl_rng *rng;
	double *ua, *ub, *ux;  /* [M] the rows of A and B, and AB_i */
	double *acc;           /* [n_out·(2 + 2D)] a resample's sums */
	int rc;
	lt_diag diag;
};

static void worker_free(const lt_sobol_problem *p, struct worker *w)
{
	if (w->ctx != NULL && p->ctx_alloc != NULL && p->ctx_free != NULL)
		p->ctx_free(w->ctx);
	if (w->rng != NULL)
		gsl_rng_free(w->rng);
	free(w->ua);
	free(w->ub);
	free(w->ux);
	free(w->acc);
	lt_diag_destroy(&w->diag);
}

static int worker_init(const struct job *j, struct worker *w)
{
	const lt_sobol_problem *p = j->p;

	memset(w, 0, sizeof *w);
	lt_diag_init(&w->diag, NULL);
	w->ctx = p->ctx_alloc != NULL ? p->ctx_alloc(p->data) : p->data;
	w->rng = gsl_rng_alloc(gsl_rng_mt19937);
	w->ua = lt_calloc(j->m, sizeof *w->ua);
	w->ub = lt_calloc(j->m, sizeof *w->ub);
	w->ux = lt_calloc(j->m, sizeof *w->ux);
	w->acc = lt_calloc(j->n_out * (2 + 2 * j->d), sizeof *w->acc);
	return (w->ctx != NULL || p->ctx_alloc == NULL) && w->rng != NULL &&
	       w->ua != NULL && w->ub != NULL && w->ux != NULL &&
	       w->acc != NULL ? LT_OK : LT_ENOMEM;
}

/* ---- the evaluations ---------------------------------------------------- */

/* Evaluate at U into OUT; an error or a non-finite output stops W. */
static void eval_at(const struct job *j, struct worker *w, const double *u,
                    double *out, size_t row)
{
	size_t o;

	w->rc = j->p->eval(w->ctx, u, out, &w->diag);
	for (o = 0; w->rc == LT_OK && o < j->n_out; o++)
		if (!isfinite(out[o]))
			w->rc = lt_error_raise(&w->diag, LT_EINVAL, NULL, 0, "output %zu "
			                       "of row %zu is not a finite number", o + 1,
			                       row + 1);
}

/* Rows of chunk C: A, B and every AB_i. */
static void run_chunk(const struct job *j, size_t c, struct worker *w)
{
	size_t r, i, k, from = c * LT_SOBOL_CHUNK, to = from + LT_SOBOL_CHUNK;
	const size_t *width = j->p->width;

	if (to > j->o->n)
		to = j->o->n;
	gsl_rng_set(w->rng, (unsigned long)lt_mc_chunk_seed(j->o->seed, c));
	for (r = from; r < to && w->rc == LT_OK; r++) {
		double *f = j->f + r * j->stride;

		for (k = 0; k < j->m; k++)
			w->ua[k] = gsl_rng_uniform_pos(w->rng);
		for (k = 0; k < j->m; k++)
			w->ub[k] = gsl_rng_uniform_pos(w->rng);
		eval_at(j, w, w->ua, f, r);
		if (w->rc == LT_OK)
			eval_at(j, w, w->ub, f + j->n_out, r);
		memcpy(w->ux, w->ua, j->m * sizeof *w->ux);
		for (i = 0; i < j->d && w->rc == LT_OK; i++) {
			size_t a = j->off[i], n = width[i];

			memcpy(w->ux + a, w->ub + a, n * sizeof *w->ux);
			eval_at(j, w, w->ux, f + (2 + i) * j->n_out, r);
			memcpy(w->ux + a, w->ua + a, n * sizeof *w->ux);
		}
	}
}

/* Count a chunk done; the main thread tells the progress callback. */
static void progress(struct job *j, size_t rows)
{
	const lt_sobol_opts *o = j->o;
	size_t now, total = o->n * (j->d + 2);

#ifdef _OPENMP
#pragma omp atomic capture
	now = j->done += rows * (j->d + 2);
	if (omp_get_thread_num() != 0)
		return;
#else
	now = j->done += rows * (j->d + 2);
#endif
	if (o->progress != NULL)
		o->progress(now < total ? now : total, total, o->progress_data);
}

static void run_chunks(struct job *j, struct worker *ws, int nt)
{
	size_t nchunks = (j->o->n + LT_SOBOL_CHUNK - 1) / LT_SOBOL_CHUNK;
	long c;

	(void)nt;
#ifdef _OPENMP
#pragma omp parallel num_threads(nt)
#endif
	{
#ifdef _OPENMP
		struct worker *w = &ws[omp_get_thread_num()];
#pragma omp for schedule(dynamic, 1)
#else
		struct worker *w = &ws[0];
#endif
		for (c = 0; c < (long)nchunks; c++) {
			if (w->rc != LT_OK)
				continue;
			run_chunk(j, (size_t)c, w);
			progress(j, LT_SOBOL_CHUNK);
		}
	}
}

/* ---- the estimators ----------------------------------------------------- */

/* Output O: its mean and spread over [f_A; f_B] into X, whether it is
 * flat (its range at most the caller's tolerance, 0 by default), and,
 * when not, every one of its N·(D + 2) values standardised by their own
 * mean and standard deviation (SALib's normalisation). */
static void standardise(const struct job *j, size_t o, lt_sobol_output *x)
{
	size_t n = j->o->n, runs = j->d + 2, r, e;
	double sum = 0.0, ss = 0.0, lo = HUGE_VAL, hi = -HUGE_VAL, mean, sd;
	double *f = j->f + o;

	for (r = 0; r < n; r++)
		sum += f[r * j->stride] + f[r * j->stride + j->n_out];
	x->mean = sum / (2.0 * (double)n);
	for (r = 0; r < n; r++)
		for (e = 0; e < 2; e++) {
			double v = f[r * j->stride + e * j->n_out];

			ss += (v - x->mean) * (v - x->mean);
			lo = fmin(lo, v);
			hi = fmax(hi, v);
		}
	x->sd = sqrt(ss / (2.0 * (double)n));
	x->degenerate = hi - lo <= (j->p->flat != NULL ? j->p->flat[o] : 0.0);
	if (hi == lo) {
		/* exactly, not the rounding of a sum of equal numbers */
		x->mean = lo;
		x->sd = 0.0;
	}
	if (x->degenerate)
		return;
	for (sum = 0.0, r = 0; r < n; r++)
		for (e = 0; e < runs; e++)
			sum += f[r * j->stride + e * j->n_out];
	mean = sum / (double)(n * runs);
	for (ss = 0.0, r = 0; r < n; r++)
		for (e = 0; e < runs; e++) {
			double v = f[r * j->stride + e * j->n_out] - mean;

			ss += v * v;
		}
	sd = sqrt(ss / (double)(n * runs));
	for (r = 0; r < n; r++)
		for (e = 0; e < runs; e++)
			f[r * j->stride + e * j->n_out] = (f[r * j->stride + e *
			                                   j->n_out] - mean) / sd;
}

/* S1 and ST of output O for every factor, into S1[D] and ST[D]:
 *     V = var([f_A; f_B]) (ddof 0, two passes),
 *     S1_i = mean(f_B·(f_ABi − f_A)) / V,  ST_i = mean((f_A − f_ABi)²) / 2V,
 * the sums in row order. */
static void estimate(const struct job *j, size_t o, double *s1, double *st)
{
	size_t n = j->o->n, r, i;
	const double *f0 = j->f + o;
	double mean = 0.0, v = 0.0;

	for (r = 0; r < n; r++)
		mean += f0[r * j->stride] + f0[r * j->stride + j->n_out];
	mean /= 2.0 * (double)n;
	for (i = 0; i < j->d; i++)
		s1[i] = st[i] = 0.0;
	for (r = 0; r < n; r++) {
		const double *f = f0 + r * j->stride;
		double fa = f[0], fb = f[j->n_out];

		v += (fa - mean) * (fa - mean) + (fb - mean) * (fb - mean);
		for (i = 0; i < j->d; i++) {
			double fab = f[(2 + i) * j->n_out];

			s1[i] += fb * (fab - fa);
			st[i] += (fa - fab) * (fa - fab);
		}
	}
	v /= 2.0 * (double)n;
	for (i = 0; i < j->d; i++) {
		s1[i] /= (double)n * v;
		st[i] /= 2.0 * (double)n * v;
	}
}

/* Resample B: N rows drawn with replacement by its own generator, and
 * every output's estimates over them in one pass over the rows (each row's
 * outputs lie together in F, so a pass reads F once whatever the number
 * of outputs), into BOOT[((B·n_out + o)·D + i)·2 + {0: S1, 1: ST}].  The
 * outputs are standardised (mean 0, sd 1 over all runs), so V is formed
 * in one pass, E[f²] − E[f]², without losing digits.  A resample whose V
 * is 0 gives 0, as SALib's first_order does for a flat sample (none has,
 * unless nearly every row drawn is one and the same). */
static void resample(const struct job *j, const lt_sobol_result *res,
                     size_t b, struct worker *w, double *boot)
{
	size_t n = j->o->n, no = j->n_out, d = j->d, w2 = 2 + 2 * d, r, o, i;
	double *acc = w->acc;

	gsl_rng_set(w->rng, (unsigned long)lt_mc_chunk_seed(j->o->seed,
	            LT_SOBOL_BOOT_STREAM + b));
	memset(acc, 0, no * w2 * sizeof *acc);
	for (r = 0; r < n; r++) {
		const double *f = j->f + (size_t)gsl_rng_uniform_int(w->rng,
		                  (unsigned long)n) * j->stride;

		for (o = 0; o < no; o++) {
			double fa = f[o], fb = f[no + o], *x = acc + o * w2;

			x[0] += fa + fb;
			x[1] += fa * fa + fb * fb;
			for (i = 0; i < d; i++) {
				double fab = f[(2 + i) * no + o];

				x[2 + 2 * i] += fb * (fab - fa);
				x[3 + 2 * i] += (fa - fab) * (fa - fab);
			}
		}
	}
	for (o = 0; o < no; o++) {
		const double *x = acc + o * w2;
		double mean = x[0] / (2.0 * (double)n);
		double v = x[1] / (2.0 * (double)n) - mean * mean;
		double *out = boot + (b * no + o) * d * 2;

		for (i = 0; !res->out[o].degenerate && i < d; i++) {
			out[2 * i] = v > 0.0 ? x[2 + 2 * i] / ((double)n * v) : 0.0;
			out[2 * i + 1] = v > 0.0 ? x[3 + 2 * i] / (2.0 * (double)n * v)
			                         : 0.0;
		}
	}
}

static void bootstrap(const struct job *j, const lt_sobol_result *res,
                      struct worker *ws, int nt, double *boot)
{
	long b;

	(void)nt;
#ifdef _OPENMP
#pragma omp parallel num_threads(nt)
#endif
	{
#ifdef _OPENMP
		struct worker *w = &ws[omp_get_thread_num()];
#pragma omp for schedule(dynamic, 1)
#else
		struct worker *w = &ws[0];
#endif
		for (b = 0; b < (long)j->o->bootstrap; b++)
			resample(j, res, (size_t)b, w, boot);
	}
}

/* The half-widths from the resamples in BOOT (z·sd, ddof 1), using
 * TMP[R]. */
static void spread(const struct job *j, lt_sobol_result *res,
                   const double *boot, double *tmp)
{
	size_t nb = j->o->bootstrap, o, i, b, q;
	double z = lt_sobol_z();

	for (o = 0; o < j->n_out; o++) {
		lt_sobol_output *x = &res->out[o];

		for (i = 0; !x->degenerate && i < j->d; i++)
			for (q = 0; q < 2; q++) {
				for (b = 0; b < nb; b++)
					tmp[b] = boot[((b * j->n_out + o) * j->d + i) * 2 + q];
				(q == 0 ? x->s1_conf : x->st_conf)[i] = z *
				    gsl_stats_sd(tmp, 1, nb);
			}
	}
}

/* ---- the result --------------------------------------------------------- */

void lt_sobol_result_destroy(lt_sobol_result *r)
{
	size_t o;

	for (o = 0; r->out != NULL && o < r->n_out; o++) {
		free(r->out[o].s1);
		free(r->out[o].st);
		free(r->out[o].s1_conf);
		free(r->out[o].st_conf);
	}
	free(r->out);
	memset(r, 0, sizeof *r);
}

static int result_alloc(lt_sobol_result *r, const struct job *j)
{
	size_t o, i;

	r->n = j->o->n;
	r->n_factors = j->d;
	r->dim = j->m;
	r->evaluations = j->o->n * (j->d + 2);
	r->bootstrap = j->o->bootstrap;
	r->seed = j->o->seed;
	r->out = lt_calloc(j->n_out, sizeof *r->out);
	if (r->out == NULL)
		return LT_ENOMEM;
	r->n_out = j->n_out;
	for (o = 0; o < j->n_out; o++) {
		lt_sobol_output *x = &r->out[o];

		x->s1 = lt_calloc(j->d, sizeof *x->s1);
		x->st = lt_calloc(j->d, sizeof *x->st);
		x->s1_conf = lt_calloc(j->d, sizeof *x->s1_conf);
		x->st_conf = lt_calloc(j->d, sizeof *x->st_conf);
		if (!x->s1 || !x->st || !x->s1_conf || !x->st_conf)
			return LT_ENOMEM;
		for (i = 0; i < j->d; i++)
			x->s1[i] = x->st[i] = x->s1_conf[i] = x->st_conf[i] = NAN;
	}
	return LT_OK;
}

/* Everything after the evaluations: standardise, estimate, bootstrap. */
static int analyse(const struct job *j, struct worker *ws, int nt,
                   lt_sobol_result *res)
{
	size_t nb = j->o->bootstrap, o;
	double *boot = NULL, *tmp = NULL;

	if (result_alloc(res, j) != LT_OK)
		return LT_ENOMEM;
	for (o = 0; o < j->n_out; o++) {
		lt_sobol_output *x = &res->out[o];

		standardise(j, o, x);
		if (!x->degenerate)
			estimate(j, o, x->s1, x->st);
	}
	if (nb == 0)
		return LT_OK;
	boot = lt_calloc(nb * j->n_out * j->d * 2, sizeof *boot);
	tmp = lt_calloc(nb, sizeof *tmp);
	if (boot == NULL || tmp == NULL) {
		free(boot);
		free(tmp);
		return LT_ENOMEM;
	}
	bootstrap(j, res, ws, nt, boot);
	spread(j, res, boot, tmp);
	free(boot);
	free(tmp);
	return LT_OK;
}

/* ---- the run ------------------------------------------------------------ */

/* The first error a worker met, copied into DIAG. */
static int worker_status(struct worker *ws, int nt, lt_diag *diag)
{
	int t;

	for (t = 0; t < nt; t++)
		if (ws[t].rc != LT_OK) {
			if (ws[t].diag.n > 0)
				lt_error_raise(diag, ws[t].rc, ws[t].diag.items[0].file[0]
				               != '\0' ? ws[t].diag.items[0].file : NULL,
				               ws[t].diag.items[0].line, "%s",
				               ws[t].diag.items[0].msg);
			return ws[t].rc;
		}
	return LT_OK;
}

int lt_sobol_run(const lt_sobol_problem *p, const lt_sobol_opts *o,
                 lt_sobol_result *out, lt_diag *diag)
{
	struct job j;
	struct worker *ws = NULL;
	int nt = o->threads, t, made = 0, rc;
	size_t i;

	memset(out, 0, sizeof *out);
	rc = check(p, o, diag);
	if (rc != LT_OK)
		return rc;
#ifndef _OPENMP
	nt = 1;
#endif
	memset(&j, 0, sizeof j);
	j.p = p;
	j.o = o;
	j.d = p->n_factors;
	j.n_out = p->n_out;
	j.stride = (j.d + 2) * j.n_out;
	j.off = lt_calloc(j.d, sizeof *j.off);
	j.f = lt_malloc(lt_sobol_values(o->n, j.d, j.n_out) * sizeof *j.f);
	ws = lt_calloc((size_t)nt, sizeof *ws);
	rc = j.off != NULL && j.f != NULL && ws != NULL ? LT_OK : LT_ENOMEM;
	for (i = 0; rc == LT_OK && i < j.d; i++) {
		j.off[i] = j.m;
		j.m += p->width[i];
	}
	for (t = 0; rc == LT_OK && t < nt; t++, made++)
		rc = worker_init(&j, &ws[t]);
	if (rc == LT_OK) {
		run_chunks(&j, ws, nt);
		rc = worker_status(ws, nt, diag);
	} else {
		lt_error_raise(diag, rc, NULL, 0, "out of memory for Sobol sampling "
		               "(%zu base rows on %d thread%s)", o->n, nt,
		               nt == 1 ? "" : "s");
	}
	if (rc == LT_OK) {
		rc = analyse(&j, ws, nt, out);
		if (rc != LT_OK)
			lt_error_raise(diag, rc, NULL, 0, "out of memory for the Sobol "
			               "estimates");
	}
	if (rc != LT_OK)
		lt_sobol_result_destroy(out);
	for (t = 0; t < made; t++)
		worker_free(p, &ws[t]);
	free(ws);
	free(j.off);
	free(j.f);
	return rc;
}
