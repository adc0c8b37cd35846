/**
 * English sentences of what can be wrong with a session or backup file and the settings in it
 * (namespace `session` of the one catalog, src/i18n/catalog.ts), by the problem's code
 * (src/app/lib/session-problems.ts: `SessionProblem`, `SettingsProblem`). The JSON paths
 * (`patients[0]`, `settings.natalizumab.target`) and the file's own words are parameters shown as
 * written (`raw`): they say where to look in the file. `{{expected, expected}}` is a key of
 * `expected`; `{{kind, kind}}` the records' word for a record kind.
 */
const sessionEn = {
  settings: {
    'settings-not-object': 'settings must be an object',
    'settings-drug-not-object': 'settings.{{drug, raw}} must be an object',
    'settings-sample': 'settings.natalizumab.nextTroughSample must be venous or capillary',
    'settings-reason': 'settings.natalizumab.targetReason must be text of 1 to {{max}} characters',
    'settings-range': 'settings.{{drug, raw}}.{{field, raw}} must be a number from {{min}} to {{max}}',
  },
  'not-json': 'not a JSON file ({{detail, raw}})',
  'not-session': 'not an MS Interval session file (expected "format": "{{format, raw}}")',
  'newer-version': 'session format version {{version, raw}} is newer than this app understands ({{supported}})',
  'no-version': 'the file has no "formatVersion" (a number; this app reads version {{supported}})',
  'no-patient-list': 'the file has no patient list',
  /** A patient's own settings: `problem` is a sentence of `settings` above. */
  overrides: '{{where, raw}}: {{problem, raw}}',
  'not-object': '{{where, raw}} is not an object',
  'record-missing': '{{where, raw}}: record missing',
  'id-not-text': '{{where, raw}}: id must be text',
  drug: '{{where, raw}}: drug must be natalizumab or ocrelizumab',
  'not-list': '{{where, raw}}: {{list, raw}} must be a list',
  'no-time': '{{where, raw}}: {{list, raw}}[{{index, raw}}] has no valid time',
  'issues-not-list': '{{where, raw}}: issues must be a list',
  /** A record refused by the sense checks: `text` is the records module's sentence (src/i18n/records-*.ts); context `at` when the row's date is known. */
  refused: '{{where, raw}} (patient {{id, raw}}): {{text, raw}}',
  refused_at: '{{where, raw}} (patient {{id, raw}}), row of {{at, raw}}: {{text, raw}}',
  unreadable: '{{where, raw}} (patient {{id, raw}}): the record cannot be read back as written ({{rows}} rows, {{read}} read)',
  'stored-value': '{{where, raw}} (patient {{id, raw}}), {{kind, raw}} of {{at, raw}}: the stored value ({{stored, raw}}) is not what its written form says ({{written, raw}}); the file was changed by hand or damaged',
  'stored-time': '{{where, raw}} (patient {{id, raw}}), {{kind, raw}} of {{at, raw}}: the stored time is not that date and time; the file was changed by hand or damaged',
  twice: '{{where, raw}}: patient {{id, raw}} appears twice',
  choice: '{{where, raw}}: choice must have an option and a reason',
  field: '{{where, raw}}: {{path, raw}} must be {{expected, expected}}',
  'kind-in-list': '{{where, raw}}: {{path, raw}} is a {{kind, raw}}; {{list, raw}} holds only {{expected, raw}} rows',
  report: 'reports[{{index, raw}}] is not a report: an object with a patientId and a proposal or an error',
  'too-large': 'the file holds {{rows}} rows; at most {{max}} are read at once',
  /** What a field must be (`field`). */
  /** A stored row's values (`stored-value`). */
  meaning: {
    dose: '{{mg}} mg {{route, raw}} {{min}} min',
    weight: '{{kg}} kg',
    wearing_off: 'wearing-off {{score}}',
    measured: '{{lt, raw}}{{value}}',
    'measured-capillary': '{{lt, raw}}{{value}} capillary',
  },
  expected: {
    text: 'text',
    number: 'a number',
    boolean: 'true or false',
    object: 'an object',
    route: 'iv or sc',
    sample: 'venous or capillary',
    severity: 'error, warning or info',
    kind: 'dose, level, bcell, weight or wearing_off',
    score: '0, 1, 2 or 3',
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
/** The shape every language's session sentences must have (the compiler checks the Dutch has each). */
export type SessionStrings = Shape<typeof sessionEn>;

export default sessionEn;
