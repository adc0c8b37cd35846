/**
 * The in-page question "replace x with y?" asked before a typed row takes the place of one on
 * record with another value (issue 15, item 4). Keyboard: focus moves to "No" when it opens (the
 * safe answer), Enter or Space answers; focus goes back where it was.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Replacement } from './typed';
import { rowValue } from '../../lib/row-value';
import { formatDisplayDate, type Lang } from '../../lib/dates';

interface Open { text: string; old: string; resolve: (yes: boolean) => void }

/** The question as text: "Replace 22.6 µg/mL with 22.4 µg/mL? (level of … is on record with another value.)" */
export function replaceQuestion(t: (k: string, o?: Record<string, unknown>) => string, lang: Lang, list: Replacement[]): { text: string; old: string } {
  const parts = list.map((r) => t('typed.replace', {
    ns: 'safety', old: rowValue(r.old, lang), new: rowValue(r.new, lang), kind: t(`kind.${r.kind}`, { ns: 'safety', defaultValue: r.kind }), time: formatDisplayDate(r.iso, lang),
  }));
  return { text: parts.join(' '), old: list.length === 1 ? rowValue(list[0].old, lang) : '' };
}

export function useAskReplace(): [ReactNode, (list: Replacement[]) => Promise<boolean>] {
  const { t, i18n } = useTranslation('safety');
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  const [open, setOpen] = useState<Open | null>(null);
  const no = useRef<HTMLButtonElement>(null);
  const back = useRef<Element | null>(null);
  useEffect(() => { if (open) no.current?.focus(); }, [open]);
  const ask = useCallback((list: Replacement[]) => new Promise<boolean>((resolve) => {
    back.current = document.activeElement;
    setOpen({ ...replaceQuestion(t, lang, list), resolve });
  }), [t, lang]);
  const answer = (yes: boolean) => {
    open?.resolve(yes);
    setOpen(null);
    requestAnimationFrame(() => (back.current as HTMLElement | null)?.focus?.());
  };
  const node = open ? (
    <div role="alertdialog" aria-labelledby="replace-row-q" className="delete-question" data-testid="replace-row-question">
      <p id="replace-row-q">{open.text}</p>
      <button type="button" className="primary" data-testid="confirm-replace-row" onClick={() => answer(true)}>{t('typed.replaceYes')}</button>{' '}
      <button type="button" ref={no} data-testid="cancel-replace-row" onClick={() => answer(false)}>{t('typed.replaceNo', { old: open.old || '' })}</button>
    </div>
  ) : null;
  return [node, ask];
}
