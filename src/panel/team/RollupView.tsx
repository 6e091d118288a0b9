/**
 * "Shared in CRM" (issue 15): the lead's roll-up of every account the team shared in the CRM.
 * Top-down as a lead reads it: refresh and what the last refresh did per org, files left out and
 * why, what needs attention (nudges with the snapshot's evidence), filters, the windowed table
 * (attention first), and the selected account's label history. Exports: CSV (redacted unless
 * names are asked for) and a PDF team briefing, in the panel's language.
 *
 * Pure over its props (rows from buildRollup, the cache's skipped files and refresh states): the
 * Team tab's hook (data.ts useTeamRollup) reads IndexedDB; a test or benchmark passes rows in.
 * A lazily loaded chunk, so the language comes as a prop.
 */
import { useMemo, useState } from "react"
import { formatDate, formatNumber } from "../../i18n/format"
import type { Reply } from "../../messaging/messages"
import type { Crm } from "../../model/schema"
import { TEAM_STALE_DAYS } from "../../model/settings"
import { nudgeSentence } from "../../snapshots/pdf/rollup-briefing"
import { filterRollup, rollupOwners } from "../../team/rollup"
import type { Nudge, RollupFilters, RollupRow, TeamFileRow, TeamRefreshState, TeamSkipReason } from "../../team/types"
import { Message } from "../components/Message"
import { exportText } from "../export/messages"
import { CRM_MESSAGES, isCrm, type I18n, type MessageKey } from "../i18n"
import { DOMINANCE_TEXT, labelOrder, RISK_TEXT } from "../labels"
import { LabelHistory } from "./LabelHistory"
import type { TeamOrgRefresh, TeamRefreshReport } from "./refresh"
import { axisLabelWords } from "./rollup-rows"
import { RollupTable } from "./RollupTable"

export const SKIP_REASON_TEXT: Record<TeamSkipReason, MessageKey> = {
  "too-large": "skipTooLarge",
  "not-json": "skipNotJson",
  "not-a-snapshot": "skipNotSnapshot",
  "newer-version": "skipNewerVersion",
  malformed: "skipMalformed",
  tampered: "skipTampered",
  "wrong-record": "skipWrongRecord",
  unreadable: "skipUnreadable"
}

/** Nudges listed above the table; the rest are in the table, which sorts them first. */
export const MAX_NUDGES = 12
/** Skipped files listed by name; a flood of junk files titled like Parley's is counted, not drawn. */
export const MAX_SKIPPED_SHOWN = 50

export interface RollupViewProps {
  rows: readonly RollupRow[]
  skipped: readonly TeamFileRow[]
  states: readonly TeamRefreshState[]
  i18n: I18n
  staleDays: number
  onStaleDays?: (days: number) => void
  onRefresh?: (full: boolean) => Promise<Reply<TeamRefreshReport>>
  /** "now" for the exports' date (tests). */
  now?: () => number
  viewportHeight?: number
}

type ExportState = { state: "idle" } | { state: "working" } | { state: "done"; file: string } | { state: "failed"; reason: string }

export function RollupView({ rows, skipped, states, i18n, staleDays, onStaleDays, onRefresh, now = Date.now, viewportHeight }: RollupViewProps) {
  const { t, language } = i18n
  const x = useMemo(() => exportText(language), [language])
  const [filters, setFilters] = useState<RollupFilters>({})
  const [selected, setSelected] = useState<string | null>(null)
  const [refreshing, setRefreshing] = useState(false)
  const [report, setReport] = useState<TeamRefreshReport | null>(null)
  const [refreshError, setRefreshError] = useState<string | null>(null)
  const [includeNames, setIncludeNames] = useState(false)
  const [exporting, setExporting] = useState<ExportState>({ state: "idle" })

  const owners = useMemo(() => rollupOwners(rows), [rows])
  const shown = useMemo(() => filterRollup(rows, filters), [rows, filters])
  const nudged = useMemo(() => shown.filter((row) => row.nudges.length > 0), [shown])
  const selectedRow = useMemo(() => (selected ? (rows.find((r) => r.accountKey === selected) ?? null) : null), [rows, selected])
  const crmName = (crm: string) => (isCrm(crm) ? t(CRM_MESSAGES[crm].name) : crm)
  const n = (value: number) => formatNumber(value, language)
  const sentence = (nudge: Nudge) => nudgeSentence(nudge, { t: x, label: (axis, value) => axisLabelWords(t, axis, value), number: n })

  const refresh = async (full: boolean) => {
    if (!onRefresh) return
    setRefreshing(true)
    setRefreshError(null)
    try {
      const reply = await onRefresh(full)
      if (reply.ok) setReport(reply.data ?? { orgs: [], at: now() })
      else setRefreshError(reply.error)
    } catch (error) {
      setRefreshError(error instanceof Error ? error.message : String(error))
    } finally {
      setRefreshing(false)
    }
  }

  const runExport = async (kind: "csv" | "pdf") => {
    setExporting({ state: "working" })
    try {
      const files = await import("../export/rollup")
      const options = { includeNames, language, now: now() }
      const file = kind === "csv" ? await files.exportRollupCsv(shown, options) : await files.exportRollupPdf(shown, options)
      setExporting({ state: "done", file })
    } catch (error) {
      setExporting({ state: "failed", reason: error instanceof Error ? error.message : String(error) })
    }
  }

  const setFilter = <K extends keyof RollupFilters>(key: K, value: RollupFilters[K] | undefined) =>
    setFilters((f) => {
      const next = { ...f }
      if (value === undefined || value === "" || value === false) delete next[key]
      else next[key] = value
      return next
    })

  const orgProblem = (org: { crm: Crm | string; code?: string | undefined; error?: string | undefined }) => {
    // No session, no reachable CRM page (Dynamics is read through its open tab): the fix is the same.
    // A refusal ("rejected") is the CRM's own words, shown as they are.
    if (org.code === "session-expired" || org.code === "unavailable" || org.code === "network") return t("rollupOpenCrm", { crm: crmName(org.crm) })
    if (org.code === "budget-exhausted") return t("rollupBudget")
    return org.error ?? ""
  }

  const orgLine = (org: TeamOrgRefresh) => {
    const params = { crm: crmName(org.crm), org: org.org, listed: n(org.listed), read: n(org.read), skipped: n(org.skipped), unchanged: n(org.unchanged), calls: n(org.calls) }
    const head = org.status === "ok" ? t("rollupOrgDone", params) : org.status === "partial" ? t("rollupOrgPartial", params) : t("rollupOrgFailed", params)
    return (
      <li key={`${org.crm}:${org.org}`} data-status={org.status} data-crm={org.crm}>
        {head}
        {org.status !== "ok" ? (
          <>
            {" "}
            <bdi className="problem">{orgProblem(org)}</bdi>
          </>
        ) : null}
        {org.pending > 0 ? <> {t("rollupOrgPending", { n: n(org.pending) })}</> : null}
      </li>
    )
  }

  const stateLine = (state: TeamRefreshState) => (
    <li key={`${state.crm}:${state.org}`} data-status={state.error ? "partial" : "ok"} data-crm={state.crm}>
      {state.error ? t("rollupOrgLastError", { crm: crmName(state.crm), org: state.org }) : t("rollupOrgLast", { crm: crmName(state.crm), org: state.org, date: formatDate(state.refreshedAt, language, "datetime") })}
      {state.error ? (
        <>
          {" "}
          <bdi className="problem">{orgProblem({ crm: state.crm, code: state.error.code, error: state.error.message })}</bdi>
        </>
      ) : null}
      {state.pending > 0 ? <> {t("rollupOrgPending", { n: n(state.pending) })}</> : null}
    </li>
  )

  return (
    <div className="team-rollup" data-testid="team-rollup" data-rows={rows.length}>
      <p className="small muted">{t("rollupHint")}</p>

      <div className="rollup-toolbar">
        <button type="button" data-testid="team-rollup-refresh" disabled={refreshing || !onRefresh} onClick={() => void refresh(false)}>
          {refreshing ? t("rollupRefreshing") : t("rollupRefresh")}
        </button>
        <button type="button" className="secondary" data-testid="team-rollup-refresh-full" disabled={refreshing || !onRefresh} onClick={() => void refresh(true)}>
          {t("rollupRefreshFull")}
        </button>
      </div>

      <div
        data-testid="team-rollup-status"
        role="status"
        className="small"
        data-state={refreshing ? "refreshing" : "idle"}
        data-refreshed-at={report?.at ?? Math.max(0, ...states.map((s) => s.refreshedAt ?? 0))}
      >
        {refreshError ? <p className="problem">{t("rollupRefreshFailed", { reason: refreshError })}</p> : null}
        {report ? (
          report.orgs.length === 0 ? (
            <p>{t("rollupNoOrgs")}</p>
          ) : (
            <ul className="plain">{report.orgs.map(orgLine)}</ul>
          )
        ) : states.length ? (
          <ul className="plain">{states.map(stateLine)}</ul>
        ) : null}
      </div>

      {skipped.length ? (
        <details className="rollup-skipped" data-testid="team-rollup-skipped">
          <summary>{t("rollupSkippedTitle", { n: n(skipped.length) })}</summary>
          <ul className="plain small">
            {skipped.slice(0, MAX_SKIPPED_SHOWN).map((file) => (
              <li key={file.key} data-reason={file.reason ?? "malformed"}>
                <bdi>{file.filename}</bdi> · {crmName(file.crm)} · {t(SKIP_REASON_TEXT[file.reason ?? "malformed"])}
                {file.author ? (
                  <>
                    {" "}
                    ({t("rollupSkippedBy", { name: "" })}
                    <bdi>{file.author.name}</bdi>)
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {skipped.length > MAX_SKIPPED_SHOWN ? <p className="small muted">{t("skippedMore", { n: n(skipped.length - MAX_SKIPPED_SHOWN) })}</p> : null}
        </details>
      ) : null}

      <section className="card rollup-nudges" data-testid="team-nudges" aria-labelledby="team-nudges-heading">
        <div className="rollup-nudges-head">
          <h3 id="team-nudges-heading">{t("nudgesTitle", { n: n(nudged.length) })}</h3>
          <label className="small">
            {t("staleAge")}{" "}
            <select data-testid="team-rollup-stale" value={staleDays} onChange={(e) => onStaleDays?.(Number(e.currentTarget.value))}>
              {TEAM_STALE_DAYS.map((days) => (
                <option key={days} value={days}>
                  {t("staleOption", { n: n(days) })}
                </option>
              ))}
            </select>
          </label>
        </div>
        {nudged.length === 0 ? (
          <p className="small muted">{t("nudgesNone")}</p>
        ) : (
          <ul className="plain">
            {nudged.slice(0, MAX_NUDGES).flatMap((row) =>
              row.nudges.map((nudge, i) => (
                <li key={`${row.accountKey}:${i}`} data-testid="team-nudge" data-kind={nudge.kind} data-account-key={row.accountKey}>
                  <button type="button" className="link-button" onClick={() => setSelected(row.accountKey)}>
                    <bdi>{row.name}</bdi>
                  </button>
                  : {sentence(nudge)}
                  {nudge.kind === "risk-rose" && nudge.reasons.length ? (
                    <ul className="evidence small">
                      {nudge.reasons.map((reason, j) => (
                        <li key={j}>
                          <Message message={reason} language={language} />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {nudge.kind === "dominance-to-customer" ? (
                    <p className="evidence small">
                      <Message message={nudge.summary} language={language} />
                    </p>
                  ) : null}
                </li>
              ))
            )}
          </ul>
        )}
        {nudged.length > MAX_NUDGES ? <p className="small muted">{t("nudgesMore", { n: n(nudged.length - MAX_NUDGES) })}</p> : null}
      </section>

      <div className="rollup-filters">
        <label>
          {t("filterOwner")}{" "}
          <select data-testid="team-rollup-filter-owner" value={filters.owner ?? ""} onChange={(e) => setFilter("owner", e.currentTarget.value || undefined)}>
            <option value="">{t("filterAll")}</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filterRisk")}{" "}
          <select data-testid="team-rollup-filter-risk" value={filters.risk ?? ""} onChange={(e) => setFilter("risk", e.currentTarget.value || undefined)}>
            <option value="">{t("filterAll")}</option>
            {labelOrder(RISK_TEXT).map((label) => (
              <option key={label} value={label}>
                {axisLabelWords(t, "risk", label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("filterDominance")}{" "}
          <select data-testid="team-rollup-filter-dominance" value={filters.dominance ?? ""} onChange={(e) => setFilter("dominance", e.currentTarget.value || undefined)}>
            <option value="">{t("filterAll")}</option>
            {labelOrder(DOMINANCE_TEXT).map((label) => (
              <option key={label} value={label}>
                {axisLabelWords(t, "dominance", label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" data-testid="team-rollup-filter-changed" checked={filters.changed ?? false} onChange={(e) => setFilter("changed", e.currentTarget.checked || undefined)} />{" "}
          {t("filterChanged")}
        </label>
        <span className="small muted" data-testid="team-rollup-count">
          {t("rollupShown", { shown: n(shown.length), total: n(rows.length) })}
        </span>
      </div>

      <RollupTable rows={shown} i18n={i18n} selectedKey={selected} onSelect={setSelected} {...(viewportHeight ? { viewportHeight } : {})} />

      <div className="rollup-exports">
        <label className="small">
          <input type="checkbox" data-testid="team-rollup-include-names" checked={includeNames} onChange={(e) => setIncludeNames(e.currentTarget.checked)} /> {t("rollupIncludeNames")}
        </label>
        <button type="button" data-testid="team-rollup-csv" disabled={exporting.state === "working" || shown.length === 0} onClick={() => void runExport("csv")}>
          {t("rollupExportCsv")}
        </button>
        <button type="button" data-testid="team-rollup-pdf" disabled={exporting.state === "working" || shown.length === 0} onClick={() => void runExport("pdf")}>
          {t("rollupExportPdf")}
        </button>
        <span className="small" role="status" data-testid="team-rollup-export-status">
          {exporting.state === "done" ? t("rollupExportReady", { file: exporting.file }) : exporting.state === "failed" ? t("rollupExportFailed", { reason: exporting.reason }) : ""}
        </span>
      </div>

      {selectedRow ? <LabelHistory row={selectedRow} i18n={i18n} /> : <p className="small muted">{t("rollupSelectHint")}</p>}
    </div>
  )
}

export default RollupView
