/* cmd_fit.c - `lotrinh fit DATA.csv --model NAME`: fit a growth curve.
 *
 * Reads x,y data (csv.h), fits the model (fit.h), and prints the
 * parameters with standard errors, the fit statistics, how it converged,
 * and the fitted curve at each --predict point, as a table, CSV or JSON.
 * Everything is computed before anything is printed, so a failure leaves
 * standard output empty.
 */
#include <jansson.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/alloc.h"
#include "lotrinh/cli.h"
#include "lotrinh/csv.h"
#include "lotrinh/fit.h"
#include "lotrinh/report.h"
#include "lotrinh/text.h"

const char lt_usage_fit[] =
	"Usage: lotrinh fit --model NAME [--start B1,B2,...] [--predict X]...\n"
	"                   [--format table|csv|json] DATA.csv\n"
	"\n"
	"Fit a growth curve to the x,y data in DATA.csv by nonlinear least\n"
	"squares, and print the parameters with their standard errors, the\n"
	"residual sum of squares (RSS), the residual standard deviation and its\n"
	"degrees of freedom, AICc, and how the fit converged.  The fitter\n"
	"reproduces the NIST StRD certified results (Misra1a, BoxBOD, Rat42,\n"
	"Rat43) from both of NIST's starting points.\n"
	"\n"
	"Models (b1..b4 the parameters):\n"
	"  linear       y = b1 + b2*x\n"
	"  exponential  y = b1*exp(b2*x)\n"
	"  logistic     y = b1/(1 + exp(b2 - b3*x))\n"
	"  gompertz     y = b1*exp(-b2*exp(-b3*x))\n"
	"  richards     y = b1/(1 + exp(b2 - b3*x))^(1/b4)\n"
	"  saturating   y = b1*(1 - exp(-b2*x))\n"
	"\n"
	"DATA.csv has a header row naming the columns x and y (in either order),\n"
	"then one row per observation; quoted fields and CRLF line ends are\n"
	"accepted (RFC 4180), blank lines are skipped.  A model with p\n"
	"parameters needs at least p + 1 rows and p distinct x values.\n"
	"\n"
	"Options:\n"
	"  --model NAME             the curve to fit (required)\n"
	"  --start B1,B2,...        starting values, one per parameter (default:\n"
	"                           automatic, from linearising transforms)\n"
	"  --predict X              also print the fitted curve at X with its\n"
	"                           delta-method standard error; repeatable, and\n"
	"                           X may be a comma-separated list\n"
	"  --format table|csv|json  output format (default table); csv and json\n"
	"                           carry full precision\n"
	"  -h, --help               show this help\n"
	"\n"
	"When the fit fails from the given start, the fitter tries other trust-\n"
	"region methods and then the automatic start; the output says which\n"
	"converged.  Methods and accuracy: docs/MODEL.md, \"Curve fitting\".\n"
	"\n"
	"Exit status: 0 on success, 1 when the fit does not converge, 2 on bad\n"
	"usage or a bad data file, 3 when the output cannot be written.\n";

/* Longest option text quoted back in a message, in display columns. */
#define QUOTE_COLS 40

/* What the options asked for. */
struct fit_opts {
	const char *model_name;
	int has_start;
	double start[LT_FIT_PMAX];
	size_t n_start;          /* values given, even beyond LT_FIT_PMAX */
	double *predict;         /* --predict values, malloc'd */
	size_t n_predict, cap_predict;
	lt_format format;
};

/* Option text shortened for a message, control characters shown as '?'. */
static const char *quote(const char *s, char *buf, size_t size)
{
	return lt_text_quote(s, QUOTE_COLS, buf, size);
}

/* Split the comma list S, calling PUT(ctx, index, value) for each finite
 * number.  Returns 0, or the 1-based index of the first item that is not
 * a finite number (its text, NUL-terminated, in BAD of SIZE bytes). */
static size_t parse_list(const char *s, int (*put)(void *, size_t, double),
                         void *ctx, char *bad, size_t size)
{
	size_t i = 0;

	for (;;) {
		const char *comma = strchr(s, ',');
		size_t len = comma != NULL ? (size_t)(comma - s) : strlen(s);
		char item[128];
		double v;

		i++;
		snprintf(item, sizeof item, "%.*s", (int)len, s);
		if (len >= sizeof item || lt_parse_double(item, &v) != 0) {
			snprintf(bad, size, "%.*s", (int)len, s);
			return i;
		}
		if (put(ctx, i - 1, v) != 0) {
			snprintf(bad, size, "(out of memory)");
			return i;
		}
		if (comma == NULL)
			return 0;
		s = comma + 1;
	}
}

static int put_start(void *ctx, size_t i, double v)
{
	struct fit_opts *o = ctx;

	if (i < LT_FIT_PMAX)
		o->start[i] = v;
	o->n_start = i + 1;
	return 0;
}

static int put_predict(void *ctx, size_t i, double v)
{
	struct fit_opts *o = ctx;

	(void)i;
	if (o->n_predict == o->cap_predict) {
		size_t cap = o->cap_predict == 0 ? 8 : 2 * o->cap_predict;
		double *p = lt_realloc(o->predict, cap * sizeof *p);

		if (p == NULL)
			return -1;
		o->predict = p;
		o->cap_predict = cap;
	}
	o->predict[o->n_predict++] = v;
	return 0;
}

/* Parse the options into O and leave optind at the data file.  Returns
 * -1 to go on, or an exit status (help printed, or a usage error). */
static int parse_options(int argc, char **argv, struct fit_opts *o)
{
	enum { OPT_MODEL = CHAR_MAX + 1, OPT_START, OPT_PREDICT, OPT_FORMAT };
	static const struct option opts[] = {
		{"format", required_argument, NULL, OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{"model", required_argument, NULL, OPT_MODEL},
		{"predict", required_argument, NULL, OPT_PREDICT},
		{"start", required_argument, NULL, OPT_START},
		{NULL, 0, NULL, 0},
	};
	char q[160], bad[160];
	size_t k;
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			fputs(lt_usage_fit, stdout);
			return LT_EXIT_OK;
		case OPT_MODEL:
			o->model_name = optarg;
			break;
		case OPT_START:
			o->has_start = 1;
			o->n_start = 0;
			k = parse_list(optarg, put_start, o, bad, sizeof bad);
			if (k != 0)
				return lt_cli_usage_error("fit", "start value %zu is not a "
				                          "finite number ('%s')", k,
				                          quote(bad, q, sizeof q));
			break;
		case OPT_PREDICT:
			k = parse_list(optarg, put_predict, o, bad, sizeof bad);
			if (k != 0)
				return lt_cli_usage_error("fit", "'--predict' value '%s' is "
				                          "not a finite number",
				                          quote(bad, q, sizeof q));
			break;
		case OPT_FORMAT:
			if (lt_format_parse(optarg, &o->format) != 0)
				return lt_cli_usage_error("fit", "'--format' must be table, "
				                          "csv or json (got '%s')",
				                          quote(optarg, q, sizeof q));
			break;
		default:
			return lt_cli_bad_option("fit", c, argv);
		}
	}
	return -1;
}

/* Check what parse_options cannot check alone: the data file and the
 * model, and the number of start values.  Returns -1 or an exit status. */
static int check_options(int argc, const struct fit_opts *o, lt_fit_model *m)
{
	char q[160];

	if (optind >= argc)
		return lt_cli_usage_error("fit", "no data file given");
	if (optind + 1 < argc)
		return lt_cli_usage_error("fit", "one data file at a time (got %d)",
		                          argc - optind);
	if (o->model_name == NULL)
		return lt_cli_usage_error("fit", "no model given (--model NAME; "
		                          "models: %s)", lt_fit_model_list());
	if (lt_fit_model_parse(o->model_name, m) != LT_OK)
		return lt_cli_usage_error("fit", "unknown model '%s' (models: %s)",
		                          quote(o->model_name, q, sizeof q),
		                          lt_fit_model_list());
	if (o->has_start && o->n_start != lt_fit_model_nparams(*m))
		return lt_cli_usage_error("fit", "the %s model takes %zu start values "
		                          "(got %zu)", lt_fit_model_name(*m),
		                          lt_fit_model_nparams(*m), o->n_start);
	return -1;
}

/* ---- output ------------------------------------------------------------ */

/* A number with 10 significant digits for the table ("n/a" for NaN). */
static const char *g10(double v, char *buf, size_t size)
{
	if (isnan(v))
		snprintf(buf, size, "n/a");
	else
		snprintf(buf, size, "%.10g", v);
	return buf;
}

/* A number with round-trip precision for CSV ("" for NaN). */
static const char *g17(double v, char *buf, size_t size)
{
	if (isnan(v))
		buf[0] = '\0';
	else
		snprintf(buf, size, "%.17g", v);
	return buf;
}

static void print_table(const char *path, const lt_fit *f, const double *px,
                        const double *py, const double *pse, size_t np)
{
	lt_table *t = lt_table_alloc(3);
	char a[64], b[64];
	size_t i;

	printf("Model      %s: %s\n", lt_fit_model_name(f->model),
	       lt_fit_model_formula(f->model));
	printf("Data       %s (%zu observations)\n", path, f->n);
	printf("Converged  %s in %zu iteration%s: %s\n\n", f->converged ? "yes" :
	       "no", f->iterations, f->iterations == 1 ? "" : "s", f->method);
	if (t == NULL)
		return;
	lt_table_set_header(t, 0, "Parameter", LT_LEFT);
	lt_table_set_header(t, 1, "Estimate", LT_RIGHT);
	lt_table_set_header(t, 2, "Std. error", LT_RIGHT);
	for (i = 0; i < f->p; i++) {
		lt_table_add_row(t);
		lt_table_setf(t, 0, "b%zu", i + 1);
		lt_table_set(t, 1, g10(f->b[i], a, sizeof a));
		lt_table_set(t, 2, g10(f->se[i], b, sizeof b));
	}
	lt_table_print(t, stdout, 2);
	lt_table_free(t);
	printf("\n  RSS          %s\n", g10(f->rss, a, sizeof a));
	printf("  Residual sd  %s (%zu degrees of freedom)\n",
	       g10(f->sigma, a, sizeof a), f->dof);
	printf("  AICc         %s%s\n", g10(f->aicc, a, sizeof a),
	       isnan(f->aicc) ? " (not defined: needs n > p + 2 and RSS > 0)" : "");
	if (np == 0)
		return;
	t = lt_table_alloc(3);
	if (t == NULL)
		return;
	lt_table_set_header(t, 0, "x", LT_RIGHT);
	lt_table_set_header(t, 1, "Fitted y", LT_RIGHT);
	lt_table_set_header(t, 2, "Std. error", LT_RIGHT);
	for (i = 0; i < np; i++) {
		lt_table_add_row(t);
		lt_table_set(t, 0, g10(px[i], a, sizeof a));
		lt_table_set(t, 1, g10(py[i], a, sizeof a));
		lt_table_set(t, 2, g10(pse[i], b, sizeof b));
	}
	printf("\nPredictions (the fitted curve with its delta-method standard "
	       "error)\n");
	lt_table_print(t, stdout, 2);
	lt_table_free(t);
}

/* One "kind,name,value,std_error" CSV record. */
static void csv4(const char *kind, const char *name, const char *value,
                 const char *se)
{
	const char *row[4] = {kind, name, value, se};

	lt_csv_row(stdout, row, 4);
}

static void print_csv(const char *path, const lt_fit *f, const double *px,
                      const double *py, const double *pse, size_t np)
{
	char a[64], b[64], c[64];
	size_t i;

	csv4("kind", "name", "value", "std_error");
	csv4("model", "name", lt_fit_model_name(f->model), "");
	csv4("model", "formula", lt_fit_model_formula(f->model), "");
	csv4("data", "file", path, "");
	snprintf(a, sizeof a, "%zu", f->n);
	csv4("data", "n", a, "");
	for (i = 0; i < f->p; i++) {
		snprintf(c, sizeof c, "b%zu", i + 1);
		csv4("parameter", c, g17(f->b[i], a, sizeof a),
		     g17(f->se[i], b, sizeof b));
	}
	csv4("statistic", "rss", g17(f->rss, a, sizeof a), "");
	csv4("statistic", "sigma", g17(f->sigma, a, sizeof a), "");
	snprintf(a, sizeof a, "%zu", f->dof);
	csv4("statistic", "dof", a, "");
	csv4("statistic", "aicc", g17(f->aicc, a, sizeof a), "");
	csv4("fit", "converged", f->converged ? "true" : "false", "");
	snprintf(a, sizeof a, "%zu", f->iterations);
	csv4("fit", "iterations", a, "");
	csv4("fit", "method", f->method, "");
	for (i = 0; i < np; i++)
		csv4("prediction", g17(px[i], c, sizeof c), g17(py[i], a, sizeof a),
		     g17(pse[i], b, sizeof b));
}

/* A JSON number, or null for NaN (JSON has no NaN). */
static json_t *jnum(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

/* Set KEY of O to V (reference stolen); counts a failure in *BAD. */
static void jset(json_t *o, const char *key, json_t *v, int *bad)
{
	if (v == NULL || json_object_set_new(o, key, v) != 0)
		(*bad)++;
}

static void jpush(json_t *a, json_t *v, int *bad)
{
	if (v == NULL || json_array_append_new(a, v) != 0)
		(*bad)++;
}

/* The fit as a JSON object (NULL when out of memory). */
static json_t *fit_json(const char *path, const lt_fit *f, const double *px,
                        const double *py, const double *pse, size_t np)
{
	json_t *o = json_object(), *pars = json_array(), *preds = json_array();
	int bad = o == NULL || pars == NULL || preds == NULL;
	char name[24]; /* "b" and a size_t */
	size_t i;

	for (i = 0; !bad && i < f->p; i++) {
		json_t *e = json_object();

		snprintf(name, sizeof name, "b%zu", i + 1);
		if (e == NULL) {
			bad++;
			break;
		}
		jset(e, "name", json_string(name), &bad);
		jset(e, "estimate", jnum(f->b[i]), &bad);
		jset(e, "std_error", jnum(f->se[i]), &bad);
		jpush(pars, e, &bad);
	}
	for (i = 0; !bad && i < np; i++) {
		json_t *e = json_object();

		if (e == NULL) {
			bad++;
			break;
		}
		jset(e, "x", jnum(px[i]), &bad);
		jset(e, "y", jnum(py[i]), &bad);
		jset(e, "std_error", jnum(pse[i]), &bad);
		jpush(preds, e, &bad);
	}
	if (o != NULL) {
		jset(o, "model", json_string(lt_fit_model_name(f->model)), &bad);
		jset(o, "formula", json_string(lt_fit_model_formula(f->model)), &bad);
		jset(o, "data", json_string(path), &bad);
		jset(o, "n", json_integer((json_int_t)f->n), &bad);
		jset(o, "parameters", pars, &bad);
		jset(o, "rss", jnum(f->rss), &bad);
		jset(o, "sigma", jnum(f->sigma), &bad);
		jset(o, "dof", json_integer((json_int_t)f->dof), &bad);
		jset(o, "aicc", jnum(f->aicc), &bad);
		jset(o, "converged", json_boolean(f->converged), &bad);
		jset(o, "iterations", json_integer((json_int_t)f->iterations), &bad);
		jset(o, "method", json_string(f->method), &bad);
		jset(o, "predictions", preds, &bad);
	} else {
		json_decref(pars);
		json_decref(preds);
	}
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* Print the fit as JSON; returns an exit status. */
static int print_json(const char *path, const lt_fit *f, const double *px,
                      const double *py, const double *pse, size_t np)
{
	json_t *o = fit_json(path, f, px, py, pse, np);
	int status = LT_EXIT_OK;

	if (o == NULL) {
		fputs("lotrinh: fit: out of memory\n", stderr);
		return LT_EXIT_ENV;
	}
	/* json_real prints the shortest text that reads back to the same
	 * double; JSON_REAL_PRECISION(17) makes that explicit */
	if (json_dumpf(o, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(17)) != 0 ||
	    fputc('\n', stdout) == EOF) {
		/* a write error is reported by lt_main's finish() */
		if (!ferror(stdout))
			fputs("lotrinh: fit: cannot format the JSON output\n", stderr);
		status = LT_EXIT_ENV;
	}
	json_decref(o);
	return status;
}

/* ---- the command ------------------------------------------------------- */

/* Fit the data of PATH as O asks and print it; returns an exit status. */
static int run(const char *path, lt_fit_model m, const struct fit_opts *o)
{
	double *x = NULL, *y = NULL, *py = NULL, *pse = NULL;
	lt_diag d;
	lt_fit f;
	size_t n, i;
	int status, rc = LT_EXIT_OK;

	lt_diag_init(&d, path);
	status = lt_csv_read_xy(path, &x, &y, &n, &d);
	if (status == LT_OK)
		status = lt_fit_run(m, x, y, n, o->has_start ? o->start : NULL, &f,
		                    &d);
	if (status != LT_OK) {
		lt_cli_print_diag(&d);
		rc = status == LT_EINVAL ? LT_EXIT_USAGE
		     : status == LT_ENOCONV ? LT_EXIT_FAIL : LT_EXIT_ENV;
		goto done;
	}
	py = lt_malloc((o->n_predict + 1) * sizeof *py);
	pse = lt_malloc((o->n_predict + 1) * sizeof *pse);
	if (py == NULL || pse == NULL) {
		fputs("lotrinh: fit: out of memory\n", stderr);
		rc = LT_EXIT_ENV;
		goto done;
	}
	for (i = 0; i < o->n_predict; i++)
		if (lt_fit_predict(&f, o->predict[i], &py[i], &pse[i]) != LT_OK) {
			fprintf(stderr, "lotrinh: %s: the fitted %s curve overflows at "
			        "x = %g\n", path, lt_fit_model_name(m), o->predict[i]);
			rc = LT_EXIT_FAIL;
			goto done;
		}
	if (o->format == LT_FORMAT_JSON)
		rc = print_json(path, &f, o->predict, py, pse, o->n_predict);
	else if (o->format == LT_FORMAT_CSV)
		print_csv(path, &f, o->predict, py, pse, o->n_predict);
	else
		print_table(path, &f, o->predict, py, pse, o->n_predict);
done:
	free(py);
	free(pse);
	free(x);
	free(y);
	lt_diag_destroy(&d);
	return rc;
}

int lt_cmd_fit(int argc, char **argv)
{
	struct fit_opts o;
	lt_fit_model m = LT_FIT_LINEAR;
	int rc;

	memset(&o, 0, sizeof o);
	o.format = LT_FORMAT_TABLE;
	rc = parse_options(argc, argv, &o);
	if (rc < 0)
		rc = check_options(argc, &o, &m);
	if (rc < 0)
		rc = run(argv[optind], m, &o);
	free(o.predict);
	return rc;
}
