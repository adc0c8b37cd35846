/**
 * English strings of session 9's walk through the app at 1366×768 (namespace `walkfix`).
 */
const walkfixEn = {
  settings: {
    /** Beside the save button when a field is refused (the field, with its message, may be far above it). */
    notSaved: 'Not saved: correct the field marked in red.',
  },
};
export default walkfixEn;
