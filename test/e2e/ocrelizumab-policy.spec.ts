/** The ocrelizumab policy (re-dose percentile of the crossing) is a clinic setting the card follows, like the CLI's --redose-quantile. */
import { test, expect } from './pinned';
import { execFileSync } from 'node:child_process';
import { watch } from './app-helpers';

function cliNextDose(id: string, args: string[]): string {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'propose', 'fixtures/examples/example-patients.csv', ...args], { encoding: 'utf8' });
  const line = out.trim().split('\n').map((l) => JSON.parse(l)).find((o) => o.patient_id === id);
  return line.proposal.next_dose as string;
}

test('a later re-dose percentile moves the ocrelizumab re-dose date as the CLI does', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  await page.goto('/');
  await page.locator('[data-patient-id="OCR-001"]').click();
  await expect(page.locator('[data-testid="next-dose"]')).toHaveText(cliNextDose('OCR-001', []));
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Re-dose at this percentile of the predicted crossing').fill('80');
  await page.getByRole('button', { name: 'Save clinic settings' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Planning' }).click();
  await page.locator('[data-patient-id="OCR-001"]').click();
  const later = cliNextDose('OCR-001', ['--redose-quantile', '0.8']);
  expect(later > cliNextDose('OCR-001', [])).toBe(true);
  await expect(page.locator('[data-testid="next-dose"]')).toHaveText(later);
  expect(w.errors).toEqual([]);
});
