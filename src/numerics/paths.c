/* paths.c - the paths engine (see paths.h): curve.c's families, progress.c's
 * SDG measures and trend.c's fits put together for each indicator, with
 * the target's meaning taken from scenario.h. */
#include "lotrinh/paths.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"

/* The note every family carries when no path is needed. */
static const char met_note[] = "the baseline already meets the target: no "
                               "growth is needed";

/* The path spec of IND: from its baseline to AIM in the target year,
 * between its bounds (a rank lives between 1 and the number of provinces
 * ranked), through the milestones up to the target year. */
static void path_spec(const lt_indicator *ind, double aim, lt_path_spec *spec)
{
	spec->t0 = ind->baseline_year;
	spec->t1 = lt_target_path_year(ind);
	spec->y0 = ind->baseline;
	spec->y1 = aim;
	spec->lo = ind->kind == LT_KIND_RANK ? 1.0
	           : ind->has_floor ? ind->floor : -HUGE_VAL;
	spec->hi = ind->kind == LT_KIND_RANK ? (double)ind->rank_of
	           : ind->has_ceiling ? ind->ceiling : HUGE_VAL;
	spec->knots = ind->milestones.pts;
	spec->n_knots = 0;
	while (spec->n_knots < ind->milestones.n &&
	       ind->milestones.pts[spec->n_knots].year <= spec->t1)
		spec->n_knots++;
}

/* Build every family of P (already lt_path_init'ed); a met target builds
 * none and says why. */
static int build_paths(lt_paths_item *p, lt_diag *diag)
{
	lt_path_spec spec;
	size_t k;
	int rc;

	path_spec(p->ind, p->aim, &spec);
	for (k = 0; k < LT_PATH_KINDS; k++) {
		if (p->met) {
			snprintf(p->path[k].why, sizeof p->path[k].why, "%s", met_note);
			continue;
		}
		rc = lt_path_build((lt_path_kind)k, &spec, &p->path[k], diag);
		if (rc != LT_OK)
			return rc;
	}
	return LT_OK;
}

/* The progress measures and the trend of P from its observations.  Their
 * failures (too little or unusable data) are answers, shown as such: they
 * are not recorded as errors.  Returns LT_OK or LT_ENOMEM. */
static int assess(lt_paths_item *p, int horizon)
{
	const lt_indicator *ind = p->ind;
	size_t cap = ind->history.n + 1;
	lt_point *obs = lt_malloc(cap * sizeof *obs);
	lt_progress_spec ps;
	lt_trend_spec ts;
	int rc;

	if (obs == NULL)
		return LT_ENOMEM;
	memset(&ps, 0, sizeof ps);
	ps.obs = obs;
	ps.n_obs = lt_indicator_observations(ind, obs, cap);
	ps.direction = p->direction;
	ps.has_target = 1;
	ps.target = p->aim;
	ps.target_year = p->year;
	ps.limit = ind->kind == LT_KIND_SHARE && ind->has_ceiling ? ind->ceiling
	           : NAN;
	p->prog_ok = lt_progress_assess(&ps, &p->prog, NULL) == LT_OK;
	memset(&ts, 0, sizeof ts);
	ts.obs = obs;
	ts.n_obs = ps.n_obs;
	ts.direction = p->direction;
	ts.target = p->aim;
	ts.target_year = p->year;
	ts.horizon = horizon;
	ts.bounded = 1;
	ts.lo = ind->kind == LT_KIND_RANK ? 1.0 : ind->has_floor ? ind->floor
	        : -HUGE_VAL;
	ts.hi = ind->kind == LT_KIND_RANK ? (double)ind->rank_of
	        : ind->has_ceiling ? ind->ceiling : HUGE_VAL;
	rc = lt_trend_run(&ts, &p->trend, NULL);
	p->trend_ok = rc == LT_OK;
	free(obs);
	/* out of memory is no answer about the data */
	return rc == LT_ENOMEM ? rc : LT_OK;
}

/* The way from P's target to the later one, the vision, if any. */
static void vision(lt_paths_item *p)
{
	const lt_indicator *ind = p->ind;
	lt_indicator v;
	double years;

	p->vision_aim = p->vision_step = p->vision_cagr = NAN;
	if (!ind->has_vision)
		return;
	v = lt_indicator_vision(ind);
	p->vision_aim = lt_target_aim(&v);
	years = (double)(lt_target_path_year(&v) - p->year);
	if (!isfinite(p->aim) || !(years > 0.0))
		return;
	p->vision_step = (p->vision_aim - p->aim) / years;
	if (p->aim > 0.0 && p->vision_aim > 0.0)
		p->vision_cagr = 100.0 * (pow(p->vision_aim / p->aim, 1.0 / years) -
		                          1.0);
}

/* Fill P for IND.  P's paths are initialised first, so lt_paths_free can
 * release them whatever fails later. */
static int compute(const lt_indicator *ind, int horizon, lt_paths_item *p,
                   lt_diag *diag)
{
	size_t k;
	int rc;

	p->ind = ind;
	p->direction = lt_target_sense(ind);
	p->aim = lt_target_aim(ind);
	p->met = lt_target_met_at_baseline(ind);
	p->year = lt_target_path_year(ind);
	vision(p);
	for (k = 0; k < LT_PATH_KINDS; k++) {
		rc = lt_path_init(&p->path[k], ind->baseline_year, p->year);
		p->path[k].kind = (lt_path_kind)k;
		if (rc == LT_ENOMEM)
			return lt_error_raise(diag, rc, NULL, ind->line, "out of memory");
		if (rc != LT_OK)
			return lt_error_raise(diag, rc, NULL, ind->line, "indicator '%s': "
			                      "the target year %d is not after the "
			                      "baseline year %d", ind->id,
			                      ind->target.year, ind->baseline_year);
	}
	if (lt_indicator_target_only(ind)) {
		for (k = 0; k < LT_PATH_KINDS; k++)
			snprintf(p->path[k].why, sizeof p->path[k].why, "%s",
			         lt_no_baseline_text);
		return LT_OK;
	}
	rc = build_paths(p, diag);
	if (rc == LT_OK)
		rc = assess(p, horizon);
	if (rc == LT_ENOMEM)
		return lt_error_raise(diag, rc, NULL, ind->line, "out of memory");
	return rc;
}

/* The indices of the indicators asked for into IDX; LT_EINVAL for an
 * unknown id. */
static int select_indicators(const lt_scenario *s, const char *const *ids,
                             size_t n_ids, size_t *idx, lt_diag *diag)
{
	size_t i;

	for (i = 0; i < n_ids; i++) {
		int k = lt_scenario_find_indicator(s, ids[i]);

		if (k < 0)
			return lt_error_raise(diag, LT_EINVAL, NULL, 0, "no indicator "
			                      "'%s'", ids[i]);
		idx[i] = (size_t)k;
	}
	for (i = 0; n_ids == 0 && i < s->n_indicators; i++)
		idx[i] = i;
	return LT_OK;
}

int lt_paths_run(const lt_scenario *s, const char *const *ids, size_t n_ids,
                 lt_paths **out, lt_diag *diag)
{
	size_t n = n_ids > 0 ? n_ids : s->n_indicators, i, *idx;
	lt_paths *p;
	int rc;

	*out = NULL;
	p = lt_calloc(1, sizeof *p);
	idx = lt_calloc(n + 1, sizeof *idx);
	if (p == NULL || idx == NULL ||
	    (p->items = lt_calloc(n + 1, sizeof *p->items)) == NULL) {
		free(idx);
		lt_paths_free(p);
		return lt_error_raise(diag, LT_ENOMEM, NULL, 0, "out of memory");
	}
	rc = select_indicators(s, ids, n_ids, idx, diag);
	for (i = 0; rc == LT_OK && i < n; i++) {
		p->n = i + 1;
		rc = compute(&s->indicators[idx[i]], s->horizon, &p->items[i], diag);
	}
	free(idx);
	if (rc != LT_OK) {
		lt_paths_free(p);
		return rc;
	}
	*out = p;
	return LT_OK;
}

void lt_paths_free(lt_paths *p)
{
	size_t i, k;

	if (p == NULL)
		return;
	for (i = 0; i < p->n; i++)
		for (k = 0; k < LT_PATH_KINDS; k++)
			lt_path_destroy(&p->items[i].path[k]);
	free(p->items);
	free(p);
}
