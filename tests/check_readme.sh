#!/bin/sh
# check_readme.sh - every example in README.md prints what README shows.
#
# An example is an indented block whose first line is "    $ build/lotrinh
# ...": the command, then its output, indented by four spaces, up to the
# first line that is not indented (blank lines inside the block belong to
# it).  A block whose second line is "    ..." shows only the end of the
# output: the shown lines must be the last lines printed.  Run from the
# project's root after the build; BIN (default build/lotrinh) is the
# program run in place of build/lotrinh.  Exits 1 when an example differs.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
awk -v dir="$dir" '
	function flush() {
		if (n > 0) {
			while (n > 0 && out[n] == "") n--;
			f = dir "/ex" k ".want";
			for (i = 1; i <= n; i++) print out[i] > f;
			close(f);
			printf "%s\n", elided > (dir "/ex" k ".elided");
			close(dir "/ex" k ".elided");
		}
		n = 0; inblock = 0;
	}
	/^    \$ build\/lotrinh / {
		flush(); k++; inblock = 1; elided = 0;
		cmd = substr($0, 7);
		print cmd > (dir "/ex" k ".cmd"); close(dir "/ex" k ".cmd");
		next;
	}
	inblock && /^    \.\.\.$/ && n == 0 { elided = 1; next; }
	inblock && (/^    / || /^$/) { out[++n] = ($0 == "" ? "" : substr($0, 5)); next; }
	inblock { flush(); }
	END { flush(); }
' README.md
bad=0
count=0
for c in "$dir"/ex*.cmd; do
	count=$((count + 1))
	base=${c%.cmd}
	cmd=$(cat "$c")
	run=$(printf '%s\n' "$cmd" | sed "s|^build/lotrinh|${BIN:-build/lotrinh}|")
	sh -c "$run" > "$base.got" 2>&1
	if [ "$(cat "$base.elided")" = 1 ]; then
		lines=$(wc -l < "$base.want")
		tail -n "$lines" "$base.got" > "$base.cmp"
	else
		sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$base.got" > "$base.cmp"
	fi
	if ! diff -u "$base.want" "$base.cmp" > "$base.diff"; then
		echo "readme: the example '$cmd' prints something else:"
		head -n 40 "$base.diff"
		bad=1
	fi
done
[ "$count" -gt 0 ] || { echo "readme: no example found"; exit 1; }
[ $bad -eq 0 ] && echo "readme: all $count examples print what README shows"
exit $bad
