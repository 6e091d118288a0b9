/**
 * Real Firefox for the e2e tests and `npm run demo -- --browser=firefox`: Debian's firefox-esr driven by puppeteer-core over WebDriver
 * BiDi, with Parley's production Firefox build installed as a temporary add-on.
 *
 * The network edge: Playwright's context.route has no Firefox counterpart that also sees the
 * add-on's own background requests, so the demo org's mocks (demo/routes.ts createDemoNetwork)
 * are served over real HTTPS on this machine, and Firefox resolves the CRM host names to it
 * (network.dns.localDomains). The certificate is made per run (openssl) and accepted through the
 * session's acceptInsecureCerts: nothing outside the test trusts it.
 */
import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { createServer, type Server } from "node:https"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import puppeteer, { type Browser, type Page } from "puppeteer-core"
import { createDemoNetwork, type DemoNetwork, type DemoOrgOptions } from "./routes"
import { DEMO_SALESFORCE } from "./salesforce/records"
import { readTableInPage } from "./browser"
import { until } from "./wait"

export const FIREFOX_BUILD_DIR = resolve("build/firefox-mv3-prod")
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr"

/** Every CRM host the demo org uses, resolved to this machine. */
const DEMO_HOSTS = [DEMO_SALESFORCE.uiHost, DEMO_SALESFORCE.apiHost, "northwind.crm4.dynamics.com"]

function certificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), "parley-tls-"))
  const san = DEMO_HOSTS.map((h) => `DNS:${h}`).join(",")
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=parley-test",
    "-addext", `subjectAltName=${san}`, "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")
  ], { stdio: "ignore" })
  return { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) }
}

/** The demo org over HTTPS on port 443 of this machine (the tests run as root in CI). */
/** Rewrites a page before it is served (a test's hostile script, say). */
export type PageRewrite = (url: string, html: string) => string
/** A page of the test's own at a URL (a saved CRM page, say), served instead of the demo org's. */
export type PageSource = (url: string) => string | undefined

async function serve(network: DemoNetwork, rewrite?: PageRewrite, pages?: PageSource): Promise<Server> {
  const server = createServer(certificate(), (req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      const url = `https://${req.headers.host}${req.url}`
      const own = pages?.(url)
      if (own !== undefined) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(own)
        return
      }
      const route = network.routes.find((r) => r.pattern.test(url))
      if (!route) {
        res.writeHead(404).end()
        return
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]))
      const body = chunks.length ? Buffer.concat(chunks).toString("utf8") : undefined
      route.handle({ method: req.method ?? "GET", url, headers, ...(body !== undefined ? { body } : {}) }).then(
        (answer) => {
          if (answer.networkError) return void req.socket.destroy()
          const html = rewrite && /text\/html/i.test(Object.entries(answer.headers).find(([k]) => k.toLowerCase() === "content-type")?.[1] ?? "")
          res.writeHead(answer.status, answer.headers).end(html ? rewrite(url, String(answer.body)) : answer.body)
        },
        (error: unknown) => res.writeHead(500).end(String(error))
      )
    })
  })
  await new Promise<void>((done, fail) => {
    server.once("error", fail)
    // 443: the pages and the extension use the CRM's real https:// URLs, which name no port.
    server.listen(443, "127.0.0.1", done)
  })
  return server
}

export interface FirefoxSession {
  browser: Browser
  network: DemoNetwork
  /** The moz-extension:// origin of the installed add-on. */
  extensionOrigin: string
  newPage(): Promise<Page>
  /** The panel page Parley opened itself on install (a test may not navigate to moz-extension:). */
  panel(): Promise<Page>
  close(): Promise<void>
}

export interface FirefoxOptions extends DemoOrgOptions {
  headless?: boolean
  rewrite?: PageRewrite
  pages?: PageSource
  /** false: the same browser and org without Parley (a benchmark's baseline). */
  extension?: boolean
  /** Extra environment of the Firefox process (the bench starts Firefox's profiler this way). */
  env?: Record<string, string>
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const network = createDemoNetwork(options)
  const server = await serve(network, options.rewrite, options.pages)
  const uuid = "5b3e6f0e-3f7a-4c1d-9a55-6a1b2c3d4e5f"
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    acceptInsecureCerts: true,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    extraPrefsFirefox: {
      "network.dns.localDomains": DEMO_HOSTS.join(","),
      // A known add-on UUID, so the test knows the extension's origin.
      "extensions.webextensions.uuids": JSON.stringify({ "parley@parley.app": uuid }),
      // Host permissions granted at install, as the rep does on Firefox's install prompt.
      "extensions.originControls.grantByDefault": true
    }
  })
  try {
    if (options.extension !== false) await browser.installExtension(FIREFOX_BUILD_DIR)
    // The signed-in rep: the API session cookie is set the way Salesforce's frontdoor sets it.
    await browser.setCookie(...network.cookies.map((c) => ({ ...c, sameSite: "None" as const })))
  } catch (error) {
    await browser.close()
    server.close()
    throw error
  }
  return {
    browser,
    network,
    extensionOrigin: `moz-extension://${uuid}`,
    newPage: () => browser.newPage(),
    // puppeteer's page.url() stays about:blank for a tab the add-on opened: ask the page itself.
    panel: () => until("the panel tab Parley opens on install", async () => {
      for (const page of await browser.pages()) {
        if ((await page.evaluate(() => location.href).catch(() => "")).startsWith(`moz-extension://${uuid}/sidepanel.html`)) return page
      }
      return undefined
    }, 20_000),
    close: async () => {
      await browser.close().catch(() => undefined)
      await new Promise((r) => server.close(r))
    }
  }
}

/** Every row of one table of Parley's IndexedDB, read from the panel page Parley opened. */
export function readStore(panel: Page, table: string): Promise<Record<string, unknown>[]> {
  return panel.evaluate(readTableInPage, table)
}
