import type { Payment } from "../formats/payment-types.ts";
import {
  beneficiary,
  formatDay,
  formatMoney,
  groupBy,
  partyKey,
  partyLabel,
  paymentTime,
  type Timed,
  windowClusters,
} from "./payment-facts.ts";
import type { PaymentRule, RuleHit } from "./rule-types.ts";

/**
 * Structuring (smurfing): several payments to one beneficiary, each just under the reporting threshold of
 * its currency, within a few days — one large transfer split to stay below the reporting line. Payments
 * without a date, or in a currency without a configured threshold, are not judged.
 */
export const structuringRule: PaymentRule = {
  id: "finance.structuring",
  description:
    "Several payments just under the reporting threshold to the same beneficiary within a short window",
  severity: "medium",
  version: 1,
  evaluate(payments, context) {
    const { thresholds, margin, minPayments, windowDays } = context.structuring;
    const judged: Timed<Payment>[] = [];
    for (const payment of payments) {
      const threshold = thresholds[payment.currency];
      const time = paymentTime(payment);
      if (threshold === undefined || time === undefined) continue;
      if (payment.amount >= threshold || payment.amount < threshold * (1 - margin)) continue;
      judged.push({ item: payment, time, key: payment.id });
    }
    const groups = groupBy(judged, ({ item }) => `${item.currency}\u0000${partyKey(beneficiary(item))}`);
    const hits: RuleHit[] = [];
    for (const group of groups.values()) {
      for (const cluster of windowClusters(group, windowDays, minPayments)) {
        const first = cluster[0] as Timed<Payment>;
        const last = cluster.at(-1) as Timed<Payment>;
        const { currency } = first.item;
        const threshold = thresholds[currency] as number;
        const total = cluster.reduce((sum, { item }) => sum + item.amount, 0);
        hits.push({
          ruleId: structuringRule.id,
          severity: structuringRule.severity,
          detail:
            `${cluster.length} payments to ${partyLabel(beneficiary(first.item))} between ${formatDay(first.time)} ` +
            `and ${formatDay(last.time)} were each just under the ${formatMoney(threshold, currency)} reporting ` +
            `threshold (from ${formatMoney(threshold * (1 - margin), currency)}), together ` +
            `${formatMoney(total, currency)}.`,
          paymentIds: cluster.map(({ item }) => item.id),
        });
      }
    }
    return hits;
  },
};
