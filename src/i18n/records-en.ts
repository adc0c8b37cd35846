/**
 * The records module's messages (a row or file refused or warned about), English: i18next
 * namespace `records` of the one catalog (src/i18n/catalog.ts). Keys are the issue codes of
 * src/core/records/messages.ts (`code_context` where a code has several sentences: i18next's
 * `context`, which `say` puts in the params); the parameters are named there (`say`). Formats: `{{x}}` shows a date, time or number in the
 * language's form; `{{x, raw}}` as written (a value the user typed); `{{k, kind}}`, `{{k, hint}}`,
 * `{{k, units}}` a record kind, what to write for it, and its accepted units (the keys below);
 * `{{n, lineref}}` `, line n` (nothing without a line), `{{n, linelabel}}` `line n` (with the param
 * `entries`, a FHIR Bundle's rows: `entry n`). Rendered with the code's params, these
 * give the records module's English text exactly (tested word for word in test/core/records).
 */
const recordsEn = {
  file_not_text_zip: 'not a text file (it is a zip archive, such as an Excel .xlsx workbook: save it as "CSV UTF-8")',
  file_not_text_pdf: 'not a text file (it is a PDF document)',
  file_not_text_nul: 'not a text file (it contains NUL bytes: binary data or UTF-16 text; save it as "CSV UTF-8")',
  file_not_text_control: 'not a text file (it contains {{count, raw}} control characters in its first {{of, raw}} characters: binary data)',
  file_not_text_other: 'not a text file ({{why, raw}})',
  file_empty: 'the file is empty: expected a header line such as patient_id,drug,kind,time,value,unit',
  file_encoding: 'some characters are not valid UTF-8 (shown as \uFFFD): save the file as "CSV UTF-8"',
  file_no_rows: 'no data rows after the header',
  header_missing: 'no header line: the first line must name the columns patient_id, drug, kind, time, value, unit (found "{{found, raw}}")',
  column_missing: 'required column "{{name, raw}}" is missing: the header must name patient_id, drug, kind, time, value and unit',
  column_duplicate: 'column "{{name, raw}}" appears more than once: each column may appear once',
  column_unknown: 'unknown column "{{name, raw}}" is kept on export and otherwise ignored',
  csv_quotes_unclosed: 'a quoted field is not closed: the rest of the file was read as one field; close the " (write "" for a quote inside a quoted field)',
  csv_quotes: 'the quoting of this line cannot be read ({{detail, raw}}); write "" for a quote inside a quoted field',
  row_fields: 'the line has {{got, raw}} fields but the header has {{expected, raw}}: a value containing "{{separator, raw}}" must be in double quotes',
  patient_id_empty: "patient_id is empty: every row needs the patient's pseudonymous id",
  patient_id_line_break: 'patient_id must not contain a line break',
  drug_unknown: 'drug "{{value, raw}}" is not known: use natalizumab or ocrelizumab',
  drug_empty: 'drug is empty: use natalizumab or ocrelizumab',
  drug_mismatch: 'drug "{{value, raw}}" differs from this patient\'s drug {{drug, raw}} ({{line, linelabel}}): one patient_id takes one drug; give the other drug\'s rows another patient_id',
  kind_unknown: 'kind "{{value, raw}}" is not known: use dose, level, bcell, weight or wearing_off',
  kind_empty: 'kind is empty: use dose, level, bcell, weight or wearing_off',
  kind_unused_level: 'a level row for an {{drug, raw}} patient is kept but not used: the {{drug, raw}} forecast reads bcell counts',
  kind_unused_bcell: 'a bcell row for a {{drug, raw}} patient is kept but not used: the {{drug, raw}} model reads levels',
  time_invalid: 'time "{{value, raw}}" is not a valid date: $t(records:hints.time)',
  time_empty: 'time is empty: $t(records:hints.time)',
  value_empty: 'value for a {{kind, kind}} is empty: {{kind, hint}}',
  value_not_number: 'value "{{value, raw}}" for a {{kind, kind}} is not a number: {{kind, hint}}',
  value_ambiguous: 'value "{{value, raw}}" for a {{kind, kind}} is ambiguous: in a ;-separated file the decimal mark is "," and "." may separate thousands; write {{comma, raw}} or {{plain, raw}} without thousands separators',
  value_negative_measured: 'value "{{value, raw}}" for a {{kind, kind}} must be 0 or more',
  value_negative_other: 'value "{{value, raw}}" for a {{kind, kind}} must be more than 0',
  value_score: 'value "{{value, raw}}" for a wearing_off is not an intensity: $t(records:hints.wearing_off)',
  value_zero: 'value "{{value, raw}}" for a {{kind, kind}} must be more than 0',
  value_zero_level: 'value "{{value, raw}}" for a level must be more than 0, or written as <x for a result below the lab\'s limit x (e.g. <1)',
  value_censored_not_allowed: 'value "{{value, raw}}" for a {{kind, kind}} cannot be written as <x: only a level or bcell result can be below a lab\'s limit',
  value_censored_limit: 'value "{{value, raw}}" for a {{kind, kind}}: the limit after < must be more than 0',
  unit_unknown: 'unit "{{value, raw}}" is not accepted for a {{kind, kind}}: use {{kind, units}}',
  unit_empty: 'unit is empty: a {{kind, kind}} needs {{kind, units}}',
  route_unknown: 'route "{{value, raw}}" is not known: use iv or sc (or leave it empty for iv)',
  route_ignored: 'route "{{value, raw}}" is only read for doses: ignored on a {{kind, kind}} row',
  duration_invalid: 'duration_min "{{value, raw}}" must be a number of minutes from 0 to 1440 (or empty for the default)',
  duration_ignored: 'duration_min "{{value, raw}}" is only read for doses: ignored on a {{kind, kind}} row',
  sample_unknown: 'sample "{{value, raw}}" is not known: use venous or capillary (or leave it empty for venous)',
  sample_ignored: 'sample "{{value, raw}}" is only read for levels: ignored on a {{kind, kind}} row',
  dose_duplicate: 'a second dose at {{time}} for this patient (the first is on {{first, linelabel}}): two doses cannot start at the same time; remove the duplicate or correct the time',
  dose_unusual_natalizumab: 'natalizumab dose of {{mg}} mg is far from the usual 300 mg (expected 150-450 mg): used as written; check it',
  dose_unusual_ocrelizumab: 'ocrelizumab dose of {{mg}} mg is outside the usual 300-600 mg: used as written; check it',
  weight_unusual: 'weight of {{kg}} kg is outside {{min}}–{{max}} kg, the range the natalizumab model was built on: used as written; predictions are extrapolated',
  weight_implausible: "weight of {{kg}} kg is not an adult's weight: write the weight in kg, from {{min}} to {{max}}",
  level_implausible_ng: 'value "{{value, raw}}" ng/mL for a level is higher than any natalizumab dose can give (at most {{max}} µg/mL = {{maxNg}} ng/mL): check the value',
  level_implausible_other: 'value "{{value, raw}}" {{unit, raw}} for a level is higher than any natalizumab dose can give (at most {{max}} µg/mL): the value may be in ng/mL; if so, choose the unit ng/mL ({{value, raw}} ng/mL = {{converted}} µg/mL)',
  bcell_implausible_giga: 'value "{{value, raw}}" 10^9/L for a bcell is more B cells than blood holds (at most {{max}} cells/µL = {{maxGiga}} × 10^9/L): the value may be in cells/µL; if so, choose the unit cells/uL ({{value, raw}} cells/µL = {{converted}} × 10^9/L)',
  bcell_implausible_other: 'value "{{value, raw}}" {{unit, raw}} for a bcell is more B cells than blood holds (at most {{max}} cells/µL): check the value',
  value_grouping: 'value "{{value, raw}}" for a {{kind, kind}} is ambiguous: "{{mark, raw}}" may separate thousands or be a decimal mark; write {{plain, raw}} (without a thousands separator) or {{decimal, raw}} (if "{{mark, raw}}" was the decimal mark)',
  time_years: 'time "{{value}}" is not in the years {{min, raw}}–{{max, raw}} a record can hold: check the year',
  time_future: 'time "{{value}}" is after today ({{today}}): the record holds what happened; a planned dose or lab belongs in the proposal',
  doses_close: '{{drug, raw}} dose on {{time}} is only {{days}} days after the previous one ({{previous}}{{previousLine, lineref}}): used as written; check the dates',
  sample_duplicate_levels: 'two levels at {{time}}{{otherLine, otherline}} with different values: both are used; check whether one is a mistake',
  sample_duplicate_bcells: 'two B-cell counts at {{time}}{{otherLine, otherline}} with different values: both are used; check whether one is a mistake',
  level_before_dose: "level on {{time}} is dated before this patient's first natalizumab dose ({{dose}}{{doseLine, lineref}}): check the date, or add the earlier doses",
  // ------------------------------------------------------------------ words used by the formats
  kinds: { dose: 'dose', level: 'level', bcell: 'bcell', weight: 'weight', wearing_off: 'wearing_off' },
  hints: {
    level: "write a number such as {{example, raw}}, or <x for a result below the lab's limit x",
    bcell: "write a number such as 3, or <x for a count below the lab's limit x",
    dose: 'write the amount in mg, such as 300',
    weight: 'write the weight in kg, such as {{example, raw}}',
    wearing_off: 'write the intensity as 0, 1, 2 or 3 (0 none, 1 mild, 2 moderate, 3 severe)',
    time: 'write YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time), e.g. 2024-03-05T09:30',
  },
  units: {
    level: 'ug/mL, µg/mL, mg/L or ng/mL',
    bcell: 'cells/uL, cells/µL, /uL, 10^6/L or 10^9/L',
    dose: 'mg',
    weight: 'kg',
    wearing_off: 'score',
  },
  lineref: ', line {{line}}',
  otherline: ' (the other is on line {{line}})',
  linelabel: 'line {{line}}',
  // A FHIR resource's rows are entries of the Bundle (params `entries`): the same references by entry.
  lineref_entry: ', entry {{line}}',
  otherline_entry: ' (the other is on entry {{line}})',
  linelabel_entry: 'entry {{line}}',
  /** `file:line: message`, or `file: message` without a line. */
  located: '{{file, raw}}:{{line, raw}}: {{message, raw}}',
  'located-file': '{{file, raw}}: {{message, raw}}',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
/** The shape every language's records messages must have (the compiler checks each code is there). */
export type RecordsStrings = Shape<typeof recordsEn>;

export default recordsEn;
