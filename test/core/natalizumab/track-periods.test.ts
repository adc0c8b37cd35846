import { describe, expect, it } from 'vitest';
import { combinations } from 'mathjs';
import { parseTdmCsv } from '../../../src/core/records/index';
import { patientTrackRecord, type TroughScore } from '../../../src/core/natalizumab/track-record';
import { quarterOf, signTestP, trackRecordByQuarter, SHIFT_P } from '../../../src/core/natalizumab/track-periods';
import { simulateClinic, MODEL_WORLD, IOV_WORLD } from '../../../scripts/simulate-clinic';

/** A scored trough with only what the quarters read (the rest is not looked at). */
function score(iso: string, ratio: number | null, inside80 = true, patientId = 'P1'): TroughScore {
  return {
    patientId, time: 0, iso, measured: 10, censored: ratio === null, capillary: false, median: 10, low80: 8, high80: 12,
    pit: 0.5, inside: [inside80, inside80, true], logRatio: ratio,
    spread: { conc: 0, assay: 0, sensitivity: 0, occasions: 1, iov: 0.15 },
  };
}

/** n troughs in one quarter, `below` of them with log ratio `low`, the rest `high`. */
function quarter(iso: string, n: number, below: number, low: number, high: number): TroughScore[] {
  return Array.from({ length: n }, (_, i) => score(iso, i < below ? low : high, true, `P${i}`));
}

describe('track record by quarter', () => {
  it('puts a date in its calendar quarter', () => {
    expect(['2024-01-01T00:00', '2024-03-31T23:59', '2024-04-01T00:00', '2024-06-30', '2024-07-01', '2024-09-30', '2024-10-01', '2024-12-31'].map(quarterOf))
      .toEqual(['2024-Q1', '2024-Q1', '2024-Q2', '2024-Q2', '2024-Q3', '2024-Q3', '2024-Q4', '2024-Q4']);
  });

  it('the sign test is the exact two-sided binomial tail (mathjs combinations as the oracle)', () => {
    for (const n of [1, 5, 10, 14, 20, 33, 60]) {
      for (let k = 0; k <= n; k++) {
        const lo = Math.min(k, n - k);
        let tail = 0;
        for (let i = 0; i <= lo; i++) tail += Number(combinations(n, i));
        const expected = Math.min(1, (2 * tail) / 2 ** n);
        expect(signTestP(k, n - k)).toBeCloseTo(expected, 12);
      }
    }
    expect(signTestP(0, 0)).toBe(1);
    // Large n stays finite: 600 of 1000 below is p ≈ 2.7e-10 (normal approximation with continuity: z = 6.29).
    const p = signTestP(600, 400);
    expect(p).toBeGreaterThan(1e-10);
    expect(p).toBeLessThan(1e-9);
  });

  it('flags a quarter on each side of the test level: 20 troughs, 2 above (p = 0.0004) but not 3 above (p = 0.0026)', () => {
    expect(signTestP(18, 2)).toBeLessThan(SHIFT_P);
    expect(signTestP(17, 3)).toBeGreaterThan(SHIFT_P);
    const q = trackRecordByQuarter([...quarter('2024-02-01T09:00', 20, 18, -0.4, 0.1), ...quarter('2024-05-01T09:00', 20, 17, -0.4, 0.1)]);
    expect(q.map((x) => [x.quarter, x.scored, x.below, x.above, x.shift])).toEqual([
      ['2024-Q1', 20, 18, 2, 'low'],
      ['2024-Q2', 20, 17, 3, null],
    ]);
    expect(q[0].medianLogRatio).toBe(-0.4);
    // Reading high the same way: flagged 'high'.
    expect(trackRecordByQuarter(quarter('2024-08-01', 20, 2, -0.1, 0.4))[0].shift).toBe('high');
  });

  it('a bias under 10 % is not a laboratory change, however many troughs: a median ratio of 0.905 is not flagged, 0.89 is', () => {
    const at = (r: number) => trackRecordByQuarter(quarter('2024-02-01', 200, 200, Math.log(r), 0))[0];
    expect(at(0.905).p).toBeLessThan(1e-50);
    expect(at(0.905).shift).toBeNull();
    expect(at(0.89).shift).toBe('low');
    expect(trackRecordByQuarter(quarter('2024-02-01', 200, 0, 0, Math.log(1.095)))[0].shift).toBeNull();
    expect(trackRecordByQuarter(quarter('2024-02-01', 200, 0, 0, Math.log(1.11)))[0].shift).toBe('high');
  });

  it('needs 10 uncensored troughs; censored troughs count in the coverage only', () => {
    // 10 of 10 below: p = 2/1024 ≈ 0.002, not flagged; 11 of 11: p ≈ 0.001 (0.000977), flagged.
    expect(trackRecordByQuarter(quarter('2024-02-01', 10, 10, -0.5, 0))[0].shift).toBeNull();
    expect(trackRecordByQuarter(quarter('2024-02-01', 11, 11, -0.5, 0))[0].shift).toBe('low');
    const withCensored = trackRecordByQuarter([...quarter('2024-02-01', 10, 10, -0.5, 0), score('2024-02-02', null, false)])[0];
    expect(withCensored.scored).toBe(11);
    expect(withCensored.below + withCensored.above).toBe(10);
    expect(withCensored.cover80).toBeCloseTo(10 / 11, 12);
    expect(withCensored.shift).toBeNull();
  });

  it('on simulated clinics: a faithful laboratory is never flagged; one reading 40 % low from the 9th dose is flagged in the quarter it starts', () => {
    const quarters = (csv: string) => trackRecordByQuarter(parseTdmCsv(csv, 'sim.csv').patients.flatMap((p) => patientTrackRecord(p)));
    for (const world of [MODEL_WORLD, IOV_WORLD]) {
      const q = quarters(simulateClinic(world, 30, 7).csv);
      expect(q.length).toBeGreaterThanOrEqual(4);
      expect(q.filter((x) => x.shift !== null)).toEqual([]);
    }
    // Every patient starts on 2023-01-09 with the same schedule: the 9th dose is on 2023-10-02 (week 38).
    const low = quarters(simulateClinic(MODEL_WORLD, 30, 7, { lateFactor: 0.6, lateFrom: 8 }).csv);
    expect(low.filter((x) => x.shift !== null).map((x) => [x.quarter, x.shift])[0]).toEqual(['2023-Q4', 'low']);
    expect(low.filter((x) => x.quarter < '2023-Q4').every((x) => x.shift === null)).toBe(true);
    const q4 = low.find((x) => x.quarter === '2023-Q4')!;
    expect(Math.expm1(q4.medianLogRatio!)).toBeLessThan(-0.2);
  }, 120_000);
});

describe('tdm track-record by quarter', () => {
  const low = simulateClinic(MODEL_WORLD, 30, 7, { lateFactor: 0.6, lateFrom: 8 }).csv;
  const faithful = simulateClinic(MODEL_WORLD, 30, 7).csv;

  it('warns on standard error, word for word, for each quarter whose troughs read clearly low; the line carries the quarters', async () => {
    const { runCli } = await import('../../../src/cli/run');
    const r = runCli(['track-record', 'low.csv'], () => Buffer.from(low, 'utf8'));
    expect(r.status).toBe(0);
    expect(r.stderr).toEqual([
      "warning: low.csv: the troughs of 2023-Q4 read lower than their forecasts: 77 of 84 below the forecast's median where about half are expected (sign test p < 0.001), their median 30 % below: check for a change of laboratory or assay, troughs drawn at another time, or antibodies",
      "warning: low.csv: the troughs of 2024-Q1 read lower than their forecasts: 42 of 57 below the forecast's median where about half are expected (sign test p < 0.001), their median 19 % below: check for a change of laboratory or assay, troughs drawn at another time, or antibodies",
    ]);
    const o = JSON.parse(r.stdout[0]) as { scored: number; by_quarter: { quarter: string; scored: number; below_median: number; above_median: number; shift: string | null; sign_test_p: number }[] };
    expect(o.by_quarter.map((q) => [q.quarter, q.scored, q.below_median, q.above_median, q.shift])).toEqual([
      ['2023-Q2', 60, 29, 31, null], ['2023-Q3', 60, 23, 35, null], ['2023-Q4', 90, 77, 7, 'low'], ['2024-Q1', 60, 42, 15, 'low'],
    ]);
    expect(o.by_quarter.reduce((n, q) => n + q.scored, 0)).toBe(o.scored);
    expect(o.by_quarter[2].sign_test_p).toBeCloseTo(signTestP(77, 7), 18);
    const faithfulRun = runCli(['track-record', 'ok.csv'], () => Buffer.from(faithful, 'utf8'));
    expect(faithfulRun.stderr).toEqual([]);
    expect((JSON.parse(faithfulRun.stdout[0]) as { by_quarter: { shift: unknown }[] }).by_quarter.every((q) => q.shift === null)).toBe(true);
  }, 120_000);

  it('the Dutch of the warning, from the same catalog', async () => {
    const { cliSentence } = await import('../../../src/cli/text');
    expect(cliSentence('track.shift-low', { place: 'low.csv', quarter: '2023-Q4', count: 77, total: 84, p: SHIFT_P, percent: 30 }, 'nl')).toBe(
      'waarschuwing: low.csv: de dalspiegels van 2023-Q4 liggen lager dan voorspeld: 77 van de 84 onder de mediaan van hun voorspelling, waar ongeveer de helft verwacht wordt (tekentoets p < 0,001), hun mediaan 30 % lager: ga na of het laboratorium of de bepaling veranderd is, of de dalspiegels op een ander moment zijn afgenomen, of er antistoffen zijn',
    );
  });
});
