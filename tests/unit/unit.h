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
 * Returns the path of a file in the source tree, from FEHREST_SOURCE_DIR
 * (set by tests/run) or the working directory. The string is static and
 * the next call overwrites it.
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

/* Returns where the group's temporary directory path is kept. */
static inline char **
unit_dir_slot(void)
{
	static char	*dir;

	return &dir;
}

/* Returns the temporary directory made by unit_make_dir(). */
static inline const char *
unit_dir(void)
{
	return *unit_dir_slot();
}

/* Makes a temporary directory for a test group: a cmocka group setup. */
static inline int
unit_make_dir(void **state)
{
	static char	template[] = "/tmp/fehrest-test-XXXXXX";

	(void)state;
	*unit_dir_slot() = mkdtemp(template);
	return unit_dir() == NULL ? -1 : 0;
}

/* Removes the group's temporary directory: a cmocka group teardown. */
static inline int
unit_remove_dir(void **state)
{
	char	cmd[600];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", unit_dir());
	return system(cmd) == 0 ? 0 : -1;
}

#endif
