/**
 * The core's sentences are codes with parameters; their words live in the one catalog
 * (src/i18n, namespace `engine`). `withEnglish` gives an engine issue its English `message` (what
 * the CLI prints and older consumers read) from the catalog, so no sentence is written here.
 */
import { englishText } from '../i18n/catalog';
import type { Issue, TextParams } from './types';

/** The English of an engine sentence by its code (`code.variant`; parts joined by `;`), from the catalog. */
export function english(code: string, params: TextParams): string {
  return code.split(';').map((c) => englishText('engine', c, params)).join('; ');
}

/** An engine issue (code, variant, params and the rest) with its English `message` from the catalog. */
export function withEnglish(issue: Omit<Issue, 'message'> & { params: TextParams }): Issue {
  return { ...issue, message: english(issue.variant ? `${issue.code}.${issue.variant}` : issue.code, issue.params) };
}
