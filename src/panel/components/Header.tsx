/**
 * The header: the record in view (and, for an opportunity, quote, case, contact or contract, the
 * account behind it), the CRM and org, and the connection card. Rendered from the first live
 * query alone so it paints before any tab's data or code is loaded.
 */
import type { ReactNode } from "react"
import type { Focus } from "../../background/state"
import type { PageRecord } from "../../model/schema"
import type { AccountView } from "../data"
import { isAccountObject } from "../account"
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
          {t(focus.crm === "salesforce" ? "crmSalesforce" : "crmDynamics")} · {t("org")} {focus.org}
          {record ? ` · ${typeKey ? t(typeKey) : record.objectType}` : ""}
        </p>
        {/* Slot for the export menu (data-testid="export-menu"), added by the export issue. */}
        <div className="header-actions">{actions}</div>
      </div>
      <h1 data-testid="record-title" data-record-key={focus.recordKey ?? ""} aria-busy={title === undefined}>
        {title ?? t("loading")}
      </h1>
      {showAccount ? (
        <p className="account-line" data-testid="record-account" data-account-key={account.key}>
          <span className="muted">{t("accountLabel")}</span> {account.name ?? t("accountNotSynced")}
        </p>
      ) : null}
      {!account && record && !isAccountObject(record.objectType) ? <p className="account-line muted">{t("accountUnknown")}</p> : null}
      {children}
    </header>
  )
}
