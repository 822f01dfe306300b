/* monitor.h - a value observed in a milestone year against Monte Carlo's
 * checkpoint for that year: how likely the final target is from there,
 * and whether the province is on track (docs/MODEL.md, "Monte Carlo").
 *
 * The checkpoint's curve gives P(final target | value in Y) at the mean
 * value of each coarse bin of draws (mc.h); between two points the
 * probability is interpolated linearly in the value, and outside the
 * values seen it is the nearest point's.  A province is on track in Y when
 * its observed value lies on the target's side of the value at which that
 * probability reaches 50 % (the checkpoint's crossing), i.e. when the
 * draws that were where it is went on to meet the target more often than
 * not.
 */
#ifndef LT_MONITOR_H
#define LT_MONITOR_H

#include "lotrinh/mc.h"

typedef enum lt_track {
	LT_TRACK_UNKNOWN,  /* the final target is met in none or all draws */
	LT_TRACK_ON,
	LT_TRACK_OFF
} lt_track;

/* P(final target | value V in the checkpoint's year) from C's curve; NAN
 * when the curve is empty (the target met in none or all draws). */
double lt_monitor_p(const lt_mc_checkpoint *c, double v);

/* Whether V in C's year is on track for a target of sense SENSE (+1 higher
 * is better, -1 lower is better). */
lt_track lt_monitor_track(const lt_mc_checkpoint *c, int sense, double v);

#endif /* LT_MONITOR_H */
