/**
 * Competitors the customer names and the deals we lost (issue 13: advice about this account).
 * A hint that says "lost to Acer on price; HP quoted 8 % cheaper" is advice about this account;
 * "don't compete on price" is advice about any account.
 *
 * Cheap and bounded: only loss reasons, deal descriptions and the most recent interactions that
 * talk price or competition (a cue bit already computed per record) are read, at most
 * COMPETITION.maxTexts of them, with patterns compiled once. Our outbound mail and automated
 * sends are not read: a name in our own newsletter is not a competitor the customer weighs.
 *
 * A name is a capitalised word (or two) after "lost to", "went with", "cheaper than", "quote from",
 * "move our volume to" and the like, or before "quoted", "offered", "is cheaper", "is 12% below
 * you"; in Persian, a Latin-script name next to رقیب/ارزان‌تر/قیمت, or the one or two words
 * (Persian companies are often two: «پارس پمپ») a buyer compares us with, says gave a better
 * price, or threatens to take the order to: «از X بالاتر», «X ارزان‌تر داده», «سفارش را به X
 * می‌دهیم», «از X می‌خریم», «با X قرارداد». What stands there is often no company: pronouns,
 * "another supplier", a time («پارسال», «ماه قبل», "last year"), an amount, a budget or the
 * market, the account's own name, and our own products as their quote lines name them. A hint
 * quoting one of those as a competitor would cost the rep more than a name it misses, so a name
 * with such a word in it is dropped whole.
 */
import { msg, quote as quoted } from "../i18n/message"
import { evidence, TopK } from "./evidence"
import { ownSubject, type FeatureSet, type InteractionF, type RecordRef } from "./features"
import { CUE } from "./lexicon"
import { COMPETITION as P } from "./parameters"
import type { Competition, Evidence } from "./profile"

/** First letter either case: "Lost to Acer" at a sentence start matches "lost to". */
const either = (phrase: string) => phrase.replace(/^([a-z])/, (c) => `[${c}${c.toUpperCase()}]`)
/** "Lost on price to Acer", "lost the tender to Acer": a few words may stand between the loss and its winner. */
const LOST = "(?:[Ll]ost|[Ll]osing|[Ll]ose)\\s+(?:(?:the|this|it|out|on|deal|order|bid|tender|price|pricing|delivery|quality|service)\\s+){0,3}to"
/** "Moving our volume to Acme", "give the order to Acme", "place the order with Acme": the business
 * they threaten to take elsewhere, named by a word or a few (not a delivery sent to a city). */
const TAKE = `(?:${["move", "moving", "moved", "shift", "shifting", "switch", "switching", "take", "taking", "give", "giving", "gave",
  "award", "awarding", "place", "placing", "put", "putting", "transfer", "transferring"].map(either).join("|")})\\s+` +
  "(?:(?:our|their|my|the|this|that|these|all|of|its|next|new|future|whole|entire|remaining|rest|share|more|most|volume|volumes|business|" +
  "order|orders|contract|contracts|account|spend|purchases|purchasing|tender|deal|deals|supply|supplier|suppliers|vendor|vendors|it)\\s+){1,4}(?:to|with)"
const BEFORE = [LOST, TAKE, "chose", "picked", "selected",
  "switched to", "switch to", "switching to", "awarded to", "gave it to", "bought from",
  "buy from", "buying from", "ordered from", "order from", "cheaper than", "lower than", "better than", "than",
  "quote from", "quotes from", "offer from", "offers from", "bid from", "price from", "prices from", "quotation from", "versus", "vs\\.?",
  "offered by", "quoted by", "undercut by", "beaten by", "outbid by", "compared to", "compared with"]
/** A capitalised word or two; "Acme's" and "Acme’s" (as mail clients type it) are its possessive. */
const NAME = "([A-Z][\\w&-]*(?:[ ][A-Z][\\w&-]*)?)"
/** "Acme's at 12% below you", "Acme is 8% cheaper than yours": so much under us. Said of us, so a
 * commodity or a fee that is "10% cheaper this month" is no name. */
const UNDER = "(?:\\s+(?:is|are|was|were))?\\s+(?:at\\s+|about\\s+|around\\s+|nearly\\s+|almost\\s+)?\\d+(?:[.,]\\d+)?\\s*(?:%|percent|per cent|pct)" +
  "\\s+(?:below|lower|cheaper|less|under)\\s+(?:than\\s+)?(?:you|yours|your)"
const AFTER_NAME = "(?:['’]s)?(?:\\s+(?:quoted|quotes|offered|offers|is cheaper|are cheaper|was cheaper|were cheaper|came in|comes in|undercut|undercuts|" +
  `beat|beats|bid|matched|is offering|are offering|has offered|have offered|has quoted|have quoted)|${UNDER})\\b`
// Every Latin pattern tries a name at every word: what can go in one of them does, and is scanned once.
const LATIN_BEFORE = new RegExp(`(?:^|[^\\w])(?:${BEFORE.map(either).join("|")})\\s+${NAME}`, "g")
/** "We went with Acme", not "we went with John to the site" (company kept is no supplier chosen)
 * nor "we'll go with John's recommendation" ("Acme's offer" is LATIN_POSSESSIVE's). */
const LATIN_WITH = new RegExp(`(?:^|[^\\w])(?:${["went with", "go with", "going with"].map(either).join("|")})\\s+${NAME}(?![\\w&-]|['’]|(?:[ ][A-Z][\\w&-]*)?\\s+to\\s)`, "g")
/** Where the customer goes ("they'll go to Acme"; "I'll go to John" is an errand). */
const GO_TO = `(?:${P.goers.map(either).join("|")})(?:['’]ll|['’]d| will| would| might| may| could| are going to| have to)\\s+go to`
/** A move that may be one of premises or a trip ("we're moving to Dubai next month", "they'll go
 * to Hannover Messe in April"): read only in a text that threatens to leave ("if support doesn't
 * improve we're moving to Acme") or a lost deal's. */
const LATIN_LEAVING = new RegExp(`(?:^|[^\\w])(?:${[GO_TO, ...["moved to", "move to", "moving to", "shifting to", "shifted to"].map(either)].join("|")})\\s+${NAME}`, "g")
const LATIN_AFTER = new RegExp(`(?:^|[^\\w])${NAME}${AFTER_NAME}`, "g")
const LATIN_POSSESSIVE = new RegExp(`(?:^|[^\\w])${NAME}['’]s\\s+(?:${P.offers.join("|")})\\b`, "g")
/** A word of a Persian company name: no punctuation and no digits (a name is not "۱۰ درصد"). */
const FA_NAME_WORD = "[^\\s،.؛:!؟?()«»\"'\\d۰-۹٠-٩٪%,;/]+"
/**
 * Persian as typed: with or without the zero-width non-joiner («ارزان‌تر», «ارزانتر», «ارزان تر»,
 * «می‌دهیم», «میدهیم») and on an Arabic keyboard (ي, ك). A space in the source is any run of
 * spaces.
 */
const fa = (source: string) => source.replace(/[ \u200cیک]/g, (c) =>
  c === " " ? "\\s+" : c === "\u200c" ? "[\\u200c\\s]?" : c === "ی" ? "[یي]" : "[کك]")
/** One or two words of a Persian (or Latin) company name, as a capture; "too" after it is no part of it. */
const FA_NAME = `(${FA_NAME_WORD}(?: ${FA_NAME_WORD})?)(?: هم| نیز)?`
/** How much: «خیلی», «حدود ۱۲ درصد». */
const FA_AMOUNT = "(?:(?:خیلی|بسیار|کمی|حدود|تقریباً?) )?(?:[\\d۰-۹٠-٩٫.,/]+\\s*(?:درصد|٪|%) )?"
/** A verb ends where the word does ("داد" is not "دادید", "you gave"). */
const FA_END = "(?=[\\s،.؛:!؟?()«»\"']|$)"
const FA_CHEAPER = "(?:ارزان‌تر|ارزون‌تر|پایین‌تر|پائین‌تر)"
const FA_DEARER = `(?:بالاتر|گران‌تر|گرون‌تر|${FA_CHEAPER})`
/** Where a name may start: after a space or a punctuation mark, never inside a word. */
const FA_WORD_START = "(?<![^\\s،.؛:!؟?()«»\"'])"
/** Who gave or sells cheaper: «پارس پمپ ۱۲ درصد ارزان‌تر داده», «… قیمت بهتری داده», «… ارزان‌ترین
 * قیمت را داده», «… ارزون‌تر می‌فروشه». Nothing marks where the name starts: the two words before
 * are taken, less a first word that starts no name (`nameBefore`). */
const FA_GAVE = new RegExp(fa(`${FA_WORD_START}${FA_NAME} ${FA_AMOUNT}(?:${FA_CHEAPER}|کمتر|(?:قیمت|نرخ|پیشنهاد|تخفیف) ` +
  "(?:بهتری|بهتر|بیشتری|کمتری|پایین‌تری|ارزان‌تری)|(?:ارزان‌ترین|بهترین|پایین‌ترین|کمترین) (?:قیمت|پیشنهاد|نرخ)(?: را| رو)?) (?:پیشنهاد )?" +
  "(?:داده|داد|دادند|دادن|داده‌اند|داده است|می‌دهد|میده|می‌دهند|میدن|کرده|می‌فروشد|می‌فروشه|می‌فروشند|می‌فروشن|فروخته|فروختند)" +
  `${FA_END}(?! (?:بودید|بودیم|بودی))`), "g")
/** What FA_GAVE ends with, led by a literal: the engine finds it at once, where FA_GAVE tries a
 * name at every word (measured: a third of a millisecond per classification of 10k records). */
const FA_GAVE_TAIL = new RegExp(fa("تر(?:ی|ین)? [^.،؛!؟?\\n]{0,24}?(?:داد|می‌د|میده|میدن|کرده|فروش|فروخت)"))
/** Cheaper than us: «پارس پمپ از شما ارزان‌تر است», «قیمت X از شما ۱۰ درصد پایین‌تره». */
const FA_THAN_YOU = new RegExp(fa(`${FA_WORD_START}(?:قیمت |پیشنهاد |پیش‌فاکتور |نرخ )?${FA_NAME} از شما(?:‌ها)? ${FA_AMOUNT}(?:${FA_CHEAPER}|کمتر)`), "g")
const FA_THAN_YOU_TAIL = new RegExp(fa("از شما"))
/** "We (or, reported in our note, they) give or entrust it": «می‌دهیم», «می‌دهند», «می‌سپاریم». */
const FA_GIVE_TO = "می‌دهیم|می‌دیم|بدهیم|بدیم|دادیم|داده‌ایم|خواهیم داد|می‌دهند|میدن|بدهند|بدن|دادند|خواهند داد|" +
  "می‌سپاریم|بسپاریم|سپردیم|می‌سپارند|بسپارند|سپردند|می‌بریم|ببریم|می‌برند|ببرند"
/** Persian: a Latin name next to a competition word, or the words a competition phrase points to;
 * `openStart` when nothing marks where the name starts (see `nameBefore`). */
const FA_PATTERNS: ReadonlyArray<{ re: RegExp; latinName: boolean; gate?: RegExp; openStart?: boolean }> = [
  { re: new RegExp(`(?:رقیب|رقبای|رقبا|شرکت|برند)(?:\\s*(?:ما|مان|ها|شما))?\\s*[:،(]?\\s*([A-Z][\\w&-]*)`, "g"), latinName: true },
  { re: new RegExp(`([A-Z][\\w&-]*)\\s*(?:ارزان|قیمت|پیشنهاد|تخفیف|برنده)`, "g"), latinName: true },
  { re: new RegExp(`به\\s+([^\\s،.؛:!؟?()«»"]+)\\s+(?:باختیم|واگذار|دادند|داده شد)`, "g"), latinName: false },
  // Persian company names are often two words («آبادان پمپ», «پارس پمپ»): up to two, no digits.
  { re: new RegExp(`(?:رقیب(?:مان|ما)?|شرکت)\\s+(${FA_NAME_WORD}(?:\\s+${FA_NAME_WORD})?)(?:\\s+[\\d۰-۹٫.]+\\s*(?:درصد|٪|%))?\\s+(?:ارزان|قیمت|پیشنهاد|تخفیف|بالاتر|پایین‌تر|گران‌تر)`, "g"), latinName: false },
  // "They'll go to X" («سراغ پارس پمپ می‌روند»): the supplier they threaten to switch to.
  { re: new RegExp(`(?:سراغ|به سمت)\\s+(?:شرکت\\s+)?(${FA_NAME_WORD}(?:\\s+${FA_NAME_WORD})?)\\s+(?:می‌روند|میروند|می‌رویم|میریم|میرن|برویم|بروند|رفتند|رفتیم)`, "g"), latinName: false },
  // ... said verb first, as spoken: «می‌رن سراغ پارس پمپ».
  { re: new RegExp(fa(`(?:می‌روند|میروند|می‌رویم|میریم|می‌ریم|میرن|می‌رن|بروند|برویم|بریم|برن) سراغ (?:شرکت )?${FA_NAME}(?=\\s*(?:$|[،.؛!؟?\\n]))`), "g"), latinName: false },
  // Compared with us: «قیمت شما از پارس پمپ (۱۰ درصد) بالاتر است», «از مال X گرون‌تره».
  { re: new RegExp(fa(`از (?:شرکت |مال )?${FA_NAME} ${FA_AMOUNT}${FA_DEARER}`), "g"), latinName: false },
  // ... or with their price or quote: then the name must be two words, or Latin: «از قیمت واقعی
  // بالاتر» (than the real price) is no company.
  { re: new RegExp(fa(`از (?:قیمت|نرخ|پیشنهاد|پیش‌فاکتور)(?:‌های|‌ها)? (${FA_NAME_WORD} ${FA_NAME_WORD}|[A-Z][\\w&-]*) ${FA_AMOUNT}${FA_DEARER}`), "g"), latinName: false },
  { re: FA_GAVE, latinName: false, gate: FA_GAVE_TAIL, openStart: true },
  { re: FA_THAN_YOU, latinName: false, gate: FA_THAN_YOU_TAIL, openStart: true },
  // Their quote is cheaper: «پیش‌فاکتور پارس پمپ ارزان‌تر است», «پیشنهاد X ارزان‌تر بود».
  { re: new RegExp(fa(`(?:پیش‌فاکتور|استعلام|پیشنهاد)(?: شرکت)? ${FA_NAME} ${FA_AMOUNT}${FA_CHEAPER}`), "g"), latinName: false },
  // The purchase they will take there: «خرید را به پارس پمپ منتقل می‌کنیم», «سفارش را به X می‌دهیم»;
  // without a purchase before it, «به سال بعد منتقل» is a date moved and «به انبار» goods.
  { re: new RegExp(fa(`(?:خرید|سفارش|قرارداد|سهم|حجم)[^\\s،.؛:!؟?]*(?: [^\\s،.؛:!؟?]+){0,3}? به (?:شرکت )?${FA_NAME} ` +
    `(?:منتقل|انتقال|واگذار|${FA_GIVE_TO})${FA_END}`), "g"), latinName: false },
  { re: new RegExp(fa(`به (?:شرکت )?${FA_NAME} سفارش (?:${FA_GIVE_TO})${FA_END}`), "g"), latinName: false },
  // Where they buy instead: «از پارس پمپ (ارزان‌تر) می‌خریم», «… خرید می‌کنیم».
  { re: new RegExp(fa(`از (?:شرکت )?${FA_NAME} (?:${FA_AMOUNT}(?:ارزان‌تر|ارزون‌تر) )?(?:می‌خریم|بخریم|خریدیم|خریده‌ایم|می‌خرند|بخرند|خریدند|خریده‌اند|` +
    `خرید (?:می‌کنیم|کنیم|کردیم|کرده‌ایم|خواهیم کرد|می‌کنند|کنند|کردند|کرده‌اند))${FA_END}`), "g"), latinName: false },
  { re: new RegExp(fa(`با (?:شرکت )?${FA_NAME} قرارداد`), "g"), latinName: false },
  // A better offer they hold from someone: «از پارس پمپ پیشنهاد بهتری داریم», «… قیمت ارزون‌تری گرفتیم».
  { re: new RegExp(fa(`از (?:شرکت )?${FA_NAME} (?:یه |یک )?(?:پیشنهاد|قیمت|پیش‌فاکتور|نرخ)(?: قیمت)? (?:بهتری|بهتر|ارزان‌تری|ارزون‌تری|پایین‌تری|کمتری) ` +
    `(?:داریم|گرفتیم|گرفته‌ایم|دریافت کردیم|داشتیم|دارند|دارن|گرفتند|گرفتن|گرفته‌اند)${FA_END}`), "g"), latinName: false }
]
/** Common words trimmed from a name's edges ("Then HP quoted"). */
const STOP: ReadonlySet<string> = new Set(P.stopWords)
/** Words that make a name none wherever they stand in it: a person's title, a place, a part of an
 * organisation ("Mr Karimi", "Tehran Office"), a carrier ("switch to DHL for shipping"). */
const EN_BLOCK: ReadonlySet<string> = new Set([...P.blockWords, ...P.carriers])
/** A person's title: «آقای رضایی تخفیف بیشتری داده» names a person, maybe ours, not a company. */
const FA_TITLES = ["آقای", "آقا", "خانم", "جناب", "مهندس", "دکتر"]
/**
 * Persian words no company name holds, wherever they stand in it: pronouns, "another supplier",
 * "somewhere else", the market, times and dates, amounts and units, price words and the
 * adjectives buyers put after them («پیش‌فاکتور قبلی», «قیمت واقعی»), titles, and particles. Looked up
 * folded (`faFold`) and without a plural or possessive ending («قیمت‌ها», «بودجه‌مان»).
 */
const FA_BLOCK = [
  ...FA_TITLES,
  "ما", "شما", "آنها", "انها", "اونها", "اونا", "آنان", "او", "اون", "آن", "ان", "این", "اینها", "اینا", "ایشان", "ایشون",
  "خود", "خودمان", "خودتان", "خودشان", "خودش", "خودم", "خودمون", "خودتون", "خودشون", "همه", "همگی", "بقیه", "دیگران", "کسی",
  "یکی", "هر", "همین", "همان", "چنین", "چند", "برخی", "بعضی", "فلان", "جایی", "همینجا", "اینجا", "آنجا", "اونجا", "دیگر",
  "دیگه", "دیگری", "جای", "جا", "تامین‌کننده", "تأمین‌کننده", "تامین", "تأمین", "فروشنده", "فروشندگان", "رقیب", "رقبا",
  "رقیبی", "شرکت", "مشتری", "بازار", "خارج", "داخل", "نمایندگی", "واسطه", "عمده‌فروش", "انبار", "شعبه", "واحد", "تیم", "مدیر",
  "مدیریت", "حساب", "بانک", "بودجه", "قیمت", "نرخ", "مبلغ", "رقم", "هزینه", "تخفیف", "پیشنهاد", "پیش‌فاکتور", "فاکتور",
  "استعلام", "سفارش", "خرید", "قرارداد", "شرایط", "شرط", "ضمانت", "تضمین", "پرداخت", "اقساط", "نقدی", "اقساطی", "عمده", "مدت",
  "حد", "سقف", "کف", "انتظار", "توان", "عرف", "معمول", "میانگین", "تورم", "دلار", "یورو", "ارزش", "کیفیت", "استاندارد",
  "توافق", "قرار", "مصوب", "واقعی", "تمام", "تمام‌شده", "شده", "منطقی", "مناسب", "پروژه", "فاز", "مرحله", "محصول", "کالا",
  "جنس", "مدل", "نوع", "لیست", "ویژه", "فنی", "مالی", "اصلی", "اولیه", "رسمی", "نماینده", "طریق", "روش", "کمال", "میل",
  "رضایت", "احترام", "توجه", "وجود", "فروش", "بازرگانی", "تدارکات", "عامل", "کارخانه", "کارشناس", "همکار", "همکاران", "مسئول",
  "فروشگاه", "مغازه", "عمده‌فروشی", "خرده‌فروش", "واردکننده", "تولیدکننده", "چینی", "خارجی", "داخلی", "ایرانی", "وارداتی",
  "اروپایی", "بهتر", "بهترین", "کمتر", "بیشتر", "ارزان", "گران", "ارزان‌تر", "گران‌تر", "قبل", "قبلی", "پیش", "بعد", "بعدی",
  "گذشته", "پارسال", "امسال", "سال", "ماه", "هفته", "روز", "فصل", "دفعه", "بار", "سری", "دوره", "امروز", "دیروز", "فردا",
  "اخیر", "آینده", "فعلی", "جدید", "تازه", "قدیم", "قدیمی", "همیشه", "اول", "دوم", "سوم", "آخر", "آخرین", "نهایی", "اصلاحی",
  "زودی", "موقع", "محض", "تدریج", "صورت", "زمان", "تاریخ", "زمستان", "تابستان", "بهار", "پاییز", "فروردین", "اردیبهشت",
  "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند", "یک", "یه", "دو", "سه", "چهار", "پنج", "شش",
  "هفت", "هشت", "نه", "ده", "صد", "هزار", "میلیون", "میلیارد", "نصف", "نیم", "برابر", "درصد", "تومان", "ریال", "عدد", "تن",
  "کیلو", "متر", "به", "از", "با", "در", "را", "رو", "تا", "برای", "بر", "که", "و", "یا", "هم", "نیز", "است", "هست", "بود",
  "شد", "داد", "داده", "گفت", "دفتر", "مرکزی", "ستاد", "بخش", "قسمت", "اداره", "دپارتمان", "معاون", "رئیس", "همکارم"
]
/** Words that open a clause or a report before a name («گفت پارس پمپ …», «متاسفانه X …»): dropped. */
const FA_LEAD = [
  "و", "ولی", "اما", "که", "چون", "زیرا", "گفت", "گفتند", "گفته", "گفتن", "میگه", "میگن", "می‌گوید", "می‌گویند", "راستش", "الان",
  "الآن", "حالا", "مثلا", "حتی", "البته", "ظاهرا", "هنوز", "تازه", "باز", "دوباره", "متاسفانه", "متأسفانه", "خوشبختانه", "فعلا",
  "ضمنا", "همچنین", "اخیرا", "قبلا", "واقعا", "گویا", "انگار", "اینکه", "پس", "یعنی"
]
/** A word folded for the lists above: Arabic letters as Persian, no tanwin, no zero-width non-joiner. */
function faFold(word: string): string {
  return word.replace(/ي/g, "ی").replace(/ك/g, "ک").replace(/[\u064B\u200c]/g, "")
}
const FA_BLOCKED = new Set(FA_BLOCK.map(faFold))
const FA_OPENERS = new Set(FA_LEAD.map(faFold))
const FA_TITLED = new Set(FA_TITLES.map(faFold))
const FA_ENDING = /(?:هایی|های|ها|ای|مان|تان|شان|مون|تون|شون)$/
/** A past participle («اصلاح‌شده», «ارسال‌شده») describes a quote; it names no company. */
const FA_PARTICIPLE = /.شده$/
const faBlocked = (word: string) => {
  const w = faFold(word)
  return FA_BLOCKED.has(w) || FA_BLOCKED.has(w.replace(FA_ENDING, "")) || FA_PARTICIPLE.test(w)
}

/** The name an open-start match holds: "امروز فولادین" is «فولادین»; "آقای رضایی" is a person, and stays whole to be dropped. */
function nameBefore(raw: string): string {
  const space = raw.search(/\s/)
  if (space < 0) return raw
  const first = faFold(raw.slice(0, space))
  return (faBlocked(first) && !FA_TITLED.has(first)) || FA_OPENERS.has(first) ? raw.slice(space).trim() : raw
}

/** A text as its words, lower case and space-bounded, for a whole-word `includes`. */
const wordsOf = (text: string | undefined) => ` ${(text ?? "").toLowerCase().replace(/[^\p{L}\p{N}\u200c&]+/gu, " ").trim()} `

function clean(raw: string, own: ReadonlySet<string>, ours: (name: string) => boolean): string | null {
  const words = raw.trim().replace(/['’]s$/, "").replace(/[.,;:]+$/, "").split(/\s+/)
  while (words.length > 0 && FA_OPENERS.has(faFold(words[0]!))) words.shift()
  // «ماه قبل», «بودجه ما», «تامین‌کننده دیگر», "Mr Karimi", "Tehran Office": a name with such a word in it is none.
  if (words.some((w) => faBlocked(w) || EN_BLOCK.has(w.toLowerCase().replace(/\.$/, "")))) return null
  // "Then HP quoted", "Acer Monday": a common word beside the name is not part of it.
  while (words.length > 0 && STOP.has(words[0]!.toLowerCase())) words.shift()
  while (words.length > 0 && STOP.has(words[words.length - 1]!.toLowerCase())) words.pop()
  const name = words.join(" ")
  const lower = name.toLowerCase()
  // A digit makes a quarter, an amount or a model ("Q3", "X200"), not a company.
  if (name.length < 2 || name.length > P.maxNameChars || /[\d۰-۹٠-٩]/.test(name)) return null
  if (own.has(lower) || words.some((w) => own.has(w.toLowerCase())) || ours(lower)) return null
  return name
}

/**
 * Each pattern with what a text must hold for it to match: a capitalised Latin name (every Latin
 * pattern, and the Persian ones around a Latin name) and Persian words (every Persian pattern).
 * Two character-class tests rule out most patterns for most texts, and cost less than them
 * (measured: competitor reading was a fifth of aggregating 10k records); a pattern that would try
 * a name at every word has a gate, the literal words it needs.
 */
const PATTERNS: ReadonlyArray<{ re: RegExp; latinName: boolean; persian: boolean; gate?: RegExp; openStart?: boolean; threat?: boolean }> = [
  ...[LATIN_BEFORE, LATIN_WITH, LATIN_AFTER, LATIN_POSSESSIVE].map((re) => ({ re, latinName: true, persian: false })),
  { re: LATIN_LEAVING, latinName: true, persian: false, threat: true },
  ...FA_PATTERNS.map((p) => ({ ...p, persian: true }))
]
const LATIN_CAPITAL = /[A-Z]/
const ARABIC_SCRIPT = /[\u0600-\u06FF]/

/** The raw names the patterns capture in a text, in pattern order, before `clean`; `leaving`: the
 * text speaks of taking the business elsewhere (LATIN_LEAVING). */
function matchesIn(text: string, out: string[], leaving: boolean): void {
  const slice = text.length > 2_000 ? text.slice(0, 2_000) : text
  const latinName = LATIN_CAPITAL.test(slice)
  const persian = ARABIC_SCRIPT.test(slice)
  for (const p of PATTERNS) {
    if ((p.latinName && !latinName) || (p.persian && !persian) || (p.threat === true && !leaving) || (p.gate !== undefined && !p.gate.test(slice))) continue
    const re = p.re
    re.lastIndex = 0
    for (let m = re.exec(slice); m !== null; m = re.exec(slice)) out.push(p.openStart === true ? nameBefore(m[1]!) : m[1]!)
  }
}

/**
 * A record's raw matches, by its feature object. The incremental classifier keeps a record's
 * features while the record is unchanged and re-aggregates after every new one: without this the
 * same texts went through every pattern on every call (measured: about a tenth of a re-aggregation
 * of 10k records). The matches depend on the record alone (the account's own name is applied in
 * `clean`, per call), and a WeakMap lets them go with the features.
 */
const matchesOf = new WeakMap<RecordRef, readonly string[]>()

function rawMatches(ref: RecordRef, texts: ReadonlyArray<string | undefined>, leaving: boolean): readonly string[] {
  let found = matchesOf.get(ref)
  if (found === undefined) {
    const out: string[] = []
    for (const t of texts) if (t) matchesIn(t, out, leaving)
    matchesOf.set(ref, (found = out))
  }
  return found
}

interface Tally {
  name: string
  mentions: number
  lastAt: number
  evidence: Evidence[]
}

/**
 * The most recent price or competition talk, or threat to leave, that is not our own outbound or automated send.
 * Histories arrive in any order: a cheap bitmask filter first, then only that subset is ordered.
 * A function of its own: inside `competition` this loop over every interaction was compiled while
 * hot, before the code after it had run, and that code deoptimized on every classification
 * (traced in Chromium: "insufficient type feedback", 34 times in 35 classifications).
 */
function recentTalk(list: readonly InteractionF[]): TopK<InteractionF> {
  // A threat names where they would go: "we are moving to Acme next quarter".
  const talk = CUE.price | CUE.competitor | CUE.churnThreat
  // Newest first (histories are stored in time order), so the bounded collector turns nearly
  // every older text down at once; any order gives the same texts.
  const said = new TopK<InteractionF>(P.maxTexts)
  for (let n = list.length - 1; n >= 0; n--) {
    const r = list[n]!
    // Our outbound call is read when the customer spoke on it ("their buyer said …"): their words.
    if ((r.cues & talk) !== 0 && (r.direction !== "outbound" || r.heard) && r.human) said.add(r, r.key, 0, r.at)
  }
  return said
}

export function competition(fs: FeatureSet): Competition {
  const own = new Set<string>()
  for (const word of (fs.account?.name ?? "").toLowerCase().split(/\s+/)) if (word.length > 2) own.add(word)
  if (fs.account?.name) own.add(fs.account.name.toLowerCase())
  // Our own products as our quote lines and deals name them ("your ProLine quote is too high",
  // deal "ProLine-300 pumps"), gathered only when a name gets this far.
  let products: string[] | null = null
  const ours = (lower: string) => {
    products ??= [...new Set([...fs.lines.map((l) => l.textA), ...fs.deals.map((d) => d.title)].map(wordsOf))]
    const name = wordsOf(lower)
    return products.some((p) => p.includes(name))
  }

  const tallies = new Map<string, Tally>()
  const count = (ref: RecordRef, at: number, texts: ReadonlyArray<string | undefined>, leaving: boolean) => {
    // «پارس‌پمپ» and «پارس پمپ», «کیمیا» and «كيميا» (an Arabic keyboard): one company, counted once.
    const found = new Map<string, string>()
    for (const raw of rawMatches(ref, texts, leaving)) {
      const name = clean(raw, own, ours)
      if (name !== null) found.set(name.toLowerCase().replace(/ي/g, "ی").replace(/ك/g, "ک").replace(/\u200c/g, " "), name)
    }
    for (const [key, name] of found) {
      let tally = tallies.get(key)
      if (!tally) tallies.set(key, (tally = { name, mentions: 0, lastAt: at, evidence: [] }))
      tally.mentions++
      if (at > tally.lastAt) tally.lastAt = at
      if (tally.evidence.length < 3) tally.evidence.push(evidence(ref, msg("a.competition.ev.named", { name: { text: name }, title: quoted(ref.title) }), at))
    }
  }

  const losses: Competition["losses"] = []
  let lostTotal = 0
  for (const d of fs.deals) {
    // A lost deal's texts say where the business went ("customer moved to Acme").
    count(d, d.closeDate ?? d.createdAt, [d.lossReason, d.textC], d.isClosed && !d.isWon)
    if (!d.isClosed || d.isWon) continue
    lostTotal++
    losses.push({ key: d.key, name: d.title, lossReason: d.lossReason?.trim() || null, at: d.closeDate ?? d.createdAt, amount: d.amount ?? null, currency: d.currency ?? null })
  }
  losses.sort((a, b) => (b.at ?? 0) - (a.at ?? 0) || (a.key < b.key ? -1 : 1))

  for (const r of recentTalk(fs.interactions).items()) count(r, r.at, [ownSubject(r), r.textB], (r.voice & CUE.churnThreat) !== 0)

  const competitors = [...tallies.values()]
    .sort((a, b) => b.mentions - a.mentions || b.lastAt - a.lastAt || (a.name < b.name ? -1 : 1))
    .slice(0, P.maxCompetitors)
    .map((t) => ({ name: t.name, mentions: t.mentions, lastAt: t.lastAt, evidence: t.evidence }))
  return { competitors, losses: losses.slice(0, P.maxLosses), lostTotal }
}
