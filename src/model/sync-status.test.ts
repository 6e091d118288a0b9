import { describe, expect, it } from "vitest"
import { mergeProgress, type SyncProgress } from "./sync-status"

describe("mergeProgress", () => {
  it("sums objects, with a total only once every object's total is known", () => {
    let p: SyncProgress | undefined
    p = mergeProgress(p, { object: "Task", done: 2000, total: 9000 })
    expect(p).toEqual({ done: 2000, total: 9000, objects: { Task: { done: 2000, total: 9000 } } })
    p = mergeProgress(p, { object: "phonecall", done: 500 })
    expect(p).toEqual({ done: 2500, objects: { Task: { done: 2000, total: 9000 }, phonecall: { done: 500 } } })
    p = mergeProgress(p, { object: "phonecall", done: 700, total: 700 })
    expect(p.total).toBe(9700)
  })

  it("never goes backwards and keeps a total it was told before", () => {
    let p = mergeProgress(undefined, { object: "Task", done: 4000, total: 9000 })
    p = mergeProgress(p, { object: "Task", done: 10 })
    expect(p.objects?.Task).toEqual({ done: 4000, total: 9000 })
    // A total below what was already read (rows added meanwhile) grows to the count.
    p = mergeProgress(p, { object: "Task", done: 9500, total: 9000 })
    expect(p.objects?.Task).toEqual({ done: 9500, total: 9500 })
    expect(mergeProgress(undefined, { object: "Event", done: Number.NaN, total: -3 })).toEqual({ done: 0, objects: { Event: { done: 0 } } })
  })
})
