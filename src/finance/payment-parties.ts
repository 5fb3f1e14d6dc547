import type { Party, Payment } from "../formats/payment-types.ts";
import type { MatchQuery } from "../matching/types.ts";

/** Which side of the payment a screened party stands on; the `party` of a payment alert. */
export type PartyRole = "debtor" | "creditor" | "ultimateDebtor" | "ultimateCreditor";

export interface ScreenedParty {
  role: PartyRole;
  party: Party;
  query: MatchQuery;
}

const SCHEMA_BY_KIND = { person: "Person", organisation: "Organization", unknown: "LegalEntity" } as const;

/**
 * Every named party of a payment as a matching query. Payment messages rarely say whether a party is a
 * person or an organisation, so an unknown kind is asked as LegalEntity (either). Parties without a name
 * (identified by BIC or account only) have nothing for the name matcher and are left out.
 */
export function partiesToScreen(payment: Payment): ScreenedParty[] {
  const parties: [PartyRole, Party | undefined][] = [
    ["debtor", payment.debtor],
    ["creditor", payment.creditor],
    ["ultimateDebtor", payment.ultimateDebtor],
    ["ultimateCreditor", payment.ultimateCreditor],
  ];
  return parties.flatMap(([role, party]) =>
    party?.name
      ? [
          {
            role,
            party,
            query: {
              id: `${payment.id}:${role}`,
              schema: SCHEMA_BY_KIND[party.kind ?? "unknown"],
              name: party.name,
              ...(party.birthDate ? { birthDate: party.birthDate } : {}),
            },
          },
        ]
      : [],
  );
}
