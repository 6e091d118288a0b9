/** Currencies the pickers offer; a record's or setting's other currency is added in front. */
export const CURRENCIES = ["USD", "EUR", "GBP", "IRR", "AED", "CAD", "AUD", "CHF", "JPY", "INR"] as const

export function currencyChoices(current: string): readonly string[] {
  return (CURRENCIES as readonly string[]).includes(current) ? CURRENCIES : [current, ...CURRENCIES]
}
