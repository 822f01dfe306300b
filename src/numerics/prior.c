/* prior.c - the table of business-as-usual priors (see prior.h and
 * docs/MODEL.md, "Business as usual"). */
#include "lotrinh/prior.h"

#include <string.h>

/* Vietnam's digital economy, GSO official series: 12.66 % of GDP (2020)
 * to 13.17 % (2024); the logit's slope is
 * (ln(0.1317/0.8683) − ln(0.1266/0.8734)) / 4 = 0.01135 a year. */
#define DIGITAL_ECONOMY_RATE 0.01135

const lt_prior lt_priors[] = {
	{"digital_economy", 0, DIGITAL_ECONOMY_RATE,
	 "GSO, digital economy share of GDP 2020-2024 (12.66 % to 13.17 %, "
	 "release of 6 Jan 2025): the logit's slope, 0.0114 a year"},
	{"innovation_index", 1, 1.0,
	 "1 index point a year, the middle of the typical 0-2 points a year "
	 "of provincial PII scores (MOST, PII 2023-2024 reports)"},
	{"adoption", 0, 0.38,
	 "diffusion of a practice among residents or procedures: the Bass "
	 "model's imitation coefficient q = 0.38 (mean over 213 applications, "
	 "Sultan, Farley and Lehmann 1990)"},
	{"enterprises", 0, 0.148,
	 "assumption: firm counts grow as Vietnam's internet economy, 16 % a "
	 "year in 2024 (Google, Temasek and Bain, e-Conomy SEA 2024), "
	 "ln 1.16 = 0.148 in the logit far below the ceiling; no series of "
	 "firm counts was found"},
	{"residual_share", 0, 0.0,
	 "assumption: a residual share such as TFP's contribution to growth "
	 "has no trend of its own"},
	{NULL, 0, 0.0, NULL},
};

const lt_prior *lt_prior_find(const char *name)
{
	size_t i;

	if (name == NULL)
		return NULL;
	for (i = 0; lt_priors[i].name != NULL; i++)
		if (strcmp(lt_priors[i].name, name) == 0)
			return &lt_priors[i];
	return NULL;
}

double lt_prior_rate(const lt_prior *p, double x0, double width)
{
	if (!p->is_pace)
		return p->value;
	return p->value / (width * x0 * (1.0 - x0));
}
