/*
 * Common includes for the cmocka unit tests, in the order cmocka needs,
 * and helpers shared by several tests.
 */
#ifndef FEHREST_UNIT_H
#define FEHREST_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Returns the path of a file in the source tree's tests/data, from
 * FEHREST_SOURCE_DIR (set by tests/run) or the working directory; the
 * string is static and overwritten by the next call.
 */
static inline const char *
unit_data_path(const char *name)
{
	static char	 path[4096];
	const char	*dir;

	dir = getenv("FEHREST_SOURCE_DIR");
	snprintf(path, sizeof path, "%s/%s", dir != NULL ? dir : ".", name);
	return path;
}

#endif
