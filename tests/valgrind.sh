#!/bin/sh
# valgrind.sh - the CLI under valgrind (make valgrind): every command on
# every scenario, the main job and compare, fit on the NIST data, and
# every bad input, two processes at a time (the machines CI runs on have
# two cores; valgrind runs one thread).  Each job is a line "WANT ARGS...":
# WANT lists the exit statuses it may end with ("0", "01", "2").  Any
# valgrind error (status 99) or another status fails the run, naming the
# job.
#
#   tests/valgrind.sh BIN BUILD
set -eu
BIN=$1
BUILD=$2
mkdir -p "$BUILD/valgrind"
jobs="$BUILD/valgrind/jobs"
: > "$jobs"
for f in scenarios/*.cfg; do
	b=$(basename "$f" .cfg)
	for a in "show" "show --lang vi --format json" "paths --format json" \
		"paths --format csv --lang vi" "audit" "audit --format json" \
		"simulate" "simulate --format json" "simulate --format csv --share 3" \
		"simulate --draws 300 --threads 2 --format json" "solve" \
		"solve --format csv --out $BUILD/valgrind/solve-$b.csv" \
		"solve --probability 0.8 --draws 200 --threads 2" \
		"sens --samples 64 --bootstrap 10 --threads 2" \
		"sens --samples 64 --threads 2 --format json" \
		"show --format xlsx --out $BUILD/valgrind/show-$b.xlsx"; do
		echo "0 $a $f" >> "$jobs"
	done
done
echo "0 run --draws 300 --sobol 64 --bootstrap 10 --threads 2 --out $BUILD/valgrind/run scenarios/long_an.cfg" >> "$jobs"
echo "0 compare --draws 100 --threads 2 --out $BUILD/valgrind/compare scenarios/long_an.cfg scenarios/dong_thap.cfg scenarios/an_giang.cfg" >> "$jobs"
for f in tests/data/nist/*.csv; do
	echo "01 fit --model saturating --predict 1 $f" >> "$jobs"
done
for f in tests/data/bad_csv/*.csv; do
	echo "2 fit --model linear $f" >> "$jobs"
done
for f in tests/data/bad/*; do
	case $f in *.err) continue ;; esac
	echo "2 check $f" >> "$jobs"
done
n=$(wc -l < "$jobs")
echo "valgrind: $n jobs, two at a time"
# each line: the statuses allowed, then the arguments (no argument holds
# a space: the paths in this tree have none)
xargs -P 2 -L 1 sh -c '
	want=$1; shift
	rc=0
	valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect \
		--errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
		--suppressions=tests/valgrind.supp "'"$BIN"'" "$@" \
		> /dev/null 2> "'"$BUILD"'/valgrind/last.$$" || rc=$?
	case $want in
	*$rc*) rm -f "'"$BUILD"'/valgrind/last.$$" ;;
	*) echo "valgrind: $* ended with status $rc (want $want):" >&2
	   cat "'"$BUILD"'/valgrind/last.$$" >&2
	   exit 255 ;;
	esac' sh < "$jobs"
echo "valgrind: all $n jobs clean"
