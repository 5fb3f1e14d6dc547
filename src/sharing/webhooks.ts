/**
 * Signed webhooks: an agency may have its notifications POSTed to a URL of its own as well as kept in its
 * inbox. Each delivery carries `x-ftfx-timestamp` and `x-ftfx-signature: sha256=HEX`, the HMAC-SHA256
 * of `TIMESTAMP.BODY` under the agency's webhook secret (shown once when the webhook is set). Undelivered
 * notifications are retried on every run until the receiver answers 2xx.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Clock } from "../platform/clock.ts";
import type { Db, DbOrTx } from "../platform/db.ts";
import { badInput, notFound } from "../platform/errors.ts";
import { appendAudit, auditBody } from "./audit-log.ts";
import type { SharingContext } from "./context.ts";
import { agencies, notifications } from "./schema.ts";

export interface DeliveryRun {
  delivered: number;
  failed: number;
}

export interface DeliveryOptions {
  clock: Clock;
  /** Notifications per run. */
  limit?: number;
  timeoutMs?: number;
}

/** Sets (or with null removes) an agency's webhook; returns the new signing secret, shown only here. */
export async function setWebhook(
  db: Db,
  agencyId: string,
  url: string | null,
  context: SharingContext,
): Promise<{ secret: string } | null> {
  if (url !== null) checkUrl(url);
  const secret = url === null ? null : `whsec_${randomBytes(32).toString("base64url")}`;
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(agencies)
      .set({ webhookUrl: url, webhookSecret: secret })
      .where(eq(agencies.id, agencyId))
      .returning({ id: agencies.id });
    if (updated.length === 0) throw notFound(`no agency with id ${agencyId}`);
    await appendAudit(
      tx,
      auditBody(context.actor, context.clock.now(), "agency.webhook", { subject: agencyId, url }),
    );
  });
  return secret === null ? null : { secret };
}

/** The signature a receiver must find in `x-ftfx-signature`. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** For receivers: true when the signature is the sender's, compared in constant time. */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** POSTs undelivered notifications of agencies with a webhook, oldest first; marks the ones accepted. */
export async function deliverWebhooks(db: DbOrTx, options: DeliveryOptions): Promise<DeliveryRun> {
  const pending = await db
    .select({ notification: notifications, url: agencies.webhookUrl, secret: agencies.webhookSecret })
    .from(notifications)
    .innerJoin(agencies, eq(agencies.id, notifications.agencyId))
    .where(and(isNotNull(agencies.webhookUrl), isNull(notifications.deliveredAt)))
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .limit(options.limit ?? 500);
  const run: DeliveryRun = { delivered: 0, failed: 0 };
  for (const { notification, url, secret } of pending) {
    const { id, agencyId, kind, body, createdAt } = notification;
    const payload = JSON.stringify({
      id,
      agencyId,
      kind,
      body,
      createdAt: new Date(createdAt).toISOString(),
    });
    const timestamp = String(Math.floor(options.clock.now().getTime() / 1000));
    const accepted = await post(
      url ?? "",
      payload,
      {
        "x-ftfx-timestamp": timestamp,
        "x-ftfx-signature": webhookSignature(secret ?? "", timestamp, payload),
      },
      options.timeoutMs ?? 5000,
    );
    if (!accepted) {
      run.failed += 1;
      continue;
    }
    await db
      .update(notifications)
      .set({ deliveredAt: options.clock.now().toISOString() })
      .where(eq(notifications.id, id));
    run.delivered += 1;
  }
  return run;
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
    await response.body?.cancel();
    return response.ok;
  } catch {
    // Unreachable or slow receivers are retried on the next run.
    return false;
  }
}

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badInput(`"${url}" is not a URL`, "url");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw badInput("a webhook URL is http(s)", "url");
}
