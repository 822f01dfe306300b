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

/* The share of the spending base (%) schedule SC plans in YEAR, for the
 * constant, ramp and per-year kinds (a ramp runs linearly from from_pct in
 * BASELINE_YEAR to to_pct in to_year, constant after; a per-year schedule
 * keeps the last listed share, the first one before it).  NAN for a
 * "programs" schedule, whose shares follow from the programmes. */
double lt_schedule_share(const lt_schedule *sc, int baseline_year, int year);

/* Today's share of the base (%): the last share_history value; else the
 * last spending_history amount as a share of the base in its year; else
 * the scenario schedule's share in the baseline year (0 for programmes). */
double lt_budget_today_share(const lt_scenario *s);

/* Spending in YEAR by channel under schedule SC (NULL: the scenario's):
 * PUBLIC[c] and COFIN[c] receive the state and the non-state money,
 * million VND, for each of the scenario's channels.  A "programs" schedule
 * spends each task's amounts through its group's channel; other schedules
 * spend share × base split by the channels' allocations.  Co-financing is
 * ratio × public, or the programmes' other amounts through their groups'
 * channels, or none. */
void lt_budget_year(const lt_scenario *s, const lt_schedule *sc, int year,
                    double *public_c, double *cofin_c);

/* Add the programmes' YEAR amounts to each channel: state money into
 * PUBLIC_C[c] (when not NULL), other money into COFIN_C[c] (when not NULL),
 * through each task's group's channel; the arrays are added to, not
 * cleared. */
void lt_programs_year(const lt_scenario *s, int year, double *public_c,
                      double *cofin_c);

/* Years of history averaged for the historical level of spending. */
#define LT_HISTORY_YEARS 4

/* An amount of money that grows with the spending base:
 * amount·(1 + g_E)^years, million VND. */
typedef struct lt_money_term {
	double amount;
	int years;
} lt_money_term;

/* The terms whose mean is the historical yearly public spending (the last
 * LT_HISTORY_YEARS years of spending_history, as money; else of
 * share_history, as share × the base in its year, which depends on the
 * base's growth) into TERMS (room for LT_HISTORY_YEARS); returns their
 * number, 0 when the scenario has no history.  Lets the model recompute
 * the history for any base growth. */
size_t lt_budget_history_terms(const lt_scenario *s, lt_money_term *terms);

/* The mean yearly public spending of the history (the last four years of
 * spending_history, or share_history × base), million VND; NAN when the
 * scenario has no history. */
double lt_budget_history_mean(const lt_scenario *s);

#endif /* LT_BUDGET_H */
