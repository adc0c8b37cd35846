/**
 * Scores the ocrelizumab engine on the virtual patients (shared/validation/README.md), pooled over
 * the planning-day files fixtures/validation/ocrelizumab-virtual-week*.csv: each patient's file
 * ends on the day a clinician plans, and the proposal is made as of that last row.
 *
 *   npx --no-install tsx scripts/validate-ocrelizumab.ts [fixtures/validation]
 *
 * Scores: median |predicted − true crossing| (weeks), median bias, 80 % interval coverage, share
 * of re-dose dates > 4 weeks after the true crossing (late) and > 6 weeks before it (early).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseTdmCsv } from '../src/core/records/index';
import { parseIsoTime } from '../src/core/time';
import type { PatientRecord } from '../src/core/types';
import type { OcrelizumabOptions, OcrelizumabReport } from '../src/core/report/types';
import { proposeOcrelizumab } from '../src/core/ocrelizumab/index';

interface Truth { true_crossing_week: number; true_crossing_date: string; has_prev: boolean; family: string }

export interface OcrelizumabScores {
  n: number;
  medianAbsError: number;
  medianBias: number;
  coverage80: number;
  late: number;
  early: number;
}

export interface OcrelizumabValidation {
  pooled: OcrelizumabScores;
  byFile: { file: string; scores: OcrelizumabScores }[];
  byPrevious: { withPrevious: OcrelizumabScores; withoutPrevious: OcrelizumabScores };
  rows: { file: string; patientId: string; predicted: number; low: number; high: number; truth: number; nextDose: string; hasPrevious: boolean }[];
}

const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
};

function score(rows: OcrelizumabValidation['rows'], truths: Record<string, Truth>): OcrelizumabScores {
  const err = rows.map((r) => r.predicted - r.truth);
  const day = (d: string) => parseIsoTime(d, 0)!;
  let late = 0, early = 0, cov = 0;
  for (const r of rows) {
    const t = day(truths[r.patientId].true_crossing_date);
    const d = day(r.nextDose);
    if (d > t + 28) late++;
    if (d < t - 42) early++;
    if (r.low <= r.truth && r.truth <= r.high) cov++;
  }
  const n = rows.length;
  return { n, medianAbsError: median(err.map(Math.abs)), medianBias: median(err), coverage80: cov / n, late: late / n, early: early / n };
}

function lastRow(p: PatientRecord): number {
  let t = -Infinity;
  for (const list of [p.doses, p.levels, p.bcells, p.weights]) for (const e of list) if (e.time > t) t = e.time;
  return t;
}

/** Score the engine on the planning-day files in `dir`. */
export function validateOcrelizumab(dir = 'fixtures/validation', options: Partial<OcrelizumabOptions> = {}): OcrelizumabValidation {
  const truths = JSON.parse(readFileSync(join(dir, 'ocrelizumab-virtual-truth.json'), 'utf8')) as Record<string, Truth>;
  const files = readdirSync(dir).filter((f) => /^ocrelizumab-virtual-week\d+\.csv$/.test(f)).sort();
  const rows: OcrelizumabValidation['rows'] = [];
  const byFile: OcrelizumabValidation['byFile'] = [];
  for (const file of files) {
    const parsed = parseTdmCsv(readFileSync(join(dir, file), 'utf8'), file);
    const fileRows: OcrelizumabValidation['rows'] = [];
    for (const p of parsed.patients) {
      const truth = truths[p.id];
      if (!truth) continue;
      const rep: OcrelizumabReport = proposeOcrelizumab(p, lastRow(p), options);
      fileRows.push({ file, patientId: p.id, predicted: rep.fit.crossingWeeks.value, low: rep.fit.crossingWeeks.low, high: rep.fit.crossingWeeks.high, truth: truth.true_crossing_week, nextDose: rep.proposal.nextDose, hasPrevious: rep.fit.previousCycleCountsUsed > 0 });
    }
    rows.push(...fileRows);
    byFile.push({ file, scores: score(fileRows, truths) });
  }
  return {
    pooled: score(rows, truths),
    byFile,
    byPrevious: { withPrevious: score(rows.filter((r) => r.hasPrevious), truths), withoutPrevious: score(rows.filter((r) => !r.hasPrevious), truths) },
    rows,
  };
}

const f2 = (x: number) => x.toFixed(2);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const line = (label: string, s: OcrelizumabScores) =>
  `${label.padEnd(34)} n=${String(s.n).padStart(3)}  median |error| ${f2(s.medianAbsError)} wk  bias ${f2(s.medianBias)} wk  coverage80 ${f2(s.coverage80)}  late ${pct(s.late)}  early ${pct(s.early)}`;

/** Print the scores (what the README and notes quote). */
export function printOcrelizumabValidation(dir = 'fixtures/validation'): OcrelizumabValidation {
  const v = validateOcrelizumab(dir);
  for (const f of v.byFile) console.log(line(f.file, f.scores));
  console.log(line('with previous-cycle counts', v.byPrevious.withPrevious));
  console.log(line('without previous-cycle counts', v.byPrevious.withoutPrevious));
  console.log(line('POOLED (all planning days)', v.pooled));
  console.log('goals: median |error| ≤ 3.0 wk, coverage 0.75–0.92, late ≤ 18 %, early ≤ 12 %');
  return v;
}

if (process.argv[1] && /validate-ocrelizumab\.ts$/.test(process.argv[1])) printOcrelizumabValidation(process.argv[2]);
