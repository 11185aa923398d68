/*
 * Saving articles from the browser: see save.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalogue.h"
#include "record.h"
#include "save.h"
#include "xmalloc.h"

/* Rows fetched per query while the filtered list is written. */
#define BATCH	256

const struct export_format *
save_format_for(const char *path, const char **label)
{
	static const struct {
		const char	*ext;
		const char	*format;
		const char	*label;
	} known[] = {
		{ ".ris", "ris", "RIS" },
		{ ".csv", "csv", "CSV" },
		{ ".tsv", "tsv", "TSV" },
		{ ".json", "json", "CSL-JSON" },
	};
	const char	*dot, *slash;
	size_t		 i;

	dot = strrchr(path, '.');
	slash = strrchr(path, '/');
	if (dot != NULL && (slash == NULL || dot > slash)) {
		for (i = 0; i < sizeof known / sizeof known[0]; i++) {
			if (strcasecmp(dot, known[i].ext) == 0) {
				*label = known[i].label;
				return export_format_find(known[i].format);
			}
		}
	}
	*label = "BibTeX";
	return export_format_find("bibtex");
}

/* Loads the article with the given id and writes it. */
static int
write_one(struct catalogue *c, struct export_writer *w, long id,
    char **error)
{
	struct record	r;
	int		rc;

	record_init(&r);
	rc = catalogue_load(c, id, &r, error);
	if (rc == 1)
		*error = xasprintf("article id %ld is no longer in the "
		    "catalogue; reopen it and export again", id);
	if (rc == 0)
		rc = export_record(w, &r, error);
	record_clear(&r);
	return rc == 0 ? 0 : -1;
}

static int
write_ids(struct catalogue *c, struct export_writer *w, const long *ids,
    size_t n, long *written, char **error)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (write_one(c, w, ids[i], error) != 0)
			return -1;
		(*written)++;
	}
	return 0;
}

static int
write_list(struct catalogue *c, struct export_writer *w, const char *match,
    long *written, char **error)
{
	struct catalogue_row	 rows[BATCH];
	size_t			 n, i;
	long			 from = 0;
	int			 rc = 0;

	do {
		if (catalogue_rows(c, match, from, true, BATCH, rows, &n,
		    error) != 0)
			return -1;
		for (i = 0; i < n; i++) {
			if (rc == 0 && write_one(c, w, rows[i].id, error) != 0)
				rc = -1;
			else if (rc == 0)
				(*written)++;
			from = rows[i].id;
			catalogue_row_clear(&rows[i]);
		}
	} while (rc == 0 && n == BATCH);
	return rc;
}

/* Opens a new temporary file beside path; stores its name in *tmp. */
static FILE *
open_temporary(const char *path, char **tmp, char **error)
{
	const char	*slash;
	FILE		*fp;
	int		 fd;

	slash = strrchr(path, '/');
	if (slash == NULL)
		*tmp = xstrdup(".fehrest-export-XXXXXX");
	else
		*tmp = xasprintf("%.*s/.fehrest-export-XXXXXX",
		    (int)(slash - path), path);
	fd = mkstemp(*tmp);
	/* mkstemp() makes the file private; give it the usual mode. */
	if (fd >= 0) {
		mode_t	mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (fd < 0 || (fp = fdopen(fd, "w")) == NULL) {
		*error = xasprintf("%s: cannot create a file in its directory: "
		    "%s; choose a directory you can write to", path,
		    strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(*tmp);
		}
		free(*tmp);
		*tmp = NULL;
		return NULL;
	}
	return fp;
}

/* Keeps a source id as the key of its own record (catalogue_each_source_id). */
void
save_reserve(void *writer, const char *source_id)
{
	export_reserve(writer, source_id);
}

int
save_articles(struct catalogue *c, const struct export_format *format,
    const char *path, const long *ids, size_t n, const char *match,
    long *written, char **error)
{
	struct export_writer	*w;
	FILE			*fp;
	char			*tmp;
	int			 rc = -1;

	*written = 0;
	if ((fp = open_temporary(path, &tmp, error)) == NULL)
		return -1;
	w = export_new(format, fp, path, &export_keep_ids);
	if (catalogue_each_source_id(c, save_reserve, w, error) != 0 ||
	    export_begin(w, error) != 0)
		goto out;
	if (ids != NULL ? write_ids(c, w, ids, n, written, error) :
	    write_list(c, w, match, written, error))
		goto out;
	if (export_end(w, error) != 0)
		goto out;
	rc = 0;
out:
	export_free(w);
	if (fclose(fp) != 0 && rc == 0) {
		*error = xasprintf("%s: writing failed: %s", path,
		    strerror(errno));
		rc = -1;
	}
	if (rc == 0 && rename(tmp, path) != 0) {
		*error = xasprintf("%s: cannot replace the file: %s", path,
		    strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	return rc;
}
