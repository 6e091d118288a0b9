/**
 * Pricing: an amount playground over suggestPricing (FRAMEWORK.md §3). Prefilled from the open
 * quote or opportunity; every change re-runs the (pure, cheap) engine after a short debounce so
 * typing stays smooth. The engine returns `{error}` instead of throwing; that is shown as is.
 * The engine (rules, their zod schema, citations) is a chunk fetched when this tab first opens:
 * only the formatter and the amount parser are on the first-paint path.
 */
import Dexie from "dexie"
import { useLiveQuery } from "dexie-react-hooks"
import { useEffect, useId, useMemo, useState } from "react"
import type { RelationshipProfile } from "../../analysis/profile"
import { db } from "../../model/db"
import type { PageRecord } from "../../model/schema"
import type { PricingError, PricingInput, PricingResult } from "../../pricing"
import { formatAmount } from "../../pricing/format"
import { parseTypedAmount } from "../../pricing/parse"
import { msg, text } from "../../i18n/message"
import { useI18n } from "../components/I18n"
import { Message } from "../components/Message"
import { currencyChoices } from "../currencies"
import { Skeleton } from "../components/Skeleton"
import { prefillPricing, type Prefill } from "./pricing-prefill"

export const PRICING_DEBOUNCE_MS = 250

interface PricingTabProps {
  accountKey: string | null
  record: PageRecord | undefined
  profile: RelationshipProfile | null
  defaultCurrency: string
  amountStyle: "compact" | "full"
}

export function PricingTab({ accountKey, record, profile, defaultCurrency, amountStyle }: PricingTabProps) {
  const prefill = useLiveQuery(async (): Promise<Prefill> => {
    const [deal, quote] = record ? await Promise.all([db().deals.get(record.key), db().quotes.get(record.key)]) : [undefined, undefined]
    const latest = accountKey
      ? await db().quotes.where("[accountKey+createdAt]").between([accountKey, Dexie.minKey], [accountKey, Dexie.maxKey]).last()
      : undefined
    return prefillPricing({
      fields: record?.fields,
      canonical: quote ? { amount: quote.total, currency: quote.currency } : deal ? { amount: deal.amount, currency: deal.currency } : undefined,
      latestQuote: latest ? { total: latest.total, currency: latest.currency } : undefined,
      defaultCurrency
    })
  }, [accountKey, record?.key, record?.seenAt, defaultCurrency])
  if (!prefill) return <Skeleton lines={4} />
  // Keyed by record: a new record starts from its own figures, edits to the last one are dropped.
  return <PricingPlayground key={`${record?.key ?? accountKey ?? ""}`} prefill={prefill} profile={profile} amountStyle={amountStyle} />
}

type Mode = "opening" | "closing"
type Expertise = "" | "amateur" | "expert"
type Offer = "one-off" | "subscription"
type Period = "month" | "year"

interface FormState {
  amountText: string
  currency: string
  mode: Mode
  expertise: Expertise
  offer: Offer
  period: Period
}

/** The engine's input from the form; null while the amount is not a number yet. */
export function pricingInput(form: FormState, locale: string, profile: RelationshipProfile | null): PricingInput | null {
  const amount = parseTypedAmount(form.amountText, locale)
  if (amount === null) return null
  const previous = profile?.concessions.deals
    .filter((d) => d.currency === null || d.currency === form.currency)
    .flatMap((d) => {
      const last = d.revisions[d.revisions.length - 1]
      return last && last.net !== null && last.net > 0 ? [last.net] : []
    })
    .slice(-10)
  return {
    amount,
    currency: form.currency,
    locale,
    mode: form.mode,
    ...(form.expertise ? { expertise: form.expertise } : {}),
    offer: form.offer,
    ...(form.offer === "subscription" ? { period: form.period } : {}),
    ...(previous && previous.length ? { anchors: { previousPrices: previous } } : {}),
    ...(profile ? { profile } : {})
  }
}

type Engine = { state: "loading" } | { state: "ready"; suggest: (input: PricingInput) => PricingResult | PricingError } | { state: "failed"; error: string }

function usePricingEngine(): Engine {
  const [engine, setEngine] = useState<Engine>({ state: "loading" })
  useEffect(() => {
    let live = true
    import("../../pricing").then(
      (m) => live && setEngine({ state: "ready", suggest: m.suggestPricing }),
      (e: unknown) => live && setEngine({ state: "failed", error: e instanceof Error ? e.message : String(e) })
    )
    return () => {
      live = false
    }
  }, [])
  return engine
}

const isPricingError = (r: PricingResult | PricingError): r is PricingError => "error" in r

function PricingPlayground({ prefill, profile, amountStyle }: { prefill: Prefill; profile: RelationshipProfile | null; amountStyle: "compact" | "full" }) {
  const { t, locale } = useI18n()
  const id = useId()
  const [form, setForm] = useState<FormState>(() => ({
    amountText: prefill.amount === null ? "" : String(prefill.amount),
    currency: prefill.currency,
    mode: "opening",
    expertise: "",
    offer: "one-off",
    period: "year"
  }))
  const [result, setResult] = useState<PricingResult | PricingError | null>(null)
  const input = useMemo(() => pricingInput(form, locale, profile), [form, locale, profile])
  const engine = usePricingEngine()

  useEffect(() => {
    if (!input) {
      setResult(null)
      return
    }
    if (engine.state === "failed") {
      const message = msg("p.error.failed", { detail: text(engine.error) })
      setResult({ error: engine.error, message })
      return
    }
    if (engine.state !== "ready") return
    const timer = setTimeout(() => setResult(engine.suggest(input)), PRICING_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [input, engine])

  const set = <K extends keyof FormState>(key: K) => (value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }))
  const currencies = currencyChoices(form.currency)
  const amountInvalid = form.amountText.trim() !== "" && input === null

  return (
    <div className="pricing">
      <form className="card pricing-form" onSubmit={(e) => e.preventDefault()} aria-label={t("pricingForm")}>
        <div className="form-row">
          <label htmlFor={`${id}-amount`}>{t(form.currency === "IRR" ? "amountInRials" : "amountLabel", { currency: form.currency })}</label>
          <input
            id={`${id}-amount`}
            data-testid="pricing-input"
            inputMode="decimal"
            autoComplete="off"
            value={form.amountText}
            aria-invalid={amountInvalid}
            aria-describedby={`${id}-amount-hint`}
            onChange={(e) => set("amountText")(e.target.value)}
          />
          <span id={`${id}-amount-hint`} className={`small ${amountInvalid ? "error-text" : "muted"}`}>
            {amountInvalid ? t("amountInvalid") : prefill.source !== "none" ? t(PREFILL_TEXT[prefill.source], { field: prefill.field ?? "" }) : t("amountHint")}
          </span>
        </div>
        <div className="form-grid">
          <Select id={`${id}-currency`} label={t("currency")} value={form.currency} onChange={set("currency")} options={currencies.map((c) => [c, c])} />
          <Select
            id={`${id}-mode`}
            label={t("mode")}
            value={form.mode}
            onChange={set("mode")}
            options={[
              ["opening", t("modeOpening")],
              ["closing", t("modeClosing")]
            ]}
          />
          <Select
            id={`${id}-expertise`}
            label={t("expertise")}
            value={form.expertise}
            onChange={set("expertise")}
            options={[
              ["", t("expertiseAuto")],
              ["amateur", t("expertiseAmateur")],
              ["expert", t("expertiseExpert")]
            ]}
          />
          <Select
            id={`${id}-offer`}
            label={t("offer")}
            value={form.offer}
            onChange={set("offer")}
            options={[
              ["one-off", t("offerOneOff")],
              ["subscription", t("offerSubscription")]
            ]}
          />
          {form.offer === "subscription" ? (
            <Select
              id={`${id}-period`}
              label={t("period")}
              value={form.period}
              onChange={set("period")}
              options={[
                ["month", t("periodMonth")],
                ["year", t("periodYear")]
              ]}
            />
          ) : null}
        </div>
      </form>
      <Suggestion result={result} pending={input !== null && result === null} currency={form.currency} amountStyle={amountStyle} />
    </div>
  )
}

const PREFILL_TEXT = { page: "prefillPage", record: "prefillRecord", "latest-quote": "prefillLatestQuote" } as const

function Select<V extends string>({ id, label, value, onChange, options }: { id: string; label: string; value: V; onChange: (v: V) => void; options: readonly (readonly [V, string])[] }) {
  return (
    <div className="form-row">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}

function Suggestion({ result, pending, currency, amountStyle }: { result: PricingResult | PricingError | null; pending: boolean; currency: string; amountStyle: "compact" | "full" }) {
  const { t, locale, language } = useI18n()
  if (result === null) {
    return (
      <section className="card" data-testid="pricing-suggestion" data-state={pending ? "pending" : "empty"} aria-live="polite">
        <p className="muted">{pending ? t("calculating") : t("enterAmount")}</p>
      </section>
    )
  }
  if (isPricingError(result)) {
    return (
      <section className="card notice-error" data-testid="pricing-suggestion" data-state="error" role="alert">
        <h3>{t("pricingErrorTitle")}</h3>
        <p dir="auto">
          <Message message={result.message} language={language} />
        </p>
        <p className="small muted">{t("pricingErrorHint")}</p>
      </section>
    )
  }
  const full = formatAmount(result.suggestedPrice, { currency, locale, style: "full" })
  return (
    <section className="card" data-testid="pricing-suggestion" data-state="ready" data-price={result.suggestedPrice} aria-live="polite">
      <p className="eyebrow">{t("suggestedPrice")}</p>
      <p className="price" data-testid="pricing-display">
        {result.display}
      </p>
      {amountStyle === "full" && full !== result.display ? <p className="small muted">{t("inFull", { amount: full })}</p> : null}
      <ol className="suggestions">
        {result.suggestions.map((s, i) => (
          <li key={`${s.rule}-${i}`} className={`suggestion ${s.severity === "warning" ? "suggestion-warning" : ""}`} data-rule={s.rule}>
            <p>
              <bdi className="chip">{s.rule}</bdi>{" "}
              <span data-testid="pricing-suggestion-text">
                <Message message={s.message} language={language} />
              </span>
            </p>
            {s.anchors?.length ? (
              <ul className="small plain">
                {s.anchors.map((a) => (
                  <li key={a.kind}>
                    {t(ANCHOR_TEXT[a.kind])}: {a.display}
                  </li>
                ))}
              </ul>
            ) : null}
            {s.packages?.length ? (
              <ul className="small plain">
                {s.packages.map((p) => (
                  <li key={p.id}>
                    <strong>
                      <Message message={p.nameMessage} language={language} />
                    </strong>{" "}
                    — {p.display}
                    <span className="muted">
                      {" "}
                      · <Message message={p.reasonMessage} language={language} />
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="small muted">
              {t("because")} <Message message={s.reasonMessage} language={language} />
            </p>
            <p className="small citation">
              <span className="muted">{t("source")}</span> <cite>
                <bdi>{s.citation}</bdi>
              </cite>
            </p>
          </li>
        ))}
      </ol>
    </section>
  )
}

const ANCHOR_TEXT = {
  "list-price": "anchorList",
  "last-price": "anchorLast",
  "cost-of-problem": "anchorCost",
  "yearly-savings": "anchorSavings"
} as const
