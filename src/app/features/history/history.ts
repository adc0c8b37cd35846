/**
 * The proposal history of one patient: for every day a result (natalizumab level, ocrelizumab
 * B-cell count) came in, the proposal the tool would have made as of that day, and how it moved
 * from the one before. Each proposal is the CLI's `propose --as-of DAY`: the worker's compute
 * job with `{ kind: 'date', date: DAY }` (cutAsOf, then computeReport). Pure functions here; the
 * component (ProposalHistory.tsx) runs the jobs.
 */
import type { Interval80, Observation, PatientRecord } from '../../../core/types';
import type { PatientError, PatientReport } from '../../../core/report/types';
import { daysBetween } from '../../../core/time';

/** A day with results: the as-of of one history row. */
export interface HistoryDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The results dated that day (usually one). */
  results: Observation[];
}

/** The days with a level (natalizumab) or count (ocrelizumab), oldest first, up to `upTo` (`YYYY-MM-DD`, inclusive) when given. */
export function historyDays(record: PatientRecord, upTo: string | null = null): HistoryDay[] {
  const samples = record.drug === 'natalizumab' ? record.levels : record.bcells;
  const out: HistoryDay[] = [];
  for (const o of samples) {
    const date = o.iso.slice(0, 10);
    if (upTo !== null && date > upTo) continue;
    const last = out[out.length - 1];
    if (last && last.date === date) last.results.push(o);
    else out.push({ date, results: [o] });
  }
  return out;
}

/** What a history row shows of the proposal as of its day. */
export type HistorySummary =
  | { drug: 'natalizumab'; intervalWeeks: number; nextDose: string; trough: Interval80; probability: number; target: number }
  | { drug: 'ocrelizumab'; crossing: string; crossingLow: string; crossingHigh: string; nextDose: string; nextCount: string; threshold: number; dueNow: boolean }
  | { drug: 'error'; error: string; errorCode?: string; errorParams?: PatientError['errorParams'] };

export function summarise(report: PatientReport | PatientError): HistorySummary {
  if ('error' in report) return { drug: 'error', error: report.error, errorCode: report.errorCode, errorParams: report.errorParams };
  if (report.drug === 'natalizumab') {
    const p = report.proposal;
    return { drug: 'natalizumab', intervalWeeks: p.intervalWeeks, nextDose: p.nextDose, trough: p.predictedTrough, probability: p.probabilityAboveTarget, target: report.target.value };
  }
  const p = report.proposal;
  return {
    drug: 'ocrelizumab', crossing: p.predictedCrossing, crossingLow: p.predictedCrossingLow, crossingHigh: p.predictedCrossingHigh,
    nextDose: p.nextDose, nextCount: p.nextBcellCheck, threshold: report.threshold.value, dueNow: p.dueNow,
  };
}

/** How a proposal moved from the previous one (null: nothing to compare with). */
export type Movement =
  | { drug: 'natalizumab'; intervalWeeks: number; trough: number; probability: number }
  | { drug: 'ocrelizumab'; crossingDays: number; nextDoseDays: number };

export function movement(prev: HistorySummary | null | undefined, cur: HistorySummary | null | undefined): Movement | null {
  if (!prev || !cur) return null;
  if (prev.drug === 'natalizumab' && cur.drug === 'natalizumab') {
    return { drug: 'natalizumab', intervalWeeks: cur.intervalWeeks - prev.intervalWeeks, trough: cur.trough.value - prev.trough.value, probability: cur.probability - prev.probability };
  }
  if (prev.drug === 'ocrelizumab' && cur.drug === 'ocrelizumab') {
    return { drug: 'ocrelizumab', crossingDays: daysBetween(prev.crossing, cur.crossing), nextDoseDays: daysBetween(prev.nextDose, cur.nextDose) };
  }
  return null;
}
