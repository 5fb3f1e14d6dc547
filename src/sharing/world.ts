/**
 * The policy's inputs read from the store: the coalition, the arrangements (groups resolved) and the
 * viewer's follow-up grants. A server process caches them until the next change notice (world-cache.ts),
 * so a new arrangement or an approval applies to the next call; elsewhere they are read per call.
 */
import { and, eq, isNotNull } from "drizzle-orm";
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
import { cachedPolicyInput } from "./world-cache.ts";

export interface PolicyWorld {
  agencies: ReadonlyMap<string, Agency & { contact: string }>;
  coalition: Coalition;
  arrangements: Arrangement[];
}

export function loadPolicyWorld(db: DbOrTx): Promise<PolicyWorld> {
  return cachedPolicyInput(db, "world", () => readPolicyWorld(db));
}

async function readPolicyWorld(db: DbOrTx): Promise<PolicyWorld> {
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
  const byRequester = await cachedPolicyInput(db, "grants", () => readApprovedGrants(db));
  const wanted = new Set(entityIds);
  const at = now.getTime();
  return (byRequester.get(requester) ?? []).filter(
    (grant) => wanted.has(grant.entityId) && Date.parse(grant.expires) > at,
  );
}

/**
 * Every approved grant by requester, expired ones too: expiry is judged against the caller's clock at
 * each call, so a cached set stays right as grants run out.
 */
async function readApprovedGrants(db: DbOrTx): Promise<Map<string, FollowUpGrant[]>> {
  const rows = await db
    .select()
    .from(followUpRequests)
    .where(and(eq(followUpRequests.status, "approved"), isNotNull(followUpRequests.expires)));
  const byRequester = new Map<string, FollowUpGrant[]>();
  for (const row of rows) {
    const grant: FollowUpGrant = {
      entityId: row.entityId,
      requester: row.requester,
      level: row.level as Disclosure,
      expires: new Date(row.expires ?? 0).toISOString(),
    };
    byRequester.set(row.requester, [...(byRequester.get(row.requester) ?? []), grant]);
  }
  return byRequester;
}
