/**
 * What can be wrong with a session or backup file (src/app/lib/session.ts) or the settings in it
 * (src/app/lib/settings.ts), as data: a code with its values, so the page says it in the user's
 * language. English here (the words the tests assert); Dutch in src/app/i18n/session-nl.ts, with
 * the same switch, so the compiler checks that every code has both.
 */
import type { Issue } from '../../core/types';

/** What is wrong with the settings (clinic or a patient's overrides) read from a file. */
export type SettingsProblem =
  | { code: 'settings-not-object' }
  | { code: 'settings-drug-not-object'; drug: string }
  | { code: 'settings-sample' }
  | { code: 'settings-reason'; max: number }
  | { code: 'settings-range'; drug: string; field: string; min: number; max: number };

/** What is wrong with a session file. `where` is the JSON path of the patient (patients[i]). */
export type SessionProblem =
  | { code: 'not-json'; detail: string }
  | { code: 'not-session'; format: string }
  | { code: 'newer-version'; version: string; supported: number }
  | { code: 'no-version'; supported: number }
  | { code: 'no-patient-list' }
  | { code: 'settings'; problem: SettingsProblem }
  | { code: 'overrides'; where: string; problem: SettingsProblem }
  | { code: 'not-object'; where: string }
  | { code: 'record-missing'; where: string }
  | { code: 'id-not-text'; where: string }
  | { code: 'drug'; where: string }
  | { code: 'not-list'; where: string; list: string }
  | { code: 'no-time'; where: string; list: string; index: number }
  | { code: 'issues-not-list'; where: string }
  /** A record refused by the sense checks of typing and importing: the records issue says why. */
  | { code: 'refused'; where: string; id: string; at?: string; issue: Issue }
  | { code: 'unreadable'; where: string; id: string; rows: number; read: number }
  | { code: 'stored-value'; where: string; id: string; kind: string; at: string; stored: string; written: string }
  | { code: 'stored-time'; where: string; id: string; kind: string; at: string }
  | { code: 'twice'; where: string; id: string }
  | { code: 'choice'; where: string }
  /** A field of the wrong type (a note that is an object, an issue that is null…): `path` inside patients[i]. */
  | { code: 'field'; where: string; path: string; expected: FieldExpectation }
  /** A row of another kind than its list holds (a dose among the levels). */
  | { code: 'kind-in-list'; where: string; path: string; kind: string; list: string; expected: string }
  /** A saved report that is not one (null, no patient id, no proposal or error). */
  | { code: 'report'; index: number }
  /** More rows than a file may hold. */
  | { code: 'too-large'; rows: number; max: number };

/** What a field must be. */
export type FieldExpectation = 'text' | 'number' | 'boolean' | 'object' | 'route' | 'sample' | 'severity' | 'kind' | 'score';

const EXPECTED_EN: Record<FieldExpectation, string> = {
  text: 'text', number: 'a number', boolean: 'true or false', object: 'an object', route: 'iv or sc',
  sample: 'venous or capillary', severity: 'error, warning or info', kind: 'dose, level, bcell, weight or wearing_off', score: '0, 1, 2 or 3',
};

export function settingsProblemText(p: SettingsProblem): string {
  switch (p.code) {
    case 'settings-not-object': return 'settings must be an object';
    case 'settings-drug-not-object': return `settings.${p.drug} must be an object`;
    case 'settings-sample': return 'settings.natalizumab.nextTroughSample must be venous or capillary';
    case 'settings-reason': return `settings.natalizumab.targetReason must be text of 1 to ${p.max} characters`;
    case 'settings-range': return `settings.${p.drug}.${p.field} must be a number from ${p.min} to ${p.max}`;
  }
}

/** The records issue's own (English) message without the parser's `session:line: ` prefix. */
export function refusedMessage(issue: Issue): string {
  return issue.message.replace(/^session:\d+: /, '');
}

export function sessionProblemText(p: SessionProblem): string {
  switch (p.code) {
    case 'not-json': return `not a JSON file (${p.detail})`;
    case 'not-session': return `not an MS Interval session file (expected "format": "${p.format}")`;
    case 'newer-version': return `session format version ${p.version} is newer than this app understands (${p.supported})`;
    case 'no-version': return `the file has no "formatVersion" (a number; this app reads version ${p.supported})`;
    case 'no-patient-list': return 'the file has no patient list';
    case 'settings': return settingsProblemText(p.problem);
    case 'overrides': return `${p.where}: ${settingsProblemText(p.problem)}`;
    case 'not-object': return `${p.where} is not an object`;
    case 'record-missing': return `${p.where}: record missing`;
    case 'id-not-text': return `${p.where}: id must be text`;
    case 'drug': return `${p.where}: drug must be natalizumab or ocrelizumab`;
    case 'not-list': return `${p.where}: ${p.list} must be a list`;
    case 'no-time': return `${p.where}: ${p.list}[${p.index}] has no valid time`;
    case 'issues-not-list': return `${p.where}: issues must be a list`;
    case 'refused': return `${p.where} (patient ${p.id})${p.at ? `, row of ${p.at}` : ''}: ${refusedMessage(p.issue)}`;
    case 'unreadable': return `${p.where} (patient ${p.id}): the record cannot be read back as written (${p.rows} rows, ${p.read} read)`;
    case 'stored-value': return `${p.where} (patient ${p.id}), ${p.kind} of ${p.at}: the stored value (${p.stored}) is not what its written form says (${p.written}); the file was changed by hand or damaged`;
    case 'stored-time': return `${p.where} (patient ${p.id}), ${p.kind} of ${p.at}: the stored time is not that date and time; the file was changed by hand or damaged`;
    case 'twice': return `${p.where}: patient ${p.id} appears twice`;
    case 'choice': return `${p.where}: choice must have an option and a reason`;
    case 'field': return `${p.where}: ${p.path} must be ${EXPECTED_EN[p.expected]}`;
    case 'kind-in-list': return `${p.where}: ${p.path} is a ${p.kind}; ${p.list} holds only ${p.expected} rows`;
    case 'report': return `reports[${p.index}] is not a report: an object with a patientId and a proposal or an error`;
    case 'too-large': return `the file holds ${p.rows} rows; at most ${p.max} are read at once`;
  }
}
