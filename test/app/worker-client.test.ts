import { describe, it, expect } from 'vitest';
import { CoreClient, type WorkerLike } from '../../src/app/worker-client';
import type { WorkerRequest, WorkerResponse } from '../../src/worker/protocol';
import type { PatientRecord } from '../../src/core/types';

class FakeWorker implements WorkerLike {
  sent: WorkerRequest[] = [];
  onmessage: ((ev: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  postMessage(msg: WorkerRequest) { this.sent.push(msg); }
  terminate() {}
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
