/* prior.c - the table of priors by kind of indicator (see prior.h and
 * docs/MODEL.md, "Priors", where each number is derived). */
#include "lotrinh/prior.h"

#include <math.h>
#include <string.h>

/* r of the digital economy, logit of the share of GDP (ceiling 100 %):
 * GSO's national series 12.66 % (2020) to 13.17 % (2024) gives
 * (ln(0.1317/0.8683) − ln(0.1266/0.8734))/4 = 0.0114 a year (the mode);
 * China's 20.9 % (2012) to 39.8 % (2021), the fastest sustained rise
 * found (CAICT), (ln(0.398/0.602) − ln(0.209/0.791))/9 = 0.1019 (the top);
 * GSO's 2021-2023 plateau, 0 (the bottom). */
#define DE_R_MODE 0.01135
#define DE_R_HI 0.1019

const lt_prior lt_priors[] = {
	{"digital_economy",
	 {0, 0.0, DE_R_MODE, DE_R_HI,
	  "GSO, digital economy share of GDP 2020-2024 (12.66 % to 13.17 %, "
	  "release of 6 Jan 2025): logit slope 0.0114 a year, the mode; "
	  "China 2012-2021 (CAICT), the fastest sustained rise found, 0.1019, "
	  "the top; the 2021-2023 plateau, 0, the bottom"},
	 {1, 0.083, 0.10, 0.24,
	  "the marginal product of digital capital: its user cost (BEA "
	  "depreciation 0.20-0.31 plus a 5 % return, an assumption) times "
	  "1-2 for spillovers (Polák 2017: none after publication bias; "
	  "single studies up to an elasticity of 0.2), built up linearly "
	  "over a six-year plan: 0.083-0.24 points of GRDP a year per point "
	  "of intensity"}},
	{"innovation_index",
	 {1, -2.0, 1.0, 3.0,
	  "provincial PII scores move 0-2 points a year, more than 3 is fast, "
	  "and both provinces quoted fell 2-3 points from 2023 to 2024 (MOST, "
	  "PII 2023 and 2024 reports): -2, 1 and 3 points a year"},
	 {1, 0.02, 0.12, 2.0,
	  "the output elasticity of R&D capital, 0.01 and 0.05 (Hall, "
	  "Mairesse and Mohnen 2010), on PII's output half at a score of 42 "
	  "with an R&D capital of 2.9 % of GDP (0.43 % of GDP a year, World "
	  "Bank, at δ 0.15), over six years: 0.02 and 0.12 points a year per "
	  "point of intensity; the top, 2 points, is the gap between a fast "
	  "pace (3) and the typical one (1)"}},
	{"adoption",
	 {0, 0.19, 0.38, 0.57,
	  "diffusion of a practice among residents or procedures: the Bass "
	  "model's imitation coefficient q = 0.38 (mean over 213 "
	  "applications, Sultan, Farley and Lehmann 1990), the mode; plus or "
	  "minus half of it, an assumption"},
	 {0, 0.0, 0.0, 0.38,
	  "assumption bounded by diffusion rates: spending that adds a point "
	  "of GRDP of intensity at most doubles the imitation rate q = 0.38 "
	  "(Sultan, Farley and Lehmann 1990); mode 0, no evidence that it "
	  "speeds diffusion at all"}},
	{"enterprises",
	 {0, 0.0, 0.148, 0.322,
	  "firm counts grow as Vietnam's internet economy: 16 % in 2024, "
	  "ln 1.16 = 0.148, the mode; 38 % a year in 2015-2019, ln 1.38 = "
	  "0.322, the top (Google, Temasek and Bain, e-Conomy SEA); no growth, "
	  "the bottom (an assumption: no series of firm counts was found)"},
	 {0, 0.0, 0.0, 0.174,
	  "assumption bounded by the fastest growth found: a point of GRDP of "
	  "intensity lifts growth at most from 16 % to 38 % a year, "
	  "ln 1.38 − ln 1.16 = 0.174 (e-Conomy SEA); mode 0"}},
	{"residual_share",
	 {0, 0.0, 0.0, 0.0,
	  "assumption: a residual share such as TFP's contribution to growth "
	  "has no trend of its own"},
	 {1, 0.24, 1.2, 3.6,
	  "the output elasticity of R&D capital 0.01, 0.05, 0.15 (Hall, "
	  "Mairesse and Mohnen 2010) raising TFP, on an R&D capital of 2.9 % "
	  "of GDP, over six years of 8 % growth (an assumption): 0.24, 1.2, "
	  "3.6 points of contribution a year per point of intensity"}},
	{NULL, {0, 0, 0, 0, NULL}, {0, 0, 0, 0, NULL}},
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

void lt_prior_param(const lt_prior_dist *d, double x0, double width,
                    lt_param *out)
{
	double scale = d->is_pace ? 1.0 / (width * x0 * (1.0 - x0)) : 1.0;

	memset(out, 0, sizeof *out);
	out->set = 1;
	out->min = -HUGE_VAL;
	out->max = HUGE_VAL;
	out->source = d->source;
	if (d->lo == d->hi) {
		out->dist = LT_DIST_FIXED;
		out->value = d->lo * scale;
		return;
	}
	out->dist = LT_DIST_TRIANGULAR;
	out->p[0] = d->lo * scale;
	out->p[1] = d->mode * scale;
	out->p[2] = d->hi * scale;
}
