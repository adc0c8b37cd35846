import { afterEach, describe, it, expect, vi } from 'vitest';
import { CoreClient, OverBudgetError, type WorkerLike } from '../../src/app/worker-client';
import type { WorkerRequest, WorkerResponse } from '../../src/worker/protocol';
import type { PatientRecord } from '../../src/core/types';

class FakeWorker implements WorkerLike {
  sent: WorkerRequest[] = [];
  onmessage: ((ev: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(msg: WorkerRequest) { this.sent.push(msg); }
  terminate() { this.terminated = true; }
  reply(res: WorkerResponse) { this.onmessage!({ data: res } as MessageEvent<WorkerResponse>); }
}

const job = (id: string) => ({ patient: { id } as PatientRecord, settings: { natalizumab: {}, ocrelizumab: {} }, asOf: { kind: 'last' as const } });
const done = (id: number, patientId: string): WorkerResponse => ({ type: 'computed', id, asOf: 1, ms: 2, report: { drug: null, patientId, error: 'x', issues: [] } });

describe('the worker queue', () => {
  it('sends one request at a time, lets the focused patient jump the queue and drops unwanted jobs', async () => {
    const w = new FakeWorker();
    const c = new CoreClient(() => w);
    const a = c.compute('a', job('A'));
    const b = c.compute('b', job('B'));
    const d = c.compute('d', job('D'));
    const e = c.compute('e', job('E'));
    expect(w.sent).toHaveLength(1);
    c.prioritise('e');
    c.retain(new Set(['a', 'd', 'e']));
    await expect(b).rejects.toThrow('dropped');
    w.reply(done(w.sent[0].id, 'A'));
    expect((await a).report.patientId).toBe('A');
    expect(w.sent).toHaveLength(2);
    expect(w.sent[1].type === 'compute' && w.sent[1].job.patient.id).toBe('E');
    w.reply(done(w.sent[1].id, 'E'));
    await e;
    w.reply({ type: 'failed', id: w.sent[2].id, message: 'boom' });
    await expect(d).rejects.toThrow('boom');
    expect(c.busy).toBe(0);
  });
  it('a job asked again while it waits or runs is computed once and answers both (issue 17, item 6)', async () => {
    const w = new FakeWorker();
    const c = new CoreClient(() => w);
    const a1 = c.compute('a', job('A'));
    const b1 = c.compute('b', job('B'));
    const a2 = c.compute('a', job('A')); // running
    const b2 = c.compute('b', job('B'), true); // waiting: joins, and goes first
    expect(w.sent).toHaveLength(1);
    w.reply(done(w.sent[0].id, 'A'));
    expect((await a1).report.patientId).toBe('A');
    expect((await a2).report.patientId).toBe('A');
    expect(w.sent).toHaveLength(2);
    w.reply(done(w.sent[1].id, 'B'));
    expect((await b1).report.patientId).toBe('B');
    expect((await b2).report.patientId).toBe('B');
    expect(w.sent.filter((r) => r.type === 'compute')).toHaveLength(2);
    // Dropped or failed: everyone who asked hears it.
    const d1 = c.compute('d', job('D'));
    const e1 = c.compute('e', job('E'));
    const e2 = c.compute('e', job('E'));
    c.retain(new Set(['d']));
    await expect(e1).rejects.toThrow('dropped');
    await expect(e2).rejects.toThrow('dropped');
    const d2 = c.compute('d', job('D'));
    w.reply({ type: 'failed', id: w.sent[2].id, message: 'boom' });
    await expect(d1).rejects.toThrow('boom');
    await expect(d2).rejects.toThrow('boom');
    expect(c.busy).toBe(0);
  });
  it('keeps the history jobs when the list retains its own, and drops them on their own', async () => {
    const w = new FakeWorker();
    const c = new CoreClient(() => w);
    void c.compute('a', job('A'));
    const h1 = c.compute('history|A|x|y|2024-01-01', job('A'), true);
    const h2 = c.compute('history|A|x|y|2024-02-01', job('A'));
    const b = c.compute('b', job('B'));
    expect(c.retain(new Set())).toEqual(['b']);
    await expect(b).rejects.toThrow('dropped');
    expect(c.busy).toBe(3);
    expect(c.retain(new Set(), (k) => k.startsWith('history|'))).toEqual(['history|A|x|y|2024-01-01', 'history|A|x|y|2024-02-01']);
    await expect(h1).rejects.toThrow('dropped');
    await expect(h2).rejects.toThrow('dropped');
    expect(c.busy).toBe(1);
  });
  it('track records: their own group for retain; in the background they wait until no other request does', async () => {
    const w = new FakeWorker();
    const c = new CoreClient(() => w);
    void c.compute('a', job('A'));
    const t1 = c.track('track|T1', { id: 'T1' } as PatientRecord, {}, true);
    void c.compute('b', job('B'));
    const t2 = c.track('track|T2', { id: 'T2' } as PatientRecord, {});
    // The list's retain leaves the track jobs alone; their own drops them.
    expect(c.retain(new Set(['a', 'b']))).toEqual([]);
    w.reply(done(w.sent[0].id, 'A'));
    // B (waiting) goes before the background T1 queued before it; T2 (foreground) before T1 too.
    expect(w.sent[1].type === 'compute' && w.sent[1].job.patient.id).toBe('B');
    w.reply(done(w.sent[1].id, 'B'));
    expect(w.sent[2]).toMatchObject({ type: 'track', patient: { id: 'T2' } });
    w.reply({ type: 'tracked', id: w.sent[2].id, track: { scores: [] }, ms: 1 });
    expect(await t2).toEqual({ track: { scores: [] }, ms: 1 });
    expect(w.sent[3]).toMatchObject({ type: 'track', patient: { id: 'T1' } });
    w.reply({ type: 'tracked', id: w.sent[3].id, track: { error: 'e' }, ms: 1 });
    expect((await t1).track).toEqual({ error: 'e' });
    const t3 = c.track('track|T3', { id: 'T3' } as PatientRecord, {});
    void c.compute('c', job('C'));
    const t4 = c.track('track|T4', { id: 'T4' } as PatientRecord, {});
    expect(c.retain(new Set(['track|T3']), (k) => k.startsWith('track|'))).toEqual(['track|T4']);
    await expect(t4).rejects.toThrow('dropped');
    w.reply({ type: 'tracked', id: w.sent[4].id, track: null, ms: 1 });
    expect((await t3).track).toBeNull();
  });
  it('puts a file parse first', async () => {
    const w = new FakeWorker();
    const c = new CoreClient(() => w);
    void c.compute('a', job('A'));
    void c.compute('b', job('B'));
    const p = c.parse('text', 'f.csv');
    w.reply(done(w.sent[0].id, 'A'));
    expect(w.sent[1].type).toBe('parse');
    w.reply({ type: 'parsed', id: w.sent[1].id, ms: 1, result: { patients: [], issues: [], extraColumns: [], dialect: 'comma', fatal: true } });
    expect((await p).fatal).toBe(true);
  });
});

describe('the time budget: never stuck', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('stops a patient that overruns, starts a fresh worker and goes on with the others', async () => {
    vi.useFakeTimers();
    const workers: FakeWorker[] = [];
    const c = new CoreClient(() => { const w = new FakeWorker(); workers.push(w); return w; }, { computeBudgetMs: 5000 });
    const slow = c.compute('slow', job('SLOW'));
    const next = c.compute('next', job('NEXT'));
    const slowDone = slow.then(() => 'resolved', (e: unknown) => e);
    expect(workers).toHaveLength(1);
    expect(workers[0].sent.map((r) => r.type === 'compute' && r.job.patient.id)).toEqual(['SLOW']);
    vi.advanceTimersByTime(4999);
    expect(workers).toHaveLength(1); // within the budget: still waiting
    vi.advanceTimersByTime(1);
    const err = await slowDone;
    expect(err).toBeInstanceOf(OverBudgetError);
    expect((err as OverBudgetError).message).toBe('the computation took longer than 5 s and was stopped');
    expect((err as OverBudgetError).budgetMs).toBe(5000);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(c.started).toBe(2);
    // the next patient went to the fresh worker at once
    expect(workers[1].sent.map((r) => r.type === 'compute' && r.job.patient.id)).toEqual(['NEXT']);
    // a late answer of the stopped worker is ignored
    workers[0].reply(done(workers[0].sent[0].id, 'SLOW'));
    workers[1].reply(done(workers[1].sent[0].id, 'NEXT'));
    expect((await next).report.patientId).toBe('NEXT');
    expect(c.busy).toBe(0);
  });

  it('an answer within the budget clears the timer (no stop later)', async () => {
    vi.useFakeTimers();
    const workers: FakeWorker[] = [];
    const c = new CoreClient(() => { const w = new FakeWorker(); workers.push(w); return w; }, { computeBudgetMs: 1000 });
    const a = c.compute('a', job('A'));
    vi.advanceTimersByTime(900);
    workers[0].reply(done(workers[0].sent[0].id, 'A'));
    await a;
    vi.advanceTimersByTime(10_000);
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(false);
  });

  it('with two lanes, a slow patient holds up one lane while the others go through the other', async () => {
    vi.useFakeTimers();
    const workers: FakeWorker[] = [];
    const c = new CoreClient(() => { const w = new FakeWorker(); workers.push(w); return w; }, { computeBudgetMs: 8000, lanes: 2 });
    const slow = c.compute('slow', job('SLOW'));
    const rest = ['A', 'B', 'C'].map((id) => c.compute(id, job(id)));
    const ids = (w: FakeWorker) => w.sent.map((r) => r.type === 'compute' && r.job.patient.id);
    expect(workers).toHaveLength(2);
    for (let i = 0; i < 3; i++) {
      const last = workers[1].sent[workers[1].sent.length - 1];
      workers[1].reply(done(last.id, 'x'));
    }
    await Promise.all(rest);
    expect(ids(workers[0])).toEqual(['SLOW']);
    expect(ids(workers[1])).toEqual(['A', 'B', 'C']);
    vi.advanceTimersByTime(8000);
    await expect(slow).rejects.toBeInstanceOf(OverBudgetError);
    expect(workers).toHaveLength(3);
    expect(c.busy).toBe(0);
  });

  it('replaces a crashed worker and fails only the request it had', async () => {
    const workers: FakeWorker[] = [];
    const c = new CoreClient(() => { const w = new FakeWorker(); workers.push(w); return w; });
    const a = c.compute('a', job('A'));
    const b = c.compute('b', job('B'));
    workers[0].onerror!({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    await expect(a).rejects.toThrow('out of memory');
    expect(workers).toHaveLength(2);
    workers[1].reply(done(workers[1].sent[0].id, 'B'));
    expect((await b).report.patientId).toBe('B');
    c.terminate();
  });
});
