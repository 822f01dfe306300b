/* test_monitor.c - a value observed in a milestone year against its
 * checkpoint: the probability from there and "on track", by hand on a
 * made-up curve, then end to end on a scenario whose answer is known in
 * closed form. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fixtures.h"
#include "helpers.h"
#include "lotrinh/monitor.h"

/* A curve of three points, (40, 0.1), (50, 0.4), (60, 0.9), crossing 50 %
 * at 52 (0.4 + 0.5·2/10 = 0.5). */
static lt_mc_checkpoint made_up(void)
{
	lt_mc_checkpoint c;

	memset(&c, 0, sizeof c);
	c.n_curve = 3;
	c.curve_value[0] = 40.0;
	c.curve_p[0] = 0.1;
	c.curve_value[1] = 50.0;
	c.curve_p[1] = 0.4;
	c.curve_value[2] = 60.0;
	c.curve_p[2] = 0.9;
	c.crossing = 52.0;
	return c;
}

Test(monitor, probability_interpolates_and_clamps)
{
	lt_mc_checkpoint c = made_up();

	cr_expect_float_eq(lt_monitor_p(&c, 45.0), 0.25, 1e-15);
	cr_expect_float_eq(lt_monitor_p(&c, 52.0), 0.5, 1e-15);
	cr_expect_float_eq(lt_monitor_p(&c, 60.0), 0.9, 1e-15);
	cr_expect_float_eq(lt_monitor_p(&c, 10.0), 0.1, 1e-15);
	cr_expect_float_eq(lt_monitor_p(&c, 99.0), 0.9, 1e-15);
	c.n_curve = 0;
	cr_expect(isnan(lt_monitor_p(&c, 50.0)));
}

Test(monitor, on_track_by_side_of_the_crossing)
{
	lt_mc_checkpoint c = made_up();

	cr_expect_eq(lt_monitor_track(&c, +1, 52.5), LT_TRACK_ON);
	cr_expect_eq(lt_monitor_track(&c, +1, 51.5), LT_TRACK_OFF);
	/* lower is better: on track below the crossing */
	cr_expect_eq(lt_monitor_track(&c, -1, 51.5), LT_TRACK_ON);
	cr_expect_eq(lt_monitor_track(&c, -1, 52.5), LT_TRACK_OFF);
	/* no crossing: above 50 % everywhere, below everywhere, or nothing to
	 * condition on */
	c.crossing = NAN;
	c.crossing_side = +1;
	cr_expect_eq(lt_monitor_track(&c, +1, 0.0), LT_TRACK_ON);
	c.crossing_side = -1;
	cr_expect_eq(lt_monitor_track(&c, +1, 99.0), LT_TRACK_OFF);
	c.crossing_side = 0;
	cr_expect_eq(lt_monitor_track(&c, +1, 50.0), LT_TRACK_UNKNOWN);
}

/* End to end.  One indicator with no channel, no shocks and r ~ U(0,
 * 0.135): z(t) = r·(t − 2024) from a baseline of 50 (z0 = 0), so the 2030
 * target of 60 is met iff r ≥ logit(0.6)/6 = 0.0675775, and the 2027 value
 * tells r exactly: the target is met iff the 2027 value is at least
 * 100·logistic(3·0.0675775) = 55.051.  The checkpoint's 50 % value lies
 * within a coarse bin of it (20 bins of r 0.00675 wide: 0.5 points in
 * 2027).  Observed 57 in 2027 is on track, 53 in 2028 (milestone 57.5)
 * off track; 2026 has no milestone. */
static const char MONITORED[] =
	FIXTURE_STILL_PROVINCE
	"indicators = (\n"
	"  { id = \"a\"; name = \"A\"; name_vi = \"A\"; unit = \"%\"; kind = \"share\";\n"
	"    baseline = 50.0; target = { value = 60.0; direction = \">=\"; year = 2030; };\n"
	"    milestones = ( (2027, 55.0), (2028, 57.5), (2030, 60.0) );\n"
	"    observed = ( (2026, 52.0), (2027, 57.0), (2028, 53.0) );\n"
	"    model = { r = { dist = \"uniform\"; lo = 0.0; hi = 0.135; }; };\n"
	"    source = \"assumption: test\"; }\n"
	");\n";

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	cr_assert(f != NULL);
	fputs(text, f);
	fclose(f);
}

Test(monitor, simulate_says_on_track_or_not)
{
	char path[] = "/tmp/lt_monitor_XXXXXX";
	int fd = mkstemp(path);
	struct run r;
	json_t *root, *ck;
	double cross;

	cr_assert(fd >= 0);
	close(fd);
	write_file(path, MONITORED);
	r = run_cli("simulate", "--draws", "20000", path);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "Observed 57 in 2027 (milestone 55: met): on "
	                 "track for 2030") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "Observed 53 in 2028 (milestone 57.5: missed): "
	                 "off track for 2030") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "Observed 52 in 2026: no milestone before the "
	                 "target that year, so no checkpoint") != NULL, "%s",
	          r.out);
	run_free(&r);
	r = run_cli("simulate", "--draws", "20000", "--format", "json", path);
	cr_assert_eq(r.status, 0, "%s", r.err);
	root = json_loads(r.out, 0, NULL);
	cr_assert(root != NULL, "%s", r.out);
	ck = json_array_get(json_object_get(json_array_get(json_object_get(root,
	     "indicators"), 0), "checkpoints"), 0);
	cr_assert(json_is_object(ck), "%s", r.out);
	cr_expect_eq(json_integer_value(json_object_get(ck, "year")), 2027);
	cross = json_real_value(json_object_get(ck, "value_for_50pct"));
	cr_expect(fabs(cross - 55.051) < 0.5, "50 %% value %g", cross);
	cr_expect(json_is_true(json_object_get(ck, "on_track")));
	cr_expect_float_eq(json_real_value(json_object_get(ck, "observed")), 57.0,
	                   1e-12);
	cr_expect(json_real_value(json_object_get(ck,
	          "p_target_given_observed")) > 0.9);
	ck = json_array_get(json_object_get(json_array_get(json_object_get(root,
	     "indicators"), 0), "checkpoints"), 1);
	cr_expect(json_is_false(json_object_get(ck, "on_track")));
	cr_expect(json_real_value(json_object_get(ck,
	          "p_target_given_observed")) < 0.1);
	json_decref(root);
	run_free(&r);
	unlink(path);
}

/* A target met in every draw (b rises from 50 at r ≥ 0.05 toward a target
 * of 10): there is nothing to condition on, and the observed value is said
 * to change nothing, not read off an empty curve. */
Test(monitor, observed_against_a_target_met_in_every_draw)
{
	static const char text[] =
		FIXTURE_STILL_PROVINCE
		"indicators = (\n"
		"  { id = \"b\"; name = \"B\"; name_vi = \"B\"; unit = \"%\"; kind = \"share\";\n"
		"    baseline = 50.0; target = { value = 10.0; direction = \">=\"; year = 2030; };\n"
		"    milestones = ( (2027, 52.0) ); observed = ( (2027, 51.0) );\n"
		"    model = { r = { dist = \"uniform\"; lo = 0.05; hi = 0.1; }; };\n"
		"    source = \"assumption: test\"; }\n"
		");\n";
	char path[] = "/tmp/lt_monitor_XXXXXX";
	int fd = mkstemp(path);
	struct run r;

	cr_assert(fd >= 0);
	close(fd);
	write_file(path, text);
	r = run_cli("simulate", "--draws", "500", path);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "Observed 51 in 2027: the 2030 target is met in "
	                 "none or all draws, so the value changes nothing")
	          != NULL, "%s", r.out);
	run_free(&r);
	unlink(path);
}
