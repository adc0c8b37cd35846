/**
 * Patient ids are pseudonyms (issue 15, item 10): an id that looks like a name, a date of birth
 * or a Dutch citizen service number (BSN) gets a warning before it is saved. The checks are
 * heuristics that err towards asking: the clinician can still save the id.
 *
 * - BSN: a run of exactly nine digits (spaces, dots and hyphens between digit groups ignored)
 *   passing the 11-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not 0).
 * - Date of birth: a real calendar date from 1900 to 2099 written as dd-mm-yyyy, dd/mm/yyyy,
 *   dd.mm.yyyy, yyyy-mm-dd, or as eight digits ddmmyyyy or yyyymmdd.
 * - Name: no digit at all, and either two or more words of letters (`Jan de Vries`, `Jansen, P.`)
 *   or one word with a capital followed by a small letter (`Jansen`, `O'Neill`). Codes such as
 *   `NAT-001` or `ABC` are not names.
 */
import { isIsoDate } from '../../core/time';

export type PersonalIdKind = 'bsn' | 'birth' | 'name';

/** Whether nine digits pass the BSN 11-test. */
export function passesElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** Runs of digits in the id, separators (space, dot, hyphen) between digits taken out. */
function digitRuns(id: string): string[] {
  return id.replace(/(\d)[\s.-]+(?=\d)/g, '$1').match(/\d+/g) ?? [];
}

function realDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2099) return false;
  return isIsoDate(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

function hasDate(id: string): boolean {
  for (const m of id.matchAll(/(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/g)) if (realDate(Number(m[3]), Number(m[2]), Number(m[1]))) return true;
  for (const m of id.matchAll(/(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g)) if (realDate(Number(m[1]), Number(m[2]), Number(m[3]))) return true;
  for (const m of id.matchAll(/(?<!\d)(\d{8})(?!\d)/g)) {
    const s = m[1];
    if (realDate(Number(s.slice(4)), Number(s.slice(2, 4)), Number(s.slice(0, 2)))) return true;
    if (realDate(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6)))) return true;
  }
  return false;
}

function looksLikeName(id: string): boolean {
  if (/\d/.test(id)) return false;
  const words = id.split(/[\s,]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.some((w) => !/^[\p{L}.'’-]+$/u.test(w))) return false;
  if (words.length >= 2) return true;
  return /\p{Lu}\p{Ll}/u.test(words[0]);
}

/** What a typed or imported id looks like, when it looks like something personal (else null). */
export function personalId(id: string): PersonalIdKind | null {
  const text = id.trim();
  if (digitRuns(text).some((r) => r.length === 9 && passesElevenTest(r))) return 'bsn';
  if (hasDate(text)) return 'birth';
  if (looksLikeName(text)) return 'name';
  return null;
}
