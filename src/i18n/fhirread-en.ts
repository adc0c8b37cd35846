/**
 * English sentences of the FHIR reader (src/core/fhir/read.ts, issue codes `fhir_*`; namespace
 * `fhirread` of the one catalog, src/i18n/catalog.ts). The reader gives each problem a code, a
 * variant and params; the place (`entry 8 Observation/obs-77 valueQuantity.unit`) is put before
 * the sentence by src/i18n/fhir-text.ts, and a sentence that starts with `:` follows the place
 * directly. Parameters: `{{what, what}}` is a key of `what` (what the resource was read as),
 * `{{units, list}}` units joined by `|`, given as a list; values the file wrote are `raw`.
 * Rendered with the reader's params these give the reader's English exactly (the command line's
 * text; test/i18n/fhir-text.test.ts).
 */
const fhirreadEn = {
  // ------------------------------------------------------------------ the file as a whole
  fhir_not_json: 'not JSON ({{why, raw}}): give a FHIR R4 Bundle in JSON or a TDM CSV',
  fhir_not_fhir: 'JSON but not FHIR: expected a Bundle (resourceType "Bundle") or a list of resources, each with a resourceType',
  fhir_bundle_type: {
    type: 'Bundle of type "{{type, raw}}" is not read: give a Bundle of type collection, transaction, batch or searchset, or a list of resources',
    entry: 'Bundle.entry is not a list: not a FHIR R4 Bundle',
  },
  // ------------------------------------------------------------------ one resource (after its place)
  fhir_entry_empty: ': the entry has no resource (no resourceType): skipped',
  fhir_patient_id: ": the Patient has neither an identifier with system {{system, raw}} nor an id: its resources cannot be told apart from another patient's",
  fhir_subject_missing: 'is missing: the {{type, raw}} must name its Patient',
  fhir_reference: {
    'not-reference': 'is not a Reference',
    'no-reference': 'has no reference',
    'no-contained': '"{{ref, raw}}" names no contained resource',
    'wrong-type': '"{{ref, raw}}" is a {{type, raw}}, not a {{expected, raw}}',
    'empty-entry': '"{{ref, raw}}" is a entry without a resource, not a {{expected, raw}}',
    'not-full-url': '"{{ref, raw}}" is not the fullUrl of an entry of this Bundle',
    'unknown-form': '"{{ref, raw}}" is not a reference FHIR knows: use Type/id, an absolute URL or urn:uuid: of an entry',
    'specimen-missing': '"{{ref, raw}}" is not in this Bundle: the Specimen says whether the sample was capillary',
    'contained-patient': 'names a contained Patient: the Patient must be an entry or on the server',
  },
  /** After a reference of a subject that cannot be followed. */
  'fhir_reference-whose': ': whose {{whose, raw}} it is cannot be known; it is not read',
  fhir_status: {
    'administration-missing': 'is missing: a MedicationAdministration needs a status (completed is read)',
    administration: '"{{status, raw}}" is not a MedicationAdministration status: completed is read; in-progress, not-done, on-hold, stopped, entered-in-error and unknown are skipped',
    'observation-missing': 'is missing: an Observation needs a status (final, amended or corrected are read)',
    observation: '"{{status, raw}}" is not an Observation status: final, amended and corrected are read; registered, preliminary, cancelled, entered-in-error and unknown are skipped',
  },
  fhir_time_missing: 'is missing: {{what, what}} needs its date and time',
  fhir_time_invalid: {
    format: '"{{value, raw}}" is not a date and time: write YYYY-MM-DDThh:mm:ss with the zone offset, e.g. 2024-03-05T09:30:00+01:00',
    partial: '"{{value, raw}}" is not a date and time: write YYYY-MM-DDThh:mm:ss with the zone offset, e.g. 2024-03-05T09:30:00+01:00 (a year or month alone is not enough)',
  },
  fhir_period: '"{{end, raw}}" is before effectivePeriod.start "{{start, raw}}": the end of an infusion comes after its start',
  fhir_value_missing: {
    quantity: 'is missing: {{what, what}} needs a value in {{units, list}}',
    number: 'is missing: {{what, what}} needs a number',
    intensity: 'is missing: {{what, what}} needs its intensity 0, 1, 2 or 3',
  },
  fhir_value_not_number: {
    number: '"{{value, raw}}" for {{what, what}} is not a number: write a JSON number such as 24.1',
    intensity: '{{value, raw}} for {{what, what}} is not a whole number: write the intensity 0, 1, 2 or 3',
  },
  fhir_unit: '"{{unit, raw}}" for {{what, what}}: use {{units, list}}',
  fhir_unit_missing: 'is missing: {{what, what}} needs {{units, list}} (UCUM)',
  fhir_comparator: {
    'only-less': '"{{comparator, raw}}" for {{what, what}} is not read: only < (a result below the lab\'s limit) is accepted',
    none: '"{{comparator, raw}}" for {{what, what}} is not read: no comparator is accepted',
  },
  fhir_route: '{{route, raw}} is not a route this app reads: use SNOMED CT 47625008 (intravenous) or 34206005 (subcutaneous), or leave it out for intravenous',
  fhir_specimen_type: 'type {{type, raw}} is not one this app knows (SNOMED CT 122554006 capillary blood, 122555007 venous blood): read as venous',
  fhir_no_drug: ': {{what, what}} of patient "{{patient, raw}}", who has no natalizumab or ocrelizumab administration, level or CD19 count: not read',
  // ------------------------------------------------------------------ what was not read (counted; i18next plurals by `count`)
  fhir_ignored: {
    'other-observations_one': '{{count}} other observation ignored (codes not mapped to a natalizumab level, a CD19 count, a body weight or a wearing-off report)',
    'other-observations_other': '{{count}} other observations ignored (codes not mapped to a natalizumab level, a CD19 count, a body weight or a wearing-off report)',
    'other-administrations_one': '{{count}} administration of other medications ignored',
    'other-administrations_other': '{{count}} administrations of other medications ignored',
    status_one: '{{count}} {{type, raw}} skipped for its status ({{statuses, raw}})',
    status_other: '{{count}} {{type, raw}} resources skipped for their status ({{statuses, raw}})',
    absent_one: '{{count}} result without a value (dataAbsentReason) skipped',
    absent_other: '{{count}} results without a value (dataAbsentReason) skipped',
    type_one: '{{count}} {{type, raw}} resource ignored',
    type_other: '{{count}} {{type, raw}} resources ignored',
  },
  // ------------------------------------------------------------------ a local code typed as `system|code` (settings, --code options)
  'code-token': {
    form: 'code "{{text, raw}}" is not system|code: write the code system\'s URI, a bar and the code, e.g. http://loinc.org|8116-6 or urn:oid:2.16.840.1.113883.2.4.3.11.60.40.1|12345',
    parts: 'code "{{text, raw}}" is not system|code: the system is a URI without spaces and the code is not empty',
  },
  // ------------------------------------------------------------------ words used as parameters
  what: {
    level: 'a natalizumab level',
    bcell: 'a CD19 count',
    weight: 'a body weight',
    wearing_off: 'a wearing-off report',
    natalizumab: 'a natalizumab dose',
    ocrelizumab: 'an ocrelizumab dose',
    'end-natalizumab': 'the end of a natalizumab dose',
    'end-ocrelizumab': 'the end of an ocrelizumab dose',
    dose: 'a dose',
    value: 'this value',
  },
  /** The last separator of a list of units. */
  'list-or': ' or ',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
/** The shape every language's FHIR reader sentences must have (the compiler checks the Dutch has each). */
export type FhirReadStrings = Shape<typeof fhirreadEn>;

export default fhirreadEn;
