/** A Bundle with one good patient and bad resources of others (test input for the messages). */
const subject = (id: string) => ({ reference: `Patient/${id}` });
const level = (id: string, patient: string, time: string, q: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Observation', id, status: 'final',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
  code: { coding: [{ system: 'urn:ms-interval:code', code: 'natalizumab-serum' }] },
  subject: subject(patient), effectiveDateTime: time, valueQuantity: q, ...extra,
});
const dose = (id: string, patient: string, start: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'MedicationAdministration', id, status: 'completed',
  medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'L04AG03' }] },
  subject: subject(patient), effectivePeriod: { start, end: start.replace('T09:00', 'T10:00') },
  dosage: { dose: { value: 300, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }, ...extra,
});
const ug = (value: unknown) => ({ value, unit: 'ug/mL', system: 'http://unitsofmeasure.org', code: 'ug/mL' });

export function badBundle(): Record<string, unknown> {
  const resources: Record<string, unknown>[] = [
    { resourceType: 'Patient', id: 'good', identifier: [{ system: 'urn:ms-interval:patient-id', value: 'GOOD-1' }] },
    dose('g1', 'good', '2024-01-08T09:00:00+01:00'),
    dose('g2', 'good', '2024-02-05T09:00:00+01:00'),
    level('g3', 'good', '2024-03-04T08:45:00+01:00', ug(24.1)),
    dose('g4', 'good', '2024-03-04T09:00:00+01:00'),
    { resourceType: 'Patient', id: 'bad' },
    dose('b1', 'bad', '2024-01-08T09:00:00+01:00'),
    dose('b2', 'bad', '2024-02-05T09:00:00+01:00'),
    level('obs-77', 'bad', '2024-03-04T08:45:00+01:00', { value: 12, unit: 'U/L', system: 'http://unitsofmeasure.org', code: 'U/L' }),
    level('obs-78', 'bad', '2024-03-04T08:50:00+01:00', ug(24100)),
    level('obs-79', 'bad', '2024-03-04T08:55:00+01:00', ug(20), { status: 'done' }),
    level('obs-80', 'bad', '2024-03-04T08:56:00+01:00', ug(20), { effectiveDateTime: undefined }),
    level('obs-81', 'bad', '2024-03-04T08:57:00+01:00', ug(20), { subject: { reference: 'urn:uuid:0b7c5d0e-3d55-4a8c-9d0f-3a6f7f2a1b99' } }),
    level('obs-82', 'bad', '2024-03-04T08:58:00+01:00', ug(-3)),
    level('obs-83', 'bad', '2024-03-04T08:59:00+01:00', ug(20), { status: 'preliminary' }),
    { resourceType: 'Observation', id: 'hb', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '718-7' }] }, subject: subject('bad'), effectiveDateTime: '2024-03-04T08:45:00+01:00', valueQuantity: { value: 8.1, unit: 'mmol/L' } },
    { resourceType: 'Condition', id: 'c1', subject: subject('bad') },
    dose('b3', 'bad', '2024-03-04T09:00:00+01:00', { dosage: { dose: { value: 300, unit: 'mg' }, route: { coding: [{ system: 'http://snomed.info/sct', code: '26643006' }] } } }),
  ];
  return { resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ fullUrl: `https://fhir.example/R4/${resource.resourceType}/${resource.id}`, resource })) };
}
