/* chart.c - the machinery every chart shares (see chart.h): its files,
 * its labels, the redraw script and the run of gnuplot.
 *
 * A chart is written in one order: the data file row by row while the
 * kind's function walks its result, the labels collected in memory (a
 * line of keys needs every key before the line of texts), then at the end
 * the labels file, the template's copy, the script and last the image.
 * Every file goes through the output directory (outdir.h), so each is
 * complete or absent and recorded in its manifest; gnuplot draws into
 * the temporary file the directory gives out for the image, adopted only
 * when gnuplot succeeded and drew something.  That temporary file's path
 * is also how this module learns where the chart's files are, for the
 * arguments of gnuplot.  gnuplot runs the copy of the template beside the
 * data, the very command the script repeats.  The kinds themselves are in chart_mc.c (the Monte Carlo
 * results), chart_plan.c (the plan's money) and chart_sens.c
 * (sensitivity).
 */
#include "chart_private.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lotrinh/file.h"
#include "lotrinh/plot.h"
#include "lotrinh/table.h"
#include "lotrinh/text.h"

/* Largest template read: the templates are a few kilobytes. */
#define TEMPLATE_MAX (1 << 20)
/* Longest path of a chart's file. */
#define PATH_MAX_LEN 4096
/* Longest text a label or a data field keeps (a whole title in UTF-8). */
#define TEXT_MAX 1024

void lt_chart_opts_init(lt_chart_opts *o, lt_outdir *od)
{
	memset(o, 0, sizeof *o);
	o->od = od;
	o->format = LT_PLOT_PNG;
	o->lang = LT_LANG_EN;
}

char *lt_chart_stem(const char *kind, const lt_indicator *ind, char *buf,
                    size_t size)
{
	size_t n;
	char *p;

	if (ind == NULL) {
		snprintf(buf, size, "%s", kind);
		return buf;
	}
	snprintf(buf, size, "%s-%s", kind, ind->id != NULL ? ind->id : "");
	n = strlen(kind) + 1;
	for (p = buf + (n < strlen(buf) ? n : strlen(buf)); *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			*p = '_';
	return buf;
}

/* ---- texts ------------------------------------------------------------------ */

const char *lt_chart_name(const lt_indicator *ind, lt_lang lang)
{
	if (lang == LT_LANG_VI && ind->name_vi != NULL && ind->name_vi[0] != '\0')
		return ind->name_vi;
	return ind->name != NULL ? ind->name : ind->id;
}

const char *lt_chart_unit(const lt_indicator *ind, lt_lang lang)
{
	if (lang == LT_LANG_VI && ind->unit_vi != NULL && ind->unit_vi[0] != '\0')
		return ind->unit_vi;
	return ind->unit != NULL ? ind->unit : "";
}

const char *lt_chart_province(const lt_scenario *s, lt_lang lang)
{
	const lt_province *p = &s->province;

	if (lang == LT_LANG_VI && p->name_vi != NULL && p->name_vi[0] != '\0')
		return p->name_vi;
	return p->name != NULL ? p->name : (p->id != NULL ? p->id : "");
}

char *lt_chart_title(const lt_scenario *s, const lt_indicator *ind,
                     const char *what, lt_lang lang, char *buf, size_t size)
{
	char name[512];

	if (ind == NULL)
		snprintf(buf, size, "%s — %s", what, lt_chart_province(s, lang));
	else
		snprintf(buf, size, "%s%s%s — %s", lt_text_shorten(lt_chart_name(
		         ind, lang), LT_CHART_TITLE_NAME, name, sizeof name),
		         what != NULL ? ": " : "", what != NULL ? what : "",
		         lt_chart_province(s, lang));
	return buf;
}

char *lt_chart_fmt(double v, int decimals, lt_lang lang, char *buf,
                   size_t size)
{
	return lt_format_number(v, decimals, 1, lang, buf, size);
}

char *lt_chart_prob(size_t count, size_t n, lt_lang lang, char *buf,
                    size_t size)
{
	char p[64], nd[64];

	lt_format_number((double)n, 0, 0, lang, nd, sizeof nd);
	if (n > 0 && count == 0)
		snprintf(buf, size, LT_L(lang, "below %s (met in none of %s draws)",
		         "dưới %s (không lần nào trong %s lần mô phỏng đạt)"),
		         lt_format_number(3.0 / (double)n, 4, 1, lang, p, sizeof p), nd);
	else if (n > 0 && count == n)
		snprintf(buf, size, LT_L(lang, "above %s (met in all %s draws)",
		         "trên %s (cả %s lần mô phỏng đều đạt)"),
		         lt_format_number(1.0 - 3.0 / (double)n, 4, 1, lang, p,
		         sizeof p), nd);
	else
		snprintf(buf, size, LT_L(lang, "%s (%s draws)", "%s (%s lần mô phỏng)"),
		         lt_format_number(n > 0 ? (double)count / (double)n : NAN, 2, 0,
		         lang, p, sizeof p), nd);
	return buf;
}

/* ---- a chart's files --------------------------------------------------------- */

/* Record failure RC of C (the first one only); returns C->rc. */
static int fail(lt_chart *c, int rc)
{
	if (c->rc == LT_OK)
		c->rc = rc;
	return c->rc;
}

/* The name in the output directory of C's file STEM + SUFFIX into BUF
 * (256 bytes at least). */
static char *file_name(const lt_chart *c, const char *suffix, char *buf,
                       size_t size)
{
	snprintf(buf, size, "%s%s%s", c->dir, c->stem, suffix);
	return buf;
}

/* The path gnuplot is given for C's file STEM + SUFFIX in the chart's
 * directory DIR (lt_plot_path) into BUF; NULL (and C failed) when it does
 * not fit. */
static char *file_path(lt_chart *c, const char *dir, const char *suffix,
                       char *buf, size_t size)
{
	char name[256];

	snprintf(name, sizeof name, "%s%s", c->stem, suffix);
	if (lt_plot_path(dir, name, buf, size) == NULL) {
		fail(c, lt_error_raise(c->diag, LT_EINVAL, NULL, 0, "the path of "
		                       "chart file %s is too long", name));
		return NULL;
	}
	return buf;
}

/* A sink of the output directory for C's STEM + SUFFIX into *OUT. */
static int open_file(lt_chart *c, const char *suffix, lt_sink **out)
{
	char name[PATH_MAX_LEN];

	*out = NULL;
	if (c->rc != LT_OK)
		return c->rc;
	return fail(c, lt_outdir_sink(c->o->od, file_name(c, suffix, name,
	                              sizeof name), out, c->diag));
}

int lt_chart_begin(lt_chart *c, const lt_chart_opts *o, const char *kind,
                   const lt_indicator *ind, lt_diag *diag)
{
	memset(c, 0, sizeof *c);
	c->o = o;
	c->kind = kind;
	c->diag = diag;
	lt_chart_stem(kind, ind, c->stem, sizeof c->stem);
	if (o->od == NULL)
		return fail(c, lt_error_raise(diag, LT_EINVAL, NULL, 0, "no output "
		                              "directory for the charts"));
	if (o->subdir != NULL && o->subdir[0] != '\0' &&
	    (size_t)snprintf(c->dir, sizeof c->dir, "%s/", o->subdir) >=
	    sizeof c->dir)
		return fail(c, lt_error_raise(diag, LT_EINVAL, NULL, 0, "the charts' "
		                              "folder name is too long"));
	c->keys = lt_sink_memory();
	c->texts = lt_sink_memory();
	if (c->keys == NULL || c->texts == NULL)
		return fail(c, lt_error_raise(diag, LT_ENOMEM, NULL, 0,
		                              "out of memory"));
	return open_file(c, ".tsv", &c->data);
}

void lt_chart_label(lt_chart *c, const char *key, const char *text)
{
	char clean[TEXT_MAX];

	if (c->rc != LT_OK)
		return;
	if (c->n_labels++ > 0) {
		lt_sink_puts(c->keys, "\t");
		lt_sink_puts(c->texts, "\t");
	}
	lt_sink_puts(c->keys, key);
	lt_sink_puts(c->texts, lt_plot_data_text(text, clean, sizeof clean));
}

void lt_chart_labelf(lt_chart *c, const char *key, const char *fmt, ...)
{
	char text[TEXT_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	lt_chart_label(c, key, text);
}

void lt_chart_arg(lt_chart *c, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (c->n_args >= LT_CHART_OWN_ARGS) {
		fail(c, lt_error_raise(c->diag, LT_EINVAL, NULL, 0, "chart %s: too "
		                       "many template arguments", c->kind));
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(c->args[c->n_args++], sizeof c->args[0], fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof c->args[0])
		fail(c, lt_error_raise(c->diag, LT_EINVAL, NULL, 0, "chart %s: a "
		                       "template argument is too long", c->kind));
}

/* The separator before the next field of the data's line. */
static void field(lt_chart *c)
{
	if (c->col++ > 0)
		lt_sink_puts(c->data, "\t");
}

void lt_chart_num(lt_chart *c, double v)
{
	char buf[64];
	lt_cell cell = lt_cell_number(v, 0, 0, NULL);

	if (c->data == NULL)
		return;
	field(c);
	if (isfinite(v))
		lt_sink_puts(c->data, lt_cell_csv(&cell, buf, sizeof buf));
}

void lt_chart_int(lt_chart *c, long v)
{
	if (c->data == NULL)
		return;
	field(c);
	lt_sink_printf(c->data, "%ld", v);
}

void lt_chart_text(lt_chart *c, const char *text)
{
	char clean[TEXT_MAX];

	if (c->data == NULL)
		return;
	field(c);
	lt_sink_puts(c->data, lt_plot_data_text(text, clean, sizeof clean));
}

void lt_chart_eol(lt_chart *c)
{
	if (c->data == NULL)
		return;
	lt_sink_puts(c->data, "\n");
	c->col = 0;
}

void lt_chart_blank(lt_chart *c)
{
	if (c->data != NULL)
		lt_sink_puts(c->data, "\n");
}

void lt_chart_abort(lt_chart *c)
{
	lt_sink_discard(c->data);
	lt_sink_discard(c->keys);
	lt_sink_discard(c->texts);
	c->data = c->keys = c->texts = NULL;
}

/* ---- the end: labels, template, script, image --------------------------------- */

/* Close sink *S into C's status. */
static void close_file(lt_chart *c, lt_sink **s)
{
	int rc;

	if (*s == NULL)
		return;
	if (c->rc != LT_OK) {
		lt_sink_discard(*s);
	} else {
		rc = lt_sink_close(*s, c->diag);
		if (rc != LT_OK)
			fail(c, rc);
	}
	*s = NULL;
}

static void write_labels(lt_chart *c)
{
	lt_sink *f;

	if (open_file(c, ".labels.tsv", &f) != LT_OK)
		return;
	/* a last field "end" = ".": gnuplot 5.4's strcol misreads an empty
	 * last field when the file has column headers */
	lt_sink_printf(f, "%s%send\n", lt_sink_text(c->keys, NULL),
	               c->n_labels > 0 ? "\t" : "");
	lt_sink_printf(f, "%s%s.\n", lt_sink_text(c->texts, NULL),
	               c->n_labels > 0 ? "\t" : "");
	close_file(c, &f);
}

/* Read the template KIND.gp into *TEXT (caller frees) and *LEN. */
static void read_template(lt_chart *c, char **text, size_t *len)
{
	const char *dir = c->o->templates != NULL ? c->o->templates
	                                          : lt_plot_templates();
	char path[PATH_MAX_LEN];
	lt_diag d;
	int rc;

	*text = NULL;
	if (c->rc != LT_OK)
		return;
	snprintf(path, sizeof path, "%s/%s.gp", dir, c->kind);
	lt_diag_init(&d, NULL);
	rc = lt_file_read(path, TEMPLATE_MAX, "a chart template", text, len, &d);
	if (rc != LT_OK)
		fail(c, lt_error_raise(c->diag, rc == LT_ENOMEM ? rc : LT_EIO, path,
		                       0, "cannot read the chart template (set "
		                       "LOTRINH_PLOTS to the directory of lotrinh's "
		                       "plots/): %s", d.n > 0 ? d.items[0].msg :
		                       "failed"));
	lt_diag_destroy(&d);
}

/* STEM.gp: the template TEXT of LEN bytes, unchanged. */
static void write_template(lt_chart *c, const char *text, size_t len)
{
	lt_sink *f;

	if (open_file(c, ".gp", &f) == LT_OK) {
		lt_sink_write(f, text, len);
		close_file(c, &f);
	}
}

/* The mode of a new file: 0666 (MODE) less the umask. */
static mode_t new_mode(mode_t mode)
{
	mode_t mask = umask(0);

	umask(mask);
	return mode & ~mask;
}

/* The arguments of gnuplot after the template into ARGV (BUF: three
 * buffers of PATH_MAX_LEN bytes): the image IMAGE, the data and labels
 * files in the chart's directory DIR (NULL: relative to the script, for
 * the script), the title and decimal sign, and C's own.  Returns the
 * count, 0 on failure. */
static size_t make_args(lt_chart *c, const char *dir, const char *image,
                        const char *title, char (*buf)[PATH_MAX_LEN],
                        const char **argv)
{
	size_t n = 0, i;

	argv[n++] = lt_plot_format_name(c->o->format);
	argv[n++] = image;
	if (file_path(c, dir, ".tsv", buf[0], PATH_MAX_LEN) == NULL ||
	    file_path(c, dir, ".labels.tsv", buf[1], PATH_MAX_LEN) == NULL)
		return 0;
	argv[n++] = buf[0];
	argv[n++] = buf[1];
	lt_plot_arg_text(title, buf[2], PATH_MAX_LEN);
	argv[n++] = buf[2];
	argv[n++] = c->o->lang == LT_LANG_VI ? "," : ".";
	for (i = 0; i < c->n_args; i++)
		argv[n++] = c->args[i];
	return n;
}

/* STEM.sh: the command that redraws the image, every word quoted, made
 * executable in the chart's directory DIR. */
static void write_script(lt_chart *c, const char *dir, const char *title)
{
	char buf[3][PATH_MAX_LEN], image[256], gp[256], path[PATH_MAX_LEN];
	const char *argv[LT_PLOT_MAX_ARGS];
	size_t n, i;
	lt_sink *f;

	snprintf(image, sizeof image, "./%s.%s", c->stem,
	         lt_plot_format_name(c->o->format));
	snprintf(gp, sizeof gp, "./%s.gp", c->stem);
	n = make_args(c, NULL, image, title, buf, argv);
	if (n == 0 || open_file(c, ".sh", &f) != LT_OK)
		return;
	lt_sink_printf(f, "#!/bin/sh\n"
	               "# %s.sh - redraw %s with gnuplot, as lotrinh drew it.\n"
	               "# The numbers are in %s.tsv, the texts in %s.labels.tsv;\n"
	               "# %s.gp is lotrinh's template plots/%s.gp as it was used.\n"
	               "# Edit any of them (the style, the texts) and run this "
	               "script again.\n"
	               "cd \"$(dirname \"$0\")\" || exit 1\n"
	               "exec gnuplot -c ", c->stem, image + 2, c->stem, c->stem,
	               c->stem, c->kind);
	lt_plot_shell_word(f, gp);
	for (i = 0; i < n; i++) {
		lt_sink_puts(f, " ");
		lt_plot_shell_word(f, argv[i]);
	}
	lt_sink_puts(f, "\n");
	close_file(c, &f);
	/* the manifest keeps the bytes, not the mode: a script may run */
	if (c->rc == LT_OK && file_path(c, dir, ".sh", path, sizeof path) != NULL)
		chmod(path, new_mode(0777));
}

/* The directory part of PATH (without the last '/') into BUF; "" for a
 * bare name. */
static void dir_of(const char *path, char *buf, size_t size)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash != NULL ? (size_t)(slash - path) : 0;

	snprintf(buf, size, "%.*s", (int)(n < size ? n : size - 1), path);
	if (slash == path)
		snprintf(buf, size, "/");
}

/* Draw the image: gnuplot runs STEM.gp (in the chart's directory DIR)
 * into the temporary file TMP that the output directory gave out for
 * the image IMAGE, adopted when gnuplot succeeded and drew something. */
static void draw(lt_chart *c, const char *dir, const char *image,
                 const char *tmp, const char *title)
{
	char script[PATH_MAX_LEN], out[PATH_MAX_LEN + 2], buf[3][PATH_MAX_LEN];
	const char *argv[LT_PLOT_MAX_ARGS];
	struct stat st;
	size_t n;
	int rc;

	if (file_path(c, dir, ".gp", script, sizeof script) == NULL)
		return;
	/* the temporary file, as gnuplot must be given a file (plot.h) */
	snprintf(out, sizeof out, "%s%s", tmp[0] == '/' ? "" : "./", tmp);
	n = make_args(c, dir, out, title, buf, argv);
	rc = n > 0 ? lt_plot_run(script, argv, n, c->diag) : c->rc;
	if (rc == LT_OK && (stat(tmp, &st) != 0 || st.st_size == 0))
		rc = lt_error_raise(c->diag, LT_EEXTERN, image, 0, "gnuplot drew "
		                    "nothing");
	if (rc == LT_OK)
		rc = lt_outdir_adopt(c->o->od, image, tmp, c->diag);
	else
		lt_outdir_discard(c->o->od, image);
	fail(c, rc);
}

int lt_chart_end(lt_chart *c, const char *title)
{
	char image[PATH_MAX_LEN], tmp[PATH_MAX_LEN], dir[PATH_MAX_LEN];
	char ext[16], *tmpl = NULL;
	size_t len = 0;

	/* the template first: without it nothing is put in place */
	read_template(c, &tmpl, &len);
	snprintf(ext, sizeof ext, ".%s", lt_plot_format_name(c->o->format));
	file_name(c, ext, image, sizeof image);
	/* the image's temporary file says where the chart's files are */
	if (c->rc == LT_OK && fail(c, lt_outdir_temp(c->o->od, image, tmp,
	                                             sizeof tmp, c->diag)) ==
	    LT_OK)
		dir_of(tmp, dir, sizeof dir);
	close_file(c, &c->data);
	if (c->rc == LT_OK && (lt_sink_status(c->keys) != LT_OK ||
	                       lt_sink_status(c->texts) != LT_OK))
		fail(c, lt_error_raise(c->diag, LT_ENOMEM, NULL, 0, "out of memory"));
	if (c->rc == LT_OK)
		write_labels(c);
	if (c->rc == LT_OK)
		write_template(c, tmpl, len);
	free(tmpl);
	if (c->rc == LT_OK)
		write_script(c, dir, title);
	if (c->rc == LT_OK)
		draw(c, dir, image, tmp, title);
	else
		lt_outdir_discard(c->o->od, image);
	lt_chart_abort(c);
	return c->rc;
}
