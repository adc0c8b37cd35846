// @vitest-environment jsdom
/**
 * Issue 9 on the card and the print: which troughs were finger-prick (capillary) samples, the
 * home finger-prick plan for the next trough, the `below-target-at-4-weeks` warning said first and
 * prominently (English and Dutch), and the uncertainty of model parameters in the model details.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { EngineSettings } from '../../../../src/core/engine';
import type { NatalizumabReport } from '../../../../src/core/report/types';
import type { Issue } from '../../../../src/core/types';
import { MODELS } from '../../../../models/index';
import { renderDutch } from '../render-dutch';
import { parseIsoTime } from '../../../../src/core/time';
import { natalizumabReport } from '../fixtures';

vi.mock('../../../../src/app/features/chart/ForecastChart', () => ({
  ForecastChart: ({ testId = 'forecast-chart' }: { testId?: string }) => <div data-testid={testId}>chart</div>,
  default: () => null,
}));
const { ProposalCard } = await import('../../../../src/app/features/proposal/ProposalCard');
const { PrintReport } = await import('../../../../src/app/features/print/PrintReport');

const settings: EngineSettings = { natalizumab: {}, ocrelizumab: {} };
afterEach(cleanup);

function withCapillary(home: boolean): NatalizumabReport {
  const r = natalizumabReport();
  // The first trough (2024-03-25) was a finger-prick, as was an extra censored one.
  r.observations[0] = { ...r.observations[0], sample: 'capillary' };
  r.observations.push({ kind: 'level', time: parseIsoTime('2024-04-20T08:00')!, iso: '2024-04-20T08:00', value: 2, censored: true, unit: 'ug/mL', raw: '<2', sample: 'capillary' });
  if (home) r.options = { ...r.options, nextTroughSample: 'capillary' };
  return r;
}

const BELOW: Issue = {
  code: 'below-target-at-4-weeks', variant: 'sc', severity: 'warning',
  message: 'at the standard 4-week interval the trough is predicted at 6.2 µg/mL (80 % interval 4.1–9.4), with only 12 % probability of reaching 10 µg/mL: no interval reaches the target. Consider IV instead of SC, an antibody test if the trough is very low, or the target itself',
  params: { weeks: 4, trough: 6.2, low: 4.1, high: 9.4, probability: '12 %', target: 10, route: 'sc' },
};

const dutch = renderDutch;

describe('card: finger-prick troughs and the home finger-prick plan', () => {
  it('names the capillary troughs with their dates and values, and says the next trough is a home finger-prick', () => {
    const r = withCapillary(true);
    const first = r.observations[0];
    render(<ProposalCard report={r} settings={settings} />);
    expect(screen.getByTestId('capillary-levels').textContent).toBe(
      `Finger-prick (capillary) troughs: ${first.iso.slice(0, 10)} (${first.value} µg/mL), 2024-04-20 (<2 µg/mL). The model allows for their own measurement error (method comparison with venous samples).`);
    expect(screen.getByTestId('home-prick').textContent).toBe('The next trough is planned as a home finger-prick (capillary sample), taken just before the dose.');
    expect(screen.getByTestId('next-trough-sample').textContent).toBe('Next troughhome finger-prick (capillary)');
  });

  it('names the latest six of many finger-prick troughs and counts the earlier ones', () => {
    const r = natalizumabReport();
    const base = parseIsoTime('2023-06-01T08:00')!;
    r.observations = Array.from({ length: 9 }, (_, i) => ({ kind: 'level' as const, time: base + 28 * i, iso: new Date((base + 28 * i) * 86_400_000).toISOString().slice(0, 16), value: 10 + i, censored: false, unit: 'ug/mL', raw: String(10 + i), sample: 'capillary' as const }));
    render(<ProposalCard report={r} settings={settings} />);
    const text = screen.getByTestId('capillary-levels').textContent!;
    expect(text.startsWith('Finger-prick (capillary) troughs: 2023-08-24 (13 µg/mL), 2023-09-21 (14 µg/mL),')).toBe(true);
    expect(text).toContain('2024-01-11 (18 µg/mL) (and 3 earlier). The model allows');
    expect(text.match(/µg\/mL\)/g)).toHaveLength(6);
  });

  it('says nothing of finger-pricks for an all-venous patient planned venous', () => {
    render(<ProposalCard report={natalizumabReport()} settings={settings} />);
    expect(screen.queryByTestId('capillary-levels')).toBeNull();
    expect(screen.queryByTestId('home-prick')).toBeNull();
    expect(screen.getByTestId('next-trough-sample').textContent).toBe('Next troughvenous draw');
  });

  it('in Dutch', () => {
    const r = withCapillary(true);
    r.observations = [r.observations[2]];
    dutch(<ProposalCard report={r} settings={settings} />);
    expect(screen.getByTestId('capillary-levels').textContent).toBe('Dalspiegel uit een vingerprik (capillair): 20-04-2024 (<2 µg/mL). Het model houdt rekening met de eigen meetfout daarvan (methodevergelijking met veneuze monsters).');
    expect(screen.getByTestId('home-prick').textContent).toBe('De volgende dalspiegel is gepland als vingerprik thuis (capillair monster), vlak vóór de gift.');
    expect(screen.getByTestId('next-trough-sample').textContent).toBe('Volgende dalspiegelvingerprik thuis (capillair)');
  });
});

describe('card: below-target-at-4-weeks', () => {
  it('is said first, prominently, above the proposal, and is also in the warnings list', () => {
    const r = natalizumabReport();
    r.warnings = [BELOW, ...r.warnings];
    render(<ProposalCard report={r} settings={settings} />);
    const alert = screen.getByTestId('below-target');
    expect(alert.textContent).toBe(BELOW.message);
    expect(alert.className).toContain('proposal__below-target');
    expect(alert.className).toContain('issue--warning');
    // before the next dose in document order
    expect(alert.compareDocumentPosition(screen.getByTestId('next-dose')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(screen.getByTestId('warnings')).getAllByRole('listitem').map((li) => li.getAttribute('data-code'))).toContain('below-target-at-4-weeks');
  });

  it('in Dutch, from the template and the params', () => {
    const r = natalizumabReport();
    r.warnings = [BELOW];
    dutch(<ProposalCard report={r} settings={settings} />);
    expect(screen.getByTestId('below-target').textContent).toBe('bij het standaardinterval van 4 weken wordt de dalspiegel voorspeld op 6,2 µg/mL (80%-interval 4,1–9,4), met slechts 12 % kans om 10 µg/mL te halen: geen enkel interval haalt het doel. Overweeg IV in plaats van SC, een antistoftest als de dalspiegel zeer laag is, of het doel zelf');
  });

  it('is absent when the engine does not emit it', () => {
    render(<ProposalCard report={natalizumabReport()} settings={settings} />);
    expect(screen.queryByTestId('below-target')).toBeNull();
  });
});

describe('card: model details show a parameter\'s uncertainty and further sources', () => {
  it('renders range, SD and sources when the model gives them', () => {
    const r = natalizumabReport();
    const model = MODELS[r.model.id];
    const saved = model.parameters;
    model.parameters = [...saved, { name: 'F (SC) test', value: 0.7, unit: 'fraction', description: 'SC bioavailability', source: 'DELIVER', sources: ['EU SmPC', 'Toorop 2024'],
      status: 'assumption', range: [0.57, 0.84], sd: 0.15, sdScale: 'log' }];
    try {
      render(<ProposalCard report={r} settings={settings} expandDetails />);
      const row = within(screen.getByTestId('model-details')).getByText('F (SC) test').closest('tr')!;
      const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
      expect(cells[0]).toBe('0.7 (range 0.57–0.84; SD 0.15 (log scale))');
      expect(cells[3]).toBe('DELIVER; EU SmPC; Toorop 2024');
    } finally {
      model.parameters = saved;
    }
  });
});

describe('print: finger-prick troughs and the home finger-prick plan', () => {
  it('tags capillary rows in the data table and says the next trough is a home finger-prick', () => {
    const r = withCapillary(true);
    render(<PrintReport report={r} settings={settings} printedOn="2024-04-23" />);
    const rows = within(screen.getByTestId('print-data')).getAllByRole('row').map((x) => x.textContent);
    expect(rows).toContain('2024-04-20 08:00Natalizumab level (finger-prick)<2 µg/mL');
    expect(rows.filter((x) => x!.includes('(finger-prick)'))).toHaveLength(2);
    expect(rows.filter((x) => x!.includes('Natalizumab level') && !x!.includes('finger-prick'))).toHaveLength(1);
    const page = screen.getByTestId('print-report');
    expect(within(page).getByTestId('print-home-prick').textContent).toBe('The next trough is planned as a home finger-prick (capillary sample), taken just before the dose.');
    expect(within(page).getByTestId('print-capillary-levels').textContent).toContain('2024-04-20 (<2 µg/mL)');
  });

  it('in Dutch', () => {
    dutch(<PrintReport report={withCapillary(true)} settings={settings} printedOn="2024-04-23" />);
    const rows = within(screen.getByTestId('print-data')).getAllByRole('row').map((x) => x.textContent);
    expect(rows.some((x) => x!.endsWith('Natalizumabspiegel (vingerprik)<2 µg/mL'))).toBe(true);
    expect(screen.getByTestId('print-home-prick').textContent).toBe('De volgende dalspiegel is gepland als vingerprik thuis (capillair monster), vlak vóór de gift.');
  });
});
