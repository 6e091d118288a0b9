/**
 * The lexicon matcher both engines read text with, and the Latin-script Persian ("Finglish") that
 * reps type in CRM notes.
 *
 * One pass per text over a character trie of every term in the requested groups, starting only
 * at word starts. Why not regular expressions: one alternation per group with a word-start
 * lookbehind cost ~2 µs per text per group (measured: 17 ms for 10k interactions and three
 * groups), most of the classify-10k budget for classifying 10k interactions; the trie pass costs a
 * fraction. It also finds every cue at a place where two match (a phrase and its first word).
 *
 * Text is folded on the fly by src/text/normalise.ts `fold`, without building a normalised copy.
 * Terms are written folded and with Persian half-spaces as spaces ("نمی توانیم"); a Persian
 * space in a term may be a space, a ZWNJ or nothing in the text. Terms ending in `*` are open
 * (any ending); closed English terms also accept a plural s/es.
 *
 * `read` makes the same pass with reading markers (negation, contrast, speaker, ...) in the trie
 * too, recording every cue and marker with its place, clause and quotation state; the clause
 * reader (clauses.ts) then walks those few hits. Markers take no cue bit, so the 31-cue limit
 * is the lexicon's alone.
 */
import { MARKER_BASE, MARKER_ROLES, readClauses, type MarkerRole, type Reading, type ReadingBits, type Speaker } from "./clauses"
import { SKIP, SPACE, fold, isWord, normalise } from "./normalise"
import { quotedFrom, signatureFrom, SIGN_OFF_CHARS } from "./quoted"

export type { MarkerRole, Reading, Speaker } from "./clauses"

/** Groups of cues, each cue a list of terms. */
export type LexiconTable = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>
/** The cues of one or more groups of a table (distributes over a union of groups). */
export type CueIn<L extends LexiconTable, G extends keyof L> = G extends keyof L ? keyof L[G] & string : never
type Text = string | undefined | null

export interface LexiconMatcher<L extends LexiconTable> {
  /** One bit per cue across all groups, in table order. */
  readonly CUE: Readonly<Record<CueIn<L, keyof L>, number>>
  /** The cues of the given groups found in the texts, as CUE bits. */
  scanMask(groups: readonly (keyof L & string)[], a: Text, b?: Text, c?: Text): number
  /** Like scanMask, with the first matched text per cue; null when nothing matched. */
  scan<G extends keyof L & string>(groups: readonly G[], a: Text, b?: Text, c?: Text): Partial<Record<CueIn<L, G>, string>> | null
  /**
   * The one pass `read` makes: every cue and marker occurrence with its place and clause, into
   * the matcher's hit buffer; returns the number of hits. Exposed for the benchmark's baseline.
   */
  scanHits(groups: readonly (keyof L & string)[], a: Text, b?: Text, c?: Text): number
  /**
   * Reads the texts clause by clause (src/text/clauses.ts): the cues found, the cues `speaker`
   * voiced (negated and dismissed clauses left out) and the marker roles seen. One scan.
   */
  read(groups: readonly (keyof L & string)[], speaker: Speaker, a: Text, b?: Text, c?: Text): Reading
  /**
   * `read` for one set of groups, into `out`, which it returns: for a caller reading every record
   * of a long history, its trie found once rather than per record (a WeakMap probe each), and one
   * result object it reuses rather than one per record (each was garbage that brought the next
   * scavenge sooner, and a scavenge copies every feature built so far). `quotedTexts`: see
   * clauses.ts `readClauses`.
   */
  readerOf(groups: readonly (keyof L & string)[]): (out: Reading, speaker: Speaker, a: Text, b?: Text, c?: Text, quotedTexts?: number) => Reading
}

/** Marker terms by role (negation, contrast, speaker, ...): found by the same pass as the cues,
 * with their places, but they set no cue bit. */
export type MarkerTable = Readonly<Partial<Record<MarkerRole, readonly string[]>>>

interface End {
  cue: string
  /** CUE[cue] */
  bit: number
  /** Open terms (`price*`) accept any ending; closed ones need a word end, English after an optional s/es. */
  open: boolean
  plural: boolean
  /** The hit id `read` records: the cue's bit index, or MARKER_BASE + the marker role's index. */
  id: number
}


/** How a name after a move is told (`nameAfter`). */
interface NameRules {
  /** Words that make a capitalised word no company: a day, a month, a place, a title, a step of ours. */
  not: ReadonlySet<string>
  /** What a company's possessive names when it is the company chosen ("Acme's quote"). */
  offers: ReadonlySet<string>
  /** Who may go to a named company without it being an errand ("they'll go to Acme", not "I'll go to John"). */
  goers: ReadonlySet<string>
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
  /** A reading trie's rules for a name after a move (`nameAfter`); null: names are not looked for. */
  names: NameRules | null
}

/** Slot of an ASCII code in a state's row, or −1: a-z → 0-25, 0-9 → 26-35, space ' - % → 36-39. */
const SLOT = new Int8Array(128).fill(-1)
for (let c = 97; c <= 122; c++) SLOT[c] = c - 97
for (let c = 48; c <= 57; c++) SLOT[c] = 26 + c - 48
SLOT[32] = 36
SLOT[39] = 37
SLOT[45] = 38
SLOT[37] = 39
const SLOTS = 40

/** Folded ASCII: lower case, and every ASCII space as a plain space. */
const LOWER = new Int32Array(128)
/** ASCII word characters (after folding), as a table: the scan's innermost test. 2 marks "%",
 * no word character but a term may start at it: the number before it varies ("10% off", "۱۵٪"),
 * so the terms begin at the sign. */
const WORD = new Uint8Array(128)
/** The trie slot of a raw ASCII letter or digit: folding and slotting in one lookup. */
const RAW_SLOT = new Int8Array(128)
for (let c = 0; c < 128; c++) {
  LOWER[c] = fold(c)
  WORD[c] = isWord(LOWER[c]!) ? 1 : 0
  RAW_SLOT[c] = SLOT[LOWER[c]!]!
}
const PERCENT = 37
WORD[PERCENT] = 2

function step(trie: Trie, state: number, c: number): number {
  if (c < 128) {
    const slot = SLOT[c]!
    return slot < 0 ? 0 : trie.ascii[state * SLOTS + slot]!
  }
  return trie.other.get(state * 65536 + c) ?? 0
}

/**
 * Colloquial and written forms of a Persian word that a term holds, as reps type either: the
 * verb prefixes می/نمی are typed joined, with a half-space or with a space (میخوان, می‌خوان,
 * می خوان), so a joined prefix is given its space, which may then be absent; the object marker
 * را is spoken رو, and دیگر (other) دیگه.
 */
const SPOKEN: Readonly<Record<string, readonly string[]>> = { "را": ["رو"], "دیگر": ["دیگه"] }
function spokenForms(word: string): string[] {
  const prefix = word.startsWith("نمی") ? 3 : word.startsWith("می") ? 2 : 0
  const spaced = prefix > 0 && word.length > prefix ? `${word.slice(0, prefix)} ${word.slice(prefix)}` : word
  return [spaced, ...(SPOKEN[word] ?? [])]
}

/** Spelling variants a term matches: Persian spaces may be absent (and its words spoken, see
 * spokenForms), English hyphens may be a space or absent. */
function variants(term: string, persian: boolean): string[] {
  if (persian) {
    let forms = [""]
    for (const [i, word] of term.split(" ").entries()) forms = forms.flatMap((f) => spokenForms(word).map((w) => (i === 0 ? w : `${f} ${w}`)))
    return [...new Set(forms.flatMap((form) => spellings(form, true)))]
  }
  return spellings(term, false)
}

function spellings(term: string, persian: boolean): string[] {
  let out = [""]
  for (const ch of term) {
    if (ch === " " && persian) out = out.flatMap((v) => [v + " ", v])
    else if (ch === "-" && !persian) out = out.flatMap((v) => [v + "-", v + " ", v])
    else out = out.map((v) => v + ch)
  }
  return out
}

function buildTrie(lexicons: LexiconTable, cueBits: Readonly<Record<string, number>>, groups: readonly string[], markers: MarkerTable | null, names: NameRules | null): Trie {
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
    const lexicon = lexicons[group] ?? {}
    for (const [cue, terms] of Object.entries(lexicon)) {
      for (const term of terms) {
        const open = term.endsWith("*")
        const body = normalise(open ? term.slice(0, -1) : term)
        const persian = PERSIAN.test(body)
        const bit = cueBits[cue]!
        for (const v of variants(body, persian)) insert(v, { cue, bit, open, plural: !open && !persian, id: 31 - Math.clz32(bit) })
      }
    }
  }
  if (markers) {
    for (const [index, role] of MARKER_ROLES.entries()) {
      for (const term of markers[role] ?? []) {
        const open = term.endsWith("*")
        const body = normalise(open ? term.slice(0, -1) : term)
        // Markers are function words ("no", "we", "i"): no plural, or "i" would match "is".
        for (const v of variants(body, PERSIAN.test(body))) insert(v, { cue: `#${role}`, bit: 0, open, plural: false, id: MARKER_BASE + index })
      }
    }
  }
  const ascii = new Int32Array(rows.length * SLOTS)
  rows.forEach((row, state) => ascii.set(row, state * SLOTS))
  const hasEnds = new Uint8Array(rows.length)
  ends.forEach((list, state) => (hasEnds[state] = list ? 1 : 0))
  return { ascii, other, ends, hasEnds, names }
}

const PERSIAN = /[\u0600-\u06FF]/
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
 * The hit buffer of the recording scan, shared by every matcher (JavaScript runs one scan at a
 * time): HIT_STRIDE numbers per hit (id, start, end, clause, flags: 1 in quotation marks, 2 on a
 * quoted reply line, 4 × the text's index), grown when a text needs more.
 */
const HIT_STRIDE = 5
let hitBuffer = new Int32Array(HIT_STRIDE * 256)
let hitCount = 0
/** The clause the scan is in: bumped at clause punctuation and at the start of each text. */
let clause = 0
/** Inside double quotes (reported speech in a note): 1, else 0. */
let quoted = 0
/** On a line that starts with ">" (an earlier message quoted in a reply): 2, else 0. */
let replyLine = 0
/** Which of the texts (subject, body, ...) is being scanned, times 4: the hit flags' upper bits. */
let textBits = 0
/** Commas of a parenthetical still to pass over: "We are not, at this point, looking at
 * alternatives" is one clause, its negation reaching past the aside. */
let aside = 0
const NEGATION_ID = MARKER_BASE + MARKER_ROLES.indexOf("negation")
const REPLY_HEADER_ID = MARKER_BASE + MARKER_ROLES.indexOf("replyHeader")
/** The text being scanned already quotes earlier correspondence from an attribution or header
 * line (quoted.ts): later colons need no look. */
let quotesFound = false
/** Where the line being scanned begins. */
let lineBegin = 0
/** A name found after a move (`nameAfter`), recorded when the scan reaches its word, so that hits stay in scan order. */
let namedStart = -1
let namedEnd = -1
const MOVE_ID = MARKER_BASE + MARKER_ROLES.indexOf("move")
const BUY_ID = MARKER_BASE + MARKER_ROLES.indexOf("buy")
const NAMED_ID = MARKER_BASE + MARKER_ROLES.indexOf("named")
/** A name is one or two capitalised words: "Acme", "Hydra Pumps". */
const NAME_WORDS = 2

/** The word before `at`, lower case, past the apostrophe of "they'll" and spaces. */
function wordBefore(text: string, at: number): string {
  let k = at - 1
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 39 || text.charCodeAt(k) === 0x2019)) k--
  const end = k + 1
  while (k >= 0 && isNameChar(text.charCodeAt(k))) k--
  return text.slice(k + 1, end).toLowerCase()
}

/** Whether the ASCII code is a capital letter. */
const isCapital = (c: number) => c >= 65 && c <= 90
/** Letters, digits and the characters company names hold ("AT&T", "Hewlett-Packard"). */
const isNameChar = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 38 || c === 45

/**
 * After a move that ended at `end` ("they'll go to", "we are moving to"), a company is named by a
 * capitalised word that is no sentence start: "they'll go to Acme", not "we'll go to the
 * warehouse". Not when the move itself is capitalised (a Title Case subject, "Moving To New
 * Office", or capitals throughout), nor when a word of the name is a day, a month, a place, a
 * person's title or a step of ours ("switching to Tuesday", "moving to Tehran Office", "go to
 * Phase 2"), nor when it holds a digit ("Q3", "B2"), nor someone gone to or gone with somewhere
 * ("I'll go to John for approval", "we went with John to the site"). Runs only where a move was
 * found, a few records in a history; the name is recorded when the scan reaches it.
 */
function nameAfter(text: string, moveStart: number, end: number, n: number, names: NameRules): void {
  let w = end - 1
  while (w > moveStart && text.charCodeAt(w - 1) !== 32) w--
  if (isCapital(text.charCodeAt(w))) return
  let k = end
  while (k < n && text.charCodeAt(k) === 32) k++
  if (k >= n || !isCapital(text.charCodeAt(k))) return
  // "I'll go to John for approval", "we'll go to Berlin for the fair": going to someone is an
  // errand, unless it is the customer who goes ("they'll go to Acme", "the buyer will go to Acme").
  if (end - moveStart >= 5 && text.slice(end - 5, end).toLowerCase() === "go to" && !names.goers.has(wordBefore(text, moveStart))) return
  const start = k
  let last = k
  for (let words = 0; words < NAME_WORDS && k < n && isCapital(text.charCodeAt(k)); words++) {
    const wordStart = k
    for (let c = text.charCodeAt(k); k < n && isNameChar(c); c = text.charCodeAt(++k)) if (c >= 48 && c <= 57) return
    if (names.not.has(text.slice(wordStart, k).toLowerCase())) return
    last = k
    if (k + 1 >= n || text.charCodeAt(k) !== 32) break
    k++
  }
  // "We went with John to the site": going with someone somewhere is company kept, not a supplier chosen.
  if (text.slice(end - 4, end).toLowerCase() === "with" && text.slice(last, last + 4).toLowerCase() === " to ") return
  // "We'll go with John's recommendation": what a possessive names is what they choose, a
  // company's only when it is its offer ("we'll go with Acme's quote").
  const apostrophe = text.charCodeAt(last)
  if ((apostrophe === 39 || apostrophe === 0x2019) && (text.charCodeAt(last + 1) | 32) === 115) {
    let o = last + 2
    while (o < n && text.charCodeAt(o) === 32) o++
    let e = o
    while (e < n && isNameChar(text.charCodeAt(e))) e++
    if (!names.offers.has(text.slice(o, e).toLowerCase())) return
  }
  namedStart = start
  namedEnd = last
}

/** Whether the hit just recorded is a negation that ends right before `i` (spaces between) and
 * follows another hit of its clause: "we are not," opens an aside; a bare "No," answers. */
function negationOpensAside(text: string, i: number): boolean {
  if (hitCount < 2) return false
  const last = (hitCount - 1) * HIT_STRIDE
  if (hitBuffer[last] !== NEGATION_ID || hitBuffer[last + 3] !== clause || hitBuffer[last - HIT_STRIDE + 3] !== clause) return false
  for (let k = hitBuffer[last + 2]!; k < i; k++) if (text.charCodeAt(k) !== 32) return false
  return true
}

function push(id: number, start: number, end: number): void {
  let at = hitCount * HIT_STRIDE
  if (at + HIT_STRIDE > hitBuffer.length) {
    const grown = new Int32Array(hitBuffer.length * 2)
    grown.set(hitBuffer)
    hitBuffer = grown
  }
  hitBuffer[at++] = id
  hitBuffer[at++] = start
  hitBuffer[at++] = end
  hitBuffer[at++] = clause
  hitBuffer[at] = quoted | replyLine | textBits
  hitCount++
}

/** ASCII characters that end a clause (1), open/close a quotation (2), quote a reply line at
 * a line start (3), or may end the label of a quoted message's attribution or header line (4). A
 * colon does not end a clause: "They said: we can't pay more" is one statement, with its speaker. */
const BREAK = new Uint8Array(128)
for (const ch of ",;.!?()\n") BREAK[ch.charCodeAt(0)] = 1
BREAK[34] = 2
BREAK[62] = 3
BREAK[58] = 4

function separate(text: string, i: number, n: number, kind: number): void {
  if (kind === 2) {
    quoted ^= 1
    return
  }
  if (kind === 4) {
    if (!quotesFound) quotedBelow(quotedFrom(text, i), i + 1)
    return
  }
  if (kind === 3) {
    // Only at the start of a line (after spaces or other ">"): "> Our price is final" is quoted mail.
    let k = i - 1
    while (k >= 0) {
      const c = text.charCodeAt(k)
      if (c !== 32 && c !== 9 && c !== 62) break
      k--
    }
    if (k < 0 || text.charCodeAt(k) === 10) replyLine = 2
    return
  }
  const c = text.charCodeAt(i)
  if (c === 10) {
    replyLine = 0
    // Only a short line can be a sign-off: most line breaks are settled by one subtraction.
    if (!quotesFound && i - lineBegin <= SIGN_OFF_CHARS) quotedBelow(signatureFrom(text, lineBegin, i), i)
    lineBegin = i + 1
  }
  // A decimal point (3.5 %) ends nothing.
  if (c === 46 && i + 1 < n) {
    const next = text.charCodeAt(i + 1)
    if (next >= 48 && next <= 57) return
  }
  if (c === 44) {
    if (aside > 0) {
      aside--
      return
    }
    if (negationOpensAside(text, i)) {
      aside = 1
      return
    }
  }
  aside = 0
  clause++
}

/** At a colon that ends the attribution or header line of quoted correspondence, or a line break
 * that ends a signature's sign-off (quoted.ts), found to begin at `start`: what the scan recorded
 * from there is taken back and a reply header stands there (what follows is not this text's
 * voice; clauses.ts). */
function quotedBelow(start: number, end: number): void {
  if (start < 0) return
  quotesFound = true
  while (hitCount > 0) {
    const last = (hitCount - 1) * HIT_STRIDE
    if (hitBuffer[last + 1]! < start || (hitBuffer[last + 4]! & ~3) !== textBits) break
    hitCount--
  }
  push(REPLY_HEADER_ID, start, end)
}

/** Non-ASCII punctuation: Persian comma, semicolon and question mark, ellipsis, dashes, and the
 * typographic and guillemet quotes. */
function separateOther(c: number): void {
  if (c === 0x060c || c === 0x061b || c === 0x061f || c === 0x2026 || c === 0x2013 || c === 0x2014 || c === 0x06d4) clause++
  else if (c === 0x201c || c === 0xab) quoted = 1
  else if (c === 0x201d || c === 0xbb) quoted = 0
}

/**
 * Scans one text: returns `mask` with the bits of the cues found added and, when `hits` is given,
 * records the first matched text per cue in it. Classification asks for the mask only (no
 * allocation per record); the matched words are looked up again for the few records kept as
 * evidence.
 */
function scanInto(trie: Trie, text: string, maxChars: number, mask: number, hits: Record<string, string> | null, record: boolean): number {
  const n = text.length < maxChars ? text.length : maxChars
  namedStart = -1
  const ascii = trie.ascii
  const hasEnds = trie.hasEnds
  let previousWord = false
  for (let i = 0; i < n; i++) {
    // Only a word start begins a walk; ASCII (the common case) is classified by table.
    const raw = text.charCodeAt(i)
    let state: number
    let last: number
    if (raw < 128) {
      const kind = WORD[raw]!
      const word = kind === 1
      if (record && !word && BREAK[raw] !== 0) separate(text, i, n, BREAK[raw]!)
      const start = word ? !previousWord : kind === 2
      previousWord = word
      if (!start) continue
      if (i === namedStart) {
        push(NAMED_ID, i, namedEnd)
        namedStart = -1
      }
      state = ascii[RAW_SLOT[raw]!]!
      last = LOWER[raw]!
    } else {
      const c = fold(raw)
      if (c === SKIP) continue
      const word = isWord(c)
      if (record && !word) separateOther(c)
      // ٪ folds to "%", which starts a term as in ASCII.
      const start = word ? !previousWord : c === PERCENT
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
          if (record) {
            // Every occurrence, with its place: a cue may be negated in one clause and not in the next.
            if (e.open || wordEndsAt(text, k, n, e.plural)) {
              mask |= e.bit
              push(e.id, i, k)
              if ((e.id === MOVE_ID || e.id === BUY_ID) && trie.names !== null) nameAfter(text, i, k, n, trie.names)
            }
            continue
          }
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
 * The matcher of a lexicon table. Each text is read on its own, up to `maxScanChars` characters:
 * callers pass fields separately rather than joined, because a joined string is a V8 cons-string
 * and reading it character by character is slower. Tries are built once per group set; callers
 * pass module constants, so the lookup by array identity almost always hits.
 */
export function compileLexicons<L extends LexiconTable>(
  lexicons: L,
  options: {
    maxScanChars: number
    markers?: MarkerTable
    reading?: (cue: Readonly<Record<string, number>>) => ReadingBits
    /** What a capitalised word after a move is no name for, and what a company's possessive must
     * name to be its offer (lower case; see `nameAfter`). */
    names?: { not: readonly string[]; offers: readonly string[]; goers: readonly string[] }
  }
): LexiconMatcher<L> {
  const names = Object.keys(lexicons).flatMap((g) => Object.keys(lexicons[g]!))
  // 31 cues at most: a bit per cue in a 32-bit integer.
  if (new Set(names).size !== names.length || names.length > 31) throw new Error("lexicon cues must be unique and at most 31")
  const cueBits = Object.fromEntries(names.map((cue, i) => [cue, 1 << i])) as Record<string, number>
  const markers = options.markers ?? null
  const nameRules: NameRules | null = options.names ? { not: new Set(options.names.not), offers: new Set(options.names.offers), goers: new Set(options.names.goers) } : null
  const reading: ReadingBits = options.reading?.(cueBits) ?? { dismissable: 0, negatable: 0, budgetBound: 0, otherSubject: 0, excessOf: 0, excess: 0, deniable: 0, shrunk: 0, threat: 0, terms: 0, buyTerms: 0, saying: 0, service: 0 }
  const cache = (withMarkers: boolean) => {
    const tries = new Map<string, Trie>()
    const triesByArray = new WeakMap<readonly string[], Trie>()
    return (groups: readonly string[]): Trie => {
      const cached = triesByArray.get(groups)
      if (cached) return cached
      const id = groups.join("+")
      let trie = tries.get(id)
      if (!trie) {
        trie = buildTrie(lexicons, cueBits, groups, withMarkers ? markers : null, withMarkers ? nameRules : null)
        tries.set(id, trie)
      }
      triesByArray.set(groups, trie)
      return trie
    }
  }
  const trieFor = cache(false)
  const readingTrieFor = cache(true)
  const max = options.maxScanChars
  let lastMask = 0
  /** The recording scan of up to three texts with `trie`: the hits go to the hit buffer. */
  const scanTexts = (trie: Trie, a: Text, b?: Text, c?: Text): number => {
    hitCount = 0
    clause = 0
    aside = 0
    let mask = 0
    // Each text (subject, body) starts a clause and closes any quotation left open.
    quoted = 0
    replyLine = 0
    quotesFound = false
    lineBegin = 0
    textBits = 0
    if (a) mask = scanInto(trie, a, max, mask, null, true)
    clause++
    aside = 0
    quoted = 0
    replyLine = 0
    quotesFound = false
    lineBegin = 0
    textBits = 4
    if (b) mask = scanInto(trie, b, max, mask, null, true)
    clause++
    aside = 0
    quoted = 0
    replyLine = 0
    quotesFound = false
    lineBegin = 0
    textBits = 8
    if (c) mask = scanInto(trie, c, max, mask, null, true)
    lastMask = mask
    return hitCount
  }
  const scanHits = (groups: readonly string[], a: Text, b?: Text, c?: Text): number => scanTexts(readingTrieFor(groups), a, b, c)
  return {
    CUE: cueBits as LexiconMatcher<L>["CUE"],
    scanMask(groups, a, b, c) {
      const trie = trieFor(groups)
      let mask = 0
      if (a) mask = scanInto(trie, a, max, mask, null, false)
      if (b) mask = scanInto(trie, b, max, mask, null, false)
      if (c) mask = scanInto(trie, c, max, mask, null, false)
      return mask
    },
    scan(groups, a, b, c) {
      const trie = trieFor(groups)
      const hits: Record<string, string> = {}
      let mask = 0
      if (a) mask = scanInto(trie, a, max, mask, hits, false)
      if (b) mask = scanInto(trie, b, max, mask, hits, false)
      if (c) mask = scanInto(trie, c, max, mask, hits, false)
      return mask === 0 ? null : (hits as Partial<Record<CueIn<L, (typeof groups)[number]>, string>>)
    },
    scanHits,
    read(groups, speaker, a, b, c) {
      const count = scanHits(groups, a, b, c)
      return readClauses(hitBuffer, count, lastMask, speaker, reading)
    },
    readerOf(groups) {
      // Found on the first call (tries are built when first needed), then kept: no lookup per text.
      let trie: Trie | null = null
      return (out, speaker, a, b, c, quotedTexts = 0) => {
        const count = scanTexts((trie ??= readingTrieFor(groups)), a, b, c)
        return readClauses(hitBuffer, count, lastMask, speaker, reading, out, quotedTexts)
      }
    }
  }
}

/**
 * The table with the Latin-script Persian terms added to the cues they belong to (a cue absent
 * from the table is an error: a renamed cue must not silently lose its Finglish).
 */
export function withFinglish<L extends LexiconTable>(lexicons: L, finglish: Readonly<Record<string, readonly string[]>>): L {
  const known = new Set(Object.values(lexicons).flatMap((g) => Object.keys(g)))
  for (const cue of Object.keys(finglish)) if (!known.has(cue)) throw new Error(`Finglish terms for unknown cue ${cue}`)
  return Object.fromEntries(
    Object.entries(lexicons).map(([group, cues]) => [
      group,
      Object.fromEntries(Object.entries(cues).map(([cue, terms]) => [cue, [...terms, ...(finglish[cue] ?? [])]]))
    ])
  ) as unknown as L
}

/**
 * Latin-script Persian as reps type it in notes, by cue (the cues of src/analysis/parameters.ts
 * LEXICONS). Spellings are the common ones of Persian chat romanisation: gh/q for ق, kh for خ,
 * oo/u for the colloquial و (گرون → gerun/geroon), with and without the final h of ه
 * (budje/budjeh), and the colloquial verb endings (nemitunim for نمی‌توانیم). Words that are also
 * English words or prefixes of them are closed terms ("gerun" but not "gerund"); "dir" (late) only
 * counts inside a verb phrase, as "dir" is also an English abbreviation.
 */
export const FINGLISH: Readonly<Record<string, readonly string[]>> = {
  price: [
    "gheymat*", "gheimat*", "qeymat*", "qeimat*", "ghimat*", "takhfif*", "takhfeef*", "arzan*", "arzun*", "arzoon*",
    "gerun", "geroon", "gerune", "geroone", "geran", "gerane", "gran", "groon", "grune", "budje*", "budjeh*", "boodje*",
    "boodjeh*", "hazine*", "hazineh*", "hazinat*", "nerkh*"
  ],
  quality: [
    "keyfiat*", "keyfiyat*", "kefiat*", "kefiyat*", "keifiat*", "kifiat*", "kharab*", "eyrad*", "irad*", "naghs*",
    "mayoob*", "mayub*", "davam*", "kar nemikone*", "kar nemikonad*", "az kar oftad*"
  ],
  delivery: [
    "tahvil*", "takhir*", "ta'khir*", "dir resid*", "dir rasid*", "dir shod*", "dir kard*", "dir omad*", "dir oomad*",
    "dir umad*", "dir mirese*", "dir miresad*", "ersal*", "haml o naghl*", "hamlonaghl*", "narasid*", "hanuz narasid*",
    "hanooz narasid*"
  ],
  support: [
    "poshtibani*", "poshtibany*", "khadamat*", "pasokh*", "javab nadad*", "javab nemid*", "amoozesh*", "amuzesh*",
    "tamirat*", "ta'mir*"
  ],
  quoteRequest: ["estelam gheymat*", "estelame gheymat*", "estelam e gheymat*", "pish factor*", "pish faktor*", "pishfactor*", "pishfaktor*"],
  customerSpec: ["monaghese*", "monagheseh*", "estelam*"],
  competitor: ["raghib*", "roghaba*", "reghabat*", "sherkate digar*", "sherkat e digar*", "tamin konande digar*"],
  customerPaper: ["jarime*", "jarimeh*", "dirkard*"],
  lockIn: ["ejare*", "ejareh*", "eshterak*"],
  constraint: [
    "budje nadarim*", "budjeh nadarim*", "boodje nadarim*", "budje mahdood*", "budjeh mahdood*", "saghfe budje*",
    "bishtar az in nemitunim*", "bishtar az in nemitoonim*", "bishtar nemitunim*", "bishtar nemitoonim*", "nemitunim bishtar*",
    "nemitoonim bishtar*", "nemitavanim bishtar*", "tavan pardakht*", "tavane pardakht*", "tavane mali*",
    "budjemoon tamoom*", "budje sabet*", "budjeshoon sabet*", "budjeshun sabet*", "budgetemoon tamoom*", "budje tamoom*", "budget tamoom*", "budje ejaze nemide*",
    "budjemoon ejaze nemide*", "budjeh ejazeh nemideh*", "budjemoon*", "kharej az budje*", "poolesho nadarim*", "pulesho nadarim*",
    "pool nadarim*", "pul nadarim*"
  ],
  churnThreat: [
    "ba shoma kar nemikonim*", "dige ba shoma kar*", "azatoon kharid nemikonim*",
    "azetun kharid nemikonim*", "soragh raghib*", "soragh roghaba*", "soragh ye sherkat dige*", "soragh sherkat dige*",
    "ghat hamkari*", "hamkari ro ghat*", "taminkonande ro avaz*", "tamin konande ro avaz*", "tamdid nemikonim*",
    "pishnahad-haye digar*", "pishnahadhaye digar*", "pishnahad haye dige*", "tamin konande dige*", "taminkonande dige*"
  ],
  disparagement: [
    "kheyli gerun*", "kheili gerun*", "kheyli geroon*", "kheili geroon*", "kheyli geran*", "kheili geran*", "gerune*",
    "geroone*", "nemiarze*", "nemiarzeh*", "arzesh nadare*", "arzesh nadarad*", "arzeshesho nadare*", "gerun foroshi*",
    "geran forooshi*"
  ],
  failure: ["kharab*", "eyrad*", "irad*", "naghs*", "mayoob*", "mayub*", "takhir*", "ta'khir*", "moshkel*", "narasid*", "dir resid*", "dir rasid*"],
  customItem: ["sefareshi*"],
  serviceItem: ["khadamat*", "poshtibani*", "negahdari*", "nasb*", "moshavere*", "rah andazi*", "raah andazi*", "ejare*", "eshterak*"]
}
