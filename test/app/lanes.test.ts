/**
 * The app's workers (issue 17, item 6): one per core the browser reports, as the command line
 * starts one thread per core, never fewer than two (a slow patient holds up one lane only) and
 * never more than the command line's eight.
 */
import { describe, expect, it } from 'vitest';
import { laneCount, MAX_LANES } from '../../src/app/use-reports';

describe('laneCount', () => {
  it('one worker per core, from two up to eight', () => {
    expect(laneCount(2)).toBe(2);
    expect(laneCount(3)).toBe(3);
    expect(laneCount(4)).toBe(4);
    expect(laneCount(8)).toBe(8);
    expect(laneCount(9)).toBe(MAX_LANES);
    expect(laneCount(64)).toBe(8);
  });
  it('two when the browser says one core, nothing or nonsense', () => {
    expect(laneCount(1)).toBe(2);
    expect(laneCount(0)).toBe(2);
    expect(laneCount(undefined)).toBe(2);
    expect(laneCount(Number.NaN)).toBe(2);
  });
});
