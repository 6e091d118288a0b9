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
import { yearlyTotal } from "./anchors"
import { CITE } from "./citations"
import type { PricingContext } from "./context"
import { formatAmount } from "./format"
import type { PresentationLine, Suggestion } from "./types"

export function presentationSuggestions(ctx: PricingContext, price: number, display: string): Suggestion[] {
  const { input } = ctx
  const full = (amount: number, currency: string, unit: "show" | "hide") =>
    formatAmount(amount, { currency, locale: ctx.locale.tag, style: "full", unit })
  const lines: PresentationLine[] = [
    {
      kind: "price",
      label: input.offer === "per-seat" ? "price per seat" : "price",
      amount: price,
      display,
      numerals: formatAmount(price, { currency: input.currency, locale: ctx.locale.tag, style: "compact", unit: "hide" })
    }
  ]
  const foreign: string[] = []
  const add = (kind: PresentationLine["kind"], label: string, amount: number, currency = input.currency) => {
    if (currency !== input.currency) foreign.push(`${label} (${currency})`)
    lines.push({ kind, label, amount, display: full(amount, currency, "show"), numerals: full(amount, currency, "hide") })
  }
  for (const gift of input.gifts ?? []) add("gift", gift.name, gift.amount, gift.currency)
  for (const cost of input.absorbedCosts ?? []) add("absorbed-cost", cost.name, cost.amount, cost.currency)
  if (input.yearlySavings !== undefined) add("saving", "yearly savings", input.yearlySavings)

  const out: Suggestion[] = []
  const gains = lines.filter((l) => l.kind !== "price")
  const tomanNote = ctx.unit.toman ? " in toman (not rials)" : ""
  const gainText =
    gains.length > 0
      ? ` Write each gift, cost you absorb and saving in full on its own line: ${gains.map((g) => `“${g.label}: ${g.display}”`).join("; ")}.`
      : ""
  const total = yearlyTotal(ctx, price)
  const totalNote = total !== price ? ` (${ctx.money(total).display} a year in total)` : ""
  out.push({
    rule: "R5",
    kind: "presentation",
    severity: "info",
    lines,
    unitLabel: ctx.unitLabel,
    text: `Write the price compact${tomanNote}: ${display}${totalNote}, no decimals; put “${ctx.unitLabel}” once in the column header.${gainText}`,
    reason: "Fewer digits and syllables make a cost look smaller; gains written out in full and kept separate look bigger; units are labelled once so nothing is hidden.",
    citation: `${CITE.zeros}; ${CITE.menu}`
  })
  if (foreign.length > 0) {
    out.push({
      rule: "R5",
      kind: "mixed-units",
      severity: "warning",
      unitLabel: ctx.unitLabel,
      flags: ["mixed-currency-units"],
      text: `Use one currency unit in this quote: ${foreign.join(", ")} ${foreign.length > 1 ? "are" : "is"} not in ${ctx.unitLabel}. Convert ${foreign.length > 1 ? "them" : "it"}, or show both units side by side.`,
      reason: "The perceived size of an amount depends on the unit it is compared in; mixing units distorts the comparison and can mislead, and showing both units removes the effect.",
      citation: CITE.units
    })
  }
  return out
}
