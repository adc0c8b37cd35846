/**
 * Realistic sample reports (typed against src/core/report/types.ts) for the chart, card, print
 * and calendar tests. Curves come from a simple one-compartment sketch, not the engine: they only
 * need the right shape and plausible numbers.
 */
import type { CurvePoint, Observation } from '../../../src/core/types';
import type { NatalizumabReport, OcrelizumabReport, PatientError } from '../../../src/core/report/types';
import { formatDate, formatDateTime, parseIsoTime } from '../../../src/core/time';

const day = (iso: string) => parseIsoTime(iso)!;

function natConc(t: number, doses: number[]): number {
  const k = Math.LN2 / 14;
  let c = 0;
  for (const d of doses) if (t >= d) c += (300 / 6) * Math.exp(-k * (t - d));
  return c;
}

function curve(from: number, to: number, step: number, f: (t: number) => number, spread: number): CurvePoint[] {
  const out: CurvePoint[] = [];
  for (let t = from; t <= to + 1e-9; t += step) {
    const v = f(t);
    out.push({ time: t, value: v, low: v * (1 - spread), high: v * (1 + spread) });
  }
  return out;
}

function level(iso: string, value: number, censored = false): Observation {
  return { kind: 'level', time: day(iso), iso, value, censored, unit: 'ug/mL', raw: censored ? `<${value}` : String(value) };
}

/** NAT-001: a year of 300 mg IV Q4W, troughs before the last two infusions, planned on the last one. */
export function natalizumabReport(): NatalizumabReport {
  const first = day('2023-05-22T09:00');
  const doseTimes = Array.from({ length: 13 }, (_, i) => first + 28 * i);
  const last = doseTimes[doseTimes.length - 1];
  const history = curve(first, last, 0.5, (t) => natConc(t, doseTimes), 0.18);
  const forecasts = [4, 5, 6, 7, 8].map((weeks) => ({ weeks, points: curve(last, last + 7 * weeks, 0.5, (t) => natConc(t, doseTimes), 0.22) }));
  const alt = (weeks: number, ss: number, p: number, next: number, pn: number) => ({
    weeks,
    ssTrough: { value: ss, low: ss * 0.7, high: ss * 1.35 },
    pSteadyState: p,
    nextTrough: { value: next, low: next * 0.75, high: next * 1.3 },
    pNext: pn,
    nextDose: formatDate(last + 7 * weeks),
    acceptable: p >= 0.9 && pn >= 0.9,
    ssQuantiles: [0.6, 0.65, 0.7, 0.85, 1, 1.15, 1.35, 1.45, 1.55].map((f) => ss * f),
    nextQuantiles: [0.65, 0.7, 0.75, 0.88, 1, 1.12, 1.3, 1.4, 1.5].map((f) => next * f),
  });
  const alternatives = [alt(4, 25.6, 0.99, 24.0, 0.99), alt(5, 14.6, 0.93, 16.1, 0.97), alt(6, 7.56, 0.31, 10.4, 0.55), alt(7, 3.11, 0.04, 6.2, 0.12), alt(8, 0.84, 0.01, 3.5, 0.02)];
  return {
    drug: 'natalizumab',
    schemaVersion: 1,
    patientId: 'NAT-001',
    asOf: '2024-04-22',
    model: { id: 'natalizumab-vandenberg-2025', version: '1.0.0', name: 'Natalizumab two-compartment PK with Michaelis–Menten elimination (van den Berg 2025)' },
    options: { target: 10, probability: 0.9, maxIntervalWeeks: 8, standardIntervalWeeks: 4, infusionWeekday: null, samples: 400, seed: 1 },
    target: { value: 10, unit: 'ug/mL' },
    lastDose: formatDateTime(last),
    fit: {
      kind: 'map', converged: true, iterations: 23, objective: 4.21, eta: [0.05, -0.1, 0.02], weightKg: 71, weightGiven: true,
      individual: { clearance_L_per_day: 0.172, volume_L: 6.96, half_life_days: 16.9, vp_L: 3.13, vmax_mg_per_day: 2.92 },
      residuals: [],
    },
    proposal: {
      intervalWeeks: 5,
      nextDose: '2024-05-27',
      predictedTrough: { value: 14.6, low: 10.2, high: 19.7 },
      probabilityAboveTarget: 0.93,
      nextTrough: { value: 16.1, low: 12.1, high: 20.9 },
      probabilityNextAboveTarget: 0.97,
      requiredSteadyState: 0.9,
      requiredNext: 0.9,
      monitoredTroughs: 2,
      monitored: false,
      longerNotForecast: false,
      extended: true,
      reason: 'The longest interval whose steady-state trough stays at or above 10 µg/mL with at least 90 % probability.',
    },
    alternatives,
    protocol: { name: 'PDNMS', intervalWeeks: 5, nextDose: '2024-05-27', rationale: 'Last trough 22.8 µg/mL > 15 µg/mL: interval + 1 week (maximum 8 weeks).' },
    warnings: [
      { code: 'weight-old', severity: 'warning', message: 'The last body weight was recorded more than a year ago; update it for a better forecast.' },
      { code: 'sc-extrapolation', severity: 'info', message: 'Two troughs at the 4-week interval: the NEXT-MS starting point.' },
    ],
    curve: { history, forecasts },
    observations: [level('2024-03-25T08:45', 22.1), level('2024-04-22T08:50', 22.8)],
    doses: doseTimes.map((t) => ({ time: t, iso: formatDateTime(t), amountMg: 300, route: 'iv' as const })),
  };
}

function logistic(tWeeks: number, t10: number, r: number, bmax = 200, theta = 10): number {
  return bmax / (1 + (bmax / theta - 1) * Math.exp(-r * (tWeeks - t10)));
}

/** OCR-001: one 600 mg cycle, counts from week 24, planned on 2024-01-08 (week 30). */
export function ocrelizumabReport(): OcrelizumabReport {
  const dose = day('2023-06-12T09:00');
  const f = (t: number, t10: number) => logistic((t - dose) / 7, t10, 0.25);
  const pts: CurvePoint[] = [];
  for (let t = dose; t <= dose + 52 * 7; t += 1) pts.push({ time: t, value: f(t, 38), low: f(t, 42), high: f(t, 34) });
  const count = (iso: string, value: number, censored = false): Observation => ({ kind: 'bcell', time: day(iso), iso: `${iso}T09:00`, value, censored, unit: 'cells/uL', raw: censored ? `<${value}` : String(value) });
  const probabilityByDate: { date: string; probability: number }[] = [];
  for (let w = 0; w <= 52; w++) {
    const z = (w - 38) / 3.2;
    probabilityByDate.push({ date: formatDate(dose + 7 * w), probability: 1 / (1 + Math.exp(-1.7 * z)) });
  }
  return {
    drug: 'ocrelizumab',
    schemaVersion: 1,
    patientId: 'OCR-001',
    asOf: '2024-01-08',
    model: { id: 'ocrelizumab-bcell-logistic', version: '1.0.0', name: 'Lagged logistic B-cell repopulation' },
    options: { threshold: 10, labLimit: 1, minWeeks: 21.7, maxWeeks: 52, redoseQuantile: 0.5, countQuantile: 0.1, minCountGapWeeks: 2, firstCountWeek: 24, countEveryWeeks: 4 },
    threshold: { value: 10, unit: 'cells/uL' },
    lastDose: '2023-06-12T09:00',
    fit: {
      basis: 'current-cycle', countsUsed: 3, previousCycleCountsUsed: 0, bmax: 200, bmaxFromPatient: false,
      crossingWeeks: { value: 38, low: 34, high: 46 }, growthRatePerWeek: { value: 0.25, low: 0.12, high: 0.41 },
    },
    proposal: {
      nextDose: '2024-03-04', weeksSinceLastDose: 38, predictedCrossing: '2024-03-04', predictedCrossingLow: '2024-02-05',
      predictedCrossingHigh: '2024-04-29', nextBcellCheck: '2024-02-05', dueNow: false,
      reason: 'Re-dose at the predicted crossing of 10 cells/µL; count first at its 10th percentile.',
    },
    protocol: { name: 'BLOOMS-style', nextCount: '2024-01-22', rationale: 'Count every 4 weeks from week 24 until the count reaches 10 cells/µL.' },
    probabilityByDate,
    warnings: [{ code: 'no-baseline', severity: 'info', message: 'No pre-treatment count: the maximum count is assumed to be 200 cells/µL.' }],
    curve: pts,
    observations: [count('2023-11-27', 1, true), count('2023-12-25', 3), count('2024-01-08', 5)],
    doses: [{ time: dose, iso: '2023-06-12T09:00', amountMg: 600 }],
  };
}

export function patientError(): PatientError {
  return {
    drug: 'natalizumab', patientId: 'NAT-404', error: 'no natalizumab dose on or before the as-of date: nothing to plan from',
    issues: [{ code: 'level-before-dose', severity: 'error', message: 'patients.csv:14: a level dated before the patient’s first dose', line: 14 }],
  };
}
