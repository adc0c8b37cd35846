/**
 * A sense check on a FHIR resource keeps its place (entry, resource, element path) in the Dutch
 * text too: the records module's Dutch sentences name a CSV line, a Bundle has entries instead.
 */
import { describe, expect, it } from 'vitest';
import { readFhirText } from '../../../../src/core/fhir/index';
import { issueText } from '../../../../src/app/features/proposal/engine-text';
import { badBundle } from '../../../core/fhir/bad-bundle';

describe('FHIR issues in the app', () => {
  const r = readFhirText(JSON.stringify(badBundle()), { fileName: 'b.json', timeZone: 'Europe/Amsterdam' });
  const issue = r.patients.find((p) => p.id === 'bad')!.issues.find((i) => i.code === 'level_implausible')!;
  it('name entry, path and value in English (the core\'s message)', () => {
    expect(issueText(issue, 'en')).toBe('b.json: entry 9 Observation/obs-78 valueQuantity.value "24100" ug/mL for a level is higher than any natalizumab dose can give (at most 500 µg/mL): the value may be in ng/mL; if so, choose the unit ng/mL (24100 ng/mL = 24.1 µg/mL)');
  });
  it('and in Dutch', () => {
    expect(issueText(issue, 'nl')).toBe('b.json: entry 9 Observation/obs-78 valueQuantity.value: waarde "24100" ug/mL van een spiegel is hoger dan een natalizumabgift kan geven (hoogstens 500 µg/mL): misschien is de waarde in ng/mL; kies dan de eenheid ng/mL (24100 ng/mL = 24,1 µg/mL)');
  });
});
