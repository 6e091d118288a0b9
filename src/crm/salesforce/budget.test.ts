import { describe, expect, it } from "vitest"
import { openDatabase } from "../../model/db"
import { parseLimitInfo } from "./api"
import { callsToday, Semaphore, takeCall } from "./budget"

describe("Semaphore", () => {
  it("never runs more than its limit at once", async () => {
    const semaphore = new Semaphore(2)
    let active = 0
    let peak = 0
    await Promise.all(
      Array.from({ length: 8 }, () =>
        semaphore.run(async () => {
          peak = Math.max(peak, ++active)
          await new Promise((r) => setTimeout(r, 2))
          active--
        })
      )
    )
    expect(peak).toBe(2)
  })
  it("frees its slot when a task throws", async () => {
    const semaphore = new Semaphore(1)
    await expect(semaphore.run(async () => Promise.reject(new Error("x")))).rejects.toThrow("x")
    await expect(semaphore.run(async () => 1)).resolves.toBe(1)
  })
})

describe("daily call budget", () => {
  it("counts calls per UTC day in meta, atomically", async () => {
    const db = openDatabase("sf-budget-test")
    const day = Date.UTC(2026, 10, 20, 12)
    const taken = await Promise.all(Array.from({ length: 5 }, () => takeCall(db, day, 3)))
    expect(taken.filter(Boolean)).toHaveLength(3)
    expect(await callsToday(db, day)).toBe(3)
    expect(await takeCall(db, day + 86_400_000, 3)).toBe(true)
    expect(await callsToday(db, day + 86_400_000)).toBe(1)
  })
})

describe("parseLimitInfo", () => {
  it("reads api-usage", () => {
    expect(parseLimitInfo("api-usage=10018/100000")).toEqual({ used: 10018, max: 100000 })
    expect(parseLimitInfo("api-usage=3/15000; api-bursts=1/750")).toEqual({ used: 3, max: 15000 })
    expect(parseLimitInfo(null)).toBeUndefined()
  })
})
