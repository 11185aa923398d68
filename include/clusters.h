/*
 * Duplicate clusters for the browser: found in a background thread so
 * that the first screen and typing do not wait for them, and compared
 * field by field for the duplicates view.
 *
 * clusters_start() opens a second handle on the catalogue's file in a
 * new thread (a handle is used from one thread only) and calls
 * duplicates_get() there, which reads the cache when it is current and
 * otherwise computes the clusters. When the thread is done it writes a
 * byte to a pipe whose read end clusters_fd() returns, so the event
 * loop can wait on it beside the terminal.
 */
#ifndef FEHREST_CLUSTERS_H
#define FEHREST_CLUSTERS_H

#include <stdbool.h>
#include <stddef.h>

#include "dupes.h"
#include "duplicates.h"
#include "record.h"

struct catalogue;
struct clusters_job;

enum clusters_state {
	CLUSTERS_RUNNING,
	CLUSTERS_DONE,		/* the result was handed over */
	CLUSTERS_FAILED,	/* the error was handed over */
};

/*
 * Starts finding the clusters of the catalogue file at path. Returns
 * the job, or NULL with an allocated message in *error when no thread
 * or pipe could be created.
 */
struct clusters_job *clusters_start(const char *path, char **error);
/* Returns the descriptor that becomes readable when the job ends. */
int	 clusters_fd(const struct clusters_job *job);
/*
 * Returns the job's state. The first call after the thread finished
 * moves the clusters into *out (free them with duplicates_free()) or
 * stores an allocated message in *error; later calls return the same
 * state and store nothing.
 */
enum clusters_state clusters_poll(struct clusters_job *job,
	    struct duplicates *out, char **error);
/*
 * Ends the job: joins the thread when it has finished or stops within
 * a read of the catalogue, which the job interrupts. A thread busy
 * comparing records cannot be stopped, so it is detached and frees
 * its own memory when it ends, or when the process exits.
 */
void	 clusters_stop(struct clusters_job *job);

/*
 * Returns the ids to hide so the list shows one article per cluster
 * (every member but the first), sorted, in an allocated array the
 * caller frees; stores the count in *n.
 */
long	*clusters_hidden_ids(const struct duplicates *d, size_t *n);

/* The fields the duplicates view compares, in the order it shows them. */
enum clusters_field {
	CLUSTERS_TITLE,
	CLUSTERS_AUTHORS,
	CLUSTERS_YEAR,
	CLUSTERS_JOURNAL,
	CLUSTERS_VOLUME,
	CLUSTERS_ISSUE,
	CLUSTERS_PAGES,
	CLUSTERS_DOI,
	CLUSTERS_ABSTRACT,
	CLUSTERS_NFIELDS
};

/* One field of two records: sanitised text and the differing words. */
struct clusters_field_diff {
	char			*a;	/* "" when the record has none */
	char			*b;
	struct dupes_diff	 diff;	/* byte spans into a and b */
};

/* Two records of a cluster compared field by field. */
struct clusters_pair {
	struct record			a;
	struct record			b;
	struct clusters_field_diff	fields[CLUSTERS_NFIELDS];
};

/* Returns the field's label for the duplicates view: "title", ... */
const char *clusters_field_name(enum clusters_field field);
/*
 * Loads the articles with ids id_a and id_b and compares them into
 * *out. Returns 0, or -1 with *error. Free *out with
 * clusters_pair_free().
 */
int	 clusters_compare(struct catalogue *c, long id_a, long id_b,
	    struct clusters_pair *out, char **error);
void	 clusters_pair_free(struct clusters_pair *p);

#endif
