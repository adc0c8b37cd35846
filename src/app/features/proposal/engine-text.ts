/**
 * The engines' own sentences in the user's language. The engines give each sentence a code and
 * params beside their English text (Issue.code/variant/params, proposal.reasonCode/reasonParams,
 * protocol.nameCode/rationaleCode); the templates are the `engine` namespace
 * (src/app/i18n/engine-en.ts, engine-nl.ts). Params are filled in the language's format: a
 * `YYYY-MM-DD` date as the app shows dates (dd-mm-jjjj in Dutch), a number or a number written as
 * text (`7.6`, `<0.5`) with a decimal comma in Dutch. Whenever a code, a template or a parameter
 * is missing (parse-time issues, older saved reports), the engine's English text is shown.
 */
import type { Issue, TextParams } from '../../../core/types';
import type { PatientError, PatientReport } from '../../../core/report/types';
import engineEn from '../../i18n/engine-en';
import engineNl from '../../i18n/engine-nl';
import { formatDisplayDate } from '../../lib/dates';
import { langOf } from './format';
import { isRecordsCode, recordsTextNl } from '../../i18n/records';
import { fhirTextNl, isFhirCode } from '../../i18n/fhir_issues';

type Tree = { [k: string]: string | Tree };
const BUNDLES: Record<'en' | 'nl', Tree> = { en: engineEn, nl: engineNl };

/** The template at a dotted path, or undefined. */
export function engineTemplate(path: string, lang: string | undefined): string | undefined {
  let node: string | Tree | undefined = BUNDLES[langOf(lang)];
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = Object.prototype.hasOwnProperty.call(node, part) ? node[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*(?:,\s*([a-z]+)\s*)?\}\}/g;

/** Parameter names of a template, in order of first use. */
export function templateParams(template: string): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (!out.includes(m[1])) out.push(m[1]);
  return out;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER_TEXT = /^([<>]?\s*-?\d+)\.(\d+)$/;

/** One parameter in the language's format. */
export function formatParam(value: string | number, lang: string | undefined): string {
  const l = langOf(lang);
  if (typeof value === 'number') {
    const s = String(value);
    return l === 'nl' ? s.replace('.', ',') : s;
  }
  if (ISO_DATE.test(value)) return formatDisplayDate(value, l);
  return l === 'nl' ? value.replace(NUMBER_TEXT, '$1,$2') : value;
}

/** A template filled with params, or null when a parameter (or a term) is missing. */
export function fillTemplate(template: string, params: TextParams, lang: string | undefined): string | null {
  let ok = true;
  const text = template.replace(PLACEHOLDER, (_, name: string, kind: string | undefined) => {
    const v = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    if (v === undefined || v === null) { ok = false; return ''; }
    if (kind === 'term') {
      const term = engineTemplate(`terms.${String(v)}`, lang);
      if (term === undefined) { ok = false; return ''; }
      return term;
    }
    if (kind !== undefined) { ok = false; return ''; }
    return formatParam(v, lang);
  });
  return ok ? text : null;
}

/**
 * A sentence by its code (parts joined by `;`, shown joined by `; `) in the language, or
 * `fallback` (the engine's English text) when the code or a template or parameter is missing.
 */
export function engineText(code: string | undefined, params: TextParams | undefined, fallback: string, lang: string | undefined): string {
  if (!code || !params) return fallback;
  const parts: string[] = [];
  for (const part of code.split(';')) {
    const template = engineTemplate(part, lang);
    const text = template === undefined ? null : fillTemplate(template, params, lang);
    if (text === null) return fallback;
    parts.push(text);
  }
  return parts.join('; ');
}

/** The template path of an issue: `code`, or `code.variant`. */
export function issuePath(issue: Pick<Issue, 'code' | 'variant'>): string {
  return issue.variant ? `${issue.code}.${issue.variant}` : issue.code;
}

/** An issue's message in the language (only engine issues carry params; others stay as written). */
export function issueText(issue: Issue, lang: string | undefined): string {
  // The records module's messages (a row refused or warned about) have their own Dutch texts.
  if (isRecordsCode(issue.code)) return langOf(lang) === 'nl' ? recordsTextNl(issue) ?? issue.message : issue.message;
  // The FHIR mapping's (a Bundle or a launched record): the place as written, the rest in Dutch.
  if (isFhirCode(issue.code)) return langOf(lang) === 'nl' ? fhirTextNl(issue) ?? issue.message : issue.message;
  return engineText(issuePath(issue), issue.params, issue.message, lang);
}

/** The proposal's reason in the language. */
export function reasonText(report: PatientReport, lang: string | undefined): string {
  const p = report.proposal;
  return engineText(p.reasonCode, p.reasonParams, p.reason, lang);
}

/** Why a patient could not be planned, in the language. */
export function errorText(report: Pick<PatientError, 'error' | 'errorCode' | 'errorParams'>, lang: string | undefined): string {
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
