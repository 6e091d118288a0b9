import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// Unit tests: pure logic in node, DOM readers in happy-dom (per file), Dexie on fake-indexeddb.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./src/", import.meta.url)) } },
  test: {
    environment: "node",
    setupFiles: ["fake-indexeddb/auto"],
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "tests/unit/**/*.test.ts", "demo/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    // A few tests classify 10k-record histories or run property checks (1-3 s alone); on a
    // 2-core machine shared with browsers and builds, 5 s (the default) is not always enough.
    testTimeout: 20_000
  }
})
