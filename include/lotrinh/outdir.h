/* outdir.h - an output directory that lotrinh writes into again and again
 * without ever destroying a file that is not its own.
 *
 * `lotrinh run SCENARIO --out DIR` and `compare --out DIR` write many files
 * (briefing, charts with their data and scripts, CSV, JSON, workbook), and
 * a user runs them again into the same DIR after changing the scenario.
 * Running again must replace lotrinh's own outputs, and must never
 * overwrite an input, a file lotrinh did not write, or one of its outputs
 * that the user has since edited.  To tell them apart, DIR holds a
 * manifest, `.lotrinh-manifest`, of every file lotrinh wrote there with
 * the hash and size of what it wrote:
 *
 *     lotrinh-manifest 1 fnv1a64
 *     af63dc4c8601ec8c 1 a.txt
 *     85944171f73967e8 6 charts/b.png
 *
 * The first line names the format and the hash; each later line is one
 * file: 16 lower-case hex digits of the 64-bit FNV-1a hash of its bytes
 * (Fowler, Noll and Vo, IETF draft-eastlake-fnv, offset basis
 * 0xcbf29ce484222325, prime 0x100000001b3), one space, the size in bytes
 * in decimal, one space, and the name relative to DIR, which runs to the
 * end of the line (so it may hold spaces and UTF-8; a name can hold no
 * control character, so never a newline).  Lines are sorted by name
 * (strcmp).  The hash detects an edit; it is no defence against someone
 * who means to forge a file with the same hash.
 *
 * A destination is written when it does not exist, or when the manifest
 * lists it with the hash and size it has now.  Otherwise it is refused
 * with LT_EINVAL (exit 2) and a message naming it.  Every file is written
 * to a temporary name in its own directory, fsynced, and renamed into
 * place; any failure removes the temporary file and leaves the
 * destination as it was (LT_EIO, exit 3, for a full disk or an unwritable
 * directory).
 *
 * The manifest is rewritten (temporary file and rename) each time a file
 * is finished, just before that file's rename: a run that fails halfway
 * has recorded every file it put in place, so the next run replaces them
 * instead of refusing them.  A crash between the two renames leaves the
 * manifest one step ahead, and the next run refuses that one file as
 * changed: the safe side.  A manifest whose entries cannot be parsed is
 * ignored (lt_outdir_warning says why), so nothing already in DIR is
 * overwritten; a file called .lotrinh-manifest that is not a manifest of
 * this format is refused, never replaced.
 *
 * Not thread-safe: one thread writes one output directory.  Two processes
 * writing into the same DIR at once are not guarded against.
 */
#ifndef LT_OUTDIR_H
#define LT_OUTDIR_H

#include <stddef.h>

#include "lotrinh/error.h"
#include "lotrinh/sink.h"

/* The manifest's name inside DIR; no output may take it. */
#define LT_OUTDIR_MANIFEST ".lotrinh-manifest"

typedef struct lt_outdir lt_outdir;

/* Open the output directory DIR into *OUT: create it and its missing
 * parents, check that a file can be created in it, and read its manifest
 * if there is one.  INPUTS (N_INPUTS paths, may be NULL when 0) are the
 * files the run reads, which are never written; they are borrowed and
 * must outlive the directory.  Returns LT_OK; LT_EINVAL when DIR is
 * empty, or it or a parent is not a directory, or DIR/.lotrinh-manifest
 * is not a lotrinh manifest of this format; LT_EIO when a directory
 * cannot be created, DIR is not writable, or the manifest cannot be read;
 * LT_ENOMEM.  Errors are recorded in DIAG; *OUT is NULL on failure and
 * otherwise owned by the caller (lt_outdir_close or lt_outdir_free). */
int lt_outdir_open(lt_outdir **out, const char *dir,
                   const char *const *inputs, size_t n_inputs, lt_diag *diag);

/* Why the manifest was ignored (its file and line, and the reason), or
 * NULL when it was read or there was none.  Borrowed from OD.  A caller
 * should print it as a warning; lt_outdir_sink adds it to a refusal it
 * causes. */
const lt_error *lt_outdir_warning(const lt_outdir *od);

/* Open a sink for the output NAME, a path relative to DIR
 * ("report.html", "charts/trajectory_pii.png") whose missing directories
 * are created.  Write to *OUT with the sink functions; lt_sink_close puts
 * the file in place and records it in the manifest (and reports a
 * failure: "cannot write: REASON" against the file, LT_EIO; or a refusal
 * when the destination changed while it was written), lt_sink_discard
 * abandons it.  Returns LT_OK; LT_EINVAL, naming the file, when NAME is
 * absolute, empty, has an empty, '.' or '..' part, a control character,
 * or is the manifest's, when a sink or temporary file for NAME is already
 * open, or when the destination is a directory, an input, a file not
 * written by lotrinh, or one changed since lotrinh wrote it; LT_EIO when
 * its directory or temporary file cannot be made; LT_ENOMEM.  *OUT is
 * NULL on failure; the caller closes or discards it before closing OD. */
int lt_outdir_sink(lt_outdir *od, const char *name, lt_sink **out,
                   lt_diag *diag);

/* For an output another program writes (gnuplot's charts): check NAME as
 * lt_outdir_sink does, create its directories and an empty temporary file
 * beside the destination, and copy the temporary file's path into PATH
 * (SIZE bytes).  Hand it to the program, then call lt_outdir_adopt (or
 * lt_outdir_discard).  Returns as lt_outdir_sink, and LT_EINVAL when the
 * path does not fit in SIZE bytes. */
int lt_outdir_temp(lt_outdir *od, const char *name, char *path, size_t size,
                   lt_diag *diag);

/* Put the temporary file TMP_PATH, which lt_outdir_temp gave out for
 * NAME, in place as NAME: check the destination again, fsync the file,
 * record it in the manifest and rename it.  Returns LT_OK; LT_EINVAL when
 * TMP_PATH is not NAME's temporary file or the destination was changed
 * meanwhile; LT_EIO when reading, fsyncing, renaming or the manifest
 * failed; LT_ENOMEM.  On failure the temporary file is removed and the
 * destination is as it was. */
int lt_outdir_adopt(lt_outdir *od, const char *name, const char *tmp_path,
                    lt_diag *diag);

/* Give up the output NAME: remove the temporary file lt_outdir_temp gave
 * out for it, or discard its open sink (whose pointer the caller must not
 * use again).  Nothing happens when NAME has neither. */
void lt_outdir_discard(lt_outdir *od, const char *name);

/* Finish with OD and free it.  Every file is already in the manifest when
 * it is put in place; the close rewrites the manifest only when reading it
 * dropped entries of files no longer there.  A sink or temporary file
 * still open is a caller's mistake: it is discarded and reported.
 * Returns LT_OK; LT_EINVAL when something was left open ("was not
 * finished: discarded"); LT_EIO when the manifest cannot be written;
 * LT_ENOMEM.  NULL does nothing and returns LT_OK. */
int lt_outdir_close(lt_outdir *od, lt_diag *diag);

/* Abandon OD and free it, on an error path: discard every sink still
 * open (the caller must not use them again) and remove every temporary
 * file not adopted; files already put in place stay recorded.  NULL does
 * nothing. */
void lt_outdir_free(lt_outdir *od);

#endif /* LT_OUTDIR_H */
