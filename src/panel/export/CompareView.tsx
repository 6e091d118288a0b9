/**
 * Compare two snapshots of the account: the ones stored in this browser and, on request, the
 * ones attached in the CRM (read back by the background). Every snapshot is validated before it
 * can be picked; files in the CRM that are not valid snapshots are named and left out.
 */
import { useEffect, useMemo, useState } from "react"
import type { Crm } from "../../model/schema"
import { readStoredRow, type ImportOrigin } from "../../snapshots/stored"
import { diffSnapshots, type FigureId, type HintRef, type SnapshotDiff } from "../../snapshots/diff"
import type { SnapshotDocument } from "../../snapshots/payload"
import { humanise } from "../../snapshots/pdf/briefing"
import { formatDate, formatNumber, formatPercent } from "../../i18n/format"
import { renderMessage } from "../../i18n/render"
import { ask, type PanelSend } from "../messaging"
import { useStoredSnapshots } from "./data"
import { figureKey } from "./messages"
import { ShareDialog } from "./ShareDialog"
import type { Words } from "./words"

interface Entry {
  id: string
  source: "local" | "crm"
  /** The row's key in the local store (an imported file's differs from its document's key). */
  storeKey?: string
  /** Set for a file imported into this browser, not made by this Parley. */
  imported?: ImportOrigin
  /** A snapshot stored here that is also attached in the CRM (same hash). */
  inCrm?: boolean
  snapshot: SnapshotDocument
}

export interface CompareViewProps {
  accountKey: string
  crm: Crm
  words: Words
  send: PanelSend
  onClose(): void
}

const SHARES: ReadonlySet<FigureId> = new Set(["supplierPower", "customerPower", "priceWeight", "qualityWeight", "deliveryWeight", "supportWeight", "tierPercentile", "riskScore"])

async function validate(rows: readonly unknown[]): Promise<SnapshotDocument[]> {
  const { checkSnapshot } = await import("./actions")
  const checked = await Promise.all(rows.map((row) => checkSnapshot(row)))
  return checked.flatMap((c) => (c.ok ? [c.snapshot] : []))
}

/** Stored rows (Parley's own and imported files) as entries, each checked against its seal. */
async function localEntries(rows: readonly unknown[]): Promise<Entry[]> {
  const { checkSnapshot } = await import("./actions")
  const entries = await Promise.all(
    rows.map(async (row): Promise<Entry | null> => {
      const stored = readStoredRow(row)
      if (!stored) return null
      const checked = await checkSnapshot(stored.document)
      if (!checked.ok) return null
      return { id: `local:${stored.storeKey}`, source: "local", storeKey: stored.storeKey, snapshot: checked.snapshot, ...(stored.imported ? { imported: stored.imported } : {}) }
    })
  )
  return entries.filter((e): e is Entry => e !== null)
}

export function CompareView({ accountKey, crm, words: w, send, onClose }: CompareViewProps) {
  const stored = useStoredSnapshots(accountKey)
  const [local, setLocal] = useState<Entry[]>([])
  const [remote, setRemote] = useState<Entry[]>([])
  const [refused, setRefused] = useState<string[]>([])
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [picked, setPicked] = useState<{ a: string | null; b: string | null }>({ a: null, b: null })
  const [sharing, setSharing] = useState<Entry | null>(null)

  useEffect(() => {
    let live = true
    void localEntries(stored ?? []).then((list) => live && setLocal(list))
    return () => {
      live = false
    }
  }, [stored])

  // Newest first; a snapshot read back from the CRM that is also stored here is listed once.
  const entries = useMemo(() => {
    const inCrm = new Set(remote.map((e) => e.snapshot.hash))
    // An imported file is listed as such even when the CRM holds the same one.
    const seen = new Set(local.map((e) => e.snapshot.hash))
    return [...local.map((e) => ({ ...e, inCrm: inCrm.has(e.snapshot.hash) })), ...remote.filter((e) => !seen.has(e.snapshot.hash))].sort(
      (x, y) => y.snapshot.createdAt - x.snapshot.createdAt
    )
  }, [local, remote])
  const a = entries.find((e) => e.id === picked.a) ?? entries[1]
  const b = entries.find((e) => e.id === picked.b) ?? entries[0]
  const diff = a && b ? diffSnapshots(a.snapshot, b.snapshot) : null

  const loadCrm = async () => {
    setLoading(true)
    setError(null)
    const reply = await ask(send, { type: "list-crm-snapshots", accountKey })
    setLoading(false)
    if (!reply.ok) return setError(reply.error)
    const data = reply.data ?? { snapshots: [], refused: [] }
    // Checked again here: the files came from the CRM, where anyone with access can edit them.
    const valid = await validate(data.snapshots)
    setRemote(valid.map((s) => ({ id: `crm:${s.hash}`, source: "crm" as const, snapshot: s })))
    setRefused(data.refused.map((r) => r.filename))
  }

  const option = (e: Entry) =>
    [
      formatDate(e.snapshot.createdAt, w.language, "datetime"),
      e.imported ? w.x("sourceImported", { file: e.imported.fileName }) : e.source === "local" ? w.x("sourceLocal") : null,
      e.source === "crm" || e.inCrm ? w.x("sourceCrm", { crm: w.crmName(crm) }) : null,
      e.snapshot.payload.trigger.kind === "label-change" ? w.x("sourceAuto") : null,
      e.snapshot.payload.redacted ? w.x("sourceRedacted") : null
    ]
      .filter(Boolean)
      .join(" · ")

  const picker = (side: "a" | "b", current: Entry | undefined) => (
    <label className="form-row">
      <span>{w.x(side === "a" ? "compareBefore" : "compareAfter")}</span>
      <select value={current?.id ?? ""} onChange={(e) => setPicked((p) => ({ ...p, [side]: e.target.value }))} data-testid={`compare-${side === "a" ? "before" : "after"}`}>
        {entries.map((e) => (
          <option key={e.id} value={e.id} data-imported={e.imported ? "true" : undefined}>
            {option(e)}
          </option>
        ))}
      </select>
      {current?.source === "local" ? (
        <>
          <button type="button" className="link-button small" onClick={() => void send({ type: "delete-snapshot", key: current.storeKey ?? current.snapshot.key })}>
            {w.x("deleteSnapshot")}
          </button>{" "}
          <button type="button" className="link-button small" onClick={() => setSharing(current)} data-testid={`compare-share-${side === "a" ? "before" : "after"}`}>
            {w.x("shareThis", { crm: w.crmName(crm) })}
          </button>
        </>
      ) : null}
    </label>
  )

  return (
    <div className="export-overlay" data-export-ignore>
      <section className="export-dialog" role="dialog" aria-modal="true" aria-labelledby="compare-title" data-testid="compare-view" dir={w.dir}>
        <h2 id="compare-title">{w.x("compareTitle")}</h2>
        <div className="export-actions" style={{ justifyContent: "flex-start" }}>
          <button type="button" className="button button-secondary" onClick={() => void loadCrm()} disabled={loading} data-testid="compare-load-crm">
            {loading ? w.x("compareLoading") : w.x("compareLoadCrm", { crm: w.crmName(crm) })}
          </button>
        </div>
        {error ? (
          <p role="alert" className="error-text">
            {w.x("failed", { reason: error })}
          </p>
        ) : null}
        {refused.length ? <p className="small muted">{w.x("compareRefused", { files: refused.join(", ") })}</p> : null}
        {entries.length < 2 ? (
          <p className="muted">{w.x("compareNone")}</p>
        ) : (
          <>
            <div className="compare-pick">
              {picker("a", a)}
              {picker("b", b)}
            </div>
            {diff ? <DiffResult diff={diff} a={a!.snapshot} b={b!.snapshot} words={w} /> : null}
          </>
        )}
        <div className="export-actions">
          <button type="button" className="button button-secondary" onClick={onClose} data-testid="compare-close">
            {w.x("close")}
          </button>
        </div>
      </section>
      {sharing ? (
        <ShareDialog
          accountKey={accountKey}
          stored={{ key: sharing.storeKey ?? sharing.snapshot.key, snapshot: sharing.snapshot, ...(sharing.imported ? { imported: sharing.imported } : {}) }}
          accountName={sharing.snapshot.payload.account.name}
          crm={crm}
          redact={false}
          language={w.language}
          words={w}
          send={send}
          onClose={() => setSharing(null)}
        />
      ) : null}
    </div>
  )
}

function DiffResult({ diff, a, b, words: w }: { diff: SnapshotDiff; a: SnapshotDocument; b: SnapshotDocument; words: Words }) {
  const pct = (x: number | null) => (x === null ? "—" : formatPercent(x, w.language))
  const num = (x: number | null) => (x === null ? "—" : formatNumber(x, w.language, 2))
  const title = (h: HintRef) => renderMessage(h.title, w.language).trim() || humanise(h.id)
  const figures = diff.figures.filter((f) => f.changed)
  const labels = diff.labels.filter((l) => l.changed)
  const confidence = diff.confidence.filter((c) => c.changed)
  const hints = diff.hints
  return (
    <div className="compare-result" data-testid="compare-result" data-changed={diff.changed}>
      {!diff.sameAccount ? <p className="error-text">{w.x("compareOtherAccount")}</p> : null}
      {!diff.changed ? <p data-testid="compare-no-change">{w.x("compareNoChange")}</p> : null}
      {labels.length || diff.dellTrap.changed ? (
        <>
          <h3>{w.x("compareLabels")}</h3>
          <ul>
            {labels.map((l) => (
              <li key={l.axis} className="compare-changed" data-testid={`compare-label-${l.axis}`} data-from={l.from} data-to={l.to}>
                {w.axisName(l.axis)}: {w.label(l.axis, l.from)} → {w.label(l.axis, l.to)}
              </li>
            ))}
            {diff.dellTrap.changed ? (
              <li className="compare-changed">
                {w.x("figDellTrap")}: {w.x(diff.dellTrap.from ? "yes" : "no")} → {w.x(diff.dellTrap.to ? "yes" : "no")}
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
      {confidence.length ? (
        <>
          <h3>{w.x("compareConfidence")}</h3>
          <ul>
            {confidence.map((c) => (
              <li key={c.axis}>
                {w.axisName(c.axis)}: {pct(c.from)} → {pct(c.to)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {hints.added.length + hints.removed.length + hints.reprioritised.length ? (
        <>
          <h3>{w.x("compareHints")}</h3>
          <ul>
            {hints.added.map((h) => (
              <li key={`+${h.id}`} dir="auto">
                {w.x("hintAdded", { title: title(h) })}
              </li>
            ))}
            {hints.removed.map((h) => (
              <li key={`-${h.id}`} dir="auto">
                {w.x("hintRemoved", { title: title(h) })}
              </li>
            ))}
            {hints.reprioritised.map((h) => (
              <li key={`~${h.id}`} dir="auto">
                {w.x("hintPriority", { title: title(h), from: w.label("priority", h.from), to: w.label("priority", h.priority) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {figures.length ? (
        <>
          <h3>{w.x("compareFigures")}</h3>
          <ul>
            {figures.map((f) => (
              <li key={f.id} data-testid={`compare-figure-${f.id}`}>
                {w.x(figureKey(f.id))}: {SHARES.has(f.id) ? pct(f.from) : num(f.from)} → {SHARES.has(f.id) ? pct(f.to) : num(f.to)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="small muted">
        {formatDate(a.createdAt, w.language, "datetime")} → {formatDate(b.createdAt, w.language, "datetime")}
      </p>
    </div>
  )
}
