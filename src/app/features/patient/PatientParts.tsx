/** Parts of the patient view: rows an import refused (and setting them aside), and the entry forms opened from its buttons. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientRecord } from '../../../core/types';
import type { StoredPatient } from '../../storage/db';
import { importRefusals, refusedSetAside } from './validate-edit';
import { issueText } from '../../../i18n/sentences';
import { ResultForm, ScheduleForm } from '../entry/EntryForms';
import { WearingOffForm } from '../wearing/WearingOffForm';
import { focusAfterRender } from '../../lib/focus';
import type { Lang } from '../../lib/dates';
import { changeLabel, type ChangeLabel } from '../../storage/change-label';
import { KeepDates } from '../../components/KeepDates';

type SaveRecord = (r: PatientRecord, label: ChangeLabel, usedPendingWeight?: boolean) => Promise<void>;

/** The rows an import refused, said with their messages, and one button to go on without them (undoable). */
export function RefusedRows({ record: rec, onSaveRecord }: { record: PatientRecord; onSaveRecord: SaveRecord }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  const tc = (k: string, o?: Record<string, unknown>) => t(k, { ns: 'clinic', ...o });
  const refused = importRefusals(rec);
  return (
    <>
      {refused.length ? (
        <section className="refused-rows" data-testid="refused-rows" aria-labelledby="refused-title">
          <h3 id="refused-title">{tc('refused.title', { count: refused.length })}</h3>
          <p>{tc('refused.intro')}</p>
          <ul>{refused.map((i, k) => <li key={k} data-line={i.line}><KeepDates text={issueText(i, lang)} /></li>)}</ul>
          <button type="button" data-testid="set-aside-refused" onClick={() => void onSaveRecord(refusedSetAside(rec), changeLabel('change.setAside', { id: rec.id }))}>
            {tc('refused.setAside', { count: refused.length })}
          </button>
        </section>
      ) : null}
    </>
  );
}

/** The buttons that open a dosing schedule, a result or a wearing-off report, and the form opened. */
export function PatientEntry({ patient, plannedDate, infusionTime, labLimit, onSaveRecord }: { patient: StoredPatient; plannedDate: string | null; infusionTime?: string; labLimit?: number; onSaveRecord: SaveRecord }) {
  const { t } = useTranslation();
  const rec = patient.record;
  const tc = (k: string, o?: Record<string, unknown>) => t(k, { ns: 'clinic', ...o });
  const [form, setForm] = useState<'doses' | 'result' | 'wearing' | null>(null);
  // A closed form gives the focus back to the button that opened it (keyboard entry of a day's results).
  const closeForm = (opener: string) => {
    setForm(null);
    focusAfterRender(() => document.querySelector<HTMLElement>(`[data-selected-patient] [data-testid="${opener}"]`));
  };
  return (
    <>
      <div className="entry-actions">
        <button type="button" data-testid="add-doses" aria-expanded={form === 'doses'} onClick={() => setForm('doses')}>{tc('schedule.button')}</button>{' '}
        <button type="button" data-testid="add-result" aria-expanded={form === 'result'} onClick={() => setForm('result')}>{tc('result.button')}</button>{' '}
        <button type="button" data-testid="add-wearing-off" aria-expanded={form === 'wearing'} onClick={() => setForm('wearing')}>{t('form.button', { ns: 'wearing' })}</button>
      </div>
      {form === 'doses' ? (
        <ScheduleForm record={rec} plannedDate={plannedDate} clock={infusionTime} pendingWeightKg={patient.pendingWeightKg} labLimit={labLimit}
          onSave={onSaveRecord} onClose={() => closeForm('add-doses')} />
      ) : null}
      {form === 'result' ? (
        <ResultForm record={rec} labLimit={labLimit} onSave={(r, label) => onSaveRecord(r, label)} onClose={() => closeForm('add-result')} />
      ) : null}
      {form === 'wearing' ? (
        <WearingOffForm record={rec} labLimit={labLimit} onSave={(r, label) => onSaveRecord(r, label)} onClose={() => closeForm('add-wearing-off')} />
      ) : null}
    </>
  );
}
