import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseTdmCsv } from '../../src/core/records/index';
import { computeReport, lastEventTime } from '../../src/core/engine';
import type { NatalizumabReport } from '../../src/core/report/types';

const patients = parseTdmCsv(readFileSync('fixtures/validation/natalizumab-virtual.csv', 'utf8'), 'natalizumab-virtual.csv').patients.slice(0, 12);

describe('the CLI skips chart curves without changing any number', () => {
  for (const p of patients) {
    it(p.id, () => {
      const asOf = Math.floor(lastEventTime(p)) + 1 - 1 / 86400;
      const full = computeReport(p, asOf, { natalizumab: {}, ocrelizumab: {} }) as NatalizumabReport;
      const lean = computeReport(p, asOf, { natalizumab: { curves: false }, ocrelizumab: {} }) as NatalizumabReport;
      expect(full.curve.history.length).toBeGreaterThan(50);
      expect(full.curve.forecasts.length).toBe(5);
      expect(lean.curve.history).toEqual([]);
      expect(lean.proposal).toEqual(full.proposal);
      expect(lean.alternatives).toEqual(full.alternatives);
      expect(lean.fit).toEqual(full.fit);
      expect(lean.warnings).toEqual(full.warnings);
    });
  }
});
