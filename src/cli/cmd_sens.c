/* cmd_sens.c - `lotrinh sens SCENARIO`: which uncertain parameters move
 * each target.  Parses the schedule and sampling options, runs lt_sens_run
 * and renders its result as one document: per target a tornado of the
 * target-year value and of the share the target needs, then the Sobol
 * indices of the value and of meeting the target (table, CSV or JSON
 * through the output layer). */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/alloc.h"
#include "lotrinh/cli.h"
#include "lotrinh/scenario.h"
#include "lotrinh/sens.h"
#include "lotrinh/table.h"
#include "lotrinh/text.h"

const char lt_usage_sens[] =
	"Usage: lotrinh sens [--share S | --ramp S0:S1:YEAR |\n"
	"                     --schedule programs|scenario]\n"
	"                    [--samples N] [--bootstrap R] [--seed S]\n"
	"                    [--threads T] [--no-sobol] [--indicator ID]...\n"
	"                    [--lang en|vi] [--format table|csv|json|xlsx] [--out FILE]\n"
	"                    SCENARIO\n"
	"\n"
	"Which uncertain parameters move each target (docs/MODEL.md,\n"
	"\"Sensitivity\"), for every simulated indicator with a target:\n"
	"  - a tornado: each parameter the scenario gives as a distribution at\n"
	"    its 10th and its 90th percentile, the others at their medians,\n"
	"    and what that does to the value in the target year and to the\n"
	"    constant share of the spending base the target needs;\n"
	"  - Sobol indices of the target-year value and of meeting the target:\n"
	"    the share of the outcome's variance each parameter (and the yearly\n"
	"    shocks, as one group) explains alone (S1) and with its\n"
	"    interactions (ST), with 95 % bootstrap intervals.\n"
	"\n"
	"Schedule (default: the scenario's own):\n"
	"  --share S            a constant S % of the spending base every year\n"
	"  --ramp S0:S1:YEAR    from S0 % in the baseline year to S1 % in YEAR,\n"
	"                       constant after\n"
	"  --schedule programs  what the plan's programmes spend each year\n"
	"  --schedule scenario  the scenario's schedule\n"
	"\n"
	"Sobol (Saltelli sampling, N x (factors + 2) model runs):\n"
	"  --samples N          base rows N, from 64 to 1048576 (default 4096)\n"
	"  --bootstrap R        bootstrap resamples for the intervals, 0 (none)\n"
	"                       or from 2 to 10000 (default 100)\n"
	"  --seed S             seed of the sample (default 1): the same seed\n"
	"                       gives the same numbers on any number of threads\n"
	"  --threads T          threads to use (default: the machine's cores)\n"
	"  --no-sobol           the tornado alone\n"
	"\n"
	"Options:\n"
	"  --indicator ID           only this indicator (repeat for several)\n"
	"  --lang en|vi             labels, names, units and numbers in English\n"
	"                           (default) or Vietnamese; csv and json keep\n"
	"                           their keys and a decimal point\n"
	"  --format table|csv|json|xlsx\n"
	"                           output format (default table)\n"
	"                           xlsx is a workbook and needs --out\n"
	"  --out FILE               write to FILE (replaced whole, never an input)\n"
	"  -h, --help               show this help\n"
	"\n"
	"Exit status: 0 on success, 1 when a computation fails, 2 on bad usage\n"
	"or an invalid scenario, 3 when the output cannot be written.\n";

const char lt_usage_sens_vi[] =
	"Cách dùng: lotrinh sens [--share S | --ramp S0:S1:NĂM |\n"
	"                         --schedule programs|scenario]\n"
	"                        [--samples N] [--bootstrap R] [--seed S]\n"
	"                        [--threads T] [--no-sobol] [--indicator ID]...\n"
	"                        [--lang en|vi] [--format table|csv|json|xlsx]\n"
	"                        [--out TỆP] KỊCH_BẢN\n"
	"\n"
	"Tham số bất định nào tác động đến từng mục tiêu (docs/MODEL.md,\n"
	"\"Sensitivity\"), với mọi chỉ tiêu được mô phỏng có mục tiêu:\n"
	"  - tornado: mỗi tham số kịch bản cho dưới dạng phân phối, lấy ở phân vị\n"
	"    thứ 10 và thứ 90, các tham số khác ở trung vị, và tác động của nó đến\n"
	"    giá trị năm mục tiêu và đến tỷ lệ chi không đổi trên cơ sở chi mà mục\n"
	"    tiêu cần;\n"
	"  - chỉ số Sobol của giá trị năm mục tiêu và của việc đạt mục tiêu: phần\n"
	"    phương sai của kết quả mà mỗi tham số (và các cú sốc hằng năm, như\n"
	"    một nhóm) giải thích riêng (S1) và cùng các tương tác của nó (ST), kèm\n"
	"    khoảng bootstrap 95 %.\n"
	"\n"
	"Lộ trình chi (mặc định: lộ trình của kịch bản):\n"
	"  --share S            S % cơ sở chi, không đổi mỗi năm\n"
	"  --ramp S0:S1:NĂM     từ S0 % năm gốc lên S1 % năm NĂM, giữ nguyên sau\n"
	"                       đó\n"
	"  --schedule programs  theo kinh phí các nhiệm vụ của đề án mỗi năm\n"
	"  --schedule scenario  lộ trình chi của kịch bản\n"
	"\n"
	"Sobol (lấy mẫu Saltelli, N x (số nhân tố + 2) lần chạy mô hình):\n"
	"  --samples N          số dòng cơ sở N, từ 64 đến 1048576 (mặc định 4096)\n"
	"  --bootstrap R        số lần lấy mẫu lại bootstrap cho các khoảng, 0\n"
	"                       (không có) hoặc từ 2 đến 10000 (mặc định 100)\n"
	"  --seed S             hạt giống của mẫu (mặc định 1): cùng hạt giống cho\n"
	"                       cùng kết quả với mọi số luồng\n"
	"  --threads T          số luồng (mặc định: số nhân của máy)\n"
	"  --no-sobol           chỉ tornado\n"
	"\n"
	"Tùy chọn:\n"
	"  --indicator ID           chỉ chỉ tiêu này (lặp lại để chọn nhiều)\n"
	"  --lang en|vi             nhãn, tên, đơn vị và số bằng tiếng Anh (mặc\n"
	"                           định) hoặc tiếng Việt; csv và json giữ nguyên\n"
	"                           khóa và dấu chấm thập phân\n"
	"  --format table|csv|json|xlsx\n"
	"                           định dạng đầu ra (mặc định table)\n"
	"                           xlsx là sổ tính (Excel), cần --out\n"
	"  --out TỆP                ghi vào TỆP (thay cả tệp, không bao giờ ghi đè\n"
	"                           tệp đầu vào)\n"
	"  -h, --help               in trợ giúp này\n"
	"\n"
	"Mã thoát: 0 khi thành công, 1 khi một phép tính thất bại, 2 khi dùng sai\n"
	"lệnh hoặc kịch bản không hợp lệ, 3 khi không ghi được đầu ra.\n";

/* Fewest base rows a command accepts: the standard error of an index is
 * about sd(term)/(V·sqrt(N)), of order 1/sqrt(N) (docs/MODEL.md), so at
 * N = 64 it is already near 0.1, as wide as the differences a reader
 * would draw; fewer rows would print noise. */
#define SENS_MIN_SAMPLES 64

/* ---- options ----------------------------------------------------------- */

enum { OPT_SAMPLES = LT_OPT_OWN, OPT_BOOTSTRAP, OPT_NO_SOBOL };

struct sens_args {
	lt_sens_opts o;
	int sobol_given;  /* --samples or --bootstrap */
};

/* Handle one of sens's own options. */
static int own_option(int c, const char *arg, struct sens_args *a)
{
	long v;
	int st;

	switch (c) {
	case OPT_SAMPLES:
		st = lt_cli_whole("sens", "--samples", arg, SENS_MIN_SAMPLES,
		                  (long)LT_SOBOL_MAX_N, NULL, &v);
		a->o.samples = (size_t)v;
		a->sobol_given = 1;
		return st;
	case OPT_BOOTSTRAP:
		st = lt_cli_whole("sens", "--bootstrap", arg, 2,
		                  LT_SOBOL_MAX_BOOTSTRAP, "no intervals", &v);
		a->o.bootstrap = (size_t)v;
		a->sobol_given = 1;
		return st;
	case OPT_NO_SOBOL:
		a->o.sobol = 0;
		return LT_EXIT_OK;
	default:
		return -1;
	}
}

/* ---- cells ------------------------------------------------------------- */

/* A number, missing when not finite. */
static lt_cell num(double v, int prec, unsigned style)
{
	return isfinite(v) ? lt_cell_number(v, prec, style, NULL)
	                   : lt_cell_missing(NULL);
}

static int has_share(const lt_share_result *x)
{
	return x->answer == LT_ANSWER_SOLVED || x->answer == LT_ANSWER_FREE;
}

/* An index with its interval, "0.912 ± 0.021", three decimals, never
 * "-0.000". */
static lt_cell index_cell(double v, double conf, lt_lang lang, char *buf,
                          size_t n)
{
	char a[32], b[32];

	if (fabs(v) < 5e-4)
		v = 0.0;
	lt_format_number(v, 3, 0, lang, a, sizeof a);
	if (isfinite(conf))
		snprintf(buf, n, "%s ± %s", a, lt_format_number(conf, 3, 0, lang, b,
		                                                 sizeof b));
	else
		snprintf(buf, n, "%s", a);
	return lt_cell_text(buf);
}

/* ---- the tables: one set of CSV columns for all ---------------------------
 *
 * Every table of the document shows the same CSV columns (one CSV table),
 * each kind of table its own in text and JSON. */
enum col {
	C_IND, C_ANALYSIS, C_OUTCOME, C_FACTOR, C_P10, C_P90, C_BASE, C_AT_P10,
	C_AT_P90, C_SWING, C_ANS_P10, C_ANS_P90, C_S1, C_S1_CONF, C_ST,
	C_ST_CONF, C_NO_EFFECT, C_NOTE, C_TEXT_P10, C_TEXT_P90, C_TEXT_SWING,
	C_TEXT_S1, C_TEXT_ST, NCOLS
};

enum kind { K_VALUE, K_SHARE, K_SOBOL, K_FLAT };

enum { CSV = LT_SHOW_CSV, DATA = LT_SHOW_DATA, ALL = LT_SHOW_ALL,
       TEXT = LT_SHOW_TEXT };

static const struct {
	const char *key, *head[4]; /* the header by kind of table */
	const char *head_vi[4];    /* the same in Vietnamese */
	unsigned show[4];          /* the formats by kind of table */
} cols[NCOLS] = {
	[C_IND] = {"indicator", {0}, {0}, {CSV, CSV, CSV, CSV}},
	[C_ANALYSIS] = {"analysis", {0}, {0}, {CSV, CSV, CSV, CSV}},
	[C_OUTCOME] = {"outcome", {0}, {0}, {CSV, CSV, CSV, CSV}},
	[C_FACTOR] = {"factor", {"parameter", "parameter", "factor"},
	              {"tham số", "tham số", "nhân tố"}, {ALL, ALL, ALL, CSV}},
	[C_P10] = {"p10", {"p10", "p10"}, {0}, {ALL, ALL, CSV, CSV}},
	[C_P90] = {"p90", {"p90", "p90"}, {0}, {ALL, ALL, CSV, CSV}},
	[C_BASE] = {"base", {0}, {0}, {DATA, DATA, CSV, CSV}},
	[C_AT_P10] = {"at_p10", {"value at p10"}, {"giá trị ở p10"},
	              {ALL, DATA, CSV, CSV}},
	[C_AT_P90] = {"at_p90", {"value at p90"}, {"giá trị ở p90"},
	              {ALL, DATA, CSV, CSV}},
	[C_SWING] = {"swing", {"swing"}, {"biên độ"}, {ALL, DATA, CSV, CSV}},
	[C_ANS_P10] = {"answer_p10", {0}, {0}, {CSV, DATA, CSV, CSV}},
	[C_ANS_P90] = {"answer_p90", {0}, {0}, {CSV, DATA, CSV, CSV}},
	[C_S1] = {"s1", {0}, {0}, {CSV, CSV, DATA, CSV}},
	[C_S1_CONF] = {"s1_conf", {0}, {0}, {CSV, CSV, DATA, CSV}},
	[C_ST] = {"st", {0}, {0}, {CSV, CSV, DATA, CSV}},
	[C_ST_CONF] = {"st_conf", {0}, {0}, {CSV, CSV, DATA, CSV}},
	[C_NO_EFFECT] = {"no_effect", {0}, {0}, {DATA, DATA, DATA, CSV}},
	[C_NOTE] = {"note", {0}, {0}, {CSV, CSV, CSV, CSV}},
	[C_TEXT_P10] = {"share_p10_text", {NULL, "share at p10"},
	                {NULL, "tỷ lệ chi ở p10"}, {0, TEXT, 0, 0}},
	[C_TEXT_P90] = {"share_p90_text", {NULL, "share at p90"},
	                {NULL, "tỷ lệ chi ở p90"}, {0, TEXT, 0, 0}},
	[C_TEXT_SWING] = {"share_swing_text", {NULL, "swing (points)"},
	                  {NULL, "biên độ (điểm %)"}, {0, TEXT, 0, 0}},
	[C_TEXT_S1] = {"s1_text", {NULL, NULL, "S1 (first order)"},
	               {NULL, NULL, "S1 (bậc một)"}, {0, 0, TEXT, 0}},
	[C_TEXT_ST] = {"st_text", {NULL, NULL, "ST (total)"},
	               {NULL, NULL, "ST (toàn phần)"}, {0, 0, TEXT, 0}},
};

/* Widest a parameter's name prints in text (the Vietnamese names carry the
 * indicator's name). */
#define FACTOR_COLS 48

/* A table of kind KIND under KEY in D (shown in SHOW), its columns set. */
static lt_table *table(lt_doc *d, const char *key, enum kind kind,
                       unsigned show)
{
	lt_table *t = lt_doc_table(d, key, NULL, NULL, NCOLS, show);
	size_t c;

	for (c = 0; t != NULL && c < NCOLS; c++) {
		const char *h = cols[c].head[kind] != NULL ? cols[c].head[kind]
		                                           : cols[c].key;

		lt_table_set_column(t, c, cols[c].key, h, cols[c].head_vi[kind],
		                    c == C_FACTOR ? LT_LEFT : LT_RIGHT,
		                    cols[c].show[kind]);
	}
	lt_table_set_max_width(t, C_FACTOR, FACTOR_COLS);
	return t;
}

/* What the text and the data of the tables need: the scenario for the
 * names, and the language of the text (the data is always LT_LANG_EN). */
struct words {
	const lt_scenario *s;
	lt_lang lang;
};

/* The name of parameter NAME in W's language, into BUF. */
static const char *param(const struct words *w, const char *name, char *buf,
                         size_t size)
{
	return lt_param_phrase(w->s, name, w->lang, buf, size);
}

/* A new row of T with the columns every row has. */
static void row(lt_table *t, const char *id, const char *analysis,
                const char *outcome)
{
	lt_table_add_row(t);
	lt_table_set(t, C_IND, id);
	lt_table_set(t, C_ANALYSIS, analysis);
	lt_table_set(t, C_OUTCOME, outcome);
}

/* ---- one target --------------------------------------------------------- *
 *
 * Text leaves out the parameters that change nothing about the target
 * (lt_sens_target.inert, named on one line); CSV and JSON keep every one.
 * So each table is built twice: for text, and for data. */

/* 1 when factor I of R is a parameter inert for target X. */
static int inert(const lt_sens_result *r, const lt_sens_target *x, size_t i)
{
	return i < r->n_params && x->inert[i];
}

/* The tornado of the target-year value, shown in SHOW (text: without the
 * inert parameters). */
static void value_tornado(lt_doc *d, const lt_sens_result *r,
                          const lt_sens_target *x, const char *id,
                          unsigned show, const struct words *w)
{
	lt_table *t = table(d, "bars", K_VALUE, show);
	char name[256];
	size_t j;

	for (j = 0; t != NULL && j < r->n_params; j++) {
		const lt_sens_bar *b = &x->bars[x->by_value[j]];
		const lt_sens_param *q = &r->params[b->param];

		if (show == TEXT && x->inert[b->param])
			continue;
		row(t, id, "tornado", "value");
		lt_table_set(t, C_FACTOR, param(w, q->name, name, sizeof name));
		lt_table_put(t, C_P10, num(q->p10, 4, LT_NUM_SIG));
		lt_table_put(t, C_P90, num(q->p90, 4, LT_NUM_SIG));
		lt_table_put(t, C_BASE, num(x->base_value, 2, LT_NUM_FIXED));
		lt_table_put(t, C_AT_P10, num(b->value_lo, 2, LT_NUM_FIXED));
		lt_table_put(t, C_AT_P90, num(b->value_hi, 2, LT_NUM_FIXED));
		lt_table_put(t, C_SWING, num(b->value_hi - b->value_lo, 2,
		                             LT_NUM_FIXED | LT_NUM_SIGN));
		lt_table_put(t, C_NO_EFFECT, lt_cell_bool(x->inert[b->param]));
	}
}

/* The share swing of bar B in text: points, "answer changes" or "no
 * change". */
static lt_cell share_swing(const lt_sens_bar *b, lt_lang lang)
{
	if (has_share(&b->share_lo) && has_share(&b->share_hi))
		return num(b->share_hi.share - b->share_lo.share, 2,
		           LT_NUM_FIXED | LT_NUM_SIGN);
	return lt_cell_text(b->share_lo.answer != b->share_hi.answer
	                    ? LT_TR(lang, "answer changes", "kết quả đổi")
	                    : LT_TR(lang, "no change", "không đổi"));
}

/* 1 when no parameter moves the share answer of X off its base answer,
 * which is no share ("not reachable" at every p10 and p90). */
static int share_fixed(const lt_sens_result *r, const lt_sens_target *x)
{
	size_t p;

	if (has_share(&x->base_share))
		return 0;
	for (p = 0; p < r->n_params; p++)
		if (x->bars[p].share_lo.answer != x->base_share.answer ||
		    x->bars[p].share_hi.answer != x->base_share.answer)
			return 0;
	return 1;
}

/* The tornado of the share the target needs, shown in SHOW. */
static void share_tornado(lt_doc *d, const lt_sens_result *r,
                          const lt_sens_target *x, const char *id,
                          unsigned show, const struct words *w)
{
	lt_table *t = table(d, "bars", K_SHARE, show);
	char a[32], b2[32], name[256];
	size_t j;

	for (j = 0; t != NULL && j < r->n_params; j++) {
		const lt_sens_bar *b = &x->bars[x->by_share[j]];
		const lt_sens_param *q = &r->params[b->param];

		if (show == TEXT && x->inert[b->param])
			continue;
		row(t, id, "tornado", "share");
		lt_table_set(t, C_FACTOR, param(w, q->name, name, sizeof name));
		lt_table_put(t, C_P10, num(q->p10, 4, LT_NUM_SIG));
		lt_table_put(t, C_P90, num(q->p90, 4, LT_NUM_SIG));
		lt_table_put(t, C_BASE, num(x->base_share.share, 0, 0));
		lt_table_put(t, C_AT_P10, num(b->share_lo.share, 0, 0));
		lt_table_put(t, C_AT_P90, num(b->share_hi.share, 0, 0));
		lt_table_put(t, C_SWING, has_share(&b->share_lo) &&
		             has_share(&b->share_hi) ? num(b->share_hi.share -
		             b->share_lo.share, 0, 0) : lt_cell_missing(NULL));
		lt_table_set(t, C_ANS_P10, lt_cli_answer_name(b->share_lo.answer));
		lt_table_set(t, C_ANS_P90, lt_cli_answer_name(b->share_hi.answer));
		lt_table_put(t, C_TEXT_P10, lt_cli_share_cell(&b->share_lo, 2,
		             w->lang, a, sizeof a));
		lt_table_put(t, C_TEXT_P90, lt_cli_share_cell(&b->share_hi, 2,
		             w->lang, b2, sizeof b2));
		lt_table_put(t, C_TEXT_SWING, share_swing(b, w->lang));
		lt_table_put(t, C_NO_EFFECT, lt_cell_bool(x->inert[b->param]));
	}
}

/* Both tornados of target X, each a section: its title, and its table
 * in text (without the inert parameters) and in data (every one). */
static void tornados(lt_doc *parent, const lt_sens_result *r,
                     const lt_sens_target *x, const char *id,
                     const struct words *w)
{
	const struct words data = {w->s, LT_LANG_EN};
	lt_lang lang = w->lang;
	char title[256];
	lt_doc *d;

	/* the titles are text only: one language is enough */
	snprintf(title, sizeof title, LT_TR(lang, "The value in %d, each "
	         "parameter at p10 and at p90 (the others at their medians):",
	         "Giá trị năm %d, mỗi tham số ở p10 và ở p90 (các tham số khác ở "
	         "trung vị):"), x->year);
	d = lt_doc_child(parent, "tornado_value", title, NULL, LT_SHOW_ALL);
	value_tornado(d, r, x, id, TEXT, w);
	value_tornado(d, r, x, id, DATA, &data);
	if (!share_fixed(r, x)) {
		d = lt_doc_child(parent, "tornado_share", LT_TR(lang, "The constant "
		                 "share of the base the target needs, every year "
		                 "after the baseline:", "Tỷ lệ chi không đổi trên cơ "
		                 "sở chi mà mục tiêu cần, mỗi năm sau năm gốc:"), NULL,
		                 LT_SHOW_ALL);
		share_tornado(d, r, x, id, TEXT, w);
	} else {
		snprintf(title, sizeof title, LT_TR(lang, "The share of the base the "
		         "target needs: %s at p10 and at p90 of every parameter.",
		         "Tỷ lệ chi trên cơ sở chi mà mục tiêu cần: %s ở p10 và p90 "
		         "của mọi tham số."),
		         x->base_share.answer == LT_ANSWER_CEILING
		         ? LT_TR(lang, "never (the target lies at the model's "
		                 "ceiling)", "không bao giờ (mục tiêu nằm ở trần của "
		                 "mô hình)")
		         : LT_TR(lang, "not reachable with any share up to 100%",
		                 "không tỷ lệ chi nào đến 100% đạt được"));
		d = lt_doc_child(parent, "tornado_share", title, NULL, LT_SHOW_ALL);
	}
	share_tornado(d, r, x, id, DATA, &data);
}

/* The tornados of target X in CSV and JSON alone. */
static void data_tornados(lt_doc *parent, const lt_sens_result *r,
                          const lt_sens_target *x, const char *id,
                          const struct words *w)
{
	const struct words data = {w->s, LT_LANG_EN};

	value_tornado(lt_doc_child(parent, "tornado_value", NULL, NULL,
	                           LT_SHOW_DATA), r, x, id, DATA, &data);
	share_tornado(lt_doc_child(parent, "tornado_share", NULL, NULL,
	                           LT_SHOW_DATA), r, x, id, DATA, &data);
}

/* The Sobol indices of output O of the target, factors by ST, shown in
 * SHOW. */
static void sobol_table(lt_doc *d, const lt_sens_result *r,
                        const lt_sens_target *x, const lt_sobol_output *o,
                        const size_t *order, const char *id,
                        const char *outcome, unsigned show,
                        const struct words *w)
{
	lt_table *t = table(d, "indices", K_SOBOL, show);
	char a[64], b[64], name[256];
	size_t j;

	for (j = 0; t != NULL && j < r->n_factors; j++) {
		size_t i = order[j];

		if (show == TEXT && inert(r, x, i))
			continue;
		row(t, id, "sobol", outcome);
		lt_table_set(t, C_FACTOR, param(w, lt_sens_factor_name(r, i), name,
		                                sizeof name));
		lt_table_put(t, C_S1, num(o->s1[i], 0, 0));
		lt_table_put(t, C_S1_CONF, num(o->s1_conf[i], 0, 0));
		lt_table_put(t, C_ST, num(o->st[i], 0, 0));
		lt_table_put(t, C_ST_CONF, num(o->st_conf[i], 0, 0));
		lt_table_put(t, C_TEXT_S1, index_cell(o->s1[i], o->s1_conf[i],
		                                      w->lang, a, sizeof a));
		lt_table_put(t, C_TEXT_ST, index_cell(o->st[i], o->st_conf[i],
		                                      w->lang, b, sizeof b));
		lt_table_put(t, C_NO_EFFECT, lt_cell_bool(inert(r, x, i)));
	}
}

/* An outcome without variance: a line in text, a row with the note in
 * CSV, a field in JSON. */
static void flat(lt_doc *d, const char *id, const char *outcome,
                 const char *note, const char *note_text, lt_lang lang)
{
	lt_table *t = table(d, "flat", K_FLAT, LT_SHOW_CSV);

	lt_doc_linef(d, LT_TR(lang, "%s: no variance to share out, no indices.",
	                      "%s: không có phương sai để phân chia, không có "
	                      "chỉ số."), note_text);
	if (t != NULL) {
		row(t, id, "sobol", outcome);
		lt_table_set(t, C_NOTE, note);
	}
	lt_doc_field(d, "note", "note", NULL, lt_cell_text(note), LT_SHOW_JSON);
}

/* The Sobol section of output O of target X under KEY: TITLE over its
 * table, or NOTE when it is flat. */
static void sobol_section(lt_doc *parent, const lt_sens_result *r,
                          const lt_sens_target *x, const char *id,
                          int met, const char *title, const char *note,
                          const char *note_text, const struct words *w)
{
	const struct words data = {w->s, LT_LANG_EN};
	const lt_sobol_output *o = &r->sobol.out[met ? x->out_met
	                                             : x->out_value];
	const char *outcome = met ? "met" : "value";
	lt_doc *d = lt_doc_child(parent, met ? "sobol_met" : "sobol_value",
	                         o->degenerate ? NULL : title, NULL,
	                         LT_SHOW_ALL);

	lt_doc_field(d, "degenerate", "degenerate", NULL,
	             lt_cell_bool(o->degenerate), LT_SHOW_JSON);
	lt_doc_field(d, "mean", "mean", NULL, num(o->mean, 0, 0), LT_SHOW_JSON);
	lt_doc_field(d, "sd", "sd", NULL, num(o->sd, 0, 0), LT_SHOW_JSON);
	if (met)
		lt_doc_field(d, "runs_met", "runs_met", NULL,
		             lt_cell_int((long long)x->met_rows), LT_SHOW_JSON);
	if (o->degenerate) {
		flat(d, id, outcome, note, note_text, w->lang);
		return;
	}
	sobol_table(d, r, x, o, met ? x->st_met : x->st_value, id, outcome,
	            TEXT, w);
	sobol_table(d, r, x, o, met ? x->st_met : x->st_value, id, outcome,
	            DATA, &data);
}

/* Both Sobol sections of target X: the value, and meeting the target. */
static void sobols(lt_doc *d, const lt_sens_result *r,
                   const lt_sens_target *x, const char *id,
                   const struct words *w)
{
	const lt_sobol_output *o = &r->sobol.out[x->out_value];
	size_t n = 2 * r->sobol.n;
	lt_lang lang = w->lang;
	char title[256], note[200], text[256], a[32], b[32];

	snprintf(title, sizeof title, LT_TR(lang, "Sobol indices of the value in "
	         "%d (mean %s, sd %s over the %zu runs of A and B):", "Chỉ số "
	         "Sobol của giá trị năm %d (bình quân %s, độ lệch chuẩn %s trên "
	         "%zu lần chạy của A và B):"), x->year,
	         lt_format_sig(o->mean, 4, 0, lang, a, sizeof a),
	         lt_format_sig(o->sd, 3, 0, lang, b, sizeof b), n);
	/* the note is data too (CSV, JSON): English there, LANG in text */
	snprintf(note, sizeof note, "The value in %d is the same in all %zu "
	         "runs of A and B", x->year, n);
	snprintf(text, sizeof text, LT_TR(lang, "The value in %d is the same in "
	         "all %zu runs of A and B", "Giá trị năm %d như nhau ở cả %zu lần "
	         "chạy của A và B"), x->year, n);
	sobol_section(d, r, x, id, 0, title, note, text, w);
	snprintf(title, sizeof title, LT_TR(lang, "Sobol indices of meeting the "
	         "target in %d (met in %zu of the %zu runs of A and B):", "Chỉ số "
	         "Sobol của việc đạt mục tiêu năm %d (đạt ở %zu trên %zu lần chạy "
	         "của A và B):"), x->year, x->met_rows, n);
	snprintf(note, sizeof note, "Meeting the target in %d: met in %s of the "
	         "%zu runs of A and B", x->year, x->met_rows == 0 ? "none" : "all",
	         n);
	if (lang == LT_LANG_VI)
		snprintf(text, sizeof text, "Đạt mục tiêu năm %d: đạt ở %s %zu lần "
		         "chạy của A và B", x->year, x->met_rows == 0 ? "0 trên"
		         : "cả", n);
	else
		snprintf(text, sizeof text, "%s", note);
	sobol_section(d, r, x, id, 1, title, note, text, w);
}

/* The base run in words and as data. */
static void base_lines(lt_doc *d, const lt_scenario *s,
                       const lt_sens_target *x, size_t k, size_t n_params,
                       lt_lang lang)
{
	const lt_share_result *b = &x->base_share;
	char v[48], sh[160], a[32];

	lt_format_number(x->base_value, 2, 0, lang, v, sizeof v);
	if (b->answer == LT_ANSWER_SOLVED)
		snprintf(sh, sizeof sh, LT_TR(lang, "the target needs %s%% of the "
		         "base every year", "mục tiêu cần %s%% cơ sở chi mỗi năm"),
		         lt_format_number(b->share, 2, 0, lang, a, sizeof a));
	else
		snprintf(sh, sizeof sh, "%s", b->answer == LT_ANSWER_FREE
		         ? LT_TR(lang, "the target is met even with no spending",
		                 "mục tiêu đạt kể cả khi không chi")
		         : b->answer == LT_ANSWER_CEILING
		         ? LT_TR(lang, "the target lies at the model's ceiling: no "
		                 "share reaches it", "mục tiêu nằm ở trần của mô "
		                 "hình: không tỷ lệ chi nào đạt được")
		         : LT_TR(lang, "no constant share up to 100% reaches the "
		                 "target", "không tỷ lệ chi không đổi nào đến 100% "
		                 "đạt được mục tiêu"));
	lt_doc_linef(d, LT_TR(lang, "%s: %s %s in %d; %s.", "%s: %s %s năm %d; "
	             "%s."), n_params > 0 ? LT_TR(lang, "Every parameter at its "
	             "median", "Mọi tham số ở trung vị") : LT_TR(lang, "The "
	             "scenario's values", "Các giá trị của kịch bản"), v,
	             lt_indicator_unit(&s->indicators[k], lang), x->year, sh);
	lt_doc_field(d, "base_value", "base_value", NULL, num(x->base_value, 0,
	             0), LT_SHOW_JSON);
	lt_doc_field(d, "base_share_answer", "base_share_answer", NULL,
	             lt_cell_text(lt_cli_answer_name(b->answer)), LT_SHOW_JSON);
	lt_doc_field(d, "base_share_pct", "base_share_pct", NULL,
	             num(b->share, 0, 0), LT_SHOW_JSON);
}

/* The parameters that change nothing about target X, on one line. */
static void inert_line(lt_doc *d, const lt_sens_result *r,
                       const lt_sens_target *x, const struct words *w)
{
	char line[4096], name[256];
	size_t p, len, used = 0;

	if (x->n_inert == 0)
		return;
	if (w->lang == LT_LANG_VI)
		len = (size_t)snprintf(line, sizeof line, "Không tác động đến mục "
		                       "tiêu này%s (không liệt kê bên dưới): ",
		                       r->has_sobol ? ", đúng từng bit, ở p10, ở p90 "
		                       "và ở mọi lần chạy Sobol" : " ở p10 hay p90");
	else
		len = (size_t)snprintf(line, sizeof line, "No effect on this "
		                       "target%s (left out below): ", r->has_sobol
		                       ? ", bit for bit, at p10, at p90 and in every "
		                       "Sobol run" : " at p10 or at p90");
	for (p = 0; p < r->n_params && len < sizeof line; p++)
		if (x->inert[p])
			len += (size_t)snprintf(line + len, sizeof line - len, "%s%s",
			                        used++ > 0 ? ", " : "",
			                        param(w, r->params[p].name, name,
			                              sizeof name));
	lt_doc_line(d, line);
}

static void indicator_doc(lt_doc *root, const lt_scenario *s,
                          const lt_sens_result *r, size_t k, lt_lang lang)
{
	const lt_indicator *ind = &s->indicators[k];
	const lt_sens_target *x = &r->ind[k];
	const struct words w = {s, lang};
	char title[512], tt[96], why[256];
	lt_doc *d;

	if (lang == LT_LANG_VI)
		snprintf(title, sizeof title, "%s (%s), %s: mục tiêu %s",
		         lt_indicator_name(ind, lang), ind->id,
		         lt_indicator_unit(ind, lang), lt_target_phrase(ind, lang, tt,
		         sizeof tt));
	else
		snprintf(title, sizeof title, "%s (%s), %s: target %s in %d",
		         ind->name, ind->id, ind->unit, lt_target_text(ind, 6, 1, tt,
		         sizeof tt), ind->target.year);
	d = lt_doc_list_item(root, "indicators", title, NULL, LT_SHOW_ALL);
	lt_doc_field(d, "id", "id", NULL, lt_cell_text(ind->id), LT_SHOW_JSON);
	lt_doc_field(d, "target_year", "target_year", NULL,
	             lt_cell_year(ind->target.year), LT_SHOW_JSON);
	lt_doc_field(d, "studied", "studied", NULL,
	             lt_cell_bool(x->status == LT_SENS_TARGET), LT_SHOW_JSON);
	if (x->status == LT_SENS_NOT_SIMULATED) {
		lt_doc_linef(d, LT_TR(lang, "not simulated: %s", "không mô phỏng: %s"),
		             lt_cli_origin_text(x->why, lang, why, sizeof why));
		lt_doc_field(d, "note", "note", NULL, lt_cell_text(x->why),
		             LT_SHOW_JSON);
		return;
	}
	if (x->status == LT_SENS_OFF_GRID) {
		lt_doc_linef(d, LT_TR(lang, "the target year lies past the horizon "
		             "%d", "năm mục tiêu nằm sau tầm nhìn %d"), s->horizon);
		return;
	}
	base_lines(d, s, x, k, r->n_params, lang);
	if (r->n_params == 0) {
		lt_table *t = table(d, "flat", K_FLAT, LT_SHOW_CSV);

		if (t != NULL) {
			row(t, ind->id, "tornado", "value");
			lt_table_put(t, C_BASE, num(x->base_value, 0, 0));
			lt_table_set(t, C_NOTE, "no uncertain parameter");
		}
		return;
	}
	if (x->n_inert == r->n_params && lang == LT_LANG_VI)
		lt_doc_linef(d, "Không tham số bất định nào làm thay đổi mục tiêu "
		             "này: cùng giá trị và tỷ lệ chi ở mọi p10 và p90%s.",
		             r->has_sobol ? ", và ở mọi lần chạy Sobol" : "");
	else if (x->n_inert == r->n_params)
		lt_doc_linef(d, "No uncertain parameter changes this target%s.",
		             r->has_sobol ? ": the same value and share at every "
		             "p10 and p90, and in every Sobol run" : ": the same "
		             "value and share at every p10 and p90");
	if (x->n_inert == r->n_params) {
		data_tornados(d, r, x, ind->id, &w);
	} else {
		inert_line(d, r, x, &w);
		tornados(d, r, x, ind->id, &w);
	}
	if (r->has_sobol)
		sobols(d, r, x, ind->id, &w);
}

/* ---- the document ------------------------------------------------------ */

/* What was run, in words and as data. */
static void header(lt_doc *d, const lt_scenario *s, const lt_schedule *sc,
                   const lt_sens_result *r, const lt_sens_opts *o,
                   lt_lang lang)
{
	char buf[160];
	const lt_sobol_result *x = &r->sobol;

	lt_doc_linef(d, LT_TR(lang, "Schedule: %s", "Lộ trình chi: %s"),
	             lt_cli_schedule_text(s, sc, lang, buf, sizeof buf));
	/* the JSON field keeps the English words, whatever the language */
	lt_cli_schedule_text(s, sc, LT_LANG_EN, buf, sizeof buf);
	lt_doc_field(d, "schedule", "schedule", NULL, lt_cell_text(buf),
	             LT_SHOW_JSON);
	lt_doc_field(d, "shocks", "shocks", NULL, lt_cell_bool(r->shocks),
	             LT_SHOW_JSON);
	if (r->n_factors == 0) {
		lt_doc_line(d, LT_TR(lang, "No parameter of the scenario is uncertain "
		                     "(none is given as a distribution): there is "
		                     "nothing to vary.", "Kịch bản không có tham số "
		                     "bất định nào (không tham số nào cho dưới dạng "
		                     "phân phối): không có gì để thay đổi."));
		return;
	}
	lt_doc_linef(d, LT_TR(lang, "Tornado: each of the %zu uncertain "
	             "parameters at its 10th and its 90th percentile (p10, p90), "
	             "the others at their medians, no yearly shocks; swing: the "
	             "outcome at p90 minus the outcome at p10.", "Tornado: mỗi "
	             "tham số trong %zu tham số bất định lấy ở phân vị thứ 10 và "
	             "thứ 90 (p10, p90), các tham số khác ở trung vị, không có cú "
	             "sốc hằng năm; biên độ: kết quả ở p90 trừ kết quả ở p10."),
	             r->n_params);
	if (!r->has_sobol)
		return;
	if (lang == LT_LANG_VI)
		lt_doc_linef(d, "Sobol: N = %zu dòng cơ sở, %zu lần chạy mô hình "
		             "(N x (%zu nhân tố + 2)), seed %llu%s; %s.", x->n,
		             x->evaluations, r->n_factors, (unsigned long long)x->seed,
		             r->shocks ? ", các cú sốc hằng năm là một nhân tố" : "",
		             x->bootstrap > 0 ? "± là khoảng 95 % từ bootstrap"
		             : "không có khoảng bootstrap (--bootstrap 0)");
	else
		lt_doc_linef(d, "Sobol: N = %zu base rows, %zu model runs (N x (%zu "
		             "factors + 2)), seed %llu%s; %s.", x->n, x->evaluations,
		             r->n_factors, (unsigned long long)x->seed, r->shocks ?
		             ", the yearly shocks as one factor" : "",
		             x->bootstrap > 0 ? "± is the 95 % interval from the "
		             "bootstrap" : "no bootstrap intervals (--bootstrap 0)");
	lt_doc_line(d, LT_TR(lang, "S1: the share of the outcome's variance the "
	            "factor explains alone; ST: with all its interactions.  ST "
	            "near 0: the factor could be fixed anywhere in its range; "
	            "ST - S1: what it does only together with others.  Estimates "
	            "carry the sampling error shown by ±: one a little below 0 or "
	            "above 1 is 0 or 1.", "S1: phần phương sai của kết quả mà "
	            "nhân tố giải thích riêng; ST: cùng mọi tương tác của nó.  ST "
	            "gần 0: có thể cố định nhân tố ở bất kỳ đâu trong khoảng của "
	            "nó; ST - S1: phần nhân tố chỉ tác động khi đi cùng các nhân "
	            "tố khác.  Ước lượng mang sai số lấy mẫu ghi sau ±: một ước "
	            "lượng hơi dưới 0 hay hơi trên 1 là 0 hay 1."));
	lt_doc_field(d, "samples", "samples", NULL, lt_cell_int((long long)x->n),
	             LT_SHOW_JSON);
	lt_doc_field(d, "evaluations", "evaluations", NULL,
	             lt_cell_int((long long)x->evaluations), LT_SHOW_JSON);
	lt_doc_field(d, "bootstrap", "bootstrap", NULL,
	             lt_cell_int((long long)x->bootstrap), LT_SHOW_JSON);
	lt_doc_field(d, "seed", "seed", NULL, lt_cell_int((long long)o->seed),
	             LT_SHOW_JSON);
}

/* The uncertain parameters and their percentiles (JSON). */
static void params_json(lt_doc *d, const lt_sens_result *r)
{
	static const char *const keys[] = {"name", "p10", "p50", "p90"};
	lt_table *t = lt_doc_table(d, "parameters", NULL, NULL, 4, LT_SHOW_JSON);
	size_t j, c;

	for (c = 0; t != NULL && c < 4; c++)
		lt_table_set_column(t, c, keys[c], keys[c], NULL, LT_LEFT,
		                    LT_SHOW_JSON);
	for (j = 0; t != NULL && j < r->n_params; j++) {
		lt_table_add_row(t);
		lt_table_set(t, 0, r->params[j].name);
		lt_table_put(t, 1, num(r->params[j].p10, 0, 0));
		lt_table_put(t, 2, num(r->params[j].p50, 0, 0));
		lt_table_put(t, 3, num(r->params[j].p90, 0, 0));
	}
}

/* The whole result as a document (caller frees). */
lt_doc *lt_cli_sens_doc(const lt_scenario *s, const lt_schedule *sc,
                        const lt_sens_result *r, const lt_sens_opts *o,
                        const lt_cli_opts *co)
{
	char title[512];
	lt_doc *d;
	size_t k, j;

	snprintf(title, sizeof title, LT_TR(co->lang, "Sensitivity — %s (%s)",
	                                    "Độ nhạy — %s (%s)"),
	         LT_TR(co->lang, s->province.name, s->province.name_vi), s->path);
	d = lt_doc_alloc(title, NULL);
	lt_doc_field(d, "scenario", "scenario", NULL, lt_cell_text(s->path),
	             LT_SHOW_JSON);
	header(d, s, sc, r, o, co->lang);
	/* the CSV header, even when no table below has a row */
	table(d, "csv_header", K_FLAT, LT_SHOW_CSV);
	params_json(d, r);
	lt_doc_list(d, "indicators", LT_SHOW_ALL);
	for (k = 0; co->n_ids == 0 && k < s->n_indicators; k++)
		indicator_doc(d, s, r, k, co->lang);
	for (j = 0; j < co->n_ids; j++)
		indicator_doc(d, s, r, (size_t)lt_scenario_find_indicator(s,
		              co->ids[j]), co->lang);
	return d;
}

/* ---- the command ------------------------------------------------------- */

static int run(const lt_scenario *s, const lt_schedule *sc,
               lt_sens_opts *o, const lt_cli_opts *co)
{
	size_t *ks = NULL, j;
	lt_cli_progress pr;
	lt_sens_result r;
	lt_doc *doc;
	lt_diag d;
	int rc = LT_OK;

	lt_diag_init(&d, s->path);
	if (co->n_ids > 0 && (ks = lt_calloc(co->n_ids, sizeof *ks)) == NULL)
		rc = lt_error_raise(&d, LT_ENOMEM, NULL, 0, "out of memory");
	for (j = 0; ks != NULL && j < co->n_ids; j++)
		ks[j] = (size_t)lt_scenario_find_indicator(s, co->ids[j]);
	if (rc == LT_OK && o->sobol &&
	    lt_cli_progress_start(&pr, "Sobol", "model runs")) {
		o->progress = lt_cli_progress_show;
		o->progress_data = &pr;
	}
	if (rc == LT_OK)
		rc = lt_sens_run(s, sc, ks, co->n_ids, o, &r, &d);
	if (o->progress != NULL)
		lt_cli_progress_end(&pr);
	free(ks);
	lt_cli_print_diag(&d);
	lt_diag_destroy(&d);
	if (rc != LT_OK)
		return lt_cli_exit_status(rc);
	doc = lt_cli_sens_doc(s, sc != NULL ? sc : &s->budget.schedule, &r, o, co);
	/* a NULL document renders as "out of memory" */
	rc = lt_cli_emit(doc, co, (const char *const[]){s->path}, 1);
	lt_doc_free(doc);
	lt_sens_result_destroy(&r);
	return rc;
}

/* After parsing: the Sobol options need Sobol. */
static int check_args(const struct sens_args *a, const lt_cli_run_opts *ro)
{
	if (!a->o.sobol && (a->sobol_given || ro->seed_or_threads))
		return lt_cli_usage_error("sens", "'--samples', '--bootstrap', "
		                          "'--seed' and '--threads' go with Sobol: "
		                          "drop '--no-sobol'");
	return lt_cli_run_opts_check("sens", ro, NULL);
}

int lt_cmd_sens(int argc, char **argv)
{
	static const struct option opts[] = {
		{"bootstrap", required_argument, NULL, OPT_BOOTSTRAP},
		{"format", required_argument, NULL, LT_OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{"indicator", required_argument, NULL, LT_OPT_INDICATOR},
		{"lang", required_argument, NULL, LT_OPT_LANG},
		{"no-sobol", no_argument, NULL, OPT_NO_SOBOL},
		{"out", required_argument, NULL, LT_OPT_OUT},
		{"ramp", required_argument, NULL, LT_OPT_RAMP},
		{"samples", required_argument, NULL, OPT_SAMPLES},
		{"schedule", required_argument, NULL, LT_OPT_SCHEDULE},
		{"seed", required_argument, NULL, LT_OPT_SEED},
		{"share", required_argument, NULL, LT_OPT_SHARE},
		{"threads", required_argument, NULL, LT_OPT_THREADS},
		{NULL, 0, NULL, 0},
	};
	struct sens_args a;
	lt_cli_run_opts ro;
	lt_cli_opts o;
	lt_scenario *s = NULL;
	int c, status = LT_EXIT_OK;

	memset(&a, 0, sizeof a);
	a.o.sobol = 1;
	a.o.samples = LT_SENS_SAMPLES;
	a.o.bootstrap = LT_SENS_BOOTSTRAP;
	lt_cli_run_opts_init(&ro);
	lt_cli_opts_init(&o);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		status = lt_cli_help_option("sens", c, optarg, &o);
		if (status < 0)
			status = lt_cli_run_option("sens", c, optarg, &ro);
		if (status < 0)
			status = own_option(c, optarg, &a);
		if (status < 0)
			status = lt_cli_option("sens", c, optarg, &o);
		if (status < 0)
			status = lt_cli_bad_option("sens", c, argv);
		if (status != LT_EXIT_OK)
			goto done;
	}
	if (o.help) {
		status = lt_cli_help("sens", &o);
		goto done;
	}
	status = check_args(&a, &ro);
	if (status == LT_EXIT_OK)
		status = lt_cli_load_operand("sens", argc, argv, &s);
	if (status == LT_EXIT_OK)
		status = lt_cli_check_ids("sens", &o, s);
	if (status == LT_EXIT_OK)
		status = lt_cli_schedule_check("sens", s, &ro);
	if (status == LT_EXIT_OK) {
		a.o.seed = ro.mc.seed;
		a.o.threads = ro.mc.threads;
		status = run(s, lt_cli_schedule(&ro), &a.o, &o);
	}
done:
	lt_scenario_free(s);
	lt_cli_opts_destroy(&o);
	return status;
}
