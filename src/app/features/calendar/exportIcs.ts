/**
 * Calendar file (RFC 5545) with the next infusion and the next lab date of one patient, for the
 * clinic's or the patient's agenda. Pure: the DTSTAMP is passed in (no clock), times are floating
 * local times (no zone: the TDM CSV has none), the SUMMARY carries the pseudonym, never a name.
 * CRLF line ends, lines folded at 75 octets (UTF-8), `\`, `;`, `,` and newlines escaped. Every
 * sentence is the catalog's (namespaces `proposal` and `walk`, src/i18n/app), rendered by i18next
 * in the user's language, as the card says it.
 */
import type { PatientReport } from '../../../core/report/types';
import { displayDate, formatDateTime, isoInstant, parseIsoTime } from '../../../core/time';
import { modelText } from '../../../i18n/app/models.nl';
import { appText } from '../../../i18n/app/text';
import { formatPercent } from '../proposal/format';

export interface IcsOptions {
  /** The moment the file is made (DTSTAMP, written in UTC). @default the report's as-of day, 00:00 UTC */
  dtstamp?: Date;
  /** Language of SUMMARY and DESCRIPTION. @default 'en' */
  lang?: string;
  /** Time of day of the visit, `HH:MM`. @default the last dose's time of day, else 09:00 */
  time?: string;
  /** Length of the infusion event, minutes. @default 60 for natalizumab, 210 for ocrelizumab */
  infusionMinutes?: number;
  /** Natalizumab: the trough draw starts this many minutes before the infusion. @default 15 */
  troughLeadMinutes?: number;
  /** Length of a B-cell count (blood draw) event, minutes. @default 15 */
  countMinutes?: number;
  /**
   * The dose as planned (lib/plan.ts): the clinician's choice when one is recorded. The events
   * are put on its date (and its lab date). @default the proposal's dates
   */
  planned?: { date: string; lab: string | null; chosen: boolean; reason?: string | null; risk?: { probability: number; required: number } | null };
  /** Today (`YYYY-MM-DD`, the app's clock): an event dated before it is flagged as past. */
  today?: string;
}

export interface IcsEvent {
  uid: string;
  /** Floating local start and end, `YYYY-MM-DDTHH:MM`. */
  start: string;
  end: string;
  summary: string;
  description: string;
  /** `infusion`, `trough`, `count` or `redose`. */
  kind: string;
}

const PRODID = '-//MS Interval//MS Interval//EN';

/**
 * Escape a TEXT value (RFC 5545 §3.3.11). Line breaks of any kind (CR, LF, NEL, U+2028, U+2029)
 * become `\n`; every other control character (C0 but tab, DEL, C1: vertical tab, form feed, escape
 * sequences) is dropped, so no field can put a raw control character in the file.
 */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

function octets(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let n = 0;
  for (const ch of line) {
    const o = octets(ch.codePointAt(0)!);
    if (n + o > 75) {
      // A continuation line starts with one space, which counts towards its 75 octets.
      out.push(cur);
      cur = ' ';
      n = 1;
    }
    cur += ch;
    n += o;
  }
  out.push(cur);
  return out.join('\r\n');
}

/** `YYYY-MM-DDTHH:MM` → `YYYYMMDDTHHMM00` (floating local time). */
function icsLocal(iso: string): string {
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}00`;
}

/** An instant (the clock reading passed in) as an RFC 5545 UTC date-time, `YYYYMMDDTHHMMSSZ`, by the core's date module. */
function icsUtc(d: Date): string {
  return `${isoInstant(d.getTime()).slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function fmtNum(x: number, nl: boolean): string {
  const d = Math.abs(x) < 1 ? 2 : Math.abs(x) < 100 ? 1 : 0;
  const s = String(Math.round(x * 10 ** d) / 10 ** d);
  return nl ? s.replace('.', ',') : s;
}

/** The date of an ISO date or date-time as the app shows it (the core's one display form per language). */
function fmtDate(iso: string, nl: boolean): string {
  return displayDate(iso.slice(0, 10), nl ? 'nl' : 'en');
}

/** A time `minutes` after `date` at `time` (`HH:MM`), as `YYYY-MM-DDTHH:MM`, or null if the date is invalid. */
function at(date: string, time: string, minutes: number): string | null {
  const t = parseIsoTime(`${date.slice(0, 10)}T${time}`);
  return t === null ? null : formatDateTime(t + minutes / 1440);
}

/** The events of the calendar file, in date order. */
export function icsEvents(report: PatientReport, options: IcsOptions = {}): IcsEvent[] {
  const nl = (options.lang ?? 'en').toLowerCase().startsWith('nl');
  const t = appText(options.lang);
  const time = options.time ?? (report.lastDose && report.lastDose.length >= 16 ? report.lastDose.slice(11, 16) : '09:00');
  const id = report.patientId;
  const uidBase = encodeURIComponent(id);
  // The model's name in the user's language, as the card says it.
  const model = modelText(report.model.name, nl ? 'nl' : 'en');
  const common = { model, version: report.model.version, asOf: fmtDate(report.asOf, nl) };
  const events: IcsEvent[] = [];
  const planned = options.planned;
  const chosenLine = planned?.chosen ? `\n${t('proposal:ics.chosen', { date: fmtDate(report.proposal.nextDose, nl), reason: planned.reason ?? '' })}` : '';
  // A choice below the required probability stays visibly risky: in the SUMMARY and the DESCRIPTION.
  const riskVars = planned?.chosen && planned.risk ? { p: formatPercent(planned.risk.probability, nl ? 'nl' : 'en'), required: formatPercent(planned.risk.required, nl ? 'nl' : 'en') } : null;
  const riskLine = riskVars ? `\n${t('walk:risk.ics', riskVars)}` : '';
  const push = (kind: string, date: string, startMin: number, endMin: number, summary: string, description: string) => {
    const start = at(date, time, startMin), end = at(date, time, endMin);
    if (start === null || end === null) return;
    const past = options.today !== undefined && date.slice(0, 10) < options.today;
    events.push({
      uid: `${kind}-${date.slice(0, 10)}-${uidBase}@ms-interval`, start, end, kind,
      summary: `${past ? `${t('proposal:ics.pastPrefix')} ` : ''}${riskVars && kind !== 'count' ? `${t('walk:risk.icsPrefix', riskVars)} ` : ''}${summary}`,
      description: `${past ? `${t('proposal:ics.past', { date: fmtDate(date, nl) })}\n` : ''}${description}${chosenLine}${riskLine}\n${t('proposal:ics.disclaimer')}`,
    });
  };
  if (report.drug === 'natalizumab') {
    const p = report.proposal;
    const lead = options.troughLeadMinutes ?? 15;
    const date = planned?.date ?? p.nextDose;
    const alt = report.alternatives.find((a) => a.nextDose === date);
    const chosen = Boolean(planned?.chosen && alt);
    const shown = chosen && alt ? { weeks: alt.weeks, trough: alt.ssTrough } : { weeks: p.intervalWeeks, trough: p.predictedTrough };
    // The next trough planned as a home finger-prick (clinic or patient setting, echoed in the report).
    const home = report.options.nextTroughSample === 'capillary';
    push('trough', date, -lead, 0, t(home ? 'proposal:sample.icsTrough' : 'proposal:ics.trough', { id }), t(home ? 'proposal:sample.icsDesc' : 'proposal:ics.descTrough'));
    push('infusion', date, 0, options.infusionMinutes ?? 60, t('proposal:ics.infusion', { id }), t(chosen ? 'proposal:ics.descNatChosen' : 'proposal:ics.descNat', {
      ...common, weeks: shown.weeks, proposed: p.intervalWeeks, trough: fmtNum(shown.trough.value, nl), low: fmtNum(shown.trough.low, nl), high: fmtNum(shown.trough.high, nl),
    }));
  } else {
    const p = report.proposal;
    const desc = t('proposal:ics.descOcr', {
      ...common, threshold: fmtNum(report.threshold.value, nl), crossing: fmtDate(p.predictedCrossing, nl),
      low: fmtDate(p.predictedCrossingLow, nl), high: fmtDate(p.predictedCrossingHigh, nl),
    });
    const date = planned?.date ?? p.nextDose;
    const lab = planned ? planned.lab : p.nextBcellCheck;
    if (lab) push('count', lab, 0, options.countMinutes ?? 15, t('proposal:ics.count', { id }), desc);
    push('redose', date, 0, options.infusionMinutes ?? 210, t(planned?.chosen ? 'proposal:ics.redoseChosen' : 'proposal:ics.redose', { id }), desc);
  }
  return events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** The RFC 5545 text (CRLF line ends, folded, escaped) of a report's next infusion and lab date. */
export function buildIcs(report: PatientReport, options: IcsOptions = {}): string {
  const stamp = options.dtstamp ? icsUtc(options.dtstamp) : `${report.asOf.replace(/-/g, '')}T000000Z`;
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(appText(options.lang)('proposal:ics.calendarName', { id: report.patientId }))}`,
  ];
  for (const e of icsEvents(report, options)) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsLocal(e.start)}`,
      `DTEND:${icsLocal(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      `CATEGORIES:${escapeText('MS Interval')}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A file name for the download: the pseudonym with anything unsafe replaced. */
export function icsFileName(report: PatientReport): string {
  return `${report.patientId.replace(/[^A-Za-z0-9._-]+/g, '_')}-ms-interval.ics`;
}
