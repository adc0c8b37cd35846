/**
 * Scores the natalizumab engine on the virtual patients (fixtures/validation): attainment,
 * efficiency, forecast error, 80 % coverage and the antibody check at targets 10 and 5, as defined
 * in fixtures/validation/README.md. Run: npx tsx scripts/validate-natalizumab.ts [csv] [truth.json]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseTdmCsv } from '../src/core/records/index';
import { parseAsOfDate } from '../src/core/time';
import { proposeNatalizumab } from '../src/core/natalizumab/index';
import type { NatalizumabReport } from '../src/core/report/types';

interface Truth {
  weight: number; weight_given: boolean; ada: boolean; as_of: string;
  ss_trough: Record<string, number>; first_trough: Record<string, number>;
}

export interface TargetScore {
  target: number;
  attainment: number;
  efficiency: number;
  meanProposed: number;
  meanIdeal: number;
  forecastErrorSs: number;
  forecastErrorFirst6: number;
  coverageSs: number;
  coverageFirst6: number;
  adaKept: number;
  adaTotal: number;
  adaWarned: number;
  msPerPatient: number;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

export function scoreNatalizumab(csvPath = 'fixtures/validation/natalizumab-virtual.csv', truthPath = 'fixtures/validation/natalizumab-virtual-truth.json', targets = [10, 5]): TargetScore[] {
  const parsed = parseTdmCsv(readFileSync(csvPath, 'utf8'), csvPath);
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Record<string, Truth>;
  const out: TargetScore[] = [];
  for (const target of targets) {
    let attained = 0, nonAda = 0, sumProp = 0, sumIdeal = 0, adaKept = 0, adaTotal = 0, adaWarned = 0;
    const errSs: number[] = [], errF6: number[] = [];
    let covSs = 0, covF6 = 0, nCov = 0;
    const t0 = performance.now();
    let count = 0;
    for (const p of parsed.patients) {
      const tr = truth[p.id];
      if (!tr || p.drug !== 'natalizumab') continue;
      const asOf = parseAsOfDate(tr.as_of)!;
      const r: NatalizumabReport = proposeNatalizumab(p, asOf, { target });
      count++;
      const w = r.proposal.intervalWeeks;
      if (tr.ada) {
        adaTotal++;
        if (w === 4) adaKept++;
        if (r.warnings.some((x) => x.code === 'antibodies-suspected')) adaWarned++;
        continue;
      }
      nonAda++;
      const trueSs = tr.ss_trough[String(w)];
      if (trueSs >= target) attained++;
      sumProp += w;
      let ideal = 4;
      for (let k = 4; k <= 8; k++) if (tr.ss_trough[String(k)] >= target) ideal = k;
      sumIdeal += ideal;
      errSs.push(Math.abs(r.proposal.predictedTrough.value - trueSs) / trueSs);
      const o6 = r.alternatives.find((a) => a.weeks === 6)!;
      const trueF6 = tr.first_trough['6'];
      errF6.push(Math.abs(o6.nextTrough.value - trueF6) / trueF6);
      nCov++;
      if (trueSs >= r.proposal.predictedTrough.low && trueSs <= r.proposal.predictedTrough.high) covSs++;
      if (trueF6 >= o6.nextTrough.low && trueF6 <= o6.nextTrough.high) covF6++;
    }
    out.push({
      target,
      attainment: attained / nonAda,
      efficiency: sumProp / sumIdeal,
      meanProposed: sumProp / nonAda,
      meanIdeal: sumIdeal / nonAda,
      forecastErrorSs: median(errSs),
      forecastErrorFirst6: median(errF6),
      coverageSs: covSs / nCov,
      coverageFirst6: covF6 / nCov,
      adaKept, adaTotal, adaWarned,
      msPerPatient: (performance.now() - t0) / count,
    });
  }
  return out;
}

/** The scores as text (what the README and notes quote). */
export function validateNatalizumab(csvPath?: string, truthPath?: string): string {
  const lines = ['natalizumab validation (virtual patients; antibody-like excluded from attainment/efficiency)'];
  for (const s of scoreNatalizumab(csvPath, truthPath)) {
    lines.push(
      `target ${s.target} µg/mL: attainment ${s.attainment.toFixed(3)}, efficiency ${s.efficiency.toFixed(3)} ` +
      `(mean proposed ${s.meanProposed.toFixed(2)} w, ideal ${s.meanIdeal.toFixed(2)} w), ` +
      `forecast error SS ${(100 * s.forecastErrorSs).toFixed(1)} %, first_trough[6] ${(100 * s.forecastErrorFirst6).toFixed(1)} %, ` +
      `80 % coverage SS ${s.coverageSs.toFixed(3)}, first_trough[6] ${s.coverageFirst6.toFixed(3)}, ` +
      `antibody-like kept at 4 w ${s.adaKept}/${s.adaTotal} (warned ${s.adaWarned}), ${s.msPerPatient.toFixed(1)} ms/patient`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(validateNatalizumab(process.argv[2], process.argv[3]));
}
