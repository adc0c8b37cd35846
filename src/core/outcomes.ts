/**
 * Clinic outcomes for a period (issue 19; `tdm outcomes`, spec/cli.md, and the app's outcomes
 * view): per drug, the infusions given against those the standard schedule would have given, the
 * hospital visits, the troughs at target or the B-cell counts below the threshold at re-dose, and
 * the intervals with wearing-off. Pure: dates in, counts out (no clock, no price unless given).
 *
 * Definitions (dates inclusive, by calendar day of the local wall clock):
 * - a patient is in the period when it has an infusion in it;
 * - `infusions`: natalizumab infusions in the period; ocrelizumab doses in the period, the
 *   2 × 300 mg start counting as one dose (as the schedule and the engine count it), with
 *   `infusion_visits` counting each infusion;
 * - `standard_infusions`: per patient, the standard schedule from that patient's first infusion
 *   in the period, every 4 weeks (natalizumab) or 24 weeks (ocrelizumab), up to the period's end:
 *   ⌊(end − first) / step⌋ + 1 in days; `infusions_avoided` = standard − given (negative when more
 *   were given than the schedule);
 * - `hospital_visits`: days in the period with an infusion or a venous sample (a trough drawn
 *   just before the infusion is the same visit; a finger-prick at home is none);
 *   `standard_visits`: the standard schedule's visits, its infusions plus the second half of an
 *   ocrelizumab 2 × 300 mg start in the period (the standard schedule starts the same way);
 *   `hospital_visits_avoided` = standard_visits − hospital_visits;
 * - natalizumab `troughs`: levels drawn just before an infusion (the trend module's rule: at most
 *   3 days before it and 21 days or more after the previous one; the latest also when no infusion
 *   has followed yet, at a whole-week interval) in the period; `troughs_at_target`: of these,
 *   measured at or above the target (a censored `<x` never is);
 * - ocrelizumab `bcell_counts_at_redose`: re-doses in the period with a count in the 6 weeks
 *   before them (after the previous dose), the latest such count; `bcell_counts_below_threshold`:
 *   of these, below the threshold (a censored `<x` with x at or below it is);
 * - `intervals_with_wearing_off`: dosing intervals with a wearing-off report (intensity 1–3)
 *   whose onset lies in the period (an interval counted once);
 * - `cost_avoided`: infusions_avoided × the price per infusion, only when a price is given.
 */
import type { Days, DoseEvent, Drug, PatientRecord } from './types';
import { formatDate, parseIsoTime, startOfDay } from './time';
import { troughsBeforeDoses } from './natalizumab/trend';
import { groupDoses } from './ocrelizumab/cycles';
import { reportsUpTo, wearingOffIntervals } from './wearing-off';

/** Standard schedule, days between infusions. */
export const STANDARD_STEP_DAYS: Record<Drug, number> = { natalizumab: 28, ocrelizumab: 168 };
/** A count counts as "at re-dose" when drawn at most this many days before it. */
export const REDOSE_COUNT_WINDOW_DAYS = 42;

export interface OutcomesOptions {
  /** Natalizumab trough target, µg/mL. @default 10 */
  target?: number;
  /** Ocrelizumab threshold, cells/µL. @default 10 */
  threshold?: number;
  /** Price per infusion (the clinic's currency), per drug; no cost is computed without it. */
  pricePerInfusion?: Partial<Record<Drug, number>>;
}

export interface DrugOutcomes {
  patients: number;
  infusions: number;
  standard_infusions: number;
  infusions_avoided: number;
  infusion_visits: number;
  hospital_visits: number;
  /** The standard schedule's visits: its infusions, plus the second infusion of an ocrelizumab split start. */
  standard_visits: number;
  hospital_visits_avoided: number;
  /** Natalizumab only. */
  troughs?: number;
  troughs_at_target?: number;
  /** Ocrelizumab only. */
  bcell_counts_at_redose?: number;
  bcell_counts_below_threshold?: number;
  intervals_with_wearing_off: number;
  /** Only when a price per infusion was given. */
  cost_avoided?: number;
  price_per_infusion?: number;
  /** Infusions given and those of the standard schedule, by calendar month `YYYY-MM` of the period. */
  by_month: { month: string; infusions: number; standard_infusions: number }[];
}

export interface ClinicOutcomes {
  from: string;
  to: string;
  target: number;
  threshold: number;
  natalizumab?: DrugOutcomes;
  ocrelizumab?: DrugOutcomes;
}

/** Day number (00:00) of a `YYYY-MM-DD`, or null. */
export function dayOf(date: string): Days | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return parseIsoTime(date, 0);
}

/** How many infusions the standard schedule gives from `firstDay` up to `endDay` (both day numbers, inclusive). */
export function standardCount(firstDay: Days, endDay: Days, stepDays: number): number {
  if (endDay < firstDay) return 0;
  return Math.floor((endDay - firstDay) / stepDays + 1e-9) + 1;
}

/** The months `YYYY-MM` from the one of `fromDay` to the one of `toDay`. */
function monthsOf(fromDay: Days, toDay: Days): string[] {
  const out: string[] = [];
  const a = formatDate(fromDay), b = formatDate(toDay);
  let y = Number(a.slice(0, 4)), m = Number(a.slice(5, 7));
  const endKey = b.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= endKey) break;
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return out;
}

/**
 * The samples that say whether the extended schedule kept its aim, counted into `o`: natalizumab
 * troughs in the period and those at target; ocrelizumab re-doses in the period with a count in the
 * window before them, and those below the threshold.
 */
function countSamplesAtTarget(o: DrugOutcomes, p: PatientRecord, doses: DoseEvent[], starts: readonly Days[], inPeriod: (t: Days) => boolean, target: number, threshold: number): void {
  if (p.drug === 'natalizumab') {
    for (const tr of troughsBeforeDoses(p.levels, doses)) {
      if (!inPeriod(tr.obs.time)) continue;
      o.troughs!++;
      if (!tr.obs.censored && tr.obs.value >= target) o.troughs_at_target!++;
    }
    return;
  }
  for (let g = 1; g < starts.length; g++) {
    const t = starts[g];
    if (!inPeriod(t)) continue;
    const before = p.bcells.filter((c) => c.time <= t && c.time > starts[g - 1] && t - c.time <= REDOSE_COUNT_WINDOW_DAYS);
    if (!before.length) continue;
    const c = before[before.length - 1];
    o.bcell_counts_at_redose!++;
    if (c.censored ? c.value <= threshold : c.value < threshold) o.bcell_counts_below_threshold!++;
  }
}

/**
 * The clinic's outcomes over `from`..`to` (`YYYY-MM-DD`, inclusive). A drug without any patient
 * in the period is left out. Throws on a date that is not `YYYY-MM-DD` or a period that ends
 * before it starts (the callers check their input first and say so).
 */
export function clinicOutcomes(patients: readonly PatientRecord[], from: string, to: string, options: OutcomesOptions = {}): ClinicOutcomes {
  const fromDay = dayOf(from), toDay = dayOf(to);
  if (fromDay === null || toDay === null) throw new Error(`the period must be given as YYYY-MM-DD dates, got ${from} and ${to}`);
  if (toDay < fromDay) throw new Error(`the period ends (${to}) before it starts (${from})`);
  const target = options.target ?? 10;
  const threshold = options.threshold ?? 10;
  const inPeriod = (t: Days) => { const d = startOfDay(t); return d >= fromDay && d <= toDay; };
  const months = monthsOf(fromDay, toDay);
  const out: ClinicOutcomes = { from, to, target, threshold };

  for (const drug of ['natalizumab', 'ocrelizumab'] as const) {
    const step = STANDARD_STEP_DAYS[drug];
    const o: DrugOutcomes = {
      patients: 0, infusions: 0, standard_infusions: 0, infusions_avoided: 0, infusion_visits: 0, hospital_visits: 0, standard_visits: 0, hospital_visits_avoided: 0,
      ...(drug === 'natalizumab' ? { troughs: 0, troughs_at_target: 0 } : { bcell_counts_at_redose: 0, bcell_counts_below_threshold: 0 }),
      intervals_with_wearing_off: 0, by_month: [],
    };
    const given = new Map<string, number>(months.map((m) => [m, 0]));
    const standard = new Map<string, number>(months.map((m) => [m, 0]));
    for (const p of patients) {
      if (p.drug !== drug) continue;
      const doses = [...p.doses].sort((a, b) => a.time - b.time);
      const infusionsIn = doses.filter((d) => inPeriod(d.time));
      if (infusionsIn.length === 0) continue;
      o.patients++;
      // Doses: each natalizumab infusion; ocrelizumab dose groups (the split start once).
      const starts = drug === 'natalizumab' ? doses.map((d) => d.time) : groupDoses(doses).map((g) => g.start);
      const startsIn = starts.filter(inPeriod);
      o.infusions += startsIn.length;
      o.infusion_visits += infusionsIn.length;
      for (const t of startsIn) { const m = formatDate(t).slice(0, 7); given.set(m, (given.get(m) ?? 0) + 1); }
      // The standard schedule from the first infusion in the period.
      const first = startOfDay(infusionsIn[0].time);
      const n = standardCount(first, toDay, step);
      o.standard_infusions += n;
      for (let k = 0; k < n; k++) { const m = formatDate(first + k * step).slice(0, 7); standard.set(m, (standard.get(m) ?? 0) + 1); }
      // Hospital visits: days with an infusion or a venous sample.
      const days = new Set<number>();
      for (const d of infusionsIn) days.add(startOfDay(d.time));
      for (const s of [...p.levels, ...p.bcells]) if (s.sample !== 'capillary' && inPeriod(s.time)) days.add(startOfDay(s.time));
      o.hospital_visits += days.size;

      countSamplesAtTarget(o, p, doses, starts, inPeriod, target, threshold);

      const reports = reportsUpTo(p, Infinity).filter((r) => inPeriod(r.time));
      if (reports.length) {
        const groupStarts = drug === 'natalizumab' ? doses : groupDoses(doses).map((g) => ({ time: g.start, iso: g.doses[0].iso }));
        const s = wearingOffIntervals(reports, groupStarts);
        o.intervals_with_wearing_off += new Set(s.reports.map((r) => r.doseIso)).size;
      }
    }
    if (o.patients === 0) continue;
    o.infusions_avoided = o.standard_infusions - o.infusions;
    o.standard_visits = o.standard_infusions + (o.infusion_visits - o.infusions);
    o.hospital_visits_avoided = o.standard_visits - o.hospital_visits;
    const price = options.pricePerInfusion?.[drug];
    if (price !== undefined && Number.isFinite(price) && price > 0) {
      o.price_per_infusion = price;
      o.cost_avoided = Math.round(o.infusions_avoided * price * 100) / 100;
    }
    o.by_month = months.map((m) => ({ month: m, infusions: given.get(m) ?? 0, standard_infusions: standard.get(m) ?? 0 }));
    out[drug] = o;
  }
  return out;
}
