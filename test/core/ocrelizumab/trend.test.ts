/**
 * Ocrelizumab's model-free growth rate of ln(count + 1) beside the logistic fit: the rate against
 * a Theil–Sen slope worked out by hand, the fitted curve's own growth over the same weeks from
 * the report's curve, the note when they disagree, and none when the counts follow the curve.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { computeReport, lastEventTime, parseTdmCsv, type OcrelizumabReport } from '../../../src/core/index';
import { proposeOcrelizumab } from '../../../src/core/ocrelizumab/index';
import { proposeLine } from '../../../src/core/report/cli-line';
import { bcellCurve } from '../../../models/ocrelizumab-bcell-logistic';
import { endOf, patient, weeksAfter } from './helpers';

const DOSE = '2024-01-08T09:00';
const at = (w: number) => weeksAfter(DOSE, w);

describe('ocrelizumab count trend', () => {
  it('counts falling while the fit grows: the Theil–Sen rate by hand, the fitted growth from the curve, and the note', () => {
    const p = patient({ doses: [[DOSE, 600]], counts: [[at(24), '8'], [at(28), '6'], [at(32), '5'], [at(36), '4']] });
    const r = proposeOcrelizumab(p, endOf('2024-09-20'));
    const tr = r.countTrend!;
    // ln(count + 1) = ln 9, ln 7, ln 6, ln 5 at weeks 24, 28, 32, 36: the six pairwise slopes, sorted; ml-regression takes the lower middle one.
    const slopes = [Math.log(7 / 9) / 4, Math.log(6 / 9) / 8, Math.log(5 / 9) / 12, Math.log(6 / 7) / 4, Math.log(5 / 7) / 8, Math.log(5 / 6) / 4].sort((a, b) => a - b);
    expect(tr.ratePerWeek).toBeCloseTo(slopes[2], 12);
    expect(tr.counts.map((c) => c.value)).toEqual([8, 6, 5, 4]);
    expect(tr.distributionFree).toBe(true);
    // The fitted curve's growth over weeks 24–36, read off the report's own weekly curve (median count).
    const c24 = r.curve[24].value, c36 = r.curve[36].value;
    expect(tr.fittedRatePerWeek).toBeCloseTo((Math.log(c36 + 1) - Math.log(c24 + 1)) / 12, 3);
    expect(tr.fittedRatePerWeek).toBeGreaterThan(tr.high);
    expect(tr.disagrees).toBe(true);
    const note = r.warnings.find((w) => w.code === 'bcell-trend-disagrees')!;
    expect(note.severity).toBe('info');
    expect(note.message).toBe(`the 4 CD19+ counts of this cycle from 2024-06-24 to 2024-09-16 grow ${tr.ratePerWeek.toFixed(3)} per week in ln(count + 1) (model-free, Theil–Sen; 90 % interval ${tr.low.toFixed(3)} to ${tr.high.toFixed(3)}), the fitted curve ${tr.fittedRatePerWeek.toFixed(3)} per week over the same weeks: the logistic fit does not follow these counts; check them and count again before relying on the forecast`);
    const line = proposeLine(r) as { count_trend: Record<string, unknown> };
    expect(line.count_trend).toMatchObject({ counts: 4, censored_left_out: 0, rate_per_week: Number(tr.ratePerWeek.toPrecision(3)), disagrees: true, level: 0.9 });
  });

  it('counts on the logistic curve: the fit and the trend agree, no note', () => {
    // The model's typical curve (T10 32 weeks, r 0.09/week, Bmax 200), noise-free, weeks 26–38.
    const weeks = [26, 30, 34, 38];
    const counts = weeks.map((w) => bcellCurve(w, 32, 0.09, 200));
    const p = patient({ doses: [[DOSE, 600]], counts: weeks.map((w, i) => [at(w), counts[i].toFixed(2)] as [number, string]) });
    const r = proposeOcrelizumab(p, endOf('2024-10-01'));
    const tr = r.countTrend!;
    expect(tr.disagrees).toBe(false);
    expect(tr.fittedRatePerWeek).toBeGreaterThanOrEqual(tr.low);
    expect(tr.fittedRatePerWeek).toBeLessThanOrEqual(tr.high);
    // ln(B + 1) of the true curve grows (ln(B(38)+1) − ln(B(26)+1))/12 over the window; the robust line is close to it.
    const trueRate = (Math.log(counts[3] + 1) - Math.log(counts[0] + 1)) / 12;
    expect(tr.ratePerWeek).toBeCloseTo(trueRate, 1);
    expect(r.warnings.map((w) => w.code)).not.toContain('bcell-trend-disagrees');
  });

  it('leaves censored counts out and needs three uncensored ones this cycle', () => {
    const p = patient({ doses: [[DOSE, 600]], counts: [[at(20), '0'], [at(24), '<1'], [at(28), '3'], [at(32), '6']] });
    const r = proposeOcrelizumab(p, endOf('2024-08-20'));
    expect(r.countTrend).toBeNull();
    expect((proposeLine(r) as { count_trend: unknown }).count_trend).toBeNull();
    const q = patient({ doses: [[DOSE, 600]], counts: [[at(20), '0'], [at(24), '2'], [at(28), '3'], [at(32), '6']] });
    const rq = proposeOcrelizumab(q, endOf('2024-08-20'));
    expect(rq.countTrend!.counts).toHaveLength(3);
    expect(rq.countTrend!.censoredLeftOut).toBe(1);
    expect(rq.countTrend!.distributionFree).toBe(false);
  });

  it('rarely disagrees on patients drawn from the model itself (the shared virtual set: none of those with a trend)', () => {
    const parsed = parseTdmCsv(readFileSync('fixtures/validation/ocrelizumab-virtual.csv', 'utf8'), 'ocrelizumab-virtual.csv');
    let withTrend = 0, disagree = 0;
    for (const p of parsed.patients) {
      const r = computeReport(p, lastEventTime(p)) as OcrelizumabReport;
      if (!r.countTrend) continue;
      withTrend++;
      if (r.countTrend.disagrees) disagree++;
      expect(r.countTrend.counts.length).toBeGreaterThanOrEqual(3);
    }
    expect(withTrend).toBeGreaterThanOrEqual(20);
    expect(disagree / withTrend).toBeLessThanOrEqual(0.1);
  });
});
