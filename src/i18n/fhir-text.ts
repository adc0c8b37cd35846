/**
 * The FHIR reader's messages (src/core/fhir/read.ts, codes `fhir_*`) from the one catalog
 * (namespace `fhirread`, fhirread-en.ts / fhirread-nl.ts), in either language: the reader gives a
 * code, a variant and params, and its English `message` is `fhirEnglish`'s; a screen says it with
 * `fhirIssueText`. The place (`entry 8 Observation/obs-77 valueQuantity.unit`: entry numbers,
 * resource types and element paths are FHIR's own names) is kept as written in both languages.
 */
import type { Issue, TextParams } from '../core/types';
import { renderText } from './catalog';

/** Whether an issue is the FHIR reader's own (said from the `fhirread` namespace). */
export const isFhirCode = (code: string): boolean => code.startsWith('fhir_');

/**
 * The sentence of a FHIR reader's code (`variant` picks one of its sentences) in the language, or
 * null when a template or parameter is missing. A reference of a subject that cannot be followed
 * (`params.whose`: the resource type) ends with whose resource it then cannot be.
 */
export function fhirSentence(code: string, variant: string | undefined, params: TextParams, lang: string | undefined): string | null {
  const text = renderText('fhirread', variant ? `${code}.${variant}` : code, params, lang);
  if (text === null || params.whose === undefined) return text;
  const whose = renderText('fhirread', 'fhir_reference-whose', params, lang);
  return whose === null ? null : text + whose;
}

/** `file: where text` (`file: where: text` when the text starts with `:`), or `file: text` without a place. */
export function fhirPlaced(file: string, where: string | undefined, text: string): string {
  if (where === undefined) return `${file}: ${text}`;
  return `${file}: ${where}${text.startsWith(':') ? '' : ' '}${text}`;
}

/** The English of a FHIR reader's sentence (the core's `message`, the command line's text); throws when the catalog lacks it. */
export function fhirEnglish(code: string, variant: string | undefined, params: TextParams): string {
  const text = fhirSentence(code, variant, params, 'en');
  if (text === null) throw new Error(`catalog: no English text for fhirread:${code}${variant ? `.${variant}` : ''} with ${JSON.stringify(params)}`);
  return text;
}

/**
 * A FHIR reader's issue in the language, with its `file: place` as written; the issue's own
 * message when it carries no params (an issue saved by an older version).
 */
export function fhirIssueText(issue: Pick<Issue, 'code' | 'variant' | 'params' | 'file' | 'where' | 'message'>, lang: string | undefined): string {
  if (!issue.params) return issue.message;
  const text = fhirSentence(issue.code, issue.variant, issue.params, lang);
  return text === null ? issue.message : fhirPlaced(issue.file ?? '', issue.where, text);
}
