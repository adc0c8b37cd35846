/**
 * The one date module (src/core/time.ts, issue 18 item 3) against sources that do not share its
 * code: the Julian Day Number in closed form (Fliegel & Van Flandern, 1968) for calendar
 * arithmetic and weekdays, the Gregorian leap-year rule, Intl's own date formats for the display
 * forms (nl-NL writes dd-mm-jjjj, sv-SE writes ISO), and the EU summer-time rule (last Sunday of
 * March and of October, at 01:00 UTC) for Europe/Amsterdam's clock.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays, addMinutes, daysBetween, displayDate, endOfDay, formatDateTime, isIsoDate, offsetMinutes, parseAsOfDate, parseIsoTime,
  startOfDay, wallClock, weekday, weekdayOf,
} from '../../src/core/time';

/** Julian Day Number of a Gregorian date (integer arithmetic, Fliegel & Van Flandern). */
function jdn(y: number, m: number, d: number): number {
  const a = Math.trunc((m - 14) / 12);
  return Math.trunc((1461 * (y + 4800 + a)) / 4) + Math.trunc((367 * (m - 2 - 12 * a)) / 12)
    - Math.trunc((3 * Math.trunc((y + 4900 + a) / 100)) / 4) + d - 32075;
}
/** The Gregorian date of a Julian Day Number (the inverse, same paper). */
function fromJdn(j: number): [number, number, number] {
  let l = j + 68569;
  const n = Math.trunc((4 * l) / 146097);
  l -= Math.trunc((146097 * n + 3) / 4);
  const i = Math.trunc((4000 * (l + 1)) / 1461001);
  l = l - Math.trunc((1461 * i) / 4) + 31;
  const k = Math.trunc((80 * l) / 2447);
  const d = l - Math.trunc((2447 * k) / 80);
  const l2 = Math.trunc(k / 11);
  return [100 * (n - 49) + i + l2, k + 2 - 12 * l2, d];
}
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = (y: number, m: number) => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const dateArb = fc.integer({ min: 1600, max: 2400 }).chain((y) => fc.integer({ min: 1, max: 12 }).chain((m) =>
  fc.integer({ min: 1, max: monthDays(y, m) }).map((d) => [y, m, d] as const)));

describe('calendar arithmetic on ISO dates, against the Julian Day Number', () => {
  it('days between two dates is the difference of their day numbers', () => {
    fc.assert(fc.property(dateArb, dateArb, ([y1, m1, d1], [y2, m2, d2]) => {
      expect(daysBetween(iso(y1, m1, d1), iso(y2, m2, d2))).toBe(jdn(y2, m2, d2) - jdn(y1, m1, d1));
    }), { seed: 18, numRuns: 2000 });
  });

  it('adding days lands on the date of the day number plus those days', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: -40_000, max: 40_000 }), ([y, m, d], n) => {
      expect(addDays(iso(y, m, d), n)).toBe(iso(...fromJdn(jdn(y, m, d) + n)));
    }), { seed: 18, numRuns: 2000 });
  });

  it('the weekday is (JDN + 1) mod 7, Sunday 0', () => {
    fc.assert(fc.property(dateArb, ([y, m, d]) => {
      expect(weekdayOf(iso(y, m, d))).toBe((jdn(y, m, d) + 1) % 7);
      expect(weekday(parseIsoTime(iso(y, m, d))!)).toBe((jdn(y, m, d) + 1) % 7);
    }), { seed: 18, numRuns: 1000 });
  });

  it('ignores the time of day, and reads the known cases', () => {
    expect(addDays('2024-02-27T23:30', 3)).toBe('2024-03-01');
    expect(addDays('2023-02-27', 2)).toBe('2023-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01T23:59', '2024-03-01T00:01')).toBe(60);
    expect(daysBetween('2024-03-01', '2024-01-01')).toBe(-60);
    expect(weekdayOf('2026-12-21')).toBe(1); // a Monday
    expect(() => addDays('21-12-2026', 1)).toThrow('not an ISO date YYYY-MM-DD: 21-12-2026');
  });

  it('knows which dates exist (Gregorian leap years)', () => {
    for (const y of [1700, 1900, 2000, 2023, 2024, 2100, 2400]) expect(isIsoDate(iso(y, 2, 29))).toBe(leap(y));
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-04-30')).toBe(true);
    expect(isIsoDate('2024-04-30T09:00')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('the whole of a day, and minutes on the wall clock', () => {
  it('an as-of date ends at its last second, and startOfDay/endOfDay bracket any time in it', () => {
    expect(formatDateTime(parseAsOfDate('2024-02-29')!)).toBe('2024-02-29T23:59');
    expect(parseAsOfDate('2024-02-29')! - parseIsoTime('2024-02-29T00:00')!).toBeCloseTo(1 - 1 / 86_400, 9);
    fc.assert(fc.property(dateArb, fc.integer({ min: 0, max: 1439 }), ([y, m, d], minute) => {
      const t = parseIsoTime(`${iso(y, m, d)}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`)!;
      expect(startOfDay(t)).toBe(jdn(y, m, d) - jdn(1970, 1, 1));
      expect(endOfDay(t)).toBeCloseTo(jdn(y, m, d) - jdn(1970, 1, 1) + 1 - 1 / 86_400, 9);
    }), { seed: 18, numRuns: 500 });
  });

  it('adds minutes across midnight, month ends and 29 February', () => {
    expect(addMinutes('2024-02-28T23:30', 60)).toBe('2024-02-29T00:30');
    expect(addMinutes('2024-02-29T23:30', 60)).toBe('2024-03-01T00:30');
    expect(addMinutes('2024-12-31T23:00', 210)).toBe('2025-01-01T02:30');
    expect(addMinutes('2024-03-01T00:10', -20)).toBe('2024-02-29T23:50');
    // On the naive wall clock the night of the spring change has all its hours (the record's times are wall-clock times).
    expect(addMinutes('2024-03-31T01:30', 60)).toBe('2024-03-31T02:30');
    fc.assert(fc.property(dateArb, fc.integer({ min: 0, max: 1439 }), fc.integer({ min: -5000, max: 5000 }), ([y, m, d], start, add) => {
      const hhmm = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
      const total = start + add;
      const dayShift = Math.floor(total / 1440);
      const expected = `${iso(...fromJdn(jdn(y, m, d) + dayShift))}T${hhmm(total - dayShift * 1440)}`;
      expect(addMinutes(`${iso(y, m, d)}T${hhmm(start)}`, add)).toBe(expected);
    }), { seed: 18, numRuns: 1000 });
    expect(() => addMinutes('2024-03-31', 5)).toThrow('not a local time YYYY-MM-DDTHH:MM: 2024-03-31');
  });
});

describe('one display form per language', () => {
  const nl = new Intl.DateTimeFormat('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const sv = new Intl.DateTimeFormat('sv-SE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  it('Dutch writes dd-mm-jjjj and English ISO, as Intl writes nl-NL and sv-SE dates', () => {
    fc.assert(fc.property(dateArb.filter(([y]) => y >= 1900), ([y, m, d]) => {
      const at = new Date(Date.UTC(y, m - 1, d));
      expect(displayDate(iso(y, m, d), 'nl')).toBe(nl.format(at));
      expect(displayDate(iso(y, m, d), 'en')).toBe(sv.format(at));
    }), { seed: 18, numRuns: 500 });
  });
  it('keeps the time of a date-time, drops seconds, and leaves other text as it is', () => {
    expect(displayDate('2024-06-03T08:45', 'nl')).toBe('03-06-2024 08:45');
    expect(displayDate('2024-06-03T08:45:59', 'en')).toBe('2024-06-03 08:45');
    expect(displayDate('soon', 'nl')).toBe('soon');
    expect(displayDate('', 'nl')).toBe('');
    expect(displayDate(undefined, 'en')).toBe('');
  });
});

describe('zones: the clock of Europe/Amsterdam, against the EU summer-time rule', () => {
  /** The last Sunday of a month, by the JDN weekday. */
  const lastSunday = (y: number, m: number) => {
    const last = monthDays(y, m);
    return last - ((jdn(y, m, last) + 1) % 7);
  };
  /** Summer time (UTC+2) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October. */
  const amsterdamOffset = (ms: number) => {
    const y = new Date(ms).getUTCFullYear();
    const from = Date.UTC(y, 2, lastSunday(y, 3), 1), to = Date.UTC(y, 9, lastSunday(y, 10), 1);
    return ms >= from && ms < to ? 120 : 60;
  };

  it('the offset and the wall clock follow the rule at every instant (1996-2037)', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1996, 0, 1) / 60_000, max: Date.UTC(2037, 11, 31) / 60_000 }), (minute) => {
      const ms = minute * 60_000;
      const off = amsterdamOffset(ms);
      expect(offsetMinutes('Europe/Amsterdam', ms)).toBe(off);
      expect(wallClock(ms, 'Europe/Amsterdam')).toBe(new Date(ms + off * 60_000).toISOString().slice(0, 16));
    }), { seed: 18, numRuns: 1500 });
  });

  it('the clock-change days: the spring night skips 02:00-03:00, the autumn night has 02:00-03:00 twice', () => {
    const at = (s: string) => Date.parse(s);
    expect(wallClock(at('2024-03-31T00:59:00Z'), 'Europe/Amsterdam')).toBe('2024-03-31T01:59');
    expect(wallClock(at('2024-03-31T01:00:00Z'), 'Europe/Amsterdam')).toBe('2024-03-31T03:00');
    expect(wallClock(at('2024-10-27T00:30:00Z'), 'Europe/Amsterdam')).toBe('2024-10-27T02:30');
    expect(wallClock(at('2024-10-27T01:30:00Z'), 'Europe/Amsterdam')).toBe('2024-10-27T02:30');
    // A day of 23 or 25 hours is still one calendar day.
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(addDays('2024-10-26', 2)).toBe('2024-10-28');
    expect(weekdayOf('2024-03-31')).toBe(0);
    expect(weekdayOf('2024-10-27')).toBe(0);
  });

  it('UTC and the runtime\'s own zone', () => {
    expect(wallClock(Date.UTC(2024, 5, 3, 8, 45, 59), 'UTC')).toBe('2024-06-03T08:45');
    const d = new Date(2024, 5, 3, 8, 45, 59); // the runtime's local clock
    expect(wallClock(d.getTime())).toBe('2024-06-03T08:45');
  });
});
