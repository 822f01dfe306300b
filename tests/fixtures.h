/* fixtures.h - scenarios written in the tests themselves, shared by the
 * test programs that compute on them. */
#ifndef LT_TEST_FIXTURES_H
#define LT_TEST_FIXTURES_H

/* A province with no GRDP or budget growth (so the hand calculations stay
 * short), one channel; de has milestones and a channel, sk only a trend
 * (r = 0.02385), rk is a rank.  The `model` group of de is on line 15, of
 * sk on line 19; the channel on line 9 (test_model.c's registry test reads
 * these lines). */
static const char FIXTURE[] =
	"province = { id = \"m\"; name = \"M\"; name_vi = \"M\"; source = \"assumption: test\"; };\n"
	"years = { baseline = 2024; horizon = 2030; };\n"
	"economy = { grdp = 1.0e8; growth_pct = 0.0; source = \"assumption: test\"; };\n"
	"budget = { base = \"total\"; amount = 2.0e7; year = 2024; growth_pct = 0.0;\n"
	"  rule_min_share_pct = 3.0;\n"
	"  schedule = { kind = \"ramp\"; from_pct = 0.5; to_pct = 3.0; to_year = 2027; };\n"
	"  spending_history = ( (2023, 100000.0), (2024, 100000.0) );\n"
	"  source = \"assumption: test\"; };\n"
	"channels = { digital = { allocation = 1.0; delta = 0.2; eta = 0.8; source = \"assumption: test\"; }; };\n"
	"indicators = (\n"
	"  { id = \"de\"; name = \"DE\"; name_vi = \"DE\"; unit = \"%\"; kind = \"share\";\n"
	"    ceiling = 65.0; baseline = 6.36;\n"
	"    target = { value = 30.0; direction = \">=\"; year = 2030; };\n"
	"    milestones = ( (2025, 10.0), (2026, 12.0), (2027, 15.0), (2028, 20.0), (2029, 25.0), (2030, 30.0) );\n"
	"    channel = \"digital\"; model = { r = 0.035; beta = 0.3; };\n"
	"    source = \"assumption: test\"; },\n"
	"  { id = \"sk\"; name = \"SK\"; name_vi = \"SK\"; unit = \"%\"; kind = \"share\";\n"
	"    baseline = 50.0; target = { value = 55.0; direction = \">=\"; year = 2030; };\n"
	"    model = { r = 0.02385; }; source = \"assumption: test\"; },\n"
	"  { id = \"rk\"; name = \"RK\"; name_vi = \"RK\"; unit = \"rank\"; kind = \"rank\";\n"
	"    rank_of = 63; baseline = 17; target = { value = 10; direction = \"<=\"; year = 2030; };\n"
	"    source = \"assumption: test\"; }\n"
	");\n";

/* The top of a test scenario up to its indicators: a province with no
 * GRDP or budget growth, a constant 1 % share and one channel. */
#define FIXTURE_STILL_PROVINCE \
"province = { id = \"m\"; name = \"M\"; name_vi = \"M\"; source = \"assumption: test\"; };\n" \
"years = { baseline = 2024; horizon = 2030; };\n" \
"economy = { grdp = 1.0e8; growth_pct = 0.0; source = \"assumption: test\"; };\n" \
"budget = { base = \"total\"; amount = 2.0e7; year = 2024; growth_pct = 0.0;\n" \
"  schedule = { kind = \"constant\"; share_pct = 1.0; };\n" \
"  source = \"assumption: test\"; };\n" \
"channels = { digital = { allocation = 1.0; delta = 0.2; eta = 0.8; source = \"assumption: test\"; }; };\n"

#endif /* LT_TEST_FIXTURES_H */
