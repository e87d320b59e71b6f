# الصفحات العامة لمنصة ΣΕΜΠ باللغة العربية: ما يقرؤه السكان والزوار ومن يريد أن يصبح عضوًا.
# يمكن لكل من يكتب العربية جيدًا أن يحسّن هذا الملف (أو نسخته على منصة ترجمة): احتفظ بكل مفتاح
# وبكل { $placeholder } كما هو، واكتب جملًا قصيرة وواضحة، وأرسل التعديل إلى فريق المنصة.
# Public pages of the ΣΕΜΠ platform, in Arabic. Anyone who writes Arabic well may improve this file:
# keep each key and each { $placeholder }, and send the change to the platform's team.

site-name = منصة ΣΕΜΠ
site-tagline = مجالس اندماج المهاجرين واللاجئين في البلديات
skip-to-content = انتقل إلى المحتوى
language-switch-label = اللغة
main-navigation = القائمة الرئيسية
nav-municipalities = البلديات
nav-api = واجهة API للمطوّرين
footer-about = منصة مجالس اندماج المهاجرين واللاجئين (ΣΕΜΠ) في البلديات اليونانية.
footer-example-data = أعضاء المجلس الذين يحملون علامة «مثال» بيانات وهمية للعرض فقط.

home-title = البلديات ومجالسها
home-intro = تُنشئ كل بلدية في اليونان مجلسًا لاندماج المهاجرين واللاجئين (ΣΕΜΠ)، وهو هيئة استشارية تهتم باندماج المهاجرين واللاجئين في المجتمع المحلي. اختر بلدية لترى صفحتها ومجلسها.
home-count = { $count ->
    [0] لا توجد بلديات بعد.
    [zero] لا توجد بلديات بعد.
    [one] بلدية واحدة
    [two] بلديتان
    [few] { $count } بلديات
    [many] { $count } بلدية
   *[other] { $count } بلدية
}
home-empty = لم تُضَف أي بلدية بعد.
region = الإقليم
visit-profile = الصفحة والمجلس: { $name }

tenant-archived = هذه البلدية مؤرشفة. تبقى معلوماتها للاطلاع، لكنها لم تعد تُحدَّث.
tenant-website = موقع البلدية
tenant-contact = تواصل مع المجلس
content-language-notice = { $shown ->
    [el] تكتب البلدية هذا النص باليونانية، لذلك يظهر باليونانية.
    [en] تكتب البلدية هذا النص باليونانية والإنجليزية، ويظهر هنا بالإنجليزية.
   *[both] تكتب البلدية هذا النص باليونانية والإنجليزية، ويظهر بعضه بكل لغة منهما.
}
fallback-notice = يظهر بعض المحتوى باليونانية، لأنه لم يُترجَم إلى الإنجليزية بعد.
section-introduction = نبذة
section-key-figures = أرقام أساسية
section-programmes = المرافق والبرامج
section-achievements = ما حقّقناه
section-goals = إلى أين نتّجه
section-council = مجلس اندماج المهاجرين واللاجئين
figure-year = ({ $year })
figure-source = المصدر:
more-information = للمزيد: { $title }
council-decision = قرار التأسيس
council-term = مدة الولاية
council-term-range = من { $start } إلى { $end }
council-not-recorded = لم تسجّل البلدية بيانات مجلسها بعد.
council-members = الأعضاء
council-members-count = { $regular ->
    [zero] لا أعضاء أساسيين
    [one] عضو أساسي واحد
    [two] عضوان أساسيان
    [few] { $regular } أعضاء أساسيين
    [many] { $regular } عضوًا أساسيًا
   *[other] { $regular } عضو أساسي
} و{ $substitute ->
    [zero] لا أعضاء احتياطيين
    [one] عضو احتياطي واحد
    [two] عضوان احتياطيان
    [few] { $substitute } أعضاء احتياطيين
    [many] { $substitute } عضوًا احتياطيًا
   *[other] { $substitute } عضو احتياطي
}
council-no-members = لم يُسجَّل أي عضو بعد.
member-name = الاسم
member-role = الدور
member-category = الصفة
member-organisation = المنظمة
member-membership = العضوية
member-example = مثال
member-example-explained = عضو وهمي للعرض، وليس شخصًا حقيقيًا.
role-president = الرئيس
role-member = عضو
role-secretary = أمين السر
category-other = أخرى
membership-regular = أساسي
membership-substitute = احتياطي

error-not-found-title = الصفحة غير موجودة
error-not-found-text = لا يوجد شيء على هذا العنوان. ربما الرابط قديم أو فيه خطأ في الكتابة.
error-request-title = لا يمكن تنفيذ هذا الطلب
error-request-text = هذا العنوان موجود، لكنه لا يقبل هذا النوع من الطلبات.
error-server-title = حدث خطأ ما
error-server-text = حدث خطأ من جهتنا وسجّلناه. يُرجى المحاولة مرة أخرى بعد قليل.
error-request-id = رقم الطلب: { $id }
back-home = العودة إلى البلديات
workspace-nav = مساحة عملي
field-error-required = املأ خانة «{ $label }».
document-sign-in-title = سجّل الدخول لفتح هذه الوثيقة
document-sign-in-text = لا يرى هذه الوثيقة إلا أعضاء المجلس وأمانة سرّه، أو أنها لم تعد موجودة. إذا كنت عضوًا، فسجّل الدخول، وستعود إلى هنا بعد ذلك.
document-unavailable-title = هذه الوثيقة غير متاحة
document-unavailable-text = الوثيقة غير موجودة، أو أن الحساب الذي دخلت به لا يستطيع رؤيتها. إذا وصلتك بصفتك عضوًا في المجلس، فسجّل الدخول بالعنوان الذي وصلتك عليه الدعوة.

sign-in = تسجيل الدخول
sign-out = تسجيل الخروج
signed-in-as = دخلت باسم { $name }
sign-in-title = تسجيل الدخول
sign-in-intro = هنا يسجّل الدخول أعضاء المجلس وأمناء السر وموظفو البلدية. أما السكان فلا يحتاجون إلى حساب أبدًا.
sign-in-providers = بحساب لديك
sign-in-with = الدخول عبر { $provider }
sign-in-link-heading = برابط يصلك بالبريد الإلكتروني
sign-in-link-intro = ليس لديك حساب في أي مكان؟ اكتب العنوان الذي وصلتك عليه الدعوة، وسنرسل إليك رابط دخول يعمل مرة واحدة فقط، لمدة 15 دقيقة.
email-label = عنوان البريد الإلكتروني
sign-in-link-button = أرسلوا لي رابط الدخول
signed-in-already = أنت مسجّل الدخول بالعنوان { $email }.
link-sent-title = تفقّد بريدك الإلكتروني
link-sent-text = إذا كان هذا العنوان لعضو في المنصة، فرابط الدخول في طريقه إليه. يعمل الرابط مرة واحدة فقط، لمدة 15 دقيقة.
link-mail-subject = رابط دخولك إلى منصة ΣΕΜΠ
link-mail-text = مرحبًا،

    استخدم هذا الرابط لتسجيل الدخول إلى منصة ΣΕΜΠ. يعمل مرة واحدة فقط، لمدة { $minutes } دقيقة:
    { $url }

    إذا لم تطلبه، فتجاهل هذه الرسالة: لا يستطيع أحد الدخول دون هذا الرابط.
link-confirm-text = اضغط الزر لإكمال تسجيل الدخول.
link-confirm-button = تسجيل الدخول
sign-in-failed-title = لم ينجح تسجيل الدخول
sign-in-again = حاول تسجيل الدخول مرة أخرى
too-many-attempts = محاولات كثيرة جدًا. يُرجى الانتظار { $seconds } ثانية ثم المحاولة مرة أخرى.
csrf-title = انتهت صلاحية هذا النموذج
csrf-text = لم نقبل النموذج حفاظًا على أمانك. ارجع إلى الصفحة السابقة، وأعد تحميلها، ثم حاول مرة أخرى.
account-title = حسابك
access-role-platform-admin = مسؤول المنصة
access-role-tenant-admin = مسؤول البلدية على المنصة
access-role-secretary = أمين سر المجلس
access-role-council-member = عضو المجلس
access-role-practice-author = كاتب ممارسات جيدة

sign-in-error-unknown-state = محاولة الدخول هذه غير معروفة، أو استُخدمت من قبل، أو انتهت صلاحيتها. يُرجى البدء من جديد.
sign-in-error-other-browser = بدأت محاولة الدخول هذه في متصفح آخر. يُرجى البدء من جديد هنا.
sign-in-error-unknown-provider = خدمة الدخول هذه لم تعد متاحة.
sign-in-error-unreachable = لا يمكن الوصول إلى خدمة الدخول الآن. يُرجى المحاولة لاحقًا.
sign-in-error-forbidden-address = خدمة الدخول موجودة على عنوان لا تتصل به المنصة (هذا الحاسوب أو شبكة خاصة). يُرجى إبلاغ مسؤولي البلدية على المنصة.
sign-in-error-refused = رفضت خدمة الدخول تسجيل دخولك. يُرجى البدء من جديد.
sign-in-error-invalid-token = تعذّر التحقق من ردّ خدمة الدخول، لذلك لم يُسجَّل دخول أحد.
sign-in-error-no-verified-email = لم تؤكّد خدمة الدخول عنوان بريدك الإلكتروني، لذلك لا نستطيع معرفة هويتك.
sign-in-error-link-unknown = رابط الدخول هذا غير صالح. اطلب رابطًا جديدًا.
sign-in-error-link-used = رابط الدخول هذا استُخدم من قبل. اطلب رابطًا جديدًا.
sign-in-error-link-expired = انتهت صلاحية رابط الدخول هذا. اطلب رابطًا جديدًا.

meetings-nav = اجتماعات المجلس
meetings-title = الاجتماعات: { $council }
meetings-calendar-link = تقويم الاجتماعات (iCalendar)
meetings-atom-link = موجز المحاضر والقرارات (Atom)
meetings-search-label = ابحث في العناوين وبنود جدول الأعمال والمحاضر
meetings-year-label = السنة
meetings-any-year = كل السنوات
meetings-state-label = الحالة
meetings-any-state = كل الحالات
meetings-search-button = بحث
meetings-upcoming = الاجتماعات القادمة
meetings-past = الاجتماعات السابقة
meetings-results = النتائج
meetings-count = { $count ->
    [0] لم نجد أي اجتماع.
    [zero] لم نجد أي اجتماع.
    [one] اجتماع واحد
    [two] اجتماعان
    [few] { $count } اجتماعات
    [many] { $count } اجتماعًا
   *[other] { $count } اجتماع
}
pagination-label = الصفحات
meeting-heading = الاجتماع رقم { $number }: { $title }
meeting-postponed = مؤجَّل
meeting-cancel-reason = السبب
meeting-draft-notice = مسودة اجتماع: لا يراها إلا أعضاء المجلس وأمانة سرّه.
meeting-cancelled-notice = أُلغي هذا الاجتماع.
meeting-starts = يبدأ
meeting-ends = ينتهي
meeting-kind = النوع
meeting-mode = طريقة الانعقاد
meeting-location = المكان
meeting-online = رابط مكالمة الفيديو
meeting-calendar-link = أضِف إلى التقويم (.ics)
meeting-postponements = التأجيلات
meeting-postponed-from-to = من { $from } إلى { $to }
meeting-documents = وثائق الاجتماع
meeting-agenda = جدول الأعمال
meeting-agenda-empty = لا توجد بنود في جدول الأعمال بعد.
item-urgent = أُضيف أثناء الاجتماع (عاجل)
item-closed = نوقش في جلسة مغلقة
item-withdrawn = سُحب
item-rapporteur = المقرِّر
decision-ada = رقم ADA (بوابة الشفافية Diavgeia)
decision-votes = مع: { $for }، ضد: { $against }، امتناع: { $abstain }
decision-dissent = الآراء المخالفة
version-label = النسخة { $version }
version-changed = صُحِّح في النسخة { $version }
earlier-versions = النسخ السابقة
meeting-attendance = الحضور
attendance-summary = الأعضاء الحاضرون: { $present } من أصل { $in_office }.
attendance-quorum = اكتمل النصاب القانوني.
attendance-no-quorum = لم يكتمل النصاب القانوني، فلم يتخذ الاجتماع أي قرار.
attendance-status = الحضور
meeting-minutes = المحضر
minutes-published-on = نُشر في
minutes-draft = مسودة، غير منشور
minutes-approved-by-meeting = وافق عليه اجتماع لاحق في { $date }.
minutes-approved-by-president = وافق عليه الرئيس في { $date }.
minutes-print-link = نسخة المحضر للطباعة
minutes-print-title = محضر: { $meeting }
minutes-back-to-meeting = العودة إلى الاجتماع
minutes-not-latest = هذه ليست النسخة الحالية من المحضر.

practices-nav = الممارسات الجيدة
practices-title = ممارسات جيدة في الاندماج
practices-of-municipality = الممارسات الجيدة: { $name }
practices-of-municipality-nav = الممارسات الجيدة للبلدية
practices-lead = ممارسات لاندماج المهاجرين واللاجئين، من بلديات ومنظمات في كل أنحاء البلاد، لتتعلّم منها كل مدينة وتطبّقها.
practices-search-label = ابحث في العناوين والأوصاف
practices-sort-label = الترتيب حسب
practices-sort-relevance = الأكثر صلة
practices-sort-date = الأحدث أولًا
practices-search-button = بحث
practices-filters = التصفية
practices-clear-filters = إلغاء التصفية
practices-facet-sector = القطاع
practices-facet-theme = المجال الموضوعي
practices-facet-sdg = أهداف التنمية المستدامة
practices-facet-municipality = البلدية
practices-facet-audience = الفئة المستهدفة
practices-facet-year = السنة
practices-facet-count = { $count ->
    [zero] لا توجد ممارسات
    [one] ممارسة واحدة
    [two] ممارستان
    [few] { $count } ممارسات
    [many] { $count } ممارسةً
   *[other] { $count } ممارسة
}
practices-results = النتائج
practices-count = { $count ->
    [0] لم نجد أي ممارسة.
    [zero] لم نجد أي ممارسة.
    [one] ممارسة واحدة
    [two] ممارستان
    [few] { $count } ممارسات
    [many] { $count } ممارسةً
   *[other] { $count } ممارسة
}
practices-csv-link = تنزيل القائمة (CSV)
practice-archived-tag = مؤرشفة
sdg-1 = القضاء على الفقر
sdg-2 = القضاء التام على الجوع
sdg-3 = الصحة الجيدة والرفاه
sdg-4 = التعليم الجيد
sdg-5 = المساواة بين الجنسين
sdg-6 = المياه النظيفة والنظافة الصحية
sdg-7 = طاقة نظيفة وبأسعار معقولة
sdg-8 = العمل اللائق ونمو الاقتصاد
sdg-9 = الصناعة والابتكار والهياكل الأساسية
sdg-10 = الحد من أوجه عدم المساواة
sdg-11 = مدن ومجتمعات محلية مستدامة
sdg-12 = الاستهلاك والإنتاج المسؤولان
sdg-13 = العمل المناخي
sdg-14 = الحياة تحت الماء
sdg-15 = الحياة في البر
sdg-16 = السلام والعدل والمؤسسات القوية
sdg-17 = عقد الشراكات لتحقيق الأهداف
practice-organisation = المنظمة
practice-sector = القطاع
practice-themes = المجالات الموضوعية
practice-audiences = الفئات المستهدفة
practice-duration = المدة
practice-duration-ongoing-from = منذ { $from }، ولا تزال مستمرة
practice-duration-ongoing = مستمرة
practice-duration-from-to = من { $from } إلى { $to }
practice-duration-from = من { $from }
practice-duration-to = حتى { $to }
practice-places = أين
practice-partners = المنظمات الشريكة
practice-objective = الهدف
practice-target-audience = لمن هي
practice-description = الوصف
practice-impact = الأثر في المجتمع
practice-staff = مشاركة الموظفين
practice-volunteers = مشاركة المتطوعين
practice-results = النتائج حسب السنة
practice-results-caption = الأرقام حسب السنة، كما قدّمتها المنظمة.
practice-results-measure = المؤشر
practice-goals = أهداف الأمم المتحدة للتنمية المستدامة
practice-links = روابط
practice-published-on = نُشرت في
practice-unpublished = هذه الممارسة غير منشورة ({ $state }): لا يراها إلا كاتبها والمشرفون.
practice-state-draft = مسودة
practice-state-submitted = مُرسَلة للمراجعة
practice-state-published = منشورة
practice-state-rejected = مرفوضة
practice-state-archived = مؤرشفة
practice-archived-notice = هذه الممارسة مؤرشفة: يمكن قراءتها، لكنها لم تعد تُحدَّث.
practice-print-link = طباعة
practice-export-link = تنزيل بصيغة JSON
practice-back = العودة إلى الممارسة
practice-adopters = البلديات التي طبّقتها
practice-no-adopters = لم تُعلن أي بلدية بعدُ أنها طبّقت هذه الممارسة.
practice-opinions = آراء القرّاء
practice-opinion-anonymous = بدون اسم
practice-no-opinions = لم يُنشر أي رأي بعد.
practice-feedback-heading = أخبرنا برأيك
practice-feedback-thanks = شكرًا لك! سيظهر رأيك بعد أن يوافق عليه أحد المشرفين.
practice-feedback-limited = أرسلت رسائل كثيرة في وقت قصير. يُرجى المحاولة لاحقًا.
practice-feedback-name = الاسم (اختياري)
practice-feedback-email = البريد الإلكتروني
practice-feedback-email-hint = لا يظهر أبدًا، ونحتاجه فقط للتواصل معك.
practice-feedback-body = رأيك
practice-feedback-send = إرسال
practice-documents = الوثائق
subscribe-nav = إشعارات بالبريد الإلكتروني
subscribe-title = إشعارات بالبريد الإلكتروني
subscribe-lead = كن أول من يعرف باجتماعات المجلس ومحاضره وبالممارسات الجيدة. لا تحتاج إلى حساب.
subscribe-email = البريد الإلكتروني
subscribe-topics = عمّ تريد أن تصلك الأخبار؟
subscribe-language = لغة الرسائل
subscribe-cadence = متى
subscribe-privacy = سنرسل إليك رسالة تأكيد، ولن نرسل أي شيء آخر قبل أن تفتح الرابط الذي فيها. في كل رسالة رابط لإلغاء الاشتراك بنقرة واحدة.
subscribe-button = اشترك
topic-meetings = الاجتماعات الجديدة، والتأجيلات، والإلغاءات
topic-minutes = المحاضر والقرارات
topic-practices = الممارسات الجيدة للبلدية
cadence-immediate = فورًا، مع كل جديد
cadence-digest = مجمّعة، مرة في الأسبوع
subscribe-sent-title = تفقّد بريدك الإلكتروني
subscribe-sent-text = أرسلنا إليك رسالة فيها رابط لتأكيد الاشتراك. إذا لم تجدها، فابحث عنها أيضًا في مجلد الرسائل غير المرغوب فيها (Spam).
subscribe-limited = وصلتنا طلبات كثيرة في وقت قصير. يُرجى المحاولة لاحقًا.
confirm-title = أكّد اشتراكك
confirm-text = اضغط الزر لتبدأ في تلقّي الإشعارات.
confirm-button = تأكيد
confirmed-title = تم تأكيد اشتراكك
confirmed-text = من الآن ستصلك الإشعارات التي اخترتها.
link-invalid-title = هذا الرابط غير صالح
link-invalid-text = انتهت صلاحية الرابط أو أُلغي الاشتراك. يمكنك الاشتراك من جديد من صفحة البلدية.
preferences-title = تفضيلاتك
preferences-for = الإشعارات المرسلة إلى { $email }
preferences-saved = تم حفظ تغييراتك.
preferences-save = حفظ
preferences-leave = حذف الاشتراك
preferences-link = تفضيلاتك
unsubscribe-title = إلغاء الاشتراك في الإشعارات
unsubscribe-text = اضغط الزر ولن تصلك أي رسائل بعد ذلك.
unsubscribe-button = إلغاء الاشتراك
unsubscribed-title = تم إلغاء اشتراكك
unsubscribed-text = لن تصلك أي إشعارات بعد الآن. يمكنك الاشتراك من جديد متى شئت.
erase-text = احذف كل ما يخصّك: يُحذف الاشتراك والرسائل التي أُرسلت إليك، ولا تبقى إلا بصمة رقمية (hash) للعنوان، حتى لا يستطيع أحد أن يضيفك من جديد دون علمك.
erase-button = احذف بياناتي
erased-title = تم حذف بياناتك
erased-text = لم نعد نحتفظ بعنوانك ولا بالرسائل المرسلة إليك.

## نماذج مساحة العمل وصفحات الاجتماعات (The workspace's forms and meeting pages)
form-error-summary = توجد مشكلة
form-error-prefix = خطأ:
form-cancel = إلغاء
form-conflict = تعذّر تنفيذ ذلك: { $reason }
field-error-invalid = تحقّق من «{ $label }»: { $reason }
field-error-negative = لا يمكن أن تكون قيمة «{ $label }» أقل من صفر.
error-forbidden-title = لا يمكنك استخدام هذه الصفحة
error-forbidden-text = ليس لحسابك دور يسمح بذلك. إذا كنت ترى أن ذلك خطأ، فاسأل مسؤولي بلديتك على المنصة.

decision-kind = النوع
decision-result = النتيجة
erase-confirm-title = هل تريد حذف كل ما يخصّك؟
form-changed-meanwhile-any = غيّر شخص آخر هذه البيانات بعد أن فتحت النموذج. نصّك موجود في الأسفل، ولم يُحفظ. افتح الصفحة في علامة تبويب أخرى لترى التغيير الآخر، أو اضغط الزر مرة أخرى لحفظ نصّك بدلًا منه.

## طلبات الوصول: النموذج العام ومساحة العمل (Requests for access)
ask-nav = اطلب الوصول إلى المنصة
ask-title = طلب الوصول
ask-lead = إذا أردت تقديم ممارسة جيدة باسم منظمة، أو كنت عضوًا جديدًا في المجلس، فاطلب الوصول. سيطّلع مسؤولو البلدية على طلبك ويردّون عليك بالبريد الإلكتروني.
ask-name = الاسم الكامل
ask-organisation = المنظمة (اختياري)
ask-organisation-hint = مثل المنظمة غير الحكومية أو الجالية التي تتحدث باسمها.
ask-email = عنوان البريد الإلكتروني
ask-email-hint = إلى هذا العنوان تصل الدعوة أو الرد.
ask-role = ماذا تريد أن تفعل على المنصة؟
ask-reason = لماذا تطلب الوصول؟
ask-reason-hint = كلمات قليلة عنك وعمّا تريد أن تفعله.
ask-privacy = لا يرى ما تكتبه هنا إلا مسؤولو البلدية، ليردّوا على طلبك.
ask-submit = أرسل الطلب
ask-limited = أرسلت طلبات كثيرة في وقت قصير. حاول مرة أخرى بعد ساعة.
ask-sent-title = تم إرسال طلبك
ask-sent-text = سيطّلع عليه مسؤولو البلدية ويردّون عليك بالبريد الإلكتروني على العنوان الذي كتبته.
ask-back = العودة إلى صفحة البلدية
moderation-adopt-heading = طبّقنا هذه الممارسة
moderation-adopt-for = باسم البلدية:
moderation-withdraw-link = سحب إعلان التطبيق

## تسميات ورسائل أخطاء مشتركة بين الصفحات العامة ومساحة العمل
role-vice_president = نائب الرئيس
category-municipal_councillor = عضو المجلس البلدي
category-civil_society = المجتمع المدني
category-migrant_community = ممثل المهاجرين واللاجئين
practice-state-in_review = قيد المراجعة
practice-state-changes_requested = مطلوب تعديلات
field-error-too_long = يقبل حقل «{ $label }» { $max } حرفًا على الأكثر، وفيه الآن { $length }.
field-error-control_characters = في حقل «{ $label }» رموز تحكم. اكتب النص أو الصقه من جديد.
field-error-invalid_email = اكتب عنوان البريد الإلكتروني بهذا الشكل: name@example.org.
field-error-invalid_url = يجب أن يكون حقل «{ $label }» عنوان موقع يبدأ بـ https:// أو http://.
field-error-choose_one = اختر واحدًا في «{ $label }».
field-error-choose_at_least_one = اختر واحدًا على الأقل في «{ $label }».
field-error-not_a_choice = اختر أحد الخيارات المعروضة في «{ $label }».
field-error-too_many = يقبل «{ $label }» { $max } عناصر على الأكثر، وفيه الآن { $count }.

## تسميات الاجتماعات والممارسات في الصفحات العامة
meeting-state-draft = مسودة
meeting-state-convened = تمت الدعوة إليه
meeting-state-held = انعقد
meeting-state-minutes_drafted = المحضر قيد الكتابة
meeting-state-minutes_approved = تمت الموافقة على المحضر
meeting-state-published = نُشر المحضر
meeting-state-cancelled = أُلغي
meeting-kind-regular = عادي
meeting-kind-extraordinary = استثنائي
meeting-mode-in_person = حضوري
meeting-mode-remote = عن بُعد
meeting-mode-hybrid = حضوري وعن بُعد
decision-kind-decision = قرار
decision-kind-recommendation = توصية
decision-result-adopted = تمت الموافقة
decision-result-rejected = تم الرفض
attendance-present = حاضر
attendance-absent = غائب
attendance-excused = غائب بعذر
attendance-substitute_present = حضر البديل
sector-municipality = الحكم المحلي
sector-civil_society = المجتمع المدني
sector-business = القطاع الخاص
sector-academia = الجامعات والبحث
sector-international_organisation = المنظمات الدولية
sector-other = قطاع آخر
audience-refugees = اللاجئون
audience-asylum_seekers = طالبو اللجوء
audience-migrants = المهاجرون
audience-unaccompanied_minors = القاصرون غير المصحوبين
audience-women = النساء
audience-children = الأطفال
audience-youth = الشباب
audience-families = العائلات
audience-professionals = المهنيون
audience-general_public = عامة الناس

## ما نحتفظ به عن المشترك (حق الاطلاع)
held-link = اطّلع على ما نحتفظ به عنك أو نزّله
held-title = ما نحتفظ به عنك
held-intro = كل ما تحتفظ به { $municipality } عن هذا الاشتراك على هذه المنصة، ورسائل آخر 30 يومًا. لا يُحتفظ هنا بأي شيء آخر عنك.
held-subscription = اشتراكك
held-email = عنوان البريد الإلكتروني
held-municipality = البلدية
held-state = الحالة
held-state-pending = في انتظار تأكيدك
held-state-active = نشط
held-state-stopped = متوقف: عادت الرسائل المرسلة إلى العنوان
held-topics = المواضيع
held-language = لغة الرسائل
held-cadence = عدد المرات
held-consent = موافقتك
held-created = أول طلب
held-requested = آخر طلب
held-confirmed = التأكيد
held-from = من عنوان الإنترنت { $address }
held-no-record = لم يُسجَّل متى ومن أين طُلب هذا الاشتراك: فهو أقدم من هذا التسجيل.
held-messages = رسائل آخر 30 يومًا
held-subject = الموضوع
held-written = تاريخ الكتابة
held-sent = تاريخ الإرسال
held-not-sent = لم تُرسل
held-no-messages = لا توجد رسائل في آخر 30 يومًا.
held-download = نزّل كل شيء في ملف (JSON)
held-back = العودة إلى تفضيلاتك

## الصفحات التي يفرضها القانون: إشعارات الخصوصية، وبيان إمكانية الوصول، وملفات تعريف الارتباط
footer-privacy = الخصوصية
footer-accessibility = إمكانية الوصول
footer-cookies = ملفات تعريف الارتباط
legal-updated = آخر مراجعة: { $date }.
privacy-title = إشعار الخصوصية
privacy-municipality-title = إشعار الخصوصية: { $municipality }
privacy-platform-intro = يتناول هذا الإشعار البيانات التي يحتفظ بها مشغّلو المنصة: حسابات الأشخاص الذين يعملون عليها (موظفو البلديات، وأعضاء المجالس، ومؤلفو الممارسات الجيدة، والمسؤولون عن الإدارة). أما البيانات التي تحتفظ بها البلدية عن سكانها، فيشرحها إشعارها الخاص.
privacy-municipalities = إشعار كل بلدية
privacy-controller = مَن المسؤول
privacy-controller-municipality = { $municipality } هي الجهة المسؤولة عن معالجة البيانات الشخصية الواردة في صفحاتها وفي إعلاناتها الموجهة إلى السكان. يمكنكم مراسلتها على { $email }.
privacy-controller-no-email = { $municipality } هي الجهة المسؤولة عن معالجة البيانات الشخصية الواردة في صفحاتها وفي إعلاناتها الموجهة إلى السكان.
privacy-controller-platform = مشغّلو المنصة هم الجهة المسؤولة عن معالجة بيانات الحسابات المذكورة أدناه. يمكنكم مراسلتهم على { $email }.
privacy-dpo = مسؤول حماية البيانات
privacy-dpo-named = { $name }، على العنوان { $email }.
privacy-dpo-address = على العنوان { $email }.
privacy-dpo-missing = لم تنشر البلدية هنا بعدُ بيانات الاتصال بمسؤول حماية البيانات لديها. راسلوا البلدية، وستتولى إحالة رسالتكم إليه.
privacy-what = ما نحتفظ به، ولماذا، وإلى متى
privacy-subscriptions = الاشتراك في الإعلانات: عنوان بريدكم الإلكتروني، ولغتكم، والمواضيع التي تختارونها، وعدد المرات التي تريدون أن تصلكم فيها الرسائل، إضافةً إلى وقت طلبكم ووقت تأكيده وعنوان الإنترنت (IP) الذي أُرسلا منه. نحتفظ بهذه البيانات لأنكم طلبتم تلقي الإعلانات (موافقتكم)، إلى أن تلغوا اشتراككم. أما الطلب الذي لا يُؤكَّد أبدًا فيُحذف بعد { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
}.
privacy-messages = الرسائل التي نرسلها إليكم: نحتفظ بنصها وبعنوانكم لمدة { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
} بعد الإرسال، لكي نتمكن من الإجابة عن أي أسئلة بشأنها؛ وبعد ذلك لا يبقى إلا سجلّ يفيد بأن الرسالة قد أُرسلت.
privacy-feedback = التعليقات على ممارسة جيدة: يُنشر اسمكم ورسالتكم بعد أن يوافق عليهما مشرف؛ ولا يُعرض عنوان بريدكم الإلكتروني أبدًا، ويُحذف بعد { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
} من قرار المشرف.
privacy-requests = طلبات الوصول إلى مساحة العمل: اسمكم، والجهة التي تنتمون إليها، وعنوانكم، وسبب الطلب، إلى أن يتخذ أحد المسؤولين عن الإدارة قرارًا؛ ويُحذف الطلب المرفوض بعد { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
} من رفضه.
privacy-council = سجلات المجلس: أسماء أعضاء المجلس وأدوارهم، وجداول أعماله، وقراراته، ومحاضر جلساته، هي سجلات عامة تحتفظ بها البلدية بموجب القانون (أداءً لمهمتها العامة).
privacy-accounts = الحسابات: عنوان بريدكم الإلكتروني واسمكم، وأدواركم، وجلساتكم (إلى أن تسجّلوا الخروج أو تنتهي صلاحيتها)، وروابط تسجيل الدخول (إلى أن تنتهي صلاحيتها أو تُستخدم).
privacy-audit = سجلّ التدقيق: مَن سجّل الدخول، ومَن منح أو غيّر ماذا، مع الوقت وعنوان الإنترنت (IP)؛ ويُحتفظ به لمدة { $years ->
    [zero] { $years } سنة
    [one] سنة واحدة
    [two] سنتين
    [few] { $years } سنوات
    [many] { $years } سنة
   *[other] { $years } سنة
} للحفاظ على أمن المنصة وإمكانية المساءلة.
privacy-no-sharing = لا نبيع بياناتكم ولا نشاركها مع أحد، ولا نعرض إعلانات تجارية، ولا نستخدم أدوات التتبع أو التحليلات. تُرسل الرسائل عبر خدمة البريد الإلكتروني التابعة للبلدية.
privacy-rights = حقوقكم
privacy-rights-text = يحق لكم الاطلاع على البيانات التي نحتفظ بها عنكم، وتصحيحها، وطلب حذفها، أو الاعتراض على استخدامها.
privacy-rights-residents = السكان: تحتوي كل رسالة على رابط إلى تفضيلاتكم، حيث يمكنكم تغيير اشتراككم أو إلغاؤه، وتنزيل البيانات التي نحتفظ بها عنكم.
privacy-rights-accounts = أصحاب الحسابات: تعرض صفحة حسابكم أدواركم وجلساتكم وقيود سجلّ التدقيق المتعلقة بكم، مع إمكانية تنزيلها كلها. لحذف حسابكم، راسلوا مشغّلي المنصة.
privacy-complaint = إذا رأيتم أننا نسيء التعامل مع بياناتكم، يحق لكم تقديم شكوى إلى الهيئة اليونانية لحماية البيانات الشخصية (www.dpa.gr).
accessibility-title = بيان إمكانية الوصول
accessibility-intro = ينطبق هذا البيان على صفحات منصة ΣΕΜΠ على العنوان { $site }. والبلديات التي تستخدمها جهات من القطاع العام بموجب التوجيه (الاتحاد الأوروبي) 2016/2102 والقانون اليوناني 4591/2019.
accessibility-status = حالة الامتثال
accessibility-status-text = هذه الصفحات ممتثلة جزئيًا لإرشادات إمكانية الوصول إلى محتوى الويب (WCAG) 2.1 بالمستوى AA وللمعيار الأوروبي EN 301 549، بسبب الاستثناءات المذكورة أدناه.
accessibility-checks = كيف نتحقق
accessibility-checks-text = تُفحص كل صفحة، بما في ذلك أثناء عرض رسائل الخطأ فيها، عند كل تغيير في المنصة: باستخدام axe-core في متصفح حقيقي بعرض 390 بكسل، وباستخدام W3C Nu HTML checker، وباختبارات تستخدم الصفحات بلوحة المفاتيح ومن خلال الأسماء التي يقرؤها قارئ الشاشة. تعمل الصفحات دون JavaScript.
accessibility-exceptions = محتوى لا تتوفر فيه إمكانية الوصول
accessibility-exception-documents = قد لا تتوفر إمكانية الوصول في المستندات التي ترفعها البلديات (مرفقات جداول الأعمال، والمحاضر بصيغة PDF). ويُعرض نص القرارات والمحاضر أيضًا على الصفحة نفسها.
accessibility-exception-languages = تكتب كل بلدية إعلاناتها باليونانية، وغالبًا بالإنجليزية أيضًا؛ ولا تتوفر الترجمات إلى لغات أخرى دائمًا.
accessibility-exception-maps = تقود الروابط إلى الخرائط والمواقع الأخرى إلى خدمات لا تتحكم فيها المنصة.
accessibility-prepared = أُعدّ هذا البيان بتاريخ { $date } بناءً على تقييم ذاتي، استنادًا إلى عمليات الفحص المذكورة أعلاه.
accessibility-feedback = الملاحظات والتواصل
accessibility-feedback-text = إذا واجهتم عائقًا، أو احتجتم إلى صفحة أو مستند بصيغة أخرى، فراسلونا على { $email }. نرد خلال 30 يومًا.
accessibility-enforcement = إجراءات الإنفاذ
accessibility-enforcement-text = إذا لم يُرضِكم ردّنا، يمكنكم اللجوء إلى أمين المظالم اليوناني (Συνήγορος του Πολίτη، www.synigoros.gr)، الذي يتولى النظر في الشكاوى المتعلقة بالجهات العامة.
cookies-title = ملفات تعريف الارتباط
cookies-intro = لا تستخدم المنصة إلا ملفات تعريف الارتباط الضرورية لعملها. فهي لا تستخدم ملفات تعريف الارتباط الخاصة بالتحليلات أو الإعلانات أو التتبع، ولذلك لا تطلب موافقتكم.
cookies-name = الاسم
cookies-purpose = الغرض منه
cookies-expires = مدة بقائه
cookies-session-purpose = يُبقي تسجيل دخولكم قائمًا.
cookies-session-expires = إلى أن تسجّلوا الخروج، أو بعد { $hours ->
    [zero] { $hours } ساعة
    [one] ساعة واحدة
    [two] ساعتين
    [few] { $hours } ساعات
    [many] { $hours } ساعة
   *[other] { $hours } ساعة
} (أو قبل ذلك إذا لم يُستخدم لمدة { $idle ->
    [zero] { $idle } ساعة
    [one] ساعة واحدة
    [two] ساعتين
    [few] { $idle } ساعات
    [many] { $idle } ساعة
   *[other] { $idle } ساعة
}).
cookies-csrf-purpose = يحمي النماذج التي ترسلونها من أن يرسلها موقع آخر باسمكم.
cookies-csrf-expires = إلى أن تغلقوا المتصفح.
cookies-oidc-purpose = يربطكم بعملية تسجيل دخولكم عبر مزوّد الهوية.
cookies-oidc-expires = 10 دقائق.
cookies-lang-purpose = يتذكر اللغة التي اخترتموها.
cookies-lang-expires = سنة واحدة.
