/*
 * The help screen: every key binding, generated from the key table, and
 * a summary of the search syntax. It covers the whole screen and
 * scrolls when the terminal is short.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pane_help.h"
#include "text.h"
#include "xmalloc.h"

#define KEYS_COLUMN	24

static const char *const syntax[] = {
	"Search: every word must match, each as a prefix (quant finds",
	"quantization); case and accents are ignored.",
	"  \"a phrase\"     the words in this order",
	"  title:word     only in titles; also author: and abstract:",
	"  -word          leave out articles with the word",
	"",
	"Mouse: a click selects an article or expands the abstract at its",
	"cue; the wheel scrolls the pane under the pointer.",
};

/* One line of the help screen; key is NULL for a heading or prose. */
struct help_line {
	char		*key;
	const char	*text;
	bool		 heading;
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

static size_t
build_lines(struct help_line **out)
{
	const struct keys_binding	*t;
	struct help_line		*lines = NULL;
	size_t				 n, i, next, count = 0, k;
	int				 context = -1;

	t = keys_table(&n);
	for (i = 0; i < n; i = next) {
		if ((int)t[i].context != context) {
			context = (int)t[i].context;
			lines = xreallocarray(lines, count + 2, sizeof *lines);
			if (count > 0)
				lines[count++] = (struct help_line){ NULL, "",
				    false };
			lines[count++] = (struct help_line){ NULL,
			    keys_context_title(t[i].context), true };
		}
		lines = xreallocarray(lines, count + 1, sizeof *lines);
		lines[count].key = key_names(t, n, i, &next);
		lines[count].text = t[i].help != NULL ? t[i].help : "";
		lines[count].heading = false;
		count++;
	}
	lines = xreallocarray(lines, count + 1 + sizeof syntax /
	    sizeof *syntax, sizeof *lines);
	lines[count++] = (struct help_line){ NULL, "", false };
	for (k = 0; k < sizeof syntax / sizeof *syntax; k++)
		lines[count++] = (struct help_line){ NULL, syntax[k], false };
	*out = lines;
	return count;
}

static void
free_lines(struct help_line *lines, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(lines[i].key);
	free(lines);
}

static int
max_top(const struct pane_context *ctx, size_t nlines)
{
	int	n = (int)nlines - (ctx->screen.h - 2);

	return n > 0 ? n : 0;
}

static void
help_draw(struct pane_context *ctx)
{
	const struct pane_rect	*r = &ctx->screen;
	const struct draw_style	*st = &ctx->style;
	struct help_line	*lines;
	size_t			 n, i;
	int			 y, keyw;

	n = build_lines(&lines);
	if (ctx->help_top > max_top(ctx, n))
		ctx->help_top = max_top(ctx, n);
	keyw = r->w >= 60 ? KEYS_COLUMN : r->w / 3;

	draw_blank(stdscr, r->y, r->x, r->w, st->status);
	draw_plain(stdscr, r->y, r->x, r->w, " fehrest keys", st->status);
	for (y = 1; y < r->h - 1; y++) {
		draw_blank(stdscr, r->y + y, r->x, r->w, st->normal);
		i = (size_t)(ctx->help_top + y - 1);
		if (i >= n)
			continue;
		if (lines[i].heading)
			draw_plain(stdscr, r->y + y, r->x + 1, r->w - 1,
			    lines[i].text, st->heading);
		else if (lines[i].key == NULL)
			draw_plain(stdscr, r->y + y, r->x + 1, r->w - 1,
			    lines[i].text, st->normal);
		else {
			draw_plain(stdscr, r->y + y, r->x + 3, keyw - 4,
			    lines[i].key, st->label);
			draw_plain(stdscr, r->y + y, r->x + keyw, r->w - keyw,
			    lines[i].text, st->normal);
		}
	}
	if (r->h >= 2) {
		draw_blank(stdscr, r->y + r->h - 1, r->x, r->w, st->status);
		draw_plain(stdscr, r->y + r->h - 1, r->x, r->w,
		    " q close   j/k scroll", st->status);
	}
	free_lines(lines, n);
}

static enum pane_result
help_key(struct pane_context *ctx, enum keys_action action, int key)
{
	struct help_line	*lines;
	size_t			 n;
	int			 page, top = ctx->help_top;

	(void)key;
	page = ctx->screen.h > 3 ? ctx->screen.h - 3 : 1;
	n = build_lines(&lines);
	free_lines(lines, n);
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
