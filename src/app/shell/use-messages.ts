/**
 * The status line's message: one at a time, dismissable. The hint after creating a patient ("enter
 * the doses given so far") is done once that patient has doses, and then no longer shown.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { StoredPatient } from '../storage/db';
import type { Lang } from '../lib/dates';

/** A message said when shown, in the screen's language then (so a language switch says it anew). */
export type Say = (t: TFunction, lang: Lang) => string;

export interface Messages {
  /** The message to show now ('' for none). */
  shown: string;
  /** Say something; `hintPatient` names the patient a hint is about (it ends when that patient has doses). */
  flash: (message: string | Say, hintPatient?: string | null) => void;
  dismiss: () => void;
}

export function useMessages(patients: readonly StoredPatient[]): Messages {
  const { t, i18n } = useTranslation();
  const [message, setMessage] = useState<string | Say>('');
  const [hintFor, setHintFor] = useState<string | null>(null);
  // A function is kept as it is (not called by React's state setter).
  const flash = useCallback((m: string | Say, hintPatient: string | null = null) => { setMessage(() => m); setHintFor(hintPatient); }, []);
  const dismiss = useCallback(() => setMessage(''), []);
  const hinted = hintFor ? patients.find((p) => p.id === hintFor) : undefined;
  const said = typeof message === 'function' ? message(t, i18n.language === 'nl' ? 'nl' : 'en') : message;
  const shown = hinted && hinted.record.doses.length > 0 ? '' : said;
  return { shown, flash, dismiss };
}
