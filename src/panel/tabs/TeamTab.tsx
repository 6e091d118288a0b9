/**
 * Team (lazy chunk): all accounts Parley knows with their labels. Clicking a row shows that
 * account in the panel (local state); it never navigates the CRM.
 */
import { useLiveQuery } from "dexie-react-hooks"
import { db } from "../../model/db"
import { useI18n } from "../components/I18n"
import { Notice, Skeleton } from "../components/Skeleton"
import { formatNumber } from "../format"
import { buildTeamRows, latestByAccount, sortRows, type SortState } from "../team/rows"
import { TeamTable } from "../team/TeamTable"

const BY_NAME: SortState = { column: "name", direction: "ascending" }

export default function TeamTab({ selectedKey, onSelect }: { selectedKey: string | null; onSelect: (accountKey: string) => void }) {
  const { t, language } = useI18n()
  const rows = useLiveQuery(async () => {
    const [accounts, profiles, activity] = await Promise.all([
      db().accounts.toArray(),
      db().profiles.toArray(),
      // Index keys only ([accountKey, at]): the latest activity per account without reading rows.
      db().interactions.orderBy("[accountKey+at]").keys()
    ])
    // Sorted here, off the render path, so the table's first render does no sorting.
    return sortRows(buildTeamRows(accounts, profiles, latestByAccount(activity)), BY_NAME)
  })
  if (!rows) return <Skeleton lines={8} />
  if (rows.length === 0) return <Notice title={t("teamEmpty")} hint={t("teamEmptyHint")} />
  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading">
        {t("teamTitle")} <span className="muted small">({formatNumber(rows.length, language)})</span>
      </h2>
      <p className="small muted">{t("teamHint")}</p>
      <TeamTable rows={rows} onSelect={onSelect} selectedKey={selectedKey} rowsSortedBy={BY_NAME} />
    </section>
  )
}
