/* fuzz_scenario.c - libFuzzer entry point for the scenario loader.
 *
 * Looks only for crashes, leaks and undefined behaviour (the binary is built
 * with ASan and UBSan by `make fuzz`), as SQLite's fuzzcheck does: any input
 * must give either a scenario or a list of errors.  Every crash it finds
 * becomes a file in tests/data/bad/ with its pinned message.
 */
#include <gsl/gsl_errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/config.h"
#include "lotrinh/error.h"
#include "lotrinh/scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	lt_scenario *s = NULL;
	lt_diag d;

	/* as main() does: GSL reports errors by status, never aborts */
	gsl_set_error_handler_off();

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	lt_diag_init(&d, "fuzz.cfg");
	if (lt_scenario_parse(&s, text, "fuzz.cfg", &d) == LT_OK && s == NULL)
		abort(); /* success must give a scenario */
	if (s == NULL && lt_diag_count(&d) == 0)
		abort(); /* failure must say why */
	lt_scenario_free(s);
	lt_diag_destroy(&d);
	free(text);
	return 0;
}
