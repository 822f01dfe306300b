#!/bin/sh
# check_browser.sh - the briefing in a real browser (Debian's chromium,
# headless), in English and Vietnamese: it loads with every image decoded
# and no console error, nothing runs past the right edge at the width an
# A4 page prints (210 mm less 2 x 14 mm margins, 688 CSS pixels), a
# screenshot has real content (many colours, grey-level variance), and
# --print-to-pdf gives A4 pages.
#
#   BIN=build/lotrinh tests/check_browser.sh
set -eu
BIN=${BIN:-build/lotrinh}
CHROMIUM=${CHROMIUM:-chromium}
if ! command -v "$CHROMIUM" >/dev/null 2>&1; then
	echo "browser: $CHROMIUM is not installed (.ci/install-deps test)" >&2
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a private profile, no sandbox (CI runs as root), no GPU
chrome() {
	"$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$tmp/profile" "$@"
}
fail() {
	echo "browser: $*" >&2
	exit 1
}

for lang in en vi; do
	out="$tmp/$lang"
	"$BIN" run --draws 400 --sobol 0 --threads 1 --lang "$lang" \
		--out "$out" scenarios/long_an.cfg >/dev/null
	# the briefing inside a frame as wide as an A4 page's text: after its
	# load event (which waits for every image), count the images that did
	# not decode and measure what runs past the right edge
	cat > "$tmp/harness.html" <<HTML
<!DOCTYPE html><html><body><pre id="r">pending</pre>
<iframe id="f" src="$lang/report.html" style="width:688px;height:900px"></iframe>
<script>
document.getElementById('f').onload = function () {
  var d = this.contentDocument, im = d.images, bad = 0, i;
  for (i = 0; i < im.length; i++)
    if (!im[i].complete || im[i].naturalWidth === 0) bad++;
  document.getElementById('r').textContent = 'images=' + im.length +
    ' broken=' + bad + ' overflow=' +
    (d.documentElement.scrollWidth - d.documentElement.clientWidth) +
    ' text=' + d.body.innerText.length;
};
</script></body></html>
HTML
	result=$(chrome --allow-file-access-from-files --virtual-time-budget=10000 \
		--dump-dom "file://$tmp/harness.html" 2>/dev/null |
		sed -n 's/.*<pre id="r">\([^<]*\)<.*/\1/p')
	case "$result" in
	*"broken=0 overflow=0"*) ;;
	*) fail "$lang: the briefing in a frame: '$result' (want broken=0 overflow=0)" ;;
	esac
	chars=${result##*text=}
	[ "$chars" -gt 2000 ] || fail "$lang: only $chars characters of text"
	# console errors and failed loads, as chromium logs them
	chrome --enable-logging=stderr --v=0 --virtual-time-budget=5000 \
		--dump-dom "file://$out/report.html" >/dev/null 2>"$tmp/log" || true
	if grep -E "CONSOLE|Uncaught|Failed to load|ERR_FILE_NOT_FOUND" "$tmp/log"; then
		fail "$lang: console errors or failed loads (above)"
	fi
	# a screenshot with content: a blank or broken page has few colours
	# and almost no variance
	chrome --window-size=900,1400 --screenshot="$tmp/shot.png" \
		"file://$out/report.html" >/dev/null 2>&1
	set -- $(python3 tests/png_stats.py "$tmp/shot.png")
	[ "$3" -ge 20 ] || fail "$lang: the screenshot has $3 colours"
	awk -v v="$4" 'BEGIN { exit !(v > 200) }' ||
		fail "$lang: the screenshot's grey variance is $4"
	# printed: A4 pages (595 x 842 points, within a point)
	chrome --no-pdf-header-footer --print-to-pdf="$tmp/r.pdf" \
		"file://$out/report.html" >/dev/null 2>&1
	boxes=$(grep -a -o 'MediaBox *\[[^]]*\]' "$tmp/r.pdf" | sort -u)
	[ -n "$boxes" ] || fail "$lang: no page in the PDF"
	echo "$boxes" | awk '{ gsub(/[][]/, " "); n = split($0, f, " ");
		w = f[n - 1] - f[n - 3]; h = f[n] - f[n - 2];
		if (w < 594 || w > 597 || h < 841 || h > 843) bad = 1 }
		END { exit bad }' || fail "$lang: pages are not A4: $boxes"
	pages=$(grep -a -o -E '/Type ?/Page([^s]|$)' "$tmp/r.pdf" | wc -l)
	echo "browser ($lang): $result; screenshot $3 colours, variance $4; $pages A4 pages"
done
