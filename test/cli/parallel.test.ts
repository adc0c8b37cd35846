/**
 * `propose` on several threads (src/cli/parallel.ts): when it splits the work, and that the real
 * command (the bundle, scripts/tdm.mjs) prints the same standard output, line for line and in the
 * file's order, the same messages and the same exit status on 2 or 3 threads as on one.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PARALLEL_MIN_BYTES, threadsFor } from '../../src/cli/parallel';
import { makeBatch } from '../../scripts/batch';

const dir = mkdtempSync(join(tmpdir(), 'tdm-parallel-'));
const big = join(dir, 'big.csv');
// 80 patients (the examples under new ids, ~56 KB) and one refused row: its patient's line carries the error.
const text = makeBatch('fixtures/examples/example-patients.csv', 80) + 'B00003,natalizumab,level,2026-02-30T09:00,abc,ug/mL,,,\n';
writeFileSync(big, text);
const small = join(dir, 'small.csv');
writeFileSync(small, makeBatch('fixtures/examples/example-patients.csv', 9));

describe('when propose uses several threads', () => {
  it('a large file with propose, as the bundle, on a machine with more than one core; else one thread', () => {
    expect(text.length).toBeGreaterThan(PARALLEL_MIN_BYTES);
    expect(threadsFor(['propose', big], {}, true, 2)).toBe(2);
    expect(threadsFor(['propose', big, '--target', '5'], {}, true, 16)).toBe(8);
    expect(threadsFor(['propose', big], {}, true, 1)).toBe(1);
    expect(threadsFor(['propose', big], { TDM_WORKERS: '1' }, true, 4)).toBe(1);
    expect(threadsFor(['propose', big], { TDM_WORKERS: '3' }, true, 2)).toBe(3);
    expect(threadsFor(['propose', big], { TDM_WORKERS: 'many' }, true, 2)).toBe(2);
    expect(threadsFor(['propose', big], {}, false, 4)).toBe(1); // the TypeScript sources: a worker could not start them
    expect(threadsFor(['propose', big, '--calibrate'], {}, true, 4)).toBe(1);
    expect(threadsFor(['propose', '-'], {}, true, 4)).toBe(1);
    expect(threadsFor(['predict', big, '--at', '+6w'], {}, true, 4)).toBe(1);
    expect(threadsFor(['propose', small], {}, true, 4)).toBe(1);
    expect(threadsFor(['propose', join(dir, 'missing.csv')], {}, true, 4)).toBe(1);
  });
});

describe('the same answers on several threads', () => {
  const run = (threads: number) => spawnSync(process.execPath, ['scripts/tdm.mjs', 'propose', big], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, TDM_WORKERS: String(threads) } });

  it('standard output identical line for line, the same messages once each, the same exit status', () => {
    const one = run(1);
    expect(one.status).toBe(1); // the refused row's patient
    const lines = one.stdout.trim().split('\n');
    expect(lines).toHaveLength(80);
    expect(lines.map((l) => JSON.parse(l).patient_id)).toEqual(Array.from({ length: 80 }, (_, i) => `B${String(i).padStart(5, '0')}`));
    expect(JSON.parse(lines[3]).error).toMatch(/^2 row\(s\) could not be used: big.csv:952: time "2026-02-30T09:00" is not a valid date/);
    const fileMessage = one.stderr.split('\n').filter((l) => l.includes('2026-02-30'));
    expect(fileMessage.length).toBeGreaterThan(0);
    for (const threads of [2, 3]) {
      const many = run(threads);
      expect(many.status, `${threads} threads`).toBe(one.status);
      expect(many.stdout, `${threads} threads`).toBe(one.stdout);
      // Messages of different threads may interleave differently: the same lines, each once.
      expect(many.stderr.split('\n').sort(), `${threads} threads`).toEqual(one.stderr.split('\n').sort());
    }
  }, 180_000);
});
