import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { runCli, USAGE } from '../../src/cli/run';

const files: Record<string, string> = {
  'mixed.csv': [
    'patient_id,drug,kind,time,value,unit,route,duration_min,note',
    'NAT-001,natalizumab,weight,2024-01-08,71,kg,,,',
    'NAT-001,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,',
    'NAT-001,natalizumab,dose,2024-02-05T09:00,300,mg,iv,60,',
    'NAT-001,natalizumab,dose,2024-03-04T09:00,300,mg,iv,60,',
    'NAT-001,natalizumab,level,2024-04-01T08:45,18.2,ug/mL,,,trough',
    'NAT-001,natalizumab,dose,2024-04-01T09:00,300,mg,iv,60,',
    'NAT-001,natalizumab,level,2024-04-29T08:45,21.0,ug/mL,,,trough',
    'NAT-001,natalizumab,dose,2024-04-29T09:00,300,mg,iv,60,',
    'OCR-001,ocrelizumab,dose,2023-06-12T09:00,600,mg,iv,210,',
    'OCR-001,ocrelizumab,bcell,2023-12-11,<1,cells/uL,,,',
    'OCR-001,ocrelizumab,bcell,2024-01-08,3,cells/uL,,,',
    'NAT-002,natalizumab,dose,2024-01-10T09:00,300,mg,iv,60,',
    'NAT-002,natalizumab,dose,2024-02-07T09:00,300,mg,iv,60,',
  ].join('\n'),
  'bad-row.csv': [
    'patient_id,drug,kind,time,value,unit,route,duration_min,note',
    'GOOD-1,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,',
    'GOOD-1,natalizumab,dose,2024-02-05T09:00,300,mg,iv,60,',
    'BAD-1,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,',
    'BAD-1,natalizumab,level,2024-02-05T08:45,-3,ug/mL,,,',
    'ALLBAD,natalizumab,dose,2024-02-30T09:00,300,mg,iv,60,',
    'GOOD-2,ocrelizumab,dose,2024-01-08T09:00,600,mg,iv,210,',
    'NODOSE,natalizumab,weight,2024-01-08,80,kg,,,',
    'NODOSE,natalizumab,level,2024-02-05T08:45,20,ug/mL,,,',
  ].join('\n'),
  'senseless.csv': [
    'patient_id,drug,kind,time,value,unit,route,duration_min,note',
    'NAT-NG,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,',
    'NAT-NG,natalizumab,level,2024-02-05T08:45,25000,ug/mL,,,',
    'NAT-NG,natalizumab,weight,2024-01-08,820,kg,,,',
    'OCR-X,ocrelizumab,dose,2024-01-08T09:00,600,mg,iv,210,',
    'OCR-X,ocrelizumab,bcell,2024-07-08,50,10^9/L,,,',
    'NAT-OK,natalizumab,dose,2024-01-08T09:00,300,mg,iv,60,',
    'NAT-OK,natalizumab,level,2099-02-05T08:45,20,ug/mL,,,',
  ].join('\n'),
};
const read = (f: string): Buffer => {
  if (f in files) return Buffer.from(files[f], 'utf8');
  const e = new Error(`ENOENT: ${f}`) as NodeJS.ErrnoException;
  e.code = 'ENOENT';
  throw e;
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const lines = (r: { stdout: string[] }) => r.stdout.map((l) => JSON.parse(l) as Record<string, any>);

describe('tdm propose', () => {
  it('answers every patient of a mixed file, one line each, in order of first appearance', () => {
    const r = runCli(['propose', 'mixed.csv'], read);
    expect(r.status).toBe(0);
    const out = lines(r);
    expect(out.map((o) => o.patient_id)).toEqual(['NAT-001', 'OCR-001', 'NAT-002']);
    expect(out[0].drug).toBe('natalizumab');
    expect(out[0].as_of).toBe('2024-04-29');
    expect(out[0].last_dose).toBe('2024-04-29T09:00');
    expect(out[0].target).toEqual({ value: 10, unit: 'ug/mL' });
    const p = out[0].proposal;
    expect(Number.isInteger(p.interval_weeks)).toBe(true);
    expect(p.interval_weeks).toBeGreaterThanOrEqual(4);
    expect(p.next_dose).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(p.predicted_trough_low).toBeLessThanOrEqual(p.predicted_trough);
    expect(p.predicted_trough).toBeLessThanOrEqual(p.predicted_trough_high);
    expect(p.probability_above_target).toBeGreaterThanOrEqual(0.9);
    expect(out[0].individual.clearance_L_per_day).toBeGreaterThan(0);
    expect(Array.isArray(out[0].warnings)).toBe(true);
    expect(out[1].drug).toBe('ocrelizumab');
    expect(out[1].threshold).toEqual({ value: 10, unit: 'cells/uL' });
    for (const k of ['next_dose', 'predicted_crossing', 'predicted_crossing_low', 'predicted_crossing_high', 'next_bcell_check']) {
      expect(out[1].proposal[k]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(Number.isInteger(out[1].proposal.weeks_since_last_dose)).toBe(true);
    // NAT-002 has no weight and no level: an a-priori answer, with warnings that say so.
    expect(out[2].fit.kind).toBe('population');
    expect(out[2].warnings.join(' ')).toMatch(/weight/);
  });

  it('is deterministic', () => {
    expect(runCli(['propose', 'mixed.csv'], read).stdout).toEqual(runCli(['propose', 'mixed.csv'], read).stdout);
  });

  it('--as-of uses only the rows up to that day and plans from it', () => {
    const out = lines(runCli(['propose', 'mixed.csv', '--as-of', '2024-03-10'], read));
    expect(out[0].as_of).toBe('2024-03-10');
    expect(out[0].last_dose).toBe('2024-03-04T09:00');
    expect(out[0].fit.kind).toBe('population');
    expect(out[1].as_of).toBe('2024-03-10');
  });

  it('--target 5 allows at least as long an interval as 10', () => {
    const a = lines(runCli(['propose', 'mixed.csv'], read))[0];
    const b = lines(runCli(['propose', 'mixed.csv', '--target', '5'], read))[0];
    expect(b.target.value).toBe(5);
    expect(b.proposal.interval_weeks).toBeGreaterThanOrEqual(a.proposal.interval_weeks);
  });

  it('the ocrelizumab policy quantiles are options: a later quantile never gives an earlier re-dose', () => {
    const early = lines(runCli(['propose', 'mixed.csv', '--redose-quantile', '0.2'], read))[1];
    const late = lines(runCli(['propose', 'mixed.csv', '--redose-quantile', '0.8'], read))[1];
    expect(late.proposal.next_dose >= early.proposal.next_dose).toBe(true);
    expect(late.proposal.next_dose > early.proposal.next_dose).toBe(true);
    const r = runCli(['propose', 'mixed.csv', '--count-quantile', '2'], read);
    expect(r.status).toBe(2);
    expect(r.stderr[0]).toBe('tdm: --count-quantile "2" must be a number from 0.01 to 0.95');
  });

  it('--threshold changes the ocrelizumab threshold', () => {
    const o = lines(runCli(['propose', 'mixed.csv', '--threshold', '20'], read))[1];
    expect(o.threshold).toEqual({ value: 20, unit: 'cells/uL' });
  });

  it('a bad row: file:line message on stderr, an error line for its patient, the others answered, exit 1', () => {
    const r = runCli(['propose', 'bad-row.csv'], read);
    expect(r.status).toBe(1);
    const out = lines(r);
    expect(out.map((o) => o.patient_id)).toEqual(['GOOD-1', 'BAD-1', 'ALLBAD', 'GOOD-2', 'NODOSE']);
    expect(out[4].error).toBe('no natalizumab dose on or before the as-of date: nothing to plan from');
    expect(r.stderr).toContain('error: bad-row.csv:8: patient "NODOSE": no natalizumab dose on or before the as-of date: nothing to plan from');
    expect(out[2].error).toBe('no row could be used: bad-row.csv:6: time "2024-02-30T09:00" is not a valid date: write YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time), e.g. 2024-03-05T09:30');
    expect(out[3].proposal).toBeDefined();
    expect(out[0].proposal).toBeDefined();
    expect(out[1].error).toContain('bad-row.csv:5');
    expect(r.stderr.join('\n')).toContain('bad-row.csv:5');
    expect(r.stdout.join('\n')).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('tdm propose: the sense checks of the records (the same rules as the app)', () => {
  it('names each impossible value on stderr, answers that patient with an error, and keeps a later row for --as-of', () => {
    const r = runCli(['propose', 'senseless.csv'], read);
    expect(r.status).toBe(1);
    expect(r.stderr.filter((l) => !l.includes('patient "'))).toEqual([
      'error: senseless.csv:3: value "25000" ug/mL for a level is higher than any natalizumab dose can give (at most 500 µg/mL): the value may be in ng/mL; if so, choose the unit ng/mL (25000 ng/mL = 25 µg/mL)',
      'error: senseless.csv:4: weight of 820 kg is not an adult\'s weight: write the weight in kg, from 20 to 300',
      'error: senseless.csv:6: value "50" 10^9/L for a bcell is more B cells than blood holds (at most 5000 cells/µL = 5 × 10^9/L): the value may be in cells/µL; if so, choose the unit cells/uL (50 cells/µL = 0.05 × 10^9/L)',
    ]);
    const out = lines(r);
    expect(out.map((o) => o.patient_id)).toEqual(['NAT-NG', 'OCR-X', 'NAT-OK']);
    expect(out[0].error).toMatch(/^2 row\(s\) could not be used: senseless\.csv:3: /);
    expect(out[1].error).toMatch(/^1 row\(s\) could not be used: senseless\.csv:6: /);
    // No "today" in the CLI: a row dated in 2099 is kept, and --as-of decides what is used.
    const cut = runCli(['propose', 'senseless.csv', '--as-of', '2024-03-01'], read);
    expect(lines(cut)[2]).toMatchObject({ patient_id: 'NAT-OK', as_of: '2024-03-01' });
  });
});

describe('tdm predict', () => {
  it('answers each patient at each time, offsets from its own last dose', () => {
    const r = runCli(['predict', 'mixed.csv', '--at', '+4w,2024-06-03T09:00'], read);
    expect(r.status).toBe(0);
    const out = lines(r);
    expect(out).toHaveLength(6);
    expect(out[0]).toMatchObject({ patient_id: 'NAT-001', time: '2024-05-27T09:00', kind: 'level', unit: 'ug/mL' });
    expect(out[1]).toMatchObject({ patient_id: 'NAT-001', time: '2024-06-03T09:00' });
    expect(out[2]).toMatchObject({ patient_id: 'OCR-001', time: '2023-07-10T09:00', kind: 'bcell', unit: 'cells/uL' });
    for (const o of out) {
      expect(o.low).toBeLessThanOrEqual(o.value);
      expect(o.value).toBeLessThanOrEqual(o.high);
    }
    // Longer after the dose, lower the level.
    expect(out[1].value).toBeLessThan(out[0].value);
  });
});

describe('tdm arguments and files', () => {
  const cases: [string[], string][] = [
    [[], 'tdm: no command given'],
    [['fit', 'mixed.csv'], 'tdm: unknown command "fit": use propose, predict, fhir, track-record or outcomes'],
    [['propose'], 'tdm: no input file given (use - for standard input)'],
    [['propose', 'mixed.csv', '--as-of', '2024-02-30'], 'tdm: --as-of "2024-02-30" is not a date: use YYYY-MM-DD'],
    [['propose', 'mixed.csv', '--target', 'ten'], 'tdm: --target "ten" must be a number from 0.1 to 100'],
    [['predict', 'mixed.csv'], 'tdm: predict needs --at TIME[,TIME...]'],
    [['predict', 'mixed.csv', '--at', 'tomorrow'], 'tdm: --at "tomorrow" is not a time: use YYYY-MM-DDTHH:MM, YYYY-MM-DD, or an offset such as +6w or +40d'],
    [['propose', 'missing.csv'], 'tdm: cannot read missing.csv: no such file'],
  ];
  for (const [argv, message] of cases) {
    it(`${argv.join(' ') || '(nothing)'} → exit 2: ${message}`, () => {
      const r = runCli(argv, read);
      expect(r.status).toBe(2);
      expect(r.stdout).toEqual([]);
      expect(r.stderr[0]).toBe(message);
    });
  }
  it('usage is printed after an argument error', () => {
    expect(runCli([], read).stderr[1]).toBe(USAGE);
  });
  it('a file that is not text → exit 2', () => {
    const r = runCli(['propose', 'x.bin'], () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    expect(r.status).toBe(2);
    expect(r.stderr[0]).toBe('x.bin: not a text file (it contains NUL bytes): give a TDM CSV or a FHIR R4 Bundle in JSON');
  });
});

describe('the real command', () => {
  it('reads standard input, writes only JSON lines to stdout, and exits 0', () => {
    const csv = readFileSync('fixtures/validation/ocrelizumab-virtual-week28.csv', 'utf8');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'propose', '-'], { input: csv, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.length).toBeGreaterThan(10);
    expect(out.every((o) => o.drug === 'ocrelizumab' && o.proposal)).toBe(true);
  }, 60_000);
});
