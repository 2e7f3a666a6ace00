# t_import_schema.sh -- what regsite import accepts, the schema accepts.
#
# Import writes its checked rows with the schema's CHECK constraints and
# foreign keys off (rules.c checked every value against stricter rules
# and the code lists).  So, as a property: a valid row with one value
# changed to an edge case, imported as a new record and as a change of
# an existing one, is either refused, or leaves a registry whose PRAGMA
# integrity_check (which evaluates the CHECKs) and foreign_key_check
# are clean.  Both outcomes must occur, or the property says nothing.
# Each value goes into a new registry, beside a record, and over it.
. "$TOP/tests/lib.sh"
cd "$WORK" || exit 1

inc_head=source_ref,org_code,region,occurred_at,category,consequence,\
circumstances_kk,circumstances_ru,profile,anamnesis_kk,anamnesis_ru,\
trigger,sex,age_years,diagnosis_icd10,care_kk,care_ru,measures_kk,\
measures_ru,corrective_plan
inc_row="P-1,ORG-1,KZ-75,2025-02-02T01:01,clinical,with,Құлады,Упал,\
surgery,Анамнез,Анамнез,yes,M,67,K80.2,Көмек,Помощь,Шаралар,Меры,yes"
ins_head=source_ref,org_code,region,occurred_at,place_kk,place_ru,\
profile,sex,diagnosis_icd10,insured,anamnesis_kk,anamnesis_ru,harm,\
disability,circumstances_kk,circumstances_ru,care_kk,care_ru,\
measures_kk,measures_ru
ins_row="P-1,ORG-1,KZ-75,2025-02-02T01:01,Аурухана,Больница,surgery,F,\
K35.8,yes,Анамнез,Анамнез,iatrogenic,II,Жағдай,Обстоятельства,Көмек,\
Помощь,Шаралар,Меры"

# Edge values by column name (one per line: "column<TAB>value").
edges='source_ref	P-2
source_ref	 
org_code	ORG-2
org_code	ORG 2
region	KZ-71
region	KZ-99
region	kz-75
occurred_at	2024-10-23T00:00
occurred_at	2024-10-22T23:59
occurred_at	2025-03-31T23:59
occurred_at	2025-04-01T00:00
occurred_at	2025-02-29T10:00
occurred_at	2024-02-29T10:00
occurred_at	2025-01-09 03:40
occurred_at	2025-01-09T03:40:59
occurred_at	2025-01-09T24:00
occurred_at	2025-01-09T23:60
occurred_at	2025-13-01T00:00
occurred_at	2025-1-9T03:40
occurred_at	2025-01-09
category	corporate
category	Clinical
consequence	without
consequence	maybe
circumstances_kk	
circumstances_ru	
place_kk	
place_ru	
anamnesis_kk	
care_ru	
measures_kk	
measures_ru	
profile	therapy
profile	nosuch
trigger	no
trigger	1
sex	F
sex	M
sex	m
sex	X
age_years	0
age_years	120
age_years	121
age_years	-1
age_years	12.5
age_years	007
age_years	+5
age_years	1e2
age_years	
diagnosis_icd10	K80
diagnosis_icd10	K80.21
diagnosis_icd10	K80.211
diagnosis_icd10	k80.2
diagnosis_icd10	K8
diagnosis_icd10	K80.
diagnosis_icd10	U07.1
diagnosis_icd10	Z99
diagnosis_icd10	K96.1
corrective_plan	no
corrective_plan	yes 
insured	no
insured	unknown
harm	death
harm	other
disability	none
disability	I
disability	III
disability	child
disability	IV
disability	'

# row HEAD ROW COLUMN VALUE: ROW with COLUMN's value replaced.
row() {
	printf '%s\n' "$2" | awk -F, -v OFS=, -v head="$1" -v col="$3" \
	    -v val="$4" '{
		n = split(head, h, ",")
		for (i = 1; i <= n; i++)
			if (h[i] == col)
				$i = val
		print
	}'
}

for form in incidents insurance; do
	if [ $form = incidents ]; then
		head=$inc_head base=$inc_row form_table=incidents
	else
		head=$ins_head base=$ins_row form_table=insurance_cases
	fi
	printf '%s\n%s\n' "$head" "$base" >base.csv
	rm -f t-$form.db*
	if ! "$REGSITE" import --lang en --db t-$form.db --form $form \
	    --quarter 2025Q1 --source p base.csv >out 2>err; then
		fail "$form: the valid row is imported"
		cat err
		continue
	fi
	# A registry without records, as a copy (creating one costs more).
	cp t-$form.db e-$form.db
	sqlite3 e-$form.db "DELETE FROM $form_table; DELETE FROM submissions;
	    DELETE FROM public_numbers" || fail "$form: emptying a registry"
	printf '%s\n' "$edges" | while IFS='	' read -r col val; do
		case ",$head," in
		*",$col,"*) ;;
		*) continue ;;
		esac
		for how in fresh new change; do
			rm -f x.db*
			# fresh: into a new registry (the bulk load, its
			# indexes made again); new: beside a record.
			if [ $how = fresh ]; then
				cp e-$form.db x.db
			else
				cp t-$form.db x.db
			fi
			if [ $how != change ]; then
				# Another submission, a new reference.
				row "$head" "$base" source_ref P-9 >r0
				src=q
			else
				printf '%s\n' "$base" >r0
				src=p
			fi
			{ printf '%s\n' "$head"; row "$head" "$(cat r0)" \
			    "$col" "$val"; } >x.csv
			if "$REGSITE" import --lang en --db x.db --form $form \
			    --quarter 2025Q1 --source $src --allow-duplicates \
			    x.csv >out 2>err; then
				ic=$(sqlite3 x.db 'PRAGMA integrity_check;
				    PRAGMA foreign_key_check' 2>&1)
				if [ "$ic" = ok ]; then
					echo accepted >>tally
				else
					fail "$form, $how record, $col = '$val': accepted, but the schema says: $ic"
					echo bad >>tally
				fi
			else
				echo refused >>tally
			fi
		done
	done
done
: >>tally
accepted=$(grep -c '^accepted$' tally)
refused=$(grep -c '^refused$' tally)
bad=$(grep -c '^bad$' tally)
check_sh "every edge value import accepts, the schema accepts ($accepted accepted, $refused refused, $bad not)" \
    '[ "$bad" -eq 0 ] && [ "$accepted" -ge 100 ] && [ "$refused" -ge 100 ]'
