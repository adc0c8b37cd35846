import type { Days, PatientRecord } from '../types';

/**
 * The patient as known at `asOf`: only events at or before it, and only the issues of rows at or
 * before it (issues without a time, such as an unreadable date, are kept).
 */
export function cutAsOf(patient: PatientRecord, asOf: Days): PatientRecord {
  const upTo = <T extends { time: Days }>(events: T[]) => events.filter((e) => e.time <= asOf);
  return {
    ...patient,
    doses: upTo(patient.doses),
    levels: upTo(patient.levels),
    bcells: upTo(patient.bcells),
    weights: upTo(patient.weights),
    ...(patient.wearingOff ? { wearingOff: upTo(patient.wearingOff) } : {}),
    issues: patient.issues.filter((i) => i.time === undefined || i.time <= asOf),
  };
}
