import { describe, expect, it } from 'vitest';
import {
  fromCanonicalBcell, fromCanonicalLevel, isBcellUnit, isLevelUnit, isUnitFor, listUnitsFor, scaleByPowerOfTen,
  toCanonicalBcell, toCanonicalLevel,
} from '../../../src/core/records/units';

describe('units: every accepted unit converts exactly', () => {
  it.each([
    ['ug/mL', '24.1', 24.1],
    ['\u00B5g/mL', '24.1', 24.1], // micro sign
    ['\u03BCg/mL', '24.1', 24.1], // Greek mu
    ['mg/L', '24.1', 24.1],
    ['ng/mL', '24100', 24.1],
    ['ng/mL', '0.3', 0.0003],
    ['ng/mL', '500', 0.5],
  ])('level %s: %s → %s µg/mL', (unit, value, expected) => {
    expect(isLevelUnit(unit)).toBe(true);
    expect(toCanonicalLevel(value, unit)).toBe(expected);
  });

  it.each([
    ['cells/uL', '7', 7],
    ['cells/\u00B5L', '7', 7],
    ['cells/\u03BCL', '7', 7],
    ['/uL', '7', 7],
    ['/\u00B5L', '7', 7],
    ['10^6/L', '7', 7],
    ['10^9/L', '0.007', 7],
    ['10^9/L', '0.012', 12],
    ['10^9/L', '0.0005', 0.5],
    ['10^9/L', '0.01', 10],
  ])('bcell %s: %s → %s cells/µL', (unit, value, expected) => {
    expect(isBcellUnit(unit)).toBe(true);
    expect(toCanonicalBcell(value, unit)).toBe(expected);
  });

  it('is exact where a multiplication would round twice', () => {
    expect(4.1 / 1000).toBe(0.0040999999999999995); // the naive route
    expect(toCanonicalLevel(4.1, 'ng/mL')).toBe(0.0041);
    expect(toCanonicalLevel('2.1', 'ng/mL')).toBe(0.0021);
    expect(1.001 * 1000).toBe(1000.9999999999999);
    expect(toCanonicalBcell('1.001', '10^9/L')).toBe(1001);
  });

  it('converts back to the lab unit for display', () => {
    expect(fromCanonicalLevel(24.1, 'ng/mL')).toBe(24100);
    expect(fromCanonicalBcell(12, '10^9/L')).toBe(0.012);
    expect(fromCanonicalBcell(12, 'cells/uL')).toBe(12);
  });

  it('scales numbers already in exponent form', () => {
    expect(scaleByPowerOfTen(1e-7, 3)).toBe(1e-4);
    expect(scaleByPowerOfTen('2.5e2', -3)).toBe(0.25);
    expect(scaleByPowerOfTen(1e21, -3)).toBe(1e18);
  });

  it('matches units exactly (case matters) and per kind', () => {
    for (const u of ['ug/ml', 'UG/ML', 'mcg/mL', 'mg/l', 'µg/ml', 'g/L']) expect(isLevelUnit(u)).toBe(false);
    for (const u of ['cells/ul', 'cells/mL', '10^9/l', '10E9/L', 'x10^9/L']) expect(isBcellUnit(u)).toBe(false);
    expect(isUnitFor('dose', 'mg')).toBe(true);
    expect(isUnitFor('dose', 'g')).toBe(false);
    expect(isUnitFor('weight', 'kg')).toBe(true);
    expect(isUnitFor('weight', 'lb')).toBe(false);
    expect(isUnitFor('level', 'cells/uL')).toBe(false);
    expect(isUnitFor('bcell', 'ug/mL')).toBe(false);
  });

  it('throws on an unknown unit (a programmer error: check the unit first)', () => {
    expect(() => toCanonicalLevel(1, 'ug/ml')).toThrow('unknown level unit "ug/ml"');
    expect(() => toCanonicalBcell(1, 'cells/ml')).toThrow('unknown B-cell unit "cells/ml"');
  });

  it('lists the accepted units for messages', () => {
    expect(listUnitsFor('level')).toBe('ug/mL, µg/mL, mg/L or ng/mL');
    expect(listUnitsFor('bcell')).toBe('cells/uL, cells/µL, /uL, 10^6/L or 10^9/L');
    expect(listUnitsFor('dose')).toBe('mg');
    expect(listUnitsFor('weight')).toBe('kg');
  });
});
