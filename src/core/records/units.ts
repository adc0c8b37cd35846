/**
 * Units of the TDM CSV, and the one place where values are converted to canonical units:
 * µg/mL for natalizumab levels, cells/µL for CD19+ B-cell counts, mg for doses, kg for weights.
 *
 * Every factor is a power of ten (1 mg/L = 1 µg/mL = 1000 ng/mL; 1 cell/µL = 10^6/L =
 * 0.001 × 10^9/L), so conversion shifts the decimal exponent of the number as written and lets
 * JavaScript's correctly rounded string-to-number conversion do the rest: `0.3` ng/mL becomes
 * exactly the double nearest to 0.0003, not 0.3 / 1000 with its extra rounding.
 *
 * Units are matched exactly (case-sensitive) as listed in spec/tdm-csv.md; the micro sign may be
 * written as `u`, as U+00B5 (µ, what keyboards type) or as U+03BC (μ, Greek mu).
 */

/** Power of ten that takes a level in this unit to µg/mL. */
const LEVEL_EXPONENT: Readonly<Record<string, number>> = {
  'ug/mL': 0,
  'µg/mL': 0,
  'μg/mL': 0,
  'mg/L': 0,
  'ng/mL': -3,
};

/** Power of ten that takes a B-cell count in this unit to cells/µL. */
const BCELL_EXPONENT: Readonly<Record<string, number>> = {
  'cells/uL': 0,
  'cells/µL': 0,
  'cells/μL': 0,
  '/uL': 0,
  '/µL': 0,
  '/μL': 0,
  '10^6/L': 0,
  '10^9/L': 3,
};

/** Units accepted for a level, as a person would list them (micro-sign variants folded). */
export const LEVEL_UNITS_LISTED = ['ug/mL', 'µg/mL', 'mg/L', 'ng/mL'] as const;
/** Units accepted for a B-cell count, as a person would list them. */
export const BCELL_UNITS_LISTED = ['cells/uL', 'cells/µL', '/uL', '10^6/L', '10^9/L'] as const;
export const DOSE_UNIT = 'mg';
export const WEIGHT_UNIT = 'kg';
/** The unit of a wearing-off report's intensity (0–3). */
export const SCORE_UNIT = 'score';

/** Canonical unit names as written in exports and reports. */
export const CANONICAL_LEVEL_UNIT = 'ug/mL';
export const CANONICAL_BCELL_UNIT = 'cells/uL';

export type MeasuredKind = 'dose' | 'level' | 'bcell' | 'weight' | 'wearing_off';

export function isLevelUnit(unit: string): boolean {
  return Object.hasOwn(LEVEL_EXPONENT, unit);
}

export function isBcellUnit(unit: string): boolean {
  return Object.hasOwn(BCELL_EXPONENT, unit);
}

/** Whether `unit` is accepted for a row of this kind. */
export function isUnitFor(kind: MeasuredKind, unit: string): boolean {
  switch (kind) {
    case 'level': return isLevelUnit(unit);
    case 'bcell': return isBcellUnit(unit);
    case 'dose': return unit === DOSE_UNIT;
    case 'weight': return unit === WEIGHT_UNIT;
    case 'wearing_off': return unit === SCORE_UNIT;
  }
}

/** The accepted units of a kind, for messages: `ug/mL, µg/mL, mg/L or ng/mL`. */
export function listUnitsFor(kind: MeasuredKind): string {
  const units: readonly string[] =
    kind === 'level' ? LEVEL_UNITS_LISTED : kind === 'bcell' ? BCELL_UNITS_LISTED : kind === 'dose' ? [DOSE_UNIT] : kind === 'wearing_off' ? [SCORE_UNIT] : [WEIGHT_UNIT];
  return units.length === 1 ? units[0] : `${units.slice(0, -1).join(', ')} or ${units[units.length - 1]}`;
}

/**
 * `value × 10^exponent`, exactly rounded once. `value` is a number or a decimal string with `.`
 * as decimal mark (e.g. `24.1`, `1e-3`).
 */
export function scaleByPowerOfTen(value: number | string, exponent: number): number {
  if (exponent === 0) return typeof value === 'number' ? value : Number(value);
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (typeof value === 'number' && !Number.isFinite(value)) return value;
  const e = text.search(/[eE]/);
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exp = e < 0 ? 0 : Number(text.slice(e + 1));
  return Number(`${mantissa}e${exp + exponent}`);
}

function exponentOf(table: Readonly<Record<string, number>>, unit: string, what: string): number {
  if (!Object.hasOwn(table, unit)) throw new Error(`unknown ${what} unit "${unit}"`);
  return table[unit];
}

/** A natalizumab level in `unit` as µg/mL. Throws on an unknown unit (check with isLevelUnit first). */
export function toCanonicalLevel(value: number | string, unit: string): number {
  return scaleByPowerOfTen(value, exponentOf(LEVEL_EXPONENT, unit, 'level'));
}

/** A B-cell count in `unit` as cells/µL. Throws on an unknown unit (check with isBcellUnit first). */
export function toCanonicalBcell(value: number | string, unit: string): number {
  return scaleByPowerOfTen(value, exponentOf(BCELL_EXPONENT, unit, 'B-cell'));
}

/** A level in µg/mL expressed in `unit` (for display in the unit the lab used). */
export function fromCanonicalLevel(value: number, unit: string): number {
  return scaleByPowerOfTen(value, -exponentOf(LEVEL_EXPONENT, unit, 'level'));
}

/** A B-cell count in cells/µL expressed in `unit`. */
export function fromCanonicalBcell(value: number, unit: string): number {
  return scaleByPowerOfTen(value, -exponentOf(BCELL_EXPONENT, unit, 'B-cell'));
}
