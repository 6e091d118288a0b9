/**
 * Serves the demo org inside Chromium under the CRMs' real host names, so Parley's real content
 * scripts match and its service worker calls the (mock) APIs exactly as it would in production.
 * Only the network edge is fake: `context.route` answers the CRM pages and APIs.
 */
import type { BrowserContext, Route } from "playwright-core"
import { createDynamicsMockApi, type DynamicsMockApi } from "./dynamics/mock-api"
import { dynamicsRecordUrl, handleDynamicsRequest } from "./dynamics/pages"
import { DEMO_ACCOUNTS, dynIds, sfIds, type DemoAccount } from "./org"
import { createMockSalesforceApi, type MockSalesforceApi, type MockSalesforceOptions, type MockResponse } from "./salesforce/mock-api"
import { buildSalesforceData, DEMO_SALESFORCE } from "./salesforce/records"
import { renderSalesforcePage } from "./salesforce/pages"

export interface DemoOrgOptions {
  accounts?: readonly DemoAccount[]
  /** false: the org refuses API access from the browser session (no `sid` for the API host). */
  salesforceApi?: false | MockSalesforceOptions
  /** Delay of each Salesforce API answer (ms), so a sync can be interrupted mid-way. */
  salesforceLatencyMs?: number
  /** Delay of each Dynamics Web API answer (ms), so concurrency and progress show. */
  dynamicsLatencyMs?: number
}

export interface DemoOrg {
  salesforceApi: MockSalesforceApi | null
  dynamicsApi: DynamicsMockApi
}

const LIGHTNING_HOME = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home | Salesforce</title></head>
<body class="desktop"><div class="oneContent active"><h1 class="slds-page-header__title">Home</h1><p>Recent records and your tasks appear here.</p></div></body></html>`

export const salesforceRecordUrl = (objectType: string, id: string) =>
  `https://${DEMO_SALESFORCE.uiHost}/lightning/r/${objectType}/${id}/view`

async function fulfil(route: Route, res: MockResponse): Promise<void> {
  if (res.networkError) return route.abort("connectionfailed")
  return route.fulfill({ status: res.status, headers: res.headers, body: res.bodyBytes ? Buffer.from(res.bodyBytes) : res.body })
}

/** The request body of a write, for the mocks' validation (undefined for GET). */
const bodyOf = (route: Route): string | undefined => route.request().postData() ?? undefined

export async function installDemoOrg(context: BrowserContext, options: DemoOrgOptions = {}): Promise<DemoOrg> {
  const accounts = options.accounts ?? DEMO_ACCOUNTS
  const api = options.salesforceApi === false ? null : createMockSalesforceApi({ ...options.salesforceApi, data: buildSalesforceData({ accounts, extra: options.salesforceApi?.extra }) })

  await context.route(/^https:\/\/[^/]+\.lightning\.force\.com\//, async (route) => {
    // Pages that are not demo records (home, lists, setup) get a plain Lightning shell.
    const html = renderSalesforcePage(route.request().url(), { accounts }) ?? LIGHTNING_HOME
    return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html })
  })
  await context.route(/^https:\/\/[^/]+\.my\.salesforce\.com\//, async (route) => {
    const request = route.request()
    if (!api) return route.fulfill({ status: 403, contentType: "application/json", body: JSON.stringify([{ message: "API is disabled for this organization", errorCode: "API_DISABLED_FOR_ORG" }]) })
    const res = api.handle({ method: request.method(), url: request.url(), headers: await request.allHeaders(), body: bodyOf(route) })
    if (options.salesforceLatencyMs) await new Promise((r) => setTimeout(r, options.salesforceLatencyMs))
    return fulfil(route, res)
  })

  const dynamicsApi = createDynamicsMockApi({ accounts, latencyMs: options.dynamicsLatencyMs })
  await context.route(/^https:\/\/[^/]+\.crm\d*\.dynamics\.com\//, async (route) => {
    const request = route.request()
    const res = handleDynamicsRequest({ method: request.method(), url: request.url(), headers: await request.allHeaders(), body: bodyOf(route) }, dynamicsApi)
    if (options.dynamicsLatencyMs && request.url().includes("/api/data/")) await new Promise((r) => setTimeout(r, options.dynamicsLatencyMs))
    return route.fulfill({ status: res.status, headers: res.headers, body: res.body })
  })

  // The rep is signed in: a UI session on the Lightning host and, where the org allows API access
  // from the browser, the API session on the My Domain host (HttpOnly, as Salesforce sets them).
  const cookie = (domain: string, value: string) => ({ name: "sid", value, domain, path: "/", secure: true, httpOnly: true, sameSite: "None" as const })
  await context.addCookies([
    cookie(DEMO_SALESFORCE.uiHost, `${DEMO_SALESFORCE.orgId}!UiOnlyLightningSession`),
    ...(api ? [cookie(DEMO_SALESFORCE.apiHost, DEMO_SALESFORCE.sessionId)] : [])
  ])
  return { salesforceApi: api, dynamicsApi }
}

export { dynamicsRecordUrl }

export interface TourStop {
  slug: string
  url: string
  title: string
  panelTabs?: string[]
  /** Type into a CRM field to show the inline pricing chip (after clicking `openButton`). */
  typeInto?: { selector: string; text: string; openButton?: string }
}

/** What `npm run demo` walks through, in order. */
export function demoTour(): TourStop[] {
  const [globex, initech, umbrella, dariush] = DEMO_ACCOUNTS as DemoAccount[]
  const openDeal = initech!.deals.find((d) => !d.isClosed)!
  return [
    { slug: "globex-account", url: salesforceRecordUrl("Account", sfIds.account(globex!)), title: globex!.name, panelTabs: ["Relationship", "Negotiation", "History"] },
    { slug: "initech-account", url: salesforceRecordUrl("Account", sfIds.account(initech!)), title: initech!.name, panelTabs: ["Relationship", "Negotiation"] },
    { slug: "initech-opportunity", url: salesforceRecordUrl("Opportunity", sfIds.deal(openDeal)), title: openDeal.name, panelTabs: ["Pricing"] },
    {
      slug: "initech-edit-products-chip",
      url: salesforceRecordUrl("Opportunity", sfIds.deal(openDeal)),
      title: openDeal.name,
      typeInto: { openButton: "Edit Products", selector: "[data-demo-modal='edit-products'] td[data-label='Sales Price'] input", text: "52000" }
    },
    { slug: "umbrella-account", url: salesforceRecordUrl("Account", sfIds.account(umbrella!)), title: umbrella!.name, panelTabs: ["Relationship"] },
    { slug: "dariush-account", url: salesforceRecordUrl("Account", sfIds.account(dariush!)), title: dariush!.name, panelTabs: ["Relationship", "Team"] },
    { slug: "dynamics-globex-account", url: dynamicsRecordUrl("account", dynIds.account(globex!)), title: globex!.name, panelTabs: ["Relationship"] },
    { slug: "dynamics-initech-quote", url: dynamicsRecordUrl("quote", dynIds.quote(openDeal.quotes.at(-1)!)), title: openDeal.quotes.at(-1)!.name, panelTabs: ["Pricing"] },
    {
      slug: "dynamics-quote-line-chip",
      url: dynamicsRecordUrl("quotedetail", dynIds.quoteLine(openDeal.quotes.at(-1)!, 0)),
      title: openDeal.quotes.at(-1)!.lines[0]!.product,
      typeInto: { selector: 'input[data-id^="priceperunit.fieldControl"]', text: "50000" }
    }
  ]
}
