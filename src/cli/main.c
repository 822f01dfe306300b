/* main.c - the lotrinh program: a thin wrapper so tests can call lt_main. */
#include <signal.h>

#include "lotrinh/cli.h"

int main(int argc, char **argv)
{
	/* A file-size limit (ulimit -f) must make a write fail with EFBIG,
	 * which the sinks report (exit 3, no half-written file), rather than
	 * kill the process with SIGXFSZ halfway through an output. */
	signal(SIGXFSZ, SIG_IGN);
	return lt_main(argc, argv);
}
