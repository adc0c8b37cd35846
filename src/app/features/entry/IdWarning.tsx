/**
 * The warning shown before an id that looks like a name, a date of birth or a BSN is saved
 * (issue 15, item 10; the checks are in lib/id-privacy.ts). The clinician changes the id, or
 * saves it anyway with the button; nothing is saved before one of the two.
 */
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonalIdKind } from '../../lib/id-privacy';
import './id-warning.css';

export function IdWarning({ id, kind, elementId, onConfirm }: { id: string; kind: PersonalIdKind; elementId: string; onConfirm: (e: MouseEvent<HTMLButtonElement>) => void }) {
  const { t } = useTranslation('safety');
  return (
    <div className="field-warning" role="alert" data-testid="id-warning" data-kind={kind}>
      <p id={elementId}>{t(`idWarning.${kind}`, { id })}</p>
      <button type="button" data-testid="id-warning-confirm" onClick={onConfirm}>{t('idWarning.confirm')}</button>
    </div>
  );
}
