/*
 * The detail pane: the selected article's fields, then its abstract
 * wrapped to the pane width.
 *
 * The pane's content is laid out as a list of lines on every draw and
 * key, from the record the view holds; scrolling is an index into that
 * list. The abstract starts shortened to the rows the pane has left (at
 * least ABSTRACT_LINES lines) with a "… More" cue; expanding shows all of it followed by a "Less" cue. An
 * article whose source published only a teaser shows the teaser and
 * says so, with no cue.
 */
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pane_detail.h"
#include "record.h"
#include "text.h"
#include "xmalloc.h"

#define ABSTRACT_LINES	4
#define LABEL_WIDTH	9
/* Below this width the field names are left out. */
#define LABELS_MIN	30
#define WHEEL_LINES	3

static const char cue_more[] = "\xe2\x80\xa6 More";
static const char cue_less[] = "\xe2\x80\xa6 Less";

enum line_kind {
	LINE_TEXT,
	LINE_CUE,
	LINE_NOTE,
};

/* One line of content: part of a sanitised field string. */
struct line {
	enum line_kind		 kind;
	const char		*label;	/* on a field's first line, or NULL */
	const char		*s;
	size_t			 len;
	size_t			 offset; /* of s in its field string */
	const struct text_span	*spans;	/* of the whole field string */
	size_t			 nspans;
	attr_t			 attr;
	bool			 wide;	/* uses the full width, no labels */
	bool			 rtl;	/* its field is a right-to-left paragraph */
};

/* A field's sanitised text and its highlights, owned by the layout. */
struct field {
	char			*s;
	struct text_span	*spans;
	size_t			 nspans;
	bool			 rtl;	/* first strong character is R or AL */
};

struct layout {
	struct line	*lines;
	size_t		 nlines;
	struct field	*fields;
	size_t		 nfields;
	int		 labelw;
};

static void
layout_free(struct layout *l)
{
	size_t	i;

	for (i = 0; i < l->nfields; i++) {
		free(l->fields[i].s);
		free(l->fields[i].spans);
	}
	free(l->fields);
	free(l->lines);
	memset(l, 0, sizeof *l);
}

static struct line *
add_line(struct layout *l, enum line_kind kind, attr_t attr)
{
	struct line	*line;

	l->lines = xreallocarray(l->lines, l->nlines + 1, sizeof *l->lines);
	line = &l->lines[l->nlines++];
	memset(line, 0, sizeof *line);
	line->kind = kind;
	line->attr = attr;
	line->s = "";
	return line;
}

/* Sanitises text, highlights it and keeps it in the layout. */
static struct field *
add_text(struct layout *l, const char *text, const struct query *q,
    enum query_field qf)
{
	struct field	*f;

	l->fields = xreallocarray(l->fields, l->nfields + 1,
	    sizeof *l->fields);
	f = &l->fields[l->nfields++];
	f->s = text_sanitize(text);
	f->spans = NULL;
	f->nspans = q != NULL ? query_highlight(q, qf, f->s, &f->spans) : 0;
	f->rtl = bidi_paragraph_rtl(f->s, strlen(f->s));
	return f;
}

/* Adds the lines of text wrapped to width; returns how many. */
static size_t
add_wrapped(struct layout *l, const struct field *f, int width,
    const char *label, attr_t attr, bool wide)
{
	struct text_line	*wrapped;
	struct line		*line;
	size_t			 n, i;

	n = text_wrap(f->s, width, &wrapped);
	for (i = 0; i < n; i++) {
		line = add_line(l, LINE_TEXT, attr);
		line->label = i == 0 ? label : NULL;
		line->s = f->s + wrapped[i].start;
		line->len = wrapped[i].len;
		line->offset = wrapped[i].start;
		line->spans = f->spans;
		line->nspans = f->nspans;
		line->wide = wide;
		line->rtl = f->rtl;
	}
	free(wrapped);
	return n;
}

static void
add_field(struct layout *l, int width, const char *label, const char *text,
    const struct query *q, enum query_field qf, attr_t attr)
{
	struct field	*f;

	if (text == NULL || *text == '\0')
		return;
	f = add_text(l, text, q, qf);
	if (add_wrapped(l, f, width - l->labelw, label, attr, false) == 0)
		add_line(l, LINE_TEXT, attr)->label = label;
}

/*
 * "Journal 12(3), 45-67" from whichever parts are known; an issue
 * without a volume reads "Journal, no. 3", or "Journal, Special issue"
 * when it is not a number.
 */
static char *
journal_text(const struct record *r)
{
	struct buf	b;

	buf_init(&b);
	if (r->journal != NULL)
		buf_addstr(&b, r->journal);
	if (r->volume != NULL)
		buf_printf(&b, "%s%s", b.len > 0 ? " " : "", r->volume);
	if (r->issue != NULL && r->volume != NULL)
		buf_printf(&b, "(%s)", r->issue);
	else if (r->issue != NULL)
		buf_printf(&b, "%s%s%s", b.len > 0 ? ", " : "",
		    isdigit((unsigned char)r->issue[0]) ? "no. " : "",
		    r->issue);
	if (r->pages != NULL)
		buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", r->pages);
	return buf_take(&b);
}

/*
 * Adds the abstract, shortened unless expanded to what fits in a pane of
 * rows rows (at least ABSTRACT_LINES lines) followed by the cue.
 */
static void
add_abstract(struct layout *l, const struct record *r, int width,
    int rows, bool expanded, const struct query *q,
    const struct draw_style *st)
{
	struct field	*f;
	size_t		 n, first, shown;
	const char	*text = r->abstract != NULL ? r->abstract : r->teaser;

	add_line(l, LINE_TEXT, st->normal);
	if (text == NULL) {
		add_line(l, LINE_NOTE, st->cue)->s = "(no abstract)";
		return;
	}
	f = add_text(l, text, q, QUERY_ABSTRACT);
	first = l->nlines;
	n = add_wrapped(l, f, width, NULL, st->normal, true);
	if (r->abstract == NULL) {
		add_line(l, LINE_NOTE, st->cue)->s =
		    "(only a teaser was published)";
		return;
	}
	shown = ABSTRACT_LINES;
	if (rows - (long)first - 1 > (long)shown)
		shown = (size_t)(rows - (long)first - 1);
	/* Hiding a single line would save nothing. */
	if (n <= shown + 1)
		return;
	if (!expanded) {
		l->nlines = first + shown;
		add_line(l, LINE_CUE, st->cue)->s = cue_more;
	} else
		add_line(l, LINE_CUE, st->cue)->s = cue_less;
}

static void
layout_build(struct pane_context *ctx, const struct record *r,
    struct layout *l)
{
	const struct query	*q = view_query(ctx->view);
	const struct draw_style	*st = &ctx->style;
	int			 width = ctx->detail.w;
	char			*s;

	memset(l, 0, sizeof *l);
	l->labelw = width >= LABELS_MIN ? LABEL_WIDTH : 0;
	add_field(l, width, "Title", r->title, q, QUERY_TITLE, st->heading);
	s = record_author_list(r);
	add_field(l, width, "Authors", s, q, QUERY_AUTHORS, st->normal);
	free(s);
	if (r->year != 0) {
		s = xasprintf("%d", r->year);
		add_field(l, width, "Year", s, NULL, QUERY_ANY, st->normal);
		free(s);
	}
	s = journal_text(r);
	add_field(l, width, "Journal", s, NULL, QUERY_ANY, st->normal);
	free(s);
	add_field(l, width, "DOI", r->doi, NULL, QUERY_ANY, st->normal);
	add_field(l, width, "Subject", r->subject, NULL, QUERY_ANY,
	    st->normal);
	add_field(l, width, "Access", r->access, NULL, QUERY_ANY, st->normal);
	add_abstract(l, r, width, ctx->detail.h, ctx->detail_state.expanded,
	    q, st);
}

/* Resets the pane's state when another article is selected. */
static void
sync_state(struct pane_context *ctx)
{
	const struct view_row		*row = view_selected(ctx->view);
	struct pane_detail_state	*d = &ctx->detail_state;
	long				 id = row != NULL ? row->row.id : 0;

	if (d->article_id == id)
		return;
	d->article_id = id;
	d->expanded = false;
	d->top = 0;
	d->match_line = -1;
}

/*
 * Loads the selected article and lays it out. Returns false when there
 * is none to show (the error, if any, goes to the status line).
 */
static bool
current_layout(struct pane_context *ctx, struct layout *l)
{
	const struct record	*r;
	char			*error = NULL;

	sync_state(ctx);
	memset(l, 0, sizeof *l);
	if (view_selected(ctx->view) == NULL || ctx->detail.w <= 0)
		return false;
	if ((r = view_article(ctx->view, &error)) == NULL) {
		pane_take_message(ctx, error);
		return false;
	}
	layout_build(ctx, r, l);
	return true;
}

static int
max_top(const struct pane_context *ctx, const struct layout *l)
{
	int	n = (int)l->nlines - ctx->detail.h;

	return n > 0 ? n : 0;
}

static void
draw_line(struct pane_context *ctx, const struct layout *l,
    const struct line *line, int y)
{
	const struct pane_rect	*r = &ctx->detail;
	struct draw_text	 t;
	int			 x = r->x, width = r->w;

	draw_blank(stdscr, y, r->x, r->w, ctx->style.normal);
	if (line->kind == LINE_CUE || line->kind == LINE_NOTE) {
		if (line->kind == LINE_CUE)
			ctx->detail_state.cue_line = y - r->y;
		draw_plain(stdscr, y, x, width, line->s, line->attr);
		return;
	}
	if (!line->wide && l->labelw > 0) {
		if (line->label != NULL)
			draw_plain(stdscr, y, x, l->labelw - 1, line->label,
			    ctx->style.label);
		x += l->labelw;
		width -= l->labelw;
	}
	memset(&t, 0, sizeof t);
	t.s = line->s;
	t.len = line->len;
	t.spans = line->spans;
	t.nspans = line->nspans;
	t.offset = line->offset;
	t.attr = line->attr;
	t.mark = ctx->style.match;
	t.bidi = ctx->bidi;
	/* Every line takes its field's direction, and a right-to-left
	   field is right-aligned, as the headless output does. */
	t.dir = line->rtl ? DRAW_DIR_RTL : DRAW_DIR_LTR;
	t.flags = DRAW_ALIGN;
	draw_text(stdscr, y, x, width, &t);
}

static void
detail_draw(struct pane_context *ctx)
{
	const struct pane_rect	*r = &ctx->detail;
	struct layout		 l;
	int			 i, top;
	bool			 have;

	if (r->h <= 0 || r->w <= 0)
		return;
	have = current_layout(ctx, &l);
	ctx->detail_state.cue_line = -1;
	if (ctx->detail_state.top > max_top(ctx, &l))
		ctx->detail_state.top = max_top(ctx, &l);
	top = ctx->detail_state.top;
	for (i = 0; i < r->h; i++) {
		if (have && (size_t)(top + i) < l.nlines)
			draw_line(ctx, &l, &l.lines[top + i], r->y + i);
		else
			draw_blank(stdscr, r->y + i, r->x, r->w,
			    ctx->style.normal);
	}
	layout_free(&l);
}

static bool
line_has_match(const struct line *line)
{
	size_t	i, start, end;

	if (line->kind != LINE_TEXT)
		return false;
	for (i = 0; i < line->nspans; i++) {
		start = line->spans[i].start;
		end = start + line->spans[i].len;
		if (start < line->offset + line->len && end > line->offset)
			return true;
	}
	return false;
}

static bool
has_hidden_text(const struct layout *l)
{
	return l->nlines > 0 && l->lines[l->nlines - 1].kind == LINE_CUE &&
	    l->lines[l->nlines - 1].s == cue_more;
}

static enum pane_result
toggle(struct pane_context *ctx)
{
	const struct record	*article;
	struct layout		 l;
	char			*error = NULL;
	bool			 have, more;

	have = current_layout(ctx, &l);
	more = have && l.nlines > 0 && l.lines[l.nlines - 1].kind == LINE_CUE;
	if (have && !more && !ctx->detail_state.expanded) {
		layout_free(&l);
		article = view_article(ctx->view, &error);
		pane_set_message(ctx, article != NULL &&
		    article->abstract == NULL && article->teaser != NULL ?
		    "only a teaser of the abstract was published" :
		    "the whole abstract is already shown");
		free(error);
		return PANE_REDRAW;
	}
	layout_free(&l);
	if (!have)
		return PANE_HANDLED;
	ctx->detail_state.expanded = !ctx->detail_state.expanded;
	ctx->detail_state.match_line = -1;
	if (ctx->detail_state.expanded)
		ctx->focus = PANE_FOCUS_DETAIL;
	else {
		ctx->detail_state.top = 0;
		ctx->focus = PANE_FOCUS_LIST;
	}
	return PANE_REDRAW;
}

/* Scrolls to the next (dir 1) or previous (dir -1) line with a match. */
static enum pane_result
jump_match(struct pane_context *ctx, int dir)
{
	struct pane_detail_state	*d = &ctx->detail_state;
	struct layout			 l;
	int				 i, from;

	if (!current_layout(ctx, &l))
		return PANE_HANDLED;
	if (dir > 0 && !d->expanded && has_hidden_text(&l)) {
		d->expanded = true;
		layout_free(&l);
		current_layout(ctx, &l);
	}
	from = d->match_line;
	if (from < d->top || from >= d->top + ctx->detail.h)
		from = dir > 0 ? d->top - 1 : d->top + ctx->detail.h;
	for (i = from + dir; i >= 0 && (size_t)i < l.nlines; i += dir) {
		if (line_has_match(&l.lines[i]))
			break;
	}
	if (i < 0 || (size_t)i >= l.nlines) {
		pane_set_message(ctx, "no %s match in this article",
		    dir > 0 ? "further" : "earlier");
		layout_free(&l);
		return PANE_REDRAW;
	}
	d->match_line = i;
	d->top = i > 1 ? i - 1 : 0;
	if (d->top > max_top(ctx, &l))
		d->top = max_top(ctx, &l);
	layout_free(&l);
	return PANE_REDRAW;
}

static enum pane_result
scroll_by(struct pane_context *ctx, int delta)
{
	struct layout	l;
	int		top;

	if (!current_layout(ctx, &l))
		return PANE_HANDLED;
	top = ctx->detail_state.top + delta;
	if (top > max_top(ctx, &l))
		top = max_top(ctx, &l);
	if (top < 0)
		top = 0;
	ctx->detail_state.top = top;
	layout_free(&l);
	return PANE_REDRAW;
}

static enum pane_result
detail_key(struct pane_context *ctx, enum keys_action action, int key)
{
	int	page = ctx->detail.h > 1 ? ctx->detail.h - 1 : 1;

	(void)key;
	if (action == KEYS_MORE)
		return toggle(ctx);
	if (ctx->focus != PANE_FOCUS_DETAIL)
		return PANE_IGNORED;
	switch (action) {
	case KEYS_UP:
		return scroll_by(ctx, -1);
	case KEYS_DOWN:
		return scroll_by(ctx, 1);
	case KEYS_PAGE_UP:
		return scroll_by(ctx, -page);
	case KEYS_PAGE_DOWN:
		return scroll_by(ctx, page);
	case KEYS_HALF_UP:
		return scroll_by(ctx, -(page + 1) / 2);
	case KEYS_HALF_DOWN:
		return scroll_by(ctx, (page + 1) / 2);
	case KEYS_TOP:
		return scroll_by(ctx, -ctx->detail_state.top);
	case KEYS_BOTTOM:
		return scroll_by(ctx, 1 << 20);
	case KEYS_NEXT_MATCH:
		return jump_match(ctx, 1);
	case KEYS_PREV_MATCH:
		return jump_match(ctx, -1);
	default:
		return PANE_IGNORED;
	}
}

static enum pane_result
detail_mouse(struct pane_context *ctx, int y, int x, mmask_t buttons)
{
	(void)x;
	if (buttons & BUTTON4_PRESSED)
		return scroll_by(ctx, -WHEEL_LINES);
	if (buttons & BUTTON5_PRESSED)
		return scroll_by(ctx, WHEEL_LINES);
	if (y == ctx->detail_state.cue_line)
		return toggle(ctx);
	ctx->focus = PANE_FOCUS_DETAIL;
	return PANE_REDRAW;
}

const struct pane pane_detail = {
	.name = "detail",
	.draw = detail_draw,
	.key = detail_key,
	.mouse = detail_mouse,
};
