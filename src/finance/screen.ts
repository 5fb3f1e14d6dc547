import type { Party, Payment } from "../formats/payment-types.ts";
import { ORG_COMMON_WORDS } from "../matching/data/name-words.ts";
import { bestPerEntity, type MatchIndex } from "../matching/index.ts";
import { nameKind } from "../matching/names.ts";
import { analyzedName, type NameAnalyses, nameAnalyses } from "../matching/prepare.ts";
import { DEFAULT_ALERT_THRESHOLD } from "../matching/score.ts";
import type { MatchQuery, MatchResult } from "../matching/types.ts";
import { partyLabel } from "./payment-facts.ts";
import { type PartyRole, partiesToScreen } from "./payment-parties.ts";
import type { RelationshipGraph } from "./relationships.ts";
import { remittanceWindows } from "./remittance-names.ts";
import { DEFAULT_RULE_CONTEXT } from "./rule-config.ts";
import type { RuleContext, RuleHit } from "./rule-types.ts";
import { evaluatePaymentRules, hitsByPayment } from "./rules.ts";
import { compareText, localityKey } from "./screening-order.ts";

/**
 * Screening a batch of payments: every named party through the matching engine, the remittance text
 * searched for registered names, and the pattern rules over the whole batch (the related-party rule reads
 * the registry's relationships through the parties' matches). The matching (`matchPayments`) is pure over the
 * index and can run in worker threads; `assembleScreening` joins its results with the rules.
 */

/** What an alert is about: a party of the payment, its remittance text, or the payment as a whole (rules only). */
export type AlertParty = PartyRole | "remittance" | "payment";

export interface PaymentSummary {
  id: string;
  amount: number;
  currency: string;
  debtor: string;
  creditor: string;
}

/** One alert, in the shape of `ftfx screen payments --json` and `POST /api/v1/payments/screen`. */
export interface PaymentAlert {
  payment: PaymentSummary;
  party: AlertParty;
  /** The best match's score; 0 for an alert raised by pattern rules alone. */
  score: number;
  /** Matches at or above the alert threshold, best first, as `ftfx match` gives them. */
  matches: MatchResult[];
  /** Every rule hit of the payment (the same hits appear on each alert of one payment). */
  ruleHits: RuleHit[];
}

export interface PaymentScreening {
  payments: number;
  alerts: PaymentAlert[];
}

export interface MatchOptions {
  /** Matches below this score neither alert nor feed the related-party rule. */
  threshold?: number;
  /** Matches kept per party. */
  top?: number;
}

/** The matches of one payment's parties and remittance: all an alert needs from the matching engine. */
export interface PaymentMatches {
  paymentId: string;
  parties: { role: PartyRole; matches: MatchResult[] }[];
  remittance: MatchResult[];
}

const DEFAULT_TOP = 5;
/** One shared empty list for the many searches and parties that find nothing (frozen: shared lists are read-only). */
const NONE = Object.freeze([]) as unknown as MatchResult[];

/**
 * Payment messages seldom say whether a party is a person or an organisation, and the scorer counts a person
 * compared with an organisation as a different subject. A name with a legal form ("… GmbH") or a common
 * organisation word ("… Trading") is asked as an organisation; any other unknown party as either kind.
 */
function askedAs(query: MatchQuery, analyses: NameAnalyses): MatchQuery {
  if (query.schema !== "LegalEntity") return query;
  const form = analyzedName(query.name, "organization", analyses);
  if (form.legalForm || form.tokens.some((t) => ORG_COMMON_WORDS.has(t.text)))
    return { ...query, schema: "Organization" };
  return query;
}

/** Everything a query's results depend on (all but its id), so equal parties share one screening. */
export function queryKey({ id: _id, ...asked }: MatchQuery): string {
  return JSON.stringify(asked);
}

/** Keeps a list in one of a batch's caches, the many empty ones as the one shared `NONE`. */
function remember(cache: Map<string, MatchResult[]>, key: string, list: MatchResult[]): MatchResult[] {
  const kept = list.length > 0 ? list : NONE;
  cache.set(key, kept);
  return kept;
}

/**
 * Matches the payments of one batch, handed over whole or in chunks (a worker thread can start on the first
 * chunk of a large file while the rest is still being read). The same payer, payee, payroll or remittance
 * phrase recurs across a file: each distinct party query and each distinct remittance text is screened once
 * per batch and its matches are reused (shared, so callers must not modify them), as are the engine's results
 * per distinct search.
 */
export class BatchMatcher {
  private readonly threshold: number;
  private readonly top: number;
  private readonly searches = new Map<string, MatchResult[]>();
  private readonly parties = new Map<string, MatchResult[]>();
  private readonly remittances = new Map<string, MatchResult[]>();
  /** Names analysed once per batch: askedAs and the search read the same name as an organisation. */
  private readonly analyses = nameAnalyses();

  constructor(
    private readonly index: MatchIndex,
    options: MatchOptions = {},
  ) {
    this.threshold = options.threshold ?? DEFAULT_ALERT_THRESHOLD;
    this.top = options.top ?? DEFAULT_TOP;
  }

  /**
   * The matches of the batch's next payments, in their order. Their distinct parties not screened before
   * are screened first, in locality order (see screening-order.ts), then each payment takes its parties'
   * matches from the batch's cache.
   */
  matchAll(payments: readonly Payment[]): PaymentMatches[] {
    const asked = payments.map((payment) =>
      partiesToScreen(payment).map(({ role, query }) => ({ role, query, key: queryKey(query) })),
    );
    const waiting = new Map<string, MatchQuery>();
    for (const parties of asked)
      for (const { query, key } of parties) if (!this.parties.has(key)) waiting.set(key, query);
    const count = (key: string) => this.index.stats.count(key);
    const ordered = [...waiting].map(([key, query]) => ({
      key,
      query,
      order: localityKey(analyzedName(query.name, nameKind(query.schema), this.analyses), count),
    }));
    ordered.sort((a, b) => compareText(a.order, b.order));
    for (const { key, query } of ordered) this.party(query, key);
    return payments.map((payment, i) => ({
      paymentId: payment.id,
      parties: (asked[i] ?? []).map(({ role, query, key }) => ({ role, matches: this.party(query, key) })),
      remittance: payment.remittance ? this.remittance(payment.remittance) : [],
    }));
  }

  /**
   * The engine's results at or above the threshold (nothing below it alerts, so only these are kept: a batch
   * holds on to every distinct search, and most find nothing worth an alert). A query of schema LegalEntity
   * is a subject of either kind.
   */
  private search(query: MatchQuery, key = queryKey(query)): MatchResult[] {
    const known = this.searches.get(key);
    if (known) return known;
    const options = { minScore: this.threshold, analyses: this.analyses };
    const found =
      query.schema === "LegalEntity"
        ? this.index.searchEitherKind(query, this.top, options)
        : this.index.search(query, this.top, options);
    return remember(this.searches, key, found);
  }

  private party(query: MatchQuery, key: string): MatchResult[] {
    const known = this.parties.get(key);
    if (known) return known;
    const asked = askedAs(query, this.analyses);
    return remember(this.parties, key, this.search(asked, asked === query ? key : undefined));
  }

  /** Registered names in the remittance text; each match says which words named it (a weight-0 evidence line). */
  private remittance(text: string): MatchResult[] {
    const known = this.remittances.get(text);
    if (known) return known;
    const found: MatchResult[] = [];
    for (const window of remittanceWindows(text, (key) => this.index.stats.count(key))) {
      const words =
        window.from === window.to ? `word ${window.from + 1}` : `words ${window.from + 1}–${window.to + 1}`;
      for (const result of this.search({ name: window.text, schema: "LegalEntity" })) {
        found.push({
          ...result,
          explanation: [
            ...result.explanation,
            {
              feature: "remittance",
              weight: 0,
              detail: `the remittance names "${window.text}" (${words})`,
            },
          ],
        });
      }
    }
    return remember(this.remittances, text, bestPerEntity(found, this.top));
  }
}

/**
 * The matches of a batch's payments, in payment order: pure over the index, so a batch can be split over
 * worker threads (each chunk then screens its distinct parties once).
 */
export function matchPayments(
  payments: readonly Payment[],
  index: MatchIndex,
  options: MatchOptions = {},
): PaymentMatches[] {
  return new BatchMatcher(index, options).matchAll(payments);
}

export interface AssembleOptions {
  /** Rule settings; `relatedSubjects` is filled here from `relationships`. */
  context?: RuleContext;
  relationships?: RelationshipGraph;
}

/** Joins per-payment matches with the batch's rule hits into alerts, in payment order. */
export function assembleScreening(
  payments: readonly Payment[],
  matches: readonly PaymentMatches[],
  options: AssembleOptions = {},
): PaymentScreening {
  const byPayment = new Map(matches.map((m) => [m.paymentId, m]));
  const partyMatches = new Map<Party, MatchResult[]>();
  for (const payment of payments) {
    for (const { role, matches: found } of byPayment.get(payment.id)?.parties ?? []) {
      const party = payment[role];
      if (party) partyMatches.set(party, found);
    }
  }
  const { relationships } = options;
  const context: RuleContext = {
    ...(options.context ?? DEFAULT_RULE_CONTEXT),
    ...(relationships
      ? { relatedSubjects: (party) => relationships.relatedTo(partyMatches.get(party) ?? []) }
      : {}),
  };
  const hits = hitsByPayment(evaluatePaymentRules(payments, context));
  const alerts: PaymentAlert[] = [];
  for (const payment of payments) {
    const summary = summarise(payment);
    const ruleHits = hits.get(payment.id) ?? [];
    const found = byPayment.get(payment.id);
    const matched: [AlertParty, MatchResult[]][] = [
      ...(found?.parties ?? []).map(({ role, matches: m }): [AlertParty, MatchResult[]] => [role, m]),
      ["remittance", found?.remittance ?? []],
    ];
    const before = alerts.length;
    for (const [party, partyFound] of matched) {
      const best = partyFound[0];
      if (best) alerts.push({ payment: summary, party, score: best.score, matches: partyFound, ruleHits });
    }
    if (alerts.length === before && ruleHits.length > 0)
      alerts.push({ payment: summary, party: "payment", score: 0, matches: [], ruleHits });
  }
  return { payments: payments.length, alerts };
}

export interface ScreenOptions extends MatchOptions, AssembleOptions {}

/** Screens a batch in this thread: match every payment, then assemble with the rules. */
export function screenPayments(
  payments: readonly Payment[],
  index: MatchIndex,
  options: ScreenOptions = {},
): PaymentScreening {
  return assembleScreening(payments, matchPayments(payments, index, options), options);
}

export function summarise(payment: Payment): PaymentSummary {
  return {
    id: payment.id,
    amount: payment.amount,
    currency: payment.currency,
    debtor: partyLabel(payment.debtor),
    creditor: partyLabel(payment.creditor),
  };
}
