/*
 * LaTeX text as BibTeX files hold it, to and from Unicode.
 *
 * Decoding turns accents (\"u, \'{e}, \c{c}, \v s, ...), special letters
 * ({\ss}, {\o}, \aa, \l, \i, ...), escaped characters (\& \% \$ \# \_
 * \{ \}), ligatures (-- --- `` ''), ties (~) and a few math symbols
 * into Unicode, drops braces, math shifts and formatting commands such
 * as \emph (keeping their text), and leaves an unknown command as its
 * text ("\foo"). Escaping does the reverse for the characters LaTeX
 * treats specially, so latex_decode(latex_escape(s)) gives s back for
 * any s in NFC.
 */
#ifndef FEHREST_LATEX_H
#define FEHREST_LATEX_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Returns s[0..len), valid UTF-8, decoded to NFC text, allocated. */
char	*latex_decode(const char *s, size_t len);
/*
 * Returns s[0..len) with braces removed and backslash escapes of single
 * characters undone, for fields that BibTeX tools treat as verbatim
 * (url, doi). Allocated.
 */
char	*latex_decode_verbatim(const char *s, size_t len);
/*
 * Appends s with LaTeX's special characters escaped. Braces are written
 * \{ and \} when they pair up in s, else as \textbraceleft{} and
 * \textbraceright{}, which BibTeX does not count as braces.
 */
void	 latex_escape(struct buf *b, const char *s);
/* Returns whether every brace in s has its partner, in order. */
bool	 latex_braces_balanced(const char *s);

#endif
