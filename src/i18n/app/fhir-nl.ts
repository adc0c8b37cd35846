/** FHIR-uitwisseling (issue 16): Nederlands. */
import type fhirEn from './fhir-en';
import type { Dutch } from './dutch';

const fhirNl: Dutch<typeof fhirEn> = {
  export: {
    button: 'Exporteren als FHIR',
    title: 'De gegevens en actuele voorstellen als FHIR R4-Bundle (JSON), voor het ziekenhuisdossier',
    done_one: '{{count}} patiënt geëxporteerd als FHIR-Bundle.',
    done_other: '{{count}} patiënten geëxporteerd als FHIR-Bundle.',
    waiting_one: 'Het voorstel van {{count}} patiënt werd nog berekend: het staat niet in de Bundle (exporteer zo dadelijk opnieuw).',
    waiting_other: 'De voorstellen van {{count}} patiënten werden nog berekend: ze staan niet in de Bundle (exporteer zo dadelijk opnieuw).',
  },
  codes: {
    heading: 'Codes in het ziekenhuisdossier (FHIR)',
    intro: 'Uitslagen en infusies worden met deze codes uit het dossier gelezen en erin geschreven. Codes met [?] zijn de beste openbare keuze die gevonden is, nog te bevestigen met het lab en het codesysteem.',
    role: 'Betekenis',
    system: 'Codesysteem',
    code: 'Code',
    status: 'Status',
    confirmed: 'bevestigd',
    unconfirmed: '[?] te bevestigen',
    local: 'labcode van deze kliniek',
    roles: {
      natalizumab: 'natalizumab (geneesmiddel)',
      ocrelizumab: 'ocrelizumab (geneesmiddel)',
      level: 'natalizumabspiegel in serum',
      bcell: 'CD19+-B-celtelling',
      weight: 'lichaamsgewicht',
      wearing_off: 'melding van wearing-off (0-3)',
      'route-iv': 'intraveneus',
      'route-sc': 'subcutaan',
      'sample-capillary': 'capillair bloed (vingerprik)',
      'sample-venous': 'veneus bloed',
      'plan-note': 'behandelplannotitie (het voorstel als tekst)',
      'category-laboratory': 'laboratoriumuitslag',
      'category-vital-signs': 'vitale functie',
      'category-survey': 'melding van de patiënt',
    },
  },
  settings: {
    heading: 'Lokale labcodes (FHIR-import)',
    intro: 'Voor een natalizumabspiegel bestaat geen standaardcode, en labs gebruiken vaak een eigen code voor een CD19-telling. Vul de codes van uw lab in als systeem|code, één per regel; een Bundle uit het dossier en een start vanuit het dossier lezen uitslagen dan ook met deze codes. Infusies worden gelezen aan hun ATC-code; voeg de geneesmiddelcode van de apotheek toe als het dossier een andere gebruikt.',
    level: 'Natalizumabspiegel',
    bcell: 'CD19+-B-celtelling',
    natalizumab: 'Natalizumab (geneesmiddelcode, bijv. G-Standaard of SNOMED CT)',
    ocrelizumab: 'Ocrelizumab (geneesmiddelcode, bijv. G-Standaard of SNOMED CT)',
    example: 'bijv. urn:oid:2.16.840.1.113883.2.4.3.11.60.40.1|12345',
    save: 'Labcodes opslaan',
    saved: 'Labcodes opgeslagen.',
    invalid: '{{field}}, regel {{line}}: "{{value}}" is geen systeem|code: schrijf de URI van het codesysteem, een streep en de code, bijv. http://loinc.org|8116-6',
  },
};
export default fhirNl;
