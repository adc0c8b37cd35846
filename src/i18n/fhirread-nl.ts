/**
 * Dutch sentences of the FHIR reader (namespace `fhirread`; the English and the parameters in
 * fhirread-en.ts). FHIR's own names (Bundle, entry, resource types, element paths, statuses, codes)
 * stay as FHIR writes them: they say where to look in the file.
 */
import type { FhirReadStrings } from './fhirread-en';

const fhirreadNl: FhirReadStrings = {
  fhir_not_json: 'geen JSON ({{why, raw}}): geef een FHIR R4-Bundle in JSON of een TDM-CSV',
  fhir_not_fhir: 'JSON, maar geen FHIR: verwacht een Bundle (resourceType "Bundle") of een lijst resources, elk met een resourceType',
  fhir_bundle_type: {
    type: 'een Bundle van type "{{type, raw}}" wordt niet gelezen: geef een Bundle van type collection, transaction, batch of searchset, of een lijst resources',
    entry: 'Bundle.entry is geen lijst: geen FHIR R4-Bundle',
  },
  fhir_entry_empty: ': de entry heeft geen resource (geen resourceType): overgeslagen',
  fhir_patient_id: ': de Patient heeft geen identifier met systeem {{system, raw}} en geen id: zijn resources zijn niet te onderscheiden van die van een andere patiënt',
  fhir_subject_missing: 'ontbreekt: de {{type, raw}} moet zijn Patient noemen',
  fhir_reference: {
    'not-reference': 'is geen Reference',
    'no-reference': 'heeft geen reference',
    'no-contained': '"{{ref, raw}}" noemt geen contained resource',
    'wrong-type': '"{{ref, raw}}" is een {{type, raw}}, geen {{expected, raw}}',
    'empty-entry': '"{{ref, raw}}" is een entry zonder resource, geen {{expected, raw}}',
    'not-full-url': '"{{ref, raw}}" is niet de fullUrl van een entry van deze Bundle',
    'unknown-form': '"{{ref, raw}}" is geen verwijzing die FHIR kent: gebruik Type/id, een absolute URL of urn:uuid: van een entry',
    'specimen-missing': '"{{ref, raw}}" staat niet in deze Bundle: de Specimen zegt of het monster capillair was',
    'contained-patient': 'noemt een contained Patient: de Patient moet een entry zijn of op de server staan',
  },
  'fhir_reference-whose': ': van wie deze {{whose, raw}} is, is niet te weten; hij wordt niet gelezen',
  fhir_status: {
    'administration-missing': 'ontbreekt: een MedicationAdministration heeft een status nodig (completed wordt gelezen)',
    administration: '"{{status, raw}}" is geen status van een MedicationAdministration: completed wordt gelezen; in-progress, not-done, on-hold, stopped, entered-in-error en unknown worden overgeslagen',
    'observation-missing': 'ontbreekt: een Observation heeft een status nodig (final, amended of corrected wordt gelezen)',
    observation: '"{{status, raw}}" is geen status van een Observation: final, amended en corrected worden gelezen; registered, preliminary, cancelled, entered-in-error en unknown worden overgeslagen',
  },
  fhir_time_missing: 'ontbreekt: {{what, what}} heeft een datum en tijd nodig',
  fhir_time_invalid: {
    format: '"{{value, raw}}" is geen datum en tijd: schrijf JJJJ-MM-DDTuu:mm:ss met de tijdzoneverschuiving, bijv. 2024-03-05T09:30:00+01:00',
    partial: '"{{value, raw}}" is geen datum en tijd: schrijf JJJJ-MM-DDTuu:mm:ss met de tijdzoneverschuiving, bijv. 2024-03-05T09:30:00+01:00 (een jaar of maand alleen is niet genoeg)',
  },
  fhir_period: '"{{end, raw}}" ligt vóór effectivePeriod.start "{{start, raw}}": het einde van een infusie komt na het begin',
  fhir_value_missing: {
    quantity: 'ontbreekt: {{what, what}} heeft een waarde in {{units, list}} nodig',
    number: 'ontbreekt: {{what, what}} heeft een getal nodig',
    intensity: 'ontbreekt: {{what, what}} heeft de intensiteit 0, 1, 2 of 3 nodig',
  },
  fhir_value_not_number: {
    number: '"{{value, raw}}" voor {{what, what}} is geen getal: schrijf een JSON-getal zoals 24.1',
    intensity: '{{value, raw}} voor {{what, what}} is geen geheel getal: schrijf de intensiteit 0, 1, 2 of 3',
  },
  fhir_unit: '"{{unit, raw}}" voor {{what, what}}: gebruik {{units, list}}',
  fhir_unit_missing: 'ontbreekt: {{what, what}} heeft {{units, list}} nodig (UCUM)',
  fhir_comparator: {
    'only-less': '"{{comparator, raw}}" voor {{what, what}} wordt niet gelezen: alleen < (een uitslag onder de grens van het lab) wordt geaccepteerd',
    none: '"{{comparator, raw}}" voor {{what, what}} wordt niet gelezen: geen vergelijkingsteken wordt geaccepteerd',
  },
  fhir_route: '{{route, raw}} is geen toedieningsweg die deze app leest: gebruik SNOMED CT 47625008 (intraveneus) of 34206005 (subcutaan), of laat hem weg voor intraveneus',
  fhir_specimen_type: 'type {{type, raw}} kent deze app niet (SNOMED CT 122554006 capillair bloed, 122555007 veneus bloed): gelezen als veneus',
  fhir_no_drug: ': {{what, what}} van patiënt "{{patient, raw}}", die geen toediening, spiegel of CD19-telling van natalizumab of ocrelizumab heeft: niet gelezen',
  fhir_ignored: {
    'other-observations_one': '{{count}} andere observatie genegeerd (codes niet gekoppeld aan een natalizumabspiegel, een CD19-telling, een lichaamsgewicht of een melding van wearing-off)',
    'other-observations_other': '{{count}} andere observaties genegeerd (codes niet gekoppeld aan een natalizumabspiegel, een CD19-telling, een lichaamsgewicht of een melding van wearing-off)',
    'other-administrations_one': '{{count}} toediening van andere geneesmiddelen genegeerd',
    'other-administrations_other': '{{count}} toedieningen van andere geneesmiddelen genegeerd',
    status_one: '{{count}} {{type, raw}} overgeslagen vanwege de status ({{statuses, raw}})',
    status_other: '{{count}} {{type, raw}}-resources overgeslagen vanwege de status ({{statuses, raw}})',
    absent_one: '{{count}} uitslag zonder waarde (dataAbsentReason) overgeslagen',
    absent_other: '{{count}} uitslagen zonder waarde (dataAbsentReason) overgeslagen',
    type_one: '{{count}} {{type, raw}}-resource genegeerd',
    type_other: '{{count}} {{type, raw}}-resources genegeerd',
  },
  'code-token': {
    form: 'code "{{text, raw}}" is geen systeem|code: schrijf de URI van het codesysteem, een verticale streep en de code, bijv. http://loinc.org|8116-6 of urn:oid:2.16.840.1.113883.2.4.3.11.60.40.1|12345',
    parts: 'code "{{text, raw}}" is geen systeem|code: het systeem is een URI zonder spaties en de code is niet leeg',
  },
  what: {
    level: 'een natalizumabspiegel',
    bcell: 'een CD19-telling',
    weight: 'een lichaamsgewicht',
    wearing_off: 'een melding van wearing-off',
    natalizumab: 'een natalizumabgift',
    ocrelizumab: 'een ocrelizumabgift',
    'end-natalizumab': 'het einde van een natalizumabgift',
    'end-ocrelizumab': 'het einde van een ocrelizumabgift',
    dose: 'een gift',
    value: 'deze waarde',
  },
  'list-or': ' of ',
};

export default fhirreadNl;
