# یہ فائل ان رہائشیوں کو بھیجے جانے والے اردو پیغامات ہیں جنہوں نے کسی کونسل کی اطلاعات کے لیے سبسکرائب کیا ہے۔
# جو بھی اچھی اردو لکھتا ہے، اس فائل کو بہتر بنا سکتا ہے: ہر key اور ہر { $placeholder } جوں کا توں رکھیں،
# چھوٹے اور آسان جملے لکھیں، اور تبدیلی پلیٹ فارم کی ٹیم کو بھیج دیں۔
# { $municipality } اور { $title } کے نام بلدیہ یونانی یا انگریزی میں لکھتی ہے۔
# Messages to residents who subscribed to a council's notices, in Urdu. Anyone who writes Urdu well may
# improve this file: keep each key and each { $placeholder }, and send the change to the platform's team.

hello = ہیلو،
confirm_subject = اپنی سبسکرپشن کی تصدیق کریں: { $municipality }
confirm_intro = براہِ کرم تصدیق کریں کہ آپ { $municipality } سے ای میل اطلاعات لینا چاہتے ہیں۔
confirm_action = تصدیق کے لیے یہ لنک کھولیں:
confirm_button = میری سبسکرپشن کی تصدیق کریں
confirm_expiry = یہ لنک تین دن تک کام کرے گا۔
confirm_ignore = اگر آپ نے یہ نہیں مانگا تو اس پیغام کو نظر انداز کر دیں: آپ کو کچھ نہیں بھیجا جائے گا۔
active_subject = آپ پہلے سے سبسکرائب ہیں: { $municipality }
already_active = آپ { $municipality } کی اطلاعات کے لیے پہلے سے سبسکرائب ہیں۔
why = آپ کو یہ پیغام اس لیے ملا ہے کہ آپ نے ان اطلاعات کے لیے سبسکرائب کیا ہے۔
preferences = اپنی ترجیحات بدلیں
unsubscribe = سبسکرپشن ختم کریں
when = کب
reason = وجہ
what_changed = کیا درست کیا گیا
agenda = ایجنڈا
decisions = فیصلے اور سفارشات
read_more = مزید پڑھیں
convened = کونسل کا نیا اجلاس: { $title }
postponed = اجلاس ملتوی: { $title }
cancelled = اجلاس منسوخ: { $title }
minutes = روداد شائع ہو گئی: { $title }
minutes_corrected = روداد میں درستی: { $title }
decision_corrected = فیصلے میں درستی: { $title }
recommendation_corrected = سفارش میں درستی: { $title }
practice = نیا مثالی منصوبہ: { $title }
decision_line = { $kind ->
    [recommendation] سفارش
   *[decision] فیصلہ
} { $number } (نکتہ { $item }: { $title }): { $result ->
    [rejected] مسترد
   *[adopted] منظور
}
digest = آپ کی اطلاعات: { $municipality }
digest_count = { $count ->
    [one] ہمارے پچھلے پیغام کے بعد ایک نئی اطلاع۔
   *[other] ہمارے پچھلے پیغام کے بعد { $count } نئی اطلاعات۔
}
content_in_el = کونسل اپنے اجلاسوں کی تفصیل یونانی میں لکھتی ہے، اس لیے عنوانات اور ایجنڈے یونانی میں ہیں۔
content_in_en = عنوانات اور ایجنڈے انگریزی میں ہیں، جیسے کونسل نے لکھے ہیں۔
