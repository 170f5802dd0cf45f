<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="71" />
        <source>LocalPro account</source>
        <translation>Compte LocalPro</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="75" />
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="116" />
        <source>LocalPro works fully offline. With an account, your data is backed up in the cloud and shared between your computers.</source>
        <translation>LocalPro fonctionne entièrement hors ligne. Avec un compte, vos données sont sauvegardées dans le cloud et partagées entre vos ordinateurs.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="126" />
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="170" />
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="127" />
        <source>Create an account</source>
        <translation>Créer un compte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="141" />
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="153" />
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="154" />
        <source>Change this only if your organisation runs its own LocalPro cloud.</source>
        <translation>Ne modifiez ceci que si votre organisation héberge son propre cloud LocalPro.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="167" />
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="182" />
        <source>you@example.com</source>
        <translation>vous@exemple.com</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="173" />
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="193" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="174" />
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="194" />
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="185" />
        <source>At least 10 characters</source>
        <translation>Au moins 10 caractères</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="191" />
        <source>Create my account</source>
        <translation>Créer mon compte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="195" />
        <source>Repeat the password</source>
        <translation>Répétez le mot de passe</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="196" />
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="197" />
        <source>Business name</source>
        <translation>Nom de l’entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="198" />
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="255" />
        <source>Fetching your plan…</source>
        <translation>Récupération de votre forfait…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="267" />
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="408" />
        <source>Your sign-in has expired: sign in again.</source>
        <translation>Votre connexion a expiré : reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="273" />
        <source>Your plan and usage appear here when the cloud can be reached.</source>
        <translation>Votre forfait et votre consommation s’affichent ici quand le cloud est joignable.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="290" />
        <source>Enter the e-mail address of your account.</source>
        <translation>Saisissez l’adresse e-mail de votre compte.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="294" />
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="297" />
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="312" />
        <source>Enter a valid e-mail address.</source>
        <translation>Saisissez une adresse e-mail valide.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="317" />
        <source>Choose a password of at least {count} characters.</source>
        <translation>Choisissez un mot de passe d’au moins {count} caractères.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="324" />
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="336" />
        <source>Check the e-mail address, the password and the country.</source>
        <translation>Vérifiez l’adresse e-mail, le mot de passe et le pays.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="338" />
        <source>Creating your account…</source>
        <translation>Création de votre compte…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="353" />
        <source>Signed in. Your data now syncs in the background.</source>
        <translation>Connecté. Vos données se synchronisent désormais en arrière-plan.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="361" />
        <source>Signing out…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="373" />
        <source>Signed out. Your data stays on this computer.</source>
        <translation>Déconnecté. Vos données restent sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="397" />
        <source>This computer is no longer signed in: sign in again.</source>
        <translation>Cet ordinateur n’est plus connecté : reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="404" />
        <source>The LocalPro cloud cannot be reached. Check your internet connection (or the server address under Advanced) and try again.</source>
        <translation>Le cloud LocalPro est injoignable. Vérifiez votre connexion internet (ou l’adresse du serveur sous Avancé) et réessayez.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="410" />
        <source>Something went wrong: {message}</source>
        <translation>Une erreur est survenue : {message}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="439" />
        <source>The server address must start with https:// (for example {example}).</source>
        <translation>L’adresse du serveur doit commencer par https:// (par exemple {example}).</translation>
    </message>
</context>
<context>
    <name>AiToolMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="445" />
        <source>The campaign has no text to improve yet: write a first version.</source>
        <translation>La campagne n'a pas encore de texte à améliorer : écrivez une première version.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="446" />
        <source>Ask for between {low} and {high} versions (not {value}).</source>
        <translation>Demandez entre {low} et {high} versions (pas {value}).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="447" />
        <source>The version is empty.</source>
        <translation>La version est vide.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="448" />
        <source>The version is the same as the original.</source>
        <translation>La version est identique à l'original.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="449" />
        <source>The version repeats another one.</source>
        <translation>La version en répète une autre.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="450" />
        <source>The version breaks the template syntax: {detail}.</source>
        <translation>La version casse la syntaxe du modèle : {detail}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="451" />
        <source>The version drops the placeholder(s) {names}.</source>
        <translation>La version supprime le(s) champ(s) {names}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="452" />
        <source>The version adds the placeholder(s) {names}, which the original does not have.</source>
        <translation>La version ajoute le(s) champ(s) {names}, absent(s) de l'original.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="453" />
        <source>The version changes the placeholder {expected}; it must stay as written.</source>
        <translation>La version modifie le champ {expected} ; il doit rester tel qu'il est écrit.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="454" />
        <source>The version writes {found}, which the original does not; placeholders stay as written.</source>
        <translation>La version écrit {found}, absent de l'original ; les champs restent tels qu'ils sont écrits.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="455" />
        <source>The version takes {parts} SMS parts; the limit chosen is {limit}.</source>
        <translation>La version prend {parts} parties de SMS ; la limite choisie est {limit}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="456" />
        <source>The version uses characters outside the SMS alphabet (GSM-7), which shorten every part: {chars}.</source>
        <translation>La version utilise des caractères hors de l'alphabet SMS (GSM-7), qui raccourcissent chaque partie : {chars}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="457" />
        <source>The version changes the WhatsApp template variables: the original has {expected}, this one {found}.</source>
        <translation>La version change les variables du modèle WhatsApp : l'original a {expected}, celle-ci {found}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="458" />
        <source>The version has {length} characters; a {channel} message allows {limit}.</source>
        <translation>La version fait {length} caractères ; un message {channel} en permet {limit}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="459" />
        <source>The version has no subject line.</source>
        <translation>La version n'a pas d'objet.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="460" />
        <source>The subject must be a single line.</source>
        <translation>L'objet doit tenir sur une seule ligne.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="461" />
        <source>The subject has {length} characters; keep it under {limit}.</source>
        <translation>L'objet fait {length} caractères ; restez sous {limit}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="462" />
        <source>The subject breaks the template syntax: {detail}.</source>
        <translation>L'objet casse la syntaxe du modèle : {detail}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="463" />
        <source>The subject uses the placeholder(s) {names}, which the original does not have.</source>
        <translation>L'objet utilise le(s) champ(s) {names}, absent(s) de l'original.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="464" />
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="465" />
        <source>This campaign sends the approved WhatsApp template {name}: a new wording must be approved by Meta as a template of its own before it can be sent.</source>
        <translation>Cette campagne envoie le modèle WhatsApp approuvé {name} : une nouvelle formulation doit être approuvée par Meta comme modèle à part entière avant de pouvoir être envoyée.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="466" />
        <source>The assistant's answer could not be read ({detail}); nothing was changed.</source>
        <translation>La réponse de l'assistant est illisible ({detail}) ; rien n'a été modifié.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="467" />
        <source>not JSON</source>
        <translation>ce n'est pas du JSON</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="468" />
        <source>not a JSON object</source>
        <translation>ce n'est pas un objet JSON</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="469" />
        <source>no list of versions</source>
        <translation>pas de liste de versions</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="470" />
        <source>version {number} is not an object with a text</source>
        <translation>la version {number} n'est pas un objet avec un texte</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="471" />
        <source>unknown key(s) {names}</source>
        <translation>clé(s) inconnue(s) {names}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="472" />
        <source>{name} must be {expected}, not {value!r}</source>
        <translation>{name} doit être {expected}, pas {value!r}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="473" />
        <source>text</source>
        <translation>du texte</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="474" />
        <source>true, false or empty</source>
        <translation>vrai, faux ou vide</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="475" />
        <source>Say in words which contacts you want, e.g. “restaurants in Dakar not contacted for a month”.</source>
        <translation>Dites avec vos mots quels contacts vous voulez, par ex. « restaurants à Dakar pas contactés depuis un mois ».</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="476" />
        <source>Keep the request under {limit} characters (it has {length}).</source>
        <translation>Gardez la demande sous {limit} caractères (elle en a {length}).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="477" />
        <source>The assistant found no condition in {words!r}; name a city, a sector, a status, a tag or a date.</source>
        <translation>L'assistant n'a trouvé aucune condition dans {words!r} ; indiquez une ville, un secteur, un statut, une étiquette ou une date.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="478" />
        <source>The assistant's filters were refused and nothing was applied: {reason}</source>
        <translation>Les filtres de l'assistant ont été refusés et rien n'a été appliqué : {reason}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="479" />
        <source>unknown sector {value!r} (known: {known})</source>
        <translation>secteur inconnu {value!r} (connus : {known})</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="480" />
        <source>{name} is {day}, a day still to come</source>
        <translation>{name} est le {day}, un jour à venir</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="481" />
        <source>{name} is {day}, before {earliest}</source>
        <translation>{name} est le {day}, avant le {earliest}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="482" />
        <source>unknown source {value!r} (known: {known})</source>
        <translation>source inconnue {value!r} (connues : {known})</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="483" />
        <source>country {value!r} must be a two-letter code such as SN</source>
        <translation>le pays {value!r} doit être un code de deux lettres comme SN</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="484" />
        <source>All prospects</source>
        <translation>Tous les prospects</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="485" />
        <source>Sector: {value}</source>
        <translation>Secteur : {value}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="486" />
        <source>City: {value}</source>
        <translation>Ville : {value}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="487" />
        <source>Search: “{value}”</source>
        <translation>Recherche : « {value} »</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="488" />
        <source>Source: {value}</source>
        <translation>Source : {value}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="489" />
        <source>Country: {value}</source>
        <translation>Pays : {value}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="490" />
        <source>already a contact</source>
        <translation>déjà un contact</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="491" />
        <source>not yet a contact</source>
        <translation>pas encore un contact</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="492" />
        <source>has a phone</source>
        <translation>a un téléphone</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="493" />
        <source>no phone</source>
        <translation>sans téléphone</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="494" />
        <source>on the map</source>
        <translation>sur la carte</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="495" />
        <source>not on the map</source>
        <translation>pas sur la carte</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="496" />
        <source>Segment {name!r} saved: {count} contact(s).</source>
        <translation>Segment {name!r} enregistré : {count} contact(s).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="497" />
        <source>No version kept the message's rules; the assistant's were refused:</source>
        <translation>Aucune version ne respecte les règles du message ; celles de l'assistant ont été refusées :</translation>
    </message>
</context>
<context>
    <name>AnalyticsMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="246" />
        <source>A period must be 1 to {max} days, not {days}.</source>
        <translation>Une période va de 1 à {max} jours, pas {days}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="247" />
        <source>A rolling window must be at least one day, not {window}.</source>
        <translation>Une moyenne glissante porte sur au moins un jour, pas {window}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="248" />
        <source>The number of sectors to show cannot be negative ({limit}).</source>
        <translation>Le nombre de secteurs à afficher ne peut pas être négatif ({limit}).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="249" />
        <source>Trends compare {periods} days, not {days}.</source>
        <translation>Les tendances comparent {periods} jours, pas {days}.</translation>
    </message>
</context>
<context>
    <name>AnalyticsTab</name>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="122" />
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="126" />
        <source>Show the last %1 days</source>
        <translation>Afficher les %1 derniers jours</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="150" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="151" />
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="152" />
        <source>Response rate</source>
        <translation>Taux de réponse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="153" />
        <source>Messages this month</source>
        <translation>Messages ce mois-ci</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="154" />
        <source>Prospects this month</source>
        <translation>Prospects ce mois-ci</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="157" />
        <source>Contacts in your CRM, and how many were added in the period.</source>
        <translation>Les contacts de votre CRM, et combien ont été ajoutés sur la période.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="160" />
        <source>Contacts at the Client stage, and how many became clients in the period.</source>
        <translation>Les contacts à l’étape Client, et combien sont devenus clients sur la période.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="163" />
        <source>Share of the messages sent in the period that got a reply.</source>
        <translation>Part des messages envoyés sur la période qui ont reçu une réponse.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="167" />
        <source>Messages counted against your plan this month; the trend compares messages sent in the period with the period before.</source>
        <translation>Messages décomptés de votre forfait ce mois-ci ; la tendance compare les messages envoyés sur la période à ceux de la période précédente.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="173" />
        <source>Prospects counted against your plan this month; the trend compares prospects added in the period with the period before.</source>
        <translation>Prospects décomptés de votre forfait ce mois-ci ; la tendance compare les prospects ajoutés sur la période à ceux de la période précédente.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="201" />
        <source>Nothing to analyse yet</source>
        <translation>Rien à analyser pour l’instant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="209" />
        <source>Your charts appear here as soon as there is something to count.
Import prospects or load demo data from the Prospects tab to get started.</source>
        <translation>Vos graphiques s’afficheront ici dès qu’il y aura quelque chose à compter.
Importez des prospects ou chargez les données de démonstration depuis l’onglet Prospects pour commencer.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="260" />
        <source>Updating…</source>
        <translation>Mise à jour…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="297" />
        <source>Could not update the figures: %1</source>
        <translation>Impossible de mettre à jour les chiffres : %1</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="321" />
        <source>vs previous %1 days</source>
        <translation>vs les %1 j précédents</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="328" />
        <source>None in this or the previous %1 days</source>
        <translation>Aucun sur ces %1 jours ni les précédents</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="330" />
        <source>Nothing to compare with yet</source>
        <translation>Rien à comparer pour l’instant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="335" />
        <source>New in %1 days: %2</source>
        <translation>Nouveaux sur %1 jours : %2</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="344" />
        <source>1 reply to 1 message</source>
        <translation>%1 réponse pour 1 message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="344" />
        <source>%1 replies to 1 message</source>
        <translation>%1 réponses pour 1 message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="348" />
        <source>%1 replies to %2 messages</source>
        <translation>%1 réponses pour %2 messages</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="348" />
        <source>1 reply to %2 messages</source>
        <translation>%1 réponse pour %2 messages</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="377" />
        <source>No messages sent in %1 days</source>
        <translation>Aucun message envoyé en %1 jours</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="388" />
        <source>%1 plan: %2</source>
        <translation>Forfait %1 : %2</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="393" />
        <source>of %1 on the %2 plan</source>
        <translation>sur %1 avec le forfait %2</translation>
    </message>
</context>
<context>
    <name>AnswerBox</name>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="60" />
        <source>Answer</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="64" />
        <source>on</source>
        <translation>par</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="76" />
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="80" />
        <source>Write your answer…</source>
        <translation>Écrivez votre réponse…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="96" />
        <source>Send answer</source>
        <translation>Envoyer la réponse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="107" />
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="108" />
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="109" />
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="110" />
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="111" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="112" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="113" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="114" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="178" />
        <source>Reading the contact…</source>
        <translation>Lecture du contact…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="182" />
        <source>This message is not linked to a contact yet: it is matched after the next sync.</source>
        <translation>Ce message n'est pas encore relié à un contact : il le sera après la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="198" />
        <source>No {channel} service is set up on this computer yet: set one up under File → Workspace settings → Channels.</source>
        <translation>Aucun service {channel} n'est encore configuré sur cet ordinateur : configurez-en un dans Fichier → Paramètres de l’espace → Canaux.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="205" />
        <source>WhatsApp's 24-hour window is open until {time}: you can write freely.</source>
        <translation>La fenêtre de 24 heures de WhatsApp est ouverte jusqu'au {time} : vous pouvez écrire librement.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="210" />
        <source>To {address}</source>
        <translation>À {address}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="217" />
        <source>Outside WhatsApp's 24-hour window only an approved template can be sent: {name} has not written on WhatsApp.</source>
        <translation>Hors de la fenêtre de 24 heures de WhatsApp, seul un modèle approuvé peut être envoyé : {name} n'a pas écrit sur WhatsApp.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="222" />
        <source>Outside WhatsApp's 24-hour window only an approved template can be sent: {name} last wrote on WhatsApp on {when}.</source>
        <translation>Hors de la fenêtre de 24 heures de WhatsApp, seul un modèle approuvé peut être envoyé : {name} a écrit sur WhatsApp pour la dernière fois le {when}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="229" />
        <source>{name} opted out of {channel}: answer on another channel.</source>
        <translation>{name} s'est désinscrit(e) des messages {channel} : répondez sur un autre canal.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="231" />
        <source>{name} is not on WhatsApp: answer by SMS instead.</source>
        <translation>{name} n'est pas sur WhatsApp : répondez plutôt par SMS.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="234" />
        <source>{name} has no {channel} address: add one with Edit… in the CRM, or answer on another channel.</source>
        <translation>{name} n'a pas d'adresse {channel} : ajoutez-en une avec Modifier… dans le CRM, ou répondez sur un autre canal.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="256" />
        <source>{segments} SMS · {units} characters</source>
        <translation>{segments} SMS · {units} caractères</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="270" />
        <source>Answer to {name}</source>
        <translation>Réponse à {name}</translation>
    </message>
</context>
<context>
    <name>AnswerTemplatePicker</name>
    <message>
        <location filename="../../localpro_desktop/ui/replies/answer.py" line="316" />
        <source>Choose an approved template…</source>
        <translation>Choisissez un modèle approuvé…</translation>
    </message>
</context>
<context>
    <name>AppStatusBar</name>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="107" />
        <source>Sending {done} of {total}…</source>
        <translation>Envoi {done} sur {total}…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="112" />
        <source>Your campaigns go out in the background; you can keep working.</source>
        <translation>Vos campagnes partent en arrière-plan ; vous pouvez continuer à travailler.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="146" />
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="149" />
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="152" />
        <source>Everything works offline; changes sync when a connection appears.</source>
        <translation>Tout fonctionne hors ligne ; les modifications se synchronisent dès qu’une connexion est disponible.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="174" />
        <source>{plan} · messages {used} / {limit} · prospects {pused} / {plimit}</source>
        <translation>{plan} · messages {used} / {limit} · prospects {pused} / {plimit}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="182" />
        <source>AI {tokens} tokens</source>
        <translation>IA {tokens} jetons</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="185" />
        <source>Monthly usage; resets on {date}</source>
        <translation>Consommation du mois ; remise à zéro le {date}</translation>
    </message>
</context>
<context>
    <name>AskField</name>
    <message>
        <location filename="../../localpro_desktop/ui/ask_field.py" line="27" />
        <source>Ask in words…</source>
        <translation>Demander en mots…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/ask_field.py" line="34" />
        <source>Say which ones you want, e.g. “{example}”: the assistant turns it into filters, shown to you before anything is applied.</source>
        <translation>Dites lesquels vous voulez, p. ex. « {example} » : l'assistant en fait des filtres, qui vous sont montrés avant toute application.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/ask_field.py" line="39" />
        <location filename="../../localpro_desktop/ui/ask_field.py" line="70" />
        <source>Ask</source>
        <translation>Demander</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/ask_field.py" line="70" />
        <source>Asking…</source>
        <translation>Demande…</translation>
    </message>
</context>
<context>
    <name>AssistantMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="424" />
        <source>OpenAI API key</source>
        <translation>Clé d’API OpenAI</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="425" />
        <source>The assistant needs an OpenAI API key: add yours in Settings → Assistant (or with `localpro ai key --from-stdin`), or point it at a local server such as Ollama (base URL http://localhost:11434/v1) to use it with no internet.</source>
        <translation>L’assistant a besoin d’une clé d’API OpenAI : ajoutez la vôtre dans Réglages → Assistant (ou avec `localpro ai key --from-stdin`), ou indiquez un serveur local comme Ollama (adresse http://localhost:11434/v1) pour l’utiliser sans internet.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="426" />
        <source>The AI server refused the API key (HTTP 401). Check the key in Settings → Assistant; with OPENAI_API_KEY set, that variable's key is the one used.</source>
        <translation>Le serveur d’IA a refusé la clé d’API (HTTP 401). Vérifiez la clé dans Réglages → Assistant ; si OPENAI_API_KEY est définie, c’est la clé de cette variable qui est utilisée.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="427" />
        <source>The OpenAI account has no credit left (insufficient_quota): add credit or a payment method at platform.openai.com, or use a local server. Nothing was retried.</source>
        <translation>Le compte OpenAI n’a plus de crédit (insufficient_quota) : ajoutez du crédit ou un moyen de paiement sur platform.openai.com, ou utilisez un serveur local. Rien n’a été renvoyé.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="428" />
        <source>The AI server is busy (too many requests); try again in a minute.</source>
        <translation>Le serveur d’IA est saturé (trop de demandes) ; réessayez dans une minute.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="429" />
        <source>The AI server has no model {model!r}. Choose another in Settings → Assistant (e.g. gpt-4o-mini, or a model your local server has pulled).</source>
        <translation>Le serveur d’IA n’a pas de modèle {model!r}. Choisissez-en un autre dans Réglages → Assistant (p. ex. gpt-4o-mini, ou un modèle téléchargé sur votre serveur local).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="430" />
        <source>The AI server could not be reached ({where}). Your message is kept: send it again when the connection is back, or use a local server.</source>
        <translation>Le serveur d’IA est injoignable ({where}). Votre message est conservé : renvoyez-le au retour de la connexion, ou utilisez un serveur local.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="431" />
        <source>The AI server failed (HTTP {status}); try again later.</source>
        <translation>Le serveur d’IA a échoué (HTTP {status}) ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="432" />
        <source>The AI server refused the request: {detail}</source>
        <translation>Le serveur d’IA a refusé la demande : {detail}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="433" />
        <source>The AI's answer could not be used: {detail}</source>
        <translation>La réponse de l’IA est inutilisable : {detail}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="434" />
        <source>This month's AI budget is used up: {used} of the {cap} tokens you allowed. Raise the cap in Settings → Assistant, or wait until {resets}.</source>
        <translation>Le budget d’IA du mois est épuisé : {used} des {cap} jetons autorisés. Relevez le plafond dans Réglages → Assistant, ou attendez le {resets}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="435" />
        <source>The monthly token cap must be a whole number above 0 (not {value!r}).</source>
        <translation>Le plafond mensuel de jetons doit être un nombre entier supérieur à 0 (et non {value!r}).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="436" />
        <source>{url!r} is not a web address: it must start with http:// or https://.</source>
        <translation>{url!r} n’est pas une adresse web : elle doit commencer par http:// ou https://.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="437" />
        <source>Give the model's name, e.g. gpt-4o-mini.</source>
        <translation>Indiquez le nom du modèle, p. ex. gpt-4o-mini.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="438" />
        <source>Type a question first.</source>
        <translation>Saisissez d’abord une question.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="439" />
        <source>Unknown mode {value!r}: use general, campaign or prospects.</source>
        <translation>Mode inconnu {value!r} : utilisez general, campaign ou prospects.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="440" />
        <source>No conversation with id {ident!r}.</source>
        <translation>Aucune conversation avec l’identifiant {ident!r}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="441" />
        <source>Campaign optimisation is about one campaign: choose it (--campaign ID).</source>
        <translation>L’optimisation de campagne porte sur une campagne : choisissez-la (--campaign ID).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="442" />
        <source>General help</source>
        <translation>Aide générale</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="443" />
        <source>Campaign optimisation</source>
        <translation>Optimisation de campagne</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="444" />
        <source>Prospect strategy</source>
        <translation>Stratégie de prospection</translation>
    </message>
</context>
<context>
    <name>AssistantSettingsDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="51" />
        <source>{n} tokens this month</source>
        <translation>{n} jetons ce mois-ci</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="54" />
        <source>cap {cap}</source>
        <translation>plafond {cap}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="56" />
        <source>no cap</source>
        <translation>sans plafond</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="69" />
        <source>Assistant settings</source>
        <translation>Réglages de l’assistant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="74" />
        <source>The assistant uses OpenAI (gpt-4o-mini by default) with your own API key, or any OpenAI-compatible server. A server on this laptop, such as Ollama, needs no key and works with no internet.</source>
        <translation>L’assistant utilise OpenAI (gpt-4o-mini par défaut) avec votre propre clé d’API, ou tout serveur compatible OpenAI. Un serveur sur cet ordinateur, comme Ollama, n’a pas besoin de clé et fonctionne sans internet.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="84" />
        <source>Forget the key</source>
        <translation>Oublier la clé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="89" />
        <source>API key</source>
        <translation>Clé d’API</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="92" />
        <source>Paste a new key (sk-…) to save it</source>
        <translation>Collez une nouvelle clé (sk-…) pour l’enregistrer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="97" />
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="100" />
        <source>Empty: OpenAI itself</source>
        <translation>Vide : OpenAI</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="102" />
        <source>Server (base URL)</source>
        <translation>Serveur (adresse de base)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="106" />
        <source>Empty: no cap</source>
        <translation>Vide : pas de plafond</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="107" />
        <source>Monthly token cap</source>
        <translation>Plafond mensuel de jetons</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="109" />
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="147" />
        <source>OPENAI_API_KEY is set: that variable's key is used.</source>
        <translation>OPENAI_API_KEY est définie : c’est la clé de cette variable qui est utilisée.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="149" />
        <source>A key is saved in this computer's keyring.</source>
        <translation>Une clé est enregistrée dans le trousseau de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="151" />
        <source>No key saved.</source>
        <translation>Aucune clé enregistrée.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="157" />
        <source>Set by LOCALPRO_AI_MODEL, which wins over this setting.</source>
        <translation>Défini par LOCALPRO_AI_MODEL, qui l’emporte sur ce réglage.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="159" />
        <source>gpt-4o-mini by default; with a local server, one it has (e.g. llama3.2).</source>
        <translation>gpt-4o-mini par défaut ; avec un serveur local, un modèle qu’il possède (p. ex. llama3.2).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="166" />
        <source>Set by OPENAI_BASE_URL, which wins over this setting.</source>
        <translation>Défini par OPENAI_BASE_URL, qui l’emporte sur ce réglage.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/settings_dialog.py" line="169" />
        <source>No internet? Install Ollama, run `ollama pull llama3.2`, then use {url} with the model llama3.2 (no key needed).</source>
        <translation>Pas d’internet ? Installez Ollama, lancez `ollama pull llama3.2`, puis utilisez {url} avec le modèle llama3.2 (sans clé).</translation>
    </message>
</context>
<context>
    <name>AssistantTab</name>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="110" />
        <source>Loading the assistant…</source>
        <translation>Chargement de l’assistant…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="115" />
        <source>Set up the assistant</source>
        <translation>Configurer l’assistant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="117" />
        <source>The assistant needs an OpenAI API key (yours, from platform.openai.com), or a server on this laptop that works with no internet: install Ollama, run `ollama pull llama3.2`, then set the server {url} and the model llama3.2 (no key needed).</source>
        <translation>L’assistant a besoin d’une clé d’API OpenAI (la vôtre, sur platform.openai.com), ou d’un serveur sur cet ordinateur qui fonctionne sans internet : installez Ollama, lancez `ollama pull llama3.2`, puis indiquez le serveur {url} et le modèle llama3.2 (sans clé).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="122" />
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="152" />
        <source>Assistant settings…</source>
        <translation>Réglages de l’assistant…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="146" />
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="153" />
        <source>API key, model, server and monthly cap</source>
        <translation>Clé d’API, modèle, serveur et plafond mensuel</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="163" />
        <source>New conversation</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="175" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="176" />
        <source>Delete this conversation</source>
        <translation>Supprimer cette conversation</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="192" />
        <source>Ask about using LocalPro, how to make a campaign get answers, or which sectors and cities to prospect next. Answers come in your language.</source>
        <translation>Demandez comment utiliser LocalPro, comment faire répondre une campagne, ou quels secteurs et villes prospecter ensuite. Les réponses viennent dans votre langue.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="286" />
        <source>Type a question first.</source>
        <translation>Saisissez d’abord une question.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="292" />
        <source>Choose the campaign to optimise first.</source>
        <translation>Choisissez d’abord la campagne à optimiser.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="337" />
        <source>Delete the conversation</source>
        <translation>Supprimer la conversation</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="338" />
        <source>Delete this conversation on every computer of the workspace?</source>
        <translation>Supprimer cette conversation sur tous les ordinateurs de l’espace de travail ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="375" />
        <source>The assistant could not be loaded: {error}</source>
        <translation>L’assistant n’a pas pu être chargé : {error}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="448" />
        <source>Stopped. What the assistant wrote so far is kept.</source>
        <translation>Arrêté. Ce que l’assistant a écrit jusque-là est conservé.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/tab.py" line="461" />
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
</context>
<context>
    <name>AttachmentPicker</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/attachment_picker.py" line="69" />
        <location filename="../../localpro_desktop/ui/campaigns/attachment_picker.py" line="142" />
        <source>Attach…</source>
        <translation>Joindre…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/attachment_picker.py" line="70" />
        <source>Attach an image or a PDF (a price list, a flyer).</source>
        <translation>Joindre une image ou un PDF (une liste de prix, un prospectus).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/attachment_picker.py" line="76" />
        <source>Remove the attachment</source>
        <translation>Retirer la pièce jointe</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/attachment_picker.py" line="90" />
        <source>The attachment {name} is not on this computer: attach it again.</source>
        <translation>La pièce jointe {name} n'est pas sur cet ordinateur : joignez-la de nouveau.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/attachment_picker.py" line="99" />
        <source>Attach an image or a PDF</source>
        <translation>Joindre une image ou un PDF</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/attachment_picker.py" line="101" />
        <source>Images and PDF (*.png *.jpg *.jpeg *.gif *.webp *.pdf)</source>
        <translation>Images et PDF (*.png *.jpg *.jpeg *.gif *.webp *.pdf)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/attachment_picker.py" line="142" />
        <source>Replace…</source>
        <translation>Remplacer…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/attachment_picker.py" line="144" />
        <source>None (optional: an image or a PDF)</source>
        <translation>Aucune (facultatif : une image ou un PDF)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/attachment_picker.py" line="155" />
        <source>{name} — not found on this computer</source>
        <translation>{name} — introuvable sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/attachment_picker.py" line="159" />
        <source>{name} ({size})</source>
        <translation>{name} ({size})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/attachment_picker.py" line="167" />
        <source>{n} bytes</source>
        <translation>{n} octets</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/attachment_picker.py" line="169" />
        <source>{n} KB</source>
        <translation>{n} Ko</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/attachment_picker.py" line="170" />
        <source>{n} MB</source>
        <translation>{n} Mo</translation>
    </message>
</context>
<context>
    <name>AudiencePicker</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="88" />
        <source>Loading segments…</source>
        <translation>Chargement des segments…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="114" />
        <source>Choose a segment…</source>
        <translation>Choisir un segment…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="117" />
        <source>{label} ({n})</source>
        <translation>{label} ({n})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="123" />
        <source>Segment: {name} ({n})</source>
        <translation>Segment : {name} ({n})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="171" />
        <source>Choose who receives the campaign.</source>
        <translation>Choisissez qui reçoit la campagne.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="175" />
        <source>Counting recipients…</source>
        <translation>Comptage des destinataires…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="215" />
        <source>1 without a number</source>
        <translation>1 sans numéro</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="215" />
        <source>{n} without a number</source>
        <translation>{n} sans numéro</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="217" />
        <source>1 without an e-mail</source>
        <translation>1 sans e-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="217" />
        <source>{n} without an e-mail</source>
        <translation>{n} sans e-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="220" />
        <source>1 opted out</source>
        <translation>1 désinscrit</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="220" />
        <source>{n} opted out</source>
        <translation>{n} désinscrits</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="223" />
        <source>1 with an invalid number</source>
        <translation>1 au numéro invalide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="224" />
        <source>{n} with an invalid number</source>
        <translation>{n} aux numéros invalides</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="226" />
        <source>1 with an invalid e-mail</source>
        <translation>1 à l'e-mail invalide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="227" />
        <source>{n} with an invalid e-mail</source>
        <translation>{n} aux e-mails invalides</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="234" />
        <source>1 person will receive it</source>
        <translation>1 personne la recevra</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="236" />
        <source>{n} people will receive it</source>
        <translation>{n} personnes la recevront</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="241" />
        <source>Left out: {reasons}</source>
        <translation>Exclus : {reasons}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="246" />
        <source>nobody left out</source>
        <translation>personne n'est exclu</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="254" />
        <source>no address</source>
        <translation>pas d'adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="255" />
        <source>opted out</source>
        <translation>désinscrit</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="256" />
        <source>invalid address</source>
        <translation>adresse invalide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/audience.py" line="261" />
        <source>and {n} more</source>
        <translation>et {n} autres</translation>
    </message>
</context>
<context>
    <name>BoardArea</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/board_area.py" line="92" />
        <source>Loading the board…</source>
        <translation>Chargement du tableau…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/board_area.py" line="158" />
        <source>Not in this segment</source>
        <translation>Hors de ce segment</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/board_area.py" line="160" />
        <source>No contacts at this stage</source>
        <translation>Aucun contact à cette étape</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/board_area.py" line="169" />
        <source>No contacts yet</source>
        <translation>Pas encore de contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/board_area.py" line="171" />
        <source>Contacts are the people and businesses you work with. Convert a prospect from the Prospects tab, import a file, or add someone by hand.</source>
        <translation>Les contacts sont les personnes et entreprises avec qui vous travaillez. Convertissez un prospect depuis l’onglet Prospects, importez un fichier ou ajoutez quelqu’un à la main.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/board_area.py" line="174" />
        <source>+ Add a contact</source>
        <translation>+ Ajouter un contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/board_area.py" line="184" />
        <source>Filter: {what}. Check the spelling, or clear the filter to see everyone.</source>
        <translation>Filtre : {what}. Vérifiez l’orthographe, ou effacez le filtre pour voir tout le monde.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/board_area.py" line="187" />
        <source>No contact matches this filter</source>
        <translation>Aucun contact ne correspond à ce filtre</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/board_area.py" line="189" />
        <source>Clear the filter</source>
        <translation>Effacer le filtre</translation>
    </message>
</context>
<context>
    <name>BoardColumn</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/column.py" line="298" />
        <source>{count} in this column</source>
        <translation>{count} dans cette colonne</translation>
    </message>
</context>
<context>
    <name>CampaignComposer</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="104" />
        <location filename="../../localpro_desktop/ui/campaigns/composer_bars.py" line="30" />
        <source>New campaign</source>
        <translation>Nouvelle campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="268" />
        <location filename="../../localpro_desktop/ui/campaigns/composer_bars.py" line="48" />
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="103" />
        <source>Selected contacts</source>
        <translation>Contacts sélectionnés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="111" />
        <source>Edit campaign</source>
        <translation>Modifier la campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="109" />
        <source>Current recipients</source>
        <translation>Destinataires actuels</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="162" />
        <source>Edit campaign: {name}</source>
        <translation>Modifier la campagne : {name}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer_checks.py" line="52" />
        <source>Choose who receives the campaign.</source>
        <translation>Choisissez qui reçoit la campagne.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="259" />
        <source>Wait until the recipients are counted.</source>
        <translation>Attendez la fin du comptage des destinataires.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="266" />
        <source>Save and schedule</source>
        <translation>Enregistrer et programmer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer_checks.py" line="26" />
        <source>Give the campaign a name.</source>
        <translation>Donnez un nom à la campagne.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="368" />
        <location filename="../../localpro_desktop/ui/campaigns/composer_checks.py" line="30" />
        <source>Fix the message first: {error}</source>
        <translation>Corrigez d'abord le message : {error}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer_checks.py" line="34" />
        <source>Pick a time in the future, or untick “Send later”.</source>
        <translation>Choisissez une heure à venir, ou décochez « Envoyer plus tard ».</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer_checks.py" line="42" />
        <source>An e-mail needs a subject.</source>
        <translation>Un e-mail a besoin d'un objet.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer_checks.py" line="46" />
        <source>Write the message first.</source>
        <translation>Écrivez d'abord le message.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer_checks.py" line="57" />
        <source>Nobody in this selection can be reached on {channel}.</source>
        <translation>Personne dans cette sélection n'est joignable par {channel}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="302" />
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="387" />
        <source>Discard changes?</source>
        <translation>Abandonner les modifications ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="388" />
        <source>Your changes to this campaign are not saved.</source>
        <translation>Vos modifications de cette campagne ne sont pas enregistrées.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="389" />
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="390" />
        <source>Keep editing</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer_bars.py" line="23" />
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer_bars.py" line="26" />
        <source>Back to the list of campaigns</source>
        <translation>Retour à la liste des campagnes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer_bars.py" line="47" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer_bars.py" line="49" />
        <source>Send now…</source>
        <translation>Envoyer maintenant…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/form.py" line="60" />
        <source>e.g. Tabaski promotion</source>
        <translation>ex. Promotion Tabaski</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/form.py" line="62" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/form.py" line="64" />
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/form.py" line="66" />
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/form.py" line="67" />
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/form.py" line="68" />
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/form.py" line="69" />
        <source>Attachment</source>
        <translation>Pièce jointe</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/form.py" line="70" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/form.py" line="71" />
        <source>When</source>
        <translation>Quand</translation>
    </message>
</context>
<context>
    <name>CampaignDetail</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="111" />
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="112" />
        <source>Change the message, recipients or schedule</source>
        <translation>Changer le message, les destinataires ou la programmation</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="114" />
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="116" />
        <source>Start a new draft with the same channel and message</source>
        <translation>Créer un brouillon avec le même canal et le même message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="119" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="129" />
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="147" />
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="130" />
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="131" />
        <source>Delivered</source>
        <translation>Délivrés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="132" />
        <source>Opened</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="133" />
        <source>Replied</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="134" />
        <source>Failed</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="148" />
        <source>Failures</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="149" />
        <source>To check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="159" />
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="210" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="222" />
        <source>Placeholders such as {{first_name}} are filled for each person.</source>
        <translation>Les champs comme {{first_name}} sont remplis pour chaque personne.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="237" />
        <source>No campaign selected</source>
        <translation>Aucune campagne sélectionnée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="263" />
        <source>Failures ({n})</source>
        <translation>Échecs ({n})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="264" />
        <source>To check ({n})</source>
        <translation>À vérifier ({n})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="269" />
        <source>Messages that may or may not have arrived: check before resending</source>
        <translation>Des messages peut-être arrivés, peut-être pas : vérifiez avant de renvoyer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="285" />
        <source>goes out {when}</source>
        <translation>part le {when}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="287" />
        <source>sent {when}</source>
        <translation>envoyée le {when}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="289" />
        <source>created {when}</source>
        <translation>créée le {when}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="305" />
        <source>not sent yet</source>
        <translation>pas encore envoyée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="307" />
        <source>SMS has no read receipts</source>
        <translation>pas d'accusé de lecture par SMS</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="314" />
        <source>{rate} · {n} opted out</source>
        <translation>{rate} · {n} désinscrits</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="323" />
        <source>{n} queued</source>
        <translation>{n} en file</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="325" />
        <source>none chosen yet</source>
        <translation>aucun choisi</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="326" />
        <source>on {channel}</source>
        <translation>par {channel}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="330" />
        <source>Subject: {subject}</source>
        <translation>Objet : {subject}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="339" />
        <source>All ({n})</source>
        <translation>Tous ({n})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="346" />
        <source>{status} ({n})</source>
        <translation>{status} ({n})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="386" />
        <source>{shown} of {total} loaded · scroll for more</source>
        <translation>{shown} sur {total} chargés · faites défiler pour la suite</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="399" />
        <source>No recipient is “{status}”.</source>
        <translation>Aucun destinataire « {status} ».</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="403" />
        <source>No recipients yet.
Click “Edit…” and choose a segment or contacts.</source>
        <translation>Pas encore de destinataires.
Cliquez sur « Modifier… » et choisissez un segment ou des contacts.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="404" />
        <source>This campaign had no recipients.</source>
        <translation>Cette campagne n'avait aucun destinataire.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="409" />
        <source>The recipients could not be loaded: {error}</source>
        <translation>Impossible de charger les destinataires : {error}</translation>
    </message>
</context>
<context>
    <name>CampaignListModel</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="136" />
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="137" />
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="138" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="139" />
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="140" />
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="141" />
        <source>Delivered</source>
        <translation>Délivrés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="142" />
        <source>Opened</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="143" />
        <source>Replied</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="144" />
        <source>Failed</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="145" />
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="146" />
        <source>Sent / scheduled</source>
        <translation>Envoi / programmée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="151" />
        <source>People the campaign goes to</source>
        <translation>Personnes à qui la campagne est adressée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="152" />
        <source>Recipients who answered the message</source>
        <translation>Destinataires qui ont répondu au message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="153" />
        <source>When it was sent, or when it is scheduled to go</source>
        <translation>Date d'envoi, ou date prévue</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="240" />
        <source>SMS does not report when a message is read.</source>
        <translation>Le SMS n'indique pas quand un message est lu.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="249" />
        <source>{share} of recipients</source>
        <translation>{share} des destinataires</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="251" />
        <source>Scheduled for {when}</source>
        <translation>Programmée pour le {when}</translation>
    </message>
</context>
<context>
    <name>CampaignMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="51" />
        <source>Unknown channel {text!r}: use whatsapp, email or sms.</source>
        <translation>Canal inconnu {text!r} : utilisez whatsapp, email ou sms.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="52" />
        <source>Unknown source {text!r}: use one of {names}.</source>
        <translation>Source inconnue {text!r} : utilisez l'une de celles-ci : {names}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="53" />
        <source>A {current} campaign cannot become {target}; allowed next: {allowed}.</source>
        <translation>Une campagne à l'état « {current} » ne peut pas passer à « {target} » ; états possibles ensuite : {allowed}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="54" />
        <source>none (it is final)</source>
        <translation>aucun (c'est l'état final)</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="55" />
        <source>The message template has an error on line {line}: {detail}. Placeholders look like {example}.</source>
        <translation>Le modèle de message contient une erreur à la ligne {line} : {detail}. Les champs à remplacer s'écrivent ainsi : {example}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="56" />
        <source>The message template cannot be rendered: {detail}</source>
        <translation>Le modèle de message ne peut pas être rempli : {detail}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="57" />
        <source>Give the campaign a name.</source>
        <translation>Donnez un nom à la campagne.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="58" />
        <source>Schedule the campaign for a time in the future.</source>
        <translation>Programmez la campagne à une date et une heure à venir.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="59" />
        <source>This campaign has no recipients: choose a segment or contacts.</source>
        <translation>Cette campagne n'a aucun destinataire : choisissez un segment ou des contacts.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="60" />
        <source>A campaign being sent cannot be deleted; wait for it to finish.</source>
        <translation>Une campagne en cours d'envoi ne peut pas être supprimée ; attendez la fin de l'envoi.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="61" />
        <source>Campaign {name!r} is {status}; only drafts and scheduled campaigns can be changed. Duplicate it to send again.</source>
        <translation>La campagne {name!r} est à l'état « {status} » ; seuls les brouillons et les campagnes programmées peuvent être modifiés. Dupliquez-la pour l'envoyer à nouveau.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="62" />
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="63" />
        <source>scheduled</source>
        <translation>programmée</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="64" />
        <source>sent</source>
        <translation>envoyée</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="65" />
        <source>completed</source>
        <translation>terminée</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="66" />
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="67" />
        <source>No SMS service is set up yet — set one up before sending.</source>
        <translation>Aucun service SMS n'est encore configuré — configurez-en un avant d'envoyer.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="68" />
        <source>No WhatsApp service is set up yet — set one up before sending.</source>
        <translation>Aucun service WhatsApp n'est encore configuré — configurez-en un avant d'envoyer.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="69" />
        <source>No e-mail service is set up yet — set one up before sending.</source>
        <translation>Aucun service e-mail n'est encore configuré — configurez-en un avant d'envoyer.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="70" />
        <source>Sending SMS needs an account with an SMS provider (such as Africa's Talking or Twilio). This version of LocalPro cannot connect one yet; a coming version adds it under File → Workspace settings.</source>
        <translation>Pour envoyer des SMS, il faut un compte chez un fournisseur de SMS (par exemple Africa's Talking ou Twilio). Cette version de LocalPro ne peut pas encore en connecter ; une prochaine version l'ajoute dans Fichier → Paramètres de l’espace.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="71" />
        <source>Sending on WhatsApp needs a WhatsApp Business account (Meta's Cloud API or a provider such as Twilio). This version of LocalPro cannot connect one yet; a coming version adds it under File → Workspace settings.</source>
        <translation>Pour envoyer sur WhatsApp, il faut un compte WhatsApp Business (l'API Cloud de Meta ou un fournisseur comme Twilio). Cette version de LocalPro ne peut pas encore en connecter ; une prochaine version l'ajoute dans Fichier → Paramètres de l’espace.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="72" />
        <source>Sending e-mail needs a mail account LocalPro may send from (an SMTP server or a provider such as Brevo). This version of LocalPro cannot connect one yet; a coming version adds it under File → Workspace settings.</source>
        <translation>Pour envoyer des e-mails, il faut un compte de messagerie depuis lequel LocalPro peut envoyer (un serveur SMTP ou un fournisseur comme Brevo). Cette version de LocalPro ne peut pas encore en connecter ; une prochaine version l'ajoute dans Fichier → Paramètres de l’espace.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="73" />
        <source>Nothing was queued and nothing counts against your plan.</source>
        <translation>Rien n'a été mis en file d'attente et rien n'est décompté de votre forfait.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="74" />
        <source>monthly message limit reached</source>
        <translation>limite mensuelle de messages atteinte</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="75" />
        <source>the campaign was cancelled</source>
        <translation>la campagne a été annulée</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="76" />
        <source>no address</source>
        <translation>pas d'adresse</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="77" />
        <source>invalid address</source>
        <translation>adresse invalide</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="78" />
        <source>opted out</source>
        <translation>désinscrit</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="79" />
        <source>not on WhatsApp</source>
        <translation>pas sur WhatsApp</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="80" />
        <source>not resent: it may have left; check with the person</source>
        <translation>non renvoyé : il est peut-être parti ; vérifiez auprès de la personne</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="81" />
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="82" />
        <source>The template variable {text!r} should look like NAME=FIELD (for example 1=first_name, or 1=first_name|friend with a fallback); FIELD is one of {fields}.</source>
        <translation>La variable de modèle {text!r} doit avoir la forme NOM=CHAMP (par exemple 1=first_name, ou 1=first_name|ami avec une valeur de repli) ; CHAMP est l'un de {fields}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="83" />
        <source>The template variable {text!r} uses {field!r}, which is not a contact field: use one of {fields}.</source>
        <translation>La variable de modèle {text!r} utilise {field!r}, qui n'est pas un champ de contact : utilisez l'un de {fields}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="84" />
        <source>The template variable {name!r} is given twice.</source>
        <translation>La variable de modèle {name!r} est donnée deux fois.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="85" />
        <source>Give the WhatsApp template's language as the template was approved (for example fr or en_US).</source>
        <translation>Indiquez la langue du modèle WhatsApp telle qu'il a été approuvé (par exemple fr ou en_US).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="86" />
        <source>Only WhatsApp campaigns are sent with an approved template.</source>
        <translation>Seules les campagnes WhatsApp sont envoyées avec un modèle approuvé.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="87" />
        <source>Write the message, or choose an approved WhatsApp template.</source>
        <translation>Écrivez le message, ou choisissez un modèle WhatsApp approuvé.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="88" />
        <source>Only e-mail campaigns can carry an attachment.</source>
        <translation>Seules les campagnes e-mail peuvent avoir une pièce jointe.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="89" />
        <source>The attachment {path} does not exist or is not a file.</source>
        <translation>La pièce jointe {path} n'existe pas ou n'est pas un fichier.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="90" />
        <source>The attachment {name} is not an image or a PDF: attach a PNG, JPEG, GIF or WebP image, or a PDF.</source>
        <translation>La pièce jointe {name} n'est ni une image ni un PDF : joignez une image PNG, JPEG, GIF ou WebP, ou un PDF.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="91" />
        <source>The attachment {name} is {size} MB; an attachment may be at most {limit} MB.</source>
        <translation>La pièce jointe {name} fait {size} Mo ; une pièce jointe ne peut pas dépasser {limit} Mo.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="92" />
        <source>The campaign's attachment {path} is not on this computer: copy it to the same place first, or let the computer that has it send the campaign.</source>
        <translation>La pièce jointe de la campagne, {path}, n'est pas sur cet ordinateur : copiez-la d'abord au même endroit, ou laissez l'ordinateur qui l'a envoyer la campagne.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="93" />
        <source>Only a campaign being sent can be paused; {name!r} is {status}.</source>
        <translation>Seule une campagne en cours d'envoi peut être mise en pause ; {name!r} est {status}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="94" />
        <source>{name!r} is already paused.</source>
        <translation>{name!r} est déjà en pause.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="95" />
        <source>{name!r} is not paused.</source>
        <translation>{name!r} n'est pas en pause.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="96" />
        <source>Only a scheduled campaign or one being sent can be cancelled; {name!r} is {status}.</source>
        <translation>Seule une campagne programmée ou en cours d'envoi peut être annulée ; {name!r} est {status}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="97" />
        <source>{name!r} was already cancelled.</source>
        <translation>{name!r} a déjà été annulée.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="98" />
        <source>Only a campaign being sent can be taken over; {name!r} is {status}.</source>
        <translation>Seule une campagne en cours d'envoi peut être reprise ; {name!r} est {status}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="99" />
        <source>{name!r} is already being sent from this computer.</source>
        <translation>{name!r} est déjà envoyée depuis cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="100" />
        <source>Another computer is sending this campaign. If this computer takes over, it sends the {count} messages still waiting. The other computer may have sent some of them after it last synced: those people would get the message twice.</source>
        <translation>Un autre ordinateur envoie cette campagne. Si cet ordinateur prend le relais, il envoie les {count} messages encore en attente. L'autre ordinateur en a peut-être envoyé certains depuis sa dernière synchronisation : ces personnes recevraient le message deux fois.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="101" />
        <source>Taking over needs a confirmation and standard input is not a terminal, so nothing was asked and nothing changed: run it again with --yes.</source>
        <translation>Prendre le relais demande une confirmation et l'entrée standard n'est pas un terminal : rien n'a été demandé et rien n'a changé. Relancez la commande avec --yes.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="102" />
        <source>Nothing changed: the other computer keeps sending.</source>
        <translation>Rien n'a changé : l'autre ordinateur continue l'envoi.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="103" />
        <source>Send at least one message now (the number after --at-most).</source>
        <translation>Envoyez au moins un message maintenant (le nombre après --at-most).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="104" />
        <source>Only {allowed} of the {total} messages can go this month on your plan (it resets on {reset}). Send those now and skip the rest with --at-most {allowed}, or wait for the reset.</source>
        <translation>Seuls {allowed} des {total} messages peuvent partir ce mois-ci avec votre forfait (il se renouvelle le {reset}). Envoyez ceux-là maintenant et laissez les autres avec --at-most {allowed}, ou attendez le renouvellement.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="105" />
        <source>{name} (follow-up)</source>
        <translation>{name} (suite)</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="106" />
        <source>Unknown follow-up reason {text!r}: use limit or not_on_whatsapp.</source>
        <translation>Motif de relance inconnu {text!r} : utilisez limit ou not_on_whatsapp.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="107" />
        <source>Nobody in {name!r} was left out for that reason.</source>
        <translation>Personne n'a été laissé de côté dans {name!r} pour ce motif.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="108" />
        <source>Only SMS messages are counted in GSM-7 characters.</source>
        <translation>Seuls les SMS sont comptés en caractères GSM-7.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="109" />
        <source>Cannot read the time {text!r}: use ISO 8601, for example 2026-06-15T09:00 (in the workspace's time zone) or 2026-06-15T09:00+00:00.</source>
        <translation>Impossible de lire l'heure {text!r} : utilisez le format ISO 8601, par exemple 2026-06-15T09:00 (dans le fuseau horaire de l'espace de travail) ou 2026-06-15T09:00+00:00.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="110" />
        <source>Cannot read the message file {path}: {detail}</source>
        <translation>Impossible de lire le fichier du message {path} : {detail}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="111" />
        <source>--language and --var go with --template NAME.</source>
        <translation>--language et --var s'utilisent avec --template NOM.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="112" />
        <source>Created campaign {name!r} ({id}) on {channel}; recipients: {recipients}.</source>
        <translation>Campagne {name!r} ({id}) créée sur {channel} ; destinataires : {recipients}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="113" />
        <source>It is scheduled for {when} (workspace time).</source>
        <translation>Elle est programmée pour le {when} (heure de l'espace de travail).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="114" />
        <source>Left out: {details}.</source>
        <translation>Laissés de côté : {details}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="115" />
        <source>Messages queued for {name!r} on {channel}: {queued}. This computer sends them (localpro dispatch, or the app).</source>
        <translation>Messages mis en file d'attente pour {name!r} sur {channel} : {queued}. Cet ordinateur les envoie (localpro dispatch, ou l'application).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="116" />
        <source>{count} left for later (monthly message limit reached): a follow-up draft can send them after the reset.</source>
        <translation>{count} laissés pour plus tard (limite mensuelle de messages atteinte) : un brouillon de relance pourra les envoyer après le renouvellement.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="117" />
        <source>SMS parts: {parts}.</source>
        <translation>Parties de SMS : {parts}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="118" />
        <source>The characters {chars} make some SMS Unicode (70 characters a part): with GSM-7 look-alikes it would be {replaced} parts instead of {parts}.</source>
        <translation>Les caractères {chars} font passer certains SMS en Unicode (70 caractères par partie) : avec des équivalents GSM-7, il faudrait {replaced} parties au lieu de {parts}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="119" />
        <source>Estimated cost: {cost} {currency}.</source>
        <translation>Coût estimé : {cost} {currency}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="120" />
        <source>No price is set for this channel, so the cost is not estimated.</source>
        <translation>Aucun prix n'est défini pour ce canal : le coût n'est pas estimé.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="121" />
        <source>Take over sending on this computer? [y/N] </source>
        <translation>Reprendre l'envoi sur cet ordinateur ? [o/N] </translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="122" />
        <source>This computer now sends {name!r}.</source>
        <translation>Cet ordinateur envoie désormais {name!r}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="123" />
        <source>Paused {name!r}: no more of its messages leave until it is resumed.</source>
        <translation>{name!r} est en pause : plus aucun de ses messages ne part jusqu'à la reprise.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="124" />
        <source>Resumed {name!r}.</source>
        <translation>{name!r} a repris.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="125" />
        <source>Cancelled {name!r}: sent messages stay sent, the others are skipped.</source>
        <translation>{name!r} est annulée : les messages envoyés le restent, les autres ne partiront pas.</translation>
    </message>
</context>
<context>
    <name>CampaignProgress</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="168" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="170" />
        <source>Stop sending for now; the messages not sent yet wait until you resume</source>
        <translation>Arrêter l’envoi pour l’instant ; les messages pas encore envoyés attendent la reprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="173" />
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="174" />
        <source>Send the messages that are still waiting</source>
        <translation>Envoyer les messages qui attendent encore</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="176" />
        <source>Cancel sending…</source>
        <translation>Annuler l’envoi…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="178" />
        <source>Messages already sent stay sent; the others are skipped</source>
        <translation>Les messages déjà envoyés le restent ; les autres sont abandonnés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="305" />
        <source>The sending progress could not be read: {error}</source>
        <translation>La progression de l’envoi n’a pas pu être lue : {error}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="317" />
        <source>1 of {total} sent</source>
        <translation>{n} sur {total} envoyé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="317" />
        <source>{n} of {total} sent</source>
        <translation>{n} sur {total} envoyés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="342" />
        <source>{n} waiting</source>
        <translation>{n} en attente</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="344" />
        <source>1 failed</source>
        <translation>{n} échoué</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="344" />
        <source>{n} failed</source>
        <translation>{n} échoués</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="347" />
        <source>{n} to check</source>
        <translation>{n} à vérifier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="349" />
        <source>1 skipped</source>
        <translation>{n} abandonné</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="349" />
        <source>{n} skipped</source>
        <translation>{n} abandonnés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="356" />
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="358" />
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="360" />
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="362" />
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="364" />
        <source>Sending from another computer</source>
        <translation>Envoyée depuis un autre ordinateur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="366" />
        <source>Stopped</source>
        <translation>Arrêtée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="368" />
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="370" />
        <source>Waiting for you</source>
        <translation>Attend votre décision</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="371" />
        <source>Sent</source>
        <translation>Envoyée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress.py" line="385" />
        <source>Sending by {channel} stopped: {problem} Fix it in Settings → Channels; the messages wait until then and none is counted as failed.</source>
        <translation>L’envoi par {channel} est arrêté : {problem} Corrigez-le dans Paramètres → Canaux ; d’ici là les messages attendent et aucun n’est compté comme échoué.</translation>
    </message>
</context>
<context>
    <name>CampaignStates</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="260" />
        <source>No {channel} service is set up yet: 1 message waits until one is.</source>
        <translation>Aucun service {channel} n'est encore configuré : 1 message attend qu'il le soit.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="263" />
        <source>No {channel} service is set up yet: {n} messages wait until one is.</source>
        <translation>Aucun service {channel} n'est encore configuré : {n} messages attendent qu'il le soit.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="267" />
        <source>1 message waits in the outbox; no provider has accepted it yet.</source>
        <translation>1 message attend dans la boîte d'envoi ; aucun fournisseur ne l'a encore accepté.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="270" />
        <source>{n} messages wait in the outbox; no provider has accepted one yet.</source>
        <translation>{n} messages attendent dans la boîte d'envoi ; aucun fournisseur n'en a encore accepté.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/widgets.py" line="75" />
        <source>Waiting to send</source>
        <translation>En attente d'envoi</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/widgets.py" line="77" />
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="111" />
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="118" />
        <source>New campaign</source>
        <translation>Nouvelle campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="121" />
        <source>Write a message for a segment on WhatsApp, e-mail or SMS</source>
        <translation>Écrire un message pour un segment par WhatsApp, e-mail ou SMS</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="130" />
        <source>Loading campaigns…</source>
        <translation>Chargement des campagnes…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="176" />
        <source>No campaigns yet</source>
        <translation>Pas encore de campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="180" />
        <source>Write a message once and send it to a whole segment on WhatsApp, e-mail or SMS. Everyone receives it with their own name, and you follow who received, read and answered it here.</source>
        <translation>Écrivez un message une fois et envoyez-le à tout un segment par WhatsApp, e-mail ou SMS. Chacun le reçoit à son nom, et vous suivez ici qui l'a reçu, lu et y a répondu.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="193" />
        <source>Create your first campaign</source>
        <translation>Créer votre première campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="260" />
        <source>A sent campaign cannot be changed; duplicate it to send it again.</source>
        <translation>Une campagne envoyée ne peut plus être modifiée ; dupliquez-la pour l'envoyer à nouveau.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="273" />
        <source>{name} (copy)</source>
        <translation>{name} (copie)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="288" />
        <source>Delete campaign</source>
        <translation>Supprimer la campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="289" />
        <source>Delete “{name}”? Its results are deleted with it.</source>
        <translation>Supprimer « {name} » ? Ses résultats seront supprimés avec elle.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="290" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="291" />
        <source>Keep it</source>
        <translation>La garder</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="313" />
        <source>Discard changes?</source>
        <translation>Abandonner les modifications ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="314" />
        <source>The campaign you are writing is not saved. Discard it?</source>
        <translation>La campagne en cours de rédaction n'est pas enregistrée. L'abandonner ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="315" />
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="316" />
        <source>Keep editing</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="375" />
        <source>The campaigns could not be loaded: {error}</source>
        <translation>Impossible de charger les campagnes : {error}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="383" />
        <source>1 campaign</source>
        <translation>1 campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="383" />
        <source>{n} campaigns</source>
        <translation>{n} campagnes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="387" />
        <source>1 not sent yet</source>
        <translation>1 pas encore envoyée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="387" />
        <source>{n} not sent yet</source>
        <translation>{n} pas encore envoyées</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="441" />
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="442" />
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="444" />
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="451" />
        <source>“{name}” is scheduled for {when}.</source>
        <translation>« {name} » est programmée pour le {when}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="455" />
        <source>“{name}” is saved as a draft.</source>
        <translation>« {name} » est enregistrée comme brouillon.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="462" />
        <source>“{name}” is on its way: 1 message is queued and goes out as soon as a connection is available.</source>
        <translation>« {name} » est en route : 1 message est en file et part dès qu'une connexion est disponible.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="467" />
        <source>“{name}” is on its way: {n} messages are queued and go out as soon as a connection is available.</source>
        <translation>« {name} » est en route : {n} messages sont en file et partent dès qu'une connexion est disponible.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="498" />
        <source>“{name}” was deleted.</source>
        <translation>« {name} » a été supprimée.</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="227" />
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="232" />
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="266" />
        <source>{n} months ago</source>
        <translation>il y a {n} mois</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="230" />
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="260" />
        <source>{n} days ago</source>
        <translation>il y a {n} jours</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="231" />
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="263" />
        <source>{n} weeks ago</source>
        <translation>il y a {n} semaines</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="233" />
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="270" />
        <source>{n} years ago</source>
        <translation>il y a {n} ans</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="234" />
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="258" />
        <source>yesterday</source>
        <translation>hier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="235" />
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="249" />
        <source>no activity yet</source>
        <translation>aucune activité</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="249" />
        <source>no activity</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="256" />
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="260" />
        <source>{n} d</source>
        <translation>{n} j</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="263" />
        <source>{n} wk</source>
        <translation>{n} sem.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="266" />
        <source>{n} mo</source>
        <translation>{n} mois</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="269" />
        <source>1 yr</source>
        <translation>1 an</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="269" />
        <source>a year ago</source>
        <translation>il y a un an</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="270" />
        <source>{n} yr</source>
        <translation>{n} ans</translation>
    </message>
</context>
<context>
    <name>CardMenu</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/menu.py" line="41" />
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/menu.py" line="42" />
        <source>Move to</source>
        <translation>Déplacer vers</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/menu.py" line="49" />
        <source>Add a note…</source>
        <translation>Ajouter une note…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/menu.py" line="50" />
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
</context>
<context>
    <name>CardModel</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/model.py" line="202" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/model.py" line="209" />
        <source>Last activity: {when}</source>
        <translation>Dernière activité : {when}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/model.py" line="215" />
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/model.py" line="217" />
        <source>{value} (not valid)</source>
        <translation>{value} (non valide)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/model.py" line="219" />
        <source>{value} (opted out)</source>
        <translation>{value} (désinscrit)</translation>
    </message>
</context>
<context>
    <name>ChannelFigures</name>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/channel_figures.py" line="40" />
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/channel_figures.py" line="40" />
        <source>Messages sent in the period.</source>
        <translation>Messages envoyés pendant la période.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/channel_figures.py" line="42" />
        <source>Delivered</source>
        <translation>Remis</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/channel_figures.py" line="43" />
        <source>Of those, delivered (a later receipt or a reply proves it too).</source>
        <translation>Parmi eux, ceux remis (un accusé ultérieur ou une réponse le prouve aussi).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/channel_figures.py" line="46" />
        <source>Opened</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/channel_figures.py" line="47" />
        <source>Of those, read or opened (SMS has no read receipts).</source>
        <translation>Parmi eux, ceux lus ou ouverts (les SMS n’ont pas d’accusé de lecture).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/channel_figures.py" line="49" />
        <source>Replied</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/channel_figures.py" line="49" />
        <source>Of those, answered by the person.</source>
        <translation>Parmi eux, ceux auxquels la personne a répondu.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/channel_figures.py" line="51" />
        <source>Response rate</source>
        <translation>Taux de réponse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/channel_figures.py" line="52" />
        <source>Replies over messages sent (receipts are not replies).</source>
        <translation>Réponses rapportées aux messages envoyés (un accusé n’est pas une réponse).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/channel_figures.py" line="55" />
        <source>Opt-outs</source>
        <translation>Désinscriptions</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/channel_figures.py" line="57" />
        <source>People who asked for no more messages on this channel in the period (STOP, an unsubscribe link), and have not opted back in.</source>
        <translation>Personnes qui ont demandé à ne plus recevoir de messages sur ce canal pendant la période (STOP, lien de désinscription) et ne se sont pas réinscrites.</translation>
    </message>
</context>
<context>
    <name>ChannelForm</name>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="153" />
        <source>Save {channel} settings</source>
        <translation>Enregistrer les réglages {channel}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="171" />
        <source>Stored — leave empty to keep the stored one</source>
        <translation>Enregistré — laissez vide pour garder celui enregistré</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="172" />
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form_checks.py" line="57" />
        <source>Check that it works</source>
        <translation>Vérifier que ça marche</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form_checks.py" line="61" />
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form_checks.py" line="63" />
        <source>Connect to the provider with these settings, without sending anything.</source>
        <translation>Se connecter au fournisseur avec ces réglages, sans rien envoyer.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form_checks.py" line="71" />
        <source>Send a test to</source>
        <translation>Envoyer un test à</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form_checks.py" line="78" />
        <source>Send test</source>
        <translation>Envoyer le test</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form_checks.py" line="80" />
        <source>Send one real message to this address, as your campaigns will go out.</source>
        <translation>Envoyer un vrai message à cette adresse, comme partiront vos campagnes.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="197" />
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="199" />
        <source>Forget these settings and the stored password or key.</source>
        <translation>Oublier ces réglages et le mot de passe ou la clé enregistrés.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="204" />
        <source>Undo changes</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="246" />
        <source>Set up</source>
        <translation>Configuré</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="249" />
        <source>Not set up</source>
        <translation>Non configuré</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="259" />
        <source>Sending on {channel} stopped: {problem} Its messages wait, none is lost: fix the settings and save, and they go out.</source>
        <translation>L'envoi par {channel} est arrêté : {problem} Ses messages attendent, aucun n'est perdu : corrigez les réglages et enregistrez, et ils partent.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="285" />
        <source>Enter the password or key.</source>
        <translation>Saisissez le mot de passe ou la clé.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="292" />
        <source>The price is a number, such as 25 or 2.5.</source>
        <translation>Le prix est un nombre, par exemple 25 ou 2,5.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="329" />
        <source>Fill in the settings first.</source>
        <translation>Remplissez d'abord les réglages.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="367" />
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="389" />
        <source>{channel} settings saved.</source>
        <translation>Réglages {channel} enregistrés.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="406" />
        <source>Remove the {channel} settings?</source>
        <translation>Supprimer les réglages {channel} ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="408" />
        <source>LocalPro forgets these settings and the stored password or key. Campaigns waiting to go out on {channel} stay queued until it is set up again.</source>
        <translation>LocalPro oublie ces réglages et le mot de passe ou la clé enregistrés. Les campagnes en attente d'envoi par {channel} restent en file jusqu'à ce qu'il soit de nouveau configuré.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="411" />
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="412" />
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="416" />
        <source>Removing…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="421" />
        <source>{channel} settings removed.</source>
        <translation>Réglages {channel} supprimés.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form_checks.py" line="102" />
        <source>Connecting to the provider…</source>
        <translation>Connexion au fournisseur…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form_checks.py" line="107" />
        <source>The connection works.</source>
        <translation>La connexion fonctionne.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form_checks.py" line="137" />
        <source>Sending a test to {to}…</source>
        <translation>Envoi d'un test à {to}…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form_checks.py" line="142" />
        <source>Test sent to {to}. Check that it arrived.</source>
        <translation>Test envoyé à {to}. Vérifiez qu'il est bien arrivé.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form_checks.py" line="146" />
        <source>Provider's reference: {id}</source>
        <translation>Référence du fournisseur : {id}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form.py" line="443" />
        <source>Type where the test should go.</source>
        <translation>Indiquez où envoyer le test.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/form_checks.py" line="163" />
        <source>It did not work: {reason}</source>
        <translation>Cela n'a pas marché : {reason}</translation>
    </message>
</context>
<context>
    <name>ChannelMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="267" />
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="268" />
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="269" />
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="270" />
        <source>SMTP password</source>
        <translation>mot de passe SMTP</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="271" />
        <source>Africa's Talking API key</source>
        <translation>clé d'API Africa's Talking</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="272" />
        <source>Twilio auth token</source>
        <translation>jeton d'authentification Twilio</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="273" />
        <source>WhatsApp access token</source>
        <translation>jeton d'accès WhatsApp</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="274" />
        <source>no encryption</source>
        <translation>sans chiffrement</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="275" />
        <source>Custom server</source>
        <translation>Serveur personnalisé</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="276" />
        <source>Set up an e-mail account (Gmail, Outlook or your own SMTP server) under File → Workspace settings → Channels, or with: localpro channels configure email.</source>
        <translation>Configurez un compte e-mail (Gmail, Outlook ou votre propre serveur SMTP) dans Fichier → Paramètres de l’espace → Canaux, ou avec : localpro channels configure email.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="277" />
        <source>Set up an SMS provider account (Africa's Talking or Twilio) under File → Workspace settings → Channels, or with: localpro channels configure sms.</source>
        <translation>Configurez un compte chez un fournisseur de SMS (Africa's Talking ou Twilio) dans Fichier → Paramètres de l’espace → Canaux, ou avec : localpro channels configure sms.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="278" />
        <source>Set up a WhatsApp Business account (Meta's Cloud API) under File → Workspace settings → Channels, or with: localpro channels configure whatsapp.</source>
        <translation>Configurez un compte WhatsApp Business (API Cloud de Meta) dans Fichier → Paramètres de l’espace → Canaux, ou avec : localpro channels configure whatsapp.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="279" />
        <source>SPF, DKIM and DMARC are records in your domain's DNS that tell receiving servers your e-mails really come from you: SPF lists the servers allowed to send for the domain, DKIM signs every message, DMARC says what to do with a message that fails both. Without them campaigns often land in spam; your e-mail provider's help says how to add them.</source>
        <translation>SPF, DKIM et DMARC sont des enregistrements DNS de votre domaine qui prouvent aux serveurs destinataires que vos e-mails viennent bien de vous : SPF liste les serveurs autorisés à envoyer pour le domaine, DKIM signe chaque message, DMARC indique quoi faire d'un message qui échoue aux deux. Sans eux, les campagnes finissent souvent en spam ; l'aide de votre fournisseur d'e-mail explique comment les ajouter.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="280" />
        <source>Gmail needs an app password (Google account → Security → 2-Step Verification → App passwords), not your usual password. Gmail sends at most 500 messages a day (2,000 with Google Workspace).</source>
        <translation>Gmail demande un mot de passe d'application (Compte Google → Sécurité → Validation en deux étapes → Mots de passe des applications), pas votre mot de passe habituel. Gmail envoie au plus 500 messages par jour (2 000 avec Google Workspace).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="281" />
        <source>Outlook / Office 365 sends at most 30 messages a minute, and SMTP sign-in (SMTP AUTH) must be allowed for the mailbox.</source>
        <translation>Outlook / Office 365 envoie au plus 30 messages par minute, et la connexion SMTP (SMTP AUTH) doit être autorisée pour la boîte aux lettres.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="282" />
        <source>Your e-mail provider's help gives the server name, port and security.</source>
        <translation>L'aide de votre fournisseur d'e-mail donne le nom du serveur, le port et la sécurité.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="283" />
        <source>Give the SMTP server's name (for example smtp.gmail.com) or pick a preset.</source>
        <translation>Indiquez le nom du serveur SMTP (par exemple smtp.gmail.com) ou choisissez un préréglage.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="284" />
        <source>{host!r} is not a server name: give a name such as smtp.gmail.com, no link.</source>
        <translation>{host!r} n'est pas un nom de serveur : indiquez un nom comme smtp.gmail.com, pas un lien.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="285" />
        <source>The port must be a number from 1 to 65535, not {port}.</source>
        <translation>Le port doit être un nombre de 1 à 65535, pas {port}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="286" />
        <source>Security must be starttls, ssl or none, not {value!r}.</source>
        <translation>La sécurité doit être starttls, ssl ou none, pas {value!r}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="287" />
        <source>The sender address {address!r} is not valid: {detail}</source>
        <translation>L'adresse d'expéditeur {address!r} n'est pas valide : {detail}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="288" />
        <source>The sender name must fit on one line and have at most {limit} characters.</source>
        <translation>Le nom d'expéditeur doit tenir sur une ligne et compter au plus {limit} caractères.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="289" />
        <source>The user name must fit on one line, without spaces at either end.</source>
        <translation>Le nom d'utilisateur doit tenir sur une ligne, sans espace au début ni à la fin.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="290" />
        <source>The logo {path!r} cannot be used: give a PNG, JPEG or GIF image file that exists.</source>
        <translation>Le logo {path!r} ne peut pas être utilisé : indiquez un fichier image PNG, JPEG ou GIF existant.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="291" />
        <source>Unknown e-mail preset {name!r}: use gmail, outlook or custom.</source>
        <translation>Préréglage e-mail inconnu {name!r} : utilisez gmail, outlook ou custom.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="292" />
        <source>Unknown SMS provider {name!r}: use africastalking or twilio.</source>
        <translation>Fournisseur de SMS inconnu {name!r} : utilisez africastalking ou twilio.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="293" />
        <source>Africa's Talking needs the account's username ("sandbox" for its test account).</source>
        <translation>Africa's Talking demande le nom d'utilisateur du compte (« sandbox » pour son compte de test).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="294" />
        <source>Africa's Talking uses a username, not an account SID.</source>
        <translation>Africa's Talking utilise un nom d'utilisateur, pas un SID de compte.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="295" />
        <source>Twilio uses an account SID, not a username.</source>
        <translation>Twilio utilise un SID de compte, pas un nom d'utilisateur.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="296" />
        <source>A Twilio account SID is AC followed by 32 hexadecimal characters (see the Twilio console), not {sid!r}.</source>
        <translation>Un SID de compte Twilio est AC suivi de 32 caractères hexadécimaux (voir la console Twilio), pas {sid!r}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="297" />
        <source>Twilio needs a sender id: a Twilio phone number (+…), an alphanumeric sender id, or a Messaging Service SID (MG…).</source>
        <translation>Twilio demande un identifiant d'expéditeur : un numéro Twilio (+…), un identifiant alphanumérique ou le SID d'un Messaging Service (MG…).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="298" />
        <source>The sender id {sender!r} is not valid: use 1 to 11 letters, digits or spaces with at least one letter, or a number of 3 to 15 digits.</source>
        <translation>L'identifiant d'expéditeur {sender!r} n'est pas valide : utilisez de 1 à 11 lettres, chiffres ou espaces dont au moins une lettre, ou un numéro de 3 à 15 chiffres.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="299" />
        <source>The WhatsApp phone number id is the number Meta shows under WhatsApp → API setup (digits only), not {value!r}.</source>
        <translation>L'identifiant du numéro WhatsApp est le nombre que Meta affiche sous WhatsApp → Configuration de l'API (chiffres uniquement), pas {value!r}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="300" />
        <source>The WhatsApp Business Account id is the number Meta shows under WhatsApp → API setup (digits only), not {value!r}.</source>
        <translation>L'identifiant du compte WhatsApp Business est le nombre que Meta affiche sous WhatsApp → Configuration de l'API (chiffres uniquement), pas {value!r}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="301" />
        <source>The provider address {url!r} must start with https:// or http://.</source>
        <translation>L'adresse du fournisseur {url!r} doit commencer par https:// ou http://.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="302" />
        <source>The price per message must be a number of 0 or more, not {value!r}.</source>
        <translation>Le prix par message doit être un nombre supérieur ou égal à 0, pas {value!r}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="303" />
        <source>The sending rate must be more than 0 and at most {limit} messages a second for {provider}, not {value}.</source>
        <translation>Le débit d'envoi doit être supérieur à 0 et d'au plus {limit} messages par seconde pour {provider}, pas {value}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="304" />
        <source>The {secret} is empty or spans several lines.</source>
        <translation>{secret} : vide ou sur plusieurs lignes.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="305" />
        <source>The {secret} is too long for the OS keyring (at most {limit} characters).</source>
        <translation>{secret} : trop long pour le trousseau du système (au plus {limit} caractères).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="306" />
        <source>No {secret} is stored for this channel on this laptop: give it on standard input or at the prompt. Nothing was saved.</source>
        <translation>Aucun secret ({secret}) n'est enregistré pour ce canal sur cet ordinateur : donnez-le sur l'entrée standard ou à l'invite. Rien n'a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="307" />
        <source>Switching to {provider} needs its {secret}: give it on standard input or at the prompt. Nothing was saved.</source>
        <translation>Passer à {provider} demande son secret ({secret}) : donnez-le sur l'entrée standard ou à l'invite. Rien n'a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="308" />
        <source>The {secret} of the {channel} channel is not in this laptop's keyring: configure the channel again.</source>
        <translation>Le secret du canal {channel} ({secret}) n'est pas dans le trousseau de cet ordinateur : configurez à nouveau le canal.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="309" />
        <source>No OS keyring is available to keep the {secret} safely. On Linux install a Secret Service (e.g. gnome-keyring) or set PYTHON_KEYRING_BACKEND.</source>
        <translation>Aucun trousseau du système n'est disponible pour garder le secret ({secret}) en sécurité. Sous Linux, installez un Secret Service (par ex. gnome-keyring) ou définissez PYTHON_KEYRING_BACKEND.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="310" />
        <source>The OS keyring refused the {secret}: {detail}</source>
        <translation>Le trousseau du système a refusé le secret ({secret}) : {detail}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="311" />
        <source>The {channel} channel is not configured on this laptop: set it up under File → Workspace settings → Channels, or with: localpro channels configure {command}.</source>
        <translation>Le canal {channel} n'est pas configuré sur cet ordinateur : configurez-le dans Fichier → Paramètres de l’espace → Canaux, ou avec : localpro channels configure {command}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="312" />
        <source>{sender} via {server} ({security})</source>
        <translation>{sender} via {server} ({security})</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="313" />
        <source>{sender} via {server} ({security}), signed in as {username}</source>
        <translation>{sender} via {server} ({security}), connecté en tant que {username}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="314" />
        <source>Africa's Talking, user {username}</source>
        <translation>Africa's Talking, utilisateur {username}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="315" />
        <source>Africa's Talking, user {username}, sender {sender}</source>
        <translation>Africa's Talking, utilisateur {username}, expéditeur {sender}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="316" />
        <source>Twilio account {sid}, sender {sender}</source>
        <translation>Compte Twilio {sid}, expéditeur {sender}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="317" />
        <source>WhatsApp Cloud API, number id {number_id}, business account {account_id}</source>
        <translation>API Cloud WhatsApp, identifiant du numéro {number_id}, compte Business {account_id}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="318" />
        <source>Connected to {server} ({security}) and signed in as {username}.</source>
        <translation>Connecté à {server} ({security}) et identifié en tant que {username}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="319" />
        <source>Connected to {server} ({security}); no sign-in is configured.</source>
        <translation>Connecté à {server} ({security}) ; aucune identification n'est configurée.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="320" />
        <source>Africa's Talking accepted the API key of user {username} (balance {balance}).</source>
        <translation>Africa's Talking a accepté la clé d'API de l'utilisateur {username} (solde {balance}).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="321" />
        <source>Twilio accepted the account SID and auth token (account {name}, status {status}).</source>
        <translation>Twilio a accepté le SID de compte et le jeton d'authentification (compte {name}, statut {status}).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="322" />
        <source>The Twilio account {name} is {status}: it cannot send.</source>
        <translation>Le compte Twilio {name} est à l'état {status} : il ne peut pas envoyer.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="323" />
        <source>WhatsApp accepted the access token for the number {number} ({name}); the business account's templates can be read.</source>
        <translation>WhatsApp a accepté le jeton d'accès pour le numéro {number} ({name}) ; les modèles du compte Business sont lisibles.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="324" />
        <source>The SMTP server {server} did not accept the check: {words}</source>
        <translation>Le serveur SMTP {server} n'a pas accepté la vérification : {words}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="325" />
        <source>{provider} did not accept the check: {words}</source>
        <translation>{provider} n'a pas accepté la vérification : {words}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="326" />
        <source>{provider} could not be reached ({reason}): check the connection and try again.</source>
        <translation>{provider} est injoignable ({reason}) : vérifiez la connexion et réessayez.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="327" />
        <source>{provider} answered something unexpected (HTTP {status}).</source>
        <translation>{provider} a répondu de façon inattendue (HTTP {status}).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="328" />
        <source>Send the test to an e-mail address: {detail}</source>
        <translation>Envoyez le test à une adresse e-mail : {detail}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="329" />
        <source>Send the test to a phone number with its country code: {detail}</source>
        <translation>Envoyez le test à un numéro de téléphone avec son indicatif pays : {detail}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="330" />
        <source>The test message was not sent ({code}): {words}</source>
        <translation>Le message de test n'a pas été envoyé ({code}) : {words}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="331" />
        <source>The test message may or may not have left ({words}): look for it before trying again.</source>
        <translation>On ne sait pas si le message de test est parti ({words}) : vérifiez s'il est arrivé avant de réessayer.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="332" />
        <source>The WhatsApp templates could not be read ({code}): {words}</source>
        <translation>Les modèles WhatsApp n'ont pas pu être lus ({code}) : {words}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="333" />
        <source>The {channel} channel is saved on this laptop: {description}. Check it with: localpro channels test {command} --to ADDRESS</source>
        <translation>Le canal {channel} est enregistré sur cet ordinateur : {description}. Vérifiez-le avec : localpro channels test {command} --to ADRESSE</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="334" />
        <source>The {channel} channel and its secret were removed from this laptop.</source>
        <translation>Le canal {channel} et son secret ont été supprimés de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="335" />
        <source>The {channel} channel was not configured on this laptop.</source>
        <translation>Le canal {channel} n'était pas configuré sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="336" />
        <source>Remove the {channel} channel and its secret from this laptop? [y/N] </source>
        <translation>Supprimer le canal {channel} et son secret de cet ordinateur ? [o/N] </translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="337" />
        <source>Nothing was removed.</source>
        <translation>Rien n'a été supprimé.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="338" />
        <source>{secret}: </source>
        <translation>{secret} : </translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="339" />
        <source>{secret} (leave empty to keep the stored one): </source>
        <translation>{secret} (laisser vide pour garder la valeur enregistrée) : </translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="340" />
        <source>Test message sent to {to} (provider id {provider_id}).</source>
        <translation>Message de test envoyé à {to} (identifiant du fournisseur {provider_id}).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="341" />
        <source>No channel is configured on this laptop yet.</source>
        <translation>Aucun canal n'est encore configuré sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="342" />
        <source>Sign in to your LocalPro cloud account first (localpro account login --email YOU@EXAMPLE.COM): the cloud receives the providers' webhooks for your account.</source>
        <translation>Connectez-vous d'abord à votre compte cloud LocalPro (localpro account login --email YOU@EXAMPLE.COM) : c'est le cloud qui reçoit les webhooks des fournisseurs pour votre compte.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="343" />
        <source>Configure the SMS channel first (localpro channels configure sms --provider africastalking|twilio …): its provider says which webhook to make.</source>
        <translation>Configurez d'abord le canal SMS (localpro channels configure sms --provider africastalking|twilio …) : son fournisseur indique quel webhook créer.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="344" />
        <source>WhatsApp signs its webhook calls with your app secret (Meta for Developers → your app → App settings → Basic → App secret): give it on standard input or at the prompt. Nothing was changed.</source>
        <translation>WhatsApp signe ses appels de webhook avec la clé secrète de votre application (Meta for Developers → votre application → Paramètres de l'application → Général → Clé secrète) : donnez-la sur l'entrée standard ou à l'invite. Rien n'a été modifié.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="345" />
        <source>Twilio signs its webhook calls with your auth token (Twilio console → Account info): give it on standard input or at the prompt, or save it with the SMS channel (localpro channels configure sms). Nothing was changed.</source>
        <translation>Twilio signe ses appels de webhook avec votre auth token (console Twilio → Account info) : donnez-le sur l'entrée standard ou à l'invite, ou enregistrez-le avec le canal SMS (localpro channels configure sms). Rien n'a été modifié.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="346" />
        <source>WhatsApp app secret</source>
        <translation>clé secrète de l'application WhatsApp</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="347" />
        <source>{secret} (leave empty to use the one saved with the SMS channel): </source>
        <translation>{secret} (laisser vide pour utiliser celui enregistré avec le canal SMS) : </translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="348" />
        <source>The {secret} is too long: at most {limit} characters.</source>
        <translation>Le secret « {secret} » est trop long : {limit} caractères au plus.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="349" />
        <source>The {channel} webhook is on for your cloud account ({provider}); any URL given for it before no longer works.</source>
        <translation>Le webhook {channel} est actif pour votre compte cloud ({provider}) ; toute URL donnée auparavant pour lui ne fonctionne plus.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="350" />
        <source>The {channel} webhook ({provider}):</source>
        <translation>Le webhook {channel} ({provider}) :</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="351" />
        <source>In Meta for Developers → your app → WhatsApp → Configuration → Webhook, choose Edit and paste:</source>
        <translation>Dans Meta for Developers → votre application → WhatsApp → Configuration → Webhook, choisissez Modifier et collez :</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="352" />
        <source>Callback URL: {url}</source>
        <translation>URL de rappel : {url}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="353" />
        <source>Verify token: {token}</source>
        <translation>Token de vérification : {token}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="354" />
        <source>Then, under Webhook fields, subscribe to "messages".</source>
        <translation>Puis, sous Champs du webhook, abonnez-vous à « messages ».</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="355" />
        <source>In the Twilio console, on your Messaging Service (Integration) or the number you send from (Messaging configuration), paste this URL as the status callback URL and as the "A message comes in" webhook (HTTP POST):</source>
        <translation>Dans la console Twilio, sur votre Messaging Service (Integration) ou sur le numéro d'envoi (Messaging configuration), collez cette URL comme URL de status callback et comme webhook « A message comes in » (HTTP POST) :</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="356" />
        <source>URL: {url}</source>
        <translation>URL : {url}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="357" />
        <source>In the Africa's Talking dashboard → SMS → Callback URLs, paste:</source>
        <translation>Dans le tableau de bord Africa's Talking → SMS → Callback URLs, collez :</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="358" />
        <source>Delivery reports: {url}</source>
        <translation>Rapports de remise : {url}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="359" />
        <source>Incoming messages: {url}</source>
        <translation>Messages entrants : {url}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="360" />
        <source>E-mails queued from now on carry an open pixel and an unsubscribe link through {url}; there is nothing to paste anywhere.</source>
        <translation>Les e-mails mis en file à partir de maintenant portent un pixel d'ouverture et un lien de désinscription via {url} ; il n'y a rien à coller nulle part.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="361" />
        <source>No webhook is on for your cloud account yet: localpro channels webhooks enable whatsapp|sms|email</source>
        <translation>Aucun webhook n'est encore actif pour votre compte cloud : localpro channels webhooks enable whatsapp|sms|email</translation>
    </message>
</context>
<context>
    <name>ChannelNotice</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/channel_notice.py" line="49" />
        <source>Meanwhile, “Save draft” keeps the campaign: nothing is sent or counted.</source>
        <translation>En attendant, « Enregistrer le brouillon » garde la campagne : rien n'est envoyé ni décompté.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/channel_notice.py" line="60" />
        <source>Set up e-mail…</source>
        <translation>Configurer l'e-mail…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/channel_notice.py" line="61" />
        <source>Set up SMS…</source>
        <translation>Configurer les SMS…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/channel_notice.py" line="62" />
        <source>Set up WhatsApp…</source>
        <translation>Configurer WhatsApp…</translation>
    </message>
</context>
<context>
    <name>ChannelsDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/channels/dialog.py" line="29" />
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
</context>
<context>
    <name>ChannelsPage</name>
    <message>
        <location filename="../../localpro_desktop/ui/channels/page.py" line="141" />
        <source>Changes not saved</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/page.py" line="143" />
        <source>Sending stopped</source>
        <translation>Envoi arrêté</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/page.py" line="145" />
        <source>Set up</source>
        <translation>Configuré</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/page.py" line="147" />
        <source>Not set up</source>
        <translation>Non configuré</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/unsaved.py" line="20" />
        <source>Discard the changes?</source>
        <translation>Abandonner les modifications ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/unsaved.py" line="21" />
        <source>The {channels} settings were changed but not saved.</source>
        <translation>Les réglages {channels} ont été modifiés mais pas enregistrés.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/unsaved.py" line="24" />
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/unsaved.py" line="25" />
        <source>Keep editing</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>ChartGrid</name>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="117" />
        <source>Messages sent per day, by channel</source>
        <translation>Messages envoyés par jour, par canal</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="118" />
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="119" />
        <source>Response and conversion rates</source>
        <translation>Taux de réponse et de conversion</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="120" />
        <source>Prospects by source</source>
        <translation>Prospects par source</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="121" />
        <source>Prospects by sector</source>
        <translation>Prospects par secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="173" />
        <source>%1, %2: %3 sent</source>
        <translation>%1, %2 : %3 envoyés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="173" />
        <source>%1, %2: 1 sent</source>
        <translation>%1, %2 : %3 envoyé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="199" />
        <source>No messages sent in the last %1 days.</source>
        <translation>Aucun message envoyé ces %1 derniers jours.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="202" />
        <source>Send a campaign and its messages will show up here.</source>
        <translation>Envoyez une campagne et ses messages apparaîtront ici.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="208" />
        <source>Sent in %1 days: %2</source>
        <translation>Envoyés sur %1 jours : %2</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="219" />
        <source>No contacts yet.</source>
        <translation>Aucun contact pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="221" />
        <source>Turn prospects into contacts to follow them along the pipeline.</source>
        <translation>Convertissez des prospects en contacts pour les suivre dans le pipeline.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="237" />
        <source>%1: %2 now; %3 (%4) reached this stage</source>
        <translation>%1 : %2 actuellement ; %3 (%4) ont atteint cette étape</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="270" />
        <source>%1 now · %2 reached</source>
        <translation>%1 actuels · %2 atteint</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="270" />
        <source>1 now · %2 reached</source>
        <translation>%1 actuel · %2 atteint</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="288" />
        <source>solid: now · light: ever reached</source>
        <translation>plein : actuels · clair : déjà atteint</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="295" />
        <source>Response rate</source>
        <translation>Taux de réponse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="300" />
        <source>Conversion rate</source>
        <translation>Taux de conversion</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="314" />
        <source>%1 (no data)</source>
        <translation>%1 (aucune donnée)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="349" />
        <source>No rates for the last %1 days yet.</source>
        <translation>Pas encore de taux pour les %1 derniers jours.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="350" />
        <source>They appear once messages are sent or contacts are added.</source>
        <translation>Ils apparaissent dès que des messages sont envoyés ou des contacts ajoutés.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="354" />
        <source>%1-day rolling</source>
        <translation>moyenne glissante sur %1 jours</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="365" />
        <source>%1, %2: %3</source>
        <translation>%1, %2 : %3</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="373" />
        <source>%1: 1 prospect</source>
        <translation>%1 : %2 prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="378" />
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="438" />
        <source>Not specified</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="380" />
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="388" />
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="446" />
        <source>No prospects yet.</source>
        <translation>Aucun prospect pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="373" />
        <source>%1: %2 prospects</source>
        <translation>%1 : %2 prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="420" />
        <source>Total: %1</source>
        <translation>Total : %1</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="436" />
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="454" />
        <source>Other sectors</source>
        <translation>Autres secteurs</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="453" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/chart_grid.py" line="488" />
        <source>Top %1</source>
        <translation>Les %1 premiers</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/chat_view.py" line="93" />
        <location filename="../../localpro_desktop/ui/assistant/chat_view.py" line="175" />
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/chat_view.py" line="95" />
        <source>Writing…</source>
        <translation>Rédaction…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/chat_view.py" line="166" />
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/chat_view.py" line="183" />
        <source>Stopped before the end.</source>
        <translation>Arrêtée avant la fin.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/chat_view.py" line="186" />
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/chat_view.py" line="187" />
        <source>Use in a campaign</source>
        <translation>Utiliser dans une campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/chat_view.py" line="197" />
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/chat_view.py" line="198" />
        <source>No answer to this question.</source>
        <translation>Pas de réponse à cette question.</translation>
    </message>
</context>
<context>
    <name>CommonMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="5" />
        <source>unlimited</source>
        <translation>illimité</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="6" />
        <source>none yet</source>
        <translation>aucun pour l'instant</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="7" />
        <source>prospects</source>
        <translation>prospects</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="8" />
        <source>messages</source>
        <translation>messages</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="9" />
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="10" />
        <source>whatsapp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="11" />
        <source>latitude</source>
        <translation>latitude</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="12" />
        <source>longitude</source>
        <translation>longitude</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="13" />
        <source>opt_out_whatsapp</source>
        <translation>désinscription WhatsApp</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="14" />
        <source>opt_out_email</source>
        <translation>désinscription e-mail</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="15" />
        <source>opt_out_sms</source>
        <translation>désinscription SMS</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="67" />
        <source>Edit contact</source>
        <translation>Modifier le contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="67" />
        <source>Add a contact</source>
        <translation>Ajouter un contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="73" />
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="74" />
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="75" />
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="76" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="77" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="78" />
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="79" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="80" />
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="81" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="82" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="83" />
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="100" />
        <source>Separated by commas: vip, wholesale</source>
        <translation>Séparées par des virgules : vip, grossiste</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="101" />
        <source>e.g. 77 123 45 67</source>
        <translation>ex. 77 123 45 67</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="105" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="169" />
        <source>Not a valid e-mail address.</source>
        <translation>Adresse e-mail non valide.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="174" />
        <source>Not a valid number for {country}; a number from another country starts with + and its country code.</source>
        <translation>Numéro non valide pour {country} ; un numéro d’un autre pays commence par + et l’indicatif du pays.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="187" />
        <source>It will be kept as typed.</source>
        <translation>Il sera gardé tel quel.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="191" />
        <source>Looks valid</source>
        <translation>Semble valide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="213" />
        <source>Give a first name, a last name or a company.</source>
        <translation>Indiquez un prénom, un nom ou une entreprise.</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="134" />
        <source>Close the panel</source>
        <translation>Fermer la fiche</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="144" />
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="145" />
        <source>Move to</source>
        <translation>Déplacer vers</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="165" />
        <source>Opted out of:</source>
        <translation>Désinscrit de :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="167" />
        <source>Campaigns never send on a channel the contact opted out of.</source>
        <translation>Les campagnes n’envoient jamais sur un canal dont le contact s’est désinscrit.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="173" />
        <source>Checked: never send {channel} messages to this contact.</source>
        <translation>Coché : ne jamais envoyer de messages {channel} à ce contact.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="87" />
        <source>Timeline</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="188" />
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="335" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="189" />
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="336" />
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="190" />
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="337" />
        <source>Meeting</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="195" />
        <source>What happened? (Ctrl+Enter to add)</source>
        <translation>Que s’est-il passé ? (Ctrl+Entrée pour ajouter)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="198" />
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="277" />
        <source>Open the prospect it came from</source>
        <translation>Ouvrir le prospect d’origine</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="287" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="293" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="294" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="295" />
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="296" />
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="297" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="311" />
        <source>No phone, e-mail or address yet: use Edit… to add them.</source>
        <translation>Pas encore de téléphone, d’e-mail ni d’adresse : utilisez Modifier… pour les ajouter.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="321" />
        <source>not valid</source>
        <translation>non valide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="329" />
        <source>Moved from {old} to {new}</source>
        <translation>Passé de {old} à {new}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="331" />
        <source>Converted from prospect ({source})</source>
        <translation>Converti depuis un prospect ({source})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="338" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="339" />
        <source>Contact created</source>
        <translation>Contact créé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="340" />
        <source>Converted from a prospect</source>
        <translation>Converti depuis un prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="341" />
        <source>Reply received</source>
        <translation>Réponse reçue</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="356" />
        <source>Opted out of {channel}</source>
        <translation>Désinscrit de {channel}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="357" />
        <source>Opted back in to {channel}</source>
        <translation>Réinscrit à {channel}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="359" />
        <source>Merged with {name}</source>
        <translation>Fusionné avec {name}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="364" />
        <source>Nothing yet.</source>
        <translation>Rien pour l’instant.</translation>
    </message>
</context>
<context>
    <name>CrmAskWords</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/ask_words.py" line="57" />
        <source>restaurants in Dakar not contacted for a month</source>
        <translation>restaurants à Dakar pas contactés depuis un mois</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/ask_words.py" line="64" />
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/ask_words.py" line="65" />
        <source>Show the board through these filters, unsaved</source>
        <translation>Afficher le tableau à travers ces filtres, sans les enregistrer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/ask_words.py" line="66" />
        <source>Save as segment…</source>
        <translation>Enregistrer comme segment…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/ask_words.py" line="68" />
        <source>Keep these filters as a segment that stays up to date</source>
        <translation>Garder ces filtres comme un segment qui reste à jour</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/ask_words.py" line="73" />
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/ask_words.py" line="107" />
        <source>Asked in words: {description}</source>
        <translation>Demandé en mots : {description}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/ask_words.py" line="144" />
        <source>Asked: {words}</source>
        <translation>Demandé : {words}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/ask_words.py" line="168" />
        <source>Save as segment</source>
        <translation>Enregistrer comme segment</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/ask_words.py" line="169" />
        <source>Name of the new segment (it will follow these filters as contacts change):</source>
        <translation>Nom du nouveau segment (il suivra ces filtres à mesure que les contacts changent) :</translation>
    </message>
</context>
<context>
    <name>CrmTab</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="313" />
        <source>Segment “{name}” saved: 1 contact.</source>
        <translation>Segment « {name} » enregistré : 1 contact.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="315" />
        <source>Segment “{name}” saved: {count} contacts.</source>
        <translation>Segment « {name} » enregistré : {count} contacts.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="366" />
        <source>Clear the filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="365" />
        <source>This contact is hidden by the current filter.</source>
        <translation>Ce contact est masqué par le filtre actuel.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="430" />
        <source>Could not move the contact to {status}: {reason}</source>
        <translation>Impossible de déplacer le contact vers {status} : {reason}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="468" />
        <source>Contact added.</source>
        <translation>Contact ajouté.</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="105" />
        <source>Select a prospect to see its details.</source>
        <translation>Sélectionnez un prospect pour voir sa fiche.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="137" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="138" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="139" />
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="140" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="141" />
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="142" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="143" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="144" />
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="145" />
        <source>Coordinates</source>
        <translation>Coordonnées GPS</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="146" />
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="147" />
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="148" />
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="149" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="150" />
        <source>Added</source>
        <translation>Ajouté le</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="174" />
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="277" />
        <source>Convert to contact</source>
        <translation>Convertir en contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="176" />
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="177" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="198" />
        <source>Convert them to contacts to follow them up in the CRM and include them in campaigns.</source>
        <translation>Convertissez-les en contacts pour les suivre dans le CRM et les inclure dans vos campagnes.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="235" />
        <source>{count} prospects selected</source>
        <translation>{count} prospects sélectionnés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="239" />
        <source>✓ They are all contacts in the CRM already.</source>
        <translation>✓ Ils sont tous déjà des contacts dans le CRM.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="241" />
        <source>✓ {count} of them are contacts already.</source>
        <translation>✓ {count} d’entre eux sont déjà des contacts.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="250" />
        <source>Convert {count} to contacts</source>
        <translation>Convertir les {count} en contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="252" />
        <source>Delete {count} prospects</source>
        <translation>Supprimer les {count} prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="270" />
        <source>Converted: a contact in the CRM</source>
        <translation>Converti : contact dans le CRM</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="272" />
        <source>Open contact</source>
        <translation>Ouvrir le contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="273" />
        <source>Show the contact this prospect became</source>
        <translation>Afficher le contact créé à partir de ce prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="275" />
        <source>Prospect, not yet a contact</source>
        <translation>Prospect, pas encore contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="279" />
        <source>Create a contact in the CRM from this prospect</source>
        <translation>Créer un contact dans le CRM à partir de ce prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="322" />
        <source>not a valid address</source>
        <translation>adresse non valide</translation>
    </message>
</context>
<context>
    <name>DiscoveryForm</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/form.py" line="81" />
        <location filename="../../localpro_desktop/ui/prospects/discovery/form.py" line="126" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/form.py" line="83" />
        <source>City, e.g. Abidjan</source>
        <translation>Ville, p. ex. Abidjan</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/form.py" line="84" />
        <location filename="../../localpro_desktop/ui/prospects/discovery/form.py" line="127" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/form.py" line="99" />
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/form.py" line="103" />
        <source>How far from the city centre to search; auto follows the city's size.</source>
        <translation>Jusqu'où chercher autour du centre-ville ; auto suit la taille de la ville.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/form.py" line="108" />
        <source>OpenStreetMap (free)</source>
        <translation>OpenStreetMap (gratuit)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/form.py" line="110" />
        <source>Google Places (your key; cost shown first)</source>
        <translation>Google Places (votre clé ; coût affiché avant)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/form.py" line="112" />
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/form.py" line="133" />
        <source>Radius</source>
        <translation>Rayon</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/form.py" line="136" />
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/form.py" line="160" />
        <source>OpenStreetMap has no tag for this sector yet: add one in Sources…</source>
        <translation>OpenStreetMap n'a pas encore de tag pour ce secteur : ajoutez-en un dans Sources…</translation>
    </message>
</context>
<context>
    <name>DiscoveryMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="381" />
        <source>Unknown sector {text!r}. Sectors: {names}.</source>
        <translation>Secteur inconnu {text!r}. Secteurs : {names}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="382" />
        <source>OpenStreetMap has no reliable tag for {sector}: add one (e.g. office=logistics) in Sources…, or with `localpro discover --add-tag {key} KEY=VALUE`; or search Google Places.</source>
        <translation>OpenStreetMap n’a pas d’étiquette fiable pour {sector} : ajoutez-en une (p. ex. office=logistics) dans Sources…, ou avec `localpro discover --add-tag {key} CLÉ=VALEUR` ; ou cherchez dans Google Places.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="383" />
        <source>{text!r} is not an OpenStreetMap tag: write it as key=value, e.g. shop=kiosk.</source>
        <translation>{text!r} n’est pas une étiquette OpenStreetMap : écrivez-la clé=valeur, p. ex. shop=kiosk.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="384" />
        <source>Say which sector to search: --sector KEY (the keys: localpro discover --sectors).</source>
        <translation>Indiquez le secteur à chercher : --sector CLÉ (les clés : localpro discover --sectors).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="385" />
        <source>Type the city to search in.</source>
        <translation>Saisissez la ville où chercher.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="386" />
        <source>No city called {city!r} found{where}. Check the spelling, or give the country (e.g. --country SN).</source>
        <translation>Aucune ville nommée {city!r} trouvée{where}. Vérifiez l’orthographe ou indiquez le pays (p. ex. --country SN).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="387" />
        <source> in {country}</source>
        <translation> dans le pays {country}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="388" />
        <source>{city!r} is not in the offline list of cities (those over 15,000 people); it can be looked up once a connection is back.</source>
        <translation>{city!r} n’est pas dans la liste hors ligne des villes (plus de 15 000 habitants) ; elle pourra être recherchée au retour de la connexion.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="389" />
        <source>The radius must be between {low} and {high} km (not {value}).</source>
        <translation>Le rayon doit être compris entre {low} et {high} km (et non {value}).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="390" />
        <source>Add what? Use all, new or none (not {value!r}).</source>
        <translation>Ajouter quoi ? Utilisez all, new ou none (et non {value!r}).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="391" />
        <source>{url!r} is not a web address: it must start with http:// or https://.</source>
        <translation>{url!r} n’est pas une adresse web : elle doit commencer par http:// ou https://.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="392" />
        <source>Unknown service {name!r}: use {names}.</source>
        <translation>Service inconnu {name!r} : utilisez {names}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="393" />
        <source>Searching Google Places needs your own API key: add it in the discovery settings (Sources…) or with `localpro discover --google-key-from-stdin`.</source>
        <translation>Chercher dans Google Places demande votre propre clé d’API : ajoutez-la dans les réglages de recherche (Sources…) ou avec `localpro discover --google-key-from-stdin`.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="394" />
        <source>Google Places API key</source>
        <translation>Clé d’API Google Places</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="395" />
        <source>Google refused the API key ({detail}). Check that the key is right and that the Places API (New) is enabled for its project.</source>
        <translation>Google a refusé la clé d’API ({detail}). Vérifiez la clé et que l’API Places (New) est activée pour son projet.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="396" />
        <source>Google Places' quota for this key is used up for now; try again later.</source>
        <translation>Le quota Google Places de cette clé est épuisé pour le moment ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="397" />
        <source>Google Places could not run the search: {detail}</source>
        <translation>Google Places n’a pas pu faire la recherche : {detail}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="398" />
        <source>OpenStreetMap's server is busy (HTTP {status}); the search was not run. Try again in a few minutes, or choose another server in the discovery settings.</source>
        <translation>Le serveur d’OpenStreetMap est occupé (HTTP {status}) ; la recherche n’a pas été faite. Réessayez dans quelques minutes ou choisissez un autre serveur dans les réglages de recherche.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="399" />
        <source>OpenStreetMap's server stopped the search before the end ({remark}). Try a smaller radius, or another server in the discovery settings.</source>
        <translation>Le serveur d’OpenStreetMap a arrêté la recherche avant la fin ({remark}). Essayez un rayon plus petit ou un autre serveur dans les réglages de recherche.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="400" />
        <source>OpenStreetMap's server could not run the search: {detail}</source>
        <translation>Le serveur d’OpenStreetMap n’a pas pu faire la recherche : {detail}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="401" />
        <source>The city could not be looked up online: {detail}</source>
        <translation>La ville n’a pas pu être recherchée en ligne : {detail}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="402" />
        <source>No connection: the search for {sector} in {city} is saved and will run by itself when the connection is back.</source>
        <translation>Pas de connexion : la recherche {sector} à {city} est enregistrée et se lancera d’elle-même au retour de la connexion.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="403" />
        <source>No saved search with id {ident!r}.</source>
        <translation>Aucune recherche enregistrée avec l’identifiant {ident!r}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="404" />
        <source>No merge with id {ident!r}.</source>
        <translation>Aucune fusion avec l’identifiant {ident!r}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="405" />
        <source>This merge was already undone.</source>
        <translation>Cette fusion a déjà été annulée.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="406" />
        <source>{count} of the chosen places are not in this result: search again.</source>
        <translation>{count} des lieux choisis ne sont pas dans ce résultat : relancez la recherche.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="407" />
        <source>{count} new prospects were not added: the {plan} plan allows {limit} a month and {remaining} remain. Choose fewer, or upgrade.</source>
        <translation>{count} nouveaux prospects n’ont pas été ajoutés : l’offre {plan} en permet {limit} par mois et il en reste {remaining}. Choisissez-en moins ou changez d’offre.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="408" />
        <source>{count} places without a name were left out.</source>
        <translation>{count} lieux sans nom ont été laissés de côté.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="409" />
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="410" />
        <source>already added from this source</source>
        <translation>déjà ajouté depuis cette source</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="411" />
        <source>same phone as a known prospect</source>
        <translation>même téléphone qu’un prospect connu</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="412" />
        <source>similar name within 100 m</source>
        <translation>nom proche à moins de 100 m</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="413" />
        <source>similar name in the same city</source>
        <translation>nom proche dans la même ville</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="414" />
        <source>listed twice in this result</source>
        <translation>en double dans ce résultat</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="415" />
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="416" />
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="417" />
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="418" />
        <source>website</source>
        <translation>site web</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="419" />
        <source>OpenStreetMap</source>
        <translation>OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="420" />
        <source>Google Places</source>
        <translation>Google Places</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="421" />
        <source>OpenStreetMap search (Overpass API)</source>
        <translation>Recherche OpenStreetMap (API Overpass)</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="422" />
        <source>City look-up (Nominatim)</source>
        <translation>Recherche de villes (Nominatim)</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="423" />
        <source>Google Places API</source>
        <translation>API Google Places</translation>
    </message>
</context>
<context>
    <name>DiscoveryPanel</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="84" />
        <source>← Prospects</source>
        <translation>← Prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="86" />
        <source>Find prospects</source>
        <translation>Trouver des prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="88" />
        <source>Merges…</source>
        <translation>Fusions…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="89" />
        <source>Review the places merged into known prospects</source>
        <translation>Revoir les lieux fusionnés avec des prospects connus</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="90" />
        <source>Sources…</source>
        <translation>Sources…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="92" />
        <source>Servers, your Google Places key, and extra OpenStreetMap tags</source>
        <translation>Serveurs, votre clé Google Places et tags OpenStreetMap supplémentaires</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="143" />
        <source>Select all</source>
        <translation>Tout sélectionner</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="147" />
        <source>Known places you select are merged into the prospect they match.</source>
        <translation>Les lieux connus que vous sélectionnez sont fusionnés avec le prospect correspondant.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="149" />
        <source>Search again</source>
        <translation>Relancer la recherche</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="150" />
        <source>Ask the source again instead of the saved results</source>
        <translation>Interroger à nouveau la source au lieu des résultats enregistrés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="187" />
        <source>Find businesses to contact</source>
        <translation>Trouvez des entreprises à contacter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="189" />
        <source>Pick a sector and a city, then Search. OpenStreetMap is free; Google Places usually has more phone numbers and uses your own key. Nothing is added until you choose.</source>
        <translation>Choisissez un secteur et une ville, puis Rechercher. OpenStreetMap est gratuit ; Google Places a en général plus de numéros de téléphone et utilise votre propre clé. Rien n'est ajouté tant que vous ne l'avez pas choisi.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="215" />
        <source>Estimating the cost…</source>
        <translation>Estimation du coût…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="233" />
        <source>Run the search</source>
        <translation>Lancer la recherche</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="242" />
        <source>Searching {source}…</source>
        <translation>Recherche sur {source}…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="284" />
        <source>Nothing found</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="285" />
        <source>Try a wider radius, a neighbouring city, or the other source.</source>
        <translation>Essayez un rayon plus large, une ville voisine ou l'autre source.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="313" />
        <source>Add selected ({count})</source>
        <translation>Ajouter la sélection ({count})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="320" />
        <source>Add all new ({count})</source>
        <translation>Ajouter tous les nouveaux ({count})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="353" />
        <source>Show in the list</source>
        <translation>Voir dans la liste</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/panel.py" line="374" />
        <source>Opening the results…</source>
        <translation>Ouverture des résultats…</translation>
    </message>
</context>
<context>
    <name>DiscoveryShare</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/share.py" line="74" />
        <source>Share as a map…</source>
        <translation>Partager en carte…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/share.py" line="91" />
        <source>Add places first: the map shows your prospects</source>
        <translation>Ajoutez d'abord des lieux : la carte montre vos prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/share.py" line="93" />
        <source>Search first: the map shows the prospects a search found</source>
        <translation>Lancez d'abord une recherche : la carte montre les prospects qu'elle a trouvés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/share.py" line="99" />
        <source>Save this result's prospect as one web page that opens on a phone without a connection, to plan a day of visits</source>
        <translation>Enregistrer le prospect de ce résultat dans une seule page web qui s'ouvre sur un téléphone sans connexion, pour préparer une journée de visites</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/share.py" line="103" />
        <source>Save this result's {count} prospects as one web page that opens on a phone without a connection, to plan a day of visits</source>
        <translation>Enregistrer les {count} prospects de ce résultat dans une seule page web qui s'ouvre sur un téléphone sans connexion, pour préparer une journée de visites</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/share.py" line="110" />
        <source>Places from Google Places appear at their city's centre (approximate): Google's terms do not allow keeping their coordinates.</source>
        <translation>Les lieux venant de Google Places apparaissent au centre de leur ville (approximatif) : les conditions de Google ne permettent pas de garder leurs coordonnées.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/share.py" line="127" />
        <source>visits</source>
        <translation>visites</translation>
    </message>
</context>
<context>
    <name>DiscoveryTexts</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="37" />
        <source>1 found</source>
        <translation>{count} trouvé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="38" />
        <source>{count} found</source>
        <translation>{count} trouvés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="42" />
        <source>1 new</source>
        <translation>{count} nouveau</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="43" />
        <source>{count} new</source>
        <translation>{count} nouveaux</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="47" />
        <source>1 already known</source>
        <translation>{count} déjà connu</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="48" />
        <source>{count} already known</source>
        <translation>{count} déjà connus</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="52" />
        <source>1 without a phone</source>
        <translation>{count} sans téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="53" />
        <source>{count} without a phone</source>
        <translation>{count} sans téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="60" />
        <source>1 without a name left out</source>
        <translation>{count} sans nom écarté</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="61" />
        <source>{count} without a name left out</source>
        <translation>{count} sans nom écartés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="75" />
        <source>OpenStreetMap often has no phone number for businesses in African cities. Google Places usually has them (your own key; the cost is shown first).</source>
        <translation>OpenStreetMap a souvent peu de numéros de téléphone pour les entreprises des villes africaines. Google Places les a en général (votre propre clé ; le coût est affiché avant).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="80" />
        <source>Try Google Places for phone numbers</source>
        <translation>Essayer Google Places pour les numéros</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="83" />
        <source>Many of these places have no phone number: OpenStreetMap may know others.</source>
        <translation>Beaucoup de ces lieux n'ont pas de numéro : OpenStreetMap en connaît peut-être d'autres.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="87" />
        <source>Try OpenStreetMap (free)</source>
        <translation>Essayer OpenStreetMap (gratuit)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="94" />
        <source>From your saved results of {date}; Search again to refresh.</source>
        <translation>Résultats enregistrés du {date} ; Relancer la recherche pour actualiser.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="97" />
        <source>Searched just now ({source}).</source>
        <translation>Recherche effectuée à l'instant ({source}).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="104" />
        <source>{sector} in {city} ({radius} km)</source>
        <translation>{sector} à {city} ({radius} km)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="127" />
        <source>1 added</source>
        <translation>{count} ajouté</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="128" />
        <source>{count} added</source>
        <translation>{count} ajoutés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="135" />
        <source>1 merged into a known prospect</source>
        <translation>{count} fusionné avec un prospect connu</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="136" />
        <source>{count} merged into known prospects</source>
        <translation>{count} fusionnés avec des prospects connus</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="143" />
        <source>1 was already there</source>
        <translation>{count} y était déjà</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="144" />
        <source>{count} were already there</source>
        <translation>{count} y étaient déjà</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="149" />
        <source>1 not added: monthly limit reached</source>
        <translation>{count} non ajouté : limite mensuelle atteinte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="150" />
        <source>{count} not added: monthly limit reached</source>
        <translation>{count} non ajoutés : limite mensuelle atteinte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="160" />
        <source>{sector} in {city} ({source})</source>
        <translation>{sector} à {city} ({source})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="168" />
        <source>No connection: the search is saved and will run by itself when the connection is back. You will be told when its results arrive.</source>
        <translation>Pas de connexion : la recherche est enregistrée et se lancera d'elle-même au retour de la connexion. Vous serez prévenu quand ses résultats arriveront.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="180" />
        <source>Your saved search “{what}” could not run: {problem}</source>
        <translation>Votre recherche enregistrée « {what} » n'a pas pu être lancée : {problem}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="185" />
        <source>Your saved search “{what}” has run: {found} found, {new} new.</source>
        <translation>Votre recherche enregistrée « {what} » a été lancée : {found} trouvés, {new} nouveaux.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="191" />
        <source>1 other saved search has run too.</source>
        <translation>{count} autre recherche enregistrée a aussi été lancée.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="192" />
        <source>{count} other saved searches have run too.</source>
        <translation>{count} autres recherches enregistrées ont aussi été lancées.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/texts.py" line="200" />
        <source>This Google Places search makes about {requests} requests, about US${usd} billed to your Google account (Google's monthly free credit may cover it).</source>
        <translation>Cette recherche Google Places fait environ {requests} requêtes, soit environ {usd} $ US facturés à votre compte Google (le crédit mensuel gratuit de Google peut la couvrir).</translation>
    </message>
</context>
<context>
    <name>DiskMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="244" />
        <source>The disk is full: free some space on the disk that holds {folder} and try again. What was saved before is intact.</source>
        <translation>Le disque est plein : libérez de la place sur le disque qui contient {folder}, puis réessayez. Ce qui était déjà enregistré est intact.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="245" />
        <source>LocalPro could not write to the disk that holds {folder} (an input/output error). Check that the disk is still connected and has free space, then try again. What was saved before is intact.</source>
        <translation>LocalPro n'a pas pu écrire sur le disque qui contient {folder} (une erreur d'entrée/sortie). Vérifiez que le disque est toujours branché et qu'il lui reste de la place, puis réessayez. Ce qui était déjà enregistré est intact.</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="53" />
        <source>Rows you already have</source>
        <translation>Lignes déjà présentes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="56" />
        <source>A row is a duplicate when its phone, its e-mail or its name in the same city matches a record you have or an earlier row of the file. What should happen to those rows?</source>
        <translation>Une ligne est un doublon si son téléphone, son e-mail ou son nom dans la même ville correspond à une fiche que vous avez ou à une ligne précédente du fichier. Que faire de ces lignes ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="66" />
        <source>Skip them — keep what I have, unchanged</source>
        <translation>Les ignorer — garder mes fiches telles quelles</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="68" />
        <source>Update them — the file's values replace mine</source>
        <translation>Les mettre à jour — les valeurs du fichier remplacent les miennes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="71" />
        <source>Fill the gaps — only add what my records lack; tags are combined</source>
        <translation>Compléter — n’ajouter que ce qui manque à mes fiches ; les étiquettes sont réunies</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="81" />
        <source>What the import will do</source>
        <translation>Ce que l’import va faire</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="118" />
        <source>Checking every row of the file…</source>
        <translation>Vérification de chaque ligne du fichier…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="179" />
        <source>Rows in the file: {count}</source>
        <translation>Lignes dans le fichier : {count}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="180" />
        <source>New records to add: &lt;b&gt;{count}&lt;/b&gt;</source>
        <translation>Nouvelles fiches à ajouter : &lt;b&gt;{count}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="186" />
        <source>Rows matching records you have: none</source>
        <translation>Lignes correspondant à vos fiches : aucune</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="189" />
        <source>Rows matching records you have: {count}, to skip</source>
        <translation>Lignes correspondant à vos fiches : {count}, ignorées</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="194" />
        <source>Rows matching records you have: {count} ({updated} to update, {unchanged} already up to date)</source>
        <translation>Lignes correspondant à vos fiches : {count} ({updated} à mettre à jour, {unchanged} déjà à jour)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="201" />
        <source>Rows repeating an earlier row of the file: {count}, to skip</source>
        <translation>Lignes qui répètent une ligne précédente du fichier : {count}, ignorées</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="204" />
        <source>Rows repeating an earlier row of the file: {count}, combined with it</source>
        <translation>Lignes qui répètent une ligne précédente du fichier : {count}, fusionnées avec elle</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="211" />
        <source>Rows that cannot be imported: {count} (listed at the end)</source>
        <translation>Lignes impossibles à importer : {count} (listées à la fin)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="219" />
        <source>Values imported but to check: {count}</source>
        <translation>Valeurs importées mais à vérifier : {count}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="232" />
        <source>Row {row}: {match}</source>
        <translation>Ligne {row} : {match}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_duplicates.py" line="240" />
        <source>… and {count} more, all listed in the report at the end</source>
        <translation>… et {count} de plus, toutes listées dans le rapport à la fin</translation>
    </message>
</context>
<context>
    <name>EmailForm</name>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="46" />
        <source>Campaign e-mails go out from your own mailbox through its mail server (SMTP). The password is kept in this computer's keyring, never in a file.</source>
        <translation>Les e-mails des campagnes partent de votre propre boîte, par son serveur d'envoi (SMTP). Le mot de passe est gardé dans le trousseau de cet ordinateur, jamais dans un fichier.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="50" />
        <source>your own address, e.g. you@example.com</source>
        <translation>votre propre adresse, ex. vous@exemple.com</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="53" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="62" />
        <source>Other mail server</source>
        <translation>Autre serveur de messagerie</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="65" />
        <source>Mail service</source>
        <translation>Messagerie</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="67" />
        <source>e.g. mail.your-domain.com</source>
        <translation>ex. mail.votre-domaine.com</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="74" />
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (en général port 587)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="75" />
        <source>SSL/TLS (usually port 465)</source>
        <translation>SSL/TLS (en général port 465)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="76" />
        <source>None — not encrypted</source>
        <translation>Aucune — non chiffré</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="82" />
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="87" />
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="89" />
        <source>e.g. contact@your-shop.com</source>
        <translation>ex. contact@votre-boutique.com</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="90" />
        <source>From address</source>
        <translation>Adresse d'envoi</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="92" />
        <source>e.g. Aissata Couture (optional)</source>
        <translation>ex. Aissata Couture (facultatif)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="93" />
        <source>From name</source>
        <translation>Nom de l'expéditeur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="95" />
        <source>usually the address itself</source>
        <translation>en général l'adresse elle-même</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="96" />
        <source>Username</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="97" />
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="98" />
        <source>Price per e-mail</source>
        <translation>Prix par e-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="98" />
        <source>{currency} per e-mail</source>
        <translation>{currency} par e-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="99" />
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="228" />
        <source>Signature logo</source>
        <translation>Logo de signature</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="113" />
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="119" />
        <source>No logo</source>
        <translation>Pas de logo</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="127" />
        <source>Why some e-mails land in spam (SPF, DKIM, DMARC)</source>
        <translation>Pourquoi des e-mails finissent en spam (SPF, DKIM, DMARC)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="147" />
        <source>Mailboxes such as Gmail check three records that the domain of your address (the part after @) publishes:</source>
        <translation>Les messageries comme Gmail vérifient trois enregistrements publiés par le domaine de votre adresse (la partie après @) :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="152" />
        <source>SPF lists the servers allowed to send mail for your domain. Mail from any other server looks forged.</source>
        <translation>SPF liste les serveurs autorisés à envoyer du courrier pour votre domaine. Un e-mail venu d'un autre serveur paraît falsifié.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="157" />
        <source>DKIM is a signature the server adds to each message: it proves the message comes from your domain and was not changed on the way.</source>
        <translation>DKIM est une signature que le serveur ajoute à chaque message : elle prouve que le message vient de votre domaine et n'a pas été modifié en route.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="162" />
        <source>DMARC tells mailboxes what to do when SPF or DKIM fail (deliver, put in spam or refuse) and where to report it.</source>
        <translation>DMARC indique aux messageries quoi faire quand SPF ou DKIM échouent (distribuer, mettre en spam ou refuser) et à qui le signaler.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="166" />
        <source>Without them your campaign is likely to land in spam, or to be refused. A Gmail or Outlook address has them already. For your own domain, ask whoever manages it (your web host or IT provider) to set up SPF, DKIM and DMARC for the server above.</source>
        <translation>Sans eux, votre campagne risque de finir en spam, ou d'être refusée. Une adresse Gmail ou Outlook les a déjà. Pour votre propre domaine, demandez à qui le gère (votre hébergeur ou votre prestataire informatique) de configurer SPF, DKIM et DMARC pour le serveur ci-dessus.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="230" />
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="246" />
        <source>None (optional: shown under your signature)</source>
        <translation>Aucun (facultatif : affiché sous votre signature)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="278" />
        <source>Enter the mail server's name.</source>
        <translation>Saisissez le nom du serveur de messagerie.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="279" />
        <source>Enter the address mail comes from.</source>
        <translation>Saisissez l'adresse d'envoi.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="282" />
        <source>“{address}” is not an e-mail address.</source>
        <translation>« {address} » n'est pas une adresse e-mail.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="312" />
        <source>Enter the password for {user}.</source>
        <translation>Saisissez le mot de passe de {user}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="316" />
        <source>Stored — leave empty to keep the stored one</source>
        <translation>Enregistré — laissez vide pour garder celui enregistré</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/email_form.py" line="317" />
        <source>The mailbox's password (or app password)</source>
        <translation>Le mot de passe de la boîte (ou mot de passe d'application)</translation>
    </message>
</context>
<context>
    <name>EmailMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="23" />
        <source>an e-mail address needs an @</source>
        <translation>une adresse e-mail doit contenir un @</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="24" />
        <source>the part after the @ is not a valid domain</source>
        <translation>la partie après le @ n'est pas un domaine valide</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="25" />
        <source>not a valid e-mail address</source>
        <translation>adresse e-mail non valide</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/export.py" line="38" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/export.py" line="39" />
        <source>CSV for Excel in French, with semicolons (*.csv)</source>
        <translation>CSV pour Excel en français, avec points-virgules (*.csv)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/export.py" line="40" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/export.py" line="41" />
        <source>GeoJSON for maps (*.geojson)</source>
        <translation>GeoJSON pour les cartes (*.geojson)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/export.py" line="49" />
        <source>Export contacts</source>
        <translation>Exporter les contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/export.py" line="66" />
        <source>Exporting contacts…</source>
        <translation>Export des contacts…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/export.py" line="66" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/export.py" line="68" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/export.py" line="95" />
        <source>Export cancelled: no file was written.</source>
        <translation>Export annulé : aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/export.py" line="110" />
        <source>Exported {n} contacts to {file}.</source>
        <translation>{n} contacts exportés dans {file}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/export.py" line="114" />
        <source>{n} without a location were left out of the map file.</source>
        <translation>{n} sans position ont été laissés hors du fichier de carte.</translation>
    </message>
</context>
<context>
    <name>ExportMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="224" />
        <source>Export cancelled; no file was written.</source>
        <translation>Export annulé ; aucun fichier n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="225" />
        <source>Cannot write in {folder}: {detail}.</source>
        <translation>Impossible d'écrire dans {folder} : {detail}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="226" />
        <source>Cannot replace {file}: it may be open in Excel or another program. Close it and export again.</source>
        <translation>Impossible de remplacer {file} : il est peut-être ouvert dans Excel ou un autre programme. Fermez-le et exportez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="227" />
        <source>Unknown export format {format!r}: use csv, xlsx or geojson.</source>
        <translation>Format d'export inconnu {format!r} : utilisez csv, xlsx ou geojson.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="228" />
        <source>The folder {folder} does not exist.</source>
        <translation>Le dossier {folder} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="229" />
        <source>Could not write {file}: {detail}.</source>
        <translation>Impossible d'écrire {file} : {detail}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="230" />
        <source>Nothing to put on the map: choose a segment, a city or a list of records.</source>
        <translation>Rien à mettre sur la carte : choisissez un segment, une ville ou une liste de fiches.</translation>
    </message>
</context>
<context>
    <name>FailuresView</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="83" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="83" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="83" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="83" />
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="111" />
        <source>{n} × {code} {words}</source>
        <translation>{n} × {code} {words}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="111" />
        <source>{n} × {words}</source>
        <translation>{n} × {words}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="118" />
        <source>1 message failed; the provider said why:</source>
        <translation>{n} message a échoué ; le fournisseur a dit pourquoi :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="119" />
        <source>{n} messages failed; the providers said why:</source>
        <translation>{n} messages ont échoué ; les fournisseurs ont dit pourquoi :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="122" />
        <source>(the latest {n} below)</source>
        <translation>(les {n} plus récents ci-dessous)</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="75" />
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="78" />
        <source>CSV files (from Excel, Google Sheets or any other program) and Excel workbooks (.xlsx) can be imported. The first row must hold column names.</source>
        <translation>Vous pouvez importer des fichiers CSV (Excel, Google Sheets ou tout autre programme) et des classeurs Excel (.xlsx). La première ligne doit contenir les noms des colonnes.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="83" />
        <source>What does the file contain?</source>
        <translation>Que contient le fichier ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="84" />
        <source>Prospects — businesses you want to reach</source>
        <translation>Des prospects — entreprises que vous voulez démarcher</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="86" />
        <source>Contacts — people you already work with (go to the CRM)</source>
        <translation>Des contacts — personnes avec qui vous travaillez déjà (vont dans le CRM)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="93" />
        <source>No file chosen</source>
        <translation>Aucun fichier choisi</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="95" />
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="115" />
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="119" />
        <source>File from</source>
        <translation>Provenance du fichier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="129" />
        <source>Recognise it automatically</source>
        <translation>La reconnaître automatiquement</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="130" />
        <source>LinkedIn connections (Connections.csv)</source>
        <translation>Relations LinkedIn (Connections.csv)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="131" />
        <source>Facebook lead ads (download from Meta)</source>
        <translation>Publicités à formulaire Facebook (téléchargement Meta)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="132" />
        <source>Another spreadsheet: I match the columns myself</source>
        <translation>Autre tableur : j’associe les colonnes moi-même</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="137" />
        <source>a LinkedIn connections export</source>
        <translation>un export des relations LinkedIn</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="138" />
        <source>a Facebook lead ads download</source>
        <translation>un téléchargement de prospects Facebook</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="162" />
        <source>Choose a file to import</source>
        <translation>Choisir le fichier à importer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="164" />
        <source>Spreadsheets (*.csv *.xlsx *.xlsm *.txt *.tsv);;All files (*)</source>
        <translation>Tableurs (*.csv *.xlsx *.xlsm *.txt *.tsv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="180" />
        <source>Reading {name}…</source>
        <translation>Lecture de {name}…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="239" />
        <source>Columns are matched from their names; you can correct them next.</source>
        <translation>Les colonnes sont associées d’après leur nom ; vous pourrez les corriger à l’étape suivante.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="242" />
        <source>An ordinary spreadsheet: columns are matched from their names. If it is a LinkedIn or Facebook export, choose it above.</source>
        <translation>Un tableur ordinaire : les colonnes sont associées d’après leur nom. S’il s’agit d’un export LinkedIn ou Facebook, choisissez-le ci-dessus.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="249" />
        <source>Recognised as {what}.</source>
        <translation>Reconnu comme {what}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="249" />
        <source>Read as {what}.</source>
        <translation>Lu comme {what}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="252" />
        <source>New prospects are recorded as coming from {source}; the business name is the company, or the person's name when there is none.</source>
        <translation>Les nouveaux prospects sont enregistrés comme venant de {source} ; le nom de l’entreprise est la société, ou le nom de la personne à défaut.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="257" />
        <source>{count} rows have neither a name nor a company: they will be listed, with what to fix, in the report.</source>
        <translation>{count} lignes n’ont ni nom ni entreprise : elles seront listées dans le rapport, avec ce qu’il faut corriger.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="263" />
        <source>semicolons</source>
        <translation>points-virgules</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="263" />
        <source>commas</source>
        <translation>virgules</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="263" />
        <source>tabs</source>
        <translation>tabulations</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="265" />
        <source>Excel workbook</source>
        <translation>classeur Excel</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="267" />
        <source>text file ({encoding}, separated by {separator})</source>
        <translation>fichier texte ({encoding}, séparé par des {separator})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="273" />
        <source>✓ {rows} rows and {columns} columns found — {how}.</source>
        <translation>✓ {rows} lignes et {columns} colonnes trouvées — {how}.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="58" />
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="62" />
        <source>Show or hide the list of segments</source>
        <translation>Afficher ou masquer la liste des segments</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="64" />
        <source>Search names, companies, cities, phones…</source>
        <translation>Chercher noms, entreprises, villes, téléphones…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="73" />
        <source>Show only the contacts of a segment</source>
        <translation>N’afficher que les contacts d’un segment</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="74" />
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="144" />
        <source>All contacts</source>
        <translation>Tous les contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="75" />
        <source>Save as segment…</source>
        <translation>Enregistrer en segment…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="80" />
        <source>+ Add a contact</source>
        <translation>+ Ajouter un contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="81" />
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="83" />
        <source>Save the contacts shown (filter and segment) as CSV, Excel or GeoJSON</source>
        <translation>Enregistrer les contacts affichés (filtre et segment) en CSV, Excel ou GeoJSON</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="171" />
        <source>A hand-picked list cannot become a rule: pick “All contacts” first.</source>
        <translation>Une liste choisie à la main ne peut pas devenir une règle : choisissez d’abord « Tous les contacts ».</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="173" />
        <source>Save “{rule}” as a segment that stays up to date</source>
        <translation>Enregistrer « {rule} » comme segment tenu à jour</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="177" />
        <source>Type a search first; the segment keeps it as a rule.</source>
        <translation>Tapez d’abord une recherche ; le segment la garde comme règle.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="185" />
        <source>Save as segment</source>
        <translation>Enregistrer en segment</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="186" />
        <source>Name of the new segment (it will follow this filter as contacts change):</source>
        <translation>Nom du nouveau segment (il suivra ce filtre quand les contacts changent) :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="211" />
        <source>1 contact</source>
        <translation>1 contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="213" />
        <source>{n} contacts</source>
        <translation>{n} contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/filter_bar.py" line="216" />
        <source>{n} of {total} contacts</source>
        <translation>{n} sur {total} contacts</translation>
    </message>
</context>
<context>
    <name>ImportLimitMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="217" />
        <source>{file} is {size} MB; LocalPro imports files of at most {limit} MB at a time. Split it into smaller files (for example by city) and import them one after the other.</source>
        <translation>{file} fait {size} Mo ; LocalPro importe des fichiers d’au plus {limit} Mo à la fois. Découpez-le en fichiers plus petits (par exemple par ville) et importez-les l’un après l’autre.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="218" />
        <source>{where} has more than {limit} rows; LocalPro imports at most {limit} rows at a time. Split it into smaller files (for example by city) and import them one after the other.</source>
        <translation>{where} a plus de {limit} lignes ; LocalPro importe au plus {limit} lignes à la fois. Découpez-le en fichiers plus petits (par exemple par ville) et importez-les l’un après l’autre.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="219" />
        <source>{where} has more than {limit} cells, counting the empty ones up to the last filled column and row. Delete the empty rows and columns after your data (or save the sheet as CSV), then import it again.</source>
        <translation>{where} a plus de {limit} cellules, en comptant les vides jusqu’à la dernière colonne et la dernière ligne remplies. Supprimez les lignes et colonnes vides après vos données (ou enregistrez la feuille en CSV), puis importez-la à nouveau.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="220" />
        <source>{file} unpacks to more than {limit} MB ({part}), far more than a spreadsheet LocalPro can import: it may be damaged or built to exhaust memory. Open it in Excel or LibreOffice, keep only the rows to import, and save it again as .xlsx or CSV.</source>
        <translation>{file} se décompresse en plus de {limit} Mo ({part}), bien plus qu’un classeur que LocalPro peut importer : il est peut-être endommagé ou conçu pour épuiser la mémoire. Ouvrez-le dans Excel ou LibreOffice, gardez seulement les lignes à importer et enregistrez-le à nouveau en .xlsx ou CSV.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="221" />
        <source>{file} is not a text file: it contains binary data. If it is a spreadsheet, open it in Excel or LibreOffice and save it as CSV or .xlsx, then import that file.</source>
        <translation>{file} n’est pas un fichier texte : il contient des données binaires. Si c’est un tableau, ouvrez-le dans Excel ou LibreOffice et enregistrez-le en CSV ou .xlsx, puis importez ce fichier.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="222" />
        <source>{file} is an Excel workbook with a CSV name. Rename it to .xlsx, or open it in Excel and save it as CSV, then import it again.</source>
        <translation>{file} est un classeur Excel avec un nom de fichier CSV. Renommez-le en .xlsx, ou ouvrez-le dans Excel et enregistrez-le en CSV, puis importez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="223" />
        <source>{file}, row {row}: a cell is longer than {limit} characters. Most often a quote (") is opened and never closed, so the rest of the file reads as one cell; otherwise the rows lack line breaks. Open the file in Excel or LibreOffice, check that row, and save it again as CSV.</source>
        <translation>{file}, ligne {row} : une cellule dépasse {limit} caractères. Le plus souvent, un guillemet (") est ouvert et jamais fermé, et le reste du fichier se lit comme une seule cellule ; sinon, les lignes n’ont pas de retours à la ligne. Ouvrez le fichier dans Excel ou LibreOffice, vérifiez cette ligne et enregistrez-le à nouveau en CSV.</translation>
    </message>
</context>
<context>
    <name>ImportMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="168" />
        <source>File not found: {path}. Check the folder and the file name (including its extension, e.g. .csv or .xlsx).</source>
        <translation>Fichier introuvable : {path}. Vérifiez le dossier et le nom du fichier (avec son extension, par exemple .csv ou .xlsx).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="169" />
        <source>{path} is a folder, not a file. Choose the .csv or .xlsx file.</source>
        <translation>{path} est un dossier, pas un fichier. Choisissez le fichier .csv ou .xlsx.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="170" />
        <source>{file}: {why}. Open it in Excel or LibreOffice and save it as .xlsx or CSV, then import that file.</source>
        <translation>{file} : {why}. Ouvrez-le dans Excel ou LibreOffice, enregistrez-le en .xlsx ou en CSV, puis importez ce fichier.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="171" />
        <source>'.xls' is the old Excel format, which LocalPro cannot read</source>
        <translation>« .xls » est l'ancien format d'Excel, que LocalPro ne sait pas lire</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="172" />
        <source>'.ods' (LibreOffice/OpenOffice) files cannot be read directly</source>
        <translation>les fichiers « .ods » (LibreOffice/OpenOffice) ne peuvent pas être lus directement</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="173" />
        <source>Apple Numbers files cannot be read directly</source>
        <translation>les fichiers Apple Numbers ne peuvent pas être lus directement</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="174" />
        <source>{file} has no extension. LocalPro imports .csv, .txt, .tsv and .xlsx files: save or rename it accordingly.</source>
        <translation>{file} n'a pas d'extension. LocalPro importe les fichiers .csv, .txt, .tsv et .xlsx : enregistrez-le ou renommez-le en conséquence.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="175" />
        <source>{file}: unsupported file type '{suffix}'. LocalPro imports .csv, .txt, .tsv and .xlsx files.</source>
        <translation>{file} : type de fichier « {suffix} » non pris en charge. LocalPro importe les fichiers .csv, .txt, .tsv et .xlsx.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="176" />
        <source>LocalPro is not allowed to read {file}. If it is open in Excel, close it and try again; otherwise check the file's permissions.</source>
        <translation>LocalPro n'a pas le droit de lire {file}. S'il est ouvert dans Excel, fermez-le et réessayez ; sinon, vérifiez les autorisations du fichier.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="177" />
        <source>Could not read {path}: {detail}.</source>
        <translation>Impossible de lire {path} : {detail}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="178" />
        <source>{file} is empty (0 bytes). Export the spreadsheet again, with a header row of column names followed by one row per record.</source>
        <translation>{file} est vide (0 octet). Exportez à nouveau le tableur, avec une ligne d'en-tête portant les noms des colonnes puis une ligne par fiche.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="179" />
        <source>{file} is empty: it contains only blank lines. Add a header row of column names followed by one row per record.</source>
        <translation>{file} est vide : il ne contient que des lignes blanches. Ajoutez une ligne d'en-tête portant les noms des colonnes puis une ligne par fiche.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="180" />
        <source>Unknown encoding '{encoding}'. Use for example utf-8, cp1252 or utf-16, or leave the encoding out to let LocalPro detect it.</source>
        <translation>Encodage « {encoding} » inconnu. Utilisez par exemple utf-8, cp1252 ou utf-16, ou n'indiquez pas d'encodage pour que LocalPro le détecte.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="181" />
        <source>The file is not valid {encoding} (unexpected byte at position {position}). Leave the encoding out to let LocalPro detect it, or save the file as 'CSV UTF-8' in Excel.</source>
        <translation>Le fichier n'est pas en {encoding} valide (octet inattendu à la position {position}). N'indiquez pas d'encodage pour que LocalPro le détecte, ou enregistrez le fichier en « CSV UTF-8 » dans Excel.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="182" />
        <source>Invalid delimiter {value!r}: give a single character such as ',' or ';', or the word 'tab'.</source>
        <translation>Séparateur non valide {value!r} : donnez un seul caractère, comme « , » ou « ; », ou le mot « tab ».</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="183" />
        <source>{file}, row {row}: the line cannot be read as CSV ({detail}). Check for a quote (") that is opened and never closed.</source>
        <translation>{file}, ligne {row} : la ligne ne peut pas être lue en CSV ({detail}). Cherchez un guillemet (") ouvert et jamais fermé.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="184" />
        <source>{file} could not be read as an Excel .xlsx workbook ({error}). It may be damaged, password-protected, or another format renamed to .xlsx: open it in Excel or LibreOffice and save it again as .xlsx or CSV.</source>
        <translation>{file} n'a pas pu être lu comme un classeur Excel .xlsx ({error}). Il est peut-être endommagé, protégé par un mot de passe, ou d'un autre format renommé en .xlsx : ouvrez-le dans Excel ou LibreOffice et enregistrez-le à nouveau en .xlsx ou en CSV.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="185" />
        <source>{file} contains no worksheet to import.</source>
        <translation>{file} ne contient aucune feuille à importer.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="186" />
        <source>{file} has no sheet number {sheet}: it has {count} sheet(s), numbered from 0: {names}.</source>
        <translation>{file} n'a pas de feuille numéro {sheet} : il a {count} feuille(s), numérotées à partir de 0 : {names}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="187" />
        <source>{file} has no sheet named '{sheet}'. Its sheets are: {names}.</source>
        <translation>{file} n'a pas de feuille nommée « {sheet} ». Ses feuilles sont : {names}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="188" />
        <source>sheet '{sheet}' of {file}</source>
        <translation>la feuille « {sheet} » de {file}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="189" />
        <source>{where} is empty: there is no header row and no data. Put the column names (e.g. Name, Phone, City) on the first row and one record per row below.</source>
        <translation>{where} est vide : il n'y a ni ligne d'en-tête ni données. Mettez les noms des colonnes (par exemple Nom, Téléphone, Ville) sur la première ligne et une fiche par ligne en dessous.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="190" />
        <source>{where} has no header row: the first row ({shown}) looks like data, not column names. Insert a first row with the column names, e.g. Name, Phone, City.</source>
        <translation>{where} n'a pas de ligne d'en-tête : la première ligne ({shown}) ressemble à des données, pas à des noms de colonnes. Insérez une première ligne avec les noms des colonnes, par exemple Nom, Téléphone, Ville.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="191" />
        <source>{where} has duplicate column names: {problems}. Rename them so every column has its own name (e.g. 'Phone' and 'Phone 2').</source>
        <translation>{where} a des noms de colonnes en double : {problems}. Renommez-les pour que chaque colonne ait son propre nom (par exemple « Téléphone » et « Téléphone 2 »).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="192" />
        <source>"{name}" (columns {first} and {second})</source>
        <translation>« {name} » (colonnes {first} et {second})</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="193" />
        <source>and {count} more</source>
        <translation>et {count} de plus</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="194" />
        <source>{file}: line {row} is longer than {limit} characters, far too long for a row of column names. The file may not be a table, or its rows may lack line breaks: open it in Excel or LibreOffice, check that it has one record per line, and save it again as CSV.</source>
        <translation>{file} : la ligne {row} dépasse {limit} caractères, bien trop pour une ligne de noms de colonnes. Le fichier n'est peut-être pas un tableau, ou ses lignes n'ont pas de retour à la ligne : ouvrez-le dans Excel ou LibreOffice, vérifiez qu'il contient un enregistrement par ligne, puis enregistrez-le à nouveau en CSV.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="195" />
        <source>{where} has {count} columns; LocalPro imports at most {limit}. Check that the delimiter is right, or delete the columns you do not need, then import the file again.</source>
        <translation>{where} compte {count} colonnes ; LocalPro en importe au plus {limit}. Vérifiez que le séparateur est le bon, ou supprimez les colonnes inutiles, puis importez le fichier à nouveau.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="196" />
        <source>Unknown record kind {kind!r}: use 'prospects' or 'contacts'.</source>
        <translation>Type de fiche inconnu {kind!r} : utilisez « prospects » ou « contacts ».</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="197" />
        <source>Invalid column mapping {item!r}: write COLUMN=FIELD, e.g. "Tél=phone", or COLUMN=ignore to skip a column.</source>
        <translation>Correspondance de colonne non valide {item!r} : écrivez COLONNE=CHAMP, par exemple « Tél=phone », ou COLONNE=ignore pour ignorer une colonne.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="198" />
        <source>Field '{field}' is given to two columns: '{first}' and '{second}'. Each field can come from one column only.</source>
        <translation>Le champ « {field} » est attribué à deux colonnes : « {first} » et « {second} ». Chaque champ ne peut venir que d'une seule colonne.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="199" />
        <source>Column '{column}' matches several columns ({matches}): write the exact name. Available columns: {available}.</source>
        <translation>« {column} » correspond à plusieurs colonnes ({matches}) : écrivez le nom exact. Colonnes disponibles : {available}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="200" />
        <source>Unknown column '{column}'. Available columns: {available}.</source>
        <translation>Colonne « {column} » inconnue. Colonnes disponibles : {available}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="201" />
        <source>Unknown field '{raw}' for {kind}.{hint} Valid fields: {fields}; or 'ignore' to skip the column.</source>
        <translation>Champ « {raw} » inconnu pour les {kind}.{hint} Champs valides : {fields} ; ou « ignore » pour ignorer la colonne.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="202" />
        <source> Did you mean '{field}'?</source>
        <translation> Vouliez-vous dire « {field} » ?</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="203" />
        <source>Not {kind} fields: {unknown}. Valid fields: {fields}.</source>
        <translation>Ce ne sont pas des champs de {kind} : {unknown}. Champs valides : {fields}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="204" />
        <source>No column for {missing} in {file}. Columns found: {columns}. Map one with --map COLUMN={field}.</source>
        <translation>Aucune colonne pour {missing} dans {file}. Colonnes trouvées : {columns}. Associez-en une avec --map COLONNE={field}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="205" />
        <source>same phone {phone}</source>
        <translation>même téléphone {phone}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="206" />
        <source>same e-mail {email}</source>
        <translation>même e-mail {email}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="207" />
        <source>similar name in {city} ({score:.0f}%)</source>
        <translation>nom proche à {city} ({score:.0f} %)</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="208" />
        <source>matched row {other} of the file ({reason})</source>
        <translation>correspond à la ligne {other} du fichier ({reason})</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="209" />
        <source>matched {name}, already in the workspace ({reason})</source>
        <translation>correspond à {name}, déjà dans l’espace de travail ({reason})</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="210" />
        <source>Import cancelled; the workspace is unchanged.</source>
        <translation>Import annulé ; l'espace de travail n'a pas changé.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="211" />
        <source>LinkedIn connections</source>
        <translation>Relations LinkedIn</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="212" />
        <source>Facebook lead ads</source>
        <translation>Publicités à formulaire Facebook</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="213" />
        <source>Unknown kind of file '{preset}'. Choose one of: {choices}.</source>
        <translation>Type de fichier inconnu « {preset} ». Choisissez parmi : {choices}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="214" />
        <source>{file} does not look like a {preset} export: the columns {missing} are missing. Choose another kind of file, or none to match the columns yourself.</source>
        <translation>{file} ne ressemble pas à un export {preset} : il manque les colonnes {missing}. Choisissez un autre type de fichier, ou aucun pour associer les colonnes vous-même.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="215" />
        <source>This LinkedIn connection has no name and no company: fill in First Name and Last Name, or Company, then import the file again.</source>
        <translation>Cette relation LinkedIn n’a ni nom ni entreprise : remplissez First Name et Last Name, ou Company, puis importez à nouveau le fichier.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="216" />
        <source>This lead has no name and no company: fill in full_name (or first_name and last_name), or company_name, then import the file again.</source>
        <translation>Ce contact n’a ni nom ni entreprise : remplissez full_name (ou first_name et last_name), ou company_name, puis importez à nouveau le fichier.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="53" />
        <source>Import a file</source>
        <translation>Importer un fichier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="58" />
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="59" />
        <source>Next &gt;</source>
        <translation>Suivant &gt;</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="60" />
        <source>&lt; Back</source>
        <translation>&lt; Précédent</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="61" />
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="62" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ImproveAction</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_action.py" line="57" />
        <location filename="../../localpro_desktop/ui/campaigns/improve_action.py" line="143" />
        <source>Improve with AI</source>
        <translation>Améliorer avec l'IA</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_action.py" line="80" />
        <source>Ask the assistant for better versions of this message; your placeholders such as {{first_name}} are kept, and nothing changes until you pick one.</source>
        <translation>Demander à l'assistant de meilleures versions de ce message ; vos champs comme {{first_name}} sont conservés, et rien ne change tant que vous n'en choisissez pas une.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_action.py" line="113" />
        <source>Asking the assistant for better versions…</source>
        <translation>L'assistant prépare de meilleures versions…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_action.py" line="137" />
        <source>Improving…</source>
        <translation>Amélioration…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_action.py" line="160" />
        <source>The message is the WhatsApp template's text; it cannot be replaced here.</source>
        <translation>Le message est le texte du modèle WhatsApp ; il ne peut pas être remplacé ici.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_action.py" line="186" />
        <source>Version used: Ctrl+Z brings yours back.</source>
        <translation>Version utilisée : Ctrl+Z rétablit la vôtre.</translation>
    </message>
</context>
<context>
    <name>ImproveDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="53" />
        <source>Improve with AI</source>
        <translation>Améliorer avec l'IA</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="67" />
        <source>Your message</source>
        <translation>Votre message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="69" />
        <source>Version {number}</source>
        <translation>Version {number}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="86" />
        <source>{model} · {tokens} tokens</source>
        <translation>{model} · {tokens} jetons</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="91" />
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="92" />
        <source>Keep your message as it is</source>
        <translation>Garder votre message tel quel</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="103" />
        <source>None of the assistant's versions kept your message's rules; your message stays as it is.</source>
        <translation>Aucune des versions de l'assistant ne respectait les règles de votre message ; votre message reste tel quel.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="107" />
        <source>The assistant wrote a version of your message. Use it, or keep yours.</source>
        <translation>L'assistant a écrit une version de votre message. Utilisez-la, ou gardez le vôtre.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="109" />
        <source>The assistant wrote {count} versions of your message. Use one, or keep yours.</source>
        <translation>L'assistant a écrit {count} versions de votre message. Utilisez-en une, ou gardez le vôtre.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="119" />
        <source>1 version was refused: {reasons}</source>
        <translation>1 version a été refusée : {reasons}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="120" />
        <source>{count} versions were refused: {reasons}</source>
        <translation>{count} versions ont été refusées : {reasons}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="144" />
        <source>Subject: {subject}</source>
        <translation>Objet : {subject}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="155" />
        <source>Why: {why}</source>
        <translation>Pourquoi : {why}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="158" />
        <source>Use this version</source>
        <translation>Utiliser cette version</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="160" />
        <source>Replace the composer's message with this one</source>
        <translation>Remplacer le message de l'éditeur par celui-ci</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="167" />
        <source>As it is now in the composer</source>
        <translation>Tel qu'il est dans l'éditeur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="176" />
        <source>GSM-7</source>
        <translation>GSM-7</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="176" />
        <source>Unicode (70 characters per SMS)</source>
        <translation>Unicode (70 caractères par SMS)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="178" />
        <source>1 SMS · {encoding}</source>
        <translation>1 SMS · {encoding}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/improve_dialog.py" line="179" />
        <source>{parts} SMS · {encoding}</source>
        <translation>{parts} SMS · {encoding}</translation>
    </message>
</context>
<context>
    <name>InboundMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="362" />
        <source>replied with a stop word by SMS</source>
        <translation>a répondu par un mot d'arrêt par SMS</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="363" />
        <source>asked WhatsApp to stop the messages</source>
        <translation>a demandé à WhatsApp d'arrêter les messages</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="364" />
        <source>unsubscribed with the e-mail's link</source>
        <translation>s'est désabonné avec le lien de l'e-mail</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="365" />
        <source>set by hand</source>
        <translation>saisi à la main</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="366" />
        <source>Applied {receipts} receipts, {replies} replies, {opt_outs} opt-out changes ({waiting} waiting for their message).</source>
        <translation>Appliqué : {receipts} accusés, {replies} réponses, {opt_outs} changements de désinscription ({waiting} en attente de leur message).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="367" />
        <source>Not a date: {text!r} (use YYYY-MM-DD, or YYYY-MM-DD HH:MM).</source>
        <translation>Pas une date : {text!r} (utilisez AAAA-MM-JJ, ou AAAA-MM-JJ HH:MM).</translation>
    </message>
</context>
<context>
    <name>LateCampaigns</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/late_prompt.py" line="161" />
        <source>“{name}” could not go now; the Campaigns tab says why.</source>
        <translation>« {name} » n’a pas pu partir maintenant ; l’onglet Campagnes dit pourquoi.</translation>
    </message>
</context>
<context>
    <name>LatePrompt</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/late_prompt.py" line="46" />
        <source>“{name}” was due 1 day ago.</source>
        <translation>« {name} » devait partir il y a {n} jour.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/late_prompt.py" line="47" />
        <source>“{name}” was due {n} days ago.</source>
        <translation>« {name} » devait partir il y a {n} jours.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/late_prompt.py" line="61" />
        <source>A scheduled campaign is late</source>
        <translation>Une campagne programmée est en retard</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/late_prompt.py" line="65" />
        <source>It was scheduled for {when}, but LocalPro was not running then. Its message may be out of date: send it now, or keep it as a draft to change it.</source>
        <translation>Elle était programmée pour le {when}, mais LocalPro n’était pas ouvert. Son message n’est peut-être plus d’actualité : envoyez-la maintenant, ou gardez-la en brouillon pour la modifier.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/late_prompt.py" line="69" />
        <source>Send now</source>
        <translation>Envoyer maintenant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/late_prompt.py" line="71" />
        <source>Keep as draft</source>
        <translation>Garder en brouillon</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/late_prompt.py" line="74" />
        <source>Decide later</source>
        <translation>Décider plus tard</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/late_prompt.py" line="76" />
        <source>Ask again the next time LocalPro starts</source>
        <translation>Redemander au prochain démarrage de LocalPro</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../localpro_desktop/ui/tabs.py" line="138" />
        <source>Prospects</source>
        <translation>Prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/tabs.py" line="141" />
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/tabs.py" line="144" />
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/tabs.py" line="149" />
        <source>Replies</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/tabs.py" line="152" />
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/tabs.py" line="155" />
        <source>Analytics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/tabs.py" line="160" />
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="239" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="240" />
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="242" />
        <source>Add a prospect, a contact or a campaign</source>
        <translation>Ajouter un prospect, un contact ou une campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="246" />
        <source>Workspace &amp;settings…</source>
        <translation>&amp;Paramètres de l’espace…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="248" />
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="250" />
        <source>&amp;Account…</source>
        <translation>&amp;Compte…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="252" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="339" />
        <source>Backup written to {path}</source>
        <translation>Sauvegarde enregistrée dans {path}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="346" />
        <source>Something went wrong</source>
        <translation>Une erreur est survenue</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="346" />
        <source>LocalPro</source>
        <translation>LocalPro</translation>
    </message>
</context>
<context>
    <name>MapShare</name>
    <message>
        <location filename="../../localpro_desktop/ui/map/share.py" line="90" />
        <source>Share this map…</source>
        <translation>Partager cette carte…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/share.py" line="93" />
        <source>Save what the map shows as one web page that opens on a phone without a connection, to plan a day of visits</source>
        <translation>Enregistrer ce que montre la carte dans une seule page web qui s'ouvre sur un téléphone sans connexion, pour préparer une journée de visites</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/share.py" line="108" />
        <source>visits</source>
        <translation>visites</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/share.py" line="110" />
        <source>Share this map</source>
        <translation>Partager cette carte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/share.py" line="110" />
        <source>Web page (*.html)</source>
        <translation>Page web (*.html)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/share.py" line="121" />
        <source>Saving the map…</source>
        <translation>Enregistrement de la carte…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/share.py" line="134" />
        <source>Map of {count} records saved to {file}: it opens without a connection.</source>
        <translation>Carte de {count} fiches enregistrée dans {file} : elle s'ouvre sans connexion.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/share.py" line="138" />
        <source>{count} at their city's centre (approximate).</source>
        <translation>{count} au centre de leur ville (approximatif).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/share.py" line="141" />
        <source>{count} without a known place left out.</source>
        <translation>{count} sans lieu connu laissées de côté.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/share.py" line="149" />
        <source>The map was not saved: {reason}</source>
        <translation>La carte n'a pas été enregistrée : {reason}</translation>
    </message>
</context>
<context>
    <name>MapTab</name>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="132" />
        <source>Tiles…</source>
        <translation>Fonds de carte…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="133" />
        <source>Choose the server the map's background comes from</source>
        <translation>Choisir le serveur qui fournit le fond de carte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="334" />
        <source>Prospect (converted)</source>
        <translation>Prospect (converti)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="333" />
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="335" />
        <source>approximate (centre of the city)</source>
        <translation>approximative (centre de la ville)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="351" />
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="352" />
        <source>This record no longer exists.</source>
        <translation>Cette fiche n'existe plus.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="353" />
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="354" />
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="355" />
        <source>Sector:</source>
        <translation>Secteur :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="356" />
        <source>City:</source>
        <translation>Ville :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="357" />
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="358" />
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="359" />
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="360" />
        <source>Position:</source>
        <translation>Position :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="361" />
        <source>Hollow: approximate position (centre of the city)</source>
        <translation>Creux : position approximative (centre de la ville)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="365" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="371" />
        <source>Prospects</source>
        <translation>Prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="425" />
        <source>The map stopped working. Close and reopen LocalPro to show it again.</source>
        <translation>La carte ne répond plus. Fermez puis rouvrez LocalPro pour l'afficher à nouveau.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="462" />
        <source>Loading the map…</source>
        <translation>Chargement de la carte…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="473" />
        <source>Offline: saved tiles and country outlines</source>
        <translation>Hors ligne : fonds enregistrés et contours des pays</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="301" />
        <source>Match the columns</source>
        <translation>Associer les colonnes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="304" />
        <source>Check which field each column fills; LocalPro guessed from the column names. Columns set to “Ignore” are not imported.</source>
        <translation>Vérifiez le champ que remplit chaque colonne ; LocalPro l’a deviné d’après les noms de colonnes. Les colonnes « Ignorer » ne sont pas importées.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="341" />
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="348" />
        <source>— Ignore —</source>
        <translation>— Ignorer —</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="395" />
        <source>⚠ No column is set to {field}, which is required. Choose it above.</source>
        <translation>⚠ Aucune colonne n’est associée à {field}, qui est obligatoire. Choisissez-la ci-dessus.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="401" />
        <source>✓ {used} of {total} columns will be imported.</source>
        <translation>✓ {used} colonnes sur {total} seront importées.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="413" />
        <source>WhatsApp numbers come from the WhatsApp column only: a row with none there gets none.</source>
        <translation>Les numéros WhatsApp viennent uniquement de la colonne WhatsApp : une ligne qui n’en a pas n’en reçoit pas.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_setup.py" line="418" />
        <source>The file has no WhatsApp column: mobile numbers are also taken as WhatsApp numbers, landlines are not.</source>
        <translation>Le fichier n’a pas de colonne WhatsApp : les numéros de mobile servent aussi de numéros WhatsApp, les fixes non.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/merge_dialog.py" line="54" />
        <source>Merge into an existing contact</source>
        <translation>Fusionner avec un contact existant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/merge_dialog.py" line="57" />
        <source>{name} will be merged into the contact you pick: its messages, campaigns and opt-outs move there, and {name} is deleted.</source>
        <translation>{name} sera fusionné avec le contact que vous choisissez : ses messages, campagnes et désinscriptions y sont déplacés, et {name} est supprimé.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/merge_dialog.py" line="63" />
        <source>Search name, company, phone, e-mail or city</source>
        <translation>Chercher nom, entreprise, téléphone, e-mail ou ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/merge_dialog.py" line="69" />
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/merge_dialog.py" line="119" />
        <source>No contact matches.</source>
        <translation>Aucun contact ne correspond.</translation>
    </message>
</context>
<context>
    <name>MergeLink</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/merge_dialog.py" line="166" />
        <source>A message from a number nobody had made this contact: merge it into who it is.</source>
        <translation>Ce contact a été créé par un message d'un numéro inconnu : fusionnez-le avec la personne qu'il est.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/merge_dialog.py" line="173" />
        <source>Merge into an existing contact…</source>
        <translation>Fusionner avec un contact existant…</translation>
    </message>
</context>
<context>
    <name>MergesDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="43" />
        <source>Merges from discovery</source>
        <translation>Fusions issues de la recherche</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="47" />
        <source>Places found by a search that matched a prospect you had were merged into it: its empty fields were filled. Undo a merge that was wrong.</source>
        <translation>Les lieux trouvés qui correspondaient à un de vos prospects y ont été fusionnés : ses champs vides ont été remplis. Annulez une fusion erronée.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="56" />
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="57" />
        <source>Place found</source>
        <translation>Lieu trouvé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="58" />
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="59" />
        <source>Fields filled</source>
        <translation>Champs remplis</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="60" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="72" />
        <source>No merges yet.</source>
        <translation>Aucune fusion pour l'instant.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="74" />
        <source>Undo this merge</source>
        <translation>Annuler cette fusion</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="118" />
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="119" />
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="120" />
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="121" />
        <source>website</source>
        <translation>site web</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="122" />
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="123" />
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="124" />
        <source>location</source>
        <translation>position</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/merges_dialog.py" line="149" />
        <source>Merge into “{name}” undone.</source>
        <translation>Fusion dans « {name} » annulée.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../localpro_desktop/ui/widgets.py" line="91" />
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>MessageEditor</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="49" />
        <source>e.g. News for {{company}}</source>
        <translation>ex. Nouveautés pour {{company}}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="57" />
        <source>Hello {{first_name}}, …  Use the buttons above to add personal fields.</source>
        <translation>Bonjour {{first_name}}, …  Les boutons ci-dessus ajoutent des champs personnalisés.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="78" />
        <source>Insert:</source>
        <translation>Insérer :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="86" />
        <source>Insert {token} at the cursor</source>
        <translation>Insérer {token} au curseur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="93" />
        <source>More fields</source>
        <translation>Autres champs</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="109" />
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="110" />
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="111" />
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="112" />
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="113" />
        <source>Business name</source>
        <translation>Nom de l’entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="114" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="115" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="116" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="117" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="157" />
        <source>The template's text is fixed; choose its fields above.</source>
        <translation>Le texte du modèle est fixe ; choisissez ses champs ci-dessus.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="201" />
        <source>Counted on the message as the person in the preview receives it. An emoji or a letter outside the basic SMS alphabet switches the whole message to Unicode: 70 characters per SMS instead of 160.</source>
        <translation>Compté sur le message tel que le reçoit la personne de l'aperçu. Un emoji ou une lettre hors de l'alphabet SMS de base fait passer tout le message en Unicode : 70 caractères par SMS au lieu de 160.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="208" />
        <source>Unicode</source>
        <translation>Unicode</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="208" />
        <source>GSM-7</source>
        <translation>GSM-7</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/message_editor.py" line="210" />
        <source>{segments} SMS · {units}/{capacity} characters · {encoding}</source>
        <translation>{segments} SMS · {units}/{capacity} caractères · {encoding}</translation>
    </message>
</context>
<context>
    <name>MessagePreview</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/preview.py" line="57" />
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/preview.py" line="67" />
        <source>Send a test to myself</source>
        <translation>M'envoyer un test</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/preview.py" line="81" />
        <source>As received by</source>
        <translation>Tel que reçu par</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/preview.py" line="190" />
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/preview.py" line="192" />
        <source>The preview comes back once the message has no error.</source>
        <translation>L'aperçu revient dès que le message ne contient plus d'erreur.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/preview.py" line="194" />
        <source>Your message appears here as it will be received.</source>
        <translation>Votre message s'affiche ici tel qu'il sera reçu.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/preview.py" line="216" />
        <source>Send this message, as this person receives it, to your own address.</source>
        <translation>Envoyer ce message, tel que cette personne le reçoit, à votre propre adresse.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/preview.py" line="227" />
        <source>Choose recipients to see each person's message.</source>
        <translation>Choisissez les destinataires pour voir le message de chacun.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/preview.py" line="231" />
        <source>To: {address}</source>
        <translation>À : {address}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/preview.py" line="246" />
        <source>Blank for this person: {fields}</source>
        <translation>Vide pour cette personne : {fields}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/preview.py" line="269" />
        <source>No contact person: “{field}” is the company name here.</source>
        <translation>Pas de personne à contacter : « {field} » est ici le nom de l'entreprise.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/preview.py" line="275" />
        <source>1 of {total} recipients has no contact person: “{field}” is the company name.</source>
        <translation>1 destinataire sur {total} n'a pas de personne à contacter : « {field} » est le nom de l'entreprise.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/preview.py" line="278" />
        <source>{n} of {total} recipients have no contact person: “{field}” is their company name.</source>
        <translation>{n} destinataires sur {total} n'ont pas de personne à contacter : « {field} » est le nom de leur entreprise.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/preview.py" line="291" />
        <source>and {n} more</source>
        <translation>et {n} autres</translation>
    </message>
</context>
<context>
    <name>ModeBar</name>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/ask_box.py" line="42" />
        <source>What the assistant is told about, for this conversation</source>
        <translation>Ce dont l’assistant est informé, pour cette conversation</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/ask_box.py" line="48" />
        <source>The campaign to optimise</source>
        <translation>La campagne à optimiser</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/ask_box.py" line="50" />
        <source>Include contacts' names, numbers and e-mails in this conversation</source>
        <translation>Inclure les noms, numéros et e-mails des contacts dans cette conversation</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/ask_box.py" line="54" />
        <source>Off: only figures (counts, rates) and your own message texts are sent to the AI server. On: the names, phone numbers and e-mail addresses of your 50 most recently updated contacts are sent too, with each question of this conversation.</source>
        <translation>Décoché : seuls des chiffres (effectifs, taux) et les textes de vos propres messages sont envoyés au serveur d’IA. Coché : les noms, numéros de téléphone et adresses e-mail de vos 50 contacts modifiés le plus récemment sont aussi envoyés, avec chaque question de cette conversation.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/ask_box.py" line="72" />
        <source>Choose a campaign…</source>
        <translation>Choisir une campagne…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/ask_box.py" line="91" />
        <source>(deleted campaign)</source>
        <translation>(campagne supprimée)</translation>
    </message>
</context>
<context>
    <name>MoveMessages</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/move_messages.py" line="44" />
        <source>Nothing to undo.</source>
        <translation>Rien à annuler.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/move_messages.py" line="51" />
        <source>{count} contacts moved to {status}.</source>
        <translation>{count} contacts sont passés à {status}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/move_messages.py" line="53" />
        <source>{name} moved to {status}.</source>
        <translation>{name} est passé à {status}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/move_messages.py" line="55" />
        <source>{name} moved to {status}; this segment does not show that stage.</source>
        <translation>{name} est passé à {status} ; ce segment n’affiche pas cette étape.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/move_messages.py" line="62" />
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/move_messages.py" line="69" />
        <source>Move undone for {names}; {others} moved again since, left as is.</source>
        <translation>Déplacement annulé pour {names} ; {others} déplacé(s) depuis, laissé(s) tel(s) quel(s).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/move_messages.py" line="71" />
        <source>Move undone: {count} contacts are back in {status}.</source>
        <translation>Déplacement annulé : {count} contacts sont de retour dans {status}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/move_messages.py" line="73" />
        <source>Move undone: {names} is back in {status}.</source>
        <translation>Déplacement annulé : {names} est de retour dans {status}.</translation>
    </message>
</context>
<context>
    <name>OptOutLines</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/opt_out_lines.py" line="88" />
        <source>Opted out of {channel} on {date} ({words})</source>
        <translation>Désinscrit des messages {channel} le {date} ({words})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/opt_out_lines.py" line="90" />
        <source>Opted back in to {channel} on {date} ({words})</source>
        <translation>Réinscrit aux messages {channel} le {date} ({words})</translation>
    </message>
</context>
<context>
    <name>OutboxMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="257" />
        <source>An outbox message that is {current} cannot become {target}.</source>
        <translation>Un message de la boîte d'envoi à l'état {current} ne peut pas passer à {target}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="258" />
        <source>No channel is set up yet: nothing to send.</source>
        <translation>Aucun canal n'est encore configuré : rien à envoyer.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="259" />
        <source>Nothing to send now.</source>
        <translation>Rien à envoyer pour l'instant.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="260" />
        <source>Sent {sent}, failed {failed}, to retry {retried}, unknown (check before resending) {unknown}.</source>
        <translation>Envoyés {sent}, échecs {failed}, à réessayer {retried}, inconnus (à vérifier avant de renvoyer) {unknown}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="261" />
        <source>It is not known whether this message left: check with the recipient before resending.</source>
        <translation>On ne sait pas si ce message est parti : vérifiez auprès du destinataire avant de le renvoyer.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="262" />
        <source>Gave up after {attempts} attempts: {words}</source>
        <translation>Abandon après {attempts} tentatives : {words}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="263" />
        <source>Only an image or a PDF can be attached, not {name}.</source>
        <translation>Seule une image ou un PDF peut être joint, pas {name}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="264" />
        <source>Sending by {channel} is stopped ({words}). Its messages wait; none was counted as failed.</source>
        <translation>L’envoi par {channel} est arrêté ({words}). Ses messages attendent ; aucun n’a été compté comme échoué.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="265" />
        <source>Messages waiting for a stopped channel: {held}.</source>
        <translation>Messages en attente d’un canal arrêté : {held}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="266" />
        <source>Another dispatcher is already sending for this workspace: {owner} (until {until}). Stop it, or let it finish; only one may send at a time.</source>
        <translation>Un autre expéditeur envoie déjà pour cet espace de travail : {owner} (jusqu’à {until}). Arrêtez-le ou laissez-le finir : un seul peut envoyer à la fois.</translation>
    </message>
</context>
<context>
    <name>PasteRows</name>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_parts.py" line="184" />
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_parts.py" line="185" />
        <source>Copy it, to paste it in the provider's console.</source>
        <translation>Copier, pour le coller dans la console du fournisseur.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_parts.py" line="200" />
        <source>Delivery reports</source>
        <translation>Accusés de remise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_parts.py" line="201" />
        <source>Incoming messages</source>
        <translation>Messages entrants</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_parts.py" line="203" />
        <source>Callback URL</source>
        <translation>URL de rappel</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_parts.py" line="205" />
        <source>Verify token</source>
        <translation>Jeton de vérification</translation>
    </message>
</context>
<context>
    <name>PhoneMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="16" />
        <source>not a phone number ({reason})</source>
        <translation>pas un numéro de téléphone ({reason})</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="17" />
        <source>{number} is not a valid number</source>
        <translation>{number} n'est pas un numéro valide</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="18" />
        <source>unknown country code</source>
        <translation>indicatif pays inconnu</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="19" />
        <source>no digits</source>
        <translation>aucun chiffre</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="20" />
        <source>too short</source>
        <translation>trop court</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="21" />
        <source>too long</source>
        <translation>trop long</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="22" />
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
</context>
<context>
    <name>PipelineMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="40" />
        <source>Unknown status {text!r}: use one of {names}.</source>
        <translation>Statut inconnu {text!r} : utilisez l'un de ceux-ci : {names}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="41" />
        <source>{name} is already {status}.</source>
        <translation>{name} est déjà au statut « {status} ».</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="42" />
        <source>Use move to change a contact's status.</source>
        <translation>Utilisez « move » pour changer le statut d'un contact.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="43" />
        <source>A note cannot be empty.</source>
        <translation>Une note ne peut pas être vide.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="44" />
        <source>Nothing to undo: {names} moved again since.</source>
        <translation>Rien à annuler : {names} a été déplacé depuis.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="45" />
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="46" />
        <source>contacted</source>
        <translation>contacté</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="47" />
        <source>interested</source>
        <translation>intéressé</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="48" />
        <source>negotiation</source>
        <translation>négociation</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="49" />
        <source>client</source>
        <translation>client</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="50" />
        <source>inactive</source>
        <translation>inactif</translation>
    </message>
</context>
<context>
    <name>PlanMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="37" />
        <source>Unknown plan {text!r}: use one of {names}.</source>
        <translation>Forfait inconnu {text!r} : utilisez l'un de ceux-ci : {names}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="38" />
        <source>Monthly {metric} limit reached on the {plan} plan: {used} of {limit} used this month, {requested} more requested ({remaining} left). The count resets on {reset}.</source>
        <translation>Limite mensuelle de {metric} atteinte avec le forfait {plan} : {used} sur {limit} utilisés ce mois-ci, {requested} de plus demandés (il en reste {remaining}). Le compteur repart à zéro le {reset}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="39" />
        <source>Monthly {metric} limit reached on the {plan} plan: {used} of {limit} used this month, {requested} more requested ({remaining} left). The count resets on {reset} or upgrade to {upgrade} ({upgrade_limit} {metric}/month).</source>
        <translation>Limite mensuelle de {metric} atteinte avec le forfait {plan} : {used} sur {limit} utilisés ce mois-ci, {requested} de plus demandés (il en reste {remaining}). Le compteur repart à zéro le {reset}, ou passez au forfait {upgrade} ({upgrade_limit} {metric} par mois).</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/preview_model.py" line="122" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/preview_model.py" line="123" />
        <source>How to reach</source>
        <translation>Joignable par</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/preview_model.py" line="124" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/preview_model.py" line="125" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/preview_model.py" line="126" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/preview_model.py" line="192" />
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/preview_model.py" line="193" />
        <source>Not among your prospects yet.</source>
        <translation>Pas encore parmi vos prospects.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/preview_model.py" line="197" />
        <source>Listed twice</source>
        <translation>En double</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/preview_model.py" line="199" />
        <source>Known: {name}</source>
        <translation>Connu : {name}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/preview_model.py" line="201" />
        <source>Known</source>
        <translation>Connu</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/preview_model.py" line="203" />
        <source>Known ({why}): {name}</source>
        <translation>Connu ({why}) : {name}</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="200" />
        <source>Skipped, a duplicate</source>
        <translation>Ignorée, un doublon</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="200" />
        <source>Combined, a duplicate</source>
        <translation>Fusionnée, un doublon</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="217" />
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="217" />
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="217" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="197" />
        <source>Rejected</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="199" />
        <source>Imported, to check</source>
        <translation>Importée, à vérifier</translation>
    </message>
</context>
<context>
    <name>ProgressActions</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="67" />
        <source>Another computer sends this campaign; its progress arrives here when it syncs.</source>
        <translation>Un autre ordinateur envoie cette campagne ; sa progression arrive ici à chaque synchronisation.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="71" />
        <source>Take over sending…</source>
        <translation>Prendre le relais…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="80" />
        <source>1 person is not on WhatsApp.</source>
        <translation>{n} personne n’est pas sur WhatsApp.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="81" />
        <source>{n} people are not on WhatsApp.</source>
        <translation>{n} personnes ne sont pas sur WhatsApp.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="87" />
        <source>Send them an SMS…</source>
        <translation>Leur envoyer un SMS…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="97" />
        <source>1 person was left out: this month's message limit was reached.</source>
        <translation>{n} personne a été laissée de côté : la limite de messages du mois était atteinte.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="98" />
        <source>{n} people were left out: this month's message limit was reached.</source>
        <translation>{n} personnes ont été laissées de côté : la limite de messages du mois était atteinte.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="104" />
        <source>Send to them later…</source>
        <translation>Leur envoyer plus tard…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="114" />
        <source>Sending is paused.</source>
        <translation>L’envoi est en pause.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="118" />
        <source>Sending resumes.</source>
        <translation>L’envoi reprend.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="127" />
        <source>Stop sending “{name}”?

Messages already sent ({sent}) stay sent. Those not sent yet ({left}) are skipped: they will not go out, even if you change your mind.</source>
        <translation>Arrêter l’envoi de « {name} » ?

Les messages déjà envoyés ({sent}) le restent. Ceux qui ne sont pas encore partis ({left}) sont abandonnés : ils ne partiront pas, même si vous changez d’avis.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="132" />
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="134" />
        <source>Cancel sending</source>
        <translation>Annuler l’envoi</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="135" />
        <source>Keep sending</source>
        <translation>Continuer l’envoi</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="138" />
        <source>Sending is cancelled; the rest is skipped.</source>
        <translation>L’envoi est annulé ; le reste est abandonné.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="157" />
        <source>Send the rest of “{name}” from this computer?

{risk}

Take over only when the other computer is lost, broken or will stay offline.</source>
        <translation>Envoyer le reste de « {name} » depuis cet ordinateur ?

{risk}

Ne prenez le relais que si l’autre ordinateur est perdu, en panne ou restera hors ligne.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="162" />
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="164" />
        <source>Take over sending</source>
        <translation>Prendre le relais de l’envoi</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="165" />
        <source>Leave it</source>
        <translation>Laisser faire</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="170" />
        <source>This computer now sends the rest of “{name}”.</source>
        <translation>Cet ordinateur envoie maintenant le reste de « {name} ».</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="183" />
        <source>Send this message again?

LocalPro cannot tell whether it left: the connection was cut while it was being sent. If the person did get it, they will get it twice. Check first if you can (ask them, or look in the provider's log).</source>
        <translation>Renvoyer ce message ?

LocalPro ne sait pas s’il est parti : la connexion a été coupée pendant son envoi. Si la personne l’a bien reçu, elle le recevra deux fois. Vérifiez d’abord si vous le pouvez (demandez-lui, ou consultez le journal du fournisseur).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="189" />
        <source>Send these {n} messages again?

LocalPro cannot tell whether they left: the connection was cut while they were being sent. A person who did get one will get it twice. Check first if you can (ask them, or look in the provider's log).</source>
        <translation>Renvoyer ces {n} messages ?

LocalPro ne sait pas s’ils sont partis : la connexion a été coupée pendant leur envoi. Une personne qui en a bien reçu un le recevra deux fois. Vérifiez d’abord si vous le pouvez (demandez-leur, ou consultez le journal du fournisseur).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="196" />
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="196" />
        <source>Don't send</source>
        <translation>Ne pas renvoyer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="203" />
        <source>1 message goes out again.</source>
        <translation>{n} message repart.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="203" />
        <source>{n} messages go out again.</source>
        <translation>{n} messages repartent.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="216" />
        <source>1 message will not be sent again.</source>
        <translation>{n} message ne sera pas renvoyé.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/progress_actions.py" line="217" />
        <source>{n} messages will not be sent again.</source>
        <translation>{n} messages ne seront pas renvoyés.</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="58" />
        <source>Importing</source>
        <translation>Import en cours</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="60" />
        <source>Everything is written at once at the end: Cancel leaves your data as it was.</source>
        <translation>Tout est enregistré d’un coup à la fin : Annuler laisse vos données intactes.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="87" />
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="118" />
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="123" />
        <source>Reading the file</source>
        <translation>Lecture du fichier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="124" />
        <source>Checking rows</source>
        <translation>Vérification des lignes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="125" />
        <source>Saving</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="128" />
        <source>{phase}… {done} / {total}</source>
        <translation>{phase}… {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="159" />
        <source>Nothing was imported.</source>
        <translation>Rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="161" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>ProspectAskWords</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/ask_words.py" line="45" />
        <source>restaurants in Dakar not yet contacts</source>
        <translation>restaurants à Dakar pas encore clients</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/ask_words.py" line="47" />
        <source>Asked in words; click to remove these conditions</source>
        <translation>Demandé en mots ; cliquez pour retirer ces conditions</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/ask_words.py" line="85" />
        <source>Asked in words: {description}</source>
        <translation>Demandé en mots : {description}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/ask_words.py" line="89" />
        <source>Clear the filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/ask_words.py" line="111" />
        <source>Country: {code}</source>
        <translation>Pays : {code}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/ask_words.py" line="113" />
        <source>has a phone</source>
        <translation>a un téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/ask_words.py" line="113" />
        <source>no phone</source>
        <translation>sans téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/ask_words.py" line="115" />
        <source>on the map</source>
        <translation>sur la carte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/ask_words.py" line="115" />
        <source>not on the map</source>
        <translation>pas sur la carte</translation>
    </message>
</context>
<context>
    <name>ProspectDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="82" />
        <source>Edit prospect</source>
        <translation>Modifier le prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="82" />
        <source>Add a prospect</source>
        <translation>Ajouter un prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="152" />
        <source>e.g. Chez Fatou Couture</source>
        <translation>ex. Chez Fatou Couture</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="155" />
        <source>Owner or manager</source>
        <translation>Propriétaire ou gérant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="162" />
        <source>Choose or type a sector</source>
        <translation>Choisissez ou saisissez un secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="166" />
        <source>Comma-separated, e.g. delivery, mobile money</source>
        <translation>ex. livraison, mobile money</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="168" />
        <source>Where you found it: link, directory page…</source>
        <translation>Lien, page d’annuaire…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="170" />
        <source>Opening hours, who to ask for, what they need…</source>
        <translation>Horaires, qui demander, leurs besoins…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="175" />
        <source>e.g. 77 123 45 67</source>
        <translation>ex. 77 123 45 67</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="178" />
        <source>Same as phone</source>
        <translation>Identique au téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="181" />
        <source>name@example.com</source>
        <translation>nom@exemple.com</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="184" />
        <source>www.example.com</source>
        <translation>www.exemple.com</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="197" />
        <source>Street, neighbourhood, landmark</source>
        <translation>Rue, quartier, point de repère</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="199" />
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="201" />
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="207" />
        <source>Business name *</source>
        <translation>Nom de l’entreprise *</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="209" />
        <source>Contact person</source>
        <translation>Personne à contacter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="210" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="211" />
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="212" />
        <source>Source reference</source>
        <translation>Référence source</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="213" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="225" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="227" />
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="229" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="231" />
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="232" />
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="233" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="234" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="235" />
        <source>Coordinates</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="248" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="248" />
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="401" />
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="254" />
        <source>* required</source>
        <translation>* obligatoire</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="360" />
        <source>A business name is required</source>
        <translation>Le nom de l’entreprise est obligatoire</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/feedback.py" line="73" />
        <source>Latitude must be a number between -90 and 90</source>
        <translation>La latitude doit être un nombre entre -90 et 90</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/feedback.py" line="82" />
        <source>Longitude must be a number between -180 and 180</source>
        <translation>La longitude doit être un nombre entre -180 et 180</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/feedback.py" line="91" />
        <source>Give both latitude and longitude</source>
        <translation>Indiquez la latitude et la longitude</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/feedback.py" line="121" />
        <source>{name} ({city}) — {reason}</source>
        <translation>{name} ({city}) — {reason}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/feedback.py" line="130" />
        <source>and {count} more</source>
        <translation>et {count} autres</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/feedback.py" line="137" />
        <source>This may already be in your prospects:</source>
        <translation>Ce prospect existe peut-être déjà :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/feedback.py" line="135" />
        <source>Other prospects look like this one:</source>
        <translation>D’autres prospects ressemblent à celui-ci :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="401" />
        <source>Add anyway</source>
        <translation>Ajouter quand même</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/dialog_guards.py" line="44" />
        <source>Discard your changes?</source>
        <translation>Abandonner vos modifications ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/dialog_guards.py" line="46" />
        <source>Discard this prospect?</source>
        <translation>Abandonner ce prospect ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/dialog_guards.py" line="47" />
        <source>Your changes to this prospect are not saved yet.</source>
        <translation>Vos modifications de ce prospect ne sont pas encore enregistrées.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/dialog_guards.py" line="51" />
        <source>What you typed in this form is not saved yet.</source>
        <translation>Ce que vous avez saisi dans ce formulaire n’est pas encore enregistré.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/dialog_guards.py" line="58" />
        <source>Close the form and lose what you typed?</source>
        <translation>Fermer le formulaire et perdre ce que vous avez saisi ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/dialog_guards.py" line="61" />
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/dialog_guards.py" line="65" />
        <source>Keep editing</source>
        <translation>Continuer la saisie</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/dialog_guards.py" line="95" />
        <source>Check this value</source>
        <translation>Vérifiez cette valeur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/dialog_guards.py" line="97" />
        <source>Check these values</source>
        <translation>Vérifiez ces valeurs</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/dialog_guards.py" line="98" />
        <source>This does not look right:</source>
        <translation>Ceci ne semble pas correct :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/dialog_guards.py" line="100" />
        <source>These do not look right:</source>
        <translation>Ceci ne semble pas correct :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/dialog_guards.py" line="107" />
        <source>Save anyway (it is kept as typed and flagged), or fix it first?</source>
        <translation>Enregistrer quand même (la valeur est gardée telle quelle et signalée), ou la corriger d’abord ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/dialog_guards.py" line="112" />
        <source>Save anyway</source>
        <translation>Enregistrer quand même</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/dialog_guards.py" line="116" />
        <source>Fix it</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/whatsapp_link.py" line="66" />
        <source>A landline: not taken as the WhatsApp number</source>
        <translation>Un fixe : pas repris comme numéro WhatsApp</translation>
    </message>
</context>
<context>
    <name>ProspectTableModel</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="66" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="67" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="68" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="69" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="70" />
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="71" />
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="72" />
        <source>Converted</source>
        <translation>Converti</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="268" />
        <source>✓ Contact</source>
        <translation>✓ Contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="285" />
        <source>Valid number, as typed: {raw}</source>
        <translation>Numéro valide, saisi ainsi : {raw}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="287" />
        <source>This number is not valid; open the prospect to fix it</source>
        <translation>Ce numéro n’est pas valide ; ouvrez le prospect pour le corriger</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="290" />
        <source>Already converted to a contact</source>
        <translation>Déjà converti en contact</translation>
    </message>
</context>
<context>
    <name>ProspectTexts</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="43" />
        <source>Business name</source>
        <translation>Nom de l’entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="44" />
        <source>Contact person</source>
        <translation>Personne à contacter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="45" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="46" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="47" />
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="48" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="49" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="50" />
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="51" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="52" />
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="53" />
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="54" />
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="55" />
        <source>Source reference</source>
        <translation>Référence source</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="56" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="57" />
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="58" />
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="59" />
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="60" />
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="61" />
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="62" />
        <source>Pipeline status</source>
        <translation>Étape du suivi</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="63" />
        <source>Opted out of WhatsApp</source>
        <translation>Désinscrit de WhatsApp</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="64" />
        <source>Opted out of e-mail</source>
        <translation>Désinscrit des e-mails</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="65" />
        <source>Opted out of SMS</source>
        <translation>Désinscrit des SMS</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="72" />
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="81" />
        <source>{number}: {reason}</source>
        <translation>{number} : {reason}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="92" />
        <source>too short, digits are missing</source>
        <translation>trop court, il manque des chiffres</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="94" />
        <source>too long, check the digits</source>
        <translation>trop long, vérifiez les chiffres</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="95" />
        <source>not a valid number in that country</source>
        <translation>numéro non valide dans ce pays</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="103" />
        <source>An e-mail address needs an @</source>
        <translation>Une adresse e-mail contient un @</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="105" />
        <source>The part after the @ is not a valid domain</source>
        <translation>La partie après le @ n’est pas un domaine valide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="108" />
        <source>Not a valid e-mail address</source>
        <translation>Adresse e-mail non valide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="114" />
        <source>same phone number</source>
        <translation>même numéro de téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="116" />
        <source>same e-mail</source>
        <translation>même e-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="118" />
        <source>very similar name in the same city</source>
        <translation>nom très proche dans la même ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="126" />
        <source>Matches row {other} of the file ({reason})</source>
        <translation>Correspond à la ligne {other} du fichier ({reason})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="129" />
        <source>Matches “{name}”, already in your records ({reason})</source>
        <translation>Correspond à « {name} », déjà dans vos fiches ({reason})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="138" />
        <source>Your {plan} plan allows {limit} new prospects a month; {used} are used and this needs {requested} more ({remaining} left). The count resets on {reset}.</source>
        <translation>Votre forfait {plan} permet {limit} nouveaux prospects par mois ; {used} sont utilisés et il en faudrait {requested} de plus (il en reste {remaining}). Le compteur repart à zéro le {reset}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="151" />
        <source>The {plan} plan allows {limit} a month.</source>
        <translation>Le forfait {plan} en permet {limit} par mois.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="160" />
        <source>1 prospect</source>
        <translation>1 prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="161" />
        <source>{count} prospects</source>
        <translation>{count} prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="182" />
        <source>The business name is empty</source>
        <translation>Le nom de l’entreprise est vide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="184" />
        <source>No name: give a first name, a last name or a company</source>
        <translation>Aucun nom : indiquez un prénom, un nom ou une entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="188" />
        <source>Only one coordinate given; both were left out</source>
        <translation>Une seule coordonnée indiquée ; aucune n’a été gardée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="194" />
        <source>{field} “{value}”: {problem}</source>
        <translation>{field} « {value} » : {problem}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="200" />
        <source>E-mail “{value}”: not a valid address</source>
        <translation>E-mail « {value} » : adresse non valide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="204" />
        <source>{field} “{value}” is not a valid coordinate</source>
        <translation>{field} « {value} » n’est pas une coordonnée valide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="208" />
        <source>Unknown country “{value}”; {code} was used</source>
        <translation>Pays « {value} » inconnu ; {code} a été utilisé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="212" />
        <source>More cells than the header has columns: check the separator or a missing quote</source>
        <translation>Plus de cellules que de colonnes dans l’en-tête : vérifiez le séparateur ou un guillemet manquant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="217" />
        <source>{field} “{value}” is not yes or no; left out</source>
        <translation>{field} « {value} » n’est ni oui ni non ; ignoré</translation>
    </message>
</context>
<context>
    <name>ProspectsTab</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="94" />
        <source>+ Add a prospect</source>
        <translation>+ Ajouter un prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="151" />
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="95" />
        <source>Import a file…</source>
        <translation>Importer un fichier…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/filters.py" line="38" />
        <source>Search names, phones, e-mails, notes…</source>
        <translation>Rechercher noms, téléphones, e-mails, notes…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/filters.py" line="43" />
        <source>All sectors</source>
        <translation>Tous les secteurs</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/filters.py" line="44" />
        <source>All cities</source>
        <translation>Toutes les villes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/filters.py" line="45" />
        <source>All sources</source>
        <translation>Toutes les sources</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/filters.py" line="47" />
        <source>Converted or not</source>
        <translation>Convertis ou non</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/filters.py" line="50" />
        <source>Not converted yet</source>
        <translation>Pas encore convertis</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/filters.py" line="53" />
        <source>Already contacts</source>
        <translation>Déjà contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="142" />
        <source>No prospects yet</source>
        <translation>Aucun prospect pour l’instant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="143" />
        <source>Add the businesses you want to reach one by one, or import the list you already keep in Excel.</source>
        <translation>Ajoutez une à une les entreprises que vous voulez démarcher, ou importez la liste que vous tenez déjà dans Excel.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="149" />
        <source>Add a prospect</source>
        <translation>Ajouter un prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="158" />
        <source>No prospect matches “{text}”</source>
        <translation>Aucun prospect ne correspond à « {text} »</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="162" />
        <source>No prospect matches these filters</source>
        <translation>Aucun prospect ne correspond à ces filtres</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="165" />
        <source>Filters: {filters}</source>
        <translation>Filtres : {filters}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="172" />
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="96" />
        <source>Find prospects…</source>
        <translation>Trouver des prospects…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="98" />
        <source>Search businesses by sector and city on OpenStreetMap or Google Places</source>
        <translation>Chercher des entreprises par secteur et par ville sur OpenStreetMap ou Google Places</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="349" />
        <source>This prospect no longer exists; it may have been deleted.</source>
        <translation>Ce prospect n’existe plus ; il a peut-être été supprimé.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="402" />
        <source>Hide details ▸</source>
        <translation>Masquer la fiche ▸</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="402" />
        <source>◂ Show details</source>
        <translation>◂ Afficher la fiche</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="411" />
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="413" />
        <source>Convert to contact</source>
        <translation>Convertir en contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="415" />
        <source>Convert {count} to contacts</source>
        <translation>Convertir les {count} en contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="419" />
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="448" />
        <source>Changes to “{name}” saved.</source>
        <translation>Modifications de « {name} » enregistrées.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="458" />
        <source>“{name}” added to your prospects.</source>
        <translation>« {name} » ajouté à vos prospects.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="33" />
        <source>“{name}” is now a contact in the CRM.</source>
        <translation>« {name} » est maintenant un contact du CRM.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="35" />
        <source>“{name}” was already a contact in the CRM.</source>
        <translation>« {name} » était déjà un contact du CRM.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="490" />
        <source>Open in CRM</source>
        <translation>Ouvrir dans le CRM</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="43" />
        <source>{count} prospects converted to contacts.</source>
        <translation>{count} prospects convertis en contacts.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="47" />
        <source>{count} were contacts already.</source>
        <translation>Déjà contacts : {count}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="55" />
        <source>1 prospect deleted.</source>
        <translation>1 prospect supprimé.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="56" />
        <source>{count} prospects deleted.</source>
        <translation>{count} prospects supprimés.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="64" />
        <source>Delete “{name}”?</source>
        <translation>Supprimer « {name} » ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="68" />
        <source>Delete {count} prospects?</source>
        <translation>Supprimer {count} prospects ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="73" />
        <source>Delete prospects</source>
        <translation>Supprimer des prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="79" />
        <source>They disappear from lists, searches and the map. Contacts already made from them stay in the CRM.</source>
        <translation>Ils disparaissent des listes, des recherches et de la carte. Les contacts déjà créés à partir d’eux restent dans le CRM.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="86" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="100" />
        <source>Import finished: {created} added, {updated} updated, {skipped} skipped as duplicates, {rejected} rejected, {to_check} to check.</source>
        <translation>Import terminé : {created} ajoutés, {updated} mis à jour, {skipped} ignorés comme doublons, {rejected} refusés, {to_check} à vérifier.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="113" />
        <source>row {row}: {match}</source>
        <translation>ligne {row} : {match}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/outcomes.py" line="121" />
        <source>Duplicates: {list}</source>
        <translation>Doublons : {list}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="524" />
        <source>Import cancelled: nothing was changed.</source>
        <translation>Import annulé : rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/i18n.py" line="69" />
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/i18n.py" line="70" />
        <source>Files of &amp;type:</source>
        <translation>&amp;Fichiers de type :</translation>
    </message>
</context>
<context>
    <name>QuestionBox</name>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/ask_box.py" line="125" />
        <source>Ask the assistant… (Ctrl+Enter sends)</source>
        <translation>Posez votre question… (Ctrl+Entrée pour envoyer)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/ask_box.py" line="130" />
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/ask_box.py" line="132" />
        <source>Send the question (Ctrl+Enter)</source>
        <translation>Envoyer la question (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/ask_box.py" line="133" />
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/assistant/ask_box.py" line="134" />
        <source>Stop the answer here; what came is kept</source>
        <translation>Arrêter la réponse ici ; ce qui est arrivé est conservé</translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="432" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="433" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="434" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="435" />
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="436" />
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="437" />
        <source>Delivered</source>
        <translation>Délivrés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="438" />
        <source>Opened</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="439" />
        <source>Replied</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="471" />
        <source>Queued {when}</source>
        <translation>En file depuis le {when}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="473" />
        <source>Double-click to open the contact</source>
        <translation>Double-cliquez pour ouvrir le contact</translation>
    </message>
</context>
<context>
    <name>RecordMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="146" />
        <source>No {kind} with id {ident!r} (it may have been deleted).</source>
        <translation>Introuvable : {kind} d'identifiant {ident!r} (peut-être supprimé).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="147" />
        <source>The id {ident!r} matches several {kinds}: give more characters.</source>
        <translation>L'identifiant {ident!r} correspond à plusieurs {kinds} : donnez plus de caractères.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="148" />
        <source>Cannot add this prospect: {problems}.</source>
        <translation>Impossible d'ajouter ce prospect : {problems}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="149" />
        <source>Cannot add this contact: {problems}.</source>
        <translation>Impossible d'ajouter ce contact : {problems}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="150" />
        <source>Cannot save: {problems}.</source>
        <translation>Impossible d'enregistrer : {problems}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="151" />
        <source>Cannot edit {fields}; editable: {editable}.</source>
        <translation>Impossible de modifier {fields} ; modifiables : {editable}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="152" />
        <source>{name!r} ({city}) already exists with {reason}; edit it, or add anyway to keep both.</source>
        <translation>{name!r} ({city}) existe déjà avec {reason} ; modifiez-le, ou ajoutez quand même pour garder les deux.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="153" />
        <source>prospect</source>
        <translation>prospect</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="154" />
        <source>prospects</source>
        <translation>prospects</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="155" />
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="156" />
        <source>contacts</source>
        <translation>contacts</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="157" />
        <source>campaign</source>
        <translation>campagne</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="158" />
        <source>campaigns</source>
        <translation>campagnes</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="159" />
        <source>segment</source>
        <translation>segment</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="160" />
        <source>segments</source>
        <translation>segments</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="161" />
        <source>recipient</source>
        <translation>destinataire</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="162" />
        <source>recipients</source>
        <translation>destinataires</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="163" />
        <source>the same phone</source>
        <translation>le même téléphone</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="164" />
        <source>the same e-mail</source>
        <translation>le même e-mail</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="165" />
        <source>a very similar name in the same city</source>
        <translation>un nom très proche dans la même ville</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="166" />
        <source>Cannot sort contacts by {order!r}; use {choices}.</source>
        <translation>Impossible de trier les contacts par {order!r} ; utilisez {choices}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="167" />
        <source>Cannot merge a contact into itself: pick another contact.</source>
        <translation>Impossible de fusionner un contact avec lui-même : choisissez un autre contact.</translation>
    </message>
</context>
<context>
    <name>RejectedDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="86" />
        <source>Changes the cloud refused</source>
        <translation>Modifications refusées par le cloud</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="91" />
        <source>The cloud refused these changes: they are kept on this computer but did not reach your other devices. The reason says what the cloud objected to.</source>
        <translation>Le cloud a refusé ces modifications : elles sont conservées sur cet ordinateur mais n’ont pas atteint vos autres appareils. Le motif indique ce que le cloud a refusé.</translation>
    </message>
</context>
<context>
    <name>RejectedModel</name>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="32" />
        <source>Workspace settings</source>
        <translation>Paramètres de l’espace</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="33" />
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="34" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="35" />
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="36" />
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="37" />
        <source>Segment member</source>
        <translation>Membre de segment</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="38" />
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="39" />
        <source>Campaign recipient</source>
        <translation>Destinataire de campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="40" />
        <source>Usage record</source>
        <translation>Relevé de consommation</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="42" />
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="42" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="42" />
        <source>When</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>RepliesTab</name>
    <message>
        <location filename="../../localpro_desktop/ui/replies/tab.py" line="72" />
        <source>Loading replies…</source>
        <translation>Chargement des réponses…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/tab.py" line="78" />
        <source>No replies yet</source>
        <translation>Pas encore de réponse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/tab.py" line="80" />
        <source>Replies, delivery receipts and STOP requests come through your LocalPro cloud account: set up webhooks under File → Workspace settings → Channels, or run `localpro channels webhooks enable …`. Each reply then shows here, newest first, with the contact and the campaign it answers.</source>
        <translation>Les réponses, les accusés de réception et les demandes STOP passent par votre compte cloud LocalPro : activez les webhooks dans Fichier → Paramètres de l’espace → Canaux, ou lancez `localpro channels webhooks enable …`. Chaque réponse s'affiche ensuite ici, la plus récente en premier, avec le contact et la campagne à laquelle elle répond.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/tab.py" line="114" />
        <source>Replies</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/tab.py" line="122" />
        <source>All channels</source>
        <translation>Tous les canaux</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/tab.py" line="128" />
        <source>Search name, number, campaign or text</source>
        <translation>Chercher nom, numéro, campagne ou texte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/tab.py" line="235" />
        <source>The replies could not be loaded: {error}</source>
        <translation>Les réponses n'ont pas pu être chargées : {error}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/tab.py" line="246" />
        <source>1 message</source>
        <translation>1 message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/tab.py" line="248" />
        <source>the latest {n} messages</source>
        <translation>les {n} derniers messages</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/tab.py" line="250" />
        <source>{n} messages</source>
        <translation>{n} messages</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/tab.py" line="253" />
        <source>{shown} of {all}</source>
        <translation>{shown} sur {all}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/tab.py" line="284" />
        <source>Your answer is queued and goes out with the next connection.</source>
        <translation>Votre réponse est en file d'attente et part à la prochaine connexion.</translation>
    </message>
</context>
<context>
    <name>ReplyListModel</name>
    <message>
        <location filename="../../localpro_desktop/ui/replies/model.py" line="111" />
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/model.py" line="112" />
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/model.py" line="113" />
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/model.py" line="114" />
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/model.py" line="115" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/model.py" line="120" />
        <source>The campaign this message answers (sent in the week before)</source>
        <translation>La campagne à laquelle ce message répond (envoyée dans la semaine précédente)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/model.py" line="122" />
        <source>Stop and start words change what the contact receives</source>
        <translation>Les mots STOP et START changent ce que le contact reçoit</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/model.py" line="169" />
        <source>Opted out</source>
        <translation>Désinscrit</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/model.py" line="171" />
        <source>Subscribed again</source>
        <translation>Réabonné</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/model.py" line="179" />
        <source>Not linked to a contact yet: that happens after the next sync.</source>
        <translation>Pas encore relié à un contact : cela se fait après la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/model.py" line="186" />
        <source>A stop word: {channel} campaigns leave this contact out.</source>
        <translation>Un mot d'arrêt : les campagnes {channel} laissent ce contact de côté.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/model.py" line="190" />
        <source>A start word: SMS campaigns reach this contact again.</source>
        <translation>Un mot de réabonnement : les campagnes SMS atteignent de nouveau ce contact.</translation>
    </message>
</context>
<context>
    <name>ReplyMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="368" />
        <source>Answer to {name}</source>
        <translation>Réponse à {name}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="369" />
        <source>This message is no longer in the workspace.</source>
        <translation>Ce message n'est plus dans l'espace de travail.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="370" />
        <source>This message is not linked to a contact yet: it is matched after the next sync. Try again in a moment.</source>
        <translation>Ce message n'est pas encore relié à un contact : il le sera après la prochaine synchronisation. Réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="371" />
        <source>Write the answer first.</source>
        <translation>Écrivez d'abord la réponse.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="372" />
        <source>Give the e-mail a subject.</source>
        <translation>Donnez un objet à l'e-mail.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="373" />
        <source>Outside WhatsApp's 24-hour window only an approved template can be sent: {name} last wrote on WhatsApp more than 24 hours ago. Choose a template.</source>
        <translation>Hors de la fenêtre de 24 heures de WhatsApp, seul un modèle approuvé peut être envoyé : {name} a écrit sur WhatsApp il y a plus de 24 heures. Choisissez un modèle.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="374" />
        <source>{name} is not on WhatsApp: answer by SMS instead.</source>
        <translation>{name} n'est pas sur WhatsApp : répondez plutôt par SMS.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="375" />
        <source>{name} opted out of WhatsApp messages: the answer was not sent.</source>
        <translation>{name} s'est désinscrit(e) des messages WhatsApp : la réponse n'a pas été envoyée.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="376" />
        <source>{name} opted out of SMS: the answer was not sent.</source>
        <translation>{name} s'est désinscrit(e) des SMS : la réponse n'a pas été envoyée.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="377" />
        <source>{name} unsubscribed from e-mails: the answer was not sent.</source>
        <translation>{name} s'est désabonné(e) des e-mails : la réponse n'a pas été envoyée.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="378" />
        <source>{name} has no WhatsApp number: add one with Edit… in the CRM.</source>
        <translation>{name} n'a pas de numéro WhatsApp : ajoutez-en un avec Modifier… dans le CRM.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="379" />
        <source>{name} has no valid mobile number for SMS: add one with Edit… in the CRM.</source>
        <translation>{name} n'a pas de numéro mobile valide pour les SMS : ajoutez-en un avec Modifier… dans le CRM.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="380" />
        <source>{name} has no valid e-mail address: add one with Edit… in the CRM.</source>
        <translation>{name} n'a pas d'adresse e-mail valide : ajoutez-en une avec Modifier… dans le CRM.</translation>
    </message>
</context>
<context>
    <name>ReplySide</name>
    <message>
        <location filename="../../localpro_desktop/ui/replies/conversation.py" line="70" />
        <source>Open contact</source>
        <translation>Ouvrir le contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/conversation.py" line="72" />
        <source>Show this contact in the CRM</source>
        <translation>Afficher ce contact dans le CRM</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/conversation.py" line="137" />
        <source>Answers the campaign “{name}”</source>
        <translation>Répond à la campagne « {name} »</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/conversation.py" line="151" />
        <source>A stop word: {channel} campaigns leave this contact out from now on.</source>
        <translation>Un mot d'arrêt : désormais, les campagnes {channel} laissent ce contact de côté.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/replies/conversation.py" line="156" />
        <source>A start word: SMS campaigns reach this contact again.</source>
        <translation>Un mot de réabonnement : les campagnes SMS atteignent de nouveau ce contact.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="244" />
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="249" />
        <source>Added</source>
        <translation>Ajoutés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="250" />
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="251" />
        <source>Already up to date</source>
        <translation>Déjà à jour</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="252" />
        <source>Skipped (already there)</source>
        <translation>Ignorés (déjà présents)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="253" />
        <source>Rejected</source>
        <translation>Refusés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="254" />
        <source>To check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="273" />
        <source>✓ Every row was imported without a problem.</source>
        <translation>✓ Toutes les lignes ont été importées sans problème.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="275" />
        <source>Save this list…</source>
        <translation>Enregistrer cette liste…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="277" />
        <source>Save the rows to fix as a CSV file you can open in Excel</source>
        <translation>Enregistrer les lignes à corriger dans un fichier CSV lisible par Excel</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="294" />
        <source>{file}: {rows} rows read.</source>
        <translation>{file} : {rows} lignes lues.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="332" />
        <source>Save the rows to fix</source>
        <translation>Enregistrer les lignes à corriger</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="332" />
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="340" />
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="340" />
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_run.py" line="340" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>RowMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="26" />
        <source>business name is empty</source>
        <translation>le nom de l'entreprise est vide</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="27" />
        <source>no name: give a first name, last name or company</source>
        <translation>aucun nom : donnez un prénom, un nom ou une entreprise</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="28" />
        <source>Unknown status {value!r}: use one of {names}</source>
        <translation>Statut inconnu {value!r} : utilisez l'un de ceux-ci : {names}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="29" />
        <source>{field} {value!r} is not a number</source>
        <translation>{field} {value!r} n'est pas un nombre</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="30" />
        <source>{field} {value!r} is outside {low:g}..{high:g}</source>
        <translation>{field} {value!r} est hors de {low:g}..{high:g}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="31" />
        <source>only one of latitude/longitude given; coordinates ignored</source>
        <translation>une seule coordonnée donnée (latitude ou longitude) ; coordonnées ignorées</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="32" />
        <source>{field} {value!r}: {problem}</source>
        <translation>{field} {value!r} : {problem}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="33" />
        <source>email {value!r}: {problem}</source>
        <translation>e-mail {value!r} : {problem}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="34" />
        <source>country {value!r} is unknown; {region} used</source>
        <translation>pays {value!r} inconnu ; {region} utilisé</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="35" />
        <source>{field} {value!r} is not yes/no; ignored</source>
        <translation>{field} {value!r} n'est ni oui ni non ; ignoré</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="36" />
        <source>{extra} more cell(s) than the header has columns; check the separator or a missing quote</source>
        <translation>{extra} cellule(s) de plus que de colonnes dans l'en-tête ; vérifiez le séparateur ou un guillemet manquant</translation>
    </message>
</context>
<context>
    <name>SavedSearchList</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/saved.py" line="127" />
        <source>Try now</source>
        <translation>Essayer maintenant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/saved.py" line="128" />
        <source>Cancel this search</source>
        <translation>Annuler cette recherche</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/saved.py" line="148" />
        <source>{what} — saved {when}</source>
        <translation>{what} — enregistrée le {when}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/saved.py" line="158" />
        <source>1 search waiting for a connection</source>
        <translation>{count} recherche en attente de connexion</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/saved.py" line="159" />
        <source>{count} searches waiting for a connection</source>
        <translation>{count} recherches en attente de connexion</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/saved.py" line="190" />
        <source>Show results</source>
        <translation>Voir les résultats</translation>
    </message>
</context>
<context>
    <name>ScheduleField</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/schedule.py" line="39" />
        <source>Send later, on</source>
        <translation>Envoyer plus tard, le</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/schedule.py" line="48" />
        <source>your local time</source>
        <translation>heure locale</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_parts.py" line="119" />
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_parts.py" line="129" />
        <source>Twilio signs each call with your account's auth token, so the cloud can refuse forged ones. It is under Account Info in the Twilio Console. It goes to your cloud account only, and is never shown again.</source>
        <translation>Twilio signe chaque appel avec l’auth token de votre compte, ce qui permet au cloud de refuser les faux. Il se trouve sous Account Info dans la console Twilio. Il n’est envoyé qu’à votre compte cloud et n’est plus jamais affiché.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_parts.py" line="134" />
        <source>Meta signs each call with your app's secret, so the cloud can refuse forged ones. In Meta for Developers: your app → App settings → Basic → App secret (Show). It goes to your cloud account only, and is never shown again.</source>
        <translation>Meta signe chaque appel avec la clé secrète de votre application, ce qui permet au cloud de refuser les faux. Dans Meta for Developers : votre application → Paramètres de l’application → Général → Clé secrète (Afficher). Elle n’est envoyée qu’à votre compte cloud et n’est plus jamais affichée.</translation>
    </message>
</context>
<context>
    <name>SegmentMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="126" />
        <source>Segment rule {name} must be true, false or empty.</source>
        <translation>La règle de segment {name} doit être vraie, fausse ou vide.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="127" />
        <source>Segment rule {since} ({low}) must be earlier than {before} ({high}), or no contact can match.</source>
        <translation>Dans la règle de segment, {since} ({low}) doit précéder {before} ({high}), sinon aucun contact ne peut correspondre.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="128" />
        <source>Segment rule asks for contacts reachable on {channel} but also with {flag} = false; no contact can match.</source>
        <translation>La règle de segment demande des contacts joignables par {channel} mais aussi avec {flag} = faux ; aucun contact ne peut correspondre.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="129" />
        <source>A segment rule must be a JSON object.</source>
        <translation>Une règle de segment doit être un objet JSON.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="130" />
        <source>Unknown segment rule key(s): {unknown}; known keys: {known}.</source>
        <translation>Clé(s) de règle de segment inconnue(s) : {unknown} ; clés connues : {known}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="131" />
        <source>Segment rule statuses must be names, not {value!r}.</source>
        <translation>Les statuts d'une règle de segment doivent être des noms, pas {value!r}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="132" />
        <source>Segment rule {name} must be text, not {value!r}.</source>
        <translation>La règle de segment {name} doit être du texte, pas {value!r}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="133" />
        <source>Segment rule {name} must be a list.</source>
        <translation>La règle de segment {name} doit être une liste.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="134" />
        <source>Segment rule country {value!r} must be a two-letter code such as SN.</source>
        <translation>Le pays {value!r} de la règle de segment doit être un code à deux lettres, comme SN.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="135" />
        <source>Segment rule {name} {value!r} is not a date (use YYYY-MM-DD).</source>
        <translation>Dans la règle de segment, {name} {value!r} n'est pas une date (utilisez AAAA-MM-JJ).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="136" />
        <source>{name!r} is a static list; add or remove its members instead.</source>
        <translation>{name!r} est une liste fixe ; ajoutez ou retirez plutôt ses membres.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="137" />
        <source>A segment needs a name.</source>
        <translation>Un segment doit avoir un nom.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="138" />
        <source>A segment name is at most {max} characters.</source>
        <translation>Le nom d'un segment fait au plus {max} caractères.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="139" />
        <source>A segment description is at most {max} characters.</source>
        <translation>La description d'un segment fait au plus {max} caractères.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="140" />
        <source>A segment named {name!r} already exists; pick another name.</source>
        <translation>Un segment nommé {name!r} existe déjà ; choisissez un autre nom.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="141" />
        <source>Several segments are named {name!r} ({ids}); use the id.</source>
        <translation>Plusieurs segments s'appellent {name!r} ({ids}) ; utilisez l'identifiant.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="142" />
        <source>No segment named {name!r}; existing: {existing}.</source>
        <translation>Aucun segment nommé {name!r} ; segments existants : {existing}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="143" />
        <source>{name!r} follows a rule, so its members change by themselves; edit the rule, or make a static segment to pick people by hand.</source>
        <translation>{name!r} suit une règle, ses membres changent donc d'eux-mêmes ; modifiez la règle, ou créez un segment fixe pour choisir les personnes à la main.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="144" />
        <source>The id {ident!r} matches several members: give more characters.</source>
        <translation>L'identifiant {ident!r} correspond à plusieurs membres : donnez plus de caractères.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="145" />
        <source>Segment {name!r} has a rule this version cannot read ({problem}); update LocalPro on this device.</source>
        <translation>Le segment {name!r} a une règle que cette version ne sait pas lire ({problem}) ; mettez LocalPro à jour sur cet appareil.</translation>
    </message>
</context>
<context>
    <name>SegmentSidebar</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/sidebar.py" line="40" />
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/sidebar.py" line="42" />
        <source>Saved groups of contacts. Click one to filter the board.</source>
        <translation>Groupes de contacts enregistrés. Cliquez sur l’un d’eux pour filtrer le tableau.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/sidebar.py" line="64" />
        <source>All contacts</source>
        <translation>Tous les contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/sidebar.py" line="86" />
        <source>Hand-picked list of contacts</source>
        <translation>Liste de contacts choisis à la main</translation>
    </message>
</context>
<context>
    <name>SendFlow</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/send_flow.py" line="135" />
        <source>Counting recipients and cost…</source>
        <translation>Calcul des destinataires et du coût…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/send_flow.py" line="219" />
        <source>Queuing {n} messages…</source>
        <translation>Mise en file de {n} messages…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/send_flow.py" line="239" />
        <source>Scheduling…</source>
        <translation>Programmation…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/send_flow.py" line="267" />
        <source>Your e-mail address:</source>
        <translation>Votre adresse e-mail :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/send_flow.py" line="269" />
        <source>Your mobile number:</source>
        <translation>Votre numéro de mobile :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/send_flow.py" line="273" />
        <source>Send a test to myself on {channel}</source>
        <translation>M'envoyer un test par {channel}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/send_flow.py" line="284" />
        <source>Sending a test to {to}…</source>
        <translation>Envoi d'un test à {to}…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/send_flow.py" line="289" />
        <source>Test sent to {to}. To send tests elsewhere, change it under File → Workspace settings → Channels.</source>
        <translation>Test envoyé à {to}. Pour envoyer les tests ailleurs, changez l'adresse dans Fichier → Paramètres de l’espace → Canaux.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/send_flow.py" line="294" />
        <source>A WhatsApp test is Meta's “hello_world” template: a first message must be an approved template.</source>
        <translation>Un test WhatsApp est le modèle « hello_world » de Meta : un premier message doit être un modèle approuvé.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/send_flow.py" line="302" />
        <source>The test was not sent: {reason}</source>
        <translation>Le test n'a pas été envoyé : {reason}</translation>
    </message>
</context>
<context>
    <name>SendTexts</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="47" />
        <source>Send 1 message</source>
        <translation>Envoyer 1 message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="48" />
        <source>Send {n} messages</source>
        <translation>Envoyer {n} messages</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="51" />
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="192" />
        <source>Your {plan} plan has no monthly message limit.</source>
        <translation>Votre forfait {plan} n'a pas de limite mensuelle de messages.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="194" />
        <source>This uses {n} of the {remaining} messages left this month on your {plan} plan ({after} left afterwards).</source>
        <translation>Cela utilise {n} des {remaining} messages restants ce mois-ci sur votre forfait {plan} (il en restera {after}).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="54" />
        <source>Messages are queued and go out as soon as a connection is available.</source>
        <translation>Les messages sont mis en file et partent dès qu'une connexion est disponible.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="35" />
        <source>Send “{name}”</source>
        <translation>Envoyer « {name} »</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="39" />
        <source>1 person will get it on {channel}.</source>
        <translation>1 personne la recevra par {channel}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="41" />
        <source>{n} people will get it on {channel}.</source>
        <translation>{n} personnes la recevront par {channel}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="61" />
        <source>Nobody is left out.</source>
        <translation>Personne n'est écarté.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="62" />
        <source>1 person is left out:</source>
        <translation>{n} personne est écartée :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="62" />
        <source>{n} people are left out:</source>
        <translation>{n} personnes sont écartées :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="72" />
        <source>1 without an e-mail address</source>
        <translation>{n} sans adresse e-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="73" />
        <source>{n} without an e-mail address</source>
        <translation>{n} sans adresse e-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="76" />
        <source>1 without a number</source>
        <translation>{n} sans numéro</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="76" />
        <source>{n} without a number</source>
        <translation>{n} sans numéro</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="82" />
        <source>1 with an invalid e-mail address</source>
        <translation>{n} avec une adresse e-mail invalide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="83" />
        <source>{n} with an invalid e-mail address</source>
        <translation>{n} avec une adresse e-mail invalide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="87" />
        <source>1 with an invalid number</source>
        <translation>{n} avec un numéro invalide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="87" />
        <source>{n} with an invalid number</source>
        <translation>{n} avec un numéro invalide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="94" />
        <source>1 opted out of {channel}</source>
        <translation>{n} désinscrite de {channel}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="95" />
        <source>{n} opted out of {channel}</source>
        <translation>{n} désinscrites de {channel}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="103" />
        <source>1 not on WhatsApp (an earlier message could not reach them)</source>
        <translation>{n} pas sur WhatsApp (un message précédent n'a pas pu l'atteindre)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="104" />
        <source>{n} not on WhatsApp (an earlier message could not reach them)</source>
        <translation>{n} pas sur WhatsApp (un message précédent n'a pas pu les atteindre)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="110" />
        <source>1 for another reason</source>
        <translation>{n} pour une autre raison</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="110" />
        <source>{n} for another reason</source>
        <translation>{n} pour une autre raison</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="120" />
        <source>No price is set for {channel}: add it under File → Workspace settings → Channels to see the cost here.</source>
        <translation>Aucun prix n'est indiqué pour {channel} : ajoutez-le dans Fichier → Paramètres de l’espace → Canaux pour voir le coût ici.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="128" />
        <source>1 SMS part at {price}</source>
        <translation>{n} partie de SMS à {price}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="129" />
        <source>{n} SMS parts at {price} each</source>
        <translation>{n} parties de SMS à {price} chacune</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="135" />
        <source>1 message at {price}</source>
        <translation>{n} message à {price}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="136" />
        <source>{n} messages at {price} each</source>
        <translation>{n} messages à {price} chacun</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="139" />
        <source>Estimated cost: {total} ({detail}).</source>
        <translation>Coût estimé : {total} ({detail}).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="145" />
        <source>Every SMS fits in 1 part.</source>
        <translation>Chaque SMS tient en 1 partie.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="147" />
        <source>{n} in 1 part</source>
        <translation>{n} en 1 partie</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="147" />
        <source>{n} in {parts} parts</source>
        <translation>{n} en {parts} parties</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="152" />
        <source>SMS length: {spread}. Operators bill every part.</source>
        <translation>Longueur des SMS : {spread}. Les opérateurs facturent chaque partie.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="171" />
        <source>{chars} make these SMS Unicode: 70 characters a part instead of 160. With plain look-alikes instead (' " e…), the words stay readable.</source>
        <translation>{chars} font passer ces SMS en Unicode : 70 caractères par partie au lieu de 160. Avec des caractères simples qui leur ressemblent (' " e…), les mots restent lisibles.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="176" />
        <source>Estimated cost after: {cost}.</source>
        <translation>Coût estimé ensuite : {cost}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="182" />
        <source>Replace {chars} to use {after} instead of {before} SMS</source>
        <translation>Remplacer {chars} pour utiliser {after} SMS au lieu de {before}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="207" />
        <source>Your {plan} plan has no messages left this month: none of the {total} can go now.</source>
        <translation>Votre forfait {plan} n'a plus de messages ce mois-ci : aucun des {total} ne peut partir maintenant.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="211" />
        <source>Only {allowed} of the {total} messages can go now: that is what your {plan} plan has left this month.</source>
        <translation>Seuls {allowed} des {total} messages peuvent partir maintenant : c'est ce qu'il reste ce mois-ci sur votre forfait {plan}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="228" />
        <source>Send {allowed} now: the other person is marked “monthly limit reached”, for a follow-up later.</source>
        <translation>Envoyer {allowed} maintenant : l'autre personne est marquée « limite mensuelle atteinte », pour une relance plus tard.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="232" />
        <source>Send {allowed} now: the other {n} are marked “monthly limit reached”, for a follow-up later.</source>
        <translation>Envoyer {allowed} maintenant : les {n} autres sont marquées « limite mensuelle atteinte », pour une relance plus tard.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="240" />
        <source>Or wait: the whole campaign goes out on {date} at {time}.</source>
        <translation>Ou attendre : toute la campagne part le {date} à {time}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="247" />
        <source>Waiting does not help: the campaign is larger than your plan's monthly allowance. Choose fewer recipients or upgrade your plan.</source>
        <translation>Attendre n'y change rien : la campagne dépasse ce que votre forfait permet en un mois. Choisissez moins de destinataires ou passez à un forfait supérieur.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="254" />
        <source>Send {n} now</source>
        <translation>Envoyer {n} maintenant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="257" />
        <source>Wait for the reset on {date}</source>
        <translation>Attendre la remise à zéro du {date}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/sending.py" line="218" />
        <source>The count resets on {date}.</source>
        <translation>Le compteur repart à zéro le {date}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="57" />
        <source>Workspace settings</source>
        <translation>Paramètres de l’espace de travail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="66" />
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="72" />
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="78" />
        <source>Save the workspace settings.</source>
        <translation>Enregistrer les paramètres de l'espace de travail.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="111" />
        <source>Business name</source>
        <translation>Nom de l’entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="112" />
        <source>Country (phone numbers)</source>
        <translation>Pays (numéros de téléphone)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="113" />
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="114" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="115" />
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="116" />
        <source>Assistant…</source>
        <translation>Assistant…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="118" />
        <source>The AI assistant's API key, model, server and monthly token cap</source>
        <translation>La clé d’API, le modèle, le serveur et le plafond mensuel de jetons de l’assistant IA</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="121" />
        <source>AI assistant</source>
        <translation>Assistant IA</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="152" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="152" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>SignedInPage</name>
    <message>
        <location filename="../../localpro_desktop/ui/account/signed_in.py" line="54" />
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/signed_in.py" line="56" />
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/signed_in.py" line="58" />
        <source>Your data stays on this computer; it syncs again when you sign in.</source>
        <translation>Vos données restent sur cet ordinateur ; elles se synchronisent de nouveau quand vous vous reconnectez.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/signed_in.py" line="68" />
        <source>Plan and usage this month</source>
        <translation>Forfait et consommation du mois</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/signed_in.py" line="85" />
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/signed_in.py" line="99" />
        <source>Last sync</source>
        <translation>Dernière synchro</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/signed_in.py" line="100" />
        <source>Waiting to send</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/signed_in.py" line="101" />
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/signed_in.py" line="121" />
        <source>{plan} plan</source>
        <translation>Forfait {plan}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/signed_in.py" line="129" />
        <source>Prospects added</source>
        <translation>Prospects ajoutés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/signed_in.py" line="130" />
        <source>Messages sent</source>
        <translation>Messages envoyés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/signed_in.py" line="147" />
        <source>{used} (unlimited)</source>
        <translation>{used} (illimité)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/signed_in.py" line="159" />
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/signed_in.py" line="162" />
        <source>Offline · {when}</source>
        <translation>Hors ligne · {when}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/signed_in.py" line="167" />
        <source>Nothing: all sent</source>
        <translation>Rien : tout est envoyé</translation>
    </message>
</context>
<context>
    <name>SmsForm</name>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="30" />
        <source>SMS go out through your account with an SMS provider. The API key or auth token is kept in this computer's keyring, never in a file.</source>
        <translation>Les SMS partent par votre compte chez un fournisseur de SMS. La clé d'API ou le jeton est gardé dans le trousseau de cet ordinateur, jamais dans un fichier.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="34" />
        <source>your own mobile, e.g. +221 77 123 45 67</source>
        <translation>votre propre mobile, ex. +221 77 123 45 67</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="45" />
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="53" />
        <source>Sender ID</source>
        <translation>Nom d'expéditeur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="56" />
        <source>An SMS part holds 160 plain characters (70 with accents such as ê or emoji); a longer message is billed as several parts.</source>
        <translation>Une partie de SMS contient 160 caractères simples (70 avec des accents comme ê ou des emoji) ; un message plus long est facturé en plusieurs parties.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="61" />
        <source>Price per SMS part</source>
        <translation>Prix par partie de SMS</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="62" />
        <source>{currency} per SMS part</source>
        <translation>{currency} par partie de SMS</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="73" />
        <source>Account SID</source>
        <translation>Account SID</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="74" />
        <source>starts with AC…</source>
        <translation>commence par AC…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="75" />
        <source>Auth token</source>
        <translation>Auth token</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="76" />
        <source>a Twilio number (+1…) or a name</source>
        <translation>un numéro Twilio (+1…) ou un nom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="78" />
        <source>In the Twilio Console: Account Info shows the Account SID and token.</source>
        <translation>Dans la console Twilio : « Account Info » affiche l'Account SID et le jeton.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="81" />
        <source>Username</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="82" />
        <source>your Africa's Talking app's username</source>
        <translation>l'identifiant de votre application Africa's Talking</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="83" />
        <source>API key</source>
        <translation>Clé d'API</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="84" />
        <source>e.g. AISSATA (approved by the provider)</source>
        <translation>ex. AISSATA (approuvé par le fournisseur)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="87" />
        <source>In your Africa's Talking account: the app's username, and an API key from Settings → API Key.</source>
        <translation>Dans votre compte Africa's Talking : l'identifiant de l'application, et une clé d'API depuis Settings → API Key.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="111" />
        <source>Enter the Account SID.</source>
        <translation>Saisissez l'Account SID.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="111" />
        <source>Enter the username.</source>
        <translation>Saisissez l'identifiant.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="125" />
        <source>Enter the auth token.</source>
        <translation>Saisissez le jeton (auth token).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="125" />
        <source>Enter the API key.</source>
        <translation>Saisissez la clé d'API.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/sms_form.py" line="128" />
        <source>Type the mobile number the test should go to.</source>
        <translation>Indiquez le numéro de mobile qui recevra le test.</translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="60" />
        <source>Discovery sources</source>
        <translation>Sources de recherche</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="79" />
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="93" />
        <source>Leave a field empty to use the public server.</source>
        <translation>Laissez un champ vide pour utiliser le serveur public.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="99" />
        <source>Google Places API key</source>
        <translation>Clé d'API Google Places</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="103" />
        <source>Paste a new key to save it</source>
        <translation>Collez une nouvelle clé pour l'enregistrer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="104" />
        <source>Forget the key</source>
        <translation>Oublier la clé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="108" />
        <source>Your own key, from a Google Cloud project with the Places API (New) enabled. It is kept in this computer's keyring, never in the workspace file.</source>
        <translation>Votre propre clé, d'un projet Google Cloud où l'API Places (New) est activée. Elle est gardée dans le trousseau de cet ordinateur, jamais dans le fichier de l'espace de travail.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="124" />
        <source>Extra OpenStreetMap tags</source>
        <translation>Tags OpenStreetMap supplémentaires</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="132" />
        <source>Add tag</source>
        <translation>Ajouter le tag</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="133" />
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="139" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="173" />
        <source>A key is saved on this computer.</source>
        <translation>Une clé est enregistrée sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="175" />
        <source>No key saved: Google Places searches need one.</source>
        <translation>Aucune clé enregistrée : les recherches Google Places en demandent une.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="196" />
        <source>Set by the environment variable {name}; the setting applies when it is unset.</source>
        <translation>Défini par la variable d'environnement {name} ; le réglage s'applique quand elle n'est pas définie.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="211" />
        <source>Built in: {tags}</source>
        <translation>Intégrés : {tags}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/discovery/sources_dialog.py" line="213" />
        <source>No built-in tag: add one so OpenStreetMap can be searched.</source>
        <translation>Aucun tag intégré : ajoutez-en un pour pouvoir chercher sur OpenStreetMap.</translation>
    </message>
</context>
<context>
    <name>SyncMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="250" />
        <source>The server sent a sign-in token too large for the OS keyring.</source>
        <translation>Le serveur a envoyé un jeton de connexion trop grand pour le trousseau du système.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="251" />
        <source>No OS keyring is available to keep your sign-in safely. On Linux install a Secret Service (e.g. gnome-keyring) or set PYTHON_KEYRING_BACKEND.</source>
        <translation>Aucun trousseau du système n'est disponible pour garder votre connexion en sécurité. Sous Linux, installez un service Secret Service (par exemple gnome-keyring) ou définissez PYTHON_KEYRING_BACKEND.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="252" />
        <source>The OS keyring refused to store the sign-in: {detail}</source>
        <translation>Le trousseau du système a refusé d'enregistrer la connexion : {detail}</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="253" />
        <source>Update LocalPro to keep syncing.</source>
        <translation>Mettez LocalPro à jour pour continuer à synchroniser.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="254" />
        <source>The server refused ({status}).</source>
        <translation>Le serveur a refusé ({status}).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="255" />
        <source>Sign in first: localpro account login --email YOU@EXAMPLE.COM</source>
        <translation>Connectez-vous d'abord : localpro account login --email VOUS@EXEMPLE.COM</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="256" />
        <source>Your sign-in has expired or was revoked: sign in again.</source>
        <translation>Votre connexion a expiré ou a été révoquée : reconnectez-vous.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="26" />
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="32" />
        <source>Synced just now</source>
        <translation>Synchronisé à l’instant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="34" />
        <source>Synced 1 min ago</source>
        <translation>Synchronisé il y a 1 min</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="36" />
        <source>Synced {count} min ago</source>
        <translation>Synchronisé il y a {count} min</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="41" />
        <source>Synced 1 hour ago</source>
        <translation>Synchronisé il y a 1 heure</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="43" />
        <source>Synced {count} hours ago</source>
        <translation>Synchronisé il y a {count} heures</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="47" />
        <source>Synced on {date}</source>
        <translation>Synchronisé le {date}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="54" />
        <source>1 change waiting</source>
        <translation>1 modification en attente</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="55" />
        <source>{count} changes waiting</source>
        <translation>{count} modifications en attente</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="62" />
        <source>1 change rejected</source>
        <translation>1 modification refusée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="63" />
        <source>{count} changes rejected</source>
        <translation>{count} modifications refusées</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="74" />
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="76" />
        <source>Everything works offline. Sign in to back up your data and share it between computers.</source>
        <translation>Tout fonctionne hors ligne. Connectez-vous pour sauvegarder vos données et les partager entre vos ordinateurs.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="82" />
        <source>Signed in as {email} on {server}</source>
        <translation>Connecté en tant que {email} sur {server}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="86" />
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="88" />
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="91" />
        <source>The cloud cannot be reached; your changes are kept and sent automatically.</source>
        <translation>Le cloud est injoignable ; vos modifications sont conservées et seront envoyées automatiquement.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="97" />
        <source>Next try in {seconds} s.</source>
        <translation>Nouvel essai dans {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="105" />
        <source>Sync problem</source>
        <translation>Problème de synchronisation</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="135" />
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="136" />
        <source>Send your changes and fetch the others' now</source>
        <translation>Envoyer vos modifications et récupérer celles des autres maintenant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="164" />
        <source>Show the changes the cloud refused, and why</source>
        <translation>Voir les modifications refusées par le cloud, et pourquoi</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="169" />
        <source>Account…</source>
        <translation>Compte…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/sync_status.py" line="169" />
        <source>Sign in…</source>
        <translation>Se connecter…</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/template_picker.py" line="110" />
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/template_picker.py" line="112" />
        <source>Read the approved templates from your WhatsApp Business account again.</source>
        <translation>Relire les modèles approuvés de votre compte WhatsApp Business.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/template_picker.py" line="147" />
        <source>Reading the approved templates…</source>
        <translation>Lecture des modèles approuvés…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/template_picker.py" line="167" />
        <source>Your WhatsApp Business account has no approved template yet. Create one in Meta's WhatsApp Manager; approval usually takes minutes to a day.</source>
        <translation>Votre compte WhatsApp Business n'a encore aucun modèle approuvé. Créez-en un dans le WhatsApp Manager de Meta ; l'approbation prend en général de quelques minutes à une journée.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/template_picker.py" line="178" />
        <source>1 approved template in your WhatsApp Business account.</source>
        <translation>1 modèle approuvé dans votre compte WhatsApp Business.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/template_picker.py" line="179" />
        <source>{n} approved templates in your WhatsApp Business account.</source>
        <translation>{n} modèles approuvés dans votre compte WhatsApp Business.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/template_picker.py" line="186" />
        <source>The templates could not be read: {reason}</source>
        <translation>Les modèles n'ont pas pu être lus : {reason}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/template_picker.py" line="198" />
        <source>No template: free text (only to people who wrote in 24 h)</source>
        <translation>Pas de modèle : texte libre (seulement aux personnes qui ont écrit depuis 24 h)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/template_picker.py" line="208" />
        <source>{name} ({language}) — not in the list read</source>
        <translation>{name} ({language}) — absent de la liste lue</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/template_picker.py" line="264" />
        <source>The template's text shows once the list is read (needs a connection).</source>
        <translation>Le texte du modèle s'affiche une fois la liste lue (il faut une connexion).</translation>
    </message>
</context>
<context>
    <name>TileSourceDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/map/tile_dialog.py" line="68" />
        <source>Map tiles</source>
        <translation>Fonds de carte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tile_dialog.py" line="76" />
        <source>Tile address with {z}, {x} and {y}. Tiles you look at are kept on this computer so the map works offline; LocalPro never downloads whole areas in advance. Respect the tile server's terms and credit it below.</source>
        <translation>Adresse des tuiles avec {z}, {x} et {y}. Les tuiles que vous regardez sont gardées sur cet ordinateur pour que la carte marche hors ligne ; LocalPro ne télécharge jamais de zones entières à l'avance. Respectez les conditions du serveur de tuiles et citez-le ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tile_dialog.py" line="87" />
        <source>Use OpenStreetMap</source>
        <translation>Utiliser OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tile_dialog.py" line="90" />
        <source>Tile address</source>
        <translation>Adresse des tuiles</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tile_dialog.py" line="91" />
        <source>Credit shown on the map</source>
        <translation>Crédit affiché sur la carte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tile_dialog.py" line="113" />
        <source>Give an address starting with http:// or https:// with {z}, {x} and {y}.</source>
        <translation>Donnez une adresse commençant par http:// ou https:// avec {z}, {x} et {y}.</translation>
    </message>
</context>
<context>
    <name>UnknownView</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="142" />
        <source>LocalPro could not confirm that these messages left: the connection was cut, or the computer stopped, while they were being sent. Check before resending — a person who got one would get it twice.</source>
        <translation>LocalPro n’a pas pu confirmer le départ de ces messages : la connexion a été coupée, ou l’ordinateur s’est arrêté, pendant leur envoi. Vérifiez avant de renvoyer — une personne qui en a reçu un le recevrait deux fois.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="151" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="151" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="151" />
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="163" />
        <source>Select all</source>
        <translation>Tout sélectionner</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="169" />
        <source>Count them as not sent and never send them again from this campaign</source>
        <translation>Les compter comme non envoyés et ne plus jamais les renvoyer depuis cette campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="217" />
        <source>Resend…</source>
        <translation>Renvoyer…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="218" />
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="221" />
        <source>Give up</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="220" />
        <source>Resend {n}…</source>
        <translation>Renvoyer {n}…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="223" />
        <source>Resend all…</source>
        <translation>Tout renvoyer…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/outcomes.py" line="224" />
        <source>Give up all</source>
        <translation>Tout abandonner</translation>
    </message>
</context>
<context>
    <name>UsageMeter</name>
    <message>
        <location filename="../../localpro_desktop/ui/widgets.py" line="169" />
        <source>Prospects this month: {used} (unlimited)</source>
        <translation>Prospects ce mois-ci : {used} (illimité)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/widgets.py" line="174" />
        <source>Prospects this month: {used} / {limit}</source>
        <translation>Prospects ce mois-ci : {used} / {limit}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/widgets.py" line="190" />
        <source>New prospects added or imported this month count against your plan. The count resets on {date}.</source>
        <translation>Les prospects ajoutés ou importés ce mois-ci sont décomptés de votre forfait. Le compteur repart à zéro le {date}.</translation>
    </message>
</context>
<context>
    <name>WebhookBox</name>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="86" />
        <source>Replies, receipts and opt-outs</source>
        <translation>Réponses, accusés et désinscriptions</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="96" />
        <source>Sign in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="118" />
        <source>Opens and unsubscribes come back through your LocalPro cloud account, even while this computer is off; it gets them when it syncs.</source>
        <translation>Les ouvertures et les désinscriptions reviennent par votre compte cloud LocalPro, même quand cet ordinateur est éteint ; il les reçoit à la synchronisation.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="122" />
        <source>Your provider reports deliveries, replies and opt-outs (STOP) to your LocalPro cloud account, even while this computer is off; it gets them when it syncs.</source>
        <translation>Votre fournisseur signale les remises, les réponses et les désinscriptions (STOP) à votre compte cloud LocalPro, même quand cet ordinateur est éteint ; il les reçoit à la synchronisation.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="154" />
        <source>Checking your cloud account…</source>
        <translation>Vérification de votre compte cloud…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="172" />
        <source>Set up and save the SMS channel above first: its provider decides where replies come from.</source>
        <translation>Configurez et enregistrez d’abord le canal SMS ci-dessus : son fournisseur détermine d’où viennent les réponses.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="196" />
        <source>The LocalPro cloud cannot be reached: check the internet connection and try again.</source>
        <translation>Le cloud LocalPro est injoignable : vérifiez la connexion internet et réessayez.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="229" />
        <source>Change the address?</source>
        <translation>Changer l’adresse ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="231" />
        <source>Change it</source>
        <translation>La changer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="232" />
        <source>Keep it</source>
        <translation>La garder</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="242" />
        <source>Asking your cloud account for the address…</source>
        <translation>Demande de l’adresse à votre compte cloud…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="254" />
        <source>The links in e-mails already sent stop working: their opens and unsubscribes no longer come back. Only do this if the address leaked.</source>
        <translation>Les liens des e-mails déjà envoyés cessent de fonctionner : leurs ouvertures et désinscriptions ne reviennent plus. Ne le faites que si l’adresse a fuité.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="258" />
        <source>The current address stops working at once: paste the new one in the provider's console right after, or replies and receipts are lost meanwhile.</source>
        <translation>L’adresse actuelle cesse aussitôt de fonctionner : collez la nouvelle dans la console du fournisseur juste après, sinon les réponses et les accusés de l’intervalle sont perdus.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="274" />
        <source>The LocalPro cloud cannot be reached: nothing was changed. Check the internet connection and try again.</source>
        <translation>Le cloud LocalPro est injoignable : rien n’a été modifié. Vérifiez la connexion internet et réessayez.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="284" />
        <source>New address made: the previous one no longer works.</source>
        <translation>Nouvelle adresse créée : la précédente ne fonctionne plus.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="287" />
        <source>Opens and unsubscribes now come back for the e-mails queued from now on.</source>
        <translation>Les ouvertures et les désinscriptions reviennent désormais pour les e-mails mis en file à partir de maintenant.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="290" />
        <source>Replies, receipts and opt-outs now come back for {channel}.</source>
        <translation>Les réponses, accusés et désinscriptions reviennent désormais pour {channel}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="308" />
        <source>{name} copied.</source>
        <translation>{name} copié(e).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="317" />
        <source>This computer is not signed in to a LocalPro cloud account.</source>
        <translation>Cet ordinateur n’est connecté à aucun compte cloud LocalPro.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="326" />
        <source>Off: nothing comes back yet.</source>
        <translation>Désactivé : rien ne revient encore.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="329" />
        <source>On: they come back through your cloud account.</source>
        <translation>Activé : ils reviennent par votre compte cloud.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="332" />
        <source>This address was made for {old}, but the SMS channel now uses {new}: change the address.</source>
        <translation>Cette adresse a été créée pour {old}, mais le canal SMS utilise maintenant {new} : changez l’adresse.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="351" />
        <source>Receive replies…</source>
        <translation>Recevoir les réponses…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="352" />
        <source>Change the address…</source>
        <translation>Changer l’adresse…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="353" />
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="354" />
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="357" />
        <source>Track opens and unsubscribes…</source>
        <translation>Suivre ouvertures et désinscriptions…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="368" />
        <source>In Meta's App Dashboard → WhatsApp → Configuration, paste the callback URL and verify token and subscribe to messages.</source>
        <translation>Dans le tableau de bord de l’application Meta → WhatsApp → Configuration, collez l’URL de rappel et le jeton de vérification, puis abonnez-vous à « messages ».</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="373" />
        <source>In the Twilio Console, paste the URL as the status callback of the number or Messaging Service you send from, and as its “A message comes in” webhook (HTTP POST).</source>
        <translation>Dans la console Twilio, collez l’URL comme « status callback » du numéro ou du Messaging Service d’envoi, et comme son webhook « A message comes in » (HTTP POST).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="379" />
        <source>In your Africa's Talking dashboard → SMS → Callback URLs, paste the first as the delivery reports callback and the second as the incoming messages callback.</source>
        <translation>Dans votre tableau de bord Africa's Talking → SMS → Callback URLs, collez la première comme callback des accusés de remise et la seconde comme callback des messages entrants.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/webhook_box.py" line="384" />
        <source>Nothing to paste: an open pixel and an unsubscribe link are added to each e-mail, through your cloud account.</source>
        <translation>Rien à coller : un pixel d’ouverture et un lien de désinscription sont ajoutés à chaque e-mail, via votre compte cloud.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../localpro_desktop/ui/welcome.py" line="34" />
        <source>Welcome to LocalPro</source>
        <translation>Bienvenue dans LocalPro</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/welcome.py" line="39" />
        <source>Find local businesses, follow them up and reach them on WhatsApp, SMS and e-mail — even offline.</source>
        <translation>Trouvez des entreprises locales, suivez-les et contactez-les par WhatsApp, SMS et e-mail — même hors ligne.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/welcome.py" line="49" />
        <source>Explore with demo data</source>
        <translation>Explorer avec des données de démonstration</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/welcome.py" line="50" />
        <source>Import a file</source>
        <translation>Importer un fichier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/welcome.py" line="51" />
        <source>Add a prospect</source>
        <translation>Ajouter un prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/welcome.py" line="68" />
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
</context>
<context>
    <name>WhatsAppForm</name>
    <message>
        <location filename="../../localpro_desktop/ui/channels/whatsapp_form.py" line="22" />
        <source>WhatsApp campaigns go out through Meta's WhatsApp Business Cloud API. The access token is kept in this computer's keyring, never in a file.</source>
        <translation>Les campagnes WhatsApp partent par l'API WhatsApp Business Cloud de Meta. Le jeton d'accès est gardé dans le trousseau de cet ordinateur, jamais dans un fichier.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/whatsapp_form.py" line="26" />
        <source>your own WhatsApp number, e.g. +221 77…</source>
        <translation>votre propre numéro WhatsApp, ex. +221 77…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/whatsapp_form.py" line="34" />
        <source>In Meta's WhatsApp Manager, “API setup” shows both ids. Use a permanent access token (a system user's), not the 24-hour test token.</source>
        <translation>Dans le WhatsApp Manager de Meta, « Configuration de l'API » affiche les deux identifiants. Utilisez un jeton d'accès permanent (celui d'un utilisateur système), pas le jeton de test de 24 heures.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/whatsapp_form.py" line="39" />
        <source>e.g. 106540352242922</source>
        <translation>ex. 106540352242922</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/whatsapp_form.py" line="40" />
        <source>Phone number ID</source>
        <translation>ID du numéro</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/whatsapp_form.py" line="42" />
        <source>e.g. 102290129340398</source>
        <translation>ex. 102290129340398</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/whatsapp_form.py" line="43" />
        <source>Business account ID</source>
        <translation>ID du compte Business</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/whatsapp_form.py" line="44" />
        <source>Access token</source>
        <translation>Jeton d'accès</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/whatsapp_form.py" line="47" />
        <source>The first message to a person must be a template Meta approved; you choose it in the campaign. Free text is allowed only within 24 hours after the person wrote to you.</source>
        <translation>Le premier message à une personne doit être un modèle approuvé par Meta ; vous le choisissez dans la campagne. Le texte libre n'est permis que dans les 24 heures après un message de la personne.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/whatsapp_form.py" line="53" />
        <source>Price per message</source>
        <translation>Prix par message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/whatsapp_form.py" line="54" />
        <source>{currency} per message</source>
        <translation>{currency} par message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/whatsapp_form.py" line="67" />
        <source>Enter the phone number ID.</source>
        <translation>Saisissez l'ID du numéro.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/whatsapp_form.py" line="69" />
        <source>Enter the business account ID.</source>
        <translation>Saisissez l'ID du compte Business.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/whatsapp_form.py" line="81" />
        <source>Enter the access token.</source>
        <translation>Saisissez le jeton d'accès.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/channels/whatsapp_form.py" line="84" />
        <source>Type the WhatsApp number the test should go to.</source>
        <translation>Indiquez le numéro WhatsApp qui recevra le test.</translation>
    </message>
</context>
<context>
    <name>WorkspaceMessages</name>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="231" />
        <source>The workspace name cannot be empty.</source>
        <translation>Le nom de l'espace de travail ne peut pas être vide.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="232" />
        <source>Unknown language {text!r}: use en or fr.</source>
        <translation>Langue inconnue {text!r} : utilisez en ou fr.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="233" />
        <source>Unknown country {text!r}: give a two-letter ISO code such as SN, CI, NG, GH, KE.</source>
        <translation>Pays inconnu {text!r} : donnez un code ISO à deux lettres, comme SN, CI, NG, GH, KE.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="234" />
        <source>Unknown currency {text!r}: give a three-letter ISO code such as XOF.</source>
        <translation>Devise inconnue {text!r} : donnez un code ISO à trois lettres, comme XOF.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="235" />
        <source>Unknown time zone {text!r}: use an IANA name such as Africa/Dakar.</source>
        <translation>Fuseau horaire inconnu {text!r} : utilisez un nom IANA, comme Africa/Dakar.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="236" />
        <source>Choose a demo size between 1 and 1,000,000 prospects.</source>
        <translation>Choisissez une taille de démo entre 1 et 1 000 000 de prospects.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="237" />
        <source>This workspace already has demo data. Use another --data-dir for a fresh demo.</source>
        <translation>Cet espace de travail contient déjà des données de démo. Utilisez un autre --data-dir pour une nouvelle démo.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="238" />
        <source>No backup file at {path}.</source>
        <translation>Aucun fichier de sauvegarde à l'emplacement {path}.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="239" />
        <source>{path} is damaged (integrity check failed); choose another backup.</source>
        <translation>{path} est endommagé (échec du contrôle d'intégrité) ; choisissez une autre sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="240" />
        <source>Choose a password of at least {limit} characters.</source>
        <translation>Choisissez un mot de passe d'au moins {limit} caractères.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="241" />
        <source>This password has {length} characters; LocalPro accepts at most {limit}. Choose a shorter one (a few words you can remember are enough).</source>
        <translation>Ce mot de passe compte {length} caractères ; LocalPro en accepte au plus {limit}. Choisissez-en un plus court (quelques mots faciles à retenir suffisent).</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="242" />
        <source>These account details are not accepted: {fields}. Check them (length and characters) and try again.</source>
        <translation>Ces informations de compte ne sont pas acceptées : {fields}. Vérifiez-les (longueur et caractères) et réessayez.</translation>
    </message>
    <message>
        <location filename="../../build/translations/domain_messages.py" line="243" />
        <source>Unexpected error ({error}). Details, without passwords or keys, are in {where}.</source>
        <translation>Erreur inattendue ({error}). Les détails, sans mots de passe ni clés, sont dans {where}.</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../localpro_desktop/ui/formatting.py" line="99" />
        <source>unlimited</source>
        <translation>illimité</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="15" />
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="16" />
        <source>Contacted</source>
        <translation>Contacté</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="17" />
        <source>Interested</source>
        <translation>Intéressé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="18" />
        <source>Negotiation</source>
        <translation>Négociation</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="19" />
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="20" />
        <source>Inactive</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="27" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="34" />
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="35" />
        <source>Scheduled</source>
        <translation>Programmée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="36" />
        <location filename="../../localpro_desktop/ui/labels.py" line="46" />
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="37" />
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="38" />
        <location filename="../../localpro_desktop/ui/labels.py" line="50" />
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="44" />
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="45" />
        <source>Queued</source>
        <translation>En file d’attente</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="47" />
        <source>Delivered</source>
        <translation>Remis</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="48" />
        <source>Opened</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="49" />
        <source>Replied</source>
        <translation>A répondu</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="51" />
        <source>Skipped</source>
        <translation>Ignoré</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="60" />
        <source>Directory</source>
        <translation>Annuaire</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="62" />
        <source>Manual entry</source>
        <translation>Saisie manuelle</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="63" />
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="64" />
        <source>Imported file</source>
        <translation>Fichier importé</translation>
    </message>
</context>
</TS>