/**
 * "Share to CRM": says exactly what will be attached where, and only on confirmation builds the
 * PDF and asks the background to attach it with the snapshot JSON. Shows the created files' links
 * (https links to the org's own host, built by the background) or why nothing was attached.
 */
import { useRef, useState } from "react"
import type { Crm } from "../../model/schema"
import type { ShareReply } from "../../messaging/messages"
import { ask, type PanelSend } from "../messaging"
import type { Language } from "../i18n"
import type { Words } from "./words"
import type { SnapshotDocument } from "../../snapshots/payload"
import type { ImportOrigin } from "../../snapshots/stored"

export interface ShareDialogProps {
  accountKey: string
  /** A snapshot stored here to share (from the compare view); without it, one is saved now. */
  stored?: { key: string; snapshot: SnapshotDocument; imported?: ImportOrigin }
  accountName: string
  crm: Crm
  redact: boolean
  language: Language
  words: Words
  send: PanelSend
  onClose(): void
}

type State = { kind: "confirm" } | { kind: "working" } | { kind: "done"; data: ShareReply } | { kind: "failed"; reason: string; storageFull?: boolean }

const safeLink = (url: unknown): url is string => typeof url === "string" && url.startsWith("https://")

export function ShareDialog({ accountKey, stored, accountName, crm, redact, language, words: w, send, onClose }: ShareDialogProps) {
  const [state, setState] = useState<State>({ kind: "confirm" })
  // A retry shares the same snapshot as the attempt before it, so the background can see that the
  // CRM already holds it (an answer lost when the worker stopped) and not attach it twice.
  const attempt = useRef<{ key: string; snapshot: SnapshotDocument } | null>(stored ?? null)
  const crmName = w.crmName(crm)
  const confirm = async () => {
    setState({ kind: "working" })
    try {
      const actions = await import("./actions")
      if (!attempt.current) {
        const snapshot = await actions.freshSnapshot(send, accountKey)
        attempt.current = { key: snapshot.key, snapshot }
      }
      const { key, snapshot } = attempt.current
      const pdfBase64 = await actions.sharePdf(snapshot, redact, language)
      const reply = await ask(send, { type: "share-snapshot", snapshotKey: key, redact, language, pdfBase64 })
      if (!reply.ok) setState({ kind: "failed", reason: reply.error, storageFull: reply.code === "storage-full" })
      else if (!reply.data) setState({ kind: "failed", reason: "no answer data" })
      else setState({ kind: "done", data: reply.data })
    } catch (error) {
      setState({ kind: "failed", reason: error instanceof Error ? error.message : String(error), storageFull: (error as { code?: unknown } | null)?.code === "storage-full" })
    }
  }
  return (
    <div className="export-overlay" data-export-ignore>
      <section className="export-dialog" role="dialog" aria-modal="true" aria-labelledby="share-title" data-testid="share-dialog" dir={w.dir}>
        <h2 id="share-title">{w.x("shareTitle", { crm: crmName })}</h2>
        <p dir="auto">{w.x("shareBody", { account: accountName, crm: crmName })}</p>
        <p className="small" data-testid="share-redaction">
          {w.x(redact ? "shareRedacted" : "shareFull")}
        </p>
        {stored?.imported && state.kind !== "done" ? (
          <p className="small" data-testid="share-imported-warning">
            {w.x("shareImportedWarning", { file: stored.imported.fileName, crm: crmName })}
          </p>
        ) : null}
        {state.kind === "done" ? (
          <div role="status" data-testid="share-result">
            <p>{w.x(state.data.alreadyAttached ? "shareAlready" : "shareDone", { crm: crmName })}</p>
            {state.data.imported ? (
              <p className="small" data-testid="share-imported">
                {w.x("shareImported", { file: state.data.imported.fileName, crm: crmName })}
              </p>
            ) : null}
            <ul className="plain">
              {state.data.files.filter((f) => safeLink(f.url)).map((f) => (
                <li key={f.id}>
                  <a href={f.url} target="_blank" rel="noreferrer noopener" data-testid={`share-link-${f.kind}`} data-record-id={f.id}>
                    {w.x(f.kind === "pdf" ? "shareOpenPdf" : "shareOpenJson", { crm: crmName })}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {state.kind === "failed" ? (
          <p role="alert" className="error-text" data-testid="share-error">
            {state.storageFull ? w.x("storageFull") : w.x("shareFailed", { reason: state.reason })}
          </p>
        ) : null}
        <div className="export-actions">
          {state.kind === "confirm" || state.kind === "failed" ? (
            <button type="button" className="button" onClick={() => void confirm()} data-testid="share-confirm">
              {w.x("shareConfirm", { crm: crmName })}
            </button>
          ) : null}
          {state.kind === "working" ? (
            <button type="button" className="button" disabled aria-busy="true">
              {w.x("sharing")}
            </button>
          ) : null}
          <button type="button" className="button button-secondary" onClick={onClose} data-testid="share-close">
            {w.x(state.kind === "done" ? "close" : "cancel")}
          </button>
        </div>
      </section>
    </div>
  )
}
