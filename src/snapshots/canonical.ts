/**
 * Canonical JSON and its SHA-256, the snapshot's content hash. Canonical means one byte sequence
 * per value: object keys sorted by UTF-16 code units, no whitespace, numbers and strings as
 * JSON.stringify writes them (ECMAScript's shortest round-trip form). That is RFC 8785 (JCS) for
 * the values snapshots hold, so another tool can recompute the hash without Parley.
 *
 * `undefined` object members are left out (JSON.stringify does the same); `undefined` in arrays,
 * NaN, ±Infinity, functions, symbols and bigints are refused rather than silently rewritten: a
 * hash over a value that does not round-trip through JSON would not verify after an export.
 */

export class CanonicalJsonError extends Error {
  override readonly name = "CanonicalJsonError"
}

/**
 * Design default: a snapshot nests about ten levels; a file nested thousands deep (a forged one)
 * is refused here instead of overflowing the stack.
 */
const MAX_DEPTH = 100

export function canonicalJson(value: unknown): string {
  return write(value, "$", 0)
}

function write(value: unknown, path: string, depth: number): string {
  if (value === null) return "null"
  if (depth > MAX_DEPTH) throw new CanonicalJsonError(`${path}: nested deeper than ${MAX_DEPTH} levels`)
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false"
    case "string":
      return JSON.stringify(value)
    case "number":
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path}: ${value} is not a JSON number`)
      return JSON.stringify(Object.is(value, -0) ? 0 : value)
    case "object": {
      if (Array.isArray(value)) {
        return `[${value
          .map((item, i) => {
            if (item === undefined) throw new CanonicalJsonError(`${path}[${i}]: undefined is not JSON`)
            return write(item, `${path}[${i}]`, depth + 1)
          })
          .join(",")}]`
      }
      const proto = Object.getPrototypeOf(value) as unknown
      if (proto !== Object.prototype && proto !== null) throw new CanonicalJsonError(`${path}: only plain objects are JSON`)
      const entries = Object.keys(value)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${write((value as Record<string, unknown>)[k], `${path}.${k}`, depth + 1)}`)
      return `{${entries.join(",")}}`
    }
    default:
      throw new CanonicalJsonError(`${path}: ${typeof value} is not JSON`)
  }
}

/** SHA-256 of the UTF-8 bytes of `text`, lower-case hex (crypto.subtle: extension pages, workers, Node 20). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")
}

/** The hash of a value's canonical JSON. */
export async function contentHash(value: unknown): Promise<string> {
  return sha256Hex(canonicalJson(value))
}
