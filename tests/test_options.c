/* test_options.c - the options of the commands that run the model
 * (options_run.c): a schedule named the long way round gives the same
 * numbers, a ramp too long to be one is refused, and the progress line
 * appears only after a second and is wiped at the end. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "helpers.h"
#include "lotrinh/config.h"
#include "lotrinh/mc.h"
#include "lotrinh/sens.h"
#include "lotrinh/simulate.h"
#include "lotrinh/solve_mc.h"
#include "../src/cli/cli_private.h"

/* Long An's own schedule is its programmes: --schedule programs must run
 * exactly the same numbers as no schedule option. */
Test(options, schedule_programs_is_the_scenario_s_own)
{
	struct run a = run_cli("simulate", "--format", "csv",
	                       "scenarios/long_an.cfg");
	struct run b = run_cli("simulate", "--format", "csv", "--schedule",
	                       "programs", "scenarios/long_an.cfg");

	cr_assert_eq(a.status, 0, "%s", a.err);
	cr_assert_eq(b.status, 0, "%s", b.err);
	cr_expect_str_eq(a.out, b.out);
	run_free(&a);
	run_free(&b);
}

/* A ramp longer than any S0:S1:YEAR is refused as malformed, with the
 * option quoted back. */
Test(options, ramp_too_long)
{
	char ramp[300];
	struct run r;

	memset(ramp, '1', sizeof ramp - 1);
	ramp[sizeof ramp - 1] = '\0';
	ramp[1] = ':';
	ramp[3] = ':';
	r = run_cli("simulate", "--ramp", ramp, "scenarios/long_an.cfg");
	cr_expect_eq(r.status, 2);
	cr_expect(strstr(r.err, "'--ramp' must be S0:S1:YEAR, e.g. 1:3:2028")
	          != NULL, "%s", r.err);
	run_free(&r);
}

/* Nothing within the first second; then "WHAT: DONE of TOTAL UNIT (P %)"
 * on standard error, and the end wipes the line with spaces. */
Test(options, progress_line)
{
	lt_cli_progress p;
	char path[64], *err;
	int saved;

	lt_cli_progress_start(&p, "Monte Carlo", "draws");
	saved = capture_fd(2, path, sizeof path);
	lt_cli_progress_show(10, 100, &p);
	fflush(stderr);
	cr_expect_eq(p.shown, 0);
	p.start.tv_sec -= 2;
	lt_cli_progress_show(25, 100, &p);
	cr_expect_eq(p.shown, 1);
	lt_cli_progress_end(&p);
	cr_expect_eq(p.shown, 0);
	fflush(stderr);
	restore_fd(2, saved);
	err = slurp(path);
	unlink(path);
	cr_assert_not_null(err);
	cr_expect(strncmp(err, "\rMonte Carlo: 25 of 100 draws (25 %)\r", 37)
	          == 0, "%s", err);
	cr_expect(strspn(err + 37, " ") == 70 && strcmp(err + 107, "\r") == 0,
	          "%s", err);
	free(err);
}

/* ---- the engines' progress callbacks ------------------------------------ */

struct seen {
	size_t calls, last_done, last_total;
	int backwards;
};

static void count_progress(size_t done, size_t total, void *data)
{
	struct seen *s = data;

	if (s->calls > 0 && done < s->last_done)
		s->backwards = 1;
	s->calls++;
	s->last_done = done;
	s->last_total = total;
}

/* Each drawing engine calls the progress callback from the main thread as
 * chunks finish, never backwards, and its last call is the whole run. */
Test(options, engines_report_progress)
{
	lt_scenario *s = NULL;
	struct seen a = {0, 0, 0, 0}, b = {0, 0, 0, 0}, c = {0, 0, 0, 0};
	lt_mc_opts mo = {.draws = 3 * LT_MC_CHUNK + 5, .seed = 1, .threads = 1,
	                 .progress = count_progress, .progress_data = &a};
	lt_sens_opts so = {.sobol = 1, .samples = 1024, .bootstrap = 0,
	                   .seed = 1, .threads = 1, .progress = count_progress,
	                   .progress_data = &c};
	lt_mc_result mr;
	lt_solve_mc_result pr;
	lt_sens_result sr;

	cr_assert_eq(lt_scenario_load(&s, "scenarios/long_an.cfg", NULL), LT_OK);
	cr_assert_eq(lt_simulate_mc(s, NULL, &mo, &mr, NULL), LT_OK);
	lt_mc_result_destroy(&mr);
	cr_expect_geq(a.calls, 1);
	cr_expect_eq(a.last_done, mo.draws);
	cr_expect_eq(a.last_total, mo.draws);
	cr_expect_not(a.backwards);
	mo.progress_data = &b;
	cr_assert_eq(lt_solve_mc_run(s, &mo, &pr, NULL), LT_OK);
	lt_solve_mc_result_destroy(&pr);
	cr_expect_geq(b.calls, 1);
	cr_expect_eq(b.last_done, mo.draws);
	cr_expect_not(b.backwards);
	cr_assert_eq(lt_sens_run(s, NULL, NULL, 0, &so, &sr, NULL), LT_OK);
	lt_sens_result_destroy(&sr);
	cr_expect_geq(c.calls, 1);
	cr_expect_eq(c.last_done, c.last_total);
	cr_expect_not(c.backwards);
	lt_scenario_free(s);
}
