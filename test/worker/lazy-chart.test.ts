/**
 * The list's job and the opened patient's chart job (issue 17, item 6): the app asks the worker
 * for the decision only (natalizumab `curves: false`) for every patient on the list, and for the
 * chart's curves only for the patient opened. The list's report has no chart bands; the chart
 * job's report has them, and both say the same as the command line (`tdm propose`), number for number.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { handle, resolveAsOf } from '../../src/worker/handle';
import { computeReport, cutAsOf, parseTdmCsv } from '../../src/core/index';
import { proposeLine } from '../../src/core/report/cli-line';
import { runCli } from '../../src/cli/run';

const FILE = 'fixtures/examples/example-patients.csv';
const text = readFileSync(FILE, 'utf8');
const nat = parseTdmCsv(text, 'ex.csv', {}).patients.filter((p) => p.drug === 'natalizumab').slice(0, 3);
const now = () => 0;
const cli = new Map(runCli(['propose', FILE], (f) => readFileSync(f)).stdout.map((l) => JSON.parse(l) as { patient_id: string }).map((l) => [l.patient_id, l]));

describe('the list computes the decision, the opened patient its chart', () => {
  it('the list report has no chart bands; the chart job report has them; both give the CLI proposal', () => {
    expect(nat.length).toBe(3);
    for (const p of nat) {
      const list = handle({ type: 'compute', id: 1, job: { patient: p, settings: { natalizumab: { curves: false }, ocrelizumab: {} }, asOf: { kind: 'last' } } }, now);
      const chart = handle({ type: 'compute', id: 2, job: { patient: p, settings: { natalizumab: {}, ocrelizumab: {} }, asOf: { kind: 'last' } } }, now);
      if (list.type !== 'computed' || chart.type !== 'computed') throw new Error('not computed');
      if ('error' in list.report || 'error' in chart.report || list.report.drug !== 'natalizumab' || chart.report.drug !== 'natalizumab') throw new Error('no proposal');
      expect(list.report.curve).toEqual({ history: [], forecasts: [] });
      expect(chart.report.curve.history.length).toBeGreaterThan(10);
      expect(chart.report.curve.forecasts.some((f) => f.points.length > 0)).toBe(true);
      // The chart's curves are the core's own (the full proposal as the core computes it).
      const asOf = resolveAsOf(p, { kind: 'last' });
      expect(chart.report).toEqual(computeReport(cutAsOf(p, asOf), asOf, { natalizumab: {}, ocrelizumab: {} }));
      // The same decision and numbers whether the curves were computed or not, and the CLI's line.
      const { curve: _a, options: _o1, ...listRest } = list.report;
      const { curve: _b, options: _o2, ...chartRest } = chart.report;
      expect(listRest).toEqual(chartRest);
      expect(JSON.parse(JSON.stringify(proposeLine(list.report)))).toEqual(cli.get(p.id));
      expect(JSON.parse(JSON.stringify(proposeLine(chart.report)))).toEqual(cli.get(p.id));
    }
  });
});
