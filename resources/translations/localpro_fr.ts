<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AppStatusBar</name>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="51" />
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="54" />
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="57" />
        <source>Everything works offline; changes sync when a connection appears.</source>
        <translation>Tout fonctionne hors ligne ; les modifications se synchronisent dès qu’une connexion est disponible.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="79" />
        <source>{plan} · messages {used} / {limit} · prospects {pused} / {plimit}</source>
        <translation>{plan} · messages {used} / {limit} · prospects {pused} / {plimit}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/status_bar.py" line="88" />
        <source>Monthly usage; resets on {date}</source>
        <translation>Consommation du mois ; remise à zéro le {date}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="46" />
        <source>Prospects</source>
        <translation>Prospects</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="47" />
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="48" />
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="49" />
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="50" />
        <source>Analytics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="144" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="145" />
        <source>Workspace &amp;settings…</source>
        <translation>&amp;Paramètres de l’espace…</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="147" />
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="149" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="170" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="171" />
        <source>The new language applies the next time LocalPro starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de LocalPro.</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="183" />
        <source>Backup written to {path}</source>
        <translation>Sauvegarde enregistrée dans {path}</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="190" />
        <source>Something went wrong</source>
        <translation>Une erreur est survenue</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/main_window.py" line="190" />
        <source>LocalPro</source>
        <translation>LocalPro</translation>
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
        <location filename="../../localpro_desktop/ui/labels.py" line="16" />
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="17" />
        <source>Contacted</source>
        <translation>Contacté</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="18" />
        <source>Interested</source>
        <translation>Intéressé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="19" />
        <source>Negotiation</source>
        <translation>Négociation</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="20" />
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="21" />
        <source>Inactive</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="28" />
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="35" />
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="36" />
        <source>Scheduled</source>
        <translation>Programmée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="37" />
        <location filename="../../localpro_desktop/ui/labels.py" line="47" />
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="38" />
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="39" />
        <location filename="../../localpro_desktop/ui/labels.py" line="51" />
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="45" />
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="46" />
        <source>Queued</source>
        <translation>En file d’attente</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="48" />
        <source>Delivered</source>
        <translation>Remis</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="49" />
        <source>Opened</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="50" />
        <source>Replied</source>
        <translation>A répondu</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="52" />
        <source>Skipped</source>
        <translation>Ignoré</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="61" />
        <source>Directory</source>
        <translation>Annuaire</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="63" />
        <source>Manual entry</source>
        <translation>Saisie manuelle</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="64" />
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <location filename="../../localpro_desktop/ui/labels.py" line="65" />
        <source>Imported file</source>
        <translation>Fichier importé</translation>
    </message>
</context>
</TS>