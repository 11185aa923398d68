/*
 * Tests of the RIS reader: tests/data/sample.ris field by field, CRLF and
 * a byte-order mark, continuation lines, and the messages for records
 * that are not closed.
 */
#include "unit.h"
#include "collect.h"

#include "import.h"
#include "record.h"

static void
test_ris_sample_file(void **state)
{
	struct collected	 c = { NULL, 0 };
	struct record		*r;
	char			*error;

	(void)state;
	assert_int_equal(parse_data_file(IMPORT_RIS, "tests/data/sample.ris",
	    &c, &error), 0);
	assert_int_equal(c.n, 2);

	r = &c.records[0];
	assert_int_equal(r->line, 1);
	assert_string_equal(r->type, "article");
	assert_int_equal(r->nauthors, 2);
	assert_string_equal(r->authors[0].family, "دهقان");
	assert_string_equal(r->authors[0].given, "مائده");
	assert_string_equal(r->authors[1].family, "Shafiei Nikabadi");
	assert_string_equal(r->authors[1].given, "Mohsen");
	assert_string_equal(r->byline,
	    "دهقان, مائده; Shafiei Nikabadi, Mohsen");
	assert_string_equal(r->title, "Identify and assess the relative "
	    "importance of knowledge management strategies");
	/* JF, the full name, wins over JA, the abbreviation. */
	assert_string_equal(r->journal, "Journal of Neural Networks");
	assert_int_equal(r->year, 2019);
	assert_string_equal(r->volume, "12");
	assert_string_equal(r->issue, "3");
	assert_string_equal(r->pages, "45-67");
	assert_string_equal(r->doi, "10.1000/abc");
	assert_string_equal(r->abstract,
	    "First line of the abstract.\nSecond line of the abstract.");
	assert_string_equal(r->keywords, "knowledge management; ANN");
	assert_string_equal(r->isbn, "1234-5678");
	assert_string_equal(r->url, "https://example.org/a");
	assert_string_equal(r->source_id, "nn-1");
	assert_string_equal(r->extra, "{\"A2\":\"Editor, Ed\","
	    "\"JA\":\"J. Neural Netw.\",\"PB\":\"Example Press\"}");

	r = &c.records[1];
	assert_int_equal(r->line, 25);
	assert_string_equal(r->type, "inproceedings");
	assert_string_equal(r->title, "A conference paper");
	assert_string_equal(r->journal, "Proceedings of Tests");
	assert_int_equal(r->year, 2020);
	assert_int_equal(r->nauthors, 1);
	assert_string_equal(r->authors[0].name, "John Smith, Jr");
	assert_null(r->extra);
	collected_free(&c);
}

static void
test_ris_crlf_and_bom(void **state)
{
	struct collected	 c = { NULL, 0 };
	char			*error;

	(void)state;
	assert_int_equal(parse_data_file(IMPORT_RIS,
	    "tests/data/sample-crlf.ris", &c, &error), 0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.records[0].title, "Magazine piece");
	assert_int_equal(c.records[0].year, 2018);
	assert_string_equal(c.records[0].type, "article");
	/* MGZN is kept, since "article" would come back as JOUR. */
	assert_string_equal(c.records[0].extra, "{\"TY\":\"MGZN\"}");
	assert_string_equal(c.records[0].authors[0].family, "Doe");
	collected_free(&c);
}

static void
test_ris_only_editors(void **state)
{
	struct collected	 c = { NULL, 0 };
	char			*error;
	const char		*ris = "TY  - BOOK\nA2  - Roe, Jane\n"
	    "TI  - Edited book\nER  - \n";

	(void)state;
	assert_int_equal(parse_string(IMPORT_RIS, "e.ris", ris, &c, &error),
	    0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.records[0].type, "book");
	assert_int_equal(c.records[0].nauthors, 1);
	assert_string_equal(c.records[0].authors[0].family, "Roe");
	collected_free(&c);
}

static void
test_ris_missing_er(void **state)
{
	struct import_context	 ctx;
	struct collected	 c = { NULL, 0 };
	char			*error;
	const char		*at_end = "TY  - JOUR\nTI  - One\nER  - \n\n"
	    "TY  - JOUR\nTI  - Two\n";
	const char		*before_ty = "TY  - JOUR\nTI  - One\n"
	    "TY  - JOUR\nTI  - Two\nER  - \n";

	(void)state;
	assert_int_equal(parse_string(IMPORT_RIS, "m.ris", at_end, &c,
	    &error), -1);
	assert_string_equal(error, "m.ris:5: record is not closed; add an "
	    "'ER  - ' line at its end");
	free(error);
	collected_free(&c);

	assert_int_equal(parse_string(IMPORT_RIS, "m.ris", before_ty, &c,
	    &error), -1);
	assert_string_equal(error, "m.ris:1: record is not closed; add an "
	    "'ER  - ' line before line 3");
	free(error);
	collected_free(&c);

	memset(&ctx, 0, sizeof ctx);
	ctx.path = "m.ris";
	ctx.skip_invalid = true;
	ctx.quiet = true;
	assert_int_equal(parse_data(&ctx, IMPORT_RIS, before_ty,
	    strlen(before_ty), &c, &error), 0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.records[0].title, "Two");
	assert_int_equal(ctx.skipped, 1);
	collected_free(&c);
}

static void
test_ris_other_errors(void **state)
{
	struct collected	 c = { NULL, 0 };
	char			*error;

	(void)state;
	assert_int_equal(parse_string(IMPORT_RIS, "o.ris",
	    "AU  - Doe, J.\nTY  - JOUR\nTI  - T\nER  - \n", &c, &error), -1);
	assert_string_equal(error, "o.ris:1: tag 'AU' is outside a record; "
	    "start each record with a 'TY  - ' line");
	free(error);
	collected_free(&c);

	assert_int_equal(parse_string(IMPORT_RIS, "o.ris",
	    "TY  - JOUR\nAU  - Doe, J.\nER  - \n", &c, &error), -1);
	assert_string_equal(error,
	    "o.ris:1: record has no title; fix it or pass --skip-invalid");
	free(error);
	collected_free(&c);

	assert_int_equal(parse_string(IMPORT_RIS, "o.ris",
	    "TY  - JOUR\nTI  - T\nPY  - soon\nER  - \n", &c, &error), -1);
	assert_string_equal(error, "o.ris:1: year 'soon' on line 3 is not "
	    "readable; write a 4-digit year or pass --skip-invalid");
	free(error);
	collected_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ris_sample_file),
		cmocka_unit_test(test_ris_crlf_and_bom),
		cmocka_unit_test(test_ris_only_editors),
		cmocka_unit_test(test_ris_missing_er),
		cmocka_unit_test(test_ris_other_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
