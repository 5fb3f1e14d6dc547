import type { Party, Payment } from "../formats/payment-types.ts";

/**
 * Pattern rules over a batch of payments: declared data (id, description, severity, version) plus one pure
 * function. Every hit carries a plain sentence saying why, and the payments it is about.
 */
export type Severity = "low" | "medium" | "high";

export interface RuleHit {
  ruleId: string;
  severity: Severity;
  /** A plain sentence a screener can read without knowing the rule's code. */
  detail: string;
  /** The payments the hit is about (one, or all the payments of a pattern). */
  paymentIds: string[];
}

export interface PaymentRule {
  id: string;
  description: string;
  severity: Severity;
  /** Bumped whenever what the rule flags changes, so an old alert can be traced to the rule it came from. */
  version: number;
  evaluate(payments: readonly Payment[], context: RuleContext): RuleHit[];
}

export interface StructuringConfig {
  /** Reporting threshold per currency; payments in other currencies are not checked (no FX conversion). */
  thresholds: Record<string, number>;
  /** "Just under": at least threshold × (1 − margin) and below the threshold; 0.1 = within 10 %. */
  margin: number;
  /** How many such payments to one beneficiary make a pattern. */
  minPayments: number;
  windowDays: number;
}

export interface FanInConfig {
  /** How many distinct senders to one beneficiary make a pattern. */
  minSenders: number;
  windowDays: number;
}

/** A registered subject that a payment party is related to, as the registry graph says. */
export interface RelatedSubject {
  subjectId: string;
  subjectName: string;
  /** How the party relates to the subject, as a phrase: "brother", "associate", "organisation (member)". */
  relation: string;
  /** The registry entity the party matched (the relative, associate or organisation). */
  relatedEntityId: string;
  relatedName: string;
}

/**
 * The caller's window on the registry graph: which registered subjects is this party a relative, associate
 * or organisation of? Built by the caller (matching + FtM relationships); the rules stay pure.
 */
export type RelatedSubjectLookup = (party: Party) => readonly RelatedSubject[];

export interface RuleContext {
  /** ISO 3166 alpha-2 codes. */
  highRiskCountries: readonly string[];
  /** Extra names per code for free-text addresses, beyond FtM's country labels (e.g. `KP: ["DPRK"]`). */
  countryAliases?: Readonly<Record<string, readonly string[]>>;
  structuring: StructuringConfig;
  fanIn: FanInConfig;
  relatedSubjects?: RelatedSubjectLookup;
}
