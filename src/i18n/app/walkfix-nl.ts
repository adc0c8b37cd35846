/**
 * Nederlandse teksten van de doorloop van sessie 9 op 1366×768 (namespace `walkfix`).
 */
import type walkfixEn from './walkfix-en';
import type { Dutch } from './dutch';

const walkfixNl: Dutch<typeof walkfixEn> = {
  settings: {
    notSaved: 'Niet opgeslagen: verbeter het rood gemarkeerde veld.',
  },
};
export default walkfixNl;
