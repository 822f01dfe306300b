# spending.gp - the state budget of the plan's programmes by group and year,
# stacked, against the least the plan's rule asks for each year.
#
#   gnuplot -c spending.gp FORMAT IMAGE DATA LABELS TITLE DECIMALSIGN NGROUPS RULE
#
# FORMAT png, svg or pdf; IMAGE the file to draw; DATA by year: one column
# per group (million VND; the header holds each group's legend text), then
# the total and the rule's amount (tab-separated; an empty field where
# there is none); LABELS the texts (a line of keys, a line of texts); TITLE
# the title; DECIMALSIGN "." or ","; NGROUPS the number of group columns;
# RULE "rule" when the plan has a rule to draw.  Money is drawn in billions
# (million / 1000).
#
# Written by lotrinh (docs/CHARTS.md).  It reads only DATA, LABELS and its
# arguments, and runs no command: restyle it freely.

set encoding utf8
set datafile separator "\t"
set datafile columnheaders
set decimalsign ARG6

stats ARG4 using (L_x = strcol("xlabel"), L_y = strcol("ylabel"), \
	L_rule = strcol("rule"), L_total = strcol("total"), 0) every ::0::0 nooutput
n = int(real(ARG7))
bn(x) = x / 1000.0
rule = strlen(ARG8) > 0 ? 1 : 0

set label 100 ARG5 at screen 0.5, screen 0.965 center font ",15"
set tmargin 4
set xlabel L_x
set ylabel L_y
set style data histograms
set style histogram rowstacked gap 1
set style fill solid 0.85 border rgb "white"
set boxwidth 0.7
# the money axis in billions, its thousands grouped as the language writes
# them ("1.200" in Vietnamese, "1,200" in English)
stats ARG3 using (bn(column(n + 2))) nooutput
top = STATS_max
if (rule) {
	stats ARG3 using (bn(column(n + 3))) nooutput
	top = STATS_max > top ? STATS_max : top
}
top = top > 0 ? top * 1.08 : 1
nice(x) = (m = 10**floor(log10(x)), f = x / m, (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * m)
step = nice(top / 8)
sep = ARG6 eq "," ? "." : ","
grp(v) = v < 1000 ? sprintf("%d", v) : grp(int(v / 1000)) . sep . sprintf("%03d", int(v) % 1000)
set yrange [0 : top]
if (step >= 1) {
	set ytics () nomirror
	do for [i=0:int(top / step)] {
		set ytics add (grp(int(i * step)) i * step)
	}
} else {
	set ytics nomirror format "%g"
}
set xtics nomirror
set grid ytics lc rgb "#e0e0e0" lt 1
set border 3
set key outside right top vertical Left reverse width 1 spacing 1.1 font ",11"
# 20 colours (Tableau 20), then the cycle repeats
set linetype 1 lc rgb "#1f77b4"
set linetype 2 lc rgb "#aec7e8"
set linetype 3 lc rgb "#ff7f0e"
set linetype 4 lc rgb "#ffbb78"
set linetype 5 lc rgb "#2ca02c"
set linetype 6 lc rgb "#98df8a"
set linetype 7 lc rgb "#d62728"
set linetype 8 lc rgb "#ff9896"
set linetype 9 lc rgb "#9467bd"
set linetype 10 lc rgb "#c5b0d5"
set linetype 11 lc rgb "#8c564b"
set linetype 12 lc rgb "#c49c94"
set linetype 13 lc rgb "#e377c2"
set linetype 14 lc rgb "#f7b6d2"
set linetype 15 lc rgb "#7f7f7f"
set linetype 16 lc rgb "#c7c7c7"
set linetype 17 lc rgb "#bcbd22"
set linetype 18 lc rgb "#dbdb8d"
set linetype 19 lc rgb "#17becf"
set linetype 20 lc rgb "#9edae5"
set linetype cycle 20

# The chart is built element by element, each only when its series is
# present (an element whose column is empty would make
# gnuplot warn) on a text terminal writing nowhere, then drawn once on
# the real one.
set terminal dumb size 300,120
set output "/dev/null"
plot for [j=2:n+1] ARG3 using (bn(column(j))):xtic(1) lt (j - 1) title columnheader(j)
if (rule) {
	replot ARG3 using 0:(bn(column(n + 3))) with linespoints lc rgb "black" dt 2 lw 2.5 pt 5 ps 1.2 title L_rule
}

if (ARG1 eq "svg") {
	set terminal svg noenhanced font "DejaVu Sans,12" size 1400,800 dynamic background rgb "white"
} else {
	if (ARG1 eq "pdf") {
		set terminal pdfcairo noenhanced font "DejaVu Sans,9" size 11.67in,6.67in
	} else {
		set terminal pngcairo noenhanced font "DejaVu Sans,12" size 1400,800
	}
}
set output ARG2
replot
