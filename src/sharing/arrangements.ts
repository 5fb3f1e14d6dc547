/** Arrangements in the store: who may learn what, for which purposes, when. Every change is audited. */
import { asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "../platform/db.ts";
import { badInput, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { appendAudit, auditBody } from "./audit-log.ts";
import { LOCAL_AGENCY, type SharingContext } from "./context.ts";
import { isoInstant } from "./dates.ts";
import { agencies, arrangements, recipientGroups } from "./schema.ts";
import {
  type Arrangement,
  type OriginatorParty,
  parseDisclosure,
  parsePurpose,
  type RecipientGroup,
  type RecipientParty,
} from "./types.ts";

export interface NewArrangement {
  /** Agency id, or `country:XX` for every agency of a country. */
  from: string;
  /** Agency id, `country:XX`, or `group:ID` of a recipient group. */
  to: string;
  disclosure: string;
  purposes: readonly string[];
  /** ISO 8601 date or time; now when absent. */
  starts?: string;
  /** ISO 8601 date or time (exclusive); open-ended when absent. */
  until?: string;
}

export interface NewGroup {
  name: string;
  members: readonly string[];
}

export async function addArrangement(
  db: Db,
  input: NewArrangement,
  context: SharingContext,
): Promise<Arrangement> {
  if (input.purposes.length === 0) throw badInput("an arrangement needs at least one purpose", "purpose");
  const now = context.clock.now();
  const validFrom = input.starts ? isoInstant(input.starts, "from date") : now.toISOString();
  const validUntil = input.until ? isoInstant(input.until, "until") : undefined;
  if (validUntil && validUntil <= validFrom) throw badInput(`${input.until} is not after the start`, "until");
  const disclosure = parseDisclosure(input.disclosure, "disclosure");
  const purposes = [...new Set(input.purposes.map((p) => parsePurpose(p, "purpose")))];
  return db.transaction(async (tx) => {
    const originator = await originatorParty(tx, input.from);
    const stored = await recipientParty(tx, input.to);
    const id = newId("arr");
    await tx.insert(arrangements).values({
      id,
      originator,
      recipient: stored.party,
      disclosure,
      purposes,
      validFrom,
      validUntil: validUntil ?? null,
      createdBy: context.actor.userId,
      createdAt: now.toISOString(),
    });
    const arrangement: Arrangement = {
      id,
      originator,
      recipient: stored.resolved,
      disclosure,
      purposes,
      validFrom,
      ...(validUntil ? { validUntil } : {}),
    };
    await appendAudit(
      tx,
      auditBody(context.actor, now, "arrangement.add", {
        subject: id,
        originator,
        recipient: stored.party,
        disclosure,
        purposes,
        validFrom,
        validUntil: validUntil ?? null,
      }),
    );
    return arrangement;
  });
}

/** Ends an arrangement now (it stays on record); a no-op when it has already ended. */
export async function endArrangement(db: Db, id: string, context: SharingContext): Promise<void> {
  const now = context.clock.now().toISOString();
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(arrangements).where(eq(arrangements.id, id)).for("update");
    if (!row) throw notFound(`no arrangement with id ${id}`);
    if (row.validUntil && new Date(row.validUntil).toISOString() <= now) return;
    await tx.update(arrangements).set({ validUntil: now }).where(eq(arrangements.id, id));
    await appendAudit(tx, auditBody(context.actor, new Date(now), "arrangement.end", { subject: id }));
  });
}

export async function addRecipientGroup(
  db: Db,
  input: NewGroup,
  context: SharingContext,
): Promise<RecipientGroup> {
  if (!input.name.trim()) throw badInput("a group needs a name", "name");
  const now = context.clock.now();
  return db.transaction(async (tx) => {
    for (const member of input.members) await requireAgency(tx, member, "member");
    const group: RecipientGroup = {
      id: newId("grp"),
      name: input.name.trim(),
      members: [...new Set(input.members)],
    };
    await tx.insert(recipientGroups).values({ ...group, members: [...group.members] });
    await appendAudit(
      tx,
      auditBody(context.actor, now, "group.add", {
        subject: group.id,
        name: group.name,
        members: [...group.members],
      }),
    );
    return group;
  });
}

/** Every arrangement, with recipient groups resolved to their members, in id order. */
export async function listArrangements(db: DbOrTx): Promise<Arrangement[]> {
  const groups = new Map((await db.select().from(recipientGroups)).map((g) => [g.id, g]));
  const rows = await db.select().from(arrangements).orderBy(asc(arrangements.id));
  return rows.map((row) => {
    const recipient: RecipientParty =
      "group" in row.recipient
        ? {
            group: groups.get(row.recipient.group) ?? {
              id: row.recipient.group,
              name: "(missing group)",
              members: [],
            },
          }
        : row.recipient;
    return {
      id: row.id,
      originator: row.originator,
      recipient,
      disclosure: parseDisclosure(row.disclosure, "arrangements.disclosure"),
      purposes: row.purposes.map((p) => parsePurpose(p, "arrangements.purposes")),
      validFrom: new Date(row.validFrom).toISOString(),
      ...(row.validUntil ? { validUntil: new Date(row.validUntil).toISOString() } : {}),
    };
  });
}

async function originatorParty(db: DbOrTx, from: string): Promise<OriginatorParty> {
  const country = countryOf(from);
  if (country) return { country };
  // The node's own operator shares what it imported locally without being a partner agency itself.
  if (from === LOCAL_AGENCY) return { agency: LOCAL_AGENCY };
  await requireAgency(db, from, "from");
  return { agency: from };
}

async function recipientParty(
  db: DbOrTx,
  to: string,
): Promise<{
  party: { agency: string } | { country: string } | { group: string };
  resolved: RecipientParty;
}> {
  const country = countryOf(to);
  if (country) return { party: { country }, resolved: { country } };
  if (to.startsWith("group:")) {
    const id = to.slice("group:".length);
    const [group] = await db.select().from(recipientGroups).where(eq(recipientGroups.id, id));
    if (!group) throw badInput(`no recipient group with id ${id}`, "to");
    return { party: { group: id }, resolved: { group } };
  }
  await requireAgency(db, to, "to");
  return { party: { agency: to }, resolved: { agency: to } };
}

function countryOf(party: string): string | undefined {
  if (!party.startsWith("country:")) return undefined;
  const code = party.slice("country:".length).toUpperCase();
  if (!/^[A-Z]{2}$/.test(code))
    throw badInput(`"${party}" is not country:XX with an ISO alpha-2 code`, "country");
  return code;
}

async function requireAgency(db: DbOrTx, id: string, where: string): Promise<void> {
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id));
  if (!row) throw badInput(`no agency with id ${id}`, where);
}
