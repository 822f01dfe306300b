/* test_documents.c - the documents a scenario cites: the loader's list and
 * its source check (config_documents.c), the queries of scenario.h, the
 * citation lines and table (cite.h), and what `show` and `audit` print.
 * The shipped scenarios must list their documents and cite one (or say
 * "assumption") in every source, and never name a build machine's files. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "helpers.h"
#include "lotrinh/cite.h"
#include "lotrinh/config.h"
#include "lotrinh/scenario.h"
#include "lotrinh/sink.h"
#include "lotrinh/table.h"

#define LONG_AN "scenarios/long_an.cfg"

/* Four documents (lines 2-5) and sources citing them in the forms the
 * separators allow: "004;", "NQ57:", "HMM_2010-w (", and a bare "GSO". */
#define DOCS \
	"documents = (\n" \
	"  { id = \"004\"; title = \"Nghị quyết (dự thảo)\"; issuer = \"HĐND tỉnh Long An\"; date = \"…/6/2025\"; },\n" \
	"  { id = \"GSO\"; title = \"GRDP by province\"; issuer = \"General Statistics Office\"; url = \"https://example.org/gso\"; note = \"a web statistic\"; },\n" \
	"  { id = \"NQ57\"; title = \"Nghị quyết 57\"; number = \"57-NQ/TW\"; issuer = \"Bộ Chính trị\"; date = \"22/12/2024\"; },\n" \
	"  { id = \"HMM_2010-w\"; title = \"Measuring the Returns to R&D\"; issuer = \"Hall, Mairesse and Mohnen\"; date = \"2010\"; }\n" \
	");\n"

/* DOCS, the fixture's province (lines 7-13) and one indicator whose
 * target's source is the text TARGET_SOURCE (line 18). */
static char *scenario_text(const char *target_source)
{
	static char buf[4096];

	snprintf(buf, sizeof buf, DOCS FIXTURE_STILL_PROVINCE
	         "indicators = (\n"
	         "  { id = \"de\"; name = \"DE\"; name_vi = \"DE\"; unit = \"%%\"; kind = \"share\";\n"
	         "    baseline = 6.36; baseline_source = \"004; Part II\";\n"
	         "    pace = { max_step = 2.1; source = \"HMM_2010-w (a paper)\"; };\n"
	         "    target = { value = 30.0; direction = \">=\"; year = 2030; source = \"%s\"; };\n"
	         "    channel = \"digital\"; source = \"GSO\"; }\n"
	         ");\n", target_source);
	return buf;
}

/* Parse TEXT expecting exactly one error, at LINE, saying MSG. */
static void expect_one_error(const char *text, int line, const char *msg)
{
	lt_scenario *s = NULL;
	lt_diag d;

	lt_diag_init(&d, "doc.cfg");
	cr_assert_eq(lt_scenario_parse(&s, text, "doc.cfg", &d), LT_EINVAL);
	cr_assert_null(s);
	cr_expect_eq(lt_diag_count(&d), 1, "%zu errors, the first: %s",
	             lt_diag_count(&d), d.n ? d.items[0].msg : "");
	if (d.n > 0) {
		cr_expect_eq(d.items[0].line, line, "line %d: %s", d.items[0].line,
		             d.items[0].msg);
		cr_expect_str_eq(d.items[0].msg, msg);
	}
	lt_diag_destroy(&d);
}

Test(documents, loads_every_field)
{
	lt_scenario *s = NULL;
	lt_diag d;

	lt_diag_init(&d, "doc.cfg");
	cr_assert_eq(lt_scenario_parse(&s, scenario_text("NQ57: 30 % of GDP"),
	                               "doc.cfg", &d), LT_OK,
	             "%s", d.n ? d.items[0].msg : "");
	lt_diag_destroy(&d);
	cr_assert_eq(s->n_documents, 4);
	cr_expect_str_eq(s->documents[0].id, "004");
	cr_expect_str_eq(s->documents[0].date, "…/6/2025");
	cr_expect_null(s->documents[0].number);
	cr_expect_eq(s->documents[0].line, 2);
	cr_expect_null(s->documents[1].number);
	cr_expect_null(s->documents[1].date);
	cr_expect_str_eq(s->documents[1].url, "https://example.org/gso");
	cr_expect_str_eq(s->documents[1].note, "a web statistic");
	cr_expect_str_eq(s->documents[2].number, "57-NQ/TW");
	cr_expect_str_eq(s->documents[2].issuer, "Bộ Chính trị");
	cr_expect_null(s->documents[2].url);
	cr_expect_str_eq(s->documents[3].title, "Measuring the Returns to R&D");
	lt_scenario_free(s);
}

Test(documents, find_and_cite)
{
	lt_scenario *s = NULL;
	const lt_indicator *ind;

	cr_assert_eq(lt_scenario_parse(&s, scenario_text("NQ57: 30 % of GDP"),
	                               "doc.cfg", NULL), LT_OK);
	cr_expect_eq(lt_scenario_find_document(s, "004"), 0);
	cr_expect_eq(lt_scenario_find_document(s, "HMM_2010-w"), 3);
	cr_expect_eq(lt_scenario_find_document(s, "gso"), -1, "ids are exact");
	cr_expect_eq(lt_scenario_find_document(s, "00"), -1);
	ind = &s->indicators[0];
	cr_expect_eq(lt_scenario_source_document(s, ind->baseline_source), 0);
	cr_expect_eq(lt_scenario_source_document(s, ind->target.source), 2);
	cr_expect_eq(lt_scenario_source_document(s, ind->pace_source), 3);
	cr_expect_eq(lt_scenario_source_document(s, ind->source), 1);
	cr_expect_eq(lt_scenario_source_document(s, "GSO, table 2"), 1);
	cr_expect_eq(lt_scenario_source_document(s, "004 Part IV"), 0);
	/* a longer or shorter word is another id */
	cr_expect_eq(lt_scenario_source_document(s, "0041, Part IV"), -1);
	cr_expect_eq(lt_scenario_source_document(s, "GSOX"), -1);
	cr_expect_eq(lt_scenario_source_document(s, "00, x"), -1);
	cr_expect_eq(lt_scenario_source_document(s, "assumption: GSO"), -1);
	cr_expect_eq(lt_scenario_source_document(s, ""), -1);
	cr_expect_eq(lt_scenario_source_document(s, NULL), -1);
	cr_expect_eq(lt_source_id_length("004, Part IV"), 3);
	cr_expect_eq(lt_source_id_length("002: x"), 3);
	cr_expect_eq(lt_source_id_length("003; x"), 3);
	cr_expect_eq(lt_source_id_length("GSO (as cited)"), 3);
	cr_expect_eq(lt_source_id_length("CAICT"), 5);
	cr_expect_eq(lt_source_id_length("(see above)"), 0);
	cr_expect_eq(lt_source_id_length("REF-x.y"), 7, "'-' and '.' go on");
	lt_scenario_free(s);
}

/* The pinned message of a source that cites no listed document, at the
 * source's own line; the same for a distribution's source and a
 * k_source, wherever they stand. */
Test(documents, unknown_id)
{
	static const char other[] =
	    DOCS FIXTURE_STILL_PROVINCE
	    "indicators = (\n"
	    "  { id = \"de\"; name = \"DE\"; name_vi = \"DE\"; unit = \"%\"; kind = \"share\";\n"
	    "    baseline = 6.36; baseline_year_source = \"REFERENCE-FIGURES, x\";\n"
	    "    target = { value = 30.0; direction = \">=\"; year = 2030; };\n"
	    "    channel = \"digital\"; source = \"004\"; }\n"
	    ");\n";
	static const char dist[] =
	    DOCS
	    "province = { id = \"m\"; name = \"M\"; name_vi = \"M\"; source = \"assumption: test\"; };\n"
	    "years = { baseline = 2024; horizon = 2030; };\n"
	    "economy = { grdp = 1.0e8; growth_pct = { dist = \"uniform\"; lo = 1.0; hi = 2.0; source = \"imf\"; };\n"
	    "  source = \"GSO\"; };\n";

	expect_one_error(scenario_text("NQ58: 30 % of GDP"), 18,
	    "'source' cites \"NQ58\", which is not in 'documents' (listed: 004, "
	    "GSO, NQ57, HMM_2010-w); start it with a listed id or with "
	    "\"assumption\"");
	expect_one_error(scenario_text("(see 004)"), 18,
	    "'source' must start with the id of a document in 'documents' (004, "
	    "GSO, NQ57, HMM_2010-w) or with \"assumption\" (got \"(see 004)\")");
	expect_one_error(other, 16,
	    "'baseline_year_source' cites \"REFERENCE-FIGURES\", which is not in "
	    "'documents' (listed: 004, GSO, NQ57, HMM_2010-w); start it with a "
	    "listed id or with \"assumption\"");
	/* the distribution's source is checked even though the file has other
	 * errors (no budget, channels, indicators) */
	{
		lt_scenario *s = NULL;
		lt_diag d;
		size_t i, hits = 0;

		lt_diag_init(&d, "doc.cfg");
		cr_assert_eq(lt_scenario_parse(&s, dist, "doc.cfg", &d), LT_EINVAL);
		for (i = 0; i < d.n; i++)
			if (strstr(d.items[i].msg, "'source' cites \"imf\"") != NULL) {
				hits++;
				cr_expect_eq(d.items[i].line, 9);
			}
		cr_expect_eq(hits, 1);
		lt_diag_destroy(&d);
	}
}

/* "assumption" in any case is never a document; a scenario without a list
 * keeps free-text sources. */
Test(documents, assumptions_and_no_list)
{
	static const char free_text[] =
	    FIXTURE_STILL_PROVINCE
	    "indicators = (\n"
	    "  { id = \"de\"; name = \"DE\"; name_vi = \"DE\"; unit = \"%\"; kind = \"share\";\n"
	    "    baseline = 6.36; target = { value = 30.0; direction = \">=\"; year = 2030; };\n"
	    "    channel = \"digital\"; source = \"REF, anything at all\"; }\n"
	    ");\n";
	lt_scenario *s = NULL;

	cr_expect_eq(lt_scenario_parse(&s, scenario_text("ASSUMPTION: hold 30"),
	                               "doc.cfg", NULL), LT_OK);
	lt_scenario_free(s);
	s = NULL;
	cr_assert_eq(lt_scenario_parse(&s, free_text, "doc.cfg", NULL), LT_OK);
	cr_expect_eq(s->n_documents, 0);
	cr_expect_null(s->documents);
	cr_expect_eq(lt_scenario_source_document(s, "REF, anything at all"), -1);
	cr_expect_eq(lt_scenario_find_document(s, "REF"), -1);
	lt_scenario_free(s);
}

/* The list's own errors, each at its line; a document whose id cannot be
 * read turns the source check off, so a source citing it gives no second
 * message. */
Test(documents, bad_entries)
{
	char text[4096];

	snprintf(text, sizeof text, "documents = ();\n%s", FIXTURE);
	expect_one_error(text, 1, "'documents' must be a list of at least one "
	    "group ( { id = \"004\"; title = ...; issuer = ...; }, ... ) (got an "
	    "empty list)");
	snprintf(text, sizeof text, "documents = { id = \"004\"; };\n%s",
	         FIXTURE);
	expect_one_error(text, 1, "'documents' must be a list of at least one "
	    "group ( { id = \"004\"; title = ...; issuer = ...; }, ... ) (got a "
	    "group)");
	snprintf(text, sizeof text, "documents = ( \"004\" );\n%s", FIXTURE);
	expect_one_error(text, 1, "entry 1 of 'documents' must be a group { id "
	    "= ...; title = ...; issuer = ...; } (got a string)");
	snprintf(text, sizeof text, "documents = (\n  { id = \"assumption_1\"; "
	         "title = \"T\"; issuer = \"I\"; }\n);\n%s", FIXTURE);
	expect_one_error(text, 2, "'id' in entry 1 of 'documents' must be a "
	    "short tag like \"004\" or \"GSO\": letters, digits, '-' or '_', at "
	    "most 16, not starting with \"assumption\" (got \"assumption_1\")");
	snprintf(text, sizeof text, "documents = (\n  { id = \"A23456789012345"
	         "67\"; title = \"T\"; issuer = \"I\"; }\n);\n%s", FIXTURE);
	expect_one_error(text, 2, "'id' in entry 1 of 'documents' must be a "
	    "short tag like \"004\" or \"GSO\": letters, digits, '-' or '_', at "
	    "most 16, not starting with \"assumption\" (got \"A2345678901234567\")");
	snprintf(text, sizeof text, "documents = (\n  { id = \"004\"; title = "
	         "\"T\"; issuer = \"I\"; publisher = \"P\"; }\n);\n%s", FIXTURE);
	expect_one_error(text, 2, "unknown setting 'publisher' in document '004' "
	    "(allowed: id, title, number, issuer, date, url, note)");
	snprintf(text, sizeof text, "documents = (\n  { id = \"004\"; issuer = "
	         "\"I\"; number = 57; }\n);\n%s", FIXTURE);
	{
		lt_scenario *s = NULL;
		lt_diag d;

		lt_diag_init(&d, "doc.cfg");
		cr_assert_eq(lt_scenario_parse(&s, text, "doc.cfg", &d), LT_EINVAL);
		cr_assert_eq(d.n, 2);
		cr_expect_str_eq(d.items[0].msg, "missing required setting 'title' "
		                 "in document '004'");
		cr_expect_str_eq(d.items[1].msg, "'number' in document '004' must be "
		                 "a string in double quotes (got an integer)");
		lt_diag_destroy(&d);
	}
	/* a source citing "GSO 2" is not checked against a list whose id
	 * could not be read: one message, not two */
	snprintf(text, sizeof text, "documents = (\n  { id = \"GSO 2\"; title = "
	         "\"T\"; issuer = \"I\"; }\n);\n%s"
	         "indicators = (\n"
	         "  { id = \"de\"; name = \"DE\"; name_vi = \"DE\"; unit = \"%%\"; kind = \"share\";\n"
	         "    baseline = 6.36; target = { value = 30.0; direction = \">=\"; year = 2030; };\n"
	         "    channel = \"digital\"; source = \"GSO 2, table\"; }\n"
	         ");\n", FIXTURE_STILL_PROVINCE);
	{
		lt_scenario *s = NULL;
		lt_diag d;

		lt_diag_init(&d, "doc.cfg");
		cr_assert_eq(lt_scenario_parse(&s, text, "doc.cfg", &d), LT_EINVAL);
		cr_expect_eq(lt_diag_count(&d), 1, "%s", d.n > 1 ? d.items[1].msg
		             : "");
		lt_diag_destroy(&d);
	}
}

/* 1 if SOURCE (NULL: not given) starts with "assumption" or a listed id. */
static int resolves(const lt_scenario *s, const char *source)
{
	return source == NULL || lt_source_is_assumption(source) ||
	       lt_scenario_source_document(s, source) >= 0;
}

/* Every source of S the structs hold resolves; returns how many were
 * checked.  (The loader walks the file itself; this is the same promise
 * seen from the loaded scenario.) */
static size_t check_sources(const lt_scenario *s, const char *path)
{
	const char *src[64];
	size_t n = 0, i, k;

	src[n++] = s->province.source;
	src[n++] = s->economy.grdp_source;
	src[n++] = s->economy.growth_source;
	src[n++] = s->economy.growth.source;
	src[n++] = s->budget.amount_source;
	src[n++] = s->budget.growth_source;
	src[n++] = s->budget.rule_source;
	src[n++] = s->budget.schedule.source;
	src[n++] = s->budget.cofin_source;
	src[n++] = s->budget.spending_history.source;
	src[n++] = s->budget.share_history.source;
	if (s->has_programs) {
		src[n++] = s->programs.source;
		src[n++] = s->programs.declared.source;
	}
	for (i = 0; i < n; i++)
		cr_expect(resolves(s, src[i]), "%s: '%s'", path, src[i]);
	for (i = 0; i < s->province.n_components; i++) {
		cr_expect(resolves(s, s->province.components[i].source), "%s", path);
		cr_expect(resolves(s, s->province.components[i].weight_source),
		          "%s", path);
	}
	for (i = 0; i < s->n_channels; i++) {
		const lt_channel *ch = &s->channels[i];

		cr_expect(resolves(s, ch->source), "%s: '%s'", path, ch->source);
		cr_expect(resolves(s, ch->allocation_source), "%s: '%s'", path,
		          ch->allocation_source);
		cr_expect(resolves(s, ch->delta.source), "%s: '%s'", path,
		          ch->delta.source);
		cr_expect(resolves(s, ch->eta.source), "%s: '%s'", path,
		          ch->eta.source);
		n += 4;
	}
	for (i = 0; s->has_programs && i < s->programs.n_parts; i++) {
		const lt_part *p = &s->programs.parts[i];

		cr_expect(resolves(s, p->source), "%s: '%s'", path, p->source);
		cr_expect(resolves(s, p->declared.source), "%s", path);
		for (k = 0; k < p->n_groups; k++)
			cr_expect(resolves(s, p->groups[k].declared.source), "%s", path);
		n += 2 + p->n_groups;
	}
	for (i = 0; i < s->n_indicators; i++) {
		const lt_indicator *ind = &s->indicators[i];
		const char *is[] = {ind->source, ind->baseline_source,
		    ind->baseline_year_source, ind->history.source,
		    ind->milestones.source, ind->observed.source,
		    ind->target.source, ind->pace_source, ind->r.source,
		    ind->beta.source, ind->sigma.source};

		for (k = 0; k < sizeof is / sizeof *is; k++)
			cr_expect(resolves(s, is[k]), "%s: %s: '%s'", path, ind->id,
			          is[k]);
		n += sizeof is / sizeof *is;
	}
	return n;
}

/* Every shipped scenario lists its documents, every source cites one or
 * says "assumption", and none points at files outside the project. */
Test(documents, shipped_scenarios)
{
	static const char *const forbidden[] = {"/work/shared", "../shared",
	    "REFERENCE-FIGURES", "REF,", "shared/seeds"};
	DIR *dir = opendir("scenarios");
	struct dirent *e;
	size_t files = 0, k;

	cr_assert_not_null(dir);
	while ((e = readdir(dir)) != NULL) {
		char path[300];
		lt_scenario *s = NULL;
		lt_diag d;
		char *text;
		size_t len = strlen(e->d_name);

		if (len < 4 || strcmp(e->d_name + len - 4, ".cfg") != 0)
			continue;
		snprintf(path, sizeof path, "scenarios/%s", e->d_name);
		lt_diag_init(&d, path);
		cr_expect_eq(lt_scenario_load(&s, path, &d), LT_OK, "%s: %s", path,
		             d.n ? d.items[0].msg : "");
		lt_diag_destroy(&d);
		if (s == NULL)
			continue;
		files++;
		cr_expect_gt(s->n_documents, 0, "%s lists no documents", path);
		cr_expect_gt(check_sources(s, path), 20);
		lt_scenario_free(s);
		text = slurp(path);
		cr_assert_not_null(text);
		for (k = 0; k < sizeof forbidden / sizeof *forbidden; k++)
			cr_expect_null(strstr(text, forbidden[k]), "%s mentions '%s'",
			               path, forbidden[k]);
		free(text);
	}
	closedir(dir);
	cr_expect_geq(files, 3);
}

/* The id of entry I of the JSON array A of documents. */
static const char *doc_id(json_t *a, size_t i)
{
	return json_string_value(json_object_get(json_array_get(a, i), "id"));
}

/* audit ends with the documents its findings cite: Long An's roadmap and
 * budget findings cite 004, its budget base PLO; each once. */
Test(documents, audit_cites)
{
	struct run r = run_cli("audit", "--format", "json", LONG_AN);
	json_t *root, *docs;
	size_t i, j, has004 = 0;

	cr_assert_eq(r.status, 0, "%s", r.err);
	root = json_loads(r.out, 0, NULL);
	cr_assert_not_null(root, "%s", r.out);
	docs = json_object_get(root, "documents");
	cr_assert(json_is_array(docs), "%s", r.out);
	for (i = 0; i < json_array_size(docs); i++) {
		has004 += doc_id(docs, i) != NULL && strcmp(doc_id(docs, i), "004") == 0;
		for (j = 0; j < i; j++)
			cr_expect_str_neq(doc_id(docs, i), doc_id(docs, j));
		cr_expect(json_is_string(json_object_get(json_array_get(docs, i),
		          "title")));
		cr_expect(json_is_string(json_object_get(json_array_get(docs, i),
		          "issuer")));
	}
	cr_expect_eq(has004, 1);
	cr_expect_str_eq(doc_id(docs, 0), "004", "in the scenario's order");
	json_decref(root);
	run_free(&r);
	r = run_cli("audit", LONG_AN);
	cr_expect(strstr(r.out, "\nDocuments cited\n  Id ") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "\n  004 ") != NULL);
	cr_expect(strstr(r.out, "\n  PLO ") != NULL);
	/* 001 is cited by a claim the scenario records on its figures
	 * (la_001_dt_investment) */
	cr_expect(strstr(r.out, "\n  001 ") != NULL);
	run_free(&r);
	/* CSV stays one table of findings */
	r = run_cli("audit", "--format", "csv", LONG_AN);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect_eq(strncmp(r.out, "severity,code,subject,", 22), 0, "%s", r.out);
	cr_expect_null(strstr(r.out, "Documents cited"));
	run_free(&r);
	/* only the findings shown: errors alone cite 004, not PLO */
	r = run_cli("audit", "--min-severity", "error", LONG_AN);
	cr_expect_null(strstr(r.out, "\n  PLO "), "%s", r.out);
	run_free(&r);
}

/* show prints the table after the province header, and the array in
 * JSON with null for what a document does not have. */
Test(documents, show_lists)
{
	struct run r = run_cli("show", LONG_AN);
	json_t *root, *docs, *gso = NULL;
	size_t i;

	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_expect(strstr(r.out, "horizon 2030\n\nDocuments\n  Id        Number  ")
	          != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "\n  HALL2007  NBER Working Paper 13473  Bronwyn "
	                 "H. Hall (NBER)  ") != NULL, "%s", r.out);
	cr_expect(strstr(r.out, "\n\nEconomy\n") != NULL);
	run_free(&r);
	r = run_cli("show", "--lang", "vi", LONG_AN);
	cr_expect(strstr(r.out, "\nVăn bản\n  Mã        Số hiệu  ") != NULL,
	          "%s", r.out);
	run_free(&r);
	r = run_cli("show", "--format", "json", LONG_AN);
	root = json_loads(r.out, 0, NULL);
	cr_assert_not_null(root, "%s", r.out);
	docs = json_object_get(root, "documents");
	cr_assert(json_is_array(docs));
	cr_expect_str_eq(doc_id(docs, 0), "004");
	for (i = 0; i < json_array_size(docs); i++)
		if (strcmp(doc_id(docs, i), "GSO") == 0)
			gso = json_array_get(docs, i);
	cr_assert_not_null(gso);
	cr_expect(json_is_null(json_object_get(gso, "number")));
	cr_expect(json_is_null(json_object_get(gso, "date")));
	cr_expect(json_is_string(json_object_get(gso, "note")));
	json_decref(root);
	run_free(&r);
	/* CSV is still the roadmap alone */
	r = run_cli("show", "--format", "csv", LONG_AN);
	cr_expect_eq(r.status, 0, "%s", r.err);
	cr_expect_null(strstr(r.out, "HALL2007"));
	run_free(&r);
}

/* The text of document D rendered as a table, in English (caller frees). */
static char *render(const lt_doc *d)
{
	lt_sink *m = lt_sink_memory();
	char *text;

	cr_assert_not_null(m);
	cr_assert_eq(lt_doc_render(d, LT_FORMAT_TABLE, LT_LANG_EN, m, NULL), 0);
	text = strdup(lt_sink_text(m, NULL));
	lt_sink_close(m, NULL);
	return text;
}

/* The lines: columns padded by display width (Vietnamese), a missing
 * number "–", the chosen documents only, nothing when none is chosen. */
Test(documents, cite_lines)
{
	static const unsigned char only_nq57[] = {0, 0, 1, 0};
	static const unsigned char none[] = {0, 0, 0, 0};
	static const unsigned char two[] = {1, 0, 1, 0};
	lt_scenario *s = NULL;
	lt_doc *d;
	char *text;

	cr_assert_eq(lt_scenario_parse(&s, scenario_text("NQ57"), "doc.cfg",
	                               NULL), LT_OK);
	d = lt_doc_alloc(NULL, NULL);
	cr_assert_eq(lt_cite_lines(d, 2, LT_LANG_EN, s, only_nq57), 0);
	text = render(d);
	cr_expect_str_eq(text,
	    "  Id    Number    Issuer        Date        Title\n"
	    "  -------------------------------------------------------\n"
	    "  NQ57  57-NQ/TW  Bộ Chính trị  22/12/2024  Nghị quyết 57\n");
	free(text);
	lt_doc_free(d);
	d = lt_doc_alloc(NULL, NULL);
	cr_assert_eq(lt_cite_lines(d, 0, LT_LANG_EN, s, none), 0);
	text = render(d);
	cr_expect_str_eq(text, "");
	free(text);
	lt_doc_free(d);
	d = lt_doc_alloc(NULL, NULL);
	cr_assert_eq(lt_cite_lines(d, 0, LT_LANG_EN, s, two), 0);
	text = render(d);
	cr_expect_str_eq(text,
	    "Id    Number    Issuer             Date        Title\n"
	    "-------------------------------------------------------------------\n"
	    "004   –         HĐND tỉnh Long An  …/6/2025    Nghị quyết (dự thảo)\n"
	    "NQ57  57-NQ/TW  Bộ Chính trị       22/12/2024  Nghị quyết 57\n");
	free(text);
	lt_doc_free(d);
	lt_scenario_free(s);
}
