/* fuzz_csv.c - libFuzzer entry point for the CSV reader and the fitter.
 *
 * Any text must give either data or errors; any data the reader accepts
 * must go through every model of the fitter (automatic starting values,
 * then prediction) without a crash, undefined behaviour or leak.
 */
#include <gsl/gsl_errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "lotrinh/csv.h"
#include "lotrinh/fit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	double *x = NULL, *y = NULL;
	size_t n = 0;
	int m;

	/* as main() does: GSL reports errors by status, never aborts */
	gsl_set_error_handler_off();

	if (lt_csv_parse_xy((const char *)data, size, "fuzz.csv", &x, &y, &n,
	                    NULL) == LT_OK && n <= 64) {
		for (m = 0; m < LT_FIT_COUNT; m++) {
			lt_fit f;
			double v, se;

			if (lt_fit_run((lt_fit_model)m, x, y, n, NULL, &f, NULL) == LT_OK)
				lt_fit_predict(&f, x[0] + 1.0, &v, &se);
		}
	}
	free(x);
	free(y);
	return 0;
}
