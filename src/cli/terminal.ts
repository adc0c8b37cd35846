/**
 * Text the command line writes to a terminal: a file's fields (a patient id, a value, a note) can
 * hold terminal control sequences (ESC[2K erases a line, OSC 0 sets the window title, OSC 52 writes
 * the clipboard). Every control character but tab and line feed (a message may span lines; JSON
 * escapes both itself) is written as a `\uXXXX` escape instead: C0 (ESC, BEL, CR, …), DEL, C1
 * (U+0080–U+009F: a terminal may read U+009B as CSI), the line and paragraph separators, and the
 * bidirectional overrides that can make a line read other than it is. In a JSON line the same
 * escape is valid JSON for the same character, so the line parses to the same value; in a message
 * for people it shows where the character was.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(line: string): string {
  return line.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
