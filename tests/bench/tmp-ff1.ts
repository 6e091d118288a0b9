import { firefoxPageOverhead } from "./firefox-overhead"
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]! }
const src = (await import("node:fs")).readFileSync("/work/main/tests/bench/metrics.ts", "utf8")
const work = src.slice(src.indexOf("const LIGHTNING_WORK = `") + 24, src.indexOf("</script>`") + 9)
console.log(await firefoxPageOverhead(work, median, 1, 3))
