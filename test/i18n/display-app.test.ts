/**
 * The app's display forms that issue 18 moved onto the one formatter per language (src/i18n/display.ts)
 * and the core's date module: unit labels (the file keeps the code), a month, a weekday's name from
 * the catalog, an instant's stamp.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { displayMonth, unitLabel } from '../../src/i18n/display';
import { unitText } from '../../src/i18n/catalog';
import { unitOptions, UNITS } from '../../src/app/lib/rows';
import { instantNow } from '../../src/app/lib/dates';
import { isoInstant } from '../../src/core/time';
import { weekdayName } from '../../src/app/features/proposal/card-parts';
import { appI18n } from '../../src/i18n/app/text';

describe('unit labels', () => {
  it('shows µ and the language\'s word for every code the spec accepts; other codes as written', () => {
    expect(UNITS.level.map((u) => unitLabel(u, 'en'))).toEqual(['µg/mL', 'µg/mL', 'mg/L', 'ng/mL']);
    expect(UNITS.bcell.map((u) => unitLabel(u, 'en'))).toEqual(['cells/µL', 'cells/µL', 'cells/µL', '10^6/L', '10^9/L']);
    expect(UNITS.bcell.map((u) => unitLabel(u, 'nl'))).toEqual(['cellen/µL', 'cellen/µL', 'cellen/µL', '10^6/L', '10^9/L']);
    expect(['mg', 'kg', 'score', 'mg/dL'].map((u) => unitLabel(u, 'nl'))).toEqual(['mg', 'kg', 'score', 'mg/dL']);
    // The catalog's Dutch unit (sentences) is the same label; its English keeps the code as the CLI writes it.
    for (const u of [...UNITS.level, ...UNITS.bcell]) expect(unitText(u, 'nl')).toBe(unitLabel(u, 'nl'));
    expect(unitText('ug/mL', 'en')).toBe('ug/mL');
  });

  it('a drop-down has one option per unit a reader tells apart, worth the spec\'s code', () => {
    expect(unitOptions('level', 'en')).toEqual([{ value: 'ug/mL', label: 'µg/mL' }, { value: 'mg/L', label: 'mg/L' }, { value: 'ng/mL', label: 'ng/mL' }]);
    expect(unitOptions('bcell', 'en')).toEqual([{ value: 'cells/uL', label: 'cells/µL' }, { value: '10^6/L', label: '10^6/L' }, { value: '10^9/L', label: '10^9/L' }]);
    expect(unitOptions('bcell', 'nl')).toEqual([{ value: 'cells/uL', label: 'cellen/µL' }, { value: '10^6/L', label: '10^6/L' }, { value: '10^9/L', label: '10^9/L' }]);
    expect(unitOptions('dose', 'nl')).toEqual([{ value: 'mg', label: 'mg' }]);
  });

  it('a row written with another code for the same unit keeps its code; an unknown code stays an option', () => {
    expect(unitOptions('level', 'nl', 'µg/mL')).toEqual([{ value: 'µg/mL', label: 'µg/mL' }, { value: 'mg/L', label: 'mg/L' }, { value: 'ng/mL', label: 'ng/mL' }]);
    expect(unitOptions('bcell', 'en', '/uL')[0]).toEqual({ value: '/uL', label: 'cells/µL' });
    expect(unitOptions('level', 'en', 'ug/mL')[0]).toEqual({ value: 'ug/mL', label: 'µg/mL' });
    expect(unitOptions('level', 'en', 'mg/dL').at(-1)).toEqual({ value: 'mg/dL', label: 'mg/dL' });
  });
});

describe('dates shown', () => {
  afterEach(() => { appI18n.addResource('en', 'app', 'weekday.1', 'Monday'); });

  it('a month in the language\'s date form: 01-2024 (as dd-mm-jjjj), 2024-01 (as ISO)', () => {
    expect(displayMonth('2024-01', 'nl')).toBe('01-2024');
    expect(displayMonth('2024-12', 'en')).toBe('2024-12');
    expect(displayMonth('not a month', 'nl')).toBe('not a month');
  });

  it('a weekday\'s name is the catalog\'s word', () => {
    expect([0, 1, 6].map((d) => weekdayName(d, 'nl', (k) => k))).toEqual(['zondag', 'maandag', 'zaterdag']);
    expect(weekdayName(3, 'en', (k) => k)).toBe('Wednesday');
    expect(weekdayName(null, 'en', (k) => `t:${k}`)).toBe('t:settings.anyDay');
    appI18n.addResource('en', 'app', 'weekday.1', 'Monday (from the catalog)');
    expect(weekdayName(1, 'en', (k) => k)).toBe('Monday (from the catalog)');
  });

  it('an instant\'s stamp is the core\'s, from the clock value passed in', () => {
    expect(isoInstant(Date.UTC(2024, 3, 23, 14, 5, 9, 123))).toBe('2024-04-23T14:05:09.123Z');
    expect(isoInstant(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(instantNow(new Date(Date.UTC(2026, 11, 7, 15, 30)))).toBe('2026-12-07T15:30:00.000Z');
  });
});
