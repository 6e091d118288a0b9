import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { injectAppShell } from "../../scripts/app-shell.mjs"

/** sidepanel.html as Plasmo writes it, with its stylesheet. */
function built(css: string): string {
  const dir = mkdtempSync(join(tmpdir(), "parley-shell-"))
  writeFileSync(join(dir, "sidepanel.0a1b2c3d.css"), css)
  writeFileSync(
    join(dir, "sidepanel.html"),
    '<!DOCTYPE html><html><head><link rel="stylesheet" href="/sidepanel.0a1b2c3d.css"><title>Parley</title><meta charset="utf-8"></head>' +
      '<body> <div id="__plasmo"></div> <script src="/sidepanel.9f8e7d6c.js" type="module"></script> </body></html>'
  )
  return dir
}

describe("the side panel's app shell", () => {
  it("inlines the stylesheet after the charset, so the first paint waits for no file", () => {
    const dir = built(".panel{color:red}")
    injectAppShell(dir)
    const html = readFileSync(join(dir, "sidepanel.html"), "utf8")
    expect(html).not.toContain("<link")
    expect(html).toContain("<style>.panel{color:red}</style></head>")
    expect(html.indexOf('<meta charset="utf-8">')).toBeLessThan(html.indexOf("<style>"))
    expect(html).toContain('<main class="panel app-shell"')
    expect(html).toContain('<script src="/panel-boot.js"></script>')
    expect(readFileSync(join(dir, "panel-boot.js"), "utf8")).toContain('"/sidepanel.9f8e7d6c.js"')
  })

  it("refuses a stylesheet that would close the style element", () => {
    expect(() => injectAppShell(built("a{}</style><script>x()</script>"))).toThrow(/cannot be inlined/)
  })
})
