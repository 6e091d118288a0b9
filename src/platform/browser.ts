/**
 * Every extension API Parley calls, in one small module (lint bans `chrome.` elsewhere). Chrome,
 * Edge and Firefox differ in a few places; each difference is handled here, with one line saying
 * why. Content scripts import this module too, so it stays tiny: it uses the browser's own
 * promise-based namespace (`browser` in Firefox, `chrome` in Chromium MV3) instead of bundling
 * webextension-polyfill (whose types describe both namespaces); onRuntimeMessage does the one thing
 * the polyfill did at run time.
 */
import type { Browser, Cookies, Manifest, Runtime, Storage } from "webextension-polyfill"

// Firefox has a native promise-based `browser`; Chromium MV3's `chrome` returns promises too.
// Read at each call, not once at import: tests install a fake namespace after modules load.
const g = globalThis as unknown as { browser?: Browser & ChromeOnly; chrome?: Browser & ChromeOnly }
const ns = (): (Browser & ChromeOnly) | undefined => g.browser ?? g.chrome

/** Chrome-only namespaces (absent in Firefox, which has `sidebarAction` instead). */
interface ChromeOnly {
  sidePanel?: { setPanelBehavior(options: { openPanelOnActionClick: boolean }): Promise<void> }
}

/** True inside an extension context (false in unit tests and plain pages). */
export function inExtension(): boolean {
  return typeof ns()?.runtime?.id === "string"
}

export const extensionId = (): string => ns()!.runtime.id
export const extensionUrl = (path: string): string => ns()!.runtime.getURL(path)
export const manifest = (): Manifest.WebExtensionManifest => ns()!.runtime.getManifest()

/** One message to the background; rejects when no listener answers (a worker being restarted). */
export const sendRuntimeMessage = (message: unknown): Promise<unknown> => ns()!.runtime.sendMessage(message)

/**
 * Listens for runtime messages with a promise-returning handler. Not every Chromium answers a
 * listener's returned promise, so the settled value goes to sendResponse (the listener returns
 * true to keep the channel open): what webextension-polyfill does, and native in both browsers.
 */
export function onRuntimeMessage(listener: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined): void {
  ns()!.runtime.onMessage.addListener(((message: unknown, sender: Runtime.MessageSender, sendResponse: (value: unknown) => void) => {
    const reply = listener(message, sender)
    if (!reply) return undefined
    reply.then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error), code: "failed" }))
    return true
  }) as never)
}

/** A callback-style listener (return true to answer later with `reply`), the same in every browser. */
export function onRuntimeMessageWithReply(listener: (message: unknown, sender: Runtime.MessageSender, reply: (value: unknown) => void) => true | undefined): void {
  ns()!.runtime.onMessage.addListener(listener as never)
}

/** Extension storage (`storage.local`): small settings mirrored for content scripts. */
export async function readLocal(key: string): Promise<unknown> {
  if (!ns()?.storage) return undefined
  return (await ns()!.storage.local.get(key))[key]
}
export async function writeLocal(key: string, value: unknown): Promise<void> {
  if (!ns()?.storage) return
  await ns()!.storage.local.set({ [key]: value })
}
export function onLocalChanged(key: string, listener: (value: unknown) => void): void {
  ns()?.storage?.onChanged.addListener((changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === "local" && key in changes) listener(changes[key]!.newValue)
  })
}

/** `storage.session` (in memory, for this browser session): where state lives that must be
 * written even when IndexedDB refuses (a full disk). Absent outside an extension. */
export const sessionArea = {
  read: async (key: string): Promise<unknown> => (ns()?.storage?.session ? (await ns()!.storage.session.get(key))[key] : undefined),
  write: async (key: string, value: unknown): Promise<void> => void (await ns()?.storage?.session?.set({ [key]: value })),
  remove: async (key: string): Promise<void> => void (await ns()?.storage?.session?.remove(key)),
  available: (): boolean => ns()?.storage?.session !== undefined,
  /** Calls `listener` with each new value of `key`; returns the unsubscribe. */
  onChanged(key: string, listener: (value: unknown) => void): () => void {
    const storage = ns()?.storage
    if (!storage) return () => undefined
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area === "session" && key in changes) listener(changes[key]!.newValue)
    }
    storage.onChanged.addListener(onChanged)
    return () => storage.onChanged.removeListener(onChanged)
  }
}

/** Cookies of a host. Private windows (and Firefox containers) have their own cookie stores, so
 * callers name the tab's store (`storeId`, from getAllCookieStores' tab lists). */
export const cookies = {
  get: async (details: Cookies.GetDetailsType): Promise<Cookies.Cookie | null> => (await ns()!.cookies.get(details)) ?? null,
  getAll: (details: Cookies.GetAllDetailsType): Promise<Cookies.Cookie[]> => ns()!.cookies.getAll(details),
  getAllCookieStores: (): Promise<Cookies.CookieStore[]> => ns()!.cookies.getAllCookieStores()
}

export interface TabInfo {
  id: number
  url: string
  active: boolean
  discarded?: boolean
  lastAccessed?: number
}

/** Tabs on matching URLs. Host permissions alone reveal those URLs: no `tabs` permission needed. */
export async function tabsMatching(url: string[]): Promise<TabInfo[]> {
  const tabs = await ns()!.tabs.query({ url })
  return tabs.flatMap((t) =>
    t.id === undefined || !t.url
      ? []
      : [{
          id: t.id, url: t.url, active: t.active, discarded: t.discarded,
          ...(t.lastAccessed ? { lastAccessed: t.lastAccessed } : {})
        }]
  )
}

/** To the tab's top frame only: that is where Parley's content script runs. */
export const sendToTab = (tabId: number, message: unknown): Promise<unknown> => ns()!.tabs.sendMessage(tabId, message, { frameId: 0 })

export async function reloadTab(tabId: number): Promise<boolean> {
  const tabs = ns()?.tabs
  if (!tabs?.reload) return false
  return tabs.reload(tabId).then(() => true, () => false)
}

/** Host permissions. Firefox grants optional permissions only from a user gesture: call this
 * first thing in a click handler, before any await. */
export async function requestHostPermissions(origins: string[]): Promise<boolean | "unavailable"> {
  const permissions = ns()?.permissions
  if (!permissions?.request) return "unavailable"
  return permissions.request({ origins }).catch(() => false)
}
export async function removeHostPermissions(origins: string[]): Promise<boolean> {
  if (!ns()?.permissions?.remove) return false
  return ns()!.permissions.remove({ origins }).catch(() => false)
}
/** Granted host patterns; none outside an extension (component tests render the panel bare). */
export async function grantedHostPatterns(): Promise<string[]> {
  if (!ns()?.permissions) return []
  return (await ns()!.permissions.getAll()).origins ?? []
}
/** The manifest's own host permissions (empty outside an extension). */
export function builtInHostPatterns(): string[] {
  return ns()?.runtime?.getManifest?.().host_permissions ?? []
}
export function onPermissionsChanged(listener: () => void): void {
  ns()!.permissions.onAdded.addListener(listener)
  ns()!.permissions.onRemoved.addListener(listener)
}

export interface ScriptRegistration {
  id: string
  matches: string[]
  js: string[]
  runAt: "document_start" | "document_end" | "document_idle"
  world?: "MAIN" | "ISOLATED"
  persistAcrossSessions?: boolean
}

/** Content scripts registered at run time (Firefox ≥ 128 takes `world: "MAIN"` too). */
export const scripting = {
  registered: async (): Promise<Array<{ id: string; matches?: string[]; js?: string[]; world?: string }>> =>
    (await ns()!.scripting.getRegisteredContentScripts()) as Array<{ id: string; matches?: string[]; js?: string[]; world?: string }>,
  register: (scripts: ScriptRegistration[]): Promise<void> => ns()!.scripting.registerContentScripts(scripts as never),
  unregister: (ids: string[]): Promise<void> => ns()!.scripting.unregisterContentScripts({ ids })
}

/** The toolbar button opens the panel. Chrome's side panel is told so once; Firefox's sidebar is
 * toggled from the click itself (sidebarAction.toggle needs the user's gesture). */
export function openPanelOnActionClick(): void {
  const api = ns()
  if (api?.sidePanel) {
    api.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined)
    return
  }
  if (api?.sidebarAction && api.action) api.action.onClicked.addListener(() => void api.sidebarAction.toggle())
}

/** On first install in Firefox, the panel opens once in a tab: its sidebar is not where reps
 * look (View → Sidebar or the toolbar button), and the tab says where Parley lives from then on.
 * Chrome's side panel is one click on the toolbar button away: nothing opens there. */
export function introducePanelOnInstall(path: string): void {
  const api = ns()
  if (!api || api.sidePanel || !api.sidebarAction) return
  api.runtime.onInstalled.addListener((details) => {
    if (details.reason === "install") void api.tabs.create({ url: api.runtime.getURL(path) })
  })
}
