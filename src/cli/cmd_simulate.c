/* cmd_simulate.c - `lotrinh simulate SCENARIO`: what a budget schedule
 * buys, year by year, next to business as usual (today's share kept). */
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/budget.h"
#include "lotrinh/cli.h"
#include "lotrinh/model.h"
#include "lotrinh/simulate.h"
#include "lotrinh/report.h"
#include "lotrinh/scenario.h"
#include "lotrinh/text.h"

const char lt_usage_simulate[] =
	"Usage: lotrinh simulate [--share S | --ramp S0:S1:YEAR |\n"
	"                         --schedule programs|scenario]\n"
	"                        [--indicator ID] [--format table|csv|json] SCENARIO\n"
	"\n"
	"Run the model (docs/MODEL.md) under a budget schedule and show, per\n"
	"indicator and year, the value, the roadmap's milestone, the gap between\n"
	"them and the first year the target is met, next to business as usual:\n"
	"today's share of the spending base kept every year.  Also the public\n"
	"spending, co-financing, capital and capital intensity per year.\n"
	"\n"
	"Schedule (default: the scenario's own):\n"
	"  --share S            a constant S % of the spending base every year\n"
	"  --ramp S0:S1:YEAR    from S0 % in the baseline year to S1 % in YEAR,\n"
	"                       constant after\n"
	"  --schedule programs  what the plan's programmes spend each year\n"
	"  --schedule scenario  the scenario's schedule\n"
	"\n"
	"Options:\n"
	"  --indicator ID           only this indicator\n"
	"  --format table|csv|json  output format (default table)\n"
	"  -h, --help               show this help\n"
	"\n"
	"Ranks get paths and audits only: simulate lists them without dynamics.\n"
	"Exit status: 0 on success, 1 when the ODE solver fails, 2 on bad usage\n"
	"or an invalid scenario.\n";

/* What is wrong with a ramp, if anything. */
enum ramp_error { RAMP_OK, RAMP_FORM, RAMP_SHARE, RAMP_YEAR };

static int valid_share(double v)
{
	return v >= 0.0 && v <= 100.0;
}

/* Parse "S0:S1:YEAR" into a ramp, saying which part is wrong. */
static enum ramp_error parse_ramp(char *arg, lt_schedule *sc)
{
	char *a = arg, *b = strchr(arg, ':'), *c;
	long year;

	if (b == NULL || (c = strchr(b + 1, ':')) == NULL)
		return RAMP_FORM;
	*b++ = '\0';
	*c++ = '\0';
	if (lt_parse_double(a, &sc->from_pct) != 0 ||
	    lt_parse_double(b, &sc->to_pct) != 0 || !valid_share(sc->from_pct) ||
	    !valid_share(sc->to_pct))
		return RAMP_SHARE;
	if (lt_parse_long(c, &year) != 0 || year != (int)year)
		return RAMP_YEAR;
	sc->kind = LT_SCHED_RAMP;
	sc->to_year = (int)year;
	return RAMP_OK;
}

/* The schedule options shared by simulate: fills *SC and *GIVEN. */
struct sched_opts {
	int given;
	int programs;      /* --schedule programs */
	lt_schedule sc;
};

static int check_schedule(const lt_scenario *s, struct sched_opts *o)
{
	if (!o->given)
		return LT_EXIT_OK;
	if (o->programs) {
		if (!s->has_programs)
			return lt_cli_usage_error("simulate", "'--schedule programs' "
			                          "needs a scenario with a 'programs' "
			                          "section (%s has none)", s->path);
		o->sc.kind = LT_SCHED_PROGRAMS;
	}
	if (o->sc.kind == LT_SCHED_RAMP &&
	    (o->sc.to_year <= s->baseline_year || o->sc.to_year > s->horizon))
		return lt_cli_usage_error("simulate", "the year of '--ramp' must be "
		                          "after the baseline %d and at most the "
		                          "horizon %d (got %d)", s->baseline_year,
		                          s->horizon, o->sc.to_year);
	return LT_EXIT_OK;
}

static const char *schedule_text(const lt_scenario *s, const lt_schedule *sc,
                                 char *buf, size_t size)
{
	switch (sc->kind) {
	case LT_SCHED_CONSTANT:
		snprintf(buf, size, "%.4g%% of the base every year", sc->share_pct);
		break;
	case LT_SCHED_RAMP:
		snprintf(buf, size, "from %.4g%% in %d to %.4g%% in %d", sc->from_pct,
		         s->baseline_year, sc->to_pct, sc->to_year);
		break;
	case LT_SCHED_PER_YEAR:
		snprintf(buf, size, "the scenario's shares by year");
		break;
	case LT_SCHED_PROGRAMS:
		snprintf(buf, size, "what the plan's programmes spend each year");
		break;
	}
	return buf;
}

static const char *cell(double v, int dec, char *buf, size_t size)
{
	if (isnan(v))
		snprintf(buf, size, "–");
	else
		lt_format_number(v, dec, 0, LT_LANG_EN, buf, size);
	return buf;
}

static void print_budget_table(const lt_scenario *s, const lt_sim *sim,
                               const lt_sim *bau)
{
	lt_table *t = lt_table_alloc(1 + sim->ny - 1);
	char b[64];
	size_t i, c;

	if (t == NULL)
		return;
	lt_table_set_header(t, 0, "million VND", LT_LEFT);
	for (i = 1; i < sim->ny; i++) {
		snprintf(b, sizeof b, "%d", sim->t0 + (int)i);
		lt_table_set_header(t, i, b, LT_RIGHT);
	}
	lt_table_add_row(t);
	lt_table_set(t, 0, "public spending");
	for (i = 1; i < sim->ny; i++)
		lt_table_set(t, i, cell(sim->public_[i], 0, b, sizeof b));
	lt_table_add_row(t);
	lt_table_set(t, 0, "  % of the base");
	for (i = 1; i < sim->ny; i++)
		lt_table_set(t, i, cell(sim->share[i], 2, b, sizeof b));
	lt_table_add_row(t);
	lt_table_set(t, 0, "  % of GRDP");
	for (i = 1; i < sim->ny; i++)
		lt_table_set(t, i, cell(100.0 * sim->public_[i] / sim->grdp[i], 3, b,
		                        sizeof b));
	lt_table_add_row(t);
	lt_table_set(t, 0, "co-financing");
	for (i = 1; i < sim->ny; i++)
		lt_table_set(t, i, cell(sim->cofin[i], 0, b, sizeof b));
	lt_table_add_row(t);
	lt_table_set(t, 0, "business as usual");
	for (i = 1; i < sim->ny; i++)
		lt_table_set(t, i, cell(bau->public_[i], 0, b, sizeof b));
	for (c = 0; c < sim->nc; c++) {
		lt_table_add_row(t);
		lt_table_setf(t, 0, "capital: %s", s->channels[c].id);
		for (i = 1; i < sim->ny; i++)
			lt_table_set(t, i, cell(sim->capital[c * sim->ny + i], 0, b,
			                        sizeof b));
		lt_table_add_row(t);
		lt_table_setf(t, 0, "  intensity (BAU)");
		for (i = 1; i < sim->ny; i++) {
			char x[32], y[32];
			lt_table_setf(t, i, "%s (%s)",
			              cell(sim->intensity[c * sim->ny + i], 2, x, sizeof x),
			              cell(bau->intensity[c * sim->ny + i], 2, y, sizeof y));
		}
	}
	lt_table_print(t, stdout, 2);
	lt_table_free(t);
}

static const char *met_text(const lt_sim *sim, const lt_indicator *ind,
                            size_t k, char *buf, size_t size)
{
	int y = lt_sim_year_met(sim, ind, k, sim->t0);

	if (y > 0)
		snprintf(buf, size, "met in %d", y);
	else
		snprintf(buf, size, "not met by %d", sim->t1);
	return buf;
}

static void print_indicator(const lt_scenario *s, const lt_simulation *r,
                            size_t k)
{
	const lt_indicator *ind = &s->indicators[k];
	lt_table *t;
	char a[48], b[48];
	size_t i, m;
	const lt_sim *sim = &r->plan, *bau = &r->bau;
	const lt_sim_indicator *x = &r->ind[k];

	printf("\n%s (%s), %s\n", ind->name, ind->id, ind->unit);
	if (!x->dynamic) {
		printf("  not simulated: %s\n", x->why);
		return;
	}
	printf("  r = %.4g a year (%s), beta = %.4g per point of GRDP\n", x->r,
	       x->why, x->beta);
	t = lt_table_alloc(5);
	if (t == NULL)
		return;
	lt_table_set_header(t, 0, "year", LT_RIGHT);
	lt_table_set_header(t, 1, "milestone", LT_RIGHT);
	lt_table_set_header(t, 2, "scenario", LT_RIGHT);
	lt_table_set_header(t, 3, "gap", LT_RIGHT);
	lt_table_set_header(t, 4, "business as usual", LT_RIGHT);
	for (i = 0; i < sim->ny; i++) {
		int year = sim->t0 + (int)i;
		double val = sim->value[k * sim->ny + i], ms = NAN;

		for (m = 0; m < ind->milestones.n; m++)
			if (ind->milestones.pts[m].year == year)
				ms = ind->milestones.pts[m].value;
		lt_table_add_row(t);
		lt_table_setf(t, 0, "%d", year);
		lt_table_set(t, 1, cell(ms, 2, a, sizeof a));
		lt_table_set(t, 2, cell(val, 2, a, sizeof a));
		lt_table_set(t, 3, isnan(ms) ? "" : cell(val - ms, 2, b, sizeof b));
		lt_table_set(t, 4, cell(bau->value[k * sim->ny + i], 2, a, sizeof a));
	}
	lt_table_print(t, stdout, 2);
	lt_table_free(t);
	printf("  target %s %.6g in %d: %s; business as usual: %s\n",
	       ind->target.is_range ? "range from" : ind->target.direction > 0
	       ? ">=" : "<=", ind->target.is_range ? ind->target.min
	       : ind->target.value, ind->target.year,
	       met_text(sim, ind, k, a, sizeof a), met_text(bau, ind, k, b, sizeof b));
}

static void csv_out(const lt_scenario *s, const lt_sim *sim, const lt_sim *bau,
                    const char *only)
{
	static const char *const head[] = {"indicator", "year", "milestone",
	    "value", "gap", "bau", "public_spending", "share_pct", "cofinancing"};
	char f[7][40], y[16];
	size_t k, i, m;

	lt_csv_row(stdout, head, 9);
	for (k = 0; k < s->n_indicators; k++) {
		const lt_indicator *ind = &s->indicators[k];

		if (only != NULL && strcmp(only, ind->id) != 0)
			continue;
		for (i = 0; i < sim->ny; i++) {
			const char *row[9];
			double ms = NAN, val = sim->value[k * sim->ny + i];

			for (m = 0; m < ind->milestones.n; m++)
				if (ind->milestones.pts[m].year == sim->t0 + (int)i)
					ms = ind->milestones.pts[m].value;
			snprintf(y, sizeof y, "%d", sim->t0 + (int)i);
			row[0] = ind->id;
			row[1] = y;
			row[2] = lt_format_plain(ms, f[0], sizeof f[0]);
			row[3] = lt_format_plain(val, f[1], sizeof f[1]);
			row[4] = lt_format_plain(val - ms, f[2], sizeof f[2]);
			row[5] = lt_format_plain(bau->value[k * sim->ny + i], f[3],
			                         sizeof f[3]);
			row[6] = lt_format_plain(sim->public_[i], f[4], sizeof f[4]);
			row[7] = lt_format_plain(sim->share[i], f[5], sizeof f[5]);
			row[8] = lt_format_plain(sim->cofin[i], f[6], sizeof f[6]);
			lt_csv_row(stdout, row, 9);
		}
	}
}

static json_t *jnum(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static json_t *series(const double *x, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, jnum(x[i]));
	return a;
}

static int json_out(const lt_scenario *s, const lt_simulation *r,
                    const char *only)
{
	const lt_sim *sim = &r->plan, *bau = &r->bau;
	json_t *root = json_object(), *inds = json_array(), *ch = json_array();
	size_t k, c;
	int rc;

	json_object_set_new(root, "scenario", json_string(s->path));
	json_object_set_new(root, "first_year", json_integer(sim->t0));
	json_object_set_new(root, "public_spending", series(sim->public_, sim->ny));
	json_object_set_new(root, "share_pct", series(sim->share, sim->ny));
	json_object_set_new(root, "cofinancing", series(sim->cofin, sim->ny));
	json_object_set_new(root, "grdp", series(sim->grdp, sim->ny));
	json_object_set_new(root, "spending_base", series(sim->base, sim->ny));
	json_object_set_new(root, "bau_public_spending",
	                    series(bau->public_, sim->ny));
	for (c = 0; c < sim->nc; c++) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_string(s->channels[c].id));
		json_object_set_new(o, "capital",
		                    series(sim->capital + c * sim->ny, sim->ny));
		json_object_set_new(o, "intensity",
		                    series(sim->intensity + c * sim->ny, sim->ny));
		json_array_append_new(ch, o);
	}
	json_object_set_new(root, "channels", ch);
	for (k = 0; k < s->n_indicators; k++) {
		const lt_indicator *ind = &s->indicators[k];
		json_t *o;
		int y;

		if (only != NULL && strcmp(only, ind->id) != 0)
			continue;
		o = json_object();
		json_object_set_new(o, "id", json_string(ind->id));
		json_object_set_new(o, "simulated", json_boolean(r->ind[k].dynamic));
		json_object_set_new(o, "note", json_string(r->ind[k].why));
		if (r->ind[k].dynamic) {
			json_object_set_new(o, "r", jnum(r->ind[k].r));
			json_object_set_new(o, "beta", jnum(r->ind[k].beta));
			json_object_set_new(o, "values",
			                    series(sim->value + k * sim->ny, sim->ny));
			json_object_set_new(o, "bau", series(bau->value + k * sim->ny,
			                                     sim->ny));
			y = lt_sim_year_met(sim, ind, k, sim->t0);
			json_object_set_new(o, "year_met", y ? json_integer(y) : json_null());
			y = lt_sim_year_met(bau, ind, k, sim->t0);
			json_object_set_new(o, "bau_year_met",
			                    y ? json_integer(y) : json_null());
		}
		json_array_append_new(inds, o);
	}
	json_object_set_new(root, "indicators", inds);
	rc = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
	fputc('\n', stdout);
	json_decref(root);
	return rc == 0 ? LT_EXIT_OK : LT_EXIT_ENV;
}

static int run(const lt_scenario *s, const lt_schedule *sc, const char *only,
               lt_format format)
{
	lt_simulation r;
	lt_diag d;
	char buf[160];
	size_t k;
	int status = LT_EXIT_OK, rc;

	lt_diag_init(&d, s->path);
	rc = lt_simulate_run(s, sc, &r, &d);
	if (rc != LT_OK) {
		lt_cli_print_diag(&d);
		lt_diag_destroy(&d);
		return rc == LT_EINVAL ? LT_EXIT_USAGE : rc == LT_ENOMEM ? LT_EXIT_ENV
		       : LT_EXIT_FAIL;
	}
	if (format == LT_FORMAT_CSV) {
		csv_out(s, &r.plan, &r.bau, only);
	} else if (format == LT_FORMAT_JSON) {
		status = json_out(s, &r, only);
	} else {
		printf("Simulation — %s (%s)\n", s->province.name, s->path);
		printf("Schedule: %s\n", schedule_text(s, &r.schedule, buf,
		       sizeof buf));
		printf("Business as usual: today's share, %.4g%% of the base, kept\n\n",
		       r.today_share);
		print_budget_table(s, &r.plan, &r.bau);
		for (k = 0; k < s->n_indicators; k++)
			if (only == NULL || strcmp(only, s->indicators[k].id) == 0)
				print_indicator(s, &r, k);
	}
	lt_simulation_destroy(&r);
	lt_diag_destroy(&d);
	return status;
}

int lt_cmd_simulate(int argc, char **argv)
{
	enum { OPT_FORMAT = CHAR_MAX + 1, OPT_INDICATOR, OPT_RAMP, OPT_SCHEDULE,
	       OPT_SHARE };
	static const struct option opts[] = {
		{"format", required_argument, NULL, OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{"indicator", required_argument, NULL, OPT_INDICATOR},
		{"ramp", required_argument, NULL, OPT_RAMP},
		{"schedule", required_argument, NULL, OPT_SCHEDULE},
		{"share", required_argument, NULL, OPT_SHARE},
		{NULL, 0, NULL, 0},
	};
	struct sched_opts so;
	lt_format format = LT_FORMAT_TABLE;
	const char *only = NULL;
	lt_scenario *s;
	int o, status, n_sched = 0;

	memset(&so, 0, sizeof so);
	optind = 0;
	opterr = 0;
	while ((o = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (o) {
		case 'h':
			fputs(lt_usage_simulate, stdout);
			return LT_EXIT_OK;
		case OPT_FORMAT:
			if (lt_format_parse(optarg, &format) != 0)
				return lt_cli_usage_error("simulate", "'--format' must be "
				                          "table, csv or json (got '%s')", optarg);
			break;
		case OPT_INDICATOR:
			only = optarg;
			break;
		case OPT_SHARE:
			n_sched++;
			so.given = 1;
			so.sc.kind = LT_SCHED_CONSTANT;
			if (lt_parse_double(optarg, &so.sc.share_pct) != 0 ||
			    !valid_share(so.sc.share_pct))
				return lt_cli_usage_error("simulate", "'--share' must be a "
				                          "number from 0 to 100 (got '%s')",
				                          optarg);
			break;
		case OPT_RAMP: {
			static const char *const why[] = {NULL,
			    "must be S0:S1:YEAR, e.g. 1:3:2028",
			    "must have shares S0 and S1 from 0 to 100, as in 1:3:2028",
			    "must end in a whole year, as in 1:3:2028"};
			char copy[128];
			enum ramp_error e;

			n_sched++;
			so.given = 1;
			snprintf(copy, sizeof copy, "%s", optarg);
			e = parse_ramp(copy, &so.sc);
			if (e != RAMP_OK)
				return lt_cli_usage_error("simulate", "'--ramp' %s (got "
				                          "'%s')", why[e], optarg);
			break;
		}
		case OPT_SCHEDULE:
			n_sched++;
			if (strcmp(optarg, "programs") == 0)
				so.given = so.programs = 1;
			else if (strcmp(optarg, "scenario") != 0)
				return lt_cli_usage_error("simulate", "'--schedule' must be "
				                          "programs or scenario (got '%s')",
				                          optarg);
			break;
		default:
			return lt_cli_bad_option("simulate", o, argv);
		}
	}
	if (n_sched > 1)
		return lt_cli_usage_error("simulate", "give one of '--share', "
		                          "'--ramp' and '--schedule'");
	if (lt_cli_load_operand("simulate", argc, argv, only, &s) != LT_EXIT_OK)
		return LT_EXIT_USAGE;
	status = check_schedule(s, &so);
	if (status == LT_EXIT_OK)
		status = run(s, so.given ? &so.sc : NULL, only, format);
	lt_scenario_free(s);
	return status;
}
