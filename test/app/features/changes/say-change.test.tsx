// @vitest-environment jsdom
/**
 * A stored change is said in the language of the screen when shown, and said anew when the
 * language changes (no reload): its code's words with the parameters, a count by its plural
 * form, a number and a date in the screen's form; a label stored before codes (a sentence) as it
 * was written; a code this version does not know as "a change (code)".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { initI18n } from '../../../../src/app/i18n/index';
import { sayChange } from '../../../../src/app/features/changes/say-change';
import { ChangesView } from '../../../../src/app/features/changes/ChangesView';
import { changeLabel, type StoredLabel } from '../../../../src/app/storage/change-label';
import type { ChangeEntry } from '../../../../src/app/storage/store';
import changesEn from '../../../../src/i18n/app/changes-en';

afterEach(cleanup);

describe('sayChange', () => {
  const i18n = initI18n('en');
  const say = (l: StoredLabel, lang: 'en' | 'nl') => sayChange(l, i18n.t, lang);

  it('says each code in English and Dutch, word for word', () => {
    expect(say(changeLabel('change.import', { file: 'lab.csv' }), 'en')).toBe('import of lab.csv');
    expect(say(changeLabel('change.import', { file: 'lab.csv' }), 'nl')).toBe('import van lab.csv');
    expect(say(changeLabel('change.replaceAll', { file: 'b.json' }), 'nl')).toBe('alles vervangen door b.json');
    expect(say(changeLabel('change.settings'), 'en')).toBe('clinic settings change');
    expect(say(changeLabel('change.settings'), 'nl')).toBe('wijziging van de kliniekinstellingen');
    expect(say(changeLabel('change.removeExamples'), 'nl')).toBe('voorbeeldpatiënten verwijderen');
    expect(say(changeLabel('change.deleteRow', { id: 'NAT-001' }), 'nl')).toBe('regel verwijderen bij NAT-001');
  });

  it('a count by its plural form in the language; a number with the language\'s decimal sign; a date in the language\'s form', () => {
    expect(say(changeLabel('change.addDoses', { count: 1, id: 'A' }), 'en')).toBe('adding 1 dose to A');
    expect(say(changeLabel('change.addDoses', { count: 3, id: 'A' }), 'en')).toBe('adding 3 doses to A');
    expect(say(changeLabel('change.addDoses', { count: 1, id: 'A' }), 'nl')).toBe('1 gift toevoegen aan A');
    expect(say(changeLabel('change.addDoses', { count: 3, id: 'A' }), 'nl')).toBe('3 giften toevoegen aan A');
    // Parameters a sentence does not use do no harm; a number and a date are formatted for the language.
    expect(say(changeLabel('change.import', { file: 2.5 }), 'nl')).toBe('import van 2,5');
    expect(say(changeLabel('change.import', { file: 2.5 }), 'en')).toBe('import of 2.5');
    expect(say(changeLabel('change.import', { file: { date: '2026-03-01' } }), 'nl')).toBe('import van 01-03-2026');
    expect(say(changeLabel('change.import', { file: { date: '2026-03-01T14:30' } }), 'en')).toBe('import of 2026-03-01 14:30');
  });

  it('a sentence stored before codes as it is, in either language; an unknown code as "a change (code)"', () => {
    expect(say('import van lab.csv', 'en')).toBe('import van lab.csv');
    expect(say('import of lab.csv', 'nl')).toBe('import of lab.csv');
    expect(say({ code: 'change.later' }, 'en')).toBe('a change (change.later)');
    expect(say({ code: '?' }, 'nl')).toBe('een wijziging (?)');
  });

  it('every code has its words (a plural code by its forms)', () => {
    for (const key of Object.keys(changesEn.change)) {
      const code = `change.${key.replace(/_(one|other)$/, '')}`;
      for (const lang of ['en', 'nl'] as const) expect(say({ code, params: { count: 2, id: 'X', file: 'f' } }, lang), `${code} ${lang}`).not.toMatch(/^change\.|\{\{|a change|een wijziging/);
    }
  });
});

describe('the Changes view', () => {
  it('says the Undo button\'s change in the screen\'s language, anew on a language switch; old sentences as stored', async () => {
    const i18n = initI18n('en');
    const changes: ChangeEntry[] = [
      { seq: 1, at: '2026-01-05T08:00:00.000Z', action: 'import', label: 'import van his.csv', patients: ['HIS-1'], detail: 'his.csv' },
      { seq: 2, at: '2026-01-05T08:01:00.000Z', action: 'import', label: changeLabel('change.import', { file: 'lab.csv' }), patients: ['HIS-1'], detail: 'lab.csv' },
    ];
    const { rerender } = render(<ChangesView changes={changes} canUndo onUndo={() => undefined} lastUndo={changes[1].label} />);
    expect(screen.getByTestId('changes-undo').textContent).toBe('Undo: import of lab.csv');
    await act(async () => { await i18n.changeLanguage('nl'); });
    expect(screen.getByTestId('changes-undo').textContent).toBe('Ongedaan maken: import van lab.csv');
    expect(screen.getAllByTestId('change-row').map((r) => r.children[1].textContent)).toEqual(['import van lab.csv', 'import van his.csv']);
    rerender(<ChangesView changes={changes} canUndo onUndo={() => undefined} lastUndo={changes[0].label} />);
    expect(screen.getByTestId('changes-undo').textContent).toBe('Ongedaan maken: import van his.csv');
    await act(async () => { await i18n.changeLanguage('en'); });
    expect(screen.getByTestId('changes-undo').textContent).toBe('Undo: import van his.csv');
  });
});
