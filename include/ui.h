/*
 * The interactive browser: list, detail and search panes on ncursesw.
 */
#ifndef FEHREST_UI_H
#define FEHREST_UI_H

#include <stdbool.h>

#include "bidi.h"

struct ui_options {
	const char	*catalogue;	/* NULL for the bundled one */
	enum bidi_mode	 bidi;
	/*
	 * Draw the first complete screen and exit: the same code path as
	 * the browser, for benchmarks. A search query to apply first may
	 * be given in query.
	 */
	bool		 once;
	const char	*query;
};

/*
 * Runs the browser until the user quits. Returns the exit status: 0, or
 * 2 after printing why the terminal cannot be used.
 */
int	 ui_run(const struct ui_options *o);

#endif
