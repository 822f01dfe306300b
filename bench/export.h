/* export.h - a compiled model as JSON for bench/numpy_mc.py (export.c). */
#ifndef LT_BENCH_EXPORT_H
#define LT_BENCH_EXPORT_H

#include <stddef.h>

/* Write what the NumPy program needs of SCENARIO's compiled model to the
 * file OUT.  Returns 0, or -1 with a message in ERR[NERR] when the scenario
 * is outside the exporter's domain (export.c) or OUT cannot be written. */
int lt_bench_export(const char *scenario, const char *out, char *err,
                    size_t nerr);

/* Format a message into ERR[N] and return -1: how the bench's helpers
 * fail (export.c, agree.c). */
int lt_bench_fail(char *err, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* LT_BENCH_EXPORT_H */
