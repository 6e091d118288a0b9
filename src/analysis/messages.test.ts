/**
 * The analysis speaks in messages (issue 12), over generated histories of several sizes (the
 * scenario histories are walked at the end of scenarios.test.ts): no prose outside descriptors,
 * the Persian rendering is Persian (letters and digits) and the English one has no Persian
 * outside CRM text, and negotiationHints renders in the language of the locale it is given.
 */
import { describe, expect, it } from "vitest"
import { renderMessage } from "../i18n/render"
import { descriptorsOf, persianShare, speechProblems, withoutIsolatedRuns } from "../../tests/support/analysis-speech"
import { generateHistory } from "./generate"
import { classifyRelationship, negotiationHints } from "./index"

const LATIN = /[A-Za-z]/
const ASCII_DIGIT = /[0-9]/
const ARABIC_SCRIPT = /[\u0600-\u06FF]/

describe.each([
  [40, 1],
  [300, 2],
  [1_500, 3],
  [600, 6]
])("a generated history of %i interactions (seed %i)", (interactions, seed) => {
  const history = generateHistory({ interactions, seed })
  const peers = seed % 2 === 0 ? [1, 2, 3, 4, 5, 6].map((i) => ({ accountKey: `salesforce:bench:P${i}`, value: i * 80_000 })) : undefined
  const profile = classifyRelationship(history, { peers })
  const hints = negotiationHints(profile)
  const descriptors = descriptorsOf([profile, hints.map((h) => h.messages)])

  it("has no prose outside descriptors", () => {
    expect(speechProblems(profile, hints)).toEqual([])
    expect(descriptors.length).toBeGreaterThan(20)
  })

  it("reads in Persian: no Latin letters or ASCII digits outside CRM text, at least 90 % Persian letters", () => {
    const rendered = descriptors.map((m) => withoutIsolatedRuns(renderMessage(m, "fa")))
    for (const [i, text] of rendered.entries()) {
      expect({ id: descriptors[i]!.id, latin: LATIN.test(text), digits: ASCII_DIGIT.test(text) }).toEqual({ id: descriptors[i]!.id, latin: false, digits: false })
    }
    expect(persianShare(rendered.join(" "))).toBeGreaterThanOrEqual(0.9)
    // Figures are there, in Persian digits.
    expect(rendered.join(" ")).toMatch(/[۰-۹]/)
  })

  it("reads in English with no Persian outside CRM text", () => {
    const rendered = descriptors.map((m) => withoutIsolatedRuns(renderMessage(m, "en"))).join(" ")
    expect(ARABIC_SCRIPT.test(rendered)).toBe(false)
    expect(rendered).toMatch(/[0-9]/)
  })
})

describe("negotiationHints(profile, { locale })", () => {
  const profile = classifyRelationship(generateHistory({ interactions: 300, seed: 2 }))

  it("renders Persian titles and texts for fa-IR, English by default and for en-*, from the same descriptors", () => {
    const fa = negotiationHints(profile, { locale: "fa-IR" })
    const en = negotiationHints(profile)
    expect(fa.length).toBeGreaterThan(0)
    expect(fa.map((h) => h.id)).toEqual(en.map((h) => h.id))
    expect(negotiationHints(profile, { locale: "en-GB" })).toEqual(en)
    for (const [i, hint] of fa.entries()) {
      expect(ARABIC_SCRIPT.test(hint.title)).toBe(true)
      expect(LATIN.test(withoutIsolatedRuns(hint.title))).toBe(false)
      expect(LATIN.test(withoutIsolatedRuns(hint.text))).toBe(false)
      expect(ARABIC_SCRIPT.test(en[i]!.title)).toBe(false)
      expect(en[i]!.title).toMatch(/[A-Za-z]/)
      expect(hint.messages).toEqual(en[i]!.messages)
      // The citation stays the author-year data in both languages.
      expect(hint.citation).toBe(en[i]!.citation)
    }
  })
})

describe("the walk", () => {
  it("fails on a sentence stored as a string, and on an id the catalogue does not know", () => {
    const profile = classifyRelationship(generateHistory({ interactions: 40, seed: 1 }))
    const prose = { ...profile, risk: { ...profile.risk, summary: "No risk signal." } } as unknown as typeof profile
    expect(speechProblems(prose, [])).toEqual(['risk.summary: a string outside the catalogue: "No risk signal."'])
    const unknownId = { ...profile, dominance: { ...profile.dominance, summary: { id: "a.nowhere" } } }
    expect(speechProblems(unknownId, [])).toEqual(["dominance.summary: unknown message id a.nowhere"])
    const extraField = { ...profile, note: "Call them back." } as unknown as typeof profile
    expect(speechProblems(extraField, [])).toEqual(['note: a string outside the catalogue: "Call them back."'])
  })
})
