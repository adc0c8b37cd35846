/**
 * English of what the FHIR writer puts into the hospital's record in words (namespace `fhirnote`
 * of the one catalog): the proposal as a clinician reads it (the DocumentReference's plain-text
 * note, src/core/fhir/text.ts, spec/fhir.md) and the MedicationRequest's and DocumentReference's
 * short texts and the Provenance's model display (src/core/fhir/write.ts). The command line
 * writes English; the app's export and write-back write the screen's language (one language per
 * proposal: the note and the short texts alike; the code systems' displays stay theirs). Dates and numbers are parameters shown in the language's
 * form; `{{x, spaced}}` a date and time with a space for the `T`.
 */
const fhirnoteEn = {
  head: 'MS Interval proposal for patient {{patient, raw}} ({{drug, raw}}), planned on {{asOf}}{{last, raw}}.',
  'head-last': '; last dose {{lastDose, spaced}}',
  'chosen-label': ': {{label, raw}}',
  'choice-reason': 'Reason for the choice: {{reason, raw}}',
  why: 'Why: {{reason, raw}}',
  'warnings-head': 'Warnings:',
  'warnings-none': 'Warnings: none.',
  'notes-head': 'Notes:',
  item: '- {{text, raw}}',
  model: 'Model: {{name, raw}} ({{id, raw}}), version {{version, raw}}; MS Interval {{app, raw}}.',
  disclaimer: 'Decision aid, not a certified medical device: the clinician decides.',
  nat: {
    chosen: 'Next dose (chosen by the clinician): {{nextDose}}{{interval, raw}}{{label, raw}}.',
    'chosen-interval': ' (interval {{weeks}} weeks)',
    'model-proposed': 'The model proposed: next dose {{nextDose}} (interval {{weeks}} weeks).',
    'next-dose': 'Next dose: {{nextDose}} (interval {{weeks}} weeks, proposed by the model).',
    chosenInterval: 'Chosen interval ({{weeks}} weeks repeated): predicted steady-state trough {{value}} µg/mL (80 % interval {{low}} to {{high}} µg/mL); probability at or above the target: {{probability, raw}}.',
    proposedInterval: 'Proposed interval ({{weeks}} weeks repeated): predicted steady-state trough {{value}} µg/mL (80 % interval {{low}} to {{high}} µg/mL); probability at or above the target: {{probability, raw}}.',
    'next-trough': 'Next trough (just before the next dose): {{value}} µg/mL (80 % interval {{low}} to {{high}} µg/mL); probability at or above the target: {{probability, raw}}.',
    protocol: 'Rule-based protocol beside it ({{name, raw}}): interval {{weeks}} weeks, next dose {{nextDose}}. {{rationale, raw}}',
    target: 'Target: trough at or above {{target}} µg/mL, with a probability of at least {{probability, raw}} at steady state.',
    // The forecast's spread, as the card's calibration note says it (report.options.calibration).
    'spread-calibrated': 'Forecast spread from {{troughs}} troughs of this clinic: inter-occasion log-SD {{iov}} (published {{published}}){{wider, raw}}, the whole forecast\'s width × {{scale}} of the published{{held, raw}}.',
    'spread-wider': ', widened from the clinic\'s {{clinic}} because this patient\'s own troughs disagree more',
    'spread-held': '; 80 % intervals held {{held}} of the scored troughs',
    'spread-published': 'Forecast spread: the published model\'s allowances (not calibrated on this clinic\'s troughs).',
  },
  ocr: {
    chosen: 'Next dose (chosen by the clinician): {{nextDose}}{{label, raw}}.',
    'model-proposed': 'The model proposed: next dose {{nextDose}} ({{weeks}} weeks after the last dose).',
    'next-dose': 'Next dose: {{nextDose}} ({{weeks}} weeks after the last dose, proposed by the model).',
    crossing: 'Predicted crossing of {{threshold}} cells/µL: {{date}} (80 % interval {{low}} to {{high}}).',
    'next-count': 'Next CD19 count: {{date}}.',
    protocol: 'Rule-based protocol beside it ({{name, raw}}): next count {{nextCount}}. {{rationale, raw}}',
    threshold: 'Threshold: re-dose when the CD19+ B-cell count reaches {{threshold}} cells/µL.',
  },
  // ------------------------------------------------------------------ the resources' short texts (src/core/fhir/write.ts)
  'model-line': '{{name, raw}} ({{id, raw}}) version {{version, raw}}',
  'provenance-model': 'model {{model, raw}}',
  'request-note': {
    proposed: 'Proposed by MS Interval {{app, raw}}, model {{model, raw}}, planned on {{asOf}}. Decision aid, not a certified medical device.',
    chosen: 'Chosen by the clinician beside the proposal of MS Interval {{app, raw}}, model {{model, raw}}, planned on {{asOf}}. Decision aid, not a certified medical device.',
  },
  dosage: {
    'natalizumab-iv': '{{drug, raw}} {{mg}} mg intravenously on {{nextDose}}, then every {{weeks}} weeks',
    'natalizumab-sc': '{{drug, raw}} {{mg}} mg subcutaneously on {{nextDose}}, then every {{weeks}} weeks',
    ocrelizumab: '{{drug, raw}} {{mg}} mg intravenously on {{nextDose}}',
  },
  description: 'MS Interval {{drug, raw}} proposal: next dose {{nextDose}}',
  title: 'MS Interval proposal {{patient, raw}} {{asOf}}',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
/** The shape every language's note must have (the compiler checks the Dutch has each). */
export type FhirNoteStrings = Shape<typeof fhirnoteEn>;

export default fhirnoteEn;
