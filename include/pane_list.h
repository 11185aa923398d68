/*
 * The list pane: one line per article of the view's window, with the
 * selection highlighted.
 */
#ifndef FEHREST_PANE_LIST_H
#define FEHREST_PANE_LIST_H

#include "pane.h"

extern const struct pane pane_list;

/*
 * Selects the article numbered number and gives the list the focus, or
 * says in the status line that the catalogue has no such article or
 * that the filter or the hidden duplicates leave it out.
 */
void	 pane_list_goto(struct pane_context *ctx, long number);

#endif
