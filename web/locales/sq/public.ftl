# Faqet publike të platformës ΣΕΜΠ, në shqip: çfarë lexojnë banorët, vizitorët dhe ata që duan të bëhen anëtarë.
# Kushdo që shkruan mirë shqip mund ta përmirësojë këtë skedar (ose kopjen e tij në një platformë përkthimi):
# mbani çdo çelës dhe çdo { $placeholder } ashtu siç janë, shkruani fjali të shkurtra e të thjeshta
# dhe ia dërgoni ndryshimin ekipit të platformës. Greqishtja, anglishtja dhe gjuhët e tjera duhet të kenë të njëjtët çelësa.
# English: Public pages of the ΣΕΜΠ platform, in Albanian. Anyone who writes Albanian well may improve
# this file: keep each key and each { $placeholder }, and send the change to the platform's team.

site-name = Platforma ΣΕΜΠ
site-tagline = Këshillat e bashkive për integrimin e migrantëve dhe të refugjatëve
skip-to-content = Kalo te përmbajtja
language-switch-label = Gjuha
main-navigation = Menyja kryesore
nav-municipalities = Bashkitë
nav-api = API për zhvilluesit
footer-about = Platforma e Këshillave për Integrimin e Migrantëve dhe të Refugjatëve (ΣΕΜΠ) të bashkive të Greqisë.
footer-example-data = Anëtarët e këshillave të shënuar si „shembull“ janë të dhëna të sajuara, vetëm për demonstrim.

home-title = Bashkitë dhe këshillat e tyre
home-intro = Çdo bashki në Greqi krijon një Këshill për Integrimin e Migrantëve dhe të Refugjatëve (ΣΕΜΠ). Ky është një organ këshillimor që merret me integrimin e migrantëve dhe të refugjatëve në shoqërinë vendase. Zgjidhni një bashki për të parë profilin dhe këshillin e saj.
home-count = { $count ->
    [0] Ende nuk ka asnjë bashki.
    [one] { $count } bashki
   *[other] { $count } bashki
}
home-empty = Ende nuk është shtuar asnjë bashki.
region = Rajoni
visit-profile = Profili dhe këshilli: { $name }

tenant-archived = Kjo bashki është arkivuar. Informacioni i saj mbetet këtu për t’u parë, por nuk përditësohet më.
tenant-website = Faqja e internetit e bashkisë
tenant-contact = Kontaktoni këshillin
content-language-notice = { $shown ->
    [el] Bashkia e shkruan këtë tekst në greqisht, prandaj shfaqet në greqisht.
    [en] Bashkia e shkruan këtë tekst në greqisht dhe në anglisht; këtu shfaqet në anglisht.
   *[both] Bashkia e shkruan këtë tekst në greqisht dhe në anglisht; disa pjesë shfaqen në njërën gjuhë dhe disa në tjetrën.
}
fallback-notice = Disa pjesë shfaqen në greqisht, sepse ende nuk ka përkthim në anglisht.
section-introduction = Rreth nesh
section-key-figures = Shifrat kryesore
section-programmes = Struktura dhe programe
section-achievements = Çfarë kemi arritur
section-goals = Ku synojmë të shkojmë
section-council = Këshilli për Integrimin e Migrantëve dhe të Refugjatëve
figure-year = ({ $year })
figure-source = Burimi:
more-information = Më shumë: { $title }
council-decision = Vendimi i krijimit
council-term = Mandati
council-term-range = Nga { $start } deri më { $end }
council-not-recorded = Bashkia ende nuk i ka shënuar të dhënat e këshillit të saj.
council-members = Anëtarët
council-members-count = { $regular ->
    [one] { $regular } anëtar i rregullt
   *[other] { $regular } anëtarë të rregullt
} dhe { $substitute ->
    [one] { $substitute } anëtar zëvendësues
   *[other] { $substitute } anëtarë zëvendësues
}
council-no-members = Nuk është shënuar asnjë anëtar.
member-name = Emri
member-role = Roli
member-category = Kategoria
member-organisation = Organizata
member-membership = Anëtarësia
member-example = shembull
member-example-explained = Anëtar i sajuar për demonstrim, jo person i vërtetë.
role-president = Kryetar
role-member = Anëtar
role-secretary = Sekretar
category-other = Tjetër
membership-regular = I rregullt
membership-substitute = Zëvendësues

error-not-found-title = Faqja nuk u gjet
error-not-found-text = Në këtë adresë nuk ka asgjë. Lidhja mund të jetë e vjetër ose e shkruar gabim.
error-request-title = Kjo kërkesë nuk mund të kryhet
error-request-text = Adresa ekziston, por nuk e pranon këtë lloj kërkese.
error-server-title = Diçka shkoi keq
error-server-text = Ndodhi një gabim nga ana jonë dhe u regjistrua. Ju lutemi provoni përsëri pas pak.
error-request-id = Kodi i kërkesës: { $id }
back-home = Kthehu te bashkitë
workspace-nav = Hapësira ime e punës
field-error-required = Plotësoni „{ $label }“.
document-sign-in-title = Hyni për ta hapur këtë dokument
document-sign-in-text = Këtë dokument mund ta shohin vetëm anëtarët e këshillit dhe sekretaria e tij, ose dokumenti nuk ekziston më. Nëse jeni anëtar, hyni: pastaj do të ktheheni përsëri këtu.
document-unavailable-title = Ky dokument nuk është i disponueshëm
document-unavailable-text = Dokumenti nuk ekziston, ose llogaria me të cilën keni hyrë nuk mund ta shohë. Nëse ju erdhi si anëtar i këshillit, hyni me adresën ku morët ftesën.

sign-in = Hyr
sign-out = Dil
signed-in-as = Keni hyrë si { $name }
sign-in-title = Hyrja
sign-in-intro = Këtu hyjnë anëtarët e këshillit, sekretarët dhe punonjësit e bashkisë. Banorëve nuk u duhet kurrë llogari.
sign-in-providers = Me një llogari
sign-in-with = Hyr me { $provider }
sign-in-link-heading = Me një lidhje me e-mail
sign-in-link-intro = Nuk keni llogari askund? Shkruani adresën ku morët ftesën dhe do t’ju dërgojmë me e-mail një lidhje për të hyrë. Lidhja vlen vetëm një herë, për 15 minuta.
email-label = Adresa e-mail
sign-in-link-button = Më dërgo me e-mail një lidhje për të hyrë
signed-in-already = Keni hyrë si { $email }.
link-sent-title = Shikoni e-mailin tuaj
link-sent-text = Nëse kjo adresë i përket një anëtari të platformës, lidhja për të hyrë është rrugës. Ajo vlen vetëm një herë, për 15 minuta.
link-mail-subject = Lidhja juaj për të hyrë në platformën ΣΕΜΠ
link-mail-text = Përshëndetje,

    Përdorni këtë lidhje për të hyrë në platformën ΣΕΜΠ. Ajo vlen vetëm një herë, për { $minutes } minuta:
    { $url }

    Nëse nuk e keni kërkuar ju, mos i kushtoni rëndësi këtij mesazhi: askush nuk mund të hyjë pa këtë lidhje.
link-confirm-text = Shtypni butonin për të përfunduar hyrjen.
link-confirm-button = Hyr
sign-in-failed-title = Hyrja nuk u krye
sign-in-again = Provoni të hyni përsëri
too-many-attempts = Shumë përpjekje. Ju lutemi prisni { $seconds } sekonda dhe provoni përsëri.
csrf-title = Ky formular ka skaduar
csrf-text = Për sigurinë tuaj, formulari nuk u pranua. Kthehuni prapa, ringarkoni faqen dhe provoni përsëri.
account-title = Llogaria juaj
access-role-platform-admin = Administrator i platformës
access-role-tenant-admin = Administrator i bashkisë
access-role-secretary = Sekretar i këshillit
access-role-council-member = Anëtar i këshillit
access-role-practice-author = Autor praktikash të mira

sign-in-error-unknown-state = Kjo përpjekje për të hyrë nuk njihet, është përdorur tashmë ose ka skaduar. Ju lutemi filloni nga e para.
sign-in-error-other-browser = Kjo hyrje filloi në një shfletues tjetër. Ju lutemi filloni nga e para këtu.
sign-in-error-unknown-provider = Ky shërbim hyrjeje nuk është më i disponueshëm.
sign-in-error-unreachable = Shërbimi i hyrjes nuk arrihet për momentin. Ju lutemi provoni përsëri më vonë.
sign-in-error-forbidden-address = Shërbimi i hyrjes ndodhet në një adresë me të cilën platforma nuk lidhet (ky kompjuter ose një rrjet privat). Ju lutemi njoftoni administratorët e bashkisë.
sign-in-error-refused = Shërbimi i hyrjes nuk e lejoi hyrjen. Ju lutemi filloni nga e para.
sign-in-error-invalid-token = Përgjigjja e shërbimit të hyrjes nuk mund të verifikohej, prandaj nuk hyri askush.
sign-in-error-no-verified-email = Shërbimi juaj i hyrjes nuk e konfirmoi adresën tuaj e-mail, prandaj nuk mund ta dimë kush jeni.
sign-in-error-link-unknown = Kjo lidhje për të hyrë nuk është e vlefshme. Kërkoni një të re.
sign-in-error-link-used = Kjo lidhje për të hyrë është përdorur tashmë. Kërkoni një të re.
sign-in-error-link-expired = Kjo lidhje për të hyrë ka skaduar. Kërkoni një të re.

meetings-nav = Mbledhjet e këshillit
meetings-title = Mbledhjet: { $council }
meetings-calendar-link = Kalendari i mbledhjeve (iCalendar)
meetings-atom-link = Rrjedha e procesverbaleve dhe e vendimeve (Atom)
meetings-search-label = Kërkoni në tituj, në pikat e rendit të ditës dhe në procesverbale
meetings-year-label = Viti
meetings-any-year = Të gjitha vitet
meetings-state-label = Gjendja
meetings-any-state = Çdo gjendje
meetings-search-button = Kërko
meetings-upcoming = Mbledhjet e ardhshme
meetings-past = Mbledhjet e kaluara
meetings-results = Rezultatet
meetings-count = { $count ->
    [0] Nuk u gjet asnjë mbledhje.
    [one] { $count } mbledhje
   *[other] { $count } mbledhje
}
pagination-label = Faqet
meeting-heading = Mbledhja { $number }: { $title }
meeting-postponed = E shtyrë
meeting-cancel-reason = Arsyeja
meeting-draft-notice = Kjo mbledhje është ende draft: e shohin vetëm anëtarët dhe sekretaria e këshillit.
meeting-cancelled-notice = Kjo mbledhje u anulua.
meeting-starts = Fillon
meeting-ends = Mbaron
meeting-kind = Lloji
meeting-mode = Mënyra
meeting-location = Vendi
meeting-online = Lidhja e videothirrjes
meeting-calendar-link = Shtoje në kalendar (.ics)
meeting-postponements = Shtyrjet
meeting-postponed-from-to = Data e parë: { $from } · Data e re: { $to }
meeting-documents = Dokumentet e mbledhjes
meeting-agenda = Rendi i ditës
meeting-agenda-empty = Rendi i ditës ende nuk ka asnjë pikë.
item-urgent = U shtua gjatë mbledhjes (urgjente)
item-closed = Pikë me dyer të mbyllura
item-withdrawn = E tërhequr
item-rapporteur = Relatori
decision-ada = ADA (portali i transparencës Diavgeia)
decision-votes = Pro { $for }, kundër { $against }, abstenime { $abstain }
decision-dissent = Mendimet e pakicës
version-label = Versioni { $version }
version-changed = Korrigjuar në versionin { $version }
earlier-versions = Versionet e mëparshme
meeting-attendance = Pjesëmarrja
attendance-summary = Ishin të pranishëm { $present } nga { $in_office } anëtarë.
attendance-quorum = Kishte kuorum.
attendance-no-quorum = Nuk kishte kuorum, prandaj mbledhja nuk mori asnjë vendim.
attendance-status = Prania
meeting-minutes = Procesverbali
minutes-published-on = publikuar më
minutes-draft = draft, ende i papublikuar
minutes-approved-by-meeting = U miratua nga një mbledhje e mëvonshme më { $date }.
minutes-approved-by-president = U miratua nga kryetari më { $date }.
minutes-print-link = Procesverbali për printim
minutes-print-title = Procesverbali: { $meeting }
minutes-back-to-meeting = Kthehu te mbledhja
minutes-not-latest = Ky nuk është versioni i fundit i procesverbalit.

practices-nav = Praktika të mira
practices-title = Praktika të mira integrimi
practices-of-municipality = Praktikat e mira: { $name }
practices-of-municipality-nav = Praktikat e mira të bashkisë
practices-lead = Praktika për integrimin e migrantëve dhe të refugjatëve, nga bashki dhe organizata në të gjithë vendin. Çdo qytet mund të mësojë prej tyre dhe t’i zbatojë.
practices-search-label = Kërkoni në tituj dhe në përshkrime
practices-sort-label = Renditja
practices-sort-relevance = Më të përshtatshmet
practices-sort-date = Më të rejat së pari
practices-search-button = Kërko
practices-filters = Filtrat
practices-clear-filters = Hiq filtrat
practices-facet-sector = Sektori
practices-facet-theme = Fusha tematike
practices-facet-sdg = Objektivat e Zhvillimit të Qëndrueshëm
practices-facet-municipality = Bashkia
practices-facet-audience = Grupi i synuar
practices-facet-year = Viti
practices-facet-count = { $count ->
    [one] { $count } praktikë
   *[other] { $count } praktika
}
practices-results = Rezultatet
practices-count = { $count ->
    [0] Nuk u gjet asnjë praktikë.
    [one] { $count } praktikë
   *[other] { $count } praktika
}
practices-csv-link = Shkarko listën (CSV)
practice-archived-tag = E arkivuar
sdg-1 = Zhdukja e varfërisë
sdg-2 = Zero uri
sdg-3 = Shëndet i mirë dhe mirëqenie
sdg-4 = Arsim cilësor
sdg-5 = Barazi gjinore
sdg-6 = Ujë i pastër dhe kushte higjienike
sdg-7 = Energji e përballueshme dhe e pastër
sdg-8 = Punë e denjë dhe rritje ekonomike
sdg-9 = Industri, inovacion dhe infrastrukturë
sdg-10 = Më pak pabarazi
sdg-11 = Qytete dhe komunitete të qëndrueshme
sdg-12 = Konsum dhe prodhim i përgjegjshëm
sdg-13 = Veprim për klimën
sdg-14 = Jeta nën ujë
sdg-15 = Jeta në tokë
sdg-16 = Paqe, drejtësi dhe institucione të forta
sdg-17 = Partneritete për objektivat
practice-organisation = Organizata
practice-sector = Sektori
practice-themes = Fushat tematike
practice-audiences = Grupet e synuara
practice-duration = Kohëzgjatja
practice-duration-ongoing-from = Që nga { $from }, vazhdon ende
practice-duration-ongoing = Vazhdon ende
practice-duration-from-to = Nga { $from } deri më { $to }
practice-duration-from = Nga { $from }
practice-duration-to = Deri më { $to }
practice-places = Ku zbatohet
practice-partners = Organizatat partnere
practice-objective = Qëllimi
practice-target-audience = Kujt i shërben
practice-description = Përshkrimi
practice-impact = Ndikimi në shoqëri
practice-staff = Pjesëmarrja e personelit
practice-volunteers = Pjesëmarrja e vullnetarëve
practice-results = Rezultatet sipas vitit
practice-results-caption = Shifrat sipas vitit, siç i ka raportuar organizata.
practice-results-measure = Treguesi
practice-goals = Objektivat e Zhvillimit të Qëndrueshëm të OKB-së
practice-links = Lidhje
practice-published-on = Publikuar më
practice-unpublished = Kjo praktikë nuk është publikuar ({ $state }): e shohin vetëm autori i saj dhe moderatorët.
practice-state-draft = draft
practice-state-submitted = e dorëzuar
practice-state-published = e publikuar
practice-state-rejected = e refuzuar
practice-state-archived = e arkivuar
practice-archived-notice = Kjo praktikë është arkivuar: mund të lexohet ende, por nuk përditësohet më.
practice-print-link = Printo
practice-export-link = Shkarko si JSON
practice-back = Kthehu te praktika
practice-adopters = Bashkitë që e zbatuan
practice-no-adopters = Ende asnjë bashki nuk ka thënë se e ka zbatuar këtë praktikë.
practice-opinions = Mendimet e lexuesve
practice-opinion-anonymous = Anonim
practice-no-opinions = Ende nuk është publikuar asnjë mendim.
practice-feedback-heading = Na thoni mendimin tuaj
practice-feedback-thanks = Faleminderit! Mendimi juaj do të shfaqet sapo ta miratojë një moderator.
practice-feedback-limited = Keni dërguar shumë mesazhe në pak kohë. Ju lutemi provoni përsëri më vonë.
practice-feedback-name = Emri (nuk është i detyrueshëm)
practice-feedback-email = E-mail
practice-feedback-email-hint = Nuk shfaqet kurrë; na duhet vetëm për t’ju kontaktuar.
practice-feedback-body = Mendimi juaj
practice-feedback-send = Dërgo
practice-documents = Dokumentet
subscribe-nav = Njoftime me e-mail
subscribe-title = Njoftime me e-mail
subscribe-lead = Mësoni të parët për mbledhjet, procesverbalet dhe praktikat e mira të këshillit. Nuk ju duhet llogari.
subscribe-email = E-mail
subscribe-topics = Për çfarë doni të njoftoheni
subscribe-language = Gjuha e mesazheve
subscribe-cadence = Kur
subscribe-privacy = Do t’ju dërgojmë një mesazh konfirmimi. Para se të hapni lidhjen në të, nuk ju dërgojmë asgjë tjetër. Çdo mesazh ka një lidhje për t’u çabonuar me një klikim.
subscribe-button = Abonohu
topic-meetings = Mbledhje të reja, shtyrje dhe anulime
topic-minutes = Procesverbale dhe vendime
topic-practices = Praktikat e mira të bashkisë
cadence-immediate = Menjëherë, me çdo gjë të re
cadence-digest = Të gjitha bashkë, një herë në javë
subscribe-sent-title = Shikoni e-mailin tuaj
subscribe-sent-text = Ju dërguam një mesazh me lidhjen që konfirmon abonimin. Nëse nuk e gjeni, shikoni edhe te dosja e mesazheve të padëshiruara (spam).
subscribe-limited = Pati shumë kërkesa në pak kohë. Ju lutemi provoni përsëri më vonë.
confirm-title = Konfirmoni abonimin tuaj
confirm-text = Shtypni butonin që të filloni të merrni njoftime.
confirm-button = Konfirmo
confirmed-title = Abonimi juaj u konfirmua
confirmed-text = Tani e tutje do të merrni njoftimet që zgjodhët.
link-invalid-title = Kjo lidhje nuk është e vlefshme
link-invalid-text = Lidhja ka skaduar ose abonimi është anuluar. Mund të abonoheni përsëri nga faqja e bashkisë.
preferences-title = Preferencat tuaja
preferences-for = Njoftimet për { $email }
preferences-saved = Ndryshimet tuaja u ruajtën.
preferences-save = Ruaj
preferences-leave = Ndalo njoftimet
preferences-link = Preferencat tuaja
unsubscribe-title = Çabonohuni nga njoftimet
unsubscribe-text = Shtypni butonin dhe nuk do të merrni më mesazhe.
unsubscribe-button = Çabonohu
unsubscribed-title = U çabonuat
unsubscribed-text = Nuk do të merrni më njoftime. Mund të abonoheni përsëri kur të doni.
erase-text = Fshini gjithçka që kemi për ju: abonimi dhe mesazhet që ju kemi dërguar fshihen. Mbetet vetëm një gjurmë (hash) e adresës, që askush të mos ju shtojë përsëri pa pëlqimin tuaj.
erase-button = Fshi të dhënat e mia
erased-title = Të dhënat tuaja u fshinë
erased-text = Nuk e ruajmë më as adresën tuaj, as mesazhet që ju dërguam.

## Formularët e hapësirës së punës dhe faqet e mbledhjeve (The workspace's forms and meeting pages)
form-error-summary = Ka një problem
form-error-prefix = Gabim:
form-cancel = Anulo
form-conflict = Kjo nuk mund të kryhej: { $reason }
field-error-invalid = Kontrolloni „{ $label }“: { $reason }
field-error-negative = „{ $label }“ nuk mund të jetë nën zero.
error-forbidden-title = Nuk mund ta përdorni këtë faqe
error-forbidden-text = Llogaria juaj nuk ka një rol që e lejon këtë. Nëse mendoni se duhet ta ketë, pyesni administratorët e bashkisë suaj.

decision-kind = Lloji
decision-result = Rezultati
erase-confirm-title = Të fshihet gjithçka që kemi për ju?
form-changed-meanwhile-any = Dikush tjetër e ndryshoi këtë pasi ju e hapët formularin. Teksti juaj është më poshtë dhe nuk u ruajt. Hapni faqen në një skedë tjetër për të parë ndryshimin tjetër; nëse doni të ruani tuajin në vend të tij, shtypni përsëri butonin.

## Kërkesat për qasje (formulari publik dhe hapësira e punës) (Requests for access)
ask-nav = Kërkoni qasje në platformë
ask-title = Kërkoni qasje
ask-lead = Nëse doni të paraqitni një praktikë të mirë në emër të një organizate, ose jeni anëtar i ri i këshillit, kërkoni qasje. Administratorët e bashkisë do ta shqyrtojnë kërkesën tuaj dhe do t’ju përgjigjen me e-mail.
ask-name = Emri dhe mbiemri
ask-organisation = Organizata (nuk është e detyrueshme)
ask-organisation-hint = Për shembull OJQ-ja ose komuniteti që përfaqësoni.
ask-email = Adresa e-mail
ask-email-hint = Atje do t’ju vijë ftesa ose përgjigjja.
ask-role = Çfarë doni të bëni në platformë
ask-reason = Pse kërkoni qasje
ask-reason-hint = Disa fjalë për veten dhe për atë që doni të bëni.
ask-privacy = Atë që shkruani këtu e shohin vetëm administratorët e bashkisë, që t’i përgjigjen kërkesës suaj.
ask-submit = Dërgo kërkesën
ask-limited = Keni dërguar shumë kërkesa në pak kohë. Provoni përsëri pas një ore.
ask-sent-title = Kërkesa juaj u dërgua
ask-sent-text = Administratorët e bashkisë do ta shqyrtojnë dhe do t’ju përgjigjen me e-mail, në adresën që na dhatë.
ask-back = Kthehu te faqja e bashkisë
moderation-adopt-heading = E zbatuam edhe ne
moderation-adopt-for = Për bashkinë:
moderation-withdraw-link = Hiqe shënimin se e zbatuam

## Etiketa dhe gabime që faqet publike i ndajnë me hapësirën e punës
role-vice_president = Nënkryetar
category-municipal_councillor = Këshilltar bashkiak
category-civil_society = Shoqëria civile
category-migrant_community = Përfaqësues i migrantëve dhe refugjatëve
practice-state-in_review = në shqyrtim
practice-state-changes_requested = kërkohen ndryshime
field-error-too_long = „{ $label }“ mund të ketë deri në { $max } shenja; ka { $length }.
field-error-control_characters = „{ $label }“ ka shenja kontrolli. Shkruajeni ose ngjiteni tekstin përsëri.
field-error-invalid_email = Shkruani një adresë e-maili si emri@example.org.
field-error-invalid_url = „{ $label }“ duhet të jetë adresë interneti që fillon me https:// ose http://.
field-error-choose_one = Zgjidhni një te „{ $label }“.
field-error-choose_at_least_one = Zgjidhni të paktën një te „{ $label }“.
field-error-not_a_choice = Zgjidhni një nga mundësitë që jepen te „{ $label }“.
field-error-too_many = „{ $label }“ mban deri në { $max } zëra; ka { $count }.

## Etiketa të mbledhjeve dhe praktikave në faqet publike
meeting-state-draft = Draft
meeting-state-convened = E thirrur
meeting-state-held = E zhvilluar
meeting-state-minutes_drafted = Procesverbali po shkruhet
meeting-state-minutes_approved = Procesverbali u miratua
meeting-state-published = Procesverbali u publikua
meeting-state-cancelled = E anuluar
meeting-kind-regular = E rregullt
meeting-kind-extraordinary = E jashtëzakonshme
meeting-mode-in_person = Me prani fizike
meeting-mode-remote = Në distancë
meeting-mode-hybrid = Me prani dhe në distancë
decision-kind-decision = Vendim
decision-kind-recommendation = Rekomandim
decision-result-adopted = U miratua
decision-result-rejected = U refuzua
attendance-present = I pranishëm
attendance-absent = Mungon
attendance-excused = Mungesë e justifikuar
attendance-substitute_present = I pranishëm zëvendësi
sector-municipality = Pushteti vendor
sector-civil_society = Shoqëria civile
sector-business = Biznesi
sector-academia = Bota akademike
sector-international_organisation = Organizatat ndërkombëtare
sector-other = Sektor tjetër
audience-refugees = Refugjatë
audience-asylum_seekers = Azilkërkues
audience-migrants = Migrantë
audience-unaccompanied_minors = Të mitur të pashoqëruar
audience-women = Gra
audience-children = Fëmijë
audience-youth = Të rinj
audience-families = Familje
audience-professionals = Profesionistë
audience-general_public = Publiku i gjerë

## Çfarë mbajmë për një abonent (e drejta e aksesit)
held-link = Shikoni ose shkarkoni çfarë mbajmë për ju
held-title = Çfarë mbajmë për ju
held-intro = Gjithçka që { $municipality } mban për këtë abonim në këtë platformë, dhe mesazhet e 30 ditëve të fundit. Asgjë tjetër për ju nuk mbahet këtu.
held-subscription = Abonimi juaj
held-email = Adresa e-mail
held-municipality = Bashkia
held-state = Gjendja
held-state-pending = Në pritje të konfirmimit tuaj
held-state-active = Aktiv
held-state-stopped = I ndalur: mesazhet drejt adresës u kthyen
held-topics = Temat
held-language = Gjuha e mesazheve
held-cadence = Sa shpesh
held-consent = Pëlqimi juaj
held-created = Kërkuar për herë të parë
held-requested = Kërkuar për herë të fundit
held-confirmed = Konfirmuar
held-from = nga adresa e internetit { $address }
held-no-record = Kur dhe nga ku u kërkua ky abonim nuk u regjistrua: është më i vjetër se ky regjistrim.
held-messages = Mesazhet e 30 ditëve të fundit
held-subject = Subjekti
held-written = Shkruar
held-sent = Dërguar
held-not-sent = Pa dërguar
held-no-messages = Asnjë mesazh në 30 ditët e fundit.
held-download = Shkarkoni gjithçka si skedar (JSON)
held-back = Kthehuni te preferencat tuaja

## Faqet që kërkon ligji: njoftimet për privatësinë, deklarata e aksesueshmërisë, cookies
footer-privacy = Privatësia
footer-accessibility = Aksesueshmëria
footer-cookies = Cookies
legal-updated = Rishikimi i fundit: { $date }.
privacy-title = Njoftim për privatësinë
privacy-municipality-title = Njoftim për privatësinë: { $municipality }
privacy-platform-intro = Ky njoftim ka të bëjë me të dhënat që mbajnë operatorët e platformës: llogaritë e personave që punojnë në të (punonjës bashkiakë, anëtarë të këshillave, autorë praktikash të mira, administratorë). Të dhënat që mban një bashki për banorët e saj shpjegohen në njoftimin e saj.
privacy-municipalities = Njoftimi i secilës bashki
privacy-controller = Kush është përgjegjës
privacy-controller-municipality = { $municipality } është kontrolluesi i të dhënave personale në faqet e saj dhe në lajmërimet e saj për banorët. Mund t’i shkruani në { $email }.
privacy-controller-no-email = { $municipality } është kontrolluesi i të dhënave personale në faqet e saj dhe në lajmërimet e saj për banorët.
privacy-controller-platform = Operatorët e platformës janë kontrolluesi i llogarive të përshkruara më poshtë. Mund t’u shkruani në { $email }.
privacy-dpo = Zyrtari për mbrojtjen e të dhënave
privacy-dpo-named = { $name }, në { $email }.
privacy-dpo-address = Në { $email }.
privacy-dpo-missing = Bashkia nuk i ka publikuar ende këtu të dhënat e kontaktit të zyrtarit të saj për mbrojtjen e të dhënave. Shkruani bashkisë, e cila do ta përcjellë mesazhin tuaj.
privacy-what = Çfarë ruajmë, pse dhe për sa kohë
privacy-subscriptions = Abonimet për lajmërime: adresa juaj e email-it, gjuha, temat dhe sa shpesh dëshironi të merrni email, si dhe kur dhe nga cila adresë interneti (IP) e bëtë dhe e konfirmuat kërkesën. I ruajmë sepse ju i kërkuat lajmërimet (pëlqimi juaj), derisa të çregjistroheni. Një kërkesë që nuk konfirmohet kurrë fshihet pas { $days ->
    [one] { $days } dite
   *[other] { $days } ditësh
}.
privacy-messages = Mesazhet që ju dërgojmë: teksti i tyre dhe adresa juaj ruhen për { $days ->
    [one] { $days } ditë
   *[other] { $days } ditë
} pas dërgimit, që të mund t’u përgjigjemi pyetjeve rreth tyre; pas kësaj mbetet vetëm shënimi që mesazhi u dërgua.
privacy-feedback = Komentet për një praktikë të mirë: emri dhe mesazhi juaj publikohen sapo t’i miratojë një moderator; adresa juaj e email-it nuk shfaqet kurrë dhe fshihet { $days ->
    [one] { $days } ditë
   *[other] { $days } ditë
} pas vendimit të moderatorit.
privacy-requests = Kërkesat për qasje në hapësirën e punës: emri juaj, organizata, adresa dhe arsyeja, derisa të vendosë një administrator; një kërkesë e refuzuar fshihet { $days ->
    [one] { $days } ditë
   *[other] { $days } ditë
} më vonë.
privacy-council = Dokumentet e këshillit: emrat dhe rolet e anëtarëve të këshillit, rendet e ditës, vendimet dhe procesverbalet e tij janë dokumente publike që bashkia i mban sipas ligjit (detyra e saj publike).
privacy-accounts = Llogaritë: adresa juaj e email-it dhe emri, rolet tuaja, seancat tuaja (derisa të dilni ose të skadojnë) dhe lidhjet e hyrjes (derisa të skadojnë ose të përdoren).
privacy-audit = Regjistri i auditimit: kush hyri dhe kush dha ose ndryshoi çfarë, me orën dhe adresën e internetit (IP); ruhet për { $years ->
    [one] { $years } vit
   *[other] { $years } vjet
} që platforma të jetë e sigurt dhe të mund të jepet llogari për çdo veprim.
privacy-no-sharing = Ne nuk i shesim dhe nuk i ndajmë me të tjerë të dhënat tuaja, nuk shfaqim reklama dhe nuk përdorim gjurmim ose analitikë. Email-et dërgohen përmes shërbimit të postës elektronike të bashkisë.
privacy-rights = Të drejtat tuaja
privacy-rights-text = Ju mund të shihni se çfarë ruajmë për ju, ta korrigjoni, të kërkoni që të fshihet ose të kundërshtoni përdorimin e tij.
privacy-rights-residents = Banorët: çdo mesazh ka një lidhje për te preferencat tuaja, ku mund ta ndryshoni ose ta anuloni abonimin dhe të shkarkoni çfarë ruajmë për ju.
privacy-rights-accounts = Personat me llogari: faqja e llogarisë suaj tregon rolet, seancat dhe shënimet e regjistrit të auditimit që ju përkasin, dhe mund t’i shkarkoni të gjitha. Për ta fshirë llogarinë tuaj, shkruajuni operatorëve të platformës.
privacy-complaint = Nëse mendoni se i trajtojmë keq të dhënat tuaja, mund të bëni ankesë në Autoritetin Grek për Mbrojtjen e të Dhënave Personale (www.dpa.gr).
accessibility-title = Deklarata e aksesueshmërisë
accessibility-intro = Kjo deklaratë vlen për faqet e platformës ΣΕΜΠ në { $site }. Bashkitë që e përdorin janë organe të sektorit publik sipas Direktivës (BE) 2016/2102 dhe ligjit grek 4591/2019.
accessibility-status = Statusi i përputhshmërisë
accessibility-status-text = Këto faqe janë pjesërisht në përputhje me Udhëzimet për Aksesueshmërinë e Përmbajtjes në Ueb (WCAG) 2.1, niveli AA, dhe me standardin evropian EN 301 549, për shkak të përjashtimeve të renditura më poshtë.
accessibility-checks = Si kontrollojmë
accessibility-checks-text = Çdo faqe, edhe me mesazhet e gabimit të shfaqura, kontrollohet në çdo ndryshim të platformës: me axe-core në një shfletues të vërtetë me gjerësi 390 piksel, me W3C Nu HTML checker dhe me teste që i përdorin faqet me tastierë dhe përmes emrave që lexon një lexues ekrani. Faqet funksionojnë pa JavaScript.
accessibility-exceptions = Përmbajtje që nuk është e aksesueshme
accessibility-exception-documents = Dokumentet që ngarkojnë bashkitë (shtojcat e rendeve të ditës, procesverbalet në PDF) mund të mos jenë të aksesueshme. Teksti i vendimeve dhe i procesverbaleve shfaqet edhe në faqe.
accessibility-exception-languages = Lajmërimet shkruhen nga çdo bashki në greqisht dhe shpesh në anglisht; përkthimet në gjuhë të tjera nuk janë gjithmonë të disponueshme.
accessibility-exception-maps = Lidhjet për harta dhe faqe të tjera çojnë te shërbime që platforma nuk i kontrollon.
accessibility-prepared = Kjo deklaratë u përgatit më { $date } me vetëvlerësim, bazuar në kontrollet e përshkruara më sipër.
accessibility-feedback = Komente dhe kontakt
accessibility-feedback-text = Nëse hasni një pengesë ose keni nevojë për një faqe apo dokument në format tjetër, shkruani në { $email }. Ne përgjigjemi brenda 30 ditëve.
accessibility-enforcement = Procedura e zbatimit
accessibility-enforcement-text = Nëse përgjigjja jonë nuk ju kënaq, mund t’i drejtoheni Avokatit të Popullit të Greqisë (Συνήγορος του Πολίτη, www.synigoros.gr), i cili shqyrton ankesat për organet publike.
cookies-title = Cookies
cookies-intro = Platforma përdor vetëm cookies që i nevojiten për të funksionuar. Nuk përdor cookies analitike, reklamash ose gjurmimi, prandaj nuk ju kërkon pëlqimin.
cookies-name = Emri
cookies-purpose = Për çfarë shërben
cookies-expires = Sa zgjat
cookies-session-purpose = Ju mban të identifikuar në platformë.
cookies-session-expires = Derisa të dilni, ose pas { $hours ->
    [one] { $hours } ore
   *[other] { $hours } orësh
} (më herët nëse nuk përdoret për { $idle ->
    [one] { $idle } orë
   *[other] { $idle } orë
}).
cookies-csrf-purpose = Mbron formularët që dërgoni, që të mos i dërgojë një faqe tjetër në emrin tuaj.
cookies-csrf-expires = Derisa të mbyllni shfletuesin.
cookies-oidc-purpose = Ju lidh me hyrjen tuaj përmes një ofruesi identiteti.
cookies-oidc-expires = 10 minuta.
cookies-lang-purpose = Mban mend gjuhën që keni zgjedhur.
cookies-lang-expires = 1 vit.
