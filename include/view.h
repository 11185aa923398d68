/*
 * The view model of the browser: which articles the list shows, which
 * one is selected, how far the list is scrolled, and the filter. It
 * does not use curses, so it can be tested on its own.
 *
 * The view never loads the whole catalogue. It keeps a window of rows,
 * a contiguous run of the (filtered) list in list order, fetched with
 * keyset queries around the selection. The window grows or is trimmed
 * as the selection moves, and at_start and at_end record whether it
 * touches either end of the list. The selection is an article id, so a
 * new filter keeps the same article selected when it still matches and
 * otherwise selects the first match. The match count and
 * the selection's position are counted with a cap, so every call stays
 * fast at a million articles.
 */
#ifndef FEHREST_VIEW_H
#define FEHREST_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "catalogue.h"
#include "query.h"
#include "record.h"

/* Counting stops here: a filter matching more shows "10,000+". */
#define VIEW_COUNT_CAP	10000L

/* One row of the window. */
struct view_row {
	struct catalogue_row	 row;
	/* Whether the duplicates feature marks the article; see
	   view_set_marker(). */
	bool			 duplicate;
};

/* A count that may have stopped at its cap or not be known yet. */
struct view_count {
	long	value;
	bool	known;
	bool	capped;		/* at least value; there may be more */
};

struct view {
	struct catalogue	*cat;

	char			*filter;	/* as typed; "" for none */
	struct query		 query;		/* parsed filter */

	struct view_row		*rows;		/* the window, in list order */
	size_t			 nrows;
	size_t			 rows_size;	/* allocated entries */
	bool			 at_start;
	bool			 at_end;

	size_t			 selected;	/* index in rows */
	/* Index of the first row shown. */
	size_t			 top;
	int			 height;	/* rows the list pane shows */
	/* Id of the selected article, kept when the list is empty so the
	   next filter can select it again; 0 before any selection. */
	long			 selected_id;

	struct view_count	 position;	/* 1-based, of the selection */
	struct view_count	 count;		/* matching articles */

	bool			(*marker)(void *, long);
	void			*marker_arg;

	/* Ids of the articles marked for export, ascending. */
	long			*marked;
	size_t			 nmarked;

	struct record		 article;	/* the selection, in full */
	long			 article_id;	/* 0 when not loaded */
};

/*
 * Opens a view of the whole catalogue c with the first article
 * selected and height rows visible. Returns 0, or -1 with an allocated
 * message in *error. The view does not own c.
 */
int	 view_open(struct view *v, struct catalogue *c, int height,
	    char **error);
/* Frees everything the view holds. */
void	 view_close(struct view *v);

/*
 * Sets the filter text and queries the rows around the selected
 * article; its position is left to view_update_position() unless the
 * window shows it. Returns 0, or -1 with *error. When a query fails,
 * or is interrupted through catalogue_set_progress(), the view keeps
 * the previous filter and rows, so the caller can simply try again.
 */
int	 view_set_filter(struct view *v, const char *filter, char **error);
/* Returns the filter as typed ("" for none); valid until it changes. */
const char *view_filter(const struct view *v);
/*
 * Returns the parsed filter, or NULL when it has no words to match;
 * valid until the filter changes.
 */
const struct query *view_query(const struct view *v);
/* Returns why part of the filter was ignored, or NULL. */
const char *view_note(const struct view *v);

/*
 * Moves the selection by delta rows (negative moves up), stopping at
 * either end of the list, and scrolls to keep it visible. Returns 0, or
 * -1 with *error.
 */
int	 view_move(struct view *v, long delta, char **error);
/* Moves the selection and the scroll position together, as a page key. */
int	 view_page(struct view *v, long delta, char **error);
/* Selects the first or the last article of the list. */
int	 view_home(struct view *v, char **error);
int	 view_end(struct view *v, char **error);
/*
 * Selects the row shown on line line of the list pane (0 is the top).
 * Returns 1 when that line shows no row, else as view_move().
 */
int	 view_select_line(struct view *v, int line, char **error);

/* Sets the number of rows the list pane shows and keeps the selection
   visible. */
int	 view_set_height(struct view *v, int height, char **error);

/* Returns the selected row, or NULL when the list is empty. */
const struct view_row *view_selected(const struct view *v);
/*
 * Returns the row on line line of the list pane, or NULL past the end
 * of the list. The row is valid until the view next changes.
 */
const struct view_row *view_line(const struct view *v, int line);

/*
 * Counts the matching articles, at most VIEW_COUNT_CAP when a filter is
 * set, unless already known. Returns 0, or -1 with *error (the count
 * stays unknown, and an interrupted count can be retried).
 */
int	 view_update_count(struct view *v, char **error);
/*
 * Finds the selection's position, unless already known: exactly in the
 * whole catalogue, at most VIEW_COUNT_CAP with a filter. Like
 * view_update_count(), it is left to the caller's idle time because at
 * a million articles it can take a noticeable fraction of a second.
 * Returns 0, or -1 with *error (the position stays unknown).
 */
int	 view_update_position(struct view *v, char **error);
/* Returns the number of articles in the catalogue. */
long	 view_total(const struct view *v);

/*
 * Loads the selected article in full and returns it, or NULL when the
 * list is empty or loading failed (then *error is set). The record is
 * owned by the view and valid until the selection changes.
 */
const struct record *view_article(struct view *v, char **error);

/*
 * Sets a function that returns whether an article is marked as a
 * duplicate; it is called for every row fetched from now on, and the
 * result stored in view_row.duplicate. NULL removes it.
 */
void	 view_set_marker(struct view *v, bool (*marker)(void *, long),
	    void *arg);
/* Calls the marker again for every row of the window. */
void	 view_update_marks(struct view *v);

/*
 * Fetches the rows around the selected article again, as after a new
 * filter, for when the catalogue's rows changed (the hidden articles of
 * catalogue_set_hidden(), say). The count and position become unknown.
 * Returns 0, or -1 with *error and the view unchanged.
 */
int	 view_reload(struct view *v, char **error);

/*
 * Leaves the articles with the given ids out of the list (n 0 shows
 * them all again), through catalogue_set_hidden(), and reloads the
 * rows around the selection. Returns 0, or -1 with *error.
 */
int	 view_set_hidden(struct view *v, const long *ids, size_t n,
	    char **error);

/*
 * Selects the article with the given id, or the next one of the list
 * when the filter or the hidden articles leave it out. Returns 0, or
 * -1 with *error.
 */
int	 view_select_id(struct view *v, long id, char **error);

/*
 * Selects the article numbered number. Returns 0, 1 when the catalogue
 * has no article with that number, 2 when the filter or the hidden
 * duplicates leave it out (the selection does not move then), or -1
 * with *error.
 */
int	 view_select_number(struct view *v, long number, char **error);

/*
 * Marks the selected article for export, or unmarks it when marked.
 * Returns whether it is marked now (false for an empty list).
 */
bool	 view_toggle_mark(struct view *v);
/* Returns whether the article with the given id is marked. */
bool	 view_is_marked(const struct view *v, long id);

#endif
