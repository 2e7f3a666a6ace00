# gen-incidents.awk -- a Form 1 submission of n rows (awk -v n=N
# [-v from=FIRST] [-v bad=1]) with realistic field sizes (about 650
# bytes a row), for tests/bench.sh and the large-file tests.  Rows are
# numbered from `from` (default 1); with bad=1 the last row has an age
# of 130.
BEGIN {
	OFS = ","
	if (from == "")
		from = 1
	split("KZ-71 KZ-75 KZ-79 KZ-10 KZ-11 KZ-15 KZ-19 KZ-23 KZ-27 " \
	    "KZ-31 KZ-33 KZ-35 KZ-39 KZ-43 KZ-47 KZ-55 KZ-59 KZ-61 " \
	    "KZ-62 KZ-63", reg, " ")
	split("therapy surgery cardiology obstetrics pediatrics " \
	    "neurology traumatology oncology anesthesiology " \
	    "gynecology", prof, " ")
	split("K35.8 I21.0 O72.1 J18.9 S72.0 E11.9 C50.4 I63.5 " \
	    "K80.1 P07.3", icd, " ")
	print "source_ref,org_code,region,occurred_at,category," \
	    "consequence,circumstances_kk,circumstances_ru,profile," \
	    "anamnesis_kk,anamnesis_ru,trigger,sex,age_years," \
	    "diagnosis_icd10,care_kk,care_ru,measures_kk," \
	    "measures_ru,corrective_plan"
	for (i = from; i < from + n; i++) {
		m = i % 3 + 1; d = i % 28 + 1; h = i % 24; mi = i % 60
		age = (bad && i == from + n - 1) ? 130 : i % 100
		print sprintf("GEN-%07d", i), "ORG-" i % 97, reg[i % 20 + 1],
		    sprintf("2025-%02d-%02dT%02d:%02d", m, d, h, mi),
		    (i % 5 ? "clinical" : "corporate"),
		    (i % 3 ? "with" : "without"),
		    "\"Пациент түнде төсектен құлады, жақтаулар көтерілмеген (" i ").\"",
		    "\"Пациент упал с кровати ночью, ограждения не подняты (" i ").\"",
		    prof[i % 10 + 1],
		    "\"Қант диабеті, гипертензия.\"",
		    "\"Сахарный диабет, гипертензия.\"",
		    (i % 2 ? "yes" : "no"), (i % 2 ? "M" : "F"), age,
		    icd[i % 10 + 1],
		    "\"Тексерілді, КТ жасалды.\"", "\"Осмотрен, выполнена КТ.\"",
		    "\"Чек-парақ енгізілді, қызметкерлер оқытылды.\"",
		    "\"Введён чек-лист, персонал обучен.\"",
		    (i % 4 ? "yes" : "no")
	}
}
