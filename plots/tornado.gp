# tornado.gp - what moves a target-year value: each uncertain parameter at
# its 10th and at its 90th percentile, the others at their medians, the
# widest bars on top.
#
#   gnuplot -c tornado.gp FORMAT IMAGE DATA LABELS TITLE DECIMALSIGN NBARS BASE TARGET
#
# FORMAT png, svg or pdf; IMAGE the file to draw; DATA one bar a line,
# widest first (tab-separated: parameter label, its 10th and 90th
# percentiles, the value at each); LABELS the texts (a line of keys, a line
# of texts); TITLE the title; DECIMALSIGN "." or ","; NBARS the number of
# bars; BASE the value with every parameter at its median; TARGET the
# value the target aims at (drawn when it lies near the bars).
#
# Written by lotrinh (docs/CHARTS.md).  It reads only DATA, LABELS and its
# arguments, and runs no command: restyle it freely.

if (ARG1 eq "svg") {
	set terminal svg noenhanced font "DejaVu Sans,13" size 1280,720 dynamic background rgb "white"
} else {
	if (ARG1 eq "pdf") {
		set terminal pdfcairo noenhanced font "DejaVu Sans,10" size 10.67in,6in
	} else {
		set terminal pngcairo noenhanced font "DejaVu Sans,13" size 1280,720
	}
}
set output ARG2
set encoding utf8
set datafile separator "\t"
set datafile columnheaders
set decimalsign ARG6

stats ARG4 using (L_x = strcol("xlabel"), L_low = strcol("low"), \
	L_high = strcol("high"), L_base = strcol("base"), \
	L_target = strcol("target"), L_off = strcol("off_chart"), 0) \
	every ::0::0 nooutput
n = int(real(ARG7))
base = real(ARG8)
aim = real(ARG9)
stats ARG3 using (column("value_at_p10")) nooutput
lo = STATS_min < base ? STATS_min : base
hi = STATS_max > base ? STATS_max : base
stats ARG3 using (column("value_at_p90")) nooutput
lo = STATS_min < lo ? STATS_min : lo
hi = STATS_max > hi ? STATS_max : hi
span = hi > lo ? hi - lo : (abs(base) > 0 ? abs(base) * 0.1 : 1)
show_aim = aim >= lo - 0.5 * span && aim <= hi + 0.5 * span
if (show_aim) {
	lo = aim < lo ? aim : lo
	hi = aim > hi ? aim : hi
}
min(a, b) = a < b ? a : b
max(a, b) = a > b ? a : b
y(i) = n - i

set label 100 ARG5 at screen 0.5, screen 0.965 center font ",15"
set tmargin 4
set xlabel L_x
set xrange [lo - 0.08 * span : hi + 0.08 * span]
set yrange [0.3 : n + 0.7]
set xtics nomirror format "%g"
set ytics nomirror scale 0
set grid xtics lc rgb "#e0e0e0" lt 1
set border 1
set key outside below center horizontal maxcols 2 spacing 1.2 height 1
set arrow 1 from base, graph 0 to base, graph 1 nohead lw 2 lc rgb "black" front
if (show_aim) {
	set arrow 2 from aim, graph 0 to aim, graph 1 nohead dt 2 lw 2.5 lc rgb "#31a354" front
}
set style fill solid 0.85 noborder

plot \
	ARG3 using (base):(y(column(0))):(min(base, column("value_at_p10"))):(max(base, column("value_at_p10"))):(y(column(0)) - 0.34):(y(column(0)) + 0.34):ytic(strcol("parameter")) \
		with boxxyerror lc rgb "#3182bd" title L_low, \
	ARG3 using (base):(y(column(0))):(min(base, column("value_at_p90"))):(max(base, column("value_at_p90"))):(y(column(0)) - 0.34):(y(column(0)) + 0.34) \
		with boxxyerror lc rgb "#e6550d" fs transparent solid 0.7 noborder title L_high, \
	NaN with lines lw 2 lc rgb "black" title L_base, \
	NaN with lines dt 2 lw 2.5 lc rgb "#31a354" title (show_aim ? L_target : L_target . L_off)
