# reached.gp - the year-reached distribution of a target: the probability
# that the target has been met by each year, under the plan's schedule and
# under business as usual (today's share of the spending base kept).
#
#   gnuplot -c reached.gp FORMAT IMAGE DATA LABELS TITLE DECIMALSIGN FLAGS TARGET_YEAR
#
# FORMAT png, svg or pdf; IMAGE the file to draw; DATA the probabilities by
# year (tab-separated: year, plan, bau; an empty field where there is no
# value); LABELS the texts (a line of keys, a line of texts); TITLE the
# title; DECIMALSIGN "." or ","; FLAGS the series present (plan, bau);
# TARGET_YEAR the year marked by a dotted line.
#
# Written by lotrinh (docs/CHARTS.md).  It reads only DATA, LABELS and its
# arguments, and runs no command: restyle it freely.

set encoding utf8
set datafile separator "\t"
set datafile columnheaders
set decimalsign ARG6
has(w) = strstrt(" ".ARG7." ", " ".w." ") > 0

stats ARG4 using (L_x = strcol("xlabel"), L_y = strcol("ylabel"), \
	L_plan = strcol("plan"), L_bau = strcol("bau"), \
	L_target = strcol("target"), 0) every ::0::0 nooutput
stats ARG3 using 1 nooutput
first = STATS_min
last = STATS_max
ty = real(ARG8)

set label 100 ARG5 at screen 0.5, screen 0.965 center font ",15"
set tmargin 4
set xlabel L_x
set ylabel L_y
set xrange [first - 0.5 : last + 0.5]
xstep = last - first > 16 ? 2 : 1
set xtics xstep format "%.0f" nomirror
set yrange [0 : 1.04]
set ytics 0.2 format "%.1f" nomirror
set grid ytics lc rgb "#e0e0e0" lt 1
set border 3
set key outside below center horizontal spacing 1.2 height 1
set arrow 1 from ty, graph 0 to ty, graph 1 nohead dt 3 lw 1.5 lc rgb "#31a354" back
set label 1 L_target at ty, graph 1.0 right offset -0.5, -0.8 tc rgb "#31a354" font ",12"

# The chart is built element by element, each only when its series is
# present (an element whose column is empty would make
# gnuplot warn) on a text terminal writing nowhere, then drawn once on
# the real one.
set terminal dumb size 300,120
set output "/dev/null"
plot NaN notitle
if (has("bau")) {
	replot ARG3 using 1:(column("bau")) \
		with linespoints lc rgb "#e6550d" dt 4 lw 2.5 pt 6 ps 1.3 title L_bau
}
if (has("plan")) {
	replot ARG3 using 1:(column("plan")) \
		with linespoints lc rgb "#08519c" lw 3 pt 7 ps 1.3 title L_plan
}

if (ARG1 eq "svg") {
	set terminal svg noenhanced font "DejaVu Sans,13" size 1100,680 dynamic background rgb "white"
} else {
	if (ARG1 eq "pdf") {
		set terminal pdfcairo noenhanced font "DejaVu Sans,10" size 9.17in,5.67in
	} else {
		set terminal pngcairo noenhanced font "DejaVu Sans,13" size 1100,680
	}
}
set output ARG2
replot
