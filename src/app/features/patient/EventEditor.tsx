/**
 * The row being added or edited in the data table: a field per column, the weight's accepted range,
 * and the records check's messages on the fields that are wrong.
 */
import { useTranslation } from 'react-i18next';
import type { Drug, Issue } from '../../../core/types';
import { kindsFor, shortMessage, unitOptions, UNITS, type RowKind } from '../../lib/rows';
import type { Lang } from '../../lib/dates';
import { issueText } from '../../../i18n/sentences';
import { WEIGHT_ACCEPTED, WEIGHT_MODEL_RANGE } from '../../../core/records/plausible';
import type { Draft } from './event-draft';

export interface EventEditorProps {
  d: Draft;
  setDraft: (d: Draft) => void;
  editing: number | 'new';
  drug: Drug;
  kindText: (k: RowKind) => string;
  /** The records check's messages about this row. */
  own: { row: number | null; issue: Issue }[];
  errId: string;
  busy: boolean;
  onCancel: () => void;
  lang: Lang;
}

export function EventEditor({ d, setDraft, editing, drug, kindText, own, errId, busy, onCancel, lang }: EventEditorProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch });
  // The message sits on the field that is wrong: that field is marked invalid and described by it.
  const bad = (column: string) => own.some((m) => m.issue.column === column);
  const describe = (column: string) => (bad(column) ? errId : undefined);
  return (
    <>
    {/* A row being added is not on record yet: only the rows on record carry the event-row hook. */}
    {/* The editor is one full-width row whose fields wrap (each with its visible label): at 1366×768
        the value field, Save and Cancel and the message below stay in view, nothing scrolls sideways. */}
    <tr className="editing" data-testid={editing === 'new' ? 'event-row-new' : 'event-row'}>
      <td colSpan={7}>
        <div className="row-editor">
          <label className="re-field"><span>{t('entry.kind')}</span>
            <select aria-label={t('entry.kind')} value={d.kind} disabled={editing !== 'new'}
              onChange={(e) => { const k = e.target.value as RowKind; set({ kind: k, unit: UNITS[k][0], route: k === 'dose' ? 'iv' : '', value: k === 'dose' ? '300' : '', sample: k === 'level' ? 'venous' : '' }); }}>
              {[...kindsFor(drug), ...(d.kind === 'wearing_off' ? ['wearing_off' as const] : [])].map((k) => <option key={k} value={k}>{kindText(k)}</option>)}
            </select>
          </label>
          <label className="re-field"><span>{t('entry.time')}</span>
            <input aria-label={t('entry.time')} value={d.time} onChange={(e) => set({ time: e.target.value })} placeholder={t('entry.timePlaceholder')}
              required size={16} aria-invalid={bad('time')} aria-describedby={describe('time')} autoFocus />
          </label>
          <label className="re-field"><span>{t('entry.value')}</span>
            <input aria-label={t('entry.value')} value={d.value} onChange={(e) => set({ value: e.target.value })} inputMode="decimal" size={7} required
              aria-invalid={bad('value')} aria-describedby={describe('value')} />
          </label>
          <label className="re-field"><span>{t('entry.unit')}</span>
            <select aria-label={t('entry.unit')} value={d.unit} onChange={(e) => set({ unit: e.target.value })} aria-invalid={bad('unit')} aria-describedby={describe('unit')}>
              {unitOptions(d.kind, lang, d.unit).map((u) => <option key={u.value} value={u.value}>{u.label}</option>)}
            </select>
          </label>
          {d.kind === 'dose' ? (
            <>
              <label className="re-field"><span>{t('entry.route')}</span>
                <select aria-label={t('entry.route')} value={d.route} onChange={(e) => set({ route: e.target.value })}>
                  <option value="iv">IV</option><option value="sc">SC</option>
                </select>
              </label>
              <label className="re-field"><span>{t('entry.duration')}</span>
                <input aria-label={t('entry.duration')} value={d.duration_min} onChange={(e) => set({ duration_min: e.target.value })} size={4} inputMode="numeric" placeholder={t('entry.durationPlaceholder')} />
              </label>
            </>
          ) : d.kind === 'level' ? (
            <label className="re-field"><span>{t('entry.sample')}</span>
              <select aria-label={t('entry.sample')} name="sample" value={d.sample} onChange={(e) => set({ sample: e.target.value })}>
                <option value="venous">{t('entry.sampleVenous')}</option>
                <option value="capillary">{t('entry.sampleCapillary')}</option>
              </select>
            </label>
          ) : null}
          <label className="re-field re-note"><span>{t('entry.note')}</span>
            <input aria-label={t('entry.note')} value={d.note} onChange={(e) => set({ note: e.target.value })} size={14} />
          </label>
          <span className="re-actions actions">
            <button type="submit" disabled={busy}>{t('entry.save')}</button>
            <button type="button" onClick={onCancel}>{t('entry.cancel')}</button>
          </span>
        </div>
      </td>
    </tr>
    {d.kind === 'weight' ? (
      <tr className="editing-hint"><td colSpan={7}>
        {t('entry.weightHint', { accMin: WEIGHT_ACCEPTED.min, accMax: WEIGHT_ACCEPTED.max, min: WEIGHT_MODEL_RANGE.min, max: WEIGHT_MODEL_RANGE.max })}
      </td></tr>
    ) : null}
    {own.length ? (
      <tr className="editing-errors">
        <td colSpan={7}>
          {/* The alert role on a wrapper: a list with role=alert is no longer a list (axe: listitem). */}
          <div role="alert">
            <ul id={errId} className="row-errors">
              {own.map((m, k) => {
                const text = shortMessage(issueText(m.issue, lang));
                const field = m.issue.column ? t(`entry.field.${m.issue.column}`, { defaultValue: m.issue.column }) : '';
                // Name the field, unless the message already starts with it ("value "x" …").
                const named = field !== '' && !text.toLowerCase().startsWith(field.toLowerCase());
                return <li key={k} data-field={m.issue.column}>{named ? <span className="field-name">{field}: </span> : null}{text}</li>;
              })}
            </ul>
          </div>
        </td>
      </tr>
    ) : null}
  </>
  );
}
