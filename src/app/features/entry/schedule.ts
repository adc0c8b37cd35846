/**
 * The rows a clinician's form adds to a patient: a dosing schedule (first date, every N weeks,
 * number of doses, amount, route, clock time) or one result. Pure: the forms turn their fields
 * into TDM CSV rows (lib/rows.ts), and the records module checks them exactly as an imported file
 * (features/patient/validate-edit.ts), so a typed row meets the same rules and messages.
 */
import type { Drug, PatientRecord } from '../../../core/types';
import type { EventRow } from '../../lib/rows';
import { parseDisplayDate } from '../../lib/dates';
import { addDays } from '../../../core/time';

export interface ScheduleInput {
  /** `YYYY-MM-DD`. */
  first: string;
  /** `HH:MM`. */
  time: string;
  everyWeeks: number;
  count: number;
  /** mg, as typed with a decimal point. */
  amount: string;
  route: 'iv' | 'sc';
  /** Ocrelizumab: the first course as 2 × 300 mg, 14 days apart (the label's start). */
  split300?: boolean;
}

/** Default amount of a dose (mg): natalizumab 300; ocrelizumab 600 (the start is 2 × 300). */
export function defaultAmount(drug: Drug): string {
  return drug === 'natalizumab' ? '300' : '600';
}

/** Default spacing of a schedule, weeks: natalizumab 4 (standard interval), ocrelizumab 26 (6-monthly). */
export function defaultEveryWeeks(drug: Drug): number {
  return drug === 'natalizumab' ? 4 : 26;
}

/** The dose rows of a schedule, in date order. */
export function scheduleRows(s: ScheduleInput): EventRow[] {
  const rows: EventRow[] = [];
  const at = (date: string) => `${date}T${s.time}`;
  const dose = (date: string, amount: string): EventRow => ({ kind: 'dose', time: at(date), value: amount, unit: 'mg', route: s.route, duration_min: '', note: '' });
  for (let i = 0; i < s.count; i++) {
    const date = addDays(s.first, 7 * s.everyWeeks * i);
    if (i === 0 && s.split300) {
      rows.push(dose(date, '300'), dose(addDays(date, 14), '300'));
    } else rows.push(dose(date, s.amount));
  }
  return rows;
}

/**
 * Where a schedule (first dose on or before today) runs past today: the first dose number after
 * today, the last one and its date, and how many fit up to today; null when none does, or when the
 * first dose itself is after today (the records' own check refuses that on the first date).
 */
export function scheduleBeyondToday(rows: EventRow[], today: string): { from: number; count: number; date: string; max: number } | null {
  const doses = [...new Set(rows.map((r) => r.time))];
  const after = doses.findIndex((iso) => iso.slice(0, 10) > today);
  if (after <= 0) return null;
  return { from: after + 1, count: doses.length, date: doses[doses.length - 1].slice(0, 10), max: after };
}

/** `HH:MM` (24 h), or null. */
export function readClock(text: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m || +m[1] > 23 || +m[2] > 59) return null;
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

/** A whole number from `min` to `max`, or null. */
export function readWhole(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

/** The last dose's date (`YYYY-MM-DD`) of a record, or null. */
export function lastDoseDate(record: PatientRecord): string | null {
  const d = record.doses[record.doses.length - 1];
  return d ? d.iso.slice(0, 10) : null;
}

/** The date `weeks` whole weeks after the last dose (ocrelizumab: "week N after the last dose"). */
export function weekAfterLastDose(record: PatientRecord, weeks: number): string | null {
  const last = lastDoseDate(record);
  return last ? addDays(last, 7 * weeks) : null;
}

/** The clock time of the patient's last dose (`HH:MM`), else 09:00 (a date alone in the spec). */
export function usualClock(record: PatientRecord): string {
  const d = record.doses[record.doses.length - 1];
  return d && d.iso.length >= 16 ? d.iso.slice(11, 16) : '09:00';
}

/** A typed date (ISO or day first) as `YYYY-MM-DD`, or null. */
export function readDate(text: string): string | null {
  const d = parseDisplayDate(text);
  return d && d.length === 10 ? d : null;
}

/** A result row: date with an optional clock time (a date alone means 09:00, the spec's rule). */
export function resultRow(kind: 'level' | 'bcell', date: string, clock: string | null, value: string, unit: string, note: string): EventRow {
  return { kind, time: clock ? `${date}T${clock}` : date, value, unit, route: '', duration_min: '', note };
}
