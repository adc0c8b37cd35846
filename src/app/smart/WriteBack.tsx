/**
 * Writing the proposal back to the record: a MedicationRequest (the plan or the proposal), a
 * DocumentReference (the text) and a Provenance. The same proposal and choice give the same key,
 * so a second click writes nothing twice; a partial write is said with what was written.
 */
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type Client from 'fhirclient/lib/Client';
import { version as appVersion } from '../../../package.json';
import type { PatientReport } from '../../core/report/types';
import type { LocalCodes } from '../../core/fhir/index';
import type { StoredPatient } from '../storage/db';
import { hashText } from '../lib/hash';
import { creator, tokenExpired } from './record';
import { failureSentence } from './errors';
import { writeBack, type Written } from './write-back';
import { buildProposal, fhirChoice } from './adapter';
import { choiceLabel } from '../features/proposal/choices';
import type { ReadInfo } from './use-launch';
import { catalogLang, type CatalogLang } from '../../i18n/catalog';

interface WriteState {
  busy: boolean;
  written: Written | null;
  /** The last click found everything already written. */
  already: boolean;
  failure: string | null;
}

const TYPES = ['MedicationRequest', 'DocumentReference', 'Provenance'] as const;

export interface WriteBackProps {
  client: RefObject<Client | null>;
  patient: StoredPatient;
  /** The current proposal (none while it is computed or when it failed). */
  report: PatientReport | null;
  readInfo: ReadInfo | null;
  localCodes: LocalCodes;
}

export function WriteBack({ client, patient, report, readInfo, localCodes }: WriteBackProps) {
  const { t, i18n } = useTranslation('smart');
  const [write, setWrite] = useState<WriteState>({ busy: false, written: null, already: false, failure: null });

  const onWrite = async () => {
    const c = client.current;
    if (!c || !patient || !report || !readInfo || write.busy) return;
    // The note is written in the screen's language, the chosen option's words too; the key is
    // the English note's (as the command line's), so the language does not make a second document.
    const lang = catalogLang(i18n.language);
    const labelIn = (l: CatalogLang) => patient.choice ? choiceLabel(report, patient.choice.option, (k, v) => i18n.getFixedT(l)(k, { ns: 'proposal', ...v }), l) : undefined;
    const built = buildProposal(report, readInfo.patientRef, fhirChoice(report, patient.choice, labelIn('en')), localCodes, { appVersion, now: Date.now() },
      { lang, choice: fhirChoice(report, patient.choice, labelIn(lang)) });
    // The same proposal (and choice) gives the same key: its resources are written once.
    const key = hashText(built.key);
    if (write.written && write.written.key === key && TYPES.every((ty) => write.written?.[ty])) {
      setWrite({ ...write, already: true, failure: null });
      return;
    }
    setWrite({ ...write, busy: true, already: false, failure: null });
    const out = await writeBack(built.resources, key, creator(c), write.written, () => tokenExpired(c));
    if (out.ok) setWrite({ busy: false, written: out.written, already: false, failure: null });
    else setWrite({ busy: false, written: out.written, already: false, failure: t('write.failed', { what: t(`write.what_${out.failedOn}`), error: failureSentence(out.failure, t) }) });
  };

  const complete = write.written && TYPES.every((ty) => write.written?.[ty]);
  const writtenList = write.written && TYPES.some((ty) => write.written?.[ty]) ? (
    <ul>{TYPES.filter((ty) => write.written?.[ty]).map((ty) => (
      <li key={ty} data-resource={ty} data-id={write.written?.[ty]}>{t(`write.item_${ty}`, { id: write.written?.[ty] })}</li>
    ))}</ul>
  ) : null;

  return (
  <section className="card smart-write" aria-labelledby="smart-write-title">
    <h2 id="smart-write-title">{t('write.title')}</h2>
    <p>{t('write.what', { intent: t(patient.choice ? 'write.intentPlan' : 'write.intentProposal'), version: appVersion })}</p>
    <button type="button" className="primary" data-testid="fhir-write-back" disabled={!report || write.busy} onClick={() => void onWrite()}>
      {write.busy ? t('write.busy') : write.failure ? t('write.retry') : t('write.button')}
    </button>
    {!report ? <p className="notice">{t('write.notReady')}</p> : null}
    <div role="status" aria-live="polite">
      {complete ? (
        <div data-testid="fhir-written">
          <p>{write.already ? t('write.already') : t('write.written')}</p>
          {writtenList}
        </div>
      ) : null}
    </div>
    {write.failure ? (
      <div className="card-error" role="alert" data-testid="fhir-write-failed">
        <p>{write.failure}</p>
        {writtenList ? <><p>{t('write.partial')}</p>{writtenList}</> : null}
      </div>
    ) : null}
  </section>
  );
}
