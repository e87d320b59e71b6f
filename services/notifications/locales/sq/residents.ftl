# Mesazhe për banorët që janë abonuar te njoftimet e një këshilli, në shqip.
# Kushdo që shkruan mirë shqip mund ta përmirësojë këtë skedar: mbani çdo çelës dhe çdo { $placeholder }
# ashtu siç janë, shkruani fjali të shkurtra e të thjeshta dhe ia dërgoni ndryshimin ekipit të platformës.
# Emrat te { $municipality } dhe { $title } i shkruan bashkia, në greqisht ose në anglisht.
# English: Messages to residents who subscribed to a council's notices, in Albanian. Anyone who writes
# Albanian well may improve this file: keep each key and each { $placeholder }, and send the change to the platform's team.

hello = Përshëndetje,
confirm_subject = Konfirmoni abonimin tuaj: { $municipality }
confirm_intro = Ju lutemi konfirmoni që doni të merrni me e-mail njoftimet nga { $municipality }.
confirm_action = Për ta konfirmuar, hapni këtë lidhje:
confirm_button = Konfirmo abonimin tim
confirm_expiry = Lidhja vlen për tri ditë.
confirm_ignore = Nëse nuk e keni kërkuar ju, mos i kushtoni rëndësi këtij mesazhi: nuk do t’ju dërgojmë asgjë.
active_subject = Jeni abonuar tashmë: { $municipality }
already_active = Jeni abonuar tashmë te njoftimet nga { $municipality }.
why = E merrni këtë mesazh sepse jeni abonuar te këto njoftime.
preferences = Ndryshoni preferencat tuaja
unsubscribe = Çabonohu
when = Kur
reason = Arsyeja
what_changed = Çfarë u korrigjua
agenda = Rendi i ditës
decisions = Vendimet dhe rekomandimet
read_more = Lexoni më shumë
convened = Mbledhje e re e këshillit: { $title }
postponed = Mbledhja u shty: { $title }
cancelled = Mbledhja u anulua: { $title }
minutes = U publikua procesverbali: { $title }
minutes_corrected = U korrigjua procesverbali: { $title }
decision_corrected = U korrigjua vendimi: { $title }
recommendation_corrected = U korrigjua rekomandimi: { $title }
practice = Praktikë e mirë e re: { $title }
decision_line = { $kind ->
    [recommendation] Rekomandimi
   *[decision] Vendimi
} { $number } (pika { $item }: { $title }): { $result ->
    [rejected] u refuzua
   *[adopted] u miratua
}
digest = Njoftimet tuaja: { $municipality }
digest_count = { $count ->
    [one] Një njoftim i ri që nga mesazhi ynë i fundit.
   *[other] { $count } njoftime të reja që nga mesazhi ynë i fundit.
}
content_in_el = Këshilli i shkruan mbledhjet e tij në greqisht, prandaj titujt dhe rendi i ditës janë në greqisht.
content_in_en = Titujt dhe rendi i ditës janë në anglisht, ashtu siç i shkroi këshilli.
