/**
 * A small PDF 1.4 writer: pages with content streams, the two standard Helvetica fonts
 * (WinAnsiEncoding, not embedded: every reader has them), and image XObjects (JPEG as
 * DCTDecode, or zlib-compressed RGB as FlateDecode). It writes a classic cross-reference table
 * with exact byte offsets, so the file opens in every viewer without repair. No dependency:
 * the layout (layout.ts) decides what goes on a page; this only serialises it.
 */

export interface PdfImage {
  width: number
  height: number
  /** DCTDecode: the bytes are a JPEG file. FlateDecode: zlib-compressed 8-bit RGB samples. */
  filter: "DCTDecode" | "FlateDecode"
  bytes: Uint8Array
}

export interface PdfPageSpec {
  width: number
  height: number
  /** Content stream operators; text strings inside are WinAnsi-escaped ASCII (winansi.ts pdfLiteral). */
  content: string
  /** Names (`Im0`…) of the images the content draws, each a key of `images`. */
  images: readonly string[]
}

export interface PdfDocumentSpec {
  pages: readonly PdfPageSpec[]
  images: ReadonlyMap<string, PdfImage>
  title: string
  /** Document date (epoch ms) for /CreationDate; passed in so output is reproducible. */
  createdAt: number
  producer?: string
}

/** Font resource names used by content streams. */
export const FONT_REGULAR = "F1"
export const FONT_BOLD = "F2"

class ByteSink {
  private chunks: Uint8Array[] = []
  length = 0
  ascii(text: string): void {
    const bytes = new Uint8Array(text.length)
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c > 0x7f) throw new Error("PDF writer: non-ASCII in structural text")
      bytes[i] = c
    }
    this.bytes(bytes)
  }
  bytes(bytes: Uint8Array): void {
    this.chunks.push(bytes)
    this.length += bytes.length
  }
  result(): Uint8Array {
    const out = new Uint8Array(this.length)
    let at = 0
    for (const chunk of this.chunks) {
      out.set(chunk, at)
      at += chunk.length
    }
    return out
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * A text string for the Info dictionary: UTF-16BE with a byte-order mark, as a hex string. A lone
 * surrogate (a CRM name cut mid-pair) is not UTF-16: it is written as U+FFFD.
 */
export function pdfTextString(text: string): string {
  const wellFormed = text.replace(LONE_SURROGATE, "\uFFFD")
  let hex = "FEFF"
  for (let i = 0; i < wellFormed.length; i++) hex += wellFormed.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase()
  return `<${hex}>`
}

function pdfDate(ms: number): string {
  const d = new Date(ms)
  const p = (n: number) => String(n).padStart(2, "0")
  return `(D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z)`
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2))

export function writePdf(doc: PdfDocumentSpec): Uint8Array {
  if (doc.pages.length === 0) throw new Error("PDF writer: a document needs at least one page")
  const sink = new ByteSink()
  const offsets: number[] = []
  // Object numbers: 1 catalog, 2 pages, 3 info, 4-5 fonts, then images, then page + content pairs.
  const imageNames = [...doc.images.keys()]
  const imageObject = new Map(imageNames.map((name, i) => [name, 6 + i]))
  const firstPage = 6 + imageNames.length
  const pageObject = (i: number) => firstPage + i * 2
  const total = firstPage + doc.pages.length * 2 - 1

  const begin = (n: number) => {
    offsets[n] = sink.length
    sink.ascii(`${n} 0 obj\n`)
  }
  const object = (n: number, body: string) => {
    begin(n)
    sink.ascii(`${body}\nendobj\n`)
  }
  const stream = (n: number, dict: string, data: Uint8Array) => {
    begin(n)
    sink.ascii(`<<${dict} /Length ${data.length}>>\nstream\n`)
    sink.bytes(data)
    sink.ascii("\nendstream\nendobj\n")
  }

  sink.ascii("%PDF-1.4\n")
  // A binary comment line: tells transfer tools the file is binary (PDF 32000-1 §7.5.2).
  sink.bytes(new Uint8Array([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]))
  object(1, "<</Type /Catalog /Pages 2 0 R>>")
  object(2, `<</Type /Pages /Kids [${doc.pages.map((_, i) => `${pageObject(i)} 0 R`).join(" ")}] /Count ${doc.pages.length}>>`)
  object(3, `<</Title ${pdfTextString(doc.title)} /Producer ${pdfTextString(doc.producer ?? "Parley")} /CreationDate ${pdfDate(doc.createdAt)}>>`)
  object(4, "<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>")
  object(5, "<</Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding>>")
  for (const name of imageNames) {
    const image = doc.images.get(name)!
    stream(
      imageObject.get(name)!,
      `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /${image.filter}`,
      image.bytes
    )
  }
  doc.pages.forEach((page, i) => {
    for (const name of page.images) if (!imageObject.has(name)) throw new Error(`PDF writer: page ${i + 1} draws unknown image ${name}`)
    const xobjects = page.images.length ? ` /XObject <<${[...new Set(page.images)].map((n) => `/${n} ${imageObject.get(n)} 0 R`).join(" ")}>>` : ""
    object(
      pageObject(i),
      `<</Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] /Resources <</Font <</${FONT_REGULAR} 4 0 R /${FONT_BOLD} 5 0 R>>${xobjects}>> /Contents ${pageObject(i) + 1} 0 R>>`
    )
    const content = new Uint8Array(page.content.length)
    for (let k = 0; k < page.content.length; k++) {
      const c = page.content.charCodeAt(k)
      if (c > 0x7f) throw new Error("PDF writer: content streams must be ASCII (escape text with pdfLiteral)")
      content[k] = c
    }
    stream(pageObject(i) + 1, "", content)
  })

  const xref = sink.length
  let table = `xref\n0 ${total + 1}\n0000000000 65535 f \n`
  for (let n = 1; n <= total; n++) table += `${String(offsets[n] ?? 0).padStart(10, "0")} 00000 n \n`
  sink.ascii(table)
  sink.ascii(`trailer\n<</Size ${total + 1} /Root 1 0 R /Info 3 0 R>>\nstartxref\n${xref}\n%%EOF\n`)
  return sink.result()
}
