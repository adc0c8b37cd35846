/**
 * The short wearing-off form on the patient view (issue 19): the onset date (and time, if known)
 * with the intensity, or "none this interval" dated at an infusion. The row is checked by the
 * records module (the import's rules and messages) and added to the record; nothing is saved
 * when it is refused.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue, PatientRecord } from '../../../core/types';
import { recordToRows, shortMessage, type EventRow } from '../../lib/rows';
import { formatDisplayDate, type Lang } from '../../lib/dates';
import { validateRows } from '../patient/validate-edit';
import { issueText } from '../../../i18n/sentences';
import { readClock, readDate } from '../entry/schedule';
import { focusFirstField, useFocusFirstField } from '../../lib/focus';
import { changeLabel, type ChangeLabel } from '../../storage/change-label';

export interface WearingOffFormProps {
  record: PatientRecord;
  labLimit?: number;
  onSave: (record: PatientRecord, label: ChangeLabel) => Promise<void>;
  onClose: () => void;
}

type Errors = Partial<Record<'date' | 'time' | 'score' | 'infusion' | 'note' | 'form', string>>;

/** When the report is dated: the onset typed (date, and clock time if known), or the infusion chosen for "none this interval". */
function readWhen(mode: 'felt' | 'none', date: string, clock: string, infusion: string, t: (k: string, o?: Record<string, unknown>) => string): { time: string; errs: Errors } {
  const errs: Errors = {};
  if (mode === 'none') {
    if (!infusion) errs.infusion = t('form.noInfusion');
    return { time: infusion, errs };
  }
  let time = '';
  const day = date.trim() === '' ? null : readDate(date);
  if (date.trim() === '') errs.date = t('form.dateEmpty');
  else if (!day) errs.date = t('form.dateInvalid', { value: date.trim() });
  let hhmm: string | null = null;
  if (clock.trim() !== '') { hhmm = readClock(clock); if (!hhmm) errs.time = t('form.clockInvalid', { value: clock.trim() }); }
  if (day) time = hhmm ? `${day}T${hhmm}` : day;
  return { time, errs };
}

/** The records check's refusal on the form's fields: the new row's messages by column, any other row's on the form. */
function refusedErrors(issues: { row: number | null; issue: Issue }[], newRow: number, mode: 'felt' | 'none', lang: Lang): Errors {
  const out: Errors = {};
  const text = (i: Issue) => shortMessage(issueText(i, lang));
  for (const { row: r, issue } of issues) {
    if (issue.severity !== 'error') continue;
    const mine = r === newRow;
    const field: keyof Errors = !mine ? 'form' : issue.column === 'time' ? (mode === 'none' ? 'infusion' : 'date') : issue.column === 'value' ? 'score' : issue.column === 'note' ? 'note' : 'form';
    out[field] = out[field] ? `${out[field]} ${text(issue)}` : text(issue);
  }
  return Object.keys(out).length ? out : { form: issues.map((x) => text(x.issue)).join(' ') };
}

export function WearingOffForm({ record, labLimit, onSave, onClose }: WearingOffFormProps) {
  const { t, i18n } = useTranslation('wearing');
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  const id = useId();
  const infusions = [...record.doses].reverse();
  const [mode, setMode] = useState<'felt' | 'none'>('felt');
  const [date, setDate] = useState('');
  const [clock, setClock] = useState('');
  const [score, setScore] = useState('2');
  const [infusion, setInfusion] = useState(infusions[0]?.iso ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  // Opened: the focus goes into the form, as in the other entry forms (issue 15, item 9).
  const box = useRef<HTMLElement>(null);
  useFocusFirstField(box);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { time, errs } = readWhen(mode, date, clock, infusion, t);
    if (Object.keys(errs).length) { setErrors(errs); setNotice(''); return; }
    const row: EventRow = { kind: 'wearing_off', time, value: mode === 'none' ? '0' : score, unit: 'score', route: '', duration_min: '', note };
    setBusy(true);
    try {
      const base = recordToRows(record);
      const res = await validateRows(record, [...base, row], labLimit);
      if (!res.record) {
        setErrors(refusedErrors(res.issues, base.length, mode, lang));
        setNotice('');
        return;
      }
      setErrors({});
      await onSave(res.record, changeLabel('change.wearingOff', { id: record.id }));
      setNotice(mode === 'none' ? t('form.savedNone', { date: formatDisplayDate(time.slice(0, 10), lang) }) : t('form.saved', { date: formatDisplayDate(time, lang) }));
      setDate(''); setClock(''); setNote('');
    } finally {
      setBusy(false);
      // Saved or refused: the focus stays in the form (the field to correct, or the next report).
      requestAnimationFrame(() => {
        const invalid = box.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
        if (invalid) invalid.focus(); else focusFirstField(box.current);
      });
    }
  };

  const f = (name: string) => `${id}-${name}`;
  const err = (name: keyof Errors) => (errors[name] ? <p className="field-error" role="alert" id={f(`${name}-error`)}>{errors[name]}</p> : null);
  const described = (name: keyof Errors, hint?: string) => [errors[name] ? f(`${name}-error`) : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <section className="entry-form wearing-off-form" aria-labelledby={f('title')} data-testid="wearing-off-form" ref={box}>
      <h3 id={f('title')}>{t('form.title')}</h3>
      <p className="field-hint">{t('form.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="field-row">
          <legend>{t('form.what')}</legend>
          <label><input type="radio" name="wearing-mode" value="felt" checked={mode === 'felt'} onChange={() => { setMode('felt'); setErrors({}); }} /> {t('form.felt')}</label>{' '}
          <label><input type="radio" name="wearing-mode" value="none" checked={mode === 'none'} onChange={() => { setMode('none'); setErrors({}); }} data-testid="wearing-none" /> {t('form.none')}</label>
        </fieldset>
        {mode === 'felt' ? (
          <div className="field-row">
            <div className={`field${errors.date ? ' field--error' : ''}`}>
              <label htmlFor={f('date')}>{t('form.onset')}</label>
              <input id={f('date')} name="onset" value={date} onChange={(e) => setDate(e.target.value)} size={11} autoComplete="off"
                aria-invalid={!!errors.date} aria-describedby={described('date', f('date-hint'))} />
              <span className="field-hint" id={f('date-hint')}>{t('form.onsetHint')}</span>
              {err('date')}
            </div>
            <div className={`field${errors.time ? ' field--error' : ''}`}>
              <label htmlFor={f('time')}>{t('form.time')}</label>
              <input id={f('time')} name="onset_time" value={clock} onChange={(e) => setClock(e.target.value)} size={5} placeholder="09:00"
                aria-invalid={!!errors.time} aria-describedby={described('time')} />
              {err('time')}
            </div>
            <div className={`field${errors.score ? ' field--error' : ''}`}>
              <label htmlFor={f('score')}>{t('form.intensity')}</label>
              <select id={f('score')} name="intensity" value={score} onChange={(e) => setScore(e.target.value)} aria-invalid={!!errors.score} aria-describedby={described('score')}>
                {[1, 2, 3].map((s) => <option key={s} value={String(s)}>{`${s} ${t(`score.${s}`)}`}</option>)}
              </select>
              {err('score')}
            </div>
          </div>
        ) : (
          <div className="field-row">
            <div className={`field${errors.infusion ? ' field--error' : ''}`}>
              <label htmlFor={f('infusion')}>{t('form.infusion')}</label>
              {infusions.length ? (
                <select id={f('infusion')} name="infusion" value={infusion} onChange={(e) => setInfusion(e.target.value)} aria-invalid={!!errors.infusion} aria-describedby={described('infusion')}>
                  {infusions.map((d) => <option key={d.iso} value={d.iso}>{formatDisplayDate(d.iso, lang)}</option>)}
                </select>
              ) : <p className="field-hint">{t('form.noInfusion')}</p>}
              {err('infusion')}
            </div>
          </div>
        )}
        <div className="field-row">
          <div className="field">
            <label htmlFor={f('note')}>{t('form.note')}</label>
            <input id={f('note')} name="note" value={note} onChange={(e) => setNote(e.target.value)} size={24} aria-describedby={described('note')} />
            {err('note')}
          </div>
        </div>
        {err('form')}
        <p className="form-actions">
          <button type="submit" disabled={busy} data-testid="wearing-save">{t('form.save')}</button>{' '}
          <button type="button" onClick={onClose}>{t('form.close')}</button>
        </p>
        {notice ? <p className="notice" role="status">{notice}</p> : null}
      </form>
    </section>
  );
}
