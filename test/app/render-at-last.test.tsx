// @vitest-environment jsdom
/**
 * The planning list is drawn as soon as the last patient is planned (issue 17, item 6): results
 * are gathered into one drawing every RENDER_GATHER_BUSY_MS while they keep coming, but the last
 * one does not wait for the next gathering (it left the list up to 0.8 s behind the workers). The
 * workers are a fake here whose answers the test gives one by one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import type { StoredPatient } from '../../src/app/storage/db';
import type { Computed } from '../../src/app/worker-client';

const answers: ((c: Computed) => void)[] = [];
vi.mock('../../src/app/worker-client', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/app/worker-client')>();
  class FakeClient {
    compute(): Promise<Computed> { return new Promise((resolve) => answers.push(resolve)); }
    retain(): string[] { return []; }
    prioritise(): void { /* the order does not matter here */ }
  }
  return { ...real, CoreClient: FakeClient };
});

const { useReports, RENDER_GATHER_BUSY_MS } = await import('../../src/app/use-reports');

const patient = (id: string): StoredPatient => ({
  id, overrides: { natalizumab: {}, ocrelizumab: {} }, choice: null, updatedAt: '', seq: 0,
  record: { id, drug: 'natalizumab', doses: [], levels: [], bcells: [], weights: [], issues: [], order: 0 },
});
const patients = ['A', 'B', 'C'].map(patient);

function Probe() {
  const { reports } = useReports(patients, { natalizumab: {}, ocrelizumab: {} }, { kind: 'last' }, null, null, true);
  return <div data-testid="probe" data-planned={[...reports.values()].filter((r) => r.report && !r.stale).length} />;
}
const answer = (i: number) => answers[i]({ report: { error: 'x', patientId: patients[i].id } as never, asOf: 0, ms: 1 });

beforeEach(() => { vi.useFakeTimers(); answers.length = 0; });
afterEach(() => { cleanup(); vi.useRealTimers(); });

describe('the planning list while its patients are planned', () => {
  it('gathers the first answers into one drawing, and draws the last one at once', async () => {
    const view = render(<Probe />);
    const planned = () => Number(view.getByTestId('probe').getAttribute('data-planned'));
    await act(async () => { await vi.advanceTimersByTimeAsync(0); });
    expect(answers).toHaveLength(3);
    await act(async () => { answer(0); await vi.advanceTimersByTimeAsync(0); });
    // Gathered: not drawn yet for this one answer.
    expect(planned()).toBe(0);
    await act(async () => { await vi.advanceTimersByTimeAsync(RENDER_GATHER_BUSY_MS); });
    expect(planned()).toBe(1);
    await act(async () => { answer(1); await vi.advanceTimersByTimeAsync(10); });
    expect(planned()).toBe(1);
    // The last answer: drawn with no timer run (before, it waited up to RENDER_GATHER_BUSY_MS).
    await act(async () => { answer(2); await vi.advanceTimersByTimeAsync(0); });
    expect(planned()).toBe(3);
  });
});
