/** De nieuwe zinnen van issue 18 in het Nederlands (namespace `plain`); zelfde sleutels als plain-en.ts. */
import type plainEn from './plain-en';
import type { Dutch } from './dutch';

const plainNl: Dutch<typeof plainEn> = {
  planning: {
    columns: 'patiënt,middel,laatste_gift,geplande_gift,gepland_door,optie,reden,gekozen_bij_oudere_gegevens,voorstel_van_het_model,volgend_lab,status,waarschuwingen,kans_van_de_keuze_procent,vereiste_kans_procent',
    model: 'model',
    clinician: 'behandelaar',
    yes: 'ja',
    no: 'nee',
  },
  clinicDay: {
    columns: 'datum,patiënt,middel,wat,gepland_door,reden,voorstel_van_het_model,gekozen_bij_oudere_gegevens,status,waarschuwingen,kans_van_de_keuze_procent,vereiste_kans_procent',
    infusion: 'infusie',
    lab: 'labafname',
  },
  schedule: {
    firstEmpty: 'Geef de datum van de eerste gift: dd-mm-jjjj of JJJJ-MM-DD.',
    countFutureOne: 'Gift {{count}} van dit schema zou op {{date}} vallen, na vandaag ({{today}}): het dossier bevat wat gegeven is. Voer {{max}} gift(en) tot en met vandaag in; een geplande gift hoort in het voorstel.',
    countFutureMany: 'Giften {{from}} tot en met {{count}} van dit schema zouden na vandaag ({{today}}) vallen, de laatste op {{date}}: het dossier bevat wat gegeven is. Voer {{max}} gift(en) tot en met vandaag in; een geplande gift hoort in het voorstel.',
  },
};
export default plainNl;
