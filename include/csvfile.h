/*
 * CSV and TSV catalogue files (RFC 4180 quoting, a header row naming the
 * columns). The reader itself is import_read_csv() in import.h, and
 * this header declares what detection and export share with it.
 */
#ifndef FEHREST_CSVFILE_H
#define FEHREST_CSVFILE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Returns whether name[0..len) is a column name the reader maps to a
 * record field ("title", "Authors", "container-title", ...), compared
 * without regard to case and surrounding spaces or quotes.
 */
bool	 csvfile_known_column(const char *name, size_t len);

/*
 * Name of the column that carries record.extra, the fields no other
 * column holds, as a JSON object text. The exporter writes it and the
 * reader merges it back into extra.
 */
#define CSVFILE_EXTRA_COLUMN	"extra_json"

#endif
