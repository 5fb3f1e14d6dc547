import type { Party, Payment } from "../../src/formats/payment-types.ts";

/** Clearly synthetic payments for rule tests: every name starts with SYNTHETIC. */
let counter = 0;

export function party(name: string, extra: Partial<Party> = {}): Party {
  return { name: `SYNTHETIC ${name}`, kind: "unknown", ...extra };
}

export function payment(extra: Partial<Payment> = {}): Payment {
  counter += 1;
  return {
    id: `pay-synthetic-${counter}`,
    messageType: "csv",
    messageRef: `SYN-${counter}`,
    amount: 100,
    currency: "EUR",
    valueDate: "2024-05-01",
    debtor: party("Sender"),
    creditor: party("Beneficiary"),
    ...extra,
  };
}

/** `YYYY-MM-DD` of 1 May 2024 plus `days`. */
export function day(days: number): string {
  return new Date(Date.UTC(2024, 4, 1 + days)).toISOString().slice(0, 10);
}
