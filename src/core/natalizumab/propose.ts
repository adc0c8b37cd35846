/**
 * The natalizumab proposal: for each whole-week interval from the standard one to the maximum,
 * the steady-state trough and the next trough with their 80 % intervals and the probability of
 * being at or above the target; the longest interval where both probabilities reach the required
 * one is proposed. Guards keep the standard interval where the data point at antibodies, missed
 * doses or a fit that cannot be trusted. The PDNMS rule is computed beside it.
 */
import type { CurvePoint, Days, DoseEvent, Interval80, Issue, Observation, PatientRecord, TextParams } from '../types';
import type { IntervalOption, NatalizumabOptions, NatalizumabReport } from '../report/types';
import { REPORT_SCHEMA_VERSION, FORECAST_QUANTILE_LEVELS } from '../report/types';
import { formatDate, formatDateTime, parseIsoTime, WEEK } from '../time';
import { firstPossibleDay, nextDoseDate } from './schedule';
export { nextDoseDate };
import { PkSolver, FIT, FAST } from '../pk/index';
import { weightedQuantiles, weightedProbabilityAtLeast } from '../stats/normal';
import { systematicResample } from '../fit/index';
import { NATALIZUMAB_MODEL, NATALIZUMAB_PK as M } from '../../../models/natalizumab-vandenberg-2025';
import { analyse, resolveOptions } from './analysis';
import { nextTroughs, steadyTroughs, forecastCurve, lineariseSteadyState, sampleSteadyTrough } from './forecast';
import { boundedEta, individualParams } from './patient';
import { drawForecastTerms, forecastIov, forecastParams, futureClShift, levelResidual, patientMisfit, weightedDraws, widen } from './uncertainty';
import { monitoring, MONITORED_SS_PROBABILITY, monitoredNextProbability } from './monitoring';
import { antibodyGuard, lowTroughGuard, protocolPdnms, residualIssues, censoredIssues, latestTrough, implausibleWeight, PLAUSIBLE_WEIGHT_KG } from './guards';
import { troughTrend, trendFallingIssue, pctText } from './trend';

export { MONITORED_MIN_TROUGHS, MONITORED_MAX_MISFIT, MONITORED_SS_PROBABILITY, monitoredNextProbability } from './monitoring';

const Q = [0.1, 0.5, 0.9];
/** Equal-weight resample behind the history band. */
const HISTORY_BAND_SAMPLES = 100;


/** Apparent half-life (days) at a concentration: ln 2·(Vc + Vp) / (CL + Vmax/(Km + C)). */
export function apparentHalfLife(cl: number, vc: number, vp: number, vmax: number, km: number, c: number): number {
  return Math.LN2 * (vc + vp) / (cl + vmax / (km + c));
}

/** Chart times over the history: a uniform grid plus every dose start, infusion end and level. */
function historyGrid(prep: { doses: DoseEvent[]; levels: Observation[]; asOf: Days }): Float64Array {
  if (!prep.doses.length) return new Float64Array(0);
  const start = prep.doses[0].time;
  const end = Math.max(prep.asOf, prep.levels.length ? prep.levels[prep.levels.length - 1].time : start, prep.doses[prep.doses.length - 1].time + 1);
  return buildGrid(start, end, 110, [
    ...prep.doses.map((d) => d.time),
    ...prep.doses.map((d) => d.time + (d.route === 'iv' ? d.durationMin / 1440 : 0)),
    ...prep.levels.map((l) => l.time),
  ]);
}

function buildGrid(start: number, end: number, n: number, extra: number[]): Float64Array {
  const set = new Set<number>();
  for (let i = 0; i <= n; i++) set.add(start + (end - start) * i / n);
  for (const t of extra) if (t >= start && t <= end) set.add(t);
  return Float64Array.from([...set].sort((x, y) => x - y));
}

/** Two quantiles of equal-weight values (sorts in place), linear interpolation between order statistics. */
function sortedQuantiles(v: Float64Array, q1: number, q2: number): [number, number] {
  v.sort();
  const at = (q: number) => { const x = q * (v.length - 1); const i = Math.floor(x); const f = x - i; return i + 1 < v.length ? v[i] + f * (v[i + 1] - v[i]) : v[i]; };
  return [at(q1), at(q2)];
}

function interval(value: number, values: Float64Array, weights: Float64Array): Interval80 {
  const [low, , high] = weightedQuantiles(values, weights, Q);
  return { value, low: Math.min(low, value), high: Math.max(high, value) };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;


export function proposeNatalizumab(patient: PatientRecord, asOf: Days, options: Partial<NatalizumabOptions> = {}): NatalizumabReport {
  const opts = resolveOptions(options);
  const warnings: Issue[] = [];
  // The history grid needs the prepared patient; a first cheap pass gives it.
  const doses = patient.doses.filter((d) => d.time <= asOf);
  const first = doses.length ? doses[0].time : Infinity;
  const curves = opts.curves !== false;
  const grid = curves ? historyGrid({ doses, levels: patient.levels.filter((l) => l.time <= asOf && l.time >= first), asOf }) : new Float64Array(0);
  const a = analyse(patient, asOf, opts, [], grid);
  warnings.push(...a.prep.issues);
  if (opts.maxIntervalWeeks > 8) {
    warnings.push({ code: 'max-interval-beyond-8', severity: 'warning', message: `intervals up to ${opts.maxIntervalWeeks} weeks considered: beyond 8 weeks there are no trial data (PDNMS and NEXT-MS stopped at 8)`, params: { weeks: opts.maxIntervalWeeks } });
  }
  const target = opts.target;
  const std = opts.standardIntervalWeeks;

  // The cheap guards first (from the fit and the data alone): when one of them keeps the standard
  // interval, the longer intervals are not forecast at all (no work spent on, and no numbers shown
  // for, intervals that cannot be proposed); their warnings are listed below in the usual order.
  const residuals = a.prep.levels.map((l, i) => ({
    time: l.time, observed: l.value, predicted: a.predAtLevels[i], censored: l.censored,
    standardised: levelResidual(l, a.predAtLevels[i]),
  }));
  const residualWarnings = residualIssues(residuals);
  const unexplained = residualWarnings.some((w) => w.code === 'level-unexplained');
  const ada = antibodyGuard(a.prep.levels, a.prep.doses);
  const notConverged = a.kind === 'map' && !a.converged;
  const wrongKg = implausibleWeight(a.prep.segWeights);
  // Every level only "below the lab's limit" (e.g. <40, or an absurd <100000): the fit rests on the
  // population prior, so nothing is extended on it, as with no level at all.
  const onlyCensored = a.kind === 'map' && a.prep.levels.length > 0 && a.prep.levels.every((l) => l.censored);
  // Planning after the standard interval has run out: the dose is overdue. No extension then:
  // the drug has been falling for longer than any interval the model was asked about. The dose
  // then goes on the first possible day: the as-of day, or the clinic's next infusion weekday.
  const asOfDate = formatDate(asOf);
  const firstDay = firstPossibleDay(asOf, opts.infusionWeekday);
  const lastDoseT = a.prep.lastDose ? a.prep.lastDose.time : null;
  const gapWeeks = lastDoseT === null ? 0 : (asOf - lastDoseT) / WEEK;
  const overdue = lastDoseT !== null && nextDoseDate(lastDoseT, std, opts.infusionWeekday) < asOfDate;
  const keptByGuard = !!ada || notConverged || unexplained || wrongKg !== null || onlyCensored || overdue;

  const weeks: number[] = [];
  for (let w = std; w <= (keptByGuard ? std : opts.maxIntervalWeeks); w++) weeks.push(w);
  const taus = weeks.map((w) => w * WEEK);
  const nw = weeks.length;
  const dose = a.prep.repeated;
  const solver = new PkSolver(FIT);

  // MAP forecasts.
  const mapNext = new Float64Array(nw);
  const mapSs = new Float64Array(nw);
  const mapStates = new Float64Array(nw * 3);
  nextTroughs(solver, a.paramsMap, a.snapMap, dose, taus, mapNext);
  let ssOk = steadyTroughs(solver, a.paramsMap, dose, taus, mapSs, a.snapMap, mapStates);
  const wt = a.prep.currentWeight;
  const lins = taus.map((tau, i) => lineariseSteadyState(solver, (e) => individualParams(wt, e), a.eta, dose, tau, mapStates.subarray(i * 3, i * 3 + 3)));

  // Posterior forecasts on an equal-weight resample of the importance-weighted draws.
  const { idx: idxSs, w: eqW } = weightedDraws(a.weights);
  const n = idxSs.length;
  const nextS = new Float64Array(nw * n);
  const ssS = new Float64Array(nw * n);
  const tmpN = new Float64Array(nw);
  // Each draw also gets the uncertainty the published model leaves out (its own future clearance,
  // Km, laboratory bias), and its spread is widened where the patient's residuals show misfit.
  const mon = monitoring(a, residuals.map((r) => (r.censored ? NaN : r.standardised)));
  const { troughs: monitoredTroughs, monitored } = mon;
  const { iov, occasions } = forecastIov(mon);
  const terms = drawForecastTerms(opts.seed, a.n, iov, occasions);
  const misfit = patientMisfit(a, mon.residualScale);
  const ssRequired = monitored ? Math.min(opts.probability, MONITORED_SS_PROBABILITY) : opts.probability;
  const nextRequired = monitored ? monitoredNextProbability(opts.probability) : opts.probability;
  const pF = { ...a.paramsMap };
  const etaF = [0, 0, 0];
  solver.setTolerance(FAST);
  for (let r = 0; r < n; r++) {
    const s = idxSs[r];
    const snap = a.snaps.subarray(s * 3, s * 3 + 3);
    // The history's η_CL as it sets the draw's CL (bounded), and the draw's future CL from it.
    const etaCl = boundedEta(a.etas[s * 3], 0);
    forecastParams(a.paramsSamples[s], etaCl, terms, s, pF);
    nextTroughs(solver, pF, snap, dose, taus, tmpN);
    etaF[0] = etaCl + futureClShift(etaCl, terms, s); etaF[1] = a.etas[s * 3 + 1]; etaF[2] = a.etas[s * 3 + 2];
    for (let i = 0; i < nw; i++) {
      const res = sampleSteadyTrough(solver, pF, etaF, dose, lins[i]);
      ssOk = ssOk && res.converged;
      nextS[i * n + r] = widen(tmpN[i], mapNext[i], misfit, terms.bias[s]);
      ssS[i * n + r] = widen(res.trough, mapSs[i], misfit, terms.bias[s]);
    }
  }

  const lastDoseTime = a.prep.lastDose ? a.prep.lastDose.time : asOf;
  const alternatives: IntervalOption[] = weeks.map((w, i) => {
    const ssVals = ssS.subarray(i * n, (i + 1) * n);
    const nxVals = nextS.subarray(i * n, (i + 1) * n);
    const pSteadyState = weightedProbabilityAtLeast(ssVals, eqW, target);
    const pNext = weightedProbabilityAtLeast(nxVals, eqW, target);
    return {
      weeks: w,
      ssTrough: interval(mapSs[i], ssVals, eqW),
      pSteadyState,
      nextTrough: interval(mapNext[i], nxVals, eqW),
      pNext,
      nextDose: nextDoseDate(lastDoseTime, w, opts.infusionWeekday),
      acceptable: pSteadyState >= ssRequired && pNext >= nextRequired,
      ssQuantiles: weightedQuantiles(ssVals, eqW, FORECAST_QUANTILE_LEVELS),
      nextQuantiles: weightedQuantiles(nxVals, eqW, FORECAST_QUANTILE_LEVELS),
    };
  });

  // Guards' warnings.
  warnings.push(...censoredIssues(a.prep.levels));
  warnings.push(...residualWarnings);
  if (ada) warnings.push(ada);
  else {
    const low = lowTroughGuard(a.prep.levels, a.prep.doses);
    if (low) warnings.push(low);
  }
  if (notConverged) {
    warnings.push({ code: 'fit-not-converged', severity: 'warning', message: `the individual fit did not converge (${a.iterations} iterations): the standard ${opts.standardIntervalWeeks}-week interval is kept`, params: { iterations: a.iterations, weeks: opts.standardIntervalWeeks } });
  }
  if (!ssOk) warnings.push({ code: 'steady-state-not-converged', severity: 'warning', message: 'a steady-state trough did not settle numerically: its value is approximate', params: {} });
  if (a.kind === 'population') {
    warnings.push({ code: 'population-prediction', severity: 'info', message: 'no drug level measured yet: a-priori (population) prediction from body weight only; measure two troughs on 4-weekly dosing before extending', params: {} });
  }
  if (onlyCensored) {
    warnings.push({ code: 'levels-all-censored', severity: 'warning', message: 'every level is reported only as below the lab\'s limit: that does not show the trough is high enough to extend; measure a trough the lab quantifies', params: {} });
  }

  // Model-free trend of the troughs at a stable interval, beside the model: a clear fall stops any extension.
  const trend = troughTrend(a.prep.levels, a.prep.doses, M.sigmaProp);
  if (trend?.falling) warnings.push(trendFallingIssue(trend));

  // Out of reach: even the standard interval is not predicted to reach the target with the
  // required probability (any route; SC often). Said with the numbers, beside any other warning.
  const stdOpt = alternatives[0];
  if (stdOpt && stdOpt.pSteadyState < opts.probability) {
    const r1 = (x: number) => Math.round(x * 10) / 10;
    const trough = r1(stdOpt.ssTrough.value), low = r1(stdOpt.ssTrough.low), high = r1(stdOpt.ssTrough.high);
    // As the card says it: "< 1 %", not "0 %" (an estimate from a finite set of draws is never sure).
    const pr = stdOpt.pSteadyState;
    const probability = pr <= 0.005 ? '< 1 %' : `${Math.round(pr * 100)} %`;
    const route = a.prep.lastDose?.route ?? 'iv';
    // What is left to consider depends on the route: IV instead of SC only for an SC patient.
    const left = route === 'sc'
      ? 'Consider IV instead of SC, an antibody test if the trough is very low, or the target itself'
      : 'Consider an antibody test if the trough is very low, whether doses were given on time and the troughs drawn just before them, or the target itself';
    warnings.push({
      code: 'below-target-at-4-weeks', variant: route, severity: 'warning',
      message: `at the standard ${stdOpt.weeks}-week interval the trough is predicted at ${trough} µg/mL (80 % interval ${low}–${high}), with only ${probability} probability of reaching ${target} µg/mL: no interval reaches the target. ${left}`,
      params: { weeks: stdOpt.weeks, trough, low, high, probability, target, route },
    });
  }

  // Decision.
  let chosen = std;
  let reason: string;
  let reasonCode: string;
  const reasonParams: TextParams = { weeks: std };
  const acceptableWeeks = alternatives.filter((o) => o.acceptable).map((o) => o.weeks);
  const pct = Math.round(opts.probability * 100);
  if (ada) {
    reason = `kept at ${std} weeks: a very low trough on 4-weekly dosing suggests anti-drug antibodies or missed doses; test for antibodies before any extension`;
    reasonCode = 'nat-reason.antibodies';
  } else if (notConverged) {
    reason = `kept at ${std} weeks: the individual fit did not converge`;
    reasonCode = 'nat-reason.not-converged';
  } else if (unexplained) {
    reason = `kept at ${std} weeks: the model cannot explain a measured level; check the sample time, the dose history and the unit before any extension`;
    reasonCode = 'nat-reason.unexplained';
  } else if (wrongKg !== null) {
    const { min, max } = PLAUSIBLE_WEIGHT_KG;
    reason = `kept at ${std} weeks: a weight of ${wrongKg} kg cannot be right (outside ${min}–${max} kg); check it before any extension`;
    reasonCode = 'nat-reason.weight';
    Object.assign(reasonParams, { kg: wrongKg, min, max });
  } else if (onlyCensored) {
    reason = `kept at ${std} weeks: every level is reported only as below the lab's limit, which does not show the trough is high enough to extend; measure a trough the lab quantifies`;
    reasonCode = 'nat-reason.censored-only';
  } else if (overdue) {
    reason = `kept at ${std} weeks: the dose is overdue (${round1(gapWeeks)} weeks since the last dose); give it now, continue ${std}-weekly and re-plan from the next trough`;
    reasonCode = 'nat-reason.gap';
    reasonParams.gap = round1(gapWeeks);
  } else if (trend?.falling) {
    reason = `kept at ${std} weeks: the troughs at a stable ${trend.intervalWeeks}-week interval are falling (${pctText(trend.percentPerMonth)} % per month, model-free trend); no extension until the cause is known (anti-drug antibodies, weight gain, a change in clearance)`;
    reasonCode = 'nat-reason.trend-falling';
    Object.assign(reasonParams, { interval: trend.intervalWeeks, pct: pctText(trend.percentPerMonth) });
  } else if (a.kind === 'population') {
    // NEXT-MS sets the interval from measured troughs: an a-priori prediction never extends.
    reason = `kept at ${std} weeks: no drug level measured yet, so the interval is not extended on an a-priori (population) prediction; measure two troughs on ${std}-weekly dosing`;
    reasonCode = 'nat-reason.population';
  } else if (acceptableWeeks.length === 0 && !monitored) {
    reason = `kept at ${std} weeks: the data do not support an extension (even at ${std} weeks the trough is not predicted ≥ ${target} µg/mL with ${pct} % probability)`;
    reasonCode = 'nat-reason.unsupported';
    Object.assign(reasonParams, { target, pct });
  } else {
    chosen = acceptableWeeks.length ? Math.max(...acceptableWeeks) : std;
    const ssPct = Math.round(ssRequired * 100), nextPct = Math.round(nextRequired * 100);
    if (monitored) {
      const why = `troughs were measured before each of the last ${monitoredTroughs} infusions and agree with the model, so every interval is checked by its own trough`;
      // The first interval that falls short: the one after the standard, or the standard itself.
      const next = acceptableWeeks.length ? std + 1 : std;
      reason = chosen > std
        ? `${chosen} weeks is the longest interval whose next trough is predicted ≥ ${target} µg/mL with at least ${nextPct} % probability and its steady-state trough with at least ${ssPct} %: ${why}; measure the next one`
        : `kept at ${std} weeks: at ${next} weeks the next trough is not predicted ≥ ${target} µg/mL with ${nextPct} % probability, or its steady-state trough with ${ssPct} % (${why})`;
      reasonCode = chosen > std ? 'nat-reason.extended-monitored' : 'nat-reason.next-unsupported-monitored';
      Object.assign(reasonParams, chosen > std ? { weeks: chosen, target, nextPct, ssPct, count: monitoredTroughs } : { next, target, nextPct, ssPct, count: monitoredTroughs });
    } else {
      reason = chosen > std
        ? `${chosen} weeks is the longest interval whose steady-state trough and next trough are both predicted ≥ ${target} µg/mL with at least ${pct} % probability`
        : `kept at ${std} weeks: the data do not support an extension (at ${std + 1} weeks the trough is not predicted ≥ ${target} µg/mL with ${pct} % probability)`;
      reasonCode = chosen > std ? 'nat-reason.extended' : 'nat-reason.next-unsupported';
      Object.assign(reasonParams, chosen > std ? { weeks: chosen, target, pct } : { next: std + 1, target, pct });
    }
  }
  const ci = weeks.indexOf(chosen);
  let chosenOpt = alternatives[ci];
  if (overdue && lastDoseT !== null) {
    const due = chosenOpt.nextDose;
    warnings.push({
      code: 'dose-overdue', severity: 'warning',
      message: `the dose is overdue: ${std} weeks after the last dose (${formatDate(lastDoseT)}) was ${due}, before ${asOfDate}; give it as soon as possible and re-plan from that infusion`,
      params: { weeks: std, lastDose: formatDate(lastDoseT), due, asOf: asOfDate },
    });
    // The next trough after a dose given on the first possible day, from the real (washed-out) state.
    const doseT = parseIsoTime(firstDay) as Days; // 09:00
    const restartDose: DoseEvent = { ...(a.prep.lastDose as DoseEvent), time: doseT, iso: formatDateTime(doseT), line: undefined };
    const restarted: PatientRecord = { ...patient, doses: [...patient.doses.filter((d) => d.time <= asOf), restartDose] };
    const t = doseT + std * WEEK;
    const r = analyse(restarted, Math.max(asOf, doseT), opts, [t]);
    const v = r.outMap[0];
    const [low, high] = weightedQuantiles(r.outSamples, r.weights, [0.1, 0.9]);
    chosenOpt = {
      ...chosenOpt,
      nextDose: firstDay,
      nextTrough: { value: v, low: Math.min(low, v), high: Math.max(high, v) },
      pNext: weightedProbabilityAtLeast(r.outSamples, r.weights, target),
    };
    chosenOpt.acceptable = chosenOpt.pSteadyState >= ssRequired && chosenOpt.pNext >= nextRequired;
  }
  // Every option counts from the first possible day: the standard interval, the only one offered
  // for an overdue dose, is the restarted one (never the date that has passed).
  if (overdue) alternatives[ci] = chosenOpt;
  // Individual parameters (MAP, current weight).
  const pm = a.paramsMap;
  const individual = {
    clearance_L_per_day: pm.cl,
    volume_L: pm.vc + pm.vp,
    half_life_days: apparentHalfLife(pm.cl, pm.vc, pm.vp, pm.vmax, pm.km, Math.max(chosenOpt.ssTrough.value, 0)),
    vp_L: pm.vp,
    vmax_mg_per_day: pm.vmax,
  };

  // Chart: history band and forecasts per candidate interval.
  const k = a.curveTimes.length;
  const history: CurvePoint[] = [];
  const idxH = systematicResample(a.weights, Math.min(a.n, HISTORY_BAND_SAMPLES), 0.5);
  const col = new Float64Array(idxH.length);
  for (let j = 0; j < k; j++) {
    for (let r = 0; r < idxH.length; r++) col[r] = a.curveSamples[idxH[r] * k + j];
    const [low, high] = sortedQuantiles(col, 0.1, 0.9);
    const v = a.curveMap[j];
    history.push({ time: a.curveTimes[j], value: v, low: Math.min(low, v), high: Math.max(high, v) });
  }
  // The forecast bands run on the same weighted draws, future clearance, Km, laboratory bias and
  // misfit widening as the card's intervals, so the band at the next trough is the card's interval.
  const forecasts: { weeks: number; points: CurvePoint[] }[] = [];
  const bandQ = [0.1, 0.9];
  for (let i = 0; i < (curves ? nw : 0); i++) {
    const tau = taus[i];
    const nDoses = 3;
    const times = buildGrid(0, nDoses * tau, 45, Array.from({ length: nDoses }, (_, d) => d * tau + (dose.into === 'central' ? dose.offset + dose.durationDays : 0)));
    const mapCurve = new Float64Array(times.length);
    solver.setTolerance(FIT);
    forecastCurve(solver, a.paramsMap, a.snapMap, dose, tau, nDoses, times, mapCurve);
    solver.setTolerance(FAST);
    const band = new Float64Array(times.length * n);
    const c = new Float64Array(times.length);
    for (let r = 0; r < n; r++) {
      const s = idxSs[r];
      forecastParams(a.paramsSamples[s], boundedEta(a.etas[s * 3], 0), terms, s, pF);
      forecastCurve(solver, pF, a.snaps.subarray(s * 3, s * 3 + 3), dose, tau, nDoses, times, c);
      for (let j = 0; j < times.length; j++) band[j * n + r] = widen(c[j], mapCurve[j], misfit, terms.bias[s]);
    }
    forecasts.push({
      weeks: weeks[i],
      points: Array.from(times, (t, j) => {
        const [low, high] = weightedQuantiles(band.subarray(j * n, (j + 1) * n), eqW, bandQ);
        return { time: lastDoseTime + t, value: mapCurve[j], low: Math.min(low, mapCurve[j]), high: Math.max(high, mapCurve[j]) };
      }),
    });
  }

  const trough = latestTrough(a.prep.levels, a.prep.doses);
  let protocol = protocolPdnms(a.prep.doses, trough, opts.infusionWeekday);
  if (overdue) {
    protocol = { ...protocol, intervalWeeks: std, nextDose: firstDay, rationale: `the dose is overdue: give it now and restart at ${std} weeks`, rationaleCode: 'pdnms.overdue', rationaleParams: { weeks: std } };
  }

  return {
    drug: 'natalizumab',
    schemaVersion: REPORT_SCHEMA_VERSION,
    patientId: patient.id,
    asOf: formatDate(asOf),
    model: { id: NATALIZUMAB_MODEL.id, version: NATALIZUMAB_MODEL.version, name: NATALIZUMAB_MODEL.name },
    options: opts,
    target: { value: target, unit: 'ug/mL' },
    lastDose: a.prep.lastDose ? formatDateTime(a.prep.lastDose.time) : null,
    firstPossibleDay: firstDay,
    late: overdue && lastDoseT !== null ? { due: nextDoseDate(lastDoseT, std, opts.infusionWeekday) } : null,
    fit: {
      kind: a.kind,
      converged: a.converged,
      iterations: a.iterations,
      objective: a.objective,
      eta: a.eta.slice(),
      weightKg: a.prep.currentWeight,
      weightGiven: a.prep.weightGiven,
      individual,
      residuals,
    },
    proposal: {
      intervalWeeks: chosen,
      nextDose: chosenOpt.nextDose,
      predictedTrough: chosenOpt.ssTrough,
      probabilityAboveTarget: chosenOpt.pSteadyState,
      nextTrough: chosenOpt.nextTrough,
      probabilityNextAboveTarget: chosenOpt.pNext,
      requiredSteadyState: ssRequired,
      requiredNext: nextRequired,
      monitoredTroughs,
      monitored,
      longerNotForecast: keptByGuard,
      extended: chosen > std,
      reason,
      reasonCode,
      reasonParams,
    },
    alternatives,
    protocol,
    trend,
    warnings,
    curve: { history, forecasts },
    observations: a.prep.levels.slice(),
    doses: a.prep.doses.map((d) => ({ time: d.time, iso: d.iso, amountMg: d.amountMg, route: d.route })),
  };
}
