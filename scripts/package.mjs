// Store-ready zips for Chrome, Edge and Firefox from production builds (source maps left out);
// the Firefox zip must also pass Mozilla's web-ext lint without errors.
// The zip is made here, after scripts/build.mjs has finished — Plasmo's own `--zip` runs before
// the lazily loaded chip bundle (pricing-chip.js, scripts/build-chip.mjs) is added to the folder —
// and is checked to contain the manifest, every file it names and the chip.
import { spawnSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { join, relative, resolve, sep } from "node:path"
import zlib from "node:zlib"
import { lintFirefox } from "./lint-firefox.mjs"

const CHIP_FILE = "pricing-chip.js"

function filesUnder(dir) {
  const out = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...filesUnder(path))
    else if (entry.isFile() && !entry.name.endsWith(".map")) out.push(path)
  }
  return out.sort()
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buf) {
  if (typeof zlib.crc32 === "function") return zlib.crc32(buf) >>> 0
  let c = 0xffffffff
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** A plain deflate zip of `dir` written with node:zlib (no zip64; extension folders are small). */
function zipWithNode(dir, zipPath) {
  const locals = []
  const centrals = []
  let offset = 0
  // 1980-01-01 00:00 (DOS epoch): reproducible zips.
  const dosTime = 0
  const dosDate = (0 << 9) | (1 << 5) | 1
  for (const file of filesUnder(dir)) {
    const name = Buffer.from(relative(dir, file).split(sep).join("/"), "utf8")
    const data = readFileSync(file)
    const deflated = zlib.deflateRawSync(data, { level: 9 })
    const stored = deflated.length >= data.length
    const body = stored ? data : deflated
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(stored ? 0 : 8, 8)
    local.writeUInt16LE(dosTime, 10)
    local.writeUInt16LE(dosDate, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(stored ? 0 : 8, 10)
    central.writeUInt16LE(dosTime, 12)
    central.writeUInt16LE(dosDate, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
  }
  const centralDir = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(centrals.length / 2, 8)
  end.writeUInt16LE(centrals.length / 2, 10)
  end.writeUInt32LE(centralDir.length, 12)
  end.writeUInt32LE(offset, 16)
  writeFileSync(zipPath, Buffer.concat([...locals, centralDir, end]))
}

function zipFolder(dir, zipPath) {
  rmSync(zipPath, { force: true })
  const hasZip = spawnSync("zip", ["-v"], { stdio: "ignore" }).status === 0
  if (hasZip) {
    const run = spawnSync("zip", ["-r", "-X", "-q", "-9", resolve(zipPath), ".", "-x", "*.map"], { cwd: dir, stdio: "inherit" })
    if (run.status !== 0) throw new Error(`package: zip failed for ${dir}`)
  } else {
    zipWithNode(dir, zipPath)
  }
}

/** Entry names from the zip's central directory. */
function zipEntries(zipPath) {
  const buf = readFileSync(zipPath)
  const endAt = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (endAt < 0) throw new Error(`package: ${zipPath} is not a zip`)
  const count = buf.readUInt16LE(endAt + 10)
  let at = buf.readUInt32LE(endAt + 16)
  const names = []
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`package: ${zipPath} has a broken central directory`)
    const nameLength = buf.readUInt16LE(at + 28)
    const extra = buf.readUInt16LE(at + 30)
    const comment = buf.readUInt16LE(at + 32)
    names.push(buf.toString("utf8", at + 46, at + 46 + nameLength))
    at += 46 + nameLength + extra + comment
  }
  return names
}

function checkZip(zipPath, dir) {
  const names = new Set(zipEntries(zipPath))
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"))
  const needed = [
    "manifest.json",
    CHIP_FILE,
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    ...(manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []),
    ...(manifest.web_accessible_resources ?? []).flatMap((w) => w.resources ?? []).filter((r) => !r.includes("*"))
  ].filter(Boolean)
  const missing = needed.filter((name) => !names.has(name.replace(/^\.\//, "")))
  if (missing.length > 0) throw new Error(`package: ${zipPath} lacks ${missing.join(", ")}`)
}

for (const target of ["chrome-mv3", "edge-mv3", "firefox-mv3"]) {
  const run = spawnSync("node", ["scripts/build.mjs", `--target=${target}`], { stdio: "inherit" })
  if (run.status !== 0) process.exit(run.status ?? 1)
  const dir = `build/${target}-prod`
  const zip = `build/${target}-prod.zip`
  try {
    zipFolder(dir, zip)
    if (!existsSync(zip)) throw new Error(`package: ${zip} was not produced`)
    checkZip(zip, dir)
    if (target.startsWith("firefox") && lintFirefox(dir) > 0) throw new Error(`package: web-ext lint found errors in ${dir}`)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
  console.log(`package: ${zip} (${(statSync(zip).size / 1024).toFixed(0)} KiB, includes ${CHIP_FILE})`)
}
