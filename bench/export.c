/* export.c - a compiled model as JSON, for the NumPy program beside the
 * benchmark (bench/numpy_mc.py).
 *
 * The NumPy program is lotrinh's Monte Carlo written as an analyst would
 * write it, and must not re-type the scenario by hand.  So this file writes
 * what the closed form needs, each piece taken from the library rather than
 * from the scenario's text: the registry of parameters (lt_model_slot:
 * every slot's distribution, its truncation and its central value), each
 * channel's yearly spending as the compiled schedule spends it
 * (lt_budget_year, the function the model compiles from), its capital in
 * t0 (given, or the steady state of historical spending, read off the
 * model's own capital path), GRDP by year, and for each simulated
 * indicator its bounds, logit in t0, channel, baseline year and target
 * (lt_target_aim, lt_target_sense).
 *
 * Three probes make the export honest: the model's logits at the central
 * θ and at two random θ (lt_model_eval), which the NumPy program must
 * reproduce with its closed form to 1e-9 before it draws anything.
 *
 * Domain: the closed form only (no spillovers), GRDP growth, spending-base
 * growth and the co-financing ratio fixed, every simulated indicator's
 * baseline in t0 or later; anything else is refused with a message.
 */
#include "export.h"

#include <gsl/gsl_rng.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lotrinh/budget.h"
#include "lotrinh/config.h"
#include "lotrinh/mc.h"
#include "lotrinh/model.h"
#include "lotrinh/scenario.h"

/* Random θ the probes evaluate besides the central one. */
#define N_RANDOM_PROBES 2

int lt_bench_fail(char *err, size_t n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, n, fmt, ap);
	va_end(ap);
	return -1;
}

/* A double as JSON: null for a non-finite one (JSON has no infinity). */
static json_t *num(double x)
{
	return isfinite(x) ? json_real(x) : json_null();
}

static json_t *num_array(const double *x, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, num(x[i]));
	return a;
}

/* Every slot of M's registry. */
static json_t *slots(const lt_model *m)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < lt_model_nslots(m); i++) {
		const lt_slot *sl = lt_model_slot(m, i);

		json_array_append_new(a, json_pack("{s:s, s:s, s:o, s:o, s:o, s:o}",
		    "name", sl->name, "dist", lt_dist_name(sl->dist.dist),
		    "p", num_array(sl->dist.p, 4), "min", num(sl->dist.min),
		    "max", num(sl->dist.max), "central", num(sl->central)));
	}
	return a;
}

/* The slot of KIND for OWNER, which must exist. */
static int slot_of(const lt_model *m, lt_slot_kind kind, size_t owner)
{
	int j = lt_model_find_slot(m, kind, owner);

	if (j < 0)
		abort();
	return j;
}

/* Each channel: its δ and η slots, its spending by year (public money, and
 * co-financing given as money; a co-financing ratio is a slot), and its
 * capital in t0 or its steady-state flow. */
static json_t *channels(const lt_model *m, const lt_scenario *s,
                        const double *central, const lt_sim *sim)
{
	size_t nc = s->n_channels, ny = lt_model_years(m), c, i;
	int lam = lt_model_find_slot(m, LT_SLOT_COFIN, 0);
	double *pub = calloc(nc + 1, sizeof *pub), *cof = calloc(nc + 1,
	                                                        sizeof *cof);
	double *pc = calloc((nc + 1) * ny, sizeof *pc);
	double *cc = calloc((nc + 1) * ny, sizeof *cc);
	json_t *a = json_array();

	if (!pub || !cof || !pc || !cc)
		abort();
	for (i = 1; i < ny; i++) {
		lt_budget_year(s, NULL, s->baseline_year + (int)i, pub, cof);
		for (c = 0; c < nc; c++) {
			pc[c * ny + i] = pub[c];
			cc[c * ny + i] = lam >= 0 ? 0.0 : cof[c];
		}
	}
	for (c = 0; c < nc; c++) {
		int d = slot_of(m, LT_SLOT_DELTA, c), e = slot_of(m, LT_SLOT_ETA, c);
		const lt_channel *ch = &s->channels[c];
		/* K(t0) = η·H/δ at the steady state of a flow H: H from the
		 * model's own capital in t0 at the central θ */
		double h = sim->capital[c * ny] * central[d] / central[e];

		json_array_append_new(a, json_pack("{s:s, s:i, s:i, s:o, s:o, s:o, "
		    "s:o}", "id", ch->id, "delta", d, "eta", e,
		    "public", num_array(pc + c * ny, ny),
		    "cofin", num_array(cc + c * ny, ny),
		    "capital0", ch->has_capital0 ? json_real(ch->capital0) : json_null(),
		    "steady_flow", ch->has_capital0 ? json_null() : json_real(h)));
	}
	free(pub);
	free(cof);
	free(pc);
	free(cc);
	return a;
}

/* Each simulated indicator, or NULL with ERR set when one is outside the
 * exporter's domain. */
static json_t *indicators(const lt_model *m, const lt_scenario *s,
                          const double *z0, char *err, size_t nerr)
{
	size_t ny = lt_model_years(m), k;
	json_t *a = json_array();

	for (k = 0; k < s->n_indicators; k++) {
		const lt_indicator *ind = &s->indicators[k];
		int start = ind->baseline_year - s->baseline_year, ty;
		json_t *target = json_null();

		if (!lt_model_dynamic(m, k, NULL))
			continue;
		if (start < 0) {
			json_decref(a);
			lt_bench_fail(err, nerr, "indicator '%s' starts before t0 (%d): the NumPy "
			     "program does not carry logits forward", ind->id,
			     ind->baseline_year);
			return NULL;
		}
		ty = ind->target.year - s->baseline_year;
		if (ty >= 0 && (size_t)ty < ny)
			target = json_pack("{s:o, s:i, s:i}", "aim",
			                   num(lt_target_aim(ind)), "sense",
			                   lt_target_sense(ind), "year_index", ty);
		json_array_append_new(a, json_pack("{s:s, s:i, s:o, s:o, s:o, s:i, "
		    "s:i, s:i, s:i, s:i, s:o}", "id", ind->id, "index", (int)k,
		    "lo", num(lt_model_value(m, k, ny - 1, -HUGE_VAL)),
		    "hi", num(lt_model_value(m, k, ny - 1, HUGE_VAL)),
		    "z0", num(z0[k * ny]), "start", start, "channel", ind->channel,
		    "r", slot_of(m, LT_SLOT_R, k), "beta", slot_of(m, LT_SLOT_BETA, k),
		    "sigma", slot_of(m, LT_SLOT_SIGMA, k), "target", target));
	}
	return a;
}

/* The model's logits at the central θ and at N_RANDOM_PROBES drawn ones
 * (lt_mc_draw, without shocks): [{theta, z: [k][year] for the simulated
 * indicators}]. */
static json_t *probes(const lt_model *m, const double *central)
{
	const lt_scenario *s = lt_model_scenario(m);
	size_t n = lt_model_nslots(m), ny = lt_model_years(m), k, p;
	double *theta = malloc((n + 1) * sizeof *theta);
	double *z = malloc((s->n_indicators * ny + 1) * sizeof *z);
	lt_model_ws *w = lt_model_ws_alloc(m);
	gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
	lt_mc_sampler smp;
	json_t *a = json_array();

	if (!theta || !z || !w || !rng || lt_mc_sampler_init(&smp, m, 1) != LT_OK)
		abort();
	gsl_rng_set(rng, 2385);
	memcpy(theta, central, n * sizeof *theta);
	for (p = 0; p <= N_RANDOM_PROBES; p++) {
		json_t *zs = json_array();

		if (p > 0)
			lt_mc_draw(&smp, rng, theta, NULL);
		if (lt_model_eval(m, theta, NULL, w, z, NULL, NULL) != LT_OK)
			abort();
		for (k = 0; k < s->n_indicators; k++)
			if (lt_model_dynamic(m, k, NULL))
				json_array_append_new(zs, num_array(z + k * ny, ny));
		json_array_append_new(a, json_pack("{s:o, s:o}", "theta",
		                                   num_array(theta, n), "z", zs));
	}
	lt_mc_sampler_destroy(&smp);
	gsl_rng_free(rng);
	lt_model_ws_free(w);
	free(z);
	free(theta);
	return a;
}

/* The fixed economy: refuse a drawn GRDP growth, base growth or
 * co-financing ratio. */
static int economy_fixed(const lt_model *m, char *err, size_t nerr)
{
	static const lt_slot_kind kinds[] = {LT_SLOT_GRDP_GROWTH,
	                                     LT_SLOT_BASE_GROWTH, LT_SLOT_COFIN};
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		int j = lt_model_find_slot(m, kinds[i], 0);

		if (j >= 0 && lt_model_slot(m, j)->dist.dist != LT_DIST_FIXED)
			return lt_bench_fail(err, nerr, "'%s' is a distribution: the NumPy "
			            "program takes the economy as fixed",
			            lt_model_slot(m, j)->name);
	}
	return 0;
}

static json_t *document(const lt_model *m, const lt_scenario *s, char *err,
                        size_t nerr)
{
	size_t n = lt_model_nslots(m), ny = lt_model_years(m), i;
	double *central = malloc((n + 1) * sizeof *central);
	double *z = malloc((s->n_indicators * ny + 1) * sizeof *z);
	double *ginv = malloc(ny * sizeof *ginv);
	lt_model_ws *w = lt_model_ws_alloc(m);
	json_t *doc = NULL, *ind;
	lt_sim sim;

	if (!central || !z || !ginv || !w || lt_sim_init(&sim, s) != LT_OK)
		abort();
	lt_model_central(m, central);
	if (lt_model_eval(m, central, NULL, w, z, &sim, NULL) != LT_OK)
		abort();
	for (i = 0; i < ny; i++)
		ginv[i] = 100.0 / sim.grdp[i];
	ind = indicators(m, s, z, err, nerr);
	if (ind != NULL)
		doc = json_pack("{s:s, s:i, s:i, s:f, s:o, s:o, s:o, s:o, s:o}",
		    "scenario", s->path, "t0", s->baseline_year, "ny", (int)ny,
		    "gamma", log1p(central[slot_of(m, LT_SLOT_GRDP_GROWTH, 0)] / 100.0),
		    "ginv", num_array(ginv, ny), "slots", slots(m),
		    "channels", channels(m, s, central, &sim), "indicators", ind,
		    "probes", probes(m, central));
	lt_sim_destroy(&sim);
	lt_model_ws_free(w);
	free(ginv);
	free(z);
	free(central);
	return doc;
}

int lt_bench_export(const char *scenario, const char *out, char *err,
                    size_t nerr)
{
	lt_scenario *s;
	lt_model *m;
	json_t *doc = NULL;
	int rc = -1;

	if (lt_scenario_load(&s, scenario, NULL) != LT_OK)
		return lt_bench_fail(err, nerr, "%s: cannot load the scenario", scenario);
	if (lt_model_compile(&m, s, NULL, NULL) != LT_OK) {
		lt_scenario_free(s);
		return lt_bench_fail(err, nerr, "%s: cannot compile the model", scenario);
	}
	if (lt_model_uses_ode(m))
		lt_bench_fail(err, nerr, "%s has spillovers: the NumPy program does the closed "
		     "form only", scenario);
	else if (economy_fixed(m, err, nerr) == 0)
		doc = document(m, s, err, nerr);
	if (doc != NULL) {
		rc = json_dump_file(doc, out, JSON_INDENT(1) | JSON_REAL_PRECISION(17));
		if (rc != 0)
			lt_bench_fail(err, nerr, "%s: cannot write", out);
		json_decref(doc);
	}
	lt_model_free(m);
	lt_scenario_free(s);
	return rc;
}
