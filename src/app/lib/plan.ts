/**
 * The dose as planned: the model's proposal, or the clinician's choice when one is recorded.
 * Every view that shows a next dose (planning list, card headline, chart, .ics, print, CSV and
 * JSON export, proposal history, clinic-day list) reads it from here, so a choice carries through
 * everywhere and none of them can disagree.
 *
 * An option value is `YYYY-MM-DD/code`: the ISO date of the next dose with that option, then a
 * short code saying what was chosen (`interval:6`, `protocol:5`, `redose`, `redose-early`,
 * `standard`, `count:2024-02-05`, `protocol-count:2024-02-05`). Choices stored before dates were
 * part of the value (`interval:6`, `redose:2024-03-04`, ...) are still read.
 */
import type { PatientError, PatientReport } from '../../core/report/types';
import { daysBetween } from '../../core/time';

/** The clinician's decision as stored with the patient (see storage/db.ts). */
export interface ChoiceLike {
  option: string;
  reason: string;
  at?: string;
  /** The proposal the choice was made beside: its plan day and next dose. */
  basis?: { asOf: string; proposed: string };
}

export interface PlannedDose {
  /** `YYYY-MM-DD` of the dose as planned (the choice's date, or the proposal's). */
  date: string;
  /** `YYYY-MM-DD` of the next lab (natalizumab: the trough before that dose; ocrelizumab: the next count). */
  lab: string | null;
  /** The model's own next dose. */
  proposed: string;
  /** True when a recorded choice sets the date. */
  chosen: boolean;
  /** The choice's code (`interval:6`, ...), or null without a choice. */
  code: string | null;
  reason: string | null;
  /** The choice was made beside another proposal than the current one (new data since): review it. */
  stale: boolean;
  /** The proposal the choice was made beside (when stale: what it was then). */
  basis: { asOf: string; proposed: string } | null;
  /**
   * A choice below the required probability (natalizumab): its chance and the one required, so
   * every view can say it stays risky. Null for the model's own proposal or a choice that meets it.
   */
  risk: { probability: number; required: number } | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Split an option value into its next-dose date (null for an old-style value) and its code. */
export function parseOption(value: string): { date: string | null; code: string } {
  const slash = value.indexOf('/');
  if (slash === 10 && ISO_DATE.test(value.slice(0, 10))) return { date: value.slice(0, 10), code: value.slice(11) };
  return { date: null, code: value };
}

export function optionValue(date: string, code: string): string {
  return `${date.slice(0, 10)}/${code}`;
}

/** The next-dose date a stored option stands for, read against a report (old-style codes need it). */
function optionDate(report: PatientReport, value: string): string | null {
  const { date, code } = parseOption(value);
  if (date) return date;
  const [kind, arg] = code.split(':');
  if (report.drug === 'natalizumab') {
    if (kind === 'interval') return report.alternatives.find((a) => a.weeks === Number(arg))?.nextDose ?? null;
    if (kind === 'protocol') return report.protocol.nextDose;
    return null;
  }
  if ((kind === 'redose' || kind === 'standard') && arg && ISO_DATE.test(arg)) return arg;
  if (kind === 'count' || kind === 'protocol') return report.proposal.nextDose;
  return null;
}

/** The lab date that goes with a choice (ocrelizumab count options carry their own). */
function labFor(report: PatientReport, code: string | null, dose: string): string | null {
  if (report.drug === 'natalizumab') return dose;
  const m = code ? /^(?:count|protocol-count|protocol):(\d{4}-\d{2}-\d{2})$/.exec(code) : null;
  if (m) return m[1];
  return report.proposal.nextBcellCheck;
}

export function isReport(r: PatientReport | PatientError | undefined | null): r is PatientReport {
  return !!r && !('error' in r);
}

/** The dose as planned for a report and the patient's choice (if any). */
export function plannedDose(report: PatientReport, choice: ChoiceLike | null | undefined): PlannedDose {
  const proposed = report.proposal.nextDose;
  const date = choice ? optionDate(report, choice.option) : null;
  if (!choice || !date) {
    return { date: proposed, lab: labFor(report, null, proposed), proposed, chosen: false, code: null, reason: null, stale: false, basis: null, risk: null };
  }
  const code = parseOption(choice.option).code;
  const basis = choice.basis ?? null;
  const stale = !!basis && (basis.proposed !== proposed || basis.asOf > report.asOf);
  const low = optionProbability(report, choice.option);
  const risk = low?.below ? { probability: low.probability, required: low.required } : null;
  return { date, lab: labFor(report, code, date), proposed, chosen: true, code, reason: choice.reason, stale, basis, risk };
}

/**
 * The chance that goes with a natalizumab option and the one required of it: P(steady-state
 * trough ≥ target) against `proposal.requiredSteadyState` and P(next trough ≥ target) against
 * `proposal.requiredNext` (both `options.probability` unless monitored): the one with the
 * smaller margin. Null for options without one (ocrelizumab).
 */
export function optionProbability(report: PatientReport, value: string): { probability: number; required: number; below: boolean } | null {
  if (report.drug !== 'natalizumab') return null;
  const { code } = parseOption(value);
  const [kind, arg] = code.split(':');
  const weeks = kind === 'interval' ? Number(arg) : kind === 'protocol' ? report.protocol.intervalWeeks : NaN;
  const alt = report.alternatives.find((a) => a.weeks === weeks);
  if (!alt) return null;
  // Reports stored before the fields existed required the same of both.
  const requiredNext = report.proposal.requiredNext ?? report.options.probability;
  const requiredSs = report.proposal.requiredSteadyState ?? report.options.probability;
  // The one with the smaller margin over what it needs (the smaller one when both need the same).
  const ss = { probability: alt.pSteadyState, required: requiredSs };
  const next = { probability: alt.pNext, required: requiredNext };
  const p = ss.probability - ss.required <= next.probability - next.required ? ss : next;
  return { ...p, below: !alt.acceptable || p.probability < p.required };
}


/** True when the planned date lies before today (`YYYY-MM-DD`). */
export function isPast(date: string, today: string): boolean {
  return daysBetween(today, date) < 0;
}
