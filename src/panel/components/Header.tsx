/**
 * The header: the record in view (and, for an opportunity, quote, case, contact or contract, the
 * account behind it), the CRM and org, and the connection card. Rendered from the first live
 * query alone so it paints before any tab's data or code is loaded.
 */
import { CRM_MESSAGES } from "../i18n"
import type { ReactNode } from "react"
import type { Focus } from "../../model/focus"
import type { PageRecord } from "../../model/schema"
import type { AccountView } from "../data"
import { isAccountObject } from "../../crm/account"
import { formatNumber } from "../../i18n/format"
import { objectTypeText } from "../labels"
import { useI18n } from "./I18n"

export interface HeaderProps {
  focus: Focus
  record: PageRecord | undefined
  account: AccountView | null
  /** The export menu (another issue) renders here. */
  actions?: ReactNode
  children?: ReactNode
}

export function Header({ focus, record, account, actions, children }: HeaderProps) {
  const { t } = useI18n()
  const typeKey = objectTypeText(record?.objectType)
  const title = record?.name ?? record?.id
  const showAccount = account && !isAccountObject(record?.objectType) && account.key !== focus.recordKey
  return (
    <header className="record-header">
      <div className="header-top">
        <p className="eyebrow">
          {t(CRM_MESSAGES[focus.crm].name)} · {t("org")} {focus.org}
          {record ? ` · ${typeKey ? t(typeKey) : record.objectType}` : ""}
        </p>
        {/* Slot for the export menu (data-testid="export-menu"), added by the export issue. */}
        <div className="header-actions">{actions}</div>
      </div>
      <h1 data-testid="record-title" data-record-key={focus.recordKey ?? ""} aria-busy={title === undefined}>
        <bdi>{title ?? t("loading")}</bdi>
      </h1>
      {showAccount ? (
        <p className="account-line" data-testid="record-account" data-account-key={account.key}>
          <span className="muted">{t("accountLabel")}</span> <bdi>{account.name ?? t("accountNotSynced")}</bdi>
        </p>
      ) : null}
      {!account && record && !isAccountObject(record.objectType) ? <p className="account-line muted">{t("accountUnknown")}</p> : null}
      {children}
      {record && Object.keys(record.fields).length > 0 ? <PageFields fields={record.fields} /> : null}
    </header>
  )
}

/** What the content script read from the page: all Parley has in DOM-only orgs. Collapsed. */
function PageFields({ fields }: { fields: PageRecord["fields"] }) {
  const { t, language } = useI18n()
  const entries = Object.entries(fields)
  return (
    <details className="drill page-fields" data-testid="page-fields">
      <summary>
        {t("fieldsHeading")} ({formatNumber(entries.length, language)})
      </summary>
      <dl className="fields">
        {entries.map(([apiName, field]) => (
          <div key={apiName} className="field">
            <dt title={apiName}>{field.label}</dt>
            <dd dir="auto">{field.value}</dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
