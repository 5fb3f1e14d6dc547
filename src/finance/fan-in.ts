import type { Payment } from "../formats/payment-types.ts";
import {
  beneficiary,
  formatDay,
  groupBy,
  partyKey,
  partyLabel,
  paymentTime,
  sender,
  type Timed,
  windowClusters,
} from "./payment-facts.ts";
import type { PaymentRule, RuleHit } from "./rule-types.ts";

/**
 * Fan-in (collection account): many different senders paying one beneficiary within a short window, as when
 * donations or collections for a fighter are pooled. Undated payments are not judged.
 */
export const fanInRule: PaymentRule = {
  id: "finance.fan-in",
  description: "Many different senders paying the same beneficiary within a short window",
  severity: "low",
  version: 1,
  evaluate(payments, context) {
    const { minSenders, windowDays } = context.fanIn;
    const dated: Timed<Payment>[] = [];
    for (const payment of payments) {
      const time = paymentTime(payment);
      if (time !== undefined) dated.push({ item: payment, time, key: partyKey(sender(payment)) });
    }
    const groups = groupBy(dated, ({ item }) => partyKey(beneficiary(item)));
    const hits: RuleHit[] = [];
    for (const group of groups.values()) {
      for (const cluster of windowClusters(group, windowDays, minSenders)) {
        const first = cluster[0] as Timed<Payment>;
        const last = cluster.at(-1) as Timed<Payment>;
        const senders = [...new Map(cluster.map(({ item, key }) => [key, sender(item)])).values()];
        hits.push({
          ruleId: fanInRule.id,
          severity: fanInRule.severity,
          detail:
            `${partyLabel(beneficiary(first.item))} received ${cluster.length} payments from ${senders.length} ` +
            `different senders between ${formatDay(first.time)} and ${formatDay(last.time)} ` +
            `(${minSenders} or more within ${windowDays} days): ${senders.map(partyLabel).join(", ")}.`,
          paymentIds: cluster.map(({ item }) => item.id),
        });
      }
    }
    return hits;
  },
};
