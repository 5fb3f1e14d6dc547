import { base, de, en, Faker, fr, generateMersenne53Randomizer, tr } from "@faker-js/faker";
import type { Party, PartyKind, Payment } from "../../src/formats/payment-types.ts";
import type { FtmEntity } from "../../src/model/entity.ts";

/**
 * SYNTHETIC payments for the benchmark, at a fixed seed: invented people and companies paying each other,
 * with a small share paying registered (also synthetic) subjects or naming them in the remittance, and a
 * few structuring runs, so every path of screening is exercised at its real-world rate, not just the misses.
 */
export interface PaymentMix {
  /** Share of payments whose creditor is a registered subject. */
  toSubject: number;
  /** Share whose remittance names a registered subject. */
  remittanceNamesSubject: number;
}

export const DEFAULT_MIX: PaymentMix = { toSubject: 0.01, remittanceNamesSubject: 0.005 };

const REMITTANCES = [
  "Invoice {n}",
  "Rent {month}",
  "Salary {month} {n}",
  "Order {n} thank you",
  "Family support",
  "School fees {month}",
  "Loan repayment {n}",
  "",
];
const MONTHS = ["January", "February", "March", "April", "May", "June"];
const KINDS: PartyKind[] = ["person", "organisation", "unknown", "unknown"];

export interface SyntheticPayments {
  payments: Payment[];
  /** Payment id → the subject planted in it, as creditor or named in the remittance. */
  planted: Map<string, { where: "creditor" | "remittance"; entityId: string }>;
}

export function syntheticPayments(
  count: number,
  subjects: readonly FtmEntity[],
  seed = 2178,
  mix: PaymentMix = DEFAULT_MIX,
): SyntheticPayments {
  const randomizer = generateMersenne53Randomizer();
  randomizer.seed(seed);
  const locales = [en, de, fr, tr].map((locale) => new Faker({ locale: [locale, en, base], randomizer }));
  const f = locales[0] as Faker;
  const people = subjects.filter((s) => s.schema === "Person");
  const planted: SyntheticPayments["planted"] = new Map();
  const plant = (id: string, where: "creditor" | "remittance") => {
    const subject = f.helpers.arrayElement(people);
    planted.set(id, { where, entityId: subject.id });
    return subject.properties.name?.[0] ?? "SYNTHETIC";
  };
  const party = (): Party => {
    const kind = f.helpers.arrayElement(KINDS);
    const faker = f.helpers.arrayElement(locales);
    const name =
      kind === "organisation" || (kind === "unknown" && f.datatype.boolean(0.4))
        ? faker.company.name()
        : faker.person.fullName();
    return { name, kind, country: faker.location.countryCode(), account: `SYN${f.string.numeric(18)}` };
  };
  const payments: Payment[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `syn-pay-${i}`;
    const creditor = f.datatype.boolean(mix.toSubject)
      ? { name: plant(id, "creditor"), kind: "unknown" as const }
      : party();
    const remittance = f.datatype.boolean(mix.remittanceNamesSubject)
      ? `Support for ${plant(id, "remittance")}`
      : f.helpers
          .arrayElement(REMITTANCES)
          .replace("{n}", f.string.numeric(5))
          .replace("{month}", f.helpers.arrayElement(MONTHS));
    const day = f.number.int({ min: 1, max: 28 });
    payments.push({
      id,
      messageType: "csv",
      messageRef: `SYN${i}`,
      amount: f.number.float({ min: 10, max: 20_000, fractionDigits: 2 }),
      currency: f.helpers.arrayElement(["EUR", "EUR", "USD", "GBP"]),
      valueDate: `2024-05-${String(day).padStart(2, "0")}`,
      debtor: party(),
      creditor,
      ...(remittance ? { remittance } : {}),
    });
  }
  return { payments, planted };
}
