import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crossingQuantile, fitGrid, proposeOcrelizumab } from '../../../src/core/ocrelizumab/index';
import { formatDate, parseIsoTime, startOfDay } from '../../../src/core/time';
import { endOf, patient, t, weeksAfter } from './helpers';

const D = '2023-06-12T09:00';
const doseDay = startOfDay(t(D));
const day = (date: string) => parseIsoTime(date, 0)!;

describe('ocrelizumab properties', () => {
  it('a higher count at the same week never predicts a later crossing', () => {
    fc.assert(fc.property(
      fc.integer({ min: 16, max: 36 }), fc.double({ min: 0.5, max: 9, noNaN: true }), fc.double({ min: 1.05, max: 4, noNaN: true }),
      (week, low, factor) => {
        const q = (v: number) => crossingQuantile(fitGrid({ current: [{ t: week, value: v, censored: false }], previous: [], bmax: 200 }), 10, 0.5);
        expect(q(low * factor)).toBeLessThanOrEqual(q(low) + 1e-6);
      },
    ), { numRuns: 25, seed: 1 });
  });

  it('a higher latest count (earlier counts unchanged) never delays the predicted crossing or the re-dose', () => {
    // (Raising an earlier count too is not monotone: it flattens the inferred growth.)
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 0, maxLength: 2 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 5 }),
      (earlier, lastCount, add) => {
        const n = earlier.length;
        const make = (last: number) => patient({ doses: [[D, 600]], counts: [...earlier.map((c, i) => [weeksAfter(D, 24 + 4 * i), String(c)] as [number, string]), [weeksAfter(D, 24 + 4 * n), String(last)]] });
        const asOf = endOf(formatDate(weeksAfter(D, 24 + 4 * n)));
        const a = proposeOcrelizumab(make(lastCount), asOf), b = proposeOcrelizumab(make(Math.min(9, lastCount + add)), asOf);
        expect(b.fit.crossingWeeks.value).toBeLessThanOrEqual(a.fit.crossingWeeks.value + 1e-6);
        expect(b.proposal.weeksSinceLastDose).toBeLessThanOrEqual(a.proposal.weeksSinceLastDose);
      },
    ), { numRuns: 40, seed: 1 });
  });

  it('every proposal keeps its rules: whole weeks, within [minimum, maximum] unless overdue, never before as-of, next count ≥ 2 weeks after the latest', () => {
    const count = fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.constantFrom('<1', '<0.5', '<5'));
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 3, max: 50 }), count), { maxLength: 4 }), fc.integer({ min: 0, max: 60 }),
      (rows, asOfWeek) => {
        const counts = rows.filter(([w]) => w <= asOfWeek).map(([w, c]) => [weeksAfter(D, w), c] as [number, string]);
        const asOf = endOf(formatDate(weeksAfter(D, asOfWeek)));
        const r = proposeOcrelizumab(patient({ doses: [[D, 600]], counts }), asOf);
        const w = r.proposal.weeksSinceLastDose;
        expect(Number.isInteger(w)).toBe(true);
        const next = day(r.proposal.nextDose);
        expect(next).toBeGreaterThanOrEqual(day(formatDate(asOf)));
        if (!r.proposal.dueNow) {
          expect(r.proposal.nextDose).toBe(formatDate(doseDay + 7 * w));
          expect(w).toBeGreaterThanOrEqual(22);
          expect(w).toBeLessThanOrEqual(Math.max(52, asOfWeek + 1));
          const check = day(r.proposal.nextBcellCheck);
          expect(check).toBeGreaterThanOrEqual(day(formatDate(asOf)));
          if (counts.length > 0) expect(check).toBeGreaterThanOrEqual(startOfDay(counts[counts.length - 1][0]) + 14);
          expect((check - doseDay) % 7).toBe(0);
        }
        const c = r.fit.crossingWeeks;
        expect(c.low).toBeLessThanOrEqual(c.value);
        expect(c.value).toBeLessThanOrEqual(c.high);
        for (let k = 1; k < r.probabilityByDate.length; k++) expect(r.probabilityByDate[k].probability).toBeGreaterThanOrEqual(r.probabilityByDate[k - 1].probability - 1e-12);
        for (const p of r.curve) expect(Number.isFinite(p.value) && p.low <= p.value && p.value <= p.high).toBe(true);
      },
    ), { numRuns: 40, seed: 1 });
  });
});
