/**
 * Screening: each traveller against the watchlist (matching engine), the registered documents (exact) and
 * the rules, with redress memory applied. Real time is one traveller; batch is a whole manifest, whose
 * co-travellers see each other's matches. Pure apart from the lookups the screener is given.
 */
import { normaliseDocumentNumber, type TravellerEvidence } from "../alerts/redress.ts";
import {
  type AlertSubject,
  type ClearedMatch,
  type RedressEvidence,
  type RuleHit,
  SEVERITY_RANK,
  type Severity,
} from "../alerts/types.ts";
import type { Manifest, Traveller } from "../formats/travel-types.ts";
import type { MatchIndex } from "../matching/index.ts";
import { DEFAULT_ALERT_THRESHOLD } from "../matching/score.ts";
import type { MatchResult } from "../matching/types.ts";
import type { AirportLocator } from "./airports.ts";
import { type DocumentLookup, documentHit } from "./documents.ts";
import { evaluateRules } from "./evaluate.ts";
import { type Itinerary, itineraryFor } from "./itinerary.ts";
import type { Rule } from "./rules.ts";
import { travellerQuery, travellerSubject } from "./traveller-query.ts";

/** Splits a traveller's matches into those still to alert and those cleared before by an officer. */
export type RedressCheck = (
  evidence: TravellerEvidence,
  matches: MatchResult[],
) => Promise<{ kept: MatchResult[]; cleared: ClearedMatch[]; evidence: RedressEvidence }>;

export interface Screener {
  index: MatchIndex;
  documents: DocumentLookup;
  rules: readonly Rule[];
  airports: AirportLocator;
  /** Absent when screening list files without a store. */
  redress?: RedressCheck;
  /** Matches at or above this score are hits (default: the engine's alert threshold). */
  threshold?: number;
  /**
   * The registry records the screening agency may know of (the sharing policy's decision); matches and
   * registered documents outside it are dropped before anything is stored. All records when absent.
   */
  visible?: (entityIds: string[]) => Promise<Set<string>>;
  /** Rule hits of this severity or worse raise an alert on their own (default high). */
  ruleAlertSeverity?: Severity;
}

export interface TravellerResult {
  traveller: Traveller;
  subject: AlertSubject;
  itinerary: Itinerary;
  /** Best remaining match score, 0 without matches. */
  score: number;
  matches: MatchResult[];
  ruleHits: RuleHit[];
  cleared: ClearedMatch[];
  evidence?: RedressEvidence;
  alert: boolean;
}

/** Candidates looked at per traveller; hits are those at the threshold. */
const TOP = 5;

export function evidenceOf(traveller: Traveller): TravellerEvidence {
  const evidence: TravellerEvidence = {
    name: traveller.fullName,
    documentNumbers: traveller.documents.map((d) => d.number),
  };
  if (traveller.birthDate) evidence.birthDate = traveller.birthDate;
  return evidence;
}

/** Screens the travellers of one manifest (or single travellers, without one) in one pass. */
export async function screenTravellers(
  travellers: readonly Traveller[],
  screener: Screener,
  manifest?: Manifest,
): Promise<TravellerResult[]> {
  const threshold = screener.threshold ?? DEFAULT_ALERT_THRESHOLD;
  const found = travellers.map((t) => screener.index.search(travellerQuery(t), TOP, { minScore: threshold }));
  let documents = await screener.documents(travellers.flatMap((t) => t.documents.map((d) => d.number)));
  if (screener.visible) {
    const visible = await screener.visible([
      ...found.flat().map((m) => m.entityId),
      ...documents.map((d) => d.entityId),
    ]);
    found.forEach((list, i) => {
      found[i] = list.filter((m) => visible.has(m.entityId));
    });
    documents = documents.filter((d) => visible.has(d.entityId));
  }
  const results: TravellerResult[] = [];
  for (const [i, traveller] of travellers.entries()) {
    const matches = found[i] ?? [];
    const result: TravellerResult = {
      traveller,
      subject: travellerSubject(traveller),
      itinerary: manifest
        ? itineraryFor(manifest, traveller)
        : { segments: [], wholeBooking: false, formsOfPayment: [] },
      score: 0,
      matches,
      ruleHits: [],
      cleared: [],
      alert: false,
    };
    if (matches.length && screener.redress) {
      const { kept, cleared, evidence } = await screener.redress(evidenceOf(traveller), matches);
      Object.assign(result, { matches: kept, cleared, evidence });
    }
    result.score = result.matches[0]?.score ?? 0;
    const numbers = new Set(traveller.documents.map((d) => normaliseDocumentNumber(d.number)));
    result.ruleHits = documents
      .filter((d) => numbers.has(normaliseDocumentNumber(d.number)))
      .map(documentHit);
    results.push(result);
  }
  const subjectsByPnr = new Map<string, { ref: string; line: string }[]>();
  for (const r of results) {
    const best = r.matches[0];
    if (!best || !r.itinerary.pnrRef) continue;
    const line = `${r.traveller.fullName} (matches ${best.caption}, ${best.score.toFixed(2)})`;
    subjectsByPnr.set(r.itinerary.pnrRef, [
      ...(subjectsByPnr.get(r.itinerary.pnrRef) ?? []),
      { ref: r.traveller.ref, line },
    ]);
  }
  const raiseAt = SEVERITY_RANK[screener.ruleAlertSeverity ?? "high"];
  for (const r of results) {
    const coTravellerMatches = (r.itinerary.pnrRef ? (subjectsByPnr.get(r.itinerary.pnrRef) ?? []) : [])
      .filter((other) => other.ref !== r.traveller.ref)
      .map((other) => other.line);
    r.ruleHits.push(
      ...evaluateRules(
        screener.rules,
        { itinerary: r.itinerary, coTravellerMatches },
        { airports: screener.airports },
      ),
    );
    r.alert = r.matches.length > 0 || r.ruleHits.some((h) => SEVERITY_RANK[h.severity] >= raiseAt);
  }
  return results;
}
