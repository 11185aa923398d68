/*
 * The interactive browser: list, detail and search panes on ncursesw.
 * The panes are described in pane.h, the view model in view.h.
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
	 * be given in query. Standard input and output need not be a
	 * terminal then, but TERM must name one (LINES and COLUMNS set
	 * the size).
	 */
	bool		 once;
	const char	*query;
};

/*
 * Runs the browser until the user quits. Returns the exit status: 0, or
 * 2 after printing why the terminal or the catalogue cannot be used.
 * On SIGINT, SIGTERM or SIGHUP it restores the terminal and then dies
 * by the same signal.
 */
int	 ui_run(const struct ui_options *o);

#endif
