/**
 * A hostile Dynamics page's first script (tests/e2e/dynamics-hostile-page.e2e.ts and the Firefox
 * e2e): it patches every prototype the Xrm bridge could touch to record what passes, races Parley
 * with its own ready signals and handshake, and keeps posting forged form values naming another
 * customer through every port and nonce it found. `window.__hostile` holds what it collected.
 */

/** Runs in the page before anything else of it; `forgedCustomer` is the account it tries to get synced. */
export function hostilePageScript(forgedCustomer: string, quoteId: string) {
  const own = { nonce: "f".repeat(32), ports: [] as MessagePort[] }
  const state = { strings: [] as string[], portPostsByOthers: 0, handshakesHeard: 0, foreignPorts: [] as MessagePort[], forgedPosts: 0 }
  ;(window as unknown as { __hostile: typeof state }).__hostile = state
  const stringify = JSON.stringify.bind(JSON)
  let quiet = false // while it forges, its own calls are not recorded
  const record = (v: unknown) => {
    if (quiet) return
    try {
      state.strings.push(typeof v === "string" ? v : String(stringify(v)))
    } catch {
      state.strings.push(String(v))
    }
  }
  const notOwn = (port: MessagePort) => !own.ports.includes(port) && !state.foreignPorts.includes(port)
  const keep = (ports: readonly MessagePort[] | null | undefined) => {
    for (const p of ports ?? []) if (notOwn(p)) state.foreignPorts.push(p)
  }

  const portPost = MessagePort.prototype.postMessage
  MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, ...rest: never[]) {
    if (!own.ports.includes(this)) {
      state.portPostsByOthers++
      keep([this])
    }
    record(message)
    return (portPost as (...a: unknown[]) => void).call(this, message, ...rest)
  } as typeof portPost
  const addListener = EventTarget.prototype.addEventListener
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: never[]) {
    record(`listener:${type}`)
    return (addListener as (...a: unknown[]) => void).call(this, type, ...rest)
  } as typeof addListener
  const dataOf = Object.getOwnPropertyDescriptor(MessageEvent.prototype, "data")!.get!
  // Its own forged handshake comes back with a new port object for its own channel's port2.
  const ownHandshake = (e: MessageEvent, ports: readonly MessagePort[]) => {
    const data = dataOf.call(e) as { nonce?: unknown } | null
    if (data?.nonce !== own.nonce) return false
    own.ports.push(...ports)
    return true
  }
  for (const key of ["data", "ports", "source", "origin"] as const) {
    const d = Object.getOwnPropertyDescriptor(MessageEvent.prototype, key)!
    Object.defineProperty(MessageEvent.prototype, key, {
      ...d,
      get(this: MessageEvent) {
        const v = d.get!.call(this)
        if (key === "data") record(v)
        if (key === "ports" && !ownHandshake(this, v as MessagePort[])) keep(v as MessagePort[])
        return v
      }
    })
  }
  // A bridge that still called these would leak the handshake to the listener below.
  Event.prototype.stopImmediatePropagation = function () {}
  Event.prototype.stopPropagation = function () {}
  const exec = RegExp.prototype.exec
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    record(s)
    return exec.call(this, s)
  }
  const winPost = window.postMessage.bind(window)
  window.postMessage = ((message: unknown, ...rest: never[]) => {
    record(message)
    return (winPost as (...a: unknown[]) => void)(message, ...rest)
  }) as typeof window.postMessage
  const parse = JSON.parse
  JSON.parse = (text: string) => (record(text), parse(text))
  JSON.stringify = ((v: unknown) => (record(v), stringify(v))) as typeof JSON.stringify
  const random = crypto.getRandomValues.bind(crypto)
  crypto.getRandomValues = (<T extends ArrayBufferView | null>(a: T): T => {
    const out = random(a as never) as T
    record(Array.from(out as unknown as Uint8Array))
    return out
  }) as typeof crypto.getRandomValues

  // Hears every window message, first among the page's listeners.
  addEventListener(
    "message",
    (e) => {
      const data = e.data as { type?: unknown } | null
      if (data && data.type === "parley-handshake") state.handshakesHeard++
      const ports = e.ports
      if (!ownHandshake(e, ports)) keep(ports)
    },
    true
  )

  // Race Parley: its own ready signals, and a handshake of its own before the genuine one is read.
  dispatchEvent(new Event("parley-main-ready"))
  dispatchEvent(new Event("parley-isolated-ready"))
  winPost({ type: "parley-main-ready" }, location.origin)
  winPost({ type: "parley-isolated-ready" }, location.origin)
  const channel = new MessageChannel()
  own.ports.push(channel.port1, channel.port2)
  channel.port1.onmessage = (e) => record(e.data)
  winPost({ type: "parley-handshake", nonce: own.nonce }, location.origin, [channel.port2])

  const attributes = {
    customerid: { type: "lookup", value: [{ id: forgedCustomer, name: "Forged Customer", entityType: "account" }] },
    totalamount: { type: "money", value: 1 }
  }
  const forged = (nonce: string) => [
    { nonce, type: "values", entityName: "quote", entityId: quoteId, attributes },
    { nonce, type: "save", entityName: "quote", entityId: quoteId, attributes },
    { nonce, type: "change", entityName: "quote", entityId: quoteId, name: "customerid", attribute: attributes.customerid }
  ]
  const forge = () => {
    quiet = true
    const nonces = new Set([own.nonce])
    for (const s of state.strings) for (const m of s.match(/[0-9a-f]{32}/g) ?? []) nonces.add(m)
    for (const nonce of nonces)
      for (const message of forged(nonce)) {
        for (const port of [...state.foreignPorts, channel.port1]) {
          ;(portPost as (m: unknown) => void).call(port, message)
          state.forgedPosts++
        }
        winPost(message, location.origin)
      }
    quiet = false
  }
  setInterval(forge, 150)
}


/** The script's source, to inline as the first thing in <head>. */
export function hostilePageSource(forgedCustomer: string, quoteId: string): string {
  return `(${hostilePageScript.toString()})(${JSON.stringify(forgedCustomer)}, ${JSON.stringify(quoteId)})`
}
