/** A row of the data table as it is typed (dates and decimals in the user's form), and back to a row for the records check. */
import type { EventRow, RowKind } from '../../lib/rows';
import { formatEditableTime, normaliseDecimal, parseDisplayDate, type Lang } from '../../lib/dates';

export interface Draft { kind: RowKind; time: string; value: string; unit: string; route: string; duration_min: string; note: string; sample: string }

export function toDraft(r: EventRow, lang: Lang): Draft {
  const value = lang === 'nl' && /^<?\d*\.\d+$/.test(r.value) ? r.value.replace('.', ',') : r.value;
  return { kind: r.kind, time: r.time ? formatEditableTime(r.time, lang) : '', value, unit: r.unit, route: r.route, duration_min: r.duration_min, note: r.note,
    sample: r.kind === 'level' ? (r.sample === 'capillary' ? 'capillary' : 'venous') : '' };
}

export function fromDraft(d: Draft, base?: EventRow): EventRow {
  return {
    kind: d.kind,
    time: parseDisplayDate(d.time) ?? d.time.trim(),
    value: normaliseDecimal(d.value),
    unit: d.unit,
    route: d.kind === 'dose' ? d.route : '',
    duration_min: d.kind === 'dose' ? d.duration_min.trim() : '',
    note: d.note,
    ...(d.kind === 'level' ? { sample: d.sample || 'venous' } : {}),
    extra: base?.extra,
  };
}
