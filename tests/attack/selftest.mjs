// selftest.mjs -- the attacker's reading of narratives, on the issue's
// examples: a suite that passes because it cannot read is worth
// nothing.  Prints one "ok"/"not ok" line.
import * as L from './lib.mjs';
import { extract } from './text.mjs';

const cases = [
	// [kk, ru, what must be read]
	['Науқас травматология бөлімшесінде «S52.5» диагнозымен; сағат 14:55-те құлады.',
	    'Пациентка поступила в травматологическое отделение: перелом нижнего конца лучевой кости (S52.5); в 14:55 упала.',
	    { codes: ['S52.5'], times: ['14:55'], sex: 'F', spec: 'traumatology' }],
	['Бала К35.8 диагнозымен, 09:10-да операция жасалды.',
	    'Мальчик 9 месяцев поступил в отделение детской хирургии с диагнозом острый аппендицит К35.8.',
	    { codes: ['K35.8'], times: ['09:10'], sex: 'M', spec: 'pediatric-surgery', age: [270, 300] }],
	['9 айлық бала педиатрия бөлімшесіне түсті. С50 және Е11 белгілі.',
	    'Девочка поступила в педиатрическое отделение; С50, Е11, осложнение Т81.4.',
	    { codes: ['C50', 'E11', 'T81.4'], sex: 'F', spec: 'pediatrics', age: [270, 300] }],
	['Нәресте жаңа туған нәрестелер бөлімшесінде өмірінің 6-тәулігінде болды.',
	    'Новорождённый находился в отделении новорождённых.',
	    { sex: 'M', spec: 'neonatology', age: [6, 6] }],
	['Қыз бала сағат 07:20-да құлады, 2025 жылғы 5 наурызда ауруханаға түсті.',
	    'Девочка упала в 07:20, поступила 5 марта 2025 г. в г. Караганда.',
	    { times: ['07:20'], sex: 'F', date: true, region: 'KZ-35' }],
	['Әйел гинекология бөлімшесінде 45 жастағы.',
	    'Женщина 45 лет в гинекологическом отделении, 12.03.2025.',
	    { sex: 'F', spec: 'gynecology', age: [16436, 16800], date: true }],
	['Науқас, мекенжайы: Желтоқсан көшесі, [МЕКЕНЖАЙ].',
	    'Пациент, адрес: ул. Желтоксан, [АДРЕС].',
	    { street: 'Желтоқсан' }],
	['Ұл 3 жаста, сағат 9:10-да құлады.',
	    'Мальчик 3 лет упал в 9:10.',
	    { sex: 'M', times: ['09:10'], age: [1095, 1460] }],
];
const probs = [];
cases.forEach(([kk, ru, want], i) => {
	const e = extract({ circumstances_kk: kk, circumstances_ru: ru });
	const got = [];
	for (const c of want.codes || [])
		if (!e.codes.some((x) => x.code === c))
			got.push(`code ${c}`);
	for (const t of want.times || [])
		if (!e.times.some((x) => x.time === t))
			got.push(`time ${t}`);
	if (want.sex && e.sex !== want.sex)
		got.push(`sex ${want.sex} (read ${e.sex})`);
	if (want.spec && !e.specs.some((s) => s.specs.includes(want.spec)))
		got.push(`specialty ${want.spec} (read ${e.specs.map((s) => s.specs[0]).join(',')})`);
	if (want.age && !e.ages.some((a) => a.lo <= want.age[1] && a.hi >= want.age[0] &&
	    a.hi - a.lo <= 366))
		got.push(`age ${want.age} (read ${e.ages.map((a) => `${a.lo}-${a.hi}`).join(',')})`);
	if (want.date && !e.dates.some((d) => d.day))
		got.push('a date');
	if (want.street && (!e.places.some((p) => p.name === want.street) || e.dates.length))
		got.push(`street ${want.street} (read as ${e.dates.length ? 'a month' : 'nothing'})`);
	if (want.region && !e.places.some((p) => p.region === want.region))
		got.push(`place ${want.region}`);
	if (got.length)
		probs.push(`case ${i + 1}: not read: ${got.join(', ')}`);
});
// And no false alarms on plain clinical text.
const plain = extract({ care_kk: 'Адреналин 1:1000 ерітіндісі, 0,5 мг; АҚ 85/40; Апгар 6/7 балл; 4 тәулік бақылау.',
    care_ru: 'Адреналин 1:1000, 0,5 мг; АД 85/40 мм рт. ст.; Апгар 6/7 баллов; наблюдение 4 суток, курит 10 лет.' });
if (plain.codes.length || plain.times.length || plain.ages.length || plain.dates.length)
	probs.push(`plain text misread: ${JSON.stringify({ codes: plain.codes, times: plain.times, ages: plain.ages, dates: plain.dates })}`);
L.report(!probs.length, `selftest: the narratives reader finds the issue's examples ` +
    `(codes with Cyrillic letters, times, sex, departments, ages, dates, places) ` +
    `and nothing in plain clinical text`, probs);
L.done();
