# Публічні сторінки платформи ΣΕΜΠ українською: те, що читають мешканці, відвідувачі та майбутні члени рад.
# Кожен, хто добре пише українською, може покращити цей файл (або його копію на платформі перекладу):
# зберігайте кожен ключ і кожен { $placeholder }, пишіть короткими, простими реченнями
# і надсилайте зміни команді платформи. Грецька, англійська та інші мови цих сторінок мають однакові ключі.
# Public pages of the ΣΕΜΠ platform, in Ukrainian. Anyone who writes Ukrainian well may improve this file:
# keep each key and each { $placeholder }, and send the change to the platform's team.

site-name = Платформа ΣΕΜΠ
site-tagline = Ради з інтеграції мігрантів і біженців при муніципалітетах
skip-to-content = Перейти до змісту
language-switch-label = Мова
main-navigation = Головне меню
nav-municipalities = Муніципалітети
nav-api = API для розробників
footer-about = Платформа рад з інтеграції мігрантів і біженців (ΣΕΜΠ) грецьких муніципалітетів.
footer-example-data = Члени рад із позначкою «приклад» — вигадані дані для демонстрації.

home-title = Муніципалітети та їхні ради
home-intro = Кожен муніципалітет Греції створює Раду з інтеграції мігрантів і біженців (ΣΕΜΠ). Це дорадчий орган з питань інтеграції мігрантів і біженців у місцеву громаду. Оберіть муніципалітет, щоб побачити його сторінку та його раду.
home-count = { $count ->
    [0] Муніципалітетів ще немає.
    [one] { $count } муніципалітет
    [few] { $count } муніципалітети
    [many] { $count } муніципалітетів
   *[other] { $count } муніципалітету
}
home-empty = Жодного муніципалітету ще не додано.
region = Регіон
visit-profile = Сторінка та рада: { $name }

tenant-archived = Цей муніципалітет перенесено в архів. Інформацію збережено для довідки, але вона більше не оновлюється.
tenant-website = Вебсайт муніципалітету
tenant-contact = Написати раді
content-language-notice = { $shown ->
    [el] Муніципалітет пише цей текст грецькою, тому він показаний грецькою.
    [en] Муніципалітет пише цей текст грецькою та англійською; тут він показаний англійською.
   *[both] Муніципалітет пише цей текст грецькою та англійською; одні частини показані грецькою, інші — англійською.
}
fallback-notice = Частину змісту показано грецькою, бо англійського перекладу ще немає.
section-introduction = Про нас
section-key-figures = Основні цифри
section-programmes = Служби та програми
section-achievements = Чого ми досягли
section-goals = Наші цілі
section-council = Рада з інтеграції мігрантів і біженців
figure-year = ({ $year })
figure-source = Джерело:
more-information = Докладніше: { $title }
council-decision = Рішення про створення
council-term = Строк повноважень
council-term-range = з { $start } до { $end }
council-not-recorded = Муніципалітет ще не вніс дані про свою раду.
council-members = Члени ради
council-members-count = { $regular ->
    [one] { $regular } основний член
    [few] { $regular } основні члени
    [many] { $regular } основних членів
   *[other] { $regular } основного члена
} і { $substitute ->
    [one] { $substitute } запасний член
    [few] { $substitute } запасні члени
    [many] { $substitute } запасних членів
   *[other] { $substitute } запасного члена
}
council-no-members = Членів ради ще не внесено.
member-name = Ім’я
member-role = Посада
member-category = Кого представляє
member-organisation = Організація
member-membership = Членство
member-example = приклад
member-example-explained = Вигаданий член ради для демонстрації, а не реальна людина.
role-president = Голова
role-member = Член ради
role-secretary = Секретар
category-other = Інше
membership-regular = Основний
membership-substitute = Запасний

error-not-found-title = Сторінку не знайдено
error-not-found-text = За цією адресою нічого немає. Можливо, посилання застаріле або в ньому помилка.
error-request-title = Цей запит неможливо обробити
error-request-text = Адреса існує, але не приймає такого запиту.
error-server-title = Щось пішло не так
error-server-text = Сталася помилка на нашому боці, ми її зафіксували. Спробуйте ще раз трохи згодом.
error-request-id = Номер запиту: { $id }
back-home = Назад до муніципалітетів
workspace-nav = Мій робочий простір
field-error-required = Заповніть поле «{ $label }».
document-sign-in-title = Увійдіть, щоб відкрити цей документ
document-sign-in-text = Цей документ бачать лише члени ради та її секретаріат, або його вже не існує. Якщо ви член ради, увійдіть: після входу ви повернетеся сюди.
document-unavailable-title = Цей документ недоступний
document-unavailable-text = Документа не існує, або обліковий запис, з яким ви увійшли, не має до нього доступу. Якщо ви отримали його як член ради, увійдіть з адресою, на яку прийшло ваше запрошення.

sign-in = Увійти
sign-out = Вийти
signed-in-as = Ви увійшли як { $name }
sign-in-title = Вхід
sign-in-intro = Тут входять члени рад, секретарі та працівники муніципалітету. Мешканцям обліковий запис не потрібен.
sign-in-providers = Через обліковий запис
sign-in-with = Увійти через { $provider }
sign-in-link-heading = Через посилання на e-mail
sign-in-link-intro = Немає облікового запису? Введіть адресу, на яку прийшло ваше запрошення, і ми надішлемо вам посилання для входу. Воно діє один раз і лише 15 хвилин.
email-label = Адреса e-mail
sign-in-link-button = Надіслати мені посилання для входу
signed-in-already = Ви увійшли як { $email }.
link-sent-title = Перевірте свою пошту
link-sent-text = Якщо ця адреса належить користувачу платформи, посилання для входу вже надіслано. Воно діє один раз і лише 15 хвилин.
link-mail-subject = Ваше посилання для входу на платформу ΣΕΜΠ
link-mail-text = Вітаємо!

    Скористайтеся цим посиланням, щоб увійти на платформу ΣΕΜΠ. Воно діє один раз і лише { $minutes } хв:
    { $url }

    Якщо ви його не запитували, просто не зважайте на цей лист: без посилання ніхто не зможе увійти.
link-confirm-text = Натисніть кнопку, щоб завершити вхід.
link-confirm-button = Увійти
sign-in-failed-title = Не вдалося увійти
sign-in-again = Спробувати увійти ще раз
too-many-attempts = Забагато спроб. Зачекайте { $seconds } с і спробуйте ще раз.
csrf-title = Час дії цієї форми минув
csrf-text = З міркувань безпеки форму не прийнято. Поверніться назад, оновіть сторінку та спробуйте ще раз.
account-title = Ваш обліковий запис
access-role-platform-admin = Адміністратор платформи
access-role-tenant-admin = Адміністратор муніципалітету
access-role-secretary = Секретар ради
access-role-council-member = Член ради
access-role-practice-author = Автор доброї практики

sign-in-error-unknown-state = Ця спроба входу невідома, уже використана або застаріла. Почніть, будь ласка, спочатку.
sign-in-error-other-browser = Вхід розпочато в іншому браузері. Почніть, будь ласка, спочатку тут.
sign-in-error-unknown-provider = Цей спосіб входу більше недоступний.
sign-in-error-unreachable = Сервіс входу зараз недоступний. Спробуйте, будь ласка, пізніше.
sign-in-error-forbidden-address = Сервіс входу розташований за адресою, з якою платформа не з’єднується (цей комп’ютер або приватна мережа). Повідомте, будь ласка, адміністраторів муніципалітету.
sign-in-error-refused = Сервіс входу відмовив у вході. Почніть, будь ласка, спочатку.
sign-in-error-invalid-token = Не вдалося перевірити відповідь сервісу входу, тому вхід не виконано.
sign-in-error-no-verified-email = Ваш сервіс входу не підтвердив вашу адресу e-mail, тому ми не можемо встановити, хто ви.
sign-in-error-link-unknown = Це посилання для входу недійсне. Запросіть нове.
sign-in-error-link-used = Це посилання для входу вже використано. Запросіть нове.
sign-in-error-link-expired = Термін дії цього посилання для входу минув. Запросіть нове.

meetings-nav = Засідання ради
meetings-title = Засідання: { $council }
meetings-calendar-link = Календар засідань (iCalendar)
meetings-atom-link = Стрічка протоколів і рішень (Atom)
meetings-search-label = Пошук у назвах, питаннях порядку денного та протоколах
meetings-year-label = Рік
meetings-any-year = Усі роки
meetings-state-label = Стан
meetings-any-state = Будь-який стан
meetings-search-button = Шукати
meetings-upcoming = Найближчі засідання
meetings-past = Минулі засідання
meetings-results = Результати
meetings-count = { $count ->
    [0] Засідань не знайдено.
    [one] { $count } засідання
    [few] { $count } засідання
    [many] { $count } засідань
   *[other] { $count } засідання
}
pagination-label = Сторінки
meeting-heading = Засідання { $number }: { $title }
meeting-postponed = Перенесено
meeting-cancel-reason = Причина
meeting-draft-notice = Чернетка засідання: її бачать лише члени ради та секретаріат.
meeting-cancelled-notice = Це засідання скасовано.
meeting-starts = Початок
meeting-ends = Кінець
meeting-kind = Вид
meeting-mode = Формат
meeting-location = Місце
meeting-online = Посилання на відеозв’язок
meeting-calendar-link = Додати до календаря (.ics)
meeting-postponements = Перенесення
meeting-postponed-from-to = З { $from } на { $to }
meeting-documents = Документи засідання
meeting-agenda = Порядок денний
meeting-agenda-empty = У порядку денному ще немає питань.
item-urgent = Додано на засіданні (терміново)
item-closed = Закрите питання
item-withdrawn = Знято з розгляду
item-rapporteur = Доповідач
decision-ada = ADA (портал прозорості «Діавгія»)
decision-votes = За: { $for }, проти: { $against }, утрималися: { $abstain }
decision-dissent = Окремі думки
version-label = Версія { $version }
version-changed = Виправлено у версії { $version }
earlier-versions = Попередні версії
meeting-attendance = Присутність
attendance-summary = Присутні { $present } з { $in_office } членів ради.
attendance-quorum = Кворум був.
attendance-no-quorum = Кворуму не було, тому засідання не ухвалило жодних рішень.
attendance-status = Присутність
meeting-minutes = Протокол
minutes-published-on = оприлюднено
minutes-draft = чернетка, не оприлюднено
minutes-approved-by-meeting = Затверджено на наступному засіданні { $date }.
minutes-approved-by-president = Затверджено головою ради { $date }.
minutes-print-link = Протокол для друку
minutes-print-title = Протокол: { $meeting }
minutes-back-to-meeting = Назад до засідання
minutes-not-latest = Це не чинна версія протоколу.

practices-nav = Добрі практики
practices-title = Добрі практики інтеграції
practices-of-municipality = Добрі практики: { $name }
practices-of-municipality-nav = Добрі практики муніципалітету
practices-lead = Практики інтеграції мігрантів і біженців від муніципалітетів та організацій з усієї країни. Кожне місто може вчитися на них і впроваджувати їх у себе.
practices-search-label = Пошук у назвах та описах
practices-sort-label = Сортувати
practices-sort-relevance = За відповідністю
practices-sort-date = Спочатку нові
practices-search-button = Шукати
practices-filters = Фільтри
practices-clear-filters = Скинути фільтри
practices-facet-sector = Сфера
practices-facet-theme = Тематичний напрям
practices-facet-sdg = Цілі сталого розвитку
practices-facet-municipality = Муніципалітет
practices-facet-audience = Цільова група
practices-facet-year = Рік
practices-facet-count = { $count ->
    [one] { $count } практика
    [few] { $count } практики
    [many] { $count } практик
   *[other] { $count } практики
}
practices-results = Результати
practices-count = { $count ->
    [0] Практик не знайдено.
    [one] { $count } практика
    [few] { $count } практики
    [many] { $count } практик
   *[other] { $count } практики
}
practices-csv-link = Завантажити список (CSV)
practice-archived-tag = В архіві
sdg-1 = Подолання бідності
sdg-2 = Подолання голоду
sdg-3 = Міцне здоров’я і благополуччя
sdg-4 = Якісна освіта
sdg-5 = Гендерна рівність
sdg-6 = Чиста вода та належні санітарні умови
sdg-7 = Доступна та чиста енергія
sdg-8 = Гідна праця та економічне зростання
sdg-9 = Промисловість, інновації та інфраструктура
sdg-10 = Скорочення нерівності
sdg-11 = Сталий розвиток міст і громад
sdg-12 = Відповідальне споживання та виробництво
sdg-13 = Боротьба зі зміною клімату
sdg-14 = Збереження морських ресурсів
sdg-15 = Захист та відновлення екосистем суші
sdg-16 = Мир, справедливість та сильні інститути
sdg-17 = Партнерство заради сталого розвитку
practice-organisation = Організація
practice-sector = Сфера
practice-themes = Тематичні напрями
practice-audiences = Цільові групи
practice-duration = Тривалість
practice-duration-ongoing-from = З { $from }, триває досі
practice-duration-ongoing = Триває
practice-duration-from-to = з { $from } до { $to }
practice-duration-from = З { $from }
practice-duration-to = До { $to }
practice-places = Де
practice-partners = Організації-партнери
practice-objective = Мета
practice-target-audience = Для кого
practice-description = Опис
practice-impact = Вплив на суспільство
practice-staff = Участь працівників
practice-volunteers = Участь волонтерів
practice-results = Результати за роками
practice-results-caption = Показники за роками, як їх подала організація.
practice-results-measure = Показник
practice-goals = Цілі сталого розвитку ООН
practice-links = Посилання
practice-published-on = Оприлюднено
practice-unpublished = Цю практику не оприлюднено ({ $state }): її бачать лише автор і модератори.
practice-state-draft = чернетка
practice-state-submitted = подано
practice-state-published = оприлюднено
practice-state-rejected = відхилено
practice-state-archived = в архіві
practice-archived-notice = Цю практику перенесено в архів: її можна читати, але вона більше не оновлюється.
practice-print-link = Друкувати
practice-export-link = Завантажити як JSON
practice-back = Назад до практики
practice-adopters = Муніципалітети, які її впровадили
practice-no-adopters = Поки що жоден муніципалітет не повідомив, що впровадив цю практику.
practice-opinions = Думки читачів
practice-opinion-anonymous = Анонімно
practice-no-opinions = Ще не оприлюднено жодної думки.
practice-feedback-heading = Поділіться своєю думкою
practice-feedback-thanks = Дякуємо! Вашу думку буде показано, щойно її схвалить модератор.
practice-feedback-limited = Ви надіслали багато повідомлень за короткий час. Спробуйте, будь ласка, пізніше.
practice-feedback-name = Ім’я (необов’язково)
practice-feedback-email = E-mail
practice-feedback-email-hint = Її ніде не показують: вона потрібна нам лише, щоб зв’язатися з вами.
practice-feedback-body = Ваша думка
practice-feedback-send = Надіслати
practice-documents = Документи
subscribe-nav = Сповіщення на e-mail
subscribe-title = Сповіщення на e-mail
subscribe-lead = Дізнавайтеся першими про засідання ради, протоколи та добрі практики. Обліковий запис не потрібен.
subscribe-email = E-mail
subscribe-topics = Про що ви хочете отримувати сповіщення
subscribe-language = Мова повідомлень
subscribe-cadence = Коли
subscribe-privacy = Ми надішлемо вам лист для підтвердження. Доки ви не відкриєте посилання в ньому, більше нічого не надсилатимемо. У кожному листі є посилання, щоб відписатися одним кліком.
subscribe-button = Підписатися
topic-meetings = Нові засідання, перенесення та скасування
topic-minutes = Протоколи та рішення
topic-practices = Добрі практики муніципалітету
cadence-immediate = Одразу, про кожну новину
cadence-digest = Усе разом, раз на тиждень
subscribe-sent-title = Перевірте свою пошту
subscribe-sent-text = Ми надіслали вам лист із посиланням для підтвердження підписки. Якщо не бачите його, перевірте також папку «Спам».
subscribe-limited = Надійшло багато запитів за короткий час. Спробуйте, будь ласка, пізніше.
confirm-title = Підтвердьте підписку
confirm-text = Натисніть кнопку, щоб почати отримувати сповіщення.
confirm-button = Підтвердити
confirmed-title = Вашу підписку підтверджено
confirmed-text = Відтепер ви отримуватимете сповіщення, які обрали.
link-invalid-title = Це посилання недійсне
link-invalid-text = Термін дії посилання минув або підписку скасовано. Ви можете підписатися знову на сторінці муніципалітету.
preferences-title = Ваші налаштування
preferences-for = Сповіщення на адресу { $email }
preferences-saved = Ваші зміни збережено.
preferences-save = Зберегти
preferences-leave = Відписатися
preferences-link = Ваші налаштування
unsubscribe-title = Відписатися від сповіщень
unsubscribe-text = Натисніть кнопку, і ви більше не отримуватимете листів.
unsubscribe-button = Відписатися
unsubscribed-title = Ви відписалися
unsubscribed-text = Ви більше не отримуватимете сповіщень. Підписатися знову можна будь-коли.
erase-text = Видалити всі дані про вас: підписку та надіслані вам листи буде стерто. Залишиться лише відбиток (hash) адреси, щоб ніхто не зміг знову підписати вас без вашої згоди.
erase-button = Видалити мої дані
erased-title = Ваші дані видалено
erased-text = Ми більше не зберігаємо вашу адресу та листи до вас.

## The workspace's forms and meeting pages
form-error-summary = Є проблема
form-error-prefix = Помилка:
form-cancel = Скасувати
form-conflict = Не вдалося виконати дію: { $reason }
field-error-invalid = Перевірте поле «{ $label }»: { $reason }
field-error-negative = Значення «{ $label }» не може бути меншим за нуль.
error-forbidden-title = Ви не можете користуватися цією сторінкою
error-forbidden-text = Ваш обліковий запис не має ролі, яка це дозволяє. Якщо вважаєте, що має, зверніться до адміністраторів свого муніципалітету.

decision-kind = Вид
decision-result = Результат
erase-confirm-title = Видалити всі дані про вас?
form-changed-meanwhile-any = Поки форма була відкрита, хтось інший змінив ці дані. Ваш текст нижче, його не збережено. Відкрийте сторінку в іншій вкладці, щоб побачити іншу зміну; щоб зберегти свою замість неї, натисніть кнопку ще раз.

## Requests for access (public form and workspace)
ask-nav = Запит на доступ до платформи
ask-title = Запит на доступ
ask-lead = Якщо ви хочете подати добру практику від імені організації або ви новий член ради, надішліть запит на доступ. Адміністратори муніципалітету розглянуть ваш запит і дадуть відповідь на e-mail.
ask-name = Ім’я та прізвище
ask-organisation = Організація (необов’язково)
ask-organisation-hint = Наприклад, громадська організація чи громада, яку ви представляєте.
ask-email = Адреса e-mail
ask-email-hint = Сюди надійде запрошення або відповідь.
ask-role = Що ви хочете робити на платформі
ask-reason = Навіщо вам доступ
ask-reason-hint = Кілька слів про себе і про те, що ви хочете робити.
ask-privacy = Те, що ви тут пишете, бачать лише адміністратори муніципалітету, щоб відповісти на ваш запит.
ask-submit = Надіслати запит
ask-limited = Ви надіслали багато запитів за короткий час. Спробуйте ще раз за годину.
ask-sent-title = Ваш запит надіслано
ask-sent-text = Адміністратори муніципалітету розглянуть його і дадуть відповідь на вказану вами адресу e-mail.
ask-back = Назад до сторінки муніципалітету
moderation-adopt-heading = Ми впровадили цю практику
moderation-adopt-for = Від імені муніципалітету:
moderation-withdraw-link = Скасувати впровадження

## Підписи й помилки, спільні для публічних сторінок і робочого простору
role-vice_president = Заступник голови
category-municipal_councillor = Депутат міської ради
category-civil_society = Громадянське суспільство
category-migrant_community = Представник мігрантів і біженців
practice-state-in_review = на розгляді
practice-state-changes_requested = потрібні зміни
field-error-too_long = Поле «{ $label }» має містити не більше ніж { $max } символів; зараз їх { $length }.
field-error-control_characters = Поле «{ $label }» містить керівні символи. Введіть або вставте текст ще раз.
field-error-invalid_email = Введіть адресу e-mail у форматі name@example.org.
field-error-invalid_url = Поле «{ $label }» має містити адресу сайту, що починається з https:// або http://.
field-error-choose_one = Виберіть один варіант у полі «{ $label }».
field-error-choose_at_least_one = Виберіть хоча б один варіант у полі «{ $label }».
field-error-not_a_choice = Виберіть один із запропонованих варіантів у полі «{ $label }».
field-error-too_many = Поле «{ $label }» вміщує не більше ніж { $max } записів; зараз їх { $count }.

## Підписи засідань і практик на публічних сторінках
meeting-state-draft = Чернетка
meeting-state-convened = Скликано
meeting-state-held = Відбулося
meeting-state-minutes_drafted = Протокол готується
meeting-state-minutes_approved = Протокол затверджено
meeting-state-published = Протокол оприлюднено
meeting-state-cancelled = Скасовано
meeting-kind-regular = Чергове
meeting-kind-extraordinary = Позачергове
meeting-mode-in_person = Очно
meeting-mode-remote = Дистанційно
meeting-mode-hybrid = Змішаний формат
decision-kind-decision = Рішення
decision-kind-recommendation = Рекомендація
decision-result-adopted = Ухвалено
decision-result-rejected = Відхилено
attendance-present = Присутній
attendance-absent = Відсутній
attendance-excused = Відсутній з поважної причини
attendance-substitute_present = Присутній заступник
sector-municipality = Місцеве самоврядування
sector-civil_society = Громадянське суспільство
sector-business = Бізнес
sector-academia = Наука й освіта
sector-international_organisation = Міжнародні організації
sector-other = Інша сфера
audience-refugees = Біженці
audience-asylum_seekers = Шукачі притулку
audience-migrants = Мігранти
audience-unaccompanied_minors = Неповнолітні без супроводу
audience-women = Жінки
audience-children = Діти
audience-youth = Молодь
audience-families = Сім’ї
audience-professionals = Фахівці
audience-general_public = Широкий загал

## Що ми зберігаємо про підписника (право на доступ)
held-link = Переглянути або завантажити, що ми зберігаємо про вас
held-title = Що ми зберігаємо про вас
held-intro = Усе, що { $municipality } зберігає про цю підписку на цій платформі, і повідомлення за останні 30 днів. Нічого іншого про вас тут не зберігається.
held-subscription = Ваша підписка
held-email = Адреса e-mail
held-municipality = Муніципалітет
held-state = Стан
held-state-pending = Очікує вашого підтвердження
held-state-active = Активна
held-state-stopped = Зупинена: листи на цю адресу повернулися
held-topics = Теми
held-language = Мова повідомлень
held-cadence = Як часто
held-consent = Ваша згода
held-created = Перший запит
held-requested = Останній запит
held-confirmed = Підтверджено
held-from = з інтернет-адреси { $address }
held-no-record = Коли і звідки було надіслано запит на цю підписку, не записано: вона старша за цей запис.
held-messages = Повідомлення за останні 30 днів
held-subject = Тема
held-written = Створено
held-sent = Надіслано
held-not-sent = Не надіслано
held-no-messages = За останні 30 днів повідомлень не було.
held-download = Завантажити все одним файлом (JSON)
held-back = Назад до ваших налаштувань

## Сторінки, яких вимагає закон: повідомлення про конфіденційність, заява про доступність, файли cookie
footer-privacy = Конфіденційність
footer-accessibility = Доступність
footer-cookies = Файли cookie
legal-updated = Останній перегляд: { $date }.
privacy-title = Повідомлення про конфіденційність
privacy-municipality-title = Повідомлення про конфіденційність: { $municipality }
privacy-platform-intro = Це повідомлення стосується даних, які зберігають оператори платформи: облікових записів людей, які на ній працюють (працівників муніципалітетів, членів рад, авторів добрих практик, адміністраторів). Які дані муніципалітет зберігає про своїх мешканців, пояснено в його власному повідомленні.
privacy-municipalities = Повідомлення кожного муніципалітету
privacy-controller = Хто відповідає
privacy-controller-municipality = { $municipality } є контролером персональних даних на сторінках муніципалітету та в його оголошеннях для мешканців. Пишіть на адресу { $email }.
privacy-controller-no-email = { $municipality } є контролером персональних даних на сторінках муніципалітету та в його оголошеннях для мешканців.
privacy-controller-platform = Оператори платформи є контролером даних облікових записів, описаних нижче. Пишіть їм на адресу { $email }.
privacy-dpo = Інспектор із захисту даних
privacy-dpo-named = { $name }, адреса: { $email }.
privacy-dpo-address = Адреса: { $email }.
privacy-dpo-missing = Муніципалітет ще не опублікував тут контактні дані свого інспектора із захисту даних. Напишіть муніципалітету — він передасть ваше повідомлення.
privacy-what = Що ми зберігаємо, навіщо і як довго
privacy-subscriptions = Підписки на оголошення: ваша адреса електронної пошти, мова, теми й те, як часто ви хочете отримувати листи, а також коли і з якої інтернет-адреси (IP) ви подали та підтвердили запит. Ми зберігаємо ці дані, бо ви самі попросили надсилати вам оголошення (ваша згода), доки ви не скасуєте підписку. Запит, який так і не підтвердили, видаляється через { $days ->
    [one] { $days } день
    [few] { $days } дні
    [many] { $days } днів
   *[other] { $days } дня
}.
privacy-messages = Повідомлення, які ми вам надсилаємо: їхній текст і вашу адресу ми зберігаємо { $days ->
    [one] { $days } день
    [few] { $days } дні
    [many] { $days } днів
   *[other] { $days } дня
} після надсилання, щоб мати змогу відповісти на запитання про них; після цього залишається лише запис про те, що повідомлення було надіслано.
privacy-feedback = Відгуки про добру практику: ваше ім’я та повідомлення публікуються, щойно їх схвалить модератор; вашу адресу електронної пошти ніколи не показують, і її видаляють через { $days ->
    [one] { $days } день
    [few] { $days } дні
    [many] { $days } днів
   *[other] { $days } дня
} після рішення модератора.
privacy-requests = Запити на доступ до робочого простору: ваше ім’я, організація, адреса та причина запиту — доки адміністратор не ухвалить рішення; відхилений запит видаляється через { $days ->
    [one] { $days } день
    [few] { $days } дні
    [many] { $days } днів
   *[other] { $days } дня
} після рішення.
privacy-council = Документи ради: імена та посади членів ради, її порядки денні, рішення і протоколи — це публічні документи, які муніципалітет зберігає згідно із законом (виконання завдання в суспільних інтересах).
privacy-accounts = Облікові записи: ваша адреса електронної пошти та ім’я, ваші ролі, ваші сеанси (доки ви не вийдете з системи або доки вони не завершаться) і посилання для входу (доки вони не втратять чинність або не будуть використані).
privacy-audit = Журнал аудиту: хто входив у систему і хто надав або змінив що саме, із часом та інтернет-адресою (IP); його зберігають { $years ->
    [one] { $years } рік
    [few] { $years } роки
    [many] { $years } років
   *[other] { $years } року
}, щоб платформа була безпечною, а всі дії можна було перевірити.
privacy-no-sharing = Ми не продаємо ваші дані й не передаємо їх іншим, не показуємо рекламу і не використовуємо відстеження чи аналітику. Листи надсилаються через поштовий сервіс муніципалітету.
privacy-rights = Ваші права
privacy-rights-text = Ви можете переглянути дані, які ми про вас зберігаємо, виправити їх, вимагати їх видалення або заперечити проти їх використання.
privacy-rights-residents = Мешканцям: у кожному листі є посилання на ваші налаштування, де ви можете змінити або скасувати підписку та завантажити дані, які ми про вас зберігаємо.
privacy-rights-accounts = Тим, хто має обліковий запис: на сторінці вашого облікового запису показано ваші ролі, сеанси та записи журналу аудиту, що стосуються вас, і все це можна завантажити. Щоб видалити обліковий запис, напишіть операторам платформи.
privacy-complaint = Якщо ви вважаєте, що ми неналежно поводимося з вашими даними, ви можете подати скаргу до Органу захисту персональних даних Греції (www.dpa.gr).
accessibility-title = Заява про доступність
accessibility-intro = Ця заява стосується сторінок платформи ΣΕΜΠ за адресою { $site }. Муніципалітети, які нею користуються, є органами публічного сектору відповідно до Директиви (ЄС) 2016/2102 і грецького закону 4591/2019.
accessibility-status = Стан відповідності
accessibility-status-text = Ці сторінки частково відповідають Настановам з доступності вебвмісту (WCAG) 2.1 рівня AA та європейському стандарту EN 301 549 через винятки, перелічені нижче.
accessibility-checks = Як ми перевіряємо
accessibility-checks-text = Кожну сторінку, зокрема з показаними повідомленнями про помилки, перевіряють після кожної зміни платформи: за допомогою axe-core у справжньому браузері шириною 390 пікселів, за допомогою W3C Nu HTML checker, а також тестами, які користуються сторінками з клавіатури й за назвами, які зачитує програма зчитування з екрана. Сторінки працюють без JavaScript.
accessibility-exceptions = Недоступний вміст
accessibility-exception-documents = Документи, які завантажують муніципалітети (додатки до порядків денних, протоколи у форматі PDF), можуть бути недоступними. Текст рішень і протоколів також показано на сторінці.
accessibility-exception-languages = Оголошення кожен муніципалітет пише грецькою, а часто й англійською мовою; переклади іншими мовами є не завжди.
accessibility-exception-maps = Посилання на карти та інші сайти ведуть до сервісів, які платформа не контролює.
accessibility-prepared = Цю заяву складено { $date } на основі самооцінки за результатами перевірок, описаних вище.
accessibility-feedback = Зворотний зв’язок і контакти
accessibility-feedback-text = Якщо ви натрапили на перешкоду або вам потрібна сторінка чи документ в іншому форматі, напишіть на адресу { $email }. Ми відповідаємо протягом 30 днів.
accessibility-enforcement = Процедура оскарження
accessibility-enforcement-text = Якщо наша відповідь вас не задовольняє, ви можете звернутися до Омбудсмана Греції (Συνήγορος του Πολίτη, www.synigoros.gr), який розглядає скарги на державні органи.
cookies-title = Файли cookie
cookies-intro = Платформа використовує лише ті файли cookie, без яких вона не може працювати. Вона не використовує аналітичних, рекламних чи відстежувальних файлів cookie, тому не просить вашої згоди.
cookies-name = Назва
cookies-purpose = Для чого потрібен
cookies-expires = Скільки діє
cookies-session-purpose = Підтримує ваш вхід у систему.
cookies-session-expires = Доки ви не вийдете з системи або через { $hours ->
    [one] { $hours } годину
    [few] { $hours } години
    [many] { $hours } годин
   *[other] { $hours } години
} (раніше, якщо ним не користуватися { $idle ->
    [one] { $idle } годину
    [few] { $idle } години
    [many] { $idle } годин
   *[other] { $idle } години
}).
cookies-csrf-purpose = Захищає форми, які ви надсилаєте, щоб інший сайт не міг надіслати їх від вашого імені.
cookies-csrf-expires = Доки ви не закриєте браузер.
cookies-oidc-purpose = Пов’язує вас із вашим входом через постачальника ідентифікації.
cookies-oidc-expires = 10 хвилин.
cookies-lang-purpose = Запам’ятовує мову, яку ви вибрали.
cookies-lang-expires = 1 рік.
