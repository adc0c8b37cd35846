/**
 * Preprocessing: infusion cycles, the counts of each cycle, the plateau Bmax, and the checks that
 * concern the record itself (unusual doses, counts before depletion, non-depletion, counts above
 * the model's range).
 */
import type { Days, DoseEvent, Issue, Observation, PatientRecord } from '../types';
import { formatDate } from '../time';
import { OCRELIZUMAB_BCELL } from '../../../models/ocrelizumab-bcell-logistic';
import type { CountObs } from './posterior';
import { withEnglish } from '../text';

const M = OCRELIZUMAB_BCELL;

/** One infusion cycle's dose: a 600 mg infusion, or the 2 × 300 mg start counted as one dose at its first infusion. */
export interface DoseGroup {
  start: Days;
  doses: DoseEvent[];
  totalMg: number;
}

/** Longest gap between the two 300 mg infusions of the starting dose that still counts as one dose (label: 2 weeks apart). */
export const SPLIT_START_MAX_DAYS = 28;

/** Doses grouped into cycles (input sorted by time). */
export function groupDoses(doses: DoseEvent[]): DoseGroup[] {
  const groups: DoseGroup[] = [];
  for (const d of doses) {
    const g = groups[groups.length - 1];
    if (g && g.doses.length === 1 && g.doses[0].amountMg === 300 && d.amountMg === 300 && d.time - g.start <= SPLIT_START_MAX_DAYS) {
      g.doses.push(d);
      g.totalMg += d.amountMg;
    } else {
      groups.push({ start: d.time, doses: [d], totalMg: d.amountMg });
    }
  }
  return groups;
}

/** Warnings for doses other than 600 mg or the 2 × 300 mg start. */
export function doseIssues(groups: DoseGroup[]): Issue[] {
  const out: Issue[] = [];
  for (const g of groups) {
    const ok = (g.doses.length === 1 && g.doses[0].amountMg === 600) || (g.doses.length === 2 && g.totalMg === 600);
    if (ok) continue;
    for (const d of g.doses) {
      out.push(withEnglish({ code: 'ocr-unusual-dose', severity: 'warning', line: d.line, value: String(d.amountMg),
        variant: d.amountMg === 300 ? 'single-300' : 'other', params: d.amountMg === 300 ? { date: formatDate(d.time), weeks: SPLIT_START_MAX_DAYS / 7 } : { mg: d.amountMg, date: formatDate(d.time) } }));
    }
  }
  return out;
}

/** A count as used by the fit: `0` and `<x` are censored (below x, or below the lab limit for 0). */
export function toCountObs(o: Observation, start: Days, labLimit: number): CountObs {
  const t = (o.time - start) / 7;
  if (o.censored) return { t, value: o.value > 0 ? o.value : labLimit, censored: true };
  if (o.value <= 0) return { t, value: labLimit, censored: true };
  return { t, value: o.value, censored: false };
}

export interface CycleCounts {
  /** Counts used in the fit (from `depletionWeeks` after the infusion on). */
  used: CountObs[];
  /** The observations behind `used`, same order. */
  usedObs: Observation[];
  /** Counts within `depletionWeeks` of the infusion (left out of the fit). */
  early: Observation[];
}

/** Counts after `start` and up to `end` (a count at a dose time belongs to the cycle before it). */
export function cycleCounts(bcells: Observation[], start: Days, end: Days, labLimit: number): CycleCounts {
  const used: CountObs[] = [], usedObs: Observation[] = [], early: Observation[] = [];
  for (const o of bcells) {
    if (!(o.time > start && o.time <= end)) continue;
    const c = toCountObs(o, start, labLimit);
    if (c.t < M.depletionWeeks) early.push(o);
    else { used.push(c); usedObs.push(o); }
  }
  return { used, usedObs, early };
}

/** The patient's plateau: the latest uncensored count on or before the first dose, if plausible. */
export function resolveBmax(p: PatientRecord, firstDose: Days, threshold: number): { bmax: number; fromPatient: boolean; issues: Issue[] } {
  const pre = p.bcells.filter((o) => o.time <= firstDose);
  const issues: Issue[] = [];
  if (pre.length === 0) return { bmax: M.defaultBmax, fromPatient: false, issues };
  const last = pre[pre.length - 1];
  const floor = Math.max(3 * M.referenceCount, 2 * threshold);
  if (last.censored || last.value < floor) {
    issues.push(withEnglish({ code: 'ocr-pretreatment-count-unusable', severity: 'warning', line: last.line, value: last.raw,
      params: { count: last.raw, date: formatDate(last.time), floor, bmax: M.defaultBmax } }));
    return { bmax: M.defaultBmax, fromPatient: false, issues };
  }
  return { bmax: last.value, fromPatient: true, issues };
}

/**
 * Possible non-depleter: the first count from `depletionWeeks` after the infusion is at or above
 * the threshold and was taken before `nonDepletionWeeks` (the prior gives < 0.1 % chance of
 * repopulation by then), with no lower count before it.
 */
export function nonDepletionIssue(counts: CountObs[], obs: Observation[], start: Days, threshold: number, which: 'this' | 'the previous'): Issue | null {
  if (counts.length === 0) return null;
  const c = counts[0];
  if (c.censored || c.value < threshold || c.t >= M.nonDepletionWeeks) return null;
  const o = obs[0];
  return withEnglish({
    code: 'ocr-possible-non-depleter',
    severity: 'warning',
    line: o.line,
    value: o.raw,
    params: { count: o.raw, date: formatDate(o.time), weeks: c.t.toFixed(1), infusion: formatDate(start), which: which === 'this' ? 'cycle-this' : 'cycle-previous', threshold },
  });
}
