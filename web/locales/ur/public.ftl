# یہ فائل ΣΕΜΠ پلیٹ فارم کے عوامی صفحات کا اردو متن ہے: وہ سب کچھ جو رہائشی، مہمان اور کونسل کے نئے ارکان پڑھتے ہیں۔
# جو بھی اچھی اردو لکھتا ہے، اس فائل (یا ترجمے کے پلیٹ فارم پر اس کی نقل) کو بہتر بنا سکتا ہے: ہر key اور ہر { $placeholder } جوں کا توں رکھیں،
# چھوٹے اور آسان جملے لکھیں، اور تبدیلی پلیٹ فارم کی ٹیم کو بھیج دیں۔ یونانی، انگریزی اور باقی زبانوں میں keys ایک جیسی ہونی چاہییں۔
# Public pages of the ΣΕΜΠ platform, in Urdu. Anyone who writes Urdu well may improve this file: keep each key
# and each { $placeholder }, write short, plain sentences, and send the change to the platform's team.

site-name = ΣΕΜΠ پلیٹ فارم
site-tagline = بلدیات میں تارکینِ وطن اور پناہ گزینوں کے انضمام کی کونسلیں
skip-to-content = سیدھے مواد پر جائیں
language-switch-label = زبان
main-navigation = مرکزی فہرست
nav-municipalities = بلدیات
nav-api = ڈیولپرز کے لیے API
footer-about = یونان کی بلدیات میں تارکینِ وطن اور پناہ گزینوں کے انضمام کی کونسلوں (ΣΕΜΠ) کا پلیٹ فارم۔
footer-example-data = جن کونسل ارکان کے ساتھ “نمونہ” لکھا ہے، وہ فرضی ہیں اور صرف مثال کے لیے دکھائے گئے ہیں۔

home-title = بلدیات اور ان کی کونسلیں
home-intro = یونان کی ہر بلدیہ تارکینِ وطن اور پناہ گزینوں کے انضمام کی کونسل (ΣΕΜΠ) بناتی ہے۔ یہ ایک مشاورتی ادارہ ہے جو مقامی معاشرے میں تارکینِ وطن اور پناہ گزینوں کے انضمام پر مشورہ دیتا ہے۔ کسی بلدیہ کا تعارف اور اس کی کونسل دیکھنے کے لیے اسے منتخب کریں۔
home-count = { $count ->
    [0] ابھی کوئی بلدیہ نہیں۔
    [one] { $count } بلدیہ
   *[other] { $count } بلدیات
}
home-empty = ابھی تک کوئی بلدیہ شامل نہیں کی گئی۔
region = علاقہ
visit-profile = تعارف اور کونسل: { $name }

tenant-archived = یہ بلدیہ آرکائیو میں ہے۔ اس کی معلومات حوالے کے لیے موجود ہیں، مگر اب انہیں اپ ڈیٹ نہیں کیا جاتا۔
tenant-website = بلدیہ کی ویب سائٹ
tenant-contact = کونسل سے رابطہ کریں
content-language-notice = { $shown ->
    [el] بلدیہ یہ معلومات یونانی میں لکھتی ہے، اس لیے یہ یونانی میں دکھائی گئی ہیں۔
    [en] بلدیہ یہ معلومات یونانی اور انگریزی میں لکھتی ہے؛ یہاں یہ انگریزی میں دکھائی گئی ہیں۔
   *[both] بلدیہ یہ معلومات یونانی اور انگریزی میں لکھتی ہے؛ کچھ حصے یونانی میں اور کچھ انگریزی میں دکھائے گئے ہیں۔
}
fallback-notice = کچھ مواد یونانی میں دکھایا گیا ہے، کیونکہ اس کا ترجمہ ابھی موجود نہیں۔
section-introduction = تعارف
section-key-figures = اہم اعداد و شمار
section-programmes = ادارے اور پروگرام
section-achievements = ہم نے کیا حاصل کیا
section-goals = ہمارے اگلے اہداف
section-council = تارکینِ وطن اور پناہ گزینوں کے انضمام کی کونسل
figure-year = ({ $year })
figure-source = ماخذ:
more-information = مزید: { $title }
council-decision = کونسل کے قیام کا فیصلہ
council-term = مدت
council-term-range = { $start } سے { $end } تک
council-not-recorded = بلدیہ نے ابھی اپنی کونسل کی تفصیلات درج نہیں کیں۔
council-members = ارکان
council-members-count = { $regular ->
    [one] { $regular } مستقل رکن
   *[other] { $regular } مستقل ارکان
} اور { $substitute ->
    [one] { $substitute } متبادل رکن
   *[other] { $substitute } متبادل ارکان
}
council-no-members = کوئی رکن درج نہیں کیا گیا۔
member-name = نام
member-role = عہدہ
member-category = نشست
member-organisation = تنظیم
member-membership = رکنیت
member-example = نمونہ
member-example-explained = مثال کے لیے ایک فرضی رکن، کوئی حقیقی شخص نہیں۔
role-president = صدر
role-member = رکن
role-secretary = سیکرٹری
category-other = دیگر
membership-regular = مستقل
membership-substitute = متبادل

error-not-found-title = صفحہ نہیں ملا
error-not-found-text = اس پتے پر کچھ موجود نہیں۔ ہو سکتا ہے لنک پرانا ہو یا غلط لکھا گیا ہو۔
error-request-title = یہ درخواست پوری نہیں کی جا سکتی
error-request-text = یہ پتہ موجود ہے، مگر اس قسم کی درخواست قبول نہیں کرتا۔
error-server-title = کچھ گڑبڑ ہو گئی
error-server-text = ہماری طرف ایک خرابی پیش آئی ہے اور اسے ریکارڈ کر لیا گیا ہے۔ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔
error-request-id = درخواست کی شناخت (ID): { $id }
back-home = بلدیات کی فہرست پر واپس جائیں
workspace-nav = میرا ورک اسپیس
field-error-required = “{ $label }” بھریں۔
document-sign-in-title = یہ دستاویز کھولنے کے لیے سائن اِن کریں
document-sign-in-text = یہ دستاویز صرف کونسل کے ارکان اور اس کا سیکرٹریٹ دیکھ سکتے ہیں، یا اب یہ موجود نہیں۔ اگر آپ رکن ہیں تو سائن اِن کریں: اس کے بعد آپ یہیں واپس آ جائیں گے۔
document-unavailable-title = یہ دستاویز دستیاب نہیں
document-unavailable-text = یہ دستاویز موجود نہیں، یا جس اکاؤنٹ سے آپ نے سائن اِن کیا ہے وہ اسے نہیں دیکھ سکتا۔ اگر یہ آپ کو کونسل کے رکن کے طور پر ملی ہے تو اسی ای میل پتے سے سائن اِن کریں جس پر آپ کا دعوت نامہ آیا تھا۔

sign-in = سائن اِن
sign-out = سائن آؤٹ
signed-in-as = { $name } کے طور پر سائن اِن
sign-in-title = سائن اِن
sign-in-intro = کونسل کے ارکان، سیکرٹری اور بلدیہ کا عملہ یہاں سائن اِن کرتے ہیں۔ رہائشیوں کو کبھی اکاؤنٹ کی ضرورت نہیں ہوتی۔
sign-in-providers = اکاؤنٹ کے ذریعے
sign-in-with = { $provider } کے ذریعے سائن اِن کریں
sign-in-link-heading = ای میل میں آئے لنک کے ذریعے
sign-in-link-intro = آپ کا کہیں بھی اکاؤنٹ نہیں؟ وہ ای میل پتہ لکھیں جس پر آپ کا دعوت نامہ آیا تھا۔ ہم آپ کو سائن اِن کا ایک لنک بھیجیں گے جو صرف ایک بار اور 15 منٹ تک کام کرے گا۔
email-label = ای میل پتہ
sign-in-link-button = مجھے سائن اِن کا لنک ای میل کریں
signed-in-already = آپ { $email } کے طور پر سائن اِن ہیں۔
link-sent-title = اپنی ای میل دیکھیں
link-sent-text = اگر یہ پتہ پلیٹ فارم کے کسی رکن کا ہے تو سائن اِن کا لنک بھیج دیا گیا ہے۔ یہ صرف ایک بار اور 15 منٹ تک کام کرے گا۔
link-mail-subject = ΣΕΜΠ پلیٹ فارم میں سائن اِن کے لیے آپ کا لنک
link-mail-text = ہیلو،

    اس لنک سے ΣΕΜΠ پلیٹ فارم میں سائن اِن کریں۔ یہ صرف ایک بار اور { $minutes } منٹ تک کام کرے گا:
    { $url }

    اگر آپ نے یہ لنک نہیں مانگا تو اس پیغام کو نظر انداز کر دیں: لنک کے بغیر کوئی سائن اِن نہیں کر سکتا۔
link-confirm-text = سائن اِن مکمل کرنے کے لیے بٹن دبائیں۔
link-confirm-button = سائن اِن
sign-in-failed-title = سائن اِن نہیں ہو سکا
sign-in-again = دوبارہ سائن اِن کی کوشش کریں
too-many-attempts = بہت زیادہ کوششیں ہو گئیں۔ براہِ کرم { $seconds } سیکنڈ انتظار کریں اور پھر دوبارہ کوشش کریں۔
csrf-title = اس فارم کا وقت ختم ہو گیا ہے
csrf-text = آپ کی حفاظت کے لیے یہ فارم قبول نہیں کیا جا سکا۔ پیچھے جائیں، صفحہ دوبارہ لوڈ کریں اور پھر کوشش کریں۔
account-title = آپ کا اکاؤنٹ
access-role-platform-admin = پلیٹ فارم کا منتظم
access-role-tenant-admin = بلدیہ کا منتظم
access-role-secretary = کونسل کا سیکرٹری
access-role-council-member = کونسل کا رکن
access-role-practice-author = مثالی منصوبے کا مصنف

sign-in-error-unknown-state = سائن اِن کی یہ کوشش نامعلوم ہے، پہلے استعمال ہو چکی ہے یا اس کا وقت ختم ہو گیا ہے۔ براہِ کرم دوبارہ شروع کریں۔
sign-in-error-other-browser = یہ سائن اِن کسی اور براؤزر میں شروع ہوا تھا۔ براہِ کرم یہیں دوبارہ شروع کریں۔
sign-in-error-unknown-provider = سائن اِن کی یہ سروس اب دستیاب نہیں۔
sign-in-error-unreachable = اس وقت سائن اِن سروس سے رابطہ نہیں ہو پا رہا۔ براہِ کرم بعد میں دوبارہ کوشش کریں۔
sign-in-error-forbidden-address = سائن اِن سروس ایسے پتے پر ہے جس سے پلیٹ فارم رابطہ نہیں کرتا (یہی کمپیوٹر یا کوئی نجی نیٹ ورک)۔ براہِ کرم بلدیہ کے منتظمین کو بتائیں۔
sign-in-error-refused = سائن اِن سروس نے سائن اِن سے انکار کر دیا۔ براہِ کرم دوبارہ شروع کریں۔
sign-in-error-invalid-token = سائن اِن سروس کے جواب کی تصدیق نہیں ہو سکی، اس لیے کسی کو سائن اِن نہیں کیا گیا۔
sign-in-error-no-verified-email = آپ کی سائن اِن سروس نے آپ کے ای میل پتے کی تصدیق نہیں کی، اس لیے ہم نہیں جان سکتے کہ آپ کون ہیں۔
sign-in-error-link-unknown = سائن اِن کا یہ لنک درست نہیں۔ نیا لنک منگوائیں۔
sign-in-error-link-used = سائن اِن کا یہ لنک پہلے ہی استعمال ہو چکا ہے۔ نیا لنک منگوائیں۔
sign-in-error-link-expired = سائن اِن کے اس لنک کا وقت ختم ہو گیا ہے۔ نیا لنک منگوائیں۔

meetings-nav = کونسل کے اجلاس
meetings-title = اجلاس: { $council }
meetings-calendar-link = اجلاسوں کا کیلنڈر (iCalendar)
meetings-atom-link = روداد اور فیصلوں کی فیڈ (Atom)
meetings-search-label = عنوانات، ایجنڈے کے نکات اور روداد میں تلاش کریں
meetings-year-label = سال
meetings-any-year = تمام سال
meetings-state-label = صورتِ حال
meetings-any-state = کوئی بھی صورتِ حال
meetings-search-button = تلاش کریں
meetings-upcoming = آنے والے اجلاس
meetings-past = پچھلے اجلاس
meetings-results = نتائج
meetings-count = { $count ->
    [0] کوئی اجلاس نہیں ملا۔
    [one] { $count } اجلاس
   *[other] { $count } اجلاس
}
pagination-label = صفحات
meeting-heading = اجلاس نمبر { $number }: { $title }
meeting-postponed = ملتوی
meeting-cancel-reason = وجہ
meeting-draft-notice = یہ اجلاس ابھی مسودہ ہے: اسے صرف کونسل کے ارکان اور سیکرٹریٹ دیکھ سکتے ہیں۔
meeting-cancelled-notice = یہ اجلاس منسوخ کر دیا گیا۔
meeting-starts = آغاز
meeting-ends = اختتام
meeting-kind = قسم
meeting-mode = طریقہ
meeting-location = جگہ
meeting-online = ویڈیو کال کا لنک
meeting-calendar-link = کیلنڈر میں شامل کریں (.ics)
meeting-postponements = التوا
meeting-postponed-from-to = پہلی تاریخ: { $from }، نئی تاریخ: { $to }
meeting-documents = اجلاس کی دستاویزات
meeting-agenda = ایجنڈا
meeting-agenda-empty = ایجنڈے میں ابھی کوئی نکتہ نہیں۔
item-urgent = اجلاس کے دوران شامل کیا گیا (فوری)
item-closed = بند کمرے میں (غیر عوامی نکتہ)
item-withdrawn = واپس لے لیا گیا
item-rapporteur = پیش کنندہ
decision-ada = ADA (یونان کا سرکاری شفافیت پورٹل Diavgeia)
decision-votes = حق میں { $for }، مخالفت میں { $against }، غیر جانبدار { $abstain }
decision-dissent = اختلافی آرا
version-label = ورژن { $version }
version-changed = ورژن { $version } میں درست کیا گیا
earlier-versions = پچھلے ورژن
meeting-attendance = حاضری
attendance-summary = { $in_office } ارکان میں سے { $present } حاضر تھے۔
attendance-quorum = کورم پورا تھا۔
attendance-no-quorum = کورم پورا نہیں تھا، اس لیے اجلاس میں کوئی فیصلہ نہیں ہوا۔
attendance-status = حاضری
meeting-minutes = روداد
minutes-published-on = تاریخِ اشاعت:
minutes-draft = مسودہ، ابھی شائع نہیں ہوئی
minutes-approved-by-meeting = { $date } کو بعد کے ایک اجلاس میں منظور ہوئی۔
minutes-approved-by-president = { $date } کو صدر نے منظور کی۔
minutes-print-link = پرنٹ کے لیے روداد
minutes-print-title = روداد: { $meeting }
minutes-back-to-meeting = اجلاس پر واپس جائیں
minutes-not-latest = یہ روداد کا موجودہ ورژن نہیں ہے۔

practices-nav = مثالی منصوبے
practices-title = انضمام کے مثالی منصوبے
practices-of-municipality = مثالی منصوبے: { $name }
practices-of-municipality-nav = بلدیہ کے مثالی منصوبے
practices-lead = ملک بھر کی بلدیات اور تنظیموں کے وہ منصوبے جو تارکینِ وطن اور پناہ گزینوں کے انضمام میں کامیاب رہے، تاکہ ہر شہر ان سے سیکھ سکے اور انہیں اپنا سکے۔
practices-search-label = عنوانات اور تفصیل میں تلاش کریں
practices-sort-label = ترتیب
practices-sort-relevance = سب سے زیادہ متعلقہ
practices-sort-date = نئے پہلے
practices-search-button = تلاش کریں
practices-filters = فلٹر
practices-clear-filters = فلٹر ہٹائیں
practices-facet-sector = شعبہ
practices-facet-theme = موضوع
practices-facet-sdg = پائیدار ترقی کے اہداف
practices-facet-municipality = بلدیہ
practices-facet-audience = کن لوگوں کے لیے
practices-facet-year = سال
practices-facet-count = { $count ->
    [one] { $count } منصوبہ
   *[other] { $count } منصوبے
}
practices-results = نتائج
practices-count = { $count ->
    [0] کوئی منصوبہ نہیں ملا۔
    [one] { $count } منصوبہ
   *[other] { $count } منصوبے
}
practices-csv-link = فہرست ڈاؤن لوڈ کریں (CSV)
practice-archived-tag = آرکائیو شدہ
sdg-1 = غربت کا خاتمہ
sdg-2 = بھوک کا خاتمہ
sdg-3 = اچھی صحت اور خوشحالی
sdg-4 = معیاری تعلیم
sdg-5 = صنفی مساوات
sdg-6 = صاف پانی اور صفائی
sdg-7 = سستی اور صاف توانائی
sdg-8 = باعزت روزگار اور معاشی ترقی
sdg-9 = صنعت، جدت اور بنیادی ڈھانچہ
sdg-10 = عدم مساوات میں کمی
sdg-11 = پائیدار شہر اور بستیاں
sdg-12 = ذمہ دارانہ صرف اور پیداوار
sdg-13 = موسمیاتی اقدامات
sdg-14 = پانی کے اندر زندگی
sdg-15 = خشکی پر زندگی
sdg-16 = امن، انصاف اور مضبوط ادارے
sdg-17 = اہداف کے لیے شراکت داری
practice-organisation = تنظیم
practice-sector = شعبہ
practice-themes = موضوعات
practice-audiences = کن لوگوں کے لیے
practice-duration = مدت
practice-duration-ongoing-from = { $from } سے جاری
practice-duration-ongoing = جاری ہے
practice-duration-from-to = { $from } سے { $to } تک
practice-duration-from = { $from } سے
practice-duration-to = { $to } تک
practice-places = کہاں
practice-partners = شراکت دار تنظیمیں
practice-objective = مقصد
practice-target-audience = یہ کن کے کام آتا ہے
practice-description = تفصیل
practice-impact = معاشرے پر اثر
practice-staff = عملے کی شرکت
practice-volunteers = رضاکاروں کی شرکت
practice-results = ہر سال کے نتائج
practice-results-caption = ہر سال کے اعداد و شمار، جیسے تنظیم نے بتائے۔
practice-results-measure = پیمانہ
practice-goals = اقوامِ متحدہ کے پائیدار ترقی کے اہداف
practice-links = لنکس
practice-published-on = تاریخِ اشاعت:
practice-unpublished = یہ منصوبہ شائع نہیں ہوا ({ $state }): اسے صرف اس کا مصنف اور نگران دیکھ سکتے ہیں۔
practice-state-draft = مسودہ
practice-state-submitted = جمع کرایا گیا
practice-state-published = شائع شدہ
practice-state-rejected = مسترد
practice-state-archived = آرکائیو شدہ
practice-archived-notice = یہ منصوبہ آرکائیو میں ہے: آپ اسے پڑھ سکتے ہیں، مگر اب اسے اپ ڈیٹ نہیں کیا جاتا۔
practice-print-link = پرنٹ کریں
practice-export-link = JSON کی شکل میں ڈاؤن لوڈ کریں
practice-back = منصوبے پر واپس جائیں
practice-adopters = جن بلدیات نے اسے اپنایا
practice-no-adopters = ابھی تک کسی بلدیہ نے نہیں بتایا کہ اس نے یہ منصوبہ اپنایا ہے۔
practice-opinions = پڑھنے والوں کی رائے
practice-opinion-anonymous = گمنام
practice-no-opinions = ابھی کوئی رائے شائع نہیں ہوئی۔
practice-feedback-heading = ہمیں اپنی رائے بتائیں
practice-feedback-thanks = شکریہ! نگران کی منظوری کے بعد آپ کی رائے یہاں نظر آئے گی۔
practice-feedback-limited = آپ نے تھوڑے وقت میں بہت سے پیغامات بھیجے ہیں۔ براہِ کرم بعد میں دوبارہ کوشش کریں۔
practice-feedback-name = نام (اختیاری)
practice-feedback-email = ای میل
practice-feedback-email-hint = یہ کبھی دکھایا نہیں جائے گا؛ ہمیں یہ صرف آپ سے رابطے کے لیے چاہیے۔
practice-feedback-body = آپ کی رائے
practice-feedback-send = بھیجیں
practice-documents = دستاویزات
subscribe-nav = ای میل اطلاعات
subscribe-title = ای میل اطلاعات
subscribe-lead = کونسل کے اجلاسوں، روداد اور مثالی منصوبوں کی خبر سب سے پہلے پائیں۔ کسی اکاؤنٹ کی ضرورت نہیں۔
subscribe-email = ای میل
subscribe-topics = آپ کن باتوں کی اطلاع چاہتے ہیں
subscribe-language = پیغامات کی زبان
subscribe-cadence = کب
subscribe-privacy = ہم آپ کو تصدیق کا ایک پیغام بھیجیں گے۔ جب تک آپ اس کا لنک نہیں کھولتے، آپ کو اور کچھ نہیں بھیجا جائے گا۔ ہر پیغام میں ایک لنک ہوتا ہے جس سے آپ ایک کلک میں سبسکرپشن ختم کر سکتے ہیں۔
subscribe-button = سبسکرائب کریں
topic-meetings = نئے اجلاس، ان کا التوا اور منسوخی
topic-minutes = روداد اور فیصلے
topic-practices = بلدیہ کے مثالی منصوبے
cadence-immediate = فوراً، ہر نئی خبر کے ساتھ
cadence-digest = سب اکٹھے، ہفتے میں ایک بار
subscribe-sent-title = اپنی ای میل دیکھیں
subscribe-sent-text = ہم نے آپ کو ایک پیغام بھیجا ہے جس میں سبسکرپشن کی تصدیق کا لنک ہے۔ اگر وہ نہ ملے تو اسپام فولڈر بھی دیکھیں۔
subscribe-limited = تھوڑے وقت میں بہت سی درخواستیں آئیں۔ براہِ کرم بعد میں دوبارہ کوشش کریں۔
confirm-title = اپنی سبسکرپشن کی تصدیق کریں
confirm-text = اطلاعات پانا شروع کرنے کے لیے بٹن دبائیں۔
confirm-button = تصدیق کریں
confirmed-title = آپ کی سبسکرپشن کی تصدیق ہو گئی
confirmed-text = اب سے آپ کو وہ اطلاعات ملیں گی جو آپ نے چنی ہیں۔
link-invalid-title = یہ لنک درست نہیں
link-invalid-text = لنک کا وقت ختم ہو گیا ہے یا سبسکرپشن منسوخ ہو چکی ہے۔ آپ بلدیہ کے صفحے سے دوبارہ سبسکرائب کر سکتے ہیں۔
preferences-title = آپ کی ترجیحات
preferences-for = { $email } کے لیے اطلاعات
preferences-saved = آپ کی تبدیلیاں محفوظ ہو گئی ہیں۔
preferences-save = محفوظ کریں
preferences-leave = سبسکرپشن ختم کریں
preferences-link = آپ کی ترجیحات
unsubscribe-title = اطلاعات بند کریں
unsubscribe-text = بٹن دبائیں، اس کے بعد آپ کو کوئی پیغام نہیں آئے گا۔
unsubscribe-button = سبسکرپشن ختم کریں
unsubscribed-title = آپ کی سبسکرپشن ختم ہو گئی
unsubscribed-text = اب آپ کو کوئی اطلاع نہیں ملے گی۔ آپ جب چاہیں دوبارہ سبسکرائب کر سکتے ہیں۔
erase-text = اپنے بارے میں سب کچھ مٹا دیں: آپ کی سبسکرپشن اور آپ کو بھیجے گئے پیغامات حذف ہو جائیں گے۔ صرف آپ کے پتے کا ایک فنگر پرنٹ (hash) باقی رہے گا، تاکہ کوئی آپ کی مرضی کے بغیر آپ کو دوبارہ شامل نہ کر سکے۔
erase-button = میرا ڈیٹا مٹا دیں
erased-title = آپ کا ڈیٹا مٹا دیا گیا
erased-text = اب ہمارے پاس نہ آپ کا پتہ ہے، نہ آپ کو بھیجے گئے پیغامات۔

## ورک اسپیس کے فارم اور اجلاس کے صفحات (The workspace's forms and meeting pages)
form-error-summary = ایک مسئلہ ہے
form-error-prefix = خرابی:
form-cancel = منسوخ کریں
form-conflict = یہ کام نہیں ہو سکا: { $reason }
field-error-invalid = “{ $label }” دوبارہ دیکھیں: { $reason }
field-error-negative = “{ $label }” صفر سے کم نہیں ہو سکتا۔
error-forbidden-title = آپ یہ صفحہ استعمال نہیں کر سکتے
error-forbidden-text = آپ کے اکاؤنٹ کو اس کام کی اجازت نہیں۔ اگر آپ کے خیال میں ہونی چاہیے تو اپنی بلدیہ کے منتظمین سے پوچھیں۔

decision-kind = قسم
decision-result = نتیجہ
erase-confirm-title = اپنے بارے میں سب کچھ مٹا دیں؟
form-changed-meanwhile-any = آپ کے فارم کھولنے کے بعد کسی اور نے اس میں تبدیلی کر دی۔ آپ کا متن نیچے موجود ہے اور محفوظ نہیں ہوا۔ دوسری تبدیلی دیکھنے کے لیے یہ صفحہ نئے ٹیب میں کھولیں؛ اگر اس کی جگہ اپنی تبدیلی محفوظ کرنا چاہیں تو بٹن دوبارہ دبائیں۔

## رسائی کی درخواستیں: عوامی فارم اور ورک اسپیس (Requests for access: public form and workspace)
ask-nav = پلیٹ فارم تک رسائی کی درخواست کریں
ask-title = رسائی کی درخواست
ask-lead = اگر آپ کسی تنظیم کی طرف سے کوئی مثالی منصوبہ جمع کرانا چاہتے ہیں، یا آپ کونسل کے نئے رکن ہیں، تو رسائی کی درخواست کریں۔ بلدیہ کے منتظمین آپ کی درخواست دیکھیں گے اور ای میل سے جواب دیں گے۔
ask-name = پورا نام
ask-organisation = تنظیم (اختیاری)
ask-organisation-hint = مثلاً وہ غیر سرکاری تنظیم (NGO) یا کمیونٹی جس کی آپ نمائندگی کرتے ہیں۔
ask-email = ای میل پتہ
ask-email-hint = دعوت نامہ یا جواب اسی پتے پر آئے گا۔
ask-role = آپ پلیٹ فارم پر کیا کرنا چاہتے ہیں
ask-reason = آپ کو رسائی کیوں چاہیے
ask-reason-hint = اپنے بارے میں چند الفاظ، اور یہ کہ آپ کیا کرنا چاہتے ہیں۔
ask-privacy = آپ یہاں جو لکھیں گے، اسے صرف بلدیہ کے منتظمین دیکھیں گے، تاکہ آپ کی درخواست کا جواب دے سکیں۔
ask-submit = درخواست بھیجیں
ask-limited = آپ نے تھوڑے وقت میں بہت سی درخواستیں بھیجی ہیں۔ ایک گھنٹے بعد دوبارہ کوشش کریں۔
ask-sent-title = آپ کی درخواست بھیج دی گئی
ask-sent-text = بلدیہ کے منتظمین اسے دیکھیں گے اور آپ کے دیے ہوئے ای میل پتے پر جواب دیں گے۔
ask-back = بلدیہ کے صفحے پر واپس جائیں
moderation-adopt-heading = ہم نے یہ منصوبہ اپنایا
moderation-adopt-for = بلدیہ کی طرف سے:
moderation-withdraw-link = اپنانے کا اعلان واپس لیں

## وہ لیبل اور غلطیاں جو عوامی صفحات اور ورک اسپیس میں مشترک ہیں
role-vice_president = نائب صدر
category-municipal_councillor = بلدیہ کونسل کے رکن
category-civil_society = سول سوسائٹی
category-migrant_community = تارکینِ وطن اور پناہ گزینوں کے نمائندے
practice-state-in_review = جائزے میں
practice-state-changes_requested = تبدیلیاں درکار ہیں
field-error-too_long = «{ $label }» میں زیادہ سے زیادہ { $max } حروف ہو سکتے ہیں؛ اس میں { $length } ہیں۔
field-error-control_characters = «{ $label }» میں کنٹرول حروف ہیں۔ متن دوبارہ لکھیں یا چسپاں کریں۔
field-error-invalid_email = ای میل پتا اس طرح لکھیں: name@example.org
field-error-invalid_url = «{ $label }» ایسا ویب پتا ہونا چاہیے جو https:// یا http:// سے شروع ہو۔
field-error-choose_one = «{ $label }» میں سے ایک چنیں۔
field-error-choose_at_least_one = «{ $label }» میں سے کم از کم ایک چنیں۔
field-error-not_a_choice = «{ $label }» میں دیے گئے اختیارات میں سے ایک چنیں۔
field-error-too_many = «{ $label }» میں زیادہ سے زیادہ { $max } اندراجات ہو سکتے ہیں؛ اس میں { $count } ہیں۔

## عوامی صفحات پر اجلاسوں اور منصوبوں کے لیبل
meeting-state-draft = مسودہ
meeting-state-convened = طلب کیا گیا
meeting-state-held = منعقد ہوا
meeting-state-minutes_drafted = روداد لکھی جا رہی ہے
meeting-state-minutes_approved = روداد منظور ہو گئی
meeting-state-published = روداد شائع ہو گئی
meeting-state-cancelled = منسوخ
meeting-kind-regular = معمول کا
meeting-kind-extraordinary = غیر معمولی
meeting-mode-in_person = بالمشافہ
meeting-mode-remote = آن لائن
meeting-mode-hybrid = بالمشافہ اور آن لائن
decision-kind-decision = فیصلہ
decision-kind-recommendation = سفارش
decision-result-adopted = منظور
decision-result-rejected = مسترد
attendance-present = حاضر
attendance-absent = غیر حاضر
attendance-excused = رخصت پر
attendance-substitute_present = متبادل رکن حاضر
sector-municipality = مقامی حکومت
sector-civil_society = سول سوسائٹی
sector-business = کاروبار
sector-academia = جامعات اور تحقیق
sector-international_organisation = بین الاقوامی ادارے
sector-other = دیگر شعبہ
audience-refugees = پناہ گزین
audience-asylum_seekers = پناہ کے متلاشی
audience-migrants = تارکینِ وطن
audience-unaccompanied_minors = بغیر سرپرست کے نابالغ
audience-women = خواتین
audience-children = بچے
audience-youth = نوجوان
audience-families = خاندان
audience-professionals = پیشہ ور افراد
audience-general_public = عام لوگ

## ہم کسی سبسکرائبر کے بارے میں کیا رکھتے ہیں (رسائی کا حق)
held-link = دیکھیں یا ڈاؤن لوڈ کریں کہ ہم آپ کے بارے میں کیا رکھتے ہیں
held-title = ہم آپ کے بارے میں کیا رکھتے ہیں
held-intro = وہ سب کچھ جو { $municipality } اس پلیٹ فارم پر اس سبسکرپشن کے بارے میں رکھتی ہے، اور پچھلے 30 دنوں کے پیغامات۔ آپ کے بارے میں یہاں اور کچھ نہیں رکھا جاتا۔
held-subscription = آپ کی سبسکرپشن
held-email = ای میل پتا
held-municipality = بلدیہ
held-state = حالت
held-state-pending = آپ کی تصدیق کی منتظر
held-state-active = فعال
held-state-stopped = رکی ہوئی: اس پتے پر بھیجی گئی ای میلز واپس آ گئیں
held-topics = موضوعات
held-language = پیغامات کی زبان
held-cadence = کتنی بار
held-consent = آپ کی رضامندی
held-created = پہلی درخواست
held-requested = آخری درخواست
held-confirmed = تصدیق
held-from = انٹرنیٹ پتے { $address } سے
held-no-record = یہ سبسکرپشن کب اور کہاں سے مانگی گئی، یہ درج نہیں ہوا: یہ اس اندراج سے پرانی ہے۔
held-messages = پچھلے 30 دنوں کے پیغامات
held-subject = عنوان
held-written = لکھا گیا
held-sent = بھیجا گیا
held-not-sent = نہیں بھیجا گیا
held-no-messages = پچھلے 30 دنوں میں کوئی پیغام نہیں۔
held-download = سب کچھ ایک فائل میں ڈاؤن لوڈ کریں (JSON)
held-back = اپنی ترجیحات پر واپس جائیں

## قانون کے تحت ضروری صفحات: رازداری کے نوٹس، رسائی کا بیان، کوکیز
footer-privacy = رازداری
footer-accessibility = رسائی
footer-cookies = کوکیز
legal-updated = آخری جائزہ: { $date }۔
privacy-title = رازداری کا نوٹس
privacy-municipality-title = رازداری کا نوٹس: { $municipality }
privacy-platform-intro = یہ نوٹس اُن معلومات کے بارے میں ہے جو پلیٹ فارم کو چلانے والے رکھتے ہیں: اُن لوگوں کے اکاؤنٹس جو اس پر کام کرتے ہیں (میونسپلٹی کا عملہ، کونسل کے اراکین، اچھے طریقۂ کار کے مصنفین، ایڈمنسٹریٹرز)۔ کوئی میونسپلٹی اپنے رہائشیوں کے بارے میں جو معلومات رکھتی ہے، اُس کی وضاحت اُس کے اپنے نوٹس میں کی گئی ہے۔
privacy-municipalities = ہر میونسپلٹی کا نوٹس
privacy-controller = ذمہ دار کون ہے
privacy-controller-municipality = { $municipality } اپنے صفحات پر اور رہائشیوں کے لیے اپنے اعلانات میں موجود ذاتی ڈیٹا کی ذمہ دار (کنٹرولر) ہے۔ آپ اسے { $email } پر لکھ سکتے ہیں۔
privacy-controller-no-email = { $municipality } اپنے صفحات پر اور رہائشیوں کے لیے اپنے اعلانات میں موجود ذاتی ڈیٹا کی ذمہ دار (کنٹرولر) ہے۔
privacy-controller-platform = پلیٹ فارم کو چلانے والے نیچے بیان کیے گئے اکاؤنٹس کے ڈیٹا کے ذمہ دار (کنٹرولر) ہیں۔ آپ انہیں { $email } پر لکھ سکتے ہیں۔
privacy-dpo = ڈیٹا پروٹیکشن آفیسر
privacy-dpo-named = { $name }، { $email } پر۔
privacy-dpo-address = { $email } پر۔
privacy-dpo-missing = میونسپلٹی نے ابھی تک یہاں اپنے ڈیٹا پروٹیکشن آفیسر کی تفصیلات شائع نہیں کیں۔ میونسپلٹی کو لکھیں، وہ آپ کا پیغام آگے پہنچا دے گی۔
privacy-what = ہم کیا رکھتے ہیں، کیوں اور کب تک
privacy-subscriptions = اعلانات کی سبسکرپشن: آپ کا ای میل پتہ، زبان، موضوعات اور یہ کہ آپ کتنی بار ای میل چاہتے ہیں، نیز یہ کہ آپ نے کب اور کس انٹرنیٹ ایڈریس (IP) سے درخواست کی اور اس کی تصدیق کی۔ ہم یہ معلومات اس لیے رکھتے ہیں کہ آپ نے خود اعلانات مانگے تھے (آپ کی رضامندی)، اور اس وقت تک رکھتے ہیں جب تک آپ سبسکرپشن ختم نہ کر دیں۔ جس درخواست کی کبھی تصدیق نہ ہو، وہ { $days ->
    [one] { $days } دن
   *[other] { $days } دن
} بعد حذف کر دی جاتی ہے۔
privacy-messages = ہمارے بھیجے گئے پیغامات: ان کا متن اور آپ کا پتہ بھیجنے کے بعد { $days ->
    [one] { $days } دن
   *[other] { $days } دن
} تک رکھا جاتا ہے، تاکہ ہم ان کے بارے میں سوالات کا جواب دے سکیں؛ اس کے بعد صرف یہ ریکارڈ باقی رہتا ہے کہ پیغام بھیجا گیا تھا۔
privacy-feedback = کسی اچھے طریقۂ کار پر رائے: آپ کا نام اور پیغام کسی ماڈریٹر کی منظوری کے بعد شائع کیا جاتا ہے؛ آپ کا ای میل پتہ کبھی نہیں دکھایا جاتا اور ماڈریٹر کے فیصلے کے { $days ->
    [one] { $days } دن
   *[other] { $days } دن
} بعد حذف کر دیا جاتا ہے۔
privacy-requests = ورک اسپیس تک رسائی کی درخواستیں: آپ کا نام، ادارہ، پتہ اور وجہ، جب تک کوئی ایڈمنسٹریٹر فیصلہ نہ کر دے؛ مسترد شدہ درخواست { $days ->
    [one] { $days } دن
   *[other] { $days } دن
} بعد حذف کر دی جاتی ہے۔
privacy-council = کونسل کا ریکارڈ: کونسل کے اراکین کے نام اور عہدے، اس کے ایجنڈے، فیصلے اور اجلاس کی کارروائی (منٹس) سرکاری ریکارڈ ہیں جو میونسپلٹی قانون کے تحت رکھتی ہے (اپنے عوامی فریضے کے طور پر)۔
privacy-accounts = اکاؤنٹس: آپ کا ای میل پتہ اور نام، آپ کے کردار، آپ کے سیشن (جب تک آپ سائن آؤٹ نہ کریں یا ان کی میعاد ختم نہ ہو جائے) اور سائن اِن لنکس (جب تک ان کی میعاد ختم نہ ہو جائے یا وہ استعمال نہ ہو جائیں)۔
privacy-audit = آڈٹ لاگ: کس نے سائن اِن کیا، اور کس نے کیا اجازت دی یا کیا تبدیل کیا، وقت اور انٹرنیٹ ایڈریس (IP) کے ساتھ؛ یہ { $years ->
    [one] { $years } سال
   *[other] { $years } سال
} تک رکھا جاتا ہے تاکہ پلیٹ فارم محفوظ رہے اور ہر کارروائی کا حساب رکھا جا سکے۔
privacy-no-sharing = ہم آپ کا ڈیٹا نہ بیچتے ہیں نہ کسی کو دیتے ہیں، نہ اشتہارات دکھاتے ہیں، اور نہ ہی ٹریکنگ یا اینالیٹکس استعمال کرتے ہیں۔ ای میلز میونسپلٹی کی ای میل سروس کے ذریعے بھیجی جاتی ہیں۔
privacy-rights = آپ کے حقوق
privacy-rights-text = آپ دیکھ سکتے ہیں کہ ہم آپ کے بارے میں کیا رکھتے ہیں، اسے درست کروا سکتے ہیں، اسے حذف کروا سکتے ہیں، یا اس کے استعمال پر اعتراض کر سکتے ہیں۔
privacy-rights-residents = رہائشی: ہر پیغام میں آپ کی ترجیحات کا لنک ہوتا ہے، جہاں آپ اپنی سبسکرپشن بدل یا منسوخ کر سکتے ہیں اور وہ سب کچھ ڈاؤن لوڈ کر سکتے ہیں جو ہم آپ کے بارے میں رکھتے ہیں۔
privacy-rights-accounts = اکاؤنٹ رکھنے والے افراد: آپ کے اکاؤنٹ کا صفحہ آپ کے کردار، سیشن اور آپ سے متعلق آڈٹ لاگ کے اندراجات دکھاتا ہے، اور آپ یہ سب ڈاؤن لوڈ کر سکتے ہیں۔ اپنا اکاؤنٹ حذف کروانے کے لیے پلیٹ فارم کو چلانے والوں کو لکھیں۔
privacy-complaint = اگر آپ سمجھتے ہیں کہ ہم آپ کے ڈیٹا کو صحیح طریقے سے نہیں سنبھال رہے تو آپ یونان کی ڈیٹا پروٹیکشن اتھارٹی (www.dpa.gr) کے پاس شکایت درج کرا سکتے ہیں۔
accessibility-title = رسائی کا بیان
accessibility-intro = یہ بیان { $site } پر ΣΕΜΠ پلیٹ فارم کے صفحات پر لاگو ہوتا ہے۔ جو میونسپلٹیاں اسے استعمال کرتی ہیں وہ یورپی یونین کی ہدایت (EU) 2016/2102 اور یونانی قانون 4591/2019 کے تحت سرکاری شعبے کے ادارے ہیں۔
accessibility-status = مطابقت کی صورتِ حال
accessibility-status-text = یہ صفحات نیچے درج استثنات کی وجہ سے ویب مواد تک رسائی کے رہنما اصولوں (WCAG) 2.1 کی سطح AA اور یورپی معیار EN 301 549 کے جزوی طور پر مطابق ہیں۔
accessibility-checks = ہم کیسے جانچتے ہیں
accessibility-checks-text = ہر صفحہ، اُس حالت میں بھی جب غلطی کے پیغامات دکھائے جا رہے ہوں، پلیٹ فارم میں ہر تبدیلی پر جانچا جاتا ہے: 390 پکسل چوڑے ایک حقیقی براؤزر میں axe-core کے ذریعے، W3C Nu HTML checker کے ذریعے، اور ایسے ٹیسٹوں کے ذریعے جو صفحات کو کی بورڈ سے اور اُن ناموں کے ذریعے استعمال کرتے ہیں جو اسکرین ریڈر پڑھ کر سناتا ہے۔ صفحات JavaScript کے بغیر کام کرتے ہیں۔
accessibility-exceptions = وہ مواد جو قابلِ رسائی نہیں
accessibility-exception-documents = میونسپلٹیوں کی طرف سے اپ لوڈ کی گئی دستاویزات (ایجنڈوں کے ساتھ منسلک فائلیں، PDF میں اجلاس کی کارروائی) ممکن ہے قابلِ رسائی نہ ہوں۔ فیصلوں اور اجلاس کی کارروائی کا متن صفحے پر بھی دکھایا جاتا ہے۔
accessibility-exception-languages = ہر میونسپلٹی اعلانات یونانی میں اور اکثر انگریزی میں لکھتی ہے؛ دوسری زبانوں میں ترجمے ہمیشہ دستیاب نہیں ہوتے۔
accessibility-exception-maps = نقشوں اور دوسری ویب سائٹس کے لنکس ایسی سروسز پر لے جاتے ہیں جن پر پلیٹ فارم کا کوئی اختیار نہیں۔
accessibility-prepared = یہ بیان { $date } کو اوپر بیان کی گئی جانچ کی بنیاد پر خود جائزے کے ذریعے تیار کیا گیا۔
accessibility-feedback = رائے اور رابطہ
accessibility-feedback-text = اگر آپ کو کوئی رکاوٹ پیش آئے، یا آپ کو کوئی صفحہ یا دستاویز کسی دوسری شکل میں درکار ہو، تو { $email } پر لکھیں۔ ہم 30 دن کے اندر جواب دیتے ہیں۔
accessibility-enforcement = نفاذ کا طریقۂ کار
accessibility-enforcement-text = اگر آپ ہمارے جواب سے مطمئن نہیں ہیں تو آپ یونان کے محتسب (Συνήγορος του Πολίτη، www.synigoros.gr) سے رجوع کر سکتے ہیں، جو سرکاری اداروں کے بارے میں شکایات نمٹاتا ہے۔
cookies-title = کوکیز
cookies-intro = پلیٹ فارم صرف وہی کوکیز استعمال کرتا ہے جو اس کے کام کرنے کے لیے ضروری ہیں۔ یہ اینالیٹکس، اشتہارات یا ٹریکنگ کی کوئی کوکی استعمال نہیں کرتا، اس لیے آپ سے رضامندی نہیں مانگتا۔
cookies-name = نام
cookies-purpose = یہ کس لیے ہے
cookies-expires = یہ کب تک رہتی ہے
cookies-session-purpose = آپ کو سائن اِن رکھتی ہے۔
cookies-session-expires = جب تک آپ سائن آؤٹ نہ کریں، یا { $hours ->
    [one] { $hours } گھنٹے
   *[other] { $hours } گھنٹے
} بعد (اور اگر { $idle ->
    [one] { $idle } گھنٹے
   *[other] { $idle } گھنٹے
} تک استعمال نہ ہو تو اس سے پہلے)۔
cookies-csrf-purpose = آپ کے بھیجے گئے فارمز کی حفاظت کرتی ہے تاکہ کوئی دوسری ویب سائٹ انہیں آپ کے نام سے نہ بھیج سکے۔
cookies-csrf-expires = جب تک آپ اپنا براؤزر بند نہ کریں۔
cookies-oidc-purpose = شناخت فراہم کرنے والے ادارے کے ذریعے آپ کے سائن اِن کو آپ سے جوڑتی ہے۔
cookies-oidc-expires = 10 منٹ۔
cookies-lang-purpose = آپ کی منتخب کردہ زبان یاد رکھتی ہے۔
cookies-lang-expires = 1 سال۔
