/**
 * Issue 15, item 9: "the clinic-day print cuts off its warnings column" (reported on A4 paper).
 * The clinic day of many patients, each with several long warnings (antibodies suspected, every
 * level below the limit, subcutaneous doses, no weight) and long pseudonyms, printed in English
 * and Dutch: laid out as on A4 portrait between the app's own page margins (@page 10 mm 12 mm:
 * 186 mm = 703 CSS px wide), every cell of the table ends within the printable width and no
 * cell's text runs out of it (scrollWidth ≤ clientWidth); also at 718 px (190 mm, narrower margins).
 * The list is also printed to a PDF (kept with the test's output), on A4 portrait pages as the
 * app's @page asks.
 */
import { test, expect, type Page } from './pinned';
import { readFileSync } from 'node:fs';
import { importFile, recentCsv, waitComputed, watch } from './app-helpers';
import { pdfPages } from './pdf-layout';

test.use({ viewport: { width: 1366, height: 768 } });

/** A4 portrait less the app's @page margins (10 mm 12 mm): 186 mm at 96 px per inch. */
const A4_PRINTABLE_PX = Math.floor((186 / 25.4) * 96);
/** A4 (210 × 297 mm) in PDF points, and the 12 mm side margin. */
const A4_PT = [(210 / 25.4) * 72, (297 / 25.4) * 72];
const SIDE_PT = (12 / 25.4) * 72;

const examples = readFileSync('fixtures/examples/example-patients.csv', 'utf8').split('\n');
const rowsOf = (id: string) => examples.filter((l) => l.startsWith(`${id},`));

/** 12 patients like NAT-004 (antibodies suspected: five warnings), 12 like NAT-005 without a weight (SC doses, no weight), long ids. */
function manyWarnings(): string {
  const out = [examples[0]];
  for (let i = 0; i < 12; i++) {
    const n = String(i).padStart(2, '0');
    out.push(...rowsOf('NAT-004').map((l) => l.replace(/^NAT-004,/, `ANTIBODY-SUSPECTED-${n},`)));
    const sc = i === 0 ? 'SUBCUTANEOUS-PSEUDONYM-WITHOUT-ANY-BREAK-0123456789ABCDEFGHIJ' : `SUBCUTANEOUS-NO-WEIGHT-${n}`;
    out.push(...rowsOf('NAT-005').filter((l) => !l.includes(',weight,')).map((l) => l.replace(/^NAT-005,/, `${sc},`)));
  }
  return recentCsv(out.join('\n') + '\n').csv;
}

interface Fit { width: number; cells: number; warnings: number; outside: string[]; overflowing: string[]; tableWide: boolean; pageWide: number }

/** Every cell of the printed table: inside the printable width, its text inside the cell. */
async function measure(page: Page): Promise<Fit> {
  return page.locator('.clinic-day__table').evaluate((t: HTMLTableElement) => {
    const width = document.documentElement.clientWidth;
    const outside: string[] = [];
    const overflowing: string[] = [];
    const cells = Array.from(t.querySelectorAll<HTMLElement>('th, td'));
    const name = (c: HTMLElement) => `${c.closest('tr')?.getAttribute('data-day-patient') ?? 'head'} column ${(c as HTMLTableCellElement).cellIndex + 1}`;
    for (const c of cells) {
      const r = c.getBoundingClientRect();
      if (r.left < -0.5 || r.right > width + 0.5) outside.push(`${name(c)}: ${Math.round(r.left)}–${Math.round(r.right)} px`);
      if (c.scrollWidth > c.clientWidth + 1) overflowing.push(`${name(c)}: text ${c.scrollWidth} px in ${c.clientWidth} px`);
      for (const li of Array.from(c.querySelectorAll('li'))) {
        const l = li.getBoundingClientRect();
        if (l.right > r.right + 0.5) overflowing.push(`${name(c)}: a warning ends at ${Math.round(l.right)} px, its cell at ${Math.round(r.right)} px`);
      }
    }
    return { width, cells: cells.length, warnings: t.querySelectorAll('tbody li').length, outside, overflowing, tableWide: t.scrollWidth > t.clientWidth + 1, pageWide: document.documentElement.scrollWidth };
  });
}

test('the clinic day of 24 patients with long warnings prints every column within A4 paper, English and Dutch', async ({ page }, info) => {
  test.setTimeout(180_000);
  const w = watch(page);
  await page.addInitScript(() => { window.print = () => undefined; });
  await page.goto('/');
  await importFile(page, { name: 'warnings.csv', mimeType: 'text/csv', buffer: Buffer.from(manyWarnings()) });
  await waitComputed(page);
  await page.locator('[data-testid="nav-clinic-day"]').click();
  await page.locator('.clinic-day input[name="from"]').fill('2000-01-01');
  await page.locator('.clinic-day input[name="to"]').fill('2100-01-01');
  await expect(page.locator('[data-day-patient]')).toHaveCount(24);

  for (const lang of ['en', 'nl'] as const) {
    if (lang === 'nl') await page.getByLabel('Language').selectOption('nl');
    await page.locator('[data-testid="print-day"]').click();
    await page.emulateMedia({ media: 'print' });
    for (const width of [A4_PRINTABLE_PX, 718]) {
      await page.setViewportSize({ width, height: 1000 });
      const fit = await measure(page);
      expect(fit.width).toBe(width);
      expect(fit.cells).toBeGreaterThan(24 * 7);
      expect(fit.warnings, 'several warnings per patient').toBeGreaterThanOrEqual(24 * 2);
      expect(fit.outside, `${lang} at ${width} px: cells beyond the paper`).toEqual([]);
      expect(fit.overflowing, `${lang} at ${width} px: text running out of its cell`).toEqual([]);
      expect(fit.tableWide, `${lang} at ${width} px: the table is wider than the paper`).toBe(false);
      // Nothing else on the page (hidden while printing, but laid out) makes it wider than the paper either.
      expect(fit.pageWide, `${lang} at ${width} px: the printed page is ${fit.pageWide} px wide`).toBeLessThanOrEqual(width);
    }
    await page.screenshot({ path: info.outputPath(`clinic-day-print-${lang}.png`), fullPage: true });
    // Printed to PDF as on paper (the page's own size, A4 portrait, and margins): every cell's border
    // line and every run of text between the side margins, on every page; the table spans the width.
    await page.setViewportSize({ width: 1366, height: 768 });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, path: info.outputPath(`clinic-day-${lang}.pdf`) });
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, p] of pages.entries()) {
      expect([Math.abs(p.width - A4_PT[0]), Math.abs(p.height - A4_PT[1])].every((d) => d < 1.5), `page ${i + 1} is ${p.width} × ${p.height} pt, not A4 portrait`).toBe(true);
      const left = SIDE_PT - 0.5, right = p.width - SIDE_PT + 0.5;
      expect(p.lines.filter((l) => l.x0 < left || l.x1 > right).map((l) => `${l.x0.toFixed(1)}–${l.x1.toFixed(1)} pt`), `${lang}, page ${i + 1}: cell lines beyond the margins (${left.toFixed(1)}–${right.toFixed(1)} pt)`).toEqual([]);
      expect(p.texts.filter((x) => x < left || x > right).map((x) => x.toFixed(1)), `${lang}, page ${i + 1}: text beyond the margins`).toEqual([]);
    }
    expect(Math.max(...pages[0].lines.map((l) => l.x1))).toBeGreaterThan(pages[0].width - SIDE_PT - 5);
    expect(pages[0].texts.length).toBeGreaterThan(50);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  }
  expect(w.errors).toEqual([]);
});
