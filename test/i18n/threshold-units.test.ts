/**
 * Every engine sentence that names the B-cell threshold says its unit, in English and in Dutch
 * ("at or above the threshold 10 cells/µL", "ligt op of boven 10 cellen/µL"): a bare "10" beside a
 * count in cells/µL reads as a number without a unit on the card, the print and the command line.
 */
import { describe, expect, it } from 'vitest';
import engineEn from '../../src/i18n/engine-en';
import engineNl from '../../src/i18n/engine-nl';
import { engineText } from '../../src/i18n/sentences';

function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v as object, `${prefix}${k}.`)));
}

describe('the B-cell threshold in the engine sentences', () => {
  for (const [lang, tree, unit] of [['en', engineEn, 'cells/µL'], ['nl', engineNl, 'cellen/µL']] as const) {
    it(`${lang}: every {{threshold}} is followed by ${unit}`, () => {
      const bare = leaves(tree).filter(([, s]) => /\{\{threshold\}\}(?! (?:cells|cellen)\/µL)/.test(s)).map(([k]) => k);
      expect(bare).toEqual([]);
    });
  }
  it('the protocol rationale and the warning of a count at or above the threshold, rendered in both languages', () => {
    const due = { count: 420, date: '2026-12-07', threshold: 10, first: 24, asOf: '2026-12-07' };
    expect(engineText('blooms.due', due, '', 'en')).toBe('count 420 cells/µL on 2026-12-07 is at or above 10 cells/µL: re-dose now; first count of the next cycle at week 24 after it');
    expect(engineText('blooms.due', due, '', 'nl')).toBe('telling 420 cellen/µL op 07-12-2026 ligt op of boven 10 cellen/µL: nu hergeven; eerste telling van de volgende cyclus in week 24 daarna');
    expect(engineText('ocr-redose-due', due, '', 'en')).toBe('latest count 420 cells/µL on 2026-12-07 is at or above the threshold 10 cells/µL: re-dosing is due now (2026-12-07)');
    expect(engineText('ocr-redose-due', due, '', 'nl')).toBe('laatste telling 420 cellen/µL op 07-12-2026 ligt op of boven de drempel 10 cellen/µL: hergift is nu aan de orde (07-12-2026)');
  });
});
