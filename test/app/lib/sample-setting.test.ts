/**
 * The "next trough planned as a home finger-prick" setting (issue 9): per clinic, overridable per
 * patient, checked when read from a file, and echoed by the engine in the report (so the card, the
 * print and the .ics read it from one result object) without changing any number of the proposal.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkSettings, effectiveSettings, hasOverrides } from '../../../src/app/lib/settings';
import { computeReport, lastEventTime, parseTdmCsv } from '../../../src/core/index';
import type { NatalizumabReport } from '../../../src/core/report/types';
import { icsEvents } from '../../../src/app/features/calendar/exportIcs';

describe('nextTroughSample setting', () => {
  it('is read from a settings file, and anything but venous or capillary is refused', () => {
    expect(checkSettings({ natalizumab: { nextTroughSample: 'capillary', target: 5 } })).toEqual({ settings: { natalizumab: { nextTroughSample: 'capillary', target: 5 }, ocrelizumab: {} } });
    expect(checkSettings({ natalizumab: { nextTroughSample: 'venous' } })).toEqual({ settings: { natalizumab: { nextTroughSample: 'venous' }, ocrelizumab: {} } });
    expect(checkSettings({ natalizumab: { nextTroughSample: 'finger' } })).toMatchObject({ error: 'settings.natalizumab.nextTroughSample must be venous or capillary' });
    expect(checkSettings({ natalizumab: { nextTroughSample: 1 } })).toMatchObject({ error: 'settings.natalizumab.nextTroughSample must be venous or capillary' });
  });

  it('a patient overrides the clinic either way', () => {
    expect(effectiveSettings({ natalizumab: { nextTroughSample: 'venous' }, ocrelizumab: {} }, { natalizumab: { nextTroughSample: 'capillary' }, ocrelizumab: {} }).natalizumab.nextTroughSample).toBe('capillary');
    expect(effectiveSettings({ natalizumab: { nextTroughSample: 'capillary' }, ocrelizumab: {} }, { natalizumab: { nextTroughSample: 'venous' }, ocrelizumab: {} }).natalizumab.nextTroughSample).toBe('venous');
    expect(effectiveSettings({ natalizumab: { nextTroughSample: 'capillary' }, ocrelizumab: {} }, { natalizumab: {}, ocrelizumab: {} }).natalizumab.nextTroughSample).toBe('capillary');
    expect(hasOverrides({ natalizumab: { nextTroughSample: 'capillary' }, ocrelizumab: {} })).toBe(true);
  });

  it('is echoed in the report by the engine, with every number unchanged, and the .ics says so', () => {
    const p = parseTdmCsv(readFileSync('fixtures/examples/example-patients.csv', 'utf8'), 'x.csv').patients.find((x) => x.id === 'NAT-001')!;
    const asOf = lastEventTime(p);
    const venous = computeReport(p, asOf, { natalizumab: { curves: false }, ocrelizumab: {} }) as NatalizumabReport;
    const home = computeReport(p, asOf, { natalizumab: { curves: false, nextTroughSample: 'capillary' }, ocrelizumab: {} }) as NatalizumabReport;
    expect(home.options.nextTroughSample).toBe('capillary');
    expect(venous.options.nextTroughSample).toBeUndefined();
    expect(home.proposal).toEqual(venous.proposal);
    expect(home.alternatives).toEqual(venous.alternatives);
    expect(icsEvents(home)[0].summary).toBe('Natalizumab trough by home finger-prick (before the dose): NAT-001');
    expect(icsEvents(venous)[0].summary).toBe('Natalizumab trough draw (before the infusion): NAT-001');
  });
});
