/**
 * Renders message descriptors (./message.ts) in one language. `renderParts` keeps the isolated
 * runs apart so the panel can put each in a <bdi>; `renderMessage` joins them into one string
 * with Unicode isolates (FSI … PDI), which do the same in plain text, a CSV or a PDF.
 */
import { formatAmount } from "../pricing/format"
import { ENGINE_CATALOGUE } from "./engine"
import { formatDate, formatNumber, formatPercent, localeOf } from "./format"
import type { Language } from "./language"
import type { Message, ParamValue } from "./message"
import { walkTemplate } from "./template"

/** A run of sentence text, or CRM text / a code to isolate from the sentence's direction. */
export type MessagePart = string | { isolate: string }

const FSI = "\u2068"
const PDI = "\u2069"
const QUOTES: Readonly<Record<Language, readonly [string, string]>> = { en: ["“", "”"], fa: ["«", "»"] }

function templateOf(id: string, language: Language): string {
  const own = (ENGINE_CATALOGUE[language] as Readonly<Record<string, string>>)[id]
  if (own !== undefined) return own
  // An id this build does not know (a snapshot from a newer Parley): say so rather than blank.
  return (ENGINE_CATALOGUE.en as Readonly<Record<string, string>>)[id] ?? `[${id}]`
}

function pushParam(value: ParamValue, language: Language, out: MessagePart[]): void {
  if (typeof value === "number") out.push(formatNumber(value, language))
  else if ("pct" in value) out.push(formatPercent(value.pct, language))
  else if ("amount" in value) out.push(formatAmount(value.amount, { currency: value.currency, locale: localeOf(language), style: value.style ?? "compact" }))
  else if ("date" in value) out.push(formatDate(value.date, language))
  else if ("text" in value) out.push({ isolate: value.text })
  else if ("quote" in value) {
    const [open, close] = QUOTES[language]
    out.push(open, { isolate: value.quote }, close)
  } else if ("msg" in value) renderInto(value.msg, language, out)
  else
    value.list.forEach((m, i) => {
      if (i > 0) out.push(" ")
      renderInto(m, language, out)
    })
}

function renderInto(message: Message, language: Language, out: MessagePart[]): void {
  const params = message.params ?? {}
  walkTemplate(
    templateOf(message.id, language),
    language,
    (name) => Object.prototype.hasOwnProperty.call(params, name),
    (name) => (typeof params[name] === "number" ? (params[name] as number) : undefined),
    (text) => {
      if (text) out.push(text)
    },
    (name) => pushParam(params[name]!, language, out)
  )
}

/** The message as sentence runs and isolated runs, adjacent sentence runs merged. */
export function renderParts(message: Message, language: Language): MessagePart[] {
  const raw: MessagePart[] = []
  renderInto(message, language, raw)
  const parts: MessagePart[] = []
  for (const part of raw) {
    const last = parts[parts.length - 1]
    if (typeof part === "string" && typeof last === "string") parts[parts.length - 1] = last + part
    else parts.push(part)
  }
  return parts
}

/** The message as one string; CRM text and codes sit between FSI and PDI. */
export function renderMessage(message: Message, language: Language): string {
  return renderParts(message, language)
    .map((p) => (typeof p === "string" ? p : FSI + p.isolate + PDI))
    .join("")
}

/** Removes the isolates again, for a sink that cannot draw them (a PDF font without them). */
export function withoutIsolates(text: string): string {
  return text.replace(/[\u2068\u2069]/g, "")
}
