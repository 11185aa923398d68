/*
 * The query line on the bottom row: editing, history, and the match
 * count while the filter follows every keystroke.
 */
#ifndef FEHREST_PANE_SEARCH_H
#define FEHREST_PANE_SEARCH_H

#include "pane.h"

extern const struct pane pane_search;

/* Frees the query line's input and history, when the browser ends. */
void	 pane_search_free(struct pane_context *ctx);

#endif
