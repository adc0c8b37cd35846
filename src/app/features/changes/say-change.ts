/**
 * A stored change said in the language of the screen (the Undo button and its title, the
 * "Undone: …" message, the Changes view): its code's words in the namespace `changes` with its
 * parameters, a count by its plural form and a number and a date in the screen's form, at the
 * moment it is shown, so a language switch says it anew. A label stored before codes (a
 * sentence) is shown as it was written.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import changesEn from '../../../i18n/app/changes-en';
import type { StoredLabel } from '../../storage/change-label';
import { formatDisplayDate, type Lang } from '../../lib/dates';

const KNOWN = new Set(Object.keys(changesEn.change).map((k) => `change.${k.replace(/_(zero|one|two|few|many|other)$/, '')}`));

/** The change said in `lang` with `t` (any namespace: the words are taken from `changes`). */
export function sayChange(label: StoredLabel, t: TFunction, lang: Lang): string {
  if (typeof label === 'string') return label;
  if (!KNOWN.has(label.code)) return t('unknown', { ns: 'changes', lng: lang, code: label.code });
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(label.params ?? {})) values[k] = typeof v === 'object' ? formatDisplayDate(v.date, lang) : v;
  return t(label.code, { ...values, ns: 'changes', lng: lang });
}

/** `sayChange` in the screen's language now (the component is drawn again when the language changes). */
export function useSayChange(): (label: StoredLabel) => string {
  const { t, i18n } = useTranslation('changes');
  const lang: Lang = i18n.language === 'nl' ? 'nl' : 'en';
  return useCallback((label: StoredLabel) => sayChange(label, t, lang), [t, lang]);
}
