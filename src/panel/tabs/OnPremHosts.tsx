/**
 * On-premises (and other) Dynamics 365 hosts: Parley may read them only after the rep grants the
 * host at run time (optional host permission, asked from this click). The background then runs
 * its content scripts there; pages are recognised by Dynamics' own markers, not by URL.
 */
import { useEffect, useId, useState } from "react"
import { builtInHostPatterns, grantedHostPatterns, removeHostPermissions, requestHostPermissions } from "../../platform/browser"
import { useI18n } from "../components/I18n"

/** `https://crm.contoso.local/Sales/…` or `crm.contoso.local` → the origin pattern to request. */
export function originPattern(input: string): string | null {
  const text = input.trim()
  if (!text) return null
  let url: URL
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`)
  } catch {
    return null
  }
  if (url.protocol !== "https:" || !/^[a-z0-9.-]+$/i.test(url.hostname) || !url.hostname.includes(".")) return null
  return `https://${url.hostname.toLowerCase()}/*`
}

export function OnPremHosts() {
  const { t } = useI18n()
  const id = useId()
  const [granted, setGranted] = useState<string[]>([])
  const [draft, setDraft] = useState("")
  const [message, setMessage] = useState<string | null>(null)

  const refresh = async () => {
    const builtIn = builtInHostPatterns()
    setGranted((await grantedHostPatterns()).filter((o) => !builtIn.includes(o)))
  }
  useEffect(() => void refresh(), [])

  const grant = async () => {
    const pattern = originPattern(draft)
    if (!pattern) return setMessage(t("onPremInvalid"))
    // Must run inside the click (no await before it): the browser asks the rep, for this one host.
    const ok = (await requestHostPermissions([pattern])) === true
    setMessage(ok ? t("onPremGranted") : t("onPremRefused"))
    if (ok) setDraft("")
    await refresh()
  }

  const revoke = async (origin: string) => {
    await removeHostPermissions([origin])
    await refresh()
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="on-prem-hosts">
      <h2 id={`${id}-title`}>{t("onPremTitle")}</h2>
      <p className="muted">{t("onPremHint")}</p>
      <label htmlFor={`${id}-host`}>{t("onPremHost")}</label>
      <div className="row">
        <input id={`${id}-host`} type="url" inputMode="url" placeholder="https://crm.contoso.local" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="button" onClick={() => void grant()}>
          {t("onPremGrant")}
        </button>
      </div>
      {message ? <p role="status">{message}</p> : null}
      {granted.length ? (
        <ul>
          {granted.map((origin) => (
            <li key={origin}>
              <code>{origin}</code>{" "}
              <button type="button" onClick={() => void revoke(origin)}>
                {t("onPremRemove")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
