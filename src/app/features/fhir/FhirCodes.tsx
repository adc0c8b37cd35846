/**
 * The FHIR codes in the model details (from the core's one code module, with their [?] status and
 * the clinic's own lab codes), and the settings form for those lab codes.
 */
import { useContext, useState } from 'react';
import { LocalCodesContext } from './local-codes-context';
import { useTranslation } from 'react-i18next';
import './fhir.css';
import { CODES, LOCAL_CODE_ROLES, codeToken, parseCodeToken, type Coding, type LocalCodeRole, type LocalCodes } from '../../../core/fhir/codes';
import type { Drug } from '../../../core/types';

const DRUG_ROLES: Record<Drug, string[]> = {
  natalizumab: ['natalizumab', 'level', 'weight', 'route-iv', 'route-sc', 'sample-capillary', 'sample-venous', 'wearing_off', 'plan-note', 'category-laboratory'],
  ocrelizumab: ['ocrelizumab', 'bcell', 'route-iv', 'wearing_off', 'plan-note', 'category-laboratory'],
};

/** The codes one drug's data use in the record, [?] marking those still to confirm. */
export function FhirCodesTable({ drug, localCodes, testId = 'fhir-codes' }: { drug: Drug; localCodes?: LocalCodes; testId?: string }) {
  const { t } = useTranslation('fhir');
  const rows = CODES.filter((c) => DRUG_ROLES[drug].includes(c.role));
  // The clinic's own: the result this drug is planned on, and the drug's medication code.
  const roles: LocalCodeRole[] = drug === 'natalizumab' ? ['natalizumab', 'level'] : ['ocrelizumab', 'bcell'];
  const local = roles.flatMap((role) => (localCodes?.[role] ?? []).map((c) => [role, c] as const));
  return (
    <div className="fhir-codes" data-testid={testId}>
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
            <tr key={`local|${role}|${codeToken(c)}`}>
              <th scope="row">{t(`codes.roles.${role}`)}</th><td>{c.system}</td><td>{c.code}</td><td>{t('codes.local')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The table in the model details, with the clinic's codes from the app's context. */
export function FhirCodesInDetails({ drug, testId }: { drug: Drug; testId?: string }) {
  return <FhirCodesTable drug={drug} localCodes={useContext(LocalCodesContext)} testId={testId} />;
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

/** The settings' fields, one per role: the lab's codes first, then the medication codes. */
const FIELDS: readonly LocalCodeRole[] = LOCAL_CODE_ROLES;

/** Settings: the clinic's lab codes for a natalizumab level and a CD19 count, and its medication codes. */
export function LocalCodesForm({ value, onSave }: { value: LocalCodes | undefined; onSave: (codes: LocalCodes) => Promise<void> }) {
  const { t } = useTranslation('fhir');
  const [texts, setTexts] = useState<Record<LocalCodeRole, string>>(() =>
    Object.fromEntries(FIELDS.map((r) => [r, (value?.[r] ?? []).map(codeToken).join('\n')])) as Record<LocalCodeRole, string>);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const submit = () => {
    const codes: LocalCodes = {};
    for (const role of FIELDS) {
      const r = readLines(texts[role]);
      if ('line' in r) { setError(t('settings.invalid', { field: t(`settings.${role}`), line: r.line, value: r.value })); setSaved(false); return; }
      if (r.codes.length) codes[role] = r.codes;
    }
    setError('');
    void onSave(codes).then(() => setSaved(true));
  };
  return (
    <form className="local-codes" data-testid="fhir-local-codes" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <h3>{t('settings.heading')}</h3>
      <p>{t('settings.intro')}</p>
      {FIELDS.map((role) => (
        <p key={role}>
          <label htmlFor={`fhir-${role}-codes`}>{t(`settings.${role}`)}</label><br />
          <textarea id={`fhir-${role}-codes`} name={`fhir_${role}_codes`} rows={2} cols={60} value={texts[role]} placeholder={t('settings.example')}
            onChange={(e) => { setTexts({ ...texts, [role]: e.target.value }); setSaved(false); }} aria-invalid={!!error} />
        </p>
      ))}
      <button type="submit">{t('settings.save')}</button>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {saved ? <span role="status"> {t('settings.saved')}</span> : null}
    </form>
  );
}
