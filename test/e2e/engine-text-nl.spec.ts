/** A Dutch browser reads the engines' own sentences (reason, protocol, warnings) in Dutch. */
import { test, expect, type Page } from './pinned';
import { watch } from './app-helpers';

test.use({ locale: 'nl-NL' });

async function open(page: Page, id: string) {
  await page.getByRole('link', { name: id, exact: true }).or(page.getByRole('button', { name: id, exact: true })).first().click();
  await expect(page.getByTestId('proposal')).toContainText(`Voorstel voor ${id}`, { timeout: 60_000 });
}

test('the card shows the Dutch reason, protocol and warnings for example patients', async ({ page }) => {
  const w = watch(page);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  await open(page, 'NAT-003');
  const warnings = page.getByTestId('warnings');
  await expect(warnings.locator('[data-code="no-weight"]')).toHaveText('Waarschuwing: geen gewicht opgegeven: 70 kg aangenomen');
  await expect(page.getByTestId('reason')).not.toContainText(/weeks|kept/);
  await expect(page.getByTestId('protocol').getByRole('heading')).toContainText('PDNMS (dalspiegel > 15 µg/mL: +1 week, max. 8)');

  await open(page, 'NAT-004');
  await expect(page.getByTestId('warnings').locator('[data-code="antibodies-suspected"]'))
    .toContainText(/dalspiegel van \d\d-\d\d-\d{4} is .* bij 4-wekelijkse giften: antistoffen tegen het middel of gemiste giften\? Houd 4-wekelijkse giften aan en test op antistoffen tegen natalizumab/);
  await expect(page.getByTestId('reason')).toHaveText('gehandhaafd op 4 weken: een zeer lage dalspiegel bij 4-wekelijkse giften wijst op antistoffen tegen het middel of gemiste giften; test op antistoffen voordat u verlengt');
  await expect(page.getByTestId('rationale')).toContainText(/^laatste dalspiegel .* µg\/mL is lager dan 10: /);

  await open(page, 'OCR-001');
  await expect(page.getByTestId('reason')).toContainText(/cellen\/µL/);
  await expect(page.getByTestId('reason')).not.toContainText(/\b20\d\d-\d\d-\d\d\b/);
  await expect(page.getByTestId('protocol').getByRole('heading')).toContainText('BLOOMS-achtig');

  // Back in English: the engine's own text.
  await page.getByLabel('Taal').selectOption('en');
  await expect(page.getByTestId('protocol').getByRole('heading')).toContainText('BLOOMS-style');
  expect(w.errors).toEqual([]);
});
