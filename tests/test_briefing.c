/* test_briefing.c - the planner's briefing (briefing.h): the same content
 * in Markdown and HTML, findings first, numbers taken from the analysis,
 * scenario text escaped in both formats, charts embedded in HTML.
 *
 * Truths: the analysis's own numbers (the briefing must repeat them), the
 * base64 of a known string (RFC 4648 §10: "Man" is "TWFu", "Ma" "TWE=",
 * "M" "TQ=="), and properties (no raw markup from a scenario survives).
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "lotrinh/analysis.h"
#include "lotrinh/briefing.h"
#include "lotrinh/config.h"

static lt_scenario *load(const char *path)
{
	lt_scenario *s = NULL;
	lt_diag d;

	lt_diag_init(&d, path);
	cr_assert_eq(lt_scenario_load(&s, path, &d), LT_OK, "%s",
	             d.n ? d.items[0].msg : "");
	lt_diag_destroy(&d);
	return s;
}

static void analyse(const lt_scenario *s, lt_analysis *a)
{
	lt_analysis_opts o;
	lt_diag d;

	memset(&o, 0, sizeof o);
	o.draws = 400;
	o.sobol = 64;
	o.bootstrap = 0;
	o.seed = 3;
	o.threads = 1;
	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_analysis_run(s, &o, a, &d), LT_OK, "%s",
	             d.n ? d.items[0].msg : "");
	lt_diag_destroy(&d);
}

/* Render A's briefing in LANG with CHARTS into *MD and *HTML (caller
 * frees). */
static void render(const lt_analysis *a, lt_lang lang,
                   const lt_briefing_chart *charts, size_t n, char **md,
                   char **html)
{
	lt_briefing_opts o = {lang, charts, n, "test"};
	lt_sink *m = lt_sink_memory(), *h = lt_sink_memory();
	lt_diag d;

	lt_diag_init(&d, NULL);
	cr_assert_eq(lt_briefing_write(a, &o, m, h, &d), LT_OK, "%s",
	             d.n ? d.items[0].msg : "");
	*md = strdup(lt_sink_text(m, NULL));
	*html = strdup(lt_sink_text(h, NULL));
	lt_sink_close(m, NULL);
	lt_sink_close(h, NULL);
	lt_diag_destroy(&d);
}

/* Findings first, then the plan, the table and the method; every heading
 * of one format is in the other; the Monte Carlo probability of the plan's
 * own schedule is the analysis's count over its draws. */
Test(briefing, same_content_findings_first)
{
	lt_scenario *s = load("scenarios/long_an.cfg");
	lt_analysis a;
	char *md, *html, want[96], *p;
	int k = lt_scenario_find_indicator(s, "pii");
	const char *heads[] = {"## Findings", "## What the audit found in the "
	                       "plan", "## Targets at a glance",
	                       "## Method and limits"};
	size_t i;

	analyse(s, &a);
	render(&a, LT_LANG_EN, NULL, 0, &md, &html);
	for (i = 1; i < 4; i++)
		cr_expect(strstr(md, heads[i - 1]) < strstr(md, heads[i]), "%s", md);
	for (i = 0; i < 4; i++) {
		char h2[96];

		snprintf(h2, sizeof h2, "<h2>%s</h2>", heads[i] + 3);
		cr_expect(strstr(html, h2) != NULL, "%s", h2);
	}
	/* every H3 of the Markdown is an h3 of the HTML */
	for (p = strstr(md, "\n### "); p != NULL; p = strstr(p + 1, "\n### ")) {
		char h3[256];
		size_t n = strcspn(p + 5, "\n");

		snprintf(h3, sizeof h3, "<h3>%.*s</h3>", (int)n, p + 5);
		cr_expect(strstr(html, h3) != NULL, "%s", h3);
	}
	cr_assert(k >= 0);
	snprintf(want, sizeof want, "Probability under the plan's own schedule: "
	         "%.2f (± %.2f)", (double)a.mc.ind[k].met_target / 400.0,
	         sqrt((double)a.mc.ind[k].met_target / 400.0 *
	              (1.0 - (double)a.mc.ind[k].met_target / 400.0) / 400.0));
	cr_expect(strstr(md, want) != NULL, "%s\n%s", want, md);
	cr_expect(strstr(md, "nan") == NULL && strstr(html, "nan") == NULL);
	cr_expect(strstr(html, "<!DOCTYPE html>") == html);
	cr_expect(strstr(html, "size:A4") != NULL);
	free(md);
	free(html);
	lt_analysis_destroy(&a);
	lt_scenario_free(s);
}

/* In Vietnamese: the headings and the numbers as Vietnamese documents
 * write them. */
Test(briefing, vietnamese)
{
	lt_scenario *s = load("scenarios/long_an.cfg");
	lt_analysis a;
	char *md, *html;

	analyse(s, &a);
	render(&a, LT_LANG_VI, NULL, 0, &md, &html);
	cr_expect(strstr(md, "## Kết luận chính") != NULL);
	cr_expect(strstr(md, "## Phương pháp và giới hạn") != NULL);
	cr_expect(strstr(md, "Hiện trạng: 42,05 điểm (2024).") != NULL, "%s", md);
	/* the audit's findings too, worded from their numbers (finding.h):
	 * PII needs (50 − 42.05)/6 = 1.325 points a year */
	cr_expect(strstr(md, "Rà soát, cảnh báo: mục tiêu cần +1,325 điểm/năm")
	          != NULL, "%s", md);
	/* and the assumptions by the indicators' Vietnamese names */
	cr_expect(strstr(md, "của Chỉ số Đổi mới sáng tạo cấp địa phương (PII)")
	          != NULL, "%s", md);
	cr_expect(strstr(html, "<html lang=\"vi\">") != NULL);
	free(md);
	free(html);
	lt_analysis_destroy(&a);
	lt_scenario_free(s);
}

/* Hostile text from a scenario is text in both formats: no tag, no
 * Markdown emphasis or link, no line break survives. */
Test(briefing, scenario_text_escaped)
{
	static const char text[] =
		"province = { id = \"x\"; name = \"<script>alert(1)</script> *X* "
		"[l](http://e.x) | `c` & \\\\\"; name_vi = \"X\"; source = \"assumption: t\"; };\n"
		"years = { baseline = 2024; horizon = 2030; };\n"
		"economy = { grdp = 1.0e8; growth_pct = 0.0; source = \"assumption: t\"; };\n"
		"budget = { base = \"total\"; amount = 2.0e7; year = 2024; growth_pct = 0.0;\n"
		"  rule_min_share_pct = 3.0;\n"
		"  schedule = { kind = \"constant\"; share_pct = 1.0; }; source = \"assumption: t\"; };\n"
		"channels = { digital = { allocation = 1.0; delta = 0.2; eta = 0.8; source = \"assumption: t\"; }; };\n"
		"indicators = (\n"
		"  { id = \"de\"; name = \"<img src=x onerror=alert(2)> _u_\"; name_vi = \"D\";\n"
		"    unit = \"<b>%</b>\"; kind = \"share\"; baseline = 6.36;\n"
		"    target = { value = 30.0; direction = \">=\"; year = 2030; };\n"
		"    channel = \"digital\"; model = { prior = \"digital_economy\"; };\n"
		"    source = \"assumption: t\"; }\n"
		");\n";
	char path[] = "/tmp/lotrinh-briefing-XXXXXX";
	int fd = mkstemp(path);
	lt_scenario *s;
	lt_analysis a;
	char *md, *html;

	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	s = load(path);
	analyse(s, &a);
	render(&a, LT_LANG_EN, NULL, 0, &md, &html);
	cr_expect(strstr(html, "<script") == NULL, "%s", html);
	cr_expect(strstr(html, "<img src=x") == NULL);
	cr_expect(strstr(html, "<b>") == NULL);
	cr_expect(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
	cr_expect(strstr(md, "<script") == NULL && strstr(md, "<img") == NULL);
	cr_expect(strstr(md, "&lt;script&gt;") != NULL);
	cr_expect(strstr(md, "\\*X\\*") != NULL, "%s", md);
	cr_expect(strstr(md, "\\[l\\](http://e.x)") != NULL);
	cr_expect(strstr(md, "\\_u\\_") != NULL);
	cr_expect(strstr(md, "\\|") != NULL);
	free(md);
	free(html);
	lt_analysis_destroy(&a);
	lt_scenario_free(s);
	unlink(path);
}

/* A PNG chart is embedded as base64 (RFC 4648's vectors), with its
 * caption escaped; Markdown links it; a PDF is linked in HTML too. */
Test(briefing, charts_embedded)
{
	lt_scenario *s = load("tests/data/good/full.cfg");
	lt_analysis a;
	char dir[] = "/tmp/lotrinh-charts-XXXXXX", png[96], png2[96], pdf[96];
	char *md, *html;
	lt_briefing_chart ch[3];
	FILE *f;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(png, sizeof png, "%s/a.png", dir);
	snprintf(png2, sizeof png2, "%s/b.png", dir);
	snprintf(pdf, sizeof pdf, "%s/c.pdf", dir);
	f = fopen(png, "w");
	fputs("Man", f);
	fclose(f);
	f = fopen(png2, "w");
	fputs("Ma", f);
	fclose(f);
	f = fopen(pdf, "w");
	fputs("%PDF", f);
	fclose(f);
	ch[0] = (lt_briefing_chart){-1, "charts/a b.png", png, "Spending <by> group"};
	ch[1] = (lt_briefing_chart){0, "charts/b.png", png2, "Trajectory"};
	ch[2] = (lt_briefing_chart){-1, "charts/c.pdf", pdf, "PDF chart"};
	analyse(s, &a);
	render(&a, LT_LANG_EN, ch, 3, &md, &html);
	cr_expect(strstr(html, "src=\"data:image/png;base64,TWFu\"") != NULL);
	cr_expect(strstr(html, "src=\"data:image/png;base64,TWE=\"") != NULL);
	cr_expect(strstr(html, "Spending &lt;by&gt; group") != NULL);
	cr_expect(strstr(html, "<a href=\"charts/c.pdf\">PDF chart</a>") != NULL);
	cr_expect(strstr(md, "![Spending &lt;by&gt; group](charts/a%20b.png)")
	          != NULL, "%s", md);
	free(md);
	free(html);
	unlink(png);
	unlink(png2);
	unlink(pdf);
	rmdir(dir);
	lt_analysis_destroy(&a);
	lt_scenario_free(s);
}
