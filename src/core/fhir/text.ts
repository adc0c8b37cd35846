/**
 * The proposal as a clinician reads it, in plain text: what the record keeps as a note
 * (DocumentReference, spec/fhir.md). Built from the one report object with the engine's English
 * sentences (its `reason`, the protocol's `rationale`, the warnings' messages), as the command line
 * prints them, so the note says what the card and the CLI say.
 */
import type { NatalizumabReport, OcrelizumabReport, PatientReport } from '../report/types';

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

export const DISCLAIMER = 'Decision aid, not a certified medical device: the clinician decides.';

const sig3 = (x: number) => String(Number(x.toPrecision(3)));

/** A probability as the card says it: `92 %`, `< 1 %`, `> 99 %`. */
export function percentText(p: number): string {
  if (p < 0.01) return '< 1 %';
  if (p > 0.99) return '> 99 %';
  return `${Math.round(p * 100)} %`;
}

function warningLines(r: PatientReport): string[] {
  const ws = r.warnings.filter((w) => w.severity !== 'info');
  const notes = r.warnings.filter((w) => w.severity === 'info');
  const out = [ws.length ? 'Warnings:' : 'Warnings: none.'];
  for (const w of ws) out.push(`- ${w.message}`);
  if (notes.length) {
    out.push('Notes:');
    for (const w of notes) out.push(`- ${w.message}`);
  }
  return out;
}

function natalizumabText(r: NatalizumabReport, choice: FhirChoice | undefined): string[] {
  const p = r.proposal;
  const out: string[] = [];
  const proposed = `next dose ${p.nextDose} (interval ${p.intervalWeeks} weeks)`;
  if (choice) {
    out.push(`Next dose (chosen by the clinician): ${choice.nextDose}${choice.intervalWeeks !== undefined ? ` (interval ${choice.intervalWeeks} weeks)` : ''}${choice.label ? `: ${choice.label}` : ''}.`);
    out.push(`Reason for the choice: ${choice.reason}`);
    out.push(`The model proposed: ${proposed}.`);
  } else {
    out.push(`Next dose: ${p.nextDose} (interval ${p.intervalWeeks} weeks, proposed by the model).`);
  }
  const chosenAlt = choice?.intervalWeeks !== undefined ? r.alternatives.find((a) => a.weeks === choice.intervalWeeks) : undefined;
  const show = (label: string, weeks: number, ss: { value: number; low: number; high: number }, prob: number) =>
    `${label} (${weeks} weeks repeated): predicted steady-state trough ${sig3(ss.value)} µg/mL (80 % interval ${sig3(ss.low)} to ${sig3(ss.high)} µg/mL); probability at or above the target: ${percentText(prob)}.`;
  if (chosenAlt && chosenAlt.weeks !== p.intervalWeeks) out.push(show('Chosen interval', chosenAlt.weeks, chosenAlt.ssTrough, chosenAlt.pSteadyState));
  out.push(show('Proposed interval', p.intervalWeeks, p.predictedTrough, p.probabilityAboveTarget));
  out.push(`Next trough (just before the next dose): ${sig3(p.nextTrough.value)} µg/mL (80 % interval ${sig3(p.nextTrough.low)} to ${sig3(p.nextTrough.high)} µg/mL); probability at or above the target: ${percentText(p.probabilityNextAboveTarget)}.`);
  out.push(`Why: ${p.reason}`);
  out.push(`Rule-based protocol beside it (${r.protocol.name}): interval ${r.protocol.intervalWeeks} weeks, next dose ${r.protocol.nextDose}. ${r.protocol.rationale}`);
  out.push(...warningLines(r));
  out.push(`Target: trough at or above ${r.target.value} µg/mL, with a probability of at least ${percentText(p.requiredSteadyState)} at steady state.`);
  return out;
}

function ocrelizumabText(r: OcrelizumabReport, choice: FhirChoice | undefined): string[] {
  const p = r.proposal;
  const out: string[] = [];
  if (choice) {
    out.push(`Next dose (chosen by the clinician): ${choice.nextDose}${choice.label ? `: ${choice.label}` : ''}.`);
    out.push(`Reason for the choice: ${choice.reason}`);
    out.push(`The model proposed: next dose ${p.nextDose} (${p.weeksSinceLastDose} weeks after the last dose).`);
  } else {
    out.push(`Next dose: ${p.nextDose} (${p.weeksSinceLastDose} weeks after the last dose, proposed by the model).`);
  }
  out.push(`Predicted crossing of ${r.threshold.value} cells/µL: ${p.predictedCrossing} (80 % interval ${p.predictedCrossingLow} to ${p.predictedCrossingHigh}).`);
  out.push(`Next CD19 count: ${p.nextBcellCheck}.`);
  out.push(`Why: ${p.reason}`);
  out.push(`Rule-based protocol beside it (${r.protocol.name}): next count ${r.protocol.nextCount}. ${r.protocol.rationale}`);
  out.push(...warningLines(r));
  out.push(`Threshold: re-dose when the CD19+ B-cell count reaches ${r.threshold.value} cells/µL.`);
  return out;
}

/** The note's text (lines joined by `\n`). */
export function proposalText(r: PatientReport, appVersion: string, choice?: FhirChoice): string {
  const head = `MS Interval proposal for patient ${r.patientId} (${r.drug}), planned on ${r.asOf}${r.lastDose ? `; last dose ${r.lastDose.replace('T', ' ')}` : ''}.`;
  const body = r.drug === 'natalizumab' ? natalizumabText(r, choice) : ocrelizumabText(r, choice);
  return [
    head,
    ...body,
    `Model: ${r.model.name} (${r.model.id}), version ${r.model.version}; MS Interval ${appVersion}.`,
    DISCLAIMER,
  ].join('\n') + '\n';
}
