/*
 * The SQLite catalogue: see catalogue.h for the data model.
 *
 * Prepared statements are kept for the life of the handle because the
 * browser runs the same few queries on every keystroke and every scroll.
 * The meta table contains the display name, the article count (kept at
 * each commit so that opening a million-article file needs no count
 * scan), a generation string, and a "bundled" flag.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "catalogue.h"
#include "strset.h"
#include "text.h"
#include "xmalloc.h"

enum stmt_id {
	ST_ADD_ARTICLE,
	ST_ADD_DETAILS,
	ST_ADD_PERSON,
	ST_ADD_SEARCH,
	ST_NEXT_NUMBER,
	ST_ROWS_ALL_FWD,
	ST_ROWS_ALL_BACK,
	ST_ROWS_MATCH_FWD,
	ST_ROWS_MATCH_BACK,
	ST_COUNT_MATCH,
	ST_COUNT_MATCH_CAP,
	ST_RANK_ALL,
	ST_RANK_MATCH,
	ST_LOAD,
	ST_LOAD_PEOPLE,
	ST_FIND_NUMBER,
	ST_ADD_TERM,
	ST_TERMS,
	/* The same queries leaving out the ids of catalogue_set_hidden(). */
	ST_ROWS_ALL_FWD_SHOWN,
	ST_ROWS_ALL_BACK_SHOWN,
	ST_ROWS_MATCH_FWD_SHOWN,
	ST_ROWS_MATCH_BACK_SHOWN,
	ST_COUNT_MATCH_SHOWN,
	ST_COUNT_MATCH_CAP_SHOWN,
	ST_RANK_ALL_SHOWN,
	ST_RANK_MATCH_SHOWN,
	ST_COUNT
};

/*
 * The hidden ids live in a TEMP table of the connection, which SQLite
 * keeps apart from the catalogue file, so it works on a read-only or
 * immutable catalogue too. NOT EXISTS on its primary key costs one
 * lookup per row and builds nothing per query.
 */
#define NOT_HIDDEN(col)	" AND NOT EXISTS (SELECT 1 FROM temp.hidden_ids h" \
	" WHERE h.id = " col ")"


static const char *stmt_sql[ST_COUNT] = {
	[ST_ADD_ARTICLE] = "INSERT INTO articles(number, title, authors, year)"
	    " VALUES (?1, ?2, ?3, ?4)",
	[ST_ADD_DETAILS] = "INSERT INTO details(id, abstract, teaser, access,"
	    " subject, byline, journal, volume, issue, pages, doi, url,"
	    " keywords, isbn, type, source_id, source_file, extra)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14, ?15, ?16, ?17, ?18)",
	[ST_ADD_PERSON] = "INSERT INTO people(article_id, position, name,"
	    " given, family) VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_ADD_SEARCH] = "INSERT INTO search(rowid, title, authors, abstract)"
	    " VALUES (?1, ?2, ?3, ?4)",
	/*
	 * Text compares above every integer in SQLite, so the bound keeps
	 * out numbers stored as text and the largest integer, which has no
	 * successor. The index on number finds the maximum without a scan.
	 */
	[ST_NEXT_NUMBER] = "SELECT coalesce(max(number), 0) + 1 FROM articles"
	    " WHERE number < 9223372036854775807",
	[ST_ROWS_ALL_FWD] = "SELECT id, number, title, authors, year"
	    " FROM articles WHERE id > ?1 ORDER BY id LIMIT ?2",
	[ST_ROWS_ALL_BACK] = "SELECT id, number, title, authors, year"
	    " FROM articles WHERE id < ?1 ORDER BY id DESC LIMIT ?2",
	/*
	 * The LIMIT sits inside the subquery so that FTS5 stops after a
	 * page of matches before anything is joined.
	 */
	[ST_ROWS_MATCH_FWD] = "SELECT a.id, a.number, a.title, a.authors,"
	    " a.year FROM articles a WHERE a.id IN (SELECT rowid FROM search"
	    " WHERE search MATCH ?3 AND rowid > ?1 ORDER BY rowid LIMIT ?2)"
	    " ORDER BY a.id",
	[ST_ROWS_MATCH_BACK] = "SELECT a.id, a.number, a.title, a.authors,"
	    " a.year FROM articles a WHERE a.id IN (SELECT rowid FROM search"
	    " WHERE search MATCH ?3 AND rowid < ?1 ORDER BY rowid DESC"
	    " LIMIT ?2) ORDER BY a.id DESC",
	[ST_COUNT_MATCH] = "SELECT count(*) FROM search WHERE search MATCH ?1",
	[ST_COUNT_MATCH_CAP] = "SELECT count(*) FROM (SELECT rowid FROM search"
	    " WHERE search MATCH ?1 LIMIT ?2)",
	[ST_RANK_ALL] = "SELECT count(*) FROM (SELECT id FROM articles"
	    " WHERE id < ?1 LIMIT ?2)",
	[ST_RANK_MATCH] = "SELECT count(*) FROM (SELECT rowid FROM search"
	    " WHERE search MATCH ?3 AND rowid < ?1 LIMIT ?2)",
	[ST_LOAD] = "SELECT a.number, a.title, a.year, d.abstract, d.teaser,"
	    " d.access, d.subject, d.byline, d.journal, d.volume, d.issue,"
	    " d.pages, d.doi, d.url, d.keywords, d.isbn, d.type, d.source_id,"
	    " d.source_file, d.extra FROM articles a LEFT JOIN details d"
	    " ON d.id = a.id WHERE a.id = ?1",
	[ST_LOAD_PEOPLE] = "SELECT name, given, family FROM people"
	    " WHERE article_id = ?1 ORDER BY position",
	[ST_FIND_NUMBER] = "SELECT id FROM articles WHERE number = ?1"
	    " ORDER BY id LIMIT 1",
	[ST_ADD_TERM] = "INSERT OR IGNORE INTO terms(term) VALUES (?1)",
	[ST_TERMS] = "SELECT term FROM terms WHERE term >= ?1 AND term < ?2"
	    " ORDER BY term LIMIT ?3",
	[ST_ROWS_ALL_FWD_SHOWN] = "SELECT id, number, title, authors, year"
	    " FROM articles WHERE id > ?1" NOT_HIDDEN("articles.id")
	    " ORDER BY id LIMIT ?2",
	[ST_ROWS_ALL_BACK_SHOWN] = "SELECT id, number, title, authors, year"
	    " FROM articles WHERE id < ?1" NOT_HIDDEN("articles.id")
	    " ORDER BY id DESC LIMIT ?2",
	[ST_ROWS_MATCH_FWD_SHOWN] = "SELECT a.id, a.number, a.title,"
	    " a.authors, a.year FROM articles a WHERE a.id IN (SELECT rowid"
	    " FROM search WHERE search MATCH ?3 AND rowid > ?1"
	    NOT_HIDDEN("search.rowid") " ORDER BY rowid LIMIT ?2)"
	    " ORDER BY a.id",
	[ST_ROWS_MATCH_BACK_SHOWN] = "SELECT a.id, a.number, a.title,"
	    " a.authors, a.year FROM articles a WHERE a.id IN (SELECT rowid"
	    " FROM search WHERE search MATCH ?3 AND rowid < ?1"
	    NOT_HIDDEN("search.rowid") " ORDER BY rowid DESC LIMIT ?2)"
	    " ORDER BY a.id DESC",
	[ST_COUNT_MATCH_SHOWN] = "SELECT count(*) FROM search"
	    " WHERE search MATCH ?1" NOT_HIDDEN("search.rowid"),
	[ST_COUNT_MATCH_CAP_SHOWN] = "SELECT count(*) FROM (SELECT rowid"
	    " FROM search WHERE search MATCH ?1" NOT_HIDDEN("search.rowid")
	    " LIMIT ?2)",
	[ST_RANK_ALL_SHOWN] = "SELECT count(*) FROM (SELECT id FROM articles"
	    " WHERE id < ?1" NOT_HIDDEN("articles.id") " LIMIT ?2)",
	[ST_RANK_MATCH_SHOWN] = "SELECT count(*) FROM (SELECT rowid FROM"
	    " search WHERE search MATCH ?3 AND rowid < ?1"
	    NOT_HIDDEN("search.rowid") " LIMIT ?2)",
};

static const char schema_sql[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
	"CREATE TABLE articles("
	"  id INTEGER PRIMARY KEY,"
	"  number INTEGER NOT NULL,"
	"  title TEXT NOT NULL,"
	"  authors TEXT NOT NULL,"
	"  year INTEGER);"
	"CREATE INDEX articles_number ON articles(number);"
	"CREATE TABLE details("
	"  id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
	"  abstract TEXT, teaser TEXT, access TEXT, subject TEXT, byline TEXT,"
	"  journal TEXT, volume TEXT, issue TEXT, pages TEXT, doi TEXT,"
	"  url TEXT, keywords TEXT, isbn TEXT, type TEXT, source_id TEXT,"
	"  source_file TEXT, extra TEXT);"
	"CREATE TABLE people("
	"  article_id INTEGER NOT NULL REFERENCES articles(id)"
	"    ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  name TEXT NOT NULL, given TEXT, family TEXT,"
	"  PRIMARY KEY(article_id, position)) WITHOUT ROWID;"
	/*
	 * Prefix indexes for one to three characters keep the first
	 * keystrokes of a search as fast as whole words.
	 */
	"CREATE VIRTUAL TABLE search USING fts5(title, authors, abstract,"
	"  content='', prefix='1 2 3',"
	"  tokenize='unicode61 remove_diacritics 2');"
	/*
	 * FTS5 writes its pending terms out as a segment whenever they pass
	 * 'hashsize' bytes (1 MiB by default) and merges the segments again
	 * later. With four index entries per token, a bulk import rewrote
	 * many small segments. 64 MiB took about a third off the CPU time of
	 * importing 100,000 articles (bench/analysis.md), for up to 64 MiB
	 * more memory while importing. The setting is kept in the file.
	 */
	"INSERT INTO search(search, rank) VALUES('hashsize', 67108864);"
	/*
	 * With 'automerge' at its default of 4, FTS5 starts merging the
	 * segments of a level once four are there and carries the merge on
	 * in steps through the writes that follow. An import of 100,000
	 * articles writes five segments of 64 MiB, so the merge it began was
	 * still running at the end, and cost about a tenth of the import's
	 * time. At 8, such an import merges nothing. A catalogue of a
	 * million articles ends with 12 segments instead of 8, which a
	 * query reads in step (bench/analysis.md).
	 */
	"INSERT INTO search(search, rank) VALUES('automerge', 8);"
	/*
	 * Every folded word of the index. A prefix longer than the prefix
	 * indexes is expanded into the few words it stands for, which
	 * catalogue_terms() lists for query_expand().
	 */
	"CREATE TABLE terms(term TEXT PRIMARY KEY) WITHOUT ROWID;";

struct catalogue {
	sqlite3		*db;
	char		*path;
	char		*name;
	char		*generation;
	bool		 bundled;
	bool		 writable;
	bool		 interrupted;
	bool		 has_terms;	/* the file has the terms table */
	bool		 upgraded;	/* the open transaction added it */
	long		 fold;		/* TEXT_FOLD_VERSION of its index */
	bool		 reindexed;	/* the open transaction rebuilt it */
	struct strset	 terms;		/* terms written by this handle */
	long		 total;
	/* Whether the *_SHOWN queries are in use, and how many articles
	   of the catalogue they leave out. */
	bool		 hiding;
	long		 nhidden;
	sqlite3_stmt	*stmt[ST_COUNT];
	int		(*progress)(void *);
	void		*progress_arg;
};

static char *
db_error(struct catalogue *c, const char *what)
{
	const char	*advice;

	switch (sqlite3_errcode(c->db) & 0xff) {
	case SQLITE_FULL:
		advice = "; free some space on its disk and try again";
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		advice = "; another process is writing to the catalogue, so "
		    "try again when it has finished";
		break;
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
		advice = "; check that the file and its directory are "
		    "writable";
		break;
	case SQLITE_IOERR:
		advice = "; check the disk the catalogue is on, its free "
		    "space and the file size limit (ulimit -f)";
		break;
	case SQLITE_NOMEM:
		advice = "; free some memory and try again";
		break;
	default:
		advice = "";
		break;
	}
	return xasprintf("%s: %s failed: %s%s", c->path, what,
	    sqlite3_errmsg(c->db), advice);
}

static sqlite3_stmt *
get_stmt(struct catalogue *c, enum stmt_id id, char **error)
{
	if (c->stmt[id] != NULL) {
		sqlite3_reset(c->stmt[id]);
		sqlite3_clear_bindings(c->stmt[id]);
		return c->stmt[id];
	}
	if (sqlite3_prepare_v3(c->db, stmt_sql[id], -1,
	    SQLITE_PREPARE_PERSISTENT, &c->stmt[id], NULL) != SQLITE_OK) {
		*error = db_error(c, "preparing a query");
		return NULL;
	}
	return c->stmt[id];
}

static char *
meta_get(struct catalogue *c, const char *key)
{
	sqlite3_stmt	*st;
	char		*value = NULL;

	if (sqlite3_prepare_v2(c->db, "SELECT value FROM meta WHERE key = ?1",
	    -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0) != NULL)
		value = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return value;
}

static int
meta_set(struct catalogue *c, const char *key, const char *value,
    char **error)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(c->db, "INSERT OR REPLACE INTO meta(key, value)"
	    " VALUES (?1, ?2)", -1, &st, NULL) != SQLITE_OK) {
		*error = db_error(c, "writing catalogue settings");
		return -1;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*error = db_error(c, "writing catalogue settings");
		return -1;
	}
	return 0;
}

/*
 * Looks beside the executable first (data/ in the source tree, where
 * make builds the catalogue; ../data/ for the sanitizer build in build/),
 * then in the installed data directory.
 */
const char *
catalogue_bundled_path(void)
{
	static char	 path[PATH_MAX + 32];
	static const char *beside[] = {
		"data/neural-networks.db", "../data/neural-networks.db",
	};
	char		 exe[PATH_MAX], *slash;
	ssize_t		 n;
	size_t		 i;

	if (path[0] != '\0')
		return path;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			for (i = 0; i < sizeof beside / sizeof *beside; i++) {
				snprintf(path, sizeof path, "%s/%s", exe,
				    beside[i]);
				if (access(path, R_OK) == 0)
					return path;
			}
		}
	}
	snprintf(path, sizeof path, "%s/neural-networks.db", FEHREST_DATADIR);
	return path;
}

static char *
default_name(const char *path)
{
	const char	*base, *dot;

	base = strrchr(path, '/');
	base = base == NULL ? path : base + 1;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		return xstrdup(base);
	return xstrndup(base, (size_t)(dot - base));
}

/* Returns whether a non-empty journal lies beside path. */
static bool
has_journal(const char *path)
{
	struct stat	 st;
	char		*journal;
	bool		 found;

	journal = xasprintf("%s-journal", path);
	found = stat(journal, &st) == 0 && st.st_size > 0;
	free(journal);
	return found;
}

static int
check_schema(struct catalogue *c, bool *empty, char **error)
{
	static const char *tables[] = {
		"meta", "articles", "details", "people", "search",
	};
	sqlite3_stmt	*st;
	size_t		 i;
	int		 version = -1, count = 0, rc, found;

	/* Reading the header fails first on a file that is not SQLite. */
	rc = sqlite3_prepare_v2(c->db, "SELECT count(*) FROM sqlite_schema",
	    -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			count = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK && rc != SQLITE_ROW) {
		rc = sqlite3_errcode(c->db);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			*error = xasprintf("%s: another process holds the "
			    "catalogue locked; try again when it has finished",
			    c->path);
		else if ((rc & 0xff) == SQLITE_READONLY && has_journal(c->path))
			*error = xasprintf("%s: an interrupted write left "
			    "%s-journal, which must be rolled back before the "
			    "catalogue can be read; make the file and its "
			    "directory writable, raise the file size limit "
			    "(ulimit -f) if one is set, and open it again",
			    c->path, c->path);
		else
			*error = xasprintf("%s: cannot read the file as a "
			    "catalogue (%s); check the path names a fehrest "
			    "catalogue", c->path, sqlite3_errmsg(c->db));
		return -1;
	}
	*empty = count == 0;
	if (*empty)
		return 0;

	if (sqlite3_prepare_v2(c->db, "PRAGMA user_version", -1, &st,
	    NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			version = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (version == 0) {
		*error = xasprintf("%s: an SQLite database but not a fehrest "
		    "catalogue; import into a new file instead", c->path);
		return -1;
	}
	if (version != CATALOGUE_VERSION && version != 1) {
		*error = xasprintf("%s: catalogue version %d, but this fehrest "
		    "reads versions 1 to %d; use a matching fehrest or "
		    "re-import the sources", c->path, version,
		    CATALOGUE_VERSION);
		return -1;
	}

	for (i = 0; i < sizeof tables / sizeof *tables; i++) {
		found = 0;
		if (sqlite3_prepare_v2(c->db, "SELECT count(*) FROM sqlite_schema"
		    " WHERE type = 'table' AND name = ?1", -1, &st, NULL) ==
		    SQLITE_OK) {
			sqlite3_bind_text(st, 1, tables[i], -1, SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW)
				found = sqlite3_column_int(st, 0);
			sqlite3_finalize(st);
		}
		if (found == 0) {
			*error = xasprintf("%s: the catalogue is damaged: its "
			    "table '%s' is missing; import the sources again "
			    "into a new file", c->path, tables[i]);
			return -1;
		}
	}
	return 0;
}

static int	set_fold_version(struct catalogue *, char **);
static int	reindex(struct catalogue *, char **);

static int
create_schema(struct catalogue *c, char **error)
{
	char	*msg = NULL, *gen;
	int	 rc;

	rc = sqlite3_exec(c->db, "BEGIN", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(c->db, schema_sql, NULL, NULL, &msg);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(c->db, "PRAGMA user_version = 2", NULL,
		    NULL, &msg);
	if (rc != SQLITE_OK) {
		*error = xasprintf("%s: creating the catalogue failed: %s",
		    c->path, msg != NULL ? msg : sqlite3_errmsg(c->db));
		sqlite3_free(msg);
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	gen = xasprintf("%ld.%ld", (long)time(NULL), (long)getpid());
	rc = meta_set(c, "generation", gen, error);
	free(gen);
	if (rc == 0)
		rc = meta_set(c, "count", "0", error);
	if (rc == 0)
		rc = set_fold_version(c, error);
	if (rc != 0 || sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		if (rc == 0)
			*error = db_error(c, "creating the catalogue");
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

static int
progress_handler(void *arg)
{
	struct catalogue	*c = arg;

	if (c->progress != NULL && c->progress(c->progress_arg) != 0) {
		c->interrupted = true;
		return 1;
	}
	return 0;
}

static bool
table_exists(struct catalogue *c, const char *name)
{
	sqlite3_stmt	*st;
	bool		 found = false;

	if (sqlite3_prepare_v2(c->db, "SELECT 1 FROM sqlite_schema WHERE"
	    " type = 'table' AND name = ?1", -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

static void
load_meta(struct catalogue *c)
{
	char	*s;

	s = meta_get(c, "name");
	c->name = s != NULL ? s : default_name(c->path);
	s = meta_get(c, "generation");
	c->generation = s != NULL ? s : xstrdup("0");
	s = meta_get(c, "count");
	c->total = s != NULL ? strtol(s, NULL, 10) : 0;
	free(s);
	c->has_terms = table_exists(c, "terms");
	s = meta_get(c, "bundled");
	c->bundled = c->bundled || (s != NULL && strcmp(s, "1") == 0);
	free(s);
	/* Catalogues made before the version was recorded used version 1. */
	s = meta_get(c, "fold");
	c->fold = s != NULL ? strtol(s, NULL, 10) : 1;
	free(s);
}

static bool
same_file(const char *a, const char *b)
{
	char	ra[PATH_MAX], rb[PATH_MAX];

	if (realpath(a, ra) == NULL || realpath(b, rb) == NULL)
		return false;
	return strcmp(ra, rb) == 0;
}

/*
 * Returns the URI SQLite opens path with, allocated. Every byte outside
 * the unreserved set is percent-encoded: a path is not a URI, and a '?',
 * '#' or '%' in a file name would otherwise change which file is opened.
 * A relative path stays relative.
 */
static char *
file_uri(const char *path, const char *mode, bool immutable)
{
	static const char	 hex[] = "0123456789ABCDEF";
	struct buf		 b;
	const unsigned char	*p;

	buf_init(&b);
	/* An empty authority, so that "//dir" is a path and not a host. */
	buf_addstr(&b, path[0] == '/' ? "file://" : "file:");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '/' || *p == '.' ||
		    *p == '_' || *p == '~' || *p == '-')
			buf_addch(&b, (char)*p);
		else {
			buf_addch(&b, '%');
			buf_addch(&b, hex[*p >> 4]);
			buf_addch(&b, hex[*p & 15]);
		}
	}
	buf_printf(&b, "?mode=%s%s", mode, immutable ? "&immutable=1" : "");
	return buf_take(&b);
}

/*
 * Rolls back what a killed import left in PATH-journal, so that the file
 * can be read again: a read-only connection cannot roll back a hot
 * journal, and SQLite would report the file as unreadable. Only a
 * writable file that is not the bundled catalogue is touched.
 */
int
catalogue_recover(const char *path)
{
	sqlite3	*db;
	char	*uri;

	if (!has_journal(path))
		return 0;
	if (access(path, W_OK) == 0) {
		uri = file_uri(path, "rw", false);
		if (sqlite3_open_v2(uri, &db, SQLITE_OPEN_URI |
		    SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
			sqlite3_exec(db, "PRAGMA user_version", NULL, NULL,
			    NULL);
		sqlite3_close(db);
		free(uri);
	}
	/* SQLite empties or removes the journal once it is rolled back. */
	return has_journal(path) ? -1 : 0;
}

/*
 * Gives a catalogue made before the terms table one, filled from the
 * index's own word list (fts5vocab), so that long prefixes can be
 * expanded in it too. It runs inside the first write transaction, so a
 * failed import leaves the file as it was. Read-only catalogues go on
 * without it.
 */
static int
add_terms_table(struct catalogue *c, char **error)
{
	char	*msg = NULL;

	if (sqlite3_exec(c->db,
	    "CREATE TABLE terms(term TEXT PRIMARY KEY) WITHOUT ROWID;"
	    "CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main,"
	    " search, row);"
	    "INSERT INTO terms SELECT term FROM temp.vocabulary"
	    " WHERE length(CAST(term AS BLOB)) >= 4;"
	    "DROP TABLE temp.vocabulary;"
	    "PRAGMA user_version = 2;", NULL, NULL, &msg) != SQLITE_OK) {
		*error = xasprintf("%s: adding the word list failed: %s",
		    c->path, msg != NULL ? msg : sqlite3_errmsg(c->db));
		sqlite3_free(msg);
		return -1;
	}
	c->has_terms = true;
	c->upgraded = true;
	return 0;
}

int
catalogue_open(const char *path, enum catalogue_mode mode,
    struct catalogue **out, char **error)
{
	struct catalogue	*c;
	struct stat		 st;
	char			*uri;
	bool			 empty = false, exists;
	int			 flags, rc;

	*out = NULL;
	exists = access(path, F_OK) == 0;
	if (!exists && mode == CATALOGUE_READ) {
		if (strcmp(path, catalogue_bundled_path()) == 0)
			*error = xasprintf("the bundled catalogue is missing "
			    "(looked beside the program in data/ and in %s); "
			    "run 'make' in the source tree, or 'make install'",
			    FEHREST_DATADIR);
		else
			*error = xasprintf("%s: no such catalogue file; check "
			    "the path, or name none to open the bundled "
			    "catalogue", path);
		return -1;
	}
	if (exists && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		*error = xasprintf("%s: is a directory, not a catalogue; name "
		    "a catalogue file", path);
		return -1;
	}
	if (exists && access(path, R_OK) != 0) {
		*error = xasprintf("%s: cannot read the catalogue: %s", path,
		    strerror(errno));
		return -1;
	}

	c = xcalloc(1, sizeof *c);
	c->path = xstrdup(path);
	c->bundled = same_file(path, catalogue_bundled_path());
	if (!c->bundled && exists)
		catalogue_recover(path);
	c->writable = mode == CATALOGUE_WRITE && !c->bundled;

	/*
	 * The bundled file is installed read-only: immutable=1 stops SQLite
	 * from taking locks or looking for a journal beside it.
	 */
	uri = file_uri(path, c->writable ? "rwc" : "ro", c->bundled);
	flags = SQLITE_OPEN_URI | (c->writable ? SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY);
	rc = sqlite3_open_v2(uri, &c->db, flags, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		*error = xasprintf("%s: cannot open the catalogue: %s%s", path,
		    c->db != NULL ? sqlite3_errmsg(c->db) : "out of memory",
		    c->writable ? "; check that its directory exists and is "
		    "writable" : "");
		goto fail;
	}
	sqlite3_extended_result_codes(c->db, 1);
	sqlite3_busy_timeout(c->db, 2000);
	sqlite3_progress_handler(c->db, 2000, progress_handler, c);

	if (check_schema(c, &empty, error) != 0)
		goto fail;
	if (empty) {
		if (!c->writable) {
			*error = xasprintf("%s: the file is empty, not a "
			    "catalogue; import into it with 'fehrest import "
			    "FILE --into %s'", path, path);
			goto fail;
		}
		if (create_schema(c, error) != 0)
			goto fail;
	}
	load_meta(c);
	if (c->bundled && mode == CATALOGUE_WRITE) {
		*error = xasprintf("%s: the bundled catalogue is read-only; "
		    "name a catalogue of your own with --into FILE", path);
		goto fail;
	}
	*out = c;
	return 0;

fail:
	catalogue_close(c);
	return -1;
}

void
catalogue_close(struct catalogue *c)
{
	int	i;

	if (c == NULL)
		return;
	for (i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(c->stmt[i]);
	sqlite3_close(c->db);
	strset_free(&c->terms);
	free(c->path);
	free(c->name);
	free(c->generation);
	free(c);
}

bool
catalogue_is_bundled(const struct catalogue *c)
{
	return c->bundled;
}

const char *
catalogue_path(const struct catalogue *c)
{
	return c->path;
}

const char *
catalogue_name(const struct catalogue *c)
{
	return c->name;
}

const char *
catalogue_generation(const struct catalogue *c)
{
	return c->generation;
}

sqlite3 *
catalogue_db(struct catalogue *c)
{
	return c->db;
}

long
catalogue_total(struct catalogue *c)
{
	return c->total;
}

static int
set_fold_version(struct catalogue *c, char **error)
{
	char	version[32];

	snprintf(version, sizeof version, "%d", TEXT_FOLD_VERSION);
	if (meta_set(c, "fold", version, error) != 0)
		return -1;
	c->fold = TEXT_FOLD_VERSION;
	return 0;
}

int
catalogue_begin(struct catalogue *c, char **error)
{
	if (sqlite3_exec(c->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		*error = db_error(c, "starting a transaction");
		return -1;
	}
	if (c->writable && !c->has_terms && add_terms_table(c, error) != 0) {
		catalogue_rollback(c);
		return -1;
	}
	if (c->writable && c->fold != TEXT_FOLD_VERSION &&
	    reindex(c, error) != 0) {
		catalogue_rollback(c);
		return -1;
	}
	return 0;
}

bool
catalogue_fold_current(const struct catalogue *c)
{
	return c->fold == TEXT_FOLD_VERSION;
}

int
catalogue_commit(struct catalogue *c, char **error)
{
	sqlite3_stmt	*st;
	char		*gen, *count;
	long		 total = 0;
	int		 rc;

	if (sqlite3_prepare_v2(c->db, "SELECT count(*) FROM articles", -1,
	    &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			total = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	count = xasprintf("%ld", total);
	gen = xasprintf("%ld.%ld.%ld", (long)time(NULL), (long)getpid(),
	    total);
	rc = meta_set(c, "count", count, error);
	if (rc == 0)
		rc = meta_set(c, "generation", gen, error);
	free(count);
	if (rc != 0) {
		free(gen);
		return -1;
	}
	if (sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		*error = db_error(c, "committing the import");
		free(gen);
		return -1;
	}
	c->total = total;
	c->upgraded = false;
	c->reindexed = false;
	free(c->generation);
	c->generation = gen;
	return 0;
}

void
catalogue_rollback(struct catalogue *c)
{
	char	*fold;

	sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	/* The words the transaction recorded are gone from the table. */
	strset_free(&c->terms);
	if (c->upgraded)
		c->has_terms = false;
	c->upgraded = false;
	if (c->reindexed) {
		/* The rules the file's index was built with are back. */
		fold = meta_get(c, "fold");
		c->fold = fold != NULL ? strtol(fold, NULL, 10) : 1;
		free(fold);
		c->reindexed = false;
	}
}

int
catalogue_set_name(struct catalogue *c, const char *name, char **error)
{
	if (meta_set(c, "name", name, error) != 0)
		return -1;
	free(c->name);
	c->name = xstrdup(name);
	return 0;
}

int
catalogue_mark_bundled(struct catalogue *c, char **error)
{
	return meta_set(c, "bundled", "1", error);
}

static void
bind_text_or_null(sqlite3_stmt *st, int index, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, index);
	else
		sqlite3_bind_text(st, index, s, -1, SQLITE_STATIC);
}

static int
step_done(struct catalogue *c, sqlite3_stmt *st, const char *what,
    char **error)
{
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_errcode(c->db) == SQLITE_INTERRUPT)
			*error = xstrdup("the import was interrupted");
		else
			*error = db_error(c, what);
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

static int
add_details(struct catalogue *c, const struct record *r, char **error)
{
	sqlite3_stmt	*st;
	const char	*fields[] = {
		r->abstract, r->teaser, r->access, r->subject, r->byline,
		r->journal, r->volume, r->issue, r->pages, r->doi, r->url,
		r->keywords, r->isbn, r->type, r->source_id, r->source_file,
		r->extra,
	};
	size_t		 i;

	if ((st = get_stmt(c, ST_ADD_DETAILS, error)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, r->id);
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		bind_text_or_null(st, (int)i + 2, fields[i]);
	return step_done(c, st, "storing an article's details", error);
}

static int
add_people(struct catalogue *c, const struct record *r, char **error)
{
	sqlite3_stmt	*st;
	size_t		 i;

	for (i = 0; i < r->nauthors; i++) {
		if ((st = get_stmt(c, ST_ADD_PERSON, error)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, r->id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		bind_text_or_null(st, 3, r->authors[i].name);
		bind_text_or_null(st, 4, r->authors[i].given);
		bind_text_or_null(st, 5, r->authors[i].family);
		if (step_done(c, st, "storing an author", error) != 0)
			return -1;
	}
	return 0;
}

/*
 * Appends the words of folded text that are not in seen to e->words. Only
 * words of four or more bytes are kept, since the FTS5 prefix indexes
 * serve shorter prefixes.
 */
static void
collect_words(struct catalogue_entry *e, const char *folded,
    struct strset *seen)
{
	struct text_span	*words;
	size_t			 n, i;

	n = text_words(folded, &words);
	for (i = 0; i < n; i++) {
		if (words[i].len < 4 || (seen != NULL && !strset_add(seen,
		    folded + words[i].start, words[i].len)))
			continue;
		buf_add(&e->words, folded + words[i].start, words[i].len);
		buf_addch(&e->words, '\0');
		e->nwords++;
	}
	free(words);
}

/* Fills e from the text of an article; authors is taken over. */
static void
prepare_text(const char *title, char *authors, const char *abstract,
    struct strset *seen, struct catalogue_entry *e)
{
	memset(e, 0, sizeof *e);
	buf_init(&e->words);
	e->authors = authors;
	e->title = text_fold(title != NULL ? title : "");
	e->people = text_fold(e->authors);
	e->abstract = text_fold(abstract != NULL ? abstract : "");
	collect_words(e, e->title, seen);
	collect_words(e, e->people, seen);
	collect_words(e, e->abstract, seen);
}

void
catalogue_prepare(const struct record *r, struct strset *seen,
    struct catalogue_entry *e)
{
	prepare_text(r->title, record_author_list(r), r->abstract != NULL ?
	    r->abstract : r->teaser, seen, e);
}

void
catalogue_entry_free(struct catalogue_entry *e)
{
	free(e->authors);
	free(e->title);
	free(e->people);
	free(e->abstract);
	buf_free(&e->words);
	memset(e, 0, sizeof *e);
}

static int
add_search(struct catalogue *c, long id, const struct catalogue_entry *e,
    char **error)
{
	sqlite3_stmt	*st;
	const char	*word;
	size_t		 i;

	if ((st = get_stmt(c, ST_ADD_SEARCH, error)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, e->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, e->people, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, e->abstract, -1, SQLITE_STATIC);
	if (step_done(c, st, "indexing an article", error) != 0)
		return -1;
	if (!c->has_terms)
		return 0;
	word = e->words.data;
	for (i = 0; i < e->nwords; i++) {
		if ((st = get_stmt(c, ST_ADD_TERM, error)) == NULL)
			return -1;
		sqlite3_bind_text(st, 1, word, -1, SQLITE_STATIC);
		if (step_done(c, st, "recording an indexed word", error) != 0)
			return -1;
		word += strlen(word) + 1;
	}
	return 0;
}

/*
 * Gives r the number it is stored under: its own when that is free,
 * otherwise the next free one. Returns 0, or -1 with *error set.
 */
static int
assign_number(struct catalogue *c, struct record *r, char **error)
{
	sqlite3_stmt	*st;
	long		 existing;
	int		 rc;

	/*
	 * Numbers are unique within a catalogue so that "show N" names one
	 * article. A number already taken, as when a second listing is
	 * imported into the same file, is replaced by the next free one. The
	 * source's own number stays in source_id.
	 */
	if (r->number != 0) {
		rc = catalogue_find_number(c, r->number, &existing, error);
		if (rc == -1)
			return -1;
		if (rc == 1)
			return 0;
		r->number = 0;
	}
	if ((st = get_stmt(c, ST_NEXT_NUMBER, error)) == NULL)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		r->number = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	/*
	 * max + 1 is taken only when the largest number is the largest
	 * integer itself; then there is no number left.
	 */
	rc = r->number <= 0 ? 0 : catalogue_find_number(c, r->number,
	    &existing, error);
	if (rc == -1)
		return -1;
	if (rc == 0) {
		*error = xasprintf("%s: no free article number is left; "
		    "import into a new catalogue", c->path);
		return -1;
	}
	return 0;
}

int
catalogue_add_entry(struct catalogue *c, struct record *r,
    const struct catalogue_entry *e, char **error)
{
	sqlite3_stmt	*st;

	if (!c->writable) {
		*error = xasprintf("%s: the catalogue is open read-only",
		    c->path);
		return -1;
	}
	if (assign_number(c, r, error) != 0)
		return -1;
	if ((st = get_stmt(c, ST_ADD_ARTICLE, error)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, r->number);
	sqlite3_bind_text(st, 2, r->title != NULL ? r->title : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 3, e->authors, -1, SQLITE_STATIC);
	if (r->year != 0)
		sqlite3_bind_int(st, 4, r->year);
	if (step_done(c, st, "storing an article", error) != 0)
		return -1;
	r->id = sqlite3_last_insert_rowid(c->db);

	if (add_details(c, r, error) != 0 || add_people(c, r, error) != 0 ||
	    add_search(c, r->id, e, error) != 0)
		return -1;
	return 0;
}

int
catalogue_add(struct catalogue *c, struct record *r, char **error)
{
	struct catalogue_entry	e;
	int			rc;

	catalogue_prepare(r, &c->terms, &e);
	rc = catalogue_add_entry(c, r, &e, error);
	catalogue_entry_free(&e);
	return rc;
}

/*
 * Builds the search index and the word list again from the stored
 * articles, for a catalogue indexed under other folding rules. Runs
 * inside the open transaction.
 */
static int
reindex(struct catalogue *c, char **error)
{
	struct catalogue_entry	 e;
	struct strset		 seen;
	sqlite3_stmt		*st;
	int			 rc;

	if (sqlite3_exec(c->db, "INSERT INTO search(search) VALUES"
	    "('delete-all')", NULL, NULL, NULL) != SQLITE_OK ||
	    (c->has_terms && sqlite3_exec(c->db, "DELETE FROM terms", NULL,
	    NULL, NULL) != SQLITE_OK)) {
		*error = db_error(c, "clearing the search index");
		return -1;
	}
	if (sqlite3_prepare_v2(c->db, "SELECT a.id, a.title, a.authors,"
	    " coalesce(d.abstract, d.teaser) FROM articles a"
	    " LEFT JOIN details d ON d.id = a.id ORDER BY a.id", -1, &st,
	    NULL) != SQLITE_OK) {
		*error = db_error(c, "reading the articles to index");
		return -1;
	}
	strset_init(&seen);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		prepare_text((const char *)sqlite3_column_text(st, 1),
		    xstrdup((const char *)sqlite3_column_text(st, 2)),
		    (const char *)sqlite3_column_text(st, 3), &seen, &e);
		rc = add_search(c, sqlite3_column_int64(st, 0), &e, error);
		catalogue_entry_free(&e);
		if (rc != 0)
			break;
	}
	strset_free(&seen);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		if (rc != -1)
			*error = db_error(c, "reading the articles to index");
		return -1;
	}
	if (set_fold_version(c, error) != 0)
		return -1;
	c->reindexed = true;
	return 0;
}

static char *
column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char	*s;

	s = sqlite3_column_text(st, col);
	return s == NULL ? NULL : xstrdup((const char *)s);
}

int
catalogue_load(struct catalogue *c, long id, struct record *r, char **error)
{
	sqlite3_stmt	*st;
	char		**fields[] = {
		&r->abstract, &r->teaser, &r->access, &r->subject, &r->byline,
		&r->journal, &r->volume, &r->issue, &r->pages, &r->doi,
		&r->url, &r->keywords, &r->isbn, &r->type, &r->source_id,
		&r->source_file, &r->extra,
	};
	size_t		 i;
	int		 rc;

	if ((st = get_stmt(c, ST_LOAD, error)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 1;
	}
	if (rc != SQLITE_ROW) {
		*error = db_error(c, "reading an article");
		sqlite3_reset(st);
		return -1;
	}
	record_clear(r);
	r->id = id;
	r->number = sqlite3_column_int64(st, 0);
	r->title = column_dup(st, 1);
	r->year = sqlite3_column_int(st, 2);
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		*fields[i] = column_dup(st, (int)i + 3);
	sqlite3_reset(st);

	if ((st = get_stmt(c, ST_LOAD_PEOPLE, error)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		record_add_author(r, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		*error = db_error(c, "reading an article's authors");
		return -1;
	}
	return 0;
}

int
catalogue_find_number(struct catalogue *c, long number, long *id,
    char **error)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = get_stmt(c, ST_FIND_NUMBER, error)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, number);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	*error = db_error(c, "finding an article by number");
	return -1;
}

static char *
query_error(struct catalogue *c, const char *what)
{
	int	code;

	code = sqlite3_errcode(c->db);
	if (code == SQLITE_INTERRUPT)
		return xstrdup("interrupted");
	return db_error(c, what);
}

/* Returns the query that leaves out the hidden ids in place of id. */
static enum stmt_id
shown_variant(enum stmt_id id)
{
	switch (id) {
	case ST_ROWS_ALL_FWD:
		return ST_ROWS_ALL_FWD_SHOWN;
	case ST_ROWS_ALL_BACK:
		return ST_ROWS_ALL_BACK_SHOWN;
	case ST_ROWS_MATCH_FWD:
		return ST_ROWS_MATCH_FWD_SHOWN;
	case ST_ROWS_MATCH_BACK:
		return ST_ROWS_MATCH_BACK_SHOWN;
	case ST_COUNT_MATCH:
		return ST_COUNT_MATCH_SHOWN;
	case ST_COUNT_MATCH_CAP:
		return ST_COUNT_MATCH_CAP_SHOWN;
	case ST_RANK_ALL:
		return ST_RANK_ALL_SHOWN;
	case ST_RANK_MATCH:
		return ST_RANK_MATCH_SHOWN;
	default:
		return id;
	}
}

/* Runs one statement of the hidden-id set-up; the caller rolls back. */
static int
exec_hidden(struct catalogue *c, const char *sql, char **error)
{
	if (sqlite3_exec(c->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		*error = db_error(c, "setting the hidden articles");
		return -1;
	}
	return 0;
}

/* Fills temp.hidden_ids with ids and counts those in the catalogue. */
static int
fill_hidden(struct catalogue *c, const long *ids, size_t n, char **error)
{
	sqlite3_stmt	*st = NULL;
	size_t		 i;
	int		 rc = -1;

	if (exec_hidden(c, "CREATE TEMP TABLE IF NOT EXISTS hidden_ids("
	    "id INTEGER PRIMARY KEY); DELETE FROM temp.hidden_ids;",
	    error) != 0)
		return -1;
	if (sqlite3_prepare_v2(c->db, "INSERT OR IGNORE INTO temp.hidden_ids"
	    "(id) VALUES (?1)", -1, &st, NULL) != SQLITE_OK) {
		*error = db_error(c, "setting the hidden articles");
		goto out;
	}
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		if (sqlite3_step(st) != SQLITE_DONE) {
			*error = db_error(c, "setting the hidden articles");
			goto out;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(c->db, "SELECT count(*) FROM temp.hidden_ids h"
	    " JOIN articles a ON a.id = h.id", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		*error = db_error(c, "counting the hidden articles");
		goto out;
	}
	c->nhidden = sqlite3_column_int64(st, 0);
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}

int
catalogue_set_hidden(struct catalogue *c, const long *ids, size_t n,
    char **error)
{
	c->interrupted = false;
	if (n == 0) {
		c->hiding = false;
		c->nhidden = 0;
		return 0;
	}
	/* One transaction of the temp database: one sync, not n. */
	if (exec_hidden(c, "SAVEPOINT hidden_ids", error) != 0)
		return -1;
	if (fill_hidden(c, ids, n, error) != 0) {
		sqlite3_exec(c->db, "ROLLBACK TO hidden_ids; RELEASE hidden_ids",
		    NULL, NULL, NULL);
		return -1;
	}
	if (exec_hidden(c, "RELEASE hidden_ids", error) != 0)
		return -1;
	c->hiding = true;
	return 0;
}

void
catalogue_row_clear(struct catalogue_row *row)
{
	free(row->title);
	free(row->authors);
	memset(row, 0, sizeof *row);
}

int
catalogue_rows(struct catalogue *c, const char *match, long from_id,
    bool forward, size_t limit, struct catalogue_row *rows, size_t *nrows,
    char **error)
{
	sqlite3_stmt		*st;
	struct catalogue_row	 tmp;
	enum stmt_id		 id;
	size_t			 n = 0, i;
	int			 rc;

	*nrows = 0;
	c->interrupted = false;
	if (match == NULL)
		id = forward ? ST_ROWS_ALL_FWD : ST_ROWS_ALL_BACK;
	else
		id = forward ? ST_ROWS_MATCH_FWD : ST_ROWS_MATCH_BACK;
	if (c->hiding)
		id = shown_variant(id);
	if ((st = get_stmt(c, id, error)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, from_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
	if (match != NULL)
		sqlite3_bind_text(st, 3, match, -1, SQLITE_STATIC);
	while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows[n].id = sqlite3_column_int64(st, 0);
		rows[n].number = sqlite3_column_int64(st, 1);
		rows[n].title = column_dup(st, 2);
		rows[n].authors = column_dup(st, 3);
		rows[n].year = sqlite3_column_int(st, 4);
		if (rows[n].title == NULL)
			rows[n].title = xstrdup("");
		if (rows[n].authors == NULL)
			rows[n].authors = xstrdup("");
		n++;
	}
	if (n < limit && rc != SQLITE_DONE) {
		*error = query_error(c, "listing articles");
		sqlite3_reset(st);
		for (i = 0; i < n; i++)
			catalogue_row_clear(&rows[i]);
		return -1;
	}
	sqlite3_reset(st);
	if (!forward) {
		for (i = 0; i < n / 2; i++) {
			tmp = rows[i];
			rows[i] = rows[n - 1 - i];
			rows[n - 1 - i] = tmp;
		}
	}
	*nrows = n;
	return 0;
}

static int
count_with(struct catalogue *c, sqlite3_stmt *st, long *count,
    char **error)
{
	int	rc;

	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		*error = query_error(c, "counting articles");
		return -1;
	}
	return 0;
}

int
catalogue_count(struct catalogue *c, const char *match, long cap,
    long *count, char **error)
{
	sqlite3_stmt	*st;

	enum stmt_id	 id;
	long		 total;

	c->interrupted = false;
	if (match == NULL) {
		total = c->total - (c->hiding ? c->nhidden : 0);
		*count = cap > 0 && total > cap ? cap : total;
		return 0;
	}
	id = cap > 0 ? ST_COUNT_MATCH_CAP : ST_COUNT_MATCH;
	st = get_stmt(c, c->hiding ? shown_variant(id) : id, error);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	if (cap > 0)
		sqlite3_bind_int64(st, 2, cap);
	return count_with(c, st, count, error);
}

int
catalogue_rank(struct catalogue *c, const char *match, long id, long cap,
    long *rank, char **error)
{
	sqlite3_stmt	*st;
	enum stmt_id	 sid;

	c->interrupted = false;
	sid = match == NULL ? ST_RANK_ALL : ST_RANK_MATCH;
	st = get_stmt(c, c->hiding ? shown_variant(sid) : sid, error);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, cap > 0 ? cap : -1);
	if (match != NULL)
		sqlite3_bind_text(st, 3, match, -1, SQLITE_STATIC);
	return count_with(c, st, rank, error);
}

void
catalogue_set_progress(struct catalogue *c, int (*check)(void *), void *arg)
{
	c->progress = check;
	c->progress_arg = arg;
}

bool
catalogue_interrupted(const struct catalogue *c)
{
	return c->interrupted;
}

int
catalogue_terms(struct catalogue *c, const char *prefix, size_t max,
    char ***terms, size_t *nterms, char **error)
{
	sqlite3_stmt	*st;
	char		*upper;
	size_t		 len, n = 0;
	int		 rc;

	*terms = NULL;
	*nterms = 0;
	len = strlen(prefix);
	if (!c->has_terms || len == 0)
		return 1;
	if ((st = get_stmt(c, ST_TERMS, error)) == NULL)
		return -1;
	/*
	 * The words starting with prefix sort from prefix up to prefix with
	 * its last byte raised by one; BINARY collation compares bytes.
	 */
	upper = xstrdup(prefix);
	upper[len - 1] = (char)((unsigned char)upper[len - 1] + 1);
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, upper, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)max + 1);
	*terms = xcalloc(max + 1, sizeof **terms);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n <= max)
		(*terms)[n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	free(upper);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		*error = query_error(c, "listing indexed words");
		while (n > 0)
			free((*terms)[--n]);
		free(*terms);
		*terms = NULL;
		return -1;
	}
	*nterms = n;
	return 0;
}

int
catalogue_list_terms(void *catalogue, const char *prefix, size_t max,
    char ***terms, size_t *nterms)
{
	char	*error = NULL;
	int	 rc;

	rc = catalogue_terms(catalogue, prefix, max, terms, nterms, &error);
	free(error);
	return rc;
}

int
catalogue_each_source_id(struct catalogue *c,
    void (*fn)(void *arg, const char *source_id), void *arg, char **error)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(c->db, "SELECT source_id FROM details WHERE "
	    "source_id IS NOT NULL", -1, &st, NULL) != SQLITE_OK) {
		*error = db_error(c, "reading the source ids");
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(arg, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*error = db_error(c, "reading the source ids");
		return -1;
	}
	return 0;
}
