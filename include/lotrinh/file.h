/* file.h - reading an input file whole, with the checks every loader needs.
 *
 * Scenario files and CSV data are small; reading them whole lets the
 * loaders screen the text before parsing.  The checks come first so that a
 * mistaken argument (a directory, a device, a disk image) gets a clear
 * message instead of a hang or an allocation of gigabytes.
 */
#ifndef LT_FILE_H
#define LT_FILE_H

#include <stddef.h>

#include "lotrinh/error.h"

/* Read the regular file PATH of at most MAX_BYTES into a new buffer (*TEXT,
 * NUL-terminated, caller frees; *LEN its length without the NUL).  WHAT
 * names the kind of file in messages ("a scenario file").  Returns LT_OK;
 * LT_EINVAL when PATH does not exist, is a directory or not a regular file,
 * or is too large; LT_ENOMEM; LT_EIO when reading fails.  Errors are
 * recorded in DIAG against PATH. */
int lt_file_read(const char *path, size_t max_bytes, const char *what,
                 char **text, size_t *len, lt_diag *diag);

#endif /* LT_FILE_H */
