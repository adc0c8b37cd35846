/**
 * The status line's message: one at a time, dismissable. The hint after creating a patient ("enter
 * the doses given so far") is done once that patient has doses, and then no longer shown.
 */
import { useCallback, useState } from 'react';
import type { StoredPatient } from '../storage/db';

export interface Messages {
  /** The message to show now ('' for none). */
  shown: string;
  /** Say something; `hintPatient` names the patient a hint is about (it ends when that patient has doses). */
  flash: (message: string, hintPatient?: string | null) => void;
  dismiss: () => void;
}

export function useMessages(patients: readonly StoredPatient[]): Messages {
  const [message, setMessage] = useState('');
  const [hintFor, setHintFor] = useState<string | null>(null);
  const flash = useCallback((m: string, hintPatient: string | null = null) => { setMessage(m); setHintFor(hintPatient); }, []);
  const dismiss = useCallback(() => setMessage(''), []);
  const hinted = hintFor ? patients.find((p) => p.id === hintFor) : undefined;
  const shown = hinted && hinted.record.doses.length > 0 ? '' : message;
  return { shown, flash, dismiss };
}
