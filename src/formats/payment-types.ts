/**
 * One payment as every payment parser (ISO 20022, MT103, CSV) hands it to screening: the parties, their
 * banks, the money and the free text, in the same shape whatever the source format was.
 */
export type PaymentMessageType = "pacs.008" | "pain.001" | "MT103" | "csv";

export const PARTY_KINDS = ["person", "organisation", "unknown"] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export function isPartyKind(value: string): value is PartyKind {
  return (PARTY_KINDS as readonly string[]).includes(value);
}

export interface Party {
  name: string;
  kind?: PartyKind;
  /** Street, town and free-format address lines, in the order the message gives them. */
  address?: string[];
  /** ISO 3166 alpha-2, upper case, when the message states it. */
  country?: string;
  /** IBAN or other account number. */
  account?: string;
  bic?: string;
  /** `YYYY-MM-DD`, when the message carries one (ISO 20022 PrvtId, MT103 50F line 4). */
  birthDate?: string;
  /** Other identifiers as `SCHEME:value`, e.g. `COID:123456789`, `NIDN:GB/1234`. */
  identifiers?: string[];
}

export interface Money {
  amount: number;
  currency: string;
}

export interface Payment {
  /** Stable for the same file and position, so re-screening a file gives the same ids. */
  id: string;
  messageType: PaymentMessageType;
  /** Message reference: ISO GrpHdr/MsgId, MT103 field 20, or the CSV's reference column. */
  messageRef?: string;
  endToEndId?: string;
  /** SWIFT gpi unique end-to-end transaction reference, shared by every leg of one payment. */
  uetr?: string;
  /** Settled (pacs.008, MT103 32A) or instructed (pain.001, CSV) amount. */
  amount: number;
  currency: string;
  /** The originally instructed amount when the message gives one apart from the settled one (MT103 33B). */
  instructedAmount?: Money;
  /** `YYYY-MM-DD`: settlement, value or requested execution date. */
  valueDate?: string;
  /** ISO 8601 creation time of the message, when stated. */
  createdAt?: string;
  debtor: Party;
  creditor: Party;
  ultimateDebtor?: Party;
  ultimateCreditor?: Party;
  debtorAgentBic?: string;
  creditorAgentBic?: string;
  /** Every other bank in the chain: instructing/instructed, intermediary, correspondent, previous agents. */
  intermediaryBics?: string[];
  /** Countries of banks in the chain that the message names by clearing code and address, without a BIC. */
  bankCountries?: string[];
  remittance?: string;
  /** Who bears the charges, as the message says it: ISO DEBT/CRED/SHAR/SLEV or MT OUR/BEN/SHA. */
  charges?: string;
  /** Network acknowledgement when the file carried one (SWIFT ACK/NAK service message 451). */
  network?: { status: "acknowledged" | "rejected"; reason?: string };
}

const BIC_PATTERN = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

export function isBic(value: string): boolean {
  return BIC_PATTERN.test(value);
}

/** The BIC's own country: letters 5 and 6. */
export function bicCountry(bic: string): string | undefined {
  return isBic(bic) ? bic.slice(4, 6) : undefined;
}

/** A BIC with the primary-office branch `XXX` made explicit, so BIC8 and BIC11 forms compare equal. */
export function bic11(bic: string): string {
  return bic.length === 8 ? `${bic}XXX` : bic;
}

/** The banks in a chain other than the two ends, each once (BIC8 and BIC11 of one office count once). */
export function otherBanks(
  chain: (string | undefined)[],
  ...ends: (string | undefined)[]
): string[] | undefined {
  const seen = new Set(ends.filter((bic) => bic !== undefined).map(bic11));
  const others: string[] = [];
  for (const bic of chain) {
    if (!bic || seen.has(bic11(bic))) continue;
    seen.add(bic11(bic));
    others.push(bic);
  }
  return others.length > 0 ? others : undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value);
}

/** Leaves optional fields out instead of present-but-undefined, so objects compare and print cleanly. */
export function dropUndefined<T extends object>(value: T): T {
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) kept[key] = field;
  return kept as T;
}
