/* monitor.c - an observed value against a checkpoint (see monitor.h). */
#include "lotrinh/monitor.h"

#include <math.h>

double lt_monitor_p(const lt_mc_checkpoint *c, double v)
{
	size_t i, n = c->n_curve;
	double f;

	if (n == 0)
		return NAN;
	if (v <= c->curve_value[0])
		return c->curve_p[0];
	if (v >= c->curve_value[n - 1])
		return c->curve_p[n - 1];
	for (i = 1; i < n && c->curve_value[i] < v; i++)
		;
	/* curve_value[i - 1] < v <= curve_value[i]: the values rise with the
	 * bins, which are in order of the logit */
	f = (v - c->curve_value[i - 1]) / (c->curve_value[i] -
	                                   c->curve_value[i - 1]);
	return c->curve_p[i - 1] + f * (c->curve_p[i] - c->curve_p[i - 1]);
}

lt_track lt_monitor_track(const lt_mc_checkpoint *c, int sense, double v)
{
	if (!isnan(c->crossing))
		return (sense > 0 ? v >= c->crossing : v <= c->crossing)
		       ? LT_TRACK_ON : LT_TRACK_OFF;
	if (c->crossing_side > 0)
		return LT_TRACK_ON;
	if (c->crossing_side < 0)
		return LT_TRACK_OFF;
	return LT_TRACK_UNKNOWN;
}
