/* alloc.c - counting, fault-injecting allocation wrappers (see alloc.h). */
#include "lotrinh/alloc.h"

#include <stdatomic.h>
#include <stdlib.h>

static atomic_ulong count;
static atomic_ulong fail_at; /* 0: never */

/* Count one allocation; 1 when it must fail. */
static int fails(void)
{
	unsigned long n = atomic_fetch_add(&count, 1) + 1;
	unsigned long at = atomic_load(&fail_at);

	return at != 0 && n >= at;
}

void *lt_malloc(size_t size)
{
	if (fails())
		return NULL;
	return malloc(size > 0 ? size : 1);
}

void *lt_calloc(size_t n, size_t size)
{
	if (fails())
		return NULL;
	return calloc(n > 0 ? n : 1, size > 0 ? size : 1);
}

void *lt_realloc(void *p, size_t size)
{
	if (fails())
		return NULL;
	return realloc(p, size > 0 ? size : 1);
}

void lt_alloc_fail_at(unsigned long n)
{
	atomic_store(&count, 0);
	atomic_store(&fail_at, n);
}

unsigned long lt_alloc_count(void)
{
	return atomic_load(&count);
}

void lt_alloc_reset(void)
{
	atomic_store(&count, 0);
}
