/**
 * Deleting a patient asks first, on the page (`confirm-delete`), naming what goes; the deletion is
 * one change in the history and can be undone, also after a reload. `BrokenPatient` offers the
 * same deletion and an export when the patient's view itself cannot be drawn.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredPatient } from '../../storage/db';
import { rowCount } from '../../../core/records/merge';
import { downloadText } from '../../lib/download';

export function DeletePatient({ patient, onDelete }: { patient: StoredPatient; onDelete: () => Promise<void> }) {
  const { t } = useTranslation('safety');
  const [asking, setAsking] = useState(false);
  const no = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (asking) no.current?.focus(); }, [asking]);
  const id = patient.id;
  let rows = 0;
  try { rows = rowCount(patient.record); } catch { /* a damaged record: still deletable */ }
  return (
    <div className="delete-patient">
      <button type="button" ref={opener} data-testid="delete-patient" aria-expanded={asking} onClick={() => setAsking(true)}>{t('delete.button', { id })}</button>
      {asking ? (
        <div role="alertdialog" aria-labelledby="delete-question" className="delete-question">
          <p id="delete-question">{t('delete.question', { id, rows })}</p>
          <button type="button" className="danger-button" data-testid="confirm-delete" onClick={() => { setAsking(false); void onDelete(); }}>{t('delete.yes', { id })}</button>{' '}
          <button type="button" ref={no} data-testid="cancel-delete" onClick={() => { setAsking(false); opener.current?.focus(); }}>{t('delete.no')}</button>
        </div>
      ) : null}
    </div>
  );
}

/** What can still be done with a patient whose view failed: export its record, or delete it (asked first). */
export function BrokenPatient({ patient, onDelete }: { patient: StoredPatient; onDelete: () => Promise<void> }) {
  const { t } = useTranslation('safety');
  const exportCsv = async () => {
    const { writeTdmCsv } = await import('../../../core/records/index');
    let text: string;
    try { text = writeTdmCsv([patient.record]); } catch { text = JSON.stringify(patient, null, 1); }
    downloadText(`ms-interval-${patient.id.replace(/[^A-Za-z0-9._-]+/g, '_')}.csv`, text, 'text/csv;charset=utf-8');
  };
  return (
    <span className="broken-patient">
      {' '}<button type="button" data-testid="export-broken" onClick={() => void exportCsv()}>{t('broken.export', { id: patient.id })}</button>
      <DeletePatient patient={patient} onDelete={onDelete} />
    </span>
  );
}
