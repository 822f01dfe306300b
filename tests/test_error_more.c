/* test_error_more.c - the error list's edges (error.h): a message longer
 * than LT_ERROR_MSG_MAX, more errors than LT_DIAG_MAX, a NULL diag, and
 * out of memory while recording.
 *
 * Truths: the limits and the contract written in error.h, and lengths
 * counted by hand in the comments.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/error.h"

/* A message of 600 characters is cut to LT_ERROR_MSG_MAX - 1 = 511 and
 * ends in "...": the first 508 characters kept, then the three dots. */
Test(error, long_message_is_cut_with_dots)
{
	char text[601];
	lt_diag d;

	memset(text, 'x', 600);
	text[600] = '\0';
	text[0] = 'a';
	lt_diag_init(&d, "f.cfg");
	cr_expect_eq(lt_error_raise(&d, LT_EINVAL, NULL, 7, "%s", text), LT_EINVAL);
	cr_assert_eq(d.n, 1);
	cr_expect_eq(strlen(d.items[0].msg), 511);
	cr_expect_str_eq(d.items[0].msg + 508, "...");
	cr_expect_eq(d.items[0].msg[0], 'a');
	cr_expect_eq(d.items[0].msg[507], 'x');
	cr_expect_str_eq(d.items[0].file, "f.cfg");
	cr_expect_eq(d.items[0].line, 7);
	lt_diag_destroy(&d);
}

/* 53 errors: LT_DIAG_MAX = 50 kept, 3 counted as dropped, 53 in all. */
Test(error, errors_beyond_the_limit_are_counted)
{
	lt_diag d;
	int i;

	lt_diag_init(&d, NULL);
	for (i = 0; i < 53; i++)
		lt_error_raise(&d, LT_EINVAL, "g.cfg", i + 1, "error %d", i + 1);
	cr_expect_eq(d.n, 50);
	cr_expect_eq(d.dropped, 3);
	cr_expect_eq(lt_diag_count(&d), 53);
	cr_expect_str_eq(d.items[49].msg, "error 50");
	lt_diag_destroy(&d);
	cr_expect_eq(lt_diag_count(&d), 0);
	cr_expect_null(d.items);
}

/* A NULL diag: raising returns the code and records nothing; counting
 * gives 0; destroying does nothing, and allocates nothing even with every
 * allocation armed to fail. */
Test(error, null_diag)
{
	lt_alloc_fail_at(1);
	cr_expect_eq(lt_error_raise(NULL, LT_ENOCONV, NULL, 0, "x"), LT_ENOCONV);
	cr_expect_eq(lt_diag_count(NULL), 0);
	lt_diag_destroy(NULL);
	cr_expect_eq(lt_alloc_count(), 0);
	lt_alloc_fail_at(0);
}

/* Out of memory while recording (error.h): the first error is kept in the
 * diag itself, later ones are counted as dropped, and the code comes back
 * each time. */
Test(error, out_of_memory_while_recording)
{
	lt_diag d;

	lt_diag_init(&d, NULL);
	lt_alloc_fail_at(1);
	cr_expect_eq(lt_error_raise(&d, LT_ENOMEM, "h.cfg", 3, "out of memory"),
	             LT_ENOMEM);
	cr_expect_eq(lt_error_raise(&d, LT_EIO, "h.cfg", 4, "later"), LT_EIO);
	lt_alloc_fail_at(0);
	cr_assert_eq(d.n, 1);
	cr_expect_str_eq(d.items[0].msg, "out of memory");
	cr_expect_eq(d.items[0].line, 3);
	cr_expect_eq(d.dropped, 1);
	cr_expect_eq(lt_diag_count(&d), 2);
	lt_diag_destroy(&d);
	cr_expect_null(d.items);
}

/* A diag that keeps its first error only: recording allocates nothing (the
 * allocation counter does not move), the first error is kept and the
 * second counted as dropped. */
Test(error, first_only_allocates_nothing)
{
	lt_diag d;
	unsigned long before;

	lt_alloc_reset();
	lt_diag_init_first(&d, "f.cfg");
	before = lt_alloc_count();
	cr_expect_eq(lt_error_raise(&d, LT_ENOCONV, NULL, 3, "first"), LT_ENOCONV);
	cr_expect_eq(lt_error_raise(&d, LT_EINVAL, NULL, 4, "second"), LT_EINVAL);
	cr_expect_eq(lt_alloc_count(), before);
	cr_assert_eq(d.n, 1);
	cr_expect_str_eq(d.items[0].msg, "first");
	cr_expect_eq(d.dropped, 1);
	cr_expect_eq(lt_diag_count(&d), 2);
	lt_diag_destroy(&d);
}
