/** The clinic's drug price per infusion (settings), for the outcomes view's cost avoided (issue 19). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Drug } from '../../../core/types';
import { normaliseDecimal } from '../../lib/dates';

export interface PriceFormProps {
  value: Partial<Record<Drug, number>>;
  onSave: (prices: Partial<Record<Drug, number>>) => Promise<void>;
}

/** A typed price (`1450`, `1450.50`, `1450,50`) as a number; '' is none; null when not a price. */
export function readPrice(text: string): number | undefined | null {
  const s = normaliseDecimal(text.trim());
  if (s === '') return undefined;
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const x = Number(s);
  return x > 0 ? x : null;
}

export function PriceForm({ value, onSave }: PriceFormProps) {
  const { t, i18n } = useTranslation('wearing');
  const shown = (x: number | undefined) => (x === undefined ? '' : i18n.language === 'nl' ? String(x).replace('.', ',') : String(x));
  const [text, setText] = useState<Record<Drug, string>>({ natalizumab: shown(value.natalizumab), ocrelizumab: shown(value.ocrelizumab) });
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  return (
    <form className="price-form" data-testid="price-form" onSubmit={(e) => {
      e.preventDefault();
      const out: Partial<Record<Drug, number>> = {};
      for (const d of ['natalizumab', 'ocrelizumab'] as const) {
        const x = readPrice(text[d]);
        if (x === null) { setError(t('price.invalid', { value: text[d].trim() })); setSaved(false); return; }
        if (x !== undefined) out[d] = x;
      }
      setError('');
      void onSave(out).then(() => setSaved(true));
    }}>
      <fieldset>
        <legend>{t('price.title')}</legend>
        {(['natalizumab', 'ocrelizumab'] as const).map((d) => (
          <label key={d}>{t(`price.${d}`)}{' '}
            <input name={`price_${d}`} value={text[d]} size={9} inputMode="decimal" aria-describedby="price-help" aria-invalid={!!error}
              onChange={(e) => { setText({ ...text, [d]: e.target.value }); setSaved(false); }} />{' '}
          </label>
        ))}
        <button type="submit">{t('price.save')}</button>
        <span id="price-help" className="field-hint"> {t('price.help')}</span>
        {error ? <p className="field-error" role="alert">{error}</p> : null}
        {saved ? <span role="status"> {t('price.saved')}</span> : null}
      </fieldset>
    </form>
  );
}
