/**
 * The self-diagnosing connection card: the sync state of the account in view, in words, with the
 * one action that fixes it. `data-state` carries the machine state for tests.
 */
import { useState } from "react"
import type { Crm } from "../../model/schema"
import { sendToBackground } from "../../messaging/send"
import type { PanelSend } from "../messaging"
import { formatDate, formatNumber } from "../../i18n/format"
import { describeSync, permissionOrigins, progressPercent, refusedWriteKey, type SyncStatus } from "../sync"
import { useI18n } from "./I18n"
import { reloadTab, requestHostPermissions } from "../../platform/browser"
import { useStorageStatus } from "../data"

export interface SyncStatusCardProps {
  status: SyncStatus | undefined
  crm: Crm
  host: string
  tabId?: number
  /** The record or account key a sync-now asks for. */
  syncKey: string
  onOpenSettings: () => void
  send?: PanelSend
}

type Outcome = { kind: "idle" } | { kind: "busy" } | { kind: "done"; text: string } | { kind: "failed"; text: string }

export function SyncStatusCard({ status: accountStatus, crm, host, tabId, syncKey, onOpenSettings, send = sendToBackground }: SyncStatusCardProps) {
  const { t, language } = useI18n()
  // A full browser stores nothing for any account: that state comes before the account's own.
  const storage = useStorageStatus()
  const status: SyncStatus | undefined = storage ? { state: "storage-full", at: storage.at, refused: storage.operation } : accountStatus
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" })
  const card = describeSync(status, crm)
  const percent = progressPercent(status)
  // Records so far of the total the CRM reported (Salesforce totalSize, Dataverse @odata.count).
  const progressText = (p: { done: number; total?: number }) =>
    p.total !== undefined ? t("progressOf", { done: formatNumber(p.done, language), total: formatNumber(p.total, language) }) : t("progressDone", { done: formatNumber(p.done, language) })

  const syncNow = async () => {
    setOutcome({ kind: "busy" })
    try {
      const reply = await send({ type: "sync-now", recordKey: syncKey })
      setOutcome(reply.ok ? { kind: "done", text: t("syncRequested") } : { kind: "failed", text: t("actionFailed", { reason: reply.error }) })
    } catch (error) {
      setOutcome({ kind: "failed", text: t("actionFailed", { reason: error instanceof Error ? error.message : String(error) }) })
    }
  }

  const pause = async () => {
    setOutcome({ kind: "busy" })
    const reply = await send({ type: "pause-sync", recordKey: syncKey })
    setOutcome(reply.ok ? { kind: "done", text: t("pauseRequested") } : { kind: "failed", text: t("actionFailed", { reason: reply.error }) })
  }

  const onAction = () => {
    switch (card.action) {
      case "pause":
        void pause()
        return
      case "sync":
      case "retry":
        void syncNow()
        return
      case "grant": {
        // Must run synchronously inside the click: Chrome only shows the prompt for a user gesture.
        const origins = permissionOrigins(status, host)
        if (!origins.length) {
          setOutcome({ kind: "failed", text: t("grantUnavailable") })
          return
        }
        requestHostPermissions(origins).then(
          (granted) =>
            granted === "unavailable" ? setOutcome({ kind: "failed", text: t("grantUnavailable") })
              : granted ? void syncNow() : setOutcome({ kind: "failed", text: t("grantDeclined") }),
          (error: unknown) => setOutcome({ kind: "failed", text: t("actionFailed", { reason: String(error) }) })
        )
        return
      }
      case "reload":
        // tabs.reload needs no "tabs" permission; without a tab id the hint says what to do.
        if (tabId !== undefined) {
          void reloadTab(tabId).then((reloaded) => setOutcome(reloaded ? { kind: "done", text: t("reloaded") } : { kind: "failed", text: t("reloadFailed") }))
        } else setOutcome({ kind: "failed", text: t("reloadFailed") })
        return
      case "settings":
        onOpenSettings()
        return
      case null:
        return
    }
  }

  return (
    <section className={`sync-status sync-${card.state}`} data-testid="sync-status" data-state={card.state} aria-label={t("connection")}>
      <div className="sync-line" role="status">
        <strong>{t(card.title)}</strong>
        {status?.at !== undefined && card.state === "synced" ? <span className="muted"> · {formatDate(status.at, language, "datetime")}</span> : null}
      </div>
      {card.state === "syncing" ? (
        <div className="sync-progress">
          <div
            role="progressbar"
            aria-label={t("statusSyncing")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
            className={`progress ${percent === null ? "indeterminate" : ""}`}
          >
            <div className="progress-fill" style={{ inlineSize: `${percent ?? 30}%` }} />
          </div>
          {status?.progress ? <span className="muted small">{progressText(status.progress)}</span> : null}
        </div>
      ) : null}
      {(card.state === "syncing" || card.state === "paused") && status?.progress?.objects ? (
        <ul className="sync-objects muted small" data-testid="sync-progress-objects">
          {Object.entries(status.progress.objects).map(([object, p]) => (
            <li key={object} data-object={object}>
              <bdi>{object}</bdi>: {progressText(p)}
            </li>
          ))}
        </ul>
      ) : null}
      {card.hint ? <p className="muted small">{t(card.hint)}</p> : null}
      {card.state === "storage-full" && status?.refused ? (
        <p className="muted small" data-testid="storage-refused" data-operation={status.refused}>
          {t("storageFullRefused", { what: t(refusedWriteKey(status.refused)), time: status.at !== undefined ? formatDate(status.at, language, "datetime") : "" })}
        </p>
      ) : null}
      {status?.calls !== undefined || status?.apiUsage ? (
        <p className="muted small" data-testid="sync-usage">
          {[
            status.calls !== undefined ? t("syncCalls", { calls: formatNumber(status.calls, language), written: formatNumber(status.written ?? 0, language), rejected: formatNumber(status.rejected ?? 0, language) }) : null,
            status.apiUsage ? t("orgApiUsage", { used: formatNumber(status.apiUsage.used, language), max: formatNumber(status.apiUsage.max, language) }) : null
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
      ) : null}
      {card.action && card.actionLabel ? (
        <button type="button" className="button" onClick={onAction} disabled={outcome.kind === "busy"}>
          {t(card.actionLabel)}
        </button>
      ) : null}
      {outcome.kind === "done" || outcome.kind === "failed" ? (
        <p className={`small ${outcome.kind === "failed" ? "error-text" : "muted"}`} role={outcome.kind === "failed" ? "alert" : "status"}>
          {outcome.text}
        </p>
      ) : null}
      {/* What the rep reads comes from the catalogue (title, hint); the connector's own words and
          the CRM's error text are details for an admin, shown as they came. */}
      {status?.diagnostics !== undefined || status?.message ? <Diagnostics message={status.message} value={status.diagnostics} /> : null}
    </section>
  )
}

/** Connector details as plain text: primitives as a list, anything else as JSON. */
function Diagnostics({ message, value }: { message: string | undefined; value: unknown }) {
  const { t } = useI18n()
  const entries =
    value === undefined
      ? []
      : typeof value === "object" && value !== null && !Array.isArray(value)
      ? Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, typeof v === "object" ? safeJson(v) : String(v)] as const)
      : [["", typeof value === "object" ? safeJson(value) : String(value)] as const]
  return (
    <details className="drill small">
      <summary>{t("diagnostics")}</summary>
      {message ? (
        <p className="sync-message" dir="ltr" lang="en">
          {message}
        </p>
      ) : null}
      <dl className="diagnostics">
        {entries.slice(0, 30).map(([k, v], i) => (
          <div key={`${k}-${i}`}>
            {k ? <dt>{k}</dt> : null}
            <dd>{v.slice(0, 500)}</dd>
          </div>
        ))}
      </dl>
    </details>
  )
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? ""
  } catch {
    return String(value)
  }
}
