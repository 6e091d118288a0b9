// Turns Plasmo's firefox-mv3 manifest into one Firefox accepts as-is. Plasmo already writes
// `sidebar_action` for the panel and `background.scripts` (Firefox has no MV3 service worker).
// What remains is Firefox's own: an add-on id and minimum version, and dropping the Chrome-only
// keys that Firefox ignores with a warning (web-ext lint reports them).
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { tsImport } from "tsx/esm/api"

export async function toFirefoxManifest(dir) {
  const { FIREFOX } = await tsImport("../plasmo.config.ts", import.meta.url)
  const path = join(dir, "manifest.json")
  const manifest = JSON.parse(readFileSync(path, "utf8"))
  manifest.browser_specific_settings = {
    gecko: {
      id: FIREFOX.geckoId,
      strict_min_version: FIREFOX.minVersion,
      // Mozilla asks every new add-on to declare what it collects: nothing leaves the browser.
      data_collection_permissions: { required: ["none"] }
    }
  }
  // Chrome-only: other extensions' messaging (Firefox has no externally_connectable; with no
  // listener for external messages nothing can reach Parley there either).
  delete manifest.externally_connectable
  // Firefox gives every install its own moz-extension:// UUID already; use_dynamic_url is Chrome's
  // way to get the same unguessable URL.
  for (const entry of manifest.web_accessible_resources ?? []) delete entry.use_dynamic_url
  manifest.sidebar_action = { ...manifest.sidebar_action, default_title: manifest.action?.default_title, default_icon: manifest.icons }
  writeFileSync(path, JSON.stringify(manifest, null, 2))
  return manifest
}
