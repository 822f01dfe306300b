/* floor.c - the arithmetic floor of one Monte Carlo draw, lotrinh's own.
 *
 * For each draw: three normal parameters per indicator (Box-Muller from a
 * xorshift64 generator), then a logistic stepped in the logit through 5
 * indicators × 6 years, the value formed every year.  It is about the
 * least work any correct implementation of the model must do per draw, so
 * `make bench` times it in the same run as one compiled-model evaluation
 * and reports the ratio (docs/PERFORMANCE.md).  It follows the reference
 * loop the project was given line for line in its arithmetic, and times
 * like it (checked when written; see docs/PERFORMANCE.md).
 */
#include "floor.h"

#include <math.h>
#include <stdint.h>

/* xorshift64 (Marsaglia 2003, shifts 13, 7, 17) and a uniform in (0, 1). */
static double u01(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return ((double)(*s >> 11) + 0.5) * 0x1.0p-53;
}

/* One standard normal by Box-Muller (one of the pair). */
static double gauss(uint64_t *s)
{
	double u = u01(s);

	return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * u01(s));
}

double lt_bench_floor(long n, long *hit)
{
	uint64_t s = 88172645463325252ULL;
	double acc = 0.0;
	long d;
	int i, y;

	*hit = 0;
	for (d = 0; d < n; d++)
		for (i = 0; i < FLOOR_INDICATORS; i++) {
			double r = 0.1 + 0.02 * gauss(&s), b = 0.5 + 0.1 * gauss(&s);
			double sig = 0.05 * fabs(gauss(&s)), z = -1.5, k = 0.3;

			for (y = 0; y < FLOOR_YEARS; y++) {
				z += r + b * k + sig;
				k *= 1.05;
				acc += 1.0 / (1.0 + exp(-z));
			}
			*hit += z > 0;
		}
	return acc;
}
