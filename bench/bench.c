/* bench.c - how long the engines take on the real scenarios (`make bench`).
 *
 *   bench [--mc-only] [--lotrinh BIN --python PY --dir DIR]
 *   bench --export-model SCENARIO FILE
 *
 * Sections, in one run: each engine case runs until it has used at least
 * MIN_SECONDS and its mean time per run is reported; one compiled-model
 * evaluation against the floor (floor.c, the bare arithmetic of one draw);
 * Monte Carlo of Long An at 10^4, 10^5 and 10^6 draws on 1 and 2 threads
 * against the floor; then, given the program and Debian's python3, whole
 * processes: `lotrinh simulate --draws 10^6` against the NumPy program
 * (numpy_mc.py, which reads the model this program exports) with the
 * agreement of their results, peak memory at 10^5 and 10^6 draws from GNU
 * time, `lotrinh sens` at N = 2^14 and `lotrinh solve --probability`;
 * and last the speed targets of issue "Uncertainty" with the measured
 * figures.  Every Monte Carlo time is the fastest of several runs, which
 * filters out time the machine spent on other work.  The results and the
 * machine go in docs/PERFORMANCE.md; timing lives here, never in the tests.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <gsl/gsl_errno.h>

#include "agree.h"
#include "export.h"
#include "floor.h"
#include "procs.h"
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

/* ---- Monte Carlo -------------------------------------------------------- */

/* The scenario of the Monte Carlo sections, and the seed of its draws
 * (simulate's default, so the in-process runs and the process agree). */
#define MC_SCENARIO "scenarios/long_an.cfg"
#define MC_SEED 1
/* Runs of each Monte Carlo case: the fastest of MC_REPS rounds (the
 * floor, 1 thread, 2 threads, one after the other) during which other work
 * kept fewer than QUIET_CPUS of the CPUs busy counts; up to MC_MAX_ROUNDS
 * rounds are run to find them (other builds and tests share the machine,
 * and a busy second core halves what two threads can do).  When fewer
 * rounds are quiet, the fastest of all counts and the table says so. */
#define MC_REPS 10
#define MC_MAX_ROUNDS 30
#define QUIET_CPUS 0.1
/* Runs of each whole process: the fastest counts. */
#define PROC_REPS 3

static const size_t mc_sizes[] = {10000, 100000, 1000000};
#define N_SIZES (sizeof mc_sizes / sizeof *mc_sizes)
#define BIG (N_SIZES - 1)

/* What the sections measure, for the targets at the end (negative: not
 * measured). */
struct figures {
	double floor_s[N_SIZES], mc_s[N_SIZES][2];  /* [size][threads - 1] */
	double simulate_s, numpy_s;                 /* whole processes, 10^6 */
	long peak_kib[2];                           /* simulate, 10^5 and 10^6 */
};

/* Seconds of one lt_mc_run of N draws on T threads; its result replaces
 * *KEEP when KEEP is not NULL (the caller destroys it). */
static double mc_once(const lt_model *m, size_t n, int t, lt_mc_result *keep)
{
	lt_mc_opts o = {n, MC_SEED, t, 0, NULL, NULL};
	lt_mc_result r;
	double start = now(), elapsed;

	if (lt_mc_run(m, &o, &r, NULL) != LT_OK)
		abort();
	elapsed = now() - start;
	if (keep != NULL) {
		lt_mc_result_destroy(keep);
		*keep = r;
	} else {
		lt_mc_result_destroy(&r);
	}
	return elapsed;
}

/* Round R at N draws: the floor loop and Monte Carlo of M on 1 thread,
 * both pinned to the R-th CPU (so that the rounds try every CPU and the
 * fastest one counts), then on 2 threads free to use all, into T[3]
 * (seconds); the 2-thread result into *KEEP when not NULL.  Returns the
 * CPUs other work kept busy meanwhile (-1: unknown). */
static double mc_round(const lt_model *m, size_t n, int r, double *t,
                       lt_mc_result *keep, double *sink)
{
	lt_bench_load a, b;
	double start;
	long hit;

	lt_bench_load_now(&a);
	lt_bench_pin(r);
	start = now();
	*sink += lt_bench_floor((long)n, &hit);
	t[0] = now() - start;
	t[1] = mc_once(m, n, 1, NULL);
	lt_bench_pin(-1);
	t[2] = mc_once(m, n, 2, keep);
	lt_bench_load_now(&b);
	return lt_bench_others(&a, &b);
}

/* Monte Carlo of M at each size on 1 and 2 threads, and the floor loop for
 * as many draws on one thread, in rounds so that all three see the same
 * machine (MC_REPS); the result of 10^6 draws on 2 threads into *KEEP. */
static void monte_carlo(const lt_model *m, struct figures *fig,
                        lt_mc_result *keep)
{
	const lt_scenario *s = lt_model_scenario(m);
	size_t i, k, n_sim = 0;
	double sink = 0.0;
	int j;

	for (k = 0; k < s->n_indicators; k++)
		n_sim += (size_t)lt_model_dynamic(m, k, NULL);
	mc_once(m, 1, 1, keep);
	printf("\nMonte Carlo of Long An (lt_mc_run: %zu uncertain parameters, %zu "
	       "simulated\nindicators x %zu years) against the floor loop "
	       "(floor.c) for as many draws\non one thread; the fastest of %d "
	       "rounds during which other work kept\nless than %.1f CPU busy "
	       "(quiet: such rounds / rounds run); the one-thread\nruns take the "
	       "%d CPUs in turn:\n", keep->n_uncertain, n_sim, lt_model_years(m),
	       MC_REPS, QUIET_CPUS, lt_bench_ncpus());
	printf("%9s %8s  %8s %7s %6s  %9s %7s %6s  %6s  %s\n", "draws", "floor",
	       "1 thread", "ns/draw", "/floor", "2 threads", "ns/draw", "/floor",
	       "2 vs 1", "quiet");
	for (i = 0; i < N_SIZES; i++) {
		double n = (double)mc_sizes[i], all[3], quiet[3], t[3], o;
		int rounds = 0, n_quiet = 0;

		for (j = 0; j < 3; j++)
			all[j] = quiet[j] = HUGE_VAL;
		while (n_quiet < MC_REPS && rounds < MC_MAX_ROUNDS) {
			o = mc_round(m, mc_sizes[i], rounds, t, i == BIG ? keep : NULL,
			             &sink);
			rounds++;
			n_quiet += o >= 0.0 && o < QUIET_CPUS;
			for (j = 0; j < 3; j++) {
				all[j] = fmin(all[j], t[j]);
				if (o >= 0.0 && o < QUIET_CPUS)
					quiet[j] = fmin(quiet[j], t[j]);
			}
		}
		fig->floor_s[i] = n_quiet > 0 ? quiet[0] : all[0];
		fig->mc_s[i][0] = n_quiet > 0 ? quiet[1] : all[1];
		fig->mc_s[i][1] = n_quiet > 0 ? quiet[2] : all[2];
		printf("%9zu %7.3fs  %7.3fs %7.0f %6.2f  %8.3fs %7.0f %6.2f  %6.2f  "
		       "%d/%d%s\n", mc_sizes[i], fig->floor_s[i], fig->mc_s[i][0],
		       1e9 * fig->mc_s[i][0] / n, fig->mc_s[i][0] / fig->floor_s[i],
		       fig->mc_s[i][1], 1e9 * fig->mc_s[i][1] / n,
		       fig->mc_s[i][1] / fig->floor_s[i],
		       fig->mc_s[i][0] / fig->mc_s[i][1], n_quiet, rounds,
		       n_quiet > 0 ? "" : " (busy machine: upper bounds)");
	}
	if (sink == 12345.678)
		printf("%g\n", sink);
}

/* ---- whole processes ----------------------------------------------------- */

/* Where the processes' files go, and what runs. */
struct procs {
	const char *bin, *python, *dir;
};

/* DIR/NAME into BUF[N]. */
static const char *path_in(char *buf, size_t n, const char *dir,
                           const char *name)
{
	snprintf(buf, n, "%s/%s", dir, name);
	return buf;
}

/* The NumPy program against `lotrinh simulate`: both whole processes at
 * 10^6 draws, and the agreement of their results (lotrinh's from KEEP, the
 * same seed and draws as the process). */
static void against_numpy(const lt_model *m, const struct procs *p,
                          struct figures *fig, const lt_mc_result *keep)
{
	char model[512], out[512], err[300];
	const char *sim[] = {p->bin, "simulate", "--draws", "1000000",
	                     "--format", "json", MC_SCENARIO, NULL};
	const char *np[] = {p->python, "bench/numpy_mc.py", model, "1000000",
	                    "--out", out, NULL};
	lt_bench_agreement a;
	lt_bench_load l0, l1;

	path_in(model, sizeof model, p->dir, "long_an.model.json");
	path_in(out, sizeof out, p->dir, "numpy_mc.json");
	printf("\nWhole processes, 10^6 draws of Long An, fastest of %d runs:\n",
	       PROC_REPS);
	lt_bench_load_now(&l0);
	fig->simulate_s = lt_bench_best(sim, NULL, PROC_REPS);
	if (fig->simulate_s < 0.0) {
		printf("  %s simulate failed\n", p->bin);
		return;
	}
	printf("  %-58s %6.2f s\n", "lotrinh simulate --draws 1000000 --format "
	       "json (2 threads)", fig->simulate_s);
	if (lt_bench_export(MC_SCENARIO, model, err, sizeof err) != 0) {
		printf("  NumPy: no model to give it: %s\n", err);
		return;
	}
	fig->numpy_s = lt_bench_best(np, NULL, PROC_REPS);
	if (fig->numpy_s < 0.0) {
		printf("  NumPy: %s bench/numpy_mc.py failed (make bench installs "
		       "python3-numpy and python3-scipy)\n", p->python);
		return;
	}
	lt_bench_load_now(&l1);
	printf("  %-58s %6.2f s  %.1f x lotrinh\n", "python3 bench/numpy_mc.py "
	       "(NumPy, vectorised over draws)", fig->numpy_s,
	       fig->numpy_s / fig->simulate_s);
	printf("  (other work kept %.2f CPU busy meanwhile)\n",
	       lt_bench_others(&l0, &l1));
	if (lt_bench_agree(m, keep, out, &a, err, sizeof err) != 0) {
		printf("  agreement: cannot compare: %s\n", err);
		return;
	}
	printf("  agreement, 10^6 draws each: %zu probabilities and %zu quantiles "
	       "compared,\n  %zu outside 4 standard errors (+ the histogram's "
	       "bound for quantiles);\n  largest |difference|/tolerance %.2f (%s)\n",
	       a.n_prob, a.n_quant, a.n_bad, a.worst, a.worst_what);
}

/* Peak resident memory of `lotrinh simulate` at 10^5 and 10^6 draws. */
static void memory(const struct procs *p, struct figures *fig)
{
	static const char *const draws[] = {"100000", "1000000"};
	char report[512];
	int i;

	path_in(report, sizeof report, p->dir, "time-v.txt");
	printf("\nPeak resident memory of lotrinh simulate --draws N --format json "
	       "(/usr/bin/time -v):\n");
	for (i = 0; i < 2; i++) {
		const char *sim[] = {p->bin, "simulate", "--draws", draws[i],
		                     "--format", "json", MC_SCENARIO, NULL};

		fig->peak_kib[i] = lt_bench_peak_kib(sim, report);
		printf("  N = %-8s %8ld KiB\n", draws[i], fig->peak_kib[i]);
	}
}

/* One line of a process's time T, or that it failed. */
static void proc_line(const char *what, double t)
{
	if (t < 0.0)
		printf("  %-58s failed\n", what);
	else
		printf("  %-58s %6.2f s\n", what, t);
}

/* The other engines that draw, as whole processes on 1 and 2 threads:
 * Sobol indices at N = 2^14 (`lotrinh sens`, with its default bootstrap)
 * and the share meeting each target with probability 0.8 (`lotrinh solve
 * --probability`, 10^5 draws). */
static void other_engines(const struct procs *p)
{
	static const char *const threads[] = {"1", "2"};
	char what[96];
	int t;

	printf("\nThe other engines that draw, whole processes on Long An, "
	       "fastest of 2 runs:\n");
	for (t = 0; t < 2; t++) {
		const char *sens[] = {p->bin, "sens", "--samples", "16384",
		                      "--threads", threads[t], MC_SCENARIO, NULL};
		const char *solve[] = {p->bin, "solve", "--probability", "0.8",
		                       "--draws", "100000", "--threads", threads[t],
		                       MC_SCENARIO, NULL};

		snprintf(what, sizeof what, "sens --samples 16384 (Sobol, N = 2^14), "
		         "%s thread%s", threads[t], t == 0 ? "" : "s");
		proc_line(what, lt_bench_best(sens, NULL, 2));
		snprintf(what, sizeof what, "solve --probability 0.8 --draws 100000, "
		         "%s thread%s", threads[t], t == 0 ? "" : "s");
		proc_line(what, lt_bench_best(solve, NULL, 2));
	}
}

/* ---- the targets ---------------------------------------------------------- */

static void target(const char *what, double x, const char *rule, int met)
{
	if (x < 0.0 || isnan(x))
		printf("  %-52s %7s  %-13s not measured\n", what, "-", rule);
	else
		printf("  %-52s %7.2f  %-13s %s\n", what, x, rule, met ? "met" :
		       "NOT MET");
}

/* Issue "Uncertainty", point 6, against the figures measured above. */
static void targets(const struct figures *f)
{
	double floor_ratio = f->mc_s[BIG][1] / f->floor_s[BIG];
	double speedup = f->mc_s[BIG][0] / f->mc_s[BIG][1];
	double mem = f->peak_kib[0] > 0 && f->peak_kib[1] > 0 ?
	             (double)f->peak_kib[1] / (double)f->peak_kib[0] : -1.0;
	double numpy = f->simulate_s > 0.0 && f->numpy_s > 0.0 ?
	               f->numpy_s / f->simulate_s : -1.0;

	printf("\nSpeed targets (issue \"Uncertainty\", point 6):\n");
	target("10^6 draws on 2 threads / the floor on 1 thread", floor_ratio,
	       "at most 1.5", floor_ratio <= 1.5);
	target("speed-up of 2 threads over 1, 10^6 draws", speedup,
	       "at least 1.8", speedup >= 1.8);
	target("peak memory of simulate, 10^6 / 10^5 draws", mem, "at most 1.3",
	       mem <= 1.3);
	target("NumPy process / simulate process, 10^6 draws", numpy,
	       "at least 3", numpy >= 3.0);
}

/* ---- the engines on the real scenarios ------------------------------------ */

static int engines(void)
{
	static const double rat43_start1[] = {100, 10, 1, 1};
	static const double boxbod_start1[] = {1, 1};
	struct fit_ctx f;
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
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: bench [--mc-only] [--lotrinh BIN --python PY "
	        "--dir DIR]\n       bench --export-model SCENARIO FILE\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct procs p = {NULL, NULL, NULL};
	struct figures fig;
	lt_mc_result keep;
	struct rusage ru;
	lt_scenario *s;
	lt_model *m;
	char err[300];
	int i, mc_only = 0;

	gsl_set_error_handler_off();
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--export-model") == 0 && i + 2 < argc) {
			if (lt_bench_export(argv[i + 1], argv[i + 2], err, sizeof err) == 0)
				return 0;
			fprintf(stderr, "bench: %s\n", err);
			return 1;
		} else if (strcmp(argv[i], "--mc-only") == 0) {
			mc_only = 1;
		} else if (strcmp(argv[i], "--lotrinh") == 0 && i + 1 < argc) {
			p.bin = argv[++i];
		} else if (strcmp(argv[i], "--python") == 0 && i + 1 < argc) {
			p.python = argv[++i];
		} else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
			p.dir = argv[++i];
		} else {
			return usage();
		}
	}
	if (!mc_only && engines() != 0)
		return 1;
	memset(&fig, 0, sizeof fig);
	memset(&keep, 0, sizeof keep);
	fig.simulate_s = fig.numpy_s = -1.0;
	fig.peak_kib[0] = fig.peak_kib[1] = -1;
	if (lt_scenario_load(&s, MC_SCENARIO, NULL) != LT_OK ||
	    lt_model_compile(&m, s, NULL, NULL) != LT_OK)
		return 1;
	monte_carlo(m, &fig, &keep);
	if (p.bin != NULL && p.python != NULL && p.dir != NULL) {
		against_numpy(m, &p, &fig, &keep);
		memory(&p, &fig);
		other_engines(&p);
	}
	targets(&fig);
	lt_mc_result_destroy(&keep);
	lt_model_free(m);
	lt_scenario_free(s);
	getrusage(RUSAGE_SELF, &ru);
	printf("\n%-44s %12ld KiB\n", "peak resident memory of this program",
	       ru.ru_maxrss);
	return 0;
}
