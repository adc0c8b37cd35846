/**
 * The ocrelizumab sentences a clinician reads on the card, the print and the command line, in
 * English and in Dutch: every one that names the B-cell threshold says its unit ("at or above the
 * threshold 10 cells/µL", "ligt op of boven 10 cellen/µL"; a bare "10" beside a count in cells/µL
 * read as a number without a unit), and no warning speaks the model's parameter names ("plateau
 * Bmax = 200", "T10 12–86 weeks"): it says what they mean.
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
  for (const [lang, tree] of [['en', engineEn], ['nl', engineNl]] as const) {
    it(`${lang}: no sentence speaks the model's parameter names (Bmax, T10)`, () => {
      const jargon = leaves(tree).filter(([, s]) => /\bBmax\b|\bT10\b/.test(s)).map(([k]) => k);
      expect(jargon).toEqual([]);
    });
  }
  it('the warnings of a count above the model\'s plateau and of counts at the edge of the model, rendered in both languages', () => {
    const high = { count: 420, date: '2026-12-07', bmax: 200 };
    expect(engineText('ocr-count-above-model-range.model', high, '', 'en')).toBe('CD19+ count 420 cells/µL on 2026-12-07 is above the highest count the model allows (200 cells/µL): the model does not describe it; the forecast is not reliable');
    expect(engineText('ocr-count-above-model-range.model', high, '', 'nl')).toBe('CD19+-telling 420 cellen/µL op 07-12-2026 ligt boven de hoogste telling die het model toelaat (200 cellen/µL): het model beschrijft haar niet; de voorspelling is niet betrouwbaar');
    const edge = { tLow: 12, tHigh: 86, rLow: 0.004, rHigh: 2.2 };
    expect(engineText('ocr-outside-model-range', edge, '', 'en')).toBe('the counts are at the edge of what the model allows (B cells back at 10 cells/µL between week 12 and 86 after the dose, growth 0.004–2.2 per week): the forecast is extrapolated; check the counts');
    expect(engineText('ocr-outside-model-range', edge, '', 'nl')).toBe('de tellingen liggen aan de rand van wat het model toelaat (B-cellen terug op 10 cellen/µL tussen week 12 en 86 na de gift, groei 0,004–2,2 per week): de voorspelling is een extrapolatie; controleer de tellingen');
  });
});
