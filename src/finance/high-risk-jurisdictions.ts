import { bicCountry, type Party, type Payment } from "../formats/payment-types.ts";
import { ftmModel } from "../model/schema.ts";
import { formatMoney, ibanCountry, normaliseText } from "./payment-facts.ts";
import type { PaymentRule, RuleContext } from "./rule-types.ts";

/**
 * Payments to, from or through a high-risk jurisdiction: any party's stated country, BIC country (letters
 * 5–6), IBAN country or a country named in a free-text address line, and the country of every bank in the
 * chain (by BIC, or by address for banks named without one). One hit per payment, listing every piece of evidence.
 */
export const highRiskJurisdictionRule: PaymentRule = {
  id: "finance.high-risk-jurisdiction",
  description:
    "Payment to, from or through a configured high-risk jurisdiction (party country, address, IBAN, or the BIC " +
    "country of a party or any bank in the chain)",
  severity: "medium",
  version: 1,
  evaluate(payments, context) {
    const countries = new Set(context.highRiskCountries.map((code) => code.toUpperCase()));
    if (countries.size === 0) return [];
    const names = countryNames(countries, context);
    return payments.flatMap((payment) => {
      const evidence = [
        ...partyEvidence("debtor", payment.debtor, countries, names),
        ...partyEvidence("ultimate debtor", payment.ultimateDebtor, countries, names),
        ...partyEvidence("creditor", payment.creditor, countries, names),
        ...partyEvidence("ultimate creditor", payment.ultimateCreditor, countries, names),
        ...bankEvidence(payment, countries),
      ];
      if (evidence.length === 0) return [];
      const reference = payment.messageRef ? ` ${payment.messageRef}` : "";
      return [
        {
          ruleId: highRiskJurisdictionRule.id,
          severity: highRiskJurisdictionRule.severity,
          detail:
            `Payment${reference} of ${formatMoney(payment.amount, payment.currency)} involves a high-risk ` +
            `jurisdiction: ${evidence.join("; ")}.`,
          paymentIds: [payment.id],
        },
      ];
    });
  },
};

/** Normalised country names per code: FtM's label plus the configured aliases. */
function countryNames(countries: Set<string>, context: RuleContext): Map<string, string[]> {
  const labels = ftmModel.getType("country").values;
  return new Map(
    [...countries].map((code) => {
      const label = labels.get(code.toLowerCase());
      const aliases = context.countryAliases?.[code] ?? [];
      return [code, [...(label ? [label] : []), ...aliases].map(normaliseText).filter((name) => name)];
    }),
  );
}

function partyEvidence(
  role: string,
  party: Party | undefined,
  countries: Set<string>,
  names: Map<string, string[]>,
): string[] {
  if (!party) return [];
  const who = `${role} ${party.name || "(unnamed)"}`;
  const evidence: string[] = [];
  if (party.country && countries.has(party.country)) evidence.push(`${who} is in ${party.country}`);
  const bicIn = party.bic ? bicCountry(party.bic) : undefined;
  if (party.bic && bicIn && countries.has(bicIn))
    evidence.push(`${who} has BIC ${party.bic}, a ${bicIn} BIC`);
  const ibanIn = ibanCountry(party.account);
  if (ibanIn && countries.has(ibanIn)) evidence.push(`${who} holds ${ibanIn} IBAN ${party.account}`);
  if (!party.country || !countries.has(party.country)) {
    for (const line of party.address ?? []) {
      const words = ` ${normaliseText(line)} `;
      for (const [code, countryNames] of names) {
        const named = countryNames.find((name) => words.includes(` ${name} `));
        if (named) evidence.push(`${who}'s address "${line}" names ${code}`);
      }
    }
  }
  return evidence;
}

function bankEvidence(payment: Payment, countries: Set<string>): string[] {
  const banks: [string, string | undefined][] = [
    ["debtor's bank", payment.debtorAgentBic],
    ["creditor's bank", payment.creditorAgentBic],
    ...(payment.intermediaryBics ?? []).map((bic): [string, string] => ["intermediary bank", bic]),
  ];
  const byBic = banks.flatMap(([role, bic]) => {
    const country = bic ? bicCountry(bic) : undefined;
    return bic && country && countries.has(country) ? [`${role} ${bic} is in ${country}`] : [];
  });
  const byAddress = (payment.bankCountries ?? [])
    .filter((country) => countries.has(country))
    .map((country) => `a bank without BIC in the chain is in ${country}`);
  return [...byBic, ...byAddress];
}
