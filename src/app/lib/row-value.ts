/** A record row's meaning as the clinician reads it (canonical units), for questions about it. */
import type { RecordRow } from '../../core/records/merge';
import type { Lang } from './dates';
import { unitText } from '../../i18n/catalog';

/** A row's value as the clinician reads it (canonical units). */
export function rowValue(e: RecordRow, lang: Lang): string {
  const num = (x: number) => (lang === 'nl' ? String(x).replace('.', ',') : String(x));
  switch (e.kind) {
    case 'dose': { const d = e as RecordRow & { amountMg: number; route: string; durationMin: number }; return `${num(d.amountMg)} mg ${d.route.toUpperCase()}, ${num(d.durationMin)} min`; }
    case 'level': case 'bcell': {
      const o = e as RecordRow & { value: number; censored: boolean; sample?: string };
      return `${o.censored ? '<' : ''}${num(o.value)} ${unitText(o.kind === 'level' ? 'µg/mL' : 'cells/µL', lang)}${o.sample === 'capillary' ? (lang === 'nl' ? ' (vingerprik)' : ' (capillary)') : ''}`;
    }
    case 'weight': return `${num((e as RecordRow & { kg: number }).kg)} kg`;
    case 'wearing_off': return `${(e as RecordRow & { score: number }).score}/3`;
    default: {
      const skip = new Set(['kind', 'time', 'iso', 'line', 'note', 'extra']);
      return Object.entries(e).filter(([k]) => !skip.has(k)).map(([k, v]) => `${k} ${String(v)}`).join(', ');
    }
  }
}

