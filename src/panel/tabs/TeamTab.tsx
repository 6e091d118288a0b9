/**
 * Team: two views. "Shared in CRM" (issue 15) is the team's roll-up from the snapshots reps
 * shared in the CRM, the default once any team file is cached; "This browser" is every account
 * Parley knows here with its labels. Rows come from live queries in this (main) bundle; both
 * views are lazily loaded chunks. Clicking a local account shows it in the panel (local state);
 * it never navigates the CRM.
 */
import { lazy, Suspense, useState } from "react"
import { useI18n } from "../components/I18n"
import { Notice, Skeleton } from "../components/Skeleton"
import { useTeamRollup, useTeamRows } from "../data"
import { formatNumber } from "../../i18n/format"
import type { PanelSend } from "../messaging"
import { refreshTeam } from "../team/refresh"
import { BY_NAME } from "../team/rows"

const TeamTable = lazy(() => import("../team/TeamTable"))
const RollupView = lazy(() => import("../team/RollupView"))

type TeamView = "crm" | "local"

export interface TeamTabProps {
  selectedKey: string | null
  onSelect: (accountKey: string) => void
  send?: PanelSend
  staleDays: number
  onStaleDays?: (days: number) => void
}

export function TeamTab({ selectedKey, onSelect, send, staleDays, onStaleDays }: TeamTabProps) {
  const i18n = useI18n()
  const { t } = i18n
  const rollup = useTeamRollup(staleDays)
  const [chosen, setChosen] = useState<TeamView | null>(null)
  if (!rollup) return <Skeleton lines={8} />
  const view: TeamView = chosen ?? (rollup.files > 0 ? "crm" : "local")
  return (
    <section aria-labelledby="team-heading">
      <div role="radiogroup" aria-label={t("teamViews")} className="segmented" data-testid="team-views">
        {(["crm", "local"] as const).map((id) => (
          <button key={id} type="button" role="radio" aria-checked={view === id} data-testid={`team-view-${id}`} onClick={() => setChosen(id)}>
            {t(id === "crm" ? "teamViewCrm" : "teamViewLocal")}
          </button>
        ))}
      </div>
      {view === "crm" ? (
        <>
          <h2 id="team-heading">
            {t("rollupTitle")} <span className="muted small">({formatNumber(rollup.rows.length, i18n.language)})</span>
          </h2>
          {rollup.files === 0 ? <Notice title={t("rollupEmpty")} hint={t("rollupEmptyHint")} /> : null}
          <Suspense fallback={<Skeleton lines={8} />}>
            <RollupView
              rows={rollup.rows}
              skipped={rollup.skipped}
              states={rollup.states}
              i18n={i18n}
              staleDays={staleDays}
              {...(onStaleDays ? { onStaleDays } : {})}
              {...(send ? { onRefresh: (full: boolean) => refreshTeam(send, full) } : {})}
            />
          </Suspense>
        </>
      ) : (
        <LocalAccounts selectedKey={selectedKey} onSelect={onSelect} />
      )}
    </section>
  )
}

/** Today's view: the accounts of this browser's database. */
function LocalAccounts({ selectedKey, onSelect }: { selectedKey: string | null; onSelect: (accountKey: string) => void }) {
  const i18n = useI18n()
  const { t, language } = i18n
  const rows = useTeamRows()
  if (!rows) return <Skeleton lines={8} />
  if (rows.length === 0) return <Notice title={t("teamEmpty")} hint={t("teamEmptyHint")} />
  return (
    <>
      <h2 id="team-heading">
        {t("teamTitle")} <span className="muted small">({formatNumber(rows.length, language)})</span>
      </h2>
      <p className="small muted">{t("teamHint")}</p>
      <Suspense fallback={<Skeleton lines={8} />}>
        <TeamTable rows={rows} i18n={i18n} onSelect={onSelect} selectedKey={selectedKey} rowsSortedBy={BY_NAME} />
      </Suspense>
    </>
  )
}
