# compare.gp - provinces side by side: for each measure several provinces
# carry, where each stands against its own target (the baseline as a
# percentage of its own aim; for a rank, the share of the provinces ranked
# below it, so that 63 and 34 provinces compare), one cluster of bars per
# measure, one colour per province.
#
#   gnuplot -c compare.gp FORMAT IMAGE DATA LABELS TITLE DECIMALSIGN NPROVINCES
#
# FORMAT png, svg or pdf; IMAGE the file to draw; DATA one measure a line
# (tab-separated: the measure's label, then one column per province, headed
# by the province's name; an empty field where a province does not carry
# the measure); LABELS the texts (a line of keys, a line of texts); TITLE
# the title; DECIMALSIGN "." or ","; NPROVINCES the number of province
# columns.
#
# Written by lotrinh (docs/CHARTS.md).  It reads only DATA, LABELS and its
# arguments, and runs no command: restyle it freely.

if (ARG1 eq "svg") {
	set terminal svg noenhanced font "DejaVu Sans,13" size 1280,760 dynamic background rgb "white"
} else {
	if (ARG1 eq "pdf") {
		set terminal pdfcairo noenhanced font "DejaVu Sans,10" size 10.67in,6.33in
	} else {
		set terminal pngcairo noenhanced font "DejaVu Sans,13" size 1280,760
	}
}
set output ARG2
set encoding utf8
set datafile separator "\t"
set datafile columnheaders
set datafile missing ""
set decimalsign ARG6

stats ARG4 using (L_y = strcol("ylabel"), L_note = strcol("note"), \
	L_aim = strcol("aim"), 0) every ::0::0 nooutput
n = int(real(ARG7))

set label 100 ARG5 at screen 0.5, screen 0.965 center font ",15"
set label 101 L_note at screen 0.5, screen 0.925 center font ",11" tc rgb "#555555"
set tmargin 8
set bmargin 10
set style data histograms
set style histogram clustered gap 1.5
set style fill solid 0.85 noborder
set boxwidth 0.9
set ylabel L_y
set yrange [0 : *]
set ytics nomirror format "%g"
set xtics nomirror scale 0 rotate by -25 left font ",11"
set grid ytics lc rgb "#e0e0e0" lt 1
set border 3
set key at screen 0.5, screen 0.895 center top horizontal spacing 1.2 samplen 2
set arrow 1 from graph 0, first 100 to graph 1, first 100 nohead dt 2 lw 2 lc rgb "#31a354" front
set label 2 L_aim at graph 1, first 100 right offset 0, 0.7 tc rgb "#31a354" font ",11" front

plot for [i = 2 : n + 1] ARG3 using i:xtic(1) title columnhead(i)
