/** Nederlandse teksten van de SMART on FHIR-start en het terugschrijven (i18next-namespace `smart`). */
import type smartEn from './smart-en';
import type { Dutch } from './dutch';

const smartNl: Dutch<typeof smartEn> = {
  launch: {
    title: 'MS Interval: starten vanuit het dossier',
    heading: 'Starten vanuit het ziekenhuisdossier',
    noConfig: 'Deze installatie van MS Interval is niet ingericht om vanuit een dossiersysteem te starten (gebouwd zonder SMART_CONFIG). Er is niets verstuurd.',
    noIss: 'De start noemde geen FHIR-server (de parameter iss ontbreekt). Start MS Interval vanuit het dossiersysteem, of open launch.html?iss= met het adres van de server.',
    notAllowed: 'De FHIR-server {{iss}} staat niet op de lijst van toegestane servers van deze installatie; MS Interval heeft er daarom geen verbinding mee gemaakt en er niets naartoe gestuurd. Is dit het dossier van uw ziekenhuis, vraag dan de applicatiebeheerder om hem aan SMART_CONFIG toe te voegen.',
    connecting: 'Verbinden met het dossier op {{iss}}…',
    failed: 'De start kon niet beginnen: {{error}}',
  },
  session: {
    completing: 'De start vanuit het dossier wordt afgerond…',
    reading: 'Het dossier van de patiënt wordt gelezen: tot nu toe {{pages}} pagina’s…',
    failed: 'De start vanuit het dossier kon niet worden afgerond: {{error}} Start MS Interval opnieuw vanuit het dossier.',
    readFailed: 'Het dossier van de patiënt kon niet worden gelezen: {{error}} Start MS Interval opnieuw vanuit het dossier.',
    banner: 'Gestart vanuit het dossier op {{server}}. De gegevens van deze patiënt staan alleen in deze pagina: er wordt niets in de browser bewaard, en sluiten of herladen van de pagina vergeet ze.',
    read: 'Gelezen uit het dossier: {{resources}} resources in {{pages}} pagina’s.',
    notMapped: 'Het dossier bevat voor deze patiënt niets waarmee MS Interval kan plannen: {{reason}}',
    noRecord: 'het dossier bevat voor deze patiënt geen gift, spiegel of telling van natalizumab of ocrelizumab.',
    closed: 'De patiënt is gesloten. Er is niets van bewaard in deze browser. Start MS Interval opnieuw vanuit het dossier om hem weer te openen.',
    deleted: 'De patiënt is van deze pagina verwijderd (het dossier zelf is niet veranderd). Start MS Interval opnieuw vanuit het dossier om hem weer te openen.',
    issues: 'Wat het dossier bevat dat niet gebruikt kon worden',
  },
  write: {
    title: 'In het dossier schrijven',
    what: 'Schrijft het voorstel in het dossier van de patiënt: een medicatieverzoek ({{intent}}), een notitie in platte tekst met het voorstel, en de herkomst ervan (MS Interval {{version}}).',
    intentProposal: 'als voorstel',
    intentPlan: 'als gekozen plan, met de reden',
    button: 'In het dossier schrijven',
    retry: 'Opnieuw proberen in het dossier te schrijven',
    busy: 'Bezig met schrijven in het dossier…',
    notReady: 'Er is nog geen actueel voorstel om te schrijven.',
    written: 'In het dossier geschreven:',
    already: 'Dit voorstel staat al in het dossier: er is niets opnieuw geschreven.',
    partial: 'Al geschreven vóór de fout (wordt bij opnieuw proberen niet nog eens geschreven):',
    failed: 'Het schrijven van de {{what}} in het dossier is mislukt. {{error}} Het voorstel blijft hier staan; u kunt het opnieuw proberen: wat al geschreven is, wordt niet dubbel geschreven.',
    what_MedicationRequest: 'medicatieverzoek',
    what_DocumentReference: 'notitie',
    what_Provenance: 'herkomst',
    item_MedicationRequest: 'Medicatieverzoek {{id}}',
    item_DocumentReference: 'Notitie (document reference) {{id}}',
    item_Provenance: 'Herkomst (provenance) {{id}}',
  },
  failure: {
    network: 'De dossierserver is niet bereikbaar (hij is misschien uit de lucht, of de verbinding is verbroken).',
    expired: 'Het dossier accepteert deze sessie niet meer: de toegang is verlopen (401). Start MS Interval opnieuw vanuit het dossier.',
    unauthorized: 'Het dossier accepteerde de toegang van deze sessie niet (401). Start MS Interval opnieuw vanuit het dossier.',
    forbidden: 'Het dossier weigerde: deze gebruiker of app mag dit niet (403).',
    refused: 'Het dossier weigerde de gegevens ({{status}}).',
    server: 'De dossierserver gaf een fout ({{status}}).',
    other: 'Er ging iets mis in het contact met het dossier.',
    said: 'De server meldde: ‘{{detail}}’.',
  },
};
export default smartNl;
