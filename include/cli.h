/*
 * The headless commands: list, search, show, import, export and dupes,
 * over the same catalogue and feature code as the browser.
 *
 * Each command returns the process exit status: 0 when it printed
 * something, 1 when nothing matched, 2 on any error (with a message on
 * stderr).
 */
#ifndef FEHREST_CLI_H
#define FEHREST_CLI_H

#include <stdbool.h>

#include "bidi.h"

enum cli_format {
	CLI_TEXT,
	CLI_TSV,
	CLI_JSON,
	CLI_CSV,
	CLI_BIBTEX,
	CLI_RIS,
	CLI_LISTING,
};

/* What the command line set; owned by main. */
struct cli_options {
	const char	*catalogue;	/* NULL for the bundled one */
	const char	*into;		/* import target */
	enum cli_format	 format;
	bool		 format_set;
	enum bidi_mode	 bidi;
	bool		 skip_invalid;
	bool		 quiet;
	bool		 bundle;	/* import: mark the result bundled */
	const char	*name;		/* import: the catalogue's name */
	int		 width;		/* text output width, 0 to detect */
};

/* Returns the format named by s, or -1. */
int	 cli_format_from_name(const char *s);

int	 cli_list(const struct cli_options *o);
int	 cli_search(const struct cli_options *o, const char *query);
int	 cli_show(const struct cli_options *o, const char *number);
int	 cli_import(const struct cli_options *o, char *const *paths,
	    int npaths);
int	 cli_export(const struct cli_options *o, const char *query);
int	 cli_dupes(const struct cli_options *o);

#endif
