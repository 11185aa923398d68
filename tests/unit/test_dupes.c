/*
 * Unit tests of duplicate detection (dupes.h): one pair that must match
 * and one that must not for each normalisation and each guard, items 14
 * and 17 of the bundled catalogue, clustering and the word diff.
 *
 * The pairs were written for these tests; items 14 and 17 are copied by
 * hand from data/neural-networks-listing.txt.
 */
#include "unit.h"

#include "buf.h"
#include "dupes.h"
#include "dupes_key.h"
#include "record.h"

/* A record written as strings; authors are separated by "; ". */
struct spec {
	const char	*title;
	const char	*authors;
	int		 year;
	const char	*journal;
	const char	*volume;
	const char	*issue;
	const char	*pages;
	const char	*doi;
	const char	*abstract;
};

static void
build(struct record *r, const struct spec *s)
{
	const char	*p, *end;
	char		 name[256];
	size_t		 len;

	record_init(r);
	record_set(&r->title, s->title);
	record_set(&r->journal, s->journal);
	record_set(&r->volume, s->volume);
	record_set(&r->issue, s->issue);
	record_set(&r->pages, s->pages);
	record_set(&r->doi, s->doi);
	record_set(&r->abstract, s->abstract);
	r->year = s->year;
	for (p = s->authors; p != NULL && *p != '\0'; p = *end ? end + 2 : end) {
		end = strstr(p, "; ");
		if (end == NULL)
			end = p + strlen(p);
		len = (size_t)(end - p);
		snprintf(name, sizeof name, "%.*s", (int)len, p);
		record_add_author(r, name, NULL, NULL);
	}
}

/* Compares two specs and returns the decision; *m is freed by the caller. */
static bool
compare_specs(const struct spec *a, const struct spec *b, struct dupes_match *m)
{
	struct record	ra, rb;

	build(&ra, a);
	build(&rb, b);
	dupes_compare(&ra, &rb, m);
	record_clear(&ra);
	record_clear(&rb);
	return m->duplicate;
}

static bool
is_duplicate(const struct spec *a, const struct spec *b)
{
	struct dupes_match	m;
	bool			dup;

	dup = compare_specs(a, b, &m);
	dupes_match_free(&m);
	return dup;
}

static enum dupes_verdict
verdict(const struct spec *a, const struct spec *b, enum dupes_field f)
{
	struct dupes_match	m;
	enum dupes_verdict	v;

	compare_specs(a, b, &m);
	v = m.reasons[f].verdict;
	dupes_match_free(&m);
	return v;
}

/* Returns the reason text of field f, allocated. */
static char *
reason(const struct spec *a, const struct spec *b, enum dupes_field f)
{
	struct dupes_match	 m;
	char			*text;

	compare_specs(a, b, &m);
	text = strdup(m.reasons[f].text);
	dupes_match_free(&m);
	return text;
}

#define ABSTRACT_14 \
	"Deep neural networks (DNNs) have achieved great interest due to " \
	"their success in various applications. However, the computation " \
	"complexity and memory size are considered to be the main obstacles " \
	"for implementing such models on embedded devices with limited " \
	"memory and computational resources. Network compression techniques " \
	"can overcome these challenges. Quantization and pruning methods are " \
	"the most important compression techniques among them. One of the " \
	"famous quantization methods in DNNs is the multi-level binary " \
	"quantization, which not only exploits simple bit-wise logical " \
	"operations, but also reduces the accuracy gap between binary neural " \
	"networks and full precision DNNs. Since, multi-level binary " \
	"can\xe2\x80\x99t represent the zero value, this quantization "
#define ABSTRACT_14_END \
	" take advantage of sparsity. On the other hand, it has been shown " \
	"that DNNs are sparse, and by pruning the parameters of the DNNs, the " \
	"amount of data storage in memory is reduced while computation " \
	"speedup is also achieved."

static const struct spec item14 = {
	.title = "Multi-level ternary quantization for improving sparsity and "
	    "computation in embedded deep neural networks",
	.authors = "Hosna Manavi Mofrad; Seyed Ali ansarmohammadi; Mostafa Salehi",
	.abstract = ABSTRACT_14 "does\xe2\x80\x99nt" ABSTRACT_14_END,
};

static const struct spec item17 = {
	.title = "Multi-Level Ternary Quantization for Improving Sparsity and "
	    "Computation in Embedded Deep Neural Networks",
	.authors = "Hosna Manavi Mofrad; ali ansarmohammadi; Mostafa Salehi",
	.abstract = ABSTRACT_14 "does not" ABSTRACT_14_END,
};

/* Other neural-network papers, none a duplicate of item 14. */
static const struct spec other_nn[] = {
	{ .title = "Multi-level binary quantization for sparse embedded deep "
	    "neural networks",
	    .authors = "Hosna Manavi Mofrad; Mostafa Salehi" },
	{ .title = "A survey of deep learning approaches for medical image "
	    "analysis",
	    .authors = "Jenifer S; Carmel Mary Belinda M J" },
	{ .title = "Multi-level ternary quantization for improving sparsity and "
	    "computation in embedded deep neural networks",
	    .authors = "Reza Karimi; Sara Ahmadi" },
	{ .title = "Pruning convolutional neural networks for embedded devices",
	    .authors = "Hosna Manavi Mofrad; Seyed Ali ansarmohammadi; Mostafa Salehi" },
};

static void
test_items_14_and_17_match(void **state)
{
	(void)state;
	assert_true(is_duplicate(&item14, &item17));
}

static void
test_items_14_and_17_reasons(void **state)
{
	char	*text;

	(void)state;
	text = reason(&item14, &item17, DUPES_TITLE);
	assert_string_equal(text, "title: same after case folding");
	free(text);
	text = reason(&item14, &item17, DUPES_AUTHORS);
	assert_string_equal(text, "authors: 3 of 3 agree; "
	    "'Seyed Ali ansarmohammadi' vs 'ali ansarmohammadi': "
	    "dropped given name 'Seyed'");
	free(text);
	assert_int_equal(verdict(&item14, &item17, DUPES_ABSTRACT), DUPES_SAME);
}

static void
test_other_nn_papers_differ(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof other_nn / sizeof other_nn[0]; i++) {
		assert_false(is_duplicate(&item14, &other_nn[i]));
		assert_false(is_duplicate(&item17, &other_nn[i]));
	}
}

/* A well-filled record that the pairs below vary. */
static const struct spec base = {
	.title = "Sleep duration and glycaemic control in adolescents with "
	    "type 1 diabetes",
	.authors = "Laura M. Jensen; Peter K. Olsen; Anna Berg",
	.year = 2015,
	.journal = "Diabetic Medicine",
	.volume = "32",
	.issue = "4",
	.pages = "512-519",
	.doi = "10.1111/dme.12001",
};

static void
test_title_case_and_markup(void **state)
{
	struct spec	a = base, b = base, c = base;

	(void)state;
	b.title = "SLEEP DURATION AND <i>GLYCAEMIC</i> CONTROL IN ADOLESCENTS "
	    "WITH TYPE 1 DIABETES.";
	assert_int_equal(verdict(&a, &b, DUPES_TITLE), DUPES_SAME);
	assert_true(is_duplicate(&a, &b));
	c.title = "Sleep duration and glycaemic control in adults with type 1 "
	    "diabetes on insulin pumps";
	c.doi = NULL;
	c.pages = "601-609";
	assert_false(is_duplicate(&a, &c));
}

static void
test_html_entities(void **state)
{
	struct spec	a = base, b = base, c = base;

	(void)state;
	a.title = "Caf\xc3\xa9 workers & shift work: sleep and "
	    "H<sub>2</sub>O intake";
	b.title = "Caf&#233; workers &amp; shift work: sleep and H2O intake";
	c.title = "Caf&#x00E9; workers &amp; shift work: sleep and H2O intake";
	assert_int_equal(verdict(&a, &b, DUPES_TITLE), DUPES_SAME);
	assert_int_equal(verdict(&a, &c, DUPES_TITLE), DUPES_SAME);
	c.title = "Caf&#233; workers &amp; shift work: sleep and H3O intake";
	assert_int_equal(verdict(&a, &c, DUPES_TITLE), DUPES_CONFLICT);
}

static void
test_fold_words(void **state)
{
	struct buf	b;

	(void)state;
	buf_init(&b);
	dupes_fold_words("\xc3\x89tude  de la R\xc3\xa9gion, <b>Part</b> "
	    "&lt;II&gt; don't", &b);
	assert_string_equal(buf_str(&b), "etude de la region part ii dont");
	buf_free(&b);
}

static void
test_authors_initials(void **state)
{
	struct spec	a = base, b = base;

	(void)state;
	b.authors = "Jensen, L. M.; Olsen PK; Berg, A";
	b.doi = NULL;
	assert_int_equal(verdict(&a, &b, DUPES_AUTHORS), DUPES_SIMILAR);
	assert_true(is_duplicate(&a, &b));
}

static void
test_authors_other_given_names(void **state)
{
	struct spec	a = base, b = base;

	(void)state;
	a.authors = "John Carter";
	b.authors = "James Carter";
	b.doi = NULL;
	assert_int_equal(verdict(&a, &b, DUPES_AUTHORS), DUPES_CONFLICT);
	assert_false(is_duplicate(&a, &b));
}

static void
test_authors_order_and_particles(void **state)
{
	struct spec	a = base, b = base;

	(void)state;
	a.authors = "Ludwig van Beethoven; Juan Mac\xc3\xad" "as-D\xc3\xad"
	    "az; Anna Berg";
	b.authors = "Berg, A.; Beethoven, L.; Mac\xc3\xad" "as D\xc3\xad" "az, J.";
	b.doi = NULL;
	assert_int_equal(verdict(&a, &b, DUPES_AUTHORS), DUPES_SIMILAR);
	assert_true(is_duplicate(&a, &b));
}

static void
test_same_title_other_authors(void **state)
{
	struct spec	a = base, b = base;

	(void)state;
	b.authors = "Maria Rossi; Luca Bianchi; Paolo Verdi";
	b.doi = NULL;
	b.pages = NULL;
	assert_false(is_duplicate(&a, &b));
}

static void
test_year_online_first(void **state)
{
	struct spec	a = base, b = base;

	(void)state;
	b.year = 2014;
	b.volume = NULL;
	b.issue = NULL;
	b.pages = "1-8";
	b.doi = "https://doi.org/10.1111/DME.12001";
	assert_true(is_duplicate(&a, &b));
	/* Without the DOI, a year apart needs online-first pages: here 1-8. */
	b.doi = NULL;
	assert_true(is_duplicate(&a, &b));
	b.pages = NULL;
	assert_false(is_duplicate(&a, &b));
}

static void
test_year_distant(void **state)
{
	struct spec	a = base, b = base;

	(void)state;
	b.year = 2018;
	b.doi = NULL;
	assert_int_equal(verdict(&a, &b, DUPES_YEAR), DUPES_CONFLICT);
	assert_false(is_duplicate(&a, &b));
}

static void
test_journal_abbreviation(void **state)
{
	struct spec	a = base, b = base;

	(void)state;
	a.journal = "Journal of Clinical Endocrinology and Metabolism";
	b.journal = "J Clin Endocrinol Metab";
	b.doi = NULL;
	assert_int_equal(verdict(&a, &b, DUPES_JOURNAL), DUPES_SIMILAR);
	assert_true(is_duplicate(&a, &b));
	b.journal = "JCEM";
	assert_int_equal(verdict(&a, &b, DUPES_JOURNAL), DUPES_SIMILAR);
	b.journal = "Clinical Endocrinology";
	assert_int_equal(verdict(&a, &b, DUPES_JOURNAL), DUPES_CONFLICT);
}

static void
test_journal_vs_workshop(void **state)
{
	struct spec	a = { 0 }, b;

	(void)state;
	a.title = "Adaptive caching for mobile edge analytics";
	a.authors = "Tomas Novak";
	a.year = 2021;
	a.journal = "Journal of Edge Computing";
	b = a;
	b.journal = "Workshop on Edge Computing";
	assert_int_equal(verdict(&a, &b, DUPES_JOURNAL), DUPES_CONFLICT);
	assert_false(is_duplicate(&a, &b));
	b.journal = "J Edge Comput";
	assert_true(is_duplicate(&a, &b));
}

static void
test_journal_qualifiers(void **state)
{
	struct spec	a = base, b = base;

	(void)state;
	b.doi = NULL;
	a.journal = "BMJ (Clinical research ed.)";
	b.journal = "BMJ (Online)";
	assert_int_equal(verdict(&a, &b, DUPES_JOURNAL), DUPES_SAME);
	b.journal = "BMJ";
	assert_int_equal(verdict(&a, &b, DUPES_JOURNAL), DUPES_SAME);
	a.journal = "Sleep Medicine (Philadelphia)";
	b.journal = "Sleep Medicine (Amsterdam)";
	assert_int_equal(verdict(&a, &b, DUPES_JOURNAL), DUPES_CONFLICT);
}

static void
test_pages_elided(void **state)
{
	struct spec	a = base, b = base;

	(void)state;
	a.pages = "244-258";
	b.pages = "244-58";
	assert_int_equal(verdict(&a, &b, DUPES_PAGES), DUPES_SAME);
	b.pages = "244\xe2\x80\x93" "58";
	assert_int_equal(verdict(&a, &b, DUPES_PAGES), DUPES_SAME);
	b.pages = "S244";
	assert_int_equal(verdict(&a, &b, DUPES_PAGES), DUPES_CONFLICT);
}

static void
test_conference_abstract_vs_paper(void **state)
{
	struct spec	a = base, b = base;

	(void)state;
	a.doi = NULL;
	b.doi = NULL;
	b.journal = "Diabetes";
	b.volume = "64";
	b.issue = "Suppl 1";
	b.pages = "A123";
	assert_false(is_duplicate(&a, &b));
	/* The same journal, supplement pages against the full paper's. */
	b.journal = a.journal;
	b.volume = a.volume;
	b.pages = "S12";
	assert_false(is_duplicate(&a, &b));
}

static void
test_doi_forms(void **state)
{
	static const char *const forms[] = {
		"doi:10.1111/DME.12001", "https://doi.org/10.1111/dme.12001",
		"http://dx.doi.org/10.1111/dme.12001.",
		"10.1111%2Fdme.12001", "DOI: 10.1111/dme.12001;",
	};
	struct spec	a = base, b = base;
	size_t		i;
	char		*text;

	(void)state;
	for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		b.doi = forms[i];
		assert_int_equal(verdict(&a, &b, DUPES_DOI), DUPES_SAME);
	}
	text = reason(&a, &b, DUPES_DOI);
	assert_string_equal(text, "doi: same DOI in different forms");
	free(text);
	b.doi = "10.1111/dme.12002";
	b.pages = "520-527";
	assert_int_equal(verdict(&a, &b, DUPES_DOI), DUPES_CONFLICT);
	assert_false(is_duplicate(&a, &b));
}

static void
test_doi_typo_outvoted(void **state)
{
	struct spec	a = base, b = base;

	(void)state;
	/* Title, authors, year, journal, volume and first page all agree. */
	b.doi = "10.1111/dme.12002";
	assert_true(is_duplicate(&a, &b));
	b.year = 2014;
	assert_false(is_duplicate(&a, &b));
}

static void
test_doi_normalize(void **state)
{
	struct buf	b;
	int		version;

	(void)state;
	buf_init(&b);
	assert_true(dupes_doi_normalize("https://doi.org/10.1002/14651858."
	    "CD002273.pub3", &b, &version));
	assert_string_equal(buf_str(&b), "10.1002/14651858.cd002273");
	assert_int_equal(version, 3);
	buf_clear(&b);
	assert_false(dupes_doi_normalize("not available", &b, &version));
	buf_free(&b);
}

static void
test_generic_titles(void **state)
{
	struct spec	a = { 0 }, b;

	(void)state;
	a.title = "Editorial";
	a.authors = "Helen Ward";
	a.year = 2019;
	a.journal = "Nursing Open";
	a.volume = "6";
	a.pages = "3";
	b = a;
	b.pages = "1201";
	b.volume = "6";
	assert_false(is_duplicate(&a, &b));
	b.pages = NULL;
	assert_false(is_duplicate(&a, &b));
	b = a;
	a.doi = "10.1002/nop2.300";
	b.doi = "10.1002/nop2.300";
	assert_true(is_duplicate(&a, &b));
	b.doi = "10.1002/nop2.301";
	assert_false(is_duplicate(&a, &b));
}

static void
test_title_numbers(void **state)
{
	struct spec	a = base, b = base;

	(void)state;
	a.doi = b.doi = NULL;
	a.pages = b.pages = NULL;
	a.title = "Outcomes of bariatric surgery, part I: weight loss";
	b.title = "Outcomes of bariatric surgery, part II: weight loss";
	assert_false(is_duplicate(&a, &b));
	a.title = "A phase 2 trial of oral semaglutide in obesity";
	b.title = "A phase 3 trial of oral semaglutide in obesity";
	assert_false(is_duplicate(&a, &b));
	a.title = "Insulin pumps in type II diabetes: a cohort study";
	b.title = "Insulin pumps in type 2 diabetes: a cohort study";
	assert_true(is_duplicate(&a, &b));
	a.title = "CD4 counts in treated adolescents with HIV infection";
	b.title = "CD8 counts in treated adolescents with HIV infection";
	assert_false(is_duplicate(&a, &b));
}

static void
test_errata_comments_replies(void **state)
{
	static const char *const prefixes[] = {
		"Erratum: ", "Correction to: ", "Comment on: ", "Re: ",
		"Reply to: ", "Response to: ", "Retraction note: ",
	};
	struct spec	a = base, b = base;
	char		title[512];
	size_t		i;

	(void)state;
	a.doi = b.doi = NULL;
	a.pages = b.pages = NULL;
	for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
		snprintf(title, sizeof title, "%s%s", prefixes[i], base.title);
		b.title = title;
		assert_false(is_duplicate(&a, &b));
		a.title = title;
		assert_true(is_duplicate(&a, &b));
		a.title = base.title;
	}
}

static void
test_chapters_sharing_doi(void **state)
{
	struct spec	a = { 0 }, b;

	(void)state;
	a.title = "Measuring blood pressure at home";
	a.authors = "Emma Stone";
	a.year = 2012;
	a.doi = "10.1007/978-1-4614-1234-5";
	a.pages = "11-25";
	b = a;
	b.title = "Blood pressure targets in older adults";
	b.pages = "27-40";
	assert_false(is_duplicate(&a, &b));
}

static void
test_missing_fields_neutral(void **state)
{
	struct spec	a = base, b = { 0 };

	(void)state;
	b.title = base.title;
	b.authors = "L. Jensen; P. Olsen; A. Berg";
	b.year = 2015;
	assert_int_equal(verdict(&a, &b, DUPES_DOI), DUPES_MISSING);
	assert_true(is_duplicate(&a, &b));
	b.year = 0;
	assert_false(is_duplicate(&a, &b));
}

static void
test_lost_letters(void **state)
{
	struct spec	 a = base, b = base;
	char		*text;

	(void)state;
	a.doi = b.doi = NULL;
	a.title = "Essai de phase 2 du Groupe fran\xc3\xa7" "ais de "
	    "pneumo-canc\xc3\xa9rologie sur le sommeil";
	b.title = "Essai de phase 2 du Groupe fran?ais de pneumo-canc?rologie "
	    "sur le sommeil";
	assert_int_equal(verdict(&a, &b, DUPES_TITLE), DUPES_SIMILAR);
	assert_true(is_duplicate(&a, &b));
	/* A lost letter stands for one letter, not for a word. */
	b.title = "Essai de phase 2 du Groupe fran?ais de pneumo-canc?rologie "
	    "sur le r?ve";
	text = reason(&a, &b, DUPES_TITLE);
	assert_string_equal(text, "title: 12 of 13 words agree");
	free(text);
}

static void
test_title_with_translation(void **state)
{
	struct spec	a = base, b = base, c = base;

	(void)state;
	a.doi = b.doi = c.doi = NULL;
	a.title = "[Sleep duration and glycaemic control in adolescents with "
	    "type 1 diabetes]";
	b.title = "Dura\xc3\xa7\xc3\xa3o do sono e controle glic\xc3\xaamico "
	    "em adolescentes com diabetes tipo 1; Sleep duration and "
	    "glycaemic control in adolescents with type 1 diabetes";
	assert_int_equal(verdict(&a, &b, DUPES_TITLE), DUPES_SIMILAR);
	assert_true(is_duplicate(&a, &b));
	/* Two parts never match each other: "X; Y" and "X; Z" are a series. */
	b.title = "Sleep duration in adolescents with diabetes; results of "
	    "the first wave of interviews";
	c.title = "Sleep duration in adolescents with diabetes; what parents "
	    "report at home";
	assert_false(is_duplicate(&b, &c));
}

static void
test_placeholder_title(void **state)
{
	struct spec	a = base, b = base;

	(void)state;
	a.doi = b.doi = NULL;
	a.title = "UNKNOWN";
	b.title = "[No title available]";
	assert_int_equal(verdict(&a, &b, DUPES_TITLE), DUPES_MISSING);
	assert_false(is_duplicate(&a, &b));
}

/* Builds n records from specs for dupes_find(). */
static struct record *
build_all(const struct spec *specs, size_t n)
{
	struct record	*r;
	size_t		 i;

	r = calloc(n, sizeof *r);
	for (i = 0; i < n; i++)
		build(&r[i], &specs[i]);
	return r;
}

static void
clear_all(struct record *r, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		record_clear(&r[i]);
	free(r);
}

static void
test_find_items_14_and_17(void **state)
{
	struct spec		 specs[6];
	struct record		*r;
	struct dupes_result	 res;
	char			*error;

	(void)state;
	specs[0] = other_nn[0];
	specs[1] = item14;
	specs[2] = other_nn[1];
	specs[3] = other_nn[2];
	specs[4] = item17;
	specs[5] = other_nn[3];
	r = build_all(specs, 6);
	assert_int_equal(dupes_find(r, 6, &res, &error), 0);
	assert_int_equal(res.nclusters, 1);
	assert_int_equal(res.clusters[0].nmembers, 2);
	assert_int_equal(res.clusters[0].members[0], 1);
	assert_int_equal(res.clusters[0].members[1], 4);
	assert_int_equal(res.clusters[0].nlinks, 1);
	assert_true(res.clusters[0].links[0].match.duplicate);
	assert_non_null(res.clusters[0].links[0].match.reasons[DUPES_TITLE].text);
	dupes_result_free(&res);
	clear_all(r, 6);
}

static void
test_find_refuses_chain(void **state)
{
	struct spec		 specs[3];
	struct record		*r;
	struct dupes_result	 res;
	char			*error;
	size_t			 i, j;

	(void)state;
	/* The middle record matches both ends, which have different DOIs. */
	specs[0] = base;
	specs[1] = base;
	specs[1].doi = NULL;
	specs[1].pages = NULL;
	specs[2] = base;
	specs[2].doi = "10.1111/dme.99999";
	specs[2].pages = "88-95";
	r = build_all(specs, 3);
	assert_int_equal(dupes_find(r, 3, &res, &error), 0);
	assert_int_equal(res.nclusters, 1);
	assert_int_equal(res.clusters[0].nmembers, 2);
	for (i = 0; i < res.nclusters; i++) {
		for (j = 0; j + 1 < res.clusters[i].nmembers; j++) {
			assert_false(res.clusters[i].members[j] == 0 &&
			    res.clusters[i].members[j + 1] == 2);
		}
	}
	assert_int_equal(res.rejected_links, 1);
	dupes_result_free(&res);
	clear_all(r, 3);
}

static void
test_find_title_typo(void **state)
{
	struct spec		 specs[4];
	struct record		*r;
	struct dupes_result	 res;
	char			*error;

	(void)state;
	/* No DOI, and one letter apart: only the title blocks bring them together. */
	specs[0] = base;
	specs[0].doi = NULL;
	specs[1] = other_nn[1];
	specs[2] = base;
	specs[2].doi = NULL;
	specs[2].title = "Sleep duration and glycemic control in adolescents "
	    "with type 1 diabetes";
	specs[2].authors = "L. M. Jensen; P. K. Olsen; A. Berg";
	specs[3] = other_nn[0];
	r = build_all(specs, 4);
	assert_int_equal(dupes_find(r, 4, &res, &error), 0);
	assert_int_equal(res.nclusters, 1);
	assert_int_equal(res.clusters[0].members[0], 0);
	assert_int_equal(res.clusters[0].members[1], 2);
	dupes_result_free(&res);
	clear_all(r, 4);
}

static void
test_finder_streaming(void **state)
{
	struct dupes_finder	*f;
	struct dupes_result	 res;
	struct record		 r, more[2];
	char			*error;

	(void)state;
	f = dupes_finder_new();
	build(&r, &other_nn[0]);
	assert_int_equal(dupes_finder_add(f, &r, &error), 0);
	record_clear(&r);
	build(&r, &item14);
	assert_int_equal(dupes_finder_add(f, &r, &error), 0);
	record_clear(&r);
	build(&more[0], &other_nn[1]);
	build(&more[1], &item17);
	assert_int_equal(dupes_finder_add_many(f, more, 2, &error), 0);
	record_clear(&more[0]);
	record_clear(&more[1]);

	dupes_finder_run(f, &res);
	assert_int_equal(res.nclusters, 1);
	assert_int_equal(res.clusters[0].members[0], 1);
	assert_int_equal(res.clusters[0].members[1], 3);
	/* The records are gone, so the reasons have no texts. */
	assert_null(res.clusters[0].links[0].match.reasons[DUPES_TITLE].text);
	assert_int_equal(res.clusters[0].links[0].match.reasons[DUPES_TITLE].verdict,
	    DUPES_SAME);
	dupes_result_free(&res);
	dupes_finder_free(f);
}

static void
test_abstract_differs_counts_against(void **state)
{
	struct spec	a = item14, b = item17;

	(void)state;
	b.abstract = "We survey methods for speech recognition on phones, with "
	    "recurrent networks, attention, beam search, and language models "
	    "trained on large corpora of transcribed calls and broadcast news.";
	assert_int_equal(verdict(&a, &b, DUPES_ABSTRACT), DUPES_DIFFERENT);
	assert_false(is_duplicate(&a, &b));
}

static void
test_find_empty(void **state)
{
	struct dupes_result	res;
	char			*error;

	(void)state;
	assert_int_equal(dupes_find(NULL, 0, &res, &error), 0);
	assert_int_equal(res.nclusters, 0);
	dupes_result_free(&res);
}

static void
test_diff_case_and_words(void **state)
{
	struct dupes_diff	d;
	const char		*a = "Multi-level ternary quantization does\xe2\x80\x99nt help";
	const char		*b = "Multi-Level Ternary quantization does not help";

	(void)state;
	dupes_diff_words(a, b, &d);
	/* "level" and "ternary" differ in case on both sides. */
	assert_int_equal(d.a[0].start, 6);
	assert_int_equal(d.a[0].len, 5);
	assert_int_equal(d.a[0].change, DUPES_CHANGE_CASE);
	assert_int_equal(d.b[0].start, 6);
	assert_int_equal(d.b[0].change, DUPES_CHANGE_CASE);
	assert_int_equal(d.a[1].start, 12);
	assert_int_equal(d.a[1].change, DUPES_CHANGE_CASE);
	/* The last span of each side is a changed word in "does’nt" / "does not". */
	assert_int_equal(d.a[d.na - 1].change, DUPES_CHANGE_WORD);
	assert_int_equal(d.b[d.nb - 1].change, DUPES_CHANGE_WORD);
	assert_memory_equal(b + d.b[d.nb - 1].start, "not", 3);
	dupes_diff_free(&d);
}

static void
test_diff_equal_and_empty(void **state)
{
	struct dupes_diff	d;

	(void)state;
	dupes_diff_words("Same words here", "Same words here", &d);
	assert_int_equal(d.na, 0);
	assert_int_equal(d.nb, 0);
	dupes_diff_free(&d);
	dupes_diff_words(NULL, "Added", &d);
	assert_int_equal(d.na, 0);
	assert_int_equal(d.nb, 1);
	assert_int_equal(d.b[0].change, DUPES_CHANGE_WORD);
	dupes_diff_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_items_14_and_17_match),
		cmocka_unit_test(test_items_14_and_17_reasons),
		cmocka_unit_test(test_other_nn_papers_differ),
		cmocka_unit_test(test_title_case_and_markup),
		cmocka_unit_test(test_html_entities),
		cmocka_unit_test(test_fold_words),
		cmocka_unit_test(test_authors_initials),
		cmocka_unit_test(test_authors_other_given_names),
		cmocka_unit_test(test_authors_order_and_particles),
		cmocka_unit_test(test_same_title_other_authors),
		cmocka_unit_test(test_year_online_first),
		cmocka_unit_test(test_year_distant),
		cmocka_unit_test(test_journal_abbreviation),
		cmocka_unit_test(test_journal_vs_workshop),
		cmocka_unit_test(test_journal_qualifiers),
		cmocka_unit_test(test_pages_elided),
		cmocka_unit_test(test_conference_abstract_vs_paper),
		cmocka_unit_test(test_doi_forms),
		cmocka_unit_test(test_doi_typo_outvoted),
		cmocka_unit_test(test_doi_normalize),
		cmocka_unit_test(test_generic_titles),
		cmocka_unit_test(test_title_numbers),
		cmocka_unit_test(test_errata_comments_replies),
		cmocka_unit_test(test_chapters_sharing_doi),
		cmocka_unit_test(test_missing_fields_neutral),
		cmocka_unit_test(test_lost_letters),
		cmocka_unit_test(test_title_with_translation),
		cmocka_unit_test(test_placeholder_title),
		cmocka_unit_test(test_find_items_14_and_17),
		cmocka_unit_test(test_find_refuses_chain),
		cmocka_unit_test(test_find_title_typo),
		cmocka_unit_test(test_finder_streaming),
		cmocka_unit_test(test_abstract_differs_counts_against),
		cmocka_unit_test(test_find_empty),
		cmocka_unit_test(test_diff_case_and_words),
		cmocka_unit_test(test_diff_equal_and_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
