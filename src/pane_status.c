/*
 * The status line on the bottom row: the catalogue's name, the
 * selection's position, the filter and its match count on the left; a
 * message, or the most useful keys from the key table, on the right.
 * Room for the quit and help keys is kept before the left-hand side,
 * which a long filter can fill, is drawn.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pane_status.h"
#include "text.h"
#include "xmalloc.h"

/* "14/17", or "?/17" before the position is known. */
static void
add_position(struct buf *b, const struct view *v)
{
	char	pos[32], count[32];

	if (view_selected(v) == NULL)
		return;
	if (v->position.known)
		pane_format_count(pos, v->position.value, v->position.capped);
	else
		strcpy(pos, "?");
	if (v->count.known)
		pane_format_count(count, v->count.value, v->count.capped);
	else
		strcpy(count, "?");
	buf_printf(b, "  %s/%s", pos, count);
}

/*
 * The position, the filter and its count: "  14/17  /quant: 2 of 17".
 * When that is wider than width, the filter is shortened first, so that
 * its count ("no matches", say) stays in sight.
 */
static char *
position_text(struct pane_context *ctx, int width)
{
	const struct view	*v = ctx->view;
	struct buf		 b;
	char			 count[32], total[32], *counted, *filter;
	int			 room;

	buf_init(&b);
	add_position(&b, v);
	if (v->nmarked > 0)
		buf_printf(&b, "  %zu marked", v->nmarked);
	if (ctx->dupes.job != NULL && !ctx->dupes.ready)
		buf_addstr(&b, "  finding duplicates\xe2\x80\xa6");
	if (ctx->dupes.hidden)
		buf_addstr(&b, "  duplicates hidden");
	if (view_query(v) == NULL)
		return buf_take(&b);

	if (!v->count.known)
		counted = xstrdup("counting\xe2\x80\xa6");
	else if (v->count.value == 0)
		counted = xstrdup("no matches");
	else
		counted = xasprintf("%s of %s", pane_format_count(count,
		    v->count.value, v->count.capped),
		    pane_format_count(total, view_total(v), false));
	/* "  /" and ": " around the filter take 5 columns. */
	room = width - text_strwidth(buf_str(&b)) - text_strwidth(counted) - 5;
	filter = text_truncate(view_filter(v), room > 2 ? room : 2);
	buf_printf(&b, "  /%s: %s", filter, counted);
	free(filter);
	free(counted);
	return buf_take(&b);
}

/* The hint for a key: Enter reads "less" while the abstract is open. */
static const char *
hint_word(const struct pane_context *ctx, const struct keys_binding *b)
{
	if (b->action == KEYS_MORE && ctx->detail_state.expanded)
		return "less";
	return b->hint;
}

/*
 * The actions whose keys the status line shows, most important first:
 * when space is short the last ones are left out first.
 */
static const enum keys_action hint_order[] = {
	KEYS_QUIT,
	KEYS_HELP_OPEN,
	KEYS_SEARCH_OPEN,
	KEYS_MORE,
};
/* The hints kept even when the filter must be shortened for them. */
#define ESSENTIAL_HINTS	2
#define NHINTS		(sizeof hint_order / sizeof *hint_order)

/* Returns whether the binding is one of the first nhints hints. */
static bool
is_shown(const struct keys_binding *b, size_t nhints)
{
	size_t	i;

	if (b->context != KEYS_BROWSE || b->hint == NULL)
		return false;
	for (i = 0; i < nhints && i < NHINTS; i++) {
		if (hint_order[i] == b->action)
			return true;
	}
	return false;
}

/* The width of the first nhints hints: "/ search  ? help  q quit  ". */
static int
hints_width(const struct pane_context *ctx, size_t nhints)
{
	const struct keys_binding	*t;
	size_t				 n, i;
	int				 width = 0;

	t = keys_table(&n);
	for (i = 0; i < n; i++) {
		if (!is_shown(&t[i], nhints))
			continue;
		width += text_strwidth(t[i].name) + 1 +
		    text_strwidth(hint_word(ctx, &t[i])) + 2;
	}
	return width;
}

/* Draws the first nhints hints from column x, in the key table's order. */
static void
draw_hints(struct pane_context *ctx, int x, size_t nhints)
{
	const struct keys_binding	*t;
	const struct pane_rect		*r = &ctx->status;
	size_t				 n, i;

	t = keys_table(&n);
	for (i = 0; i < n; i++) {
		if (!is_shown(&t[i], nhints))
			continue;
		x += draw_plain(stdscr, r->y, x, r->x + r->w - x, t[i].name,
		    ctx->style.key);
		x += 1;
		x += draw_plain(stdscr, r->y, x, r->x + r->w - x,
		    hint_word(ctx, &t[i]), ctx->style.status);
		x += 2;
	}
}

/*
 * Draws the catalogue's name and the position text in width columns.
 * The name gives way first, then the end of the position text (where a
 * long filter is). Returns the columns used.
 */
static int
draw_left(struct pane_context *ctx, int width)
{
	const struct pane_rect	*r = &ctx->status;
	char			*position;
	int			 used, namew;

	position = position_text(ctx, width - 1);
	namew = width - 1 - text_strwidth(position);
	used = 1;
	if (namew > 0)
		used += draw_field(stdscr, r->y, r->x + 1, namew,
		    catalogue_name(ctx->cat), NULL, QUERY_ANY,
		    ctx->style.status, ctx->style.status, DRAW_ELLIPSIS,
		    ctx->bidi);
	if (width > used)
		used += draw_field(stdscr, r->y, r->x + used, width - used,
		    position, NULL, QUERY_ANY, ctx->style.status,
		    ctx->style.status, DRAW_ELLIPSIS, BIDI_TERMINAL);
	free(position);
	return used;
}

static void
status_draw(struct pane_context *ctx)
{
	const struct pane_rect	*r = &ctx->status;
	char			*position;
	size_t			 nhints;
	int			 used, width, essential;

	if (r->h <= 0 || r->w <= 0)
		return;
	draw_blank(stdscr, r->y, r->x, r->w, ctx->style.status);
	/* Room for the quit and help hints is kept unless a message or
	   a note takes the right-hand side, or the line is too narrow. */
	essential = hints_width(ctx, ESSENTIAL_HINTS) + 2;
	width = r->w;
	if (ctx->message == NULL && view_note(ctx->view) == NULL &&
	    r->w - essential >= r->w / 3)
		width = r->w - essential;
	/* A filter's count matters more than the hints: they give way. */
	if (width < r->w && view_query(ctx->view) != NULL) {
		position = position_text(ctx, width - 1);
		if (text_strwidth(position) > width - 1)
			width = r->w;
		free(position);
	}
	/*
	 * A message ends in its advice, so it keeps its room and the
	 * catalogue's name and position give way first, down to a quarter
	 * of the line. A message still too long ends in an ellipsis.
	 */
	if (ctx->message != NULL) {
		width = r->w - (text_strwidth(ctx->message) + 4);
		if (width < r->w / 4)
			width = r->w / 4;
	}
	used = draw_left(ctx, width);

	if (ctx->message != NULL) {
		width = text_strwidth(ctx->message) + 2;
		if (width > r->w - used - 2)
			width = r->w - used - 2;
		if (width > 2)
			draw_field(stdscr, r->y, r->x + r->w - width, width,
			    ctx->message, NULL, QUERY_ANY, ctx->style.note,
			    ctx->style.note, DRAW_ELLIPSIS, BIDI_TERMINAL);
		return;
	}
	if (view_note(ctx->view) != NULL) {
		width = r->w - used - 2;
		draw_plain(stdscr, r->y, r->x + used + 2, width,
		    view_note(ctx->view), ctx->style.note);
		return;
	}
	/* Show as many hints as fit, most important first. */
	for (nhints = NHINTS; nhints > 0; nhints--) {
		width = hints_width(ctx, nhints);
		if (used + 2 + width <= r->w) {
			draw_hints(ctx, r->x + r->w - width, nhints);
			break;
		}
	}
}

const struct pane pane_status = {
	.name = "status",
	.draw = status_draw,
};
