/** De nieuwe zinnen van issue 18 in het Nederlands (namespace `plain`); zelfde sleutels als plain-en.ts. */
import type { PlainStrings } from './plain-en';

const plainNl: PlainStrings = {
  schedule: {
    firstEmpty: 'Geef de datum van de eerste gift: dd-mm-jjjj of JJJJ-MM-DD.',
    countFutureOne: 'Gift {{count}} van dit schema zou op {{date}} vallen, na vandaag ({{today}}): het dossier bevat wat gegeven is. Voer {{max}} gift(en) tot en met vandaag in; een geplande gift hoort in het voorstel.',
    countFutureMany: 'Giften {{from}} tot en met {{count}} van dit schema zouden na vandaag ({{today}}) vallen, de laatste op {{date}}: het dossier bevat wat gegeven is. Voer {{max}} gift(en) tot en met vandaag in; een geplande gift hoort in het voorstel.',
  },
};
export default plainNl;
