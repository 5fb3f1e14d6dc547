/**
 * The alert queue's vocabulary. An alert gathers every hit about one subject on one occasion (a traveller on
 * a flight, a party of a payment); officers decide it, ftfx only recommends. Plain data only.
 */
import type { MatchResult } from "../matching/types.ts";
import { badInput } from "../platform/errors.ts";

export const ALERT_KINDS = ["traveller", "payment"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_STATUSES = ["open", "confirmed", "dismissed", "escalated"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DECISIONS = ["confirm", "dismiss", "escalate"] as const;
export type Decision = (typeof DECISIONS)[number];

export const STATUS_AFTER: Record<Decision, AlertStatus> = {
  confirm: "confirmed",
  dismiss: "dismissed",
  escalate: "escalated",
};

/** One rule that hit, with the words an officer reads. */
export interface RuleHit {
  ruleId: string;
  severity: Severity;
  detail: string;
  /** The stored rule version that hit (absent for built-in checks such as the document number). */
  ruleVersion?: number;
}

/** Who or what the alert is about, as shown in the queue (personal data: masked by retention). */
export interface AlertSubject {
  name: string;
  birthDate?: string;
  nationality?: string;
  documentNumber?: string;
}

/** A watchlist match suppressed because an officer dismissed the same evidence against the same record. */
export interface ClearedMatch {
  entityId: string;
  caption: string;
  score: number;
  clearedBy: string;
  clearedAt: string;
}

/** What redress compares: the traveller's evidence fingerprint and the matched records' content hashes. */
export interface RedressEvidence {
  fingerprint: string;
  /** Content hash of each matched registry record at screening time, by entity id. */
  records: Record<string, string>;
}

export interface NewAlert {
  kind: AlertKind;
  /**
   * One alert per occasion key: `flightKey|travellerKey` for travellers, `paymentId|party` for payments.
   * Screening the same occasion again updates the open alert instead of adding a second.
   */
  occasionKey: string;
  subject: AlertSubject;
  matches: MatchResult[];
  ruleHits: RuleHit[];
  cleared?: ClearedMatch[];
  /** Free context shown with the alert: flight and itinerary, payment reference and role, … */
  context: Record<string, unknown>;
  evidence?: RedressEvidence;
  travellerId?: string;
  manifestId?: string;
}

export interface Alert extends Omit<NewAlert, "cleared"> {
  id: string;
  status: AlertStatus;
  severity: Severity;
  /** Best match score (0 when only rules hit). */
  score: number;
  /** Queue order: higher first. Severity first, then score. */
  priority: number;
  cleared: ClearedMatch[];
  assignee?: string;
  createdAt: string;
  updatedAt: string;
}

/** One officer decision; the history of an alert is these, append-only. */
export interface AlertDecision {
  id: string;
  alertId: string;
  decision: Decision;
  fromStatus: AlertStatus;
  toStatus: AlertStatus;
  reason: string;
  /** Set on a dismissal: the traveller is not the person of the record (feeds redress memory). */
  notSamePerson: boolean;
  assignee?: string;
  actor: string;
  at: string;
}

export interface AlertWithHistory extends Alert {
  history: AlertDecision[];
}

export interface DecisionInput {
  decision: Decision;
  reason: string;
  assignee?: string;
  /** Defaults to true for a dismissal of a traveller alert with watchlist matches. */
  notSamePerson?: boolean;
}

export interface AlertFilter {
  status?: AlertStatus;
  /** Only alerts of this agency's screenings (context.agency); alerts without one belong to the local agency. */
  agency?: string;
  kind?: AlertKind;
  limit?: number;
  offset?: number;
}

export const SEVERITY_RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };

export function maxSeverity(severities: Iterable<Severity>): Severity | undefined {
  let best: Severity | undefined;
  for (const s of severities) if (!best || SEVERITY_RANK[s] > SEVERITY_RANK[best]) best = s;
  return best;
}

function oneOf<T extends string>(values: readonly T[], what: string) {
  return (value: string, where: string): T => {
    if ((values as readonly string[]).includes(value)) return value as T;
    throw badInput(`unknown ${what} "${value}" (expected one of ${values.join(", ")})`, where);
  };
}

export const parseAlertStatus = oneOf(ALERT_STATUSES, "alert status");
export const parseDecision = oneOf(DECISIONS, "decision");
export const parseSeverity = oneOf(SEVERITIES, "severity");
export const parseAlertKind = oneOf(ALERT_KINDS, "alert kind");
