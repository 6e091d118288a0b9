import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { ContentMessage } from "./messages"
import { sendWithRetry } from "./send"

// The network edge of a content script: the worker's answers, in order.
const answers: (() => Promise<unknown>)[] = []
const sent: unknown[] = []
vi.mock("../platform/browser", () => ({
  sendRuntimeMessage: (message: unknown) => {
    sent.push(message)
    const next = answers.shift()
    return next ? next() : Promise.reject(new Error("Could not establish connection. Receiving end does not exist."))
  }
}))

const observation: ContentMessage = {
  type: "observe",
  focused: true,
  page: { crm: "salesforce", host: "acme.lightning.force.com", org: "acme", url: "https://acme.lightning.force.com/lightning/r/Account/001000000000001AAA/view", record: null }
}

async function settle<T>(promise: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync()
  return promise
}

beforeEach(() => {
  vi.useFakeTimers()
  answers.length = 0
  sent.length = 0
})
afterEach(() => vi.useRealTimers())

describe("sendWithRetry", () => {
  it("sends an observation again when no worker answered, until one stores it", async () => {
    answers.push(() => Promise.reject(new Error("Could not establish connection. Receiving end does not exist.")))
    answers.push(() => Promise.resolve({ ok: true, data: { recordKey: null } }))
    expect(await settle(sendWithRetry(observation))).toEqual({ ok: true, data: { recordKey: null } })
    expect(sent).toHaveLength(2)
  })

  it("sends again when the handler broke", async () => {
    answers.push(() => Promise.resolve({ ok: false, error: "DatabaseClosedError", code: "failed" }))
    answers.push(() => Promise.resolve({ ok: true }))
    expect(await settle(sendWithRetry(observation))).toEqual({ ok: true })
    expect(sent).toHaveLength(2)
  })

  it("gives up after three attempts with the last failure", async () => {
    const reply = await settle(sendWithRetry(observation))
    expect(reply).toMatchObject({ ok: false, code: "unavailable" })
    expect(sent).toHaveLength(3)
  })

  // Nothing follows the last attempt: its failure goes to the caller at once, not a back-off later.
  it("answers as soon as the last attempt fails", async () => {
    let settled = false
    const reply = sendWithRetry(observation).then((r) => ((settled = true), r))
    await vi.advanceTimersByTimeAsync(250 + 500)
    expect(settled).toBe(true)
    expect(await reply).toMatchObject({ ok: false, code: "unavailable" })
    expect(sent).toHaveLength(3)
  })

  // A retry a moment later, after the rep freed space, would store a record the rep has since
  // left and clear the "storage full" card the rep is reading.
  it.each([
    ["storage full", { ok: false, error: "The browser's storage for Parley is full", code: "storage-full" }],
    ["refused by the router", { ok: false, error: "rejected: message too large (400000 bytes)", code: "rejected" }],
    ["invalid", { ok: false, error: "not valid", code: "invalid" }]
  ])("takes the worker's answer '%s' as final and sends once", async (_name, answer) => {
    answers.push(() => Promise.resolve(answer), () => Promise.resolve({ ok: true }))
    expect(await settle(sendWithRetry(observation))).toEqual(answer)
    expect(sent).toHaveLength(1)
  })
})
