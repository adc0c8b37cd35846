import { describe, expect, it } from 'vitest';
import { buildChart, COLORS, LOG_FLOOR, timeTicks } from '../../../../src/app/features/chart/chart-data';
import { parseIsoTime } from '../../../../src/core/time';
import { natalizumabReport, ocrelizumabReport } from '../fixtures';
import { makeT } from '../i18n-helper';

const en = { lang: 'en', t: makeT('chart', 'en') };
const nl = { lang: 'nl', t: makeT('chart', 'nl') };
const labels = (b: ReturnType<typeof buildChart>) => b.data.datasets.map((d) => d.label);
type Ann = Record<string, { type: string; xMin?: number; xMax?: number; yMin?: number; yMax?: number; label?: { content?: string } }>;
const annotations = (b: ReturnType<typeof buildChart>) => (b.options.plugins as { annotation: { annotations: Ann } }).annotation.annotations;

describe('natalizumab chart datasets', () => {
  const r = natalizumabReport();
  const b = buildChart(r, { ...en, logScale: false });

  it('draws history and proposed forecast with a band, alternatives as lines, levels and infusions', () => {
    expect(labels(b)).toEqual([
      '80 % interval low', '80 % interval', 'Predicted concentration',
      '80 % interval (proposed) low', '80 % interval (proposed)', 'Forecast, proposed 5-week interval',
      'Forecast, 4-week interval', 'Forecast, 6-week interval', 'Forecast, 7-week interval', 'Forecast, 8-week interval',
      'Measured level', 'Infusion',
    ]);
    expect(b.bandIndices.sort()).toEqual([0, 1, 3, 4]);
    // The band fills between low and high; the curve itself is not filled.
    expect(b.data.datasets[1].fill).toBe('-1');
    expect(b.data.datasets[2].fill).toBe(false);
    // Alternatives start hidden (legend toggles them); the proposed forecast is shown.
    expect(b.data.datasets.filter((d) => d.hidden).map((d) => d.label)).toEqual(['Forecast, 4-week interval', 'Forecast, 6-week interval', 'Forecast, 7-week interval', 'Forecast, 8-week interval']);
    expect(b.data.datasets[1].data).toHaveLength(r.curve.history.length);
    expect(b.data.datasets[0].data[10].y).toBeCloseTo(r.curve.history[10].low, 12);
    expect(b.data.datasets[1].data[10].y).toBeCloseTo(r.curve.history[10].high, 12);
  });

  it('places the measured levels at their times and values, and 13 infusion markers on the hidden axis', () => {
    const measured = b.data.datasets.find((d) => d.label === 'Measured level')!;
    expect(measured.data).toEqual(r.observations.map((o) => ({ x: o.time, y: o.value })));
    const doses = b.data.datasets.find((d) => d.label === 'Infusion')!;
    expect(doses.data).toHaveLength(13);
    expect(doses.yAxisID).toBe('doses');
  });

  it('draws a censored level as an open down-triangle at the limit', () => {
    const rc = natalizumabReport();
    rc.observations.push({ kind: 'level', time: parseIsoTime('2024-04-01')!, iso: '2024-04-01T09:00', value: 0.5, censored: true, unit: 'ug/mL', raw: '<0.5' });
    const bc = buildChart(rc, { ...en, logScale: false });
    const cens = bc.data.datasets.find((d) => d.label === 'Below lab limit')!;
    expect(cens.data).toEqual([{ x: parseIsoTime('2024-04-01')!, y: 0.5 }]);
    expect(cens).toMatchObject({ pointStyle: 'triangle', pointRotation: 180, backgroundColor: 'rgba(255,255,255,0)', showLine: false });
    expect(bc.data.datasets.find((d) => d.label === 'Measured level')!.data).toHaveLength(2);
  });

  it('draws finger-prick (capillary) levels with their own symbol and legend entry, apart from venous ones', () => {
    const rc = natalizumabReport();
    const venous = rc.observations.map((o) => ({ x: o.time, y: o.value }));
    const t1 = parseIsoTime('2024-04-22T08:30')!, t2 = parseIsoTime('2024-03-25T08:30')!;
    rc.observations.push(
      { kind: 'level', time: t1, iso: '2024-04-22T08:30', value: 11.2, censored: false, unit: 'ug/mL', raw: '11.2', sample: 'capillary' },
      { kind: 'level', time: t2, iso: '2024-03-25T08:30', value: 2, censored: true, unit: 'ug/mL', raw: '<2', sample: 'capillary' },
    );
    const bc = buildChart(rc, { ...en, logScale: false });
    expect(labels(bc).slice(-4)).toEqual(['Measured level', 'Finger-prick level (capillary)', 'Finger-prick, below lab limit', 'Infusion']);
    const venousDs = bc.data.datasets.find((d) => d.label === 'Measured level')!;
    expect(venousDs.data).toEqual(venous); // the capillary levels are not drawn as venous ones
    expect(venousDs.pointStyle).toBe('circle');
    const cap = bc.data.datasets.find((d) => d.label === 'Finger-prick level (capillary)')!;
    expect(cap.data).toEqual([{ x: t1, y: 11.2 }]);
    expect(cap).toMatchObject({ pointStyle: 'rectRot', showLine: false, borderColor: COLORS.capillary, backgroundColor: COLORS.capillary });
    expect(cap.pointStyle).not.toBe(venousDs.pointStyle);
    const capCens = bc.data.datasets.find((d) => d.label === 'Finger-prick, below lab limit')!;
    expect(capCens.data).toEqual([{ x: t2, y: 2 }]);
    expect(capCens).toMatchObject({ pointStyle: 'rectRot', backgroundColor: 'rgba(255,255,255,0)' });
    expect(bc.data.datasets.find((d) => d.label === 'Below lab limit')).toBeUndefined();
    // The tooltip of a censored finger-prick level names its limit; the legend shows the entry (not a band).
    const idx = bc.data.datasets.indexOf(capCens);
    const tip = (bc.options.plugins!.tooltip!.callbacks!.label as (i: unknown) => string)({ dataset: capCens, datasetIndex: idx, dataIndex: 0, parsed: { x: t2, y: 2 } });
    expect(tip).toBe('Finger-prick, below lab limit: below 2 µg/mL');
    expect(bc.bandIndices).not.toContain(idx);
    // In Dutch
    const bn = buildChart(rc, { ...nl, logScale: false });
    expect(labels(bn)).toContain('Vingerprikspiegel (capillair)');
    expect(labels(bn)).toContain('Vingerprik, onder de meetgrens');
    // Without capillary levels there is no such entry.
    expect(labels(b).filter((l) => String(l).startsWith('Finger-prick'))).toEqual([]);
    // The text summary says it too (the canvas is not readable by a screen reader).
    expect(bc.summary.endsWith(' 2 levels are finger-prick (capillary) samples, drawn as diamonds.')).toBe(true);
    expect(bn.summary.endsWith(' 2 spiegels komen uit een vingerprik (capillair), getekend als ruiten.')).toBe(true);
    expect(b.summary).not.toContain('finger-prick');
  });

  it('marks the target, the plan day and the proposed next dose', () => {
    const a = annotations(b);
    expect(a.target).toMatchObject({ type: 'line', yMin: 10, yMax: 10 });
    expect(a.target.label!.content).toBe('Target 10 µg/mL');
    expect(a.nextDose.xMin).toBe(parseIsoTime('2024-05-27'));
    expect(a.nextDose.label!.content).toBe('Next dose 2024-05-27');
    expect(a.asOf.label!.content).toBe('Plan day 2024-04-22');
  });

  it('switches to a log axis and lifts values below the floor onto it', () => {
    const r2 = natalizumabReport();
    r2.curve.history[0] = { ...r2.curve.history[0], value: 0, low: 0, high: 0 };
    const bl = buildChart(r2, { ...en, logScale: true });
    expect(bl.options.scales!.y).toMatchObject({ type: 'logarithmic', min: LOG_FLOOR.natalizumab });
    expect(bl.data.datasets[2].data[0].y).toBe(LOG_FLOOR.natalizumab);
    expect(b.options.scales!.y).toMatchObject({ type: 'linear', min: 0 });
  });

  it('spans the whole history and forecast on a day axis with a y title in µg/mL', () => {
    const x = b.options.scales!.x as { min: number; max: number; title: { text: string } };
    expect(x.min).toBeLessThanOrEqual(r.doses[0].time);
    expect(x.max).toBeGreaterThanOrEqual(parseIsoTime('2024-06-17')!); // end of the 8-week forecast
    expect((b.options.scales!.y as { title: { text: string } }).title.text).toBe('Natalizumab (µg/mL)');
  });

  it('gives an accessible label and a text summary in the language of the app', () => {
    expect(b.ariaLabel).toBe('Chart of natalizumab concentration for NAT-001');
    expect(b.summary).toBe('Natalizumab concentration for NAT-001: 2 measured levels (0 below the lab limit), target 10 µg/mL. '
      + 'Proposed interval 5 weeks, next dose 2024-05-27; predicted steady-state trough 14.6 µg/mL (80 % interval 10.2 to 19.7). '
      + 'Last level 22.8 µg/mL on 2024-04-22.');
    const bn = buildChart(r, { ...nl, logScale: false });
    expect(bn.summary).toContain('volgende gift 27-05-2024; voorspelde dalspiegel op den duur 14,6 µg/mL (80%-interval 10,2 tot 19,7)');
  });
});

describe('ocrelizumab chart datasets', () => {
  const r = ocrelizumabReport();
  const b = buildChart(r, { ...en, logScale: false });

  it('draws the fitted curve with its band, the counts (censored distinct) and the infusion', () => {
    expect(labels(b)).toEqual(['80 % interval low', '80 % interval', 'Predicted count', 'Measured count', 'Below lab limit', 'Infusion']);
    expect(b.data.datasets[3].data).toEqual([{ x: parseIsoTime('2023-12-25')!, y: 3 }, { x: parseIsoTime('2024-01-08')!, y: 5 }]);
    expect(b.data.datasets[4].data).toEqual([{ x: parseIsoTime('2023-11-27')!, y: 1 }]);
  });

  it('marks the threshold, the crossing with its 80 % interval as a band, the re-dose and next count dates', () => {
    const a = annotations(b);
    expect(a.threshold).toMatchObject({ type: 'line', yMin: 10, yMax: 10 });
    expect(a.threshold.label!.content).toBe('Threshold 10 cells/µL');
    expect(a.crossingBand).toMatchObject({ type: 'box', xMin: parseIsoTime('2024-02-05'), xMax: parseIsoTime('2024-04-29') });
    expect(a.crossing.xMin).toBe(parseIsoTime('2024-03-04'));
    expect(a.redose.label!.content).toBe('Proposed re-dose 2024-03-04');
    expect(a.nextCount.label!.content).toBe('Next count 2024-02-05');
    expect((b.options.scales!.y as { title: { text: string } }).title.text).toBe('CD19+ B cells (cells/µL)');
  });

  it('puts zero counts on the log floor', () => {
    const r2 = ocrelizumabReport();
    r2.curve[0] = { ...r2.curve[0], value: 0.001, low: 0, high: 0.01 };
    const bl = buildChart(r2, { ...en, logScale: true });
    expect(bl.data.datasets[0].data[0].y).toBe(LOG_FLOOR.ocrelizumab);
    expect(bl.data.datasets[2].data[0].y).toBe(LOG_FLOOR.ocrelizumab);
  });

  it('summarises in Dutch with dd-mm-jjjj dates', () => {
    const bn = buildChart(r, { ...nl, logScale: false });
    expect(bn.summary).toBe('CD19+ B-celtellingen van OCR-001: 3 tellingen (1 onder de meetgrens), drempel 10 cellen/µL. '
      + 'Voorspelde overschrijding 04-03-2024 (80%-interval 05-02-2024 tot 29-04-2024); voorgestelde hergift 04-03-2024, volgende telling 05-02-2024.');
  });
});

describe('time ticks', () => {
  it('uses month starts for long ranges', () => {
    const ticks = timeTicks(parseIsoTime('2023-05-05', 0)!, parseIsoTime('2024-06-20', 0)!);
    // 14 months: every other month, aligned on January.
    expect(ticks).toEqual(['2023-07-01', '2023-09-01', '2023-11-01', '2024-01-01', '2024-03-01', '2024-05-01'].map((d) => parseIsoTime(d, 0)));
    for (const t of ticks) expect(new Date(t * 86_400_000).getUTCDate()).toBe(1);
  });
  it('uses Mondays for short ranges', () => {
    const ticks = timeTicks(parseIsoTime('2024-05-01', 0)!, parseIsoTime('2024-05-30', 0)!);
    expect(ticks.map((t) => new Date(t * 86_400_000).getUTCDay())).toEqual([1, 1, 1, 1]);
    expect(ticks[0]).toBe(parseIsoTime('2024-05-06', 0));
  });
});
