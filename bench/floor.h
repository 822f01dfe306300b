/* floor.h - the bare arithmetic of one Monte Carlo draw (floor.c). */
#ifndef LT_BENCH_FLOOR_H
#define LT_BENCH_FLOOR_H

#define FLOOR_INDICATORS 5
#define FLOOR_YEARS 6

/* Run N draws; returns the sum of every value formed (so nothing is
 * optimised away) and stores in *HIT how many final logits are positive. */
double lt_bench_floor(long n, long *hit);

#endif /* LT_BENCH_FLOOR_H */
