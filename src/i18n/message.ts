/**
 * A message descriptor: what an engine says, as an id and typed parameters, never as prose. A
 * profile stores descriptors, so switching the language re-renders without re-classifying, and
 * an export renders in the language chosen for it (../render.ts).
 *
 * Parameters carry their kind, so each language formats them its own way: numbers in the
 * language's digits, amounts in the currency's words (IRR in toman), dates in the language's
 * calendar (Solar Hijri in Persian), CRM text and codes isolated from the sentence's direction.
 * Plain strings are not a parameter kind: a string would be words in one language.
 */
import * as z from "zod"
import type { ENGINE_EN, MessageId } from "./engine"
import type { TemplateParams } from "./template"

export type ParamValue =
  /** A count or measure: at most one decimal, in the language's digits. */
  | number
  /** A 0-1 share, written as a whole percentage. */
  | { pct: number }
  /** An amount in `currency` (ISO 4217; IRR is written in toman). */
  | { amount: number; currency: string; style?: "compact" | "full" }
  /** A moment (epoch ms), as a date in the language's calendar. */
  | { date: number }
  /** CRM text, a name, a code or a citation: shown as it is, bidi-isolated. */
  | { text: string }
  /** CRM text quoted ("…" in English, «…» in Persian), bidi-isolated. */
  | { quote: string }
  /** Another message inside this one (a label's words, a reason). */
  | { msg: Message }
  /** Messages written one after another (sentences). */
  | { list: Message[] }

export interface Message {
  id: string
  params?: Record<string, ParamValue>
}

const MAX_ID = 120
const MAX_TEXT = 2000

export const ParamValueSchema: z.ZodType<ParamValue> = z.lazy(() =>
  z.union([
    z.number().finite(),
    z.object({ pct: z.number().finite() }).strict(),
    z.object({ amount: z.number().finite(), currency: z.string().max(8), style: z.enum(["compact", "full"]).optional() }).strict(),
    z.object({ date: z.number().finite() }).strict(),
    z.object({ text: z.string().max(MAX_TEXT) }).strict(),
    z.object({ quote: z.string().max(MAX_TEXT) }).strict(),
    z.object({ msg: MessageSchema }).strict(),
    z.object({ list: z.array(MessageSchema).max(50) }).strict()
  ])
)

export const MessageSchema: z.ZodType<Message> = z.lazy(() =>
  z.object({ id: z.string().min(1).max(MAX_ID), params: z.record(z.string(), ParamValueSchema).optional() }).strict()
)

/** The parameter names message `K` needs, read from its English template. */
export type ParamsOf<K extends MessageId> = TemplateParams<(typeof ENGINE_EN)[K]>

type ParamsArg<K extends MessageId> = [ParamsOf<K>] extends [never] ? [] : [params: { [P in ParamsOf<K>]: ParamValue }]

/** Builds a descriptor; the typecheck insists on exactly the parameters the template names. */
export function msg<K extends MessageId>(id: K, ...params: ParamsArg<K>): Message {
  return params[0] ? { id, params: params[0] } : { id }
}

/** Nested-message and list parameters, for readability at call sites. */
export const nested = (m: Message): ParamValue => ({ msg: m })
export const list = (ms: Message[]): ParamValue => ({ list: ms })
export const text = (t: string): ParamValue => ({ text: t })
export const quote = (t: string): ParamValue => ({ quote: t })
export const pct = (share: number): ParamValue => ({ pct: share })
export const amount = (value: number, currency: string, style?: "compact" | "full"): ParamValue =>
  style ? { amount: value, currency, style } : { amount: value, currency }
export const date = (at: number): ParamValue => ({ date: at })
