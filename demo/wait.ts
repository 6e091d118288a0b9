/**
 * Polling for the browser harnesses (Playwright and puppeteer alike), where expect.poll cannot
 * run (beforeAll, the demo scripts) or a value must come back from the wait.
 */

/** Polls `check` until it returns something other than undefined, null or false, and returns it;
 * throws after `timeoutMs`, naming `what` and the last error the check threw. */
export async function until<T>(what: string, check: () => Promise<T | undefined | false | null>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await check()
      if (value !== undefined && value !== false && value !== null) return value as T
    } catch (error) {
      last = error
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`)
    await new Promise((r) => setTimeout(r, 150))
  }
}
