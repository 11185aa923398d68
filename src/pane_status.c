/*
 * The status line on the bottom row: the catalogue's name, the
 * selection's position, the filter and its match count on the left; a
 * message, or the most useful keys from the key table, on the right.
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

/* The position, the filter and its count: "  14/17  /quant: 2 of 17". */
static char *
position_text(struct pane_context *ctx)
{
	const struct view	*v = ctx->view;
	struct buf		 b;
	char			 count[32], total[32];

	buf_init(&b);
	add_position(&b, v);
	if (v->nmarked > 0)
		buf_printf(&b, "  %zu marked", v->nmarked);
	if (ctx->dupes.job != NULL && !ctx->dupes.ready)
		buf_addstr(&b, "  finding duplicates\xe2\x80\xa6");
	if (ctx->dupes.hidden)
		buf_addstr(&b, "  duplicates hidden");
	if (view_query(v) != NULL) {
		buf_printf(&b, "  /%s: ", view_filter(v));
		if (!v->count.known)
			buf_addstr(&b, "counting\xe2\x80\xa6");
		else if (v->count.value == 0)
			buf_addstr(&b, "no matches");
		else
			buf_printf(&b, "%s of %s", pane_format_count(count,
			    v->count.value, v->count.capped),
			    pane_format_count(total, view_total(v), false));
	}
	return buf_take(&b);
}

/* The hint for a key: Enter says "less" while the abstract is open. */
static const char *
hint_word(const struct pane_context *ctx, const struct keys_binding *b)
{
	if (b->action == KEYS_MORE && ctx->detail_state.expanded)
		return "less";
	return b->hint;
}

/* The width of the key hints: "/ search  Enter more ...". */
static int
hints_width(size_t nhints)
{
	const struct keys_binding	*t;
	size_t				 n, i, shown = 0;
	int				 width = 0;

	t = keys_table(&n);
	for (i = 0; i < n && shown < nhints; i++) {
		if (t[i].context != KEYS_BROWSE || t[i].hint == NULL)
			continue;
		width += text_strwidth(t[i].name) + 1 +
		    text_strwidth(t[i].hint) + 2;
		shown++;
	}
	return width;
}

static void
draw_hints(struct pane_context *ctx, int x, size_t nhints)
{
	const struct keys_binding	*t;
	const struct pane_rect		*r = &ctx->status;
	size_t				 n, i, shown = 0;

	t = keys_table(&n);
	for (i = 0; i < n && shown < nhints; i++) {
		if (t[i].context != KEYS_BROWSE || t[i].hint == NULL)
			continue;
		x += draw_plain(stdscr, r->y, x, r->x + r->w - x, t[i].name,
		    ctx->style.key);
		x += 1;
		x += draw_plain(stdscr, r->y, x, r->x + r->w - x,
		    hint_word(ctx, &t[i]), ctx->style.status);
		x += 2;
		shown++;
	}
}

static void
status_draw(struct pane_context *ctx)
{
	const struct pane_rect	*r = &ctx->status;
	char			*position;
	size_t			 nhints;
	int			 used, width;

	if (r->h <= 0 || r->w <= 0)
		return;
	draw_blank(stdscr, r->y, r->x, r->w, ctx->style.status);
	/* The name gives way first, so the position stays visible. */
	position = position_text(ctx);
	width = r->w - 1 - text_strwidth(position);
	used = 1 + draw_field(stdscr, r->y, r->x + 1, width,
	    catalogue_name(ctx->cat), NULL, QUERY_ANY, ctx->style.status,
	    ctx->style.status, DRAW_ELLIPSIS, ctx->bidi);
	used += draw_plain(stdscr, r->y, r->x + used, r->w - used, position,
	    ctx->style.status);
	free(position);

	if (ctx->message != NULL) {
		width = text_strwidth(ctx->message) + 2;
		if (width > r->w - used - 2)
			width = r->w - used - 2;
		if (width > 2)
			draw_plain(stdscr, r->y, r->x + r->w - width, width,
			    ctx->message, ctx->style.note);
		return;
	}
	if (view_note(ctx->view) != NULL) {
		width = r->w - used - 2;
		draw_plain(stdscr, r->y, r->x + used + 2, width,
		    view_note(ctx->view), ctx->style.note);
		return;
	}
	/* Show as many hints as fit, most useful first. */
	for (nhints = 4; nhints > 0; nhints--) {
		width = hints_width(nhints);
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
