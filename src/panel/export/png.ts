/**
 * A PNG of the panel exactly as the rep sees it — language, direction, theme, open sections,
 * charts — without any new permission (`tabs.captureVisibleTab` would need one and only sees the
 * visible part). The panel's DOM is cloned into an SVG `<foreignObject>` with the page's style
 * sheets and resolved theme variables inlined, serialised with XMLSerializer (never innerHTML),
 * loaded as an image and drawn on a canvas. Chart canvases, which a clone leaves empty, are
 * replaced by images of their pixels; form fields keep their current values.
 *
 * The result is checked before it is offered: reading the pixels throws if the canvas were
 * tainted, and an image of (nearly) one colour means the browser drew nothing.
 */
import { canvasBlob } from "./download"

const SVG = "http://www.w3.org/2000/svg"
const XHTML = "http://www.w3.org/1999/xhtml"
/** Chrome's canvas size limit is far higher; past this the PNG is useless anyway. */
const MAX_HEIGHT = 16_000

export class CaptureError extends Error {
  override readonly name = "CaptureError"
}

/** Every rule of the page's style sheets (all are the extension's own, so readable). */
function styleText(): string {
  const parts: string[] = []
  for (const sheet of [...document.styleSheets]) {
    try {
      for (const rule of [...sheet.cssRules]) parts.push(rule.cssText)
    } catch {
      // A sheet from another origin cannot be read (none is expected in an extension page).
    }
  }
  return parts.join("\n")
}

/** The theme as resolved now: custom properties and the root font, applied on the wrapper. */
function rootStyle(): string {
  const css = getComputedStyle(document.documentElement)
  const vars: string[] = []
  for (let i = 0; i < css.length; i++) {
    const name = css.item(i)
    if (name.startsWith("--")) vars.push(`${name}:${css.getPropertyValue(name)}`)
  }
  const body = getComputedStyle(document.body)
  return [...vars, `font:${css.font}`, `color:${body.color || css.color}`, `background:${body.backgroundColor}`, `color-scheme:${css.colorScheme}`].join(";")
}

/** The clone as the original looks now: canvases as images, live form values as attributes. */
function cloneAsSeen(root: HTMLElement): HTMLElement {
  const clone = root.cloneNode(true) as HTMLElement
  const sources = [...root.querySelectorAll("canvas")]
  ;[...clone.querySelectorAll("canvas")].forEach((copy, i) => {
    const source = sources[i]
    if (!source) return
    const img = document.createElement("img")
    const box = source.getBoundingClientRect()
    try {
      img.src = source.toDataURL("image/png")
    } catch {
      return // a tainted canvas cannot be copied; its space stays empty
    }
    img.width = Math.round(box.width)
    img.height = Math.round(box.height)
    img.setAttribute("style", `width:${box.width}px;height:${box.height}px;display:block`)
    copy.replaceWith(img)
  })
  const inputs = [...root.querySelectorAll("input, textarea, select")] as (HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement)[]
  ;[...clone.querySelectorAll("input, textarea, select")].forEach((copy, i) => {
    const source = inputs[i]
    if (!source) return
    if (source instanceof HTMLInputElement && (source.type === "checkbox" || source.type === "radio")) {
      if (source.checked) copy.setAttribute("checked", "")
      else copy.removeAttribute("checked")
    } else if (source instanceof HTMLSelectElement) {
      ;[...(copy as HTMLSelectElement).options].forEach((o, k) => (k === source.selectedIndex ? o.setAttribute("selected", "") : o.removeAttribute("selected")))
    } else if (source instanceof HTMLTextAreaElement) copy.textContent = source.value
    else if (source.type !== "file") copy.setAttribute("value", source.value)
  })
  // Parley's own pop-ups (the export menu while it is open) are not part of the briefing.
  clone.querySelectorAll("[data-export-ignore]").forEach((el) => el.remove())
  return clone
}

export function panelSvg(root: HTMLElement): { svg: string; width: number; height: number } {
  const width = Math.ceil(root.scrollWidth || root.getBoundingClientRect().width)
  const height = Math.min(MAX_HEIGHT, Math.ceil(root.scrollHeight || root.getBoundingClientRect().height))
  const svg = document.createElementNS(SVG, "svg")
  svg.setAttribute("width", String(width))
  svg.setAttribute("height", String(height))
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`)
  const html = document.documentElement
  for (const attr of ["data-theme", "lang", "dir"]) {
    const value = html.getAttribute(attr)
    if (value) svg.setAttribute(attr, value)
  }
  const object = document.createElementNS(SVG, "foreignObject")
  object.setAttribute("x", "0")
  object.setAttribute("y", "0")
  object.setAttribute("width", "100%")
  object.setAttribute("height", "100%")
  const wrapper = document.createElementNS(XHTML, "div")
  wrapper.setAttribute("style", `${rootStyle()};width:${width}px;min-height:${height}px;margin:0`)
  const style = document.createElementNS(XHTML, "style")
  style.textContent = styleText()
  const clone = cloneAsSeen(root)
  clone.style.margin = "0"
  wrapper.append(style, clone)
  object.append(wrapper)
  svg.append(object)
  return { svg: new XMLSerializer().serializeToString(svg), width, height }
}

/** Fails unless the canvas is readable (not tainted) and shows more than one flat colour. */
export function assertDrawn(canvas: HTMLCanvasElement): void {
  const ctx = canvas.getContext("2d")!
  let data: Uint8ClampedArray
  try {
    data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
  } catch (error) {
    throw new CaptureError(`the browser would not let Parley read the image (${error instanceof Error ? error.name : "tainted canvas"})`)
  }
  const colours = new Set<number>()
  const step = Math.max(4, Math.floor(data.length / 4 / 20_000) * 4)
  for (let i = 0; i < data.length && colours.size < 16; i += step) colours.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4))
  if (colours.size < 3) throw new CaptureError("the image came out blank")
}

export async function capturePanel(root: HTMLElement, scale = Math.min(2, window.devicePixelRatio || 1)): Promise<Blob> {
  const { svg, width, height } = panelSvg(root)
  const image = new Image()
  image.decoding = "sync"
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  try {
    await image.decode()
  } catch {
    throw new CaptureError("the browser could not draw the panel")
  }
  const canvas = document.createElement("canvas")
  canvas.width = Math.round(width * scale)
  canvas.height = Math.round(height * scale)
  const ctx = canvas.getContext("2d")!
  ctx.fillStyle = getComputedStyle(document.body).backgroundColor || "#ffffff"
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.scale(scale, scale)
  ctx.drawImage(image, 0, 0, width, height)
  assertDrawn(canvas)
  return canvasBlob(canvas, "image/png")
}
