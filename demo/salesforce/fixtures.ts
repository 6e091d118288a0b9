/**
 * The saved-HTML fixtures of tests/fixtures/salesforce/, produced from the demo renderers:
 * `npx tsx demo/salesforce/write-fixtures.ts` writes them, and fixtures.test.ts fails when a
 * renderer change was not written out. (`lightning-capture-lookup.html` is hand-written from a
 * real DevTools capture and is not listed here.)
 */
import { DEMO_ACCOUNTS, sfIds } from "../org"
import { renderClassicRecordPage, renderLightningRecordPage } from "./pages"

const [globex, initech, , dariush] = DEMO_ACCOUNTS
const storeRefit = initech!.deals[1]!
const checkout = initech!.deals[2]!

export const FIXTURE_RECORDS = {
  account: sfIds.account(initech!),
  contact: sfIds.contact(globex!.contacts[0]!),
  opportunity: sfIds.deal(storeRefit),
  quote: sfIds.quote(checkout.quotes[2]!),
  case: sfIds.case(dariush!.cases[0]!),
  previousAccount: sfIds.account(globex!),
  globexDeal: sfIds.deal(globex!.deals[2]!)
} as const

const R = FIXTURE_RECORDS

/** File name (in tests/fixtures/salesforce/) → its HTML. */
export function salesforceFixtures(): Record<string, string> {
  const both = (name: string, id: string) => ({
    [`lightning-${name}.html`]: renderLightningRecordPage(id, { script: false }),
    [`lightning-${name}-force.html`]: renderLightningRecordPage(id, { generation: "force", script: false })
  })
  return {
    ...both("account", R.account),
    ...both("contact", R.contact),
    ...both("opportunity", R.opportunity),
    ...both("quote", R.quote),
    ...both("case", R.case),
    // Lightning kept the Globex account page (hidden, inactive) after the rep opened a deal.
    "lightning-two-pages.html": renderLightningRecordPage(R.globexDeal, { previous: [R.previousAccount], script: false }),
    // Native shadow: component internals behind open shadow roots (declarative shadow DOM).
    "lightning-shadow.html": renderLightningRecordPage(R.account, { shadow: true, script: false }),
    // Service Console: the account subtab is focused, the case subtab stays in the DOM.
    "lightning-console.html": renderLightningRecordPage(R.account, { console: true, previous: [R.case] }),
    "classic-account.html": renderClassicRecordPage(R.account),
    "classic-opportunity.html": renderClassicRecordPage(R.opportunity)
  }
}
