/**
 * The indexed check of a typed row (issue 15: fast at 5000 rows; src/app/features/entry/typed.ts)
 * gives the same answers as the plain one (the whole record read again, then matched row by row),
 * on random records and random typed rows: rows on record typed again (in another unit, with a
 * note, a weight at another clock time), another value at a time on record, new rows, refused
 * rows, several rows at once.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTdmCsv } from '../../../../src/core/records/index';
import type { PatientRecord } from '../../../../src/core/types';
import { recordToRows, type EventRow } from '../../../../src/app/lib/rows';
import { checkTyped, checkTypedPlain, recordIndex, type TypedCheck } from '../../../../src/app/features/entry/typed';

const TODAY = '2026-12-07';
const HEAD = 'patient_id,drug,kind,time,value,unit,route,duration_min,note\n';
const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

interface Plan { drug: 'natalizumab' | 'ocrelizumab'; doses: number; gap: number; levels: number[]; weight: number | null }

/** A record: doses every `gap` days, a sample drawn 15 minutes before some of them, perhaps a weight. */
function recordOf(p: Plan): PatientRecord {
  const lines: string[] = [];
  if (p.weight !== null) lines.push(`R,${p.drug},weight,${day(0)},${p.weight},kg,,,`);
  for (let i = 0; i < p.doses; i++) {
    const d = day(i * p.gap);
    if (i > 0 && p.levels[i % p.levels.length] > 0) {
      lines.push(p.drug === 'natalizumab' ? `R,natalizumab,level,${d}T08:45,${p.levels[i % p.levels.length]},ug/mL,,,` : `R,ocrelizumab,bcell,${d}T08:45,${p.levels[i % p.levels.length]},cells/uL,,,`);
    }
    lines.push(p.drug === 'natalizumab' ? `R,natalizumab,dose,${d}T09:00,300,mg,iv,60,` : `R,ocrelizumab,dose,${d}T09:00,600,mg,iv,210,`);
  }
  return parseTdmCsv(HEAD + lines.join('\n') + '\n', 'r.csv', { today: TODAY }).patients[0];
}

const plans = fc.record({
  drug: fc.constantFrom('natalizumab' as const, 'ocrelizumab' as const),
  doses: fc.integer({ min: 1, max: 12 }),
  gap: fc.integer({ min: 28, max: 200 }),
  levels: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })), { minLength: 1, maxLength: 5 }),
  weight: fc.option(fc.integer({ min: 45, max: 120 }), { nil: null }),
});

/** A typed row built from a row on record or from scratch, as a form would give it. */
type Make = (rows: EventRow[], drug: string) => EventRow;
const blank = { route: '', duration_min: '', note: '' };
const makers: fc.Arbitrary<Make> = fc.oneof(
  // A row on record typed again, as it is, with a note, or a level in ng/mL.
  fc.nat().map((n) => (rows: EventRow[]) => ({ ...rows[n % rows.length] })),
  fc.nat().map((n) => (rows: EventRow[]) => ({ ...rows[n % rows.length], note: 'again' })),
  fc.nat().map((n) => (rows: EventRow[]) => {
    const r = rows[n % rows.length];
    return r.kind === 'level' ? { ...r, value: String(Number(r.value) * 1000), unit: 'ng/mL' } : { ...r };
  }),
  // A weight on the date on record at another clock time.
  fc.nat().map((n) => (rows: EventRow[]) => { const r = rows[n % rows.length]; return r.kind === 'weight' ? { ...r, time: `${r.time.slice(0, 10)}T15:20` } : { ...r }; }),
  // Another value at a time on record.
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 400 })).map(([n, v]) => (rows: EventRow[]) => ({ ...rows[n % rows.length], value: String(v) })),
  // A new row: a level or count, a dose, a weight, on some day.
  fc.tuple(fc.integer({ min: 0, max: 1100 }), fc.integer({ min: 1, max: 80 }), fc.constantFrom('sample', 'dose', 'weight')).map(([d, v, k]) => (_: EventRow[], drug: string) =>
    k === 'dose' ? { kind: 'dose' as const, time: `${day(d)}T09:00`, value: drug === 'natalizumab' ? '300' : '600', unit: 'mg', route: 'iv', duration_min: '', note: '' }
      : k === 'weight' ? { kind: 'weight' as const, time: day(d), value: String(40 + v), unit: 'kg', ...blank }
        : drug === 'natalizumab' ? { kind: 'level' as const, time: `${day(d)}T08:45`, value: String(v), unit: 'ug/mL', ...blank, sample: 'venous' }
          : { kind: 'bcell' as const, time: `${day(d)}T08:45`, value: String(v), unit: 'cells/uL', ...blank }),
  // Refused: not a number, after today.
  fc.nat().map((n) => (rows: EventRow[]) => ({ ...rows[n % rows.length], value: 'abc' })),
  fc.nat().map((n) => (rows: EventRow[]) => ({ ...rows[n % rows.length], time: '2999-01-01T09:00' })),
);

/** What a check answers, without the file's line numbers. */
function answer(c: TypedCheck): unknown {
  const plain = (r: unknown) => JSON.parse(JSON.stringify(r, (k, v) => (k === 'line' || k === 'message' ? undefined : v)));
  if (c.kind === 'same') return { kind: 'same', typed: c.typed, row: plain(c.row) };
  if (c.kind === 'refused') return { kind: 'refused', errors: c.result.issues.filter((x) => x.issue.severity === 'error').map((x) => [x.row, x.issue.code, x.issue.column]) };
  return { kind: 'ok', replaces: plain(c.replaces), record: plain({ ...c.result.record, issues: [] }), warnings: c.result.issues.map((x) => [x.row, x.issue.code]) };
}

describe('the indexed check of typed rows', () => {
  it('answers as the plain check on random records and typed rows (one row or several)', async () => {
    await fc.assert(fc.asyncProperty(plans, fc.array(makers, { minLength: 1, maxLength: 3 }), async (p, make) => {
      const rec = recordOf(p);
      fc.pre(!!rec);
      const base = recordToRows(rec);
      const typed = make.map((m) => m(base, rec.drug));
      const fast = await checkTyped(rec, base, typed, undefined, undefined, TODAY);
      const slow = await checkTypedPlain(rec, base, typed, undefined, undefined, TODAY);
      expect(answer(fast)).toEqual(answer(slow));
      // Without the table's rows (the forms): the same.
      expect(answer(await checkTyped(rec, null, typed, undefined, undefined, TODAY))).toEqual(answer(slow));
    }), { numRuns: 300 });
  });

  it('answers "already on record" from the index for every row on record typed again', async () => {
    const rec = recordOf({ drug: 'natalizumab', doses: 10, gap: 28, levels: [0, 20, 0, 31], weight: 70 });
    const base = recordToRows(rec);
    expect([...recordIndex(rec).values()].reduce((n, m) => n + m.size, 0)).toBe(base.length);
    expect(recordIndex(rec)).toBe(recordIndex(rec)); // built once per record
    for (const r of base) {
      const c = await checkTyped(rec, base, [{ ...r }], undefined, undefined, TODAY);
      expect(c.kind, `${r.kind} ${r.time}`).toBe('same');
    }
  });
});
