/**
 * Real Chromium with the production build of Parley loaded: shared by `npm run demo`, the e2e
 * tests and the benchmarks. The system Chromium (Debian's `chromium`) is used; nothing downloads
 * a browser. `CHROME_PATH` overrides the executable.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { chromium, type BrowserContext, type Page, type Worker } from "playwright-core"

export const BUILD_DIR = resolve("build/chrome-mv3-prod")

export function chromePath(): string {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser"]
  const found = candidates.find((p): p is string => !!p && existsSync(p))
  if (!found) throw new Error("No Chromium found: install Debian's `chromium` or set CHROME_PATH")
  return found
}

export interface ExtensionBrowser {
  context: BrowserContext
  extensionId: string
  serviceWorker(): Promise<Worker>
  close(): Promise<void>
}

export interface LaunchOptions {
  headless?: boolean
  /** Launch without Parley (benchmark baselines). */
  withoutExtension?: boolean
  viewport?: { width: number; height: number }
  /** Further unpacked extensions to load beside Parley (benchmark baselines). */
  extraExtensions?: string[]
}

const extensionArgs = (dirs: string[]) => [`--disable-extensions-except=${dirs.join(",")}`, `--load-extension=${dirs.join(",")}`]

export async function launchBrowser(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!options.withoutExtension && !existsSync(join(BUILD_DIR, "manifest.json"))) {
    throw new Error(`${BUILD_DIR} is missing: run \`npm run build\` first`)
  }
  const userDataDir = mkdtempSync(join(tmpdir(), "parley-chromium-"))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 860 },
    args: [
      ...(options.withoutExtension ? [] : extensionArgs([BUILD_DIR, ...(options.extraExtensions ?? [])])),
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync"
    ]
  })
  const serviceWorker = async () => {
    const isParley = (url: string) => url.startsWith("chrome-extension://") && url.endsWith("/static/background/index.js")
    const existing = context.serviceWorkers().find((w) => isParley(w.url()))
    return existing ?? (await context.waitForEvent("serviceworker", { predicate: (w) => isParley(w.url()), timeout: 20_000 }))
  }
  // The id depends on the build folder's absolute path: read it from the worker's URL.
  const extensionId = options.withoutExtension ? "" : new URL((await serviceWorker()).url()).host
  return {
    context,
    extensionId,
    serviceWorker,
    close: async () => {
      await context.close()
      rmSync(userDataDir, { recursive: true, force: true })
    }
  }
}

/** Switches the panel's language in Settings and waits for the layout to follow. */
export async function setPanelLanguage(panel: Page, language: "en" | "fa"): Promise<void> {
  await panel.getByRole("tab", { name: /^(Settings|تنظیمات)$/ }).click()
  await panel.getByTestId("language-select").selectOption(language)
  await panel.locator(`main[dir=${language === "fa" ? "rtl" : "ltr"}]`).first().waitFor({ timeout: 10_000 })
}

/** The side panel as a page (what `chrome.sidePanel` shows, addressable by tests). */
export async function openPanel(browser: ExtensionBrowser, viewport = { width: 420, height: 900 }): Promise<Page> {
  const page = await browser.context.newPage()
  await page.setViewportSize(viewport)
  await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`)
  return page
}

/** Stops the service worker the way Chrome does when it idles (CDP Target.closeTarget). */
export async function stopServiceWorker(browser: ExtensionBrowser, anyPage: Page): Promise<number> {
  const cdp = await browser.context.newCDPSession(anyPage)
  const { targetInfos } = await cdp.send("Target.getTargets")
  const workers = targetInfos.filter((t) => t.type === "service_worker" && t.url.startsWith(`chrome-extension://${browser.extensionId}/`))
  for (const worker of workers) await cdp.send("Target.closeTarget", { targetId: worker.targetId })
  await cdp.detach()
  return workers.length
}

/** Runs inside an extension page (passed to page.evaluate by Playwright and puppeteer alike):
 * every row of one table of Parley's IndexedDB. Self-contained, as evaluate serialises it. */
export function readTableInPage(name: string): Promise<Record<string, unknown>[]> {
  return new Promise<Record<string, unknown>[]>((resolve, reject) => {
    const open = indexedDB.open("parley")
    open.onsuccess = () => {
      const req = open.result.transaction(name, "readonly").objectStore(name).getAll()
      req.onsuccess = () => {
        resolve(req.result as Record<string, unknown>[])
        open.result.close()
      }
      req.onerror = () => reject(req.error)
    }
    open.onerror = () => reject(open.error)
  })
}

/** Every row of one table of Parley's IndexedDB, read from an extension page (tests, benchmarks). */
export async function readStore(extensionPage: Page, table: string): Promise<Record<string, unknown>[]> {
  return extensionPage.evaluate(readTableInPage, table)
}
