/**
 * Guards (warnings with stable codes) and the rule-based PDNMS protocol shown beside the model.
 */
import type { Days, DoseEvent, Issue, Observation, TextParams } from '../types';
import type { NatalizumabReport } from '../report/types';
import { formatDate, WEEK } from '../time';
import { nextDoseDate } from './schedule';
import { WEIGHT_ACCEPTED, isAcceptedWeight } from '../records/plausible';
import { english, withEnglish } from '../text';

/** A level counts as a trough when drawn 21–35 days after the preceding dose (late in a ~4-week interval). */
const TROUGH_MIN_DAYS = 21;
const TROUGH_MAX_DAYS = 35;
/** Antibody-like: a 4-weekly trough below this (µg/mL), or censored. */
export const ADA_TROUGH = 2;

/** A 4-weekly trough below this (µg/mL) is lower than in almost all patients (94 % are ≥ 10). */
export const LOW_TROUGH = 5;

/**
 * Body weights an adult with MS can have, kg: the records check's range (records/plausible.ts, the
 * one place it is set). Outside it the weight is wrong (a unit, a typo): the model's covariates
 * would be extrapolated beyond sense, so nothing is extended until it is checked.
 */
export const PLAUSIBLE_WEIGHT_KG = WEIGHT_ACCEPTED;

/** The first weight outside PLAUSIBLE_WEIGHT_KG, or null. */
export function implausibleWeight(kgs: readonly number[]): number | null {
  for (const kg of kgs) if (!isAcceptedWeight(kg)) return kg;
  return null;
}

function previousDose(doses: DoseEvent[], t: Days): DoseEvent | null {
  let p: DoseEvent | null = null;
  // A level at a dose time was drawn before it: strictly earlier doses only.
  for (const d of doses) { if (d.time < t) p = d; else break; }
  return p;
}

/** Troughs on 4-weekly dosing: levels drawn 21–35 days after the preceding dose. */
export function troughsOnQ4w(levels: Observation[], doses: DoseEvent[]): Observation[] {
  return levels.filter((l) => {
    const p = previousDose(doses, l.time);
    if (!p) return false;
    const gap = l.time - p.time;
    return gap >= TROUGH_MIN_DAYS && gap <= TROUGH_MAX_DAYS;
  });
}

/** The latest level drawn late in an interval (a trough), or null. */
export function latestTrough(levels: Observation[], doses: DoseEvent[]): Observation | null {
  let best: Observation | null = null;
  for (const l of levels) {
    const p = previousDose(doses, l.time);
    if (p && l.time - p.time >= TROUGH_MIN_DAYS) best = l;
  }
  return best;
}

/**
 * Anti-drug antibodies or missed doses: one of the two latest troughs on 4-weekly dosing is below
 * 2 µg/mL or reported below the lab's limit. Such a patient stays at 4 weeks and needs an antibody test.
 */
export function antibodyGuard(levels: Observation[], doses: DoseEvent[]): Issue | null {
  const troughs = troughsOnQ4w(levels, doses).slice(-2);
  // A censored trough counts when the lab's limit is low (≤ 5 µg/mL); `<40` says little.
  const low = troughs.filter((l) => (l.censored && l.value <= LOW_TROUGH) || (!l.censored && l.value < ADA_TROUGH));
  if (!low.length) return null;
  const l = low[low.length - 1];
  return withEnglish({
    code: 'antibodies-suspected', severity: 'warning',
    value: l.raw,
    variant: l.censored ? 'censored' : 'level',
    params: l.censored ? { date: formatDate(l.time), limit: l.value } : { date: formatDate(l.time), level: round(l.value) },
  });
}

/**
 * A trough of 2–5 µg/mL on 4-weekly dosing: not the antibody pattern, but lower than in almost all
 * patients: late or missed doses, or antibodies? (Used when antibodyGuard did not fire.)
 */
export function lowTroughGuard(levels: Observation[], doses: DoseEvent[]): Issue | null {
  const low = troughsOnQ4w(levels, doses).slice(-2).filter((l) => !l.censored && l.value < LOW_TROUGH);
  if (!low.length) return null;
  const l = low[low.length - 1];
  return withEnglish({
    code: 'low-trough-q4w', severity: 'warning',
    value: l.raw,
    params: { date: formatDate(l.time), level: round(l.value) },
  });
}

export function censoredIssues(levels: Observation[]): Issue[] {
  return levels.filter((l) => l.censored).map((l) => (withEnglish({
    code: 'censored-level', severity: 'info' as const,
    value: l.raw,
    params: { date: formatDate(l.time), limit: l.value },
  })));
}

export function residualIssues(res: { time: Days; observed: number; predicted: number; censored: boolean; standardised: number }[]): Issue[] {
  const out: Issue[] = [];
  for (const r of res) {
    // A censored level is only unexplained when the prediction lies far above its limit.
    const bad = r.censored ? r.standardised < -3 : Math.abs(r.standardised) > 3;
    if (bad) {
      out.push(withEnglish({
        code: 'level-unexplained', severity: 'warning',
        params: { date: formatDate(r.time), lt: r.censored ? '<' : '', observed: round(r.observed), predicted: round(r.predicted) },
      }));
    }
  }
  return out;
}

function round(x: number): string {
  return x >= 10 ? x.toFixed(1) : x.toPrecision(2);
}

/** PDNMS: a trough above this (µg/mL) lengthens the interval by one week. */
export const PDNMS_EXTEND_ABOVE = 15;
/** Our reading: a trough below this (or censored) shortens it by one week. */
export const PDNMS_SHORTEN_BELOW = 10;
export const PDNMS_MIN_WEEKS = 4;
export const PDNMS_MAX_WEEKS = 8;

/**
 * The PDNMS rule's next interval from the current one and the latest trough (a censored trough
 * counts as below 10): the one place the rule is written (the proposal's protocol and the trial's
 * PDNMS arm both use it).
 */
export function pdnmsWeeks(current: number, trough: { value: number; censored: boolean }): number {
  if (trough.censored || trough.value < PDNMS_SHORTEN_BELOW) return Math.max(PDNMS_MIN_WEEKS, current - 1);
  if (trough.value > PDNMS_EXTEND_ABOVE) return Math.min(PDNMS_MAX_WEEKS, current + 1);
  return current;
}

/**
 * PDNMS (van Kempen 2020): trough before each infusion; above 15 µg/mL the interval grows by one
 * week, to at most 8. Our reading for the rest (the published protocol does not fix it): 10–15
 * keeps the current interval; below 10 shortens it by one week, not below 4.
 */
export function protocolPdnms(doses: DoseEvent[], trough: Observation | null, infusionWeekday: number | null): NatalizumabReport['protocol'] {
  const n = doses.length;
  const current = n >= 2 ? Math.max(PDNMS_MIN_WEEKS, Math.min(PDNMS_MAX_WEEKS, Math.round((doses[n - 1].time - doses[n - 2].time) / WEEK))) : PDNMS_MIN_WEEKS;
  const last = n ? doses[n - 1].time : 0;
  let weeks = current;
  let rationaleCode: string;
  let rationaleParams: TextParams;
  if (!trough) {
    rationaleCode = 'pdnms.none'; rationaleParams = { weeks: current };
  } else if (trough.censored || trough.value < PDNMS_SHORTEN_BELOW) {
    weeks = pdnmsWeeks(current, trough);
    rationaleCode = weeks < current ? 'pdnms.below-shorten' : 'pdnms.below-stay';
    rationaleParams = { lt: trough.censored ? '<' : '', trough: round(trough.value), weeks };
  } else if (trough.value > PDNMS_EXTEND_ABOVE) {
    weeks = pdnmsWeeks(current, trough);
    rationaleCode = weeks > current ? 'pdnms.above-extend' : 'pdnms.above-stay';
    rationaleParams = { trough: round(trough.value), weeks };
  } else {
    rationaleCode = 'pdnms.between'; rationaleParams = { trough: round(trough.value), weeks: current };
  }
  // The protocol's name and rationale are codes; their English is the one catalog's.
  return {
    name: english('pdnms.name', {}), intervalWeeks: weeks, nextDose: nextDoseDate(last, weeks, infusionWeekday), rationale: english(rationaleCode, rationaleParams),
    nameCode: 'pdnms.name', nameParams: {}, rationaleCode, rationaleParams,
  };
}
