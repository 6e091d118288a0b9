/**
 * Serves the demo org inside Chromium under the CRMs' real host names, so Parley's real content
 * scripts match and its service worker calls the (mock) APIs exactly as it would in production.
 * Only the network edge is fake: `context.route` answers the CRM pages and APIs.
 */
import type { BrowserContext, Route } from "playwright-core"
import { createDynamicsMockApi, type DynamicsMockApi } from "./dynamics/mock-api"
import { dynamicsRecordUrl, handleDynamicsRequest } from "./dynamics/pages"
import { DEMO_ACCOUNTS, dynIds, sfIds, type DemoAccount } from "./org"
import { createMockSalesforceApi, type MockRequest, type MockSalesforceApi, type MockSalesforceOptions } from "./salesforce/mock-api"
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

/** One answer at the network edge, whatever the browser driver (requests are the mocks' own MockRequest). */
export interface EdgeResponse {
  status: number
  headers: Record<string, string>
  body: string | Buffer
  /** The request fails at the network level (no response at all). */
  networkError?: boolean
}

/** The demo org's network edge, independent of the browser driver: Playwright routes it
 * (installDemoOrg) and the Firefox tests serve it over real HTTPS (demo/firefox.ts). */
export interface DemoNetwork extends DemoOrg {
  /** Host name patterns it answers (regular expressions over the URL). */
  routes: Array<{ pattern: RegExp; handle(request: MockRequest): Promise<EdgeResponse> }>
  /** The rep's signed-in session cookies (HttpOnly, as Salesforce sets them). */
  cookies: Array<{ name: string; value: string; domain: string; path: string; secure: true; httpOnly: true; sameSite: "None" }>
}

const delay = (ms: number | undefined) => (ms ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve())

export function createDemoNetwork(options: DemoOrgOptions = {}): DemoNetwork {
  const accounts = options.accounts ?? DEMO_ACCOUNTS
  const api = options.salesforceApi === false ? null : createMockSalesforceApi({ ...options.salesforceApi, data: buildSalesforceData({ accounts, extra: options.salesforceApi?.extra }) })
  const dynamicsApi = createDynamicsMockApi({ accounts, latencyMs: options.dynamicsLatencyMs })
  const html = (body: string): EdgeResponse => ({ status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body })
  const cookie = (domain: string, value: string) => ({ name: "sid", value, domain, path: "/", secure: true as const, httpOnly: true as const, sameSite: "None" as const })
  return {
    salesforceApi: api,
    dynamicsApi,
    routes: [
      {
        pattern: /^https:\/\/[^/]+\.lightning\.force\.com\//,
        // Pages that are not demo records (home, lists, setup) get a plain Lightning shell.
        handle: async (request) => html(renderSalesforcePage(request.url, { accounts }) ?? LIGHTNING_HOME)
      },
      {
        pattern: /^https:\/\/[^/]+\.my\.salesforce\.com\//,
        handle: async (request) => {
          if (!api) return { status: 403, headers: { "content-type": "application/json" }, body: JSON.stringify([{ message: "API is disabled for this organization", errorCode: "API_DISABLED_FOR_ORG" }]) }
          const res = api.handle(request)
          await delay(options.salesforceLatencyMs)
          return { status: res.status, headers: res.headers, body: res.bodyBytes ? Buffer.from(res.bodyBytes) : res.body, ...(res.networkError ? { networkError: true } : {}) }
        }
      },
      {
        pattern: /^https:\/\/[^/]+\.crm\d*\.dynamics\.com\//,
        handle: async (request) => {
          const res = handleDynamicsRequest(request, dynamicsApi)
          if (request.url.includes("/api/data/")) await delay(options.dynamicsLatencyMs)
          return { status: res.status, headers: res.headers, body: res.body }
        }
      }
    ],
    // The rep is signed in: a UI session on the Lightning host and, where the org allows API
    // access from the browser, the API session on the My Domain host.
    cookies: [
      cookie(DEMO_SALESFORCE.uiHost, `${DEMO_SALESFORCE.orgId}!UiOnlyLightningSession`),
      ...(api ? [cookie(DEMO_SALESFORCE.apiHost, DEMO_SALESFORCE.sessionId)] : [])
    ]
  }
}

/** The demo org inside a Playwright context: `context.route` answers the CRM hosts. */
export async function installDemoOrg(context: BrowserContext, options: DemoOrgOptions = {}): Promise<DemoOrg> {
  const network = createDemoNetwork(options)
  for (const { pattern, handle } of network.routes) {
    await context.route(pattern, async (route: Route) => {
      const request = route.request()
      const res = await handle({ method: request.method(), url: request.url(), headers: await request.allHeaders(), body: request.postData() ?? undefined })
      if (res.networkError) return route.abort("connectionfailed")
      return route.fulfill({ status: res.status, headers: res.headers, body: res.body })
    })
  }
  await context.addCookies(network.cookies)
  return { salesforceApi: network.salesforceApi, dynamicsApi: network.dynamicsApi }
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
