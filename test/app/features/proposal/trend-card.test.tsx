// @vitest-environment jsdom
/**
 * The model-free trend on the card (beside the PDNMS rule; beside the logistic fit for
 * ocrelizumab) and on the chart (the line over the troughs), in English and Dutch, from real
 * reports of the records built to reach the trend sentences (rare-sentences.csv R-TREND, R-OTREND).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ProposalCard } from '../../../../src/app/features/proposal/ProposalCard';
import { renderDutch } from '../render-dutch';
import { buildChart, COLORS } from '../../../../src/app/features/chart/chart-data';
import { computeReport, lastEventTime, parseTdmCsv, type NatalizumabReport, type OcrelizumabReport } from '../../../../src/core/index';
import { makeT } from '../i18n-helper';

const settings = { natalizumab: {}, ocrelizumab: {} };
const parsed = parseTdmCsv(readFileSync('test/app/features/proposal/data/rare-sentences.csv', 'utf8'), 'rare-sentences.csv');
const reportOf = <R,>(id: string) => { const p = parsed.patients.find((x) => x.id === id)!; return computeReport(p, lastEventTime(p), settings) as R; };
const nat = reportOf<NatalizumabReport>('R-TREND');
const ocr = reportOf<OcrelizumabReport>('R-OTREND');

afterEach(cleanup);

const dutch = renderDutch;

describe('trough trend on the card', () => {
  it('sits beside the PDNMS rule with its rate, interval and verdict; the falling warning is listed', () => {
    expect(nat.trend!.falling).toBe(true);
    render(<ProposalCard report={nat} settings={settings} />);
    const protocol = screen.getByTestId('protocol');
    const trend = within(protocol).getByTestId('trend');
    expect(trend.textContent).toBe('Trough trend (model-free): -24 % per month (90 % interval -29 to -18), Theil–Sen over 6 troughs at a stable 4-week interval: clearly falling: no extension');
    expect(trend.getAttribute('data-trend')).toBe('falling');
    expect(trend.className).toContain('issue--warning');
    const codes = within(screen.getByTestId('warnings')).getAllByRole('listitem').map((li) => li.getAttribute('data-code'));
    expect(codes).toContain('trough-trend-falling');
    expect(screen.getByTestId('interval').textContent).toContain('4 weeks');
    expect(screen.getByTestId('reason').textContent).toBe(nat.proposal.reason);
  });

  it('in Dutch, with the reason and warning in Dutch too', () => {
    dutch(<ProposalCard report={nat} settings={settings} />);
    expect(screen.getByTestId('trend').textContent).toBe('Trend van de dalspiegels (zonder model): -24 % per maand (90 %-interval -29 tot -18), Theil–Sen over 6 dalspiegels bij een stabiel interval van 4 weken: duidelijk dalend: niet verlengen');
    expect(screen.getByTestId('reason').textContent).toBe('gehandhaafd op 4 weken: de dalspiegels bij een stabiel interval van 4 weken dalen (-24 % per maand, trend zonder model); niet verlengen zolang de oorzaak onbekend is (antistoffen tegen het middel, gewichtstoename, een veranderde klaring)');
    const w = within(screen.getByTestId('warnings')).getAllByRole('listitem').find((li) => li.getAttribute('data-code') === 'trough-trend-falling')!;
    expect(w.textContent).toMatch(/^Waarschuwing: de 6 dalspiegels bij een stabiel interval van 4 weken van 06-01-2025 tot 26-05-2025 dalen: -24 % per maand \(90 %-interval -29 tot -18; Theil–Sen, zonder model\); de trendlijn kruist 10 µg\/mL in 08-2025: antistoffen/);
  });

  it('says what it needs when there are fewer than 3 troughs at a stable interval', () => {
    const few: NatalizumabReport = { ...nat, trend: null };
    render(<ProposalCard report={few} settings={settings} />);
    expect(screen.getByTestId('trend').textContent).toBe('Trough trend (model-free): needs 3 troughs at a stable interval (the same interval before each trough and before that one)');
  });
});

describe('count trend on the ocrelizumab card', () => {
  it('shows the model-free growth beside the fitted growth, and that they disagree', () => {
    const tr = ocr.countTrend!;
    expect(tr.disagrees).toBe(true);
    render(<ProposalCard report={ocr} settings={settings} />);
    const f = (x: number) => `${x > 0 ? '+' : ''}${Math.round(x * 1000) / 1000}`;
    expect(screen.getByTestId('count-trend').textContent).toBe(
      `Growth of ln(count + 1), model-free${f(tr.ratePerWeek)} per week (90 % interval ${f(tr.low)} to ${f(tr.high)}), Theil–Sen over 4 counts; the fitted curve ${f(tr.fittedRatePerWeek)} per week over the same weeks: disagrees with the fit`);
    const codes = within(screen.getByTestId('warnings')).getAllByRole('listitem').map((li) => li.getAttribute('data-code'));
    expect(codes).toContain('bcell-trend-disagrees');
  });
});

describe('trend line on the chart', () => {
  it('draws the natalizumab trend over the troughs, red when falling, named in the legend and the summary', () => {
    const b = buildChart(nat, { lang: 'en', t: makeT('chart', 'en'), logScale: false });
    const ds = b.data.datasets.find((d) => d.label === 'Trough trend (Theil–Sen), -24 % per month: falling')!;
    expect(ds.data).toEqual(nat.trend!.line.map((p) => ({ x: p.time, y: p.value })));
    expect(ds.data[0].x).toBe(nat.trend!.troughs[0].time);
    expect(ds.data[ds.data.length - 1].x).toBe(nat.trend!.troughs[5].time);
    expect(ds.borderColor).toBe(COLORS.trendFalling);
    expect(b.summary).toContain('Trough trend over 6 troughs: -24 % per month (90 % interval -29 to -18), clearly falling.');
    const nl = buildChart(nat, { lang: 'nl', t: makeT('chart', 'nl'), logScale: true });
    expect(nl.data.datasets.map((d) => d.label)).toContain('Trend dalspiegels (Theil–Sen), -24 % per maand: dalend');
  });

  it('draws the ocrelizumab count trend over the counts', () => {
    const b = buildChart(ocr, { lang: 'en', t: makeT('chart', 'en'), logScale: false });
    const ds = b.data.datasets.find((d) => String(d.label).startsWith('Count trend (Theil–Sen)'))!;
    expect(ds.data).toEqual(ocr.countTrend!.line.map((p) => ({ x: p.time, y: p.value })));
    expect(ds.borderColor).toBe(COLORS.trend);
  });
});
