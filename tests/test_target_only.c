/* test_target_only.c - an indicator with a target and no baseline in the
 * documents (Dong Thap's "hơn 70% HTTT ... trên nền tảng điện toán đám
 * mây" has no current value): loaded, shown, audited, never simulated,
 * and counted apart by `check`. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fixtures.h"
#include "helpers.h"
#include "lotrinh/audit.h"
#include "lotrinh/config.h"
#include "lotrinh/model.h"
#include "lotrinh/paths.h"

static const char TEXT[] =
	FIXTURE_STILL_PROVINCE
	"indicators = (\n"
	"  { id = \"de\"; name = \"DE\"; name_vi = \"DE\"; unit = \"%\"; kind = \"share\";\n"
	"    baseline = 6.36; target = { value = 30.0; direction = \">=\"; year = 2030; };\n"
	"    channel = \"digital\"; model = { prior = \"digital_economy\"; };\n"
	"    source = \"assumption: test\"; },\n"
	"  { id = \"cloud\"; name = \"Cloud\"; name_vi = \"Đám mây\"; unit = \"%\"; kind = \"share\";\n"
	"    target = { value = 70.0; direction = \">\"; year = 2030; };\n"
	"    milestones = ( (2027, 50.0), (2030, 70.0) );\n"
	"    source = \"assumption: test\"; }\n"
	");\n";

static char path[64];

static void setup(void)
{
	int fd;

	snprintf(path, sizeof path, "/tmp/lotrinh-target-only-XXXXXX");
	fd = mkstemp(path);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, TEXT, strlen(TEXT)), (ssize_t)strlen(TEXT));
	close(fd);
}

static void teardown(void)
{
	unlink(path);
}

/* The engines: the model gives the reason, the audit one finding, the
 * paths no family, and the target's meaning stays (a strict "> 70"). */
Test(target_only, engines, .init = setup, .fini = teardown)
{
	lt_scenario *s = NULL;
	lt_model *m = NULL;
	lt_paths *p = NULL;
	lt_audit a;
	const char *why;
	size_t i, hits = 0;

	cr_assert_eq(lt_scenario_load(&s, path, NULL), LT_OK);
	cr_expect(lt_indicator_target_only(&s->indicators[1]));
	cr_expect_not(lt_indicator_target_only(&s->indicators[0]));
	cr_expect_eq(lt_target_sense(&s->indicators[1]), +1);
	cr_expect_eq(lt_target_met_at_baseline(&s->indicators[1]), 0);
	cr_assert_eq(lt_model_compile(&m, s, NULL, NULL), LT_OK);
	cr_expect_not(lt_model_dynamic(m, 1, &why));
	cr_expect_str_eq(why, lt_no_baseline_text);
	cr_expect(lt_model_dynamic(m, 0, NULL));
	lt_model_free(m);
	lt_audit_init(&a);
	cr_assert_eq(lt_audit_run(s, &a, NULL), LT_OK);
	for (i = 0; i < a.n; i++)
		if (strcmp(a.items[i].subject, "cloud") == 0) {
			hits++;
			cr_expect_str_eq(a.items[i].code, "no-baseline");
		}
	cr_expect_eq(hits, 1);
	lt_audit_destroy(&a);
	cr_assert_eq(lt_paths_run(s, NULL, 0, &p, NULL), LT_OK);
	for (i = 0; i < LT_PATH_KINDS; i++) {
		cr_expect_not(p->items[1].path[i].ok);
		cr_expect_str_eq(p->items[1].path[i].why, lt_no_baseline_text);
	}
	cr_expect_eq(p->items[1].prog_ok, 0);
	cr_expect_eq(p->items[1].trend_ok, 0);
	lt_paths_free(p);
	lt_scenario_free(s);
}

/* check counts it apart; show prints no baseline; paths says why; JSON
 * has null for the baseline; simulate and solve list it as not
 * simulated, with the reason. */
Test(target_only, commands, .init = setup, .fini = teardown)
{
	struct run r = run_cli("check", path);
	json_t *root;
	char *line, *end;

	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "  2 targets: 1 with a baseline (1 simulated, 0 "
	                 "ranks), 1 target-only\n") != NULL, "%s", r.out);
	run_free(&r);
	r = run_cli("show", path);
	line = strstr(r.out, "  Cloud ");
	cr_assert(line != NULL, "%s", r.out);
	end = strchr(line, '\n');
	cr_assert(end != NULL);
	*end = '\0';
	/* no year, no baseline, the milestones, the strict target */
	cr_expect(strstr(line, " –      none  ") != NULL, "%s", line);
	cr_expect(strstr(line, "> 70 (2030)") != NULL, "%s", line);
	run_free(&r);
	r = run_cli("paths", "--indicator", "cloud", path);
	cr_expect(strstr(r.out, "target > 70 in 2030; no baseline in the "
	                 "documents: progress cannot be measured") != NULL, "%s",
	          r.out);
	run_free(&r);
	r = run_cli("paths", "--format", "json", path);
	root = json_loads(r.out, 0, NULL);
	cr_assert(root != NULL, "%s", r.out);
	cr_expect(json_is_null(json_object_get(json_array_get(json_object_get(
	          root, "indicators"), 1), "baseline")), "%s", r.out);
	json_decref(root);
	run_free(&r);
	r = run_cli("simulate", "--draws", "200", path);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "not simulated: no baseline in the documents")
	          != NULL, "%s", r.out);
	run_free(&r);
	r = run_cli("solve", path);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "not simulated") != NULL, "%s", r.out);
	run_free(&r);
}
