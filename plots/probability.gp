# probability.gp - the cost of certainty: the probability of meeting each
# target, and all of them together, against a constant share of the
# spending base; the plan's rule and its own spending marked.
#
#   gnuplot -c probability.gp FORMAT IMAGE DATA LABELS TITLE DECIMALSIGN NSERIES RULE PLAN
#
# FORMAT png, svg or pdf; IMAGE the file to draw; DATA the share (%) and one
# column of probabilities per target, then all together (tab-separated;
# the header holds each series' legend text); LABELS the texts (a line of
# keys, a line of texts); TITLE the title; DECIMALSIGN "." or ",";
# NSERIES the number of probability columns; RULE the share the plan's rule
# asks for and PLAN the share its own schedule amounts to (% of the base,
# each "" when there is none).
#
# Written by lotrinh (docs/CHARTS.md).  It reads only DATA, LABELS and its
# arguments, and runs no command: restyle it freely.

set encoding utf8
set datafile separator "\t"
set datafile columnheaders
set decimalsign ARG6

stats ARG4 using (L_x = strcol("xlabel"), L_y = strcol("ylabel"), \
	L_rule = strcol("rule"), L_plan = strcol("plan"), \
	L_note = strcol("note"), 0) every ::0::0 nooutput
stats ARG3 using 1 nooutput
smax = STATS_max
n = int(real(ARG7))

set label 100 ARG5 at screen 0.5, screen 0.965 center font ",15"
set tmargin 5
set xlabel L_x
set ylabel L_y
set xrange [0 : smax]
set yrange [0 : 1.04]
set ytics 0.2 format "%.1f" nomirror
set xtics nomirror format "%g"
set grid xtics ytics lc rgb "#e0e0e0" lt 1
set border 3
set key outside right top vertical Left reverse width 1 spacing 1.2
set label 101 L_note at screen 0.5, screen 0.925 center font ",11" tc rgb "#555555"
rule = strlen(ARG8) > 0 ? real(ARG8) : NaN
plan = strlen(ARG9) > 0 ? real(ARG9) : NaN
has_rule = strlen(ARG8) > 0 ? 1 : 0
has_plan = strlen(ARG9) > 0 && plan <= smax ? 1 : 0
if (has_rule) {
	set arrow 1 from rule, graph 0 to rule, graph 1 nohead lw 2 lc rgb "#a50f15" front
}
if (has_plan) {
	set arrow 2 from plan, graph 0 to plan, graph 1 nohead dt 2 lw 2 lc rgb "#3182bd" front
}
# eight colours, solid, then the same eight dashed
set linetype 1 lc rgb "#1b9e77" lw 2.5
set linetype 2 lc rgb "#d95f02" lw 2.5
set linetype 3 lc rgb "#7570b3" lw 2.5
set linetype 4 lc rgb "#e7298a" lw 2.5
set linetype 5 lc rgb "#66a61e" lw 2.5
set linetype 6 lc rgb "#e6ab02" lw 2.5
set linetype 7 lc rgb "#a6761d" lw 2.5
set linetype 8 lc rgb "#1f78b4" lw 2.5
set linetype 9 lc rgb "#1b9e77" lw 2.5 dt 2
set linetype 10 lc rgb "#d95f02" lw 2.5 dt 2
set linetype 11 lc rgb "#7570b3" lw 2.5 dt 2
set linetype 12 lc rgb "#e7298a" lw 2.5 dt 2
set linetype 13 lc rgb "#66a61e" lw 2.5 dt 2
set linetype 14 lc rgb "#e6ab02" lw 2.5 dt 2
set linetype 15 lc rgb "#a6761d" lw 2.5 dt 2
set linetype 16 lc rgb "#1f78b4" lw 2.5 dt 2
set linetype cycle 16

# The chart is built element by element on a text terminal writing
# nowhere, then drawn once on the real one.
set terminal dumb size 300,120
set output "/dev/null"
plot for [j=2:n] ARG3 using 1:j with lines lt (j - 1) title columnheader(j), \
	ARG3 using 1:(column(n + 1)) with lines lc rgb "black" lw 3.5 dt solid title columnheader(n + 1)
if (has_rule) {
	replot NaN with lines lw 2 dt solid lc rgb "#a50f15" title L_rule
}
if (has_plan) {
	replot NaN with lines dt 2 lw 2 lc rgb "#3182bd" title L_plan
}

if (ARG1 eq "svg") {
	set terminal svg noenhanced font "DejaVu Sans,13" size 1440,760 dynamic background rgb "white"
} else {
	if (ARG1 eq "pdf") {
		set terminal pdfcairo noenhanced font "DejaVu Sans,10" size 12in,6.33in
	} else {
		set terminal pngcairo noenhanced font "DejaVu Sans,13" size 1440,760
	}
}
set output ARG2
replot
