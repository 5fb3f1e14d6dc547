/**
 * The sharing vocabulary: agencies and their people, purposes, disclosure levels, arrangements and follow-up
 * grants. Plain data only; the rules over it live in policy.ts, the outward shapes in present.ts.
 */
import { badInput } from "../platform/errors.ts";

export type { EntityStatus, Handling, RegistryEntity } from "../model/entity.ts";

export const AGENCY_TYPES = [
  "police",
  "border",
  "financial-intelligence",
  "intelligence",
  "prosecution",
  "secretariat",
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export interface Agency {
  id: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  name: string;
  type: AgencyType;
}

export const ROLES = ["admin", "contributor", "screener", "analyst", "auditor"] as const;
export type Role = (typeof ROLES)[number];

/** Who acts: a user or service account of one agency. Disclosure is decided per agency, not per user. */
export interface Actor {
  agencyId: string;
  userId: string;
  roles: readonly Role[];
}

export const PURPOSES = [
  "border-screening",
  "investigation",
  "prosecution",
  "financial-intelligence",
  "analysis",
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Disclosure levels an arrangement can grant, least to most revealing. */
export const DISCLOSURES = ["hit-no-hit", "summary", "full"] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

/** Who shares: one agency, or every agency of a country. */
export type OriginatorParty = { agency: string } | { country: string };

/** A named recipient group; its member list is shown only to the arrangement's originator side. */
export interface RecipientGroup {
  id: string;
  name: string;
  /** Agency ids. */
  members: readonly string[];
}

/** Who receives: one agency, every agency of a country, or a named group of agencies. */
export type RecipientParty = { agency: string } | { country: string } | { group: RecipientGroup };
export type RecipientKind = "agency" | "country" | "group";

export interface Arrangement {
  id: string;
  originator: OriginatorParty;
  recipient: RecipientParty;
  /** What a hit reveals under this arrangement. */
  disclosure: Disclosure;
  /** The purposes a query must state for this arrangement to apply. */
  purposes: readonly Purpose[];
  /** ISO 8601 instant from which the arrangement applies. */
  validFrom: string;
  /** ISO 8601 instant at which it stops applying (exclusive); open-ended when absent. */
  validUntil?: string;
}

/** An originator's approval of a follow-up request: more disclosure of one record, for one requester. */
export interface FollowUpGrant {
  entityId: string;
  /** The requesting agency's id. */
  requester: string;
  level: Disclosure;
  /** ISO 8601 instant at which the grant lapses (exclusive). */
  expires: string;
}

/** The coalition's member agencies by id. GREEN and stricter handling never leave it. */
export interface Coalition {
  members: ReadonlyMap<string, Agency>;
}

export function coalitionOf(agencies: Iterable<Agency>): Coalition {
  return { members: new Map([...agencies].map((agency) => [agency.id, agency])) };
}

export function recipientKind(recipient: RecipientParty): RecipientKind {
  if ("agency" in recipient) return "agency";
  if ("country" in recipient) return "country";
  return "group";
}

function oneOf<T extends string>(values: readonly T[], what: string) {
  return (value: string, where: string): T => {
    if ((values as readonly string[]).includes(value)) return value as T;
    throw badInput(`unknown ${what} "${value}" (expected one of ${values.join(", ")})`, where);
  };
}

/** Edge validators: turn user input into the vocabulary, or throw bad input naming the field. */
export const parsePurpose = oneOf(PURPOSES, "purpose");
export const parseDisclosure = oneOf(DISCLOSURES, "disclosure level");
export const parseRole = oneOf(ROLES, "role");
export const parseAgencyType = oneOf(AGENCY_TYPES, "agency type");

export function parseCountry(value: string, where: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw badInput(`"${value}" is not an ISO 3166-1 alpha-2 country code`, where);
  return code;
}
