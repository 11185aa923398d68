/*
 * Tests of the BibTeX reader and of LaTeX decoding: tests/data/sample.bib
 * field by field, every accent and special character form, and the
 * messages for malformed entries.
 */
#include "unit.h"
#include "collect.h"

#include "import.h"
#include "latex.h"
#include "record.h"

struct latex_case {
	const char	*latex;
	const char	*text;
};

static const struct latex_case latex_cases[] = {
	{ "\\\"u", "ü" }, { "{\\\"u}", "ü" }, { "\\\"{u}", "ü" },
	{ "\\'e", "é" }, { "\\`e", "è" }, { "\\^e", "ê" }, { "\\~n", "ñ" },
	{ "\\c{c}", "ç" }, { "\\c c", "ç" }, { "\\v{s}", "š" },
	{ "\\u{g}", "ğ" }, { "\\H{o}", "ő" }, { "\\={a}", "ā" },
	{ "\\.{z}", "ż" }, { "\\r{a}", "å" }, { "\\k{a}", "ą" },
	{ "{\\ss}", "ß" }, { "{\\o}", "ø" }, { "{\\O}", "Ø" },
	{ "{\\ae}", "æ" }, { "{\\AE}", "Æ" }, { "{\\oe}", "œ" },
	{ "{\\aa}", "å" }, { "{\\AA}", "Å" }, { "{\\l}", "ł" },
	{ "{\\L}", "Ł" }, { "{\\i}", "ı" }, { "\\'{\\i}", "í" },
	{ "\\\"{\\i}", "ï" }, { "\\&", "&" }, { "\\%", "%" }, { "\\$", "$" },
	{ "\\#", "#" }, { "\\_", "_" }, { "\\{", "{" }, { "\\}", "}" },
	{ "a~b", "a b" }, { "1--2", "1–2" }, { "a---b", "a—b" },
	{ "``q''", "“q”" }, { "{DNA} and {RNA}", "DNA and RNA" },
	{ "\\emph{word}", "word" }, { "\\textbf{bold} x", "bold x" },
	{ "$\\alpha$-cells", "α-cells" }, { "\\ss x", "ßx" },
	{ "\\~{}", "~" }, { "\\unknown{x}", "\\unknownx" },
	{ "Schr\\\"odinger", "Schrödinger" }, { "\\'{E}cole", "École" },
	{ "\\textasciitilde{}", "~" }, { "\\textbackslash{}", "\\" },
};

static void
test_latex_decode_table(void **state)
{
	char	*text;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof latex_cases / sizeof latex_cases[0]; i++) {
		text = latex_decode(latex_cases[i].latex,
		    strlen(latex_cases[i].latex));
		print_message("case %zu: %s\n", i, latex_cases[i].latex);
		assert_string_equal(text, latex_cases[i].text);
		free(text);
	}
}

static void
test_latex_escape_round_trip(void **state)
{
	static const char *const texts[] = {
		"50% of $5 & #1 a_b {x} ~ ^ \\ ` end",
		"pages 1--2 and ``quotes'' -- ---",
		"Persian: مائده دهقان, Greek: α, accents: Müller École",
		"it's a \"quote\"",
		/* Unpaired braces, which BibTeX counts even when escaped. */
		"open { only", "close } only", "reversed }{ pair",
	};
	struct buf	 b;
	char		*back;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		buf_init(&b);
		latex_escape(&b, texts[i]);
		back = latex_decode(buf_str(&b), b.len);
		print_message("escaped: %s\n", buf_str(&b));
		assert_string_equal(back, texts[i]);
		free(back);
		buf_free(&b);
	}
}

static void
test_latex_escape_unpaired_braces(void **state)
{
	struct buf	b;

	(void)state;
	buf_init(&b);
	latex_escape(&b, "a{b");
	assert_string_equal(buf_str(&b), "a\\textbraceleft{}b");
	buf_free(&b);
	buf_init(&b);
	latex_escape(&b, "{a}");
	assert_string_equal(buf_str(&b), "\\{a\\}");
	buf_free(&b);
	assert_false(latex_braces_balanced("}{"));
	assert_true(latex_braces_balanced("{{}}"));
}

static void
test_bibtex_sample_file(void **state)
{
	struct collected	 c = { NULL, 0 };
	struct record		*r;
	char			*error;

	(void)state;
	assert_int_equal(parse_data_file(IMPORT_BIBTEX, "tests/data/sample.bib",
	    &c, &error), 0);
	assert_int_equal(c.n, 3);

	r = &c.records[0];
	assert_int_equal(r->line, 10);
	assert_string_equal(r->type, "article");
	assert_string_equal(r->source_id, "muller2020dna");
	assert_string_equal(r->title, "The DNA of naïve café — ça va?");
	assert_string_equal(r->journal, "Journal of Neural Networks");
	assert_int_equal(r->year, 2020);
	assert_string_equal(r->volume, "12");
	assert_string_equal(r->issue, "3");
	assert_string_equal(r->pages, "100-110");
	assert_string_equal(r->doi, "10.1000/xyz_123");
	assert_string_equal(r->url, "https://example.org/~user/a_b%20c");
	assert_string_equal(r->keywords, "neural networks; DNA");
	assert_string_equal(r->abstract,
	    "First line.\nSecond line with 50% of it.");
	assert_string_equal(r->extra,
	    "{\"month\":\"March\",\"note\":\"See ß and ø\"}");
	assert_string_equal(r->byline, "Müller, Hans and Jean-Paul Sartre and "
	    "Émile de la Fontaine and Smith, Jr, John and World Health "
	    "Organization and others");
	assert_int_equal(r->nauthors, 5);
	assert_string_equal(r->authors[0].family, "Müller");
	assert_string_equal(r->authors[0].given, "Hans");
	assert_string_equal(r->authors[1].family, "Sartre");
	assert_string_equal(r->authors[2].family, "de la Fontaine");
	assert_string_equal(r->authors[2].given, "Émile");
	assert_string_equal(r->authors[3].name, "John Smith, Jr");
	assert_string_equal(r->authors[4].name, "World Health Organization");
	assert_null(r->authors[4].family);

	r = &c.records[1];
	assert_int_equal(r->line, 29);
	assert_string_equal(r->type, "inproceedings");
	assert_string_equal(r->source_id, "dehghan2019");
	assert_string_equal(r->title,
	    "Persian names: \"quoted\" and italic");
	assert_string_equal(r->journal, "IEEE Conference");
	assert_int_equal(r->year, 2019);
	assert_string_equal(r->pages, "7");
	assert_int_equal(r->nauthors, 2);
	assert_string_equal(r->authors[0].family, "دهقان");
	assert_string_equal(r->authors[0].given, "مائده");
	assert_string_equal(r->authors[0].name, "مائده دهقان");

	r = &c.records[2];
	assert_int_equal(r->line, 37);
	assert_string_equal(r->type, "book");
	assert_string_equal(r->title, "A Ångström Book");
	assert_int_equal(r->year, 0);
	assert_string_equal(r->extra, "{\"year\":\"n.d.\"}");
	assert_string_equal(r->authors[0].family, "Plato");
	collected_free(&c);
}

struct error_case {
	const char	*bib;
	const char	*message;
};

static const struct error_case error_cases[] = {
	{ "@article{a,\n  title = {X},\n\n@article{b, title = {Y}}\n",
	  "f.bib:1: entry 'a' is not closed; add the missing '}'" },
	{ "@article{a,\n  title = {X}\n@article{b, title = {Y}}\n",
	  "f.bib:1: entry 'a' is not closed; add the missing '}'" },
	{ "\n\n@article{a, title = {X {unbalanced}\n",
	  "f.bib:3: entry 'a' is not closed; add the missing '}'" },
	{ "@article{a,\n title {X}}\n",
	  "f.bib:2: entry 'a' has a field 'title' with no '='; write it as "
	  "name = {value}" },
	{ "@article{a, title = foo}\n",
	  "f.bib:1: entry 'a' uses the undefined macro 'foo'; define it with "
	  "@string or write the value in braces" },
	{ "% c\n@article{a, year = 2000}\n",
	  "f.bib:2: record has no title; fix it or pass --skip-invalid" },
	{ "@article{a, title = {T}, year = {abc}}\n",
	  "f.bib:1: entry 'a' has year 'abc', which is not readable; write a "
	  "4-digit year or pass --skip-invalid" },
	{ "@article{a, title = {T} year = 2000}\n",
	  "f.bib:1: entry 'a' has 'y' where ',' or '}' should be; separate "
	  "the fields with commas" },
};

static void
test_bibtex_errors(void **state)
{
	struct collected	 c = { NULL, 0 };
	char			*error;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
		print_message("case %zu\n", i);
		assert_int_equal(parse_string(IMPORT_BIBTEX, "f.bib",
		    error_cases[i].bib, &c, &error), -1);
		assert_non_null(error);
		assert_string_equal(error, error_cases[i].message);
		free(error);
		collected_free(&c);
	}
}

static void
test_bibtex_skip_invalid(void **state)
{
	struct import_context	 ctx;
	struct collected	 c = { NULL, 0 };
	char			*error;
	const char		*bib =
	    "@article{a,\n  title = {X},\n"
	    "@article{b, title = {Y}}\n"
	    "@article{c, title = {Z {unbalanced}\n"
	    "@article{d, title = {W}}\n"
	    "@article{e, year = 1}\n";

	(void)state;
	memset(&ctx, 0, sizeof ctx);
	ctx.path = "s.bib";
	ctx.skip_invalid = true;
	ctx.quiet = true;
	assert_int_equal(parse_data(&ctx, IMPORT_BIBTEX, bib, strlen(bib), &c,
	    &error), 0);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.records[0].source_id, "b");
	assert_string_equal(c.records[1].source_id, "d");
	assert_int_equal(ctx.skipped, 3);
	collected_free(&c);
}

static void
test_bibtex_string_override_and_concat(void **state)
{
	struct collected	 c = { NULL, 0 };
	char			*error;
	const char		*bib =
	    "@string{jan = {Janvier}}\n"
	    "@misc{k, title = \"a\" # { b } # 2001, month = jan, "
	    "date = {1999-02-03}}\n"
	    "Some text with an address@example.org in it.\n"
	    "@misc{k2, title = {Empty fields}, volume = {}, }\n";

	(void)state;
	assert_int_equal(parse_string(IMPORT_BIBTEX, "m.bib", bib, &c, &error),
	    0);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.records[0].title, "a b 2001");
	assert_int_equal(c.records[0].year, 1999);
	assert_string_equal(c.records[0].type, "misc");
	assert_string_equal(c.records[0].extra,
	    "{\"month\":\"Janvier\",\"date\":\"1999-02-03\"}");
	assert_string_equal(c.records[1].title, "Empty fields");
	assert_string_equal(c.records[1].volume, "");
	collected_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_latex_decode_table),
		cmocka_unit_test(test_latex_escape_round_trip),
		cmocka_unit_test(test_latex_escape_unpaired_braces),
		cmocka_unit_test(test_bibtex_sample_file),
		cmocka_unit_test(test_bibtex_errors),
		cmocka_unit_test(test_bibtex_skip_invalid),
		cmocka_unit_test(test_bibtex_string_override_and_concat),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
