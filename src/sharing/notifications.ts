/** An agency's inbox: hits on its records, withdrawals it must know of, follow-up requests and decisions. */
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../platform/db.ts";
import { newId } from "../platform/ids.ts";
import type { JsonObject } from "./audit-chain.ts";
import { notifications } from "./schema.ts";

export const NOTIFICATION_KINDS = ["hit", "withdrawn", "follow-up-request", "follow-up-decision"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notification {
  id: string;
  agencyId: string;
  kind: NotificationKind;
  body: JsonObject;
  createdAt: string;
  readAt?: string;
}

/** Queues a notification inside the caller's transaction, so it exists exactly when the event does. */
export async function notify(
  db: DbOrTx,
  agencyId: string,
  kind: NotificationKind,
  body: JsonObject,
  at: Date,
): Promise<void> {
  await notifyAll(db, [{ agencyId, kind, body }], at);
}

/** Several notifications in one statement. */
export async function notifyAll(
  db: DbOrTx,
  items: readonly { agencyId: string; kind: NotificationKind; body: JsonObject }[],
  at: Date,
): Promise<void> {
  if (items.length === 0) return;
  await db
    .insert(notifications)
    .values(items.map((item) => ({ id: newId("ntf"), ...item, createdAt: at.toISOString() })));
}

export async function listNotifications(
  db: DbOrTx,
  agencyId: string,
  options: { unreadOnly?: boolean; limit: number },
): Promise<Notification[]> {
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.agencyId, agencyId),
        options.unreadOnly ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
  return rows.map((row) => ({
    id: row.id,
    agencyId: row.agencyId,
    kind: row.kind as NotificationKind,
    body: row.body,
    createdAt: new Date(row.createdAt).toISOString(),
    ...(row.readAt ? { readAt: new Date(row.readAt).toISOString() } : {}),
  }));
}

/** Marks an agency's own notifications read; ids of other agencies are ignored. */
export async function markRead(
  db: DbOrTx,
  agencyId: string,
  ids: readonly string[],
  at: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(notifications)
    .set({ readAt: at.toISOString() })
    .where(
      and(
        eq(notifications.agencyId, agencyId),
        inArray(notifications.id, [...ids]),
        isNull(notifications.readAt),
      ),
    );
}
