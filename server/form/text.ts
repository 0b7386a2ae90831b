/**
 * The partner form's own strings, in every language a shipped questionnaire has (SurveyJS
 * translates its buttons and messages itself). `{n}`, `{date}` and `{message}` are filled in by
 * the browser. English is the fallback of a missing language or key.
 */
export const FORM_TEXT = {
  en: {
    language: 'Language',
    loading: 'Loading the questionnaire…',
    noscript: 'This form needs JavaScript. Please enable it and open the link again.',
    loadError:
      'The questionnaire could not be loaded. Check the connection, then open the link again.',
    denied: 'This link is not valid or has been revoked. Ask your lead partner for a new one.',
    missing: 'No such questionnaire.',
    offlineUnknown:
      'You are offline, and this form has not been opened on this device before. Open the link again once you have a connection.',
    local: 'Saved on this device',
    saving: 'Saving…',
    draftServer: 'Draft saved online — not sent yet',
    draftProblem: 'Saved on this device — the server found a problem: see the highlighted answer',
    outbox: 'Waiting to send ({n})',
    queued: 'Waiting to send',
    sending: 'Sending…',
    sent: 'Sent ✓',
    revoked: 'Cannot be sent: this link has been revoked — contact the lead partner.',
    invalid: 'Cannot be sent: fix the highlighted answer.',
    refused: 'Cannot be sent: {message} — contact the lead partner.',
    queuedHelp:
      'Your answers are saved on this device and will be sent automatically as soon as there is a connection. You can close this page.',
    thanks: 'Thank you. Your answers have been received.',
    alreadySent: 'A response has already been sent with this link.',
    onlyOne: 'This questionnaire takes one response per link.',
    newResponse: 'Start a new response',
    later: 'Continue later',
    resumeTitle: 'Continue on another device',
    resumeHelp:
      'Open this link on another phone or computer to continue where you left off. Anyone with this link can see and change these answers.',
    resumeWaiting:
      'Your answers are saved on this device. The link for another device needs a connection: it appears here as soon as the draft reaches the server.',
    copy: 'Copy link',
    copied: 'Copied ✓',
    backToForm: 'Back to the form',
    deviceList: 'Responses on this device',
    responseOf: 'Response of {date}',
    fixIt: 'Correct the answers',
    offlineReady: 'Available offline',
    preview: 'Preview with an admin link: answers are neither saved nor sent.',
    previewDone: 'Preview complete: nothing was sent.',
    previewDraft:
      'Preview of an unpublished draft: answers are neither saved nor sent. Partner links open it only once it is published.',
    elsewhere: 'This response has already been sent from another device.',
    noStorage:
      'This browser cannot keep answers on the device: keep this page open until your answers are sent.',
    rankHint:
      'Tap the items in order, most important first; tap a ranked item to take it back. Drag a ranked item to move it.',
    rankEmpty: 'Tap the items below in order of importance',
    yes: 'Yes',
    no: 'No',
    other: 'Other (please specify)',
    earlyHint: 'You can start answering: the rest of the form is still loading…',
    lastSent: 'Last one sent on {date}.',
  },
  fr: {
    language: 'Langue',
    loading: 'Chargement du questionnaire…',
    noscript: 'Ce formulaire nécessite JavaScript. Activez-le, puis ouvrez à nouveau le lien.',
    loadError:
      'Le questionnaire n’a pas pu être chargé. Vérifiez la connexion, puis ouvrez à nouveau le lien.',
    denied:
      'Ce lien n’est pas valide ou a été révoqué. Demandez-en un nouveau au partenaire chef de file.',
    missing: 'Questionnaire introuvable.',
    offlineUnknown:
      'Vous êtes hors ligne et ce formulaire n’a jamais été ouvert sur cet appareil. Ouvrez à nouveau le lien quand vous aurez une connexion.',
    local: 'Enregistré sur cet appareil',
    saving: 'Enregistrement…',
    draftServer: 'Brouillon enregistré en ligne — pas encore envoyé',
    draftProblem:
      'Enregistré sur cet appareil — le serveur a relevé un problème : voir la réponse signalée',
    outbox: 'En attente d’envoi ({n})',
    queued: 'En attente d’envoi',
    sending: 'Envoi…',
    sent: 'Envoyé ✓',
    revoked: 'Envoi impossible : ce lien a été révoqué — contactez le partenaire chef de file.',
    invalid: 'Envoi impossible : corrigez la réponse signalée.',
    refused: 'Envoi impossible : {message} — contactez le partenaire chef de file.',
    queuedHelp:
      'Vos réponses sont enregistrées sur cet appareil et seront envoyées automatiquement dès qu’une connexion sera disponible. Vous pouvez fermer cette page.',
    thanks: 'Merci. Vos réponses ont bien été reçues.',
    alreadySent: 'Une réponse a déjà été envoyée avec ce lien.',
    onlyOne: 'Ce questionnaire n’accepte qu’une réponse par lien.',
    newResponse: 'Commencer une nouvelle réponse',
    later: 'Continuer plus tard',
    resumeTitle: 'Continuer sur un autre appareil',
    resumeHelp:
      'Ouvrez ce lien sur un autre téléphone ou ordinateur pour reprendre là où vous vous êtes arrêté. Toute personne disposant de ce lien peut voir et modifier ces réponses.',
    resumeWaiting:
      'Vos réponses sont enregistrées sur cet appareil. Le lien pour un autre appareil nécessite une connexion : il apparaîtra ici dès que le brouillon aura atteint le serveur.',
    copy: 'Copier le lien',
    copied: 'Copié ✓',
    backToForm: 'Retour au formulaire',
    deviceList: 'Réponses sur cet appareil',
    responseOf: 'Réponse du {date}',
    fixIt: 'Corriger les réponses',
    offlineReady: 'Disponible hors ligne',
    preview:
      'Aperçu avec un lien administrateur : les réponses ne sont ni enregistrées ni envoyées.',
    previewDone: 'Aperçu terminé : rien n’a été envoyé.',
    previewDraft:
      'Aperçu d’un brouillon non publié : les réponses ne sont ni enregistrées ni envoyées. Les liens des partenaires ne l’ouvrent qu’une fois publié.',
    elsewhere: 'Cette réponse a déjà été envoyée depuis un autre appareil.',
    noStorage:
      'Ce navigateur ne peut pas conserver les réponses sur l’appareil : gardez cette page ouverte jusqu’à l’envoi.',
    rankHint:
      'Touchez les éléments dans l’ordre, le plus important d’abord ; touchez un élément classé pour le retirer. Faites glisser un élément classé pour le déplacer.',
    rankEmpty: 'Touchez les éléments ci-dessous par ordre d’importance',
    yes: 'Oui',
    no: 'Non',
    other: 'Autre (préciser)',
    earlyHint:
      'Vous pouvez commencer à répondre : la suite du formulaire est en cours de chargement…',
    lastSent: 'Dernier envoi le {date}.',
  },
  it: {
    language: 'Lingua',
    loading: 'Caricamento del questionario…',
    noscript: 'Questo modulo richiede JavaScript. Attivatelo e aprite di nuovo il link.',
    loadError:
      'Non è stato possibile caricare il questionario. Controllate la connessione e aprite di nuovo il link.',
    denied:
      'Questo link non è valido o è stato revocato. Chiedetene uno nuovo al partner capofila.',
    missing: 'Questionario inesistente.',
    offlineUnknown:
      'Siete offline e questo modulo non è mai stato aperto su questo dispositivo. Aprite di nuovo il link quando avrete una connessione.',
    local: 'Salvato su questo dispositivo',
    saving: 'Salvataggio…',
    draftServer: 'Bozza salvata online — non ancora inviata',
    draftProblem:
      'Salvato su questo dispositivo — il server ha rilevato un problema: vedere la risposta evidenziata',
    outbox: 'In attesa di invio ({n})',
    queued: 'In attesa di invio',
    sending: 'Invio…',
    sent: 'Inviato ✓',
    revoked: 'Invio impossibile: questo link è stato revocato — contattate il partner capofila.',
    invalid: 'Invio impossibile: correggete la risposta evidenziata.',
    refused: 'Invio impossibile: {message} — contattate il partner capofila.',
    queuedHelp:
      'Le risposte sono salvate su questo dispositivo e saranno inviate automaticamente appena ci sarà una connessione. Potete chiudere questa pagina.',
    thanks: 'Grazie. Le vostre risposte sono state ricevute.',
    alreadySent: 'Con questo link è già stata inviata una risposta.',
    onlyOne: 'Questo questionario accetta una sola risposta per link.',
    newResponse: 'Inizia una nuova risposta',
    later: 'Continua più tardi',
    resumeTitle: 'Continuare su un altro dispositivo',
    resumeHelp:
      'Aprite questo link su un altro telefono o computer per riprendere da dove vi siete fermati. Chiunque abbia questo link può vedere e modificare queste risposte.',
    resumeWaiting:
      'Le risposte sono salvate su questo dispositivo. Il link per un altro dispositivo richiede una connessione: apparirà qui appena la bozza avrà raggiunto il server.',
    copy: 'Copia il link',
    copied: 'Copiato ✓',
    backToForm: 'Torna al modulo',
    deviceList: 'Risposte su questo dispositivo',
    responseOf: 'Risposta del {date}',
    fixIt: 'Correggi le risposte',
    offlineReady: 'Disponibile offline',
    preview:
      'Anteprima con un link di amministrazione: le risposte non vengono salvate né inviate.',
    previewDone: 'Anteprima completata: non è stato inviato nulla.',
    previewDraft:
      'Anteprima di una bozza non pubblicata: le risposte non vengono né salvate né inviate. I link dei partner la aprono solo dopo la pubblicazione.',
    elsewhere: 'Questa risposta è già stata inviata da un altro dispositivo.',
    noStorage:
      'Questo browser non può conservare le risposte sul dispositivo: tenete aperta questa pagina fino all’invio.',
    rankHint:
      'Toccate gli elementi in ordine, il più importante per primo; toccate un elemento classificato per toglierlo. Trascinate un elemento classificato per spostarlo.',
    rankEmpty: 'Toccate gli elementi qui sotto in ordine di importanza',
    yes: 'Sì',
    no: 'No',
    other: 'Altro (specificare)',
    earlyHint: 'Potete iniziare a rispondere: il resto del modulo è in caricamento…',
    lastSent: 'Ultimo invio il {date}.',
  },
  ro: {
    language: 'Limba',
    loading: 'Se încarcă chestionarul…',
    noscript: 'Acest formular necesită JavaScript. Activați-l și deschideți din nou linkul.',
    loadError:
      'Chestionarul nu a putut fi încărcat. Verificați conexiunea, apoi deschideți din nou linkul.',
    denied: 'Acest link nu este valid sau a fost revocat. Cereți unul nou partenerului principal.',
    missing: 'Chestionarul nu există.',
    offlineUnknown:
      'Sunteți offline, iar acest formular nu a mai fost deschis pe acest dispozitiv. Deschideți din nou linkul când aveți conexiune.',
    local: 'Salvat pe acest dispozitiv',
    saving: 'Se salvează…',
    draftServer: 'Ciornă salvată online — încă netrimisă',
    draftProblem:
      'Salvat pe acest dispozitiv — serverul a găsit o problemă: vedeți răspunsul marcat',
    outbox: 'În așteptare pentru trimitere ({n})',
    queued: 'În așteptare pentru trimitere',
    sending: 'Se trimite…',
    sent: 'Trimis ✓',
    revoked: 'Nu poate fi trimis: acest link a fost revocat — contactați partenerul principal.',
    invalid: 'Nu poate fi trimis: corectați răspunsul marcat.',
    refused: 'Nu poate fi trimis: {message} — contactați partenerul principal.',
    queuedHelp:
      'Răspunsurile sunt salvate pe acest dispozitiv și vor fi trimise automat de îndată ce există conexiune. Puteți închide această pagină.',
    thanks: 'Vă mulțumim. Răspunsurile dumneavoastră au fost primite.',
    alreadySent: 'Cu acest link a fost deja trimis un răspuns.',
    onlyOne: 'Acest chestionar acceptă un singur răspuns per link.',
    newResponse: 'Începeți un răspuns nou',
    later: 'Continuați mai târziu',
    resumeTitle: 'Continuați pe alt dispozitiv',
    resumeHelp:
      'Deschideți acest link pe alt telefon sau calculator pentru a continua de unde ați rămas. Oricine are acest link poate vedea și modifica aceste răspunsuri.',
    resumeWaiting:
      'Răspunsurile sunt salvate pe acest dispozitiv. Linkul pentru alt dispozitiv necesită conexiune: apare aici de îndată ce ciorna ajunge pe server.',
    copy: 'Copiați linkul',
    copied: 'Copiat ✓',
    backToForm: 'Înapoi la formular',
    deviceList: 'Răspunsuri pe acest dispozitiv',
    responseOf: 'Răspuns din {date}',
    fixIt: 'Corectați răspunsurile',
    offlineReady: 'Disponibil offline',
    preview:
      'Previzualizare cu un link de administrator: răspunsurile nu sunt salvate și nici trimise.',
    previewDone: 'Previzualizare încheiată: nu s-a trimis nimic.',
    previewDraft:
      'Previzualizarea unei ciorne nepublicate: răspunsurile nu sunt nici salvate, nici trimise. Linkurile partenerilor o deschid doar după publicare.',
    elsewhere: 'Acest răspuns a fost deja trimis de pe alt dispozitiv.',
    noStorage:
      'Acest browser nu poate păstra răspunsurile pe dispozitiv: lăsați pagina deschisă până la trimitere.',
    rankHint:
      'Atingeți elementele în ordine, cel mai important mai întâi; atingeți un element clasat pentru a-l scoate. Trageți un element clasat pentru a-l muta.',
    rankEmpty: 'Atingeți elementele de mai jos în ordinea importanței',
    yes: 'Da',
    no: 'Nu',
    other: 'Altele (precizați)',
    earlyHint: 'Puteți începe să răspundeți: restul formularului încă se încarcă…',
    lastSent: 'Ultima trimitere: {date}.',
  },
  sv: {
    language: 'Språk',
    loading: 'Enkäten laddas…',
    noscript: 'Formuläret kräver JavaScript. Slå på det och öppna länken igen.',
    loadError: 'Enkäten kunde inte laddas. Kontrollera anslutningen och öppna länken igen.',
    denied: 'Länken är ogiltig eller har återkallats. Be den ledande partnern om en ny.',
    missing: 'Enkäten finns inte.',
    offlineUnknown:
      'Du är offline och formuläret har inte öppnats på den här enheten tidigare. Öppna länken igen när du har anslutning.',
    local: 'Sparat på den här enheten',
    saving: 'Sparar…',
    draftServer: 'Utkast sparat online — inte skickat än',
    draftProblem:
      'Sparat på den här enheten — servern hittade ett problem: se det markerade svaret',
    outbox: 'Väntar på att skickas ({n})',
    queued: 'Väntar på att skickas',
    sending: 'Skickar…',
    sent: 'Skickat ✓',
    revoked: 'Kan inte skickas: länken har återkallats — kontakta den ledande partnern.',
    invalid: 'Kan inte skickas: rätta det markerade svaret.',
    refused: 'Kan inte skickas: {message} — kontakta den ledande partnern.',
    queuedHelp:
      'Dina svar är sparade på den här enheten och skickas automatiskt så snart det finns anslutning. Du kan stänga sidan.',
    thanks: 'Tack! Dina svar har tagits emot.',
    alreadySent: 'Ett svar har redan skickats med den här länken.',
    onlyOne: 'Enkäten tar emot ett svar per länk.',
    newResponse: 'Börja ett nytt svar',
    later: 'Fortsätt senare',
    resumeTitle: 'Fortsätt på en annan enhet',
    resumeHelp:
      'Öppna länken på en annan telefon eller dator för att fortsätta där du slutade. Alla som har länken kan se och ändra svaren.',
    resumeWaiting:
      'Dina svar är sparade på den här enheten. Länken för en annan enhet kräver anslutning: den visas här så snart utkastet har nått servern.',
    copy: 'Kopiera länken',
    copied: 'Kopierad ✓',
    backToForm: 'Tillbaka till formuläret',
    deviceList: 'Svar på den här enheten',
    responseOf: 'Svar från {date}',
    fixIt: 'Rätta svaren',
    offlineReady: 'Tillgänglig offline',
    preview: 'Förhandsvisning med en administratörslänk: svaren varken sparas eller skickas.',
    previewDone: 'Förhandsvisningen är klar: inget skickades.',
    previewDraft:
      'Förhandsvisning av ett opublicerat utkast: svaren varken sparas eller skickas. Partnerlänkar öppnar det först när det har publicerats.',
    elsewhere: 'Svaret har redan skickats från en annan enhet.',
    noStorage:
      'Webbläsaren kan inte spara svar på enheten: låt sidan vara öppen tills svaren har skickats.',
    rankHint:
      'Tryck på alternativen i ordning, det viktigaste först; tryck på ett rangordnat alternativ för att ta bort det. Dra ett rangordnat alternativ för att flytta det.',
    rankEmpty: 'Tryck på alternativen nedan i viktighetsordning',
    yes: 'Ja',
    no: 'Nej',
    other: 'Annat (ange)',
    earlyHint: 'Du kan börja svara: resten av formuläret laddas fortfarande…',
    lastSent: 'Senast skickat {date}.',
  },
  sl: {
    language: 'Jezik',
    loading: 'Nalaganje vprašalnika …',
    noscript: 'Obrazec potrebuje JavaScript. Omogočite ga in znova odprite povezavo.',
    loadError: 'Vprašalnika ni bilo mogoče naložiti. Preverite povezavo in znova odprite povezavo.',
    denied: 'Ta povezava ni veljavna ali je bila preklicana. Prosite vodilnega partnerja za novo.',
    missing: 'Vprašalnik ne obstaja.',
    offlineUnknown:
      'Niste povezani, ta obrazec pa na tej napravi še ni bil odprt. Znova odprite povezavo, ko boste imeli povezavo.',
    local: 'Shranjeno na tej napravi',
    saving: 'Shranjevanje …',
    draftServer: 'Osnutek shranjen na spletu — še ni poslan',
    draftProblem: 'Shranjeno na tej napravi — strežnik je našel težavo: glejte označeni odgovor',
    outbox: 'Čaka na pošiljanje ({n})',
    queued: 'Čaka na pošiljanje',
    sending: 'Pošiljanje …',
    sent: 'Poslano ✓',
    revoked: 'Ni mogoče poslati: povezava je bila preklicana — obrnite se na vodilnega partnerja.',
    invalid: 'Ni mogoče poslati: popravite označeni odgovor.',
    refused: 'Ni mogoče poslati: {message} — obrnite se na vodilnega partnerja.',
    queuedHelp:
      'Vaši odgovori so shranjeni na tej napravi in bodo samodejno poslani, ko bo na voljo povezava. To stran lahko zaprete.',
    thanks: 'Hvala. Vaši odgovori so bili prejeti.',
    alreadySent: 'S to povezavo je bil odgovor že poslan.',
    onlyOne: 'Ta vprašalnik sprejme en odgovor na povezavo.',
    newResponse: 'Začni nov odgovor',
    later: 'Nadaljuj pozneje',
    resumeTitle: 'Nadaljujte na drugi napravi',
    resumeHelp:
      'Odprite to povezavo na drugem telefonu ali računalniku in nadaljujte, kjer ste ostali. Kdor ima to povezavo, lahko vidi in spreminja te odgovore.',
    resumeWaiting:
      'Vaši odgovori so shranjeni na tej napravi. Povezava za drugo napravo potrebuje povezavo s strežnikom: prikaže se tukaj, ko osnutek doseže strežnik.',
    copy: 'Kopiraj povezavo',
    copied: 'Kopirano ✓',
    backToForm: 'Nazaj na obrazec',
    deviceList: 'Odgovori na tej napravi',
    responseOf: 'Odgovor z dne {date}',
    fixIt: 'Popravi odgovore',
    offlineReady: 'Na voljo brez povezave',
    preview: 'Predogled s skrbniško povezavo: odgovori se ne shranijo in ne pošljejo.',
    previewDone: 'Predogled je končan: nič ni bilo poslano.',
    previewDraft:
      'Predogled neobjavljenega osnutka: odgovori se ne shranijo in ne pošljejo. Povezave partnerjev ga odprejo šele, ko je objavljen.',
    elsewhere: 'Ta odgovor je bil že poslan z druge naprave.',
    noStorage:
      'Ta brskalnik ne more hraniti odgovorov na napravi: pustite stran odprto, dokler odgovori niso poslani.',
    rankHint:
      'Tapnite elemente po vrsti, najpomembnejšega najprej; tapnite razvrščeni element, da ga odstranite. Razvrščeni element povlecite, da ga premaknete.',
    rankEmpty: 'Tapnite spodnje elemente po pomembnosti',
    yes: 'Da',
    no: 'Ne',
    other: 'Drugo (navedite)',
    earlyHint: 'Lahko začnete odgovarjati: preostanek obrazca se še nalaga …',
    lastSent: 'Zadnje poslano {date}.',
  },
} satisfies Record<string, Record<string, string>>

export type FormTextKey = keyof (typeof FORM_TEXT)['en']

/** The strings of one language, English for a language the form does not have. */
export function formText(locale: string): Record<FormTextKey, string> {
  const table: Record<string, Record<FormTextKey, string>> = FORM_TEXT
  return table[locale] ?? FORM_TEXT.en
}

/** Names of languages in themselves, for the language switch. */
export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  fr: 'Français',
  it: 'Italiano',
  ro: 'Română',
  sv: 'Svenska',
  sl: 'Slovenščina',
  de: 'Deutsch',
  es: 'Español',
  pt: 'Português',
  bm: 'Bamanankan',
}
