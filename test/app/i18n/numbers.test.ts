/**
 * Issue 18: a decimal comma in every number a Dutch sentence of the app shows ("Gewicht 68,5 kg",
 * not "Gewicht 68.5 kg"), through the app's i18next itself; English unchanged. The app's i18next
 * also holds the one catalog's namespaces, rendered the same as by the catalog.
 */
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../src/app/i18n/index';
import { renderText } from '../../../src/i18n/catalog';

describe('the app\'s i18next', () => {
  it('gives a number in a Dutch sentence a decimal comma, and leaves English and text parameters alone', () => {
    const i18n = initI18n('nl');
    expect(i18n.t('pending.weight', { ns: 'clinic', kg: 68.5 })).toBe('Gewicht 68,5 kg opgegeven: het wordt gedateerd op de eerste gift zodra de giften zijn ingevoerd.');
    expect(i18n.t('pending.weight', { ns: 'clinic', kg: '68.5' })).toBe('Gewicht 68.5 kg opgegeven: het wordt gedateerd op de eerste gift zodra de giften zijn ingevoerd.');
    expect(i18n.t('pending.weight', { ns: 'clinic', kg: 68.5, lng: 'en' })).toBe('Weight 68.5 kg given: it is dated at the first dose once the doses are entered.');
  });

  it('holds the catalog\'s namespaces', () => {
    const i18n = initI18n('nl');
    expect(i18n.t('file_empty', { ns: 'records' })).toBe(renderText('records', 'file_empty', {}, 'nl'));
    expect(i18n.t('no-weight', { ns: 'engine', lng: 'en' })).toBe('no weight given: 70 kg assumed');
  });
});
