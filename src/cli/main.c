/* main.c - the lotrinh program: a thin wrapper so tests can call lt_main. */
#include "lotrinh/cli.h"

int main(int argc, char **argv)
{
	return lt_main(argc, argv);
}
