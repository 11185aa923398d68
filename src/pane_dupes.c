/*
 * The duplicates view: see pane_dupes.h.
 *
 * The clusters come from ctx->dupes once the background job has
 * delivered them. Comparing shows one pair of a cluster's members at a
 * time. The pairs of a cluster of n articles are numbered in the order
 * (0,1), (0,2) ... (n-2,n-1). The comparison is a list of display
 * lines, rebuilt on each draw from the two records: for each field a
 * label and its two texts wrapped to their columns, then the reasons
 * the duplicate check gave for the cluster.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pane_dupes.h"
#include "text.h"
#include "xmalloc.h"

#define LABEL_WIDTH	10
/* Lines at the top of the comparison: title, legend, column heads. */
#define HEAD_LINES	3
/*
 * The width the cluster list's articles column may always take; a wide
 * screen gives it more, and longer lists are cut.
 */
#define MAX_ARTICLES_WIDTH	24

/* One line of the comparison. */
struct dline {
	int		 field;		/* CLUSTERS_*, or -1 for a reason */
	bool		 first;		/* the field's first line: label it */
	struct text_line a;		/* part of the left text, or len 0 */
	struct text_line b;
	const char	*reason;	/* the reason's text when field -1 */
	struct text_line r;
};

struct layout {
	struct dline	*lines;
	size_t		 n;
	int		 colw;
};

static const struct duplicates_cluster *
chosen_cluster(const struct pane_context *ctx)
{
	const struct duplicates	*d = &ctx->dupes.found;

	if (!ctx->dupes.ready || ctx->dupes_state.cluster >= d->nclusters)
		return NULL;
	return &d->clusters[ctx->dupes_state.cluster];
}

static size_t
pair_count(const struct duplicates_cluster *cl)
{
	return cl->nmembers * (cl->nmembers - 1) / 2;
}

/* The member indexes of pair p. */
static void
pair_members(const struct duplicates_cluster *cl, size_t p, size_t *i,
    size_t *j)
{
	size_t	a, left = cl->nmembers - 1;

	for (a = 0; p >= left && left > 0; a++, left--)
		p -= left;
	*i = a;
	*j = a + 1 + p;
}

static void
add_line(struct layout *l, const struct dline *d)
{
	l->lines = xreallocarray(l->lines, l->n + 1, sizeof *l->lines);
	l->lines[l->n++] = *d;
}

static void
layout_build(const struct pane_context *ctx, struct layout *l)
{
	const struct clusters_pair	*p = &ctx->dupes_state.compared;
	const struct duplicates_cluster	*cl = chosen_cluster(ctx);
	struct text_line		*la, *lb, *lr;
	struct dline			 d;
	size_t				 na, nb, nr, k, i;
	int				 f, width = ctx->screen.w;

	memset(l, 0, sizeof *l);
	l->colw = (width - LABEL_WIDTH - 3) / 2;
	if (l->colw < 1)
		l->colw = 1;
	for (f = 0; f < CLUSTERS_NFIELDS; f++) {
		/*
		 * A field empty on both sides has nothing to compare, so its
		 * row is left out to save the screen.
		 */
		if (p->fields[f].a[0] == '\0' && p->fields[f].b[0] == '\0')
			continue;
		na = text_wrap(p->fields[f].a, l->colw, &la);
		nb = text_wrap(p->fields[f].b, l->colw, &lb);
		for (k = 0; k < na || k < nb || k == 0; k++) {
			memset(&d, 0, sizeof d);
			d.field = f;
			d.first = k == 0;
			if (k < na)
				d.a = la[k];
			if (k < nb)
				d.b = lb[k];
			add_line(l, &d);
		}
		free(la);
		free(lb);
	}
	for (i = 0; cl != NULL && i < cl->nreasons; i++) {
		nr = text_wrap(cl->reasons[i], width - LABEL_WIDTH - 1, &lr);
		for (k = 0; k < nr; k++) {
			memset(&d, 0, sizeof d);
			d.field = -1;
			d.first = i == 0 && k == 0;
			d.reason = cl->reasons[i];
			d.r = lr[k];
			add_line(l, &d);
		}
		free(lr);
	}
}

/* Splits a side's differing words into word and case spans. */
static void
split_spans(const struct dupes_span *s, size_t n, struct text_span **word,
    size_t *nword, struct text_span **kase, size_t *ncase)
{
	size_t	i;

	*word = xcalloc(n > 0 ? n : 1, sizeof **word);
	*kase = xcalloc(n > 0 ? n : 1, sizeof **kase);
	*nword = *ncase = 0;
	for (i = 0; i < n; i++) {
		if (s[i].change == DUPES_CHANGE_CASE)
			(*kase)[(*ncase)++] = (struct text_span){ s[i].start,
			    s[i].len };
		else
			(*word)[(*nword)++] = (struct text_span){ s[i].start,
			    s[i].len };
	}
}

/* Draws one wrapped part of a field's text with its differences. */
static void
draw_side(struct pane_context *ctx, int y, int x, int width,
    const char *text, struct text_line part, const struct dupes_span *spans,
    size_t nspans)
{
	struct draw_text	 t;
	struct text_span	*word, *kase;
	size_t			 nword, ncase;

	if (part.len == 0)
		return;
	split_spans(spans, nspans, &word, &nword, &kase, &ncase);
	memset(&t, 0, sizeof t);
	t.s = text + part.start;
	t.len = part.len;
	t.offset = part.start;
	t.spans = word;
	t.nspans = nword;
	t.mark = ctx->style.diff_word;
	t.spans2 = kase;
	t.nspans2 = ncase;
	t.mark2 = ctx->style.diff_case;
	t.attr = ctx->style.normal;
	t.bidi = ctx->bidi;
	draw_text(stdscr, y, x, width, &t);
	free(word);
	free(kase);
}

static void
draw_dline(struct pane_context *ctx, const struct layout *l,
    const struct dline *d, int y)
{
	const struct clusters_field_diff	*f;
	int					 x = ctx->screen.x;

	char					*part;

	if (d->field < 0) {
		if (d->first)
			draw_plain(stdscr, y, x + 1, LABEL_WIDTH - 1,
			    "reasons", ctx->style.label);
		part = xstrndup(d->reason + d->r.start, d->r.len);
		draw_plain(stdscr, y, x + LABEL_WIDTH, ctx->screen.w -
		    LABEL_WIDTH, part, ctx->style.normal);
		free(part);
		return;
	}
	f = &ctx->dupes_state.compared.fields[d->field];
	if (d->first)
		draw_plain(stdscr, y, x + 1, LABEL_WIDTH - 1,
		    clusters_field_name((enum clusters_field)d->field),
		    ctx->style.label);
	draw_side(ctx, y, x + LABEL_WIDTH, l->colw, f->a, d->a, f->diff.a,
	    f->diff.na);
	mvaddch(y, x + LABEL_WIDTH + l->colw + 1, ACS_VLINE |
	    ctx->style.separator);
	draw_side(ctx, y, x + LABEL_WIDTH + l->colw + 3, l->colw, f->b, d->b,
	    f->diff.b, f->diff.nb);
}

/* Lines of the screen that show clusters or comparison lines. */
static int
body_height(const struct pane_context *ctx)
{
	int	h = ctx->screen.h - HEAD_LINES - 1;

	return h > 0 ? h : 0;
}

static void
draw_footer(struct pane_context *ctx, const char *text)
{
	const struct pane_rect	*r = &ctx->screen;

	draw_blank(stdscr, r->y + r->h - 1, r->x, r->w, ctx->style.status);
	draw_plain(stdscr, r->y + r->h - 1, r->x, r->w, text,
	    ctx->style.status);
}

/* The legend: which style marks which kind of difference. */
static void
draw_legend(struct pane_context *ctx, int y)
{
	int	x = ctx->screen.x + 1, w = ctx->screen.w;

	x += draw_plain(stdscr, y, x, w - x, "word", ctx->style.diff_word);
	x += draw_plain(stdscr, y, x, w - x, " changed, added or removed   ",
	    ctx->style.normal);
	x += draw_plain(stdscr, y, x, w - x, "Word", ctx->style.diff_case);
	draw_plain(stdscr, y, x, w - x, " case or accents only",
	    ctx->style.normal);
}

/* Draws "article N" above each column, reversed on the chosen side. */
static void
draw_heads(struct pane_context *ctx, int y, int colw, long left,
    long right)
{
	char	text[64];
	int	x = ctx->screen.x + LABEL_WIDTH;

	snprintf(text, sizeof text, " article %ld ", left);
	draw_plain(stdscr, y, x, colw, text, ctx->dupes_state.right ?
	    ctx->style.label : ctx->style.selected | A_BOLD);
	snprintf(text, sizeof text, " article %ld ", right);
	draw_plain(stdscr, y, x + colw + 3, colw, text,
	    ctx->dupes_state.right ? ctx->style.selected | A_BOLD :
	    ctx->style.label);
}

static void
draw_compare(struct pane_context *ctx)
{
	const struct duplicates_cluster	*cl = chosen_cluster(ctx);
	struct pane_dupes_state		*s = &ctx->dupes_state;
	const struct pane_rect		*r = &ctx->screen;
	struct layout			 l;
	char				*title;
	size_t				 i, j;
	int				 y, max;

	pair_members(cl, s->pair, &i, &j);
	layout_build(ctx, &l);
	max = (int)l.n - body_height(ctx);
	if (s->top > max)
		s->top = max > 0 ? max : 0;

	title = xasprintf(" Cluster %zu of %zu: %zu articles, score %d;"
	    " pair %zu of %zu", s->cluster + 1, ctx->dupes.found.nclusters,
	    cl->nmembers, cl->score, s->pair + 1, pair_count(cl));
	draw_blank(stdscr, r->y, r->x, r->w, ctx->style.status);
	draw_plain(stdscr, r->y, r->x, r->w, title, ctx->style.status);
	free(title);
	draw_blank(stdscr, r->y + 1, r->x, r->w, ctx->style.normal);
	draw_legend(ctx, r->y + 1);
	draw_blank(stdscr, r->y + 2, r->x, r->w, ctx->style.normal);
	draw_heads(ctx, r->y + 2, l.colw, cl->members[i].number,
	    cl->members[j].number);
	for (y = 0; y < body_height(ctx); y++) {
		draw_blank(stdscr, r->y + HEAD_LINES + y, r->x, r->w,
		    ctx->style.normal);
		if ((size_t)(s->top + y) < l.n)
			draw_dline(ctx, &l, &l.lines[s->top + y],
			    r->y + HEAD_LINES + y);
	}
	draw_footer(ctx, pair_count(cl) > 1 ? " Esc back  Enter go to the "
	    "article  Tab other article  [ ] other pair  j/k scroll" :
	    " Esc back  Enter go to the article  Tab other article  "
	    "j/k scroll");
	free(l.lines);
}

/* Returns a cluster's article numbers joined by ", ", allocated. */
static char *
member_numbers(const struct duplicates_cluster *cl)
{
	struct buf	b;
	size_t		k;

	buf_init(&b);
	for (k = 0; k < cl->nmembers; k++)
		buf_printf(&b, "%s%ld", k > 0 ? ", " : "",
		    cl->members[k].number);
	return buf_take(&b);
}

/*
 * Draws one row of the cluster list in columns under the header: number,
 * articles (artw wide), size, score and the first title.
 */
static void
draw_cluster_line(struct pane_context *ctx, int y, size_t index, int artw)
{
	const struct duplicates_cluster	*cl;
	char				*numbers, *line;
	attr_t				 attr;
	int				 x = ctx->screen.x, w = ctx->screen.w,
					 used;

	cl = &ctx->dupes.found.clusters[index];
	attr = index == ctx->dupes_state.cluster ? ctx->style.selected :
	    ctx->style.normal;
	draw_blank(stdscr, y, x, w, attr);
	numbers = member_numbers(cl);
	/* The numbers are ASCII, so bytes are columns; a cut one ends in "…". */
	if ((int)strlen(numbers) > artw)
		line = xasprintf(" %4zu  %.*s\xe2\x80\xa6  %4zu  %5d  ",
		    index + 1, artw - 1, numbers, cl->nmembers, cl->score);
	else
		line = xasprintf(" %4zu  %-*s  %4zu  %5d  ", index + 1, artw,
		    numbers, cl->nmembers, cl->score);
	used = draw_plain(stdscr, y, x, w, line, attr);
	free(line);
	free(numbers);
	draw_field(stdscr, y, x + used, w - used, cl->members[0].title, NULL,
	    QUERY_ANY, attr, attr, DRAW_ELLIPSIS, ctx->bidi);
}

static void
draw_clusters(struct pane_context *ctx)
{
	const struct duplicates	*d = &ctx->dupes.found;
	struct pane_dupes_state	*s = &ctx->dupes_state;
	const struct pane_rect	*r = &ctx->screen;
	char			*title, *header, *numbers;
	int			 y, artw, h = body_height(ctx);

	if (ctx->dupes.ready)
		title = xasprintf(" Duplicates: %zu cluster%s in %s",
		    d->nclusters, d->nclusters == 1 ? "" : "s",
		    catalogue_name(ctx->cat));
	else
		title = xstrdup(" Duplicates");
	draw_blank(stdscr, r->y, r->x, r->w, ctx->style.status);
	/* The catalogue's name may be Persian: drawn as the status line is. */
	draw_field(stdscr, r->y, r->x, r->w, title, NULL, QUERY_ANY,
	    ctx->style.status, ctx->style.status, DRAW_ELLIPSIS, ctx->bidi);
	free(title);
	for (y = 1; y < HEAD_LINES; y++)
		draw_blank(stdscr, r->y + y, r->x, r->w, ctx->style.normal);
	if (s->cluster < (size_t)s->top)
		s->top = (int)s->cluster;
	if (h > 0 && s->cluster >= (size_t)(s->top + h))
		s->top = (int)s->cluster - h + 1;
	/* The articles column is as wide as the rows on screen need. */
	artw = (int)strlen("articles");
	for (y = 0; ctx->dupes.ready && y < h; y++) {
		size_t	index = (size_t)(s->top + y);

		if (index >= d->nclusters)
			break;
		numbers = member_numbers(&d->clusters[index]);
		if ((int)strlen(numbers) > artw)
			artw = (int)strlen(numbers);
		free(numbers);
	}
	/* Wide screens give the column more, but half the line at most. */
	if (artw > MAX_ARTICLES_WIDTH && artw > (r->w - 40) / 2)
		artw = MAX_ARTICLES_WIDTH > (r->w - 40) / 2 ?
		    MAX_ARTICLES_WIDTH : (r->w - 40) / 2;
	header = xasprintf("   #  %-*s  size  score  title", artw, "articles");
	draw_plain(stdscr, r->y + 1, r->x + 1, r->w - 1, !ctx->dupes.ready ?
	    "finding duplicates\xe2\x80\xa6" : d->nclusters == 0 ?
	    "no duplicates found" : header, ctx->style.label);
	free(header);

	for (y = 0; y < h; y++) {
		size_t	index = (size_t)(s->top + y);

		if (ctx->dupes.ready && index < d->nclusters)
			draw_cluster_line(ctx, r->y + HEAD_LINES + y, index,
			    artw);
		else
			draw_blank(stdscr, r->y + HEAD_LINES + y, r->x, r->w,
			    ctx->style.normal);
	}
	draw_footer(ctx, " Esc back  Enter compare  o go to the cluster  "
	    "j/k choose");
}

static void
dupes_draw(struct pane_context *ctx)
{
	if (ctx->dupes_state.comparing && chosen_cluster(ctx) != NULL)
		draw_compare(ctx);
	else
		draw_clusters(ctx);
}

static void
dupes_open(struct pane_context *ctx)
{
	struct pane_dupes_state	*s = &ctx->dupes_state;
	const struct view_row	*row;
	size_t			 i;

	clusters_pair_free(&s->compared);
	memset(s, 0, sizeof *s);
	s->open = true;
	/* Start on the selected article's cluster, if it has one. */
	row = view_selected(ctx->view);
	for (i = 0; row != NULL && ctx->dupes.ready &&
	    i < ctx->dupes.found.nclusters; i++) {
		if (duplicates_cluster_of(&ctx->dupes.found, row->row.id) ==
		    &ctx->dupes.found.clusters[i])
			s->cluster = i;
	}
}

static void
dupes_close(struct pane_context *ctx)
{
	clusters_pair_free(&ctx->dupes_state.compared);
	memset(&ctx->dupes_state, 0, sizeof ctx->dupes_state);
	/* The panes under the view leave a gap column undrawn. */
	erase();
}

/* Loads the chosen pair; returns false after putting the error up. */
static bool
load_pair(struct pane_context *ctx)
{
	const struct duplicates_cluster	*cl = chosen_cluster(ctx);
	struct pane_dupes_state		*s = &ctx->dupes_state;
	char				*error = NULL;
	size_t				 i, j;

	clusters_pair_free(&s->compared);
	pair_members(cl, s->pair, &i, &j);
	if (clusters_compare(ctx->cat, cl->members[i].id, cl->members[j].id,
	    &s->compared, &error) != 0) {
		pane_take_message(ctx, error);
		s->comparing = false;
		return false;
	}
	s->comparing = true;
	s->top = 0;
	return true;
}

void
pane_dupes_hide(struct pane_context *ctx, bool hide)
{
	long	*ids = NULL;
	size_t	 n = 0;
	char	*error = NULL;

	if (hide && !ctx->dupes.ready) {
		pane_set_message(ctx, "the duplicates are still being found; "
		    "press u again when the marks appear");
		return;
	}
	if (hide)
		ids = clusters_hidden_ids(&ctx->dupes.found, &n);
	if (view_set_hidden(ctx->view, ids, n, &error) != 0)
		pane_take_message(ctx, error);
	else
		ctx->dupes.hidden = hide && n > 0;
	free(ids);
	if (hide && n == 0)
		pane_set_message(ctx, "no duplicates to hide");
}

/* Closes the view and selects the article in the list. */
static enum pane_result
jump_to(struct pane_context *ctx, long id)
{
	char	*error = NULL;

	dupes_close(ctx);
	/* The filter or the hiding may leave the article out. */
	if (view_query(ctx->view) != NULL) {
		buf_clear(&ctx->search_state.input);
		ctx->search_state.cursor = 0;
		if (view_set_filter(ctx->view, "", &error) != 0) {
			pane_take_message(ctx, error);
			return PANE_REDRAW;
		}
	}
	if (ctx->dupes.hidden && id != duplicates_cluster_of(
	    &ctx->dupes.found, id)->members[0].id)
		pane_dupes_hide(ctx, false);
	if (view_select_id(ctx->view, id, &error) != 0)
		pane_take_message(ctx, error);
	ctx->focus = PANE_FOCUS_LIST;
	return PANE_REDRAW;
}

static long
chosen_id(const struct pane_context *ctx)
{
	const struct duplicates_cluster	*cl = chosen_cluster(ctx);
	size_t				 i, j;

	if (!ctx->dupes_state.comparing)
		return cl->members[0].id;
	pair_members(cl, ctx->dupes_state.pair, &i, &j);
	return cl->members[ctx->dupes_state.right ? j : i].id;
}

static enum pane_result
compare_key(struct pane_context *ctx, enum keys_action action)
{
	const struct duplicates_cluster	*cl = chosen_cluster(ctx);
	struct pane_dupes_state		*s = &ctx->dupes_state;
	int				 page = body_height(ctx) > 1 ?
					    body_height(ctx) - 1 : 1;
	size_t				 npairs = pair_count(cl);

	switch (action) {
	case KEYS_CLOSE:
		clusters_pair_free(&s->compared);
		s->comparing = false;
		s->top = 0;
		return PANE_REDRAW;
	case KEYS_ACCEPT:
	case KEYS_JUMP:
		return jump_to(ctx, chosen_id(ctx));
	case KEYS_SIDE:
		s->right = !s->right;
		return PANE_REDRAW;
	case KEYS_PAIR_NEXT:
	case KEYS_PAIR_PREV:
		s->pair = (s->pair + (action == KEYS_PAIR_NEXT ? 1 :
		    npairs - 1)) % npairs;
		load_pair(ctx);
		return PANE_REDRAW;
	case KEYS_UP:
		s->top--;
		break;
	case KEYS_DOWN:
		s->top++;
		break;
	case KEYS_PAGE_UP:
		s->top -= page;
		break;
	case KEYS_PAGE_DOWN:
		s->top += page;
		break;
	case KEYS_TOP:
		s->top = 0;
		break;
	case KEYS_BOTTOM:
		s->top = 1 << 30;	/* drawing clamps it to the end */
		break;
	default:
		return PANE_HANDLED;
	}
	if (s->top < 0)
		s->top = 0;
	return PANE_REDRAW;
}

static enum pane_result
clusters_key(struct pane_context *ctx, enum keys_action action)
{
	struct pane_dupes_state	*s = &ctx->dupes_state;
	size_t			 n = ctx->dupes.ready ?
				    ctx->dupes.found.nclusters : 0;
	long			 page = body_height(ctx) > 1 ?
				    body_height(ctx) - 1 : 1, to;

	if (action == KEYS_CLOSE) {
		dupes_close(ctx);
		return PANE_REDRAW;
	}
	if (n == 0)
		return PANE_HANDLED;
	to = (long)s->cluster;
	switch (action) {
	case KEYS_ACCEPT:
		load_pair(ctx);
		return PANE_REDRAW;
	case KEYS_JUMP:
		return jump_to(ctx, chosen_id(ctx));
	case KEYS_UP:
		to--;
		break;
	case KEYS_DOWN:
		to++;
		break;
	case KEYS_PAGE_UP:
		to -= page;
		break;
	case KEYS_PAGE_DOWN:
		to += page;
		break;
	case KEYS_TOP:
		to = 0;
		break;
	case KEYS_BOTTOM:
		to = (long)n - 1;
		break;
	default:
		return PANE_HANDLED;
	}
	if (to >= (long)n)
		to = (long)n - 1;
	s->cluster = to > 0 ? (size_t)to : 0;
	return PANE_REDRAW;
}

static enum pane_result
dupes_key(struct pane_context *ctx, enum keys_action action, int key)
{
	(void)key;
	if (ctx->dupes_state.comparing && chosen_cluster(ctx) != NULL)
		return compare_key(ctx, action);
	return clusters_key(ctx, action);
}

const struct pane pane_dupes = {
	.name = "duplicates",
	.open = dupes_open,
	.draw = dupes_draw,
	.key = dupes_key,
	.close = dupes_close,
};
