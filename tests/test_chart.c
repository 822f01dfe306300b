/* test_chart.c - the charts: their data files hold the engines' numbers,
 * no scenario text runs as code (in gnuplot or in the redraw script),
 * gnuplot missing is one clear error, and PNG, SVG and PDF come out; and
 * the heat map's engine against solve_mc.
 *
 * The hostile scenario puts into a province name, an indicator's names,
 * units and source, and a programme group's name every way of running a
 * command that gnuplot or a shell knows: a quote closing a string and a
 * system() call, backquotes, a pipe, a '<' file name, a newline and
 * $(...).  Each command would create a file in /tmp; the test removes
 * them first and asserts that none appears after drawing every chart in
 * both languages and running every redraw script.  The charts are written
 * into a folder whose own name is hostile too.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixtures.h"
#include "lotrinh/budget.h"
#include "lotrinh/chart.h"
#include "lotrinh/config.h"
#include "lotrinh/heat.h"
#include "lotrinh/outdir.h"
#include "lotrinh/paths.h"
#include "lotrinh/plot.h"
#include "lotrinh/sens.h"
#include "lotrinh/simulate.h"
#include "lotrinh/solve_mc.h"

/* The files the hostile texts would create. */
static const char *const pwned[] = {"/tmp/lotrinh_pwned", "/tmp/lotrinh_x",
                                    "/tmp/lotrinh_y", "/tmp/lotrinh_z"};
#define N_PWNED (sizeof pwned / sizeof pwned[0])

/* Every attack at once, as libconfig text (\" a quote).  The loader
 * refuses control characters in names, so the newline is put into the
 * loaded scenario by setup() (NEWLINED), as a program building a scenario
 * by hand could. */
#define EVIL "\\\"; system(\\\"touch /tmp/lotrinh_pwned\\\") `touch /tmp/lotrinh_x` " \
	"|touch /tmp/lotrinh_y <x $(touch /tmp/lotrinh_z) '; a_b"
static const char NEWLINED[] = "Tỉnh \"; system(\"touch /tmp/lotrinh_pwned\")"
	"\n`touch /tmp/lotrinh_x`\n|touch /tmp/lotrinh_y\n<x\n"
	"$(touch /tmp/lotrinh_z)";

/* The model fixture with hostile texts, a drawn β and r for de (so Monte
 * Carlo, the tornado and Sobol have something to draw), shocks, and one
 * programme of two groups for the spending chart. */
static const char HOSTILE[] =
	"province = { id = \"m\"; name = \"Province " EVIL "\"; name_vi = \"Tỉnh "
	EVIL "\"; source = \"assumption: " EVIL "\"; };\n"
	"years = { baseline = 2024; horizon = 2030; };\n"
	"economy = { grdp = 1.0e8; growth_pct = 0.0; source = \"assumption: test\"; };\n"
	"budget = { base = \"total\"; amount = 2.0e7; year = 2024; growth_pct = 0.0;\n"
	"  rule_min_share_pct = 3.0;\n"
	"  schedule = { kind = \"programs\"; };\n"
	"  spending_history = ( (2023, 100000.0), (2024, 100000.0) );\n"
	"  source = \"assumption: test\"; };\n"
	"channels = { digital = { allocation = 1.0; delta = 0.2; eta = 0.8; source = \"assumption: test\"; }; };\n"
	"programs = { source = \"assumption: test\";\n"
	"  parts = ( { id = \"p1\"; name = \"Part " EVIL "\"; name_vi = \"Phần " EVIL "\"; source = \"assumption: test\";\n"
	"    groups = ( { id = \"I\"; name = \"Group " EVIL "\"; name_vi = \"Nhóm " EVIL "\"; channel = \"digital\"; },\n"
	"               { id = \"II\"; name_vi = \"Nhóm hai\"; channel = \"digital\"; } );\n"
	"    tasks = ( { no = \"1\"; group = \"I\"; name_vi = \"Việc " EVIL "\"; period = \"2025-2027\"; state = 900000.0; },\n"
	"              { no = \"2\"; group = \"II\"; name_vi = \"Việc hai\"; period = \"2026-2030\"; state = 1500000.0;\n"
	"                split = ( (2026, 2026, 100000.0), (2027, 2030, 1400000.0) ); } ); } ); };\n"
	"indicators = (\n"
	"  { id = \"de\"; name = \"DE " EVIL "\"; name_vi = \"Kinh tế số " EVIL "\";\n"
	"    unit = \"% " EVIL "\"; unit_vi = \"% GRDP " EVIL "\"; kind = \"share\";\n"
	"    ceiling = 65.0; history = ( (2022, 5.1), (2023, 5.8) ); baseline = 6.36;\n"
	"    target = { value = 30.0; direction = \">=\"; year = 2030; source = \"assumption: " EVIL "\"; };\n"
	"    milestones = ( (2025, 10.0), (2026, 12.0), (2027, 15.0), (2028, 20.0), (2029, 25.0), (2030, 30.0) );\n"
	"    channel = \"digital\";\n"
	"    model = { r = { dist = \"normal\"; mean = 0.035; sd = 0.02; min = -0.2; max = 0.3; };\n"
	"              beta = { dist = \"uniform\"; lo = 0.2; hi = 0.4; }; sigma = 0.05; };\n"
	"    source = \"assumption: " EVIL "\"; },\n"
	"  { id = \"sk\"; name = \"SK\"; name_vi = \"Kỹ năng số\"; unit = \"%\"; kind = \"share\";\n"
	"    baseline = 50.0; target = { min = 52.0; max = 60.0; year = 2030; };\n"
	"    channel = \"digital\"; model = { r = 0.02385; beta = 0.3; sigma = 0.05; };\n"
	"    source = \"assumption: test\"; },\n"
	"  { id = \"rk\"; name = \"RK\"; name_vi = \"Xếp hạng\"; unit = \"rank\"; kind = \"rank\";\n"
	"    rank_of = 63; baseline = 17; target = { value = 10; direction = \"<=\"; year = 2030; };\n"
	"    source = \"assumption: test\"; }\n"
	");\n";

/* Draws and samples: enough for every chart to have something to draw,
 * few enough that the whole program runs in seconds. */
#define DRAWS 300
#define SOBOL_N 64

static char tmpdir[64];       /* the test's own directory */
static char outdir[256];      /* the output directory inside it */
static lt_scenario *sc;

/* The whole file at PATH, NUL-terminated (caller frees); NULL when it
 * cannot be read. */
static char *slurp_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) != NULL)
		buf[fread(buf, 1, (size_t)n, f)] = '\0';
	fclose(f);
	return buf;
}

static void rm_rf(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	char sub[1024];

	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode) && (d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
			rm_rf(sub);
		}
		closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

static void setup(void)
{
	lt_diag d;
	size_t i;

	for (i = 0; i < N_PWNED; i++)
		unlink(pwned[i]);
	snprintf(tmpdir, sizeof tmpdir, "/tmp/lotrinh-chart-XXXXXX");
	cr_assert_not_null(mkdtemp(tmpdir));
	/* a hostile folder name too: a quote for the shell, a pipe and a
	 * '<' for gnuplot, a command substitution */
	snprintf(outdir, sizeof outdir, "%s/it's |x <y $(touch %s)", tmpdir,
	         pwned[3]);
	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_scenario_parse(&sc, HOSTILE, "hostile.cfg", &d), LT_OK,
	             "%s", d.n > 0 ? d.items[0].msg : "");
	lt_diag_destroy(&d);
	sc->province.name_vi = NEWLINED;
	sc->indicators[1].unit = NEWLINED;
}

static void teardown(void)
{
	lt_scenario_free(sc);
	sc = NULL;
	rm_rf(tmpdir);
}

/* ---- reading the files back ------------------------------------------------ */

/* A tab-separated file: its lines, each cut into fields. */
struct tsv {
	char *text;
	size_t n_rows, n_cols;
	char **cell; /* [n_rows * n_cols], row 0 the header; NULL past a line */
};

static struct tsv tsv_read(const char *path)
{
	struct tsv t = {0};
	char *p, *line;
	size_t cap = 0, r = 0, c;

	t.text = slurp_file(path);
	cr_assert_not_null(t.text, "cannot read %s", path);
	for (p = t.text; *p != '\0'; p++)
		cap += *p == '\n';
	line = strchr(t.text, '\n');
	cr_assert_not_null(line);
	for (p = t.text, t.n_cols = 1; p < line; p++)
		t.n_cols += *p == '\t';
	t.cell = calloc((cap + 1) * t.n_cols, sizeof *t.cell);
	for (p = t.text; *p != '\0'; r++) {
		char *end = strchr(p, '\n');

		cr_assert_not_null(end, "%s: no newline at the end", path);
		*end = '\0';
		if (*p == '\0') { /* a blank line between blocks */
			r--;
			p = end + 1;
			continue;
		}
		for (c = 0; c < t.n_cols; c++) {
			char *tab = strchr(p, '\t');

			t.cell[r * t.n_cols + c] = p;
			if (tab == NULL) {
				cr_assert_eq(c, t.n_cols - 1, "%s: line %zu has %zu fields, "
				             "the header %zu", path, r + 1, c + 1, t.n_cols);
				break;
			}
			*tab = '\0';
			p = tab + 1;
		}
		p = end + 1;
	}
	t.n_rows = r;
	return t;
}

static void tsv_free(struct tsv *t)
{
	free(t->text);
	free(t->cell);
}

static size_t col(const struct tsv *t, const char *key)
{
	size_t c;

	for (c = 0; c < t->n_cols; c++)
		if (strcmp(t->cell[c], key) == 0)
			return c;
	cr_assert_fail("no column %s", key);
	return 0;
}

/* Row R's number in column C: NAN for an empty field. */
static double num(const struct tsv *t, size_t r, size_t c)
{
	const char *s = t->cell[r * t->n_cols + c];
	char *end;
	double v;

	if (s[0] == '\0')
		return NAN;
	v = strtod(s, &end);
	cr_assert(*end == '\0', "not a number: '%s'", s);
	return v;
}

/* The data file writes the shortest text that reads back to the same
 * double, so what comes back is the engine's number itself: compare to
 * a relative 1e-15 (an ulp or two; 0 in practice), or both missing. */
static void same(double got, double want, const char *what)
{
	if (isnan(want)) {
		cr_assert(isnan(got), "%s: got %.17g, want missing", what, got);
		return;
	}
	cr_assert_float_eq(got, want, fabs(want) * 1e-15 + 1e-300,
	                   "%s: got %.17g, want %.17g", what, got, want);
}

/* The path of the chart file NAME in the charts' folder. */
static const char *chart_file(const char *name)
{
	static char path[1024];

	snprintf(path, sizeof path, "%s/charts/%s", outdir, name);
	return path;
}

/* ---- the engines' results --------------------------------------------------- */

struct results {
	lt_paths *paths;
	lt_simulation sim;
	lt_mc_result mc, bau;
	lt_solve_mc_result prob;
	lt_sens_result sens;
	lt_heat_result heat;
};

static void run_engines(struct results *r)
{
	lt_mc_opts m = {0};
	lt_schedule today = {0};
	lt_sens_opts so = {0};
	lt_heat_opts ho;
	lt_diag d;

	lt_diag_init(&d, NULL);
	m.draws = DRAWS;
	m.seed = 7;
	m.threads = 2;
	cr_assert_eq(lt_paths_run(sc, NULL, 0, &r->paths, &d), LT_OK);
	cr_assert_eq(lt_simulate_run(sc, NULL, &r->sim, &d), LT_OK);
	cr_assert_eq(lt_simulate_mc(sc, NULL, &m, &r->mc, &d), LT_OK);
	today.kind = LT_SCHED_CONSTANT;
	today.share_pct = r->sim.today_share;
	cr_assert_eq(lt_simulate_mc(sc, &today, &m, &r->bau, &d), LT_OK);
	cr_assert_eq(lt_solve_mc_run(sc, &m, &r->prob, &d), LT_OK);
	so.sobol = 1;
	so.samples = SOBOL_N;
	so.bootstrap = 10;
	so.seed = 7;
	so.threads = 2;
	cr_assert_eq(lt_sens_run(sc, NULL, NULL, 0, &so, &r->sens, &d), LT_OK);
	m.draws = 100;
	lt_heat_opts_init(&ho, &m);
	ho.n_share = 11;
	ho.n_beta = 5;
	cr_assert_eq(lt_heat_run(sc, &ho, &r->heat, &d), LT_OK, "%s",
	             d.n > 0 ? d.items[0].msg : "");
	lt_diag_destroy(&d);
}

static void free_engines(struct results *r)
{
	lt_paths_free(r->paths);
	lt_simulation_destroy(&r->sim);
	lt_mc_result_destroy(&r->mc);
	lt_mc_result_destroy(&r->bau);
	lt_solve_mc_result_destroy(&r->prob);
	lt_sens_result_destroy(&r->sens);
	lt_heat_result_destroy(&r->heat);
}

/* Every chart of every indicator into OD's folder "charts" in LANG and
 * FORMAT; the number of images drawn into *N. */
static int draw_all(lt_outdir *od, const struct results *r, lt_lang lang,
                    lt_plot_format format, lt_diag *d)
{
	lt_chart_opts o;
	size_t k;
	int rc = LT_OK;

	lt_chart_opts_init(&o, od);
	o.subdir = "charts";
	o.lang = lang;
	o.format = format;
	for (k = 0; rc == LT_OK && k < sc->n_indicators; k++) {
		rc = lt_chart_trajectory(&o, sc, k, &r->paths->items[k], &r->sim,
		                         &r->mc, d);
		if (rc == LT_OK)
			rc = lt_chart_reached(&o, sc, k, &r->mc, &r->bau, d);
		if (rc == LT_OK)
			rc = lt_chart_tornado(&o, sc, k, &r->sens, d);
		if (rc == LT_OK)
			rc = lt_chart_sobol(&o, sc, k, &r->sens, d);
		if (rc == LT_OK)
			rc = lt_chart_heat(&o, sc, k, &r->heat, d);
	}
	if (rc == LT_OK)
		rc = lt_chart_probability_share(&o, sc, &r->prob, 0.0, d);
	if (rc == LT_OK)
		rc = lt_chart_spending(&o, sc, d);
	return rc;
}

static lt_outdir *open_out(void)
{
	lt_outdir *od = NULL;
	lt_diag d;

	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_outdir_open(&od, outdir, NULL, 0, &d), LT_OK, "%s",
	             d.n > 0 ? d.items[0].msg : "");
	lt_diag_destroy(&d);
	return od;
}

static void draw_or_fail(const struct results *r, lt_lang lang,
                         lt_plot_format format)
{
	lt_outdir *od = open_out();
	lt_diag d;
	int rc;

	lt_diag_init(&d, NULL);
	rc = draw_all(od, r, lang, format, &d);
	cr_assert_eq(rc, LT_OK, "drawing failed: %s",
	             d.n > 0 ? d.items[0].msg : "");
	cr_assert_eq(lt_outdir_close(od, &d), LT_OK);
	lt_diag_destroy(&d);
}

/* 1 when the file at PATH starts with the N bytes of MAGIC and has at
 * least MIN bytes. */
static int starts_with(const char *path, const char *magic, size_t n,
                       long min)
{
	char buf[16] = {0};
	FILE *f = fopen(path, "rb");
	size_t got;
	long size;

	if (f == NULL)
		return 0;
	got = fread(buf, 1, n, f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fclose(f);
	return got == n && memcmp(buf, magic, n) == 0 && size >= min;
}

/* ---- (1) the data files hold the engines' numbers ----------------------------- */

Test(chart, trajectory_data_is_the_results, .init = setup, .fini = teardown)
{
	struct results r;
	struct tsv t;
	size_t k = 0, i, q, rows;
	lt_point obs[8];
	size_t n_obs;
	const char *qk[LT_MC_NQ] = {"q05", "q10", "q25", "q50", "q75", "q90",
	                            "q95"};

	run_engines(&r);
	draw_or_fail(&r, LT_LANG_EN, LT_PLOT_PNG);
	t = tsv_read(chart_file("trajectory-de.tsv"));
	n_obs = lt_indicator_observations(&sc->indicators[k], obs, 8);
	rows = t.n_rows - 1;
	/* 2022 (the first observation) to the horizon */
	cr_assert_eq(rows, 9);
	for (i = 1; i <= rows; i++) {
		int year = (int)num(&t, i, col(&t, "year"));
		double want = NAN;
		size_t j;

		for (j = 0; j < n_obs; j++)
			if (obs[j].year == year)
				want = obs[j].value;
		same(num(&t, i, col(&t, "observed")), want, "observed");
		if (year >= r.mc.t0) {
			size_t y = (size_t)(year - r.mc.t0);

			for (q = 0; q < LT_MC_NQ; q++)
				same(num(&t, i, col(&t, qk[q])),
				     r.mc.ind[k].q[y * LT_MC_NQ + q], qk[q]);
			same(num(&t, i, col(&t, "bau")),
			     r.sim.bau.value[k * r.sim.bau.ny + y], "bau");
		}
		if (year >= 2024)
			same(num(&t, i, col(&t, "path_linear")),
			     r.paths->items[k].path[LT_PATH_LINEAR].value[year - 2024],
			     "path_linear");
		if (year == 2030) {
			same(num(&t, i, col(&t, "target_lo")), 30.0, "target");
			same(num(&t, i, col(&t, "milestone")), 30.0, "milestone");
		}
	}
	tsv_free(&t);
	/* a range target is a band: sk's 52 to 60 */
	t = tsv_read(chart_file("trajectory-sk.tsv"));
	for (i = 1; i < t.n_rows; i++)
		if ((int)num(&t, i, 0) == 2030) {
			same(num(&t, i, col(&t, "target_lo")), 52.0, "range low");
			same(num(&t, i, col(&t, "target_hi")), 60.0, "range high");
		}
	tsv_free(&t);
	free_engines(&r);
}

Test(chart, other_data_files_are_the_results, .init = setup,
     .fini = teardown)
{
	struct results r;
	struct tsv t;
	size_t i, j, k = 0, n_bars = 0;
	const lt_heat_map *x;

	run_engines(&r);
	draw_or_fail(&r, LT_LANG_VI, LT_PLOT_PNG);

	/* year reached: the share of draws met by each year */
	t = tsv_read(chart_file("reached-de.tsv"));
	cr_assert_eq(t.n_rows - 1, r.mc.ny);
	for (i = 0; i < r.mc.ny; i++) {
		same(num(&t, i + 1, col(&t, "plan")),
		     (double)r.mc.ind[k].reached[i] / DRAWS, "plan");
		same(num(&t, i + 1, col(&t, "bau")),
		     (double)r.bau.ind[k].reached[i] / DRAWS, "bau");
	}
	tsv_free(&t);

	/* probability against the share: solve_mc's counts */
	t = tsv_read(chart_file("probability.tsv"));
	cr_assert_eq(t.n_cols, 1 + 2 + 1); /* share, de, sk, all together */
	for (i = 1; i < t.n_rows; i++) {
		double sh = num(&t, i, 0);

		same(num(&t, i, 1), (double)lt_solve_mc_count(&r.prob.ind[0], sh) /
		     DRAWS, "de");
		same(num(&t, i, 2), (double)lt_solve_mc_count(&r.prob.ind[1], sh) /
		     DRAWS, "sk");
		same(num(&t, i, 3), (double)lt_solve_mc_count(&r.prob.all, sh) /
		     DRAWS, "all");
	}
	tsv_free(&t);

	/* spending: each group's state money by year, and the rule */
	t = tsv_read(chart_file("spending.tsv"));
	cr_assert_eq(t.n_cols, 1 + 2 + 2);
	for (i = 1; i < t.n_rows; i++) {
		int year = (int)num(&t, i, 0);
		double g[2] = {0, 0}, st, ot;

		for (j = 0; j < sc->programs.parts[0].n_tasks; j++) {
			const lt_task *task = &sc->programs.parts[0].tasks[j];

			lt_task_in_year(task, year, &st, &ot);
			g[task->group] += st;
		}
		same(num(&t, i, 1), g[0], "group I");
		same(num(&t, i, 2), g[1], "group II");
		same(num(&t, i, col(&t, "total")), g[0] + g[1], "total");
		same(num(&t, i, col(&t, "rule")), 0.03 * lt_budget_base(
		     &sc->budget, year), "rule");
	}
	tsv_free(&t);

	/* tornado: the bars by value swing, inert ones left out */
	t = tsv_read(chart_file("tornado-de.tsv"));
	for (i = 0; i < r.sens.n_params; i++) {
		size_t b = r.sens.ind[k].by_value[i];
		const lt_sens_bar *bar = &r.sens.ind[k].bars[b];

		if (r.sens.ind[k].inert[b])
			continue;
		n_bars++;
		same(num(&t, n_bars, col(&t, "value_at_p10")), bar->value_lo, "p10");
		same(num(&t, n_bars, col(&t, "value_at_p90")), bar->value_hi, "p90");
		same(num(&t, n_bars, col(&t, "p10")),
		     r.sens.params[bar->param].p10, "param p10");
	}
	cr_assert_eq(t.n_rows - 1, n_bars);
	cr_assert_geq(n_bars, 2); /* r and β of de */
	tsv_free(&t);

	/* Sobol: the indices of the value, by total index */
	t = tsv_read(chart_file("sobol-de.tsv"));
	{
		const lt_sobol_output *y = &r.sens.sobol.out[r.sens.ind[k].out_value];
		size_t f = r.sens.ind[k].st_value[0];

		same(num(&t, 1, col(&t, "st")), y->st[f], "st");
		same(num(&t, 1, col(&t, "s1")), y->s1[f], "s1");
		same(num(&t, 1, col(&t, "st_conf")), y->st_conf[f], "st_conf");
	}
	tsv_free(&t);

	/* heat map: every cell's count */
	t = tsv_read(chart_file("heat-de.tsv"));
	x = &r.heat.ind[k];
	cr_assert_eq(t.n_rows - 1, r.heat.n_beta * r.heat.n_share);
	for (i = 0; i < r.heat.n_beta; i++)
		for (j = 0; j < r.heat.n_share; j++) {
			size_t row = 1 + i * r.heat.n_share + j;

			same(num(&t, row, 0), r.heat.share[j], "share");
			same(num(&t, row, 1), x->beta[i], "beta");
			same(num(&t, row, col(&t, "draws_met")),
			     (double)x->met[i * r.heat.n_share + j], "met");
		}
	tsv_free(&t);
	free_engines(&r);
}

/* ---- (2) hostile texts: no command runs ------------------------------------------ */

/* Run the script PATH with /bin/sh; returns its exit status. */
static int run_script(const char *path)
{
	pid_t pid = fork();
	int status;

	cr_assert_geq(pid, 0);
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 2);
		execl("/bin/sh", "sh", path, (char *)NULL);
		_exit(127);
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Test(chart, hostile_texts_never_run, .init = setup, .fini = teardown)
{
	struct results r;
	DIR *dir;
	struct dirent *e;
	size_t i, scripts = 0;
	char *labels;

	run_engines(&r);
	draw_or_fail(&r, LT_LANG_EN, LT_PLOT_PNG);
	draw_or_fail(&r, LT_LANG_VI, LT_PLOT_SVG);
	for (i = 0; i < N_PWNED; i++)
		cr_assert(access(pwned[i], F_OK) != 0, "%s appeared", pwned[i]);
	/* the texts are there, whole, as data: quotes made typographic, the
	 * newline a space */
	labels = slurp_file(chart_file("trajectory-de.labels.tsv"));
	cr_assert_not_null(labels);
	cr_expect(strstr(labels, "“; system(”touch /tmp/lotrinh_pwned“) "
	          "`touch /tmp/lotrinh_x` |touch /tmp/lotrinh_y <x $(touch "
	          "/tmp/lotrinh_z) '; a_b") != NULL, "%s", labels);
	free(labels);
	/* every redraw script, run by the shell, redraws its image */
	dir = opendir(chart_file(""));
	cr_assert_not_null(dir);
	while ((e = readdir(dir)) != NULL) {
		size_t n = strlen(e->d_name);
		char image[1024];

		if (n < 4 || strcmp(e->d_name + n - 3, ".sh") != 0)
			continue;
		snprintf(image, sizeof image, "%s", chart_file(e->d_name));
		memcpy(image + strlen(image) - 3, ".svg", 5);
		cr_assert_eq(unlink(image), 0, "no image %s", image);
		cr_assert_eq(run_script(chart_file(e->d_name)), 0, "%s failed",
		             e->d_name);
		cr_assert(starts_with(image, "<?xml", 5, 1000), "%s not redrawn",
		          image);
		scripts++;
	}
	closedir(dir);
	/* de: trajectory, reached, tornado, Sobol, heat; sk: no tornado (no
	 * parameter of its own is drawn); rk: its trajectory; probability
	 * and spending */
	cr_expect_eq(scripts, 5 + 4 + 1 + 2, "%zu scripts", scripts);
	for (i = 0; i < N_PWNED; i++)
		cr_assert(access(pwned[i], F_OK) != 0, "%s appeared", pwned[i]);
	free_engines(&r);
}

/* ---- (3) gnuplot missing ---------------------------------------------------------- */

Test(chart, gnuplot_missing_is_one_clear_error, .init = setup,
     .fini = teardown)
{
	char empty[300];
	lt_outdir *od;
	lt_chart_opts o;
	lt_diag d;
	struct stat st;

	snprintf(empty, sizeof empty, "%s/empty", tmpdir);
	cr_assert_eq(mkdir(empty, 0777), 0);
	cr_assert_eq(setenv("PATH", empty, 1), 0);
	od = open_out();
	lt_chart_opts_init(&o, od);
	o.subdir = "charts";
	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_chart_spending(&o, sc, &d), LT_EEXTERN);
	cr_assert_eq(d.n, 1);
	cr_expect_str_eq(d.items[0].msg, lt_plot_missing_text);
	cr_expect_str_eq(lt_plot_missing_text, "gnuplot is not installed (or not "
	                 "on PATH): install it (Debian: gnuplot-nox) or run with "
	                 "--no-plot");
	/* no image, no temporary file; the data and the script stay */
	cr_expect(stat(chart_file("spending.png"), &st) != 0);
	cr_expect(stat(chart_file("spending.sh"), &st) == 0);
	cr_expect_eq(lt_outdir_close(od, &d), LT_OK);
	lt_diag_destroy(&d);
	{
		DIR *dir = opendir(chart_file(""));
		struct dirent *e;

		cr_assert_not_null(dir);
		while ((e = readdir(dir)) != NULL)
			cr_expect(strncmp(e->d_name, ".spending.png.", 14) != 0,
			          "temporary file %s left", e->d_name);
		closedir(dir);
	}
}

/* ---- (4), (5) the images ------------------------------------------------------------ */

Test(chart, png_svg_and_pdf, .init = setup, .fini = teardown)
{
	static const lt_plot_format fmt[] = {LT_PLOT_PNG, LT_PLOT_SVG,
	                                     LT_PLOT_PDF};
	lt_outdir *od;
	lt_chart_opts o;
	lt_diag d;
	size_t i;

	lt_diag_init(&d, NULL);
	od = open_out();
	lt_chart_opts_init(&o, od);
	o.subdir = "charts";
	for (i = 0; i < 3; i++) {
		o.format = fmt[i];
		o.lang = i == 1 ? LT_LANG_VI : LT_LANG_EN;
		cr_assert_eq(lt_chart_spending(&o, sc, &d), LT_OK, "%s",
		             d.n > 0 ? d.items[0].msg : "");
	}
	cr_assert_eq(lt_outdir_close(od, &d), LT_OK);
	lt_diag_destroy(&d);
	/* a chart of 1200 × 700 pixels is tens of kilobytes */
	cr_expect(starts_with(chart_file("spending.png"), "\x89PNG\r\n\x1a\n", 8,
	                      10000));
	cr_expect(starts_with(chart_file("spending.svg"), "<?xml", 5, 10000));
	cr_expect(starts_with(chart_file("spending.pdf"), "%PDF-", 5, 5000));
}

/* The Vietnamese chart: its texts, the decimal comma for gnuplot, and the
 * script that passes them. */
Test(chart, vietnamese_texts_and_decimal_comma, .init = setup,
     .fini = teardown)
{
	lt_outdir *od;
	lt_chart_opts o;
	lt_diag d;
	char *labels, *script;

	lt_diag_init(&d, NULL);
	od = open_out();
	lt_chart_opts_init(&o, od);
	o.subdir = "charts";
	o.lang = LT_LANG_VI;
	cr_assert_eq(lt_chart_trajectory(&o, sc, 1, NULL, NULL, NULL, &d), LT_OK);
	cr_assert_eq(lt_outdir_close(od, &d), LT_OK);
	lt_diag_destroy(&d);
	labels = slurp_file(chart_file("trajectory-sk.labels.tsv"));
	script = slurp_file(chart_file("trajectory-sk.sh"));
	cr_assert(labels != NULL && script != NULL);
	cr_expect(strstr(labels, "\nNăm\t") != NULL, "%s", labels);
	cr_expect(strstr(labels, "Mục tiêu 52–60 (2030)") != NULL, "%s", labels);
	/* the title: the newlines become spaces, the quote is the shell's */
	cr_expect(strstr(script, "'Kỹ năng số — Tỉnh \"; system(\"touch "
	          "/tmp/lotrinh_pwned\") `touch /tmp/lotrinh_x` |touch "
	          "/tmp/lotrinh_y <x $(touch /tmp/lotrinh_z)'") != NULL, "%s",
	          script);
	cr_expect(strstr(script, " ',' ") != NULL);
	cr_expect(starts_with(chart_file("trajectory-sk.png"), "\x89PNG", 4,
	                      10000));
	free(labels);
	free(script);
}

/* ---- the heat map's engine ------------------------------------------------------- */

/* At a β the scenario fixes (sk: 0.3, the middle of its axis [0, 0.6]),
 * the heat map's column is solve_mc's curve, draw for draw: the same
 * draws, the same solver, the same bins. */
Test(heat, fixed_beta_column_is_solve_mc, .init = setup, .fini = teardown)
{
	lt_mc_opts m = {0};
	lt_heat_opts ho;
	lt_heat_result h;
	lt_solve_mc_result p;
	size_t j, k = 1, mid;

	m.draws = 500;
	m.seed = 11;
	m.threads = 2;
	lt_heat_opts_init(&ho, &m);
	ho.n_beta = 7;
	ho.n_share = 21;
	cr_assert_eq(lt_heat_run(sc, &ho, &h, NULL), LT_OK);
	cr_assert_eq(lt_solve_mc_run(sc, &m, &p, NULL), LT_OK);
	cr_assert(h.ind[k].on);
	cr_assert_not(h.ind[k].beta_drawn);
	mid = h.n_beta / 2;
	cr_assert_float_eq(h.ind[k].beta[0], 0.0, 1e-15);
	cr_assert_float_eq(h.ind[k].beta[h.n_beta - 1], 0.6, 1e-12);
	cr_assert_eq(memcmp(&h.ind[k].beta[mid], &h.ind[k].beta_central,
	             sizeof(double)), 0, "the central β is on the axis exactly");
	for (j = 0; j < h.n_share; j++)
		cr_expect_eq(h.ind[k].met[mid * h.n_share + j],
		             lt_solve_mc_count(&p.ind[k], h.share[j]),
		             "share %g: %zu against %zu", h.share[j],
		             h.ind[k].met[mid * h.n_share + j],
		             lt_solve_mc_count(&p.ind[k], h.share[j]));
	/* the ranks have no map; de's β axis is its 1st to 99th percentile */
	cr_expect_not(h.ind[2].on);
	cr_expect(h.ind[0].beta_drawn);
	cr_expect_float_eq(h.ind[0].beta[0], 0.2 + 0.2 * 0.01, 1e-12);
	cr_expect_float_eq(h.ind[0].beta[h.n_beta - 1], 0.2 + 0.2 * 0.99, 1e-12);
	lt_heat_result_destroy(&h);
	lt_solve_mc_result_destroy(&p);
}

/* More money never loses a draw when β >= 0 (every β on these axes):
 * every map rises along the share; and the counts do not depend on the
 * number of threads.  (Along β a map need not rise: below the reference
 * intensity a larger β lowers the indicator.) */
Test(heat, monotone_and_thread_independent, .init = setup, .fini = teardown)
{
	lt_mc_opts m = {0};
	lt_heat_opts ho;
	lt_heat_result a, b;
	size_t i, j, k;

	m.draws = 300;
	m.seed = 3;
	m.threads = 1;
	lt_heat_opts_init(&ho, &m);
	ho.n_beta = 5;
	ho.n_share = 9;
	ho.share_max = 40.0;
	cr_assert_eq(lt_heat_run(sc, &ho, &a, NULL), LT_OK);
	ho.mc.threads = 3;
	cr_assert_eq(lt_heat_run(sc, &ho, &b, NULL), LT_OK);
	cr_assert_float_eq(a.share[a.n_share - 1], 40.0, 1e-12);
	for (k = 0; k < a.ni; k++) {
		if (!a.ind[k].on)
			continue;
		for (i = 0; i < a.n_beta; i++)
			for (j = 0; j < a.n_share; j++) {
				size_t c = i * a.n_share + j;

				cr_assert_eq(a.ind[k].met[c], b.ind[k].met[c]);
				if (j > 0)
					cr_expect_geq(a.ind[k].met[c], a.ind[k].met[c - 1]);
			}
	}
	lt_heat_result_destroy(&a);
	lt_heat_result_destroy(&b);
}

Test(heat, bad_options)
{
	lt_mc_opts m = {0};
	lt_heat_opts ho;
	lt_heat_result h;
	lt_scenario *s = NULL;
	lt_diag d;

	cr_assert_eq(lt_scenario_parse(&s, FIXTURE, "fixture.cfg", NULL), LT_OK);
	m.draws = 10;
	m.threads = 1;
	lt_heat_opts_init(&ho, &m);
	ho.n_beta = 1;
	lt_diag_init(&d, NULL);
	cr_expect_eq(lt_heat_run(s, &ho, &h, &d), LT_EINVAL);
	ho.n_beta = 3;
	ho.share_max = 120.0;
	cr_expect_eq(lt_heat_run(s, &ho, &h, &d), LT_EINVAL);
	ho.share_max = 0.0;
	ho.mc.draws = 0;
	cr_expect_eq(lt_heat_run(s, &ho, &h, &d), LT_EINVAL);
	cr_expect_eq(d.n, 3);
	lt_diag_destroy(&d);
	/* the default axis: twice the largest of the rule (3 %), today's
	 * share and the plan's, to a multiple of 5 */
	cr_expect_float_eq(lt_heat_share_max(s, NAN), 10.0, 1e-12);
	cr_expect_float_eq(lt_heat_share_max(s, 8.27), 20.0, 1e-12);
	cr_expect_float_eq(lt_heat_share_max(s, 80.0), 100.0, 1e-12);
	lt_scenario_free(s);
}

/* ---- plot.c's rules ---------------------------------------------------------------- */

Test(plot, texts_paths_and_shell_words)
{
	char buf[256];
	lt_sink *s = lt_sink_memory();
	lt_plot_format f;

	cr_expect_str_eq(lt_plot_data_text("a\t\"b\"\nc \"d", buf, sizeof buf),
	                 "a “b” c “d");
	cr_expect_str_eq(lt_plot_arg_text("a\t\"b\"\nc", buf, sizeof buf),
	                 "a \"b\" c");
	/* cut at a whole character: "Năm" is N, ă (2 bytes), m */
	cr_expect_str_eq(lt_plot_data_text("Năm", buf, 3), "N");
	cr_expect_str_eq(lt_plot_data_text("Năm", buf, 4), "Nă");
	cr_expect_str_eq(lt_plot_path("/o", "x.tsv", buf, sizeof buf),
	                 "/o/x.tsv");
	cr_expect_str_eq(lt_plot_path("<cmd", "x.tsv", buf, sizeof buf),
	                 "./<cmd/x.tsv");
	cr_expect_str_eq(lt_plot_path("|o/", "x", buf, sizeof buf), "./|o/x");
	cr_expect_str_eq(lt_plot_path(NULL, "-", buf, sizeof buf), "./-");
	cr_expect_null(lt_plot_path("abc", "def", buf, 8));
	lt_plot_shell_word(s, "it's $(x) `y`");
	cr_expect_str_eq(lt_sink_text(s, NULL), "'it'\\''s $(x) `y`'");
	lt_sink_discard(s);
	cr_expect_eq(lt_plot_format_parse("pdf", &f), 0);
	cr_expect_eq(f, LT_PLOT_PDF);
	cr_expect_eq(lt_plot_format_parse("jpeg", &f), -1);
	cr_expect_str_eq(lt_plot_format_name(LT_PLOT_SVG), "svg");
}

Test(plot, gnuplot_errors_are_reported)
{
	char dir[] = "/tmp/lotrinh-plot-XXXXXX", path[128];
	const char *args[LT_PLOT_MAX_ARGS + 1] = {0};
	lt_diag d;
	FILE *f;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/bad.gp", dir);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("print \"noise\"\nshow version\nundefined_command\n"
	      "plot undefined_thing\n", f);
	fclose(f);
	lt_diag_init(&d, NULL);
	cr_expect_eq(lt_plot_run(path, NULL, 0, &d), LT_EEXTERN);
	cr_assert_eq(d.n, 1);
	/* the line naming the script's line, not the noise before it */
	cr_expect(strstr(d.items[0].msg, "line 3: invalid command") != NULL,
	          "%s", d.items[0].msg);
	cr_expect_eq(lt_plot_run(path, args, LT_PLOT_MAX_ARGS + 1, &d),
	             LT_EINVAL);
	lt_diag_destroy(&d);
	unlink(path);
	rmdir(dir);
}

/* The templates' directory: LOTRINH_PLOTS first; a missing template is
 * an I/O error that names the variable, and nothing is put in place. */
Test(chart, templates_from_the_environment, .init = setup, .fini = teardown)
{
	lt_outdir *od;
	lt_chart_opts o;
	lt_diag d;
	struct stat st;

	cr_assert_eq(setenv("LOTRINH_PLOTS", "/nonexistent/plots", 1), 0);
	cr_expect_str_eq(lt_plot_templates(), "/nonexistent/plots");
	od = open_out();
	lt_chart_opts_init(&o, od);
	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_chart_spending(&o, sc, &d), LT_EIO);
	cr_expect(strstr(d.items[0].msg, "LOTRINH_PLOTS") != NULL);
	cr_expect_str_eq(d.items[0].file, "/nonexistent/plots/spending.gp");
	cr_expect_eq(lt_outdir_close(od, &d), LT_OK);
	lt_diag_destroy(&d);
	{
		char p[512];

		snprintf(p, sizeof p, "%s/spending.tsv", outdir);
		cr_expect(stat(p, &st) != 0, "a data file was left");
	}
}
