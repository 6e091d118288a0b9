// The side panel's app shell: static markup in sidepanel.html that the browser paints at once,
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
  writeFileSync(file, html.replace(mount, `<div id="__plasmo">${SHELL}</div>`).replace(script[0], `<script src="/${BOOT}"></script>`))
}
