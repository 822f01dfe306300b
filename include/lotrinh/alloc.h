/* alloc.h - the one door through which lotrinh's own code allocates.
 *
 * Every malloc, calloc and realloc of lotrinh goes through these wrappers
 * (free stays free), so a test can make the N-th allocation fail and check
 * that every caller cleans up and reports a clean error, as SQLite's
 * malloc fault simulation does (test/tester.tcl).  The count and the
 * failure point are process-wide atomics: the wrappers are safe to call
 * from several threads.  Allocations made inside GSL, libconfig and
 * jansson do not pass here (jansson's do when the CLI routes them with
 * json_set_alloc_funcs).
 */
#ifndef LT_ALLOC_H
#define LT_ALLOC_H

#include <stddef.h>

/* As malloc, calloc and realloc, except that they return NULL when a
 * failure was armed with lt_alloc_fail_at and this is that allocation or
 * a later one.  lt_malloc(0) returns a unique pointer (malloc(1)). */
void *lt_malloc(size_t size);
void *lt_calloc(size_t n, size_t size);
void *lt_realloc(void *p, size_t size);

/* Make the N-th allocation from now on (1 = the next) and every one after
 * it fail; N = 0 turns failures off.  Resets the count. */
void lt_alloc_fail_at(unsigned long n);

/* Allocations made (successful or failed) since the last
 * lt_alloc_fail_at or lt_alloc_reset. */
unsigned long lt_alloc_count(void);

/* Reset the count to 0 without arming a failure. */
void lt_alloc_reset(void);

#endif /* LT_ALLOC_H */
