/**
 * Issue 8, item 4 on the command line: the absurd-record file answered for every patient (an error
 * line, or 4 weeks with a warning) within 10 s, each line written as soon as it is computed, and
 * the per-patient time limit ends in the patient's error line, not a hang.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { runCli } from '../../src/cli/run';

const FILE = 'fixtures/robustness/natalizumab-absurd.csv';

/** Patient ids in order of first appearance (read here, independently of the records module). */
function idsOf(path: string): string[] {
  const ids: string[] = [];
  for (const line of readFileSync(path, 'utf8').trim().split('\n').slice(1)) {
    const id = line.split(',')[0];
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

function checkLines(stdout: string[]): void {
  const ids = idsOf(FILE);
  expect(stdout.map((l) => JSON.parse(l).patient_id)).toEqual(ids);
  for (const l of stdout) {
    const o = JSON.parse(l);
    if ('error' in o) {
      expect(typeof o.error, o.patient_id).toBe('string');
      expect(o.error.length, o.patient_id).toBeGreaterThan(20);
    } else {
      expect(o.proposal.interval_weeks, o.patient_id).toBe(4);
      expect(o.proposal.extended, o.patient_id).toBe(false);
      expect(o.warning_codes.length, o.patient_id).toBeGreaterThan(0);
    }
  }
}

describe('tdm propose on absurd records', () => {
  it('answers every patient, streaming each line before the next patient starts', () => {
    const streamed: { line: string; clockCalls: number }[] = [];
    let clockCalls = 0;
    const t0 = performance.now();
    const r = runCli(['propose', FILE], (f) => readFileSync(f), {
      sink: { out: (line) => streamed.push({ line, clockCalls }), err: () => {} },
      clock: () => { clockCalls++; return performance.now(); },
    });
    const ms = performance.now() - t0;
    expect(r.status).toBe(1); // some patients' rows are refused by the records' sense checks
    checkLines(r.stdout);
    expect(streamed.map((s) => s.line)).toEqual(r.stdout);
    // The clock is read when each patient starts: a line written at the end would see them all.
    for (let k = 1; k < streamed.length; k++) expect(streamed[k].clockCalls).toBeGreaterThan(streamed[k - 1].clockCalls);
    expect(streamed[0].clockCalls).toBeLessThan(clockCalls);
    expect(ms).toBeLessThan(10_000);
  }, 60_000);

  it('a patient past its time limit gets an error line and the others are still answered', () => {
    // A clock that jumps 1 s per reading: with a 0.5 s limit every natalizumab patient stops at
    // its first check, deterministically.
    let now = 0;
    const r = runCli(['propose', 'fixtures/examples/example-patients.csv'], (f) => readFileSync(f), {
      clock: () => (now += 1000), patientTimeLimitMs: 500,
    });
    expect(r.status).toBe(1);
    const lines = r.stdout.map((l) => JSON.parse(l));
    const nat = lines.filter((o) => o.drug === 'natalizumab');
    expect(nat.length).toBeGreaterThan(0);
    for (const o of nat) expect(o.error).toMatch(/^the computation was stopped after \d+ integrator steps: the record is far outside what the model describes; check the levels, their units and times, the doses and the weights$/);
    // Ocrelizumab has no ODE: its patients are answered as usual.
    const ocr = lines.filter((o) => o.drug === 'ocrelizumab');
    expect(ocr.length).toBeGreaterThan(0);
    for (const o of ocr) expect(o.error).toBeUndefined();
    expect(r.stderr.filter((m) => m.includes('the computation was stopped')).length).toBe(nat.length);
  });

  it('the real command (npm run -s tdm: scripts/tdm.mjs, start-up included) answers the whole file within 10 s', () => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['scripts/tdm.mjs', 'propose', FILE], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const ms = performance.now() - t0;
    expect(r.status).toBe(1);
    checkLines(r.stdout.trim().split('\n'));
    expect(ms).toBeLessThan(10_000);
  }, 60_000);

  it('the bundled start (scripts/tdm.mjs) prints exactly what the TypeScript sources print', () => {
    const args = ['propose', 'fixtures/examples/example-patients.csv'];
    const fast = spawnSync(process.execPath, ['scripts/tdm.mjs', ...args], { encoding: 'utf8' });
    const ts = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
    expect(fast.status).toBe(ts.status);
    expect(fast.stdout).toBe(ts.stdout);
    expect(fast.stderr).toBe(ts.stderr);
    expect(fast.stdout.split('\n').length).toBeGreaterThan(5);
  }, 60_000);
});
