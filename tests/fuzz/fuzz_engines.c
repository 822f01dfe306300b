/* fuzz_engines.c - libFuzzer entry point for everything after the loader.
 *
 * Any scenario the loader accepts must go through every engine without a
 * crash, undefined behaviour or leak: the audit, the path families, the
 * progress measures, the model and the inverse questions.  Inputs the
 * loader refuses are skipped (fuzz_scenario.c covers them).
 */
#include <math.h>
#include <gsl/gsl_errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/config.h"
#include "lotrinh/audit.h"
#include "lotrinh/paths.h"
#include "lotrinh/scenario.h"
#include "lotrinh/simulate.h"
#include "lotrinh/solve.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The product's own engines, as the commands call them. */
static void engines(const lt_scenario *s)
{
	lt_simulation sim;
	lt_solve_report rep;
	lt_paths *p = NULL;

	if (lt_paths_run(s, NULL, 0, &p, NULL) == LT_OK)
		lt_paths_free(p);
	if (lt_simulate_run(s, NULL, &sim, NULL) == LT_OK)
		lt_simulation_destroy(&sim);
	if (lt_solve_run(s, &rep, NULL) == LT_OK)
		lt_solve_report_destroy(&rep);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void paths(const lt_scenario *s)
{
	size_t k, f;

	for (k = 0; k < s->n_indicators; k++) {
		const lt_indicator *ind = &s->indicators[k];
		lt_path_spec spec;

		memset(&spec, 0, sizeof spec);
		spec.t0 = ind->baseline_year;
		spec.t1 = ind->target.year;
		spec.y0 = ind->baseline;
		spec.y1 = ind->target.is_range ? ind->target.min : ind->target.value;
		spec.lo = ind->has_floor ? ind->floor : -HUGE_VAL;
		spec.hi = ind->has_ceiling ? ind->ceiling : HUGE_VAL;
		spec.knots = ind->milestones.pts;
		while (spec.n_knots < ind->milestones.n &&
		       ind->milestones.pts[spec.n_knots].year <= spec.t1)
			spec.n_knots++;
		for (f = 0; f < LT_PATH_KINDS; f++) {
			lt_path p;

			if (lt_path_init(&p, spec.t0, spec.t1) == LT_OK)
				lt_path_build((lt_path_kind)f, &spec, &p, NULL);
			lt_path_destroy(&p);
		}
	}
}

static void model(const lt_scenario *s)
{
	lt_model_values v;
	lt_sim sim;
	size_t k;

	if (lt_model_values_init(&v, s, NULL) != LT_OK)
		return;
	if (lt_sim_init(&sim, s) == LT_OK) {
		lt_model_run(s, &v, NULL, LT_METHOD_AUTO, 0.0, &sim, NULL);
		lt_sim_destroy(&sim);
	}
	for (k = 0; k < s->n_indicators && k < 4; k++) {
		lt_share_result r;
		double b;

		lt_solve_share(s, &v, k, &r, NULL);
		lt_solve_beta(s, &v, NULL, k, &b, NULL);
	}
	lt_model_values_destroy(&v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	lt_scenario *s = NULL;
	lt_audit a;

	/* as main() does: GSL reports errors by status, never aborts */
	gsl_set_error_handler_off();

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (lt_scenario_parse(&s, text, "fuzz.cfg", NULL) == LT_OK) {
		lt_audit_init(&a);
		lt_audit_run(s, &a, NULL);
		lt_audit_destroy(&a);
		engines(s);
		lt_scenario_free(s);
	}
	free(text);
	return 0;
}
