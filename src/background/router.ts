/**
 * The background's one message entry point. Every message is gated, in order, by: the sender is
 * this extension; the message is small enough; the sender's role (a CRM tab may only submit
 * observations, only the extension's own pages may ask for anything else); the role's zod schema.
 * Handlers are wrapped so that a failure becomes an error reply, never a hang.
 */
import type * as z from "zod"
import { CRM_HOST_PATTERNS, MAX_CONTENT_INTAKE_BYTES, MAX_PANEL_MESSAGE_BYTES } from "../../plasmo.config"
import { matchesAny } from "../lib/match-pattern"
import type { ContentMessage, PanelMessage, Reply } from "../messaging/messages"
import { ContentMessageSchema, PanelMessageSchema } from "../messaging/schemas"

export interface Sender {
  id?: string
  url?: string
  tab?: { id?: number; windowId?: number }
}

export interface RouterOptions {
  extensionId: string
  extensionOrigin: string
  /** Host patterns granted at run time (on-premises Dynamics), besides the built-in CRM hosts. */
  extraHostPatterns?: () => Promise<string[]>
  onContent: (message: ContentMessage, sender: Required<Pick<Sender, "url">> & Sender) => Promise<Reply>
  onPanel: (message: PanelMessage, sender: Sender) => Promise<Reply>
}

export type Role = "content" | "panel"

export async function senderRole(sender: Sender, options: RouterOptions): Promise<Role | null> {
  if (sender.id !== options.extensionId || !sender.url) return null
  if (sender.tab && sender.url.startsWith("https://")) {
    const patterns = [...CRM_HOST_PATTERNS, ...((await options.extraHostPatterns?.()) ?? [])]
    return matchesAny(sender.url, patterns) ? "content" : null
  }
  return sender.url.startsWith(options.extensionOrigin) ? "panel" : null
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "message"}: ${i.message}`)
    .join("; ")
}

export function createRouter(options: RouterOptions) {
  return async function route(message: unknown, sender: Sender): Promise<Reply> {
    try {
      const role = await senderRole(sender, options)
      if (!role) return { ok: false, error: "rejected: sender not allowed", code: "rejected" }
      let size: number
      try {
        size = JSON.stringify(message)?.length ?? 0
      } catch {
        return { ok: false, error: "rejected: message is not JSON", code: "rejected" }
      }
      // An observation over its stored budget is cut to fit by its schema, beyond this it is not
      // read at all; an extension page may send a snapshot or a PDF to share.
      if (size > (role === "content" ? MAX_CONTENT_INTAKE_BYTES : MAX_PANEL_MESSAGE_BYTES)) return { ok: false, error: `rejected: message too large (${size} bytes)`, code: "rejected" }
      if (role === "content") {
        const parsed = ContentMessageSchema.safeParse(message)
        if (!parsed.success) return { ok: false, error: `rejected: ${describe(parsed.error)}`, code: "rejected" }
        return await options.onContent(parsed.data, { ...sender, url: sender.url! })
      }
      const parsed = PanelMessageSchema.safeParse(message)
      if (!parsed.success) return { ok: false, error: `rejected: ${describe(parsed.error)}`, code: "rejected" }
      return await options.onPanel(parsed.data, sender)
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error), code: "failed" }
    }
  }
}
