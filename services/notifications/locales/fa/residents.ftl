# پیام‌هایی به ساکنانی که در اطلاعیه‌های یک شورا مشترک شده‌اند، به فارسی.
# هر کسی که فارسی را خوب می‌نویسد می‌تواند این فایل را بهتر کند: هر کلید و هر { $placeholder } را دست نزنید،
# جمله‌های کوتاه و ساده بنویسید و تغییر را برای تیم پلتفرم بفرستید.
# نام‌هایی که در { $municipality } و { $title } می‌آیند را شهرداری به یونانی یا انگلیسی می‌نویسد.
# Messages to subscribed residents, in Persian (Farsi/Dari). Anyone who writes Persian well may improve
# this file: keep each key and each { $placeholder }, and send the change to the platform's team.

hello = سلام،
confirm_subject = اشتراک خود را تأیید کنید: { $municipality }
confirm_intro = لطفاً تأیید کنید که می‌خواهید اطلاعیه‌های { $municipality } را با ایمیل دریافت کنید.
confirm_action = برای تأیید، این لینک را باز کنید:
confirm_button = اشتراکم را تأیید می‌کنم
confirm_expiry = این لینک سه روز اعتبار دارد.
confirm_ignore = اگر شما این را درخواست نکرده‌اید، این پیام را نادیده بگیرید: چیزی برایتان فرستاده نمی‌شود.
active_subject = شما از قبل مشترک هستید: { $municipality }
already_active = شما از قبل در اطلاعیه‌های { $municipality } مشترک هستید.
why = این پیام را دریافت می‌کنید، چون در این اطلاعیه‌ها مشترک شده‌اید.
preferences = تغییر تنظیمات
unsubscribe = لغو اشتراک
when = زمان
reason = دلیل
what_changed = چه چیزی اصلاح شد
agenda = دستور جلسه
decisions = تصمیم‌ها و توصیه‌ها
read_more = بیشتر بخوانید
convened = جلسه تازه شورا: { $title }
postponed = جلسه به تعویق افتاد: { $title }
cancelled = جلسه لغو شد: { $title }
minutes = صورت‌جلسه منتشر شد: { $title }
minutes_corrected = صورت‌جلسه اصلاح شد: { $title }
decision_corrected = تصمیم اصلاح شد: { $title }
recommendation_corrected = توصیه اصلاح شد: { $title }
practice = تجربه موفق تازه: { $title }
decision_line = { $kind ->
    [recommendation] توصیه
   *[decision] تصمیم
} { $number } (موضوع { $item }: { $title }): { $result ->
    [rejected] رد شد
   *[adopted] پذیرفته شد
}
digest = اطلاعیه‌های شما: { $municipality }
digest_count = { $count ->
    [one] از پیام قبلی ما تا حالا یک اطلاعیه تازه آمده است.
   *[other] از پیام قبلی ما تا حالا { $count } اطلاعیه تازه آمده است.
}
content_in_el = شورا جلسه‌هایش را به یونانی می‌نویسد، برای همین عنوان‌ها و دستور جلسه‌ها به یونانی هستند.
content_in_en = عنوان‌ها و دستور جلسه‌ها به انگلیسی هستند، همان‌طور که شورا نوشته است.
