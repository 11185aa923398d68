/*
 * Visual reordering of right-to-left text with FriBidi: see bidi.h.
 *
 * fribidi_log2vis() applies the Unicode Bidirectional Algorithm, mirrors
 * brackets and shapes Arabic letters into their joined presentation
 * forms, which terminals that do not shape need to show Persian joined.
 * It maps characters one to one, so the logical position of every
 * visual character is known and highlights follow the text.
 */
#include <stdlib.h>
#include <string.h>

#include <fribidi.h>
#include <unistr.h>

#include "bidi.h"
#include "buf.h"
#include "xmalloc.h"

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
	term = getenv("TERM");
	/* tmux and screen keep cells in logical order and never reorder. */
	if (getenv("TMUX") != NULL || getenv("STY") != NULL ||
	    (term != NULL && (strncmp(term, "screen", 6) == 0 ||
	    strncmp(term, "tmux", 4) == 0)))
		return BIDI_APP;
	if (getenv("KONSOLE_VERSION") != NULL)
		return BIDI_TERMINAL;
	return BIDI_APP;
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
		/* Hebrew, Arabic, Syriac, Thaana, NKo ... and their forms */
		if ((uc >= 0x590 && uc <= 0x8ff) || (uc >= 0xfb1d &&
		    uc <= 0xfdff) || (uc >= 0xfe70 && uc <= 0xfeff) ||
		    (uc >= 0x10800 && uc <= 0x10fff) || (uc >= 0x1e800 &&
		    uc <= 0x1efff) || uc == 0x200f || uc == 0x61c)
			return true;
		p += n;
	}
	return false;
}

char *
bidi_visual(const char *s, size_t len, size_t **order)
{
	FriBidiChar		*logical, *visual;
	FriBidiStrIndex		*v_to_l;
	FriBidiParType		 base = FRIBIDI_PAR_ON;
	size_t			*offsets, *out_order = NULL;
	struct buf		 b;
	size_t			 n, i, pos;
	uint8_t			 tmp[6];
	int			 k;
	ucs4_t			 uc;

	/* Decode, remembering each character's byte offset. */
	logical = xreallocarray(NULL, len + 1, sizeof *logical);
	offsets = xreallocarray(NULL, len + 1, sizeof *offsets);
	for (n = 0, pos = 0; pos < len; n++) {
		k = u8_mbtouc(&uc, (const uint8_t *)s + pos, len - pos);
		logical[n] = uc;
		offsets[n] = pos;
		pos += (size_t)(k > 0 ? k : 1);
	}
	visual = xreallocarray(NULL, n + 1, sizeof *visual);
	v_to_l = xreallocarray(NULL, n + 1, sizeof *v_to_l);
	if (n == 0 || fribidi_log2vis(logical, (FriBidiStrIndex)n, &base,
	    visual, NULL, v_to_l, NULL) == 0) {
		memcpy(visual, logical, n * sizeof *visual);
		for (i = 0; i < n; i++)
			v_to_l[i] = (FriBidiStrIndex)i;
	}

	buf_init(&b);
	buf_add(&b, "", 0);
	if (order != NULL)
		out_order = xreallocarray(NULL, len * 2 + 8, sizeof *out_order);
	for (i = 0; i < n; i++) {
		k = u8_uctomb(tmp, visual[i], sizeof tmp);
		if (k <= 0)
			continue;
		if (out_order != NULL) {
			size_t	j;

			out_order = xreallocarray(out_order, b.len + (size_t)k
			    + 1, sizeof *out_order);
			for (j = 0; j < (size_t)k; j++)
				out_order[b.len + j] = offsets[v_to_l[i]];
		}
		buf_add(&b, tmp, (size_t)k);
	}
	if (order != NULL)
		*order = out_order;
	free(logical);
	free(offsets);
	free(visual);
	free(v_to_l);
	return buf_take(&b);
}
