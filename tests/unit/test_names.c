/*
 * Tests of author-list parsing: every style names.h lists, with the
 * names as sources print them.
 */
#include "unit.h"

#include "latex.h"
#include "names.h"
#include "record.h"

struct expected_person {
	const char	*name;
	const char	*given;
	const char	*family;
};

struct names_case {
	const char		*input;
	enum names_style	 style;
	size_t			 n;
	struct expected_person	 people[4];
};

static const struct names_case cases[] = {
	{ "Zuna, R E and Wang, S S and Schiffman, M", NAMES_AUTO, 3, {
		{ "R E Zuna", "R E", "Zuna" },
		{ "S S Wang", "S S", "Wang" },
		{ "M Schiffman", "M", "Schiffman" } } },
	{ "Jean-Paul Sartre AND Emile de la Fontaine", NAMES_BIBTEX, 2, {
		{ "Jean-Paul Sartre", "Jean-Paul", "Sartre" },
		{ "Emile de la Fontaine", "Emile", "de la Fontaine" } } },
	{ "de la Fontaine, Jean and van Beethoven, Ludwig", NAMES_AUTO, 2, {
		{ "Jean de la Fontaine", "Jean", "de la Fontaine" },
		{ "Ludwig van Beethoven", "Ludwig", "van Beethoven" } } },
	{ "Smith, Jr, John and {World Health Organization}", NAMES_AUTO, 2, {
		{ "John Smith, Jr", "John", "Smith" },
		{ "World Health Organization", NULL, NULL } } },
	{ "{Barnes and Noble, Inc.} and Doe, Jane", NAMES_AUTO, 2, {
		{ "Barnes and Noble, Inc.", NULL, NULL },
		{ "Jane Doe", "Jane", "Doe" } } },
	{ "Ziegler, T. R.; Zhou, Xiangdong; Jane Roe", NAMES_AUTO, 3, {
		{ "T. R. Ziegler", "T. R.", "Ziegler" },
		{ "Xiangdong Zhou", "Xiangdong", "Zhou" },
		{ "Jane Roe", "Jane", "Roe" } } },
	{ "John Smith, Mary Ann Jones", NAMES_AUTO, 2, {
		{ "John Smith", "John", "Smith" },
		{ "Mary Ann Jones", "Mary Ann", "Jones" } } },
	{ "Smith JA, Jones K, Lee", NAMES_AUTO, 3, {
		{ "Smith JA", "JA", "Smith" },
		{ "Jones K", "K", "Jones" },
		{ "Lee", NULL, "Lee" } } },
	{ "Smith, J., Jones, K.", NAMES_COMMA, 2, {
		{ "J. Smith", "J.", "Smith" },
		{ "K. Jones", "K.", "Jones" } } },
	{ "Smith, John", NAMES_AUTO, 1, {
		{ "John Smith", "John", "Smith" } } },
	{ "Adeli K.Lewis G. F.", NAMES_AUTO, 2, {
		{ "Adeli K.", "K.", "Adeli" },
		{ "Lewis G. F.", "G. F.", "Lewis" } } },
	{ "Westergren H.El Hachmane M.Gan L. M.Jonsson-Rylander A. C.",
	  NAMES_RUN_TOGETHER, 4, {
		{ "Westergren H.", "H.", "Westergren" },
		{ "El Hachmane M.", "M.", "El Hachmane" },
		{ "Gan L. M.", "L. M.", "Gan" },
		{ "Jonsson-Rylander A. C.", "A. C.", "Jonsson-Rylander" } } },
	{ "Toet K.van der Werff van der Vat B.O'Sullivan M.", NAMES_AUTO, 3, {
		{ "Toet K.", "K.", "Toet" },
		{ "van der Werff van der Vat B.", "B.", "van der Werff van der Vat" },
		{ "O'Sullivan M.", "M.", "O'Sullivan" } } },
	{ "Anonymous", NAMES_AUTO, 1, {
		{ "Anonymous", NULL, "Anonymous" } } },
	{ "مائده دهقان", NAMES_AUTO, 1, {
		{ "مائده دهقان", "مائده", "دهقان" } } },
	{ "دهقان, مائده; Seyed Ali ansarmohammadi", NAMES_AUTO, 2, {
		{ "مائده دهقان", "مائده", "دهقان" },
		{ "Seyed Ali ansarmohammadi", "Seyed Ali", "ansarmohammadi" } } },
	{ "Smith, John, III", NAMES_ONE, 1, {
		{ "John Smith, III", "John", "Smith" } } },
	{ "El Hachmane,", NAMES_AUTO, 1, {
		{ "El Hachmane", NULL, "El Hachmane" } } },
	{ "", NAMES_AUTO, 0, { { NULL, NULL, NULL } } },
};

static void
check_person(const struct person *got, const struct expected_person *want)
{
	assert_string_equal(got->name, want->name);
	if (want->given == NULL)
		assert_null(got->given);
	else
		assert_string_equal(got->given, want->given);
	if (want->family == NULL)
		assert_null(got->family);
	else
		assert_string_equal(got->family, want->family);
}

static void
test_names_table(void **state)
{
	struct record	r;
	size_t		i, j, added;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		record_init(&r);
		added = names_parse_list(&r, cases[i].input, cases[i].style);
		print_message("case %zu: %s\n", i, cases[i].input);
		assert_int_equal(added, cases[i].n);
		assert_int_equal(r.nauthors, cases[i].n);
		for (j = 0; j < cases[i].n; j++)
			check_person(&r.authors[j], &cases[i].people[j]);
		record_clear(&r);
	}
}

static void
test_names_guess_style(void **state)
{
	(void)state;
	assert_int_equal(names_guess_style("A, B and C, D"), NAMES_BIBTEX);
	assert_int_equal(names_guess_style("{Smith and Sons}"), NAMES_ONE);
	assert_int_equal(names_guess_style("A, B; C, D"), NAMES_SEMICOLON);
	assert_int_equal(names_guess_style("Adeli K.Lewis G. F."),
	    NAMES_RUN_TOGETHER);
	assert_int_equal(names_guess_style("Lewis G. F."), NAMES_ONE);
	assert_int_equal(names_guess_style("John Smith, Jane Doe"),
	    NAMES_COMMA);
	assert_int_equal(names_guess_style("J.-P. Sartre"), NAMES_ONE);
}

static char *
decode_part(const char *s, size_t len, void *arg)
{
	(void)arg;
	return latex_decode(s, len);
}

static void
test_names_bibtex_decode(void **state)
{
	struct record	r;
	size_t		added;

	(void)state;
	record_init(&r);
	added = names_parse_bibtex(&r,
	    "M{\\\"u}ller, Hans and {\\'E}mile Zola and Ch{\\^a}teau, "
	    "Jean~Paul and others", decode_part, NULL);
	assert_int_equal(added, 3);
	assert_string_equal(r.authors[0].family, "Müller");
	assert_string_equal(r.authors[0].given, "Hans");
	assert_string_equal(r.authors[1].given, "Émile");
	assert_string_equal(r.authors[1].family, "Zola");
	assert_string_equal(r.authors[2].family, "Château");
	assert_string_equal(r.authors[2].given, "Jean Paul");
	record_clear(&r);
}

static void
test_names_von_special_char(void **state)
{
	struct record	r;

	(void)state;
	record_init(&r);
	names_parse_bibtex(&r, "Jean {\\\"u}ber Alles", decode_part, NULL);
	assert_int_equal(r.nauthors, 1);
	assert_string_equal(r.authors[0].given, "Jean");
	assert_string_equal(r.authors[0].family, "über Alles");
	record_clear(&r);
}

static void
test_names_suffix(void **state)
{
	struct record	 r;
	char		*suffix;

	(void)state;
	record_init(&r);
	names_parse_list(&r, "Smith, Jr, John and Doe, Jane", NAMES_BIBTEX);
	suffix = names_suffix(&r.authors[0]);
	assert_non_null(suffix);
	assert_string_equal(suffix, "Jr");
	free(suffix);
	assert_null(names_suffix(&r.authors[1]));
	record_clear(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_table),
		cmocka_unit_test(test_names_guess_style),
		cmocka_unit_test(test_names_bibtex_decode),
		cmocka_unit_test(test_names_von_special_char),
		cmocka_unit_test(test_names_suffix),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
