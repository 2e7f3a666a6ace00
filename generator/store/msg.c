/*
 * msg.c -- the operator's messages of import, validate and withdraw in
 * Kazakh, Russian and English.  A message with printf conversions has
 * the same conversions in the same order in every language
 * (tests/unit/test_msg.c checks it); a noun has its forms separated by
 * '|': one form in Kazakh (no plural after a numeral), one|many in
 * English, one|few|many in Russian.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/lib.h"
#include "store/msg.h"

static const char *const texts[M__MAX][OPLANG__MAX] = {
	[M_FIELD] = { "'%s' өрісі: %s", "поле '%s': %s",
	    "field '%s': %s" },
	[M_BAD_UTF8] = { "UTF-8 емес (файлды CSV UTF-8 ретінде сақтаңыз)",
	    "не UTF-8 (сохраните файл как CSV UTF-8)",
	    "not valid UTF-8 (save the file as CSV UTF-8)" },
	[M_MISSING] = { "толтырылмаған", "не заполнено", "missing" },
	[M_DISAB_NEEDED] = { "толтырылмаған; harm iatrogenic болғанда none, "
	    "I, II, III немесе child болуы керек",
	    "не заполнено; при harm iatrogenic ожидается none, I, II, III "
	    "или child",
	    "missing; expected none, I, II, III or child when harm is "
	    "iatrogenic" },
	[M_TOO_LONG] = { "тым ұзын: %zu байт, ең көбі %d",
	    "слишком длинное: %zu байт, не больше %d",
	    "too long: %zu bytes, at most %d" },
	[M_CONTROL] = { "U+%04X басқару таңбасы бар",
	    "содержит управляющий символ U+%04X",
	    "contains the control character U+%04X" },
	[M_INVISIBLE] = { "U+%04X көрінбейтін таңбасы бар",
	    "содержит невидимый символ U+%04X",
	    "contains the invisible character U+%04X" },
	[M_SPACE] = { "басында не соңында бос орын бар",
	    "начинается или кончается пробелом",
	    "begins or ends with white space" },
	[M_REGION] = { "KZ-71 сияқты ISO 3166-2:KZ өңір коды емес",
	    "не код региона ISO 3166-2:KZ вида KZ-71",
	    "not an ISO 3166-2:KZ region code like KZ-71" },
	[M_PROFILE] = { "profiles кестесінің коды емес",
	    "не код из таблицы profiles",
	    "not a code of the profiles table" },
	[M_EXPECT2] = { "%s немесе %s болуы керек", "ожидается %s или %s",
	    "expected %s or %s" },
	[M_EXPECT_DISAB] = { "none, I, II, III немесе child болуы керек",
	    "ожидается none, I, II, III или child",
	    "expected none, I, II, III or child" },
	[M_DISAB_DEATH] = { "harm death болғанда бос болуы керек",
	    "должно быть пустым при harm death",
	    "must be empty when harm is death" },
	[M_AGE] = { "0-ден 120-ға дейінгі бүтін жас емес",
	    "не целое число лет от 0 до 120",
	    "not a whole number of years from 0 to 120" },
	[M_ICD] = { "K35, K35.8 немесе K35.81 сияқты АХЖ-10 коды емес",
	    "не код МКБ-10 вида K35, K35.8 или K35.81",
	    "not an ICD-10 code like K35, K35.8 or K35.81" },
	[M_ICD_CAT] = { "АХЖ-10-да %.3s санаты жоқ",
	    "в МКБ-10 нет рубрики %.3s",
	    "no such ICD-10 category %.3s" },
	[M_DATETIME] = { "2025-02-14T10:30 сияқты жергілікті күн мен уақыт "
	    "емес", "не местные дата и время вида 2025-02-14T10:30",
	    "not a local date and time like 2025-02-14T10:30" },
	[M_NO_DATE] = { "мұндай күн не уақыт жоқ",
	    "такой даты или времени нет",
	    "no such date or time" },
	[M_BEFORE_START] = { "тізілім басталған 2024-10-23 күнінен бұрын",
	    "раньше 2024-10-23, дня начала реестра",
	    "before 2024-10-23, when the registry began" },
	[M_AFTER_Q] = { "%s есепті тоқсаны аяқталғаннан кейін",
	    "после конца отчётного квартала %s",
	    "after the end of the reporting quarter %s" },
	[M_FUTURE] = { "болашақта", "в будущем", "in the future" },

	[M_NPROBLEMS] = { "%ld %s; ештеңе жүктелмеді",
	    "%ld %s; ничего не импортировано",
	    "%ld %s; nothing imported" },
	[M_UNKNOWN_COL] = { "белгісіз баған '%s'%s",
	    "неизвестный столбец '%s'%s", "unknown column '%s'%s" },
	[M_HINT_FORM] = { " (%s нысанының бағаны; --form дұрыс па?)",
	    " (столбец формы %s; верно ли указан --form?)",
	    " (a column of the %s form; is --form right?)" },
	[M_HINT_CASE] = { " (баған атаулары кіші әріппен жазылады: '%s')",
	    " (имена столбцов пишутся строчными буквами: '%s')",
	    " (column names are lower case: '%s')" },
	[M_HDR_TOO_MANY] = { "тақырып жолында %zu баған бар, %d-ден көп",
	    "в заголовке столбцов: %zu, больше %d",
	    "the header has %zu columns, more than %d" },
	[M_DUP_COL] = { "қайталанған баған '%s' (%d-баған да осы)",
	    "повторный столбец '%s' (он же столбец %d)",
	    "duplicate column '%s' (also column %d)" },
	[M_MISSING_COL] = { "'%s' бағаны жоқ", "нет столбца '%s'",
	    "missing column '%s'" },
	[M_DUP_LINE] = { "%lld-жолдың қайталануы", "повтор строки %lld",
	    "duplicate of line %lld" },
	[M_DUP_FILE] = { "%s:%lld қайталануы", "повтор %s:%lld",
	    "duplicate of %s:%lld" },
	[M_NFIELDS] = { "%zu %s, бірақ тақырып жолында %zu %s бар",
	    "%zu %s, а в заголовке %zu %s",
	    "%zu %s, but the header has %zu %s" },
	[M_RQ_DIFFERS] = { "--quarter %s мәнінен өзгеше",
	    "отличается от --quarter %s", "differs from --quarter %s" },
	[M_BAD_QUOTE] = { "CSV қатесі: тырнақшасыз өрістің ішінде не "
	    "жабатын тырнақшадан кейін тырнақша тұр; файлдың қалғаны "
	    "оқылмады",
	    "ошибка CSV: кавычка внутри поля без кавычек или после "
	    "закрывающей кавычки; остаток файла не прочитан",
	    "malformed CSV: a quote inside an unquoted field or after a "
	    "closing quote; the rest of the file was not read" },
	[M_LONG_FIELD] = { "%d байттан ұзын өріс (тырнақша жабылмай қалды "
	    "ма?); файлдың қалғаны оқылмады",
	    "поле длиннее %d байт (не закрыта кавычка?); остаток файла не "
	    "прочитан",
	    "a field longer than %d bytes (a quote left open?); the rest "
	    "of the file was not read" },
	[M_MORE_UTF8] = { "тағы %ld %s UTF-8 емес: файлдың кодтауы басқа "
	    "(Windows-1251 болуы мүмкін); файлды CSV UTF-8 ретінде сақтаңыз",
	    "ещё %ld %s не в UTF-8: у файла другая кодировка (возможно, "
	    "Windows-1251); сохраните файл как CSV UTF-8",
	    "%ld more %s not valid UTF-8: the file has another encoding "
	    "(Windows-1251?); save the file as CSV UTF-8" },
	[M_UTF16] = { "UTF-16 мәтіні; файлды CSV UTF-8 ретінде сақтаңыз",
	    "текст в UTF-16; сохраните файл как CSV UTF-8",
	    "UTF-16 text; save the file as CSV UTF-8" },
	[M_OPEN_QUOTE] = { "CSV қатесі: тырнақшадағы өрістің жабатын "
	    "тырнақшасы жоқ",
	    "ошибка CSV: у поля в кавычках нет закрывающей кавычки",
	    "malformed CSV: a quoted field without its closing quote" },
	[M_NO_HEADER] = { "тақырып жолы жоқ (файл бос)",
	    "нет строки заголовка (файл пуст)",
	    "no header row (the file is empty)" },
	[M_OTHER_QUARTER] = { "бұл жіберуші оны %s үшін жіберген",
	    "этот источник уже подал её за %s",
	    "this source already submitted it for %s" },
	[M_DUP_REF] = { "тізілімде бар: оны '%s' %s үшін жіберген "
	    "(source_ref пен org_code бірдей)",
	    "уже есть в реестре: её подал '%s' за %s (те же source_ref и "
	    "org_code)",
	    "already in the registry: submitted by '%s' for %s (the same "
	    "source_ref and org_code)" },
	[M_DUP_CONTENT] = { "дәл осы жазба тізілімде бар: %s, оны '%s' %s "
	    "үшін жіберген",
	    "та же запись уже есть в реестре: %s, её подал '%s' за %s",
	    "the same record is already in the registry: %s, submitted by "
	    "'%s' for %s" },
	[M_DUP_SELF] = { "дәл осы жазба осы жіберілімде бар: %s, %s-жол",
	    "та же запись уже есть в этой подаче: %s, строка %s",
	    "the same record is already in this submission: %s, line %s" },
	[M_DUP_HINT] = { "жазбалар тізілімде бұрыннан бар: --source не "
	    "--quarter қате емес пе? --allow-duplicates оларды бәрібір "
	    "жүктейді",
	    "записи уже есть в реестре: не ошибка ли в --source или "
	    "--quarter? --allow-duplicates всё равно импортирует их",
	    "records already in the registry: is --source or --quarter "
	    "wrong? --allow-duplicates imports them all the same" },
	[M_REMOVAL] = { "жүктеу жіберілімнің жазбаларын жояды: %ld / %ld "
	    "(%ld%%-дан көп); әдейі болса, --allow-removal беріңіз, ал "
	    "жіберілімді толық қайтарып алу үшін: regsite withdraw",
	    "импорт удалит записи подачи: %ld из %ld (больше %ld%%); если "
	    "так и задумано, укажите --allow-removal, а чтобы отозвать "
	    "подачу целиком: regsite withdraw",
	    "the import would remove records of the submission: %ld of %ld "
	    "(more than %ld%%); give --allow-removal if that is intended, "
	    "or withdraw the whole submission with regsite withdraw" },
	[M_NOTHING_IMPORTED] = { "ештеңе жүктелмеді",
	    "ничего не импортировано", "nothing imported" },

	[M_DRY_RUN] = { "сынақ, ештеңе жазылмады: ",
	    "пробный запуск, ничего не записано: ",
	    "dry run, nothing written: " },
	[M_SUM_HEAD] = { "%s, %s, жіберуші '%s': %ld %s",
	    "%s, %s, источник '%s': %ld %s",
	    "%s %s from '%s': %ld %s" },
	[M_SUM_COUNTS] = { ": %ld қосылды, %ld өзгерді, %ld өзгеріссіз",
	    ": добавлено %ld, изменено %ld, без изменений %ld",
	    ": %ld added, %ld changed, %ld unchanged" },
	[M_SUM_RENUM] = { " (%ld нөмірі ауысты: оқиға тоқсаны өзгерді)",
	    " (перенумеровано %ld: изменился квартал события)",
	    " (%ld renumbered: event quarter changed)" },
	[M_SUM_REMOVED] = { ", %ld жойылды", ", удалено %ld",
	    ", %ld removed" },
	[M_UNCHANGED] = { "өзгеріс жоқ: тізілімде дәл осы жазбалар бар; "
	    "ештеңе жазылмады",
	    "без изменений: в реестре уже ровно эти записи; ничего не "
	    "записано",
	    "unchanged: the registry already holds exactly these records; "
	    "nothing written" },
	[M_LATE] = { "кешіккен жазбалар: барлық оқиға %s тоқсанынан бұрын "
	    "болған; жазбалар өз оқиғаларының тоқсандарына қосылады "
	    "(--quarter дұрыс па?)",
	    "поздние записи: все события произошли до %s; записи "
	    "добавляются в кварталы своих событий (верно ли указан "
	    "--quarter?)",
	    "late records: every event lies before %s; the records are "
	    "added to the quarters of their events (is --quarter right?)" },
	[M_BY_REGION] = { "өңірлер бойынша:", "по регионам:",
	    "by region:" },
	[M_BY_CATEGORY] = { "санаттар бойынша:", "по категориям:",
	    "by category:" },
	[M_BY_HARM] = { "зиян мен мүгедектік бойынша:",
	    "по вреду и инвалидности:", "by harm and disability:" },
	[M_IN_DB_IMPORT] = { "жүктеуден кейін дерекқорда: %lld %s, %lld %s",
	    "в базе после импорта: %lld %s, %lld %s",
	    "in the database after the import: %lld %s, %lld %s" },

	[M_WD_DRY] = { ": қайтарып алынады (--yes қайтарып алады)",
	    ": будут отозваны (--yes отзывает их)",
	    ": would be withdrawn (--yes withdraws them)" },
	[M_WD_DONE] = { ": қайтарып алынды", ": отозваны", ": withdrawn" },
	[M_WD_NONE] = { "тізілімде мұндай жіберілім жоқ: %s, %s, жіберуші "
	    "'%s'", "в реестре нет такой подачи: %s, %s, источник '%s'",
	    "no such submission in the registry: %s %s from '%s'" },
	[M_IN_DB_WITHDRAW] = { "қайтарып алудан кейін дерекқорда: %lld %s, "
	    "%lld %s",
	    "в базе после отзыва: %lld %s, %lld %s",
	    "in the database after the withdrawal: %lld %s, %lld %s" },

	[M_V_ROW] = { "%s, %lld-жол", "%s, строка %lld", "%s row %lld" },
	[M_V_NOT_IN] = { "%s кестесінде жоқ", "нет в таблице %s",
	    "not in %s" },
	[M_V_PUBNO_DUP] = { "%s %s: %lld жария нөмірі бірнеше жазбада: id %s",
	    "%s %s: публичный номер %lld у нескольких записей: id %s",
	    "%s %s: public number %lld is used by ids %s" },
	[M_V_PN_NOROW] = { "public_numbers: %s %s үшін жол жоқ (ең үлкен "
	    "жария нөмірі %lld)",
	    "public_numbers: нет строки для %s %s (наибольший публичный "
	    "номер %lld)",
	    "public_numbers: no row for %s %s (its highest public number "
	    "is %lld)" },
	[M_V_PN_LOW] = { "public_numbers: %s %s: last_no %lld ең үлкен жария "
	    "нөмірінен (%lld) кіші",
	    "public_numbers: %s %s: last_no %lld меньше наибольшего "
	    "публичного номера %lld",
	    "public_numbers: %s %s: last_no %lld is below the highest public "
	    "number %lld" },
	[M_V_QUARTER] = { "2025Q1 сияқты тоқсан емес",
	    "не квартал вида 2025Q1", "not a quarter like 2025Q1" },
	[M_V_SUBMISSIONS] = { "ескерту: submissions: %s %s, жіберуші '%s': "
	    "жазылғаны %lld, кестеде %lld",
	    "предупреждение: submissions: %s %s, источник '%s': записано "
	    "%lld, в таблице %lld",
	    "warning: submissions: %s %s from '%s': recorded %lld, in the "
	    "table %lld" },
	[M_V_REPEAT] = { "id %lld жазбасының қайталануы (%s)",
	    "повтор записи id %lld (%s)", "a repeat of id %lld (%s)" },
	[M_V_SAME_REF] = { "source_ref пен org_code бірдей",
	    "те же source_ref и org_code",
	    "the same source_ref and org_code" },
	[M_V_SAME_CONTENT] = { "мазмұны бірдей", "то же содержание",
	    "the same content" },
	[M_V_NPROBLEMS] = { "%s: %ld %s", "%s: %ld %s", "%s: %ld %s" },
	[M_V_OK] = { "%s: дұрыс: %lld %s, %lld %s",
	    "%s: в порядке: %lld %s, %lld %s", "%s: ok: %lld %s, %lld %s" },

	[M_FORGET_WARN] = {
	    "reanonymize бұрынғы шығарылымдар жариялағанның бәрін ұмытады.\n"
	    "  Келесі құрастыру әр жазбаны қайтадан иесіздендіреді: жолдар,\n"
	    "  жалпылаулар және жария нөмірлер өзгереді, ал бұрынғы шығарылымды\n"
	    "  сақтаған адам екеуін салыстырып, олардың бірі жасырғанды біле\n"
	    "  алады.  Мұны бұрынғы шығарылымдар бәрібір қайтарылып алынғанда\n"
	    "  ғана жасаңыз (мысалы, олардың құпиялық саясаты тым әлсіз\n"
	    "  болса), және жаңа сайтты жаңа бастапқы нүкте деп жариялаңыз.",
	    "reanonymize забывает всё, что опубликовали прежние выпуски.\n"
	    "  Следующая сборка обезличит каждую запись заново: строки,\n"
	    "  обобщения и публичные номера изменятся, и тот, кто сохранил\n"
	    "  прежний выпуск, сможет сравнить их и узнать то, что скрыл любой\n"
	    "  из них.  Делайте это, только если прежние выпуски всё равно\n"
	    "  отозваны (например, их политика конфиденциальности была слишком\n"
	    "  слабой), и объявите новый сайт новой точкой отсчёта.",
	    "reanonymize forgets what every earlier release published.\n"
	    "  The next build anonymizes every record afresh: rows, "
	    "generalizations and\n"
	    "  public numbers change, and anyone who kept an earlier release "
	    "can compare\n"
	    "  the two, which can reveal what either of them hid.  Do this "
	    "only when the\n"
	    "  earlier releases are withdrawn anyway (for example, their "
	    "privacy policy\n"
	    "  was too weak), and announce the new site as a new baseline." },
	[M_FORGET_WOULD] = {
	    "%s: ұмытылар еді: %ld %s: %ld %s, %ld %s (--yes қосып қайта "
	    "іске қосыңыз)",
	    "%s: было бы забыто: %ld %s: %ld %s, %ld %s (повторите с --yes)",
	    "%s: would forget %ld %s: %ld %s, %ld %s (run again with --yes)" },
	[M_FORGOT] = {
	    "%s: ұмытылды: %ld %s: %ld %s, %ld %s; келесі құрастыру басынан "
	    "басталады",
	    "%s: забыто: %ld %s: %ld %s, %ld %s; следующая сборка начнёт "
	    "с начала",
	    "%s: forgot %ld %s: %ld %s, %ld %s; the next build starts "
	    "afresh" },
	[M_FORM_INCIDENTS] = { "оқыс оқиғалар", "инциденты", "incidents" },
	[M_FORM_INSURANCE] = { "сақтандыру жағдайлары", "страховые случаи",
	    "insurance" },

	[N_PROBLEM] = { "қате", "проблема|проблемы|проблем",
	    "problem|problems" },
	[N_RECORD] = { "жазба", "запись|записи|записей", "record|records" },
	[N_FIELD] = { "өріс", "поле|поля|полей", "field|fields" },
	[N_COLUMN] = { "баған", "столбец|столбца|столбцов",
	    "column|columns" },
	[N_INCIDENT] = { "оқыс оқиға", "инцидент|инцидента|инцидентов",
	    "incident|incidents" },
	[N_INSURANCE] = { "сақтандыру жағдайы",
	    "страховой случай|страховых случая|страховых случаев",
	    "insurance case|insurance cases" },
	[N_RELEASE] = { "шығарылым", "выпуск|выпуска|выпусков",
	    "release|releases" },
	[N_PUB_ROW] = { "жарияланған жол",
	    "опубликованная строка|опубликованные строки|"
	    "опубликованных строк",
	    "published row|published rows" },
	[N_DEFERRED] = { "кейінге қалдырылған жазба",
	    "отложенная запись|отложенные записи|отложенных записей",
	    "deferred record|deferred records" },
};

const char *
msg(enum oplang l, enum msg m)
{
	return texts[m][l];
}

const char *
noun(enum oplang l, enum msg n, long long v)
{
	static char	 out[4][96];
	static int	 turn;
	const char	*s = texts[n][l], *bar;
	long long	 a = v < 0 ? -v : v;
	int		 form;
	size_t		 len;

	if (l == OPLANG_RU) {
		if (a % 10 == 1 && a % 100 != 11)
			form = 0;
		else if (a % 10 >= 2 && a % 10 <= 4 &&
		    (a % 100 < 12 || a % 100 > 14))
			form = 1;
		else
			form = 2;
	} else
		form = a == 1 ? 0 : 1;
	for (; form > 0 && (bar = strchr(s, '|')) != NULL; form--)
		s = bar + 1;
	len = (bar = strchr(s, '|')) != NULL ? (size_t)(bar - s) : strlen(s);
	/* A few results may be used in one printf. */
	turn = (turn + 1) % 4;
	if (len >= sizeof(out[0]))
		len = sizeof(out[0]) - 1;
	memcpy(out[turn], s, len);
	out[turn][len] = '\0';
	return out[turn];
}

int
oplang_parse(const char *s)
{
	if (strcmp(s, "kk") == 0)
		return OPLANG_KK;
	if (strcmp(s, "ru") == 0)
		return OPLANG_RU;
	if (strcmp(s, "en") == 0)
		return OPLANG_EN;
	return -1;
}
