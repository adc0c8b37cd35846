// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { EngineSettings } from '../../../../src/core/engine';
import { natalizumabReport, ocrelizumabReport } from '../fixtures';

// jsdom has no canvas: the chart itself is checked in the browser tests.
vi.mock('../../../../src/app/features/chart/ForecastChart', () => ({
  ForecastChart: ({ report, testId = 'forecast-chart' }: { report: { patientId: string }; testId?: string }) => <div data-testid={testId}>chart {report.patientId}</div>,
  default: () => null,
}));

const { PrintReport } = await import('../../../../src/app/features/print/PrintReport');
const { PrintButton } = await import('../../../../src/app/features/print/PrintButton');
const settings: EngineSettings = { natalizumab: {}, ocrelizumab: {} };

afterEach(cleanup);

describe('PrintReport', () => {
  it('has the pseudonym, the chart, the proposal, the data table and the disclaimer', () => {
    render(<PrintReport report={natalizumabReport()} settings={settings} printedOn="2024-04-23" />);
    const page = screen.getByTestId('print-report');
    expect(page.querySelector('h1')!.textContent).toBe('MS Interval report: NAT-001');
    expect(within(page).getByTestId('print-forecast-chart')).toBeTruthy();
    expect(within(page).getByTestId('print-next-dose').textContent).toBe('2024-05-27');
    expect(within(page).getByTestId('print-disclaimer').textContent).toContain('not a certified medical device');
    expect(within(page).queryByTestId('print-choice')).toBeNull();
    const rows = within(screen.getByTestId('print-data')).getAllByRole('row').slice(1);
    // 13 infusions + 2 troughs: the latest 12 on the page (one A4 page, issue 15), the rest counted.
    expect(rows).toHaveLength(12);
    expect(page.textContent).toContain('3 earlier rows not shown.');
    expect(rows[rows.length - 2].textContent).toBe('2024-04-22 08:50Natalizumab level22.8 µg/mL');
    expect(rows[rows.length - 1].textContent).toBe('2024-04-22 09:00Dose300 mg IV');
    expect(page.textContent).toContain('Printed 2024-04-23 by MS Interval; report schema 1, model natalizumab-vandenberg-2025 1.0.0.');
  });

  it('prefixes every test id, so the screen card keeps the only next-dose and proposal', () => {
    for (const report of [natalizumabReport(), ocrelizumabReport()]) {
      render(<PrintReport report={report} settings={settings} />);
      const ids = [...screen.getByTestId('print-report').querySelectorAll('[data-testid]')].map((e) => e.getAttribute('data-testid')!);
      expect(ids).toContain('print-proposal');
      expect(ids).toContain('print-next-dose');
      expect(ids.filter((x) => !x.startsWith('print-'))).toEqual([]);
      cleanup();
    }
  });

  it('keeps the latest rows on one page and says how many were left out', () => {
    render(<PrintReport report={natalizumabReport()} settings={settings} maxRows={5} />);
    expect(within(screen.getByTestId('print-data')).getAllByRole('row')).toHaveLength(6);
    expect(screen.getByTestId('print-report').textContent).toContain('10 earlier rows not shown.');
  });

  it('lists a trough dated at the infusion time before the infusion (it was drawn just before it)', () => {
    const report = natalizumabReport();
    const last = report.doses[report.doses.length - 1];
    report.observations = [{ ...report.observations[0], time: last.time, iso: last.iso }];
    render(<PrintReport report={report} settings={settings} />);
    const rows = within(screen.getByTestId('print-data')).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows.slice(-2)).toEqual([`${last.iso.replace('T', ' ')}Natalizumab level${report.observations[0].value} µg/mL`, `${last.iso.replace('T', ' ')}Dose300 mg IV`]);
  });

  it('shows censored counts with their < sign', () => {
    render(<PrintReport report={ocrelizumabReport()} settings={settings} />);
    const cells = within(screen.getByTestId('print-data')).getAllByRole('row').map((r) => r.textContent);
    expect(cells).toContain('2023-11-27 09:00CD19+ B-cell count<1 cells/µL');
  });
});

describe('PrintButton', () => {
  it('mounts the report outside the app root and calls window.print()', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    render(<div id="app"><PrintButton report={natalizumabReport()} settings={settings} /></div>);
    expect(document.querySelector('.print-root')).toBeNull();
    fireEvent.click(screen.getByTestId('print-button'));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    const root = document.querySelector('.print-root')!;
    expect(root.parentElement).toBe(document.body);
    expect(within(root as HTMLElement).getByTestId('print-report')).toBeTruthy();
    act(() => { window.dispatchEvent(new Event('afterprint')); });
    expect(document.querySelector('.print-root')).toBeNull();
    vi.unstubAllGlobals();
  });
});
