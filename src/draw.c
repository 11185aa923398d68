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

/* Decodes a cluster into wide characters; returns how many, up to max. */
static size_t
decode_cluster(const char *s, size_t len, wchar_t *out, size_t max)
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
	return n;
}

static bool
is_control(wchar_t wc)
{
	return wc < 0x20 || (wc >= 0x7f && wc < 0xa0);
}

static void
put_cell(WINDOW *w, int y, int x, const wchar_t *wcs, size_t n, attr_t attr)
{
	cchar_t	cc;
	wchar_t	buf[CELL_CHARS + 1];

	if (n > CELL_CHARS - 1)
		n = CELL_CHARS - 1;
	memcpy(buf, wcs, n * sizeof *buf);
	buf[n] = L'\0';
	if (setcchar(&cc, buf, attr, PAIR_NUMBER(attr), NULL) == OK)
		mvwadd_wch(w, y, x, &cc);
}

/*
 * Draws one cluster of width columns at (y, x). The cluster becomes one
 * cell (a base character and its combining marks) when curses agrees
 * on its width, its characters one by one when their widths add up, and
 * otherwise U+FFFD padded with spaces.
 */
static void
put_cluster(WINDOW *w, int y, int x, const struct text_cluster *c,
    attr_t attr)
{
	wchar_t	wcs[16];
	size_t	n, i;
	int	first, sum = 0, cw;
	bool	combining = true;

	n = decode_cluster(c->s, c->len, wcs, sizeof wcs / sizeof *wcs);
	if (n == 0 || c->width == 0)
		return;
	for (i = 0; i < n; i++) {
		if (is_control(wcs[i]))
			wcs[i] = 0x2423;
		cw = wcwidth(wcs[i]);
		if (i > 0 && cw != 0)
			combining = false;
		sum += cw > 0 ? cw : 0;
	}
	first = wcwidth(wcs[0]);

	if (first == c->width && (combining || n == 1)) {
		put_cell(w, y, x, wcs, n, attr);
		return;
	}
	if (sum == c->width) {
		for (i = 0; i < n; i++) {
			cw = wcwidth(wcs[i]);
			if (cw <= 0)
				continue;
			put_cell(w, y, x, &wcs[i], 1, attr);
			x += cw;
		}
		return;
	}
	if (first == c->width) {
		put_cell(w, y, x, wcs, 1, attr);
		return;
	}
	wcs[0] = 0xfffd;
	put_cell(w, y, x, wcs, 1, attr);
	for (i = 1; i < (size_t)c->width; i++)
		mvwaddch(w, y, x + (int)i, ' ' | attr);
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

int
draw_text(WINDOW *w, int y, int x, int width, const struct draw_text *t)
{
	struct text_cluster	 c;
	const char		*vis;
	char			*reordered = NULL;
	size_t			*order = NULL;
	size_t			 n, pos, k;
	int			 used, col = 0;
	bool			 cut = false;

	if (width <= 0)
		return 0;
	if (text_width(t->s, t->len) <= width)
		n = t->len;
	else if ((t->flags & DRAW_ELLIPSIS) && width >= 2) {
		n = text_fit(t->s, t->len, width - 1, &used);
		cut = true;
	} else
		n = text_fit(t->s, t->len, width, &used);

	vis = t->s;
	if (t->bidi == BIDI_APP && bidi_has_rtl(t->s, n)) {
		reordered = bidi_visual(t->s, n, &order);
		vis = reordered;
		n = strlen(reordered);
	}

	for (pos = 0; pos < n; pos += k) {
		k = text_next_cluster(vis + pos, n - pos, &c);
		if (k == 0)
			break;
		if (col + c.width > width - (cut ? 1 : 0))
			break;
		put_cluster(w, y, x + col, &c, attr_at(t, t->offset +
		    (order != NULL ? order[pos] : pos)));
		col += c.width;
	}
	if (cut) {
		put_cell(w, y, x + col, L"\u2026", 1, t->attr);
		col++;
	}
	/* A wide cluster cut off at the edge leaves its column blank. */
	if ((t->flags & DRAW_FILL) || (n < t->len && !cut)) {
		draw_blank(w, y, x + col, width - col, t->attr);
		if (t->flags & DRAW_FILL)
			col = width;
	}
	free(reordered);
	free(order);
	return col;
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
