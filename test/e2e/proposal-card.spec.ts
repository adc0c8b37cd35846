import { test, expect } from './pinned';

test('the proposal card shows the ISO next dose, the alternatives and records a choice with a reason', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'NAT-001', exact: true }).or(page.getByRole('button', { name: 'NAT-001', exact: true })).first().click();
  const card = page.getByTestId('proposal');
  await expect(card).toBeVisible();
  await expect(page.getByTestId('next-dose')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await expect(card).toContainText('not a certified medical device');
  await expect(page.getByTestId('alternatives').locator('tbody tr')).toHaveCount(5);
  await expect(page.getByTestId('protocol')).toContainText('PDNMS');
  const four = await page.getByTestId('choose-option').locator('option[value$="/interval:4"]').getAttribute('value');
  await page.getByTestId('choose-option').selectOption(four!);
  await page.locator('textarea[name="reason"]').fill('patient prefers the usual schedule');
  await page.getByTestId('save-choice').click();
  await expect(page.getByTestId('stored-choice')).toContainText('patient prefers the usual schedule');
});

test('the card follows the language: Dutch dates and decimal commas', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: /language|taal/i }).or(page.locator('select').filter({ hasText: 'Nederlands' })).first().selectOption('nl');
  await page.getByRole('link', { name: 'NAT-001', exact: true }).or(page.getByRole('button', { name: 'NAT-001', exact: true })).first().click();
  await expect(page.getByTestId('proposal')).toContainText('Voorstel voor NAT-001');
  // One date form per place: the Dutch one, once (the ISO date is the element's datetime).
  await expect(page.getByTestId('next-dose')).toHaveText(/^\d{2}-\d{2}-\d{4}$/);
  await expect(page.getByTestId('next-dose')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId('predicted-trough')).toContainText(/\d+,\d µg\/mL/);
});
