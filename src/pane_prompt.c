/*
 * The export prompt: see pane_prompt.h.
 *
 * What is exported is fixed when the file is written: the marked
 * articles if any are marked, else every article of the filtered list
 * (all matches, not only the rows loaded for the screen).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pane_list.h"
#include "pane_prompt.h"
#include "save.h"
#include "text.h"
#include "xmalloc.h"

/* Returns what e exports, for the prompt: "2 marked articles". */
static char *
subject(struct pane_context *ctx)
{
	const struct view	*v = ctx->view;
	char			 count[32];

	if (v->nmarked > 0)
		return xasprintf("%zu marked article%s", v->nmarked,
		    v->nmarked == 1 ? "" : "s");
	if (view_query(v) == NULL && !ctx->dupes.hidden)
		return xstrdup("all articles");
	if (!v->count.known)
		return xstrdup("the articles of the list");
	return xasprintf("the %s articles of the list", pane_format_count(
	    count, v->count.value, v->count.capped));
}

static void
prompt_open(struct pane_context *ctx)
{
	struct pane_prompt_state	*p = &ctx->prompt;

	buf_clear(&p->input);
	free(p->path);
	p->path = NULL;
	p->kind = PANE_PROMPT_FILE;
	p->open = true;
}

void
pane_prompt_open_number(struct pane_context *ctx)
{
	prompt_open(ctx);
	ctx->prompt.kind = PANE_PROMPT_NUMBER;
}

static void
prompt_close(struct pane_context *ctx)
{
	struct pane_prompt_state	*p = &ctx->prompt;

	buf_free(&p->input);
	free(p->path);
	p->path = NULL;
	p->open = false;
}

static void
export_now(struct pane_context *ctx, const char *path)
{
	const struct export_format	*format;
	const struct view		*v = ctx->view;
	const char			*label;
	char				*error = NULL;
	long				 written;

	format = save_format_for(path, &label);
	/* NOTE: a large list is written while the screen waits. */
	if (save_articles(ctx->cat, format, path, v->nmarked > 0 ? v->marked :
	    NULL, v->nmarked, v->query.match, &written, &error) != 0) {
		pane_take_message(ctx, error);
		return;
	}
	pane_set_message(ctx, "wrote %ld article%s to %s (%s)", written,
	    written == 1 ? "" : "s", path, label);
}

static void
prompt_draw(struct pane_context *ctx)
{
	struct pane_prompt_state	*p = &ctx->prompt;
	const struct pane_rect		*r = &ctx->status;
	struct text_cluster		 cluster;
	const char			*input;
	char				*question, *what;
	int				 x, inputw, questionw;

	if (r->h <= 0 || r->w <= 0)
		return;
	draw_blank(stdscr, r->y, r->x, r->w, ctx->style.normal);
	if (p->kind == PANE_PROMPT_OVERWRITE)
		question = xasprintf(" %s exists; replace it? (y/n) ", p->path);
	else if (p->kind == PANE_PROMPT_NUMBER)
		question = xstrdup(" go to article number: ");
	else {
		what = subject(ctx);
		question = xasprintf(" export %s to (.bib .ris .csv .tsv "
		    ".json): ", what);
		free(what);
	}
	/*
	 * What the user types matters more than the question: when both do
	 * not fit, the question gets what the input (and the cursor) leave,
	 * and a long input shows its end.
	 */
	inputw = p->kind == PANE_PROMPT_OVERWRITE ? 0 :
	    text_strwidth(buf_str(&p->input)) + 1;
	questionw = text_strwidth(question);
	if (questionw + inputw > r->w)
		questionw = r->w - inputw > r->w / 3 ? r->w - inputw : r->w / 3;
	x = r->x + draw_field(stdscr, r->y, r->x, questionw, question, NULL,
	    QUERY_ANY, ctx->style.label, ctx->style.label, DRAW_ELLIPSIS,
	    BIDI_TERMINAL);
	free(question);
	if (p->kind != PANE_PROMPT_OVERWRITE) {
		input = buf_str(&p->input);
		/* Shows the input's end when it is wider than the room. */
		while (*input != '\0' && text_strwidth(input) >
		    r->x + r->w - x - 1)
			input += text_next_cluster(input, strlen(input), &cluster);
		x += draw_plain(stdscr, r->y, x, r->x + r->w - x, input,
		    ctx->style.normal);
	}
	ctx->show_cursor = true;
	ctx->cursor_y = r->y;
	ctx->cursor_x = x < r->x + r->w ? x : r->x + r->w - 1;
}

/* Removes the last character of the input. */
static void
delete_back(struct buf *b)
{
	while (b->len > 0) {
		b->len--;
		if (((unsigned char)b->data[b->len] & 0xc0) != 0x80)
			break;
	}
	if (b->data != NULL)
		b->data[b->len] = '\0';
}

static void
add_key(struct buf *b, int key)
{
	char	utf8[4];
	int	n;

	if (key < 0x20 || key == 0x7f || key >= 0x110000)
		return;
	if (key < 0x80) {
		buf_addch(b, (char)key);
		return;
	}
	if (key < 0x800) {
		utf8[0] = (char)(0xc0 | (key >> 6));
		n = 2;
	} else if (key < 0x10000) {
		utf8[0] = (char)(0xe0 | (key >> 12));
		utf8[1] = (char)(0x80 | ((key >> 6) & 0x3f));
		n = 3;
	} else {
		utf8[0] = (char)(0xf0 | (key >> 18));
		utf8[1] = (char)(0x80 | ((key >> 12) & 0x3f));
		utf8[2] = (char)(0x80 | ((key >> 6) & 0x3f));
		n = 4;
	}
	utf8[n - 1] = (char)(0x80 | (key & 0x3f));
	buf_add(b, utf8, (size_t)n);
}

/* The number was accepted: go to that article. */
static void
accept_number(struct pane_context *ctx)
{
	struct pane_prompt_state	*p = &ctx->prompt;
	const char			*s = buf_str(&p->input);
	char				*end;
	long				 number;

	number = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || number <= 0) {
		pane_set_message(ctx, "not an article number: '%s'; type "
		    "digits, such as 14", s);
		prompt_close(ctx);
		return;
	}
	prompt_close(ctx);
	pane_list_goto(ctx, number);
}

/* The file name was accepted: ask before replacing, else write. */
static void
accept_path(struct pane_context *ctx)
{
	struct pane_prompt_state	*p = &ctx->prompt;

	if (p->input.len == 0) {
		prompt_close(ctx);
		pane_set_message(ctx, "nothing exported: no file name given");
		return;
	}
	p->path = xstrdup(buf_str(&p->input));
	if (access(p->path, F_OK) == 0) {
		p->kind = PANE_PROMPT_OVERWRITE;
		return;
	}
	export_now(ctx, p->path);
	prompt_close(ctx);
}

static enum pane_result
prompt_key(struct pane_context *ctx, enum keys_action action, int key)
{
	struct pane_prompt_state	*p = &ctx->prompt;

	if (p->kind == PANE_PROMPT_OVERWRITE) {
		if (key == 'y' || key == 'Y')
			export_now(ctx, p->path);
		else
			pane_set_message(ctx, "nothing exported: %s is kept",
			    p->path);
		prompt_close(ctx);
		return PANE_REDRAW;
	}
	switch (action) {
	case KEYS_ACCEPT:
		if (p->kind == PANE_PROMPT_NUMBER)
			accept_number(ctx);
		else
			accept_path(ctx);
		break;
	case KEYS_CANCEL:
		prompt_close(ctx);
		break;
	case KEYS_DELETE_BACK:
		delete_back(&p->input);
		break;
	case KEYS_DELETE_LINE:
		buf_clear(&p->input);
		break;
	default:
		/* Ten digits already exceed any article number. */
		if (p->kind != PANE_PROMPT_NUMBER || (key >= '0' &&
		    key <= '9' && p->input.len < 10))
			add_key(&p->input, key);
		break;
	}
	return PANE_REDRAW;
}

const struct pane pane_prompt = {
	.name = "prompt",
	.open = prompt_open,
	.draw = prompt_draw,
	.key = prompt_key,
	.close = prompt_close,
};
