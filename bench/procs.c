/* procs.c - whole processes timed and measured for `make bench`.
 *
 * A user waits for the whole `lotrinh simulate` process, start-up, scenario
 * loading and output included, and for the whole NumPy process, imports
 * included; so the benchmark times processes, started with posix_spawn
 * (no shell: the arguments are passed as they are), and reads their peak
 * memory from GNU time, as `/usr/bin/time -v` reports it.  Other builds
 * and tests share the machine, so it also tells how much CPU time other
 * work took while something was timed (the kernel's counters, less this
 * process's own use), and can pin the calling thread to one CPU: on a
 * shared virtual machine one CPU may run slower than the other for a while,
 * and a one-thread time should not depend on which the scheduler picked.
 */
/* sched_setaffinity and CPU_SET: Linux's, for lt_bench_pin */
#define _GNU_SOURCE
#include "procs.h"

#include <fcntl.h>
#include <sched.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

double lt_bench_run(const char *const argv[], const char *out)
{
	posix_spawn_file_actions_t fa;
	double start;
	pid_t pid;
	int st, rc;

	if (posix_spawn_file_actions_init(&fa) != 0)
		return -1.0;
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, out ? out :
	                                 "/dev/null", O_WRONLY | O_CREAT | O_TRUNC,
	                                 0644);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null",
	                                 O_WRONLY, 0);
	start = now();
	/* posix_spawn's argv is char *const[] for historical reasons; it does
	 * not write to the strings */
	rc = posix_spawn(&pid, argv[0], &fa, NULL, (char *const *)argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return -1.0;
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		return -1.0;
	return now() - start;
}

double lt_bench_best(const char *const argv[], const char *out, int reps)
{
	double best = HUGE_VAL, t;
	int r;

	for (r = 0; r < reps; r++) {
		t = lt_bench_run(argv, out);
		if (t < 0.0)
			return -1.0;
		best = fmin(best, t);
	}
	return best;
}

long lt_bench_peak_kib(const char *const argv[], const char *report)
{
	static const char key[] = "Maximum resident set size (kbytes):";
	const char *targv[64];
	char line[256];
	long kib = -1;
	size_t n = 0, i;
	FILE *f;

	targv[n++] = "/usr/bin/time";
	targv[n++] = "-v";
	targv[n++] = "-o";
	targv[n++] = report;
	for (i = 0; argv[i] != NULL && n + 1 < sizeof targv / sizeof *targv; i++)
		targv[n++] = argv[i];
	targv[n] = NULL;
	if (access(targv[0], X_OK) != 0 || lt_bench_run(targv, NULL) < 0.0)
		return -1;
	f = fopen(report, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL) {
		const char *p = strstr(line, key);

		if (p != NULL)
			kib = strtol(p + sizeof key - 1, NULL, 10);
	}
	fclose(f);
	return kib;
}

static double seconds(struct timeval t)
{
	return (double)t.tv_sec + 1e-6 * (double)t.tv_usec;
}

void lt_bench_load_now(lt_bench_load *l)
{
	unsigned long long v[8] = {0};
	long hz = sysconf(_SC_CLK_TCK);
	struct rusage self, kids;
	FILE *f = fopen("/proc/stat", "r");

	l->wall = now();
	l->machine = -1.0;
	/* cpu  user nice system idle iowait irq softirq steal ... */
	if (f != NULL && hz > 0 && fscanf(f, "cpu %llu %llu %llu %llu %llu %llu "
	                                  "%llu %llu", &v[0], &v[1], &v[2], &v[3],
	                                  &v[4], &v[5], &v[6], &v[7]) == 8)
		l->machine = (double)(v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) /
		             (double)hz;
	if (f != NULL)
		fclose(f);
	getrusage(RUSAGE_SELF, &self);
	getrusage(RUSAGE_CHILDREN, &kids);
	l->own = seconds(self.ru_utime) + seconds(self.ru_stime) +
	         seconds(kids.ru_utime) + seconds(kids.ru_stime);
}

double lt_bench_others(const lt_bench_load *a, const lt_bench_load *b)
{
	double others;

	if (a->machine < 0.0 || b->machine < 0.0 || !(b->wall > a->wall))
		return -1.0;
	others = (b->machine - a->machine - (b->own - a->own)) /
	         (b->wall - a->wall);
	return others > 0.0 ? others : 0.0;
}

/* The CPUs this process may run on, as it started. */
static cpu_set_t all_cpus;
static int have_all_cpus;

int lt_bench_ncpus(void)
{
	if (!have_all_cpus) {
		if (sched_getaffinity(0, sizeof all_cpus, &all_cpus) != 0)
			return 1;
		have_all_cpus = 1;
	}
	return CPU_COUNT(&all_cpus);
}

void lt_bench_pin(int j)
{
	cpu_set_t one;
	int c, seen = 0;

	if (lt_bench_ncpus() < 2)
		return;
	if (j < 0) {
		sched_setaffinity(0, sizeof all_cpus, &all_cpus);
		return;
	}
	CPU_ZERO(&one);
	for (c = 0; c < CPU_SETSIZE; c++)
		if (CPU_ISSET(c, &all_cpus) && seen++ == j % CPU_COUNT(&all_cpus)) {
			CPU_SET(c, &one);
			sched_setaffinity(0, sizeof one, &one);
			return;
		}
}
