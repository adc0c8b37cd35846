import { test, expect } from './pinned';

test('print shows only the one-page report: the app chrome is hidden', async ({ page }) => {
  await page.addInitScript(() => { (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed++; }; });
  await page.goto('/');
  await page.getByRole('link', { name: 'NAT-001', exact: true }).or(page.getByRole('button', { name: 'NAT-001', exact: true })).first().click();
  await page.getByTestId('print-button').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  const report = page.getByTestId('print-report');
  await expect(report).toBeHidden(); // on screen the report stays out of the way
  await page.emulateMedia({ media: 'print' });
  await expect(report).toBeVisible();
  await expect(report.getByTestId('print-next-dose')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await expect(report).toContainText('NAT-001');
  await expect(report.getByTestId('print-data')).toBeVisible();
  await expect(report.locator('canvas')).toBeVisible();
  await expect(page.locator('#root')).toBeHidden();
  // One page: the report fits an A4 page's printable height (297 mm − 20 mm margins ≈ 1047 CSS px).
  const height = await report.evaluate((el) => el.getBoundingClientRect().height);
  expect(height).toBeLessThan(1400);
});

test('printing without the report (Ctrl+P) still prints the page as it is', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'NAT-001', exact: true }).or(page.getByRole('button', { name: 'NAT-001', exact: true })).first().click();
  await expect(page.getByTestId('proposal')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#root')).toBeVisible();
  await expect(page.getByTestId('proposal')).toBeVisible();
});

test('while printing and after, the page has exactly one next-dose and one proposal (strict locators)', async ({ page }) => {
  // A print dialog that stays open until the test closes it (afterprint).
  await page.addInitScript(() => { (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed++; }; });
  await page.goto('/');
  await page.locator('[data-patient-id="NAT-001"] a').click();
  const nextDose = page.locator('[data-testid="next-dose"]');
  await expect(nextDose).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  const shown = await nextDose.textContent();
  await page.getByTestId('print-button').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  // During the print: the report is mounted, with its own copy of the card under other ids.
  await expect(page.getByTestId('print-report')).toHaveCount(1);
  await expect(page.getByTestId('print-next-dose')).toHaveText(shown!);
  await expect(nextDose).toHaveCount(1);
  await expect(page.locator('[data-testid="proposal"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="forecast-chart"]')).toHaveCount(1);
  await expect(nextDose).toHaveText(shown!); // a strict locator resolves
  await page.emulateMedia({ media: 'print' });
  await expect(nextDose).toHaveCount(1);
  await expect(page.getByTestId('print-next-dose')).toBeVisible();
  // The print dialog closes.
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.getByTestId('print-report')).toHaveCount(0);
  await expect(nextDose).toHaveCount(1);
  await expect(page.locator('[data-testid="proposal"]')).toHaveCount(1);
  await expect(nextDose).toHaveText(shown!);
});
