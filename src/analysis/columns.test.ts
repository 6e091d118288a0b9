import { describe, expect, it } from "vitest"
import { at, kit } from "../../tests/support/analysis-kit"
import { CHANNELS, DIRECTIONS } from "../model/schema"
import { columnsOf, FLAG } from "./columns"
import { interactionFeatures } from "./features"

describe("interaction columns", () => {
  it("hold each interaction's time, cues, voice, direction, channel and human flag at its place", () => {
    const k = kit()
    const records = DIRECTIONS.flatMap((direction, d) => CHANNELS.flatMap((channel, c) => [false, true].map((automated) =>
      k.interaction(`I${d}${c}${automated ? "A" : "H"}`, { channel, direction, automated, at: at(d * 10 + c), subject: "Our budget is fixed, the price is too high" }))))
    const features = records.map(interactionFeatures)
    const columns = columnsOf(features)
    const directionBits = { inbound: FLAG.inbound, outbound: FLAG.outbound, internal: FLAG.internal, unknown: FLAG.unknown }
    features.forEach((f, n) => {
      const flags = columns.flags[n]!
      expect(columns.at[n]).toBe(f.at)
      expect(columns.cues[n]).toBe(f.cues)
      expect(columns.voice[n]).toBe(f.voice)
      expect(flags & FLAG.direction).toBe(directionBits[f.direction])
      expect((flags & FLAG.email) !== 0).toBe(f.channel === "email")
      expect((flags & FLAG.call) !== 0).toBe(f.channel === "call")
      expect((flags & FLAG.meeting) !== 0).toBe(f.channel === "meeting")
      expect((flags & FLAG.human) !== 0).toBe(f.human)
    })
    // The records differ in every field the columns hold, so a column read from the wrong field shows.
    expect(new Set(features.map((f) => f.human)).size).toBe(2)
    expect(features.some((f) => f.voice !== 0) && features.some((f) => f.voice === 0)).toBe(true)
  })
})
