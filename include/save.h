/*
 * Saving articles of a catalogue to a file from the browser: the
 * articles marked in the list, or every article of the filtered list,
 * streamed a batch of rows at a time through an export.h writer.
 *
 * The file is written to a temporary file in the same directory and
 * renamed over the target at the end, so a failed export leaves any
 * earlier file as it was.
 */
#ifndef FEHREST_SAVE_H
#define FEHREST_SAVE_H

#include <stdbool.h>
#include <stddef.h>

#include "export.h"

struct catalogue;

/*
 * Returns the format for the file name's extension (.bib, .ris, .csv,
 * .tsv, .json, in any case), BibTeX for any other, and stores its name
 * for messages ("BibTeX", "RIS", ...) in *label.
 */
const struct export_format *save_format_for(const char *path,
	    const char **label);

/*
 * Passes source_id to export_reserve() for writer, an export_writer; a
 * callback for catalogue_each_source_id().
 */
void	 save_reserve(void *writer, const char *source_id);
/*
 * Writes articles of c to path in format: the n articles whose ids are
 * in ids (in that order) when ids is not NULL, else every article of
 * the list filtered by match (an FTS5 expression, NULL for all), in
 * list order and without the articles catalogue_set_hidden() hides.
 * Replaces an existing file. Stores the number written in *written.
 * Returns 0, or -1 with an allocated message in *error.
 */
int	 save_articles(struct catalogue *c, const struct export_format *format,
	    const char *path, const long *ids, size_t n, const char *match,
	    long *written, char **error);

#endif
