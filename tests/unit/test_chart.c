/*
 * test_chart.c -- the SVG charts (chart.c).
 *
 * Draws every kind of chart from fixed data in both languages (with
 * suppressed and zero values, one and twenty-odd categories, very long
 * labels, nothing but zeros, huge numbers), writes each to
 * $ARTIFACTS/chart/NAME.svg with a gallery page, checks it with
 * xmllint and reads the marks back: each data-value mark's length must
 * be proportional to its value, suppressed marks carry no value, labels
 * are formatted per REGISTRY.md section 7, and nothing the Content
 * Security Policy forbids appears.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/lib.h"
#include "lib/format.h"
#include "render/chart.h"
#include "unit.h"

#define NNBSP	"\xe2\x80\xaf"	/* U+202F */

static char	 artdir[1024];
static struct buf gallery, randoms;	/* gallery.html, random.html */
static struct buf *page = &gallery;	/* where render() adds charts */

/* The pages that show the charts (test CSS, not the site's). */
#define GALLERY_HEAD "<!DOCTYPE html>\n<html lang=\"kk\"><head>"	\
	"<meta charset=\"utf-8\"><meta name=\"viewport\" "		\
	"content=\"width=device-width\"><title>Charts</title><style>"	\
	"body{margin:0;padding:8px;font-family:system-ui,sans-serif;"	\
	"display:grid;grid-template-columns:repeat(auto-fill,"		\
	"minmax(300px,600px));gap:16px}figure{margin:0}"		\
	"svg.chart{width:100%;height:auto;display:block}"		\
	"figcaption{color:#888;font-size:12px}</style></head><body>\n"

/* A fixed-size array of points from values; -1 is suppressed, -2 nodata. */
static struct chart_point *
points(const double *v, size_t n)
{
	struct chart_point *p = xcalloc(n, sizeof(*p));
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (v[i] == -1)
			p[i].suppressed = 1;
		else if (v[i] == -2)
			p[i].nodata = 1;
		else
			p[i].v = v[i];
	}
	return p;
}

/* Value of attribute name in the tag starting at tag, or NULL. */
static const char *
attr(const char *tag, const char *name, char *val, size_t valsz)
{
	const char	*end = strchr(tag, '>'), *p = tag, *q;
	size_t		 n = strlen(name);

	while ((p = strstr(p, name)) != NULL && p < end) {
		if (p[-1] == ' ' && p[n] == '=' && p[n + 1] == '"') {
			p += n + 2;
			q = strchr(p, '"');
			if (q == NULL || (size_t)(q - p) >= valsz)
				return NULL;
			memcpy(val, p, (size_t)(q - p));
			val[q - p] = '\0';
			return val;
		}
		p += n;
	}
	return NULL;
}

/* Whether the tag starting at tag contains what. */
static int
in_tag(const char *tag, const char *what)
{
	const char	*p = strstr(tag, what);

	return p != NULL && p < strchr(tag, '>');
}

static double
attrd(const char *tag, const char *name)
{
	char	 v[64];

	return attr(tag, name, v, sizeof(v)) ? strtod(v, NULL) : NAN;
}

/* The marks of a chart, read back from its SVG. */
struct marks {
	int	 nvalue, nsupp, nnodata;
	int	 supp_with_value;	/* a suppressed mark with data-value */
	double	 maxdev;		/* |length - value * k| at worst */
	double	 k;			/* pixels per unit */
};

/*
 * Read every <rect> with data-value, data-suppressed or data-nodata;
 * along is "width" or "height" (the dimension that shows the value),
 * NULL for the tile map.
 */
static void
read_marks(const char *svg, const char *along, struct marks *m)
{
	const char	*p = svg;
	char		 v[64];
	double		 val, len, vmax = 0, lmax = 0;

	memset(m, 0, sizeof(*m));
	m->k = NAN;
	/* First pass: the largest value fixes the scale. */
	while ((p = strstr(p, "<rect ")) != NULL) {
		if (attr(p, "data-value", v, sizeof(v)) != NULL && along) {
			val = strtod(v, NULL);
			if (val > vmax) {
				vmax = val;
				lmax = attrd(p, along);
			}
		}
		p++;
	}
	if (vmax > 0)
		m->k = lmax / vmax;
	for (p = svg; (p = strstr(p, "<rect ")) != NULL; p++) {
		if (attr(p, "data-suppressed", v, sizeof(v)) != NULL) {
			m->nsupp++;
			if (attr(p, "data-value", v, sizeof(v)) != NULL)
				m->supp_with_value = 1;
			continue;
		}
		if (attr(p, "data-nodata", v, sizeof(v)) != NULL) {
			m->nnodata++;
			continue;
		}
		if (attr(p, "data-value", v, sizeof(v)) == NULL)
			continue;
		m->nvalue++;
		if (along == NULL)
			continue;
		val = strtod(v, NULL);
		len = attrd(p, along);
		if (vmax > 0 && fabs(len - val * m->k) > m->maxdev)
			m->maxdev = fabs(len - val * m->k);
		if (vmax == 0 && len > m->maxdev)
			m->maxdev = len;
	}
}

static size_t
count(const char *s, const char *what)
{
	size_t	 n = 0;

	while ((s = strstr(s, what)) != NULL) {
		n++;
		s += strlen(what);
	}
	return n;
}

/*
 * Render c, write NAME.svg, add it to the gallery, run xmllint, and
 * check what every chart must satisfy.  Returns the SVG (caller frees)
 * or NULL.
 */
static char *
render(const char *name, const struct chart *c)
{
	struct buf	 a = { 0 }, b = { 0 };
	char		 path[1200], cmd[1400];
	const char	*root_end;
	FILE		*f;
	int		 rc;

	rc = chart_svg(&a, c);
	CHECK(rc == 0, "%s: renders", name);
	if (rc != 0) {
		printf("  %s\n", rs_errmsg());
		buf_free(&a);
		return NULL;
	}
	chart_svg(&b, c);
	CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0,
	    "%s: deterministic", name);
	buf_free(&b);

	snprintf(path, sizeof(path), "%s/%s.svg", artdir, name);
	f = fopen(path, "w");
	if (f != NULL) {
		fwrite(a.data, 1, a.len, f);
		fclose(f);
	}
	snprintf(cmd, sizeof(cmd), "xmllint --noout '%s'", path);
	CHECK(f != NULL && system(cmd) == 0, "%s: well-formed (xmllint)", name);

	CHECK(strncmp(a.data, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 ", 53) == 0, "%s: svg root with viewBox", name);
	root_end = strchr(a.data, '>');
	{
		char	*root = xstrndup(a.data, (size_t)(root_end - a.data));

		CHECK(strstr(root, " width=") == NULL &&
		    strstr(root, " height=") == NULL, "%s: no fixed size",
		    name);
		free(root);
	}
	{
		char	 want[400];

		snprintf(want, sizeof(want), " role=\"img\" aria-labelledby="
		    "\"%s-title %s-desc\"", c->id, c->id);
		CHECK(strstr(a.data, want) != NULL && strstr(a.data,
		    "<title id=\"") == strchr(a.data, '>') + 2,
		    "%s: role, aria-labelledby, title first", name);
		snprintf(want, sizeof(want), "<desc id=\"%s-desc\">", c->id);
		CHECK(strstr(a.data, want) != NULL, "%s: desc", name);
	}
	CHECK(strstr(a.data, "style") == NULL && strstr(a.data, "<script") ==
	    NULL && strstr(a.data, "href") == NULL &&
	    strstr(a.data, "url(http") == NULL && strstr(a.data,
	    "@import") == NULL, "%s: no style, script or reference", name);
	CHECK(count(a.data, "url(#") == count(a.data, "fill=\"url(#") &&
	    (count(a.data, "url(#") == 0 || strstr(a.data, "<pattern id=\"")),
	    "%s: only local patterns", name);
	{
		/* Font sizes are at least 15 units. */
		const char	*p = a.data;
		int		 small = 0;

		while ((p = strstr(p, "font-size=\"")) != NULL) {
			p += 11;
			if (atof(p) < 15)
				small = 1;
		}
		CHECK(!small, "%s: font sizes >= 15", name);
	}

	buf_printf(page, "<figure><figcaption>%s</figcaption>\n", name);
	buf_put(page, a.data, a.len);
	buf_printf(page, "</figure>\n");
	return buf_detach(&a);
}

/* ---- fixture data ------------------------------------------------- */

static const char *const quarters[] = {
	"2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1",
	"2026Q2", "2026Q3", "2026Q4", "2027Q1", "2027Q2", "2027Q3",
	"2027Q4", "2028Q1", "2028Q2", "2028Q3", "2028Q4", "2029Q1",
	"2029Q2", "2029Q3"
};

static const char *const groups[LANG__MAX][4] = {
	{ "Терапиялық бейін", "Хирургиялық бейін",
	  "Педиатриялық бейін", "Акушерлік-гинекологиялық бейін" },
	{ "Терапевтический профиль", "Хирургический профиль",
	  "Педиатрический профиль", "Акушерско-гинекологический профиль" }
};

/* The ICD-10 chapters, REGISTRY.md section 6. */
static const char *const chapters[LANG__MAX][22] = { {
	"Кейбір жұқпалы және паразиттік аурулар", "Ісіктер",
	"Қан және қан түзу ағзаларының аурулары, иммундық бұзылулар",
	"Эндокриндік жүйе аурулары, тамақтану және зат алмасу бұзылулары",
	"Психикалық және мінез-құлықтық бұзылулар",
	"Жүйке жүйесінің аурулары",
	"Көз және оның қосалқы аппаратының аурулары",
	"Құлақ және емізік тәрізді өсінді аурулары",
	"Қанайналым жүйесінің аурулары", "Тыныс алу ағзаларының аурулары",
	"Ас қорыту ағзаларының аурулары",
	"Тері және тері асты шелінің аурулары",
	"Сүйек-бұлшықет жүйесі мен дәнекер тінінің аурулары",
	"Несеп-жыныс жүйесінің аурулары",
	"Жүктілік, босану және босанудан кейінгі кезең",
	"Перинаталдық кезеңде туындайтын жекелеген жай-күйлер",
	"Туа біткен ауытқулар, деформациялар және хромосомдық бұзылулар",
	"Басқа айдарларда жіктелмеген симптомдар, белгілер және ауытқулар",
	"Жарақаттар, уланулар және сыртқы себептердің басқа салдарлары",
	"Аурушаңдық пен өлімнің сыртқы себептері",
	"Денсаулық жағдайына әсер ететін факторлар",
	"Арнайы мақсаттарға арналған кодтар" }, {
	"Некоторые инфекционные и паразитарные болезни", "Новообразования",
	"Болезни крови, кроветворных органов и отдельные нарушения с "
	"вовлечением иммунного механизма",
	"Болезни эндокринной системы, расстройства питания и нарушения "
	"обмена веществ",
	"Психические расстройства и расстройства поведения",
	"Болезни нервной системы",
	"Болезни глаза и его придаточного аппарата",
	"Болезни уха и сосцевидного отростка",
	"Болезни системы кровообращения", "Болезни органов дыхания",
	"Болезни органов пищеварения",
	"Болезни кожи и подкожной клетчатки",
	"Болезни костно-мышечной системы и соединительной ткани",
	"Болезни мочеполовой системы",
	"Беременность, роды и послеродовой период",
	"Отдельные состояния, возникающие в перинатальном периоде",
	"Врожденные аномалии, деформации и хромосомные нарушения",
	"Симптомы, признаки и отклонения от нормы, не классифицированные в "
	"других рубриках",
	"Травмы, отравления и некоторые другие последствия воздействия "
	"внешних причин",
	"Внешние причины заболеваемости и смертности",
	"Факторы, влияющие на состояние здоровья и обращения в учреждения "
	"здравоохранения",
	"Коды для особых целей" }
};

static const char *const region_codes[20] = {
	"KZ-71", "KZ-75", "KZ-79", "KZ-10", "KZ-11", "KZ-15", "KZ-19",
	"KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35", "KZ-39", "KZ-43",
	"KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63"
};
static const char *const region_names[LANG__MAX][20] = { {
	"Астана қаласы", "Алматы қаласы", "Шымкент қаласы", "Абай облысы",
	"Ақмола облысы", "Ақтөбе облысы", "Алматы облысы", "Атырау облысы",
	"Батыс Қазақстан облысы", "Жамбыл облысы", "Жетісу облысы",
	"Қарағанды облысы", "Қостанай облысы", "Қызылорда облысы",
	"Маңғыстау облысы", "Павлодар облысы", "Солтүстік Қазақстан облысы",
	"Түркістан облысы", "Ұлытау облысы", "Шығыс Қазақстан облысы" }, {
	"город Астана", "город Алматы", "город Шымкент", "область Абай",
	"Акмолинская область", "Актюбинская область", "Алматинская область",
	"Атырауская область", "Западно-Казахстанская область",
	"Жамбылская область", "область Жетісу", "Карагандинская область",
	"Костанайская область", "Кызылординская область",
	"Мангистауская область", "Павлодарская область",
	"Северо-Казахстанская область", "Туркестанская область",
	"область Ұлытау", "Восточно-Казахстанская область" }
};

static const char *const ages[LANG__MAX][9] = { {
	"0–9", "10–19", "20–29", "30–39", "40–49", "50–59", "60–69",
	"70–79", "80 және одан жоғары" }, {
	"0–9", "10–19", "20–29", "30–39", "40–49", "50–59", "60–69",
	"70–79", "80+" }
};

/* The per-language strings every page passes. */
static const struct {
	const char *supp, *supp_legend, *nodata, *per100k, *note;
	const char *clinical, *corporate, *with, *without, *men, *women;
} L[LANG__MAX] = { {
	"<8", "8-ден аз: жеке деректерді қорғау үшін жасырылған",
	"деректер жоқ", "100 000 тұрғынға",
	"Дереккөз: медициналық оқыс оқиғалардың бірыңғай тізілімі",
	"Клиникалық", "Корпоративтік", "Салдарымен", "Салдарсыз",
	"Ерлер", "Әйелдер" }, {
	"<8", "менее 8: скрыто для защиты персональных данных",
	"нет данных", "на 100 000 жителей",
	"Источник: единый реестр медицинских инцидентов",
	"Клинические", "Корпоративные", "С последствиями",
	"Без последствий", "Мужчины", "Женщины" }
};

static void
base(struct chart *c, enum chart_kind kind, enum lang lang, const char *id,
    const char *title)
{
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->lang = lang;
	c->id = id;
	c->title = title;
	c->desc = "Test chart: the values are fixed fixtures.";
	c->suppressed_label = L[lang].supp;
	c->suppressed_legend = L[lang].supp_legend;
	c->nodata_label = L[lang].nodata;
}

/* Quarter labels as the pages write them on axes. */
static char **
quarter_labels(enum lang lang, size_t n)
{
	char	**q = xcalloc(n, sizeof(*q));
	struct buf b = { 0 };
	size_t	 i;

	for (i = 0; i < n; i++) {
		fmt_quarter(&b, lang, quarters[i], QF_SHORT);
		q[i] = buf_detach(&b);
	}
	return q;
}

static void
free_labels(char **q, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(q[i]);
	free(q);
}

/* ---- the charts ---------------------------------------------------- */

/* Stacked columns per quarter, both languages, with a suppressed part. */
static void
test_columns(enum lang lang)
{
	static const double clin[] = { 120, 342, 12345, 560, 0 };
	static const double corp[] = { 48, -1, 2210, 97, 0 };
	struct chart_series sr[2];
	struct chart	 c;
	struct marks	 m;
	char		**q = quarter_labels(lang, 5), *svg, name[64];

	base(&c, CHART_COLUMNS, lang, "cols", lang == LANG_KK ?
	    "Тоқсан сайынғы оқыс оқиғалар" : "Инциденты по кварталам");
	c.cats = (const char *const *)q;
	c.ncats = 5;
	sr[0].label = L[lang].clinical;
	sr[0].v = points(clin, 5);
	sr[1].label = L[lang].corporate;
	sr[1].v = points(corp, 5);
	c.series = sr;
	c.nseries = 2;
	c.note = L[lang].note;
	snprintf(name, sizeof(name), "columns-%s", lang_codes[lang]);
	if ((svg = render(name, &c)) != NULL) {
		read_marks(svg, "height", &m);
		CHECK(m.nvalue == 9 && m.nsupp == 1 && !m.supp_with_value,
		    "%s: 9 drawn marks, 1 suppressed without a value", name);
		CHECK(m.maxdev < 0.02, "%s: heights proportional (%g)", name,
		    m.maxdev);
		CHECK(strstr(svg, ">12" NNBSP "345<") != NULL,
		    "%s: 12 345 with U+202F", name);
		CHECK(strstr(svg, ">14" NNBSP "555<") != NULL,
		    "%s: the stack total 14 555", name);
		CHECK(strstr(svg, ">342 + &lt;8<") != NULL,
		    "%s: a total with a suppressed part reads 342 + <8", name);
		CHECK(count(svg, L[lang].supp_legend) == 1,
		    "%s: suppressed legend once", name);
		CHECK(strstr(svg, L[lang].clinical) && strstr(svg,
		    L[lang].corporate), "%s: series legend", name);
		CHECK(strstr(svg, q[0]) != NULL, "%s: quarter labels", name);
		free(svg);
	}
	free((void *)sr[0].v);
	free((void *)sr[1].v);
	free_labels(q, 5);
}

/* Twenty quarters, one series: labels turn upright, nothing is lost. */
static void
test_columns20(void)
{
	double		 v[20];
	struct chart_series sr;
	struct chart	 c;
	struct marks	 m;
	char		**q = quarter_labels(LANG_RU, 20), *svg;
	size_t		 i;

	for (i = 0; i < 20; i++)
		v[i] = (double)(i * 37 % 50) * 11;
	v[3] = -1;
	v[7] = -1;
	base(&c, CHART_COLUMNS, LANG_RU, "cols20", "Двадцать кварталов");
	c.cats = (const char *const *)q;
	c.ncats = 20;
	sr.label = NULL;
	sr.v = points(v, 20);
	c.series = &sr;
	c.nseries = 1;
	c.unit = "случаев";
	if ((svg = render("columns-20", &c)) != NULL) {
		read_marks(svg, "height", &m);
		CHECK(m.nvalue == 18 && m.nsupp == 2,
		    "columns-20: 18 drawn, 2 suppressed");
		CHECK(m.maxdev < 0.02, "columns-20: proportional");
		CHECK(strstr(svg, "rotate(-90") != NULL,
		    "columns-20: upright labels");
		CHECK(count(svg, ">&lt;8<") == 2,
		    "columns-20: each suppressed column labelled <8");
		CHECK(strstr(svg, "случаев") != NULL, "columns-20: unit");
		for (i = 0; i < 20; i++)
			if (strstr(svg, q[i]) == NULL)
				break;
		CHECK(i == 20, "columns-20: every quarter labelled");
		free(svg);
	}
	free((void *)sr.v);
	free_labels(q, 20);
}

/* One category; all zeros; huge numbers. */
static void
test_columns_edge(void)
{
	static const double one[] = { 42 };
	static const double zeros[] = { 0, 0, 0, 0 };
	static const double huge[] = { 1234567890, 987654321, 5e14, 3 };
	struct chart_series sr;
	struct chart	 c;
	struct marks	 m;
	char		**q = quarter_labels(LANG_KK, 4), *svg;

	base(&c, CHART_COLUMNS, LANG_KK, "one", "Бір тоқсан");
	c.cats = (const char *const *)q;
	c.ncats = 1;
	sr.label = NULL;
	sr.v = points(one, 1);
	c.series = &sr;
	c.nseries = 1;
	if ((svg = render("columns-single", &c)) != NULL) {
		read_marks(svg, "height", &m);
		CHECK(m.nvalue == 1 && m.maxdev < 0.02 && m.k > 0,
		    "columns-single: one mark");
		CHECK(strstr(svg, ">42<") != NULL, "columns-single: label");
		CHECK(strstr(svg, "pattern") == NULL,
		    "columns-single: no patterns when nothing is hidden");
		free(svg);
	}
	free((void *)sr.v);

	c.id = "zeros";
	c.ncats = 4;
	sr.v = points(zeros, 4);
	if ((svg = render("columns-zero", &c)) != NULL) {
		read_marks(svg, "height", &m);
		CHECK(m.nvalue == 4 && m.maxdev == 0,
		    "columns-zero: four marks of height 0");
		CHECK(count(svg, ">0<") >= 4, "columns-zero: labelled 0");
		free(svg);
	}
	free((void *)sr.v);

	c.id = "huge";
	sr.v = points(huge, 4);
	c.decimals = 0;
	if ((svg = render("columns-huge", &c)) != NULL) {
		read_marks(svg, "height", &m);
		CHECK(m.nvalue == 4 && m.maxdev < 0.02,
		    "columns-huge: proportional");
		CHECK(strstr(svg, ">500" NNBSP "000" NNBSP "000" NNBSP "000"
		    NNBSP "000<") != NULL, "columns-huge: 500 000 000 000 000");
		free(svg);
	}
	free((void *)sr.v);
	free_labels(q, 4);
}

/* Long category names under narrow columns stand upright, wrapped. */
static void
test_columns_long(void)
{
	static const double v[] = { 12, 40, 0, 33, -1, 25, 18, 9, 60, 14 };
	struct chart_series sr;
	struct chart	 c;
	struct marks	 m;
	char		*svg;
	size_t		 i;

	base(&c, CHART_COLUMNS, LANG_RU, "longcols", "Главы МКБ-10");
	c.cats = chapters[LANG_RU];
	c.ncats = 10;
	sr.label = NULL;
	sr.v = points(v, 10);
	c.series = &sr;
	c.nseries = 1;
	if ((svg = render("columns-long", &c)) != NULL) {
		read_marks(svg, "height", &m);
		CHECK(m.nvalue == 9 && m.nsupp == 1 && m.maxdev < 0.02,
		    "columns-long: proportional");
		CHECK(count(svg, "rotate(-90") == 10,
		    "columns-long: ten upright labels");
		for (i = 0; i < 10; i++)
			if (strstr(svg, i == 0 ? ">Некоторые инфекционные" :
			    i == 2 ? ">Болезни крови," : ">") == NULL)
				break;
		CHECK(i == 10, "columns-long: wrapped by words");
		free(svg);
	}
	free((void *)sr.v);
}

/*
 * Issue 14: a stack's label lists its parts in legend order, zeros
 * left out ("Death: <8", never "0 + <8"); a rounded value is marked
 * with the footnote symbol and the legend explains it once.
 */
static void
test_order_rounded(void)
{
	static const double ins[] = { 0, -1, 120, 40 };
	static const double unins[] = { -1, 0, -1, 5 };
	static const char *const cats[] = { "Смерть", "Инвалидность",
	    "Ятрогения", "Прочее" };
	struct chart_series sr[2];
	struct chart_point *a, *z;
	struct chart	 c;
	char		*svg;

	base(&c, CHART_BARS, LANG_RU, "order", "Вред и страхование");
	c.cats = cats;
	c.ncats = 4;
	a = points(ins, 4);
	z = points(unins, 4);
	a[2].rounded = 1;
	a[3].rounded = 1;
	sr[0].label = "Застрахован";
	sr[0].v = a;
	sr[1].label = "Не застрахован";
	sr[1].v = z;
	c.series = sr;
	c.nseries = 2;
	c.rounded_label = "\xe2\x89\x88";
	c.rounded_legend = "округлено до числа, кратного 5";
	if ((svg = render("bars-order-rounded", &c)) != NULL) {
		CHECK(strstr(svg, ">0 + &lt;8<") == NULL &&
		    count(svg, ">&lt;8</text>") == 2,
		    "order: a zero part is left out (<8, not 0 + <8)");
		CHECK(strstr(svg, ">\xe2\x89\x88" "120 + &lt;8<") != NULL,
		    "order: insured ≈120 then uninsured <8, as the legend");
		CHECK(strstr(svg, ">\xe2\x89\x88" "45<") != NULL,
		    "order: a total with a rounded part is marked ≈45");
		CHECK(count(svg, "округлено до числа, кратного 5") == 1,
		    "order: the rounding legend once");
		free(svg);
	}
	c.rounded_legend = NULL;
	CHECK(chart_svg(&(struct buf){ 0 }, &c) == -1 &&
	    strcmp(rs_errmsg(), "chart 'order': rounded_label needs "
	    "rounded_legend") == 0, "order: a mark needs its legend");
	free(a);
	free(z);
}

/* Six series, the whole palette; labels inside take a readable ink. */
static void
test_columns6(void)
{
	static const double v[6][3] = {
		{ 300, 280, 90 }, { 250, 0, 120 }, { 200, 190, -1 },
		{ 150, 160, 70 }, { 100, 130, 60 }, { 80, 110, 50 }
	};
	struct chart_series sr[6];
	struct chart	 c;
	struct marks	 m;
	char		**q = quarter_labels(LANG_KK, 3), *svg;
	size_t		 s;

	base(&c, CHART_COLUMNS, LANG_KK, "six", "Алты қатар");
	c.cats = (const char *const *)q;
	c.ncats = 3;
	for (s = 0; s < 6; s++) {
		sr[s].label = groups[LANG_KK][s % 4];
		sr[s].v = points(v[s], 3);
	}
	sr[4].label = "Бесінші";
	sr[5].label = "Алтыншы";
	c.series = sr;
	c.nseries = 6;
	if ((svg = render("columns-6", &c)) != NULL) {
		read_marks(svg, "height", &m);
		CHECK(m.nvalue == 17 && m.nsupp == 1 && m.maxdev < 0.02,
		    "columns-6: 17 drawn, 1 suppressed, proportional");
		CHECK(strstr(svg, "fill=\"#D55E00\"") != NULL &&
		    count(svg, "<pattern id=\"six-h") == 7,
		    "columns-6: six colours, seven hatchings");
		CHECK(strstr(svg, "class=\"inside\" fill=\"#ffffff\">300<") &&
		    strstr(svg, "class=\"inside\" fill=\"#222222\">250<"),
		    "columns-6: white on blue, dark on orange");
		CHECK(strstr(svg, ">1080<") && strstr(svg, ">390 + &lt;8<"),
		    "columns-6: totals");
		free(svg);
	}
	for (s = 0; s < 6; s++)
		free((void *)sr[s].v);
	free_labels(q, 3);
}

/* Stacked bars with long profile labels, both languages. */
static void
test_bars(enum lang lang)
{
	static const double with[] = { 312, 198, -1, 77 };
	static const double without[] = { 1504, 877, 230, 0 };
	struct chart_series sr[2];
	struct chart	 c;
	struct marks	 m;
	char		*svg, name[64];

	base(&c, CHART_BARS, lang, "bars", lang == LANG_KK ?
	    "Бейін бойынша оқыс оқиғалар" : "Инциденты по профилям");
	c.cats = groups[lang];
	c.ncats = 4;
	sr[0].label = L[lang].with;
	sr[0].v = points(with, 4);
	sr[1].label = L[lang].without;
	sr[1].v = points(without, 4);
	c.series = sr;
	c.nseries = 2;
	c.show_title = 1;
	c.note = L[lang].note;
	snprintf(name, sizeof(name), "bars-%s", lang_codes[lang]);
	if ((svg = render(name, &c)) != NULL) {
		read_marks(svg, "width", &m);
		CHECK(m.nvalue == 7 && m.nsupp == 1 && !m.supp_with_value,
		    "%s: 7 drawn, 1 suppressed", name);
		CHECK(m.maxdev < 0.02, "%s: widths proportional", name);
		CHECK(strstr(svg, ">1" NNBSP "816<") == NULL &&
		    strstr(svg, ">1816<") != NULL,
		    "%s: four-digit total 1816 ungrouped", name);
		CHECK(strstr(svg, ">&lt;8 + 230<") != NULL &&
		    strstr(svg, ">230 + &lt;8<") == NULL,
		    "%s: <8 + 230, the parts in legend order", name);
		{
			/* The tick "1000" is where a bar of 1000 ends. */
			const char *tick = strstr(svg, ">1000</text>");
			const char *bar = strstr(svg, "<rect x=");

			while (bar && !in_tag(bar, "data-value"))
				bar = strstr(bar + 1, "<rect x=");

			while (tick && tick > svg && strncmp(tick, "<text", 5))
				tick--;
			CHECK(tick && bar && fabs(attrd(tick, "x") -
			    (attrd(bar, "x") + 1000 * m.k)) < 0.02,
			    "%s: ticks on the bars' scale", name);
		}
		CHECK(strstr(svg, "<tspan") != NULL, "%s: labels wrapped",
		    name);
		CHECK(strstr(svg, "font-weight=\"bold\"") != NULL,
		    "%s: visible title", name);
		free(svg);
	}
	free((void *)sr[0].v);
	free((void *)sr[1].v);
}

/* 22 ICD-10 chapters, rates with one decimal, some suppressed. */
static void
test_bars22(enum lang lang)
{
	double		 v[22];
	struct chart_series sr;
	struct chart	 c;
	struct marks	 m;
	char		*svg, name[64];
	size_t		 i;

	for (i = 0; i < 22; i++)
		v[i] = (double)((i * 53) % 97) / 3.0;
	v[5] = -1;
	v[21] = -1;
	v[10] = 0;
	v[2] = lang == LANG_KK ? 12345.65 : 45.65;	/* kk: an outlier */
	base(&c, CHART_BARS, lang, "chapters", "ICD-10");
	c.cats = chapters[lang];
	c.ncats = 22;
	sr.label = NULL;
	sr.v = points(v, 22);
	c.series = &sr;
	c.nseries = 1;
	c.decimals = 1;
	c.unit = L[lang].per100k;
	snprintf(name, sizeof(name), "bars-22-%s", lang_codes[lang]);
	if ((svg = render(name, &c)) != NULL) {
		read_marks(svg, "width", &m);
		CHECK(m.nvalue == 20 && m.nsupp == 2,
		    "%s: 20 drawn, 2 suppressed", name);
		CHECK(m.maxdev < 0.02, "%s: proportional", name);
		CHECK(strstr(svg, lang == LANG_KK ? ">12" NNBSP "345,7<" :
		    ">45,7<") != NULL, "%s: decimal comma (and grouping)",
		    name);
		CHECK(strstr(svg, ">0,0<") != NULL, "%s: zero as 0,0", name);
		CHECK(strstr(svg, L[lang].per100k) != NULL, "%s: unit", name);
		free(svg);
	}
	free((void *)sr.v);
}

/* Labels with no place to break, and a huge stub-only row. */
static void
test_bars_long(void)
{
	static const char *const cats[] = {
		"Акушерско-гинекологический профиль",
		"Болезни костно-мышечной системы и соединительной ткани",
		"Батыс Қазақстан облысы",
		"Оченьоченьоченьдлинноесловобезпробеловкотороеневлезаетникуда",
		"A & B <c> \"quoted\" 'single'"
	};
	static const double v[] = { 5, -1, 8, 100, -2 };
	struct chart_series sr;
	struct chart	 c;
	struct marks	 m;
	char		*svg;

	base(&c, CHART_BARS, LANG_RU, "long", "Длинные <подписи> & «кавычки»");
	c.cats = cats;
	c.ncats = 5;
	sr.label = NULL;
	sr.v = points(v, 5);
	c.series = &sr;
	c.nseries = 1;
	if ((svg = render("bars-long", &c)) != NULL) {
		read_marks(svg, "width", &m);
		CHECK(m.nvalue == 3 && m.nsupp == 1 && m.maxdev < 0.02,
		    "bars-long: proportional");
		CHECK(count(svg, ">—<") == 2 && strstr(svg,
		    L[LANG_RU].nodata) != NULL,
		    "bars-long: no data is a dash, explained in the legend");
		CHECK(strstr(svg, "A &amp; B &lt;c&gt; &quot;quoted&quot; "
		    "&apos;single&apos;") != NULL, "bars-long: escaped");
		CHECK(strstr(svg, "Длинные &lt;подписи&gt; &amp; «кавычки»") !=
		    NULL, "bars-long: title escaped");
		CHECK(strstr(svg, ">Оченьоченьоченьдлинноес") != NULL &&
		    strstr(svg, "-</tspan>") != NULL,
		    "bars-long: a word too long is cut with a hyphen");
		CHECK(strstr(svg, ">Оченьоченьоченьдлинноесло-<") != NULL &&
		    strstr(svg, ">вобезпробеловкотороеневле-<") != NULL &&
		    strstr(svg, ">заетникуда<") != NULL,
		    "bars-long: ... between syllables (after a vowel, "
		    "before a consonant)");
		free(svg);
	}
	free((void *)sr.v);
}

/* The pyramid, both languages. */
static void
test_pyramid(enum lang lang)
{
	static const double men[] = { 31, 12, 45, 88, 102, 140, 96, 40, -1 };
	static const double women[] = { 28, 0, 160, 210, 150, 121, 110, 55,
	    -1 };
	struct chart_series sr[2];
	struct chart	 c;
	struct marks	 m;
	char		*svg, name[64];
	const char	*p0, *p9;

	base(&c, CHART_PYRAMID, lang, "pyr", lang == LANG_KK ?
	    "Пациенттердің жасы мен жынысы" : "Возраст и пол пациентов");
	c.cats = ages[lang];
	c.ncats = 9;
	sr[0].label = L[lang].men;
	sr[0].v = points(men, 9);
	sr[1].label = L[lang].women;
	sr[1].v = points(women, 9);
	c.series = sr;
	c.nseries = 2;
	snprintf(name, sizeof(name), "pyramid-%s", lang_codes[lang]);
	if ((svg = render(name, &c)) != NULL) {
		read_marks(svg, "width", &m);
		CHECK(m.nvalue == 16 && m.nsupp == 2,
		    "%s: 16 drawn, 2 suppressed", name);
		CHECK(m.maxdev < 0.02, "%s: one scale for both halves", name);
		p0 = strstr(svg, ">0–9<");
		p9 = strstr(svg, lang == LANG_KK ? ">80 және" : ">80+<");
		while (p0 && p0 > svg && strncmp(p0, "<t", 2) != 0)
			p0--;
		while (p9 && p9 > svg && strncmp(p9, "<t", 2) != 0)
			p9--;
		CHECK(p0 && p9 && attrd(p9, "y") < attrd(p0, "y"),
		    "%s: youngest at the bottom", name);
		CHECK(strstr(svg, L[lang].men) && strstr(svg, L[lang].women),
		    "%s: both halves titled", name);
		{
			/* Left bars end on a line, right bars start on one. */
			const char	*p = svg;
			double		 left = NAN, right = NAN;
			int		 nl = 0, nr = 0, bad = 0;

			while ((p = strstr(p, "<rect x=")) != NULL) {
				double	 x0 = attrd(p, "x");
				double	 x1 = x0 + attrd(p, "width");
				char	 v[8];

				if (attr(p, "data-value", v, sizeof(v)) ||
				    attr(p, "data-suppressed", v, sizeof(v))) {
					if (in_tag(p, "fill=\"#0072B2\"") ||
					    in_tag(p, "-h0)")) {
						if (nl++ == 0)
							left = x1;
						bad |= fabs(x1 - left) > 0.01;
					} else {
						if (nr++ == 0)
							right = x0;
						bad |= fabs(x0 - right) > 0.01;
					}
				}
				p++;
			}
			CHECK(nl == 9 && nr == 9 && !bad && right - left >= 48,
			    "%s: bars grow from the middle column", name);
		}
		free(svg);
	}
	free((void *)sr[0].v);
	free((void *)sr[1].v);
}

/* The tile map: 20 regions, rates, suppressed and missing values. */
static void
test_tilemap(enum lang lang)
{
	double		 v[20];
	struct chart_series sr;
	struct chart	 c;
	struct marks	 m;
	char		*svg, name[64];
	size_t		 i;

	for (i = 0; i < 20; i++)
		v[i] = (double)((i * 29) % 83) + 0.25 * (double)(i % 4);
	v[4] = -1;
	v[9] = -2;
	v[17] = 0;
	base(&c, CHART_TILEMAP, lang, "map", lang == LANG_KK ?
	    "Өңірлер бойынша" : "По регионам");
	c.cats = region_names[lang];
	c.codes = region_codes;
	c.ncats = 20;
	sr.label = NULL;
	sr.v = points(v, 20);
	c.series = &sr;
	c.nseries = 1;
	c.decimals = 1;
	c.unit = L[lang].per100k;
	snprintf(name, sizeof(name), "tilemap-%s", lang_codes[lang]);
	if ((svg = render(name, &c)) != NULL) {
		read_marks(svg, NULL, &m);
		CHECK(m.nvalue == 18 && m.nsupp == 1 && m.nnodata == 1,
		    "%s: 18 shaded, 1 suppressed, 1 without data", name);
		CHECK(count(svg, "data-region=\"KZ-") == 20,
		    "%s: twenty tiles", name);
		CHECK(strstr(svg, lang == LANG_KK ? ">БҚО<" : ">ЗКО<") != NULL,
		    "%s: built-in short labels", name);
		CHECK(strstr(svg, L[lang].nodata) && strstr(svg,
		    L[lang].supp_legend), "%s: legend for hidden values", name);
		free(svg);
	}
	/* Issue 14: on a phone, a bar per region, 340 units wide. */
	c.narrow = 1;
	snprintf(name, sizeof(name), "tilemap-narrow-%s", lang_codes[lang]);
	if ((svg = render(name, &c)) != NULL) {
		read_marks(svg, "width", &m);
		CHECK(strstr(svg, "viewBox=\"0 0 340 ") != NULL &&
		    strstr(svg, "class=\"chart chart-bars\"") != NULL &&
		    count(svg, "data-region=\"KZ-") == 0,
		    "%s: the phone layout draws bars, 340 wide", name);
		CHECK(m.nvalue == 18 && m.nsupp == 1 && m.maxdev < 0.02,
		    "%s: bars proportional, 1 suppressed (%d, %d, %g)", name,
		    m.nvalue, m.nsupp, m.maxdev);
		CHECK(strstr(svg, region_names[lang][0]) != NULL,
		    "%s: regions by their names", name);
		free(svg);
	}
	free((void *)sr.v);
}

/* The <rect> tag of a region's tile, or the SVG's start. */
static const char *
tile(const char *svg, const char *code)
{
	char		 key[32];
	const char	*p;

	snprintf(key, sizeof(key), "data-region=\"%s\"", code);
	if ((p = strstr(svg, key)) == NULL)
		return svg;
	while (p > svg && strncmp(p, "<rect", 5) != 0)
		p--;
	return p;
}

/*
 * Tile positions follow geography; bins rise with values; text on
 * dark tiles is white.
 */
static void
test_tilemap_geo(void)
{
	double		 v[20];
	struct chart_series sr;
	struct chart	 c;
	char		*svg;
	const char	*p;
	size_t		 i;
	int		 ok = 1, bin, prevbin = -1;

	for (i = 0; i < 20; i++)
		v[i] = (double)i * 10;
	base(&c, CHART_TILEMAP, LANG_RU, "geo", "География");
	c.cats = region_names[LANG_RU];
	c.codes = region_codes;
	c.ncats = 18;	/* KZ-62 and KZ-63 left out: no data */
	sr.label = NULL;
	sr.v = points(v, 20);
	c.series = &sr;
	c.nseries = 1;
	if ((svg = render("tilemap-geo", &c)) == NULL)
		goto out;
	CHECK(attrd(tile(svg, "KZ-27"), "x") < attrd(tile(svg, "KZ-71"), "x") &&
	    attrd(tile(svg, "KZ-71"), "x") < attrd(tile(svg, "KZ-63"), "x"),
	    "tilemap-geo: west, Astana, east from left to right");
	CHECK(attrd(tile(svg, "KZ-59"), "y") < attrd(tile(svg, "KZ-71"), "y") &&
	    attrd(tile(svg, "KZ-71"), "y") < attrd(tile(svg, "KZ-61"), "y") &&
	    attrd(tile(svg, "KZ-61"), "y") < attrd(tile(svg, "KZ-79"), "y"),
	    "tilemap-geo: north, Astana, Turkistan, Shymkent top to bottom");
	p = tile(svg, "KZ-63");
	CHECK(strstr(p, "data-nodata=\"1\"") != NULL &&
	    strstr(p, "data-nodata=\"1\"") < strchr(p, '>'),
	    "tilemap-geo: a region left out has no data");
	/* Bins are monotone in the values (codes in order of value). */
	for (i = 0; i < 18; i++) {
		bin = (int)attrd(tile(svg, region_codes[i]), "data-bin");
		if (bin < prevbin)
			ok = 0;
		prevbin = bin;
	}
	CHECK(ok && prevbin >= 4, "tilemap-geo: bins rise with values (%d)",
	    prevbin);
	CHECK(strstr(svg, "<g class=\"inside\" fill=\"#ffffff\">") != NULL &&
	    strstr(svg, "<g class=\"inside\" fill=\"#222222\">") != NULL,
	    "tilemap-geo: text colour follows the shade");
	free(svg);
out:
	free((void *)sr.v);
}

/* Nothing but zeros on a map, and nothing but suppressed tiles. */
static void
test_tilemap_edge(void)
{
	double		 v[20];
	struct chart_series sr;
	struct chart	 c;
	struct marks	 m;
	char		*svg;
	size_t		 i;

	for (i = 0; i < 20; i++)
		v[i] = 0;
	base(&c, CHART_TILEMAP, LANG_KK, "map0", "Нөлдер");
	c.cats = region_names[LANG_KK];
	c.codes = region_codes;
	c.short_labels = region_names[LANG_KK];
	c.ncats = 20;
	sr.label = NULL;
	sr.v = points(v, 20);
	c.series = &sr;
	c.nseries = 1;
	if ((svg = render("tilemap-zero", &c)) != NULL) {
		read_marks(svg, NULL, &m);
		CHECK(m.nvalue == 20, "tilemap-zero: twenty tiles with 0");
		CHECK(strstr(svg, ">Батыс<") != NULL,
		    "tilemap-zero: caller's labels wrapped in the tile");
		free(svg);
	}
	free((void *)sr.v);
	for (i = 0; i < 20; i++)
		v[i] = -1;
	sr.v = points(v, 20);
	c.id = "mapS";
	c.short_labels = NULL;
	if ((svg = render("tilemap-suppressed", &c)) != NULL) {
		read_marks(svg, NULL, &m);
		CHECK(m.nsupp == 20 && m.nvalue == 0,
		    "tilemap-suppressed: twenty hatched tiles");
		free(svg);
	}
	free((void *)sr.v);
}

/* A small deterministic generator (xorshift) for the random charts. */
static unsigned long rng = 88172645463325252UL;

static unsigned long
rnd(unsigned long n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng % n;
}

/*
 * Random charts of every kind: random sizes, values, flags, labels and
 * decimals.  Each renders, its marks are proportional to their values
 * and as many as the points, and a few are checked by xmllint.
 */
static void
test_random(void)
{
	static const char *const words[] = {
		"Болезни", "костно-мышечной", "системы", "и",
		"Қазақстан", "облысы", "A&B", "<x>", "0–9", "өте",
		"ұзақ\u00adсөз", "", "Акушерско-гинекологический"
	};
	struct chart_point *pts[6];
	struct chart_series sr[6];
	const char	*codes[20];
	char		*cats[60], name[32], id[32];
	struct chart	 c;
	struct marks	 m;
	struct buf	 b = { 0 }, w = { 0 };
	size_t		 i, j, s, ncats, nseries, want_v, want_s;
	int		 iter, bad = 0, failed = 0;

	for (iter = 0; iter < 400; iter++) {
		enum chart_kind kind = (enum chart_kind)rnd(4);

		ncats = kind == CHART_TILEMAP ? 1 + rnd(20) : 1 + rnd(60);
		nseries = kind == CHART_PYRAMID ? 2 :
		    kind == CHART_TILEMAP ? 1 : 1 + rnd(6);
		snprintf(id, sizeof(id), "r%d", iter);
		base(&c, kind, (enum lang)rnd(2), id, "Random");
		c.decimals = (int)rnd(3);
		c.show_title = (int)rnd(2);
		c.unit = rnd(2) ? "на 100 000" : NULL;
		want_v = want_s = 0;
		for (i = 0; i < ncats; i++) {
			buf_reset(&w);
			for (j = rnd(8); j > 0; j--) {
				buf_puts(&w, words[rnd(sizeof(words) /
				    sizeof(words[0]))]);
				buf_putc(&w, ' ');
			}
			cats[i] = xstrdup(buf_str(&w));
		}
		for (i = 0; i < 20; i++)
			codes[i] = region_codes[i];
		for (i = 0; i < 20; i++) {	/* shuffle the regions */
			const char *t = codes[i];

			j = rnd(20);
			codes[i] = codes[j];
			codes[j] = t;
		}
		for (s = 0; s < nseries; s++) {
			pts[s] = xcalloc(ncats, sizeof(*pts[s]));
			for (i = 0; i < ncats; i++) {
				switch (rnd(8)) {
				case 0:
					pts[s][i].suppressed = 1;
					want_s++;
					break;
				case 1:
					pts[s][i].nodata = kind ==
					    CHART_TILEMAP;
					want_v += kind != CHART_TILEMAP;
					break;
				case 2:
					want_v++;	/* zero */
					break;
				default:
					pts[s][i].v = (double)rnd(1000000) /
					    (double)(1 + rnd(1000)) *
					    (rnd(10) == 0 ? 1e6 : 1);
					want_v++;
				}
			}
			sr[s].label = words[rnd(sizeof(words) /
			    sizeof(words[0]))];
			sr[s].v = pts[s];
		}
		c.cats = (const char *const *)cats;
		c.codes = codes;
		c.ncats = ncats;
		c.series = sr;
		c.nseries = nseries;
		buf_reset(&b);
		if (chart_svg(&b, &c) != 0) {
			printf("  %s: %s\n", id, rs_errmsg());
			failed++;
		} else {
			read_marks(b.data, kind == CHART_TILEMAP ? NULL :
			    kind == CHART_COLUMNS ? "height" : "width", &m);
			if (m.maxdev > 0.02 || m.nvalue != (int)want_v ||
			    m.nsupp != (int)want_s || m.supp_with_value ||
			    strstr(b.data, "style") != NULL) {
				printf("  %s: drawn %d/%zu, suppressed %d/%zu,"
				    " deviation %g\n", id, m.nvalue, want_v,
				    m.nsupp, want_s, m.maxdev);
				bad++;
			}
			if (iter % 8 == 0) {
				snprintf(name, sizeof(name), "random-%d",
				    iter);
				page = &randoms;
				free(render(name, &c));
				page = &gallery;
			}
		}
		for (s = 0; s < nseries; s++)
			free(pts[s]);
		for (i = 0; i < ncats; i++)
			free(cats[i]);
	}
	CHECK(failed == 0, "random: 400 charts render");
	CHECK(bad == 0, "random: marks match the values");
	buf_free(&b);
	buf_free(&w);
}

/* Bad input: refused with a message, nothing appended. */
static void
test_errors(void)
{
	static const char *const cats[] = { "a", "b" };
	static const char *const bad_codes[] = { "KZ-71", "KZ-99" };
	static const char *const dup_codes[] = { "KZ-71", "KZ-71" };
	struct chart_point pts[2] = { { 1, 0, 0, 0 }, { 2, 0, 0, 0 } };
	struct chart_series sr[2] = { { "x", pts, NULL }, { "y", pts, NULL } };
	struct chart	 c;
	struct buf	 b = { 0 };

	base(&c, CHART_BARS, LANG_KK, "e", "t");
	c.cats = cats;
	c.ncats = 2;
	c.series = sr;
	c.nseries = 1;

#define REFUSED(msg, what) do {						\
	buf_reset(&b);							\
	CHECK(chart_svg(&b, &c) == -1 && b.len == 0, "refused: %s", what); \
	EQ_STR(rs_errmsg(), msg, "message: %s", what);			\
} while (0)

	c.id = "1bad";
	REFUSED("chart: bad id '1bad'", "id starting with a digit");
	c.id = "a b";
	REFUSED("chart: bad id 'a b'", "id with a space");
	c.id = "e";
	pts[1].suppressed = 1;
	REFUSED("chart 'e': a hidden value carries a number",
	    "suppressed with a value");
	pts[1].v = 0;
	c.suppressed_label = NULL;
	REFUSED("chart 'e': suppressed values need suppressed_label and "
	    "suppressed_legend", "no suppressed label");
	c.suppressed_label = "<8";
	pts[1].suppressed = 0;
	pts[1].v = -3;
	REFUSED("chart 'e': value out of range in series 0, category 1",
	    "negative value");
	pts[1].v = NAN;
	REFUSED("chart 'e': value out of range in series 0, category 1",
	    "NaN");
	pts[1].v = 1e15;
	c.decimals = 1;
	REFUSED("chart 'e': value out of range in series 0, category 1",
	    "too large for its decimals");
	c.decimals = 0;
	pts[1].v = 2;
	c.ncats = 0;
	REFUSED("chart 'e': 0 categories (1 to 60)", "no categories");
	c.ncats = 2;
	c.kind = CHART_PYRAMID;
	REFUSED("chart 'e': a pyramid needs 2 series", "pyramid of one");
	c.kind = CHART_TILEMAP;
	REFUSED("chart 'e': a tile map needs region codes", "map, no codes");
	c.codes = bad_codes;
	REFUSED("chart 'e': unknown region 'KZ-99'", "unknown region");
	c.codes = dup_codes;
	REFUSED("chart 'e': region 'KZ-71' twice", "region twice");
	c.kind = CHART_COLUMNS;
	c.nseries = 2;
	sr[1].label = NULL;
	REFUSED("chart 'e': series 1 has no label", "unlabelled series");
	c.nseries = 1;
	c.decimals = 7;
	REFUSED("chart 'e': decimals 7 (0 to 6)", "decimals");
	c.decimals = 0;
	c.desc = NULL;
	REFUSED("chart 'e': no title or description", "no desc");
	buf_free(&b);
}

int
main(void)
{
	const char	*art = getenv("ARTIFACTS");
	char		 path[1100];
	FILE		*f;

	snprintf(artdir, sizeof(artdir), "%s/chart",
	    art && *art ? art : "tests/artifacts");
	mkdir(art && *art ? art : "tests/artifacts", 0777);
	mkdir(artdir, 0777);
	BUF_LIT(&gallery, GALLERY_HEAD);
	BUF_LIT(&randoms, GALLERY_HEAD);

	test_columns(LANG_KK);
	test_columns(LANG_RU);
	test_columns20();
	test_columns_edge();
	test_columns6();
	test_order_rounded();
	test_columns_long();
	test_bars(LANG_KK);
	test_bars(LANG_RU);
	test_bars22(LANG_KK);
	test_bars22(LANG_RU);
	test_bars_long();
	test_pyramid(LANG_KK);
	test_pyramid(LANG_RU);
	test_tilemap(LANG_KK);
	test_tilemap(LANG_RU);
	test_tilemap_geo();
	test_tilemap_edge();
	test_random();
	test_errors();

	BUF_LIT(&gallery, "</body></html>\n");
	BUF_LIT(&randoms, "</body></html>\n");
	snprintf(path, sizeof(path), "%s/gallery.html", artdir);
	if ((f = fopen(path, "w")) != NULL) {
		fwrite(gallery.data, 1, gallery.len, f);
		fclose(f);
	}
	snprintf(path, sizeof(path), "%s/random.html", artdir);
	if ((f = fopen(path, "w")) != NULL) {
		fwrite(randoms.data, 1, randoms.len, f);
		fclose(f);
	}
	buf_free(&gallery);
	buf_free(&randoms);
	return unit_failed;
}
