/**
 * What each change of the record is called (namespace `changes`): the Undo button, its title, the
 * "Undone: …" message and the Changes view say it in the language of the screen. A change is
 * stored as a code with its parameters (src/app/storage/change-label.ts), never as a sentence:
 * the code is the key here (`change.import`), so a key of `change` is never renamed or removed
 * (a change stored with it would lose its words). A count is said with its plural form; a date
 * in the screen's form.
 */
const changesEn = {
  change: {
    import: 'import of {{file}}',
    restore: 'opening {{file}}',
    replaceAll: 'replacing everything with {{file}}',
    settings: 'clinic settings change',
    choice: 'choice for {{id}}',
    overrides: 'settings of {{id}}',
    deletePatient: 'deleting patient {{id}}',
    removeExamples: 'removing the example patients',
    newPatient: 'new patient {{id}}',
    addDoses_one: 'adding {{count}} dose to {{id}}',
    addDoses_other: 'adding {{count}} doses to {{id}}',
    addResult: 'adding a result to {{id}}',
    setAside: 'setting aside the refused rows of {{id}}',
    wearingOff: 'wearing-off report for {{id}}',
    addRow: 'adding a row to {{id}}',
    editRow: 'editing a row of {{id}}',
    deleteRow: 'deleting a row of {{id}}',
    replaceRow: 'replacing a row of {{id}}',
  },
  /** A change stored by a later version of the app, with a code this one does not know. */
  unknown: 'a change ({{code}})',
};

export default changesEn;
