/**
 * The one connector contract (DESIGN.md, "Where the code is heading"; issue 11). Each CRM
 * implements it once under `src/crm/<crm>/`, and `registry.ts` / `page-registry.ts` are the only
 * places that choose a CRM: code outside `src/crm/` asks the registry and never branches on it.
 *
 * Two halves, because they live in different bundles:
 * - `PageConnector` runs in the content script, which loads on every CRM page and has a 15 KiB
 *   budget: its implementations (`<crm>/page.ts`) import URL and DOM readers only, never the
 *   API side, zod or Dexie.
 * - `ApiConnector` runs in the service worker (and, for its pure rules, the panel).
 *
 * Types only in this file: importing it costs a content script nothing.
 */
import type { PriceInputDetector } from "../chip/detect"
import type { DomRecordRead, ParsedRecordUrl } from "../lib/page-watcher"
import type { ParleyDB } from "../model/db"
import type { Crm } from "../model/schema"
import type { Settings } from "../model/settings"
import type { SyncProgressReport, SyncStatus } from "../model/sync-status"
import type { CrmSnapshotFile, ShareFile, SharedFile, TeamBodies, TeamListing, TeamSnapshotRef } from "./share-types"

// ── Page side ────────────────────────────────────────────────────────────────────────────────

export interface PageConnector {
  crm: Crm
  /**
   * The record a URL opens, or null for anything that is not a record page. Whether the host is
   * this CRM's is `orgOf`'s answer (the page watcher asks it first), so an on-premises URL parses.
   */
  parseUrl(url: string): ParsedRecordUrl | null
  /**
   * The org key of a host. `orgPath` is the first path segment, used only where the CRM puts the
   * org in the path (on-premises Dynamics). Null when the host is not one of this CRM's; a host
   * granted at run time is this CRM's only when `granted` says so, so a non-null answer without
   * `granted` means one of the CRM's own cloud hosts. The background checks an observation's org
   * with this same function.
   */
  orgOf(host: string, options?: { orgPath?: string; granted?: boolean }): string | null
  /** Does the page itself show this CRM (its scripts, its form markers)? Decides on granted hosts. */
  recognises?(root: ParentNode): boolean
  /** The record the DOM shows (pure over `root`). */
  readRecord(root: ParentNode): DomRecordRead
  /** A cheap read of the record's title (re-reads are skipped while it is unchanged). */
  readTitle?(root: ParentNode): string | undefined
  /** Is this focused element one of the CRM's price inputs (the pricing chip's trigger)? */
  priceInputs: PriceInputDetector
}

// ── API side ─────────────────────────────────────────────────────────────────────────────────

/** Where an org lives: its row in `orgs` (host as the rep uses it) or the focused tab. */
export interface OrgLocation {
  crm: Crm
  org: string
  host: string
  /** A page URL of the org: gives the scheme and the on-premises org path. */
  url?: string
}

/** A record as the resolver sees it (a page record or anything with its fields). */
export interface RecordLike {
  key: string
  crm: Crm
  org: string
  objectType?: string
  fields?: Record<string, { label?: string; value: string; relatedId?: string }>
}

/** One candidate account named by a record's lookup field. */
export interface AccountCandidate {
  /** The account's id in the form record keys use (Salesforce 18 characters, Dynamics GUID). */
  id: string
  /** The lookup's display value (the account name as the page shows it). */
  nameOnPage?: string
}

export interface SalesforceLikeCookie {
  value: string
  domain: string
}

/** The rep's cookies, read through `chrome.cookies` (never stored). */
export interface CookieReader {
  get(details: { url: string; name: string; storeId?: string }): Promise<SalesforceLikeCookie | null>
  getAll(details: { name: string; domain: string; secure: boolean; storeId?: string }): Promise<SalesforceLikeCookie[]>
  /** `chrome.cookies.getAllCookieStores()`: each store with the tabs that use it. */
  getAllCookieStores?(): Promise<{ id: string; tabIds: number[] }[]>
}

/** An open tab as the browser reports it (host permissions give its URL; no `tabs` permission). */
export interface TabInfo {
  id: number
  url: string
  active?: boolean
  lastAccessed?: number
  discarded?: boolean
}

/** The browser's tabs, for requests a CRM page must make itself (Dataverse from its own origin). */
export interface TabMessenger {
  /** Open tabs whose URL matches one of the patterns. */
  query(urlPatterns: string[]): Promise<TabInfo[]>
  /** A message to Parley's content script in the tab's top frame; resolves with its answer. */
  send(tabId: number, message: unknown): Promise<unknown>
}

/** A response as a connector needs it, whether the worker or the CRM page fetched it. */
export interface HttpResponseLike {
  status: number
  headers: { get(name: string): string | null }
  text(): Promise<string>
}

/** A fetch that goes out from the CRM page's own origin (relayed through its content script). */
export type PageFetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<HttpResponseLike>

/** What the background gives every connector call: browser capabilities, store and clock. */
export interface ApiEnvironment {
  db: ParleyDB
  /** The service worker's own fetch. */
  fetch: typeof fetch
  cookies: CookieReader
  now(): number
  settings: Settings
  /** The CRM tab that asked (its cookie store is read: incognito windows have their own; its
   * page is the first to relay a page-origin request). */
  tabId?: number
  /** The browser's tabs, for calls that must go out from a CRM page (Dynamics). */
  tabs?: TabMessenger
  /** A ready page-origin fetch (tests inject the CRM mock here instead of tabs). */
  pageFetch?: PageFetch
  sleep?(ms: number): Promise<void>
}

/**
 * Hooks a sync calls between pages. A connector reports progress per CRM object (records so far
 * of the total the CRM reported: Salesforce `totalSize`, Dataverse `@odata.count`) and stops with
 * state "paused", cursors kept, when `isPaused()` answers true.
 */
export interface SyncHooks {
  onProgress?(report: SyncProgressReport): void
  isPaused?(): Promise<boolean>
  /** The rep asked for this sync ("Sync now"): also do the costly checks a page view skips
   * (Dynamics' deleted-record reconciliation). */
  force?: boolean
  /** Epoch ms: a run of this account already going that started earlier does not answer this
   * call, which then runs after it (src/crm/stream-runner.ts shareRun). */
  notBefore?: number
}

/** One diagnostics shape for both CRMs: what went wrong, per object, without stopping the sync. */
export interface SyncDiagnostic {
  object?: string
  kind: "http" | "rejected" | "skipped" | "paging" | "error" | "disabled-part"
  message: string
  status?: number
  code?: string
  recordKey?: string
}

export interface SyncResult {
  status: SyncStatus
  /** Requests made (answers that asked to wait included). */
  calls: number
  written: number
  rejected: number
  diagnostics: SyncDiagnostic[]
}

export interface ShareInput {
  accountId: string
  files: readonly ShareFile[]
  /** The description/note text written beside the files. */
  note: string
}

/**
 * The pure half of the API side: rules the panel needs too (which account, which link). Kept
 * apart so the panel's bundle carries no sync code.
 */
export interface CrmRules {
  crm: Crm
  /** The CRM's name as the rep knows it ("Salesforce"): for messages. */
  label: string
  /** The record a URL opens (no DOM, no host check: `PageConnector.orgOf` says whose host it is). */
  parseUrl(url: string): ParsedRecordUrl | null
  /** The CRM object behind a canonical record type (`Deal` → `Opportunity` / `opportunity`). */
  objectFor(recordType: string): string | undefined
  /** Accounts a record's lookup fields name, most trustworthy first (pure). */
  accountOf(record: RecordLike): AccountCandidate[]
  /** The UI address of a record in this CRM, or null when it cannot be built safely (pure). */
  recordUrl(org: OrgLocation, object: string, id: string): string | null
}

export interface ApiConnector extends CrmRules {
  /** The REST/Web API root every call of this org starts from (the one place that builds it). */
  apiRoot(org: OrgLocation): string
  /** Syncs one account's history; never throws for CRM or network trouble (the status says). */
  sync(env: ApiEnvironment, org: OrgLocation, accountId: string, hooks?: SyncHooks): Promise<SyncResult>
  /** Attaches the files to the account; throws a ShareError saying why nothing was written. */
  share(env: ApiEnvironment, org: OrgLocation, input: ShareInput): Promise<SharedFile[]>
  /** Snapshot files attached to the account earlier (content still to be validated). */
  listSnapshots(env: ApiEnvironment, org: OrgLocation, accountId: string): Promise<CrmSnapshotFile[]>
  /**
   * The team roll-up (issue 15): every Parley snapshot JSON file the signed-in user can read in the
   * org, found by the marker Parley writes with it (the title prefix `SNAPSHOT_TITLE_PREFIX` on a
   * JSON file attached to an account), changed at or after `since` (epoch ms of the CRM's change
   * stamp; null: all), every page, oldest change first. Throws a ShareError on CRM trouble.
   */
  listTeamSnapshots(env: ApiEnvironment, org: OrgLocation, options: { since: number | null }): Promise<TeamListing>
  /**
   * The bodies of listed files, as few requests as the CRM allows. Stops early, keeping what it
   * read, only by throwing a ShareError (budget used up, session ended): the caller keeps the
   * files it already has and reads the rest on the next refresh.
   */
  readTeamSnapshots(env: ApiEnvironment, org: OrgLocation, refs: readonly TeamSnapshotRef[], onBody?: (body: TeamBodies["bodies"][number]) => void): Promise<TeamBodies>
}
