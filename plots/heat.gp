# heat.gp - the probability of a target over a constant share of the
# spending base × the indicator's responsiveness β, with the lines where
# it reaches 0.5 and 0.8, the plan's rule, its own spending and the β of
# the scenario marked.
#
#   gnuplot -c heat.gp FORMAT IMAGE DATA LABELS TITLE DECIMALSIGN RULE PLAN BETA
#
# FORMAT png, svg or pdf; IMAGE the file to draw; DATA the grid
# (tab-separated: share %, β, probability, draws; one block of shares per
# β, blocks separated by a blank line); LABELS the texts (a line of keys,
# a line of texts); TITLE the title; DECIMALSIGN "." or ","; RULE and PLAN
# the shares of the plan's rule and of its own spending ("" when none);
# BETA the β of the scenario.
#
# Written by lotrinh (docs/CHARTS.md).  It reads only DATA, LABELS and its
# arguments, and runs no command: restyle it freely.

set encoding utf8
set datafile separator "\t"
set datafile columnheaders

stats ARG4 using (L_x = strcol("xlabel"), L_y = strcol("ylabel"), \
	L_cb = strcol("cblabel"), L_rule = strcol("rule"), L_plan = strcol("plan"), \
	L_central = strcol("central"), L_note = strcol("note"), \
	L_c50 = strcol("contour50"), L_c80 = strcol("contour80"), 0) \
	every ::0::0 nooutput
# the grid holds numbers only: read it, and the contours gnuplot writes
# (blank-separated, no header), as whitespace-separated columns
set datafile separator whitespace
set datafile nocolumnheaders
stats ARG3 using 1:2 nooutput
smin = STATS_min_x; smax = STATS_max_x
bmin = STATS_min_y; bmax = STATS_max_y
stats ARG3 using 3 nooutput
has50 = STATS_min < 0.5 && STATS_max > 0.5 ? 1 : 0
has80 = STATS_min < 0.8 && STATS_max > 0.8 ? 1 : 0
beta = real(ARG9)
rule = strlen(ARG7) > 0 ? real(ARG7) : NaN
plan = strlen(ARG8) > 0 ? real(ARG8) : NaN
has_rule = rule >= smin && rule <= smax ? 1 : 0
has_plan = plan >= smin && plan <= smax ? 1 : 0
has_beta = beta >= bmin && beta <= bmax ? 1 : 0

# the lines where the probability reaches 0.5 and 0.8, computed by gnuplot
# into two data blocks
set contour base
set cntrparam linear
unset surface
if (has50) {
	set cntrparam levels discrete 0.5
	set table $c50
	splot ARG3 using 1:2:3 with lines notitle
	unset table
}
if (has80) {
	set cntrparam levels discrete 0.8
	set table $c80
	splot ARG3 using 1:2:3 with lines notitle
	unset table
}
unset contour
# after the table: gnuplot writes the table with the decimal sign it is set to
set decimalsign ARG6

set label 100 ARG5 at screen 0.5, screen 0.965 center font ",15"
set tmargin 5
set xlabel L_x
set ylabel L_y
set cblabel L_cb
set xrange [smin : smax]
set yrange [bmin : bmax]
set cbrange [0 : 1]
set cbtics 0.2 format "%.1f"
set xtics nomirror out format "%g"
set ytics nomirror out format "%g"
# viridis: lightness rises steadily from 0 to 1, also in grey print
set palette defined (0 "#440154", 0.25 "#3b528b", 0.5 "#21918c", 0.75 "#5ec962", 1 "#fde725")
set key outside below center horizontal maxcols 2 spacing 1.2 height 1
set label 101 L_note at screen 0.5, screen 0.925 center font ",11" tc rgb "#555555"
if (has_rule) {
	set arrow 1 from rule, graph 0 to rule, graph 1 nohead lw 3 lc rgb "#e41a1c" front
}
if (has_plan) {
	set arrow 2 from plan, graph 0 to plan, graph 1 nohead dt 2 lw 3 lc rgb "#ff7f00" front
}
if (has_beta) {
	set arrow 3 from graph 0, first beta to graph 1, first beta nohead dt 3 lw 3.5 lc rgb "#f781bf" front
}

# The chart is built element by element, each only when its series is
# present (an element whose column is empty would make
# gnuplot warn) on a text terminal writing nowhere, then drawn once on
# the real one.
set terminal dumb size 300,120
set output "/dev/null"
plot ARG3 using 1:2:3 with image notitle
# each contour white on a black edge, legible on every colour
if (has50) {
	replot $c50 using 1:2 with lines lc rgb "black" dt 2 lw 5 title L_c50, \
		$c50 using 1:2 with lines lc rgb "white" dt 2 lw 2.5 notitle
}
if (has80) {
	replot $c80 using 1:2 with lines lc rgb "black" lw 5 title L_c80, \
		$c80 using 1:2 with lines lc rgb "white" lw 2.5 notitle
}
if (has_rule) {
	replot NaN with lines lw 3 lc rgb "#e41a1c" title L_rule
}
if (has_plan) {
	replot NaN with lines dt 2 lw 3 lc rgb "#ff7f00" title L_plan
}
if (has_beta) {
	replot NaN with lines dt 3 lw 3.5 lc rgb "#f781bf" title L_central
}

if (ARG1 eq "svg") {
	set terminal svg noenhanced font "DejaVu Sans,13" size 1200,760 dynamic background rgb "white"
} else {
	if (ARG1 eq "pdf") {
		set terminal pdfcairo noenhanced font "DejaVu Sans,10" size 10in,6.33in
	} else {
		set terminal pngcairo noenhanced font "DejaVu Sans,13" size 1200,760
	}
}
set output ARG2
replot
