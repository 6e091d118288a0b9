/** zod mirrors of messages.ts; the background parses every incoming message with these. */
import * as z from "zod"
import { MAX_SHARE_PDF_BYTES } from "../../plasmo.config"
import { Crm } from "../model/schema"
import { Settings } from "../model/settings"
import { fitContentMessage } from "./fit-observation"
import type { ContentMessage, PanelMessage } from "./messages"

const str = (max: number) => z.string().max(max)

/**
 * The intake of an observation checks its shape; how long its texts are and how many fields it
 * has never refuses it (the router bounds the whole message, MAX_CONTENT_INTAKE_BYTES): it is cut
 * to fit what Parley stores by fit-observation.ts instead, so one long label never loses a record.
 * Identity fields (crm, host, org, url, object type, id) are checked as before: a wrong one is refused.
 */
const FieldEntry = z.object({ label: z.string(), value: z.string(), relatedId: z.string().optional() }).strict()

export const PageObservationSchema = z
  .object({
    crm: Crm,
    host: str(253).regex(/^[a-z0-9.-]+$/i, "host must be a hostname"),
    org: str(128).min(1),
    url: str(2_048).url(),
    record: z
      .object({
        objectType: str(128).regex(/^[A-Za-z0-9_]+$/, "objectType must be an API name"),
        id: str(64).regex(/^[A-Za-z0-9-]+$/, "id must be a record id"),
        name: z.string().optional(),
        fields: z.record(z.string(), FieldEntry)
      })
      .strict()
      .nullable()
  })
  .strict()

const ContentMessageShape = z.discriminatedUnion("type", [z.object({ type: z.literal("observe"), page: PageObservationSchema, focused: z.boolean() }).strict()])

/** The number of fields the page sent, counted on the raw message: zod drops a `__proto__` key unseen. */
function sentFieldCount(raw: unknown): number {
  const fields = (raw as { page?: { record?: { fields?: unknown } | null } }).page?.record?.fields
  return typeof fields === "object" && fields !== null ? Object.keys(fields).length : 0
}

/** A content script's message, checked for shape, then cut to fit what Parley stores (`cut` says what). */
export const ContentMessageSchema = z.unknown().transform((raw, ctx): ContentMessage => {
  const parsed = ContentMessageShape.safeParse(raw)
  if (parsed.success) return fitContentMessage(parsed.data, sentFieldCount(raw))
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, input: undefined })
  return z.NEVER
})

export const PanelMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ping") }).strict(),
  z.object({ type: z.literal("sync-now"), recordKey: str(400) }).strict(),
  z.object({ type: z.literal("pause-sync"), recordKey: str(400) }).strict(),
  z.object({ type: z.literal("forget-org"), crm: Crm, org: str(128).min(1) }).strict(),
  z.object({ type: z.literal("prune"), retentionDays: z.number().int().min(1).max(3650) }).strict(),
  z.object({ type: z.literal("set-settings"), settings: Settings.partial().strict() }).strict(),
  z.object({ type: z.literal("save-snapshot"), accountKey: str(400) }).strict(),
  // The file's text; the background checks size, version, shape and hash (snapshots/import.ts).
  z.object({ type: z.literal("import-snapshot"), json: str(4 * 1024 * 1024), fileName: str(1_024).optional() }).strict(),
  z.object({ type: z.literal("delete-snapshot"), key: str(600) }).strict(),
  z
    .object({
      type: z.literal("share-snapshot"),
      snapshotKey: str(600),
      redact: z.boolean(),
      language: z.enum(["en", "fa"]),
      pdfBase64: str(Math.ceil(MAX_SHARE_PDF_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]+={0,2}$/, "pdfBase64 must be base64")
    })
    .strict(),
  z.object({ type: z.literal("list-crm-snapshots"), accountKey: str(400) }).strict(),
  z.object({ type: z.literal("refresh-team"), full: z.boolean().optional() }).strict()
])

// Compile-time proof that the plain types and the schemas describe the same messages.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
export const contentTypesAgree: Same<z.infer<typeof ContentMessageSchema>, ContentMessage> = true
export const contentIntakeAgrees: Same<z.infer<typeof ContentMessageShape>, Omit<ContentMessage, "cut">> = true
export const panelTypesAgree: Same<z.infer<typeof PanelMessageSchema>, PanelMessage> = true
