/**
 * The track record by calendar quarter, and a shift of the troughs against their forecasts.
 *
 * A forecast made from the rows before each trough follows the patient: when a laboratory starts
 * reading low, the first low troughs fall below their forecasts and after two or three the fit has
 * moved to the new level, so the whole record's coverage hardly shows it (README, limits). The
 * quarter in which it started does: most of its troughs lie below the forecast's median. Under a
 * calibrated forecast each trough lies below its forecast's median with probability one half,
 * independently (each forecast is made from the rows before it), so the count below is
 * Binomial(n, ½): an exact two-sided sign test. A quarter is flagged when that test gives
 * p < SHIFT_P with at least SHIFT_MIN_TROUGHS uncensored troughs and the median ratio is at least
 * SHIFT_MIN_RATIO away from 1 (a small bias over many troughs is not a laboratory change).
 * Censored troughs count in the coverage but not in the test or the median (as in the record).
 */
import { median, type TroughScore } from './track-record';

/** Two-sided sign-test level below which a quarter is flagged (one quarter in a thousand by chance). */
export const SHIFT_P = 0.001;
/** Fewest uncensored troughs in a quarter for the test. */
export const SHIFT_MIN_TROUGHS = 10;
/** Smallest |measured ÷ forecast − 1| (the quarter's median) that is flagged. */
export const SHIFT_MIN_RATIO = 0.1;

export interface QuarterRecord {
  /** `YYYY-Qn`, from the troughs' local dates. */
  quarter: string;
  scored: number;
  patients: number;
  /** Share inside the 80 % interval (censored troughs included, as in the record). */
  cover80: number;
  /** Median ln(measured ÷ forecast median) of the uncensored troughs; null when none. */
  medianLogRatio: number | null;
  /** Uncensored troughs below and above the forecast's median (ties counted in neither). */
  below: number;
  above: number;
  /** Exact two-sided sign test of below against above. */
  p: number;
  /** 'low' or 'high' when the quarter's troughs read clearly off their forecasts. */
  shift: 'low' | 'high' | null;
}

/** `YYYY-Qn` of a local ISO date or date-time. */
export function quarterOf(iso: string): string {
  const year = iso.slice(0, 4), month = Number(iso.slice(5, 7));
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/**
 * P(X ≤ k) + P(X ≥ n − k) for X ~ Binomial(n, ½) and k the smaller count, at most 1: the exact
 * two-sided sign test. Summed in log space (n in the thousands stays finite).
 */
export function signTestP(below: number, above: number): number {
  const n = below + above;
  if (n === 0) return 1;
  const k = Math.min(below, above);
  // ln C(n, i) − n ln 2, built up from i = 0.
  let logTerm = -n * Math.LN2, tail = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logTerm += Math.log((n - i + 1) / i);
    tail += Math.exp(logTerm);
  }
  return Math.min(1, 2 * tail);
}

/** One quarter's numbers from its scores. */
function quarterRecord(quarter: string, scores: readonly TroughScore[]): QuarterRecord {
  const ratios = scores.filter((s) => s.logRatio !== null).map((s) => s.logRatio as number);
  const below = ratios.filter((r) => r < 0).length, above = ratios.filter((r) => r > 0).length;
  const p = signTestP(below, above);
  const m = median(ratios);
  const clear = m !== null && ratios.length >= SHIFT_MIN_TROUGHS && p < SHIFT_P && Math.abs(Math.expm1(m)) >= SHIFT_MIN_RATIO;
  return {
    quarter, scored: scores.length, patients: new Set(scores.map((s) => s.patientId)).size,
    cover80: scores.filter((s) => s.inside[1]).length / scores.length,
    medianLogRatio: m, below, above, p,
    shift: clear ? (m < 0 ? 'low' : 'high') : null,
  };
}

/** The scores by calendar quarter of the trough's date, in time order. */
export function trackRecordByQuarter(scores: readonly TroughScore[]): QuarterRecord[] {
  const groups = new Map<string, TroughScore[]>();
  for (const s of scores) {
    const q = quarterOf(s.iso);
    const g = groups.get(q);
    if (g) g.push(s); else groups.set(q, [s]);
  }
  return [...groups.keys()].sort().map((q) => quarterRecord(q, groups.get(q)!));
}
