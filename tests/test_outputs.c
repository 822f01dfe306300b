/* test_outputs.c - properties every command's output must have, on every
 * shipped scenario and fixture, in every format: no nan or inf anywhere
 * (a value that cannot be computed is missing, and says so), exit 0, CSV
 * as one RFC 4180 table (CRLF line ends, no blank record) and JSON that
 * parses to an object.
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

/* Check one run of CMD in format K (0 table, 1 csv, 2 json) on WHAT. */
static void check_run(const struct run *r, const char *cmd, size_t k,
                      const char *what)
{
	cr_expect_eq(r->status, 0, "%s %s: %s", cmd, what, r->err);
	cr_expect_not(has_non_finite(r->out), "%s %s", cmd, what);
	if (r->status != 0)
		return;
	if (k == 1)
		cr_expect(strstr(r->out, "\r\n") != NULL &&
		          strstr(r->out, "\n\r\n") == NULL, "%s %s: CSV", cmd, what);
	if (k == 2) {
		json_t *j = json_loads(r->out, 0, NULL);

		cr_expect(json_is_object(j), "%s %s: JSON", cmd, what);
		json_decref(j);
	}
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
				check_run(&r, commands[c], k, files[f]);
				run_free(&r);
			}
	}
	cr_expect_eq(runs, 6 * 15);
}

/* fit, in every format, on the NIST data with a prediction. */
Test(outputs, fit_in_every_format)
{
	size_t k;

	for (k = 0; k < sizeof formats / sizeof *formats; k++) {
		struct run r = run_cli("fit", "--model", "linear", "--predict", "3",
		                       "--format", formats[k],
		                       "tests/data/nist/rat42.csv");

		check_run(&r, "fit", k, formats[k]);
		run_free(&r);
	}
}

/* show in Vietnamese, every format. */
Test(outputs, show_vi_in_every_format)
{
	size_t k;

	for (k = 0; k < sizeof formats / sizeof *formats; k++) {
		struct run r = run_cli("show", "--lang", "vi", "--format", formats[k],
		                       "scenarios/long_an.cfg");

		check_run(&r, "show --lang vi", k, formats[k]);
		run_free(&r);
	}
}

/* simulate with Monte Carlo, every format and scenario: the probabilities
 * of targets met in no draw or in all of them print as words or numbers,
 * never as nan. */
Test(outputs, monte_carlo_in_every_format)
{
	size_t f, k;

	for (f = 0; f < sizeof files / sizeof *files; f++)
		for (k = 0; k < sizeof formats / sizeof *formats; k++) {
			struct run r = run_cli("simulate", "--draws", "2000", "--format",
			                       formats[k], files[f]);

			check_run(&r, "simulate --draws", k, files[f]);
			run_free(&r);
		}
}

/* solve --probability, every format and scenario: targets no share
 * reaches, met in no draw or in all of them, at the ceiling, print as
 * words or blanks, never as nan. */
Test(outputs, solve_probability_in_every_format)
{
	size_t f, k;

	for (f = 0; f < sizeof files / sizeof *files; f++)
		for (k = 0; k < sizeof formats / sizeof *formats; k++) {
			struct run r = run_cli("solve", "--probability", "0.8", "--draws",
			                       "2000", "--format", formats[k], files[f]);

			check_run(&r, "solve --probability", k, files[f]);
			run_free(&r);
		}
}

/* sens in every format on every scenario (small samples): flat outcomes,
 * "not reachable" shares and parameters without effect print as words or
 * empty fields, never as nan. */
Test(outputs, sens_in_every_format)
{
	size_t f, k;

	for (f = 0; f < sizeof files / sizeof *files; f++)
		for (k = 0; k < sizeof formats / sizeof *formats; k++) {
			struct run r = run_cli("sens", "--samples", "128", "--bootstrap",
			                       "20", "--threads", "2", "--format",
			                       formats[k], files[f]);

			check_run(&r, "sens", k, files[f]);
			run_free(&r);
		}
}
