/**
 * Speed of checking a row typed by hand against a long record (issue 15: 282 ms at 5000 rows on
 * the page's thread):  npx --no-install tsx scripts/bench-typed.ts
 *
 * A natalizumab patient with 5000 rows (2500 doses and 2500 troughs). Medians over several rounds:
 *  - the plain check (checkTypedPlain: the whole record read again, then matched row by row);
 *  - the indexed check of a row already on record (checkTyped: answered from the record's index;
 *    the first time with the index built);
 *  - a new row: the records check of the whole record, which the app runs in its own worker for a
 *    long record (validateRowsNow), and what stays on the page's thread: the table's rows, the
 *    matching and the replacements, and copying the request to the worker and its answer back
 *    (structuredClone, as postMessage does).
 */
import { performance } from 'node:perf_hooks';
import { parseTdmCsv } from '../src/core/records/index';
import type { PatientRecord } from '../src/core/types';
import { recordToRows, type EventRow } from '../src/app/lib/rows';
import { checkTyped, checkTypedPlain } from '../src/app/features/entry/typed';
import { validateRowsNow } from '../src/app/features/patient/validate-edit';

const TODAY = '2026-12-07';
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };

/** A natalizumab record of `n` rows: a dose every 4 days and a trough 15 minutes before the next. */
export function longRecord(n = 5000): PatientRecord {
  const lines = ['patient_id,drug,kind,time,value,unit,route,duration_min,note'];
  const d0 = Date.parse('1990-01-01T00:00:00Z');
  const at = (i: number) => new Date(d0 + i * 4 * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < n / 2; i++) {
    lines.push(`P,natalizumab,dose,${at(i)}T09:00,300,mg,iv,60,`, `P,natalizumab,level,${at(i + 1)}T08:45,${20 + (i % 9)},ug/mL,,,`);
  }
  return parseTdmCsv(lines.join('\n') + '\n', 'long.csv', { today: TODAY }).patients[0];
}

async function time(f: () => Promise<unknown> | unknown, rounds: number): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < rounds; i++) { const t0 = performance.now(); await f(); xs.push(performance.now() - t0); }
  return median(xs);
}

export interface TypedBench { rows: number; plainNewMs: number; plainSameMs: number; indexedSameMs: number; indexedSameColdMs: number; recordCheckMs: number; mainThreadNewMs: number }

export async function benchTyped(n = 5000, rounds = 7): Promise<TypedBench> {
  const rec = longRecord(n);
  const rows = rec.doses.length + rec.levels.length;
  const level = (time: string, value: string): EventRow => ({ kind: 'level', time, value, unit: 'ug/mL', route: '', duration_min: '', note: '', sample: 'venous' });
  const onRecord = rec.levels[rec.levels.length >> 1];
  const again = level(onRecord.iso, String(onRecord.value));
  const fresh = level('2026-11-30T08:45', '21.4');
  await checkTypedPlain(rec, recordToRows(rec), [fresh], undefined, undefined, TODAY); // warm-up (module loads, JIT)
  const plainNewMs = await time(() => checkTypedPlain(rec, recordToRows(rec), [fresh], undefined, undefined, TODAY), rounds);
  const plainSameMs = await time(() => checkTypedPlain(rec, recordToRows(rec), [again], undefined, undefined, TODAY), rounds);
  // Cold: a record the index has not seen (a copy), as after each save.
  const indexedSameColdMs = await time(async () => { const r = { ...rec }; await checkTyped(r, recordToRows(r), [again], undefined, undefined, TODAY); }, rounds);
  const indexedSameMs = await time(() => checkTyped(rec, recordToRows(rec), [again], undefined, undefined, TODAY), rounds);
  const base = recordToRows(rec);
  const req = { base: rec, rows: [...base, fresh], today: TODAY };
  const result = validateRowsNow(parseTdmCsv, req);
  const recordCheckMs = await time(() => validateRowsNow(parseTdmCsv, req), rounds);
  // Sent to the worker: the table's rows and the record without its rows (validate-edit.ts); back: the checked record.
  const slim = { ...rec, doses: [], levels: [], bcells: [], weights: [], issues: [] };
  const cloneMs = await time(() => { structuredClone({ ...req, base: slim }); structuredClone(result); }, rounds);
  // What stays on the page's thread for a new row: the table's rows and the matching (the plain check less
  // the records check; the two are timed apart, so this is an estimate), and the copies to and from the worker.
  const mainThreadNewMs = Math.max(0, plainNewMs - recordCheckMs) + cloneMs;
  return { rows, plainNewMs, plainSameMs, indexedSameMs, indexedSameColdMs, recordCheckMs, mainThreadNewMs };
}

export async function printTypedBench(): Promise<void> {
  const b = await benchTyped();
  const f = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`typed row against ${b.rows} rows (medians):`);
  console.log(`  plain check, whole record on the page's thread: new row ${f(b.plainNewMs)}, row already on record ${f(b.plainSameMs)}`);
  console.log(`  indexed check, row already on record: ${f(b.indexedSameMs)} (${f(b.indexedSameColdMs)} with the index built)`);
  console.log(`  new row: records check of the whole record ${f(b.recordCheckMs)} in the validation worker; on the page's thread about ${f(b.mainThreadNewMs)} (matching, copies to and from the worker)`);
}

if (process.argv[1]?.endsWith('bench-typed.ts')) void printTypedBench().then(() => undefined, (e: unknown) => { console.error(e); process.exitCode = 1; });
