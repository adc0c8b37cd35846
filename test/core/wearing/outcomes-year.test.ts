/**
 * `tdm outcomes` over a clinic's year (issue 19's check): 117 natalizumab patients and 20 on
 * ocrelizumab, drawn with a seeded generator (starts before and inside the year, intervals of 4
 * to 8 weeks extended on the way, stops, infusions at 23:45 and 00:15 on the day edges, an
 * infusion on the first and on the last day of the year, troughs, finger-pricks at home, extra
 * venous samples, wearing-off reports and "none" rows, the 2 × 300 mg ocrelizumab start). The
 * expected counts are worked out here from the rows' own date strings with plain UTC day
 * arithmetic (not the core's time functions), by the issue's definitions, and compared exactly.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { clinicOutcomes } from '../../../src/core/outcomes';
import { parseTdmCsv } from '../../../src/core/records/index';

const HEADER = 'patient_id,drug,kind,time,value,unit,route,duration_min,note,sample';

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const dayNo = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
const dateOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

interface Truth {
  doses: string[]; // YYYY-MM-DDTHH:MM, sorted
  starts: string[]; // dose starts (ocrelizumab: the split start once)
  troughs: { time: string; value: number; censored: boolean }[];
  visitsExtra: string[]; // venous samples away from an infusion (dates)
  wearing: { time: string; score: number }[];
}

const FROM = '2025-01-01', TO = '2025-12-31';

function generate(seed: number) {
  const rnd = mulberry32(seed);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const rows: string[] = [];
  const truth = new Map<string, Truth & { drug: 'natalizumab' | 'ocrelizumab' }>();
  const yearStart = dayNo(FROM), yearEnd = dayNo(TO);
  for (let i = 0; i < 137; i++) {
    const nat = i < 117;
    const id = `${nat ? 'N' : 'O'}${String(i).padStart(3, '0')}`;
    const drug = nat ? 'natalizumab' as const : 'ocrelizumab' as const;
    const tr: Truth = { doses: [], starts: [], troughs: [], visitsExtra: [], wearing: [] };
    // First dose from 2024-03 to 2025-11; a few on the year's first and last day exactly.
    let day = i === 3 ? yearStart : i === 4 ? yearEnd : i === 5 ? yearStart - 1 : dayNo('2024-03-01') + Math.floor(rnd() * 640);
    const stopAt = rnd() < 0.15 ? Math.max(day, dayNo('2025-03-01')) + Math.floor(rnd() * 200) : Infinity;
    let weeks = nat ? pick([4, 4, 5, 6]) : pick([24, 26, 28]);
    const clock = () => (rnd() < 0.05 ? '23:45' : rnd() < 0.05 ? '00:15' : pick(['08:30', '09:00', '10:15', '13:00', '15:45']));
    const splitStart = !nat && rnd() < 0.4;
    let n = 0;
    while (day <= yearEnd + 30 && day <= stopAt && day <= dayNo('2026-01-31')) {
      const t = `${dateOf(day)}T${clock()}`;
      if (n > 0 && nat && rnd() < 0.6) {
        // A trough just before the infusion (a quarter-hour earlier on the same day unless at 00:15).
        const v = Math.round((2 + rnd() * 30) * 10) / 10;
        const censored = rnd() < 0.05;
        const at = t.endsWith('00:15') ? `${t.slice(0, 11)}00:05` : `${t.slice(0, 11)}${String(Number(t.slice(11, 13)) - (t.slice(11, 13) === '00' ? 0 : 1)).padStart(2, '0')}${t.slice(13)}`;
        rows.push(`${id},${drug},level,${at},${censored ? '<2' : v},ug/mL,,,,`);
        tr.troughs.push({ time: at, value: censored ? 2 : v, censored });
      }
      if (nat) {
        rows.push(`${id},${drug},dose,${t},300,mg,iv,60,,`);
        tr.doses.push(t); tr.starts.push(t);
      } else if (n === 0 && splitStart) {
        const t2 = `${dateOf(day + 14)}T${t.slice(11)}`;
        rows.push(`${id},${drug},dose,${t},300,mg,iv,150,,`, `${id},${drug},dose,${t2},300,mg,iv,150,,`);
        tr.doses.push(t, t2); tr.starts.push(t);
      } else {
        rows.push(`${id},${drug},dose,${t},600,mg,iv,210,,`);
        tr.doses.push(t); tr.starts.push(t);
      }
      // Within the interval: a finger-prick at home, a venous sample at the clinic, wearing-off.
      const len = weeks * 7;
      if (nat && rnd() < 0.1) rows.push(`${id},${drug},level,${dateOf(day + 10)}T18:00,${Math.round(20 + rnd() * 20)},ug/mL,,,,capillary`);
      if (rnd() < 0.1) {
        const d = dateOf(day + 12);
        rows.push(nat ? `${id},${drug},level,${d}T11:00,${Math.round(20 + rnd() * 20)},ug/mL,,,,` : `${id},${drug},bcell,${d},${Math.round(rnd() * 40)},cells/uL,,,,`);
        tr.visitsExtra.push(d);
      }
      if (rnd() < 0.25) {
        const w = `${dateOf(day + len - 3 - Math.floor(rnd() * 5))}T20:00`;
        const score = 1 + Math.floor(rnd() * 3);
        rows.push(`${id},${drug},wearing_off,${w},${score},score,,,,`);
        tr.wearing.push({ time: w, score });
        if (rnd() < 0.3) { const w2 = `${dateOf(day + len - 2)}T07:00`; rows.push(`${id},${drug},wearing_off,${w2},1,score,,,,`); tr.wearing.push({ time: w2, score: 1 }); }
      } else if (rnd() < 0.3 && n > 0) {
        rows.push(`${id},${drug},wearing_off,${t},0,score,,,none this interval,`);
        tr.wearing.push({ time: t, score: 0 });
      }
      n++;
      if (nat && n % 4 === 0 && weeks < 8 && rnd() < 0.5) weeks++;
      day += len;
    }
    if (tr.doses.length === 0) continue;
    truth.set(id, { ...tr, drug });
  }
  return { text: [HEADER, ...rows].join('\n'), truth };
}

/** The issue's definitions, from the date strings. */
function expected(truth: Map<string, Truth & { drug: string }>, drug: string, from: string, to: string, target = 10) {
  const a = dayNo(from), b = dayNo(to);
  const inP = (t: string) => dayNo(t) >= a && dayNo(t) <= b;
  const step = drug === 'natalizumab' ? 28 : 168;
  let patients = 0, infusions = 0, standard = 0, visits = 0, troughs = 0, atTarget = 0, wearing = 0, infusionVisits = 0;
  for (const t of truth.values()) {
    if (t.drug !== drug) continue;
    const inDoses = t.doses.filter(inP);
    if (!inDoses.length) continue;
    patients++;
    infusions += t.starts.filter(inP).length;
    infusionVisits += inDoses.length;
    const first = dayNo(inDoses[0]);
    for (let d = first; d <= b; d += step) standard++;
    visits += new Set([...inDoses.map((x) => x.slice(0, 10)), ...t.troughs.map((x) => x.time.slice(0, 10)), ...t.visitsExtra].filter(inP)).size;
    for (const x of t.troughs.filter((x) => inP(x.time))) { troughs++; if (!x.censored && x.value >= target) atTarget++; }
    const intervals = new Set<number>();
    for (const w of t.wearing) {
      if (w.score === 0 || !inP(w.time)) continue;
      let k = -1;
      t.starts.forEach((s, j) => { if (s < w.time) k = j; });
      if (k >= 0) intervals.add(k);
    }
    wearing += intervals.size;
  }
  return { patients, infusions, standard_infusions: standard, infusions_avoided: standard - infusions, hospital_visits: visits, hospital_visits_avoided: standard + (infusionVisits - infusions) - visits, troughs, troughs_at_target: atTarget, intervals_with_wearing_off: wearing, infusion_visits: infusionVisits };
}

describe('tdm outcomes over a clinic year of 117 natalizumab patients', () => {
  const { text, truth } = generate(19);
  const run = (from: string, to: string) => {
    const r = runCli(['outcomes', 'clinic.csv', '--from', from, '--to', to], () => Buffer.from(text));
    expect(r.stderr).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toHaveLength(1);
    return JSON.parse(r.stdout[0]);
  };

  it('the year: infusions, the standard schedule and their difference exactly as defined, per drug', () => {
    const line = run(FROM, TO);
    const nat = expected(truth, 'natalizumab', FROM, TO);
    expect(nat.patients).toBe(117);
    expect(line.natalizumab).toMatchObject({
      patients: nat.patients, infusions: nat.infusions, standard_infusions: nat.standard_infusions, infusions_avoided: nat.infusions_avoided,
      hospital_visits: nat.hospital_visits, hospital_visits_avoided: nat.hospital_visits_avoided, troughs: nat.troughs, troughs_at_target: nat.troughs_at_target, intervals_with_wearing_off: nat.intervals_with_wearing_off,
    });
    // Extended dosing avoided infusions in this clinic, and some troughs fell below the target.
    expect(nat.infusions_avoided).toBeGreaterThan(50);
    expect(nat.troughs_at_target).toBeLessThan(nat.troughs);
    expect(nat.intervals_with_wearing_off).toBeGreaterThan(20);
    const ocr = expected(truth, 'ocrelizumab', FROM, TO);
    expect(line.ocrelizumab).toMatchObject({
      patients: ocr.patients, infusions: ocr.infusions, standard_infusions: ocr.standard_infusions, infusions_avoided: ocr.infusions_avoided,
      infusion_visits: ocr.infusion_visits, hospital_visits: ocr.hospital_visits, hospital_visits_avoided: ocr.hospital_visits_avoided, intervals_with_wearing_off: ocr.intervals_with_wearing_off,
    });
    expect(ocr.infusion_visits).toBeGreaterThan(ocr.infusions); // some split starts in the year
  });

  it('periods that start or end on an infusion day, a day either side, and a single month', () => {
    for (const [from, to] of [['2025-01-02', '2025-12-30'], ['2024-12-31', '2025-12-31'], ['2025-03-01', '2025-03-31'], ['2025-06-15', '2025-06-15']]) {
      const line = run(from, to);
      for (const drug of ['natalizumab', 'ocrelizumab'] as const) {
        const e = expected(truth, drug, from, to);
        if (e.patients === 0) { expect(line[drug]).toBeUndefined(); continue; }
        expect(line[drug], `${drug} ${from}..${to}`).toMatchObject({ patients: e.patients, infusions: e.infusions, standard_infusions: e.standard_infusions, infusions_avoided: e.infusions_avoided, intervals_with_wearing_off: e.intervals_with_wearing_off });
      }
    }
  });

  it('the app\'s monthly chart (the same core) adds up to the line\'s totals, month by month as counted here', () => {
    const o = clinicOutcomes(parseTdmCsv(text, 'clinic.csv').patients, FROM, TO).natalizumab!;
    const line = run(FROM, TO);
    expect(o.by_month.map((m) => m.month)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2025-${m}`));
    expect(o.by_month.reduce((s, m) => s + m.infusions, 0)).toBe(line.natalizumab.infusions);
    expect(o.by_month.reduce((s, m) => s + m.standard_infusions, 0)).toBe(line.natalizumab.standard_infusions);
    for (const m of o.by_month) {
      const last = dateOf(dayNo(`${m.month}-01`) + 31).slice(0, 7) === m.month ? dateOf(dayNo(`${m.month}-01`) + 31) : dateOf(dayNo(`${m.month === '2025-12' ? '2026-01' : `2025-${String(Number(m.month.slice(5)) + 1).padStart(2, '0')}`}-01`) - 1);
      const e = expected(truth, 'natalizumab', `${m.month}-01`, last);
      expect(m.infusions, m.month).toBe(e.infusions);
    }
  });
});
