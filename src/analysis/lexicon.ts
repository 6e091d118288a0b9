/**
 * Lexicon matching for parameters.ts LEXICONS, English and Persian.
 *
 * One pass per text over a character trie of every term in the requested groups, starting only
 * at word starts. Why not regular expressions: one alternation per group with a word-start
 * lookbehind cost ~2 µs per text per group (measured: 17 ms for 10k interactions and three
 * groups), most of the classify-10k budget for classifying 10k interactions; the trie pass costs a
 * fraction. It also finds every cue at a place where two match (a phrase and its first word).
 *
 * Text is folded on the fly, without building a normalised copy: Latin upper case, Arabic code
 * points that Persian text often carries instead of the Persian ones (ي/ى → ی, ك → ک, أ/إ → ا,
 * ة/ۀ → ه), Persian and Arabic-Indic digits, typographic apostrophes; the zero-width non-joiner
 * (هزینه‌ها) counts as a space, other zero-width marks, tatweel and diacritics are skipped.
 */
import { GENERAL, LEXICONS } from "./parameters"

type Lexicons = typeof LEXICONS
export type LexiconGroup = keyof Lexicons
/** The cues of one or more groups (distributes over a union of groups). */
export type CueOf<G extends LexiconGroup> = G extends LexiconGroup ? keyof Lexicons[G] & string : never
export type Cue = { [G in LexiconGroup]: CueOf<G> }[LexiconGroup]
/** The first matched text per cue found; absent cues are not keys. */
export type Hits<C extends string = Cue> = Partial<Record<C, string>>

/**
 * One bit per cue across all groups (criteria first, so `cues & CRITERIA_MASK` is the criteria
 * and price/quality/delivery/support are 1/2/4/8). Features store a bitmask per record: hot
 * loops then test a number instead of reading hits objects of many shapes (megamorphic loads).
 * 31 cues at most (lexicon.test.ts checks the bits stay distinct).
 */
export const CUE = Object.fromEntries(
  (Object.keys(LEXICONS) as LexiconGroup[]).flatMap((g) => Object.keys(LEXICONS[g])).map((cue, i) => [cue, 1 << i])
) as Readonly<Record<Cue, number>>
export const CRITERIA_MASK = CUE.price | CUE.quality | CUE.delivery | CUE.support

const SKIP = -1
const SPACE = 32

const FOLD = new Map<number, number>([
  [0x064a, 0x06cc], [0x0649, 0x06cc], // ي ى → ی
  [0x0643, 0x06a9], // ك → ک
  [0x0629, 0x0647], [0x06c0, 0x0647], // ة ۀ → ه
  [0x0623, 0x0627], [0x0625, 0x0627], [0x0671, 0x0627], // أ إ ٱ → ا (تأخیر → تاخیر)
  [0x0624, 0x0648], // ؤ → و
  [0x2019, 39], [0x2018, 39], // ’ ‘ → '
  [0x200c, SPACE], [0xa0, SPACE], // ZWNJ and no-break space separate words
  [0x200b, SKIP], [0x200d, SKIP], [0x200e, SKIP], [0x200f, SKIP], [0xfeff, SKIP], [0x0640, SKIP] // zero-width marks, tatweel
])

/** The folded code unit, SPACE for any space, or SKIP for a character that carries no letter. */
function fold(c: number): number {
  if (c < 128) {
    if (c >= 65 && c <= 90) return c + 32
    return c === 9 || c === 10 || c === 13 ? SPACE : c
  }
  if ((c >= 0x064b && c <= 0x065f) || c === 0x0670) return SKIP // Arabic diacritics
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0 + 48 // Persian digits
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660 + 48 // Arabic-Indic digits
  return FOLD.get(c) ?? c
}

/** Letters and digits (after folding); everything else separates words. */
function isWord(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
  if (c < 0xc0 || c === 0xd7 || c === 0xf7) return false
  if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f)) return false // punctuation, symbols
  if (c === 0x060c || c === 0x061b || c === 0x061f || (c >= 0x066a && c <= 0x066d) || c === 0x06d4) return false // Arabic punctuation
  return true
}

/** Folds a whole string the same way (for picklist lookups and terms). */
export function normalise(text: string | undefined | null): string {
  if (!text) return ""
  let out = ""
  let space = false
  for (let i = 0; i < text.length; i++) {
    const c = fold(text.charCodeAt(i))
    if (c === SKIP) continue
    if (c === SPACE) {
      space = out.length > 0
      continue
    }
    if (space) out += " "
    space = false
    out += String.fromCharCode(c)
  }
  return out
}

interface End {
  cue: string
  /** CUE[cue] */
  bit: number
  /** Open terms (`price*`) accept any ending; closed ones need a word end, English after an optional s/es. */
  open: boolean
  plural: boolean
}

/**
 * The trie of a set of lexicon groups, flattened into typed arrays: the scan's inner loop reads
 * contiguous memory instead of chasing node objects (measured ~2x faster on the walk). State 0 is
 * the root, and 0 as a target means "no transition" (nothing leads back to the root).
 */
interface Trie {
  /** ASCII transitions: `ascii[state * SLOTS + SLOT[code]]`. */
  ascii: Int32Array
  /** Other transitions (Persian): key `state * 65536 + code`. */
  other: Map<number, number>
  /** The terms that end at each state, or null; `hasEnds` flags those states for the hot loop. */
  ends: Array<End[] | null>
  hasEnds: Uint8Array
}

/** Slot of an ASCII code in a state's row, or −1: a-z → 0-25, 0-9 → 26-35, space ' - → 36-38. */
const SLOT = new Int8Array(128).fill(-1)
for (let c = 97; c <= 122; c++) SLOT[c] = c - 97
for (let c = 48; c <= 57; c++) SLOT[c] = 26 + c - 48
SLOT[32] = 36
SLOT[39] = 37
SLOT[45] = 38
const SLOTS = 39

/** Folded ASCII: lower case, and every ASCII space as a plain space. */
const LOWER = new Int32Array(128)
/** ASCII word characters (after folding), as a table: the scan's innermost test. */
const WORD = new Uint8Array(128)
/** The trie slot of a raw ASCII letter or digit: folding and slotting in one lookup. */
const RAW_SLOT = new Int8Array(128)
for (let c = 0; c < 128; c++) {
  LOWER[c] = fold(c)
  WORD[c] = isWord(LOWER[c]!) ? 1 : 0
  RAW_SLOT[c] = SLOT[LOWER[c]!]!
}

function step(trie: Trie, state: number, c: number): number {
  if (c < 128) {
    const slot = SLOT[c]!
    return slot < 0 ? 0 : trie.ascii[state * SLOTS + slot]!
  }
  return trie.other.get(state * 65536 + c) ?? 0
}

/** Spelling variants a term matches: Persian spaces may be absent, English hyphens may be a space or absent. */
function variants(term: string, persian: boolean): string[] {
  let out = [""]
  for (const ch of term) {
    if (ch === " " && persian) out = out.flatMap((v) => [v + " ", v])
    else if (ch === "-" && !persian) out = out.flatMap((v) => [v + "-", v + " ", v])
    else out = out.map((v) => v + ch)
  }
  return out
}

function buildTrie(groups: readonly LexiconGroup[]): Trie {
  // Built as growable rows first, then packed.
  const rows: Int32Array[] = [new Int32Array(SLOTS)]
  const other = new Map<number, number>()
  const ends: Array<End[] | null> = [null]
  const insert = (text: string, end: End) => {
    let state = 0
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      let next: number
      if (c < 128) {
        const slot = SLOT[c]!
        if (slot < 0) throw new Error(`lexicon term ${JSON.stringify(text)} has an unsupported character`)
        next = rows[state]![slot]!
        if (next === 0) {
          next = rows.length
          rows.push(new Int32Array(SLOTS))
          ends.push(null)
          rows[state]![slot] = next
        }
      } else {
        next = other.get(state * 65536 + c) ?? 0
        if (next === 0) {
          next = rows.length
          rows.push(new Int32Array(SLOTS))
          ends.push(null)
          other.set(state * 65536 + c, next)
        }
      }
      state = next
    }
    const list = (ends[state] ??= [])
    if (!list.some((e) => e.cue === end.cue && e.open === end.open)) list.push(end)
  }
  for (const group of groups) {
    const lexicon = LEXICONS[group] as Readonly<Record<string, readonly string[]>>
    for (const [cue, terms] of Object.entries(lexicon)) {
      for (const term of terms) {
        const open = term.endsWith("*")
        const body = normalise(open ? term.slice(0, -1) : term)
        const persian = PERSIAN.test(body)
        for (const v of variants(body, persian)) insert(v, { cue, bit: CUE[cue as Cue], open, plural: !open && !persian })
      }
    }
  }
  const ascii = new Int32Array(rows.length * SLOTS)
  rows.forEach((row, state) => ascii.set(row, state * SLOTS))
  const hasEnds = new Uint8Array(rows.length)
  ends.forEach((list, state) => (hasEnds[state] = list ? 1 : 0))
  return { ascii, other, ends, hasEnds }
}

const PERSIAN = /[\u0600-\u06FF]/
const tries = new Map<string, Trie>()
/** Callers pass module constants, so the lookup by array identity almost always hits. */
const triesByArray = new WeakMap<readonly LexiconGroup[], Trie>()

function trieFor(groups: readonly LexiconGroup[]): Trie {
  const cached = triesByArray.get(groups)
  if (cached) return cached
  const id = groups.join("+")
  let trie = tries.get(id)
  if (!trie) {
    trie = buildTrie(groups)
    tries.set(id, trie)
  }
  triesByArray.set(groups, trie)
  return trie
}

/** The folded code of text[k], or SKIP. */
function codeAt(text: string, k: number): number {
  const c = text.charCodeAt(k)
  return c < 128 ? LOWER[c]! : fold(c)
}

/** Whether a closed term ending before k ends a word there (after an optional English plural s/es). */
function wordEndsAt(text: string, k: number, n: number, plural: boolean): boolean {
  let c = SKIP
  while (k < n && (c = codeAt(text, k)) === SKIP) k++
  if (k >= n || !isWord(c)) return true
  if (!plural) return false
  let m = k + 1
  let d = SKIP
  while (m < n && (d = codeAt(text, m)) === SKIP) m++
  if (c === 115) return m >= n || !isWord(d) // s
  if (c !== 101 || d !== 115) return false // es
  m++
  while (m < n && (d = codeAt(text, m)) === SKIP) m++
  return m >= n || !isWord(d)
}

/**
 * Scans one text: returns `mask` with the bits of the cues found added and, when `hits` is given,
 * records the first matched text per cue in it. Classification asks for the mask only (no
 * allocation per record); the matched words are looked up again for the few records kept as
 * evidence.
 */
function scanInto(trie: Trie, text: string, mask: number, hits: Record<string, string> | null): number {
  const n = text.length < GENERAL.maxScanChars ? text.length : GENERAL.maxScanChars
  const ascii = trie.ascii
  const hasEnds = trie.hasEnds
  let previousWord = false
  for (let i = 0; i < n; i++) {
    // Only a word start begins a walk; ASCII (the common case) is classified by table.
    const raw = text.charCodeAt(i)
    let state: number
    let last: number
    if (raw < 128) {
      const word = WORD[raw] === 1
      const start = word && !previousWord
      previousWord = word
      if (!start) continue
      state = ascii[RAW_SLOT[raw]!]!
      last = LOWER[raw]!
    } else {
      const c = fold(raw)
      if (c === SKIP) continue
      const word = isWord(c)
      const start = word && !previousWord
      previousWord = word
      if (!start) continue
      state = step(trie, 0, c)
      last = c
    }
    // Walk the trie from this word start as far as the text follows it.
    let k = i + 1
    while (state !== 0) {
      if (hasEnds[state] === 1) {
        for (const e of trie.ends[state]!) {
          if ((mask & e.bit) !== 0) continue
          if (e.open || wordEndsAt(text, k, n, e.plural)) {
            mask |= e.bit
            if (hits !== null) hits[e.cue] = text.slice(i, k)
          }
        }
      }
      if (k >= n) break
      const r = text.charCodeAt(k++)
      if (r < 128 && WORD[r] === 1) {
        state = ascii[state * SLOTS + RAW_SLOT[r]!]!
        last = LOWER[r]!
        continue
      }
      // Anything else is folded; a run of spaces in the text is one space in a term.
      let d = r < 128 ? LOWER[r]! : fold(r)
      while (d === SKIP || (d === SPACE && last === SPACE)) {
        if (k >= n) {
          d = SKIP
          break
        }
        const q = text.charCodeAt(k++)
        d = q < 128 ? LOWER[q]! : fold(q)
      }
      if (d === SKIP) break
      last = d
      if (d < 128) {
        const slot = SLOT[d]!
        state = slot < 0 ? 0 : ascii[state * SLOTS + slot]!
      } else {
        state = trie.other.get(state * 65536 + d) ?? 0
      }
    }
  }
  return mask
}

/**
 * The cues of the given groups found in the texts (a record's subject, body, ...), as CUE bits.
 * Each text is read on its own, up to `GENERAL.maxScanChars` characters (see parameters.ts):
 * callers pass fields separately rather than joined, because a joined string is a V8
 * cons-string and reading it character by character is slower.
 */
export function scanMask(groups: readonly LexiconGroup[], a: Text, b?: Text, c?: Text): number {
  const trie = trieFor(groups)
  let mask = 0
  if (a) mask = scanInto(trie, a, mask, null)
  if (b) mask = scanInto(trie, b, mask, null)
  if (c) mask = scanInto(trie, c, mask, null)
  return mask
}

/** Like scanMask, with the first matched text per cue; null when nothing matched. */
export function scan<G extends LexiconGroup>(groups: readonly G[], a: Text, b?: Text, c?: Text): Hits<CueOf<G>> | null {
  const trie = trieFor(groups)
  const hits: Record<string, string> = {}
  let mask = 0
  if (a) mask = scanInto(trie, a, mask, hits)
  if (b) mask = scanInto(trie, b, mask, hits)
  if (c) mask = scanInto(trie, c, mask, hits)
  return mask === 0 ? null : (hits as Hits<CueOf<G>>)
}

type Text = string | undefined | null

const LEAD_SOURCE = ["leadSource"] as const

/** Which side a lead-source value points to, or null for neutral/unknown values. */
export function leadSourceSide(value: string | undefined): "customer" | "supplier" | null {
  const mask = scanMask(LEAD_SOURCE, value)
  const customer = (mask & CUE.customerLead) !== 0
  const supplier = (mask & CUE.supplierLead) !== 0
  // A value naming both ("Inbound call from event") is ambiguous: neither side.
  return customer === supplier ? null : customer ? "customer" : "supplier"
}
