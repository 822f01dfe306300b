# sobol.gp - Sobol indices of a target-year value: the share of its
# variance each factor explains alone (first order S1) and with its
# interactions (total ST), largest ST on top, with bootstrap intervals.
#
#   gnuplot -c sobol.gp FORMAT IMAGE DATA LABELS TITLE DECIMALSIGN NBARS CONF
#
# FORMAT png, svg or pdf; IMAGE the file to draw; DATA one factor a line
# (tab-separated: factor label, s1, s1_conf, st, st_conf; the half-widths
# empty without a bootstrap); LABELS the texts (a line of keys, a line of
# texts); TITLE the title; DECIMALSIGN "." or ","; NBARS the number of
# factors; CONF "conf" to draw the intervals.
#
# Written by lotrinh (docs/CHARTS.md).  It reads only DATA, LABELS and its
# arguments, and runs no command: restyle it freely.

set encoding utf8
set datafile separator "\t"
set datafile columnheaders
set decimalsign ARG6

stats ARG4 using (L_x = strcol("xlabel"), L_s1 = strcol("s1"), \
	L_st = strcol("st"), L_note = strcol("note"), 0) every ::0::0 nooutput
n = int(real(ARG7))
conf = strlen(ARG8) > 0 ? 1 : 0
cf(c) = conf ? column(c) : 0
stats ARG3 using (column("s1") - cf("s1_conf")) nooutput
lo = STATS_min < 0 ? STATS_min : 0
stats ARG3 using (column("st") - cf("st_conf")) nooutput
lo = STATS_min < lo ? STATS_min : lo
stats ARG3 using (column("s1") + cf("s1_conf")) nooutput
hi = STATS_max > 0.05 ? STATS_max : 0.05
stats ARG3 using (column("st") + cf("st_conf")) nooutput
hi = STATS_max > hi ? STATS_max : hi
y(i) = n - i

set label 100 ARG5 at screen 0.5, screen 0.965 center font ",15"
set tmargin 5
set xlabel L_x
set xrange [lo - 0.03 : hi + 0.03]
set yrange [0.3 : n + 0.7]
set xtics nomirror format "%.1f"
set ytics nomirror scale 0
set grid xtics lc rgb "#e0e0e0" lt 1
set border 1
set key outside below center horizontal spacing 1.2 height 1
set label 101 L_note at screen 0.5, screen 0.925 center font ",11" tc rgb "#555555"
set arrow 1 from 0, graph 0 to 0, graph 1 nohead lc rgb "black"
set style fill solid 0.85 noborder

# The chart is built element by element, each only when its series is
# present (an element whose column is empty would make
# gnuplot warn) on a text terminal writing nowhere, then drawn once on
# the real one.
set terminal dumb size 300,120
set output "/dev/null"
plot ARG3 using (column("st") / 2):(y(column(0)) + 0.18):(0):(column("st")):(y(column(0)) + 0.02):(y(column(0)) + 0.34):ytic(strcol("factor")) \
		with boxxyerror lc rgb "#08519c" title L_st, \
	ARG3 using (column("s1") / 2):(y(column(0)) - 0.18):(0):(column("s1")):(y(column(0)) - 0.34):(y(column(0)) - 0.02) \
		with boxxyerror lc rgb "#6baed6" title L_s1
if (conf) {
	replot ARG3 using (column("st")):(y(column(0)) + 0.18):(column("st_conf")) \
		with xerrorbars lc rgb "black" pt -1 notitle, \
	ARG3 using (column("s1")):(y(column(0)) - 0.18):(column("s1_conf")) \
		with xerrorbars lc rgb "black" pt -1 notitle
}

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
replot
