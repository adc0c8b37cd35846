/**
 * Starting a patient by hand: the new-patient form (pseudonym, drug, weight), the dosing schedule
 * (first date, every N weeks, number of doses, amount, route, clock time) and a result by date
 * (or, for ocrelizumab, by "week N after the last dose"). Every row a form adds is checked by the
 * records module itself (validate-edit.ts: the same rules and messages as a file import); a
 * refusal is shown on the field that is wrong (role="alert") and nothing is saved.
 */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { focusAfterRender, focusFirstField, useFocusFirstField } from '../../lib/focus';
import { useTranslation } from 'react-i18next';
import type { Drug, Issue, PatientRecord } from '../../../core/types';
import { shortMessage, unitOptions, UNITS, type EventRow } from '../../lib/rows';
import { formatDisplayDate, normaliseDecimal, todayIso, type Lang } from '../../lib/dates';
import { checkTyped, alreadyIssue, type Replacement } from './typed';
import { useAskReplace } from './AskReplace';
import { IdWarning } from './IdWarning';
import { personalId, type PersonalIdKind } from '../../lib/id-privacy';
import { rowValue } from '../../lib/row-value';
import { i18n } from '../../i18n/index';
import { WEIGHT_ACCEPTED, WEIGHT_MODEL_RANGE } from '../../../core/records/plausible';
import { issueText } from '../../../i18n/sentences';
import {
  defaultAmount, defaultEveryWeeks, lastDoseDate, readClock, readDate, readWhole, resultRow, scheduleBeyondToday, scheduleRows, usualClock, weekAfterLastDose,
} from './schedule';
import './entry.css';
import { catalogNumberText } from '../../../i18n/display';
import { changeLabel, type ChangeLabel } from '../../storage/change-label';

type Errors = Record<string, string>;

function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'nl' ? 'nl' : 'en';
}

/** A labelled field with its own refusal message (role="alert") right under it. */
function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <span className="field-hint" id={`${id}-hint`}>{hint}</span> : null}
      {error ? <p className="field-error" role="alert" id={`${id}-error`}>{error}</p> : null}
    </div>
  );
}

const describedBy = (id: string, errors: Errors, name: string, hint = false) =>
  [errors[name] ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;

/** The field a records message belongs to (its column), for rows the form added. */
function fieldOf(issue: Issue, map: Record<string, string>, fallback: string): string {
  return (issue.column && map[issue.column]) || fallback;
}

/**
 * Check rows added to a record with the records module; errors by form field, or the new record.
 * A row at a kind and time already on record is refused when it says the same ("already on
 * record") and otherwise takes that row's place, listed in `replaces` for the form to ask first.
 */
async function checkAdded(record: PatientRecord, added: EventRow[], labLimit: number | undefined, lang: Lang,
  fieldFor: (issue: Issue, addedIndex: number) => string): Promise<{ record: PatientRecord; warnings: string[]; replaces: Replacement[] } | { errors: Errors }> {
  // null: all of the record's rows (a long record's are then not even listed on this thread).
  const c = await checkTyped(record, null, added, labLimit);
  const text = (i: Issue) => shortMessage(issueText(i, lang));
  if (c.kind === 'same') {
    const message = i18n.t('typed.already', { ns: 'safety', kind: i18n.t(`kind.${c.row.kind}`, { ns: 'safety', defaultValue: c.row.kind }), time: formatDisplayDate(c.row.iso, lang), value: rowValue(c.row, lang) });
    return { errors: { [fieldFor(alreadyIssue(message), c.typed)]: message } };
  }
  const res = c.result;
  if (c.kind === 'refused' || !res.record) {
    const errors: Errors = {};
    for (const { row, issue } of res.issues) {
      if (issue.severity !== 'error') continue;
      const at = row !== null ? c.origin.get(row) ?? -1 : -1;
      const field = at >= 0 ? fieldFor(issue, at) : 'form';
      const prefix = at < 0 && row !== null && c.rows[row] ? `${formatDisplayDate(c.rows[row].time, lang)}: ` : '';
      errors[field] = errors[field] ? `${errors[field]} ${prefix}${text(issue)}` : `${prefix}${text(issue)}`;
    }
    if (Object.keys(errors).length === 0) errors.form = res.issues.map((x) => text(x.issue)).join(' ');
    return { errors };
  }
  const warnings = res.issues.filter((x) => x.issue.severity === 'warning' && x.row !== null && c.origin.has(x.row)).map((x) => text(x.issue));
  return { record: res.record, warnings, replaces: c.replaces };
}

// ----------------------------------------------------------------------------- new patient

export interface NewPatientProps {
  existingIds: string[];
  onCreate: (record: PatientRecord, pendingWeightKg: string | undefined) => Promise<void>;
  onCancel: () => void;
}

export function NewPatientForm({ existingIds, onCreate, onCancel }: NewPatientProps) {
  const { t } = useTranslation('clinic');
  const lang = useLang();
  const id = useId();
  const [pid, setPid] = useState('');
  const [drug, setDrug] = useState<Drug>('natalizumab');
  const [weight, setWeight] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  // Opened: the focus goes to the pseudonym field (not 150 tab stops away).
  const box = useRef<HTMLElement>(null);
  useFocusFirstField(box);
  // An id that looks like a name, a date of birth or a BSN is saved only after the warning (issue 15).
  const [warning, setWarning] = useState<{ id: string; kind: PersonalIdKind } | null>(null);
  const keptAnyway = useRef('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Errors = {};
    const name = pid.trim();
    if (name === '') errs.patient_id = t('newPatient.idEmpty');
    else if (/[\r\n,;"]/.test(name)) errs.patient_id = t('newPatient.idChars');
    else if (existingIds.includes(name)) errs.patient_id = t('newPatient.idExists', { id: name });
    const empty: PatientRecord = { id: name || 'new', drug, doses: [], levels: [], bcells: [], weights: [], issues: [], order: existingIds.length };
    const kg = normaliseDecimal(weight);
    if (kg !== '' && !errs.patient_id) {
      setBusy(true);
      try {
        // The weight is checked as a row of today (it is dated at the first dose once one is entered).
        const r = await checkAdded(empty, [{ kind: 'weight', time: todayIso(), value: kg, unit: 'kg', route: '', duration_min: '', note: '' }], undefined, lang, () => 'weight');
        if ('errors' in r) Object.assign(errs, r.errors);
      } finally { setBusy(false); }
    }
    setErrors(errs);
    // Refused: the focus goes to the field that is wrong (Enter may have been pressed in another).
    if (Object.keys(errs).length) { focusAfterRender(() => box.current?.querySelector<HTMLElement>('[aria-invalid="true"]')); return; }
    const looks = personalId(name);
    if (looks && keptAnyway.current !== name) { setWarning({ id: name, kind: looks }); return; }
    setBusy(true);
    try { await onCreate(empty, kg || undefined); } finally { setBusy(false); }
  };

  return (
    <section className="entry-form new-patient" aria-labelledby={`${id}-title`} ref={box}>
      <h2 id={`${id}-title`}>{t('newPatient.title')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id={`${id}-pid`} label={t('newPatient.id')} error={errors.patient_id} hint={t('newPatient.idHint')}>
          <input id={`${id}-pid`} name="patient_id" value={pid} onChange={(e) => setPid(e.target.value)} autoComplete="off"
            aria-invalid={!!errors.patient_id} aria-describedby={[describedBy(`${id}-pid`, errors, 'patient_id', true), warning?.id === pid.trim() ? `${id}-pid-warning` : ''].filter(Boolean).join(' ') || undefined} />
        </Field>
        {warning && warning.id === pid.trim() ? (
          <IdWarning id={warning.id} kind={warning.kind} elementId={`${id}-pid-warning`}
            onConfirm={(ev) => { keptAnyway.current = warning.id; ev.currentTarget.form?.requestSubmit(); }} />
        ) : null}
        <Field id={`${id}-drug`} label={t('newPatient.drug')}>
          <select id={`${id}-drug`} name="drug" value={drug} onChange={(e) => setDrug(e.target.value as Drug)}>
            <option value="natalizumab">{t('drug.natalizumab')}</option>
            <option value="ocrelizumab">{t('drug.ocrelizumab')}</option>
          </select>
        </Field>
        {/* Natalizumab's model reads the weight; for ocrelizumab it is optional and kept with the record (nothing typed is lost). */}
        <Field id={`${id}-weight`} label={t('newPatient.weight')} error={errors.weight}
          hint={drug === 'natalizumab' ? t('newPatient.weightHint', { accMin: WEIGHT_ACCEPTED.min, accMax: WEIGHT_ACCEPTED.max, min: WEIGHT_MODEL_RANGE.min, max: WEIGHT_MODEL_RANGE.max }) : t('newPatient.weightHintOcr')}>
          <input id={`${id}-weight`} name="weight" value={weight} onChange={(e) => setWeight(e.target.value)} inputMode="decimal" size={6}
            aria-invalid={!!errors.weight} aria-describedby={describedBy(`${id}-weight`, errors, 'weight', true)} />
        </Field>
        <p className="field-hint">{t('newPatient.settingsNote')}</p>
        {errors.form ? <p className="field-error" role="alert">{errors.form}</p> : null}
        <p className="form-buttons">
          <button type="submit" className="primary" data-testid="save-patient" disabled={busy}>{t('newPatient.save')}</button>{' '}
          <button type="button" onClick={onCancel}>{t('form.cancel')}</button>
        </p>
      </form>
    </section>
  );
}

// ----------------------------------------------------------------------------- dosing schedule

export interface ScheduleProps {
  record: PatientRecord;
  /** The dose as planned (choice or proposal), to prefill the next infusion; null without a plan. */
  plannedDate: string | null;
  /** The weight given with the new patient, dated at the first dose. */
  pendingWeightKg?: string;
  labLimit?: number;
  /** The clinic's infusion clock time (`HH:MM`); without it, the last dose's time or 09:00. */
  clock?: string;
  onSave: (record: PatientRecord, label: ChangeLabel, usedPendingWeight: boolean) => Promise<void>;
  onClose: () => void;
}

export function ScheduleForm({ record, plannedDate, pendingWeightKg, labLimit, clock: clinicClock, onSave, onClose }: ScheduleProps) {
  const box = useRef<HTMLElement>(null);
  useFocusFirstField(box);
  const { t } = useTranslation('clinic');
  const lang = useLang();
  const id = useId();
  const drug = record.drug;
  const first0 = record.doses.length === 0;
  const [first, setFirst] = useState(plannedDate && !first0 ? formatDisplayDate(plannedDate, lang) : '');
  const [every, setEvery] = useState(String(defaultEveryWeeks(drug)));
  const [count, setCount] = useState('1');
  const [amount, setAmount] = useState(defaultAmount(drug));
  const [route, setRoute] = useState<'iv' | 'sc'>('iv');
  const [clock, setClock] = useState(clinicClock ?? usualClock(record));
  const [split, setSplit] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [question, ask] = useAskReplace();
  const [busy, setBusy] = useState(false);

  // Refused: the focus goes to the field that is wrong (as the result form does), not left on the button.
  const refuse = (errs: Errors) => { setErrors(errs); focusAfterRender(() => box.current?.querySelector<HTMLElement>('[aria-invalid="true"]')); };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Errors = {};
    const date = readDate(first);
    if (!date) errs.first = first.trim() === '' ? t('schedule.firstEmpty', { ns: 'plain' }) : t('form.dateInvalid', { value: first.trim() });
    const n = readWhole(count, 1, 60);
    if (n === null) errs.count = t('schedule.countInvalid', { value: count.trim() });
    const w = readWhole(every, 1, 104);
    if (w === null && (n ?? 2) > 1) errs.every_weeks = t('schedule.everyInvalid', { value: every.trim() });
    const time = readClock(clock);
    if (!time) errs.time = t('form.clockInvalid', { value: clock.trim() });
    if (Object.keys(errs).length) { refuse(errs); return; }
    const rows = scheduleRows({ first: date!, time: time!, everyWeeks: w ?? 4, count: n!, amount: normaliseDecimal(amount), route, split300: drug === 'ocrelizumab' && split });
    // A schedule whose first dose is past but whose later doses run beyond today is too long: said on
    // the number of doses, not on the first date (which is right).
    const future = scheduleBeyondToday(drug === 'ocrelizumab' && split ? [rows[0], ...rows.slice(2)] : rows, todayIso());
    if (future) { refuse({ count: t(future.from === future.count ? 'schedule.countFutureOne' : 'schedule.countFutureMany', { ns: 'plain', ...future, date: formatDisplayDate(future.date, lang), today: formatDisplayDate(todayIso(), lang) }) }); return; }
    const weighted = !!pendingWeightKg && record.weights.length === 0;
    const added: EventRow[] = weighted
      ? [{ kind: 'weight', time: rows[0].time, value: pendingWeightKg!, unit: 'kg', route: '', duration_min: '', note: '' }, ...rows]
      : rows;
    setBusy(true);
    try {
      const r = await checkAdded(record, added, labLimit, lang, (issue, i) => {
        if (weighted && i === 0) return 'form';
        return fieldOf(issue, { time: 'first', value: 'amount', unit: 'amount', route: 'route', duration_min: 'time' }, 'first');
      });
      if ('errors' in r) { refuse(r.errors); return; }
      setErrors({});
      if (r.replaces.length && !(await ask(r.replaces))) return;
      await onSave(r.record, changeLabel('change.addDoses', { count: rows.length, id: record.id }), weighted);
      onClose();
    } finally { setBusy(false); }
  };

  const f = (name: string) => `${id}-${name}`;
  return (
    <section className="entry-form schedule-form" aria-labelledby={`${id}-title`} ref={box}>
      <h3 id={`${id}-title`}>{t('schedule.title')}</h3>
      <p className="field-hint">{first0 ? t('schedule.introFirst') : t('schedule.introNext', { date: plannedDate ? formatDisplayDate(plannedDate, lang) : '–' })}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field-row">
          <Field id={f('first')} label={t('schedule.first')} error={errors.first} hint={t('form.dateHint')}>
            <input id={f('first')} name="first" value={first} onChange={(e) => setFirst(e.target.value)} size={11} autoComplete="off"
              aria-invalid={!!errors.first} aria-describedby={describedBy(f('first'), errors, 'first', true)} />
          </Field>
          <Field id={f('time')} label={t('schedule.time')} error={errors.time}>
            <input id={f('time')} name="time" value={clock} onChange={(e) => setClock(e.target.value)} size={5}
              aria-invalid={!!errors.time} aria-describedby={describedBy(f('time'), errors, 'time')} />
          </Field>
          <Field id={f('every')} label={t('schedule.every')} error={errors.every_weeks}>
            <input id={f('every')} name="every_weeks" value={every} onChange={(e) => setEvery(e.target.value)} size={3} inputMode="numeric"
              aria-invalid={!!errors.every_weeks} aria-describedby={describedBy(f('every'), errors, 'every_weeks')} />
          </Field>
          <Field id={f('count')} label={t('schedule.count')} error={errors.count}>
            <input id={f('count')} name="count" value={count} onChange={(e) => setCount(e.target.value)} size={3} inputMode="numeric"
              aria-invalid={!!errors.count} aria-describedby={describedBy(f('count'), errors, 'count')} />
          </Field>
          <Field id={f('amount')} label={t('schedule.amount')} error={errors.amount}>
            <input id={f('amount')} name="amount" value={amount} onChange={(e) => setAmount(e.target.value)} size={5} inputMode="decimal"
              aria-invalid={!!errors.amount} aria-describedby={describedBy(f('amount'), errors, 'amount')} />
          </Field>
          <Field id={f('route')} label={t('schedule.route')} error={errors.route}>
            <select id={f('route')} name="route" value={route} onChange={(e) => setRoute(e.target.value as 'iv' | 'sc')}>
              <option value="iv">{t('schedule.iv')}</option>
              {drug === 'natalizumab' ? <option value="sc">{t('schedule.sc')}</option> : null}
            </select>
          </Field>
        </div>
        {drug === 'ocrelizumab' && first0 ? (
          <label className="check">
            <input type="checkbox" name="split300" checked={split} onChange={(e) => setSplit(e.target.checked)} /> {t('schedule.split300')}
          </label>
        ) : null}
        {pendingWeightKg && record.weights.length === 0 ? <p className="field-hint">{t('schedule.weightDated', { kg: catalogNumberText(String(pendingWeightKg), lang) })}</p> : null}
        {errors.form ? <p className="field-error" role="alert">{errors.form}</p> : null}
        <p className="form-buttons">
          <button type="submit" className="primary" data-testid="save-doses" disabled={busy}>{t('schedule.save')}</button>{' '}
          <button type="button" onClick={onClose}>{t('form.cancel')}</button>
        </p>
      </form>
      {question}
    </section>
  );
}

// ----------------------------------------------------------------------------- result

export interface ResultProps {
  record: PatientRecord;
  labLimit?: number;
  onSave: (record: PatientRecord, label: ChangeLabel) => Promise<void>;
  onClose: () => void;
}

/**
 * When a result was drawn: the date typed, or (a B-cell count) the week after the last dose, and
 * the clock time if given; what is wrong with them, by field.
 */
function readResultWhen(record: PatientRecord, kind: 'level' | 'bcell', date: string, week: string, clock: string, t: (k: string, o?: Record<string, unknown>) => string): { day: string | null; time: string | null; errs: Errors } {
  const errs: Errors = {};
  let day: string | null = null;
  if (date.trim() !== '') {
    day = readDate(date);
    if (!day) errs.date = t('form.dateInvalid', { value: date.trim() });
  } else if (kind === 'bcell' && week.trim() !== '') {
    const n = readWhole(week, 0, 104);
    if (n === null) errs.week = t('result.weekInvalid', { value: week.trim() });
    else if (!lastDoseDate(record)) errs.week = t('result.weekNoDose');
    else day = weekAfterLastDose(record, n);
  } else errs.date = kind === 'bcell' ? t('result.dateOrWeek') : t('result.dateEmpty');
  let time: string | null = null;
  if (clock.trim() !== '') {
    time = readClock(clock);
    if (!time) errs.time = t('form.clockInvalid', { value: clock.trim() });
  }
  return { day, time, errs };
}

export function ResultForm({ record, labLimit, onSave, onClose }: ResultProps) {
  const { t } = useTranslation('clinic');
  const lang = useLang();
  const id = useId();
  const kind = record.drug === 'natalizumab' ? 'level' : 'bcell';
  const units = UNITS[kind];
  const [date, setDate] = useState('');
  const [week, setWeek] = useState('');
  const [clock, setClock] = useState('');
  const [value, setValue] = useState('');
  const [unit, setUnit] = useState(units[0]);
  const [note, setNote] = useState('');
  const [sample, setSample] = useState<'venous' | 'capillary'>('venous');
  const [errors, setErrors] = useState<Errors>({});
  const [question, ask] = useAskReplace();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const box = useRef<HTMLElement>(null);
  useFocusFirstField(box);
  const last = lastDoseDate(record);
  const weekDate = kind === 'bcell' && date.trim() === '' && week.trim() !== '' ? (() => {
    const n = readWhole(week, 0, 104);
    return n === null ? null : weekAfterLastDose(record, n);
  })() : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { day, time, errs } = readResultWhen(record, kind, date, week, clock, t);
    // A new refusal replaces the last save's notice: "Uitslag … opgeslagen" never stands beside it.
    if (Object.keys(errs).length) { setErrors(errs); setNotice(''); return; }
    const row: EventRow = { ...resultRow(kind, day!, time, normaliseDecimal(value), unit, note), ...(kind === 'level' ? { sample } : {}) };
    setBusy(true);
    try {
      const r = await checkAdded(record, [row], labLimit, lang, (issue) => fieldOf(issue, { time: date.trim() === '' && kind === 'bcell' ? 'week' : 'date', value: 'value', unit: 'unit', note: 'note', sample: 'sample' }, 'value'));
      if ('errors' in r) { setErrors(r.errors); setNotice(''); return; }
      setErrors({});
      if (r.replaces.length && !(await ask(r.replaces))) return;
      await onSave(r.record, changeLabel('change.addResult', { id: record.id }));
      setNotice(r.warnings.length ? r.warnings.join(' · ') : t('result.saved', { date: formatDisplayDate(row.time, lang) }));
      setDate(''); setWeek(''); setClock(''); setValue(''); setNote('');
    } finally {
      setBusy(false);
      // Saved or refused: the focus stays in the form (the next result, or the field to correct), not lost with the disabled button.
      requestAnimationFrame(() => {
        const invalid = box.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
        if (invalid) invalid.focus(); else focusFirstField(box.current);
      });
    }
  };

  const f = (name: string) => `${id}-${name}`;
  return (
    <section className="entry-form result-form" aria-labelledby={`${id}-title`} ref={box}>
      <h3 id={`${id}-title`}>{t(kind === 'level' ? 'result.titleLevel' : 'result.titleCount')}</h3>
      <p className="field-hint" id={f('rule')}>{t(kind === 'level' ? 'result.timeRule' : 'result.timeRuleCount')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field-row">
          <Field id={f('date')} label={t('result.date')} error={errors.date} hint={t('form.dateHint')}>
            <input id={f('date')} name="date" value={date} onChange={(e) => setDate(e.target.value)} size={11} autoComplete="off"
              aria-invalid={!!errors.date} aria-describedby={describedBy(f('date'), errors, 'date', true)} />
          </Field>
          {kind === 'bcell' ? (
            <Field id={f('week')} label={t('result.week')} error={errors.week}
              hint={last ? (weekDate ? t('result.weekIs', { date: formatDisplayDate(weekDate, lang) }) : t('result.weekHint', { date: formatDisplayDate(last, lang) })) : t('result.weekNoDose')}>
              <input id={f('week')} name="week" value={week} onChange={(e) => setWeek(e.target.value)} size={3} inputMode="numeric"
                aria-invalid={!!errors.week} aria-describedby={describedBy(f('week'), errors, 'week', true)} />
            </Field>
          ) : null}
          <Field id={f('time')} label={t('result.time')} error={errors.time}>
            <input id={f('time')} name="time" value={clock} onChange={(e) => setClock(e.target.value)} size={5} placeholder="09:00"
              aria-invalid={!!errors.time} aria-describedby={[describedBy(f('time'), errors, 'time'), f('rule')].filter(Boolean).join(' ')} />
          </Field>
          <Field id={f('value')} label={t(kind === 'level' ? 'result.valueLevel' : 'result.valueCount')} error={errors.value}>
            <input id={f('value')} name="value" value={value} onChange={(e) => setValue(e.target.value)} size={7} inputMode="decimal"
              aria-invalid={!!errors.value} aria-describedby={describedBy(f('value'), errors, 'value')} />
          </Field>
          <Field id={f('unit')} label={t('result.unit')} error={errors.unit}>
            <select id={f('unit')} name="unit" value={unit} onChange={(e) => setUnit(e.target.value)}
              aria-invalid={!!errors.unit} aria-describedby={describedBy(f('unit'), errors, 'unit')}>
              {unitOptions(kind, lang).map((u) => <option key={u.value} value={u.value}>{u.label}</option>)}
            </select>
          </Field>
          {kind === 'level' ? (
            <Field id={f('sample')} label={t('result.sample')} error={errors.sample}>
              <select id={f('sample')} name="sample" value={sample} onChange={(e) => setSample(e.target.value as 'venous' | 'capillary')}
                aria-invalid={!!errors.sample} aria-describedby={describedBy(f('sample'), errors, 'sample')}>
                <option value="venous">{t('result.sampleVenous')}</option>
                <option value="capillary">{t('result.sampleCapillary')}</option>
              </select>
            </Field>
          ) : null}
          <Field id={f('note')} label={t('result.note')} error={errors.note}>
            <input id={f('note')} name="note" value={note} onChange={(e) => setNote(e.target.value)} size={14} />
          </Field>
        </div>
        {errors.form ? <p className="field-error" role="alert">{errors.form}</p> : null}
        <p className="form-buttons">
          <button type="submit" className="primary" data-testid="save-result" disabled={busy}>{t('result.save')}</button>{' '}
          <button type="button" onClick={onClose}>{t('form.close')}</button>
        </p>
        {notice ? <p className="notice" role="status">{notice}</p> : null}
      </form>
      {question}
    </section>
  );
}
