/**
 * Scores the natalizumab engine on the virtual patients of fixtures/validation (definitions in
 * fixtures/validation/README.md): the well-specified set, the robustness (misspecified) set and
 * the SC set. Per set and target: attainment, efficiency, forecast errors, the antibody check and
 * calibration (coverage of the 50/80/95 % intervals and PIT) of the steady-state trough at the
 * proposed interval, of first_trough["6"], and of the true troughs at every interval 4..8 pooled;
 * on the SC set also attainment among patients whose true 4-weekly trough reaches the target and
 * who was told `below-target-at-4-weeks`.
 *
 * The engine is a black box here: only `proposeNatalizumab` and its report are used.
 *
 *   npx tsx scripts/validate-natalizumab.ts [virtual|misspec|sc|<csv> <truth.json>]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseTdmCsv } from '../src/core/records/index';
import { parseAsOfDate } from '../src/core/time';
import { proposeNatalizumab } from '../src/core/natalizumab/index';
import { FORECAST_QUANTILE_LEVELS, type NatalizumabOptions, type NatalizumabReport } from '../src/core/report/types';
import { calibration, type Calibration } from './calibration';

export interface NatalizumabTruth {
  weight: number; weight_given: boolean; ada: boolean; as_of: string; last_dose: string;
  ss_trough: Record<string, number>; first_trough: Record<string, number>;
  true_troughs: number[];
  params: { CL: number; Vc: number; Vp: number; Q: number; Vmax: number; Km: number; F_sc?: number; ka_sc?: number };
  capillary?: boolean;
}

export interface NatalizumabSet {
  name: string;
  csv: string;
  truth: string;
  /** SC set: also score reachability and the below-target warning. */
  sc?: boolean;
}

const DIR = 'fixtures/validation';
export const NATALIZUMAB_SETS: NatalizumabSet[] = [
  { name: 'virtual', csv: `${DIR}/natalizumab-virtual.csv`, truth: `${DIR}/natalizumab-virtual-truth.json` },
  { name: 'misspec', csv: `${DIR}/natalizumab-misspec.csv`, truth: `${DIR}/natalizumab-misspec-truth.json` },
  { name: 'sc', csv: `${DIR}/natalizumab-sc.csv`, truth: `${DIR}/natalizumab-sc-truth.json`, sc: true },
];

export const BELOW_TARGET_CODE = 'below-target-at-4-weeks';
export const ANTIBODY_CODE = 'antibodies-suspected';
/** Intervals whose forecasts are pooled for calibration. */
export const POOLED_WEEKS = [4, 5, 6, 7, 8];

/** What the harness keeps of one proposal. */
export interface PatientRun {
  id: string;
  truth: NatalizumabTruth;
  weeks: number;
  predictedSs: number;
  warnings: string[];
  options: { weeks: number; ssValue: number; nextValue: number; ssQuantiles: number[]; nextQuantiles: number[] }[];
}

export interface SetRun {
  set: NatalizumabSet;
  target: number;
  runs: PatientRun[];
  msPerPatient: number;
  /** Truth entries with no patient in the file (should be 0). */
  missing: number;
}

/** Propose for every patient of a set at one target. */
export function runNatalizumabSet(set: NatalizumabSet, target: number, options: Partial<NatalizumabOptions> = {}): SetRun {
  const parsed = parseTdmCsv(readFileSync(set.csv, 'utf8'), set.csv);
  const truth = JSON.parse(readFileSync(set.truth, 'utf8')) as Record<string, NatalizumabTruth>;
  const runs: PatientRun[] = [];
  let ms = 0;
  for (const p of parsed.patients) {
    const tr = truth[p.id];
    if (!tr || p.drug !== 'natalizumab') continue;
    const asOf = parseAsOfDate(tr.as_of);
    if (asOf === null) throw new Error(`${set.truth}: ${p.id}: as_of "${tr.as_of}" is not a date`);
    const t0 = performance.now();
    const r: NatalizumabReport = proposeNatalizumab(p, asOf, { curves: false, ...options, target });
    ms += performance.now() - t0;
    runs.push({
      id: p.id, truth: tr, weeks: r.proposal.intervalWeeks, predictedSs: r.proposal.predictedTrough.value,
      warnings: r.warnings.map((w) => w.code),
      options: r.alternatives.map((o) => ({ weeks: o.weeks, ssValue: o.ssTrough.value, nextValue: o.nextTrough.value, ssQuantiles: o.ssQuantiles, nextQuantiles: o.nextQuantiles })),
    });
  }
  const missing = Object.keys(truth).filter((id) => !runs.some((r) => r.id === id)).length;
  return { set, target, runs, msPerPatient: ms / Math.max(1, runs.length), missing };
}

export interface ScScores {
  /** Patients (antibody-like excluded) whose true 4-weekly trough reaches the target. */
  reachable: number;
  attainmentReachable: number;
  efficiencyReachable: number;
  coverage80Reachable: number;
  /** Patients (all) whose true 4-weekly trough is below the target, and how many were told. */
  outOfReach: number;
  outOfReachWarned: number;
  /** Patients (all) whose true 4-weekly trough is ≥ 1.5 × target, and how many got the warning. */
  comfortable: number;
  comfortableWarned: number;
}

export interface SetScore {
  set: string;
  target: number;
  /** Patients scored (antibody-like excluded). */
  n: number;
  attainment: number;
  efficiency: number;
  meanProposed: number;
  meanIdeal: number;
  /** Median |predicted − true| ÷ true: SS trough at the proposed interval, first_trough["6"]. */
  errorSs: number;
  errorFirst6: number;
  calibration: { ssProposed: Calibration; first6: Calibration; ssPooled: Calibration; nextPooled: Calibration };
  ada: { total: number; kept: number; warned: number };
  sc?: ScScores;
  msPerPatient: number;
}

const median = (xs: number[]): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The longest interval 4..8 weeks whose true steady-state trough is ≥ target (4 if none). */
export function idealWeeks(tr: NatalizumabTruth, target: number): number {
  let ideal = 4;
  for (let k = 4; k <= 8; k++) if (tr.ss_trough[String(k)] >= target) ideal = k;
  return ideal;
}

function core(runs: PatientRun[], target: number) {
  let attained = 0, sumProp = 0, sumIdeal = 0;
  for (const r of runs) {
    if (r.truth.ss_trough[String(r.weeks)] >= target) attained++;
    sumProp += r.weeks;
    sumIdeal += idealWeeks(r.truth, target);
  }
  const n = runs.length;
  const at = (r: PatientRun) => r.options.find((o) => o.weeks === r.weeks);
  const ssPairs = runs.flatMap((r) => { const o = at(r); return o ? [{ q: o.ssQuantiles, truth: r.truth.ss_trough[String(r.weeks)] }] : []; });
  return { n, attainment: attained / n, efficiency: sumProp / sumIdeal, meanProposed: sumProp / n, meanIdeal: sumIdeal / n, ssCal: calibration(ssPairs, FORECAST_QUANTILE_LEVELS) };
}

/** Scores of one set at one target. */
export function scoreSetRun(run: SetRun): SetScore {
  const { target } = run;
  const levels = FORECAST_QUANTILE_LEVELS;
  const scored = run.runs.filter((r) => !r.truth.ada);
  const ada = run.runs.filter((r) => r.truth.ada);
  const c = core(scored, target);
  const opt = (r: PatientRun, w: number) => r.options.find((o) => o.weeks === w);
  const first6 = scored.flatMap((r) => { const o = opt(r, 6); return o ? [{ o, truth: r.truth.first_trough['6'] }] : []; });
  const pooled = (kind: 'ss' | 'next') => scored.flatMap((r) => POOLED_WEEKS.flatMap((w) => {
    const o = opt(r, w);
    if (!o) return [];
    return [{ q: kind === 'ss' ? o.ssQuantiles : o.nextQuantiles, truth: (kind === 'ss' ? r.truth.ss_trough : r.truth.first_trough)[String(w)] }];
  }));
  const score: SetScore = {
    set: run.set.name, target, n: c.n,
    attainment: c.attainment, efficiency: c.efficiency, meanProposed: c.meanProposed, meanIdeal: c.meanIdeal,
    errorSs: median(scored.map((r) => { const t = r.truth.ss_trough[String(r.weeks)]; return Math.abs(r.predictedSs - t) / t; })),
    errorFirst6: median(first6.map((p) => Math.abs(p.o.nextValue - p.truth) / p.truth)),
    calibration: {
      ssProposed: c.ssCal,
      first6: calibration(first6.map((p) => ({ q: p.o.nextQuantiles, truth: p.truth })), levels),
      ssPooled: calibration(pooled('ss'), levels),
      nextPooled: calibration(pooled('next'), levels),
    },
    ada: { total: ada.length, kept: ada.filter((r) => r.weeks === 4).length, warned: ada.filter((r) => r.warnings.includes(ANTIBODY_CODE)).length },
    msPerPatient: run.msPerPatient,
  };
  if (run.set.sc) {
    const ss4 = (r: PatientRun) => r.truth.ss_trough['4'];
    const reach = core(scored.filter((r) => ss4(r) >= target), target);
    const out = run.runs.filter((r) => ss4(r) < target);
    const comf = run.runs.filter((r) => ss4(r) >= 1.5 * target);
    const told = (rs: PatientRun[]) => rs.filter((r) => r.warnings.includes(BELOW_TARGET_CODE)).length;
    score.sc = {
      reachable: reach.n, attainmentReachable: reach.attainment, efficiencyReachable: reach.efficiency, coverage80Reachable: reach.ssCal.cov80,
      outOfReach: out.length, outOfReachWarned: told(out), comfortable: comf.length, comfortableWarned: told(comf),
    };
  }
  return score;
}

/** Run and score one set at each target. */
export function scoreNatalizumabSet(set: NatalizumabSet, targets = [10, 5], options: Partial<NatalizumabOptions> = {}): SetScore[] {
  return targets.map((t) => scoreSetRun(runNatalizumabSet(set, t, options)));
}

const f2 = (x: number) => x.toFixed(2);
const f3 = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const share = (a: number, b: number) => `${a}/${b}${b ? ` (${(100 * a / b).toFixed(0)} %)` : ''}`;

function calLine(label: string, c: Calibration): string {
  return `    ${label.padEnd(24)} ${String(c.n).padStart(4)}  ${f2(c.cov50)}  ${f2(c.cov80)}  ${f2(c.cov95)}   ${f3(c.pitMean)}  ${f3(c.pitSd)}  ${f3(c.ks)}   ${c.deciles.map((d) => String(Math.round(100 * d)).padStart(2)).join(' ')}`;
}

/** The scores of one set as text: a one-line summary per target, then its calibration table. */
export function formatSetScores(scores: SetScore[]): string {
  const lines: string[] = [];
  for (const s of scores) {
    const c = s.calibration;
    lines.push(
      `[${s.set} T=${s.target}] attainment ${f3(s.attainment)}  efficiency ${f3(s.efficiency)} (${f2(s.meanProposed)}/${f2(s.meanIdeal)} w)  ` +
      `error SS ${pct(s.errorSs)}, first6 ${pct(s.errorFirst6)}  cov80 SS@proposed ${f2(c.ssProposed.cov80)}, first6 ${f2(c.first6.cov80)}, pooled SS ${f2(c.ssPooled.cov80)} next ${f2(c.nextPooled.cov80)}  ` +
      `PIT-KS pooled SS ${f3(c.ssPooled.ks)}  antibody-like ${s.ada.kept}/${s.ada.total} kept at 4 w (${s.ada.warned} warned)  ${s.msPerPatient.toFixed(0)} ms/patient`,
    );
    if (s.sc) {
      const x = s.sc;
      lines.push(
        `    SC: reachable (true 4-weekly trough ≥ T) n=${x.reachable}: attainment ${f3(x.attainmentReachable)}, efficiency ${f3(x.efficiencyReachable)}, cov80 SS ${f2(x.coverage80Reachable)}; ` +
        `'${BELOW_TARGET_CODE}' given to ${share(x.outOfReachWarned, x.outOfReach)} out of reach (goal ≥ 80 %), ${share(x.comfortableWarned, x.comfortable)} with 4-weekly ≥ 1.5 T (goal ≤ 5 %)`,
      );
    }
    lines.push('    calibration                 n  cov50 cov80 cov95  PIT mean  sd     KS      PIT deciles (% in 0-.1 … .9-1)');
    lines.push(calLine('SS at proposed', c.ssProposed));
    lines.push(calLine('first_trough[6]', c.first6));
    lines.push(calLine('SS 4..8 w pooled', c.ssPooled));
    lines.push(calLine('first_trough 4..8 pooled', c.nextPooled));
  }
  return lines.join('\n');
}

/** The goals of issues 8 and 9 per set, as [score, bound, 'min' | 'max'] checks. */
export function goalChecks(s: SetScore): { name: string; value: number; bound: number; kind: 'min' | 'max' }[] {
  const cov = s.calibration.ssProposed.cov80;
  if (s.set === 'virtual') return [
    { name: 'attainment', value: s.attainment, bound: 0.88, kind: 'min' }, { name: 'efficiency', value: s.efficiency, bound: 0.84, kind: 'min' },
    { name: 'cov80', value: cov, bound: 0.75, kind: 'min' }, { name: 'cov80', value: cov, bound: 0.97, kind: 'max' },
  ];
  if (s.set === 'misspec') return [
    { name: 'attainment', value: s.attainment, bound: 0.88, kind: 'min' }, { name: 'efficiency', value: s.efficiency, bound: 0.82, kind: 'min' },
    { name: 'cov80', value: cov, bound: 0.70, kind: 'min' },
  ];
  if (s.sc) {
    const x = s.sc;
    return [
      { name: 'attainment (reachable)', value: x.attainmentReachable, bound: 0.90, kind: 'min' }, { name: 'efficiency', value: s.efficiency, bound: 0.85, kind: 'min' },
      { name: 'cov80', value: cov, bound: 0.75, kind: 'min' },
      { name: 'warned out of reach', value: x.outOfReach ? x.outOfReachWarned / x.outOfReach : NaN, bound: 0.80, kind: 'min' },
      { name: 'warned at ≥ 1.5 T', value: x.comfortable ? x.comfortableWarned / x.comfortable : NaN, bound: 0.05, kind: 'max' },
    ];
  }
  return [];
}

/** One line per set and target: the goal scores, and which goals are missed. */
export function formatGoalSummary(scores: SetScore[]): string {
  const lines = ['\n=== Summary (goals of issues 8 and 9; cov80 = SS trough at the proposed interval)'];
  for (const s of scores) {
    const checks = goalChecks(s);
    const missed = checks.filter((c) => !(c.kind === 'min' ? c.value >= c.bound : c.value <= c.bound));
    const seen = new Set<string>();
    const vals = checks.filter((c) => (seen.has(c.name) ? false : (seen.add(c.name), true))).map((c) => `${c.name} ${c.value.toFixed(3)}`).join(', ');
    lines.push(`${`${s.set} T=${s.target}`.padEnd(12)} ${vals}  ${missed.length ? `MISSED: ${missed.map((c) => `${c.name} ${c.kind === 'min' ? '≥' : '≤'} ${c.bound}`).join('; ')}` : 'all goals met'}`);
  }
  return lines.join('\n');
}

/** Print every natalizumab set (what `npm run validate` shows). */
export function printNatalizumabValidation(sets = NATALIZUMAB_SETS, targets = [10, 5]): SetScore[] {
  const all: SetScore[] = [];
  for (const set of sets) {
    const scores = scoreNatalizumabSet(set, targets);
    const n = scores[0]?.n ?? 0;
    const ada = scores[0]?.ada.total ?? 0;
    console.log(`\n--- ${set.csv}: ${n + ada} patients, ${ada} antibody-like (scored only for being kept at 4 weeks; excluded elsewhere)`);
    console.log(formatSetScores(scores));
    all.push(...scores);
  }
  console.log('\nCoverage: share of true values inside the forecast\'s central 50/80/95 % interval (quantiles 0.25-0.75, 0.1-0.9, 0.025-0.975).');
  console.log('PIT: the forecast CDF at the true value, linear between the reported quantiles (2.5 … 97.5 %), 0 below the 2.5 % and 1 above the 97.5 % quantile;');
  console.log('     calibrated: mean 0.5, SD 0.29, 10 % per decile; SD > 0.29 and crowded end deciles mean intervals too narrow. KS: distance from uniform over [0.025, 0.975].');
  console.log(formatGoalSummary(all));
  return all;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const a = process.argv.slice(2);
  const named = NATALIZUMAB_SETS.filter((s) => a.includes(s.name));
  const sets = a.length >= 2 && a[0].endsWith('.csv') ? [{ name: a[0], csv: a[0], truth: a[1], sc: /sc/i.test(a[0]) }] : named.length ? named : NATALIZUMAB_SETS;
  printNatalizumabValidation(sets);
}
