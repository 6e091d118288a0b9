/**
 * The isolated-world half of the Xrm bridge (runs in Parley's Dynamics content script at
 * document_start). It creates a MessageChannel, hands one port to the MAIN-world script in a
 * single handshake, and from then on listens only on its own port, validating every message
 * (shape + nonce) before passing it on. It never posts anything to the MAIN side after the
 * handshake, so there is nothing the page could answer or call.
 */
import { HANDSHAKE, ISOLATED_READY, MAIN_READY, isSignal, newNonce, parseBridgeMessage, type BridgeMessage } from "./bridge-protocol"

export interface IsolatedBridgeOptions {
  /** Receives each validated message (context, values, change, save). */
  onMessage(message: BridgeMessage): void
  win?: Window
  createChannel?: () => MessageChannel
  nonce?: string
}

export interface IsolatedBridge {
  /** True once the handshake went out (the MAIN script announced itself). */
  readonly connected: boolean
  /** Messages dropped by validation (for diagnostics and tests). */
  readonly dropped: number
  stop(): void
}

export function startDynamicsBridgeIsolated(options: IsolatedBridgeOptions): IsolatedBridge {
  const win = options.win ?? window
  const origin = win.location.origin
  const nonce = options.nonce ?? newNonce()
  const channel = (options.createChannel ?? (() => new MessageChannel()))()
  let handshakeSent = false
  let dropped = 0

  const onPortMessage = (event: MessageEvent) => {
    const message = parseBridgeMessage(event.data, nonce)
    if (!message) {
      dropped++
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

  const onWindowMessage = (event: MessageEvent) => {
    if (handshakeSent || event.source !== win || event.origin !== origin || !isSignal(event.data, MAIN_READY)) return
    handshakeSent = true
    win.removeEventListener("message", onWindowMessage)
    // The one handshake: the nonce and the port travel together, to this origin only.
    win.postMessage({ type: HANDSHAKE, nonce }, origin, [channel.port2])
  }
  win.addEventListener("message", onWindowMessage)
  // If the MAIN script started first, its announcement is gone: ask it to announce again.
  win.postMessage({ type: ISOLATED_READY }, origin)

  return {
    get connected() {
      return handshakeSent
    },
    get dropped() {
      return dropped
    },
    stop() {
      win.removeEventListener("message", onWindowMessage)
      channel.port1.removeEventListener("message", onPortMessage as EventListener)
      channel.port1.close()
      if (!handshakeSent) channel.port2.close()
    }
  }
}
