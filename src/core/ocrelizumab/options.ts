/**
 * Options of the ocrelizumab engine with their documented defaults, and the one function that
 * resolves a partial set (an invalid value falls back to its default with a warning, never silently).
 */
import type { Issue } from '../types';
import type { OcrelizumabOptions } from '../report/types';
import { withEnglish } from '../text';

export const OCRELIZUMAB_DEFAULTS: Readonly<OcrelizumabOptions> = Object.freeze({
  threshold: 10,
  labLimit: 1,
  minWeeks: 21.7,
  maxWeeks: 52,
  redoseQuantile: 0.5,
  countQuantile: 0.1,
  minCountGapWeeks: 2,
  firstCountWeek: 24,
  countEveryWeeks: 4,
});

type Key = keyof OcrelizumabOptions;

/** `term`: what is accepted, as a key of the catalog's `engine` namespace (`terms.<term>`; src/i18n/engine-en.ts). */
const RULES: { [K in Key]: { ok: (v: number) => boolean; term: string } } = {
  threshold: { ok: (v) => v > 0, term: 'count-above-0' },
  labLimit: { ok: (v) => v > 0, term: 'limit-above-0' },
  minWeeks: { ok: (v) => v >= 0 && v <= 104, term: 'weeks-0-104' },
  maxWeeks: { ok: (v) => v > 0 && v <= 156, term: 'weeks-1-156-above-minimum' },
  redoseQuantile: { ok: (v) => v > 0 && v < 1, term: 'probability-0-1' },
  countQuantile: { ok: (v) => v > 0 && v < 1, term: 'probability-0-1' },
  minCountGapWeeks: { ok: (v) => v >= 0 && v <= 26, term: 'weeks-0-26' },
  firstCountWeek: { ok: (v) => v >= 0 && v <= 104, term: 'weeks-0-104' },
  countEveryWeeks: { ok: (v) => v >= 1 && v <= 26, term: 'weeks-1-26' },
};

/** Defaults overlaid with the given options; invalid values are replaced by the default and reported. */
export function resolveOcrelizumabOptions(partial: Partial<OcrelizumabOptions> = {}): { options: OcrelizumabOptions; issues: Issue[] } {
  const options: OcrelizumabOptions = { ...OCRELIZUMAB_DEFAULTS };
  const issues: Issue[] = [];
  for (const key of Object.keys(RULES) as Key[]) {
    const v = partial[key];
    if (v === undefined) continue;
    if (typeof v === 'number' && Number.isFinite(v) && RULES[key].ok(v)) options[key] = v;
    else issues.push(withEnglish({ code: 'ocr-invalid-option', severity: 'warning', value: String(v),
      variant: 'value', params: { key, value: String(v), accepted: RULES[key].term, default: OCRELIZUMAB_DEFAULTS[key] } }));
  }
  if (options.maxWeeks <= options.minWeeks) {
    issues.push(withEnglish({ code: 'ocr-invalid-option', severity: 'warning', value: String(options.maxWeeks),
      variant: 'window', params: { max: options.maxWeeks, min: options.minWeeks, defaultMin: OCRELIZUMAB_DEFAULTS.minWeeks, defaultMax: OCRELIZUMAB_DEFAULTS.maxWeeks } }));
    options.minWeeks = OCRELIZUMAB_DEFAULTS.minWeeks;
    options.maxWeeks = OCRELIZUMAB_DEFAULTS.maxWeeks;
  }
  return { options, issues };
}
