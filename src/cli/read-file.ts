/**
 * The one way the command line reads its input file: a text file, or why not, as the exit-2
 * result the spec gives (`tdm: cannot read FILE: no such file`, `NAME: not a text file …`).
 */
import { basename } from 'node:path';
import type { CliResult } from './run';
import { cliText, tdm } from './text';

export type ReadText = { name: string; text: string } | { error: CliResult };

/** Reads `file` (`-` is standard input); `accepted` finishes the NUL-byte message (a key of the catalog's `cli:file.accepted`). */
export function readTextInput(file: string, readInput: (file: string) => Buffer, accepted: 'csv' | 'csv-or-fhir'): ReadText {
  const name = file === '-' ? 'stdin' : basename(file);
  let buf: Buffer;
  try {
    buf = readInput(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? cliText('file.no-such-file') : code === 'EISDIR' ? cliText('file.folder') : code === 'EACCES' ? cliText('file.permission') : (e as Error).message;
    return { error: { stdout: [], stderr: [tdm(cliText('file.cannot-read', { file, why }))], status: 2 } };
  }
  if (buf.includes(0)) return { error: { stdout: [], stderr: [cliText('file.not-text', { name, accepted: cliText(`file.accepted.${accepted}`) })], status: 2 } };
  return { name, text: buf.toString('utf8') };
}
