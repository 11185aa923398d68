/*
 * The list pane: one line per article of the view's window, with the
 * selection highlighted.
 */
#ifndef FEHREST_PANE_LIST_H
#define FEHREST_PANE_LIST_H

#include "pane.h"

extern const struct pane pane_list;

#endif
