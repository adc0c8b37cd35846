/**
 * Every message the TDM CSV reader gives, in one table: what is wrong, where, and what would be
 * accepted. Tests assert these texts word for word. The `file:line: ` prefix is added by the
 * reader (see `located`); file-level messages carry the file name only.
 */
import type { TextParams } from '../types';
import type { MeasuredKind } from './units';
import { listUnitsFor } from './units';
import { BCELL_MAX, LEVEL_MAX, WEIGHT_ACCEPTED, WEIGHT_MODEL_RANGE } from './plausible';

export type Dialect = 'comma' | 'semicolon';

const example = (dialect: Dialect, dotted: string) => (dialect === 'semicolon' ? dotted.replace('.', ',') : dotted);

function valueHint(kind: MeasuredKind, dialect: Dialect): string {
  switch (kind) {
    case 'level': return `write a number such as ${example(dialect, '24.1')}, or <x for a result below the lab's limit x`;
    case 'bcell': return `write a number such as 3, or <x for a count below the lab's limit x`;
    case 'dose': return 'write the amount in mg, such as 300';
    case 'weight': return `write the weight in kg, such as ${example(dialect, '71.5')}`;
    case 'wearing_off': return SCORE_HINT;
  }
}

export const REQUIRED_COLUMNS = ['patient_id', 'drug', 'kind', 'time', 'value', 'unit'] as const;
export const OPTIONAL_COLUMNS = ['route', 'duration_min', 'note', 'sample'] as const;
const SCORE_HINT = 'write the intensity as 0, 1, 2 or 3 (0 none, 1 mild, 2 moderate, 3 severe)';
const TIME_FORMAT = 'write YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time), e.g. 2024-03-05T09:30';

/** Message texts by issue code. */
export const MSG = {
  // file level
  file_not_text: (why: string) => `not a text file (${why})`,
  file_empty: () => `the file is empty: expected a header line such as ${REQUIRED_COLUMNS.join(',')}`,
  file_encoding: () => 'some characters are not valid UTF-8 (shown as \uFFFD): save the file as "CSV UTF-8"',
  file_no_rows: () => 'no data rows after the header',
  header_missing: (firstLine: string) =>
    `no header line: the first line must name the columns ${REQUIRED_COLUMNS.join(', ')} (found "${firstLine}")`,
  column_missing: (name: string) =>
    `required column "${name}" is missing: the header must name ${REQUIRED_COLUMNS.slice(0, -1).join(', ')} and ${REQUIRED_COLUMNS[REQUIRED_COLUMNS.length - 1]}`,
  column_duplicate: (name: string) => `column "${name}" appears more than once: each column may appear once`,
  column_unknown: (name: string) => `unknown column "${name}" is kept on export and otherwise ignored`,

  // CSV structure
  csv_quotes_unclosed: () =>
    'a quoted field is not closed: the rest of the file was read as one field; close the " (write "" for a quote inside a quoted field)',
  csv_quotes: (detail: string) => `the quoting of this line cannot be read (${detail}); write "" for a quote inside a quoted field`,
  row_fields: (got: number, expected: number, separator: string) =>
    `the line has ${got} fields but the header has ${expected}: a value containing "${separator}" must be in double quotes`,

  // cells
  patient_id_empty: () => "patient_id is empty: every row needs the patient's pseudonymous id",
  patient_id_line_break: () => 'patient_id must not contain a line break',
  drug_unknown: (v: string) => `drug "${v}" is not known: use natalizumab or ocrelizumab`,
  drug_empty: () => 'drug is empty: use natalizumab or ocrelizumab',
  drug_mismatch: (v: string, drug: string, line: number) =>
    `drug "${v}" differs from this patient's drug ${drug} (line ${line}): one patient_id takes one drug; give the other drug's rows another patient_id`,
  kind_unknown: (v: string) => `kind "${v}" is not known: use dose, level, bcell, weight or wearing_off`,
  kind_empty: () => 'kind is empty: use dose, level, bcell, weight or wearing_off',
  kind_unused: (kind: 'level' | 'bcell', drug: string) =>
    kind === 'level'
      ? `a level row for an ${drug} patient is kept but not used: the ${drug} forecast reads bcell counts`
      : `a bcell row for a ${drug} patient is kept but not used: the ${drug} model reads levels`,
  time_invalid: (v: string) => `time "${v}" is not a valid date: ${TIME_FORMAT}`,
  time_empty: () => `time is empty: ${TIME_FORMAT}`,
  value_empty: (kind: MeasuredKind, dialect: Dialect) => `value for a ${kind} is empty: ${valueHint(kind, dialect)}`,
  value_not_number: (v: string, kind: MeasuredKind, dialect: Dialect) =>
    `value "${v}" for a ${kind} is not a number: ${valueHint(kind, dialect)}`,
  value_ambiguous: (v: string, kind: MeasuredKind) =>
    `value "${v}" for a ${kind} is ambiguous: in a ;-separated file the decimal mark is "," and "." may separate thousands; write ${v.replace('.', ',')} or ${v.replace(/\./g, '')} without thousands separators`,
  value_negative: (v: string, kind: MeasuredKind) =>
    kind === 'level' || kind === 'bcell' ? `value "${v}" for a ${kind} must be 0 or more` : `value "${v}" for a ${kind} must be more than 0`,
  value_score: (v: string) => `value "${v}" for a wearing_off is not an intensity: ${SCORE_HINT}`,
  value_zero: (v: string, kind: MeasuredKind) => `value "${v}" for a ${kind} must be more than 0`,
  value_zero_level: (v: string) =>
    `value "${v}" for a level must be more than 0, or written as <x for a result below the lab's limit x (e.g. <1)`,
  value_censored_not_allowed: (v: string, kind: MeasuredKind) =>
    `value "${v}" for a ${kind} cannot be written as <x: only a level or bcell result can be below a lab's limit`,
  value_censored_limit: (v: string, kind: MeasuredKind) => `value "${v}" for a ${kind}: the limit after < must be more than 0`,
  unit_unknown: (v: string, kind: MeasuredKind) => `unit "${v}" is not accepted for a ${kind}: use ${listUnitsFor(kind)}`,
  unit_empty: (kind: MeasuredKind) => `unit is empty: a ${kind} needs ${listUnitsFor(kind)}`,
  route_unknown: (v: string) => `route "${v}" is not known: use iv or sc (or leave it empty for iv)`,
  route_ignored: (v: string, kind: MeasuredKind) => `route "${v}" is only read for doses: ignored on a ${kind} row`,
  duration_invalid: (v: string) =>
    `duration_min "${v}" must be a number of minutes from 0 to 1440 (or empty for the default)`,
  duration_ignored: (v: string, kind: MeasuredKind) => `duration_min "${v}" is only read for doses: ignored on a ${kind} row`,
  sample_unknown: (v: string) => `sample "${v}" is not known: use venous or capillary (or leave it empty for venous)`,
  sample_ignored: (v: string, kind: MeasuredKind) => `sample "${v}" is only read for levels: ignored on a ${kind} row`,
  dose_duplicate: (iso: string, firstLine: number) =>
    `a second dose at ${iso} for this patient (the first is on line ${firstLine}): two doses cannot start at the same time; remove the duplicate or correct the time`,
  dose_unusual_natalizumab: (mg: string) =>
    `natalizumab dose of ${mg} mg is far from the usual 300 mg (expected 150-450 mg): used as written; check it`,
  dose_unusual_ocrelizumab: (mg: string) =>
    `ocrelizumab dose of ${mg} mg is outside the usual 300-600 mg: used as written; check it`,
  weight_unusual: (kg: string) =>
    `weight of ${kg} kg is outside ${WEIGHT_MODEL_RANGE.min}–${WEIGHT_MODEL_RANGE.max} kg, the range the natalizumab model was built on: used as written; predictions are extrapolated`,
  weight_implausible: (kg: string) =>
    `weight of ${kg} kg is not an adult's weight: write the weight in kg, from ${WEIGHT_ACCEPTED.min} to ${WEIGHT_ACCEPTED.max}`,
  level_implausible: (v: string, unit: string, asUgPerMl: string) =>
    unit === 'ng/mL'
      ? `value "${v}" ng/mL for a level is higher than any natalizumab dose can give (at most ${LEVEL_MAX.value} µg/mL = ${LEVEL_MAX.value * 1000} ng/mL): check the value`
      : `value "${v}" ${unit} for a level is higher than any natalizumab dose can give (at most ${LEVEL_MAX.value} µg/mL): the value may be in ng/mL; if so, choose the unit ng/mL (${v} ng/mL = ${asUgPerMl} µg/mL)`,
  bcell_implausible: (v: string, unit: string, asCellsPerUl: string) =>
    unit === '10^9/L'
      ? `value "${v}" 10^9/L for a bcell is more B cells than blood holds (at most ${BCELL_MAX.value} cells/µL = ${BCELL_MAX.value / 1000} × 10^9/L): the value may be in cells/µL; if so, choose the unit cells/uL (${v} cells/µL = ${asCellsPerUl} × 10^9/L)`
      : `value "${v}" ${unit} for a bcell is more B cells than blood holds (at most ${BCELL_MAX.value} cells/µL): check the value`,
  value_grouping: (v: string, kind: MeasuredKind, dialect: Dialect) => {
    const mark = v.includes(',') ? ',' : '.';
    const m = /^(<?)(.*)$/.exec(v)!;
    const decimal = m[1] + example(dialect, String(Number(m[2].replace(mark, '.'))));
    return `value "${v}" for a ${kind} is ambiguous: "${mark}" may separate thousands or be a decimal mark; write ${v.replace(mark, '')} (without a thousands separator) or ${decimal} (if "${mark}" was the decimal mark)`;
  },
  time_future: (v: string, today: string) =>
    `time "${v}" is after today (${today}): the record holds what happened; a planned dose or lab belongs in the proposal`,
  doses_close: (drug: string, iso: string, days: string, prevIso: string, prevLine: number | undefined) =>
    `${drug} dose on ${iso} is only ${days} days after the previous one (${prevIso}${prevLine === undefined ? '' : `, line ${prevLine}`}): used as written; check the dates`,
  sample_duplicate: (what: string, iso: string, otherLine: number | undefined) =>
    `two ${what} at ${iso}${otherLine === undefined ? '' : ` (the other is on line ${otherLine})`} with different values: both are used; check whether one is a mistake`,
  level_before_dose: (iso: string, doseIso: string, doseLine: number | undefined) =>
    `level on ${iso} is dated before this patient's first natalizumab dose (${doseIso}${doseLine === undefined ? '' : `, line ${doseLine}`}): check the date, or add the earlier doses`,
} as const;

export type IssueCode = keyof typeof MSG;
/** The arguments of a message, by code. */
export type MsgArgs<C extends IssueCode> = Parameters<(typeof MSG)[C]>;

/** A message as said: code, English text and its arguments. */
export interface Said { code: IssueCode; message: string; params: TextParams }

/**
 * A message with its arguments kept as `params` (by position: `{"0": …, "1": …}`), so the app can
 * say the same thing in another language (code + params); `message` is the English text.
 */
export function say<C extends IssueCode>(code: C, ...args: MsgArgs<C>): Said {
  const params: TextParams = {};
  args.forEach((a, i) => { if (a !== undefined) params[String(i)] = a as string | number; });
  return { code, message: (MSG[code] as (...a: unknown[]) => string)(...args), params };
}

/** `file:line: message`, or `file: message` without a line. */
export function located(file: string, line: number | undefined, message: string): string {
  return line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`;
}
