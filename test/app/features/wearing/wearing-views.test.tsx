// @vitest-environment jsdom
/**
 * Wearing-off on the screen and on paper carry the numbers of the command line (issue 19): the
 * app's own computation (the worker's handler, as-of the patient's last row as the app does by
 * default) gives the report; the chart's stars, their 80 % bars and tooltips, the card, and the
 * printed card (en and nl) are checked against `tdm propose`'s `wearing_off` object for the
 * same file. The chart is built as data (jsdom has no canvas; the pixels are in the browser test).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { runCli } from '../../../../src/cli/run';
import { parseTdmCsv } from '../../../../src/core/records/index';
import { handle } from '../../../../src/worker/handle';
import type { NatalizumabReport, OcrelizumabReport, PatientReport } from '../../../../src/core/report/types';
import type { EngineSettings } from '../../../../src/core/engine';
import { buildChart } from '../../../../src/app/features/chart/chart-data';
import { WearingOffCard } from '../../../../src/app/features/wearing/WearingOffCard';
import { formatNumber } from '../../../../src/app/features/proposal/format';
import chartEn from '../../../../src/i18n/app/chart-en';
import chartNl from '../../../../src/i18n/app/chart-nl';
import wearingEn from '../../../../src/i18n/app/wearing-en';
import wearingNl from '../../../../src/i18n/app/wearing-nl';
import { renderDutch } from '../render-dutch';
import { SettingsForm } from '../../../../src/app/features/settings/SettingsForm';
import { buildSession, readSession } from '../../../../src/app/lib/session';
import { checkSettings } from '../../../../src/app/lib/settings';
import { sessionProblemIn } from '../../../../src/app/lib/session-problems';
import type { StoredPatient } from '../../../../src/app/storage/db';
import { NAT_HIGH_ROWS, TDM_HEADER } from '../../../wearing-patient';

vi.mock('../../../../src/app/features/chart/ForecastChart', () => ({
  ForecastChart: ({ testId = 'forecast-chart' }: { testId?: string }) => <div data-testid={testId}>chart</div>,
  default: () => null,
}));
const { PrintReport } = await import('../../../../src/app/features/print/PrintReport');

afterEach(cleanup);

const HEADER = TDM_HEADER;
const FILE = [
  HEADER,
  ...NAT_HIGH_ROWS,
  'OCR-W,ocrelizumab,dose,2023-06-12T09:00,600,mg,iv,210,',
  'OCR-W,ocrelizumab,bcell,2023-12-11,<1,cells/uL,,,',
  'OCR-W,ocrelizumab,wearing_off,2023-12-20,2,score,,,',
  'OCR-W,ocrelizumab,bcell,2024-01-08,3,cells/uL,,,',
].join('\n');

const settings: EngineSettings = { natalizumab: {}, ocrelizumab: {} };
const patients = parseTdmCsv(FILE, 'w.csv').patients;
/** The report as the app's worker computes it. */
function appReport(id: string): PatientReport {
  const res = handle({ type: 'compute', id: 1, job: { patient: patients.find((p) => p.id === id)!, settings, asOf: { kind: 'last' } } }, () => 0);
  if (res.type !== 'computed' || 'error' in res.report) throw new Error(`not computed: ${JSON.stringify(res)}`);
  return res.report;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON lines read in a test
const cli = new Map(runCli(['propose', 'w.csv'], () => Buffer.from(FILE)).stdout.map((l) => JSON.parse(l) as Record<string, any>).map((o) => [o.patient_id as string, o]));

function chartT(lng: 'en' | 'nl') {
  const i = i18next.createInstance();
  void i.init({ lng, initAsync: false, interpolation: { escapeValue: false },
    resources: { en: { chart: chartEn, wearing: wearingEn }, nl: { chart: chartNl, wearing: wearingNl } } });
  const t = i.getFixedT(lng, 'chart');
  return (key: string, vars?: Record<string, unknown>) => String(t(key, vars as never));
}
type Ann = Record<string, { xMin?: number; xMax?: number; yMin?: number; yMax?: number }>;
type Label = (item: unknown) => string;

describe('natalizumab: the chart, the card and the print say what tdm propose says', () => {
  const r = appReport('NAT-HIGH') as NatalizumabReport;
  const line = cli.get('NAT-HIGH')!;
  const w = line.wearing_off;
  // The command line's onsets, oldest first: the earlier ones, then the latest.
  const onsets = [...w.earlier_onset_concentrations, w.onset_concentration] as { onset: string; value: number; low: number; high: number }[];

  it('the app computes the same reports and concentrations as the command line', () => {
    expect(w.reports).toBe(2);
    expect(r.wearingOff!.reports.map((x) => x.iso)).toEqual(onsets.map((o) => o.onset));
    r.wearingOff!.reports.forEach((x, i) => {
      expect(x.concentration!.value).toBeCloseTo(onsets[i].value, 1);
      expect(x.concentration!.low).toBeCloseTo(onsets[i].low, 1);
      expect(x.concentration!.high).toBeCloseTo(onsets[i].high, 1);
    });
    expect(r.warnings.map((x) => x.code)).toContain('wearing-off-above-target');
    expect(line.warning_codes).toContain('wearing-off-above-target');
  });

  for (const lng of ['en', 'nl'] as const) {
    it(`the chart (${lng}): a star at each onset at the predicted concentration, its 80 % interval as a bar, the tooltip with the numbers`, () => {
      const b = buildChart(r, { lang: lng, t: chartT(lng), logScale: false });
      const label = lng === 'en' ? 'Wearing-off (onset)' : wearingNl.chart.series;
      const stars = b.data.datasets.find((d) => d.label === label)!;
      expect(stars).toBeDefined();
      expect(stars.data).toEqual(r.wearingOff!.reports.map((x) => ({ x: x.time, y: x.concentration!.value })));
      const ann = (b.options.plugins as { annotation: { annotations: Ann } }).annotation.annotations;
      r.wearingOff!.reports.forEach((x, i) => {
        expect(ann[`wearingOff${i}`]).toMatchObject({ xMin: x.time, xMax: x.time, yMin: x.concentration!.low, yMax: x.concentration!.high });
      });
      const tip = b.options.plugins!.tooltip!.callbacks!.label as unknown as Label;
      const idx = b.data.datasets.indexOf(stars);
      const last = onsets[1];
      const text = tip({ dataset: stars, datasetIndex: idx, dataIndex: 1, parsed: { x: 0, y: 0 } });
      const f = (x: number) => formatNumber(x, lng);
      expect(text).toBe(lng === 'en'
        ? `wearing-off (mild) from 2024-11-07: predicted ${f(last.value)} µg/mL (80 % interval ${f(last.low)}–${f(last.high)})`
        : `wearing-off (licht) vanaf 07-11-2024: voorspeld ${f(last.value)} µg/mL (80 %-interval ${f(last.low)}–${f(last.high)})`);
      expect(b.summary).toContain(lng === 'en' ? '2 wearing-off report(s) marked at their onsets.' : '2 wearing-off-melding(en) gemarkeerd op hun begin.');
    });
  }

  it('the card in English: the intervals, each onset with the command line\'s numbers, the floor above the target', () => {
    render(<WearingOffCard report={r} overrides={settings} onOverrides={async () => {}} />);
    const card = screen.getByTestId('wearing-off-card');
    expect(within(card).getByTestId('wearing-off-intervals').textContent).toBe('Wearing-off in 2 of 5 intervals; 1 recorded without.');
    const values = within(card).getAllByTestId('wearing-off-value').map((e) => e.textContent);
    expect(values).toEqual(onsets.map((o) => `${formatNumber(o.value, 'en')} µg/mL (${formatNumber(o.low, 'en')}–${formatNumber(o.high, 'en')})`));
    expect(within(card).getByTestId('wearing-off-floor').textContent).toContain(`The patient's own floor: ${formatNumber(w.floor, 'en')} µg/mL`);
    expect(within(card).getByTestId('personal-target-offer')).toBeTruthy();
    expect(within(card).getByTestId('choose-personal-target')).toBeTruthy();
  });

  it('the card in Dutch: decimal commas, the same numbers', () => {
    renderDutch(<WearingOffCard report={r} overrides={settings} onOverrides={async () => {}} />);
    const card = screen.getByTestId('wearing-off-card');
    expect(within(card).getByTestId('wearing-off-intervals').textContent).toBe('Wearing-off in 2 van 5 intervallen; 1 vastgelegd zonder.');
    const values = within(card).getAllByTestId('wearing-off-value').map((e) => e.textContent);
    expect(values).toEqual(onsets.map((o) => `${formatNumber(o.value, 'nl')} µg/mL (${formatNumber(o.low, 'nl')}–${formatNumber(o.high, 'nl')})`));
    expect(values[1]).toMatch(/^\d+,\d µg\/mL \(\d+,\d–\d+,\d\)$/);
  });

  it('the printed report carries the card with the same numbers, no button to choose, every test id prefixed', () => {
    render(<PrintReport report={r} settings={settings} />);
    const page = screen.getByTestId('print-report');
    const card = within(page).getByTestId('print-wearing-off-card');
    expect(within(card).getAllByTestId('print-wearing-off-value').map((e) => e.textContent))
      .toEqual(onsets.map((o) => `${formatNumber(o.value, 'en')} µg/mL (${formatNumber(o.low, 'en')}–${formatNumber(o.high, 'en')})`));
    expect(within(card).queryByTestId('print-choose-personal-target')).toBeNull();
    expect(within(page).getByTestId('print-warnings').textContent).toContain('wearing-off reported at predicted concentrations above the target');
    const ids = [...page.querySelectorAll('[data-testid]')].map((e) => e.getAttribute('data-testid')!);
    expect(ids.filter((x) => !x.startsWith('print-'))).toEqual([]);
  });
});

describe('FHIR: tdm fhir carries the reports, and the Bundle gives the same wearing_off as the CSV', () => {
  it('for both drugs', () => {
    const fhir = runCli(['fhir', 'w.csv'], () => Buffer.from(FILE));
    expect(fhir.status).toBe(0);
    const bundle = fhir.stdout.join('\n');
    const observations = (JSON.parse(bundle) as { entry: { resource: { resourceType: string; code?: { coding?: { code: string }[] }; valueInteger?: number } }[] }).entry
      .map((e) => e.resource).filter((r) => r.resourceType === 'Observation' && r.code?.coding?.some((c) => c.code === 'wearing-off'));
    expect(observations.map((o) => o.valueInteger).sort()).toEqual([0, 1, 2, 2]);
    const fromBundle = new Map(runCli(['propose', 'b.json'], () => Buffer.from(bundle)).stdout.map((l) => JSON.parse(l) as { patient_id: string; wearing_off: unknown }).map((o) => [o.patient_id, o.wearing_off]));
    for (const id of ['NAT-HIGH', 'OCR-W']) expect(fromBundle.get(id), id).toEqual(cli.get(id)!.wearing_off);
  });
});

describe('ocrelizumab: the count curve and the weeks since the dose', () => {
  const r = appReport('OCR-W') as OcrelizumabReport;
  const line = cli.get('OCR-W')!;
  const [onset] = line.wearing_off.onsets as { onset: string; weeks_since_dose: number; value: number; low: number; high: number }[];

  it('the card and the chart show the weeks and the predicted count of tdm propose', () => {
    expect(onset.onset).toBe('2023-12-20T09:00');
    expect(onset.weeks_since_dose).toBe(27.29);
    render(<WearingOffCard report={r} overrides={settings} />);
    const row = screen.getByTestId('wearing-off-card').querySelector('tr[data-onset="2023-12-20T09:00"]')!;
    expect(row.textContent).toContain('27.3');
    expect(within(row as HTMLElement).getByTestId('wearing-off-value').textContent)
      .toBe(`${formatNumber(onset.value, 'en')} cells/µL (${formatNumber(onset.low, 'en')}–${formatNumber(onset.high, 'en')})`);
    const b = buildChart(r, { lang: 'en', t: chartT('en'), logScale: true });
    const stars = b.data.datasets.find((d) => d.label === 'Wearing-off (onset)')!;
    expect(stars.data).toHaveLength(1);
    expect((stars.data[0] as { x: number }).x).toBe(r.wearingOff!.reports[0].time);
    const tip = b.options.plugins!.tooltip!.callbacks!.label as unknown as Label;
    expect(tip({ dataset: stars, datasetIndex: b.data.datasets.indexOf(stars), dataIndex: 0, parsed: { x: 0, y: 0 } }))
      .toBe(`wearing-off (moderate) from 2023-12-20: week 27.3 after the dose, predicted ${formatNumber(onset.value, 'en')} cells/µL (80 % interval ${formatNumber(onset.low, 'en')}–${formatNumber(onset.high, 'en')})`);
  });
});

describe('the personal target chosen with its reason is kept', () => {
  const chosen: EngineSettings = { natalizumab: { target: 31.5, targetReason: 'wearing-off at 3.5 weeks despite troughs near 30' }, ocrelizumab: {} };

  it('through a backup (session file), and a bad reason is refused with what is accepted, en and nl', () => {
    const patient: StoredPatient = { id: 'NAT-HIGH', seq: 0, updatedAt: '2024-11-11T10:00', overrides: chosen, choice: null, record: patients[0] };
    const back = readSession(JSON.stringify(buildSession({ appVersion: '0.1.0', savedAt: '2024-11-11T10:00', settings, asOfMode: 'last', patients: [patient], reports: [] })));
    expect('session' in back && back.session.patients[0].overrides).toEqual(chosen);
    for (const bad of [42, '', 'x'.repeat(501)]) {
      const r = checkSettings({ natalizumab: { target: 31.5, targetReason: bad } });
      expect(r).toMatchObject({ error: 'settings.natalizumab.targetReason must be text of 1 to 500 characters' });
      if ('problem' in r) expect(sessionProblemIn({ code: 'overrides', where: 'patients[0]', problem: r.problem }, 'nl')).toContain('settings.natalizumab.targetReason moet tekst van 1 tot 500 tekens zijn');
    }
    expect(checkSettings({ natalizumab: { targetReason: 'x'.repeat(500) } })).toEqual({ settings: { natalizumab: { targetReason: 'x'.repeat(500) }, ocrelizumab: {} } });
  });

  it('when the patient\'s settings are saved with the target unchanged; dropped when the target is changed by hand', async () => {
    const saved: EngineSettings[] = [];
    const { container } = render(<SettingsForm value={chosen} inherited={{ natalizumab: { target: 10 }, ocrelizumab: {} }} drugs={['natalizumab']} onSave={(s) => { saved.push(s); }} saveLabel="Save" />);
    fireEvent.submit(container.querySelector('form')!);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].natalizumab).toMatchObject({ target: 31.5, targetReason: chosen.natalizumab.targetReason });
    fireEvent.change(container.querySelector('input[inputmode="decimal"]')!, { target: { value: '20' } });
    fireEvent.submit(container.querySelector('form')!);
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1].natalizumab.target).toBe(20);
    expect(saved[1].natalizumab.targetReason).toBeUndefined();
  });
});
