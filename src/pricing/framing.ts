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
import { yearlyTotal } from "./anchors"
import { CITE } from "./citations"
import type { PricingContext } from "./context"
import { comparatorFor, comparatorLabel, localeEntry } from "./locale-table"
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

export function framingSuggestions(ctx: PricingContext, price: number): Suggestion[] {
  const out: Suggestion[] = []
  const table = localeEntry(ctx.input.currency)
  const perSeat = ctx.input.offer === "per-seat"
  let perDayFraming = false

  if (ctx.periodsPerYear !== null) {
    const annual = yearlyTotal(ctx, price)
    const perDay = annual / DAYS_PER_YEAR
    const petty = table !== null && perDay <= table.pettyDaily
    perDayFraming = petty
    const annualMoney = ctx.money(annual)
    const monthly = ctx.periodsPerYear === 12 ? ` (not ${ctx.money(perSeat ? price * ctx.seats : price).display} a month)` : ""
    const usage = "Bill it annually and schedule a quarterly usage and value report before renewal."
    if (petty) {
      const ceiling = dailyCeiling(ctx, perDay)
      const phrase = `${ceiling.exact ? "" : "less than "}${ctx.money(ceiling.amount).display} a day`
      out.push({
        rule: "R7",
        framing: "per-day",
        severity: "info",
        perDay: ctx.money(perDay),
        annual: annualMoney,
        usageReportReminder: true,
        text: `Headline it per day: “${phrase}”, billed once a year (${annualMoney.display}). ${usage}`,
        reason: `The daily figure is petty cash here (${ctx.money(table.pettyDaily).display} or less), so it is judged against small routine expenses: "$1 a day" beat "$365 a year". Prepaid annual bills fade from view, hurting renewal.`,
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
        text: `Headline the annual total: ${annualMoney.display} a year${monthly}; keep any monthly equivalent inside the justification line. ${usage}`,
        reason: `${table === null ? `No petty-cash threshold is known for ${ctx.input.currency}, and a` : "A"} daily figure of ${ctx.money(perDay).display} is not petty: at this size the aggregate wins ("$4,200 a year" beat "$11.50 a day"), and a monthly commitment is unwelcome to managers. Prepaid annual bills fade from view, hurting renewal.`,
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
        const label = comparatorLabel(comparator, ctx.locale.language)
        const english = comparatorLabel(comparator, "en")
        const per = perUnitPerDay !== null ? " per user a day" : ""
        out.push({
          rule: "R6",
          severity: "info",
          comparator: { label, amount: comparator.amount, display: ctx.money(comparator.amount).display },
          text: `Add one everyday comparison: “less than ${english}${per}” (${label === english ? "" : `${label}, `}about ${ctx.money(comparator.amount).display}).`,
          reason: "An aggregate price next to an explicit petty-cash comparison is judged like a pennies-a-day price; one comparator is enough.",
          citation: CITE.comparator
        })
      }
    }
  }
  return out
}
