/**
 * The policy's inputs read from the store: the coalition, the arrangements (groups resolved) and the
 * viewer's follow-up grants. Read per request, so a new arrangement or an approval applies at once.
 */
import { and, eq, gt, inArray } from "drizzle-orm";
import type { DbOrTx } from "../platform/db.ts";
import { listAgencies } from "./agencies.ts";
import { listArrangements } from "./arrangements.ts";
import { followUpRequests } from "./schema.ts";
import {
  type Agency,
  type Arrangement,
  type Coalition,
  coalitionOf,
  type Disclosure,
  type FollowUpGrant,
} from "./types.ts";

export interface PolicyWorld {
  agencies: ReadonlyMap<string, Agency & { contact: string }>;
  coalition: Coalition;
  arrangements: Arrangement[];
}

export async function loadPolicyWorld(db: DbOrTx): Promise<PolicyWorld> {
  const all = await listAgencies(db);
  return {
    agencies: new Map(all.map((a) => [a.id, a])),
    coalition: coalitionOf(all.filter((a) => a.member)),
    arrangements: await listArrangements(db),
  };
}

/** The viewer's unexpired grants for these records. */
export async function loadGrants(
  db: DbOrTx,
  requester: string,
  entityIds: readonly string[],
  now: Date,
): Promise<FollowUpGrant[]> {
  if (entityIds.length === 0) return [];
  const rows = await db
    .select()
    .from(followUpRequests)
    .where(
      and(
        eq(followUpRequests.requester, requester),
        eq(followUpRequests.status, "approved"),
        inArray(followUpRequests.entityId, [...entityIds]),
        gt(followUpRequests.expires, now.toISOString()),
      ),
    );
  return rows.map((row) => ({
    entityId: row.entityId,
    requester: row.requester,
    level: row.level as Disclosure,
    expires: new Date(row.expires ?? 0).toISOString(),
  }));
}
