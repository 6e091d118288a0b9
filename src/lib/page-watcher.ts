/**
 * The content scripts' whole job, CRM-neutral: find the record in view, read it, tell the
 * background, and notice when the rep moves on. CRM single-page apps change the URL with
 * `history.pushState`, which the Navigation API reports (`currententrychange`); no
 * whole-document MutationObserver runs, and nothing runs per DOM change.
 */
import type { PageConnector } from "../crm/contract"
import type { ContentMessage, PageObservation } from "../messaging/messages"

export interface ParsedRecordUrl {
  host: string
  org: string
  objectType: string
  id: string
}

export interface DomRecordRead {
  objectType?: string
  id?: string
  name?: string
  fields: Record<string, { label: string; value: string; relatedId?: string }>
}

/**
 * What the watcher reads pages with: a CRM's page connector (src/crm/contract.ts), or one with
 * its `readRecord` replaced (Dynamics merges the Xrm bridge's form values over the DOM).
 */
export type PageReader = Pick<PageConnector, "crm" | "parseUrl" | "orgOf" | "recognises" | "readRecord" | "readTitle">

/** CRM pages render after the URL changes; read again on this schedule until the page settles. */
export const READ_SCHEDULE_MS = [0, 300, 1_000, 2_500, 6_000] as const

/** Builds the observation for the current URL and DOM; pure apart from its inputs. */
export function observe(reader: PageReader, url: string, root: ParentNode): PageObservation | null {
  const { hostname: host, pathname } = new URL(url)
  // A content script runs on a non-cloud host only because the rep granted it; the page's own
  // markers must still say it is this CRM (on its cloud hosts a connector ignores this).
  const granted = !!reader.recognises?.(root)
  const org = reader.orgOf(host, { orgPath: pathname.split("/")[1], granted })
  if (!org) return null
  const parsed = reader.parseUrl(url)
  if (!parsed) return { crm: reader.crm, host, org, url, record: null }
  const dom = reader.readRecord(root)
  // The DOM may still show the previous record while the new one renders: trust its name only
  // when the DOM says which record it is and it is this one, or when it says nothing.
  const domIsThisRecord = !dom.id || dom.id.toLowerCase() === parsed.id.toLowerCase()
  return {
    crm: reader.crm,
    host: parsed.host,
    org: parsed.org,
    url,
    record: {
      // Some URLs (`/lightning/r/<id>/view` with an unknown key prefix) do not name the object.
      objectType: parsed.objectType || (domIsThisRecord && dom.objectType) || "Record",
      id: parsed.id,
      ...(domIsThisRecord && dom.name ? { name: dom.name.slice(0, 256) } : {}),
      fields: domIsThisRecord ? dom.fields : {}
    }
  }
}

export interface WatchOptions {
  send(message: ContentMessage): Promise<unknown>
  isFocused(): boolean
  schedule?: readonly number[]
}

export interface PageWatcher {
  /** Read and report again now (a MAIN-world bridge saw the form change). */
  refresh(): void
  stop(): void
}

export function watchRecordPage(reader: PageReader, options: WatchOptions): PageWatcher {
  const schedule = options.schedule ?? READ_SCHEDULE_MS
  let lastSent = ""
  let timer: ReturnType<typeof setTimeout> | undefined
  let navigatedAt = 0
  let lastUrl = ""
  let titleAtLastRead: string | undefined

  const report = (force: boolean): PageObservation | null => {
    const page = observe(reader, location.href, document)
    if (!page) return null
    const focused = options.isFocused()
    const fingerprint = JSON.stringify(page)
    if (force || fingerprint !== lastSent) {
      lastSent = fingerprint
      void options.send({ type: "observe", page, focused })
    }
    return page
  }

  // Each scheduled tick costs a title read; the full read runs only when the title changed (right
  // after a navigation the DOM usually still shows the previous record, which a read would only
  // discard), and always at the last tick, when lazily rendered fields (Lightning's Details tab)
  // are in. Once a read finds the record named, the page has settled: the title checks left
  // before the last tick are dropped. Each tick is a wake-up of the page's main thread (and in
  // Firefox every DOM call of a content script crosses a wrapper), so one timer runs at a time.
  const tick = (i: number) => {
    const last = schedule.length - 1
    const title = reader.readTitle?.(document)
    if (i < last && reader.readTitle && title === titleAtLastRead) return scheduleTick(i + 1)
    titleAtLastRead = title
    const page = report(false)
    if (i < last) scheduleTick(reader.readTitle && page?.record?.name ? last : i + 1)
  }
  const scheduleTick = (i: number) => {
    timer = setTimeout(() => tick(i), schedule[i]! - (performance.now() - navigatedAt))
  }

  const onUrlMaybeChanged = () => {
    if (location.href === lastUrl) return
    lastUrl = location.href
    clearTimeout(timer)
    navigatedAt = performance.now()
    scheduleTick(0)
  }

  const onFocus = () => {
    if (document.visibilityState === "visible") report(true)
  }

  const navigation = (globalThis as { navigation?: EventTarget }).navigation
  navigation?.addEventListener("currententrychange", onUrlMaybeChanged)
  // Without the Navigation API (older Edge/Chrome), a cheap URL comparison once a second.
  const poll = navigation ? undefined : setInterval(onUrlMaybeChanged, 1_000)
  addEventListener("popstate", onUrlMaybeChanged)
  addEventListener("focus", onFocus)
  document.addEventListener("visibilitychange", onFocus)
  onUrlMaybeChanged()

  const stop = () => {
    clearTimeout(timer)
    if (poll) clearInterval(poll)
    navigation?.removeEventListener("currententrychange", onUrlMaybeChanged)
    removeEventListener("popstate", onUrlMaybeChanged)
    removeEventListener("focus", onFocus)
    document.removeEventListener("visibilitychange", onFocus)
  }
  return { refresh: () => report(false), stop }
}
