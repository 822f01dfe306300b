/* procs.h - whole processes timed and measured for `make bench` (procs.c). */
#ifndef LT_BENCH_PROCS_H
#define LT_BENCH_PROCS_H

/* Run ARGV (argv[0] a path; NULL-terminated) with its standard output sent
 * to OUT (NULL: /dev/null) and its standard error to /dev/null, and wait
 * for it.  Returns its wall time in seconds, or -1 when it cannot be
 * started or exits with a status other than 0. */
double lt_bench_run(const char *const argv[], const char *out);

/* The fastest of REPS runs of ARGV, as lt_bench_run; -1 when any fails. */
double lt_bench_best(const char *const argv[], const char *out, int reps);

/* The peak resident memory of ARGV in KiB, as GNU time's "Maximum resident
 * set size" (/usr/bin/time -v, its report written to the file REPORT), or
 * -1 when /usr/bin/time is missing or the run fails. */
long lt_bench_peak_kib(const char *const argv[], const char *report);

/* A snapshot of how busy the machine is, to tell how much of it other
 * work took while something was timed (lt_bench_others). */
typedef struct lt_bench_load {
	double wall;      /* seconds, monotonic */
	double machine;   /* CPU seconds all CPUs have been busy (/proc/stat:
	                     user, nice, system, irq, softirq, steal), or -1 */
	double own;       /* CPU seconds of this process and its waited-for
	                     children */
} lt_bench_load;

void lt_bench_load_now(lt_bench_load *l);

/* The CPUs other work kept busy on average between snapshots A and B
 * (0 on an otherwise idle machine; steal by other virtual machines
 * counts), or -1 when /proc/stat cannot be read. */
double lt_bench_others(const lt_bench_load *a, const lt_bench_load *b);

/* The CPUs this process may use (1 when that cannot be told). */
int lt_bench_ncpus(void);

/* Pin the calling thread to the J-th CPU this process may use (modulo
 * their number); J < 0 allows all of them again.  Threads created while
 * it is pinned inherit the pin: allow all before starting any. */
void lt_bench_pin(int j);

#endif /* LT_BENCH_PROCS_H */
