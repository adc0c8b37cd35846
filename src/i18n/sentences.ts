/**
 * The core's codes said in a language, from the one catalog (src/i18n/catalog.ts): an issue, a
 * proposal's reason, why a patient could not be planned, a protocol's name and rationale. Every
 * screen, the print, the exports and the CLI call these. Where a code, a template or a parameter
 * is missing (an issue without a code, a report saved by an older version), the text the report
 * carries is shown: never an empty or half-filled sentence.
 */
import type { Issue, TextParams } from '../core/types';
import type { PatientError, PatientReport } from '../core/report/types';
import { hasText, renderText, type CatalogNamespace } from './catalog';
import { fhirIssueText, isFhirCode } from './fhir-text';

/**
 * A sentence by its code in the `engine` namespace (parts joined by `;`, said joined by `; `), or
 * `fallback` (the text the report carries) when a code, a template or a parameter is missing.
 */
export function engineText(code: string | undefined, params: TextParams | undefined, fallback: string, lang: string | undefined): string {
  if (!code || !params) return fallback;
  const parts: string[] = [];
  for (const part of code.split(';')) {
    const text = renderText('engine', part, params, lang);
    if (text === null) return fallback;
    parts.push(text);
  }
  return parts.join('; ');
}

/** The template path of an issue: `code`, or `code.variant`. */
export function issuePath(issue: Pick<Issue, 'code' | 'variant'>): string {
  return issue.variant ? `${issue.code}.${issue.variant}` : issue.code;
}

/** The namespace an issue's code belongs to: the records module's or the engines'. */
export function issueNamespace(issue: Pick<Issue, 'code' | 'variant' | 'params'>): CatalogNamespace {
  return hasText('records', issuePath(issue), 'en', issue.params?.context) ? 'records' : 'engine';
}

/** `file:line: text`, or `file: text` (`file: where: text` for a FHIR resource), or the text alone. */
function locatedText(issue: Pick<Issue, 'file' | 'line' | 'where'>, text: string, lang: string | undefined): string {
  if (issue.file === undefined) return text;
  // A FHIR resource has no line: its place is the entry, resource and element path (spec/fhir.md).
  if (issue.line === undefined && issue.where) return renderText('records', 'located-file', { file: issue.file, message: `${issue.where}: ${text}` }, lang) ?? text;
  return (issue.line === undefined
    ? renderText('records', 'located-file', { file: issue.file, message: text }, lang)
    : renderText('records', 'located', { file: issue.file, line: issue.line, message: text }, lang)) ?? text;
}

/**
 * A form's own issue (file `entry`): the lines of a file it refers to mean nothing to someone who
 * typed the rows (no "(…, regel 3)"), and a Dutch form takes numbers with a decimal comma.
 */
function entryParams(params: TextParams, lang: string | undefined): TextParams {
  const { previousLine: _p, otherLine: _o, doseLine: _d, ...rest } = params;
  return rest.dialect === 'comma' && lang?.startsWith('nl') ? { ...rest, dialect: 'semicolon' } : rest;
}

/**
 * An issue's message in the language. A records issue is said with its `file:line: ` (the form's
 * own issues, file `entry`, show numbers typed with a decimal comma in Dutch).
 */
export function issueText(issue: Issue, lang: string | undefined): string {
  // The FHIR reader's (a Bundle or a launched record): the place as written, the sentence from the catalog.
  if (isFhirCode(issue.code)) return fhirIssueText(issue, lang);
  if (!issue.params) return issue.message;
  const path = issuePath(issue);
  if (issueNamespace(issue) === 'records') {
    // A FHIR resource's place is written by the FHIR reader around the records text: English as it wrote it.
    if (issue.where && issue.line === undefined && !lang?.startsWith('nl')) return issue.message;
    const params = issue.file === 'entry' ? entryParams(issue.params, lang) : issue.params;
    const text = renderText('records', path, params, lang);
    return text === null ? issue.message : locatedText(issue, text, lang);
  }
  return engineText(path, issue.params, issue.message, lang);
}

/** The proposal's reason in the language. */
export function reasonText(report: PatientReport, lang: string | undefined): string {
  const p = report.proposal;
  return engineText(p.reasonCode, p.reasonParams, p.reason, lang);
}

/**
 * Why a patient could not be planned, in the language. Refused rows are said one by one from the
 * patient's issues, so a Dutch screen shows each row's reason in Dutch.
 */
export function errorText(report: Pick<PatientError, 'error' | 'errorCode' | 'errorParams'> & { issues?: Issue[] }, lang: string | undefined): string {
  const firstError = report.issues?.find((i) => i.severity === 'error');
  if (report.errorCode === 'row-error' && firstError) return issueText(firstError, lang);
  if (report.errorCode === 'rows-refused' && report.errorParams && report.issues) {
    const rows = report.issues.filter((i) => i.severity === 'error').map((i) => issueText(i, lang)).join('; ');
    return engineText(report.errorCode, { ...report.errorParams, rows }, report.error, lang);
  }
  return engineText(report.errorCode, report.errorParams, report.error, lang);
}

/** The protocol's name in the language. */
export function protocolNameText(report: PatientReport, lang: string | undefined): string {
  const p = report.protocol;
  return engineText(p.nameCode, p.nameParams, p.name, lang);
}

/** The protocol's rationale in the language. */
export function rationaleText(report: PatientReport, lang: string | undefined): string {
  const p = report.protocol;
  return engineText(p.rationaleCode, p.rationaleParams, p.rationale, lang);
}
