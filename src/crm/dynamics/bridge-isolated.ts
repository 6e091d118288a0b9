/**
 * The isolated-world half of the Xrm bridge (runs in Parley's Dynamics content script at
 * document_start). It creates a MessageChannel and, once the MAIN-world script has announced
 * itself before any page script could (bridge-protocol.ts), hands it one port in a single
 * handshake; from then on it listens only on its own port, validating every message (shape +
 * nonce) and checking it speaks of the record the URL shows before passing it on. It never posts
 * anything to the MAIN side after the handshake, so there is nothing the page could answer or call.
 */
import { HANDSHAKE, ISOLATED_READY, MAIN_READY, newNonce, parseBridgeMessage, type BridgeMessage } from "./bridge-protocol"

/** The record the page's URL shows (parseDynamicsUrl), the only one bridge values may describe. */
export interface UrlRecord {
  objectType: string
  id: string
}

export interface IsolatedBridgeOptions {
  /** Receives each validated message (values, change, save) about the URL's record. */
  onMessage(message: BridgeMessage): void
  /** The URL's record now; messages about any other record (or none) are dropped. */
  urlRecord(): UrlRecord | null
  win?: Window
  createChannel?: () => MessageChannel
  nonce?: string
  /** True while no page script can have run yet (default: the document has no element yet). */
  beforePageScripts?: () => boolean
}

export interface IsolatedBridge {
  /** True once the handshake went out (the MAIN script announced itself in time). */
  readonly connected: boolean
  /** Messages dropped by validation (malformed, wrong nonce). */
  readonly dropped: number
  /** Messages dropped because they describe another record than the URL's. */
  readonly mismatched: number
  stop(): void
}

/**
 * Whether a bridge message is about the record the URL shows. Lookups in it (a quote's
 * `customerid`, an opportunity's `parentaccountid`) choose the account Parley syncs, so they
 * count only for the URL's own record: a value the page reports for another record, or for a
 * record of another table with the same id, never chooses an account.
 */
export function agreesWithUrl(message: BridgeMessage, url: UrlRecord | null): boolean {
  return !!url && message.entityName === url.objectType.toLowerCase() && message.entityId === url.id.toLowerCase()
}

export function startDynamicsBridgeIsolated(options: IsolatedBridgeOptions): IsolatedBridge {
  const win = options.win ?? window
  const origin = win.location.origin
  const nonce = options.nonce ?? newNonce()
  const channel = (options.createChannel ?? (() => new MessageChannel()))()
  const beforePageScripts = options.beforePageScripts ?? (() => !win.document.documentElement?.firstElementChild)
  let handshakeSent = false
  let dropped = 0
  let mismatched = 0

  const onPortMessage = (event: MessageEvent) => {
    const message = parseBridgeMessage(event.data, nonce)
    if (!message) {
      dropped++
      return
    }
    if (!agreesWithUrl(message, options.urlRecord())) {
      mismatched++
      console.debug("Parley bridge: dropped values about a record the URL does not show", message.entityName, message.entityId)
      return
    }
    try {
      options.onMessage(message)
    } catch {
      // The consumer's failure must not stop the bridge.
    }
  }
  channel.port1.addEventListener("message", onPortMessage as EventListener)
  channel.port1.start()

  const onMainReady = () => {
    win.removeEventListener(MAIN_READY, onMainReady)
    // Once the parser has inserted an element, a page script may be the one announcing.
    if (handshakeSent || !beforePageScripts()) return
    handshakeSent = true
    // The one handshake: the nonce and the port travel together, to this origin only, queued
    // before anything a page script can post.
    win.postMessage({ type: HANDSHAKE, nonce }, origin, [channel.port2])
  }
  win.addEventListener(MAIN_READY, onMainReady)
  // If the MAIN script started first, its announcement is gone: ask it, synchronously, again.
  win.dispatchEvent(new Event(ISOLATED_READY))

  return {
    get connected() {
      return handshakeSent
    },
    get dropped() {
      return dropped
    },
    get mismatched() {
      return mismatched
    },
    stop() {
      win.removeEventListener(MAIN_READY, onMainReady)
      channel.port1.removeEventListener("message", onPortMessage as EventListener)
      channel.port1.close()
      if (!handshakeSent) channel.port2.close()
    }
  }
}
