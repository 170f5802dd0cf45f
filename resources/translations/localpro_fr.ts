<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="91" />
        <source>LocalPro account</source>
        <translation>Compte LocalPro</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="95" />
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="133" />
        <source>LocalPro works fully offline. With an account, your data is backed up in the cloud and shared between your computers.</source>
        <translation>LocalPro fonctionne entièrement hors ligne. Avec un compte, vos données sont sauvegardées dans le cloud et partagées entre vos ordinateurs.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="143" />
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="187" />
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="144" />
        <source>Create an account</source>
        <translation>Créer un compte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="158" />
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="170" />
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="264" />
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="171" />
        <source>Change this only if your organisation runs its own LocalPro cloud.</source>
        <translation>Ne modifiez ceci que si votre organisation héberge son propre cloud LocalPro.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="184" />
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="199" />
        <source>you@example.com</source>
        <translation>vous@exemple.com</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="190" />
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="210" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="191" />
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="211" />
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="202" />
        <source>At least 10 characters</source>
        <translation>Au moins 10 caractères</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="208" />
        <source>Create my account</source>
        <translation>Créer mon compte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="212" />
        <source>Repeat the password</source>
        <translation>Répétez le mot de passe</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="213" />
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="214" />
        <source>Business name</source>
        <translation>Nom de l’entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="215" />
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="232" />
        <source>Plan and usage this month</source>
        <translation>Forfait et consommation du mois</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="248" />
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="262" />
        <source>Last sync</source>
        <translation>Dernière synchro</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="263" />
        <source>Waiting to send</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="269" />
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="271" />
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="273" />
        <source>Your data stays on this computer; it syncs again when you sign in.</source>
        <translation>Vos données restent sur cet ordinateur ; elles se synchronisent de nouveau quand vous vous reconnectez.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="331" />
        <source>Fetching your plan…</source>
        <translation>Récupération de votre forfait…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="344" />
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="544" />
        <source>Your sign-in has expired: sign in again.</source>
        <translation>Votre connexion a expiré : reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="350" />
        <source>Your plan and usage appear here when the cloud can be reached.</source>
        <translation>Votre forfait et votre consommation s’affichent ici quand le cloud est joignable.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="368" />
        <source>Enter the e-mail address of your account.</source>
        <translation>Saisissez l’adresse e-mail de votre compte.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="372" />
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="375" />
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="392" />
        <source>Enter a valid e-mail address.</source>
        <translation>Saisissez une adresse e-mail valide.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="397" />
        <source>Choose a password of at least {count} characters.</source>
        <translation>Choisissez un mot de passe d’au moins {count} caractères.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="404" />
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="416" />
        <source>Check the e-mail address, the password and the country.</source>
        <translation>Vérifiez l’adresse e-mail, le mot de passe et le pays.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="418" />
        <source>Creating your account…</source>
        <translation>Création de votre compte…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="433" />
        <source>Signed in. Your data now syncs in the background.</source>
        <translation>Connecté. Vos données se synchronisent désormais en arrière-plan.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="441" />
        <source>Signing out…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="453" />
        <source>Signed out. Your data stays on this computer.</source>
        <translation>Déconnecté. Vos données restent sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="474" />
        <source>{plan} plan</source>
        <translation>Forfait {plan}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="482" />
        <source>Prospects added</source>
        <translation>Prospects ajoutés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="483" />
        <source>Messages sent</source>
        <translation>Messages envoyés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="500" />
        <source>{used} (unlimited)</source>
        <translation>{used} (illimité)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="519" />
        <source>This computer is no longer signed in: sign in again.</source>
        <translation>Cet ordinateur n’est plus connecté : reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="522" />
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="525" />
        <source>Offline · {when}</source>
        <translation>Hors ligne · {when}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="530" />
        <source>Nothing: all sent</source>
        <translation>Rien : tout est envoyé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="540" />
        <source>The LocalPro cloud cannot be reached. Check your internet connection (or the server address under Advanced) and try again.</source>
        <translation>Le cloud LocalPro est injoignable. Vérifiez votre connexion internet (ou l’adresse du serveur sous Avancé) et réessayez.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="546" />
        <source>Something went wrong: {message}</source>
        <translation>Une erreur est survenue : {message}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/dialog.py" line="575" />
        <source>The server address must start with https:// (for example {example}).</source>
        <translation>L’adresse du serveur doit commencer par https:// (par exemple {example}).</translation>
    </message>
</context>
<context>
    <name>AnalyticsTab</name>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="180" />
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="184" />
        <source>Show the last %1 days</source>
        <translation>Afficher les %1 derniers jours</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="208" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="209" />
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="210" />
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="628" />
        <source>Response rate</source>
        <translation>Taux de réponse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="211" />
        <source>Messages this month</source>
        <translation>Messages ce mois-ci</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="212" />
        <source>Prospects this month</source>
        <translation>Prospects ce mois-ci</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="215" />
        <source>Contacts in your CRM, and how many were added in the period.</source>
        <translation>Les contacts de votre CRM, et combien ont été ajoutés sur la période.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="218" />
        <source>Contacts at the Client stage, and how many became clients in the period.</source>
        <translation>Les contacts à l’étape Client, et combien sont devenus clients sur la période.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="221" />
        <source>Share of the messages sent in the period that got a reply.</source>
        <translation>Part des messages envoyés sur la période qui ont reçu une réponse.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="225" />
        <source>Messages counted against your plan this month; the trend compares messages sent in the period with the period before.</source>
        <translation>Messages décomptés de votre forfait ce mois-ci ; la tendance compare les messages envoyés sur la période à ceux de la période précédente.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="231" />
        <source>Prospects counted against your plan this month; the trend compares prospects added in the period with the period before.</source>
        <translation>Prospects décomptés de votre forfait ce mois-ci ; la tendance compare les prospects ajoutés sur la période à ceux de la période précédente.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="241" />
        <source>Messages sent per day, by channel</source>
        <translation>Messages envoyés par jour, par canal</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="242" />
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="243" />
        <source>Response and conversion rates</source>
        <translation>Taux de réponse et de conversion</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="244" />
        <source>Prospects by source</source>
        <translation>Prospects par source</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="245" />
        <source>Prospects by sector</source>
        <translation>Prospects par secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="268" />
        <source>Nothing to analyse yet</source>
        <translation>Rien à analyser pour l’instant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="276" />
        <source>Your charts appear here as soon as there is something to count.
Import prospects or load demo data from the Prospects tab to get started.</source>
        <translation>Vos graphiques s’afficheront ici dès qu’il y aura quelque chose à compter.
Importez des prospects ou chargez les données de démonstration depuis l’onglet Prospects pour commencer.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="327" />
        <source>Updating…</source>
        <translation>Mise à jour…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="364" />
        <source>Could not update the figures: %1</source>
        <translation>Impossible de mettre à jour les chiffres : %1</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="396" />
        <source>vs previous %1 days</source>
        <translation>vs les %1 j précédents</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="403" />
        <source>None in this or the previous %1 days</source>
        <translation>Aucun sur ces %1 jours ni les précédents</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="405" />
        <source>Nothing to compare with yet</source>
        <translation>Rien à comparer pour l’instant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="410" />
        <source>New in %1 days: %2</source>
        <translation>Nouveaux sur %1 jours : %2</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="438" />
        <source>%1 replies to %2 messages</source>
        <translation>%1 réponses pour %2 messages</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="442" />
        <source>No messages sent in %1 days</source>
        <translation>Aucun message envoyé en %1 jours</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="453" />
        <source>%1 plan: %2</source>
        <translation>Forfait %1 : %2</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="458" />
        <source>of %1 on the %2 plan</source>
        <translation>sur %1 avec le forfait %2</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="499" />
        <source>%1, %2: %3 sent</source>
        <translation>%1, %2 : %3 envoyés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="526" />
        <source>No messages sent in the last %1 days.</source>
        <translation>Aucun message envoyé ces %1 derniers jours.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="529" />
        <source>Send a campaign and its messages will show up here.</source>
        <translation>Envoyez une campagne et ses messages apparaîtront ici.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="535" />
        <source>Sent in %1 days: %2</source>
        <translation>Envoyés sur %1 jours : %2</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="546" />
        <source>No contacts yet.</source>
        <translation>Aucun contact pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="548" />
        <source>Turn prospects into contacts to follow them along the pipeline.</source>
        <translation>Convertissez des prospects en contacts pour les suivre dans le pipeline.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="564" />
        <source>%1: %2 now; %3 (%4) reached this stage</source>
        <translation>%1 : %2 actuellement ; %3 (%4) ont atteint cette étape</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="604" />
        <source>%1 now · %2 reached</source>
        <translation>%1 actuels · %2 atteint</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="621" />
        <source>solid: now · light: ever reached</source>
        <translation>plein : actuels · clair : déjà atteint</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="633" />
        <source>Conversion rate</source>
        <translation>Taux de conversion</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="647" />
        <source>%1 (no data)</source>
        <translation>%1 (aucune donnée)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="686" />
        <source>No rates for the last %1 days yet.</source>
        <translation>Pas encore de taux pour les %1 derniers jours.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="687" />
        <source>They appear once messages are sent or contacts are added.</source>
        <translation>Ils apparaissent dès que des messages sont envoyés ou des contacts ajoutés.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="691" />
        <source>%1-day rolling</source>
        <translation>moyenne glissante sur %1 jours</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="702" />
        <source>%1, %2: %3</source>
        <translation>%1, %2 : %3</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="711" />
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="774" />
        <source>Not specified</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="713" />
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="721" />
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="782" />
        <source>No prospects yet.</source>
        <translation>Aucun prospect pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="743" />
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="801" />
        <source>%1: %2 prospects</source>
        <translation>%1 : %2 prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="756" />
        <source>Total: %1</source>
        <translation>Total : %1</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="772" />
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="790" />
        <source>Other sectors</source>
        <translation>Autres secteurs</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="789" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/analytics/tab.py" line="834" />
        <source>Top %1</source>
        <translation>Les %1 premiers</translation>
    </message>
</context>
<context>
    <name>AppStatusBar</name>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="60" />
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="63" />
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="66" />
        <source>Everything works offline; changes sync when a connection appears.</source>
        <translation>Tout fonctionne hors ligne ; les modifications se synchronisent dès qu’une connexion est disponible.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="88" />
        <source>{plan} · messages {used} / {limit} · prospects {pused} / {plimit}</source>
        <translation>{plan} · messages {used} / {limit} · prospects {pused} / {plimit}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="97" />
        <source>Monthly usage; resets on {date}</source>
        <translation>Consommation du mois ; remise à zéro le {date}</translation>
    </message>
</context>
<context>
    <name>BoardColumn</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/column.py" line="232" />
        <source>{count} in this column</source>
        <translation>{count} dans cette colonne</translation>
    </message>
</context>
<context>
    <name>CampaignComposer</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="135" />
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="136" />
        <source>Back to the list of campaigns</source>
        <translation>Retour à la liste des campagnes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="140" />
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="382" />
        <source>New campaign</source>
        <translation>Nouvelle campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="157" />
        <source>e.g. Tabaski promotion</source>
        <translation>ex. Promotion Tabaski</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="159" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="174" />
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="189" />
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="193" />
        <source>e.g. News for {{company}}</source>
        <translation>ex. Nouveautés pour {{company}}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="195" />
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="202" />
        <source>Hello {{first_name}}, …  Use the buttons above to add personal fields.</source>
        <translation>Bonjour {{first_name}}, …  Les boutons ci-dessus ajoutent des champs personnalisés.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="219" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="222" />
        <source>Send later, on</source>
        <translation>Envoyer plus tard, le</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="231" />
        <source>your local time</source>
        <translation>heure locale</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="235" />
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="241" />
        <source>Insert:</source>
        <translation>Insérer :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="249" />
        <source>Insert {token} at the cursor</source>
        <translation>Insérer {token} au curseur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="256" />
        <source>More fields</source>
        <translation>Autres champs</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="277" />
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="281" />
        <source>As received by</source>
        <translation>Tel que reçu par</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="344" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="346" />
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="860" />
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="348" />
        <source>Send now…</source>
        <translation>Envoyer maintenant…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="366" />
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="367" />
        <source>Last name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="368" />
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="369" />
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="370" />
        <source>Business name</source>
        <translation>Raison sociale</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="371" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="372" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="373" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="374" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="384" />
        <source>Selected contacts</source>
        <translation>Contacts sélectionnés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="391" />
        <source>Edit campaign</source>
        <translation>Modifier la campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="392" />
        <source>Current recipients</source>
        <translation>Destinataires actuels</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="414" />
        <source>Loading segments…</source>
        <translation>Chargement des segments…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="447" />
        <source>Edit campaign: {name}</source>
        <translation>Modifier la campagne : {name}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="479" />
        <source>Choose a segment…</source>
        <translation>Choisir un segment…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="482" />
        <source>{label} ({n})</source>
        <translation>{label} ({n})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="488" />
        <source>Segment: {name} ({n})</source>
        <translation>Segment : {name} ({n})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="639" />
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="891" />
        <source>Choose who receives the campaign.</source>
        <translation>Choisissez qui reçoit la campagne.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="647" />
        <source>Counting recipients…</source>
        <translation>Comptage des destinataires…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="687" />
        <source>1 without a number</source>
        <translation>1 sans numéro</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="687" />
        <source>{n} without a number</source>
        <translation>{n} sans numéro</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="689" />
        <source>1 without an e-mail</source>
        <translation>1 sans e-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="689" />
        <source>{n} without an e-mail</source>
        <translation>{n} sans e-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="692" />
        <source>1 opted out</source>
        <translation>1 désinscrit</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="692" />
        <source>{n} opted out</source>
        <translation>{n} désinscrits</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="695" />
        <source>1 with an invalid number</source>
        <translation>1 au numéro invalide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="696" />
        <source>{n} with an invalid number</source>
        <translation>{n} aux numéros invalides</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="698" />
        <source>1 with an invalid e-mail</source>
        <translation>1 à l'e-mail invalide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="699" />
        <source>{n} with an invalid e-mail</source>
        <translation>{n} aux e-mails invalides</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="706" />
        <source>1 person will receive it</source>
        <translation>1 personne la recevra</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="708" />
        <source>{n} people will receive it</source>
        <translation>{n} personnes la recevront</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="713" />
        <source>Left out: {reasons}</source>
        <translation>Exclus : {reasons}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="725" />
        <source>no address</source>
        <translation>pas d'adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="726" />
        <source>opted out</source>
        <translation>désinscrit</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="727" />
        <source>invalid address</source>
        <translation>adresse invalide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="732" />
        <source>and {n} more</source>
        <translation>et {n} autres</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="775" />
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="778" />
        <source>The preview comes back once the message has no error.</source>
        <translation>L'aperçu revient dès que le message ne contient plus d'erreur.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="780" />
        <source>Your message appears here as it will be received.</source>
        <translation>Votre message s'affiche ici tel qu'il sera reçu.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="803" />
        <source>Choose recipients to see each person's message.</source>
        <translation>Choisissez les destinataires pour voir le message de chacun.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="805" />
        <source>To: {address}</source>
        <translation>À : {address}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="821" />
        <source>Blank for this person: {fields}</source>
        <translation>Vide pour cette personne : {fields}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="831" />
        <source>Counted on the message as the person in the preview receives it. An emoji or a letter outside the basic SMS alphabet switches the whole message to Unicode: 70 characters per SMS instead of 160.</source>
        <translation>Compté sur le message tel que le reçoit la personne de l'aperçu. Un emoji ou une lettre hors de l'alphabet SMS de base fait passer tout le message en Unicode : 70 caractères par SMS au lieu de 160.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="838" />
        <source>Unicode</source>
        <translation>Unicode</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="838" />
        <source>GSM-7</source>
        <translation>GSM-7</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="840" />
        <source>{segments} SMS · {units}/{capacity} characters · {encoding}</source>
        <translation>{segments} SMS · {units}/{capacity} caractères · {encoding}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="855" />
        <source>Wait until the recipients are counted.</source>
        <translation>Attendez la fin du comptage des destinataires.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="858" />
        <source>Save and schedule</source>
        <translation>Enregistrer et programmer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="873" />
        <source>Give the campaign a name.</source>
        <translation>Donnez un nom à la campagne.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="875" />
        <source>Fix the message first: {error}</source>
        <translation>Corrigez d'abord le message : {error}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="881" />
        <source>Pick a time in the future, or untick “Send later”.</source>
        <translation>Choisissez une heure à venir, ou décochez « Envoyer plus tard ».</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="887" />
        <source>An e-mail needs a subject.</source>
        <translation>Un e-mail a besoin d'un objet.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="889" />
        <source>Write the message first.</source>
        <translation>Écrivez d'abord le message.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="893" />
        <source>Nobody in this selection can be reached on {channel}.</source>
        <translation>Personne dans cette sélection n'est joignable par {channel}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="914" />
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="946" />
        <source>Checking your plan…</source>
        <translation>Vérification de votre forfait…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="966" />
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="1061" />
        <source>Plan limit reached</source>
        <translation>Limite du forfait atteinte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="970" />
        <source>Send campaign</source>
        <translation>Envoyer la campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="972" />
        <source>Send 1 message</source>
        <translation>Envoyer 1 message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="974" />
        <source>Send {n} messages</source>
        <translation>Envoyer {n} messages</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="975" />
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="978" />
        <source>Queuing {n} messages…</source>
        <translation>Mise en file de {n} messages…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="986" />
        <source>Send “{name}” now to 1 person on {channel}?</source>
        <translation>Envoyer « {name} » maintenant à 1 personne par {channel} ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="988" />
        <source>Send “{name}” now to {n} people on {channel}?</source>
        <translation>Envoyer « {name} » maintenant à {n} personnes par {channel} ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="995" />
        <source>Your {plan} plan has no monthly message limit.</source>
        <translation>Votre forfait {plan} n'a pas de limite mensuelle de messages.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="1000" />
        <source>This uses {n} of the {remaining} messages left this month on your {plan} plan ({after} left afterwards).</source>
        <translation>Cela utilise {n} des {remaining} messages restants ce mois-ci sur votre forfait {plan} (il en restera {after}).</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="1014" />
        <source>Each SMS is about {parts} parts long; operators bill every part.</source>
        <translation>Chaque SMS fait environ {parts} parties ; les opérateurs facturent chaque partie.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="1018" />
        <source>Messages are queued and go out as soon as a connection is available.</source>
        <translation>Les messages sont mis en file et partent dès qu'une connexion est disponible.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="1025" />
        <source>Sending needs {n} messages, but your {plan} plan has {remaining} of {limit} left this month.</source>
        <translation>L'envoi demande {n} messages, mais votre forfait {plan} n'en a plus que {remaining} sur {limit} ce mois-ci.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="1034" />
        <source>The count resets on {date}.</source>
        <translation>Le compteur repart à zéro le {date}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="1036" />
        <source>The count resets on the first day of next month.</source>
        <translation>Le compteur repart à zéro le premier jour du mois prochain.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="1041" />
        <source>Choose fewer recipients (a smaller segment), wait for the reset, or upgrade your plan.</source>
        <translation>Choisissez moins de destinataires (un segment plus petit), attendez la remise à zéro ou passez à un forfait supérieur.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="1064" />
        <source>Nothing was sent; the campaign is saved as a draft.</source>
        <translation>Rien n'a été envoyé ; la campagne est enregistrée comme brouillon.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="1067" />
        <source>Not sent: the plan's monthly message limit is reached.</source>
        <translation>Non envoyée : la limite mensuelle de messages du forfait est atteinte.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="1081" />
        <source>Discard changes?</source>
        <translation>Abandonner les modifications ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="1082" />
        <source>Your changes to this campaign are not saved.</source>
        <translation>Vos modifications de cette campagne ne sont pas enregistrées.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="1083" />
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/composer.py" line="1084" />
        <source>Keep editing</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>CampaignDetail</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="89" />
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="90" />
        <source>Change the message, recipients or schedule</source>
        <translation>Changer le message, les destinataires ou la programmation</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="92" />
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="94" />
        <source>Start a new draft with the same channel and message</source>
        <translation>Créer un brouillon avec le même canal et le même message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="97" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="107" />
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="127" />
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="108" />
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="109" />
        <source>Delivered</source>
        <translation>Délivrés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="110" />
        <source>Opened</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="111" />
        <source>Replied</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="112" />
        <source>Failed</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="131" />
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="181" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="193" />
        <source>Placeholders such as {{first_name}} are filled for each person.</source>
        <translation>Les champs comme {{first_name}} sont remplis pour chaque personne.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="208" />
        <source>No campaign selected</source>
        <translation>Aucune campagne sélectionnée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="236" />
        <source>goes out {when}</source>
        <translation>part le {when}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="238" />
        <source>sent {when}</source>
        <translation>envoyée le {when}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="240" />
        <source>created {when}</source>
        <translation>créée le {when}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="242" />
        <source>messages wait in the outbox until they can be delivered</source>
        <translation>les messages attendent dans la boîte d'envoi jusqu'à leur remise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="256" />
        <source>not sent yet</source>
        <translation>pas encore envoyée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="258" />
        <source>SMS has no read receipts</source>
        <translation>pas d'accusé de lecture par SMS</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="267" />
        <source>{n} queued</source>
        <translation>{n} en file</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="269" />
        <source>none chosen yet</source>
        <translation>aucun choisi</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="270" />
        <source>on {channel}</source>
        <translation>par {channel}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="274" />
        <source>Subject: {subject}</source>
        <translation>Objet : {subject}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="283" />
        <source>All ({n})</source>
        <translation>Tous ({n})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="290" />
        <source>{status} ({n})</source>
        <translation>{status} ({n})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="330" />
        <source>{shown} of {total} loaded · scroll for more</source>
        <translation>{shown} sur {total} chargés · faites défiler pour la suite</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="343" />
        <source>No recipient is “{status}”.</source>
        <translation>Aucun destinataire « {status} ».</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="347" />
        <source>No recipients yet.
Click “Edit…” and choose a segment or contacts.</source>
        <translation>Pas encore de destinataires.
Cliquez sur « Modifier… » et choisissez un segment ou des contacts.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="348" />
        <source>This campaign had no recipients.</source>
        <translation>Cette campagne n'avait aucun destinataire.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/detail.py" line="353" />
        <source>The recipients could not be loaded: {error}</source>
        <translation>Impossible de charger les destinataires : {error}</translation>
    </message>
</context>
<context>
    <name>CampaignListModel</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="134" />
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="135" />
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="136" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="137" />
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="138" />
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="139" />
        <source>Delivered</source>
        <translation>Délivrés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="140" />
        <source>Opened</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="141" />
        <source>Replied</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="142" />
        <source>Failed</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="143" />
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="144" />
        <source>Sent / scheduled</source>
        <translation>Envoi / programmée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="149" />
        <source>People the campaign goes to</source>
        <translation>Personnes à qui la campagne est adressée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="150" />
        <source>Recipients who answered the message</source>
        <translation>Destinataires qui ont répondu au message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="151" />
        <source>When it was sent, or when it is scheduled to go</source>
        <translation>Date d'envoi, ou date prévue</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="238" />
        <source>SMS does not report when a message is read.</source>
        <translation>Le SMS n'indique pas quand un message est lu.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="245" />
        <source>{share} of recipients</source>
        <translation>{share} des destinataires</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="247" />
        <source>Scheduled for {when}</source>
        <translation>Programmée pour le {when}</translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="117" />
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="124" />
        <source>New campaign</source>
        <translation>Nouvelle campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="127" />
        <source>Write a message for a segment on WhatsApp, e-mail or SMS</source>
        <translation>Écrire un message pour un segment par WhatsApp, e-mail ou SMS</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="139" />
        <source>Loading campaigns…</source>
        <translation>Chargement des campagnes…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="189" />
        <source>No campaigns yet</source>
        <translation>Pas encore de campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="193" />
        <source>Write a message once and send it to a whole segment on WhatsApp, e-mail or SMS. Everyone receives it with their own name, and you follow who received, read and answered it here.</source>
        <translation>Écrivez un message une fois et envoyez-le à tout un segment par WhatsApp, e-mail ou SMS. Chacun le reçoit à son nom, et vous suivez ici qui l'a reçu, lu et y a répondu.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="206" />
        <source>Create your first campaign</source>
        <translation>Créer votre première campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="264" />
        <source>A sent campaign cannot be changed; duplicate it to send it again.</source>
        <translation>Une campagne envoyée ne peut plus être modifiée ; dupliquez-la pour l'envoyer à nouveau.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="277" />
        <source>{name} (copy)</source>
        <translation>{name} (copie)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="292" />
        <source>Delete campaign</source>
        <translation>Supprimer la campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="293" />
        <source>Delete “{name}”? Its results are deleted with it.</source>
        <translation>Supprimer « {name} » ? Ses résultats seront supprimés avec elle.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="294" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="295" />
        <source>Keep it</source>
        <translation>La garder</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="317" />
        <source>Discard changes?</source>
        <translation>Abandonner les modifications ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="318" />
        <source>The campaign you are writing is not saved. Discard it?</source>
        <translation>La campagne en cours de rédaction n'est pas enregistrée. L'abandonner ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="319" />
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="320" />
        <source>Keep editing</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="353" />
        <source>The campaigns could not be loaded: {error}</source>
        <translation>Impossible de charger les campagnes : {error}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="361" />
        <source>1 campaign</source>
        <translation>1 campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="361" />
        <source>{n} campaigns</source>
        <translation>{n} campagnes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="365" />
        <source>1 not sent yet</source>
        <translation>1 pas encore envoyée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="365" />
        <source>{n} not sent yet</source>
        <translation>{n} pas encore envoyées</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="419" />
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="420" />
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="422" />
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="429" />
        <source>“{name}” is scheduled for {when}.</source>
        <translation>« {name} » est programmée pour le {when}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="433" />
        <source>“{name}” is saved as a draft.</source>
        <translation>« {name} » est enregistrée comme brouillon.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="440" />
        <source>“{name}” is on its way: 1 message is queued and goes out as soon as a connection is available.</source>
        <translation>« {name} » est en route : 1 message est en file et part dès qu'une connexion est disponible.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="445" />
        <source>“{name}” is on its way: {n} messages are queued and go out as soon as a connection is available.</source>
        <translation>« {name} » est en route : {n} messages sont en file et partent dès qu'une connexion est disponible.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/tab.py" line="465" />
        <source>“{name}” was deleted.</source>
        <translation>« {name} » a été supprimée.</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="228" />
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="233" />
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="268" />
        <source>{n} months ago</source>
        <translation>il y a {n} mois</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="231" />
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="262" />
        <source>{n} days ago</source>
        <translation>il y a {n} jours</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="232" />
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="265" />
        <source>{n} weeks ago</source>
        <translation>il y a {n} semaines</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="234" />
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="272" />
        <source>{n} years ago</source>
        <translation>il y a {n} ans</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="235" />
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="260" />
        <source>yesterday</source>
        <translation>hier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="236" />
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="250" />
        <source>no activity yet</source>
        <translation>aucune activité</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="250" />
        <source>no activity</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="258" />
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="262" />
        <source>{n} d</source>
        <translation>{n} j</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="265" />
        <source>{n} wk</source>
        <translation>{n} sem.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="268" />
        <source>{n} mo</source>
        <translation>{n} mois</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="271" />
        <source>1 yr</source>
        <translation>1 an</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="271" />
        <source>a year ago</source>
        <translation>il y a un an</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/delegate.py" line="272" />
        <source>{n} yr</source>
        <translation>{n} ans</translation>
    </message>
</context>
<context>
    <name>CardModel</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/model.py" line="212" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/model.py" line="219" />
        <source>Last activity: {when}</source>
        <translation>Dernière activité : {when}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/model.py" line="225" />
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/model.py" line="227" />
        <source>{value} (not valid)</source>
        <translation>{value} (non valide)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/model.py" line="229" />
        <source>{value} (opted out)</source>
        <translation>{value} (désinscrit)</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="69" />
        <source>Edit contact</source>
        <translation>Modifier le contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="69" />
        <source>Add a contact</source>
        <translation>Ajouter un contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="75" />
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="76" />
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="77" />
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="78" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="79" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="80" />
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="81" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="82" />
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="83" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="84" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="85" />
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="102" />
        <source>Separated by commas: vip, wholesale</source>
        <translation>Séparées par des virgules : vip, grossiste</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="103" />
        <source>e.g. 77 123 45 67</source>
        <translation>ex. 77 123 45 67</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="107" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="171" />
        <source>Not a valid e-mail address.</source>
        <translation>Adresse e-mail non valide.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="176" />
        <source>Not a valid number for {country}; a number from another country starts with + and its country code.</source>
        <translation>Numéro non valide pour {country} ; un numéro d’un autre pays commence par + et l’indicatif du pays.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="189" />
        <source>It will be kept as typed.</source>
        <translation>Il sera gardé tel quel.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="193" />
        <source>Looks valid</source>
        <translation>Semble valide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/dialogs.py" line="215" />
        <source>Give a first name, a last name or a company.</source>
        <translation>Indiquez un prénom, un nom ou une entreprise.</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="88" />
        <source>Close the panel</source>
        <translation>Fermer la fiche</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="98" />
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="99" />
        <source>Move to</source>
        <translation>Déplacer vers</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="120" />
        <source>Opted out of:</source>
        <translation>Désinscrit de :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="122" />
        <source>Campaigns never send on a channel the contact opted out of.</source>
        <translation>Les campagnes n’envoient jamais sur un canal dont le contact s’est désinscrit.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="128" />
        <source>Checked: never send {channel} messages to this contact.</source>
        <translation>Coché : ne jamais envoyer de messages {channel} à ce contact.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="137" />
        <source>Timeline</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="141" />
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="304" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="142" />
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="305" />
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="143" />
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="306" />
        <source>Meeting</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="148" />
        <source>What happened? (Ctrl+Enter to add)</source>
        <translation>Que s’est-il passé ? (Ctrl+Entrée pour ajouter)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="151" />
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="253" />
        <source>Open the prospect it came from</source>
        <translation>Ouvrir le prospect d’origine</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="263" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="266" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="267" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="268" />
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="269" />
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="270" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="284" />
        <source>No phone, e-mail or address yet: use Edit… to add them.</source>
        <translation>Pas encore de téléphone, d’e-mail ni d’adresse : utilisez Modifier… pour les ajouter.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="294" />
        <source>not valid</source>
        <translation>non valide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="302" />
        <source>Moved from {old} to {new}</source>
        <translation>Passé de {old} à {new}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="307" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="308" />
        <source>Contact created</source>
        <translation>Contact créé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="309" />
        <source>Converted from a prospect</source>
        <translation>Converti depuis un prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="320" />
        <source>Opted out of {channel}</source>
        <translation>Désinscrit de {channel}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="321" />
        <source>Opted back in to {channel}</source>
        <translation>Réinscrit à {channel}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/panel.py" line="326" />
        <source>Nothing yet.</source>
        <translation>Rien pour l’instant.</translation>
    </message>
</context>
<context>
    <name>CrmTab</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="240" />
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="244" />
        <source>Show or hide the list of segments</source>
        <translation>Afficher ou masquer la liste des segments</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="246" />
        <source>Search names, companies, cities, phones…</source>
        <translation>Chercher noms, entreprises, villes, téléphones…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="254" />
        <source>Show only the contacts of a segment</source>
        <translation>N’afficher que les contacts d’un segment</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="255" />
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="496" />
        <source>All contacts</source>
        <translation>Tous les contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="256" />
        <source>Save as segment…</source>
        <translation>Enregistrer en segment…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="261" />
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="647" />
        <source>+ Add a contact</source>
        <translation>+ Ajouter un contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="262" />
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="264" />
        <source>Save the contacts shown (filter and segment) as CSV, Excel or GeoJSON</source>
        <translation>Enregistrer les contacts affichés (filtre et segment) en CSV, Excel ou GeoJSON</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="302" />
        <source>Loading the board…</source>
        <translation>Chargement du tableau…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="475" />
        <source>A hand-picked list cannot become a rule: pick “All contacts” first.</source>
        <translation>Une liste choisie à la main ne peut pas devenir une règle : choisissez d’abord « Tous les contacts ».</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="477" />
        <source>Save “{rule}” as a segment that stays up to date</source>
        <translation>Enregistrer « {rule} » comme segment tenu à jour</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="481" />
        <source>Type a search first; the segment keeps it as a rule.</source>
        <translation>Tapez d’abord une recherche ; le segment la garde comme règle.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="529" />
        <source>Save as segment</source>
        <translation>Enregistrer en segment</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="530" />
        <source>Name of the new segment (it will follow this filter as contacts change):</source>
        <translation>Nom du nouveau segment (il suivra ce filtre quand les contacts changent) :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="556" />
        <source>Segment “{name}” saved: 1 contact.</source>
        <translation>Segment « {name} » enregistré : 1 contact.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="558" />
        <source>Segment “{name}” saved: {count} contacts.</source>
        <translation>Segment « {name} » enregistré : {count} contacts.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="618" />
        <source>Not in this segment</source>
        <translation>Hors de ce segment</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="620" />
        <source>No contacts at this stage</source>
        <translation>Aucun contact à cette étape</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="624" />
        <source>1 contact</source>
        <translation>1 contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="626" />
        <source>{n} contacts</source>
        <translation>{n} contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="629" />
        <source>{n} of {total} contacts</source>
        <translation>{n} sur {total} contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="640" />
        <source>No contacts yet</source>
        <translation>Pas encore de contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="643" />
        <source>Contacts are the people and businesses you work with. Convert a prospect from the Prospects tab, import a file, or add someone by hand.</source>
        <translation>Les contacts sont les personnes et entreprises avec qui vous travaillez. Convertissez un prospect depuis l’onglet Prospects, importez un fichier ou ajoutez quelqu’un à la main.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="650" />
        <source>No contact matches this filter</source>
        <translation>Aucun contact ne correspond à ce filtre</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="657" />
        <source>Filter: {what}. Check the spelling, or clear the filter to see everyone.</source>
        <translation>Filtre : {what}. Vérifiez l’orthographe, ou effacez le filtre pour voir tout le monde.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="660" />
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="745" />
        <source>Clear the filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="744" />
        <source>This contact is hidden by the current filter.</source>
        <translation>Ce contact est masqué par le filtre actuel.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="875" />
        <source>{name} moved to {status}; this segment does not show that stage.</source>
        <translation>{name} est passé à {status} ; ce segment n’affiche pas cette étape.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="904" />
        <source>Could not move the contact to {status}: {reason}</source>
        <translation>Impossible de déplacer le contact vers {status} : {reason}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="934" />
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="936" />
        <source>Move to</source>
        <translation>Déplacer vers</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="945" />
        <source>Add a note…</source>
        <translation>Ajouter une note…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="947" />
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="966" />
        <source>Contact added.</source>
        <translation>Contact ajouté.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="993" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="994" />
        <source>CSV for Excel in French, with semicolons (*.csv)</source>
        <translation>CSV pour Excel en français, avec points-virgules (*.csv)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="995" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="996" />
        <source>GeoJSON for maps (*.geojson)</source>
        <translation>GeoJSON pour les cartes (*.geojson)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="1004" />
        <source>Export contacts</source>
        <translation>Exporter les contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="1021" />
        <source>Exporting contacts…</source>
        <translation>Export des contacts…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="1021" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="1023" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="1048" />
        <source>Exported {n} contacts to {file}.</source>
        <translation>{n} contacts exportés dans {file}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="1052" />
        <source>{n} without a location were left out of the map file.</source>
        <translation>{n} sans position ont été laissés hors du fichier de carte.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/tab.py" line="1061" />
        <source>Export cancelled: no file was written.</source>
        <translation>Export annulé : aucun fichier n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="103" />
        <source>Select a prospect to see its details.</source>
        <translation>Sélectionnez un prospect pour voir sa fiche.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="135" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="136" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="137" />
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="138" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="139" />
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="140" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="141" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="142" />
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="143" />
        <source>Coordinates</source>
        <translation>Coordonnées GPS</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="144" />
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="145" />
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="146" />
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="147" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="148" />
        <source>Added</source>
        <translation>Ajouté le</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="172" />
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="247" />
        <source>Convert to contact</source>
        <translation>Convertir en contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="174" />
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="175" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="196" />
        <source>Convert them to contacts to follow them up in the CRM and include them in campaigns.</source>
        <translation>Convertissez-les en contacts pour les suivre dans le CRM et les inclure dans vos campagnes.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="227" />
        <source>{count} prospects selected</source>
        <translation>{count} prospects sélectionnés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="229" />
        <source>Convert {count} to contacts</source>
        <translation>Convertir les {count} en contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="230" />
        <source>Delete {count} prospects</source>
        <translation>Supprimer les {count} prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="240" />
        <source>Converted: a contact in the CRM</source>
        <translation>Converti : contact dans le CRM</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="242" />
        <source>Open contact</source>
        <translation>Ouvrir le contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="243" />
        <source>Show the contact this prospect became</source>
        <translation>Afficher le contact créé à partir de ce prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="245" />
        <source>Prospect, not yet a contact</source>
        <translation>Prospect, pas encore contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="249" />
        <source>Create a contact in the CRM from this prospect</source>
        <translation>Créer un contact dans le CRM à partir de ce prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/detail.py" line="295" />
        <source>not a valid address</source>
        <translation>adresse non valide</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="401" />
        <source>Rows you already have</source>
        <translation>Lignes déjà présentes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="404" />
        <source>A row matches an existing record when the phone, the e-mail or the name in the same city is the same. What should happen to those rows?</source>
        <translation>Une ligne correspond à une fiche existante si le téléphone, l’e-mail ou le nom dans la même ville est identique. Que faire de ces lignes ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="413" />
        <source>Skip them — keep what I have, unchanged</source>
        <translation>Les ignorer — garder mes fiches telles quelles</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="415" />
        <source>Update them — the file's values replace mine</source>
        <translation>Les mettre à jour — les valeurs du fichier remplacent les miennes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="418" />
        <source>Fill the gaps — only add what my records lack; tags are combined</source>
        <translation>Compléter — n’ajouter que ce qui manque à mes fiches ; les étiquettes sont réunies</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="428" />
        <source>What the import will do</source>
        <translation>Ce que l’import va faire</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="465" />
        <source>Checking every row of the file…</source>
        <translation>Vérification de chaque ligne du fichier…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="524" />
        <source>Rows in the file: {count}</source>
        <translation>Lignes dans le fichier : {count}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="525" />
        <source>New records to add: &lt;b&gt;{count}&lt;/b&gt;</source>
        <translation>Nouvelles fiches à ajouter : &lt;b&gt;{count}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="529" />
        <source>Rows matching records you have: none</source>
        <translation>Lignes correspondant à vos fiches : aucune</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="532" />
        <source>Rows matching records you have: {count}, to skip</source>
        <translation>Lignes correspondant à vos fiches : {count}, ignorées</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="537" />
        <source>Rows matching records you have: {count} ({updated} to update, {unchanged} already up to date)</source>
        <translation>Lignes correspondant à vos fiches : {count} ({updated} à mettre à jour, {unchanged} déjà à jour)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="544" />
        <source>Rows that cannot be imported: {count} (listed at the end)</source>
        <translation>Lignes impossibles à importer : {count} (listées à la fin)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="552" />
        <source>Values imported but to check: {count}</source>
        <translation>Valeurs importées mais à vérifier : {count}</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="165" />
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="168" />
        <source>CSV files (from Excel, Google Sheets or any other program) and Excel workbooks (.xlsx) can be imported. The first row must hold column names.</source>
        <translation>Vous pouvez importer des fichiers CSV (Excel, Google Sheets ou tout autre programme) et des classeurs Excel (.xlsx). La première ligne doit contenir les noms des colonnes.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="173" />
        <source>What does the file contain?</source>
        <translation>Que contient le fichier ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="174" />
        <source>Prospects — businesses you want to reach</source>
        <translation>Des prospects — entreprises que vous voulez démarcher</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="176" />
        <source>Contacts — people you already work with (go to the CRM)</source>
        <translation>Des contacts — personnes avec qui vous travaillez déjà (vont dans le CRM)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="183" />
        <source>No file chosen</source>
        <translation>Aucun fichier choisi</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="185" />
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="197" />
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="215" />
        <source>Choose a file to import</source>
        <translation>Choisir le fichier à importer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="217" />
        <source>Spreadsheets (*.csv *.xlsx *.xlsm *.txt *.tsv);;All files (*)</source>
        <translation>Tableurs (*.csv *.xlsx *.xlsm *.txt *.tsv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="229" />
        <source>Reading {name}…</source>
        <translation>Lecture de {name}…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="245" />
        <source>semicolons</source>
        <translation>points-virgules</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="245" />
        <source>commas</source>
        <translation>virgules</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="245" />
        <source>tabs</source>
        <translation>tabulations</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="247" />
        <source>Excel workbook</source>
        <translation>classeur Excel</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="249" />
        <source>text file ({encoding}, separated by {separator})</source>
        <translation>fichier texte ({encoding}, séparé par des {separator})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="255" />
        <source>✓ {rows} rows and {columns} columns found — {how}.</source>
        <translation>✓ {rows} lignes et {columns} colonnes trouvées — {how}.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="113" />
        <source>Import a file</source>
        <translation>Importer un fichier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="118" />
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="119" />
        <source>Next &gt;</source>
        <translation>Suivant &gt;</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="120" />
        <source>&lt; Back</source>
        <translation>&lt; Précédent</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="121" />
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="122" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="52" />
        <source>Prospects</source>
        <translation>Prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="53" />
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="54" />
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="55" />
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="56" />
        <source>Analytics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="157" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="158" />
        <source>Workspace &amp;settings…</source>
        <translation>&amp;Paramètres de l’espace…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="160" />
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="162" />
        <source>&amp;Account…</source>
        <translation>&amp;Compte…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="164" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="185" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="186" />
        <source>The new language applies the next time LocalPro starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de LocalPro.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="223" />
        <source>Backup written to {path}</source>
        <translation>Sauvegarde enregistrée dans {path}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="230" />
        <source>Something went wrong</source>
        <translation>Une erreur est survenue</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="230" />
        <source>LocalPro</source>
        <translation>LocalPro</translation>
    </message>
</context>
<context>
    <name>MapTab</name>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="151" />
        <source>Tiles…</source>
        <translation>Fonds de carte…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="152" />
        <source>Choose the server the map's background comes from</source>
        <translation>Choisir le serveur qui fournit le fond de carte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="345" />
        <source>Prospect (converted)</source>
        <translation>Prospect (converti)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="345" />
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="369" />
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="370" />
        <source>This record no longer exists.</source>
        <translation>Cette fiche n'existe plus.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="371" />
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="372" />
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="373" />
        <source>Sector:</source>
        <translation>Secteur :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="374" />
        <source>City:</source>
        <translation>Ville :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="375" />
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="376" />
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="377" />
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="381" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="387" />
        <source>Prospects</source>
        <translation>Prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="440" />
        <source>The map stopped working. Close and reopen LocalPro to show it again.</source>
        <translation>La carte ne répond plus. Fermez puis rouvrez LocalPro pour l'afficher à nouveau.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="477" />
        <source>Loading the map…</source>
        <translation>Chargement de la carte…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="480" />
        <source>{contacts} contacts and {prospects} prospects on the map</source>
        <translation>{contacts} contacts et {prospects} prospects sur la carte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/map/tab.py" line="489" />
        <source>Offline: saved tiles and country outlines</source>
        <translation>Hors ligne : fonds enregistrés et contours des pays</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="279" />
        <source>Match the columns</source>
        <translation>Associer les colonnes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="282" />
        <source>Check which field each column fills; LocalPro guessed from the column names. Columns set to “Ignore” are not imported.</source>
        <translation>Vérifiez le champ que remplit chaque colonne ; LocalPro l’a deviné d’après les noms de colonnes. Les colonnes « Ignorer » ne sont pas importées.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="314" />
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="321" />
        <source>— Ignore —</source>
        <translation>— Ignorer —</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="368" />
        <source>⚠ No column is set to {field}, which is required. Choose it above.</source>
        <translation>⚠ Aucune colonne n’est associée à {field}, qui est obligatoire. Choisissez-la ci-dessus.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="374" />
        <source>✓ {used} of {total} columns will be imported.</source>
        <translation>✓ {used} colonnes sur {total} seront importées.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/widgets.py" line="88" />
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="704" />
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="704" />
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="704" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="715" />
        <source>Rejected</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="715" />
        <source>Imported, to check</source>
        <translation>Importée, à vérifier</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="570" />
        <source>Importing</source>
        <translation>Import en cours</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="572" />
        <source>Everything is written at once at the end: Cancel leaves your data as it was.</source>
        <translation>Tout est enregistré d’un coup à la fin : Annuler laisse vos données intactes.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="598" />
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="628" />
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="633" />
        <source>Reading the file</source>
        <translation>Lecture du fichier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="634" />
        <source>Checking rows</source>
        <translation>Vérification des lignes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="635" />
        <source>Saving</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="638" />
        <source>{phase}… {done} / {total}</source>
        <translation>{phase}… {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="669" />
        <source>Nothing was imported.</source>
        <translation>Rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="671" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>ProspectDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="85" />
        <source>Edit prospect</source>
        <translation>Modifier le prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="85" />
        <source>Add a prospect</source>
        <translation>Ajouter un prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="106" />
        <source>e.g. Chez Fatou Couture</source>
        <translation>ex. Chez Fatou Couture</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="109" />
        <source>Owner or manager</source>
        <translation>Propriétaire ou gérant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="116" />
        <source>Choose or type a sector</source>
        <translation>Choisissez ou saisissez un secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="120" />
        <source>Comma-separated, e.g. delivery, mobile money</source>
        <translation>ex. livraison, mobile money</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="122" />
        <source>Where you found it: link, directory page…</source>
        <translation>Lien, page d’annuaire…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="124" />
        <source>Opening hours, who to ask for, what they need…</source>
        <translation>Horaires, qui demander, leurs besoins…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="129" />
        <source>e.g. 77 123 45 67</source>
        <translation>ex. 77 123 45 67</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="132" />
        <source>Same as phone</source>
        <translation>Identique au téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="135" />
        <source>name@example.com</source>
        <translation>nom@exemple.com</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="138" />
        <source>www.example.com</source>
        <translation>www.exemple.com</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="151" />
        <source>Street, neighbourhood, landmark</source>
        <translation>Rue, quartier, point de repère</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="153" />
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="155" />
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="160" />
        <source>Business name *</source>
        <translation>Nom de l’entreprise *</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="162" />
        <source>Contact person</source>
        <translation>Personne à contacter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="163" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="164" />
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="165" />
        <source>Source reference</source>
        <translation>Référence source</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="166" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="178" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="180" />
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="182" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="184" />
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="185" />
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="186" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="187" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="188" />
        <source>Coordinates</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="213" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="213" />
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="443" />
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="219" />
        <source>* required</source>
        <translation>* obligatoire</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="350" />
        <source>A business name is required</source>
        <translation>Le nom de l’entreprise est obligatoire</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="377" />
        <source>Latitude must be a number between -90 and 90</source>
        <translation>La latitude doit être un nombre entre -90 et 90</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="384" />
        <source>Longitude must be a number between -180 and 180</source>
        <translation>La longitude doit être un nombre entre -180 et 180</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="390" />
        <source>Give both latitude and longitude</source>
        <translation>Indiquez la latitude et la longitude</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="426" />
        <source>{name} ({city}) — {reason}</source>
        <translation>{name} ({city}) — {reason}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="434" />
        <source>and {count} more</source>
        <translation>et {count} autres</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="436" />
        <source>This may already be in your prospects:</source>
        <translation>Ce prospect existe peut-être déjà :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="438" />
        <source>Other prospects look like this one:</source>
        <translation>D’autres prospects ressemblent à celui-ci :</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/editor.py" line="443" />
        <source>Add anyway</source>
        <translation>Ajouter quand même</translation>
    </message>
</context>
<context>
    <name>ProspectTableModel</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="62" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="63" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="64" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="65" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="66" />
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="67" />
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="68" />
        <source>Converted</source>
        <translation>Converti</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="259" />
        <source>✓ Contact</source>
        <translation>✓ Contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="276" />
        <source>Valid number, as typed: {raw}</source>
        <translation>Numéro valide, saisi ainsi : {raw}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="278" />
        <source>This number is not valid; open the prospect to fix it</source>
        <translation>Ce numéro n’est pas valide ; ouvrez le prospect pour le corriger</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/model.py" line="281" />
        <source>Already converted to a contact</source>
        <translation>Déjà converti en contact</translation>
    </message>
</context>
<context>
    <name>ProspectTexts</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="34" />
        <source>Business name</source>
        <translation>Nom de l’entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="35" />
        <source>Contact person</source>
        <translation>Personne à contacter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="36" />
        <source>Sector</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="37" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="38" />
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="39" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="40" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="41" />
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="42" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="43" />
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="44" />
        <source>Latitude</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="45" />
        <source>Longitude</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="46" />
        <source>Source reference</source>
        <translation>Référence source</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="47" />
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="48" />
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="49" />
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="50" />
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="51" />
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="52" />
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="53" />
        <source>Pipeline status</source>
        <translation>Étape du suivi</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="54" />
        <source>Opted out of WhatsApp</source>
        <translation>Désinscrit de WhatsApp</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="55" />
        <source>Opted out of e-mail</source>
        <translation>Désinscrit des e-mails</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="56" />
        <source>Opted out of SMS</source>
        <translation>Désinscrit des SMS</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="63" />
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="71" />
        <source>{number}: {reason}</source>
        <translation>{number} : {reason}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="82" />
        <source>unknown country code</source>
        <translation>indicatif pays inconnu</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="85" />
        <source>no digits</source>
        <translation>aucun chiffre</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="86" />
        <source>too short</source>
        <translation>trop court</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="87" />
        <source>too long</source>
        <translation>trop long</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="88" />
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="89" />
        <source>not a phone number ({reason})</source>
        <translation>pas un numéro de téléphone ({reason})</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="96" />
        <source>too short, digits are missing</source>
        <translation>trop court, il manque des chiffres</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="98" />
        <source>too long, check the digits</source>
        <translation>trop long, vérifiez les chiffres</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="99" />
        <source>not a valid number in that country</source>
        <translation>numéro non valide dans ce pays</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="122" />
        <source>An e-mail address needs an @</source>
        <translation>Une adresse e-mail contient un @</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="124" />
        <source>The part after the @ is not a valid domain</source>
        <translation>La partie après le @ n’est pas un domaine valide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="127" />
        <source>Not a valid e-mail address</source>
        <translation>Adresse e-mail non valide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="132" />
        <source>same phone number</source>
        <translation>même numéro de téléphone</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="133" />
        <source>same e-mail</source>
        <translation>même e-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="134" />
        <source>very similar name in the same city</source>
        <translation>nom très proche dans la même ville</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="144" />
        <source>Your {plan} plan allows {limit} new prospects a month; {used} are used and this needs {requested} more ({remaining} left). The count resets on {reset}.</source>
        <translation>Votre forfait {plan} permet {limit} nouveaux prospects par mois ; {used} sont utilisés et il en faudrait {requested} de plus (il en reste {remaining}). Le compteur repart à zéro le {reset}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="157" />
        <source>The {plan} plan allows {limit} a month.</source>
        <translation>Le forfait {plan} en permet {limit} par mois.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="166" />
        <source>1 prospect</source>
        <translation>1 prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="167" />
        <source>{count} prospects</source>
        <translation>{count} prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="199" />
        <source>The business name is empty</source>
        <translation>Le nom de l’entreprise est vide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="201" />
        <source>No name: give a first name, a last name or a company</source>
        <translation>Aucun nom : indiquez un prénom, un nom ou une entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="205" />
        <source>Only one coordinate given; both were left out</source>
        <translation>Une seule coordonnée indiquée ; aucune n’a été gardée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="214" />
        <source>{field} “{value}”: {problem}</source>
        <translation>{field} « {value} » : {problem}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="218" />
        <source>E-mail “{value}”: not a valid address</source>
        <translation>E-mail « {value} » : adresse non valide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="222" />
        <source>{field} “{value}” is not a valid coordinate</source>
        <translation>{field} « {value} » n’est pas une coordonnée valide</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="226" />
        <source>Unknown country “{value}”; {code} was used</source>
        <translation>Pays « {value} » inconnu ; {code} a été utilisé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="230" />
        <source>More cells than the header has columns: check the separator or a missing quote</source>
        <translation>Plus de cellules que de colonnes dans l’en-tête : vérifiez le séparateur ou un guillemet manquant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/texts.py" line="235" />
        <source>{field} “{value}” is not yes or no; left out</source>
        <translation>{field} « {value} » n’est ni oui ni non ; ignoré</translation>
    </message>
</context>
<context>
    <name>ProspectsTab</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="99" />
        <source>+ Add a prospect</source>
        <translation>+ Ajouter un prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="100" />
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="427" />
        <source>Import a file…</source>
        <translation>Importer un fichier…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="115" />
        <source>Search names, phones, e-mails, notes…</source>
        <translation>Rechercher noms, téléphones, e-mails, notes…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="118" />
        <source>All sectors</source>
        <translation>Tous les secteurs</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="119" />
        <source>All cities</source>
        <translation>Toutes les villes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="120" />
        <source>All sources</source>
        <translation>Toutes les sources</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="121" />
        <source>Converted or not</source>
        <translation>Convertis ou non</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="122" />
        <source>Not converted yet</source>
        <translation>Pas encore convertis</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="123" />
        <source>Already contacts</source>
        <translation>Déjà contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="420" />
        <source>No prospects yet</source>
        <translation>Aucun prospect pour l’instant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="422" />
        <source>Add the businesses you want to reach one by one, or import the list you already keep in Excel.</source>
        <translation>Ajoutez une à une les entreprises que vous voulez démarcher, ou importez la liste que vous tenez déjà dans Excel.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="426" />
        <source>Add a prospect</source>
        <translation>Ajouter un prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="432" />
        <source>No prospect matches “{text}”</source>
        <translation>Aucun prospect ne correspond à « {text} »</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="434" />
        <source>No prospect matches these filters</source>
        <translation>Aucun prospect ne correspond à ces filtres</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="436" />
        <source>Filters: {filters}</source>
        <translation>Filtres : {filters}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="437" />
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="470" />
        <source>This prospect no longer exists; it may have been deleted.</source>
        <translation>Ce prospect n’existe plus ; il a peut-être été supprimé.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="523" />
        <source>Hide details ▸</source>
        <translation>Masquer la fiche ▸</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="523" />
        <source>◂ Show details</source>
        <translation>◂ Afficher la fiche</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="532" />
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="534" />
        <source>Convert to contact</source>
        <translation>Convertir en contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="536" />
        <source>Convert {count} to contacts</source>
        <translation>Convertir les {count} en contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="540" />
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="564" />
        <source>Changes to “{name}” saved.</source>
        <translation>Modifications de « {name} » enregistrées.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="574" />
        <source>“{name}” added to your prospects.</source>
        <translation>« {name} » ajouté à vos prospects.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="603" />
        <source>“{name}” is now a contact in the CRM.</source>
        <translation>« {name} » est maintenant un contact du CRM.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="605" />
        <source>“{name}” was already a contact in the CRM.</source>
        <translation>« {name} » était déjà un contact du CRM.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="610" />
        <source>Open in CRM</source>
        <translation>Ouvrir dans le CRM</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="614" />
        <source>{count} prospects converted to contacts.</source>
        <translation>{count} prospects convertis en contacts.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="618" />
        <source>{count} were contacts already.</source>
        <translation>Déjà contacts : {count}.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="643" />
        <source>1 prospect deleted.</source>
        <translation>1 prospect supprimé.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="645" />
        <source>{count} prospects deleted.</source>
        <translation>{count} prospects supprimés.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="653" />
        <source>Delete “{name}”?</source>
        <translation>Supprimer « {name} » ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="655" />
        <source>Delete {count} prospects?</source>
        <translation>Supprimer {count} prospects ?</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="658" />
        <source>Delete prospects</source>
        <translation>Supprimer des prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="665" />
        <source>They disappear from lists, searches and the map. Contacts already made from them stay in the CRM.</source>
        <translation>Ils disparaissent des listes, des recherches et de la carte. Les contacts déjà créés à partir d’eux restent dans le CRM.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="669" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="678" />
        <source>Import finished: {created} added, {updated} updated, {rejected} rejected.</source>
        <translation>Import terminé : {created} ajoutés, {updated} mis à jour, {rejected} refusés.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/tab.py" line="690" />
        <source>Import cancelled: nothing was changed.</source>
        <translation>Import annulé : rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="405" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="406" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="407" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="408" />
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="409" />
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="410" />
        <source>Delivered</source>
        <translation>Délivrés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="411" />
        <source>Opened</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="412" />
        <source>Replied</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="444" />
        <source>Queued {when}</source>
        <translation>En file depuis le {when}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/campaigns/models.py" line="446" />
        <source>Double-click to open the contact</source>
        <translation>Double-cliquez pour ouvrir le contact</translation>
    </message>
</context>
<context>
    <name>RejectedDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="124" />
        <source>Changes the cloud refused</source>
        <translation>Modifications refusées par le cloud</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="129" />
        <source>The cloud refused these changes: they are kept on this computer but did not reach your other devices. The reason says what the cloud objected to.</source>
        <translation>Le cloud a refusé ces modifications : elles sont conservées sur cet ordinateur mais n’ont pas atteint vos autres appareils. Le motif indique ce que le cloud a refusé.</translation>
    </message>
</context>
<context>
    <name>RejectedModel</name>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="70" />
        <source>Workspace settings</source>
        <translation>Paramètres de l’espace</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="71" />
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="72" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="73" />
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="74" />
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="75" />
        <source>Segment member</source>
        <translation>Membre de segment</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="76" />
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="77" />
        <source>Campaign recipient</source>
        <translation>Destinataire de campagne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="78" />
        <source>Usage record</source>
        <translation>Relevé de consommation</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="80" />
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="80" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/account/rejected.py" line="80" />
        <source>When</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="730" />
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="735" />
        <source>Added</source>
        <translation>Ajoutés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="736" />
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="737" />
        <source>Already up to date</source>
        <translation>Déjà à jour</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="738" />
        <source>Skipped (already there)</source>
        <translation>Ignorés (déjà présents)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="739" />
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="823" />
        <source>Rejected</source>
        <translation>Refusés</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="740" />
        <source>To check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="759" />
        <source>✓ Every row was imported without a problem.</source>
        <translation>✓ Toutes les lignes ont été importées sans problème.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="761" />
        <source>Save this list…</source>
        <translation>Enregistrer cette liste…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="763" />
        <source>Save the rows to fix as a CSV file you can open in Excel</source>
        <translation>Enregistrer les lignes à corriger dans un fichier CSV lisible par Excel</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="780" />
        <source>{file}: {rows} rows read.</source>
        <translation>{file} : {rows} lignes lues.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="818" />
        <source>Save the rows to fix</source>
        <translation>Enregistrer les lignes à corriger</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="818" />
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="823" />
        <source>Imported, to check</source>
        <translation>Importée, à vérifier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="824" />
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="824" />
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/import_wizard.py" line="824" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>SegmentSidebar</name>
    <message>
        <location filename="../../localpro_desktop/ui/crm/sidebar.py" line="39" />
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/sidebar.py" line="41" />
        <source>Saved groups of contacts. Click one to filter the board.</source>
        <translation>Groupes de contacts enregistrés. Cliquez sur l’un d’eux pour filtrer le tableau.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/sidebar.py" line="62" />
        <source>All contacts</source>
        <translation>Tous les contacts</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/crm/sidebar.py" line="80" />
        <source>Hand-picked list of contacts</source>
        <translation>Liste de contacts choisis à la main</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="22" />
        <source>Workspace settings</source>
        <translation>Paramètres de l’espace de travail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="44" />
        <source>Business name</source>
        <translation>Nom de l’entreprise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="45" />
        <source>Country (phone numbers)</source>
        <translation>Pays (numéros de téléphone)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="46" />
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="47" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/settings_dialog.py" line="48" />
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
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
    <name>UsageMeter</name>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/widgets.py" line="166" />
        <source>Prospects this month: {used} (unlimited)</source>
        <translation>Prospects ce mois-ci : {used} (illimité)</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/widgets.py" line="171" />
        <source>Prospects this month: {used} / {limit}</source>
        <translation>Prospects ce mois-ci : {used} / {limit}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/prospects/widgets.py" line="187" />
        <source>New prospects added or imported this month count against your plan. The count resets on {date}.</source>
        <translation>Les prospects ajoutés ou importés ce mois-ci sont décomptés de votre forfait. Le compteur repart à zéro le {date}.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../localpro_desktop/ui/welcome.py" line="19" />
        <source>Welcome to LocalPro</source>
        <translation>Bienvenue dans LocalPro</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/welcome.py" line="24" />
        <source>Find local businesses, follow them up and reach them on WhatsApp, SMS and e-mail — even offline.</source>
        <translation>Trouvez des entreprises locales, suivez-les et contactez-les par WhatsApp, SMS et e-mail — même hors ligne.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/welcome.py" line="34" />
        <source>Explore with demo data</source>
        <translation>Explorer avec des données de démonstration</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/welcome.py" line="35" />
        <source>Import a file</source>
        <translation>Importer un fichier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/welcome.py" line="36" />
        <source>Add a prospect</source>
        <translation>Ajouter un prospect</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../localpro_desktop/ui/formatting.py" line="33" />
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