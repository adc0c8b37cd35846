/**
 * The records module's messages (src/core/records/messages.ts) in Dutch: one function per code,
 * with the same arguments as the English one (the issue's params by position), so the compiler
 * checks that every code is there. English is the records module's own text, unchanged (the CLI's).
 * Words as in the glossary (docs/glossary.md): gift, hergift, spiegel, dalspiegel, B-celtelling.
 */
import type { Dialect, IssueCode, MsgArgs } from '../../core/records/messages';
import type { MeasuredKind } from '../../core/records/units';
import { BCELL_MAX, LEVEL_MAX, WEIGHT_ACCEPTED, WEIGHT_MODEL_RANGE } from '../../core/records/plausible';

type RecordsStrings = { [C in IssueCode]: (...args: MsgArgs<C>) => string };

const KIND_NL: Record<MeasuredKind, string> = { dose: 'gift', level: 'spiegel', bcell: 'B-celtelling', weight: 'gewicht', wearing_off: 'wearing-off-melding' };
/** A record kind (dose, level, bcell, weight) in Dutch; anything else as written. */
export const kindNl = (k: string): string => KIND_NL[k as MeasuredKind] ?? k;
const DRUG_NL: Record<string, string> = { natalizumab: 'natalizumab', ocrelizumab: 'ocrelizumab' };
/** A number example in the file's dialect (a decimal comma in a `;` file and when typed in Dutch). */
const ex = (dialect: Dialect, dotted: string) => (dialect === 'semicolon' ? dotted.replace('.', ',') : dotted);
/** `2024-01-08T09:00` → `08-01-2024 09:00`; anything else as written. */
export const date = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/, (_, y: string, m: string, d: string, t?: string) => `${d}-${m}-${y}${t ? ` ${t}` : ''}`);
const num = (s: string) => s.replace(/^([<>]?-?\d*)\.(\d+)$/, '$1,$2');
const SCORE_HINT_NL = 'schrijf de ernst als 0, 1, 2 of 3 (0 geen, 1 licht, 2 matig, 3 ernstig)';
const TIME_FORMAT_NL = 'schrijf JJJJ-MM-DD of JJJJ-MM-DDTUU:MM (lokale tijd), bijv. 2024-03-05T09:30; in het formulier ook dd-mm-jjjj';
const line = (n: number | undefined) => (n === undefined ? '' : `, regel ${n}`);

function valueHintNl(kind: MeasuredKind, dialect: Dialect): string {
  switch (kind) {
    case 'level': return `schrijf een getal zoals ${ex(dialect, '24.1')}, of <x voor een uitslag onder de meetgrens x van het lab`;
    case 'bcell': return 'schrijf een getal zoals 3, of <x voor een telling onder de meetgrens x van het lab';
    case 'dose': return 'schrijf de hoeveelheid in mg, zoals 300';
    case 'weight': return `schrijf het gewicht in kg, zoals ${ex(dialect, '71.5')}`;
    case 'wearing_off': return SCORE_HINT_NL;
  }
}

function whyNl(why: string): string {
  if (why.startsWith('it is a zip archive')) return 'het is een zip-archief, zoals een Excel-werkmap (.xlsx): sla het op als "CSV UTF-8"';
  if (why.startsWith('it is a PDF')) return 'het is een pdf-document';
  if (why.startsWith('it contains NUL bytes')) return 'het bevat NUL-bytes: binaire gegevens of UTF-16-tekst; sla het op als "CSV UTF-8"';
  const m = /^it contains (\d+) control characters in its first (\d+) characters/.exec(why);
  if (m) return `het bevat ${m[1]} stuurtekens in de eerste ${m[2]} tekens: binaire gegevens`;
  return why;
}

const unitsNl = (kind: MeasuredKind) => ({
  level: 'ug/mL, µg/mL, mg/L of ng/mL', bcell: 'cells/uL, cells/µL, /uL, 10^6/L of 10^9/L', dose: 'mg', weight: 'kg', wearing_off: 'score',
}[kind]);

export const RECORDS_NL: RecordsStrings = {
  file_not_text: (why) => `geen tekstbestand (${whyNl(why)})`,
  file_empty: () => 'het bestand is leeg: verwacht een kopregel zoals patient_id,drug,kind,time,value,unit',
  file_encoding: () => 'sommige tekens zijn geen geldige UTF-8 (getoond als \uFFFD): sla het bestand op als "CSV UTF-8"',
  file_no_rows: () => 'geen gegevensregels na de kopregel',
  header_missing: (first) => `geen kopregel: de eerste regel moet de kolommen patient_id, drug, kind, time, value, unit noemen (gevonden: "${first}")`,
  column_missing: (name) => `verplichte kolom "${name}" ontbreekt: de kopregel moet patient_id, drug, kind, time, value en unit noemen`,
  column_duplicate: (name) => `kolom "${name}" komt meer dan eens voor: elke kolom mag één keer voorkomen`,
  column_unknown: (name) => `onbekende kolom "${name}" wordt bij export bewaard en verder genegeerd`,
  csv_quotes_unclosed: () => 'een veld tussen aanhalingstekens is niet afgesloten: de rest van het bestand is als één veld gelezen; sluit de " af (schrijf "" voor een aanhalingsteken binnen een veld)',
  csv_quotes: (detail) => `de aanhalingstekens van deze regel zijn niet te lezen (${detail}); schrijf "" voor een aanhalingsteken binnen een veld`,
  row_fields: (got, expected, sep) => `de regel heeft ${got} velden maar de kopregel ${expected}: een waarde met "${sep}" erin moet tussen dubbele aanhalingstekens`,
  patient_id_empty: () => 'patient_id is leeg: elke regel heeft het pseudoniem van de patiënt nodig',
  patient_id_line_break: () => 'patient_id mag geen regelovergang bevatten',
  drug_unknown: (v) => `middel "${v}" is onbekend: gebruik natalizumab of ocrelizumab`,
  drug_empty: () => 'middel is leeg: gebruik natalizumab of ocrelizumab',
  drug_mismatch: (v, drug, ln) => `middel "${v}" verschilt van het middel van deze patiënt, ${DRUG_NL[drug] ?? drug} (regel ${ln}): één patient_id hoort bij één middel; geef de regels van het andere middel een ander patient_id`,
  kind_unknown: (v) => `soort "${v}" is onbekend: gebruik dose, level, bcell, weight of wearing_off`,
  kind_empty: () => 'soort is leeg: gebruik dose, level, bcell, weight of wearing_off',
  kind_unused: (kind, drug) => kind === 'level'
    ? `een spiegel bij een ${drug}-patiënt wordt bewaard maar niet gebruikt: de ${drug}-voorspelling leest B-celtellingen`
    : `een B-celtelling bij een ${drug}-patiënt wordt bewaard maar niet gebruikt: het ${drug}-model leest spiegels`,
  time_invalid: (v) => `tijdstip "${v}" is geen geldige datum: ${TIME_FORMAT_NL}`,
  time_empty: () => `tijdstip is leeg: ${TIME_FORMAT_NL}`,
  value_empty: (kind, dialect) => `waarde van een ${kindNl(kind)} is leeg: ${valueHintNl(kind, dialect)}`,
  value_not_number: (v, kind, dialect) => `waarde "${v}" van een ${kindNl(kind)} is geen getal: ${valueHintNl(kind, dialect)}`,
  value_ambiguous: (v, kind) => `waarde "${v}" van een ${kindNl(kind)} is dubbelzinnig: in een bestand met ; is "," het decimaalteken en kan "." duizendtallen scheiden; schrijf ${v.replace('.', ',')} of ${v.replace(/\./g, '')} zonder scheidingsteken voor duizendtallen`,
  value_negative: (v, kind) => kind === 'level' || kind === 'bcell'
    ? `waarde "${v}" van een ${kindNl(kind)} moet 0 of meer zijn` : `waarde "${v}" van een ${kindNl(kind)} moet meer dan 0 zijn`,
  value_score: (v) => `waarde "${v}" van een wearing-off-melding is geen ernst: ${SCORE_HINT_NL}`,
  value_zero: (v, kind) => `waarde "${v}" van een ${kindNl(kind)} moet meer dan 0 zijn`,
  value_zero_level: (v) => `waarde "${v}" van een spiegel moet meer dan 0 zijn, of geschreven als <x voor een uitslag onder de meetgrens x van het lab (bijv. <1)`,
  value_censored_not_allowed: (v, kind) => `waarde "${v}" van een ${kindNl(kind)} kan niet als <x geschreven worden: alleen een spiegel of B-celtelling kan onder een meetgrens liggen`,
  value_censored_limit: (v, kind) => `waarde "${v}" van een ${kindNl(kind)}: de grens na < moet meer dan 0 zijn`,
  unit_unknown: (v, kind) => `eenheid "${v}" wordt niet geaccepteerd voor een ${kindNl(kind)}: gebruik ${unitsNl(kind)}`,
  unit_empty: (kind) => `eenheid is leeg: een ${kindNl(kind)} heeft ${unitsNl(kind)} nodig`,
  route_unknown: (v) => `toedieningsweg "${v}" is onbekend: gebruik iv of sc (of laat leeg voor iv)`,
  route_ignored: (v, kind) => `toedieningsweg "${v}" wordt alleen bij giften gelezen: genegeerd bij een ${kindNl(kind)}`,
  duration_invalid: (v) => `infuusduur "${v}" moet een aantal minuten van 0 tot 1440 zijn (of leeg voor de standaardduur)`,
  duration_ignored: (v, kind) => `infuusduur "${v}" wordt alleen bij giften gelezen: genegeerd bij een ${kindNl(kind)}`,
  sample_unknown: (v) => `afname "${v}" is onbekend: gebruik venous (veneus) of capillary (vingerprik), of laat leeg voor veneus`,
  sample_ignored: (v, kind) => `afname "${v}" wordt alleen bij spiegels gelezen: genegeerd bij een ${kindNl(kind)}`,
  dose_duplicate: (iso, first) => `een tweede gift op ${date(iso)} bij deze patiënt (de eerste staat op regel ${first}): twee giften kunnen niet op hetzelfde moment beginnen; verwijder de dubbele of verbeter het tijdstip`,
  dose_unusual_natalizumab: (mg) => `natalizumabgift van ${num(mg)} mg wijkt ver af van de gebruikelijke 300 mg (verwacht 150-450 mg): gebruikt zoals ingevoerd; controleer het`,
  dose_unusual_ocrelizumab: (mg) => `ocrelizumabgift van ${num(mg)} mg ligt buiten de gebruikelijke 300-600 mg: gebruikt zoals ingevoerd; controleer het`,
  weight_unusual: (kg) => `gewicht van ${num(kg)} kg ligt buiten ${WEIGHT_MODEL_RANGE.min}–${WEIGHT_MODEL_RANGE.max} kg, het bereik waarop het natalizumabmodel is gebouwd: gebruikt zoals ingevoerd; de voorspellingen zijn een extrapolatie`,
  weight_implausible: (kg) => `gewicht van ${num(kg)} kg is geen gewicht van een volwassene: schrijf het gewicht in kg, van ${WEIGHT_ACCEPTED.min} tot ${WEIGHT_ACCEPTED.max}`,
  level_implausible: (v, unit, asUg) => unit === 'ng/mL'
    ? `waarde "${v}" ng/mL van een spiegel is hoger dan een natalizumabgift kan geven (hoogstens ${LEVEL_MAX.value} µg/mL = ${LEVEL_MAX.value * 1000} ng/mL): controleer de waarde`
    : `waarde "${v}" ${unit} van een spiegel is hoger dan een natalizumabgift kan geven (hoogstens ${LEVEL_MAX.value} µg/mL): misschien is de waarde in ng/mL; kies dan de eenheid ng/mL (${v} ng/mL = ${num(asUg)} µg/mL)`,
  bcell_implausible: (v, unit, asCells) => unit === '10^9/L'
    ? `waarde "${v}" 10^9/L van een B-celtelling is meer B-cellen dan bloed bevat (hoogstens ${BCELL_MAX.value} cellen/µL = ${BCELL_MAX.value / 1000} × 10^9/L): misschien is de waarde in cellen/µL; kies dan de eenheid cells/uL (${v} cellen/µL = ${num(asCells)} × 10^9/L)`
    : `waarde "${v}" ${unit} van een B-celtelling is meer B-cellen dan bloed bevat (hoogstens ${BCELL_MAX.value} cellen/µL): controleer de waarde`,
  value_grouping: (v, kind, dialect) => {
    const mark = v.includes(',') ? ',' : '.';
    const m = /^(<?)(.*)$/.exec(v)!;
    const decimal = m[1] + ex(dialect, String(Number(m[2].replace(mark, '.'))));
    return `waarde "${v}" van een ${kindNl(kind)} is dubbelzinnig: "${mark}" kan duizendtallen scheiden of een decimaalteken zijn; schrijf ${v.replace(mark, '')} (zonder scheidingsteken voor duizendtallen) of ${decimal} (als "${mark}" het decimaalteken was)`;
  },
  time_future: (v, today) => `tijdstip "${date(v)}" ligt na vandaag (${date(today)}): het dossier bevat wat gebeurd is; een geplande gift of labafname hoort in het voorstel`,
  doses_close: (drug, iso, days, prevIso, prevLine) => `${drug}gift op ${date(iso)} is maar ${num(days)} dagen na de vorige (${date(prevIso)}${line(prevLine)}): gebruikt zoals ingevoerd; controleer de datums`,
  sample_duplicate: (what, iso, otherLine) => `twee ${what === 'levels' ? 'spiegels' : 'B-celtellingen'} op ${date(iso)}${otherLine === undefined ? '' : ` (de andere staat op regel ${otherLine})`} met verschillende waarden: beide worden gebruikt; controleer of er een vergissing is`,
  level_before_dose: (iso, doseIso, doseLine) => `spiegel op ${date(iso)} is gedateerd vóór de eerste natalizumabgift van deze patiënt (${date(doseIso)}${line(doseLine)}): controleer de datum, of voer de eerdere giften in`,
};

/** Whether a code is one of the records module's. */
export function isRecordsCode(code: string): code is IssueCode {
  return Object.prototype.hasOwnProperty.call(RECORDS_NL, code);
}

/**
 * A records issue in Dutch, with its `file:line: ` prefix, or null when it carries no params
 * (an issue saved before codes had params). In the app's own forms (file `entry`) numbers are
 * typed with a decimal comma, so the examples use one.
 */
export function recordsTextNl(issue: { code: string; params?: Record<string, string | number>; file?: string; line?: number; where?: string }): string | null {
  if (!isRecordsCode(issue.code) || !issue.params) return null;
  const fn = RECORDS_NL[issue.code] as (...a: unknown[]) => string;
  const args: unknown[] = [];
  for (let i = 0; i < fn.length; i++) args.push(issue.params[String(i)]);
  if (issue.file === 'entry') for (let i = 0; i < args.length; i++) if (args[i] === 'comma') args[i] = 'semicolon';
  const text = fn(...args);
  if (issue.file === undefined) return text;
  // A FHIR resource has no line: its place is the entry, resource and element path (spec/fhir.md).
  if (issue.line === undefined && issue.where) return `${issue.file}: ${issue.where}: ${text}`;
  return issue.line === undefined ? `${issue.file}: ${text}` : `${issue.file}:${issue.line}: ${text}`;
}
