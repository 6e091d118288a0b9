/**
 * The export menu (data-testid="export-menu"), for the panel header: PNG of the panel, PDF
 * briefing, snapshot JSON, save a snapshot, share to the CRM, compare snapshots, the team CSV and
 * snapshot import. Redaction is an option for the account's exports and the default for the team
 * CSV. The heavy work (chart.js, PDF, canvas) is loaded on first use from ./actions, so the menu
 * adds little to the panel's first paint.
 *
 * Mount: `<ExportMenu accountKey={accountKey} send={send} />` inside the panel's I18nProvider
 * (App.tsx: Header's `actions` slot). With `accountKey={null}` it offers the team CSV and import.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react"
import { parseRecordKey } from "../../model/keys"
import { sendToBackground } from "../../messaging/send"
import { formatDate, formatNumber } from "../../i18n/format"
import { useI18n } from "../components/I18n"
import type { PanelSend } from "../messaging"
import { CompareView } from "./CompareView"
import { readTeamPage, useAccountName } from "./data"
import { IMPORT_FAILURE_TEXT, type ExportKey } from "./messages"
import { ShareDialog } from "./ShareDialog"
import { words } from "./words"
import "./export.css"

export interface ExportMenuProps {
  /** The account the panel shows; null offers only the team CSV and import. */
  accountKey: string | null
  /** How to reach the background (tests pass a fake). */
  send?: PanelSend
}

type Status = { tone: "info" | "done" | "error"; text: string } | null
type Dialog = "share" | "compare" | null

const loadActions = () => import("./actions")
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))

export function ExportMenu({ accountKey, send = sendToBackground }: ExportMenuProps) {
  const { language } = useI18n()
  const w = useMemo(() => words(language), [language])
  const [open, setOpen] = useState(false)
  const [redact, setRedact] = useState(false)
  const [csvRedact, setCsvRedact] = useState(true)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<Status>(null)
  const [dialog, setDialog] = useState<Dialog>(null)
  const ref = useRef<HTMLDivElement>(null)
  const abort = useRef<AbortController | null>(null)
  const panelId = useId()
  const accountName = useAccountName(accountKey)
  const crm = accountKey ? (parseRecordKey(accountKey)?.crm ?? null) : null
  // A full browser is said in the rep's language, not in the background's English.
  const failure = (error: unknown) => ((error as { code?: unknown } | null)?.code === "storage-full" ? w.x("storageFull") : w.x("failed", { reason: reason(error) }))

  useEffect(() => () => abort.current?.abort(), [])
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false)
    document.addEventListener("keydown", onKey)
    return () => document.removeEventListener("keydown", onKey)
  }, [open])

  /** Runs one export with a status line; the menu closes first so the PNG shows the panel alone. */
  const run = async (what: ExportKey, task: () => Promise<string>) => {
    setOpen(false)
    setBusy(true)
    setStatus({ tone: "info", text: w.x("working", { what: w.x(what) }) })
    try {
      // Let React remove the open menu before anything reads the DOM.
      await new Promise((r) => requestAnimationFrame(() => r(null)))
      setStatus({ tone: "done", text: await task() })
    } catch (error) {
      setStatus({ tone: "error", text: failure(error) })
    } finally {
      setBusy(false)
    }
  }

  const snapshot = async () => {
    const actions = await loadActions()
    const fresh = await actions.freshSnapshot(send, accountKey!)
    return { actions, snapshot: await actions.maybeRedact(fresh, redact) }
  }

  const exportPng = () =>
    run("png", async () => {
      const actions = await loadActions()
      const root = (ref.current?.closest("main") as HTMLElement | null) ?? document.querySelector("main") ?? document.body
      const redacted = redact ? (await snapshot()).snapshot : undefined
      const file = await actions.exportPng({ root, language, accountName: accountName ?? null, now: Date.now(), ...(redacted ? { redacted } : {}) })
      return w.x("ready", { file })
    })
  const exportPdf = () =>
    run("pdf", async () => {
      const { actions, snapshot: s } = await snapshot()
      return w.x("ready", { file: await actions.exportPdf(s, language) })
    })
  const exportJson = () =>
    run("json", async () => {
      const { actions, snapshot: s } = await snapshot()
      return w.x("ready", { file: await actions.exportJson(s, language) })
    })
  const save = () =>
    run("save", async () => {
      const saved = await (await loadActions()).freshSnapshot(send, accountKey!)
      return w.x("saved", { date: formatDate(saved.createdAt, language, "datetime") })
    })
  const exportCsv = () =>
    run("csv", async () => {
      const actions = await loadActions()
      abort.current = new AbortController()
      const { filename } = await actions.exportTeamCsv({
        read: readTeamPage,
        redact: csvRedact,
        language,
        now: Date.now(),
        signal: abort.current.signal,
        onProgress: (n) => setStatus({ tone: "info", text: w.x("csvProgress", { n: formatNumber(n, language) }) })
      })
      return w.x("ready", { file: filename })
    })
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0]
    input.value = ""
    if (!file) return
    setOpen(false)
    setBusy(true)
    try {
      const actions = await loadActions()
      const result = await actions.importSnapshotFile(file, send)
      setStatus(
        result.ok
          ? { tone: "done", text: w.x("importDone", { account: result.snapshot.payload.account.name, date: formatDate(result.snapshot.createdAt, language, "datetime") }) }
          : { tone: "error", text: `${w.x(IMPORT_FAILURE_TEXT[result.reason])} ${result.message}`.trim() }
      )
    } catch (error) {
      setStatus({ tone: "error", text: failure(error) })
    } finally {
      setBusy(false)
    }
  }

  const item = (testId: string, label: string, onClick: () => void, disabled = busy) => (
    <button type="button" className="export-item" data-testid={testId} onClick={onClick} disabled={disabled}>
      {label}
    </button>
  )

  return (
    <div className="export-menu" data-testid="export-menu" ref={ref}>
      <button type="button" className="button export-toggle" aria-expanded={open} aria-controls={panelId} aria-haspopup="true" onClick={() => setOpen((o) => !o)} data-testid="export-toggle">
        {w.x("exportButton")}
      </button>
      {open ? (
        <div id={panelId} className="export-panel" role="group" aria-label={w.x("exportPanelLabel")} data-export-ignore dir={w.dir}>
          {accountKey ? (
            <fieldset>
              <legend>{w.x("sectionAccount")}</legend>
              <label className="export-check">
                <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} data-testid="export-redact" />
                <span>{w.x("redact")}</span>
              </label>
              {item("export-png", w.x("png"), () => void exportPng())}
              {item("export-pdf", w.x("pdf"), () => void exportPdf())}
              {item("export-json", w.x("json"), () => void exportJson())}
              {item("export-save", w.x("save"), () => void save())}
              {crm ? item("export-share", w.x("share", { crm: w.crmName(crm) }), () => (setOpen(false), setDialog("share"))) : null}
              {item("export-compare", w.x("compare"), () => (setOpen(false), setDialog("compare")))}
            </fieldset>
          ) : (
            <p className="small muted">{w.x("noAccount")}</p>
          )}
          <fieldset>
            <legend>{w.x("sectionTeam")}</legend>
            <label className="export-check">
              <input type="checkbox" checked={csvRedact} onChange={(e) => setCsvRedact(e.target.checked)} data-testid="export-csv-redact" />
              <span>{w.x("csvRedact")}</span>
            </label>
            {item("export-csv", w.x("csv"), () => void exportCsv())}
            <label className="export-item export-file">
              {w.x("importLabel")}
              <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget)} disabled={busy} data-testid="export-import" />
            </label>
          </fieldset>
        </div>
      ) : null}
      <p className="export-status" role="status" aria-live="polite" data-testid="export-status" data-state={status?.tone ?? "idle"} data-busy={busy} data-export-ignore>
        {status?.text ?? ""}
      </p>
      {dialog === "share" && accountKey && crm ? (
        <ShareDialog accountKey={accountKey} accountName={accountName ?? accountKey} crm={crm} redact={redact} language={language} words={w} send={send} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === "compare" && accountKey && crm ? <CompareView accountKey={accountKey} crm={crm} words={w} send={send} onClose={() => setDialog(null)} /> : null}
    </div>
  )
}
