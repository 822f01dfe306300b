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

#include "lotrinh/config.h"
#include "lotrinh/audit.h"
#include "lotrinh/csv.h"
#include "lotrinh/curve.h"
#include "lotrinh/fit.h"
#include "lotrinh/model.h"
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
	const lt_scenario *s = ctx;
	size_t k, f;

	for (k = 0; k < s->n_indicators; k++) {
		const lt_indicator *ind = &s->indicators[k];
		lt_path_spec spec;

		memset(&spec, 0, sizeof spec);
		spec.t0 = ind->baseline_year;
		spec.t1 = ind->target.year;
		spec.y0 = ind->baseline;
		spec.y1 = ind->target.value;
		spec.lo = ind->has_floor ? ind->floor : -HUGE_VAL;
		spec.hi = ind->has_ceiling ? ind->ceiling : HUGE_VAL;
		spec.knots = ind->milestones.pts;
		spec.n_knots = ind->milestones.n;
		for (f = 0; f < LT_PATH_KINDS; f++) {
			lt_path p;

			lt_path_init(&p, spec.t0, spec.t1);
			lt_path_build((lt_path_kind)f, &spec, &p, NULL);
			lt_path_destroy(&p);
		}
	}
}

struct model_ctx {
	const lt_scenario *s;
	lt_model_values v;
	lt_sim sim;
	lt_method method;
};

static void model(void *ctx)
{
	struct model_ctx *m = ctx;

	lt_model_run(m->s, &m->v, NULL, m->method, 0.0, &m->sim, NULL);
}

static void solve(void *ctx)
{
	struct model_ctx *m = ctx;
	lt_share_result r;
	size_t k;

	for (k = 0; k < m->s->n_indicators; k++)
		lt_solve_share(m->s, &m->v, k, &r, NULL);
}

struct fit_ctx {
	double *x, *y;
	size_t n;
	lt_model model;
	const double *start;
};

static void fit(void *ctx)
{
	struct fit_ctx *c = ctx;
	lt_fit f;

	if (lt_fit_run(c->model, c->x, c->y, c->n, c->start, &f, NULL) != LT_OK)
		abort();
}

int main(void)
{
	static const double rat43_start1[] = {100, 10, 1, 1};
	static const double boxbod_start1[] = {1, 1};
	struct model_ctx m;
	struct fit_ctx f;
	struct rusage ru;
	lt_scenario *s;

	printf("%-44s %15s\n", "case", "mean per run");
	run("load scenarios/long_an.cfg (107 tasks)", load,
	    (void *)"scenarios/long_an.cfg");
	if (lt_scenario_load(&s, "scenarios/long_an.cfg", NULL) != LT_OK)
		return 1;
	run("audit Long An", audit, s);
	run("paths: 6 indicators x 5 families", paths, s);
	memset(&m, 0, sizeof m);
	m.s = s;
	if (lt_model_values_init(&m.v, s, NULL) != LT_OK ||
	    lt_sim_init(&m.sim, s) != LT_OK)
		return 1;
	m.method = LT_METHOD_CLOSED;
	run("model run, closed form (Long An, 2024-2030)", model, &m);
	m.method = LT_METHOD_ODE;
	run("model run, ODE (Long An, 2024-2030)", model, &m);
	m.method = LT_METHOD_AUTO;
	run("solve: smallest share for 6 indicators", solve, &m);
	lt_sim_destroy(&m.sim);
	lt_model_values_destroy(&m.v);
	lt_scenario_free(s);
	if (lt_csv_read_xy("tests/data/nist/rat43.csv", &f.x, &f.y, &f.n, NULL)
	    != LT_OK)
		return 1;
	f.model = LT_MODEL_RICHARDS;
	f.start = rat43_start1;
	run("fit Rat43 (richards) from NIST start 1", fit, &f);
	free(f.x);
	free(f.y);
	if (lt_csv_read_xy("tests/data/nist/boxbod.csv", &f.x, &f.y, &f.n, NULL)
	    != LT_OK)
		return 1;
	f.model = LT_MODEL_SATURATING;
	f.start = boxbod_start1;
	run("fit BoxBOD (saturating) from NIST start 1", fit, &f);
	free(f.x);
	free(f.y);
	getrusage(RUSAGE_SELF, &ru);
	printf("%-44s %12ld KiB\n", "peak resident memory", ru.ru_maxrss);
	return 0;
}
