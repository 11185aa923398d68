/*
 * The help screen, generated from the key table.
 */
#ifndef FEHREST_PANE_HELP_H
#define FEHREST_PANE_HELP_H

#include "pane.h"

extern const struct pane pane_help;

#endif
