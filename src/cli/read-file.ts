/**
 * The one way the command line reads its input file: a text file, or why not, as the exit-2
 * result the spec gives (`tdm: cannot read FILE: no such file`, `NAME: not a text file …`).
 */
import { basename } from 'node:path';
import type { CliResult } from './run';

export type ReadText = { name: string; text: string } | { error: CliResult };

/** Reads `file` (`-` is standard input); `accepted` finishes the NUL-byte message ("a TDM CSV"). */
export function readTextInput(file: string, readInput: (file: string) => Buffer, accepted: string): ReadText {
  const name = file === '-' ? 'stdin' : basename(file);
  let buf: Buffer;
  try {
    buf = readInput(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return { error: { stdout: [], stderr: [`tdm: cannot read ${file}: ${why}`], status: 2 } };
  }
  if (buf.includes(0)) return { error: { stdout: [], stderr: [`${name}: not a text file (it contains NUL bytes): give ${accepted}`], status: 2 } };
  return { name, text: buf.toString('utf8') };
}
