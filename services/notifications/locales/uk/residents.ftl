# Листи мешканцям, які підписалися на сповіщення ради ΣΕΜΠ, українською.
# Кожен, хто добре пише українською, може покращити цей файл: зберігайте кожен ключ і кожен
# { $placeholder }, пишіть короткими, простими реченнями і надсилайте зміни команді платформи.
# Назви в { $municipality } та { $title } муніципалітет пише грецькою або англійською.
# Messages to residents who subscribed to a council's notices, in Ukrainian. Anyone who writes
# Ukrainian well may improve this file: keep each key and each { $placeholder }, and send the
# change to the platform's team.

hello = Доброго дня!
confirm_subject = Підтвердьте підписку: { $municipality }
confirm_intro = Підтвердьте, будь ласка, що ви хочете отримувати на e-mail сповіщення від: { $municipality }.
confirm_action = Щоб підтвердити, відкрийте це посилання:
confirm_button = Підтвердити підписку
confirm_expiry = Посилання діє три дні.
confirm_ignore = Якщо ви цього не запитували, просто не зважайте на цей лист: вам нічого не надсилатимуть.
active_subject = Ви вже підписані: { $municipality }
already_active = Ви вже підписані на сповіщення від: { $municipality }.
why = Ви отримали цей лист, бо підписалися на ці сповіщення.
preferences = Змінити налаштування
unsubscribe = Відписатися
when = Дата й час
reason = Причина
what_changed = Що виправлено
agenda = Порядок денний
decisions = Рішення та рекомендації
read_more = Докладніше
convened = Нове засідання ради: { $title }
postponed = Засідання перенесено: { $title }
cancelled = Засідання скасовано: { $title }
minutes = Оприлюднено протокол: { $title }
minutes_corrected = Протокол виправлено: { $title }
decision_corrected = Рішення виправлено: { $title }
recommendation_corrected = Рекомендацію виправлено: { $title }
practice = Нова добра практика: { $title }
decision_line = { $kind ->
    [recommendation] Рекомендація
   *[decision] Рішення
} № { $number } (питання { $item }: { $title }): { $result ->
    [rejected] відхилено
   *[adopted] ухвалено
}
digest = Ваші сповіщення: { $municipality }
digest_count = { $count ->
    [one] { $count } нове сповіщення після нашого останнього листа.
    [few] { $count } нові сповіщення після нашого останнього листа.
    [many] { $count } нових сповіщень після нашого останнього листа.
   *[other] { $count } нового сповіщення після нашого останнього листа.
}
content_in_el = Рада веде свої засідання грецькою, тому назви та порядок денний — грецькою мовою.
content_in_en = Назви та порядок денний — англійською, як їх написала рада.
