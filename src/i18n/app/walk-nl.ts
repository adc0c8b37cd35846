/**
 * Nederlandse teksten van de verbeteringen uit de klinische doorloop (issue 15, namespace `walk`).
 */
import type walkEn from './walk-en';
import type { Dutch } from './dutch';

const walkNl: Dutch<typeof walkEn> = {
  late: {
    banner: 'Te laat: de volgende gift was gepland op {{due}}, en die dag is voorbij. Voorgesteld: {{date}}, de eerste mogelijke dag; elke optie telt vanaf daar.',
    passed: 'verstreken, niet aangeboden',
  },
  risk: {
    short: '{{p}} < vereist {{required}}',
    text: 'onder de vereiste kans: {{p}}, vereist {{required}}',
    icsPrefix: '[{{p}} < {{required}} VEREIST]',
    ics: 'Deze keuze ligt onder de vereiste kans: {{p}} kans om de streefwaarde te halen, vereist {{required}}.',
  },
  example: {
    mark: 'voorbeeld',
    title: 'Een voorbeeldpatiënt die met de app meekomt (verzonnen gegevens), geen echte patiënt',
    card: 'Voorbeeldpatiënt: verzonnen gegevens die met de app meekomen om te laten zien hoe die werkt. Geen echte patiënt.',
    showOnDay: 'Voorbeeldpatiënten tonen',
    hiddenOnDay_one: '{{count}} voorbeeldpatiënt staat niet in de lijst.',
    hiddenOnDay_other: '{{count}} voorbeeldpatiënten staan niet in de lijst.',
  },
};
export default walkNl;
