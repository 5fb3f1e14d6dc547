import { runTravellerRetention, travellerRetentionPolicy } from "../alerts/retention.ts";
import type { Clock } from "../platform/clock.ts";
import type { Store } from "../platform/db.ts";
import { logger } from "../platform/logging.ts";
import { LOCAL_OPERATOR } from "../sharing/context.ts";
import { runRetention } from "../sharing/retention.ts";
import { runEvery } from "../sharing/schedule.ts";
import { deliverWebhooks } from "../sharing/webhooks.ts";

const HOUR = 3_600_000;
const WEBHOOK_INTERVAL = 10_000;

/**
 * The server's scheduled work: retention of registry records and of traveller data (hourly, as the
 * node's operator, each run audited), and delivery of signed hit webhooks. Returns a function that stops it.
 */
export function startBackgroundWork(store: Store, clock: Clock): () => void {
  const context = { actor: LOCAL_OPERATOR, clock };
  const report = (what: string) => (error: unknown) => logger.error({ err: error }, `${what} failed`);
  const stops = [
    runEvery(HOUR, () => runRetention(store.db, context), report("record retention")),
    runEvery(
      HOUR,
      () => runTravellerRetention(store.db, context, travellerRetentionPolicy()),
      report("traveller retention"),
    ),
    runEvery(WEBHOOK_INTERVAL, () => deliverWebhooks(store.db, { clock }), report("webhook delivery")),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
