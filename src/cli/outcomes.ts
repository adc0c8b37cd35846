/**
 * `tdm outcomes FILE --from DATE --to DATE [--target N] [--threshold N]` (spec/cli.md): what the
 * clinic's dosing gave over a period, per drug, as one JSON line (src/core/outcomes.ts). Rows that
 * cannot be read are said on standard error and left out (exit status 1); a file or arguments
 * that cannot be used at all give status 2.
 */
import { parseArgs } from 'node:util';
import { readTextInput } from './read-file';
import { parseTdmCsv } from '../core/records/index';
import { clinicOutcomes, dayOf } from '../core/outcomes';
import type { CliResult } from './run';
import { cliText, issueLine, tdm } from './text';
import { optionProblem } from './args';

export const OUTCOMES_USAGE = cliText('usage.outcomes');

/** Whether the command line's first positional argument is `outcomes` (options may come first). */
export function isOutcomesCommand(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return argv[i + 1] === 'outcomes';
    if (a.startsWith('-') && a !== '-') { if (!a.includes('=') && a.startsWith('--') && a !== '--help') i++; continue; }
    return a === 'outcomes';
  }
  return false;
}

const fail = (message: string): CliResult => ({ stdout: [], stderr: [tdm(message), OUTCOMES_USAGE], status: 2 });

export function runOutcomes(argv: string[], readInput: (file: string) => Buffer): CliResult {
  const options = { from: { type: 'string' }, to: { type: 'string' }, target: { type: 'string' }, threshold: { type: 'string' } } as const;
  const problem = optionProblem(argv, options);
  if (problem !== null) return fail(problem);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options });
  } catch (e) {
    return fail((e as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  const [, file, ...rest] = positionals;
  if (!file) return fail(cliText('args.no-file'));
  if (rest.length) return fail(cliText('args.unexpected', { arg: rest[0] }));
  if (values.from === undefined || values.to === undefined) return fail(cliText('args.outcomes-period'));
  for (const [name, v] of [['from', values.from], ['to', values.to]] as const) if (dayOf(v.trim()) === null) return fail(cliText('args.not-date', { name, text: v }));
  const from = values.from.trim(), to = values.to.trim();
  if (to < from) return fail(cliText('args.period-order', { to, from }));
  const num = (name: string, text: string | undefined, lo: number, hi: number): number | string | undefined => {
    if (text === undefined) return undefined;
    const x = Number(text);
    return text.trim() === '' || !Number.isFinite(x) || x < lo || x > hi ? cliText('args.range', { name, text, lo, hi }) : x;
  };
  const target = num('target', values.target, 0.1, 100);
  const threshold = num('threshold', values.threshold, 0.1, 1000);
  for (const v of [target, threshold]) if (typeof v === 'string') return fail(v);

  const input = readTextInput(file, readInput, 'csv');
  if ('error' in input) return input.error;
  const res = parseTdmCsv(input.text, input.name);
  const stderr = res.issues.map((i) => issueLine(i.severity === 'error' ? 'error' : 'warning', i.message));
  if (res.fatal) return { stdout: [], stderr, status: 2 };
  const o = clinicOutcomes(res.patients, from, to, {
    ...(typeof target === 'number' ? { target } : {}), ...(typeof threshold === 'number' ? { threshold } : {}),
  });
  const line: Record<string, unknown> = { from: o.from, to: o.to, target: { value: o.target, unit: 'ug/mL' }, threshold: { value: o.threshold, unit: 'cells/uL' } };
  // The monthly counts are the app's chart; the line keeps to the totals.
  for (const drug of ['natalizumab', 'ocrelizumab'] as const) {
    const d = o[drug];
    if (d) { const { by_month: _months, ...totals } = d; line[drug] = totals; }
  }
  if (!o.natalizumab && !o.ocrelizumab) stderr.push(tdm(cliText('outcomes.no-infusion', { from, to })));
  if (res.issues.some((i) => i.severity === 'error')) stderr.push(tdm(cliText('outcomes.rows-left-out')));
  return { stdout: [JSON.stringify(line)], stderr, status: res.issues.some((i) => i.severity === 'error') ? 1 : 0 };
}
