/* agree.c - lotrinh's Monte Carlo against the NumPy program's.
 *
 * The two draw different random numbers, so they agree to Monte Carlo
 * accuracy, not digit for digit: a probability estimated twice from N1
 * and N2 independent draws differs by a normal error of variance
 * p1(1 − p1)/N1 + p2(1 − p2)/N2, and a sample quantile has standard error
 * sqrt(p(1 − p)/N)/f(x_p) (asymptotically normal; Serfling, Approximation
 * Theorems of Mathematical Statistics, 1980, sec. 2.3.3), estimated by the
 * NumPy program from its own quantiles.  Four standard errors make a false
 * alarm unlikely (6e-5 per statistic), yet catch any mistake in the model
 * or the statistics that is larger than the sampling noise.
 */
#include "agree.h"
#include "export.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Standard errors of the tolerances (see the file comment). */
#define AGREE_Z 4.0

/* Record one comparison of GOT against WANT with tolerance TOL. */
static void check(lt_bench_agreement *a, double got, double want, double tol,
                  const char *what)
{
	double d = fabs(got - want), ratio;

	ratio = d == 0.0 ? 0.0 : tol > 0.0 ? d / tol : HUGE_VAL;
	if (ratio > 1.0 || isnan(got) || isnan(want))
		a->n_bad++;
	if (ratio > a->worst || isnan(ratio)) {
		a->worst = ratio;
		snprintf(a->worst_what, sizeof a->worst_what, "%s: %.6g vs %.6g",
		         what, got, want);
	}
}

/* Tolerance of the difference of two probabilities P1 of N1 draws and P2
 * of N2. */
static double prob_tol(double p1, size_t n1, double p2, size_t n2)
{
	return AGREE_Z * sqrt(p1 * (1.0 - p1) / (double)n1 +
	                      p2 * (1.0 - p2) / (double)n2);
}

/* The index of the indicator ID among M's, or -1. */
static int find(const lt_model *m, const char *id)
{
	const lt_scenario *s = lt_model_scenario(m);
	size_t k;

	for (k = 0; k < s->n_indicators; k++)
		if (strcmp(s->indicators[k].id, id) == 0 && lt_model_dynamic(m, k,
		                                                              NULL))
			return (int)k;
	return -1;
}

/* Compare indicator K's probabilities with the NumPy entry E of ND draws. */
static void probabilities(const lt_model *m, const lt_mc_result *r, size_t k,
                          json_t *e, size_t nd, lt_bench_agreement *a)
{
	const lt_mc_indicator *x = &r->ind[k];
	const char *id = lt_model_scenario(m)->indicators[k].id;
	json_t *reached = json_object_get(e, "reached");
	char what[120];
	double p;
	size_t i;

	if (!x->has_target || json_object_get(e, "p_target") == NULL)
		return;
	p = (double)x->met_target / (double)r->draws;
	snprintf(what, sizeof what, "P(target) of %s", id);
	check(a, p, json_number_value(json_object_get(e, "p_target")),
	      prob_tol(p, r->draws, json_number_value(json_object_get(e,
	               "p_target")), nd), what);
	a->n_prob++;
	for (i = 0; i < r->ny && i < json_array_size(reached); i++) {
		double q = json_number_value(json_array_get(reached, i));

		p = (double)x->reached[i] / (double)r->draws;
		snprintf(what, sizeof what, "P(met by %d) of %s", r->t0 + (int)i, id);
		check(a, p, q, prob_tol(p, r->draws, q, nd), what);
		a->n_prob++;
	}
}

/* Compare indicator K's quantiles with the NumPy entry E. */
static void quantiles(const lt_model *m, const lt_mc_result *r, size_t k,
                      json_t *e, lt_bench_agreement *a)
{
	const lt_mc_indicator *x = &r->ind[k];
	const char *id = lt_model_scenario(m)->indicators[k].id;
	json_t *q = json_object_get(e, "q"), *se = json_object_get(e, "q_se");
	double width = lt_model_value(m, k, r->ny - 1, HUGE_VAL) -
	               lt_model_value(m, k, r->ny - 1, -HUGE_VAL);
	double bound = width / 4.0 * LT_MC_ZBIN + width * exp(-LT_MC_ZMAX);
	char what[120];
	size_t i, j;

	for (i = 0; i < r->ny && i < json_array_size(q); i++)
		for (j = 0; j < LT_MC_NQ; j++) {
			double want = json_number_value(json_array_get(json_array_get(q, i),
			                                             j));
			double s = json_number_value(json_array_get(json_array_get(se, i),
			                                          j));

			snprintf(what, sizeof what, "%g %% quantile of %s in %d",
			         lt_mc_levels[j], id, r->t0 + (int)i);
			check(a, x->q[i * LT_MC_NQ + j], want, bound + AGREE_Z *
			      sqrt(2.0) * fabs(s) + 1e-12 * width, what);
			a->n_quant++;
		}
}

int lt_bench_agree(const lt_model *m, const lt_mc_result *r, const char *path,
                   lt_bench_agreement *a, char *err, size_t nerr)
{
	json_error_t je;
	json_t *doc = json_load_file(path, 0, &je), *inds, *e;
	size_t i, nd;
	int k;

	memset(a, 0, sizeof *a);
	if (doc == NULL)
		return lt_bench_fail(err, nerr, "%s: %s", path, je.text);
	nd = (size_t)json_integer_value(json_object_get(doc, "draws"));
	inds = json_object_get(doc, "indicators");
	json_array_foreach(inds, i, e) {
		const char *id = json_string_value(json_object_get(e, "id"));

		k = id != NULL ? find(m, id) : -1;
		if (k < 0 || nd == 0) {
			json_decref(doc);
			return lt_bench_fail(err, nerr, "%s: indicator %zu ('%s') is not one "
			            "lotrinh simulates", path, i, id ? id : "?");
		}
		probabilities(m, r, (size_t)k, e, nd, a);
		quantiles(m, r, (size_t)k, e, a);
	}
	json_decref(doc);
	return 0;
}
