import type { Alert } from "../alerts/types.ts";
import type { Payment } from "../formats/payment-types.ts";
import type { MatchIndex } from "../matching/index.ts";
import type { MatchResult } from "../matching/types.ts";
import type { Db } from "../platform/db.ts";
import type { SharingContext } from "../sharing/context.ts";
import { discloseMatches } from "../sharing/disclose.ts";
import type { MatchView } from "../sharing/present.ts";
import { visibleRecords } from "../sharing/visibility.ts";
import { LEAD_PURPOSE } from "./leads.ts";
import { queuePaymentAlerts } from "./payment-alerts.ts";
import { loadRelationships } from "./registry-screening.ts";
import type { RuleContext } from "./rule-types.ts";
import { assembleScreening, matchPayments, type PaymentAlert, type PaymentMatches } from "./screen.ts";

export interface PresentedAlert extends Omit<PaymentAlert, "matches"> {
  matches: MatchView[];
}

/** The same object as `ftfx screen payments --json`, with each match as the policy shows it to the caller. */
export interface PresentedScreening {
  payments: number;
  alerts: PresentedAlert[];
}

/**
 * Screens a batch for one agency against the registry (for the HTTP API): matches, relationships and
 * related subjects the agency may not know of are dropped first; the alerts go to the queue; each alert's
 * matches are shown through the sharing choke point (audited, originators told of hits).
 */
export async function screenPaymentsAs(
  db: Db,
  index: MatchIndex,
  payments: readonly Payment[],
  context: SharingContext,
  options: { referenceKey: string; rules?: RuleContext; source: string },
): Promise<{ screening: PresentedScreening; queued: Alert[] }> {
  const now = context.clock.now();
  const purpose = LEAD_PURPOSE;
  const visible = (ids: string[]) => visibleRecords(db, context.actor, purpose, ids, now);
  const raw = matchPayments(payments, index);
  const known = await visible(raw.flatMap(matchedIds));
  const matches = raw.map((m): PaymentMatches => {
    const keep = (list: MatchResult[]) => list.filter((r) => known.has(r.entityId));
    return {
      paymentId: m.paymentId,
      parties: m.parties.map((p) => ({ role: p.role, matches: keep(p.matches) })),
      remittance: keep(m.remittance),
    };
  });
  const relationships = await loadRelationships(db, visible);
  const screening = assembleScreening(payments, matches, {
    relationships,
    ...(options.rules ? { context: options.rules } : {}),
  });
  const queued = await queuePaymentAlerts(db, payments, screening, context, options.source);
  const alerts: PresentedAlert[] = [];
  for (const alert of screening.alerts) {
    const shown = await discloseMatches(db, context.actor, purpose, alert.matches, {
      referenceKey: options.referenceKey,
      clock: context.clock,
      action: "screening.payment",
      queryContext: { payment: { ...alert.payment }, party: alert.party },
    });
    alerts.push({ ...alert, matches: shown });
  }
  return { screening: { payments: screening.payments, alerts }, queued };
}

function matchedIds(m: PaymentMatches): string[] {
  return [...m.parties.flatMap((p) => p.matches), ...m.remittance].map((r) => r.entityId);
}
