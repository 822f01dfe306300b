/* model.h - one deterministic trajectory for a budget schedule (DESIGN §4).
 *
 * Spending flows into capital stocks, one per channel:
 *     dK_c/dt = η_c·(P_c(t) + C_c(t)) − δ_c·K_c,
 * with spending constant within each year, so each year has the exact
 * solution K(τ) = K·e^(−δτ) + (I/δ)(1 − e^(−δτ)) (no Euler steps).
 * Capital intensity k_c = 100·K_c/GRDP (% of GRDP), GRDP growing
 * continuously at its yearly rate.  Each indicator lives between a floor L
 * and a ceiling U; its logit z = ln(x/(1−x)), x = (y − L)/(U − L), moves at
 *     dz/dt = r + β·(k_c(t) − k_c(t0)) + Σ_j γ_j·(x_j(t) − x_j(t0)).
 * Without spillovers z(t) = z(t0) + ∫ρ, and the integral of the intensity
 * over a year has a closed form (model.c); with spillovers the system is
 * integrated by GSL's odeiv2 (Runge-Kutta-Prince-Dormand 8(9), local error
 * below LT_MODEL_ODE_EPS), and the closed form is its test oracle.
 *
 * Time: the value "in year t" is the state at the end of year t; the
 * spending of year t moves the state from t − 1 to t.  The baseline is the
 * state in the baseline year.  Money in million VND.
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

/* Parameter values for one run, one per channel and per indicator. */
typedef struct lt_model_values {
	size_t nc, ni;
	double *delta, *eta;   /* [nc] a year; share of spending that is capital */
	double *capital0;      /* [nc] K(t0), million VND */
	double *r, *beta;      /* [ni] rate a year in the logit; per point of GRDP */
	double *lo, *hi;       /* [ni] floor and ceiling */
	int *dynamic;          /* [ni] 1 when the indicator is simulated */
	char (*note)[200];     /* [ni] why it is not, or where r comes from */
} lt_model_values;

/* Central values of scenario S: numbers as given, distributions at their
 * mean; r from the scenario, else the slope of the logit of the history
 * (at least LT_MODEL_R_MIN_OBS observations), else 0 (no drift without
 * evidence); β 0 when not given; K(t0) from capital0, else the steady
 * state of historical spending, η·a_c·H·(1+λ)/δ.  Returns LT_OK, LT_EINVAL
 * (a channel with δ = 0 and no capital0) or LT_ENOMEM. */
int lt_model_values_init(lt_model_values *v, const lt_scenario *s,
                         lt_diag *diag);
void lt_model_values_destroy(lt_model_values *v);

/* Fewest observations from which r is estimated. */
#define LT_MODEL_R_MIN_OBS 3

/* A trajectory: arrays by year t0..t1 (ny values), channel-major [c*ny+i]
 * and indicator-major [k*ny+i]. */
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

int lt_sim_init(lt_sim *sim, const lt_scenario *s);
void lt_sim_destroy(lt_sim *sim);

typedef enum lt_method {
	LT_METHOD_AUTO,   /* closed form, or the ODE when there are spillovers */
	LT_METHOD_CLOSED, /* closed form (spillovers ignored: only for tests) */
	LT_METHOD_ODE     /* gsl_odeiv2 */
} lt_method;

/* Run scenario S with values V under schedule SCHED (NULL: the scenario's
 * own) into SIM (lt_sim_init'ed for S).  EPS is the ODE tolerance (0:
 * LT_MODEL_ODE_EPS).  Returns LT_OK, or LT_ENOCONV when the ODE stepper
 * fails (message in DIAG). */
int lt_model_run(const lt_scenario *s, const lt_model_values *v,
                 const lt_schedule *sched, lt_method method, double eps,
                 lt_sim *sim, lt_diag *diag);

/* The first year in FROM..t1 whose value of indicator K meets its target
 * (0 when none). */
int lt_sim_year_met(const lt_sim *sim, const lt_indicator *ind, size_t k,
                    int from);

#endif /* LT_MODEL_H */
