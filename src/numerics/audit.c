/* audit.c - the plan audit (see audit.h for what it checks and why).
 *
 * Each check reads the scenario and appends findings; none of them fails
 * except on memory.  Money is compared to the million (LT_AUDIT_MONEY_TOL);
 * yearly steps are annualised when milestones are more than a year apart,
 * so a two-year gap is compared per year.
 */
#include "lotrinh/audit.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/alloc.h"
#include "lotrinh/budget.h"
#include "lotrinh/claims.h"

/* Tolerance for a merged baseline against the value a document prints with
 * two decimals: half a unit in the last printed place. */
#define MERGE_TOL 0.005
/* Years of spending history averaged for "today's pace". */
#define HISTORY_YEARS 4

void lt_audit_init(lt_audit *a)
{
	a->items = NULL;
	a->n = a->cap = 0;
}

void lt_audit_destroy(lt_audit *a)
{
	free(a->items);
	lt_audit_init(a);
}

const char *lt_severity_name(lt_severity s)
{
	static const char *const names[] = {"info", "warning", "error"};

	return names[s];
}

size_t lt_audit_count(const lt_audit *a, lt_severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < a->n; i++)
		n += a->items[i].severity == sev;
	return n;
}

/* ---- building findings ------------------------------------------------ */

struct run {
	const lt_scenario *s;
	lt_audit *a;
	int oom;
};

/* Append a finding and return it (NULL when out of memory). */
static lt_finding *add(struct run *r, lt_severity sev, const char *code,
                       const char *subject, int year, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static lt_finding *add(struct run *r, lt_severity sev, const char *code,
                       const char *subject, int year, const char *fmt, ...)
{
	lt_audit *a = r->a;
	lt_finding *f;
	va_list ap;

	if (r->oom)
		return NULL;
	if (a->n == a->cap) {
		size_t cap = a->cap ? 2 * a->cap : 32;
		lt_finding *p = lt_realloc(a->items, cap * sizeof *p);
		if (p == NULL) {
			r->oom = 1;
			return NULL;
		}
		a->items = p;
		a->cap = cap;
	}
	f = &a->items[a->n++];
	memset(f, 0, sizeof *f);
	f->severity = sev;
	snprintf(f->code, sizeof f->code, "%s", code);
	snprintf(f->subject, sizeof f->subject, "%s", subject);
	f->year = year;
	va_start(ap, fmt);
	vsnprintf(f->text, sizeof f->text, fmt, ap);
	va_end(ap);
	return f;
}

static void val(lt_finding *f, const char *name, double v, const char *unit)
{
	lt_audit_value *x;

	if (f == NULL || f->n_values == LT_AUDIT_VALUES)
		return;
	x = &f->values[f->n_values++];
	snprintf(x->name, sizeof x->name, "%s", name);
	x->value = v;
	snprintf(x->unit, sizeof x->unit, "%s", unit);
}

/* Record the shape of F's sentence (audit.h lists what K0..K5 are for
 * each FORM) and the indicator it is about, so that the output layer can
 * word it in another language from the numbers rather than from the
 * English text. */
static void shape(lt_finding *f, lt_finding_form form, const lt_indicator *ind,
                  int k0, int k1, int k2, int k3, int k4, int k5)
{
	if (f == NULL)
		return;
	f->form = form;
	f->ind = ind;
	f->k[0] = k0;
	f->k[1] = k1;
	f->k[2] = k2;
	f->k[3] = k3;
	f->k[4] = k4;
	f->k[5] = k5;
}

/* Record that the finding's LABEL numbers come from SOURCE (skipped when
 * NULL or already recorded). */
static void src(lt_finding *f, const char *label, const char *source)
{
	size_t i;

	if (f == NULL || source == NULL || f->n_sources == LT_AUDIT_SOURCES)
		return;
	for (i = 0; i < f->n_sources; i++)
		if (f->sources[i].text == source)
			return;
	snprintf(f->sources[f->n_sources].label,
	         sizeof f->sources[f->n_sources].label, "%s", label);
	f->sources[f->n_sources++].text = source;
}

/* ---- the roadmap ------------------------------------------------------ */

/* The largest yearly step of the history (with the baseline after it) in
 * direction D, annualised; returns 0 when there are fewer than two points. */
static int history_max_step(const lt_indicator *ind, int d, double *max,
                            int *year)
{
	const lt_series *h = &ind->history;
	double prev_v = 0.0;
	int prev_y = 0, have = 0, found = 0;
	size_t i;

	for (i = 0; i <= h->n; i++) {
		int y = i < h->n ? h->pts[i].year : ind->baseline_year;
		double v = i < h->n ? h->pts[i].value : ind->baseline;

		if (i == h->n && h->n > 0 && h->pts[h->n - 1].year == y)
			break; /* the baseline is the last history point */
		if (have) {
			double step = (v - prev_v) / (y - prev_y);
			if (!found || d * step > d * *max) {
				*max = step;
				*year = y;
			}
			found = 1;
		}
		prev_v = v;
		prev_y = y;
		have = 1;
	}
	return found;
}

static void audit_step(struct run *r, const lt_indicator *ind, int from_year,
                       double from, int year, double to, int first)
{
	int d = lt_target_push(ind), hy = 0;
	double step = (to - from) / (year - from_year), hmax = 0.0;
	int has_hist = history_max_step(ind, d != 0 ? d : 1, &hmax, &hy);
	const char *unit = lt_step_unit(ind);
	lt_finding *f;

	if (d != 0 && d * step < 0) {
		f = add(r, LT_SEV_WARNING, "milestone-against-target", ind->id, year,
		        "the %d milestone (%.10g) %s %s (%.10g in %d) while the target "
		        "asks it to %s", year, to, d > 0 ? "falls below" : "rises above",
		        first ? "the latest actual value" : "the milestone before it",
		        from, from_year, d > 0 ? "rise" : "fall");
		shape(f, LT_FORM_STEP_AGAINST, ind, year, from_year, first, d > 0, 0,
		      0);
	} else if (ind->has_pace && fabs(step) > ind->pace_max_step) {
		f = add(r, LT_SEV_WARNING, "milestone-step", ind->id, year,
		        "the step to the %d milestone, %+.4g %s a year%s, is %.3g times "
		        "the plausible pace of %.4g a year", year, step, unit,
		        first ? " from the latest actual value" : "",
		        fabs(step) / ind->pace_max_step, ind->pace_max_step);
		shape(f, LT_FORM_STEP_PACE, ind, year, 0, first, 0, 0, 0);
		val(f, "pace_max_step", ind->pace_max_step, unit);
		src(f, "pace", ind->pace_source);
	} else if (has_hist && d != 0 && d * step > d * hmax && d * hmax >= 0) {
		f = add(r, LT_SEV_WARNING, "milestone-step", ind->id, year,
		        "the step to the %d milestone, %+.4g %s a year%s, is larger than "
		        "any in the indicator's history (largest %+.4g, to %d)", year,
		        step, unit, first ? " from the latest actual value" : "", hmax,
		        hy);
		shape(f, LT_FORM_STEP_HISTORY, ind, year, 0, first, 0, hy, 0);
	} else if (has_hist && d != 0 && d * hmax < 0 && first) {
		f = add(r, LT_SEV_WARNING, "milestone-step", ind->id, year,
		        "the first step, %+.4g %s a year to %d, reverses the latest "
		        "observed change (%+.4g a year to %d)", step, unit, year, hmax,
		        hy);
		shape(f, LT_FORM_STEP_REVERSES, ind, year, 0, first, 0, hy, 0);
	} else {
		f = add(r, LT_SEV_INFO, "milestone-step", ind->id, year,
		        "the step to the %d milestone is %+.4g %s a year%s%s", year, step,
		        unit, first ? " from the latest actual value" : "",
		        ind->has_pace ? ", within the plausible pace"
		        : has_hist ? ", within the indicator's history"
		        : " (no history or pace bound to compare it with)");
		shape(f, LT_FORM_STEP_WITHIN, ind, year, 0, first, 0, 0,
		      ind->has_pace ? 1 : has_hist ? 2 : 0);
		if (ind->has_pace)
			src(f, "pace", ind->pace_source);
	}
	val(f, "from", from, unit);
	val(f, "to", to, unit);
	val(f, "step_per_year", step, unit);
	if (has_hist)
		val(f, "history_max_step", hmax, unit);
	if (first)
		src(f, "latest actual", ind->baseline_source);
	src(f, "milestones", ind->milestones.source);
}

static void audit_final(struct run *r, const lt_indicator *ind)
{
	const lt_series *m = &ind->milestones;
	const lt_target *t = &ind->target;
	const lt_point *last = NULL;
	char want[64];
	lt_finding *f;
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->pts[i].year <= t->year)
			last = &m->pts[i];
	lt_target_text(ind, 10, 0, want, sizeof want);
	if (last == NULL) {
		f = add(r, LT_SEV_INFO, "final-milestone", ind->id, t->year,
		        "no milestone up to the target year %d", t->year);
		shape(f, LT_FORM_FINAL_NONE, ind, 0, 0, 0, 0, 0, 0);
		return;
	}
	if (lt_target_test(ind, last->value) == LT_MET_YES) {
		f = add(r, LT_SEV_INFO, "final-milestone", ind->id, last->year,
		        "the %d milestone (%.10g) meets the %d target (%s)%s",
		        last->year, last->value, t->year, want,
		        last->year < t->year ? ", ahead of the target year" : "");
		shape(f, LT_FORM_FINAL_MEETS, ind, last->year, 0, 0, 0, 0, 0);
	} else if (lt_target_test(ind, last->value) == LT_MET_EXCEEDS) {
		f = add(r, LT_SEV_WARNING, "final-milestone", ind->id, last->year,
		        "the %d milestone (%.10g) exceeds the %d target range (%s)",
		        last->year, last->value, t->year, want);
		shape(f, LT_FORM_FINAL_EXCEEDS, ind, last->year, 0, 0, 0, 0, 0);
	} else {
		f = add(r, last->year == t->year ? LT_SEV_ERROR : LT_SEV_WARNING,
		        "final-milestone", ind->id, last->year,
		        "the %d milestone (%.10g) misses the %d target (%s)%s",
		        last->year, last->value, t->year, want,
		        last->year == t->year ? ": the roadmap contradicts its target"
		        : "; the roadmap has no milestone in the target year");
		shape(f, LT_FORM_FINAL_MISSES, ind, last->year, 0, 0, 0, 0, 0);
	}
	val(f, "milestone", last->value, ind->unit);
	val(f, "target", lt_target_aim(ind), ind->unit);
	src(f, "milestone", m->source);
	src(f, "target", t->source);
}

/* A target the baseline already meets asks for no progress: the plan may
 * aim too low, or the indicator may be misread (Dong Thap's TFP
 * contribution, 55.88 % in 2025 against "≥ 55 %" for 2026-2030). */
static void audit_met_at_baseline(struct run *r, const lt_indicator *ind)
{
	char tt[64];
	lt_finding *f;

	if (!lt_target_met_at_baseline(ind))
		return;
	if (ind->kind == LT_KIND_RANK && lt_target_aim(ind) == ind->baseline) {
		/* not an ambition met early: a target set at today's rank */
		f = add(r, LT_SEV_INFO, "target-holds-rank", ind->id,
		        ind->target.year, "the target %s for %d only holds the "
		        "current rank, %.0f of %d (%d)", lt_target_text(ind, 6, 1, tt,
		        sizeof tt), ind->target.year, ind->baseline, ind->rank_of,
		        ind->baseline_year);
		shape(f, LT_FORM_HOLDS_RANK, ind, 0, 0, 0, 0, 0, 0);
		val(f, "baseline", ind->baseline, ind->unit);
		src(f, "baseline", ind->baseline_source);
		src(f, "target", ind->target.source);
		return;
	}
	f = add(r, LT_SEV_WARNING, "target-met-at-baseline", ind->id,
	        ind->baseline_year, "the baseline %.6g (%d) already meets the "
	        "target %s for %d: the target asks for no progress", ind->baseline,
	        ind->baseline_year, lt_target_text(ind, 6, 1, tt, sizeof tt),
	        ind->target.year);
	shape(f, LT_FORM_MET_AT_BASELINE, ind, 0, 0, 0, 0, 0, 0);
	val(f, "baseline", ind->baseline, ind->unit);
	val(f, "target", lt_target_aim(ind), ind->unit);
	src(f, "baseline", ind->baseline_source);
	src(f, "target", ind->target.source);
}

/* The mean yearly change the target needs, from the baseline to the
 * target year, against the latest observed change (a target that reverses
 * the trend) and against the plausible pace: for every indicator, so that
 * one without milestones is audited too. */
static void audit_target_pace(struct run *r, const lt_indicator *ind)
{
	lt_point obs[128];
	size_t n = lt_indicator_observations(ind, obs, 128);
	/* a target on a period's mean: to the period's middle year */
	int year = lt_target_path_year(ind), years = year - ind->baseline_year, d;
	double need, latest;
	const char *unit = lt_step_unit(ind);
	lt_finding *f;

	if (years <= 0 || lt_target_met_at_baseline(ind))
		return;
	need = (lt_target_aim(ind) - ind->baseline) / years;
	d = need > 0.0 ? +1 : -1;
	if (n >= 2 && obs[n - 1].year > obs[n - 2].year) {
		latest = (obs[n - 1].value - obs[n - 2].value) /
		         (obs[n - 1].year - obs[n - 2].year);
		if (d * latest < 0.0) {
			f = add(r, LT_SEV_WARNING, "target-against-trend", ind->id,
			        ind->target.year, "the target needs %+.4g %s a year to "
			        "%d, but the latest observed change was %+.4g a year (%d "
			        "to %d): the target reverses the trend", need, unit,
			        year, latest, obs[n - 2].year,
			        obs[n - 1].year);
			shape(f, LT_FORM_AGAINST_TREND, ind, year, obs[n - 2].year,
			      obs[n - 1].year, 0, 0, 0);
			val(f, "needed_per_year", need, unit);
			val(f, "latest_per_year", latest, unit);
			src(f, "history", ind->history.source);
			src(f, "target", ind->target.source);
		}
	}
	if (!ind->has_pace)
		return;
	if (fabs(need) > ind->pace_max_step) {
		f = add(r, LT_SEV_WARNING, "target-pace", ind->id, ind->target.year,
		        "the target needs on average %+.4g %s a year to %d, %.3g times "
		        "the plausible pace of %.4g a year", need, unit,
		        year, fabs(need) / ind->pace_max_step,
		        ind->pace_max_step);
		shape(f, LT_FORM_PACE_ABOVE, ind, year, 0, 0, 0, 0, 0);
	} else {
		f = add(r, LT_SEV_INFO, "target-pace", ind->id, ind->target.year,
		        "the target needs on average %+.4g %s a year to %d, within the "
		        "plausible pace of %.4g a year", need, unit, year,
		        ind->pace_max_step);
		shape(f, LT_FORM_PACE_WITHIN, ind, year, 0, 0, 0, 0, 0);
	}
	val(f, "needed_per_year", need, unit);
	val(f, "pace_max_step", ind->pace_max_step, unit);
	src(f, "pace", ind->pace_source);
	src(f, "target", ind->target.source);
}

/* The second, later target (the 2045 vision): the mean yearly change it
 * needs from the first target's aim, against the plausible pace. */
static void audit_vision(struct run *r, const lt_indicator *ind)
{
	lt_indicator v;
	double from, to, need;
	int years;
	const char *unit = lt_step_unit(ind);
	char tt[64];
	lt_finding *f;

	if (!ind->has_vision)
		return;
	v = lt_indicator_vision(ind);
	from = lt_target_aim(ind);
	to = lt_target_aim(&v);
	years = lt_target_path_year(&v) - lt_target_path_year(ind);
	if (!isfinite(from) || !isfinite(to) || years <= 0)
		return;
	need = (to - from) / years;
	if (ind->has_pace && fabs(need) > ind->pace_max_step) {
		f = add(r, LT_SEV_WARNING, "later-target-pace", ind->id,
		        v.target.year, "the later target %s for %d needs on average "
		        "%+.4g %s a year from the %d target, %.3g times the plausible "
		        "pace of %.4g a year", lt_target_text(&v, 6, 1, tt, sizeof tt),
		        v.target.year, need, unit, ind->target.year,
		        fabs(need) / ind->pace_max_step, ind->pace_max_step);
		shape(f, LT_FORM_LATER_ABOVE, ind, 0, 0, 0, 0, 0, 0);
	} else {
		f = add(r, LT_SEV_INFO, "later-target-pace", ind->id, v.target.year,
		        "the later target %s for %d needs on average %+.4g %s a year "
		        "from the %d target%s", lt_target_text(&v, 6, 1, tt,
		        sizeof tt), v.target.year, need, unit, ind->target.year,
		        ind->has_pace ? ", within the plausible pace" : "");
		shape(f, LT_FORM_LATER_WITHIN, ind, 0, 0, 0, 0, 0, 0);
	}
	val(f, "needed_per_year", need, unit);
	if (ind->has_pace) {
		val(f, "pace_max_step", ind->pace_max_step, unit);
		src(f, "pace", ind->pace_source);
	}
	src(f, "target", ind->target.source);
	src(f, "later target", ind->vision.source);
}

static void audit_indicator(struct run *r, const lt_indicator *ind)
{
	const lt_series *m = &ind->milestones;
	size_t i;

	if (lt_indicator_target_only(ind)) {
		char tt[64];
		lt_finding *f = add(r, LT_SEV_WARNING, "no-baseline", ind->id, 0,
		    "%s (the %d target %s is set with no value to start from)",
		    lt_no_baseline_text, ind->target.year,
		    lt_target_text(ind, 6, 1, tt, sizeof tt));
		shape(f, LT_FORM_NO_BASELINE, ind, 0, 0, 0, 0, 0, 0);
		src(f, "target", ind->target.source);
		audit_vision(r, ind);
		return;
	}
	audit_met_at_baseline(r, ind);
	audit_target_pace(r, ind);
	audit_vision(r, ind);
	if (m->n == 0) {
		lt_finding *f = add(r, LT_SEV_INFO, "no-milestones", ind->id, 0,
		    "the roadmap gives no yearly milestones: only the target (%d) "
		    "can be checked", ind->target.year);
		shape(f, LT_FORM_NO_MILESTONES, ind, 0, 0, 0, 0, 0, 0);
		src(f, "indicator", ind->source);
		return;
	}
	for (i = 0; i < m->n; i++) {
		if (i == 0)
			audit_step(r, ind, ind->baseline_year, ind->baseline,
			           m->pts[0].year, m->pts[0].value, 1);
		else
			audit_step(r, ind, m->pts[i - 1].year, m->pts[i - 1].value,
			           m->pts[i].year, m->pts[i].value, 0);
	}
	audit_final(r, ind);
}

static void audit_merged(struct run *r, const lt_indicator *ind)
{
	lt_finding *f;
	double diff = ind->baseline - ind->merged_baseline;

	if (!ind->has_merged)
		return;
	if (fabs(diff) <= MERGE_TOL + 1e-9) {
		f = add(r, LT_SEV_INFO, "merged-baseline", ind->id,
		        ind->baseline_year, "the baseline %.10g agrees with the "
		        "components' weighted mean %.4f (to %.3g)", ind->baseline,
		        ind->merged_baseline, MERGE_TOL);
		shape(f, LT_FORM_MERGED_AGREES, ind, 0, 0, 0, 0, 0, 0);
		if (f != NULL)
			f->x = MERGE_TOL;
	} else {
		f = add(r, LT_SEV_WARNING, "merged-baseline", ind->id,
		        ind->baseline_year, "the baseline %.10g differs from the "
		        "components' weighted mean %.4f by %+.4f", ind->baseline,
		        ind->merged_baseline, diff);
		shape(f, LT_FORM_MERGED_DIFFERS, ind, 0, 0, 0, 0, 0, 0);
	}
	val(f, "baseline", ind->baseline, ind->unit);
	val(f, "merged", ind->merged_baseline, ind->unit);
	src(f, "baseline", ind->baseline_source);
	src(f, "components", r->s->province.source);
}

/* ---- the programmes --------------------------------------------------- */

/* Whole millions with thousands grouped ("6,112,164", "-27,000"), as the
 * findings quote them; BUF must hold 32 bytes. */
static const char *mil(double v, char *buf)
{
	char raw[32];
	size_t n, i, o = 0, digits;
	const char *p = raw;

	snprintf(raw, sizeof raw, "%.0f", v);
	if (*p == '-')
		buf[o++] = *p++;
	digits = strlen(p);
	for (i = 0, n = digits; i < digits && o < 30; i++, n--) {
		if (i > 0 && n % 3 == 0)
			buf[o++] = ',';
		buf[o++] = p[i];
	}
	buf[o] = '\0';
	return buf;
}

/* The tasks of part PT the plan does not cost: context, not an error. */
static void audit_uncosted(struct run *r, const lt_part *pt)
{
	size_t i, n = 0;
	lt_finding *f;

	for (i = 0; i < pt->n_tasks; i++)
		n += !pt->tasks[i].has_state;
	if (n == 0)
		return;
	f = add(r, LT_SEV_INFO, "uncosted-tasks", pt->id, 0, "%zu of %zu tasks "
	        "carry no state-budget amount (not costed in the plan)", n,
	        pt->n_tasks);
	shape(f, LT_FORM_UNCOSTED, NULL, (int)n, (int)pt->n_tasks, 0, 0, 0, 0);
	if (f != NULL)
		f->part = pt;
	val(f, "uncosted", (double)n, "tasks");
	src(f, "tasks", pt->source);
}

/* A claim the programmes imply (a declared total against what it totals),
 * recomputed by the claims engine, as a programme-sum finding. */
static void programme_sum(struct run *r, const lt_implied *it)
{
	lt_claim_result res;
	double sum, declared, diff;
	char a[32], b[32], c[32];
	lt_finding *f;

	lt_claim_eval(r->s, &it->claim, &res);
	sum = res.value.value;
	declared = res.stated.value;
	diff = res.difference;
	if (res.holds)
		f = add(r, LT_SEV_INFO, "programme-sum", it->subject, 0, "%s: the %s "
		        "amounts add up to the declared %s million VND", it->what,
		        it->amount, mil(declared, a));
	else
		f = add(r, LT_SEV_ERROR, "programme-sum", it->subject, 0, "%s: the "
		        "%s amounts add up to %s million VND, not the declared %s "
		        "(%s%s)", it->what, it->amount, mil(sum, a), mil(declared, b),
		        diff > 0 ? "+" : "", mil(diff, c));
	shape(f, res.holds ? LT_FORM_SUM_AGREES : LT_FORM_SUM_DIFFERS, NULL,
	      (int)it->over, (int)it->field, 0, 0, 0, 0);
	if (f != NULL) {
		snprintf(f->group, sizeof f->group, "%s", it->group != NULL
		         ? it->group : "");
		f->part = it->part != LT_IMPLIED_PLAN
		          ? &r->s->programs.parts[it->part] : NULL;
	}
	val(f, "sum", sum, "million VND");
	val(f, "declared", declared, "million VND");
	val(f, "difference", diff, "million VND");
	src(f, "items", it->claim.of_source);
	src(f, "declared", it->claim.source);
}

/* The programmes' sums against the totals they declare: every claim they
 * imply (lt_claims_implied), part by part with each part's uncosted tasks
 * after its sums, then the plan's. */
static void audit_programs(struct run *r)
{
	const lt_programs *p = &r->s->programs;
	lt_implied *items;
	size_t n, i = 0, k;

	if (!r->s->has_programs)
		return;
	if (lt_claims_implied(r->s, &items, &n) != LT_OK) {
		r->oom = 1;
		return;
	}
	for (k = 0; k < p->n_parts; k++) {
		for (; i < n && items[i].part == k; i++)
			programme_sum(r, &items[i]);
		audit_uncosted(r, &p->parts[k]);
	}
	for (; i < n; i++)
		programme_sum(r, &items[i]);
	free(items);
}

/* ---- the budget ------------------------------------------------------- */

/* What the programmes spend in YEAR (state and other). */
static void programs_in_year(const lt_scenario *s, int year, double *state,
                             double *other)
{
	size_t i, j;

	*state = *other = 0.0;
	for (i = 0; i < s->programs.n_parts; i++)
		for (j = 0; j < s->programs.parts[i].n_tasks; j++) {
			double a, b;

			lt_task_in_year(&s->programs.parts[i].tasks[j], year, &a, &b);
			*state += a;
			*other += b;
		}
}

static const char *base_name(lt_base b)
{
	return b == LT_BASE_RECURRENT ? "recurrent spending"
	                              : "total budget spending";
}

static void audit_program_shares(struct run *r, double *mean_state)
{
	const lt_scenario *s = r->s;
	const lt_budget *b = &s->budget;
	int first, last, y;
	double total = 0.0;

	*mean_state = NAN;
	if (lt_programs_years(s, &first, &last) != 0)
		return;
	for (y = first; y <= last; y++) {
		double state, other, base = lt_budget_base(b, y), share;
		char sa[32], ba[32];
		lt_finding *f;

		programs_in_year(s, y, &state, &other);
		total += state;
		share = 100.0 * state / base;
		if (b->has_rule && share < b->rule_min_share_pct) {
			f = add(r, LT_SEV_WARNING, "programme-share", "budget", y,
			        "in %d the programmes' state budget, %s million VND, is "
			        "%.2f%% of %s (%s million), below the rule of %.4g%%", y,
			        mil(state, sa), share, base_name(b->base), mil(base, ba),
			        b->rule_min_share_pct);
			shape(f, LT_FORM_SHARE_BELOW, NULL, y, (int)b->base, 1, 0, 0,
			      0);
		} else {
			f = add(r, LT_SEV_INFO, "programme-share", "budget", y,
			        "in %d the programmes' state budget, %s million VND, is "
			        "%.2f%% of %s (%s million)%s", y, mil(state, sa), share,
			        base_name(b->base), mil(base, ba), b->has_rule
			        ? ", meeting the rule" : "");
			shape(f, LT_FORM_SHARE, NULL, y, (int)b->base, b->has_rule, 0,
			      0, 0);
		}
		val(f, "state", state, "million VND");
		val(f, "other", other, "million VND");
		val(f, "base", base, "million VND");
		val(f, "share", share, "%");
		if (b->has_rule)
			val(f, "rule", b->rule_min_share_pct, "%");
		src(f, "programmes", s->programs.source);
		src(f, "base", b->amount_source);
		src(f, "growth", b->growth_source);
		if (b->has_rule)
			src(f, "rule", b->rule_source);
	}
	*mean_state = total / (last - first + 1);
}

/* Mean of the last HISTORY_YEARS points of H. */
static double recent_mean(const lt_series *h, int *from, int *to)
{
	size_t k = h->n > HISTORY_YEARS ? h->n - HISTORY_YEARS : 0, i;
	double sum = 0.0;

	for (i = k; i < h->n; i++)
		sum += h->pts[i].value;
	*from = h->pts[k].year;
	*to = h->pts[h->n - 1].year;
	return sum / (double)(h->n - k);
}

static void audit_history(struct run *r, double planned_state)
{
	const lt_scenario *s = r->s;
	const lt_budget *b = &s->budget;
	int from, to, y = s->baseline_year + 1;
	double past, planned, ratio;
	const char *unit, *what;
	char pa[32], pb[32];
	int money;
	lt_finding *f;

	if (b->schedule.kind == LT_SCHED_PROGRAMS && b->spending_history.n > 0 &&
	    isfinite(planned_state)) {
		past = recent_mean(&b->spending_history, &from, &to);
		planned = planned_state;
		unit = "million VND";
		money = 1;
		what = "the programmes' mean yearly state budget";
	} else if (b->schedule.kind != LT_SCHED_PROGRAMS &&
	           b->share_history.n > 0) {
		past = recent_mean(&b->share_history, &from, &to);
		planned = lt_schedule_share(&b->schedule, s->baseline_year, y);
		unit = "%";
		money = 0;
		what = "the share the schedule plans for the first year";
	} else {
		return;
	}
	if (!(past > 0.0))
		return;
	ratio = planned / past;
	if (money) {
		mil(planned, pa);
		mil(past, pb);
	} else {
		snprintf(pa, sizeof pa, "%.3g", planned);
		snprintf(pb, sizeof pb, "%.3g", past);
	}
	f = add(r, ratio > LT_AUDIT_SPENDING_MULTIPLE ? LT_SEV_WARNING
	        : LT_SEV_INFO, "spending-history", "budget", 0, "%s (%s %s) is "
	        "%.3g times the mean of %d-%d (%s %s)%s", what, pa, unit, ratio,
	        from, to, pb, unit, ratio > LT_AUDIT_SPENDING_MULTIPLE
	        ? ": the plan needs a source of funds far beyond today's" : "");
	shape(f, LT_FORM_SPENDING, NULL, money, from, to,
	      ratio > LT_AUDIT_SPENDING_MULTIPLE, 0, 0);
	val(f, "planned", planned, unit);
	val(f, "historical_mean", past, unit);
	val(f, "ratio", ratio, "");
	src(f, "history", b->schedule.kind == LT_SCHED_PROGRAMS
	    ? b->spending_history.source : b->share_history.source);
	src(f, "plan", b->schedule.kind == LT_SCHED_PROGRAMS
	    ? s->programs.source : b->schedule.source);
}

/* The rule ("at least 3% of total spending every year") binds each year of
 * the plan, not only its last: check every year after the baseline up to
 * the horizon.  One finding sums it up: a warning at the first year below
 * the rule, with how many years fall short and the lowest share, or an info
 * at the horizon when every year meets it. */
static void audit_schedule_rule(struct run *r)
{
	const lt_scenario *s = r->s;
	const lt_budget *b = &s->budget;
	const double rule = b->rule_min_share_pct;
	int y, from = s->baseline_year + 1, first = 0, last = 0, n_below = 0;
	int low_year = from;
	double share, low = HUGE_VAL;
	lt_finding *f;

	if (!b->has_rule || b->schedule.kind == LT_SCHED_PROGRAMS)
		return;
	for (y = from; y <= s->horizon; y++) {
		share = lt_schedule_share(&b->schedule, s->baseline_year, y);
		if (share < low) {
			low = share;
			low_year = y;
		}
		if (share < rule) {
			first = n_below == 0 ? y : first;
			last = y;
			n_below++;
		}
	}
	if (n_below > 0)
		f = add(r, LT_SEV_WARNING, "schedule-rule", "budget", first, "the "
		        "schedule plans less than the rule of %.4g%% of %s in %d of "
		        "the years %d-%d (%d to %d), as little as %.4g%% in %d", rule,
		        base_name(b->base), n_below, from, s->horizon, first, last,
		        low, low_year);
	else
		f = add(r, LT_SEV_INFO, "schedule-rule", "budget", s->horizon, "the "
		        "schedule plans at least the rule of %.4g%% of %s in every "
		        "year %d-%d (%.4g%% in %d, the lowest)", rule,
		        base_name(b->base), from, s->horizon, low, low_year);
	shape(f, n_below > 0 ? LT_FORM_RULE_BELOW : LT_FORM_RULE_MET, NULL, from,
	      s->horizon, first, last, low_year, (int)b->base);
	val(f, "lowest_share", low, "%");
	val(f, "rule", rule, "%");
	val(f, "years_below", n_below, "years");
	src(f, "schedule", b->schedule.source);
	src(f, "rule", b->rule_source);
}

/* ---- the documents' claims about their own figures -------------------- */

/* V as claim C prints it, into BUF (48 bytes): to the precision its
 * tolerance implies, half a unit in the last place (0.5: whole numbers,
 * grouped by thousands; 0.0005: three decimals); with no tolerance (counts,
 * years), whole numbers as such and others to six significant digits. */
static const char *claim_num(const lt_claim *c, double v, char *buf)
{
	int d = c->tolerance > 0.0
	        ? (int)fmax(0.0, ceil(-log10(2.0 * c->tolerance) - 1e-9))
	        : v == floor(v) ? 0 : -1;

	if (!isfinite(v))
		snprintf(buf, 48, "undefined");
	else if (d == 0 && c->tolerance > 0.0 && fabs(v) >= 999.5)
		mil(v, buf);
	else if (d >= 0)
		snprintf(buf, 48, "%.*f", d, v);
	else
		snprintf(buf, 48, "%.6g", v);
	return buf;
}

/* A figure a claim is recomputed from, into BUF (48 bytes): whole numbers
 * grouped by thousands, others to six significant digits. */
static const char *figure_num(double v, char *buf)
{
	if (v == floor(v) && fabs(v) < 1e15)
		return fabs(v) >= 999.5 ? mil(v, buf)
		       : (snprintf(buf, 48, "%.0f", v), buf);
	snprintf(buf, 48, "%.6g", v);
	return buf;
}

/* One side of a claim as text: a period "2025-2030", or a number. */
static const char *claim_side(const lt_claim *c, const lt_claim_side *x,
                              char *buf)
{
	if (x->is_period)
		snprintf(buf, 48, x->from == x->to ? "%d" : "%d-%d", x->from, x->to);
	else
		claim_num(c, x->value, buf);
	return buf;
}

/* What an inequality's left side is, in words. */
static const char *measure_words(lt_claim_kind m)
{
	static const char *const words[] = {"the sum", "the count", "the mean",
	                                    "the ratio", "the figure", "?"};

	return words[m];
}

/* The recomputed side of claim C in words into BUF (SIZE bytes): "its 3
 * figures add up to 61", "4 are listed", ... */
static void claim_recomputed(const lt_claim *c, const lt_claim_result *res,
                             char *buf, size_t size)
{
	char v[48], a[48], b[48], k[48];

	claim_side(c, &res->value, v);
	switch (c->kind) {
	case LT_CLAIM_SUM:
		snprintf(buf, size, "its %zu figures add up to %s", res->n_items, v);
		break;
	case LT_CLAIM_COUNT:
		snprintf(buf, size, "%zu %s listed", res->n_items,
		         res->n_items == 1 ? "is" : "are");
		break;
	case LT_CLAIM_MEAN:
		snprintf(buf, size, "the mean of its %zu figures is %s", res->n_items,
		         v);
		break;
	case LT_CLAIM_RATIO:
		snprintf(k, sizeof k, "%.10g × ", c->scale);
		snprintf(buf, size, "%s%s / %s = %s", c->scale == 1.0 ? "" : k,
		         figure_num(res->numerator, a),
		         figure_num(res->denominator, b), v);
		break;
	case LT_CLAIM_SAME:
		snprintf(buf, size, "the other place gives %s", v);
		break;
	case LT_CLAIM_INEQUALITY:
		snprintf(buf, size, "%s is %s", measure_words(c->measure), v);
		break;
	}
}

/* Claim C recomputed, as a finding: info when it agrees (or holds), else
 * an error, or a warning when the document itself hedges the figure. */
static void audit_claim(struct run *r, const lt_claim *c)
{
	lt_claim_result res;
	char st[48], d[48], how[200], tail[96] = "";
	const char *unit = c->unit != NULL ? c->unit : "";
	lt_finding *f;
	size_t i;

	lt_claim_eval(r->s, c, &res);
	claim_side(c, &res.stated, st);
	claim_recomputed(c, &res, how, sizeof how);
	if (!res.holds && res.stated.is_period)
		snprintf(tail, sizeof tail, " (start %+.0f, end %+.0f)",
		         res.difference_from, res.difference);
	else if (!res.holds && c->kind != LT_CLAIM_INEQUALITY)
		snprintf(tail, sizeof tail, " (%s%s)", res.difference > 0 ? "+" : "",
		         claim_num(c, res.difference, d));
	f = add(r, res.holds ? LT_SEV_INFO : c->hedge != NULL ? LT_SEV_WARNING
	        : LT_SEV_ERROR, "claim", "claims", 0, "%s: %s%s%s %s%s%s%s%s, %s "
	        "%s%s", c->id, c->what != NULL ? c->what : "",
	        c->what != NULL ? ": " : "",
	        c->kind == LT_CLAIM_INEQUALITY ? "must be" : "stated",
	        c->kind == LT_CLAIM_INEQUALITY ? lt_claim_op_names[c->op] : "",
	        c->kind == LT_CLAIM_INEQUALITY ? " " : "", st,
	        res.stated.is_period || !*unit ? "" : " ",
	        res.stated.is_period ? "" : unit, res.holds ? "and" : "but", how,
	        tail);
	shape(f, LT_FORM_CLAIM, NULL, (int)res.n_items, res.stated.is_period, 0,
	      0, 0, 0);
	if (f != NULL)
		f->claim = c;
	if (res.stated.is_period) {
		val(f, "stated_from", res.stated.from, "year");
		val(f, "stated_to", res.stated.to, "year");
		val(f, "recomputed_from", res.value.from, "year");
		val(f, "recomputed_to", res.value.to, "year");
	} else {
		val(f, "stated", res.stated.value, unit);
		val(f, "recomputed", res.value.value, unit);
		val(f, "difference", res.difference, unit);
		val(f, "tolerance", c->tolerance, unit);
		if (c->kind == LT_CLAIM_RATIO) {
			val(f, "numerator", res.numerator, "");
			val(f, "denominator", res.denominator, "");
		}
	}
	src(f, "claim", c->source);
	src(f, "hedge", c->hedge);
	if (c->stated_kind == LT_STATED_REF || c->stated_kind == LT_STATED_NONE)
		src(f, "stated", res.stated_source);
	for (i = 0; i < res.n_sources; i++)
		src(f, "figures", res.sources[i]);
}

static void audit_claims(struct run *r)
{
	size_t i;

	for (i = 0; i < r->s->n_claims; i++)
		audit_claim(r, &r->s->claims[i]);
}

int lt_audit_run(const lt_scenario *s, lt_audit *out, lt_diag *diag)
{
	struct run r = {s, out, 0};
	double planned = NAN;
	size_t i;

	for (i = 0; i < s->n_indicators; i++)
		audit_indicator(&r, &s->indicators[i]);
	for (i = 0; i < s->n_indicators; i++)
		audit_merged(&r, &s->indicators[i]);
	audit_programs(&r);
	if (s->has_programs)
		audit_program_shares(&r, &planned);
	audit_schedule_rule(&r);
	audit_history(&r, planned);
	audit_claims(&r);
	if (r.oom)
		LT_ERROR(diag, LT_ENOMEM, "out of memory while auditing");
	return LT_OK;
}
