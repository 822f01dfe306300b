/* cmd_fit.c - `lotrinh fit DATA.csv --model NAME`: fit a growth curve.
 *
 * Reads x,y data (csv.h), fits the model (fit.h), and prints the
 * parameters with standard errors, the fit statistics, how it converged,
 * and the fitted curve at each --predict point, as a table, CSV or JSON.
 * Everything is computed before anything is printed, so a failure leaves
 * standard output empty.
 */
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
#include "lotrinh/table.h"
#include "lotrinh/text.h"

const char lt_usage_fit[] =
	"Usage: lotrinh fit --model NAME [--start B1,B2,...] [--predict X]...\n"
	"                   [--lang en|vi] [--format table|csv|json|xlsx] [--out FILE]\n"
	"                   DATA.csv\n"
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
	"  --lang en|vi             labels and numbers in English (default) or\n"
	"                           Vietnamese; csv and json keep a decimal point\n"
	"  --format table|csv|json|xlsx\n"
	"                           output format (default table); csv and json\n"
	"                           carry full precision\n"
	"                           xlsx is a workbook and needs --out\n"
	"  --out FILE               write to FILE (replaced whole, only when\n"
	"                           complete) instead of standard output\n"
	"  -h, --help               show this help\n"
	"\n"
	"When the fit fails from the given start, the fitter tries other trust-\n"
	"region methods and then the automatic start; the output says which\n"
	"converged.  Methods and accuracy: docs/MODEL.md, \"Curve fitting\".\n"
	"\n"
	"Exit status: 0 on success, 1 when the fit does not converge, 2 on bad\n"
	"usage or a bad data file, 3 when the output cannot be written.\n";

const char lt_usage_fit_vi[] =
	"Cách dùng: lotrinh fit --model TÊN [--start B1,B2,...] [--predict X]...\n"
	"                       [--lang en|vi] [--format table|csv|json|xlsx]\n"
	"                       [--out TỆP] DỮ_LIỆU.csv\n"
	"\n"
	"Khớp một đường cong tăng trưởng với dữ liệu x,y trong DỮ_LIỆU.csv bằng\n"
	"bình phương tối thiểu phi tuyến, rồi in các tham số với sai số chuẩn,\n"
	"tổng bình phương phần dư (RSS), độ lệch chuẩn phần dư và bậc tự do của\n"
	"nó, AICc, và cách phép khớp hội tụ.  Bộ khớp tái lập kết quả chứng nhận\n"
	"NIST StRD (Misra1a, BoxBOD, Rat42, Rat43) từ cả hai điểm xuất phát của\n"
	"NIST.\n"
	"\n"
	"Mô hình (b1..b4 là tham số):\n"
	"  linear       y = b1 + b2*x\n"
	"  exponential  y = b1*exp(b2*x)\n"
	"  logistic     y = b1/(1 + exp(b2 - b3*x))\n"
	"  gompertz     y = b1*exp(-b2*exp(-b3*x))\n"
	"  richards     y = b1/(1 + exp(b2 - b3*x))^(1/b4)\n"
	"  saturating   y = b1*(1 - exp(-b2*x))\n"
	"\n"
	"DỮ_LIỆU.csv có một dòng tiêu đề đặt tên cột x và y (thứ tự nào cũng\n"
	"được), rồi mỗi quan sát một dòng; chấp nhận trường có ngoặc kép và cuối\n"
	"dòng CRLF (RFC 4180), bỏ qua dòng trống.  Mô hình p tham số cần ít nhất\n"
	"p + 1 dòng và p giá trị x khác nhau.  Số trong tệp dùng dấu chấm thập\n"
	"phân.\n"
	"\n"
	"Tùy chọn:\n"
	"  --model TÊN              đường cong cần khớp (bắt buộc)\n"
	"  --start B1,B2,...        giá trị xuất phát, mỗi tham số một giá trị\n"
	"                           (mặc định: tự động, từ các phép biến đổi tuyến\n"
	"                           tính hóa)\n"
	"  --predict X              in thêm giá trị đường cong đã khớp tại X kèm\n"
	"                           sai số chuẩn theo phương pháp delta; lặp lại\n"
	"                           được, X có thể là danh sách cách nhau bởi dấu\n"
	"                           phẩy\n"
	"  --lang en|vi             nhãn và số bằng tiếng Anh (mặc định) hoặc\n"
	"                           tiếng Việt; csv và json giữ dấu chấm thập phân\n"
	"  --format table|csv|json|xlsx\n"
	"                           định dạng đầu ra (mặc định table); csv và json\n"
	"                           giữ đủ mọi chữ số\n"
	"                           xlsx là sổ tính (Excel), cần --out\n"
	"  --out TỆP                ghi vào TỆP (thay cả tệp, chỉ khi đã xong)\n"
	"                           thay vì đầu ra chuẩn\n"
	"  -h, --help               in trợ giúp này\n"
	"\n"
	"Khi phép khớp từ điểm xuất phát đã cho thất bại, bộ khớp thử các phương\n"
	"pháp vùng tin cậy khác rồi đến điểm xuất phát tự động; đầu ra cho biết\n"
	"cách nào hội tụ.  Phương pháp và độ chính xác: docs/MODEL.md, \"Curve\n"
	"fitting\".\n"
	"\n"
	"Mã thoát: 0 khi thành công, 1 khi phép khớp không hội tụ, 2 khi dùng sai\n"
	"lệnh hoặc tệp dữ liệu sai, 3 khi không ghi được đầu ra.\n";

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
	lt_cli_opts cli;         /* --format, --out */
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
	enum { OPT_MODEL = LT_OPT_OWN, OPT_START, OPT_PREDICT };
	static const struct option opts[] = {
		{"format", required_argument, NULL, LT_OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{"lang", required_argument, NULL, LT_OPT_LANG},
		{"model", required_argument, NULL, OPT_MODEL},
		{"out", required_argument, NULL, LT_OPT_OUT},
		{"predict", required_argument, NULL, OPT_PREDICT},
		{"start", required_argument, NULL, OPT_START},
		{NULL, 0, NULL, 0},
	};
	char q[160], bad[160];
	size_t k;
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		rc = lt_cli_help_option("fit", c, optarg, &o->cli);
		if (rc > 0)
			return rc;
		if (rc == LT_EXIT_OK)
			continue;
		switch (c) {
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
		default:
			rc = lt_cli_option("fit", c, optarg, &o->cli);
			if (rc < 0)
				return lt_cli_bad_option("fit", c, argv);
			if (rc != LT_EXIT_OK)
				return rc;
		}
	}
	if (o->cli.help)
		return lt_cli_help("fit", &o->cli);
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

/* Significant digits of the table: enough to check against NIST's
 * certified values (11 digits) by eye; CSV and JSON carry every digit. */
#define TABLE_DIGITS 10

/* A number with TABLE_DIGITS significant digits in text. */
static lt_cell g10(double v)
{
	return lt_cell_number(v, TABLE_DIGITS, LT_NUM_SIG, NULL);
}

/* The fitted values at the --predict points. */
struct predictions {
	const double *x, *y, *se;
	size_t n;
};

/* Text: the model, the data and how it converged, then the parameters,
 * the statistics and the predictions as sections. */
static void fit_text(lt_doc *d, const char *path, const lt_fit *f,
                     const struct predictions *p, lt_lang lang)
{
	lt_doc *sec;
	lt_table *t;
	lt_cell c;
	char a[64], line[128];
	size_t i;

	if (lang == LT_LANG_VI) {
		lt_doc_linef(d, "Mô hình    %s: %s", lt_phrase(lt_fit_model_name(
		             f->model), lang), lt_fit_model_formula(f->model));
		lt_doc_linef(d, "Dữ liệu    %s (%zu quan sát)", path, f->n);
		lt_doc_linef(d, "Hội tụ     %s sau %zu vòng lặp: %s", f->converged
		             ? "có" : "không", f->iterations, f->method);
	} else {
		lt_doc_linef(d, "Model      %s: %s", lt_fit_model_name(f->model),
		             lt_fit_model_formula(f->model));
		lt_doc_linef(d, "Data       %s (%zu observations)", path, f->n);
		lt_doc_linef(d, "Converged  %s in %zu iteration%s: %s", f->converged
		             ? "yes" : "no", f->iterations, f->iterations == 1 ? ""
		             : "s", f->method);
	}
	sec = lt_doc_child(d, "estimates", NULL, NULL, LT_SHOW_TEXT);
	t = lt_doc_table(sec, "parameters", NULL, NULL, 3, LT_SHOW_TEXT);
	lt_table_set_column(t, 0, "Parameter", "Parameter", "Tham số", LT_LEFT,
	                    LT_SHOW_TEXT);
	lt_table_set_column(t, 1, "Estimate", "Estimate", "Ước lượng", LT_RIGHT,
	                    LT_SHOW_TEXT);
	lt_table_set_column(t, 2, "Std. error", "Std. error", "Sai số chuẩn",
	                    LT_RIGHT, LT_SHOW_TEXT);
	for (i = 0; i < f->p; i++) {
		lt_table_add_row(t);
		lt_table_setf(t, 0, "b%zu", i + 1);
		lt_table_put(t, 1, g10(f->b[i]));
		lt_table_put(t, 2, g10(f->se[i]));
	}
	sec = lt_doc_child(d, "statistics", NULL, NULL, LT_SHOW_TEXT);
	lt_doc_field(sec, "rss", "RSS", NULL, g10(f->rss), LT_SHOW_TEXT);
	c = g10(f->sigma);
	snprintf(line, sizeof line, LT_TR(lang, "%s (%zu degrees of freedom)",
	                                  "%s (%zu bậc tự do)"),
	         lt_cell_format(&c, lang, a, sizeof a), f->dof);
	lt_doc_field(sec, "sigma", "Residual sd", "Độ lệch chuẩn phần dư",
	             lt_cell_text(line), LT_SHOW_TEXT);
	c = g10(f->aicc);
	snprintf(line, sizeof line, "%s%s", lt_cell_format(&c, lang, a,
	         sizeof a), !isnan(f->aicc) ? "" : LT_TR(lang, " (not defined: "
	         "needs n > p + 2 and RSS > 0)", " (không xác định: cần n > p + 2 "
	         "và RSS > 0)"));
	lt_doc_field(sec, "aicc", "AICc", NULL, lt_cell_text(line), LT_SHOW_TEXT);
	if (p->n == 0)
		return;
	sec = lt_doc_child(d, "predictions", "Predictions (the fitted curve with "
	                   "its delta-method standard error)", "Dự báo (đường cong "
	                   "đã khớp, kèm sai số chuẩn theo phương pháp delta)",
	                   LT_SHOW_TEXT);
	t = lt_doc_table(sec, "predictions", NULL, NULL, 3, LT_SHOW_TEXT);
	lt_table_set_column(t, 0, "x", "x", "x", LT_RIGHT, LT_SHOW_TEXT);
	lt_table_set_column(t, 1, "Fitted y", "Fitted y", "y khớp", LT_RIGHT,
	                    LT_SHOW_TEXT);
	lt_table_set_column(t, 2, "Std. error", "Std. error", "Sai số chuẩn",
	                    LT_RIGHT, LT_SHOW_TEXT);
	for (i = 0; i < p->n; i++) {
		lt_table_add_row(t);
		lt_table_put(t, 0, g10(p->x[i]));
		lt_table_put(t, 1, g10(p->y[i]));
		lt_table_put(t, 2, g10(p->se[i]));
	}
}
/* One "kind,name,value,std_error" row of the CSV table. */
static void csv4(lt_table *t, const char *kind, const char *name, lt_cell value,
                 lt_cell se)
{
	lt_table_add_row(t);
	lt_table_set(t, 0, kind);
	lt_table_set(t, 1, name);
	lt_table_put(t, 2, value);
	lt_table_put(t, 3, se);
}

/* CSV: everything as one long table of kind, name, value, std_error. */
static void fit_csv(lt_doc *d, const char *path, const lt_fit *f,
                    const struct predictions *p)
{
	static const char *const keys[] = {"kind", "name", "value", "std_error"};
	lt_table *t = lt_doc_table(d, "rows", NULL, NULL, 4, LT_SHOW_CSV);
	lt_cell none = lt_cell_missing(NULL);
	char name[32];
	size_t i;

	for (i = 0; i < 4; i++)
		lt_table_set_header(t, i, keys[i], LT_LEFT);
	csv4(t, "model", "name", lt_cell_text(lt_fit_model_name(f->model)), none);
	csv4(t, "model", "formula", lt_cell_text(lt_fit_model_formula(f->model)),
	     none);
	csv4(t, "data", "file", lt_cell_text(path), none);
	csv4(t, "data", "n", lt_cell_int((long long)f->n), none);
	for (i = 0; i < f->p; i++) {
		snprintf(name, sizeof name, "b%zu", i + 1);
		csv4(t, "parameter", name, g10(f->b[i]), g10(f->se[i]));
	}
	csv4(t, "statistic", "rss", g10(f->rss), none);
	csv4(t, "statistic", "sigma", g10(f->sigma), none);
	csv4(t, "statistic", "dof", lt_cell_int((long long)f->dof), none);
	csv4(t, "statistic", "aicc", g10(f->aicc), none);
	csv4(t, "fit", "converged", lt_cell_text(f->converged ? "true" : "false"),
	     none);
	csv4(t, "fit", "iterations", lt_cell_int((long long)f->iterations), none);
	csv4(t, "fit", "method", lt_cell_text(f->method), none);
	for (i = 0; i < p->n; i++) {
		lt_table_add_row(t);
		lt_table_set(t, 0, "prediction");
		lt_table_put(t, 1, g10(p->x[i]));
		lt_table_put(t, 2, g10(p->y[i]));
		lt_table_put(t, 3, g10(p->se[i]));
	}
}

static void jcell(lt_doc *d, const char *key, lt_cell c)
{
	lt_doc_field(d, key, key, NULL, c, LT_SHOW_JSON);
}

/* JSON: the model, data, parameters, statistics and predictions. */
static void fit_json(lt_doc *d, const char *path, const lt_fit *f,
                     const struct predictions *p)
{
	lt_table *t;
	size_t i;

	jcell(d, "model", lt_cell_text(lt_fit_model_name(f->model)));
	jcell(d, "formula", lt_cell_text(lt_fit_model_formula(f->model)));
	jcell(d, "data", lt_cell_text(path));
	jcell(d, "n", lt_cell_int((long long)f->n));
	t = lt_doc_table(d, "parameters", NULL, NULL, 3, LT_SHOW_JSON);
	lt_table_set_header(t, 0, "name", LT_LEFT);
	lt_table_set_header(t, 1, "estimate", LT_RIGHT);
	lt_table_set_header(t, 2, "std_error", LT_RIGHT);
	for (i = 0; i < f->p; i++) {
		lt_table_add_row(t);
		lt_table_setf(t, 0, "b%zu", i + 1);
		lt_table_put(t, 1, g10(f->b[i]));
		lt_table_put(t, 2, g10(f->se[i]));
	}
	jcell(d, "rss", g10(f->rss));
	jcell(d, "sigma", g10(f->sigma));
	jcell(d, "dof", lt_cell_int((long long)f->dof));
	jcell(d, "aicc", g10(f->aicc));
	jcell(d, "converged", lt_cell_bool(f->converged));
	jcell(d, "iterations", lt_cell_int((long long)f->iterations));
	jcell(d, "method", lt_cell_text(f->method));
	t = lt_doc_table(d, "predictions", NULL, NULL, 3, LT_SHOW_JSON);
	lt_table_set_header(t, 0, "x", LT_RIGHT);
	lt_table_set_header(t, 1, "y", LT_RIGHT);
	lt_table_set_header(t, 2, "std_error", LT_RIGHT);
	for (i = 0; i < p->n; i++) {
		lt_table_add_row(t);
		lt_table_put(t, 0, g10(p->x[i]));
		lt_table_put(t, 1, g10(p->y[i]));
		lt_table_put(t, 2, g10(p->se[i]));
	}
}

/* The fit as a document for every format (caller frees), or NULL. */
static lt_doc *fit_doc(const char *path, const lt_fit *f,
                       const struct predictions *p, lt_lang lang)
{
	lt_doc *d = lt_doc_alloc(NULL, NULL);

	fit_text(d, path, f, p, lang);
	fit_csv(d, path, f, p);
	fit_json(d, path, f, p);
	return d;
}

/* ---- the command ------------------------------------------------------- */

/* Fit the data of PATH as O asks and print it; returns an exit status. */
static int run(const char *path, lt_fit_model m, const struct fit_opts *o)
{
	double *x = NULL, *y = NULL, *py = NULL, *pse = NULL;
	struct predictions pred;
	lt_doc *doc;
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
		rc = lt_cli_exit_status(status);
		goto done;
	}
	py = lt_malloc((o->n_predict + 1) * sizeof *py);
	pse = lt_malloc((o->n_predict + 1) * sizeof *pse);
	if (py == NULL || pse == NULL) {
		fputs("lotrinh: fit: out of memory\n", stderr);
		rc = lt_cli_exit_status(LT_ENOMEM);
		goto done;
	}
	for (i = 0; i < o->n_predict; i++)
		if (lt_fit_predict(&f, o->predict[i], &py[i], &pse[i]) != LT_OK) {
			fprintf(stderr, "lotrinh: %s: the fitted %s curve overflows at "
			        "x = %g\n", path, lt_fit_model_name(m), o->predict[i]);
			rc = LT_EXIT_FAIL;
			goto done;
		}
	pred.x = o->predict;
	pred.y = py;
	pred.se = pse;
	pred.n = o->n_predict;
	doc = fit_doc(path, &f, &pred, o->cli.lang);
	rc = lt_cli_emit(doc, &o->cli, (const char *const[]){path}, 1);
	lt_doc_free(doc);
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
	lt_cli_opts_init(&o.cli);
	rc = parse_options(argc, argv, &o);
	if (rc < 0)
		rc = check_options(argc, &o, &m);
	if (rc < 0)
		rc = run(argv[optind], m, &o);
	free(o.predict);
	lt_cli_opts_destroy(&o.cli);
	return rc;
}
