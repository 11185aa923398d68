/*
 * import-probe: splits the time of an import into its parts, to find
 * out where an import spends it.
 *
 *   import-probe -m parse FILE         read the file, discard the records
 *   import-probe -m fold FILE          read, and prepare the records as
 *                                      the import's worker thread does
 *                                      (fold the indexed text, list the
 *                                      words)
 *   import-probe [OPTIONS] FILE DB     the whole import into a new DB
 *
 * The whole import runs import_files() as 'fehrest import' does. The
 * options change one thing each, for comparison:
 *
 *   -c MIB      PRAGMA cache_size of MIB mebibytes (SQLite's default is
 *               2 MiB)
 *   -x FTS5     recreate the empty search table with these FTS5 options
 *               in place of the catalogue's own, for example
 *               "content='', prefix='1 2', tokenize='unicode61'"
 *   -e SQL      run SQL on the new catalogue before the import
 *   -a SQL      run SQL after the import has committed, and count its
 *               time too (for example an FTS5 'optimize')
 *
 * It prints one line: the mode, the records and the seconds taken.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalogue.h"
#include "import.h"
#include "record.h"
#include "strset.h"
#include "text.h"
#include "xmalloc.h"

struct counter {
	size_t		records;
	size_t		bytes;		/* folded bytes, so the work is not dropped */
	struct strset	seen;
};

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
count_record(struct record *r, void *arg)
{
	struct counter	*c = arg;

	(void)r;
	c->records++;
	return 0;
}

/* Does what an import's worker thread does to each record. */
static int
prepare_record(struct record *r, void *arg)
{
	struct counter		*c = arg;
	struct catalogue_entry	 e;

	catalogue_prepare(r, &c->seen, &e);
	c->bytes += strlen(e.title) + strlen(e.people) + strlen(e.abstract) +
	    e.words.len;
	catalogue_entry_free(&e);
	c->records++;
	return 0;
}

static const char *
map_file(const char *path, size_t *len)
{
	struct stat	 st;
	void		*map;
	int		 fd;

	fd = open(path, O_RDONLY);
	if (fd == -1 || fstat(fd, &st) == -1 || st.st_size == 0)
		fatal("reading %s failed: %s; check the path", path,
		    strerror(errno));
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED)
		fatal("mapping %s failed: %s", path, strerror(errno));
	close(fd);
	*len = (size_t)st.st_size;
	return map;
}

static void
read_only(const char *path, bool fold)
{
	struct import_context	 ctx;
	struct counter		 counter;
	const char		*data;
	char			*error = NULL;
	double			 start;
	size_t			 len;
	int			 rc;

	data = map_file(path, &len);
	memset(&counter, 0, sizeof counter);
	strset_init(&counter.seen);
	memset(&ctx, 0, sizeof ctx);
	ctx.path = path;
	ctx.quiet = true;
	ctx.sink = fold ? prepare_record : count_record;
	ctx.arg = &counter;
	start = now();
	if (strlen(path) > 4 && strcmp(path + strlen(path) - 4, ".csv") == 0)
		rc = import_read_csv(&ctx, data, len, ',', &error);
	else
		rc = import_read_listing(&ctx, data, len, &error);
	if (rc != 0)
		fatal("%s", error);
	printf("%s\t%zu records\t%.2f s\n", fold ? "parse+fold" : "parse",
	    counter.records, now() - start);
	strset_free(&counter.seen);
}

static void
exec_or_die(struct catalogue *c, const char *sql)
{
	char	*msg = NULL;

	if (sqlite3_exec(catalogue_db(c), sql, NULL, NULL, &msg) != SQLITE_OK)
		fatal("%s: %s", sql, msg);
}

static void
import_whole(const char *path, const char *db, long cache_mib,
    const char *fts, const char *extra, const char *after)
{
	struct import_options	 options;
	struct import_stats	 stats;
	struct catalogue	*c;
	char			*error, *sql;
	char			*paths[1];
	double			 start;

	if (access(db, F_OK) == 0)
		fatal("%s exists, but the probe imports into a new file only; "
		    "remove it or name another", db);
	start = now();
	if (catalogue_open(db, CATALOGUE_WRITE, &c, &error) != 0)
		fatal("%s", error);
	if (cache_mib > 0) {
		sql = xasprintf("PRAGMA cache_size = -%ld", cache_mib * 1024);
		exec_or_die(c, sql);
		free(sql);
	}
	if (fts != NULL) {
		exec_or_die(c, "DROP TABLE search");
		sql = xasprintf("CREATE VIRTUAL TABLE search USING fts5(title,"
		    " authors, abstract, %s)", fts);
		exec_or_die(c, sql);
		free(sql);
	}
	if (extra != NULL)
		exec_or_die(c, extra);
	memset(&options, 0, sizeof options);
	options.quiet = true;
	paths[0] = (char *)path;
	if (import_files(c, paths, 1, &options, &stats, &error) != 0)
		fatal("%s", error);
	if (after != NULL)
		exec_or_die(c, after);
	catalogue_close(c);
	printf("import\t%zu records\t%.2f s\n", stats.records, now() - start);
}

static void
usage(void)
{
	fprintf(stderr, "usage: import-probe -m parse|fold FILE\n"
	    "       import-probe [-c MIB] [-x FTS5-OPTIONS] [-e SQL] [-a SQL] "
	    "FILE DB\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char	*mode = NULL, *fts = NULL, *extra = NULL, *after = NULL;
	long		 cache_mib = 0;
	int		 ch;

	while ((ch = getopt(argc, argv, "m:c:x:e:a:")) != -1) {
		switch (ch) {
		case 'a':
			after = optarg;
			break;
		case 'm':
			mode = optarg;
			break;
		case 'c':
			cache_mib = strtol(optarg, NULL, 10);
			break;
		case 'x':
			fts = optarg;
			break;
		case 'e':
			extra = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (mode != NULL) {
		if (argc != 1 || (strcmp(mode, "parse") != 0 &&
		    strcmp(mode, "fold") != 0))
			usage();
		read_only(argv[0], strcmp(mode, "fold") == 0);
		return 0;
	}
	if (argc != 2)
		usage();
	import_whole(argv[0], argv[1], cache_mib, fts, extra, after);
	return 0;
}
