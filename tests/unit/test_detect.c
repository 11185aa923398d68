/*
 * Tests of format detection from content and of the format names.
 */
#include "unit.h"

#include "import.h"

struct detect_case {
	const char		*content;
	enum import_format	 format;
};

static const struct detect_case cases[] = {
	{ "@article{a, title={T}}", IMPORT_BIBTEX },
	{ "\xef\xbb\xbf% comment\n%another\n\n  @book{b,}", IMPORT_BIBTEX },
	{ "Some text\n@article{a, title={T}}", IMPORT_AUTO },
	{ "TY  - JOUR\nTI  - T\nER  - \n", IMPORT_RIS },
	{ "\xef\xbb\xbf\r\nTY  - JOUR\r\nER  - \r\n", IMPORT_RIS },
	{ "TY - JOUR\n", IMPORT_AUTO },
	{ "• Home\n      • Open Access Article\n\n"
	  "        1 - A title\n        Some Author\n"
	  "        Teaser text More\n        Full abstract. Manuscript profile\n",
	  IMPORT_LISTING },
	/* A damaged listing still goes to the listing reader for its message. */
	{ "        1 - A title\n        Teaser text More\n", IMPORT_LISTING },
	{ "1 - A title\nAda Lovelace\n", IMPORT_LISTING },
	{ "Dear editor,\nplease find attached our paper.\n", IMPORT_AUTO },
	{ "\"author\",\"title\",\"year\"\n\"A\",\"T\",2000\n", IMPORT_CSV },
	{ "ID,Title,Year\n", IMPORT_CSV },
	{ "title;authors;year\nT;A;2000\n", IMPORT_CSV },
	{ "id\tTITLE\tyear\n1\tT\t2000\n", IMPORT_TSV },
	{ "name,age\nx,1\n", IMPORT_AUTO },
	/* A RIS record quoted in a CSV field does not make the file RIS. */
	{ "title,abstract\nT,\"quoting\nTY  - JOUR\nTI  - F\nER  - \n\"\n",
	  IMPORT_CSV },
	{ "title\tabstract\nT\tx\nTY  - JOUR\tx\n", IMPORT_TSV },
	{ "just some words\n", IMPORT_AUTO },
	{ "", IMPORT_AUTO },
};

static void
test_detect_table(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		print_message("case %zu\n", i);
		assert_int_equal(import_detect(cases[i].content,
		    strlen(cases[i].content)), cases[i].format);
	}
}

static void
test_detect_bundled_listing(void **state)
{
	FILE	*fp;
	char	 data[8192];
	size_t	 len;

	(void)state;
	fp = fopen(unit_data_path("data/neural-networks-listing.txt"), "rb");
	assert_non_null(fp);
	len = fread(data, 1, sizeof data, fp);
	fclose(fp);
	assert_int_equal(import_detect(data, len), IMPORT_LISTING);
}

static void
test_detect_format_names(void **state)
{
	(void)state;
	assert_int_equal(import_format_from_name("csv"), IMPORT_CSV);
	assert_int_equal(import_format_from_name("TSV"), IMPORT_TSV);
	assert_int_equal(import_format_from_name("bibtex"), IMPORT_BIBTEX);
	assert_int_equal(import_format_from_name("bib"), IMPORT_BIBTEX);
	assert_int_equal(import_format_from_name("ris"), IMPORT_RIS);
	assert_int_equal(import_format_from_name("listing"), IMPORT_LISTING);
	assert_int_equal(import_format_from_name("auto"), IMPORT_AUTO);
	assert_int_equal(import_format_from_name("xml"), -1);
	assert_string_equal(import_format_name(IMPORT_BIBTEX), "bibtex");
	assert_string_equal(import_format_name(IMPORT_LISTING), "listing");
	assert_string_equal(import_format_name(IMPORT_AUTO), "auto");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect_table),
		cmocka_unit_test(test_detect_bundled_listing),
		cmocka_unit_test(test_detect_format_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
