import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { runCli } from '../../src/cli/run';

// Malformed files: the command never crashes, answers on stdout in JSON only, names file:line on
// stderr, and still answers the patients whose rows are good.
const base = readFileSync('fixtures/examples/example-patients.csv', 'utf8').trim().split('\n');
const junk = ['', '-3', 'abc', '<', '<-1', '1e999', 'NaN', '2024-13-01', '2024-02-30T09:00', 'ug/dL', 'cells', 'dose', 'level', '"', '";"', '\u0000', '∞', '10^9/L', ' ', '=cmd|x'];

describe('malformed files', () => {
  it('never crash the command line, and keep the good patients', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ line: fc.integer({ min: 1, max: base.length - 1 }), field: fc.integer({ min: 0, max: 8 }), value: fc.constantFrom(...junk) }), { minLength: 1, maxLength: 4 }),
        (edits) => {
          const rows = base.map((l) => l.split(','));
          for (const e of edits) rows[e.line][e.field] = e.value;
          const text = rows.map((r) => r.join(',')).join('\n');
          const r = runCli(['propose', 'fuzz.csv'], () => Buffer.from(text, 'utf8'));
          expect([0, 1, 2]).toContain(r.status);
          const out = r.stdout.map((l) => JSON.parse(l) as { patient_id: string; error?: string; proposal?: unknown });
          for (const m of r.stderr) expect(m).not.toMatch(/\n\s+at /);
          if (r.status === 2) {
            expect(out).toEqual([]);
            expect(r.stderr.join('\n')).toMatch(/fuzz\.csv/);
            return;
          }
          // An unclosed quote swallows the rest of the file (said with file:line); otherwise the
          // patients untouched by any edit are answered with a proposal.
          if (edits.some((e) => e.value.includes('"'))) return;
          const touched = new Set(edits.map((e) => rows[e.line][0]));
          const untouched = new Set(base.slice(1).map((l) => l.split(',')[0]).filter((id) => !touched.has(id)));
          for (const o of out) if (untouched.has(o.patient_id) && !touched.has(o.patient_id)) expect(o.proposal ?? o.error).toBeDefined();
          for (const id of untouched) expect(out.some((o) => o.patient_id === id && o.proposal !== undefined)).toBe(true);
          if (r.status === 1) expect(out.some((o) => o.error !== undefined) || r.stderr.some((m) => /fuzz\.csv:\d+/.test(m))).toBe(true);
          for (const o of out) if (o.error !== undefined) expect(o.error.length).toBeGreaterThan(10);
          if (r.stderr.some((m) => m.startsWith('error:'))) expect(r.stderr.join('\n')).toMatch(/fuzz\.csv:\d+/);
        },
      ),
      { numRuns: 40, seed: 42 },
    );
  }, 120_000);
});
