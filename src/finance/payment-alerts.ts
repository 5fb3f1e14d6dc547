import { createAlerts } from "../alerts/service.ts";
import type { Alert, NewAlert } from "../alerts/types.ts";
import type { Payment } from "../formats/payment-types.ts";
import type { Db } from "../platform/db.ts";
import { appendAudit, auditBody } from "../sharing/audit-log.ts";
import type { SharingContext } from "../sharing/context.ts";
import type { PaymentAlert, PaymentScreening } from "./screen.ts";

/**
 * Payment alerts into the one alert queue (kind `payment`), one per payment and party, so a re-screened file
 * refreshes its open alerts instead of doubling them. The payment goes along as the alert's context.
 */
export function toQueueAlert(alert: PaymentAlert, payment: Payment | undefined): NewAlert {
  const party =
    alert.party === "remittance" || alert.party === "payment" ? undefined : payment?.[alert.party];
  const subject =
    alert.party === "remittance"
      ? `remittance: ${payment?.remittance ?? ""}`
      : alert.party === "payment"
        ? `payment ${alert.payment.debtor} → ${alert.payment.creditor}`
        : party?.name || alert.payment[alert.party === "debtor" ? "debtor" : "creditor"];
  return {
    kind: "payment",
    occasionKey: `${alert.payment.id}|${alert.party}`,
    subject: { name: subject, ...(party?.birthDate ? { birthDate: party.birthDate } : {}) },
    matches: alert.matches,
    ruleHits: alert.ruleHits,
    context: { payment: { ...alert.payment, ...paymentContext(payment) }, party: alert.party },
  };
}

/** What an officer needs to judge the payment: references, date, banks and remittance as the message gave them. */
function paymentContext(payment: Payment | undefined): Record<string, unknown> {
  if (!payment) return {};
  const {
    messageType,
    messageRef,
    endToEndId,
    uetr,
    valueDate,
    remittance,
    debtorAgentBic,
    creditorAgentBic,
  } = payment;
  return Object.fromEntries(
    Object.entries({
      messageType,
      messageRef,
      endToEndId,
      uetr,
      valueDate,
      remittance,
      debtorAgentBic,
      creditorAgentBic,
    }).filter(([, value]) => value !== undefined),
  );
}

/**
 * Stores the screening's alerts in the queue and audits the screening with its purpose, in one transaction.
 * Returns the queue's alerts (with their ids and priorities).
 */
export async function queuePaymentAlerts(
  db: Db,
  payments: readonly Payment[],
  screening: PaymentScreening,
  context: SharingContext,
  source: string,
): Promise<Alert[]> {
  const byId = new Map(payments.map((p) => [p.id, p]));
  const items = screening.alerts.map((alert) => toQueueAlert(alert, byId.get(alert.payment.id)));
  return db.transaction(async (tx) => {
    const stored = await createAlerts(tx, items, context);
    await appendAudit(
      tx,
      auditBody(context.actor, context.clock.now(), "screening.payments", {
        purpose: "financial-intelligence",
        source,
        payments: screening.payments,
        alerts: stored.map((a) => a.id),
      }),
    );
    return stored;
  });
}
