import type { Payment } from "../formats/payment-types.ts";
import { fanInRule } from "./fan-in.ts";
import { highRiskJurisdictionRule } from "./high-risk-jurisdictions.ts";
import { relatedPartyRule } from "./related-parties.ts";
import type { PaymentRule, RuleContext, RuleHit } from "./rule-types.ts";
import { structuringRule } from "./structuring.ts";

/** The payment pattern rules, in the order their hits are listed. */
export const PAYMENT_RULES: readonly PaymentRule[] = [
  relatedPartyRule,
  highRiskJurisdictionRule,
  structuringRule,
  fanInRule,
];

/** Every rule over the whole batch: patterns (structuring, fan-in) need the batch, not one payment. */
export function evaluatePaymentRules(
  payments: readonly Payment[],
  context: RuleContext,
  rules: readonly PaymentRule[] = PAYMENT_RULES,
): RuleHit[] {
  return rules.flatMap((rule) => rule.evaluate(payments, context));
}

/** Hits per payment id, for alerts that carry a payment with all its rule hits. */
export function hitsByPayment(hits: readonly RuleHit[]): Map<string, RuleHit[]> {
  const byPayment = new Map<string, RuleHit[]>();
  for (const hit of hits) {
    for (const id of hit.paymentIds) byPayment.set(id, [...(byPayment.get(id) ?? []), hit]);
  }
  return byPayment;
}
