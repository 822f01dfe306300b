/* solve_mc.c - the probability of each target against a constant share
 * (see solve_mc.h).
 *
 * The pipeline of mc.c with a solver in place of one evaluation: set up
 * (which indicators have a curve, the sampler), one accumulator per thread
 * (its own solver, integer histograms and counts), chunks of draws over
 * OpenMP threads, then the merge into cumulative curves and the money.
 * Built without OpenMP it runs the same chunks in one thread, with the
 * same results.  Nothing is allocated once the draws start.
 */
#include "lotrinh/solve_mc.h"

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
#include "lotrinh/simulate.h"
#include "lotrinh/solve.h"

/* The counts a curve keeps, per accumulator row. */
enum { N_AT_ZERO, N_ZERO, N_SOLVED, N_FALLING, N_UNREACHABLE, N_CEILING,
       N_NEG_BETA, N_COUNTS };

/* ---- what every thread reads ---------------------------------------------- */

struct setup {
	const lt_scenario *s;
	const lt_mc_opts *o;
	size_t ni, nslots;
	size_t n_rows;        /* targets with a curve, then all together */
	int *row;             /* [ni] the row of indicator k, -1 none */
	int *beta;            /* [ni] the slot of k's β, -1 none or no channel */
	lt_mc_sampler smp;    /* built on thread 0's solver's registry */
};

/* ---- one thread's accumulator --------------------------------------------- */

struct acc {
	int32_t *diff;        /* [n_rows * BINS] +1 at a lower end, -1 past an
	                         upper end */
	size_t *count;        /* [n_rows * N_COUNTS] */
	lt_solver *sv;
	lt_share_result *res; /* [ni] one draw's answers */
	double *theta, *eps;
	gsl_rng *rng;
	int rc;
	lt_diag diag;
};

static void acc_free(struct acc *a)
{
	free(a->diff);
	free(a->count);
	lt_solver_free(a->sv);
	free(a->res);
	free(a->theta);
	free(a->eps);
	if (a->rng != NULL)
		gsl_rng_free(a->rng);
	lt_diag_destroy(&a->diag);
}

/* A thread's solver into A (its models give the rows' layout). */
static int acc_solver(struct acc *a, const lt_scenario *s, lt_diag *diag)
{
	memset(a, 0, sizeof *a);
	lt_diag_init(&a->diag, NULL);
	return lt_solver_alloc(&a->sv, s, diag);
}

/* A thread's histograms, counts and buffers for U, after acc_solver. */
static int acc_counts(struct acc *a, const struct setup *u, lt_diag *diag)
{
	a->diff = lt_calloc(u->n_rows * LT_SOLVE_MC_BINS + 1, sizeof *a->diff);
	a->count = lt_calloc(u->n_rows * N_COUNTS + 1, sizeof *a->count);
	a->res = lt_calloc(u->ni + 1, sizeof *a->res);
	a->theta = lt_calloc(u->nslots + 1, sizeof *a->theta);
	a->eps = lt_calloc(u->smp.n_eps + 1, sizeof *a->eps);
	a->rng = gsl_rng_alloc(gsl_rng_mt19937);
	if (!a->diff || !a->count || !a->res || !a->theta || !a->eps || !a->rng)
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	memcpy(a->theta, u->smp.central, u->nslots * sizeof *a->theta);
	return LT_OK;
}

/* ---- one draw --------------------------------------------------------------- */

size_t lt_solve_mc_bin(double s)
{
	double b = s * LT_SOLVE_MC_PER_POINT;

	if (!(b > 0.0))
		return 0;
	return b < (double)LT_SOLVE_MC_BINS ? (size_t)b : LT_SOLVE_MC_BINS - 1;
}

/* Count one draw whose shares in [LO, HI] meet the target (LO > HI: none;
 * CEILING: none, the target past the bound) into row R of A. */
static void count_set(struct acc *a, size_t r, double lo, double hi,
                      int ceiling)
{
	int32_t *d = a->diff + r * LT_SOLVE_MC_BINS;
	size_t *n = a->count + r * N_COUNTS;

	if (ceiling) {
		n[N_CEILING]++;
		return;
	}
	if (!(lo <= hi)) {
		n[N_UNREACHABLE]++;
		return;
	}
	if (lo > 0.0) {
		n[N_SOLVED]++;
		d[lt_solve_mc_bin(lo)]++;
	} else {
		n[N_AT_ZERO]++;
		n[hi < 100.0 ? N_FALLING : N_ZERO]++;
	}
	if (hi < 100.0)
		d[lt_solve_mc_bin(hi)]--;
}

/* Tally the answers of one draw (A->res at A->theta) into A. */
static void tally(const struct setup *u, struct acc *a)
{
	double lo_all = 0.0, hi_all = 100.0;
	int ceiling = 0, neg = 0;
	size_t k, all = u->n_rows - 1;

	for (k = 0; k < u->ni; k++) {
		const lt_share_result *x = &a->res[k];
		double lo = NAN, hi = NAN;
		int r = u->row[k], nb;

		if (r < 0)
			continue;
		nb = u->beta[k] >= 0 && a->theta[u->beta[k]] < 0.0;
		a->count[(size_t)r * N_COUNTS + N_NEG_BETA] += (size_t)nb;
		neg |= nb;
		if (x->answer == LT_ANSWER_SOLVED || x->answer == LT_ANSWER_FREE) {
			lo = x->share;
			hi = x->share_hi;
		}
		count_set(a, (size_t)r, lo, hi, x->answer == LT_ANSWER_CEILING);
		ceiling |= x->answer == LT_ANSWER_CEILING;
		/* NAN for a target met at no share: the intersection is empty */
		lo_all = lo > lo_all || isnan(lo) ? lo : lo_all;
		hi_all = hi < hi_all || isnan(hi) ? hi : hi_all;
	}
	a->count[all * N_COUNTS + N_NEG_BETA] += (size_t)neg;
	count_set(a, all, lo_all, hi_all, ceiling);
}

/* Draws FROM..TO-1 of chunk C into A: the same draws as lt_mc_run's. */
static void run_chunk(const struct setup *u, size_t c, struct acc *a)
{
	size_t d, from = c * LT_MC_CHUNK, to = from + LT_MC_CHUNK;

	if (to > u->o->draws)
		to = u->o->draws;
	gsl_rng_set(a->rng, (unsigned long)lt_mc_chunk_seed(u->o->seed, c));
	for (d = from; d < to && a->rc == LT_OK; d++) {
		lt_mc_draw(&u->smp, a->rng, a->theta, a->eps);
		a->rc = lt_solve_draw(a->sv, a->theta, u->smp.shocks ? a->eps : NULL,
		                      a->res, &a->diag);
		if (a->rc == LT_OK)
			tally(u, a);
	}
}

/* Run the chunks over NT threads with accumulators ACC. */
static void run_chunks(const struct setup *u, struct acc *acc, int nt)
{
	size_t nchunks = (u->o->draws + LT_MC_CHUNK - 1) / LT_MC_CHUNK;
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
			lt_mc_chunk_done(u->o, &done);
		}
	}
}

/* ---- set-up, merge and money ------------------------------------------------ */

static void setup_free(struct setup *u)
{
	lt_mc_sampler_destroy(&u->smp);
	free(u->row);
	free(u->beta);
}

/* U for scenario S and options O, before the rows. */
static int setup_init(struct setup *u, const lt_scenario *s,
                      const lt_mc_opts *o)
{
	memset(u, 0, sizeof *u);
	u->s = s;
	u->o = o;
	u->ni = s->n_indicators;
	u->row = lt_calloc(u->ni + 1, sizeof *u->row);
	u->beta = lt_calloc(u->ni + 1, sizeof *u->beta);
	return u->row != NULL && u->beta != NULL ? LT_OK : LT_ENOMEM;
}

/* The rows of U from model M (a solver's): every simulated indicator
 * whose target year lies on the grid, in order, then all together; and
 * the sampler, which reads M's registry only (every solver's registry is
 * the same, and no thread changes it). */
static int setup_rows(struct setup *u, const lt_model *m)
{
	size_t k, ny = lt_model_years(m);

	u->nslots = lt_model_nslots(m);
	for (k = 0; k < u->ni; k++) {
		int ty = u->s->indicators[k].target.year - u->s->baseline_year;

		u->row[k] = -1;
		/* β matters only through a channel: without one, money does
		 * not move the indicator whatever β's sign */
		u->beta[k] = u->s->indicators[k].channel >= 0
		             ? lt_model_find_slot(m, LT_SLOT_BETA, k) : -1;
		if (lt_model_dynamic(m, k, NULL) && ty >= 0 && (size_t)ty < ny)
			u->row[k] = (int)u->n_rows++;
	}
	u->n_rows++; /* all together */
	return lt_mc_sampler_init(&u->smp, m, u->o->no_shocks);
}

void lt_solve_mc_result_destroy(lt_solve_mc_result *r)
{
	size_t k;

	for (k = 0; r->ind != NULL && k < r->ni; k++)
		free(r->ind[k].met);
	free(r->ind);
	free(r->all.met);
	memset(r, 0, sizeof *r);
}

/* Curve C from row R of the merged accumulator A: the counts, and the
 * draws met at each edge, the running sum of the bins below it. */
static int curve_from(const struct acc *a, size_t r, lt_solve_mc_curve *c)
{
	const int32_t *d = a->diff + r * LT_SOLVE_MC_BINS;
	const size_t *n = a->count + r * N_COUNTS;
	int64_t met;
	size_t m;

	c->met = lt_calloc(LT_SOLVE_MC_BINS + 1, sizeof *c->met);
	if (c->met == NULL)
		return LT_ENOMEM;
	c->on = 1;
	c->met_zero = n[N_ZERO];
	c->solved = n[N_SOLVED];
	c->falling = n[N_FALLING];
	c->unreachable = n[N_UNREACHABLE];
	c->ceiling = n[N_CEILING];
	c->negative_beta = n[N_NEG_BETA];
	met = (int64_t)n[N_AT_ZERO];
	c->met[0] = (uint32_t)met;
	for (m = 1; m <= LT_SOLVE_MC_BINS; m++) {
		met += d[m - 1];
		c->met[m] = (uint32_t)met;
	}
	return LT_OK;
}

/* Merge the threads' counts (integer sums: any order gives the same) and
 * build the curves into OUT. */
static int merge(const struct setup *u, struct acc *acc, int nt,
                 lt_solve_mc_result *out)
{
	size_t k, j, nd = u->n_rows * LT_SOLVE_MC_BINS;
	int t, rc = LT_OK;

	for (t = 1; t < nt; t++) {
		for (j = 0; j < nd; j++)
			acc[0].diff[j] += acc[t].diff[j];
		for (j = 0; j < u->n_rows * N_COUNTS; j++)
			acc[0].count[j] += acc[t].count[j];
	}
	out->ind = lt_calloc(u->ni + 1, sizeof *out->ind);
	if (out->ind == NULL)
		return LT_ENOMEM;
	out->ni = u->ni;
	for (k = 0; rc == LT_OK && k < u->ni; k++)
		if (u->row[k] >= 0) {
			rc = curve_from(&acc[0], (size_t)u->row[k], &out->ind[k]);
			out->n_targets++;
		}
	if (rc == LT_OK && out->n_targets > 0)
		rc = curve_from(&acc[0], u->n_rows - 1, &out->all);
	return rc;
}

/* The money of the years the share is spent: the base and the scenario's
 * own spending as lt_simulate_run reports them at the central θ, and the
 * programmes' state money. */
static int money(const lt_scenario *s, lt_solve_mc_result *out, lt_diag *diag)
{
	lt_simulation sim;
	double *pub = NULL;
	size_t i, c;
	int year, rc = lt_simulate_run(s, NULL, &sim, diag);

	if (rc != LT_OK)
		return rc;
	out->first_year = s->baseline_year + 1;
	out->last_year = s->horizon;
	for (i = 1; i < sim.plan.ny; i++) {
		out->base_total += sim.plan.base[i];
		out->plan_total += sim.plan.public_[i];
	}
	lt_simulation_destroy(&sim);
	out->has_programs = s->has_programs;
	if (!s->has_programs)
		return LT_OK;
	pub = lt_calloc(s->n_channels + 1, sizeof *pub);
	if (pub == NULL)
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	for (year = out->first_year; year <= out->last_year; year++)
		lt_programs_year(s, year, pub, NULL);
	for (c = 0; c < s->n_channels; c++)
		out->programs_total += pub[c];
	free(pub);
	return LT_OK;
}

/* ---- the run ------------------------------------------------------------------ */

/* The threads' accumulators (NT of them) into *ACC, and the rows into U
 * from thread 0's solver. */
static int prepare(struct setup *u, struct acc **acc, int nt, lt_diag *diag)
{
	int t, rc = LT_OK;

	*acc = lt_calloc((size_t)nt, sizeof **acc);
	if (*acc == NULL)
		LT_ERROR(diag, LT_ENOMEM, "out of memory for %d thread%s", nt,
		         nt == 1 ? "" : "s");
	for (t = 0; t < nt; t++) {
		rc = acc_solver(&(*acc)[t], u->s, diag);
		if (rc != LT_OK)
			return rc;
	}
	if (setup_rows(u, lt_solver_model((*acc)[0].sv)) != LT_OK)
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	for (t = 0; rc == LT_OK && t < nt; t++)
		rc = acc_counts(&(*acc)[t], u, diag);
	return rc;
}

int lt_solve_mc_run(const lt_scenario *s, const lt_mc_opts *o,
                    lt_solve_mc_result *out, lt_diag *diag)
{
	struct setup u;
	struct acc *acc = NULL;
	int nt = o->threads, t, rc;

	memset(out, 0, sizeof *out);
	rc = lt_mc_check_opts(o, diag);
	if (rc != LT_OK)
		return rc;
#ifndef _OPENMP
	nt = 1;
#endif
	rc = setup_init(&u, s, o);
	if (rc != LT_OK)
		rc = lt_error_raise(diag, rc, NULL, 0, "out of memory");
	if (rc == LT_OK)
		rc = prepare(&u, &acc, nt, diag);
	if (rc == LT_OK) {
		run_chunks(&u, acc, nt);
		for (t = 0; t < nt && rc == LT_OK; t++)
			if (acc[t].rc != LT_OK) {
				rc = acc[t].rc;
				lt_error_raise(diag, rc, NULL, 0, "a draw: %s",
				               acc[t].diag.n > 0 ? acc[t].diag.items[0].msg
				               : "failed");
			}
	}
	if (rc == LT_OK) {
		out->draws = o->draws;
		out->seed = o->seed;
		out->shocks = u.smp.shocks;
		out->n_uncertain = u.smp.n_slots;
		rc = merge(&u, acc, nt, out);
		if (rc != LT_OK)
			rc = lt_error_raise(diag, rc, NULL, 0, "out of memory");
	}
	if (rc == LT_OK)
		rc = money(s, out, diag);
	if (rc != LT_OK)
		lt_solve_mc_result_destroy(out);
	for (t = 0; acc != NULL && t < nt; t++)
		acc_free(&acc[t]);
	free(acc);
	setup_free(&u);
	return rc;
}

/* ---- reading the curves ------------------------------------------------------- */

size_t lt_solve_mc_count(const lt_solve_mc_curve *c, double share)
{
	double m = round(share * LT_SOLVE_MC_PER_POINT);

	if (c->met == NULL)
		return 0;
	if (!(m > 0.0))
		return c->met[0];
	return c->met[m < LT_SOLVE_MC_BINS ? (size_t)m : LT_SOLVE_MC_BINS];
}

int lt_solve_mc_share(const lt_solve_mc_curve *c, size_t n, double p,
                      double *share)
{
	size_t m;

	*share = NAN;
	for (m = 0; c->met != NULL && n > 0 && m <= LT_SOLVE_MC_BINS; m++)
		if ((double)c->met[m] / (double)n >= p) {
			*share = (double)m / LT_SOLVE_MC_PER_POINT;
			return 1;
		}
	return 0;
}

double lt_solve_mc_money(const lt_solve_mc_result *r, double share,
                         double *per_year)
{
	int years = r->last_year - r->first_year + 1;
	double total = share / 100.0 * r->base_total;

	if (per_year != NULL)
		*per_year = years > 0 ? total / years : NAN;
	return total;
}
