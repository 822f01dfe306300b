/* sink.h - where rendered output goes: standard output, a file, memory,
 * or a sink another module builds on these (lt_sink_custom).
 *
 * Writers take a sink, not a FILE *, so that one renderer serves the
 * terminal, files and tests, and so that every write is checked in one
 * place.  A sink remembers its first failure: later writes do nothing, and
 * lt_sink_close reports it.  Writers may therefore ignore the status of
 * single writes and rely on the close (they may also stop early).
 *
 * A file sink never leaves a half-written file behind: it writes a
 * temporary file in the destination's directory (mkstemp there, so the
 * final rename stays within one file system and is atomic), and on a
 * successful close flushes it, fsyncs it, closes it and renames it over
 * the destination.  On any failure, or lt_sink_discard, it removes the
 * temporary file and leaves the destination as it was.  It refuses a
 * destination that is one of the inputs the caller names, so a mistyped
 * --out cannot destroy a scenario.
 *
 * Why fsync: rename-over-the-old-file is the point where a crash must find
 * either the old or the new content; without fsync some file systems may
 * commit the rename before the data and leave an empty file.  Outputs are
 * small, so the cost is one disk flush per file.  The directory itself is
 * not fsynced: losing the rename in a crash leaves the old file, which is
 * acceptable.
 */
#ifndef LT_SINK_H
#define LT_SINK_H

#include <stddef.h>

#include "lotrinh/error.h"

typedef struct lt_sink lt_sink;

/* A sink writing to the process's standard output (through stdio's
 * stdout); NULL when out of memory.  Closing it flushes stdout but does
 * not close it. */
lt_sink *lt_sink_stdout(void);

/* A sink collecting what is written in memory (lt_sink_text); NULL when
 * out of memory. */
lt_sink *lt_sink_memory(void);

/* Open a file sink for PATH into *OUT.  INPUTS (N_INPUTS paths, may be
 * NULL when 0) are files the run reads; a PATH that names one of them (the
 * same file, however it is spelt, or the same text) is refused.  Returns
 * LT_OK; LT_EINVAL when PATH is empty, a directory or an input; LT_EIO when
 * the temporary file cannot be made; LT_ENOMEM.  Errors are recorded in
 * DIAG against PATH; *OUT is NULL on failure. */
int lt_sink_file(lt_sink **out, const char *path, const char *const *inputs,
                 size_t n_inputs, lt_diag *diag);

/* 1 when PATH names one of INPUTS (N_INPUTS paths, NULL entries skipped):
 * the same text, or the same device and inode, however either is spelt
 * (through '..' or links).  A PATH that does not exist is no input. */
int lt_sink_is_input(const char *path, const char *const *inputs,
                     size_t n_inputs);

/* What a sink built by another module does (lt_sink_custom), for a sink
 * that adds to a file sink what this module cannot know, such as
 * outdir.c's record of what it wrote.  ARG is the sink's state, owned by
 * the sink once made.  WRITE receives each non-empty write and returns
 * LT_OK or a failure, which the sink keeps (later writes are not passed
 * on).  CLOSE receives the sink's status so far, finishes, reports any
 * failure in DIAG itself (lt_sink_close adds nothing) and returns the
 * final status; DISCARD abandons.  Either frees ARG. */
typedef struct lt_sink_ops {
	int (*write)(void *arg, const char *buf, size_t n);
	int (*close)(void *arg, int status, lt_diag *diag);
	void (*discard)(void *arg);
} lt_sink_ops;

/* A sink whose writes, close and discard are OPS's (borrowed: it must
 * outlive the sink), called with ARG.  NULL when out of memory, and ARG is
 * then still the caller's. */
lt_sink *lt_sink_custom(const lt_sink_ops *ops, void *arg);

/* The name of a file sink's temporary file (borrowed, valid until the
 * close or discard); NULL for other sinks.  For a writer that can only
 * write to a file name, as libxlsxwriter does (xlsx.c): it writes the
 * whole file under this name and writes nothing through the sink, then
 * lt_sink_close fsyncs, closes and renames it as any file sink's (the
 * sink's own descriptor is on the same file), or lt_sink_discard removes
 * it when the writer failed. */
const char *lt_sink_temp_path(const lt_sink *s);

/* Write N bytes of BUF.  Returns LT_OK, or LT_EIO when this or an earlier
 * write failed (LT_ENOMEM for a memory sink out of memory). */
int lt_sink_write(lt_sink *s, const char *buf, size_t n);

/* Write the string STR; as lt_sink_write. */
int lt_sink_puts(lt_sink *s, const char *str);

/* Write N copies of the character C; as lt_sink_write. */
int lt_sink_repeat(lt_sink *s, char c, size_t n);

/* Write formatted text as printf does; as lt_sink_write. */
int lt_sink_printf(lt_sink *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The status so far: LT_OK, or the first failure's. */
int lt_sink_status(const lt_sink *s);

/* What a memory sink holds, NUL-terminated (borrowed, valid until the next
 * write or the close); *LEN receives its length when LEN is not NULL.
 * NULL for other sinks. */
const char *lt_sink_text(const lt_sink *s, size_t *len);

/* Finish S and free it.  Standard output: flush it.  A file: flush, fsync,
 * close and rename the temporary file over the destination; on failure
 * remove it.  Returns LT_OK, or LT_EIO (or LT_ENOMEM) when a write, the
 * flush, fsync, close or rename failed, recorded in DIAG ("cannot write
 * PATH: REASON"; for standard output "error writing to standard output").
 * NULL does nothing and returns LT_OK. */
int lt_sink_close(lt_sink *s, lt_diag *diag);

/* Abandon S and free it: a file sink removes its temporary file and leaves
 * the destination untouched; standard output is flushed as far as it goes.
 * NULL does nothing. */
void lt_sink_discard(lt_sink *s);

#endif /* LT_SINK_H */
