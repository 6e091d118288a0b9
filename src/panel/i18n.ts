/**
 * The one message catalogue. Every user-visible string of the panel comes from here; Persian
 * is complete and switches the layout to right-to-left.
 */
export const LANGUAGES = ["en", "fa"] as const
export type Language = (typeof LANGUAGES)[number]

const en = {
  appName: "Parley",
  notCrmRecord: "Not a CRM record",
  notCrmRecordHint: "Open an account, opportunity, quote, case or contact in Salesforce or Dynamics 365.",
  noCrmTab: "Open a Salesforce or Dynamics 365 record to see its relationship briefing.",
  loading: "Loading…",
  crmSalesforce: "Salesforce",
  crmDynamics: "Dynamics 365",
  org: "Org",
  statusPageOnly: "Read from the page",
  statusPageOnlyHint: "Parley has read what the page shows. History sync starts when the CRM's API answers.",
  statusSynced: "Synced",
  statusSyncing: "Syncing…",
  statusDomOnly: "DOM-only",
  statusDomOnlyHint: "This org does not allow API access from the browser session; Parley reads what the page shows.",
  statusSessionExpired: "Session expired",
  statusPermissionNeeded: "Permission needed",
  statusError: "Sync problem",
  statusBudget: "Daily API budget used",
  fieldsHeading: "On this page",
  recordType: "Type",
  lastSeen: "Last seen"
} as const

export type MessageKey = keyof typeof en

const fa: Record<MessageKey, string> = {
  appName: "پارلی",
  notCrmRecord: "این صفحه رکورد CRM نیست",
  notCrmRecordHint: "یک حساب، فرصت فروش، پیش‌فاکتور، پرونده یا مخاطب را در Salesforce یا Dynamics 365 باز کنید.",
  noCrmTab: "برای دیدن خلاصهٔ رابطه، یک رکورد Salesforce یا Dynamics 365 را باز کنید.",
  loading: "در حال بارگذاری…",
  crmSalesforce: "Salesforce",
  crmDynamics: "Dynamics 365",
  org: "سازمان",
  statusPageOnly: "خوانده‌شده از صفحه",
  statusPageOnlyHint: "پارلی آنچه صفحه نشان می‌دهد را خوانده است. همگام‌سازی تاریخچه با پاسخ API آغاز می‌شود.",
  statusSynced: "همگام شد",
  statusSyncing: "در حال همگام‌سازی…",
  statusDomOnly: "فقط از صفحه",
  statusDomOnlyHint: "این سازمان دسترسی API از نشست مرورگر را نمی‌دهد؛ پارلی آنچه صفحه نشان می‌دهد را می‌خواند.",
  statusSessionExpired: "نشست منقضی شده است",
  statusPermissionNeeded: "نیاز به اجازه",
  statusError: "مشکل همگام‌سازی",
  statusBudget: "سهمیهٔ روزانهٔ API تمام شد",
  fieldsHeading: "در این صفحه",
  recordType: "نوع",
  lastSeen: "آخرین بازدید"
}

export const CATALOGUE: Record<Language, Record<MessageKey, string>> = { en, fa }

export function translate(language: Language, key: MessageKey): string {
  return CATALOGUE[language][key]
}

export const direction = (language: Language): "rtl" | "ltr" => (language === "fa" ? "rtl" : "ltr")
