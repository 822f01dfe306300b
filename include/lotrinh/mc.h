/* mc.h - Monte Carlo on the compiled model (DESIGN §6, docs/MODEL.md).
 *
 * N draws of the registry's uncertain parameters (every slot whose
 * distribution is not a plain number, drawn by inversion,
 * lt_param_quantile) and, when some indicator has a shock σ > 0, of the
 * yearly shocks (standard normals, Ziggurat).  Each draw is one
 * allocation-free evaluation of the compiled model (model.h).
 *
 * Reproducible and identical whatever the number of threads: the draws are
 * cut into chunks of LT_MC_CHUNK, and chunk c draws from its own MT19937
 * generator seeded from (seed, c) by SplitMix64, so a draw depends on the
 * seed and its index only.  Threads (OpenMP) take whole chunks; every
 * statistic is a count (integer sums are exact in any order), so merging
 * the threads' counts gives the same numbers bit for bit for any --threads.
 *
 * Memory does not grow with N: per thread and per (simulated indicator,
 * year) one histogram of the logit z on LT_MC_BINS fixed bins over
 * [-LT_MC_ZMAX, LT_MC_ZMAX] (values past it fall in the end bins; they lie
 * within (U − L)·e^-ZMAX of a bound), stored in pages that are written
 * only once a draw falls in them: at most LT_MC_BINS · 4 bytes a
 * histogram, in practice a few 4 KB pages.  Quantiles interpolate
 * linearly within a bin; since y = L + (U − L)·logistic(z) has slope at
 * most (U − L)/4 in z, a quantile's error is at most (U − L)/4 · bin width
 * (LT_MC_ZBIN = 2^-11), 0.0122 points for a 0-100 indicator, plus
 * (U − L)·e^-ZMAX (1.1e-7 (U − L)).
 * The mean is taken from the same histogram (bin midpoints), with the same
 * bound.  Probabilities are exact counts over the draws; their Monte Carlo
 * standard error is sqrt(p(1 − p)/N).
 */
#ifndef LT_MC_H
#define LT_MC_H

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#include "lotrinh/error.h"
#include "lotrinh/model.h"
#include "lotrinh/param.h"

/* Draws a chunk: one generator each.  Fixed, so results never depend on
 * the number of threads; large enough that seeding costs nothing. */
#define LT_MC_CHUNK 4096
/* Histogram bins and range of the logit (see the file comment).  The bin
 * width is a power of two, 2^-11, so a logit's bin is an exact product
 * (mc.c); ±16 in the logit is within 1.1e-7 of the range of either bound. */
#define LT_MC_BINS 65536
#define LT_MC_ZMAX 16.0
#define LT_MC_ZBIN (2.0 * LT_MC_ZMAX / LT_MC_BINS)
/* Most draws a run takes: the per-thread bin counts are 32-bit. */
#define LT_MC_MAX_DRAWS 2000000000UL

/* The quantiles reported, in percent. */
#define LT_MC_NQ 7
extern const double lt_mc_levels[LT_MC_NQ];

typedef struct lt_mc_opts {
	size_t draws;      /* N >= 1 */
	uint64_t seed;
	int threads;       /* >= 1; more than the machine has is allowed */
	int no_shocks;     /* 1: draw the parameters only */
	/* called now and then from the main thread with the draws done so
	 * far (NULL: none); its return value is ignored */
	void (*progress)(size_t done, size_t total, void *data);
	void *progress_data;
} lt_mc_opts;

/* One indicator's results. */
typedef struct lt_mc_indicator {
	int simulated;        /* 0: ranks and indicators the model cannot run */
	int has_target;       /* its target year lies on the grid */
	double *q;            /* [ny * LT_MC_NQ] quantiles of the value */
	double *mean;         /* [ny] */
	size_t met_target;    /* draws meeting the target in its year */
	size_t *reached;      /* [ny] draws that have met it in some year <= Y */
	size_t *met_in;       /* [ny] draws whose value in year Y meets it */
} lt_mc_indicator;

/* Coarse bins of the checkpoint curve: each holds about 1/LT_MC_CURVE of
 * the draws (by rank of the milestone-year value). */
#define LT_MC_CURVE 20

/* A mid-term checkpoint: a milestone year Y before the target year, and
 * what the draws say about the final target given the value in Y. */
typedef struct lt_mc_checkpoint {
	size_t k;             /* the indicator */
	int year;
	double milestone;     /* the roadmap's value for Y */
	size_t met;           /* draws meeting the milestone in Y */
	size_t met_final;     /* ... that also meet the final target */
	size_t missed_final;  /* draws missing the milestone but meeting it */
	/* P(final target | value in Y) on coarse bins: each point the mean
	 * value of its draws in Y and the share of them meeting the target */
	size_t n_curve;
	double curve_value[LT_MC_CURVE], curve_p[LT_MC_CURVE];
	/* the value in Y at which that probability reaches 50 %, interpolated
	 * between the two bins around it; NAN when it does not cross: then
	 * crossing_side is -1 (below 50 % at every value seen), +1 (at or
	 * above it everywhere) or 0 (the final target is met in none or in all
	 * draws: nothing to condition on) */
	double crossing;
	int crossing_side;
} lt_mc_checkpoint;

typedef struct lt_mc_result {
	size_t draws, ny, ni;
	int t0, shocks;       /* shocks: 1 when yearly shocks were drawn */
	size_t n_uncertain;   /* registry slots drawn */
	size_t met_all;       /* draws meeting every simulated target */
	size_t n_targets;     /* simulated indicators with a target on the grid */
	lt_mc_indicator *ind; /* [ni] */
	size_t n_checkpoints;
	lt_mc_checkpoint *checkpoints; /* milestone years before each target */
} lt_mc_result;

/* How one draw is made, shared by every engine that draws (Monte Carlo,
 * solve --probability, sensitivity), so that the same seed gives the same
 * draws everywhere: each uncertain slot (dist not LT_DIST_FIXED), in
 * registry order, by inversion of one uniform (lt_param_inv_quantile,
 * the same number as lt_param_quantile); then, when SHOCKS, the
 * yearly shocks ε[k·ny + i] as standard normals (Ziggurat). */
typedef struct lt_mc_sampler {
	const lt_model *m;
	size_t nslots;        /* θ's length */
	size_t *slots;        /* [n_slots] the slots drawn */
	size_t n_slots;
	int shocks;           /* some σ > 0 (and shocks not turned off) */
	size_t n_eps;         /* indicators × years */
	double *central;      /* [nslots] the central θ, for slots not drawn */
	lt_param_inv *inv;    /* [n_slots] each drawn slot's inverse CDF, made
	                         once (the same draws as lt_param_quantile) */
} lt_mc_sampler;

/* Set up P for M; NO_SHOCKS 1 draws the parameters only.  LT_OK or
 * LT_ENOMEM.  Release with lt_mc_sampler_destroy. */
int lt_mc_sampler_init(lt_mc_sampler *p, const lt_model *m, int no_shocks);
void lt_mc_sampler_destroy(lt_mc_sampler *p);

/* One draw from RNG into THETA (its drawn slots; the others are left as
 * they are: start from P->central) and, when P->shocks, EPS [n_eps]. */
void lt_mc_draw(const lt_mc_sampler *p, gsl_rng *rng, double *theta,
                double *eps);

/* LT_OK when O's draws (1 to LT_MC_MAX_DRAWS) and threads (at least 1)
 * can run; else LT_EINVAL with the reason in DIAG. */
int lt_mc_check_opts(const lt_mc_opts *o, lt_diag *diag);

/* Inside a parallel run of chunks: count one more chunk of LT_MC_CHUNK
 * draws done in *DONE (atomically) and, on the main thread, tell O's
 * progress callback how many of O->draws are done. */
void lt_mc_chunk_done(const lt_mc_opts *o, size_t *done);

/* Run Monte Carlo on compiled model M (its schedule, its registry) into
 * *OUT (free with lt_mc_result_destroy).  Returns LT_OK; LT_EINVAL for bad
 * options or a draw outside the model's domain (message in DIAG);
 * LT_ENOMEM; LT_ENOCONV when the ODE fails on a draw. */
int lt_mc_run(const lt_model *m, const lt_mc_opts *o, lt_mc_result *out,
              lt_diag *diag);
void lt_mc_result_destroy(lt_mc_result *r);

/* A probability from COUNT of N draws and its Monte Carlo standard error
 * sqrt(p(1 − p)/N) into *SE. */
double lt_mc_prob(size_t count, size_t n, double *se);

/* The seed of chunk C's generator: SplitMix64 of SEED and C (Steele, Lea
 * and Flood 2014), so neighbouring chunks get unrelated streams. */
uint64_t lt_mc_chunk_seed(uint64_t seed, uint64_t c);

#endif /* LT_MC_H */
