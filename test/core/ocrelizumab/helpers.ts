import type { DoseEvent, Observation, PatientRecord } from '../../../src/core/types';
import { parseIsoTime, parseAsOfDate, formatDateTime } from '../../../src/core/time';

export const t = (iso: string): number => {
  const v = parseIsoTime(iso);
  if (v === null) throw new Error(`bad test date ${iso}`);
  return v;
};
export const endOf = (date: string): number => parseAsOfDate(date)!;
/** A date `weeks` after a dose (at 09:00), as a Days number. */
export const weeksAfter = (iso: string, weeks: number): number => t(iso) + 7 * weeks;

export interface PatientSpec {
  id?: string;
  doses: [string, number][];
  /** [time (ISO or Days), raw value as written: '5', '<1', '0'] */
  counts?: [string | number, string][];
}

export function patient(spec: PatientSpec): PatientRecord {
  const doses: DoseEvent[] = spec.doses.map(([iso, mg], i) => ({ kind: 'dose', time: t(iso), iso: formatDateTime(t(iso)), amountMg: mg, route: 'iv', durationMin: 210, line: i + 2 }));
  const bcells: Observation[] = (spec.counts ?? []).map(([when, raw], i) => {
    const time = typeof when === 'number' ? when : t(when);
    const censored = raw.startsWith('<') || raw === '0';
    const value = raw.startsWith('<') ? Number(raw.slice(1)) : raw === '0' ? 1 : Number(raw);
    const o: Observation = { kind: 'bcell', time, iso: formatDateTime(time), value, censored, unit: 'cells/uL', raw, line: 100 + i };
    return o;
  }).sort((a, b) => a.time - b.time);
  return { id: spec.id ?? 'OCR-T', drug: 'ocrelizumab', doses, levels: [], bcells, weights: [], issues: [], order: 0 };
}
