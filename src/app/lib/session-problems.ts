/**
 * What can be wrong with a session or backup file (src/app/lib/session.ts) or the settings in it
 * (src/app/lib/settings.ts), as data: a code with its values, so the page says it in the user's
 * language. The sentences, English and Dutch, are the one catalog's namespace `session`
 * (src/i18n/session-en.ts, session-nl.ts; the compiler checks the Dutch has every key), rendered by
 * i18next; here only which sentence a problem is and its parameters.
 */
import type { Issue } from '../../core/types';
import { catalogLang, renderText, type Params } from '../../i18n/catalog';
import { issueText } from '../../i18n/sentences';

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
  | { code: 'stored-value'; where: string; id: string; kind: string; at: string; stored: EventMeaning; written: EventMeaning }
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

/**
 * The values a stored row stands for (`24.1 capillary`, `300 mg iv 60 min`), said by the catalog's
 * `session:meaning.<of>`; numbers as written, shown with the language's decimal mark.
 */
export type EventMeaning =
  | { of: 'dose'; mg: string; route: string; min: string }
  | { of: 'weight'; kg: string }
  | { of: 'wearing_off'; score: string }
  | { of: 'measured' | 'measured-capillary'; lt: string; value: string };

/** What a field must be. */
export type FieldExpectation = 'text' | 'number' | 'boolean' | 'object' | 'route' | 'sample' | 'severity' | 'kind' | 'score';

/** A sentence of the catalog's `session` namespace; the key itself when the catalog lacks it (never an empty message). */
function said(key: string, params: Params, lang: string | undefined): string {
  return renderText('session', key, params, lang) ?? key;
}

/** What is wrong with the settings, in the language (`en` when not given). */
export function settingsProblemIn(p: SettingsProblem, lang?: string): string {
  const { code, ...params } = p;
  return said(`settings.${code}`, params, lang);
}

/** What is wrong with the settings, in English. */
export function settingsProblemText(p: SettingsProblem): string {
  return settingsProblemIn(p, 'en');
}

/** The records issue's own (English) message without the parser's `session:line: ` prefix. */
export function refusedMessage(issue: Issue): string {
  return issue.message.replace(/^session:\d+: /, '');
}

/** A refused record's reason: the records issue said in the language (as written when it has no params). */
function refusedText(issue: Issue, lang: string | undefined): string {
  if (catalogLang(lang) === 'en' || !issue.params) return refusedMessage(issue);
  return issueText({ ...issue, file: undefined, message: refusedMessage(issue) }, lang);
}

/** A stored row's values in the language. */
function meaningIn(m: EventMeaning, lang: string | undefined): string {
  const { of, ...params } = m;
  return said(`meaning.${of}`, params, lang);
}

/** What is wrong with a session file, in the language (`en` when not given). */
export function sessionProblemIn(p: SessionProblem, lang?: string): string {
  switch (p.code) {
    case 'settings': return settingsProblemIn(p.problem, lang);
    case 'overrides': return said('overrides', { where: p.where, problem: settingsProblemIn(p.problem, lang) }, lang);
    case 'refused': return said(p.at ? 'refused_at' : 'refused', { where: p.where, id: p.id, at: p.at, text: refusedText(p.issue, lang) }, lang);
    case 'stored-value': return said('stored-value', { ...p, stored: meaningIn(p.stored, lang), written: meaningIn(p.written, lang) }, lang);
    default: {
      const { code, ...params } = p;
      return said(code, params, lang);
    }
  }
}

/** What is wrong with a session file, in English. */
export function sessionProblemText(p: SessionProblem): string {
  return sessionProblemIn(p, 'en');
}
