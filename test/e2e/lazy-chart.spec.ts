/**
 * The planning list computes each patient's decision only; the chart's curves (the history band
 * and the forecast bands, most of a proposal's work) are computed when a patient is opened (issue
 * 17, item 6). Checked on what the app keeps: every natalizumab report stored for the list has no
 * chart bands; the opened patient's chart is drawn with them, and its proposal is the list's.
 */
import { test, expect, type Page } from './pinned';
import { waitComputed, watch } from './app-helpers';

/** The natalizumab reports kept for the list (IndexedDB, storage/report-cache.ts): patient id → the chart's point counts. */
async function storedCurves(page: Page): Promise<Record<string, { history: number; forecasts: number; nextDose: string }>> {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('ms-interval-computed');
    open.onerror = () => reject(new Error('no cache'));
    open.onsuccess = () => {
      const req = open.result.transaction('reports').objectStore('reports').getAll();
      req.onsuccess = () => {
        const out: Record<string, { history: number; forecasts: number; nextDose: string }> = {};
        for (const e of req.result as { id: string; computed: { report: { drug: string; error?: string; curve: { history: unknown[]; forecasts: { points: unknown[] }[] }; proposal: { nextDose: string } } } }[]) {
          const r = e.computed.report;
          if (r.drug !== 'natalizumab' || r.error) continue;
          out[e.id] = { history: r.curve.history.length, forecasts: r.curve.forecasts.reduce((n, f) => n + f.points.length, 0), nextDose: r.proposal.nextDose };
        }
        resolve(out);
      };
      req.onerror = () => reject(new Error('not read'));
    };
  }));
}

/** Number of canvas pixels drawn on. */
async function drawnPixels(page: Page): Promise<number> {
  return page.locator('[data-testid=forecast-chart] canvas').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
}

test('the list keeps no chart bands; the opened patient\'s chart is computed and drawn, with the list\'s proposal', async ({ page }) => {
  test.setTimeout(120_000);
  const { errors } = watch(page);
  await page.goto('/');
  await waitComputed(page);
  // The list's reports are written to the cache shortly after they arrive.
  await expect.poll(async () => { const s = await storedCurves(page); return 'NAT-001' in s && Object.keys(s).length >= 3; }, { timeout: 30_000 }).toBe(true);
  const stored = await storedCurves(page);
  for (const [id, c] of Object.entries(stored)) expect({ id, history: c.history, forecasts: c.forecasts }).toEqual({ id, history: 0, forecasts: 0 });

  await page.getByRole('button', { name: 'NAT-001', exact: true }).or(page.getByRole('link', { name: 'NAT-001', exact: true })).first().click();
  await expect(page.getByTestId('proposal')).toBeVisible();
  // The chart arrives (drawn with its bands), and the print (which carries it) with it.
  const canvas = page.locator('[data-testid=forecast-chart] canvas');
  await expect(canvas).toBeVisible();
  await expect(page.getByTestId('chart-pending')).toHaveCount(0);
  await expect.poll(() => drawnPixels(page)).toBeGreaterThan(5000);
  await expect(page.locator('[data-testid=forecast-chart] figcaption')).toContainText('NAT-001');
  // The opened patient's proposal is the list's (the curves change no number).
  await expect(page.getByTestId('next-dose')).toBeVisible();
  const next = await page.getByTestId('next-dose').getAttribute('datetime');
  expect(next).toBe(stored['NAT-001'].nextDose);
  expect(errors).toEqual([]);
});
