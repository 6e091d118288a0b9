/**
 * Team: all accounts Parley knows with their labels. The rows come from a live query in this
 * (main) bundle; the windowed table itself is a lazily loaded chunk. Clicking a row shows that
 * account in the panel (local state); it never navigates the CRM.
 */
import { lazy, Suspense } from "react"
import { useI18n } from "../components/I18n"
import { Notice, Skeleton } from "../components/Skeleton"
import { useTeamRows } from "../data"
import { formatNumber } from "../../i18n/format"
import { BY_NAME } from "../team/rows"

const TeamTable = lazy(() => import("../team/TeamTable"))

export function TeamTab({ selectedKey, onSelect }: { selectedKey: string | null; onSelect: (accountKey: string) => void }) {
  const i18n = useI18n()
  const { t, language } = i18n
  const rows = useTeamRows()
  if (!rows) return <Skeleton lines={8} />
  if (rows.length === 0) return <Notice title={t("teamEmpty")} hint={t("teamEmptyHint")} />
  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading">
        {t("teamTitle")} <span className="muted small">({formatNumber(rows.length, language)})</span>
      </h2>
      <p className="small muted">{t("teamHint")}</p>
      <Suspense fallback={<Skeleton lines={8} />}>
        <TeamTable rows={rows} i18n={i18n} onSelect={onSelect} selectedKey={selectedKey} rowsSortedBy={BY_NAME} />
      </Suspense>
    </section>
  )
}
