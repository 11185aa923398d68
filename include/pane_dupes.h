/*
 * The duplicates view: the clusters of duplicate articles, and two
 * articles of a cluster side by side with their differing words
 * highlighted. It covers the whole screen, as the help screen does.
 */
#ifndef FEHREST_PANE_DUPES_H
#define FEHREST_PANE_DUPES_H

#include "pane.h"

extern const struct pane pane_dupes;

/*
 * Shows one article per cluster in the list when hide is set, else
 * every article, and says so in the status line.
 */
void	 pane_dupes_hide(struct pane_context *ctx, bool hide);

#endif
