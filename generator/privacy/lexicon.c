/*
 * lexicon.c -- what the scrubber knows about words.
 *
 * Four sources, looked up by a lower-case word:
 *
 *   1. built-in word classes (below): role words, units, months, the
 *      keywords of addresses, dates and numbers, frequent common words
 *      of both languages -- the grammar of the reports;
 *   2. the data files of content/scrub/ (one word per line, '#' starts
 *      a comment, a trailing '*' makes a stem): given-names.txt,
 *      surnames.txt (those that do not end like one: Ким, Цой),
 *      places.txt (Kazakhstan's regions, cities, towns, districts and
 *      villages in both languages, and their adjectives as stems:
 *      "карагандинск*") and medical.txt (eponyms, scales, microbes,
 *      medicines, devices, long abbreviations: never a name);
 *   3. the hunspell dictionaries of Russian and Kazakh (Debian's
 *      hunspell-ru and hunspell-kk, read where they are installed):
 *      a word the dictionaries know in lower case is a common word
 *      ("Динамическое", "Мониторинг", "Члены"), one they know only
 *      capitalised is a proper noun (given names, places);
 *   4. morphology: a given name or a place of the lists with a Russian
 *      or a Kazakh case ending ("Айгерімге", "Ерлану", "Шымкенте",
 *      "Ақтөбеде"), and the endings of surnames in every case of both
 *      languages (-ов/-ова/-овой/-оваға, -ев, -ин, -ский/-ская,
 *      -енко, -ук, -ян, -швили, -ұлы, -қызы).
 *
 * Names and places are matched after folding the Kazakh letters onto
 * their Russian neighbours (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ ү→у, һ→х, і→и,
 * ё→е), so one entry serves both spellings: "Айгерім" also matches
 * "Айгерим", "Сейтқалиева" and "Сейткалиевой" share a surname.
 *
 * lex_know caches what it found per word (a bounded table, emptied when
 * full), so a build that meets the same words again and again pays for
 * the dictionaries once per word.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hunspell.h>

#include "lib/lib.h"
#include "privacy/lexicon.h"

#define MAXWORD		96	/* bytes; longer words are not looked up */
#define CACHE_MAX	(1u << 16)	/* words remembered by lex_know */

/*
 * The built-in words, lower case, separated by spaces; a trailing '*'
 * makes a stem.  A word may appear in several classes.
 */
static const struct {
	uint64_t	 cls;
	const char	*words;
} builtin[] = {
	{ L_ROLE,
	    "пациент* больной больная больного больному больным больном "
	    "больную больные больных врач* д-р доктор* медсестр* медбрат* "
	    "фельдшер* акушер* гр гражданин* гражданк* г-н г-жа заведующ* "
	    "зав санитар* ординатор* интерн* резидент* хирург* "
	    "анестезиолог* реаниматолог* терапевт* педиатр* неонатолог* "
	    "гинеколог* кардиолог* невролог* нейрохирург* травматолог* "
	    "уролог* онколог* эндокринолог* окулист* офтальмолог* "
	    "стоматолог* лаборант* провизор* фармацевт* рентгенолог* "
	    "инфекционист* пульмонолог* гастроэнтеролог* нефролог* "
	    "психиатр* нарколог* дерматолог* оториноларинголог* "
	    "эндоскопист* патологоанатом* эксперт* специалист* сотрудник* "
	    "работник* студент* водитель* проф профессор* доц доцент* "
	    "мать матери матерью отец отца отцу сын сына сыну дочь дочери "
	    "муж мужа мужу жена жены жене супруг* родственник* ребенок "
	    "ребёнок ребенка ребёнка ребенку ребёнку новорожденн* "
	    "новорождённ* рожениц* родильниц* беременн* умерш* фио "
	    "фамилия фамилии имя отчество dr mr mrs ms prof doctor "
	    /* "её звали Лена", "зовут Гуля" */
	    "звали зовут "
	    "сестр* брат брата брату дочерью сыном внук* внучк* бабушк* "
	    "дедушк* тётя тёти тёте тётей тетя тети тете тетей дядя дяди дяде "
	    "дядей соседк* сосед* жалобщик* заявител* "
	    "свекров* невестк* зять зятя теща тёща "
	    "науқас* дәрігер* мейірбике* медбике* фельдшер акушер азамат "
	    "азаматша "
	    "азаматқа азаматтың азаматты азаматшаға азаматшаның азаматшаны "
	    "меңгеруші* маман* қызметкер* анасы анасының анасына әкесі "
	    "әкесінің әкесіне баласы баласының жұбайы күйеуі әйелі туысы "
	    "нәресте* сәби* босанушы* әйел аты тегі аты-жөні қызы ұлы "
	    "немересі көршісі апасы ағасы інісі қарындасы сіңлісі "
	    "жиені келіні" },
	/*
	 * The nouns only, not stems: "акушерский", "дәрігерлік",
	 * "санитарная" are no roles, and the word before them no name.
	 */
	{ L_ROLEKK,
	    "дәрігер дәрігері дәрігердің дәрігерге дәрігерді дәрігермен "
	    "дәрігерлер дәрігерлері мейірбике мейірбикесі мейірбикенің "
	    "мейірбикеге мейірбикені мейірбикемен медбике медбикесі "
	    "медбикенің медбикеге медбикені фельдшер фельдшері фельдшердің "
	    "фельдшерге акушер акушері акушердің акушерге санитар санитары "
	    "санитардың меңгеруші меңгерушісі меңгерушінің мырза мырзаға "
	    "мырзаның ханым ханымға ханымның" },
	{ L_GIVEN,
	    "азамат*" },
	{ L_MONTH,
	    "январ* феврал* март* апрел* май мая мае маю маем июн* июл* "
	    "август* сентябр* октябр* ноябр* декабр* янв февр фев апр авг "
	    "сент окт нояб дек қаңтар* ақпан* наурыз* сәуір* мамыр* "
	    "маусым* шілде* тамыз* қыркүйек* қазан* қараша* желтоқсан*" },
	{ L_UNIT,
	    "мг мл г кг л мкг нг ед ме ммоль* мкмоль* моль мэкв мм см м км "
	    "мкл дл гр мин* сек* с ч час* сут* дн* день недел* нед мес* "
	    "месяц* раз* рет балл* бал ұпай* тенге теңге тг тыс млн млрд "
	    "доз* таб* амп* капс* кап капел* шт уд тәулік* сағ* минут* "
	    "секунд* апта* ай айы күн* градус* литр* кило* мм рт" },
	{ L_AGE,
	    "год года лет летн* жас жаста жастағы жасар жасында жасқа "
	    "жастан жасындағы" },
	{ L_AGECTX,
	    "возраст* жасы жасында жасындағы" },
	{ L_AGEADJ,
	    "летн* жас жаста жастағы жасар жасында жасқа жастан "
	    "жасындағы" },
	{ L_PERSON,
	    "пациент* больной больная больного больную больному больным "
	    "мужчин* женщин* ребёнок ребенок ребёнку ребенку ребёнка "
	    "ребенка девочк* мальчик* девушк* юнош* подрост* рожениц* "
	    "родильниц* беременная новорождённ* новорожденн* младен* "
	    "малыш* гражданин* гражданк* пенсионер* науқас* бала балаға "
	    "баланың баласы әйел әйелге ер қыз қызы ұл ұлы нәресте* сәби* "
	    "ему ей оған "
	    "босанушы* жасөспірім* адам адамға кісі ер адам" },
	{ L_STREET,
	    "ул улица улицы улице улицу улицей пр пр-т пр-кт проспект* мкр "
	    "мкрн микрорайон* пер переулок* переулке б-р бульвар* шоссе "
	    "тупик* пл площадь трасса трассы наб набережн*" },
	{ L_MKR,
	    "мкр мкрн микрорайон*" },
	{ L_HOUSE,
	    "д дом доме кв квартира квартиры квартире корп корпус строение "
	    "участок подъезд офис үй үйі пәтер пәтері" },
	{ L_HOUSEPOST,
	    "үй үйі үйде үйдің үйге үйінде үйіне үйінен пәтер* кв квартира "
	    "квартире" },
	{ L_KSTREET,
	    "көше* даңғыл* к-сі тұйық* тұйығы мөлтекаудан* ықшамаудан* "
	    "жолы жолының жолында "
	    "шағын мөлтек ықшам" },
	{ L_KSTREET2,
	    "шағын мөлтек ықшам" },
	{ L_SETTLE,
	    "с село села селе селу пос поселок* посёлок* п г город города "
	    "городе д деревня деревне дер аул аула ауле ауыл ауылы" },
	{ L_SETTLEPOST,
	    "ауылы ауылында ауылынан ауылына ауылының ауылдағы кенті "
	    "кентінде қаласы қаласында қаласынан қаласына қаласының "
	    "қаласындағы" },
	{ L_ADDRLBL,
	    "адрес адреса адресу адресом мекенжай*" },
	{ L_PHONE,
	    "тел телефон* моб мобильный сот сотовый ұялы" },
	{ L_IIN,
	    "иин жсн бин бсн инн" },
	{ L_FACIL,
	    "больниц* поликлиник* емхан* аурухан* госпиталь госпиталя "
	    "госпиталю госпитале госпиталем госпитали клиника клиники "
	    "клинике клинику клиникой перзентхан* роддом* диспансер* центр "
	    "центра центре центру центром орталық орталығы орталығына "
	    "орталығында "
	    "орталығынан стационар* "
	    "амбулатори* фап вп сва гкб гб гп цгб црб окб дгкб гдб дп одб "
	    "опц рпц пц пмсп цсм гккп кгп гкп мц цап тмо" },
	{ L_CASE,
	    "иб болезни тарихы карта карты карте картасы картасының "
	    "медкарт* номер номера номеру нөмір нөмірі дело дела іс ісі" },
	{ L_DOC,
	    "приказ* бұйрық* бұйрығ* пункт* тармақ* стать* бап* закон* заң* "
	    "постановлени* қаулы* приложени* қосымша* форм* нысан* "
	    "таблиц* кесте* рисун* сурет* мкб" },
	{ L_YEAR,
	    "г год года году гг ж жыл жылы жылғы" },
	{ L_BIRTH,
	    "р рожд род рождения туған т" },
	{ L_DATEW,
	    "дата даты д күні" },
	{ L_NUMERAL,
	    "один одного одному одним одна одной одну два две двух двум "
	    "двумя три трёх трех трём трем тремя четыре четырёх четырех "
	    "четырём четырем пять пяти шесть шести семь семи восемь восьми "
	    "девять девяти десять десяти одиннадцать одиннадцати двенадцать "
	    "двенадцати тринадцать тринадцати четырнадцать четырнадцати "
	    "пятнадцать пятнадцати шестнадцать шестнадцати семнадцать "
	    "семнадцати восемнадцать восемнадцати девятнадцать девятнадцати "
	    "двадцать двадцати тридцать тридцати сорок сорока пятьдесят "
	    "пятидесяти шестьдесят шестидесяти семьдесят семидесяти "
	    "восемьдесят восьмидесяти девяносто девяноста сто ста бір екі "
	    "үш төрт бес алты жеті сегіз тоғыз он жиырма отыз қырық елу "
	    "алпыс жетпіс сексен тоқсан жүз" },
	{ L_AT,
	    "собака собачка собаки at эт" },
	{ L_AGEUNIT,
	    "жаста жастағы жасар жасында жасындағы жастан жасқа летн* "
	    "годовал* год года году лет годик* жас жасы айлық* месячн* "
	    "месяц месяца месяцев мес ай күндік* тәуліктік* дневн* суточн* "
	    "день дня дней дн сутки суток сут күн күндік тәулік тәулігінде "
	    "тәулікте күні тәуліктен тәулікке тәуліктің тәулігі тәулігіне "
	    "тәулігінен күннен күнге күнінде недел* нед апта* недельн*" },
	{ L_PLACEKW,
	    "району района районе район районом районы районов области "
	    "область областью облысы облысының облысында облысынан "
	    "облысына облысындағы облысындағы ауданы ауданының ауданында "
	    "ауданынан ауданына ауданындағы округ округа округе округі "
	    "округінде ауылы ауылында ауылынан ауылына ауылының ауылдағы "
	    "кенті кентінде кентінен кентіне қаласы қаласында қаласынан "
	    "қаласына қаласының қаласындағы селосы поселкасы" },
	{ L_ABBR,
	    "dr prof mr mrs ms "
	    "ул пр кв пос мкр мкрн им см стр гр тел обл корп пер проф доц "
	    "акад канд отд каб зав мед тыс млн руб тг д-р г-н г-жа дер наб "
	    "рожд род" },
	{ L_PARTICLE,
	    "батыр* би хан* жырау* ақын* акын* ата ана баба сұлтан султан" },
	{ L_ORD,
	    "ші шы інші ыншы нші ншы й я ая ой ий ый ое го ому ом е и ые "
	    "ых ым м х ю" },
	{ L_COMMON,
	    /* Russian */
	    "и в во на с со по при после перед затем далее также тоже "
	    "однако но а или либо для от до из за к ко у о об обо без через "
	    "под над между среди около не ни нет да был была было были "
	    "будет есть это этот эта эти этого этой того тот та те так как "
	    "что чтобы где когда если то же ли уже еще ещё лишь только "
	    "всего все всё весь вся его ее её их ему ей им она он они оно "
	    "мы вы я котор* свой своей сам сама ввиду вследствие согласно "
	    "учитывая несмотря итого итог итоги вывод* заключени* "
	    "результат* причин* связи связ* случа* диагноз* жалоб* анамнез* "
	    "объективно состояни* лечени* рекомендован* рекомендуется "
	    "назначен* проведен* проведён* выполнен* поступил* поступает "
	    "доставлен* госпитализирован* осмотрен* переведен* переведён* "
	    "выписан* умер умерла скончал* констатирован* выявлен* "
	    "установлен* отмечен* обнаружен* произош* отсутств* имеется "
	    "имел* экстренн* планов* основн* сопутствующ* осложнени* "
	    "верховн* кровн* головн* условн* ровн* духовн* любовн* "
	    "медицинск* клиническ* приемн* приёмн* отделени* палат* "
	    "операци* послеоперационн* дежурн* лечащ* бригад* скор* "
	    "неотложн* первичн* повторн* данн* информаци* меры мероприят* "
	    "комисси* служб* руководств* администраци* персонал* "
	    "внутренн* внешн* городск* областн* районн* республиканск* "
	    "центральн* многопрофильн* детск* взросл* женск* мужск* "
	    "родильн* перинатальн* хирургическ* терапевтическ* "
	    "реанимаци* анестези* интенсивн* акушерск* гинекологическ* "
	    "педиатрическ* неврологическ* кардиологическ* "
	    "травматологическ* инфекционн* туберкулезн* онкологическ* "
	    "психиатрическ* наркологическ* стоматологическ* "
	    "предварительн* окончательн* клинический патологоанатомическ* "
	    "оперативн* консервативн* своевременн* несвоевременн* "
	    "недостаточн* неадекватн* адекватн* отсутствие наличие "
	    "проведение выполнение нарушени* несоблюдени* соблюдени* "
	    "дефект* ошибк* недооценк* позднее поздн* ранн* утром вечером "
	    "ночью днем днём сегодня вчера накануне затем впоследствии "
	    "возможно вероятно видимо смерть летальн* исход* ребенок "
	    "введен* введён* перелит* начат* продолжен* прекращен* "
	    "отменен* отменён* взят* поставлен* выставлен* вызван* "
	    "приглашен* транспортирован* направлен* оказан* оформлен* "
	    "родител* слов со по-видимому впоследствии дальнейш* "
	    "подготовлен* диагностирован* оперирован* прооперирован* "
	    "зарегистрирован* выписан* выписана переведена поступила "
	    "осмотрена доставлена проведена выполнена назначена "
	    "нет-нет пациентом "
	    "ребёнок дети детей мать отец новорожденн* плод* "
	    "беременность роды родов кесарев* "
	    /* Kazakh */
	    "және мен бен пен да де та те бұл осы сол ол оның оған оны олар "
	    "олардың мұнда онда содан сосын кейін соң бұрын алдында бірақ "
	    "алайда дегенмен сондай-ақ сонымен сондықтан себебі себепті "
	    "нәтижесінде кезінде барысында бойынша үшін арқылы туралы жоқ "
	    "бар емес иә болды болған болып болса жасалды жүргізілді "
	    "тағайындалды қабылданды түсті түскен жеткізілді ауыстырылды "
	    "шығарылды қайтыс шағым* емдеу* ем жағдай* ауыр орташа жеңіл "
	    "жедел шұғыл жоспарлы кезекші бас аға емдеуші учаскелік "
	    "отбасылық балалар қалалық облыстық аудандық ауылдық "
	    "республикалық көпбейінді перинаталдық жалпы клиникалық "
	    "медициналық бөлім* қабылдау* операция* ота* палата* тексеру* "
	    "қорытынды* себеп* шара* комиссия* қызмет* жәрдем* көмек* "
	    "реанимация* қарқынды хирургиялық терапиялық акушерлік "
	    "гинекологиялық педиатриялық неврологиялық жүктілік* босану* "
	    "нәтиже* өлім* уақыт* түнде таңертең кешке бүгін кеше" },
};

/* Facility abbreviations: a facility of a named place (ЦРБ, ГКБ). */
static const char facil_abbr[] =
    "црб цгб гкб гп гдб дгкб окб одб ркб рб гдп опц рпц мц тмо ркц "
    "фап гкбсмп бсмп одкб мрб цсм спид-центр";

/* Hash table of lower-case keys and their classes. */
struct lexent {
	char		*key;	/* NUL-terminated */
	size_t		 len;
	uint32_t	 hash;
	uint64_t	 exact;	/* classes of a word equal to key */
	uint64_t	 stem;	/* classes of a word beginning with key */
};

struct ltab {
	struct lexent	*tab;	/* open addressing, linear probing */
	size_t		 size;	/* a power of two */
	size_t		 n;
	size_t		 maxkey;	/* the longest key, bytes */
};

/* What lex_know found, per lower-case word. */
struct cache {
	struct lexent	*tab;	/* exact holds the K_ bits, stem 1 */
	size_t		 size, n;
};

/* Morphology classes of the folded table. */
#define M_GIVEN		0x01u	/* a given name, as listed */
#define M_GIVENTR	0x02u	/* its stem without the last vowel */
#define M_SURNAME	0x04u
#define M_SURNAMETR	0x08u
#define M_PLACE		0x10u
#define M_PLACETR	0x20u
#define M_PLACEADJ	0x40u	/* a stem: карагандинск */
#define M_RUEND		0x100u	/* a Russian case ending */
#define M_KKEND		0x200u	/* a Kazakh ending (plural, possessive, case) */
#define M_SURRU		0x400u	/* a surname's ending with its Russian case */
#define M_SURKKP	0x800u	/* -ұлы, -қызы */
#define M_GIVENSUF	0x1000u	/* -бек, -бай: ends a Kazakh given name */
#define M_FACIL		0x2000u
#define M_KKCASE	0x4000u	/* a Kazakh case ending right after a noun */
#define M_PLACE5	0x8000u	/* a place of five letters or more */

/*
 * The classes of words looked up lately: a word's lookup probes the
 * table at each of its code points (for the stems it begins with), and
 * the texts say the same words again and again.  Direct-mapped by the
 * word's hash; a word longer than the key is not kept.  Not lex_know's
 * cache: that one keeps what costs hunspell calls, with keys of its own;
 * a lookup here is cheap, so its memo allocates nothing.
 */
#define MEMO_SIZE	8192	/* a power of two */
#define MEMO_KEY	32

struct memo {
	uint64_t	 cls;
	uint32_t	 hash;
	uint8_t		 len;	/* 0: empty */
	char		 key[MEMO_KEY];
};

struct lexicon {
	struct ltab	 words;		/* built-in and medical, lower case */
	struct ltab	 fold;		/* names, places, endings; folded */
	struct spellers	*hs;		/* ru_RU, kk_KZ; mutable too */
	struct cache	*cache;		/* mutable behind a const lexicon */
	struct memo	*memo;		/* lex_classes'; mutable too */
};

/*
 * The hunspell dictionaries, loaded at their first use: they are a
 * third of a build's fixed memory (about 20 MB), and the privacy stage
 * decides every quarter's records before a text is looked at.
 */
struct spellers {
	char		*aff[2], *dic[2];
	Hunhandle	*h[2];
	int		 loaded[2];
};

static uint32_t
hash_step(uint32_t h, unsigned char c)
{
	return (h ^ c) * 16777619u;
}

static uint32_t
hash_bytes(const char *s, size_t len)
{
	uint32_t	 h = 2166136261u;
	size_t		 i;

	for (i = 0; i < len; i++)
		h = hash_step(h, (unsigned char)s[i]);
	return h;
}

/* The slot of key, or the empty slot where it belongs. */
static struct lexent *
slot(struct lexent *tab, size_t size, const char *key, size_t len,
    uint32_t h)
{
	size_t		 i = h & (size - 1);
	struct lexent	*e;

	for (;; i = (i + 1) & (size - 1)) {
		e = &tab[i];
		if (e->key == NULL || (e->hash == h && e->len == len &&
		    memcmp(e->key, key, len) == 0))
			return e;
	}
}

static void
tab_grow(struct ltab *t)
{
	struct lexent	*old = t->tab, *e;
	size_t		 oldsize = t->size, i;

	t->size = oldsize ? oldsize * 2 : 1024;
	t->tab = xcalloc(t->size, sizeof(*t->tab));
	for (i = 0; i < oldsize; i++)
		if (old[i].key != NULL) {
			e = slot(t->tab, t->size, old[i].key, old[i].len,
			    old[i].hash);
			*e = old[i];
		}
	free(old);
}

/* Add key (a stem if stem) with the classes cls. */
static void
tab_add(struct ltab *t, const char *key, size_t len, int stem, uint64_t cls)
{
	struct lexent	*e;
	uint32_t	 h = hash_bytes(key, len);

	if ((t->n + 1) * 2 > t->size)
		tab_grow(t);
	e = slot(t->tab, t->size, key, len, h);
	if (e->key == NULL) {
		e->key = xstrndup(key, len);
		e->len = len;
		e->hash = h;
		t->n++;
		if (len > t->maxkey)
			t->maxkey = len;
	}
	if (stem)
		e->stem |= cls;
	else
		e->exact |= cls;
}

/* The exact classes of key. */
static uint64_t
tab_exact(const struct ltab *t, const char *key, size_t len)
{
	const struct lexent *e;

	if (len > t->maxkey)
		return 0;
	e = slot(t->tab, t->size, key, len, hash_bytes(key, len));
	return e->key ? e->exact : 0;
}

/*
 * The classes of the word w[0..len): those of the entry equal to it and
 * of every stem it begins with.  One hash is extended byte by byte and
 * probed at each code point boundary, so the cost is linear in the word
 * (up to the longest key).
 */
static uint64_t
tab_find(const struct ltab *t, const char *w, size_t len)
{
	const struct lexent *e;
	uint32_t	 h = 2166136261u;
	uint64_t	 cls = 0;
	size_t		 k;

	for (k = 0; k < len && k < t->maxkey; k++) {
		h = hash_step(h, (unsigned char)w[k]);
		if (k + 1 < len && ((unsigned char)w[k + 1] & 0xc0) == 0x80)
			continue;
		e = slot(t->tab, t->size, w, k + 1, h);
		if (e->key == NULL)
			continue;
		cls |= e->stem;
		if (k + 1 == len)
			cls |= e->exact;
	}
	return cls;
}

static void
tab_free(struct ltab *t)
{
	size_t	 i;

	for (i = 0; i < t->size; i++)
		free(t->tab[i].key);
	free(t->tab);
	memset(t, 0, sizeof(*t));
}

char *
lex_lower(const char *s, size_t len)
{
	struct buf	 b = { 0 };

	utf8_lower(&b, s, len);
	if (b.data == NULL)
		buf_put(&b, "", 0);
	return buf_detach(&b);
}

/* The Kazakh letters folded onto their Russian neighbours, and ё. */
static uint32_t
fold_cp(uint32_t c)
{
	switch (c) {
	case 0x4d9: return 0x430;	/* ә а */
	case 0x493: return 0x433;	/* ғ г */
	case 0x49b: return 0x43a;	/* қ к */
	case 0x4a3: return 0x43d;	/* ң н */
	case 0x4e9: return 0x43e;	/* ө о */
	case 0x4b1: return 0x443;	/* ұ у */
	case 0x4af: return 0x443;	/* ү у */
	case 0x4bb: return 0x445;	/* һ х */
	case 0x456: return 0x438;	/* і и */
	case 0x451: return 0x435;	/* ё е */
	case 0x44c: return 0;		/* ь: Айгуль, Айгүл */
	default: return c;
	}
}

/* Fold the lower-case word s[0..len) into b. */
static void
fold_word(struct buf *b, const char *s, size_t len)
{
	const char	*p = s, *e = s + len;
	uint32_t	 c;

	while (p < e)
		if ((c = fold_cp(uc_tolower(utf8_next(&p, e)))) != 0)
			utf8_put(b, c);
}

static void
add_words(struct ltab *t, const char *words, uint64_t cls, int fold)
{
	const char	*p, *q;
	struct buf	 b = { 0 };
	size_t		 n;
	int		 stem;

	for (p = words; *p != '\0'; p = q) {
		while (*p == ' ')
			p++;
		for (q = p; *q != '\0' && *q != ' '; q++)
			continue;
		n = (size_t)(q - p);
		if (n == 0)
			continue;
		stem = p[n - 1] == '*';
		buf_reset(&b);
		if (fold)
			fold_word(&b, p, n - (size_t)stem);
		else
			buf_put(&b, p, n - (size_t)stem);
		tab_add(t, b.data, b.len, stem, cls);
	}
	buf_free(&b);
}

/* Letters (code points) in s[0..len). */
static size_t
count_letters(const char *s, size_t len)
{
	const char	*p = s, *e = s + len;
	size_t		 n = 0;

	while (p < e)
		if (uc_isalpha(utf8_next(&p, e)))
			n++;
	return n;
}

/* The last code point of s[0..len) and where it begins. */
static uint32_t
last_cp(const char *s, size_t len, size_t *at)
{
	size_t	 k = len;

	while (k > 0 && ((unsigned char)s[k - 1] & 0xc0) == 0x80)
		k--;
	if (k > 0)
		k--;
	while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80)
		k--;
	*at = k;
	{
		const char *p = s + k;

		return utf8_next(&p, s + len);
	}
}

/*
 * Add a name or a place (folded) with its class, and, when it ends in a
 * vowel or a soft sign that Russian replaces by the case ending
 * ("Мария" Марии, "Астана" Астаны, "Айгуль" Айгули), its stem with the
 * truncated class.
 */
static void
add_folded(struct ltab *t, const char *w, size_t len, int stem,
    unsigned cls, unsigned trcls)
{
	size_t		 at;
	uint32_t	 c;

	tab_add(t, w, len, stem, cls);
	if (stem || len < 4)
		return;
	c = last_cp(w, len, &at);
	if (c == 0x430 || c == 0x44f || c == 0x44c || c == 0x439 ||
	    c == 0x43e || c == 0x44b || c == 0x438)	/* а я ь й о ы и */
		if (count_letters(w, at) >= 4)	/* not Дарья: "дари" */
			tab_add(t, w, at, 0, trcls);
}

/*
 * Parse a data file into the lexicon: kind 0 the medical vocabulary
 * (lower case), else names or places (folded, class cls/trcls).  -1 and
 * rs_err on a bad line.
 */
static int
load_list(struct lexicon *lx, const char *path, unsigned cls,
    unsigned trcls, unsigned stemcls)
{
	const char	*p, *end, *nl, *a, *z;
	struct buf	 low = { 0 };
	char		*text;
	size_t		 n, len;
	int		 line = 0, stem, rc = -1;

	if ((text = file_read(path, &len)) == NULL)
		return -1;
	p = text;
	end = text + len;
	if (!utf8_valid(text, len)) {
		rs_err("%s: not valid UTF-8", path);
		goto out;
	}
	for (; p < end; p = nl + 1) {
		line++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		for (a = p; a < nl && *a != '#'; a++)
			continue;
		z = a;
		for (a = p; a < z && (*a == ' ' || *a == '\t' ||
		    *a == '\r'); a++)
			continue;
		while (z > a && (z[-1] == ' ' || z[-1] == '\t' ||
		    z[-1] == '\r'))
			z--;
		if (a == z)
			continue;
		n = (size_t)(z - a);
		if (memchr(a, ' ', n) != NULL || memchr(a, '\t', n) != NULL) {
			rs_err("%s:%d: '%.*s': one word per line", path, line,
			    (int)n, a);
			goto out;
		}
		stem = a[n - 1] == '*';
		if (memchr(a, '*', n - (size_t)stem) != NULL) {
			rs_err("%s:%d: '%.*s': '*' only at the end", path,
			    line, (int)n, a);
			goto out;
		}
		if (stem && count_letters(a, n - 1) < 3) {
			rs_err("%s:%d: '%.*s': a stem needs three letters "
			    "before '*'", path, line, (int)n, a);
			goto out;
		}
		if (!stem && count_letters(a, n) == 0) {
			rs_err("%s:%d: '%.*s': not a word", path, line,
			    (int)n, a);
			goto out;
		}
		buf_reset(&low);
		if (cls == 0) {
			utf8_lower(&low, a, n - (size_t)stem);
			tab_add(&lx->words, low.data, low.len, stem, L_KEEP);
		} else {
			fold_word(&low, a, n - (size_t)stem);
			if (stem) {
				tab_add(&lx->fold, low.data, low.len, 1,
				    stemcls);
				if (stemcls == M_PLACEADJ)
					tab_add(&lx->words, low.data, low.len,
					    1, L_PLACEADJ);
			}
			else {
				add_folded(&lx->fold, low.data, low.len, 0,
				    cls, trcls);
				if (cls == M_PLACE &&
				    count_letters(low.data, low.len) >= 5)
					add_folded(&lx->fold, low.data,
					    low.len, 0, M_PLACE5, M_PLACE5);
			}
		}
	}
	rc = 0;
out:
	buf_free(&low);
	free(text);
	return rc;
}

/* --- endings ------------------------------------------------------- */

/* Russian case endings of nouns and adjectives (folded). */
static const char ru_endings[] =
    "а я у ю е и ы о ой ей ом ем ою ею ым им ых их ам ям ами ями ах ях "
    "ов ев ого его ому ему ая яя ую юю ое ее ий ый ие ые ью ию ии ией "
    "иям иях ине ину ина ины иной";

/* Kazakh: plural, possessive and case endings (folded), combined. */
static const char *const kk_plural[] = { "", "лар", "лер", "дар", "дер",
    "тар", "тер" };
static const char *const kk_poss[] = { "", "ы", "и", "сы", "си", "ым",
    "им", "ын", "ин" };
static const char *const kk_case[] = { "", "нын", "нин", "дын", "дин",
    "тын", "тин", "га", "ге", "ка", "ке", "на", "не", "а", "е", "ны",
    "ни", "ды", "ди", "ты", "ти", "н", "да", "де", "та", "те", "нда",
    "нде", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен",
    "менен", "дагы", "деги", "тагы", "теги", "ндагы", "ндеги", "лык",
    "лик", "дык", "дик", "тык", "тик", "ша", "ше", "дай", "дей", "тай",
    "тей", "гы", "ги", "кы", "ки", "нан", "ге", "мын", "пын", "бын",
    "сын", "мыз", "миз" };

/* Surnames: the suffix and its Russian case endings (folded). */
static const struct {
	const char	*suf;
	const char	*ends;
	int		 minstem;	/* letters before the suffix */
} surnames[] = {
	{ "ов", ". а у ым е ой ою ы ых ыми ом", 2 },
	{ "ев", ". а у ым е ой ою ы ых ыми ом", 2 },
	{ "ин", ". а у ым е ой ою ы ых ыми ом", 2 },
	{ "ск", "ий ого ому им ом ая ой ую ою ие их ими", 2 },
	{ "цк", "ий ого ому им ом ая ой ую ою ие их ими", 2 },
	{ "енко", ".", 2 },
	{ "ко", ".", 3 },
	{ "ук", ". а у ом е", 2 },
	{ "юк", ". а у ом е", 2 },
	{ "чук", ". а у ом е", 2 },
	{ "ян", ". а у ом е", 3 },
	{ "янц", ". а у ом е", 2 },
	{ "швили", ".", 2 },
	{ "дзе", ".", 2 },
};

/* Kazakh given names end so: "Нұрбек", "Оралбай", "Айгүл", "Ержан". */
static const char given_suffixes[] = "бек бай гул жан болат";

static void
add_endings(struct lexicon *lx)
{
	struct buf	 b = { 0 }, w = { 0 };
	const char	*p, *q;
	size_t		 i, j, k, n;

	add_words(&lx->fold, ru_endings, M_RUEND, 0);
	for (i = 0; i < sizeof(kk_plural) / sizeof(kk_plural[0]); i++)
		for (j = 0; j < sizeof(kk_poss) / sizeof(kk_poss[0]); j++)
			for (k = 0; k < sizeof(kk_case) / sizeof(kk_case[0]);
			    k++) {
				buf_reset(&b);
				buf_puts(&b, kk_plural[i]);
				buf_puts(&b, kk_poss[j]);
				buf_puts(&b, kk_case[k]);
				if (b.len > 0)
					tab_add(&lx->fold, b.data, b.len, 0,
					    M_KKEND);
			}
	/* the case endings that follow a name directly: "Оралбаеваға" */
	for (i = 0; i < 3; i++)
		for (k = 0; k < sizeof(kk_case) / sizeof(kk_case[0]); k++) {
			if (count_letters(kk_case[k], strlen(kk_case[k])) < 3 &&
			    strcmp(kk_case[k], "га") &&
			    strcmp(kk_case[k], "ге") && strcmp(kk_case[k], "ка") &&
			    strcmp(kk_case[k], "ке") && strcmp(kk_case[k], "ны") &&
			    strcmp(kk_case[k], "ни") && strcmp(kk_case[k], "ды") &&
			    strcmp(kk_case[k], "ди") && strcmp(kk_case[k], "ты") &&
			    strcmp(kk_case[k], "ти") && strcmp(kk_case[k], "да") &&
			    strcmp(kk_case[k], "де") && strcmp(kk_case[k], "та") &&
			    strcmp(kk_case[k], "те") && strcmp(kk_case[k], "ша") &&
			    strcmp(kk_case[k], "ше"))
				continue;
			/* "-лық", "-дік" make adjectives, no case of a name */
			if (strcmp(kk_case[k], "лык") == 0 ||
			    strcmp(kk_case[k], "лик") == 0 ||
			    strcmp(kk_case[k], "дык") == 0 ||
			    strcmp(kk_case[k], "дик") == 0 ||
			    strcmp(kk_case[k], "тык") == 0 ||
			    strcmp(kk_case[k], "тик") == 0 ||
			    strcmp(kk_case[k], "нан") == 0 ||
			    strcmp(kk_case[k], "нен") == 0 ||
			    strcmp(kk_case[k], "нда") == 0 ||
			    strcmp(kk_case[k], "нде") == 0 ||
			    strcmp(kk_case[k], "ндагы") == 0 ||
			    strcmp(kk_case[k], "ндеги") == 0 ||
			    strcmp(kk_case[k], "мын") == 0 ||
			    strcmp(kk_case[k], "пын") == 0 ||
			    strcmp(kk_case[k], "бын") == 0 ||
			    strcmp(kk_case[k], "сын") == 0)
				continue;
			buf_reset(&b);
			buf_puts(&b, i == 0 ? "" : i == 1 ? "лар" : "лер");
			buf_puts(&b, kk_case[k]);
			if (b.len > 0)
				tab_add(&lx->fold, b.data, b.len, 0, M_KKCASE);
		}
	for (i = 0; i < sizeof(surnames) / sizeof(surnames[0]); i++)
		for (p = surnames[i].ends; *p != '\0'; p = q) {
			while (*p == ' ')
				p++;
			for (q = p; *q != '\0' && *q != ' '; q++)
				continue;
			n = (size_t)(q - p);
			if (n == 0)
				continue;
			buf_reset(&w);
			buf_puts(&w, surnames[i].suf);
			if (!(n == 1 && *p == '.'))
				buf_put(&w, p, n);
			tab_add(&lx->fold, w.data, w.len, 0, M_SURRU);
		}
	add_words(&lx->fold, "улы кызы", M_SURKKP, 0);
	add_words(&lx->fold, given_suffixes, M_GIVENSUF, 0);
	add_words(&lx->fold, facil_abbr, M_FACIL, 0);
	add_words(&lx->words, facil_abbr, L_FACABBR, 0);
	buf_free(&b);
	buf_free(&w);
}

/* --- morphology ---------------------------------------------------- */

/* Is s[0..len) empty or an ending of the classes cls? */
static int
is_ending(const struct lexicon *lx, const char *s, size_t len, unsigned cls)
{
	return len == 0 || (tab_exact(&lx->fold, s, len) & cls);
}

/*
 * A listed name or place with an ending: w = entry + a Russian or
 * Kazakh ending, or truncated stem + a Russian ending.  w is folded.
 */
static int
morph_entry(const struct lexicon *lx, const char *w, size_t len,
    unsigned cls, unsigned trcls)
{
	size_t		 k;
	unsigned	 c;
	int		 letters = 0;

	for (k = 1; k <= len; k++) {
		if (k < len && ((unsigned char)w[k] & 0xc0) == 0x80)
			continue;
		if (++letters < 2)
			continue;
		c = tab_exact(&lx->fold, w, k);
		if (c == 0)
			continue;
		if ((c & cls) && is_ending(lx, w + k, len - k,
		    M_RUEND | M_KKEND))
			return 1;
		if ((c & trcls) && k < len && is_ending(lx, w + k, len - k,
		    M_RUEND))
			return 1;
	}
	return 0;
}

/* A place's adjective: a listed stem and an adjective's ending. */
static int
morph_stem(const struct lexicon *lx, const char *w, size_t len, unsigned cls)
{
	const struct lexent *e;
	uint32_t	 h = 2166136261u;
	size_t		 k;

	for (k = 0; k < len && k < lx->fold.maxkey; k++) {
		h = hash_step(h, (unsigned char)w[k]);
		if (k + 1 < len && ((unsigned char)w[k + 1] & 0xc0) == 0x80)
			continue;
		e = slot(lx->fold.tab, lx->fold.size, w, k + 1, h);
		if (e->key != NULL && (e->stem & cls))
			return 1;
	}
	return 0;
}

/*
 * Ends like a surname: w = stem + suffix + Russian ending (+ a Kazakh
 * case ending: "оралбаеваға", "қасымовтың"), or stem + ұлы/қызы (+ a
 * Kazakh ending).  Of every way to read w, the surest counts: -ов, -ев,
 * -ский and the like (K_SURMORPH, with K_SURKK when a Kazakh ending
 * follows), then -ұлы, -қызы (K_KKPATRON), then -ин (K_SURIN: also the
 * ending of many words); 0 if none.
 */
static unsigned
morph_surname(const struct lexicon *lx, const char *w, size_t len)
{
	size_t		 k, s, i;
	int		 letters;
	unsigned	 c, best = 0, r;

	for (k = len; ; k--) {
		if (k < len && ((unsigned char)w[k] & 0xc0) == 0x80)
			goto next;
		if (!is_ending(lx, w + k, len - k, M_KKCASE | M_KKEND))
			goto next;
		for (s = k; s > 0 && k - s + 1 <= 16; s--) {
			if (((unsigned char)w[s - 1] & 0xc0) == 0x80)
				continue;
			c = tab_exact(&lx->fold, w + s - 1, k - s + 1);
			if (!(c & (M_SURRU | M_SURKKP)))
				continue;
			letters = (int)count_letters(w, s - 1);
			r = 0;
			if ((c & M_SURKKP) && letters >= 2 &&
			    is_ending(lx, w + k, len - k, M_KKEND))
				r = K_KKPATRON;
			/* after a Russian ending only a case ending follows */
			if ((c & M_SURRU) && (k == len ||
			    is_ending(lx, w + k, len - k, M_KKCASE)))
				for (i = 0; i < sizeof(surnames) /
				    sizeof(surnames[0]); i++)
					if (strncmp(w + s - 1, surnames[i].suf,
					    strlen(surnames[i].suf)) == 0 &&
					    letters >= surnames[i].minstem) {
						r = strcmp(surnames[i].suf,
						    "ин") == 0 || strcmp(
						    surnames[i].suf, "ко") == 0 ?
						    K_SURIN : K_SURMORPH;
						break;
					}
			if (r == K_SURMORPH)
				return k == len ? r : r | K_SURKK;
			if (r == K_KKPATRON || (r == K_SURIN && best == 0))
				best = r;
		}
next:
		if (k == 0 || len - k > 24)
			break;
	}
	return best;
}

/*
 * The word's last "ин" is written with the Russian и, not the Kazakh і
 * (the "-ин" of a surname: "Нуртазина", "Нұртазинаға"; not "кейін").
 */
static int
surin_russian(const char *w, size_t len)
{
	size_t	 k;

	for (k = len; k >= 4; k--)
		if (memcmp(w + k - 4, "ін", 4) == 0)
			return 0;
		else if (memcmp(w + k - 4, "ин", 4) == 0)
			return 1;
	return 1;		/* -ко */
}

/* Ends like a Kazakh given name (+ a Kazakh ending). */
static int
morph_givensuf(const struct lexicon *lx, const char *w, size_t len)
{
	size_t	 k, s;

	for (k = len; ; k--) {
		if ((k == len || ((unsigned char)w[k] & 0xc0) != 0x80) &&
		    is_ending(lx, w + k, len - k, M_KKEND))
			for (s = k; s > 0 && k - s <= 10; s--) {
				if (((unsigned char)w[s - 1] & 0xc0) == 0x80)
					continue;
				if ((tab_exact(&lx->fold, w + s - 1, k - s + 1) &
				    M_GIVENSUF) && count_letters(w, s - 1) >= 2)
					return 1;
			}
		if (k == 0 || len - k > 24)
			break;
	}
	return 0;
}

/*
 * The medical vocabulary covers the word: it is listed, or a listed stem
 * leaves three letters or fewer of it ("Апгар*": "Апгару"; but "Скор*"
 * does not cover "Скоробогатов", a surname).
 */
static int
keep_covers(const struct lexicon *lx, const char *w, size_t len)
{
	const struct lexent *e;
	uint32_t	 h = 2166136261u;
	size_t		 k, total = count_letters(w, len);

	for (k = 0; k < len && k < lx->words.maxkey; k++) {
		h = hash_step(h, (unsigned char)w[k]);
		if (k + 1 < len && ((unsigned char)w[k + 1] & 0xc0) == 0x80)
			continue;
		e = slot(lx->words.tab, lx->words.size, w, k + 1, h);
		if (e->key == NULL)
			continue;
		if (k + 1 == len && (e->exact & L_KEEP))
			return 1;
		if ((e->stem & L_KEEP) && total - count_letters(w, k + 1) <= 3)
			return 1;
	}
	return 0;
}

/* --- hunspell and the cache ---------------------------------------- */

static int
hs_spell(const struct lexicon *lx, int which, const char *w)
{
	struct spellers	*d = lx->hs;

	if (!d->loaded[which]) {
		d->h[which] = Hunspell_create(d->aff[which], d->dic[which]);
		d->loaded[which] = 1;
	}
	return d->h[which] != NULL && Hunspell_spell(d->h[which], w) != 0;
}

/* Everything lex_know finds about the lower-case word w (NUL-ended). */
static unsigned
know_word(const struct lexicon *lx, const char *w, size_t len)
{
	struct buf	 f = { 0 }, cap = { 0 };
	const char	*p = w, *e = w + len;
	unsigned	 k = 0;
	int		 ru;

	ru = hs_spell(lx, 0, w);
	if (ru)
		k |= K_COMMON | K_RUCOMMON;
	else if (hs_spell(lx, 1, w))
		k |= K_COMMON;
	if (!(k & K_COMMON) && len > 0) {
		utf8_put(&cap, uc_toupper(utf8_next(&p, e)));
		buf_put(&cap, p, (size_t)(e - p));
		if (hs_spell(lx, 0, cap.data) || hs_spell(lx, 1, cap.data))
			k |= K_PROPER;
	}
	if (keep_covers(lx, w, len))
		k |= K_MEDICAL;
	fold_word(&f, w, len);
	if (f.len > 0) {
		if (morph_entry(lx, f.data, f.len, M_GIVEN, M_GIVENTR))
			k |= K_GIVEN;
		if (morph_entry(lx, f.data, f.len, M_SURNAME, M_SURNAMETR))
			k |= K_SURNAME;
		if (morph_entry(lx, f.data, f.len, M_PLACE, M_PLACETR)) {
			k |= K_PLACE;
			if (morph_entry(lx, f.data, f.len, M_PLACE5, M_PLACE5))
				k |= K_PLACELONG;
		}
		if (morph_stem(lx, f.data, f.len, M_PLACEADJ))
			k |= K_PLACEADJ;
		k |= morph_surname(lx, f.data, f.len);
		/*
		 * -ин with a Russian и only: the Kazakh -ін (кейін, бөлімін)
		 * folds to the same letters.
		 */
		if ((k & K_SURIN) && !surin_russian(w, len))
			k &= ~(unsigned)K_SURIN;
		if (morph_givensuf(lx, f.data, f.len))
			k |= K_GIVENLIKE;
		if (tab_exact(&lx->fold, f.data, f.len) & M_FACIL)
			k |= K_FACIL;
	}
	buf_free(&f);
	buf_free(&cap);
	return k;
}

/* The parts of a hyphenated word, each known, together. */
static unsigned
know_parts(const struct lexicon *lx, const char *w, size_t len)
{
	const char	*p = w, *e = w + len, *h;
	unsigned	 k = 0, all = ~0u, one;
	char		 part[MAXWORD + 1];

	while (p < e) {
		if ((h = memchr(p, '-', (size_t)(e - p))) == NULL)
			h = e;
		memcpy(part, p, (size_t)(h - p));
		part[h - p] = '\0';
		one = know_word(lx, part, (size_t)(h - p));
		k |= one;
		all &= one;
		p = h + 1;
	}
	/* a compound is common or medical only when every part is */
	k &= ~(unsigned)(K_COMMON | K_RUCOMMON | K_MEDICAL);
	k |= all & (K_COMMON | K_RUCOMMON | K_MEDICAL);
	if (keep_covers(lx, w, len))
		k |= K_MEDICAL;
	return k;
}

unsigned
lex_know(const struct lexicon *lx, const char *w, size_t len)
{
	struct cache	*c = lx->cache;
	struct lexent	*e;
	char		 word[MAXWORD + 1];
	uint32_t	 h;
	unsigned	 k;
	size_t		 i;

	if (len == 0 || len > MAXWORD)
		return 0;
	h = hash_bytes(w, len);
	e = slot(c->tab, c->size, w, len, h);
	if (e->key != NULL)
		return e->exact;
	memcpy(word, w, len);
	word[len] = '\0';
	if (memchr(word, '-', len) != NULL && word[0] != '-' &&
	    word[len - 1] != '-') {
		k = know_parts(lx, word, len);
	}
	else
		k = know_word(lx, word, len);
	if (c->n + 1 > c->size / 2) {
		/* full: forget everything (the next words refill it) */
		for (i = 0; i < c->size; i++) {
			free(c->tab[i].key);
			c->tab[i].key = NULL;
		}
		c->n = 0;
		e = slot(c->tab, c->size, w, len, h);
	}
	e->key = xstrndup(w, len);
	e->len = len;
	e->hash = h;
	e->exact = k;
	c->n++;
	return k;
}

uint64_t
lex_classes(const struct lexicon *lx, const char *w, size_t len)
{
	struct memo	*m;
	uint32_t	 h;

	if (len == 0 || len > MEMO_KEY)
		return tab_find(&lx->words, w, len);
	h = hash_bytes(w, len);
	m = &lx->memo[h & (MEMO_SIZE - 1)];
	if (m->len != len || m->hash != h || memcmp(m->key, w, len) != 0) {
		m->cls = tab_find(&lx->words, w, len);
		m->hash = h;
		m->len = (uint8_t)len;
		memcpy(m->key, w, len);
	}
	return m->cls;
}

static void
add_builtin(struct lexicon *lx)
{
	size_t	 i;

	for (i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
		add_words(&lx->words, builtin[i].words, builtin[i].cls, 0);
}

struct lexicon *
lex_new(const char *dir, const char *hsdir)
{
	static const struct {
		const char	*file;
		unsigned	 cls, trcls, stemcls;
	} lists[] = {
		{ "medical.txt", 0, 0, 0 },
		{ "given-names.txt", M_GIVEN, M_GIVENTR, M_GIVEN },
		{ "surnames.txt", M_SURNAME, M_SURNAMETR, M_SURNAME },
		{ "places.txt", M_PLACE, M_PLACETR, M_PLACEADJ },
	};
	static const char *const dicts[2] = { "ru_RU", "kk_KZ" };
	struct lexicon	*lx;
	char		*path, *aff;
	size_t		 i;

	lx = xcalloc(1, sizeof(*lx));
	lx->hs = xcalloc(1, sizeof(*lx->hs));
	lx->cache = xcalloc(1, sizeof(*lx->cache));
	lx->memo = xcalloc(MEMO_SIZE, sizeof(*lx->memo));
	lx->cache->size = CACHE_MAX;
	lx->cache->tab = xcalloc(lx->cache->size, sizeof(*lx->cache->tab));
	tab_grow(&lx->words);
	tab_grow(&lx->fold);
	add_builtin(lx);
	add_endings(lx);
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		path = xasprintf("%s/%s", dir, lists[i].file);
		if (load_list(lx, path, lists[i].cls, lists[i].trcls,
		    lists[i].stemcls) == -1) {
			free(path);
			lex_free(lx);
			return NULL;
		}
		free(path);
	}
	for (i = 0; i < 2; i++) {
		path = xasprintf("%s/%s.dic", hsdir, dicts[i]);
		aff = xasprintf("%s/%s.aff", hsdir, dicts[i]);
		if (access(path, R_OK) != 0 || access(aff, R_OK) != 0) {
			rs_err("%s: cannot read the hunspell dictionary: %s "
			    "(Debian: apt-get install hunspell-ru hunspell-kk)",
			    access(path, R_OK) != 0 ? path : aff,
			    strerror(errno));
			free(path);
			free(aff);
			lex_free(lx);
			return NULL;
		}
		lx->hs->dic[i] = path;
		lx->hs->aff[i] = aff;
	}
	return lx;
}

void
lex_free(struct lexicon *lx)
{
	size_t	 i;

	if (lx == NULL)
		return;
	tab_free(&lx->words);
	tab_free(&lx->fold);
	for (i = 0; lx->hs != NULL && i < 2; i++) {
		if (lx->hs->h[i] != NULL)
			Hunspell_destroy(lx->hs->h[i]);
		free(lx->hs->aff[i]);
		free(lx->hs->dic[i]);
	}
	free(lx->hs);
	if (lx->cache != NULL) {
		for (i = 0; i < lx->cache->size; i++)
			free(lx->cache->tab[i].key);
		free(lx->cache->tab);
		free(lx->cache);
	}
	free(lx->memo);
	free(lx);
}
