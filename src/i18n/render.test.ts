import { describe, expect, it } from "vitest"
import { ENGINE_CATALOGUE } from "./engine"
import { MessageSchema, type Message } from "./message"
import { renderMessage, renderParts, withoutIsolates } from "./render"
import { fill, placeholders } from "./template"
import { languageOf } from "./language"

describe("templates", () => {
  it("fills parameters and picks the English plural by count", () => {
    expect(fill("{n} {n|case|cases} open", { n: 1 })).toBe("1 case open")
    expect(fill("{n} {n|case|cases} open", { n: 3 })).toBe("3 cases open")
    expect(fill("{missing} stays", {})).toBe("{missing} stays")
  })

  it("names each parameter once, plural choices included", () => {
    expect(placeholders("{n} {n|case|cases} of {total}")).toEqual(["n", "total"])
  })
})

describe("languageOf", () => {
  it("maps Persian tags to Persian and everything else to English", () => {
    expect(["fa-IR", "fa", "fa_IR", "FA-ir"].map(languageOf)).toEqual(["fa", "fa", "fa", "fa"])
    expect(["en-US", "en-GB", "de-DE", "", undefined, "farsi"].map(languageOf)).toEqual(["en", "en", "en", "en", "en", "en"])
  })
})

describe("renderMessage", () => {
  it("says an unknown id out loud instead of rendering nothing", () => {
    expect(renderMessage({ id: "no.such.message" }, "fa")).toBe("[no.such.message]")
  })

  it("isolates CRM text and keeps it apart for <bdi>", () => {
    // A nested unknown id still renders its parameters' neighbours; the isolate is the CRM text.
    const parts = renderParts({ id: "x", params: {} }, "en")
    expect(parts).toEqual(["[x]"])
    expect(withoutIsolates("a\u2068b\u2069c")).toBe("abc")
  })

  it("rejects malformed descriptors with a reason", () => {
    const bad = MessageSchema.safeParse({ id: "a", params: { n: "three" } })
    expect(bad.success).toBe(false)
    const good: Message = { id: "a", params: { n: 3, who: { text: "Acme" }, inner: { msg: { id: "b" } }, all: { list: [{ id: "c" }] } } }
    expect(MessageSchema.parse(good)).toEqual(good)
  })
})

describe("engine catalogues", () => {
  it("give every English message a Persian one with the same parameters", () => {
    const en = ENGINE_CATALOGUE.en as Readonly<Record<string, string>>
    const fa = ENGINE_CATALOGUE.fa as Readonly<Record<string, string>>
    expect(Object.keys(fa).sort()).toEqual(Object.keys(en).sort())
    for (const id of Object.keys(en)) expect([id, placeholders(fa[id]!)]).toEqual([id, placeholders(en[id]!)])
  })

  it("write no Latin letters in Persian templates outside parameters", () => {
    const fa = ENGINE_CATALOGUE.fa as Readonly<Record<string, string>>
    // Author-year citations and codes (R3, CRM) come in as {text} parameters, never in the template.
    const latin = Object.entries(fa).filter(([, t]) => /[A-Za-z]/.test(t.replace(/\{[^}]*\}/g, "")))
    expect(latin).toEqual([])
  })
})
