import type { Party } from "../formats/payment-types.ts";
import { formatMoney, partyLabel } from "./payment-facts.ts";
import type { PaymentRule } from "./rule-types.ts";

/**
 * Payments to a relative, associate or organisation of a registered subject: money that reaches the
 * subject through someone close. The registry graph is the caller's: `context.relatedSubjects` answers,
 * per party, which subjects it is related to. Without that lookup the rule cannot judge and stays silent.
 */
export const relatedPartyRule: PaymentRule = {
  id: "finance.related-party",
  description:
    "Payment to a known family member, associate or organisation of a registered subject (through the " +
    "registry's relationships)",
  severity: "high",
  version: 1,
  evaluate(payments, context) {
    const lookup = context.relatedSubjects;
    if (!lookup) return [];
    return payments.flatMap((payment) => {
      const receivers: [string, Party | undefined][] = [
        ["creditor", payment.creditor],
        ["ultimate creditor", payment.ultimateCreditor],
      ];
      return receivers.flatMap(([role, party]) =>
        party
          ? lookup(party).map((related) => ({
              ruleId: relatedPartyRule.id,
              severity: relatedPartyRule.severity,
              detail:
                `The ${role} ${partyLabel(party)} of a ${formatMoney(payment.amount, payment.currency)} payment ` +
                `matches ${related.relatedName} (${related.relatedEntityId}), ${related.relation} of registered ` +
                `subject ${related.subjectName} (${related.subjectId}).`,
              paymentIds: [payment.id],
            }))
          : [],
      );
    });
  },
};
