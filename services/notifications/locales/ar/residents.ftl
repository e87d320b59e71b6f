# رسائل إلى السكان المشتركين في إشعارات أحد المجالس، باللغة العربية.
# يمكن لكل من يكتب العربية جيدًا أن يحسّن هذا الملف: احتفظ بكل مفتاح وبكل { $placeholder } كما هو،
# واكتب جملًا قصيرة وواضحة، وأرسل التعديل إلى فريق المنصة.
# الأسماء في { $municipality } و{ $title } تكتبها البلدية باليونانية أو الإنجليزية.
# Messages to residents, in Arabic. Anyone who writes Arabic well may improve this file:
# keep each key and each { $placeholder }, and send the change to the platform's team.

hello = مرحبًا،
confirm_subject = أكّد اشتراكك: { $municipality }
confirm_intro = يُرجى أن تؤكّد أنك تريد تلقّي إشعارات بالبريد الإلكتروني من { $municipality }.
confirm_action = للتأكيد، افتح هذا الرابط:
confirm_button = أؤكّد اشتراكي
confirm_expiry = الرابط صالح لمدة ثلاثة أيام.
confirm_ignore = إذا لم تطلب ذلك، فتجاهل هذه الرسالة: لن نرسل إليك أي شيء.
active_subject = أنت مشترك بالفعل: { $municipality }
already_active = أنت مشترك بالفعل في إشعارات { $municipality }.
why = تصلك هذه الرسالة لأنك اشتركت في هذه الإشعارات.
preferences = غيّر تفضيلاتك
unsubscribe = إلغاء الاشتراك
when = متى
reason = السبب
what_changed = ما الذي صُحِّح
agenda = جدول الأعمال
decisions = القرارات والتوصيات
read_more = اقرأ المزيد
convened = اجتماع جديد للمجلس: { $title }
postponed = تأجيل اجتماع: { $title }
cancelled = إلغاء اجتماع: { $title }
minutes = محضر جديد منشور: { $title }
minutes_corrected = تصحيح محضر: { $title }
decision_corrected = تصحيح قرار: { $title }
recommendation_corrected = تصحيح توصية: { $title }
practice = ممارسة جيدة جديدة: { $title }
decision_line = { $kind ->
    [recommendation] التوصية
   *[decision] القرار
} رقم { $number } (البند { $item }: { $title }): { $result ->
    [rejected] تم الرفض
   *[adopted] تمت الموافقة
}
digest = إشعاراتك: { $municipality }
digest_count = { $count ->
    [zero] لا إشعارات جديدة منذ رسالتنا الأخيرة.
    [one] إشعار جديد واحد منذ رسالتنا الأخيرة.
    [two] إشعاران جديدان منذ رسالتنا الأخيرة.
    [few] { $count } إشعارات جديدة منذ رسالتنا الأخيرة.
    [many] { $count } إشعارًا جديدًا منذ رسالتنا الأخيرة.
   *[other] { $count } إشعار جديد منذ رسالتنا الأخيرة.
}
content_in_el = يكتب المجلس محتوى اجتماعاته باليونانية، لذلك العناوين وجداول الأعمال باليونانية.
content_in_en = العناوين وجداول الأعمال بالإنجليزية، كما كتبها المجلس.
