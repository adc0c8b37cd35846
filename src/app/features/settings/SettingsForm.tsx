/**
 * The settings a clinic can set and a patient can override: natalizumab target (10, 5 or
 * custom), required probability, maximum interval and infusion weekday; ocrelizumab B-cell
 * threshold, assay limit and count schedule. An empty field means "inherit" (the clinic's value
 * for a patient, the model's documented default for the clinic), shown as the placeholder.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineSettings } from '../../../core/engine';
import { LIMITS, NAT_FIELDS, OCR_FIELDS, PERCENT_FIELDS, type NatField, type OcrField } from '../../lib/settings';
import { formatNumber, normaliseDecimal, type Lang } from '../../lib/dates';
import { unitText } from '../../../i18n/catalog';

type Field = NatField | OcrField;
type Draft = Record<Field, string>;

interface Props {
  value: EngineSettings;
  /** What an empty field falls back to (shown as placeholder). */
  inherited: EngineSettings;
  /** Which drugs to show (a patient sees only its own). */
  drugs: ('natalizumab' | 'ocrelizumab')[];
  onSave: (s: EngineSettings) => Promise<void> | void;
  saveLabel: string;
}

const drugOf = (f: Field) => ((NAT_FIELDS as readonly string[]).includes(f) ? 'natalizumab' : 'ocrelizumab');

function toDraft(v: EngineSettings, lang: Lang): Draft {
  const out = {} as Draft;
  for (const f of [...NAT_FIELDS, ...OCR_FIELDS]) {
    const x = (v[drugOf(f)] as Record<string, unknown>)[f];
    out[f] = x === undefined || x === null ? (f === 'infusionWeekday' && x === null ? 'none' : '') : PERCENT_FIELDS.includes(f) ? formatNumber((x as number) * 100, lang, 1) : formatNumber(x as number, lang, 2);
  }
  return out;
}

/**
 * The form's fields as settings: an empty field is left out (inherited), a number out of its range
 * is an error naming the range. A personal target chosen with a reason (the wearing-off card, issue
 * 19) keeps its reason while the target is unchanged.
 */
function readDraft(draft: Draft, sample: string, value: EngineSettings, t: (k: string, o?: Record<string, unknown>) => string, lang: Lang): { out: EngineSettings; errs: Partial<Record<Field, string>> } {
  const out: EngineSettings = { natalizumab: {}, ocrelizumab: {} };
  const errs: Partial<Record<Field, string>> = {};
  for (const f of [...NAT_FIELDS, ...OCR_FIELDS]) {
    const text = draft[f].trim();
    if (text === '') continue;
    const target = out[drugOf(f)] as Record<string, unknown>;
    if (f === 'infusionWeekday') { target[f] = text === 'none' ? null : Number(text); continue; }
    let x = Number(normaliseDecimal(text));
    const pct = PERCENT_FIELDS.includes(f);
    if (pct) x = x / 100;
    const lim = LIMITS[f];
    const isInt = lim.step === 1;
    if (pct) x = Math.round(x * 10000) / 10000;
    if (!Number.isFinite(x) || x < lim.min || x > lim.max || (isInt && !Number.isInteger(x))) {
      const k = pct ? 100 : 1;
      errs[f] = t('settings.range', { min: formatNumber(lim.min * k, lang, 2), max: formatNumber(lim.max * k, lang, 2) });
      continue;
    }
    target[f] = x;
  }
  if (sample === 'venous' || sample === 'capillary') out.natalizumab.nextTroughSample = sample;
  const reason = value.natalizumab.targetReason;
  if (reason && out.natalizumab.target !== undefined && out.natalizumab.target === value.natalizumab.target) out.natalizumab.targetReason = reason;
  return { out, errs };
}

export function SettingsForm({ value, inherited, drugs, onSave, saveLabel }: Props) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'nl' ? 'nl' : 'en') as Lang;
  const [draft, setDraft] = useState<Draft>(() => toDraft(value, lang));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState(false);
  // A save refused for a field: counted, so each refusal moves the focus to the first field marked.
  const [refused, setRefused] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => { if (refused) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(); }, [refused]);
  const [customTarget, setCustomTarget] = useState(false);
  // How the next natalizumab trough is planned: '' inherits, else venous or capillary (home finger-prick).
  const [sample, setSample] = useState<string>(value.natalizumab.nextTroughSample ?? '');
  const id = useId();
  useEffect(() => { setDraft(toDraft(value, lang)); setSample(value.natalizumab.nextTroughSample ?? ''); }, [value, lang]);
  const sampleText = (s: string | undefined) => t(s === 'capillary' ? 'settings.sampleCapillary' : 'settings.sampleVenous');

  const inheritedText = (f: Field): string => {
    const x = (inherited[drugOf(f)] as Record<string, unknown>)[f];
    if (f === 'infusionWeekday') return x === null || x === undefined ? t('settings.anyDay') : t(`weekday.${x as number}`);
    if (x === undefined) return '';
    return PERCENT_FIELDS.includes(f) ? formatNumber((x as number) * 100, lang, 1) : formatNumber(x as number, lang, 2);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { out, errs } = readDraft(draft, sample, value, t, lang);
    setErrors(errs);
    if (Object.keys(errs).length) { setSaved(false); setRefused((n) => n + 1); return; }
    setRefused(0);
    await onSave(out);
    setSaved(true);
    setTimeout(() => setSaved(false), 2500);
  };

  const set = (f: Field, v: string) => setDraft((d) => ({ ...d, [f]: v }));
  const numberField = (f: Field, unit: string) => (
    <div className="field" key={f}>
      <label htmlFor={`${id}-${f}`}>{t(`settings.${f}`)}</label>
      <input id={`${id}-${f}`} name={f} inputMode="decimal" value={draft[f]} onChange={(e) => set(f, e.target.value)}
        placeholder={inheritedText(f)} aria-invalid={!!errors[f]} aria-describedby={`${id}-${f}-help`} size={6} />
      <span className="unit">{unit}</span>
      <span id={`${id}-${f}-help`} className={errors[f] ? 'field-error' : 'help'}>{errors[f] ?? t('settings.inherit', { value: inheritedText(f) })}</span>
    </div>
  );

  const targetPreset = customTarget || !['', '10', '5'].includes(draft.target) ? 'custom' : draft.target;

  return (
    <form className="settings-form" onSubmit={submit} noValidate ref={form}>
      {drugs.includes('natalizumab') ? (
        <fieldset>
          <legend>{t('drug.natalizumab')}</legend>
          <div className="field">
            <label htmlFor={`${id}-targetPreset`}>{t('settings.target')}</label>
            <select id={`${id}-targetPreset`} value={targetPreset} onChange={(e) => { setCustomTarget(e.target.value === 'custom'); if (e.target.value !== 'custom') set('target', e.target.value); }}>
              <option value="">{t('settings.inherit', { value: `${inheritedText('target')} µg/mL` })}</option>
              <option value="10">{t('settings.target10')}</option>
              <option value="5">{t('settings.target5')}</option>
              <option value="custom">{t('settings.targetCustom')}</option>
            </select>
            {targetPreset === 'custom' ? (
              <>
                <input aria-label={t('settings.targetCustomValue')} inputMode="decimal" value={draft.target} onChange={(e) => set('target', e.target.value)} size={5} aria-invalid={!!errors.target} />
                <span className="unit">µg/mL</span>
              </>
            ) : null}
            {errors.target ? <span className="field-error" role="alert">{errors.target}</span> : null}
          </div>
          {numberField('probability', '%')}
          {numberField('maxIntervalWeeks', t('settings.weeks'))}
          <div className="field">
            <label htmlFor={`${id}-wd`}>{t('settings.infusionWeekday')}</label>
            <select id={`${id}-wd`} value={draft.infusionWeekday} onChange={(e) => set('infusionWeekday', e.target.value)} aria-describedby={`${id}-wd-help`}>
              <option value="">{t('settings.inherit', { value: inheritedText('infusionWeekday') })}</option>
              <option value="none">{t('settings.anyDay')}</option>
              {[1, 2, 3, 4, 5, 6, 0].map((d) => <option key={d} value={String(d)}>{t(`weekday.${d}`)}</option>)}
            </select>
            <span id={`${id}-wd-help`} className="help">{t('settings.weekdayHelp')}</span>
          </div>
          <div className="field">
            <label htmlFor={`${id}-sample`}>{t('settings.nextTroughSample')}</label>
            <select id={`${id}-sample`} name="nextTroughSample" value={sample} onChange={(e) => setSample(e.target.value)} aria-describedby={`${id}-sample-help`}>
              <option value="">{t('settings.inherit', { value: sampleText(inherited.natalizumab.nextTroughSample) })}</option>
              <option value="venous">{t('settings.sampleVenous')}</option>
              <option value="capillary">{t('settings.sampleCapillary')}</option>
            </select>
            <span id={`${id}-sample-help`} className="help">{t('settings.sampleHelp')}</span>
          </div>
        </fieldset>
      ) : null}
      {drugs.includes('ocrelizumab') ? (
        <fieldset>
          <legend>{t('drug.ocrelizumab')}</legend>
          {numberField('threshold', unitText('cells/µL', lang))}
          {numberField('labLimit', unitText('cells/µL', lang))}
          {numberField('firstCountWeek', t('settings.weeksAfterDose'))}
          {numberField('countEveryWeeks', t('settings.weeks'))}
          {numberField('maxWeeks', t('settings.weeksAfterDose'))}
          {numberField('redoseQuantile', t('settings.percentile'))}
          {numberField('countQuantile', t('settings.percentile'))}
        </fieldset>
      ) : null}
      <p>
        <button type="submit">{saveLabel}</button>
        {saved ? <span role="status" className="saved"> {t('settings.saved')}</span> : null}
        {refused ? <span role="alert" className="field-error" data-testid="settings-not-saved"> {t('settings.notSaved', { ns: 'walkfix' })}</span> : null}
      </p>
    </form>
  );
}
