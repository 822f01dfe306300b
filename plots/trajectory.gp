# trajectory.gp - an indicator's past and future: its observations, the
# plan's milestones, the target, the required paths, business as usual and
# the Monte Carlo fan (median, 50 % and 90 % bands, as the Bank of
# England's fan chart), with the probability of meeting the target.
#
#   gnuplot -c trajectory.gp FORMAT IMAGE DATA LABELS TITLE DECIMALSIGN FLAGS BASELINE_YEAR
#
# FORMAT png, svg or pdf; IMAGE the file to draw; DATA the numbers by year
# (tab-separated, a header of column names, an empty field where a series
# has no value); LABELS the texts (a line of keys, a line of texts); TITLE
# the title; DECIMALSIGN "." or ","; FLAGS the series present, among:
# observed milestones monitored target path_linear path_cagr path_logistic
# path_gompertz path_milestones bau plan fan; BASELINE_YEAR
# where the dotted line separates the past from the future.
#
# Written by lotrinh (docs/CHARTS.md).  It reads only DATA, LABELS and its
# arguments, and runs no command: restyle it freely.

set encoding utf8
set datafile separator "\t"
set datafile columnheaders
set decimalsign ARG6
has(w) = strstrt(" ".ARG7." ", " ".w." ") > 0

stats ARG4 using (L_x = strcol("xlabel"), L_y = strcol("ylabel"), \
	L_observed = strcol("observed"), L_milestones = strcol("milestones"), \
	L_monitored = strcol("monitored"), L_target = strcol("target"), \
	L_paths = strcol("paths"), L_bau = strcol("bau"), L_plan = strcol("plan"), \
	L_median = strcol("median"), L_band50 = strcol("band50"), \
	L_band90 = strcol("band90"), L_prob = strcol("probability"), 0) \
	every ::0::0 nooutput
stats ARG3 using 1 nooutput
first = STATS_min
last = STATS_max

set label 100 ARG5 at screen 0.5, screen 0.965 center font ",15"
set tmargin 4
set xlabel L_x
set ylabel L_y
set xrange [first - 0.5 : last + 0.5]
xstep = last - first > 16 ? 2 : 1
set xtics xstep format "%.0f" nomirror
set ytics nomirror
set format y "%g"
set offsets 0, 0, graph 0.06, graph 0.06
set grid ytics lc rgb "#e0e0e0" lt 1
set border 3
set key outside right top vertical Left reverse width 1 spacing 1.2
set style textbox opaque noborder
if (strlen(L_prob) > 0) {
	set label 1 L_prob at graph 0.015, graph 0.97 left front boxed font ",13"
}
set arrow 1 from real(ARG8), graph 0 to real(ARG8), graph 1 nohead dt 3 lc rgb "#9e9e9e" back

# the fan (Bank of England): 90 % band lightest, then 50 %, then the median
c90 = "#c6dbef"; c50 = "#6baed6"; cmed = "#08519c"
ctarget = "#31a354"; cpath = "#9e9e9e"; cbau = "#e6550d"; cplan = "#3182bd"

# The chart is built element by element, each only when its series is
# present (an element whose column is empty would make
# gnuplot warn) on a text terminal writing nowhere, then drawn once on
# the real one.
set terminal dumb size 300,120
set output "/dev/null"
set yrange [0 : 1]
plot NaN notitle
if (has("fan")) {
	replot ARG3 using 1:(column("q05")):(column("q95")) \
		with filledcurves lc rgb c90 fs solid 1.0 noborder title L_band90
	replot ARG3 using 1:(column("q25")):(column("q75")) \
		with filledcurves lc rgb c50 fs solid 1.0 noborder title L_band50
}
if (has("target")) {
	replot ARG3 using ((column("target_x0") + column("target_x1")) / 2):((column("target_lo") + column("target_hi")) / 2):(column("target_x0")):(column("target_x1")):(column("target_lo")):(column("target_hi")) \
		with boxxyerror lc rgb ctarget lw 4 fs transparent solid 0.35 border lc rgb ctarget title L_target
}
# one legend entry for the required paths: on the first one present
t_lin = L_paths
t_cagr = has("path_linear") ? "" : t_lin
t_logi = has("path_cagr") ? "" : t_cagr
t_gomp = has("path_logistic") ? "" : t_logi
t_mile = has("path_gompertz") ? "" : t_gomp
if (has("path_linear")) {
	replot ARG3 using 1:(column("path_linear")) with lines lc rgb cpath dt 2 lw 1.3 title t_lin
}
if (has("path_cagr")) {
	replot ARG3 using 1:(column("path_cagr")) with lines lc rgb cpath dt 2 lw 1.3 title t_cagr
}
if (has("path_logistic")) {
	replot ARG3 using 1:(column("path_logistic")) with lines lc rgb cpath dt 2 lw 1.3 title t_logi
}
if (has("path_gompertz")) {
	replot ARG3 using 1:(column("path_gompertz")) with lines lc rgb cpath dt 2 lw 1.3 title t_gomp
}
if (has("path_milestones")) {
	replot ARG3 using 1:(column("path_milestones")) with lines lc rgb cpath dt 2 lw 1.3 title t_mile
}
if (has("bau")) {
	replot ARG3 using 1:(column("bau")) with lines lc rgb cbau dt 4 lw 2.5 title L_bau
}
if (has("plan")) {
	replot ARG3 using 1:(column("plan")) with lines lc rgb cplan lw 2.5 title L_plan
}
if (has("fan")) {
	replot ARG3 using 1:(column("q50")) with lines lc rgb cmed lw 3 title L_median
}
if (has("observed")) {
	replot ARG3 using 1:(column("observed")) \
		with linespoints lc rgb "black" pt 7 ps 1.1 lw 2 title L_observed
}
if (has("milestones")) {
	replot ARG3 using 1:(column("milestone")) \
		with points lc rgb "#a50f15" pt 12 ps 2 lw 2 title L_milestones
}
if (has("monitored")) {
	replot ARG3 using 1:(column("monitored")) \
		with points lc rgb "black" pt 9 ps 1.6 title L_monitored
}

# The value axis as gnuplot autoscales it; from 1000 on, its labels group
# thousands as the language writes them ("1.200" in Vietnamese)
set autoscale y
replot
ymin = GPVAL_Y_MIN
ymax = GPVAL_Y_MAX
if (ymin >= 0 && ymax >= 1000) {
	nice(x) = (m = 10**floor(log10(x)), f = x / m, (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * m)
	sep = ARG6 eq "," ? "." : ","
	grp(v) = v < 1000 ? sprintf("%d", v) : grp(int(v / 1000)) . sep . sprintf("%03d", int(v) % 1000)
	step = nice((ymax - ymin) / 7)
	set yrange [ymin : ymax]
	set ytics () nomirror
	do for [i = int(ceil(ymin / step)) : int(floor(ymax / step))] {
		set ytics add (grp(int(i * step)) i * step)
	}
}

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
replot
