import { describe, it, expect } from 'vitest';
import { formatDisplayDate, formatEditableTime, formatNumber, normaliseDecimal, nowMinute, parseDisplayDate, todayIso } from '../../../src/app/lib/dates';

describe('dates as the user sees and types them', () => {
  it('shows dd-mm-jjjj in Dutch and ISO in English', () => {
    expect(formatDisplayDate('2024-06-03', 'nl')).toBe('03-06-2024');
    expect(formatDisplayDate('2024-06-03', 'en')).toBe('2024-06-03');
    expect(formatDisplayDate('2024-06-03T08:45', 'nl')).toBe('03-06-2024 08:45');
    expect(formatDisplayDate(null, 'nl')).toBe('');
  });
  it('leaves out 09:00 (a date alone) when editing', () => {
    expect(formatEditableTime('2024-06-03T09:00', 'nl')).toBe('03-06-2024');
    expect(formatEditableTime('2024-06-03T09:30', 'en')).toBe('2024-06-03 09:30');
  });
  it('reads ISO and day-first dates, with or without a time', () => {
    expect(parseDisplayDate('2024-06-03')).toBe('2024-06-03');
    expect(parseDisplayDate('2024-06-03T08:45')).toBe('2024-06-03T08:45');
    expect(parseDisplayDate('2024-06-03 8:45')).toBe('2024-06-03T08:45');
    expect(parseDisplayDate('3-6-2024')).toBe('2024-06-03');
    expect(parseDisplayDate('03-06-2024 08:45')).toBe('2024-06-03T08:45');
    expect(parseDisplayDate('3/6/2024')).toBe('2024-06-03');
    expect(parseDisplayDate('3.6.2024 8.45')).toBe('2024-06-03T08:45');
  });
  it('refuses impossible dates and other text', () => {
    expect(parseDisplayDate('30-02-2024')).toBeNull();
    expect(parseDisplayDate('2023-02-29')).toBeNull();
    expect(parseDisplayDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDisplayDate('03-06-2024 25:00')).toBeNull();
    expect(parseDisplayDate('yesterday')).toBeNull();
    expect(parseDisplayDate('')).toBeNull();
  });
  it('reads the browser\'s wall clock (date arithmetic is the core\'s: test/core/dates.test.ts)', () => {
    expect(todayIso(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
    expect(nowMinute(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05T23:59');
    expect(nowMinute(new Date(2024, 11, 31, 0, 7))).toBe('2024-12-31T00:07');
  });
  it('formats and reads decimal commas', () => {
    expect(formatNumber(24.15, 'nl', 1)).toBe('24,2');
    expect(formatNumber(24.15, 'en', 2)).toBe('24.15');
    expect(formatNumber(NaN, 'en')).toBe('');
    expect(normaliseDecimal('71,5')).toBe('71.5');
    expect(normaliseDecimal('<0,5')).toBe('<0.5');
    expect(normaliseDecimal('1,234,5')).toBe('1,234,5');
    // a thousands separator or a decimal comma? left as typed, for the records check to refuse
    expect(normaliseDecimal('1,000')).toBe('1,000');
    expect(normaliseDecimal('<12,500')).toBe('<12,500');
    expect(normaliseDecimal('0,500')).toBe('0.500');
  });
});
