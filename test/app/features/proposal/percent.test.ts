import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../../../src/app/features/proposal/format';

describe('formatPercent', () => {
  it('shows whole percents, and never certainty from a forecast', () => {
    expect(formatPercent(0.934, 'en')).toBe('93%');
    expect(formatPercent(0.998, 'en')).toBe('> 99%');
    expect(formatPercent(1, 'en')).toBe('> 99%');
    expect(formatPercent(0.002, 'en')).toBe('< 1%');
    expect(formatPercent(0, 'nl')).toBe('< 1%');
    expect(formatPercent(0.5, 'nl')).toBe('50%');
  });
});
