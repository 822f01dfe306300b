/* bench.c - how long the engines take on the real scenarios (`make bench`).
 *
 * Each case runs until it has used at least MIN_SECONDS, and the mean time
 * per run is reported with the number of runs; peak resident memory comes
 * from getrusage.  The results and the machine go in docs/PERFORMANCE.md.
 * Timing lives here, never in the tests.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "floor.h"
#include "lotrinh/alloc.h"
#include "lotrinh/audit.h"
#include "lotrinh/config.h"
#include "lotrinh/csv.h"
#include "lotrinh/fit.h"
#include "lotrinh/mc.h"
#include "lotrinh/model.h"
#include "lotrinh/paths.h"
#include "lotrinh/scenario.h"
#include "lotrinh/solve.h"

/* Least time spent on each case, seconds: long enough to average out timer
 * resolution and scheduling, short enough for the whole run to take under
 * a minute. */
#define MIN_SECONDS 1.0

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

typedef void (*bench_fn)(void *ctx);

static void run(const char *name, bench_fn fn, void *ctx)
{
	double start = now(), elapsed;
	long n = 0;

	do {
		fn(ctx);
		n++;
		elapsed = now() - start;
	} while (elapsed < MIN_SECONDS);
	printf("%-44s %12.1f µs  (%ld runs)\n", name, 1e6 * elapsed / (double)n, n);
}

static void load(void *ctx)
{
	lt_scenario *s;

	if (lt_scenario_load(&s, ctx, NULL) != LT_OK)
		abort();
	lt_scenario_free(s);
}

static void audit(void *ctx)
{
	lt_audit a;

	lt_audit_init(&a);
	lt_audit_run(ctx, &a, NULL);
	lt_audit_destroy(&a);
}

static void paths(void *ctx)
{
	lt_paths *p;

	if (lt_paths_run(ctx, NULL, 0, &p, NULL) != LT_OK)
		abort();
	lt_paths_free(p);
}

static void solve(void *ctx)
{
	lt_solve_report r;

	if (lt_solve_run(ctx, &r, NULL) != LT_OK)
		abort();
	lt_solve_report_destroy(&r);
}

/* Evaluations in one timed batch, and batches per case: the fastest batch
 * is reported, which filters out time the machine spent on other work (a
 * busy CI machine inflates means, not minima), and the floor and the model
 * are timed in alternating batches so both see the same machine. */
#define EVAL_BATCH 20000L
#define ROUNDS 25

struct eval_case {
	lt_scenario *s;
	lt_model *m;
	lt_model_ws *w;
	double *theta, *base, *z;
	size_t n, nb, *betas, ny, n_dyn;
	long calls;
	double sink;
};

static void eval_open(struct eval_case *c, const char *path, lt_method method)
{
	size_t i, k;

	memset(c, 0, sizeof *c);
	if (lt_scenario_load(&c->s, path, NULL) != LT_OK ||
	    lt_model_compile(&c->m, c->s, NULL, NULL) != LT_OK)
		abort();
	lt_model_set_method(c->m, method, 0.0);
	c->w = lt_model_ws_alloc(c->m);
	c->n = lt_model_nslots(c->m);
	c->ny = lt_model_years(c->m);
	c->theta = calloc(c->n, sizeof *c->theta);
	c->base = calloc(c->n, sizeof *c->base);
	c->betas = calloc(c->n, sizeof *c->betas);
	c->z = calloc((c->s->n_indicators + 1) * c->ny, sizeof *c->z);
	if (c->w == NULL || !c->theta || !c->base || !c->betas || !c->z)
		abort();
	lt_model_central(c->m, c->base);
	memcpy(c->theta, c->base, c->n * sizeof *c->theta);
	for (i = 0; i < c->n; i++)
		if (lt_model_slot(c->m, i)->kind == LT_SLOT_BETA)
			c->betas[c->nb++] = i;
	for (k = 0; k < c->s->n_indicators; k++)
		c->n_dyn += (size_t)lt_model_dynamic(c->m, k, NULL);
}

static void eval_close(struct eval_case *c)
{
	if (c->sink == 12345.678)
		printf("%g\n", c->sink);
	free(c->z);
	free(c->betas);
	free(c->base);
	free(c->theta);
	lt_model_ws_free(c->w);
	lt_model_free(c->m);
	lt_scenario_free(c->s);
}

/* Nanoseconds per evaluation over BATCH calls, θ's β slots changed on
 * every call so that nothing can be hoisted. */
static double eval_batch(struct eval_case *c, long batch)
{
	double start = now();
	long j;
	size_t i;

	for (j = 0; j < batch; j++, c->calls++) {
		double step = 1e-6 * (double)(c->calls & 1023);

		for (i = 0; i < c->nb; i++)
			c->theta[c->betas[i]] = c->base[c->betas[i]] + step;
		if (lt_model_eval(c->m, c->theta, NULL, c->w, c->z, NULL, NULL)
		    != LT_OK)
			abort();
		c->sink += c->z[c->ny - 1];
	}
	return 1e9 * (now() - start) / (double)batch;
}

/* Nanoseconds per draw of the floor loop (floor.c) over BATCH draws. */
static double floor_batch(long batch, double *sink)
{
	double start = now();
	long hit;

	*sink += lt_bench_floor(batch, &hit);
	return 1e9 * (now() - start) / (double)batch;
}

/* The fastest batch of the evaluation of PATH by METHOD and of the floor,
 * timed alternately; allocations per evaluation into *ALLOCS. */
static void eval_case_time(const char *path, lt_method method, double *ns,
                           double *fl, double *allocs, size_t *n_dyn,
                           size_t *ny)
{
	struct eval_case c;
	long batch = method == LT_METHOD_ODE ? EVAL_BATCH / 50 : EVAL_BATCH;
	double sink = 0.0, t;
	int r;

	eval_open(&c, path, method);
	*ns = *fl = HUGE_VAL;
	lt_alloc_reset();
	for (r = 0; r < ROUNDS; r++) {
		t = eval_batch(&c, batch);
		*ns = t < *ns ? t : *ns;
		t = floor_batch(EVAL_BATCH / 4, &sink);
		*fl = t < *fl ? t : *fl;
	}
	*allocs = (double)lt_alloc_count() / (double)c.calls;
	*n_dyn = c.n_dyn;
	*ny = c.ny;
	if (sink == 12345.678)
		printf("%g\n", sink);
	eval_close(&c);
}

static void evaluations(void)
{
	static const char *const files[] = {"scenarios/long_an.cfg",
	    "scenarios/an_giang.cfg", "scenarios/dong_thap.cfg"};
	double fl, ns, allocs;
	size_t f, nd, ny;
	char name[96];

	printf("\nOne compiled-model evaluation against the floor (the bare "
	       "arithmetic of one\nMonte Carlo draw, %d indicators x %d years, "
	       "3 normals each; bench/floor.c),\nfastest of %d alternating "
	       "batches:\n", FLOOR_INDICATORS, FLOOR_YEARS, ROUNDS);
	for (f = 0; f < sizeof files / sizeof *files; f++) {
		const char *base = strrchr(files[f], '/') + 1;

		eval_case_time(files[f], LT_METHOD_CLOSED, &ns, &fl, &allocs, &nd, &ny);
		snprintf(name, sizeof name, "eval %s, closed form", base);
		printf("%-36s %8.1f ns  floor %6.1f ns  ratio %.2f  (%zu x %zu; "
		       "%.0f allocations)\n", name, ns, fl, ns / fl, nd, ny - 1,
		       allocs);
		eval_case_time(files[f], LT_METHOD_ODE, &ns, &fl, &allocs, &nd, &ny);
		snprintf(name, sizeof name, "eval %s, ODE", base);
		printf("%-36s %8.1f ns  floor %6.1f ns  ratio %.2f  (%.0f "
		       "allocations)\n", name, ns, fl, ns / fl, allocs);
	}
}

struct fit_ctx {
	double *x, *y;
	size_t n;
	lt_fit_model model;
	const double *start;
};

static void fit(void *ctx)
{
	struct fit_ctx *c = ctx;
	lt_fit f;

	if (lt_fit_run(c->model, c->x, c->y, c->n, c->start, &f, NULL) != LT_OK)
		abort();
}

/* Monte Carlo of Long An under its own schedule: N draws on T threads,
 * the fastest of a few runs; beside it, the floor loop for N draws on one
 * thread, the yardstick of issue 9's speed floor. */
static void monte_carlo(void)
{
	static const size_t ns[] = {10000, 100000, 1000000};
	lt_scenario *s;
	lt_model *m;
	size_t i;
	int t;

	if (lt_scenario_load(&s, "scenarios/long_an.cfg", NULL) != LT_OK ||
	    lt_model_compile(&m, s, NULL, NULL) != LT_OK)
		abort();
	printf("\nMonte Carlo of Long An (lt_mc_run), fastest of 3 runs, against "
	       "the floor loop\non one thread for the same number of draws:\n");
	for (i = 0; i < sizeof ns / sizeof *ns; i++) {
		double fl = HUGE_VAL, sink = 0.0;
		long hit;
		int rep;

		for (rep = 0; rep < 3; rep++) {
			double start = now();

			sink += lt_bench_floor((long)ns[i], &hit);
			fl = fmin(fl, now() - start);
		}
		for (t = 1; t <= 2; t++) {
			lt_mc_opts o = {ns[i], 1, t, 0, NULL, NULL};
			double best = HUGE_VAL;

			for (rep = 0; rep < 3; rep++) {
				lt_mc_result r;
				double start = now();

				if (lt_mc_run(m, &o, &r, NULL) != LT_OK)
					abort();
				best = fmin(best, now() - start);
				lt_mc_result_destroy(&r);
			}
			printf("mc %8zu draws, %d thread%s %10.3f s  floor %7.3f s  "
			       "ratio %.2f\n", ns[i], t, t == 1 ? " " : "s", best, fl,
			       best / fl);
		}
		if (sink == 12345.678)
			printf("%g\n", sink);
	}
	lt_model_free(m);
	lt_scenario_free(s);
}

int main(void)
{
	static const double rat43_start1[] = {100, 10, 1, 1};
	static const double boxbod_start1[] = {1, 1};
	struct fit_ctx f;
	struct rusage ru;
	lt_scenario *s;

	printf("%-44s %15s\n", "case", "mean per run");
	run("load scenarios/long_an.cfg (107 tasks)", load,
	    (void *)"scenarios/long_an.cfg");
	if (lt_scenario_load(&s, "scenarios/long_an.cfg", NULL) != LT_OK)
		return 1;
	run("audit Long An", audit, s);
	run("paths: every indicator, 5 families", paths, s);
	run("solve: every question for every indicator", solve, s);
	lt_scenario_free(s);
	if (lt_csv_read_xy("tests/data/nist/rat43.csv", &f.x, &f.y, &f.n, NULL)
	    != LT_OK)
		return 1;
	f.model = LT_FIT_RICHARDS;
	f.start = rat43_start1;
	run("fit Rat43 (richards) from NIST start 1", fit, &f);
	free(f.x);
	free(f.y);
	if (lt_csv_read_xy("tests/data/nist/boxbod.csv", &f.x, &f.y, &f.n, NULL)
	    != LT_OK)
		return 1;
	f.model = LT_FIT_SATURATING;
	f.start = boxbod_start1;
	run("fit BoxBOD (saturating) from NIST start 1", fit, &f);
	free(f.x);
	free(f.y);
	evaluations();
	monte_carlo();
	getrusage(RUSAGE_SELF, &ru);
	printf("%-44s %12ld KiB\n", "peak resident memory", ru.ru_maxrss);
	return 0;
}
