/* cmd_run.c - `lotrinh run SCENARIO --out DIR`: the main job.  Every
 * engine on one scenario (analysis.h), then every output into DIR through
 * the output directory (outdir.h: temporary files renamed into place, a
 * manifest of what lotrinh wrote, nothing else ever overwritten): the
 * briefing (report.html, report.md), the charts, the tables as CSV and
 * JSON, the workbook.  A progress line on a terminal; at the end, where
 * the briefing is. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_private.h"
#include "lotrinh/analysis.h"
#include "lotrinh/briefing.h"
#include "lotrinh/chart.h"
#include "lotrinh/cli.h"
#include "lotrinh/config.h"
#include "lotrinh/outdir.h"
#include "lotrinh/xlsx.h"

const char lt_usage_run[] =
	"Usage: lotrinh run [--draws N] [--sobol N] [--bootstrap R] [--seed S]\n"
	"                   [--threads T] [--lang en|vi] [--plot-format F]\n"
	"                   [--no-plot] --out DIR SCENARIO\n"
	"\n"
	"Everything for one scenario in one go: the check, the required paths,\n"
	"the audit, the simulation with Monte Carlo, the inverse questions, the\n"
	"probability against the budget share, the sensitivity, and the\n"
	"charts (gnuplot; each with its data file and a script that redraws\n"
	"it, in DIR/charts), and the briefing for planners (report.html, one\n"
	"self-contained file, and report.md), written into DIR.  DIR is created if needed.  Every file is\n"
	"written to a temporary name and renamed; DIR keeps a manifest of what\n"
	"lotrinh wrote there (.lotrinh-manifest), so running again replaces\n"
	"lotrinh's own outputs, and never overwrites the scenario, a file lotrinh\n"
	"did not write, or one of its outputs changed since (exit 2, naming the\n"
	"file).\n"
	"\n"
	"Options:\n"
	"  --out DIR        the output directory (required)\n"
	"  --draws N        Monte Carlo draws (default 10000)\n"
	"  --sobol N        Sobol base rows (default 1024; 0: the tornado alone)\n"
	"  --bootstrap R    Sobol bootstrap resamples (default 100; 0: none)\n"
	"  --seed S         the draws' seed (default 1)\n"
	"  --threads T      threads (default: the machine's cores); the numbers\n"
	"                   are the same for any T\n"
	"  --lang en|vi     the language of the briefing and the charts\n"
	"                   (default en)\n"
	"  --plot-format F  png (default), svg or pdf: the charts' format (a\n"
	"                   PDF chart is linked from the briefing, not shown)\n"
	"  --no-plot        no charts (the same numbers; gnuplot not needed)\n"
	"  -h, --help       show this help\n"
	"\n"
	"Exit status: 0 done, 1 a computation failed, 2 bad input or usage\n"
	"(a file in DIR that is not lotrinh's), 3 the environment failed (a full\n"
	"disk, an unwritable DIR, gnuplot missing: then --no-plot).\n";

const char lt_usage_run_vi[] =
	"Cách dùng: lotrinh run [--draws N] [--sobol N] [--bootstrap R]\n"
	"                       [--seed S] [--threads T] [--lang en|vi]\n"
	"                       [--plot-format F] [--no-plot] --out THƯ_MỤC\n"
	"                       KỊCH_BẢN\n"
	"\n"
	"Toàn bộ phân tích một kịch bản trong một lần chạy: kiểm tra, lộ trình\n"
	"cần đạt, rà soát, mô phỏng với Monte Carlo, các câu hỏi ngược, xác\n"
	"suất theo tỷ lệ chi, độ nhạy; rồi ghi vào THƯ_MỤC: báo cáo tóm tắt\n"
	"(report.html, một tệp tự chứa, và report.md), các biểu đồ (gnuplot;\n"
	"mỗi biểu đồ kèm tệp số liệu và tập lệnh vẽ lại, trong THƯ_MỤC/charts),\n"
	"các bảng (THƯ_MỤC/tables, CSV và JSON) và tệp Excel lotrinh.xlsx.\n"
	"THƯ_MỤC được tạo nếu chưa có.  Mọi tệp được ghi vào tên tạm rồi đổi\n"
	"tên; THƯ_MỤC giữ danh sách các tệp lotrinh đã ghi (.lotrinh-manifest),\n"
	"nên chạy lại sẽ thay các tệp của chính lotrinh, và không bao giờ ghi\n"
	"đè kịch bản, tệp lotrinh không ghi, hoặc tệp đã bị sửa (mã thoát 2,\n"
	"nêu tên tệp).\n"
	"\n"
	"Tùy chọn:\n"
	"  --out THƯ_MỤC    thư mục kết quả (bắt buộc)\n"
	"  --draws N        số lượt Monte Carlo (mặc định 10000)\n"
	"  --sobol N        số dòng cơ sở Sobol (mặc định 1024; 0: chỉ biểu đồ\n"
	"                   lốc xoáy)\n"
	"  --bootstrap R    số lần lấy mẫu lại bootstrap (mặc định 100; 0: không)\n"
	"  --seed S         hạt giống (mặc định 1)\n"
	"  --threads T      số luồng (mặc định: số nhân của máy); kết quả như\n"
	"                   nhau với mọi T\n"
	"  --lang en|vi     ngôn ngữ của báo cáo và biểu đồ (mặc định en)\n"
	"  --plot-format F  png (mặc định), svg hoặc pdf\n"
	"  --no-plot        không vẽ biểu đồ (cùng các con số; không cần gnuplot)\n"
	"  -h, --help       in hướng dẫn này\n"
	"\n"
	"Mã thoát: 0 xong, 1 tính toán thất bại, 2 dữ liệu hoặc cách dùng sai\n"
	"(một tệp trong THƯ_MỤC không phải của lotrinh), 3 lỗi môi trường (đĩa\n"
	"đầy, không ghi được THƯ_MỤC, thiếu gnuplot: khi đó dùng --no-plot).\n";

/* Defaults: about ±0.005 on a probability, and Sobol indices to about
 * ±0.03, in a few seconds for the shipped scenarios. */
#define RUN_DRAWS 10000
#define RUN_SOBOL 1024
#define RUN_BOOTSTRAP 100

enum { OPT_SOBOL = LT_OPT_OWN, OPT_BOOTSTRAP, OPT_PLOT_FORMAT, OPT_NO_PLOT };

struct run_opts {
	lt_cli_opts o;
	lt_cli_run_opts ro;
	long sobol, bootstrap;
	lt_plot_format format;
	int no_plot;
};

/* The charts drawn, for the briefing: their paths and captions. */
#define MAX_CHARTS 512

struct charts {
	lt_briefing_chart c[MAX_CHARTS];
	char href[MAX_CHARTS][192], file[MAX_CHARTS][1280];
	char caption[MAX_CHARTS][320];
	size_t n;
};

/* The step line on a terminal: "lotrinh run: paths". */
struct steps {
	int tty;
	lt_cli_progress progress;
};

static void on_step(const char *name, void *data)
{
	struct steps *st = data;

	if (!st->tty)
		return;
	lt_cli_progress_end(&st->progress);
	fprintf(stderr, "\rlotrinh run: %-50s", name);
	fflush(stderr);
	lt_cli_progress_start(&st->progress, name, "runs");
}

static int parse(int argc, char **argv, struct run_opts *r)
{
	static const struct option opts[] = {
		{"bootstrap", required_argument, NULL, OPT_BOOTSTRAP},
		{"draws", required_argument, NULL, LT_OPT_DRAWS},
		{"help", no_argument, NULL, 'h'},
		{"lang", required_argument, NULL, LT_OPT_LANG},
		{"no-plot", no_argument, NULL, OPT_NO_PLOT},
		{"out", required_argument, NULL, LT_OPT_OUT},
		{"plot-format", required_argument, NULL, OPT_PLOT_FORMAT},
		{"seed", required_argument, NULL, LT_OPT_SEED},
		{"sobol", required_argument, NULL, OPT_SOBOL},
		{"threads", required_argument, NULL, LT_OPT_THREADS},
		{NULL, 0, NULL, 0},
	};
	int c, status;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if ((status = lt_cli_help_option("run", c, optarg, &r->o)) >= 0) {
			if (status != LT_EXIT_OK)
				return status;
			continue;
		}
		if (c == OPT_SOBOL)
			status = lt_cli_whole("run", "--sobol", optarg, 64, 1048576,
			                      "0 (the tornado alone)", &r->sobol);
		else if (c == OPT_BOOTSTRAP)
			status = lt_cli_whole("run", "--bootstrap", optarg, 2, 10000,
			                      "0 (no intervals)", &r->bootstrap);
		else if (c == OPT_NO_PLOT)
			status = (r->no_plot = 1, LT_EXIT_OK);
		else if (c == OPT_PLOT_FORMAT)
			status = lt_plot_format_parse(optarg, &r->format) == 0
			         ? LT_EXIT_OK : lt_cli_usage_error("run", "unknown "
			           "--plot-format '%s': expected png, svg or pdf",
			           optarg);
		else if ((status = lt_cli_option("run", c, optarg, &r->o)) < 0 &&
		         (status = lt_cli_run_option("run", c, optarg, &r->ro)) < 0)
			status = lt_cli_bad_option("run", c, argv);
		if (status != LT_EXIT_OK)
			return status;
	}
	if (r->o.help) {
		lt_cli_help("run", &r->o);
		return -1;
	}
	if (r->o.out == NULL)
		return lt_cli_usage_error("run", "no output directory given: add "
		                          "--out DIR");
	return LT_EXIT_OK;
}

int lt_cli_put(lt_outdir *od, const char *name, const lt_doc *doc,
               lt_format format, lt_lang lang, lt_diag *diag)
{
	lt_sink *out = NULL;
	int rc = lt_outdir_sink(od, name, &out, diag);

	if (rc == LT_OK)
		rc = lt_doc_render(doc, format, lang, out, diag);
	if (rc != LT_OK) {
		lt_sink_discard(out);
		return rc;
	}
	return lt_sink_close(out, diag);
}

/* lt_xlsx_write writes a file by name: into the temporary file the
 * directory gives out, then adopted. */
int lt_cli_put_xlsx(lt_outdir *od, const char *name,
                    const lt_doc *const *docs, const char *const *names,
                    size_t n, lt_lang lang, const char *const *inputs,
                    size_t n_inputs, lt_diag *diag)
{
	char tmp[1280];
	int rc = lt_outdir_temp(od, name, tmp, sizeof tmp, diag);

	if (rc == LT_OK)
		rc = lt_xlsx_write(tmp, docs, names, n, lang, inputs, n_inputs,
		                   diag);
	if (rc != LT_OK) {
		lt_outdir_discard(od, name);
		return rc;
	}
	return lt_outdir_adopt(od, name, tmp, diag);
}

/* The commands' documents of analysis A: the same tables `show`, `paths`,
 * `audit`, `simulate --draws`, `solve`, `solve --probability 0.8` and
 * `sens` print, each as tables/NAME.csv and .json, all together as the
 * workbook lotrinh.xlsx. */
#define N_TABLES 7

static int write_tables(lt_outdir *od, const lt_analysis *a,
                        const struct run_opts *r, lt_diag *d)
{
	static const char *const files[N_TABLES] = {"roadmap", "paths", "audit",
	    "simulate", "solve", "probability", "sensitivity"};
	static const char *const sheets[2][N_TABLES] = {
		{"Roadmap", "Paths", "Audit", "Simulation", "Solve", "Probability",
		 "Sensitivity"},
		{"Lộ trình", "Lộ trình cần đạt", "Rà soát", "Mô phỏng",
		 "Tỷ lệ chi", "Xác suất", "Độ nhạy"}};
	const lt_scenario *s = a->s;
	lt_doc *docs[N_TABLES] = {NULL};
	struct lt_cli_mc mc;
	struct lt_cli_prob pr;
	lt_sens_opts so;
	lt_cli_opts co;
	lt_lang lang = r->o.lang;
	char name[64];
	size_t i;
	int rc = LT_OK, f;

	lt_cli_opts_init(&co);
	co.lang = lang;
	mc.on = 1;
	mc.o = r->ro.mc;
	mc.r = a->mc;
	pr.p = 0.8;
	pr.mc = r->ro.mc;
	pr.r = a->prob;
	memset(&so, 0, sizeof so);
	so.sobol = r->sobol > 0;
	so.samples = (size_t)r->sobol;
	so.bootstrap = (size_t)r->bootstrap;
	so.seed = r->ro.mc.seed;
	so.threads = r->ro.mc.threads;
	docs[0] = lt_cli_roadmap_doc(s, lang);
	docs[1] = lt_cli_paths_doc(s, a->paths, lang);
	docs[2] = lt_cli_audit_doc(s, &a->audit, LT_SEV_INFO, lang);
	docs[3] = lt_cli_simulate_doc(s, &a->sim, &mc, &co);
	docs[4] = lt_cli_solve_doc(s, &a->solve, &co);
	docs[5] = lt_cli_prob_doc(s, &pr, &co);
	docs[6] = lt_cli_sens_doc(s, &s->budget.schedule, &a->sens, &so, &co);
	for (i = 0; i < N_TABLES && rc == LT_OK; i++) {
		if (docs[i] == NULL) {
			rc = lt_error_raise(d, LT_ENOMEM, NULL, 0, "out of memory");
			break;
		}
		for (f = 0; f < 2 && rc == LT_OK; f++) {
			snprintf(name, sizeof name, "tables/%s.%s", files[i],
			         f == 0 ? "csv" : "json");
			rc = lt_cli_put(od, name, docs[i], f == 0 ? LT_FORMAT_CSV
			                : LT_FORMAT_JSON, lang, d);
		}
	}
	if (rc == LT_OK)
		rc = lt_cli_put_xlsx(od, "lotrinh.xlsx", (const lt_doc *const *)docs,
		                     sheets[lang == LT_LANG_VI], N_TABLES, lang,
		                     (const char *const[]){s->path}, 1, d);
	for (i = 0; i < N_TABLES; i++)
		lt_doc_free(docs[i]);
	lt_cli_opts_destroy(&co);
	return rc;
}

/* The briefing into OD: report.md and report.html. */
static int write_briefing(lt_outdir *od, const lt_analysis *a,
                          const lt_briefing_opts *bo, lt_diag *d)
{
	lt_sink *md = NULL, *html = NULL;
	int rc = lt_outdir_sink(od, "report.md", &md, d);

	if (rc == LT_OK)
		rc = lt_outdir_sink(od, "report.html", &html, d);
	if (rc == LT_OK)
		rc = lt_briefing_write(a, bo, md, html, d);
	if (rc != LT_OK) {
		lt_sink_discard(md);
		lt_sink_discard(html);
		return rc;
	}
	rc = lt_sink_close(md, d);
	if (rc != LT_OK) {
		lt_sink_discard(html);
		return rc;
	}
	return lt_sink_close(html, d);
}

/* Record the chart STEM of kind KIND for indicator K (-1: the plan) with
 * its CAPTION, when it was drawn. */
static void note_chart(struct charts *ch, const struct run_opts *r,
                       const char *stem, int k, const char *caption)
{
	const char *ext = lt_plot_format_name(r->format);
	size_t i = ch->n;
	char href[sizeof ch->href[0]];

	if (i == MAX_CHARTS)
		return;
	snprintf(href, sizeof href, "charts/%s.%s", stem, ext);
	snprintf(ch->href[i], sizeof ch->href[i], "%s", href);
	snprintf(ch->file[i], sizeof ch->file[i], "%s/%s", r->o.out, href);
	if (access(ch->file[i], R_OK) != 0)
		return;  /* nothing to draw */
	snprintf(ch->caption[i], sizeof ch->caption[i], "%s", caption);
	ch->c[i].k = k;
	ch->c[i].href = ch->href[i];
	ch->c[i].file = ch->file[i];
	ch->c[i].caption = ch->caption[i];
	ch->n++;
}

#define CAP(lang, en, vi) ((lang) == LT_LANG_VI ? (vi) : (en))

/* Indicator K's charts, as far as it has them. */
static int indicator_charts(const lt_chart_opts *co, const lt_analysis *a,
                            size_t k, const struct run_opts *r,
                            struct charts *ch, lt_diag *d)
{
	const lt_scenario *s = a->s;
	const lt_indicator *ind = &s->indicators[k];
	const char *name = r->o.lang == LT_LANG_VI ? ind->name_vi : ind->name;
	lt_lang lang = r->o.lang;
	char stem[160], cap[320];
	int rc = LT_OK;

	if (lt_chart_can_trajectory(s, k)) {
		rc = lt_chart_trajectory(co, s, k, &a->paths->items[k], &a->sim,
		                         &a->mc, d);
		snprintf(cap, sizeof cap, CAP(lang, "%s: history, roadmap, target, "
		         "required paths, business as usual and the plan's fan "
		         "(50 %% and 90 %% bands)", "%s: số liệu, lộ trình, mục tiêu, "
		         "đường yêu cầu, xu hướng hiện tại và dải dự báo (50%% và "
		         "90%%)"), name);
		note_chart(ch, r, lt_chart_stem(LT_CHART_TRAJECTORY, ind, stem, sizeof stem),
		           (int)k, cap);
	}
	if (rc == LT_OK && lt_chart_can_reached(&a->mc, k)) {
		rc = lt_chart_reached(co, s, k, &a->mc, &a->mc_bau, d);
		snprintf(cap, sizeof cap, CAP(lang, "%s: the share of the draws that "
		         "have met the target by each year, the plan against "
		         "business as usual", "%s: tỷ lệ lần mô phỏng đã đạt mục "
		         "tiêu theo năm, đề án so với xu hướng hiện tại"), name);
		note_chart(ch, r, lt_chart_stem(LT_CHART_REACHED, ind, stem, sizeof stem),
		           (int)k, cap);
	}
	if (rc == LT_OK && a->has_heat && lt_chart_can_heat(&a->heat, k)) {
		rc = lt_chart_heat(co, s, k, &a->heat, d);
		snprintf(cap, sizeof cap, CAP(lang, "%s: the probability of the "
		         "target over the budget share and the responsiveness β",
		         "%s: xác suất đạt mục tiêu theo tỷ lệ chi và mức phản ứng "
		         "β"), name);
		note_chart(ch, r, lt_chart_stem(LT_CHART_HEAT, ind, stem, sizeof stem),
		           (int)k, cap);
	}
	if (rc == LT_OK && a->has_sens && lt_chart_can_tornado(&a->sens, k)) {
		rc = lt_chart_tornado(co, s, k, &a->sens, d);
		snprintf(cap, sizeof cap, CAP(lang, "%s: each uncertain assumption "
		         "from its 10th to its 90th percentile (tornado)", "%s: mỗi "
		         "giả định bất định từ phân vị 10 đến 90 (biểu đồ lốc "
		         "xoáy)"), name);
		note_chart(ch, r, lt_chart_stem(LT_CHART_TORNADO, ind, stem, sizeof stem),
		           (int)k, cap);
	}
	if (rc == LT_OK && a->has_sens && lt_chart_can_sobol(&a->sens, k)) {
		rc = lt_chart_sobol(co, s, k, &a->sens, d);
		snprintf(cap, sizeof cap, CAP(lang, "%s: the share of the spread of "
		         "the target-year value each assumption explains (Sobol "
		         "indices)", "%s: phần độ phân tán của giá trị năm mục tiêu "
		         "mỗi giả định giải thích (chỉ số Sobol)"), name);
		note_chart(ch, r, lt_chart_stem(LT_CHART_SOBOL, ind, stem, sizeof stem),
		           (int)k, cap);
	}
	return rc;
}

/* Every chart into OD's charts/ folder, noted in CH for the briefing. */
static int all_charts(lt_outdir *od, const lt_analysis *a,
                      const struct run_opts *r, struct charts *ch,
                      lt_diag *d)
{
	const lt_scenario *s = a->s;
	lt_chart_opts co;
	char stem[64];
	size_t k;
	int rc = LT_OK;

	lt_chart_opts_init(&co, od);
	co.subdir = "charts";
	co.format = r->format;
	co.lang = r->o.lang;
	if (a->has_prob) {
		rc = lt_chart_probability_share(&co, s, &a->prob,
		                                lt_heat_share_max(s, a->has_heat
		                                ? a->heat.plan_share : NAN), d);
		note_chart(ch, r, lt_chart_stem(LT_CHART_PROBABILITY, NULL, stem,
		           sizeof stem), -1, CAP(r->o.lang, "The cost of certainty: "
		           "the probability of each target against a constant share "
		           "of the spending base, the plan's rule marked", "Chi phí "
		           "của sự chắc chắn: xác suất đạt từng mục tiêu theo tỷ lệ "
		           "chi ổn định, có đánh dấu mức quy định"));
	}
	if (rc == LT_OK && s->has_programs) {
		rc = lt_chart_spending(&co, s, d);
		note_chart(ch, r, lt_chart_stem(LT_CHART_SPENDING, NULL, stem, sizeof stem),
		           -1, CAP(r->o.lang, "The plan's spending by programme "
		           "group and year, against the least its budget rule asks "
		           "for", "Kinh phí đề án theo nhóm nhiệm vụ và năm, so với "
		           "mức tối thiểu theo quy định"));
	}
	for (k = 0; rc == LT_OK && k < s->n_indicators; k++)
		rc = indicator_charts(&co, a, k, r, ch, d);
	return rc;
}

/* Every engine, then every output. */
static int run(const lt_scenario *s, struct run_opts *r)
{
	lt_analysis_opts ao;
	lt_briefing_opts bo;
	lt_analysis a;
	lt_outdir *od = NULL;
	struct steps st;
	struct charts *ch = calloc(1, sizeof *ch);
	lt_diag d;
	int rc;

	memset(&a, 0, sizeof a);
	memset(&st, 0, sizeof st);
	st.tty = isatty(STDERR_FILENO);
	memset(&ao, 0, sizeof ao);
	ao.draws = r->ro.mc.draws;
	ao.sobol = (size_t)r->sobol;
	ao.bootstrap = (size_t)r->bootstrap;
	ao.seed = r->ro.mc.seed;
	ao.threads = r->ro.mc.threads;
	ao.step = on_step;
	ao.step_data = &st;
	if (st.tty) {
		ao.progress = lt_cli_progress_show;
		ao.progress_data = &st.progress;
	}
	lt_diag_init(&d, s->path);
	if (ch == NULL) {
		lt_diag_destroy(&d);
		fputs("lotrinh: out of memory\n", stderr);
		return LT_EXIT_ENV;
	}
	/* the directory first: a refusal costs nothing to compute */
	rc = lt_outdir_open(&od, r->o.out, (const char *const[]){s->path}, 1, &d);
	if (rc == LT_OK && lt_outdir_warning(od) != NULL) {
		char buf[640];

		fprintf(stderr, "lotrinh: warning: %s\n",
		        lt_error_format(lt_outdir_warning(od), buf, sizeof buf));
	}
	if (rc == LT_OK)
		rc = lt_analysis_run(s, &ao, &a, &d);
	if (st.tty) {
		lt_cli_progress_end(&st.progress);
		fprintf(stderr, "\r%-64s\r", "");
	}
	if (rc == LT_OK) {
		on_step("tables and workbook", &st);
		rc = write_tables(od, &a, r, &d);
	}
	if (rc == LT_OK && !r->no_plot) {
		on_step("charts", &st);
		rc = all_charts(od, &a, r, ch, &d);
		if (st.tty)
			fprintf(stderr, "\r%-64s\r", "");
	}
	if (rc == LT_OK) {
		memset(&bo, 0, sizeof bo);
		bo.lang = r->o.lang;
		bo.version = lt_version;
		bo.charts = ch->c;
		bo.n_charts = ch->n;
		rc = write_briefing(od, &a, &bo, &d);
	}
	if (rc == LT_OK) {
		rc = lt_outdir_close(od, &d);
		od = NULL;
	}
	lt_outdir_free(od);
	lt_cli_print_diag(&d);
	if (rc == LT_OK)
		printf("%s: %s/report.html\n", r->o.lang == LT_LANG_VI
		       ? "Báo cáo" : "Briefing", r->o.out);
	lt_diag_destroy(&d);
	lt_analysis_destroy(&a);
	free(ch);
	return lt_cli_exit_status(rc);
}

int lt_cmd_run(int argc, char **argv)
{
	struct run_opts r;
	lt_scenario *s = NULL;
	int status;

	memset(&r, 0, sizeof r);
	lt_cli_opts_init(&r.o);
	lt_cli_run_opts_init(&r.ro);
	r.ro.mc.draws = RUN_DRAWS;
	r.sobol = RUN_SOBOL;
	r.bootstrap = RUN_BOOTSTRAP;
	status = parse(argc, argv, &r);
	if (status == -1) {
		status = LT_EXIT_OK;
		goto done;
	}
	if (status == LT_EXIT_OK)
		status = lt_cli_load_operand("run", argc, argv, &s);
	if (status == LT_EXIT_OK)
		status = run(s, &r);
done:
	lt_scenario_free(s);
	lt_cli_opts_destroy(&r.o);
	return status;
}
