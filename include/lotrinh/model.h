/* model.h - the budget-driven model, compiled once and evaluated many
 * times (DESIGN §4, docs/MODEL.md).
 *
 * Spending flows into capital stocks, one per channel:
 *     dK_c/dt = η_c·(P_c(t) + C_c(t)) − δ_c·K_c,
 * with spending constant within each year, so each year has the exact
 * solution K(τ) = K·e^(−δτ) + I·τ·φ(δτ) (no Euler steps).  Capital
 * intensity k_c = 100·K_c/GRDP (% of GRDP), GRDP growing continuously at
 * its yearly rate.  Each indicator lives between a floor L and a ceiling U;
 * its logit z = ln(x/(1−x)), x = (y − L)/(U − L), moves at
 *     dz/dt = r + β·(k_c(t) − k_ref) + Σ_j γ_j·(x_j(t) − x_j(t0)),
 * plus a yearly shock σ·ε (ε ~ N(0, 1)) added at each year boundary when
 * the caller passes shocks.  Without spillovers z gains r + β·(∫k − k_ref)
 * each year, and the integral of the intensity over a year has a closed
 * form (model.c); with spillovers the system is integrated by GSL's odeiv2
 * (Runge-Kutta-Prince-Dormand 8(9), local error below LT_MODEL_ODE_EPS),
 * and the closed form is its test oracle.
 *
 * Two objects.  An lt_model is compiled once per scenario and schedule: it
 * holds everything no uncertain parameter changes (dimensions, spending
 * per channel and year as fixed money and as a fraction of the spending
 * base, each indicator's bounds, start and baseline logit, the topology of
 * spillovers) and the registry of parameters: every number that may be a
 * distribution (r, β, σ per indicator; δ, η per channel; γ per spillover;
 * GRDP growth, spending-base growth and the co-financing ratio), each with
 * its name, its scenario file:line, its distribution and its slot in a
 * flat vector θ.  It is read-only after compilation and may be shared by
 * threads.  An lt_model_ws is one thread's workspace (and its ODE driver,
 * allocated once).  lt_model_eval maps θ (+ shocks) to the indicators'
 * states by year (their logits), allocating nothing and writing only into the workspace
 * and the caller's arrays.  The deterministic run is the evaluation at the
 * central θ (lt_model_central).
 *
 * Time: the value "in year t" is the state at the end of year t; the
 * spending of year t moves the state from t − 1 to t.  The grid runs from
 * the scenario's baseline year t0 to the horizon.  An indicator whose own
 * baseline year b is earlier is carried forward from b to t0 with the
 * historical spending (capital at the steady state of historical
 * spending) and its trend; one whose baseline year is later keeps its
 * value until b and moves from there.  Money in million VND.
 */
#ifndef LT_MODEL_H
#define LT_MODEL_H

#include <stddef.h>

#include "lotrinh/error.h"
#include "lotrinh/scenario.h"

/* Local error tolerance (absolute and relative, in the logit) of the ODE
 * path.  1e-10 in z is far below any printed digit of an indicator (a
 * logit error ε moves y by at most ε·(U − L)/4) and leaves the adaptive
 * stepper a few steps a year. */
#define LT_MODEL_ODE_EPS 1e-10

/* Fewest observations from which r is estimated from the history. */
#define LT_MODEL_R_MIN_OBS 3

typedef enum lt_method {
	LT_METHOD_AUTO,   /* closed form, or the ODE when there are spillovers */
	LT_METHOD_CLOSED, /* closed form (spillovers ignored: only for tests) */
	LT_METHOD_ODE     /* gsl_odeiv2 */
} lt_method;

/* What a parameter of the registry is. */
typedef enum lt_slot_kind {
	LT_SLOT_R,           /* an indicator's business-as-usual logit rate */
	LT_SLOT_BETA,        /* an indicator's responsiveness */
	LT_SLOT_SIGMA,       /* an indicator's yearly shock, sd in the logit */
	LT_SLOT_DELTA,       /* a channel's depreciation rate */
	LT_SLOT_ETA,         /* a channel's share of spending that is capital */
	LT_SLOT_GAMMA,       /* a spillover's strength */
	LT_SLOT_GRDP_GROWTH, /* GRDP growth, % a year */
	LT_SLOT_BASE_GROWTH, /* spending-base growth, % a year */
	LT_SLOT_COFIN        /* co-financing ratio, non-state per public VND */
} lt_slot_kind;

/* One parameter of the registry. */
typedef struct lt_slot {
	lt_slot_kind kind;
	size_t owner;        /* indicator or channel index (or the indicator
	                        receiving a spillover); 0 for the economy */
	size_t from;         /* GAMMA: the indicator the spillover comes from */
	char name[96];       /* e.g. "beta of pii", "GRDP growth" */
	lt_param dist;       /* its distribution (LT_DIST_FIXED when a number) */
	double central;      /* its value in the deterministic run */
	const char *file;    /* the scenario file (borrowed) */
	int line;            /* where it is given; 0 when derived */
	char origin[160];    /* where the value comes from, for people */
} lt_slot;

typedef struct lt_model lt_model;
typedef struct lt_model_ws lt_model_ws;

/* A detailed trajectory, for display: arrays by year t0..t1 (ny values),
 * channel-major [c*ny+i] and indicator-major [k*ny+i]. */
typedef struct lt_sim {
	int t0, t1;
	size_t ny, nc, ni;
	double *grdp, *base;         /* [ny] */
	double *public_, *cofin;     /* [ny] totals of the year; 0 at t0 */
	double *share;               /* [ny] public spending, % of the base */
	double *capital;             /* [nc*ny] K at the end of the year */
	double *intensity;           /* [nc*ny] 100·K/GRDP */
	double *value;               /* [ni*ny] NAN when not simulated */
} lt_sim;

/* Compile scenario S under schedule SCHED (NULL: the scenario's own) into
 * *OUT (caller frees with lt_model_free).  Returns LT_OK; LT_EINVAL when a
 * channel with δ = 0 has no capital0 (message in DIAG); LT_ENOMEM. */
int lt_model_compile(lt_model **out, const lt_scenario *s,
                     const lt_schedule *sched, lt_diag *diag);

/* Replace the spending schedule of M by SCHED (NULL: the scenario's),
 * keeping everything else; no allocation.  Not while another thread
 * evaluates M. */
void lt_model_set_schedule(lt_model *m, const lt_schedule *sched);

/* Choose the method (default LT_METHOD_AUTO) and the ODE tolerance (0:
 * LT_MODEL_ODE_EPS).  Not while another thread evaluates M. */
void lt_model_set_method(lt_model *m, lt_method method, double eps);

void lt_model_free(lt_model *m);

/* The scenario M was compiled from (borrowed). */
const lt_scenario *lt_model_scenario(const lt_model *m);

/* Dimensions: years on the grid (t0..horizon), indicators, channels. */
size_t lt_model_years(const lt_model *m);

/* 1 when indicator K is simulated; else 0 and *WHY (borrowed) says why. */
int lt_model_dynamic(const lt_model *m, size_t k, const char **why);

/* 1 when the evaluation integrates the ODE (spillovers present). */
int lt_model_uses_ode(const lt_model *m);

/* The registry: number of slots, and slot I (borrowed). */
size_t lt_model_nslots(const lt_model *m);
const lt_slot *lt_model_slot(const lt_model *m, size_t i);

/* The slot of KIND for OWNER (indicator or channel; 0 for the economy),
 * or -1 when there is none (a rank has no r, β or σ). */
int lt_model_find_slot(const lt_model *m, lt_slot_kind kind, size_t owner);

/* Store the central θ (the deterministic run) in THETA[nslots]. */
void lt_model_central(const lt_model *m, double *theta);

/* A workspace for evaluating M in one thread; NULL when out of memory.
 * Free with lt_model_ws_free (NULL does nothing). */
lt_model_ws *lt_model_ws_alloc(const lt_model *m);
void lt_model_ws_free(lt_model_ws *w);

/* Evaluate M at THETA[nslots].  EPS, when not NULL, holds standard normal
 * shocks [k*ny + i] for indicator k and year index i (i >= 1; the shock of
 * year i is added to the logit at the end of that year, times σ_k).
 * Z[ni*ny] receives each indicator's state by year as its logit z =
 * ln(x/(1 − x)) (NAN when it is not simulated): the hot path forms no
 * value, since quantiles and target tests commute with the logistic map;
 * lt_model_values maps logits to values.  DETAIL, when not NULL, is
 * lt_sim_init'ed for the scenario and receives spending, capital,
 * intensity and the values.  Allocates nothing.  Returns LT_OK, LT_EINVAL
 * (a θ outside its domain: not finite, a negative δ, η outside [0, 1], a
 * growth at or below −100 %; DIAG says which slot), or LT_ENOCONV when the
 * ODE stepper fails. */
int lt_model_eval(const lt_model *m, const double *theta, const double *eps,
                  lt_model_ws *w, double *z, lt_sim *detail, lt_diag *diag);

/* Map the logits Z[ni*ny] of an evaluation to values VALUE[ni*ny] in the
 * indicators' units: L + (U − L)/(1 + e^(−z)); the baseline exactly in and
 * before an indicator's own baseline year; NAN when not simulated. */
void lt_model_values(const lt_model *m, const double *z, double *value);

/* The same for one logit Z of indicator K in year index I. */
double lt_model_value(const lt_model *m, size_t k, size_t i, double z);

/* The logit of value Y of indicator K (its floor and ceiling); -inf at or
 * below the floor, +inf at or above the ceiling, so comparisons with it
 * keep their sense for a target at or past a bound. */
double lt_model_logit(const lt_model *m, size_t k, double y);

int lt_sim_init(lt_sim *sim, const lt_scenario *s);
void lt_sim_destroy(lt_sim *sim);

/* The first year in FROM..t1 whose value of indicator K meets its target
 * (0 when none); for a target on a period's mean, its year when the mean
 * meets it, else 0. */
int lt_sim_year_met(const lt_sim *sim, const lt_indicator *ind, size_t k,
                    int from);

#endif /* LT_MODEL_H */
