/*
 * The help screen: every key binding, generated from the key table, and
 * a summary of the search syntax. It covers the whole screen, wraps
 * each description under itself, and scrolls when it is taller than
 * the screen.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pane_help.h"
#include "text.h"
#include "xmalloc.h"

#define KEYS_COLUMN	24

/* Prose wrapped to the screen width; a line that starts with two
   spaces is an example, kept on one line. */
static const char *const syntax[] = {
	"Search: every word must match, each as a prefix (quant finds "
	"quantization); case and accents are ignored.",
	"  \"a phrase\"     the words in this order",
	"  title:word     only in titles; also author: and abstract:",
	"  -word          leave out articles with the word",
	"",
	"Mouse: a click selects an article or expands the abstract at its "
	"cue; the wheel scrolls the pane under the pointer.",
};

/* One row of the help screen; key is NULL for a heading, prose or the
   continuation of a description. */
struct help_line {
	char	*key;
	char	*text;
	bool	 heading;
	bool	 beside;	/* in the description column, beside the keys */
};

struct help_lines {
	struct help_line	*lines;
	size_t			 n;
};

/* Joins the names of an action's keys: "j, Down". */
static char *
key_names(const struct keys_binding *t, size_t n, size_t first,
    size_t *next)
{
	struct buf	b;
	size_t		i, j;
	bool		seen;

	buf_init(&b);
	for (i = first; i < n && (i == first || t[i].help == NULL); i++) {
		seen = false;
		for (j = first; j < i; j++)
			seen = seen || strcmp(t[j].name, t[i].name) == 0;
		if (seen)
			continue;
		if (b.len > 0)
			buf_addstr(&b, ", ");
		buf_addstr(&b, t[i].name);
	}
	*next = i;
	return buf_take(&b);
}

static void
add_row(struct help_lines *h, char *key, char *text, bool heading,
    bool beside)
{
	h->lines = xreallocarray(h->lines, h->n + 1, sizeof *h->lines);
	h->lines[h->n++] = (struct help_line){ key, text, heading, beside };
}

/*
 * Adds text wrapped to width columns, one row per line; key (NULL for
 * prose and headings) goes on the first row. Blank text still takes a
 * row.
 */
static void
add_wrapped(struct help_lines *h, char *key, const char *text, int width,
    bool heading)
{
	struct text_line	*wrapped;
	size_t			 n, i;
	bool			 beside = key != NULL;

	n = text_wrap(text, width > 1 ? width : 1, &wrapped);
	if (n == 0)
		add_row(h, key, xstrdup(""), heading, beside);
	for (i = 0; i < n; i++)
		add_row(h, i == 0 ? key : NULL, xstrndup(text +
		    wrapped[i].start, wrapped[i].len), heading, beside);
	free(wrapped);
}

/* The column where descriptions start on a screen width columns wide. */
static int
keys_column(int width)
{
	return width >= 60 ? KEYS_COLUMN : width / 3;
}

/*
 * Lays out the help for a screen width columns wide: each description
 * wrapped under itself beside its keys, prose wrapped to the width.
 */
static void
build_lines(struct help_lines *h, int width)
{
	const struct keys_binding	*t;
	size_t				 n, i, next, k;
	int				 context = -1, keyw;

	memset(h, 0, sizeof *h);
	keyw = keys_column(width);
	t = keys_table(&n);
	for (i = 0; i < n; i = next) {
		if ((int)t[i].context != context) {
			context = (int)t[i].context;
			if (h->n > 0)
				add_row(h, NULL, xstrdup(""), false, false);
			add_wrapped(h, NULL, keys_context_title(t[i].context),
			    width - 1, true);
		}
		add_wrapped(h, key_names(t, n, i, &next), t[i].help != NULL ?
		    t[i].help : "", width - keyw, false);
	}
	add_row(h, NULL, xstrdup(""), false, false);
	for (k = 0; k < sizeof syntax / sizeof *syntax; k++) {
		if (strncmp(syntax[k], "  ", 2) == 0)
			add_row(h, NULL, xstrdup(syntax[k]), false, false);
		else
			add_wrapped(h, NULL, syntax[k], width - 1, false);
	}
}

static void
free_lines(struct help_lines *h)
{
	size_t	i;

	for (i = 0; i < h->n; i++) {
		free(h->lines[i].key);
		free(h->lines[i].text);
	}
	free(h->lines);
	memset(h, 0, sizeof *h);
}

/* The rows between the title and the footer. */
static int
body_rows(const struct pane_context *ctx)
{
	return ctx->screen.h > 2 ? ctx->screen.h - 2 : 1;
}

static int
max_top(const struct pane_context *ctx, size_t nlines)
{
	int	n = (int)nlines - body_rows(ctx);

	return n > 0 ? n : 0;
}

static void
help_draw(struct pane_context *ctx)
{
	const struct pane_rect	*r = &ctx->screen;
	const struct draw_style	*st = &ctx->style;
	const struct help_line	*line;
	struct help_lines	 h;
	size_t			 i;
	int			 y, keyw;
	char			*footer;

	build_lines(&h, r->w);
	if (ctx->help_top > max_top(ctx, h.n))
		ctx->help_top = max_top(ctx, h.n);
	keyw = keys_column(r->w);

	draw_blank(stdscr, r->y, r->x, r->w, st->status);
	draw_plain(stdscr, r->y, r->x, r->w, " fehrest keys", st->status);
	for (y = 1; y < r->h - 1; y++) {
		draw_blank(stdscr, r->y + y, r->x, r->w, st->normal);
		i = (size_t)(ctx->help_top + y - 1);
		if (i >= h.n)
			continue;
		line = &h.lines[i];
		if (line->heading)
			draw_plain(stdscr, r->y + y, r->x + 1, r->w - 1,
			    line->text, st->heading);
		else if (!line->beside)
			draw_plain(stdscr, r->y + y, r->x + 1, r->w - 1,
			    line->text, st->normal);
		else {
			if (line->key != NULL)
				draw_plain(stdscr, r->y + y, r->x + 3,
				    keyw - 4, line->key, st->label);
			draw_plain(stdscr, r->y + y, r->x + keyw, r->w - keyw,
			    line->text, st->normal);
		}
	}
	if (r->h >= 2) {
		draw_blank(stdscr, r->y + r->h - 1, r->x, r->w, st->status);
		footer = max_top(ctx, h.n) > 0 ? xasprintf(" q close   j/k "
		    "PgUp/PgDn scroll   %d%%", (ctx->help_top + body_rows(ctx)) *
		    100 / (int)h.n) : xstrdup(" q close");
		draw_plain(stdscr, r->y + r->h - 1, r->x, r->w, footer,
		    st->status);
		free(footer);
	}
	free_lines(&h);
}

static enum pane_result
help_key(struct pane_context *ctx, enum keys_action action, int key)
{
	struct help_lines	 h;
	size_t			 n;
	int			 page, top = ctx->help_top;

	(void)key;
	page = ctx->screen.h > 3 ? ctx->screen.h - 3 : 1;
	build_lines(&h, ctx->screen.w);
	n = h.n;
	free_lines(&h);
	switch (action) {
	case KEYS_CLOSE:
		ctx->help = false;
		return PANE_REDRAW;
	case KEYS_UP:
		top--;
		break;
	case KEYS_DOWN:
		top++;
		break;
	case KEYS_PAGE_UP:
		top -= page;
		break;
	case KEYS_PAGE_DOWN:
		top += page;
		break;
	case KEYS_TOP:
		top = 0;
		break;
	case KEYS_BOTTOM:
		top = max_top(ctx, n);
		break;
	default:
		return PANE_HANDLED;
	}
	if (top > max_top(ctx, n))
		top = max_top(ctx, n);
	ctx->help_top = top > 0 ? top : 0;
	return PANE_REDRAW;
}

static void
help_open(struct pane_context *ctx)
{
	ctx->help = true;
	ctx->help_top = 0;
}

const struct pane pane_help = {
	.name = "help",
	.open = help_open,
	.draw = help_draw,
	.key = help_key,
};
