// text.mjs -- what a reader learns about a record's quasi-identifiers
// from its narratives, in both languages.
//
// extract(rec) reads every *_kk and *_ru column of a published row and
// returns, per language and merged:
//   codes     ICD-10 codes, Latin or Cyrillic look-alike letters, with
//             or without parentheses ("S52.5", "К35.8" -> "K35.8")
//   times     times of day ("в 14:55", "сағат 14:55-те", "09:10-да")
//   sex       'M' | 'F' | null, from Russian grammar (nouns and the
//             patient's verbs) and Kazakh words (ұл/қыз бала, әйел)
//   specs     departments and the specialty codes they name
//   ages      the patient's age: { lo, hi } in days, and the words
//   dates     dates with a day ("5 марта", "12.03.2025"), month names
//   places    regions and settlements
// Each item keeps the text it was read from, for the diagnostics.
import { REGION_NAMES } from './lib.mjs';

// ---------------------------------------------------------------- codes

const LOOK = { 'А': 'A', 'В': 'B', 'С': 'C', 'Е': 'E', 'Н': 'H', 'К': 'K',
    'М': 'M', 'О': 'O', 'Р': 'P', 'Т': 'T', 'Х': 'X', 'У': 'Y' };
const CODE_RE = /(?<![\p{L}\p{N}])([A-Z]|[АВСЕНКМОРТХУ])(\d\d)(?:\.(\d{1,2}))?(?![\p{L}\p{N}]|\.\d)/gu;
// Words before a letter+digits that is not a diagnosis (vitamins,
// tablets, wards, blood groups).
const NOT_CODE = /(витамин\p{L}*|дәрумен\p{L}*|палат\p{L}*|корпус\p{L}*|кабинет\p{L}*|ИВЛ|тип\p{L}*)\s*$/iu;

const RANGE_RE = /(?<![\p{L}\p{N}])([A-Z]|[АВСЕНКМОРТХУ])(\d\d)\s*[-–—]\s*([A-Z]|[АВСЕНКМОРТХУ])(\d\d)(?![\p{L}\p{N}])/gu;

function codes(s) {
	const out = [];
	// Ranges ("S00-T98", a chapter or block) first; their ends are not
	// codes of their own.
	s = s.replace(RANGE_RE, (m, a, b, c, d) => {
		out.push({ code: `${LOOK[a] || a}${b}-${LOOK[c] || c}${d}`, text: m, range: true });
		return ' '.repeat(m.length);
	});
	for (const m of s.matchAll(CODE_RE)) {
		if (NOT_CODE.test(s.slice(Math.max(0, m.index - 20), m.index)))
			continue;
		const letter = LOOK[m[1]] || m[1];
		const code = letter + m[2] + (m[3] !== undefined ? '.' + m[3] : '');
		out.push({ code, text: m[0], cyrillic: m[1] !== letter });
	}
	return out;
}

// ---------------------------------------------------------------- times

// A time of day: hh:mm after a preposition or "сағат", or with a
// Kazakh case ending; a bare hh:mm with a two-digit hour.  Ratios
// ("1:1000") and durations are not times.
const TIME_RE = /(?<![\p{N}:,.])(\d{1,2})[:.](\d\d)(?![\p{N}]|[:.,]\d)(-?(?:да|де|та|те|ға|ге|қа|ке|дан|ден|тан|тен|нан|нен|ге дейін|ға дейін|ке дейін|қа дейін))?/gu;
const TIME_CTX = /(?:(?<!\p{L})(?:в|к|с|до|около|после|примерно|в течение)|сағат|шамамен)\s*$/iu;

function times(s) {
	const out = [];
	for (const m of s.matchAll(TIME_RE)) {
		const h = +m[1], mi = +m[2];
		if (h > 23 || mi > 59)
			continue;
		const sep = m[0][m[1].length];
		const before = s.slice(Math.max(0, m.index - 16), m.index);
		const ctx = TIME_CTX.test(before) || m[3];
		if (sep === '.' && !(ctx && /сағат|(?<!\p{L})в\s*$/iu.test(before)))
			continue;	// 12.5 mg, 36.6 °C
		if (!ctx && m[1].length < 2)
			continue;
		if (/разведени|ара қатына|қатынаста/iu.test(s.slice(m.index, m.index + 30)))
			continue;
		out.push({ time: `${String(h).padStart(2, '0')}:${m[2]}`,
		    text: m[0] });
	}
	return out;
}

// ---------------------------------------------------------------- sex

// Russian: nouns naming the patient, and the patient's verbs and short
// participles (past tense agrees with the subject's sex).  Staff nouns
// (медсестра, врач) are not the patient, so only the patient's own
// verbs are listed.
// Strong nouns name the patient's sex; "пациент" without the feminine
// suffix is weaker (a text may use it for anyone, or for another
// patient), and so are nouns that in a newborn's record may name the
// mother.
const RU_STRONG = [[/(?<!\p{L})(пациентк\p{L}*|девочк\p{L}*|новорожд[её]нн(?:ая|ой|ую))(?!\p{L})/giu, 'F'],
    [/(?<!\p{L})(мальчик\p{L}*|новорожд[её]нн(?:ый|ого|ому|ым))(?!\p{L})/giu, 'M']];
const RU_MEDIUM_F = /(?<!\p{L})(девушк\p{L}*|рожениц\p{L}*|родильниц\p{L}*|беременн(?:ая|ой|ую)|женщин\p{L}*|больн(?:ая|ую))(?!\p{L})/giu;
const RU_WEAK_M = /(?<!\p{L})(пациент(?:а|у|ом|е)?|мужчин\p{L}*|юнош\p{L}*)(?!\p{L})/giu;
const RU_VERBS = ['поступил', 'госпитализирован', 'доставлен', 'переведён',
    'переведен', 'выписан', 'находился', 'обратился', 'осмотрен', 'родился',
    'умер', 'скончался', 'упал', 'встал', 'получил', 'оперирован',
    'прооперирован', 'наблюдался', 'лечился', 'покинул', 'отказался',
    'жаловался', 'пожаловался', 'потерял', 'пришёл', 'пришел', 'проснулся',
    'был экстубирован', 'экстубирован', 'интубирован', 'выпал',
    'поскользнулся', 'ударился', 'самостоятельно встал', 'курит', 'болен'];
const RU_M_VERB = new RegExp(`(?<!\\p{L})(${RU_VERBS.filter((v) => v !== 'курит').map((v) => v.replace(/ /g, '\\s+')).join('|')})(?!\\p{L})`, 'giu');
const fem = (v) => v === 'умер' ? 'умерла' : v === 'пришёл' ? 'пришла' :
    v === 'пришел' ? 'пришла' : v.replace(/ся$/, 'ась').replace(/(ён|ен)$/, 'ена')
    .replace(/ан$/, 'ана').replace(/л$/, 'ла').replace(/ил$/, 'ила');
const RU_F_VERB = new RegExp(`(?<!\\p{L})(${RU_VERBS.filter((v) => v !== 'курит').map((v) => fem(v).replace(/ /g, '\\s+')).join('|')})(?!\\p{L})`, 'giu');
// Kazakh: the language has no grammatical gender; words do.
const KK_F = /(?<!\p{L})(қыз бала\p{L}*|қызы|қыз|әйел\p{L}*|босанушы\p{L}*|жүкті\s+әйел\p{L}*|ана\s+ретінде|келіншек\p{L}*|бойжеткен\p{L}*)(?!\p{L})/giu;
const KK_M = /(?<!\p{L})(ұл бала\p{L}*|ұлы|ұл|ер адам\p{L}*|ер кісі\p{L}*|жігіт\p{L}*|ер бала\p{L}*)(?!\p{L})/giu;
// Patients of the other sex than the one named (a mother's newborn).
const MOTHER_CTX = /(мать|матер|матери|анасы|анасының|у роженицы|родильниц)/iu;

function sexOf(kk, ru) {
	const ev = [];
	let first = null;
	for (const [re, sx] of RU_STRONG)
		for (const m of ru.matchAll(re))
			if (!first || m.index < first.i)
				first = { i: m.index, sex: sx, text: m[0] };
	let ruSex = null;
	if (first) {
		ruSex = first.sex;
		ev.push({ sex: first.sex, text: first.text, how: 'noun' });
	} else {
		const mf = ru.match(RU_MEDIUM_F);
		const vm = [...ru.matchAll(RU_M_VERB)].map((m) => m[0]);
		const vf = [...ru.matchAll(RU_F_VERB)].map((m) => m[0]);
		const wm = ru.match(RU_WEAK_M);
		if (mf && !/новорожд/iu.test(ru))
			ev.push({ sex: ruSex = 'F', text: mf[0], how: 'noun' });
		else if (vm.length && !vf.length || vf.length && !vm.length)
			ev.push({ sex: ruSex = vm.length ? 'M' : 'F',
			    text: vm[0] || vf[0], how: 'verb' });
		else if (wm)
			ev.push({ sex: ruSex = 'M', text: wm[0], how: 'noun' });
	}
	let kkSex = null;
	const km = [...kk.matchAll(KK_M)].map((m) => m[0]);
	const kf = [...kk.matchAll(KK_F)].map((m) => m[0]);
	if (km.length && !kf.length)
		ev.push({ sex: kkSex = 'M', text: km[0], how: 'kk' });
	else if (kf.length && !km.length && !/нәресте|жаңа туған/iu.test(kk))
		ev.push({ sex: kkSex = 'F', text: kf[0], how: 'kk' });
	return { sex: ruSex || kkSex, ev };
}

// ---------------------------------------------------------------- departments

// Department words -> specialty codes.  First match wins, so the more
// specific names come first.
const G = (g) => ({
	therapeutic: 'therapy allergology gastroenterology hematology nephrology cardiology cardiorheumatology pulmonology endocrinology psychiatry psychotherapy medical-psychology neurology therapeutic-dentistry sexopathology rehabilitation occupational-pathology occupational-therapy narcology phthisiology gerontology hirudotherapy toxicology exercise-therapy dietology radiology su-jok-therapy manual-therapy reflexology homeopathy dermatovenereology dermatocosmetology infectious-diseases immunology leprology',
	surgical: 'surgery cardiac-surgery neurosurgery endoscopy oncology traumatology combustiology urology andrology otorhinolaryngology ophthalmology proctology mammology surgical-dentistry orthodontics orthopedic-dentistry maxillofacial-surgery transplantology extracorporeal-detoxification hyperbaric-oxygenation surgical-toxicology anesthesiology',
	pediatric: 'pediatrics phthisiopediatrics pediatric-anesthesiology pediatric-surgery pediatric-neurosurgery pediatric-endoscopy pediatric-traumatology pediatric-combustiology pediatric-transplantology pediatric-extracorporeal-detoxification pediatric-allergology medical-genetics pediatric-cardiorheumatology pediatric-infectious-diseases pediatric-immunology pediatric-oncology pediatric-oncohematology pediatric-neurology pediatric-nephrology pediatric-endocrinology pediatric-psychiatry pediatric-psychotherapy pediatric-toxicology pediatric-hyperbaric-oxygenation pediatric-pulmonology pediatric-gastroenterology pediatric-otorhinolaryngology pediatric-ophthalmology pediatric-dentistry pediatric-maxillofacial-surgery pediatric-urology pediatric-gynecology pediatric-dermatovenereology adolescent-narcology adolescent-therapy pediatric-rehabilitation neonatology',
	obstetric: 'gynecology obstetrics obstetric-neonatology obstetric-medical-genetics reproductive-technologies',
})[g].split(' ');
const DEPTS = [
	// A profile group named as such tells the group only.
	[/терапевтическ\p{L}* профил|терапиялық бейін/iu, G('therapeutic')],
	[/хирургическ\p{L}* профил|хирургиялық бейін/iu, G('surgical')],
	[/педиатрическ\p{L}* профил|педиатриялық бейін/iu, G('pediatric')],
	[/акушерско-гинекологическ|акушерлік-гинекологиялық/iu, G('obstetric')],
	[/кардиохирург/iu, ['cardiac-surgery']],
	[/нейрохирург/iu, ['neurosurgery', 'pediatric-neurosurgery']],
	[/(?:детск\p{L}* хирург|балалар хирург)/iu, ['pediatric-surgery']],
	[/челюстно|жақ-бет/iu, ['maxillofacial-surgery', 'pediatric-maxillofacial-surgery']],
	[/(?:реанимац\p{L}*(?: и интенсивн\p{L}* терапи\p{L}*)? новорожд|новорожд\p{L}* реанимац|нәрестелердің реанимация|нәрестелер реанимация)/iu, ['neonatology', 'obstetric-neonatology']],
	[/(?:патологи\p{L}* новорожд|новорожд|жаңа туған|нәресте)/iu, ['neonatology', 'obstetric-neonatology']],
	[/(?:детск\p{L}* реаним|балалар реаним|детск\p{L}* анестез)/iu, ['pediatric-anesthesiology']],
	[/(?:детск\p{L}* травмат|балалар травмат)/iu, ['pediatric-traumatology']],
	[/(?:детск\p{L}* инфекц|балалар жұқпалы)/iu, ['pediatric-infectious-diseases']],
	[/(?:детск\p{L}* онко|балалар онко)/iu, ['pediatric-oncology', 'pediatric-oncohematology']],
	[/(?:детск\p{L}* невр|балалар невр)/iu, ['pediatric-neurology']],
	[/анестезиол|реанимац|реанимаци|интенсивн\p{L}* терап|қарқынды терапия/iu, ['anesthesiology']],
	[/колопроктол|проктол/iu, ['proctology']],
	[/эндоскоп/iu, ['endoscopy']],
	[/хирург/iu, ['surgery']],
	[/родильн|родов\p{L}*|послеродов|патологи\p{L}* беременн|босану|жүктілік патолог|перинатал/iu, ['obstetrics']],
	[/гинеколог/iu, ['gynecology', 'pediatric-gynecology']],
	[/кардиоревмат/iu, ['cardiorheumatology', 'pediatric-cardiorheumatology']],
	[/кардиолог/iu, ['cardiology']],
	[/педиатр/iu, ['pediatrics']],
	[/травматол/iu, ['traumatology']],
	[/ожогов|күйік|комбустиол/iu, ['combustiology', 'pediatric-combustiology']],
	[/невролог/iu, ['neurology']],
	[/химиотерап|онколог/iu, ['oncology', 'pediatric-oncology', 'pediatric-oncohematology', 'mammology']],
	[/гематол/iu, ['hematology']],
	[/уролог/iu, ['urology', 'pediatric-urology']],
	[/офтальмол|глазн|көз/iu, ['ophthalmology', 'pediatric-ophthalmology']],
	[/оториноларинг|лор-|ЛОР/u, ['otorhinolaryngology', 'pediatric-otorhinolaryngology']],
	[/стоматол/iu, ['therapeutic-dentistry', 'surgical-dentistry', 'orthodontics', 'orthopedic-dentistry', 'pediatric-dentistry']],
	[/психиатр/iu, ['psychiatry', 'pediatric-psychiatry']],
	[/нарколог/iu, ['narcology', 'adolescent-narcology']],
	[/инфекц|жұқпалы/iu, ['infectious-diseases']],
	[/туберкул|фтизиат/iu, ['phthisiology', 'phthisiopediatrics']],
	[/дерматол|дерматовен|кожно-вен/iu, ['dermatovenereology', 'pediatric-dermatovenereology']],
	[/физиотерап/iu, ['rehabilitation', 'exercise-therapy']],
	[/реабилит|оңалту/iu, ['rehabilitation', 'pediatric-rehabilitation']],
	[/лучев\p{L}* диагност|рентген|сәулелік диагност/iu, ['radiology']],
	[/трансплант/iu, ['transplantology', 'pediatric-transplantology']],
	[/пульмонол/iu, ['pulmonology', 'pediatric-pulmonology']],
	[/нефролог|гемодиализ/iu, ['nephrology', 'pediatric-nephrology']],
	[/эндокринол/iu, ['endocrinology', 'pediatric-endocrinology']],
	[/гастроэнтерол/iu, ['gastroenterology', 'pediatric-gastroenterology']],
	[/гериатр|геронтол/iu, ['gerontology']],
	[/токсиколог/iu, ['toxicology', 'surgical-toxicology', 'pediatric-toxicology']],
	[/гипербар/iu, ['hyperbaric-oxygenation', 'pediatric-hyperbaric-oxygenation']],
	[/аллерголог/iu, ['allergology', 'pediatric-allergology']],
	[/генетич|генетика/iu, ['medical-genetics', 'obstetric-medical-genetics']],
	[/репродуктив/iu, ['reproductive-technologies']],
	[/профпатол|кәсіптік патол/iu, ['occupational-pathology']],
	[/терапевт|терапия/iu, ['therapy']],
];
// A department phrase: Russian words around "отделение", Kazakh words
// before "бөлімше"; the clause ends at punctuation or a preposition.
const DEPT_WORD = { ru: /отделени\p{L}*/giu, kk: /бөлімше\p{L}*/giu };
const RU_STOP = /^(в|во|на|с|со|по|для|через|из|после|до|при|под|у|к|за|от|вместе|где|когда|и не|без|было|был|была|находилось|отсутствовало|прекратилась|организации|внедрено|за)$/iu;
const TRANSFER = /(перевод|переведен|переведён|переведена|переводе|ауыстыр|кезең ауыр)/iu;
const NOT_DEPT = /(при[её]мн|қабылдау|соседн|көрші|всех|барлық|жалпы|другое|басқа)/iu;

function depts(s, lang) {
	const out = [];
	// A marker names a kind of masked text, not a department.
	s = s.replace(MARKER, (m) => ' '.repeat(m.length));
	for (const m0 of s.matchAll(DEPT_WORD[lang])) {
		// m: [whole, words before, keyword, words after], index.
		const pre = s.slice(Math.max(0, m0.index - 80), m0.index);
		const before = pre.split(/[.;:!?()«»"\n]/).pop();
		const postAll = s.slice(m0.index + m0[0].length,
		    m0.index + m0[0].length + 100);
		const after = lang === 'ru' ? postAll.split(/[.;:!?()«»"\n]/)[0] : '';
		const m = [before + m0[0] + after, before, m0[0], after];
		m.index = m0.index - before.length;
		let phrase;
		if (lang === 'ru') {
			const bw = m[1].trim().split(/\s+/).filter(Boolean).slice(-3);
			const b = [];
			for (let i = bw.length - 1; i >= 0; i--) {
				if (RU_STOP.test(bw[i]))
					break;
				b.unshift(bw[i]);
			}
			const aw = [];
			for (const w of m[3].trim().split(/\s+/).filter(Boolean).slice(0, 7)) {
				const bare = w.replace(/,$/, '');
				if (RU_STOP.test(bare))
					break;
				aw.push(bare);
			}
			phrase = [...b, m[2], ...aw].join(' ');
		} else
			phrase = m[1].trim().split(/\s+/).slice(-6).join(' ') + ' ' + m[2];
		const ctx = s.slice(Math.max(0, m0.index - 30), m0.index + m0[0].length + 25);
		if (TRANSFER.test(ctx) || NOT_DEPT.test(phrase) ||
		    /(?:сут\p{L}*|тәулі\p{L}*)\s+(?:\p{L}+\s+)?$/iu.test(s.slice(Math.max(0, m0.index - 25), m0.index)) ||
		    /^[\s,]*(?:бақылан|наблюд)/iu.test(postAll.slice(0, 15)))
			continue;
		// Kazakh: keep the last few words, the name of the department.
		const name = lang === 'kk' ? phrase.split(/\s+/).slice(-5).join(' ') :
		    phrase;
		for (const [dre, specs] of DEPTS)
			if (dre.test(name)) {
				out.push({ specs, text: name });
				break;
			}
	}
	return out;
}

// ---------------------------------------------------------------- ages

const Y = 365.25, MO = 30.44;
const NUMW = { 'один': 1, 'одного': 1, 'двух': 2, 'трёх': 3, 'трех': 3 };
function ages(s, lang) {
	const out = [];
	const add = (lo, hi, text) => out.push({ lo: Math.floor(lo),
	    hi: Math.floor(hi), text });
	let m;
	if (lang === 'ru') {
		// "Пациентка 45 лет", "в возрасте 45 лет", "45-летний",
		// "Мальчик 9 месяцев", "возраст — 3 суток", "на 6-е сутки
		// жизни", "10 дней жизни".
		const PT = '(?:пациент\\p{L}*|больн\\p{L}*|мальчик\\p{L}*|девочк\\p{L}*|ребён\\p{L}*|ребен\\p{L}*|новорожд\\p{L}*|мужчин\\p{L}*|женщин\\p{L}*|рожениц\\p{L}*|возраст\\p{L}*|в возрасте|возрастом)';
		for (m of s.matchAll(new RegExp(`${PT}\\s*(?:—|-|:)?\\s*(?<![\\d.,]|\\d\\s*[-–—]\\s*)(\\d{1,3})(?![\\d.,]|\\s*[-–—]\\s*\\d)\\s*(?:(лет|года|год)|(месяц\\p{L}*|мес\\.)|(недел\\p{L}*)|(дн\\p{L}*|сут\\p{L}*|день))(?!\\s*назад)`, 'giu'))) {
			const n = +m[1];
			if (/гестац/iu.test(s.slice(Math.max(0, m.index - 30), m.index + 5)))
				continue;
			if (m[2]) add(n * Y, (n + 1) * Y - 1, m[0]);
			else if (m[3]) add(n * MO, (n + 1) * MO - 1, m[0]);
			else if (m[4]) add(n * 7, n * 7 + 6, m[0]);
			else add(n, n, m[0]);
		}
		for (m of s.matchAll(/(\d{1,3})[- ]?(?:летн\p{L}*|месячн\p{L}*|дневн\p{L}*)/giu)) {
			const n = +m[1];
			if (/летн/iu.test(m[0])) add(n * Y, (n + 1) * Y - 1, m[0]);
			else if (/месяч/iu.test(m[0])) add(n * MO, (n + 1) * MO - 1, m[0]);
			else add(n, n, m[0]);
		}
		for (m of s.matchAll(/(?:на\s+)?(\d{1,2})(?:-?[еийя]{1,2})?\s+(?:сут\p{L}*|дн\p{L}*|день)\s+жизни/giu))
			add(+m[1], +m[1], m[0]);
		for (m of s.matchAll(/(\d{1,3})\s*(?:лет|года|год)\s*(?:от роду)/giu))
			add(+m[1] * Y, (+m[1] + 1) * Y - 1, m[0]);
	} else {
		// "45 жастағы", "45 жаста", "45 жасар", "9 айлық",
		// "өмірінің 6-тәулігінде", "3 тәуліктік нәресте",
		// "жасы — 45".
		for (m of s.matchAll(/(?<![\d.,]|\d\s*[-–—]\s*)(\d{1,3})\s*(?:-?\s*)(жастағы|жаста|жасар|жасында|жасқа|жас(?!\p{L}))/giu))
			add(+m[1] * Y, (+m[1] + 1) * Y - 1, m[0]);
		for (m of s.matchAll(/(\d{1,2})\s*-?\s*айлық/giu))
			add(+m[1] * MO, (+m[1] + 1) * MO - 1, m[0]);
		for (m of s.matchAll(/өмірінің\s+(\d{1,2})\s*-?\s*(?:тәулі\p{L}*|күн\p{L}*)/giu))
			add(+m[1], +m[1], m[0]);
		for (m of s.matchAll(/(\d{1,2})\s*-?\s*(?:тәуліктік|күндік)\s+(?:нәресте|бала)/giu))
			add(+m[1], +m[1], m[0]);
		for (m of s.matchAll(/(?<!гестациялық\s)жасы\s*[—:-]?\s*(\d{1,3})(?!\s*апта)/giu))
			add(+m[1] * Y, (+m[1] + 1) * Y - 1, m[0]);
	}
	void NUMW;
	return out;
}

// ---------------------------------------------------------------- dates

const RU_MON = ['январ', 'феврал', 'март', 'апрел', 'ма[йяе]', 'июн', 'июл',
    'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const KK_MON = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым',
    'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const RU_DATE = new RegExp('(?<![\\p{L}\\p{N}])(?:(\\d{1,2})\\s+)?(' +
    '(?:январ|феврал|март|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр)(?:ь|я|е|ем|ю|а|е)?|ма[йяе]' +
    ')(?![\\p{L}])(?:\\s+(\\d{4}))?', 'giu');
const KK_DATE = new RegExp('(?<![\\p{L}\\p{N}])(?:(\\d{4})\\s+жыл\\p{L}*\\s+)?(?:(\\d{1,2})\\s*-?\\s*)?(' +
    KK_MON.join('|') + ')(?:да|де|та|те|ында|інде|нда|нде|ы|і|дың|дің|ға|ге|қа|ке)?(?![\\p{L}])' +
    '(?!\\s+(?:көше|даңғыл|шағын|ықшам))', 'giu');

function dates(s, lang) {
	const out = [];
	let m;
	for (m of s.matchAll(/(?<![\p{N}.])(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?![\p{N}])/gu)) {
		const d = +m[1], mo = +m[2];
		if (d < 1 || d > 31 || mo < 1 || mo > 12)
			continue;
		const y = m[3].length === 2 ? '20' + m[3] : m[3];
		out.push({ month: `${y}-${String(mo).padStart(2, '0')}`, day: true,
		    text: m[0] });
	}
	for (m of s.matchAll(/(\d{4})-(\d\d)-(\d\d)/g))
		out.push({ month: `${m[1]}-${m[2]}`, day: true, text: m[0] });
	// Day + month name ("5 марта", "12 наурызда", "2025 жылғы 5
	// наурыз"); a month name alone ("в марте", "наурызда").
	for (const mm of s.matchAll(lang === 'ru' ? RU_DATE : KK_DATE)) {
		const word = lang === 'ru' ? mm[2] : mm[3];
		const i = (lang === 'ru' ? RU_MON : KK_MON)
		    .findIndex((st) => new RegExp('^' + st, 'iu').test(word));
		if (i < 0)
			continue;
		if (lang === 'kk' && i === 9 && !mm[2] && !mm[1])
			continue;	// "қазан" is also a cauldron and a city
		const day = lang === 'ru' ? mm[1] : mm[2];
		const year = lang === 'ru' ? mm[3] : mm[1];
		out.push({ monthNo: i + 1, year: year || null, day: !!day,
		    text: mm[0] });
	}
	return out;
}

// ---------------------------------------------------------------- places

const TOWNS = {
	'KZ-71': ['Астана', 'Нур-Султан', 'Нұр-Сұлтан'],
	'KZ-75': ['Алматы', 'Алма-Ата'],
	'KZ-79': ['Шымкент'],
	'KZ-10': ['Семей', 'Семипалатинск', 'Аягоз'],
	'KZ-11': ['Кокшетау', 'Көкшетау', 'Степногорск', 'Щучинск', 'Ақмола', 'Акмол'],
	'KZ-15': ['Актобе', 'Ақтөбе', 'Актюбинск'],
	'KZ-19': ['Конаев', 'Қонаев', 'Капшагай', 'Талгар', 'Каскелен', 'Есик', 'Алматинск'],
	'KZ-23': ['Атырау', 'Кульсары', 'Құлсары'],
	'KZ-27': ['Уральск', 'Орал', 'Аксай', 'Батыс Қазақстан', 'Западно-Казахстан'],
	'KZ-31': ['Тараз', 'Жамбыл'],
	'KZ-33': ['Талдыкорган', 'Талдықорған', 'Жетісу', 'Жетысу'],
	'KZ-35': ['Караганд', 'Қарағанды', 'Темиртау', 'Теміртау', 'Балхаш', 'Балқаш', 'Шахтинск'],
	'KZ-39': ['Костанай', 'Қостанай', 'Рудный', 'Лисаковск'],
	'KZ-43': ['Кызылорд', 'Қызылорда', 'Байконур', 'Байқоңыр'],
	'KZ-47': ['Актау', 'Ақтау', 'Жанаозен', 'Жаңаөзен', 'Маңғыстау', 'Мангистау'],
	'KZ-55': ['Павлодар', 'Экибастуз', 'Екібастұз', 'Аксу'],
	'KZ-59': ['Петропавловск', 'Петропавл', 'Солтүстік Қазақстан', 'Северо-Казахстан'],
	'KZ-61': ['Туркестан', 'Түркістан', 'Кентау', 'Сарыагаш'],
	'KZ-62': ['Жезказган', 'Жезқазған', 'Сатпаев', 'Сәтбаев', 'Ұлытау', 'Улытау'],
	'KZ-63': ['Усть-Каменогорск', 'Өскемен', 'Риддер', 'Шығыс Қазақстан', 'Восточно-Казахстан'],
};
// One pattern for every town and region name; the name found tells the
// region.
const TOWN_OF = new Map();
for (const [code, list] of Object.entries(TOWNS))
	for (const n of [...list, ...REGION_NAMES[code]])
		TOWN_OF.set(n, code);
const TOWN_RE = new RegExp(`(?<![\\p{L}-])(${[...TOWN_OF.keys()]
    .sort((x, y) => y.length - x.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gu');
// A settlement named with its kind: "г. X", "с. X", "пос. X",
// "X ауылы", "X қаласы", "X ауданы", "X районе".
const SETTLE_RE = /(?<!\p{L})(?:г\.|с\.|п\.|пос\.|село|посёлок|поселок|город|аул|ул\.|улица|улице|пр\.|проспект\p{L}*|мкр\.|микрорайон\p{L}*)\s*([А-ЯЁӘҒҚҢӨҰҮҺІ0-9][\p{L}\p{N}-]+)|([А-ЯЁӘҒҚҢӨҰҮҺІ][\p{L}-]+)\s+(ауылы\p{L}*|ауданы\p{L}*|қаласы\p{L}*|кенті\p{L}*|район\p{L}*|облыс\p{L}*|көшесі\p{L}*|даңғылы\p{L}*|шағын ауданы\p{L}*)/gu;

function places(s) {
	const out = [];
	for (const m of s.matchAll(TOWN_RE)) {
		const code = TOWN_OF.get(m[1]);
		if (!out.some((p) => p.region === code))
			out.push({ region: code, name: m[1], text: m[0] });
	}
	for (const m of s.matchAll(SETTLE_RE)) {
		const name = m[1] || m[2];
		if (!out.some((p) => name.toLowerCase().startsWith(p.name.toLowerCase().slice(0, 5))))
			out.push({ region: null, name, text: m[0] });
	}
	return out;
}

// ---------------------------------------------------------------- all

export const MARKER = /\[[^\]\[]{1,40}\]/gu;

// The text columns of a row, by base name: { circumstances: {kk, ru} }.
export function textCols(rec) {
	const cols = {};
	for (const c of Object.keys(rec)) {
		const m = c.match(/^(.*)_(kk|ru)$/);
		if (!m)
			continue;
		(cols[m[1]] ??= { kk: '', ru: '' })[m[2]] = rec[c] || '';
	}
	return cols;
}

export function extract(rec) {
	const cols = textCols(rec);
	// Columns apart: a pattern must not run from one into the next
	// ("… 2025 г." and "Согревание, …" are no town "г. Согревание").
	const kk = Object.values(cols).map((c) => c.kk).join('\n¶\n');
	const ru = Object.values(cols).map((c) => c.ru).join('\n¶\n');
	const per = {};
	for (const [lang, s] of [['kk', kk], ['ru', ru]])
		per[lang] = { codes: codes(s), times: times(s), specs: depts(s, lang),
		    ages: ages(s, lang), dates: dates(s, lang), places: places(s) };
	const sx = sexOf(kk, ru);
	return { kk: per.kk, ru: per.ru, sex: sx.sex, sexEv: sx.ev,
	    codes: [...per.kk.codes, ...per.ru.codes],
	    times: [...per.kk.times, ...per.ru.times],
	    specs: [...per.kk.specs, ...per.ru.specs],
	    ages: [...per.kk.ages, ...per.ru.ages],
	    dates: [...per.kk.dates, ...per.ru.dates],
	    places: [...per.kk.places, ...per.ru.places] };
}
