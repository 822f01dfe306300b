/* cmd_show.c - `lotrinh show FILE`: a scenario as a planner reads it.
 *
 * Prints the province, the documents the scenario cites (cite.h), the
 * economy and budget assumptions with the plan's budget rule, the
 * programmes' declared totals, merged-province components, and the
 * roadmap table: one row per indicator, its baseline and year, the
 * milestone years as columns, and the target.  Values whose source is an
 * assumption carry a '*'.
 *
 * Everything goes into one document (table.h): the key-value blocks are
 * sentences for people, written line by line through say(), with the
 * figures behind them as JSON fields; the roadmap is a typed table, so it
 * is also the CSV output and a JSON array with null for a missing
 * milestone.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/cite.h"
#include "lotrinh/cli.h"
#include "lotrinh/report.h"
#include "lotrinh/table.h"
#include "lotrinh/scenario.h"
#include "lotrinh/text.h"

const char lt_usage_show[] =
	"Usage: lotrinh show [--lang en|vi] [--format table|csv|json|xlsx] [--out FILE]\n"
	"                    FILE\n"
	"\n"
	"Print the scenario FILE as a planner reads it: the province, the\n"
	"documents it cites, the economy, the budget rule and schedule, the\n"
	"programmes' declared totals, and the roadmap table (one row per\n"
	"indicator: baseline, milestones by year, target).  Values marked '*'\n"
	"are assumptions of the scenario, not figures from a document.\n"
	"\n"
	"Options:\n"
	"  --lang en|vi   labels and number format in English (default) or\n"
	"                 Vietnamese\n"
	"  --format table|csv|json|xlsx\n"
	"                 output format (default table); csv is the roadmap\n"
	"                 table, json the scenario's figures and the roadmap\n"
	"                 xlsx is a workbook and needs --out\n"
	"  --out FILE     write to FILE (replaced whole, only when complete)\n"
	"                 instead of standard output\n"
	"  -h, --help     show this help\n"
	"\n"
	"Exit status: 0 on success, 2 on bad usage or an invalid scenario, 3 when\n"
	"the output cannot be written.\n";

const char lt_usage_show_vi[] =
	"Cách dùng: lotrinh show [--lang en|vi] [--format table|csv|json|xlsx]\n"
	"                        [--out TỆP] TỆP\n"
	"\n"
	"In kịch bản TỆP theo cách người lập kế hoạch đọc: tỉnh, các văn bản được\n"
	"dẫn, kinh tế, quy định và lộ trình chi ngân sách, tổng kinh phí các nhiệm\n"
	"vụ do đề án ghi, và bảng lộ trình (mỗi chỉ tiêu một dòng: hiện trạng, các\n"
	"mốc theo năm, mục tiêu).  Giá trị có dấu '*' là giả định của kịch bản,\n"
	"không phải số liệu từ văn bản.\n"
	"\n"
	"Tùy chọn:\n"
	"  --lang en|vi   nhãn và cách viết số bằng tiếng Anh (mặc định) hoặc\n"
	"                 tiếng Việt\n"
	"  --format table|csv|json|xlsx\n"
	"                 định dạng đầu ra (mặc định table); csv là bảng lộ trình,\n"
	"                 json là các số liệu của kịch bản và bảng lộ trình\n"
	"                 xlsx là sổ tính (Excel), cần --out\n"
	"  --out TỆP      ghi vào TỆP (thay cả tệp, chỉ khi đã xong) thay vì đầu\n"
	"                 ra chuẩn\n"
	"  -h, --help     in trợ giúp này\n"
	"\n"
	"Mã thoát: 0 khi thành công, 2 khi dùng sai lệnh hoặc kịch bản không hợp\n"
	"lệ, 3 khi không ghi được đầu ra.\n";

/* Widest an indicator name may print in the roadmap table. */
#define NAME_COLS 46

#define L(lang, en, vi) ((lang) == LT_LANG_VI ? (vi) : (en))

/* Width of the labels in the key-value blocks, in display columns. */
#define LABEL_COLS 18

/* The document being written and the line being built: say() appends
 * printf-style text and turns every completed line into a document line,
 * so the sentences read as they are written. */
struct out {
	lt_doc *doc;
	char line[2048];
};

static void say(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void say(struct out *o, const char *fmt, ...)
{
	size_t used = strlen(o->line);
	char *nl;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(o->line + used, sizeof o->line - used, fmt, ap);
	va_end(ap);
	while ((nl = strchr(o->line, '\n')) != NULL) {
		*nl = '\0';
		lt_doc_line(o->doc, o->line);
		memmove(o->line, nl + 1, strlen(nl + 1) + 1);
	}
}

/* Start a "  Label             value" line. */
static void label(struct out *o, const char *text)
{
	size_t w = lt_text_width(text);

	say(o, "  %s%*s ", text, (int)(w < LABEL_COLS ? LABEL_COLS - w : 0), "");
}

/* A JSON-only field of D. */
static void jcell(lt_doc *d, const char *key, lt_cell c)
{
	lt_doc_field(d, key, key, NULL, c, LT_SHOW_JSON);
}

static const char *star(const char *source)
{
	return lt_source_is_assumption(source) ? "*" : "";
}

/* A value with up to 2 decimals (ranks and counts as whole numbers). */
static char *value_text(const lt_indicator *ind, double v, lt_lang lang,
                        char *buf, size_t size)
{
	int dec = ind->kind == LT_KIND_RANK ? 0 : 2;

	return lt_format_number(v, dec, 1, lang, buf, size);
}

static const char *name_of(const lt_indicator *ind, lt_lang lang)
{
	return lang == LT_LANG_VI ? ind->name_vi : ind->name;
}

static const char *unit_of(const lt_indicator *ind, lt_lang lang)
{
	return lang == LT_LANG_VI && ind->unit_vi != NULL ? ind->unit_vi
	                                                  : ind->unit;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The sorted, distinct milestone years of all indicators into YEARS
 * (capacity CAP); returns how many. */
static size_t milestone_years(const lt_scenario *s, int *years, size_t cap)
{
	size_t i, j, n = 0, k;

	for (i = 0; i < s->n_indicators; i++)
		for (j = 0; j < s->indicators[i].milestones.n; j++) {
			int y = s->indicators[i].milestones.pts[j].year;
			for (k = 0; k < n && years[k] != y; k++)
				;
			if (k == n && n < cap)
				years[n++] = y;
		}
	qsort(years, n, sizeof *years, cmp_int);
	return n;
}

/* A value of IND with up to 2 decimals (ranks as whole numbers), marked
 * '*' in text when SOURCE is an assumption. */
static lt_cell value_cell(const lt_indicator *ind, double v, const char *source)
{
	lt_cell c = lt_cell_number(v, ind->kind == LT_KIND_RANK ? 0 : 2,
	                           LT_NUM_TRIM, NULL);

	return lt_cell_marked(c, star(source));
}

/* 1 if any indicator of S has a second, later target year. */
static int any_vision(const lt_scenario *s)
{
	size_t i;

	for (i = 0; i < s->n_indicators; i++)
		if (s->indicators[i].has_vision)
			return 1;
	return 0;
}

static void fill_roadmap_row(lt_table *t, const lt_indicator *ind,
                             const int *years, size_t ny, int vision,
                             lt_lang lang)
{
	char buf[160];
	size_t j, k;

	lt_table_add_row(t);
	lt_table_set(t, 0, ind->id);
	lt_table_set(t, 1, name_of(ind, lang));
	lt_table_set(t, 2, unit_of(ind, lang));
	if (lt_indicator_target_only(ind)) {
		/* a target with no value in the documents to start from */
		lt_table_put(t, 3, lt_cell_missing(NULL));
		lt_table_put(t, 4, lt_cell_missing(L(lang, "none",
		             "chưa có")));
	} else {
		lt_table_put(t, 3, lt_cell_marked(lt_cell_year(ind->baseline_year),
		             star(ind->baseline_year_source)));
		lt_table_put(t, 4, value_cell(ind, ind->baseline,
		             ind->baseline_source));
	}
	for (j = 0; j < ny; j++)
		for (k = 0; k < ind->milestones.n; k++)
			if (ind->milestones.pts[k].year == years[j])
				lt_table_put(t, 5 + j, value_cell(ind,
				             ind->milestones.pts[k].value,
				             ind->milestones.source));
	lt_target_phrase(ind, lang, buf, sizeof buf);
	lt_table_put(t, 5 + ny, lt_cell_marked(lt_cell_text(buf),
	                                       star(ind->target.source)));
	lt_table_put(t, 6 + ny, lt_cell_year(ind->target.year));
	lt_table_put(t, 7 + ny, lt_cell_text(lt_target_form(ind)));
	lt_table_put(t, 8 + ny, lt_indicator_target_only(ind)
	             ? lt_cell_missing(lt_no_baseline_text)
	             : lt_cell_bool(lt_target_met_at_baseline(ind)));
	if (vision && ind->has_vision) {
		lt_indicator v = lt_indicator_vision(ind);

		lt_target_phrase(&v, lang, buf, sizeof buf);
		lt_table_put(t, 9 + ny, lt_cell_marked(lt_cell_text(buf),
		                                       star(ind->vision.source)));
	} else if (vision) {
		lt_table_put(t, 9 + ny, lt_cell_missing(NULL));
	}
}

/* Below the roadmap, in text: the targets the baseline already meets, so
 * a planner does not read them as ambitions. */
static void print_met_at_baseline(lt_doc *d, const lt_scenario *s,
                                  lt_lang lang)
{
	char a[48], b[160];
	size_t i, n = 0;

	for (i = 0; i < s->n_indicators; i++) {
		const lt_indicator *ind = &s->indicators[i];

		if (!lt_target_met_at_baseline(ind))
			continue;
		if (n++ == 0)
			lt_doc_line(d, "");
		lt_doc_linef(d, L(lang, "%s: the baseline, %s in %d, already meets "
		                        "the target %s",
		                  "%s: hiện trạng %s (năm %d) đã đạt mục tiêu %s"),
		             name_of(ind, lang),
		             value_text(ind, ind->baseline, lang, a, sizeof a),
		             ind->baseline_year,
		             lt_target_phrase(ind, lang, b, sizeof b));
	}
}

/* The roadmap as a section with one typed table: text, CSV and JSON. */
static void print_roadmap(lt_doc *doc, const lt_scenario *s, lt_lang lang)
{
	int years[128];
	size_t ny = milestone_years(s, years, sizeof years / sizeof *years);
	lt_doc *d = lt_doc_child(doc, "roadmap", "Roadmap", "Lộ trình",
	                         LT_SHOW_ALL);
	int vision = any_vision(s);
	lt_table *t;
	lt_cli_targets n;
	lt_diag diag;
	size_t i;

	/* what the province carries, and what the model can follow */
	lt_diag_init(&diag, s->path);
	if (lt_cli_count_targets(s, &n, &diag) == LT_OK) {
		lt_doc_linef(d, L(lang, "%zu target%s: %zu with a baseline (%zu "
		                        "simulated, %zu rank%s), %zu target-only",
		                  "%zu mục tiêu%s: %zu có hiện trạng (%zu được mô "
		                  "phỏng, %zu xếp hạng%s), %zu chỉ có mục tiêu"),
		             n.targets, lang == LT_LANG_EN && n.targets != 1 ? "s"
		             : "", n.based, n.simulated, n.ranks,
		             lang == LT_LANG_EN && n.ranks != 1 ? "s" : "",
		             n.target_only);
		lt_doc_field(d, "targets", NULL, NULL,
		             lt_cell_int((long long)n.targets), LT_SHOW_JSON);
		lt_doc_field(d, "with_baseline", NULL, NULL,
		             lt_cell_int((long long)n.based), LT_SHOW_JSON);
		lt_doc_field(d, "simulated", NULL, NULL,
		             lt_cell_int((long long)n.simulated), LT_SHOW_JSON);
		lt_doc_field(d, "ranks", NULL, NULL,
		             lt_cell_int((long long)n.ranks), LT_SHOW_JSON);
		lt_doc_field(d, "target_only", NULL, NULL,
		             lt_cell_int((long long)n.target_only), LT_SHOW_JSON);
	}
	lt_diag_destroy(&diag);
	t = lt_doc_table(d, "indicators", NULL, NULL, 9 + ny + (size_t)vision,
	                 LT_SHOW_ALL);

	lt_table_set_column(t, 0, "id", "Id", NULL, LT_LEFT, LT_SHOW_DATA);
	lt_table_set_column(t, 1, "indicator", "Indicator", "Chỉ tiêu", LT_LEFT,
	                    LT_SHOW_ALL);
	lt_table_set_max_width(t, 1, NAME_COLS);
	lt_table_set_column(t, 2, "unit", "Unit", "Đơn vị", LT_LEFT, LT_SHOW_ALL);
	lt_table_set_max_width(t, 2, 20);
	lt_table_set_column(t, 3, "baseline_year", "Year", "Năm", LT_RIGHT,
	                    LT_SHOW_ALL);
	lt_table_set_column(t, 4, "baseline", "Baseline", "Hiện trạng", LT_RIGHT,
	                    LT_SHOW_ALL);
	for (i = 0; i < ny; i++) {
		char y[16];

		snprintf(y, sizeof y, "%d", years[i]);
		lt_table_set_column(t, 5 + i, y, y, y, LT_RIGHT, LT_SHOW_ALL);
	}
	lt_table_set_column(t, 5 + ny, "target", "Target", "Mục tiêu", LT_RIGHT,
	                    LT_SHOW_ALL);
	lt_table_set_column(t, 6 + ny, "target_year", "Target year", "Năm mục tiêu",
	                    LT_RIGHT, LT_SHOW_DATA);
	lt_table_set_column(t, 7 + ny, "target_form", "Form", "Dạng", LT_LEFT,
	                    LT_SHOW_DATA);
	lt_table_set_column(t, 8 + ny, "met_at_baseline", "Met at baseline",
	                    "Đã đạt ở hiện trạng", LT_LEFT, LT_SHOW_DATA);
	if (vision)
		lt_table_set_column(t, 9 + ny, "later_target", "Later target",
		                    "Tầm nhìn", LT_RIGHT, LT_SHOW_ALL);
	for (i = 0; i < s->n_indicators; i++)
		fill_roadmap_row(t, &s->indicators[i], years, ny, vision, lang);
	print_met_at_baseline(d, s, lang);
}

lt_doc *lt_cli_roadmap_doc(const lt_scenario *s, lt_lang lang)
{
	char title[512];
	lt_doc *d;

	snprintf(title, sizeof title, lang == LT_LANG_VI ? "Lộ trình — %s"
	         : "Roadmap — %s", lang == LT_LANG_VI ? s->province.name_vi
	         : s->province.name);
	d = lt_doc_alloc(title, NULL);
	if (d != NULL)
		print_roadmap(d, s, lang);
	return d;
}

/* The scenario's figures for JSON. */
static void scenario_json(lt_doc *d, const lt_scenario *s)
{
	const lt_budget *b = &s->budget;
	lt_doc *c;

	jcell(d, "scenario", lt_cell_text(s->path));
	jcell(d, "province", lt_cell_text(s->province.id));
	jcell(d, "name", lt_cell_text(s->province.name));
	jcell(d, "name_vi", lt_cell_text(s->province.name_vi));
	jcell(d, "baseline_year", lt_cell_year(s->baseline_year));
	jcell(d, "horizon", lt_cell_year(s->horizon));
	c = lt_doc_child(d, "economy", NULL, NULL, LT_SHOW_JSON);
	jcell(c, "grdp_million_vnd", lt_cell_number(s->economy.grdp, 0, 0, NULL));
	jcell(c, "grdp_year", lt_cell_year(s->economy.grdp_year));
	jcell(c, "growth_pct", lt_cell_number(s->economy.growth_pct, 0, 0, NULL));
	c = lt_doc_child(d, "budget", NULL, NULL, LT_SHOW_JSON);
	jcell(c, "base", lt_cell_text(b->base == LT_BASE_RECURRENT ? "recurrent"
	                              : "total"));
	jcell(c, "amount_million_vnd", lt_cell_number(b->amount, 0, 0, NULL));
	jcell(c, "year", lt_cell_year(b->year));
	jcell(c, "growth_pct", lt_cell_number(b->growth_pct, 0, 0, NULL));
	jcell(c, "rule_min_share_pct", b->has_rule
	      ? lt_cell_number(b->rule_min_share_pct, 0, 0, NULL)
	      : lt_cell_missing(NULL));
	jcell(c, "schedule", lt_cell_text(lt_sched_name(b->schedule.kind)));
}

static const char *base_name(lt_base b, lt_lang lang)
{
	return b == LT_BASE_RECURRENT
	       ? L(lang, "recurrent spending", "chi thường xuyên")
	       : L(lang, "total budget spending", "tổng chi ngân sách");
}

static void print_schedule(struct out *o, const lt_scenario *s, lt_lang lang)
{
	const lt_schedule *sc = &s->budget.schedule;
	char a[48], b[48];
	size_t i;

	label(o, L(lang, "Schedule", "Lộ trình chi"));
	switch (sc->kind) {
	case LT_SCHED_CONSTANT:
		say(o, L(lang, "%s%% of the base every year",
		         "%s%% mỗi năm"),
		       lt_format_number(sc->share_pct, 3, 1, lang, a, sizeof a));
		break;
	case LT_SCHED_RAMP:
		say(o, L(lang, "from %s%% in %d to %s%% in %d, constant after",
		         "từ %s%% năm %d lên %s%% năm %d, giữ nguyên sau đó"),
		       lt_format_number(sc->from_pct, 3, 1, lang, a, sizeof a),
		       s->baseline_year,
		       lt_format_number(sc->to_pct, 3, 1, lang, b, sizeof b),
		       sc->to_year);
		break;
	case LT_SCHED_PER_YEAR:
		for (i = 0; i < sc->shares.n; i++)
			say(o, "%s%d: %s%%", i ? ", " : "", sc->shares.pts[i].year,
			       lt_format_number(sc->shares.pts[i].value, 3, 1, lang, a,
			                        sizeof a));
		break;
	case LT_SCHED_PROGRAMS:
		say(o, "%s", L(lang, "what the plan's programmes spend each year",
		               "theo kinh phí các nhiệm vụ của đề án"));
		break;
	}
	say(o, "%s\n", star(sc->source));
}

static void print_budget(struct out *o, const lt_scenario *s, lt_lang lang)
{
	const lt_budget *b = &s->budget;
	char a[48], g[48];
	size_t i;

	say(o, "%s\n", L(lang, "Budget", "Ngân sách"));
	label(o, L(lang, "Spending base", "Cơ sở chi"));
	say(o, "%s: %s%s %s (%d), ", base_name(b->base, lang),
	       lt_format_number(b->amount / 1000.0, 0, 1, lang, a, sizeof a),
	       star(b->amount_source), L(lang, "billion VND", "tỷ đồng"), b->year);
	say(o, L(lang, "growing %s%%%s a year\n", "tăng %s%%%s/năm\n"),
	       lt_format_number(b->growth_pct, 2, 1, lang, g, sizeof g),
	       star(b->growth_source));
	if (b->has_rule)
	{
		label(o, L(lang, "Rule", "Quy định"));
		say(o, L(lang, "at least %s%%%s of %s\n", "tối thiểu %s%%%s %s\n"),
		       lt_format_number(b->rule_min_share_pct, 2, 1, lang, a, sizeof a),
		       star(b->rule_source), base_name(b->base, lang));
	}
	print_schedule(o, s, lang);
	label(o, L(lang, "Co-financing", "Vốn ngoài NSNN"));
	if (b->cofin == LT_COFIN_RATIO)
		say(o, L(lang, "%s per unit of public spending\n",
		         "%s trên mỗi đồng ngân sách\n"),
		       lt_format_number(b->cofin_ratio, 3, 1, lang, a, sizeof a));
	else if (b->cofin == LT_COFIN_PROGRAMS)
		say(o, "%s\n", L(lang, "the programmes' \"other\" amounts",
		                 "theo nguồn khác của các nhiệm vụ"));
	else
		say(o, "%s\n", L(lang, "none", "không"));
	label(o, L(lang, "Channels", "Kênh"));
	for (i = 0; i < s->n_channels; i++)
		say(o, "%s%s %s%%%s", i ? ", " : "", s->channels[i].id,
		       lt_format_number(100.0 * s->channels[i].allocation, 2, 1, lang,
		                        a, sizeof a),
		       star(s->channels[i].allocation_source));
	say(o, "\n");
}

static void print_totals(struct out *o, const lt_totals *t, lt_lang lang)
{
	char a[48];
	const char *sep = "";

	if (t->has_total) {
		say(o, L(lang, "total %s", "tổng %s"),
		       lt_format_number(t->total, 0, 1, lang, a, sizeof a));
		sep = ", ";
	}
	if (t->has_state) {
		say(o, L(lang, "%sstate %s", "%sNSNN %s"), sep,
		       lt_format_number(t->state, 0, 1, lang, a, sizeof a));
		sep = ", ";
	}
	if (t->has_other)
		say(o, L(lang, "%sother %s", "%snguồn khác %s"), sep,
		       lt_format_number(t->other, 0, 1, lang, a, sizeof a));
}

static void print_programs(struct out *o, const lt_scenario *s, lt_lang lang)
{
	const lt_programs *p = &s->programs;
	size_t i;

	if (!s->has_programs)
		return;
	say(o, "%s (%s)\n", L(lang, "Programmes", "Nhiệm vụ, giải pháp"),
	       L(lang, "million VND", "triệu đồng"));
	if (p->declared.has_total || p->declared.has_state ||
	    p->declared.has_other) {
		label(o, L(lang, "Plan declares", "Đề án ghi"));
		print_totals(o, &p->declared, lang);
		say(o, "\n");
	}
	for (i = 0; i < p->n_parts; i++) {
		const lt_part *pt = &p->parts[i];

		label(o, pt->id);
		say(o, "%zu %s, %zu %s;", pt->n_groups,
		       L(lang, "groups", "nhóm"), pt->n_tasks,
		       L(lang, "tasks", "nhiệm vụ"));
		if (pt->declared.has_total || pt->declared.has_state ||
		    pt->declared.has_other) {
			say(o, L(lang, " declared ", " ghi "));
			print_totals(o, &pt->declared, lang);
		}
		say(o, "\n");
	}
}

static void print_components(struct out *o, const lt_scenario *s, lt_lang lang)
{
	const lt_province *p = &s->province;
	char a[48], b[48];
	size_t i, j, k;

	if (p->n_components == 0)
		return;
	say(o, "%s\n", L(lang, "Merged from", "Hợp nhất từ"));
	for (i = 0; i < p->n_components; i++) {
		const lt_component *c = &p->components[i];

		say(o, "  %s — %s %s%%%s", L(lang, c->name, c->name_vi), L(lang, "weight", "trọng số"),
		       lt_format_number(100.0 * c->weight, 2, 1, lang, a, sizeof a),
		       star(c->weight_source));
		for (j = 0; j < c->n_values; j++)
			say(o, "; %s %s", s->indicators[c->values[j].indicator].id,
			       value_text(&s->indicators[c->values[j].indicator],
			                  c->values[j].value, lang, b, sizeof b));
		say(o, "\n");
	}
	for (k = 0; k < s->n_indicators; k++) {
		const lt_indicator *ind = &s->indicators[k];

		if (!ind->has_merged)
			continue;
		label(o, ind->id);
		say(o, L(lang, "merged %s, scenario baseline %s\n",
		         "hợp nhất %s, hiện trạng trong kịch bản %s\n"),
		       value_text(ind, ind->merged_baseline, lang, a, sizeof a),
		       value_text(ind, ind->baseline, lang, b, sizeof b));
	}
}

/* The documents the scenario cites, as a block of lines under its title
 * (id, number, issuer, date, title) and as the JSON array "documents";
 * nothing when the scenario lists none. */
static void print_documents(struct out *o, const lt_scenario *s,
                            lt_lang lang)
{
	if (s->n_documents == 0)
		return;
	say(o, "%s\n", L(lang, "Documents", "Văn bản"));
	lt_cite_lines(o->doc, 2, lang, s, NULL);
	say(o, "\n");
	lt_cite_table(o->doc, "documents", LT_SHOW_JSON, s, NULL);
}

static void print_scenario(struct out *o, const lt_scenario *s, lt_lang lang)
{
	char a[48], g[48];

	say(o, "%s — %s\n", L(lang, s->province.name, s->province.name_vi),
	       s->path);
	say(o, L(lang, "Baseline year %d, horizon %d\n\n",
	         "Năm gốc %d, tầm nhìn %d\n\n"), s->baseline_year, s->horizon);
	print_documents(o, s, lang);
	say(o, "%s\n", L(lang, "Economy", "Kinh tế"));
	label(o, "GRDP");
	say(o, "%s%s %s (%d), ", lt_format_number(s->economy.grdp / 1000.0, 0, 1, lang, a, sizeof a),
	       star(s->economy.grdp_source), L(lang, "billion VND", "tỷ đồng"),
	       s->economy.grdp_year);
	say(o, L(lang, "growing %s%%%s a year\n\n", "tăng %s%%%s/năm\n\n"),
	       lt_format_number(s->economy.growth_pct, 2, 1, lang, g, sizeof g),
	       star(s->economy.growth_source));
	print_budget(o, s, lang);
	if (s->has_programs)
		say(o, "\n");
	print_programs(o, s, lang);
	if (s->province.n_components > 0)
		say(o, "\n");
	print_components(o, s, lang);
	/* a section: the document puts the blank line before it */
	print_roadmap(o->doc, s, lang);
	say(o, "\n%s\n", L(lang, "* an assumption of the scenario, not a figure "
	                   "from a document (see its source in the file)",
	                   "* giả định của kịch bản, không phải số liệu từ văn bản "
	                   "(xem nguồn trong tệp)"));
}

int lt_cmd_show(int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, LT_OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{"lang", required_argument, NULL, LT_OPT_LANG},
		{"out", required_argument, NULL, LT_OPT_OUT},
		{NULL, 0, NULL, 0},
	};
	struct out out;
	lt_scenario *s = NULL;
	lt_cli_opts o;
	int c, status;

	out.doc = NULL;
	out.line[0] = '\0';
	lt_cli_opts_init(&o);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		status = lt_cli_help_option("show", c, optarg, &o);
		if (status < 0)
			status = lt_cli_option("show", c, optarg, &o);
		if (status < 0)
			status = lt_cli_bad_option("show", c, argv);
		if (status != LT_EXIT_OK)
			goto done;
	}
	if (o.help) {
		status = lt_cli_help("show", &o);
		goto done;
	}
	status = lt_cli_load_operand("show", argc, argv, &s);
	if (status != LT_EXIT_OK)
		goto done;
	out.doc = lt_doc_alloc(NULL, NULL);
	scenario_json(out.doc, s);
	print_scenario(&out, s, o.lang);
	status = lt_cli_emit(out.doc, &o, (const char *const[]){s->path}, 1);
done:
	lt_doc_free(out.doc);
	lt_scenario_free(s);
	lt_cli_opts_destroy(&o);
	return status;
}
