/**
 * What the pricing chip says, in English. Ids are stable; parameters are typed by their names
 * here (see ../message.ts). The Persian is in ../fa/chip.ts.
 */
export const chipEn = {
  "c.brand": "Parley",
  "c.label": "Parley pricing suggestion",
  "c.typedTitle": "What you are typing, in compact form",
  "c.copyTitle": "Copy the suggested price (Parley never edits the field)",
  "c.modeTitle": "Switch between an opening offer (precise) and a closing offer (round)",
  "c.opening": "Opening",
  "c.closing": "Closing",
  "c.copied": "Copied",
  "c.copyFailed": "Copy failed",
  "c.discountNote": "Needs a reason: volume, term or timing, never quality",
  "c.empty": "Type a price",
  "c.unreadable": "Type one amount, e.g. {example}",
  "c.notPositive": "Type a positive amount",
  "c.tooLarge": "Amount too large"
} as const
