/**
 * The proposal as a clinician reads it, in plain text: what the record keeps as a note
 * (DocumentReference, spec/fhir.md). Built from the one report object with the engine's sentences
 * (its `reason`, the protocol's `rationale`, the warnings' messages), as the command line prints
 * them, so the note says what the card and the CLI say. The note's own words are the catalog's
 * (namespace `fhirnote`, src/i18n/fhirnote-en.ts); English unless a language is asked for.
 */
import type { NatalizumabReport, OcrelizumabReport, PatientReport } from '../report/types';
import type { Issue } from '../types';
import { renderText, type CatalogLang, type Params } from '../../i18n/catalog';
import { issueText, protocolNameText, rationaleText, reasonText } from '../../i18n/sentences';

/** A clinician's recorded choice: the plan written instead of the model's proposal. */
export interface FhirChoice {
  /** `YYYY-MM-DD` of the next dose chosen. */
  nextDose: string;
  /** Natalizumab: the interval chosen, whole weeks. */
  intervalWeeks?: number;
  /** Why (required: a plan without its reason is not written). */
  reason: string;
  /** The option in words, as the app shows it (e.g. `6 weeks: 2024-06-03`). */
  label?: string;
}

/** A sentence of the note in the language, from the catalog (throws when the catalog lacks it: a note is never half written). */
export function noteText(key: string, params: Params, lang: CatalogLang = 'en'): string {
  const text = renderText('fhirnote', key, params, lang);
  if (text === null) throw new Error(`catalog: no text for fhirnote:${key} with ${JSON.stringify(params)}`);
  return text;
}

export const DISCLAIMER = noteText('disclaimer', {});

const sig3 = (x: number) => String(Number(x.toPrecision(3)));

/** A probability as the card says it: `92 %`, `< 1 %`, `> 99 %`. */
export function percentText(p: number): string {
  if (p < 0.01) return '< 1 %';
  if (p > 0.99) return '> 99 %';
  return `${Math.round(p * 100)} %`;
}

/** The engine's sentences in the note's language (English: as the report carries them, the CLI's). */
const said = {
  issue: (w: Issue, lang: CatalogLang) => (lang === 'en' ? w.message : issueText(w, lang)),
  reason: (r: PatientReport, lang: CatalogLang) => (lang === 'en' ? r.proposal.reason : reasonText(r, lang)),
  protocol: (r: PatientReport, lang: CatalogLang) => (lang === 'en' ? r.protocol.name : protocolNameText(r, lang)),
  rationale: (r: PatientReport, lang: CatalogLang) => (lang === 'en' ? r.protocol.rationale : rationaleText(r, lang)),
};

function warningLines(r: PatientReport, lang: CatalogLang): string[] {
  const ws = r.warnings.filter((w) => w.severity !== 'info');
  const notes = r.warnings.filter((w) => w.severity === 'info');
  const out = [noteText(ws.length ? 'warnings-head' : 'warnings-none', {}, lang)];
  for (const w of ws) out.push(noteText('item', { text: said.issue(w, lang) }, lang));
  if (notes.length) {
    out.push(noteText('notes-head', {}, lang));
    for (const w of notes) out.push(noteText('item', { text: said.issue(w, lang) }, lang));
  }
  return out;
}

/** The clinician's own label of the option chosen (`: 6 weeks: 2024-06-03`), or nothing. */
const labelPart = (choice: FhirChoice, lang: CatalogLang) => (choice.label ? noteText('chosen-label', { label: choice.label }, lang) : '');

/** A number to at most `d` decimals, rounded as the card's (Intl's) rounding does (0.1475 → 0.148). */
const fixed = (x: number, d: number) => Number(new Intl.NumberFormat('en', { maximumFractionDigits: d, useGrouping: false }).format(x));

/**
 * Which spread the forecast's intervals used, as the card's calibration note says it: the clinic's
 * (its troughs, the inter-occasion log-SD used against the published one, widened for this patient
 * when its own troughs disagree more, the width's scale, how the 80 % intervals held), or the
 * published model's allowances.
 */
function spreadLine(r: NatalizumabReport, lang: CatalogLang): string {
  const c = r.options.calibration;
  if (!c) return noteText('nat.spread-published', {}, lang);
  const held = c.calibratedCover80 ?? c.cover80;
  return noteText('nat.spread-calibrated', {
    troughs: c.troughs,
    iov: fixed(c.patientIov, 3),
    published: fixed(c.publishedIov, 3),
    scale: fixed(c.scale ?? 1, 2),
    wider: c.patientIov > c.clinicIov ? noteText('nat.spread-wider', { clinic: fixed(c.clinicIov, 3) }, lang) : '',
    held: held === null ? '' : noteText('nat.spread-held', { held: fixed(held, 2) }, lang),
  }, lang);
}

function natalizumabText(r: NatalizumabReport, choice: FhirChoice | undefined, lang: CatalogLang): string[] {
  const p = r.proposal;
  const out: string[] = [];
  if (choice) {
    const interval = choice.intervalWeeks !== undefined ? noteText('nat.chosen-interval', { weeks: choice.intervalWeeks }, lang) : '';
    out.push(noteText('nat.chosen', { nextDose: choice.nextDose, interval, label: labelPart(choice, lang) }, lang));
    out.push(noteText('choice-reason', { reason: choice.reason }, lang));
    out.push(noteText('nat.model-proposed', { nextDose: p.nextDose, weeks: p.intervalWeeks }, lang));
  } else {
    out.push(noteText('nat.next-dose', { nextDose: p.nextDose, weeks: p.intervalWeeks }, lang));
  }
  const chosenAlt = choice?.intervalWeeks !== undefined ? r.alternatives.find((a) => a.weeks === choice.intervalWeeks) : undefined;
  const show = (key: string, weeks: number, ss: { value: number; low: number; high: number }, prob: number) =>
    noteText(key, { weeks, value: sig3(ss.value), low: sig3(ss.low), high: sig3(ss.high), probability: percentText(prob) }, lang);
  if (chosenAlt && chosenAlt.weeks !== p.intervalWeeks) out.push(show('nat.chosenInterval', chosenAlt.weeks, chosenAlt.ssTrough, chosenAlt.pSteadyState));
  out.push(show('nat.proposedInterval', p.intervalWeeks, p.predictedTrough, p.probabilityAboveTarget));
  out.push(noteText('nat.next-trough', { value: sig3(p.nextTrough.value), low: sig3(p.nextTrough.low), high: sig3(p.nextTrough.high), probability: percentText(p.probabilityNextAboveTarget) }, lang));
  out.push(spreadLine(r, lang));
  out.push(noteText('why', { reason: said.reason(r, lang) }, lang));
  out.push(noteText('nat.protocol', { name: said.protocol(r, lang), weeks: r.protocol.intervalWeeks, nextDose: r.protocol.nextDose, rationale: said.rationale(r, lang) }, lang));
  out.push(...warningLines(r, lang));
  out.push(noteText('nat.target', { target: r.target.value, probability: percentText(p.requiredSteadyState) }, lang));
  return out;
}

function ocrelizumabText(r: OcrelizumabReport, choice: FhirChoice | undefined, lang: CatalogLang): string[] {
  const p = r.proposal;
  const out: string[] = [];
  if (choice) {
    out.push(noteText('ocr.chosen', { nextDose: choice.nextDose, label: labelPart(choice, lang) }, lang));
    out.push(noteText('choice-reason', { reason: choice.reason }, lang));
    out.push(noteText('ocr.model-proposed', { nextDose: p.nextDose, weeks: p.weeksSinceLastDose }, lang));
  } else {
    out.push(noteText('ocr.next-dose', { nextDose: p.nextDose, weeks: p.weeksSinceLastDose }, lang));
  }
  out.push(noteText('ocr.crossing', { threshold: r.threshold.value, date: p.predictedCrossing, low: p.predictedCrossingLow, high: p.predictedCrossingHigh }, lang));
  out.push(noteText('ocr.next-count', { date: p.nextBcellCheck }, lang));
  out.push(noteText('why', { reason: said.reason(r, lang) }, lang));
  out.push(noteText('ocr.protocol', { name: said.protocol(r, lang), nextCount: r.protocol.nextCount, rationale: said.rationale(r, lang) }, lang));
  out.push(...warningLines(r, lang));
  out.push(noteText('ocr.threshold', { threshold: r.threshold.value }, lang));
  return out;
}

/** The note's text (lines joined by `\n`), in English unless `lang` says otherwise. */
export function proposalText(r: PatientReport, appVersion: string, choice?: FhirChoice, lang: CatalogLang = 'en'): string {
  const last = r.lastDose ? noteText('head-last', { lastDose: r.lastDose }, lang) : '';
  const head = noteText('head', { patient: r.patientId, drug: r.drug, asOf: r.asOf, last }, lang);
  const body = r.drug === 'natalizumab' ? natalizumabText(r, choice, lang) : ocrelizumabText(r, choice, lang);
  return [
    head,
    ...body,
    noteText('model', { name: r.model.name, id: r.model.id, version: r.model.version, app: appVersion }, lang),
    noteText('disclaimer', {}, lang),
  ].join('\n') + '\n';
}
