/*
 * test_privacy.c -- the privacy stage's building blocks: the ladders
 * (round trips at every level and boundary), the partition (properties
 * over random quarters: classes of k with the outcomes, every record
 * fits its published row, the sex shown or the texts withheld,
 * determinism), the narratives brought to the row (codes, departments,
 * children) and the regional tables' audit (no suppressed count can be
 * narrowed below PROTECT values by a reader who solves the published
 * cells with the exact totals), and the scrubbing memo's values (round
 * trips against their dictionaries; a value changed in any byte, or
 * under another entry's key, is refused).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glpk.h>

#include "lib/lib.h"
#include "lib/config.h"
#include "lib/dict.h"
#include "store/db.h"
#include "privacy/scrub.h"
#include "privacy/privacy.h"
#include "privacy/ladder.h"
#include "privacy/partition.h"
#include "privacy/textqi.h"
#include "privacy/cube.h"
#include "privacy/memo.h"
#include "unit.h"

static struct dicts d;

/* A small deterministic generator (xorshift). */
static unsigned long rng = 88172645463325252UL;

static unsigned long
rnd(unsigned long n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng % n;
}

static void
test_ladder(void)
{
	static const struct { int age; const char *band[4]; } ages[] = {
		{ 0, { "0", "0-9", "0-19", "0-39" } },
		{ 1, { "1-4", "0-9", "0-19", "0-39" } },
		{ 4, { "1-4", "0-9", "0-19", "0-39" } },
		{ 5, { "5-9", "0-9", "0-19", "0-39" } },
		{ 39, { "35-39", "30-39", "20-39", "0-39" } },
		{ 40, { "40-44", "40-49", "40-59", "40-79" } },
		{ 79, { "75-79", "70-79", "60-79", "40-79" } },
		{ 80, { "80-84", "80-89", "80+", "80+" } },
		{ 89, { "85-89", "80-89", "80+", "80+" } },
		{ 90, { "90+", "90+", "80+", "80+" } },
		{ 120, { "90+", "90+", "80+", "80+" } },
	};
	struct qivals	 v;
	ladder_code	 code[QI__MAX][LADDER_MAX];
	int		 lv, c, l, q, ok;
	char		 buf[32];
	size_t		 i;

	v.month = 2;
	v.sex = "F";
	v.category = "S52";
	v.profile = "traumatology";
	for (i = 0; i < sizeof(ages) / sizeof(ages[0]); i++) {
		v.age = ages[i].age;
		CHECK(ladder_codes(&d, &v, code) == 0, "ladder: codes of "
		    "age %d", v.age);
		for (l = 0; l < 4; l++)
			EQ_STR(ladder_text(&d, QI_AGE, l, code[QI_AGE][l], buf),
			    ages[i].band[l], "ladder: age %d at level %d",
			    v.age, l);
	}
	v.age = 33;
	ladder_codes(&d, &v, code);
	EQ_STR(ladder_text(&d, QI_DIAGNOSIS, 0, code[QI_DIAGNOSIS][0], buf),
	    "S52", "ladder: a category");
	EQ_STR(ladder_text(&d, QI_DIAGNOSIS, 1, code[QI_DIAGNOSIS][1], buf),
	    "XIX", "ladder: its chapter");
	EQ_STR(ladder_text(&d, QI_DIAGNOSIS, 2, code[QI_DIAGNOSIS][2], buf),
	    "I-XIV,XVIII-XXII", "ladder: its chapter group");
	EQ_STR(ladder_text(&d, QI_DIAGNOSIS, 3, -1, buf), "*",
	    "ladder: hidden");
	EQ_STR(ladder_text(&d, QI_PROFILE, 1, code[QI_PROFILE][1], buf),
	    "surgical", "ladder: a specialty's group");
	EQ_STR(ladder_text(&d, QI_PROFILE, 2, code[QI_PROFILE][2], buf),
	    "therapeutic+surgical", "ladder: its broad group");
	v.category = "O80";
	v.profile = "obstetrics";
	CHECK(ladder_codes(&d, &v, code) == 0, "ladder: an obstetric record");
	EQ_STR(ladder_text(&d, QI_PROFILE, 2, code[QI_PROFILE][2], buf),
	    "obstetric+pediatric", "ladder: obstetrics' broad group");
	EQ_STR(ladder_text(&d, QI_DIAGNOSIS, 2, code[QI_DIAGNOSIS][2], buf),
	    "XV-XVII", "ladder: pregnancy's chapter group");
	v.category = "S5";
	CHECK(ladder_codes(&d, &v, code) == -1,
	    "ladder: a malformed category is refused");

	/* Every text parses back to its level and code. */
	ok = 1;
	for (i = 0; i < 2000; i++) {
		static const char *const cats[] = { "A01", "C50", "I21", "K35",
		    "O80", "P07", "S52", "Z00", "U07" };

		v.month = 1 + (int)rnd(12);
		v.sex = rnd(2) ? "M" : "F";
		v.age = (int)rnd(121);
		v.category = cats[rnd(9)];
		v.profile = d.profiles[rnd(d.nprofiles)].code;
		if (ladder_codes(&d, &v, code) == -1) {
			ok = 0;
			break;
		}
		for (q = 0; q < QI__MAX; q++)
			for (l = 0; l <= ladder_hidden[q]; l++) {
				const char *t;

				if (q == QI_REGION)
					continue;
				t = ladder_text(&d, q, l, l < ladder_hidden[q] ?
				    code[q][l] : -1, buf);
				if (ladder_parse(&d, q, t, &lv, &c) == -1 ||
				    (l < ladder_hidden[q] &&
				    c != code[q][l]) || (strcmp(t, "*") != 0 &&
				    ladder_text(&d, q, lv, c, buf) != t &&
				    strcmp(ladder_text(&d, q, lv, c,
				    (char[32]){ 0 }), t) != 0)) {
					printf("  %s at %d: '%s' -> %d/%d\n",
					    q == QI_AGE ? "age" : "qi", l, t, lv,
					    c);
					ok = 0;
				}
			}
	}
	CHECK(ok, "ladder: every published text parses back to its code");
}

/* One random quarter of n records. */
static struct prec *
quarter(size_t n, int skew)
{
	struct prec	*v;
	struct qivals	 q;
	size_t		 i;
	static const char *const cats[] = { "I21", "K35", "S52", "O80",
	    "J18", "C50", "T81" };

	v = xcalloc(n, sizeof(*v));
	for (i = 0; i < n; i++) {
		q.month = 4 + (int)rnd(3);
		q.sex = rnd(10) < (unsigned long)(skew ? 9 : 5) ? "F" : "M";
		q.age = (int)rnd(100);
		q.category = cats[rnd(7)];
		q.profile = d.profiles[rnd(d.nprofiles)].code;
		ladder_codes(&d, &q, v[i].code);
		v[i].outcome = rnd(5) == 0;
	}
	return v;
}

/* Check the partition's promises; print what breaks. */
static int
partition_holds(const struct prec *v, size_t n,
    const struct partition_opts *o)
{
	size_t	 i, j, members, oc[2];
	int	 q, good = 1;

	for (i = 0; i < n; i++) {
		if (!v[i].placed)
			continue;
		/* Its values generalize to its row. */
		for (q = 0; q < QI__MAX; q++)
			if (o->use[q] && v[i].lv[q] < ladder_hidden[q] &&
			    v[i].lv[q] < o->min_level[q]) {
				printf("  record %zu: %d finer than allowed\n",
				    i, q);
				good = 0;
			}
		if (o->pin_sex && v[i].lv[QI_SEX] != 0 && !v[i].withheld) {
			printf("  record %zu: sex hidden, texts kept\n", i);
			good = 0;
		}
		/* Its class: the records with the same published row. */
		members = 0;
		oc[0] = oc[1] = 0;
		for (j = 0; j < n; j++) {
			int	 same = v[j].placed;

			for (q = 0; q < QI__MAX && same; q++) {
				int	 a = v[i].lv[q], b = v[j].lv[q];

				if (!o->use[q])
					continue;
				same = a == b && (a >= ladder_hidden[q] ||
				    v[i].code[q][a] == v[j].code[q][b]);
			}
			if (same) {
				members++;
				oc[v[j].outcome != 0]++;
			}
		}
		if (!partition_ok(o, members, oc)) {
			printf("  record %zu: class of %zu, outcomes %zu/%zu\n",
			    i, members, oc[0], oc[1]);
			good = 0;
		}
	}
	return good;
}

static void
test_partition(void)
{
	struct partition_opts o;
	struct prec	*v, *w;
	size_t		 n, i, placed, shown;
	int		 q, t, good = 1, same = 1;

	memset(&o, 0, sizeof(o));
	o.k = 11;
	o.diversity = 2;
	o.pin_sex = 1;
	for (q = 0; q < QI__MAX; q++) {
		o.use[q] = q != QI_REGION;
		o.weight[q] = 1;
	}
	for (t = 0; t < 40; t++) {
		n = 1 + rnd(t < 20 ? 60 : 600);
		v = quarter(n, t % 3 == 0);
		w = xcalloc(n, sizeof(*w));
		memcpy(w, v, n * sizeof(*v));
		partition(v, n, &o);
		partition(w, n, &o);
		if (!partition_holds(v, n, &o)) {
			printf("  quarter %d of %zu records\n", t, n);
			good = 0;
		}
		if (memcmp(v, w, n * sizeof(*v)) != 0)
			same = 0;
		free(v);
		free(w);
	}
	CHECK(good, "partition: every placed record is in a class of k "
	    "with both outcomes, no finer than allowed, the sex shown or "
	    "its texts withheld (40 random quarters)");
	CHECK(same, "partition: the same records, the same rows");

	/* Too few records: nothing published. */
	v = quarter(5, 0);
	partition(v, 5, &o);
	for (i = 0, placed = 0; i < 5; i++)
		placed += (size_t)v[i].placed;
	CHECK(placed == 0, "partition: a quarter of 5 records at k = 11 "
	    "is deferred whole");
	free(v);
	/* One outcome only: nothing published. */
	v = quarter(40, 0);
	for (i = 0; i < 40; i++)
		v[i].outcome = 0;
	partition(v, 40, &o);
	for (i = 0, placed = 0; i < 40; i++)
		placed += (size_t)v[i].placed;
	CHECK(placed == 0, "partition: one outcome only is deferred whole");
	free(v);
	/* A big quarter shows a lot. */
	v = quarter(3000, 0);
	partition(v, 3000, &o);
	for (i = 0, shown = 0; i < 3000; i++)
		for (q = 0; q < QI__MAX; q++)
			if (o.use[q] && v[i].lv[q] < ladder_hidden[q])
				shown++;
	CHECK(shown > 3000 * 5 * 6 / 10, "partition: 3000 records show "
	    "over 60%% of their values (%zu of %d)", shown, 3000 * 5);
	CHECK(partition_holds(v, 3000, &o), "partition: 3000 records hold");
	free(v);
	/* The sex too rare: those records together, texts withheld. */
	v = quarter(60, 1);
	for (i = 0; i < 60; i++)
		v[i].code[QI_SEX][0] = i < 6;	/* 6 men */
	for (i = 0; i < 12; i++)
		v[i].outcome = i % 2;
	partition(v, 60, &o);
	for (i = 0, placed = 0; i < 6; i++)
		placed += (size_t)(v[i].placed && v[i].withheld);
	CHECK(placed == 0 || placed == 6, "partition: 6 men among 60 are "
	    "not published with their sex");
	free(v);
	(void)good;
}

static void
test_textqi(void)
{
	static const char *const m0[TQ__MAX] = { "[DX]", "[DEPT]", "[PT]" };
	const char *const *mk[LANG__MAX] = { m0, m0 };
	struct textqi	*t;
	struct textqi_row r;
	struct buf	 b = { 0 };

	t = textqi_new(&d, mk);
	memset(&r, 0, sizeof(r));
	r.dx_level = 0;
	r.dx = "S52";
	r.profile_level = 0;
	r.profile = "traumatology";
	r.age_level = 4;
#define APPLY(l, s) (buf_reset(&b), textqi_apply(t, &r, (l), (s), \
	strlen(s), 0, &b, NULL, NULL), buf_str(&b))
	EQ_STR(APPLY(LANG_RU, "с диагнозом «перелом» (S52.5)."),
	    "с диагнозом «перелом» (S52).", "textqi: the code to the category");
	EQ_STR(APPLY(LANG_RU, "с диагнозом (Ѕ52.5) и (К35.8)"),
	    "с диагнозом (Ѕ52.5) и ([DX])",
	    "textqi: another diagnosis (Cyrillic К) is masked");
	EQ_STR(APPLY(LANG_RU, "витамин В12 и Т81.4"), "витамин В12 и [DX]",
	    "textqi: a vitamin stays, a complication is masked");
	EQ_STR(APPLY(LANG_RU, "Х40 и А09.0, затем Н1 и Ш12"),
	    "[DX] и [DX], затем Н1 и Ш12",
	    "textqi: the first and last Cyrillic look-alikes (А, Х), at the "
	    "text's start too; one digit, or another letter, is no code");
	EQ_STR(APPLY(LANG_RU, "итог: E11"), "итог: [DX]",
	    "textqi: a code at the text's end");
	EQ_STR(APPLY(LANG_RU, "итог: E1"), "итог: E1",
	    "textqi: a letter and one digit at the end is no code");
	EQ_STR(APPLY(LANG_RU, "в травматологическом отделении больницы"),
	    "в травматологическом отделении больницы",
	    "textqi: the row's own department stays");
	EQ_STR(APPLY(LANG_RU, "переведён в кардиологическое отделение, затем"),
	    "переведён в [DEPT], затем", "textqi: another department is masked");
	EQ_STR(APPLY(LANG_RU, "в отделении реанимации и интенсивной терапии "
	    "новорождённых провёл"), "в [DEPT] провёл",
	    "textqi: a department named after it is masked whole");
	EQ_STR(APPLY(LANG_RU, "заведующий отделением доложил"),
	    "заведующий отделением доложил", "textqi: a bare department stays");
	EQ_STR(APPLY(LANG_KK, "науқас кардиология бөлімшесіне ауыстырылды"),
	    "науқас [DEPT] ауыстырылды", "textqi: a Kazakh department");
	EQ_STR(APPLY(LANG_RU, "Мальчик [ВОЗРАСТ] поступил"),
	    "[PT] [ВОЗРАСТ] поступил",
	    "textqi: a child word goes where the row shows no child");
	r.profile = "pediatric-surgery";
	if (dict_find(d.profiles, d.nprofiles, r.profile) != NULL)
		EQ_STR(APPLY(LANG_RU, "Мальчик поступил"), "Мальчик поступил",
		    "textqi: it stays where the row shows the pediatric "
		    "profile");
	r.dx_level = 1;
	r.dx = "XIX";
	EQ_STR(APPLY(LANG_RU, "(S52.5)"), "(XIX)", "textqi: to the chapter");
	r.dx_level = 2;
	r.dx = "I-XIV,XVIII-XXII";
	EQ_STR(APPLY(LANG_RU, "(S52.5)"), "([DX])",
	    "textqi: masked above the chapter");
	EQ_STR(APPLY(LANG_RU, "AS52 и S520 и 5S52"), "AS52 и S520 и 5S52",
	    "textqi: no code inside a word or a number");
#undef APPLY
	buf_free(&b);
	textqi_free(t);
}

/* The regional tables on a made-up registry. */
static void
test_cube(sqlite3 *db)
{
	struct config	 cfg;
	struct cube	*k;
	char		 sql[256];
	int		 i, rc;

	config_defaults(&cfg);
	rc = db_exec(db, "CREATE TEMP TABLE pub (form INTEGER, stats_col "
	    "TEXT, region_true TEXT, outcome INTEGER);"
	    "CREATE TEMP TABLE gone (form INTEGER, stats_col TEXT, region "
	    "TEXT, outcome INTEGER);"
	    "CREATE INDEX temp.pub_meta ON pub(form, stats_col, region_true, "
	    "outcome);");
	for (i = 0; i < 400 && rc == 0; i++) {
		snprintf(sql, sizeof(sql), "INSERT INTO temp.pub VALUES (0, "
		    "'%s', '%s', %d)", i % 3 ? "2025Q1" : "2025Q2",
		    d.regions[i % 7 == 0 ? 0 : rnd(d.nregions)].code,
		    rnd(4) == 0);
		rc = db_exec(db, sql);
	}
	/* A column of three records: its breakdown is not published. */
	for (i = 0; i < 3 && rc == 0; i++)
		rc = db_exec(db, "INSERT INTO temp.pub VALUES (0, '2025Q3', "
		    "'KZ-62', 0)");
	CHECK(rc == 0, "cube: a registry of 403 records");
	k = cube_build(db, FORM_INCIDENTS, &cfg, &d);
	CHECK(k != NULL, "cube: the tables are built and audited%s%s",
	    k ? "" : ": ", k ? "" : rs_errmsg());
	if (k != NULL) {
		CHECK(cube_verify(k) == 0, "cube: no suppressed count can be "
		    "narrowed below %d values by the published cells and "
		    "totals (%s)", 3, rs_errmsg());
		CHECK(cube_small_hidden(k, "2025Q3"),
		    "cube: the breakdown of a 3-record column is hidden");
		cube_free(k);
	}
	config_free(&cfg);
}

/* Random bytes, mostly a few letters (so the payload repeats its
 * dictionary, as a scrubbed text does its original). */
static void
fill(struct buf *b, size_t n)
{
	size_t	 i;

	buf_reset(b);
	for (i = 0; i < n; i++)
		buf_putc(b, (char)(rnd(4) ? 'a' + rnd(6) : rnd(256)));
}

static void
test_memo(void)
{
	static const size_t dlens[] = { 0, 1, 250, 4000, 65536, 65537,
	    200000 };
	struct memo	*m;
	struct memozip	*z;
	struct buf	 dict = { 0 }, pay = { 0 }, val = { 0 }, out = { 0 };
	uint8_t		 key[32], k[MEMO_KEYLEN], k2[MEMO_KEYLEN];
	size_t		 i, t, at, n, bad = 0, refused = 0, tampered = 0;
	size_t		 plen;

	memset(key, 7, sizeof(key));
	if ((m = memo_open(NULL, NULL, key)) == NULL) {
		CHECK(0, "memo: opened without files");
		return;
	}
	z = memozip_new(m);
	for (t = 0; t < 300; t++) {
		size_t	 dl = dlens[t % (sizeof(dlens) / sizeof(dlens[0]))];

		fill(&dict, dl);
		/* The payload: a piece of the dictionary, changed here and
		 * there, or bytes of its own; sometimes empty. */
		plen = t % 10 == 0 ? 0 : rnd(6000);
		fill(&pay, plen);
		if (dl > 0 && plen > 0 && t % 2) {
			at = rnd(dl);
			n = dl - at < plen ? dl - at : plen;
			memcpy(pay.data, dict.data + at, n);
			pay.data[rnd(plen)] = 'X';
		}
		memo_key(m, &t, sizeof(t), k);
		memo_pack(z, k, dict.data, dict.len, pay.data, pay.len, &val);
		if (memo_unpack(z, k, dict.data, dict.len, val.data, val.len,
		    &out) != 0 || out.len != pay.len || (pay.len > 0 &&
		    memcmp(out.data, pay.data, pay.len) != 0) ||
		    out.data[out.len] != '\0')
			bad++;
		/* Another entry's key: refused by the tag. */
		memo_key(m, "other", 5, k2);
		if (memo_unpack(z, k2, dict.data, dict.len, val.data, val.len,
		    &out) == 0)
			refused++;
		/* Any byte changed, or the value cut short: refused. */
		for (i = 0; i < val.len; i += 1 + val.len / 16) {
			val.data[i] ^= 0x21;
			if (memo_unpack(z, k, dict.data, dict.len, val.data,
			    val.len, &out) == 0)
				tampered++;
			val.data[i] ^= 0x21;
		}
		if (memo_unpack(z, k, dict.data, dict.len, val.data,
		    val.len - 1, &out) == 0)
			tampered++;
	}
	CHECK(bad == 0, "memo: 300 values (dictionaries of 0 to 200 000 "
	    "bytes, payloads of 0 to 6 000) unpack to their payloads (%zu "
	    "did not)", bad);
	CHECK(refused == 0, "memo: a value under another entry's key is "
	    "refused (%zu were not)", refused);
	CHECK(tampered == 0, "memo: a value with a byte changed, or cut "
	    "short, is refused (%zu were not)", tampered);
	/* Small values of payloads like a record's texts: the dictionary
	 * is used. */
	fill(&dict, 3000);
	memo_key(m, "x", 1, k);
	memo_pack(z, k, dict.data, dict.len, dict.data, dict.len, &val);
	CHECK(val.len < 64, "memo: a payload equal to its dictionary of "
	    "3 000 bytes packs to %zu bytes", val.len);
	memozip_free(z);
	memo_close(m, 1);
	buf_free(&dict);
	buf_free(&pay);
	buf_free(&val);
	buf_free(&out);
}

int
main(void)
{
	sqlite3	*db;

	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    db_exec(db, db_schema_sql()) == -1 || dicts_load(db, &d) == -1) {
		printf("not ok - an in-memory registry: %s\n", rs_errmsg());
		return 1;
	}
	test_ladder();
	test_partition();
	test_textqi();
	test_cube(db);
	test_memo();
	dicts_free(&d);
	sqlite3_close(db);
	return unit_failed;
}
