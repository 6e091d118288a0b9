/** What the pricing chip says, in Persian: short, as a button or a hint beside a field reads. */
import type { chipEn } from "../en/chip"

export const chipFa: Record<keyof typeof chipEn, string> = {
  "c.brand": "پارلی",
  "c.label": "پیشنهاد قیمت پارلی",
  "c.typedTitle": "آنچه تایپ می‌کنید، به شکل کوتاه",
  "c.copyTitle": "کپی قیمت پیشنهادی (پارلی هرگز به خود فیلد دست نمی‌زند)",
  "c.modeTitle": "جابه‌جایی میان پیشنهاد آغازین (دقیق) و پیشنهاد پایانی (رُند)",
  "c.opening": "آغازین",
  "c.closing": "پایانی",
  "c.copied": "کپی شد",
  "c.copyFailed": "کپی نشد",
  "c.discountNote": "تخفیف دلیل می‌خواهد: حجم، مدت یا زمان‌بندی؛ هرگز کیفیت",
  "c.empty": "قیمت را وارد کنید",
  "c.unreadable": "یک مبلغ وارد کنید، مثلاً {example}",
  "c.notPositive": "مبلغی بیشتر از صفر وارد کنید",
  "c.tooLarge": "مبلغ بیش از حد بزرگ است"
}
