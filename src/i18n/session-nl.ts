/**
 * Dutch sentences of what can be wrong with a session or backup file (namespace `session`; the
 * English and the parameters in session-en.ts). The JSON paths and the file's own words stay as
 * written; dates are dd-mm-jjjj and numbers take a decimal comma. Words as in the glossary
 * (docs/glossary.md).
 */
import type { SessionStrings } from './session-en';

const sessionNl: SessionStrings = {
  settings: {
    'settings-not-object': 'settings moet een object zijn',
    'settings-drug-not-object': 'settings.{{drug, raw}} moet een object zijn',
    'settings-sample': 'settings.natalizumab.nextTroughSample moet venous (veneus) of capillary (vingerprik) zijn',
    'settings-reason': 'settings.natalizumab.targetReason moet tekst van 1 tot {{max}} tekens zijn',
    'settings-range': 'settings.{{drug, raw}}.{{field, raw}} moet een getal van {{min}} tot {{max}} zijn',
  },
  'not-json': 'geen JSON-bestand ({{detail, raw}})',
  'not-session': 'geen sessiebestand van MS Interval (verwacht: "format": "{{format, raw}}")',
  'newer-version': 'sessieformaat versie {{version, raw}} is nieuwer dan deze app begrijpt ({{supported}})',
  'no-version': 'het bestand heeft geen "formatVersion" (een getal; deze app leest versie {{supported}})',
  'no-patient-list': 'het bestand heeft geen patiëntenlijst',
  overrides: '{{where, raw}}: {{problem, raw}}',
  'not-object': '{{where, raw}} is geen object',
  'record-missing': '{{where, raw}}: het dossier ontbreekt',
  'id-not-text': '{{where, raw}}: id moet tekst zijn',
  drug: '{{where, raw}}: drug moet natalizumab of ocrelizumab zijn',
  'not-list': '{{where, raw}}: {{list, raw}} moet een lijst zijn',
  'no-time': '{{where, raw}}: {{list, raw}}[{{index, raw}}] heeft geen geldig tijdstip',
  'issues-not-list': '{{where, raw}}: issues moet een lijst zijn',
  refused: '{{where, raw}} (patiënt {{id, raw}}): {{text, raw}}',
  refused_at: '{{where, raw}} (patiënt {{id, raw}}), rij van {{at}}: {{text, raw}}',
  unreadable: '{{where, raw}} (patiënt {{id, raw}}): het dossier kan niet worden teruggelezen zoals het geschreven is ({{rows}} rijen, {{read}} gelezen)',
  'stored-value': '{{where, raw}} (patiënt {{id, raw}}), {{kind, kind}} van {{at}}: de opgeslagen waarde ({{stored, raw}}) is niet wat de geschreven vorm zegt ({{written, raw}}); het bestand is met de hand veranderd of beschadigd',
  'stored-time': '{{where, raw}} (patiënt {{id, raw}}), {{kind, kind}} van {{at}}: het opgeslagen tijdstip is niet die datum en tijd; het bestand is met de hand veranderd of beschadigd',
  twice: '{{where, raw}}: patiënt {{id, raw}} staat er twee keer in',
  choice: '{{where, raw}}: een keuze moet een optie en een reden hebben',
  field: '{{where, raw}}: {{path, raw}} moet {{expected, expected}} zijn',
  'kind-in-list': '{{where, raw}}: {{path, raw}} is een {{kind, kind}}; {{list, raw}} bevat alleen rijen van soort {{expected, kind}}',
  report: 'reports[{{index, raw}}] is geen rapport: een object met een patientId en een voorstel of een fout',
  'too-large': 'het bestand bevat {{rows}} rijen; er worden er hoogstens {{max}} tegelijk gelezen',
  meaning: {
    dose: '{{mg}} mg {{route, raw}} {{min}} min',
    weight: '{{kg}} kg',
    wearing_off: 'wearing-off {{score}}',
    measured: '{{lt, raw}}{{value}}',
    'measured-capillary': '{{lt, raw}}{{value}} capillair',
  },
  expected: {
    text: 'tekst',
    number: 'een getal',
    boolean: 'true of false',
    object: 'een object',
    route: 'iv of sc',
    sample: 'venous (veneus) of capillary (vingerprik)',
    severity: 'error, warning of info',
    kind: 'dose, level, bcell, weight of wearing_off',
    score: '0, 1, 2 of 3',
  },
};

export default sessionNl;
