/* plot.c - running gnuplot, and what text may safely reach it (see
 * plot.h, whose file comment lists the rules).
 *
 * Why posix_spawnp and not system() or popen(): both run /bin/sh -c with
 * a command line, and a scenario's text in a command line is a shell
 * injection waiting for a quote.  A spawned argv never meets a shell.
 * glibc's posix_spawnp reports a program it cannot execute as its return
 * value (ENOENT); other C libraries let the child exit with status 127, so
 * both mean "not installed".  gnuplot prints warnings on standard error
 * even when it succeeds ("Skipping data file with no valid points"), so
 * standard error is read whole and looked at only on failure.
 */
#include "lotrinh/plot.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lotrinh/text.h"

extern char **environ;

#ifndef LT_PLOTS_DIR
#define LT_PLOTS_DIR "plots"
#endif
#ifndef LT_PLOTS_SHARE
#define LT_PLOTS_SHARE "/usr/local/share/lotrinh/plots"
#endif

static const char *const format_names[] = {"png", "svg", "pdf"};

const char lt_plot_missing_text[] =
	"gnuplot is not installed (or not on PATH): install it "
	"(Debian: gnuplot-nox) or run with --no-plot";

int lt_plot_format_parse(const char *s, lt_plot_format *f)
{
	int i;

	for (i = 0; s != NULL && i < 3; i++)
		if (strcmp(s, format_names[i]) == 0) {
			*f = (lt_plot_format)i;
			return 0;
		}
	return -1;
}

const char *lt_plot_format_name(lt_plot_format f)
{
	return (unsigned)f < 3 ? format_names[f] : "png";
}

const char *lt_plot_templates(void)
{
	const char *env = getenv("LOTRINH_PLOTS");
	struct stat st;

	if (env != NULL && env[0] != '\0')
		return env;
	if (stat(LT_PLOTS_DIR, &st) == 0 && S_ISDIR(st.st_mode))
		return LT_PLOTS_DIR;
	return LT_PLOTS_SHARE;
}

/* ---- texts ----------------------------------------------------------------- */

/* Copy TEXT into BUF (SIZE > 0 bytes) as lt_plot_data_text does when
 * QUOTES, as lt_plot_arg_text otherwise: whole UTF-8 characters only. */
static char *clean(const char *text, int quotes, char *buf, size_t size)
{
	static const char open_q[] = "\xe2\x80\x9c", close_q[] = "\xe2\x80\x9d";
	size_t used = 0, n = text != NULL ? strlen(text) : 0, i = 0;
	int opened = 0;

	while (i < n) {
		unsigned char c = (unsigned char)text[i];
		const char *piece = text + i;
		size_t len = 1, step = 1;
		uint32_t cp;

		if (c < 0x20 || c == 0x7f) {
			piece = " ";
		} else if (c == '"' && quotes) {
			piece = opened ? close_q : open_q;
			len = 3;
			opened = !opened;
		} else if (c >= 0x80) {
			len = step = lt_utf8_decode(text + i, n - i, &cp);
		}
		if (used + len >= size)
			break;
		memcpy(buf + used, piece, len);
		used += len;
		i += step;
	}
	buf[used] = '\0';
	return buf;
}

char *lt_plot_data_text(const char *text, char *buf, size_t size)
{
	return clean(text, 1, buf, size);
}

char *lt_plot_arg_text(const char *text, char *buf, size_t size)
{
	return clean(text, 0, buf, size);
}

char *lt_plot_path(const char *dir, const char *name, char *buf, size_t size)
{
	int n;

	if (dir == NULL || dir[0] == '\0')
		n = snprintf(buf, size, "./%s", name);
	else
		n = snprintf(buf, size, "%s%s%s%s", dir[0] == '/' ? "" : "./", dir,
		             dir[strlen(dir) - 1] == '/' ? "" : "/", name);
	return n >= 0 && (size_t)n < size ? buf : NULL;
}

int lt_plot_shell_word(lt_sink *s, const char *word)
{
	const char *q;

	lt_sink_puts(s, "'");
	while ((q = strchr(word, '\'')) != NULL) {
		lt_sink_write(s, word, (size_t)(q - word));
		lt_sink_puts(s, "'\\''");
		word = q + 1;
	}
	lt_sink_puts(s, word);
	return lt_sink_puts(s, "'");
}

/* ---- running gnuplot ------------------------------------------------------- */

/* What gnuplot said: the whole of its standard error, up to a limit. */
struct errtext {
	char buf[4096];
	size_t n;
};

/* Read FD to its end into E (keeping the first sizeof E->buf - 1 bytes). */
static void read_all(int fd, struct errtext *e)
{
	char chunk[1024];
	ssize_t got;

	e->n = 0;
	for (;;) {
		got = read(fd, chunk, sizeof chunk);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		if (e->n < sizeof e->buf - 1) {
			size_t keep = (size_t)got;

			if (keep > sizeof e->buf - 1 - e->n)
				keep = sizeof e->buf - 1 - e->n;
			memcpy(e->buf + e->n, chunk, keep);
			e->n += keep;
		}
	}
	e->buf[e->n] = '\0';
}

/* 1 when the line at P (LEN bytes) contains WORD. */
static int has_word(const char *p, size_t len, const char *word)
{
	const char *w = strstr(p, word);

	return w != NULL && w + strlen(word) <= p + len;
}

/* The line of E that says what went wrong, into LINE (SIZE bytes): the
 * first one naming a script line that is not a warning ("\"x.gp\" line 7:
 * undefined variable"), else the first that is neither blank nor a
 * warning, else the first that is not blank.  gnuplot echoes the failing
 * command and a caret before the message, and may warn before it (a
 * locale without UTF-8 gives "iconv failed to convert degree sign"). */
static void error_line(const struct errtext *e, char *line, size_t size)
{
	const char *p, *first = NULL, *plain = NULL, *found = NULL;
	size_t len;

	for (p = e->buf; *p != '\0' && found == NULL; p += len + (p[len] != '\0')) {
		const char *l = p;
		int warning;

		len = strcspn(p, "\n");
		while (l < p + len && (*l == ' ' || *l == '\t'))
			l++;
		if (l == p + len)
			continue;
		warning = has_word(p, len, "warning:") || has_word(p, len, "Warning");
		if (first == NULL)
			first = p;
		if (plain == NULL && !warning)
			plain = p;
		if (!warning && has_word(p, len, " line "))
			found = p;
	}
	p = found != NULL ? found : plain != NULL ? plain : first;
	if (p == NULL) {
		snprintf(line, size, "no message");
		return;
	}
	len = strcspn(p, "\n");
	if (len > LT_PLOT_ERR_MAX)
		len = LT_PLOT_ERR_MAX;
	snprintf(line, size, "%.*s", (int)len, p);
	lt_text_quote(line, LT_PLOT_ERR_MAX, line, size);
}

/* Spawn gnuplot with ARGV, its standard error the write end of PIPE_FD;
 * *PID receives its id.  Returns posix_spawnp's status. */
static int spawn(char *const *argv, const int pipe_fd[2], pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	int rc;

	rc = posix_spawn_file_actions_init(&fa);
	if (rc != 0)
		return rc;
	rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	if (rc == 0)
		rc = posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY,
		                                      0);
	if (rc == 0)
		rc = posix_spawn_file_actions_adddup2(&fa, pipe_fd[1], 2);
	if (rc == 0)
		rc = posix_spawn_file_actions_addclose(&fa, pipe_fd[0]);
	if (rc == 0 && pipe_fd[1] != 2)
		rc = posix_spawn_file_actions_addclose(&fa, pipe_fd[1]);
	if (rc == 0)
		rc = posix_spawnp(pid, "gnuplot", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

int lt_plot_run(const char *script, const char *const *args, size_t n_args,
                lt_diag *diag)
{
	char *argv[3 + LT_PLOT_MAX_ARGS + 1], line[LT_PLOT_ERR_MAX + 8];
	struct errtext e;
	int fds[2], rc, status;
	pid_t pid;
	size_t i;

	if (n_args > LT_PLOT_MAX_ARGS)
		LT_ERROR(diag, LT_EINVAL, "a gnuplot template takes at most %d "
		         "arguments (got %zu)", LT_PLOT_MAX_ARGS, n_args);
	argv[0] = (char *)"gnuplot";
	argv[1] = (char *)"-c";
	argv[2] = (char *)script;
	for (i = 0; i < n_args; i++)
		argv[3 + i] = (char *)args[i];
	argv[3 + n_args] = NULL;
	if (pipe(fds) != 0)
		LT_ERROR(diag, LT_EIO, "cannot run gnuplot: pipe: %s",
		         strerror(errno));
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	rc = spawn(argv, fds, &pid);
	close(fds[1]);
	if (rc != 0) {
		close(fds[0]);
		if (rc == ENOENT || rc == EACCES || rc == ENOTDIR)
			LT_ERROR(diag, LT_EEXTERN, "%s", lt_plot_missing_text);
		LT_ERROR(diag, LT_EEXTERN, "cannot run gnuplot: %s", strerror(rc));
	}
	read_all(fds[0], &e);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			LT_ERROR(diag, LT_EEXTERN, "cannot wait for gnuplot: %s",
			         strerror(errno));
	rc = LT_OK;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		rc = lt_error_raise(diag, LT_EEXTERN, NULL, 0, "%s",
		                    lt_plot_missing_text);
	else if (WIFSIGNALED(status))
		rc = lt_error_raise(diag, LT_EEXTERN, NULL, 0, "gnuplot was ended by "
		                    "signal %d on %s", WTERMSIG(status), script);
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		error_line(&e, line, sizeof line);
		rc = lt_error_raise(diag, LT_EEXTERN, NULL, 0, "gnuplot failed on "
		                    "%s: %s", script, line);
	}
	return rc;
}
