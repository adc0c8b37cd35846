/**
 * Nederlandse teksten van de tweede doorloop op 1366×768 (namespace `walk2`).
 */
import type walk2En from './walk2-en';
import type { Dutch } from './dutch';

const walk2Nl: Dutch<typeof walk2En> = {
  refused: {
    above_one: 'zie de regel hierboven, met wat te doen',
    above_other: 'zie de {{count}} regels hierboven, met wat te doen',
  },
  failed: {
    messages_one: '{{count}} melding van het bestand',
    messages_other: '{{count}} meldingen van het bestand',
  },
};
export default walk2Nl;
