/*
 * The query line: a one-line editor on the bottom row that filters the
 * list on every change.
 *
 * The input is UTF-8 in a buf with the cursor as a byte offset that
 * always sits on a grapheme cluster boundary. Editing only sets
 * ctx->filter_dirty. The event loop then runs the query with a progress
 * check that stops it when the next key arrives, so a slow query gives
 * way to typing. Accepted queries go into a history kept for the
 * session.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "pane_search.h"
#include "text.h"
#include "xmalloc.h"

static const char prompt[] = "/";

static void
set_input(struct pane_search_state *s, const char *text)
{
	buf_clear(&s->input);
	buf_addstr(&s->input, text);
	s->cursor = s->input.len;
}

static void
insert_bytes(struct pane_search_state *s, const char *bytes, size_t n)
{
	size_t	tail = s->input.len - s->cursor;

	buf_add(&s->input, bytes, n);
	memmove(s->input.data + s->cursor + n, s->input.data + s->cursor,
	    tail);
	memcpy(s->input.data + s->cursor, bytes, n);
	s->cursor += n;
}

static void
delete_range(struct pane_search_state *s, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(s->input.data + from, s->input.data + to,
	    s->input.len - to + 1);
	s->input.len -= to - from;
	if (s->cursor >= to)
		s->cursor -= to - from;
	else if (s->cursor > from)
		s->cursor = from;
}

/* Returns the start of the cluster before byte offset pos. */
static size_t
cluster_before(const struct pane_search_state *s, size_t pos)
{
	struct text_cluster	c;
	const char		*text = buf_str(&s->input);
	size_t			at = 0, prev = 0, n;

	while (at < pos) {
		n = text_next_cluster(text + at, s->input.len - at, &c);
		if (n == 0)
			break;
		prev = at;
		at += n;
	}
	return prev;
}

static size_t
cluster_after(const struct pane_search_state *s, size_t pos)
{
	struct text_cluster	c;

	if (pos >= s->input.len)
		return s->input.len;
	return pos + text_next_cluster(buf_str(&s->input) + pos,
	    s->input.len - pos, &c);
}

/* Returns the start of the word before the cursor, as Ctrl-W deletes. */
static size_t
word_before(const struct pane_search_state *s)
{
	const char	*text = buf_str(&s->input);
	size_t		 pos = s->cursor;

	while (pos > 0 && text[pos - 1] == ' ')
		pos--;
	while (pos > 0 && text[pos - 1] != ' ')
		pos--;
	return pos;
}

/*
 * Returns whether the typed character wc may enter the query: printable,
 * and not a bidi control, which would change how the rest shows.
 */
static bool
accepts(wint_t wc)
{
	if (wc < 0x20 || (wc >= 0x7f && wc < 0xa0))
		return false;
	if ((wc >= 0x202a && wc <= 0x202e) || (wc >= 0x2066 && wc <= 0x2069))
		return false;
	return iswprint(wc) || wc >= 0xa0;
}

static void
history_add(struct pane_search_state *s, const char *text)
{
	if (*text == '\0')
		return;
	if (s->nhistory > 0 && strcmp(s->history[s->nhistory - 1], text) == 0)
		return;
	s->history = xreallocarray(s->history, s->nhistory + 1,
	    sizeof *s->history);
	s->history[s->nhistory++] = xstrdup(text);
}

static void
history_move(struct pane_search_state *s, int dir)
{
	if (dir < 0) {
		if (s->history_pos == 0)
			return;
		if (s->history_pos == s->nhistory) {
			free(s->draft);
			s->draft = xstrdup(buf_str(&s->input));
		}
		s->history_pos--;
		set_input(s, s->history[s->history_pos]);
		return;
	}
	if (s->history_pos >= s->nhistory)
		return;
	s->history_pos++;
	set_input(s, s->history_pos == s->nhistory ?
	    (s->draft != NULL ? s->draft : "") : s->history[s->history_pos]);
}

static void
search_open(struct pane_context *ctx)
{
	struct pane_search_state	*s = &ctx->search_state;

	/* The input is kept while the line is closed: it is the filter. */
	s->cursor = s->input.len;
	s->history_pos = s->nhistory;
	free(s->draft);
	s->draft = NULL;
	ctx->searching = true;
}

static void
search_close(struct pane_context *ctx)
{
	ctx->searching = false;
	ctx->show_cursor = false;
}

static enum pane_result
edit(struct pane_context *ctx, enum keys_action action)
{
	struct pane_search_state	*s = &ctx->search_state;

	switch (action) {
	case KEYS_CURSOR_LEFT:
		s->cursor = cluster_before(s, s->cursor);
		return PANE_REDRAW;
	case KEYS_CURSOR_RIGHT:
		s->cursor = cluster_after(s, s->cursor);
		return PANE_REDRAW;
	case KEYS_CURSOR_HOME:
		s->cursor = 0;
		return PANE_REDRAW;
	case KEYS_CURSOR_END:
		s->cursor = s->input.len;
		return PANE_REDRAW;
	case KEYS_DELETE_BACK:
		delete_range(s, cluster_before(s, s->cursor), s->cursor);
		break;
	case KEYS_DELETE_FORWARD:
		delete_range(s, s->cursor, cluster_after(s, s->cursor));
		break;
	case KEYS_DELETE_LINE:
		set_input(s, "");
		break;
	case KEYS_DELETE_WORD:
		delete_range(s, word_before(s), s->cursor);
		break;
	case KEYS_HISTORY_PREV:
		history_move(s, -1);
		break;
	case KEYS_HISTORY_NEXT:
		history_move(s, 1);
		break;
	default:
		return PANE_IGNORED;
	}
	ctx->filter_dirty = true;
	return PANE_REDRAW;
}

static enum pane_result
search_key(struct pane_context *ctx, enum keys_action action, int key)
{
	struct pane_search_state	*s = &ctx->search_state;
	char				 bytes[MB_LEN_MAX];
	mbstate_t			 st;
	size_t				 n;

	if (action == KEYS_ACCEPT) {
		history_add(s, buf_str(&s->input));
		search_close(ctx);
		ctx->focus = PANE_FOCUS_LIST;
		return PANE_REDRAW;
	}
	if (action == KEYS_CANCEL) {
		set_input(s, "");
		ctx->filter_dirty = true;
		search_close(ctx);
		return PANE_REDRAW;
	}
	if (action != KEYS_NONE)
		return edit(ctx, action);
	if (key >= KEYS_FUNCTION(0) || !accepts((wint_t)key))
		return PANE_IGNORED;
	memset(&st, 0, sizeof st);
	n = wcrtomb(bytes, (wchar_t)key, &st);
	if (n == (size_t)-1)
		return PANE_HANDLED;
	insert_bytes(s, bytes, n);
	ctx->filter_dirty = true;
	return PANE_REDRAW;
}

/* The right-hand side of the line: the count, or why nothing matches. */
static char *
search_result(struct pane_context *ctx)
{
	const struct view	*v = ctx->view;
	char			 count[32], total[32];

	if (view_note(v) != NULL)
		return xstrdup(view_note(v));
	if (view_query(v) == NULL)
		return xstrdup("type words to filter");
	if (!v->count.known)
		return xstrdup("counting\xe2\x80\xa6");
	if (v->count.value == 0)
		return xstrdup("no matches");
	return xasprintf("%s of %s", pane_format_count(count, v->count.value,
	    v->count.capped), pane_format_count(total, view_total(v), false));
}

static void
search_draw(struct pane_context *ctx)
{
	const struct pane_search_state	*s = &ctx->search_state;
	const struct pane_rect		*r = &ctx->status;
	struct text_cluster		 c;
	const char			*text = buf_str(&s->input);
	char				*result;
	size_t				 start = 0;
	int				 resultw, avail, x;

	if (r->h <= 0 || r->w <= 0)
		return;
	draw_blank(stdscr, r->y, r->x, r->w, ctx->style.normal);
	result = search_result(ctx);
	resultw = text_strwidth(result);
	if (resultw > r->w / 2)
		resultw = r->w / 2;
	avail = r->w - 1 - resultw - 1;
	if (avail < 1) {
		resultw = 0;
		avail = r->w - 1;
	}
	x = r->x + draw_plain(stdscr, r->y, r->x, r->w, prompt,
	    ctx->style.key);

	/* Scroll the input sideways so the cursor stays visible. */
	while (start < s->cursor && text_width(text + start, s->cursor -
	    start) > avail - 1)
		start += text_next_cluster(text + start, s->input.len - start,
		    &c);
	draw_plain(stdscr, r->y, x, avail, text + start, ctx->style.normal);
	ctx->show_cursor = true;
	ctx->cursor_y = r->y;
	ctx->cursor_x = x + text_width(text + start, s->cursor - start);
	if (resultw > 0)
		draw_field(stdscr, r->y, r->x + r->w - resultw, resultw, result,
		    NULL, QUERY_ANY, view_note(ctx->view) != NULL ||
		    (ctx->view->count.known && ctx->view->count.value == 0) ?
		    ctx->style.note : ctx->style.normal, 0, DRAW_ELLIPSIS,
		    BIDI_TERMINAL);
	free(result);
}

void
pane_search_free(struct pane_context *ctx)
{
	struct pane_search_state	*s = &ctx->search_state;
	size_t				 i;

	for (i = 0; i < s->nhistory; i++)
		free(s->history[i]);
	free(s->history);
	free(s->draft);
	buf_free(&s->input);
	memset(s, 0, sizeof *s);
}

const struct pane pane_search = {
	.name = "search",
	.open = search_open,
	.draw = search_draw,
	.key = search_key,
	.close = search_close,
};
