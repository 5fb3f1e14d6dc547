/**
 * API keys in the store: created for a user or service account of an agency with roles, shown once,
 * kept as a scrypt hash, revoked by setting revoked_at. Creation and revocation are audited.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "../platform/db.ts";
import { badInput, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { getAgency } from "./agencies.ts";
import { appendAudit, auditBody } from "./audit-log.ts";
import type { SharingContext } from "./context.ts";
import { apiKeyId, generateApiKey, verifyApiKey } from "./keys.ts";
import { apiKeys, users } from "./schema.ts";
import { type Actor, parseRole, type Role } from "./types.ts";

export interface NewKey {
  agencyId: string;
  roles: readonly string[];
  /** An existing user of the agency; when absent a service account is created for the key. */
  userId?: string;
  /** Name of the new service account. */
  name?: string;
}

export interface KeyInfo {
  id: string;
  agencyId: string;
  userId: string;
  roles: Role[];
  createdAt: string;
  revokedAt?: string;
}

/** An authenticated key: who acts with it. */
export interface KeyActor extends Actor {
  keyId: string;
}

/** Creates a key; `key` is the secret, returned here once and never stored. */
export async function createKey(
  db: Db,
  input: NewKey,
  context: SharingContext,
): Promise<{ id: string; key: string }> {
  if (input.roles.length === 0) throw badInput("a key needs at least one role", "role");
  const roles = [...new Set(input.roles.map((r) => parseRole(r, "role")))];
  const generated = await generateApiKey();
  const now = context.clock.now();
  await db.transaction(async (tx) => {
    const agency = await getAgency(tx, input.agencyId);
    const userId = input.userId ?? newId("usr");
    if (input.userId) {
      const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
      if (!user || user.agencyId !== agency.id)
        throw badInput(`no user ${input.userId} in agency ${agency.id}`, "user");
    } else {
      const name = input.name?.trim() || `service account ${generated.id}`;
      await tx
        .insert(users)
        .values({ id: userId, agencyId: agency.id, name, kind: "service", createdAt: now.toISOString() });
    }
    await tx.insert(apiKeys).values({
      id: generated.id,
      agencyId: agency.id,
      userId,
      roles,
      hash: generated.hash,
      createdAt: now.toISOString(),
    });
    await appendAudit(
      tx,
      auditBody(context.actor, now, "key.create", {
        subject: generated.id,
        agencyId: agency.id,
        userId,
        roles,
      }),
    );
  });
  return { id: generated.id, key: generated.key };
}

/** Revokes a key at once; `agencyId` limits it to one agency's keys (an agency admin), absent for the operator. */
export async function revokeKey(
  db: Db,
  id: string,
  context: SharingContext,
  agencyId?: string,
): Promise<void> {
  const now = context.clock.now();
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for("update");
    if (!row || (agencyId !== undefined && row.agencyId !== agencyId)) throw notFound(`no key with id ${id}`);
    if (row.revokedAt) return;
    await tx.update(apiKeys).set({ revokedAt: now.toISOString() }).where(eq(apiKeys.id, id));
    await appendAudit(
      tx,
      auditBody(context.actor, now, "key.revoke", { subject: id, agencyId: row.agencyId }),
    );
  });
}

export async function listKeys(db: DbOrTx, agencyId?: string): Promise<KeyInfo[]> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(agencyId ? eq(apiKeys.agencyId, agencyId) : undefined)
    .orderBy(asc(apiKeys.agencyId), asc(apiKeys.createdAt));
  return rows.map((row) => ({
    id: row.id,
    agencyId: row.agencyId,
    userId: row.userId,
    roles: row.roles.map((r) => parseRole(r, "api_keys.roles")),
    createdAt: new Date(row.createdAt).toISOString(),
    ...(row.revokedAt ? { revokedAt: new Date(row.revokedAt).toISOString() } : {}),
  }));
}

/**
 * The actor a presented key stands for, or null for an unknown, revoked or wrong key, or a key of a
 * disabled user (one scrypt check).
 */
export async function authenticateKey(db: DbOrTx, key: string): Promise<KeyActor | null> {
  const id = apiKeyId(key);
  if (!id) return null;
  const [row] = await db
    .select({
      id: apiKeys.id,
      agencyId: apiKeys.agencyId,
      userId: apiKeys.userId,
      roles: apiKeys.roles,
      hash: apiKeys.hash,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt), isNull(users.disabledAt)));
  if (!row || !(await verifyApiKey(key, row.hash))) return null;
  return {
    keyId: row.id,
    agencyId: row.agencyId,
    userId: row.userId,
    roles: row.roles.map((r) => parseRole(r, "api_keys.roles")),
  };
}
