/** Hoe elke wijziging van het dossier heet (namespace `changes`): Nederlands. */
import type changesEn from './changes-en';
import type { Dutch } from './dutch';

const changesNl: Dutch<typeof changesEn> = {
  change: {
    import: 'import van {{file}}',
    restore: 'openen van {{file}}',
    replaceAll: 'alles vervangen door {{file}}',
    settings: 'wijziging van de kliniekinstellingen',
    choice: 'keuze voor {{id}}',
    overrides: 'instellingen van {{id}}',
    deletePatient: 'verwijderen van patiënt {{id}}',
    removeExamples: 'voorbeeldpatiënten verwijderen',
    newPatient: 'nieuwe patiënt {{id}}',
    addDoses_one: '{{count}} gift toevoegen aan {{id}}',
    addDoses_other: '{{count}} giften toevoegen aan {{id}}',
    addResult: 'uitslag toevoegen aan {{id}}',
    setAside: 'de geweigerde regels van {{id}} opzijzetten',
    wearingOff: 'wearing-off-melding van {{id}}',
    addRow: 'regel toevoegen bij {{id}}',
    editRow: 'regel wijzigen bij {{id}}',
    deleteRow: 'regel verwijderen bij {{id}}',
    replaceRow: 'een regel van {{id}} vervangen',
  },
  unknown: 'een wijziging ({{code}})',
};

export default changesNl;
