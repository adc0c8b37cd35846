/** De kalibratie van de voorspelling van een vanuit het dossier gestarte patiënt (issue 17, punt 3): Nederlands (namespace `smartcal`). */
import type smartcalEn from './smartcal-en';
import type { Dutch } from './dutch';

const smartcalNl: Dutch<typeof smartcalEn> = {
  clinic: 'Voorspelling gekalibreerd zoals in MS Interval van de kliniek in deze browser: de kalibratie van de kliniek die hier is opgeslagen ({{troughs}} dalspiegels van {{patients}} patiënten; alleen getallen, geen patiëntgegevens), met de eigen dalspiegels van deze patiënt uit het dossier ({{own}} beoordeeld, alleen in deze pagina bewaard).',
  off: 'Voorspelling niet gekalibreerd: de gepubliceerde spreiding wordt gebruikt, omdat kalibratie op de dalspiegels van de kliniek uit staat in de instellingen van de kliniek in deze browser (MS Interval, Trackrecord).',
  noTroughs: 'Voorspelling niet gekalibreerd: de gepubliceerde spreiding wordt gebruikt, omdat nog geen dalspiegel van de patiënten van de kliniek in deze browser kan worden beoordeeld, net als in MS Interval van de kliniek.',
  none: 'Voorspelling niet gekalibreerd: de gepubliceerde spreiding wordt gebruikt, omdat deze browser geen kalibratie op de dalspiegels van de kliniek bevat (MS Interval van de kliniek is in deze browser niet gebruikt). De app van de kliniek, gekalibreerd op de dalspiegels van haar patiënten, kan voor deze patiënt iets anders voorstellen.',
  notCurrent: 'Voorspelling niet gekalibreerd: de gepubliceerde spreiding wordt gebruikt, omdat de kalibratie die in deze browser is opgeslagen niet die van de huidige patiënten van de kliniek is. Open MS Interval in deze browser om haar opnieuw te berekenen en start daarna opnieuw; tot dan kan de app van de kliniek voor deze patiënt iets anders voorstellen.',
  cardNone: 'Spreiding van de voorspelling: de marges van het gepubliceerde model (deze browser bevat geen kalibratie op de dalspiegels van de kliniek).',
  cardNotCurrent: 'Spreiding van de voorspelling: de marges van het gepubliceerde model (de kalibratie in deze browser is niet die van de huidige patiënten van de kliniek).',
};
export default smartcalNl;
