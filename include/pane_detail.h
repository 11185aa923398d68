/*
 * The detail pane: the selected article's fields and its abstract,
 * shortened behind a "… More" cue until expanded.
 */
#ifndef FEHREST_PANE_DETAIL_H
#define FEHREST_PANE_DETAIL_H

#include "pane.h"

extern const struct pane pane_detail;

#endif
