/**
 * Cooperative time slicing for long work in the panel (the team CSV of 5,000 accounts): do work
 * for at most `budgetMs`, then yield to the event loop so input and rendering go on, and no task
 * comes near 50 ms (a "long task"). A MessageChannel yield is used because setTimeout(0) is
 * clamped to 4 ms after a few nested calls, which would make a long export needlessly slow.
 */

export type Yield = () => Promise<void>

export const yieldToEventLoop: Yield = () =>
  new Promise<void>((resolve) => {
    if (typeof MessageChannel === "function") {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        channel.port1.close()
        resolve()
      }
      channel.port2.postMessage(null)
    } else setTimeout(resolve, 0)
  })

export interface SliceOptions {
  /** Work per slice before yielding; well under the 50 ms long-task threshold. */
  budgetMs?: number
  yieldFn?: Yield
  now?: () => number
  signal?: AbortSignal
}

/** A clock that says when to yield: `due()` is true once the slice's budget is spent. */
export function slicer(options: SliceOptions = {}) {
  const budget = options.budgetMs ?? 8
  const now = options.now ?? (() => performance.now())
  const pause = options.yieldFn ?? yieldToEventLoop
  let start = now()
  return {
    due: () => now() - start >= budget,
    async pause() {
      await pause()
      if (options.signal?.aborted) throw new DOMException("Export cancelled", "AbortError")
      start = now()
    }
  }
}

/** Calls `fn` on every item, yielding whenever the slice budget is spent. */
export async function forEachSliced<T>(items: readonly T[], fn: (item: T, index: number) => void, options: SliceOptions = {}): Promise<void> {
  const slice = slicer(options)
  for (let i = 0; i < items.length; i++) {
    fn(items[i]!, i)
    if (slice.due()) await slice.pause()
  }
}
