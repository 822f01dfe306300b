/* fuzz_engines.c - libFuzzer entry point for everything after the loader.
 *
 * Any scenario the loader accepts must go through every engine without a
 * crash, undefined behaviour or leak: the audit, the path families, the
 * progress measures, the model, the inverse questions, and the engines
 * that draw (Monte Carlo, solve --probability, sens) with few draws, so
 * each input stays fast.  Inputs the
 * loader refuses are skipped (fuzz_scenario.c covers them).
 */
#include <gsl/gsl_errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/config.h"
#include "lotrinh/audit.h"
#include "lotrinh/paths.h"
#include "lotrinh/mc.h"
#include "lotrinh/scenario.h"
#include "lotrinh/sens.h"
#include "lotrinh/simulate.h"
#include "lotrinh/solve.h"
#include "lotrinh/solve_mc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The engines that draw, with few draws and one thread. */
static void drawing_engines(const lt_scenario *s)
{
	lt_mc_opts mo = {.draws = 64, .seed = 1, .threads = 1};
	lt_sens_opts so = {.sobol = 1, .samples = 64, .bootstrap = 10,
	                   .seed = 1, .threads = 1};
	lt_mc_result mr;
	lt_solve_mc_result pr;
	lt_sens_result sr;

	if (lt_simulate_mc(s, NULL, &mo, &mr, NULL) == LT_OK)
		lt_mc_result_destroy(&mr);
	if (lt_solve_mc_run(s, &mo, &pr, NULL) == LT_OK)
		lt_solve_mc_result_destroy(&pr);
	if (lt_sens_run(s, NULL, NULL, 0, &so, &sr, NULL) == LT_OK)
		lt_sens_result_destroy(&sr);
}

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
	drawing_engines(s);
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
