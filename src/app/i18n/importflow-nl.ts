/** Nederlandse teksten van de importvoorvertoning vóór elke opslag (issue 15, punt 1; namespace `importflow`). */
import type importflowEn from './importflow-en';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const importflowNl: Shape<typeof importflowEn> = {
  perPatient: 'Per patiënt ({{count}})',
  keys: 'Enter slaat op, Escape annuleert.',
  saving: 'Bezig met opslaan…',
  saveOnly: 'Opslaan',
};
export default importflowNl;
