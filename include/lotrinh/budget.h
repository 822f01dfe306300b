/* budget.h - money over time: GRDP, the spending base, and what the plan's
 * programmes spend each year (DESIGN §4, "Economy" and "Budget").
 *
 * GRDP(t) = G0·(1+g)^(t−t_G) and the spending base E(t) = E0·(1+g_E)^(t−t_E)
 * grow at constant nominal rates from the year their level is given.  A
 * task's amount is spread evenly over the years of its period, or of each
 * sub-period of its split when the plan gives one.  All money is in million
 * VND.
 */
#ifndef LT_BUDGET_H
#define LT_BUDGET_H

#include "lotrinh/scenario.h"

/* GRDP in YEAR, million VND: the scenario's GRDP grown at its rate. */
double lt_economy_grdp(const lt_economy *e, int year);

/* The spending base in YEAR, million VND. */
double lt_budget_base(const lt_budget *b, int year);

/* What task T spends in YEAR: *STATE and *OTHER receive the state-budget
 * and other amounts (0 outside the task's years; state 0 for a task the
 * plan does not cost).  The state amount follows the task's split when it
 * has one; the other amount is spread over the whole period. */
void lt_task_in_year(const lt_task *t, int year, double *state, double *other);

/* The first and last year any task of the scenario's programmes covers;
 * returns 0, or -1 when there are no programmes. */
int lt_programs_years(const lt_scenario *s, int *first, int *last);

#endif /* LT_BUDGET_H */
