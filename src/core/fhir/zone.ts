/**
 * Local wall-clock times (the records' `iso`, spec/tdm-csv.md) and FHIR `dateTime`s, which carry a
 * zone offset. The clinic's time zone is an IANA name passed by the caller (the app: the browser's;
 * the command line: the machine's or `--time-zone`); the offsets come from the JavaScript runtime's
 * time-zone data (Intl), never from a clock.
 *
 * Writing: `2024-03-05T09:30` in Europe/Amsterdam → `2024-03-05T09:30:00+01:00` (summer: +02:00).
 * Reading: a time whose offset is one the clinic's zone uses around that date is read as written
 * (so a time written in the hour skipped by the spring clock change comes back unchanged); another
 * offset (a server answering in UTC, `Z`) is converted to the clinic's wall clock.
 */

import { isIsoDate, isTimeZone, offsetMinutes, wallClock, wallClockMs } from '../time';

export { isTimeZone, offsetMinutes };

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A local `YYYY-MM-DDTHH:MM` as a FHIR dateTime with the zone's offset, `YYYY-MM-DDTHH:MM:00+01:00`. */
export function toFhirDateTime(iso: string, timeZone: string): string {
  const m = LOCAL.exec(iso);
  if (!m) throw new Error(`not a local time YYYY-MM-DDTHH:MM: ${iso}`);
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // The offset in force at that wall-clock time: try the offset of the naive instant, then correct once.
  const first = offsetMinutes(timeZone, wall);
  let off = offsetMinutes(timeZone, wall - first * 60_000);
  // In the hour skipped when clocks go forward no instant has this wall clock: write the offset before
  // the change (the smaller one), which the reader reads back as written.
  if (wallClockMs(timeZone, wall - off * 60_000) !== wall) off = Math.min(first, off);
  return `${iso}:00${offsetText(off)}`;
}

/** An instant as a FHIR dateTime (`recorded`, `date`) in the zone, with seconds. */
export function instantToFhir(utcMs: number, timeZone: string): string {
  const off = offsetMinutes(timeZone, utcMs);
  const wall = new Date(Math.floor(utcMs / 1000) * 1000 + off * 60_000).toISOString().slice(0, 19);
  return `${wall}${offsetText(off)}`;
}

const FHIR_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export type ReadTime =
  | { ok: true; iso: string }
  | { ok: false; reason: 'format' | 'date-only-partial' };

/**
 * A FHIR date or dateTime as the clinic's local `YYYY-MM-DDTHH:MM` (seconds dropped, as the CSV
 * does). A date alone means 09:00 (as in the CSV). A year or a month alone is not a time.
 */
export function fromFhirDateTime(text: string, timeZone: string): ReadTime {
  if (/^\d{4}(-\d{2})?$/.test(text)) return { ok: false, reason: 'date-only-partial' };
  const m = FHIR_DATE_TIME.exec(text);
  if (!m) return { ok: false, reason: 'format' };
  const [, y, mo, d, h, mi, , zone] = m;
  const date = `${y}-${mo}-${d}`;
  if (!isIsoDate(date)) return { ok: false, reason: 'format' };
  if (h === undefined) return { ok: true, iso: `${date}T09:00` };
  if (+h > 23 || +mi > 59) return { ok: false, reason: 'format' };
  const local = `${date}T${h}:${mi}`;
  if (zone === undefined) return { ok: true, iso: local };
  const off = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi) - off * 60_000;
  const zoneOffsets = new Set([offsetMinutes(timeZone, utc), offsetMinutes(timeZone, utc - 86_400_000), offsetMinutes(timeZone, utc + 86_400_000)]);
  if (zoneOffsets.has(off)) return { ok: true, iso: local };
  return { ok: true, iso: wallClock(utc, timeZone) };
}
