import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

// End-to-end: the production build in real Chromium. One browser at a time on a 2-core machine.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./src/", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["tests/e2e/**/*.e2e.ts"],
    fileParallelism: false,
    // A real browser on a shared 2-core machine: one retry absorbs a stray GC pause or scheduler
    // hiccup; a real failure fails twice.
    retry: 1,
    testTimeout: 60_000,
    hookTimeout: 90_000
  }
})
