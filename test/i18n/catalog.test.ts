/**
 * The one catalog (src/i18n): every code an engine can emit has an English and a Dutch sentence
 * with the same parameters, rendered by i18next; the core's English text is the catalog's English
 * side rendered with the engine's params, for real reports (examples and validation sets, planned
 * on every result day, plus records built to reach the rarer sentences); and the Dutch side reads
 * word for word as written here.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { computeReport, cutAsOf, lastEventTime, parseTdmCsv, type EngineSettings, type Issue, type PatientReport, type TextParams } from '../../src/core/index';
import { NATALIZUMAB_TEXT_CODES } from '../../src/core/natalizumab/texts';
import { OCRELIZUMAB_TEXT_CODES } from '../../src/core/ocrelizumab/texts';
import engineEn from '../../src/i18n/engine-en';
import engineNl from '../../src/i18n/engine-nl';
import { catalog, renderText, unitText } from '../../src/i18n/catalog';
import { engineText, errorText, issuePath, issueText, protocolNameText, rationaleText, reasonText } from '../../src/i18n/sentences';

const CODES = [...NATALIZUMAB_TEXT_CODES, ...OCRELIZUMAB_TEXT_CODES];
const PLURAL = /_(one|other)$/;

function leaves(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k.replace(PLURAL, '')}`] : leaves(v as object, `${prefix}${k}.`)));
}
const template = (code: string, lang: 'en' | 'nl'): string | undefined => {
  const r = catalog.getResource(lang, 'engine', code) ?? catalog.getResource(lang, 'engine', `${code}_other`);
  return typeof r === 'string' ? r : undefined;
};
const paramsOf = (t: string) => [...new Set([...t.matchAll(/\{\{\s*([A-Za-z0-9_]+)/g)].map((m) => m[1]))].sort();
const sorted = (xs: string[]) => [...new Set(xs)].sort();

describe('engine templates', () => {
  it('every code the engines can emit has an English and a Dutch template with the same parameters', () => {
    for (const code of CODES) {
      const en = template(code, 'en');
      const nl = template(code, 'nl');
      expect(en, `en ${code}`).toBeTypeOf('string');
      expect(nl, `nl ${code}`).toBeTypeOf('string');
      expect(paramsOf(nl!), code).toEqual(paramsOf(en!));
      expect(nl, `nl ${code} is translated`).not.toBe(en);
    }
  });

  it('has no template the engines do not list, and no code listed twice', () => {
    expect(sorted(leaves(engineEn))).toEqual(sorted(CODES));
    expect(sorted(leaves(engineNl))).toEqual(sorted(CODES));
    expect(new Set(CODES).size).toBe(CODES.length);
  });

  it('every issue code written in the engines\' source is listed', () => {
    // Every source file of both engines, their pipeline stages included.
    const files = ['natalizumab', 'ocrelizumab'].flatMap((d) => readdirSync(`src/core/${d}`, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).map((f) => `${d}/${f}`));
    const listed = new Set(CODES.map((c) => c.split('.')[0]));
    const found = new Set<string>();
    for (const f of files) {
      const src = readFileSync(`src/core/${f}`, 'utf8');
      for (const m of src.matchAll(/code: '([a-z0-9-]+)'/g)) found.add(m[1]);
      for (const m of src.matchAll(/'((?:nat-reason|ocr-reason|pdnms|blooms)\.[a-z0-9-]+)'/g)) expect(CODES, f).toContain(m[1]);
    }
    expect(found.size).toBeGreaterThanOrEqual(24);
    for (const c of found) expect(listed, c).toContain(c);
  });
});

describe('rendering a sentence (i18next)', () => {
  it('shows dates as dd-mm-jjjj and decimals with a comma in Dutch, unchanged in English', () => {
    const p = { date: '2024-06-03', level: '7.6', limit: 0.5 };
    expect(renderText('engine', 'antibodies-suspected.level', p, 'nl')).toBe('dalspiegel van 03-06-2024 is 7,6 µg/mL bij 4-wekelijkse giften: antistoffen tegen het middel of gemiste giften? Houd 4-wekelijkse giften aan en test op antistoffen tegen natalizumab');
    expect(renderText('engine', 'antibodies-suspected.level', p, 'en')).toBe('trough of 2024-06-03 is 7.6 µg/mL on 4-weekly dosing: anti-drug antibodies or missed doses? Keep 4-weekly dosing and test for antibodies to natalizumab');
    expect(renderText('engine', 'censored-level', p, 'nl')).toBe('spiegel van 03-06-2024 is gerapporteerd als lager dan 0,5 µg/mL: gebruikt als "onder de meetgrens" (gecensureerd), niet als getal');
    expect(renderText('engine', 'level-unexplained', { date: '2024-06-03', lt: '<', observed: '0.5', predicted: '12.25' }, 'nl')).toBe(
      'het model kan de spiegel van 03-06-2024 niet verklaren (<0,5 µg/mL, voorspeld 12,25): controleer het afnametijdstip, de giftengeschiedenis en de eenheid');
  });

  it('fills terms, and gives null for a missing parameter or term', () => {
    const p = { count: '12', date: '2024-06-03', weeks: '2.0', which: 'cycle-previous' };
    expect(renderText('engine', 'ocr-count-before-depletion', p, 'en')).toBe('CD19+ count 12 cells/µL on 2024-06-03 was taken within 2.0 weeks of the infusion (the previous cycle), before depletion is complete: not used in the forecast');
    expect(renderText('engine', 'ocr-count-before-depletion', p, 'nl')).toBe('CD19+-telling 12 cellen/µL op 03-06-2024 is binnen 2,0 weken na de infusie afgenomen (vorige cyclus), voordat de depletie volledig is: niet gebruikt in de voorspelling');
    expect(renderText('engine', 'ocr-count-before-depletion', { ...p, which: 'nope' }, 'en')).toBeNull();
    expect(renderText('engine', 'weight-out-of-range', { kg: 30 }, 'en')).toBeNull();
    expect(renderText('engine', 'no-such-code', {}, 'en')).toBeNull();
  });

  it('falls back to the English text without a code, params, template or parameter', () => {
    expect(engineText(undefined, {}, 'as written', 'nl')).toBe('as written');
    expect(engineText('no-weight', undefined, 'as written', 'nl')).toBe('as written');
    expect(engineText('no-such-code', {}, 'as written', 'nl')).toBe('as written');
    expect(engineText('weight-out-of-range', { kg: 30 }, 'as written', 'nl')).toBe('as written');
    // A parse-time issue (no params) stays as written, even when its code matches a template.
    const parsed: Issue = { code: 'sc-extrapolation', severity: 'info', message: 'as written' };
    expect(issueText(parsed, 'nl')).toBe('as written');
  });

  it('joins the parts of a composite sentence with "; "', () => {
    const params: TextParams = { weeks: 6, target: 10, pct: 90 };
    expect(engineText('nat-reason.extended;pdnms.overdue', params, '', 'nl')).toBe(
      '6 weken is het langste interval waarbij zowel de dalspiegel op den duur als de volgende dalspiegel met ten minste 90 % kans voorspeld is ≥ 10 µg/mL; de gift is te laat: geef hem nu en herstart met 6 weken');
  });

  it('speaks plainly to a nurse: no "evenwicht", "a-priori" or "geconvergeerd" in any Dutch sentence of the catalog', () => {
    const all = JSON.stringify([engineNl, catalog.getResourceBundle('nl', 'records')]);
    expect(all).not.toMatch(/evenwicht|a-priori|geconvergeerd/i);
    expect(renderText('engine', 'population-prediction', {}, 'nl')).toBe('nog geen spiegel gemeten: voorspelling voor een gemiddelde patiënt van dit lichaamsgewicht; meet twee dalspiegels bij 4-wekelijkse giften voordat u verlengt');
    expect(renderText('engine', 'fit-not-converged', { iterations: 200, weeks: 4 }, 'nl')).toBe('de berekening voor deze patiënt is niet goed uitgekomen (na 200 rekenstappen): het standaardinterval van 4 weken blijft');
  });

  it('writes units as a Dutch clinic does: µg/mL and cellen/µL, never ug/mL or cells/uL', () => {
    expect(unitText('ug/mL', 'nl')).toBe('µg/mL');
    expect(unitText('cells/uL', 'nl')).toBe('cellen/µL');
    expect(unitText('ug/mL', 'en')).toBe('ug/mL');
    for (const lang of ['nl'] as const) {
      const all = JSON.stringify([engineNl, catalog.getResourceBundle(lang, 'records')]);
      expect(all).not.toMatch(/ug\/mL|cells\/uL|cells\/µL/);
    }
  });
});

// ------------------------------------------------------------------ real reports

const OCR_BAD: EngineSettings = { natalizumab: {}, ocrelizumab: { threshold: -1, maxWeeks: 10, minWeeks: 20 } };
const OCR_SHORT: EngineSettings = { natalizumab: {}, ocrelizumab: { maxWeeks: 30 } };
const OCR_HIGH: EngineSettings = { natalizumab: {}, ocrelizumab: { threshold: 500 } };
const NAT_LONG: EngineSettings = { natalizumab: { maxIntervalWeeks: 10 }, ocrelizumab: {} };

interface Sentence { where: string; code: string; params: TextParams; text: string }

function sentences(r: PatientReport, where: string): Sentence[] {
  const out: Sentence[] = [];
  const p = r.proposal;
  out.push({ where: `${where} reason`, code: p.reasonCode!, params: p.reasonParams!, text: p.reason });
  out.push({ where: `${where} protocol name`, code: r.protocol.nameCode!, params: r.protocol.nameParams!, text: r.protocol.name });
  out.push({ where: `${where} rationale`, code: r.protocol.rationaleCode!, params: r.protocol.rationaleParams!, text: r.protocol.rationale });
  for (const w of r.warnings) out.push({ where: `${where} ${w.code}`, code: issuePath(w), params: w.params!, text: w.message });
  return out;
}

function collect(file: string, settings: EngineSettings[], everyResultDay: boolean, limit = Infinity): { reports: PatientReport[]; list: Sentence[] } {
  const parsed = parseTdmCsv(readFileSync(file, 'utf8'), file);
  const reports: PatientReport[] = [];
  const list: Sentence[] = [];
  for (const patient of parsed.patients.slice(0, limit)) {
    const days = new Set<number>([lastEventTime(patient)]);
    if (everyResultDay) for (const o of [...patient.levels, ...patient.bcells, ...patient.doses]) days.add(o.time);
    for (const s of settings) {
      for (const day of days) {
        const r = computeReport(cutAsOf(patient, day), day, s);
        if ('error' in r) continue;
        reports.push(r);
        list.push(...sentences(r, `${patient.id} ${r.asOf}`));
      }
    }
  }
  return { reports, list };
}

const DEFAULT: EngineSettings = { natalizumab: {}, ocrelizumab: {} };
const examples = collect('fixtures/examples/example-patients.csv', [DEFAULT, OCR_BAD, NAT_LONG], true);
const validation = [
  collect('fixtures/validation/natalizumab-virtual.csv', [DEFAULT], false, 40),
  collect('fixtures/validation/ocrelizumab-virtual.csv', [DEFAULT], true, 25),
  collect('fixtures/validation/ocrelizumab-virtual-week20.csv', [DEFAULT], false),
];
/** Records made to reach the rarer sentences (odd weights, doses, counts; overdue; antibodies). */
const rare = collect('test/app/features/proposal/data/rare-sentences.csv', [DEFAULT, OCR_SHORT, OCR_HIGH], true);
/** Planned on a later day than the last row (the app's today): a count that has passed, a late re-dose or infusion. */
const late = collect('fixtures/examples/example-patients.csv', [{ ...DEFAULT, notBefore: '2026-12-07' }, { ...DEFAULT, notBefore: '2027-06-01' }], false);
const all = [examples, rare, late, ...validation].flatMap((c) => c.list);

describe('real reports', () => {
  it('every sentence carries a listed code and params, and the English template gives the engine\'s text exactly', () => {
    expect(all.length).toBeGreaterThan(500);
    for (const s of all) {
      expect(s.code, s.where).toBeTypeOf('string');
      expect(s.params, s.where).toBeTypeOf('object');
      for (const part of s.code.split(';')) expect(CODES, s.where).toContain(part);
      expect(engineText(s.code, s.params, '(fallback)', 'en'), s.where).toBe(s.text);
    }
  });

  it('every sentence has a Dutch text with every parameter filled, dates dd-mm-jjjj', () => {
    for (const s of all) {
      const nl = engineText(s.code, s.params, '(fallback)', 'nl');
      expect(nl, s.where).not.toBe('(fallback)');
      expect(nl, s.where).not.toMatch(/\{\{|\b20\d\d-\d\d-\d\d\b/);
    }
  });

  it('reaches every sentence but the numerically rare ones', () => {
    const seen = new Set(all.flatMap((s) => s.code.split(';')));
    const missing = CODES.filter((c) => !c.startsWith('terms.') && !seen.has(c));
    // Not reached by any record here (a fit that does not converge, a crossing interval past the
    // horizon): checked by the template tests above only. The no-dose error has its own test below.
    // The weight, censored-only and work-budget texts are reached by the absurd-record tests
    // (test/core/natalizumab/robustness.test.ts); a steady state that does not settle became rare
    // once it settles at the integrator's own accuracy.
    // A falling trend whose line never reaches the target (a target of null) and a track record
    // stopped by the work budget: test/i18n/core-sentences.test.ts.
    const rareOnes = ['trough-trend-falling.plain', 'track-stopped', 'fit-not-converged', 'nat-reason.not-converged', 'ocr-crossing-beyond-maximum.horizon', 'no-dose-before-as-of', 'nat-reason.weight', 'work-budget', 'nat-reason.censored-only', 'levels-all-censored', 'steady-state-not-converged', 'rows-refused', 'no-usable-rows'];
    expect(missing.filter((c) => !rareOnes.includes(c))).toEqual([]);
  });

  it('NAT-003 (no weight) and NAT-004 (antibodies) read in Dutch', () => {
    const byId = (id: string) => examples.reports.filter((r) => r.patientId === id).at(-1)!;
    const nat3 = byId('NAT-003');
    const noWeight = nat3.warnings.find((w) => w.code === 'no-weight')!;
    expect(issueText(noWeight, 'nl')).toBe('geen gewicht opgegeven: 70 kg aangenomen');
    expect(issueText(noWeight, 'en')).toBe('no weight given: 70 kg assumed');
    const nat4 = byId('NAT-004');
    const ada = nat4.warnings.find((w) => w.code === 'antibodies-suspected')!;
    expect(issueText(ada, 'nl')).toMatch(/^dalspiegel van \d\d-\d\d-\d{4} is .* bij 4-wekelijkse giften: antistoffen tegen het middel of gemiste giften\? Houd 4-wekelijkse giften aan en test op antistoffen tegen natalizumab$/);
    expect(reasonText(nat4, 'nl')).toBe('gehandhaafd op 4 weken: een zeer lage dalspiegel bij 4-wekelijkse giften wijst op antistoffen tegen het middel of gemiste giften; test op antistoffen voordat u verlengt');
    expect(protocolNameText(nat4, 'nl')).toBe('PDNMS (dalspiegel > 15 µg/mL: +1 week, max. 8)');
    expect(rationaleText(nat4, 'en')).toBe(nat4.protocol.rationale);
  });
});

it('a patient with no dose to plan from says so in Dutch', () => {
  const parsed = parseTdmCsv(readFileSync('fixtures/examples/example-patients.csv', 'utf8'), 'example-patients.csv');
  const p = parsed.patients.find((x) => x.id === 'NAT-001')!;
  const before = p.doses[0].time - 1;
  const r = computeReport(p, before);
  expect('error' in r && r.error).toBe('no natalizumab dose on or before the as-of date: nothing to plan from');
  if (!('error' in r)) throw new Error('expected a PatientError');
  expect(errorText(r, 'en')).toBe(r.error);
  expect(errorText(r, 'nl')).toBe('geen gift natalizumab op of vóór de plandatum: niets om van uit te plannen');
});

describe('a patient with refused rows', () => {
  it('gets the CLI\'s error from the core, in English exactly and in Dutch', async () => {
    const { parseTdmCsv } = await import('../../src/core/records/index');
    const { refusedRowsError } = await import('../../src/core/engine');
    const csv = 'patient_id,drug,kind,time,value,unit\nR-1,natalizumab,dose,2024-01-08T09:00,300,mg\nR-1,natalizumab,level,2024-02-05T08:45,-3,ug/mL\n';
    const p = parseTdmCsv(csv, 'r.csv').patients[0];
    const e = refusedRowsError(p)!;
    expect(e.error).toBe('1 row(s) could not be used: r.csv:3: value "-3" for a level must be 0 or more');
    expect(errorText(e, 'en')).toBe(e.error);
    expect(errorText(e, 'nl')).toBe('1 regel kon niet worden gebruikt: r.csv:3: waarde "-3" van een spiegel moet 0 of meer zijn');
    expect(refusedRowsError(parseTdmCsv('patient_id,drug,kind,time,value,unit\nR-2,natalizumab,dose,2024-01-08T09:00,300,mg\n', 'r.csv').patients[0])).toBeNull();
  });
});

describe('records messages in both languages', () => {
  it('gives the example a comma file takes (24.1) and the one a ;-file or the Dutch form takes (24,1)', () => {
    const issue = (file: string, dialect: string): Issue => ({ code: 'value_not_number', severity: 'error', message: '(english)', file, line: 3, params: { value: 'abc', kind: 'level', dialect } });
    expect(issueText(issue('lab.csv', 'comma'), 'nl')).toBe('lab.csv:3: waarde "abc" van een spiegel is geen getal: schrijf een getal zoals 24.1, of <x voor een uitslag onder de meetgrens x van het lab');
    expect(issueText(issue('lab.csv', 'semicolon'), 'nl')).toBe('lab.csv:3: waarde "abc" van een spiegel is geen getal: schrijf een getal zoals 24,1, of <x voor een uitslag onder de meetgrens x van het lab');
    expect(issueText(issue('entry', 'comma'), 'nl')).toBe('entry:3: waarde "abc" van een spiegel is geen getal: schrijf een getal zoals 24,1, of <x voor een uitslag onder de meetgrens x van het lab');
    expect(issueText(issue('lab.csv', 'comma'), 'en')).toBe('lab.csv:3: value "abc" for a level is not a number: write a number such as 24.1, or <x for a result below the lab\'s limit x');
  });
});

describe('a patient without a usable row (issue 18: no English "no usable rows" on a Dutch screen)', () => {
  it('says why from the catalog, in English as the CLI did and in Dutch', () => {
    const empty = { id: 'E-1', drug: 'natalizumab' as const, doses: [], levels: [], bcells: [], weights: [], issues: [], order: 0 };
    const e = computeReport(empty, 0);
    if (!('error' in e)) throw new Error('expected a PatientError');
    expect(e.error).toBe('no usable rows');
    expect(errorText(e, 'nl')).toBe('geen bruikbare regels: voer de giften en uitslagen in');
    const parsed = parseTdmCsv('patient_id,drug,kind,time,value,unit\nR-9,natalizumab,level,2024-02-05T08:45,-3,ug/mL\n', 'r.csv');
    const r = computeReport({ ...empty, id: 'R-9', issues: parsed.issues }, 0);
    if (!('error' in r)) throw new Error('expected a PatientError');
    expect(r.error).toBe('r.csv:2: value "-3" for a level must be 0 or more');
    expect(errorText(r, 'en')).toBe(r.error);
    expect(errorText(r, 'nl')).toBe('r.csv:2: waarde "-3" van een spiegel moet 0 of meer zijn');
  });
});
