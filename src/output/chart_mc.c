/* chart_mc.c - the charts of an indicator's future (see chart.h): the
 * trajectory with its fan, the year-reached distribution, the probability
 * against the share, and the heat map over share × β. */
#include "chart_private.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/budget.h"
#include "lotrinh/curve.h"
#include "lotrinh/text.h"

/* Half the width, in years, of the mark of a target's year on the
 * trajectory (a box from year - 0.4 to year + 0.4 leaves a gap between
 * neighbouring years). */
#define TARGET_HALF_YEAR 0.4
/* Points of the probability-against-share curves: 400 steps draw a
 * smooth curve of solve_mc's exact counts (at most 0.25 points of share
 * apart on a 100 % axis). */
#define SHARE_STEPS 400
/* Widest legend entry of an indicator, in columns, and the least of it
 * its name keeps however long the id. */
#define LEGEND_COLS 48
#define LEGEND_NAME_MIN 28

/* The value of series PTS (N points) in YEAR, NAN when it has none. */
static double series_at(const lt_point *pts, size_t n, int year)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (pts[i].year == year)
			return pts[i].value;
	return NAN;
}

/* The value of path P in YEAR, NAN outside it or when it does not apply. */
static double path_at(const lt_path *p, int year)
{
	if (!p->ok || year < p->t0 || year > p->t1)
		return NAN;
	return p->value[year - p->t0];
}

/* The value of trajectory ROW (NY years from T0) in YEAR, NAN outside. */
static double grid_at(const double *row, int t0, size_t ny, int year)
{
	if (row == NULL || year < t0 || year >= t0 + (int)ny)
		return NAN;
	return row[year - t0];
}

/* Add WORD to the flags of C's chart (ARG7) in BUF. */
static void flag(char *buf, size_t size, const char *word)
{
	size_t n = strlen(buf);

	snprintf(buf + n, size - n, "%s%s", n > 0 ? " " : "", word);
}

/* The y axis label: the unit, or "value" when there is none. */
static void label_unit(lt_chart *c, const lt_indicator *ind, lt_lang lang)
{
	const char *u = lt_chart_unit(ind, lang);

	lt_chart_label(c, "ylabel", u[0] != '\0' ? u : LT_L(lang, "value",
	               "giá trị"));
}

/* ---- trajectory --------------------------------------------------------------- */

int lt_chart_can_trajectory(const lt_scenario *s, size_t k)
{
	return k < s->n_indicators && s->indicators[k].has_baseline &&
	       !lt_indicator_target_only(&s->indicators[k]);
}

/* The first and last year of the trajectory of IND into *Y0 and *Y1. */
static void years_of(const lt_scenario *s, const lt_indicator *ind,
                     const lt_point *obs, size_t n_obs,
                     const lt_paths_item *p, int grid, int *y0, int *y1)
{
	size_t j;

	*y0 = n_obs > 0 ? obs[0].year : ind->baseline_year;
	*y1 = ind->target.year;
	if (grid && s->horizon > *y1)
		*y1 = s->horizon;
	if (ind->milestones.n > 0 &&
	    ind->milestones.pts[ind->milestones.n - 1].year > *y1)
		*y1 = ind->milestones.pts[ind->milestones.n - 1].year;
	if (ind->observed.n > 0 && ind->observed.pts[ind->observed.n - 1].year > *y1)
		*y1 = ind->observed.pts[ind->observed.n - 1].year;
	for (j = 0; p != NULL && j < LT_PATH_KINDS; j++)
		if (p->path[j].ok && p->path[j].t1 > *y1)
			*y1 = p->path[j].t1;
}

/* The target's mark: the years it spans and its low and high value. */
static void target_box(const lt_indicator *ind, double *x0, double *x1,
                       double *lo, double *hi)
{
	const lt_target *t = &ind->target;

	*x0 = (t->mean_from > 0 ? t->mean_from : t->year) - TARGET_HALF_YEAR;
	*x1 = t->year + TARGET_HALF_YEAR;
	if (t->is_range) {
		*lo = t->min;
		*hi = t->max;
	} else {
		*lo = *hi = lt_target_level(ind);
	}
}

/* The columns of the paths, in lt_path_kind order (curve.h). */
static const char *const path_keys[LT_PATH_KINDS] = {"path_linear",
    "path_cagr", "path_logistic", "path_gompertz", "path_milestones"};

static void trajectory_header(lt_chart *c)
{
	static const char *const keys[] = {"year", "observed", "milestone",
	    "monitored", "bau", "plan", "q05", "q10", "q25", "q50", "q75", "q90",
	    "q95", "target_x0", "target_x1", "target_lo", "target_hi"};
	size_t i;

	for (i = 0; i < 4; i++)
		lt_chart_text(c, keys[i]);
	for (i = 0; i < LT_PATH_KINDS; i++)
		lt_chart_text(c, path_keys[i]);
	for (i = 4; i < sizeof keys / sizeof keys[0]; i++)
		lt_chart_text(c, keys[i]);
	lt_chart_eol(c);
}

/* One year's row of the trajectory of indicator K. */
static void trajectory_row(lt_chart *c, const lt_scenario *s, size_t k,
                           int year, const lt_point *obs, size_t n_obs,
                           const lt_paths_item *p, const lt_simulation *sim,
                           const lt_mc_result *mc)
{
	const lt_indicator *ind = &s->indicators[k];
	double x0, x1, lo, hi;
	size_t j;

	if (year < ind->baseline_year) {
		/* the model holds the baseline until its year: no projection */
		sim = NULL;
		mc = NULL;
	}
	lt_chart_int(c, year);
	lt_chart_num(c, series_at(obs, n_obs, year));
	lt_chart_num(c, series_at(ind->milestones.pts, ind->milestones.n, year));
	lt_chart_num(c, series_at(ind->observed.pts, ind->observed.n, year));
	for (j = 0; j < LT_PATH_KINDS; j++)
		lt_chart_num(c, p != NULL ? path_at(&p->path[j], year) : NAN);
	lt_chart_num(c, sim != NULL ? grid_at(sim->bau.value + k * sim->bau.ny,
	             sim->bau.t0, sim->bau.ny, year) : NAN);
	lt_chart_num(c, sim != NULL ? grid_at(sim->plan.value + k * sim->plan.ny,
	             sim->plan.t0, sim->plan.ny, year) : NAN);
	for (j = 0; j < LT_MC_NQ; j++) {
		double v = NAN;

		if (mc != NULL && year >= mc->t0 && year < mc->t0 + (int)mc->ny)
			v = mc->ind[k].q[(size_t)(year - mc->t0) * LT_MC_NQ + j];
		lt_chart_num(c, v);
	}
	target_box(ind, &x0, &x1, &lo, &hi);
	if (year == ind->target.year) {
		lt_chart_num(c, x0);
		lt_chart_num(c, x1);
		lt_chart_num(c, lo);
		lt_chart_num(c, hi);
	} else {
		for (j = 0; j < 4; j++)
			lt_chart_num(c, NAN);
	}
	lt_chart_eol(c);
}

/* The texts of the trajectory of indicator K. */
static void trajectory_labels(lt_chart *c, const lt_scenario *s, size_t k,
                              const lt_mc_result *mc)
{
	const lt_indicator *ind = &s->indicators[k];
	lt_lang lang = c->o->lang;
	char phrase[160], prob[160];

	lt_chart_label(c, "xlabel", LT_L(lang, "Year", "Năm"));
	label_unit(c, ind, lang);
	lt_chart_label(c, "observed", LT_L(lang, "Observed", "Số liệu thực tế"));
	lt_chart_label(c, "milestones", LT_L(lang, "Plan's milestones",
	               "Các mốc của kế hoạch"));
	lt_chart_label(c, "monitored", LT_L(lang, "Observed since the baseline",
	               "Số liệu theo dõi sau năm gốc"));
	lt_chart_labelf(c, "target", "%s %s", LT_L(lang, "Target", "Mục tiêu"),
	                lt_target_phrase(ind, lang, phrase, sizeof phrase));
	lt_chart_label(c, "paths", LT_L(lang, "Required paths",
	               "Lộ trình cần thiết"));
	lt_chart_label(c, "bau", LT_L(lang, "Business as usual",
	               "Giữ xu hướng hiện tại"));
	lt_chart_label(c, "plan", LT_L(lang, "Plan (central parameters)",
	               "Kế hoạch (tham số trung tâm)"));
	lt_chart_label(c, "median", LT_L(lang, "Scenario (median)",
	               "Kịch bản (trung vị)"));
	lt_chart_label(c, "band50", LT_L(lang, "50% band", "Khoảng 50%"));
	lt_chart_label(c, "band90", LT_L(lang, "90% band", "Khoảng 90%"));
	prob[0] = '\0';
	if (mc != NULL && mc->ind[k].simulated && mc->ind[k].has_target) {
		char p[128];

		snprintf(prob, sizeof prob, "%s: %s", LT_L(lang, "Probability of "
		         "meeting the target", "Xác suất đạt mục tiêu"),
		         lt_chart_prob(mc->ind[k].met_target, mc->draws, lang, p,
		         sizeof p));
	}
	lt_chart_label(c, "probability", prob);
}

int lt_chart_trajectory(const lt_chart_opts *o, const lt_scenario *s,
                        size_t k, const lt_paths_item *p,
                        const lt_simulation *sim, const lt_mc_result *mc,
                        lt_diag *diag)
{
	const lt_indicator *ind;
	lt_point *obs = NULL;
	lt_chart c;
	char flags[256] = "", title[512];
	size_t n_obs = 0, j;
	int y0, y1, year, fan;

	if (!lt_chart_can_trajectory(s, k))
		return LT_OK;
	if ((sim != NULL && sim->n != s->n_indicators) ||
	    (mc != NULL && mc->ni != s->n_indicators) ||
	    (p != NULL && p->ind != &s->indicators[k]))
		LT_ERROR(diag, LT_EINVAL, "trajectory chart: the results are not "
		         "this scenario's");
	ind = &s->indicators[k];
	obs = lt_calloc(ind->history.n + 2, sizeof *obs);
	if (obs == NULL)
		LT_ERROR(diag, LT_ENOMEM, "out of memory");
	n_obs = lt_indicator_observations(ind, obs, ind->history.n + 2);
	fan = mc != NULL && mc->ind[k].simulated;
	if (sim != NULL && !sim->ind[k].dynamic)
		sim = NULL;
	years_of(s, ind, obs, n_obs, p, sim != NULL || fan, &y0, &y1);
	if (lt_chart_begin(&c, o, LT_CHART_TRAJECTORY, ind, diag) == LT_OK) {
		trajectory_header(&c);
		for (year = y0; year <= y1; year++)
			trajectory_row(&c, s, k, year, obs, n_obs, p, sim,
			               fan ? mc : NULL);
		trajectory_labels(&c, s, k, fan ? mc : NULL);
		flag(flags, sizeof flags, "target");
		if (n_obs > 0)
			flag(flags, sizeof flags, "observed");
		if (ind->milestones.n > 0)
			flag(flags, sizeof flags, "milestones");
		if (ind->observed.n > 0)
			flag(flags, sizeof flags, "monitored");
		for (j = 0; p != NULL && j < LT_PATH_KINDS; j++)
			if (p->path[j].ok)
				flag(flags, sizeof flags, path_keys[j]);
		if (sim != NULL)
			flag(flags, sizeof flags, fan ? "bau" : "bau plan");
		if (fan)
			flag(flags, sizeof flags, "fan");
		lt_chart_arg(&c, "%s", flags);
		lt_chart_arg(&c, "%d", ind->baseline_year);
	}
	free(obs);
	return lt_chart_end(&c, lt_chart_title(s, ind, NULL, o->lang, title,
	                                     sizeof title));
}

/* ---- year reached --------------------------------------------------------------- */

int lt_chart_can_reached(const lt_mc_result *plan, size_t k)
{
	return plan != NULL && k < plan->ni && plan->ind[k].simulated &&
	       plan->ind[k].has_target && plan->ind[k].reached != NULL;
}

int lt_chart_reached(const lt_chart_opts *o, const lt_scenario *s, size_t k,
                     const lt_mc_result *plan, const lt_mc_result *bau,
                     lt_diag *diag)
{
	const lt_indicator *ind;
	lt_lang lang = o->lang;
	lt_chart c;
	char title[512], phrase[160], a[64];
	size_t i;

	if (plan != NULL && plan->ni != s->n_indicators)
		LT_ERROR(diag, LT_EINVAL, "year-reached chart: the results are not "
		         "this scenario's");
	if (!lt_chart_can_reached(plan, k))
		return LT_OK;
	if (bau != NULL && (bau->ni != plan->ni || bau->ny != plan->ny ||
	                    bau->t0 != plan->t0 || !lt_chart_can_reached(bau, k)))
		bau = NULL;
	ind = &s->indicators[k];
	if (lt_chart_begin(&c, o, LT_CHART_REACHED, ind, diag) == LT_OK) {
		lt_chart_text(&c, "year");
		lt_chart_text(&c, "plan");
		lt_chart_text(&c, "bau");
		lt_chart_eol(&c);
		for (i = 0; i < plan->ny; i++) {
			lt_chart_int(&c, plan->t0 + (long)i);
			lt_chart_num(&c, (double)plan->ind[k].reached[i] /
			             (double)plan->draws);
			lt_chart_num(&c, bau != NULL ? (double)bau->ind[k].reached[i] /
			             (double)bau->draws : NAN);
			lt_chart_eol(&c);
		}
		lt_chart_label(&c, "xlabel", LT_L(lang, "Year", "Năm"));
		lt_chart_label(&c, "ylabel", LT_L(lang, "Probability the target has "
		               "been met by the year", "Xác suất đã đạt mục tiêu "
		               "đến năm"));
		lt_chart_labelf(&c, "plan", LT_L(lang, "Plan's schedule (%s draws)",
		                "Lộ trình chi của kế hoạch (%s lần mô phỏng)"),
		                lt_chart_fmt((double)plan->draws, 0, lang, a, sizeof a));
		lt_chart_labelf(&c, "bau", LT_L(lang, "Business as usual (%s draws)",
		                "Giữ xu hướng hiện tại (%s lần mô phỏng)"),
		                lt_chart_fmt(bau != NULL ? (double)bau->draws : NAN, 0,
		                lang, a, sizeof a));
		lt_chart_labelf(&c, "target", "%s %s", LT_L(lang, "Target",
		                "Mục tiêu"), lt_target_phrase(ind, lang, phrase,
		                sizeof phrase));
		lt_chart_arg(&c, "%s", bau != NULL ? "plan bau" : "plan");
		lt_chart_arg(&c, "%d", ind->target.year);
	}
	return lt_chart_end(&c, lt_chart_title(s, ind, LT_L(lang, "when is the "
	                    "target met?", "khi nào đạt mục tiêu?"), lang, title,
	                    sizeof title));
}

/* ---- probability against the share ----------------------------------------------- */

/* The plan's rule and its own share as template arguments ("" for none). */
static void share_marks(lt_chart *c, const lt_scenario *s, double plan_share)
{
	if (s->budget.has_rule)
		lt_chart_arg(c, "%.17g", s->budget.rule_min_share_pct);
	else
		lt_chart_arg(c, "%s", "");
	if (isfinite(plan_share))
		lt_chart_arg(c, "%.17g", plan_share);
	else
		lt_chart_arg(c, "%s", "");
}

/* The labels of the marks of share_marks. */
static void share_mark_labels(lt_chart *c, const lt_scenario *s,
                              double plan_share)
{
	lt_lang lang = c->o->lang;
	char a[64];

	lt_chart_labelf(c, "rule", LT_L(lang, "The plan's rule: at least %s%%",
	                "Quy định của đề án: tối thiểu %s%%"),
	                lt_chart_fmt(s->budget.has_rule ?
	                s->budget.rule_min_share_pct : NAN, 2, lang, a, sizeof a));
	lt_chart_labelf(c, "plan", LT_L(lang, "The plan's own spending: %s%% "
	                "a year on average", "Chi theo kế hoạch: bình quân %s%% "
	                "mỗi năm"), lt_chart_fmt(plan_share, 2, lang, a, sizeof a));
}

/* The legend text of indicator IND in LANG: its name, shortened, and its
 * id. */
static const char *legend_name(const lt_indicator *ind, lt_lang lang,
                               char *buf, size_t size)
{
	char name[200];
	size_t id_cols = lt_text_width(ind->id) + 3;

	lt_text_shorten(lt_chart_name(ind, lang), LEGEND_COLS > id_cols +
	                LEGEND_NAME_MIN ? LEGEND_COLS - id_cols : LEGEND_NAME_MIN,
	                name, sizeof name);
	snprintf(buf, size, "%s (%s)", name, ind->id);
	return buf;
}

int lt_chart_probability_share(const lt_chart_opts *o, const lt_scenario *s,
                               const lt_solve_mc_result *r, double share_max,
                               lt_diag *diag)
{
	lt_lang lang = o->lang;
	lt_chart c;
	char title[512], name[256];
	double plan_share;
	size_t k, j, n_series = 0;

	if (r->ni != s->n_indicators)
		LT_ERROR(diag, LT_EINVAL, "probability chart: the results are not "
		         "this scenario's");
	if (!(share_max >= 0.0 && share_max <= 100.0))
		LT_ERROR(diag, LT_EINVAL, "probability chart: the share axis must end "
		         "in (0, 100], or be 0 for the default (got %g)", share_max);
	if (r->n_targets == 0 || r->draws == 0)
		return LT_OK;
	plan_share = r->base_total > 0.0 ? 100.0 * r->plan_total / r->base_total
	                                 : NAN;
	if (!(share_max > 0.0))
		share_max = lt_heat_share_max(s, plan_share);
	if (lt_chart_begin(&c, o, LT_CHART_PROBABILITY, NULL, diag) == LT_OK) {
		lt_chart_text(&c, "share");
		for (k = 0; k < r->ni; k++)
			if (r->ind[k].on) {
				lt_chart_text(&c, legend_name(&s->indicators[k], lang, name,
				              sizeof name));
				n_series++;
			}
		lt_chart_text(&c, LT_L(lang, "All targets together",
		              "Mọi mục tiêu cùng lúc"));
		lt_chart_eol(&c);
		for (j = 0; j <= SHARE_STEPS; j++) {
			double sh = round(share_max * (double)j / SHARE_STEPS *
			                  LT_SOLVE_MC_PER_POINT) / LT_SOLVE_MC_PER_POINT;

			lt_chart_num(&c, sh);
			for (k = 0; k < r->ni; k++)
				if (r->ind[k].on)
					lt_chart_num(&c, (double)lt_solve_mc_count(&r->ind[k], sh) /
					             (double)r->draws);
			lt_chart_num(&c, (double)lt_solve_mc_count(&r->all, sh) /
			             (double)r->draws);
			lt_chart_eol(&c);
		}
		lt_chart_label(&c, "xlabel", LT_L(lang, "Constant share of the "
		               "spending base, every year (%)", "Tỷ lệ chi ngân sách "
		               "hằng năm, không đổi (%)"));
		lt_chart_labelf(&c, "ylabel", "%s", LT_L(lang, "Probability of "
		                "meeting the target", "Xác suất đạt mục tiêu"));
		share_mark_labels(&c, s, plan_share);
		lt_chart_labelf(&c, "note", LT_L(lang, "%s draws, seed %llu",
		                "%s lần mô phỏng, hạt giống %llu"), lt_chart_fmt(
		                (double)r->draws, 0, lang, name, sizeof name),
		                (unsigned long long)r->seed);
		lt_chart_arg(&c, "%zu", n_series + 1);
		share_marks(&c, s, plan_share);
	}
	return lt_chart_end(&c, lt_chart_title(s, NULL, LT_L(lang, "Probability "
	                    "of each target against the budget share", "Xác suất "
	                    "đạt từng mục tiêu theo tỷ lệ chi ngân sách"), lang,
	                    title, sizeof title));
}

/* ---- heat map: share × β ----------------------------------------------------------- */

int lt_chart_can_heat(const lt_heat_result *r, size_t k)
{
	return r != NULL && k < r->ni && r->ind[k].on && r->ind[k].met != NULL &&
	       r->draws > 0;
}

int lt_chart_heat(const lt_chart_opts *o, const lt_scenario *s, size_t k,
                  const lt_heat_result *r, lt_diag *diag)
{
	const lt_indicator *ind;
	const lt_heat_map *x;
	lt_lang lang = o->lang;
	lt_chart c;
	char title[512], phrase[160], a[64];
	size_t i, j;

	if (r->ni != s->n_indicators)
		LT_ERROR(diag, LT_EINVAL, "heat map: the results are not this "
		         "scenario's");
	if (!lt_chart_can_heat(r, k))
		return LT_OK;
	ind = &s->indicators[k];
	x = &r->ind[k];
	if (lt_chart_begin(&c, o, LT_CHART_HEAT, ind, diag) == LT_OK) {
		lt_chart_text(&c, "share");
		lt_chart_text(&c, "beta");
		lt_chart_text(&c, "probability");
		lt_chart_text(&c, "draws_met");
		lt_chart_eol(&c);
		for (i = 0; i < r->n_beta; i++) {
			for (j = 0; j < r->n_share; j++) {
				size_t met = x->met[i * r->n_share + j];

				lt_chart_num(&c, r->share[j]);
				lt_chart_num(&c, x->beta[i]);
				lt_chart_num(&c, (double)met / (double)r->draws);
				lt_chart_int(&c, (long)met);
				lt_chart_eol(&c);
			}
			lt_chart_blank(&c);
		}
		lt_chart_label(&c, "xlabel", LT_L(lang, "Constant share of the "
		               "spending base, every year (%)", "Tỷ lệ chi ngân sách "
		               "hằng năm, không đổi (%)"));
		lt_chart_labelf(&c, "ylabel", LT_L(lang, "Responsiveness β of %s "
		                "(a year per point of GRDP)", "Độ nhạy β của %s (mỗi "
		                "năm, trên 1 điểm %% GRDP)"), ind->id);
		lt_chart_label(&c, "cblabel", LT_L(lang, "Probability of meeting the "
		               "target", "Xác suất đạt mục tiêu"));
		share_mark_labels(&c, s, r->plan_share);
		lt_chart_labelf(&c, "central", LT_L(lang, "β of the scenario%s",
		                "β của kịch bản%s"), x->beta_drawn ? LT_L(lang,
		                " (mean)", " (trung bình)") : "");
		lt_chart_labelf(&c, "note", LT_L(lang, "Target %s; %s draws of the "
		                "other parameters at each point", "Mục tiêu %s; %s "
		                "lần mô phỏng các tham số khác tại mỗi điểm"),
		                lt_target_phrase(ind, lang, phrase, sizeof phrase),
		                lt_chart_fmt((double)r->draws, 0, lang, a, sizeof a));
		lt_chart_label(&c, "contour50", LT_L(lang, "Probability 0.5",
		               "Xác suất 0,5"));
		lt_chart_label(&c, "contour80", LT_L(lang, "Probability 0.8",
		               "Xác suất 0,8"));
		share_marks(&c, s, r->plan_share);
		lt_chart_arg(&c, "%.17g", x->beta_central);
	}
	return lt_chart_end(&c, lt_chart_title(s, ind, LT_L(lang, "probability "
	                    "over budget share and β", "xác suất theo tỷ lệ chi và "
	                    "độ nhạy β"), lang, title, sizeof title));
}
