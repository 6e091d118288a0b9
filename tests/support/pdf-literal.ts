/**
 * Reads a PDF literal string body back to its bytes (PDF 32000-1, 7.3.4.2), strictly: it throws
 * on anything a conforming writer of pure-ASCII literals would not produce (an unbalanced or
 * unescaped parenthesis, a byte outside printable ASCII, an unknown escape).
 */
export function parsePdfLiteral(body: string): number[] {
  const bytes: number[] = []
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i)
    if (c < 0x20 || c > 0x7e) throw new Error(`raw byte 0x${c.toString(16)} at ${i}`)
    if (c === 0x28 || c === 0x29) throw new Error(`unescaped parenthesis at ${i}`)
    if (c !== 0x5c) {
      bytes.push(c)
      continue
    }
    const next = body[++i]
    if (next === undefined) throw new Error("dangling backslash")
    const octal = /^[0-7]{1,3}/.exec(body.slice(i, i + 3))
    if (octal) {
      bytes.push(parseInt(octal[0], 8) & 0xff)
      i += octal[0].length - 1
    } else if ("()\\".includes(next)) bytes.push(next.charCodeAt(0))
    else throw new Error(`unexpected escape \\${next}`)
  }
  return bytes
}
