-- canaries.sql -- planted identifiers for tests/t_privacy.sh.  Applied to
-- a fresh demo database: records whose every free-text column, in both
-- languages, carries identifiers, and whose internal fields carry
-- unique markers; their public numbers come from the schema's triggers.
-- canaries.txt lists the strings that must never
-- appear in any output byte or file name.
INSERT INTO incidents (id, source, source_ref, org_code, region,
    reported_quarter, occurred_at, category, consequence,
    circumstances_kk, circumstances_ru, profile, anamnesis_kk, anamnesis_ru,
    trigger, sex, age_years, diagnosis_icd10, care_kk, care_ru,
    measures_kk, measures_ru, corrective_plan)
VALUES
(9000001, 'canary-source-qx7', 'CANARY-SRC-41f9', 'CANARY-ORG-93kd', 'KZ-75', '2025Q2',
 '2025-05-14T09:47', 'clinical', 'with',
 'Науқас Сейітқалиева Ә.Б., 1956 ж.т., ЖСН 560312400123, 2025 жылғы 12 наурызда сағат 14:30-да №7 қалалық ауруханаға жеткізілді, мекенжайы: Абай көшесі, 12-үй, 5-пәтер.',
 'Пациентка Иванова А.С., 1956 г.р., ИИН 560312400123, доставлена 12.03.2025 в 14:30 в ГКБ №7 по ул. Абая, д. 12, кв. 5; тел. +7 701 234 56 78.',
 'surgery',
 'Дәрігер Құдайбергенова Ғ.Қ. хабарлағандай, науқас Өмірзақұлы Нұрлан 93 жаста, телефоны 8 (727) 345-67-89, поштасы omirzak.n@mail.kz.',
 'Со слов врача Петрова И.И., больной Нурланов Ерлан Серикович 1949 года рождения, телефон 8(727)345-67-89, e-mail nurlanov.erlan@gmail.com.',
 'yes', 'F', 68, 'K80.1',
 'Ауру тарихы № 48213/25, мейірбике Жұмабаева А.Т. көрсетті; толығырақ https://portal.example.kz/case/48213 сілтемесінде.',
 'История болезни № 48213/25, медсестра Жумабаева А.Т.; подробнее на https://portal.example.kz/case/48213, БИН 120340015238.',
 'Құжаттар 2025 жылғы 3 сәуірде Ұлы Дала даңғылы, 41-үйге жіберілді, байланыс: +7-701-9876543.',
 'Документы направлены 3 апреля 2025 г. на пр. Кабанбай батыра, д. 41, кв. 17, контакт +7-701-9876543, д-р Ахметов Б.К.',
 'yes'),
(9000002, 'canary-source-qx7', 'CANARY-SRC-77aa', 'CANARY-ORG-93kd', 'KZ-71', '2025Q2',
 '2025-06-02T23:15', 'corporate', 'without',
 'Науқас Әлібекова Ғ.Қ. (ЖСН 850101450019) түнгі кезекте құлады; анасы Сүлейменова Һ.Ү. 87012223344 нөмірі арқылы хабарласты.',
 'Пациентка Алибекова Г.К. (ИИН 850101450019) упала в ночную смену; мать, гр. Сулейменова, звонила с номера 87012223344.',
 'obstetrics',
 'Анамнезінде: 2024 жылғы 5 қаңтарда №3 емханада тексерілген, ауыл Көктерек, Бейбітшілік көшесі 8.',
 'В анамнезе: обследована 05.01.2024 в поликлинике №3, с. Коктерек, ул. Бейбитшилик, д. 8.',
 'no', 'F', 31, 'O72.0',
 'Дәрігер Серікбаев Т.Ж. тексерді, ИБ №777/24.',
 'Осмотрена доктором Серикбаевым Т.Ж., ИБ №777/24.',
 'Пациенттің ұлы Жандос Серікұлы ескерту алды.',
 'Сын пациентки, Жандос Серикович, получил уведомление.',
 'no');

INSERT INTO insurance_cases (id, source, source_ref, org_code, region,
    reported_quarter, occurred_at, place_kk, place_ru, profile, sex,
    diagnosis_icd10, insured, anamnesis_kk, anamnesis_ru, harm, disability,
    circumstances_kk, circumstances_ru, care_kk, care_ru, measures_kk,
    measures_ru)
VALUES
(9000003, 'canary-pool-zz', 'CANARY-SRC-pp01', 'CANARY-ORG-ins9', 'KZ-35', '2025Q2',
 '2025-04-21T11:05', 'CANARY-PLACE-KK Қарағанды, Бұқар жырау даңғылы 37', 'CANARY-PLACE-RU Караганда, пр. Бухар жырау 37',
 'cardiology', 'M', 'I21.0', 'yes',
 'Науқас Тоқтарбекұлы Есім, 1961 ж.т., ЖСН 610721300456.',
 'Пациент Токтарбеков Есим, 21.07.1961 г.р., ИИН 610721300456.',
 'death', '',
 'Дәрігер Нұрпейісова К.М. кешігіп келді, тел. +7 (7212) 41-22-33.',
 'Врач Нурпеисова К.М. прибыла с опозданием, тел. +7 (7212) 41-22-33.',
 'Реанимация жүргізілді; хаттама № 2025-311 дәрігер Омаров А.А. қол қойды.',
 'Проведена реанимация; протокол № 2025-311 подписан врачом Омаровым А.А.',
 'Іс materials.kz/det/311 сайтына жүктелді, e-mail: kz.cardio@post.kz.',
 'Материалы загружены на materials.kz/det/311, e-mail: kz.cardio@post.kz.');

-- A record whose Kazakh circumstances are missing: the Kazakh pages show
-- the Russian text, marked with its language.
INSERT INTO incidents (id, source, source_ref, org_code, region,
    reported_quarter, occurred_at, category, consequence,
    circumstances_kk, circumstances_ru, profile, anamnesis_kk, anamnesis_ru,
    trigger, sex, age_years, diagnosis_icd10, care_kk, care_ru,
    measures_kk, measures_ru, corrective_plan)
VALUES
(9000004, 'canary-source-qx7', 'CANARY-SRC-lang', 'CANARY-ORG-93kd', 'KZ-11', '2025Q2',
 '2025-04-03T08:20', 'clinical', 'without',
 '', 'Пропущена плановая доза антикоагулянта; ошибка выявлена при передаче смены.',
 'therapy', 'Фибрилляция предсердий.', 'Фибрилляция предсердий.',
 'no', 'M', 72, 'I48.0', 'Доза берілді.', 'Доза введена.',
 'Тексеру парағы енгізілді.', 'Введён чек-лист передачи смены.', 'yes');
