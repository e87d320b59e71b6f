# صفحه‌های عمومی پلتفرم ΣΕΜΠ، به فارسی: آنچه ساکنان، بازدیدکنندگان و کسانی که می‌خواهند عضو شوند می‌خوانند.
# هر کسی که فارسی را خوب می‌نویسد می‌تواند این فایل را بهتر کند: هر کلید و هر { $placeholder } را دست نزنید،
# جمله‌های کوتاه و ساده بنویسید و تغییر را برای تیم پلتفرم بفرستید.
# Public pages of the ΣΕΜΠ platform, in Persian (Farsi/Dari). Anyone who writes Persian well may improve
# this file: keep each key and each { $placeholder }, and send the change to the platform's team.

site-name = پلتفرم ΣΕΜΠ
site-tagline = شوراهای ادغام مهاجران و پناهندگان در شهرداری‌ها
skip-to-content = رفتن به محتوای اصلی
language-switch-label = زبان
main-navigation = منوی اصلی
nav-municipalities = شهرداری‌ها
nav-api = API برای برنامه‌نویسان
footer-about = پلتفرم شوراهای ادغام مهاجران و پناهندگان (ΣΕΜΠ) در شهرداری‌های یونان.
footer-example-data = اعضای شورا که با برچسب «نمونه» مشخص شده‌اند، واقعی نیستند و فقط برای نمایش ساخته شده‌اند.

home-title = شهرداری‌ها و شوراهای آن‌ها
home-intro = هر شهرداری در یونان یک شورای ادغام مهاجران و پناهندگان (ΣΕΜΠ) دارد. این شورا یک نهاد مشورتی است و برای ادغام مهاجران و پناهندگان در جامعه محلی پیشنهاد می‌دهد. یک شهرداری را انتخاب کنید تا معرفی آن و شورایش را ببینید.
home-count = { $count ->
    [0] هنوز هیچ شهرداری‌ای ثبت نشده است.
    [one] { $count } شهرداری
   *[other] { $count } شهرداری
}
home-empty = هنوز هیچ شهرداری‌ای اضافه نشده است.
region = منطقه
visit-profile = معرفی و شورا: { $name }

tenant-archived = این شهرداری بایگانی شده است. اطلاعات آن برای مراجعه می‌ماند، اما دیگر به‌روز نمی‌شود.
tenant-website = وب‌سایت شهرداری
tenant-contact = تماس با شورا
content-language-notice = { $shown ->
    [el] شهرداری این متن را به یونانی می‌نویسد، برای همین به یونانی نشان داده می‌شود.
    [en] شهرداری این متن را به یونانی و انگلیسی می‌نویسد؛ اینجا به انگلیسی نشان داده می‌شود.
   *[both] شهرداری این متن را به یونانی و انگلیسی می‌نویسد؛ بخشی به یونانی و بخشی به انگلیسی نشان داده می‌شود.
}
fallback-notice = بخشی از محتوا به یونانی نشان داده می‌شود، چون هنوز ترجمه انگلیسی ندارد.
section-introduction = معرفی
section-key-figures = آمار اصلی
section-programmes = مراکز و برنامه‌ها
section-achievements = کارهایی که انجام دادیم
section-goals = هدف‌های ما
section-council = شورای ادغام مهاجران و پناهندگان
figure-year = ({ $year })
figure-source = منبع:
more-information = بیشتر: { $title }
council-decision = تصمیم تأسیس
council-term = دوره
council-term-range = از { $start } تا { $end }
council-not-recorded = شهرداری هنوز اطلاعات شورای خود را ثبت نکرده است.
council-members = اعضا
council-members-count = { $regular ->
    [one] { $regular } عضو اصلی
   *[other] { $regular } عضو اصلی
} و { $substitute ->
    [one] { $substitute } عضو علی‌البدل
   *[other] { $substitute } عضو علی‌البدل
}
council-no-members = هیچ عضوی ثبت نشده است.
member-name = نام
member-role = نقش
member-category = سمت
member-organisation = سازمان
member-membership = نوع عضویت
member-example = نمونه
member-example-explained = عضو ساختگی برای نمایش، نه یک شخص واقعی.
role-president = رئیس
role-member = عضو
role-secretary = منشی
category-other = دیگر
membership-regular = اصلی
membership-substitute = علی‌البدل

error-not-found-title = صفحه پیدا نشد
error-not-found-text = در این آدرس چیزی نیست. شاید لینک قدیمی باشد یا اشتباه نوشته شده باشد.
error-request-title = این درخواست قابل انجام نیست
error-request-text = این آدرس وجود دارد، اما این نوع درخواست را نمی‌پذیرد.
error-server-title = مشکلی پیش آمد
error-server-text = در سیستم ما خطایی رخ داد و ثبت شد. لطفاً کمی بعد دوباره امتحان کنید.
error-request-id = شناسه درخواست: { $id }
back-home = بازگشت به شهرداری‌ها
workspace-nav = فضای کاری من
field-error-required = «{ $label }» را پر کنید.
document-sign-in-title = برای باز کردن این سند وارد شوید
document-sign-in-text = این سند را فقط اعضای شورا و دبیرخانه آن می‌بینند، یا دیگر وجود ندارد. اگر عضو هستید، وارد شوید؛ بعد از ورود دوباره به همین‌جا برمی‌گردید.
document-unavailable-title = این سند در دسترس نیست
document-unavailable-text = این سند وجود ندارد یا حسابی که با آن وارد شده‌اید اجازه دیدن آن را ندارد. اگر آن را به‌عنوان عضو شورا دریافت کرده‌اید، با همان آدرس ایمیلی وارد شوید که دعوت‌نامه به آن آمده بود.

sign-in = ورود
sign-out = خروج
signed-in-as = شما به‌عنوان { $name } وارد شده‌اید
sign-in-title = ورود
sign-in-intro = اعضای شورا، منشی‌ها و کارمندان شهرداری از اینجا وارد می‌شوند. ساکنان هیچ‌وقت به حساب کاربری نیاز ندارند.
sign-in-providers = با یک حساب کاربری
sign-in-with = ورود با { $provider }
sign-in-link-heading = با لینکی که به ایمیل شما می‌آید
sign-in-link-intro = هیچ حساب کاربری ندارید؟ آدرس ایمیلی را که دعوت‌نامه به آن آمده بود بنویسید. ما یک لینک ورود برایتان می‌فرستیم که فقط یک بار و به مدت 15 دقیقه کار می‌کند.
email-label = آدرس ایمیل
sign-in-link-button = لینک ورود را برایم ایمیل کنید
signed-in-already = شما با { $email } وارد شده‌اید.
link-sent-title = ایمیل خود را ببینید
link-sent-text = اگر این آدرس متعلق به یکی از اعضای پلتفرم باشد، لینک ورود در راه است. این لینک فقط یک بار و به مدت 15 دقیقه کار می‌کند.
link-mail-subject = لینک ورود شما به پلتفرم ΣΕΜΠ
link-mail-text = سلام،

    با این لینک وارد پلتفرم ΣΕΜΠ شوید. این لینک فقط یک بار و به مدت { $minutes } دقیقه کار می‌کند:
    { $url }

    اگر شما آن را درخواست نکرده‌اید، این پیام را نادیده بگیرید: بدون این لینک هیچ‌کس نمی‌تواند وارد شود.
link-confirm-text = برای تمام کردن ورود، دکمه را بزنید.
link-confirm-button = ورود
sign-in-failed-title = ورود انجام نشد
sign-in-again = دوباره برای ورود تلاش کنید
too-many-attempts = تعداد تلاش‌ها زیاد بود. لطفاً { $seconds } ثانیه صبر کنید و دوباره امتحان کنید.
csrf-title = مهلت این فرم تمام شده است
csrf-text = برای امنیت شما، این فرم پذیرفته نشد. به صفحه قبل برگردید، صفحه را دوباره بارگذاری کنید و دوباره امتحان کنید.
account-title = حساب شما
access-role-platform-admin = مدیر پلتفرم
access-role-tenant-admin = مدیر شهرداری
access-role-secretary = منشی شورا
access-role-council-member = عضو شورا
access-role-practice-author = نویسنده تجربه موفق

sign-in-error-unknown-state = این تلاش برای ورود شناخته نشد، قبلاً استفاده شده یا مهلتش تمام شده است. لطفاً از اول شروع کنید.
sign-in-error-other-browser = این ورود در مرورگر دیگری شروع شده بود. لطفاً اینجا از اول شروع کنید.
sign-in-error-unknown-provider = این سرویس ورود دیگر در دسترس نیست.
sign-in-error-unreachable = در حال حاضر به سرویس ورود دسترسی نیست. لطفاً بعداً دوباره امتحان کنید.
sign-in-error-forbidden-address = سرویس ورود در آدرسی است که پلتفرم به آن وصل نمی‌شود (همین کامپیوتر یا یک شبکه خصوصی). لطفاً به مدیران شهرداری خبر دهید.
sign-in-error-refused = سرویس ورود اجازه ورود نداد. لطفاً از اول شروع کنید.
sign-in-error-invalid-token = پاسخ سرویس ورود قابل تأیید نبود، برای همین هیچ‌کس وارد نشد.
sign-in-error-no-verified-email = سرویس ورود شما آدرس ایمیل‌تان را تأیید نکرد، برای همین نمی‌دانیم شما چه کسی هستید.
sign-in-error-link-unknown = این لینک ورود معتبر نیست. یک لینک تازه درخواست کنید.
sign-in-error-link-used = این لینک ورود قبلاً استفاده شده است. یک لینک تازه درخواست کنید.
sign-in-error-link-expired = مهلت این لینک ورود تمام شده است. یک لینک تازه درخواست کنید.

meetings-nav = جلسه‌های شورا
meetings-title = جلسه‌ها: { $council }
meetings-calendar-link = تقویم جلسه‌ها (iCalendar)
meetings-atom-link = خبرخوان صورت‌جلسه‌ها و تصمیم‌ها (Atom)
meetings-search-label = جستجو در عنوان‌ها، موضوع‌های دستور جلسه و صورت‌جلسه‌ها
meetings-year-label = سال
meetings-any-year = همه سال‌ها
meetings-state-label = وضعیت
meetings-any-state = همه وضعیت‌ها
meetings-search-button = جستجو
meetings-upcoming = جلسه‌های پیش رو
meetings-past = جلسه‌های گذشته
meetings-results = نتیجه‌ها
meetings-count = { $count ->
    [0] هیچ جلسه‌ای پیدا نشد.
    [one] { $count } جلسه
   *[other] { $count } جلسه
}
pagination-label = صفحه‌ها
meeting-heading = جلسه { $number }: { $title }
meeting-postponed = به تعویق افتاد
meeting-cancel-reason = دلیل
meeting-draft-notice = پیش‌نویس جلسه: فقط اعضای شورا و دبیرخانه آن را می‌بینند.
meeting-cancelled-notice = این جلسه لغو شد.
meeting-starts = شروع
meeting-ends = پایان
meeting-kind = نوع
meeting-mode = شیوه برگزاری
meeting-location = مکان
meeting-online = لینک تماس تصویری
meeting-calendar-link = افزودن به تقویم (.ics)
meeting-postponements = تعویق‌ها
meeting-postponed-from-to = از { $from } به { $to }
meeting-documents = سندهای جلسه
meeting-agenda = دستور جلسه
meeting-agenda-empty = دستور جلسه هنوز هیچ موضوعی ندارد.
item-urgent = در خود جلسه اضافه شد (فوری)
item-closed = موضوع غیرعلنی
item-withdrawn = پس گرفته شد
item-rapporteur = گزارشگر
decision-ada = شماره ADA (درگاه شفافیت Diavgeia)
decision-votes = موافق { $for }، مخالف { $against }، ممتنع { $abstain }
decision-dissent = نظرهای مخالف
version-label = نسخه { $version }
version-changed = در نسخه { $version } اصلاح شد
earlier-versions = نسخه‌های قبلی
meeting-attendance = حضور اعضا
attendance-summary = از { $in_office } عضو، { $present } نفر حاضر بودند.
attendance-quorum = جلسه به حد نصاب رسید.
attendance-no-quorum = جلسه به حد نصاب نرسید؛ برای همین هیچ تصمیمی گرفته نشد.
attendance-status = حضور
meeting-minutes = صورت‌جلسه
minutes-published-on = منتشر شده در
minutes-draft = پیش‌نویس، منتشر نشده
minutes-approved-by-meeting = در یک جلسه بعدی، در تاریخ { $date }، تأیید شد.
minutes-approved-by-president = رئیس شورا آن را در تاریخ { $date } تأیید کرد.
minutes-print-link = نسخه چاپی صورت‌جلسه
minutes-print-title = صورت‌جلسه: { $meeting }
minutes-back-to-meeting = بازگشت به جلسه
minutes-not-latest = این نسخه فعلی صورت‌جلسه نیست.

practices-nav = تجربه‌های موفق
practices-title = تجربه‌های موفق در ادغام
practices-of-municipality = تجربه‌های موفق: { $name }
practices-of-municipality-nav = تجربه‌های موفق شهرداری
practices-lead = تجربه‌های موفق شهرداری‌ها و سازمان‌های سراسر کشور برای ادغام مهاجران و پناهندگان، تا هر شهری از آن‌ها یاد بگیرد و آن‌ها را به کار ببرد.
practices-search-label = جستجو در عنوان‌ها و توضیحات
practices-sort-label = مرتب‌سازی بر اساس
practices-sort-relevance = بیشترین ارتباط
practices-sort-date = اول جدیدترین‌ها
practices-search-button = جستجو
practices-filters = فیلترها
practices-clear-filters = پاک کردن فیلترها
practices-facet-sector = بخش
practices-facet-theme = حوزه موضوعی
practices-facet-sdg = اهداف توسعه پایدار
practices-facet-municipality = شهرداری
practices-facet-audience = گروه هدف
practices-facet-year = سال
practices-facet-count = { $count ->
    [one] { $count } تجربه
   *[other] { $count } تجربه
}
practices-results = نتیجه‌ها
practices-count = { $count ->
    [0] هیچ تجربه‌ای پیدا نشد.
    [one] { $count } تجربه
   *[other] { $count } تجربه
}
practices-csv-link = دانلود فهرست (CSV)
practice-archived-tag = بایگانی‌شده
sdg-1 = پایان فقر
sdg-2 = پایان گرسنگی
sdg-3 = سلامت و رفاه
sdg-4 = آموزش باکیفیت
sdg-5 = برابری جنسیتی
sdg-6 = آب پاکیزه و بهداشت
sdg-7 = انرژی پاک و ارزان
sdg-8 = کار شایسته و رشد اقتصادی
sdg-9 = صنعت، نوآوری و زیرساخت
sdg-10 = کاهش نابرابری‌ها
sdg-11 = شهرها و جامعه‌های پایدار
sdg-12 = مصرف و تولید مسئولانه
sdg-13 = اقدام برای آب‌وهوا
sdg-14 = زندگی زیر آب
sdg-15 = زندگی روی خشکی
sdg-16 = صلح، عدالت و نهادهای قوی
sdg-17 = همکاری برای رسیدن به اهداف
practice-organisation = سازمان
practice-sector = بخش
practice-themes = حوزه‌های موضوعی
practice-audiences = گروه‌های هدف
practice-duration = مدت
practice-duration-ongoing-from = از { $from }، هنوز ادامه دارد
practice-duration-ongoing = هنوز ادامه دارد
practice-duration-from-to = از { $from } تا { $to }
practice-duration-from = از { $from }
practice-duration-to = تا { $to }
practice-places = محل اجرا
practice-partners = سازمان‌های همکار
practice-objective = هدف
practice-target-audience = برای چه کسانی است
practice-description = توضیحات
practice-impact = تأثیر بر جامعه
practice-staff = مشارکت کارکنان
practice-volunteers = مشارکت داوطلبان
practice-results = نتیجه‌ها در هر سال
practice-results-caption = آمار هر سال، همان‌طور که سازمان گزارش داده است.
practice-results-measure = شاخص
practice-goals = اهداف توسعه پایدار سازمان ملل
practice-links = لینک‌ها
practice-published-on = تاریخ انتشار
practice-unpublished = این تجربه منتشر نشده است ({ $state }): فقط نویسنده آن و ناظران آن را می‌بینند.
practice-state-draft = پیش‌نویس
practice-state-submitted = فرستاده شده
practice-state-published = منتشر شده
practice-state-rejected = رد شده
practice-state-archived = بایگانی‌شده
practice-archived-notice = این تجربه بایگانی شده است: می‌توانید آن را بخوانید، اما دیگر به‌روز نمی‌شود.
practice-print-link = چاپ
practice-export-link = دانلود به‌صورت JSON
practice-back = بازگشت به تجربه
practice-adopters = شهرداری‌هایی که آن را به کار گرفته‌اند
practice-no-adopters = هنوز هیچ شهرداری‌ای اعلام نکرده که این تجربه را به کار گرفته است.
practice-opinions = نظر خوانندگان
practice-opinion-anonymous = بی‌نام
practice-no-opinions = هنوز هیچ نظری منتشر نشده است.
practice-feedback-heading = نظر خود را به ما بگویید
practice-feedback-thanks = سپاسگزاریم! نظر شما بعد از تأیید یک ناظر نشان داده می‌شود.
practice-feedback-limited = شما در زمان کوتاهی پیام‌های زیادی فرستاده‌اید. لطفاً بعداً دوباره امتحان کنید.
practice-feedback-name = نام (اختیاری)
practice-feedback-email = ایمیل
practice-feedback-email-hint = هرگز نشان داده نمی‌شود؛ فقط برای تماس با شما لازم است.
practice-feedback-body = نظر شما
practice-feedback-send = فرستادن
practice-documents = سندها
subscribe-nav = اطلاعیه‌های ایمیلی
subscribe-title = اطلاعیه‌های ایمیلی
subscribe-lead = زودتر از همه از جلسه‌ها، صورت‌جلسه‌ها و تجربه‌های موفق شورا باخبر شوید. به حساب کاربری نیازی نیست.
subscribe-email = ایمیل
subscribe-topics = درباره چه چیزهایی می‌خواهید خبر بگیرید
subscribe-language = زبان پیام‌ها
subscribe-cadence = هر چند وقت یک بار
subscribe-privacy = ما یک پیام تأیید برایتان می‌فرستیم. تا لینک آن را باز نکنید، هیچ پیام دیگری فرستاده نمی‌شود. در هر پیام یک لینک هست که با یک کلیک اشتراک را لغو می‌کند.
subscribe-button = مشترک شوید
topic-meetings = جلسه‌های تازه، تعویق‌ها و لغوها
topic-minutes = صورت‌جلسه‌ها و تصمیم‌ها
topic-practices = تجربه‌های موفق شهرداری
cadence-immediate = با هر خبر تازه
cadence-digest = همه با هم، هفته‌ای یک بار
subscribe-sent-title = ایمیل خود را ببینید
subscribe-sent-text = پیامی با لینک تأیید اشتراک برایتان فرستادیم. اگر آن را پیدا نمی‌کنید، پوشه هرزنامه (spam) را هم نگاه کنید.
subscribe-limited = در زمان کوتاهی درخواست‌های زیادی آمد. لطفاً بعداً دوباره امتحان کنید.
confirm-title = اشتراک خود را تأیید کنید
confirm-text = دکمه را بزنید تا دریافت اطلاعیه‌ها شروع شود.
confirm-button = تأیید
confirmed-title = اشتراک شما تأیید شد
confirmed-text = از این به بعد اطلاعیه‌هایی را که انتخاب کرده‌اید دریافت می‌کنید.
link-invalid-title = این لینک معتبر نیست
link-invalid-text = مهلت لینک تمام شده یا اشتراک لغو شده است. می‌توانید از صفحه شهرداری دوباره مشترک شوید.
preferences-title = تنظیمات شما
preferences-for = اطلاعیه‌ها به { $email }
preferences-saved = تغییرات شما ذخیره شد.
preferences-save = ذخیره
preferences-leave = حذف اشتراک
preferences-link = تنظیمات شما
unsubscribe-title = لغو اشتراک اطلاعیه‌ها
unsubscribe-text = دکمه را بزنید تا دیگر هیچ پیامی دریافت نکنید.
unsubscribe-button = لغو اشتراک
unsubscribed-title = اشتراک شما لغو شد
unsubscribed-text = دیگر هیچ اطلاعیه‌ای دریافت نمی‌کنید. هر وقت خواستید، می‌توانید دوباره مشترک شوید.
erase-text = همه اطلاعات خود را پاک کنید: اشتراک و پیام‌هایی که برایتان فرستاده شده حذف می‌شوند. فقط یک کد رمزی (hash) از آدرس ایمیل شما می‌ماند تا هیچ‌کس نتواند بدون اجازه شما دوباره شما را اضافه کند.
erase-button = پاک کردن اطلاعات من
erased-title = اطلاعات شما پاک شد
erased-text = ما دیگر آدرس ایمیل شما و پیام‌هایی را که برایتان فرستاده‌ایم نگه نمی‌داریم.

## The workspace's forms and meeting pages
form-error-summary = مشکلی هست
form-error-prefix = خطا:
form-cancel = انصراف
form-conflict = این کار انجام نشد: { $reason }
field-error-invalid = «{ $label }» را بررسی کنید: { $reason }
field-error-negative = «{ $label }» نمی‌تواند کمتر از صفر باشد.
error-forbidden-title = شما نمی‌توانید از این صفحه استفاده کنید
error-forbidden-text = حساب شما نقشی ندارد که اجازه این کار را بدهد. اگر فکر می‌کنید باید این اجازه را داشته باشید، از مدیران شهرداری خود بپرسید.

decision-kind = نوع
decision-result = نتیجه
erase-confirm-title = همه اطلاعات شما پاک شود؟
form-changed-meanwhile-any = بعد از اینکه شما فرم را باز کردید، شخص دیگری این را تغییر داد. متن شما پایین‌تر آمده و ذخیره نشده است. صفحه را در یک زبانه دیگر باز کنید تا تغییر او را ببینید؛ اگر می‌خواهید متن خودتان به جای آن ذخیره شود، دوباره دکمه را بزنید.

## Requests for access (public form and workspace)
ask-nav = درخواست دسترسی به پلتفرم
ask-title = درخواست دسترسی
ask-lead = اگر می‌خواهید از طرف یک سازمان یک تجربه موفق بفرستید، یا عضو تازه شورا هستید، درخواست دسترسی بدهید. مدیران شهرداری درخواست شما را بررسی می‌کنند و با ایمیل پاسخ می‌دهند.
ask-name = نام کامل
ask-organisation = سازمان (اختیاری)
ask-organisation-hint = مثلاً سازمان غیردولتی (NGO) یا جامعه‌ای که نماینده آن هستید.
ask-email = آدرس ایمیل
ask-email-hint = دعوت‌نامه یا پاسخ به این آدرس فرستاده می‌شود.
ask-role = می‌خواهید در پلتفرم چه کاری انجام دهید
ask-reason = چرا درخواست دسترسی می‌کنید
ask-reason-hint = چند کلمه درباره خودتان و کاری که می‌خواهید انجام دهید.
ask-privacy = آنچه اینجا می‌نویسید را فقط مدیران شهرداری می‌بینند، تا به درخواست شما پاسخ دهند.
ask-submit = فرستادن درخواست
ask-limited = شما در زمان کوتاهی درخواست‌های زیادی فرستاده‌اید. یک ساعت دیگر دوباره امتحان کنید.
ask-sent-title = درخواست شما فرستاده شد
ask-sent-text = مدیران شهرداری آن را بررسی می‌کنند و به آدرس ایمیلی که داده‌اید پاسخ می‌دهند.
ask-back = بازگشت به صفحه شهرداری
moderation-adopt-heading = ما این را به کار گرفتیم
moderation-adopt-for = برای شهرداری:
moderation-withdraw-link = پس گرفتن اعلام به‌کارگیری

## برچسب‌ها و خطاهایی که صفحه‌های عمومی با فضای کار مشترک دارند
role-vice_president = نایب‌رئیس
category-municipal_councillor = عضو شورای شهر
category-civil_society = جامعه مدنی
category-migrant_community = نماینده مهاجران و پناهندگان
practice-state-in_review = در حال بررسی
practice-state-changes_requested = نیاز به تغییر
field-error-too_long = «{ $label }» حداکثر { $max } نویسه می‌پذیرد؛ الان { $length } نویسه دارد.
field-error-control_characters = در «{ $label }» نویسه‌های کنترلی هست. متن را دوباره بنویسید یا بچسبانید.
field-error-invalid_email = آدرس ایمیل را به این شکل بنویسید: name@example.org.
field-error-invalid_url = «{ $label }» باید آدرس وب‌سایتی باشد که با https:// یا http:// شروع می‌شود.
field-error-choose_one = در «{ $label }» یکی را انتخاب کنید.
field-error-choose_at_least_one = در «{ $label }» دست‌کم یکی را انتخاب کنید.
field-error-not_a_choice = در «{ $label }» یکی از گزینه‌های موجود را انتخاب کنید.
field-error-too_many = «{ $label }» حداکثر { $max } مورد می‌پذیرد؛ الان { $count } مورد دارد.

## برچسب‌های جلسه‌ها و تجربه‌ها در صفحه‌های عمومی
meeting-state-draft = پیش‌نویس
meeting-state-convened = فراخوانده شده
meeting-state-held = برگزار شده
meeting-state-minutes_drafted = صورت‌جلسه در حال نوشتن
meeting-state-minutes_approved = صورت‌جلسه تأیید شد
meeting-state-published = صورت‌جلسه منتشر شد
meeting-state-cancelled = لغو شده
meeting-kind-regular = عادی
meeting-kind-extraordinary = فوق‌العاده
meeting-mode-in_person = حضوری
meeting-mode-remote = از راه دور
meeting-mode-hybrid = حضوری و از راه دور
decision-kind-decision = تصمیم
decision-kind-recommendation = توصیه
decision-result-adopted = تصویب شد
decision-result-rejected = رد شد
attendance-present = حاضر
attendance-absent = غایب
attendance-excused = غیبت موجه
attendance-substitute_present = عضو علی‌البدل حاضر
sector-municipality = حکومت محلی
sector-civil_society = جامعه مدنی
sector-business = کسب‌وکار
sector-academia = دانشگاه و پژوهش
sector-international_organisation = سازمان‌های بین‌المللی
sector-other = بخش دیگر
audience-refugees = پناهندگان
audience-asylum_seekers = پناه‌جویان
audience-migrants = مهاجران
audience-unaccompanied_minors = کودکان بدون همراه
audience-women = زنان
audience-children = کودکان
audience-youth = جوانان
audience-families = خانواده‌ها
audience-professionals = متخصصان
audience-general_public = عموم مردم

## آنچه دربارهٔ مشترک نگه می‌داریم (حق دسترسی)
held-link = آنچه دربارهٔ شما نگه می‌داریم را ببینید یا بارگیری کنید
held-title = آنچه دربارهٔ شما نگه می‌داریم
held-intro = هر آنچه { $municipality } دربارهٔ این اشتراک در این سامانه نگه می‌دارد، و پیام‌های ۳۰ روز گذشته. چیز دیگری دربارهٔ شما اینجا نگه داشته نمی‌شود.
held-subscription = اشتراک شما
held-email = نشانی ایمیل
held-municipality = شهرداری
held-state = وضعیت
held-state-pending = در انتظار تأیید شما
held-state-active = فعال
held-state-stopped = متوقف: پیام‌ها به این نشانی برگشت خوردند
held-topics = موضوع‌ها
held-language = زبان پیام‌ها
held-cadence = چند وقت یک بار
held-consent = رضایت شما
held-created = نخستین درخواست
held-requested = آخرین درخواست
held-confirmed = تأیید
held-from = از نشانی اینترنتی { $address }
held-no-record = زمان و محل درخواست این اشتراک ثبت نشده است: این اشتراک از آن ثبت قدیمی‌تر است.
held-messages = پیام‌های ۳۰ روز گذشته
held-subject = موضوع
held-written = نوشته‌شده
held-sent = فرستاده‌شده
held-not-sent = فرستاده نشده
held-no-messages = در ۳۰ روز گذشته پیامی نبوده است.
held-download = همه را در یک پرونده بارگیری کنید (JSON)
held-back = بازگشت به ترجیحات شما

## صفحه‌هایی که قانون الزامی کرده است: اطلاعیهٔ حریم خصوصی، بیانیهٔ دسترس‌پذیری، کوکی‌ها
footer-privacy = حریم خصوصی
footer-accessibility = دسترس‌پذیری
footer-cookies = کوکی‌ها
legal-updated = آخرین بازبینی: { $date }.
privacy-title = اطلاعیهٔ حریم خصوصی
privacy-municipality-title = اطلاعیهٔ حریم خصوصی: { $municipality }
privacy-platform-intro = این اطلاعیه دربارهٔ اطلاعاتی است که گردانندگان این سامانه نگه می‌دارند: حساب‌های کاربری کسانی که روی آن کار می‌کنند (کارکنان شهرداری، اعضای شوراها، نویسندگان تجربه‌های موفق، مدیران سامانه). اطلاعاتی که هر شهرداری دربارهٔ ساکنانش نگه می‌دارد، در اطلاعیهٔ خود آن شهرداری توضیح داده شده است.
privacy-municipalities = اطلاعیهٔ هر شهرداری
privacy-controller = چه کسی مسئول است
privacy-controller-municipality = { $municipality } مسئول پردازش داده‌های شخصی در صفحه‌های این شهرداری و در اطلاعیه‌هایی است که برای ساکنان می‌فرستد. می‌توانید به نشانی { $email } به آن نامه بنویسید.
privacy-controller-no-email = { $municipality } مسئول پردازش داده‌های شخصی در صفحه‌های این شهرداری و در اطلاعیه‌هایی است که برای ساکنان می‌فرستد.
privacy-controller-platform = گردانندگان سامانه مسئول پردازش داده‌های حساب‌های کاربری زیر هستند. می‌توانید به نشانی { $email } برایشان بنویسید.
privacy-dpo = مسئول حفاظت از داده‌ها
privacy-dpo-named = { $name }، به نشانی { $email }.
privacy-dpo-address = به نشانی { $email }.
privacy-dpo-missing = شهرداری هنوز مشخصات مسئول حفاظت از داده‌های خود را در اینجا منتشر نکرده است. به شهرداری بنویسید؛ شهرداری پیام شما را به او می‌رساند.
privacy-what = چه چیزی را، چرا و تا چه مدت نگه می‌داریم
privacy-subscriptions = اشتراک اطلاعیه‌ها: نشانی ایمیل شما، زبان، موضوع‌ها و اینکه هر چند وقت یک‌بار می‌خواهید ایمیل دریافت کنید، و همچنین زمان درخواست و تأیید آن و نشانی اینترنتی (IP) که از آن درخواست و تأیید انجام شده است. این اطلاعات را تا زمانی که اشتراک‌تان را لغو کنید نگه می‌داریم، چون خودتان دریافت اطلاعیه‌ها را درخواست کرده‌اید (رضایت شما). درخواستی که هرگز تأیید نشود، پس از { $days ->
    [one] { $days } روز
   *[other] { $days } روز
} پاک می‌شود.
privacy-messages = پیام‌هایی که برایتان می‌فرستیم: متن آن‌ها و نشانی شما تا { $days ->
    [one] { $days } روز
   *[other] { $days } روز
} پس از ارسال نگه داشته می‌شود تا بتوانیم به پرسش‌ها دربارهٔ آن‌ها پاسخ دهیم؛ پس از آن فقط این سابقه می‌ماند که پیام فرستاده شده است.
privacy-feedback = نظر دربارهٔ یک تجربهٔ موفق: نام و پیام شما پس از تأیید یک ناظر منتشر می‌شود؛ نشانی ایمیل شما هرگز نمایش داده نمی‌شود و { $days ->
    [one] { $days } روز
   *[other] { $days } روز
} پس از تصمیم ناظر پاک می‌شود.
privacy-requests = درخواست‌های دسترسی به فضای کاری: نام شما، سازمان، نشانی و دلیل درخواست، تا زمانی که یکی از مدیران سامانه دربارهٔ آن تصمیم بگیرد؛ درخواستِ ردشده { $days ->
    [one] { $days } روز
   *[other] { $days } روز
} بعد پاک می‌شود.
privacy-council = سوابق شورا: نام‌ها و نقش‌های اعضای شورا، دستور جلسه‌ها، تصمیم‌ها و صورت‌جلسه‌های آن، سوابق عمومی‌ای هستند که شهرداری به حکم قانون نگه می‌دارد (وظیفهٔ عمومی آن).
privacy-accounts = حساب‌های کاربری: نشانی ایمیل و نام شما، نقش‌هایتان، نشست‌هایتان (تا زمانی که از حساب خارج شوید یا منقضی شوند) و پیوندهای ورود (تا زمانی که منقضی شوند یا از آن‌ها استفاده شود).
privacy-audit = گزارش ممیزی: چه کسی وارد شد و چه کسی چه چیزی را اعطا کرد یا تغییر داد، همراه با زمان و نشانی اینترنتی (IP)؛ این گزارش { $years ->
    [one] { $years } سال
   *[other] { $years } سال
} نگه داشته می‌شود تا سامانه امن بماند و بتوان دربارهٔ هر کاری پاسخ‌گو بود.
privacy-no-sharing = ما داده‌های شما را نمی‌فروشیم و در اختیار دیگران نمی‌گذاریم، تبلیغ نشان نمی‌دهیم و از ابزارهای ردیابی یا تحلیل آماری استفاده نمی‌کنیم. ایمیل‌ها از طریق سرویس ایمیل شهرداری فرستاده می‌شوند.
privacy-rights = حقوق شما
privacy-rights-text = شما می‌توانید ببینید چه اطلاعاتی از شما نگه می‌داریم، آن را اصلاح کنید، درخواست کنید پاک شود یا به استفاده از آن اعتراض کنید.
privacy-rights-residents = ساکنان: در هر پیام پیوندی به تنظیمات شما هست که در آنجا می‌توانید اشتراک‌تان را تغییر دهید یا لغو کنید و اطلاعاتی را که از شما نگه می‌داریم دانلود کنید.
privacy-rights-accounts = دارندگان حساب کاربری: صفحهٔ حساب شما نقش‌ها، نشست‌ها و ثبت‌های گزارش ممیزی مربوط به شما را نشان می‌دهد و می‌توانید همهٔ آن‌ها را دانلود کنید. برای پاک کردن حساب‌تان، به گردانندگان سامانه بنویسید.
privacy-complaint = اگر فکر می‌کنید با داده‌های شما درست رفتار نمی‌کنیم، می‌توانید به سازمان حفاظت از داده‌های شخصی یونان (www.dpa.gr) شکایت کنید.
accessibility-title = بیانیهٔ دسترس‌پذیری
accessibility-intro = این بیانیه دربارهٔ صفحه‌های سامانهٔ ΣΕΜΠ به نشانی { $site } است. شهرداری‌هایی که از آن استفاده می‌کنند، طبق دستورالعمل (اتحادیهٔ اروپا) 2016/2102 و قانون یونان به شمارهٔ 4591/2019 نهادهای بخش عمومی به شمار می‌آیند.
accessibility-status = وضعیت انطباق
accessibility-status-text = این صفحه‌ها به‌دلیل استثناهایی که در ادامه آمده است، تا حدی با رهنمودهای دسترس‌پذیری محتوای وب (WCAG) 2.1 در سطح AA و استاندارد اروپایی EN 301 549 منطبق هستند.
accessibility-checks = چگونه بررسی می‌کنیم
accessibility-checks-text = هر صفحه، از جمله در حالتی که پیام‌های خطا نمایش داده می‌شوند، با هر تغییر در سامانه بررسی می‌شود: با axe-core در یک مرورگر واقعی با عرض ۳۹۰ پیکسل، با W3C Nu HTML checker، و با آزمون‌هایی که صفحه‌ها را با صفحه‌کلید و از طریق نام‌هایی که صفحه‌خوان می‌خواند به کار می‌گیرند. صفحه‌ها بدون JavaScript کار می‌کنند.
accessibility-exceptions = محتوایی که دسترس‌پذیر نیست
accessibility-exception-documents = اسنادی که شهرداری‌ها بارگذاری می‌کنند (پیوست‌های دستور جلسه‌ها، صورت‌جلسه‌ها به صورت PDF) ممکن است دسترس‌پذیر نباشند. متن تصمیم‌ها و صورت‌جلسه‌ها در خود صفحه هم نمایش داده می‌شود.
accessibility-exception-languages = اطلاعیه‌ها را هر شهرداری به یونانی و اغلب به انگلیسی می‌نویسد؛ ترجمه به زبان‌های دیگر همیشه در دسترس نیست.
accessibility-exception-maps = پیوندهای نقشه‌ها و وب‌سایت‌های دیگر به خدماتی می‌روند که در اختیار این سامانه نیستند.
accessibility-prepared = این بیانیه در تاریخ { $date } بر پایهٔ خودارزیابی و بررسی‌های بالا تهیه شده است.
accessibility-feedback = بازخورد و تماس
accessibility-feedback-text = اگر به مانعی برخوردید یا صفحه یا سندی را در قالبی دیگر نیاز دارید، به { $email } بنویسید. ما ظرف ۳۰ روز پاسخ می‌دهیم.
accessibility-enforcement = روند پیگیری شکایت
accessibility-enforcement-text = اگر پاسخ ما شما را راضی نکرد، می‌توانید به بازرس (آمبودزمان) یونان (Συνήγορος του Πολίτη، www.synigoros.gr) مراجعه کنید که به شکایت‌ها دربارهٔ نهادهای عمومی رسیدگی می‌کند.
cookies-title = کوکی‌ها
cookies-intro = این سامانه فقط از کوکی‌هایی استفاده می‌کند که برای کار کردنش لازم است. از کوکی‌های تحلیل آماری، تبلیغاتی یا ردیابی استفاده نمی‌کند، بنابراین از شما رضایت نمی‌خواهد.
cookies-name = نام
cookies-purpose = کاربرد
cookies-expires = مدت اعتبار
cookies-session-purpose = ورود شما به حساب را حفظ می‌کند.
cookies-session-expires = تا وقتی که از حساب خارج شوید، یا پس از { $hours ->
    [one] { $hours } ساعت
   *[other] { $hours } ساعت
} (و زودتر، اگر { $idle ->
    [one] { $idle } ساعت
   *[other] { $idle } ساعت
} از آن استفاده نشود).
cookies-csrf-purpose = از فرم‌هایی که می‌فرستید محافظت می‌کند تا وب‌سایت دیگری نتواند آن‌ها را به نام شما بفرستد.
cookies-csrf-expires = تا وقتی که مرورگرتان را ببندید.
cookies-oidc-purpose = شما را به فرایند ورودتان از طریق ارائه‌دهندهٔ هویت متصل می‌کند.
cookies-oidc-expires = ۱۰ دقیقه.
cookies-lang-purpose = زبانی را که انتخاب کرده‌اید به خاطر می‌سپارد.
cookies-lang-expires = ۱ سال.
