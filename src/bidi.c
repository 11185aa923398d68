/*
 * Visual reordering of right-to-left text with FriBidi: see bidi.h.
 *
 * FriBidi resolves the embedding level of every code point (UAX #9,
 * with bracket pairs), mirrors brackets at right-to-left levels and
 * shapes Arabic letters into their presentation forms. The reordering
 * itself (rule L2) is done here on display clusters (text_next_cluster)
 * instead of code points. So a base letter keeps its marks after it,
 * and an emoji ZWJ sequence or a flag is never reversed inside. The
 * visual line is a permutation of the logical clusters, so it has the
 * same width and breaks into the same cells.
 *
 * Shaping uses presentation forms only, without the lam-alef
 * ligatures: each form replaces one letter and takes one column like
 * it, whereas a ligature would make two letters one cell and the line
 * one column narrower than the layout computed on logical text.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fribidi.h>
#include <unistr.h>

#include "bidi.h"
#include "buf.h"
#include "text.h"
#include "xmalloc.h"

#define SHAPE_FLAGS	(FRIBIDI_FLAG_SHAPE_MIRRORING | \
			 FRIBIDI_FLAG_SHAPE_ARAB_PRES)

/* A line decoded for FriBidi, with the levels it resolved. */
struct bidi_line {
	FriBidiChar	*chars;		/* code points, shaped in place */
	size_t		*offsets;	/* byte offset of each in the source */
	FriBidiLevel	*levels;
	size_t		 n;
};

/* One display cluster: code points [first, first + count) and a level. */
struct bidi_run {
	size_t		first;
	size_t		count;
	FriBidiLevel	level;
};

int
bidi_mode_from_name(const char *name)
{
	if (strcmp(name, "auto") == 0)
		return BIDI_AUTO;
	if (strcmp(name, "app") == 0)
		return BIDI_APP;
	if (strcmp(name, "terminal") == 0)
		return BIDI_TERMINAL;
	return -1;
}

enum bidi_mode
bidi_resolve(enum bidi_mode mode)
{
	const char	*term;

	if (mode != BIDI_AUTO)
		return mode;
	/* Text for a file or a pipe stays in logical order. */
	if (!isatty(STDOUT_FILENO))
		return BIDI_TERMINAL;
	term = getenv("TERM");
	/* tmux and screen keep cells in logical order and never reorder. */
	if (getenv("TMUX") != NULL || getenv("STY") != NULL ||
	    (term != NULL && (strncmp(term, "screen", 6) == 0 ||
	    strncmp(term, "tmux", 4) == 0)))
		return BIDI_APP;
	/*
	 * These two reorder every line, and no standard escape sequence
	 * stops them (terminal-wg's BiDi survey of terminals, 2019).
	 */
	if (getenv("KONSOLE_VERSION") != NULL || getenv("MLTERM") != NULL)
		return BIDI_TERMINAL;
	return BIDI_APP;
}

static bool
is_rtl_type(FriBidiCharType t)
{
	return t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL ||
	    t == FRIBIDI_TYPE_RLE || t == FRIBIDI_TYPE_RLO ||
	    t == FRIBIDI_TYPE_RLI;
}

bool
bidi_has_rtl(const char *s, size_t len)
{
	const uint8_t	*p = (const uint8_t *)s, *end = p + len;
	ucs4_t		 uc;
	int		 n;

	while (p < end) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		n = u8_mbtouc(&uc, p, (size_t)(end - p));
		if (is_rtl_type(fribidi_get_bidi_type(uc)))
			return true;
		p += n;
	}
	return false;
}

bool
bidi_paragraph_rtl(const char *s, size_t len)
{
	const uint8_t	*p = (const uint8_t *)s, *end = p + len;
	FriBidiCharType	 t;
	ucs4_t		 uc;
	int		 n;

	while (p < end) {
		if (*p < 0x80) {
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
				return false;
			p++;
			continue;
		}
		n = u8_mbtouc(&uc, p, (size_t)(end - p));
		t = fribidi_get_bidi_type(uc);
		if (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL)
			return true;
		if (t == FRIBIDI_TYPE_LTR)
			return false;
		p += n;
	}
	return false;
}

/*
 * Applies the part of rule L1 that needs the end of the line. White
 * space (and the invisible controls among it) at the end of a line takes
 * the paragraph level, so it stays at the end of the reading order.
 */
static void
reset_trailing_space(struct bidi_line *l, const FriBidiCharType *types,
    FriBidiLevel base)
{
	size_t	i;

	for (i = l->n; i > 0; i--) {
		if (!FRIBIDI_IS_EXPLICIT_OR_BN_OR_WS(types[i - 1]) &&
		    !FRIBIDI_IS_ISOLATE(types[i - 1]))
			break;
		l->levels[i - 1] = base;
	}
}

static void
line_free(struct bidi_line *l)
{
	free(l->chars);
	free(l->offsets);
	free(l->levels);
}

/*
 * Decodes s[0..len) into l and resolves its levels and shapes with the
 * paragraph direction given. Returns false when FriBidi reports an error
 * (its documentation names running out of memory as the cause).
 *
 * NOTE: levels are resolved per line, not per paragraph, so a bracket
 * pair split across two wrapped lines resolves each half on its own.
 */
static bool
line_analyse(struct bidi_line *l, const char *s, size_t len, bool rtl)
{
	FriBidiCharType		*types;
	FriBidiBracketType	*brackets;
	FriBidiArabicProp	*joining;
	FriBidiParType		 base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	FriBidiStrIndex		 n;
	size_t			 pos;
	ucs4_t			 uc;
	int			 k;
	bool			 ok;

	l->chars = xreallocarray(NULL, len + 1, sizeof *l->chars);
	l->offsets = xreallocarray(NULL, len + 1, sizeof *l->offsets);
	l->levels = xreallocarray(NULL, len + 1, sizeof *l->levels);
	for (l->n = 0, pos = 0; pos < len; l->n++) {
		k = u8_mbtouc(&uc, (const uint8_t *)s + pos, len - pos);
		l->chars[l->n] = uc;
		l->offsets[l->n] = pos;
		pos += (size_t)(k > 0 ? k : 1);
	}

	n = (FriBidiStrIndex)l->n;
	types = xreallocarray(NULL, l->n + 1, sizeof *types);
	brackets = xreallocarray(NULL, l->n + 1, sizeof *brackets);
	joining = xreallocarray(NULL, l->n + 1, sizeof *joining);
	fribidi_get_bidi_types(l->chars, n, types);
	fribidi_get_bracket_types(l->chars, n, types, brackets);
	ok = fribidi_get_par_embedding_levels_ex(types, brackets, n, &base,
	    l->levels) != 0;
	if (ok) {
		fribidi_get_joining_types(l->chars, n, joining);
		fribidi_join_arabic(types, n, l->levels, joining);
		fribidi_shape(SHAPE_FLAGS, l->levels, n, joining, l->chars);
		reset_trailing_space(l, types, rtl ? 1 : 0);
	}
	free(types);
	free(brackets);
	free(joining);
	return ok;
}

/*
 * Splits s[0..len), decoded in l, into display clusters with the level
 * of each cluster's first code point. Returns how many.
 */
static size_t
line_runs(const struct bidi_line *l, const char *s, size_t len,
    struct bidi_run **runs)
{
	struct text_cluster	 c;
	struct bidi_run		*out;
	size_t			 nout = 0, pos = 0, ci = 0, n;

	out = xreallocarray(NULL, l->n + 1, sizeof *out);
	while (pos < len && ci < l->n) {
		n = text_next_cluster(s + pos, len - pos, &c);
		if (n == 0)
			break;
		out[nout].first = ci;
		out[nout].level = l->levels[ci];
		pos += n;
		while (ci < l->n && l->offsets[ci] < pos)
			ci++;
		out[nout].count = ci - out[nout].first;
		nout++;
	}
	*runs = out;
	return nout;
}

static void
reverse_runs(struct bidi_run *runs, size_t from, size_t to)
{
	struct bidi_run	tmp;

	while (from + 1 < to) {
		tmp = runs[from];
		runs[from] = runs[to - 1];
		runs[to - 1] = tmp;
		from++;
		to--;
	}
}

/*
 * Rule L2: from the highest level down to the lowest odd one, reverses
 * every sequence of clusters at that level or higher.
 */
static void
reorder_runs(struct bidi_run *runs, size_t n)
{
	FriBidiLevel	max = 0, min_odd = 0xff, level;
	size_t		i, start;

	for (i = 0; i < n; i++) {
		if (runs[i].level > max)
			max = runs[i].level;
		if ((runs[i].level & 1) && runs[i].level < min_odd)
			min_odd = runs[i].level;
	}
	for (level = max; level >= min_odd && level > 0; level--) {
		for (i = 0; i < n; i = start + 1) {
			while (i < n && runs[i].level < level)
				i++;
			start = i;
			while (start < n && runs[start].level >= level)
				start++;
			reverse_runs(runs, i, start);
		}
	}
}

/* Writes the clusters in their new order, and the order map when asked. */
static char *
line_output(const struct bidi_line *l, const struct bidi_run *runs,
    size_t nruns, size_t len, size_t **order)
{
	struct buf	 b;
	size_t		*map = NULL, i, j, k;
	uint8_t		 tmp[6];
	int		 n;

	buf_init(&b);
	buf_add(&b, "", 0);
	if (order != NULL)
		map = xreallocarray(NULL, len * 3 + 1, sizeof *map);
	for (i = 0; i < nruns; i++) {
		for (j = runs[i].first; j < runs[i].first + runs[i].count; j++) {
			n = u8_uctomb(tmp, l->chars[j], sizeof tmp);
			if (n <= 0)
				continue;
			for (k = 0; map != NULL && k < (size_t)n; k++)
				map[b.len + k] = l->offsets[j];
			buf_add(&b, tmp, (size_t)n);
		}
	}
	if (order != NULL)
		*order = map;
	return buf_take(&b);
}

/* Returns a copy of s[0..len) with an identity order map when asked. */
static char *
copy_logical(const char *s, size_t len, size_t **order)
{
	size_t	i;

	if (order != NULL) {
		*order = xreallocarray(NULL, len + 1, sizeof **order);
		for (i = 0; i < len; i++)
			(*order)[i] = i;
	}
	return xstrndup(s, len);
}

char *
bidi_visual_dir(const char *s, size_t len, bool rtl, size_t **order)
{
	struct bidi_line	 l;
	struct bidi_run		*runs;
	size_t			 nruns;
	char			*out;

	if (!rtl && !bidi_has_rtl(s, len))
		return copy_logical(s, len, order);
	if (!line_analyse(&l, s, len, rtl)) {
		line_free(&l);
		return copy_logical(s, len, order);
	}
	nruns = line_runs(&l, s, len, &runs);
	reorder_runs(runs, nruns);
	out = line_output(&l, runs, nruns, len, order);
	free(runs);
	line_free(&l);
	return out;
}

char *
bidi_visual(const char *s, size_t len, size_t **order)
{
	return bidi_visual_dir(s, len, bidi_paragraph_rtl(s, len), order);
}
