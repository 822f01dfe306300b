/* test_outputs.c - properties every command's output must have, on every
 * shipped scenario and fixture, in every format: no nan or inf anywhere
 * (a value that cannot be computed is missing, and says so), exit 0, and
 * JSON that parses.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <regex.h>
#include <string.h>

#include "helpers.h"

/* 1 when TEXT holds "nan" or "inf" as a word (any case, any sign), as
 * printf writes them; "financing" or "infrastructure" do not count. */
static int has_non_finite(const char *text)
{
	regex_t re;
	int found;

	cr_assert_eq(regcomp(&re, "(^|[^a-z])(nan|inf|infinity)([^a-z]|$)",
	                     REG_EXTENDED | REG_ICASE | REG_NOSUB), 0);
	found = regexec(&re, text, 0, NULL, 0) == 0;
	regfree(&re);
	return found;
}

Test(outputs, detector)
{
	cr_expect(has_non_finite("x = -nan"));
	cr_expect(has_non_finite("1,inf,2"));
	cr_expect(has_non_finite("NaN"));
	cr_expect(has_non_finite("-Infinity"));
	cr_expect_not(has_non_finite("co-financing and infrastructure"));
}

static const char *const files[] = {
	"scenarios/long_an.cfg", "scenarios/an_giang.cfg",
	"scenarios/dong_thap.cfg", "tests/data/good/full.cfg",
	"tests/data/good/audit.cfg", "tests/data/good/demo.cfg",
};

static const char *const commands[] = {"show", "audit", "paths", "simulate",
                                       "solve"};
static const char *const formats[] = {"table", "csv", "json"};

Test(outputs, no_nan_or_inf_in_any_command)
{
	size_t f, c, k, runs = 0;

	for (f = 0; f < sizeof files / sizeof *files; f++) {
		for (c = 0; c < sizeof commands / sizeof *commands; c++)
			for (k = 0; k < sizeof formats / sizeof *formats; k++) {
				struct run r = run_cli(commands[c], "--format", formats[k],
				                       files[f]);

				runs++;
				cr_expect_eq(r.status, 0, "%s --format %s %s: %s",
				             commands[c], formats[k], files[f], r.err);
				cr_expect_not(has_non_finite(r.out), "%s --format %s %s",
				              commands[c], formats[k], files[f]);
				if (k == 2 && r.status == 0) {
					json_t *j = json_loads(r.out, 0, NULL);

					cr_expect(j != NULL, "%s %s: JSON does not parse",
					          commands[c], files[f]);
					json_decref(j);
				}
				run_free(&r);
			}
	}
	cr_expect_eq(runs, 6 * 15);
}
