/* agree.h - lotrinh's Monte Carlo against the NumPy program's (agree.c). */
#ifndef LT_BENCH_AGREE_H
#define LT_BENCH_AGREE_H

#include <stddef.h>

#include "lotrinh/mc.h"
#include "lotrinh/model.h"

/* The outcome of a comparison. */
typedef struct lt_bench_agreement {
	size_t n_prob;        /* probabilities compared */
	size_t n_quant;       /* quantiles compared */
	size_t n_bad;         /* of them, outside their tolerance */
	double worst;         /* the largest |difference| / tolerance */
	char worst_what[160]; /* which statistic that was */
} lt_bench_agreement;

/* Compare lotrinh's result R of model M with the NumPy program's output
 * in the JSON file PATH (bench/numpy_mc.py --out), into *A: each target's
 * probability and each year-reached probability within 4 standard errors
 * of the difference of two independent estimates; each quantile within
 * lotrinh's bound (mc.h: (U − L)/4 · LT_MC_ZBIN + (U − L)·e^-LT_MC_ZMAX)
 * plus 4 standard errors of the difference (√2 times NumPy's own).
 * Returns 0, or -1 with a message in ERR[NERR] when PATH cannot be read or
 * names an indicator M does not simulate. */
int lt_bench_agree(const lt_model *m, const lt_mc_result *r, const char *path,
                   lt_bench_agreement *a, char *err, size_t nerr);

#endif /* LT_BENCH_AGREE_H */
