/**
 * The command line's FHIR part (shared/spec/cli.md, spec/fhir.md): reading a file that is a FHIR
 * Bundle rather than a TDM CSV (told apart by content), the clinic's local codes and time zone as
 * options, and `tdm fhir FILE`: the records and the proposals as one Bundle on standard output.
 */
import type { ParseResult, PatientRecord } from '../core/types';
import type { PatientError, PatientReport } from '../core/report/types';
import { parseTdmCsv } from '../core/records/index';
import { cliText } from './text';
import { LOCAL_CODE_ROLES, isTimeZone, looksLikeJson, parseCodeToken, readFhirText, recordsToBundle, type LocalCodeRole, type LocalCodes } from '../core/fhir/index';

/** The options of the FHIR part, for parseArgs (each code option may be repeated). */
export const FHIR_OPTIONS = {
  'level-code': { type: 'string', multiple: true },
  'bcell-code': { type: 'string', multiple: true },
  'natalizumab-code': { type: 'string', multiple: true },
  'ocrelizumab-code': { type: 'string', multiple: true },
  'time-zone': { type: 'string' },
} as const;

export const FHIR_USAGE = cliText('usage.fhir').split('\n');

export interface FhirCliSettings {
  localCodes: LocalCodes;
  timeZone: string;
}

/** The FHIR options as settings, or a usage error message. */
export function fhirSettings(values: Record<string, unknown>, defaultZone: string): FhirCliSettings | string {
  const localCodes: LocalCodes = {};
  for (const role of LOCAL_CODE_ROLES) {
    const given = values[`${role}-code`] as string[] | undefined;
    if (!given) continue;
    const list = [];
    for (const text of given) {
      const c = parseCodeToken(text);
      if (typeof c === 'string') return cliText('args.code', { name: `${role}-code`, problem: c });
      list.push(c);
    }
    localCodes[role as LocalCodeRole] = list;
  }
  const zone = (values['time-zone'] as string | undefined) ?? defaultZone;
  if (!isTimeZone(zone)) return cliText('args.time-zone', { name: 'time-zone', zone });
  return { localCodes, timeZone: zone };
}

/** A file's records: a FHIR Bundle when its text opens a JSON object or list, else a TDM CSV. */
export function readRecordsText(text: string, name: string, labLimit: number | undefined, fhir: FhirCliSettings): ParseResult & { fhir: boolean } {
  if (looksLikeJson(text)) {
    return { ...readFhirText(text, { fileName: name, localCodes: fhir.localCodes, timeZone: fhir.timeZone, ...(labLimit !== undefined ? { labLimit } : {}) }), fhir: true };
  }
  return { ...parseTdmCsv(text, name, labLimit !== undefined ? { labLimit } : undefined), fhir: false };
}

/** `tdm fhir`: the Bundle text (one JSON document). */
export function bundleText(patients: PatientRecord[], reports: Map<string, PatientReport | PatientError>, fhir: FhirCliSettings, now: number, appVersion: string): string {
  return JSON.stringify(recordsToBundle(patients, reports, { timeZone: fhir.timeZone, now, appVersion, localCodes: fhir.localCodes }), null, 2);
}
