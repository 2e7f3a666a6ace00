/*
 * report.c -- the operator's privacy report.
 *
 * The privacy stage tells the report what it decided and what it
 * masked; the report writes, in the operator's language (--lang):
 *
 *   a warning: the file holds every masked name and IIN and maps public
 *	references to source_ref, and must never be published;
 *   "needs review": the replacements the scrubber was least sure of,
 *	the words masked as names that a dictionary knows as words, the
 *	columns hidden for every row, the quarters too small to break
 *	down -- short lists, the most frequent first;
 *   the details, section by section, as the privacy stage wrote them;
 *   the decisions, one per line;
 *   every replacement, one tab-separated line each (reference, id,
 *	source_ref, column, language, type, masked text).
 *
 * Everything but the warning arrives out of that order, so it is kept
 * in scratch files until the end.  The report's files are created
 * privately: unnamed (O_TMPFILE) where the file system allows, else
 * with a random name, exclusively, 0600, never through a link; the
 * scratch files are unlinked at once.  At the end the report is given
 * its name by a link to a fresh random name and a rename, after the
 * path was checked once more, so a killed build leaves nothing behind
 * and no planted file or link decides where the report goes.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/lib.h"
#include "privacy/scrub.h"
#include "privacy/report.h"

#define REVIEW_MAX	4000	/* distinct items remembered per report */
#define REVIEW_SHOW	60	/* items shown per kind */
#define UNSURE		60	/* a replacement below this is unsure */

struct item {
	int		 kind;
	char		*key;		/* what is reviewed, one line */
	char		*ref;		/* the first record it was seen in */
	long		 n;
};

struct report {
	char		*path;
	struct report_guard guard;	/* copies */
	enum lang	 lang;
	int		 fd;		/* the report being written */
	char		*tmpname;	/* its name, when not O_TMPFILE */
	char		*dir;
	FILE		*details, *decisions, *repl;	/* scratch */
	struct item	*items;
	size_t		 nitems;
	long		 dropped[RR__MAX];
	int		 failed;
	FILE		*out;		/* report_write's, on fd */
};

/* ------------------------------------------------------------------ */
/* Paths                                                               */

/*
 * path made absolute and resolved: the longest prefix that exists goes
 * through realpath (symbolic links followed), the rest is appended
 * with "." and ".." taken lexically.  A new string.
 */
static char *
resolve_depth(const char *path, int depth)
{
	char	 buf[PATH_MAX], *abs, *p, *slash, *rest, *res;
	size_t	 n;
	struct stat st;
	ssize_t	 ln;

	if (path[0] == '/')
		abs = xstrdup(path);
	else if (getcwd(buf, sizeof(buf)) != NULL)
		abs = xasprintf("%s/%s", buf, path);
	else
		abs = xstrdup(path);
	/* the longest existing prefix */
	p = xstrdup(abs);
	for (;;) {
		n = strlen(p);
		while (n > 1 && p[n - 1] == '/')
			p[--n] = '\0';
		if (realpath(p, buf) != NULL)
			break;
		/*
		 * A dangling link: where it points, which may exist by the
		 * time the report is written (a planted ".DIR.tmp-PID").
		 */
		if (depth < 16 && lstat(p, &st) == 0 && S_ISLNK(st.st_mode) &&
		    (ln = readlink(p, buf, sizeof(buf) - 1)) > 0) {
			char	*t, *dir;

			buf[ln] = '\0';
			slash = strrchr(p, '/');
			dir = slash && slash != p ? xstrndup(p,
			    (size_t)(slash - p)) : xstrdup("/");
			t = xasprintf("%s%s%s%s", buf[0] == '/' ? "" : dir,
			    buf[0] == '/' ? "" : "/", buf, abs + strlen(p));
			free(dir);
			free(p);
			free(abs);
			res = resolve_depth(t, depth + 1);
			free(t);
			return res;
		}
		if ((slash = strrchr(p, '/')) == NULL || slash == p) {
			strcpy(buf, "/");
			p[1] = '\0';
			break;
		}
		*slash = '\0';
	}
	rest = abs + strlen(p);
	res = xstrdup(buf);
	/* the rest, component by component */
	while (*rest != '\0') {
		char	*c, *e;

		while (*rest == '/')
			rest++;
		if (*rest == '\0')
			break;
		for (e = rest; *e != '\0' && *e != '/'; e++)
			continue;
		c = xstrndup(rest, (size_t)(e - rest));
		rest = e;
		if (strcmp(c, ".") == 0) {
			free(c);
			continue;
		}
		if (strcmp(c, "..") == 0) {
			if ((slash = strrchr(res, '/')) != NULL && slash != res)
				*slash = '\0';
			else
				strcpy(res, "/");
			free(c);
			continue;
		}
		{
			char	*t = xasprintf("%s%s%s", res,
			    strcmp(res, "/") == 0 ? "" : "/", c);

			free(res);
			res = t;
		}
		free(c);
	}
	free(p);
	free(abs);
	return res;
}

static char *
resolve(const char *path)
{
	return resolve_depth(path, 0);
}

/* Is r the directory d or inside it? */
static int
inside(const char *r, const char *d)
{
	size_t	 n = strlen(d);

	if (strcmp(d, "/") == 0)
		return 1;
	return strncmp(r, d, n) == 0 && (r[n] == '/' || r[n] == '\0');
}

/* Do two existing paths name one file (a hard link, a bind mount)? */
static int
same_file(const char *a, const char *b)
{
	struct stat	 sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int
report_check(const char *path, const struct report_guard *g)
{
	static const struct {
		const char	*suffix;
		const char	*what;
	} side[] = {
		{ "-wal", "the database's write-ahead log" },
		{ "-shm", "the database's shared-memory file" },
		{ "-journal", "the database's rollback journal" },
	};
	char	*r, *d, *o, *c, *t, *tmp;
	size_t	 i, n;
	int	 rc = 0;

	r = resolve(path);
	if (g->db != NULL) {
		d = resolve(g->db);
		if (strcmp(r, d) == 0 || same_file(path, g->db))
			rc = rs_err("--report '%s' is the database '%s': the "
			    "report would replace the registry", path, g->db);
		for (i = 0; rc == 0 && i < sizeof(side) / sizeof(side[0]);
		    i++) {
			t = xasprintf("%s%s", d, side[i].suffix);
			tmp = xasprintf("%s%s", g->db, side[i].suffix);
			if (strcmp(r, t) == 0 || same_file(path, tmp))
				rc = rs_err("--report '%s' is %s '%s': the "
				    "report would corrupt the registry", path,
				    side[i].what, tmp);
			free(t);
			free(tmp);
		}
		free(d);
	}
	if (rc == 0 && g->config != NULL) {
		c = resolve(g->config);
		if (strcmp(r, c) == 0 || same_file(path, g->config))
			rc = rs_err("--report '%s' is the configuration file "
			    "'%s': the report would replace it", path,
			    g->config);
		free(c);
	}
	if (rc == 0 && g->out != NULL) {
		o = resolve(g->out);
		if (inside(r, o))
			rc = rs_err("--report '%s' is inside the output "
			    "directory '%s': the report lists what was masked "
			    "and must not be published", path, g->out);
		else {
			/* ".NAME.tmp-PID" beside it (site/output.c) */
			const char *base = strrchr(o, '/');

			tmp = xasprintf("%.*s/.%s.tmp-", base ? (int)(base -
			    o) : 0, o, base ? base + 1 : o);
			n = strlen(tmp);
			if (strncmp(r, tmp, n) == 0) {
				const char *e = strchr(r + n, '/');

				rc = rs_err("--report '%s' is inside the "
				    "build's temporary directory '%.*s': it "
				    "would be published with the site", path,
				    e ? (int)(e - r) : (int)strlen(r), r);
			}
			free(tmp);
		}
		free(o);
	}
	free(r);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Private files                                                       */

/* A random name beside the report: DIR/.BASE.XXXXXXXXXXXX */
static char *
random_name(const char *dir, const char *base)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char	 r[8];
	char		 s[17];
	size_t		 i;

	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
		for (i = 0; i < sizeof(r); i++)
			r[i] = (unsigned char)(rand() ^ (int)getpid());
	for (i = 0; i < sizeof(r); i++) {
		s[2 * i] = hex[r[i] >> 4];
		s[2 * i + 1] = hex[r[i] & 15];
	}
	s[16] = '\0';
	return xasprintf("%s/.%s.%s", dir, base, s);
}

/*
 * A new private file in dir: unnamed where the file system allows it
 * (*name NULL), else created exclusively under a random name without
 * following links (*name set; unlink it when keep is 0).  -1 on
 * failure, errno set.
 */
static int
private_file(const char *dir, const char *base, int keep, char **name)
{
	int	 fd, tries;
	char	*n;

	*name = NULL;
#ifdef O_TMPFILE
	if ((fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600)) != -1)
		return fd;
#endif
	for (tries = 0; tries < 16; tries++) {
		n = random_name(dir, base);
		fd = open(n, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0600);
		if (fd != -1) {
			if (keep)
				*name = n;
			else {
				unlink(n);
				free(n);
			}
			return fd;
		}
		free(n);
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

static FILE *
scratch(struct report *r)
{
	char	*name;
	int	 fd;
	FILE	*f;

	if ((fd = private_file(r->dir, "regsite-report", 0, &name)) == -1)
		return NULL;
	if ((f = fdopen(fd, "w+")) == NULL)
		close(fd);
	return f;
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

static const struct {
	const char	*key;
	const char	*kk, *ru;
} words[] = {
	{ "title", "regsite: құпиялылық есебі", "regsite: отчёт о защите "
	    "данных" },
	{ "warning1", "ЖАРИЯЛАМАҢЫЗ.  Бұл файлда бүркемеленген әрбір "
	    "аты-жөн, ЖСН, телефон мен мекенжай бастапқы күйінде тұр,",
	    "НЕ ПУБЛИКОВАТЬ.  В этом файле в исходном виде стоит каждое "
	    "замаскированное ФИО, ИИН, телефон и адрес," },
	{ "warning2", "ал жазбалардың жария нөмірлері source_ref-ке "
	    "(жіберушінің өз нөміріне) сәйкестендірілген.  Оны сайтқа, "
	    "поштаға,", "а публичные номера записей сопоставлены с "
	    "source_ref (собственным номером отправителя).  Не кладите его "
	    "на сайт," },
	{ "warning3", "ортақ қалтаға салмаңыз; реестр сияқты сақтаңыз.",
	    "не пересылайте и не храните в общих папках; храните как сам "
	    "реестр." },
	{ "review", "Тексеруді қажет етеді", "Требует проверки" },
	{ "review none", "  (ештеңе жоқ)", "  (ничего)" },
	{ "review unsure", "Сенімсіз ауыстырулар (сканер ең аз сенген, "
	    "жиілігі бойынша)", "Замены, в которых сканер уверен меньше "
	    "всего (по частоте)" },
	{ "review dict", "Сөздік білетін, бірақ аты-жөн ретінде "
	    "бүркемеленген сөздер (content/scrub/medical.txt-ке қосуға "
	    "болады)", "Слова, известные словарю, но замаскированные как "
	    "ФИО (можно добавить в content/scrub/medical.txt)" },
	{ "review hidden", "Барлық жолда жасырылған бағандар",
	    "Столбцы, скрытые во всех строках" },
	{ "review small", "Бөліп көрсетуге тым аз тоқсандар",
	    "Кварталы, слишком малые для разбивки" },
	{ "more", "... тағы %ld", "... и ещё %ld" },
	{ "times", "рет", "раз" },
	{ "first in", "алғаш", "впервые в" },
	{ "decisions", "Шешімдер", "Решения" },
	{ "replacements", "Әрбір ауыстыру (сілтеме, id, source_ref, баған, "
	    "тіл, түрі, бүркемеленген мәтін)", "Каждая замена (ссылка, id, "
	    "source_ref, столбец, язык, тип, замаскированный текст)" },
	{ "policy", "Саясат", "Политика" },
	{ "levels", "деңгейлер", "уровни" },
	{ "information lost", "жоғалған ақпарат (салмақталған)",
	    "потеря информации (взвешенная)" },
	{ "values suppressed", "жасырылған мәндер", "скрытые значения" },
	{ "every value hidden", "барлық мән жасырылған", "скрыты все "
	    "значения" },
	{ "records", "жазба", "записей" },
	{ "classes", "сыныптар", "классы" },
	{ "quarter", "тоқсан", "квартал" },
	{ "smallest", "ең кішісі", "наименьший" },
	{ "class sizes", "сынып өлшемдері", "размеры классов" },
	{ "k not reached", "k жетпеді: жазбалар тым аз", "k не достигнуто: "
	    "слишком мало записей" },
	{ "unreachable", "k немесе әртүрлілікке жету мүмкін емес "
	    "тоқсандар (барлық мәндер жасырылған)", "кварталы, где k или "
	    "разнообразие недостижимы (все значения скрыты)" },
	{ "counts", "Кестелердегі, диаграммалардағы және жүктелетін "
	    "файлдардағы сандар", "Числа в таблицах, диаграммах и файлах для "
	    "загрузки" },
	{ "free text", "Еркін мәтін", "Свободный текст" },
	{ "records with replacements", "ауыстыруы бар жазбалар",
	    "записей с заменами" },
	{ "Form 1", "1-нысан", "Форма 1" },
	{ "Form 2", "2-нысан", "Форма 2" },
	{ "date", "күні", "дата" },
	{ "place", "орны", "место" },
	{ "sex", "жынысы", "пол" },
	{ "age", "жасы", "возраст" },
	{ "diagnosis", "диагнозы", "диагноз" },
	{ "profile", "бейіні", "профиль" },
	{ "month", "ай", "месяц" },
	{ "region", "өңір", "регион" },
	{ "hidden", "жасырылған", "скрыт" },
	{ "as recorded", "жазылғандай", "как записано" },
	{ "5-year bands", "5 жылдық топтар", "5-летние группы" },
	{ "10-year bands", "10 жылдық топтар", "10-летние группы" },
	{ "20-year bands", "20 жылдық топтар", "20-летние группы" },
	{ "ICD-10 category", "АХЖ-10 айдары", "рубрика МКБ-10" },
	{ "ICD-10 chapter", "АХЖ-10 сыныбы", "класс МКБ-10" },
	{ "specialty", "мамандық", "специальность" },
	{ "profile group", "бейін тобы", "группа профилей" },
	{ "not published", "жарияланбайды", "не публикуется" },
	{ "scrubbed", "тазартылады", "очищается" },
	{ "exact", "дәл", "точных" },
	{ "rounded to", "дөңгелектенген, негізі", "округлённых до" },
	{ "suppressed", "жасырылған", "скрытых" },
	{ "zero", "нөл", "нулевых" },
	{ "shown", "көрсетілген", "показан" },
	{ "broad bands", "кең топтар", "широкие группы" },
	{ "chapter group", "сыныптар тобы", "группа классов" },
	{ "broad group", "топтар жұбы", "пара групп" },
	{ "classes in the union", "барлық шығарылымдардың бірігуіндегі "
	    "сыныптар (кері қайтарылғандарымен)", "классы в объединении "
	    "всех выпусков (с отозванными строками)" },
	{ "values shown", "көрсетілген мәндер (жарияланған жолдардан)",
	    "показанные значения (из опубликованных строк)" },
	{ "cells shown", "квази-идентификатор ұяшықтарының көрсетілгені",
	    "показано ячеек квазиидентификаторов" },
	{ "kept as published", "бұрынғыдай сақталған",
	    "сохранены как опубликованы" },
	{ "published again", "қайтадан жарияланған",
	    "опубликованы снова после отзыва" },
	{ "published first", "алғаш жарияланған", "опубликованы впервые" },
	{ "deferred", "кейінге қалдырылған", "отложены" },
	{ "withdrawn now", "қазір кері қайтарылған", "отозваны сейчас" },
	{ "narratives withheld", "мәтіндері жарияланбаған (жынысы "
	    "жасырылған)", "тексты не публикуются (пол скрыт)" },
	{ "generalized to the row", "жолдың деңгейіне келтірілген",
	    "приведено к уровню строки" },
	{ "release", "шығарылым", "выпуск" },
	{ "rows remembered", "осы саясат бойынша есте сақталған жолдар",
	    "строк, запомненных по этой политике" },
	{ "regional tables, Form 1", "Өңірлік кестелер, 1-нысан",
	    "Региональные таблицы, форма 1" },
	{ "regional tables, Form 2", "Өңірлік кестелер, 2-нысан",
	    "Региональные таблицы, форма 2" },
	{ "columns", "бағандар", "столбцы" },
	{ "cells", "ұяшық", "ячеек" },
	{ "rounded", "дөңгелектенген", "округлено" },
	{ "suppressed as small", "шағын болғандықтан жасырылған",
	    "скрыто как малые" },
	{ "hidden, small total", "жиыны шағын болғандықтан жарияланбаған",
	    "не опубликовано: мал итог" },
	{ "hidden, secondary", "қайталама жасырылған",
	    "скрыто вторично" },
};

const char *
report_tr(const struct report *r, const char *key)
{
	size_t	 i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(words[i].key, key) == 0)
			return r->lang == LANG_RU ? words[i].ru : words[i].kk;
	return key;
}

enum lang
report_lang(const struct report *r)
{
	return r->lang;
}

/* ------------------------------------------------------------------ */

struct report *
report_open(const char *path, enum lang lang, const struct report_guard *g)
{
	struct report	*r;
	char		*abs, *slash;

	if (report_check(path, g) == -1)
		return NULL;
	r = xcalloc(1, sizeof(*r));
	r->fd = -1;
	r->path = xstrdup(path);
	r->lang = lang;
	r->guard.db = g->db ? xstrdup(g->db) : NULL;
	r->guard.out = g->out ? xstrdup(g->out) : NULL;
	r->guard.config = g->config ? xstrdup(g->config) : NULL;
	abs = resolve(path);
	if ((slash = strrchr(abs, '/')) == abs)
		r->dir = xstrdup("/");
	else
		r->dir = xstrndup(abs, (size_t)(slash - abs));
	{
		const char *base = strrchr(path, '/');

		base = base ? base + 1 : path;
		if ((r->fd = private_file(r->dir, base, 1, &r->tmpname))
		    == -1) {
			rs_err("%s: cannot create the report: %s", path,
			    strerror(errno));
			free(abs);
			report_close(r, 0);
			return NULL;
		}
	}
	free(abs);
	if ((r->details = scratch(r)) == NULL ||
	    (r->decisions = scratch(r)) == NULL ||
	    (r->repl = scratch(r)) == NULL) {
		rs_err("%s: cannot create the report: %s", path,
		    strerror(errno));
		report_close(r, 0);
		return NULL;
	}
	return r;
}

void
report_section(struct report *r, const char *title)
{
	fprintf(r->details, "\n== %s ==\n", title);
}

void
report_line(struct report *r, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vfprintf(r->details, fmt, ap);
	va_end(ap);
	fputc('\n', r->details);
}

/* Count an item of review; the first reference it was seen in. */
static void
review_add(struct report *r, int kind, const char *key, const char *ref)
{
	size_t	 i;

	for (i = r->nitems; i > 0; i--)
		if (r->items[i - 1].kind == kind &&
		    strcmp(r->items[i - 1].key, key) == 0) {
			r->items[i - 1].n++;
			return;
		}
	if (r->nitems >= REVIEW_MAX) {
		r->dropped[kind]++;
		return;
	}
	r->items = xreallocarray(r->items, r->nitems + 1, sizeof(*r->items));
	r->items[r->nitems].kind = kind;
	r->items[r->nitems].key = xstrdup(key);
	r->items[r->nitems].ref = ref ? xstrdup(ref) : NULL;
	r->items[r->nitems].n = 1;
	r->nitems++;
}

void
report_review(struct report *r, enum report_review kind, const char *fmt,
    ...)
{
	struct buf	 b = { 0 };
	va_list		 ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	review_add(r, kind, buf_str(&b), NULL);
	buf_free(&b);
}

/* s[0..len) on one line, tabs and line breaks as spaces. */
static void
one_line(struct buf *b, const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		buf_putc(b, s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ?
		    ' ' : s[i]);
}

void
report_replacement(struct report *r, const struct report_repl *x)
{
	struct buf	 t = { 0 }, k = { 0 };

	one_line(&t, x->text + x->sp->off, x->sp->len);
	fprintf(r->repl, "%s\t%lld\t%s\t%s\t%s\t%s\t%s\n", x->ref, x->id,
	    x->source_ref ? x->source_ref : "", x->column,
	    lang_codes[x->lang], scrub_type_name(x->sp->type), buf_str(&t));
	if (x->sp->type == SCRUB_NAME && (x->sp->flags & SCRUB_F_DICT)) {
		buf_printf(&k, "%s", buf_str(&t));
		review_add(r, RR_DICTNAME, buf_str(&k), x->ref);
	} else if (x->sp->conf < UNSURE) {
		buf_printf(&k, "%s: \"%s\" (%s, %d%%)",
		    scrub_type_name(x->sp->type), buf_str(&t), x->sp->why,
		    x->sp->conf);
		review_add(r, RR_UNSURE, buf_str(&k), x->ref);
	}
	buf_free(&t);
	buf_free(&k);
}

void
report_decision(struct report *r, const char *what, const char *fmt, ...)
{
	va_list	 ap;

	fprintf(r->decisions, "%s\t", what);
	va_start(ap, fmt);
	vfprintf(r->decisions, fmt, ap);
	va_end(ap);
	fputc('\n', r->decisions);
}

static int
item_cmp(const void *va, const void *vb)
{
	const struct item *a = va, *b = vb;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->key, b->key);
}

/* Append the scratch file f to out. */
static void
append(FILE *out, FILE *f)
{
	char	 b[8192];
	size_t	 n;

	fflush(f);
	rewind(f);
	while ((n = fread(b, 1, sizeof(b), f)) > 0)
		fwrite(b, 1, n, out);
}

static void
write_review(struct report *r, FILE *out)
{
	static const char *const titles[RR__MAX] = { "review unsure",
	    "review dict", "review hidden", "review small" };
	size_t	 i, shown;
	long	 rest;
	int	 k, any;

	if (r->nitems > 1)
		qsort(r->items, r->nitems, sizeof(*r->items), item_cmp);
	fprintf(out, "\n== %s ==\n", report_tr(r, "review"));
	for (k = 0; k < RR__MAX; k++) {
		any = 0;
		shown = 0;
		rest = r->dropped[k];
		for (i = 0; i < r->nitems; i++) {
			if (r->items[i].kind != k)
				continue;
			if (!any)
				fprintf(out, "\n%s:\n", report_tr(r, titles[k]));
			any = 1;
			if (shown++ >= REVIEW_SHOW) {
				rest++;
				continue;
			}
			fprintf(out, "  %s", r->items[i].key);
			if (r->items[i].ref != NULL)
				fprintf(out, "  (%ld %s; %s %s)", r->items[i].n,
				    report_tr(r, "times"),
				    report_tr(r, "first in"), r->items[i].ref);
			fputc('\n', out);
		}
		if (rest > 0) {
			fputs("  ", out);
			fprintf(out, report_tr(r, "more"), rest);
			fputc('\n', out);
		}
		(void)any;
	}
	if (r->nitems == 0)
		fprintf(out, "%s\n", report_tr(r, "review none"));
}

/* Give the unnamed file fd the name path: a fresh name, then rename. */
static int
name_it(struct report *r)
{
	char	 proc[64], *n;
	int	 tries;

	if (r->tmpname != NULL)
		return rename(r->tmpname, r->path);
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", r->fd);
	for (tries = 0; tries < 16; tries++) {
		const char *base = strrchr(r->path, '/');

		n = random_name(r->dir, base ? base + 1 : r->path);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, n, AT_SYMLINK_FOLLOW)
		    == 0) {
			r->tmpname = n;
			return rename(n, r->path);
		}
		free(n);
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

/*
 * Write the whole report into its unnamed file and make it durable:
 * everything of report_close that a full disk can fail, done before the
 * build records its release (build.c), so that a report that cannot be
 * written fails the build while nothing is recorded yet.  Once only;
 * report_close then names it.  0, or -1 with rs_err.
 */
int
report_write(struct report *r)
{
	if (r == NULL || r->out != NULL || r->fd == -1)
		return 0;
	if ((r->out = fdopen(r->fd, "w")) == NULL)
		return rs_err("%s: write error: %s", r->path, strerror(errno));
	fprintf(r->out, "%s\n\n%s\n%s\n%s\n", report_tr(r, "title"),
	    report_tr(r, "warning1"), report_tr(r, "warning2"),
	    report_tr(r, "warning3"));
	write_review(r, r->out);
	append(r->out, r->details);
	fprintf(r->out, "\n== %s ==\n", report_tr(r, "decisions"));
	append(r->out, r->decisions);
	fprintf(r->out, "\n%s:\n", report_tr(r, "replacements"));
	append(r->out, r->repl);
	if (fflush(r->out) != 0 || ferror(r->out) || ferror(r->details) ||
	    ferror(r->decisions) || ferror(r->repl) ||
	    fsync(fileno(r->out)) != 0)
		return rs_err("%s: write error: %s", r->path, strerror(errno));
	return 0;
}

int
report_close(struct report *r, int ok)
{
	FILE	*out = NULL;
	size_t	 i;
	int	 rc = 0;

	if (r == NULL)
		return 0;
	if (ok && r->fd != -1) {
		if (r->out == NULL && report_write(r) == -1) {
			rc = -1;
			out = r->out;
			goto out;
		}
		out = r->out;
		/* The path once more: nothing may have moved meanwhile. */
		if (report_check(r->path, &r->guard) == -1) {
			rc = -1;
			goto out;
		}
		if (name_it(r) == -1) {
			rc = rs_err("%s: cannot move the report into place: "
			    "%s", r->path, strerror(errno));
			goto out;
		}
		free(r->tmpname);
		r->tmpname = NULL;
	}
out:
	/* out owns the descriptor once it is open */
	if (out == NULL)
		out = r->out;
	if (out != NULL && fclose(out) != 0 && rc == 0)
		rc = rs_err("%s: write error: %s", r->path, strerror(errno));
	else if (out == NULL && r->fd != -1)
		close(r->fd);
	if (r->tmpname != NULL)
		unlink(r->tmpname);
	if (r->details)
		fclose(r->details);
	if (r->decisions)
		fclose(r->decisions);
	if (r->repl)
		fclose(r->repl);
	for (i = 0; i < r->nitems; i++) {
		free(r->items[i].key);
		free(r->items[i].ref);
	}
	free(r->items);
	free(r->tmpname);
	free(r->dir);
	free(r->path);
	free((char *)r->guard.db);
	free((char *)r->guard.out);
	free((char *)r->guard.config);
	free(r);
	return rc;
}
