// The inline pricing chip's bundle: src/chip/index.ts → <outDir>/pricing-chip.js, one minified
// ES module (no chunks, no source map, no remote code) that the main content scripts import lazily
// through chrome.runtime.getURL on the first focused CRM price field (src/chip/lazy.ts). Plasmo does
// not build it: every file under src/contents would become a manifest content script, and Plasmo's
// Parcel build has no "web-accessible module" entry. The manifest lists the file in
// web_accessible_resources for the CRM hosts only (package.json `manifest`); buildChip checks that.
import { readFileSync, statSync } from "node:fs"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"

export const CHIP_FILE = "pricing-chip.js"
const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)))

/** Builds the chip into `outDir` (a Plasmo build folder) and checks the manifest exposes it. */
export async function buildChip(outDir) {
  const outfile = join(outDir, CHIP_FILE)
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, "src/chip/index.ts")],
    outfile,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["chrome110", "edge110", "firefox128"],
    minify: true,
    treeShaking: true,
    sourcemap: false,
    legalComments: "none",
    charset: "utf8",
    alias: { "~": join(ROOT, "src") },
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
    metafile: true
  })
  if (result.errors.length > 0) throw new Error(`build-chip: ${result.errors.length} error(s)`)
  const bytes = statSync(outfile).size

  const manifestPath = join(outDir, "manifest.json")
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"))
  const war = (manifest.web_accessible_resources ?? []).filter((entry) => entry.resources?.includes(CHIP_FILE))
  if (war.length !== 1) throw new Error(`build-chip: ${manifestPath} must list ${CHIP_FILE} in exactly one web_accessible_resources entry`)
  const [entry] = war
  if (entry.use_dynamic_url !== true) throw new Error(`build-chip: ${CHIP_FILE} must be web-accessible with use_dynamic_url: true`)
  const broad = (entry.matches ?? []).filter((m) => m === "<all_urls>" || /^\*?:?\/\/\*\/|^https?:\/\/\*\//.test(m))
  if (!entry.matches?.length || broad.length > 0) throw new Error(`build-chip: ${CHIP_FILE} must be web-accessible on the CRM hosts only, not ${broad.join(", ") || "nowhere"}`)
  console.log(`build-chip: ${outfile} (${(bytes / 1024).toFixed(1)} KiB, web-accessible on ${entry.matches.length} CRM host patterns)`)
  return { outfile, bytes }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ?? "build/chrome-mv3-prod"
  buildChip(outDir).catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
