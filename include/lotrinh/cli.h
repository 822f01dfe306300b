/* cli.h - the command-line entry point, callable from tests.
 *
 * main() only calls lt_main(), so tests run the whole CLI in-process and
 * check its output and exit status.
 */
#ifndef LT_CLI_H
#define LT_CLI_H

/* Exit statuses (DESIGN §8), also listed by `lotrinh --help`. */
enum {
	LT_EXIT_OK = 0,    /* success, including "not reachable" answers */
	LT_EXIT_FAIL = 1,  /* a computation failed (no convergence, tolerance) */
	LT_EXIT_USAGE = 2, /* bad usage, or an invalid scenario or data file */
	LT_EXIT_ENV = 3    /* the environment failed: I/O, disk full, gnuplot */
};

/* Run lotrinh with ARGC/ARGV as main() would receive them; returns the exit
 * status.  Results go to stdout, diagnostics to stderr. */
int lt_main(int argc, char **argv);

#endif /* LT_CLI_H */
