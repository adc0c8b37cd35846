/** Nederlandse teksten van de importvoorvertoning vóór elke opslag (issue 15, punt 1; namespace `importflow`). */
import type importflowEn from './importflow-en';
import type { Dutch } from './dutch';

const importflowNl: Dutch<typeof importflowEn> = {
  perPatient: 'Per patiënt ({{count}})',
  keys: 'Enter slaat op, Escape annuleert.',
  saving: 'Bezig met opslaan…',
  saveOnly: 'Opslaan',
};
export default importflowNl;
