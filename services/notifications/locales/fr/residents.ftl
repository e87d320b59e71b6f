# Messages aux habitants abonnés aux alertes d'un conseil, en français.
# Toute personne qui écrit bien le français peut améliorer ce fichier : gardez chaque clé et chaque
# { $placeholder }, écrivez des phrases courtes et simples, et envoyez la modification à l'équipe de la plateforme.
# Les noms dans { $municipality } et { $title } sont écrits par la commune, en grec ou en anglais.
# English: e-mails to residents in French. Anyone who writes French well may improve this file,
# keeping each key and each { $placeholder }, and send the change to the platform's team.

hello = Bonjour,
confirm_subject = Confirmez votre abonnement : { $municipality }
confirm_intro = Merci de confirmer que vous voulez recevoir par e-mail les alertes de { $municipality }.
confirm_action = Pour confirmer, ouvrez ce lien :
confirm_button = Confirmer mon abonnement
confirm_expiry = Le lien est valable trois jours.
confirm_ignore = Si vous n'avez rien demandé, ignorez ce message : vous ne recevrez rien.
active_subject = Abonnement déjà actif : { $municipality }
already_active = Votre abonnement aux alertes de { $municipality } est déjà actif.
why = Vous recevez ce message car vous avez demandé à recevoir ces alertes.
preferences = Modifier vos préférences
unsubscribe = Se désabonner
when = Quand
reason = Motif
what_changed = Ce qui a été corrigé
agenda = Ordre du jour
decisions = Décisions et recommandations
read_more = Lire la suite
convened = Nouvelle réunion du conseil : { $title }
postponed = Réunion reportée : { $title }
cancelled = Réunion annulée : { $title }
minutes = Procès-verbal publié : { $title }
minutes_corrected = Procès-verbal corrigé : { $title }
decision_corrected = Décision corrigée : { $title }
recommendation_corrected = Recommandation corrigée : { $title }
practice = Nouvelle bonne pratique : { $title }
decision_line = { $kind ->
    [recommendation] Recommandation
   *[decision] Décision
} { $number } (point { $item } : { $title }) : { $result ->
    [rejected] rejetée
   *[adopted] adoptée
}
digest = Vos alertes : { $municipality }
digest_count = { $count ->
    [one] { $count } nouvelle alerte depuis notre dernier message.
    [many] { $count } nouvelles alertes depuis notre dernier message.
   *[other] { $count } nouvelles alertes depuis notre dernier message.
}
content_in_el = Le conseil publie ses réunions en grec : les titres et les ordres du jour sont donc en grec.
content_in_en = Les titres et les ordres du jour sont en anglais, tels que le conseil les a rédigés.
