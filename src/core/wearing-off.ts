/**
 * Wearing-off reports (TDM CSV kind `wearing_off`, issue 19) set against the dosing intervals,
 * for either drug: which interval each report fell in, how many intervals had wearing-off, and
 * whether the onset moved as the intervals changed (the NEXT-MS question: earlier in the interval
 * as it was extended, or not). The drug engines add what the curve says at each onset
 * (src/core/natalizumab/wearing-off.ts, src/core/ocrelizumab/wearing-off.ts). Pure: no clock.
 *
 * An interval runs from a dose (for ocrelizumab: the start of a dose, the 2 × 300 mg start counting
 * as one) to the next, the next dose included: a report dated at an infusion belongs to the
 * interval that ended there (the spec: a 0 at an infusion is "none felt in the interval that ended
 * there"). The last interval is open, up to as-of.
 */
import type { Days, Interval80, PatientRecord, WearingOffEvent } from './types';
import { formatDate } from './time';

/** One report of wearing-off (intensity 1–3) in a dosing interval. */
export interface WearingOffPoint {
  time: Days;
  /** `YYYY-MM-DDTHH:MM` of the onset. */
  iso: string;
  score: 1 | 2 | 3;
  /** `YYYY-MM-DDTHH:MM` of the dose that opened the interval. */
  doseIso: string;
  /** Weeks from that dose to the onset. */
  weeksSinceDose: number;
  /** Length of the interval in weeks (to the next dose), or null for the open last interval. */
  intervalWeeks: number | null;
  /** Natalizumab: the engine's predicted concentration at the onset (µg/mL) with its 80 % interval. */
  concentration?: Interval80;
  /** Ocrelizumab: the predicted CD19+ count at the onset (cells/µL) with its 80 % interval. */
  count?: Interval80;
}

/** How the onset moved between the first and the latest interval with wearing-off. */
export interface WearingOffChange {
  /**
   * `earlier`: the latest onset came at least CHANGE_WEEKS sooner after the dose than the first;
   * `later`: at least CHANGE_WEEKS later; `unchanged`: within that; `too-few`: fewer than two
   * intervals with wearing-off.
   */
  kind: 'earlier' | 'later' | 'unchanged' | 'too-few';
  first?: { weeksSinceDose: number; intervalWeeks: number | null; date: string };
  latest?: { weeksSinceDose: number; intervalWeeks: number | null; date: string };
  /** The interval was longer at the latest report than at the first (it was extended). */
  extended?: boolean;
}

export interface WearingOffSummary {
  /** Reports of wearing-off (intensity 1–3) after the first dose, oldest first. */
  reports: WearingOffPoint[];
  /** Dosing intervals up to as-of (the open last one included). */
  intervals: number;
  /** Intervals with at least one report of wearing-off. */
  intervalsWithWearingOff: number;
  /** Intervals recorded as without ("none this interval": a 0 and no report of 1–3). */
  intervalsWithout: number;
  /** Reports dated at or before the first dose (no interval to set them in): kept, not analysed. */
  beforeFirstDose: number;
  change: WearingOffChange;
  /**
   * Natalizumab: the patient's own floor, the median of the predicted concentrations at the onsets
   * (µg/mL, 3 significant digits), and whether it lies above the target.
   */
  floor?: number;
  aboveTarget?: boolean;
}

/** A shift of the onset by this many weeks or more counts as a change (half a week: 3.5 days). */
export const CHANGE_WEEKS = 0.5;

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A predicted value at an onset as the report keeps it: 4 significant digits, the precision of the
 * command line's numbers (`tdm propose`, `tdm predict`), so the card, the chart, the print and the
 * command line round the one same number (no 26.6 on screen against 26.65 on the line).
 */
export const sig4 = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(4)) : x);

/**
 * The reports set against the intervals opened by `starts` (sorted dose or dose-group start times,
 * on or before as-of). Concentrations and counts are added by the drug engines.
 */
export function wearingOffIntervals(reportsIn: readonly WearingOffEvent[], starts: readonly { time: Days; iso: string }[]): WearingOffSummary {
  const reports: WearingOffPoint[] = [];
  let beforeFirstDose = 0;
  const withReport = new Set<number>();
  const withZero = new Set<number>();
  const firstByInterval = new Map<number, WearingOffPoint>();
  for (const r of reportsIn) {
    // The interval (starts[i], starts[i+1]]: the last start strictly before the onset.
    let i = -1;
    for (let k = 0; k < starts.length && starts[k].time < r.time; k++) i = k;
    if (i < 0) { beforeFirstDose++; continue; }
    if (r.score === 0) { withZero.add(i); continue; }
    const next = starts[i + 1];
    const p: WearingOffPoint = {
      time: r.time, iso: r.iso, score: r.score, doseIso: starts[i].iso,
      weeksSinceDose: round2((r.time - starts[i].time) / 7),
      intervalWeeks: next ? round2((next.time - starts[i].time) / 7) : null,
    };
    reports.push(p);
    withReport.add(i);
    if (!firstByInterval.has(i)) firstByInterval.set(i, p);
  }
  let intervalsWithout = 0;
  for (const i of withZero) if (!withReport.has(i)) intervalsWithout++;
  const firsts = [...firstByInterval.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  return {
    reports, intervals: starts.length, intervalsWithWearingOff: withReport.size, intervalsWithout, beforeFirstDose,
    change: changeOf(firsts),
  };
}

function changeOf(firsts: WearingOffPoint[]): WearingOffChange {
  if (firsts.length < 2) return { kind: 'too-few' };
  const a = firsts[0], b = firsts[firsts.length - 1];
  const d = b.weeksSinceDose - a.weeksSinceDose;
  const kind = d <= -CHANGE_WEEKS ? 'earlier' : d >= CHANGE_WEEKS ? 'later' : 'unchanged';
  const at = (p: WearingOffPoint) => ({ weeksSinceDose: p.weeksSinceDose, intervalWeeks: p.intervalWeeks, date: formatDate(p.time) });
  // An open last interval has lasted at least up to its onset.
  const len = (p: WearingOffPoint) => p.intervalWeeks ?? p.weeksSinceDose;
  return { kind, first: at(a), latest: at(b), extended: len(b) > len(a) + 1e-9 };
}

/** The patient's reports up to as-of (sorted, as the records module keeps them). */
export function reportsUpTo(p: PatientRecord, asOf: Days): WearingOffEvent[] {
  return (p.wearingOff ?? []).filter((w) => w.time <= asOf);
}

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
