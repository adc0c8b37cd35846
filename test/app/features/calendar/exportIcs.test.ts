import { NATALIZUMAB_MODEL } from '../../../../models/natalizumab-vandenberg-2025';
import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, icsEvents, icsFileName } from '../../../../src/app/features/calendar/exportIcs';
import { natalizumabReport, ocrelizumabReport } from '../fixtures';

const unfold = (text: string) => text.replace(/\r\n /g, '');
const octets = (s: string) => new TextEncoder().encode(s).length;

describe('buildIcs, natalizumab', () => {
  const ics = buildIcs(natalizumabReport(), { dtstamp: new Date(Date.UTC(2024, 3, 23, 14, 5, 9)) });
  const lines = unfold(ics).split('\r\n');

  it('is a VCALENDAR with CRLF line ends only and a final CRLF', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//MS Interval//MS Interval//EN\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has a trough draw just before the infusion, on the proposed date, as floating local times', () => {
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('DTSTART'))).toEqual(['DTSTART:20240527T084500', 'DTSTART:20240527T090000']);
    expect(lines.filter((l) => l.startsWith('DTEND'))).toEqual(['DTEND:20240527T090000', 'DTEND:20240527T100000']);
    expect(lines.filter((l) => l.startsWith('DTSTAMP'))).toEqual(['DTSTAMP:20240423T140509Z', 'DTSTAMP:20240423T140509Z']);
    expect(lines.filter((l) => l.startsWith('UID'))).toEqual(['UID:trough-2024-05-27-NAT-001@ms-interval', 'UID:infusion-2024-05-27-NAT-001@ms-interval']);
    expect(lines.filter((l) => l.startsWith('SUMMARY'))).toEqual([
      'SUMMARY:Natalizumab trough draw (before the infusion): NAT-001',
      'SUMMARY:Natalizumab infusion: NAT-001',
    ]);
    const desc = lines.filter((l) => l.startsWith('DESCRIPTION'))[1];
    expect(desc).toBe('DESCRIPTION:Proposed interval 5 weeks\\; predicted steady-state trough 14.6 µg/mL (80 % interval 10.2 to 19.7). '
      + 'Model Natalizumab two-compartment PK with Michaelis–Menten elimination (van den Berg 2025) 1.0.0\\, planned on 2024-04-22.\\n'
      + 'Decision aid\\, not a certified medical device.');
  });

  it('folds every line at 75 octets', () => {
    for (const l of ics.split('\r\n')) expect(octets(l)).toBeLessThanOrEqual(75);
    expect(ics.split('\r\n').some((l) => l.startsWith(' '))).toBe(true);
  });

  it('is deterministic without a DTSTAMP (the as-of day) and writes Dutch when asked', () => {
    const nl = unfold(buildIcs(natalizumabReport(), { lang: 'nl' }));
    expect(nl).toContain('DTSTAMP:20240422T000000Z');
    expect(nl).toContain('SUMMARY:Natalizumab-infusie: NAT-001');
    expect(nl).toContain('14\\,6 µg/mL (80%-interval 10\\,2 tot 19\\,7)');
    expect(nl).toContain('gepland op 22-04-2024');
  });
  it('names the model in Dutch for a Dutch user, not with its English name (issue 18)', () => {
    const report = natalizumabReport();
    report.model = { ...report.model, name: NATALIZUMAB_MODEL.name };
    const nl = unfold(buildIcs(report, { lang: 'nl' }));
    expect(nl).toContain('Natalizumab-farmacokinetiek met 2 compartimenten en parallelle Michaelis–Menten-eliminatie (van den Berg 2025)');
    expect(nl).not.toContain(report.model.name);
    expect(unfold(buildIcs(report, { lang: 'en' }))).toContain(report.model.name);
  });
});

describe('buildIcs, natalizumab: the next trough as a home finger-prick', () => {
  const home = () => { const r = natalizumabReport(); r.options = { ...r.options, nextTroughSample: 'capillary' }; return r; };

  it('names the trough event a home finger-prick and says how to take it, in English and Dutch', () => {
    const en = icsEvents(home());
    expect(en.map((e) => e.kind)).toEqual(['trough', 'infusion']);
    expect(en[0].summary).toBe('Natalizumab trough by home finger-prick (before the dose): NAT-001');
    expect(en[0].description).toBe('Take the finger-prick (capillary) sample at home just before the dose and send it to the lab as instructed.\nDecision aid, not a certified medical device.');
    expect([en[0].start, en[0].end]).toEqual(['2024-05-27T08:45', '2024-05-27T09:00']);
    const nl = unfold(buildIcs(home(), { lang: 'nl' }));
    expect(nl).toContain('SUMMARY:Natalizumab-dalspiegel met vingerprik thuis (vóór de gift): NAT-001');
    expect(nl).toContain('DESCRIPTION:Neem het vingerprikmonster (capillair) thuis af vlak vóór de gift en stuur het naar het lab zoals afgesproken.\\n');
  });

  it('keeps the venous trough draw when the next trough is planned venous (explicitly or by default)', () => {
    const r = natalizumabReport();
    r.options = { ...r.options, nextTroughSample: 'venous' };
    expect(icsEvents(r)[0].summary).toBe('Natalizumab trough draw (before the infusion): NAT-001');
    expect(icsEvents(natalizumabReport())[0].summary).toBe('Natalizumab trough draw (before the infusion): NAT-001');
  });
});

describe('buildIcs, ocrelizumab', () => {
  it('has the next B-cell count and the proposed re-dose, in date order', () => {
    const ev = icsEvents(ocrelizumabReport());
    expect(ev.map((e) => [e.kind, e.start, e.end])).toEqual([
      ['count', '2024-02-05T09:00', '2024-02-05T09:15'],
      ['redose', '2024-03-04T09:00', '2024-03-04T12:30'],
    ]);
    expect(ev[1].summary).toBe('Ocrelizumab re-dose (proposed): OCR-001');
  });
});

describe('escaping and folding', () => {
  it('escapes backslash, semicolon, comma and newlines in a pseudonym', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    const r = natalizumabReport();
    r.patientId = 'X;1,2\\3';
    const ics = unfold(buildIcs(r));
    expect(ics).toContain('SUMMARY:Natalizumab infusion: X\\;1\\,2\\\\3');
    expect(ics).toContain('UID:infusion-2024-05-27-X%3B1%2C2%5C3@ms-interval');
    expect(icsFileName(r)).toBe('X_1_2_3-ms-interval.ics');
  });

  it('never splits a multi-byte character and keeps the text intact', () => {
    const line = 'SUMMARY:' + 'µ'.repeat(100);
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    // 8 + 33 × 2 = 74 (a 34th µ would need 76), then 1 + 37 × 2 = 75, then 1 + 30 × 2.
    expect(parts.map(octets)).toEqual([74, 75, 61]);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(line);
    expect(foldLine('short')).toBe('short');
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe('x'.repeat(75) + '\r\n x');
  });
});

describe('buildIcs with a chosen option', () => {
  it('says the chosen interval and what the model proposed, with the chosen option\'s trough', () => {
    const r = natalizumabReport();
    const four = r.alternatives.find((a) => a.weeks === 4)!;
    const ics = unfold(buildIcs(r, { dtstamp: new Date(Date.UTC(2024, 3, 23, 14, 5, 9)), planned: { date: four.nextDose, lab: four.nextDose, chosen: true, reason: 'holiday' } }));
    const desc = ics.split('\r\n').filter((l) => l.startsWith('DESCRIPTION'))[1];
    expect(desc.startsWith('DESCRIPTION:Chosen interval 4 weeks (the model proposed 5)\\; predicted steady-state trough 25.6 µg/mL (80 % interval 17.9 to 34.6).')).toBe(true);
    expect(ics).toContain(`DTSTART:${four.nextDose.replace(/-/g, '')}T090000`);
  });
});
