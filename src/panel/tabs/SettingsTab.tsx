/**
 * Settings: language, amount style, default currency, theme, API budget, retention (with
 * "delete older history now"), "forget this org" (with a confirm step) and, in plain words, what
 * Parley stores. Every change goes to the background; the panel never writes settings itself.
 */
import { useEffect, useId, useState, type ReactNode } from "react"
import type { Crm } from "../../model/schema"
import type { Settings } from "../../model/settings"
import { sendToBackground } from "../../messaging/send"
import { ask, type PanelSend } from "../messaging"
import { formatAmount } from "../../pricing/format"
import { useI18n } from "../components/I18n"
import { formatNumber } from "../../i18n/format"
import { currencyChoices } from "../currencies"
import { OnPremHosts } from "./OnPremHosts"

export const RETENTION_CHOICES = [90, 180, 365, 730, 1095, 1825, 3650] as const

interface SettingsTabProps {
  settings: Settings
  update: (change: Partial<Settings>) => void
  error: string | null
  /** The org of the focused tab (what "forget this org" deletes); null without a CRM tab. */
  org: { crm: Crm; org: string } | null
  send?: PanelSend
}

type Op = { kind: "idle" } | { kind: "busy" } | { kind: "ok"; text: string } | { kind: "failed"; text: string }

export function SettingsTab({ settings, update, error, org, send = sendToBackground }: SettingsTabProps) {
  const { t, language, locale } = useI18n()
  const id = useId()
  const [prune, setPrune] = useState<Op>({ kind: "idle" })
  const [forget, setForget] = useState<Op | { kind: "confirm" }>({ kind: "idle" })
  const [budget, setBudget] = useState(String(settings.dailyCallBudget))
  useEffect(() => setBudget(String(settings.dailyCallBudget)), [settings.dailyCallBudget])

  const run = async <M extends Parameters<PanelSend>[0]>(message: M) => {
    try {
      return await ask(send, message)
    } catch (e) {
      return { ok: false as const, error: e instanceof Error ? e.message : String(e) }
    }
  }

  const onPrune = async () => {
    setPrune({ kind: "busy" })
    const reply = await run({ type: "prune", retentionDays: settings.retentionDays })
    const removed = reply.ok ? reply.data?.removed : undefined
    setPrune(
      reply.ok
        ? { kind: "ok", text: typeof removed === "number" ? t("pruneDone", { n: formatNumber(removed, language) }) : t("pruneDoneNoCount") }
        : { kind: "failed", text: t("actionFailed", { reason: reply.error }) }
    )
  }

  const onForget = async () => {
    if (!org) return
    setForget({ kind: "busy" })
    const reply = await run({ type: "forget-org", crm: org.crm, org: org.org })
    setForget(reply.ok ? { kind: "ok", text: t("forgetDone", { org: org.org }) } : { kind: "failed", text: t("actionFailed", { reason: reply.error }) })
  }

  const commitBudget = () => {
    const n = Number(budget)
    if (Number.isInteger(n) && n >= 10 && n <= 5000 && n !== settings.dailyCallBudget) update({ dailyCallBudget: n })
    else setBudget(String(settings.dailyCallBudget))
  }

  const example = 48_500_000
  return (
    <div className="settings" data-testid="settings">
      {error ? (
        <p className="error-text" role="alert">
          {t("settingsFailed", { reason: error })}
        </p>
      ) : null}
      <section className="card">
        <h2>{t("settingsDisplay")}</h2>
        <div className="form-grid">
          <Field id={`${id}-lang`} label={t("settingLanguage")}>
            <select id={`${id}-lang`} data-testid="language-select" value={settings.language} onChange={(e) => update({ language: e.target.value as Settings["language"] })}>
              <option value="en" lang="en">
                English
              </option>
              <option value="fa" lang="fa">
                فارسی
              </option>
            </select>
          </Field>
          <Field id={`${id}-theme`} label={t("settingTheme")}>
            <select id={`${id}-theme`} value={settings.theme} onChange={(e) => update({ theme: e.target.value as Settings["theme"] })}>
              <option value="system">{t("themeSystem")}</option>
              <option value="light">{t("themeLight")}</option>
              <option value="dark">{t("themeDark")}</option>
            </select>
          </Field>
          <Field id={`${id}-style`} label={t("settingAmountStyle")}>
            <select id={`${id}-style`} value={settings.amountStyle} onChange={(e) => update({ amountStyle: e.target.value as Settings["amountStyle"] })}>
              <option value="compact">
                {t("styleCompact")} — {formatAmount(example, { currency: settings.defaultCurrency, locale, style: "compact" })}
              </option>
              <option value="full">
                {t("styleFull")} — {formatAmount(example, { currency: settings.defaultCurrency, locale, style: "full" })}
              </option>
            </select>
          </Field>
          <Field id={`${id}-currency`} label={t("settingCurrency")}>
            <select id={`${id}-currency`} value={settings.defaultCurrency} onChange={(e) => update({ defaultCurrency: e.target.value })}>
              {currencyChoices(settings.defaultCurrency).map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </section>

      <section className="card">
        <h2>{t("settingsData")}</h2>
        <div className="form-grid">
          <Field id={`${id}-budget`} label={t("settingBudget")} hint={t("settingBudgetHint")}>
            <input
              id={`${id}-budget`}
              type="number"
              min={10}
              max={5000}
              step={10}
              value={budget}
              onChange={(e) => setBudget(e.target.value)}
              onBlur={commitBudget}
              onKeyDown={(e) => {
                if (e.key === "Enter") commitBudget()
              }}
            />
          </Field>
          <Field id={`${id}-retention`} label={t("settingRetention")}>
            <select id={`${id}-retention`} value={settings.retentionDays} onChange={(e) => update({ retentionDays: Number(e.target.value) })}>
              {(RETENTION_CHOICES.includes(settings.retentionDays as (typeof RETENTION_CHOICES)[number]) ? RETENTION_CHOICES : [settings.retentionDays, ...RETENTION_CHOICES]).map((d) => (
                <option key={d} value={d}>
                  {t("days", { n: formatNumber(d, language) })}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <button type="button" className="button" onClick={onPrune} disabled={prune.kind === "busy"} data-testid="prune-now">
          {t("pruneNow")}
        </button>
        <OpResult op={prune} />

        <div className="danger-zone">
          <h3>{t("forgetTitle")}</h3>
          {org ? (
            <>
              <p className="small muted">{t("forgetHint", { org: org.org })}</p>
              {forget.kind === "confirm" ? (
                <div className="confirm" role="group" aria-label={t("forgetConfirmLabel")}>
                  <p>{t("forgetConfirm", { org: org.org })}</p>
                  <button type="button" className="button button-danger" onClick={onForget} data-testid="forget-org-confirm">
                    {t("forgetYes", { org: org.org })}
                  </button>{" "}
                  <button type="button" className="button" onClick={() => setForget({ kind: "idle" })}>
                    {t("cancel")}
                  </button>
                </div>
              ) : (
                <button type="button" className="button button-danger" onClick={() => setForget({ kind: "confirm" })} disabled={forget.kind === "busy"} data-testid="forget-org">
                  {t("forgetButton")}
                </button>
              )}
              {forget.kind !== "confirm" ? <OpResult op={forget} /> : null}
            </>
          ) : (
            <p className="small muted">{t("forgetNoOrg")}</p>
          )}
        </div>
      </section>

      <OnPremHosts />
      <section className="card" aria-labelledby={`${id}-stores`}>
        <h2 id={`${id}-stores`}>{t("storesTitle")}</h2>
        <ul className="stores">
          <li>{t("storesLocal")}</li>
          <li>{t("storesNoServer")}</li>
          <li>{t("storesNoSession")}</li>
          <li>{t("storesTables")}</li>
          <li>{t("storesRetention")}</li>
          <li>{t("storesExports")}</li>
        </ul>
      </section>
    </div>
  )
}

function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <span className="small muted">{hint}</span> : null}
    </div>
  )
}

function OpResult({ op }: { op: Op }) {
  if (op.kind === "ok") return <p className="small muted" role="status">{op.text}</p>
  if (op.kind === "failed") return <p className="small error-text" role="alert">{op.text}</p>
  return null
}
