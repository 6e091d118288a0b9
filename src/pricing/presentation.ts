/**
 * R5 — fewer zeros for costs, full zeros for gains; one currency unit per quote, labelled.
 *
 * - The price the buyer pays is written compact (display from format.ts): fewer digits and
 *   syllables read as smaller (Coulter, Choi & Monroe 2012); toman rather than rial (seed 001; face
 *   value, Raghubir & Srivastava 2002).
 * - Gifts, costs the seller absorbs and savings are written in full, each on its own line:
 *   segregated gains feel larger (Thaler 1985, hedonic editing); seed 001: "a 90,000-rial book as a
 *   gift", "postage of 30,000 rials, paid by us".
 * - One unit in one comparison and always labelled: numerosity effects depend on the reference
 *   unit and vanish when the other unit is shown (Wertenbroch et al. 2007; Pandelaere et al.
 *   2011), so mixing units is both a distortion and a deception risk. The unit goes in the column
 *   header, the lines carry numerals (numeral-only menus: ≈$5.55 higher spend, Yang, Kimes &
 *   Sessarego 2009).
 */
import { amount, list, msg, nested, text, type Message } from "../i18n/message"
import { yearlyTotal } from "./anchors"
import { CITE } from "./citations"
import type { PricingContext } from "./context"
import { formatAmount } from "./format"
import type { PresentationLine, Suggestion } from "./types"

export function presentationSuggestions(ctx: PricingContext, price: number, display: string): Suggestion[] {
  const { input } = ctx
  const cur = input.currency
  const full = (value: number, currency: string, unit: "show" | "hide") => formatAmount(value, { currency, locale: ctx.locale.tag, style: "full", unit })
  const priceLabel = input.offer === "per-seat" ? msg("p.line.pricePerSeat") : msg("p.line.price")
  const lines: PresentationLine[] = [
    {
      kind: "price",
      label: ctx.say(priceLabel).text,
      labelMessage: priceLabel,
      amount: price,
      display,
      numerals: formatAmount(price, { currency: cur, locale: ctx.locale.tag, style: "compact", unit: "hide" })
    }
  ]
  const foreign: { label: Message; currency: string }[] = []
  const gainParts: { label: Message; amount: number; currency: string }[] = []
  const add = (kind: PresentationLine["kind"], label: Message, value: number, currency = cur) => {
    if (currency !== cur) foreign.push({ label, currency })
    gainParts.push({ label, amount: value, currency })
    lines.push({ kind, label: ctx.say(label).text, labelMessage: label, amount: value, display: full(value, currency, "show"), numerals: full(value, currency, "hide") })
  }
  // A gift's or a cost's name is the rep's own text: shown as typed, isolated from the sentence.
  for (const gift of input.gifts ?? []) add("gift", msg("p.line.named", { name: text(gift.name) }), gift.amount, gift.currency)
  for (const cost of input.absorbedCosts ?? []) add("absorbed-cost", msg("p.line.named", { name: text(cost.name) }), cost.amount, cost.currency)
  if (input.yearlySavings !== undefined) add("saving", msg("p.line.yearlySavings"), input.yearlySavings)

  const out: Suggestion[] = []
  const gains =
    gainParts.length > 0
      ? msg("p.r5.gains", {
          lines: list(
            gainParts.map((g, i) =>
              msg(i === gainParts.length - 1 ? "p.r5.gainLineLast" : "p.r5.gainLine", { label: nested(g.label), amount: amount(g.amount, g.currency, "full") })
            )
          )
        })
      : null
  const total = yearlyTotal(ctx, price)
  const unit = text(ctx.unitLabel)
  const priceParam = amount(price, cur)
  const compact =
    total !== price
      ? msg(ctx.unit.toman ? "p.r5.compactTomanTotal" : "p.r5.compactTotal", { price: priceParam, total: amount(total, cur), unit })
      : msg(ctx.unit.toman ? "p.r5.compactToman" : "p.r5.compact", { price: priceParam, unit })
  out.push({
    rule: "R5",
    kind: "presentation",
    severity: "info",
    lines,
    unitLabel: ctx.unitLabel,
    ...ctx.say(msg("p.sentences", { sentences: list(gains ? [compact, gains] : [compact]) })),
    ...ctx.because(msg("p.r5.presentation.reason")),
    citation: `${CITE.zeros}; ${CITE.menu}`
  })
  if (foreign.length > 0) {
    const items = foreign.map((f, i) => msg(i === foreign.length - 1 ? "p.r5.foreignItemLast" : "p.r5.foreignItem", { label: nested(f.label), currency: text(f.currency) }))
    out.push({
      rule: "R5",
      kind: "mixed-units",
      severity: "warning",
      unitLabel: ctx.unitLabel,
      flags: ["mixed-currency-units"],
      ...ctx.say(msg("p.r5.mixedUnits", { items: list(items), n: foreign.length, unit })),
      ...ctx.because(msg("p.r5.mixedUnits.reason")),
      citation: CITE.units
    })
  }
  return out
}
