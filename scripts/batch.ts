/** Build a large TDM CSV by repeating the validation patients under new ids (for the benchmark). */
import { readFileSync } from 'node:fs';

export function makeBatch(source: string, n: number): string {
  const lines = readFileSync(source, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0];
  const byPatient = new Map<string, string[]>();
  for (const l of lines.slice(1)) {
    const id = l.slice(0, l.indexOf(','));
    if (!byPatient.has(id)) byPatient.set(id, []);
    byPatient.get(id)!.push(l.slice(l.indexOf(',')));
  }
  const groups = [...byPatient.values()];
  const out = [header];
  for (let i = 0; i < n; i++) {
    const g = groups[i % groups.length];
    for (const rest of g) out.push(`B${String(i).padStart(5, '0')}${rest}`);
  }
  return out.join('\n') + '\n';
}
