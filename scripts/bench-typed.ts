/**
 * Speed of checking a row typed by hand against a long record (issue 15: 282 ms at 5000 rows on
 * the page's thread):  npx --no-install tsx scripts/bench-typed.ts
 *
 * A natalizumab patient with 5000 rows (longRecord), and a denser one (denseRecord). Medians of
 * the CPU time over several rounds (the machine's load is printed):
 *  - the plain check (checkTypedPlain: the whole record read again, then matched row by row);
 *  - the indexed check of a row already on record (checkTyped: answered from the record's index;
 *    the first time with the index built);
 *  - a new row: the records check of the whole record, which the app runs in its own worker for a
 *    long record (validateRowsNow), and what stays on the page's thread: the index of the record
 *    (built anew, as after each save), the typed row read alone, and copying the typed row to the
 *    worker and its answer back (structuredClone, as postMessage does; the worker holds the record).
 */
import { loadavg } from 'node:os';
import { parseTdmCsv } from '../src/core/records/index';
import type { PatientRecord } from '../src/core/types';
import { recordToRows, type EventRow } from '../src/app/lib/rows';
import { checkTyped, checkTypedPlain, sameFromIndex } from '../src/app/features/entry/typed';
import { validateRowsNow } from '../src/app/features/patient/validate-edit';

const TODAY = '2026-12-07';
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };

/**
 * A natalizumab record of `n` rows: an infusion every 4 weeks with a trough 15 minutes before it
 * (416 rows, 16 years), and a daily weight for the rest (a home scale's export): nothing the records
 * check warns about.
 */
export function longRecord(n = 5000): PatientRecord {
  const lines = ['patient_id,drug,kind,time,value,unit,route,duration_min,note'];
  const day = (i: number) => new Date(Date.parse('2010-01-04T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10);
  const infusions = 208;
  for (let i = 0; i < infusions; i++) {
    if (i > 0) lines.push(`P,natalizumab,level,${day(28 * i)}T08:45,${20 + (i % 9)},ug/mL,,,`);
    lines.push(`P,natalizumab,dose,${day(28 * i)}T09:00,300,mg,iv,60,`);
  }
  for (let i = 0; lines.length - 1 < n; i++) lines.push(`P,natalizumab,weight,${day(i)},${(68 + (i % 20) / 10).toFixed(1)},kg,,,`);
  return parseTdmCsv(lines.join('\n') + '\n', 'long.csv', { today: TODAY }).patients[0];
}

/** A denser record of `n` rows: an infusion every 4 days with a trough before the next (every pair of doses warned about as too close). */
export function denseRecord(n = 5000): PatientRecord {
  const lines = ['patient_id,drug,kind,time,value,unit,route,duration_min,note'];
  const day = (i: number) => new Date(Date.parse('1990-01-01T00:00:00Z') + i * 4 * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < n / 2; i++) lines.push(`P,natalizumab,dose,${day(i)}T09:00,300,mg,iv,60,`, `P,natalizumab,level,${day(i + 1)}T08:45,${20 + (i % 9)},ug/mL,,,`);
  return parseTdmCsv(lines.join('\n') + '\n', 'dense.csv', { today: TODAY }).patients[0];
}

/**
 * Median CPU time of `f` (this process's user + system time, ms): on a busy machine the wall clock
 * counts the time other processes had the core; the CPU time is the work done.
 */
async function time(f: () => Promise<unknown> | unknown, rounds: number): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const c0 = process.cpuUsage();
    await f();
    const c = process.cpuUsage(c0);
    xs.push((c.user + c.system) / 1000);
  }
  return median(xs);
}

export interface TypedBench { record: string; rows: number; plainNewMs: number; plainSameMs: number; indexedSameMs: number; indexedSameColdMs: number; recordCheckMs: number; mainThreadNewMs: number; firstSendMs: number }

export async function benchTyped(make: (n: number) => PatientRecord = longRecord, n = 5000, rounds = 7): Promise<TypedBench> {
  const rec = make(n);
  const rows = rec.doses.length + rec.levels.length + rec.weights.length;
  const level = (time: string, value: string): EventRow => ({ kind: 'level', time, value, unit: 'ug/mL', route: '', duration_min: '', note: '', sample: 'venous' });
  const onRecord = rec.levels[rec.levels.length >> 1];
  const again = level(onRecord.iso, String(onRecord.value));
  const fresh = level('2026-01-19T08:45', '21.4');
  await checkTypedPlain(rec, recordToRows(rec), [fresh], undefined, undefined, TODAY); // warm-up (module loads, JIT)
  const plainNewMs = await time(() => checkTypedPlain(rec, recordToRows(rec), [fresh], undefined, undefined, TODAY), rounds);
  const plainSameMs = await time(() => checkTypedPlain(rec, recordToRows(rec), [again], undefined, undefined, TODAY), rounds);
  // Cold: a record the index has not seen (a copy), as after each save.
  const indexedSameColdMs = await time(async () => { const r = { ...rec }; await checkTyped(r, recordToRows(r), [again], undefined, undefined, TODAY); }, rounds);
  const indexedSameMs = await time(() => checkTyped(rec, recordToRows(rec), [again], undefined, undefined, TODAY), rounds);
  const base = recordToRows(rec);
  const req = { base: rec, rows: [...base, fresh], today: TODAY };
  const recordCheckMs = await time(() => validateRowsNow(parseTdmCsv, req), rounds);
  // A new row on the page's thread (checkTyped): the index of a record not seen before (as after
  // each save) finds nothing to answer; the typed row goes to the validation worker, which holds the
  // record, and its answer comes back (copied as postMessage copies it, the table's rows left out).
  const answer = await checkTypedPlain(rec, base, [fresh], undefined, undefined, TODAY);
  const reply = answer.kind === 'ok' ? { ...answer, rows: [] } : answer;
  const mainThreadNewMs = await time(async () => {
    const r = { ...rec };
    if (await sameFromIndex(r, [fresh], undefined, TODAY)) throw new Error('a new row answered "same"');
    structuredClone({ type: 'typed', recordId: 1, resultId: 2, typed: [fresh], today: TODAY });
    structuredClone(reply);
  }, rounds);
  // Once per record the worker has not got yet (the first row typed after the patient is opened): the record copied to it.
  const firstSendMs = await time(() => structuredClone({ type: 'typed', recordId: 1, record: rec, resultId: 2, typed: [fresh], today: TODAY }), rounds);
  return { firstSendMs, record: make === denseRecord ? 'dense (2500 infusions 4 days apart, each warned about)' : 'infusions every 4 weeks and daily weights', rows, plainNewMs, plainSameMs, indexedSameMs, indexedSameColdMs, recordCheckMs, mainThreadNewMs };
}

export async function printTypedBench(): Promise<void> {
  console.log(`CPU time, medians of 7; machine: ${loadavg().map((x) => x.toFixed(1)).join(' / ')} load average`);
  for (const make of [longRecord, denseRecord]) {
    const b = await benchTyped(make);
    const f = (x: number) => `${x.toFixed(1)} ms`;
    console.log(`typed row against ${b.rows} rows, ${b.record}:`);
    console.log(`  plain check, whole record on the page's thread: new row ${f(b.plainNewMs)}, row already on record ${f(b.plainSameMs)}`);
    console.log(`  indexed check, row already on record: ${f(b.indexedSameMs)} (${f(b.indexedSameColdMs)} with the index built)`);
    console.log(`  new row: records check of the whole record ${f(b.recordCheckMs)} in the validation worker; on the page's thread ${f(b.mainThreadNewMs)} (index, the row read alone, copies to and from the worker), plus ${f(b.firstSendMs)} once to copy the record to the worker`);
  }
}

if (process.argv[1]?.endsWith('bench-typed.ts')) void printTypedBench().then(() => undefined, (e: unknown) => { console.error(e); process.exitCode = 1; });
