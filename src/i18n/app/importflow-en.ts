/** English strings of the import preview that comes before every save (issue 15, item 1; namespace `importflow`). */
const importflowEn = {
  perPatient: 'Per patient ({{count}})',
  keys: 'Enter saves, Escape cancels.',
  saving: 'Saving…',
  previewAll: {
    label: 'Preview every file',
    title: "Show what a file adds, per patient, before anything is saved, also when it only adds rows. Off: such a file is saved at once and can be undone; a file with a conflict or a refused row is always previewed.",
  },
  saveOnly: 'Save',
};
export default importflowEn;
