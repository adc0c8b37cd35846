import { describe, expect, it } from 'vitest';
import { predictOcrelizumab, proposeOcrelizumab, OCRELIZUMAB_DEFAULTS } from '../../../src/core/ocrelizumab/index';
import { formatDate, parseIsoTime, startOfDay } from '../../../src/core/time';
import type { OcrelizumabReport } from '../../../src/core/report/types';
import { endOf, patient, t, weeksAfter } from './helpers';

const D = '2023-06-12T09:00'; // a Monday; week 24 = 2023-11-27, week 28 = 2023-12-25
const doseDay = startOfDay(t(D));
const day = (date: string) => parseIsoTime(date, 0)!;
const codes = (r: OcrelizumabReport) => r.warnings.map((w) => w.code);
const msg = (r: OcrelizumabReport, code: string) => r.warnings.find((w) => w.code === code)?.message;

describe('proposal rules', () => {
  const p = patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 24), '5']] });
  const r = proposeOcrelizumab(p, endOf('2023-11-27'));

  it('re-doses on the last whole week on or before the median crossing', () => {
    expect(r.fit.basis).toBe('current-cycle');
    expect(r.fit.countsUsed).toBe(1);
    expect(Number.isInteger(r.proposal.weeksSinceLastDose)).toBe(true);
    expect(r.proposal.weeksSinceLastDose).toBe(Math.floor(r.fit.crossingWeeks.value));
    expect(r.proposal.nextDose).toBe(formatDate(doseDay + 7 * r.proposal.weeksSinceLastDose));
    expect(r.proposal.dueNow).toBe(false);
    expect(r.lastDose).toBe('2023-06-12T09:00');
    expect(r.asOf).toBe('2023-11-27');
    expect(r.threshold).toEqual({ value: 10, unit: 'cells/uL' });
    expect(r.model).toEqual({ id: 'ocrelizumab-bcell-logistic', version: '1.0.0', name: expect.any(String) });
    expect(r.options).toEqual(OCRELIZUMAB_DEFAULTS);
  });

  it('states the crossing as dates with its 80 % interval', () => {
    const c = r.fit.crossingWeeks;
    expect(c.low).toBeLessThan(c.value);
    expect(c.value).toBeLessThan(c.high);
    expect(c.value).toBeGreaterThan(26);
    expect(c.value).toBeLessThan(38);
    expect(r.proposal.predictedCrossing).toBe(formatDate(t(D) + 7 * c.value));
    expect(r.proposal.predictedCrossingLow).toBe(formatDate(t(D) + 7 * c.low));
    expect(r.proposal.predictedCrossingHigh).toBe(formatDate(t(D) + 7 * c.high));
    expect(r.fit.growthRatePerWeek.low).toBeLessThan(r.fit.growthRatePerWeek.value);
  });

  it('next count: at the 10th percentile of the crossing, ≥ 2 weeks after the latest count, not before as-of, whole weeks', () => {
    const next = day(r.proposal.nextBcellCheck);
    expect(next).toBeGreaterThanOrEqual(day('2023-11-27') + 14);
    expect((next - doseDay) % 7).toBe(0);
    expect((next - doseDay) / 7).toBe(Math.max(Math.round(r.fit.crossingWeeks.low), 26));
    expect(r.proposal.reason).toBe(`predicted crossing of 10 cells/µL at week ${r.fit.crossingWeeks.value.toFixed(1)} (80 % interval ${r.fit.crossingWeeks.low.toFixed(1)}–${r.fit.crossingWeeks.high.toFixed(1)}), from 1 count(s) of this cycle; re-dose at week ${r.proposal.weeksSinceLastDose} (the last whole week on or before the 50th percentile of the crossing); next CD19+ count at week ${(next - doseDay) / 7} (${r.proposal.nextBcellCheck})`);
  });

  it('keeps the next count 2 weeks after the latest one even when the crossing is imminent', () => {
    const q = patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 24), '4'], [weeksAfter(D, 28), '7'], [weeksAfter(D, 30), '9']] });
    const rq = proposeOcrelizumab(q, endOf('2024-01-08'));
    expect(day(rq.proposal.nextBcellCheck)).toBeGreaterThanOrEqual(day('2024-01-08') + 14);
  });

  it('never re-doses before the 5-month minimum (week 22)', () => {
    const q = proposeOcrelizumab(patient({ doses: [[D, 600]] }), endOf('2023-06-12'), { redoseQuantile: 0.01 });
    expect(q.proposal.weeksSinceLastDose).toBe(22);
    expect(q.proposal.nextDose).toBe('2023-11-13');
    expect(q.proposal.reason).toContain('re-dose at week 22, the 5-month minimum (the crossing is predicted earlier)');
  });

  it('never proposes a date before as-of: re-dose now when the crossing has probably passed', () => {
    const q = proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 24), '8']] }), endOf('2024-03-04')); // week 38, no new count
    expect(q.proposal.weeksSinceLastDose).toBe(38);
    expect(q.proposal.nextDose).toBe('2024-03-04');
    expect(q.proposal.reason).toContain('re-dose now, at week 38 (the first whole week not before today: the crossing has probably passed)');
  });

  it('caps at the maximum interval, with a warning (never extrapolates silently)', () => {
    const q = proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 24), '<1'], [weeksAfter(D, 28), '<1']] }), endOf('2023-12-25'), { maxWeeks: 30 });
    expect(q.proposal.weeksSinceLastDose).toBe(30);
    expect(q.proposal.nextDose).toBe('2024-01-08');
    expect(codes(q)).toContain('ocr-crossing-beyond-maximum');
    expect(msg(q, 'ocr-crossing-beyond-maximum')).toBe(`predicted crossing of 10 cells/µL at week ${q.fit.crossingWeeks.value.toFixed(1)} is beyond the maximum interval of 30 weeks: the proposal is capped at week 30; the model is not validated that far, recount before deciding`);
    expect(day(q.proposal.nextBcellCheck)).toBeLessThanOrEqual(day(q.proposal.nextDose));
    expect(q.protocol.rationale).toBe('no count at or above 10 cells/µL yet and the next scheduled count (week 32) is past the maximum interval of 30 weeks: re-dose at week 30 (2024-01-08)');
  });

  it('a higher threshold means a later re-dose', () => {
    const q = proposeOcrelizumab(p, endOf('2023-11-27'), { threshold: 20 });
    expect(q.fit.crossingWeeks.value).toBeGreaterThan(r.fit.crossingWeeks.value + 2);
    expect(q.proposal.weeksSinceLastDose).toBeGreaterThan(r.proposal.weeksSinceLastDose);
    expect(q.threshold.value).toBe(20);
  });

  it('uses only rows up to as-of', () => {
    const later = patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 24), '5'], [weeksAfter(D, 28), '30']] });
    expect(proposeOcrelizumab(later, endOf('2023-11-27'))).toEqual(r);
  });

  it('is deterministic', () => {
    expect(proposeOcrelizumab(p, endOf('2023-11-27'))).toEqual(proposeOcrelizumab(p, endOf('2023-11-27')));
  });

  it('gives weekly P(count ≥ threshold) and a weekly curve with its band from the last dose', () => {
    expect(r.probabilityByDate[0].date).toBe('2023-06-12');
    expect(r.probabilityByDate[1].date).toBe('2023-06-19');
    expect(r.probabilityByDate.length).toBe(61);
    for (let k = 1; k < r.probabilityByDate.length; k++) expect(r.probabilityByDate[k].probability).toBeGreaterThanOrEqual(r.probabilityByDate[k - 1].probability);
    expect(r.probabilityByDate[0].probability).toBeLessThan(1e-6);
    const at = (w: number) => r.probabilityByDate[w].probability;
    expect(at(Math.floor(r.fit.crossingWeeks.value))).toBeLessThanOrEqual(0.5);
    expect(at(Math.ceil(r.fit.crossingWeeks.value))).toBeGreaterThanOrEqual(0.5);
    expect(r.curve.length).toBe(61);
    expect(r.curve[0].time).toBe(t(D));
    for (const c of r.curve) { expect(c.low).toBeLessThanOrEqual(c.value); expect(c.value).toBeLessThanOrEqual(c.high); }
    expect(r.curve[60].value).toBeGreaterThan(r.curve[30].value);
    expect(r.observations.length).toBe(1);
    expect(r.doses).toEqual([{ time: t(D), iso: '2023-06-12T09:00', amountMg: 600 }]);
  });

  it('BLOOMS-style rule beside it: recount 4 weeks after a count below the threshold', () => {
    expect(r.protocol.name).toBe('BLOOMS-style: count from week 24, every 4 weeks; re-dose at the first count ≥ 10 cells/µL');
    expect(r.protocol.nextCount).toBe('2023-12-25');
    expect(r.protocol.rationale).toBe('latest count 5 cells/µL on 2023-11-27 is below 10 cells/µL: postpone re-dosing; next count at week 28 (2023-12-25)');
    const q = proposeOcrelizumab(patient({ doses: [[D, 600]] }), endOf('2023-08-01'));
    expect(q.protocol.nextCount).toBe('2023-11-27');
    expect(q.protocol.rationale).toBe('no count yet in this cycle: do not re-dose yet; next count at week 24 (2023-11-27)');
  });

  it('reports an invalid option and uses the default', () => {
    const q = proposeOcrelizumab(p, endOf('2023-11-27'), { threshold: -5 });
    expect(q.threshold.value).toBe(10);
    expect(msg(q, 'ocr-invalid-option')).toBe('option threshold = -5 is not usable (accepted: a count above 0 cells/µL); the default 10 was used');
  });
});

describe('guards', () => {
  it('count at or above the threshold: re-dosing due now', () => {
    const q = proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 24), '5'], [weeksAfter(D, 28), '12']] }), endOf('2023-12-25'));
    expect(q.proposal.dueNow).toBe(true);
    expect(q.proposal.nextDose).toBe('2023-12-25');
    expect(q.proposal.weeksSinceLastDose).toBe(28);
    expect(msg(q, 'ocr-redose-due')).toBe('latest count 12 cells/µL on 2023-12-25 is at or above the threshold 10 cells/µL: re-dosing is due now (2023-12-25)');
    expect(q.protocol.rationale).toBe('count 12 cells/µL on 2023-12-25 is at or above 10 cells/µL: re-dose now; first count of the next cycle at week 24 after it');
    expect(q.proposal.nextBcellCheck).toBe('2024-06-10');
  });

  it('count at or above the threshold before 5 months: at the minimum, with a message', () => {
    const q = proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 18), '12']] }), endOf('2023-10-16'));
    expect(q.proposal.dueNow).toBe(true);
    expect(q.proposal.nextDose).toBe('2023-11-13');
    expect(q.proposal.weeksSinceLastDose).toBe(22);
    expect(msg(q, 'ocr-redose-due-before-minimum')).toBe('latest count 12 cells/µL on 2023-10-16 is at or above the threshold 10 cells/µL, 18.0 weeks after the infusion: re-dosing is due but not advised before 5 months; proposed at the minimum, 2023-11-13 (week 22)');
  });

  it('counts that never fell below the threshold after the dose: possible non-depleter', () => {
    const q = proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 4), '50'], [weeksAfter(D, 8), '60']] }), endOf('2023-08-07'));
    expect(msg(q, 'ocr-possible-non-depleter')).toBe('CD19+ count 50 cells/µL on 2023-07-10, 4.0 weeks after the infusion of 2023-06-12 (this cycle), is at or above the threshold 10 cells/µL with no lower count since that infusion: possible non-depleter (B cells not depleted); check the count and the infusion, the forecast assumes depletion');
    // The fit leans against the model's range: said, not extrapolated silently.
    expect(msg(q, 'ocr-outside-model-range')).toBe('the counts are at the edge of what the model allows (B cells back at 10 cells/µL between week 12 and 86 after the dose, growth 0.004–2.2 per week): the forecast is extrapolated; check the counts');
    // A normal patient whose first count (week 24) is already above 10 is not flagged.
    const normal = proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 24), '15']] }), endOf('2023-11-27'));
    expect(codes(normal)).not.toContain('ocr-possible-non-depleter');
    // Counts within 2 weeks of the infusion are left out of the fit, with a note.
    const early = proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 1), '80']] }), endOf('2023-06-19'));
    expect(early.fit.countsUsed).toBe(0);
    expect(msg(early, 'ocr-count-before-depletion')).toBe('CD19+ count 80 cells/µL on 2023-06-19 was taken within 2 weeks of the infusion (this cycle), before depletion is complete: not used in the forecast');
  });

  it('no count in this cycle: from the previous cycle, or the population, labelled', () => {
    const pop = proposeOcrelizumab(patient({ doses: [[D, 600]] }), endOf('2023-07-01'));
    expect(pop.fit.basis).toBe('population');
    expect(msg(pop, 'ocr-no-count-this-cycle')).toBe('no CD19+ count since the infusion of 2023-06-12 and none from a previous cycle: the forecast is the population prior (typical patient)');
    const P = '2022-12-12T09:00';
    const prev = proposeOcrelizumab(patient({ doses: [[P, 600], [D, 600]], counts: [[weeksAfter(P, 20), '6'], [weeksAfter(P, 25), '9']] }), endOf('2023-07-01'));
    expect(prev.fit.basis).toBe('previous-cycle');
    expect(prev.fit.previousCycleCountsUsed).toBe(2);
    expect(msg(prev, 'ocr-no-count-this-cycle')).toBe('no CD19+ count since the infusion of 2023-06-12: the forecast rests on the previous cycle\'s 2 count(s) and the population prior');
    // High counts late in the previous cycle predict an earlier crossing than the population.
    expect(prev.fit.crossingWeeks.value).toBeLessThan(pop.fit.crossingWeeks.value - 2);
  });

  it('a count drawn at the time of a dose belongs to the cycle before it', () => {
    const P = '2022-12-12T09:00';
    const q = proposeOcrelizumab(patient({ doses: [[P, 600], [D, 600]], counts: [[D, '9']] }), endOf('2023-07-01'));
    expect(q.fit.countsUsed).toBe(0);
    expect(q.fit.previousCycleCountsUsed).toBe(1);
  });

  it('fewer than 5 months since the last dose: says so', () => {
    const q = proposeOcrelizumab(patient({ doses: [[D, 600]] }), endOf('2023-08-21'));
    expect(msg(q, 'ocr-before-minimum-interval')).toBe('only 10.0 weeks since the last infusion (2023-06-12): re-dosing is not advised before 21.7 weeks (5 months, label); the earliest date is 2023-11-13');
    const later = proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 24), '3']] }), endOf('2023-11-27'));
    expect(codes(later)).not.toContain('ocr-before-minimum-interval');
  });

  it('doses: 2 × 300 mg start is one dose at the first infusion; other amounts warn', () => {
    const start = proposeOcrelizumab(patient({ doses: [['2023-01-02T09:00', 300], ['2023-01-16T09:00', 300]] }), endOf('2023-02-01'));
    expect(codes(start)).not.toContain('ocr-unusual-dose');
    expect(start.lastDose).toBe('2023-01-02T09:00');
    const odd = proposeOcrelizumab(patient({ doses: [['2023-01-02T09:00', 300], ['2023-01-16T09:00', 300], [D, 450]] }), endOf('2023-06-20'));
    expect(odd.warnings.filter((w) => w.code === 'ocr-unusual-dose').map((w) => w.message)).toEqual(['a dose of 450 mg on 2023-06-12: the model assumes 600 mg (or the 2 × 300 mg start); the forecast may not apply']);
    const single = proposeOcrelizumab(patient({ doses: [[D, 300]] }), endOf('2023-06-20'));
    expect(msg(single, 'ocr-unusual-dose')).toBe('a single 300 mg dose on 2023-06-12 (without a second 300 mg within 4 weeks): the model assumes 600 mg (or the 2 × 300 mg start); the forecast may not apply');
  });

  it('counts above the model\'s plateau: warns', () => {
    const S = '2023-06-01T09:00';
    const q = proposeOcrelizumab(patient({ doses: [[S, 600]], counts: [['2023-05-30', '100'], [weeksAfter(S, 30), '8'], [weeksAfter(S, 34), '150']] }), endOf('2024-01-26'));
    expect(q.fit.bmax).toBe(100);
    expect(q.fit.bmaxFromPatient).toBe(true);
    expect(msg(q, 'ocr-count-above-model-range')).toBe('CD19+ count 150 cells/µL on 2024-01-25 is above the highest count the model allows for this patient (100 cells/µL, the pre-treatment count): the model does not describe it; the forecast is not reliable');
  });

  it('a threshold at or above the plateau: never reached, capped at the maximum with warnings', () => {
    const q = proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 24), '5']] }), endOf('2023-11-27'), { threshold: 250 });
    expect(msg(q, 'ocr-threshold-above-plateau')).toBe('threshold 250 cells/µL is not below the highest count the model allows (200 cells/µL): the model never reaches it; the proposal falls back to the maximum interval');
    expect(codes(q)).toContain('ocr-crossing-beyond-maximum');
    expect(q.proposal.weeksSinceLastDose).toBe(52);
    expect(q.fit.crossingWeeks.value).toBe(200);
    expect(q.probabilityByDate.every((d) => d.probability === 0)).toBe(true);
  });

  it('a pre-treatment count too low to be a plateau is not used, with a warning', () => {
    const q = proposeOcrelizumab(patient({ doses: [[D, 600]], counts: [['2023-06-01', '15']] }), endOf('2023-07-01'));
    expect(q.fit.bmax).toBe(200);
    expect(msg(q, 'ocr-pretreatment-count-unusable')).toBe('pre-treatment CD19+ count 15 cells/µL on 2023-06-01 is too low to serve as the plateau (needs at least 30); the model\'s 200 cells/µL was used');
  });
});

describe('predictOcrelizumab', () => {
  const p = patient({ doses: [[D, 600]], counts: [[weeksAfter(D, 24), '3'], [weeksAfter(D, 28), '6']] });
  it('gives the true count (noise excluded) with its 80 % interval', () => {
    const out = predictOcrelizumab(p, endOf('2023-12-25'), [weeksAfter(D, 20), weeksAfter(D, 28), weeksAfter(D, 40)]);
    expect(out.map((o) => o.time)).toEqual(['2023-10-30T09:00', '2023-12-25T09:00', '2024-03-18T09:00']);
    for (const o of out) { expect(o.kind).toBe('bcell'); expect(o.unit).toBe('cells/uL'); expect(o.low).toBeLessThanOrEqual(o.value); expect(o.value).toBeLessThanOrEqual(o.high); }
    expect(out[0].value).toBeLessThan(out[1].value);
    expect(out[1].value).toBeLessThan(out[2].value);
    expect(out[1].value).toBeGreaterThan(3.5);
    expect(out[1].value).toBeLessThan(8);
  });
  it('agrees with the report\'s curve', () => {
    const r = proposeOcrelizumab(p, endOf('2023-12-25'));
    const [o] = predictOcrelizumab(p, endOf('2023-12-25'), [weeksAfter(D, 33)]);
    // Both solve for the same quantile to 0.1 % (the curve narrows its search with the week before).
    expect(Math.abs(o.value / r.curve[33].value - 1)).toBeLessThan(2e-3);
    expect(Math.abs(o.low / r.curve[33].low - 1)).toBeLessThan(2e-3);
  });
  it('a time in an earlier cycle is predicted from that cycle; before the first dose, the plateau', () => {
    const P = '2022-12-12T09:00';
    const q = patient({ doses: [[P, 600], [D, 600]], counts: [[weeksAfter(P, 20), '6'], [weeksAfter(P, 25), '9']] });
    const [inPrev, pre] = predictOcrelizumab(q, endOf('2023-07-01'), [weeksAfter(P, 25), t('2022-11-01T09:00')]);
    expect(inPrev.value).toBeGreaterThan(4);
    expect(inPrev.value).toBeLessThan(14);
    expect(pre).toEqual({ time: '2022-11-01T09:00', kind: 'bcell', value: 200, low: 90, high: 500, unit: 'cells/uL' });
  });
});
