/* cmd_run.c - `lotrinh run SCENARIO --out DIR`: the main job.  Every
 * engine on one scenario (analysis.h), then every output into DIR through
 * the output directory (outdir.h: temporary files renamed into place, a
 * manifest of what lotrinh wrote, nothing else ever overwritten): the
 * briefing (report.html, report.md), the charts, the tables as CSV and
 * JSON, the workbook.  A progress line on a terminal; at the end, where
 * the briefing is. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_private.h"
#include "lotrinh/analysis.h"
#include "lotrinh/briefing.h"
#include "lotrinh/cli.h"
#include "lotrinh/config.h"
#include "lotrinh/outdir.h"

const char lt_usage_run[] =
	"Usage: lotrinh run [--draws N] [--sobol N] [--bootstrap R] [--seed S]\n"
	"                   [--threads T] [--lang en|vi] --out DIR SCENARIO\n"
	"\n"
	"Everything for one scenario in one go: the check, the required paths,\n"
	"the audit, the simulation with Monte Carlo, the inverse questions, the\n"
	"probability against the budget share, the sensitivity, and the\n"
	"briefing for planners (report.html, one self-contained file, and\n"
	"report.md), written into DIR.  DIR is created if needed.  Every file is\n"
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
	"  --lang en|vi     the language of the briefing (default en)\n"
	"  -h, --help       show this help\n"
	"\n"
	"Exit status: 0 done, 1 a computation failed, 2 bad input or usage\n"
	"(a file in DIR that is not lotrinh's), 3 the environment failed (a full\n"
	"disk, an unwritable DIR).\n";

/* Defaults: about ±0.005 on a probability, and Sobol indices to about
 * ±0.03, in a few seconds for the shipped scenarios. */
#define RUN_DRAWS 10000
#define RUN_SOBOL 1024
#define RUN_BOOTSTRAP 100

enum { OPT_SOBOL = LT_OPT_OWN, OPT_BOOTSTRAP };

struct run_opts {
	lt_cli_opts o;
	lt_cli_run_opts ro;
	long sobol, bootstrap;
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
		{"out", required_argument, NULL, LT_OPT_OUT},
		{"seed", required_argument, NULL, LT_OPT_SEED},
		{"sobol", required_argument, NULL, OPT_SOBOL},
		{"threads", required_argument, NULL, LT_OPT_THREADS},
		{NULL, 0, NULL, 0},
	};
	int c, status;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(lt_usage_run, stdout);
			return -1;
		}
		if (c == OPT_SOBOL)
			status = lt_cli_whole("run", "--sobol", optarg, 64, 1048576,
			                      "0 (the tornado alone)", &r->sobol);
		else if (c == OPT_BOOTSTRAP)
			status = lt_cli_whole("run", "--bootstrap", optarg, 2, 10000,
			                      "0 (no intervals)", &r->bootstrap);
		else if ((status = lt_cli_option("run", c, optarg, &r->o)) < 0 &&
		         (status = lt_cli_run_option("run", c, optarg, &r->ro)) < 0)
			status = lt_cli_bad_option("run", c, argv);
		if (status != LT_EXIT_OK)
			return status;
	}
	if (r->o.out == NULL)
		return lt_cli_usage_error("run", "no output directory given: add "
		                          "--out DIR");
	return LT_EXIT_OK;
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

/* Every engine, then every output. */
static int run(const lt_scenario *s, struct run_opts *r)
{
	lt_analysis_opts ao;
	lt_briefing_opts bo;
	lt_analysis a;
	lt_outdir *od = NULL;
	struct steps st;
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
		memset(&bo, 0, sizeof bo);
		bo.lang = r->o.lang;
		bo.version = lt_version;
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
