/**
 * The fast validator is compiled from the model's zod schemas; zod stays the authority. This
 * fuzzes mutated records through both and requires the same verdict, so a schema change the
 * compiler does not understand fails here instead of letting invalid records through.
 */
import { describe, expect, it } from "vitest"
import * as z from "zod"
import * as M from "../model/schema"
import { generateHistory } from "./generate"
import { fastCheck, INTERACTION_FIELDS, isLaidOut, passesFast, QUOTE_FIELDS, QUOTE_LINE_FIELDS, validate } from "./validate"

const h = generateHistory({ interactions: 200, seed: 3 })
const SAMPLES: Array<[string, z.ZodType, Array<Record<string, unknown>>]> = [
  ["Account", M.Account, [h.account]],
  ["Contact", M.Contact, h.contacts],
  ["Interaction", M.Interaction, h.interactions.slice(0, 40)],
  ["Deal", M.Deal, h.deals],
  ["Quote", M.Quote, h.quotes.slice(0, 20)],
  ["QuoteLine", M.QuoteLine, h.quoteLines.slice(0, 20)],
  ["Case", M.Case, h.cases],
  ["Contract", M.Contract, h.contracts]
]

/** Values that probe each kind of constraint: types, bounds, integers, lengths, patterns, enums. */
const PROBES: unknown[] = [
  undefined, null, "", "x", "salesforce:org:id", "hubspot:org:id", "a".repeat(257), "a".repeat(401), "A".repeat(20_001), "EUR", "eur",
  0, -1, 1, 1.5, 100, 101, -0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 1e308, true, false, [], [{}], [{ at: 1, stage: "x" }],
  [{ at: -1, stage: "x" }], {}, "inbound", "sms", "email", "dynamics"
]

let seed = 42
const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647

describe("compiled validator", () => {
  it.each(SAMPLES)("compiles the %s schema", (_name, schema) => {
    expect(fastCheck(schema)).not.toBeNull()
  })

  it.each(SAMPLES)("agrees with zod on mutated %s records", (_name, schema, records) => {
    let checked = 0
    for (const record of records) {
      expect(passesFast(schema, record)).toBe(true)
      const fields = Object.keys((schema as z.ZodObject).shape)
      for (const field of fields) {
        for (const probe of PROBES) {
          const mutated: Record<string, unknown> = { ...record, [field]: probe }
          if (probe === undefined) delete mutated[field]
          expect(passesFast(schema, mutated), `${field} = ${String(probe).slice(0, 20)}`).toBe(schema.safeParse(mutated).success)
          checked++
        }
        // And random pairs of mutations.
        const other = fields[Math.floor(rand() * fields.length)]!
        const mutated = { ...record, [field]: PROBES[Math.floor(rand() * PROBES.length)], [other]: PROBES[Math.floor(rand() * PROBES.length)] }
        expect(passesFast(schema, mutated)).toBe(schema.safeParse(mutated).success)
      }
    }
    expect(checked).toBeGreaterThan(100)
  })

  it("checks interactions, the collection that grows with history, field by field by name", () => {
    // The names are written by hand (the constraints come from the schema): they must be the schema's.
    expect([...INTERACTION_FIELDS].sort()).toEqual(Object.keys(M.Interaction.shape).sort())
    expect(isLaidOut(M.Interaction)).toBe(true)
  })

  it("checks quotes and quote lines, the next largest collections, field by field by name", () => {
    expect([...QUOTE_FIELDS].sort()).toEqual(Object.keys(M.Quote.shape).sort())
    expect(isLaidOut(M.Quote)).toBe(true)
    expect([...QUOTE_LINE_FIELDS].sort()).toEqual(Object.keys(M.QuoteLine.shape).sort())
    expect(isLaidOut(M.QuoteLine)).toBe(true)
  })

  it("judges a key that shares the last accepted key's crm:org: prefix as the pattern does", () => {
    const record = h.interactions[0]!
    const prefix = record.key.slice(0, record.key.lastIndexOf(":") + 1)
    // Each after a key the pattern accepted, so the prefix is the one the check remembers.
    for (const id of ["X1", "", "a:b", "a%", "a%2", "a%25", "a%3A", "a%3a", "%", ":", "b\n", "0".repeat(380), "0".repeat(390)]) {
      expect(passesFast(M.Interaction, record)).toBe(true)
      const mutated = { ...record, key: prefix + id }
      expect(passesFast(M.Interaction, mutated), id.slice(0, 20)).toBe(M.Interaction.safeParse(mutated).success)
    }
    expect(passesFast(M.Interaction, { ...record, key: prefix + "X1" })).toBe(true)
    expect(passesFast(M.Interaction, { ...record, key: prefix + "a:b" })).toBe(false)
  })

  it("returns zod's reason when the fast path rejects", () => {
    const result = validate(M.Interaction, { ...h.interactions[0]!, channel: "sms" })
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^channel: /) })
  })

  it("gives a schema with keywords it does not know back to zod", () => {
    const odd = z.object({ n: z.number().multipleOf(5) })
    expect(fastCheck(odd)).toBeNull()
    expect(validate(odd, { n: 7 }).ok).toBe(false)
    expect(validate(odd, { n: 10 }).ok).toBe(true)
  })
})
