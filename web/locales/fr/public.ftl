# Pages publiques de la plateforme ΣΕΜΠ, en français : ce que lisent les habitants, les visiteurs et les futurs membres.
# Toute personne qui écrit bien le français peut améliorer ce fichier (ou sa copie sur une plateforme de traduction) :
# gardez chaque clé et chaque { $placeholder }, écrivez des phrases courtes et simples, et envoyez la modification
# à l'équipe de la plateforme. Le grec, l'anglais et les autres langues de ces pages doivent avoir les mêmes clés.
# English: public pages of the ΣΕΜΠ platform in French. Anyone who writes French well may improve this file,
# keeping each key and each { $placeholder }, and send the change to the platform's team.

site-name = Plateforme ΣΕΜΠ
site-tagline = Conseils communaux d'intégration des migrants et des réfugiés
skip-to-content = Aller au contenu
language-switch-label = Langue
main-navigation = Menu principal
nav-municipalities = Communes
nav-api = API pour les développeurs
footer-about = La plateforme des Conseils d'intégration des migrants et des réfugiés (ΣΕΜΠ) des communes grecques.
footer-example-data = Les membres de conseil marqués « exemple » sont des données inventées pour la démonstration.

home-title = Les communes et leurs conseils
home-intro = Chaque commune grecque crée un Conseil d'intégration des migrants et des réfugiés (ΣΕΜΠ). Ce conseil donne des avis sur l'intégration des migrants et des réfugiés dans la vie locale. Choisissez une commune pour voir sa présentation et son conseil.
home-count = { $count ->
    [0] Aucune commune pour l'instant.
    [one] { $count } commune
    [many] { $count } communes
   *[other] { $count } communes
}
home-empty = Aucune commune n'a encore été ajoutée.
region = Région
visit-profile = Présentation et conseil : { $name }

tenant-archived = Cette commune est archivée. Ses informations restent consultables, mais elles ne sont plus mises à jour.
tenant-website = Site web de la commune
tenant-contact = Contacter le conseil
content-language-notice = { $shown ->
    [el] La commune rédige ce texte en grec : il s'affiche donc en grec.
    [en] La commune rédige ce texte en grec et en anglais : il s'affiche en anglais.
   *[both] La commune rédige ce texte en grec et en anglais : certaines parties s'affichent dans l'une, d'autres dans l'autre.
}
fallback-notice = Une partie du contenu s'affiche en grec, car il n'existe pas encore de traduction en anglais.
section-introduction = Présentation
section-key-figures = Chiffres clés
section-programmes = Structures et programmes
section-achievements = Ce que nous avons réalisé
section-goals = Nos prochains objectifs
section-council = Le Conseil d'intégration des migrants et des réfugiés
figure-year = ({ $year })
figure-source = Source :
more-information = En savoir plus : { $title }
council-decision = Décision de création
council-term = Mandat
council-term-range = { $start } – { $end }
council-not-recorded = La commune n'a pas encore saisi les informations sur son conseil.
council-members = Membres
council-members-count = { $regular ->
    [one] { $regular } membre titulaire
    [many] { $regular } membres titulaires
   *[other] { $regular } membres titulaires
} et { $substitute ->
    [one] { $substitute } suppléant
    [many] { $substitute } suppléants
   *[other] { $substitute } suppléants
}
council-no-members = Aucun membre n'a été enregistré.
member-name = Nom
member-role = Rôle
member-category = Catégorie
member-organisation = Organisation
member-membership = Statut
member-example = exemple
member-example-explained = Un membre inventé pour la démonstration : ce n'est pas une vraie personne.
role-president = Président
role-member = Membre
role-secretary = Secrétaire
category-other = Autre
membership-regular = Titulaire
membership-substitute = Suppléant

error-not-found-title = Page introuvable
error-not-found-text = Il n'y a rien à cette adresse. Le lien est peut-être ancien ou mal écrit.
error-request-title = Impossible de traiter cette demande
error-request-text = Cette adresse existe, mais elle n'accepte pas ce type de demande.
error-server-title = Un problème est survenu
error-server-text = Une erreur s'est produite de notre côté et elle a été enregistrée. Veuillez réessayer dans un moment.
error-request-id = Numéro de la demande : { $id }
back-home = Retour aux communes
workspace-nav = Mon espace de travail
field-error-required = Remplissez « { $label } ».
document-sign-in-title = Connectez-vous pour ouvrir ce document
document-sign-in-text = Seuls les membres du conseil et son secrétariat peuvent voir ce document, ou bien il n'existe plus. Si vous êtes membre, connectez-vous : vous reviendrez ensuite sur cette page.
document-unavailable-title = Ce document n'est pas disponible
document-unavailable-text = Ce document n'existe pas, ou le compte que vous utilisez ne peut pas le voir. Si vous l'avez reçu en tant que membre du conseil, connectez-vous avec l'adresse qui a reçu votre invitation.

sign-in = Se connecter
sign-out = Se déconnecter
signed-in-as = Compte : { $name }
sign-in-title = Connexion
sign-in-intro = Les membres du conseil, les secrétaires et le personnel de la commune se connectent ici. Les habitants n'ont jamais besoin de compte.
sign-in-providers = Avec un compte
sign-in-with = Se connecter avec { $provider }
sign-in-link-heading = Avec un lien par e-mail
sign-in-link-intro = Vous n'avez aucun compte ? Saisissez l'adresse qui a reçu votre invitation : nous vous enverrons par e-mail un lien de connexion. Il ne marche qu'une seule fois, pendant 15 minutes.
email-label = Adresse e-mail
sign-in-link-button = Recevoir un lien de connexion par e-mail
signed-in-already = Vous utilisez le compte { $email }.
link-sent-title = Consultez vos e-mails
link-sent-text = Si cette adresse appartient à un membre de la plateforme, un lien de connexion vient de lui être envoyé. Il ne marche qu'une seule fois, pendant 15 minutes.
link-mail-subject = Votre lien de connexion à la plateforme ΣΕΜΠ
link-mail-text = Bonjour,

    Utilisez ce lien pour vous connecter à la plateforme ΣΕΜΠ. Il ne marche qu'une seule fois, pendant { $minutes } minutes :
    { $url }

    Si vous ne l'avez pas demandé, ignorez ce message : personne ne peut se connecter sans ce lien.
link-confirm-text = Appuyez sur le bouton pour terminer la connexion.
link-confirm-button = Se connecter
sign-in-failed-title = La connexion n'a pas fonctionné
sign-in-again = Réessayer de se connecter
too-many-attempts = Trop de tentatives. Attendez { $seconds } secondes, puis réessayez.
csrf-title = Ce formulaire a expiré
csrf-text = Pour votre sécurité, le formulaire n'a pas été accepté. Revenez en arrière, rechargez la page et réessayez.
account-title = Votre compte
access-role-platform-admin = Administrateur de la plateforme
access-role-tenant-admin = Administrateur de la commune
access-role-secretary = Secrétaire du conseil
access-role-council-member = Membre du conseil
access-role-practice-author = Auteur de bonnes pratiques

sign-in-error-unknown-state = Cette tentative de connexion est inconnue, a déjà servi ou a expiré. Veuillez recommencer.
sign-in-error-other-browser = Cette connexion a commencé dans un autre navigateur. Veuillez recommencer ici.
sign-in-error-unknown-provider = Ce service de connexion n'est plus disponible.
sign-in-error-unreachable = Le service de connexion est injoignable pour le moment. Veuillez réessayer plus tard.
sign-in-error-forbidden-address = Le service de connexion se trouve à une adresse que la plateforme ne contacte pas (cet ordinateur ou un réseau privé). Veuillez prévenir les administrateurs de la commune.
sign-in-error-refused = Le service de connexion a refusé la connexion. Veuillez recommencer.
sign-in-error-invalid-token = La réponse du service de connexion n'a pas pu être vérifiée : personne n'a été connecté.
sign-in-error-no-verified-email = Votre service de connexion n'a pas confirmé votre adresse e-mail : nous ne pouvons donc pas savoir qui vous êtes.
sign-in-error-link-unknown = Ce lien de connexion n'est pas valable. Demandez-en un nouveau.
sign-in-error-link-used = Ce lien de connexion a déjà servi. Demandez-en un nouveau.
sign-in-error-link-expired = Ce lien de connexion a expiré. Demandez-en un nouveau.

meetings-nav = Réunions du conseil
meetings-title = Réunions : { $council }
meetings-calendar-link = Calendrier des réunions (iCalendar)
meetings-atom-link = Fil des procès-verbaux et des décisions (Atom)
meetings-search-label = Rechercher dans les titres, les points de l'ordre du jour et les procès-verbaux
meetings-year-label = Année
meetings-any-year = Toutes les années
meetings-state-label = État
meetings-any-state = Tous les états
meetings-search-button = Rechercher
meetings-upcoming = Réunions à venir
meetings-past = Réunions passées
meetings-results = Résultats
meetings-count = { $count ->
    [0] Aucune réunion trouvée.
    [one] { $count } réunion
    [many] { $count } réunions
   *[other] { $count } réunions
}
pagination-label = Pages
meeting-heading = Réunion { $number } : { $title }
meeting-postponed = Reportée
meeting-cancel-reason = Motif
meeting-draft-notice = Réunion en brouillon : seuls les membres du conseil et son secrétariat peuvent la voir.
meeting-cancelled-notice = Cette réunion a été annulée.
meeting-starts = Début
meeting-ends = Fin
meeting-kind = Type
meeting-mode = Format
meeting-location = Lieu
meeting-online = Lien de la visioconférence
meeting-calendar-link = Ajouter à mon agenda (.ics)
meeting-postponements = Reports
meeting-postponed-from-to = Date prévue : { $from } · nouvelle date : { $to }
meeting-documents = Documents de la réunion
meeting-agenda = Ordre du jour
meeting-agenda-empty = L'ordre du jour n'a encore aucun point.
item-urgent = Ajouté pendant la réunion (urgent)
item-closed = Point à huis clos
item-withdrawn = Retiré
item-rapporteur = Rapporteur
decision-ada = ADA (portail de transparence Diavgeia)
decision-votes = Pour : { $for }, contre : { $against }, abstentions : { $abstain }
decision-dissent = Opinions divergentes
version-label = Version { $version }
version-changed = Correction dans la version { $version }
earlier-versions = Versions précédentes
meeting-attendance = Présences
attendance-summary = Membres présents : { $present } sur { $in_office }.
attendance-quorum = Le quorum était atteint.
attendance-no-quorum = Le quorum n'était pas atteint : la réunion n'a pris aucune décision.
attendance-status = Présence
meeting-minutes = Procès-verbal
minutes-published-on = publié le
minutes-draft = brouillon, non publié
minutes-approved-by-meeting = Approuvé lors d'une réunion suivante, le { $date }.
minutes-approved-by-president = Approuvé par la présidence le { $date }.
minutes-print-link = Procès-verbal à imprimer
minutes-print-title = Procès-verbal : { $meeting }
minutes-back-to-meeting = Retour à la réunion
minutes-not-latest = Ce n'est pas la version actuelle du procès-verbal.

practices-nav = Bonnes pratiques
practices-title = Bonnes pratiques d'intégration
practices-of-municipality = Bonnes pratiques : { $name }
practices-of-municipality-nav = Les bonnes pratiques de la commune
practices-lead = Des pratiques pour l'intégration des migrants et des réfugiés, venues de communes et d'organisations de tout le pays. Chaque ville peut s'en inspirer et les adopter.
practices-search-label = Rechercher dans les titres et les descriptions
practices-sort-label = Trier par
practices-sort-relevance = Pertinence
practices-sort-date = Les plus récentes d'abord
practices-search-button = Rechercher
practices-filters = Filtres
practices-clear-filters = Effacer les filtres
practices-facet-sector = Secteur
practices-facet-theme = Domaine thématique
practices-facet-sdg = Objectifs de développement durable
practices-facet-municipality = Commune
practices-facet-audience = Public cible
practices-facet-year = Année
practices-facet-count = { $count ->
    [one] { $count } pratique
    [many] { $count } pratiques
   *[other] { $count } pratiques
}
practices-results = Résultats
practices-count = { $count ->
    [0] Aucune pratique trouvée.
    [one] { $count } pratique
    [many] { $count } pratiques
   *[other] { $count } pratiques
}
practices-csv-link = Télécharger la liste (CSV)
practice-archived-tag = Archivée
sdg-1 = Pas de pauvreté
sdg-2 = Faim « zéro »
sdg-3 = Bonne santé et bien-être
sdg-4 = Éducation de qualité
sdg-5 = Égalité entre les sexes
sdg-6 = Eau propre et assainissement
sdg-7 = Énergie propre et d'un coût abordable
sdg-8 = Travail décent et croissance économique
sdg-9 = Industrie, innovation et infrastructure
sdg-10 = Inégalités réduites
sdg-11 = Villes et communautés durables
sdg-12 = Consommation et production responsables
sdg-13 = Lutte contre les changements climatiques
sdg-14 = Vie aquatique
sdg-15 = Vie terrestre
sdg-16 = Paix, justice et institutions efficaces
sdg-17 = Partenariats pour la réalisation des objectifs
practice-organisation = Organisation
practice-sector = Secteur
practice-themes = Domaines thématiques
practice-audiences = Publics cibles
practice-duration = Durée
practice-duration-ongoing-from = En cours depuis { $from }
practice-duration-ongoing = En cours
practice-duration-from-to = { $from } – { $to }
practice-duration-from = Début : { $from }
practice-duration-to = Fin : { $to }
practice-places = Où
practice-partners = Organisations partenaires
practice-objective = Objectif
practice-target-audience = Pour qui
practice-description = Description
practice-impact = Impact sur la société
practice-staff = Participation du personnel
practice-volunteers = Participation des bénévoles
practice-results = Résultats par année
practice-results-caption = Chiffres par année, tels que l'organisation les a communiqués.
practice-results-measure = Indicateur
practice-goals = Objectifs de développement durable de l'ONU
practice-links = Liens
practice-published-on = Publiée le
practice-unpublished = Cette pratique n'est pas publiée ({ $state }) : seuls son auteur et les modérateurs peuvent la voir.
practice-state-draft = brouillon
practice-state-submitted = envoyée
practice-state-published = publiée
practice-state-rejected = refusée
practice-state-archived = archivée
practice-archived-notice = Cette pratique est archivée : on peut toujours la lire, mais elle n'est plus mise à jour.
practice-print-link = Imprimer
practice-export-link = Télécharger en JSON
practice-back = Retour à la pratique
practice-adopters = Communes qui l'ont adoptée
practice-no-adopters = Aucune commune n'a encore dit avoir adopté cette pratique.
practice-opinions = Avis des lecteurs
practice-opinion-anonymous = Anonyme
practice-no-opinions = Aucun avis n'a encore été publié.
practice-feedback-heading = Donnez-nous votre avis
practice-feedback-thanks = Merci ! Votre avis sera visible dès qu'un modérateur l'aura approuvé.
practice-feedback-limited = Vous avez envoyé beaucoup de messages en peu de temps. Veuillez réessayer plus tard.
practice-feedback-name = Nom (facultatif)
practice-feedback-email = E-mail
practice-feedback-email-hint = Jamais affiché : il sert seulement à vous contacter.
practice-feedback-body = Votre avis
practice-feedback-send = Envoyer
practice-documents = Documents
subscribe-nav = Alertes par e-mail
subscribe-title = Alertes par e-mail
subscribe-lead = Recevez au plus vite les nouvelles des réunions, des procès-verbaux et des bonnes pratiques du conseil. Pas besoin de compte.
subscribe-email = E-mail
subscribe-topics = Les sujets qui vous intéressent
subscribe-language = Langue des messages
subscribe-cadence = Quand
subscribe-privacy = Nous allons vous envoyer un message de confirmation. Rien d'autre ne vous sera envoyé avant que vous ouvriez son lien. Chaque message contient un lien pour vous désabonner en un clic.
subscribe-button = S'abonner
topic-meetings = Nouvelles réunions, reports et annulations
topic-minutes = Procès-verbaux et décisions
topic-practices = Les bonnes pratiques de la commune
cadence-immediate = À chaque nouveauté
cadence-digest = Tout ensemble, une fois par semaine
subscribe-sent-title = Consultez vos e-mails
subscribe-sent-text = Nous vous avons envoyé un message avec le lien qui confirme l'abonnement. Si vous ne le trouvez pas, regardez aussi dans vos courriers indésirables (spam).
subscribe-limited = Il y a eu beaucoup de demandes en peu de temps. Veuillez réessayer plus tard.
confirm-title = Confirmez votre abonnement
confirm-text = Appuyez sur le bouton pour commencer à recevoir les alertes.
confirm-button = Confirmer
confirmed-title = Votre abonnement est confirmé
confirmed-text = Vous recevrez désormais les alertes que vous avez choisies.
link-invalid-title = Ce lien n'est pas valable
link-invalid-text = Le lien a expiré ou l'abonnement a été annulé. Vous pouvez vous abonner à nouveau depuis la page de la commune.
preferences-title = Vos préférences
preferences-for = Alertes envoyées à { $email }
preferences-saved = Vos modifications sont enregistrées.
preferences-save = Enregistrer
preferences-leave = Quitter
preferences-link = Vos préférences
unsubscribe-title = Se désabonner des alertes
unsubscribe-text = Appuyez sur le bouton : vous ne recevrez plus aucun message.
unsubscribe-button = Se désabonner
unsubscribed-title = Désabonnement effectué
unsubscribed-text = Vous ne recevrez plus d'alertes. Vous pouvez vous abonner à nouveau quand vous le souhaitez.
erase-text = Effacez tout ce qui vous concerne : l'abonnement et les messages qui vous ont été envoyés sont supprimés. Il ne reste qu'une empreinte (hash) de l'adresse, pour que personne ne puisse vous réinscrire sans votre accord.
erase-button = Effacer mes données
erased-title = Vos données sont effacées
erased-text = Nous ne gardons plus votre adresse ni les messages qui vous étaient destinés.

## Formulaires et pages de réunion de l'espace de travail
form-error-summary = Il y a un problème
form-error-prefix = Erreur :
form-cancel = Annuler
form-conflict = Impossible de faire cela : { $reason }
field-error-invalid = Vérifiez « { $label } » : { $reason }
field-error-negative = « { $label } » ne peut pas être inférieur à zéro.
error-forbidden-title = Vous ne pouvez pas utiliser cette page
error-forbidden-text = Votre compte n'a pas le rôle qui permet cela. Si vous pensez que vous devriez l'avoir, demandez aux administrateurs de votre commune.

decision-kind = Type
decision-result = Résultat
erase-confirm-title = Effacer tout ce qui vous concerne ?
form-changed-meanwhile-any = Quelqu'un d'autre a modifié ce contenu après l'ouverture du formulaire. Votre texte se trouve ci-dessous : il n'a pas été enregistré. Ouvrez la page dans un autre onglet pour voir l'autre modification. Appuyez à nouveau sur le bouton si vous voulez enregistrer la vôtre à la place.

## Demandes d'accès (formulaire public et espace de travail)
ask-nav = Demander un accès à la plateforme
ask-title = Demander un accès
ask-lead = Vous voulez proposer une bonne pratique au nom d'une organisation, ou vous êtes un nouveau membre du conseil ? Demandez un accès. Les administrateurs de la commune examineront votre demande et vous répondront par e-mail.
ask-name = Nom et prénom
ask-organisation = Organisation (facultatif)
ask-organisation-hint = Par exemple l'ONG ou la communauté que vous représentez.
ask-email = Adresse e-mail
ask-email-hint = L'invitation ou la réponse arrivera à cette adresse.
ask-role = Ce que vous voulez faire sur la plateforme
ask-reason = Pourquoi vous demandez un accès
ask-reason-hint = Quelques mots sur vous et sur ce que vous voulez faire.
ask-privacy = Seuls les administrateurs de la commune voient ce que vous écrivez ici, pour répondre à votre demande.
ask-submit = Envoyer la demande
ask-limited = Vous avez envoyé beaucoup de demandes en peu de temps. Réessayez dans une heure.
ask-sent-title = Votre demande a été envoyée
ask-sent-text = Les administrateurs de la commune vont l'examiner et vous répondront par e-mail, à l'adresse que vous avez donnée.
ask-back = Retour à la page de la commune
moderation-adopt-heading = Nous l'avons adoptée
moderation-adopt-for = Pour la commune :
moderation-withdraw-link = Retirer l'adoption

## Libellés et erreurs communs aux pages publiques et à l’espace de travail
role-vice_president = Vice-président
category-municipal_councillor = Conseiller municipal
category-civil_society = Société civile
category-migrant_community = Représentant des migrants et des réfugiés
practice-state-in_review = en cours d’examen
practice-state-changes_requested = modifications demandées
field-error-too_long = « { $label } » accepte au plus { $max } caractères ; il en contient { $length }.
field-error-control_characters = « { $label } » contient des caractères de contrôle. Tapez ou collez le texte à nouveau.
field-error-invalid_email = Saisissez une adresse e-mail de la forme nom@example.org.
field-error-invalid_url = « { $label } » doit être une adresse web commençant par https:// ou http://.
field-error-choose_one = Choisissez une option pour « { $label } ».
field-error-choose_at_least_one = Choisissez au moins une option pour « { $label } ».
field-error-not_a_choice = Choisissez l’une des options proposées pour « { $label } ».
field-error-too_many = « { $label } » contient au plus { $max } éléments ; il en a { $count }.

## Libellés des réunions et des pratiques sur les pages publiques
meeting-state-draft = Brouillon
meeting-state-convened = Convoquée
meeting-state-held = Tenue
meeting-state-minutes_drafted = Procès-verbal en rédaction
meeting-state-minutes_approved = Procès-verbal approuvé
meeting-state-published = Procès-verbal publié
meeting-state-cancelled = Annulée
meeting-kind-regular = Ordinaire
meeting-kind-extraordinary = Extraordinaire
meeting-mode-in_person = En présentiel
meeting-mode-remote = À distance
meeting-mode-hybrid = Hybride
decision-kind-decision = Décision
decision-kind-recommendation = Recommandation
decision-result-adopted = Adoptée
decision-result-rejected = Rejetée
attendance-present = Présent
attendance-absent = Absent
attendance-excused = Excusé
attendance-substitute_present = Suppléant présent
sector-municipality = Collectivités locales
sector-civil_society = Société civile
sector-business = Entreprises
sector-academia = Université et recherche
sector-international_organisation = Organisations internationales
sector-other = Autre secteur
audience-refugees = Réfugiés
audience-asylum_seekers = Demandeurs d’asile
audience-migrants = Migrants
audience-unaccompanied_minors = Mineurs non accompagnés
audience-women = Femmes
audience-children = Enfants
audience-youth = Jeunes
audience-families = Familles
audience-professionals = Professionnels
audience-general_public = Grand public

## Ce que nous conservons sur un abonné (le droit d'accès)
held-link = Voir ou télécharger ce que nous conservons sur vous
held-title = Ce que nous conservons sur vous
held-intro = Tout ce que { $municipality } conserve sur cet abonnement sur cette plateforme, et les messages des 30 derniers jours. Rien d'autre sur vous n'est conservé ici.
held-subscription = Votre abonnement
held-email = Adresse e-mail
held-municipality = Municipalité
held-state = État
held-state-pending = En attente de votre confirmation
held-state-active = Actif
held-state-stopped = Arrêté : les messages envoyés à l'adresse sont revenus
held-topics = Sujets
held-language = Langue des messages
held-cadence = Fréquence
held-consent = Votre consentement
held-created = Première demande
held-requested = Dernière demande
held-confirmed = Confirmé
held-from = depuis l'adresse internet { $address }
held-no-record = La date et l'origine de la demande de cet abonnement n'ont pas été enregistrées : il est antérieur à cet enregistrement.
held-messages = Messages des 30 derniers jours
held-subject = Objet
held-written = Rédigé
held-sent = Envoyé
held-not-sent = Non envoyé
held-no-messages = Aucun message au cours des 30 derniers jours.
held-download = Tout télécharger dans un fichier (JSON)
held-back = Retour à vos préférences

## Pages exigées par la loi : informations sur la protection des données, déclaration d'accessibilité, cookies
footer-privacy = Confidentialité
footer-accessibility = Accessibilité
footer-cookies = Cookies
legal-updated = Dernière révision : { $date }.
privacy-title = Information sur la protection des données
privacy-municipality-title = Information sur la protection des données : { $municipality }
privacy-platform-intro = Cette information porte sur les données que détiennent les exploitants de la plateforme : les comptes des personnes qui y travaillent (personnel municipal, membres des conseils, auteurs de bonnes pratiques, administrateurs). Les données qu'une municipalité détient sur ses habitants sont présentées dans sa propre information.
privacy-municipalities = L'information de chaque municipalité
privacy-controller = Qui est responsable
privacy-controller-municipality = { $municipality } est responsable du traitement des données personnelles figurant sur ses pages et dans ses annonces aux habitants. Vous pouvez lui écrire à { $email }.
privacy-controller-no-email = { $municipality } est responsable du traitement des données personnelles figurant sur ses pages et dans ses annonces aux habitants.
privacy-controller-platform = Les exploitants de la plateforme sont responsables du traitement des comptes décrits ci-dessous. Vous pouvez leur écrire à { $email }.
privacy-dpo = Délégué à la protection des données
privacy-dpo-named = { $name }, à l'adresse { $email }.
privacy-dpo-address = À l'adresse { $email }.
privacy-dpo-missing = La municipalité n'a pas encore publié ici les coordonnées de son délégué à la protection des données. Écrivez à la municipalité, qui lui transmettra votre message.
privacy-what = Ce que nous conservons, pourquoi et pendant combien de temps
privacy-subscriptions = Abonnements aux annonces : votre adresse e-mail, votre langue, les sujets choisis et la fréquence d'envoi souhaitée, ainsi que la date, l'heure et l'adresse internet (IP) de votre demande et de sa confirmation. Nous les conservons parce que vous avez demandé à recevoir ces annonces (votre consentement), jusqu'à votre désabonnement. Une demande jamais confirmée est supprimée après { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}.
privacy-messages = Messages que nous vous envoyons : leur texte et votre adresse sont conservés { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} après l'envoi, afin que nous puissions répondre aux questions à leur sujet ; ensuite, seule subsiste la trace de l'envoi du message.
privacy-feedback = Commentaires sur une bonne pratique : votre nom et votre message sont publiés dès qu'un modérateur les approuve ; votre adresse e-mail n'est jamais affichée et est supprimée { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} après la décision du modérateur.
privacy-requests = Demandes d'accès à l'espace de travail : votre nom, votre organisation, votre adresse et le motif de la demande, jusqu'à la décision d'un administrateur ; une demande refusée est supprimée { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} plus tard.
privacy-council = Documents du conseil : les noms et fonctions des membres du conseil, ses ordres du jour, ses décisions et ses procès-verbaux sont des documents publics que la municipalité conserve en application de la loi (mission d'intérêt public).
privacy-accounts = Comptes : votre adresse e-mail et votre nom, vos rôles, vos sessions (jusqu'à ce que vous vous déconnectiez ou qu'elles expirent) et vos liens de connexion (jusqu'à ce qu'ils expirent ou soient utilisés).
privacy-audit = Le journal d'audit : qui s'est connecté, et qui a accordé ou modifié quoi, avec l'heure et l'adresse internet (IP) ; il est conservé { $years ->
    [one] { $years } an
   *[other] { $years } ans
} pour assurer la sécurité de la plateforme et la traçabilité des actions.
privacy-no-sharing = Nous ne vendons ni ne partageons vos données, nous n'affichons aucune publicité et n'utilisons aucun outil de suivi ni de mesure d'audience. Les e-mails sont envoyés par le service de messagerie de la municipalité.
privacy-rights = Vos droits
privacy-rights-text = Vous pouvez consulter les données que nous détenons sur vous, les faire corriger ou effacer, ou vous opposer à leur utilisation.
privacy-rights-residents = Habitants : chaque message contient un lien vers vos préférences, où vous pouvez modifier ou annuler votre abonnement et télécharger les données que nous détenons sur vous.
privacy-rights-accounts = Personnes ayant un compte : la page de votre compte indique vos rôles, vos sessions et les entrées du journal d'audit qui vous concernent, et vous permet de tout télécharger. Pour faire supprimer votre compte, écrivez aux exploitants de la plateforme.
privacy-complaint = Si vous estimez que nous traitons mal vos données, vous pouvez déposer une plainte auprès de l'Autorité hellénique de protection des données (www.dpa.gr).
accessibility-title = Déclaration d'accessibilité
accessibility-intro = Cette déclaration s'applique aux pages de la plateforme ΣΕΜΠ à l'adresse { $site }. Les municipalités qui l'utilisent sont des organismes du secteur public au sens de la directive (UE) 2016/2102 et de la loi grecque 4591/2019.
accessibility-status = État de conformité
accessibility-status-text = Ces pages sont partiellement conformes aux Règles pour l'accessibilité des contenus Web (WCAG) 2.1, niveau AA, et à la norme européenne EN 301 549, en raison des exceptions énumérées ci-dessous.
accessibility-checks = Comment nous vérifions
accessibility-checks-text = Chaque page, y compris lorsque ses messages d'erreur sont affichés, est vérifiée à chaque modification de la plateforme : par axe-core dans un vrai navigateur d'une largeur de 390 pixels, par le W3C Nu HTML checker, et par des tests qui utilisent les pages au clavier et au moyen des noms que lit un lecteur d'écran. Les pages fonctionnent sans JavaScript.
accessibility-exceptions = Contenus non accessibles
accessibility-exception-documents = Les documents que les municipalités mettent en ligne (pièces jointes des ordres du jour, procès-verbaux en PDF) peuvent ne pas être accessibles. Le texte des décisions et des procès-verbaux est aussi affiché sur la page.
accessibility-exception-languages = Les annonces sont rédigées par chaque municipalité en grec et souvent en anglais ; des traductions dans d'autres langues ne sont pas toujours disponibles.
accessibility-exception-maps = Les liens vers des cartes et d'autres sites mènent à des services que la plateforme ne contrôle pas.
accessibility-prepared = Cette déclaration a été établie le { $date } par auto-évaluation, à partir des vérifications décrites ci-dessus.
accessibility-feedback = Retour d'information et contact
accessibility-feedback-text = Si vous rencontrez un obstacle, ou si vous avez besoin d'une page ou d'un document dans un autre format, écrivez à { $email }. Nous répondons sous 30 jours.
accessibility-enforcement = Voies de recours
accessibility-enforcement-text = Si notre réponse ne vous satisfait pas, vous pouvez vous adresser au Médiateur grec (Συνήγορος του Πολίτη, www.synigoros.gr), qui traite les plaintes concernant les organismes publics.
cookies-title = Cookies
cookies-intro = La plateforme utilise uniquement les cookies nécessaires à son fonctionnement. Elle n'utilise aucun cookie de mesure d'audience, de publicité ou de suivi ; c'est pourquoi elle ne vous demande pas votre consentement.
cookies-name = Nom
cookies-purpose = À quoi il sert
cookies-expires = Durée de vie
cookies-session-purpose = Maintient votre connexion.
cookies-session-expires = Jusqu'à ce que vous vous déconnectiez, ou après { $hours ->
    [one] { $hours } heure
   *[other] { $hours } heures
} (plus tôt s'il n'est pas utilisé pendant { $idle ->
    [one] { $idle } heure
   *[other] { $idle } heures
}).
cookies-csrf-purpose = Protège les formulaires que vous envoyez : un autre site ne peut pas les envoyer en votre nom.
cookies-csrf-expires = Jusqu'à la fermeture de votre navigateur.
cookies-oidc-purpose = Relie votre navigateur à votre connexion via un fournisseur d'identité.
cookies-oidc-expires = 10 minutes.
cookies-lang-purpose = Mémorise la langue que vous avez choisie.
cookies-lang-expires = 1 an.
