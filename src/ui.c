/*
 * TODO: the browser lands in its own change; until then this explains
 * how to use the headless commands.
 */
#include <stdio.h>

#include "ui.h"

int
ui_run(const struct ui_options *o)
{
	(void)o;
	fprintf(stderr, "fehrest: the browser is not built yet; use 'fehrest "
	    "list', 'fehrest search WORD' or 'fehrest show NUMBER'\n");
	return 2;
}
