/**
 * Dutch, complete (issue 7 item 6): on every view, with every part opened (model details,
 * history, per-patient settings, the forms, a refused row, an import preview with row messages),
 * no English word of the interface shows in Dutch. Patient data (notes) and the title of an
 * English paper are not interface text. The card shows no file paths, seeds or sampler jargon.
 */
import { test, expect, type Page } from './pinned';
import { waitComputed, watch } from './app-helpers';

test.use({ viewport: { width: 1366, height: 768 } });

/** English words that never belong in the Dutch interface (none is also a Dutch word). */
const ENGLISH = [
  'the', 'and', 'with', 'weeks', 'dose', 'doses', 'level', 'levels', 'count', 'counts', 'trough', 'troughs', 'probability',
  'settings', 'patient', 'patients', 'planned', 'proposal', 'warning', 'warnings', 'computing', 'save', 'cancel', 'delete', 'edit',
  'add', 'next', 'last', 'steady', 'chance', 'required', 'above', 'below', 'source', 'value', 'note', 'kind', 'duration',
  'sampler', 'seed', 'posterior', 'samples', 'confirmed', 'assumption', 'checked', 'fraction', 'day', 'days', 'from', 'without',
  'must', 'cannot', 'error', 'failed', 'loading', 'result', 'results', 'weight', 'schedule', 'choose', 'chosen', 'reason',
  'print', 'calendar', 'undo', 'search', 'due', 'overdue', 'needed', 'threshold', 'target', 'interval (', 'transcribed',
  'derived', 'published', 'label', 'unit', 'route', 'written', 'write', 'use', 'only', 'check', 'date', 'time', 'after', 'before',
];
const WORD = new RegExp(`(?:^|[^\\p{L}])(${ENGLISH.map((w) => w.replace(/[()]/g, '\\$&')).join('|')})(?=$|[^\\p{L}])`, 'iu');

/** The page's visible interface text, one text node a line, without patient notes and text marked as another language. */
async function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const lines: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text) continue;
      if (el.closest('td.note, [lang]:not(html), script, style, option')) continue;
      if (!el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions) && !el.closest('.sr-only')) continue;
      lines.push(text);
    }
    // attributes people read: labels and titles of controls
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder]'))) {
      if (el.closest('[lang]:not(html)')) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) { const v = el.getAttribute(a); if (v) lines.push(v); }
    }
    for (const o of Array.from(document.querySelectorAll<HTMLOptionElement>('select option'))) if (!o.closest('[lang]:not(html)') && !o.lang) lines.push(o.text);
    return lines.join('\n');
  });
}

/** Names that are not words: trials, protocols, a paper's English title. */
const NAMES = /NEXT-MS|BLOOMS|PDNMS|DELIVER|Model-informed precision dosing of natalizumab|MS Interval/g;

async function expectDutch(page: Page, where: string): Promise<void> {
  const text = (await interfaceText(page)).replace(NAMES, '');
  const bad = text.split('\n').filter((line) => WORD.test(line)).map((line) => `${line.match(WORD)![1]} ← ${line.trim().slice(0, 160)}`);
  expect(bad, `English on ${where}`).toEqual([]);
  for (const jargon of ['seed', 'Posterior', '.md', 'scripts/', 'shared/']) expect(text, `${where}: "${jargon}"`).not.toContain(jargon);
}

async function openAll(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => { (d as HTMLDetailsElement).open = true; }));
}

test('every view in Dutch: planning, patients with everything opened, forms and row messages, import preview, settings, other views', async ({ page }) => {
  test.setTimeout(180_000);
  const w = watch(page);
  await page.addInitScript(() => { if (!sessionStorage.getItem('nl-set')) { localStorage.setItem('ms-interval-lang', 'nl'); sessionStorage.setItem('nl-set', '1'); } });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await waitComputed(page);
  await expectDutch(page, 'planning');

  for (const id of ['NAT-001', 'NAT-003', 'NAT-004', 'OCR-001', 'OCR-002']) {
    await page.locator(`[data-patient-id="${id}"] a`).first().click();
    await expect(page.locator(`[data-selected-patient="${id}"] table.proposal__table`).first()).toBeVisible();
    await openAll(page);
    await expect(page.locator('[data-testid="proposal-history"] table')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
    await expectDutch(page, `patient ${id}`);
  }

  // The forms, and the records' row messages in Dutch.
  await page.locator('[data-patient-id="NAT-001"] a').first().click();
  await page.locator('[data-testid="add-result"]').click();
  await page.locator('.result-form input[name="date"]').fill('01-11-2026');
  await page.locator('.result-form input[name="value"]').fill('25000');
  await page.locator('[data-testid="save-result"]').click();
  await expect(page.locator('.result-form [role=alert]').first()).toHaveText('waarde "25000" µg/mL van een spiegel is hoger dan een natalizumabgift kan geven (hoogstens 500 µg/mL): misschien is de waarde in ng/mL; kies dan de eenheid ng/mL (25000 ng/mL = 25 µg/mL)');
  await page.locator('[data-testid="add-doses"]').click();
  await page.locator('.events .add-buttons button').last().click();
  await page.locator('.events tr.editing input').first().fill('01-11-2026');
  await page.locator('.events tr.editing input[inputmode="decimal"]').fill('1,000');
  await page.locator('.events tr.editing button[type=submit]').click();
  await expect(page.locator('.events tr.editing-errors [role=alert] li')).toHaveText('waarde "1,000" van een gewicht is dubbelzinnig: "," kan duizendtallen scheiden of een decimaalteken zijn; schrijf 1000 (zonder scheidingsteken voor duizendtallen) of 1 (als "," het decimaalteken was)');
  await expectDutch(page, 'forms and a refused row');
  await page.locator('.events tr.editing button[type=button]').last().click();

  // An import preview with row messages.
  const csv = 'patient_id,drug,kind,time,value,unit\nNL-1,natalizumab,dose,2026-01-05T09:00,300,mg\nNL-1,natalizumab,level,2026-02-02,abc,ug/mL\nNL-1,natalizumab,weight,2026-01-05,820,kg\nNL-1,natalizumab,dose,2026-01-06T09:00,300,mg\n';
  await page.locator('input[type=file]').setInputFiles({ name: 'lab.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').locator('.issue-list li').first()).toHaveText('Fout lab.csv:3: waarde "abc" van een spiegel is geen getal: schrijf een getal zoals 24.1, of <x voor een uitslag onder de meetgrens x van het lab');
  await expectDutch(page, 'import preview');
  await page.getByRole('dialog').getByRole('button').last().click();

  // The new-patient form.
  await page.locator('[data-testid="new-patient"]').click();
  await expectDutch(page, 'new patient');

  // Every other view of the navigation (settings, the clinic day list, …).
  const nav = page.locator('header nav button');
  for (let i = 1; i < await nav.count(); i++) {
    await nav.nth(i).click();
    await openAll(page);
    await expectDutch(page, `view ${await nav.nth(i).innerText()}`);
  }
  expect(w.errors).toEqual([]);
});
