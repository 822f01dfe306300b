/* test_alloc.c - fault injection: every allocation lotrinh makes may fail,
 * and each failure must end in a clean error, never a crash or a leak.
 *
 * The method is SQLite's malloc fault simulation (test/tester.tcl) and Lua's
 * memerr tests: run an operation once with failures off and count the
 * allocations N it makes through alloc.h (lt_alloc_fail_at(0), run,
 * lt_alloc_count()); then, for n = 1..N, run it again with the n-th
 * allocation and every later one failing (lt_alloc_fail_at(n)) and check
 * that it returns LT_ENOMEM, or for the CLI that it exits non-zero and
 * says "out of memory" on standard error.  Every run frees what it got,
 * so under `make sanitize` LeakSanitizer is asked after every LEAK_EVERY
 * runs and after a sweep's last (leaks_found, helpers.h), and the first
 * runs that leak are reported with the numbers of their failing
 * allocations; a plain build skips that check.  A crash fails the test
 * outright (Criterion runs each test in its own process).
 *
 * Cost: a sweep runs the operation N + 1 times.  Every n up to SWEEP_FULL
 * is tried; beyond it, about SWEEP_TAIL more evenly spaced ones and N
 * itself, so a CLI run that allocates thousands of times (audit --format
 * json on long_an.cfg: over 4000) stays within the time budget.  The
 * first few hundred failures are where the cleanup paths differ (every
 * later one lands in the same loops); the stride still reaches the end.
 * Under the sanitizers a leak check costs more than a run (see
 * LEAK_EVERY), hence the batches.
 *
 * Out of scope: allocations inside GSL and libconfig, which do not pass
 * through alloc.h (jansson's do: the CLI routes them).
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "helpers.h"
#include "lotrinh/alloc.h"
#include "lotrinh/audit.h"
#include "lotrinh/compare.h"
#include "lotrinh/config.h"
#include "lotrinh/csv.h"
#include "lotrinh/curve.h"
#include "lotrinh/fit.h"
#include "lotrinh/model.h"
#include "lotrinh/paths.h"
#include "lotrinh/progress.h"
#include "lotrinh/sens.h"
#include "lotrinh/simulate.h"
#include "lotrinh/solve.h"
#include "lotrinh/solve_mc.h"
#include "lotrinh/trend.h"

/* Every n up to SWEEP_FULL is tried, then about SWEEP_TAIL more; see the
 * top of the file. */
#define SWEEP_FULL 300
#define SWEEP_TAIL 100

static void setup(void)
{
	gsl_set_error_handler_off();
	lt_alloc_fail_at(0);
}

TestSuite(alloc, .init = setup);

/* The next n to try after N_NOW of N allocations. */
static unsigned long sweep_next(unsigned long n_now, unsigned long n)
{
	unsigned long stride;

	if (n_now < SWEEP_FULL || n_now >= n)
		return n_now + 1;
	stride = (n - SWEEP_FULL) / SWEEP_TAIL + 1;
	return n_now + stride < n ? n_now + stride : n;
}

/* One operation under test: runs on ARG, frees everything it got, and
 * returns an lt status. */
typedef int (*op_fn)(const void *arg);

/* Runs between two leak checks.  A check stops the test process and scans
 * its heap: about 70 ms in a Criterion worker under `make sanitize`, ten
 * times a CLI run, so checking after every run made test_alloc take over
 * seven minutes there.  A leak is still pinned to at most this many runs,
 * and LeakSanitizer's report gives the stack of the leaked allocation. */
#define LEAK_EVERY 8

/* Called after the run of sweep WHAT with allocation I of N failing: every
 * LEAK_EVERY runs and after the last (I = N), expect no leak.  The
 * sanitizer's count is cumulative over the test's process, so once a leak
 * is found later runs are not checked. */
static void check_leak(const char *what, unsigned long i, unsigned long n)
{
	static int leaked;
	static unsigned long runs, first;

	if (runs++ == 0)
		first = i;
	if (runs < LEAK_EVERY && i < n)
		return;
	runs = 0;
	if (leaked || !leaks_found())
		return;
	leaked = 1;
	cr_expect_fail("%s: leak in the runs with allocation %lu to %lu of %lu "
	               "failing (the first such; LeakSanitizer's report above)",
	               what, first, i, n);
}

/* Count the allocations of a successful run of OP on ARG; the run must
 * succeed. */
static unsigned long count_allocs(const char *what, op_fn op, const void *arg)
{
	int rc;

	lt_alloc_fail_at(0);
	rc = op(arg);
	cr_assert_eq(rc, LT_OK, "%s: status %d without failures", what, rc);
	return lt_alloc_count();
}

/* Sweep OP on ARG: every allocation failure must give LT_ENOMEM.
 * Returns N, the allocations of a successful run. */
static unsigned long sweep(const char *what, op_fn op, const void *arg)
{
	unsigned long n = count_allocs(what, op, arg), i;
	int rc;

	cr_assert_gt(n, 0, "%s: no allocation to fail", what);
	for (i = 1; i <= n; i = sweep_next(i, n)) {
		lt_alloc_fail_at(i);
		rc = op(arg);
		lt_alloc_fail_at(0);
		cr_expect_eq(rc, LT_ENOMEM, "%s: allocation %lu of %lu failed, "
		             "status %d (want LT_ENOMEM %d)", what, i, n, rc,
		             LT_ENOMEM);
		check_leak(what, i, n);
	}
	return n;
}

/* Call FN(PATH) for every regular *.cfg file in DIR; returns how many. */
static size_t each_cfg(const char *dir, void (*fn)(const char *path))
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[512];
	size_t n = 0, len;

	cr_assert_not_null(d, "cannot open %s", dir);
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 4 ||
		    strcmp(e->d_name + len - 4, ".cfg") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		fn(path);
		n++;
	}
	closedir(d);
	return n;
}

/* ---- the loader ------------------------------------------------------- */

static int op_load(const void *arg)
{
	lt_scenario *s = (lt_scenario *)&s; /* must become NULL on failure */
	lt_diag d;
	int rc;

	lt_diag_init(&d, arg);
	rc = lt_scenario_load(&s, arg, &d);
	lt_diag_destroy(&d);
	if (rc != LT_OK)
		cr_expect_null(s, "%s: a failed load must store NULL",
		               (const char *)arg);
	else
		lt_scenario_free(s);
	return rc;
}

static void sweep_load(const char *path)
{
	sweep(path, op_load, path);
}

Test(alloc, loader_every_scenario)
{
	cr_expect_geq(each_cfg("scenarios", sweep_load), 3);
	cr_expect_geq(each_cfg("tests/data/good", sweep_load), 3);
}

/* ---- the CSV reader and the fitter ------------------------------------ */

static const struct nist_case {
	const char *file;
	lt_fit_model model;
} nist[] = {
	{"tests/data/nist/misra1a.csv", LT_FIT_SATURATING},
	{"tests/data/nist/boxbod.csv", LT_FIT_SATURATING},
	{"tests/data/nist/rat42.csv", LT_FIT_LOGISTIC},
	{"tests/data/nist/rat43.csv", LT_FIT_RICHARDS},
};
#define N_NIST (sizeof nist / sizeof *nist)

static int op_csv(const void *arg)
{
	double *x = &(double){0}, *y = x;
	size_t n = 1;
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_csv_read_xy(arg, &x, &y, &n, &d);
	lt_diag_destroy(&d);
	if (rc != LT_OK) {
		/* csv.h: *X and *Y are then NULL and *N is 0 */
		cr_expect_null(x);
		cr_expect_null(y);
		cr_expect_eq(n, 0);
	} else {
		free(x);
		free(y);
	}
	return rc;
}

Test(alloc, csv_reader_nist)
{
	size_t k;

	for (k = 0; k < N_NIST; k++)
		sweep(nist[k].file, op_csv, nist[k].file);
}

struct fit_arg {
	lt_fit_model model;
	double *x, *y;
	size_t n;
};

static int op_fit(const void *arg)
{
	const struct fit_arg *a = arg;
	lt_fit f;
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_fit_run(a->model, a->x, a->y, a->n, NULL, &f, &d);
	lt_diag_destroy(&d);
	return rc;
}

static void sweep_fit(size_t k)
{
	struct fit_arg a;

	a.model = nist[k].model;
	cr_assert_eq(lt_csv_read_xy(nist[k].file, &a.x, &a.y, &a.n, NULL), LT_OK);
	sweep(nist[k].file, op_fit, &a);
	free(a.x);
	free(a.y);
}

/* The fitter from the automatic start, on the three NIST problems whose
 * model needs no nested fit for its start. */
Test(alloc, fitter_nist)
{
	size_t k;

	for (k = 0; k < N_NIST; k++)
		if (nist[k].model != LT_FIT_RICHARDS)
			sweep_fit(k);
}

/* The Richards automatic start refines itself by a nested logistic
 * lt_fit_run.  Once a bug (src/numerics/fit.c, lt_fit_start, fixed in
 * 1d748ba): it ignored that fit's status, so out of memory there (2 of 2
 * on Rat43) fell back to the linearised start and returned LT_OK. */
Test(alloc, fitter_richards_start)
{
	sweep_fit(3);
}

/* ---- the engines ------------------------------------------------------ */

static int op_audit(const void *arg)
{
	lt_audit a;
	lt_diag d;
	int rc;

	lt_audit_init(&a);
	lt_diag_init(&d, NULL);
	rc = lt_audit_run(arg, &a, &d);
	lt_audit_destroy(&a);
	lt_diag_destroy(&d);
	return rc;
}

static void sweep_audit(const char *path)
{
	lt_scenario *s = NULL;

	cr_assert_eq(lt_scenario_load(&s, path, NULL), LT_OK, "%s", path);
	sweep(path, op_audit, s);
	lt_scenario_free(s);
}

Test(alloc, audit_every_scenario)
{
	cr_expect_geq(each_cfg("scenarios", sweep_audit), 3);
	cr_expect_geq(each_cfg("tests/data/good", sweep_audit), 3);
}

/* A roadmap with four milestones, for every path family. */
static const lt_point knots[] = {{2025, 10.0}, {2026, 12.5}, {2028, 20.0},
                                 {2030, 30.0}};

static int op_path(const void *arg)
{
	lt_path_kind kind = *(const lt_path_kind *)arg;
	lt_path_spec spec = {2024, 2030, 6.36, 30.0, 0.0, 100.0, knots, 4};
	lt_path p;
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_path_init(&p, spec.t0, spec.t1);
	if (rc == LT_OK) {
		rc = lt_path_build(kind, &spec, &p, &d);
		cr_expect(rc != LT_OK || p.ok, "%s: %s", lt_path_name(kind), p.why);
	}
	lt_path_destroy(&p);
	lt_diag_destroy(&d);
	return rc;
}

Test(alloc, path_every_family)
{
	lt_path_kind k;

	for (k = 0; k < LT_PATH_KINDS; k++)
		sweep(lt_path_name(k), op_path, &k);
}

/* lt_progress_assess allocates nothing, so it cannot run out of memory:
 * with every allocation armed to fail it still succeeds, and the count
 * stays 0. */
Test(alloc, progress_allocates_nothing)
{
	static const lt_point obs[] = {{2019, 2.385}, {2021, 3.9}, {2024, 6.36}};
	lt_progress_spec spec;
	lt_progress out;

	memset(&spec, 0, sizeof spec);
	spec.obs = obs;
	spec.n_obs = 3;
	spec.direction = +1;
	spec.has_target = 1;
	spec.target = 30.0;
	spec.target_year = 2030;
	spec.limit = 100.0;
	spec.base_year = 2019;
	lt_alloc_fail_at(1);
	cr_expect_eq(lt_progress_assess(&spec, &out, NULL), LT_OK);
	cr_expect_eq(lt_alloc_count(), 0);
	lt_alloc_fail_at(0);
}

static int op_trend(const void *arg)
{
	static const lt_point obs[] = {{2018, 2.385}, {2019, 3.1}, {2020, 4.2},
	                               {2021, 5.6}, {2022, 6.9}, {2023, 8.7},
	                               {2024, 10.2}};
	lt_trend_spec spec = {obs, 7, +1, 30.0, 2030, 2040, 0, 0.0, 0.0};
	lt_trend_result r;
	lt_diag d;
	int rc;

	(void)arg;
	lt_diag_init(&d, NULL);
	rc = lt_trend_run(&spec, &r, &d);
	lt_diag_destroy(&d);
	return rc;
}

/* Once a bug (src/numerics/trend.c, fit_one, fixed in 1d748ba): a model
 * whose lt_fit_run ran out of memory was recorded as "not fitted" and
 * lt_trend_run returned LT_OK, an answer instead of an error. */
Test(alloc, trend)
{
	sweep("trend", op_trend, NULL);
}

/* ---- the compiled model and the engines built on it ------------------- */

/* A scenario every engine sweep below runs on; the test's own buffers
 * come from plain malloc, so only the engine's allocations are counted. */
static lt_scenario *load_ok(const char *path)
{
	lt_scenario *s = NULL;

	cr_assert_eq(lt_scenario_load(&s, path, NULL), LT_OK, "%s", path);
	return s;
}

struct model_arg {
	const lt_scenario *s;
	int ode; /* force the ODE path (lt_model_set_method) */
};

/* Evaluate the compiled model at its central θ, with shocks and a detailed
 * trajectory, and check that the evaluation itself allocates nothing: with
 * allocations failing from some point on, an evaluation after a
 * successful compile must still succeed. */
static int eval_once(const lt_model *m, lt_model_ws *w, lt_sim *detail,
                     lt_diag *d)
{
	size_t ny = lt_model_years(m), nz = (lt_model_scenario(m)->n_indicators
	            + 1) * ny, i;
	double *theta = malloc((lt_model_nslots(m) + 1) * sizeof *theta);
	double *z = malloc(nz * sizeof *z), *eps = malloc(nz * sizeof *eps);
	unsigned long before;
	int rc;

	cr_assert(theta != NULL && z != NULL && eps != NULL);
	for (i = 0; i < nz; i++)
		eps[i] = i % 2 ? 0.385 : -0.5;
	lt_model_central(m, theta);
	before = lt_alloc_count();
	rc = lt_model_eval(m, theta, NULL, w, z, NULL, d);
	if (rc == LT_OK)
		rc = lt_model_eval(m, theta, eps, w, z, detail, d);
	cr_expect_eq(lt_alloc_count(), before, "lt_model_eval allocated %lu "
	             "times", lt_alloc_count() - before);
	cr_expect_eq(rc, LT_OK, "lt_model_eval: status %d", rc);
	free(theta);
	free(z);
	free(eps);
	return rc;
}

static int op_model(const void *arg)
{
	const struct model_arg *a = arg;
	lt_model *m = (lt_model *)&m; /* must become NULL on failure */
	lt_model_ws *w = NULL;
	lt_sim detail;
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	memset(&detail, 0, sizeof detail);
	rc = lt_model_compile(&m, a->s, NULL, &d);
	if (rc != LT_OK) {
		cr_expect_null(m, "a failed compile must store NULL");
		m = NULL;
		goto done;
	}
	if (a->ode)
		lt_model_set_method(m, LT_METHOD_ODE, 0.0);
	w = lt_model_ws_alloc(m);
	if (w == NULL) {
		rc = LT_ENOMEM;
		goto done;
	}
	rc = lt_sim_init(&detail, a->s);
	if (rc == LT_OK)
		rc = eval_once(m, w, &detail, &d);
done:
	lt_sim_destroy(&detail);
	lt_model_ws_free(w);
	lt_model_free(m);
	lt_diag_destroy(&d);
	return rc;
}

static void sweep_model_closed(const char *path)
{
	struct model_arg a = {load_ok(path), 0};

	sweep(path, op_model, &a);
	lt_scenario_free((lt_scenario *)a.s);
}

static void sweep_model_ode(const char *path)
{
	struct model_arg a = {load_ok(path), 1};

	sweep(path, op_model, &a);
	lt_scenario_free((lt_scenario *)a.s);
}

/* Compile, workspace and evaluation: the closed form (or the ODE where the
 * scenario has spillovers, as LT_METHOD_AUTO chooses) and the ODE forced. */
Test(alloc, model_every_scenario)
{
	cr_expect_geq(each_cfg("scenarios", sweep_model_closed), 3);
	cr_expect_geq(each_cfg("tests/data/good", sweep_model_closed), 3);
}

Test(alloc, model_ode_every_scenario)
{
	cr_expect_geq(each_cfg("scenarios", sweep_model_ode), 3);
	cr_expect_geq(each_cfg("tests/data/good", sweep_model_ode), 3);
}

/* With every allocation armed to fail, lt_model_eval still succeeds on
 * every scenario, by either method, and the count stays 0 (model.h: it
 * allocates nothing). */
static void eval_no_alloc(const char *path)
{
	lt_scenario *s = load_ok(path);
	lt_model *m;
	lt_model_ws *w;
	lt_sim detail;
	int ode;

	for (ode = 0; ode <= 1; ode++) {
		lt_alloc_fail_at(0);
		cr_assert_eq(lt_model_compile(&m, s, NULL, NULL), LT_OK, "%s", path);
		if (ode)
			lt_model_set_method(m, LT_METHOD_ODE, 0.0);
		w = lt_model_ws_alloc(m);
		cr_assert_not_null(w);
		cr_assert_eq(lt_sim_init(&detail, s), LT_OK);
		lt_alloc_fail_at(1);
		cr_expect_eq(eval_once(m, w, &detail, NULL), LT_OK, "%s (%s)", path,
		             ode ? "ODE" : "auto");
		cr_expect_eq(lt_alloc_count(), 0, "%s (%s): %lu allocations", path,
		             ode ? "ODE" : "auto", lt_alloc_count());
		lt_alloc_fail_at(0);
		lt_sim_destroy(&detail);
		lt_model_ws_free(w);
		lt_model_free(m);
	}
	lt_scenario_free(s);
}

Test(alloc, model_eval_allocates_nothing)
{
	cr_expect_geq(each_cfg("scenarios", eval_no_alloc), 3);
	cr_expect_geq(each_cfg("tests/data/good", eval_no_alloc), 3);
}

/* The solver's questions for every indicator at the central θ.  WANT
 * holds, per indicator, the statuses of lt_solve_beta and
 * lt_solve_beta_target in a run without failures (LT_EINVAL when the
 * indicator has no milestones, channel or dynamics); a run with a failing
 * allocation must give the same, or LT_ENOMEM, which ends the run. */
struct solver_arg {
	const lt_scenario *s;
	int want[64][2];
	int record; /* fill WANT instead of checking against it */
};

static int solver_questions(lt_solver *sv, struct solver_arg *a,
                            const double *theta, lt_diag *d)
{
	lt_share_result share;
	double beta;
	size_t k;
	int rc, got[2];

	for (k = 0; k < a->s->n_indicators; k++) {
		rc = lt_solve_share(sv, theta, k, &share, d);
		if (rc != LT_OK)
			return rc;
		got[0] = lt_solve_beta(sv, theta, NULL, k, &beta, d);
		if (got[0] == LT_ENOMEM)
			return got[0];
		got[1] = lt_solve_beta_target(sv, theta, NULL, k, &beta, d);
		if (got[1] == LT_ENOMEM)
			return got[1];
		if (a->record) {
			a->want[k][0] = got[0];
			a->want[k][1] = got[1];
		}
		cr_expect(got[0] == a->want[k][0] && got[1] == a->want[k][1],
		          "%s: indicator %zu: beta statuses %d %d (want %d %d)",
		          a->s->path, k, got[0], got[1], a->want[k][0],
		          a->want[k][1]);
	}
	return LT_OK;
}

static int op_solver(const void *arg)
{
	struct solver_arg *a = (struct solver_arg *)arg;
	lt_solver *sv = (lt_solver *)&sv; /* must become NULL on failure */
	double *theta;
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_solver_alloc(&sv, a->s, &d);
	if (rc != LT_OK) {
		cr_expect_null(sv, "a failed lt_solver_alloc must store NULL");
		lt_diag_destroy(&d);
		return rc;
	}
	theta = malloc((lt_model_nslots(lt_solver_model(sv)) + 1) *
	               sizeof *theta);
	cr_assert_not_null(theta);
	lt_model_central(lt_solver_model(sv), theta);
	rc = solver_questions(sv, a, theta, &d);
	free(theta);
	lt_solver_free(sv);
	lt_diag_destroy(&d);
	return rc;
}

static void sweep_solver(const char *path)
{
	struct solver_arg *a = calloc(1, sizeof *a);

	cr_assert_not_null(a);
	a->s = load_ok(path);
	cr_assert_leq(a->s->n_indicators, 64, "%s: too many indicators", path);
	a->record = 1;
	cr_assert_eq(op_solver(a), LT_OK, "%s", path);
	a->record = 0;
	sweep(path, op_solver, a);
	lt_scenario_free((lt_scenario *)a->s);
	free(a);
}

Test(alloc, solver_every_scenario)
{
	cr_expect_geq(each_cfg("scenarios", sweep_solver), 3);
	cr_expect_geq(each_cfg("tests/data/good", sweep_solver), 3);
}

static int op_solve_run(const void *arg)
{
	lt_solve_report r;
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_solve_run(arg, &r, &d);
	if (rc != LT_OK)
		cr_expect(r.n == 0 && r.answers == NULL && r.origins == NULL,
		          "a failed lt_solve_run must leave the report empty");
	lt_solve_report_destroy(&r);
	lt_diag_destroy(&d);
	return rc;
}

static int op_simulate(const void *arg)
{
	lt_simulation r;
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_simulate_run(arg, NULL, &r, &d);
	if (rc != LT_OK)
		cr_expect(r.n == 0 && r.ind == NULL && r.plan.value == NULL &&
		          r.bau.value == NULL, "a failed lt_simulate_run must "
		          "leave the result empty");
	lt_simulation_destroy(&r);
	lt_diag_destroy(&d);
	return rc;
}

/* The paths of every indicator of S, or of the one named ID alone, so
 * that each indicator's last allocations are also the run's last. */
struct paths_arg {
	const lt_scenario *s;
	const char *id; /* NULL: every indicator */
};

static int op_paths(const void *arg)
{
	const struct paths_arg *a = arg;
	lt_paths *p = (lt_paths *)&p; /* must become NULL on failure */
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_paths_run(a->s, &a->id, a->id != NULL, &p, &d);
	if (rc != LT_OK)
		cr_expect_null(p, "a failed lt_paths_run must store NULL");
	else
		lt_paths_free(p);
	lt_diag_destroy(&d);
	return rc;
}

/* Sweep OP on the scenario at PATH. */
static void sweep_on(const char *path, op_fn op)
{
	lt_scenario *s = load_ok(path);

	sweep(path, op, s);
	lt_scenario_free(s);
}

static void sweep_solve_run(const char *path)
{
	sweep_on(path, op_solve_run);
}

static void sweep_simulate(const char *path)
{
	sweep_on(path, op_simulate);
}

static void sweep_paths(const char *path)
{
	struct paths_arg a = {load_ok(path), NULL};
	char what[600];
	size_t k;

	sweep(path, op_paths, &a);
	for (k = 0; k < a.s->n_indicators; k++) {
		a.id = a.s->indicators[k].id;
		snprintf(what, sizeof what, "%s, indicator %s", path, a.id);
		sweep(what, op_paths, &a);
	}
	lt_scenario_free((lt_scenario *)a.s);
}

/* solve --probability's engine on 60 draws over 2 threads: every
 * allocation is made before the draws start, so each failure ends in
 * LT_ENOMEM with the result empty. */
static int op_solve_mc(const void *arg)
{
	lt_mc_opts o = {60, 7, 2, 0, NULL, NULL};
	lt_solve_mc_result r;
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_solve_mc_run(arg, &o, &r, &d);
	if (rc != LT_OK)
		cr_expect(r.ind == NULL && r.all.met == NULL, "a failed "
		          "lt_solve_mc_run must leave the result empty");
	lt_solve_mc_result_destroy(&r);
	lt_diag_destroy(&d);
	return rc;
}

static void sweep_solve_mc(const char *path)
{
	sweep_on(path, op_solve_mc);
}

/* Monte Carlo on 60 draws over 2 threads: every allocation of a run is
 * made before its draws, so each failure ends in LT_ENOMEM, the result
 * empty and nothing leaked. */
static int op_mc(const void *arg)
{
	lt_mc_opts o = {.draws = 60, .seed = 7, .threads = 2};
	lt_mc_result r;
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_simulate_mc(arg, NULL, &o, &r, &d);
	if (rc != LT_OK)
		cr_expect(r.ind == NULL && r.checkpoints == NULL, "a failed "
		          "lt_simulate_mc must leave the result empty");
	else
		lt_mc_result_destroy(&r);
	lt_diag_destroy(&d);
	return rc;
}

static void sweep_mc(const char *path)
{
	sweep_on(path, op_mc);
}

Test(alloc, mc_every_scenario, .timeout = 120)
{
	cr_expect_geq(each_cfg("scenarios", sweep_mc), 3);
	cr_expect_geq(each_cfg("tests/data/good", sweep_mc), 3);
}

Test(alloc, solve_mc_every_scenario, .timeout = 120)
{
	cr_expect_geq(each_cfg("scenarios", sweep_solve_mc), 3);
	cr_expect_geq(each_cfg("tests/data/good", sweep_solve_mc), 3);
}

Test(alloc, solve_run_every_scenario)
{
	cr_expect_geq(each_cfg("scenarios", sweep_solve_run), 3);
	cr_expect_geq(each_cfg("tests/data/good", sweep_solve_run), 3);
}

Test(alloc, simulate_every_scenario)
{
	cr_expect_geq(each_cfg("scenarios", sweep_simulate), 3);
	cr_expect_geq(each_cfg("tests/data/good", sweep_simulate), 3);
}

Test(alloc, paths_every_scenario, .timeout = 120)
{
	cr_expect_geq(each_cfg("scenarios", sweep_paths), 3);
	cr_expect_geq(each_cfg("tests/data/good", sweep_paths), 3);
}

/* ---- sensitivity -------------------------------------------------------- */

/* A Sobol problem whose per-thread contexts come from lt_malloc, so that
 * their failure is swept too: f = u1 + 2 u2 u3. */
static void *ctx_alloc(void *data)
{
	(void)data;
	return lt_malloc(8);
}

static int eval_sum(void *ctx, const double *u, double *out, lt_diag *diag)
{
	(void)ctx;
	(void)diag;
	out[0] = u[0] + 2.0 * u[1] * u[2];
	out[1] = u[0] < 0.5;
	return LT_OK;
}

static int op_sobol(const void *arg)
{
	static const size_t width[] = {1, 2};
	lt_sobol_problem p = {2, width, 2, eval_sum, ctx_alloc, free, NULL,
	                      NULL};
	lt_sobol_opts o = {300, 10, 3, 2, NULL, NULL};
	lt_sobol_result r;
	lt_diag d;
	int rc;

	(void)arg;
	lt_diag_init(&d, NULL);
	rc = lt_sobol_run(&p, &o, &r, &d);
	if (rc != LT_OK)
		cr_expect_null(r.out, "a failed lt_sobol_run must leave the result "
		               "empty");
	lt_sobol_result_destroy(&r);
	lt_diag_destroy(&d);
	return rc;
}

Test(alloc, sobol)
{
	sweep("sobol", op_sobol, NULL);
}

/* Tornado and Sobol (64 rows on 2 threads) on a scenario. */
static int op_sens(const void *arg)
{
	lt_sens_opts o = {1, 64, 10, 7, 2, NULL, NULL};
	lt_sens_result r;
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_sens_run(arg, NULL, NULL, 0, &o, &r, &d);
	if (rc != LT_OK)
		cr_expect(r.ind == NULL && r.params == NULL && r.sobol.out == NULL,
		          "a failed lt_sens_run must leave the result empty");
	lt_sens_result_destroy(&r);
	lt_diag_destroy(&d);
	return rc;
}

static void sweep_sens(const char *path)
{
	sweep_on(path, op_sens);
}

Test(alloc, sens_every_scenario, .timeout = 120)
{
	cr_expect_geq(each_cfg("scenarios", sweep_sens), 3);
	cr_expect_geq(each_cfg("tests/data/good", sweep_sens), 3);
}

/* The Sobol runs allocate nothing: lt_sens_run makes as many allocations
 * for 64 rows as for 1024 (16 times the model runs). */
Test(alloc, sens_runs_allocate_nothing)
{
	lt_scenario *s = load_ok("scenarios/long_an.cfg");
	lt_sens_opts o = {1, 64, 10, 7, 2, NULL, NULL};
	lt_sens_result r;
	unsigned long small, large;

	lt_alloc_reset();
	cr_assert_eq(lt_sens_run(s, NULL, NULL, 0, &o, &r, NULL), LT_OK);
	small = lt_alloc_count();
	lt_sens_result_destroy(&r);
	o.samples = 1024;
	lt_alloc_reset();
	cr_assert_eq(lt_sens_run(s, NULL, NULL, 0, &o, &r, NULL), LT_OK);
	large = lt_alloc_count();
	lt_sens_result_destroy(&r);
	cr_expect_eq(small, large, "%lu allocations for 64 rows, %lu for 1024",
	             small, large);
	lt_scenario_free(s);
}

/* ---- the whole CLI ---------------------------------------------------- */

/* Sweep lt_main on ARGS (NULL-terminated, without argv[0]): a run without
 * failures exits 0; with the n-th allocation failing it must exit
 * non-zero and, when SAY_OOM, say "out of memory" on standard error.
 * Returns N. */
static unsigned long sweep_cli(const char *const *args, int say_oom)
{
	char what[256] = "lotrinh";
	unsigned long n, i;
	struct run r;
	size_t k, len = strlen(what);

	for (k = 0; args[k] != NULL && len < sizeof what; k++)
		len += (size_t)snprintf(what + len, sizeof what - len, " %s", args[k]);
	lt_alloc_fail_at(0);
	r = run_cli_v(args);
	n = lt_alloc_count();
	cr_assert_eq(r.status, 0, "%s: exit %d without failures: %s", what,
	             r.status, r.err);
	run_free(&r);
	cr_assert_gt(n, 0, "%s: no allocation to fail", what);
	for (i = 1; i <= n; i = sweep_next(i, n)) {
		lt_alloc_fail_at(i);
		r = run_cli_v(args);
		lt_alloc_fail_at(0);
		cr_expect_neq(r.status, 0, "%s: allocation %lu of %lu failed, yet "
		              "exit 0", what, i, n);
		if (say_oom)
			cr_expect(strstr(r.err, "out of memory") != NULL, "%s: "
			          "allocation %lu of %lu failed, exit %d, stderr: '%s'",
			          what, i, n, r.status, r.err);
		run_free(&r);
		check_leak(what, i, n);
	}
	return n;
}

/* One CLI sweep: the arguments after argv[0], up to an empty one.  Held
 * in arrays, not pointers: Criterion copies parameters into the test's
 * process. */
struct cli_case {
	char args[10][48];
};

/* Sweep the case C (see sweep_cli). */
static void sweep_case(const struct cli_case *c, int say_oom)
{
	const char *args[11];
	size_t k;

	for (k = 0; k < 10 && c->args[k][0] != '\0'; k++)
		args[k] = c->args[k];
	args[k] = NULL;
	sweep_cli(args, say_oom);
}

/* Each sweep is a parameter, so each runs in its own process and a leak
 * LeakSanitizer finds is reported for the sweep that made it. */
#define LONG_AN "scenarios/long_an.cfg"
#define FULL "tests/data/good/full.cfg"
#define MISRA "tests/data/nist/misra1a.csv"
#define RAT43 "tests/data/nist/rat43.csv"

/* Commands that exit non-zero on every failing allocation, say "out of
 * memory" and do not leak.  (Saying it was once a bug, src/core/error.c
 * lt_error_raise, fixed in 1d748ba: the diag allocated its list at the
 * first error, so "out of memory" itself could not be recorded.) */
static struct cli_case cli_clean[] = {
	{{"check", LONG_AN}},
	{{"check", FULL}},
	{{"audit", LONG_AN}},
	{{"audit", FULL}},
	{{"audit", "--format", "json", LONG_AN}},
	{{"audit", "--format", "json", FULL}},
	{{"fit", "--model", "richards", "--format", "json", "--predict", "2.385",
	  RAT43}},
};

ParameterizedTestParameters(alloc, cli_exits_non_zero)
{
	return cr_make_param_array(struct cli_case, cli_clean,
	                           sizeof cli_clean / sizeof *cli_clean);
}

ParameterizedTest(struct cli_case *c, alloc, cli_exits_non_zero,
                  .timeout = 120)
{
	sweep_case(c, 1);
}

/* simulate and solve in every format: each failing allocation must end
 * in a non-zero exit that says "out of memory" (one pass checks both). */
static struct cli_case cli_engines[] = {
	{{"simulate", LONG_AN}},
	{{"simulate", "--format", "csv", LONG_AN}},
	{{"simulate", "--format", "json", LONG_AN}},
	{{"simulate", FULL}},
	{{"simulate", "--format", "csv", FULL}},
	{{"simulate", "--format", "json", FULL}},
	{{"solve", LONG_AN}},
	{{"solve", "--format", "csv", LONG_AN}},
	{{"solve", "--format", "json", LONG_AN}},
	{{"solve", FULL}},
	{{"solve", "--format", "csv", FULL}},
	{{"solve", "--format", "json", FULL}},
	{{"simulate", "--draws", "200", "--threads", "2", LONG_AN}},
	{{"simulate", "--draws", "100", "--format", "json", FULL}},
	{{"solve", "--probability", "0.8", "--draws", "200", LONG_AN}},
	{{"solve", "--probability", "0.8", "--draws", "200", "--format", "json",
	  LONG_AN}},
	{{"solve", "--probability", "0.5", "--draws", "50", "--format", "csv",
	  FULL}},
};

ParameterizedTestParameters(alloc, cli_simulate_solve)
{
	return cr_make_param_array(struct cli_case, cli_engines,
	                           sizeof cli_engines / sizeof *cli_engines);
}

ParameterizedTest(struct cli_case *c, alloc, cli_simulate_solve,
                  .timeout = 120)
{
	sweep_case(c, 1);
}

/* paths in JSON, every path family of every indicator.  Once a leak
 * (src/cli/cmd_paths.c compute at e385c18): a path whose lt_path_build
 * failed after lt_path_init was never freed.  The paths engine
 * (src/numerics/paths.c) now initialises every path of an item before
 * building any, and lt_paths_free releases them all; this sweep passes
 * under `make sanitize` as it stands. */
static struct cli_case cli_paths[] = {
	{{"paths", "--format", "json", LONG_AN}},
	{{"paths", "--format", "json", FULL}},
};

ParameterizedTestParameters(alloc, cli_paths_no_leak)
{
	return cr_make_param_array(struct cli_case, cli_paths,
	                           sizeof cli_paths / sizeof *cli_paths);
}

ParameterizedTest(struct cli_case *c, alloc, cli_paths_no_leak,
                  .timeout = 120)
{
	sweep_case(c, 1);
}

/* sens in every format: each failing allocation ends in a non-zero exit
 * that says "out of memory". */
static struct cli_case cli_sens[] = {
	{{"sens", "--samples", "64", "--bootstrap", "10", LONG_AN}},
	{{"sens", "--samples", "64", "--bootstrap", "10", "--format", "json",
	  LONG_AN}},
	{{"sens", "--samples", "64", "--bootstrap", "10", "--format", "csv",
	  FULL}},
};

ParameterizedTestParameters(alloc, cli_sens)
{
	return cr_make_param_array(struct cli_case, cli_sens,
	                           sizeof cli_sens / sizeof *cli_sens);
}

ParameterizedTest(struct cli_case *c, alloc, cli_sens, .timeout = 120)
{
	sweep_case(c, 1);
}

/* Text tables: show, paths and fit render them through the output layer,
 * whose errors are sticky (table.h).  Once a BUG (src/output/table.c,
 * lt_table_write_text): when the memory sink for a row after the first
 * could not be allocated, the status of the row before (LT_OK) was
 * returned, so a partial table was printed and the command exited 0 (show
 * long_an.cfg from allocation 235 of 258, show --lang vi full.cfg from 200
 * of 213, fit Misra1a from 210 of 213; simulate and solve, whose text is
 * tables too, likewise). */
static struct cli_case cli_tables[] = {
	{{"show", LONG_AN}},
	{{"show", "--lang", "vi", FULL}},
	{{"paths", LONG_AN}},
	{{"paths", FULL}},
	{{"fit", "--model", "saturating", "--predict", "1,2.385", MISRA}},
};

ParameterizedTestParameters(alloc, cli_text_tables_exit_non_zero)
{
	return cr_make_param_array(struct cli_case, cli_tables,
	                           sizeof cli_tables / sizeof *cli_tables);
}

ParameterizedTest(struct cli_case *c, alloc, cli_text_tables_exit_non_zero,
                  .timeout = 120)
{
	sweep_case(c, 1);
}

/* ---- provinces compared -------------------------------------------------- */

/* Two scenarios side by side, with a few draws at each plan's rule: the
 * engines of every scenario in turn, then the matching. */
static int op_compare(const void *arg)
{
	const lt_scenario *const *s = arg;
	lt_compare_opts o = {50, 1, 1};
	lt_compare r;
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = lt_compare_run(s, 2, &o, &r, &d);
	if (rc != LT_OK)
		cr_expect(r.measures == NULL && r.n_measures == 0, "a failed "
		          "lt_compare_run must leave the result empty");
	lt_compare_destroy(&r);
	lt_diag_destroy(&d);
	return rc;
}

Test(alloc, compare)
{
	const char *paths[] = {"tests/data/good/full.cfg",
	                       "tests/data/good/target_forms.cfg"};
	lt_scenario *s[2];
	lt_diag d;
	int i;

	for (i = 0; i < 2; i++) {
		lt_diag_init(&d, paths[i]);
		cr_assert_eq(lt_scenario_load(&s[i], paths[i], &d), LT_OK);
		lt_diag_destroy(&d);
	}
	sweep("compare", op_compare, s);
	for (i = 0; i < 2; i++)
		lt_scenario_free(s[i]);
}
