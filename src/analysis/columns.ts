/**
 * The numbers the axes filter interactions on (time, cues, voice, direction, channel, human), read
 * from the features once per classification into typed arrays by place. A dozen axes each walk
 * every interaction, and most keep only the few with a cue or a direction: over the features
 * themselves, each walk loaded 10k-50k objects scattered over the heap (and each time a boxed
 * number), which made aggregation grow faster than the history. Over these arrays the walks are
 * sequential reads, and a feature object is loaded only for a record the axis keeps.
 */
import type { FeatureSet, InteractionF } from "./features"

/** `flags` bits: the direction (two bits), whether an email, whether human contact. */
export const FLAG = {
  inbound: 0,
  outbound: 1,
  internal: 2,
  unknown: 3,
  /** The two direction bits. */
  direction: 3,
  email: 4,
  call: 8,
  meeting: 16,
  human: 32
} as const

export interface Columns {
  at: Float64Array
  cues: Int32Array
  voice: Int32Array
  flags: Uint8Array
}

function flagsOf(i: InteractionF): number {
  const d = i.direction
  const c = i.channel
  return (d === "inbound" ? FLAG.inbound : d === "outbound" ? FLAG.outbound : d === "internal" ? FLAG.internal : FLAG.unknown) |
    (c === "email" ? FLAG.email : c === "call" ? FLAG.call : c === "meeting" ? FLAG.meeting : 0) |
    (i.human ? FLAG.human : 0)
}

/** The columns of `list`, in its order: one walk over the feature objects. */
export function columnsOf(list: readonly InteractionF[]): Columns {
  const n = list.length
  const at = new Float64Array(n)
  const cues = new Int32Array(n)
  const voice = new Int32Array(n)
  const flags = new Uint8Array(n)
  for (let k = 0; k < n; k++) {
    const i = list[k]!
    at[k] = i.at
    cues[k] = i.cues
    voice[k] = i.voice
    flags[k] = flagsOf(i)
  }
  return { at, cues, voice, flags }
}

/** A feature set whose interactions' columns were read once (aggregate.ts buildProfile). */
export interface Indexed extends FeatureSet {
  columns: Columns
}

/** The columns of the feature set's interactions: those read once, or read now. */
export function interactionColumns(fs: FeatureSet | Indexed): Columns {
  return "columns" in fs ? fs.columns : columnsOf(fs.interactions)
}
