/**
 * The side panel. The header renders from the first live query alone; tabs render their own data.
 * chart.js (History) and the windowed team table are separate chunks loaded on first use, so
 * neither is on the first-paint path (budget panel-first-paint ≤ 1.5× a blank extension page).
 * Those chunks import no Dexie, zod or React context of their own: the bundler copies shared
 * modules into lazy chunks, so data is read here and passed to them.
 */
import { useEffect, useMemo, useState, type ReactNode } from "react"
import type { RelationshipProfile } from "../analysis/profile"
import { parseRecordKey } from "../model/keys"
import { TEAM_STALE_DAYS, type Settings } from "../model/settings"
import { sendToBackground } from "../messaging/send"
import type { PanelSend } from "./messaging"
import { CrmLocationProvider } from "./components/EvidenceList"
import { Header } from "./components/Header"
import { ExportMenu } from "./export"
import { I18nProvider, makeI18n, useI18n } from "./components/I18n"
import { Notice, Skeleton } from "./components/Skeleton"
import { SyncStatusCard } from "./components/SyncStatusCard"
import { Tabs, type TabSpec } from "./components/Tabs"
import { useCrmLocation, useFocusView, useProfile, useSelectedAccount, useSettings, type FocusView, type ProfileState } from "./data"
import type { MessageKey } from "./i18n"
import { useEditableSettings } from "./settings-state"
import { NegotiationTab } from "./tabs/NegotiationTab"
import { PricingTab } from "./tabs/PricingTab"
import { RelationshipTab } from "./tabs/RelationshipTab"
import { HistoryTab } from "./tabs/HistoryTab"
import { SettingsTab } from "./tabs/SettingsTab"
import { TeamTab } from "./tabs/TeamTab"


export type TabId = "relationship" | "negotiation" | "pricing" | "history" | "team" | "settings"

const TAB_LABELS: Record<TabId, MessageKey> = {
  relationship: "tabRelationship",
  negotiation: "tabNegotiation",
  pricing: "tabPricing",
  history: "tabHistory",
  team: "tabTeam",
  settings: "tabSettings"
}
const ACCOUNT_TABS: readonly TabId[] = ["relationship", "negotiation", "pricing", "history", "team", "settings"]
/** Without an account in view only the views that need none are offered. */
const GLOBAL_TABS: readonly TabId[] = ["team", "settings"]

/** `theme`, `lang` and `dir` on <html>: the CSS variables and the scrollbar side follow them. */
function useDocumentAttributes(theme: Settings["theme"], language: string, dir: string) {
  useEffect(() => {
    const root = document.documentElement
    if (theme === "system") delete root.dataset.theme
    else root.dataset.theme = theme
    root.lang = language
    root.dir = dir
  }, [theme, language, dir])
}

export function App({ send = sendToBackground }: { send?: PanelSend }) {
  const live = useSettings()
  const { settings, update, error } = useEditableSettings(live, send)
  const i18n = useMemo(() => makeI18n(settings.language), [settings.language])
  useDocumentAttributes(settings.theme, i18n.language, i18n.dir)

  const view = useFocusView()
  const focus = view.kind === "record" || view.kind === "not-a-record" ? view.focus : undefined
  const focusRecordKey = focus?.recordKey ?? null
  const [selected, setSelected] = useState<string | null>(null)
  const [tab, setTab] = useState<TabId>("relationship")
  // The panel follows the CRM: a new record in view ends a team-view selection.
  useEffect(() => setSelected(null), [focusRecordKey])

  const focusAccountKey = view.kind === "record" ? (view.account?.key ?? null) : null
  const viewingSelected = selected !== null && selected !== focusAccountKey
  const accountKey = viewingSelected ? selected : focusAccountKey
  const profile = useProfile(accountKey)
  const location = useCrmLocation(accountKey, focus)
  const selectedView = useSelectedAccount(viewingSelected ? selected : null)

  const hasAccountView = accountKey !== null || view.kind === "record"
  const tabIds = hasAccountView ? ACCOUNT_TABS : GLOBAL_TABS
  const activeTab = tabIds.includes(tab) ? tab : tabIds[0]!
  const tabs: TabSpec<TabId>[] = tabIds.map((id) => ({ id, label: i18n.t(TAB_LABELS[id]) }))
  const record = view.kind === "record" && !viewingSelected ? view.record : undefined

  const renderTab = (id: TabId) => {
    switch (id) {
      case "relationship":
        return <WithProfile state={profile} render={(p) => <RelationshipTab profile={p} />} />
      case "negotiation":
        return <WithProfile state={profile} render={(p) => <NegotiationTab profile={p} />} />
      case "pricing":
        return (
          <WithProfile
            state={profile}
            render={(p) => <PricingTab accountKey={accountKey} record={record} profile={p} defaultCurrency={settings.defaultCurrency} amountStyle={settings.amountStyle} />}
          />
        )
      case "history":
        return (
          <WithProfile
            state={profile}
            render={(p) => (
              <HistoryTab accountKey={accountKey} profile={p} openKeys={record ? [record.key] : []} defaultCurrency={settings.defaultCurrency} amountStyle={settings.amountStyle} />
            )}
          />
        )
      case "team":
        return (
          <TeamTab
            selectedKey={accountKey}
            onSelect={(key) => {
              setSelected(key)
              setTab("relationship")
            }}
            send={send}
            staleDays={settings.teamStaleDays}
            onStaleDays={(days) => {
              const choice = TEAM_STALE_DAYS.find((d) => d === days)
              if (choice !== undefined) void update({ teamStaleDays: choice })
            }}
          />
        )
      case "settings":
        return <SettingsTab settings={settings} update={(c) => void update(c)} error={error} org={focus ? { crm: focus.crm, org: focus.org } : null} send={send} />
    }
  }

  const selectedKey = parseRecordKey(selected ?? "")
  return (
    <I18nProvider value={i18n}>
      <CrmLocationProvider value={location}>
        <main className="panel" dir={i18n.dir} lang={i18n.language}>
          <PanelHeader view={view} hideSync={viewingSelected} onOpenSettings={() => setTab("settings")} send={send} actions={<ExportMenu accountKey={accountKey} send={send} />} />
          {viewingSelected && selectedKey ? (
            <section className="selected-banner" aria-live="polite" data-testid="selected-account">
              <p>
                {selectedView ? i18n.t("viewingAccount", { name: selectedView.account.name ?? selected }) : i18n.t("loading")}{" "}
                <button type="button" className="link-button" onClick={() => setSelected(null)}>
                  {i18n.t(view.kind === "record" ? "backToRecord" : "closeSelection")}
                </button>
              </p>
              <SyncStatusCard
                status={selectedView?.sync}
                crm={selectedKey.crm}
                host={location?.host ?? ""}
                syncKey={selected}
                onOpenSettings={() => setTab("settings")}
                send={send}
              />
            </section>
          ) : null}
          {view.kind === "loading" ? null : (
            <Tabs tabs={tabs} active={activeTab} onChange={setTab} label={i18n.t("tabsLabel")} dir={i18n.dir} idPrefix="parley" render={renderTab} />
          )}
        </main>
      </CrmLocationProvider>
    </I18nProvider>
  )
}

function PanelHeader({ view, hideSync, onOpenSettings, send, actions }: { view: FocusView; hideSync: boolean; onOpenSettings: () => void; send: PanelSend; actions: ReactNode }) {
  const { t } = useI18n()
  switch (view.kind) {
    case "loading":
      return (
        <header className="record-header" aria-busy="true">
          <p className="eyebrow">{t("appName")}</p>
          <Skeleton lines={2} />
        </header>
      )
    case "no-crm-tab":
      return (
        <section className="empty" data-testid="empty-state">
          <h1 data-testid="record-title">{t("appName")}</h1>
          <p>{t("noCrmTab")}</p>
          {actions}
        </section>
      )
    case "not-a-record":
      return (
        <section className="empty" data-testid="empty-state">
          <h1 data-testid="record-title">{t("notCrmRecord")}</h1>
          <p>{t("notCrmRecordHint")}</p>
          <p className="muted">{view.focus.host}</p>
          {actions}
        </section>
      )
    case "record":
      return (
        <Header focus={view.focus} record={view.record} account={view.account} actions={actions}>
          {hideSync ? null : (
            <SyncStatusCard
              status={view.sync}
              crm={view.focus.crm}
              host={view.focus.host}
              tabId={view.focus.tabId}
              syncKey={view.focus.recordKey ?? ""}
              onOpenSettings={onOpenSettings}
              send={send}
            />
          )}
        </Header>
      )
  }
}

/** A tab that needs the profile: skeleton while loading, an error with a next step if unreadable. */
function WithProfile({ state, render }: { state: ProfileState; render: (profile: RelationshipProfile | null) => ReactNode }) {
  const { t } = useI18n()
  if (state.state === "loading") return <Skeleton lines={5} />
  if (state.state === "invalid") return <Notice tone="error" title={t("profileInvalid")} hint={t("profileInvalidHint")} testId="profile-error" />
  return <>{render(state.state === "ready" ? state.profile : null)}</>
}
