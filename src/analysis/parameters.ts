/**
 * Every weight, threshold and lexicon the classifier uses, in one place, so calibration touches
 * one file. Sources: FRAMEWORK.md §1-§2 and research/pricing-negotiation.md §3-§5 ("research").
 * A value marked "design default" has no published number behind it: it is a starting point to
 * calibrate on labelled accounts, chosen so the scenario tests read like the published cases.
 */

const DAY = 86_400_000

/** Time constants in epoch milliseconds. */
export const TIME = { DAY, MONTH: 30.44 * DAY, YEAR: 365.25 * DAY } as const

/**
 * Recency (issue 13): the labels describe the relationship now, so a record's vote decays with
 * its age, halving every `halfLifeDays`. Recency is the strongest single predictor of what a
 * customer does next (Fader, Hardie & Lee 2005, "RFM and CLV", JMR 42(4)). One year because B2B
 * buying is reset by the annual budget and supplier review: last year's record counts half, one
 * five years old about 3 %. At a steady pace the last year then weighs as much as all the years
 * before it together. Design default for the value.
 */
export const RECENCY = { halfLifeDays: 365 } as const

/**
 * A change of regime (issue 13): the last `windowDays` read against the years before.
 * Design defaults unless noted.
 */
export const REGIME = {
  /** The recent period: one budget cycle (see RECENCY). */
  windowDays: 365,
  /** History needed before the window, so that "before" is a period and not one record. */
  minEarlierDays: 365,
  /** Criteria: each period needs this many points and records (CRITERIA.minPoints, one record
   * more: a year is a small sample); the recent leader needs this share of the recent points and
   * to have risen by `minShareRise` over its share before. */
  minPeriodPoints: 3,
  minPeriodRecords: 3,
  minLeaderShare: 0.5,
  minShareRise: 0.3,
  /** Procurement: tender, RFQ and multi-quote signals (deals with ≥ `competitiveCount`
   * competitors, customer-spec or competitor cues) in the window: at least this many, and this
   * many times the yearly rate before. */
  competitiveCount: 2,
  minCompetitiveSignals: 2,
  competitiveRise: 3,
  /** Deals lost on price in the window with none of that kind in a year before, on average. */
  minPriceLosses: 2,
  /** Mean final discount in the window above the mean before, in percentage points. */
  discountPoints: 5,
  /** Discounts shown in the path (the last before the window, then the window's). */
  maxPath: 5,
  /** Evidence per side of each change. */
  evidencePerChange: 4
} as const

/**
 * Emerson power-dependence classifier (research §4). Power of A over B = B's dependence on A
 * (Emerson 1962), so "supplier power" is built from signals of the customer's dependence on us
 * and "customer power" from signals of our dependence on them.
 */
export const DOMINANCE = {
  /** |supplier − customer| ≤ δ → balanced (research §4, §5 `dominance.delta`; FRAMEWORK §1). */
  delta: 0.15,
  /** Balanced and (supplier + customer) / 2 ≥ this → interdependent, else independent: the two
   * balanced cells of Cox's (2001) power matrix (research §3.2, §4). */
  interdependenceTotal: 0.5,
  /**
   * Supplier-power factor weights. Research §4 gives value origin 0.15, customisation/service
   * 0.20, alternatives 0.25, Kraljic profit impact 0.15, responsiveness 0.10, criteria 0.15. No
   * CRM field measures the customer's profit impact, so its 0.15 is spread over the three
   * factors that stand closest to it (lock-in, criteria, responsiveness: +0.05 each).
   */
  supplierWeights: { valueOrigin: 0.15, lockIn: 0.25, alternatives: 0.25, criteria: 0.2, responsiveness: 0.15 },
  /**
   * Customer-power factor weights. Research §4: revenue share 0.25, our alternative customers
   * 0.20, terms imposed 0.20, price-dominant 0.20, complaints 0.15. FRAMEWORK §1 adds what the
   * CRM shows directly (discount depth, quote rounds and who moved, losses to price). Our
   * alternatives are folded into revenue share (a share among peers already falls as the rep's
   * book widens); "terms imposed" is split into the concession ledger (observed behaviour, 0.20)
   * and customer-paper text cues (weaker, 0.10); "price-dominant" into criteria (0.15) and
   * losses to price (0.15). Sums to 1.
   */
  customerWeights: { revenueShare: 0.25, concessions: 0.2, customerPaper: 0.1, priceCriterion: 0.15, priceLosses: 0.15, complaints: 0.15 },
  /** Below this share of factor weight observed (averaged over both sides) → unknown. Design
   * default: about two solid factors per side. */
  minCoverage: 0.35,
  /** Each side must show at least this much factor weight: power is two-sided (Emerson), a
   * label from one side alone would be a guess about the other. Design default. */
  minSideCoverage: 0.15,
  /** Distinct records behind the factors before a label is given. Design default. */
  minRecords: 4,
  /** Supplier-led value counts less than co-created value toward the customer's dependence:
   * co-creation is the customer's own investment (Emerson's "motivational investment";
   * Payne, Storbacka & Frow 2008). Design default. */
  supplierLedDependence: 0.6,
  /** Final discount depth (percent of list) that counts as a full concession signal. Design default. */
  fullDiscountPercent: 25,
  /** Extra quote rounds (beyond the first quote) that count as full negotiation pressure. Design default. */
  fullExtraRounds: 3,
  /** Revenue share of the rep's book at which our dependence is full. Public companies must
   * disclose a customer at ≥ 10 % of revenue (SEC Regulation S-K Item 101) as material; twice that
   * is taken as full. */
  fullRevenueShare: 0.2,
  /** Losing this share of closed deals on price counts as full price-loss pressure. Design default. */
  fullPriceLossShare: 0.5,
  /** Complaints per year that count as full complaint pressure (one a month). Design default. */
  fullCasesPerYear: 12,
  /** Customer-paper cue hits that count as full "their terms" pressure. Design default. */
  fullCustomerPaperHits: 2,
  /** A custom/service share of quoted value at or above this is full lock-in from the offer. Design default. */
  fullCustomShare: 0.5,
  /** Integration mentions make the customer invest in our interfaces (switching cost). Design default. */
  integrationLockIn: 0.5,
  /** A long contract without lease/service wording still binds, less than a lease. Design default. */
  longContractLockIn: 0.6
} as const

/** Lock-in patterns (FRAMEWORK §1 "Dependence and lock-in"; research §3.4). */
export const DEPENDENCE = {
  /** A service or lease contract this long binds the customer (GE "power by the hour"). Design
   * default: two budget cycles. */
  longServiceMonths: 24,
  /** Any contract this long counts as a long-term commitment. Design default. */
  longContractMonths: 36,
  /** Siemens pattern: share of quote lines that are write-in (custom) or service lines. Design default. */
  customServiceShare: 0.2,
  /** ... or at least this many custom/service lines across quotes. Design default. */
  minCustomServiceLines: 2,
  /** Labels: score ≥ high → "high", ≥ moderate → "moderate", else "low". Design default. */
  high: 0.6,
  moderate: 0.3
} as const

/** Decision criteria (FRAMEWORK §1): points per vote, by how structured the source is. */
export const CRITERIA = {
  /** A deal's loss reason is the customer's own stated reason for the decision. */
  lossReasonWeight: 3,
  /** Case type/reason picklists are structured but describe a complaint, not a purchase decision. */
  caseFieldWeight: 2,
  /** Free text (subjects, descriptions, notes): one vote per record, split among the criteria
   * it mentions, so a long note cannot outvote a structured field. */
  textWeight: 1,
  /** A deal whose quote revisions deepened the discount is a discount request honoured (FRAMEWORK §1):
   * one vote per deal, split among its deepening revisions, so a deal haggled over in five rounds
   * does not outvote the reasons they gave for leaving us (two deals lost on lead time). */
  discountRevisionWeight: 1,
  /** Minimum points and distinct records before the top criterion is named. Design default. */
  minPoints: 3,
  minRecords: 2,
  /** Confidence reaches 0.5 at this many points. Design default. */
  halfConfidencePoints: 6
} as const

/** Value-proposition origin (FRAMEWORK §1; Payne, Storbacka & Frow 2008). */
export const VALUE_ORIGIN = {
  /** RFP/RFQ/tender named on the deal itself is structured evidence of a customer-specified offer. */
  dealWeight: 2,
  textWeight: 1,
  quoteWeight: 1,
  /** A catalogue-only quote counts as supplier-led only at (about) list price. Design default. */
  listPriceTolerancePercent: 5,
  minPoints: 2,
  minRecords: 2,
  /** The top origin needs this share and this lead over the runner-up, else "mixed" → unknown. Design default. */
  minShare: 0.45,
  minLead: 0.1,
  halfConfidencePoints: 4
} as const

/** Initiator (FRAMEWORK §1): votes by signal strength. */
export const INITIATOR = {
  /** Lead source is a recorded answer to "where did this come from". */
  accountLeadSourceWeight: 2,
  dealLeadSourceWeight: 1.5,
  firstActivityWeight: 1.5,
  firstQuoteRequestWeight: 1,
  /** Only activity this close to the start of the visible history counts as "first": a first
   * outbound call a year after the account was created started nothing. Design default. */
  startWindowDays: 30,
  /** Below this vote weight → unknown: one activity alone may just be where a truncated history
   * begins. Design default. */
  minWeight: 2,
  /** |score| below this → conflicting signals → unknown. Design default. */
  minAbsScore: 0.34,
  halfConfidenceWeight: 3
} as const

/** Complaints and responsiveness (FRAMEWORK §1; seed 000). */
export const COMPLAINTS = {
  /** Median days to close (open cases count with their age so far). Design defaults. */
  responsiveDays: 2,
  adequateDays: 7,
  /** A score of 1 at 0 days falling to 0 at this many days. Design default. */
  zeroScoreDays: 30,
  /** Trend windows and thresholds. Design defaults. */
  trendWindowDays: 90,
  risingFactor: 1.5,
  minRecentForRising: 2,
  minCasesForLabel: 2,
  /** Enough other history to read "no cases" as "no complaints" rather than "no data". */
  minRecordsForNone: 20,
  halfConfidenceCases: 5,
  /**
   * Complaint pressure (issue 13): each complaint counts 1, scaled by its severity, escalation
   * and time to close against the account's own norm, and by recency (RECENCY); the sum over
   * `fullPressure` (one normal complaint a month for a year, as DOMINANCE.fullCasesPerYear) is
   * full pressure. Service requests (how-to questions) are not complaints. Design defaults.
   */
  severityWeight: { high: 1.5, normal: 1, low: 0.5 },
  escalatedWeight: 1.5,
  /** A case open or taking more than this many times the account's median to close, and at
   * least `slowMinDays`, weighs `slowWeight`: slower than this customer is used to. */
  slowFactor: 2,
  slowMinDays: 2,
  slowWeight: 1.5,
  fullPressure: 12,
  /** Pressure at or above this is a risk signal. */
  pressureSignal: 0.5,
  /** A churn threat in the customer's words counts this long, and adds this much pressure. */
  churnWindowDays: 365,
  churnPressure: 0.25,
  /** Records kept behind the pressure and the churn threats. */
  evidence: 4
} as const

/** Concession ledger (FRAMEWORK §1). */
export const LEDGER = {
  /** Deals with a known final discount needed to read a cross-deal trend. Design default. */
  minDealsForTrend: 3,
  /** Recent minus earlier mean final discount, in percentage points. Design default. */
  trendPoints: 3,
  /** The recent deals compared with all deals before them: the last half, at most this many, so
   * that a long steady past cannot hide where the discount went lately (issue 13). Design default. */
  recentDeals: 3
} as const

/** Payne & Frow CRM strategy matrix (research §3.3). Axes are 0-1; 0.5 splits low/high. */
export const STRATEGY = {
  split: 0.5,
  /** Information completeness saturates at these counts. Design defaults. */
  fullContacts: 3,
  fullInteractions: 25,
  fullServiceRecords: 3,
  /** Quote revisions that make the negotiation record complete (5 deals × 3 rounds is plenty). Design default. */
  fullQuoteRevisions: 6,
  /** Individualisation weights: write-in/service lines, co-creation, tailored contracts. Design default. */
  individualisation: { customLines: 0.5, coCreation: 0.3, tailoredContracts: 0.2 },
  fullCoCreationPoints: 3,
  minRecords: 3,
  halfConfidenceRecords: 20
} as const

/** Competitors and losses named in the history (competitors.ts). Design defaults. */
export const COMPETITION = {
  /** Only the most recent texts that talk price or competition are read for names: bounded work. */
  maxTexts: 200,
  /** Competitors and losses kept in the profile. */
  maxCompetitors: 5,
  maxLosses: 5,
  /** A name longer than this is a sentence fragment, not a company. */
  maxNameChars: 40,
  /**
   * English words that stand where a name would and are none: pronouns, times, amounts, our own
   * steps ("moving to Phase 2", "switch to Option B"), "another supplier". Trimmed from a name's
   * edges by the competitor reader; a move to one ("switching to Tuesday") is no move to a company
   * (src/text/lexicon.ts `nameAfter`).
   */
  stopWords: [
    "i", "we", "our", "us", "you", "your", "they", "their", "them", "the", "this", "that", "these", "those", "it", "its", "he",
    "she", "a", "an", "last", "next", "price", "prices", "list", "net", "budget", "quote", "offer",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "q1", "q2", "q3", "q4", "fy", "rfq", "rfp",
    "eur", "usd", "gbp", "irr", "vat", "ok", "please", "thanks", "hi", "dear", "before", "expected", "planned", "usual",
    "then", "so", "and", "but", "also", "if", "when", "yes", "no", "today", "yesterday", "tomorrow", "everyone", "anyone", "all",
    // "Higher than Last Year", "give the order to Procurement", "Others are cheaper": no company.
    "year", "years", "quarter", "month", "week", "season", "time", "others", "other", "competitor", "competitors", "supplier",
    "suppliers", "vendor", "vendors", "someone", "somebody", "procurement", "purchasing", "finance", "management", "legal", "board",
    // "moving to Phase 2", "switch to Option B": a step of ours, not a company.
    "phase", "stage", "step", "option", "plan", "version", "tier", "level", "yours", "ours", "theirs", "tender", "bid", "rfi"
  ],
  /** Words that make a name a person, a place or a part of an organisation, wherever they stand in
   * it: "give the order to Mr Karimi", "move our next order to Tehran Office", "go to Accounts". */
  blockWords: [
    "mr", "mrs", "ms", "miss", "dr", "sir", "madam", "office", "offices", "headquarters", "hq", "branch", "warehouse", "site",
    "plant", "factory", "department", "dept", "team", "accounts", "accounting", "colleague", "colleagues", "manager", "director",
    "boss", "head", "ceo", "cfo", "cto", "coo", "building", "floor", "room", "street", "road", "avenue", "city", "airport", "port",
    // Our own tiers and packages, chosen by the customer: "they went with Premium Support".
    "support", "premium", "standard", "basic", "enterprise", "edition", "license", "licence", "subscription", "warranty", "package",
    "bundle", "gold", "silver", "platinum", "bronze"
  ],
  /** Capitalised words after a move that name no supplier of ours either, though a company may
   * begin with one ("New Holland"): "we're moving to New York", "switching to Weekly deliveries". */
  notMovedTo: [
    "new", "another", "weekly", "monthly", "quarterly", "annual", "yearly", "daily", "hr", "erp", "email", "mail", "pdf", "excel",
    // The systems a customer moves its own work to: "moving to Salesforce next month, please update our contact".
    "salesforce", "sap", "oracle", "microsoft", "google", "office", "teams", "outlook", "gmail", "aws", "azure", "dynamics",
    "windows", "zoom", "slack", "linux"
  ],
  /** What a company's possessive names when it is its offer: "Acme's quote is lower", "we'll go
   * with Acme's offer" (not "John's recommendation"). */
  offers: ["offer", "offers", "quote", "quotes", "quotation", "price", "prices", "pricing", "bid", "proposal", "deal", "terms"],
  /** Who goes to a company named when the customer leaves ("they'll go to Acme"); anyone else
   * going to a name runs an errand ("I'll go to John for approval"). Read by the scan and by the
   * competitor reader alike. */
  goers: ["they", "customer", "client", "buyer", "procurement", "purchasing"],
  /** Carriers, which an errand switches to ("if it doesn't arrive we'll switch to DHL for
   * shipping"): companies, but not our competitors. */
  carriers: ["dhl", "fedex", "ups", "tnt", "usps", "maersk", "schenker", "dsv", "aramex", "tipax", "courier"]
} as const

/** Account-specific advice (hints.ts). Design defaults. */
export const ADVICE = {
  /** Deals shown with their discount path in a hint, most recent first. */
  maxPaths: 3,
  /** The floor quoted to the rep is the deepest discount among this many most recent won deals
   * (since a change of regime, when there was one): "the level of your recent orders". */
  floorDeals: 3,
  /** Deals negotiated to a close (won or lost at a known discount) that make the buyer's price
   * limits known (limits.ts): then the rep anchors, not the buyer. */
  knownLimitDeals: 2,
  /** "We know little" needs all of these to be short: fewer deals, quote revisions and two-way contacts. */
  knownDeals: 2,
  knownQuotes: 3,
  knownContacts: 5
} as const

/** IDIC "differentiate" (seed 002): percentile tier among the accounts Parley knows. */
export const VALUE_TIER = {
  /** A percentile among fewer peers says little. Design default. */
  minPeers: 4,
  /** Top 20 %: the Pareto reading of "most valuable customers" (Peppers & Rogers). */
  top: 0.8,
  high: 0.5,
  medium: 0.2,
  halfConfidencePeers: 10
} as const

/** Risk signals (seed 003: falling activity, rising complaints, lost deals). */
export const RISK = {
  windowDays: 90,
  /** Falling: recent ≤ factor × previous window, with at least minPrevious before. Design defaults. */
  fallingFactor: 0.5,
  minPreviousActivity: 6,
  /** Lost deals in the last year, and losses at least as many as wins there. Design defaults. */
  lostWindowDays: 365,
  minLostDeals: 2,
  /** Signal weights, summed and capped at 1. Gone silent, a churn threat or complaint pressure
   * alone is "watch"; any two of the heavy signals are "at risk". Design defaults. */
  weights: {
    "falling-activity": 0.35, "rising-complaints": 0.3, "lost-deals": 0.35, "open-escalations": 0.2, "slow-response": 0.1,
    "gone-silent": 0.4, "churn-threat": 0.35, "complaint-pressure": 0.3
  },
  atRisk: 0.5,
  watch: 0.15,
  minRecords: 5,
  halfConfidenceRecords: 20
} as const

/** Engagement: two-way human contact against the account's own rhythm. Design defaults. */
export const ENGAGEMENT = {
  /** Gaps between customer contacts needed before "usual gap" means anything. */
  minGaps: 3,
  /** Silent: days since the customer's last contact above this many usual gaps (the gap is a
   * mean, already stretched by the customer's irregular pauses) ... */
  silentFactor: 3,
  /** ... and above this many days whatever the rhythm: six weeks without a word from a customer
   * who writes every week or two is silence; less is a holiday or a project pause ... */
  minSilentDays: 45,
  /** ... or above this many days whatever the rhythm: a year and a half without a word. */
  maxQuietDays: 540,
  /** Too few contacts for a rhythm: silent after this many days (two quarters without a word). */
  silentWithoutRhythmDays: 180,
  /** Contacts this close to the one before, in a run that lasts less than this, are one
   * conversation: a customer who writes four times in a fortnight each March has a yearly rhythm,
   * not a three-week one; one who writes every week for months has a weekly one. Design default. */
  episodeDays: 14
} as const

/** The same record once (dedupe.ts). */
export const DEDUPE = {
  /** Copies of one message are logged within this of each other (an EmailMessage and its Task
   * carry the send time, a hand-logged Task the minute). Design default. */
  windowMs: 60_000,
  /**
   * A sync tool set to the wrong time zone logs its copy of an email shifted by that zone's
   * offset from UTC: whole hours, or a multiple of a quarter hour (Iran +3:30, India +5:30, Nepal
   * +5:45), and never 14 hours or more (the widest offsets are −12 and +14, and a copy is shifted
   * by one zone's offset). A copy with the same subject and text shifted by such an offset is the
   * same email; identical text at another offset (a newsletter sent again the next day) is not.
   */
  zoneStepMs: 15 * 60_000,
  zoneShiftMaxMs: 14 * 3_600_000,
  /** A shifted copy is told by its body: one this short ("Thanks, got it.", «ممنون، رسید.») is
   * written again hours later, and two such replies are two messages. Characters other than spaces. */
  zoneMinBodyChars: 20
} as const

/** Pushback reading (Lee & Ames 2017): which kind dominates. Design default. */
export const PUSHBACK = { dominance: 1.5 } as const

/** General. */
export const GENERAL = {
  /** A label that is unknown never claims more confidence than this. */
  unknownMaxConfidence: 0.25,
  /** Evidence items kept per axis (most telling first). */
  maxEvidence: 12,
  /** Only the start of a long text is scanned: reply chains repeat older messages below, which
   * would double-count them, and it bounds the work per record. */
  maxScanChars: 2_000,
  /** Text quoted in an evidence reason. */
  maxQuoteChars: 60,
  /** Output numbers are rounded so that sums in a different order give the same profile. */
  decimals: 4
} as const

/**
 * Lexicons, English and Persian. Matching is case-insensitive on normalised text (lexicon.ts).
 * Every term starts at a word start. A trailing `*` leaves the ending open (price* → prices,
 * pricing); English terms without it take an optional plural s/es only ("late" must not match
 * "later"). Persian terms are written with `*` because Persian attaches suffixes (قیمت‌ها); a
 * space in a Persian term also matches a zero-width non-joiner or no space (نمی‌توانیم, نمیتوانیم).
 * Groups are scanned separately, so a term may appear in two groups; within a group the first
 * cue listed wins where two terms match at the same place, so longer phrases go in earlier cues.
 */
export const LEXICONS = {
  criteria: {
    price: [
      "price*", "pricing", "discount*", "cheap*", "budget*", "cost*", "expensive", "afford*", "rebate*",
      "best offer", "lower offer", "price match*", "undercut*", "came in lower", "came in under", "came in cheaper",
      "lower bid*", "lower quote*", "better offer*", "better quote*", "better bid*", "fee", "fees", "surcharge*", "markup*", "mark-up*",
      // What is billed ("double what Acme charges"), not "in charge of" nor a battery charged.
      "charges", "overcharg*",
      // How buyers ask a seller to move: "sharpen your pencil", "best and final", "come down".
      "sharpen your pencil", "sharpen the pencil", "sharpen our pencil", "best and final", "bafo", "come down a bit",
      "come down a little", "come down further", "come down some", "better number", "better deal",
      "do better on the quote", "do better on your quote", "do better on this quote", "do any better", "wiggle room",
      // A discount asked for as a percentage ("Can you do 10% off?", "۱۰ درصد کمتر"): the number varies, the sign starts the term.
      "% off", "%off", "% lower", "percent off", "per cent off", "pct off", "percent lower",
      // ... and a price said to be so much above another ("You're 15% above the others").
      "% above", "% higher", "% more expensive", "percent above", "percent higher", "percent more expensive",
      // ... or another's said to be so much below ours ("Competitor X offered 10% less").
      "% less", "%less", "percent less", "per cent less", "% cheaper", "percent cheaper", "% below", "percent below",
      "قیمت*", "تخفیف*", "ارزان*", "ارزون*", "بودجه*", "هزینه*", "گران*", "گرون*", "نرخ*", "درصد کم*", "درصد دیگه کم*", "درصد دیگر کم*", "% کم*", "پول*", "صرفه*", "نمی صرفه*", "صرف نداره*", "صرف ندارد*", "صرف نمی کنه*",
      "بیاید پایین*", "بیایید پایین*", "بیاین پایین*", "پایین تر بیا*", "کوتاه بیا*",
      // A better offer from elsewhere: «پیشنهاد بهتری گرفتیم».
      "پیشنهاد بهتر*", "پیش فاکتور بهتر*"
    ],
    quality: [
      "quality", "defect*", "spec", "specification*", "fault*", "broken", "breakdown*", "fail*", "malfunction*",
      "reliab*", "durab*", "scrap", "rework*", "out of tolerance", "doa", "iso 9001", "iso-certified", "iso certified",
      "iso certification", "rma",
      // What a failing product looks like in a case subject, when nobody says "quality".
      "damaged", "breaking down", "breaks down", "broke down", "keeps breaking", "stopped working", "stops working",
      "not working", "doesn't work", "does not work", "won't start", "downtime", "crack*", "leak*", "overheat*", "dented", "corroded",
      "کیفیت*", "باکیفیت*", "بی کیفیت*", "مرغوب*", "نامرغوب*", "جنس خوب*", "جنس درجه یک*", "خرابی*", "خراب*", "معیوب*", "ایراد*", "نقص*", "مشخصات فنی*", "استاندارد*", "دوام*", "کارایی*", "ایزو*", "گواهی کیفیت*", "مرجوع*",
      "کار نمی کند*", "کار نمی کنه*", "از کار افتاد*", "آسیب دیده*", "صدمه دیده*", "شکسته*", "ترک خورده*", "نشتی*"
    ],
    delivery: [
      "deliver*", "late", "lateness", "delay*", "lead time*", "leadtime*", "shipping", "shipment*", "ship", "shipped",
      "on time", "on-time", "backorder*", "back order*", "logistic*", "eta", "dispatch*", "out of stock", "stockout*",
      // An order that has not come, said without a delivery word.
      "not arrived", "hasn't arrived", "has not arrived", "haven't arrived", "never arrived", "still not arrived",
      "don't arrive", "do not arrive", "doesn't arrive", "does not arrive", "won't arrive", "will not arrive",
      "haven't received the", "have not received the", "haven't received our", "have not received our", "never received",
      "still waiting for", "where is my order", "where is our order", "missing items", "missing parts", "short shipped",
      "stuck in customs", "held at customs", "held up in customs",
      // Speed asked for, even inside an order instruction ("please ship faster").
      "ship faster", "ship sooner", "ship quicker", "deliver faster", "deliver sooner", "deliver quicker", "expedit*",
      "rush order*", "rush delivery", "rush shipment*", "need it faster", "need it sooner", "need it earlier", "need them faster",
      "need them sooner", "need them earlier",
      "تحویل*", "تاخیر*", "ارسال*", "حمل و نقل*", "دیر", "موعد*",
      "هنوز نرسیده*", "نرسیده است", "نرسه", "نرسد", "سفارش نرسید*", "سفارشمون نرسید*", "محموله نرسید*", "بار نرسید*", "کالا نرسید*",
      "به دستمان نرسید*", "دستمون نرسید*", "دریافت نکرده ایم*", "دریافت نکردیم*", "ناقص رسید*",
      "سر وقت*", "به موقع*", "سر موقع*", "سر وقت برس*", "به موقع برس*", "سر وقت نرسید*", "به موقع نرسید*", "گمرک*",
      "زودتر ارسال*", "سریع تر ارسال*", "زودتر تحویل*", "سریع تر تحویل*", "زودتر برسون*", "زودتر بفرست*", "زود برسون*", "زود برسه*", "زود بفرست*", "زود ارسال*", "سریع برسون*", "سریع بفرست*", "سریع تر بفرست*", "عجله داریم*", "عجله دارند*", "عجله دارن*",
      "زودتر لازم داریم*", "زودتر لازم دارن*", "زودتر نیاز داریم*", "زودتر نیاز دارن*"
    ],
    support: [
      "support*", "response*", "respond*", "sla", "service*", "helpdesk*", "help desk", "technician*", "on-site",
      "onsite", "uptime", "training", "installation*", "rude", "unprofessional", "unhelpful", "nobody answered",
      "no one answered", "no one called back", "nobody called back", "never showed up", "didn't show up", "did not show up",
      "no-show",
      "پشتیبانی*", "خدمات*", "پاسخ*", "سرویس*", "تعمیر*", "نصب*", "آموزش*", "تکنسین*", "کارشناس فنی*", "کارشناستون*", "جواب نمی دهند*", "جواب نمیدن*",
      "کسی جواب*", "بی ادب*", "برخورد بد*", "برخورد نامناسب*", "جواب نمی ده*", "جواب نمیده*", "جواب نمی دهد*",
      "جواب نمی دید*", "جواب نمیدید*", "جواب تلفن نمی*", "جواب تلفن رو نمی*", "تلفن رو جواب نمی*"
    ]
  },
  context: {
    /** Before customerSpec: "استعلام قیمت" (price enquiry) is a quote request, not a spec. */
    quoteRequest: [
      "quote request*", "request a quote", "requesting a quote", "request for quote", "request for a quote",
      "send us a quote", "send me a quote", "send a quote", "need a quote", "asked for a quote", "ask for a quote",
      "quotation request*", "price request*", "pricing request*", "send us pricing", "send us a price*",
      "درخواست پیش فاکتور*", "استعلام قیمت*", "درخواست قیمت*"
    ],
    customerSpec: [
      "rfp", "rfq", "rfi", "tender*", "request for proposal*", "request for quotation*", "request for information",
      "requirements document*", "requirement spec*", "requirements spec*", "technical requirement*",
      "customer specification*", "their specification*", "change request*", "feature request*", "invitation to bid",
      "مناقصه*", "استعلام*", "الزامات*", "شرح خدمات*", "مشخصات درخواستی*", "درخواست تغییر*"
    ],
    coCreation: [
      "workshop*", "pilot*", "joint design*", "joint development", "co-design*", "codesign*", "co-develop*",
      "co-creat*", "co-engineer*", "proof of concept", "poc", "prototyp*", "design session*", "roadmap session*",
      "innovation day*", "hackathon*",
      "کارگاه*", "پایلوت*", "طراحی مشترک*", "توسعه مشترک*", "نمونه اولیه*", "جلسه طراحی*"
    ],
    soleSource: [
      "sole source*", "sole-source*", "single source*", "single-source*", "sole supplier*", "sole vendor*",
      "only supplier*", "only vendor*", "no alternative*", "exclusive supplier*",
      "تنها تامین کننده*", "تامین کننده انحصاری*", "انحصاری*"
    ],
    competitor: [
      "competitor*", "competing offer*", "competing bid*", "competing quote*", "other vendor*", "other supplier*",
      "another supplier*", "another vendor*", "alternative supplier*", "alternative vendor*", "second source*",
      "dual source*", "multiple quotes", "shopping around", "shop around",
      // Multi-quote procurement said plainly: "our board wants three quotes", "سه استعلام".
      "two quotes", "three quotes", "3 quotes", "2 quotes", "several quotes", "competitive quotes", "comparison quotes",
      "two bids", "three bids", "2 bids", "3 bids", "several bids", "multiple bids", "competitive bids",
      "quotes from other", "other bids", "competing vendors", "came in lower", "came in cheaper", "came in below",
      "رقیب*", "رقبا*", "تامین کننده دیگر*", "تامین کننده های دیگر*", "شرکت دیگر*", "شرکت های دیگر*", "سه استعلام*", "چند استعلام*", "دو استعلام*", "سه تا استعلام*", "چند تا استعلام*",
      "سه پیش فاکتور*", "سه تا پیش فاکتور*", "چند پیش فاکتور*", "چند تا پیش فاکتور*",
      "سه پیشنهاد*", "چند پیشنهاد*", "از سه شرکت*", "از چند شرکت*", "از چند تامین کننده*", "استعلام از چند*"
    ],
    customerPaper: [
      "their paper", "their contract template*", "their template*", "their terms", "their standard terms",
      "customer paper", "customer's paper", "customer terms", "their msa", "penalty clause*", "penalt*",
      "liquidated damages", "net 60", "net 90", "net 120", "unilateral*",
      "جریمه*", "دیرکرد*", "قرارداد خودشان*", "شرایط خودشان*", "خسارت تاخیر*"
    ],
    lockIn: [
      "lease", "leases", "leased", "leasing", "rental*", "rent", "power by the hour", "pay per use", "pay-per-use",
      "usage-based", "usage based", "per use", "per-use", "subscription*", "managed service*", "service agreement*",
      "service contract*", "maintenance contract*", "maintenance agreement*", "maintenance plan*", "support plan*",
      "support contract*", "uptime guarantee*", "outcome-based", "multi-year", "multiyear",
      "اجاره*", "لیزینگ*", "قرارداد خدمات*", "قرارداد نگهداری*", "قرارداد پشتیبانی*", "اشتراک*",
      "پرداخت بر اساس مصرف*", "چند ساله*"
    ],
    integration: [
      "integrat*", "api", "apis", "erp", "edi", "custom interface*", "connector*",
      "یکپارچه سازی*", "یکپارچگی*", "اتصال به*"
    ],
    /** A threat to leave (issue 13): taking volume or the contract elsewhere. A bare "another
     * supplier" is a competitor mention, not a threat; Persian "تامین کننده دیگری" (some other
     * supplier) is how the threat is put. */
    churnThreat: [
      "move volume*", "moving volume*", "move our volume*", "moving our volume*", "move their volume*", "moving their volume*",
      "shift volume*", "shift our volume*", "shifting our volume*", "move our business", "go to tender", "going to tender",
      "put it to tender", "putting it to tender", "take it to tender",
      "moving our business", "take our business*", "taking our business*", "switch supplier*", "switching supplier*",
      "switch vendor*", "switching vendor*", "change supplier*", "changing supplier*", "looking at alternatives",
      "look at alternatives", "looking for alternatives", "considering alternatives", "evaluating alternatives",
      "will not renew", "won't renew", "not renewing", "not be renewing", "won't be renewing", "not going to renew",
      "move our orders", "moving our orders", "terminate the contract",
      "evaluating other vendors", "evaluating other suppliers", "talking to other suppliers", "talking to other vendors",
      "out to tender", "put it out to tender", "putting the account out to tender", "re-tender*", "retender*",
      "rebid the contract", "go out to bid", "going out to bid", "find another supplier", "find a new supplier",
      "terminate our contract", "cancel the contract", "cancel our contract", "cancel contract", "go elsewhere", "going elsewhere",
      "threatens to cancel", "threatens to leave", "threatens to switch", "threatens to move",
      "threatens to terminate", "threatened to cancel", "threatened to leave", "threatened to switch",
      "threatened to move", "threatened to terminate", "threatening to cancel", "threatening to leave",
      "threatening to switch", "threatening to move", "threatening to terminate",
      "consider other options", "considering other options", "look at other options", "looking at other options",
      "explore other options", "exploring other options",
      "look elsewhere", "looking elsewhere", "take our orders elsewhere", "take our business elsewhere", "buy elsewhere",
      "considering other suppliers", "considering other vendors", "consider other suppliers", "consider other vendors",
      "go to your competitor", "go to a competitor", "go with a competitor", "go with your competitor",
      "move to a competitor", "moving to a competitor", "switch to a competitor", "switching to a competitor",
      "switch to another supplier", "move to another supplier", "switch to another vendor", "move to another vendor",
      "put this out to bid", "put it out to bid", "putting it out to bid", "out to bid", "stop ordering from you",
      "stop working with you", "stop doing business", "end our relationship", "end the relationship",
      "reconsider our relationship", "reconsidering our relationship", "review the relationship", "last chance",
      "walk away", "walking away", "or they walk", "or we walk", "they will walk", "we will walk", "they'll walk", "we'll walk",
      "they would walk", "we would walk", "they'd walk", "we'd walk",
      "looked at other suppliers", "look at other suppliers", "looking at other suppliers", "looked at other vendors",
      "look at other vendors", "looking at other vendors", "reconsider our supplier", "reconsidering our supplier",
      "قرارداد رو لغو*", "قرارداد رو کنسل*", "قرارداد را کنسل*", "همکاری رو قطع*", "قرارداد رو تمدید نمی*",
      // A renewal refused in other words: "we've decided not to renew", "no plans to renew".
      "decided not to renew", "decision not to renew", "chosen not to renew", "chose not to renew", "plan not to renew",
      "intend not to renew", "not intend to renew", "don't intend to renew", "not plan to renew", "don't plan to renew",
      "not planning to renew", "no plans to renew", "no intention of renewing", "not be extending", "won't extend the contract",
      "will not extend the contract",
      // The contract ended or a subscription cancelled by them: "we'll terminate the agreement", "we're ending our contract".
      // Not a clause quoted ("either party may terminate the agreement"): their act.
      "ll terminate the agreement", "will terminate the agreement", "terminating the contract", "terminating our contract",
      "terminating the agreement", "terminating our agreement", "end our contract", "ending our contract", "end the contract",
      "ending the contract", "end our agreement", "ending our agreement", "get out of the contract", "get out of our contract",
      "cancel our subscription*", "cancelling our subscription*", "canceling our subscription*",
      // Buying from us no more, as a rep notes it («گفتن دیگه از ما خرید نمی‌کنن»), and the contract terminated.
      "از ما خرید نمی کنن", "از ما خرید نمی کنند", "از ما نمی خرن", "از ما نمی خرند", "قرارداد را فسخ می کن*",
      "قرارداد را فسخ خواه*", "قرارداد را فسخ کنیم", "قرارداد را فسخ کنن", "قرارداد را فسخ کنند",
      // Not renewing, as a rep notes it in the third person: «تمدید نمی‌کنن».
      "تمدید نمی کنند", "تمدید نمی کنن", "تمدید نخواهند کرد",
      "از جای دیگه می خر*", "از جای دیگر می خر*", "از جای دیگه میخر*", "از جای دیگه تهیه*", "از جای دیگر تهیه*",
      "تامین کننده دیگری*", "سراغ تامین کننده دیگر*", "تامین کننده را عوض*", "تغییر تامین کننده*",
      "سفارش ها را به رقیب*", "به رقیب می دهیم*", "به رقبا می دهیم*", "به رقیب می سپاریم*", "تمدید نمی کنیم*",
      "قرارداد را تمدید نمی*", "تمدید نخواهیم کرد*", "قرارداد را لغو*", "همکاری را قطع*", "گزینه های دیگر*",
      "با رقیب می بند*", "با رقبا می بند*", "قرارداد سال بعد را با رقیب*", "سراغ یه تامین کننده دیگه*",
      "سراغ تامین کننده دیگه*", "تامین کننده دیگه*", "مناقصه می گذاریم*", "به مناقصه می گذاریم*",
      "سراغ رقبا*", "سراغ رقیب*", "سراغ یه شرکت دیگه*", "سراغ شرکت دیگه*", "سراغ شرکت دیگر*", "سراغ یک شرکت دیگر*",
      "سراغ یه جای دیگه*", "با شما کار نمی*", "با شما کار نخواهیم*", "از شما خرید نمی*", "ازتون خرید نمی*",
      "از شما خرید نخواهیم*", "قطع همکاری*", "همکاری را قطع*", "همکاری رو قطع*", "همکاری را متوقف*", "همکاری رو تموم*",
      "همکاری را ادامه نمی*", "همکاری رو ادامه نمی*", "به همکاری ادامه نمی*", "دنبال تامین کننده جدید*",
      "دنبال تامین کننده دیگر*", "تامین کننده های دیگر*", "تامین کننده ی دیگه*", "تامین کننده ی دیگری*",
      "تامین کننده ای دیگر*", "بررسی پیشنهادهای دیگر*", "بررسی پیشنهاد های دیگر*", "پیشنهادهای دیگه*",
      "پیشنهاد های دیگه*"
    ]
  },
  /** Lee & Ames (2017): "I can't pay more" (constraint) vs "it's not worth more" (disparagement). */
  pushback: {
    constraint: [
      "can't pay more", "cannot pay more", "can not pay more", "can't go higher", "cannot go higher",
      "can't go above", "cannot go above", "can't afford", "cannot afford", "budget is fixed", "fixed budget",
      "budget is capped", "budget cap*", "budget limit*", "over budget", "over our budget", "above our budget",
      "beyond our budget", "exceeds our budget", "out of budget", "no budget", "budget is tight", "tight budget",
      "our ceiling", "our limit", "approved budget", "all we can pay", "maximum we can pay", "max we can pay",
      "don't have the budget", "do not have the budget", "don't have budget", "don't have the funds",
      "do not have the funds", "won't approve", "will not approve", "wouldn't approve", "capped at", "can't spend more",
      "cannot spend more", "out of our price range", "budget has run out", "budget ran out", "budget is exhausted",
      "no room in the budget", "no room in our budget", "don't have room in", "do not have room in", "don't have the room in",
      "budget won't stretch", "budget will not stretch", "budget doesn't stretch", "budget does not stretch",
      "budget won't allow", "budget will not allow", "budget doesn't allow", "budget does not allow", "not in the budget",
      "not in our budget", "outside our budget", "outside the budget", "out of our budget", "more than we budgeted",
      "beyond what we budgeted", "haven't budgeted", "have not budgeted", "wasn't budgeted", "not budgeted for",
      "don't have the money", "do not have the money", "can't find the money", "cash is tight", "tight on cash",
      "budget's fixed", "budget is locked", "budget's locked", "budget is set in stone", "budget's set in stone",
      "budget is final", "budget's final", "budget's capped", "budget's tight", "budget's limited",
      "budget is limited", "limited budget", "budget constraint*", "budgetary constraint*", "budget restriction*",
      "budget was cut", "budget got cut", "budget has been cut", "budget cuts", "budget is frozen", "budget freeze",
      "spending freeze", "spend freeze", "purchasing freeze", "procurement freeze", "froze spending", "froze all spending",
      "freeze on spending", "freeze on purchases", "freeze on purchasing", "can't stretch", "cannot stretch",
      "more than we planned to spend", "more than we were planning to spend", "more than we want to spend",
      "more than we wanted to spend", "hands are tied", "our hands are tied",
      // A refusal to pay more: "we will not pay more than last year", «بیشتر از پارسال پول نمی‌دیم».
      "won't pay more", "will not pay more", "not paying more", "not going to pay more", "won't pay any more",
      "will not pay any more", "won't spend more", "will not spend more",
      // A ceiling said with its verb: "we can only spend 25k", "the most we can pay is 30k", "we can't exceed 40k".
      "can only pay", "can only spend", "can only afford", "could only pay", "could only spend", "can only go to",
      "the most we can pay", "the most we can spend", "most we can pay", "most we can spend", "can't go over",
      "cannot go over", "can't go beyond", "cannot go beyond", "can't exceed", "cannot exceed", "won't go above",
      "won't go over", "will not go above", "will not go over",
      "بودجه ما*", "بودجه نداریم*", "بودجه محدود*", "سقف بودجه*", "بیشتر از این نمی توانیم*", "نمی توانیم بیشتر*",
      "توان پرداخت*", "توان مالی*", "نمی توانیم پرداخت*",
      // The negative verb is the constraint's own: «توان پرداخت نداریم» (we cannot afford it).
      "توان پرداخت ندار*", "توان پرداختش رو ندار*", "توان پرداختش را ندار*", "توان مالی ندار*", "توانش رو ندار*", "نمی تونیم پرداخت*", "نمی تونیم بدیم*",
      "نمی تونیم بیشتر*", "بیشتر نمی تونیم*", "بیشتر نمی توانیم*", "نمی تونیم هزینه کنیم*", "نمی توانیم هزینه کنیم*",
      "نمی تونیم خرج کنیم*", "نمی توانیم خرج کنیم*",
      // As a rep notes it, in the third person: «بیشتر از ۳۰ میلیون بودجه ندارن», «بودجه‌شان ثابت است».
      "بودجه شان ثابت*", "بودجه شون ثابت*", "بودجه ثابت*", "بودجه مان ثابت*", "بودجه شان محدود*", "بودجه شون محدود*",
      "بودجه شان تمام*", "بودجه شون تموم*", "بودجه ای نمونده*", "بودجه نمونده*", "بودجه ای باقی نمانده*",
      "بودجه باقی نمانده*", "پول نمی دیم*", "پول نمی دهیم*", "پول بیشتری نمی د*", "پول بیشتر نمی د*",
      "بودجه ندارن*", "بودجه ندارند*", "بودجه نداره*", "بودجه ندارد*", "نمی تونن پرداخت*", "نمی توانند پرداخت*",
      "نمی تونن بدن*", "نمی توانند بدهند*", "نمی تونن بیشتر*", "نمی توانند بیشتر*", "بیشتر نمی تونن*", "بیشتر نمی توانند*",
      "نمی توانیم بپردازیم*", "بیشتر از این نمی تونیم*", "بودجه مون تموم*", "بودجه تموم*", "بودجه تمام شد*",
      "بودجه مون*", "بودجه اجازه نمی*", "بودجه مون اجازه نمی*", "بودجه ما اجازه نمی*", "بودجه شرکت اجازه نمی*", "با این بودجه نمی*", "بودجه کافی نداریم*", "بودجه کافی نیست*", "بودجه نمی کشه*",
      "پولشو نداریم*", "پولش رو نداریم*", "پولش را نداریم*", "پول نداریم*", "پولمون نمی رسه*", "پولمان نمی رسد*",
      "دستمون تنگه*", "نقدینگی نداریم*", "از بودجه ما خارج*", "خارج از بودجه*", "فراتر از بودجه*", "بیشتر از بودجه*", "بالاتر از بودجه*", "از بودجه بیشتر*",
      "بودجه امسال محدود*", "بودجه امسالمون محدود*", "محدودیت بودجه*", "کمبود بودجه*", "کسری بودجه*", "کاهش بودجه*",
      "بودجه کم شده*", "بودجه رو کم کردن*", "بودجه را کم کردند*", "بودجه فریز*", "مجوز خرید نداریم*", "مجوز هزینه نداریم*"
    ],
    disparagement: [
      "not worth*", "isn't worth*", "is not worth*", "wasn't worth*", "overpriced", "over-priced", "too expensive",
      "too pricey", "rip-off", "ripoff", "rip off", "poor value", "not good value", "doesn't justify",
      "does not justify", "more than it's worth", "more than it is worth", "don't see the value", "do not see the value",
      "not seeing the value", "can't justify the price", "cannot justify the price",
      "ارزش ندارد*", "ارزشش را ندارد*", "نمی ارزد*", "نمی ارزه*", "ارزششو نداره*", "گران است*", "خیلی گران*", "گرونه*",
      "گران فروشی*", "بیش از ارزش*", "گرون حساب*", "گران حساب*", "گرون دادین*", "گرون دادید*", "گرون میدین*",
      // Not worth its price to us: «نمی‌صرفه», «برامون صرف نداره», «به صرفه نیست».
      "نمی صرفه*", "نمی صرفد*", "صرف نداره*", "صرف ندارد*", "صرف نمی کنه*", "به صرفه نیست*", "به صرفه نمی*",
      "گران می دهید*", "گرون می دین*"
    ]
  },
  /** Quote-line products: write-in/custom and service lines (Siemens pattern; GE services). */
  offer: {
    customItem: [
      "custom*", "bespoke", "tailor*", "made to order", "write-in", "engineered to order", "one-off",
      "سفارشی*", "طراحی اختصاصی*", "اختصاصی*"
    ],
    serviceItem: [
      "service*", "maintenance", "support*", "installation*", "install", "commissioning", "training*", "consult*",
      "engineering", "implementation*", "integrat*", "lease", "leasing", "rental*", "subscription*",
      "خدمات*", "نگهداری*", "پشتیبانی*", "نصب*", "آموزش*", "مشاوره*", "راه اندازی*", "تعمیر*", "اجاره*", "اشتراک*"
    ]
  },
  /**
   * Lead source → who initiated (FRAMEWORK §1: web/inbound/referral → customer; outbound/cold
   * call/event → supplier). Salesforce's default picklist adds Phone Inquiry (customer reached
   * out), Purchased List (we did), Advertisement and Public Relations (neither: left neutral).
   */
  leadSource: {
    customerLead: [
      "web", "website", "web form", "inbound*", "referral*", "referred", "word of mouth", "contact us", "chat",
      "organic", "search", "seo", "inquiry", "inquiries", "enquiry", "enquiries", "self-service",
      "وب سایت*", "وبسایت*", "سایت*", "معرفی*", "ارجاع*", "تماس ورودی*"
    ],
    supplierLead: [
      "outbound*", "cold call*", "cold email*", "cold-call*", "event*", "trade show*", "tradeshow*", "seminar*",
      "webinar*", "conference*", "exhibition*", "purchased list*", "campaign*", "direct mail", "prospecting",
      "telemarketing", "sales generated",
      "تماس سرد*", "نمایشگاه*", "رویداد*", "همایش*", "کمپین*", "بازاریابی تلفنی*"
    ]
  },
  /**
   * A report that something failed or came late, read in cases only: naming a criterion is not
   * reporting a failure. A service request that asks for a quality document ("Please send the
   * ISO 9001 certificate", «لطفا گواهی ایزو را ارسال کنید») names quality and reports nothing; one
   * that says the parts arrived damaged or late is a complaint, whatever its type.
   */
  failure: {
    failure: [
      "defect*", "fault*", "broken", "breakdown*", "breaks down", "broke down", "breaking down", "keeps breaking", "fail*",
      "malfunction*", "damage", "damaged", "crack*", "leak*", "overheat*", "dented", "corroded", "not working",
      "doesn't work", "does not work", "stopped working", "stops working", "won't start", "out of tolerance", "doa",
      "scrap", "rework*", "rma", "recall*", "nonconform*", "non-conform*", "rejected", "poor", "bad", "wrong",
      "incorrect", "missing", "problem*", "complain*", "error*", "issue with", "issues with", "quality issue*",
      "delivery issue*", "shipping issue*", "late", "lateness", "delay*", "overdue", "backorder*", "back order*",
      "not arrived", "hasn't arrived", "has not arrived", "haven't arrived", "never arrived", "still not arrived",
      "never received", "haven't received", "have not received", "still waiting", "short shipped", "out of stock",
      "stockout*", "stuck in customs", "held at customs", "held up in customs",
      "خراب*", "معیوب*", "ایراد*", "نقص*", "ناقص*", "مشکل*", "شکایت*", "تاخیر*", "دیر", "نرسید*", "هنوز نرسیده*",
      "کار نمی کند*", "کار نمی کنه*", "از کار افتاد*", "آسیب دیده*", "صدمه دیده*", "شکسته*", "ترک خورده*", "نشتی*",
      "نامرغوب*", "بی کیفیت*", "مرجوع*", "اشتباه*", "کسری*", "ضعیف*", "پایین بود*", "پایین است", "پایینه", "بد بود*",
      "بد است",
      // Quality said to have fallen: "quality slipped", «کیفیت افت کرده».
      "slipped", "slipping", "deteriorat*", "went downhill", "gone downhill", "افت کرد*", "افت کیفیت*", "بدتر شد*",
      "بدتر شده*", "oft kard*"
    ]
  }
} as const

/**
 * Reading markers (src/text/clauses.ts): words that change what the cues around them say. They
 * are found by the same scan as LEXICONS but set no cue bit. Closed terms take no plural (a
 * marker "i" must not match "is"). English contractions are listed as typed ("doesn't"); a
 * typographic apostrophe folds to '.
 */
export const MARKERS = {
  /** Before what it negates ("not overpriced", "no problem", "نه قیمت"). Hedges that negate ("hardly") too. */
  negation: [
    "not", "no", "never", "nor", "neither", "without", "hardly", "barely", "rarely", "seldom", "nothing", "none",
    "nobody", "no one", "not at all",
    // Hedged and opinion negations reach further: "we wouldn't say the price is the problem".
    "not really", "never really", "never been", "never really been", "wouldn't say", "would not say", "don't think",
    "do not think", "don't believe", "do not believe", "don't feel", "do not feel", "wouldn't call", "would not call",
    "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "won't", "hasn't", "haven't", "hadn't",
    "cannot", "can't", "couldn't", "shouldn't", "wouldn't", "isnt", "dont", "doesnt", "didnt", "wont", "cant",
    "نه", "بدون", "هیچ", "نه اینکه", "نه این که",
    // Finglish, as reps type it (src/text/lexicon.ts FINGLISH)
    "bedune", "bedoone", "hich"
  ],
  /** Persian negative verbs: usually after what they negate ("مهم نیست", "مشکلی نداریم", "گران نیست"). */
  negationVerb: [
    "نیست*", "نبود*", "نیستند", "نیستیم", "ندار*", "نداشت*", "نشد*", "نکرد*", "نمی*", "نخواه*", "نباش*", "نباید*",
    "نیس", "نمیخواهیم", "نمیشه",
    // A condition refused, as the customer sets it («اگه قیمت پایین نیاد», «اگر تخفیف ندهیم»).
    "ندهید", "ندید", "ندین", "ندهیم", "ندیم", "نده", "نیاد", "نیاید", "نکنید", "نکنین", "نکنیم", "نکنه", "نکند", "نشه", "نشود",
    "nist", "nistim", "nabood", "nabud", "nadarim", "nadare", "nadarad", "nadashtim", "nashod", "nakard*", "nemikha*"
  ],
  /** Words a negation turns into "this is not a problem": "not an issue", "doesn't matter", "مهم نیست". */
  issue: [
    "issue*", "problem*", "concern*", "complaint*", "complain*", "matter", "matters", "care", "important", "priority", "mind",
    "priorities", "worr*", "bother*", "big deal", "main thing", "the point", "what counts", "decisive", "deal breaker", "dealbreaker", "sticking point", "factor",
    "constraint*", "obstacle*", "barrier*", "محدودیت*",
    "sensitive", "sensitivity", "driver", "حساس*", "goal", "aim", "هدف*", "تعیین کننده*",
    "مشکل*", "مسئله*", "مساله*", "مهم", "اهمیت*", "نگران*", "شکایت*", "دغدغه*", "گله*", "اولویت*",
    "moshkel*", "mohem", "masale*", "masaleh*", "negaran*",
    // "تخفیف نیازی نداریم", "لازم نیست": a need denied.
    "نیاز*", "احتیاج*", "لازم", "niaz*",
  ],
  /** Phrases that set a criterion aside whatever follows. */
  dismissal: [
    "despite", "in spite of", "regardless of", "irrespective of", "not about", "isn't about", "wasn't about",
    "never late", "never been late", "never delayed", "always on time", "always delivered on time", "no delays",
    "no complaints", "no issues", "no problems", "no objection", "no objections", "no pushback", "no push back",
    "اعتراضی نداشت*", "اعتراضی ندارند", "اعتراضی ندارن",
    // A criterion called satisfactory is set aside ("The price was fine. Delivery took too long").
    "is fine", "was fine", "are fine", "were fine", "is ok", "was ok", "is okay", "was okay", "is reasonable",
    "was reasonable", "is fair", "was fair", "is competitive", "was competitive", "seems fair", "seem fair", "looks fair",
    "seems reasonable", "seem reasonable", "looks reasonable",
    // What they say they do not seek: "we're not looking for the cheapest, we want reliability".
    "not looking for", "aren't looking for", "don't care about", "do not care about", "isn't looking for",
    "not chasing", "aren't chasing", "isn't chasing", "not price shopper", "not price shoppers", "not a price shopper",
    "never buy on price", "don't buy on price", "do not buy on price", "doesn't buy on price", "not buying on price",
    "never bought on price", "never buy on cost", "don't buy on cost", "don't decide on price", "never decide on price",
    "بر اساس قیمت خرید نمی*", "فقط بر اساس قیمت خرید نمی*", "روی قیمت تصمیم نمی*", "با قیمت تصمیم نمی*",
    // A price denied to be high is a price found acceptable: "it's not too pricey", «قیمتش گرون نیست».
    "not expensive", "isn't expensive", "wasn't expensive", "not too expensive", "not that expensive", "not very expensive",
    "not pricey", "not too pricey", "not that pricey", "isn't pricey", "not bad", "isn't bad", "wasn't bad", "not too bad",
    "گرون نیست", "گران نیست", "گرون نبود", "گران نبود", "گرون نیستید", "گرون نیستین", "گران نیستید", "بد نیست", "بد نبود",
    "gerun nist", "geroon nist", "geran nist",
    "مناسب بود", "مناسب است", "منصفانه است", "منصفانه بود", "مشکلی نبود", "خوب بود",
    "is right", "spot on", "aside", "can live with", "could live with", "less about", "are happy with", "we're happy with", "been happy with", "very happy with",
    "we're fine on", "we are fine on", "we're fine with", "we are fine with", "we're ok on", "we're ok with", "we are ok with",
    "we're okay with", "we're good on", "we're good with", "they're fine with", "they are fine with", "they're ok with",
    "they're happy with", "is happy with", "was happy with", "were happy with", "they're satisfied with", "is satisfied with",
    "were satisfied with",
    "quite happy with", "are satisfied with", "we're satisfied with", "been satisfied with", "very satisfied with",
    "are pleased with", "been pleased with", "has been great", "have been great", "has been good", "have been good",
    "has been fine", "have been fine", "has been excellent", "have been excellent",
    "راضی هستیم", "راضی ایم", "راضیم", "راضی بودیم", "راضی هستند", "راضی بودند", "راضی اند", "راضین", "رضایت داریم", "رضایت کامل", "منطقی است", "منطقیه", "مناسبه",
    "minor factor", "minor issue", "minor concern", "minor point", "low priority", "nice to have", "secondary to",
    "less important than", "least important", "اولویت دوم", "اهمیت کمتری", "در درجه دوم",
    "علی رغم", "علیرغم", "با وجود", "به رغم", "صرف نظر از", "همیشه به موقع"
  ],
  /** A new clause that turns against the one before. */
  contrast: [
    "but", "however", "although", "though", "whereas", "nevertheless", "nonetheless", "on the other hand", "as much as",
    "secondary to", "less important than", "در درجه دوم",
    "اما", "ولی", "لیکن", "ولیکن", "با این حال", "با این وجود", "هرچند", "هر چند",
    // A condition opens a clause of its own: "We don't mind the price as long as it ships on time".
    "as long as", "so long as", "provided that", "به شرطی که", "به شرط اینکه", "به شرط این که",
    "vali", "amma"
  ],
  /** A comparison that ranks what follows it lower than what came before: "delivery matters more
   * to us than price", "reliability ahead of cost". What it ranks lower is set aside when the
   * clause before named something else. */
  lesser: [
    "more than", "more to us than", "more to them than", "more important than", "more important to us than",
    "more important to them than", "rather than", "ahead of", "takes priority over", "take priority over",
    "outweighs", "outweigh", "trumps", "comes before", "come before", "over and above",
    "مهم تر از", "مهم تره از", "مهمتر از", "مهمتره از", "بیشتر اهمیت دارد تا", "مقدم بر"
  ],
  /** A call or visit that did not reach them: a note naming the customer is no conversation then.
   * Nor is one still to make: a reminder or to-do ("Reminder: call procurement", «یادآوری: با
   * تدارکات تماس بگیرید») names the customer as whom to call, not as someone who spoke. */
  unreached: [
    "reminder", "remind me", "remind us", "remember to", "don't forget", "do not forget", "todo", "to-do list",
    "یادآوری", "یادم باشه", "یادت باشه", "یادمان باشد", "فراموش نشود", "فراموش نشه", "تماس بگیرید", "تماس بگیرم",
    "تماس بگیریم", "تماس گرفته شود", "باید تماس بگیر*",
    "no answer", "no reply", "didn't answer", "did not answer", "didn't pick up", "did not pick up", "not picking up",
    "voicemail", "voice mail", "unavailable", "not available", "out of office", "no show", "no-show", "didn't show",
    "did not show", "couldn't reach", "could not reach", "unable to reach", "not reachable", "unreachable", "busy line",
    "line busy", "left a message", "left message", "cancelled", "canceled", "postponed", "rescheduled",
    "جواب نداد*", "پاسخ نداد*", "جواب ندادند*", "پاسخ ندادند*", "در دسترس نبود*", "در دسترس نیست*", "پیغام گذاشت*",
    "پیام گذاشت*", "تماس برقرار نشد*", "گوشی را برنداشت*", "گوشی رو برنداشت*", "برنداشت*", "لغو شد*", "کنسل شد*",
    "به تعویق افتاد*", "javab nadad*", "dar dastras nabud*"
  ],
  /** A call note that says a conversation took place, though not what they said ("discussed the Q3
   * order with Anna", «با خانم احمدی صحبت کردیم»): the call reached them, two-way contact. */
  conversation: [
    "discussed", "discussing", "spoke to", "spoke with", "spoken to", "spoken with", "talked to", "talked with",
    "talked through", "call with", "met with", "meeting with", "went through", "reviewed with", "caught up with",
    "connected with", "agreed with",
    "صحبت کردیم", "صحبت کردم", "صحبت شد", "گفتگو کردیم", "گفتگو شد", "مذاکره کردیم", "مذاکره شد", "هماهنگ کردیم",
    "هماهنگ شد", "توافق کردیم", "توافق شد", "sohbat kardim", "sohbat shod"
  ],
  /** Persian puts the comparison after both: «کیفیت از قیمت مهم‌تر است». The cue right after
   * "از" (than) ranks below the other the clause names, once one of these follows. */
  than: ["از"],
  greater: ["مهم تر", "مهم تره", "مهمتر", "مهمتره", "اهمیت بیشتری", "بیشتر اهمیت", "ارجح*", "اولویت بیشتری", "مهم تر است",
    // After a contrast, what it ranks higher outweighs the clause before: "price matters, but quality matters more".
    "matters more", "matter more", "more important", "counts more", "count more", "matters most", "most important",
    "deciding factor", "decisive factor", "what decides", "the decider", "تعیین کننده است", "حرف آخر را می زن*",
    "حرف اول را می زن*"],
  /** "not X but rather Y": the negated X before it is set aside. */
  rather: ["rather", "instead", "بلکه", "در عوض", "balke"],
  /**
   * A budget that grew or was approved: not a constraint. A verb counts after the budget word
   * ("budget doubled", "بودجه ما امسال دو برابر شد"), a phrase when it holds it ("increased our
   * budget"); "the increase breaks our budget" is no budget increase.
   */
  increase: [
    "increase*", "doubled", "doubling", "tripled", "grew", "grown", "went up", "gone up", "expanded", "approved",
    "increased our budget", "increased the budget", "approved our budget", "approved the budget", "bigger budget",
    "larger budget", "higher budget", "more budget", "extra budget", "additional budget", "additional funding",
    "دو برابر*", "سه برابر*", "افزایش*", "بیشتر شد*", "بیشتر شده*", "زیاد شد*", "بالا رفت*", "تصویب*", "اضافه شد*",
    "افزایش بودجه*", "بودجه بیشتر*", "بودجه اضافه*"
  ],
  budget: ["budget*", "funding", "funds", "بودجه*", "اعتبار*"],
  /**
   * The customer as the subject of a note's clause: pronouns, role nouns, and reported speech
   * with its subject left out ("Asked for 10 % off", "گفتند…").
   */
  customer: [
    "they", "they're", "theyre", "they've", "they'd", "they'll", "he", "she", "he's", "she's", "their", "them", "theirs",
    "customer*", "client*", "buyer*", "purchaser*", "procurement", "purchasing", "cfo", "ceo", "cto",
    "coo", "cpo", "director", "manager", "engineer", "head of", "plant manager", "user*", "end user*",
    "according to them",
    "مشتری*", "خریدار*", "کارفرما*", "ایشان", "ایشون", "آنها", "انها", "آن ها", "اونا", "اون ها", "ایشان گفتند",
    "مدیر*", "کارشناس*", "واحد خرید", "بخش خرید", "تدارکات", "براشون", "برایشان", "براشان",
    "خواستار*", "اصرار*", "معتقد*",
    "moshtari*", "kharidar*", "ishun", "ishoon", "ishan", "cust",
    // Someone named with an honorific in our note is the customer's person ("آقای احمدی روی قیمت حساس بود"); our own people are "ما", "من".
    "آقای", "خانم", "جناب", "سرکار خانم", "agha*", "khanom*",
    "according to the customer", "according to the client", "according to the buyer", "according to procurement",
    "according to purchasing", "according to their",
    // The customer as the one something matters to: "delivery is what matters to them", "تحویل براشون مهمه".
    "matters to them", "matter to them", "important to them", "important for them", "a priority for them",
    "براشون", "برایشان", "واسشون", "براش", "برایش",
    // A rep's shorthand for what the customer raised: "Objection: price", "Main concern - delivery", «دغدغه اصلی: قیمت».
    "objection*", "main concern*", "key concern*", "biggest concern*", "primary concern*", "top concern*", "concern raised",
    "concerns raised", "concern", "concerns", "pain point*", "complaint*", "hesitation*",
    "دغدغه*", "اعتراض*", "نگرانی*", "شکایت*"
  ],
  /** Us as the subject: "we presented", "I sent", our actions with the subject left out, "ما …", "…یم". */
  ours: [
    "our", "ours", "us", "me", "my", "rep", "our team", "sales team",
    "ما", "من", "بنده", "اینجانب", "تیم ما", "تیم فروش"
  ],
  /**
   * The customer's speech and wishes, reported with or without their subject ("they said …",
   * "Asked for 10 % off"): the customer speaks. Right after a subject of theirs ("and they said",
   * "the buyer insists") in a clause of ours, a new clause begins: "We presented the price list
   * and they said delivery is what matters" is our action, then their criterion.
   */
  says: [
    "said", "says", "asked", "asks", "insisted", "insists", "complained", "complains", "mentioned", "mentions",
    "stated", "states", "noted", "claimed", "claims", "argued", "argues", "stressed", "stresses", "emphasised",
    "emphasized", "demanded", "demands", "requested", "requests", "wants", "wanted", "needs", "expects", "prefers",
    "pushed back", "pushes back", "objected", "told us", "sent us", "asked us", "gave us", "wants us", "told me",
    "sent me", "asked me", "feels", "felt", "thinks", "thought", "believes", "reported", "reports", "confirmed",
    "confirms", "indicated", "indicates", "replied", "replies", "responded", "responds", "came back", "threatened",
    "threatens", "warned", "warns", "refused", "refuses", "rejected", "rejects",
    "pushing", "asking", "complaining", "insisting", "demanding", "threatening", "requesting",
    // Their answer to a rep's question: «پرسیدم … و گفتن …» (also their verbs, `customerVerb`).
    "گفت", "گفتن", "گفتند", "جواب دادن", "جواب دادند", "پاسخ دادند", "goft", "goftan", "goftand"
  ],
  /** Us as the subject pronoun ("we", "I"; "our", "us" are `ours`): before one of our actions
   * (`did`) in a clause of theirs, it begins our own ("They complained about delivery and we
   * offered a discount"). */
  we: ["we", "we're", "we've", "we'd", "we'll", "i", "i'm", "i've", "i'd", "i'll"],
  /** Our actions, with or without their subject ("Presented our price list", "we offered …"). */
  did: [
    "presented", "sent", "offered", "quoted", "proposed", "pitched", "showed", "shared", "emailed", "walked them",
    "gave", "gave them", "sent them", "told them", "showed them", "offered them", "emailed them", "quoted them",
    "reminded them", "asked them", "called them", "assured them",
    "followed up", "follow up", "reminded", "explained", "demoed", "demonstrated", "introduced", "suggested",
    "recommended", "left a voicemail", "left voicemail", "prepared", "drafted", "submitted", "objection handling"
  ],
  /** A document as the subject ("the competitor's deck says …", "بروشور رقیب می‌گوید …"): not the
   * customer, and a third-person verb after it ("می‌گوید") is the document's, not theirs. */
  document: [
    "deck", "brochure", "datasheet", "data sheet", "slides", "press release", "article", "website says", "flyer",
    "leaflet", "whitepaper", "white paper", "advert", "advertisement", "linkedin post",
    "بروشور*", "کاتالوگ*", "اسلاید*", "تبلیغ*", "آگهی*", "وب سایت*"
  ],
  /** Persian verbs whose person ending makes the customer the subject, wherever the verb stands. */
  customerVerb: [
    "گفت", "گفتند", "گفتن", "گفته اند", "گفته است", "می گوید", "می گویند", "میگن", "میگه", "خواست", "خواستند",
    "می خواهند", "میخوان", "می خواهد", "شکایت کرد*", "شکایت دارند", "اعتراض کرد*", "درخواست کرد*",
    "درخواست دادند", "پرسید", "پرسیدند", "اعلام کرد*", "عنوان کرد*", "تاکید کرد*", "تاکید دارند", "اظهار کرد*",
    "ابراز کرد*", "پاسخ دادند", "جواب دادند", "تهدید کرد*", "رد کرد*", "به ما گفت*", "برای ما فرستاد*", "ناراضی بودند",
    "ناراضی هستند", "ناراضی بود", "ناراضی است", "گله داشت*", "گله کرد*", "گله دارند", "شکایت داشت*", "معتقدند", "دارند", "ندارند", "هستند", "بودند", "نیستند", "می دانند", "میدونن", "می کنند",
    "میکنن", "کردند", "دادند", "شدند", "خواهند", "راضی اند", "ناراضی اند", "نگران اند",
    // Where they say they will go or buy: «… سراغ پارس پمپ می‌روند».
    "می روند", "می رن", "بروند", "برن", "می خرند", "می خرن", "می دهند", "می دن", "منتقل می کنند", "منتقل می کنن",
    "goft", "goftan", "goftand", "khast", "khastan", "khastand", "mikhan", "mikhad", "migan", "mige"
  ],
  /** Persian verbs whose person ending makes us the subject: "…ارائه دادیم", "ارسال کردیم". */
  oursVerb: [
    "ارائه دادیم", "ارائه کردیم", "ارائه شد", "ارسال کردیم", "ارسال شد", "فرستادیم", "فرستاده شد", "پیشنهاد دادیم",
    "پیشنهاد کردیم", "توضیح دادیم", "گفتیم", "دادیم", "کردیم", "تماس گرفتیم", "پیگیری کردیم", "پیگیری شد",
    "معرفی کردیم", "نشان دادیم", "اعلام کردیم", "فرستادم", "دادم", "کردم", "گفتم", "داریم", "هستیم", "بودیم",
    // Ours in a condition a rep notes: «اگر ۱۵ درصد تخفیف ندهیم …».
    "ندهیم", "ندیم",
    "ferestadim", "dadim", "kardim", "goftim", "erae dadim", "ersal kardim"
  ],
  /** A role noun right after one of these is an object, not the subject ("call with the buyer", "تماس با مشتری"). */
  preposition: ["with", "to", "for", "at", "about", "on behalf of", "با", "به", "برای", "از طرف", "درباره"],
  /** Where a reply's quoted earlier message begins: what follows is not this message's voice. */
  replyHeader: [
    "original message", "forwarded message", "begin forwarded message", "پیام اصلی", "پیام ارسال شده", "پیام هدایت شده",
    "پیام بازارسال شده", "بازارسال شده",
    // An email signature begins: job titles and slogans below it are not what the customer asks for.
    // ("With regards," alone on its line is a sign-off, src/text/quoted.ts; "with regards to delivery" is not.)
    "best regards", "kind regards", "warm regards", "yours sincerely", "yours truly", "sincerely yours",
    "sent from my iphone", "sent from my ipad", "sent from my android", "sent from my mobile", "sent from my galaxy",
    "sent from my samsung", "sent from my phone", "sent from my smartphone", "sent from my huawei", "sent from my blackberry",
    "sent from my tablet", "sent from my pixel", "sent from my xiaomi", "sent from outlook for", "sent from mail for windows", "sent from yahoo mail", "get outlook for",
    "ارسال شده از آیفون", "ارسال شده از iphone", "ارسال شده از موبایل", "ارسال شده از گوشی", "ارسال از آیفون",
    "با احترام", "با تشکر و احترام", "با سپاس و احترام", "ارادتمند شما",
    // Forwards and originals as other mail clients and locales head them.
    "message transféré", "message d'origine", "message réexpédié", "weitergeleitete nachricht", "ursprüngliche nachricht",
    "mensaje reenviado", "mensaje original", "messaggio inoltrato", "messaggio originale", "doorgestuurd bericht",
    "oorspronkelijk bericht", "vidarebefordrat meddelande", "ursprungligt meddelande", "پیام ارجاع شده",
    // A legal footer: boilerplate below the message, whatever it says about prices or delivery terms.
    "this email and any attachments", "this e-mail and any attachments", "this message and any attachments",
    "this email is confidential", "this e-mail is confidential", "this message is confidential", "confidentiality notice",
    "if you are not the intended recipient", "intended only for the use of", "intended solely for the use of",
    "این ایمیل محرمانه", "این پیام محرمانه", "محتوای این ایمیل محرمانه", "چنانچه گیرنده این", "اگر گیرنده این"
  ],
  /** "not only X but also Y": a negation that adds rather than sets aside. */
  additive: ["not only", "not just", "not merely", "نه تنها", "نه فقط"],
  /**
   * Said of a price after it in the clause, makes disparagement (Lee & Ames: "it isn't worth
   * that"): "your prices are way too high", "قیمت‌هاتون خیلی بالاست". Alone ("the lead time is
   * too high", "کیفیت بالاست") it says nothing about our price. A negation between ("not too
   * high") cancels it.
   */
  excess: [
    "too high", "too steep", "steep", "excessive", "exorbitant", "outrageous", "ridiculous", "crazy", "insane",
    "out of line", "out of whack", "not competitive", "uncompetitive", "not reasonable", "unreasonable", "inflated",
    "above market", "above the market", "higher than the market", "higher than everyone", "too much", "very high",
    "really high", "quite high", "so high", "through the roof", "a bit high", "a little high", "on the high side",
    "on the high end", "came in high", "higher than expected", "higher than we expected", "more than we expected", "a bit much",
    "pricey", "pricy",
    "بالاست", "بالا است", "بالا هست", "بالاس", "زیاده", "زیاد است", "زیاد هست", "خیلی بالا", "خیلی زیاد", "نجومی*",
    "سرسام آور*", "غیر منطقی*", "غیرمنطقی*", "منطقی نیست*", "منصفانه نیست*", "بالاتر از بازار*", "بالاتر از همه*",
    "بالاتر از انتظار*", "بیشتر از انتظار*",
    "balast", "ziade", "ziyade", "kheili bala*", "kheyli bala*", "ghir manteghi*", "gheyre manteghi*", "manteghi nist*"
  ],
  /** Sent by a machine or to a list: newsletters, campaigns, auto-replies, no-reply senders. */
  automated: [
    "unsubscribe*", "newsletter*", "do not reply", "do-not-reply", "donotreply", "no-reply", "noreply",
    "please do not reply", "this is an automated", "automated message", "automated email", "automatically generated",
    "auto-generated", "system generated", "system-generated", "mass email", "list email", "manage your preferences", "manage preferences", "email preferences", "view in browser",
    "view this email in your browser", "you are receiving this", "you received this email", "out of office",
    "automatic reply", "auto-reply", "autoreply", "out of the office", "away from the office", "away from my desk",
    "limited access to email", "limited access to my email", "on annual leave", "on leave until", "on vacation until",
    "on holiday until", "i am currently out", "i'm currently out", "back in the office on", "will respond when i return",
    "will reply when i return", "خارج از دفتر*", "در مرخصی*", "مرخصی هستم*", "در اولین فرصت پاسخ*", "auto-created", "automatically created", "created by workflow",
    "workflow task", "system task", "process builder", "marketing email", "pardot",
    "digest", "mailing list", "mass mailing", "email blast", "e-blast", "eblast", "bulletin",
    "to stop receiving", "stop receiving these", "surveymonkey", "take our survey", "save your seat", "register now",
    // Footers and senders only: a customer may well name the tool or say "opt out" of a plan.
    "click here to opt out", "opt out of these emails", "opt out of receiving", "opt out of future emails", "opt-out link",
    "mailbox is not monitored", "inbox is not monitored", "address is not monitored", "email is not monitored",
    "do not respond to this", "system notification", "automated notification", "automatic notification",
    "sequence step", "outreach sequence", "email sequence", "sales sequence", "cadence step", "sent via mailchimp",
    "sent with mailchimp", "powered by mailchimp", "sent via hubspot", "powered by hubspot", "sent via marketo",
    "sent via salesloft", "sent via outreach", "created by flow", "created by a flow", "created by process",
    "created by power automate",
    "خبرنامه*", "ارسال خودکار*", "پاسخ ندهید", "به این ایمیل پاسخ ندهید", "لغو اشتراک*", "لغو عضویت*",
    "پیام خودکار*", "پاسخ خودکار*", "ایمیل خودکار*", "ارسال گروهی*", "به صورت خودکار*", "ایجاد خودکار*", "بولتن*",
    "انصراف از دریافت*", "عدم دریافت*", "مایل به دریافت این*", "اطلاع رسانی خودکار*", "این صندوق پایش نمی*"
  ],
  /**
   * Wanting or needing, refused by a negation right before it ("we don't need a discount", "not
   * looking for a discount"); the Persian verb carries its own negation after what it refuses
   * («تخفیف نمی‌خوایم»; a term's می/نمی prefix matches joined, half-spaced and spaced).
   */
  want: [
    "need", "needs", "needed", "want", "wants", "require", "required", "necessary", "looking for", "asking for", "interested in",
    "after the cheapest", "after the lowest", "after the best price", "after a discount", "after the biggest discount",
    "نمی خوا*", "نخواستیم", "nemikhaym", "nemikhaim", "nemikhahim", "nemikhan"
  ],
  /** "just", "only", «فقط»: after a negation, what is wanted instead ("not a discount, just on-time delivery"). */
  only: ["just", "only", "merely", "فقط", "صرفا", "faghat"],
  /** A hedge or a concession ("maybe price is a factor"): outweighed by a contrast that names something else. */
  concession: [
    "maybe", "perhaps", "possibly", "might", "may be", "granted", "admittedly", "of course", "i guess", "i suppose",
    "شاید", "ممکنه", "ممکن است", "احتمالا", "البته", "درسته که", "درست است که", "shayad", "momkene"
  ],
  /** Said right after a criterion, finds it satisfactory ("price ok", "pricing fine", «قیمت اوکیه»,
   * "quality is great", «کیفیت عالیه») or ranks it second ("price secondary"): not what they decide on. */
  accepted: [
    "ok", "okay", "fine", "acceptable", "agreed", "alright", "all right", "all good", "looks good", "is good", "seems good",
    "works for us", "is great", "was great", "are great", "were great", "is excellent", "was excellent", "are excellent",
    "is perfect", "is secondary", "are secondary", "was secondary", "secondary for us", "secondary for them",
    "a secondary concern", "less important", "less of a concern",
    "less of an issue", "secondary",
    "اوکی*", "خوبه", "خوب است", "خوب هست", "خوب بود", "قبوله", "قابل قبول*", "مورد قبول*", "حله", "عالیه", "عالی است",
    "عالی هست", "عالی بود", "عالی بوده", "بی نقصه", "فرعیه", "فرعی است",
    "okaye", "khoobe", "khube", "aalie", "alie",
    // Accepted by them, as a rep notes it: «قیمت رو قبول کرد», "gheymat ro ghabool kard".
    "قبول کرد*", "ghabool kard*"
  ],
  /**
   * Order handling: a shipping instruction or a receipt ("please ship the order to …", "shipping
   * address", «لطفاً … ارسال کنید», «تحویل گرفتیم»). The delivery words inside it are no criterion;
   * a lateness word beside them is.
   */
  routine: [
    "please ship", "please deliver", "please dispatch", "kindly ship", "kindly deliver", "kindly dispatch", "ship to",
    "ship it to", "ship them to", "ship the order", "ship our order", "ship the goods", "ship via", "deliver to",
    "deliver it to", "deliver them to", "deliver the order to", "shipping address", "delivery address", "ship-to",
    "shipping instructions", "delivery instructions", "delivery note", "shipping label", "shipping documents",
    "confirm delivery", "confirm the delivery", "confirm shipment", "confirm the shipment", "received the shipment",
    "received the delivery", "shipment received", "delivery received", "schedule the delivery", "schedule delivery",
    "arrange delivery", "arrange the delivery", "arrange shipment", "arrange shipping", "book the delivery",
    "ارسال کنید", "ارسال کنین", "ارسال بفرمایید", "ارسال نمایید", "ارسال شود", "ارسال بشه", "ارسال کردید",
    "تحویل بدید", "تحویل دهید", "تحویل بدین", "تحویل گرفت*", "آدرس تحویل", "محل تحویل", "آدرس ارسال",
    "هماهنگی ارسال", "هماهنگی تحویل",
    // A price list or prices asked for: every buyer asks, it says nothing of what they decide on
    // ("Could you send the updated price list?", «لطفا لیست قیمت رو بفرستید», «قیمت رو اعلام کنید»).
    "send the price list", "send us the price list", "send me the price list", "send your price list", "send us your price list",
    "send me your price list", "send the updated price list", "send us the updated price list", "send me the updated price list",
    "send the latest price list", "send us the latest price list", "send the new price list", "send us the new price list",
    "send the current price list", "send us the current price list", "send us a price list", "send a price list",
    "send over the price list", "send over your price list", "share the price list", "share your price list", "send pricing",
    "send us pricing", "send me pricing", "send us your pricing", "send the pricing", "send us the pricing", "send over pricing",
    "لیست قیمت را بفرستید", "لیست قیمت را بفرستین", "لیست قیمت را ارسال کنید", "لیست قیمت را ارسال بفرمایید",
    "لیست قیمت را برامون بفرستید", "لیست قیمت را برای ما بفرستید", "لیست قیمت را برامون ارسال کنید", "لیست قیمت جدید را بفرستید",
    "لیست قیمت جدید را ارسال کنید", "لیست قیمت به روز را بفرستید", "لیست قیمت به روز را ارسال کنید", "لیست قیمت ها را بفرستید",
    "لیست قیمت ها را ارسال کنید", "لیست قیمتتون را بفرستید", "لیست قیمتتان را ارسال کنید", "قیمت را اعلام کنید",
    "قیمت را اعلام بفرمایید", "قیمت ها را اعلام کنید", "قیمت ها را بفرستید", "قیمت ها را ارسال کنید",
    // Walked through something, or round a site, not walking away: "they will walk us through the installation", "we'll walk the plant".
    "they'll walk the", "they'll walk through", "they'll walk around", "they'll walk over", "they'll walk down",
    "they'll walk us", "they'll walk you", "they'll walk them", "they'll walk me", "we'll walk the", "we'll walk through",
    "we'll walk around", "we'll walk over", "we'll walk down", "we'll walk us", "we'll walk you", "we'll walk them",
    "we'll walk me", "they will walk the", "they will walk through", "they will walk around", "they will walk over",
    "they will walk down", "they will walk us", "they will walk you", "they will walk them", "they will walk me",
    "we will walk the", "we will walk through", "we will walk around", "we will walk over", "we will walk down",
    "we will walk us", "we will walk you", "we will walk them", "we will walk me", "they'd walk the", "they'd walk through",
    "they'd walk around", "they'd walk over", "they'd walk down", "they'd walk us", "they'd walk you", "they'd walk them",
    "they'd walk me", "we'd walk the", "we'd walk through", "we'd walk around", "we'd walk over", "we'd walk down",
    "we'd walk us", "we'd walk you", "we'd walk them", "we'd walk me"
  ],
  /** A document that carries our price: called too high, its price is ("the quote is a bit steep", «پیش‌فاکتور یه کم بالاست»). */
  priced: [
    "quote", "quotes", "quotation*", "proposal*", "offer", "offers", "bid", "bids", "estimate", "invoice*", "renewal",
    "پیش فاکتور*", "فاکتور*", "پیشنهاد*", "صورتحساب*", "صورت حساب*", "pish factor*", "pishfactor*", "faktor*", "pishnahad*"
  ],
  /** With a budget word, a freeze or cut: a constraint ("budget is frozen until Q3", «بودجه تا سه ماه دیگه بسته است», «کاهش بودجه»). */
  shrink: [
    "frozen", "freeze", "froze", "cut", "cuts", "slashed", "reduced", "shrunk", "halved", "on hold", "tightened",
    "بسته است", "بسته ست", "بسته شد*", "مسدود*", "فریز*", "قفل*", "کم شد*", "کم شده*", "کاهش*", "نصف شد*", "متوقف*",
    "kam shod*", "kahesh*"
  ],
  /**
   * A ceiling on what they can pay: with a budget word or a `payable` phrase in the clause, a
   * constraint ("our budget tops out at 40k", "We only have 30k approved", «حداکثر ۴۰ میلیون
   * می‌تونیم بدیم»). Alone it bounds anything ("max two weeks lead time"). Denied right before or
   * after it ("no cap", «سقف نداره»), it is none. An approval of something else is no money
   * approved (`vetted`: "only approved vendors").
   */
  cap: [
    "tops out", "top out", "topped out", "maxes out", "max out", "maxed out", "at most", "at the most", "maximum", "max",
    "no more than", "not more than", "ceiling", "upper limit", "hard cap", "cap of", "cap is", "limit of", "limit is",
    "only have", "only has", "only had", "only got", "only been approved", "only approved", "only budgeted",
    "only allocated", "have only", "has only", "of only",
    "حداکثر", "حد اکثر", "نهایتا", "نهایتش", "سقف*", "ماکزیمم", "فقط", "صرفا", "تنها",
    "hadaksar", "nahayatan", "saghf*", "faghat"
  ],
  /** What a ceiling bounds when no budget word is named: an approval or a verb of paying with its
   * modal ("can pay", «می‌تونیم بدیم»). */
  payable: [
    "approved", "signed off", "allocated", "authorised", "authorized", "earmarked", "set aside", "sanctioned",
    "can pay", "could pay", "can spend", "could spend", "can afford", "could afford", "able to pay", "able to spend",
    "willing to pay", "willing to spend", "prepared to pay", "prepared to spend", "can go to", "can stretch to",
    "می توانیم بدهیم", "می تونیم بدیم", "می تونیم بدهیم", "می توانیم پرداخت*", "می تونیم پرداخت*", "می توانیم بپرداز*",
    "می تونیم بپرداز*", "می توانیم هزینه کنیم", "می تونیم هزینه کنیم", "می تونیم خرج کنیم", "می توانیم خرج کنیم",
    "می شه داد", "تصویب*", "اختصاص*", "مجوز*",
    // As a rep notes it, in the third person: «حداکثر ۴۰ میلیون می‌تونن بدن».
    "می تونن بدن", "می توانند بدهند", "می تونن پرداخت*", "می توانند پرداخت*", "می تونه بده", "می تواند بدهد",
    "می تونن هزینه کنن", "می توانند هزینه کنند",
    "mitunim bedim", "mitoonim bedim", "mitunim pardakht*", "mitoonim pardakht*"
  ],
  /** Worth affirmed: "pricey, but worth it", «گرونه ولی می‌ارزه». The price is talked of; its value
   * is not disparaged, in this clause or the one before. Negated ("not worth it") it is none. */
  worth: [
    "worth it", "worth every penny", "worth every cent", "worth the money", "worth the price", "worth the investment",
    "worth paying", "good value", "great value", "value for money",
    "می ارزه", "می ارزد", "ارزشش رو داره", "ارزشش را دارد", "ارزشش رو دارد", "می ارزید", "می ارزن",
    "miarze", "miarzeh", "arzeshesho dare"
  ],
  /** What they cannot afford that is no money: "we can't afford delays", «نمی‌تونیم ریسک تأخیر رو بپذیریم».
   * The budget words of the clause (afford, can't afford) say how much it matters, not what it costs. */
  stake: [
    "afford delay*", "afford another delay*", "afford any delay*", "afford more delay*", "afford any more delay*",
    "afford another late", "afford any more late", "afford late", "afford downtime", "afford any downtime",
    "afford another failure", "afford failure*", "afford mistakes", "afford errors", "afford another outage",
    "afford outages", "afford to wait", "afford to lose", "afford disruption*", "afford a stoppage", "afford stoppage*",
    "afford another recall", "afford quality issues", "afford another quality issue", "afford a shutdown", "afford to stop",
    "ریسک تاخیر", "ریسک توقف", "ریسک خرابی"
  ],
  /** An approval of something other than money, where a `payable` word begins: "approved vendors",
   * "approved for indoor use". */
  vetted: [
    "approved vendor*", "approved supplier*", "approved source*", "approved manufacturer*", "approved list*",
    "approved part*", "approved material*", "approved product*", "approved design*", "approved drawing*",
    "approved for use", "approved for indoor", "approved for outdoor", "approved by quality", "approved by engineering",
    "approved by our engineers", "approved sample*", "authorized dealer*", "authorised dealer*", "authorized distributor*",
    "authorised distributor*", "authorized reseller*", "authorised reseller*", "authorized service*", "authorised service*",
    "مجوز فعالیت", "مجوز بهداشت*", "مجوز استاندارد*", "تصویب شده توسط واحد کیفیت"
  ],
  /** A condition: the English negations after it in the clause are the condition's ("If you can't
   * sharpen the pencil we'll go elsewhere" is a threat). Persian negative verbs close behind what
   * they deny, and need no such rule. */
  condition: ["if", "اگر", "اگه", "agar"],
  /** A refused condition in one word: "unless you match Acme, …", «مگه اینکه …». */
  unless: ["unless", "مگر اینکه", "مگر این که", "مگه اینکه", "مگر آنکه", "magar inke", "mage inke"],
  /**
   * A move to someone else, said as what they will do ("they'll go to Acme", "we'll switch to",
   * «سراغ … می‌ریم», «از … می‌خریم»). Alone it threatens nothing ("we'll go to the warehouse",
   * «می‌ریم سراغ جلسه بعدی»): it is a churn threat to another supplier (`supplier` after it), inside
   * a refused condition on price or a percentage ("if we don't give them 15% they'll go to Acme",
   * "if the price doesn't come down we'll move to Acme"), or to a name in capitals under a refused
   * condition on any criterion ("if support doesn't improve we're moving to Acme"). A name alone is
   * not enough: after a move it is as often a person, a city, a colour or a currency ("our contact
   * switched to Sara Ahmadi", "moving to Dubai", "went with Blue", "switched to Euros").
   */
  move: [
    "ll go to", "will go to", "would go to", "d go to", "ll go with", "will go with", "would go with", "d go with",
    "ll switch to", "will switch to", "would switch to", "d switch to", "ll take it to", "gonna go to", "gonna go with",
    "gonna switch to", "going to go to", "going to go with", "going to switch to", "have to go to", "have to go with",
    "may go with", "might go with", "could go with", "thinking of going with", "considering going with", "considering switching to",
    "thinking of switching to", "thinking about switching to", "have to switch to", "forced to go to", "forced to switch to",
    "might go to", "may go to", "could go to", "might switch to", "may switch to", "could switch to", "switching to", "going with",
    "ll move to", "will move to", "would move to", "d move to", "gonna move to", "going to move to", "have to move to",
    "might move to", "may move to", "considering moving to", "thinking of moving to", "decided to move to", "moving to", "shifting to",
    // The move made: "we went with Acme this time", "we've switched to another supplier".
    "went with", "switched to", "decided to go with", "decided to switch to", "chose to go with",
    "سراغ", "می رن", "می روند", "soragh", "miran"
  ],
  /**
   * The order or the buying withdrawn, said as what they will do: cancelled ("we'll cancel the
   * order", «سفارش رو کنسل می‌کنیم»), put on hold or stopped ("no more orders until …", «دیگه
   * سفارش نمی‌دیم»), suppliers consolidated, patience run out, a last chance («این آخرین باره»).
   * A threat with a criterion named beside it or in the clause before ("delivery is late again, so
   * we're cancelling the order", "no more orders until the quality issue is fixed"), or under a
   * refused condition on one ("if it isn't here by Friday we'll cancel the order"); alone it is
   * order administration as often as not ("we'll cancel the order and re-enter it", "no more orders
   * until the stocktake", "we lost patience with our old supplier").
   */
  withdraw: [
    // The order itself withdrawn, said as what they will do: "they're cancelling the order", "we'll cancel our orders".
    // Not a request to cancel one ("please cancel order #123", a duplicate), nor a meeting called off.
    "cancelling the order", "canceling the order", "cancelling our order*", "canceling our order*", "cancelling all order*",
    "canceling all order*", "cancelling the orders", "canceling the orders", "ll cancel the order*", "will cancel the order*",
    "ll cancel our order*", "will cancel our order*", "ll cancel all orders", "will cancel all orders", "ll cancel all our orders",
    "will cancel all our orders", "going to cancel the order*", "going to cancel our order*", "cancel the whole order",
    "may cancel the order*", "might cancel the order*", "may cancel our order*", "might cancel our order*",
    "may have to cancel the order*", "might have to cancel the order*", "have to cancel our order*", "considering cancelling",
    "considering canceling", "consider cancelling the order*",
    // Orders stopped or withdrawn: "we're putting all orders on hold", "no more orders until you fix this".
    "pulling the remaining orders", "pulling our orders", "pull our orders", "pulling all orders", "put all orders on hold",
    "putting all orders on hold", "put our orders on hold", "putting our orders on hold", "stopped ordering until",
    "stop ordering until", "stopped ordering from you", "stop all orders", "stopping all orders", "stopped all orders",
    "no more orders until", "no more orders from", "no further orders until", "not placing any more orders", "won't be placing any more orders", "won't place any more orders",
    "will not place any more orders", "find alternative supplier*", "find an alternative supplier", "find alternative vendor*",
    "find an alternative vendor",
    // Fewer suppliers: "the new CFO wants to consolidate suppliers".
    "consolidate suppliers", "consolidating suppliers", "consolidate our suppliers", "consolidating our suppliers",
    "supplier consolidation", "vendor consolidation", "consolidate vendors", "consolidating vendors", "reviewing all our suppliers",
    "reviewing all suppliers", "review all our suppliers",
    // «سفارش رو کنسل می‌کنیم», «سفارش‌ها را لغو می‌کنند»: the order withdrawn (not «… کنسل کنید», a request).
    "سفارش را کنسل می کنیم", "سفارش را کنسل می کنند", "سفارش را کنسل می کنن", "سفارش را لغو می کنیم", "سفارش را لغو می کنند",
    "سفارش را لغو می کنن", "سفارش ها را کنسل می کنیم", "سفارش ها را کنسل می کنند", "سفارش ها را کنسل می کنن",
    "سفارش ها را لغو می کنیم", "سفارش ها را لغو می کنند", "سفارش ها را لغو می کنن", "سفارشمون را کنسل می کنیم",
    "سفارشمون را لغو می کنیم", "سفارشمان را لغو می کنیم", "سفارشات را لغو می کنیم", "سفارشات را کنسل می کنیم",
    "سفارش را کنسل خواهیم کرد", "سفارش را لغو خواهیم کرد", "سفارش را لغو خواهند کرد", "سفارش را کنسل خواهند کرد",
    "ممکنه سفارش را کنسل کنیم", "ممکنه سفارش را لغو کنیم", "مجبوریم سفارش را کنسل کنیم", "مجبوریم سفارش را لغو کنیم",
    "ممکن است سفارش را لغو کنیم", "مجبور می شیم سفارش را کنسل کنیم", "ممکنه سفارش را کنسل کنن",
    // Orders stopped: «همه سفارش‌ها رو متوقف می‌کنیم», «دیگه سفارش نمی‌دیم».
    "سفارش ها را متوقف می کن*", "سفارش ها را فعلا متوقف می کن*", "سفارشات را متوقف می کن*", "سفارش جدید نمی دیم", "سفارش جدید نمی دهیم", "سفارش جدید نمی دن",
    "سفارش جدید نمی دهند", "دیگه سفارش نمی د*", "دیگر سفارش نمی د*", "سفارشی نمی دیم", "سفارشی نمی دهیم",
    // Patience run out: "we're running out of patience", «صبرمون تموم شده».
    "running out of patience", "run out of patience", "patience is running out", "patience has run out", "lost patience",
    "losing patience", "صبرمون تموم*", "صبرشون تموم*", "صبر ما تمام*", "صبرمان تمام*", "کاسه صبرمون لبریز*", "کاسه صبر ما لبریز*",
    // A last chance: «این آخرین باره», «آخرین فرصته».
    "این آخرین باره", "این آخرین بار است", "این آخرین فرصته", "این آخرین فرصت است", "آخرین فرصت شماست", "آخرین فرصتتونه"
  ],
  /** Buying elsewhere, a move that is a supplier's business whatever the condition asks ("if
   * quality doesn't improve we'll buy from Acme", «اگر کیفیت درست نشه از آبادان پمپ می‌خریم»). */
  buy: [
    "ll buy from", "will buy from", "would buy from", "ll order from", "will order from", "ll take the order to",
    "ll give the order to", "will give the order to", "ll place the order with", "will place the order with", "ll award it to",
    "می خریم", "می خرند", "می خرن", "خرید می کنیم", "خرید می کنن", "خرید می کنند",
    // Bought there this time: «این بار از رقیب خریدیم».
    "خریدیم", "خریدن", "خریدند",
    // The order or the buying handed to someone: «سفارش را به پارس پمپ می‌دهیم», «خرید را به … منتقل می‌کنیم».
    "سفارش را به", "سفارش ها را به", "سفارشات را به", "خرید را به", "خریدمان را به", "خریدمون را به", "mikharim"
  ],
  /** Another supplier, after a move: "go to a cheaper supplier", «سراغ یه تامین‌کننده ارزون‌تر». */
  supplier: ["supplier", "suppliers", "vendor", "vendors", "distributor", "distributors", "تامین کننده*", "فروشنده*", "tamin konande*"],
  /** A move toward us or to a place, no threat ("we'll go to your warehouse", "we'd go with you",
   * «سراغ انبار شما»): phrases that begin with their move, so that common words ("you", «شما») record no hit. */
  toward: [
    "ll go to your", "will go to your", "would go to your", "d go to your", "ll go with you", "will go with you",
    "would go with you", "d go with you", "ll move to your", "will move to your", "ll switch to your", "will switch to your",
    "ll buy from you", "will buy from you", "ll order from you", "will order from you", "going with you", "moving to your",
    "have to go to your", "have to go with you", "ll go to our", "will go to our", "ll go to the next", "will go to the next",
    "ll move to the next", "will move to the next", "ll switch to the next", "will switch to the next", "ll go to accounts",
    "will go to accounts", "went with you", "went with your", "switched to your", "switched to our", "decided to go with you",
    "chose to go with you", "may go with you", "might go with you", "could go with you", "considering switching to your",
    "considering going with you", "thinking of going with you", "considering moving to your", "thinking of switching to your",
    "switching to your", "going to switch to your", "going to go with you", "decided to switch to your",
    "سراغ شما", "سراغ مدیر*", "سراغ همکار*", "سراغ واحد*", "سراغ بخش*", "سراغ مورد بعد*", "سراغ آیتم*", "سراغ آزمایشگاه*", "سراغ انبار*", "سراغ دفتر*", "سراغ کارخانه*", "سراغ کارخونه*", "سراغ سایت*", "سراغ جلسه*", "سراغ موضوع*"
  ],
  /** A percentage: in a refused condition, what they asked for ("if we don't give them 15%"). */
  percent: ["%", "percent", "per cent", "pct", "درصد", "darsad"],
  /**
   * Sayings that put price second, read whole: not a price criterion, they speak for quality. The
   * price words inside them ("cheap", «ارزون», «پول») are the saying's, as is its negation.
   */
  saying: [
    "cheaper isn't better", "cheaper is not better", "cheaper isn't always better", "cheaper is not always better",
    "cheaper doesn't mean better", "cheaper does not mean better", "cheapest isn't always best",
    "cheapest is not always best", "cheapest isn't always the best", "cheapest is not always the best",
    "cheapest isn't best", "cheapest is not best", "cheapest isn't the best", "cheapest is not the best",
    "cheap isn't always", "cheap is not always", "cheap isn't better", "cheap is not better", "cheap doesn't mean",
    "cheap does not mean", "cheap is expensive", "cheap ends up costing", "buy cheap buy twice", "you get what you pay for",
    "get what you pay for", "lowest price isn't always", "lowest price is not always", "lowest price doesn't mean",
    "lowest bid isn't always", "lowest bid is not always", "price isn't everything", "price is not everything",
    "price isn't the only thing", "price is not the only thing", "false economy", "penny wise", "penny-wise",
    "burned by cheap", "burnt by cheap", "از جنس ارزون ضربه*", "از جنس ارزان ضربه*", "از ارزون خریدن ضربه*",
    "از ارزان خریدن ضربه*",
    "ارزونی به درد ما نمی خور*", "ارزونی به درد نمی خور*", "ارزانی به درد ما نمی خور*", "ارزانی به درد نمی خور*",
    "ارزون به درد ما نمی خور*", "ارزان به درد ما نمی خور*", "ارزونی به دردمون نمی خور*", "ارزون به دردمون نمی خور*",
    "جنس ارزون به درد ما نمی خور*", "جنس ارزان به درد ما نمی خور*", "جنس ارزون به درد نمی خور*", "جنس ارزان به درد نمی خور*",
    "ارزان خری نمی کن*", "ارزون خری نمی کن*", "ارزان خر نیست*", "ارزون خر نیست*", "اهل ارزان خری نیست*",
    "اهل ارزون خری نیست*", "ارزون بخری دو بار*", "ارزان بخری دو بار*", "ارزون بخره دو بار*", "ارزان بخرد دو بار*",
    "ارزون بخریم دو بار*", "ارزان بخریم دو بار*", "ارزون بخرید دو بار*", "ارزان بخرید دو بار*",
    "پولمون رو دو بار خرج نمی*", "پولمان را دو بار خرج نمی*", "پول رو دو بار خرج نمی*", "پول را دو بار خرج نمی*",
    "هر چی پول بدی*", "هر چقدر پول بدی*", "هر قدر پول بدی*", "ارزون ترین همیشه بهترین نیست*",
    "ارزان ترین همیشه بهترین نیست*", "ارزون ترین بهترین نیست*", "ارزان ترین بهترین نیست*", "ارزون تر بهتر نیست*",
    "ارزان تر بهتر نیست*", "arzoon bekhari do bar*", "arzun bekhari do bar*", "arzooni be dard nemikhore*",
    "arzuni be dard nemikhore*", "arzoon khari nemikonim*", "arzun khari nemikonim*"
  ],
  /**
   * Paying more for something, read whole: "willing to pay more for", «حاضریم بیشتر پول بدیم». Its
   * own words ("don't mind paying more", «پول») are no price talk, and what it is for ("for
   * reliable pumps") is voiced whatever the clause dismisses ("we don't mind").
   */
  premium: [
    "pay more for", "paying more for", "pay extra for", "paying extra for", "pay a premium for", "paying a premium for",
    "pay a bit more for", "pay a little more for", "willing to pay more", "happy to pay more", "prepared to pay more",
    "don't mind paying more", "do not mind paying more", "don't mind paying extra", "don't mind paying a premium",
    "حاضریم بیشتر پول بدیم*", "حاضریم بیشتر بدیم*", "حاضریم بیشتر بپردازیم*", "حاضریم گرون تر بخریم*",
    "حاضریم گران تر بخریم*", "گرون تر هم باشه می خریم*", "گران تر هم باشد می خریم*", "hazerim bishtar pool bedim*"
  ],
  /**
   * The quality of a service, read whole: support, not the product's quality ("service quality",
   * "quality of support", «کیفیت خدمات», «کیفیت پشتیبانی»). The quality word inside is the phrase's.
   */
  service: [
    "service quality", "support quality", "quality of service*", "quality of the service*", "quality of your service*",
    "quality of support", "quality of the support", "quality of your support", "quality of customer service",
    "quality of after-sales", "after-sales quality",
    "کیفیت خدمات*", "کیفیت خدمات پس از فروش*", "کیفیت پشتیبانی*", "کیفیت سرویس*", "کیفیت سرویس دهی*", "کیفیت خدمت رسانی*", "کیفیت پاسخگویی*",
    "keyfiat khadamat*", "keyfiate khadamat*", "keyfiat poshtibani*", "keyfiate poshtibani*"
  ],
  /** A question asked of them, as a rep notes it: a threat inside it is none made ("Asked whether
   * they would switch suppliers. They said no.", «پرسیدم آیا سراغ رقبا می‌رن»). */
  question: [
    "asked if", "asked whether", "asked them if", "asked them whether", "asking if", "asking whether", "ask if", "ask whether",
    "ask them if", "ask them whether", "wanted to know if", "wanted to know whether", "checked if", "checked whether",
    "checking if", "checking whether", "inquired whether", "enquired whether", "inquired if", "enquired if",
    "پرسیدم آیا", "پرسیدیم آیا", "پرسیدم که آیا", "پرسیدیم که آیا", "ازشون پرسیدم", "ازشون پرسیدیم", "ازشان پرسیدیم",
    "سوال کردم که آیا", "سوال کردیم که آیا", "سوال کردم آیا", "سوال کردیم آیا"
  ],
  /** A conjunction: what follows is another statement, which a negation before it does not reach ("the
   * quality isn't good and we won't renew", "not happy and are moving to another supplier", «کیفیت
   * خوب نیست پس میریم سراغ …»), nor a Persian negative verb after it closes what came before it
   * («کیفیت خوبه و نمی‌خوایم تامین‌کننده رو عوض کنیم»). Contrasts and commas end the clause already. */
  conjunction: [
    "and", "so", "which means", "which is why", "that's why", "that is why", "then", "therefore", "hence", "thus", "و", "پس",
    "بنابراین", "برای همین", "به همین خاطر", "به همین دلیل", "va"
  ],
  /** A price found not excessive, in Persian after it: «قیمت‌ها بالا نیست» (as "not too high" is, by `excess`). */
  moderate: [
    "بالا نیست", "بالا نبود", "بالا نیستن", "بالا نیستند", "زیاد نیست", "زیاد نبود", "bala nist", "ziad nist", "ziyad nist"
  ],
  /** «دنبال X نیستیم» (we are not after X): what is sought, denied by the verb that closes the phrase. */
  seek: ["دنبال*", "donbal*"],
  /** An adverb right after a negation is part of it: "not necessarily looking for", "don't particularly need". */
  degree: ["necessarily", "particularly", "especially", "specifically", "primarily", "solely"],
  /** A problem still standing: its negation ("not fixed", «حل نکردید») dismisses nothing. */
  unsolved: [
    "not fixed", "not been fixed", "not resolved", "not been resolved", "not solved", "not been solved", "not addressed",
    "not been addressed", "never fixed", "never resolved", "never been fixed", "never been resolved", "hasn't been fixed",
    "hasn't been resolved", "haven't been fixed", "haven't been resolved", "haven't fixed", "hasn't fixed",
    "haven't resolved", "hasn't resolved", "didn't fix", "didn't resolve", "isn't fixed", "isn't resolved",
    "aren't fixed", "aren't resolved", "wasn't fixed", "wasn't resolved", "isn't solved", "aren't solved", "wasn't solved",
    "hasn't been solved", "haven't been solved", "hasn't solved", "haven't solved", "didn't solve",
    "حل نشد*", "حل نکرد*", "حل نمی*", "برطرف نشد*", "برطرف نکرد*", "رفع نشد*", "رفع نکرد*", "درست نشد*", "درست نکرد*",
    "hal nashod*", "hal nakard*", "dorost nashod*"
  ],
  /** A service request rather than a complaint: a how-to question or an information request. */
  request: [
    "how do i", "how do we", "how can i", "how can we", "how to", "how does", "how should", "where can i",
    "where do i", "is it possible", "can you explain", "could you explain", "can you tell", "could you tell",
    "request for information", "information request", "question about", "question regarding", "quick question",
    "documentation", "user guide", "manual", "instructions", "guidance", "clarification", "password reset",
    "reset password",
    "چطور", "چطوری", "چگونه", "چه طور", "چه طوری", "نحوه", "راهنمایی*", "درخواست راهنمایی*", "درخواست اطلاعات*",
    "سوال*", "سئوال*", "پرسش*", "آموزش استفاده*", "دستورالعمل*", "توضیح بدهید", "توضیح دهید"
  ]
} as const

/**
 * Case type/reason picklist values, matched on the whole normalised value. A specific value names
 * a criterion without a lexicon word: Salesforce's default Case Type (Mechanical, Electrical,
 * Electronic, Structural) and Case Reason (Breakdown, Performance, Equipment Design,
 * Installation, ...), and the values orgs add (Billing, Shipping, ...). A generic value (null)
 * says nothing about the criterion, and the case's subject and description are read instead:
 * Dynamics' standard casetypecode (Question, Problem, Request), Salesforce's defaults "Problem",
 * "Question", "Feature Request", "Other", "Existing problem", "New problem", "Feedback", and
 * Dataverse's "Default Subject". Twelve
 * "late delivery" cases of type Problem are about delivery, not quality.
 */
export const CASE_PICKLIST_CRITERIA: Readonly<Record<string, "price" | "quality" | "delivery" | "support" | null>> = {
  mechanical: "quality",
  electrical: "quality",
  electronic: "quality",
  structural: "quality",
  breakdown: "quality",
  performance: "quality",
  "equipment design": "quality",
  defect: "quality",
  warranty: "quality",
  "product quality": "quality",
  installation: "support",
  "equipment complexity": "support",
  "complex functionality": "support",
  "instructions not clear": "support",
  "user didn't attend training": "support",
  technical: "support",
  billing: "price",
  invoice: "price",
  invoicing: "price",
  refund: "price",
  shipping: "delivery",
  logistics: "delivery",
  "صورتحساب": "price",
  "فاکتور": "price",
  "ارسال": "delivery",
  "حمل": "delivery",
  "فنی": "support",
  problem: null,
  question: null,
  request: null,
  "feature request": null,
  "service request": null,
  other: null,
  others: null,
  general: null,
  feedback: null,
  inquiry: null,
  enquiry: null,
  incident: null,
  complaint: null,
  "existing problem": null,
  "new problem": null,
  // Dataverse's subject tree starts with "Default Subject"; orgs that never set it up keep it.
  "default subject": null,
  default: null,
  none: null,
  information: null,
  "general inquiry": null,
  "general enquiry": null,
  "مشکل": null,
  "سوال": null,
  "سئوال": null,
  "درخواست": null,
  "شکایت": null,
  "سایر": null,
  "غیره": null,
  "عمومی": null
}

/** Case type/reason values that are themselves service requests, not complaints (Dynamics'
 * Question and Request, Salesforce's Question and Feature Request). */
export const CASE_REQUEST_VALUES: ReadonlySet<string> = new Set([
  "question", "request", "feature request", "service request", "information", "information request", "how to",
  "how-to", "inquiry", "enquiry", "سوال", "سئوال", "پرسش", "درخواست", "درخواست اطلاعات", "راهنمایی"
])

/**
 * Case priority values (normalised, whole value or one of its words): Salesforce High/Medium/Low,
 * Dataverse prioritycode High/Normal/Low, P1-P4 and severity scales, Persian. Absent → normal.
 */
export const CASE_PRIORITY: Readonly<Record<string, "high" | "normal" | "low">> = {
  high: "high", highest: "high", urgent: "high", critical: "high", blocker: "high", severe: "high", emergency: "high",
  p1: "high", p0: "high", sev1: "high", "very high": "high", "1 - high": "high",
  medium: "normal", normal: "normal", moderate: "normal", standard: "normal", p2: "normal", sev2: "normal",
  low: "low", lowest: "low", minor: "low", trivial: "low", p3: "low", p4: "low", sev3: "low", sev4: "low",
  "بالا": "high", "زیاد": "high", "فوری": "high", "بحرانی": "high", "اضطراری": "high", "خیلی زیاد": "high",
  "بسیار بالا": "high", "بالاترین": "high",
  "متوسط": "normal", "عادی": "normal", "معمولی": "normal",
  "کم": "low", "پایین": "low", "پائین": "low", "کمترین": "low"
}
