import { defineConfig } from "vitest/config"

// End-to-end in real Firefox (firefox-esr over WebDriver BiDi): the production Firefox build.
export default defineConfig({
  test: {
    environment: "node",
    include: ["tests/e2e-firefox/**/*.e2e.ts"],
    fileParallelism: false,
    retry: 1,
    testTimeout: 90_000,
    hookTimeout: 120_000
  }
})
