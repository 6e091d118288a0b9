import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// Unit tests: pure logic in node, DOM readers in happy-dom (per file), Dexie on fake-indexeddb.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./src/", import.meta.url)) } },
  test: {
    environment: "node",
    setupFiles: ["fake-indexeddb/auto"],
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "tests/unit/**/*.test.ts", "demo/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"]
  }
})
