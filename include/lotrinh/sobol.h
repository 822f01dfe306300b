/* sobol.h - first-order and total Sobol indices of any function of a unit
 * hypercube (DESIGN §6, docs/MODEL.md "Sensitivity").
 *
 * The function f maps a point u of (0, 1)^M to n_out outputs.  Its M
 * coordinates are cut into D factors, each covering `width` consecutive
 * coordinates; a factor wider than one is a group (as SALib's groups): its
 * index is the share of variance its coordinates explain together.
 *
 * Sampling (Saltelli 2002; Saltelli et al. 2010, Comput. Phys. Commun.
 * 181:259-270, section 3): two base matrices A and B of N rows each, and
 * for each factor i the matrix AB_i, A with factor i's columns taken from
 * B: N·(D + 2) evaluations.  The rows are pseudo-random (MT19937), not a
 * Sobol sequence as in SALib: every estimator below is unbiased for
 * independent uniform rows, the bootstrap's resampling of rows assumes
 * exactly that independence, and a group may have any width.  The rows
 * are cut into chunks of LT_SOBOL_CHUNK; chunk c draws from its own
 * generator seeded with lt_mc_chunk_seed(seed, c) (each row: A's M
 * uniforms, then B's), so a row depends on the seed and its index only,
 * and OpenMP threads take whole chunks.
 *
 * Estimators, exactly as SALib's analyze/sobol.py (version 1.4): each
 * output is first standardised by the mean and standard deviation of all
 * its N·(D + 2) values (the indices are ratios and do not change, but the
 * first-order estimator's variance does: it grows with the square of the
 * outputs' mean); then, with V the variance (ddof 0) of the 2N values of
 * [f_A; f_B],
 *     S_i  = mean(f_B·(f_ABi − f_A)) / V        (Saltelli et al. 2010, b)
 *     ST_i = mean((f_A − f_ABi)²) / (2V)        (Jansen 1999)
 * and a 95 % confidence half-width by bootstrap (Efron and Tibshirani
 * 1993): R resamples of the N rows with replacement, each giving S_i and
 * ST_i with its own V, and conf = z_0.975·sd (ddof 1) of the R values
 * (SALib's conf_level = 0.95).  Resample r draws its rows from an MT19937
 * seeded with lt_mc_chunk_seed(seed, LT_SOBOL_BOOT_STREAM + r).  The
 * estimates are formed serially in row order and the resamples each in
 * their own order, so the results are the same bit for bit for any
 * number of threads.
 *
 * Accuracy: both estimators are unbiased; their standard error is
 * sd(term)/(V·sqrt(N)), term = f_B·(f_ABi − f_A) or (f_A − f_ABi)²/2, i.e.
 * O(1/sqrt(N)); the bootstrap half-width estimates 1.96 of it.  An index
 * may come out slightly below 0 or above 1 by that error.
 *
 * An output that does not vary over [f_A; f_B] (SALib's test: its range
 * is 0; or at most a tolerance the caller gives for it, such as the error
 * of the computation behind it) has no indices: it is reported as
 * degenerate.
 *
 * Memory: every output of every evaluation is kept, 8·N·(D + 2)·n_out
 * bytes (the bootstrap resamples rows), at most LT_SOBOL_MAX_VALUES
 * doubles; N is at most LT_SOBOL_MAX_N.
 */
#ifndef LT_SOBOL_H
#define LT_SOBOL_H

#include <stddef.h>
#include <stdint.h>

#include "lotrinh/error.h"

/* Rows a chunk: one generator each.  Fixed, so results never depend on the
 * number of threads; 256 rows are 256·(D + 2) evaluations, enough to make
 * seeding free, and N = 4096 still gives 16 chunks to share out. */
#define LT_SOBOL_CHUNK 256
/* Fewest and most base rows.  Two rows are the least for which a variance
 * and a bootstrap exist (a command asks for more, see docs/CLI.md). */
#define LT_SOBOL_MIN_N 2
#define LT_SOBOL_MAX_N (1UL << 20)
/* Most outputs kept, 2^27 doubles (1 GiB): Long An at N = 2^20 with every
 * target (16 evaluations of 10 outputs a row) needs 1.3 GiB. */
#define LT_SOBOL_MAX_VALUES (1UL << 27)
/* Most bootstrap resamples; 0 gives no confidence intervals, 1 is refused
 * (a standard deviation needs two). */
#define LT_SOBOL_MAX_BOOTSTRAP 10000
/* The generator stream of resample r is LT_SOBOL_BOOT_STREAM + r, far past
 * any chunk number (LT_SOBOL_MAX_N / LT_SOBOL_CHUNK = 4096 chunks). */
#define LT_SOBOL_BOOT_STREAM (1ULL << 32)
/* The confidence level of the bootstrap intervals (SALib's default). */
#define LT_SOBOL_CONF 0.95

/* The function and its factors. */
typedef struct lt_sobol_problem {
	size_t n_factors;        /* D >= 1 */
	const size_t *width;     /* [D] coordinates of each factor, each >= 1 */
	size_t n_out;            /* outputs of one evaluation, >= 1 */
	/* Evaluate at U[M] (M the sum of the widths, every u in (0, 1)) into
	 * OUT[n_out] with the thread's context CTX; return LT_OK or an error
	 * recorded in DIAG (which stops the run).  Every output must be
	 * finite. */
	int (*eval)(void *ctx, const double *u, double *out, lt_diag *diag);
	/* A context for one thread from DATA (NULL when out of memory), and
	 * its release (NULL does nothing); ctx_alloc NULL: CTX is DATA. */
	void *(*ctx_alloc)(void *data);
	void (*ctx_free)(void *ctx);
	void *data;
	/* [n_out] an output whose range over [f_A; f_B] is at most FLAT[o] is
	 * degenerate (NULL: only a range of 0) */
	const double *flat;
} lt_sobol_problem;

typedef struct lt_sobol_opts {
	size_t n;            /* base rows N, LT_SOBOL_MIN_N..LT_SOBOL_MAX_N */
	size_t bootstrap;    /* resamples R: 0 (no intervals) or 2..MAX */
	uint64_t seed;
	int threads;         /* >= 1 */
	/* called now and then from the main thread with the evaluations done
	 * so far (NULL: none) */
	void (*progress)(size_t done, size_t total, void *data);
	void *progress_data;
} lt_sobol_opts;

/* One output's indices. */
typedef struct lt_sobol_output {
	int degenerate;      /* 1: flat over [f_A; f_B]: no indices */
	double mean, sd;     /* of the output over the 2N rows of A and B
	                        (sd with ddof 0), in its own units */
	double *s1, *st;     /* [D] first-order and total indices; NAN when
	                        degenerate */
	double *s1_conf, *st_conf; /* [D] 95 % half-widths; NAN when
	                        degenerate or without bootstrap */
} lt_sobol_output;

typedef struct lt_sobol_result {
	size_t n, n_factors, n_out, dim; /* N, D, outputs, M */
	size_t evaluations;              /* N·(D + 2) */
	size_t bootstrap;
	uint64_t seed;
	lt_sobol_output *out;            /* [n_out] */
} lt_sobol_result;

/* Estimate the indices of problem P with options O into *OUT (free with
 * lt_sobol_result_destroy; zeroed on failure).  Returns LT_OK; LT_EINVAL
 * for a bad problem or options (N, R, threads out of range; the outputs
 * over LT_SOBOL_MAX_VALUES), or a non-finite output; LT_ENOMEM; or the
 * first error an evaluation returned (messages in DIAG). */
int lt_sobol_run(const lt_sobol_problem *p, const lt_sobol_opts *o,
                 lt_sobol_result *out, lt_diag *diag);
void lt_sobol_result_destroy(lt_sobol_result *r);

/* The outputs N base rows of D factors with N_OUT outputs keep
 * (N·(D + 2)·N_OUT doubles), or SIZE_MAX when that overflows. */
size_t lt_sobol_values(size_t n, size_t n_factors, size_t n_out);

/* The z of the bootstrap intervals: the (1 + LT_SOBOL_CONF)/2 quantile of
 * the standard normal, 1.959964. */
double lt_sobol_z(void);

#endif /* LT_SOBOL_H */
