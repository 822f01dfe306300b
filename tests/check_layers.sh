#!/bin/sh
# check_layers.sh - fail when a source file includes a header of a higher
# layer (docs/ARCHITECTURE.md), when an engine prints, reads files or
# touches libconfig, or when a file outside the scenario loader
# (src/input/config*.c and its private header) includes <libconfig.h> or
# the loader's private header.
#
# Layers, bottom up: core, scenario, numerics, input, output, cli.  A
# header belongs to the layer of the folder that holds the .c file of the
# same name (cli.h to cli).  Run from the project's root; prints every
# offence and exits 1 when there is one.
set -u
rank() {
	case "$1" in
	core) echo 1 ;; scenario) echo 2 ;; numerics) echo 3 ;;
	input) echo 4 ;; output) echo 5 ;; cli) echo 6 ;; *) echo 0 ;;
	esac
}
layer_of_header() { # lotrinh/NAME.h -> its layer
	name=$(basename "$1" .h)
	for d in core scenario numerics input output cli; do
		if [ -f "src/$d/$name.c" ]; then echo "$d"; return; fi
	done
	[ "$name" = cli ] && { echo cli; return; }
	echo unknown
}
bad=0
for f in src/*/*.c src/*/*.h include/lotrinh/*.h; do
	case "$f" in
	include/*) own=$(layer_of_header "$f") ;;
	*) own=$(basename "$(dirname "$f")") ;;
	esac
	r=$(rank "$own")
	if [ "$r" = 0 ]; then
		echo "layers: $f: '$own' is not a layer"; bad=1; continue
	fi
	for h in $(sed -n 's/^#include "\(lotrinh\/[a-z_]*\.h\)".*/\1/p' "$f"); do
		hl=$(layer_of_header "$h")
		hr=$(rank "$hl")
		if [ "$hr" = 0 ] || [ "$hr" -gt "$r" ]; then
			echo "layers: $f ($own) includes $h ($hl), a higher layer"
			bad=1
		fi
	done
done
# engines (numerics) and the scenario types: no libconfig, no printing, no
# files, no exit
for f in src/core/*.c src/scenario/*.c src/numerics/*.c; do
	if grep -nE '#include <(libconfig|jansson)\.h>' "$f"; then
		echo "layers: $f: an engine includes a library of the input or output layer"
		bad=1
	fi
	if grep -nE '\b(printf|fprintf|puts|fputs|putchar|fopen|fwrite|fread|exit|abort)\(' "$f" |
	    grep -v '^\s*[0-9]*:\s*/\?\*'; then
		echo "layers: $f: an engine prints, reads or writes files, or exits"
		bad=1
	fi
done
# libconfig belongs to the scenario loader alone: every other file takes a
# validated lt_scenario.  The loader is src/input/config*.c with its private
# header src/input/config_private.h, which no other file may include.
for f in $(find src include tests bench -name '*.[ch]' 2>/dev/null | sort); do
	case "$f" in
	src/input/config*.c | src/input/config_private.h) continue ;;
	esac
	if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]libconfig\.h[>"]' "$f"; then
		echo "layers: $f: only the scenario loader (src/input/config*.c) includes <libconfig.h>"
		bad=1
	fi
	if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]*/)?config_private\.h"' "$f"; then
		echo "layers: $f: config_private.h is the loader's own header (src/input/config*.c)"
		bad=1
	fi
done
[ $bad -eq 0 ] && echo "layers: every include goes down the layers; engines do no I/O; only the loader includes libconfig"
exit $bad
