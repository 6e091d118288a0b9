// Draws assets/icon.png (512×512): two overlapping speech-circles on a blue tile, the Parley mark.
// Run once when the mark changes; the PNG is committed because Plasmo needs it in a clean checkout.
import { writeFileSync } from "node:fs"
import { deflateSync } from "node:zlib"

const size = 512
const pixels = Buffer.alloc(size * (size * 4 + 1))
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
for (let y = 0; y < size; y++) {
  const row = y * (size * 4 + 1)
  pixels[row] = 0
  for (let x = 0; x < size; x++) {
    const corner = 96
    const dx = Math.max(corner - x, x - (size - 1 - corner), 0)
    const dy = Math.max(corner - y, y - (size - 1 - corner), 0)
    const inside = dx * dx + dy * dy <= corner * corner
    let [r, g, b, a] = inside ? [11, 92, 171, 255] : [0, 0, 0, 0]
    if (inside && inCircle(x, y, 206, 236, 118)) [r, g, b] = [255, 255, 255]
    if (inside && inCircle(x, y, 318, 290, 118)) [r, g, b] = inCircle(x, y, 206, 236, 118) ? [170, 205, 240] : [255, 196, 61]
    pixels.set([r, g, b, a], row + 1 + x * 4)
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc = (buf) => {
  let c = 0xffffffff
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type), data])
  const sum = Buffer.alloc(4)
  sum.writeUInt32BE(crc(body))
  return Buffer.concat([len, body, sum])
}
const header = Buffer.alloc(13)
header.writeUInt32BE(size, 0)
header.writeUInt32BE(size, 4)
header.set([8, 6, 0, 0, 0], 8)
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", deflateSync(pixels)),
  chunk("IEND", Buffer.alloc(0))
])
writeFileSync(new URL("../assets/icon.png", import.meta.url), png)
console.log("assets/icon.png written")
