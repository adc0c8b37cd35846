/**
 * English of the command line's own messages (namespace `cli` of the one catalog,
 * src/i18n/catalog.ts): the usage text, option and argument errors, file errors and the lines that
 * place a patient's error in the file (shared/spec/cli.md). The command line writes the English
 * (other tools read it: keep it word for word); the Dutch is in cli-nl.ts. Option names, file
 * names, the user's own values and the core's messages are parameters shown as written (`raw`);
 * the program's name `tdm: ` is put before a message by the caller.
 */
const cliEn = {
  usage: {
    main: [
      'usage: npm run -s tdm -- propose FILE.csv [--as-of DATE] [--target N] [--threshold N] [--calibrate]',
      '       npm run -s tdm -- track-record FILE.csv [--target N]',
      '       npm run -s tdm -- predict FILE.csv --at TIME[,TIME...] [--as-of DATE]',
      '       npm run -s tdm -- outcomes FILE.csv --from DATE --to DATE [--target N] [--threshold N]',
      '{{fhir, raw}}',
      'FILE.csv is a TDM CSV (- reads standard input); DATE is YYYY-MM-DD; TIME is YYYY-MM-DDTHH:MM,',
      'YYYY-MM-DD, or an offset from each patient\'s last dose such as +6w or +40d.',
      'More options: --probability P (0.5-0.99, default 0.9), --max-interval W (4-12 weeks, default 8),',
      '              --lab-limit N (B-cell lab limit in cells/uL for counts reported as 0, default 1),',
      '              --max-weeks W (latest ocrelizumab re-dose, weeks after the last dose, default 52),',
      '              --redose-quantile Q (crossing quantile for the re-dose date, default 0.5),',
      '              --count-quantile Q (crossing quantile for the next count date, default 0.1)',
    ].join('\n'),
    fhir: [
      '       npm run -s tdm -- fhir FILE [--as-of DATE] [--target N] [--threshold N]  (the records and proposals as a FHIR R4 Bundle)',
      'FILE may also be a FHIR R4 Bundle in JSON (told apart by content). FHIR options:',
      '              --level-code SYSTEM|CODE, --bcell-code SYSTEM|CODE (the lab\'s local code of a natalizumab level or',
      '              CD19 count; repeatable), --natalizumab-code / --ocrelizumab-code SYSTEM|CODE (a medication code),',
      '              --time-zone ZONE (IANA zone of the clinic\'s clock, default this machine\'s)',
    ].join('\n'),
    outcomes: 'usage: npm run -s tdm -- outcomes FILE.csv --from DATE --to DATE [--target N] [--threshold N]',
  },
  args: {
    'no-command': 'no command given',
    'unknown-command': 'unknown command "{{command, raw}}": use propose, predict, fhir, track-record or outcomes',
    'no-file': 'no input file given (use - for standard input)',
    unexpected: 'unexpected argument "{{arg, raw}}"',
    'calibrate-propose': '--calibrate goes with propose',
    'at-predict': '--at goes with predict',
    'predict-needs-at': 'predict needs --at TIME[,TIME...]',
    'at-not-time': '--at "{{text, raw}}" is not a time: use YYYY-MM-DDTHH:MM, YYYY-MM-DD, or an offset such as +6w or +40d',
    'at-empty': '--at needs at least one time',
    range: '--{{name, raw}} "{{text, raw}}" must be a number from {{lo}} to {{hi}}',
    'whole-weeks': '--{{name, raw}} "{{text, raw}}" must be a whole number of weeks from {{lo}} to {{hi}}',
    'not-date': '--{{name, raw}} "{{text, raw}}" is not a date: use YYYY-MM-DD',
    'outcomes-period': 'outcomes needs --from DATE and --to DATE (YYYY-MM-DD, both included)',
    'period-order': '--to {{to}} is before --from {{from}}: the period must end on or after its start',
    'time-zone': '--{{name, raw}} "{{zone, raw}}" is not a time zone: use an IANA name such as Europe/Amsterdam or UTC',
    // Node's parseArgs checks, said as Node 20 says them (src/cli/args.ts); `quoted` is the option in JSON quotes.
    'option-unknown': "Unknown option '{{option, raw}}'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- {{quoted, raw}}",
    'option-value-missing': "Option '{{name, raw}} <value>' argument missing",
    'option-no-value': "Option '{{name, raw}}' does not take an argument",
    'option-ambiguous': "Option '{{option, raw}}' argument is ambiguous.",
    /** A local code option's problem: `problem` is the FHIR reader's sentence (fhirread `code-token`). */
    code: '--{{name, raw}}: {{problem, raw}}',
  },
  file: {
    'cannot-read': 'cannot read {{file, raw}}: {{why, raw}}',
    'no-such-file': 'no such file',
    folder: 'is a folder, not a file',
    permission: 'permission denied',
    'not-text': '{{name, raw}}: not a text file (it contains NUL bytes): give {{accepted, raw}}',
    accepted: {
      csv: 'a TDM CSV',
      'csv-or-fhir': 'a TDM CSV or a FHIR R4 Bundle in JSON',
    },
  },
  /** A line for people on standard error: a message of the file's reading (`message`: the core's). */
  issue: {
    error: 'error: {{message, raw}}',
    warning: 'warning: {{message, raw}}',
    info: 'info: {{message, raw}}',
  },
  patient: {
    /** `place` is `file:line` (a CSV) or the file's name (a FHIR Bundle). */
    error: 'error: {{place, raw}}: patient "{{id, raw}}": {{message, raw}}',
    'not-scored': 'error: {{place, raw}}: patient "{{id, raw}}": not scored: {{message, raw}}',
    /** The `error` of a patient's JSON line when every row of it was refused: `errors` the rows' messages, `; ` between. */
    'no-row': 'no row could be used: {{errors, raw}}',
    'no-dose': 'no {{drug, raw}} dose on or before {{date}}: offsets and predictions need a dose',
  },
  /** track-record: a quarter whose troughs read clearly off their forecasts (src/core/natalizumab/track-periods.ts). */
  track: {
    'shift-low': 'warning: {{place, raw}}: the troughs of {{quarter, raw}} read lower than their forecasts: {{count}} of {{total}} below the forecast\'s median where about half are expected (sign test p < {{p}}), their median {{percent}} % below: check for a change of laboratory or assay, troughs drawn at another time, or antibodies',
    'shift-high': 'warning: {{place, raw}}: the troughs of {{quarter, raw}} read higher than their forecasts: {{count}} of {{total}} above the forecast\'s median where about half are expected (sign test p < {{p}}), their median {{percent}} % above: check for a change of laboratory or assay, or levels drawn after the infusion started',
  },
  outcomes: {
    'no-infusion': 'no patient had an infusion from {{from}} to {{to}}',
    'rows-left-out': 'rows that could not be read are left out of the outcomes',
  },
  'internal-error': 'internal error: {{message, raw}}',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
/** The shape every language's command-line messages must have (the compiler checks the Dutch has each). */
export type CliStrings = Shape<typeof cliEn>;

export default cliEn;
