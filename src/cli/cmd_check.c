/* cmd_check.c - `lotrinh check FILE...`: validate scenario files. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli_private.h"
#include "lotrinh/config.h"
#include "lotrinh/model.h"
#include "lotrinh/cli.h"
#include "lotrinh/scenario.h"

const char lt_usage_check[] =
	"Usage: lotrinh check [--lang en|vi] FILE...\n"
	"\n"
	"Validate each scenario FILE.  A valid file prints one line on standard\n"
	"output, \"FILE: ok\" with what it holds; an invalid one prints every\n"
	"error found (up to 50 a file) on standard error, each as\n"
	"\"lotrinh: FILE:LINE: message\".\n"
	"\n"
	"Options:\n"
	"  --lang en|vi the lines in English (default) or Vietnamese\n"
	"  -h, --help   show this help\n"
	"\n"
	"Exit status: 0 when every file is valid, 2 when any is not, 3 when a\n"
	"file cannot be read or memory runs out.\n"
	"The format is described in docs/SCENARIO.md.\n";

const char lt_usage_check_vi[] =
	"Cách dùng: lotrinh check [--lang en|vi] TỆP...\n"
	"\n"
	"Kiểm tra từng tệp kịch bản TỆP.  Tệp hợp lệ in một dòng ra đầu ra chuẩn,\n"
	"\"TỆP: ok\" cùng nội dung tệp có; tệp không hợp lệ in mọi lỗi tìm thấy\n"
	"(tối đa 50 lỗi mỗi tệp) ra đầu ra lỗi chuẩn, mỗi lỗi dạng\n"
	"\"lotrinh: TỆP:DÒNG: thông báo\" (thông báo lỗi bằng tiếng Anh).\n"
	"\n"
	"Tùy chọn:\n"
	"  --lang en|vi các dòng bằng tiếng Anh (mặc định) hoặc tiếng Việt\n"
	"  -h, --help   in trợ giúp này\n"
	"\n"
	"Mã thoát: 0 khi mọi tệp hợp lệ, 2 khi có tệp không hợp lệ, 3 khi không\n"
	"đọc được tệp hoặc hết bộ nhớ.\n"
	"Định dạng tệp được mô tả trong docs/SCENARIO.md.\n";

/* "  by form: 12 threshold, 5 strict, 1 range; 1 later target (2045),
 *  3 met at the baseline": the targets by the form the plan states them
 *  in (lt_target_form), the second target years and the targets already
 *  met. */
static void print_forms(const lt_scenario *s, lt_lang lang)
{
	static const char *const forms[] = {"threshold", "strict", "range",
	    "rank group", "period mean", "growth rate", NULL};
	static const char *const forms_vi[] = {"ngưỡng", "ngưỡng chặt",
	    "khoảng", "nhóm xếp hạng", "bình quân giai đoạn", "tốc độ tăng"};
	size_t count[sizeof forms / sizeof *forms] = {0};
	size_t k, f, visions = 0, met = 0, printed = 0;
	int first = 0, last = 0;

	for (k = 0; k < s->n_indicators; k++) {
		const lt_indicator *ind = &s->indicators[k];
		const char *form = lt_target_form(ind);

		for (f = 0; forms[f] != NULL && strcmp(forms[f], form) != 0; f++)
			;
		count[f]++;
		met += (size_t)lt_target_met_at_baseline(ind);
		if (ind->has_vision) {
			if (visions++ == 0 || ind->vision.year < first)
				first = ind->vision.year;
			if (ind->vision.year > last)
				last = ind->vision.year;
		}
	}
	if (lang == LT_LANG_VI) {
		printf("  theo dạng:");
		for (f = 0; forms[f] != NULL; f++)
			if (count[f] > 0)
				printf("%s %zu %s", printed++ ? "," : "", count[f],
				       forms_vi[f]);
		if (visions > 0 && first == last)
			printf("; %zu mục tiêu tầm nhìn (%d)", visions, first);
		else if (visions > 0)
			printf("; %zu mục tiêu tầm nhìn (%d-%d)", visions, first, last);
		printf("; %zu đã đạt ở hiện trạng\n", met);
		return;
	}
	printf("  by form:");
	for (f = 0; forms[f] != NULL; f++)
		if (count[f] > 0)
			printf("%s %zu %s", printed++ ? "," : "", count[f], forms[f]);
	if (visions > 0 && first == last)
		printf("; %zu later target%s (%d)", visions,
		       visions == 1 ? "" : "s", first);
	else if (visions > 0)
		printf("; %zu later targets (%d-%d)", visions, first, last);
	printf("; %zu met at the baseline\n", met);
}

int lt_cli_count_targets(const lt_scenario *s, lt_cli_targets *out,
                         lt_diag *diag)
{
	lt_model *m = NULL;
	size_t k;
	int rc = lt_model_compile(&m, s, NULL, diag);

	memset(out, 0, sizeof *out);
	if (rc != LT_OK)
		return rc;
	out->targets = s->n_indicators;
	for (k = 0; k < s->n_indicators; k++) {
		const lt_indicator *ind = &s->indicators[k];

		if (lt_indicator_target_only(ind))
			continue;
		out->based++;
		out->simulated += lt_model_dynamic(m, k, NULL) != 0;
		out->ranks += ind->kind == LT_KIND_RANK;
	}
	out->target_only = out->targets - out->based;
	lt_model_free(m);
	return LT_OK;
}

/* "  6 targets: 6 with a baseline (5 simulated, 1 rank), 0 target-only":
 * what a province carries, and what the model can follow.  Returns an
 * exit status (the model may fail to compile for want of memory). */
static int print_targets(const lt_scenario *s, lt_lang lang)
{
	lt_cli_targets n;
	lt_diag d;
	int rc;

	lt_diag_init(&d, s->path);
	rc = lt_cli_count_targets(s, &n, &d);
	if (rc != LT_OK) {
		lt_cli_print_diag(&d);
		lt_diag_destroy(&d);
		return lt_cli_exit_status(rc);
	}
	lt_diag_destroy(&d);
	if (lang == LT_LANG_VI)
		printf("  %zu mục tiêu: %zu có hiện trạng (%zu được mô phỏng, %zu "
		       "xếp hạng), %zu chỉ có mục tiêu\n", n.targets, n.based,
		       n.simulated, n.ranks, n.target_only);
	else
		printf("  %zu target%s: %zu with a baseline (%zu simulated, %zu "
		       "rank%s), %zu target-only\n", n.targets,
		       n.targets == 1 ? "" : "s", n.based, n.simulated, n.ranks,
		       n.ranks == 1 ? "" : "s", n.target_only);
	print_forms(s, lang);
	return LT_EXIT_OK;
}

static size_t count_tasks(const lt_scenario *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->programs.n_parts; i++)
		n += s->programs.parts[i].n_tasks;
	return n;
}

int lt_cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{"lang", required_argument, NULL, LT_OPT_LANG},
		{NULL, 0, NULL, 0},
	};
	int o, i, rc, status = LT_EXIT_OK;
	lt_cli_opts co;

	lt_cli_opts_init(&co);
	optind = 0;
	opterr = 0;
	while ((o = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		rc = lt_cli_help_option("check", o, optarg, &co);
		if (rc < 0)
			rc = lt_cli_option("check", o, optarg, &co);
		if (rc < 0)
			rc = lt_cli_bad_option("check", o, argv);
		if (rc != LT_EXIT_OK)
			return rc;
	}
	if (co.help)
		return lt_cli_help("check", &co);
	if (optind >= argc)
		return lt_cli_usage_error("check", "no scenario file given");
	for (i = optind; i < argc; i++) {
		lt_scenario *s;
		lt_diag d;

		lt_diag_init(&d, argv[i]);
		rc = lt_scenario_load(&s, argv[i], &d);
		if (rc == LT_OK && co.lang == LT_LANG_VI) {
			printf("%s: ok (%zu chỉ tiêu, %zu kênh", argv[i],
			       s->n_indicators, s->n_channels);
			if (s->has_programs)
				printf(", %zu nhiệm vụ", count_tasks(s));
			printf(")\n");
		} else if (rc == LT_OK) {
			printf("%s: ok (%zu indicator%s, %zu channel%s", argv[i],
			       s->n_indicators, s->n_indicators == 1 ? "" : "s",
			       s->n_channels, s->n_channels == 1 ? "" : "s");
			if (s->has_programs)
				printf(", %zu programme task%s", count_tasks(s),
				       count_tasks(s) == 1 ? "" : "s");
			printf(")\n");
		}
		if (rc == LT_OK) {
			rc = print_targets(s, co.lang);
			if (rc > status)
				status = rc;
			lt_scenario_free(s);
		} else {
			/* the worst status wins: the environment (3) over a bad
			 * file (2) */
			lt_cli_print_diag(&d);
			if (lt_cli_exit_status(rc) > status)
				status = lt_cli_exit_status(rc);
		}
		lt_diag_destroy(&d);
	}
	return status;
}
