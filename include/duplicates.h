/*
 * The duplicate clusters of a catalogue, for the browser and `fehrest
 * dupes`.
 *
 * Clusters are computed on demand with dupes_find() and cached in a
 * per-user state file, $XDG_STATE_HOME/fehrest/dupes-HASH (by default
 * under ~/.local/state), never in the catalogue, which may be read-only.
 * The file records the catalogue's path and generation; when the
 * catalogue changes, its generation changes and the clusters are
 * computed again. A cache that cannot be written only costs time.
 */
#ifndef FEHREST_DUPLICATES_H
#define FEHREST_DUPLICATES_H

#include <stdbool.h>
#include <stddef.h>

struct catalogue;

/* One article of a cluster. */
struct duplicates_member {
	long	 id;		/* catalogue id */
	long	 number;
	char	*source_id;	/* NULL if the source gave none */
	char	*title;
};

/* Articles taken to be one paper. */
struct duplicates_cluster {
	struct duplicates_member *members;	/* in list order */
	size_t			  nmembers;
	int			  score;	/* the weakest link's score */
	char			**reasons;	/* "14 and 17: title: same ..." */
	size_t			  nreasons;
};

struct duplicates {
	struct duplicates_cluster *clusters;	/* ordered by first member */
	size_t			   nclusters;
	long			  *ids;		/* every member id, sorted */
	size_t			   nids;
	bool			   cached;	/* read from the state file */
};

/*
 * Fills *out with the clusters of c, from the cache when it is current,
 * else by computing them (and then writing the cache). Returns 0, or -1
 * with an allocated message in *error. Free *out with duplicates_free().
 */
int	 duplicates_get(struct catalogue *c, struct duplicates *out,
	    char **error);
/*
 * Fills *out from the cache only, never computing: returns 0 when the
 * cache is current, else 1 with *out empty. Cheap enough for start-up.
 */
int	 duplicates_cached(struct catalogue *c, struct duplicates *out);
void	 duplicates_free(struct duplicates *d);
/* Returns whether the article with the given id is in a cluster. */
bool	 duplicates_contains(const struct duplicates *d, long id);
/* Returns the cluster holding the article, or NULL. */
const struct duplicates_cluster *duplicates_cluster_of(
	    const struct duplicates *d, long id);
/*
 * Returns the path of the cache file for c, allocated, or NULL when no
 * state directory can be found.
 */
char	*duplicates_cache_path(struct catalogue *c);

#endif
