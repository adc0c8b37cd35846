/** Teksten van de grafiek die pas bij het openen wordt berekend (issue 17, punt 6; namespace `speed`): Nederlands. */
import type speedEn from './speed-en';
import type { Dutch } from './dutch';

const speedNl: Dutch<typeof speedEn> = {
  chart: {
    computing: 'De grafiek wordt berekend (het voorstel hierboven is volledig; de grafiek voegt de curven toe)…',
  },
};

export default speedNl;
