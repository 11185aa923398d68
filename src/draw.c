/*
 * Drawing text into curses windows: see draw.h.
 *
 * The width of a line is measured with libunistring (text.h), cluster
 * by cluster. curses measures with the C library's wcwidth(), which can
 * disagree for emoji sequences and some symbols. So the cursor is moved
 * to each cluster explicitly, and a cluster whose curses width differs
 * from its measured width is drawn in a form that occupies exactly the
 * measured columns.
 */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "buf.h"
#include "draw.h"
#include "xmalloc.h"

enum {
	PAIR_MATCH = 1,
	PAIR_LABEL,
	PAIR_CUE,
	PAIR_SEPARATOR,
	PAIR_MARK,
	PAIR_NOTE,
	PAIR_FOCUS,
	PAIR_KEY,
	PAIR_DIFF_CASE,
	PAIR_DIFF_WORD,
};

/* Up to this many characters make one cell; ncurses sets CCHARW_MAX. */
#define CELL_CHARS	CCHARW_MAX

void
draw_style_init(struct draw_style *s, bool colour)
{
	memset(s, 0, sizeof *s);
	s->colour = colour;
	s->normal = A_NORMAL;
	s->selected = A_REVERSE;
	s->selected_idle = A_REVERSE | A_DIM;
	s->heading = A_BOLD;
	s->status = A_REVERSE;
	s->key = A_REVERSE | A_BOLD;
	if (!colour) {
		s->match = A_BOLD | A_UNDERLINE;
		s->match_selected = A_REVERSE | A_BOLD | A_UNDERLINE;
		s->label = A_BOLD;
		s->cue = A_UNDERLINE | A_DIM;
		s->separator = A_NORMAL;
		s->focus = A_BOLD;
		s->mark = A_BOLD;
		s->note = A_REVERSE | A_BOLD;
		/* Two styles that differ in more than intensity, so that
		   they stay apart on a monochrome terminal. */
		s->diff_case = A_UNDERLINE;
		s->diff_word = A_REVERSE | A_BOLD;
		return;
	}
	init_pair(PAIR_MATCH, COLOR_BLACK, COLOR_YELLOW);
	init_pair(PAIR_LABEL, COLOR_CYAN, -1);
	init_pair(PAIR_CUE, COLOR_YELLOW, -1);
	init_pair(PAIR_SEPARATOR, COLOR_CYAN, -1);
	init_pair(PAIR_MARK, COLOR_RED, -1);
	init_pair(PAIR_NOTE, COLOR_WHITE, COLOR_RED);
	init_pair(PAIR_FOCUS, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_KEY, COLOR_YELLOW, COLOR_BLUE);
	init_pair(PAIR_DIFF_CASE, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_DIFF_WORD, COLOR_WHITE, COLOR_MAGENTA);
	/* No bold: many terminals turn bold black into a grey that reads
	   poorly on yellow. */
	s->match = COLOR_PAIR(PAIR_MATCH);
	s->match_selected = COLOR_PAIR(PAIR_MATCH) | A_UNDERLINE;
	s->label = COLOR_PAIR(PAIR_LABEL) | A_BOLD;
	s->cue = COLOR_PAIR(PAIR_CUE) | A_UNDERLINE | A_DIM;
	s->separator = COLOR_PAIR(PAIR_SEPARATOR);
	s->focus = COLOR_PAIR(PAIR_FOCUS) | A_BOLD;
	s->mark = COLOR_PAIR(PAIR_MARK) | A_BOLD;
	s->note = COLOR_PAIR(PAIR_NOTE) | A_BOLD;
	/* Underline as well as colour, for terminals that map colours
	   to grey. */
	s->diff_case = COLOR_PAIR(PAIR_DIFF_CASE) | A_UNDERLINE;
	s->diff_word = COLOR_PAIR(PAIR_DIFF_WORD) | A_BOLD;
}

/* Code points decoded per cluster; a longer one is drawn shortened. */
#define CLUSTER_CHARS	64

/*
 * Decodes a cluster into wide characters; returns how many, up to max,
 * and sets *complete to whether that is all of it.
 */
static size_t
decode_cluster(const char *s, size_t len, wchar_t *out, size_t max,
    bool *complete)
{
	mbstate_t	st;
	size_t		n = 0, k;

	memset(&st, 0, sizeof st);
	while (len > 0 && n < max) {
		k = mbrtowc(&out[n], s, len, &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0)
			break;
		n++;
		s += k;
		len -= k;
	}
	*complete = len == 0;
	return n;
}

static bool
is_control(wchar_t wc)
{
	return wc < 0x20 || (wc >= 0x7f && wc < 0xa0);
}

/*
 * Draws one cell holding the n (at most CELL_CHARS) code points wcs.
 * setcchar() in ncurses 6.4 keeps only the first character and the
 * zero-width ones that follow it, so the rest of an emoji ZWJ sequence
 * would be lost; the code points are therefore stored in the cell
 * after setcchar() has set its attributes and colour.
 */
static void
put_cell(WINDOW *w, int y, int x, const wchar_t *wcs, size_t n, attr_t attr)
{
	cchar_t	cc;
	wchar_t	buf[CELL_CHARS + 1];
	size_t	i;

	if (n > CELL_CHARS)
		n = CELL_CHARS;
	memcpy(buf, wcs, n * sizeof *buf);
	buf[n] = L'\0';
	if (setcchar(&cc, buf, attr, PAIR_NUMBER(attr), NULL) != OK)
		return;
#ifdef NCURSES_VERSION
	/* NOTE: this writes the fields of ncurses' cchar_t, which its
	   curses.h declares. Other curses libraries keep the setcchar()
	   result, so they show only the sequence's first character. */
	for (i = 0; i < CELL_CHARS; i++)
		cc.chars[i] = i < n ? wcs[i] : L'\0';
#else
	(void)i;
#endif
	mvwadd_wch(w, y, x, &cc);
}

/*
 * Draws one cluster of c->width columns at (y, x), for any width. The
 * cluster becomes one cell with all its code points when curses gives
 * its first character that width, as it does for a base with marks and
 * for an emoji ZWJ sequence, which tmux shows in one cell. Otherwise
 * its characters go one by one when their widths add up (tmux shows an
 * emoji with a skin-tone modifier in two cells). A cluster of more code
 * points than a cell holds, or one curses measures differently, shows
 * its base character (or U+FFFD) and then U+FFFD for what was left
 * out, padded with spaces to its width.
 */
static void
put_cluster(WINDOW *w, int y, int x, const struct text_cluster *c,
    attr_t attr)
{
	wchar_t	wcs[CLUSTER_CHARS];
	size_t	n, i;
	int	first, sum = 0, cw, col;
	bool	complete;

	n = decode_cluster(c->s, c->len, wcs, CLUSTER_CHARS, &complete);
	if (n == 0 || c->width == 0)
		return;
	for (i = 0; i < n; i++) {
		if (is_control(wcs[i]))
			wcs[i] = 0x2423;
		cw = wcwidth(wcs[i]);
		sum += cw > 0 ? cw : 0;
	}
	first = wcwidth(wcs[0]);

	if (first == c->width && complete && n <= CELL_CHARS) {
		put_cell(w, y, x, wcs, n, attr);
		return;
	}
	if (sum == c->width && complete) {
		for (i = 0; i < n; i++) {
			cw = wcwidth(wcs[i]);
			if (cw <= 0)
				continue;
			put_cell(w, y, x, &wcs[i], 1, attr);
			x += cw;
		}
		return;
	}
	if (first < 1 || first > c->width) {
		wcs[0] = 0xfffd;
		first = 1;
	}
	put_cell(w, y, x, wcs, 1, attr);
	col = first;
	if (col < c->width) {
		put_cell(w, y, x + col, L"\ufffd", 1, attr);
		col++;
	}
	for (; col < c->width; col++)
		mvwaddch(w, y, x + col, ' ' | attr);
}

void
draw_blank(WINDOW *w, int y, int x, int width, attr_t attr)
{
	int	i;

	for (i = 0; i < width; i++)
		mvwaddch(w, y, x + i, ' ' | attr);
}

/* Returns whether byte offset pos lies in one of the sorted spans. */
static bool
in_spans(const struct text_span *spans, size_t n, size_t pos)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (pos < spans[i].start)
			return false;
		if (pos < spans[i].start + spans[i].len)
			return true;
	}
	return false;
}

/* Returns the attributes for byte offset pos of the text. */
static attr_t
attr_at(const struct draw_text *t, size_t pos)
{
	if (in_spans(t->spans, t->nspans, pos))
		return t->mark;
	if (in_spans(t->spans2, t->nspans2, pos))
		return t->mark2;
	return t->attr;
}

/* Returns whether a line is shown as a right-to-left paragraph. */
static bool
line_rtl(const char *s, size_t len, enum bidi_mode bidi, enum draw_dir dir)
{
	if (bidi != BIDI_APP)
		return false;
	if (dir == DRAW_DIR_LINE)
		return bidi_paragraph_rtl(s, len);
	return dir == DRAW_DIR_RTL;
}

/*
 * Returns s[0..len) in visual order as an allocated string, with the
 * byte map of bidi_visual_dir() in *order (NULL when the text is left in
 * logical order).
 */
static char *
visual_line(const char *s, size_t len, bool rtl, enum bidi_mode bidi,
    size_t **order)
{
	*order = NULL;
	if (bidi == BIDI_APP && (rtl || bidi_has_rtl(s, len)))
		return bidi_visual_dir(s, len, rtl, order);
	return xstrndup(s, len);
}

int
draw_text(WINDOW *w, int y, int x, int width, const struct draw_text *t)
{
	struct text_cluster	 c;
	struct buf		 logical;
	char			*vis;
	size_t			*order, n, pos, k, from;
	int			 used, col = 0, visw, pad = 0;
	bool			 cut = false, rtl;

	if (width <= 0)
		return 0;
	if (text_width(t->s, t->len) <= width)
		n = t->len;
	else if ((t->flags & DRAW_ELLIPSIS) && width >= 2) {
		n = text_fit(t->s, t->len, width - 1, &used);
		cut = true;
	} else
		n = text_fit(t->s, t->len, width, &used);

	/* The ellipsis ends the logical line, so reordering puts it at
	   the end of a right-to-left line, on its left. */
	buf_init(&logical);
	buf_add(&logical, t->s, n);
	if (cut)
		buf_addstr(&logical, TEXT_ELLIPSIS);
	rtl = line_rtl(t->s, t->len, t->bidi, t->dir);
	vis = visual_line(buf_str(&logical), logical.len, rtl, t->bidi, &order);
	visw = text_strwidth(vis);
	if (rtl && (t->flags & DRAW_ALIGN) && visw < width) {
		pad = width - visw;
		draw_blank(w, y, x, pad, t->attr);
		col = pad;
	}

	for (pos = 0; vis[pos] != '\0'; pos += k) {
		k = text_next_cluster(vis + pos, strlen(vis + pos), &c);
		if (k == 0 || col + c.width > width)
			break;
		from = order != NULL ? order[pos] : pos;
		put_cluster(w, y, x + col, &c, from < n ?
		    attr_at(t, t->offset + from) : t->attr);
		col += c.width;
	}
	/* A wide cluster cut off at the edge leaves its column blank. */
	if ((t->flags & DRAW_FILL) || (n < t->len && !cut)) {
		draw_blank(w, y, x + col, width - col, t->attr);
		if (t->flags & DRAW_FILL)
			col = width;
	}
	buf_free(&logical);
	free(vis);
	free(order);
	return col;
}

int
draw_cursor_column(const char *s, size_t len, size_t logical,
    enum bidi_mode bidi, enum draw_dir dir)
{
	struct text_cluster	 c;
	char			*vis;
	size_t			*order, pos, k, vlen;
	int			 col = 0, at = -1;

	vis = visual_line(s, len, line_rtl(s, len, bidi, dir), bidi, &order);
	vlen = strlen(vis);
	for (pos = 0; pos < vlen; pos += k) {
		k = text_next_cluster(vis + pos, vlen - pos, &c);
		if (k == 0)
			break;
		if ((order != NULL ? order[pos] : pos) == logical)
			at = col;
		col += c.width;
	}
	free(vis);
	free(order);
	return at >= 0 ? at : col;
}

int
draw_field(WINDOW *w, int y, int x, int width, const char *s,
    const struct query *q, enum query_field field, attr_t attr, attr_t mark,
    int flags, enum bidi_mode bidi)
{
	struct draw_text	 t;
	struct text_span	*spans = NULL;
	char			*safe;
	int			 used;

	safe = text_sanitize(s != NULL ? s : "");
	memset(&t, 0, sizeof t);
	t.s = safe;
	t.len = strlen(safe);
	if (q != NULL)
		t.nspans = query_highlight(q, field, safe, &spans);
	t.spans = spans;
	t.attr = attr;
	t.mark = mark;
	t.flags = flags;
	t.bidi = bidi;
	t.dir = DRAW_DIR_LINE;
	used = draw_text(w, y, x, width, &t);
	free(spans);
	free(safe);
	return used;
}

int
draw_plain(WINDOW *w, int y, int x, int width, const char *s, attr_t attr)
{
	return draw_field(w, y, x, width, s, NULL, QUERY_ANY, attr, attr, 0,
	    BIDI_TERMINAL);
}
