/**
 * The clause reader: what a text says, clause by clause, from the hits of one lexicon scan
 * (src/text/lexicon.ts `read`). A keyword is not a statement: "Price is not an issue for us,
 * quality is" names price and quality but says quality; "we presented our price list" in a
 * rep's call note is our action, not the customer's criterion. The scan records every cue and
 * marker (negation, contrast, speaker, ...) with its place and clause; this post-pass walks those
 * hits once, so reading stays linear in the text and never scans it again.
 *
 * Clauses end at , ; . ! ? ( ) … ، ؛ ؟ dashes and line breaks (lexicon.ts; a comma right after a
 * negation opens an aside the clause reads past: "we are not, at this point, looking"), and at a contrast
 * word ("but", "however", "اما", "بلکه"). Per clause:
 * - dismissal: "no issue with", "not a concern", "despite", "مهم نیست", "مشکلی نداریم" (a
 *   negation next to an issue word, or a dismissal phrase) drop the criteria and pushback cues;
 * - negation before a pushback or threat cue ("not overpriced at all", "no plans to switch
 *   suppliers"), or a Persian negative verb close after it, drops that cue; a negation inside the
 *   cue's own words ("can't pay more") is the cue; a negation reaches no statement a subject "we"
 *   opens past a conjunction ("the quality isn't good and we won't renew"; not "I can't imagine we
 *   would switch"), and a Persian negative verb that closes something named before it, with no
 *   conjunction between, none after it («کیفیت خوب نیست و قرارداد رو تمدید نمی‌کنیم»; not «کیفیت
 *   خوبه و نمی‌خوایم تامین‌کننده رو عوض کنیم», where the modal opens what follows);
 * - "not X but/rather Y", "نه X بلکه Y": X is dropped ("not only X but also Y" keeps both);
 * - "Y, not X", "Y، نه X": a clause that is only "not X", after one that voiced something else,
 *   drops X; "Y matters more to us than X", "Y ahead of X": what the comparison ranks lower is
 *   dropped when the clause before named something else; «X از Y مهم‌تر است» drops Y;
 * - an excess word after a price in the clause ("prices are way too high", "قیمت‌ها بالاست")
 *   makes disparagement, unless a negation stands between; after a priced document ("the quote is
 *   a bit steep", "پیش‌فاکتور یه کم بالاست") it makes price and disparagement;
 * - a budget that grew or was approved ("budget doubled", "بودجه ما دو برابر شد") is no constraint;
 *   one frozen or cut ("budget is frozen until Q3", "کاهش بودجه") is one;
 * - a want refused ("we don't need a discount"; «تخفیف نمی‌خوایم», whose verb opens with its own
 *   negation, نمی, after what it refuses) drops the deniable cues it names, not the clause's
 *   others, and not a rise refused ("don't want a price increase"); after a negation, "just",
 *   "only", «فقط» open what is wanted instead, as "rather" does;
 * - a hedged clause ("maybe price is a factor", «شاید قیمت هم مهم باشه») yields to a contrast
 *   after it that names something else ("but quality decides"), and so does any clause to a
 *   contrast that ranks something else higher ("but quality matters more", «ولی کیفیت مهم‌تره»);
 * - a ceiling with a budget, an approval or a verb of paying ("budget tops out at 40k", "only 30k
 *   approved", «حداکثر ۴۰ میلیون می‌تونیم بدیم») is a constraint, unless denied ("سقف نداره");
 * - worth affirmed ("but worth it", «ولی می‌ارزه») sets disparagement aside, here and in the
 *   clause before; what they cannot afford that is no money ("can't afford delays") sets the
 *   money cues of its clause aside;
 * - a word right after cues that accepts them ("price ok", «قیمت اوکیه») sets them aside, unless
 *   a negation stands between or follows ("قابل قبول نیست");
 * - delivery words inside an order instruction or receipt ("please ship the order to …",
 *   «ارسال کنید») are no criterion; a lateness word beside them is;
 * - a move ("they'll go to", "we'll switch to", «سراغ … می‌ریم») is a churn threat when it is to
 *   another supplier ("go to a cheaper supplier", «از یه شرکت دیگه خرید می‌کنن», where the supplier
 *   is where they go, not who speaks), or to a company named in capitals ("they'll go to Acme",
 *   "we are moving to Acme next quarter"; src/text/lexicon.ts finds the name, not "Tuesday" nor
 *   "Tehran Office"), or when a refused condition on a criterion, a
 *   percentage or a priced document holds it, in its clause or the one before ("if the price
 *   doesn't come down we'll move to Acme", "If we don't give them 15%, they'll go to Acme", «اگر
 *   ۱۵ درصد تخفیف ندهیم سراغ پارس پمپ می‌روند»); not "we'll go to the warehouse", «می‌ریم سراغ جلسه بعدی»,
 *   nor a move toward us ("we'll go to your warehouse", «سراغ انبار شما»), nor one a negation just
 *   before denies ("we're not switching to another vendor"; not "not happy and are moving to …",
 *   «خوب نیست پس میریم سراغ …», where a conjunction or a negative verb closing its own phrase stands between);
 * - the quality of a service ("service quality", "quality of support", «کیفیت خدمات») is read
 *   whole, as support: the quality word inside it is no product quality;
 * - a dismissal denied ("not always on time", «همیشه به موقع نیست») dismisses nothing;
 * - a threat asked about ("asked whether they would switch suppliers", «پرسیدم آیا سراغ رقبا می‌رن») is none
 *   made; their answer after the question ("… and they said they're moving to another supplier", «… و گفتن …») is theirs;
 * - «دنبال X نیستیم» (not after X) denies what is sought, the phrase reaching as far as its cues
 *   run on before the verb («دنبال ارزون‌ترین قیمت ممکن نیستیم»), and nothing else in the clause;
 * - a saying is read whole ("cheaper isn't better", «ارزون بخری دوبار می‌خری»): its price words and
 *   its negation are its own, and it speaks for quality; so is paying more ("don't mind paying more
 *   for reliable pumps"), and what it is for is voiced whatever the clause dismisses;
 * - a price denied to be high ("prices are not too high", «قیمت‌ها بالا نیست») is a price found
 *   acceptable, as "price ok" is;
 * - an adverb right after a negation is part of it ("not necessarily looking for"); a problem not
 *   solved ("not fixed", «حل نکردید») stands, its negation dismisses nothing; in English a
 *   negation after a criterion that follows an issue word is the criterion's ("Problem: delivery
 *   not on time").
 * Who speaks: `customer` texts (their inbound mail, a case they opened) count whole; in `notes`
 * (our call/meeting/task logs) a clause counts only when its subject is the customer. The first
 * speaker marker outside quotation marks decides ("they asked", "the buyer insists", "Asked for
 * 10 % off" against "we presented", "I sent", "gave them", a document or a competitor named
 * first); a role noun or a competitor right after a preposition is an object ("call with the
 * buyer", «از شرکت دیگه»), as is a competitor moved to («سراغ رقیب»); a Persian
 * verb's person ending outranks nouns wherever it stands ("تماس با مشتری: … ارسال کردیم" is
 * ours, "… گفتند" theirs). A clause without a speaker continues the one before in the same text
 * (a subject line's "Customer call" names no speaker for the body). A third party named first (a
 * competitor, a document) is the subject whatever verb follows. Quoted words take the speaker
 * of the clause quoting them, or of the clause right after ("\"Too expensive,\" said the
 * buyer"), else the customer's (reps quote customers). In any text, an earlier message quoted
 * below a reply ("> …" lines, "-----Original Message-----") is left out.
 */

/**
 * Marker roles, in hit-id order. Each flagged role sets its bit in `Reading.markers` (bits 0-29,
 * below HEARD); the steering roles after them only steer this reader, which reads them as hits,
 * so `MARKER` has no bit for them and a bit can never be asked of one.
 */
const FLAGGED_ROLES = [
  "negation", "negationVerb", "issue", "dismissal", "contrast", "rather", "increase", "budget", "customer", "ours",
  "customerVerb", "oursVerb", "preposition", "replyHeader", "additive", "automated", "request", "excess", "document", "lesser", "than", "greater", "unreached",
  "conversation", "want", "concession", "accepted", "routine", "priced", "shrink"
] as const
const STEERING_ROLES = [
  "says", "we", "did", "only", "cap", "payable", "vetted", "worth", "stake", "condition", "unless", "move", "buy", "toward", "supplier", "percent",
  "saying", "premium", "moderate", "seek", "degree", "unsolved", "service", "named", "question", "withdraw", "conjunction"
] as const
export const MARKER_ROLES = [...FLAGGED_ROLES, ...STEERING_ROLES] as const
export type MarkerRole = (typeof MARKER_ROLES)[number]
type FlaggedRole = (typeof FLAGGED_ROLES)[number]
/** One bit per flagged marker role, for `Reading.markers`. */
export const MARKER = Object.fromEntries(FLAGGED_ROLES.map((role, i) => [role, 1 << i])) as Readonly<Record<FlaggedRole, number>>

/** In `Reading.markers`: some clause of a note had the customer as its subject ("they said …",
 * "گفتند …"): the note records a conversation in which they spoke. */
export const HEARD = 1 << 30
// Flagged roles take bits 0-29 of `Reading.markers`, below HEARD: a 31st needs HEARD moved elsewhere
// (or a role that is only read as a hit moved to STEERING_ROLES).
if (FLAGGED_ROLES.length > 30) throw new Error("at most 30 flagged marker roles: Reading.markers keeps bit 30 for HEARD")

/** Whose words a text holds: the customer's, a rep's note about a conversation, or nobody's
 * that counts (our outbound mail, an automated send). */
export type Speaker = "customer" | "notes" | "nobody"

/** Which cue bits the reading rules act on (the caller's lexicon decides what a criterion is). */
export interface ReadingBits {
  /** Dropped by a dismissal ("not an issue") and by "not X but Y": criteria and pushback. */
  dismissable: number
  /** Dropped by a negation before them: pushback ("not overpriced"). */
  negatable: number
  /** The money cues, a budget constraint and price as a criterion: dropped in a clause where the
   * budget grew, or where what they cannot afford is no money ("we can't afford delays"). */
  budgetBound: number
  /** A cue that, named first in a note's clause, makes a third party its subject (a competitor). */
  otherSubject: number
  /** What an excess word ("too high", "steep", "بالاست") qualifies when it follows in the clause
   * (price), and the cue the two make together (disparagement): "your prices are way too high".
   * A priced document ("the quote", "پیش‌فاکتور") called too high makes both. */
  excessOf: number
  excess: number
  /** Dropped when the customer says they do not want or need it ("we don't need a discount",
   * "تخفیف نمی‌خوایم"): price. Not what they ask to avoid ("we don't want a price increase"). */
  deniable: number
  /** Made by a budget word and a freeze or cut ("budget is frozen until Q3", "بودجه … بسته است"): a constraint. */
  shrunk: number
  /** Made by a move to another supplier that is a threat ("they'll go to Acme" after "if we don't
   * give them 15%"; «سراغ یه تامین‌کننده ارزون‌تر می‌رن»): a churn threat. */
  threat: number
  /** What a refused condition names to make a move its threat: "if the price doesn't come down
   * we'll move to Acme" (the price). A move elsewhere for anything else is often an errand ("if it
   * doesn't arrive we'll switch to DHL", "if quality isn't confirmed we'll go to the lab"). */
  terms: number
  /** What a refused condition names to make buying elsewhere its threat: "if quality doesn't
   * improve we'll buy from Acme" (any criterion: buying is what a supplier is for). */
  buyTerms: number
  /** Made by a saying that puts price second ("you get what you pay for", «ارزون بخری دوبار
   * می‌خری»): quality; the price words inside the saying are no price talk. */
  saying: number
  /** Made by the quality of a service, read whole ("service quality", «کیفیت خدمات»): support,
   * not the product's quality. */
  service: number
}

export interface Reading {
  /** Every cue found (CUE bits). */
  cues: number
  /** The cues the speaker voiced: negated and dismissed clauses, and others' words, left out. */
  voice: number
  /** The marker roles found anywhere (MARKER bits). */
  markers: number
}

/** Hit ids at and above this are markers (cue bit indices are 0-30). */
export const MARKER_BASE = 32
const ROLE = (role: MarkerRole) => MARKER_BASE + MARKER_ROLES.indexOf(role)
/** Hit ids from here on are steering roles: they set no bit in `Reading.markers`. */
const FLAGGED_END = MARKER_BASE + FLAGGED_ROLES.length
const NEGATION = ROLE("negation")
const NEGATION_VERB = ROLE("negationVerb")
const ISSUE = ROLE("issue")
const DISMISSAL = ROLE("dismissal")
const CONTRAST = ROLE("contrast")
const RATHER = ROLE("rather")
const INCREASE = ROLE("increase")
const BUDGET = ROLE("budget")
const CUSTOMER = ROLE("customer")
const OURS = ROLE("ours")
const CUSTOMER_VERB = ROLE("customerVerb")
const OURS_VERB = ROLE("oursVerb")
const PREPOSITION = ROLE("preposition")
const REPLY_HEADER = ROLE("replyHeader")
const SAYS = ROLE("says")
const WE = ROLE("we")
const DID = ROLE("did")
const ADDITIVE = ROLE("additive")
const EXCESS = ROLE("excess")
const DOCUMENT = ROLE("document")
const LESSER = ROLE("lesser")
const THAN = ROLE("than")
const GREATER = ROLE("greater")
const WANT = ROLE("want")
const ONLY = ROLE("only")
const CONCESSION = ROLE("concession")
const ACCEPTED = ROLE("accepted")
const ROUTINE = ROLE("routine")
const PRICED = ROLE("priced")
const SHRINK = ROLE("shrink")
const CAP = ROLE("cap")
const PAYABLE = ROLE("payable")
const VETTED = ROLE("vetted")
const WORTH = ROLE("worth")
const STAKE = ROLE("stake")
const CONDITION = ROLE("condition")
const UNLESS = ROLE("unless")
const MOVE = ROLE("move")
const BUY = ROLE("buy")
/** The order or the buying withdrawn ("we'll cancel the order"): a threat with a criterion named
 * beside it or a condition on one refused; alone, order administration as often as not. */
const WITHDRAW = ROLE("withdraw")
const TOWARD = ROLE("toward")
const SUPPLIER = ROLE("supplier")
const PERCENT = ROLE("percent")
const SAYING = ROLE("saying")
const PREMIUM = ROLE("premium")
const MODERATE = ROLE("moderate")
const SEEK = ROLE("seek")
const DEGREE = ROLE("degree")
const UNSOLVED = ROLE("unsolved")
const SERVICE = ROLE("service")
/** A capitalised word right after a move, that no list of days, places or steps holds: a company
 * named (src/text/lexicon.ts records it: "they'll go to Acme", "we are moving to Acme"). */
const NAMED = ROLE("named")
const QUESTION = ROLE("question")
/** "and", "so", «و», «پس»: what follows is another statement, which a negation before it does not reach. */
const CONJUNCTION = ROLE("conjunction")
const PRICED_EXCESS = MARKER.priced | MARKER.excess
const BUDGET_SHRINK = MARKER.budget | MARKER.shrink
/** A cue this close after the Persian comparative "از" is what is compared against ("از قیمت"). */
const THAN_GAP = 2
/** Characters between a clause's opening negation and its first cue that still make "not X" one
 * phrase: "not price", "not the price", "نه قیمت". */
const NOT_X_GAP = 5

/** Characters between a negation and an issue word that still make one phrase (about four short
 * words): "I don't think price is really the issue", "not really
 * much of an issue" (negation first); "مشکل خاصی نداریم", "problem is not" (issue first). */
const NEGATION_ISSUE_GAP = 25
const ISSUE_NEGATION_GAP = 20
/** Characters between a pushback and the Persian negative verb that negates it ("خیلی گرون نیست"). */
const NEGATION_VERB_GAP = 12
/** A role noun this close after a preposition is its object, not the subject: "call with the buyer", "تماس با مشتری". */
const PREPOSITION_GAP = 5
/** Characters between a subject and its verb that still make one "they said", "the buyer then
 * insisted", "we offered". */
const SUBJECT_VERB_GAP = 8
/** Characters between a negation and a want word that make one phrase: "don't need", "do not really want". */
const WANT_GAP = 8

/** Whether a negation that ended at `negationEnd` (−1: none yet) denies the word starting at
 * `start`: it ended before the word, at most WANT_GAP characters before ("no cap", "not worth it"). */
function deniedBy(negationEnd: number, start: number): boolean {
  return negationEnd >= 0 && negationEnd <= start && start - negationEnd <= WANT_GAP
}
/** Characters between cues that make one run ("price and delivery", "قیمت و کیفیت"). */
const RUN_GAP = 6
/** Characters between a run and the word after it that judges it ("price ok", "pricing looks fine",
 * "قیمت اوکیه", "تخفیف نمی‌خوایم"). */
const JUDGE_GAP = 12
/** Characters between a shrink word and the budget word after it: "cut our budget", "کاهش بودجه". */
const SHRINK_GAP = 8
/** Characters between a ceiling word and the Persian negative verb that denies it: "سقف نداره",
 * "سقفی نداریم"; further on the verb is a clause's own ("حداکثر تا ۴۰ نمی‌تونیم بیشتر بدیم"). */
const CAP_NEGATION_GAP = 4
/** Characters between a move ("they'll go to", «سراغ») and the supplier word that makes it one
 * to another supplier ("go to a cheaper local supplier", «سراغ یه تامین‌کننده ارزون‌تر»). */
const MOVE_SUPPLIER_GAP = 20
/** Characters between «سراغ» and the Persian negative verb that denies the move: «سراغ یه
 * تامین‌کننده دیگه نمی‌ریم». */
const MOVE_NEGATION_GAP = 25
/** Characters between a negation and the move after it that it denies: "not switching to", "no
 * intention of moving to"; a conjunction between ends its reach ("not happy and are moving to"). */
const MOVE_DENIED_GAP = 15
/** How far before the order withdrawn a negation denies it ("nobody is talking about cancelling the orders"). */
const WITHDRAW_DENIED_GAP = 30
/** Characters between a dismissal and the Persian negative verb that denies it: «همیشه به موقع نیست». */
const DISMISSAL_NEGATION_GAP = 2
/** Characters between the cues of the phrase sought («دنبال ارزون‌ترین قیمت ممکن») and the
 * Persian negative verb that denies seeking it («نیستیم»): the verb closes the phrase, which may
 * run on for a few words ("ممکن", "بازار"), each cue restarting the count. */
const SEEK_GAP = 20

/**
 * Marker roles that leave a reading to readClauses' short walk, by id − MARKER_BASE: bit
 * QUIET_IN_MESSAGE where the customer's own message still voices every cue of the texts it does
 * not quote (the role negates, dismisses, contrasts, ranks, judges, conditions and derives
 * nothing, and names no customer speaker, which would mark HEARD), bit QUIET_IN_NOTE where a note
 * still voices nothing (the role names no customer speaker and makes no cue of two words) and
 * holds just the markers it names. No role hides the hits after it (a reply header, a saying).
 * Listed, not derived: a new role takes the full pass until it is shown quiet here.
 */
const QUIET_IN_MESSAGE = 1
const QUIET_IN_NOTE = 2
const QUIET = new Uint8Array(MARKER_ROLES.length)
for (const role of ["automated", "request", "unreached", "conversation", "ours", "oursVerb", "we", "did", "document", "preposition", "than", "priced", "budget", "conjunction"] as const) {
  QUIET[MARKER_ROLES.indexOf(role)] = QUIET[MARKER_ROLES.indexOf(role)]! | QUIET_IN_MESSAGE
}
for (const role of [
  "negation", "negationVerb", "issue", "dismissal", "contrast", "rather", "increase", "budget", "ours", "oursVerb", "preposition", "additive",
  "automated", "request", "document", "lesser", "than", "greater", "unreached", "conversation", "want", "concession", "accepted", "routine",
  "priced", "we", "did", "only", "payable", "vetted", "worth", "stake", "condition", "unless", "toward", "supplier", "percent", "moderate",
  "seek", "degree", "unsolved", "conjunction"
] as const) {
  QUIET[MARKER_ROLES.indexOf(role)] = QUIET[MARKER_ROLES.indexOf(role)]! | QUIET_IN_NOTE
}

const NONE = 0
const THEM = 1
const US = 2
const OTHER = 3

/**
 * Reads the hits of one scan (HIT_STRIDE = 5 numbers each: id, start, end, clause, flags) in
 * scan order. `mask` is every cue found. One function with local state: it runs once per record
 * of a 50k history, so no closure or per-call allocation; the result goes into `out` (a new
 * object unless the caller passes one it reuses). `quotedTexts` (a bit per text, 1 the first)
 * are texts that quote someone else's words, read for cues but voicing nothing: the subject of a
 * customer's reply ("RE: Our price list") is the subject of the message it answers.
 */
export function readClauses(hits: Int32Array, count: number, mask: number, who: Speaker, bits: ReadingBits, out: Reading = { cues: 0, voice: 0, markers: 0 }, quotedTexts = 0): Reading {
  let markers = 0
  let voice = 0
  // Nothing to voice: only the markers matter (automated sends, requests). A note without cues is
  // still read for who spoke (HEARD: a call on which the customer talked is two-way contact).
  if (who === "nobody" || (mask === 0 && who === "customer")) {
    // A ceiling and what it bounds ("حداکثر ۴۰ میلیون می‌تونیم بدیم") are steering roles: no bit.
    let ceiling = false
    let funded = false
    /** A move or a saying, which may make a cue of its own ("if you don't give us 15% we'll go to
     * Acme", "you get what you pay for"): the clause pass decides. */
    let saysMore = false
    for (let h = 0; h < count; h++) {
      const id = hits[h * 5]!
      if (id < MARKER_BASE || (hits[h * 5 + 4]! & 2) !== 0) continue
      if (id >= FLAGGED_END) {
        if (id === CAP) ceiling = true
        else if (id === PAYABLE) funded = true
        else if (id === MOVE || id === BUY || id === WITHDRAW || id === SAYING || id === PREMIUM) saysMore = true
        continue
      }
      markers |= 1 << (id - MARKER_BASE)
      if (id === REPLY_HEADER) break
    }
    // A priced document called too high ("the quote is a bit steep"), a budget frozen or capped: cues made of two markers.
    if (who === "nobody" || ((markers & PRICED_EXCESS) !== PRICED_EXCESS && (markers & BUDGET_SHRINK) !== BUDGET_SHRINK &&
      !(ceiling && (funded || (markers & MARKER.budget) !== 0)) && !saysMore)) return settle(out, mask, 0, markers)
    markers = 0
  } else {
    // Nothing in quotation marks or on a quoted reply line, and only quiet markers (QUIET): the
    // customer's message voices every cue of the texts it does not quote, and a note voices
    // nothing and holds the markers it names, as the full pass below would find. Most texts of
    // a long history read that way (6.1k of the 6.9k the full pass would read in a generated 10k
    // history), and that pass, with its hundred clause variables, costs such a text several
    // times this walk (measured in Chromium: classifying 10k interactions 2.5 % faster).
    const quiet = who === "customer" ? QUIET_IN_MESSAGE : QUIET_IN_NOTE
    let said = 0
    let seen = 0
    let h = 0
    for (; h < count; h++) {
      const id = hits[h * 5]!
      const flags = hits[h * 5 + 4]!
      if ((flags & 3) !== 0) break
      if (id < MARKER_BASE) {
        if (((quotedTexts >> (flags >> 2)) & 1) === 0) said |= 1 << id
        continue
      }
      if ((QUIET[id - MARKER_BASE]! & quiet) === 0) break
      if (id < FLAGGED_END) seen |= 1 << (id - MARKER_BASE)
    }
    if (h === count) return settle(out, mask, who === "customer" ? said : 0, seen)
  }
  const { dismissable, negatable, budgetBound, otherSubject, excessOf, excess, deniable, shrunk, threat, terms, buyTerms, saying, service } = bits
  /** Cues made by two words together (price + "too high"): added to the cues found. */
  let derived = 0
  // The previous clause waits for the next one: "not X, but Y" drops X only once Y's contrast is seen.
  let pendingVoiced = 0
  let pendingNegatedCriteria = 0
  let pendingFirstNegation = false
  let pendingCounts = false
  /** The pending clause is in a text of `quotedTexts`: whoever its speaker, it voices nothing. */
  let pendingQuotedText = false
  /** The pending clause is words in quotation marks with no speaker of its own: the clause after
   * may name who said them ("\"Too expensive,\" said the buyer"). */
  let pendingQuotedOnly = false
  /** The pending clause was hedged ("maybe price is a factor"): a contrast naming something else outweighs it. */
  let pendingConceded = false
  let inherited = NONE
  let bump = 0
  let current = -1
  let currentText = 0
  // The clause being read.
  let cues = 0
  let keptNegatable = 0
  let negatedCriteria = 0
  /** A dismissal phrase ("no complaints", "despite"), or an issue word negated ("not an issue", «مشکلی نداریم»). */
  let dismissed = false
  /** The scan's clause that asks a question ("asked whether they would switch suppliers", «پرسیدم
   * آیا …»), and the scan's clause the clause being read began in: a question reaches every clause
   * a change of speaker splits from its scan clause ("I asked if they were moving to Acme"). */
  let askedIn = -1
  let currentScan = -1
  /** Where the question ended, and where the customer's answer after it in its scan clause began
   * ("Asked if delivery was OK and they said they're moving to another supplier", «… و گفتن …»):
   * the question reaches no further. A threat made from there (a threat cue, a move) is theirs. */
  let questionEnd = -1
  let questionClause = -1
  let answeredAt = -1
  let answeredThreat = false
  let answeredMove = false
  /** Where the last dismissal phrase ended: a Persian negative verb right after denies it. */
  let dismissalEnd = -1
  let issueDismissed = false
  let lastNegationStart = -1
  let increase = false
  /** A budget word was named and nothing else has been since: an increase word now is its verb. */
  let budget = false
  let budgetStart = -1
  /** Where the last increase word or phrase ended: a budget word inside it ("increased our budget") counts. */
  let increaseEnd = -1
  let speaker = NONE
  let speakerStart = -1
  let speakerEnd = -1
  /** The speaker came from a verb's person ending (Persian "…یم", "…ند"), which outranks nouns. */
  let speakerByVerb = false
  let prepositionEnd = -1
  let quotedHits = false
  let firstIsNegation = false
  let firstIsContrast = false
  let firstIsRather = false
  /** The clause opens with a comparison that ranks what follows lower ("more than price"). */
  let firstIsLesser = false
  /** Where the clause's first cue starts, and how many cue hits it holds (for "not X" read as one phrase). */
  let firstCueStart = -1
  let cueHits = 0
  /** Persian "X از Y مهم‌تر است": where the last "از" ended, the cues right after one, and whether
   * a comparative that ranks them lower followed. */
  let thanEnd = -1
  let thanCues = 0
  let greater = false
  /** "not only X but also Y": the negation adds, it sets nothing aside. */
  let additive = false
  let hitsInClause = 0
  /** Where the last negation ended (for "not an issue"), and the first (for "not that we can't afford it"). */
  let negationEnd = -1
  let firstNegationEnd = -1
  /** The first negation was a Persian negative verb closing what was named before it, which it
   * denies, not what comes after. */
  let firstNegationIsVerb = false
  /** The subject "we" has followed the clause's first negation past a conjunction: "the quality
   * isn't good and we won't renew" (not "I can't imagine we would switch"). */
  let negationClosed = false
  /** Where the clause's last conjunction started ("and", «و»): a negation before it reaches no
   * statement after it. */
  let conjunctionStart = -1
  /** The last negation reaches what follows it: not a Persian negative verb that closes what was
   * named before it («کیفیت خوب نیست پس میریم سراغ …»). */
  let negationOpens = false
  let issueEnd = -1
  /** Negatable cues seen so far in the clause, and where the last of them ended. */
  let negatableSeen = 0
  let negatableEnd = -1
  /** Where the first cue an excess word qualifies (price) starts in the clause, and whether a
   * priced document ("the quote") stood there instead, so that its price is the one called too high. */
  let excessOfStart = -1
  let excessOfDocument = false
  /** The last cue hit, and the run of cues it closes ("price and delivery"), for a word that
   * judges them from right after ("ok", "نمی‌خوایم"). */
  let lastCueStart = -1
  let lastCueEnd = -1
  let lastCueBit = 0
  let runCues = 0
  let runStart = -1
  /** "don't need …": the deniable cues after it are refused, not asked for. */
  let denying = false
  let denied = 0
  /** Cues judged satisfactory right after them: "price ok", "قیمت اوکیه". */
  let accepted = 0
  let acceptedEnd = -1
  /** Order handling ("please ship the order to …", "ارسال کنید"): cues inside such a phrase, and
   * outside any (a lateness word beside it keeps the criterion). */
  let routineStart = -1
  let routineEnd = -1
  let routineCues = 0
  let freeCues = 0
  let lastCueNewFree = false
  let conceded = false
  /** A budget word with a freeze or cut ("budget is frozen", "کاهش بودجه"), unless negated. */
  let shrink = false
  let shrinkEnd = -1
  let shrinkNegated = false
  /** A ceiling on what they can pay ("our budget tops out at 40k", "We only have 30k approved",
   * «حداکثر ۴۰ میلیون می‌تونیم بدیم»): the ceiling word, unless denied ("no cap", «سقف نداره»),
   * and a budget, an approval or a verb of paying in the clause. */
  let ceiling = false
  let ceilingEnd = -1
  let ceilingNegated = false
  let payable = false
  /** Where the last payable phrase started, and whether one came before it: "approved" in
   * "approved vendors" (vetted, at the same place) is no money approved. */
  let payableStart = -1
  let payableBefore = false
  /** Worth affirmed ("but it's worth it", «ولی می‌ارزه»): no disparagement here or in the clause before. */
  let worth = false
  /** What they cannot afford is no money: "we can't afford delays", «نمی‌تونیم ریسک تاخیر کنیم». */
  let stake = false
  /** An "if" opened the clause's condition: its negations ("if you can't sharpen the pencil") are
   * the condition's, and deny nothing of the threat or demand that follows ("we'll go elsewhere"). */
  let conditional = false
  /** Where a "not only" ends: its "only" is part of it. */
  let additiveEnd = -1
  /** The condition is refused: a negation after the "if" ("if we don't give them 15%", «اگه قیمت
   * پایین نیاد»), or an "unless". A refused condition on a criterion or a percentage makes the
   * move it holds, or the move in the clause right after, a threat. */
  let conditionRefused = false
  /** A percentage or a priced document ("if we don't give them 15%", "unless you match their
   * offer"): what a condition asks of our price. */
  let bargained = false
  /** The previous clause was such a condition ("If we don't give them 15%, they'll go to Acme"). */
  let pendingThreatening = false
  /** The same, for buying elsewhere ("If quality doesn't improve, we'll buy from Acme"). */
  let pendingBuyThreatening = false
  /** A move ("they'll go to", "we'll switch to", «سراغ … می‌ریم»): a threat when to another
   * supplier, or when a refused condition holds it. Not "we'll go to the warehouse". */
  let move = false
  /** The move is buying elsewhere ("we'll buy from", «از … می‌خریم», «سفارش را به … می‌دهیم»). */
  let buying = false
  /** A name in capitals right after the move ("… we're moving to Acme"). */
  let namedMove = false
  /** The order withdrawn (`withdraw`): a threat where a criterion is named with it or a condition on one refused. */
  let withdrawn = false
  let withdrawNegated = false
  /** The clause before named a criterion ("Delivery is late again, so we're cancelling the order"),
   * or withdrew the order with none («دیگه سفارش نمی‌دیم، کیفیت افتضاحه»). */
  let pendingComplained = false
  let pendingWithdraw = false
  let moveEnd = -1
  let moveNegated = false
  let moveToSupplier = false
  /** Where the last supplier word ended: Persian names it before the verb of moving («از یه شرکت دیگه خرید می‌کنن»). */
  let supplierEnd = -1
  /** A saying read whole ("cheaper isn't better"): the hits inside it are its own words. */
  let sayingStart = -1
  let sayingEnd = -1
  /** What they will pay more for ("don't mind paying more for reliable pumps"): after this place, cues no dismissal takes. */
  let premiumEnd = -1
  let paidFor = 0
  /** Where the "if" stands: a negation after it and before the move, or anywhere after it when the move came first, is the condition's. */
  let conditionStart = -1
  let moveStart = -1
  /** «دنبال X نیستیم»: the cues of what is sought, and where the phrase sought has reached. */
  let seekEnd = -1
  let soughtCues = 0
  let unsought = 0
  /** Where a phrase saying a problem persists ends ("حل نکردید", "not fixed"): its negation is no dismissal. */
  let unsolvedEnd = -1

  // One step past the last hit closes the last clause.
  for (let h = 0; h <= count; h++) {
    let id = -1
    let start = 0
    let end = 0
    let flags = 0
    let clause = -2
    if (h < count) {
      const at = h * 5
      id = hits[at]!
      flags = hits[at + 4]!
      // An earlier message quoted below a reply ("> …" lines, or after "-----Original Message-----")
      // is someone else's, usually ours: not this text's voice.
      if ((flags & 2) !== 0) continue
      // A word that begins a reply header is the header's: "ارسال" (sent, a delivery word) in
      // "ارسال شده از آیفون من", "Sent from my iPhone".
      if (id === REPLY_HEADER || (h + 1 < count && hits[at + 6] === hits[at + 1] && headerAt(hits, h, count))) {
        markers |= MARKER.replyHeader
        h = count - 1
        continue
      }
      start = hits[at + 1]!
      end = hits[at + 2]!
      if (id === CONTRAST || id === RATHER || id === LESSER) bump++
      // In a note, another speaker's subject and verb inside a clause begin a clause of their own.
      // Persian puts the verb last: after one of ours ("ارائه دادیم", "فرستادم") the next words are
      // another clause, whose subject may come late («… و جواب دادن که کیفیت براشون اولویته»).
      else if (who === "notes" && hitsInClause > 0 && (flags & 1) === 0 && hits[at + 3]! + bump === current &&
        ((speaker === US && speakerByVerb && hits[at + 1]! >= speakerEnd) ||
          ((id === CUSTOMER || id === WE || id === OURS) && speakerChangesAt(hits, h, count, speaker, speakerByVerb, speakerEnd, prepositionEnd, conditional)))) bump++
      // "We don't need a discount just on-time delivery": after a negation, "just"/"فقط" opens what is wanted instead.
      else if (id === ONLY && firstNegationEnd >= 0 && hits[at + 1]! >= additiveEnd && hits[at + 3]! + bump === current) bump++
      clause = hits[at + 3]! + bump
    }
    if (clause !== current) {
      if (hitsInClause > 0) {
        const capped = ceiling && !ceilingNegated && (payable || budgetStart >= 0)
        if ((shrink && !shrinkNegated) || capped) {
          cues |= shrunk
          keptNegatable |= shrunk
          derived |= shrunk
        }
        // "only 30k of budget approved": the approval is the ceiling, no grown budget.
        if (capped) increase = false
        if (stake) cues &= ~budgetBound
        const refused = conditional && conditionRefused
        const threatening = refused && (bargained || (cues & terms) !== 0)
        const buyThreatening = refused && (bargained || (cues & buyTerms) !== 0)
        // What the customer complains of here: a criterion in their words (their message, or a note's
        // clause whose subject they are: "I explained the price increase" is ours), not denied,
        // dismissed, accepted or routine.
        const theirs = who === "customer" || speaker === THEM
        const complained = theirs && !(dismissed || issueDismissed) &&
          (cues & buyTerms & ~(negatable & ~keptNegatable) & ~(accepted | unsought | (routineCues & ~freeCues))) !== 0
        const withdrawing = withdrawn && !withdrawNegated
        const withdrawThreat = withdrawing && (buyThreatening || pendingBuyThreatening || complained || pendingComplained)
        // Business taken elsewhere (a move) or withdrawn (the order cancelled, held).
        const threatMade = (move && !moveNegated && (moveToSupplier || (buying || namedMove ? buyThreatening || pendingBuyThreatening : threatening || pendingThreatening))) ||
          withdrawThreat || (pendingWithdraw && complained)
        if (threatMade) {
          cues |= threat
          keptNegatable |= threat
          derived |= threat
        }
        pendingThreatening = threatening && !move
        pendingBuyThreatening = buyThreatening && !move
        pendingComplained = complained
        pendingWithdraw = withdrawing && !withdrawThreat
        let voiced = cues & ~(negatable & ~keptNegatable)
        // A refusal of a discount is no price talk, unless what is refused is a rise ("don't want a price increase").
        if (increaseEnd < 0) voiced &= ~denied
        voiced &= ~(accepted | unsought | (routineCues & ~freeCues))
        // "Asked whether they would switch suppliers": a threat asked about is none made; one in their answer is.
        if (askedIn === currentScan && !answeredThreat && !(threatMade && answeredMove)) voiced &= ~threat
        if (dismissed || issueDismissed) voiced &= ~(dismissable & ~paidFor)
        // "Pricey, but worth it": the price is talked of, its value not disparaged.
        if (worth) {
          voiced &= ~excess
          pendingVoiced &= ~excess
        }
        // "our budget can't absorb the increase" is no grown budget.
        if (increase && firstNegationEnd < 0) voiced &= ~budgetBound
        // "not price, but quality" / "نه قیمت، بلکه کیفیت": the clause before a contrast loses what it negated.
        if (pendingCounts && (firstIsRather || (firstIsContrast && pendingFirstNegation))) pendingVoiced &= ~pendingNegatedCriteria
        // "Delivery has been fine, no issues": a dismissal with nothing of its own sets aside the clause before.
        if ((dismissed || issueDismissed) && (cues & dismissable) === 0) pendingVoiced &= ~dismissable
        // "Quality, not price, …" / "کیفیت، نه قیمت": a clause that is only "not X" after one that
        // voiced something else sets X aside; "delivery, not on time" (the same thing) keeps it.
        // "Delivery matters more to us than price": what a comparison ranks lower, after a clause
        // that named what ranks higher.
        const before = pendingCounts ? pendingVoiced & dismissable : 0
        // Only a bare "not X": "not the quality we ordered" says more than that, and keeps it.
        const bareNotX = firstIsNegation && !additive && hitsInClause === cueHits + 1 && firstCueStart - firstNegationEnd <= NOT_X_GAP
        if (bareNotX && (before & ~negatedCriteria) !== 0) voiced &= ~negatedCriteria
        if (firstIsLesser && before !== 0) voiced &= ~(dismissable & ~before)
        // "برای ما کیفیت از قیمت مهم‌تره": what follows "از" ranks below what the clause also names.
        if (greater && (thanCues & dismissable) !== 0 && (cues & dismissable & ~thanCues) !== 0) voiced &= ~(thanCues & dismissable)
        // "Maybe price is a factor, but quality decides": a hedged clause yields to the contrast after it.
        // "قیمت مهمه ولی کیفیت مهم‌تره" (price matters but quality more): so does a contrast ranking something else higher.
        if ((pendingConceded || (greater && thanCues === 0)) && firstIsContrast && (voiced & dismissable & ~pendingVoiced) !== 0) pendingVoiced &= ~dismissable
        if (pendingQuotedOnly && speaker !== NONE) pendingCounts = (who === "customer" || speaker === THEM) && !pendingQuotedText
        if (pendingCounts) voice |= pendingVoiced
        // Quoted words take the speaker of the clause that quotes them, else the customer's (reps
        // quote customers); an unquoted clause without a subject continues the one before.
        const quotedOnly = speaker === NONE && quotedHits
        let resolved = speaker
        if (quotedOnly) resolved = inherited === NONE ? THEM : inherited
        else if (resolved === NONE) resolved = inherited
        else inherited = resolved
        if (resolved === THEM) markers |= HEARD
        pendingQuotedOnly = quotedOnly
        pendingQuotedText = ((quotedTexts >> currentText) & 1) !== 0
        pendingCounts = (who === "customer" || resolved === THEM) && !pendingQuotedText
        pendingVoiced = voiced
        pendingNegatedCriteria = additive ? 0 : negatedCriteria & dismissable
        pendingFirstNegation = firstIsNegation && !additive
        pendingConceded = conceded
        cues = 0
        keptNegatable = 0
        negatedCriteria = 0
        dismissed = false
        dismissalEnd = -1
        issueDismissed = false
        lastNegationStart = -1
        increase = false
        budget = false
        budgetStart = -1
        increaseEnd = -1
        speaker = NONE
        speakerStart = -1
        speakerEnd = -1
        speakerByVerb = false
        prepositionEnd = -1
        quotedHits = false
        firstIsNegation = false
        firstIsContrast = false
        firstIsRather = false
        firstIsLesser = false
        firstCueStart = -1
        cueHits = 0
        thanEnd = -1
        thanCues = 0
        greater = false
        additive = false
        hitsInClause = 0
        negationEnd = -1
        firstNegationEnd = -1
        firstNegationIsVerb = false
        negationClosed = false
        conjunctionStart = -1
        negationOpens = false
        answeredThreat = false
        answeredMove = false
        issueEnd = -1
        negatableSeen = 0
        negatableEnd = -1
        excessOfStart = -1
        excessOfDocument = false
        lastCueStart = -1
        lastCueEnd = -1
        lastCueBit = 0
        runCues = 0
        runStart = -1
        denying = false
        denied = 0
        accepted = 0
        acceptedEnd = -1
        routineStart = -1
        routineEnd = -1
        routineCues = 0
        freeCues = 0
        lastCueNewFree = false
        conceded = false
        shrink = false
        shrinkEnd = -1
        shrinkNegated = false
        ceiling = false
        ceilingEnd = -1
        ceilingNegated = false
        payable = false
        payableStart = -1
        payableBefore = false
        worth = false
        stake = false
        conditional = false
        additiveEnd = -1
        conditionRefused = false
        bargained = false
        move = false
        buying = false
        namedMove = false
        withdrawn = false
        withdrawNegated = false
        moveEnd = -1
        moveNegated = false
        moveToSupplier = false
        supplierEnd = -1
        sayingStart = -1
        sayingEnd = -1
        premiumEnd = -1
        paidFor = 0
        conditionStart = -1
        moveStart = -1
        seekEnd = -1
        soughtCues = 0
        unsought = 0
        unsolvedEnd = -1
      }
      if (h === count) break
      current = clause
      currentScan = hits[h * 5 + 3]!
      // A subject line is a title ("Customer call"): its role noun names no speaker for the body.
      if (flags >> 2 !== currentText) {
        currentText = flags >> 2
        inherited = NONE
      }
    }
    // A saying is read whole: "isn't" in "cheaper isn't better" is the saying's, not a negation of what follows.
    if (end <= sayingEnd && start >= sayingStart) continue
    // A conjunction only bounds a negation's reach: it is no hit of the clause ("And not price …" opens with its negation).
    if (id === CONJUNCTION) {
      conjunctionStart = start
      continue
    }
    const first = hitsInClause === 0
    hitsInClause++
    const inQuotes = (flags & 1) !== 0
    let claim = NONE
    let byVerb = false
    if (id >= MARKER_BASE) {
      if (id < FLAGGED_END) markers |= 1 << (id - MARKER_BASE)
      switch (id) {
        case NEGATION_VERB:
        case NEGATION:
          // "if we can't hold the price", before the move or after a move said first ("they might go to Acme if …").
          if (conditional && (!move || moveStart < conditionStart)) conditionRefused = true
          lastNegationStart = start
          if (id === NEGATION_VERB) {
            // Persian puts the negative verb last ("خیلی گرون نیست"): it negates the pushback before
            // it, unless it is part of that pushback's own words ("ارزش ندارد").
            // Only close behind it: "بودجه ما ثابت است و بیشتر از پارسال نمی‌توانیم پرداخت کنیم" keeps its constraint.
            if (negatableSeen !== 0 && negatableEnd <= start && start - negatableEnd <= NEGATION_VERB_GAP) keptNegatable &= ~negatableSeen
            // «دنبال ارزون‌ترین قیمت ممکن نیستیم»: what they seek, denied.
            if (seekEnd >= 0 && start >= seekEnd && start - seekEnd <= SEEK_GAP) unsought |= soughtCues
            // «سراغ یه تامین‌کننده دیگه نمی‌ریم»: no move.
            if (move && start >= moveEnd && start - moveEnd <= MOVE_NEGATION_GAP) moveNegated = true
            // «تحویل‌ها همیشه به موقع نیست»: the dismissal right before it denied (not «اعتراضی نداشتند», whose verb is its own).
            if (dismissalEnd >= 0 && start >= dismissalEnd && start - dismissalEnd <= DISMISSAL_NEGATION_GAP) dismissed = false
          }
          // The rest of a conditional's negations are the condition's ("اگر حل نشود … با رقیب می‌بندیم").
          if (conditional) break
          if (first) firstIsNegation = true
          // A Persian negative verb closes what was named before it, with no conjunction between:
          // «کیفیت خوب نیست و قرارداد رو تمدید نمی‌کنیم» keeps its threat; a modal after a conjunction
          // («کیفیت خوبه و نمی‌خوایم تامین‌کننده رو عوض کنیم») or opening the clause denies what follows.
          const closes = id === NEGATION_VERB && (lastCueEnd > issueEnd ? lastCueEnd : issueEnd) > conjunctionStart
          // A phrase and its own "not" both hit ("wouldn't say", "not"): the phrase's end counts.
          if (end > negationEnd) {
            negationEnd = end
            negationOpens = !closes
          }
          if (firstNegationEnd < 0) {
            firstNegationEnd = end
            firstNegationIsVerb = closes
          }
          // "The problem is not price", «مشکل خاصی نداریم»; not "Problem: delivery not on time" (in
          // English the negation after a criterion is its own), nor "حل نکردید" (not solved: the problem stands).
          if (issueEnd >= 0 && start >= issueEnd && start - issueEnd <= ISSUE_NEGATION_GAP && start >= unsolvedEnd &&
            (id === NEGATION_VERB || lastCueEnd <= issueEnd)) issueDismissed = true
          // "قابل قبول نیست": the verdict denied.
          if (acceptedEnd >= 0 && start >= acceptedEnd && start - acceptedEnd <= NEGATION_VERB_GAP) accepted = 0
          // "budget is not frozen", "بودجه بسته نیست" (not "budget cuts mean we can't renew").
          if (budgetStart >= 0 && start > budgetStart && (shrinkEnd < 0 || (id === NEGATION_VERB && start >= shrinkEnd && start - shrinkEnd <= NEGATION_VERB_GAP))) shrinkNegated = true
          if (id === NEGATION_VERB && ceilingEnd >= 0 && start >= ceilingEnd && start - ceilingEnd <= CAP_NEGATION_GAP) ceilingNegated = true
          break
        case ISSUE:
          issueEnd = end
          // Not a negation inside "not fixed" ("they have not fixed the issue").
          if (negationEnd >= 0 && start >= negationEnd && start - negationEnd <= NEGATION_ISSUE_GAP && negationEnd > unsolvedEnd) issueDismissed = true
          break
        case UNSOLVED:
          // Its own negation ("not fixed") was read just before it, at its start.
          if (lastNegationStart >= start) issueDismissed = false
          if (end > unsolvedEnd) unsolvedEnd = end
          break
        case SEEK:
          seekEnd = end
          break
        case DEGREE:
          // "not necessarily looking for", "don't particularly need": the adverb is part of the negation.
          if (negationEnd >= 0 && start >= negationEnd && start - negationEnd <= 1) {
            if (firstNegationEnd === negationEnd) firstNegationEnd = end
            negationEnd = end
          }
          break
        case DISMISSAL:
          // "Deliveries are not always on time": a dismissal denied is a complaint (its own "no" starts with it: "no complaints").
          if (!deniedBy(negationEnd, start)) dismissed = true
          dismissalEnd = end
          break
        case CONTRAST:
          if (first) firstIsContrast = true
          break
        case RATHER:
          if (first) firstIsRather = true
          break
        case LESSER:
          if (first) firstIsLesser = true
          break
        case THAN:
          thanEnd = end
          break
        case GREATER:
          greater = true
          break
        case INCREASE:
          // After the budget word, or a phrase holding it.
          if (budget) increase = true
          if (end > increaseEnd) increaseEnd = end
          break
        case BUDGET:
          budget = true
          budgetStart = start
          if (start < increaseEnd) increase = true
          if (shrinkEnd >= 0 && start >= shrinkEnd && start - shrinkEnd <= SHRINK_GAP) shrink = true
          break
        case PREPOSITION:
          prepositionEnd = end
          break
        case ADDITIVE:
          additive = true
          if (end > additiveEnd) additiveEnd = end
          break
        case WANT: {
          // Refused: "don't need …" before what it refuses; "discount not required", "no discount
          // needed" and "تخفیف نمی‌خوایم" (the verb opens with its own negation) after it.
          const selfNegated = negationEnd > start
          const negatedBefore = !selfNegated && negationEnd >= 0 && start - negationEnd <= WANT_GAP
          const runBefore = lastCueEnd >= 0 && lastCueEnd <= start && start - lastCueEnd <= JUDGE_GAP
          const runNegated = runBefore && negationEnd >= 0 && negationEnd <= runStart && runStart - negationEnd <= WANT_GAP
          if (runBefore && (selfNegated || negatedBefore || runNegated)) denied |= runCues & deniable
          if (negatedBefore) denying = true
          break
        }
        case ONLY:
          if (first) firstIsRather = true
          denying = false
          break
        case CONCESSION:
          conceded = true
          break
        case ACCEPTED:
          // Right after the cues it judges, with no negation between ("price not ok").
          if (lastCueEnd >= 0 && start >= lastCueEnd && start - lastCueEnd <= JUDGE_GAP && negationEnd <= lastCueEnd) {
            accepted |= runCues & dismissable
            acceptedEnd = end
          }
          break
        case ROUTINE:
          // A cue at the phrase's own start was recorded just before it ("ship" of "ship to").
          if (lastCueStart >= start && lastCueEnd <= end) {
            routineCues |= lastCueBit
            if (lastCueNewFree) freeCues &= ~lastCueBit
          }
          routineStart = start
          if (end > routineEnd) routineEnd = end
          break
        case PRICED:
          bargained = true
          // A cue runs on through the document it names: «ارزون‌ترین پیشنهاد رو نمی‌خوایم».
          if (lastCueEnd >= 0 && start >= lastCueEnd && start - lastCueEnd <= RUN_GAP) lastCueEnd = end
          if (excessOfStart < 0) {
            excessOfStart = start
            excessOfDocument = true
          }
          break
        case CAP:
          ceiling = true
          // "no cap on the budget"; "no more than" holds its own "no", which ends after the cap's start.
          if (deniedBy(negationEnd, start)) ceilingNegated = true
          if (end > ceilingEnd) ceilingEnd = end
          break
        case PAYABLE:
          payableBefore = payable
          payable = true
          payableStart = start
          break
        case VETTED:
          if (start === payableStart) payable = payableBefore
          break
        case WORTH:
          // Not "not worth it" (a disparagement of its own), nor "hardly worth it".
          if (!deniedBy(negationEnd, start)) worth = true
          break
        case STAKE:
          stake = true
          break
        case CONDITION:
          conditional = true
          if (conditionStart < 0) conditionStart = start
          break
        case UNLESS:
          conditional = true
          if (conditionStart < 0) conditionStart = start
          conditionRefused = true
          break
        case PERCENT:
          bargained = true
          break
        case WITHDRAW:
          // "We're not cancelling the order": denied as a move is.
          // A denial reaches further than a move's: "we have no intention whatsoever of cancelling the order".
          if (negationOpens && start >= negationEnd && start - negationEnd <= WITHDRAW_DENIED_GAP && conjunctionStart < negationEnd) withdrawNegated = true
          if (answeredAt >= 0 && start >= answeredAt) answeredMove = true
          withdrawn = true
          break
        case BUY:
        case MOVE:
          if (id === BUY) buying = true
          if (!move) moveStart = start
          // "We're not switching to another vendor", "we have no intention of moving to Acme": no move;
          // "not happy and are moving to", «خوب نیست پس میریم سراغ»: another statement, a move.
          if (negationOpens && start >= negationEnd && start - negationEnd <= MOVE_DENIED_GAP && conjunctionStart < negationEnd) moveNegated = true
          if (answeredAt >= 0 && start >= answeredAt) answeredMove = true
          move = true
          if (end > moveEnd) moveEnd = end
          if (supplierEnd >= 0 && start >= supplierEnd && start - supplierEnd <= MOVE_SUPPLIER_GAP) moveToSupplier = true
          break
        case TOWARD:
          // "we'll go to your warehouse", «می‌ریم سراغ انبار شما»: the move it begins with is toward us or a place.
          if (move && start >= moveStart) moveNegated = true
          break
        case SUPPLIER:
          if (move && start >= moveEnd && start - moveEnd <= MOVE_SUPPLIER_GAP) moveToSupplier = true
          supplierEnd = end
          break
        case SAYING:
        case SERVICE: {
          const made = id === SAYING ? saying : service
          // A price word at the saying's own start was recorded just before it ("cheap" of "cheaper
          // isn't better"), as is "quality" of "quality of support"; "service" of "service quality" is the phrase's own cue.
          if (lastCueStart >= start && lastCueEnd <= end && lastCueBit !== made) {
            routineCues |= lastCueBit
            if (lastCueNewFree) freeCues &= ~lastCueBit
          }
          cues |= made
          derived |= made
          sayingStart = start
          sayingEnd = end
          // The quality of a service is judged as its cue would be: "service quality is great", «کیفیت خدمات‌تون خوبه».
          if (id === SERVICE) {
            runCues |= made
            lastCueEnd = end
          }
          break
        }
        case QUESTION:
          askedIn = hits[h * 5 + 3]!
          questionEnd = end
          questionClause = current
          answeredAt = -1
          break
        case NAMED:
          // "If support doesn't improve we're moving to Acme": a company under a refused condition.
          // Alone a name after a move is as often a person, a city or a colour (parameters.ts `move`).
          if (move && start >= moveEnd && start - moveEnd <= 2) namedMove = true
          break
        case PREMIUM:
          if (lastCueStart >= start && lastCueEnd <= end) {
            routineCues |= lastCueBit
            if (lastCueNewFree) freeCues &= ~lastCueBit
          }
          sayingStart = start
          sayingEnd = end
          premiumEnd = end
          break
        case MODERATE:
          // «قیمت‌ها بالا نیست»: the price before it found not excessive, as "not too high" is.
          if (excessOfStart >= 0 && negationEnd <= excessOfStart) {
            accepted |= excessOf
            acceptedEnd = end
          }
          break
        case SHRINK:
          if (budgetStart >= 0) shrink = true
          if (deniedBy(negationEnd, start)) shrinkNegated = true
          if (end > shrinkEnd) shrinkEnd = end
          break
        case EXCESS:
          // "prices are way too high": after the price, unless a negation stands between ("not too
          // high") or right before it ("not too pricey", where the word is its own price).
          if (excessOfStart >= 0 && negationEnd <= excessOfStart && !(negationEnd >= 0 && start - negationEnd <= WANT_GAP)) {
            const made = excessOfDocument ? excess | excessOf : excess
            cues |= made
            derived |= made
            if ((excess & negatable) !== 0) {
              keptNegatable |= excess
              negatableSeen |= excess
              if (end > negatableEnd) negatableEnd = end
            }
          } else if (excessOfStart >= 0 && negationEnd > excessOfStart && negationEnd <= start) {
            // "Prices are not too high": the price found acceptable, no criterion ("price ok").
            accepted |= excessOf
            acceptedEnd = end
          }
          break
        case CUSTOMER:
        case SAYS:
        case OURS:
        case WE:
        case DID:
          // "The quality isn't good and we won't renew": a subject of its own after the negation opens
          // another statement, which the negation does not reach ("I don't think we'll switch" it does).
          if (id === WE && negationEnd >= 0 && conjunctionStart > negationEnd) negationClosed = true
          // The answer stands apart from the question ("asked if delivery was OK and they said …",
          // «پرسیدم …، گفتن …»); "asked if the customer confirmed they're switching" is all question.
          if (id === SAYS && !inQuotes && askedIn === currentScan && answeredAt < 0 && start >= questionEnd &&
            (conjunctionStart >= questionEnd || current !== questionClause)) answeredAt = start
          if (inQuotes) quotedHits = true
          else if (!(prepositionEnd >= 0 && start >= prepositionEnd && start - prepositionEnd <= PREPOSITION_GAP)) claim = id === CUSTOMER || id === SAYS ? THEM : US
          break
        case DOCUMENT:
          if (inQuotes) quotedHits = true
          else claim = OTHER
          break
        case CUSTOMER_VERB:
        case OURS_VERB:
          if (inQuotes) quotedHits = true
          else {
            claim = id === CUSTOMER_VERB ? THEM : US
            byVerb = true
          }
          break
      }
    } else {
      const bit = 1 << id
      cues |= bit
      if (firstCueStart < 0) firstCueStart = start
      if (lastCueEnd >= 0 && start - lastCueEnd <= RUN_GAP) runCues |= bit
      else {
        runCues = bit
        runStart = start
      }
      if (routineEnd >= 0 && start >= routineStart && end <= routineEnd) {
        routineCues |= bit
        lastCueNewFree = false
      } else {
        lastCueNewFree = (freeCues & bit) === 0
        freeCues |= bit
      }
      lastCueStart = start
      lastCueEnd = end
      lastCueBit = bit
      if (denying && (bit & deniable) !== 0) denied |= bit
      if ((bit & threat) !== 0 && answeredAt >= 0 && start >= answeredAt) answeredThreat = true
      cueHits++
      if (thanEnd >= 0 && start >= thanEnd && start - thanEnd <= THAN_GAP && !greater) thanCues |= bit
      // "budget … price increase": the increase is the price's, not the budget's.
      if (budget && start > budgetStart && (bit & dismissable) !== 0) budget = false
      if ((bit & excessOf) !== 0 && excessOfStart < 0) excessOfStart = start
      if (seekEnd >= 0 && start >= seekEnd && start - seekEnd <= SEEK_GAP) {
        soughtCues |= bit & dismissable
        seekEnd = end
      }
      if (premiumEnd >= 0 && start >= premiumEnd) paidFor |= bit
      if (inQuotes) quotedHits = true
      else if ((bit & otherSubject) !== 0) {
        // "they'll go to a competitor", «می‌رن سراغ رقیب»: a move to another supplier, which is where
        // they go, not who speaks; nor is one after a preposition («از شرکت دیگه خرید می‌کنن»), as a
        // role noun there is no subject.
        const movedTo = move && start >= moveEnd && start - moveEnd <= MOVE_SUPPLIER_GAP
        if (movedTo) moveToSupplier = true
        supplierEnd = end
        if (!movedTo && !(prepositionEnd >= 0 && start >= prepositionEnd && start - prepositionEnd <= PREPOSITION_GAP) &&
          !(thanEnd >= 0 && start >= thanEnd && start - thanEnd <= PREPOSITION_GAP)) claim = OTHER
      }
      // A negation counts when it ends before the cue starts: "can't" inside "can't pay more" is the cue.
      const negatedHere = firstNegationEnd >= 0 && firstNegationEnd <= start
      if ((bit & negatable) !== 0) {
        // A Persian negative verb closes what comes before it: «تا مشکل حل نشه سفارش جدید نمی‌دیم» keeps its threat.
        if (!negatedHere || firstNegationIsVerb || negationClosed) keptNegatable |= bit
        negatableSeen |= bit
        if (end > negatableEnd) negatableEnd = end
      }
      if (negatedHere && (bit & dismissable) !== 0) negatedCriteria |= bit
    }
    // The first speaker marker of a clause decides; at one place the longer phrase ("sent us" over
    // "sent") wins. A Persian verb's person ending names its subject wherever it stands (the verb
    // comes last: "تماس با مشتری: لیست قیمت را ارسال کردیم" is ours), so it outranks a noun.
    // A third party named first (a competitor, a document) keeps the clause: "بروشور رقیب می‌گوید …"
    // is the brochure speaking, whatever the verb's person.
    if (claim !== NONE && (speaker === NONE || (start === speakerStart && end > speakerEnd) || (byVerb && !speakerByVerb && speaker !== OTHER))) {
      speaker = claim
      speakerStart = start
      speakerEnd = end
      speakerByVerb = byVerb
    }
  }
  // The last clause: nothing follows to contrast it.
  if (pendingCounts) voice |= pendingVoiced
  return settle(out, mask | derived, voice, markers)
}

/**
 * Whether the hit at `h` (a subject of theirs or ours), inside a note's clause whose speaker is
 * `speaker`, begins a clause of the other side:
 * - a subject of theirs and its verb of speech after our action or a third party's words: "We
 *   presented the new price list and they said delivery is what matters", "… and the buyer
 *   insisted …";
 * - our subject pronoun and one of our actions in a clause of theirs: "They complained about
 *   delivery and we offered a discount";
 * - after a Persian verb of theirs, "ما" with a verb of ours later in the clause («مشتری گفت … و ما
 *   تخفیف دادیم»); "ما" alone after their verb may be "our" («قیمت ما»), which stays theirs;
 * - in a condition of ours, a subject of theirs and its move: "If we don't give them 15% they'll go
 *   to Acme" (the condition is ours, the threat theirs).
 */
function speakerChangesAt(hits: Int32Array, h: number, count: number, speaker: number, byVerb: boolean, speakerEnd: number, prepositionEnd: number, conditional: boolean): boolean {
  const at = h * 5
  const id = hits[at]!
  const start = hits[at + 1]!
  if (id === CUSTOMER) {
    if (prepositionEnd >= 0 && start >= prepositionEnd && start - prepositionEnd <= PREPOSITION_GAP) return false
    return (speaker === US || speaker === OTHER) && (nextHitIs(hits, h, count, SAYS) || (conditional && (nextHitIs(hits, h, count, MOVE) || nextHitIs(hits, h, count, BUY) || nextHitIs(hits, h, count, WITHDRAW))))
  }
  if (id === WE) return speaker === THEM && nextHitIs(hits, h, count, DID)
  if (speaker !== THEM || !byVerb || start < speakerEnd) return false
  for (let n = h + 1; n < count && hits[n * 5 + 3] === hits[at + 3]; n++) {
    const next = hits[n * 5]!
    if (next === OURS_VERB) return true
    if (next === CUSTOMER || next === CUSTOMER_VERB) return false
  }
  return false
}

/** Whether a reply header starts where the hit at `h` does (it follows the shorter hits there). */
function headerAt(hits: Int32Array, h: number, count: number): boolean {
  const start = hits[h * 5 + 1]
  for (let n = h + 1; n < count && hits[n * 5 + 1] === start; n++) if (hits[n * 5] === REPLY_HEADER) return true
  return false
}

/** Whether the first hit after `h` that starts elsewhere is `id`, in the same clause and close
 * enough to make a subject and its verb. */
function nextHitIs(hits: Int32Array, h: number, count: number, id: number): boolean {
  const at = h * 5
  let n = h + 1
  while (n < count && hits[n * 5 + 1] === hits[at + 1]) n++
  if (n >= count) return false
  const next = n * 5
  return hits[next] === id && hits[next + 3] === hits[at + 3] && hits[next + 1]! - hits[at + 2]! <= SUBJECT_VERB_GAP
}

function settle(out: Reading, cues: number, voice: number, markers: number): Reading {
  out.cues = cues
  out.voice = voice
  out.markers = markers
  return out
}
