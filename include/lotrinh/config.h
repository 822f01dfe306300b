/* config.h - the scenario loader: a libconfig file into the plain types of
 * scenario.h.
 *
 * lt_scenario_load() reads a scenario file (format in docs/SCENARIO.md),
 * checks every key, type, range and cross-reference, and returns a struct
 * the engines may trust without checking again.  The loader's files,
 * src/input/config*.c (config.c runs the pipeline; config_private.h lists
 * the others), are the only ones that include <libconfig.h>
 * (tests/check_layers.sh checks it).  Engines never include this header:
 * they take a scenario, wherever it came from.
 */
#ifndef LT_CONFIG_H
#define LT_CONFIG_H

#include "lotrinh/error.h"
#include "lotrinh/scenario.h"

/* Read and validate the scenario file PATH.  On success returns LT_OK and
 * stores a new scenario in *OUT (caller frees with lt_scenario_free).  On
 * failure returns LT_EINVAL (or LT_EIO when the file cannot be read, or
 * LT_ENOMEM), stores NULL, and records every error found in DIAG, each with
 * the file and line of the offending setting. */
int lt_scenario_load(lt_scenario **out, const char *path, lt_diag *diag);

/* As lt_scenario_load, from the NUL-terminated TEXT; NAME is used as the
 * file name in messages (borrowed, copied). */
int lt_scenario_parse(lt_scenario **out, const char *text, const char *name,
                      lt_diag *diag);

#endif /* LT_CONFIG_H */
