/** Nederlandse teksten van de importvoorvertoning vóór elke opslag (issue 15, punt 1; namespace `importflow`). */
import type importflowEn from './importflow-en';
import type { Dutch } from './dutch';

const importflowNl: Dutch<typeof importflowEn> = {
  perPatient: 'Per patiënt ({{count}})',
  keys: 'Enter slaat op, Escape annuleert.',
  saving: 'Bezig met opslaan…',
  previewAll: {
    label: 'Elk bestand eerst tonen',
    title: "Laat per patiënt zien wat een bestand toevoegt voordat er iets wordt opgeslagen, ook als het alleen regels toevoegt. Uit: zo'n bestand wordt meteen opgeslagen en kan ongedaan worden gemaakt; een bestand met een tegenstrijdigheid of een geweigerde regel wordt altijd eerst getoond.",
  },
  saveOnly: 'Opslaan',
};
export default importflowNl;
