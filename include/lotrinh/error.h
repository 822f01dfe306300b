/* error.h - status codes and error records shared by every lotrinh module.
 *
 * Library code never prints: it returns an int status and describes what went
 * wrong in an lt_diag, a list of errors each with the file and line it is
 * about.  Every error is raised through lt_error_raise() (the LT_ERROR macros
 * call it), so one breakpoint catches every failure, as GSL_ERROR calls
 * gsl_error.  A list rather than a single record lets the scenario loader
 * report every problem in a file in one run.
 */
#ifndef LT_ERROR_H
#define LT_ERROR_H

#include <stddef.h>

/* Status codes: 0 is success, failures are negative. */
enum {
	LT_OK = 0,
	LT_EINVAL = -1,  /* bad input: a scenario, an option, a data file */
	LT_ENOCONV = -2, /* a computation did not converge or met no tolerance */
	LT_EIO = -3,     /* reading or writing a file failed */
	LT_ENOMEM = -4,  /* out of memory */
	LT_EEXTERN = -5  /* an external program (gnuplot) failed */
};

/* Longest message kept; longer ones are cut (and end in "..."). */
#define LT_ERROR_MSG_MAX 512
/* Most errors one diag keeps; more are counted but not stored. */
#define LT_DIAG_MAX 50

/* One error: which file and line it is about (file may be "" and line 0
 * when there is none), and the message, without a "lotrinh:" prefix. */
typedef struct lt_error {
	char file[256];
	int line;
	int code;
	char msg[LT_ERROR_MSG_MAX];
} lt_error;

/* A list of errors.  Initialise with lt_diag_init, release with
 * lt_diag_destroy.  `file` is the default file for errors raised without one
 * (borrowed, may be NULL). */
typedef struct lt_diag {
	lt_error *items;
	size_t n;         /* errors stored (at most LT_DIAG_MAX) */
	size_t dropped;   /* errors raised beyond LT_DIAG_MAX */
	const char *file; /* default file name, borrowed */
	lt_error spare;   /* holds the first error when there is no memory for
	                     the list, so "out of memory" is still reported */
} lt_diag;

/* Initialise an empty list whose errors default to FILE (borrowed; may be NULL). */
void lt_diag_init(lt_diag *d, const char *file);

/* Initialise an empty list that keeps only its first error, in the diag
 * itself (later ones are counted as dropped): for a caller that wants the
 * first message alone, which recording then never allocates. */
void lt_diag_init_first(lt_diag *d, const char *file);

/* Free the stored errors; the diag may be reused after lt_diag_init. */
void lt_diag_destroy(lt_diag *d);

/* Total number of errors raised, stored or not (0 for NULL). */
size_t lt_diag_count(const lt_diag *d);

/* Record an error about FILE (NULL means the diag's default file) and LINE
 * (0 for none) with a printf-style message, and return CODE.  D may be NULL,
 * in which case nothing is recorded.  When there is no memory for the list,
 * the first error is kept in the diag itself (so "out of memory" is still
 * said) and later ones are counted as dropped.  This is the single
 * function through which every lotrinh error passes. */
int lt_error_raise(lt_diag *d, int code, const char *file, int line,
                   const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Format one error as "FILE:LINE: MSG" (or "FILE: MSG", or "MSG") into BUF
 * of SIZE bytes; returns BUF. */
char *lt_error_format(const lt_error *e, char *buf, size_t size);

/* Record an error in DIAG and return CODE from the calling function. */
#define LT_ERROR(diag, code, ...) \
	return lt_error_raise((diag), (code), NULL, 0, __VA_ARGS__)

#endif /* LT_ERROR_H */
