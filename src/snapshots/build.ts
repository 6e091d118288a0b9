/**
 * Building, sealing and redacting snapshots. A snapshot is sealed by a SHA-256 over the canonical
 * JSON of the whole document except `hash` itself (envelope and payload: who, when, which record,
 * which Parley, and the content), so an edited time or record id is detected like edited content.
 */
import { negotiationHints } from "../analysis/hints"
import type { RelationshipProfile } from "../analysis/profile"
import type { AccountHistory } from "../model/schema"
import { applyAllowlist, SNAPSHOT_FIELDS } from "./allowlist"
import { contentHash } from "./canonical"
import { chartData, pricingContext } from "./context"
import { MAX_SNAPSHOT_CONTACTS, SNAPSHOT_VERSION, SnapshotPayload, snapshotKey, type SnapshotDocument, type SnapshotTrigger } from "./payload"

export interface BuildInput {
  history: AccountHistory
  profile: RelationshipProfile
  now: number
  /** The extension's version (manifest), recorded so a reader knows which analysis produced it. */
  parleyVersion: string
  trigger?: SnapshotTrigger
  /** The rep's default currency (settings), used when the CRM records name none. */
  defaultCurrency?: string
}

export type Unsealed = Omit<SnapshotDocument, "hash">

export async function seal(unsealed: Unsealed): Promise<SnapshotDocument> {
  const { hash: _ignored, ...rest } = unsealed as Unsealed & { hash?: string }
  return { ...rest, hash: await contentHash(rest) }
}

/** The hash a document should carry; compare with its `hash` to detect tampering. */
export async function expectedHash(document: Record<string, unknown>): Promise<string> {
  const { hash: _ignored, ...rest } = document
  return contentHash(rest)
}

export async function buildSnapshot(input: BuildInput): Promise<SnapshotDocument> {
  const { history, profile, now } = input
  const account = history.account
  const raw = {
    kind: "account-briefing",
    redacted: false,
    trigger: input.trigger ?? { kind: "manual", changes: [] },
    account: { ...account, key: account.key, id: account.id },
    contacts: [...history.contacts].sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key)).slice(0, MAX_SNAPSHOT_CONTACTS),
    profile,
    // Descriptors only (SnapshotHint): the rendered English title and text stay out of the file.
    hints: negotiationHints(profile).map(({ title: _title, text: _text, ...hint }) => hint),
    pricing: pricingContext(history, profile, input.defaultCurrency),
    charts: chartData(history, profile)
  }
  // The allowlist decides what goes in; parsing proves the result is still a valid payload.
  const payload = SnapshotPayload.parse(applyAllowlist(raw, SNAPSHOT_FIELDS, false))
  return seal({
    key: snapshotKey(account.key, now, false),
    version: SNAPSHOT_VERSION,
    recordKey: account.key,
    crm: account.crm,
    org: account.org,
    createdAt: now,
    parleyVersion: input.parleyVersion.slice(0, 32),
    payload
  })
}

/**
 * The redacted copy of a snapshot: names, contact details and free text blanked, re-sealed under
 * its own key (so storing it never overwrites the full one).
 */
export async function redactSnapshot(snapshot: SnapshotDocument): Promise<SnapshotDocument> {
  if (snapshot.payload.redacted) return snapshot
  const projected = applyAllowlist(snapshot.payload, SNAPSHOT_FIELDS, true) as Record<string, unknown>
  const payload = SnapshotPayload.parse({ ...projected, redacted: true })
  const { hash: _ignored, ...rest } = snapshot
  return seal({ ...rest, key: snapshotKey(snapshot.recordKey, snapshot.createdAt, true), payload })
}
