-- schema.sql -- the registry database, schema version 1.
--
-- Column names follow REGISTRY.md section 4 (a contract shared with the
-- quarterly CSV submissions).  regsite executes this file to create a
-- database (regsite demo, regsite import) and refuses to build from a
-- database whose PRAGMA user_version differs.
--
-- Never published: id, source, source_ref, org_code, place_kk, place_ru.

PRAGMA foreign_keys = ON;

-- ---------------------------------------------------------------------
-- Dictionaries: the code lists of REGISTRY.md section 6, with labels.

CREATE TABLE regions (
	code    TEXT PRIMARY KEY CHECK (code GLOB 'KZ-[0-9][0-9]'),
	name_kk TEXT NOT NULL,
	name_ru TEXT NOT NULL,
	sort    INTEGER NOT NULL UNIQUE
);

CREATE TABLE profile_groups (
	code    TEXT PRIMARY KEY,
	name_kk TEXT NOT NULL,
	name_ru TEXT NOT NULL,
	sort    INTEGER NOT NULL UNIQUE
);

CREATE TABLE profiles (
	code    TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z-]*'),
	grp     TEXT NOT NULL REFERENCES profile_groups(code),
	name_kk TEXT NOT NULL,
	name_ru TEXT NOT NULL,
	sort    INTEGER NOT NULL UNIQUE
);

CREATE TABLE icd10_chapters (
	code    TEXT PRIMARY KEY,	-- Roman numeral, Latin letters
	first   TEXT NOT NULL,		-- first three-character category
	last    TEXT NOT NULL,		-- last three-character category
	name_kk TEXT NOT NULL,
	name_ru TEXT NOT NULL,
	sort    INTEGER NOT NULL UNIQUE
);

-- Every three-character category inside a chapter's range.
CREATE TABLE icd10_categories (
	code    TEXT PRIMARY KEY,
	chapter TEXT NOT NULL REFERENCES icd10_chapters(code)
);

-- One row per imported submission (regsite import).
CREATE TABLE submissions (
	form             TEXT NOT NULL CHECK (form IN ('incidents', 'insurance')),
	source           TEXT NOT NULL CHECK (length(source) > 0),
	reported_quarter TEXT NOT NULL
	    CHECK (reported_quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
	records          INTEGER NOT NULL,
	sha256           TEXT NOT NULL,
	PRIMARY KEY (form, source, reported_quarter)
);

-- The highest public number ever given per form and quarter, so that a
-- number freed by a removed record is never given to another one (a
-- citation must never come to point at a different record).  Whoever
-- sets public_no explicitly (regsite import, regsite demo) keeps this
-- up to date; the triggers below do it for everyone else.
CREATE TABLE public_numbers (
	form    TEXT NOT NULL CHECK (form IN ('incidents', 'insurance')),
	quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
	last_no INTEGER NOT NULL CHECK (last_no >= 0),
	PRIMARY KEY (form, quarter)
);

-- ---------------------------------------------------------------------
-- Form 1: medical incidents (Annex 1).

CREATE TABLE incidents (
	id               INTEGER PRIMARY KEY,
	source           TEXT NOT NULL CHECK (length(source) > 0),
	source_ref       TEXT NOT NULL CHECK (length(source_ref) > 0),
	org_code         TEXT NOT NULL CHECK (length(org_code) > 0),
	region           TEXT NOT NULL REFERENCES regions(code),
	reported_quarter TEXT NOT NULL
	    CHECK (reported_quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
	occurred_at      TEXT NOT NULL
	    CHECK (occurred_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'
	        AND strftime('%Y-%m-%dT%H:%M', julianday(occurred_at)) = occurred_at
	        AND occurred_at >= '2024-10-23'),
	category         TEXT NOT NULL CHECK (category IN ('clinical', 'corporate')),
	consequence      TEXT NOT NULL CHECK (consequence IN ('with', 'without')),
	circumstances_kk TEXT NOT NULL,
	circumstances_ru TEXT NOT NULL,
	profile          TEXT NOT NULL REFERENCES profiles(code),
	anamnesis_kk     TEXT NOT NULL,
	anamnesis_ru     TEXT NOT NULL,
	trigger          TEXT NOT NULL CHECK (trigger IN ('yes', 'no')),
	sex              TEXT NOT NULL CHECK (sex IN ('M', 'F')),
	age_years        INTEGER NOT NULL CHECK (typeof(age_years) = 'integer' AND age_years BETWEEN 0 AND 120),
	diagnosis_icd10  TEXT NOT NULL
	    CHECK (diagnosis_icd10 GLOB '[A-Z][0-9][0-9]'
	        OR diagnosis_icd10 GLOB '[A-Z][0-9][0-9].[0-9]'
	        OR diagnosis_icd10 GLOB '[A-Z][0-9][0-9].[0-9][0-9]'),
	care_kk          TEXT NOT NULL,
	care_ru          TEXT NOT NULL,
	measures_kk      TEXT NOT NULL,
	measures_ru      TEXT NOT NULL,
	corrective_plan  TEXT NOT NULL CHECK (corrective_plan IN ('yes', 'no')),
	-- Derived: the quarter of the event and the diagnosis category.
	quarter          TEXT GENERATED ALWAYS AS (substr(occurred_at, 1, 4) || 'Q' ||
	                     ((CAST(substr(occurred_at, 6, 2) AS INTEGER) + 2) / 3)) STORED,
	diagnosis_category TEXT GENERATED ALWAYS AS (substr(diagnosis_icd10, 1, 3)) STORED
	    REFERENCES icd10_categories(code),
	-- The record's number within its quarter, the N of its public
	-- reference (2025Q1-I-0042).  Assigned once (regsite import, or the
	-- trigger below) and never changed, so references survive rebuilds,
	-- late additions and corrected resubmissions.
	public_no        INTEGER CHECK (public_no > 0),
	UNIQUE (source, source_ref),
	-- A text in at least one language: compared with '', not counted
	-- with length(), which decodes every character of every text (3.6%
	-- of a 20 000-row import's instructions).
	CHECK (circumstances_kk <> '' OR circumstances_ru <> ''),
	CHECK (anamnesis_kk <> '' OR anamnesis_ru <> ''),
	CHECK (care_kk <> '' OR care_ru <> ''),
	CHECK (measures_kk <> '' OR measures_ru <> ''),
	-- Reported in the quarter of the event or later: compared with the
	-- stored quarter, not with the expression again (0.13 s of CPU in
	-- a 200 000-row import).
	CHECK (reported_quarter >= quarter)
);

CREATE UNIQUE INDEX incidents_public ON incidents(quarter, public_no);
-- An import looks for the record it submits under another source (the
-- same source_ref and org_code) or another reference (the same values):
-- these indexes make that cost the submission's size, not the registry's.
CREATE INDEX incidents_ref ON incidents(source_ref, org_code);
CREATE INDEX incidents_content ON incidents(occurred_at, org_code, diagnosis_icd10);

-- A record inserted without a public number gets the next one.
CREATE TRIGGER incidents_number AFTER INSERT ON incidents
WHEN NEW.public_no IS NULL
BEGIN
	INSERT OR IGNORE INTO public_numbers (form, quarter, last_no)
	    VALUES ('incidents', NEW.quarter, 0);
	UPDATE public_numbers SET last_no = max(last_no,
	    (SELECT coalesce(max(public_no), 0) FROM incidents
	     WHERE quarter = NEW.quarter)) + 1
	WHERE form = 'incidents' AND quarter = NEW.quarter;
	UPDATE incidents SET public_no = (SELECT last_no FROM public_numbers
	    WHERE form = 'incidents' AND quarter = NEW.quarter)
	WHERE id = NEW.id;
END;

-- ---------------------------------------------------------------------
-- Form 2: insurance cases (Annex 2).

CREATE TABLE insurance_cases (
	id               INTEGER PRIMARY KEY,
	source           TEXT NOT NULL CHECK (length(source) > 0),
	source_ref       TEXT NOT NULL CHECK (length(source_ref) > 0),
	org_code         TEXT NOT NULL CHECK (length(org_code) > 0),
	region           TEXT NOT NULL REFERENCES regions(code),
	reported_quarter TEXT NOT NULL
	    CHECK (reported_quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
	occurred_at      TEXT NOT NULL
	    CHECK (occurred_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'
	        AND strftime('%Y-%m-%dT%H:%M', julianday(occurred_at)) = occurred_at
	        AND occurred_at >= '2024-10-23'),
	place_kk         TEXT NOT NULL,
	place_ru         TEXT NOT NULL,
	profile          TEXT NOT NULL REFERENCES profiles(code),
	sex              TEXT NOT NULL CHECK (sex IN ('M', 'F')),
	diagnosis_icd10  TEXT NOT NULL
	    CHECK (diagnosis_icd10 GLOB '[A-Z][0-9][0-9]'
	        OR diagnosis_icd10 GLOB '[A-Z][0-9][0-9].[0-9]'
	        OR diagnosis_icd10 GLOB '[A-Z][0-9][0-9].[0-9][0-9]'),
	insured          TEXT NOT NULL CHECK (insured IN ('yes', 'no')),
	anamnesis_kk     TEXT NOT NULL,
	anamnesis_ru     TEXT NOT NULL,
	harm             TEXT NOT NULL CHECK (harm IN ('iatrogenic', 'death')),
	disability       TEXT NOT NULL DEFAULT ''
	    CHECK ((harm = 'death' AND disability = '')
	        OR (harm = 'iatrogenic' AND disability IN ('none', 'I', 'II', 'III', 'child'))),
	circumstances_kk TEXT NOT NULL,
	circumstances_ru TEXT NOT NULL,
	care_kk          TEXT NOT NULL,
	care_ru          TEXT NOT NULL,
	measures_kk      TEXT NOT NULL,
	measures_ru      TEXT NOT NULL,
	quarter          TEXT GENERATED ALWAYS AS (substr(occurred_at, 1, 4) || 'Q' ||
	                     ((CAST(substr(occurred_at, 6, 2) AS INTEGER) + 2) / 3)) STORED,
	diagnosis_category TEXT GENERATED ALWAYS AS (substr(diagnosis_icd10, 1, 3)) STORED
	    REFERENCES icd10_categories(code),
	public_no        INTEGER CHECK (public_no > 0),
	UNIQUE (source, source_ref),
	CHECK (anamnesis_kk <> '' OR anamnesis_ru <> ''),
	CHECK (circumstances_kk <> '' OR circumstances_ru <> ''),
	CHECK (care_kk <> '' OR care_ru <> ''),
	CHECK (measures_kk <> '' OR measures_ru <> ''),
	-- Reported in the quarter of the event or later: compared with the
	-- stored quarter, not with the expression again (0.13 s of CPU in
	-- a 200 000-row import).
	CHECK (reported_quarter >= quarter)
);

CREATE UNIQUE INDEX insurance_cases_public ON insurance_cases(quarter, public_no);
CREATE INDEX insurance_cases_ref ON insurance_cases(source_ref, org_code);
CREATE INDEX insurance_cases_content ON insurance_cases(occurred_at, org_code, diagnosis_icd10);

-- A record inserted without a public number gets the next one.
CREATE TRIGGER insurance_cases_number AFTER INSERT ON insurance_cases
WHEN NEW.public_no IS NULL
BEGIN
	INSERT OR IGNORE INTO public_numbers (form, quarter, last_no)
	    VALUES ('insurance', NEW.quarter, 0);
	UPDATE public_numbers SET last_no = max(last_no,
	    (SELECT coalesce(max(public_no), 0) FROM insurance_cases
	     WHERE quarter = NEW.quarter)) + 1
	WHERE form = 'insurance' AND quarter = NEW.quarter;
	UPDATE insurance_cases SET public_no = (SELECT last_no FROM public_numbers
	    WHERE form = 'insurance' AND quarter = NEW.quarter)
	WHERE id = NEW.id;
END;

-- ---------------------------------------------------------------------
-- Dictionary contents.

INSERT INTO regions (code, name_kk, name_ru, sort) VALUES
	('KZ-71', 'Астана қаласы', 'город Астана', 1),
	('KZ-75', 'Алматы қаласы', 'город Алматы', 2),
	('KZ-79', 'Шымкент қаласы', 'город Шымкент', 3),
	('KZ-10', 'Абай облысы', 'область Абай', 4),
	('KZ-11', 'Ақмола облысы', 'Акмолинская область', 5),
	('KZ-15', 'Ақтөбе облысы', 'Актюбинская область', 6),
	('KZ-19', 'Алматы облысы', 'Алматинская область', 7),
	('KZ-23', 'Атырау облысы', 'Атырауская область', 8),
	('KZ-27', 'Батыс Қазақстан облысы', 'Западно-Казахстанская область', 9),
	('KZ-31', 'Жамбыл облысы', 'Жамбылская область', 10),
	('KZ-33', 'Жетісу облысы', 'область Жетісу', 11),
	('KZ-35', 'Қарағанды облысы', 'Карагандинская область', 12),
	('KZ-39', 'Қостанай облысы', 'Костанайская область', 13),
	('KZ-43', 'Қызылорда облысы', 'Кызылординская область', 14),
	('KZ-47', 'Маңғыстау облысы', 'Мангистауская область', 15),
	('KZ-55', 'Павлодар облысы', 'Павлодарская область', 16),
	('KZ-59', 'Солтүстік Қазақстан облысы', 'Северо-Казахстанская область', 17),
	('KZ-61', 'Түркістан облысы', 'Туркестанская область', 18),
	('KZ-62', 'Ұлытау облысы', 'область Ұлытау', 19),
	('KZ-63', 'Шығыс Қазақстан облысы', 'Восточно-Казахстанская область', 20);

INSERT INTO profile_groups (code, name_kk, name_ru, sort) VALUES
	('therapeutic', 'Терапиялық бейін', 'Терапевтический профиль', 1),
	('surgical', 'Хирургиялық бейін', 'Хирургический профиль', 2),
	('pediatric', 'Педиатриялық бейін', 'Педиатрический профиль', 3),
	('obstetric', 'Акушерлік-гинекологиялық бейін', 'Акушерско-гинекологический профиль', 4);

-- Specialties in the order of the Rules for specialized medical care
-- (seed 002, p.3).  A specialty listed under two groups has one code per
-- group (toxicology, neonatology, medical genetics).
INSERT INTO profiles (code, grp, name_kk, name_ru, sort) VALUES
	('therapy', 'therapeutic', 'Терапия', 'Терапия', 101),
	('allergology', 'therapeutic', 'Аллергология', 'Аллергология', 102),
	('gastroenterology', 'therapeutic', 'Гастроэнтерология', 'Гастроэнтерология', 103),
	('hematology', 'therapeutic', 'Гематология', 'Гематология', 104),
	('nephrology', 'therapeutic', 'Нефрология', 'Нефрология', 105),
	('cardiology', 'therapeutic', 'Кардиология', 'Кардиология', 106),
	('cardiorheumatology', 'therapeutic', 'Кардиоревматология', 'Кардиоревматология', 107),
	('pulmonology', 'therapeutic', 'Пульмонология', 'Пульмонология', 108),
	('endocrinology', 'therapeutic', 'Эндокринология', 'Эндокринология', 109),
	('psychiatry', 'therapeutic', 'Психиатрия', 'Психиатрия', 110),
	('psychotherapy', 'therapeutic', 'Психотерапия', 'Психотерапия', 111),
	('medical-psychology', 'therapeutic', 'Медициналық психология', 'Медицинская психология', 112),
	('neurology', 'therapeutic', 'Неврология', 'Неврология', 113),
	('therapeutic-dentistry', 'therapeutic', 'Терапиялық стоматология', 'Терапевтическая стоматология', 114),
	('sexopathology', 'therapeutic', 'Сексопатология', 'Сексопатология', 115),
	('rehabilitation', 'therapeutic', 'Реабилитология', 'Реабилитология', 116),
	('occupational-pathology', 'therapeutic', 'Кәсіби патология', 'Профессиональная патология', 117),
	('occupational-therapy', 'therapeutic', 'Еңбек терапиясы', 'Трудотерапия', 118),
	('narcology', 'therapeutic', 'Наркология', 'Наркология', 119),
	('phthisiology', 'therapeutic', 'Фтизиатрия', 'Фтизиатрия', 120),
	('gerontology', 'therapeutic', 'Геронтология-гериатрия', 'Геронтология и гериатрия', 121),
	('hirudotherapy', 'therapeutic', 'Гирудотерапия', 'Гирудотерапия', 122),
	('toxicology', 'therapeutic', 'Токсикология', 'Токсикология', 123),
	('exercise-therapy', 'therapeutic', 'Емдік дене шынықтыру', 'Лечебная физкультура', 124),
	('dietology', 'therapeutic', 'Диетология', 'Диетология', 125),
	('radiology', 'therapeutic', 'Рентгенология', 'Рентгенология', 126),
	('su-jok-therapy', 'therapeutic', 'Су-джок терапия', 'Су-джок терапия', 127),
	('manual-therapy', 'therapeutic', 'Мануальдық терапия', 'Мануальная терапия', 128),
	('reflexology', 'therapeutic', 'Рефлексотерапия', 'Рефлексотерапия', 129),
	('homeopathy', 'therapeutic', 'Гомеопатия', 'Гомеопатия', 130),
	('dermatovenereology', 'therapeutic', 'Дермато-венерология', 'Дерматовенерология', 131),
	('dermatocosmetology', 'therapeutic', 'Дермато-косметология', 'Дерматокосметология', 132),
	('infectious-diseases', 'therapeutic', 'Инфекциялық аурулар', 'Инфекционные болезни', 133),
	('immunology', 'therapeutic', 'Иммунология', 'Иммунология', 134),
	('leprology', 'therapeutic', 'Лепрология', 'Лепрология', 135),
	('surgery', 'surgical', 'Хирургия', 'Хирургия', 201),
	('cardiac-surgery', 'surgical', 'Кардиохирургия', 'Кардиохирургия', 202),
	('neurosurgery', 'surgical', 'Нейрохирургия', 'Нейрохирургия', 203),
	('endoscopy', 'surgical', 'Эндоскопия', 'Эндоскопия', 204),
	('oncology', 'surgical', 'Онкология', 'Онкология', 205),
	('traumatology', 'surgical', 'Травматология және ортопедия', 'Травматология и ортопедия', 206),
	('combustiology', 'surgical', 'Комбустиология', 'Комбустиология', 207),
	('urology', 'surgical', 'Урология', 'Урология', 208),
	('andrology', 'surgical', 'Андрология', 'Андрология', 209),
	('otorhinolaryngology', 'surgical', 'Оториноларингология', 'Оториноларингология', 210),
	('ophthalmology', 'surgical', 'Офтальмология', 'Офтальмология', 211),
	('proctology', 'surgical', 'Проктология', 'Проктология', 212),
	('mammology', 'surgical', 'Маммология', 'Маммология', 213),
	('surgical-dentistry', 'surgical', 'Хирургиялық стоматология', 'Хирургическая стоматология', 214),
	('orthodontics', 'surgical', 'Ортодонтиялық стоматология', 'Ортодонтическая стоматология', 215),
	('orthopedic-dentistry', 'surgical', 'Ортопедиялық стоматология', 'Ортопедическая стоматология', 216),
	('maxillofacial-surgery', 'surgical', 'Жақ-бет хирургиясы', 'Челюстно-лицевая хирургия', 217),
	('transplantology', 'surgical', 'Трансплантология', 'Трансплантология', 218),
	('extracorporeal-detoxification', 'surgical', 'Экстракорпоралдық детоксикация', 'Экстракорпоральная детоксикация', 219),
	('hyperbaric-oxygenation', 'surgical', 'Гипербариялық оксигенация', 'Гипербарическая оксигенация', 220),
	('surgical-toxicology', 'surgical', 'Токсикология', 'Токсикология', 221),
	('anesthesiology', 'surgical', 'Анестезиология-реаниматология', 'Анестезиология и реаниматология', 222),
	('pediatrics', 'pediatric', 'Педиатрия', 'Педиатрия', 301),
	('phthisiopediatrics', 'pediatric', 'Фтизиопедиатрия', 'Фтизиопедиатрия', 302),
	('pediatric-anesthesiology', 'pediatric', 'Балалар анестезиологиясы және реаниматологиясы', 'Детская анестезиология и реаниматология', 303),
	('pediatric-surgery', 'pediatric', 'Балалар хирургиясы', 'Детская хирургия', 304),
	('pediatric-neurosurgery', 'pediatric', 'Балалар нейрохирургиясы', 'Детская нейрохирургия', 305),
	('pediatric-endoscopy', 'pediatric', 'Балалар эндоскопиясы', 'Детская эндоскопия', 306),
	('pediatric-traumatology', 'pediatric', 'Балалар травматологиясы және ортопедиясы', 'Детская травматология и ортопедия', 307),
	('pediatric-combustiology', 'pediatric', 'Балалар комбустиологиясы', 'Детская комбустиология', 308),
	('pediatric-transplantology', 'pediatric', 'Балалар трансплантологиясы', 'Детская трансплантология', 309),
	('pediatric-extracorporeal-detoxification', 'pediatric', 'Балалар экстракорпоралдық детоксикациясы', 'Детская экстракорпоральная детоксикация', 310),
	('pediatric-allergology', 'pediatric', 'Балалар аллергологиясы', 'Детская аллергология', 311),
	('medical-genetics', 'pediatric', 'Медициналық генетика', 'Медицинская генетика', 312),
	('pediatric-cardiorheumatology', 'pediatric', 'Балалар кардиоревматологиясы', 'Детская кардиоревматология', 313),
	('pediatric-infectious-diseases', 'pediatric', 'Балалардағы жұқпалы аурулар', 'Детские инфекционные болезни', 314),
	('pediatric-immunology', 'pediatric', 'Балалар иммунологиясы', 'Детская иммунология', 315),
	('pediatric-oncology', 'pediatric', 'Балалар онкологиясы', 'Детская онкология', 316),
	('pediatric-oncohematology', 'pediatric', 'Балалар онкогематологиясы', 'Детская онкогематология', 317),
	('pediatric-neurology', 'pediatric', 'Балалар неврологиясы', 'Детская неврология', 318),
	('pediatric-nephrology', 'pediatric', 'Балалар нефрологиясы', 'Детская нефрология', 319),
	('pediatric-endocrinology', 'pediatric', 'Балалар эндокринологиясы', 'Детская эндокринология', 320),
	('pediatric-psychiatry', 'pediatric', 'Балалар психиатриясы', 'Детская психиатрия', 321),
	('pediatric-psychotherapy', 'pediatric', 'Балалар психотерапиясы', 'Детская психотерапия', 322),
	('pediatric-toxicology', 'pediatric', 'Балалар токсикологиясы', 'Детская токсикология', 323),
	('pediatric-hyperbaric-oxygenation', 'pediatric', 'Балалар гипербариялық оксигенациясы', 'Детская гипербарическая оксигенация', 324),
	('pediatric-pulmonology', 'pediatric', 'Балалар пульмонологиясы', 'Детская пульмонология', 325),
	('pediatric-gastroenterology', 'pediatric', 'Балалар гастроэнтерологиясы', 'Детская гастроэнтерология', 326),
	('pediatric-otorhinolaryngology', 'pediatric', 'Балалар оториноларингологиясы', 'Детская оториноларингология', 327),
	('pediatric-ophthalmology', 'pediatric', 'Балалар офтальмологиясы', 'Детская офтальмология', 328),
	('pediatric-dentistry', 'pediatric', 'Балалар стоматологиясы (ортопедия мен ортодонтияны қоса алғанда)', 'Детская стоматология (включая ортопедию и ортодонтию)', 329),
	('pediatric-maxillofacial-surgery', 'pediatric', 'Балалар жақ-бет хирургиясы', 'Детская челюстно-лицевая хирургия', 330),
	('pediatric-urology', 'pediatric', 'Балалар урологиясы', 'Детская урология', 331),
	('pediatric-gynecology', 'pediatric', 'Балалар және жасөспірімдер гинекологиясы', 'Гинекология детей и подростков', 332),
	('pediatric-dermatovenereology', 'pediatric', 'Балалар дермато-венерологиясы', 'Детская дерматовенерология', 333),
	('adolescent-narcology', 'pediatric', 'Жасөспірімдер наркологиясы', 'Подростковая наркология', 334),
	('adolescent-therapy', 'pediatric', 'Жасөспірімдер терапиясы', 'Подростковая терапия', 335),
	('pediatric-rehabilitation', 'pediatric', 'Балалар реабилитологиясы', 'Детская реабилитология', 336),
	('neonatology', 'pediatric', 'Неонатология', 'Неонатология', 337),
	('gynecology', 'obstetric', 'Гинекология', 'Гинекология', 401),
	('obstetrics', 'obstetric', 'Акушерлік', 'Акушерство', 402),
	('obstetric-neonatology', 'obstetric', 'Неонатология', 'Неонатология', 403),
	('obstetric-medical-genetics', 'obstetric', 'Медициналық генетика', 'Медицинская генетика', 404),
	('reproductive-technologies', 'obstetric', 'Жоғары репродуктивті технологиялар', 'Вспомогательные репродуктивные технологии', 405);

INSERT INTO icd10_chapters (code, first, last, name_kk, name_ru, sort) VALUES
	('I', 'A00', 'B99', 'Кейбір жұқпалы және паразиттік аурулар', 'Некоторые инфекционные и паразитарные болезни', 1),
	('II', 'C00', 'D48', 'Ісіктер', 'Новообразования', 2),
	('III', 'D50', 'D89', 'Қан және қан түзу ағзаларының аурулары, иммундық бұзылулар', 'Болезни крови, кроветворных органов и отдельные нарушения с вовлечением иммунного механизма', 3),
	('IV', 'E00', 'E90', 'Эндокриндік жүйе аурулары, тамақтану және зат алмасу бұзылулары', 'Болезни эндокринной системы, расстройства питания и нарушения обмена веществ', 4),
	('V', 'F00', 'F99', 'Психикалық және мінез-құлықтық бұзылулар', 'Психические расстройства и расстройства поведения', 5),
	('VI', 'G00', 'G99', 'Жүйке жүйесінің аурулары', 'Болезни нервной системы', 6),
	('VII', 'H00', 'H59', 'Көз және оның қосалқы аппаратының аурулары', 'Болезни глаза и его придаточного аппарата', 7),
	('VIII', 'H60', 'H95', 'Құлақ және емізік тәрізді өсінді аурулары', 'Болезни уха и сосцевидного отростка', 8),
	('IX', 'I00', 'I99', 'Қанайналым жүйесінің аурулары', 'Болезни системы кровообращения', 9),
	('X', 'J00', 'J99', 'Тыныс алу ағзаларының аурулары', 'Болезни органов дыхания', 10),
	('XI', 'K00', 'K93', 'Ас қорыту ағзаларының аурулары', 'Болезни органов пищеварения', 11),
	('XII', 'L00', 'L99', 'Тері және тері асты шелінің аурулары', 'Болезни кожи и подкожной клетчатки', 12),
	('XIII', 'M00', 'M99', 'Сүйек-бұлшықет жүйесі мен дәнекер тінінің аурулары', 'Болезни костно-мышечной системы и соединительной ткани', 13),
	('XIV', 'N00', 'N99', 'Несеп-жыныс жүйесінің аурулары', 'Болезни мочеполовой системы', 14),
	('XV', 'O00', 'O99', 'Жүктілік, босану және босанудан кейінгі кезең', 'Беременность, роды и послеродовой период', 15),
	('XVI', 'P00', 'P96', 'Перинаталдық кезеңде туындайтын жекелеген жай-күйлер', 'Отдельные состояния, возникающие в перинатальном периоде', 16),
	('XVII', 'Q00', 'Q99', 'Туа біткен ауытқулар, деформациялар және хромосомдық бұзылулар', 'Врожденные аномалии, деформации и хромосомные нарушения', 17),
	('XVIII', 'R00', 'R99', 'Басқа айдарларда жіктелмеген симптомдар, белгілер және ауытқулар', 'Симптомы, признаки и отклонения от нормы, не классифицированные в других рубриках', 18),
	('XIX', 'S00', 'T98', 'Жарақаттар, уланулар және сыртқы себептердің басқа салдарлары', 'Травмы, отравления и некоторые другие последствия воздействия внешних причин', 19),
	('XX', 'V01', 'Y98', 'Аурушаңдық пен өлімнің сыртқы себептері', 'Внешние причины заболеваемости и смертности', 20),
	('XXI', 'Z00', 'Z99', 'Денсаулық жағдайына әсер ететін факторлар', 'Факторы, влияющие на состояние здоровья и обращения в учреждения здравоохранения', 21),
	('XXII', 'U00', 'U85', 'Арнайы мақсаттарға арналған кодтар', 'Коды для особых целей', 22);

INSERT INTO icd10_categories (code, chapter)
WITH RECURSIVE
	letters(l) AS (SELECT 65 UNION ALL SELECT l + 1 FROM letters WHERE l < 90),
	nums(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM nums WHERE n < 99),
	codes(code) AS (SELECT char(l) || printf('%02d', n) FROM letters, nums)
SELECT code, (SELECT c.code FROM icd10_chapters c
    WHERE codes.code BETWEEN c.first AND c.last)
FROM codes
WHERE EXISTS (SELECT 1 FROM icd10_chapters c
    WHERE codes.code BETWEEN c.first AND c.last)
ORDER BY code;

-- ---------------------------------------------------------------------
-- What published releases showed.  regsite build records it (the
-- privacy stage reads it back), so that a row, once published, keeps
-- its values and its number in every later release, whatever directory
-- the site is built into.  Per privacy policy (its fingerprint), since
-- a site built with another policy is anonymized on its own.  Never
-- published.

CREATE TABLE releases (
	policy  TEXT NOT NULL,
	release TEXT NOT NULL CHECK (release GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
	builds  INTEGER NOT NULL DEFAULT 1,
	PRIMARY KEY (policy, release)
);

CREATE TABLE published (
	policy     TEXT NOT NULL,
	form       TEXT NOT NULL CHECK (form IN ('incidents', 'insurance')),
	quarter    TEXT NOT NULL,	-- the table it is in
	no         INTEGER NOT NULL CHECK (no > 0),	-- its public number
	source     TEXT NOT NULL,	-- the record it publishes
	source_ref TEXT NOT NULL,
	release    TEXT NOT NULL,	-- the release that first published it
	month      TEXT NOT NULL,	-- the row's values ("*": hidden)
	sex        TEXT NOT NULL,
	age        TEXT NOT NULL,
	dx         TEXT NOT NULL,
	profile    TEXT NOT NULL,
	withheld   INTEGER NOT NULL DEFAULT 0,	-- narratives withheld
	outcome    TEXT NOT NULL,
	region     TEXT NOT NULL,	-- the true region, for the regional
					-- tables (which keep counting it)
	stats_col  TEXT,		-- its column there; NULL: not yet
	withdrawn  TEXT,		-- the release it disappeared in
	PRIMARY KEY (policy, form, quarter, no)
);

CREATE INDEX published_record ON published(policy, form, source, source_ref);

-- Records that a release could not yet publish safely (too few like
-- them in their quarter); later releases try again.
CREATE TABLE deferred (
	policy     TEXT NOT NULL,
	form       TEXT NOT NULL CHECK (form IN ('incidents', 'insurance')),
	quarter    TEXT NOT NULL,
	source     TEXT NOT NULL,
	source_ref TEXT NOT NULL,
	release    TEXT NOT NULL,
	PRIMARY KEY (policy, form, quarter, source, source_ref)
);

-- Secrets of the privacy stage: the key that orders public numbers.
CREATE TABLE privacy_state (
	name  TEXT PRIMARY KEY,
	value BLOB NOT NULL
);

PRAGMA user_version = 3;
