/**
 * The command line's sentences, from the one catalog (namespace `cli`, src/i18n/cli-en.ts): the
 * command line writes English, word for word as shared/spec/cli.md's readers expect; the Dutch of
 * the same keys is the catalog's (`cliSentence(key, params, 'nl')`).
 */
import { englishText, renderText, type Params } from '../i18n/catalog';

/** The English sentence at `cli:key` (throws when the catalog lacks it or a parameter is missing). */
export function cliText(key: string, params: Params = {}): string {
  return englishText('cli', key, params);
}

/** The sentence at `cli:key` in the language, or null when the key or a parameter is missing. */
export function cliSentence(key: string, params: Params, lang: string): string | null {
  return renderText('cli', key, params, lang);
}

/** A line of the file's reading for people: `error: …`, `warning: …` or `info: …` with the core's message. */
export function issueLine(severity: 'error' | 'warning' | 'info', message: string): string {
  return cliText(`issue.${severity}`, { message });
}

/** `tdm: ` and a message (the program's name is not translated). */
export const tdm = (message: string): string => `tdm: ${message}`;
