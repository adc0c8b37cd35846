/** English strings of the import preview that comes before every save (issue 15, item 1; namespace `importflow`). */
const importflowEn = {
  perPatient: 'Per patient ({{count}})',
  keys: 'Enter saves, Escape cancels.',
  saving: 'Saving…',
  saveOnly: 'Save',
};
export default importflowEn;
