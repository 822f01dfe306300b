/* simulate.h - what a budget schedule buys, next to business as usual.
 *
 * The engine behind `lotrinh simulate`: the deterministic run (the model at
 * its central θ, model.h) under a schedule and under business as usual,
 * today's share of the spending base kept every year, with each
 * indicator's trend r as its prior or history gives it (docs/MODEL.md).
 * Returns plain data; the command renders it.
 */
#ifndef LT_SIMULATE_H
#define LT_SIMULATE_H

#include <stddef.h>

#include "lotrinh/error.h"
#include "lotrinh/mc.h"
#include "lotrinh/model.h"
#include "lotrinh/scenario.h"

/* One indicator of a simulation. */
typedef struct lt_sim_indicator {
	int dynamic;          /* simulated */
	char why[200];        /* why not, or where r comes from */
	double r, beta;       /* central values; NAN when not simulated */
	char beta_why[160];   /* where β comes from */
	int year_met;         /* first year the plan meets the target; 0 none */
	int bau_year_met;     /* the same under business as usual */
	lt_met at_target;     /* the plan's value in the target year */
} lt_sim_indicator;

typedef struct lt_simulation {
	lt_schedule schedule;  /* the schedule run (a copy; borrowed arrays) */
	double today_share;    /* business as usual: % of the base kept */
	lt_sim plan, bau;
	size_t n;              /* indicators */
	lt_sim_indicator *ind; /* [n] */
} lt_simulation;

/* Run scenario S under SCHED (NULL: the scenario's own) and under business
 * as usual into *OUT (free with lt_simulation_destroy).  Returns LT_OK, or
 * an error of the model (LT_EINVAL, LT_ENOCONV, LT_ENOMEM) with *OUT
 * empty. */
int lt_simulate_run(const lt_scenario *s, const lt_schedule *sched,
                    lt_simulation *out, lt_diag *diag);
void lt_simulation_destroy(lt_simulation *r);

/* Monte Carlo of scenario S under SCHED (NULL: the scenario's own): the
 * model compiled for that schedule and lt_mc_run with options O into *OUT
 * (free with lt_mc_result_destroy).  Returns as lt_mc_run. */
int lt_simulate_mc(const lt_scenario *s, const lt_schedule *sched,
                   const lt_mc_opts *o, lt_mc_result *out, lt_diag *diag);

#endif /* LT_SIMULATE_H */
