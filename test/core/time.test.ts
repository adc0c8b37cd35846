import { describe, expect, it } from 'vitest';
import { formatDateTime, parseIsoTime, formatDate, parseAsOfDate } from '../../src/core/time';
import { createRng, seedFrom } from '../../src/core/random';

describe('time', () => {
  it('reads a date alone as 09:00', () => expect(formatDateTime(parseIsoTime('2024-03-05')!)).toBe('2024-03-05T09:00'));
  it('reads a date-time', () => expect(formatDateTime(parseIsoTime('2024-03-05T14:30')!)).toBe('2024-03-05T14:30'));
  it('refuses impossible dates', () => {
    expect(parseIsoTime('2024-02-30')).toBeNull();
    expect(parseIsoTime('2023-02-29')).toBeNull();
    expect(parseIsoTime('2024-03-05T25:00')).toBeNull();
    expect(parseIsoTime('05-03-2024')).toBeNull();
  });
  it('as-of is the end of the day', () => expect(formatDate(parseAsOfDate('2024-05-01')! - 0.01)).toBe('2024-05-01'));
});

describe('seeded random', () => {
  it('repeats with the same seed', () => {
    const a = createRng(seedFrom('NAT-001')), b = createRng(seedFrom('NAT-001'));
    for (let i = 0; i < 10; i++) expect(a.normal()).toBe(b.normal());
  });
});

describe('formatting the end of a day', () => {
  it('stays on that day', () => {
    const t = parseAsOfDate('2023-12-11')!;
    expect(formatDate(t)).toBe('2023-12-11');
    expect(formatDateTime(t)).toBe('2023-12-11T23:59');
  });
});
