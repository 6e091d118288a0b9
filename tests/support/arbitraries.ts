/**
 * fast-check arbitraries for text that comes from outside (a CRM page, a CRM API, a file): every
 * code unit (lone surrogates included), whole graphemes of any script, Persian, and the payloads
 * attackers actually send (formulas, markup, bidi overrides, control characters, very long runs).
 * Property tests over the boundaries share these instead of hand-written generators.
 */
import fc from "fast-check"
import { FORMULA_PAYLOADS, HIDING_PREFIXES } from "../fixtures/csv/injection-payloads"

/** Payloads a hostile page or record would try, beyond what random text hits by chance. */
export const ATTACK_STRINGS: readonly string[] = [
  ...FORMULA_PAYLOADS,
  "<img src=x onerror=alert(1)>",
  "<script>alert(document.cookie)</script>",
  "\"><svg/onload=alert(1)>",
  "javascript:alert(1)",
  "${constructor.constructor('alert(1)')()}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "prototype",
  "\u202Egnp.exe",
  "\uD800",
  "\uDFFF\uD800",
  "\u0000",
  "\\",
  "(",
  ")",
  "%",
  "%3A",
  ":",
  "acme:1",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "شرکت پخش داریوش",
  "تخفیف ۱۵٪ برای تمدید",
  "\uFEFF\u200B\u200F",
  "Ｚａｌｇｏ ̷̧̛̗͎̹̪̗̮͙̳̰̱̗̺̬̜̖̤̠̗͕̈́͆͌̆̾̽̾̀̈́͋̐̽̚͜͠͝"
]

/** Any text: every UTF-16 code unit, graphemes of every script, attacks, and hidden-prefix formulas. */
export const hostileText = (maxLength = 64): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: "binary", maxLength }),
    fc.string({ unit: "grapheme", maxLength }),
    fc.constantFrom(...ATTACK_STRINGS),
    fc.tuple(fc.constantFrom(...HIDING_PREFIXES), fc.constantFrom(...FORMULA_PAYLOADS)).map(([prefix, payload]) => prefix + payload),
    fc.tuple(fc.string({ unit: "grapheme", maxLength: 8 }), fc.constantFrom(...ATTACK_STRINGS), fc.string({ unit: "binary", maxLength: 8 })).map((parts) => parts.join(""))
  )

/** Text that is sometimes far longer than any cap (a whole page pasted into one field). */
export const longHostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: hostileText() },
    { weight: 1, arbitrary: fc.tuple(hostileText(8), fc.integer({ min: 100, max: 6_000 })).map(([unit, n]) => (unit || "x").repeat(Math.ceil(n / Math.max(1, unit.length)))) }
  )

/** Any JSON-like value, hostile strings inside. */
export const hostileJson = (): fc.Arbitrary<unknown> => fc.jsonValue({ maxDepth: 4 }).chain((v) => fc.oneof(fc.constant(v), hostileText(), fc.dictionary(hostileText(16), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 })))
