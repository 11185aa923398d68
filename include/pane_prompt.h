/*
 * The prompt line on the bottom row for exporting from the browser: it
 * asks for a file name, and for a y before an existing file is
 * replaced, then writes the file through save.h.
 */
#ifndef FEHREST_PANE_PROMPT_H
#define FEHREST_PANE_PROMPT_H

#include "pane.h"

extern const struct pane pane_prompt;

#endif
