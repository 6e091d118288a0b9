/** Base64 and UTF-8 helpers that work the same in the panel, the service worker and Node. */

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ""
  // Chunked: String.fromCharCode(...bytes) overflows the argument limit for large files.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Throws on text that is not base64. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export const utf8ToBase64 = (text: string): string => bytesToBase64(new TextEncoder().encode(text))
export const base64ToUtf8 = (base64: string): string => new TextDecoder("utf-8", { fatal: true }).decode(base64ToBytes(base64))
