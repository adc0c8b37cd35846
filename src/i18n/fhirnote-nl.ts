/**
 * Dutch of the FHIR writer's texts (namespace `fhirnote`; the English and the parameters in
 * fhirnote-en.ts).
 */
import type { FhirNoteStrings } from './fhirnote-en';

const fhirnoteNl: FhirNoteStrings = {
  head: 'Voorstel van MS Interval voor patiënt {{patient, raw}} ({{drug, raw}}), gepland op {{asOf}}{{last, raw}}.',
  'head-last': '; laatste gift {{lastDose, spaced}}',
  'chosen-label': ': {{label, raw}}',
  'choice-reason': 'Reden voor de keuze: {{reason, raw}}',
  why: 'Waarom: {{reason, raw}}',
  'warnings-head': 'Waarschuwingen:',
  'warnings-none': 'Waarschuwingen: geen.',
  'notes-head': 'Opmerkingen:',
  item: '- {{text, raw}}',
  model: 'Model: {{name, raw}} ({{id, raw}}), versie {{version, raw}}; MS Interval {{app, raw}}.',
  disclaimer: 'Hulpmiddel bij een beslissing, geen gecertificeerd medisch hulpmiddel: de arts beslist.',
  nat: {
    chosen: 'Volgende gift (gekozen door de arts): {{nextDose}}{{interval, raw}}{{label, raw}}.',
    'chosen-interval': ' (interval {{weeks}} weken)',
    'model-proposed': 'Het model stelde voor: volgende gift {{nextDose}} (interval {{weeks}} weken).',
    'next-dose': 'Volgende gift: {{nextDose}} (interval {{weeks}} weken, voorgesteld door het model).',
    chosenInterval: 'Gekozen interval ({{weeks}} weken herhaald): voorspelde dalspiegel op den duur {{value}} µg/mL (80 %-interval {{low}} tot {{high}} µg/mL); kans op of boven het streefniveau: {{probability, raw}}.',
    proposedInterval: 'Voorgesteld interval ({{weeks}} weken herhaald): voorspelde dalspiegel op den duur {{value}} µg/mL (80 %-interval {{low}} tot {{high}} µg/mL); kans op of boven het streefniveau: {{probability, raw}}.',
    'next-trough': 'Volgende dalspiegel (vlak voor de volgende gift): {{value}} µg/mL (80 %-interval {{low}} tot {{high}} µg/mL); kans op of boven het streefniveau: {{probability, raw}}.',
    protocol: 'Protocol met vaste regels ernaast ({{name, raw}}): interval {{weeks}} weken, volgende gift {{nextDose}}. {{rationale, raw}}',
    target: 'Streefniveau: dalspiegel op of boven {{target}} µg/mL, met een kans van ten minste {{probability, raw}} op den duur.',
    'spread-calibrated': 'Spreiding van de voorspelling uit {{troughs}} dalspiegels van deze kliniek: inter-occasiespreiding log-SD {{iov}} (gepubliceerd {{published}}){{wider, raw}}, de breedte van de hele voorspelling × {{scale}} van de gepubliceerde{{held, raw}}.',
    'spread-wider': ', verbreed van {{clinic}} van de kliniek omdat de eigen dalspiegels van deze patiënt meer afwijken',
    'spread-held': '; 80 %-intervallen hielden {{held}} van de beoordeelde dalspiegels',
    'spread-published': 'Spreiding van de voorspelling: de marges van het gepubliceerde model (niet gekalibreerd op de dalspiegels van deze kliniek).',
  },
  ocr: {
    chosen: 'Volgende gift (gekozen door de arts): {{nextDose}}{{label, raw}}.',
    'model-proposed': 'Het model stelde voor: volgende gift {{nextDose}} ({{weeks}} weken na de laatste gift).',
    'next-dose': 'Volgende gift: {{nextDose}} ({{weeks}} weken na de laatste gift, voorgesteld door het model).',
    crossing: 'Voorspeld bereiken van {{threshold}} cellen/µL: {{date}} (80 %-interval {{low}} tot {{high}}).',
    'next-count': 'Volgende CD19-telling: {{date}}.',
    protocol: 'Protocol met vaste regels ernaast ({{name, raw}}): volgende telling {{nextCount}}. {{rationale, raw}}',
    threshold: 'Drempel: hergift wanneer de CD19+-B-celtelling {{threshold}} cellen/µL bereikt.',
  },
  'model-line': '{{name, raw}} ({{id, raw}}) versie {{version, raw}}',
  'provenance-model': 'model {{model, raw}}',
  'request-note': {
    proposed: 'Voorgesteld door MS Interval {{app, raw}}, model {{model, raw}}, gepland op {{asOf}}. Hulpmiddel bij een beslissing, geen gecertificeerd medisch hulpmiddel.',
    chosen: 'Gekozen door de arts naast het voorstel van MS Interval {{app, raw}}, model {{model, raw}}, gepland op {{asOf}}. Hulpmiddel bij een beslissing, geen gecertificeerd medisch hulpmiddel.',
  },
  dosage: {
    'natalizumab-iv': '{{drug, raw}} {{mg}} mg intraveneus op {{nextDose}}, daarna elke {{weeks}} weken',
    'natalizumab-sc': '{{drug, raw}} {{mg}} mg subcutaan op {{nextDose}}, daarna elke {{weeks}} weken',
    ocrelizumab: '{{drug, raw}} {{mg}} mg intraveneus op {{nextDose}}',
  },
  description: 'Voorstel van MS Interval voor {{drug, raw}}: volgende gift {{nextDose}}',
  title: 'Voorstel van MS Interval {{patient, raw}} {{asOf}}',
};

export default fhirnoteNl;
