import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// End-to-end: the production build in real Chromium. One browser at a time on a 2-core machine.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./src/", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["tests/e2e/**/*.e2e.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000
  }
})
