/* mc.c - Monte Carlo on the compiled model (see mc.h).
 *
 * One pipeline: set up (which slots to draw, each indicator's aim as a
 * logit), one accumulator per thread (histograms and counts, all
 * integers), chunks of draws spread over OpenMP threads, then the merge and
 * the statistics.  Built without OpenMP (the fuzz build) it runs the same
 * chunks in one thread, with the same results.
 *
 * Four choices make a draw cost about what its arithmetic does, and two
 * threads nearly twice as fast as one (measured in docs/PERFORMANCE.md):
 *   - no cache line that one thread writes in the loop is read or written
 *     by another (false sharing: the line would bounce between the cores
 *     on every draw).  Each thread allocates its accumulator and model
 *     workspace itself, inside the parallel region (its own malloc
 *     arena); its counters and arrays lie in one block padded on both
 *     sides, with its own copy of the setup and sampler it reads on every
 *     draw: the main thread is one of the workers, and the shared setup
 *     lay on its stack and heap, next to what it writes.  Allocated side
 *     by side from the main thread, the two threads' data cost a second
 *     thread a third more CPU time a draw; reading the shared setup cost
 *     both a further 7 %;
 *   - the histograms are paged: a row's LT_MC_BINS bins are HIST_PAGES
 *     pages of HIST_PAGE bins, claimed from the thread's pool (zeroed) at
 *     their first count.  One indicator's logit in one year spans a few
 *     pages, so a thread writes a few hundred KB of histograms instead of
 *     10 MB, and the merge and the quantile scans visit only pages that
 *     hold draws; the bins, and so every result, are those of one flat
 *     histogram;
 *   - a thread buffers the logits of BIN_BLOCK draws and bins them row by
 *     row, so each row's few hot pages stay in the first-level cache;
 *   - each drawn slot's inverse CDF is prepared once (lt_param_inv), not
 *     rebuilt from its parameters on every draw.
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
	 * (-1 when the target year is off the grid), first year index of a
	 * target on a period's mean (-1 for a target on one year), histogram
	 * row */
	int *sim, *sense, *tyear, *mfrom;
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
	p->inv = lt_calloc(n + 1, sizeof *p->inv);
	if (p->slots == NULL || p->central == NULL || p->inv == NULL) {
		lt_mc_sampler_destroy(p);
		return LT_ENOMEM;
	}
	lt_model_central(m, p->central);
	for (i = 0; i < n; i++) {
		const lt_slot *sl = lt_model_slot(m, i);

		if (sl->dist.dist != LT_DIST_FIXED) {
			/* a range without probability inverts to NaN, which the
			 * model refuses on the first draw, with the slot's name */
			(void)lt_param_inv_init(&p->inv[p->n_slots], &sl->dist);
			p->slots[p->n_slots++] = i;
		}
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
	free(p->inv);
	p->slots = NULL;
	p->central = NULL;
	p->inv = NULL;
}

void lt_mc_draw(const lt_mc_sampler *p, gsl_rng *rng, double *theta,
                double *eps)
{
	size_t j;

	for (j = 0; j < p->n_slots; j++)
		theta[p->slots[j]] = lt_param_inv_quantile(&p->inv[j],
		                                           gsl_rng_uniform_pos(rng));
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
	free(u->mfrom);
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
	u->mfrom = lt_calloc(u->ni + 1, sizeof *u->mfrom);
	u->zaim = lt_calloc(u->ni + 1, sizeof *u->zaim);
	u->row = lt_calloc(u->ni + 1, sizeof *u->row);
	if (!u->sim || !u->sense || !u->tyear || !u->mfrom ||
	    !u->zaim || !u->row)
		return LT_ENOMEM;
	for (k = 0; k < u->ni; k++) {
		const lt_indicator *ind = &u->s->indicators[k];
		int ty = ind->target.year - u->s->baseline_year;

		u->tyear[k] = u->mfrom[k] = -1;
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
		if (ind->target.mean_from > 0 && u->tyear[k] >= 0)
			u->mfrom[k] = ind->target.mean_from - u->s->baseline_year;
	}
	return setup_checkpoints(u);
}

/* ---- one thread's accumulator ------------------------------------------- */

/* Bins a histogram page holds (a power of two), and pages a row has.  4 KB
 * pages: a logit's spread in one year covers a few of them, and a page is
 * large enough that a row's table is short (64 pointers). */
#define HIST_PAGE_BITS 10
#define HIST_PAGE ((size_t)1 << HIST_PAGE_BITS)
#define HIST_PAGES (LT_MC_BINS / HIST_PAGE)

/* Draws whose logits a thread buffers before it bins them row by row:
 * counting a block of one row's values touches only that row's few hot
 * pages, where counting each draw's 40-odd values as they come touches a
 * line of every row (a working set larger than the first-level cache,
 * measured at a quarter of a draw's time).  256 draws of 40 rows take
 * 80 KB. */
#define BIN_BLOCK 256
/* The distance between two rows of the buffer, in doubles: one cache line
 * more than a block, so that the 35-odd values a draw stores, one per row,
 * fall in different sets of the first-level cache (at a power-of-two
 * stride of 2 KB they would share two of its 64 sets, and evict each
 * other). */
#define BUF_STRIDE (BIN_BLOCK + 8)

/* Bytes kept free on either side of a thread's working memory, and the
 * alignment of each array in it: two cache lines, since the adjacent-line
 * prefetcher moves lines in pairs. */
#define CACHE_PAD 128
#define CACHE_LINE 64

struct acc {
	/* what the thread reads on every draw, copied from the run's setup:
	 * its own scalars, per-indicator arrays and sampler (see acc_alloc) */
	struct setup u;
	/* the histograms: rows 0..n_rows-1 are (simulated indicator, year),
	 * then one row per checkpoint (draws meeting the final target, by
	 * their value in the milestone year); page[row * HIST_PAGES + p] is
	 * NULL until a draw falls in it, then a page claimed from POOL (not
	 * initialised, so only claimed pages are ever written, and so
	 * resident) */
	uint32_t **page;
	uint32_t *pool;      /* [hist_rows * LT_MC_BINS] */
	size_t n_claimed;    /* pages of POOL in use */
	double *zbuf;        /* [n_rows * BUF_STRIDE] row r's logits of the
	                        draws not yet binned, at r * BUF_STRIDE */
	size_t n_buf;        /* draws in ZBUF */
	size_t *met_target;  /* [ni] */
	size_t *reached;     /* [ni * ny] first year met, by year */
	size_t *met_in;      /* [ni * ny] */
	size_t met_all;
	size_t *ck;          /* [3 * n_ck] met, met and final, missed and final */
	int *final;          /* [ni] this draw meets the final target */
	unsigned char *fbuf; /* [ni * BIN_BLOCK] FINAL of the draws in ZBUF */
	lt_model_ws *w;
	double *theta, *z, *eps;
	gsl_rng *rng;
	int rc;
	lt_diag diag;
	void *block, *pool_block; /* what acc_free frees */
};

static size_t hist_rows(const struct setup *u)
{
	return u->n_rows + u->n_ck;
}

/* A bump allocator over one block: BASE NULL only counts the bytes. */
struct slab {
	char *base;
	size_t used;
};

/* Room for N items of SIZE bytes from S, on a line of its own. */
static void *carve(struct slab *s, size_t n, size_t size)
{
	void *p = s->base != NULL ? s->base + s->used : NULL;

	s->used += (n * size + CACHE_LINE - 1) / CACHE_LINE * CACHE_LINE;
	return p;
}

/* Lay out A's arrays in S for setup U (whose scalars A->u has). */
static void acc_layout(struct acc *a, struct slab *s, const struct setup *u)
{
	size_t ni = u->ni, cells = u->ni * u->ny, nk = u->n_ck;
	size_t ns = u->smp.n_slots;

	a->u.sim = carve(s, ni, sizeof *a->u.sim);
	a->u.sense = carve(s, ni, sizeof *a->u.sense);
	a->u.tyear = carve(s, ni, sizeof *a->u.tyear);
	a->u.mfrom = carve(s, ni, sizeof *a->u.mfrom);
	a->u.zaim = carve(s, ni, sizeof *a->u.zaim);
	a->u.row = carve(s, ni, sizeof *a->u.row);
	a->u.ck_k = carve(s, nk, sizeof *a->u.ck_k);
	a->u.ck_i = carve(s, nk, sizeof *a->u.ck_i);
	a->u.ck_value = carve(s, nk, sizeof *a->u.ck_value);
	a->u.ck_z = carve(s, nk, sizeof *a->u.ck_z);
	a->u.smp.slots = carve(s, ns, sizeof *a->u.smp.slots);
	a->u.smp.inv = carve(s, ns, sizeof *a->u.smp.inv);
	a->page = carve(s, hist_rows(u) * HIST_PAGES, sizeof *a->page);
	a->zbuf = carve(s, u->n_rows * BUF_STRIDE, sizeof *a->zbuf);
	a->met_target = carve(s, ni, sizeof *a->met_target);
	a->reached = carve(s, cells, sizeof *a->reached);
	a->met_in = carve(s, cells, sizeof *a->met_in);
	a->ck = carve(s, 3 * nk, sizeof *a->ck);
	a->final = carve(s, ni, sizeof *a->final);
	a->fbuf = carve(s, ni * BIN_BLOCK, sizeof *a->fbuf);
	a->theta = carve(s, u->nslots, sizeof *a->theta);
	a->z = carve(s, cells, sizeof *a->z);
	a->eps = carve(s, cells, sizeof *a->eps);
}

/* Copy N items of SIZE bytes from SRC to DST (either may be NULL when N
 * is 0). */
static void copy(void *dst, const void *src, size_t n, size_t size)
{
	if (n > 0)
		memcpy(dst, src, n * size);
}

static void acc_free(struct acc *a)
{
	if (a == NULL)
		return;
	free(a->pool_block);
	lt_model_ws_free(a->w);
	if (a->rng != NULL)
		gsl_rng_free(a->rng);
	lt_diag_destroy(&a->diag);
	free(a->block);
}

/* A new accumulator for one thread, or NULL when out of memory.  Called by
 * the thread that will use it, so that its memory comes from that thread's
 * own malloc arena; and everything the thread writes, or reads on every
 * draw, lies in one block with CACHE_PAD bytes free on either side (the
 * setup's arrays and the sampler copied in), so that no cache line it
 * touches in the loop can hold what another thread writes.  (The main
 * thread is one of the workers: its stack, where the setup lives, and its
 * heap are written on every draw.)  Every allocation of a run is made
 * here, before its draws: a run makes the same allocations whatever its
 * draws and their order. */
static struct acc *acc_alloc(const struct setup *u)
{
	size_t ni = u->ni, nk = u->n_ck, ns = u->smp.n_slots;
	struct slab sl = {NULL, 0};
	struct acc tmp, *a;
	void *block;

	memset(&tmp, 0, sizeof tmp);
	(void)carve(&sl, 1, sizeof tmp);
	acc_layout(&tmp, &sl, u);
	block = lt_calloc(1, sl.used + 2 * CACHE_PAD + CACHE_LINE);
	if (block == NULL)
		return NULL;
	sl.base = (char *)block + CACHE_PAD + CACHE_LINE -
	          (uintptr_t)((char *)block + CACHE_PAD) % CACHE_LINE;
	sl.used = 0;
	a = carve(&sl, 1, sizeof *a);
	a->block = block;
	a->u = *u;
	acc_layout(a, &sl, u);
	copy(a->u.sim, u->sim, ni, sizeof *u->sim);
	copy(a->u.sense, u->sense, ni, sizeof *u->sense);
	copy(a->u.tyear, u->tyear, ni, sizeof *u->tyear);
	copy(a->u.mfrom, u->mfrom, ni, sizeof *u->mfrom);
	copy(a->u.zaim, u->zaim, ni, sizeof *u->zaim);
	copy(a->u.row, u->row, ni, sizeof *u->row);
	copy(a->u.ck_k, u->ck_k, nk, sizeof *u->ck_k);
	copy(a->u.ck_i, u->ck_i, nk, sizeof *u->ck_i);
	copy(a->u.ck_value, u->ck_value, nk, sizeof *u->ck_value);
	copy(a->u.ck_z, u->ck_z, nk, sizeof *u->ck_z);
	copy(a->u.smp.slots, u->smp.slots, ns, sizeof *u->smp.slots);
	copy(a->u.smp.inv, u->smp.inv, ns, sizeof *u->smp.inv);
	copy(a->theta, u->smp.central, u->nslots, sizeof *a->theta);
	lt_diag_init(&a->diag, NULL);
	a->pool_block = lt_malloc(hist_rows(u) * LT_MC_BINS * sizeof *a->pool +
	                          2 * CACHE_PAD);
	a->pool = a->pool_block != NULL ? (uint32_t *)((char *)a->pool_block +
	                                               CACHE_PAD) : NULL;
	a->w = lt_model_ws_alloc(u->m);
	a->rng = gsl_rng_alloc(gsl_rng_mt19937);
	if (!a->pool || !a->w || !a->rng) {
		acc_free(a);
		return NULL;
	}
	return a;
}

/* The bin of logit Z.  LT_MC_ZBIN is a power of two (mc.h), so the
 * product is the exact quotient (z + ZMAX) / ZBIN, without a division's
 * latency on every count. */
static size_t bin_of(double z)
{
	double b = (z + LT_MC_ZMAX) * (1.0 / LT_MC_ZBIN);

	if (!(b > 0.0))
		return 0;
	if (b >= (double)LT_MC_BINS)
		return LT_MC_BINS - 1;
	return (size_t)b;
}

/* Add N draws to bin B of the row whose page table is PG, claiming the
 * page from A's pool at its first count (the pool has a page for every
 * page of every row, so a claim never fails). */
static void add(struct acc *a, uint32_t **pg, size_t b, uint32_t n)
{
	uint32_t **p = pg + (b >> HIST_PAGE_BITS);

	if (*p == NULL) {
		*p = a->pool + HIST_PAGE * a->n_claimed++;
		memset(*p, 0, HIST_PAGE * sizeof **p);
	}
	(*p)[b & (HIST_PAGE - 1)] += n;
}

/* Count the N logits Z[] in histogram row ROW of A. */
static void bin_row(struct acc *a, size_t row, const double *z, size_t n)
{
	uint32_t **pg = a->page + row * HIST_PAGES;
	size_t d;

	for (d = 0; d < n; d++)
		add(a, pg, bin_of(z[d]), 1);
}

/* Bin the buffered draws of A, row by row; then each checkpoint's draws
 * that meet the final target, by their value in the milestone year. */
static void flush(const struct setup *u, struct acc *a)
{
	size_t r, j, d, n = a->n_buf;

	for (r = 0; r < u->n_rows; r++)
		bin_row(a, r, a->zbuf + r * BUF_STRIDE, n);
	for (j = 0; j < u->n_ck; j++) {
		size_t k = u->ck_k[j];
		const unsigned char *fin = a->fbuf + k * BIN_BLOCK;
		const double *zy = a->zbuf + (u->row[k] + u->ck_i[j]) * BUF_STRIDE;
		uint32_t **pg = a->page + (u->n_rows + j) * HIST_PAGES;

		for (d = 0; d < n; d++)
			if (fin[d])
				add(a, pg, bin_of(zy[d]), 1);
	}
	a->n_buf = 0;
}

/* 1 when the mean of indicator K's values over year indexes FROM..TO of
 * logits Z meets its aim. */
static int mean_met(const struct setup *u, size_t k, const double *z,
                    int from, int to)
{
	const lt_indicator *ind = &u->s->indicators[k];
	double sum = 0.0;
	int i;

	for (i = from; i <= to; i++)
		sum += lt_model_value(u->m, k, (size_t)i, z[i]);
	return u->sense[k] * (sum / (double)(to - from + 1) -
	                      lt_target_aim(ind)) >= 0.0;
}

/* A target on a period's mean: one draw's logits Z of indicator K into
 * A's counts, met (and reached) only in the target year, when the mean
 * meets the aim. */
static int tally_mean(const struct setup *u, struct acc *a, size_t k,
                      const double *z, double *zb)
{
	size_t i, ty = (size_t)u->tyear[k];
	int met = mean_met(u, k, z, u->mfrom[k], u->tyear[k]);

	for (i = 0; i < u->ny; i++)
		zb[i * BUF_STRIDE] = z[i];
	if (met) {
		a->met_in[k * u->ny + ty]++;
		a->reached[k * u->ny + ty]++;
	}
	return met;
}

/* Count one draw's logits A->z into A's counts and buffer them for the
 * histograms (binned by flush). */
static void tally(const struct setup *u, struct acc *a)
{
	size_t k, i;
	int all = u->n_rows > 0, any = 0;

	for (k = 0; k < u->ni; k++) {
		const double *z = a->z + k * u->ny;
		double *zb = a->zbuf + u->row[k] * BUF_STRIDE + a->n_buf;
		int first = -1;

		if (!u->sim[k])
			continue;
		if (u->mfrom[k] >= 0) {
			any = 1;
			a->final[k] = tally_mean(u, a, k, z, zb);
			a->fbuf[k * BIN_BLOCK + a->n_buf] = (unsigned char)a->final[k];
			if (a->final[k])
				a->met_target[k]++;
			else
				all = 0;
			continue;
		}
		for (i = 0; i < u->ny; i++) {
			int met = u->sense[k] * (z[i] - u->zaim[k]) >= 0.0;

			zb[i * BUF_STRIDE] = z[i];
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
		a->fbuf[k * BIN_BLOCK + a->n_buf] = (unsigned char)a->final[k];
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
	}
	if (++a->n_buf == BIN_BLOCK)
		flush(u, a);
}

/* Draws FROM..TO-1 of chunk C into A, all binned when it returns. */
static void run_chunk(const struct setup *u, const lt_mc_opts *o, size_t c,
                      struct acc *a)
{
	size_t d, from = c * LT_MC_CHUNK, to = from + LT_MC_CHUNK;

	if (to > o->draws)
		to = o->draws;
	gsl_rng_set(a->rng, (unsigned long)lt_mc_chunk_seed(o->seed, c));
	for (d = from; d < to && a->rc == LT_OK; d++) {
		lt_mc_draw(&a->u.smp, a->rng, a->theta, a->eps);
		a->rc = lt_model_eval(u->m, a->theta, u->smp.shocks ? a->eps : NULL,
		                      a->w, a->z, NULL, &a->diag);
		if (a->rc == LT_OK)
			tally(u, a);
	}
	flush(u, a);
}

/* ---- statistics --------------------------------------------------------- */

/* The pages of histogram row ROW of A. */
static uint32_t *const *row_pages(const struct acc *a, size_t row)
{
	return a->page + row * HIST_PAGES;
}

/* The logit at fraction F (0..1: 0.5 the midpoint) of bin P·HIST_PAGE + B. */
static double bin_z(size_t p, size_t b, double f)
{
	return -LT_MC_ZMAX + LT_MC_ZBIN * ((double)(p * HIST_PAGE + b) + f);
}

/* The draws counted on each page of row PG into TOT[HIST_PAGES]. */
static void page_totals(uint32_t *const *pg, double *tot)
{
	size_t p, b;

	for (p = 0; p < HIST_PAGES; p++) {
		uint64_t t = 0;

		for (b = 0; pg[p] != NULL && b < HIST_PAGE; b++)
			t += pg[p][b];
		tot[p] = (double)t;
	}
}

/* The Q-quantile (0..1) of the histogram row PG (page totals TOT) of N
 * draws, as a logit: linear within the bin that holds rank Q·N.  Pages
 * wholly below that rank are passed by their totals: every count is an
 * integer below 2^53, so the running count is the same double as when
 * summed bin by bin. */
static double hist_quantile(uint32_t *const *pg, const double *tot, size_t n,
                            double q)
{
	double rank = q * (double)n, cum = 0.0;
	size_t p, b;

	for (p = 0; p < HIST_PAGES; p++) {
		const uint32_t *h = pg[p];

		if (h == NULL || cum + tot[p] < rank) {
			cum += tot[p];
			continue;
		}
		for (b = 0; b < HIST_PAGE; b++) {
			if (h[b] > 0 && cum + h[b] >= rank)
				return bin_z(p, b, (rank - cum) / h[b]);
			cum += h[b];
		}
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
static void checkpoint(const struct setup *u, const struct acc *a, size_t n,
                       size_t j, lt_mc_checkpoint *c)
{
	size_t k = u->ck_k[j], i = u->ck_i[j], p, b, cb, cum = 0, final = 0;
	uint32_t *const *h = row_pages(a, u->row[k] + i);
	uint32_t *const *hf = row_pages(a, u->n_rows + j);
	const size_t *ck = a->ck;
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
	for (p = 0; p < HIST_PAGES; p++)
		for (b = 0; h[p] != NULL && b < HIST_PAGE; b++) {
			if (h[p][b] == 0)
				continue;
			cb = cum * LT_MC_CURVE / n;
			tot[cb] += h[p][b];
			fin[cb] += hf[p] != NULL ? hf[p][b] : 0;
			zsum[cb] += h[p][b] * bin_z(p, b, 0.5);
			cum += h[p][b];
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

/* Quantiles and means of indicator K from the merged histograms of A. */
static void statistics(const struct setup *u, const struct acc *a, size_t n,
                       size_t k, lt_mc_indicator *x)
{
	double tot[HIST_PAGES];
	size_t i, q, p, b;

	for (i = 0; i < u->ny; i++) {
		uint32_t *const *h = row_pages(a, u->row[k] + i);
		double sum = 0.0;

		page_totals(h, tot);
		for (q = 0; q < LT_MC_NQ; q++)
			x->q[i * LT_MC_NQ + q] = lt_model_value(u->m, k, i,
			    hist_quantile(h, tot, n, lt_mc_levels[q] / 100.0));
		for (p = 0; p < HIST_PAGES; p++)
			for (b = 0; h[p] != NULL && b < HIST_PAGE; b++)
				if (h[p][b] > 0)
					sum += h[p][b] * lt_model_value(u->m, k, i,
					                                bin_z(p, b, 0.5));
		x->mean[i] = sum / (double)n;
	}
}

/* Add B's counts into A (sums of integers: any order gives the same); a
 * page only B has moves to A (B's pool lives until the run ends). */
static void merge(const struct setup *u, struct acc *a, struct acc *b)
{
	size_t j, i, np = hist_rows(u) * HIST_PAGES;

	for (j = 0; j < np; j++) {
		if (b->page[j] == NULL)
			continue;
		if (a->page[j] == NULL) {
			a->page[j] = b->page[j];
			b->page[j] = NULL;
			continue;
		}
		for (i = 0; i < HIST_PAGE; i++)
			a->page[j][i] += b->page[j][i];
	}
	for (j = 0; j < u->ni; j++)
		a->met_target[j] += b->met_target[j];
	for (j = 0; j < u->ni * u->ny; j++) {
		a->reached[j] += b->reached[j];
		a->met_in[j] += b->met_in[j];
	}
	a->met_all += b->met_all;
	for (j = 0; j < 3 * u->n_ck; j++)
		a->ck[j] += b->ck[j];
}

/* Merge the threads' counts into ACC[0] and compute the statistics into
 * OUT.  ACC[t] is NULL for a thread the team did not have. */
static int finish(const struct setup *u, struct acc **acc, int nt, size_t n,
                  lt_mc_result *out)
{
	struct acc *a = acc[0];
	size_t k, i, j;
	int t;

	for (t = 1; t < nt; t++)
		if (acc[t] != NULL)
			merge(u, a, acc[t]);
	if (result_alloc(out, u) != LT_OK)
		return LT_ENOMEM;
	out->met_all = a->met_all;
	for (j = 0; j < u->n_ck; j++)
		checkpoint(u, a, n, j, &out->checkpoints[j]);
	out->n_checkpoints = u->n_ck;
	for (k = 0; k < u->ni; k++) {
		lt_mc_indicator *x = &out->ind[k];
		size_t cum = 0;

		x->simulated = u->sim[k];
		x->has_target = u->sim[k] && u->tyear[k] >= 0;
		out->n_targets += (size_t)x->has_target;
		x->met_target = a->met_target[k];
		for (i = 0; i < u->ny; i++) {
			cum += a->reached[k * u->ny + i];
			x->reached[i] = cum;
			x->met_in[i] = a->met_in[k * u->ny + i];
		}
		if (x->simulated)
			statistics(u, a, n, k, x);
		else
			for (i = 0; i < u->ny * LT_MC_NQ; i++)
				x->q[i] = NAN;
		for (i = 0; !x->simulated && i < u->ny; i++)
			x->mean[i] = NAN;
	}
	return LT_OK;
}

/* ---- the run ------------------------------------------------------------ */

int lt_mc_check_opts(const lt_mc_opts *o, lt_diag *diag)
{
	if (o->draws < 1 || o->draws > LT_MC_MAX_DRAWS)
		LT_ERROR(diag, LT_EINVAL, "the number of draws must be from 1 to %lu "
		         "(got %zu)", LT_MC_MAX_DRAWS, o->draws);
	if (o->threads < 1)
		LT_ERROR(diag, LT_EINVAL, "the number of threads must be at least 1 "
		         "(got %d)", o->threads);
	return LT_OK;
}

void lt_mc_chunk_done(const lt_mc_opts *o, size_t *done)
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

/* Run the chunks over NT threads.  Each thread allocates its own
 * accumulator into ACC[its number] (the file comment says why), or sets
 * *NOMEM and leaves it NULL when it cannot; threads take whole chunks. */
static void run_chunks(const struct setup *u, const lt_mc_opts *o,
                       struct acc **acc, int nt, int *nomem)
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
		struct acc *a = acc[omp_get_thread_num()] = acc_alloc(u);

		if (a == NULL) {
#pragma omp atomic write
			*nomem = 1;
		}
#pragma omp for schedule(dynamic, 1)
#else
		struct acc *a = acc[0] = acc_alloc(u);

		if (a == NULL)
			*nomem = 1;
#endif
		for (c = 0; c < (long)nchunks; c++) {
			if (a == NULL || a->rc != LT_OK)
				continue;
			run_chunk(&a->u, o, (size_t)c, a);
			lt_mc_chunk_done(o, &done);
		}
	}
}

/* The first failure among the threads' accumulators ACC[NT], raised in
 * DIAG; LT_OK when none failed. */
static int thread_status(struct acc **acc, int nt, lt_diag *diag)
{
	int t;

	for (t = 0; t < nt; t++) {
		if (acc[t] == NULL || acc[t]->rc == LT_OK)
			continue;
		if (acc[t]->diag.n > 0)
			lt_error_raise(diag, acc[t]->rc, NULL, 0, "a draw: %s",
			               acc[t]->diag.items[0].msg);
		return acc[t]->rc;
	}
	return LT_OK;
}

int lt_mc_run(const lt_model *m, const lt_mc_opts *o, lt_mc_result *out,
              lt_diag *diag)
{
	struct setup u;
	struct acc **acc = NULL;
	int nt = o->threads, t, rc, nomem = 0;

	memset(out, 0, sizeof *out);
	rc = lt_mc_check_opts(o, diag);
	if (rc != LT_OK)
		return rc;
#ifndef _OPENMP
	nt = 1;
#endif
	rc = setup_init(&u, m, o->no_shocks);
	if (rc == LT_OK && (acc = lt_calloc((size_t)nt, sizeof *acc)) == NULL)
		rc = LT_ENOMEM;
	if (rc == LT_OK) {
		run_chunks(&u, o, acc, nt, &nomem);
		rc = nomem ? LT_ENOMEM : thread_status(acc, nt, diag);
	}
	if (rc == LT_ENOMEM && (nomem || acc == NULL))
		lt_error_raise(diag, LT_ENOMEM, NULL, 0, "out of memory for %d "
		               "thread%s of Monte Carlo", nt, nt == 1 ? "" : "s");
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
		acc_free(acc[t]);
	free(acc);
	setup_free(&u);
	return rc;
}
