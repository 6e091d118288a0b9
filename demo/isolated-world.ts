/**
 * Runs code inside Parley's content-script world on a CRM page (through CDP), so tests can send
 * the exact messages a compromised or buggy content script could send.
 */
import type { BrowserContext, Page } from "playwright-core"

export async function evaluateInContentScript<T>(context: BrowserContext, page: Page, expression: string, extensionId: string): Promise<T> {
  const cdp = await context.newCDPSession(page)
  const contexts: { id: number; origin: string; name: string; auxData?: { type?: string } }[] = []
  cdp.on("Runtime.executionContextCreated", (event) => contexts.push(event.context))
  await cdp.send("Runtime.enable")
  const deadline = Date.now() + 10_000
  let target: (typeof contexts)[number] | undefined
  while (!(target = contexts.find((c) => c.auxData?.type === "isolated" && c.origin.includes(extensionId))) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
  }
  if (!target) throw new Error("Parley's content-script world was not found on this page")
  const result = await cdp.send("Runtime.evaluate", { expression, contextId: target.id, awaitPromise: true, returnByValue: true })
  await cdp.detach()
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text)
  return result.result.value as T
}
