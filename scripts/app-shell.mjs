// The side panel's app shell: static markup in sidepanel.html, styled inline, that the browser paints at once,
// and a tiny boot script that loads the panel bundle one frame later, so parsing ~0.5 MB of
// JavaScript never delays the first paint. React replaces the shell on its first render. The
// shell is language-neutral on purpose: the rep's language is known only once settings are read.
import { readFileSync, writeFileSync } from "node:fs"

const SHELL =
  '<main class="panel app-shell" aria-busy="true">' +
  '<p class="eyebrow">Parley</p>' +
  '<div class="skeleton skeleton-title"></div>' +
  '<div class="skeleton skeleton-status"></div>' +
  '<div class="skeleton skeleton-card"></div>' +
  '<div class="skeleton skeleton-card"></div>' +
  "</main>"

const BOOT = "panel-boot.js"

export function injectAppShell(dir) {
  const file = `${dir}/sidepanel.html`
  const html = readFileSync(file, "utf8")
  const mount = '<div id="__plasmo"></div>'
  const script = /<script src="(\/sidepanel\.[0-9a-f]+\.js)" type="module"><\/script>/.exec(html)
  if (!html.includes(mount) || !script) throw new Error(`build: ${file} is not shaped as expected for the app shell`)
  // rAF runs before the frame is painted; the timeout after it runs once the shell is on screen.
  // Plasmo's generated mount code waits for DOMContentLoaded, which has passed by then: the boot
  // script announces it again once the bundle ran (the mount code guards against a second run).
  writeFileSync(
    `${dir}/${BOOT}`,
    `requestAnimationFrame(()=>setTimeout(()=>{const s=document.createElement("script");s.type="module";s.src=${JSON.stringify(script[1])};s.onload=()=>document.dispatchEvent(new Event("DOMContentLoaded"));document.body.append(s)},0))\n`
  )
  // The stylesheet goes inline: a linked one blocks the first paint until it is fetched and parsed
  // (measured: first paint 1.46× a blank extension page linked, 1.09× inline, 1.00× without any
  // CSS). The default MV3 CSP restricts scripts, not styles. The file stays: Parcel's bundle map
  // names it.
  const link = /<link rel="stylesheet" href="\/(sidepanel\.[0-9a-f]+\.css)">/.exec(html)
  if (!link) throw new Error(`build: ${file} links no stylesheet to inline`)
  const css = readFileSync(`${dir}/${link[1]}`, "utf8")
  if (/<\/style/i.test(css)) throw new Error(`build: ${link[1]} cannot be inlined (it holds </style)`)
  writeFileSync(
    file,
    html
      // At the end of the head: a 12 KB style first would push <meta charset> past the first
      // 1024 bytes, where the parser looks for it.
      .replace(link[0], "")
      .replace("</head>", () => `<style>${css}</style></head>`)
      .replace(mount, `<div id="__plasmo">${SHELL}</div>`)
      .replace(script[0], `<script src="/${BOOT}"></script>`)
  )
}
