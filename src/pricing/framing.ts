/**
 * R7 (time framing) and R6 (one everyday comparator).
 *
 * R7: per-day framing only when the daily figure is petty cash for the locale; otherwise the
 * annual total. "$1 a day" beats "$365 a year" but "$4,200 a year" beats "$11.50 a day"
 * (Gourville 2003); per-day framing works by pulling in comparisons with small routine
 * expenses (Gourville 1998). Recurring offers are never headlined monthly — managers dislike a
 * monthly commitment (seed 001: "60 thousand toman for a year", not "5 thousand a month") — and
 * are billed annually; because prepaid annual payments fade from view and renewals suffer
 * (Gourville & Soman 2002: 21.5 % no-shows for subscribers vs <1 % for single tickets), every
 * annual bill comes with a usage/value report reminder.
 *
 * R6: when the headline stays aggregate but the unit amount (per seat per day, or the unit price
 * of a one-off) is petty, one comparator ("less than a cup of coffee per user a day") creates the
 * same pennies-a-day perspective (Gourville 1999); it adds little once per-day framing is shown,
 * so R6 never accompanies a per-day R7.
 */
import { amount, msg, nested, text, type Message } from "../i18n/message"
import { yearlyTotal } from "./anchors"
import { CITE } from "./citations"
import type { PricingContext } from "./context"
import { comparatorFor, localeEntry, type Comparator } from "./locale-table"
import { ceilTwoSignificant } from "./numbers"
import type { Suggestion } from "./types"
import { fromPresented, toPresented } from "./units"

export const DAYS_PER_YEAR = 365

/** "less than 550 a day" wording: the daily figure rounded up to two significant digits, in the presented unit. */
function dailyCeiling(ctx: PricingContext, perDay: number): { amount: number; exact: boolean } {
  const presented = toPresented(perDay, ctx.unit)
  const ceiling = ceilTwoSignificant(presented)
  return { amount: fromPresented(ceiling, ctx.unit), exact: Math.abs(ceiling - presented) < 1e-9 }
}

const ITEM_WORDS: Readonly<Record<Comparator["item"], Message>> = {
  water: msg("p.item.water"),
  coffee: msg("p.item.coffee"),
  barbari: msg("p.item.barbari"),
  taxi: msg("p.item.taxi")
}

export function framingSuggestions(ctx: PricingContext, price: number): Suggestion[] {
  const out: Suggestion[] = []
  const cur = ctx.input.currency
  const table = localeEntry(ctx.input.currency)
  const perSeat = ctx.input.offer === "per-seat"
  let perDayFraming = false

  if (ctx.periodsPerYear !== null) {
    const annual = yearlyTotal(ctx, price)
    const perDay = annual / DAYS_PER_YEAR
    const petty = table !== null && perDay <= table.pettyDaily
    perDayFraming = petty
    const annualMoney = ctx.money(annual)
    const annualParam = amount(annual, cur)
    if (petty) {
      const ceiling = dailyCeiling(ctx, perDay)
      out.push({
        rule: "R7",
        framing: "per-day",
        severity: "info",
        perDay: ctx.money(perDay),
        annual: annualMoney,
        usageReportReminder: true,
        ...ctx.say(msg(ceiling.exact ? "p.r7.perDay" : "p.r7.perDayUnder", { perDay: amount(ceiling.amount, cur), annual: annualParam })),
        ...ctx.because(msg("p.r7.perDay.reason", { petty: amount(table.pettyDaily, cur) })),
        citation: `${CITE.perDay}; ${CITE.usage}`
      })
    } else {
      out.push({
        rule: "R7",
        framing: "annual",
        severity: "info",
        perDay: ctx.money(perDay),
        annual: annualMoney,
        usageReportReminder: true,
        ...ctx.say(
          ctx.periodsPerYear === 12
            ? msg("p.r7.annualNotMonthly", { annual: annualParam, monthly: amount(perSeat ? price * ctx.seats : price, cur) })
            : msg("p.r7.annual", { annual: annualParam })
        ),
        ...ctx.because(
          table === null
            ? msg("p.r7.annualNoTable.reason", { currency: text(cur), perDay: amount(perDay, cur) })
            : msg("p.r7.annual.reason", { perDay: amount(perDay, cur) })
        ),
        citation: `${CITE.perDay}; ${CITE.usage}`,
        ...(ctx.dominance === "supplier" ? { dominance: ctx.dominance } : {})
      })
    }
  }

  if (!perDayFraming && table !== null) {
    // The unit the buyer can picture: a seat for a day, or one unit of a one-off purchase.
    const perUnitPerDay = perSeat && ctx.periodsPerYear !== null ? (price * ctx.periodsPerYear) / DAYS_PER_YEAR : null
    const unitAmount = perUnitPerDay ?? (ctx.periodsPerYear === null ? price : null)
    if (unitAmount !== null && unitAmount <= table.pettyDaily) {
      const comparator = comparatorFor(unitAmount, ctx.input.currency)
      if (comparator) {
        const item = ITEM_WORDS[comparator.item]
        const params = { item: nested(item), amount: amount(comparator.amount, cur) }
        out.push({
          rule: "R6",
          severity: "info",
          comparator: { label: ctx.say(item).text, labelMessage: item, amount: comparator.amount, display: ctx.money(comparator.amount).display },
          ...ctx.say(perUnitPerDay !== null ? msg("p.r6.comparatorPerUser", params) : msg("p.r6.comparator", params)),
          ...ctx.because(msg("p.r6.comparator.reason")),
          citation: CITE.comparator
        })
      }
    }
  }
  return out
}
