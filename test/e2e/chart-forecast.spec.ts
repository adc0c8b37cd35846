import { test, expect, type Page } from './pinned';

async function openPatient(page: Page, id: string) {
  await page.goto('/');
  await page.getByRole('link', { name: id, exact: true }).or(page.getByRole('button', { name: id, exact: true })).first().click();
  await expect(page.getByTestId('proposal')).toBeVisible();
}

/** Number of canvas pixels that are not blank (drawn on). */
async function drawnPixels(page: Page): Promise<number> {
  return page.locator('[data-testid=forecast-chart] canvas').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
}

for (const id of ['NAT-001', 'OCR-001']) {
  test(`the forecast chart of ${id} is drawn, labelled and summarised`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await openPatient(page, id);
    const canvas = page.locator('[data-testid=forecast-chart] canvas');
    await expect(canvas).toBeVisible();
    await expect(canvas).toHaveAttribute('aria-label', new RegExp(id));
    await expect(page.locator('[data-testid=forecast-chart] figcaption')).toContainText(id);
    await expect.poll(() => drawnPixels(page)).toBeGreaterThan(5000);
    // The log-scale toggle redraws without errors.
    await page.getByTestId('log-scale').check();
    await expect.poll(() => drawnPixels(page)).toBeGreaterThan(5000);
    expect(errors).toEqual([]);
  });
}
