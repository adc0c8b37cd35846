/**
 * The calendar file's sentences come from the one catalog through i18next (src/i18n/app/text.ts),
 * not from a filler of its own: a sentence changed in the catalog changes the file, and a Dutch file
 * is the catalog's Dutch word for word, with no fixed words of the English side.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildIcs } from '../../../../src/app/features/calendar/exportIcs';
import { appI18n, appText } from '../../../../src/i18n/app/text';
import proposalEn from '../../../../src/i18n/app/proposal-en';
import proposalNl from '../../../../src/i18n/app/proposal-nl';
import walkEn from '../../../../src/i18n/app/walk-en';
import walkNl from '../../../../src/i18n/app/walk-nl';
import { natalizumabReport, ocrelizumabReport } from '../fixtures';

const unfold = (text: string) => text.replace(/\r\n /g, '');
/** The text of a property of the file's events (unescaped), e.g. all SUMMARY values. */
const values = (ics: string, name: string) => unfold(ics).split('\r\n').filter((l) => l.startsWith(`${name}:`))
  .map((l) => l.slice(name.length + 1).replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1'));

const changed: [string, string, string, string][] = [];
function change(lng: string, ns: string, key: string, text: string): void {
  changed.push([lng, ns, key, appI18n.getResource(lng, ns, key) as string]);
  appI18n.addResource(lng, ns, key, text);
}
afterEach(() => { for (const [lng, ns, key, text] of changed.splice(0).reverse()) appI18n.addResource(lng, ns, key, text); });

describe('the .ics text is the catalog\'s, rendered by i18next', () => {
  it('a sentence changed in the catalog is what the file says, in each language, with i18next\'s nesting', () => {
    // i18next resolves `$t(…)` (a sentence of the catalog inside another); a filler of its own would not.
    change('nl', 'proposal', 'ics.infusion', 'Infuus volgens de catalogus ($t(proposal:ics.disclaimer)): {{id}}');
    change('en', 'walk', 'risk.icsPrefix', '[catalog: {{p}} of {{required}}]');
    change('nl', 'proposal', 'ics.descOcr', 'Grens {{threshold}} cellen/µL op {{crossing}}, model {{model}} {{version}}, gepland {{asOf}}.');
    expect(values(buildIcs(natalizumabReport(), { lang: 'nl' }), 'SUMMARY')).toContain('Infuus volgens de catalogus (Beslisondersteuning, geen gecertificeerd medisch hulpmiddel.): NAT-001');
    const r = natalizumabReport();
    const risky = buildIcs(r, { lang: 'en', planned: { date: r.alternatives[0].nextDose, lab: null, chosen: true, reason: 'holiday', risk: { probability: 0.72, required: 0.9 } } });
    expect(values(risky, 'SUMMARY').every((s) => s.startsWith('[catalog: 72% of 90%] '))).toBe(true);
    const o = ocrelizumabReport();
    expect(values(buildIcs(o, { lang: 'nl' }), 'DESCRIPTION')[0]).toMatch(/^Grens 10 cellen\/µL op \d{2}-\d{2}-\d{4}, model .+, gepland \d{2}-\d{2}-\d{4}\.\n/);
  });

  it('a Dutch file is the catalog\'s Dutch, word for word, and has no fixed words of the English side', () => {
    const r = natalizumabReport();
    const alt = r.alternatives.find((a) => a.nextDose !== r.proposal.nextDose)!;
    const ics = buildIcs(r, { lang: 'nl', today: '2099-01-01', planned: { date: alt.nextDose, lab: null, chosen: true, reason: 'vakantie, daarna', risk: { probability: 0.72, required: 0.9 } } });
    const t = appText('nl');
    const d = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
    const prefix = `${t('proposal:ics.pastPrefix')} ${t('walk:risk.icsPrefix', { p: '72%', required: '90%' })} `;
    expect(prefix).toBe('[DATUM VERSTREKEN] [72% < 90% VEREIST] ');
    expect(values(ics, 'SUMMARY')).toEqual([`${prefix}${t('proposal:ics.trough', { id: 'NAT-001' })}`, `${prefix}${t('proposal:ics.infusion', { id: 'NAT-001' })}`]);
    const description = values(ics, 'DESCRIPTION')[1];
    expect(description.split('\n')).toEqual([
      t('proposal:ics.past', { date: d(alt.nextDose) }),
      expect.stringMatching(/^Gekozen interval \d+ weken \(het model stelde \d+ voor\); voorspelde dalspiegel op den duur \d+,\d µg\/mL \(80%-interval \d+,\d tot \d+,\d\)\. Model .+, gepland op \d{2}-\d{2}-\d{4}\.$/),
      t('proposal:ics.chosen', { date: d(r.proposal.nextDose), reason: 'vakantie, daarna' }),
      t('walk:risk.ics', { p: '72%', required: '90%' }),
      t('proposal:ics.disclaimer'),
    ]);
    // Every fixed piece (between placeholders) of the English sentences the file can use, but the
    // pieces Dutch says alike (`MS Interval: `, `). Model `).
    const sentences = (p: typeof proposalEn, w: typeof walkEn) => [...Object.values(p.ics), p.sample.icsTrough, p.sample.icsDesc, w.risk.ics, w.risk.icsPrefix];
    const dutch = sentences(proposalNl, walkNl).join('\n');
    const english = sentences(proposalEn, walkEn).flatMap((s) => s.split(/\{\{\w+\}\}/)).map((s) => s.trim())
      .filter((s) => s.length >= 8 && /[a-z]{4}/.test(s) && !dutch.includes(s));
    expect(english.length).toBeGreaterThan(20);
    for (const piece of english) expect(unfold(ics), piece).not.toContain(piece);
  });
});
