/**
 * Issue 18, item 1 (the FHIR reader's messages from the one catalog): a Dutch user imports a
 * Bundle with bad resources, a patient without a drug and resources that are skipped or ignored.
 * The preview says each problem in Dutch, word for word from the catalog (the place, entry,
 * resource and element path, as FHIR writes it), and no word of the FHIR reader's English side
 * that is not also Dutch; a records check names the other resource as an entry, not a "regel".
 */
import { test, expect } from './pinned';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOG } from '../../src/i18n/catalog';
import { badBundle } from '../core/fhir/bad-bundle';
import { watch } from './app-helpers';

type Tree = { [k: string]: string | Tree };
const leaves = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));
const words = (text: string) => text.replace(/\{\{[^}]*\}\}/g, ' ').toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 3);
const dutch = new Set(Object.values(CATALOG.nl).flatMap((ns) => leaves(ns as Tree)).flatMap(words));
/** The FHIR reader's English words that Dutch does not use. */
const ENGLISH = new Set(leaves(CATALOG.en.fhirread as unknown as Tree).flatMap(words).filter((w) => !dutch.has(w)));

const U = 'http://unitsofmeasure.org';
const T = '2024-03-04T08:45:00+01:00';
const NAT = { coding: [{ system: 'http://www.whocc.no/atc', code: 'L04AG03' }] };
const LEVEL = { coding: [{ system: 'urn:ms-interval:code', code: 'natalizumab-serum' }] };
const dose = (id: string, patient: string, t: string) => ({ resourceType: 'MedicationAdministration', id, status: 'completed', subject: { reference: `Patient/${patient}` }, medicationCodeableConcept: NAT, effectiveDateTime: t, dosage: { dose: { value: 300, unit: 'mg', system: U, code: 'mg' } } });
const more = [
  { resourceType: 'Patient', id: 'w', identifier: [{ system: 'urn:ms-interval:patient-id', value: 'W-1' }] },
  { resourceType: 'Observation', id: 'w1', status: 'final', subject: { reference: 'Patient/w' }, code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] }, effectiveDateTime: T, valueQuantity: { value: 70, unit: 'kg', system: U, code: 'kg' } },
  { resourceType: 'Patient', id: 'd', identifier: [{ system: 'urn:ms-interval:patient-id', value: 'DUP-1' }] },
  dose('d1', 'd', '2024-01-08T09:00:00+01:00'), dose('d2', 'd', '2024-01-08T09:00:00+01:00'), dose('d3', 'd', '2024-02-05T09:00:00+01:00'),
  { resourceType: 'Observation', id: 'x1', status: 'cancelled', subject: { reference: 'Patient/d' }, code: LEVEL, effectiveDateTime: T },
  { resourceType: 'Observation', id: 'x2', status: 'preliminary', subject: { reference: 'Patient/d' }, code: LEVEL, effectiveDateTime: T },
  { resourceType: 'Encounter', id: 'e1' }, { resourceType: 'Encounter', id: 'e2' },
];

test('a Bundle with bad resources is previewed in Dutch, every message from the catalog', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  const dir = mkdtempSync(join(tmpdir(), 'fhir-nl-'));
  try {
    const b = badBundle() as { entry: object[] };
    b.entry.push(...more.map((resource, i) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, resource })));
    const file = join(dir, 'b.json');
    writeFileSync(file, JSON.stringify(b));
    await page.addInitScript(() => localStorage.setItem('ms-interval-lang', 'nl'));
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await page.locator('input[type=file]').setInputFiles(file);
    const preview = page.locator('[data-testid="import-preview"]');
    await expect(preview).toBeVisible();
    await page.evaluate(() => document.querySelectorAll('[data-testid="import-preview"] details').forEach((d) => { (d as HTMLDetailsElement).open = true; }));
    for (const said of [
      'b.json: entry 8 Observation/obs-77 valueQuantity.unit "U/L" voor een natalizumabspiegel: gebruik ug/mL, mg/L of ng/mL',
      'b.json: entry 19 Observation/w1: een lichaamsgewicht van patiënt "W-1", die geen toediening, spiegel of CD19-telling van natalizumab of ocrelizumab heeft: niet gelezen',
      '(de eerste staat op entry 21)',
    ]) await expect(preview).toContainText(said);
    const text = await preview.innerText();
    expect(text).not.toContain('regel 21');
    // FHIR's element paths (`dosage.route`, `valueQuantity.unit`) are the place, written as FHIR names it.
    const words = text.replace(/\b[A-Za-z]+(?:\.[A-Za-z]+)+\b/g, ' ').toLowerCase().split(/[^\p{L}]+/u);
    const english = [...new Set(words.filter((x) => ENGLISH.has(x)))];
    expect(ENGLISH.size).toBeGreaterThan(20);
    expect(english, text).toEqual([]);
    expect(w.errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
