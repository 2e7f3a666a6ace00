/*
 * scrub.c -- the free-text scrubber.
 *
 * The registry's free text (circumstances, anamnesis, care, measures;
 * in Kazakh and in Russian) is published, so whatever identifies a
 * patient or a medical worker is replaced by a marker first: names,
 * IINs, phone numbers, e-mail addresses, links, dates, ages of 90 and
 * over, addresses, facility and case numbers.  Medical content is kept:
 * ICD codes, doses, vital signs, times of day, durations, counts, ages
 * under 90, scores, lab values.  The rules of both languages apply to
 * every text (Kazakh texts quote Russian words and vice versa).
 *
 * One pass over a text:
 *
 *   1. links: e-mail addresses and URLs are found on the bytes (they
 *      are ASCII and ignore word boundaries);
 *   2. tokens: words (letters, inner hyphens included: "д-р",
 *      "Нұр-Сұлтан"), digit runs, runs of space, single punctuation
 *      code points, the caller's markers and the links.  Each word is
 *      looked up in lower case in one hash table holding the built-in
 *      word classes of both languages and the allowlist;
 *   3. rules: each rule looks at a few tokens around its trigger (a
 *      digit run, a keyword, "№", an initial, a capitalised word) and
 *      proposes a span of tokens with a type;
 *   4. spans: overlapping proposals become one span of the most
 *      specific type (prio[] below: a date inside an address is part of
 *      the address, an IIN or a phone beats a plain number); name spans
 *      separated by one space only become one ("Иванов Иван Иванович").
 *
 * Every rule looks at a bounded number of tokens around its trigger, so
 * a pass is linear in the length of the text.
 *
 * Idempotence.  A marker is one opaque token that stands for what it
 * replaced: no rule starts at, ends in or crosses one, and next to one
 * a rule decides as it did next to the original (a word glued to a
 * marker is glued to digits, a chain of digit groups running into one
 * is open, a marker after a number may be its unit, a capitalised word
 * after one may begin a sentence): a second pass may keep more, never
 * mask more.  As a guarantee rather than a hope, scrub_text scrubs its
 * own result again until nothing changes (at most MAXPASS passes; in
 * practice the second pass finds nothing), mapping every span back onto
 * the input, so scrub(scrub(x)) == scrub(x).
 *
 * Names.  A person's name is masked when it is
 *   - a surname next to initials ("Иванов И.И.", "И. И. Иванов",
 *     "Сейітқали Ә.Ғ."); a single initial needs a surname right after
 *     it ("А. Сейткали") or right before it ("Иванов И.");
 *   - up to three capitalised words after a role word (пациент,
 *     врач, д-р, науқас, дәрігер, ...), after an optional ':' -- one of
 *     them may be on the allowlist ("науқас Абай Сейтқалиев"), not all;
 *     a capitalised word right before a Kazakh role word
 *     ("Құдайбергенова дәрігер");
 *   - a patronymic (-ович, -евна, -ична, -ұлы, -қызы, -улы, -кызы, also
 *     "Сейтқали ұлы") together with the capitalised words next to it;
 *   - any other capitalised word that does not begin a sentence and is
 *     not on the allowlist or a known common word; at a sentence's
 *     start, a word that ends like a surname (-ов, -ева, -ин, -ская,
 *     -енко, ...) and is followed by such a word ("Иванов Петр").
 * A sentence begins at the start of the text or of a line, after
 * . ! ? … : ; after an opening quote, a bullet or "1)" at a line's
 * start, after a code ("O72.1 Кровотечение", "39.65 Экстракорпоральная")
 * and after a marker.  A '.' after a lower-case abbreviation ("ул.",
 * "г.р.", "т.е.") or after an initial does not end a sentence, except
 * after a unit ("5 г."), a Roman numeral ("I.") or a complete "Surname
 * И.И.".
 *
 * The allowlist (content/allowlist.txt, one word per line, '#' starts a
 * comment) is matched case-insensitively against whole words (a
 * hyphenated word is one word); an entry ending in '*' is a stem that
 * matches every word beginning with it, which is how inflected forms
 * are listed ("Астан*": Астана, Астане, Астанадағы; "Апгар*").  A stem
 * needs three letters before the '*'.  Besides the list:
 *   - all-capital words are abbreviations and survive (КТ, ОАК, ЖҚТБ,
 *     COVID, РНЦЭМП), unless they have six letters or more and end like
 *     a surname (ИВАНОВ, ОМАРОВА);
 *   - words with a capital after a small letter (SpO2, HbA1c) and words
 *     glued to digits (COVID-19, K35) are codes and survive;
 *   - the built-in common words of both languages (prepositions,
 *     pronouns, frequent verbs and adjectives of the reports: "Затем",
 *     "Основной", "Кезекші") are never names.
 * The strong rules (initials, role words, patronymics) mask an adjacent
 * allowlisted word too: a given name that is also a region ("Абай",
 * "Жамбыл") is still a name next to a patronymic.
 *
 * Addresses.  The whole address is one marker, keywords included: "по
 * ул. Абая, д. 12, кв. 5;" becomes "по [АДРЕС];".  A run of address
 * components joined by commas: street keyword + name (+ number),
 * house/flat keyword + number, "12-үй", "5-пәтер", Kazakh street name +
 * көшесі/даңғылы/шағын ауданы/ы.а., settlement keyword + a name that is
 * not on the allowlist ("с. Каменка", but "г. Алматы" survives: cities
 * and regions are not identifying), and after "адрес:"/"мекенжайы:" a
 * name with a house number.
 *
 * Numbers.  "№ N" is masked (the "№" goes into the marker, "ГКБ №5" ->
 * "ГКБ [№]") unless a document's word (приказ, бұйрық, пункт, форма,
 * ...) precedes it; facility words and abbreviations (ГКБ, больница,
 * емхана) followed by a number, ordinals before a facility ("5-ші
 * қалалық аурухана"), case words (ИБ, история болезни, карта, нөмір)
 * followed by three or more digits; any other run of seven or more
 * digits unless a unit follows.
 *
 * Known limits (privacy first: when in doubt, mask).  Kept although
 * identifying: a lone surname at a sentence's start that neither looks
 * like one before another name nor has initials, a role word or a
 * patronymic next to it ("Иванов осмотрел"); names equal to allowlisted
 * words (Абай, Жамбыл, eponyms); surnames in capitals of up to five
 * letters (КИМ); bare years and month-year dates (by policy); numbers
 * of other shapes (a phone in groups without 8/+7 or "тел.", an IIN in
 * groups that do not begin with six digits).  Masked although harmless:
 * capitalised words not on the allowlist in mid-sentence (brand names,
 * devices), a capitalised word after a lower-case abbreviation ("см.
 * Приложение"), ward and room numbers ("палата № 5"), decimals that
 * read as a day and a month ("12.10"), runs of 11 digits beginning with
 * 7 or 8.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "privacy/scrub.h"

#define NONE	SIZE_MAX
#define MAXPASS	6		/* scrub passes of one text, at most */

/* ------------------------------------------------------------------ */
/* The lexicon: built-in word classes and the allowlist                */

#define L_ALLOW		0x00000001u	/* content/allowlist.txt */
#define L_COMMON	0x00000002u	/* a common word: never a name */
#define L_ROLE		0x00000004u	/* пациент, врач: a name follows */
#define L_ROLEKK	0x00000008u	/* дәрігер: a name may precede */
#define L_MONTH		0x00000010u
#define L_UNIT		0x00000020u	/* мг, мл, раз: a measurement */
#define L_AGE		0x00000040u	/* года, лет, жаста: after an age */
#define L_AGECTX	0x00000080u	/* возрасте, жасы: before an age */
#define L_STREET	0x00000100u	/* ул., проспект: a name follows */
#define L_MKR		0x00000200u	/* мкр.: its name may be a number */
#define L_HOUSE		0x00000400u	/* д., кв., үй: a number follows */
#define L_HOUSEPOST	0x00000800u	/* үй, пәтер: after a number */
#define L_KSTREET	0x00001000u	/* көшесі: after a street's name */
#define L_KSTREET2	0x00002000u	/* шағын (ауданы) */
#define L_SETTLE	0x00004000u	/* с., пос., ауыл: a place follows */
#define L_SETTLEPOST	0x00008000u	/* ауылы, қаласы: after a place */
#define L_ADDRLBL	0x00010000u	/* адрес, мекенжайы */
#define L_PHONE		0x00020000u	/* тел., телефон */
#define L_IIN		0x00040000u	/* ИИН, ЖСН, БИН */
#define L_FACIL		0x00080000u	/* больница, ГКБ: a number follows */
#define L_CASE		0x00100000u	/* ИБ, карта, нөмірі */
#define L_DOC		0x00200000u	/* приказ, пункт: "№ N" is kept */
#define L_YEAR		0x00400000u	/* г., года, жылы */
#define L_BIRTH		0x00800000u	/* р., рождения, туған */
#define L_DATEW		0x01000000u	/* дата, күні */
#define L_ABBR		0x02000000u	/* its '.' does not end a sentence */
#define L_PARTICLE	0x04000000u	/* батыр, би: inside a street's name */
#define L_ORD		0x08000000u	/* -ші, -й, -го: ordinal endings */

#define L_GIVEN		0x10000000u	/* азамат: also a given name */
#define L_PERSON	0x20000000u	/* пациентка, бала: an age may follow */
#define L_AGEADJ	0x40000000u	/* жастағы, -летний: surely an age */

/* Classes that make a capitalised word not a name. */
#define L_NOTNAME	(~(L_ALLOW | L_ROLE | L_ROLEKK | L_GIVEN))

/*
 * The built-in words, lower case, separated by spaces; a trailing '*'
 * makes a stem.  A word may appear in several classes.
 */
static const struct {
	unsigned	 cls;
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
	    "фамилия фамилии имя отчество "
	    "науқас* дәрігер* мейірбике* медбике* фельдшер акушер азамат "
	    "азаматша "
	    "азаматқа азаматтың азаматты азаматшаға азаматшаның азаматшаны "
	    "меңгеруші* маман* қызметкер* анасы анасының анасына әкесі "
	    "әкесінің әкесіне баласы баласының жұбайы күйеуі әйелі туысы "
	    "нәресте* сәби* босанушы* әйел аты тегі аты-жөні" },
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
	    "санитардың меңгеруші меңгерушісі меңгерушінің" },
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
	    "пациент пациентка пациенту пациентке пациента пациентки "
	    "больной больная больного больную мужчина женщина ребёнок "
	    "ребенок девочка мальчик девушка юноша подросток роженица "
	    "родильница беременная новорождённый новорожденный науқас "
	    "бала әйел ер қыз ұл нәресте босанушы жүкті жасөспірім" },
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
	    "үй үйі үйде үйдің пәтер пәтері пәтерде" },
	{ L_KSTREET,
	    "көше* даңғыл* к-сі тұйық* тұйығы мөлтекаудан* ықшамаудан* "
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
	    "больниц* поликлиник* емхан* аурухан* госпитал* клиник* "
	    "перзентхан* роддом* диспансер* центр* орталы* стационар* "
	    "амбулатори* фап вп сва гкб гб гп цгб црб окб дгкб гдб дп одб "
	    "опц рпц пц пмсп цсм гккп кгп гкп мц цап тмо" },
	{ L_CASE,
	    "иб болезни тарихы карта карты карте картасы картасының "
	    "медкарт* номер номера номеру нөмір нөмірі дело дела іс ісі" },
	{ L_DOC,
	    "приказ* бұйрық* пункт* тармақ* стать* бап* закон* заң* "
	    "постановлени* қаулы* приложени* қосымша* форм* нысан* "
	    "таблиц* кесте* рисун* сурет* мкб" },
	{ L_YEAR,
	    "г год года году гг ж жыл жылы жылғы" },
	{ L_BIRTH,
	    "р рожд род рождения туған т" },
	{ L_DATEW,
	    "дата даты д күні" },
	{ L_ABBR,
	    "ул пр кв пос мкр мкрн им см стр гр тел обл корп пер проф доц "
	    "акад канд отд каб зав мед тыс млн руб тг д-р г-н г-жа дер наб "
	    "рожд род" },
	{ L_PARTICLE,
	    "батыр* би хан*" },
	{ L_ORD,
	    "ші шы інші ыншы нші ншы й я ая ой ий ый ое го ому ом" },
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

struct lexent {
	char		*key;	/* lower case UTF-8, NUL-terminated */
	size_t		 len;
	uint32_t	 hash;
	unsigned	 exact;	/* classes of a word equal to key */
	unsigned	 stem;	/* classes of a word beginning with key */
};

struct scrubber {
	struct lexent	*tab;	/* open addressing, linear probing */
	size_t		 size;	/* a power of two */
	size_t		 n;
	size_t		 maxkey;	/* the longest key, bytes */
	int		 min_age;	/* ages from this one are masked */
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
lex_slot(const struct scrubber *scr, const char *key, size_t len,
    uint32_t h)
{
	size_t		 i = h & (scr->size - 1);
	struct lexent	*e;

	for (;; i = (i + 1) & (scr->size - 1)) {
		e = &scr->tab[i];
		if (e->key == NULL || (e->hash == h && e->len == len &&
		    memcmp(e->key, key, len) == 0))
			return e;
	}
}

static void
lex_grow(struct scrubber *scr)
{
	struct lexent	*old = scr->tab, *e;
	size_t		 oldsize = scr->size, i;

	scr->size = oldsize ? oldsize * 2 : 1024;
	scr->tab = xcalloc(scr->size, sizeof(*scr->tab));
	for (i = 0; i < oldsize; i++)
		if (old[i].key != NULL) {
			e = lex_slot(scr, old[i].key, old[i].len, old[i].hash);
			*e = old[i];
		}
	free(old);
}

/* Add the lower-case key (a stem if stem) with the classes cls. */
static void
lex_add(struct scrubber *scr, const char *key, size_t len, int stem,
    unsigned cls)
{
	struct lexent	*e;
	uint32_t	 h = hash_bytes(key, len);

	if ((scr->n + 1) * 2 > scr->size)
		lex_grow(scr);
	e = lex_slot(scr, key, len, h);
	if (e->key == NULL) {
		e->key = xstrndup(key, len);
		e->len = len;
		e->hash = h;
		scr->n++;
		if (len > scr->maxkey)
			scr->maxkey = len;
	}
	if (stem)
		e->stem |= cls;
	else
		e->exact |= cls;
}

/*
 * The classes of the lower-case word w[0..len): those of the entry
 * equal to it and of every stem it begins with.  One hash is extended
 * byte by byte and probed at each code point boundary, so the cost is
 * linear in the word (up to the longest key).
 */
static unsigned
lex_find(const struct scrubber *scr, const char *w, size_t len)
{
	const struct lexent *e;
	uint32_t	 h = 2166136261u;
	unsigned	 cls = 0;
	size_t		 k;

	for (k = 0; k < len && k < scr->maxkey; k++) {
		h = hash_step(h, (unsigned char)w[k]);
		if (k + 1 < len && ((unsigned char)w[k + 1] & 0xc0) == 0x80)
			continue;
		e = lex_slot(scr, w, k + 1, h);
		if (e->key == NULL)
			continue;
		cls |= e->stem;
		if (k + 1 == len)
			cls |= e->exact;
	}
	return cls;
}

/* Lower-case the UTF-8 word s[0..len) into b. */
static void
lower_word(struct buf *b, const char *s, size_t len)
{
	const char	*p = s, *e = s + len;

	while (p < e)
		utf8_put(b, uc_tolower(utf8_next(&p, e)));
}

static void
add_builtin(struct scrubber *scr)
{
	const char	*p, *q;
	size_t		 i, n;

	for (i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
		for (p = builtin[i].words; *p != '\0'; p = q) {
			while (*p == ' ')
				p++;
			for (q = p; *q != '\0' && *q != ' '; q++)
				continue;
			n = (size_t)(q - p);
			if (n == 0)
				continue;
			if (p[n - 1] == '*')
				lex_add(scr, p, n - 1, 1, builtin[i].cls);
			else
				lex_add(scr, p, n, 0, builtin[i].cls);
		}
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

/* Parse the allowlist text into scr; -1 and rs_err on a bad line. */
static int
load_allowlist(struct scrubber *scr, const char *path, const char *text,
    size_t textlen)
{
	const char	*p = text, *end = text + textlen, *nl, *a, *z;
	struct buf	 low = { 0 };
	int		 line = 0, stem, rc = -1;
	size_t		 n;

	if (!utf8_valid(text, textlen)) {
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
		lower_word(&low, a, n - (size_t)stem);
		lex_add(scr, low.data, low.len, stem, L_ALLOW);
	}
	rc = 0;
out:
	buf_free(&low);
	return rc;
}

void
scrub_set_min_age(struct scrubber *scr, int age)
{
	scr->min_age = age < 0 ? 0 : age;
}

struct scrubber *
scrub_new(const char *allowlist_path)
{
	struct scrubber	*scr;
	char		*text;
	size_t		 len;

	if ((text = file_read(allowlist_path, &len)) == NULL)
		return NULL;
	scr = xcalloc(1, sizeof(*scr));
	scr->min_age = 90;
	lex_grow(scr);
	add_builtin(scr);
	if (load_allowlist(scr, allowlist_path, text, len) == -1) {
		free(text);
		scrub_free(scr);
		return NULL;
	}
	free(text);
	return scr;
}

void
scrub_free(struct scrubber *scr)
{
	size_t	 i;

	if (scr == NULL)
		return;
	for (i = 0; i < scr->size; i++)
		free(scr->tab[i].key);
	free(scr->tab);
	free(scr);
}

const char *
scrub_type_name(enum scrub_type t)
{
	static const char *const names[SCRUB__MAX] = { "name", "iin",
	    "phone", "email", "url", "date", "age", "address", "number" };

	if ((unsigned)t >= SCRUB__MAX)
		return "?";
	return names[t];
}

/* ------------------------------------------------------------------ */
/* One pass: links, tokens, rules, spans                               */

enum tkind {
	TK_END,		/* past either end of the text */
	TK_WORD,
	TK_NUM,		/* ASCII digits */
	TK_SPACE,	/* a run of white space */
	TK_PUNCT,	/* one other code point (U+FFFD for a bad byte) */
	TK_MARKER,	/* one of the caller's markers */
	TK_LINK		/* an e-mail address or a URL */
};

#define TF_CAP		0x01	/* WORD: begins with a capital */
#define TF_ALLCAPS	0x02	/* WORD: only capitals, two or more */
#define TF_MIXED	0x04	/* WORD: a capital after a small letter */
#define TF_COMPOUND	0x08	/* WORD: parts joined by hyphens */
#define TF_PARTSCAP	0x10	/* WORD: every part begins with a capital */
#define TF_ABBRPART	0x20	/* WORD: a part of two or more capitals */
#define TF_NL		0x40	/* SPACE: holds a line break */

struct tok {
	size_t		 off, len;	/* bytes of the text */
	enum tkind	 kind;
	unsigned	 flags;
	unsigned	 cls;		/* WORD: lexicon classes */
	uint32_t	 cp;		/* PUNCT: the code point */
	int		 type;		/* MARKER, LINK: the scrub type */
	int		 n;		/* letters, digits or spaces */
	long		 val;		/* NUM: the value; -1 past 9 digits */
};

/* A proposal of the rules: tokens [a, b) are of type. */
struct cand {
	size_t		 a, b;
	int		 type;
};

struct link {
	size_t		 off, len;
	int		 type;
};

struct pass {
	const struct scrubber *scr;
	const char	*const *markers;
	size_t		 mlen[SCRUB__MAX];
	unsigned char	 mfirst[256];	/* first bytes of the markers */
	const char	*s;		/* the text */
	size_t		 len;
	char		*low;		/* the text with words in lower case */
	size_t		 lowcap;
	struct tok	*t;		/* nt tokens and an END token */
	size_t		 nt, tcap;
	struct link	*lk;
	size_t		 nlk, lkcap;
	struct cand	*c;
	size_t		 nc, ccap;
	struct scrub_span *sp;		/* the result: byte spans */
	size_t		 nsp, spcap;
};

/* The marker of the most specific type wins an overlap. */
static const int prio[SCRUB__MAX] = {
	[SCRUB_EMAIL] = 9, [SCRUB_URL] = 8, [SCRUB_IIN] = 7,
	[SCRUB_PHONE] = 6, [SCRUB_ADDRESS] = 5, [SCRUB_DATE] = 4,
	[SCRUB_AGE] = 3, [SCRUB_NUMBER] = 2, [SCRUB_NAME] = 1
};

/* The length of the marker starting at s[off], or 0. */
static size_t
marker_slow(const struct pass *p, const char *s, size_t len, size_t off)
{
	size_t	 best = 0;
	int	 t;

	for (t = 0; t < SCRUB__MAX; t++)
		if (p->mlen[t] > best && p->mlen[t] <= len - off &&
		    memcmp(s + off, p->markers[t], p->mlen[t]) == 0)
			best = p->mlen[t];
	return best;
}

static inline size_t
marker_at(const struct pass *p, const char *s, size_t len, size_t off)
{
	return p->mfirst[(unsigned char)s[off]] ?
	    marker_slow(p, s, len, off) : 0;
}

static int
marker_type(const struct pass *p, const char *s, size_t ml)
{
	int	 t;

	for (t = 0; t < SCRUB__MAX; t++)
		if (p->mlen[t] == ml && memcmp(s, p->markers[t], ml) == 0)
			return t;
	return SCRUB_NAME;
}

/* --- links ---------------------------------------------------------- */

static int
a_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

static int
a_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A byte of an e-mail address's local part. */
static int
a_local(unsigned char c)
{
	return a_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
	    c == '-';
}

/* A byte of a domain name. */
static int
a_domain(unsigned char c)
{
	return a_alnum(c) || c == '.' || c == '-';
}

/* Where a URL stops: white space, quotes, brackets, non-ASCII. */
static int
a_urlstop(unsigned char c)
{
	return c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '"' ||
	    c == '[' || c == ']' || c == '{' || c == '}' || c == '|' ||
	    c == '\\' || c == '^' || c == '`';
}

/* Top-level domains recognised without "http://" or "www.". */
static int
is_tld(const unsigned char *s, size_t n)
{
	static const char *const tlds[] = { "kz", "ru", "com", "org",
	    "net", "gov", "edu", "info", "io", "uz", "su", "biz", "online",
	    "site", "pro" };
	size_t	 i, k;

	for (i = 0; i < sizeof(tlds) / sizeof(tlds[0]); i++) {
		if (strlen(tlds[i]) != n)
			continue;
		for (k = 0; k < n; k++)
			if ((s[k] | 0x20) != (unsigned char)tlds[i][k])
				break;
		if (k == n)
			return 1;
	}
	return 0;
}

/* Extend a URL from e over its path; trailing punctuation is not in it. */
static size_t
url_rest(const struct pass *p, const unsigned char *s, size_t n, size_t e,
    size_t start)
{
	size_t	 i;
	int	 paren = 0;

	while (e < n && !a_urlstop(s[e]) &&
	    marker_at(p, (const char *)s, n, e) == 0)
		e++;
	for (i = start; i < e; i++)
		if (s[i] == '(')
			paren = 1;
	while (e > start && (s[e - 1] == '.' || s[e - 1] == ',' ||
	    s[e - 1] == ';' || s[e - 1] == ':' || s[e - 1] == '!' ||
	    s[e - 1] == '?' || s[e - 1] == '\'' ||
	    (s[e - 1] == ')' && !paren)))
		e--;
	return e;
}

/* "http://", "https://" or "www." at i: the URL's end, else i. */
static size_t
url_at(const struct pass *p, const unsigned char *s, size_t n, size_t i)
{
	static const char *const pre[] = { "https://", "http://", "www." };
	size_t	 k, m, e;

	if (i > 0 && (a_alnum(s[i - 1]) || s[i - 1] == '.' ||
	    s[i - 1] == '@'))
		return i;
	for (k = 0; k < 3; k++) {
		m = strlen(pre[k]);
		if (n - i < m || strncasecmp((const char *)s + i, pre[k], m))
			continue;
		e = url_rest(p, s, n, i + m, i);
		return e > i + m && a_alnum(s[i + m]) ? e : i;
	}
	return i;
}

/* The domain of an e-mail address at j ("mail.ru"): its end, or j. */
static size_t
email_domain(const struct pass *p, const unsigned char *s, size_t n,
    size_t j)
{
	size_t	 e = j, dot = 0, k;

	while (e < n && a_domain(s[e]))
		e++;
	/* Digits that a marker replaced were part of the domain. */
	if (e < n && marker_at(p, (const char *)s, n, e) > 0)
		return j;
	while (e > j && (s[e - 1] == '.' || s[e - 1] == '-'))
		e--;
	if (e == j || !a_alnum(s[j]))
		return j;
	for (k = j; k < e; k++)
		if (s[k] == '.') {
			if (s[k - 1] == '.')
				return j;
			dot = k;
		}
	if (dot == 0 || e - dot - 1 < 2)
		return j;
	for (k = dot + 1; k < e; k++)
		if (!a_alpha(s[k]))
			return j;
	return e;
}

/*
 * A bare domain whose last dot before the top-level domain is at i, its
 * name beginning at ds, an alphanumeric byte ("example.kz/path"): the
 * end, or i.
 */
static size_t
bare_domain(const struct pass *p, const unsigned char *s, size_t n,
    size_t ds, size_t i)
{
	size_t	 t = i + 1, e;

	if (ds >= i || !a_alnum(s[i - 1]))
		return i;
	if (ds > 0 && (s[ds - 1] == '@' || s[ds - 1] == '/'))
		return i;
	while (t < n && a_alpha(s[t]))
		t++;
	if (!is_tld(s + i + 1, t - i - 1) || (t < n && (a_alnum(s[t]) ||
	    s[t] == '-' || s[t] == '_' || s[t] == '@' ||
	    marker_at(p, (const char *)s, n, t) > 0)))
		return i;
	e = t;
	while (e + 1 < n && s[e] == '.' && a_alnum(s[e + 1])) {
		e++;
		while (e < n && (a_alnum(s[e]) || s[e] == '-'))
			e++;
	}
	if (e < n && (s[e] == '/' || s[e] == ':' || s[e] == '?'))
		e = url_rest(p, s, n, e, ds);
	return e;
}

static void
link_add(struct pass *p, size_t off, size_t end, int type)
{
	if (p->nlk == p->lkcap) {
		p->lkcap = p->lkcap ? p->lkcap * 2 : 8;
		p->lk = xreallocarray(p->lk, p->lkcap, sizeof(*p->lk));
	}
	p->lk[p->nlk].off = off;
	p->lk[p->nlk].len = end - off;
	p->lk[p->nlk].type = type;
	p->nlk++;
}

/*
 * Find the e-mail addresses and URLs, in order, never inside a marker.
 * lrun and drun are where the current run of local-part and of domain
 * bytes began, so each byte is looked at a bounded number of times.
 */
static void
links_scan(struct pass *p)
{
	const unsigned char *s = (const unsigned char *)p->s;
	size_t		 n = p->len, i = 0, lrun = 0, drun = 0, e, ml, a;
	size_t		 mend = NONE;	/* where the last marker ended */
	size_t		 dfirst = NONE;	/* the domain run's first alnum */
	unsigned char	 c;

	p->nlk = 0;
	while (i < n) {
		if ((ml = marker_at(p, p->s, n, i)) > 0) {
			i += ml;
			lrun = drun = mend = i;
			dfirst = NONE;
			continue;
		}
		c = s[i];
		/*
		 * Nothing begins right after a marker: what the marker
		 * replaced would have joined it ("5www.", "12le.kz").
		 */
		if (((c | 0x20) == 'h' || (c | 0x20) == 'w') && i != mend) {
			if ((e = url_at(p, s, n, i)) > i) {
				link_add(p, i, e, SCRUB_URL);
				i = lrun = drun = e;
				dfirst = NONE;
				continue;
			}
		} else if (c == '@' && lrun < i && lrun != mend) {
			for (a = lrun; a < i && (s[a] == '.' || s[a] == '-');
			    a++)
				continue;
			if (a < i &&
			    (e = email_domain(p, s, n, i + 1)) > i + 1) {
				link_add(p, a, e, SCRUB_EMAIL);
				i = lrun = drun = e;
				dfirst = NONE;
				continue;
			}
		} else if (c == '.' && dfirst != NONE && drun != mend) {
			if ((e = bare_domain(p, s, n, dfirst, i)) > i) {
				link_add(p, dfirst, e, SCRUB_URL);
				i = lrun = drun = e;
				dfirst = NONE;
				continue;
			}
		}
		if (!a_local(c))
			lrun = i + 1;
		if (!a_domain(c)) {
			drun = i + 1;
			dfirst = NONE;
		} else if (dfirst == NONE && a_alnum(c))
			dfirst = i;
		i++;
	}
}

/* --- tokens --------------------------------------------------------- */

static int
is_hspace(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0xa0 || c == 0x2007 ||
	    c == 0x2009 || c == 0x200a || c == 0x202f || c == 0x2002 ||
	    c == 0x2003 || c == 0x3000;
}

static int
is_vspace(uint32_t c)
{
	return c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
	    c == 0x85 || c == 0x2028 || c == 0x2029;
}

static struct tok *
tok_push(struct pass *p, enum tkind kind, size_t off, size_t len)
{
	struct tok	*t;

	if (p->nt + 1 >= p->tcap) {
		p->tcap = p->tcap ? p->tcap * 2 : 64;
		p->t = xreallocarray(p->t, p->tcap, sizeof(*p->t));
	}
	t = &p->t[p->nt++];
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->off = off;
	t->len = len;
	return t;
}

/* Encode a code point; returns its length (1-4). */
static size_t
enc_utf8(uint32_t cp, char *o)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/*
 * Scan the word at pos (a letter) up to lim: letters, and single
 * hyphens between letters.  Its lower-case form goes into p->low at the
 * same offsets (a letter and its lower case have the same UTF-8 length
 * in the scripts uc_tolower knows; otherwise the letter is copied).
 */
static size_t
scan_word(struct pass *p, size_t pos, size_t lim)
{
	const char	*s = p->s, *q, *r;
	struct tok	*t;
	size_t		 start = pos, plen = 0, pcaps = 0, n = 0, caps = 0;
	size_t		 clen;
	uint32_t	 c;
	int		 prevlow = 0, partfirst = 1;
	unsigned	 flags = TF_PARTSCAP;
	char		 enc[4];

	while (pos < lim) {
		if (pos > start && marker_at(p, s, p->len, pos) > 0)
			break;
		q = s + pos;
		c = utf8_next(&q, s + lim);
		if (!uc_isalpha(c)) {
			/* A hyphen between two letters joins two parts. */
			if (c != '-' || plen == 0 || pos + 1 >= lim ||
			    marker_at(p, s, p->len, pos + 1) > 0)
				break;
			r = s + pos + 1;
			if (!uc_isalpha(utf8_next(&r, s + lim)))
				break;
			if (plen >= 2 && pcaps == plen)
				flags |= TF_ABBRPART;
			flags |= TF_COMPOUND;
			p->low[pos++] = '-';
			partfirst = 1;
			prevlow = 0;
			plen = pcaps = 0;
			continue;
		}
		if (partfirst) {
			if (!uc_isupper(c))
				flags &= ~TF_PARTSCAP;
			if (pos == start && uc_isupper(c))
				flags |= TF_CAP;
		} else if (uc_isupper(c) && prevlow)
			flags |= TF_MIXED;
		prevlow = uc_islower(c);
		if (uc_isupper(c)) {
			pcaps++;
			caps++;
		}
		plen++;
		n++;
		partfirst = 0;
		clen = (size_t)(q - (s + pos));
		if (enc_utf8(uc_tolower(c), enc) == clen)
			memcpy(p->low + pos, enc, clen);
		else
			memcpy(p->low + pos, s + pos, clen);
		pos += clen;
	}
	if (plen >= 2 && pcaps == plen)
		flags |= TF_ABBRPART;
	if (n >= 2 && caps == n)
		flags |= TF_ALLCAPS;
	t = tok_push(p, TK_WORD, start, pos - start);
	t->n = n > 100000 ? 100000 : (int)n;
	t->flags = flags;
	t->cls = lex_find(p->scr, p->low + start, pos - start);
	return pos;
}

/* Split p->s into tokens; the links must have been found. */
static void
tokenize(struct pass *p)
{
	const char	*s = p->s, *q;
	struct tok	*t;
	size_t		 pos = 0, li = 0, lim, ml, start;
	uint32_t	 c;

	p->nt = 0;
	if (p->lowcap < p->len + 1) {
		p->lowcap = p->len + 1;
		free(p->low);
		p->low = xmalloc(p->lowcap);
	}
	while (pos < p->len) {
		if (li < p->nlk && pos == p->lk[li].off) {
			t = tok_push(p, TK_LINK, pos, p->lk[li].len);
			t->type = p->lk[li].type;
			pos += p->lk[li++].len;
			continue;
		}
		lim = li < p->nlk ? p->lk[li].off : p->len;
		if ((ml = marker_at(p, s, p->len, pos)) > 0) {
			t = tok_push(p, TK_MARKER, pos, ml);
			t->type = marker_type(p, s + pos, ml);
			pos += ml;
			continue;
		}
		q = s + pos;
		c = utf8_next(&q, s + lim);
		if (uc_isalpha(c)) {
			pos = scan_word(p, pos, lim);
		} else if (c >= '0' && c <= '9') {
			start = pos;
			t = tok_push(p, TK_NUM, pos, 0);
			t->val = 0;
			while (pos < lim && s[pos] >= '0' && s[pos] <= '9') {
				if (t->n < 9)
					t->val = t->val * 10 + (s[pos] - '0');
				if (t->n < 100000)
					t->n++;
				pos++;
			}
			if (t->n > 9)
				t->val = -1;
			t->len = pos - start;
		} else if (is_hspace(c) || is_vspace(c)) {
			start = pos;
			t = tok_push(p, TK_SPACE, pos, 0);
			while (pos < lim && marker_at(p, s, p->len, pos) == 0) {
				q = s + pos;
				c = utf8_next(&q, s + lim);
				if (is_vspace(c))
					t->flags |= TF_NL;
				else if (!is_hspace(c))
					break;
				if (t->n < 100000)
					t->n++;
				pos = (size_t)(q - s);
			}
			t->len = pos - start;
		} else {
			t = tok_push(p, TK_PUNCT, pos, (size_t)(q - (s + pos)));
			t->cp = c;
			pos = (size_t)(q - s);
		}
	}
	t = tok_push(p, TK_END, p->len, 0);
	p->nt--;		/* the END token stays behind the last */
}

/*
 * Token i.  Every index past either end (i >= nt, including indices
 * that wrapped below 0) gives the END token, so the rules can look
 * around freely.
 */
static const struct tok *
tk(const struct pass *p, size_t i)
{
	return &p->t[i < p->nt ? i : p->nt];
}

static int
is_p(const struct pass *p, size_t i, uint32_t cp)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_PUNCT && t->cp == cp;
}

/* A dash: hyphen-minus, hyphen, en dash, em dash. */
static int
is_dash(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_PUNCT && (t->cp == '-' || t->cp == 0x2010 ||
	    t->cp == 0x2011 || t->cp == 0x2013 || t->cp == 0x2014);
}

/* Space within a line. */
static int
is_hsp(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_SPACE && !(t->flags & TF_NL);
}

static int
is_num(const struct pass *p, size_t i)
{
	return tk(p, i)->kind == TK_NUM;
}

/* A digit run, or a marker (that replaced one), or a link. */
static int
is_numlike(const struct pass *p, size_t i)
{
	enum tkind	 k = tk(p, i)->kind;

	return k == TK_NUM || k == TK_MARKER || k == TK_LINK;
}

/*
 * A word, or a marker or a link (a marker may have replaced a word):
 * for the number rules, which stop at a glued word ("K35.8").
 */
static int
is_wordlike(const struct pass *p, size_t i)
{
	enum tkind	 k = tk(p, i)->kind;

	return k == TK_WORD || k == TK_MARKER || k == TK_LINK;
}

/* A word of one of the classes cls. */
static int
is_w(const struct pass *p, size_t i, unsigned cls)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_WORD && (t->cls & cls);
}

/* The lower-case word i equals w. */
static int
weq(const struct pass *p, size_t i, const char *w)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_WORD && t->len == strlen(w) &&
	    memcmp(p->low + t->off, w, t->len) == 0;
}

/* The lower-case word i begins with w. */
static int
wpre(const struct pass *p, size_t i, const char *w)
{
	const struct tok *t = tk(p, i);
	size_t	 n = strlen(w);

	return t->kind == TK_WORD && t->len >= n &&
	    memcmp(p->low + t->off, w, n) == 0;
}

/* The lower-case word i ends with suf, with at least two letters before. */
static int
wsuffix(const struct pass *p, size_t i, const char *suf)
{
	const struct tok *t = tk(p, i);
	size_t	 n = strlen(suf);

	return t->kind == TK_WORD && t->len >= n + 2 &&
	    memcmp(p->low + t->off + t->len - n, suf, n) == 0;
}

/* The token after i, past one space within the line. */
static size_t
nexttok(const struct pass *p, size_t i)
{
	if (i >= p->nt)
		return p->nt;
	return is_hsp(p, i + 1) ? i + 2 : i + 1;
}

/* The token before i, past one space within the line; NONE at the start. */
static size_t
prevtok(const struct pass *p, size_t i)
{
	if (i == 0 || i > p->nt)
		return NONE;
	i--;
	if (is_hsp(p, i)) {
		if (i == 0)
			return NONE;
		i--;
	}
	return i;
}

/* After word i and the '.' glued to it, if there is one. */
static size_t
afterdot(const struct pass *p, size_t i)
{
	return is_p(p, i + 1, '.') ? i + 2 : i + 1;
}

/*
 * After a label ending at token i ("ИИН", "тел.", "возраст:"): past a
 * glued '.', spaces and ':', '-', '№', '=' (a few tokens at most).
 */
static size_t
after_label(const struct pass *p, size_t i)
{
	size_t	 j = afterdot(p, i);
	int	 n;

	for (n = 0; n < 4; n++) {
		if (is_hsp(p, j) || is_p(p, j, ':') || is_dash(p, j) ||
		    is_p(p, j, 0x2116) || is_p(p, j, '='))
			j++;
		else
			break;
	}
	return j;
}

/* Digit run i continues a number to its left: "1,5", "12.03", "14:30". */
static int
num_cont_left(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i - 1);

	return t->kind == TK_PUNCT && (t->cp == '.' || t->cp == ',' ||
	    t->cp == ':' || t->cp == '/' || t->cp == '-') &&
	    is_numlike(p, i - 2);
}

/* Digit run i is the fraction of a decimal number: "0,5", "37.5". */
static int
decimal_left(const struct pass *p, size_t i)
{
	return (is_p(p, i - 1, ',') || is_p(p, i - 1, '.')) &&
	    is_numlike(p, i - 2);
}

/* A measurement unit or sign follows token i: "5 мг", "88%", "3 раза". */
static int
unit_after(const struct pass *p, size_t i)
{
	size_t	 j = i + 1;
	const struct tok *t;

	/* "02-[№]": the marker may have replaced the rest and its unit */
	if ((is_p(p, j, '-') || is_p(p, j, '/') || is_p(p, j, '.')) &&
	    tk(p, j + 1)->kind == TK_MARKER)
		return 1;
	if (is_hsp(p, j))
		j++;
	t = tk(p, j);
	if (t->kind == TK_WORD)
		return (t->cls & L_UNIT) != 0;
	if (t->kind == TK_MARKER)
		return 1;	/* it may have replaced the unit */
	return t->kind == TK_PUNCT && (t->cp == '%' || t->cp == 0x2030 ||
	    t->cp == 0xb0 || t->cp == 0x20b8 || t->cp == 0xd7 || t->cp == '*');
}

static int
is_year(const struct tok *t)
{
	return t->kind == TK_NUM && t->n == 4 && t->val >= 1900 &&
	    t->val <= 2100;
}

static int
is_day(const struct tok *t)
{
	return t->kind == TK_NUM && t->n <= 2 && t->val >= 1 && t->val <= 31;
}

static void
cand(struct pass *p, size_t a, size_t b, int type)
{
	if (a >= b || b > p->nt)
		return;
	if (p->nc == p->ccap) {
		p->ccap = p->ccap ? p->ccap * 2 : 16;
		p->c = xreallocarray(p->c, p->ccap, sizeof(*p->c));
	}
	p->c[p->nc].a = a;
	p->c[p->nc].b = b;
	p->c[p->nc].type = type;
	p->nc++;
}

/* --- numbers -------------------------------------------------------- */

#define SEP_SPACE	0x01	/* one space: "880101 300 123" */
#define SEP_DASH	0x02	/* "23-45-67" */
#define SEP_PAREN	0x04	/* "8(727)123", "8 (727) 123" */
#define SEP_SLASH	0x08	/* "123/45" */

/* Digit groups joined by separators. */
struct chain {
	size_t		 a, b;		/* tokens [a, b) */
	int		 n;		/* groups */
	int		 ndig;		/* digits of all groups */
	int		 g[4];		/* the first groups' lengths */
	int		 open;		/* it runs on into a marker */
};

/* The next group after group j through separators seps, or NONE. */
static size_t
chain_sep(const struct pass *p, size_t j, int seps)
{
	const struct tok *t;
	size_t	 k = j + 1;
	int	 n, sp = 0, pu = 0, par = 0;

	for (n = 0; n < 3; n++, k++) {
		t = tk(p, k);
		if (t->kind == TK_SPACE && !(t->flags & TF_NL) && t->n == 1)
			sp++;
		else if ((seps & SEP_DASH) && t->kind == TK_PUNCT &&
		    (t->cp == '-' || t->cp == 0x2010 || t->cp == 0x2011))
			pu++;
		else if ((seps & SEP_SLASH) && is_p(p, k, '/'))
			pu++;
		else if ((seps & SEP_PAREN) && (is_p(p, k, '(') ||
		    is_p(p, k, ')')))
			par++;
		else
			break;
	}
	if (n == 0 || !is_numlike(p, k) || pu > 1 || par > 1 ||
	    sp > (par ? 2 : 1) || (pu && par))
		return NONE;
	if (sp && !par && !(seps & SEP_SPACE))
		return NONE;
	if (sp && pu)
		return NONE;
	return k;
}

/* The chain of digit groups beginning with the digit run i. */
static void
chain_scan(const struct pass *p, size_t i, int seps, struct chain *ch)
{
	const struct tok *t;
	size_t	 j = i, k;
	int	 n;

	memset(ch, 0, sizeof(*ch));
	ch->a = i;
	for (;;) {
		if (ch->n < 4)
			ch->g[ch->n] = tk(p, j)->n;
		ch->n++;
		ch->ndig += tk(p, j)->n;
		ch->b = j + 1;
		if (ch->ndig > 16 || ch->n >= 8 ||
		    (k = chain_sep(p, j, seps)) == NONE || !is_num(p, k))
			break;
		j = k;
	}
	/* Runs on into a marker, through separators or none. */
	for (k = ch->b, n = 0; n < 3; n++, k++) {
		t = tk(p, k);
		if (t->kind == TK_MARKER) {
			ch->open = 1;
			break;
		}
		if (!(t->kind == TK_SPACE && !(t->flags & TF_NL)) &&
		    !(t->kind == TK_PUNCT && (t->cp == '-' || t->cp == '(' ||
		    t->cp == ')' || t->cp == '/' || t->cp == '.' ||
		    t->cp == 0x2010 || t->cp == 0x2011)))
			break;
	}
}

/* Where a number "123", "123/45", "2025-123", "12А" ends. */
static size_t
num_end(const struct pass *p, size_t j)
{
	size_t	 k = j + 1;
	int	 n;

	for (n = 0; n < 4; n++) {
		if ((is_p(p, k, '/') || is_p(p, k, '-') || is_p(p, k, '.')) &&
		    is_num(p, k + 1))
			k += 2;
		else
			break;
	}
	if (tk(p, k)->kind == TK_WORD && tk(p, k)->n == 1 &&
	    !is_w(p, k, L_UNIT))
		k++;
	else if ((is_p(p, k, '-') || is_p(p, k, '/')) &&
	    tk(p, k + 1)->kind == TK_WORD && tk(p, k + 1)->n == 1 &&
	    !is_w(p, k + 1, L_UNIT))
		k += 2;
	return k;
}

/* Digits in the tokens [a, b). */
static int
digits_in(const struct pass *p, size_t a, size_t b)
{
	int	 n = 0;

	for (; a < b; a++)
		if (is_num(p, a))
			n += tk(p, a)->n;
	return n;
}

/*
 * IIN/BIN: any run of 12 digits; 12 digits in groups when the first
 * group is the six-digit birth date ("880101 300 123") or the groups
 * are joined by dashes.
 */
static void
num_iin(struct pass *p, size_t i)
{
	struct chain	 ch;

	if (tk(p, i)->n == 12) {
		cand(p, i, i + 1, SCRUB_IIN);
		return;
	}
	if (num_cont_left(p, i) || tk(p, i)->n > 12)
		return;
	chain_scan(p, i, tk(p, i)->n == 6 ? SEP_SPACE | SEP_DASH : SEP_DASH,
	    &ch);
	if (ch.n >= 2 && ch.n <= 4 && ch.ndig == 12 && !ch.open)
		cand(p, ch.a, ch.b, SCRUB_IIN);
}

/*
 * Phones: "+7 701 234 56 78" (a '+' and 10 to 13 digits); 11 digits
 * beginning with 7 or 8, whole or as "8 (727) 123-45-67"; a mobile
 * number without its 8 in three groups or more ("701 234 56 78");
 * "23-45-67" and "234-56-78".
 */
static void
num_phone(struct pass *p, size_t i)
{
	struct chain	 ch;
	char		 d0 = p->s[tk(p, i)->off];

	if (num_cont_left(p, i) || is_wordlike(p, i - 1))
		return;
	chain_scan(p, i, SEP_SPACE | SEP_DASH | SEP_PAREN, &ch);
	if (!is_wordlike(p, ch.b) && !ch.open) {
		if (is_p(p, i - 1, '+')) {
			if (ch.ndig >= 10 && ch.ndig <= 13)
				cand(p, i - 1, ch.b, SCRUB_PHONE);
			return;
		}
		if ((d0 == '7' || d0 == '8') && ch.ndig == 11 &&
		    (ch.n == 1 || ch.g[0] <= 4)) {
			cand(p, i, ch.b, SCRUB_PHONE);
			return;
		}
		/* A mobile number without its 8: "701 234 56 78" */
		if (d0 == '7' && ch.g[0] == 3 && ch.n >= 3 && ch.ndig == 10) {
			cand(p, i - (is_p(p, i - 1, '(') ? 1 : 0), ch.b,
			    SCRUB_PHONE);
			return;
		}
	}
	chain_scan(p, i, SEP_DASH, &ch);
	if (ch.n == 3 && (ch.g[0] == 2 || ch.g[0] == 3) && ch.g[1] == 2 &&
	    ch.g[2] == 2 && !is_wordlike(p, ch.b) && !ch.open)
		cand(p, ch.a, ch.b, SCRUB_PHONE);
}

/*
 * "day [-ordinal] month" at i ("12 марта", "12-го марта", "3-наурыз",
 * "3 наурызда"): the token after the month, or NONE.
 */
static size_t
day_month(const struct pass *p, size_t i)
{
	size_t	 j = i + 1;

	if (!is_day(tk(p, i)) || decimal_left(p, i))
		return NONE;
	if (is_p(p, j, '-') && is_w(p, j + 1, L_ORD))
		j += 2;
	if (is_hsp(p, j) || is_p(p, j, '-'))
		j++;
	if (!is_w(p, j, L_MONTH))
		return NONE;
	/* An abbreviated month takes its dot: "12 янв. 2025". */
	if (tk(p, j)->n <= 4 && is_p(p, j + 1, '.'))
		return j + 2;
	return j + 1;
}

/* After a date's day and month at e: "2025", "2025 г.", "2025 года". */
static size_t
date_tail(const struct pass *p, size_t e)
{
	size_t	 j = is_hsp(p, e) ? e + 1 : e;

	if (!is_year(tk(p, j)) || is_wordlike(p, j + 1))
		return e;
	e = j + 1;
	j = nexttok(p, j);
	if (is_w(p, j, L_YEAR))
		e = tk(p, j)->n <= 2 ? afterdot(p, j) : j + 1;
	return e;
}

static int
valid_dm(long d, long m)
{
	return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/* A separator and a digit run follow token i: "2025" in "12.03.2025.1". */
static int
num_cont_right(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i + 1);

	return t->kind == TK_PUNCT && (t->cp == '.' || t->cp == ',' ||
	    t->cp == '/' || t->cp == '-' || t->cp == ':') &&
	    is_numlike(p, i + 2);
}

/*
 * Dates: 12.03.2025, 12/03/25, 12-03-2025, 2025-03-12, 12.03; with a
 * month's name; "2025 жылғы 12 наурыз"; years of birth: "1956 г.р.",
 * "1956 года рождения", "1956 ж.т.", "1956 жылы туған".
 */
static void
num_date(struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i), *a, *b;
	uint32_t	 sep;
	size_t		 j, k, e;

	if (!is_wordlike(p, i - 1) && !num_cont_left(p, i)) {
		a = tk(p, i + 2);
		b = tk(p, i + 4);
		sep = tk(p, i + 1)->kind == TK_PUNCT ? tk(p, i + 1)->cp : 0;
		if ((sep == '.' || sep == '/' || sep == '-') &&
		    a->kind == TK_NUM && a->n <= 2) {
			if (is_p(p, i + 3, sep) && b->kind == TK_NUM &&
			    !num_cont_right(p, i + 4) &&
			    !is_wordlike(p, i + 5)) {
				/* 12.03.2025, 2025-03-12 */
				if (t->n <= 2 && (b->n == 2 || b->n == 4) &&
				    valid_dm(t->val, a->val))
					cand(p, i, i + 5, SCRUB_DATE);
				else if (t->n == 4 && b->n <= 2 &&
				    valid_dm(b->val, a->val))
					cand(p, i, i + 5, SCRUB_DATE);
			} else if (sep == '.' && t->n <= 2 && a->n == 2 &&
			    valid_dm(t->val, a->val) &&
			    !num_cont_right(p, i + 2) &&
			    !is_wordlike(p, i + 3) &&
			    !unit_after(p, i + 2)) {
				/* 12.03 */
				cand(p, i, i + 3, SCRUB_DATE);
			}
		}
	}
	/* 12 марта 2025 г., 3 наурызда */
	if ((e = day_month(p, i)) != NONE) {
		cand(p, i, date_tail(p, e), SCRUB_DATE);
		return;
	}
	if (!is_year(t) || num_cont_left(p, i))
		return;
	j = is_hsp(p, i + 1) ? i + 2 : i + 1;
	if (!is_w(p, j, L_YEAR))
		return;
	k = afterdot(p, j);
	if (is_hsp(p, k))
		k++;
	/* 2025 жылғы 12 наурыз */
	if ((e = day_month(p, k)) != NONE) {
		cand(p, i, e, SCRUB_DATE);
		return;
	}
	/* 1956 г.р., 1956 года рождения, 1956 ж.т. */
	if (is_w(p, k, L_BIRTH))
		cand(p, i, tk(p, k)->n <= 4 ? afterdot(p, k) : k + 1,
		    SCRUB_DATE);
}

/*
 * Ages from the scrubber's minimum (90 by default, every age when the
 * policy says so): "92 года", "95 лет", "93 жаста", "92-летняя".
 */
static void
num_age(struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);
	size_t	 j = i + 1;

	if (t->n > 3 || t->val < p->scr->min_age || t->val > 130 ||
	    decimal_left(p, i) || is_wordlike(p, i - 1))
		return;
	if (is_hsp(p, j) || is_p(p, j, '-'))
		j++;
	if (!is_w(p, j, L_AGE))
		return;
	/*
	 * Under 90, "лет"/"года" also measure time ("курит 20 лет"): an
	 * age needs a word that only ages take ("жастағы", "-летний") or
	 * a person just before ("пациентка 33 лет", "бала, 5 жаста").
	 */
	if (t->val < 90 && !is_w(p, j, L_AGEADJ)) {
		size_t	 k = prevtok(p, i);

		if (k != NONE && is_p(p, k, ','))
			k = prevtok(p, k);
		if (k == NONE || !is_w(p, k, L_PERSON))
			return;
	}
	cand(p, i, j + 1, SCRUB_AGE);
}

/* A long run of digits (7 or more) that is no measurement. */
static void
num_long(struct pass *p, size_t i)
{
	struct chain	 ch;

	if (decimal_left(p, i))
		return;
	if (tk(p, i)->n >= 7 && tk(p, i)->n != 12) {
		if (!unit_after(p, i))
			cand(p, i, i + 1, SCRUB_NUMBER);
		return;
	}
	if (num_cont_left(p, i))
		return;
	chain_scan(p, i, SEP_DASH | SEP_SLASH, &ch);
	if (ch.n >= 2 && ch.ndig >= 7 && !ch.open && !unit_after(p, ch.b - 1))
		cand(p, ch.a, ch.b, SCRUB_NUMBER);
}

/* An ordinal before a facility: "5-ші қалалық аурухана", "3-я больница". */
static void
num_ordinal(struct pass *p, size_t i)
{
	size_t	 j;
	int	 n;

	if (tk(p, i)->n > 3 || !is_p(p, i + 1, '-') || !is_w(p, i + 2, L_ORD))
		return;
	for (j = nexttok(p, i + 2), n = 0; n < 3; n++, j = nexttok(p, j)) {
		if (is_w(p, j, L_FACIL)) {
			cand(p, i, i + 3, SCRUB_NUMBER);
			return;
		}
		if (tk(p, j)->kind != TK_WORD)
			return;
	}
}

/* "№ 5", "№123/45", "№ 2025-123", unless a document's number. */
static void
rule_numsign(struct pass *p, size_t i)
{
	size_t	 j = is_hsp(p, i + 1) ? i + 2 : i + 1, b;
	int	 n;

	if (!is_num(p, j))
		return;
	/* "приказ № 32", "приказом МЗ РК № 32", "пункт 3 приложения № 2" */
	for (b = prevtok(p, i), n = 0; b != NONE && n < 3; n++) {
		if (is_w(p, b, L_DOC))
			return;
		if (!is_wordlike(p, b) && !is_p(p, b, '.'))
			break;
		b = prevtok(p, b);
	}
	cand(p, i, num_end(p, j), SCRUB_NUMBER);
}

/* A context word and a number: ИИН, тел., возраст, ГКБ, ИБ. */
static void
ctx_number(struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);
	struct chain	 ch;
	size_t		 j, k, e;

	if (t->cls & L_IIN) {
		j = after_label(p, i);
		if (is_num(p, j)) {
			chain_scan(p, j, SEP_SPACE | SEP_DASH, &ch);
			if (ch.ndig >= 9 && ch.ndig <= 14 && !ch.open)
				cand(p, j, ch.b, SCRUB_IIN);
		}
	}
	if (t->cls & L_PHONE) {
		/* тел. 23-45-67, 23-45-68; телефон: +7 (701) 234-56-78 */
		j = after_label(p, i);
		for (;;) {
			k = j;
			if (is_p(p, k, '+') || is_p(p, k, '('))
				k++;
			if (!is_num(p, k))
				break;
			chain_scan(p, k, SEP_SPACE | SEP_DASH | SEP_PAREN, &ch);
			if (ch.ndig < 5 || ch.ndig > 13 || ch.open)
				break;
			cand(p, j, ch.b, SCRUB_PHONE);
			j = nexttok(p, ch.b - 1);
			if (is_p(p, j, ',') || is_p(p, j, ';'))
				j = nexttok(p, j);
			else if (weq(p, j, "или") || weq(p, j, "и") ||
			    weq(p, j, "немесе") || weq(p, j, "және"))
				j = nexttok(p, j);
			else
				break;
		}
	}
	if (t->cls & L_AGECTX) {
		/* в возрасте 91 года, жасы 92-де */
		j = after_label(p, i);
		t = tk(p, j);
		if (t->kind == TK_NUM && t->n <= 3 &&
		    t->val >= p->scr->min_age && t->val <= 130) {
			e = j + 1;
			k = is_hsp(p, e) || is_p(p, e, '-') ? e + 1 : e;
			if (is_w(p, k, L_AGE))
				e = k + 1;
			else if (is_p(p, e, '-') &&
			    tk(p, e + 1)->kind == TK_WORD &&
			    tk(p, e + 1)->n <= 4)
				e += 2;
			cand(p, j, e, SCRUB_AGE);
		}
	}
	if (t->cls & L_FACIL) {
		/* ГКБ 7, больница 3 (not "больница 3 раза") */
		j = nexttok(p, i);
		if (is_num(p, j) && tk(p, j)->n <= 4 && !unit_after(p, j) &&
		    !num_cont_right(p, j))
			cand(p, j, num_end(p, j), SCRUB_NUMBER);
	}
	if (t->cls & L_CASE) {
		/* история болезни 12345, ИБ 123/45, ауру тарихы: 456 */
		j = after_label(p, i);
		if (is_num(p, j)) {
			e = num_end(p, j);
			if (digits_in(p, j, e) >= 3 && !unit_after(p, e - 1))
				cand(p, j, e, SCRUB_NUMBER);
		}
	}
	if ((t->cls & L_MONTH) && (wsuffix(p, i, "ның") ||
	    wsuffix(p, i, "нің") || wsuffix(p, i, "дың") ||
	    wsuffix(p, i, "дің") || wsuffix(p, i, "тың") ||
	    wsuffix(p, i, "тің"))) {
		/* наурыздың 3-і, наурыздың 3-інде */
		j = nexttok(p, i);
		if (is_day(tk(p, j)) && !num_cont_right(p, j)) {
			e = j + 1;
			if (is_p(p, e, '-') && tk(p, e + 1)->kind == TK_WORD &&
			    tk(p, e + 1)->n <= 5)
				e += 2;
			cand(p, i, e, SCRUB_DATE);
		}
	}
	if (t->cls & L_BIRTH) {
		/* г.р. 1956, год рождения: 1956, туған жылы 1956 */
		e = NONE;
		k = prevtok(p, i);
		if (is_p(p, i - 1, '.') && is_w(p, i - 2, L_YEAR | L_DATEW))
			e = i;
		else if (k != NONE && is_w(p, k, L_YEAR | L_DATEW))
			e = i;
		else if (is_w(p, (k = nexttok(p, i)), L_YEAR | L_DATEW))
			e = k;
		if (e != NONE) {
			j = after_label(p, e);
			if (is_year(tk(p, j)) && !num_cont_right(p, j) &&
			    !is_wordlike(p, j + 1))
				cand(p, j, j + 1, SCRUB_DATE);
		}
	}
}

static void
rule_numbers(struct pass *p)
{
	size_t	 i;

	for (i = 0; i < p->nt; i++)
		switch (tk(p, i)->kind) {
		case TK_NUM:
			num_iin(p, i);
			num_phone(p, i);
			num_date(p, i);
			num_age(p, i);
			num_long(p, i);
			num_ordinal(p, i);
			break;
		case TK_WORD:
			ctx_number(p, i);
			break;
		case TK_PUNCT:
			if (tk(p, i)->cp == 0x2116)
				rule_numsign(p, i);
			break;
		default:
			break;
		}
}

/* --- names ---------------------------------------------------------- */

/* A digit run is glued to word i: "COVID-19", "K35", "SpO2", "№3Ахметов". */
static int
digit_glued(const struct pass *p, size_t i)
{
	return is_numlike(p, i - 1) || is_numlike(p, i + 1) ||
	    ((is_p(p, i + 1, '-') || is_p(p, i + 1, '.')) &&
	    is_numlike(p, i + 2)) ||
	    (is_p(p, i - 1, '-') && is_numlike(p, i - 2));
}

/*
 * Word i ends like a Russian or Kazakh surname ("Иванов", "Исаева",
 * "Ким" does not): a sentence's first word is masked when it does and
 * a name follows.
 */
static int
surname_like(const struct pass *p, size_t i)
{
	static const char *const suf[] = { "ов", "ев", "ёв", "ова", "ева",
	    "ёва", "ин", "ина", "ын", "ына", "ский", "ская", "цкий", "цкая",
	    "енко", "ук", "юк", "ян", "бай", "бек", "ұлы", "қызы" };
	size_t	 k;

	for (k = 0; k < sizeof(suf) / sizeof(suf[0]); k++)
		if (wsuffix(p, i, suf[k]))
			return 1;
	return 0;
}

/* A Roman numeral, perhaps with a letter: "II", "IIIb", "IVa". */
static int
is_roman(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);
	const char	*w = p->s + t->off;
	size_t		 k, n = t->len;

	if (n > 5 || n < 2)
		return 0;
	if (w[n - 1] >= 'a' && w[n - 1] <= 'c')
		n--;
	for (k = 0; k < n; k++)
		if (w[k] != 'I' && w[k] != 'V' && w[k] != 'X' && w[k] != 'L')
			return 0;
	return 1;
}

/*
 * Word i may be part of a name: capitalised, two letters or more, not
 * a common word, a role word (unless also a given name: "Азамат" is a
 * name, "азамат" a citizen), an abbreviation or a code.  A word in
 * capitals counts when it has six letters or more and ends like a
 * surname ("ИВАНОВ", not "РНЦЭМП").
 */
static int
name_word(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	if (t->kind != TK_WORD || !(t->flags & TF_CAP) || t->n < 2)
		return 0;
	if ((t->cls & L_NOTNAME) || ((t->cls & (L_ROLE | L_ROLEKK)) &&
	    !(t->cls & L_GIVEN)))
		return 0;
	if ((t->flags & TF_MIXED) || is_roman(p, i))
		return 0;
	if ((t->flags & TF_ALLCAPS) && (t->n <= 5 || !surname_like(p, i)))
		return 0;
	if ((t->flags & TF_COMPOUND) && (!(t->flags & TF_PARTSCAP) ||
	    (t->flags & TF_ABBRPART)))
		return 0;
	return !digit_glued(p, i);
}

/* A name word not on the allowlist. */
static int
namelike(const struct pass *p, size_t i)
{
	return name_word(p, i) && !(tk(p, i)->cls & L_ALLOW);
}

/* An initial: one capital letter ("И", "Ә", "I"). */
static int
is_initial(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_WORD && t->n == 1 && (t->flags & TF_CAP);
}

/* A Latin I, V or X: alone, a Roman numeral ("I. Общие сведения"). */
static int
is_roman_letter(const struct pass *p, size_t i)
{
	char	 c = p->s[tk(p, i)->off];

	return c == 'I' || c == 'V' || c == 'X';
}

/*
 * The initials at i: "И.И.", "И. И.", "Ә.Ғ.", "И.И" (up to three).
 * Returns the end and sets *n to their number (0: none).
 */
static size_t
initials(const struct pass *p, size_t i, int *n)
{
	size_t	 j = i, end = i;

	*n = 0;
	while (*n < 3 && is_initial(p, j)) {
		if (is_p(p, j + 1, '.'))
			end = j + 2;
		else if (*n > 0 && tk(p, j + 1)->kind != TK_WORD) {
			end = j + 1;
			(*n)++;
			break;
		} else
			break;
		(*n)++;
		j = end;
		if (is_hsp(p, j) && tk(p, j)->n == 1 && is_initial(p, j + 1) &&
		    is_p(p, j + 2, '.'))
			j++;
	}
	return end;
}

/*
 * The first token of the initials group whose last initial is k
 * (walking back over at most two more initials).
 */
static size_t
initials_start(const struct pass *p, size_t k)
{
	size_t	 g = k, h;
	int	 n;

	for (n = 0; n < 2; n++) {
		h = g - 1;		/* the '.' of the initial before */
		if (is_hsp(p, h))
			h--;
		if (!is_p(p, h, '.') || !is_initial(p, h - 1))
			break;
		g = h - 1;
	}
	return g;
}

/* Token j is at a line's start, past spaces. */
static int
line_start(const struct pass *p, size_t j)
{
	const struct tok *t = tk(p, j - 1);

	if (t->kind == TK_SPACE && !(t->flags & TF_NL))
		t = tk(p, j - 2);
	return t->kind == TK_END || (t->kind == TK_SPACE &&
	    (t->flags & TF_NL));
}

/* The '.' at j ends a sentence (not "ул.", "т.е.", "И.И." alone). */
static int
dot_ends(const struct pass *p, size_t j)
{
	const struct tok *t = tk(p, j - 1);
	size_t	 b;

	if (t->kind != TK_WORD)
		return 1;
	/* A unit after a number: "68 г/л. Далее", "5200 г. Родители" */
	if (is_numlike(p, j - 2) || is_p(p, j - 2, '/') ||
	    (is_hsp(p, j - 2) && is_numlike(p, j - 3)))
		return 1;
	if (t->n == 1) {
		if (!(t->flags & TF_CAP))
			return 0;
		if (is_roman_letter(p, j - 1) &&
		    initials_start(p, j - 1) == j - 1)
			return 1;	/* "I. Общие сведения" */
		/* After "Иванов И.И." a new sentence may begin. */
		b = prevtok(p, initials_start(p, j - 1));
		return b != NONE && name_word(p, b);
	}
	return !(t->cls & L_ABBR);
}

/*
 * The digits at j end a code that heads what follows: an ICD-10 code
 * ("O72.1 Кровотечение") or a procedure code ("39.65 Экстракорпоральная").
 */
static int
code_before(const struct pass *p, size_t j)
{
	const struct tok *t;

	if (is_p(p, j - 1, '.') && is_numlike(p, j - 2)) {
		if (!is_num(p, j - 2))
			return 1;	/* a marker may have replaced a code */
		if (tk(p, j)->n <= 2 && tk(p, j - 2)->n == 2 &&
		    !is_wordlike(p, j - 3) && !num_cont_left(p, j - 2) &&
		    !valid_dm(tk(p, j - 2)->val, tk(p, j)->val))
			return 1;	/* 39.65, not 12.03 */
		j -= 2;
	}
	t = tk(p, j - 1);
	if (t->kind == TK_MARKER)
		return 1;	/* it may have replaced the code's letter */
	return t->kind == TK_WORD && t->n == 1 && tk(p, j)->n == 2 &&
	    p->s[t->off] >= 'A' && p->s[t->off] <= 'Z';
}

/* Word i begins a sentence (see the comment at the top). */
static int
sentence_start(const struct pass *p, size_t i)
{
	size_t	 j = i - 1;
	const struct tok *t = tk(p, j);

	if (t->kind == TK_SPACE) {
		if (t->flags & TF_NL)
			return 1;
		t = tk(p, --j);
	}
	if (t->kind == TK_END || t->kind == TK_MARKER)
		return 1;
	if (t->kind == TK_NUM)
		return code_before(p, j);
	if (t->kind != TK_PUNCT)
		return 0;
	switch (t->cp) {
	case '!':
	case '?':
	case ':':
	case ';':
	case 0x2026:		/* … */
	case 0xab:		/* « */
	case 0x201c:		/* “ */
	case 0x201e:		/* „ */
		return 1;
	case '"':
	case '\'':
		return j + 1 == i;	/* an opening quote */
	case '.':
		return dot_ends(p, j);
	case ')':
		/* "1)", "а)" at a line's start */
		return (is_numlike(p, j - 1) ||
		    (tk(p, j - 1)->kind == TK_WORD &&
		    tk(p, j - 1)->n == 1)) && line_start(p, j - 1);
	case '-':
	case 0x2013:
	case 0x2014:
	case 0x2022:		/* • */
	case 0xb7:
	case '*':
		return line_start(p, j);	/* a bullet */
	}
	return 0;
}

/* Surnames next to initials: "Иванов И.И.", "И.И. Иванов", "А. Сейткали". */
static size_t
rule_initials(struct pass *p, size_t i)
{
	size_t	 end, a, b;
	int	 n;

	end = initials(p, i, &n);
	if (n == 0 || (n == 1 && is_roman_letter(p, i)))
		return i + 1;
	b = prevtok(p, i);
	a = is_hsp(p, end) ? end + 1 : end;
	if (n >= 2) {
		if (b != NONE && name_word(p, b))
			cand(p, b, end, SCRUB_NAME);
		else if (name_word(p, a))
			cand(p, i, a + 1, SCRUB_NAME);
		else
			cand(p, i, end, SCRUB_NAME);
	} else if (name_word(p, a) && !(tk(p, a)->cls & L_ALLOW))
		cand(p, i, a + 1, SCRUB_NAME);
	else if (b != NONE && namelike(p, b) && tk(p, a)->kind != TK_MARKER &&
	    !(tk(p, a)->kind == TK_WORD && (tk(p, a)->flags & TF_CAP)))
		cand(p, b, end, SCRUB_NAME);
	return end;
}

/* Names after a role word: "пациентка Иванова", "ФИО: Иванов Иван". */
static void
rule_role(struct pass *p, size_t i)
{
	size_t	 j = i + 1, k, last = NONE;
	int	 n, strong = 0;

	if (is_p(p, j, '.')) {
		if (!(tk(p, i)->cls & L_ABBR))
			return;
		j++;
	}
	if (is_hsp(p, j))
		j++;
	if (is_p(p, j, ':') || is_p(p, j, ',') || is_dash(p, j)) {
		j++;
		if (is_hsp(p, j))
			j++;
	}
	for (k = j, n = 0; n < 3 && name_word(p, k); n++) {
		if (!(tk(p, k)->cls & L_ALLOW))
			strong = 1;
		last = k;
		k = nexttok(p, k);
	}
	if (strong)
		cand(p, j, last + 1, SCRUB_NAME);
}

/* A name right before a Kazakh role word: "Құдайбергенова дәрігер". */
static void
rule_role_after(struct pass *p, size_t i)
{
	size_t	 b = prevtok(p, i), a;

	if (b == NONE || !namelike(p, b) || (tk(p, b)->cls & L_ROLE))
		return;
	a = prevtok(p, b);
	if (a == NONE || !name_word(p, a))
		a = b;
	cand(p, a, b + 1, SCRUB_NAME);
}

/*
 * A patronymic glued to its stem: -ович, -евич (and their case
 * endings), -овна, -евна, -ична (likewise), -ұлы, -қызы, -улы, -кызы
 * (and up to four letters of ending), with two letters or more before.
 */
static int
is_patronymic(const struct pass *p, size_t i)
{
	static const char *const ru[] = {
		"ович", "овича", "овичу", "овичем", "овиче", "овичом",
		"евич", "евича", "евичу", "евичем", "евиче", "евичом",
		"овна", "овны", "овне", "овну", "овной", "овною",
		"евна", "евны", "евне", "евну", "евной", "евною",
		"ична", "ичны", "ичне", "ичну", "ичной", "ичною" };
	static const char *const kk[] = { "ұлы", "улы", "қызы", "кызы" };
	const struct tok *t = tk(p, i);
	const char	*w = p->low + t->off, *h, *e = w + t->len;
	size_t		 a, n;

	if (t->kind != TK_WORD || t->n < 5 || (t->flags & TF_COMPOUND))
		return 0;
	for (a = 0; a < sizeof(ru) / sizeof(ru[0]); a++)
		if (wsuffix(p, i, ru[a]))
			return 1;
	/* The Kazakh ones: find the suffix, then count what follows. */
	for (a = 0; a < sizeof(kk) / sizeof(kk[0]); a++) {
		n = strlen(kk[a]);
		for (h = w + 2; h + n <= e; h++)
			if (memcmp(h, kk[a], n) == 0 &&
			    count_letters(w, (size_t)(h - w)) >= 2 &&
			    count_letters(h + n, (size_t)(e - h - n)) <= 4)
				return 1;
	}
	return 0;
}

/*
 * Patronymics and the capitalised words next to them: "Иван Иванович
 * Иванов", "Нұрлан Сейітұлы", "Сейтқали ұлы".
 */
static void
rule_patronymic(struct pass *p, size_t i)
{
	size_t	 a, e, k;
	int	 n, ext = 0;

	if (weq(p, i, "ұлы") || weq(p, i, "қызы") || weq(p, i, "улы") ||
	    weq(p, i, "кызы")) {
		/* "Сейтқали ұлы": the separate word needs its name */
		if ((a = prevtok(p, i)) == NONE || !name_word(p, a))
			return;
		ext = 1;
	} else if ((tk(p, i)->flags & TF_CAP) && !(tk(p, i)->cls &
	    (L_NOTNAME | L_ALLOW)) && !digit_glued(p, i) &&
	    is_patronymic(p, i))
		a = i;
	else
		return;
	e = i + 1;
	for (n = 0; n < 2; n++) {
		k = prevtok(p, a);
		if (k == NONE || !name_word(p, k))
			break;
		a = k;
		ext = 1;
	}
	k = nexttok(p, i);
	if (name_word(p, k) && !is_patronymic(p, k)) {
		e = k + 1;
		ext = 1;
	}
	/* "Основной диагноз": a patronymic-like word alone is not one. */
	if (ext)
		cand(p, a, e, SCRUB_NAME);
}

static void
rule_names(struct pass *p)
{
	size_t	 i, skip = 0;

	for (i = 0; i < p->nt; i++) {
		if (tk(p, i)->kind != TK_WORD)
			continue;
		if (i >= skip && is_initial(p, i) && is_p(p, i + 1, '.'))
			skip = rule_initials(p, i);
		if (tk(p, i)->cls & L_ROLE)
			rule_role(p, i);
		if (tk(p, i)->cls & L_ROLEKK)
			rule_role_after(p, i);
		rule_patronymic(p, i);
		if (!namelike(p, i))
			continue;
		if (!sentence_start(p, i))
			cand(p, i, i + 1, SCRUB_NAME);
		else if (surname_like(p, i) && namelike(p, nexttok(p, i)))
			cand(p, i, i + 1, SCRUB_NAME);	/* "Иванов Петр" */
	}
}

/* --- addresses ------------------------------------------------------ */

/*
 * A word of a street's or a place's name: capitalised, two letters or
 * more, not common, not glued to digits ("N03.2" is a code).
 */
static int
addr_word(const struct pass *p, size_t i)
{
	const struct tok *t = tk(p, i);

	return t->kind == TK_WORD && (t->flags & TF_CAP) && t->n >= 2 &&
	    !(t->cls & (L_NOTNAME | L_ROLE | L_ROLEKK)) &&
	    !(t->flags & TF_MIXED) && !is_numlike(p, i - 1) &&
	    !is_numlike(p, i + 1);
}

/*
 * The name of a street or a place at i: up to four capitalised words
 * and particles ("Қабанбай батыр", "Абая", "Самал-2").  Returns its end
 * or NONE.
 */
static size_t
street_name(const struct pass *p, size_t i)
{
	size_t	 k = i, end = NONE;
	int	 n;

	for (n = 0; n < 4; n++) {
		if (!addr_word(p, k) && !(n > 0 && is_w(p, k, L_PARTICLE)))
			break;
		end = k + 1;
		if (is_p(p, end, '-') && is_num(p, end + 1))
			end += 2;
		if (!is_hsp(p, end))
			break;
		k = end + 1;
	}
	return end;
}

/* A house number at i: "12", "12А", "12/1", "12-а", "5-2"; end or NONE. */
static size_t
house_num(const struct pass *p, size_t i)
{
	if (!is_num(p, i) || tk(p, i)->n > 5 || decimal_left(p, i))
		return NONE;
	return num_end(p, i);
}

/* After keyword i: its '.' (required for one letter) and a space. */
static size_t
kw_next(const struct pass *p, size_t i)
{
	size_t	 j = i + 1;

	if (is_p(p, j, '.'))
		j++;
	else if (tk(p, i)->n == 1)
		return NONE;
	return is_hsp(p, j) ? j + 1 : j;
}

/* A Roman numeral before i: "I кв. 2025" is a quarter. */
static int
roman_before(const struct pass *p, size_t i)
{
	size_t	 b = prevtok(p, i), k;
	const struct tok *t = tk(p, b);
	char	 c;

	if (t->kind == TK_MARKER)
		return 1;	/* it may have replaced the numeral */
	if (b == NONE || t->kind != TK_WORD || t->n > 4)
		return 0;
	for (k = 0; k < t->len; k++) {
		c = p->s[t->off + k];
		if (c != 'I' && c != 'V' && c != 'X' && c != 'i' && c != 'v')
			return 0;
	}
	return 1;
}

/* The end of the Kazakh street word at k ("көшесі", "шағын ауданы"). */
static size_t
kstreet_end(const struct pass *p, size_t k)
{
	size_t	 j;

	if (is_w(p, k, L_KSTREET2)) {
		j = nexttok(p, k);
		return wpre(p, j, "аудан") ? j + 1 : NONE;
	}
	return k + 1;
}

/* "ы.а." (шағын аудан) at k: its end or NONE. */
static size_t
ya_at(const struct pass *p, size_t k)
{
	if (!weq(p, k, "ы") || !is_p(p, k + 1, '.') || !weq(p, k + 2, "а"))
		return NONE;
	return is_p(p, k + 3, '.') ? k + 4 : k + 3;
}

/*
 * The address component at i: its end, or NONE.  *street is set when it
 * is a street (a bare number may follow it in the run).
 */
static size_t
addr_comp(const struct pass *p, size_t i, int *street)
{
	const struct tok *t = tk(p, i);
	size_t	 j, k, e, h;

	*street = 0;
	if (t->kind == TK_NUM) {
		/* 12-үй, 5-пәтер, 12 үй, 5 мкр., 5 шағын ауданы */
		if ((e = house_num(p, i)) == NONE)
			return NONE;
		k = is_p(p, e, '-') || is_hsp(p, e) ? e + 1 : e;
		if (is_w(p, k, L_HOUSEPOST))
			return k + 1;
		if (is_w(p, k, L_MKR)) {
			*street = 1;
			return afterdot(p, k);
		}
		if (is_w(p, k, L_KSTREET2))
			return kstreet_end(p, k);
		return NONE;
	}
	if (t->kind != TK_WORD)
		return NONE;
	if ((t->cls & L_STREET) && (j = kw_next(p, i)) != NONE) {
		/* ул. Абая 12, ул.Абая, 12; мкр. Самал-2; мкр. 5 */
		e = street_name(p, j);
		if (e == NONE && (t->cls & L_MKR))
			e = house_num(p, j);
		if (e != NONE) {
			*street = 1;
			k = nexttok(p, e - 1);
			if (is_p(p, k, ','))
				k = nexttok(p, k);
			if ((h = house_num(p, k)) != NONE &&
			    !unit_after(p, h - 1))
				e = h;
			return e;
		}
	}
	if ((t->cls & L_HOUSE) && !roman_before(p, i) &&
	    (j = kw_next(p, i)) != NONE) {
		/* д. 12, кв. 5, дом № 3, үй 12 */
		if (is_p(p, j, 0x2116))
			j = is_hsp(p, j + 1) ? j + 2 : j + 1;
		if ((e = house_num(p, j)) != NONE && !unit_after(p, e - 1))
			return e;
	}
	if ((t->cls & L_SETTLE) && (j = kw_next(p, i)) != NONE &&
	    !is_numlike(p, prevtok(p, i))) {
		/* с. Каменка, пос. Отеген батыр, д. Иваново (not г. Алматы) */
		if (addr_word(p, j) && !(tk(p, j)->cls & L_ALLOW))
			return street_name(p, j);
	}
	if (addr_word(p, i)) {
		/* Абай көшесі, Қабанбай батыр даңғылы, Самал ы.а. */
		e = street_name(p, i);
		k = nexttok(p, e - 1);
		if (is_w(p, k, L_KSTREET) && (h = kstreet_end(p, k)) != NONE) {
			*street = 1;
			return h;
		}
		if ((h = ya_at(p, k)) != NONE) {
			*street = 1;
			return h;
		}
		/* Ақсай ауылы (not Алматы қаласы) */
		if (is_w(p, k, L_SETTLEPOST) && !(t->cls & L_ALLOW))
			return k + 1;
	}
	return NONE;
}

/* After "адрес:", "мекенжайы:": "Абая 12-5", "Абая, 12". */
static size_t
addr_label(const struct pass *p, size_t i, size_t *start)
{
	size_t	 j = after_label(p, i), e, k;

	if ((e = street_name(p, j)) == NONE)
		return NONE;
	k = nexttok(p, e - 1);
	if (is_p(p, k, ','))
		k = nexttok(p, k);
	if ((e = house_num(p, k)) == NONE)
		return NONE;
	*start = j;
	return e;
}

/* Runs of address components joined by commas. */
static void
rule_address(struct pass *p)
{
	size_t	 i, e, k, start, last;
	int	 street, st;

	for (i = 0; i < p->nt; i++) {
		start = i;
		if ((e = addr_comp(p, i, &street)) == NONE) {
			if (!is_w(p, i, L_ADDRLBL) ||
			    (e = addr_label(p, i, &start)) == NONE)
				continue;
			street = 1;
		}
		for (last = e;; last = e) {
			k = nexttok(p, last - 1);
			if (is_p(p, k, ','))
				k = nexttok(p, k);
			if ((e = addr_comp(p, k, &st)) != NONE) {
				street = st;
				continue;
			}
			if (street && (e = house_num(p, k)) != NONE &&
			    !unit_after(p, e - 1)) {
				street = 0;
				continue;
			}
			break;
		}
		cand(p, start, last, SCRUB_ADDRESS);
		i = last - 1;
	}
}

/* --- spans ---------------------------------------------------------- */

static int
cand_cmp(const void *va, const void *vb)
{
	const struct cand *a = va, *b = vb;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b > b->b ? -1 : 1;
	return 0;
}

/*
 * Turn the proposals into p->sp: overlaps joined into the most specific
 * type, names one space apart joined, tokens turned into bytes.
 */
static void
spans_make(struct pass *p)
{
	struct cand	*m = p->c, *c;
	size_t		 i, n = 0;

	if (p->nc > 1)
		qsort(p->c, p->nc, sizeof(*p->c), cand_cmp);
	for (i = 0; i < p->nc; i++) {
		c = &p->c[i];
		if (n > 0 && c->a < m[n - 1].b) {
			if (c->b > m[n - 1].b)
				m[n - 1].b = c->b;
			if (prio[c->type] > prio[m[n - 1].type])
				m[n - 1].type = c->type;
		} else if (n > 0 && c->type == SCRUB_NAME &&
		    m[n - 1].type == SCRUB_NAME && c->a == m[n - 1].b + 1 &&
		    is_hsp(p, m[n - 1].b))
			m[n - 1].b = c->b;
		else
			m[n++] = *c;
	}
	/*
	 * A span ending in an initial's or an abbreviation's '.' that also
	 * ends the sentence leaves the '.' to the sentence: "врачом [ФИО].
	 * Назначено" rather than "врачом [ФИО] Назначено".
	 */
	for (i = 0; i < n; i++) {
		size_t	 b = m[i].b;

		if (b - m[i].a >= 2 && is_p(p, b - 1, '.') &&
		    tk(p, b - 2)->kind == TK_WORD && tk(p, b - 2)->n == 1 &&
		    (tk(p, b)->kind == TK_END ||
		    (tk(p, b)->kind == TK_SPACE && (tk(p, b)->flags & TF_NL)) ||
		    (is_hsp(p, b) && tk(p, b + 1)->kind == TK_WORD &&
		    (tk(p, b + 1)->flags & TF_CAP))))
			m[i].b--;
	}
	if (n > p->spcap) {
		p->spcap = n;
		p->sp = xreallocarray(p->sp, p->spcap, sizeof(*p->sp));
	}
	for (i = 0; i < n; i++) {
		p->sp[i].type = m[i].type;
		p->sp[i].off = tk(p, m[i].a)->off;
		p->sp[i].len = tk(p, m[i].b - 1)->off + tk(p, m[i].b - 1)->len -
		    p->sp[i].off;
	}
	p->nsp = n;
}

/* Scrub s[0..len) once: the spans are left in p->sp. */
static void
pass_run(struct pass *p, const char *s, size_t len)
{
	size_t	 i;

	p->s = s;
	p->len = len;
	p->nc = p->nsp = 0;
	links_scan(p);
	tokenize(p);
	for (i = 0; i < p->nt; i++)
		if (tk(p, i)->kind == TK_LINK)
			cand(p, i, i + 1, tk(p, i)->type);
	rule_numbers(p);
	rule_address(p);
	rule_names(p);
	spans_make(p);
}

/* Append s[0..len) with every malformed byte replaced by U+FFFD. */
static void
put_clean(struct buf *b, const char *s, size_t len)
{
	const char	*p = s, *e = s + len, *run = s, *q;

	while (p < e) {
		if ((unsigned char)*p < 0x80) {
			p++;
			continue;
		}
		q = p;
		if (utf8_next(&q, e) == 0xfffd && q - p == 1) {
			buf_put(b, run, (size_t)(p - run));
			BUF_LIT(b, "\xef\xbf\xbd");
			run = q;
		}
		p = q;
	}
	buf_put(b, run, (size_t)(e - run));
}

/*
 * Append s with the spans replaced by their markers; clean: malformed
 * bytes of the kept text become U+FFFD, else they stay as they are (the
 * intermediate texts of the fix-point loop keep the input's bytes, so
 * their offsets map back onto it).
 */
static void
render(struct buf *b, const char *s, size_t len,
    const struct scrub_span *sp, size_t n, const char *const *markers,
    int clean)
{
	size_t	 i, pos = 0;

	for (i = 0; i < n; i++) {
		if (clean)
			put_clean(b, s + pos, sp[i].off - pos);
		else
			buf_put(b, s + pos, sp[i].off - pos);
		buf_puts(b, markers[sp[i].type]);
		pos = sp[i].off + sp[i].len;
	}
	if (clean)
		put_clean(b, s + pos, len - pos);
	else
		buf_put(b, s + pos, len - pos);
}

struct spanv {
	struct scrub_span *v;
	size_t		 n, cap;
};

static void
spanv_push(struct spanv *sv, size_t off, size_t len, int type)
{
	if (sv->n == sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 16;
		sv->v = xreallocarray(sv->v, sv->cap, sizeof(*sv->v));
	}
	sv->v[sv->n].off = off;
	sv->v[sv->n].len = len;
	sv->v[sv->n].type = type;
	sv->n++;
}

/*
 * fin holds spans of the input; the text T = render(input, fin) was
 * scrubbed again and gave the spans nsp of T.  Replace fin by the
 * spans of the input that render to the same result: each new span is
 * mapped back (a position inside an old marker snaps to that marker's
 * edge) and swallows the old spans it covers.  A new span that would
 * cover nothing but old markers is dropped, so every kept one shrinks
 * the text outside markers and the loop ends.  Returns whether
 * anything changed.
 */
static int
compose(struct spanv *fin, const struct scrub_span *nsp, size_t nn,
    const size_t *mlen)
{
	struct spanv	 res = { 0 };
	const struct scrub_span *o;
	size_t		 i, k = 0, first, sa, sb, a, b, covered, ts;
	long long	 shift = 0;	/* T offset minus input offset */
	int		 changed = 0, snapped;

	for (i = 0; i < nn; i++) {
		sa = nsp[i].off;
		sb = sa + nsp[i].len;
		/* Old spans whose markers end before sa stay. */
		for (; k < fin->n; k++) {
			o = &fin->v[k];
			ts = (size_t)((long long)o->off + shift);
			if (ts + mlen[o->type] > sa)
				break;
			spanv_push(&res, o->off, o->len, o->type);
			shift += (long long)mlen[o->type] - (long long)o->len;
		}
		/* Old markers that begin before sb are swallowed. */
		first = k;
		a = NONE;
		covered = 0;
		snapped = 0;
		for (; k < fin->n; k++) {
			o = &fin->v[k];
			ts = (size_t)((long long)o->off + shift);
			if (ts >= sb)
				break;
			if (a == NONE)
				a = ts < sa ? o->off :
				    (size_t)((long long)sa - shift);
			snapped = ts + mlen[o->type] > sb;
			covered += o->len;
			shift += (long long)mlen[o->type] - (long long)o->len;
		}
		if (a == NONE)
			a = (size_t)((long long)sa - shift);
		if (snapped)
			b = fin->v[k - 1].off + fin->v[k - 1].len;
		else
			b = (size_t)((long long)sb - shift);
		if (b - a > covered) {
			spanv_push(&res, a, b - a, nsp[i].type);
			changed = 1;
		} else
			for (; first < k; first++)
				spanv_push(&res, fin->v[first].off,
				    fin->v[first].len, fin->v[first].type);
	}
	for (; k < fin->n; k++)
		spanv_push(&res, fin->v[k].off, fin->v[k].len, fin->v[k].type);
	free(fin->v);
	*fin = res;
	return changed;
}

size_t
scrub_text(const struct scrubber *scr, const char *s, size_t len,
    const char *const markers[SCRUB__MAX], struct buf *out,
    void (*cb)(void *, const struct scrub_span *, const char *),
    void *arg)
{
	static const char *const none[SCRUB__MAX];
	const char	*mk[SCRUB__MAX];
	struct pass	 p;
	struct spanv	 fin = { 0 };
	struct buf	 cur = { 0 };
	size_t		 i, n;
	int		 t, round;

	if (markers == NULL)
		markers = none;
	memset(&p, 0, sizeof(p));
	p.scr = scr;
	for (t = 0; t < SCRUB__MAX; t++) {
		mk[t] = markers[t] != NULL ? markers[t] : "";
		p.mlen[t] = strlen(mk[t]);
		if (p.mlen[t] > 0)
			p.mfirst[(unsigned char)mk[t][0]] = 1;
	}
	p.markers = mk;

	pass_run(&p, s, len);
	for (i = 0; i < p.nsp; i++)
		spanv_push(&fin, p.sp[i].off, p.sp[i].len, p.sp[i].type);
	/* Scrub the result again until it stays as it is. */
	for (round = 1; fin.n > 0 && round < MAXPASS; round++) {
		buf_reset(&cur);
		render(&cur, s, len, fin.v, fin.n, mk, 0);
		pass_run(&p, buf_str(&cur), cur.len);
		if (p.nsp == 0 || !compose(&fin, p.sp, p.nsp, p.mlen))
			break;
	}
	if (cb != NULL)
		for (i = 0; i < fin.n; i++)
			cb(arg, &fin.v[i], s);
	render(out, s, len, fin.v, fin.n, mk, 1);
	if (out->data == NULL)
		buf_put(out, "", 0);
	n = fin.n;
	free(fin.v);
	buf_free(&cur);
	free(p.low);
	free(p.t);
	free(p.lk);
	free(p.c);
	free(p.sp);
	return n;
}
