/**
 * THE choke point for disclosure: how much of one record one agency may see, for one stated purpose, now.
 * Every view of another agency's data is decided here and shaped by present.ts; nothing else filters.
 * Read top-down, `decideDisclosure` is the table of rules; each rule is one early return.
 */
import type {
  Agency,
  Arrangement,
  Coalition,
  Disclosure,
  FollowUpGrant,
  Handling,
  Purpose,
  RecipientKind,
  RecipientParty,
  RegistryEntity,
} from "./types.ts";
import { DISCLOSURES, recipientKind } from "./types.ts";

/** `own`: the viewer is the originator. `none`: the record does not exist for this viewer. */
export type DisclosureLevel = "none" | Disclosure | "own";

export interface DisclosureDecision {
  level: DisclosureLevel;
  /** The arrangement the level rests on (absent for own and none). */
  arrangementId?: string;
  reason: string;
}

export interface DisclosureRequest {
  viewer: Agency;
  purpose: Purpose;
  record: Pick<RegistryEntity, "id" | "originator" | "handling" | "status">;
  arrangements: readonly Arrangement[];
  grants: readonly FollowUpGrant[];
  now: Date;
  coalition: Coalition;
}

/**
 * How far each handling code (TLP 2.0) lets a record travel: which recipient kinds of an arrangement may
 * name the viewer, and whether the viewer must be a coalition member. AMBER and GREEN reach the same
 * agencies here; TLP's difference between them is what the recipient may pass on, which ftfx shows as
 * the handling code in every summary and full view.
 */
export const HANDLING_REACH: Record<
  Handling,
  { recipients: readonly RecipientKind[]; coalitionOnly: boolean }
> = {
  RED: { recipients: [], coalitionOnly: true }, // never leaves the originator
  "AMBER+STRICT": { recipients: ["agency"], coalitionOnly: true }, // only the agency named
  AMBER: { recipients: ["agency", "country", "group"], coalitionOnly: true }, // named recipients
  GREEN: { recipients: ["agency", "country", "group"], coalitionOnly: true }, // within the coalition
  CLEAR: { recipients: ["agency", "country", "group"], coalitionOnly: false }, // all with an arrangement
};

export function decideDisclosure(request: DisclosureRequest): DisclosureDecision {
  const { viewer, record, purpose, coalition } = request;
  if (viewer.id === record.originator) return { level: "own", reason: "the originator sees its own record" };
  if (record.status === "withdrawn") return none("withdrawn by its originator");
  if (record.handling === "RED") return none("RED never leaves the originator");
  if (HANDLING_REACH[record.handling].coalitionOnly && !coalition.members.has(viewer.id)) {
    return none(`${record.handling} stays within the coalition`);
  }
  const arrangement = mostGenerous(request.arrangements.filter((a) => applies(a, request)));
  if (!arrangement) return none(`no arrangement lets ${record.handling} reach this agency for ${purpose}`);
  const granted = highestGrant(request.grants.filter((g) => grantApplies(g, request)));
  if (rank(granted) > rank(arrangement.disclosure)) {
    return { level: granted, arrangementId: arrangement.id, reason: "raised by an approved follow-up" };
  }
  return {
    level: arrangement.disclosure,
    arrangementId: arrangement.id,
    reason: `arrangement ${arrangement.id}`,
  };
}

/** Orders levels from nothing to everything, so callers can compare decisions. */
export function rank(level: DisclosureLevel): number {
  if (level === "none") return 0;
  if (level === "own") return DISCLOSURES.length + 1;
  return DISCLOSURES.indexOf(level) + 1;
}

function none(reason: string): DisclosureDecision {
  return { level: "none", reason };
}

function applies(arrangement: Arrangement, { viewer, purpose, record, now, coalition }: DisclosureRequest) {
  return (
    arrangement.purposes.includes(purpose) &&
    isValidAt(arrangement, now) &&
    originatorMatches(arrangement, record.originator, coalition) &&
    HANDLING_REACH[record.handling].recipients.includes(recipientKind(arrangement.recipient)) &&
    names(arrangement.recipient, viewer)
  );
}

function isValidAt({ validFrom, validUntil }: Arrangement, now: Date): boolean {
  const at = now.getTime();
  return Date.parse(validFrom) <= at && (validUntil === undefined || at < Date.parse(validUntil));
}

function originatorMatches({ originator }: Arrangement, agencyId: string, coalition: Coalition): boolean {
  if ("agency" in originator) return originator.agency === agencyId;
  return coalition.members.get(agencyId)?.country === originator.country;
}

function names(recipient: RecipientParty, viewer: Agency): boolean {
  if ("agency" in recipient) return recipient.agency === viewer.id;
  if ("country" in recipient) return recipient.country === viewer.country;
  return recipient.group.members.includes(viewer.id);
}

function grantApplies(grant: FollowUpGrant, { viewer, record, now }: DisclosureRequest): boolean {
  return (
    grant.entityId === record.id && grant.requester === viewer.id && now.getTime() < Date.parse(grant.expires)
  );
}

/** The most revealing arrangement; ties go to the smallest id so the choice never depends on input order. */
function mostGenerous(arrangements: readonly Arrangement[]): Arrangement | undefined {
  let best: Arrangement | undefined;
  for (const candidate of arrangements) {
    const gain = best ? rank(candidate.disclosure) - rank(best.disclosure) : 1;
    if (gain > 0 || (best && gain === 0 && candidate.id < best.id)) best = candidate;
  }
  return best;
}

function highestGrant(grants: readonly FollowUpGrant[]): DisclosureLevel {
  return grants.reduce<DisclosureLevel>((top, g) => (rank(g.level) > rank(top) ? g.level : top), "none");
}
