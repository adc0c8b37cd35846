/**
 * The FHIR codes in the model details (from the core's one code module, with their [?] status and
 * the clinic's own lab codes), and the settings form for those lab codes.
 */
import { useContext, useState } from 'react';
import { LocalCodesContext } from './local-codes-context';
import { useTranslation } from 'react-i18next';
import { CODES, codeToken, parseCodeToken, type Coding, type LocalCodes } from '../../../core/fhir/codes';
import type { Drug } from '../../../core/types';

const DRUG_ROLES: Record<Drug, string[]> = {
  natalizumab: ['natalizumab', 'level', 'weight', 'route-iv', 'route-sc', 'sample-capillary', 'sample-venous', 'wearing_off', 'plan-note', 'category-laboratory'],
  ocrelizumab: ['ocrelizumab', 'bcell', 'route-iv', 'wearing_off', 'plan-note', 'category-laboratory'],
};

/** The codes one drug's data use in the record, [?] marking those still to confirm. */
export function FhirCodesTable({ drug, localCodes }: { drug: Drug; localCodes?: LocalCodes }) {
  const { t } = useTranslation('fhir');
  const rows = CODES.filter((c) => DRUG_ROLES[drug].includes(c.role));
  const local = [...(drug === 'natalizumab' ? (localCodes?.level ?? []).map((c) => ['level', c] as const) : (localCodes?.bcell ?? []).map((c) => ['bcell', c] as const))];
  return (
    <div className="fhir-codes" data-testid="fhir-codes">
      <h4>{t('codes.heading')}</h4>
      <p className="proposal__muted">{t('codes.intro')}</p>
      <table className="proposal__table">
        <thead><tr><th scope="col">{t('codes.role')}</th><th scope="col">{t('codes.system')}</th><th scope="col">{t('codes.code')}</th><th scope="col">{t('codes.status')}</th></tr></thead>
        <tbody>
          {rows.map((c) => (
            <tr key={`${c.role}|${c.code}`} data-confirmed={c.confirmed}>
              <th scope="row">{t(`codes.roles.${c.role}`)}</th><td>{c.system}</td><td>{c.code}</td>
              <td>{c.confirmed ? t('codes.confirmed') : t('codes.unconfirmed')}</td>
            </tr>
          ))}
          {local.map(([role, c]) => (
            <tr key={`local|${codeToken(c)}`}>
              <th scope="row">{t(`codes.roles.${role}`)}</th><td>{c.system}</td><td>{c.code}</td><td>{t('codes.local')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The table in the model details, with the clinic's codes from the app's context. */
export function FhirCodesInDetails({ drug }: { drug: Drug }) {
  return <FhirCodesTable drug={drug} localCodes={useContext(LocalCodesContext)} />;
}

/** Lines of `system|code` as codings, or the first line that is not one. */
function readLines(text: string): { codes: Coding[] } | { line: number; value: string } {
  const codes: Coding[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i].trim();
    if (s === '') continue;
    const c = parseCodeToken(s);
    if (typeof c === 'string') return { line: i + 1, value: s };
    codes.push(c);
  }
  return { codes };
}

/** Settings: the clinic's lab codes for a natalizumab level and a CD19 count. */
export function LocalCodesForm({ value, onSave }: { value: LocalCodes | undefined; onSave: (codes: LocalCodes) => Promise<void> }) {
  const { t } = useTranslation('fhir');
  const [level, setLevel] = useState((value?.level ?? []).map(codeToken).join('\n'));
  const [bcell, setBcell] = useState((value?.bcell ?? []).map(codeToken).join('\n'));
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const submit = () => {
    const a = readLines(level);
    const b = readLines(bcell);
    for (const r of [a, b]) if ('line' in r) { setError(t('settings.invalid', { line: r.line, value: r.value })); setSaved(false); return; }
    setError('');
    const codes: LocalCodes = { ...value };
    if ('codes' in a) codes.level = a.codes;
    if ('codes' in b) codes.bcell = b.codes;
    void onSave(codes).then(() => setSaved(true));
  };
  return (
    <form className="local-codes" data-testid="fhir-local-codes" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <h3>{t('settings.heading')}</h3>
      <p>{t('settings.intro')}</p>
      <p>
        <label htmlFor="fhir-level-codes">{t('settings.level')}</label><br />
        <textarea id="fhir-level-codes" name="fhir_level_codes" rows={2} cols={60} value={level} placeholder={t('settings.example')}
          onChange={(e) => { setLevel(e.target.value); setSaved(false); }} aria-invalid={!!error} />
      </p>
      <p>
        <label htmlFor="fhir-bcell-codes">{t('settings.bcell')}</label><br />
        <textarea id="fhir-bcell-codes" name="fhir_bcell_codes" rows={2} cols={60} value={bcell} placeholder={t('settings.example')}
          onChange={(e) => { setBcell(e.target.value); setSaved(false); }} aria-invalid={!!error} />
      </p>
      <button type="submit">{t('settings.save')}</button>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {saved ? <span role="status"> {t('settings.saved')}</span> : null}
    </form>
  );
}
