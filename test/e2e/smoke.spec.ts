import { test, expect } from './pinned';

test('the app loads without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('/');
  await expect(page.locator('h1')).toContainText('MS Interval');
  expect(errors).toEqual([]);
});
