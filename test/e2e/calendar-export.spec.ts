import { test, expect } from './pinned';
import { readFileSync } from 'node:fs';

test('the calendar button downloads an .ics with the next infusion and trough draw', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'NAT-001', exact: true }).or(page.getByRole('button', { name: 'NAT-001', exact: true })).first().click();
  const nextDose = (await page.getByTestId('next-dose').textContent())!;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-ics').click()]);
  expect(download.suggestedFilename()).toBe('NAT-001-ms-interval.ics');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(text).toContain(`DTSTART:${nextDose.replace(/-/g, '')}T`);
  expect(text).toContain('SUMMARY:Natalizumab infusion: NAT-001');
  expect(text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
});
