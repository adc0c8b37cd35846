/**
 * What a change of the record is called, as it is stored (the undo stack and the change history in
 * IndexedDB): a code with its parameters, never a sentence, so the Undo button and the Changes
 * view say it in the language of the screen, also after a language switch or a reload in the
 * other language (src/app/features/changes/say-change.ts says it). The code is the key of its
 * words in the namespace `changes` (src/i18n/app/changes-en.ts), checked by the compiler.
 *
 * Before codes, a change was stored with its label said in the language of the moment (a
 * string): such a stored change is still read, and shown as it was written.
 */
import type changesEn from '../../i18n/app/changes-en';

type Base<K> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K;

/** The code of a change: a key of `change` in the namespace `changes` (a plural key by its base). */
export type ChangeCode = `change.${Base<keyof typeof changesEn.change>}`;

/** A date (ISO `YYYY-MM-DD` or with `THH:MM`): said in the screen's form when shown. */
export interface DateParam { date: string }

/** A parameter: a text said as it is (an id, a file name), a number (a count: also the plural), or a date. */
export type ChangeParam = string | number | DateParam;

/** A change as the app records it: its code and parameters. */
export interface ChangeLabel<C extends string = ChangeCode> {
  code: C;
  params?: Record<string, ChangeParam>;
}

/**
 * A change as read back from storage: a code (perhaps one of a later version of the app, which
 * this one does not know), or the sentence stored before codes (shown as it is).
 */
export type StoredLabel = ChangeLabel<string> | string;

/** A change's label from its code and parameters (the parameters left out when none). */
export function changeLabel(code: ChangeCode, params?: Record<string, ChangeParam>): ChangeLabel {
  return params && Object.keys(params).length ? { code, params } : { code };
}

function isParam(v: unknown): v is ChangeParam {
  if (typeof v === 'string') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v === 'object' && v !== null && typeof (v as DateParam).date === 'string';
}

/**
 * A label as stored, checked: a sentence (before codes) as it is; a code with the parameters that
 * are well formed; anything else (a row damaged or written by hand) as the code `?`, said as "a
 * change", so one bad row does not break the history.
 */
export function readLabel(raw: unknown): StoredLabel {
  if (typeof raw === 'string') return raw;
  if (typeof raw !== 'object' || raw === null || typeof (raw as { code?: unknown }).code !== 'string') return { code: '?' };
  const { code, params } = raw as { code: string; params?: unknown };
  if (typeof params !== 'object' || params === null) return { code };
  const ok = Object.entries(params).filter((e): e is [string, ChangeParam] => isParam(e[1]));
  return ok.length ? { code, params: Object.fromEntries(ok) } : { code };
}
