/*
 * The view model: see view.h.
 *
 * Invariants while the list is not empty: selected < nrows, top <=
 * selected < top + height, and rows[] is a contiguous run of the
 * filtered list in ascending id order. An empty list has nrows 0 with
 * at_start and at_end both set. Every operation that queries builds its
 * result on the side and changes the view only once all queries have
 * succeeded, so a failed or interrupted call leaves the view as it was.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"
#include "xmalloc.h"

/* Rows fetched beyond what the pane shows, so that small moves need no
   query. */
#define MARGIN		32
/* A window larger than this many pages plus margins is trimmed. */
#define WINDOW_PAGES	3

/* A window under construction. */
struct window {
	struct view_row	*rows;
	size_t		 nrows;
	bool		 at_start;
	bool		 at_end;
	size_t		 selected;
};

/* The placement of the selection in load_window(). */
enum anchor {
	ANCHOR_FIRST,	/* the first row of the list */
	ANCHOR_LAST,	/* the last row */
	ANCHOR_AT,	/* the given id, else the next one, else the last */
	ANCHOR_KEEP,	/* the given id, else the first row */
};

static void
free_rows(struct view_row *rows, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		catalogue_row_clear(&rows[i].row);
	free(rows);
}

static const char *
current_match(const struct view *v)
{
	return v->query.match;
}

/*
 * Fetches up to limit rows before or after from_id into a new array
 * stored in *out. Returns the number of rows, or -1 with *error.
 */
static long
fetch(struct view *v, const char *match, long from_id, bool forward,
    size_t limit, struct view_row **out, char **error)
{
	struct catalogue_row	*tmp;
	struct view_row		*rows;
	size_t			 n, i;

	*out = NULL;
	tmp = xcalloc(limit, sizeof *tmp);
	if (catalogue_rows(v->cat, match, from_id, forward, limit, tmp, &n,
	    error) != 0) {
		free(tmp);
		return -1;
	}
	rows = xcalloc(n > 0 ? n : 1, sizeof *rows);
	for (i = 0; i < n; i++) {
		rows[i].row = tmp[i];
		rows[i].duplicate = v->marker != NULL &&
		    v->marker(v->marker_arg, tmp[i].id);
	}
	free(tmp);
	*out = rows;
	return (long)n;
}

/* Joins two runs of rows into one array; frees both. */
static struct view_row *
join_rows(struct view_row *a, size_t na, struct view_row *b, size_t nb)
{
	struct view_row	*rows;

	rows = xcalloc(na + nb > 0 ? na + nb : 1, sizeof *rows);
	if (na > 0)
		memcpy(rows, a, na * sizeof *rows);
	if (nb > 0)
		memcpy(rows + na, b, nb * sizeof *rows);
	free(a);
	free(b);
	return rows;
}

/*
 * Builds a window for the list filtered by match, with the selection
 * placed as how requests, and enough rows on both sides of it to fill the
 * pane. Returns 0, or -1 with *error and w left empty.
 */
static int
load_window(struct view *v, const char *match, enum anchor how, long id,
    struct window *w, char **error)
{
	struct view_row	*after = NULL, *before = NULL;
	size_t		 want;
	long		 na = 0, nb = 0;

	memset(w, 0, sizeof *w);
	want = (size_t)v->height + MARGIN;
	if (how == ANCHOR_KEEP) {
		if (load_window(v, match, ANCHOR_AT, id, w, error) != 0)
			return -1;
		if (w->nrows == 0 || w->rows[w->selected].row.id == id)
			return 0;
		free_rows(w->rows, w->nrows);
		return load_window(v, match, ANCHOR_FIRST, 0, w, error);
	}
	if (how == ANCHOR_FIRST || how == ANCHOR_AT) {
		na = fetch(v, match, how == ANCHOR_AT && id > 0 ? id - 1 : 0,
		    true, want, &after, error);
		if (na < 0)
			return -1;
		if (na == 0) {
			free(after);
			after = NULL;
			how = ANCHOR_LAST;
		}
	}
	if (how == ANCHOR_LAST) {
		nb = fetch(v, match, LONG_MAX, false, want, &before, error);
		if (nb < 0)
			return -1;
		w->rows = before;
		w->nrows = (size_t)nb;
		w->at_start = (size_t)nb < want;
		w->at_end = true;
		w->selected = nb > 0 ? (size_t)nb - 1 : 0;
		return 0;
	}

	w->at_end = (size_t)na < want;
	if (how == ANCHOR_FIRST) {
		w->at_start = true;
	} else {
		nb = fetch(v, match, after[0].row.id, false, want, &before,
		    error);
		if (nb < 0) {
			free_rows(after, (size_t)na);
			return -1;
		}
		w->at_start = (size_t)nb < want;
	}
	w->rows = join_rows(before, (size_t)nb, after, (size_t)na);
	w->nrows = (size_t)(na + nb);
	w->selected = (size_t)nb;
	return 0;
}

/*
 * Sets the position when the window shows it without a query: at the
 * start of the list it is the index, at its end the count (when exact).
 * Otherwise leaves it unknown for view_update_position().
 */
static void
guess_position(struct view *v)
{
	memset(&v->position, 0, sizeof v->position);
	if (v->nrows == 0)
		return;
	if (v->at_start) {
		v->position.value = (long)v->selected + 1;
		v->position.known = true;
	} else if (v->at_end && v->selected + 1 == v->nrows &&
	    v->count.known && !v->count.capped) {
		v->position.value = v->count.value;
		v->position.known = true;
	}
}

/* Keeps the selection on screen and the pane filled at the end. */
static void
scroll_to_selection(struct view *v)
{
	size_t	height = (size_t)v->height;

	if (v->nrows == 0) {
		v->top = 0;
		v->selected = 0;
		return;
	}
	if (v->selected < v->top)
		v->top = v->selected;
	if (v->selected >= v->top + height)
		v->top = v->selected - height + 1;
	if (v->at_end && v->top + height > v->nrows)
		v->top = v->nrows > height ? v->nrows - height : 0;
}

/* Installs w as the view's window; the selection keeps its screen line. */
static void
install_window(struct view *v, struct window *w)
{
	size_t	line;

	line = v->nrows > 0 ? v->selected - v->top : 0;
	free_rows(v->rows, v->nrows);
	v->rows = w->rows;
	v->nrows = w->nrows;
	v->at_start = w->at_start;
	v->at_end = w->at_end;
	v->selected = w->selected;
	v->top = v->selected >= line ? v->selected - line : 0;
	if (v->nrows > 0)
		v->selected_id = v->rows[v->selected].row.id;
	scroll_to_selection(v);
	memset(w, 0, sizeof *w);
}

/* Adds up to limit rows after the window. */
static int
extend_forward(struct view *v, size_t limit, char **error)
{
	struct view_row	*more;
	long		 n;

	if (v->at_end || v->nrows == 0)
		return 0;
	n = fetch(v, current_match(v), v->rows[v->nrows - 1].row.id, true,
	    limit, &more, error);
	if (n < 0)
		return -1;
	v->rows = join_rows(v->rows, v->nrows, more, (size_t)n);
	v->nrows += (size_t)n;
	v->at_end = (size_t)n < limit;
	return 0;
}

/* Adds up to limit rows before the window; indices shift. */
static int
extend_backward(struct view *v, size_t limit, char **error)
{
	struct view_row	*more;
	long		 n;

	if (v->at_start || v->nrows == 0)
		return 0;
	n = fetch(v, current_match(v), v->rows[0].row.id, false, limit,
	    &more, error);
	if (n < 0)
		return -1;
	v->rows = join_rows(more, (size_t)n, v->rows, v->nrows);
	v->nrows += (size_t)n;
	v->selected += (size_t)n;
	v->top += (size_t)n;
	v->at_start = (size_t)n < limit;
	return 0;
}

/*
 * Fetches rows until the pane is full or the list ends, first below the
 * screen and then, at the end of the list, above it (after the pane
 * grew taller, say).
 */
static int
fill(struct view *v, char **error)
{
	size_t	need = v->top + (size_t)v->height, shown;

	if (v->nrows < need && extend_forward(v, need - v->nrows + MARGIN,
	    error) != 0)
		return -1;
	shown = v->nrows - v->top;
	if (v->at_end && shown < (size_t)v->height && v->top == 0 &&
	    extend_backward(v, (size_t)v->height - shown + MARGIN,
	    error) != 0)
		return -1;
	scroll_to_selection(v);
	return 0;
}

/* Drops rows far from the screen so the window stays small. */
static void
trim(struct view *v)
{
	size_t	limit, lo, hi;

	limit = WINDOW_PAGES * (size_t)v->height + 2 * MARGIN;
	if (v->nrows <= limit)
		return;
	lo = v->top > MARGIN ? v->top - MARGIN : 0;
	hi = v->top + (size_t)v->height + MARGIN;
	if (hi > v->nrows)
		hi = v->nrows;
	if (hi < v->nrows) {
		while (v->nrows > hi)
			catalogue_row_clear(&v->rows[--v->nrows].row);
		v->at_end = false;
	}
	if (lo > 0) {
		size_t	i;

		for (i = 0; i < lo; i++)
			catalogue_row_clear(&v->rows[i].row);
		memmove(v->rows, v->rows + lo, (v->nrows - lo) *
		    sizeof *v->rows);
		v->nrows -= lo;
		v->selected -= lo;
		v->top -= lo;
		v->at_start = false;
	}
}

static void
set_count_unknown(struct view *v)
{
	memset(&v->count, 0, sizeof v->count);
	/* Without a filter the count needs no query, but it leaves out
	   the hidden articles. */
	if (current_match(v) == NULL && catalogue_count(v->cat, NULL, 0,
	    &v->count.value, NULL) == 0)
		v->count.known = true;
}

int
view_open(struct view *v, struct catalogue *c, int height, char **error)
{
	struct window	w;

	memset(v, 0, sizeof *v);
	v->cat = c;
	v->filter = xstrdup("");
	v->height = height > 0 ? height : 1;
	record_init(&v->article);
	if (load_window(v, NULL, ANCHOR_FIRST, 0, &w, error) != 0) {
		view_close(v);
		return -1;
	}
	install_window(v, &w);
	v->position.known = v->nrows > 0;
	v->position.value = v->nrows > 0 ? 1 : 0;
	set_count_unknown(v);
	return 0;
}

void
view_close(struct view *v)
{
	free_rows(v->rows, v->nrows);
	free(v->marked);
	free(v->filter);
	query_free(&v->query);
	record_clear(&v->article);
	memset(v, 0, sizeof *v);
}

/* Returns whether two FTS5 expressions select the same articles. */
static bool
same_match(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

int
view_set_filter(struct view *v, const char *filter, char **error)
{
	struct query		 q;
	struct window		 w;

	query_parse(filter, &q);
	query_expand(&q, catalogue_list_terms, v->cat);
	if (same_match(q.match, v->query.match)) {
		/* Only the spelling changed: the rows stay the same. */
		query_free(&v->query);
		v->query = q;
		free(v->filter);
		v->filter = xstrdup(filter);
		return 0;
	}

	if (load_window(v, q.match, ANCHOR_KEEP, v->selected_id, &w,
	    error) != 0) {
		query_free(&q);
		return -1;
	}
	query_free(&v->query);
	v->query = q;
	free(v->filter);
	v->filter = xstrdup(filter);
	install_window(v, &w);
	set_count_unknown(v);
	guess_position(v);
	return 0;
}

const char *
view_filter(const struct view *v)
{
	return v->filter;
}

const struct query *
view_query(const struct view *v)
{
	return v->query.match != NULL ? &v->query : NULL;
}

const char *
view_note(const struct view *v)
{
	return v->query.note;
}

/* Shifts the known position by moved rows. */
static void
shift_position(struct view *v, long moved)
{
	if (!v->position.known || v->position.capped)
		return;
	v->position.value += moved;
}

/*
 * Moves the selection to index target of the window, fetching what is
 * missing first; target may lie outside the window.
 */
static int
move_to(struct view *v, long target, char **error)
{
	size_t	old;

	if (v->nrows == 0)
		return 0;
	if (target >= (long)v->nrows && extend_forward(v, (size_t)(target -
	    (long)v->nrows + 1) + MARGIN, error) != 0)
		return -1;
	if (target < 0) {
		old = v->nrows;
		if (extend_backward(v, (size_t)-target + MARGIN, error) != 0)
			return -1;
		target += (long)(v->nrows - old);
	}
	if (target < 0)
		target = 0;
	if (target >= (long)v->nrows)
		target = (long)v->nrows - 1;
	shift_position(v, target - (long)v->selected);
	v->selected = (size_t)target;
	v->selected_id = v->rows[v->selected].row.id;
	return 0;
}

int
view_move(struct view *v, long delta, char **error)
{
	if (move_to(v, (long)v->selected + delta, error) != 0)
		return -1;
	scroll_to_selection(v);
	if (fill(v, error) != 0)
		return -1;
	trim(v);
	return 0;
}

int
view_page(struct view *v, long delta, char **error)
{
	long	line, top;

	if (v->nrows == 0)
		return 0;
	line = (long)(v->selected - v->top);
	if (move_to(v, (long)v->selected + delta, error) != 0)
		return -1;
	/* Keep the selection on its screen line, as a pager does. */
	top = (long)v->selected - line;
	if (top < 0 && !v->at_start) {
		size_t	old = v->nrows;

		if (extend_backward(v, (size_t)-top + MARGIN, error) != 0)
			return -1;
		top += (long)(v->nrows - old);
	}
	v->top = top > 0 ? (size_t)top : 0;
	if (fill(v, error) != 0)
		return -1;
	trim(v);
	return 0;
}

int
view_home(struct view *v, char **error)
{
	struct window	w;

	if (v->nrows > 0 && v->at_start) {
		if (view_move(v, -(long)v->selected, error) != 0)
			return -1;
		v->position.value = 1;
		v->position.known = true;
		v->position.capped = false;
		return 0;
	}
	if (load_window(v, current_match(v), ANCHOR_FIRST, 0, &w,
	    error) != 0)
		return -1;
	install_window(v, &w);
	v->top = 0;
	v->position.known = v->nrows > 0;
	v->position.capped = false;
	v->position.value = v->nrows > 0 ? 1 : 0;
	return 0;
}

int
view_end(struct view *v, char **error)
{
	struct window	w;

	if (v->nrows > 0 && v->at_end) {
		if (view_move(v, (long)(v->nrows - 1 - v->selected),
		    error) != 0)
			return -1;
		if (!v->position.known || v->position.capped)
			guess_position(v);
		return 0;
	}
	if (load_window(v, current_match(v), ANCHOR_LAST, 0, &w,
	    error) != 0)
		return -1;
	install_window(v, &w);
	v->top = v->nrows > (size_t)v->height ? v->nrows - (size_t)v->height :
	    0;
	guess_position(v);
	return 0;
}

int
view_select_line(struct view *v, int line, char **error)
{
	size_t	index;

	if (line < 0)
		return 1;
	index = v->top + (size_t)line;
	if (index >= v->nrows)
		return 1;
	return view_move(v, (long)index - (long)v->selected, error);
}

int
view_set_height(struct view *v, int height, char **error)
{
	v->height = height > 0 ? height : 1;
	if (v->cat == NULL)
		return 0;	/* not open yet: view_open() fills it */
	scroll_to_selection(v);
	return fill(v, error);
}

const struct view_row *
view_selected(const struct view *v)
{
	return v->nrows > 0 ? &v->rows[v->selected] : NULL;
}

const struct view_row *
view_line(const struct view *v, int line)
{
	size_t	index;

	if (line < 0)
		return NULL;
	index = v->top + (size_t)line;
	return index < v->nrows ? &v->rows[index] : NULL;
}

int
view_update_count(struct view *v, char **error)
{
	long	n;

	if (v->count.known)
		return 0;
	if (catalogue_count(v->cat, current_match(v), VIEW_COUNT_CAP, &n,
	    error) != 0)
		return -1;
	v->count.value = n;
	v->count.capped = n >= VIEW_COUNT_CAP;
	v->count.known = true;
	return 0;
}

int
view_update_position(struct view *v, char **error)
{
	long	rank, cap;

	if (v->nrows == 0 || v->position.known)
		return 0;
	cap = current_match(v) != NULL ? VIEW_COUNT_CAP : 0;
	if (catalogue_rank(v->cat, current_match(v),
	    v->rows[v->selected].row.id, cap, &rank, error) != 0)
		return -1;
	v->position.known = true;
	v->position.capped = cap > 0 && rank >= cap;
	v->position.value = v->position.capped ? cap : rank + 1;
	return 0;
}

long
view_total(const struct view *v)
{
	return catalogue_total(v->cat);
}

const struct record *
view_article(struct view *v, char **error)
{
	const struct view_row	*row;
	int			 rc;

	if ((row = view_selected(v)) == NULL)
		return NULL;
	if (v->article_id == row->row.id)
		return &v->article;
	v->article_id = 0;
	rc = catalogue_load(v->cat, row->row.id, &v->article, error);
	if (rc == 1) {
		*error = xasprintf("article %ld is no longer in the catalogue; "
		    "reopen the catalogue", row->row.number);
		return NULL;
	}
	if (rc != 0)
		return NULL;
	v->article_id = row->row.id;
	return &v->article;
}

void
view_set_marker(struct view *v, bool (*marker)(void *, long), void *arg)
{
	v->marker = marker;
	v->marker_arg = arg;
}

void
view_update_marks(struct view *v)
{
	size_t	i;

	for (i = 0; i < v->nrows; i++)
		v->rows[i].duplicate = v->marker != NULL &&
		    v->marker(v->marker_arg, v->rows[i].row.id);
}

int
view_reload(struct view *v, char **error)
{
	struct window	w;

	if (load_window(v, current_match(v), ANCHOR_AT, v->selected_id, &w,
	    error) != 0)
		return -1;
	install_window(v, &w);
	set_count_unknown(v);
	guess_position(v);
	return 0;
}

/* Returns the index where id is or would go in v->marked. */
static size_t
mark_index(const struct view *v, long id)
{
	size_t	lo = 0, hi = v->nmarked, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v->marked[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool
view_toggle_mark(struct view *v)
{
	const struct view_row	*row;
	size_t			 i;
	long			 id;

	if ((row = view_selected(v)) == NULL)
		return false;
	id = row->row.id;
	i = mark_index(v, id);
	if (i < v->nmarked && v->marked[i] == id) {
		memmove(v->marked + i, v->marked + i + 1, (v->nmarked - i - 1) *
		    sizeof *v->marked);
		v->nmarked--;
		return false;
	}
	v->marked = xreallocarray(v->marked, v->nmarked + 1,
	    sizeof *v->marked);
	memmove(v->marked + i + 1, v->marked + i, (v->nmarked - i) *
	    sizeof *v->marked);
	v->marked[i] = id;
	v->nmarked++;
	return true;
}

bool
view_is_marked(const struct view *v, long id)
{
	size_t	i = mark_index(v, id);

	return i < v->nmarked && v->marked[i] == id;
}

int
view_select_id(struct view *v, long id, char **error)
{
	struct window	w;

	if (load_window(v, current_match(v), ANCHOR_AT, id, &w, error) != 0)
		return -1;
	install_window(v, &w);
	guess_position(v);
	return 0;
}

int
view_select_number(struct view *v, long number, char **error)
{
	struct window	w;
	long		id;
	int		rc;

	rc = catalogue_find_number(v->cat, number, &id, error);
	if (rc != 0)
		return rc;
	if (load_window(v, current_match(v), ANCHOR_AT, id, &w, error) != 0)
		return -1;
	if (w.nrows == 0 || w.rows[w.selected].row.id != id) {
		free_rows(w.rows, w.nrows);
		return 2;
	}
	install_window(v, &w);
	guess_position(v);
	return 0;
}

int
view_set_hidden(struct view *v, const long *ids, size_t n, char **error)
{
	if (catalogue_set_hidden(v->cat, ids, n, error) != 0)
		return -1;
	return view_reload(v, error);
}
