/**
 * Wearing-off reports added to a TDM CSV (issue 19 speed work): for the tests and the bench of the
 * natalizumab wearing-off analysis. Deterministic (no clock, no Math.random): for each natalizumab
 * patient, a report of intensity 1–3 a few days before some of the doses (the usual onset), a "none
 * this interval" 0 at some doses, now and then a report on an infusion's own time or on a level's
 * day, and for every third patient a report in the open last interval after the last row (so the
 * as-of moves there and the onset lies after the last dose: the forecast's side of the curve).
 * Run: npx tsx scripts/wearing-fixture.ts fixtures/validation/natalizumab-virtual.csv > out.csv
 */
import { createRng } from '../src/core/random';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const parseMs = (t: string) => Date.parse(t.length === 10 ? `${t}T00:00Z` : `${t}Z`);


/** The CSV with wearing_off rows added after each natalizumab patient's own rows. */
export function withWearingReports(csv: string): string {
  const lines = csv.trim().split(/\r?\n/);
  const header = lines[0];
  const cols = header.split(',').length;
  const pad = (cells: string[]) => [...cells, ...Array(Math.max(0, cols - cells.length)).fill('')].join(',');
  const byPatient = new Map<string, string[]>();
  for (const l of lines.slice(1)) {
    const id = l.split(',')[0];
    if (!byPatient.has(id)) byPatient.set(id, []);
    byPatient.get(id)!.push(l);
  }
  const out = [header];
  let k = 0;
  for (const [id, rows] of byPatient) {
    out.push(...rows);
    const cells = rows.map((r) => r.split(','));
    if (cells[0][1] !== 'natalizumab') continue;
    const rnd = createRng(0x9e3779b9 ^ (k * 2654435761)).uniform;
    const doses = cells.filter((c) => c[2] === 'dose').map((c) => parseMs(c[3])).sort((a, b) => a - b);
    const levels = cells.filter((c) => c[2] === 'level').map((c) => parseMs(c[3]));
    const last = Math.max(...cells.map((c) => parseMs(c[3])).filter(Number.isFinite));
    const add = (ms: number, score: number) => out.push(pad([id, 'natalizumab', 'wearing_off', iso(ms), String(score), 'score']));
    for (let i = 1; i < doses.length; i++) {
      const u = rnd();
      if (u < 0.35) add(doses[i] - Math.round(1 + rnd() * 6) * DAY + Math.round(rnd() * 20) * 3_600_000, 1 + Math.floor(rnd() * 3));
      else if (u < 0.45) add(doses[i], 0);
      else if (u < 0.5) add(doses[i], 1 + Math.floor(rnd() * 3));
    }
    if (levels.length && rnd() < 0.3) add(levels[Math.floor(rnd() * levels.length)], 2);
    if (k % 3 === 0 && doses.length) add(Math.max(last, doses[doses.length - 1]) + (5 + Math.floor(rnd() * 20)) * DAY, 1 + Math.floor(rnd() * 3));
    k++;
  }
  return out.join('\n') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(withWearingReports(readFileSync(process.argv[2], 'utf8')));
}
