/**
 * Issue 18, item 1: the command line's own sentences (usage, option and file errors, the lines that
 * place a patient's error) come from the one catalog (namespace `cli`). The English is asserted
 * word for word from the command line itself (shared/spec/cli.md's readers depend on it), the Dutch
 * word for word from the catalog; and a scan of src/cli fails on an English sentence written there.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { sentenceLiterals } from './sentence-scan';
import { runCli, USAGE } from '../../src/cli/run';
import { cliSentence } from '../../src/cli/text';
import { optionProblem } from '../../src/cli/args';
import { CATALOG } from '../../src/i18n/catalog';

const CSV = [
  'patient_id,drug,kind,time,value,unit,route,duration_min,note',
  'NAT-1,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,',
  'NAT-1,natalizumab,dose,2024-02-05T09:00,300,mg,iv,60,',
].join('\n');

const read = (f: string): Buffer => {
  if (f === 'nat.csv') return Buffer.from(CSV);
  if (f === 'bin.csv') return Buffer.from('a\u0000b');
  const e = new Error(`ENOENT: ${f}`) as NodeJS.ErrnoException;
  e.code = 'ENOENT';
  throw e;
};
const stderr = (...argv: string[]) => runCli(argv, read).stderr;

describe('the command line\'s English, word for word (from the CLI)', () => {
  it('says a bad option, an unknown command and a missing command, then the usage', () => {
    expect(stderr('propose', 'nat.csv', '--as-of', 'x')).toEqual(['tdm: --as-of "x" is not a date: use YYYY-MM-DD', USAGE]);
    expect(stderr('frobnicate', 'nat.csv')[0]).toBe('tdm: unknown command "frobnicate": use propose, predict, fhir, track-record or outcomes');
    expect(stderr()[0]).toBe('tdm: no command given');
    expect(stderr('propose', 'nat.csv', '--target', '0')[0]).toBe('tdm: --target "0" must be a number from 0.1 to 100');
    expect(stderr('propose', 'nat.csv', '--max-interval', '5.5')[0]).toBe('tdm: --max-interval "5.5" must be a whole number of weeks from 4 to 12');
    expect(stderr('predict', 'nat.csv', '--at', 'soon')[0]).toBe('tdm: --at "soon" is not a time: use YYYY-MM-DDTHH:MM, YYYY-MM-DD, or an offset such as +6w or +40d');
    expect(stderr('propose', 'nat.csv', '--time-zone', 'Mars/Base')[0]).toBe('tdm: --time-zone "Mars/Base" is not a time zone: use an IANA name such as Europe/Amsterdam or UTC');
    expect(USAGE.split('\n')[0]).toBe('usage: npm run -s tdm -- propose FILE.csv [--as-of DATE] [--target N] [--threshold N] [--calibrate]');
    expect(USAGE.split('\n')[4]).toBe('       npm run -s tdm -- fhir FILE [--as-of DATE] [--target N] [--threshold N]  (the records and proposals as a FHIR R4 Bundle)');
  });

  it('says Node\'s option errors as Node 20 does, from the catalog (token by token, in order)', () => {
    const nodeSays = "Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--bogus\"";
    expect(optionProblem(['propose', 'x.csv', '--bogus'], { target: { type: 'string' } })).toBe(nodeSays);
    expect(stderr('propose', 'nat.csv', '-h', '--bogus')[0]).toBe(`tdm: ${nodeSays}`);
    expect(stderr('propose', 'nat.csv', '-hx')[0]).toBe("tdm: Unknown option '-x'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"-x\"");
    expect(stderr('propose', 'nat.csv', '--as-of')[0]).toBe("tdm: Option '--as-of <value>' argument missing");
    expect(stderr('propose', 'nat.csv', '--help=1')[0]).toBe("tdm: Option '-h, --help' does not take an argument");
    expect(stderr('propose', 'nat.csv', '--target', '-5')[0]).toBe("tdm: Option '--target' argument is ambiguous.");
    expect(stderr('propose', 'nat.csv', '--as-of=-1')[0]).toBe('tdm: --as-of "-1" is not a date: use YYYY-MM-DD');
    expect(stderr('outcomes', 'nat.csv', '--from')[0]).toBe("tdm: Option '--from <value>' argument missing");
    expect(optionProblem(['propose', 'x.csv', '--target', '5', '--', '--bogus'], { target: { type: 'string' } })).toBeNull();
  });

  it('says a file that cannot be read, and one that is not text', () => {
    expect(runCli(['propose', 'gone.csv'], read)).toEqual({ stdout: [], stderr: ['tdm: cannot read gone.csv: no such file'], status: 2 });
    expect(stderr('propose', 'bin.csv')).toEqual(['bin.csv: not a text file (it contains NUL bytes): give a TDM CSV or a FHIR R4 Bundle in JSON']);
    expect(stderr('outcomes', 'bin.csv', '--from', '2024-01-01', '--to', '2024-02-01')).toEqual(['bin.csv: not a text file (it contains NUL bytes): give a TDM CSV']);
  });

  it('says the outcomes\' period errors and a patient without a dose by then', () => {
    expect(stderr('outcomes', 'nat.csv', '--from', '2024-02-01', '--to', '2024-01-01')).toEqual([
      'tdm: --to 2024-01-01 is before --from 2024-02-01: the period must end on or after its start',
      'usage: npm run -s tdm -- outcomes FILE.csv --from DATE --to DATE [--target N] [--threshold N]',
    ]);
    expect(stderr('outcomes', 'nat.csv', '--from', '2020-01-01', '--to', '2020-02-01')).toEqual(['tdm: no patient had an infusion from 2020-01-01 to 2020-02-01']);
    const r = runCli(['predict', 'nat.csv', '--at', '+6w', '--as-of', '2020-01-01'], read);
    expect(r.stderr).toEqual(['error: nat.csv:2: patient "NAT-1": no natalizumab dose on or before 2020-01-01: offsets and predictions need a dose']);
    expect(JSON.parse(r.stdout[0]).error).toBe('no natalizumab dose on or before 2020-01-01: offsets and predictions need a dose');
  });
});

describe('the same sentences in Dutch, word for word (from the catalog)', () => {
  it('with the user\'s values as typed, dates as dd-mm-jjjj and a decimal comma', () => {
    expect(cliSentence('args.not-date', { name: 'as-of', text: 'x' }, 'nl')).toBe('--as-of "x" is geen datum: gebruik JJJJ-MM-DD');
    expect(cliSentence('args.unknown-command', { command: 'frobnicate' }, 'nl')).toBe('onbekende opdracht "frobnicate": gebruik propose, predict, fhir, track-record of outcomes');
    expect(cliSentence('args.range', { name: 'target', text: '0', lo: 0.1, hi: 100 }, 'nl')).toBe('--target "0" moet een getal van 0,1 tot 100 zijn');
    expect(cliSentence('file.cannot-read', { file: 'gone.csv', why: cliSentence('file.no-such-file', {}, 'nl')! }, 'nl')).toBe('kan gone.csv niet lezen: bestand bestaat niet');
    expect(cliSentence('patient.no-dose', { drug: 'natalizumab', date: '2020-01-01' }, 'nl')).toBe('geen gift van natalizumab op of vóór 01-01-2020: tijden na de laatste gift en voorspellingen hebben een gift nodig');
    expect(cliSentence('args.period-order', { to: '2024-01-01', from: '2024-02-01' }, 'nl')).toBe('--to 01-01-2024 ligt vóór --from 01-02-2024: de periode moet op of na het begin eindigen');
    expect(cliSentence('args.option-value-missing', { name: '--as-of' }, 'nl')).toBe("optie '--as-of <value>': de waarde ontbreekt");
    expect(cliSentence('usage.outcomes', {}, 'nl')).toBe('gebruik: npm run -s tdm -- outcomes FILE.csv --from DATE --to DATE [--target N] [--threshold N]');
  });

  it('has a Dutch sentence for every English one, with the same parameters', () => {
    const leaves = (o: object, prefix = ''): [string, string][] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v as object, `${prefix}${k}.`)));
    const en = new Map(leaves(CATALOG.en.cli));
    const nl = new Map(leaves(CATALOG.nl.cli));
    expect([...nl.keys()].sort()).toEqual([...en.keys()].sort());
    const names = (s: string) => [...new Set([...s.matchAll(/\{\{(\w+)/g)].map((m) => m[1]))].sort();
    for (const [k, v] of en) expect(names(nl.get(k)!), k).toEqual(names(v));
  });
});

// ------------------------------------------------------------------ no English sentence in src/cli


describe('the command line writes no sentence of its own', () => {
  it('finds a sentence where one is written (the scan can fail)', () => {
    expect(sentenceLiterals('test/i18n/cli-sentences.test.ts').some((s) => s.includes('is not a date: use YYYY-MM-DD'))).toBe(true);
  });

  it('in any module of src/cli', () => {
    const files = readdirSync('src/cli', { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).map((f) => `src/cli/${f.replaceAll('\\', '/')}`);
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap(sentenceLiterals)).toEqual([]);
  });
});
