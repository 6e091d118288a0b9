import { useState } from "react"
import { direction, translate, type Language, type MessageKey } from "./i18n"
import { useFocusView, type SyncStatus } from "./data"

export function App() {
  const [language] = useState<Language>("en")
  const t = (key: MessageKey) => translate(language, key)
  const view = useFocusView()

  return (
    <main className="panel" dir={direction(language)} lang={language}>
      {view.kind === "loading" && <p className="muted" role="status">{t("loading")}</p>}
      {view.kind === "no-crm-tab" && (
        <section className="empty" data-testid="empty-state">
          <h1 data-testid="record-title">{t("appName")}</h1>
          <p>{t("noCrmTab")}</p>
        </section>
      )}
      {view.kind === "not-a-record" && (
        <section className="empty" data-testid="empty-state">
          <h1 data-testid="record-title">{t("notCrmRecord")}</h1>
          <p>{t("notCrmRecordHint")}</p>
          <p className="muted">{view.focus.host}</p>
        </section>
      )}
      {view.kind === "record" && (
        <>
          <header className="record-header">
            <p className="eyebrow">
              {t(view.focus.crm === "salesforce" ? "crmSalesforce" : "crmDynamics")} · {t("org")} {view.focus.org}
              {view.record ? ` · ${view.record.objectType}` : ""}
            </p>
            <h1 data-testid="record-title" data-record-key={view.focus.recordKey ?? ""}>
              {view.record?.name ?? view.record?.id ?? t("loading")}
            </h1>
            <SyncBadge status={view.sync} t={t} />
          </header>
          {view.record && Object.keys(view.record.fields).length > 0 && (
            <section aria-labelledby="fields-heading" className="card">
              <h2 id="fields-heading">{t("fieldsHeading")}</h2>
              <dl className="fields">
                {Object.entries(view.record.fields).map(([apiName, field]) => (
                  <div key={apiName} className="field">
                    <dt title={apiName}>{field.label}</dt>
                    <dd>{field.value}</dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
        </>
      )}
    </main>
  )
}

const STATUS_TEXT: Record<SyncStatus["state"], MessageKey> = {
  syncing: "statusSyncing",
  synced: "statusSynced",
  "dom-only": "statusDomOnly",
  "session-expired": "statusSessionExpired",
  "permission-needed": "statusPermissionNeeded",
  "budget-exhausted": "statusBudget",
  error: "statusError"
}

function SyncBadge({ status, t }: { status: SyncStatus | undefined; t: (key: MessageKey) => string }) {
  const state = status?.state ?? "page-only"
  return (
    <div className={`sync-status sync-${state}`} data-testid="sync-status" data-state={state} role="status">
      <strong>{status ? t(STATUS_TEXT[status.state]) : t("statusPageOnly")}</strong>
      {status?.message ? <span> — {status.message}</span> : !status ? <span className="muted"> — {t("statusPageOnlyHint")}</span> : null}
    </div>
  )
}
