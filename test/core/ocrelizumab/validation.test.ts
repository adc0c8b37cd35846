import { describe, expect, it } from 'vitest';
import { validateOcrelizumab } from '../../../scripts/validate-ocrelizumab';

// Regression guard on the virtual patients (shared/validation/README.md); the goals are checked on
// unseen sets too, so these bounds are the goals, not this set's exact scores.
describe('ocrelizumab on the virtual planning-day files', () => {
  it('meets the goals: median |error| ≤ 3 weeks, 80 % coverage 0.75–0.92, ≤ 18 % late, ≤ 12 % early', () => {
    const v = validateOcrelizumab('fixtures/validation');
    expect(v.pooled.n).toBe(165);
    expect(v.pooled.medianAbsError).toBeLessThanOrEqual(3.0);
    expect(v.pooled.coverage80).toBeGreaterThanOrEqual(0.75);
    expect(v.pooled.coverage80).toBeLessThanOrEqual(0.92);
    expect(v.pooled.late).toBeLessThanOrEqual(0.18);
    expect(v.pooled.early).toBeLessThanOrEqual(0.12);
    // The previous cycle's counts help.
    expect(v.byPrevious.withPrevious.medianAbsError).toBeLessThan(v.byPrevious.withoutPrevious.medianAbsError);
  }, 60_000);
});
