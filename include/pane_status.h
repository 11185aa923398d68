/*
 * The status line: catalogue name, position, filter and key hints.
 */
#ifndef FEHREST_PANE_STATUS_H
#define FEHREST_PANE_STATUS_H

#include "pane.h"

extern const struct pane pane_status;

#endif
