/*
 * The list pane: one line per article of the view's window.
 *
 * A line is a one-column mark slot ("≡" for an article with a
 * duplicate), a one-column slot for the export mark ("*"), the
 * article's number right-aligned, its title and, when the pane is wide
 * enough, its authors: all of them when they fit, else the first one
 * and "et al.". Every cell is cut by display width with an ellipsis.
 * Under --bidi=app a right-to-left title or name is right-aligned in
 * its column.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pane_list.h"
#include "text.h"
#include "xmalloc.h"

/* Below this width the authors column is left out. */
#define AUTHORS_MIN_PANE	40
#define AUTHORS_MIN		12
#define AUTHORS_MAX		32
#define WHEEL_ROWS		3
/* The duplicate mark and the export mark before the number. */
#define MARK_COLUMNS		2

static int
digits(long n)
{
	int	d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* The width of the number column: enough for every number seen so far. */
static int
number_width(const struct pane_context *ctx)
{
	const struct view_row	*row;
	long			 max;
	int			 line;

	max = view_total(ctx->view);
	for (line = 0; line < ctx->list.h; line++) {
		if ((row = view_line(ctx->view, line)) == NULL)
			break;
		if (row->row.number > max)
			max = row->row.number;
	}
	return digits(max) < 2 ? 2 : digits(max);
}

static const char et_al[] = " et al.";

/*
 * Draws the authors in width columns at (y, x): all of them when they
 * fit, else the first one and " et al.". Under --bidi=app a
 * right-to-left first name is drawn as a paragraph of its own, shortened
 * if need be, and " et al." after it in left-to-right order, so that
 * the period stays at the end. The two are right-aligned together, as
 * a right-to-left field is.
 */
static void
draw_authors(struct pane_context *ctx, int y, int x, int width,
    const char *authors, attr_t attr, attr_t mark)
{
	const struct query	*q = view_query(ctx->view);
	const char		*semi;
	char			*first, *line;
	int			 suffixw, namew;
	bool			 rtl;

	semi = strstr(authors, "; ");
	suffixw = text_strwidth(et_al);
	if (text_strwidth(authors) <= width || semi == NULL ||
	    width <= suffixw + 1) {
		draw_field(stdscr, y, x, width, authors, q, QUERY_AUTHORS,
		    attr, mark, DRAW_ELLIPSIS | DRAW_ALIGN, ctx->bidi);
		return;
	}
	first = xstrndup(authors, (size_t)(semi - authors));
	rtl = ctx->bidi == BIDI_APP && bidi_paragraph_rtl(first,
	    strlen(first));
	if (!rtl) {
		/* One left-to-right text, cut at its end as any other. */
		line = xasprintf("%s%s", first, et_al);
		draw_field(stdscr, y, x, width, line, q, QUERY_AUTHORS, attr,
		    mark, DRAW_ELLIPSIS, ctx->bidi);
		free(line);
		free(first);
		return;
	}
	namew = text_strwidth(first);
	if (namew > width - suffixw)
		namew = width - suffixw;
	x += width - suffixw - namew;
	draw_field(stdscr, y, x, namew, first, q, QUERY_AUTHORS, attr, mark,
	    DRAW_ELLIPSIS | DRAW_ALIGN | DRAW_FILL, ctx->bidi);
	draw_plain(stdscr, y, x + namew, suffixw, et_al, attr);
	free(first);
}

static void
draw_row(struct pane_context *ctx, int line, const struct view_row *row,
    int numw)
{
	const struct draw_style	*st = &ctx->style;
	const struct query	*q = view_query(ctx->view);
	const struct pane_rect	*r = &ctx->list;
	attr_t			 attr, mark;
	char			 number[32];
	int			 y = r->y + line, x = r->x, rest, authw = 0,
				 titlew;
	bool			 selected;

	selected = row == view_selected(ctx->view);
	attr = st->normal;
	mark = st->match;
	if (selected) {
		attr = ctx->focus == PANE_FOCUS_LIST ? st->selected :
		    st->selected_idle;
		mark = st->match_selected;
	}
	draw_blank(stdscr, y, x, r->w, attr);

	/* The glyphs carry the meaning; the attribute only adds to it, so
	   they read under NO_COLOR and on a monochrome terminal. */
	if (row->duplicate)
		draw_plain(stdscr, y, x, 1, "\xe2\x89\xa1", st->mark |
		    (attr & A_REVERSE));
	if (r->w > 1 && view_is_marked(ctx->view, row->row.id))
		draw_plain(stdscr, y, x + 1, 1, "*", st->mark |
		    (attr & A_REVERSE));
	snprintf(number, sizeof number, "%*ld", numw, row->row.number);
	draw_plain(stdscr, y, x + MARK_COLUMNS, r->w - MARK_COLUMNS, number,
	    attr);

	rest = r->w - MARK_COLUMNS - numw - 1;
	if (rest <= 0)
		return;
	if (r->w >= AUTHORS_MIN_PANE) {
		authw = rest * 30 / 100;
		if (authw < AUTHORS_MIN)
			authw = AUTHORS_MIN;
		if (authw > AUTHORS_MAX)
			authw = AUTHORS_MAX;
	}
	titlew = authw > 0 ? rest - authw - 2 : rest;
	x += MARK_COLUMNS + numw + 1;
	draw_field(stdscr, y, x, titlew, row->row.title, q, QUERY_TITLE, attr,
	    mark, DRAW_ELLIPSIS | DRAW_ALIGN, ctx->bidi);
	if (authw == 0)
		return;
	draw_authors(ctx, y, x + titlew + 2, authw, row->row.authors != NULL ?
	    row->row.authors : "", attr, mark);
}

static void
list_draw(struct pane_context *ctx)
{
	const struct view_row	*row;
	const struct pane_rect	*r = &ctx->list;
	int			 line, numw;

	if (r->h <= 0 || r->w <= 0)
		return;
	numw = number_width(ctx);
	for (line = 0; line < r->h; line++) {
		row = view_line(ctx->view, line);
		if (row != NULL)
			draw_row(ctx, line, row, numw);
		else
			draw_blank(stdscr, r->y + line, r->x, r->w,
			    ctx->style.normal);
	}
	if (view_selected(ctx->view) == NULL && r->h > 0) {
		draw_plain(stdscr, r->y, r->x + MARK_COLUMNS, r->w -
		    MARK_COLUMNS, view_query(ctx->view) != NULL ? "no matches; Esc clears "
		    "the filter" : "the catalogue is empty", ctx->style.normal);
	}
}

/* Returns the view call's result: an error goes to the status line. */
static enum pane_result
moved(struct pane_context *ctx, int rc, char *error)
{
	if (rc < 0)
		pane_take_message(ctx, error);
	return PANE_REDRAW;
}

static enum pane_result
list_key(struct pane_context *ctx, enum keys_action action, int key)
{
	struct view	*v = ctx->view;
	char		*error = NULL;
	long		 page = ctx->list.h > 1 ? ctx->list.h - 1 : 1;
	int		 rc;

	(void)key;
	switch (action) {
	case KEYS_UP:
	case KEYS_PREV_MATCH:
		rc = view_move(v, -1, &error);
		break;
	case KEYS_DOWN:
	case KEYS_NEXT_MATCH:
		rc = view_move(v, 1, &error);
		break;
	case KEYS_PAGE_UP:
		rc = view_page(v, -page, &error);
		break;
	case KEYS_PAGE_DOWN:
		rc = view_page(v, page, &error);
		break;
	case KEYS_HALF_UP:
		rc = view_page(v, -(page + 1) / 2, &error);
		break;
	case KEYS_HALF_DOWN:
		rc = view_page(v, (page + 1) / 2, &error);
		break;
	case KEYS_TOP:
		rc = view_home(v, &error);
		break;
	case KEYS_BOTTOM:
		rc = view_end(v, &error);
		break;
	default:
		return PANE_IGNORED;
	}
	return moved(ctx, rc, error);
}

static enum pane_result
list_mouse(struct pane_context *ctx, int y, int x, mmask_t buttons)
{
	char	*error = NULL;
	int	 rc;

	(void)x;
	ctx->focus = PANE_FOCUS_LIST;
	if (buttons & BUTTON4_PRESSED)
		rc = view_move(ctx->view, -WHEEL_ROWS, &error);
	else if (buttons & BUTTON5_PRESSED)
		rc = view_move(ctx->view, WHEEL_ROWS, &error);
	else
		rc = view_select_line(ctx->view, y, &error);
	return moved(ctx, rc, error);
}

void
pane_list_goto(struct pane_context *ctx, long number)
{
	char	*error = NULL;
	int	 rc;

	rc = view_select_number(ctx->view, number, &error);
	if (rc < 0)
		pane_take_message(ctx, error);
	else if (rc == 1)
		pane_set_message(ctx, "no article %ld in this catalogue",
		    number);
	else if (rc == 2 && view_query(ctx->view) != NULL)
		pane_set_message(ctx, "article %ld is filtered out; Esc "
		    "clears the filter", number);
	else if (rc == 2)
		pane_set_message(ctx, "article %ld is hidden as a duplicate; "
		    "u shows all articles", number);
	else
		ctx->focus = PANE_FOCUS_LIST;
}

static void
list_resize(struct pane_context *ctx)
{
	char	*error = NULL;

	if (view_set_height(ctx->view, ctx->list.h, &error) != 0)
		pane_take_message(ctx, error);
}

const struct pane pane_list = {
	.name = "list",
	.draw = list_draw,
	.key = list_key,
	.mouse = list_mouse,
	.resize = list_resize,
};
