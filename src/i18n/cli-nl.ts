/**
 * Dutch of the command line's messages (namespace `cli`; the English and the parameters in
 * cli-en.ts). The command line itself writes English (other tools read it); this is the same text
 * for a Dutch reader of the catalog. Commands, options and their placeholders (FILE, DATE, TIME)
 * stay as typed; dates are dd-mm-jjjj and numbers take a decimal comma.
 */
import type { CliStrings } from './cli-en';

const cliNl: CliStrings = {
  usage: {
    main: [
      'gebruik: npm run -s tdm -- propose FILE.csv [--as-of DATE] [--target N] [--threshold N] [--calibrate]',
      '         npm run -s tdm -- track-record FILE.csv [--target N]',
      '         npm run -s tdm -- predict FILE.csv --at TIME[,TIME...] [--as-of DATE]',
      '         npm run -s tdm -- outcomes FILE.csv --from DATE --to DATE [--target N] [--threshold N]',
      '{{fhir, raw}}',
      'FILE.csv is een TDM-CSV (- leest standaardinvoer); DATE is JJJJ-MM-DD; TIME is JJJJ-MM-DDTuu:mm,',
      'JJJJ-MM-DD, of een tijd na de laatste gift van elke patiënt, zoals +6w (weken) of +40d (dagen).',
      'Meer opties: --probability P (0,5-0,99, standaard 0,9), --max-interval W (4-12 weken, standaard 8),',
      '             --lab-limit N (ondergrens van het lab voor B-cellen in cellen/µL bij een telling van 0, standaard 1),',
      '             --max-weeks W (laatste hergift van ocrelizumab, weken na de laatste gift, standaard 52),',
      '             --redose-quantile Q (kwantiel van het bereiken van de drempel voor de hergiftdatum, standaard 0,5),',
      '             --count-quantile Q (kwantiel van het bereiken van de drempel voor de volgende telling, standaard 0,1)',
    ].join('\n'),
    fhir: [
      '         npm run -s tdm -- fhir FILE [--as-of DATE] [--target N] [--threshold N]  (de gegevens en voorstellen als FHIR R4-Bundle)',
      'FILE mag ook een FHIR R4-Bundle in JSON zijn (herkend aan de inhoud). FHIR-opties:',
      '             --level-code SYSTEEM|CODE, --bcell-code SYSTEEM|CODE (de eigen code van het lab voor een natalizumabspiegel of',
      '             CD19-telling; mag vaker), --natalizumab-code / --ocrelizumab-code SYSTEEM|CODE (een code van het middel),',
      '             --time-zone ZONE (IANA-tijdzone van de klok van de kliniek, standaard die van deze computer)',
    ].join('\n'),
    outcomes: 'gebruik: npm run -s tdm -- outcomes FILE.csv --from DATE --to DATE [--target N] [--threshold N]',
  },
  args: {
    'no-command': 'geen opdracht gegeven',
    'unknown-command': 'onbekende opdracht "{{command, raw}}": gebruik propose, predict, fhir, track-record of outcomes',
    'no-file': 'geen invoerbestand gegeven (gebruik - voor standaardinvoer)',
    unexpected: 'onverwacht argument "{{arg, raw}}"',
    'calibrate-propose': '--calibrate hoort bij propose',
    'at-predict': '--at hoort bij predict',
    'predict-needs-at': 'predict heeft --at TIME[,TIME...] nodig',
    'at-not-time': '--at "{{text, raw}}" is geen tijdstip: gebruik JJJJ-MM-DDTuu:mm, JJJJ-MM-DD, of een tijd na de laatste gift zoals +6w of +40d',
    'at-empty': '--at heeft ten minste één tijdstip nodig',
    range: '--{{name, raw}} "{{text, raw}}" moet een getal van {{lo}} tot {{hi}} zijn',
    'whole-weeks': '--{{name, raw}} "{{text, raw}}" moet een heel aantal weken van {{lo}} tot {{hi}} zijn',
    'not-date': '--{{name, raw}} "{{text, raw}}" is geen datum: gebruik JJJJ-MM-DD',
    'outcomes-period': 'outcomes heeft --from DATE en --to DATE nodig (JJJJ-MM-DD, beide inbegrepen)',
    'period-order': '--to {{to}} ligt vóór --from {{from}}: de periode moet op of na het begin eindigen',
    'time-zone': '--{{name, raw}} "{{zone, raw}}" is geen tijdzone: gebruik een IANA-naam zoals Europe/Amsterdam of UTC',
    'option-unknown': "onbekende optie '{{option, raw}}'; een argument dat met een '-' begint, zet u aan het eind van de opdracht na '--', zoals in '-- {{quoted, raw}}'",
    'option-value-missing': "optie '{{name, raw}} <value>': de waarde ontbreekt",
    'option-no-value': "optie '{{name, raw}}' neemt geen waarde",
    'option-ambiguous': "optie '{{option, raw}}': de waarde begint met een '-' en lijkt op een optie; schrijf {{option, raw}}=-WAARDE",
    code: '--{{name, raw}}: {{problem, raw}}',
  },
  file: {
    'cannot-read': 'kan {{file, raw}} niet lezen: {{why, raw}}',
    'no-such-file': 'bestand bestaat niet',
    folder: 'is een map, geen bestand',
    permission: 'geen toestemming',
    'not-text': '{{name, raw}}: geen tekstbestand (het bevat NUL-tekens): geef {{accepted, raw}}',
    accepted: {
      csv: 'een TDM-CSV',
      'csv-or-fhir': 'een TDM-CSV of een FHIR R4-Bundle in JSON',
    },
  },
  issue: {
    error: 'fout: {{message, raw}}',
    warning: 'waarschuwing: {{message, raw}}',
    info: 'info: {{message, raw}}',
  },
  patient: {
    error: 'fout: {{place, raw}}: patiënt "{{id, raw}}": {{message, raw}}',
    'not-scored': 'fout: {{place, raw}}: patiënt "{{id, raw}}": niet beoordeeld: {{message, raw}}',
    'no-row': 'geen enkele regel bruikbaar: {{errors, raw}}',
    'no-dose': 'geen gift van {{drug, raw}} op of vóór {{date}}: tijden na de laatste gift en voorspellingen hebben een gift nodig',
  },
  track: {
    'shift-low': 'waarschuwing: {{place, raw}}: de dalspiegels van {{quarter, raw}} liggen lager dan voorspeld: {{count}} van de {{total}} onder de mediaan van hun voorspelling, waar ongeveer de helft verwacht wordt (tekentoets p < {{p}}), hun mediaan {{percent}} % lager: ga na of het laboratorium of de bepaling veranderd is, of de dalspiegels op een ander moment zijn afgenomen, of er antistoffen zijn',
    'shift-high': 'waarschuwing: {{place, raw}}: de dalspiegels van {{quarter, raw}} liggen hoger dan voorspeld: {{count}} van de {{total}} boven de mediaan van hun voorspelling, waar ongeveer de helft verwacht wordt (tekentoets p < {{p}}), hun mediaan {{percent}} % hoger: ga na of het laboratorium of de bepaling veranderd is, of de spiegels na de start van het infuus zijn afgenomen',
  },
  outcomes: {
    'no-infusion': 'geen patiënt kreeg een infusie van {{from}} tot {{to}}',
    'rows-left-out': 'regels die niet gelezen konden worden, tellen niet mee in de uitkomsten',
  },
  'internal-error': 'interne fout: {{message, raw}}',
};

export default cliNl;
