/**
 * Hostile input (issue 15 item 10): a file's fields hold terminal escape sequences (ESC[2K erases
 * the line, OSC 0 sets the window title, OSC 52 writes the clipboard, C1 CSI, BEL). The command
 * line writes none of them raw, on standard output or standard error, and its JSON still parses
 * to the same text.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { runCli } from '../../src/cli/run';
import { terminalSafe } from '../../src/cli/terminal';

const ESC = '\u001b';
const BEL = '\u0007';
const ERASE = `${ESC}[2K`;
const TITLE = `${ESC}]0;pwned${BEL}`;
const CLIP = `${ESC}]52;c;cm0gLXJmIH4=${BEL}`;
const CSI1 = '\u009b31m';

const CSV = [
  'patient_id,drug,kind,time,value,unit,route,duration_min,note',
  `NAT-${ERASE}X,natalizumab,dose,2026-01-05T09:00,300,mg,iv,60,${TITLE}`,
  `NAT-${ERASE}X,natalizumab,level,2026-02-02T08:45,2${CLIP}1,ug/mL,,,`,
  `ESC${TITLE}Y,natalizumab,dose,2026-01-05T09:00,300,mg,iv,60,note${CSI1}`,
  `ESC${TITLE}Y,natalizumab,level,2026-02-02T08:45,21,${CLIP}ug/mL,,,`,
  `C1${CSI1}Z,ocrelizumab,dose,2026-01-05T09:00,600,mg,iv,210,`,
  `C1${CSI1}Z,ocrelizumab,bcell,2026-06-22,${ESC}[2J,cells/uL,,,`,
  `OK-1,natalizumab,dose,2026-01-05T09:00,300,mg,iv,60,fine\u2028line\u202etxt.exe`,
  // Ordinary rows, so the file is text and not refused as binary (more than 1 % control characters).
  ...Array.from({ length: 40 }, (_, i) => `OK-1,natalizumab,weight,${new Date(Date.UTC(2022, 0, 3 + 7 * i)).toISOString().slice(0, 10)},70,kg,,,`),
].join('\n');

/** Raw control characters a terminal acts on: C0 (ESC, BEL, CR, …; tab and line feed are text), DEL, C1, and the line/bidi controls. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('terminalSafe', () => {
  it('writes every control character as \\uXXXX and leaves other text alone', () => {
    expect(terminalSafe(`a${ERASE}b`)).toBe('a\\u001b[2Kb');
    expect(terminalSafe(TITLE)).toBe('\\u001b]0;pwned\\u0007');
    expect(terminalSafe('x\u009by\u007fz\u2028\u202e')).toBe('x\\u009by\\u007fz\\u2028\\u202e');
    expect(terminalSafe('NAT-001 µg/mL ≥ 10 – dalspiegel é')).toBe('NAT-001 µg/mL ≥ 10 – dalspiegel é');
  });
  it('keeps a JSON line valid JSON with the same value', () => {
    const value = { id: `a${CSI1}b\u2028c${ESC}` };
    const line = terminalSafe(JSON.stringify(value));
    expect(line).not.toMatch(RAW);
    expect(JSON.parse(line)).toEqual(value);
  });
});

describe('the command line on a file whose fields hold escape sequences', () => {
  it('runCli: no raw control character on standard output or standard error, streamed or returned', () => {
    const streamed: string[] = [];
    const r = runCli(['propose', 'hostile.csv'], () => Buffer.from(CSV), { sink: { out: (l) => streamed.push(l), err: (l) => streamed.push(l) } });
    expect(r.status).toBe(1);
    expect(r.stderr.length).toBeGreaterThan(0);
    for (const line of [...r.stdout, ...r.stderr, ...streamed]) expect(line, line).not.toMatch(RAW);
    // The ids still read back as they are in the file.
    const ids = r.stdout.map((l) => (JSON.parse(l) as { patient_id: string }).patient_id);
    expect(ids).toEqual([`NAT-${ERASE}X`, `ESC${TITLE}Y`, `C1${CSI1}Z`, 'OK-1']);
    expect(r.stderr.join('\n')).toContain('\\u001b[2J');
  });

  it('the real process (src/cli/main.ts): no raw ESC, BEL or C1 byte in what it writes', () => {
    const p = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'propose', '-'], { input: CSV });
    expect(p.status).toBe(1);
    const out = p.stdout.toString('utf8');
    const err = p.stderr.toString('utf8');
    expect(out.split('\n').filter(Boolean)).toHaveLength(4);
    expect(err).toContain('\\u001b');
    for (const b of [p.stdout, p.stderr]) {
      expect(b.includes(0x1b)).toBe(false);
      expect(b.includes(0x07)).toBe(false);
      // C1 in UTF-8 is 0xC2 0x80–0x9F.
      for (let i = 0; i + 1 < b.length; i++) expect(b[i] === 0xc2 && b[i + 1] >= 0x80 && b[i + 1] <= 0x9f, `byte ${i}`).toBe(false);
    }
    expect(out + err).not.toMatch(RAW);
  });
});
