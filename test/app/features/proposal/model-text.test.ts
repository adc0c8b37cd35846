/**
 * The models' texts as the card shows them (src/i18n/app/models.nl.ts): every name, source,
 * note and parameter field of every model has its Dutch text, and no text shown in either
 * language names an internal file.
 */
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../../../models/index';
import { MODEL_TEXT_EN_PLAIN, PARAM_NAME_NL, UNIT_NL, modelText, paramName, unitText } from '../../../../src/i18n/app/models.nl';

const texts = Object.values(MODELS).flatMap((m) => [
  m.name, ...m.sources, ...m.notes,
  ...m.parameters.flatMap((p) => [p.description, p.source, ...(p.sources ?? []), ...(p.note ? [p.note] : [])]),
]);
const FILE = /\b[\w-]+\/[\w./-]+\.(md|ts|js|json|csv)\b|shared\/|scripts\//;

describe('model texts on the card', () => {
  it('every model text has a Dutch text', () => {
    const missing = texts.filter((s) => modelText(s, 'nl') === (MODEL_TEXT_EN_PLAIN[s] ?? s));
    expect(missing).toEqual([]);
  });
  it('no text names an internal file, in English or Dutch', () => {
    expect(texts.map((s) => modelText(s, 'en')).filter((s) => FILE.test(s))).toEqual([]);
    expect(texts.map((s) => modelText(s, 'nl')).filter((s) => FILE.test(s))).toEqual([]);
    expect(texts.filter((s) => FILE.test(s)).length).toBeGreaterThan(0); // the model data do name files: the plain words are needed
  });
  it('every parameter name in words and every unit has its Dutch form (symbols stay)', () => {
    const names = Object.values(MODELS).flatMap((m) => m.parameters.map((p) => p.name));
    const wordy = names.filter((n) => /\b[a-z]{3,}\b/.test(n));
    expect(wordy.filter((n) => !(n in PARAM_NAME_NL))).toEqual([]);
    const units = [...new Set(Object.values(MODELS).flatMap((m) => m.parameters.map((p) => p.unit)))];
    expect(units.filter((u) => /day|fraction|cells|week|prior/.test(u) && !(u in UNIT_NL))).toEqual([]);
    expect([paramName('WT exponent on CL', 'nl'), paramName('Km', 'nl'), unitText('L/day', 'nl'), unitText('L/day', 'en')])
      .toEqual(['gewichtsexponent op CL', 'Km', 'L/dag', 'L/day']);
  });
  it('gives the plain English for a text that names a file, and Dutch for it', () => {
    const s = 'assumption; checked on the virtual-patient validation set (scripts/validate-ocrelizumab.ts)';
    expect(modelText(s, 'en')).toBe('assumption; checked on our virtual validation patients');
    expect(modelText(s, 'nl')).toBe('aanname; gecontroleerd op onze virtuele validatiepatiënten');
  });
});
