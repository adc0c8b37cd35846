/**
 * The app's FHIR export (spec/fhir.md): the open patient or all patients, their records and
 * current proposals (a clinician's recorded choice as the plan with its reason) as one Bundle,
 * written by the core's one writer (src/core/fhir/write.ts), so the app and `tdm fhir` agree; the
 * choice is mapped as the SMART write-back maps it (src/app/smart/adapter.ts `fhirChoice`).
 */
import type { PatientError, PatientReport } from '../../../core/report/types';
import type { FhirChoice, LocalCodes } from '../../../core/fhir/index';
import type { StoredPatient } from '../../storage/db';
import { isReport } from '../../lib/plan';
import { runtimeTimeZone } from '../../../core/time';
import type { CatalogLang } from '../../../i18n/catalog';

/** The browser's time zone: the records' wall-clock times are the clinic's. */
export function browserTimeZone(): string {
  return runtimeTimeZone();
}

/** The Bundle's JSON text for these patients. */
export async function fhirExportText(
  patients: StoredPatient[],
  reports: Map<string, PatientReport | PatientError | undefined>,
  localCodes: LocalCodes | undefined,
  appVersion: string,
  /** The words of a chosen option (as on the card), written after the chosen date. */
  labelOf?: (report: PatientReport, option: string) => string,
  /** The language of the proposals' notes (the screen's). @default 'en' */
  lang: CatalogLang = 'en',
): Promise<string> {
  const [{ recordsToBundle }, { fhirChoice }] = await Promise.all([import('../../../core/fhir/write'), import('../../smart/adapter')]);
  const current = new Map<string, PatientReport | PatientError>();
  const choices = new Map<string, FhirChoice>();
  for (const p of patients) {
    const r = reports.get(p.id);
    if (!r) continue;
    current.set(p.id, r);
    if (isReport(r)) {
      const c = fhirChoice(r, p.choice ?? null, p.choice && labelOf ? labelOf(r, p.choice.option) : undefined);
      if (c) choices.set(p.id, c);
    }
  }
  const newId = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? () => crypto.randomUUID() : undefined;
  const bundle = recordsToBundle(patients.map((p) => p.record), current, {
    timeZone: browserTimeZone(), now: Date.now(), appVersion, lang, ...(localCodes ? { localCodes } : {}), ...(newId ? { newId } : {}),
  }, choices);
  return JSON.stringify(bundle, null, 1);
}
